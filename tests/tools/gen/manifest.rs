//! `manifest.json`: what an import should make of every file.

use std::collections::BTreeMap;

use serde::Serialize;

use profkarta_core::card::{Card, Level};
use profkarta_core::school::draft::RawAnswer;
use profkarta_core::school::profile::SchoolLevel;
use profkarta_core::scoring::{assess, Assessment};
use profkarta_core::signed::submission::{card_hash, Payload, TemplateRef};

use profkarta_core::department::verdict::Verdict;

use crate::args::Config;
use crate::files::OutFile;
use crate::MANIFEST_FORMAT;

#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    pub name: String,
    pub bytes: usize,
    /// What the department's import should decide, by the verdict's key.
    #[serde(serialize_with = "verdict_key")]
    pub verdict: Verdict,
    /// What was done to an extra file, for a person reading a failed test.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submission: Option<SubmissionEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubmissionEntry {
    pub submission_id: String,
    pub school: String,
    pub identifier: String,
    /// With `ovz`, what decides which indicators apply.
    pub levels: Vec<SchoolLevel>,
    pub ovz: bool,
    /// The card's own profile questions, as answered.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
    pub period: String,
    pub created_at: String,
    pub fingerprint: String,
    pub template_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    pub claimed: ScoreEntry,
    pub recomputed: ScoreEntry,
    /// As signed, minus comments.
    pub answers: BTreeMap<String, RawAnswer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScoreEntry {
    pub total: u32,
    pub max_applicable: u32,
    pub level: Option<Level>,
}

impl SubmissionEntry {
    pub fn of(card: &Card, payload: &Payload, fingerprint: String) -> Self {
        let recomputed: Assessment = assess(card, &payload.to_draft());
        let answers = payload
            .answers
            .iter()
            .map(|(code, answer)| {
                let answer = RawAnswer {
                    comment: String::new(),
                    ..answer.clone()
                };
                (code.clone(), answer)
            })
            .collect();
        Self {
            submission_id: payload.submission_id.clone(),
            school: payload.profile.name.clone(),
            identifier: payload.profile.identifier.clone(),
            levels: payload.profile.levels.clone(),
            ovz: payload.profile.ovz,
            flags: payload.profile.flags.clone(),
            period: payload.profile.period.clone(),
            created_at: payload.created_at.clone(),
            fingerprint,
            template_id: payload.template.id.clone(),
            replaces: payload.replaces.clone(),
            claimed: ScoreEntry {
                total: payload.score.total,
                max_applicable: payload.score.max_applicable,
                level: payload.score.level,
            },
            recomputed: ScoreEntry {
                total: recomputed.total,
                max_applicable: recomputed.max_applicable,
                level: recomputed.level,
            },
            answers,
        }
    }
}

#[derive(Serialize)]
pub struct ManifestHead<'a> {
    pub format: &'static str,
    pub format_version: u32,
    pub seed: u64,
    pub schools: usize,
    pub periods: Vec<&'a str>,
    pub extras: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub renamed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pad: Option<usize>,
    pub template: TemplateRef,
    pub answers_without_comments: bool,
}

/// The manifest with one line per file: compact for 10 000 files, and a diff
/// between two runs points at the file that changed.
pub fn manifest_text(card: &Card, config: &Config, files: &[OutFile]) -> String {
    let head = ManifestHead {
        format: MANIFEST_FORMAT,
        format_version: 1,
        seed: config.seed,
        schools: config.schools,
        periods: config.periods.iter().map(|p| p.label.as_str()).collect(),
        extras: config.extras,
        renamed: config.renamed,
        pad: config.pad,
        template: TemplateRef {
            id: card.id.clone(),
            version: card.version,
            sha256: card_hash(card),
        },
        answers_without_comments: true,
    };
    let mut text = serde_json::to_string_pretty(&head).expect("the manifest serialises");
    text.truncate(text.len() - "\n}".len());
    text.push_str(",\n  \"files\": [\n");
    let lines: Vec<String> = files
        .iter()
        .map(|f| {
            format!(
                "    {}",
                serde_json::to_string(&f.entry).expect("an entry serialises")
            )
        })
        .collect();
    text.push_str(&lines.join(",\n"));
    text.push_str("\n  ]\n}\n");
    text
}

fn verdict_key<S: serde::Serializer>(verdict: &Verdict, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(verdict.key())
}
