//! Everything the department received and decided, and the import rules.
//!
//! Import is two steps so that a batch of hundreds can be spread over
//! several frames: [`check`] looks at one file alone (size, JSON, signature,
//! card) and can run in any order; [`Archive::admit`] then files the checked
//! submissions one by one, oldest first, against what is already known
//! (duplicates, the school's key). Which submission of a school and period
//! counts is not stored but derived ([`Archive::standing`]), so a correction
//! arriving later, or a key accepted later, changes the results without
//! rewriting anything.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::card::Card;
use crate::department::review::{IndicatorReview, Review};
use crate::department::school::SchoolId;
use crate::error::{ArchiveError, ImportError};
use crate::school::profile::SchoolProfile;
use crate::scoring::{assess, Assessment};
use crate::signed::keys::{fingerprint, from_hex, to_hex};
use crate::signed::submission::{card_hash, open, ClaimedScore, Opened};

/// A real submission is a few to a few dozen kilobytes; anything this big is
/// something else and is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
pub const SCHEMA: u64 = 1;
/// Where earlier versions kept the department's workspace in local storage;
/// it is read once and moved to IndexedDB (see the app's `persistence`).
pub const STORAGE_KEY: &str = "profkarta/department";
const FORMAT: &str = "profkarta-department";
const KEYS_FORMAT: &str = "profkarta-keys";

/// Checks one file on its own and scores it. Pure and independent of the
/// archive: everything per file is done here, where the browser can spread
/// it over frames, so that filing a large batch at once stays short.
pub fn check(
    card: &Card,
    card_sha: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<Entry, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let opened = open(text)?;
    let template = &opened.payload.template;
    if template.id != card.id || template.version != card.version || template.sha256 != card_sha {
        return Err(ImportError::UnknownTemplate {
            id: template.id.clone(),
            version: template.version,
        });
    }
    let payload = &opened.payload;
    // The department accepts what the school's form lets out, no more: the
    // names are shown in every view, sheet and letter.
    if let Some((field, problem)) = payload.profile.problems().into_iter().next() {
        return Err(ImportError::BadProfile {
            field: field.label(),
            problem,
        });
    }
    let assessment = assess(card, &payload.to_draft());
    Ok(Entry {
        school: SchoolId::of(&payload.profile),
        key: to_hex(&opened.public_key),
        mismatch: !claim_matches(&payload.score, &assessment),
        file_name: file_name.to_owned(),
        text: text.to_owned(),
        opened,
        assessment,
    })
}

/// One received submission, verified and recomputed. The key and the
/// school are worked out once here, since every view asks for them.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file_name: String,
    pub text: String,
    pub opened: Opened,
    pub school: SchoolId,
    /// Hex of the public key, as stored in the key registry.
    pub key: String,
    pub assessment: Assessment,
    /// The school's claimed score disagrees with the recomputation.
    pub mismatch: bool,
}

impl Entry {
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

fn claim_matches(claim: &ClaimedScore, a: &Assessment) -> bool {
    claim.total == a.total
        && claim.max_applicable == a.max_applicable
        && claim.level == a.level
        && claim.criteria.len() == a.criteria.len()
        && a.criteria.iter().all(|c| {
            claim
                .criteria
                .get(&c.code)
                .is_some_and(|k| k.points == c.points && k.max_applicable == c.max_applicable)
        })
}

/// The keys a school signs with, as the coordinator decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolKeys {
    pub trusted: BTreeSet<String>,
    pub rejected: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    Trusted,
    /// A key other than the one the school used before: waits for the coordinator.
    Held,
    Rejected,
}

/// Where a received submission stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The submission that counts for its school and period.
    Current,
    /// A newer submission of the same school and period counts instead.
    Superseded {
        by: String,
    },
    Held,
    Rejected,
}

/// What happened to one file of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    /// Filed; its standing is read from the archive, since it may change.
    Filed {
        submission_id: String,
    },
    Refused(ImportError),
}

#[derive(Debug, Clone)]
pub struct Archive {
    card: Card,
    card_sha: String,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    keys: BTreeMap<SchoolId, SchoolKeys>,
    /// Where each entry stands, in the order of `entries`. Every view asks
    /// after every change, so it is worked out once per change of the
    /// entries or the keys (see [`Archive::changed`]).
    standings: OnceLock<Vec<Standing>>,
    pub reviews: BTreeMap<String, Review>,
    /// Recommendation letters as the coordinator edited them, by submission id.
    pub letters: BTreeMap<String, String>,
}

