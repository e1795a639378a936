//! The lead's side of a shared review: reviewers, their schools, and the
//! merging of their signed review files into this workspace.
//!
//! Merge rules, per indicator:
//! - the same decision: kept; the reviewers' comments on it stand joined
//!   by «; », each one's newest ([`IndicatorReview::say`]), and the lead's
//!   own decision keeps the lead's words;
//!   another reviewer's is noted as agreeing (`agreed`);
//! - nothing decided here yet, or decided by the same reviewer's earlier
//!   file with no one agreeing: theirs is taken, and another reviewer's
//!   open conflict that now agrees with it is closed; with someone agreeing,
//!   the decision stands as theirs and the change is a conflict;
//! - another decision by someone else: a [`Conflict`]; ours stands until the
//!   lead chooses, seeing both comments. The side the lead did not choose is
//!   remembered, so the same file loaded again does not reopen it.
//!
//! Decisions on schools not assigned to the reviewer, or on files this
//! workspace does not have, are counted and left out. A file made before
//! one of the same reviewer already merged is refused whole: it would take
//! back their later decisions.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::department::archive::reviews::same_answer;
use crate::department::archive::{Archive, Standing};
use crate::department::review::IndicatorReview;
use crate::department::reviewers::{
    open_review, open_reviewer_key, seal_review, split_evenly, Assignment, Reviewer,
};
use crate::department::school::SchoolId;
use crate::error::ReviewerFileError;
use crate::signed::keys::{to_hex, KeyPair};
use crate::text::{by_name, quoted};

/// Two reviewers decided one indicator differently. Ours is what the
/// workspace holds now; `theirs` came with a review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub submission_id: String,
    pub code: String,
    pub theirs: IndicatorReview,
}

/// What merging one review file did, for the lead's log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub reviewer: String,
    /// Decisions taken from the file.
    pub taken: usize,
    /// Decisions the workspace already had.
    pub same: usize,
    pub conflicts: usize,
    /// Conflicts an earlier file of this reviewer opened with the same
    /// decision, still waiting for the lead: the same file loaded twice
    /// read as a new conflict (a walk-through).
    pub still_open: usize,
    /// Decisions the lead already overruled in an earlier conflict.
    pub settled: usize,
    /// Reviews of schools not assigned to this reviewer, left out: the
    /// schools' names, each once, so that the lead can see whether an
    /// assignment changed after it was handed out.
    pub not_assigned: Vec<String>,
    /// Reviews of files this workspace does not have, left out.
    pub missing: usize,
    /// Indicator codes the reviewed file's card does not have, each once:
    /// decisions on them are left out, not kept where nothing shows them.
    pub unknown_codes: Vec<String>,
    /// Decisions of this reviewer's earlier files that this one takes back
    /// («не решено»): undecided again, or their open conflict closed.
    pub withdrawn: usize,
    /// Decisions about a file a later one of its school replaced since (a
    /// correction the reviewer did not have, a new key accepted here),
    /// moved to the file that counts: its answer there is the same.
    pub moved: usize,
    /// The same whose answer the later file changed: left out, and the
    /// schools named, so that the lead sends a new assignment.
    pub outdated: Vec<String>,
    /// Checks this reviewer finished in an earlier file and opened again.
    pub reopened: usize,
    /// Checks this file finished: news, though no decision changed (a
    /// review).
    pub finished: usize,
    /// Comments on indicators the reviewer left undecided: not taken in,
    /// and counted, so that the lead can ask.
    pub notes: usize,
    /// Comments taken in on decisions already in force: a file that only
    /// changed a comment said nothing of it (a walk-through).
    pub comments: usize,
}

impl Merged {
    /// The log's word for the file, and whether anything of it was taken:
    /// «принят» above a file whose every school was left out, or the same
    /// file loaded again, read as news (a walk-through).
    pub fn verdict(&self) -> (&'static str, bool) {
        let changed = self.taken
            + self.conflicts
            + self.withdrawn
            + self.reopened
            + self.finished
            + self.moved
            + self.comments;
        let met = changed + self.same + self.still_open + self.settled;
        let left_out = !self.not_assigned.is_empty()
            || self.missing > 0
            || !self.unknown_codes.is_empty()
            || !self.outdated.is_empty();
        match (changed, met, left_out) {
            (0, 0, true) => ("не принят: ни одно решение из него не принято", false),
            (0, ..) => ("принят, нового нет", true),
            _ => ("принят", true),
        }
    }

