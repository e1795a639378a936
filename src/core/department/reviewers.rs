//! A review shared among several methodists, with no server between them.
//!
//! Three files travel by e-mail or flash drive:
//! - the reviewer's **key file** (`profkarta-reviewer`), signed by the key it
//!   introduces, so the lead registers a key whose holder has shown they
//!   hold it;
//! - the lead's **assignment** (`profkarta-assignment`): which schools are
//!   the reviewer's. It is not signed: it only tells the reviewer where to
//!   look, and the lead takes decisions only on the schools they assigned;
//! - the reviewer's **review file** (`profkarta-review`), their decisions
//!   signed with their key (the envelope of every signed file here).
//!
//! How the lead merges review files is in the archive (`merge`).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::department::archive::{Cards, Chosen, Entry};
use crate::department::review::Review;
use crate::department::school::SchoolId;
use crate::error::{DepartmentFile, Misplaced, ReviewerFile, ReviewerFileError, SubmissionError};
use crate::signed::envelope::{open_value, seal_value, Envelope};
use crate::signed::keys::{to_hex, KeyPair};
use crate::text::{file_stem, is_timestamp, period_stem};

pub const KEY_FORMAT: &str = "profkarta-reviewer";
pub const ASSIGNMENT_FORMAT: &str = "profkarta-assignment";
pub const REVIEW_FORMAT: &str = "profkarta-review";
const VERSION: u64 = 1;
/// The longest reviewer's name a key file may carry.
const MAX_NAME: usize = 200;

/// A reviewer as the lead registered them, with the schools assigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    pub name: String,
    pub public_key: String,
    pub fingerprint: String,
    /// The schools given them before the split was by year: they stand for
    /// every card and year not shared out since ([`Self::schools_of`]).
    #[serde(default, rename = "schools", skip_serializing_if = "Vec::is_empty")]
    pub any_year: Vec<SchoolId>,
    /// Their schools, by card and year: the lead shares each year's out
    /// anew. One split for all years changed last year's when this year's
    /// was made, and a late review file of last year's was then partly
    /// refused (a walk-through).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_campaign: Vec<CampaignSchools>,
    /// When the newest of their review files of each card and year merged
    /// here was made (its `made_at`): an older file of the same year,
    /// loaded after it, would take back their later decisions. One date
    /// for all years refused a late file of last year once one of this
    /// year's was merged (a review).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_files: Vec<LastFile>,
    /// The newest file's date kept before it was by card and year: it
    /// stands for every card and year without its own
    /// ([`Self::last_file_of`]). Which year's it was cannot be told (a
    /// late file of last year was merged after this year's assignment was
    /// sent), so it is not moved to one: a file refused by it is taken
    /// once the reviewer saves it again.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_file: String,
    /// Keys of theirs the lead replaced (a new computer): a file signed with
    /// one is refused as such, not as a stranger's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_keys: Vec<String>,
    /// The assignment the lead last downloaded for them, of each card and
    /// year: once their schools change, the page says it is to be sent
    /// again. One for all years read «не скачано» for last year's once
    /// this year's was downloaded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent_by_campaign: Vec<SentAssignment>,
    /// The one assignment kept before they were by card and year: it
    /// stands for its own card and year while that has none since. Kept as
    /// it was, not converted: two tabs open on the old workspace would each
    /// save the converted form and find the reviewer changed by both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<SentAssignment>,
}

/// When the newest review file of a reviewer's card and year merged was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastFile {
    pub card: String,
    pub period: String,
    pub made_at: String,
}

/// What a reviewer has of one card and year.
trait OfCampaign {
    fn campaign(&self) -> (&str, &str);
}

impl OfCampaign for CampaignSchools {
    fn campaign(&self) -> (&str, &str) {
        (&self.card, &self.period)
    }
}

impl OfCampaign for SentAssignment {
    fn campaign(&self) -> (&str, &str) {
        (&self.card, &self.period)
    }
}

impl OfCampaign for LastFile {
    fn campaign(&self) -> (&str, &str) {
        (&self.card, &self.period)
    }
}

fn position<T: OfCampaign>(list: &[T], campaign: (&str, &str)) -> Option<usize> {
    list.iter().position(|t| t.campaign() == campaign)
}

