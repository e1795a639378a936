//! Which submission of a school and period counts: derived from the entries
//! and the keys on demand, never stored, so a late correction or a key
//! accepted later changes the results without rewriting anything.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::department::archive::{Archive, Entry, KeyState};
use crate::department::school::{is_identifier, normalize, SchoolId};
use crate::school::profile::canonical_period;
use crate::text::{date_ru, plural};

/// One submission counts per school, card and period: another card's file
/// of the same year is another monitoring.
type Slot<'a> = (&'a SchoolId, &'a str, &'a str);

/// The key of the coordinator's choice in a slot ([`Archive::choose`]).
fn slot_key((school, card, period): Slot) -> String {
    format!("{}|{card}|{period}", school.as_str())
}

impl Entry {
    fn slot(&self) -> Slot<'_> {
        (&self.school, &self.card.id, self.period())
    }

    /// Another file of the same school, card and year (a correction or a
    /// later export).
    pub fn same_slot(&self, other: &Entry) -> bool {
        self.slot() == other.slot()
    }

    /// Whether `correction`, which names this file as the one it corrects,
    /// replaces it: a file of its own slot, or one of the same card and
    /// year under another name signed with the same key: the school
    /// renamed itself in the correction. Without an ИНН a school is its
    /// name, and both files counted («участвовали 20» where 19 did, a
    /// walk-through). A school that kept one draft into the next year, or
    /// onto another card, names its earlier file, but that file still
    /// counts for its own year.
    /// A correction under another name that gives an ИНН is another
    /// school's: the school's page asks whether a renamed school is the
    /// same only without one, and one deputy head keeping two schools' cards
    /// in one browser gave the second school's ИНН in a draft made from the
    /// first's (a review: the first school's card was lost).
    fn corrected_by(&self, correction: &Entry) -> bool {
        let renamed = || {
            let (was, now) = (self.profile(), correction.profile());
            normalize(&was.name) == normalize(&now.name) || !is_identifier(&now.identifier)
        };
        self.same_slot(correction)
            || (self.card.id == correction.card.id
                && self.period() == correction.period()
                && self.key == correction.key
                && renamed())
    }

    /// Which of two files of a slot is the newer: the moment the school
    /// made it, then its id, so that two of one moment still have an order.
    pub(crate) fn made(&self) -> (&str, &str) {
        (&self.opened.payload.created_at, self.id())
    }

    /// The slot as the coordinator's choices are kept under it: one key a
    /// school's year, so that two tabs choosing two files of it meet at
    /// that key and are asked about, not both kept.
    fn slot_key(&self) -> String {
        slot_key(self.slot())
    }

    /// What the review and the letter say of a newer file of theirs that
    /// waits for a decision on its key ([`Archive::newer_held`]).
    pub fn held_note(&self) -> String {
        format!(
            "У школы есть более новый файл {}, подписанный новым ключом. Пока ключ не принят, \
             результаты, проверка и письмо — по этому файлу. Примите или отклоните ключ на \
             вкладке «Загрузка файлов», в блоке «Новые ключи подписи».",
            self.named()
        )
    }

    /// The file as the coordinator tells it from the school's other files
    /// of the year: its name, the day it was made, its total (on a card
    /// with points) and its plan, «…» от 05.09.2026: итог 15 из 23, в
    /// плане 2 мероприятия».
    pub fn told_apart(&self) -> String {
        let mut parts = Vec::new();
        if self.card.has_points() {
            parts.push(format!(
                "итог {} из {}",
                self.assessment.total, self.assessment.max_applicable
            ));
        }
        parts.push(match self.opened.payload.plan.len() {
            0 => "без плана мероприятий".to_owned(),
            n => format!(
                "в плане {n} {}",
                plural(n as u64, "мероприятие", "мероприятия", "мероприятий")
            ),
        });
        format!("{}: {}", self.named(), parts.join(", "))
    }

    /// What the letter's page says of this file, set aside by the
    /// coordinator's choice of another ([`Archive::chosen_over`]): the
    /// letter goes to the school, which sent this one last.
    pub fn set_aside_note(&self) -> String {
        format!(
            "Учитывается файл, выбранный отделом на вкладке «Проверка», а не {}: результаты и \
             письмо — по выбранному.",
            self.named()
        )
    }

    /// «file.json» от 05.09.2026.
    fn named(&self) -> String {
        format!(
            "«{}» от {}",
            self.file_name,
            date_ru(&self.opened.payload.created_at)
        )
    }
}