    /// «Иванова А. А.: принято решений 12, совпало 3, конфликтов 1; …»
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{}: принято решений {}, совпало {}, конфликтов {}",
            self.reviewer, self.taken, self.same, self.conflicts
        );
        if self.still_open > 0 {
            text.push_str(&format!(
                "; конфликтов, открытых прежним файлом и ещё не разобранных: {}",
                self.still_open
            ));
        }
        if self.withdrawn > 0 {
            text.push_str(&format!(
                "; отозвано проверяющим прежних решений: {}",
                self.withdrawn
            ));
        }
        if self.finished > 0 {
            text.push_str(&format!("; завершено проверок: {}", self.finished));
        }
        if self.reopened > 0 {
            text.push_str(&format!(
                "; проверок, снова открытых проверяющим: {}",
                self.reopened
            ));
        }
        if self.moved > 0 {
            text.push_str(&format!(
                "; решения по прежней выгрузке школы перенесены в новую (ответ тот же): {}",
                self.moved
            ));
        }
        if !self.outdated.is_empty() {
            let names: Vec<String> = self.outdated.iter().map(|n| quoted(n)).collect();
            text.push_str(&format!(
                "; не приняты решения по прежней выгрузке, ответ в новой изменён: {} (пришлите \
                 проверяющему новое задание)",
                names.join(", ")
            ));
        }
        if self.comments > 0 {
            text.push_str(&format!(
                "; изменено комментариев к решениям: {}",
                self.comments
            ));
        }
        if self.notes > 0 {
            text.push_str(&format!(
                "; комментариев без решения (в рабочую область не вносятся, их текст — в файле \
                 проверки): {}",
                self.notes
            ));
        }
        if self.settled > 0 {
            text.push_str(&format!(
                "; отклонённых вами ранее при разборе конфликтов: {}",
                self.settled
            ));
        }
        if !self.not_assigned.is_empty() {
            let names: Vec<String> = self.not_assigned.iter().map(|n| quoted(n)).collect();
            text.push_str(&format!(
                "; не приняты проверки школ, не назначенных этому проверяющему: {}",
                names.join(", ")
            ));
        }
        if self.missing > 0 {
            text.push_str(&format!(
                "; проверки выгрузок, которых нет в этой рабочей области: {} (загрузите выгрузки и файл проверки снова)",
                self.missing
            ));
        }
        if !self.unknown_codes.is_empty() {
            let codes: Vec<String> = self.unknown_codes.iter().map(|c| quoted(c)).collect();
            text.push_str(&format!(
                "; не приняты решения по показателям, которых нет в карте школы: {}",
                codes.join(", ")
            ));
        }
        text.push('.');
        text
    }
}

impl Archive {
    /// Registers the reviewer of a key file; returns their name.
    pub fn add_reviewer(&mut self, text: &str) -> Result<String, ReviewerFileError> {
        let reviewer = self.unknown_key(text)?;
        if let Some(known) = self.reviewers.iter().find(|r| r.name == reviewer.name) {
            return Err(ReviewerFileError::NameTaken {
                name: reviewer.name,
                registered: known.fingerprint.clone(),
                new: reviewer.fingerprint,
            });
        }
        let name = reviewer.name.clone();
        self.reviewers.push(reviewer);
        Ok(name)
    }

    /// The reviewer of a key file whose key is not registered yet.
    fn unknown_key(&self, text: &str) -> Result<Reviewer, ReviewerFileError> {
        let reviewer = open_reviewer_key(text)?;
        match (self.reviewers.iter()).find(|r| r.public_key == reviewer.public_key) {
            Some(known) => Err(ReviewerFileError::KnownKey {
                name: known.name.clone(),
            }),
            None => Ok(reviewer),
        }
    }

    /// A registered reviewer's new key (a new computer, a lost key), from
    /// their key file: their schools and accepted decisions stay, and only
    /// files signed with the new key are read from now on. Returns their
    /// name and the new key's fingerprint.
    pub fn replace_reviewer_key(
        &mut self,
        text: &str,
    ) -> Result<(String, String), ReviewerFileError> {
        let new = self.unknown_key(text)?;
        let reviewer = (self.reviewers.iter_mut())
            .find(|r| r.name == new.name)
            .ok_or_else(|| ReviewerFileError::UnknownReviewer {
                name: new.name.clone(),
                fingerprint: new.fingerprint.clone(),
            })?;
        let old = std::mem::replace(&mut reviewer.public_key, new.public_key);
        reviewer.former_keys.push(old);
        reviewer.fingerprint = new.fingerprint.clone();
        reviewer.forget_files();
        Ok((new.name, new.fingerprint))
    }

