//! Drafts as they are kept in the browser's storage and in backup files.
//!
//! Each draft is stored as an envelope with a schema number (where, is the
//! shell's business). Reading goes through [`decode`], which migrates every
//! older schema step by step, refuses a newer one (so an old tab never
//! overwrites what a newer app wrote) and names what is wrong with text that
//! is not a draft. Autosave asks [`StoredDraft::unchanged_since`] and
//! [`StoredDraft::next_save`] what to do, so that two tabs never silently
//! overwrite each other.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::card::versions::carry_answers;
use crate::card::{Card, DEFAULT_CARD};
use crate::department::school::{is_identifier, normalize};
use crate::error::{DraftLoadError, SchoolFileError};
use crate::json::{remove_at, NotUnique, Step};
use crate::school::draft::{Draft, RawAnswer};
use crate::school::plan::LastPlan;
use crate::school::profile::canonical_period;

/// The schema this version writes.
pub const SCHEMA: u64 = 1;

/// Everything about a draft except its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub schema: u64,
    pub id: String,
    /// Grows with every save; a stored revision above the one this tab
    /// started from means another tab wrote in between.
    pub revision: u64,
    /// ISO 8601, when last saved.
    pub updated_at: String,
    /// The submission a corrected export will replace, once exported or loaded.
    #[serde(default)]
    pub replaces: Option<String>,
    /// The content as last exported or loaded from an export
    /// ([`Draft::digest`]): a change after it is said, because the
    /// department holds the file, not the draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<String>,
    /// The fingerprint of the key that signed that export: printed under
    /// the signature lines, whichever computer signed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_key: Option<String>,
    /// The school year of that export: a draft moved to another year
    /// makes a new file, not a correction of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_period: Option<String>,
    /// The school's name in that export: a name changed since is asked
    /// about before the next export ([`DraftMeta::renamed_since_export`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_school: Option<String>,
    /// A name the user gave the draft; empty means "school · period".
    #[serde(default)]
    pub label: String,
    /// The card the draft fills in; drafts saved before there was a choice
    /// are of the first card.
    #[serde(default = "default_card")]
    pub card: String,
    /// The version of that card; drafts saved before versions are of the
    /// first.
    #[serde(default = "first_version")]
    pub card_version: u32,
    /// The draft «Следующий год» started this one from: its plan is the
    /// one this year's card is compared with, whatever either draft's
    /// school is named now (renamed, the plan's notes were lost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

fn default_card() -> String {
    DEFAULT_CARD.to_owned()
}

fn first_version() -> u32 {
    1
}

/// A draft against the file the department has from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportState {
    Never,
    /// The last export (or the export it was opened from) holds this content.
    Same,
    /// Changed since: the department's file says something else.
    Changed,
    /// Now of another school year than the export: the next export is a
    /// file of its own, and the department keeps the earlier one.
    OtherYear,
    /// Exported by an earlier version of the app, which did not remember
    /// what the file said.
    Unknown,
}

impl ExportState {
    /// The department has a file of this draft's year from it: its card
    /// version is the one that year was counted by.
    pub fn sent(self) -> bool {
        matches!(self, Self::Same | Self::Changed | Self::Unknown)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    #[serde(flatten)]
    pub meta: DraftMeta,
    pub draft: Draft,
}

impl DraftMeta {
    pub fn new(id: String, now: &str) -> Self {
        Self {
            schema: SCHEMA,
            id,
            revision: 0,
            updated_at: now.to_owned(),
            replaces: None,
            exported: None,
            exported_key: None,
            exported_period: None,
            exported_school: None,
            label: String::new(),
            card: default_card(),
            card_version: first_version(),
            follows: None,
        }
    }

    /// Where `draft` stands against its last export.
    pub fn export_state(&self, draft: &Draft) -> ExportState {
        let year = canonical_period(&draft.profile.period);
        if year.is_some() && self.exported_period.is_some() && year != self.exported_period {
            return ExportState::OtherYear;
        }
        match &self.exported {
            // Exported before the content was remembered with it.
            None if self.replaces.is_some() => ExportState::Unknown,
            None => ExportState::Never,
            Some(digest) if *digest == draft.digest() => ExportState::Same,
            Some(_) => ExportState::Changed,
        }
    }

    /// The submission the next export corrects: none once the draft is of
    /// another year, since the department files each year apart.
    pub fn replaces_now(&self, draft: &Draft) -> Option<String> {
        let other = self.export_state(draft) == ExportState::OtherYear;
        self.replaces.clone().filter(|_| !other)
    }

    /// Remembers an export (made, or opened to correct): its submission,
    /// content, key and year.
    pub fn remember_export(&mut self, submission_id: String, draft: &Draft, fingerprint: String) {
        self.replaces = Some(submission_id);
        self.exported = Some(draft.digest());
        self.exported_key = Some(fingerprint);
        self.exported_period = canonical_period(&draft.profile.period);
        self.exported_school = Some(draft.profile.name.trim().to_owned());
    }

    /// The school's name in the export the next one corrects, when the
    /// draft names the school otherwise now and gives no ИНН: the
    /// department takes such a correction for the school renamed and
    /// counts it in place of that export, so the school says whether it is
    /// (a second school's card made from this draft would replace the
    /// first school's). With an ИНН the department knows the school by it.
    pub fn renamed_since_export(&self, draft: &Draft) -> Option<String> {
        self.replaces_now(draft)?;
        let was = self.exported_school.as_deref()?;
        let now = &draft.profile;
        let other = normalize(was) != normalize(&now.name);
        (other && !is_identifier(&now.identifier)).then(|| was.to_owned())
    }

    /// What the list of drafts shows.
    pub fn title(&self, draft: &Draft) -> String {
        if !self.label.trim().is_empty() {
            return self.label.trim().to_owned();
        }
        let name = draft.profile.name.trim();
        let name = if name.is_empty() {
            "Без названия"
        } else {
            name
        };
        match draft.profile.period.trim() {
            "" => name.to_owned(),
            period => format!("{name} · {period}"),
        }
    }
}

impl StoredDraft {
    pub fn new(id: String, draft: Draft, now: &str) -> Self {
        Self {
            meta: DraftMeta::new(id, now),
            draft,
        }
    }

    /// A draft of `card`'s version: `new` gives the default card.
    pub fn of_card(id: String, draft: Draft, now: &str, (card, version): (&str, u32)) -> Self {
        let mut stored = Self::new(id, draft, now);
        stored.meta.card = card.to_owned();
        stored.meta.card_version = version;
        stored
    }

    pub fn title(&self) -> String {
        self.meta.title(&self.draft)
    }

