//! Files signed with a key other than the one the school used before wait
//! for the coordinator: grouped by school and key, with the key the school
//! is known by, so that one answer settles all files of that key.

use std::collections::BTreeMap;

use crate::department::archive::{key_fingerprint, Archive, Standing};
use crate::department::roster::Owners;
use crate::department::school::SchoolId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldKey {
    pub school: SchoolId,
    /// The new key, as the archive stores it (hex).
    pub key: String,
    pub name: String,
    pub fingerprint: String,
    /// Fingerprints of the keys the school is known by; empty when the
    /// coordinator rejected them.
    pub previous: Vec<String>,
    pub files: usize,
}

pub fn held_keys(archive: &Archive) -> Vec<HeldKey> {
    keys_standing(archive, Standing::Held)
}

/// Keys the coordinator rejected, with their files still in the workspace:
/// a rejection made by mistake is taken back from this list.
pub fn rejected_keys(archive: &Archive) -> Vec<HeldKey> {
    keys_standing(archive, Standing::Rejected)
}

/// A key that signed the counted files of more than one school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedKey {
    pub fingerprint: String,
    /// The schools' names as their files give them, in the archive's order
    /// of schools.
    pub schools: Vec<String>,
}

/// Keys shared by schools. Each browser makes its own key, so one key on
/// two schools' cards means they were filled on one computer: a methodologist
/// filling in for small schools, one school for another, or one school
/// under two names, which the workspace then counts as two. Nothing is
/// refused for it; the coordinator is told, to ask. Schools are counted
/// within a year, and one row of the list of schools is one school: a
/// school renamed since last year, or placed by the coordinator, signs
/// with its own key under both names (a walk-through was told to ask it
/// to correct its name).
pub fn shared_keys(archive: &Archive) -> Vec<SharedKey> {
    let owners = Owners::new(&archive.roster);
    // Per key and year, the schools, each by its row of the list when it
    // has one, with the name its file gives.
    type Schools<'a> = BTreeMap<Result<usize, &'a SchoolId>, &'a str>;
    let mut by_key: BTreeMap<(&str, &str), (&str, Schools)> = BTreeMap::new();
    for e in archive.current() {
        let school = match owners.of(&e.school, e.profile())[..] {
            [row] => Ok(row),
            _ => Err(&e.school),
        };
        by_key
            .entry((&e.key, e.period()))
            .or_insert_with(|| (&e.opened.fingerprint, BTreeMap::new()))
            .1
            .entry(school)
            .or_insert(&e.profile().name);
    }
    let mut shared: Vec<SharedKey> = Vec::new();
    for (fingerprint, schools) in by_key.into_values().filter(|(_, s)| s.len() > 1) {
        let at = match shared.iter().position(|s| s.fingerprint == fingerprint) {
            Some(at) => at,
            None => {
                shared.push(SharedKey {
                    fingerprint: fingerprint.to_owned(),
                    schools: Vec::new(),
                });
                shared.len() - 1
            }
        };
        for name in schools.into_values() {
            if !shared[at].schools.iter().any(|n| n == name) {
                shared[at].schools.push(name.to_owned());
            }
        }
    }
    shared
}

fn keys_standing(archive: &Archive, wanted: Standing) -> Vec<HeldKey> {
    let mut groups: BTreeMap<(&SchoolId, &str), HeldKey> = BTreeMap::new();
    for (e, standing) in archive.with_standings() {
        if *standing != wanted {
            continue;
        }
        groups
            .entry((&e.school, &e.key))
            .or_insert_with(|| HeldKey {
                school: e.school.clone(),
                key: e.key.clone(),
                name: e.profile().name.clone(),
                fingerprint: e.opened.fingerprint.clone(),
                previous: archive
                    .trusted_keys(&e.school)
                    .into_iter()
                    .map(key_fingerprint)
                    .collect(),
                files: 0,
            })
            .files += 1;
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::{Archive, Cards};
    use crate::department::roster::RosterSchool;
    use crate::testkit::{self, draft, entry, meta, sign};

    #[test]
    fn files_of_a_new_key_wait_together() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |id, at, key| entry(&card, id, &sign(&card, &d, meta(id, at, None), key));
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("a1", "2026-09-01", 1),
            file("a2", "2026-09-02", 2),
            file("a3", "2026-09-03", 2),
        ]);
        let held = held_keys(&archive);
        assert_eq!(held.len(), 1);
        let h = &held[0];
        assert_eq!((h.name.as_str(), h.files), ("СОШ 1", 2));
        assert_eq!(h.fingerprint, testkit::key(2).fingerprint());
        assert_eq!(h.previous, [testkit::key(1).fingerprint()]);
        // Rejected, the key is listed to take the rejection back.
        archive.decide_key(&h.school, &h.key, false);
        assert!(held_keys(&archive).is_empty());
        let rejected = rejected_keys(&archive);
        assert_eq!(rejected.len(), 1);
        assert_eq!(
            (rejected[0].fingerprint.as_str(), rejected[0].files),
            (h.fingerprint.as_str(), 2)
        );
        archive.decide_key(&h.school, &h.key, true);
        assert!(held_keys(&archive).is_empty());
        assert!(rejected_keys(&archive).is_empty());
    }

    #[test]
    fn a_key_on_two_schools_cards_is_named_with_both() {
        let card = testkit::card();
        let one = draft("СОШ 1", "2025/2026", &["1.8"]);
        let two = draft("СОШ 2", "2025/2026", &["1.8"]);
        let three = draft("СОШ 3", "2025/2026", &["1.8"]);
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            entry(
                &card,
                "s1",
                &sign(&card, &one, meta("s1", "2026-09-01", None), 1),
            ),
            entry(
                &card,
                "s2",
                &sign(&card, &two, meta("s2", "2026-09-01", None), 1),
            ),
            entry(
                &card,
                "s3",
                &sign(&card, &three, meta("s3", "2026-09-01", None), 3),
            ),
            // The same school's later file with the same key adds no name.
            entry(
                &card,
                "s4",
                &sign(&card, &one, meta("s4", "2026-09-02", None), 1),
            ),
        ]);
        let shared = shared_keys(&archive);
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].fingerprint, testkit::key(1).fingerprint());
        let mut names = shared[0].schools.clone();
        names.sort();
        assert_eq!(names, ["СОШ 1", "СОШ 2"]);
        // Placed by the coordinator as one school of the list: one school.
        archive.roster.schools = vec![RosterSchool {
            name: "СОШ 1".into(),
            ..RosterSchool::default()
        }];
        let two_id = archive.entry("s2").unwrap().school.clone();
        archive.roster.place(two_id, "СОШ 1");
        assert_eq!(shared_keys(&archive), []);
    }

    /// A school renamed since last year signs both years with its key:
    /// not two schools sharing one.
    #[test]
    fn a_key_on_one_school_renamed_between_years_is_not_shared() {
        let card = testkit::card();
        let before = draft("МБОУ СОШ № 15", "2024/2025", &["1.8"]);
        let after = draft("МАОУ СОШ № 15", "2025/2026", &["1.8"]);
        let archive = testkit::archive(&card, &[("s1", &before), ("s2", &after)]);
        assert_ne!(
            archive.entry("s1").unwrap().school,
            archive.entry("s2").unwrap().school
        );
        assert_eq!(shared_keys(&archive), []);
    }
}
