//! The school's plan of measures to raise its effectiveness (seed 003
//! §3.6): after the card, rows of a measure, the indicators it targets, a
//! deadline and who is responsible. It is signed with the submission, and
//! next year the card shows it beside the rows it targeted: did they improve?

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::{Basis, Card};
use crate::school::draft::Draft;
use crate::scoring::{assess, Outcome};
use crate::text::{by_name, lines, one_line, percent};

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
    /// The row as it is shown: without the hidden characters that turn
    /// the text around them ([`one_line`]); the measure keeps its lines.
    pub fn tidied(self) -> Self {
        Self {
            measure: lines(&self.measure),
            indicators: self.indicators,
            deadline: one_line(&self.deadline),
            responsible: one_line(&self.responsible),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.measure.trim().is_empty()
            && self.indicators.is_empty()
            && self.deadline.trim().is_empty()
            && self.responsible.trim().is_empty()
    }
}

/// The deadline field's example: the end of May of the school year the
/// plan is for, the one after the card's period (a card for 2025/2026
/// plans 2026/2027: «до 30.05.2027»). Without a period that reads as a
/// year, the next end of May after `today` (year, month).
pub fn deadline_example(period: &str, today: (u16, u8)) -> String {
    let year = match crate::school::profile::parse_period(period) {
        Ok(first) => first + 2,
        Err(_) if today.1 <= 5 => today.0,
        Err(_) => today.0 + 1,
    };
    format!("например, до 30.05.{year}")
}

/// The empty field of a plan measure that [`Draft::plan_gaps`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanGap {
    /// A row with a deadline or indicators but no measure named: printed
    /// as «Мероприятие 1» over a blank line (a walk-through).
    Measure,
    Deadline,
    Responsible,
}

impl PlanGap {
    /// The field's part of its id in the plan's form: `plan-3-deadline`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Measure => "measure",
            Self::Deadline => "deadline",
            Self::Responsible => "responsible",
        }
    }
}

/// The school's edits of its plan, by row index; an index past the end
/// changes nothing.
pub enum PlanEdit {
    Add,
    Remove(usize),
    Shift(usize, bool),
    Measure(usize, String),
    Deadline(usize, String),
    Responsible(usize, String),
    /// Targets the indicator `code` or stops targeting it.
    Toggle(usize, String),
}

impl Draft {
    pub fn edit_plan(&mut self, edit: PlanEdit) {
        let plan = &mut self.plan;
        match edit {
            PlanEdit::Add => plan.push(PlanRow::default()),
            PlanEdit::Remove(r) if r < plan.len() => {
                plan.remove(r);
            }
            PlanEdit::Shift(r, up) => crate::list::swap_neighbour(plan, r, up),
            PlanEdit::Measure(r, text) => set(plan, r, |row| row.measure = text),
            PlanEdit::Deadline(r, text) => set(plan, r, |row| row.deadline = text),
            PlanEdit::Responsible(r, text) => set(plan, r, |row| row.responsible = text),
            PlanEdit::Toggle(r, code) => set(plan, r, |row| {
                match row.indicators.iter().position(|c| *c == code) {
                    Some(i) => {
                        row.indicators.remove(i);
                    }
                    None => row.indicators.push(code),
                }
                // By number, not in the order of the clicks: «1.7, 5.3», as
                // the card numbers them (1.9 before 1.10), and a row of an
                // older draft, kept as clicked, comes in order too.
                row.indicators.sort_by(|a, b| by_name(a, b));
            }),
            PlanEdit::Remove(_) => {}
        }
    }

    /// The plan's measures with no name, no deadline or no one
    /// responsible, by index, with the first of the three still empty: a letter's rows arrive
    /// without them, and the notice that asks for them is easily gone
    /// before the export. Blank rows are not measures (they are not printed
    /// either).
    pub fn plan_gaps(&self) -> Vec<(usize, PlanGap)> {
        (self.plan.iter().enumerate())
            .filter(|(_, r)| !r.is_blank())
            .filter_map(|(i, r)| {
                if r.measure.trim().is_empty() {
                    Some((i, PlanGap::Measure))
                } else if r.deadline.trim().is_empty() {
                    Some((i, PlanGap::Deadline))
                } else if r.responsible.trim().is_empty() {
                    Some((i, PlanGap::Responsible))
                } else {
                    None
                }
            })
            .collect()
    }

    /// Adds the rows a department's letter suggests, except those already
    /// in the plan (the same measure for the same indicators), after the
    /// school's own rows; blank rows make way. Returns how many were added.
    pub fn merge_plan(&mut self, rows: Vec<PlanRow>) -> usize {
        self.plan.retain(|r| !r.is_blank());
        let before = self.plan.len();
        for row in rows {
            let known = self
                .plan
                .iter()
                .any(|r| r.measure.trim() == row.measure.trim() && r.indicators == row.indicators);
            if !known && !row.is_blank() {
                self.plan.push(row);
            }
        }
        self.plan.len() - before
    }
}