    /// "Start next year from this one": same school and card, the following
    /// period, answers copied only on request; this year's figures become
    /// next year's "last year" where growth is the target. Never a
    /// correction of this one.
    pub fn next_year(&self, id: String, now: &str, keep_answers: bool, card: &Card) -> Self {
        let mut draft = self.draft.clone();
        draft.profile.period = crate::school::profile::parse_period(&draft.profile.period)
            .map(|first| format!("{}/{}", first + 1, first + 2))
            .unwrap_or_default();
        // Only a yes or no may hold another year: a year's figures and
        // lists are that year's (they become next year's «last year» where
        // the card asks for it), and its links and comments are its proof.
        // A copied answer stays marked until the school changes or
        // confirms it.
        draft.answers = if keep_answers {
            (draft.answers.iter())
                .filter_map(|(code, answer)| {
                    let fact = answer.fact?;
                    let copy = RawAnswer {
                        fact: Some(fact),
                        ..RawAnswer::default()
                    };
                    Some((code.clone(), copy))
                })
                .collect()
        } else {
            Default::default()
        };
        draft.copied = draft.answers.keys().cloned().collect();
        // What an earlier move kept aside is this year's answers, of a
        // version before it: next year it would stand over the card as
        // if just left behind, year after year (a walk-through's 3.3 of
        // two years before).
        draft.not_carried.clear();
        draft.fill_last_year(&self.draft, card);
        // This year's plan becomes next year's «last year's plan», with
        // where its indicators stand now, to see next year what it changed.
        draft.plan.clear();
        draft.last_plan = LastPlan::of(card, &self.draft);
        let mut next = Self::new(id, draft, now);
        next.meta.card.clone_from(&self.meta.card);
        next.meta.card_version = self.meta.card_version;
        next.meta.follows = Some(self.meta.id.clone());
        next
    }

    /// [`next_year`](Self::next_year) on this draft's version of the card,
    /// `from`, then moved to `to` where the department has published a
    /// newer one: a new year starts on the newest card, and this year's
    /// figures are carried as they were typed.
    pub fn next_year_to(
        &self,
        id: String,
        now: &str,
        keep_answers: bool,
        (from, to): (&Card, &Card),
    ) -> Self {
        let mut next = self.next_year(id, now, keep_answers, from);
        if to.version > from.version {
            next.move_to(from, to);
            // An indicator that asks for last year only in the newer
            // version (growth added) takes this year's figures too, under
            // their codes there: it stayed empty and out of the maximum.
            let (answers, _) = crate::card::versions::carry_answers(from, to, &self.draft.answers);
            let this_year = Draft {
                answers,
                ..Draft::default()
            };
            next.draft.fill_last_year(&this_year, to);
        }
        next
    }

    /// Moves the draft from card version `from` to `to`: answers follow
    /// their indicators; those that cannot are kept in the draft as «не
    /// перенесено», with their values.
    pub fn move_to(&mut self, from: &Card, to: &Card) {
        let (carried, left) = carry_answers(from, to, &self.draft.answers);
        // The marks of copied answers follow them to their new codes.
        let copied = (self.draft.answers.iter())
            .filter(|(code, _)| self.draft.copied.contains(*code))
            .map(|(code, answer)| (code.clone(), answer.clone()))
            .collect();
        self.draft.copied = carry_answers(from, to, &copied).0.into_keys().collect();
        self.draft.answers = carried;
        // The plan's ticks (and last year's plan, with where its indicators
        // stood) follow their indicators too: a number of the old version
        // may be another indicator in the new one. A tick the new version
        // has no indicator for is dropped; the measure stays.
        let moved = |codes: &[String]| -> Vec<String> {
            (codes.iter())
                .filter_map(|c| to.code_of(from, c).map(str::to_owned))
                .collect()
        };
        for row in &mut self.draft.plan {
            row.indicators = moved(&row.indicators);
        }
        if let Some(last) = &mut self.draft.last_plan {
            for row in &mut last.rows {
                row.indicators = moved(&row.indicators);
            }
            last.standing = (last.standing.iter())
                .filter_map(|(c, s)| Some((to.code_of(from, c)?.to_owned(), *s)))
                .collect();
        }
        self.draft.not_carried.extend(left);
        self.meta.card.clone_from(&to.id);
        self.meta.card_version = to.version;
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a draft serialises")
    }

    /// When this content was last saved, if `saved` (what was last written
    /// or read) holds the same draft and name: then there is nothing to
    /// write. An empty time means it was opened and never saved here.
    pub fn unchanged_since<'a>(&self, saved: Option<&'a StoredDraft>) -> Option<&'a str> {
        saved
            .filter(|s| {
                s.draft == self.draft
                    && s.meta.label == self.meta.label
                    && s.meta.card == self.meta.card
                    && s.meta.card_version == self.meta.card_version
            })
            .map(|s| s.meta.updated_at.as_str())
    }

    /// The version to write over what storage holds now (`stored`, `None`
    /// when nothing), with the next revision and `now`; `None` when another
    /// tab saved a later revision or a newer app wrote it: then nothing may
    /// be written until the user chooses.
    pub fn next_save(
        &self,
        stored: Option<&Result<StoredDraft, DraftLoadError>>,
        now: &str,
    ) -> Option<StoredDraft> {
        if !may_overwrite(stored, self.meta.revision) {
            return None;
        }
        let mut next = self.clone();
        next.meta.revision += 1;
        next.meta.updated_at = now.to_owned();
        Some(next)
    }
}

/// A file a school opens: a backup of a draft or one of its own exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchoolFile {
    /// With the fields it holds that this version does not read
    /// ([`decode_noting`]).
    Draft {
        stored: Box<StoredDraft>,
        unread: Vec<String>,
    },
    Export(Box<crate::signed::submission::Opened>),
}

/// Tells the two kinds apart by their format marker and reads either; the
/// error is the one of the kind the file claims to be.
pub fn read_school_file(text: &str) -> Result<SchoolFile, String> {
    let format = crate::json::parse::<Value>(text)
        .ok()
        .and_then(|v| v.get("format").and_then(Value::as_str).map(str::to_owned));
    match format.as_deref() {
        Some(crate::signed::submission::FORMAT) => crate::signed::submission::open(text)
            .map(|o| SchoolFile::Export(Box::new(o)))
            .map_err(|e| e.to_string()),
        // Saved beside the exports, it is easily picked here.
        Some(crate::signed::keys::KEY_FILE_FORMAT) => Err(SchoolFileError::KeyBackup.to_string()),
        Some(crate::signed::card_file::FORMAT) => Err(SchoolFileError::CardFile.to_string()),
        Some(crate::department::letter_file::FORMAT) => {
            Err(SchoolFileError::LetterFile.to_string())
        }
        Some(format) if crate::department::own_file(format).is_some() => {
            Err(SchoolFileError::DepartmentFile.to_string())
        }
        _ => {
            let value = crate::json::parse_unique(text).map_err(|e| match e {
                NotUnique::Syntax => match crate::json::garbled(text) {
                    Some((line, column)) => SchoolFileError::Garbled { line, column }.to_string(),
                    None => SchoolFileError::NotJson.to_string(),
                },
                NotUnique::Repeated { path } => SchoolFileError::DuplicateKey { path }.to_string(),
            })?;
            decode_noting(value)
                .map(|(stored, unread)| SchoolFile::Draft {
                    stored: Box::new(stored),
                    unread,
                })
                .map_err(|e| match e {
                    DraftLoadError::NotJson | DraftLoadError::Foreign => {
                        SchoolFileError::Foreign.to_string()
                    }
                    e => e.to_string(),
                })
        }
    }
}