/// `item` in place of the one of its card and year, or added.
fn put<T: OfCampaign>(list: &mut Vec<T>, item: T) {
    match position(list, item.campaign()) {
        Some(at) => list[at] = item,
        None => list.push(item),
    }
}

/// A reviewer's schools of one card and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSchools {
    pub card: String,
    pub period: String,
    pub schools: Vec<SchoolId>,
}

impl Reviewer {
    /// Their schools of a card (`campaign.0`) in a year (`campaign.1`).
    pub fn schools_of(&self, campaign: (&str, &str)) -> &[SchoolId] {
        self.split_of(campaign).unwrap_or(&self.any_year)
    }

    /// Their schools of the lead's split of that card and year, `None`
    /// while the year is not shared out (the old split stands for it).
    pub fn split_of(&self, campaign: (&str, &str)) -> Option<&[SchoolId]> {
        let at = self.position_of(campaign)?;
        Some(&self.by_campaign[at].schools)
    }

    /// [`Self::schools_of`] to change: a year shared out for the first
    /// time starts from what stood for it.
    pub fn schools_of_mut(&mut self, campaign: (&str, &str)) -> &mut Vec<SchoolId> {
        let at = match self.position_of(campaign) {
            Some(at) => at,
            None => {
                self.by_campaign.push(CampaignSchools {
                    card: campaign.0.to_owned(),
                    period: campaign.1.to_owned(),
                    schools: self.any_year.clone(),
                });
                self.by_campaign.len() - 1
            }
        };
        &mut self.by_campaign[at].schools
    }

    fn position_of(&self, campaign: (&str, &str)) -> Option<usize> {
        position(&self.by_campaign, campaign)
    }

    /// The assignment last downloaded for them of a card and year.
    pub fn sent_of(&self, campaign: (&str, &str)) -> Option<&SentAssignment> {
        let sent = self
            .sent_by_campaign
            .iter()
            .find(|s| s.campaign() == campaign);
        sent.or(self.sent.as_ref().filter(|s| s.campaign() == campaign))
    }

    /// The assignment downloaded for them last, of any card and year.
    pub fn last_sent(&self) -> Option<&SentAssignment> {
        (self.sent_by_campaign.iter().chain(&self.sent)).max_by(|a, b| a.made_at.cmp(&b.made_at))
    }

    /// Notes `sent` downloaded, in place of the one of its card and year.
    pub fn note_sent(&mut self, sent: SentAssignment) {
        put(&mut self.sent_by_campaign, sent);
    }

    /// When the newest of their files of a card and year merged here was
    /// made; empty while none was.
    pub fn last_file_of(&self, campaign: (&str, &str)) -> &str {
        match position(&self.last_files, campaign) {
            Some(at) => &self.last_files[at].made_at,
            None => &self.last_file,
        }
    }

    /// Notes a file of a card and year merged, made at `made_at`.
    pub fn note_file(&mut self, campaign: (&str, &str), made_at: String) {
        let (card, period) = (campaign.0.to_owned(), campaign.1.to_owned());
        let file = LastFile {
            card,
            period,
            made_at,
        };
        put(&mut self.last_files, file);
    }

    /// Forgets the dates of their files: a new key's are dated by
    /// themselves.
    pub fn forget_files(&mut self) {
        self.last_files.clear();
        self.last_file.clear();
    }
}

/// What an assignment file gave a reviewer, as the lead's page keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentAssignment {
    pub card: String,
    pub period: String,
    pub schools: Vec<SchoolId>,
    /// The lead's choices of files the assignment carried, when it carried
    /// any ([`AssignedSchool::counted`]): the file and the one it was chosen
    /// over, since a choice of the same file made again over a newer one
    /// does nothing on a page that holds the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counted: Vec<Chosen>,
    pub made_at: String,
}

/// The assignment the lead would download now, against the one last
/// downloaded for the same card and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sending {
    NotYet,
    Sent {
        made_at: String,
    },
    /// Downloaded at `made_at`, then the reviewer's `schools` changed, or
    /// else the files the lead counts for them.
    Changed {
        made_at: String,
        schools: bool,
    },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyPayload {
    name: String,
    created_at: String,
}

