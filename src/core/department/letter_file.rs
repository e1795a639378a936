//! The recommendation letter as a file: the department downloads it per
//! school, the school page opens it to pre-fill its plan of measures. It is
//! not signed: it only suggests rows the school edits, and the plan the
//! school then signs is its own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::Card;
use crate::department::letters::TITLES;
use crate::department::school::normalize;
use crate::error::LetterFileError;
use crate::export::{text_blocks, to_docx, Block};
use crate::json;
use crate::school::plan::PlanRow;
use crate::school::profile::canonical_period;
use crate::text::{card_suffix, file_stem, period_stem};

pub const FORMAT: &str = "profkarta-letter";
/// Version 2 adds `keys`: a version 1 letter still reads.
const VERSION: u64 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterFile {
    pub format: String,
    pub version: u64,
    pub card: String,
    pub card_title: String,
    pub card_version: u32,
    pub period: String,
    pub school: String,
    pub text: String,
    pub plan: Vec<PlanRow>,
    /// The permanent key of each indicator the plan names, by its number in
    /// `card_version`: a draft of another version finds it under its own
    /// number (a renumbered indicator is the same one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, String>,
}

impl LetterFile {
    /// Whether the letter may be the school's own: addressed to `name` as
    /// typed, or the draft has no name yet. Names compare as the
    /// department matches its files, without case, quotes and spacing.
    pub fn is_for(&self, name: &str) -> bool {
        let name = normalize(name);
        name.is_empty() || normalize(&self.school) == name
    }

    /// Whether the letter's plan belongs in a draft of `period`: the
    /// recommendations follow a year's monitoring, and the plan of that
    /// year's card is what the next year's card is compared with. A draft
    /// whose year does not read as one yet is not asked about.
    pub fn is_for_year(&self, period: &str) -> bool {
        match (canonical_period(period), canonical_period(&self.period)) {
            (Some(draft), Some(letter)) => draft == letter,
            _ => true,
        }
    }

    /// What to ask before the measures of a letter addressed to another
    /// school join the plan of `school`: a letter saved beside others is
    /// easily picked for the wrong school. `None` when it is this school's.
    pub fn school_question(&self, school: &str) -> Option<String> {
        let school = school.trim();
        (!self.is_for(school)).then(|| {
            format!(
                "Это рекомендации для «{}», а в черновике указана школа «{school}». \
                 Всё равно добавить их мероприятия в план?",
                self.school
            )
        })
    }

    /// What to ask before a letter's measures join a draft of another year
    /// than the one it follows: put in the next year's plan, they would be
    /// judged a year late. `None` when the years agree.
    pub fn year_question(&self, period: &str) -> Option<String> {
        let (period, about) = (period.trim(), &self.period);
        (!self.is_for_year(period)).then(|| {
            format!(
                "Это рекомендации по итогам {about} учебного года, а черновик — за {period}. \
                 Их место — в плане карты за {about}: по карте следующего года отдел увидит, \
                 помогли ли мероприятия. Всё равно добавить их в план за {period}?"
            )
        })
    }

    /// What became of the letter's plan in a draft of the card version
    /// `now`: `added` rows joined it, `lost` indicators could not be ticked
    /// ([`Self::plan_for`]). The same letter opened again adds nothing, and
    /// is said so, not as a plan to finish.
    pub fn merged_note(&self, file_name: &str, now: u32, lost: usize, added: usize) -> String {
        let version = self.card_version;
        let ticks = match lost {
            0 if version == now => String::new(),
            lost if version == now => format!(
                " Целевые показатели, которых нет в карте, не отмечены (не отмечено — {lost})."
            ),
            0 => format!(
                " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                 целевые показатели отмечены под их номерами в версии {now}."
            ),
            // A letter from before the keys: its numbers may be others' here.
            _ if self.keys.is_empty() => format!(
                " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                 номера показателей в них могут означать другие, поэтому целевые показатели \
                 мероприятий не отмечены — отметьте их."
            ),
            lost => format!(
                " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                 целевые показатели отмечены под их номерами в версии {now}, кроме тех, которых \
                 в ней нет (не отмечено — {lost}). Проверьте отметки."
            ),
        };
        let what = match added {
            0 => "все их мероприятия уже в плане, ничего не добавлено.".to_owned(),
            n => format!(
                "в план добавлено мероприятий — {n}. Укажите сроки и ответственных, исправьте \
                 формулировки."
            ),
        };
        format!(
            "Рекомендации отдела за {} учебный год («{file_name}»): {what}{ticks}",
            self.period
        )
    }

