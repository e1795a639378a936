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
//!
//! - [`check`]: one file on its own;
//! - `keys`: the schools' keys as the coordinator decided, and the key list file;
//! - `standing`: which submission counts;
//! - `reviews`: the coordinator's review, carried over to a correction;
//! - `backup`: the workspace as one file, and the decisions stored apart.

mod backup;
mod cards;
mod check;
mod keys;
mod merge;
mod refused;
mod reviews;
mod standing;

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::card::Card;
use crate::department::measures::Measure;
use crate::department::own_cards::OwnCards;
use crate::department::review::Review;
use crate::department::reviewers::{Assignment, Reviewer};
use crate::department::roster::{Owners, Roster, RosterSchool};
use crate::department::school::SchoolId;
use crate::error::{CardFileError, ImportError, PublishError};
use crate::signed::card_file::SiteEntry;
use crate::signed::keys::KeyPair;

pub use backup::{
    export_number, kept_from, merge_decisions, unpack, unpack_restored, unpack_value,
    unread_decisions, Unpacked, FORMAT as BACKUP_FORMAT,
};
pub use cards::{Cards, KnownCard};
pub use check::{
    check, check_verified, claim_difference, claimed_school, verifies, Claim, Entry, MAX_FILE_BYTES,
};
pub use keys::{KeysLoaded, KEYS_FORMAT};

impl crate::error::ArchiveError {
    /// Why a file of `format` is not the one a button loads: the
    /// department's other file, or a school's export, is sent to its own
    /// button.
    fn other(format: Option<&str>) -> Self {
        match format {
            Some(BACKUP_FORMAT) => Self::Backup,
            Some(KEYS_FORMAT) => Self::KeyList,
            Some(crate::signed::submission::FORMAT) => Self::Submission,
            Some(crate::signed::keys::KEY_FILE_FORMAT) => Self::KeyBackup,
            _ => Self::Foreign,
        }
    }
}
pub use keys::{key_fingerprint, KeyState, SchoolKeys};
pub use merge::{Conflict, Merged};
pub use refused::{Refusal, Resent};
pub use reviews::Carried;
pub use standing::{Chosen, Standing};

/// The order a batch is filed in: oldest first, so that the first key a
/// school ever used is the one it is known by, whatever order the files were
/// picked in.
pub fn oldest_first(batch: Vec<Entry>) -> Vec<Entry> {
    fn key(c: &Entry) -> (&str, &str) {
        (&c.opened.payload.created_at, &c.file_name)
    }
    // The order is sorted, not the entries: an entry is large, and a sort
    // moves each one many times.
    let mut order: Vec<usize> = (0..batch.len()).collect();
    order.sort_by(|&a, &b| key(&batch[a]).cmp(&key(&batch[b])));
    let mut batch: Vec<Option<Entry>> = batch.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| batch[i].take()).collect()
}

/// A card file loaded ([`Archive::load_card_file`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedCard {
    pub card: Card,
    /// Not known here before: loaded again, a file changes nothing.
    pub new: bool,
    /// The number the department's draft of that card was given, when the
    /// file took its number.
    pub draft_renumbered: Option<u32>,
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
    cards: Cards,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    keys: BTreeMap<SchoolId, SchoolKeys>,
    /// Where each entry stands, in the order of `entries`. Every view asks
    /// after every change, so it is worked out once per change of the
    /// entries or the keys (see [`Archive::changed`]).
    standings: OnceLock<Vec<Standing>>,
    pub reviews: BTreeMap<String, Review>,
    /// Recommendation letters as the coordinator edited them, by submission
    /// id ([`Archive::letter`]).
    letters: BTreeMap<String, String>,
    /// The drafted text each edited letter started from: a draft of today
    /// that differs means the school's data moved on since the edit.
    letters_from: BTreeMap<String, String>,
    /// Municipal measures and management decisions, in the order recorded.
    pub measures: Vec<Measure>,
    /// The municipality's schools and each campaign's deadlines.
    pub roster: Roster,
    /// The department's own cards; the published ones are also in `cards`.
    own: OwnCards,
    /// The lead's side of a shared review: the reviewers and their schools.
    pub reviewers: Vec<Reviewer>,
    /// Decisions of two reviewers that disagree, waiting for the lead.
    pub conflicts: Vec<Conflict>,
    /// The sides the lead did not choose in resolved conflicts.
    pub settled: Vec<Conflict>,
    /// A reviewer's side: the schools the lead gave this workspace, and
    /// the files the lead counts for them ([`Archive::set_assignment`]).
    assignment: Option<Assignment>,
    /// Files refused at import, latest last ([`Refusal`]).
    refused: Vec<Refusal>,
    /// Files the coordinator counts in place of the one the rules give,
    /// by school, card and year ([`Archive::choose`]).
    chosen: BTreeMap<String, Chosen>,
}