/// The reviewer's key file: their name, signed with the key.
pub fn seal_reviewer_key(name: &str, key: &KeyPair, now: &str) -> String {
    let payload = KeyPayload {
        name: name.trim().to_owned(),
        created_at: now.to_owned(),
    };
    let value = serde_json::to_value(payload).expect("a key file serialises");
    seal_value(KEY_FORMAT, VERSION, value, key)
}

/// «ключ_проверяющего_Иванова_А_А.json»
pub fn reviewer_key_file_name(name: &str) -> String {
    format!("ключ_проверяющего_{}.json", file_stem(name))
}

/// Reads a key file as a reviewer with no schools yet.
pub fn open_reviewer_key(text: &str) -> Result<Reviewer, ReviewerFileError> {
    let envelope = open(text, KEY_FORMAT, ReviewerFile::Key)?;
    let payload: KeyPayload = payload(envelope.payload)?;
    dated(&payload.created_at)?;
    let name = payload.name.trim().to_owned();
    let broken = |detail: String| Err(ReviewerFileError::Broken { detail });
    if name.is_empty() {
        return broken("не указано имя проверяющего".to_owned());
    }
    // A name is a person's: one of thousands of characters stretched the
    // reviewers' table past the page.
    if name.chars().count() > MAX_NAME {
        return broken(format!("имя проверяющего длиннее {MAX_NAME} знаков"));
    }
    Ok(Reviewer {
        name,
        public_key: to_hex(&envelope.public_key),
        fingerprint: envelope.fingerprint,
        any_year: Vec::new(),
        by_campaign: Vec::new(),
        last_files: Vec::new(),
        last_file: String::new(),
        former_keys: Vec::new(),
        sent_by_campaign: Vec::new(),
        sent: None,
    })
}

fn open(text: &str, format: &str, kind: ReviewerFile) -> Result<Envelope, ReviewerFileError> {
    open_value(text, format, VERSION).map_err(|e| match e {
        SubmissionError::NotSubmission => misplaced(text, kind),
        e => e.into(),
    })
}

/// Another of Profkarta's files in the place of a reviewer's file of
/// `kind`, named by its `format`; else not a file of the kind.
fn misplaced(text: &str, kind: ReviewerFile) -> ReviewerFileError {
    let value: Option<serde_json::Value> =
        serde_json::from_str(text.trim_start_matches('\u{FEFF}')).ok();
    let format = value.as_ref().and_then(|v| v.get("format")?.as_str());
    let found = match format {
        Some(crate::signed::submission::FORMAT) => Some(Misplaced::Submission),
        Some(format) => crate::department::own_file(format).map(Misplaced::Own),
        None => None,
    };
    let same = matches!(
        (kind, found),
        (
            ReviewerFile::Key,
            Some(Misplaced::Own(DepartmentFile::ReviewerKey))
        ) | (
            ReviewerFile::Assignment,
            Some(Misplaced::Own(DepartmentFile::Assignment))
        ) | (
            ReviewerFile::Review,
            Some(Misplaced::Own(DepartmentFile::Review))
        )
    );
    match found.filter(|_| !same) {
        Some(found) => ReviewerFileError::Misplaced {
            expected: kind,
            found,
        },
        None => ReviewerFileError::Foreign(kind),
    }
}

/// A file's `made_at` decides which of two files is newer, as text: one
/// that is no date («вчера») would outrank every real one.
fn dated(made_at: &str) -> Result<(), ReviewerFileError> {
    match is_timestamp(made_at) {
        true => Ok(()),
        false => Err(ReviewerFileError::Broken {
            detail: format!("дата файла «{made_at}» не читается как дата"),
        }),
    }
}

fn payload<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, ReviewerFileError> {
    crate::json::from_value(value).map_err(|detail| ReviewerFileError::Broken { detail })
}