    pub fn new(card: &Card, period: &str, school: &str, text: &str, plan: Vec<PlanRow>) -> Self {
        let keys = (plan.iter())
            .flat_map(|row| &row.indicators)
            .filter_map(|code| Some((code.clone(), card.indicator(code)?.key().to_owned())))
            .collect();
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            card: card.id.clone(),
            card_title: card.title.clone(),
            card_version: card.version,
            period: period.to_owned(),
            school: school.to_owned(),
            text: text.to_owned(),
            plan,
            keys,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a letter serialises")
    }

    /// «рекомендации_СОШ_2_2025-2026.json» ([`card_suffix`] after the year).
    pub fn file_name(&self) -> String {
        format!(
            "рекомендации_{}_{}{}.json",
            file_stem(&self.school),
            period_stem(&self.period),
            card_suffix(&self.card)
        )
    }

    /// The plan's rows for a draft of `card`, and how many of their
    /// indicators could not be ticked. A letter of another version of the
    /// card names indicators by that version's numbers, which may be
    /// others' here: each is found by its permanent key instead, and one
    /// that is not in `card` (removed, or another kind now) is left for the
    /// school to tick, rather than ticked under the wrong number. A version
    /// 1 letter has no keys: none of its indicators is ticked.
    /// Of the same version, a number the card does not have (a file made
    /// by hand) is left out too: it was signed into the school's plan.
    pub fn plan_for(&self, card: &Card) -> (Vec<PlanRow>, usize) {
        let same = self.card_version == card.version;
        let mut lost = 0;
        let rows = (self.plan.iter().cloned())
            .map(|row| {
                let named = row.indicators.len();
                let indicators: Vec<String> = (row.indicators.iter())
                    .filter_map(|code| match same {
                        true => Some(card.indicator(code)?.code.clone()),
                        false => Some(card.by_key(self.keys.get(code)?)?.code.clone()),
                    })
                    .collect();
                lost += named - indicators.len();
                PlanRow { indicators, ..row }
            })
            .collect();
        (rows, lost)
    }

    /// Reads a letter for a draft of the card `card_id`.
    pub fn read(text: &str, card_id: &str) -> Result<Self, LetterFileError> {
        let value: serde_json::Value = json::parse(text).map_err(|_| LetterFileError::NotJson)?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(LetterFileError::NotLetter);
        }
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v > VERSION => return Err(LetterFileError::Newer { version: v }),
            _ => {}
        }
        let letter: Self =
            crate::json::from_value(value).map_err(|detail| LetterFileError::Shape { detail })?;
        // Addressed to nobody, it was asked about as «рекомендации для «»».
        if letter.school.trim().is_empty() {
            return Err(LetterFileError::Shape {
                detail: "не указано, какой школе адресованы рекомендации".to_owned(),
            });
        }
        if letter.card != card_id {
            return Err(LetterFileError::OtherCard {
                title: letter.card_title,
            });
        }
        Ok(letter)
    }
}

/// «письмо_СОШ_2_2025-2026.docx» for a letter to `addressee`, a school or
/// a target group ([`card_suffix`] after the year).
pub fn letter_docx_name(addressee: &str, period: &str, card_id: &str) -> String {
    format!(
        "письмо_{}_{}{}.docx",
        file_stem(addressee),
        period_stem(period),
        card_suffix(card_id)
    )
}

/// A letter's plain text as a Word document (see [`text_blocks`]), the
/// headings of `card`'s indicators in bold.
pub fn letter_docx(text: &str, card: &Card) -> Vec<u8> {
    letters_docx([text], card)
}

