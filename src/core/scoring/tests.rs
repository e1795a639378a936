//! Scoring against hand-computed cases, the seed's level boundaries, and
//! properties over arbitrary drafts.

use super::*;
use crate::card::{Applicability, Rule, ZeroDenominator};
use crate::error::LinkError;
use crate::school::input::parse_number;
use crate::school::profile::SchoolLevel;
use crate::testkit::{card, fact, share};
use proptest::prelude::*;

fn share_indicator(threshold: u32, zero: ZeroDenominator) -> Indicator {
    Indicator {
        id: String::new(),
        code: "x".into(),
        text: "Доля".into(),
        rule_text: "не менее".into(),
        rule: Rule::Share {
            threshold_percent: Some(threshold),
            dynamics: false,
            bands: Vec::new(),
            numerator: "n".into(),
            denominator: "d".into(),
            zero_denominator: zero,
        },
        points: 1,
        evidence: "e".into(),
        applies: Applicability::default(),
        recommendation: String::new(),
        explain: Default::default(),
    }
}

fn outcome_of(indicator: &Indicator, answer: RawAnswer) -> Outcome {
    assess_indicator(indicator, &SchoolProfile::default(), Some(&answer)).outcome
}

fn points_of(indicator: &Indicator, answer: RawAnswer) -> u32 {
    outcome_of(indicator, answer).points()
}

/// A draft answering every indicator of the built-in card so that exactly
/// the codes in `earned` get their point.
fn draft_earning(earned: &[&str]) -> Draft {
    let card = card();
    let mut draft = Draft::default();
    for indicator in card.indicators() {
        let yes = earned.contains(&indicator.code.as_str());
        let answer = match indicator.rule {
            Rule::Share { .. } => share(if yes { "100" } else { "0" }, "100"),
            Rule::Fact { .. } => fact(yes),
            _ => unreachable!("the built-in card has only shares and facts"),
        };
        draft.answers.insert(indicator.code.clone(), answer);
    }
    draft
}

fn codes(card: &Card) -> Vec<String> {
    card.indicators().map(|i| i.code.clone()).collect()
}

#[test]
fn thirty_percent_is_exactly_thirty() {
    let ind = share_indicator(30, ZeroDenominator::ZeroPoints);
    assert_eq!(points_of(&ind, share("3", "10")), 1);
    assert_eq!(points_of(&ind, share("2", "10")), 0);
    assert_eq!(points_of(&ind, share("300", "1000")), 1);
    assert_eq!(points_of(&ind, share("299", "1000")), 0);
    // 30% of 7 is 2.1: two is short, three earns it.
    assert_eq!(points_of(&ind, share("2", "7")), 0);
    assert_eq!(points_of(&ind, share("3", "7")), 1);
}

#[test]
fn every_threshold_of_the_builtin_card_at_its_boundary() {
    for indicator in card().indicators() {
        if let Rule::Share {
            threshold_percent: Some(t),
            ..
        } = indicator.rule
        {
            let exact = t.to_string();
            let below = (t - 1).to_string();
            assert_eq!(points_of(indicator, share(&exact, "100")), 1, "{t}%");
            assert_eq!(points_of(indicator, share(&below, "100")), 0, "{t}%");
        }
    }
}

#[test]
fn shortfall_says_how_many_more_people_are_needed() {
    let ind = share_indicator(70, ZeroDenominator::ZeroPoints);
    let detail = |n, d| match outcome_of(&ind, share(n, d)) {
        Outcome::Scored {
            detail: Detail::Share { shortfall, .. },
            ..
        } => shortfall,
        other => panic!("{other:?}"),
    };
    assert_eq!(detail("5", "10"), Some(2));
    assert_eq!(detail("7", "10"), Some(0));
    assert_eq!(detail("10", "10"), Some(0));
    // 70% of 33 is 23.1: 24 are needed.
    assert_eq!(detail("20", "33"), Some(4));
}

#[test]
fn zero_denominator_follows_the_card() {
    let zero = share_indicator(30, ZeroDenominator::ZeroPoints);
    assert_eq!(
        outcome_of(&zero, share("0", "0")),
        Outcome::Scored {
            points: 0,
            detail: Detail::Share {
                numerator: 0,
                denominator: 0,
                shortfall: None,
                growth: Growth::NotAsked,
            }
        }
    );
    let na = share_indicator(30, ZeroDenominator::NotApplicable);
    assert_eq!(
        outcome_of(&na, share("0", "0")),
        Outcome::NotApplicable(NotApplicable::EmptyGroup)
    );
}

