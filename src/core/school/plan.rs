//! The school's plan of measures to raise its effectiveness (seed 003
//! §3.6): after the card, rows of a measure, the indicators it targets, a
//! deadline and who is responsible. It is signed with the submission, and
//! next year the card shows it beside the rows it targeted: did they improve?

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::Card;
use crate::school::draft::Draft;
use crate::scoring::{assess, Detail, Outcome};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanRow {
    pub measure: String,
    /// Codes of the card's indicators the measure targets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub responsible: String,
}

impl PlanRow {
    pub fn is_blank(&self) -> bool {
        self.measure.trim().is_empty()
            && self.indicators.is_empty()
            && self.deadline.trim().is_empty()
            && self.responsible.trim().is_empty()
    }
}

/// Where an indicator stood in a year: earned or not, and its share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub earned: bool,
    /// Numerator and denominator, for a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<(u64, u64)>,
}

/// Last year's plan as the next year's draft keeps it: the rows, and where
/// each targeted indicator stood when the plan was made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastPlan {
    pub period: String,
    pub rows: Vec<PlanRow>,
    pub standing: BTreeMap<String, Standing>,
}

/// Where every indicator of `card` stands in `draft`, by code.
pub fn standings(card: &Card, draft: &Draft) -> BTreeMap<String, Standing> {
    assess(card, draft)
        .indicators
        .iter()
        .map(|r| {
            let standing = Standing {
                earned: r.outcome.points() > 0,
                share: share_of(&r.outcome),
            };
            (r.code.clone(), standing)
        })
        .collect()
}

/// The numerator and denominator of a scored share.
pub fn share_of(outcome: &Outcome) -> Option<(u64, u64)> {
    match outcome {
        Outcome::Scored {
            detail:
                Detail::Share {
                    numerator,
                    denominator,
                    ..
                },
            ..
        } => Some((*numerator, *denominator)),
        _ => None,
    }
}

/// How a targeted indicator moved since the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Now earned and not before, or a share that grew.
    Improved,
    Same,
    Worse,
    /// Not answered this year yet, or not comparable.
    Unknown,
}

impl Progress {
    pub fn of(before: Standing, now: Standing) -> Self {
        match (before.earned, now.earned, before.share, now.share) {
            (false, true, ..) => Self::Improved,
            (true, false, ..) => Self::Worse,
            (_, _, Some((n0, d0)), Some((n1, d1))) if d0 > 0 && d1 > 0 => {
                let (a, b) = (
                    u128::from(n1) * u128::from(d0),
                    u128::from(n0) * u128::from(d1),
                );
                match a.cmp(&b) {
                    std::cmp::Ordering::Greater => Self::Improved,
                    std::cmp::Ordering::Less => Self::Worse,
                    std::cmp::Ordering::Equal => Self::Same,
                }
            }
            _ => Self::Same,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Improved => "улучшился",
            Self::Same => "без изменений",
            Self::Worse => "ухудшился",
            Self::Unknown => "пока не заполнен",
        }
    }
}

impl LastPlan {
    /// Last year's plan rows that targeted indicator `code`, with how it
    /// moved since (`now` is this year's standing, when answered).
    pub fn about(&self, code: &str, now: Option<Standing>) -> Option<(Vec<&PlanRow>, Progress)> {
        let rows: Vec<&PlanRow> = self
            .rows
            .iter()
            .filter(|r| r.indicators.iter().any(|c| c == code))
            .collect();
        if rows.is_empty() {
            return None;
        }
        let progress = match (self.standing.get(code), now) {
            (Some(before), Some(now)) => Progress::of(*before, now),
            _ => Progress::Unknown,
        };
        Some((rows, progress))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{self, share};

    #[test]
    fn a_targeted_indicator_is_improved_when_earned_or_grown() {
        let s = |earned, share| Standing { earned, share };
        assert_eq!(
            Progress::of(s(false, None), s(true, None)),
            Progress::Improved
        );
        assert_eq!(Progress::of(s(true, None), s(false, None)), Progress::Worse);
        assert_eq!(
            Progress::of(s(false, Some((2, 10))), s(false, Some((3, 10)))),
            Progress::Improved,
            "a share that grew, though still below the threshold"
        );
        assert_eq!(
            Progress::of(s(false, Some((1, 5))), s(false, Some((2, 10)))),
            Progress::Same,
            "1 of 5 and 2 of 10 are the same share"
        );
        assert_eq!(Progress::of(s(true, None), s(true, None)), Progress::Same);
    }

    #[test]
    fn last_years_plan_beside_the_rows_it_targeted() {
        let card = testkit::card();
        let mut draft = testkit::draft("Школа", "2024/2025", &[]);
        draft.answers.insert("1.1".into(), share("2", "10"));
        let plan = LastPlan {
            period: "2024/2025".into(),
            rows: vec![PlanRow {
                measure: "Провести профпробы для 5–7 классов".into(),
                indicators: vec!["1.1".into(), "2.1".into()],
                deadline: "2025-05-30".into(),
                responsible: "Заместитель по ВР".into(),
            }],
            standing: standings(&card, &draft),
        };
        draft.answers.insert("1.1".into(), share("4", "10"));
        let now = standings(&card, &draft);
        let (rows, progress) = plan.about("1.1", now.get("1.1").copied()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(progress, Progress::Improved);
        assert!(plan.about("1.2", now.get("1.2").copied()).is_none());
        assert_eq!(plan.about("2.1", None).unwrap().1, Progress::Unknown);
    }
}