    /// A reviewer's side: the assignment in force.
    pub fn assignment(&self) -> Option<&Assignment> {
        self.assignment.as_ref()
    }

    /// Loads the lead's assignment, or drops it: the files it counts for
    /// its schools change which file each counts here.
    pub fn set_assignment(&mut self, assignment: Option<Assignment>) {
        self.assignment = assignment;
        self.changed();
    }

    /// Notes the assignment downloaded for the reviewer it names.
    pub fn assignment_sent(&mut self, assignment: &Assignment) {
        if let Some(r) = (self.reviewers.iter_mut()).find(|r| r.public_key == assignment.public_key)
        {
            r.note_sent(assignment.as_sent());
        }
    }

    pub fn remove_reviewer(&mut self, index: usize) {
        if index < self.reviewers.len() {
            self.reviewers.remove(index);
        }
    }

    /// Gives `school` to the reviewer at `index` for the card and year of
    /// `campaign`, or takes it back. A school may have several reviewers:
    /// a second opinion on a disputed card.
    pub fn assign(&mut self, campaign: (&str, &str), school: &SchoolId, index: usize, on: bool) {
        let Some(reviewer) = self.reviewers.get_mut(index) else {
            return;
        };
        // Nothing to change, nothing written: a year is not pinned to a
        // copy of the old split by a box unticked that was never ticked.
        if reviewer.schools_of(campaign).contains(school) == on {
            return;
        }
        let schools = reviewer.schools_of_mut(campaign);
        match on {
            true => schools.push(school.clone()),
            false => schools.retain(|s| s != school),
        }
    }

    /// Splits `schools` of the card and year of `campaign` evenly among
    /// all reviewers, in the order given.
    pub fn assign_evenly(&mut self, campaign: (&str, &str), schools: &[SchoolId]) {
        let runs = split_evenly(schools, self.reviewers.len());
        for (reviewer, run) in self.reviewers.iter_mut().zip(runs) {
            let theirs = reviewer.schools_of_mut(campaign);
            theirs.retain(|s| !schools.contains(s));
            theirs.extend(run);
        }
    }

    /// The reviewers `school` is assigned to for the card and year of
    /// `campaign`, by index.
    pub fn reviewers_of(&self, campaign: (&str, &str), school: &SchoolId) -> Vec<usize> {
        (0..self.reviewers.len())
            .filter(|&i| (self.reviewers[i].schools_of(campaign)).contains(school))
            .collect()
    }

    /// The reviewer's side: their decisions on the assigned schools of the
    /// assignment's card and year, signed. `None` without an assignment.
    pub fn review_file(&self, key: &KeyPair, now: &str) -> Option<String> {
        let assignment = self.assignment.as_ref()?;
        let reviews = self
            .entries()
            .iter()
            .filter(|e| assignment.covers(e))
            .map(|e| {
                let mut review = self.review(e.id());
                // A workspace restored from the lead's backup holds the
                // lead's and other reviewers' decisions: only this
                // reviewer's own are signed, those made here and those of
                // their earlier files that the lead accepted.
                review
                    .indicators
                    .retain(|_, r| r.made_here() || r.by == assignment.reviewer);
                review.checked_by.clear();
                (e.id().to_owned(), review)
            })
            .filter(|(_, r)| *r != Default::default())
            .collect();
        Some(seal_review(assignment, reviews, key, now))
    }

    /// The reviewer's side: the schools outside the assignment that hold
    /// decisions of theirs, by name in quotes, each once, with the year
    /// where it is another than the assignment's («СОШ № 9» of last year
    /// read as one of the assignment's own, a walk-through). Their file
    /// leaves these out, and the reviewer is told so before sending it.
    pub fn decided_outside(&self) -> Vec<String> {
        let Some(assignment) = self.assignment.as_ref() else {
            return Vec::new();
        };
        let mut names: Vec<String> = (self.entries().iter())
            .filter(|e| !assignment.covers(e))
            .filter(|e| {
                (self.review(e.id()).indicators.values()).any(|r| {
                    // A link opened, a decision taken back: nothing to send.
                    r.made_here() && (r.decision.is_some() || !r.comment.trim().is_empty())
                })
            })
            .map(|e| {
                let name = quoted(e.profile().name.trim());
                match e.period() == assignment.period {
                    true => name,
                    false => format!("{name} за {}", e.period()),
                }
            })
            .collect();
        names.sort_by(|a, b| by_name(a, b));
        names.dedup();
        names
    }