fn set(plan: &mut [PlanRow], r: usize, change: impl FnOnce(&mut PlanRow)) {
    if let Some(row) = plan.get_mut(r) {
        change(row);
    }
}

/// Where an indicator stood in a year: earned or not, and its value as
/// a plan's target is judged ([`Standing::of`]). Kept in the next year's
/// draft: a draft made before questions and percentages had a value there
/// keeps «без изменений» for them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub earned: bool,
    /// (part, whole) as [`Outcome::pooled`] gives it: a share's numerator
    /// and denominator; without points a «да» as 1 of 1, a percentage in
    /// tenths of 1 000.
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

impl LastPlan {
    /// `draft`'s plan as the next year's draft keeps it, with where its
    /// indicators stand in `draft`; `None` without a measure.
    pub fn of(card: &Card, draft: &Draft) -> Option<Self> {
        let rows: Vec<PlanRow> = (draft.plan.iter())
            .filter(|r| !r.is_blank())
            .cloned()
            .collect();
        (!rows.is_empty()).then(|| Self {
            period: draft.profile.period.clone(),
            rows,
            standing: standings(card, draft),
        })
    }
}

/// Where every indicator of `card` stands in `draft`, by code.
pub fn standings(card: &Card, draft: &Draft) -> BTreeMap<String, Standing> {
    assess(card, draft)
        .indicators
        .iter()
        .map(|r| {
            let basis = card.indicator(&r.code).and_then(|i| i.basis());
            (r.code.clone(), Standing::of(&r.outcome, basis))
        })
        .collect()
}