/// Whether this tab may write over what storage holds now: only if nobody
/// saved a later revision since this tab last read or wrote it.
fn may_overwrite(stored: Option<&Result<StoredDraft, DraftLoadError>>, base_revision: u64) -> bool {
    match stored {
        None => true,
        Some(Ok(other)) => other.meta.revision <= base_revision,
        // A newer app's draft is never overwritten; unreadable text is ours
        // to replace only because it is kept aside first (at start-up, or
        // by the save that finds it).
        Some(Err(DraftLoadError::Newer { .. })) => false,
        Some(Err(_)) => true,
    }
}

/// Where autosave stands, as the status line shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the draft was opened.
    Unchanged,
    Pending,
    Saved {
        at: String,
    },
    Failed(crate::error::StorageError),
    /// Another tab saved this draft after we read it, or deleted it.
    Conflict {
        deleted: bool,
    },
}

impl SaveStatus {
    pub fn message(&self) -> String {
        match self {
            Self::Unchanged => "Изменений нет.".to_owned(),
            Self::Pending => "Сохраняется…".to_owned(),
            Self::Saved { at } => format!("Сохранено в {at}."),
            Self::Failed(e) => format!(
                "Не сохранено: {e} Черновик остаётся в этой вкладке — скачайте резервную копию."
            ),
            // The notice above the card explains and offers the choice.
            Self::Conflict { deleted: false } => {
                "Автосохранение приостановлено: черновик изменён в другой вкладке.".to_owned()
            }
            Self::Conflict { deleted: true } => {
                "Автосохранение приостановлено: черновик удалён в другой вкладке.".to_owned()
            }
        }
    }

    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::Conflict { .. })
    }

    /// What to ask before another draft takes the place of one whose last
    /// changes are not stored (another draft opened, a new card or next
    /// year started: said so that it fits each); `None` when the status
    /// loses nothing.
    pub fn leave_question(&self) -> Option<String> {
        let why = match self {
            Self::Failed(e) => {
                format!("Последние изменения этого черновика не сохранены в браузере. {e}")
            }
            Self::Conflict { deleted: false } => {
                "Изменения в этой вкладке не сохранены: черновик изменён в другой вкладке."
                    .to_owned()
            }
            Self::Conflict { deleted: true } => {
                "Черновик удалён в другой вкладке, а изменения из этой вкладки не сохранены."
                    .to_owned()
            }
            _ => return None,
        };
        Some(format!(
            "{why} Если сейчас перейти к другому черновику или новой карте, несохранённые \
             изменения пропадут.\n\n\
             Нажмите «Отмена», чтобы остаться и скачать резервную копию, \
             или «ОК», чтобы перейти без них."
        ))
    }
}

/// The title of a stored draft whose text no longer reads (cut short,
/// damaged by a hand), from what is left of it: its label, or its school
/// and year, which come first in the text. A school whose next year's draft
/// was set aside could not tell which one it was (a walk-through). `None`
/// when they are gone too.
pub fn title_in_damaged(text: &str) -> Option<String> {
    let meta = &text[..text.find("\"draft\":").unwrap_or(text.len())];
    let mut stored = StoredDraft::new(String::new(), Draft::default(), "");
    stored.meta.label = string_after(meta, "\"label\":").unwrap_or_default();
    stored.draft.profile.name = profile_field(text, "\"name\":").unwrap_or_default();
    stored.draft.profile.period = profile_field(text, "\"period\":").unwrap_or_default();
    let named =
        !stored.meta.label.trim().is_empty() || !stored.draft.profile.name.trim().is_empty();
    named.then(|| stored.title())
}

/// The card (id and version) of a stored draft whose text no longer reads,
/// from what is left of its meta: the new draft a page opens in its place
/// stays on that card, where it went back to the first card (a
/// walk-through on the Izhevsk card). `None` when the card is gone too.
pub fn card_in_damaged(text: &str) -> Option<(String, u32)> {
    let meta = &text[..text.find("\"draft\":")?];
    let card = string_after(meta, "\"card\":").filter(|c| !c.trim().is_empty())?;
    let version = meta.find("\"card_version\":").and_then(|at| {
        let rest = meta[at + "\"card_version\":".len()..].trim_start();
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        rest[..digits].parse().ok()
    });
    Some((card, version.unwrap_or(1)))
}

/// A string field of the profile in `text`, as [`string_after`].
fn profile_field(text: &str, key: &str) -> Option<String> {
    string_after(&text[text.find("\"profile\":")?..], key)
}

/// The JSON string that follows the first `key` in `text`, if it is whole.
fn string_after(text: &str, key: &str) -> Option<String> {
    let rest = text[text.find(key)? + key.len()..].trim_start();
    let mut escaped = false;
    let (end, _) = rest.char_indices().skip(1).find(|&(_, c)| {
        let closes = c == '"' && !escaped;
        escaped = c == '\\' && !escaped;
        closes
    })?;
    serde_json::from_str(&rest[..=end]).ok()
}

/// Reads a stored draft or a backup file of one, whatever schema wrote it.
pub fn decode(text: &str) -> Result<StoredDraft, DraftLoadError> {
    let value: Value = crate::json::parse(text).map_err(|_| DraftLoadError::NotJson)?;
    decode_value(value)
}

/// [`decode`] for JSON already parsed (local storage hands over values).
pub fn decode_value(value: Value) -> Result<StoredDraft, DraftLoadError> {
    shaped(migrated(value)?)
}

fn shaped(value: Value) -> Result<StoredDraft, DraftLoadError> {
    crate::json::from_value(value).map_err(|detail| DraftLoadError::Shape { detail })
}

/// [`decode_value`], and where the text holds what the draft does not:
/// a field with a value under a name this version does not know (a name
/// damaged by hand, or a newer app's), as paths like «draft.answerz». Read
/// and saved again, the draft would lose it without a word.
/// A value of the wrong kind where the draft expects another (a number
/// typed by hand where the text of a number belongs) is set aside the same
/// way, and the rest opens ([`salvaged`]).
pub fn decode_noting(value: Value) -> Result<(StoredDraft, Vec<String>), DraftLoadError> {
    let read = migrated(value)?;
    let mut unread = Vec::new();
    let stored = match shaped(read.clone()) {
        Ok(stored) => stored,
        Err(error) => salvaged(read.clone(), error, &mut unread)?,
    };
    let kept = serde_json::to_value(&stored).unwrap_or_default();
    crate::json::unread_fields(&read, &kept, "", &mut unread);
    let mut named = std::collections::BTreeSet::new();
    unread.retain(|path| named.insert(path.clone()));
    Ok((stored, unread))
}

/// At most this many values are set aside to open a draft: text with more
/// of them wrong is not a draft damaged by a hand.
const MAX_SET_ASIDE: usize = 8;

