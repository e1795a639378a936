//! The signed file a school hands to the department.
//!
//! ```text
//! { "format": "profkarta-submission", "format_version": 1,
//!   "payload": { ...what the school declares... },
//!   "signature": { "algorithm": "Ed25519", "public_key": hex, "fingerprint", "value": hex } }
//! ```
//! The signature covers the canonical bytes of `payload` (see
//! [`crate::signed::canonical`]), so the file may be re-indented or its keys
//! reordered without breaking it, while any change of content does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::{Card, Level};
use crate::error::SubmissionError;
use crate::school::draft::{Draft, RawAnswer};
use crate::school::input::parse_links;
use crate::school::plan::PlanRow;
use crate::school::profile::{canonical_period, SchoolProfile};
use crate::school::stored::StoredDraft;
use crate::scoring::{Assessment, Outcome};
use crate::signed::canonical::canonical_bytes;
use crate::signed::envelope::{self, open_value, seal_value};
use crate::signed::keys::{sha256_hex, KeyPair};
use crate::text::{card_suffix, file_stem, period_stem};

pub const FORMAT: &str = "profkarta-submission";
pub const FORMAT_VERSION: u64 = 1;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything the school declares, exactly as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    pub submission_id: String,
    /// ISO 8601 in UTC, from the school's clock.
    pub created_at: String,
    pub app_version: String,
    pub template: TemplateRef,
    pub profile: SchoolProfile,
    pub answers: BTreeMap<String, RawAnswer>,
    /// The school's own score; the department recomputes it from the answers.
    pub score: ClaimedScore,
    pub incomplete: Incomplete,
    /// The submission this one corrects, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// The school's plan of measures. Left out when empty, so that files
    /// made before plans existed keep their exact signed bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanRow>,
    /// Answers «Следующий год» copied from last year's card that the
    /// school sent without marking them checked, in card order: the
    /// reviewer sees which facts may be last year's. Left out when none,
    /// as the plan is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copied: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the template's canonical JSON: same id and version but
    /// other content is a different card.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimedScore {
    pub total: u32,
    pub max_applicable: u32,
    pub level: Option<Level>,
    pub criteria: BTreeMap<String, CriterionClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionClaim {
    pub points: u32,
    pub max_applicable: u32,
}

/// What was still open when the school exported anyway.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incomplete {
    pub unanswered: Vec<String>,
    pub invalid: Vec<String>,
    /// Points claimed without a single valid evidence link.
    pub without_evidence: Vec<String>,
}

