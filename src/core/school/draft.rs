//! What the user typed, kept exactly as typed.
//!
//! A draft holds strings, not numbers: an invalid value is still the user's
//! work and must survive until they fix it. Turning it into trusted values is
//! the job of [`crate::school::input`]; scoring only ever sees those.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::card::versions::NotCarried;
use crate::card::{Card, ProfileFlag, Rule};
use crate::school::input::parse_number;
use crate::school::plan::{LastPlan, PlanRow};
use crate::school::profile::SchoolProfile;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub profile: SchoolProfile,
    /// Answers by indicator code; an indicator never touched has no entry.
    pub answers: BTreeMap<String, RawAnswer>,
    /// Answers of an earlier version of the card that did not fit this one,
    /// kept for the school to see and re-type.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_carried: Vec<NotCarried>,
    /// The school's plan of measures, signed with its answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanRow>,
    /// Last year's plan, kept by «next year» to show beside the rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_plan: Option<LastPlan>,
    /// Answers copied by «next year» from last year's card and not yet
    /// changed or confirmed: a copy sent unread would be last year's fact
    /// signed as this year's.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub copied: BTreeSet<String>,
}

impl Draft {
    /// Whether anything in the draft belongs to its card: answers, a plan
    /// with measures (its ticks are the card's numbers), last year's plan,
    /// answers kept from another version. A draft holding none can take
    /// another card in place: only the school's details go with it.
    pub fn holds_card_data(&self) -> bool {
        !self.answers.is_empty()
            || self.plan.iter().any(|r| !r.is_blank())
            || self.last_plan.is_some()
            || !self.not_carried.is_empty()
    }
}

/// One indicator row as typed. Which fields matter depends on the rule
/// kind; those a card of the first format never uses are left out of the
/// JSON when empty, so such a draft or file keeps its shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawAnswer {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub numerator: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub denominator: String,
    /// Last year's numerator and denominator, for a dynamics target.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prev_numerator: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prev_denominator: String,
    /// A breakdown's parts, in the card's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub count: String,
    /// A percentage typed directly, "87,5".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub percent: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<bool>,
    /// A list's rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<ListRow>,
    /// A list the school says is empty this year («не было»): an answer of
    /// none, which an untouched list cannot tell from «not filled in yet».
    /// Rows typed win over it; adding a row clears it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_rows: bool,
    /// Links to the evidence, one per line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// One row of a list: its name and its numbers in the card's column order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListRow {
    pub name: String,
    pub values: Vec<String>,
}

impl ListRow {
    /// Nothing typed in it: not a row yet.
    pub fn is_blank(&self) -> bool {
        self.name.trim().is_empty() && self.values.iter().all(|v| v.trim().is_empty())
    }

    /// Adds the row's numbers to `sums`, column by column. A cell that
    /// does not read adds nothing: its row is marked as an error.
    pub fn add_to(&self, sums: &mut [u64]) {
        for (sum, value) in sums.iter_mut().zip(&self.values) {
            *sum += parse_number(value).ok().flatten().unwrap_or(0);
        }
    }
}

/// The typed fields of a row, for updating one of them from the UI and for
/// attaching messages to the right input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerField {
    Numerator,
    Denominator,
    PrevNumerator,
    PrevDenominator,
    /// A breakdown's part, by index.
    Part(usize),
    Count,
    Percent,
    /// A list row's name.
    RowName(usize),
    /// A list row's number in a column, by indexes.
    Cell {
        row: usize,
        column: usize,
    },
    Evidence,
    Comment,
}

impl AnswerField {
    /// A stable name for element ids: "numerator", "part-2", "cell-0-1".
    pub fn key(self) -> String {
        match self {
            Self::Numerator => "numerator".into(),
            Self::Denominator => "denominator".into(),
            Self::PrevNumerator => "prev-numerator".into(),
            Self::PrevDenominator => "prev-denominator".into(),
            Self::Part(i) => format!("part-{i}"),
            Self::Count => "count".into(),
            Self::Percent => "percent".into(),
            Self::RowName(r) => format!("row-{r}"),
            Self::Cell { row, column } => format!("cell-{row}-{column}"),
            Self::Evidence => "evidence".into(),
            Self::Comment => "comment".into(),
        }
    }

