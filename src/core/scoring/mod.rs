//! Points, subtotals and the level, computed from a card and a draft.
//!
//! All threshold decisions are exact integer arithmetic: 3 of 10 is exactly
//! 30% and earns a "не менее 30%" point, 299 of 1000 does not. Floating point
//! is used nowhere here.

pub mod explain;

use crate::card::{Card, Indicator, Level, Rule, ZeroDenominator};
use crate::error::{FieldError, NumberError};
use crate::school::draft::{AnswerField, Draft, RawAnswer};
use crate::school::input::{check_comment, parse_links, parse_number};
use crate::school::profile::SchoolProfile;

/// The whole card's result. Indicators and criteria are in card order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub indicators: Vec<IndicatorResult>,
    pub criteria: Vec<CriterionScore>,
    pub total: u32,
    /// The maximum over indicators that apply to this school.
    pub max_applicable: u32,
    /// `None` when nothing applies.
    pub level: Option<Level>,
    /// Applicable indicators with nothing typed yet.
    pub unanswered: u32,
    /// Applicable indicators whose input has errors; they count 0 until fixed.
    pub invalid: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionScore {
    pub code: String,
    pub points: u32,
    pub max_applicable: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorResult {
    pub code: String,
    pub outcome: Outcome,
    /// Problems with typed fields, shown beside the field even when the row
    /// does not apply, so nothing wrong hides.
    pub errors: Vec<(AnswerField, FieldError)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    NotApplicable(NotApplicable),
    Unanswered,
    Invalid,
    Scored { points: u32, detail: Detail },
}

/// Why an indicator left the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotApplicable {
    /// The school has no such level or no students with ОВЗ.
    Profile,
    /// The group is empty and the card says that means "not applicable".
    EmptyGroup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// `shortfall`: how many more people are needed for the points (0 when
    /// earned, `None` when no number could earn them, i.e. an empty group).
    Share {
        numerator: u64,
        denominator: u64,
        shortfall: Option<u64>,
    },
    Fact(bool),
    Count {
        value: u64,
        shortfall: u64,
    },
}

impl Outcome {
    pub fn points(&self) -> u32 {
        match self {
            Self::Scored { points, .. } => *points,
            _ => 0,
        }
    }

    pub fn applies(&self) -> bool {
        !matches!(self, Self::NotApplicable(_))
    }
}

/// Criterion subtotals and the card's total from per-indicator results, in
/// card order: `each` gives an indicator's (points, applies). Shared by the
/// school's self-assessment and the department's confirmed score, so both
/// add up the same way.
pub fn tally(
    card: &Card,
    mut each: impl FnMut(&Indicator) -> (u32, bool),
) -> (Vec<CriterionScore>, u32, u32) {
    let criteria: Vec<CriterionScore> = card
        .criteria()
        .map(|criterion| {
            let mut score = CriterionScore {
                code: criterion.code.clone(),
                points: 0,
                max_applicable: 0,
            };
            for indicator in &criterion.indicators {
                let (points, applies) = each(indicator);
                if applies {
                    score.max_applicable += indicator.points;
                    score.points += points;
                }
            }
            score
        })
        .collect();
    let total = criteria.iter().map(|c| c.points).sum();
    let max_applicable = criteria.iter().map(|c| c.max_applicable).sum();
    (criteria, total, max_applicable)
}

