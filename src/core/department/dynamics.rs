//! Change between two periods: per school and per indicator.
//!
//! Only schools present in both periods are compared; a school that joined
//! or left is listed by the results of its own period, not as a change.

use std::collections::HashMap;

use crate::card::versions::{carry_answers, comparability, comparable_share, Comparability};
use crate::card::{Card, Indicator, Level};
use crate::department::archive::Archive;
use crate::department::figures::{describe_value, Figures, IndicatorFigure};
use crate::department::results::SchoolResult;
use crate::department::school::SchoolId;
use crate::scoring::assess;
use crate::text::by_name;

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
        self.delta_from(self.before)
    }

    /// The change from another starting point: last year re-scored under
    /// this year's card, when the years used different versions.
    pub fn delta_from(&self, before: (u32, u32)) -> i64 {
        let wide = |(a, b): (u32, u32)| (u64::from(a), u64::from(b));
        delta_tenths(wide(before), wide(self.after))
    }
}

/// `after − before` of two shares, in tenths of a point, rounded once from
/// the exact difference (rounding each share first can be off by 0,1).
pub(crate) fn delta_tenths(before: (u64, u64), after: (u64, u64)) -> i64 {
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
            .then_with(|| by_name(&a.name, &b.name))
    });
    changes
}

/// The two years compared: each with the version of the card its files
/// were filled in, and its figures. Indicators are matched by identity, so
/// a renumbered one is still itself, and a changed rule is never read as
/// growth or decline.
#[derive(Clone, Copy)]
pub struct Years<'a> {
    pub old_card: &'a Card,
    pub before: &'a Figures,
    pub new_card: &'a Card,
    pub after: &'a Figures,
}