    /// The reviewer's side: their comments on assigned schools' indicators
    /// left «не решено», ««Лицей № 5» (4.1)»: the lead takes decisions,
    /// and such a comment reached nobody without a word (a walk-through).
    pub fn notes_without_decision(&self) -> Vec<String> {
        let Some(assignment) = self.assignment.as_ref() else {
            return Vec::new();
        };
        let mut notes: Vec<(String, Vec<String>)> = (self.entries().iter())
            .filter(|e| assignment.covers(e))
            .filter_map(|e| {
                let codes: Vec<String> = (self.review(e.id()).indicators.iter())
                    .filter(|(_, r)| {
                        r.made_here() && r.decision.is_none() && !r.comment.trim().is_empty()
                    })
                    .map(|(code, _)| code.clone())
                    .collect();
                (!codes.is_empty()).then(|| (e.profile().name.trim().to_owned(), codes))
            })
            .collect();
        notes.sort_by(|a, b| by_name(&a.0, &b.0));
        (notes.into_iter())
            .map(|(name, codes)| format!("{} ({})", quoted(&name), codes.join(", ")))
            .collect()
    }

    /// Merges a reviewer's file. Only files signed by a registered
    /// reviewer's key are read.
    /// Merges a reviewer's file made no later than the day of `now`
    /// (RFC 3339, this computer's clock).
    pub fn merge_review(&mut self, text: &str, now: &str) -> Result<Merged, ReviewerFileError> {
        let file = open_review(text)?;
        let reviewer = self
            .reviewers
            .iter()
            .find(|r| r.public_key == to_hex(&file.public_key))
            .ok_or_else(|| {
                let key = to_hex(&file.public_key);
                match (self.reviewers.iter()).find(|r| r.former_keys.contains(&key)) {
                    Some(now) => ReviewerFileError::ReplacedKey {
                        name: now.name.clone(),
                        old: file.fingerprint.clone(),
                        now: now.fingerprint.clone(),
                    },
                    None => ReviewerFileError::UnknownReviewer {
                        name: file.reviewer.clone(),
                        fingerprint: file.fingerprint.clone(),
                    },
                }
            })?;
        // Days compared as written (both are RFC 3339 dates first).
        if file.made_at.get(..10) > now.get(..10) {
            return Err(ReviewerFileError::Future {
                name: reviewer.name.clone(),
                made_at: file.made_at,
            });
        }
        let campaign = (file.card.clone(), file.period.clone());
        let of_file = (campaign.0.as_str(), campaign.1.as_str());
        if file.made_at.as_str() < reviewer.last_file_of(of_file) {
            return Err(ReviewerFileError::Older {
                name: reviewer.name.clone(),
            });
        }
        // Her schools of the file's year shared out, or its assignment
        // sent, the file is of her work: a late file of last year, once
        // this year's assignment was sent, was refused whole (a review).
        let shared_out = reviewer.split_of(of_file).is_some_and(|s| !s.is_empty());
        let expected = shared_out || reviewer.sent_of(of_file).is_some();
        if let Some(sent) = reviewer.last_sent().filter(|_| !expected) {
            return Err(ReviewerFileError::OtherCampaign {
                name: reviewer.name.clone(),
                file: campaign,
                assigned: (sent.card.clone(), sent.period.clone()),
            });
        }
        let name = reviewer.name.clone();
        let schools = reviewer.schools_of(of_file).to_vec();
        let mut merged = Merged {
            reviewer: name.clone(),
            ..Merged::default()
        };
        let reviewed: BTreeSet<String> = file.reviews.keys().cloned().collect();
        for (id, review) in file.reviews {
            let Some(entry) = self.entry(&id) else {
                merged.missing += 1;
                continue;
            };
            // Assigned are schools of the file's card and year: not their
            // files of another year, whatever the file says of them.
            let of_campaign = entry.card.id == campaign.0 && entry.period() == campaign.1;
            let card = Arc::clone(&entry.card);
            if !schools.contains(&entry.school) || !of_campaign {
                let name = entry.profile().name.trim().to_owned();
                if !merged.not_assigned.contains(&name) {
                    merged.not_assigned.push(name);
                }
                continue;
            }
            // Reviewed as the reviewer had it: a later file of the school
            // may count here now. A decision goes to it where its answer is
            // the same; a finished check is not the later file's. Where her
            // file reviews the later one too, that review is hers now, and
            // the old one's says nothing more.
            let now = self.counting(&id);
            if now.as_ref().is_some_and(|now| reviewed.contains(now)) {
                continue;
            }
            for (code, mut theirs) in review.indicators {
                if card.indicator(&code).is_none() {
                    if !merged.unknown_codes.contains(&code) {
                        merged.unknown_codes.push(code);
                    }
                    continue;
                }
                theirs.by = name.clone();
                match &now {
                    None => self.merge_indicator(&id, &code, theirs, &mut merged),
                    // «Не решено» about the old file takes back nothing of the new.
                    Some(_) if theirs.decision.is_none() => {}
                    Some(now) => {
                        let (Some(old), Some(new)) = (self.entry(&id), self.entry(now)) else {
                            continue;
                        };
                        if same_answer(old, new, &code) {
                            let now = now.clone();
                            let taken = merged.taken;
                            self.merge_indicator(&now, &code, theirs, &mut merged);
                            merged.moved += merged.taken - taken;
                        } else {
                            let school = old.profile().name.trim().to_owned();
                            if !merged.outdated.contains(&school) {
                                merged.outdated.push(school);
                            }
                        }
                    }
                }
            }
            // The credit for a finished check goes to whoever finished it
            // first: not to a second opinion, nor to a reviewer whose file
            // carries a check the lead finished (from the lead's backup).
            if review.checked && now.is_none() && !self.review(&id).checked {
                self.set_checked(&id, true);
                self.review_mut(&id).checked_by = name.clone();
                merged.finished += 1;
            }
            // A check she finished and opened again is open again here: the
            // letter said «по итогам проверки» of a school she went on
            // changing (a walk-through).
            let ours = self.review(&id);
            if !review.checked && now.is_none() && ours.checked && ours.checked_by == name {
                self.set_checked(&id, false);
                merged.reopened += 1;
            }
        }
        if let Some(r) =
            (self.reviewers.iter_mut()).find(|r| r.public_key == to_hex(&file.public_key))
        {
            r.note_file(of_file, file.made_at);
        }
        Ok(merged)
    }