#[test]
fn zero_threshold_is_met_by_any_nonempty_group() {
    let ind = share_indicator(0, ZeroDenominator::ZeroPoints);
    assert_eq!(points_of(&ind, share("0", "5")), 1);
}

#[test]
fn invalid_input_never_counts() {
    let ind = share_indicator(30, ZeroDenominator::ZeroPoints);
    let cases = [
        (share("5", "4"), AnswerField::Numerator),
        (share("-1", "10"), AnswerField::Numerator),
        (share("3,5", "10"), AnswerField::Numerator),
        (share("5", "10 чел."), AnswerField::Denominator),
        (share("5", "99999999"), AnswerField::Denominator),
        (share("5", ""), AnswerField::Denominator),
        (share("", "10"), AnswerField::Numerator),
    ];
    for (answer, field) in cases {
        let result = assess_indicator(&ind, &SchoolProfile::default(), Some(&answer));
        assert_eq!(result.outcome, Outcome::Invalid, "{answer:?}");
        assert_eq!(result.errors.len(), 1, "{answer:?}");
        assert_eq!(result.errors[0].0, field, "{answer:?}");
    }
}

#[test]
fn a_bad_link_holds_back_an_earned_point() {
    let ind = share_indicator(30, ZeroDenominator::ZeroPoints);
    let mut answer = share("10", "10");
    answer.evidence = "https://school.ru/a\njavascript:alert(1)".into();
    let result = assess_indicator(&ind, &SchoolProfile::default(), Some(&answer));
    assert_eq!(result.outcome, Outcome::Invalid);
    assert_eq!(
        result.errors,
        [(
            AnswerField::Evidence,
            FieldError::Link {
                line: 2,
                error: LinkError::Scheme
            }
        )]
    );
}

#[test]
fn facts_and_counts() {
    let card = card();
    let fact_ind = card.indicator("1.6").unwrap();
    assert_eq!(points_of(fact_ind, fact(true)), 1);
    assert_eq!(points_of(fact_ind, fact(false)), 0);
    assert_eq!(
        outcome_of(fact_ind, RawAnswer::default()),
        Outcome::Unanswered
    );

    let count_ind = Indicator {
        rule: Rule::Count {
            min: Some(2),
            label: "Число ПОО-партнёров".into(),
        },
        points: 2,
        ..share_indicator(0, ZeroDenominator::ZeroPoints)
    };
    let count = |c: &str| RawAnswer {
        count: c.into(),
        ..RawAnswer::default()
    };
    assert_eq!(points_of(&count_ind, count("2")), 2);
    assert_eq!(points_of(&count_ind, count("5")), 2);
    assert_eq!(
        outcome_of(&count_ind, count("1")),
        Outcome::Scored {
            points: 0,
            detail: Detail::Count {
                value: 1,
                shortfall: 1
            }
        }
    );
    assert_eq!(outcome_of(&count_ind, count("")), Outcome::Unanswered);
    assert_eq!(outcome_of(&count_ind, count("два")), Outcome::Invalid);
}

#[test]
fn full_card_levels_at_the_seed_boundaries() {
    let card = card();
    let all = codes(&card);
    for (earned, level) in [
        (23, Level::High),
        (19, Level::High),
        (18, Level::Medium),
        (14, Level::Medium),
        (13, Level::Low),
        (0, Level::Low),
    ] {
        let list: Vec<&str> = all[..earned].iter().map(String::as_str).collect();
        let a = assess(&card, &draft_earning(&list));
        assert_eq!(a.total as usize, earned);
        assert_eq!(a.max_applicable, 23);
        assert_eq!(a.level, Some(level), "{earned} points");
        assert_eq!((a.unanswered, a.invalid), (0, 0));
    }
}

#[test]
fn empty_draft_is_all_unanswered() {
    let a = assess(&card(), &Draft::default());
    assert_eq!((a.total, a.max_applicable, a.unanswered), (0, 23, 23));
    assert_eq!(a.level, Some(Level::Low));
}

#[test]
fn criterion_subtotals_add_up() {
    let card = card();
    let a = assess(&card, &draft_earning(&["1.1", "1.6", "2.1", "5.3", "7.1"]));
    let subtotals: Vec<_> = a
        .criteria
        .iter()
        .map(|c| (c.points, c.max_applicable))
        .collect();
    assert_eq!(
        subtotals,
        [(2, 8), (1, 2), (0, 3), (0, 4), (1, 3), (0, 2), (1, 1)]
    );
    assert_eq!(a.total, 5);
}

fn not_applicable(a: &Assessment) -> Vec<&str> {
    a.indicators
        .iter()
        .filter(|r| !r.outcome.applies())
        .map(|r| r.code.as_str())
        .collect()
}

