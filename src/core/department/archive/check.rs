//! One received file on its own: size, text, JSON, signature, card and the
//! school's details, then its score recomputed from the answers.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::card::Card;
use crate::department::archive::Cards;
use crate::department::own_file;
use crate::department::school::{OfSchool, SchoolId};
use crate::error::SubmissionError;
use crate::error::{DepartmentFile, ImportError};
use crate::json::{blank, cut_off, decode, garbled, parse_unique, without_bom, NotUnique};
use crate::school::profile::{canonical_period, SchoolProfile};
use crate::scoring::{assess, Assessment};
use crate::signed::keys::{to_hex, KEY_FILE_FORMAT};
use crate::signed::submission::{open, open_verified, ClaimedScore, Opened};
use crate::text::{one_line, shorten};

/// A real submission is a few to a few dozen kilobytes; anything this big is
/// something else and is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// How large a refused file is still read for the school it names
/// ([`named_parts`]).
pub const CLAIM_READ_BYTES: usize = 4 * MAX_FILE_BYTES;

/// Checks one file on its own and scores it. Pure and independent of the
/// archive: everything per file is done here, where the browser can spread
/// it over frames, so that filing a large batch at once stays short.
pub fn check(cards: &Cards, file_name: &str, bytes: &[u8]) -> Result<Entry, ImportError> {
    check_by(open, cards, file_name, bytes)
}

/// What a worker does of [`check`] for a large import: the file is text and
/// its signature checks out. It needs no cards, so the worker needs nothing
/// from the page but the bytes.
pub fn verifies(bytes: &[u8]) -> bool {
    bytes.len() <= MAX_FILE_BYTES && decode(bytes).is_ok_and(|t| open(&t).is_ok())
}

/// [`check`] of a file that [`verifies`] accepted: the same entry, without
/// checking the signature again.
pub fn check_verified(cards: &Cards, file_name: &str, bytes: &[u8]) -> Result<Entry, ImportError> {
    check_by(open_verified, cards, file_name, bytes)
}

/// Whom a refused file says it is from, as the file writes it: no
/// signature vouches for it. The coordinator needs it to ask the right
/// school for a good copy, and the «Школы» tab to tell a school whose file
/// was refused from one that sent nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identifier: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub municipality: String,
    /// «2025/2026» when the file's year reads as one, else as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// The id of the card the file names.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub card: String,
}

impl Claim {
    /// Whether the file claims to be of the campaign of `card_id` and
    /// `period`; a file that names no card may be of any.
    pub fn of_campaign(&self, card_id: &str, period: &str) -> bool {
        self.period == period && (self.card.is_empty() || self.card == card_id)
    }
}

impl fmt::Display for Claim {
    /// «СОШ № 5, 2025/2026 учебный год».
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.name.trim_end_matches('.');
        match self.period.as_str() {
            "" => f.write_str(name),
            year if canonical_period(year).is_some() => write!(f, "{name}, {year} учебный год"),
            other => write!(f, "{name}, {other}"),
        }
    }
}

/// [`Claim`] of a refused file. `None` when the file does not read far
/// enough to name a school, or its school reads two ways (a repeated key
/// in the parts that name it; one elsewhere, an answer's, left a school
/// named in its file «не названа», a walk-through). A file
/// over the limit is read for it too, up to [`CLAIM_READ_BYTES`]: a
/// school's export with a scan attached was «Школа в файле не названа»,
/// and the school went unasked.
pub fn claimed_school(bytes: &[u8]) -> Option<Claim> {
    if bytes.len() > CLAIM_READ_BYTES {
        return None;
    }
    let text = decode(bytes).ok()?;
    let value = match bytes.len() > MAX_FILE_BYTES {
        true => named_parts(&text)?,
        false => match parse_unique(&text) {
            Ok(value) => value,
            Err(NotUnique::Repeated { path }) if !names_the_school(&path) => {
                serde_json::from_str(without_bom(&text)).ok()?
            }
            Err(_) => return None,
        },
    };
    let field = |pointer: &str, max: usize| {
        let words = one_line(value.pointer(pointer).and_then(|v| v.as_str())?);
        (!words.is_empty()).then(|| shorten(&words, max))
    };
    // A draft sent instead of its export names its school the same way.
    let base = ["/payload", "/draft", ""]
        .into_iter()
        .find(|b| value.pointer(&format!("{b}/profile")).is_some())?;
    let profile = |name: &str, max: usize| field(&format!("{base}/profile/{name}"), max);
    let period = profile("period", 20).unwrap_or_default();
    Some(Claim {
        name: profile("name", 120)?,
        identifier: profile("identifier", 120).unwrap_or_default(),
        municipality: profile("municipality", 120).unwrap_or_default(),
        period: canonical_period(&period).unwrap_or(period),
        // A draft names its card beside its profile (its meta).
        card: field("/payload/template/id", 120)
            .or_else(|| (base != "/payload").then(|| field("/card", 120)).flatten())
            .unwrap_or_default(),
    })
}