    /// The file that counts in place of `id` when a later one of its school
    /// and year replaced it; `None` when `id` itself stands.
    pub fn counting(&self, id: &str) -> Option<String> {
        let mut now = None;
        // Each step goes to a later file; the bound only guards the loop.
        for _ in 0..self.entries().len() {
            match self.standing_of(now.as_deref().unwrap_or(id)) {
                Some(Standing::Superseded { by }) => now = Some(by.clone()),
                _ => break,
            }
        }
        now
    }

    fn merge_indicator(
        &mut self,
        id: &str,
        code: &str,
        theirs: IndicatorReview,
        merged: &mut Merged,
    ) {
        for link in &theirs.seen {
            self.mark_seen(id, code, link);
        }
        let overruled =
            |c: &Conflict| c.submission_id == id && c.code == code && c.theirs.by == theirs.by;
        let Some(decision) = theirs.decision else {
            merged.notes += usize::from(!theirs.comment.trim().is_empty());
            // «Не решено» in a newer file takes back what this reviewer's
            // earlier file decided: in force, or waiting in a conflict.
            let waiting = self.conflicts.len();
            self.conflicts.retain(|c| !overruled(c));
            let (present, in_force) = (self.review(id).indicators.get(code))
                .map_or((false, false), |ours| {
                    (true, ours.decision.is_some() && ours.by == theirs.by)
                });
            // Left to another reviewer who agreed, or their agreement gone.
            let handed = present && self.indicator_review(id, code).without(&theirs.by);
            if in_force && !handed {
                // Another reviewer's decision waiting against it now
                // stands alone, as it would have in an undecided place.
                let next = (self.conflicts.iter())
                    .position(|c| c.submission_id == id && c.code == code)
                    .map(|at| self.conflicts.remove(at).theirs);
                let ours = self.indicator_review(id, code);
                let seen = std::mem::take(&mut ours.seen);
                *ours = IndicatorReview {
                    seen,
                    ..next.unwrap_or_default()
                };
            }
            if in_force || handed || self.conflicts.len() < waiting {
                merged.withdrawn += 1;
            }
            return;
        };
        if self
            .settled
            .iter()
            .any(|c| overruled(c) && c.theirs.decision == Some(decision))
        {
            merged.settled += 1;
            return;
        }
        // A newer file of the same reviewer replaces their open conflict.
        let open =
            (self.conflicts.iter()).any(|c| overruled(c) && c.theirs.decision == Some(decision));
        self.conflicts.retain(|c| !overruled(c));
        let ours = self.indicator_review(id, code);
        if ours.decision == Some(decision) {
            let before = ours.comment.clone();
            if ours.by != theirs.by && !ours.by.is_empty() && !ours.agreed.contains(&theirs.by) {
                ours.agreed.push(theirs.by.clone());
            }
            let alone = ours.agreed.is_empty() && ours.said.is_empty();
            if ours.by.is_empty() || alone {
                // The lead's own words stand; one reviewer's are replaced
                // by their newer ones.
                if ours.comment.is_empty() || (ours.by == theirs.by && !theirs.comment.is_empty()) {
                    ours.comment = theirs.comment;
                }
            } else {
                // Another reviewer's reason for the same decision, beside
                // ours: a walk-through's second reviewer's was lost.
                ours.say(&theirs.by, &theirs.comment);
            }
            merged.comments += usize::from(ours.comment != before);
            merged.same += 1;
            return;
        }
        // No longer agreeing, whoever it was; changed by the one whose
        // decision another shares, it stands as the other's, against this.
        ours.without(&theirs.by);
        if ours.decision.is_none() || ours.by == theirs.by {
            ours.decision = Some(decision);
            ours.by = theirs.by.clone();
            if !theirs.comment.is_empty() {
                ours.comment = theirs.comment;
            }
            merged.taken += 1;
            // Another reviewer's open conflict that now agrees is no longer one.
            self.conflicts.retain(|c| {
                !(c.submission_id == id && c.code == code && c.theirs.decision == Some(decision))
            });
        } else {
            self.conflicts.push(Conflict {
                submission_id: id.to_owned(),
                code: code.to_owned(),
                theirs,
            });
            match open {
                true => merged.still_open += 1,
                false => merged.conflicts += 1,
            }
        }
    }

