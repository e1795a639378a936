//! Who fills in the card, for which year, and which levels of education the
//! school has: the profile decides which indicators apply.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::TextError;
use crate::text::one_line;

/// Levels of general education (НОО 1–4, ООО 5–9, СОО 10–11 классы).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolLevel {
    Noo,
    Ooo,
    Soo,
}

impl SchoolLevel {
    pub const ALL: [SchoolLevel; 3] = [Self::Noo, Self::Ooo, Self::Soo];

    pub fn label(self) -> &'static str {
        match self {
            Self::Noo => "НОО (1–4 классы)",
            Self::Ooo => "ООО (5–9 классы)",
            Self::Soo => "СОО (10–11 классы)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Noo => "noo",
            Self::Ooo => "ooo",
            Self::Soo => "soo",
        }
    }
}

/// The school as it describes itself. Texts are kept exactly as typed; they
/// are checked by [`SchoolProfile::problems`] but never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolProfile {
    pub name: String,
    pub municipality: String,
    /// Optional: ИНН, a department's own number, anything stable.
    pub identifier: String,
    pub levels: Vec<SchoolLevel>,
    /// The school teaches students with ОВЗ.
    pub ovz: bool,
    /// Academic year, "2025/2026".
    pub period: String,
    pub responsible: String,
    pub contact: String,
    /// Answers to a card's own profile questions (e.g. `doo`: a preschool
    /// group). A question not answered counts as "yes", like the levels:
    /// no indicator leaves the maximum by omission.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
}

impl Default for SchoolProfile {
    /// A full school with ОВЗ students: every indicator applies until the
    /// school says otherwise, so no point leaves the maximum by omission.
    fn default() -> Self {
        Self {
            name: String::new(),
            municipality: String::new(),
            identifier: String::new(),
            levels: SchoolLevel::ALL.to_vec(),
            ovz: true,
            period: String::new(),
            responsible: String::new(),
            contact: String::new(),
            flags: BTreeMap::new(),
        }
    }
}

/// A typed profile field, for attaching messages to the right input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    Name,
    Municipality,
    Identifier,
    Period,
    Responsible,
    Contact,
}

impl ProfileField {
    /// In the order the form shows them.
    pub const ALL: [ProfileField; 6] = [
        Self::Name,
        Self::Municipality,
        Self::Identifier,
        Self::Period,
        Self::Responsible,
        Self::Contact,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Полное наименование ОО",
            Self::Municipality => "Муниципальное образование",
            Self::Identifier => "Идентификатор ОО (ИНН или номер, необязательно)",
            Self::Period => "Отчётный период (учебный год)",
            Self::Responsible => "Ответственный (ФИО, должность)",
            Self::Contact => "Контактный телефон или e-mail",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Municipality => "municipality",
            Self::Identifier => "identifier",
            Self::Period => "period",
            Self::Responsible => "responsible",
            Self::Contact => "contact",
        }
    }
}

pub const MAX_PROFILE_TEXT: usize = 300;

impl SchoolProfile {
    pub fn has(&self, level: SchoolLevel) -> bool {
        self.levels.contains(&level)
    }

    /// The answer to a card's own profile question; unanswered is "yes".
    pub fn flag(&self, key: &str) -> bool {
        self.flags.get(key).copied().unwrap_or(true)
    }

    pub fn set_level(&mut self, level: SchoolLevel, present: bool) {
        self.levels.retain(|l| *l != level);
        if present {
            self.levels.push(level);
            self.levels.sort();
        }
    }

    pub fn text(&self, field: ProfileField) -> &str {
        match field {
            ProfileField::Name => &self.name,
            ProfileField::Municipality => &self.municipality,
            ProfileField::Identifier => &self.identifier,
            ProfileField::Period => &self.period,
            ProfileField::Responsible => &self.responsible,
            ProfileField::Contact => &self.contact,
        }
    }

    pub fn text_mut(&mut self, field: ProfileField) -> &mut String {
        match field {
            ProfileField::Name => &mut self.name,
            ProfileField::Municipality => &mut self.municipality,
            ProfileField::Identifier => &mut self.identifier,
            ProfileField::Period => &mut self.period,
            ProfileField::Responsible => &mut self.responsible,
            ProfileField::Contact => &mut self.contact,
        }
    }

