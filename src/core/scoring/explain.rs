//! What a scored row says to the user, in words: the view model of one
//! indicator row and of the card's total. Kept in the core so the wording is
//! tested natively and the shell only renders it.

use crate::card::{Indicator, Level, LevelRule, Rule};
use crate::school::draft::RawAnswer;
use crate::scoring::{Assessment, Detail, IndicatorResult, NotApplicable, Outcome};
use crate::text::{group_digits, percent, plural, points};

/// The state of a row, for styling and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Earned,
    Missed,
    NotApplicable,
    Unanswered,
    Invalid,
}

impl RowStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Earned => "earned",
            Self::Missed => "missed",
            Self::NotApplicable => "na",
            Self::Unanswered => "unanswered",
            Self::Invalid => "invalid",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowExplanation {
    pub status: RowStatus,
    /// "1 балл из 1", "не применимо", ...
    pub points: String,
    /// The share as typed, "30,0 %", for share rows with both numbers.
    pub share: Option<String>,
    /// One sentence: why these points, or what is missing.
    pub note: String,
}

/// The answer as the department reads it: "30 из 100 (30,0 %)", "да", "5".
pub fn answer_summary(indicator: &Indicator, answer: Option<&RawAnswer>) -> String {
    let Some(a) = answer else {
        return "—".to_owned();
    };
    let or_dash = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    match &indicator.rule {
        Rule::Fact { .. } => match a.fact {
            Some(true) => "да".to_owned(),
            Some(false) => "нет".to_owned(),
            None => "—".to_owned(),
        },
        Rule::Count { .. } => or_dash(&a.count),
        Rule::Share { .. } => {
            let (n, d) = (a.numerator.trim(), a.denominator.trim());
            match (n.parse::<u64>(), d.parse::<u64>()) {
                (Ok(n), Ok(d)) if d > 0 => format!("{n} из {d} ({})", percent(n, d)),
                _ if n.is_empty() && d.is_empty() => "—".to_owned(),
                _ => format!("{} из {}", or_dash(n), or_dash(d)),
            }
        }
    }
}

pub fn explain(indicator: &Indicator, result: &IndicatorResult) -> RowExplanation {
    let of_max = |p: u32| format!("{} из {}", points(p.into()), indicator.points);
    let (status, points_text, share, note) = match &result.outcome {
        Outcome::NotApplicable(why) => (
            RowStatus::NotApplicable,
            "не применимо".to_owned(),
            None,
            match why {
                NotApplicable::Profile => {
                    "Не относится к школе с таким профилем (уровни образования, ОВЗ) \
                     и не входит в максимум."
                }
                NotApplicable::EmptyGroup => {
                    "В группе нет ни одного человека: показатель не входит в максимум."
                }
            }
            .to_owned(),
        ),
        Outcome::Unanswered => (
            RowStatus::Unanswered,
            "не заполнено".to_owned(),
            None,
            "Показатель ещё не заполнен.".to_owned(),
        ),
        Outcome::Invalid => (
            RowStatus::Invalid,
            "не учитывается".to_owned(),
            None,
            "Исправьте отмеченные поля: пока в них ошибка, показатель не учитывается.".to_owned(),
        ),
        Outcome::Scored { points: p, detail } => {
            let status = if *p > 0 {
                RowStatus::Earned
            } else {
                RowStatus::Missed
            };
            let (share, note) = describe(&indicator.rule, detail);
            (status, of_max(*p), share, note)
        }
    };
    RowExplanation {
        status,
        points: points_text,
        share,
        note,
    }
}

fn describe(rule: &Rule, detail: &Detail) -> (Option<String>, String) {
    let people = |n: u64| format!("{} чел.", group_digits(n));
    match (rule, detail) {
        (
            Rule::Share {
                threshold_percent: t,
                ..
            },
            Detail::Share {
                numerator,
                denominator,
                shortfall,
            },
        ) => {
            let share = Some(percent(*numerator, *denominator));
            let note = match shortfall {
                None => "В группе никого нет: балл не начисляется.".to_owned(),
                Some(0) => format!("Порог не менее {t}\u{A0}% достигнут."),
                Some(k) => format!("До порога {t}\u{A0}% не хватает {}", people(*k)),
            };
            (share, note)
        }
        (_, Detail::Fact(true)) => (None, "Факт отмечен.".to_owned()),
        (_, Detail::Fact(false)) => (None, "Факта нет: балл не начисляется.".to_owned()),
        (Rule::Count { min, .. }, Detail::Count { shortfall, .. }) => {
            let note = if *shortfall == 0 {
                format!("Требование «не менее {}» выполнено.", group_digits(*min))
            } else {
                format!(
                    "До требования «не менее {}» не хватает {}.",
                    group_digits(*min),
                    group_digits(*shortfall)
                )
            };
            (None, note)
        }
        _ => (None, String::new()),
    }
}

