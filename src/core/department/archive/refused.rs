//! Files the department refused, kept with the workspace: the import table
//! lives only until the page is closed, and the coordinator still has to
//! ask those schools for good copies the next day.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::department::archive::{Archive, Claim};
use crate::department::school::{identifier_key, is_identifier, normalize};
use crate::signed::submission::named_in_file_name;

/// How many refusals are kept: the latest, so that years of mistaken
/// picks do not grow the stored decisions without end.
pub const KEPT_REFUSALS: usize = 500;

/// One refused file, as the import table explained it at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub file: String,
    /// The reason, with the school the file claims to be from.
    pub why: String,
    /// When it was refused (ISO 8601), given by the shell.
    pub at: String,
    /// Whom the file says it is from, when it reads far enough to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
}

impl Refusal {
    /// The school and year a refused file of card `card_id` names: its
    /// claim's, or, saying nothing, its file name's (the year only when the
    /// name gives one). `None` for a file of another card, or one that
    /// names no school at all.
    pub fn named(&self, card_id: &str) -> Option<(String, Option<String>)> {
        match &self.claim {
            Some(claim) => (claim.card.is_empty() || claim.card == card_id)
                .then(|| (claim.name.clone(), Some(claim.period.clone()))),
            None => named_in_file_name(&self.file),
        }
    }
}

impl Archive {
    pub fn refusals(&self) -> &[Refusal] {
        &self.refused
    }

    /// Keeps `refused` after the earlier refusals, dropping the oldest
    /// beyond [`KEPT_REFUSALS`]. The same file refused again for the same
    /// reason is kept once, at its latest time.
    pub fn note_refused(&mut self, refused: impl IntoIterator<Item = Refusal>) {
        for refusal in refused {
            self.refused
                .retain(|r| r.file != refusal.file || r.why != refusal.why);
            self.refused.push(refusal);
        }
        let over = self.refused.len().saturating_sub(KEPT_REFUSALS);
        self.refused.drain(..over);
    }

    /// The coordinator has dealt with the refused files.
    pub fn clear_refused(&mut self) {
        self.refused.clear();
    }
}

/// Whether a refused file's school has a counted file of that year since:
/// nothing is left to ask it for. The counted schools of each year by name
/// and by identifier, spelled as the list of schools compares them; one
/// rule for the import's earlier refusals and the report's (a review found
/// the two apart).
pub struct Resent<'a> {
    counted: HashSet<(String, &'a str)>,
}

impl<'a> Resent<'a> {
    pub fn new(archive: &'a Archive) -> Self {
        let counted = (archive.current().into_iter())
            .flat_map(|e| {
                let p = e.profile();
                [normalize(&p.name), identifier_key(&p.identifier)].map(|key| (key, e.period()))
            })
            .filter(|(key, _)| !key.is_empty())
            .collect();
        Self { counted }
    }

    fn counted_as(&self, name: &str, period: &str) -> bool {
        let key = normalize(name);
        !key.is_empty() && self.counted.contains(&(key, period))
    }

    /// A file that does not say whose it is may still be named so
    /// ([`named_in_file_name`]).
    pub fn covers(&self, r: &Refusal) -> bool {
        match &r.claim {
            Some(claim) => {
                self.counted_as(&claim.name, &claim.period)
                    || is_identifier(&claim.identifier)
                        && self.counted_as(&claim.identifier, &claim.period)
            }
            None => named_in_file_name(&r.file)
                .is_some_and(|(name, period)| period.is_some_and(|p| self.counted_as(&name, &p))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::unpack;
    use crate::testkit;

    fn refusal(file: &str, why: &str, at: &str) -> Refusal {
        Refusal {
            file: file.into(),
            why: why.into(),
            at: at.into(),
            claim: None,
        }
    }

    #[test]
    fn refusals_are_kept_once_each_and_only_the_latest() {
        let mut archive = testkit::archive(&testkit::card(), &[]);
        archive.note_refused([
            refusal("a.json", "Подпись не сходится.", "2026-12-01T08:00:00Z"),
            refusal("b.json", "Файл не текстовый.", "2026-12-01T08:00:00Z"),
        ]);
        // The same file and reason again moves to the end, with its new time;
        // the same file for another reason is another refusal.
        archive.note_refused([
            refusal("a.json", "Подпись не сходится.", "2026-12-02T09:00:00Z"),
            refusal("b.json", "Другая карта.", "2026-12-02T09:00:00Z"),
        ]);
        let kept: Vec<(&str, &str)> = archive
            .refusals()
            .iter()
            .map(|r| (r.file.as_str(), r.at.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("b.json", "2026-12-01T08:00:00Z"),
                ("a.json", "2026-12-02T09:00:00Z"),
                ("b.json", "2026-12-02T09:00:00Z"),
            ]
        );
        archive.note_refused((0..KEPT_REFUSALS).map(|i| refusal(&format!("{i}.json"), "—", "")));
        assert_eq!(archive.refusals().len(), KEPT_REFUSALS);
        assert_eq!(archive.refusals()[0].file, "0.json");
        archive.clear_refused();
        assert!(archive.refusals().is_empty());
    }

    #[test]
    fn refusals_travel_with_the_decisions_and_the_backup() {
        let mut archive = testkit::archive(&testkit::card(), &[]);
        let kept = refusal("СОШ 5.json", "Подпись не сходится.", "2026-12-01T08:00:00Z");
        archive.note_refused([kept.clone()]);
        for text in [archive.decisions_json(), archive.to_json()] {
            let back = unpack(archive.cards().clone(), &text).expect("reads back");
            assert_eq!(back.archive.refusals(), std::slice::from_ref(&kept));
        }
        // A workspace stored before refusals were kept reads as none.
        let earlier = testkit::archive(&testkit::card(), &[]).decisions_json();
        assert!(!earlier.contains("refused"));
        let back = unpack(archive.cards().clone(), &earlier).expect("reads back");
        assert!(back.archive.refusals().is_empty());
    }

    /// Two tabs' merge keeps both tabs' refusals: one both refused, or
    /// more than are kept, read back once each and the latest only.
    #[test]
    fn refusals_merged_twice_or_too_many_read_back_once_each() {
        let mut archive = testkit::archive(&testkit::card(), &[]);
        let twice = refusal("a.json", "Подпись не сходится.", "2026-12-01T08:00:00Z");
        archive.refused = vec![twice.clone(), twice.clone()];
        let back = unpack(archive.cards().clone(), &archive.decisions_json()).unwrap();
        assert_eq!(back.archive.refusals(), std::slice::from_ref(&twice));
        archive.refused = (0..=KEPT_REFUSALS)
            .map(|i| refusal(&format!("{i}.json"), "Файл не текстовый.", "2026-12-01"))
            .collect();
        let back = unpack(archive.cards().clone(), &archive.decisions_json()).unwrap();
        assert_eq!(back.archive.refusals().len(), KEPT_REFUSALS);
        assert_eq!(back.archive.refusals()[0].file, "1.json");
    }
}