/// Several letters in one Word document, each a section of its own (from a new
/// page, its pages numbered from 1): the letters
/// to every school of a municipality, printed or sent in one go.
pub fn letters_docx<'a>(texts: impl IntoIterator<Item = &'a str>, card: &Card) -> Vec<u8> {
    let mut blocks = Vec::new();
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            blocks.push(Block::Section);
        }
        blocks.extend(letter_blocks(text, card));
    }
    to_docx(&blocks)
}

/// A letter's text as Word and the printed page both set it: its title,
/// the headings of `card`'s indicators, the dash lists ([`text_blocks`]).
pub fn letter_blocks(text: &str, card: &Card) -> Vec<Block> {
    let codes: Vec<&str> = card.indicators().map(|i| i.code.as_str()).collect();
    text_blocks(text, &codes, &TITLES)
}

/// «письма_школам_2025-2026.docx» for the letters to every school
/// ([`card_suffix`] after the year).
pub fn letters_docx_name(period: &str, card_id: &str) -> String {
    format!(
        "письма_школам_{}{}.docx",
        period_stem(period),
        card_suffix(card_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit;

    #[test]
    fn a_letter_file_reads_back_for_its_card_only() {
        let card = testkit::card();
        let plan = vec![PlanRow {
            measure: "Профпробы".into(),
            indicators: vec!["2.1".into()],
            ..PlanRow::default()
        }];
        let letter = LetterFile::new(&card, "2025/2026", "СОШ № 2", "Текст", plan);
        let text = format!("\u{FEFF}{}", letter.to_json());
        assert_eq!(LetterFile::read(&text, &card.id).unwrap(), letter);
        assert_eq!(
            LetterFile::read(&text, "other").unwrap_err(),
            LetterFileError::OtherCard {
                title: card.title.clone()
            }
        );
        assert_eq!(
            LetterFile::read("{", &card.id).unwrap_err(),
            LetterFileError::NotJson
        );
        assert_eq!(
            LetterFile::read("{}", &card.id).unwrap_err(),
            LetterFileError::NotLetter
        );
        let newer = letter
            .to_json()
            .replace("\"version\": 2,", "\"version\": 3,");
        assert_eq!(
            LetterFile::read(&newer, &card.id).unwrap_err(),
            LetterFileError::Newer { version: 3 }
        );
        // A version 1 letter, without keys, still reads.
        let first = letter
            .to_json()
            .replace("\"version\": 2,", "\"version\": 1,");
        let first = LetterFile::read(&first, &card.id).unwrap();
        assert_eq!(first.version, 1);
        assert_eq!(letter.file_name(), "рекомендации_СОШ_2_2025-2026.json");
        assert!(letter.is_for("сош №2"));
        assert!(letter.is_for(" "));
        assert!(!letter.is_for("СОШ № 3"));
        // The plan of the year the letter follows, however the year is written.
        assert!(letter.is_for_year("2025-2026"));
        assert!(letter.is_for_year(" 2025 / 2026 "));
        assert!(!letter.is_for_year("2026/2027"));
        assert!(letter.is_for_year(""), "a draft with no year yet");
        // What is asked before the plan takes another school's or year's
        // measures, and the refusals of a «no».
        assert_eq!(letter.school_question(" сош №2 "), None);
        assert_eq!(
            letter.school_question(" СОШ № 3 ").as_deref(),
            Some(
                "Это рекомендации для «СОШ № 2», а в черновике указана школа «СОШ № 3». Всё равно \
                 добавить их мероприятия в план?"
            )
        );
        assert_eq!(letter.year_question("2025-2026"), None);
        assert!(letter.year_question("2026/2027").unwrap().starts_with(
            "Это рекомендации по итогам 2025/2026 учебного года, а черновик — за 2026/2027."
        ));
        assert_eq!(
            LetterFileError::OtherYear {
                period: letter.period.clone()
            }
            .to_string()
            .split(". ")
            .next(),
            Some("Рекомендации — по итогам 2025/2026 учебного года")
        );
        let default = crate::card::DEFAULT_CARD;
        assert_eq!(
            letter_docx_name("МАОУ «СОШ № 7»", " 2025/2026 ", default),
            "письмо_МАОУ_СОШ_7_2025-2026.docx"
        );
        assert_eq!(
            letter_docx_name("Руководители ОО", "2025/2026", "izhevsk"),
            "письмо_Руководители_ОО_2025-2026_izhevsk.docx"
        );
        assert_eq!(
            letters_docx_name("2025/2026", "izhevsk"),
            "письма_школам_2025-2026_izhevsk.docx"
        );
    }

    /// A letter of another version of the card: its measures come, their
    /// indicators do not (a number there may be another indicator here).
    #[test]
    fn a_letter_of_another_version_gives_its_rows_unticked() {
        let card = testkit::card();
        let plan = vec![PlanRow {
            measure: "Профпробы".into(),
            indicators: vec!["2.1".into()],
            ..PlanRow::default()
        }];
        let letter = LetterFile::new(&card, "2025/2026", "СОШ № 2", "Текст", plan.clone());
        assert_eq!(letter.clone().plan_for(&card), (plan, 0));
        // Version 2 numbers 2.1 as 2.5: ticked under its new number.
        let mut newer = card.clone();
        newer.version = 2;
        let moved = newer.indicators_mut().find(|i| i.code == "2.1").unwrap();
        moved.id = letter.keys["2.1"].clone();
        moved.code = "2.5".into();
        let (rows, lost) = letter.clone().plan_for(&newer);
        assert_eq!((rows[0].measure.as_str(), lost), ("Профпробы", 0));
        assert_eq!(rows[0].indicators, ["2.5"]);
        assert_eq!(
            letter.merged_note("р.json", 2, 0, 1),
            "Рекомендации отдела за 2025/2026 учебный год («р.json»): в план добавлено \
             мероприятий — 1. Укажите сроки и ответственных, исправьте формулировки. Рекомендации \
             составлены по версии 1 карты, а черновик — по версии 2: целевые показатели отмечены \
             под их номерами в версии 2."
        );
        assert_eq!(
            letter.merged_note("р.json", 1, 0, 0),
            "Рекомендации отдела за 2025/2026 учебный год («р.json»): все их мероприятия уже в \
             плане, ничего не добавлено."
        );
        // Another kind now, so another key: left unticked, and counted.
        newer.indicators_mut().find(|i| i.code == "2.5").unwrap().id = "другой".into();
        let (rows, lost) = letter.clone().plan_for(&newer);
        assert_eq!(lost, 1);
        assert!(rows[0].indicators.is_empty());
        // A version 1 letter has no keys: nothing ticked.
        let old = LetterFile {
            keys: BTreeMap::new(),
            ..letter
        };
        let (rows, lost) = old.plan_for(&newer);
        assert_eq!((rows[0].indicators.len(), lost), (0, 1));
        assert!(old
            .merged_note("р.json", 2, 1, 1)
            .ends_with("поэтому целевые показатели мероприятий не отмечены — отметьте их."));
    }

    /// A letter of the same version naming a number the card lacks (made
    /// by hand): the measure comes, the number does not, and is counted.
    /// Its message is read as the file's, not as a field missing within
    /// another.
    #[test]
    fn a_letter_s_unknown_indicator_is_not_ticked() {
        let card = testkit::card();
        let plan = vec![PlanRow {
            measure: "Профпробы".into(),
            indicators: vec!["99.9".into(), "1.2".into()],
            ..PlanRow::default()
        }];
        let letter = LetterFile::new(&card, "2025/2026", "СОШ № 2", "Текст", plan);
        let (rows, lost) = letter.clone().plan_for(&card);
        assert_eq!(
            (rows[0].indicators.clone(), lost),
            (vec!["1.2".to_owned()], 1)
        );
        let mut value: serde_json::Value = serde_json::from_str(&letter.to_json()).unwrap();
        value.as_object_mut().unwrap().remove("plan");
        assert_eq!(
            LetterFile::read(&value.to_string(), &card.id)
                .unwrap_err()
                .to_string(),
            "Файл рекомендаций повреждён: нет поля «plan»."
        );
        let nobody = LetterFile {
            school: " ".into(),
            ..letter
        };
        assert_eq!(
            LetterFile::read(&nobody.to_json(), &card.id)
                .unwrap_err()
                .to_string(),
            "Файл рекомендаций повреждён: не указано, какой школе адресованы рекомендации."
        );
    }
}