/// Whether a key repeated at `path` is in the parts that name the school
/// and card ([`claimed_school`]), or holds them whole (two `payload`s, two
/// schools: a review).
fn names_the_school(path: &[String]) -> bool {
    const NAMING: [&str; 3] = ["profile", "template", "card"];
    const HOLDING: [&str; 2] = ["payload", "draft"];
    path.iter().any(|key| NAMING.contains(&key.as_str()))
        || path
            .last()
            .is_some_and(|key| HOLDING.contains(&key.as_str()))
}

/// The parts of an export over the limit that name its school, read
/// without keeping the rest: a value of the whole file (a scan attached,
/// thousands of small numbers) would hold the tab's memory for good, as a
/// page's memory is never given back. A repeated field reads two ways and
/// is refused, as [`parse_unique`] refuses it.
fn named_parts(text: &str) -> Option<serde_json::Value> {
    #[derive(Deserialize)]
    struct File {
        payload: Option<Named>,
    }
    #[derive(Deserialize, Serialize)]
    struct Named {
        profile: Option<Profile>,
        template: Option<Template>,
    }
    #[derive(Deserialize, Serialize)]
    struct Profile {
        name: Option<String>,
        identifier: Option<String>,
        municipality: Option<String>,
        period: Option<String>,
    }
    #[derive(Deserialize, Serialize)]
    struct Template {
        id: Option<String>,
    }
    let file: File = serde_json::from_str(text).ok()?;
    Some(serde_json::json!({ "payload": file.payload? }))
}

/// A school's file that is not its export, where the coordinator must hear
/// what it is: a key backup carries the school's secret key, and a draft
/// backup has no signature; both are easily attached in the export's place.
fn other_file(text: &str) -> Option<ImportError> {
    let value = parse_unique(text).ok()?;
    let field = |name: &str| value.get(name);
    match field("format").map(|f| f.as_str()) {
        Some(Some(KEY_FILE_FORMAT)) => Some(ImportError::KeyFile),
        Some(Some(format)) => own_file(format).map(ImportError::DepartmentFile),
        // A stored draft (its meta and `draft`), or the first format's bare
        // draft (`profile` and `answers`).
        None if field("draft").is_some()
            || (field("profile").is_some() && field("answers").is_some()) =>
        {
            Some(ImportError::DraftFile)
        }
        _ => None,
    }
}

/// The department's own file a text too large for a school's export is,
/// by the `format` Profkarta writes first: a district's backup is
/// megabytes, and refused as too large it was kept as a school's refusal
/// (a review).
fn large_department_file(bytes: &[u8]) -> Option<DepartmentFile> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let (_, after) = head.split_once("\"format\"")?;
    let value = (after.trim_start().strip_prefix(':')?.trim_start()).strip_prefix('"')?;
    own_file(value.split('"').next()?)
}

