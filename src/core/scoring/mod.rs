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
mod tests;