impl Incomplete {
    pub fn of(draft: &Draft, assessment: &Assessment) -> Self {
        let codes = |wanted: &dyn Fn(&Outcome, &str) -> bool| {
            assessment
                .indicators
                .iter()
                .filter(|r| wanted(&r.outcome, &r.code))
                .map(|r| r.code.clone())
                .collect()
        };
        let has_evidence = |code: &str| {
            draft
                .answers
                .get(code)
                .is_some_and(|a| !parse_links(&a.evidence).0.is_empty())
        };
        Self {
            unanswered: codes(&|o, _| matches!(o, Outcome::Unanswered)),
            invalid: codes(&|o, _| matches!(o, Outcome::Invalid)),
            without_evidence: codes(&|o, code| o.points() > 0 && !has_evidence(code)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.unanswered.is_empty() && self.invalid.is_empty() && self.without_evidence.is_empty()
    }
}

/// Identity and clock of one export, supplied by the shell.
pub struct ExportMeta {
    pub submission_id: String,
    pub created_at: String,
    pub replaces: Option<String>,
}

impl Payload {
    pub fn new(card: &Card, draft: &Draft, assessment: &Assessment, meta: ExportMeta) -> Self {
        let mut payload = Self {
            submission_id: meta.submission_id,
            created_at: meta.created_at,
            app_version: APP_VERSION.to_owned(),
            template: TemplateRef {
                id: card.id.clone(),
                version: card.version,
                sha256: card_hash(card),
            },
            profile: draft.profile.clone(),
            answers: draft.answers.clone(),
            score: ClaimedScore {
                total: assessment.total,
                max_applicable: assessment.max_applicable,
                level: assessment.level,
                criteria: assessment
                    .criteria
                    .iter()
                    .map(|c| {
                        let claim = CriterionClaim {
                            points: c.points,
                            max_applicable: c.max_applicable,
                        };
                        (c.code.clone(), claim)
                    })
                    .collect(),
            },
            incomplete: Incomplete::of(draft, assessment),
            replaces: meta.replaces,
            plan: draft.plan.clone(),
            copied: draft.unchecked_copies(card),
        };
        payload.tidy();
        payload.plan.retain(|r| !r.is_blank());
        payload
    }

    /// The profile and the plan as they are shown ([`SchoolProfile::tidied`],
    /// [`PlanRow::tidied`]): what the form signs, and what the department
    /// reads from the files of an older form.
    pub fn tidy(&mut self) {
        self.profile = std::mem::take(&mut self.profile).tidied();
        self.plan = std::mem::take(&mut self.plan)
            .into_iter()
            .map(PlanRow::tidied)
            .collect();
    }

    /// The draft this payload was made from, to continue or correct it.
    pub fn to_draft(&self) -> Draft {
        Draft {
            profile: self.profile.clone(),
            answers: self.answers.clone(),
            plan: self.plan.clone(),
            // Reopened, the answers sent unchecked are still to check.
            copied: self.copied.iter().cloned().collect(),
            ..Draft::default()
        }
    }

    /// A stored draft `id` to correct this export in: its answers under the
    /// card version it was signed for, remembered as this export (signed by
    /// the key `fingerprint`), so that the next export replaces it. A fresh
    /// draft's card is the default one: an Izhevsk export opened in another
    /// browser came up as the 23-point card, its answers nowhere on the page.
    pub fn to_stored(&self, id: String, fingerprint: String, now: &str) -> StoredDraft {
        let card = (self.template.id.as_str(), self.template.version);
        let mut stored = StoredDraft::of_card(id, self.to_draft(), now, card);
        stored
            .meta
            .remember_export(self.submission_id.clone(), &stored.draft, fingerprint);
        stored
    }
}

pub fn card_hash(card: &Card) -> String {
    let value = serde_json::to_value(card).expect("a card serialises");
    sha256_hex(&canonical_bytes(&value).expect("a card has no fractional numbers"))
}

/// Signs a payload and returns the file's text.
pub fn seal(payload: &Payload, key: &KeyPair) -> String {
    let value = serde_json::to_value(payload).expect("a payload serialises");
    seal_value(FORMAT, FORMAT_VERSION, value, key)
}

/// A file whose signature checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub payload: Payload,
    pub public_key: [u8; 32],
    pub fingerprint: String,
}

/// Reads and verifies a submission file. Only a file whose signature matches
/// its content gets through; the fingerprint is recomputed, never trusted.
pub fn open(text: &str) -> Result<Opened, SubmissionError> {
    let envelope = open_value(text, FORMAT, FORMAT_VERSION)?;
    let payload = crate::json::from_value(envelope.payload)
        .map_err(|detail| SubmissionError::Shape { detail })?;
    Ok(Opened {
        payload,
        public_key: envelope.public_key,
        fingerprint: envelope.fingerprint,
    })
}

/// [`open`] of a text that `open` has accepted elsewhere (a worker checks
/// the signatures of a large import): the same result at a fraction of the
/// cost. Anything else gets no guarantee beyond a refusal or a payload.
pub fn open_verified(text: &str) -> Result<Opened, SubmissionError> {
    let envelope = envelope::open_verified(text, FORMAT, FORMAT_VERSION)?;
    Ok(Opened {
        payload: envelope.payload,
        public_key: envelope.public_key,
        fingerprint: envelope.fingerprint,
    })
}

/// "profkarta_МАОУ_СОШ_7_2025-2026.json": readable in a folder of hundreds.
/// A card other than the default one is named after the year
/// ("…_2025-2026_leninsk-kuznetsky.json"): a school filling in two cards
/// for one year saved the second file over the first.
pub fn file_name(profile: &SchoolProfile, card_id: &str) -> String {
    let name = file_stem(&profile.name);
    let period = period_stem(&profile.period);
    let parts: Vec<&str> = ["profkarta", &name, &period]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}{}.json", parts.join("_"), card_suffix(card_id))
}