#[test]
fn school_without_senior_grades() {
    let card = card();
    let mut draft = draft_earning(&codes(&card).iter().map(String::as_str).collect::<Vec<_>>());
    draft.profile.set_level(SchoolLevel::Soo, false);
    let a = assess(&card, &draft);
    assert_eq!(not_applicable(&a), ["1.3", "1.5", "3.2"]);
    assert_eq!((a.total, a.max_applicable), (20, 20));
    assert_eq!(a.level, Some(Level::High));
}

#[test]
fn school_without_ovz_students() {
    let card = card();
    let mut draft = Draft::default();
    draft.profile.ovz = false;
    let a = assess(&card, &draft);
    assert_eq!(not_applicable(&a), ["2.2", "4.2"]);
    assert_eq!(a.max_applicable, 21);
}

/// Criterion 7 has one indicator, 7.1 (ООО and СОО, an empty group «не
/// применим»): a primary school's profile keeps it out, which the
/// criterion may say of itself; 0 of 0 typed by a full school keeps it
/// out too, though it applies to the school.
#[test]
fn a_criterion_is_out_by_the_profile_only_when_the_profile_keeps_it_out() {
    let card = card();
    let seventh = card.criteria().find(|c| c.code == "7").unwrap();
    let mut draft = Draft::default();
    draft.profile.levels = vec![SchoolLevel::Noo];
    let a = assess(&card, &draft);
    assert_eq!(a.criteria[6].max_applicable, 0);
    assert!(a.out_by_profile(seventh));
    assert_eq!(
        a.criteria[6].shown(a.out_of_maximum(seventh)),
        "не применимо"
    );
    let mut draft = Draft::default();
    draft.answers.insert("7.1".into(), share("0", "0"));
    let a = assess(&card, &draft);
    assert_eq!(a.criteria[6].max_applicable, 0);
    assert!(!a.out_by_profile(seventh));
    assert!(!a.lacks_last_year_in(seventh));
    assert_eq!(
        a.criteria[6].shown(a.out_of_maximum(seventh)),
        "не учитывается"
    );
    // Criterion 6 in part: 6.2 (ООО only) out by a school of СОО alone,
    // or by its empty group where it applies.
    let sixth = card.criteria().find(|c| c.code == "6").unwrap();
    let mut draft = Draft::default();
    draft.profile.levels = vec![SchoolLevel::Soo];
    let a = assess(&card, &draft);
    assert_eq!(a.out_of_maximum(sixth).of_fewer(), " (применимых к школе)");
    let mut draft = Draft::default();
    draft.answers.insert("6.2".into(), share("0", "0"));
    let a = assess(&card, &draft);
    assert_eq!(a.criteria[5].max_applicable, 1);
    assert_eq!(
        a.out_of_maximum(sixth).of_fewer(),
        " (учитываемых показателей)"
    );
}

#[test]
fn primary_only_school() {
    let card = card();
    let mut draft = Draft::default();
    draft.profile.levels = vec![SchoolLevel::Noo];
    let a = assess(&card, &draft);
    let applicable: Vec<_> = a
        .indicators
        .iter()
        .filter(|r| r.outcome.applies())
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(
        applicable,
        ["1.1", "1.8", "2.1", "2.2", "3.1", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"]
    );
}

#[test]
fn nothing_applicable_has_no_level() {
    let mut card = card();
    for direction in &mut card.directions {
        for criterion in &mut direction.criteria {
            for indicator in &mut criterion.indicators {
                indicator.applies.levels = vec![SchoolLevel::Soo];
            }
        }
    }
    let mut draft = Draft::default();
    draft.profile.set_level(SchoolLevel::Soo, false);
    let a = assess(&card, &draft);
    assert_eq!((a.total, a.max_applicable, a.level), (0, 0, None));
}

fn arb_number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..2_000).prop_map(|n| n.to_string()),
        1 => Just(String::new()),
        1 => "[-0-9a-я ,.]{0,6}",
    ]
}

fn arb_answer() -> impl Strategy<Value = RawAnswer> {
    (
        arb_number(),
        arb_number(),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(numerator, denominator, fact)| RawAnswer {
            numerator,
            denominator,
            fact,
            ..RawAnswer::default()
        })
}