    /// The lead's choice in the conflict at `index`: their decision, or ours.
    pub fn resolve(&mut self, index: usize, take_theirs: bool) {
        if index >= self.conflicts.len() {
            return;
        }
        let conflict = self.conflicts.remove(index);
        let overruled = if take_theirs {
            let ours = self.indicator_review(&conflict.submission_id, &conflict.code);
            let seen = std::mem::take(&mut ours.seen);
            let old = std::mem::replace(
                ours,
                IndicatorReview {
                    seen,
                    ..conflict.theirs
                },
            );
            Conflict {
                theirs: old,
                ..conflict
            }
        } else {
            conflict
        };
        // Kept for the report's list of who checked what; only another
        // reviewer's decision can come back in a file and match it.
        self.settled.push(overruled);
    }

    /// What the decisions made in this workspace are signed as, the lead's
    /// own key's `fingerprint` given: a lead who registered this computer's
    /// key as a reviewer, to take a share of the schools, is named, where
    /// the report and the conflicts said «координатор» of the schools the
    /// assignment table gave that name (a walk-through).
    /// A reviewer's page holds the lead's list of reviewers only from the
    /// lead's backup, with its own key in it: it is no coordinator's.
    pub fn coordinator(&self, fingerprint: Option<&str>) -> String {
        let named = match self.assignment {
            Some(_) => None,
            None => (self.reviewers.iter()).find(|r| Some(r.fingerprint.as_str()) == fingerprint),
        };
        match named {
            Some(r) => format!("{} (координатор отдела)", r.name),
            None => "координатор отдела".to_owned(),
        }
    }

    /// Who reviewed a submission: the reviewers of its decisions, and those
    /// whose decisions wait in a conflict or were overruled, and the one
    /// whose file finished its check; "" for this workspace.
    pub fn reviewed_by(&self, submission_id: &str) -> BTreeSet<String> {
        let review = self.review(submission_id);
        let finished = Some(review.checked_by).filter(|by| review.checked && !by.is_empty());
        let decided = (review.indicators.into_values())
            .filter(|r| r.decision.is_some())
            .map(|r| r.by)
            .chain(finished);
        let disputed = self
            .conflicts
            .iter()
            .chain(&self.settled)
            .filter(|c| c.submission_id == submission_id)
            .map(|c| c.theirs.by.clone());
        decided.chain(disputed).collect()
    }
}