    /// The field of a [`key`](Self::key): the page learns from a box's id
    /// which field is being typed.
    pub fn from_key(key: &str) -> Option<Self> {
        let index = |s: &str| s.parse::<usize>().ok();
        Some(match key {
            "numerator" => Self::Numerator,
            "denominator" => Self::Denominator,
            "prev-numerator" => Self::PrevNumerator,
            "prev-denominator" => Self::PrevDenominator,
            "count" => Self::Count,
            "percent" => Self::Percent,
            "evidence" => Self::Evidence,
            "comment" => Self::Comment,
            _ => {
                if let Some(i) = key.strip_prefix("part-") {
                    Self::Part(index(i)?)
                } else if let Some(r) = key.strip_prefix("row-") {
                    Self::RowName(index(r)?)
                } else {
                    let (row, column) = key.strip_prefix("cell-")?.split_once('-')?;
                    Self::Cell {
                        row: index(row)?,
                        column: index(column)?,
                    }
                }
            }
        })
    }

    /// The list row the field belongs to, by index.
    pub fn list_row(self) -> Option<usize> {
        match self {
            Self::RowName(row) | Self::Cell { row, .. } => Some(row),
            _ => None,
        }
    }
}

impl RawAnswer {
    /// A list's rows with anything typed in them: the rows that count.
    pub fn filled_rows(&self) -> impl Iterator<Item = &ListRow> {
        self.rows.iter().filter(|r| !r.is_blank())
    }

    pub fn text(&self, field: AnswerField) -> &str {
        match field {
            AnswerField::Numerator => &self.numerator,
            AnswerField::Denominator => &self.denominator,
            AnswerField::PrevNumerator => &self.prev_numerator,
            AnswerField::PrevDenominator => &self.prev_denominator,
            AnswerField::Part(i) => self.parts.get(i).map_or("", String::as_str),
            AnswerField::Count => &self.count,
            AnswerField::Percent => &self.percent,
            AnswerField::RowName(r) => self.rows.get(r).map_or("", |row| row.name.as_str()),
            AnswerField::Cell { row, column } => self
                .rows
                .get(row)
                .and_then(|r| r.values.get(column))
                .map_or("", String::as_str),
            AnswerField::Evidence => &self.evidence,
            AnswerField::Comment => &self.comment,
        }
    }

    /// The field to write; parts, rows and cells are made as far as needed.
    fn text_mut(&mut self, field: AnswerField) -> &mut String {
        fn slot(list: &mut Vec<String>, i: usize) -> &mut String {
            if list.len() <= i {
                list.resize(i + 1, String::new());
            }
            &mut list[i]
        }
        fn row(rows: &mut Vec<ListRow>, r: usize) -> &mut ListRow {
            if rows.len() <= r {
                rows.resize(r + 1, ListRow::default());
            }
            &mut rows[r]
        }
        match field {
            AnswerField::Numerator => &mut self.numerator,
            AnswerField::Denominator => &mut self.denominator,
            AnswerField::PrevNumerator => &mut self.prev_numerator,
            AnswerField::PrevDenominator => &mut self.prev_denominator,
            AnswerField::Part(i) => slot(&mut self.parts, i),
            AnswerField::Count => &mut self.count,
            AnswerField::Percent => &mut self.percent,
            AnswerField::RowName(r) => &mut row(&mut self.rows, r).name,
            AnswerField::Cell { row: r, column } => {
                slot(&mut row(&mut self.rows, r).values, column)
            }
            AnswerField::Evidence => &mut self.evidence,
            AnswerField::Comment => &mut self.comment,
        }
    }
}

