//! Points, subtotals and the level, computed from a card and a draft.
//!
//! All threshold decisions are exact integer arithmetic: 3 of 10 is exactly
//! 30% and earns a "не менее 30%" point, 299 of 1000 does not; a share grows
//! when n₁·d₀ > n₀·d₁. Floating point is used nowhere here. A row is read in
//! two steps, as typed text becomes trusted values ([`read`]) and trusted
//! values become points ([`judge`]).

pub mod explain;
mod judge;
mod read;

use crate::card::{Applicability, Basis, Card, Criterion, Indicator, Level};
use crate::error::{FieldError, NumberError};
use crate::school::draft::{AnswerField, Draft, RawAnswer};
use crate::school::input::{check_comment, parse_links};
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

/// Said of a growth indicator, or a criterion, left out for want of last
/// year's figures.
pub const NO_LAST_YEAR: &str = "нет данных прошлого года";

/// Why some of a criterion's points are out of the school's maximum
/// ([`Assessment::out_of_maximum`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutOfMaximum {
    /// Growth indicators wait for last year's figures, which the school
    /// can still give: the criterion does apply to it.
    LastYear,
    /// The school's profile keeps them out.
    Profile,
    /// Each for its own reason (an empty group among them), said at its
    /// row: «не применим к школе» was contradicted by a row that applies
    /// (a walk-through).
    Other,
}

impl OutOfMaximum {
    /// Why a criterion with points counts none of them, under its heading.
    pub fn said(self) -> &'static str {
        match self {
            Self::LastYear => {
                "Критерий не оценён: нет данных прошлого года, без них динамику не определить."
            }
            Self::Profile => "Критерий к школе не применим.",
            Self::Other => {
                "Критерий не входит в максимум: ни один его показатель не учитывается (почему — \
                 сказано у показателей)."
            }
        }
    }

    /// Beside a subtotal of fewer points than the criterion's maximum.
    pub fn of_fewer(self) -> &'static str {
        match self {
            Self::LastYear => " (показатели без данных прошлого года не учтены)",
            Self::Profile => " (применимых к школе)",
            Self::Other => " (учитываемых показателей)",
        }
    }
}