/// The card's headline figures, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalExplanation {
    /// "15 из 23"
    pub total: String,
    /// "65,2 %"
    pub percent: String,
    pub level: Option<Level>,
    /// "высокая — от 19, средняя — от 14, низкая — 13 и менее"
    pub bands: String,
    /// "Не заполнено 8 показателей", empty when all done.
    pub unanswered: String,
    pub invalid: String,
}

pub fn explain_total(rule: &LevelRule, a: &Assessment) -> TotalExplanation {
    let (high, medium) = rule.thresholds(a.max_applicable);
    let indicators = |n: u32| {
        format!(
            "{n} {}",
            plural(n.into(), "показатель", "показателя", "показателей")
        )
    };
    TotalExplanation {
        total: format!("{} из {}", a.total, a.max_applicable),
        percent: percent(a.total.into(), a.max_applicable.into()),
        level: a.level,
        bands: if a.max_applicable == 0 {
            "Ни один показатель не применим к школе с таким профилем.".to_owned()
        } else {
            format!(
                "высокая — от {high}, средняя — от {medium}, низкая — {} и менее",
                medium.saturating_sub(1)
            )
        },
        unanswered: match a.unanswered {
            0 => String::new(),
            n => format!("Не заполнено: {}.", indicators(n)),
        },
        invalid: match a.invalid {
            0 => String::new(),
            n => format!("С ошибками (не учитываются): {}.", indicators(n)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::draft::{Draft, RawAnswer};
    use crate::school::profile::SchoolProfile;
    use crate::scoring::{assess, assess_indicator};
    use crate::testkit::share;

    fn row(code: &str, answer: RawAnswer) -> RowExplanation {
        let card = crate::testkit::card();
        let indicator = card.indicator(code).unwrap();
        let result = assess_indicator(indicator, &SchoolProfile::default(), Some(&answer));
        explain(indicator, &result)
    }

    #[test]
    fn share_rows_say_what_is_missing() {
        let r = row("1.2", share("40", "100"));
        assert_eq!(r.status, RowStatus::Missed);
        assert_eq!(r.points, "0 баллов из 1");
        assert_eq!(r.share.as_deref(), Some("40,0\u{A0}%"));
        assert_eq!(r.note, "До порога 50\u{A0}% не хватает 10 чел.");

        let r = row("1.2", share("50", "100"));
        assert_eq!(r.status, RowStatus::Earned);
        assert_eq!(r.points, "1 балл из 1");
        assert_eq!(r.note, "Порог не менее 50\u{A0}% достигнут.");
    }

    #[test]
    fn empty_groups_follow_the_card() {
        assert_eq!(row("1.1", share("0", "0")).status, RowStatus::Missed);
        assert_eq!(row("7.1", share("0", "0")).status, RowStatus::NotApplicable);
    }

    #[test]
    fn unanswered_and_invalid_rows() {
        assert_eq!(
            row("1.6", RawAnswer::default()).status,
            RowStatus::Unanswered
        );
        let r = row("1.1", share("12", "10"));
        assert_eq!(r.status, RowStatus::Invalid);
        assert_eq!(r.points, "не учитывается");
    }

    #[test]
    fn total_line_for_the_full_card() {
        let card = crate::testkit::card();
        let a = assess(&card, &Draft::default());
        let t = explain_total(&card.levels, &a);
        assert_eq!(t.total, "0 из 23");
        assert_eq!(
            t.bands,
            "высокая — от 19, средняя — от 14, низкая — 13 и менее"
        );
        assert_eq!(t.unanswered, "Не заполнено: 23 показателя.");
        assert_eq!(t.invalid, "");
    }
}
