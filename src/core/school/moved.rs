//! What moving a draft to another version of its card did to its points.
//! The same answers can earn otherwise under the new rules (a walk-through's
//! 35 % met the old 30 % and missed the new 40 %), and «все ответы
//! перенесены» alone read as nothing changed.

use crate::card::Card;
use crate::school::draft::Draft;
use crate::scoring::{assess, Assessment};
use crate::text::points;

/// One indicator whose points the new version's rules changed, under its
/// code in the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorPoints {
    pub code: String,
    pub was: u32,
    pub now: u32,
}

/// The points a move changed: each indicator's, the points of those the
/// new version has no more, and the totals as (total, applicable maximum)
/// before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedPoints {
    pub indicators: Vec<IndicatorPoints>,
    /// Indicators of the old version, under their old codes, that earned
    /// points and are not in the new one: the changes listed added up to
    /// +1 beside a total that stayed (a walk-through).
    pub dropped: Vec<IndicatorPoints>,
    pub was: (u32, u32),
    pub now: (u32, u32),
}

impl MovedPoints {
    /// The indicators of `to` whose points differ from those `before`
    /// earned on `from` (matched by identity), in `to`'s order.
    pub fn of(from: &Card, before: &Draft, to: &Card, after: &Draft) -> Self {
        let (was, now) = (assess(from, before), assess(to, after));
        let earned = |assessment: &Assessment, code: &str| {
            (assessment.indicators.iter())
                .find(|r| r.code == code)
                .map_or(0, |r| r.outcome.points())
        };
        let indicators = to
            .indicators()
            .filter_map(|i| {
                let old = from.by_key(i.key())?;
                let (was, now) = (earned(&was, &old.code), earned(&now, &i.code));
                (was != now).then(|| IndicatorPoints {
                    code: i.code.clone(),
                    was,
                    now,
                })
            })
            .collect();
        let dropped = (from.indicators())
            .filter(|i| to.by_key(i.key()).is_none())
            .map(|i| IndicatorPoints {
                code: i.code.clone(),
                was: earned(&was, &i.code),
                now: 0,
            })
            .filter(|d| d.was > 0)
            .collect();
        Self {
            indicators,
            dropped,
            was: (was.total, was.max_applicable),
            now: (now.total, now.max_applicable),
        }
    }

    /// « По правилам версии 2 изменились баллы: 1.1 — было 1 балл, стало 0
    /// баллов; 5.1 — было 1 балл, в версии 2 показателя нет. Итог: было 3
    /// из 3, стало 2 из 3.», or nothing when no points moved.
    pub fn note(&self, version: u32) -> String {
        let changed = (self.indicators.iter()).map(|c| {
            format!(
                "{} — было {}, стало {}",
                c.code,
                points(c.was.into()),
                points(c.now.into())
            )
        });
        let dropped = (self.dropped.iter()).map(|d| {
            format!(
                "{} — было {}, в версии {version} показателя нет",
                d.code,
                points(d.was.into())
            )
        });
        let each: Vec<String> = changed.chain(dropped).collect();
        let lines = match each.is_empty() {
            true => String::new(),
            false => format!(
                " По правилам версии {version} изменились баллы: {}.",
                each.join("; ")
            ),
        };
        let total = match self.was == self.now {
            true => String::new(),
            false => format!(
                " Итог: было {} из {}, стало {} из {}.",
                self.was.0, self.was.1, self.now.0, self.now.1
            ),
        };
        format!("{lines}{total}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit;

    /// Version 2 raises 1.1's threshold from 30 % to 40 %: 35 of 100 met
    /// the old and misses the new, 1 point of 23 lost; 2.1 held both.
    #[test]
    fn a_threshold_raised_is_said_with_the_move() {
        let v1 = testkit::card();
        let mut v2 = v1.clone();
        v2.version = 2;
        let one = v2.indicators_mut().find(|i| i.code == "1.1").unwrap();
        match &mut one.rule {
            crate::card::Rule::Share {
                threshold_percent, ..
            } => *threshold_percent = Some(40),
            other => panic!("1.1 is a share: {other:?}"),
        }
        let mut before = testkit::draft("Школа", "2025/2026", &["2.1"]);
        before
            .answers
            .insert("1.1".into(), testkit::share("35", "100"));
        let moved = MovedPoints::of(&v1, &before, &v2, &before);
        assert_eq!(
            moved.indicators,
            [IndicatorPoints {
                code: "1.1".into(),
                was: 1,
                now: 0
            }]
        );
        assert_eq!((moved.was, moved.now), ((2, 23), (1, 23)));
        assert_eq!(
            moved.note(2),
            " По правилам версии 2 изменились баллы: 1.1 — было 1 балл, стало 0 баллов. \
             Итог: было 2 из 23, стало 1 из 23."
        );
        // The same rules: nothing to say.
        assert_eq!(MovedPoints::of(&v1, &before, &v1, &before).note(2), "");
        // 2.1 left out of version 3: its point is named with the rest.
        let mut v3 = v2.clone();
        v3.version = 3;
        crate::card::edit::remove(&mut v3, 0, Some(1), Some(0)).unwrap();
        let mut after = before.clone();
        after.answers.remove("2.1");
        let moved = MovedPoints::of(&v1, &before, &v3, &after);
        assert_eq!(
            moved.note(3),
            " По правилам версии 3 изменились баллы: 1.1 — было 1 балл, стало 0 баллов; \
             2.1 — было 1 балл, в версии 3 показателя нет. Итог: было 2 из 23, стало 0 из 22."
        );
    }
}