impl Draft {
    /// A fingerprint of what an export of the draft says (SHA-256 of the
    /// JSON of [`Draft::as_exported`], hex): a field typed and cleared
    /// again, an empty plan row or last year's kept plan leave it as it was.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let json = serde_json::to_vec(&self.as_exported()).expect("a draft serialises");
        crate::signed::keys::to_hex(&Sha256::digest(json))
    }

    /// The draft as its export carries the school's answers: the profile
    /// tidied, answers and list rows with something typed, plan rows with
    /// something in them, the marks of answers copied and not checked;
    /// nothing kept only for the school to see.
    fn as_exported(&self) -> Draft {
        let answers: BTreeMap<String, RawAnswer> = self
            .answers
            .iter()
            .map(|(code, answer)| {
                let mut answer = answer.clone();
                answer.rows.retain(|r| !r.is_blank());
                if answer.parts.iter().all(|p| p.trim().is_empty()) {
                    answer.parts.clear();
                }
                (code.clone(), answer)
            })
            .filter(|(_, answer)| *answer != RawAnswer::default())
            .collect();
        Draft {
            profile: self.profile.clone().tidied(),
            not_carried: Vec::new(),
            plan: self
                .plan
                .iter()
                .filter(|r| !r.is_blank())
                .cloned()
                .collect(),
            last_plan: None,
            // The file names the answers sent unchecked: a mark taken off
            // changes what it says.
            copied: (self.copied.iter())
                .filter(|code| answers.contains_key(*code))
                .cloned()
                .collect(),
            answers,
        }
    }

    /// The row for `code`, or an empty one if it was never touched.
    pub fn answer(&self, code: &str) -> RawAnswer {
        self.answers.get(code).cloned().unwrap_or_default()
    }

    pub fn set_text(&mut self, code: &str, field: AnswerField, value: String) {
        // A link or a comment added to a copied answer is not a reading of
        // the answer itself: its mark stays.
        let answer = match field {
            AnswerField::Evidence | AnswerField::Comment => self.entry(code),
            _ => self.touch(code),
        };
        *answer.text_mut(field) = value;
    }

    pub fn set_fact(&mut self, code: &str, value: Option<bool>) {
        self.touch(code).fact = value;
    }

    /// Fills the empty last-year fields of the indicators that ask for them
    /// with `previous` year's figures (the numerator, or a breakdown's sum,
    /// and the denominator), where those are valid numbers and the part is
    /// not above the whole: a wrong figure is not carried into another
    /// year. Fields already typed are kept. Returns how many indicators
    /// were filled.
    pub fn fill_last_year(&mut self, previous: &Draft, card: &Card) -> usize {
        let number = |s: &str| parse_number(s).ok().flatten();
        let mut filled = 0;
        for indicator in card.indicators().filter(|i| i.rule.asks_last_year()) {
            let Some(was) = previous.answers.get(&indicator.code) else {
                continue;
            };
            let n = if was.parts.is_empty() {
                number(&was.numerator)
            } else {
                was.parts.iter().map(|p| number(p)).sum::<Option<u64>>()
            };
            // More people than the whole is an error of last year's, not a
            // figure to grow from.
            let (Some(n), Some(d)) = (n, number(&was.denominator)) else {
                continue;
            };
            if n > d {
                continue;
            }
            let answer = self.entry(&indicator.code);
            if !(answer.prev_numerator.is_empty() && answer.prev_denominator.is_empty()) {
                continue;
            }
            answer.prev_numerator = n.to_string();
            answer.prev_denominator = d.to_string();
            filled += 1;
        }
        filled
    }

    /// Adds an empty row at the end of a list; a list with a row is no
    /// longer one the school said was empty.
    pub fn add_row(&mut self, code: &str) {
        let answer = self.touch(code);
        answer.no_rows = false;
        answer.rows.push(ListRow::default());
    }

    /// Says a list is empty this year, or takes that back.
    pub fn set_no_rows(&mut self, code: &str, none: bool) {
        self.touch(code).no_rows = none;
    }

    pub fn remove_row(&mut self, code: &str, row: usize) {
        let rows = &mut self.touch(code).rows;
        if row < rows.len() {
            rows.remove(row);
        }
    }

    /// Moves a row one place up or down, within the list.
    pub fn move_row(&mut self, code: &str, row: usize, up: bool) {
        crate::list::swap_neighbour(&mut self.touch(code).rows, row, up);
    }

    fn entry(&mut self, code: &str) -> &mut RawAnswer {
        self.answers.entry(code.to_owned()).or_default()
    }

    /// [`Self::entry`] for a change the school makes: a copied answer it
    /// changes is its own.
    fn touch(&mut self, code: &str) -> &mut RawAnswer {
        self.copied.remove(code);
        self.entry(code)
    }

    /// The school says a copied answer holds this year too.
    pub fn confirm_copied(&mut self, code: &str) {
        self.copied.remove(code);
    }

    /// [`contradicting_profile`] of this draft: asked about before the
    /// export.
    pub fn contradicting_profile(&self, card: &Card) -> Vec<(String, ProfileFlag)> {
        contradicting_profile(card, &self.profile, &self.answers)
    }

    /// [`differing_totals`] of this draft: asked about before the export.
    pub fn differing_totals(&self, card: &Card) -> Vec<DifferingTotal> {
        differing_totals(card, &self.profile, &self.answers)
    }

    /// [`rows_of_none`] of this draft: asked about before the export.
    pub fn rows_of_none(&self, card: &Card) -> Vec<RowOfNone> {
        rows_of_none(card, &self.profile, &self.answers)
    }

    /// The copied answers not yet checked, in `card`'s order: listed before
    /// the export and named in the file.
    pub fn unchecked_copies(&self, card: &Card) -> Vec<String> {
        (card.indicators())
            .filter(|i| self.copied.contains(&i.code))
            .map(|i| i.code.clone())
            .collect()
    }
}

/// A group the card counts under one name in several indicators (the
/// 23-point card's «Всего обучающихся 8–9 классов» in 1.2 and 1.4, Ленинск's
/// «Обучающиеся 4 классов, выполнявшие ВПР…» in 4.3 and 4.4), typed with
/// different numbers: one of them is wrong, and each share is counted with
/// its own (a walk-through's school had 60 pupils of 37 between 4.3 and 4.4,
/// another 0 graduates in 1.2 and 97 in 3.1, which left 1.2 out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DifferingTotal {
    /// As the card's first such indicator names it.
    pub label: String,
    /// Each indicator's code and number, in the card's order.
    pub typed: Vec<(String, u64)>,
}