fn check_by(
    open: fn(&str) -> Result<Opened, SubmissionError>,
    cards: &Cards,
    file_name: &str,
    bytes: &[u8],
) -> Result<Entry, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(match large_department_file(bytes) {
            Some(file) => ImportError::DepartmentFile(file),
            None => ImportError::TooLarge {
                bytes: bytes.len(),
                limit: MAX_FILE_BYTES,
            },
        });
    }
    let text = decode(bytes)?;
    let text = text.as_ref();
    if blank(text) {
        return Err(ImportError::Empty);
    }
    let mut opened = open(text).map_err(|e| match e {
        SubmissionError::NotJson if cut_off(text) => ImportError::CutOff,
        // A school's export with one character changed was «не выгрузка
        // Профкарты (не JSON)» (a walk-through): it is one, damaged.
        SubmissionError::NotJson => match garbled(text) {
            Some((line, column)) => ImportError::Garbled { line, column },
            None => e.into(),
        },
        SubmissionError::NotSubmission => other_file(text).unwrap_or(e.into()),
        e => e.into(),
    })?;
    // «2025-2026» is the year «2025/2026»: filed, compared and matched with
    // measures under one spelling, and names and plans are shown without
    // the hidden characters an older form let through. The signed text
    // itself is kept as sent.
    opened.payload.tidy();
    let profile = &mut opened.payload.profile;
    if let Some(period) = canonical_period(&profile.period) {
        profile.period = period;
    }
    let template = &opened.payload.template;
    let card = Arc::clone(
        &cards
            .find(template)
            .ok_or_else(|| {
                let (id, version) = (template.id.clone(), template.version);
                match cards.other_edition(template) {
                    true => ImportError::OtherEdition { id, version },
                    false => ImportError::UnknownTemplate { id, version },
                }
            })?
            .card,
    );
    let payload = &opened.payload;
    // The department accepts what the school's form lets out, no more: the
    // names are shown in every view, sheet and letter.
    if let Some((field, problem)) = payload.profile.problems().into_iter().next() {
        return Err(ImportError::BadProfile {
            field: field.label(),
            problem,
        });
    }
    let foreign: Vec<String> = payload
        .answers
        .keys()
        .filter(|code| card.indicator(code).is_none())
        .cloned()
        .collect();
    if !foreign.is_empty() {
        return Err(ImportError::ForeignAnswers {
            card: card.title.clone(),
            version: card.version,
            codes: foreign,
        });
    }
    // It decides which of a school's files is the newest, and is shown as
    // the day the card came: an impossible one was accepted unsaid (a
    // bad-input audit).
    if !crate::text::is_timestamp(&payload.created_at) {
        let detail = format!(
            "дата выгрузки {} не читается как дата",
            crate::text::quoted(&payload.created_at)
        );
        return Err(SubmissionError::Shape { detail }.into());
    }
    let assessment = assess(&card, &payload.to_draft());
    Ok(Entry {
        card,
        school: SchoolId::of(&payload.profile),
        key: to_hex(&opened.public_key),
        mismatch: claim_difference(&payload.score, &assessment).is_some(),
        file_name: file_name.to_owned(),
        text: Arc::from(text),
        opened,
        assessment,
    })
}

/// One received submission, verified and recomputed. The key and the
/// school are worked out once here, since every view asks for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The card the file was filled in by, which scores it.
    pub card: Arc<Card>,
    pub file_name: String,
    /// Shared, not copied, with the save that stores it (thousands of
    /// files of ~10 KB each).
    pub text: Arc<str>,
    pub opened: Opened,
    pub school: SchoolId,
    /// Hex of the public key, as stored in the key registry.
    pub key: String,
    pub assessment: Assessment,
    /// The school's claimed score disagrees with the recomputation.
    pub mismatch: bool,
}

impl Entry {
    /// The indicators the school sent with an error: they count nothing.
    pub fn invalid_answers(&self) -> Vec<&str> {
        (self.assessment.indicators.iter())
            .filter(|r| r.outcome == crate::scoring::Outcome::Invalid)
            .map(|r| r.code.as_str())
            .collect()
    }

    pub fn id(&self) -> &str {
        &self.opened.payload.submission_id
    }

    pub fn profile(&self) -> &SchoolProfile {
        &self.opened.payload.profile
    }

    pub fn period(&self) -> &str {
        self.opened.payload.profile.period.trim()
    }
}

impl OfSchool for Entry {
    fn school(&self) -> &SchoolId {
        &self.school
    }

    fn profile(&self) -> &SchoolProfile {
        Entry::profile(self)
    }
}

