//! The files of a run: one per school and period, the extras (broken,
//! foreign, repeated, corrected…), and writing them out.

use std::path::Path;

use serde_json::Value;

use profkarta_core::card::Card;
use profkarta_core::department::archive::MAX_FILE_BYTES;
use profkarta_core::signed::submission::{file_name, Payload};
use profkarta_core::text::{group_digits, plural};

use crate::answers::Variant;
use crate::args::Config;
use profkarta_core::department::verdict::Verdict;

use crate::manifest::{manifest_text, FileEntry};
use crate::rng::{Rng, Stream};
use crate::schools::{Generator, School};
use crate::signing::{no_tamper, Signed};
use crate::texts::renamed;
use crate::{FOREIGN_CARD_ID, MANIFEST};

pub struct OutFile {
    pub content: Vec<u8>,
    pub entry: FileEntry,
}

impl OutFile {
    pub fn new(name: String, content: Vec<u8>, verdict: Verdict) -> Self {
        let entry = FileEntry {
            name,
            bytes: content.len(),
            verdict,
            note: None,
            submission: None,
        };
        Self { content, entry }
    }

    pub fn signed(name: String, signed: Signed, verdict: Verdict) -> Self {
        let mut file = Self::new(name, signed.text.into_bytes(), verdict);
        file.entry.submission = Some(signed.entry);
        file
    }

    pub fn note(mut self, note: &str) -> Self {
        self.entry.note = Some(note.to_owned());
        self
    }
}

pub struct Output {
    pub files: Vec<OutFile>,
    pub manifest: String,
}

pub fn generate(card: &Card, config: &Config) -> Output {
    let generator = Generator { card, config };
    let schools: Vec<School> = (0..config.schools).map(|i| generator.school(i)).collect();
    let mut files = generator.ordinary(&schools);
    if config.extras {
        let extras = generator.extras(&schools, &mut files);
        files.extend(extras);
    }
    let manifest = manifest_text(card, config, &files);
    Output { files, manifest }
}

impl Generator<'_> {
    /// One accepted submission per school and period, numbered so that names
    /// stay unique and sort before the extras.
    pub fn ordinary(&self, schools: &[School]) -> Vec<OutFile> {
        let mut files = Vec::new();
        for school in schools {
            for period in 0..self.config.periods.len() {
                let school = &self.named_in(school, period);
                let signed = self.submission(school, period, Variant::Ordinary, None, &no_tamper);
                let mut profile = school.profile.clone();
                profile
                    .period
                    .clone_from(&self.config.periods[period].label);
                let name = format!(
                    "{:05}_{}",
                    files.len() + 1,
                    file_name(&profile, &self.card.id)
                );
                files.push(OutFile::signed(name, signed, Verdict::Accepted));
            }
        }
        files
    }

    /// The school as its file of `period` names it: with `--renamed`, a
    /// school without an ИНН has changed its type by the latest period.
    fn named_in(&self, school: &School, period: usize) -> School {
        let mut school = school.clone();
        let latest = period + 1 == self.config.periods.len();
        if self.config.renamed && latest && school.profile.identifier.is_empty() {
            school.profile.name = renamed(&school.profile.name);
        }
        school
    }

    /// The bad and special files, one each. `ordinary` is updated where an
    /// extra changes an ordinary file's fate (the corrected original).
    pub fn extras(&self, schools: &[School], ordinary: &mut [OutFile]) -> Vec<OutFile> {
        let latest = self.config.periods.len() - 1;
        let at = |school: usize, period: usize| school * self.config.periods.len() + period;
        let extra_school = |k: usize| self.school(self.config.schools + k);
        vec![
            OutFile::new(
                "extra-not-json.json".into(),
                "Это не выгрузка, а заметка: отправить карты до 30 сентября.\n".into(),
                Verdict::NotJson,
            ),
            OutFile::new(
                "extra-foreign.json".into(),
                b"{\"hello\": \"world\"}\n".to_vec(),
                Verdict::NotSubmission,
            ),
            altered(&ordinary[at(1, latest)]),
            self.unknown_template(&extra_school(0), latest),
            self.key_changed(&schools[2], latest),
            duplicate(&ordinary[at(3, 0)]),
            self.corrected(&schools[4], latest, &mut ordinary[at(4, latest)]),
            self.score_mismatch(extra_school(1), latest),
            self.too_large(&extra_school(2), latest),
        ]
    }

    pub fn unknown_template(&self, school: &School, period: usize) -> OutFile {
        let tamper = |_: &Card, p: &mut Payload| p.template.id = FOREIGN_CARD_ID.to_owned();
        let signed = self.submission(school, period, Variant::Ordinary, None, &tamper);
        OutFile::signed(
            "extra-unknown-template.json".into(),
            signed,
            Verdict::UnknownTemplate,
        )
        .note("a new school; template.id is another card's, properly signed")
    }

    pub fn key_changed(&self, school: &School, period: usize) -> OutFile {
        let signed = self.submission(school, period, Variant::KeyChanged, None, &no_tamper);
        OutFile::signed("extra-key-changed.json".into(), signed, Verdict::KeyChanged)
            .note("a later submission of an existing school and period, another key")
    }

    pub fn corrected(&self, school: &School, period: usize, original: &mut OutFile) -> OutFile {
        let replaced = original
            .entry
            .submission
            .as_ref()
            .map(|s| s.submission_id.clone());
        // Its first link, as an older form let it through: copied with a
        // zero-width space and a direction override inside, which the
        // department shows by their codes.
        let hide = |_: &Card, p: &mut Payload| {
            let mut links = p.answers.values_mut().map(|a| &mut a.evidence);
            if let Some((evidence, at)) = links.find_map(|e| {
                let path = e.match_indices('/').nth(2)?.0 + 1;
                Some((e, path))
            }) {
                evidence.insert_str(at, "\u{200B}\u{202E}");
            }
        };
        let signed = self.submission(school, period, Variant::Corrected, replaced, &hide);
        original.entry.verdict = Verdict::Superseded;
        original.entry.note = Some("replaced by extra-corrected.json".to_owned());
        OutFile::signed("extra-corrected.json".into(), signed, Verdict::Accepted).note(
            "the school's correction: changed answers, a link with hidden characters, same key, replaces the original",
        )
    }

    /// A school claiming 3 points more than its answers give (fewer only if
    /// its maximum is below 3), with the level to match: the signature is the
    /// school's own, the score is not.
    pub fn score_mismatch(&self, mut school: School, period: usize) -> OutFile {
        let room = self.max_applicable(&school).saturating_sub(3);
        for target in &mut school.targets {
            *target = (*target).min(room);
        }
        let tamper = |card: &Card, p: &mut Payload| {
            let score = &mut p.score;
            score.total = if score.total + 3 <= score.max_applicable {
                score.total + 3
            } else {
                score.total.saturating_sub(3)
            };
            score.level = card.level(score.total, score.max_applicable);
        };
        let signed = self.submission(&school, period, Variant::Ordinary, None, &tamper);
        OutFile::signed(
            "extra-score-mismatch.json".into(),
            signed,
            Verdict::ScoreMismatch,
        )
        .note("a new school; claimed total altered before signing")
    }

    /// A correctly signed submission with a large attachment beside it: only a
    /// size check refuses it, since the file is otherwise well-formed.
    pub fn too_large(&self, school: &School, period: usize) -> OutFile {
        let signed = self.submission(school, period, Variant::Ordinary, None, &no_tamper);
        let mut value: Value = serde_json::from_str(&signed.text).expect("a sealed file parses");
        let mut rng = Rng::stream(self.config.seed, Stream::Attachment, &[]);
        let base64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let content: String = (0..MAX_FILE_BYTES + 64 * 1024)
            .map(|_| char::from(*rng.pick(base64)))
            .collect();
        value["attachment"] = serde_json::json!({
            "name": "Приказ_о_профориентационной_работе.pdf",
            "content_base64": content,
        });
        let text = serde_json::to_string_pretty(&value).expect("a value serialises");
        let mut file = OutFile::signed("extra-too-large.json".into(), signed, Verdict::TooLarge)
            .note("a new school's signed file with a > 2 MiB attachment field");
        file.entry.bytes = text.len();
        file.content = text.into_bytes();
        file
    }
}