impl Years<'_> {
    /// Last year's figure of this year's `indicator`, with how the two relate.
    fn pair<'f>(&self, indicator: &'f Indicator) -> (Option<&IndicatorFigure>, Comparability)
    where
        Self: 'f,
    {
        let comparability = comparability(self.old_card, self.new_card, indicator);
        let was = self
            .old_card
            .by_key(indicator.key())
            .and_then(|old| self.before.indicators.iter().find(|f| f.code == old.code));
        (was, comparability)
    }

    fn now(&self, indicator: &Indicator) -> Option<&IndicatorFigure> {
        self.after
            .indicators
            .iter()
            .find(|f| f.code == indicator.code)
    }

    /// Comparable indicators of this year's card: (comparable, all).
    pub fn comparable(&self) -> (usize, usize) {
        comparable_share(self.old_card, self.new_card)
    }

    /// Whether the two years used different versions of the card.
    pub fn versions_differ(&self) -> bool {
        self.old_card.version != self.new_card.version
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange {
    pub code: String,
    /// (schools that earned it, schools it applies to); `None` when the
    /// indicator is new this year.
    pub before: Option<(usize, usize)>,
    pub after: (usize, usize),
    pub comparability: Comparability,
}

impl IndicatorChange {
    /// The change in tenths of a point, only where the rule did not change.
    pub fn delta_tenths(&self) -> Option<i64> {
        let wide = |(a, b): (usize, usize)| (a as u64, b as u64);
        self.comparability
            .is_comparable()
            .then(|| self.before.map(|b| delta_tenths(wide(b), wide(self.after))))
            .flatten()
    }

    /// «+16,7 п. п.», or why there is no change to show.
    pub fn delta_label(&self) -> String {
        match (&self.comparability, self.delta_tenths()) {
            (_, Some(d)) => delta_text(d),
            (Comparability::New, _) => "новый показатель".to_owned(),
            _ => "методика изменилась".to_owned(),
        }
    }
}

/// Per indicator with points of this year's card, in its order: how the
/// share of schools earning it moved.
pub fn indicator_changes(years: &Years) -> Vec<IndicatorChange> {
    years
        .new_card
        .scored_indicators()
        .filter_map(|indicator| {
            let now = years.now(indicator)?;
            let (was, comparability) = years.pair(indicator);
            Some(IndicatorChange {
                code: indicator.code.clone(),
                before: was.map(|w| (w.earned, w.applicable)),
                after: (now.earned, now.applicable),
                comparability,
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
    pub comparable: bool,
}

/// Every indicator's municipal value (Σ shares, sums, means, rows) in both
/// periods, in this year's card order: for a card without points, this is
/// its dynamics. Last year's value is told by last year's rule.
pub fn value_changes(years: &Years) -> Vec<ValueChange> {
    years
        .new_card
        .indicators()
        .filter_map(|indicator| {
            let now = years.now(indicator)?;
            let (was, comparability) = years.pair(indicator);
            let before = match (was, years.old_card.by_key(indicator.key())) {
                (Some(w), Some(old)) => describe_value(&old.rule, w),
                _ => "—".to_owned(),
            };
            Some(ValueChange {
                code: indicator.code.clone(),
                before,
                after: describe_value(&indicator.rule, now),
                comparable: comparability.is_comparable(),
            })
        })
        .collect()
}

/// A school's last year re-scored under this year's card: its typed answers
/// as they fit the new card's indicators (review decisions are not carried:
/// they judged the old rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescored {
    pub school: SchoolId,
    pub total: u32,
    pub max_applicable: u32,
}

/// Last year's counted files re-scored under `card`, where the inputs fit.
pub fn rescore(archive: &Archive, before: &[SchoolResult], card: &Card) -> Vec<Rescored> {
    before
        .iter()
        .filter_map(|r| {
            let entry = archive.entry(&r.submission_id)?;
            let mut draft = entry.opened.payload.to_draft();
            draft.answers = carry_answers(&entry.card, card, &draft.answers).0;
            let score = assess(card, &draft);
            Some(Rescored {
                school: r.school.clone(),
                total: score.total,
                max_applicable: score.max_applicable,
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
        let (was, now) = (
            figures(&archive, &card, &before),
            figures(&archive, &card, &after),
        );
        let years = Years {
            old_card: &card,
            before: &was,
            new_card: &card,
            after: &now,
        };
        let f = indicator_changes(&years);
        let c21 = f.iter().find(|c| c.code == "2.1").unwrap();
        assert_eq!((c21.before, c21.after), (Some((1, 2)), (3, 3)));
        assert_eq!(c21.delta_tenths(), Some(500));
        assert_eq!(years.comparable(), (23, 23));
    }

    /// A department raised 1.1's threshold from 30 % to 50 % in version 2:
    /// 1.1 is «методика изменилась», never a change; the other indicators
    /// compare; last year re-scored under version 2 loses 1.1's point.
    #[test]
    fn two_versions_compare_what_is_comparable_and_rescore_the_rest() {
        let v1 = testkit::card();
        let mut v2 = v1.clone();
        v2.version = 2;
        let first = &mut v2.directions[0].criteria[0].indicators[0];
        assert_eq!(first.code, "1.1");
        first.rule = match first.rule.clone() {
            crate::card::Rule::Share {
                numerator,
                denominator,
                zero_denominator,
                ..
            } => crate::card::Rule::Share {
                threshold_percent: Some(50),
                dynamics: false,
                bands: Vec::new(),
                numerator,
                denominator,
                zero_denominator,
            },
            other => other,
        };
        let school = |period: &str, n: &str| {
            let mut d = testkit::draft("Школа А", period, &["1.8"]);
            d.answers.insert("1.1".into(), testkit::share(n, "100"));
            d
        };
        let (old, new) = (school("2024/2025", "40"), school("2025/2026", "45"));
        let archive = testkit::archive_of(&[(&v1, "a1", &old), (&v2, "a2", &new)]);
        assert_eq!(archive.period_card(&v1.id, "2024/2025").unwrap().version, 1);
        assert_eq!(archive.period_card(&v1.id, "2025/2026").unwrap().version, 2);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let (was, now) = (
            figures(&archive, &v1, &before),
            figures(&archive, &v2, &after),
        );
        let years = Years {
            old_card: &v1,
            before: &was,
            new_card: &v2,
            after: &now,
        };
        assert!(years.versions_differ());
        assert_eq!(years.comparable(), (22, 23));
        let changes = indicator_changes(&years);
        let of = |code: &str| changes.iter().find(|c| c.code == code).unwrap();
        assert_eq!(of("1.1").delta_tenths(), None);
        assert_eq!(of("1.1").delta_label(), "методика изменилась");
        assert_eq!(of("1.8").delta_label(), "0,0\u{A0}п.\u{A0}п.");
        let values = value_changes(&years);
        let v11 = values.iter().find(|v| v.code == "1.1").unwrap();
        assert!(!v11.comparable);
        assert_eq!(v11.before, "40,0\u{A0}% (40 из 100)");
        // Last year: 1.1 (40 % ≥ 30 %) and 1.8, 2 points; under version 2,
        // 40 % misses 50 %: 1 point.
        assert_eq!(before[0].score.total, 2);
        let rescored = rescore(&archive, &before, &v2);
        assert_eq!((rescored[0].total, rescored[0].max_applicable), (1, 23));
        // This year 45 % misses 50 % too: no change by the new methodology.
        let change = &school_changes(&before, &after)[0];
        assert_eq!(change.delta_tenths(), -43);
        assert_eq!(change.delta_from((1, 23)), 0);
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
        let years = Years {
            old_card: &nv,
            before: &was,
            new_card: &nv,
            after: &now,
        };
        assert!(indicator_changes(&years).is_empty(), "nothing earns points");
        let changes = value_changes(&years);
        let of = |code: &str| {
            let c = changes.iter().find(|c| c.code == code).unwrap();
            (c.before.as_str(), c.after.as_str())
        };
        assert_eq!(of("1.1"), ("да — у 1 из 2", "да — у 2 из 2"));
        assert_eq!(of("1.2"), ("в сумме 7", "в сумме 1\u{202F}205"));
        assert_eq!(of("1.4"), ("нет данных", "нет данных"));
    }
}