/// What the lead gives one reviewer: the schools of one card and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub format: String,
    pub version: u64,
    pub reviewer: String,
    /// The key the lead registered; the reviewer's page checks it is its own.
    pub public_key: String,
    pub fingerprint: String,
    pub card: String,
    pub card_title: String,
    pub period: String,
    pub schools: Vec<AssignedSchool>,
    /// When the lead made the file: a reviewer who loads an older one after
    /// a newer is asked first. Files made before it was written lack it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub made_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignedSchool {
    pub id: SchoolId,
    pub name: String,
    /// The file the lead counts for this school in place of the one the
    /// rules give ([`crate::department::archive::Archive::choose`]): the reviewer's page counts it
    /// too, so that the review is of the file the results go by, not of
    /// the one the lead set aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Chosen>,
}

impl Assignment {
    /// The assignment of `reviewer` for a card and year, made at `now`;
    /// `names` gives the schools' names as the files spell them.
    pub fn new(
        reviewer: &Reviewer,
        card: (&str, &str),
        period: &str,
        names: &BTreeMap<SchoolId, String>,
        now: &str,
    ) -> Self {
        Self {
            format: ASSIGNMENT_FORMAT.to_owned(),
            version: VERSION,
            reviewer: reviewer.name.clone(),
            public_key: reviewer.public_key.clone(),
            fingerprint: reviewer.fingerprint.clone(),
            card: card.0.to_owned(),
            card_title: card.1.to_owned(),
            period: period.to_owned(),
            schools: (reviewer.schools_of((card.0, period)).iter())
                .filter_map(|id| {
                    names.get(id).map(|name| AssignedSchool {
                        id: id.clone(),
                        name: name.clone(),
                        counted: None,
                    })
                })
                .collect(),
            made_at: now.to_owned(),
        }
    }

    /// The lead's choices of files for the assigned schools: `choice`
    /// gives a school's, while it stands
    /// ([`crate::department::archive::Archive::standing_choice`]).
    pub fn counting(mut self, choice: impl Fn(&SchoolId) -> Option<Chosen>) -> Self {
        for school in &mut self.schools {
            school.counted = choice(&school.id);
        }
        self
    }

    /// Whether this assignment was downloaded for its reviewer (`sent`),
    /// and whether their schools, or the files the lead counts for them,
    /// have changed since.
    pub fn sending(&self, sent: Option<&SentAssignment>) -> Sending {
        match sent {
            Some(s) if s.card == self.card && s.period == self.period => {
                let made_at = s.made_at.clone();
                let now = self.as_sent();
                if now.schools != s.schools {
                    Sending::Changed {
                        made_at,
                        schools: true,
                    }
                } else if now.counted != s.counted {
                    Sending::Changed {
                        made_at,
                        schools: false,
                    }
                } else {
                    Sending::Sent { made_at }
                }
            }
            _ => Sending::NotYet,
        }
    }

    /// What the lead's page keeps of this file once downloaded.
    pub fn as_sent(&self) -> SentAssignment {
        SentAssignment {
            card: self.card.clone(),
            period: self.period.clone(),
            schools: self.schools.iter().map(|s| s.id.clone()).collect(),
            counted: (self.schools.iter())
                .filter_map(|s| s.counted.clone())
                .collect(),
            made_at: self.made_at.clone(),
        }
    }

    /// Whether this file was made before `held`, the one in force, of the
    /// same card and year: loading it would take back what the lead changed
    /// since. Last year's assignment, made later or sooner, takes back
    /// nothing of this year's (a walk-through was asked whether to replace
    /// «the new one with the old»).
    pub fn older_than(&self, held: &Self) -> bool {
        self.same_campaign(held)
            && !self.made_at.is_empty()
            && !held.made_at.is_empty()
            && self.made_at < held.made_at
    }

    /// Of the same card and year as `other`.
    pub fn same_campaign(&self, other: &Self) -> bool {
        self.card == other.card && self.period == other.period
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an assignment serialises")
    }

    /// «задание_Иванова_А_А_2025-2026.json»
    pub fn file_name(&self) -> String {
        format!(
            "задание_{}_{}.json",
            file_stem(&self.reviewer),
            period_stem(&self.period)
        )
    }

