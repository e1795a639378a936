//! Change between two periods: per school and per indicator.
//!
//! Only schools present in both periods are compared; a school that joined
//! or left is listed by the results of its own period, not as a change.

use std::collections::HashMap;

use crate::card::{Card, Level};
use crate::department::figures::{describe_value, Figures};
use crate::department::results::SchoolResult;
use crate::department::school::SchoolId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolChange {
    pub school: SchoolId,
    pub name: String,
    /// (total, applicable maximum)
    pub before: (u32, u32),
    pub after: (u32, u32),
    pub level_before: Option<Level>,
    pub level_after: Option<Level>,
}

impl SchoolChange {
    /// Change of the share of the maximum, in tenths of a percentage point.
    pub fn delta_tenths(&self) -> i64 {
        let wide = |(a, b): (u32, u32)| (u64::from(a), u64::from(b));
        delta_tenths(wide(self.before), wide(self.after))
    }
}

/// `after − before` of two shares, in tenths of a point, rounded once from
/// the exact difference (rounding each share first can be off by 0,1).
fn delta_tenths(before: (u64, u64), after: (u64, u64)) -> i64 {
    let share = |(part, whole): (u64, u64)| {
        if whole == 0 {
            (0, 1)
        } else {
            (i128::from(part), i128::from(whole))
        }
    };
    let ((a, b), (c, d)) = (share(before), share(after));
    let (num, den) = ((c * b - a * d) * 1000, b * d);
    let rounded = (2 * num.abs() + den) / (2 * den);
    i64::try_from(rounded * num.signum()).unwrap_or(0)
}

/// "+4,3 п. п.", "−2,0 п. п.", "0,0 п. п.": signed, with a real minus sign.
pub fn delta_text(delta_tenths: i64) -> String {
    let sign = match delta_tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let a = delta_tenths.unsigned_abs();
    format!("{sign}{},{}\u{A0}п.\u{A0}п.", a / 10, a % 10)
}

/// Schools present in both periods, most improved first.
pub fn school_changes(before: &[SchoolResult], after: &[SchoolResult]) -> Vec<SchoolChange> {
    let earlier: HashMap<&SchoolId, &SchoolResult> =
        before.iter().map(|r| (&r.school, r)).collect();
    let mut changes: Vec<SchoolChange> = after
        .iter()
        .filter_map(|now| {
            let was = earlier.get(&now.school)?;
            Some(SchoolChange {
                school: now.school.clone(),
                name: now.name().to_owned(),
                before: (was.score.total, was.score.max_applicable),
                after: (now.score.total, now.score.max_applicable),
                level_before: was.score.level,
                level_after: now.score.level,
            })
        })
        .collect();
    changes.sort_by(|a, b| {
        b.delta_tenths()
            .cmp(&a.delta_tenths())
            .then_with(|| a.name.cmp(&b.name))
    });
    changes
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange {
    pub code: String,
    /// (schools that earned it, schools it applies to)
    pub before: (usize, usize),
    pub after: (usize, usize),
}

impl IndicatorChange {
    pub fn delta_tenths(&self) -> i64 {
        let wide = |(a, b): (usize, usize)| (a as u64, b as u64);
        delta_tenths(wide(self.before), wide(self.after))
    }
}

/// Per indicator with points, in card order: how the share of schools
/// earning it moved.
pub fn indicator_changes(card: &Card, before: &Figures, after: &Figures) -> Vec<IndicatorChange> {
    let scored = |code: &str| card.indicator(code).is_some_and(|i| i.points > 0);
    after
        .indicators
        .iter()
        .filter(|now| scored(&now.code))
        .filter_map(|now| {
            let was = before.indicators.iter().find(|w| w.code == now.code)?;
            Some(IndicatorChange {
                code: now.code.clone(),
                before: (was.earned, was.applicable),
                after: (now.earned, now.applicable),
            })
        })
        .collect()
}

/// An indicator's municipal value in two periods, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange {
    pub code: String,
    pub before: String,
    pub after: String,
}

/// Every indicator's municipal value (Σ shares, sums, means, rows) in both
/// periods, in card order: for a card without points, this is its dynamics.
pub fn value_changes(card: &Card, before: &Figures, after: &Figures) -> Vec<ValueChange> {
    card.indicators()
        .filter_map(|indicator| {
            let value = |f: &Figures| {
                f.indicators
                    .iter()
                    .find(|i| i.code == indicator.code)
                    .map(|i| describe_value(&indicator.rule, i))
            };
            Some(ValueChange {
                code: indicator.code.clone(),
                before: value(before)?,
                after: value(after)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::figures::figures;
    use crate::department::results::results;
    use crate::testkit;

    #[test]
    fn changes_between_two_years() {
        let archive = testkit::two_years(&testkit::card());
        assert_eq!(archive.periods(DEFAULT_CARD), ["2024/2025", "2025/2026"]);
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let after = results(&archive, DEFAULT_CARD, "2025/2026");
        let changes = school_changes(&before, &after);
        let rows: Vec<_> = changes
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.before.0,
                    c.after.0,
                    delta_text(c.delta_tenths()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Школа А", 1, 3, "+8,7\u{A0}п.\u{A0}п.".to_owned()),
                ("Школа Б", 2, 1, "−4,3\u{A0}п.\u{A0}п.".to_owned()),
            ]
        );
        let card = testkit::card();
        let f = indicator_changes(
            &card,
            &figures(&archive, &card, &before),
            &figures(&archive, &card, &after),
        );
        let c21 = f.iter().find(|c| c.code == "2.1").unwrap();
        assert_eq!((c21.before, c21.after), ((1, 2), (3, 3)));
        assert_eq!(c21.delta_tenths(), 500);
    }

    /// Seed 004 gives no points: its dynamics are the municipal values.
    #[test]
    fn a_card_without_points_compares_values() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let school = |name: &str, period: &str, fact: bool, count: &str| {
            let mut d = testkit::draft(name, period, &[]);
            d.answers.entry("1.1".into()).or_default().fact = Some(fact);
            d.answers.entry("1.2".into()).or_default().count = count.into();
            d
        };
        let archive = testkit::archive(
            &nv,
            &[
                ("a1", &school("А", "2024/2025", false, "3")),
                ("a2", &school("А", "2025/2026", true, "5")),
                ("b1", &school("Б", "2024/2025", true, "4")),
                ("b2", &school("Б", "2025/2026", true, "1 200")),
            ],
        );
        let f = |p| figures(&archive, &nv, &results(&archive, "nevinnomyssk", p));
        let (was, now) = (f("2024/2025"), f("2025/2026"));
        assert!(
            indicator_changes(&nv, &was, &now).is_empty(),
            "nothing earns points"
        );
        let changes = value_changes(&nv, &was, &now);
        let of = |code: &str| {
            let c = changes.iter().find(|c| c.code == code).unwrap();
            (c.before.as_str(), c.after.as_str())
        };
        assert_eq!(of("1.1"), ("да — у 1 из 2", "да — у 2 из 2"));
        assert_eq!(of("1.2"), ("в сумме 7", "в сумме 1\u{202F}205"));
        assert_eq!(of("1.4"), ("нет данных", "нет данных"));
    }
}