/// `value` without the values that stop it from reading as a draft, their
/// paths pushed to `set_aside`; `first` (the error first met) when that
/// does not make it read. Each is the deepest value the error is found at
/// ([`shaped`](crate::json::shaped)), so a wrong number costs its own
/// field, not its whole answer.
fn salvaged(
    mut value: Value,
    first: DraftLoadError,
    set_aside: &mut Vec<String>,
) -> Result<StoredDraft, DraftLoadError> {
    for _ in 0..MAX_SET_ASIDE {
        match crate::json::shaped::<StoredDraft>(&value) {
            Ok(stored) => return Ok(stored),
            Err(wrong) if wrong.path.is_empty() => return Err(first),
            Err(wrong) => {
                remove_at(&mut value, &wrong.path);
                set_aside.push(shown_path(&wrong.path));
            }
        }
    }
    Err(first)
}

/// «draft.answers.1.2.numerator», as [`crate::json::unread_fields`] names paths (list
/// items from 1).
fn shown_path(path: &[Step]) -> String {
    let steps: Vec<String> = (path.iter())
        .map(|s| match s {
            Step::Key(k) => k.clone(),
            Step::Index(i) => (i + 1).to_string(),
        })
        .collect();
    steps.join(".")
}

/// The value brought up to [`SCHEMA`]; a newer one is refused.
fn migrated(value: Value) -> Result<Value, DraftLoadError> {
    let Value::Object(ref map) = value else {
        return Err(DraftLoadError::Foreign);
    };
    let schema = match map.get("schema") {
        None => 0,
        Some(v) => v.as_u64().ok_or(DraftLoadError::Foreign)?,
    };
    if schema > SCHEMA {
        return Err(DraftLoadError::Newer { schema });
    }
    migrate(value, schema)
}

/// Brings a value of schema `from` up to [`SCHEMA`], one step at a time.
fn migrate(mut value: Value, from: u64) -> Result<Value, DraftLoadError> {
    for schema in from..SCHEMA {
        value = match schema {
            0 => from_v0(value)?,
            _ => unreachable!("every schema below SCHEMA has a step"),
        };
    }
    Ok(value)
}