    /// The profile as its lines are shown: one line each, spaces collapsed,
    /// and the characters that are not seen but turn the text around them
    /// backwards dropped ([`one_line`]). The school's file carries it so,
    /// and the department reads older files so, since the name stands in
    /// every table, sheet and letter.
    pub fn tidied(mut self) -> Self {
        for field in ProfileField::ALL {
            let text = self.text_mut(field);
            *text = one_line(text);
        }
        self
    }

    /// What is still wrong with the profile; empty when it is ready to export.
    pub fn problems(&self) -> Vec<(ProfileField, TextError)> {
        let mut problems = Vec::new();
        let mut check = |field, required: bool| {
            // As the file will carry it: a name of invisible characters is
            // no name.
            let text = one_line(self.text(field));
            if required && text.is_empty() {
                problems.push((field, TextError::Required));
            } else if text.chars().count() > MAX_PROFILE_TEXT {
                problems.push((
                    field,
                    TextError::TooLong {
                        max: MAX_PROFILE_TEXT,
                    },
                ));
            }
        };
        check(ProfileField::Name, true);
        check(ProfileField::Municipality, true);
        check(ProfileField::Identifier, false);
        check(ProfileField::Responsible, true);
        check(ProfileField::Contact, false);
        if let Err(e) = parse_period(&self.period) {
            problems.push((ProfileField::Period, e));
        }
        problems
    }

    /// What the school's form asks about besides [`problems`](Self::problems),
    /// on `year` and `month` (1–12) of its calendar: a school year that has
    /// not begun (a year starts in September), an e-mail address that could
    /// not be written to. Asked, not required: the school's clock may be
    /// wrong and a contact is a courtesy, so the export only asks to confirm,
    /// and a file with either is read.
    pub fn cautions(&self, year: u16, month: u8) -> Vec<(ProfileField, TextError)> {
        let mut cautions = Vec::new();
        let begun = |first: u16| first < year || (first == year && month >= 9);
        if parse_period(&self.period).is_ok_and(|first| !begun(first)) {
            cautions.push((ProfileField::Period, TextError::PeriodAhead));
        }
        if !emails_whole(&self.contact) {
            cautions.push((ProfileField::Contact, TextError::Email));
        }
        cautions
    }
}

/// Whether every word with «@» in a contact reads as an address: a name, an
/// «@», a domain with a dot inside it («ivanova@» and «ivanova@school7» are
/// not). A word that starts with «@» is a messenger's name («@ivanova»).
fn emails_whole(contact: &str) -> bool {
    contact
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'))
        .filter(|word| word.contains('@') && !word.starts_with('@'))
        .map(|word| word.trim_end_matches(['.', ':']))
        .all(|word| {
            word.split_once('@').is_some_and(|(name, domain)| {
                !name.is_empty()
                    && !domain.contains('@')
                    && domain
                        .split_once('.')
                        .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
            })
        })
}

/// Checks "2025/2026" (or «2025-2026», «2025/26») and returns its first
/// year.
pub fn parse_period(text: &str) -> Result<u16, TextError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TextError::Required);
    }
    let (first, second) = text
        .split_once(['/', '-', '–'])
        .ok_or(TextError::PeriodFormat)?;
    let number = |s: &str, digits: usize| {
        let s = s.trim();
        match s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()) {
            true => s.parse::<u16>().map_err(|_| TextError::PeriodFormat),
            false => Err(TextError::PeriodFormat),
        }
    };
    let first = number(first, 4)?;
    // «2025/26», as school years are often written (a walk-through's was
    // refused): the second year by its last two digits.
    let second = match number(second, 2) {
        Ok(short) if short == (first + 1) % 100 => first + 1,
        Ok(_) => return Err(TextError::PeriodYears),
        Err(_) => number(second, 4)?,
    };
    if second == first + 1 {
        Ok(first)
    } else {
        Err(TextError::PeriodYears)
    }
}

/// The year as the department files it, «2025/2026», however the school
/// wrote it («2025-2026», «2025 / 2026»): one spelling, so that one year's
/// files are not split in two. `None` when it does not read as a year.
pub fn canonical_period(text: &str) -> Option<String> {
    parse_period(text)
        .ok()
        .map(|first| format!("{first}/{}", first + 1))
}