/// The coordinator's choice in a school's year ([`Archive::choose`]): the
/// file that counts, and the one the rules gave, which it was made over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chosen {
    pub file: String,
    pub over: String,
}

/// Where a received submission stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The submission that counts for its school and period.
    Current,
    /// Another submission of the same school and period counts instead: a
    /// newer one, a correction of this one, or one the coordinator chose.
    Superseded {
        by: String,
    },
    Held,
    Rejected,
}

impl Archive {
    /// Where the submission `id` stands; `None` when it is not filed. Among
    /// the trusted submissions of one school and period, one that another
    /// replaces explicitly never counts; of the rest the latest created
    /// counts, unless the coordinator chose another over it
    /// ([`Archive::choose`]).
    pub fn standing_of(&self, id: &str) -> Option<&Standing> {
        self.by_id.get(id).map(|&i| &self.standings()[i])
    }

    /// Works out where every entry stands now rather than when first asked,
    /// so that a large import can do it in a task of its own.
    pub fn settle(&self) {
        self.standings();
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
            .filter_map(|e| {
                let old = e.opened.payload.replaces.as_deref()?;
                let corrects = self.entry(old).is_none_or(|o| o.corrected_by(e));
                corrects.then_some((old, e.id()))
            })
            .collect();
        // Each entry's slot as a number, so that the slot of ten thousand
        // entries is hashed once each, not at every look-up.
        let mut numbers: HashMap<Slot, usize> = HashMap::with_capacity(self.entries.len());
        let slots: Vec<usize> = self
            .entries
            .iter()
            .map(|e| {
                let next = numbers.len();
                *numbers.entry(e.slot()).or_insert(next)
            })
            .collect();
        let newer = |a: &Entry, b: &Entry| a.made() > b.made();
        let mut best: Vec<Option<&Entry>> = vec![None; numbers.len()];
        for ((e, state), &slot) in self.entries.iter().zip(&states).zip(&slots) {
            if *state != KeyState::Trusted || replaced.contains_key(e.id()) {
                continue;
            }
            if best[slot].is_none_or(|b| newer(e, b)) {
                best[slot] = Some(e);
            }
        }
        // The coordinator's choice stands while the file it was made over
        // would count: a file that came after it counts again. On a
        // reviewer's page the lead's choices come first, so that the
        // reviewer's own is made over them.
        for Chosen { file, over } in self.lead_choices().chain(self.chosen.values()) {
            let (Some(&c), Some(&o)) = (self.by_id.get(file), self.by_id.get(over)) else {
                continue;
            };
            let trusted = states[c] == KeyState::Trusted;
            if trusted && slots[c] == slots[o] && best[slots[c]].is_some_and(|b| b.id() == over) {
                best[slots[c]] = Some(&self.entries[c]);
            }
        }
        self.entries
            .iter()
            .zip(states)
            .zip(slots)
            .map(|((e, state), slot)| match state {
                KeyState::Held => Standing::Held,
                KeyState::Rejected => Standing::Rejected,
                KeyState::Trusted => match best[slot] {
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

    /// Whether a file of the slot of `entry` counts now.
    pub(crate) fn slot_counts(&self, entry: &Entry) -> bool {
        (self.with_standings()).any(|(e, s)| *s == Standing::Current && e.same_slot(entry))
    }

    /// The files of the school and year of `of`'s slot, by its slot: `of`
    /// and the files of other names it corrects, one after another
    /// ([`Self::renamed_from`]), so that a renamed school's check and
    /// letter go on with its correction (a review: they stayed behind).
    pub(crate) fn renamed_chain<'a>(&'a self, of: &'a Entry) -> Vec<&'a Entry> {
        let mut chain = vec![of];
        // A chain of renames is short; a loop in it is not followed round.
        while let (true, Some(old)) = (
            chain.len() < 8,
            self.renamed_from(chain[chain.len() - 1].id()),
        ) {
            chain.push(old);
        }
        chain
    }

    /// The file of another school's name that the file `id` corrects: the
    /// school renamed itself in its correction ([`Entry::corrected_by`]).
    pub fn renamed_from(&self, id: &str) -> Option<&Entry> {
        let entry = self.entry(id)?;
        let old = self.entry(entry.opened.payload.replaces.as_deref()?)?;
        (old.school != entry.school && old.corrected_by(entry)).then_some(old)
    }

    /// Another file of the same school and year that corrects the same
    /// earlier file as `id` does: the school corrected one export twice
    /// from two copies (its first export picked again a year later), and
    /// only the later counts, whichever holds what the school meant.
    pub fn rival_correction(&self, id: &str) -> Option<&Entry> {
        let entry = self.entry(id)?;
        let old = entry.opened.payload.replaces.as_deref()?;
        let trusted = |e: &Entry| self.key_state(&e.school, &e.key) == KeyState::Trusted;
        (self.entries.iter())
            .filter(|e| e.id() != id && e.same_slot(entry) && trusted(e))
            .find(|e| e.opened.payload.replaces.as_deref() == Some(old))
    }

    /// The coordinator counts the file `id` of its school and year in
    /// place of the one that would count by the rules (a school's later
    /// export from the wrong draft, say), until a file newer than that one
    /// comes. One choice per school and year: an earlier one gives way.
    /// Nothing more when `id` would count anyway or is not a trusted file.
    pub fn choose(&mut self, id: &str) {
        let Some(key) = self.entry(id).map(Entry::slot_key) else {
            return;
        };
        // Made over the file the rules give, not over an earlier choice:
        // over that one it would never apply.
        if self.chosen.remove(&key).is_some() {
            self.changed();
        }
        let Some(Standing::Superseded { .. }) = self.standing_of(id) else {
            return;
        };
        let Some(over) = self.counting(id) else {
            return;
        };
        let file = id.to_owned();
        self.chosen.insert(key, Chosen { file, over });
        self.changed();
    }

    /// The coordinator's choice of `id` ([`Self::choose`]) gives way: the
    /// file the rules give counts again.
    pub fn unchoose(&mut self, id: &str) {
        let Some(key) = self.entry(id).map(Entry::slot_key) else {
            return;
        };
        if self.chosen.get(&key).is_some_and(|c| c.file == id) {
            self.chosen.remove(&key);
            self.changed();
        }
    }

    /// The file that the coordinator's choice of `id` sets aside, while it
    /// does: this workspace's choice, or on a reviewer's page the lead's.
    pub fn chosen_over(&self, id: &str) -> Option<&Entry> {
        self.choice_of(id)
            .and_then(|(chosen, _)| self.entry(&chosen.over))
    }

    /// Whether `id` counts by the lead's choice, carried by a reviewer's
    /// assignment: the reviewer's page says so and has no button to take
    /// it back.
    pub fn lead_chose(&self, id: &str) -> bool {
        self.choice_of(id).is_some_and(|(_, lead)| lead)
    }

    /// This workspace's own choice in the slot of `id`, made before the
    /// assignment came, while the lead's choice of `id` counts instead: a
    /// reviewer's page says it waits, where it went unsaid (a review).
    pub fn own_choice_waiting(&self, id: &str) -> Option<&Entry> {
        let own = (self.choice_in_slot_of(id)).filter(|c| c.file != id && self.lead_chose(id))?;
        // Only a choice that would count again: one made over a file a
        // newer one has since replaced has lapsed (a review).
        let latest = self.latest_by_rules(id)?;
        (latest.id() == own.over).then(|| self.entry(&own.file))?
    }

    /// The file of the slot of `id` that counts by the rules alone, with no
    /// choice made: the latest trusted file no correction replaced.
    fn latest_by_rules(&self, id: &str) -> Option<&Entry> {
        let entry = self.entry(id)?;
        let in_slot: Vec<&Entry> = (self.with_standings())
            .filter(|(e, s)| {
                e.same_slot(entry) && !matches!(s, Standing::Held | Standing::Rejected)
            })
            .map(|(e, _)| e)
            .collect();
        let replaced = |e: &Entry| {
            (in_slot.iter()).any(|x| x.opened.payload.replaces.as_deref() == Some(e.id()))
        };
        // The first of the newest, as the standings take it.
        (in_slot.iter().copied())
            .filter(|e| !replaced(e))
            .fold(None, |best: Option<&Entry>, e| match best {
                Some(b) if e.made() <= b.made() => Some(b),
                _ => Some(e),
            })
    }

    /// The choice by which `id` counts, while it does, and whether it is
    /// the lead's rather than this workspace's own.
    fn choice_of(&self, id: &str) -> Option<(&Chosen, bool)> {
        let own = (self.chosen.get(&self.entry(id)?.slot_key())).filter(|c| c.file == id);
        let chosen = match own {
            Some(own) => (own, false),
            None => (self.lead_choices().find(|c| c.file == id)?, true),
        };
        (self.standing_of(id) == Some(&Standing::Current)).then_some(chosen)
    }

    fn lead_choices(&self) -> impl Iterator<Item = &Chosen> {
        let schools = self.assignment.iter().flat_map(|a| &a.schools);
        schools.filter_map(|s| s.counted.as_ref())
    }

    /// The coordinator's choice of a file of `school`'s year on `card`,
    /// while it stands: an assignment carries it to the reviewer.
    pub fn standing_choice(&self, school: &SchoolId, card: &str, period: &str) -> Option<Chosen> {
        let chosen = self.chosen.get(&slot_key((school, card, period)))?;
        self.chosen_over(&chosen.file)?;
        Some(chosen.clone())
    }

    /// The file the coordinator chose in the slot of `id` and the one it
    /// was chosen over, whether or not the choice stands now.
    pub fn choice_in_slot_of(&self, id: &str) -> Option<&Chosen> {
        self.chosen.get(&self.entry(id)?.slot_key())
    }

    /// The other trusted files of the school, card and year of `id`,
    /// latest first: the ones the coordinator may count instead.
    pub fn slot_files(&self, id: &str) -> Vec<&Entry> {
        let Some(entry) = self.entry(id) else {
            return Vec::new();
        };
        let mut files: Vec<&Entry> = (self.with_standings())
            .filter(|(e, _)| e.id() != id && e.same_slot(entry))
            .filter(|(_, s)| matches!(s, Standing::Current | Standing::Superseded { .. }))
            .map(|(e, _)| e)
            .collect();
        files.sort_by(|a, b| b.made().cmp(&a.made()));
        files
    }

    /// A file of the school and year of `id`, made later, that waits for
    /// the coordinator's decision on its new key: until then the results,
    /// the review and the letter go by `id`, which a walk-through's letter
    /// did unsaid.
    pub fn newer_held(&self, id: &str) -> Option<&Entry> {
        let entry = self.entry(id)?;
        (self.with_standings())
            .filter(|(e, s)| **s == Standing::Held && e.same_slot(entry) && e.made() > entry.made())
            .map(|(e, _)| e)
            .max_by(|a, b| a.made().cmp(&b.made()))
    }

    /// Every entry with where it stands, in filing order.
    pub fn with_standings(&self) -> impl Iterator<Item = (&Entry, &Standing)> {
        self.entries.iter().zip(self.standings())
    }

    /// The submissions that count, of every period.
    pub fn current(&self) -> Vec<&Entry> {
        self.with_standings()
            .filter(|(_, s)| **s == Standing::Current)
            .map(|(e, _)| e)
            .collect()
    }

    /// The version of the card `card_id` the period's counted files were
    /// filled in (the latest, should a period mix versions); `None` when the
    /// period has none.
    pub fn period_card(
        &self,
        card_id: &str,
        period: &str,
    ) -> Option<std::sync::Arc<crate::card::Card>> {
        self.current()
            .into_iter()
            .filter(|e| e.card.id == card_id && e.period() == period)
            .max_by_key(|e| e.card.version)
            .map(|e| std::sync::Arc::clone(&e.card))
    }

    /// Academic years with counted files of the card `card_id`, oldest
    /// first ("2024/2025" before "2025/2026").
    pub fn periods(&self, card_id: &str) -> Vec<String> {
        let mut periods: Vec<String> = self
            .current()
            .iter()
            .filter(|e| e.card.id == card_id)
            .map(|e| e.period().to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        periods.sort_by_key(|p| (crate::school::profile::parse_period(p).ok(), p.clone()));
        periods
    }

    /// The titles of the cards other than `card_id` that counted files of
    /// `period` were filled on, once each.
    pub fn other_cards_in(&self, card_id: &str, period: &str) -> Vec<String> {
        let Some(year) = canonical_period(period) else {
            return Vec::new();
        };
        let mut titles: Vec<String> = Vec::new();
        for e in self.current() {
            if e.card.id != card_id
                && canonical_period(e.period()).as_ref() == Some(&year)
                && !titles.contains(&e.card.title)
            {
                titles.push(e.card.title.clone());
            }
        }
        titles
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::{Admission, Cards};
    use crate::testkit::{self, draft, entry, meta, sign};

    /// The coordinator's edit of a letter is the letter of the school's
    /// year: the correction the letter asks for (the plan added) keeps it,
    /// and says whether the data moved on since; going back to the draft
    /// goes back for the year; another school's or year's is its own.
    #[test]
    fn an_edited_letter_follows_the_school_s_correction() {
        let card = testkit::card();
        let (first, plan) = (
            draft("СОШ 1", "2025/2026", &["1.8"]),
            draft("СОШ 1", "2025/2026", &["1.8", "2.1"]),
        );
        let other = draft("СОШ 2", "2025/2026", &["1.8"]);
        let file = |id: &str, d, at, replaces| {
            entry(&card, id, &sign(&card, d, meta(id, at, replaces), 1))
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("a1", &first, "2026-09-01", None),
            file("b1", &other, "2026-09-01", None),
        ]);
        archive.edit_letter("a1", Some("ВАЖНО: ответ до 15.11.".into()), "Черновик 1");
        archive.admit_all(vec![file("a2", &plan, "2026-09-08", Some("a1"))]);
        assert_eq!(archive.standing_of("a2"), Some(&Standing::Current));
        assert_eq!(
            archive.letter("a2").map(String::as_str),
            Some("ВАЖНО: ответ до 15.11.")
        );
        assert_eq!(archive.letter("b1"), None);
        assert!(!archive.letter_outdated("a2", "Черновик 1"));
        assert!(
            archive.letter_outdated("a2", "Черновик 2"),
            "the data moved on"
        );
        // Edited further, it keeps the draft it began from.
        let mut edited = archive.clone();
        edited.edit_letter("a2", Some("ВАЖНО: ответ до 20.11.".into()), "Черновик 2");
        assert!(edited.letter_outdated("a2", "Черновик 2"));
        edited.letter_checked("a2", "Черновик 2");
        assert!(!edited.letter_outdated("a2", "Черновик 2"));
        // Checked as it stands, it is the new file's own.
        let mut checked = archive.clone();
        checked.letter_checked("a2", "Черновик 2");
        assert_eq!(
            checked.letter("a2").map(String::as_str),
            Some("ВАЖНО: ответ до 15.11.")
        );
        assert!(!checked.letter_outdated("a2", "Черновик 2"));
        // Back to the draft for the year: neither file's edit comes back.
        checked.edit_letter("a2", None, "Черновик 2");
        assert_eq!(checked.letter("a2"), None);
        assert_eq!(checked.letter("a1"), None);
        // Kept in the stored decisions.
        let (reopened, _) =
            Archive::from_json(Cards::new([card.clone()]), &archive.to_json()).unwrap();
        assert_eq!(
            reopened.letter("a2").map(String::as_str),
            Some("ВАЖНО: ответ до 15.11.")
        );
    }

    /// A school without an ИНН renamed itself in its correction: the
    /// correction replaces its file and is placed with its row of the
    /// list, and the import lines say so; the same under another key is
    /// another school, and both count.
    #[test]
    fn a_correction_under_a_new_name_replaces_the_file_it_names() {
        use crate::department::roster::{counts, statuses, RosterSchool};
        use crate::department::verdict::explanation;
        let card = testkit::card();
        let period = "2025/2026";
        let file = |name: &str, id: &str, replaces: Option<&str>, seed| {
            let d = draft(name, period, &["1.8"]);
            let at = "2026-09-0".to_owned() + if replaces.is_some() { "8" } else { "1" };
            let mut e = entry(&card, "x", &sign(&card, &d, meta(id, &at, replaces), seed));
            e.file_name = format!("{id}.json");
            e
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.roster.schools = ["МБОУ СОШ № 5", "Гимназия"]
            .map(|name| RosterSchool {
                name: name.into(),
                ..RosterSchool::default()
            })
            .into();
        archive.admit_all(vec![
            file("МБОУ СОШ № 5", "a1", None, 1),
            file("Гимназия", "g1", None, 2),
        ]);
        archive.admit_all(vec![file("МАОУ «Лицей № 5»", "a2", Some("a1"), 1)]);
        assert_eq!(
            archive.standing_of("a1"),
            Some(&Standing::Superseded { by: "a2".into() })
        );
        assert_eq!(archive.current().len(), 2);
        let rows = statuses(&archive.roster, &archive, &card.id, period, "2026-09-10");
        assert_eq!(counts(&rows), "сдали 2 из 2");
        assert_eq!(rows[0].filed_as.as_deref(), Some("МАОУ «Лицей № 5»"));
        assert!(archive
            .roster
            .unplaced(&archive, &card.id, period)
            .is_empty());
        let said = |id: &str| {
            explanation(
                &archive,
                &Admission::Filed {
                    submission_id: id.into(),
                },
            )
        };
        assert_eq!(
            said("a1"),
            "МБОУ СОШ № 5, 2025/2026: заменён исправлением «a2.json», в котором школа указала \
             наименование «МАОУ „Лицей № 5“»."
        );
        assert_eq!(
            said("a2"),
            "МАОУ «Лицей № 5», 2025/2026. Исправляет файл «a1.json» школы «МБОУ СОШ № 5»: школа \
             сменила наименование, учитывается этот файл. Если это две разные школы, попросите \
             школу «МБОУ СОШ № 5» выгрузить свою карту заново — тогда учтутся обе."
        );
        // Signed with another key, it is another school's file: both count.
        archive.admit_all(vec![file("Лицей № 7", "b2", Some("g1"), 3)]);
        assert_eq!(archive.standing_of("g1"), Some(&Standing::Current));
        assert_eq!(archive.current().len(), 3);
    }

    /// one deputy head, two schools, one browser and key: the
    /// draft of school A (ИНН given) is reused for school B, which gives
    /// its own ИНН. The page does not ask (an ИНН is given: «the
    /// department knows the school by it»), the export names A's file in
    /// `replaces`, and the department takes B's file for A renamed: A's
    /// card is lost. Two different ИНН are two schools.
    #[test]
    fn a_correction_under_another_inn_is_another_school() {
        let card = testkit::card();
        let period = "2025/2026";
        let file = |name: &str, inn: &str, id: &str, replaces: Option<&str>| {
            let mut d = draft(name, period, &["1.8"]);
            d.profile.identifier = inn.into();
            let at = if replaces.is_some() {
                "2026-09-08"
            } else {
                "2026-09-01"
            };
            entry(&card, id, &sign(&card, &d, meta(id, at, replaces), 1))
        };
        // The school's page: the draft exported as A, then retyped as B.
        let mut stored = crate::school::stored::StoredDraft::new(
            "d".into(),
            draft("МБОУ СОШ № 5", period, &["1.8"]),
            "2026-09-01",
        );
        stored.draft.profile.identifier = "1835000005".into();
        let exported = stored.draft.clone();
        stored
            .meta
            .remember_export("a1".into(), &exported, "k".into());
        stored.draft.profile.name = "МБОУ СОШ № 6".into();
        stored.draft.profile.identifier = "1835000006".into();
        assert_eq!(
            stored.meta.replaces_now(&stored.draft).as_deref(),
            Some("a1")
        );
        assert_eq!(
            stored.meta.renamed_since_export(&stored.draft),
            None,
            "not asked"
        );
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("МБОУ СОШ № 5", "1835000005", "a1", None),
            file("МБОУ СОШ № 6", "1835000006", "b1", Some("a1")),
        ]);
        assert_eq!(archive.standing_of("b1"), Some(&Standing::Current));
        assert_eq!(
            archive.standing_of("a1"),
            Some(&Standing::Current),
            "school 1835000005 lost its card to school 1835000006"
        );
    }

    /// the same with school A without an ИНН and school B giving
    /// one: the page asks only when the draft gives no ИНН, so B's export
    /// goes unasked, and A's file is replaced.
    #[test]
    fn a_correction_that_adds_an_inn_is_not_asked_and_replaces() {
        let card = testkit::card();
        let period = "2025/2026";
        let mut stored = crate::school::stored::StoredDraft::new(
            "d".into(),
            draft("МБОУ СОШ № 5", period, &["1.8"]),
            "2026-09-01",
        );
        let exported = stored.draft.clone();
        stored
            .meta
            .remember_export("a1".into(), &exported, "k".into());
        stored.draft.profile.name = "МБОУ СОШ № 6".into();
        stored.draft.profile.identifier = "1835000006".into();
        let asked = stored.meta.renamed_since_export(&stored.draft).is_some();
        let b = stored.draft.clone();
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            entry(
                &card,
                "a1",
                &sign(&card, &exported, meta("a1", "2026-09-01", None), 1),
            ),
            entry(
                &card,
                "b1",
                &sign(&card, &b, meta("b1", "2026-09-08", Some("a1")), 1),
            ),
        ]);
        let replaced = archive.standing_of("a1") != Some(&Standing::Current);
        assert!(
            asked || !replaced,
            "the page did not ask, and the department replaced A's file with B's"
        );
    }

    /// the school's renamed correction replaces its file, but the
    /// department's finished check and the edited letter of that file stay
    /// behind: both follow a correction of the same slot only
    /// (`review_source`, `letter_source`). The row that stood «проверена»
    /// goes back to «получена» and the letter's edit is out of reach — the
    /// walk-through `letter_source` fixed, again.
    #[test]
    fn a_renamed_correction_keeps_the_check_and_letter_of_its_file() {
        let card = testkit::card();
        let file = |name: &str, id: &str, at: &str, replaces: Option<&str>| {
            let d = draft(name, "2025/2026", &["1.8"]);
            entry(&card, id, &sign(&card, &d, meta(id, at, replaces), 1))
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![file("МБОУ СОШ № 5", "a1", "2026-09-01", None)]);
        archive.review_mut("a1").checked = true;
        archive.edit_letter("a1", Some("ВАЖНО: ответ до 15.11.".into()), "Черновик");
        archive.admit_all(vec![file(
            "МАОУ «Лицей № 5»",
            "a2",
            "2026-09-08",
            Some("a1"),
        )]);
        assert_eq!(archive.standing_of("a2"), Some(&Standing::Current));
        assert_eq!(
            archive.standing_of("a1"),
            Some(&Standing::Superseded { by: "a2".into() })
        );
        let check_kept = archive.review("a2").checked;
        assert_eq!(
            archive.letter("a2").map(String::as_str),
            Some("ВАЖНО: ответ до 15.11."),
            "the edited letter is lost"
        );
        assert!(check_kept, "the finished check is lost");
    }

    #[test]
    fn duplicates_corrections_and_newer_files() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |name, id, at, replaces| {
            entry(&card, name, &sign(&card, &d, meta(id, at, replaces), 1))
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let verdicts = archive.admit_all(vec![
            file("later", "a2", "2026-09-05", None),
            file("first", "a1", "2026-09-01", None),
            file("copy", "a1", "2026-09-01", None),
            file("corrected", "a3", "2026-09-03", Some("a2")),
        ]);
        let refused: Vec<_> = verdicts
            .iter()
            .filter(|(_, a)| matches!(a, Admission::Refused(_)))
            .map(|(n, _)| n.as_str())
            .collect();
        // "copy" and "first" are the same submission; the first in name order wins.
        assert_eq!(refused, ["first"]);
        let standing = |id| archive.standing_of(id).cloned();
        assert_eq!(
            standing("a3"),
            Some(Standing::Current),
            "an explicit correction wins even if older"
        );
        let by_a3 = Some(Standing::Superseded { by: "a3".into() });
        assert_eq!(standing("a2"), by_a3);
        assert_eq!(standing("a1"), by_a3);
        assert_eq!(archive.current().len(), 1);
        // One correction of a2: no rival.
        assert!(archive.rival_correction("a3").is_none());
        // The first export corrected again from an old copy: the later
        // counts, and each names the other.
        archive.admit_all(vec![file("again", "a4", "2026-09-04", Some("a2"))]);
        assert_eq!(archive.standing_of("a4"), Some(&Standing::Current));
        assert_eq!(archive.rival_correction("a4").map(Entry::id), Some("a3"));
        assert_eq!(archive.rival_correction("a3").map(Entry::id), Some("a4"));
    }

    /// The coordinator counts an earlier file in place of the latest
    /// (exported from the wrong draft): the choice survives a reload and
    /// stands until a newer file comes, which counts again; taken back,
    /// the latest counts.
    #[test]
    fn the_coordinator_chooses_the_file_that_counts() {
        let card = testkit::card();
        let right = draft("СОШ 1", "2025/2026", &["1.8"]);
        let wrong = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let other = draft("СОШ 2", "2025/2026", &[]);
        let file = |id: &str, d, at| entry(&card, id, &sign(&card, d, meta(id, at, None), 1));
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("a1", &right, "2026-09-01"),
            file("a2", &wrong, "2026-09-05"),
            file("b1", &other, "2026-09-02"),
        ]);
        let counted = |archive: &Archive| {
            let mut ids: Vec<String> = archive
                .current()
                .iter()
                .map(|e| e.id().to_owned())
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(counted(&archive), ["a2", "b1"]);
        assert_eq!(
            archive
                .slot_files("a2")
                .iter()
                .map(|e| e.id())
                .collect::<Vec<_>>(),
            ["a1"]
        );
        // A file that counts, or one alone in its slot, is no choice.
        archive.choose("a2");
        archive.choose("b1");
        assert_eq!(counted(&archive), ["a2", "b1"]);
        archive.choose("a1");
        assert_eq!(counted(&archive), ["a1", "b1"]);
        assert_eq!(archive.chosen_over("a1").map(Entry::id), Some("a2"));
        assert_eq!(
            archive.chosen_over("a1").unwrap().set_aside_note(),
            "Учитывается файл, выбранный отделом на вкладке «Проверка», а не «a2» от 05.09.2026: \
             результаты и письмо — по выбранному."
        );
        assert_eq!(
            archive.entry("a2").unwrap().told_apart(),
            "«a2» от 05.09.2026: итог 2 из 23, без плана мероприятий"
        );
        assert_eq!(
            archive.standing_of("a2"),
            Some(&Standing::Superseded { by: "a1".into() })
        );
        // Kept in the stored decisions.
        let (reopened, problems) =
            Archive::from_json(Cards::new([card.clone()]), &archive.to_json()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(counted(&reopened), ["a1", "b1"]);
        // Taken back, the latest counts.
        let mut back = reopened.clone();
        back.unchoose("a1");
        assert_eq!(counted(&back), ["a2", "b1"]);
        assert!(back.chosen_over("a1").is_none());
        // A newer file than the one set aside counts again.
        let mut later = reopened;
        later.admit_all(vec![file("a3", &right, "2026-09-07")]);
        assert_eq!(counted(&later), ["a3", "b1"]);
        assert!(later.chosen_over("a1").is_none());
    }

    /// Three files of a school's year: a second choice is made over the
    /// file the rules give, not over the first choice, and stands; the file
    /// set aside says which counts; two tabs choosing two files meet at one
    /// key and are asked about.
    #[test]
    fn one_choice_a_school_year() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |id: &str, at| entry(&card, id, &sign(&card, &d, meta(id, at, None), 1));
        let mut base = Archive::new(Cards::new([card.clone()]));
        base.admit_all(vec![
            file("a1", "2026-09-01"),
            file("a2", "2026-09-03"),
            file("a3", "2026-09-05"),
        ]);
        let mut archive = base.clone();
        archive.choose("a1");
        archive.choose("a2");
        assert_eq!(archive.standing_of("a2"), Some(&Standing::Current));
        assert_eq!(archive.chosen_over("a2").map(Entry::id), Some("a3"));
        let said = |id: &str| {
            crate::department::verdict::explanation(
                &archive,
                &crate::department::archive::Admission::Filed {
                    submission_id: id.into(),
                },
            )
        };
        assert_eq!(
            said("a3"),
            "СОШ 1, 2025/2026: учитывается выгрузка «a2», выбранная отделом."
        );
        assert_eq!(
            said("a1"),
            "СОШ 1, 2025/2026: учитывается выгрузка «a2», выбранная отделом."
        );
        // Chosen on the file the rules give: no choice at all.
        archive.choose("a3");
        assert_eq!(archive.standing_of("a3"), Some(&Standing::Current));
        assert!(archive.choice_in_slot_of("a3").is_none());
        // Two tabs, two choices in one school's year: a conflict, not one
        // kept unsaid.
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.choose("a1");
        theirs.choose("a2");
        let merged = crate::department::archive::merge_decisions(
            &base.decisions_json(),
            &mine.decisions_json(),
            &theirs.decisions_json(),
        );
        assert_eq!(
            merged,
            Err(crate::error::MergeConflict::SameFields(vec![
                "выбор учитываемых файлов".into()
            ]))
        );
    }

    /// A later file signed by a new key waits for the coordinator: the
    /// counted file says so, and the waiting one is named.
    #[test]
    fn a_newer_file_waiting_for_its_key_is_said() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file =
            |id: &str, at, seed| entry(&card, id, &sign(&card, &d, meta(id, at, None), seed));
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("a1", "2026-09-01", 1),
            file("a2", "2026-09-05", 2),
        ]);
        assert_eq!(archive.standing_of("a2"), Some(&Standing::Held));
        let held = archive.newer_held("a1").unwrap();
        assert_eq!(held.id(), "a2");
        assert_eq!(
            held.held_note(),
            "У школы есть более новый файл «a2» от 05.09.2026, подписанный новым ключом. Пока \
             ключ не принят, результаты, проверка и письмо — по этому файлу. Примите или \
             отклоните ключ на вкладке «Загрузка файлов», в блоке «Новые ключи подписи»."
        );
        assert!(archive.newer_held("a2").is_none());
    }

    /// A school kept one draft into the next year after exporting it: the
    /// next year's file names last year's as the one it replaces, but both
    /// years count, each in its own.
    #[test]
    fn a_correction_never_reaches_into_another_year() {
        let card = testkit::card();
        let first = draft("СОШ 1", "2024/2025", &["1.8"]);
        let next = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            entry(
                &card,
                "y1",
                &sign(&card, &first, meta("b1", "2025-09-01", None), 1),
            ),
            entry(
                &card,
                "y2",
                &sign(&card, &next, meta("b2", "2026-09-01", Some("b1")), 1),
            ),
        ]);
        assert_eq!(archive.standing_of("b1"), Some(&Standing::Current));
        assert_eq!(archive.standing_of("b2"), Some(&Standing::Current));
    }
}
