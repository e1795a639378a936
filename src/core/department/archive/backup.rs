//! The whole workspace as one backup file, and the coordinator's decisions
//! (keys, reviews, letters, measures, roster, reviewers) on their own, which the browser stores apart
//! from the files so that a review does not rewrite megabytes.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::department::archive::{
    check, Admission, Archive, Cards, Chosen, Conflict, Entry, Refusal, SchoolKeys,
};
use crate::department::measures::Measure;
use crate::department::own_cards::OwnCards;
use crate::department::review::Review;
use crate::department::reviewers::{Assignment, Reviewer};
use crate::department::roster::Roster;
use crate::department::school::{normalize, SchoolId};
use crate::error::{ArchiveError, ImportError, MergeConflict};
use crate::three_way;

/// 2: a measure may carry `recorded`, which a build of schema 1 cannot
/// read: it stops at «Newer» instead of setting the decisions aside as
/// damaged while it goes on writing its own.
/// 3: an assignment's school may carry `counted`, the lead's choice of its
/// file, which a build of schema 2 cannot read, for the same reason.
/// 4: a school of the list may carry `since` and `until`, the years a card
/// is expected of it, which a build of schema 3 cannot read.
/// 5: a reviewer's schools may be by card and year (`by_campaign`), which
/// a build of schema 4 cannot read.
/// 6: the assignments sent to a reviewer and the dates of their newest
/// files are by card and year too (`sent_by_campaign`, `last_files`),
/// which a build of schema 5 would drop unread.
pub const SCHEMA: u64 = 6;
pub const FORMAT: &str = "profkarta-department";

impl Archive {
    /// The whole workspace as one JSON text, for backup files.
    pub fn to_json(&self) -> String {
        self.serialise(self.entries.iter().map(StoredFile::of).collect())
    }

    /// The coordinator's decisions (keys, reviews, letters, measures, roster) without the
    /// files: the browser stores them apart, so that a review does not
    /// rewrite megabytes of files. [`unpack`] reads it back.
    pub fn decisions_json(&self) -> String {
        self.serialise(Vec::new())
    }

    /// Nothing received and nothing decided: a workspace as a first visit
    /// has it, of which the status line says nothing. A list of schools or
    /// a card draft with no files yet is a workspace all the same (a
    /// review: its reopening said nothing of being saved).
    pub fn is_blank(&self) -> bool {
        self.is_empty() && self.decisions_json() == Self::new(self.cards().clone()).decisions_json()
    }

    fn serialise(&self, files: Vec<StoredFile>) -> String {
        let file = ArchiveFile {
            format: FORMAT.to_owned(),
            schema: SCHEMA,
            files,
            keys: self.keys.clone(),
            reviews: self.reviews.clone(),
            letters: self.letters.clone(),
            letters_from: self.letters_from.clone(),
            measures: self.measures.clone(),
            roster: self.roster.clone(),
            own_cards: self.own.clone(),
            reviewers: self.reviewers.clone(),
            conflicts: self.conflicts.clone(),
            settled: self.settled.clone(),
            assignment: self.assignment.clone(),
            refused: self.refused.clone(),
            chosen: self.chosen.clone(),
        };
        serde_json::to_string(&file).expect("an archive serialises")
    }

    /// Reads a workspace back and files it at once. Every file is verified
    /// again: storage and backups are not trusted more than the files
    /// themselves. Files that no longer pass are reported with the reason,
    /// the rest loads.
    pub fn from_json(
        cards: Cards,
        text: &str,
    ) -> Result<(Self, Vec<(String, ImportError)>), ArchiveError> {
        Ok(Self::filed(unpack(cards, text)?))
    }

    /// An unpacked workspace with its files checked and filed at once, as
    /// the page does in slices.
    pub fn filed(Unpacked { mut archive, files }: Unpacked) -> (Self, Vec<(String, ImportError)>) {
        let mut problems = Vec::new();
        let mut checked = Vec::new();
        for (name, text) in files {
            match check(&archive.cards, &name, text.as_bytes()) {
                Ok(c) => checked.push(c),
                Err(e) => problems.push((name, e)),
            }
        }
        for (name, admission) in archive.admit_all(checked) {
            if let Admission::Refused(e) = admission {
                problems.push((name, e));
            }
        }
        (archive, problems)
    }
}