    /// Reads an assignment meant for the holder of `own` key, of a card
    /// among `cards`: of another, every school read as having sent no file.
    /// A school listed twice (a file edited by hand) counts once.
    pub fn read(text: &str, own: &KeyPair, cards: &Cards) -> Result<Self, ReviewerFileError> {
        let value: serde_json::Value =
            crate::json::parse(text).map_err(|_| ReviewerFileError::NotJson)?;
        if value.get("format").and_then(|f| f.as_str()) != Some(ASSIGNMENT_FORMAT) {
            return Err(ReviewerFileError::Foreign(ReviewerFile::Assignment));
        }
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(VERSION) => {}
            Some(version) => return Err(SubmissionError::UnsupportedVersion { version }.into()),
            None => return Err(ReviewerFileError::Foreign(ReviewerFile::Assignment)),
        }
        let mut assignment: Self = payload(value)?;
        if !assignment.made_at.is_empty() {
            dated(&assignment.made_at)?;
        }
        let mut seen = HashSet::new();
        assignment.schools.retain(|s| seen.insert(s.id.clone()));
        if assignment.public_key != to_hex(&own.public_key()) {
            return Err(ReviewerFileError::OtherKey {
                reviewer: assignment.reviewer,
                assigned: assignment.fingerprint,
                own: own.fingerprint(),
            });
        }
        if cards.latest(&assignment.card).is_none() {
            return Err(ReviewerFileError::UnknownCard {
                title: assignment.card_title,
            });
        }
        Ok(assignment)
    }

    /// Whether `entry` is a file of the assignment: an assigned school's,
    /// of its card and year.
    pub fn covers(&self, entry: &Entry) -> bool {
        entry.card.id == self.card
            && entry.period() == self.period
            && self.schools.iter().any(|s| s.id == entry.school)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewPayload {
    reviewer: String,
    made_at: String,
    card: String,
    period: String,
    /// By submission id: the reviewer and the lead imported the same files.
    reviews: BTreeMap<String, Review>,
}

/// A review file whose signature checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFile {
    pub reviewer: String,
    pub made_at: String,
    pub card: String,
    pub period: String,
    pub reviews: BTreeMap<String, Review>,
    pub public_key: [u8; 32],
    pub fingerprint: String,
}

/// Signs the reviewer's decisions for their assignment.
pub fn seal_review(
    assignment: &Assignment,
    reviews: BTreeMap<String, Review>,
    key: &KeyPair,
    now: &str,
) -> String {
    let payload = ReviewPayload {
        reviewer: assignment.reviewer.clone(),
        made_at: now.to_owned(),
        card: assignment.card.clone(),
        period: assignment.period.clone(),
        reviews,
    };
    let value = serde_json::to_value(payload).expect("a review file serialises");
    seal_value(REVIEW_FORMAT, VERSION, value, key)
}

/// «проверка_Иванова_А_А_2025-2026_03.12.2026_14-05.json» for a file made
/// at `made` («03.12.2026 14:05», local time): each file sent has a name of
/// its own, and the lead, who loads the latest, sees which that is.
pub fn review_file_name(assignment: &Assignment, made: &str) -> String {
    format!(
        "проверка_{}_{}_{}.json",
        file_stem(&assignment.reviewer),
        period_stem(&assignment.period),
        made.trim().replace(' ', "_").replace(':', "-")
    )
}

pub fn open_review(text: &str) -> Result<ReviewFile, ReviewerFileError> {
    let envelope = open(text, REVIEW_FORMAT, ReviewerFile::Review)?;
    let p: ReviewPayload = payload(envelope.payload)?;
    dated(&p.made_at)?;
    Ok(ReviewFile {
        reviewer: p.reviewer,
        made_at: p.made_at,
        card: p.card,
        period: p.period,
        reviews: p.reviews,
        public_key: envelope.public_key,
        fingerprint: envelope.fingerprint,
    })
}

/// `schools` in `n` consecutive runs whose sizes differ by at most one, so
/// that each reviewer gets a block of the list the lead sees.
pub fn split_evenly(schools: &[SchoolId], n: usize) -> Vec<Vec<SchoolId>> {
    if n == 0 {
        return Vec::new();
    }
    let (size, extra) = (schools.len() / n, schools.len() % n);
    let mut rest = schools;
    (0..n)
        .map(|i| {
            let (run, tail) = rest.split_at(size + usize::from(i < extra));
            rest = tail;
            run.to_vec()
        })
        .collect()
}

#[cfg(test)]
mod tests;