fn arb_draft() -> impl Strategy<Value = Draft> {
    let n = card().indicators().count();
    (
        proptest::collection::vec(arb_answer(), n),
        proptest::collection::vec(any::<bool>(), 4),
    )
        .prop_map(|(answers, flags)| {
            let card = card();
            let mut draft = Draft::default();
            for (level, on) in SchoolLevel::ALL.iter().zip(&flags) {
                draft.profile.set_level(*level, *on);
            }
            draft.profile.ovz = flags[3];
            for (indicator, answer) in card.indicators().zip(answers) {
                draft.answers.insert(indicator.code.clone(), answer);
            }
            draft
        })
}

proptest! {
    #[test]
    fn total_never_exceeds_the_applicable_maximum(draft in arb_draft()) {
        let card = card();
        let a = assess(&card, &draft);
        prop_assert!(a.total <= a.max_applicable);
        prop_assert!(a.max_applicable <= card.max_points);
        for c in &a.criteria {
            prop_assert!(c.points <= c.max_applicable);
        }
        prop_assert_eq!(a.indicators.len(), card.indicators().count());
    }

    #[test]
    fn raising_a_numerator_never_lowers_the_score(
        draft in arb_draft(),
        which in 0usize..23,
        extra in 1u64..500,
    ) {
        let card = card();
        let code = card.indicators().nth(which).unwrap().code.clone();
        let before = assess(&card, &draft);
        let mut raised = draft.clone();
        let answer = raised.answers.get_mut(&code).unwrap();
        if let (Ok(Some(n)), Ok(Some(d))) =
            (parse_number(&answer.numerator), parse_number(&answer.denominator))
        {
            let n2 = (n + extra).min(d);
            answer.numerator = n2.to_string();
            let after = assess(&card, &raised);
            prop_assert!(after.total >= before.total);
        }
    }

    #[test]
    fn a_share_earns_exactly_when_the_integer_rule_says(
        threshold in 0u32..=100,
        d in 1u64..5_000,
        n_frac in 0.0f64..=1.0,
    ) {
        let n = ((d as f64) * n_frac).floor() as u64;
        let ind = share_indicator(threshold, ZeroDenominator::ZeroPoints);
        let earned = points_of(&ind, share(&n.to_string(), &d.to_string())) == 1;
        prop_assert_eq!(earned, n * 100 >= u64::from(threshold) * d);
    }
}

#[test]
fn a_criterion_that_does_not_apply_reads_so_not_as_nothing_of_nothing() {
    let shown = |points, max_applicable, why| {
        CriterionScore {
            code: "5".into(),
            points,
            max_applicable,
        }
        .shown(why)
    };
    assert_eq!(shown(3, 4, OutOfMaximum::Profile), "3 из 4");
    assert_eq!(shown(0, 2, OutOfMaximum::Other), "0 из 2");
    assert_eq!(shown(1, 2, OutOfMaximum::LastYear), "1 из 2");
    assert_eq!(shown(0, 0, OutOfMaximum::Profile), "не применимо");
    assert_eq!(shown(0, 0, OutOfMaximum::Other), "не учитывается");
    assert_eq!(
        shown(0, 0, OutOfMaximum::LastYear),
        "нет данных прошлого года"
    );
}

/// While the school types the first number of 1.1's pair, the card as
/// its page shows it counts the row «не заполнено», as the row says, not
/// as an error; once the numbers are left, an error. Points never move.
#[test]
fn a_pair_being_typed_is_unanswered_until_left() {
    let card = card();
    let mut draft = draft_earning(&["1.8"]);
    draft.answers.insert("1.1".into(), share("12", ""));
    let a = assess(&card, &draft);
    assert_eq!(a.indicators[0].outcome, Outcome::Invalid);
    let shown = a.while_typing("1.1", Some(AnswerField::Numerator));
    assert_eq!(shown.indicators[0].outcome, Outcome::Unanswered);
    assert_eq!(
        (shown.invalid, shown.unanswered),
        (a.invalid - 1, a.unanswered + 1)
    );
    assert_eq!(
        (shown.total, shown.max_applicable),
        (a.total, a.max_applicable)
    );
    // Another row's typing leaves 1.1 an error.
    assert_eq!(a.while_typing("1.2", None), a);
}

/// Criterion 7 out of the maximum by 7.1's 0 of 0 (not by the profile):
/// the summary's cell does not call it «не применимо» either (a review).
#[test]
fn the_summary_does_not_call_an_empty_group_criterion_not_applicable() {
    let card = card();
    let seventh = card.criteria().find(|c| c.code == "7").unwrap();
    let mut draft = Draft::default();
    draft.answers.insert("7.1".into(), share("0", "0"));
    let a = assess(&card, &draft);
    assert!(!a.out_by_profile(seventh));
    assert_ne!(
        a.criteria[6].shown(a.out_of_maximum(seventh)),
        "не применимо"
    );
}