/// The file a school edited after export: one share's numerator raised to
/// its denominator (or a fact flipped), so the score would change.
pub fn altered(original: &OutFile) -> OutFile {
    let mut value: Value = serde_json::from_slice(&original.content).expect("a sealed file parses");
    let answers = value["payload"]["answers"]
        .as_object_mut()
        .expect("a payload has answers");
    let mut note = String::new();
    for (code, answer) in answers.iter_mut() {
        let (Some(n), Some(d)) = (answer["numerator"].as_str(), answer["denominator"].as_str())
        else {
            continue;
        };
        if n != d {
            note = format!("{code}: numerator {n} → {d} after signing");
            answer["numerator"] = Value::String(d.to_owned());
            break;
        }
    }
    if note.is_empty() {
        let (code, answer) = answers.iter_mut().next().expect("a payload has an answer");
        let fact = answer["fact"].as_bool().unwrap_or(false);
        note = format!("{code}: fact {fact} → {} after signing", !fact);
        answer["fact"] = Value::Bool(!fact);
    }
    let text = serde_json::to_string_pretty(&value).expect("a value serialises");
    let mut file = OutFile::new(
        "extra-altered.json".into(),
        text.into_bytes(),
        Verdict::Altered,
    );
    file.entry.submission.clone_from(&original.entry.submission);
    file.note(&note)
}

pub fn duplicate(original: &OutFile) -> OutFile {
    let mut file = OutFile::new(
        "extra-duplicate.json".into(),
        original.content.clone(),
        Verdict::Duplicate,
    );
    file.entry.submission.clone_from(&original.entry.submission);
    file.note(&format!("a byte copy of {}", original.entry.name))
}

/// Writes every file and the manifest; returns the bytes of the files (the
/// manifest not counted). Refuses a folder with anything in it: stale files
/// from an earlier run would be imported but missing from the manifest.
pub fn write_output(dir: &Path, output: &Output) -> Result<u64, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| e.to_string())?;
        if entries.next().is_some() {
            return Err("the folder is not empty".to_owned());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut bytes = 0;
    for file in &output.files {
        std::fs::write(dir.join(&file.entry.name), &file.content).map_err(|e| e.to_string())?;
        bytes += file.content.len() as u64;
    }
    std::fs::write(dir.join(MANIFEST), &output.manifest).map_err(|e| e.to_string())?;
    Ok(bytes)
}

pub fn summary(output: &Output, bytes: u64, dir: &Path) -> String {
    let files = output.files.len() as u64;
    let extras = output
        .files
        .iter()
        .filter(|f| f.entry.name.starts_with("extra-"))
        .count() as u64;
    format!(
        "profkarta-gen: в {} записано {files} {} (из них особых: {extras}), {} {}, и {MANIFEST}",
        dir.display(),
        plural(files, "файл", "файла", "файлов"),
        group_digits(bytes),
        plural(bytes, "байт", "байта", "байт"),
    )
}