/// What the school's claimed score says otherwise than its answers give,
/// in the import's words: the total, else the level, else the first
/// criterion that differs. A total alike beside another maximum read
/// «заявила 9 баллов, выходит 9 баллов» (a robustness audit).
pub fn claim_difference(claim: &ClaimedScore, a: &Assessment) -> Option<String> {
    if (claim.total, claim.max_applicable) != (a.total, a.max_applicable) {
        return Some(format!(
            "школа заявила итог {} из {}, по её ответам выходит {} из {}",
            claim.total, claim.max_applicable, a.total, a.max_applicable
        ));
    }
    let level = |l: Option<crate::card::Level>| l.map_or("—", |l| l.label());
    if claim.level != a.level {
        return Some(format!(
            "школа заявила уровень эффективности «{}», по её ответам выходит «{}»",
            level(claim.level),
            level(a.level)
        ));
    }
    let differs = |c: &&crate::scoring::CriterionScore| {
        claim
            .criteria
            .get(&c.code)
            .is_none_or(|k| k.points != c.points || k.max_applicable != c.max_applicable)
    };
    match a.criteria.iter().find(differs) {
        Some(c) => Some(match claim.criteria.get(&c.code) {
            Some(k) => format!(
                "по критерию {} школа заявила {} из {}, по её ответам выходит {} из {}",
                c.code, k.points, k.max_applicable, c.points, c.max_applicable
            ),
            None => format!("в файле нет итога по критерию {}", c.code),
        }),
        None if claim.criteria.len() != a.criteria.len() => {
            Some("в файле итоги по критериям, которых в карте нет".to_owned())
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{SubmissionError, TextError};
    use crate::school::plan::PlanRow;
    use crate::signed::keys::KeyPair;
    use crate::signed::submission::{seal, Payload};
    use crate::testkit::{self, draft, meta, sign};

    /// The day a file was exported decides which of a school's files is
    /// the newest: an impossible one is refused, named.
    #[test]
    fn an_impossible_export_date_is_refused() {
        let card = testkit::card();
        let cards = Cards::new([card.clone()]);
        let d = draft("СОШ 1", "2025/2026", &[]);
        let bad = sign(&card, &d, meta("a", "2026-13-45T99:00:00Z", None), 1);
        let refused = check(&cards, "a.json", bad.as_bytes())
            .map(|_| ())
            .unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Содержимое файла повреждено: дата выгрузки «2026-13-45T99:00:00Z» не читается как дата."
        );
        let good = sign(&card, &d, meta("a", "2026-09-30T08:15:00.123Z", None), 1);
        assert!(check(&cards, "a.json", good.as_bytes()).is_ok());
    }

    #[test]
    fn bad_files_are_named_and_good_ones_pass() {
        let card = testkit::card();
        let cards = Cards::new([card.clone()]);
        let good = sign(
            &card,
            &draft("СОШ 1", "2025/2026", &["1.8"]),
            meta("a1", "2026-09-01", None),
            1,
        );
        assert!(check(&cards, "ok.json", good.as_bytes()).is_ok());
        let with_bom = format!("\u{FEFF}{good}");
        assert!(check(&cards, "bom.json", with_bom.as_bytes()).is_ok());
        let refused = |bytes: &[u8]| check(&cards, "x", bytes).unwrap_err();
        // A UTF-16 mark and half a letter.
        assert_eq!(refused(&[0xff, 0xfe, 0x00]), ImportError::CutOff);
        assert_eq!(
            refused(b"hello"),
            ImportError::Submission(SubmissionError::NotJson)
        );
        assert_eq!(
            refused(b"{}"),
            ImportError::Submission(SubmissionError::NotSubmission)
        );
        // The school's other files, attached in the export's place: named.
        let key = KeyPair::from_seed([7; 32]).to_backup(
            "2026-11-01T10:00:00.000Z",
            crate::signed::keys::KeyRole::School,
        );
        assert_eq!(refused(key.as_bytes()), ImportError::KeyFile);
        let stored = crate::school::stored::StoredDraft {
            meta: crate::school::stored::DraftMeta::new("d1".into(), "2026-11-01T10:00:00.000Z"),
            draft: draft("СОШ 1", "2025/2026", &["1.8"]),
        };
        assert_eq!(refused(stored.encode().as_bytes()), ImportError::DraftFile);
        // The department's own files, picked among the schools': each said
        // for what it is and where it goes, and none kept as a school's.
        let card_file = crate::signed::card_file::seal_card(
            &card,
            "Отдел",
            "2026-09-01T10:00:00.000Z",
            &KeyPair::from_seed([8; 32]),
        );
        assert_eq!(
            refused(card_file.as_bytes()).to_string(),
            "Это файл карты отдела, а не выгрузка школы: его загружают на вкладке «Карты» \
             кнопкой «Загрузить файл карты…»."
        );
        let keys = crate::department::archive::Archive::new(cards.clone()).keys_file();
        assert_eq!(
            refused(keys.as_bytes()),
            ImportError::DepartmentFile(DepartmentFile::Keys)
        );
        // A district's backup is larger than any school's file: said for
        // what it is all the same (a review), with a byte-order mark too;
        // another large file is too large.
        let mut big = crate::department::archive::Archive::new(cards.clone()).to_json();
        big.insert(0, '\u{FEFF}');
        big.push_str(&" ".repeat(MAX_FILE_BYTES));
        assert_eq!(
            refused(big.as_bytes()),
            ImportError::DepartmentFile(DepartmentFile::Backup)
        );
        let padded = format!("{good}{}", " ".repeat(MAX_FILE_BYTES));
        assert!(matches!(
            refused(padded.as_bytes()),
            ImportError::TooLarge { .. }
        ));
        let rows = [
            crate::department::view::import::ImportRow::refused(
                "karta.json".into(),
                refused(card_file.as_bytes()),
                Some(card_file.as_bytes()),
            ),
            crate::department::view::import::ImportRow::refused(
                "x.json".into(),
                refused(b"{}"),
                None,
            ),
        ];
        let kept = crate::department::view::import::refusals(
            &crate::department::archive::Archive::new(cards.clone()),
            &rows,
            "t",
        );
        assert_eq!(
            kept.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(),
            ["x.json"]
        );
        let claim = claimed_school(stored.encode().as_bytes()).unwrap();
        assert_eq!(
            (
                claim.name.as_str(),
                claim.period.as_str(),
                claim.card.as_str()
            ),
            ("СОШ 1", "2025/2026", crate::card::DEFAULT_CARD)
        );
        let bare = r#"{"profile": {"name": "СОШ 2"}, "answers": {}}"#;
        assert_eq!(refused(bare.as_bytes()), ImportError::DraftFile);
        assert_eq!(claimed_school(bare.as_bytes()).unwrap().name, "СОШ 2");
        assert_eq!(
            ImportError::KeyFile.to_string(),
            "Это резервная копия ключа подписи, а не выгрузка карты. В ней секретный ключ, которым \
                 подписываются выгрузки: владелец хранит её у себя и никому не пересылает, а у вас \
                 этот файл лучше удалить. Если это ключ школы, попросите её прислать выгрузку \
                 карты (кнопка «Выгрузить подписанный файл»)."
        );
        let altered = good.replacen("СОШ 1", "СОШ 2", 1);
        assert_eq!(
            refused(altered.as_bytes()),
            ImportError::Submission(SubmissionError::SignatureInvalid)
        );
        // The school's name twice: a reader keeping the first would show «СОШ 2».
        let twice = good.replacen("\"name\":", "\"name\": \"СОШ 2\", \"name\":", 1);
        assert!(matches!(
            refused(twice.as_bytes()),
            ImportError::Submission(SubmissionError::DuplicateKey { .. })
        ));
        // Nothing, or half of a good file: said as such.
        for empty in ["", "  \r\n", "\u{FEFF}"] {
            assert_eq!(refused(empty.as_bytes()), ImportError::Empty);
        }
        let half = (0..=good.len() / 2)
            .rev()
            .find(|&i| good.is_char_boundary(i))
            .unwrap();
        assert_eq!(refused(&good.as_bytes()[..half]), ImportError::CutOff);
        // Cut inside a Cyrillic letter, as a download stopped short may be.
        let letter = good
            .find('Ш')
            .or_else(|| good.find(|c: char| !c.is_ascii()))
            .unwrap();
        assert_eq!(refused(&good.as_bytes()[..=letter]), ImportError::CutOff);
        assert_eq!(
            refused(b"not json"),
            ImportError::Submission(SubmissionError::NotJson)
        );
        // One quote of a good file changed: damaged where it broke, on
        // the line and at the character serde_json counts.
        let quote = good.find("\"profile\"").unwrap();
        let changed = format!("{}'{}", &good[..quote], &good[quote + 1..]);
        let line = good[..quote].matches('\n').count() + 1;
        let column = quote - good[..quote].rfind('\n').map_or(0, |n| n + 1) + 1;
        assert_eq!(
            refused(changed.as_bytes()),
            ImportError::Garbled { line, column }
        );
        assert!(ImportError::Garbled { line: 3, column: 7 }
            .to_string()
            .starts_with("Файл повреждён: в строке 3 (знак 7) нарушен формат JSON"));
        // Saved again in Notepad: as «Юникод» it is the same file; as
        // «ANSI» its letters would be others, and it is said why.
        let utf16 = |be: bool| {
            let mut bytes = if be {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for unit in good.encode_utf16() {
                bytes.extend(if be {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            bytes
        };
        for be in [false, true] {
            let entry = check(&cards, "f16", &utf16(be)).unwrap();
            assert_eq!(
                entry.opened,
                check(&cards, "f8", good.as_bytes()).unwrap().opened
            );
        }
        let mut odd = utf16(false);
        odd.pop();
        assert_eq!(refused(&odd), ImportError::CutOff);
        let ansi: Vec<u8> = good
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { 0xC0 })
            .collect();
        assert_eq!(refused(&ansi), ImportError::OtherEncoding);
        assert_eq!(
            refused(&[0x89, b'P', b'N', b'G', 0, 0]),
            ImportError::NotText
        );
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(matches!(refused(&big), ImportError::TooLarge { .. }));
        let mut other = card.clone();
        other.id = "other".into();
        let foreign = check(&Cards::new([other]), "x", good.as_bytes()).unwrap_err();
        assert!(matches!(foreign, ImportError::UnknownTemplate { .. }));
        // The same id and version with other content: said so, not «load
        // the card», which the workspace has.
        let mut edition = card.clone();
        edition.title = "Другая редакция".into();
        let other = check(&Cards::new([edition]), "x", good.as_bytes()).unwrap_err();
        assert_eq!(
            other,
            ImportError::OtherEdition {
                id: card.id.clone(),
                version: card.version
            }
        );
        assert!(other
            .to_string()
            .contains("но не по той, что есть в рабочей области"));
        // A draft of another card signed as this one: its answers would
        // count for nothing, silently.
        let mut elsewhere = draft("СОШ 3", "2025/2026", &[]);
        for code in ["K1", "K2"] {
            elsewhere
                .answers
                .insert(code.into(), crate::testkit::fact(true));
        }
        let signed = sign(&card, &elsewhere, meta("k", "2026-09-01", None), 1);
        let refusal = refused(signed.as_bytes());
        assert_eq!(
            refusal,
            ImportError::ForeignAnswers {
                card: card.title.clone(),
                version: card.version,
                codes: vec!["K1".into(), "K2".into()],
            }
        );
        assert!(refusal
            .to_string()
            .contains(": K1, K2. Вероятно, его заполняли по другой карте."));
        // Signed, but with details the school's form would not let out.
        let huge_name = "Ш".repeat(5_000);
        let hostile = sign(
            &card,
            &draft(&huge_name, "2025/2026", &[]),
            meta("h", "2026-09-01", None),
            1,
        );
        assert_eq!(
            refused(hostile.as_bytes()),
            ImportError::BadProfile {
                field: "Полное наименование ОО",
                problem: TextError::TooLong { max: 300 }
            }
        );
        // Said to the department, not in the school's «Укажите…».
        assert_eq!(
            refused(hostile.as_bytes()).to_string(),
            "Сведения о школе в файле заполнены не по правилам карты: поле «Полное \
             наименование ОО» длиннее 300 символов. Попросите школу исправить их в Профкарте \
             и выгрузить файл заново."
        );
        let no_period = sign(
            &card,
            &draft("СОШ 1", "", &[]),
            meta("p", "2026-09-01", None),
            1,
        );
        assert!(matches!(
            refused(no_period.as_bytes()),
            ImportError::BadProfile { .. }
        ));
    }

    /// The part that names the school repeated whole (two `payload`s, two
    /// schools): it reads two ways, and no school is named.
    #[test]
    fn a_repeated_payload_names_no_school() {
        let card = testkit::card();
        let good = sign(
            &card,
            &draft("СОШ № 5", "2025/2026", &["1.8"]),
            meta("a1", "2026-09-01", None),
            1,
        );
        let two = format!(
            "{{\"payload\": {{\"profile\": {{\"name\": \"Гимназия № 2\", \"period\": \
             \"2025/2026\"}}}}, {}",
            &good.trim_start()[1..]
        );
        assert!(matches!(
            crate::json::parse_unique(&two),
            Err(crate::json::NotUnique::Repeated { .. })
        ));
        assert_eq!(claimed_school(two.as_bytes()).map(|c| c.to_string()), None);
    }

    #[test]
    fn a_refused_file_names_the_school_it_claims_to_be_from() {
        let card = testkit::card();
        let good = sign(
            &card,
            &draft("  СОШ №\n 5 ", "2025 - 2026", &["1.8"]),
            meta("a1", "2026-09-01", None),
            1,
        );
        let altered = good.replacen("2026-09-01", "2026-09-02", 1);
        assert!(verifies(good.as_bytes()) && !verifies(altered.as_bytes()));
        let claim = claimed_school(altered.as_bytes()).unwrap();
        assert_eq!(claim.to_string(), "СОШ № 5, 2025/2026 учебный год");
        assert!(claim.of_campaign(&card.id, "2025/2026"));
        assert!(
            !claim.of_campaign(&card.id, "2024/2025") && !claim.of_campaign("other", "2025/2026")
        );
        let long = sign(
            &card,
            &draft(&"Ш".repeat(500), "", &[]),
            meta("a2", "2026-09-01", None),
            1,
        );
        assert_eq!(
            claimed_school(long.as_bytes()).map(|c| c.to_string()),
            Some(format!("{}…", "Ш".repeat(119)))
        );
        // Characters that turn the sentence around the name are dropped.
        let hostile = sign(
            &card,
            &draft("\u{202E}\u{200B}", "2025/2026", &[]),
            meta("a3", "2026-09-01", None),
            1,
        );
        assert_eq!(claimed_school(hostile.as_bytes()), None);
        // Over the limit, with an attachment: refused, and its school named.
        let mut attached: serde_json::Value = serde_json::from_str(&good).unwrap();
        attached["attachment"] = serde_json::json!("A".repeat(MAX_FILE_BYTES));
        let attached = attached.to_string();
        assert!(matches!(
            check(&Cards::new([card.clone()]), "x", attached.as_bytes()),
            Err(ImportError::TooLarge { .. })
        ));
        assert_eq!(
            claimed_school(attached.as_bytes()).map(|c| c.to_string()),
            Some("СОШ № 5, 2025/2026 учебный год".to_owned())
        );
        // Read without the rest, it still reads a repeated name two ways.
        let attached_twice = attached.replacen("\"name\":", "\"name\": \"СОШ 2\", \"name\":", 1);
        assert!(attached_twice.len() > MAX_FILE_BYTES);
        assert_eq!(claimed_school(attached_twice.as_bytes()), None);
        let twice = good.replacen("\"name\":", "\"name\": \"СОШ 2\", \"name\":", 1);
        for unknown in [&b"{}"[..], b"hello", &[0xff, 0xfe], twice.as_bytes()] {
            assert_eq!(claimed_school(unknown), None);
        }
        // A repeated answer leaves the school read one way: named.
        let answer_twice = good.replacen(
            "\"answers\": {",
            "\"answers\": {\"1.1\": 1, \"1.1\": 2, ",
            1,
        );
        assert!(matches!(
            check(&Cards::new([card.clone()]), "x", answer_twice.as_bytes()),
            Err(ImportError::Submission(
                SubmissionError::DuplicateKey { .. }
            ))
        ));
        assert_eq!(
            claimed_school(answer_twice.as_bytes()).map(|c| c.to_string()),
            Some("СОШ № 5, 2025/2026 учебный год".to_owned())
        );
    }

    /// A worker's verdict plus [`check_verified`] files exactly what
    /// [`check`] files, and the worker refuses whatever `check` refuses
    /// for a reason of the file itself.
    #[test]
    fn the_worker_split_files_the_same_entries() {
        let card = testkit::card();
        let cards = Cards::new([card.clone()]);
        let good = sign(
            &card,
            &draft("СОШ 1", "2025/2026", &["1.8", "2.1"]),
            meta("w1", "2026-09-01", None),
            4,
        );
        for text in [
            good.clone(),
            format!("\u{FEFF}{good}"),
            good.replace('\n', "\r\n"),
        ] {
            assert!(verifies(text.as_bytes()));
            let full = check(&cards, "w.json", text.as_bytes());
            assert_eq!(check_verified(&cards, "w.json", text.as_bytes()), full);
            assert!(full.is_ok());
        }
        let altered = good.replacen("СОШ 1", "СОШ 2", 1);
        let twice = good.replacen("\"name\":", "\"name\": \"СОШ 2\", \"name\":", 1);
        for bad in [
            &b"{}"[..],
            &[0xff, 0xfe],
            altered.as_bytes(),
            twice.as_bytes(),
        ] {
            assert!(!verifies(bad));
        }
        // What depends on the department's cards is left to the page.
        let foreign = Cards::new([]);
        assert!(verifies(good.as_bytes()));
        assert_eq!(
            check_verified(&foreign, "w.json", good.as_bytes()),
            check(&foreign, "w.json", good.as_bytes())
        );
    }

    #[test]
    fn a_year_written_with_a_dash_is_filed_with_the_others() {
        let card = testkit::card();
        let d = draft("СОШ 1", " 2025 - 2026 ", &["1.8"]);
        let entry = testkit::entry(
            &card,
            "dash",
            &sign(&card, &d, meta("c1", "2026-09-01", None), 4),
        );
        assert_eq!(entry.period(), "2025/2026");
        assert_eq!(entry.profile().period, "2025/2026");
    }

    #[test]
    fn hidden_characters_are_dropped_from_the_names_shown() {
        let card = testkit::card();
        let d = draft("СОШ\u{202E} 1", "2025/2026", &["1.8"]);
        // A file of an older form, which signed the name as typed.
        let mut payload = Payload::new(
            &card,
            &d,
            &assess(&card, &d),
            meta("c1", "2026-09-01", None),
        );
        payload.profile.name = "МАОУ\u{202E}  «СОШ\u{200B} № 1»\n".to_owned();
        payload.profile.responsible = "\u{2067}Иванова И. И.".to_owned();
        payload.plan = vec![PlanRow {
            measure: "Профпробы\u{202E}\r\nярмарка".to_owned(),
            ..PlanRow::default()
        }];
        let text = seal(&payload, &KeyPair::from_seed([3; 32]));
        let entry = testkit::entry(&card, "old", &text);
        assert_eq!(entry.profile().name, "МАОУ «СОШ № 1»");
        assert_eq!(entry.profile().responsible, "Иванова И. И.");
        assert_eq!(entry.opened.payload.plan[0].measure, "Профпробы\nярмарка");
        assert_eq!(&*entry.text, text, "the signed text is kept as sent");
        // The form's own files carry the name so.
        let fresh = sign(&card, &d, meta("c2", "2026-09-01", None), 4);
        assert!(fresh.contains("\"СОШ 1\""));
    }

    #[test]
    fn claimed_score_is_recomputed() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let mut payload = Payload::new(
            &card,
            &d,
            &assess(&card, &d),
            meta("c1", "2026-09-01", None),
        );
        payload.score.total = 20;
        let lie = testkit::entry(&card, "lie", &seal(&payload, &KeyPair::from_seed([3; 32])));
        assert!(lie.mismatch);
        assert_eq!(lie.assessment.total, 2);
        let honest = sign(&card, &d, meta("c2", "2026-09-01", None), 4);
        assert!(!testkit::entry(&card, "honest", &honest).mismatch);
        // Said as what differs: the total, the maximum beside an equal
        // total, the level, a criterion.
        let claim = |change: &dyn Fn(&mut ClaimedScore)| {
            let mut claimed = payload.score.clone();
            claimed.total = 2;
            change(&mut claimed);
            claim_difference(&claimed, &lie.assessment)
        };
        assert_eq!(claim(&|_| ()), None);
        assert_eq!(
            claim(&|c| c.total = 20).as_deref(),
            Some("школа заявила итог 20 из 23, по её ответам выходит 2 из 23")
        );
        assert_eq!(
            claim(&|c| c.max_applicable = 22).as_deref(),
            Some("школа заявила итог 2 из 22, по её ответам выходит 2 из 23")
        );
        assert_eq!(
            claim(&|c| c.level = None).as_deref(),
            Some("школа заявила уровень эффективности «—», по её ответам выходит «низкая»")
        );
        assert_eq!(
            claim(&|c| c.criteria.get_mut("1").unwrap().points = 0).as_deref(),
            Some("по критерию 1 школа заявила 0 из 8, по её ответам выходит 1 из 8")
        );
    }
}
