//! Whatever a school types into any card's fields, in any kind of row:
//! scoring never panics, never gives more than the card allows, and a row
//! with a wrong field never counts. The department's figures over such
//! files never panic either.

use proptest::prelude::*;

use profkarta_core::card::{builtins, Card, Rule};
use profkarta_core::department::events::event_totals;
use profkarta_core::department::figures::{describe_value, figures};
use profkarta_core::department::results::results;
use profkarta_core::school::draft::{Draft, ListRow, RawAnswer};
use profkarta_core::scoring::explain::{explain, explain_total};
use profkarta_core::scoring::{assess, Outcome};
use profkarta_core::testkit;

/// What people really type into a number box: numbers, big numbers, commas,
/// signs, spaces, words, or nothing.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (0u64..200).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        "[0-9 ,.%-]{1,6}",
        "[а-яa-z0-9 ]{1,8}",
    ]
}

fn answer() -> impl Strategy<Value = RawAnswer> {
    (
        [typed(), typed(), typed(), typed(), typed(), typed()],
        proptest::collection::vec(typed(), 0..7),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec(
            (
                "[А-Яа-я «»\"]{0,12}",
                proptest::collection::vec(typed(), 0..4),
            ),
            0..4,
        ),
    )
        .prop_map(
            |([n, d, pn, pd, count, percent], parts, fact, rows)| RawAnswer {
                numerator: n,
                denominator: d,
                prev_numerator: pn,
                prev_denominator: pd,
                count,
                percent,
                parts,
                fact,
                rows: rows
                    .into_iter()
                    .map(|(name, values)| ListRow { name, values })
                    .collect(),
                ..RawAnswer::default()
            },
        )
}

fn cards() -> Vec<Card> {
    builtins()
        .expect("the built-in cards are valid")
        .into_iter()
        .filter(|c| !c.template)
        .collect()
}

proptest! {
    #[test]
    fn any_answers_in_any_card(card_index in 0usize..4, answers in proptest::collection::vec(answer(), 30)) {
        let cards = cards();
        let card = &cards[card_index % cards.len()];
        let mut draft: Draft = testkit::draft("Школа", "2025/2026", &[]);
        for (indicator, answer) in card.indicators().zip(answers) {
            draft.answers.insert(indicator.code.clone(), answer);
        }
        let a = assess(card, &draft);
        prop_assert!(a.total <= a.max_applicable);
        prop_assert!(a.max_applicable <= card.max_points);
        for (indicator, result) in card.indicators().zip(&a.indicators) {
            if let Outcome::Scored { points, .. } = result.outcome {
                prop_assert!(points <= indicator.points, "{}", indicator.code);
            }
            if result.outcome.applies() && !result.errors.is_empty() {
                prop_assert_eq!(&result.outcome, &Outcome::Invalid, "{} counts with a wrong field", &indicator.code);
            }
            let _ = explain(indicator, result, card.has_points());
        }
        let _ = explain_total(card, &a);

        let archive = testkit::archive(card, &[("1", &draft)]);
        let now = results(&archive, &card.id, "2025/2026");
        let f = figures(&archive, card, &now);
        for (indicator, figure) in card.indicators().zip(&f.indicators) {
            let _ = describe_value(&indicator.rule, figure);
            if let Rule::List { .. } = indicator.rule {
                let _ = event_totals(&archive, card, &now, &indicator.code);
            }
        }
    }
}