/// A stored workspace before its files are checked again: the decisions
/// are in `archive`, the files wait as (file name, text). The browser checks
/// them between frames like an import; [`Archive::from_json`] does it at once.
pub struct Unpacked {
    pub archive: Archive,
    pub files: Vec<(String, String)>,
}

/// The files of `now`, the workspace a backup replaces, to keep where the
/// backup could not give its own back (`sent`, the backup's files by name
/// and [`export_number`]; `restored`, what came back): a backup's one
/// damaged file took the good copy with it (a bad-input audit). A damaged
/// file is known by its export number when its text still shows it;
/// otherwise by its name, and only where the workspace has no more files of
/// that name than are missing: a school's original and its correction
/// share one name, and the correction, which the backup never had, came
/// back with it (a review).
pub fn kept_from(
    now: &Archive,
    sent: &[(String, Option<String>)],
    restored: &Archive,
) -> Vec<Entry> {
    let mut kept: Vec<&Entry> = Vec::new();
    let mut missing: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, id) in sent {
        match id {
            Some(id) if restored.entry(id).is_some() => {}
            Some(id) => kept.extend(now.entry(id)),
            None => *missing.entry(name.as_str()).or_default() += 1,
        }
    }
    // A restored file whose number was not seen in its text (written
    // otherwise) is one of those counted by name.
    let seen: BTreeSet<&str> = sent.iter().filter_map(|(_, id)| id.as_deref()).collect();
    for e in restored.entries().iter().filter(|e| !seen.contains(e.id())) {
        if let Some(count) = missing.get_mut(e.file_name.as_str()) {
            *count = count.saturating_sub(1);
        }
    }
    missing.retain(|_, count| *count > 0);
    let taken: BTreeSet<&str> = kept.iter().map(|e| e.id()).collect();
    let mut left: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in now.entries() {
        let name = e.file_name.as_str();
        if missing.contains_key(name) && restored.entry(e.id()).is_none() && !taken.contains(e.id())
        {
            left.entry(name).or_default().push(e);
        }
    }
    for (name, files) in left {
        if files.len() <= missing[name] {
            kept.extend(files);
        }
    }
    kept.into_iter().cloned().collect()
}

/// The export number a file's text shows, whole or cut short:
/// `"submission_id": "…"`. Looked for from the end, where the signed
/// fields put it: every file of a restore is read for it.
pub fn export_number(text: &str) -> Option<String> {
    const FIELD: &str = "\"submission_id\"";
    let after = &text[text.rfind(FIELD)? + FIELD.len()..];
    let value = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    let id = &value[..value.find('"')?];
    let plain = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plain.then(|| id.to_owned())
}

/// This tab's decisions and another tab's ([`Archive::decisions_json`]),
/// each changed since `base`, the text both tabs last read or wrote: what
/// one tab decided and the other did not touch is kept from both
/// ([`three_way`]). `Err` names the parts decided both ways. Files need no
/// merging: a file received is kept whichever tab received it.
pub fn merge_decisions(base: &str, mine: &str, theirs: &str) -> Result<String, MergeConflict> {
    let read = |text: &str| match text {
        // Nothing read yet (a workspace moved over from local storage).
        "" => Ok(Value::Object(Default::default())),
        text => crate::json::parse::<Value>(text).map_err(|_| MergeConflict::Unreadable),
    };
    let (base, mine, theirs) = (read(base)?, read(mine)?, read(theirs)?);
    let mut merged = three_way::merge(&base, &mine, &theirs, &[]).map_err(|both| {
        let parts: BTreeSet<&str> = both.iter().map(|p| part_name(p)).collect();
        MergeConflict::SameFields(parts.into_iter().map(str::to_owned).collect())
    })?;
    one_school_once(&base, &mine, &theirs, &mut merged);
    Ok(merged.to_string())
}