/// Schema 0 was the bare draft (`{"profile": …, "answers": …}`) without an
/// envelope, as the first builds kept it in memory and in backups.
fn from_v0(value: Value) -> Result<Value, DraftLoadError> {
    let looks_like_draft = value.get("profile").is_some() || value.get("answers").is_some();
    if !looks_like_draft {
        return Err(DraftLoadError::Foreign);
    }
    Ok(serde_json::json!({
        "schema": 1,
        "id": "migrated",
        "revision": 0,
        "updated_at": "",
        "draft": value,
    }))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::school::draft::{AnswerField, RawAnswer};
    use crate::school::plan::PlanRow;

    const NOW: &str = "2026-11-22T10:00:00.000Z";

    /// A draft's text cut short still names its draft while its profile
    /// is whole; a label given by the school comes first.
    #[test]
    fn a_damaged_draft_is_named_from_what_is_left() {
        let mut draft = Draft::default();
        draft.profile.name = "МБОУ «СОШ № 12»".into();
        draft.profile.period = "2026/2027".into();
        let mut stored = StoredDraft::new("d1".into(), draft, NOW);
        let text = serde_json::to_string(&stored).unwrap();
        let cut = &text[..text.find("\"answers\"").unwrap() + 12];
        assert!(
            serde_json::from_str::<Value>(cut).is_err(),
            "no longer JSON"
        );
        assert_eq!(
            title_in_damaged(cut).as_deref(),
            Some("МБОУ «СОШ № 12» · 2026/2027")
        );
        stored.meta.label = "Черновик для директора".into();
        let labelled = serde_json::to_string(&stored).unwrap();
        assert_eq!(
            title_in_damaged(&labelled[..labelled.find("\"answers\"").unwrap()]).as_deref(),
            Some("Черновик для директора")
        );
        // Cut inside the name: nothing to name it by.
        let at = text.find("СОШ").unwrap();
        assert_eq!(title_in_damaged(&text[..at]), None);
        assert_eq!(title_in_damaged("{\"schema\":3,"), None);
        // The card is read from the meta before the draft.
        let mut on_card = StoredDraft::of_card("d2".into(), Draft::default(), NOW, ("izhevsk", 2));
        on_card.draft.profile.name = "\"card\": \"x\"".into();
        let text = serde_json::to_string(&on_card).unwrap();
        let cut = &text[..text.find("\"answers\"").unwrap()];
        assert_eq!(card_in_damaged(cut), Some(("izhevsk".to_owned(), 2)));
        assert_eq!(
            card_in_damaged(&text[..text.find("\"card\"").unwrap() + 3]),
            None
        );
    }

    #[test]
    fn leaving_is_asked_only_where_changes_would_be_lost() {
        use crate::error::StorageError;
        let full = SaveStatus::Failed(StorageError::Full)
            .leave_question()
            .unwrap();
        assert!(full.starts_with(
            "Последние изменения этого черновика не сохранены в браузере. Хранилище браузера переполнено."
        ));
        assert!(full.ends_with("или «ОК», чтобы перейти без них."));
        assert!(SaveStatus::Conflict { deleted: false }
            .leave_question()
            .unwrap()
            .starts_with("Изменения в этой вкладке не сохранены"));
        // «они» had no antecedent after «версия … не сохранена».
        let deleted = SaveStatus::Conflict { deleted: true }
            .leave_question()
            .unwrap();
        assert!(deleted.starts_with(
            "Черновик удалён в другой вкладке, а изменения из этой вкладки не сохранены. Если \
             сейчас перейти к другому черновику или новой карте, несохранённые изменения пропадут."
        ));
        for fine in [
            SaveStatus::Unchanged,
            SaveStatus::Pending,
            SaveStatus::Saved { at: "10:00".into() },
        ] {
            assert_eq!(fine.leave_question(), None);
        }
    }

    fn sample() -> StoredDraft {
        let mut draft = Draft::default();
        draft.profile.name = "МБОУ СОШ № 3".into();
        draft.profile.period = "2025/2026".into();
        draft.answers.insert(
            "1.1".into(),
            RawAnswer {
                numerator: "12,5".into(),
                denominator: "40".into(),
                ..RawAnswer::default()
            },
        );
        StoredDraft::new("d1".into(), draft, NOW)
    }

    #[test]
    fn a_saved_draft_reads_back_whole_and_a_damaged_name_is_noticed() {
        use crate::school::draft::ListRow;
        let card = crate::testkit::card();
        let mut last = sample();
        last.draft.profile.flags.insert("preschool".into(), true);
        let every_field = RawAnswer {
            numerator: "3".into(),
            denominator: "4".into(),
            prev_numerator: "1".into(),
            prev_denominator: "2".into(),
            parts: vec!["1".into(), "2".into()],
            count: "5".into(),
            percent: "50".into(),
            fact: Some(true),
            rows: vec![ListRow {
                name: "Ярмарка".into(),
                values: vec!["10".into()],
            }],
            no_rows: true,
            evidence: "https://a.ru".into(),
            comment: "к".into(),
        };
        last.draft.answers.insert("1.2".into(), every_field);
        last.draft
            .answers
            .insert("1.6".into(), crate::testkit::fact(true));
        last.draft.plan = vec![PlanRow {
            measure: "Профпробы".into(),
            indicators: vec!["1.1".into()],
            deadline: "май".into(),
            responsible: "Петрова".into(),
        }];
        let mut next = last.next_year("d2".into(), NOW, true, &card);
        next.meta.label = "Второй".into();
        let draft = next.draft.clone();
        next.meta
            .remember_export("s1".into(), &draft, "ab:cd".into());
        assert!(next.draft.last_plan.is_some() && !next.draft.copied.is_empty());
        // Every field of an answer and of a plan row, before next year.
        let whole: Value = serde_json::from_str(&last.encode()).unwrap();
        assert_eq!(decode_noting(whole).unwrap(), (last, Vec::new()));
        let written: Value = serde_json::from_str(&next.encode()).unwrap();
        let (back, unread) = decode_noting(written.clone()).unwrap();
        assert_eq!((back, unread), (next, Vec::<String>::new()));

        // A name damaged by hand: read without it, and said so.
        let damaged = |from: &str, to: &str| {
            let text = written.to_string().replacen(from, to, 1);
            decode_noting(serde_json::from_str(&text).unwrap())
                .unwrap()
                .1
        };
        assert_eq!(damaged("\"answers\"", "\"answerz\""), ["draft.answerz"]);
        // Next year kept the yes-or-no answers only.
        assert_eq!(damaged("\"fact\"", "\"facz\""), ["draft.answers.1.2.facz"]);
        assert_eq!(damaged("\"profile\"", "\"profilf\""), ["draft.profilf"]);
        // Nothing said of an unknown name without a value.
        assert!(damaged("\"draft\":{", "\"draft\":{\"extra\":\"\",").is_empty());
    }

    /// A walk-through: one value of the wrong kind, typed by hand into the
    /// stored text, hid the whole draft. It now costs that value alone.
    #[test]
    fn a_value_of_the_wrong_kind_costs_only_itself() {
        let mut stored = sample();
        stored.draft.profile.levels = vec![
            crate::school::profile::SchoolLevel::Noo,
            crate::school::profile::SchoolLevel::Ooo,
        ];
        stored
            .draft
            .answers
            .insert("1.6".into(), crate::testkit::fact(true));
        let text = stored.encode();
        let damaged = |edit: &dyn Fn(&mut Value)| {
            let mut value: Value = serde_json::from_str(&text).unwrap();
            edit(&mut value);
            decode_noting(value).unwrap()
        };

        // A number where the text of one belongs.
        let (back, unread) = damaged(&|v| v["draft"]["answers"]["1.1"]["numerator"] = 49.into());
        assert_eq!(unread, ["draft.answers.1.1.numerator"]);
        // Read whole, the draft is refused with the field named.
        let mut value: Value = serde_json::from_str(&text).unwrap();
        value["draft"]["answers"]["1.1"]["numerator"] = 49.into();
        assert_eq!(
            decode_value(value).unwrap_err().to_string(),
            "Черновик повреждён: значение не того вида: число 49, поле «draft → answers → 1.1 → \
             numerator»."
        );
        assert_eq!(back.draft.answers["1.1"].numerator, "");
        assert_eq!(
            back.draft.answers["1.1"].denominator,
            stored.draft.answers["1.1"].denominator
        );
        assert_eq!(back.draft.answers["1.6"].fact, Some(true));
        assert_eq!(back.draft.profile, stored.draft.profile);

        // A word where yes or no belongs, and a level the app does not know,
        // both at once.
        let (back, unread) = damaged(&|v| {
            v["draft"]["answers"]["1.6"]["fact"] = "да".into();
            v["draft"]["profile"]["levels"]
                .as_array_mut()
                .unwrap()
                .push("xyz".into());
        });
        assert_eq!(unread, ["draft.answers.1.6.fact", "draft.profile.levels.3"]);
        assert_eq!(back.draft.answers["1.6"].fact, None);
        assert_eq!(
            back.draft.profile.levels,
            [
                crate::school::profile::SchoolLevel::Noo,
                crate::school::profile::SchoolLevel::Ooo
            ]
        );
        assert_eq!(back.draft.answers["1.1"], stored.draft.answers["1.1"]);

        // Text that is no draft at all is still refused.
        assert!(
            decode_noting(serde_json::json!({ "schema": SCHEMA, "draft": [1, 2, 3] })).is_err()
        );
    }

    /// «Открыть файл…» speaks of the file picked, not of stored data, and
    /// sends a key backup, a card or a letter to the button that opens it.
    #[test]
    fn a_picked_file_that_is_no_draft_is_named_for_what_it_is() {
        let refused = |text: &str| match read_school_file(text) {
            Err(why) => why,
            Ok(_) => panic!("{text} opened"),
        };
        assert_eq!(
            refused("не JSON"),
            "Это не черновик и не выгрузка Профкарты: такие файлы Профкарта не сохраняет (это другой документ, или файл повреждён)."
        );
        assert_eq!(
            refused("[1, 2]"),
            "В нём нет ни черновика, ни выгрузки Профкарты."
        );
        // An export with one quote changed is one, damaged: said as the
        // department says it (a review: «не выгрузка» here, «повреждён»
        // there), the place counted in letters.
        let good = crate::testkit::sample_file();
        let quote = good.find("\"profile\"").unwrap();
        let changed = format!("{}'{}", &good[..quote], &good[quote + 1..]);
        assert!(
            refused(&changed).starts_with("Файл повреждён: в строке "),
            "{}",
            refused(&changed)
        );
        let key = crate::signed::keys::KeyPair::from_seed([7; 32]).to_backup(
            "2026-11-01T10:00:00.000Z",
            crate::signed::keys::KeyRole::School,
        );
        assert!(refused(&key).starts_with("Это резервная копия ключа подписи."));
        // The department's files, by the format each one names.
        let named = |format: &str| refused(&format!(r#"{{"format": "{format}"}}"#));
        assert!(named("profkarta-card").contains("«Открыть карту отдела…»"));
        assert!(named("profkarta-letter").contains("«Открыть файл рекомендаций отдела…»"));
        use crate::error::DepartmentFile::{Card, Letter};
        let others =
            (crate::department::OWN_FILES.iter()).filter(|(_, f)| !matches!(f, Card | Letter));
        for (format, _) in others {
            assert_eq!(
                named(format),
                "Это рабочий файл отдела образования: он открывается на странице отдела, не школы."
            );
        }
        // A draft file with an answer written twice: which one counts is
        // unclear, so it is refused, as a received file is; stored, the
        // same text is read with the last value and said (`repeated_key`).
        let twice =
            sample()
                .encode()
                .replacen(r#""numerator":"#, r#""numerator":"40","numerator":"#, 1);
        assert_eq!(
            refused(&twice),
            "Поле «draft → answers → 1.1 → numerator» записано в файле дважды: неясно, какое из \
             значений верное, поэтому файл не открыт. Файл изменён вручную или повреждён."
        );
        let path = crate::json::repeated_key(&twice).unwrap();
        assert_eq!(path, ["draft", "answers", "1.1", "numerator"]);
        assert_eq!(crate::json::repeated_key(&sample().encode()), None);
        assert_eq!(
            crate::error::RepeatedField {
                draft: "СОШ 1, 2025/2026".into(),
                path
            }
            .to_string(),
            "В черновике «СОШ 1, 2025/2026» поле «draft → answers → 1.1 → numerator» записано \
             дважды (приложение так не сохраняет: текст, видимо, правили вручную). Черновик \
             открыт с последним из значений — проверьте этот ответ."
        );
    }

    #[test]
    fn round_trip_keeps_invalid_text_as_typed() {
        let stored = sample();
        let back = decode(&stored.encode()).unwrap();
        assert_eq!(back, stored);
        assert_eq!(back.draft.answers["1.1"].numerator, "12,5");
    }

    #[test]
    fn an_older_bare_draft_is_migrated() {
        let v0 = r#"{"profile":{"name":"Школа № 1","levels":["noo","ooo"],"ovz":false,"period":"2024/2025"},
                    "answers":{"1.6":{"fact":true}}}"#;
        let stored = decode(v0).unwrap();
        assert_eq!(stored.meta.schema, SCHEMA);
        assert_eq!(stored.draft.profile.name, "Школа № 1");
        assert!(!stored.draft.profile.ovz);
        assert_eq!(stored.draft.answers["1.6"].fact, Some(true));
        assert_eq!(stored.meta.revision, 0);
    }

    #[test]
    fn a_newer_schema_is_refused_not_misread() {
        let newer = sample().encode().replace("\"schema\":1", "\"schema\":7");
        assert_eq!(decode(&newer), Err(DraftLoadError::Newer { schema: 7 }));
    }

    #[test]
    fn corrupt_and_foreign_text_is_named() {
        assert_eq!(
            decode("{\"schema\":1,\"id\":"),
            Err(DraftLoadError::NotJson)
        );
        assert_eq!(decode("[1,2]"), Err(DraftLoadError::Foreign));
        assert_eq!(decode("{\"theme\":\"dark\"}"), Err(DraftLoadError::Foreign));
        assert_eq!(decode("{\"schema\":\"x\"}"), Err(DraftLoadError::Foreign));
        assert!(matches!(
            decode("{\"schema\":1,\"id\":5}"),
            Err(DraftLoadError::Shape { .. })
        ));
    }

    #[test]
    fn overwrite_only_what_this_tab_has_seen() {
        let mut stored = sample();
        stored.meta.revision = 4;
        let there = Some(Ok(stored.clone()));
        let mine = |revision| {
            let mut mine = sample();
            mine.meta.revision = revision;
            mine
        };
        let next = mine(0).next_save(None, NOW).unwrap();
        assert_eq!(
            (next.meta.revision, next.meta.updated_at.as_str()),
            (1, NOW)
        );
        assert!(mine(4).next_save(there.as_ref(), NOW).is_some());
        assert!(mine(5).next_save(there.as_ref(), NOW).is_some());
        assert!(
            mine(3).next_save(there.as_ref(), NOW).is_none(),
            "another tab saved revision 4"
        );
        let newer = Some(Err(DraftLoadError::Newer { schema: 2 }));
        assert!(mine(99).next_save(newer.as_ref(), NOW).is_none());
        let unreadable = Some(Err(DraftLoadError::NotJson));
        assert!(
            mine(0).next_save(unreadable.as_ref(), NOW).is_some(),
            "kept aside at start-up"
        );
    }

    #[test]
    fn unchanged_content_is_not_written_again() {
        let mut saved = sample();
        saved.meta.updated_at = "2026-11-22T11:00:00.000Z".into();
        let mut open = saved.clone();
        open.meta.revision += 7;
        assert_eq!(
            open.unchanged_since(Some(&saved)),
            Some("2026-11-22T11:00:00.000Z")
        );
        assert_eq!(open.unchanged_since(None), None);
        open.meta.label = "Для завуча".into();
        assert_eq!(
            open.unchanged_since(Some(&saved)),
            None,
            "a new name is a change"
        );
        let mut typed = saved.clone();
        typed.draft.profile.name.push('!');
        assert_eq!(typed.unchanged_since(Some(&saved)), None);
    }

    #[test]
    fn titles() {
        let mut stored = sample();
        assert_eq!(stored.title(), "МБОУ СОШ № 3 · 2025/2026");
        stored.meta.label = "Черновик для завуча".into();
        assert_eq!(stored.title(), "Черновик для завуча");
        assert_eq!(
            StoredDraft::new("x".into(), Draft::default(), NOW).title(),
            "Без названия"
        );
    }

    #[test]
    fn a_change_after_the_export_is_seen_and_undoing_it_is_too() {
        let mut stored = sample();
        assert_eq!(stored.meta.export_state(&stored.draft), ExportState::Never);
        stored.meta.exported = Some(stored.draft.digest());
        assert_eq!(stored.meta.export_state(&stored.draft), ExportState::Same);
        let before = stored.draft.answer("1.1").numerator;
        stored
            .draft
            .set_text("1.1", AnswerField::Numerator, "7".into());
        assert_eq!(
            stored.meta.export_state(&stored.draft),
            ExportState::Changed
        );
        stored.draft.set_text("1.1", AnswerField::Numerator, before);
        assert_eq!(stored.meta.export_state(&stored.draft), ExportState::Same);
        // Typed into an untouched row and cleared, an empty plan row, a
        // space after the name: the file would say the same.
        stored
            .draft
            .set_text("1.5", AnswerField::Numerator, "3".into());
        stored
            .draft
            .set_text("1.5", AnswerField::Numerator, String::new());
        stored.draft.plan.push(PlanRow::default());
        stored.draft.profile.name.push(' ');
        assert!(stored.draft.answers.contains_key("1.5"));
        assert_eq!(stored.meta.export_state(&stored.draft), ExportState::Same);
        // Kept across a reload, and not carried into next year's draft.
        let text = serde_json::to_string(&stored).unwrap();
        let back: StoredDraft = serde_json::from_str(&text).unwrap();
        assert_eq!(back.meta.export_state(&back.draft), ExportState::Same);
        let card = crate::testkit::card();
        let next = stored.next_year("d2".into(), NOW, true, &card);
        assert_eq!(next.meta.export_state(&next.draft), ExportState::Never);
        // It knows the draft it follows, by id, across a reload too.
        assert_eq!(next.meta.follows.as_deref(), Some(stored.meta.id.as_str()));
        let back: StoredDraft =
            serde_json::from_str(&serde_json::to_string(&next).unwrap()).unwrap();
        assert_eq!(back.meta.follows, next.meta.follows);
        // Exported before the content was remembered: nothing is claimed.
        stored.meta.exported = None;
        stored.meta.replaces = Some("s1".into());
        assert_eq!(
            stored.meta.export_state(&stored.draft),
            ExportState::Unknown
        );
    }

    /// A name changed since the export, without an ИНН, is asked about;
    /// another spelling of it, or a name beside an ИНН, is not.
    #[test]
    fn a_school_named_otherwise_since_its_export_is_asked_about() {
        let mut stored = sample();
        stored.draft.profile.name = "МБОУ СОШ № 5".into();
        stored.draft.profile.identifier = String::new();
        let draft = stored.draft.clone();
        assert_eq!(stored.meta.renamed_since_export(&draft), None);
        stored
            .meta
            .remember_export("s1".into(), &draft, "ab:cd".into());
        stored.draft.profile.name = "мбоу «СОШ №5» ".into();
        assert_eq!(stored.meta.renamed_since_export(&stored.draft), None);
        stored.draft.profile.name = "МАОУ «Лицей № 5»".into();
        assert_eq!(
            stored.meta.renamed_since_export(&stored.draft).as_deref(),
            Some("МБОУ СОШ № 5")
        );
        // Kept across a reload.
        let back: StoredDraft =
            serde_json::from_str(&serde_json::to_string(&stored).unwrap()).unwrap();
        assert_eq!(
            back.meta.renamed_since_export(&back.draft).as_deref(),
            Some("МБОУ СОШ № 5")
        );
        stored.draft.profile.identifier = "6658001234".into();
        assert_eq!(stored.meta.renamed_since_export(&stored.draft), None);
    }

    /// A draft exported for one year and then moved to another makes a
    /// new file: it corrects nothing, and the department keeps the first.
    #[test]
    fn a_draft_moved_to_another_year_corrects_no_export() {
        let mut stored = sample();
        let draft = stored.draft.clone();
        stored
            .meta
            .remember_export("s1".into(), &draft, "ab:cd".into());
        assert_eq!(stored.meta.exported_period.as_deref(), Some("2025/2026"));
        assert_eq!(
            stored.meta.replaces_now(&stored.draft).as_deref(),
            Some("s1")
        );
        stored.draft.profile.period = "2024-2025".into();
        assert_eq!(
            stored.meta.export_state(&stored.draft),
            ExportState::OtherYear
        );
        assert_eq!(stored.meta.replaces_now(&stored.draft), None);
        // Half-typed, it is not yet another year; written back, it is the same.
        stored.draft.profile.period = "2025/20".into();
        assert_eq!(
            stored.meta.export_state(&stored.draft),
            ExportState::Changed
        );
        assert_eq!(
            stored.meta.replaces_now(&stored.draft).as_deref(),
            Some("s1")
        );
        stored.draft.profile.period = "2025 - 2026".into();
        assert_eq!(
            stored.meta.export_state(&stored.draft),
            ExportState::Changed
        );
        stored.draft.profile.period = "2025/2026".into();
        assert_eq!(stored.meta.export_state(&stored.draft), ExportState::Same);
    }

    #[test]
    fn next_year_copies_the_profile_and_optionally_answers() {
        let stored = sample();
        let card = crate::testkit::card();
        let empty = stored.next_year("d2".into(), NOW, false, &card);
        assert_eq!(empty.draft.profile.period, "2026/2027");
        assert_eq!(empty.draft.profile.name, "МБОУ СОШ № 3");
        assert!(empty.draft.answers.is_empty());
        assert_eq!(empty.meta.replaces, None);
        assert!(empty.draft.copied.is_empty());
        // Only the yes-or-no answers come over, without last year's links
        // and comments, and marked as copied; the figures and a row that
        // held only a link do not.
        let mut linked = stored.clone();
        let answer = linked.draft.answers.get_mut("1.1").unwrap();
        answer.evidence = "https://school3.example.ru/2025/1-1".into();
        linked.draft.answers.insert(
            "1.6".into(),
            RawAnswer {
                evidence: "https://school3.example.ru/2025/1-6".into(),
                ..RawAnswer::default()
            },
        );
        let mut fact = crate::testkit::fact(true);
        fact.evidence = "https://school3.example.ru/2025/1-8".into();
        fact.comment = "Данные за 2025 год".into();
        linked.draft.answers.insert("1.8".into(), fact);
        linked
            .draft
            .answers
            .insert("2.1".into(), crate::testkit::fact(false));
        let mut copied = linked.next_year("d3".into(), NOW, true, &card);
        let facts: BTreeMap<String, RawAnswer> = [
            ("1.8".to_owned(), crate::testkit::fact(true)),
            ("2.1".to_owned(), crate::testkit::fact(false)),
        ]
        .into();
        assert_eq!(copied.draft.answers, facts);
        assert_eq!(copied.draft.copied, ["1.8", "2.1"].map(String::from).into());
        // A link added to it is not a reading of the answer; changed or
        // confirmed, an answer is the school's own.
        copied.draft.set_text(
            "1.8",
            AnswerField::Evidence,
            "https://school3.example.ru/1-8".into(),
        );
        copied
            .draft
            .set_text("2.1", AnswerField::Comment, "Как в прошлом году".into());
        assert_eq!(copied.draft.copied.len(), 2);
        copied.draft.set_fact("1.8", Some(true));
        copied.draft.confirm_copied("2.1");
        assert!(copied.draft.copied.is_empty());
        // The file names the answers sent unchecked: checking one changes
        // what the export says («выгрузите заново»).
        let mut marked = linked.next_year("d4".into(), NOW, true, &card);
        marked.draft.answers.clone_from(&copied.draft.answers);
        assert_eq!(marked.draft.copied.len(), 2);
        assert_ne!(marked.draft.digest(), copied.draft.digest());
        marked.draft.copied.clear();
        assert_eq!(marked.draft.digest(), copied.draft.digest());
    }

    /// A copied answer keeps its mark as the draft moves to another version
    /// that renumbers its indicator.
    #[test]
    fn the_marks_of_copied_answers_follow_a_new_version() {
        let (v1, v2) = crate::testkit::two_versions();
        let mut stored = sample();
        stored
            .draft
            .answers
            .insert("1.8".into(), crate::testkit::fact(true));
        let next = stored.next_year_to("d2".into(), NOW, true, (&v1, &v2));
        assert_eq!(next.meta.card_version, 2, "next year starts on the newest");
        assert!(next.draft.answers.contains_key("1.9"));
        assert_eq!(next.draft.copied, ["1.9".to_owned()].into());
        let same = stored.next_year_to("d3".into(), NOW, true, (&v1, &v1));
        assert_eq!(same.meta.card_version, 1);
        assert!(same.draft.answers.contains_key("1.8"));
    }

    /// An indicator that gains growth in the newer version takes this
    /// year's figures as next year's «last year», as one that had it: a
    /// walk-through's Leninsk-Kuznetsky 1.4 (40 of 200) came up empty.
    #[test]
    fn next_year_on_a_version_that_adds_growth_carries_this_year() {
        let v1 = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut v2 = v1.clone();
        v2.version = 2;
        let grows = |card: &Card, code: &str| {
            card.indicator(code)
                .is_some_and(|i| i.rule.asks_last_year())
        };
        let code = (v1.indicators())
            .find(|i| i.rule.share_target().is_some() && !i.rule.asks_last_year())
            .map(|i| i.code.clone())
            .unwrap();
        for i in v2.directions.iter_mut().flat_map(|d| d.criteria.iter_mut()) {
            for ind in i.indicators.iter_mut().filter(|x| x.code == code) {
                if let crate::card::Rule::Share { dynamics, .. } = &mut ind.rule {
                    *dynamics = true;
                }
            }
        }
        assert!(!grows(&v1, &code) && grows(&v2, &code));
        let mut stored = sample();
        stored.meta.card.clone_from(&v1.id);
        stored.draft.answers.insert(
            code.clone(),
            RawAnswer {
                numerator: "40".into(),
                denominator: "200".into(),
                ..RawAnswer::default()
            },
        );
        let next = stored.next_year_to("d2".into(), NOW, false, (&v1, &v2));
        let answer = &next.draft.answers[&code];
        assert_eq!(
            (
                answer.prev_numerator.as_str(),
                answer.prev_denominator.as_str()
            ),
            ("40", "200")
        );
        assert!(
            answer.numerator.is_empty(),
            "this year's figure is not next year's"
        );
    }

    /// A plan's ticks follow their indicators to a version that renumbers
    /// them: 1.8 is 1.9 in version 2. 2.1 is filled in otherwise there,
    /// another indicator: its tick goes, the measure stays.
    #[test]
    fn plan_ticks_follow_a_new_version() {
        let (v1, v2) = crate::testkit::two_versions();
        let mut stored = sample();
        stored.draft.plan.push(crate::school::plan::PlanRow {
            measure: "Ярмарка профессий".into(),
            indicators: vec!["1.8".into(), "2.1".into()],
            ..Default::default()
        });
        let mut next = stored.next_year("d2".into(), NOW, false, &v1);
        next.draft.plan = stored.draft.plan.clone();
        next.move_to(&v1, &v2);
        assert_eq!(next.draft.plan[0].indicators, ["1.9"]);
        let last = next.draft.last_plan.as_ref().expect("last year's plan");
        assert_eq!(last.rows[0].indicators, ["1.9"]);
        assert!(last.standing.contains_key("1.9") && !last.standing.contains_key("1.8"));
    }

    /// Seed 002: this year's figures become next year's "last year", a
    /// breakdown's by its sum; a wrong figure is not carried over, and last
    /// year's own "last year" does not survive.
    #[test]
    fn next_year_carries_this_years_figures_into_last_year() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut this = Draft::default();
        this.profile.period = "2025/2026".into();
        let mut grown = crate::testkit::share("30", "100");
        grown.prev_numerator = "20".into();
        grown.prev_denominator = "100".into();
        this.answers.insert("1.1".into(), grown);
        this.answers
            .insert("1.3".into(), crate::testkit::share("12,5", "40"));
        let mut parts = crate::testkit::share("", "20");
        parts.parts = ["5", "3", "2", "0", "0"].map(String::from).to_vec();
        this.answers.insert("3.4".into(), parts);
        this.answers
            .insert("1.4".into(), crate::testkit::share("7", "9"));
        // 12 of 10: last year's own error, not a figure to grow from.
        this.answers
            .insert("3.2".into(), crate::testkit::share("12", "10"));
        let stored = StoredDraft::new("d1".into(), this, NOW);
        for keep in [false, true] {
            let next = stored.next_year("d2".into(), NOW, keep, &lk);
            let prev = |code: &str| {
                next.draft
                    .answers
                    .get(code)
                    .map(|a| (a.prev_numerator.as_str(), a.prev_denominator.as_str()))
            };
            assert_eq!(prev("1.1"), Some(("30", "100")), "keep: {keep}");
            assert_eq!(prev("3.4"), Some(("10", "20")));
            assert_eq!(prev("3.2"), None, "12 of 10 is not carried");
            assert_eq!(prev("1.3"), None, "12,5 is not carried");
            assert_eq!(prev("1.4"), None, "1.4 has no growth target");
            // This year's figures are not copied as next year's, even asked.
            let this_year = next.draft.answers.get("1.1").map(|a| a.numerator.as_str());
            assert_eq!(this_year, Some(""));
        }
    }

    /// Moving to a card's next version loses nothing: what does not fit is
    /// kept beside the answers, with its values.
    #[test]
    fn moving_to_a_new_version_keeps_what_cannot_carry() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut next = lk.clone();
        next.version = 2;
        let removed = next.directions[0].criteria[0].indicators.remove(1);
        next.directions[0].criteria[0].max_points -= removed.points;
        next.max_points -= removed.points;
        crate::card::validate::validate(&next).unwrap();
        let mut draft = Draft::default();
        draft
            .answers
            .insert("1.1".into(), crate::testkit::share("30", "100"));
        draft
            .answers
            .insert("1.2".into(), crate::testkit::share("5", "8"));
        let mut stored = StoredDraft::new("d".into(), draft, NOW);
        stored.meta.card = lk.id.clone();
        stored.move_to(&lk, &next);
        assert_eq!(stored.meta.card_version, 2);
        assert_eq!(stored.draft.answers.keys().collect::<Vec<_>>(), ["1.1"]);
        let [kept] = &stored.draft.not_carried[..] else {
            panic!("one answer kept aside")
        };
        assert_eq!(kept.code, "1.2");
        assert_eq!(kept.answer, crate::testkit::share("5", "8"));
        let again = decode(&stored.encode()).unwrap();
        assert_eq!(again, stored, "kept through storage");
        // Next year does not carry it: it is this year's, kept for this one.
        let following = stored.next_year("e".into(), NOW, true, &next);
        assert!(following.draft.not_carried.is_empty());
        assert_eq!(stored.draft.not_carried.len(), 1);
    }

    #[test]
    fn filling_last_year_keeps_what_was_typed() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut previous = Draft::default();
        previous
            .answers
            .insert("1.1".into(), crate::testkit::share("30", "100"));
        previous
            .answers
            .insert("1.2".into(), crate::testkit::share("5", "8"));
        let mut now = Draft::default();
        let mut typed = crate::testkit::share("", "");
        typed.prev_numerator = "29".into();
        now.answers.insert("1.1".into(), typed);
        assert_eq!(now.fill_last_year(&previous, &lk), 1);
        assert_eq!(now.answers["1.1"].prev_numerator, "29");
        assert_eq!(now.answers["1.1"].prev_denominator, "");
        assert_eq!(now.answers["1.2"].prev_numerator, "5");
        assert_eq!(now.answers["1.2"].prev_denominator, "8");
    }
}
