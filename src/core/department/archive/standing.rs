//! Which submission of a school and period counts: derived from the entries
//! and the keys on demand, never stored, so a late correction or a key
//! accepted later changes the results without rewriting anything.

use std::collections::{BTreeSet, HashMap};

use crate::department::archive::{Archive, Entry, KeyState};
use crate::department::school::SchoolId;
use crate::school::profile::canonical_period;

/// One submission counts per school, card and period: another card's file
/// of the same year is another monitoring.
type Slot<'a> = (&'a SchoolId, &'a str, &'a str);

impl Entry {
    fn slot(&self) -> Slot<'_> {
        (&self.school, &self.card.id, self.period())
    }

    /// Another file of the same school, card and year (a correction or a
    /// later export).
    pub fn same_slot(&self, other: &Entry) -> bool {
        self.slot() == other.slot()
    }
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

impl Archive {
    /// Where the submission `id` stands; `None` when it is not filed. Among
    /// the trusted submissions of one school and period, one that another
    /// replaces explicitly never counts; of the rest the latest created
    /// counts.
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
        // A correction replaces a file of its own slot only: a school that
        // kept one draft into the next year, or onto another card, names
        // its earlier file, but that file still counts for its own year.
        let replaced: HashMap<&str, &str> = trusted()
            .filter_map(|e| {
                let old = e.opened.payload.replaces.as_deref()?;
                let same_slot = self.entry(old).is_none_or(|o| o.slot() == e.slot());
                same_slot.then_some((old, e.id()))
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
        let newer = |a: &Entry, b: &Entry| {
            (&a.opened.payload.created_at, a.id()) > (&b.opened.payload.created_at, b.id())
        };
        let mut best: Vec<Option<&Entry>> = vec![None; numbers.len()];
        for ((e, state), &slot) in self.entries.iter().zip(&states).zip(&slots) {
            if *state != KeyState::Trusted || replaced.contains_key(e.id()) {
                continue;
            }
            if best[slot].is_none_or(|b| newer(e, b)) {
                best[slot] = Some(e);
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