/// A school both tabs added to the list, each in its own spelling
/// («МАОУ «Гимназия № 2»», «МАОУ Гимназия №2»), is listed once, as the
/// other tab's: either tab alone would have refused the second.
fn one_school_once(base: &Value, mine: &Value, theirs: &Value, merged: &mut Value) {
    let schools = |v: &Value| -> Vec<Value> {
        (v.pointer("/roster/schools").and_then(Value::as_array))
            .cloned()
            .unwrap_or_default()
    };
    let name = |s: &Value| normalize(s.get("name").and_then(Value::as_str).unwrap_or(""));
    let was = schools(base);
    let added = |v: &Value| -> Vec<Value> {
        schools(v)
            .into_iter()
            .filter(|s| !was.contains(s))
            .collect()
    };
    let (mine_added, theirs_added) = (added(mine), added(theirs));
    let theirs_names: Vec<String> = theirs_added.iter().map(name).collect();
    let twice: Vec<&Value> = (mine_added.iter())
        .filter(|s| !theirs_added.contains(s) && theirs_names.contains(&name(s)))
        .collect();
    if let Some(list) = merged
        .pointer_mut("/roster/schools")
        .and_then(Value::as_array_mut)
    {
        list.retain(|s| !twice.contains(&s));
    }
}

/// What the coordinator knows a part of the decisions as.
fn part_name(path: &[String]) -> &'static str {
    match path.first().map(String::as_str) {
        Some("keys") => "решения о ключах школ",
        Some("reviews") => "решения проверки",
        Some("letters" | "letters_from") => "письма школам",
        Some("measures") => "меры и решения отдела",
        Some("roster") => "список школ",
        Some("own_cards") => "карты отдела",
        Some("reviewers" | "assignment") => "проверяющие и задание",
        Some("conflicts" | "settled") => "расхождения проверяющих",
        Some("refused") => "непринятые файлы",
        Some("chosen") => "выбор учитываемых файлов",
        _ => "прочие данные рабочей области",
    }
}

/// Reads a backup file or the stored decisions.
pub fn unpack(cards: Cards, text: &str) -> Result<Unpacked, ArchiveError> {
    let value: Value = crate::json::parse(text).map_err(|_| ArchiveError::NotJson)?;
    unpack_value(cards, value)
}

/// [`unpack`] of a backup the user restores, perhaps saved in another
/// browser. A backup without an assignment is a lead's workspace: its own
/// decisions are marked as made there ([`Archive::made_elsewhere`]), so
/// that a reviewer starting from it does not sign them. A reviewer's own
/// backup (with the assignment) keeps them theirs. The workspace's own
/// stored copy is read with [`unpack_value`], unmarked.
pub fn unpack_restored(cards: Cards, text: &str) -> Result<Unpacked, ArchiveError> {
    let mut unpacked = unpack(cards, text)?;
    if unpacked.archive.assignment.is_none() {
        unpacked.archive.made_elsewhere();
    }
    Ok(unpacked)
}

/// The fields of the stored decisions' `text` that [`unpack`] did not
/// read into `archive` (a newer version's, within the same schema): the
/// next save writes over them, so the page keeps the text aside first.
pub fn unread_decisions(text: &str, archive: &Archive) -> Vec<String> {
    let (Ok(read), Ok(kept)) = (
        crate::json::parse::<Value>(text),
        serde_json::from_str::<Value>(&archive.decisions_json()),
    ) else {
        return Vec::new();
    };
    let mut unread = Vec::new();
    crate::json::unread_fields(&read, &kept, "", &mut unread);
    unread
}