impl Archive {
    pub fn new(cards: Cards) -> Self {
        Self {
            cards,
            entries: Vec::new(),
            by_id: HashMap::new(),
            keys: BTreeMap::new(),
            standings: OnceLock::new(),
            reviews: BTreeMap::new(),
            letters: BTreeMap::new(),
            letters_from: BTreeMap::new(),
            measures: Vec::new(),
            roster: Roster::default(),
            own: OwnCards::default(),
            reviewers: Vec::new(),
            conflicts: Vec::new(),
            settled: Vec::new(),
            assignment: None,
            refused: Vec::new(),
            chosen: BTreeMap::new(),
        }
    }

    /// The coordinator's text of the letter of `id`, where she edited it
    /// ([`Archive::edit_letter`]).
    pub fn letter(&self, id: &str) -> Option<&String> {
        self.letters.get(self.letter_source(id)?)
    }

    /// The file whose edited letter is the letter of `id`: its own, or the
    /// latest other file of its school and year with one. The school's
    /// corrected export, which the letter itself asks for (the plan added),
    /// left the edit behind on the file it replaced, out of reach
    /// (a walk-through).
    fn letter_source<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if self.letters.contains_key(id) {
            return Some(id);
        }
        let chain = self.renamed_chain(self.entry(id)?);
        // The edits are few; the entries are many.
        (self.letters.keys())
            .filter_map(|other| self.entry(other))
            .filter(|e| chain.iter().any(|c| c.same_slot(e)))
            .max_by_key(|e| e.made())
            .map(Entry::id)
    }

    /// The coordinator's text of the letter of `id`, drafted as `drafted`;
    /// `None` goes back to the draft, for every file of the school's year.
    pub fn edit_letter(&mut self, id: &str, text: Option<String>, drafted: &str) {
        match text {
            Some(text) => {
                // An edit carried from another file keeps the draft it began
                // from: the data may have moved on since.
                let from = (self.letter_source(id))
                    .and_then(|source| self.letters_from.get(source))
                    .cloned()
                    .unwrap_or_else(|| drafted.to_owned());
                self.letters.insert(id.to_owned(), text);
                self.letters_from.entry(id.to_owned()).or_insert(from);
            }
            None => {
                while let Some(source) = self.letter_source(id).map(str::to_owned) {
                    self.letters.remove(&source);
                    self.letters_from.remove(&source);
                }
            }
        }
    }

    /// Whether the edited letter of `id` began from another draft than
    /// today's `drafted`: review decisions, measures or the card changed
    /// what the letter would say, and the edited text does not know it.
    /// Spaces alone are no change of what it says: drafts tie «№» to its
    /// number with a no-break space since 2026-12, and letters edited
    /// before that are not outdated for it.
    pub fn letter_outdated(&self, id: &str, drafted: &str) -> bool {
        let words = |text: &str| text.replace('\u{A0}', " ");
        (self.letter_source(id))
            .and_then(|source| self.letters_from.get(source))
            .is_some_and(|from| words(from) != words(drafted))
    }

    /// The coordinator compared the edited letter of `id` with today's
    /// draft: it is up to date with `drafted` from now on.
    pub fn letter_checked(&mut self, id: &str, drafted: &str) {
        if let Some(text) = self.letter(id).cloned() {
            self.letters.insert(id.to_owned(), text);
            self.letters_from.insert(id.to_owned(), drafted.to_owned());
        }
    }

    pub fn cards(&self) -> &Cards {
        &self.cards
    }

    pub fn own_cards(&self) -> &OwnCards {
        &self.own
    }

    /// Changes the department's drafts (create, edit, remove); publishing
    /// and loading go through [`Archive::publish`] and
    /// [`Archive::load_card_file`], which also make the card known.
    pub fn edit_own<T>(&mut self, change: impl FnOnce(&mut OwnCards) -> T) -> T {
        change(&mut self.own)
    }

    fn set_own(&mut self, mut own: OwnCards) {
        own.read_from_files();
        for card in own.published() {
            self.cards.add(card.clone());
        }
        self.own = own;
    }

    /// Publishes the draft at `index` in the name of the department.
    /// `on_site` is what the department's website lists (`cards/index.json`):
    /// a version there that this browser lacks was published on another
    /// computer, and a second card under its number would leave schools
    /// filling in two different cards of one number.
    pub fn publish(
        &mut self,
        index: usize,
        key: &KeyPair,
        now: &str,
        on_site: &[SiteEntry],
    ) -> Result<(), PublishError> {
        if let Some(draft) = self.own.get(index).filter(|c| c.is_draft()) {
            let card = &draft.card;
            let elsewhere = (on_site.iter()).find(|e| e.id == card.id && e.version == card.version);
            if let Some(entry) =
                elsewhere.filter(|_| self.cards.get(&card.id, card.version).is_none())
            {
                return Err(PublishError::OnSite {
                    title: card.title.clone(),
                    version: card.version,
                    file: entry.file.clone(),
                });
            }
        }
        let card = self.own.publish(index, key, now)?;
        self.cards.add(card);
        Ok(())
    }

    /// Starts the next version of the card `base` as a draft, numbered after
    /// the latest version of that card here or on the department's website
    /// (`on_site`), whichever version it is based on: a draft numbered like
    /// a published version could never be published.
    pub fn next_version(
        &mut self,
        base: &Card,
        on_site: &[SiteEntry],
        new_id: impl FnMut() -> String,
    ) -> usize {
        let version = self.free_version(&base.id, on_site).max(base.version + 1);
        self.own.next_version(base, version, new_id)
    }

    /// The first number after every known version of the card `id`.
    fn free_version(&self, id: &str, on_site: &[SiteEntry]) -> u32 {
        let here = self.cards.latest(id).map_or(0, |c| c.version);
        let site = on_site.iter().filter(|e| e.id == id).map(|e| e.version);
        site.fold(here, u32::max) + 1
    }

    /// [`OwnCards::load_file`]; `own` is the fingerprint of this
    /// department's key, when it has one. Loaded again, a file changes
    /// nothing, which the page says. A draft of that card under the loaded
    /// version's number (or an earlier one) could never be published: it
    /// takes the next free number, here and on the website (`on_site`).
    /// `another_key`: the question of [`CardFileError::AnotherKeysVersion`]
    /// was answered yes.
    pub fn load_card_file(
        &mut self,
        text: &str,
        own: Option<&str>,
        on_site: &[SiteEntry],
        another_key: bool,
    ) -> Result<LoadedCard, CardFileError> {
        let card = self.own.load_file(text, own, &self.cards, another_key)?;
        let new = self.cards.get(&card.id, card.version).is_none();
        self.cards.add(card.clone());
        let free = self.free_version(&card.id, on_site);
        let draft_renumbered = self.own.renumber_draft(&card.id, free);
        Ok(LoadedCard {
            card,
            new,
            draft_renumbered,
        })
    }

    /// How many files in the workspace were filled in by this version of the
    /// card `id`: every year's, superseded and held ones too, since the
    /// question is whether the version is in use.
    pub fn submissions_of(&self, id: &str, version: u32) -> usize {
        self.entries
            .iter()
            .filter(|e| e.card.id == id && e.card.version == version)
            .count()
    }

    /// The ids of the cards that have files counted, the card of most
    /// files first (the one the department's pages open on), ties in the
    /// order of the known cards. In that order alone, one school's file on
    /// the built-in card turned a department of 27 files on its own card
    /// to a rating of one school (a walk-through); by the latest year's
    /// files, one school's early file of next year did (a review).
    pub fn cards_present(&self) -> Vec<&str> {
        let mut counted: Vec<(&str, usize)> = Vec::new();
        for e in self.current() {
            match counted.iter_mut().find(|(id, _)| *id == e.card.id) {
                Some((_, n)) => *n += 1,
                None => counted.push((&e.card.id, 1)),
            }
        }
        let known = |id: &str| self.cards.iter().position(|c| c.id == id);
        counted.sort_by_key(|&(id, n)| (Reverse(n), known(id).unwrap_or(usize::MAX)));
        counted.into_iter().map(|(id, _)| id).collect()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The list of schools replaced with `schools`, each keeping its years
    /// and the files placed with the school it stands for
    /// ([`Roster::replace_schools`]).
    pub fn replace_roster(&mut self, schools: Vec<RosterSchool>) {
        self.roster.replace_schools(schools, &self.entries);
        self.place_renamed();
    }

    /// Places with the list's school of the file it corrects each
    /// correction in which the school renamed itself
    /// ([`Self::renamed_from`]) and which the list finds under no name: the
    /// school said which file it corrects, and the list's row went «не
    /// сдана» while the file waited to be placed. Again until nothing more
    /// is placed: a correction of a correction is placed once the first
    /// is. Not while the school of the corrected file counts a file of its own
    /// again: then they are two schools after all (the import line asks the
    /// first to send again), and such a placing goes. Called after the
    /// files or the list change.
    pub fn place_renamed(&mut self) {
        if self.roster.schools.is_empty() {
            return;
        }
        loop {
            let (placed, unplaced) = self.renamed_placings();
            if placed.is_empty() && unplaced.is_empty() {
                return;
            }
            for school in unplaced {
                self.roster.linked.remove(&school);
            }
            for (school, name) in placed {
                self.roster.place(school, &name);
            }
        }
    }

    /// What [`Self::place_renamed`] would change once: the placings to
    /// make, and those to take back.
    fn renamed_placings(&self) -> (Vec<(SchoolId, String)>, Vec<SchoolId>) {
        let owners = Owners::new(&self.roster);
        let schools = &self.roster.schools;
        let (mut placed, mut unplaced) = (Vec::new(), Vec::new());
        let renamed = (self.entries.iter())
            .filter(|e| e.opened.payload.replaces.is_some())
            .filter_map(|e| Some((e, self.renamed_from(e.id())?)));
        for (e, old) in renamed {
            let [row] = owners.of(&old.school, old.profile())[..] else {
                continue;
            };
            let name = &schools[row].name;
            if self.slot_counts(old) {
                if self.roster.linked.get(&e.school) == Some(name) {
                    unplaced.push(e.school.clone());
                }
            } else if owners.of(&e.school, e.profile()).is_empty() {
                placed.push((e.school.clone(), name.clone()));
            }
        }
        (placed, unplaced)
    }

    pub fn entry(&self, submission_id: &str) -> Option<&Entry> {
        self.by_id.get(submission_id).map(|&i| &self.entries[i])
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Files a batch of checked submissions, oldest first (see
    /// [`oldest_first`]).
    pub fn admit_all(&mut self, batch: Vec<Entry>) -> Vec<(String, Admission)> {
        self.admit_in_order(oldest_first(batch))
    }

    /// Files submissions in the order given, each with its file's name. A
    /// large batch, put [`oldest_first`], can be filed a slice at a time.
    pub fn admit_in_order(
        &mut self,
        entries: impl IntoIterator<Item = Entry>,
    ) -> Vec<(String, Admission)> {
        let admitted = entries
            .into_iter()
            .map(|checked| (checked.file_name.clone(), self.admit(checked)))
            .collect();
        self.place_renamed();
        admitted
    }

    pub fn admit(&mut self, entry: Entry) -> Admission {
        let id = entry.id().to_owned();
        if let Some(existing) = self.entry(&id) {
            if existing.opened != entry.opened {
                let of_file = existing.file_name.clone();
                let claim = claimed_school(entry.text.as_bytes()).map(Box::new);
                return Admission::Refused(ImportError::IdTaken { of_file, claim });
            }
            // The same folder picked again: the name would only repeat
            // the file's own, beside it in the table.
            let of_file =
                (existing.file_name != entry.file_name).then(|| existing.file_name.clone());
            return Admission::Refused(ImportError::Duplicate { of_file });
        }
        // A file of a key the coordinator rejected is kept, not counted
        // (its standing says so): the stored workspace reopens with it, and
        // the rejection can be taken back.
        let keys = self.keys.entry(entry.school.clone()).or_default();
        if keys.trusted.is_empty() && keys.rejected.is_empty() {
            keys.trusted.insert(entry.key.clone());
        }
        self.by_id.insert(id.clone(), self.entries.len());
        self.entries.push(entry);
        self.changed();
        Admission::Filed { submission_id: id }
    }

    /// Entries or keys changed: standings are worked out again when asked.
    fn changed(&mut self) {
        self.standings.take();
    }
}