/// What [`file_name`] wrote into a file's name: the school's name as
/// words and the year, also when a browser or a person added to the name
/// («00028_profkarta_…», «… (1).json»). For a refused file that does not
/// say itself whose it is (cut off, not text), this is all there is.
pub fn named_in_file_name(file: &str) -> Option<(String, Option<String>)> {
    const PREFIX: &str = "profkarta_";
    let rest = &file[file.find(PREFIX)? + PREFIX.len()..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let parts: Vec<&str> = rest[..end].split('_').collect();
    // The year is the last part that reads as one; a card's id may follow.
    let (name, period) = match parts.iter().rposition(|p| canonical_period(p).is_some()) {
        Some(at) => (&parts[..at], canonical_period(parts[at])),
        None => (&parts[..], None),
    };
    let words = name.join(" ");
    (!words.trim().is_empty()).then(|| (words.trim().to_owned(), period))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::scoring::assess;

    use crate::testkit::{self, sample_draft, SAMPLE_AT, SAMPLE_ID, SAMPLE_KEY};

    fn sealed() -> (Payload, String) {
        let (card, draft) = (testkit::card(), sample_draft());
        let meta = testkit::meta(SAMPLE_ID, SAMPLE_AT, None);
        let payload = Payload::new(&card, &draft, &assess(&card, &draft), meta);
        (payload, testkit::sample_file())
    }

    #[test]
    fn round_trip_keeps_everything() {
        let (payload, text) = sealed();
        let opened = open(&text).unwrap();
        assert_eq!(opened.payload, payload);
        assert_eq!(opened.fingerprint, testkit::key(SAMPLE_KEY).fingerprint());
        assert_eq!(opened.payload.score.total, 2);
        assert_eq!(opened.payload.score.max_applicable, 23);
        assert_eq!(opened.payload.score.level, Some(Level::Low));
        assert_eq!(opened.payload.incomplete.without_evidence, ["1.6"]);
        assert_eq!(opened.payload.incomplete.unanswered.len(), 21);
        assert_eq!(opened.payload.plan[0].indicators, ["1.1", "2.1"]);
        assert_eq!(opened.payload.to_draft().plan, sample_draft().plan);
    }

    /// Reopened to correct, an export keeps the card it was signed for: a
    /// draft's default card took an Izhevsk export for the 23-point card.
    #[test]
    fn an_export_reopens_under_its_own_card() {
        let card = crate::card::builtin("izhevsk").unwrap().unwrap();
        let mut draft = Draft::default();
        draft.answers.insert(
            "П-1.1".into(),
            RawAnswer {
                numerator: "987".into(),
                denominator: "1200".into(),
                ..RawAnswer::default()
            },
        );
        let meta = testkit::meta(SAMPLE_ID, SAMPLE_AT, None);
        let payload = Payload::new(&card, &draft, &assess(&card, &draft), meta);
        let stored = payload.to_stored("d1".into(), "9FE8-8DD1".into(), SAMPLE_AT);
        assert_eq!(
            (stored.meta.card.as_str(), stored.meta.card_version),
            ("izhevsk", card.version)
        );
        assert_eq!(stored.draft.answers, draft.answers);
        assert_eq!(stored.meta.replaces.as_deref(), Some(SAMPLE_ID));
        assert_eq!(stored.meta.exported_key.as_deref(), Some("9FE8-8DD1"));
    }

    /// Answers copied by «Следующий год» and sent unchecked are named in
    /// the file, in card order, and marked again when the file is reopened;
    /// a file without them keeps its bytes (no empty field).
    #[test]
    fn unchecked_copies_are_named_in_the_file() {
        let card = testkit::card();
        let mut draft = sample_draft();
        draft.copied = ["2.1".to_owned(), "1.6".to_owned(), "9.9".to_owned()].into();
        let meta = testkit::meta(SAMPLE_ID, SAMPLE_AT, None);
        let payload = Payload::new(&card, &draft, &assess(&card, &draft), meta);
        assert_eq!(payload.copied, ["1.6", "2.1"]);
        assert_eq!(
            payload.to_draft().copied,
            ["1.6".to_owned(), "2.1".to_owned()].into()
        );
        assert!(!testkit::sample_file().contains("\"copied\""));
    }

    #[test]
    fn same_card_same_bytes() {
        assert_eq!(sealed().1, sealed().1);
    }

    #[test]
    fn reformatting_does_not_break_the_signature() {
        let (_, text) = sealed();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let compact = serde_json::to_string(&value).unwrap();
        assert!(open(&compact).is_ok());
    }

    /// Every byte matters now that the declared fingerprint is checked too:
    /// no flip of its lowest bit is accepted, and one inside the
    /// fingerprint is named for what it is.
    #[test]
    fn any_changed_byte_of_the_file_is_refused() {
        let (_, text) = sealed();
        let fingerprint = testkit::key(SAMPLE_KEY).fingerprint();
        let at = text.find(&fingerprint).unwrap();
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            let mut altered = bytes.to_vec();
            altered[i] ^= 0x01;
            let Ok(altered) = String::from_utf8(altered) else {
                continue;
            };
            let refused = open(&altered).expect_err(&format!("byte {i} was accepted"));
            if (at..at + fingerprint.len()).contains(&i) {
                assert_eq!(
                    refused,
                    SubmissionError::FingerprintMismatch {
                        actual: fingerprint.clone()
                    }
                );
            }
        }
    }

    /// The issue's example: serde_json keeps the last of two keys, so the
    /// signature held while a reader keeping the first would show 0.
    #[test]
    fn a_repeated_key_is_refused_though_the_signature_holds() {
        let (_, text) = sealed();
        let twice = text.replacen(
            "\"numerator\": \"30\"",
            "\"numerator\":\"0\",\"numerator\": \"30\"",
            1,
        );
        assert_ne!(twice, text);
        let refused = open(&twice).unwrap_err();
        let path = ["payload", "answers", "1.1", "numerator"].map(String::from);
        assert_eq!(
            refused,
            SubmissionError::DuplicateKey {
                path: path.to_vec()
            }
        );
        assert!(
            refused
                .to_string()
                .starts_with("Поле «payload → answers → 1.1 → numerator» записано в файле дважды"),
            "{refused}"
        );
    }

    #[test]
    fn a_fingerprint_of_another_key_is_refused() {
        let (_, text) = sealed();
        let own = testkit::key(SAMPLE_KEY).fingerprint();
        let other = testkit::key(SAMPLE_KEY + 1).fingerprint();
        let refused = open(&text.replace(&own, &other)).unwrap_err();
        assert_eq!(
            refused,
            SubmissionError::FingerprintMismatch {
                actual: own.clone()
            }
        );
        assert!(refused.to_string().contains(&own), "{refused}");
        // Hex in either case, like the key itself.
        assert!(open(&text.replace(&own, &own.to_lowercase())).is_ok());
    }

    /// The payload is moved out of the parsed file before its envelope is
    /// read: a file without one, or with a field beside it, is refused
    /// naming the field, as when serde read the whole file.
    #[test]
    fn an_envelope_without_its_payload_or_with_more_is_refused_by_name() {
        let (_, text) = sealed();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let map = value.as_object_mut().unwrap();
        let payload = map.remove("payload").unwrap();
        let shape = |value: &serde_json::Value| match open(&value.to_string()) {
            Err(SubmissionError::Shape { detail }) => detail,
            other => panic!("{other:?}"),
        };
        assert_eq!(shape(&value), "нет поля «payload»");
        let map = value.as_object_mut().unwrap();
        map.insert("payload".into(), payload);
        map.insert("note".into(), "без подписи".into());
        assert_eq!(shape(&value), "лишнее поле «note»");
        value.as_object_mut().unwrap().remove("note");
        assert!(open(&value.to_string()).is_ok());
    }

    #[test]
    fn a_changed_answer_is_refused() {
        let (_, text) = sealed();
        let altered = text.replacen("\"30\"", "\"90\"", 1);
        assert_ne!(altered, text);
        assert_eq!(open(&altered), Err(SubmissionError::SignatureInvalid));
    }

    #[test]
    fn other_files_are_named_for_what_they_are() {
        assert_eq!(open("не json"), Err(SubmissionError::NotJson));
        assert_eq!(open("{\"a\":1}"), Err(SubmissionError::NotSubmission));
        let (_, text) = sealed();
        let newer = text.replace("\"format_version\": 1", "\"format_version\": 2");
        assert_eq!(
            open(&newer),
            Err(SubmissionError::UnsupportedVersion { version: 2 })
        );
        let broken_sig = text.replace("\"algorithm\": \"Ed25519\"", "\"algorithm\": \"RSA\"");
        assert_eq!(
            open(&broken_sig),
            Err(SubmissionError::BadEncoding { field: "algorithm" })
        );
    }

    #[test]
    fn template_hash_changes_with_content() {
        let card = crate::testkit::card();
        let mut changed = card.clone();
        changed.title.push('!');
        assert_ne!(card_hash(&card), card_hash(&changed));
        assert_eq!(card_hash(&card).len(), 64);
    }

    #[test]
    fn file_names_are_readable() {
        let draft = sample_draft();
        assert_eq!(
            file_name(&draft.profile, DEFAULT_CARD),
            "profkarta_МАОУ_СОШ_7_2025-2026.json"
        );
        assert_eq!(
            file_name(&SchoolProfile::default(), DEFAULT_CARD),
            "profkarta.json"
        );
        let named = |file: &str| named_in_file_name(file);
        let both = |name: &str, year: &str| Some((name.to_owned(), Some(year.to_owned())));
        assert_eq!(
            named(&file_name(&draft.profile, DEFAULT_CARD)),
            both("МАОУ СОШ 7", "2025/2026")
        );
        // Another card's file is told apart by its id, and read back alike.
        let other = file_name(&draft.profile, "leninsk-kuznetsky");
        assert_eq!(
            other,
            "profkarta_МАОУ_СОШ_7_2025-2026_leninsk-kuznetsky.json"
        );
        assert_eq!(named(&other), both("МАОУ СОШ 7", "2025/2026"));
        assert_eq!(
            named("00028_profkarta_МАОУ_Гимназия_14_2025-2026 (1).json"),
            both("МАОУ Гимназия 14", "2025/2026")
        );
        assert_eq!(
            named("profkarta_Лицей.json"),
            Some(("Лицей".to_owned(), None))
        );
        for nothing in ["profkarta.json", "карта.json", "profkarta_2025-2026.json"] {
            assert_eq!(named(nothing), None, "{nothing}");
        }
    }
}