/// [`unpack`] for JSON already parsed (local storage hands over values).
pub fn unpack_value(cards: Cards, value: Value) -> Result<Unpacked, ArchiveError> {
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(ArchiveError::other(format));
    }
    match value.get("schema").and_then(Value::as_u64) {
        // Schema 1 differs only by what it lacks, which reads as default.
        Some(1..=SCHEMA) => {}
        Some(schema) if schema > SCHEMA => return Err(ArchiveError::Newer { schema }),
        _ => return Err(ArchiveError::Foreign),
    }
    let file: ArchiveFile =
        crate::json::from_value(value).map_err(|detail| ArchiveError::Shape { detail })?;
    let mut archive = Archive::new(cards);
    archive.keys = file.keys;
    archive.reviews = file.reviews;
    archive.letters = file.letters;
    archive.letters_from = file.letters_from;
    archive.measures = file.measures;
    archive.roster = file.roster;
    archive.reviewers = file.reviewers;
    archive.conflicts = file.conflicts;
    archive.settled = file.settled;
    archive.assignment = file.assignment;
    archive.chosen = file.chosen;
    // Once each and no more than kept: two tabs' merge may have put the
    // same refusal in twice, or gone over the limit.
    archive.note_refused(file.refused);
    // Before the files are checked: some are of the department's own cards.
    archive.set_own(file.own_cards);
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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    letters_from: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    measures: Vec<Measure>,
    #[serde(default, skip_serializing_if = "Roster::is_empty")]
    roster: Roster,
    #[serde(default, skip_serializing_if = "OwnCards::is_empty")]
    own_cards: OwnCards,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reviewers: Vec<Reviewer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<Conflict>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    settled: Vec<Conflict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assignment: Option<Assignment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    refused: Vec<Refusal>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    chosen: BTreeMap<String, Chosen>,
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
            text: e.text.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::measures::{Audience, TargetGroup};
    use crate::testkit::{self, draft};

    /// A backup restored over `workspace` as the page restores one: its
    /// files checked, then what it could not give back kept from the
    /// workspace ([`kept_from`]).
    fn restore(workspace: &Archive, backup: &str) -> Archive {
        let Unpacked { archive, files } = unpack(workspace.cards().clone(), backup).unwrap();
        let sent: Vec<(String, Option<String>)> = (files.iter())
            .map(|(n, t)| (n.clone(), export_number(t)))
            .collect();
        let (mut restored, _) = Archive::filed(Unpacked { archive, files });
        let kept = kept_from(workspace, &sent, &restored);
        restored.admit_all(kept);
        restored.settle();
        restored
    }

    /// `backup` with the text of its files named `name` cut to `keep`
    /// characters at most.
    fn cut(backup: &str, name: &str, keep: usize) -> String {
        let mut value: Value = serde_json::from_str(backup).unwrap();
        for f in value["files"].as_array_mut().unwrap() {
            if f["name"] == name {
                let text: String = f["text"].as_str().unwrap().chars().take(keep).collect();
                f["text"] = Value::String(text);
            }
        }
        value.to_string()
    }

    fn ids(archive: &Archive) -> Vec<&str> {
        let mut ids: Vec<&str> = archive.entries().iter().map(Entry::id).collect();
        ids.sort_unstable();
        ids
    }

    /// A workspace is blank until a file comes or anything is decided: a
    /// list of schools alone, or a card draft, is not.
    #[test]
    fn a_workspace_is_blank_until_something_is_in_it() {
        let card = testkit::card();
        let blank = Archive::new(Cards::new([card.clone()]));
        assert!(blank.is_blank());
        let mut listed = blank.clone();
        listed.roster.add("МБОУ СОШ № 1").unwrap();
        assert!(listed.is_empty() && !listed.is_blank());
        let mut drafted = blank.clone();
        drafted.edit_own(|own| own.start_from(&card, "otdel-2025", || "i1".into()));
        assert!(!drafted.is_blank());
        let mut filed = blank.clone();
        let text = testkit::sign(
            &card,
            &draft("СОШ 1", "2025/2026", &["1.8"]),
            testkit::meta("a1", "2026-09-01", None),
            1,
        );
        filed.admit_all(vec![testkit::entry(&card, "a1", &text)]);
        assert!(!filed.is_blank());
    }

    /// A backup's damaged file: the workspace's good copy is kept, found by
    /// the export number the damaged text still shows, or by its name where
    /// that is not in doubt; a file the backup never had does not come back
    /// (a review: a correction filed under the school's one file name did).
    #[test]
    fn a_restore_keeps_the_good_copy_of_a_damaged_file_and_nothing_else() {
        let card = testkit::card();
        let name = "profkarta_СОШ_1_2025-2026.json";
        let d = draft("СОШ 1", "2025/2026", &[]);
        let original = testkit::sign(
            &card,
            &d,
            testkit::meta("o1", "2026-09-10T08:00:00.000Z", None),
            1,
        );
        let corrected = testkit::sign(
            &card,
            &draft("СОШ 1", "2025/2026", &["1.8"]),
            testkit::meta("c1", "2026-10-05T08:00:00.000Z", Some("o1")),
            1,
        );
        let mut september = Archive::new(Cards::new([card.clone()]));
        september.admit_all(vec![testkit::entry(&card, name, &original)]);
        let mut october = september.clone();
        october.admit_all(vec![testkit::entry(&card, name, &corrected)]);
        // Cut after its number: the original comes back from the workspace.
        let after_number = original[..original.find("\"o1\"").unwrap() + 4]
            .chars()
            .count();
        let kept = restore(&october, &cut(&september.to_json(), name, after_number));
        assert_eq!(ids(&kept), ["o1"]);
        // Cut before it: two files of that name, one missing: which one the
        // backup held cannot be told, and neither is kept.
        assert_eq!(
            ids(&restore(&october, &cut(&september.to_json(), name, 20))),
            Vec::<&str>::new()
        );
        // One of that name, one missing: kept by its name.
        assert_eq!(
            ids(&restore(&september, &cut(&september.to_json(), name, 20))),
            ["o1"]
        );
    }

    /// Namesake schools of two places send files of one name; the backup's
    /// copy of one is damaged before its number: that one is kept from the
    /// workspace beside the other's restored copy (a review: the name came
    /// back with the namesake's file, and the good copy was lost unsaid).
    #[test]
    fn a_restore_keeps_a_namesakes_good_copy() {
        let card = testkit::card();
        let name = "profkarta_МБОУ_СОШ_1_2025-2026.json";
        let a = draft("МБОУ СОШ № 1", "2025/2026", &[]);
        let mut b = draft("МБОУ СОШ № 1", "2025/2026", &["1.8"]);
        b.profile.municipality = "Воткинский район".into();
        let fa = testkit::sign(
            &card,
            &a,
            testkit::meta("a1", "2026-09-10T08:00:00.000Z", None),
            1,
        );
        let fb = testkit::sign(
            &card,
            &b,
            testkit::meta("b1", "2026-09-11T08:00:00.000Z", None),
            2,
        );
        let mut workspace = Archive::new(Cards::new([card.clone()]));
        workspace.admit_all(vec![
            testkit::entry(&card, name, &fa),
            testkit::entry(&card, name, &fb),
        ]);
        let mut value: Value = serde_json::from_str(&workspace.to_json()).unwrap();
        let first = &mut value["files"][0];
        assert!(first["text"].as_str().unwrap().contains("a1"));
        first["text"] = Value::String("{\"format\": \"profkarta-submission\"".into());
        assert_eq!(ids(&restore(&workspace, &value.to_string())), ["a1", "b1"]);
    }

    /// Two tabs: a school placed on the roster in one and a letter edited
    /// in the other are both kept; a letter edited in both is named.
    #[test]
    fn two_tabs_decisions_merge_where_they_differ() {
        let base = testkit::archive(&testkit::card(), &[]);
        let mut mine = base.clone();
        mine.roster.add("СОШ 1").unwrap();
        let mut theirs = base.clone();
        theirs.edit_letter("d1", Some("Правка".into()), "Черновик 1");
        let merge = |mine: &Archive, theirs: &Archive| {
            let text = merge_decisions(
                &base.decisions_json(),
                &mine.decisions_json(),
                &theirs.decisions_json(),
            );
            unpack(base.cards().clone(), &text.unwrap())
                .unwrap()
                .archive
        };
        let merged = merge(&mine, &theirs);
        assert_eq!(merged.letters["d1"], "Правка");
        assert_eq!(merged.roster, mine.roster);
        // The same school added in both, spelt two ways: listed once.
        let (mut a, mut b) = (mine.clone(), theirs.clone());
        a.roster.add("МАОУ Гимназия №2").unwrap();
        a.roster.add("МБОУ СОШ № 5").unwrap();
        b.roster.add("МАОУ «Гимназия № 2»").unwrap();
        let both = merge(&a, &b);
        let names: Vec<&str> = both
            .roster
            .schools
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["МАОУ «Гимназия № 2»", "СОШ 1", "МБОУ СОШ № 5"]);
        mine.edit_letter("d1", Some("Другая правка".into()), "Черновик 1");
        assert_eq!(
            merge_decisions(
                &base.decisions_json(),
                &mine.decisions_json(),
                &theirs.decisions_json()
            ),
            Err(MergeConflict::SameFields(vec!["письма школам".into()]))
        );
    }

    /// A letter edited, then outdated by a decision, then edited again,
    /// stays outdated until it goes back to the draft.
    #[test]
    fn an_edited_letter_knows_the_draft_it_began_from() {
        let mut archive = testkit::archive(&testkit::card(), &[]);
        archive.edit_letter("d1", Some("Правка".into()), "Черновик 1");
        assert!(!archive.letter_outdated("d1", "Черновик 1"));
        assert!(archive.letter_outdated("d1", "Черновик 2"));
        archive.edit_letter("d1", Some("Вторая правка".into()), "Черновик 2");
        assert!(archive.letter_outdated("d1", "Черновик 2"));
        archive.letter_checked("d1", "Черновик 2");
        assert!(!archive.letter_outdated("d1", "Черновик 2"));
        assert_eq!(archive.letters["d1"], "Вторая правка");
        archive.edit_letter("d1", None, "Черновик 2");
        assert!(!archive.letter_outdated("d1", "Черновик 2"));
        assert!(!archive.letters.contains_key("d1"));
        // Not edited: never outdated.
        assert!(!archive.letter_outdated("d2", "Черновик"));
        // Edited before drafts tied «№» to its number: the same words.
        archive.edit_letter("d3", Some("Правка".into()), "СОШ № 2");
        assert!(!archive.letter_outdated("d3", "СОШ №\u{A0}2"));
        assert!(archive.letter_outdated("d3", "СОШ №\u{A0}3"));
    }

    #[test]
    fn workspace_round_trip() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let mut archive = testkit::archive(&card, &[("d1", &d)]);
        archive.edit_letter("d1", Some("Письмо".into()), "Черновик письма");
        for audience in [
            Audience::All,
            Audience::Level(crate::card::Level::Low),
            Audience::Group(TargetGroup::DeputiesUpbringing),
            Audience::Schools(vec![archive.current()[0].school.clone()]),
        ] {
            let mut measure = Measure::blank("card", "2025/2026");
            measure.title = "Семинар".into();
            measure.indicators = vec!["1.1".into()];
            measure.audience = audience;
            archive.measures.push(measure);
        }
        archive.roster.schools = crate::department::roster::from_results(
            &archive.roster,
            &[&crate::department::results::results(
                &archive,
                &card.id,
                "2025/2026",
            )],
            &[],
        );
        archive.roster.deadlines.insert(
            "2025/2026".into(),
            crate::department::roster::Deadlines::seed_003("2025/2026"),
        );
        let cards = || Cards::new([card.clone()]);
        let (back, problems) = Archive::from_json(cards(), &archive.to_json()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(back.current().len(), 1);
        assert_eq!(back.letters["d1"], "Письмо");
        assert!(!back.letter_outdated("d1", "Черновик письма"));
        assert!(back.letter_outdated("d1", "Черновик после проверки"));
        assert_eq!(back.measures, archive.measures);
        assert_eq!(back.roster, archive.roster);
        // The decisions alone, as the browser stores them beside the files.
        let decisions = unpack(cards(), &archive.decisions_json()).unwrap();
        assert!(decisions.files.is_empty() && decisions.archive.is_empty());
        assert_eq!(decisions.archive.letters, archive.letters);
        assert_eq!(decisions.archive.measures, archive.measures);
        assert_eq!(decisions.archive.keys, archive.keys);
        // Read whole: nothing to keep aside. A field of a newer version is
        // named; an empty one says nothing and is not.
        let stored = archive.decisions_json();
        assert_eq!(
            unread_decisions(&stored, &decisions.archive),
            Vec::<String>::new()
        );
        let newer_field = stored.replacen('{', r#"{"future":{"a":1},"empty":"","#, 1);
        let read = unpack(cards(), &newer_field).unwrap();
        assert_eq!(unread_decisions(&newer_field, &read.archive), ["future"]);
        assert_eq!(
            Archive::from_json(cards(), "{").unwrap_err(),
            ArchiveError::NotJson
        );
        let newer = (archive.to_json()).replace(&format!("\"schema\":{SCHEMA}"), "\"schema\":9");
        assert_ne!(newer, archive.to_json());
        assert_eq!(
            Archive::from_json(cards(), &newer).unwrap_err(),
            ArchiveError::Newer { schema: 9 }
        );
        // Said of the record in the browser, not of a picked file.
        let said =
            crate::error::StoredDecisionsError(&ArchiveError::Newer { schema: 9 }).to_string();
        assert!(said.starts_with("Решения отдела (ключи, проверка, письма), сохранённые в этом браузере, записаны более новой версией приложения (схема 9)"), "{said}");
    }
}