impl CriterionScore {
    /// «3 из 4», or, when none of it counts, why: «0 из 0» would read as a
    /// score of nothing.
    pub fn shown(&self, why: OutOfMaximum) -> String {
        match (self.max_applicable, why) {
            (0, OutOfMaximum::LastYear) => NO_LAST_YEAR.to_owned(),
            (0, OutOfMaximum::Profile) => "не применимо".to_owned(),
            (0, OutOfMaximum::Other) => "не учитывается".to_owned(),
            (max, _) => format!("{} из {max}", self.points),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorResult {
    pub code: String,
    pub outcome: Outcome,
    /// Problems with typed fields, shown beside the field even when the row
    /// does not apply, so nothing wrong hides.
    pub errors: Vec<(AnswerField, FieldError)>,
}

impl IndicatorResult {
    /// The field whose error also concerns `field`: «больше общего числа»
    /// stands under the part, but the whole may be the number typed wrong;
    /// a breakdown's sum above its whole stands under the whole, but any
    /// part may be.
    pub fn error_also_on(&self, field: AnswerField) -> Option<AnswerField> {
        self.errors.iter().find_map(|(at, e)| {
            let concerned = match (at, e) {
                (
                    AnswerField::Numerator,
                    FieldError::Number(NumberError::NumeratorAboveDenominator { .. }),
                ) => field == AnswerField::Denominator,
                (
                    AnswerField::PrevNumerator,
                    FieldError::Number(NumberError::PrevNumeratorAbove { .. }),
                ) => field == AnswerField::PrevDenominator,
                (AnswerField::Denominator, FieldError::Number(NumberError::PartsAbove { .. })) => {
                    matches!(field, AnswerField::Part(_))
                }
                _ => false,
            };
            concerned.then_some(*at)
        })
    }

    /// Only parts above their whole (and half-typed pairs), while the
    /// whole is the field being typed in, `field`: its first digits are
    /// less than the number meant («2» on the way to «200»).
    fn whole_being_typed(&self, field: Option<AnswerField>) -> bool {
        let Some(field) = field else {
            return false;
        };
        !self.errors.is_empty()
            && self.errors.iter().all(|(_, e)| match e {
                FieldError::Number(NumberError::Missing | NumberError::MissingWhole) => true,
                FieldError::Number(
                    NumberError::NumeratorAboveDenominator { .. } | NumberError::PartsAbove { .. },
                ) => field == AnswerField::Denominator,
                FieldError::Number(NumberError::PrevNumeratorAbove { .. }) => {
                    field == AnswerField::PrevDenominator
                }
                _ => false,
            })
    }

    /// Only the links are wrong: while they are being typed, the row is
    /// shown as the rest of its answer scores.
    pub fn only_links_wrong(&self) -> bool {
        !self.errors.is_empty()
            && (self.errors.iter()).all(|(_, e)| matches!(e, FieldError::Link { .. }))
    }

    /// The result as its row shows it while the school is in the row,
    /// typing in `field`: a half-typed pair, or a part above the whole
    /// being typed, reads as not filled in yet, without its message. Beside
    /// another error (cells pasted into the part), the fields still empty
    /// are not asked for yet either: they are most likely next. In a list,
    /// only the row `field` is in is on its way: a row left unfinished for
    /// another is said at once (it read «не заполнено» beside four full
    /// rows, while the summary counted an error).
    ///
    /// Fields still empty while others they go with are typed (a share's
    /// other number, a breakdown's parts, last year's pair, a list row's
    /// numbers or name) are a row being filled in, not yet an error: they
    /// are most likely next. Two more wait until the field is left: a space on the way to
    /// «1 200» («1 2», a walk-through saw «не между тысячами» flash and the
    /// field jump at every number typed so), and in a list's row being
    /// typed, a part above another cell of it, the whole on its way as in
    /// a share («1» of «150» lit up the row's other cells).
    pub fn while_typing(&self, field: Option<AnswerField>) -> Self {
        let row = field.and_then(AnswerField::list_row);
        let left = |f: &AnswerField| f.list_row().is_some_and(|r| Some(r) != row);
        let waits = |f: &AnswerField, e: &FieldError| match e {
            FieldError::Number(NumberError::Grouping) => Some(*f) == field,
            // The whole of this part, in its row, is the field being typed.
            FieldError::AboveColumn { column, .. } => {
                let row = f.list_row();
                row.is_some_and(|row| {
                    field
                        == Some(AnswerField::Cell {
                            row,
                            column: *column,
                        })
                })
            }
            e => e.is_empty_field(),
        };
        if self.errors.iter().any(|(f, _)| left(f)) {
            let mut shown = self.clone();
            shown.errors.retain(|(f, e)| left(f) || !waits(f, e));
            return shown;
        }
        let all_wait = !self.errors.is_empty() && self.errors.iter().all(|(f, e)| waits(f, e));
        if all_wait || self.whole_being_typed(field) {
            return Self {
                code: self.code.clone(),
                outcome: Outcome::Unanswered,
                errors: Vec::new(),
            };
        }
        let mut shown = self.clone();
        shown.errors.retain(|(f, e)| !waits(f, e));
        shown
    }
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
    /// The school's profile (levels, ОВЗ, the card's own questions) excludes it.
    Profile,
    /// The group is empty and the card says that means "not applicable".
    EmptyGroup,
    /// Its only target is growth, and last year's figures are not given,
    /// or its group was empty then (`was_empty`); this year's share is
    /// still shown.
    NoLastYear {
        numerator: u64,
        denominator: u64,
        was_empty: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// A share, or a breakdown's total. `shortfall`: how many more people are
    /// needed for the minimum or the next band (0 when reached, `None` when
    /// no number could reach it, i.e. an empty group, or there is none).
    Share {
        numerator: u64,
        denominator: u64,
        shortfall: Option<u64>,
        growth: Growth,
    },
    Fact(bool),
    /// `shortfall` to the minimum, 0 when reached or without one.
    Count {
        value: u64,
        shortfall: u64,
    },
    Percent {
        tenths: u32,
        shortfall: u32,
    },
    /// The rows typed, and the sum of the measured column when the list has
    /// a minimum.
    List {
        rows: u32,
        measured: Option<u64>,
        shortfall: u64,
    },
}

/// Growth against last year, for a share with a dynamics target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Growth {
    /// The indicator has no dynamics target.
    NotAsked,
    /// Last year's figures are not given, or the group was empty then
    /// (`was_empty`).
    NoLastYear { was_empty: bool },
    /// Last year's share and whether this year's is above it (holding 100 %
    /// counts as growth).
    Known {
        numerator: u64,
        denominator: u64,
        met: bool,
    },
}

impl Assessment {
    /// The card as its page shows it while the school types in `code`'s
    /// row: that row as [`IndicatorResult::while_typing`] shows it (a pair
    /// half typed is «не заполнено», not an error, until its numbers are
    /// left), and the counts with it, so that the summary does not name
    /// an error the row does not show yet. No points move: a row being
    /// typed counts none either way.
    pub fn while_typing(&self, code: &str, field: Option<AnswerField>) -> Self {
        let mut shown = self.clone();
        if let Some(row) = shown.indicators.iter_mut().find(|r| r.code == code) {
            let now = row.while_typing(field);
            if row.outcome == Outcome::Invalid && now.outcome == Outcome::Unanswered {
                shown.invalid -= 1;
                shown.unanswered += 1;
            }
            *row = now;
        }
        shown
    }

    /// Indicators left out of the maximum for want of last year's figures
    /// (not for a group empty then): asked before the export, since leaving
    /// them out raises the school's share.
    pub fn without_last_year(&self) -> Vec<String> {
        (self.indicators.iter())
            .filter(|r| r.outcome.lacks_last_year())
            .map(|r| r.code.clone())
            .collect()
    }

    /// Indicators of `card` the school's profile keeps, answered with an
    /// empty group («0 из 0»), so not counted: more likely a number left at
    /// 0 than a school without such pupils ([`explain::empty_group_note`]).
    /// Asked before the export; a walk-through's four schools sent 0 of 0
    /// for a share every school with those levels has.
    pub fn empty_despite_profile(&self, card: &Card) -> Vec<String> {
        (self.indicators.iter())
            .filter(|r| r.outcome == Outcome::NotApplicable(NotApplicable::EmptyGroup))
            .filter(|r| {
                card.indicator(&r.code)
                    .is_some_and(|i| i.applies != Applicability::default())
            })
            .map(|r| r.code.clone())
            .collect()
    }

    /// Whether an indicator of `criterion` is left out of the maximum for
    /// want of last year's figures: the criterion's subtotal says so.
    pub fn lacks_last_year_in(&self, criterion: &Criterion) -> bool {
        (self.indicators.iter())
            .filter(|r| r.outcome.lacks_last_year())
            .any(|r| criterion.indicators.iter().any(|i| i.code == r.code))
    }

    /// Whether the school's profile alone keeps `criterion`'s indicators
    /// out of the maximum, so that «не применим к школе» is true of them:
    /// an empty group (0 of 0) is not the profile's doing, and its row says
    /// the indicator applies (a walk-through read both under one heading).
    pub fn out_by_profile(&self, criterion: &Criterion) -> bool {
        (self.indicators.iter())
            .filter(|r| criterion.indicators.iter().any(|i| i.code == r.code))
            .filter(|r| !r.outcome.applies())
            .all(|r| r.outcome == Outcome::NotApplicable(NotApplicable::Profile))
    }

    /// Why some of `criterion`'s points are out of the maximum.
    pub fn out_of_maximum(&self, criterion: &Criterion) -> OutOfMaximum {
        match (
            self.lacks_last_year_in(criterion),
            self.out_by_profile(criterion),
        ) {
            (true, _) => OutOfMaximum::LastYear,
            (false, true) => OutOfMaximum::Profile,
            (false, false) => OutOfMaximum::Other,
        }
    }
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

    /// A scored share's two numbers as typed.
    pub fn share(&self) -> Option<(u64, u64)> {
        match self {
            Self::Scored {
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

    /// What this answer adds to the sums a measure is judged by
    /// (`basis`), (part, whole): a share's two numbers, a «да» as 1 of 1
    /// and a «нет» as 0 of 1, a percentage in tenths of 1 000, so that
    /// the groups' pooled sums are the pupils' share, the share of schools
    /// saying «да» and the mean percentage alike. `None` for a basis of
    /// schools meeting it ([`Basis::Met`]) but a share's numbers, which it
    /// shows beside.
    pub fn pooled(&self, basis: Basis) -> Option<(u64, u64)> {
        let Self::Scored { detail, .. } = self else {
            return None;
        };
        match (basis, detail) {
            (Basis::Met | Basis::Pupils, _) => self.share(),
            (Basis::Yes, Detail::Fact(said)) => Some((u64::from(*said), 1)),
            (Basis::Mean, Detail::Percent { tenths, .. }) => Some((u64::from(*tenths), 1000)),
            _ => None,
        }
    }

    /// Last year's two numbers a scored growth share was compared with.
    pub fn last_year_share(&self) -> Option<(u64, u64)> {
        match self {
            Self::Scored {
                detail:
                    Detail::Share {
                        growth:
                            Growth::Known {
                                numerator,
                                denominator,
                                ..
                            },
                        ..
                    },
                ..
            } => Some((*numerator, *denominator)),
            _ => None,
        }
    }

    /// Left out of the maximum by what the school answered (its profile,
    /// an empty group, an empty group last year), not for want of last
    /// year's figures it could still give: the check counting such a row
    /// in rules against the school's answers, and says why.
    pub fn out_by_answers(&self) -> bool {
        !self.applies() && !self.lacks_last_year()
    }

    /// Left out of the maximum because the school gave no figures for last
    /// year, which its growth target needs (not because its group was
    /// empty then).
    pub fn lacks_last_year(&self) -> bool {
        matches!(
            self,
            Self::NotApplicable(NotApplicable::NoLastYear {
                was_empty: false,
                ..
            })
        )
    }

    /// Left out of the maximum because the growth target's group was empty
    /// last year.
    pub fn last_year_empty(&self) -> bool {
        matches!(
            self,
            Self::NotApplicable(NotApplicable::NoLastYear {
                was_empty: true,
                ..
            })
        )
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
        level: card.level(total, max_applicable),
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
    let value = read::read_value(&indicator.rule, answer, &mut errors);
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
            Some(value) => judge::score(indicator, value),
        }
    };
    IndicatorResult {
        code: indicator.code.clone(),
        outcome,
        errors,
    }
}

#[cfg(test)]
mod kinds_tests;
#[cfg(test)]
mod tests;