/// Scores a whole draft against a card.
pub fn assess(card: &Card, draft: &Draft) -> Assessment {
    let mut indicators = Vec::new();
    let (criteria, total, max_applicable) = tally(card, |indicator| {
        let answer = draft.answers.get(&indicator.code);
        let result = assess_indicator(indicator, &draft.profile, answer);
        let counted = (result.outcome.points(), result.outcome.applies());
        indicators.push(result);
        counted
    });
    let count = |wanted: fn(&Outcome) -> bool| {
        let n = indicators.iter().filter(|r| wanted(&r.outcome)).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    Assessment {
        unanswered: count(|o| matches!(o, Outcome::Unanswered)),
        invalid: count(|o| matches!(o, Outcome::Invalid)),
        level: card.levels.level(total, max_applicable),
        indicators,
        criteria,
        total,
        max_applicable,
    }
}

/// Scores one row. `answer` is `None` for a row never touched.
pub fn assess_indicator(
    indicator: &Indicator,
    profile: &SchoolProfile,
    answer: Option<&RawAnswer>,
) -> IndicatorResult {
    let empty = RawAnswer::default();
    let answer = answer.unwrap_or(&empty);
    let mut errors = Vec::new();
    let value = read_value(&indicator.rule, answer, &mut errors);
    for (line, error) in parse_links(&answer.evidence).1 {
        errors.push((AnswerField::Evidence, FieldError::Link { line, error }));
    }
    if let Err(e) = check_comment(&answer.comment) {
        errors.push((AnswerField::Comment, FieldError::Comment(e)));
    }
    let outcome = if !indicator.applies.applies_to(profile) {
        Outcome::NotApplicable(NotApplicable::Profile)
    } else if !errors.is_empty() {
        Outcome::Invalid
    } else {
        match value {
            None => Outcome::Unanswered,
            Some(value) => score(indicator, value),
        }
    };
    IndicatorResult {
        code: indicator.code.clone(),
        outcome,
        errors,
    }
}

/// A row's answer once its fields passed their checks.
#[derive(Debug, Clone, Copy)]
enum Value {
    Share { numerator: u64, denominator: u64 },
    Fact(bool),
    Count(u64),
}

/// Reads the fields the rule needs; pushes an error for every bad one.
/// `None` means nothing usable was typed (or something was wrong).
fn read_value(
    rule: &Rule,
    answer: &RawAnswer,
    errors: &mut Vec<(AnswerField, FieldError)>,
) -> Option<Value> {
    let mut number = |field: AnswerField| match parse_number(answer.text(field)) {
        Ok(n) => n,
        Err(e) => {
            errors.push((field, FieldError::Number(e)));
            None
        }
    };
    match rule {
        Rule::Fact { .. } => answer.fact.map(Value::Fact),
        Rule::Count { .. } => number(AnswerField::Count).map(Value::Count),
        Rule::Share { .. } => {
            let numerator = number(AnswerField::Numerator);
            let denominator = number(AnswerField::Denominator);
            let typed = |field| !answer.text(field).trim().is_empty();
            let missing = FieldError::Number(NumberError::Missing);
            match (numerator, denominator) {
                (Some(numerator), Some(denominator)) if numerator > denominator => {
                    errors.push((
                        AnswerField::Numerator,
                        FieldError::Number(NumberError::NumeratorAboveDenominator),
                    ));
                    None
                }
                (Some(numerator), Some(denominator)) => Some(Value::Share {
                    numerator,
                    denominator,
                }),
                _ => {
                    for (field, other) in [
                        (AnswerField::Numerator, AnswerField::Denominator),
                        (AnswerField::Denominator, AnswerField::Numerator),
                    ] {
                        if !typed(field) && typed(other) {
                            errors.push((field, missing));
                        }
                    }
                    None
                }
            }
        }
    }
}

fn score(indicator: &Indicator, value: Value) -> Outcome {
    let points_if = |earned: bool| if earned { indicator.points } else { 0 };
    let (earned, detail) = match (&indicator.rule, value) {
        (
            Rule::Share {
                threshold_percent,
                zero_denominator,
                ..
            },
            Value::Share {
                numerator,
                denominator,
            },
        ) => {
            if denominator == 0 {
                if *zero_denominator == ZeroDenominator::NotApplicable {
                    return Outcome::NotApplicable(NotApplicable::EmptyGroup);
                }
                let detail = Detail::Share {
                    numerator,
                    denominator,
                    shortfall: None,
                };
                (false, detail)
            } else {
                // ceil(threshold% of denominator): the smallest numerator that earns the point.
                let needed = (u64::from(*threshold_percent) * denominator).div_ceil(100);
                let detail = Detail::Share {
                    numerator,
                    denominator,
                    shortfall: Some(needed.saturating_sub(numerator)),
                };
                (numerator >= needed, detail)
            }
        }
        (Rule::Fact { .. }, Value::Fact(present)) => (present, Detail::Fact(present)),
        (Rule::Count { min, .. }, Value::Count(value)) => (
            value >= *min,
            Detail::Count {
                value,
                shortfall: min.saturating_sub(value),
            },
        ),
        // read_value produces the value kind of the rule it was given.
        _ => unreachable!("value kind matches the rule kind"),
    };
    Outcome::Scored {
        points: points_if(earned),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::Applicability;
    use crate::error::LinkError;
    use crate::school::profile::SchoolLevel;
    use proptest::prelude::*;

    fn card() -> Card {
        Card::builtin().unwrap()
    }

    fn share_indicator(threshold: u32, zero: ZeroDenominator) -> Indicator {
        Indicator {
            code: "x".into(),
            text: "Доля".into(),
            rule_text: "не менее".into(),
            rule: Rule::Share {
                threshold_percent: threshold,
                numerator: "n".into(),
                denominator: "d".into(),
                zero_denominator: zero,
            },
            points: 1,
            evidence: "e".into(),
            applies: Applicability::default(),
            recommendation: String::new(),
        }
    }

    fn share(numerator: &str, denominator: &str) -> RawAnswer {
        RawAnswer {
            numerator: numerator.into(),
            denominator: denominator.into(),
            ..RawAnswer::default()
        }
    }

    fn fact(present: bool) -> RawAnswer {
        RawAnswer {
            fact: Some(present),
            ..RawAnswer::default()
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
                Rule::Count { .. } => unreachable!("the built-in card has no counts"),
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
                threshold_percent: t,
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
                    shortfall: None
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
                min: 2,
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

    #[test]
    fn school_without_senior_grades() {
        let card = card();
        let mut draft = draft_earning(&codes(&card).iter().map(String::as_str).collect::<Vec<_>>());
        draft.profile.set_level(SchoolLevel::Soo, false);
        let a = assess(&card, &draft);
        let na: Vec<_> = a
            .indicators
            .iter()
            .filter(|r| !r.outcome.applies())
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(na, ["1.3", "1.5", "3.2"]);
        assert_eq!((a.total, a.max_applicable), (20, 20));
        assert_eq!(a.level, Some(Level::High));
    }

    #[test]
    fn school_without_ovz_students() {
        let card = card();
        let mut draft = Draft::default();
        draft.profile.ovz = false;
        let a = assess(&card, &draft);
        let na: Vec<_> = a
            .indicators
            .iter()
            .filter(|r| !r.outcome.applies())
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(na, ["2.2", "4.2"]);
        assert_eq!(a.max_applicable, 21);
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
}