impl Standing {
    /// `outcome` as a plan's target is judged (`basis`, the indicator's):
    /// earned or not, and without points the value that moves instead,
    /// as the department judges a measure ([`Outcome::pooled`]): a
    /// question of a card without points went from «нет» to «да», where
    /// nothing is ever earned and a plan read «без изменений».
    pub fn of(outcome: &Outcome, basis: Option<Basis>) -> Self {
        Self {
            earned: outcome.points() > 0,
            share: basis.and_then(|b| outcome.pooled(b)),
        }
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

impl LastPlan {
    /// « (47,1 % → 49,7 %)»: indicator `code`'s share (or mean, judged
    /// by `basis`) last year and now, where both years have one;
    /// «улучшился» alone hid a rise that still missed the threshold; a
    /// question without points « («нет» → «да»)». Empty otherwise.
    pub fn shares(&self, code: &str, now: Option<Standing>, basis: Option<Basis>) -> String {
        let said = |(n, d): (u64, u64)| match basis {
            Some(Basis::Yes) if n > 0 => "«да»".to_owned(),
            Some(Basis::Yes) => "«нет»".to_owned(),
            _ => percent(n, d),
        };
        (self.standing.get(code).and_then(|b| b.share))
            .zip(now.and_then(|n| n.share))
            .map(|(before, after)| format!(" ({} → {})", said(before), said(after)))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_example_is_in_the_year_the_plan_is_for() {
        assert_eq!(
            deadline_example("2025/2026", (2026, 12)),
            "например, до 30.05.2027"
        );
        // An older card's plan, filled in later, is for its own next year.
        assert_eq!(
            deadline_example("2023-2024", (2026, 12)),
            "например, до 30.05.2025"
        );
        // No year yet: the next end of May.
        assert_eq!(deadline_example("", (2026, 5)), "например, до 30.05.2026");
        assert_eq!(
            deadline_example("2025", (2026, 6)),
            "например, до 30.05.2027"
        );
    }
    use crate::school::draft::RawAnswer;
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

    /// On a card without points nothing is earned: a question planned for
    /// moves by its answer and a survey by its percentage, as the
    /// department judges them, where both read «без изменений».
    #[test]
    fn a_question_or_survey_without_points_moves_by_its_value() {
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let mut draft = testkit::draft("Школа", "2024/2025", &[]);
        draft.answers.insert("1.1".into(), testkit::fact(false));
        draft.answers.insert(
            "1.5".into(),
            RawAnswer {
                percent: "62,5".into(),
                ..RawAnswer::default()
            },
        );
        let plan = LastPlan {
            period: "2024/2025".into(),
            rows: vec![PlanRow {
                measure: "Программа сопровождения".into(),
                indicators: vec!["1.1".into(), "1.5".into()],
                ..PlanRow::default()
            }],
            standing: standings(&card, &draft),
        };
        draft.answers.insert("1.1".into(), testkit::fact(true));
        draft.answers.get_mut("1.5").unwrap().percent = "60".into();
        let now = standings(&card, &draft);
        let moved = |code: &str| {
            let basis = card.indicator(code).unwrap().basis();
            let now = now.get(code).copied();
            (
                plan.about(code, now).unwrap().1,
                plan.shares(code, now, basis),
            )
        };
        assert_eq!(
            moved("1.1"),
            (Progress::Improved, " («нет» → «да»)".to_owned())
        );
        assert_eq!(
            moved("1.5"),
            (Progress::Worse, " (62,5\u{A0}% → 60,0\u{A0}%)".to_owned())
        );
    }

    /// Beside «улучшился», the shares of both years where both have one.
    #[test]
    fn a_share_moved_is_said_with_both_years_figures() {
        let s = |earned, share| Standing { earned, share };
        let plan = LastPlan {
            period: "2024/2025".into(),
            rows: Vec::new(),
            standing: [
                ("1.2".to_owned(), s(false, Some((471, 1000)))),
                ("1.8".to_owned(), s(false, None)),
            ]
            .into_iter()
            .collect(),
        };
        assert_eq!(
            plan.shares("1.2", Some(s(false, Some((497, 1000)))), Some(Basis::Met)),
            " (47,1\u{A0}% → 49,7\u{A0}%)"
        );
        assert_eq!(
            plan.shares("1.2", None, Some(Basis::Met)),
            "",
            "not answered this year"
        );
        assert_eq!(
            plan.shares("1.8", Some(s(true, None)), Some(Basis::Met)),
            "",
            "a yes or no"
        );
    }

    /// A draft with a measure in its plan (from a letter, say) and no
    /// answer holds its card's numbers: it does not take another card in
    /// place.
    #[test]
    fn a_plan_is_card_data_a_blank_row_is_not() {
        let mut d = Draft::default();
        d.profile.name = "СОШ № 1".into();
        assert!(!d.holds_card_data());
        d.edit_plan(PlanEdit::Add);
        assert!(!d.holds_card_data(), "a blank row");
        d.edit_plan(PlanEdit::Toggle(0, "1.1".into()));
        assert!(d.holds_card_data());
    }

    #[test]
    fn a_plan_is_edited_row_by_row_and_a_letter_merges_into_it() {
        let mut d = Draft::default();
        d.edit_plan(PlanEdit::Add);
        d.edit_plan(PlanEdit::Measure(0, "Своя мера".into()));
        d.edit_plan(PlanEdit::Toggle(0, "1.1".into()));
        d.edit_plan(PlanEdit::Toggle(0, "2.1".into()));
        d.edit_plan(PlanEdit::Toggle(0, "1.10".into()));
        d.edit_plan(PlanEdit::Toggle(0, "1.9".into()));
        assert_eq!(d.plan[0].indicators, ["1.1", "1.9", "1.10", "2.1"]);
        d.edit_plan(PlanEdit::Toggle(0, "1.1".into()));
        d.edit_plan(PlanEdit::Toggle(0, "1.9".into()));
        d.edit_plan(PlanEdit::Toggle(0, "1.10".into()));
        d.edit_plan(PlanEdit::Add);
        d.edit_plan(PlanEdit::Deadline(9, "никуда".into()));
        assert_eq!(d.plan[0].indicators, ["2.1"]);
        assert!(d.plan[1].is_blank());
        // The measure has neither a deadline nor anyone responsible; the
        // blank row is not a measure.
        assert_eq!(d.plan_gaps(), [(0, PlanGap::Deadline)]);
        d.edit_plan(PlanEdit::Deadline(0, "май 2026".into()));
        assert_eq!(d.plan_gaps(), [(0, PlanGap::Responsible)]);
        d.edit_plan(PlanEdit::Responsible(0, "Петрова А. С.".into()));
        assert_eq!(d.plan_gaps(), []);
        // A row with its deadline and indicators but no measure named.
        let named = d.plan[0].measure.clone();
        d.edit_plan(PlanEdit::Measure(0, "  ".into()));
        assert_eq!(d.plan_gaps(), [(0, PlanGap::Measure)]);
        d.edit_plan(PlanEdit::Measure(0, named));
        let suggested = vec![
            PlanRow {
                measure: "Своя мера".into(),
                indicators: vec!["2.1".into()],
                ..PlanRow::default()
            },
            PlanRow {
                measure: "Профпробы".into(),
                indicators: vec!["1.1".into()],
                ..PlanRow::default()
            },
        ];
        assert_eq!(d.merge_plan(suggested.clone()), 1);
        assert_eq!(
            d.merge_plan(suggested),
            0,
            "opening the letter twice adds nothing"
        );
        let measures: Vec<&str> = d.plan.iter().map(|r| r.measure.as_str()).collect();
        assert_eq!(measures, ["Своя мера", "Профпробы"]);
        d.edit_plan(PlanEdit::Shift(1, true));
        d.edit_plan(PlanEdit::Remove(1));
        assert_eq!(d.plan.len(), 1);
        assert_eq!(d.plan[0].measure, "Профпробы");
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
