//! One value of an indicator, a school's or the municipality's, as it is
//! compared: a letter sets a school's beside the municipality's, a chart
//! draws the schools' values against it. Both read them here, so the two
//! never disagree on what «ниже, чем по муниципалитету» means.

use crate::department::figures::{Aggregate, IndicatorFigure};
use crate::scoring::{Detail, Outcome};
use crate::text::{group_digits, percent, plural, tenths, tenths_percent};

/// One value of an indicator, as a letter or a chart compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Share(u64, u64),
    Count(u64),
    /// The municipal mean of a count, in tenths.
    Mean(u64),
    /// Tenths of a percent.
    Percent(u32),
    Fact(bool),
}

impl Value {
    /// A row's value, where it has one the letter can compare: a list of
    /// events has none, an empty group's share neither.
    pub fn of(outcome: &Outcome) -> Option<Self> {
        let Outcome::Scored { detail, .. } = outcome else {
            return None;
        };
        match *detail {
            Detail::Share {
                numerator,
                denominator,
                ..
            } => (denominator > 0).then_some(Self::Share(numerator, denominator)),
            Detail::Count { value, .. } => Some(Self::Count(value)),
            Detail::Percent { tenths, .. } => Some(Self::Percent(tenths)),
            Detail::Fact(held) => Some(Self::Fact(held)),
            Detail::List { .. } => None,
        }
    }

    /// Lower than `other`, a value of the same kind; `None` between kinds.
    pub fn below(self, other: Self) -> Option<bool> {
        let wide = u128::from;
        match (self, other) {
            (Self::Share(n, d), Self::Share(m, e)) => Some(wide(n) * wide(e) < wide(m) * wide(d)),
            (Self::Count(a), Self::Count(b)) => Some(a < b),
            // In tenths, as the reader sees them: 3 against «3,0» is not
            // below, though 120 of 40 schools' 121 would be.
            (Self::Count(a), Self::Mean(b)) => Some(u128::from(a) * 10 < u128::from(b)),
            (Self::Percent(a), Self::Percent(b)) => Some(a < b),
            (Self::Fact(a), Self::Fact(b)) => Some(!a && b),
            _ => None,
        }
    }

    /// «40,0 % (120 из 300)», «3», «55,0 %», «да».
    pub fn said(self) -> String {
        match self {
            Self::Share(n, d) => with_counts(&percent(n, d), n, d),
            Self::Count(n) => group_digits(n),
            Self::Mean(t) => tenths(t, ','),
            Self::Percent(t) => tenths_percent(t.into()),
            Self::Fact(true) => "«да»".to_owned(),
            Self::Fact(false) => "«нет»".to_owned(),
        }
    }
}

/// «40,0 % (120 из 300)».
pub fn with_counts(share: &str, n: u64, d: u64) -> String {
    format!("{share} ({} из {})", group_digits(n), group_digits(d))
}

/// The municipality's figure for an indicator as the school's value is
/// compared with it: Σ/Σ of a share, the mean of a count or a typed
/// percent per school, and for a fact whether most schools said «да».
/// `None` with fewer than two schools' values: the school would be
/// compared with itself.
pub fn municipal_value(figure: &IndicatorFigure) -> Option<(Value, String)> {
    let answered = figure.answered as u64;
    if answered < 2 {
        return None;
    }
    // Rounded to the nearest tenth; a percent's sum is in tenths already.
    let mean_tenths = |tenths_sum: u64| (tenths_sum * 2 + answered) / (answered * 2);
    Some(match figure.value {
        Aggregate::Share {
            numerator,
            denominator,
            ..
        } if denominator > 0 => (
            Value::Share(numerator, denominator),
            Value::Share(numerator, denominator).said(),
        ),
        Aggregate::Count { sum } => (
            Value::Mean(mean_tenths(sum * 10)),
            format!(
                "в среднем {} на организацию, всего {} {}",
                crate::text::grouped_tenths(mean_tenths(sum * 10)),
                group_digits(sum),
                over(answered)
            ),
        ),
        Aggregate::Percent { sum, .. } => (
            Value::Percent(u32::try_from(mean_tenths(sum)).unwrap_or(u32::MAX)),
            format!(
                "в среднем {} {}",
                tenths_percent(mean_tenths(sum)),
                over(answered)
            ),
        ),
        Aggregate::Fact { yes } => (
            // Most, not half: 1 of 2 is no majority to fall short of.
            Value::Fact(yes * 2 > figure.answered),
            format!(
                "«да» у {yes} из {answered} {} ({})",
                plural(answered, "организации", "организаций", "организаций"),
                percent(yes as u64, answered)
            ),
        ),
        _ => return None,
    })
}

/// «по 21 организации», «по 3 организациям».
fn over(schools: u64) -> String {
    let word = plural(schools, "организации", "организациям", "организациям");
    format!("по {schools} {word}")
}

#[cfg(test)]
mod tests {
    use super::over;

    #[test]
    fn schools_are_counted_in_russian() {
        let said: Vec<String> = [1, 2, 5, 11, 21, 22, 25].map(over).to_vec();
        assert_eq!(
            said,
            [
                "по 1 организации",
                "по 2 организациям",
                "по 5 организациям",
                "по 11 организациям",
                "по 21 организации",
                "по 22 организациям",
                "по 25 организациям"
            ]
        );
    }
}