impl Archive {
    pub fn new(card: Card) -> Self {
        Self {
            card_sha: card_hash(&card),
            card,
            entries: Vec::new(),
            by_id: HashMap::new(),
            keys: BTreeMap::new(),
            standings: OnceLock::new(),
            reviews: BTreeMap::new(),
            letters: BTreeMap::new(),
        }
    }

    pub fn card(&self) -> &Card {
        &self.card
    }

    pub fn card_sha(&self) -> &str {
        &self.card_sha
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, submission_id: &str) -> Option<&Entry> {
        self.by_id.get(submission_id).map(|&i| &self.entries[i])
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Files a batch of checked submissions, oldest first, so that the first
    /// key a school ever used is the one it is known by, whatever order the
    /// files were picked in.
    pub fn admit_all(&mut self, mut batch: Vec<Entry>) -> Vec<(String, Admission)> {
        fn key(c: &Entry) -> (&str, &str) {
            (&c.opened.payload.created_at, &c.file_name)
        }
        batch.sort_by(|a, b| key(a).cmp(&key(b)));
        batch
            .into_iter()
            .map(|checked| (checked.file_name.clone(), self.admit(checked)))
            .collect()
    }

    pub fn admit(&mut self, entry: Entry) -> Admission {
        let id = entry.id().to_owned();
        if let Some(existing) = self.entry(&id) {
            return Admission::Refused(ImportError::Duplicate {
                of_file: existing.file_name.clone(),
            });
        }
        let keys = self.keys.entry(entry.school.clone()).or_default();
        if keys.rejected.contains(&entry.key) {
            return Admission::Refused(ImportError::RejectedKey {
                fingerprint: entry.opened.fingerprint.clone(),
            });
        }
        if keys.trusted.is_empty() && keys.rejected.is_empty() {
            keys.trusted.insert(entry.key.clone());
        }
        self.by_id.insert(id.clone(), self.entries.len());
        self.entries.push(entry);
        self.changed();
        Admission::Filed { submission_id: id }
    }

    pub fn key_state(&self, school: &SchoolId, key: &str) -> KeyState {
        match self.keys.get(school) {
            Some(k) if k.trusted.contains(key) => KeyState::Trusted,
            Some(k) if k.rejected.contains(key) => KeyState::Rejected,
            _ => KeyState::Held,
        }
    }

    /// The coordinator's answer about a key held for a school.
    pub fn decide_key(&mut self, school: &SchoolId, key: &str, trust: bool) {
        let keys = self.keys.entry(school.clone()).or_default();
        keys.trusted.remove(key);
        keys.rejected.remove(key);
        if trust {
            keys.trusted.insert(key.to_owned());
        } else {
            keys.rejected.insert(key.to_owned());
        }
        self.changed();
    }

    /// Keys the school signed with before, for the "key differs" question.
    pub fn trusted_keys(&self, school: &SchoolId) -> Vec<&str> {
        self.keys
            .get(school)
            .map(|k| k.trusted.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The standing of every entry, by submission id. Among the trusted
    /// submissions of one school and period, one that another replaces
    /// explicitly never counts; of the rest the latest created counts.
    pub fn standing(&self) -> HashMap<&str, Standing> {
        self.entries
            .iter()
            .zip(self.standings())
            .map(|(e, s)| (e.id(), s.clone()))
            .collect()
    }

    /// Entries or keys changed: standings are worked out again when asked.
    fn changed(&mut self) {
        self.standings.take();
    }

    fn standings(&self) -> &[Standing] {
        self.standings.get_or_init(|| self.work_out_standings())
    }

    fn work_out_standings(&self) -> Vec<Standing> {
        let states: Vec<KeyState> = self
            .entries
            .iter()
            .map(|e| self.key_state(&e.school, &e.key))
            .collect();
        let trusted = || {
            self.entries
                .iter()
                .zip(&states)
                .filter(|(_, s)| **s == KeyState::Trusted)
                .map(|(e, _)| e)
        };
        let replaced: HashMap<&str, &str> = trusted()
            .filter_map(|e| Some((e.opened.payload.replaces.as_deref()?, e.id())))
            .collect();
        let mut best: HashMap<(&SchoolId, &str), &Entry> = HashMap::new();
        for e in trusted().filter(|e| !replaced.contains_key(e.id())) {
            let slot = best.entry((&e.school, e.period())).or_insert(e);
            let newer = |a: &Entry, b: &Entry| {
                (&a.opened.payload.created_at, a.id()) > (&b.opened.payload.created_at, b.id())
            };
            if newer(e, slot) {
                *slot = e;
            }
        }
        self.entries
            .iter()
            .zip(states)
            .map(|(e, state)| match state {
                KeyState::Held => Standing::Held,
                KeyState::Rejected => Standing::Rejected,
                KeyState::Trusted => match best.get(&(&e.school, e.period())) {
                    Some(b) if b.id() == e.id() => Standing::Current,
                    best_one => {
                        let by = replaced
                            .get(e.id())
                            .copied()
                            .or_else(|| best_one.map(|b| b.id()))
                            .unwrap_or_default();
                        Standing::Superseded { by: by.to_owned() }
                    }
                },
            })
            .collect()
    }

    /// The submissions that count, of every period.
    pub fn current(&self) -> Vec<&Entry> {
        self.entries
            .iter()
            .zip(self.standings())
            .filter(|(_, s)| **s == Standing::Current)
            .map(|(e, _)| e)
            .collect()
    }

    /// Academic years present, oldest first ("2024/2025" before "2025/2026").
    pub fn periods(&self) -> Vec<String> {
        let mut periods: Vec<String> = self
            .current()
            .iter()
            .map(|e| e.period().to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        periods.sort_by_key(|p| (crate::school::profile::parse_period(p).ok(), p.clone()));
        periods
    }

    /// The coordinator's review of a submission. A later file of the same
    /// school and year (a correction) that has no review of its own takes
    /// over the decisions about the answers it did not change, so that
    /// sending the file again does not undo a check. The check itself is not
    /// finished for the new file until the coordinator says so.
    pub fn review(&self, submission_id: &str) -> Review {
        match self.reviews.get(submission_id) {
            Some(review) => review.clone(),
            None => self.inherited(submission_id).unwrap_or_default(),
        }
    }

    /// The review to edit: the one carried over from the earlier file
    /// becomes this file's own at the first change.
    pub fn review_mut(&mut self, submission_id: &str) -> &mut Review {
        if !self.reviews.contains_key(submission_id) {
            let carried = self.inherited(submission_id).unwrap_or_default();
            self.reviews.insert(submission_id.to_owned(), carried);
        }
        self.reviews.entry(submission_id.to_owned()).or_default()
    }

    /// The reviewed earlier file a submission without its own review takes
    /// decisions from: the latest reviewed one of the same school and year.
    pub fn review_source(&self, submission_id: &str) -> Option<&Entry> {
        if self.reviews.contains_key(submission_id) {
            return None;
        }
        let entry = self.entry(submission_id)?;
        fn order(e: &Entry) -> (&str, &str) {
            (&e.opened.payload.created_at, e.id())
        }
        // Reviews are few; the entries are many.
        self.reviews
            .keys()
            .filter_map(|id| self.entry(id))
            .filter(|e| e.school == entry.school && e.period() == entry.period())
            .filter(|e| order(e) < order(entry))
            .max_by_key(|e| order(e))
    }

    fn inherited(&self, submission_id: &str) -> Option<Review> {
        let entry = self.entry(submission_id)?;
        let source = self.review_source(submission_id)?;
        let unchanged = |code: &str| {
            let (old, new) = (
                &source.opened.payload.answers,
                &entry.opened.payload.answers,
            );
            let applies = |e: &Entry| {
                e.assessment
                    .indicators
                    .iter()
                    .find(|r| r.code == code)
                    .map(|r| r.outcome.applies())
            };
            old.get(code) == new.get(code) && applies(source) == applies(entry)
        };
        let indicators: BTreeMap<String, IndicatorReview> = self
            .reviews
            .get(source.id())?
            .indicators
            .iter()
            .filter(|(code, r)| r.decision.is_some() && unchanged(code))
            .map(|(code, r)| (code.clone(), r.clone()))
            .collect();
        (!indicators.is_empty()).then_some(Review {
            indicators,
            checked: false,
        })
    }

    /// The whole workspace as one JSON text, for backup files.
    pub fn to_json(&self) -> String {
        self.serialise(self.entries.iter().map(StoredFile::of).collect())
    }

    /// The coordinator's decisions (keys, reviews, letters) without the
    /// files: the browser stores them apart, so that a review does not
    /// rewrite megabytes of files. [`unpack`] reads it back.
    pub fn decisions_json(&self) -> String {
        self.serialise(Vec::new())
    }

    fn serialise(&self, files: Vec<StoredFile>) -> String {
        let file = ArchiveFile {
            format: FORMAT.to_owned(),
            schema: SCHEMA,
            files,
            keys: self.keys.clone(),
            reviews: self.reviews.clone(),
            letters: self.letters.clone(),
        };
        serde_json::to_string(&file).expect("an archive serialises")
    }

    /// Reads a workspace back and files it at once. Every file is verified
    /// again: storage and backups are not trusted more than the files
    /// themselves. Files that no longer pass are reported with the reason,
    /// the rest loads.
    pub fn from_json(
        card: Card,
        text: &str,
    ) -> Result<(Self, Vec<(String, ImportError)>), ArchiveError> {
        let Unpacked { mut archive, files } = unpack(card, text)?;
        let mut problems = Vec::new();
        let mut checked = Vec::new();
        for (name, text) in files {
            match check(&archive.card, &archive.card_sha, &name, text.as_bytes()) {
                Ok(c) => checked.push(c),
                Err(e) => problems.push((name, e)),
            }
        }
        for (name, admission) in archive.admit_all(checked) {
            if let Admission::Refused(e) = admission {
                problems.push((name, e));
            }
        }
        Ok((archive, problems))
    }

    /// The schools' keys, for another coordinator or another computer.
    pub fn keys_file(&self) -> String {
        let mut schools = Vec::new();
        for e in self.current() {
            for key in self.trusted_keys(&e.school) {
                let school = KnownKey {
                    name: e.profile().name.clone(),
                    municipality: e.profile().municipality.clone(),
                    identifier: e.profile().identifier.clone(),
                    public_key: key.to_owned(),
                };
                if !schools.contains(&school) {
                    schools.push(school);
                }
            }
        }
        let file = KeysFile {
            format: KEYS_FORMAT.to_owned(),
            format_version: 1,
            schools,
        };
        serde_json::to_string_pretty(&file).expect("a key list serialises")
    }

    /// Trusts every key of a list; returns how many were new.
    pub fn load_keys(&mut self, text: &str) -> Result<usize, ArchiveError> {
        let value: Value = serde_json::from_str(text).map_err(|_| ArchiveError::NotJson)?;
        if value.get("format").and_then(Value::as_str) != Some(KEYS_FORMAT) {
            return Err(ArchiveError::Foreign);
        }
        let file: KeysFile = serde_json::from_value(value).map_err(|e| ArchiveError::Shape {
            detail: e.to_string(),
        })?;
        let mut added = 0;
        for known in file.schools {
            let Some(key) = from_hex::<32>(&known.public_key) else {
                return Err(ArchiveError::Shape {
                    detail: format!("неверный ключ школы «{}»", known.name),
                });
            };
            let profile = SchoolProfile {
                name: known.name,
                municipality: known.municipality,
                identifier: known.identifier,
                ..SchoolProfile::default()
            };
            let keys = self.keys.entry(SchoolId::of(&profile)).or_default();
            let hex = to_hex(&key);
            keys.rejected.remove(&hex);
            if keys.trusted.insert(hex) {
                added += 1;
            }
        }
        self.changed();
        Ok(added)
    }
}

/// Short form of a stored key, as shown to the coordinator.
pub fn key_fingerprint(key_hex: &str) -> String {
    from_hex::<32>(key_hex)
        .map(|k| fingerprint(&k))
        .unwrap_or_default()
}

/// A stored workspace before its files are checked again: the decisions
/// are in `archive`, the files wait as (file name, text). The browser checks
/// them between frames like an import; [`Archive::from_json`] does it at once.
pub struct Unpacked {
    pub archive: Archive,
    pub files: Vec<(String, String)>,
}

/// Reads a backup file or the stored decisions.
pub fn unpack(card: Card, text: &str) -> Result<Unpacked, ArchiveError> {
    let value: Value = serde_json::from_str(text).map_err(|_| ArchiveError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ArchiveError::Foreign);
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(SCHEMA) => {}
        Some(schema) if schema > SCHEMA => return Err(ArchiveError::Newer { schema }),
        _ => return Err(ArchiveError::Foreign),
    }
    let file: ArchiveFile = serde_json::from_value(value).map_err(|e| ArchiveError::Shape {
        detail: e.to_string(),
    })?;
    let mut archive = Archive::new(card);
    archive.keys = file.keys;
    archive.reviews = file.reviews;
    archive.letters = file.letters;
    Ok(Unpacked {
        archive,
        files: file.files.into_iter().map(|f| (f.name, f.text)).collect(),
    })
}

#[derive(Serialize, Deserialize)]
struct ArchiveFile {
    format: String,
    schema: u64,
    files: Vec<StoredFile>,
    #[serde(default)]
    keys: BTreeMap<SchoolId, SchoolKeys>,
    #[serde(default)]
    reviews: BTreeMap<String, Review>,
    #[serde(default)]
    letters: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    name: String,
    text: String,
}

impl StoredFile {
    fn of(e: &Entry) -> Self {
        Self {
            name: e.file_name.clone(),
            text: e.text.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct KeysFile {
    format: String,
    format_version: u32,
    schools: Vec<KnownKey>,
}

#[derive(PartialEq, Serialize, Deserialize)]
struct KnownKey {
    name: String,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    identifier: String,
    public_key: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::{SubmissionError, TextError};
    use crate::school::draft::{Draft, RawAnswer};
    use crate::signed::keys::KeyPair;
    use crate::signed::submission::{seal, ExportMeta, Payload};

    /// A school's signed file: `facts` are the fact indicators answered "yes".
    pub(crate) struct Maker {
        pub card: Card,
    }

    impl Maker {
        pub(crate) fn new() -> Self {
            Self {
                card: Card::builtin().unwrap(),
            }
        }

        pub(crate) fn draft(name: &str, period: &str, facts: &[&str]) -> Draft {
            let mut draft = Draft::default();
            draft.profile.name = name.into();
            draft.profile.municipality = "Город".into();
            draft.profile.period = period.into();
            draft.profile.responsible = "Иванова И. И.".into();
            for code in facts {
                draft.answers.insert(
                    (*code).into(),
                    RawAnswer {
                        fact: Some(true),
                        ..RawAnswer::default()
                    },
                );
            }
            draft
        }

        pub(crate) fn file(
            &self,
            draft: &Draft,
            id: &str,
            at: &str,
            key: u8,
            replaces: Option<&str>,
        ) -> String {
            let a = assess(&self.card, draft);
            let meta = ExportMeta {
                submission_id: id.into(),
                created_at: at.into(),
                replaces: replaces.map(Into::into),
            };
            seal(
                &Payload::new(&self.card, draft, &a, meta),
                &KeyPair::from_seed([key; 32]),
            )
        }

        pub(crate) fn checked(&self, name: &str, text: &str) -> Entry {
            check(&self.card, &card_hash(&self.card), name, text.as_bytes()).unwrap()
        }
    }

    fn archive_of(m: &Maker, files: &[(&str, String)]) -> (Archive, Vec<(String, Admission)>) {
        let mut archive = Archive::new(m.card.clone());
        let batch = files.iter().map(|(n, t)| m.checked(n, t)).collect();
        let verdicts = archive.admit_all(batch);
        (archive, verdicts)
    }

    #[test]
    fn bad_files_are_named_and_good_ones_pass() {
        let m = Maker::new();
        let sha = card_hash(&m.card);
        let good = m.file(
            &Maker::draft("СОШ 1", "2025/2026", &["1.8"]),
            "a1",
            "2026-09-01",
            1,
            None,
        );
        assert!(check(&m.card, &sha, "ok.json", good.as_bytes()).is_ok());
        let with_bom = format!("\u{FEFF}{good}");
        assert!(check(&m.card, &sha, "bom.json", with_bom.as_bytes()).is_ok());
        let refused = |bytes: &[u8]| check(&m.card, &sha, "x", bytes).unwrap_err();
        assert_eq!(refused(&[0xff, 0xfe, 0x00]), ImportError::NotText);
        assert_eq!(
            refused(b"hello"),
            ImportError::Submission(SubmissionError::NotJson)
        );
        assert_eq!(
            refused(b"{}"),
            ImportError::Submission(SubmissionError::NotSubmission)
        );
        let altered = good.replacen("СОШ 1", "СОШ 2", 1);
        assert_eq!(
            refused(altered.as_bytes()),
            ImportError::Submission(SubmissionError::SignatureInvalid)
        );
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(matches!(refused(&big), ImportError::TooLarge { .. }));
        let mut other = m.card.clone();
        other.id = "other".into();
        let foreign = check(&other, &card_hash(&other), "x", good.as_bytes()).unwrap_err();
        assert!(matches!(foreign, ImportError::UnknownTemplate { .. }));
        // Signed, but with details the school's form would not let out.
        let huge_name = "Ш".repeat(5_000);
        let hostile = m.file(
            &Maker::draft(&huge_name, "2025/2026", &[]),
            "h",
            "2026-09-01",
            1,
            None,
        );
        assert_eq!(
            refused(hostile.as_bytes()),
            ImportError::BadProfile {
                field: "Полное наименование ОО",
                problem: TextError::TooLong { max: 300 }
            }
        );
        let no_period = m.file(&Maker::draft("СОШ 1", "", &[]), "p", "2026-09-01", 1, None);
        assert!(matches!(
            refused(no_period.as_bytes()),
            ImportError::BadProfile { .. }
        ));
    }

    #[test]
    fn duplicates_corrections_and_newer_files() {
        let m = Maker::new();
        let d = Maker::draft("СОШ 1", "2025/2026", &["1.8"]);
        let first = m.file(&d, "a1", "2026-09-01", 1, None);
        let later = m.file(&d, "a2", "2026-09-05", 1, None);
        let corrected = m.file(&d, "a3", "2026-09-03", 1, Some("a2"));
        let (archive, verdicts) = archive_of(
            &m,
            &[
                ("later", later),
                ("first", first.clone()),
                ("copy", first),
                ("corrected", corrected),
            ],
        );
        let refused: Vec<_> = verdicts
            .iter()
            .filter(|(_, a)| matches!(a, Admission::Refused(_)))
            .map(|(n, _)| n.as_str())
            .collect();
        // "copy" and "first" are the same submission; the first in name order wins.
        assert_eq!(refused, ["first"]);
        let standing = archive.standing();
        assert_eq!(
            standing["a3"],
            Standing::Current,
            "an explicit correction wins even if older"
        );
        assert_eq!(standing["a2"], Standing::Superseded { by: "a3".into() });
        assert_eq!(standing["a1"], Standing::Superseded { by: "a3".into() });
        assert_eq!(archive.current().len(), 1);
    }

    #[test]
    fn a_new_key_is_held_until_the_coordinator_decides() {
        let m = Maker::new();
        let d = Maker::draft("СОШ 1", "2025/2026", &["1.8"]);
        let (mut archive, _) = archive_of(
            &m,
            &[
                ("new-key", m.file(&d, "b2", "2026-09-02", 2, None)),
                ("old-key", m.file(&d, "b1", "2026-09-01", 1, None)),
            ],
        );
        let standing = archive.standing();
        assert_eq!(
            standing["b1"],
            Standing::Current,
            "the earliest file's key is the school's"
        );
        assert_eq!(standing["b2"], Standing::Held);
        let school = archive.entry("b2").unwrap().school.clone();
        let new_key = archive.entry("b2").unwrap().key.clone();
        archive.decide_key(&school, &new_key, true);
        assert_eq!(archive.standing()["b2"], Standing::Current);
        archive.decide_key(&school, &new_key, false);
        assert_eq!(archive.standing()["b2"], Standing::Rejected);
        let again = m.checked("again", &m.file(&d, "b3", "2026-09-04", 2, None));
        assert!(matches!(
            archive.admit(again),
            Admission::Refused(ImportError::RejectedKey { .. })
        ));
    }

    #[test]
    fn claimed_score_is_recomputed() {
        let m = Maker::new();
        let d = Maker::draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let a = assess(&m.card, &d);
        let mut payload = Payload::new(
            &m.card,
            &d,
            &a,
            ExportMeta {
                submission_id: "c1".into(),
                created_at: "2026-09-01".into(),
                replaces: None,
            },
        );
        payload.score.total = 20;
        let text = seal(&payload, &KeyPair::from_seed([3; 32]));
        let honest = m.file(&d, "c2", "2026-09-01", 4, None);
        let (archive, _) = archive_of(&m, &[("lie", text), ("honest", honest)]);
        assert!(archive.entry("c1").unwrap().mismatch);
        assert_eq!(archive.entry("c1").unwrap().assessment.total, 2);
        assert!(!archive.entry("c2").unwrap().mismatch);
    }

    #[test]
    fn a_correction_keeps_the_decisions_about_unchanged_answers() {
        use crate::department::review::{Decision, ReviewStatus};
        let m = Maker::new();
        let first = Maker::draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let (mut archive, _) =
            archive_of(&m, &[("a", m.file(&first, "a1", "2026-09-01", 1, None))]);
        let decide = |archive: &mut Archive, id: &str, code: &str, decision| {
            archive.review_mut(id).indicators.insert(
                code.into(),
                IndicatorReview {
                    decision: Some(decision),
                    comment: "Нет на сайте".into(),
                },
            );
        };
        decide(&mut archive, "a1", "1.8", Decision::NoPoint);
        decide(&mut archive, "a1", "2.1", Decision::Confirm);
        archive.review_mut("a1").checked = true;

        // The school sends a correction: 2.1 changed, 1.8 did not.
        let corrected = Maker::draft("СОШ 1", "2025/2026", &["1.8", "3.1"]);
        archive.admit(m.checked("b", &m.file(&corrected, "b1", "2026-09-05", 1, Some("a1"))));
        assert_eq!(archive.standing()["b1"], Standing::Current);
        assert_eq!(archive.review_source("b1").map(Entry::id), Some("a1"));
        let carried = archive.review("b1");
        assert_eq!(carried.decision("1.8"), Some(Decision::NoPoint));
        assert_eq!(carried.decision("2.1"), None, "its answer changed");
        assert_eq!(
            carried.status(),
            ReviewStatus::InReview,
            "the new file is not checked yet"
        );

        // The first change makes the carried review the file's own.
        archive.review_mut("b1").checked = true;
        assert_eq!(
            archive.reviews["b1"].decision("1.8"),
            Some(Decision::NoPoint)
        );
        assert_eq!(archive.review_source("b1").map(Entry::id), None);

        // A file from another school takes nothing.
        let other = Maker::draft("СОШ 2", "2025/2026", &["1.8", "2.1"]);
        archive.admit(m.checked("c", &m.file(&other, "c1", "2026-09-06", 2, None)));
        assert_eq!(archive.review("c1"), Review::default());
    }

    #[test]
    fn workspace_and_key_list_round_trip() {
        let m = Maker::new();
        let d = Maker::draft("СОШ 1", "2025/2026", &["1.8"]);
        let (mut archive, _) = archive_of(&m, &[("f", m.file(&d, "d1", "2026-09-01", 1, None))]);
        archive.letters.insert("d1".into(), "Письмо".into());
        let (back, problems) = Archive::from_json(m.card.clone(), &archive.to_json()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(back.current().len(), 1);
        assert_eq!(back.letters["d1"], "Письмо");
        // The decisions alone, as the browser stores them beside the files.
        let decisions = unpack(m.card.clone(), &archive.decisions_json()).unwrap();
        assert!(decisions.files.is_empty() && decisions.archive.is_empty());
        assert_eq!(decisions.archive.letters, archive.letters);
        assert_eq!(decisions.archive.keys, archive.keys);
        assert_eq!(
            Archive::from_json(m.card.clone(), "{").unwrap_err(),
            ArchiveError::NotJson
        );
        let newer = archive.to_json().replace("\"schema\":1", "\"schema\":9");
        assert_eq!(
            Archive::from_json(m.card.clone(), &newer).unwrap_err(),
            ArchiveError::Newer { schema: 9 }
        );

        let keys = archive.keys_file();
        let mut fresh = Archive::new(m.card.clone());
        assert_eq!(fresh.load_keys(&keys), Ok(1));
        // With the list loaded, a file signed with another key is held.
        let other = m.checked("o", &m.file(&d, "d2", "2026-09-01", 9, None));
        fresh.admit(other);
        assert_eq!(fresh.standing()["d2"], Standing::Held);
    }
}