impl DifferingTotal {
    /// «1.2 — 100, 1.4 — 120».
    pub fn numbers(&self) -> String {
        (self.typed.iter())
            .map(|(code, n)| format!("{code} — {}", crate::text::group_digits(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The groups [`DifferingTotal`] names, among the indicators that apply to
/// the school's `profile`, by this year's numbers as typed (a number that
/// does not read is an error of its own). Names are compared as a person
/// reads them: letter case and spaces aside.
pub fn differing_totals(
    card: &Card,
    profile: &SchoolProfile,
    answers: &BTreeMap<String, RawAnswer>,
) -> Vec<DifferingTotal> {
    let same = |a: &str, b: &str| {
        let words = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        words(a) == words(b)
    };
    let mut groups: Vec<DifferingTotal> = Vec::new();
    for indicator in card.indicators().filter(|i| i.applies.applies_to(profile)) {
        let (Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. }) =
            &indicator.rule
        else {
            continue;
        };
        let Some(Ok(Some(n))) =
            (answers.get(&indicator.code)).map(|a| parse_number(&a.denominator))
        else {
            continue;
        };
        let typed = (indicator.code.clone(), n);
        match groups.iter_mut().find(|g| same(&g.label, denominator)) {
            Some(group) => group.typed.push(typed),
            None => groups.push(DifferingTotal {
                label: denominator.trim().to_owned(),
                typed: vec![typed],
            }),
        }
    }
    groups.retain(|g| g.typed.iter().any(|(_, n)| *n != g.typed[0].1));
    groups
}

/// Lists of events whose column counts the pupils a profile question is
/// about (the column's key is the question's: Невинномысск's «в том числе
/// детей с ОВЗ» is `ovz`), with some such pupils typed though the profile
/// answers the question «нет»: in `card`'s order, with the question. One
/// of the two is wrong, and the indicators the profile rules out are left
/// out of the school's card on its word. The school is asked before its
/// export, the reviewer shown it at the row.
pub fn contradicting_profile(
    card: &Card,
    profile: &SchoolProfile,
    answers: &BTreeMap<String, RawAnswer>,
) -> Vec<(String, ProfileFlag)> {
    let flags = card.profile_flags();
    let denied: Vec<&ProfileFlag> = flags.iter().filter(|f| !f.answer(profile)).collect();
    let mut found = Vec::new();
    for indicator in card.indicators() {
        let (Rule::List { columns, .. }, Some(answer)) =
            (&indicator.rule, answers.get(&indicator.code))
        else {
            continue;
        };
        let mut sums = vec![0; columns.len()];
        answer.filled_rows().for_each(|r| r.add_to(&mut sums));
        for (column, sum) in columns.iter().zip(sums) {
            let flag = denied.iter().find(|f| f.key == column.key);
            if let (Some(flag), true) = (flag, sum > 0) {
                found.push((indicator.code.clone(), (*flag).clone()));
            }
        }
    }
    found
}

/// A list's row with nobody in it: its name typed and 0 in its first
/// column, the one the others are «из них» of (the children an event took
/// in, a contest's participants; not a target's column, where 0 winners
/// of 12 is a contest all the same). It counts among the list's rows all
/// the same, an event no pupil of the school took part in (an audit met
/// one counted for its school); the school is asked before its export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowOfNone {
    pub code: String,
    /// The row's place in the list, as its boxes are numbered.
    pub row: usize,
    /// The place of the column with the 0.
    pub column: usize,
    pub name: String,
}

/// The [`RowOfNone`]s of the lists that apply to the school's `profile`,
/// in `card`'s order.
pub fn rows_of_none(
    card: &Card,
    profile: &SchoolProfile,
    answers: &BTreeMap<String, RawAnswer>,
) -> Vec<RowOfNone> {
    let mut found = Vec::new();
    for indicator in card.indicators().filter(|i| i.applies.applies_to(profile)) {
        let (Rule::List { columns, .. }, Some(answer)) =
            (&indicator.rule, answers.get(&indicator.code))
        else {
            continue;
        };
        if columns.is_empty() {
            continue;
        }
        for (row, typed) in answer.rows.iter().enumerate() {
            let cell = typed.values.first().map(|v| parse_number(v));
            if cell == Some(Ok(Some(0))) && !typed.name.trim().is_empty() {
                found.push(RowOfNone {
                    code: indicator.code.clone(),
                    row,
                    column: 0,
                    name: typed.name.trim().to_owned(),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