/// The academic year a school reports on at a given date: the last one that
/// has ended (school years end in May–June; cards are due by 30 September).
pub fn default_period(year: u16, month: u8) -> String {
    let end = if month >= 6 { year } else { year - 1 };
    format!("{}/{}", end - 1, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_accepts_consecutive_years() {
        assert_eq!(parse_period("2025/2026"), Ok(2025));
        assert_eq!(parse_period(" 2025 - 2026 "), Ok(2025));
        assert_eq!(parse_period("2025–2026"), Ok(2025));
    }

    #[test]
    fn a_period_has_one_spelling() {
        for typed in [
            "2025/2026",
            " 2025 - 2026 ",
            "2025–2026",
            "2025 /2026",
            "2025/26",
        ] {
            assert_eq!(
                canonical_period(typed).as_deref(),
                Some("2025/2026"),
                "{typed}"
            );
        }
        assert_eq!(canonical_period("2025/2027"), None);
    }

    #[test]
    fn period_refuses_anything_else() {
        assert_eq!(parse_period(""), Err(TextError::Required));
        assert_eq!(parse_period("2025"), Err(TextError::PeriodFormat));
        assert_eq!(parse_period("25/26"), Err(TextError::PeriodFormat));
        assert_eq!(parse_period("2025/2027"), Err(TextError::PeriodYears));
        assert_eq!(parse_period("2026/2025"), Err(TextError::PeriodYears));
        assert_eq!(parse_period("2025/27"), Err(TextError::PeriodYears));
        assert_eq!(parse_period("2025/2"), Err(TextError::PeriodFormat));
        assert_eq!(parse_period("2099/00"), Ok(2099));
    }

    #[test]
    fn default_period_is_the_last_finished_year() {
        assert_eq!(default_period(2026, 11), "2025/2026");
        assert_eq!(default_period(2026, 6), "2025/2026");
        assert_eq!(default_period(2027, 3), "2025/2026");
    }

    #[test]
    fn new_profile_has_every_level_and_ovz() {
        let p = SchoolProfile::default();
        assert!(SchoolLevel::ALL.iter().all(|l| p.has(*l)));
        assert!(p.ovz);
    }

    #[test]
    fn levels_can_be_toggled() {
        let mut p = SchoolProfile::default();
        p.set_level(SchoolLevel::Soo, false);
        assert!(!p.has(SchoolLevel::Soo));
        p.set_level(SchoolLevel::Soo, true);
        p.set_level(SchoolLevel::Soo, true);
        assert_eq!(p.levels, SchoolLevel::ALL);
    }

    #[test]
    fn profile_problems_name_the_fields() {
        let mut p = SchoolProfile::default();
        let fields: Vec<_> = p.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                ProfileField::Name,
                ProfileField::Municipality,
                ProfileField::Responsible,
                ProfileField::Period
            ]
        );
        p.name = "МАОУ СОШ № 1".into();
        p.municipality = "г. Екатеринбург".into();
        p.responsible = "Иванова И. И.".into();
        p.period = "2025/2026".into();
        assert!(p.problems().is_empty());
        // What the file would carry is checked: invisible characters alone
        // are no name.
        p.name = "\u{200B}\u{202E}".into();
        assert_eq!(p.problems(), [(ProfileField::Name, TextError::Required)]);
    }

    /// The form asks about a year that has not begun and a half-typed
    /// e-mail address; a file with either is still read.
    #[test]
    fn the_form_asks_about_a_year_ahead_and_a_half_address() {
        let mut p = SchoolProfile {
            name: "СОШ № 1".into(),
            municipality: "г. Курган".into(),
            responsible: "Иванова И. И.".into(),
            period: "2026/2027".into(),
            contact: "8 (3522) 12-34-56, ivanova@school7.ru., Telegram @ivanova".into(),
            ..SchoolProfile::default()
        };
        assert_eq!(p.cautions(2026, 9), []);
        assert_eq!(p.cautions(2027, 1), []);
        let ahead = [(ProfileField::Period, TextError::PeriodAhead)];
        assert_eq!(p.cautions(2026, 8), ahead, "the year starts in September");
        assert_eq!(p.cautions(2025, 12), ahead);
        for bad in [
            "ivanova@",
            "ivanova@school7",
            "a@b@c.ru",
            "ivanova@school7.",
        ] {
            p.contact = format!("тел. 12-34-56; {bad}");
            assert_eq!(
                p.cautions(2026, 10),
                [(ProfileField::Contact, TextError::Email)],
                "{bad}"
            );
            assert_eq!(p.problems(), [], "{bad}");
        }
        for good in [
            "",
            "12-34-56",
            "Иванова <ivanova@школа7.рф>",
            "i.ivanova@mail.school7.ru",
            "@ivanova_school7",
        ] {
            p.contact = good.into();
            assert_eq!(p.cautions(2026, 10), [], "{good}");
        }
    }
}
