//! The keys each school signs with, as the coordinator decided, and the key
//! list file that carries them to another computer or a colleague.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::department::archive::Archive;
use crate::department::school::SchoolId;
use crate::error::ArchiveError;
use crate::school::profile::SchoolProfile;
use crate::signed::keys::{fingerprint, from_hex, to_hex};
use crate::text::quoted;

pub const KEYS_FORMAT: &str = "profkarta-keys";
/// The version of the key list this build writes and reads.
const KEYS_VERSION: u32 = 1;

/// The keys a school signs with, as the coordinator decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolKeys {
    pub trusted: BTreeSet<String>,
    pub rejected: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    Trusted,
    /// A key other than the one the school used before: waits for the coordinator.
    Held,
    Rejected,
}

impl Archive {
    pub fn key_state(&self, school: &SchoolId, key: &str) -> KeyState {
        match self.keys.get(school) {
            Some(k) if k.trusted.contains(key) => KeyState::Trusted,
            Some(k) if k.rejected.contains(key) => KeyState::Rejected,
            _ => KeyState::Held,
        }
    }

    /// The coordinator's answer about a key held for a school.
    pub fn decide_key(&mut self, school: &SchoolId, key: &str, trust: bool) {
        let keys = self.keys.entry(school.clone()).or_default();
        keys.trusted.remove(key);
        keys.rejected.remove(key);
        if trust {
            keys.trusted.insert(key.to_owned());
        } else {
            keys.rejected.insert(key.to_owned());
        }
        self.changed();
    }

    /// Keys the school signed with before, for the "key differs" question.
    pub fn trusted_keys(&self, school: &SchoolId) -> Vec<&str> {
        self.keys
            .get(school)
            .map(|k| k.trusted.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The schools' keys, for another coordinator or another computer.
    pub fn keys_file(&self) -> String {
        let mut schools = Vec::new();
        // Each school once per spelling and key, in the archive's order; a
        // set, because searching the list for each of 10 000 files was
        // quadratic.
        let mut seen = HashSet::new();
        for e in self.current() {
            let p = e.profile();
            for key in self.trusted_keys(&e.school) {
                if seen.insert((&p.name, &p.municipality, &p.identifier, key)) {
                    schools.push(KnownKey {
                        name: p.name.clone(),
                        municipality: p.municipality.clone(),
                        identifier: p.identifier.clone(),
                        public_key: key.to_owned(),
                    });
                }
            }
        }
        let file = KeysFile {
            format: KEYS_FORMAT.to_owned(),
            format_version: KEYS_VERSION,
            schools,
        };
        serde_json::to_string_pretty(&file).expect("a key list serialises")
    }

    /// Trusts every key of a list, or none when any entry is wrong: a list
    /// refused as damaged had already trusted the keys above its bad
    /// entry, which then let a school's new key in unasked. A key the
    /// coordinator rejected stays rejected, and is named.
    pub fn load_keys(&mut self, text: &str) -> Result<KeysLoaded, ArchiveError> {
        let value: Value = crate::json::parse(text).map_err(|_| ArchiveError::NotJson)?;
        let format = value.get("format").and_then(Value::as_str);
        if format != Some(KEYS_FORMAT) {
            return Err(ArchiveError::other(format));
        }
        // The version first: a newer list may be of another shape.
        match value.get("format_version").and_then(Value::as_u64) {
            Some(newer) if newer > u64::from(KEYS_VERSION) => {
                return Err(ArchiveError::Newer { schema: newer })
            }
            Some(other) if other != u64::from(KEYS_VERSION) => {
                return Err(ArchiveError::Shape {
                    detail: format!("неизвестная версия списка ({other})"),
                })
            }
            _ => {}
        }
        let file: KeysFile =
            crate::json::from_value(value).map_err(|detail| ArchiveError::Shape { detail })?;
        let mut read = Vec::with_capacity(file.schools.len());
        for (n, known) in file.schools.into_iter().enumerate() {
            let shape = |detail: String| ArchiveError::Shape { detail };
            let Some(key) = from_hex::<32>(&known.public_key) else {
                return Err(shape(format!("неверный ключ школы «{}»", known.name)));
            };
            let profile = SchoolProfile {
                name: known.name,
                municipality: known.municipality,
                identifier: known.identifier,
                ..SchoolProfile::default()
            };
            // «—» for a name, «нет» for an ИНН: a school named by nothing.
            if SchoolId::of(&profile).is_nameless() {
                return Err(shape(format!(
                    "у школы № {} в списке нет ни названия, ни ИНН",
                    n + 1
                )));
            }
            read.push((profile, to_hex(&key)));
        }
        let mut loaded = KeysLoaded::default();
        for (profile, hex) in read {
            let keys = self.keys.entry(SchoolId::of(&profile)).or_default();
            if keys.rejected.contains(&hex) {
                if !loaded.still_rejected.contains(&profile.name) {
                    loaded.still_rejected.push(profile.name);
                }
            } else if keys.trusted.insert(hex) {
                loaded.added += 1;
            }
        }
        self.changed();
        Ok(loaded)
    }
}

/// What loading a key list did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct KeysLoaded {
    /// Keys not trusted before.
    pub added: usize,
    /// Schools whose key in the list the coordinator had rejected: not
    /// trusted by the list, which may be older than the decision.
    pub still_rejected: Vec<String>,
}

impl KeysLoaded {
    /// «Из списка «ключи.json» добавлено ключей: 3.», and the schools
    /// whose rejected key it did not bring back.
    pub fn message(&self, file_name: &str) -> String {
        let mut text = format!(
            "Из списка {} добавлено ключей: {}.",
            quoted(file_name),
            self.added
        );
        if !self.still_rejected.is_empty() {
            let names: Vec<String> = self.still_rejected.iter().map(|n| quoted(n)).collect();
            text.push_str(&format!(
                " Ключи, которые вы раньше отклонили, не приняты: {}. Решение можно изменить \
                 в списке «Отклонённые ключи».",
                names.join(", ")
            ));
        }
        text
    }
}

/// Short form of a stored key, as shown to the coordinator.
pub fn key_fingerprint(key_hex: &str) -> String {
    from_hex::<32>(key_hex)
        .map(|k| fingerprint(&k))
        .unwrap_or_default()
}

#[derive(Serialize, Deserialize)]
struct KeysFile {
    format: String,
    format_version: u32,
    schools: Vec<KnownKey>,
}

#[derive(Serialize, Deserialize)]
struct KnownKey {
    name: String,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    identifier: String,
    public_key: String,
}

#[cfg(test)]
mod tests {
    use super::KeysLoaded;
    use crate::department::archive::{Archive, Cards, Standing};
    use crate::testkit::{self, draft, entry, meta, sign};

    #[test]
    fn a_new_key_is_held_until_the_coordinator_decides() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |id, at, key| entry(&card, id, &sign(&card, &d, meta(id, at, None), key));
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("b2", "2026-09-02", 2),
            file("b1", "2026-09-01", 1),
        ]);
        assert_eq!(
            archive.standing_of("b1"),
            Some(&Standing::Current),
            "the earliest file's key is the school's"
        );
        assert_eq!(archive.standing_of("b2"), Some(&Standing::Held));
        let school = archive.entry("b2").unwrap().school.clone();
        let new_key = archive.entry("b2").unwrap().key.clone();
        archive.decide_key(&school, &new_key, true);
        assert_eq!(archive.standing_of("b2"), Some(&Standing::Current));
        archive.decide_key(&school, &new_key, false);
        assert_eq!(archive.standing_of("b2"), Some(&Standing::Rejected));
        // A later file of the rejected key is kept with it, not counted:
        // taken back, the rejection counts them both.
        archive.admit(file("b3", "2026-09-04", 2));
        assert_eq!(archive.standing_of("b3"), Some(&Standing::Rejected));
        archive.decide_key(&school, &new_key, true);
        assert_eq!(archive.standing_of("b3"), Some(&Standing::Current));
    }

    #[test]
    fn the_key_list_carries_trust_to_another_archive() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let archive = testkit::archive(&card, &[("d1", &d)]);
        let mut fresh = Archive::new(Cards::new([card.clone()]));
        assert_eq!(
            fresh.load_keys(&archive.keys_file()).map(|l| l.added),
            Ok(1)
        );
        // Each of the department's loading buttons sends the other's file,
        // and a school's export, where it belongs.
        use crate::department::archive::unpack;
        use crate::error::ArchiveError;
        let cards = || Cards::new([card.clone()]);
        assert_eq!(
            fresh.load_keys(&archive.to_json()),
            Err(ArchiveError::Backup)
        );
        assert_eq!(
            unpack(cards(), &archive.keys_file()).err(),
            Some(ArchiveError::KeyList)
        );
        let export = sign(&card, &d, meta("d3", "2026-09-01", None), 1);
        assert_eq!(fresh.load_keys(&export), Err(ArchiveError::Submission));
        assert_eq!(
            unpack(cards(), &export).err(),
            Some(ArchiveError::Submission)
        );
        assert_eq!(unpack(cards(), "{}").err(), Some(ArchiveError::Foreign));
        // A key's backup, to either button: pointed to its own.
        let key = crate::signed::keys::KeyPair::from_seed([7; 32]).to_backup(
            "2026-12-01T10:00:00Z",
            crate::signed::keys::KeyRole::Department,
        );
        assert_eq!(unpack(cards(), &key).err(), Some(ArchiveError::KeyBackup));
        assert_eq!(fresh.load_keys(&key), Err(ArchiveError::KeyBackup));
        // With the list loaded, a file signed with another key is held.
        let other = sign(&card, &d, meta("d2", "2026-09-01", None), 9);
        fresh.admit(entry(&card, "o", &other));
        assert_eq!(fresh.standing_of("d2"), Some(&Standing::Held));
    }

    /// A list refused changes nothing; a key the coordinator rejected is
    /// not trusted again by a list, and said; a list of a newer version,
    /// or with a school named by nothing, is refused.
    #[test]
    fn a_key_list_is_taken_whole_or_not_at_all_and_keeps_rejections() {
        let card = testkit::card();
        let (one, two) = (
            draft("СОШ 1", "2025/2026", &[]),
            draft("СОШ 2", "2025/2026", &[]),
        );
        let archive = testkit::archive(&card, &[("a1", &one), ("b1", &two)]);
        let list = archive.keys_file();
        let mut value: serde_json::Value = serde_json::from_str(&list).unwrap();
        let schools = value["schools"].as_array_mut().unwrap();
        assert_eq!(schools.len(), 2);
        schools[1]["public_key"] = "не ключ".into();
        let mut fresh = Archive::new(Cards::new([card.clone()]));
        assert_eq!(
            fresh.load_keys(&value.to_string()).unwrap_err().to_string(),
            "Файл повреждён: неверный ключ школы «СОШ 2»."
        );
        assert!(fresh.to_json() == Archive::new(Cards::new([card.clone()])).to_json());
        let school = archive.entry("a1").unwrap().school.clone();
        assert!(fresh.trusted_keys(&school).is_empty());

        // СОШ 1's key rejected here: the list does not bring it back.
        let key = archive.entry("a1").unwrap().key.clone();
        fresh.decide_key(&school, &key, false);
        let loaded = fresh.load_keys(&list).unwrap();
        assert_eq!(
            loaded,
            KeysLoaded {
                added: 1,
                still_rejected: vec!["СОШ 1".into()]
            }
        );
        assert!(fresh.trusted_keys(&school).is_empty());
        assert_eq!(
            loaded.message("ключи.json"),
            "Из списка «ключи.json» добавлено ключей: 1. Ключи, которые вы раньше отклонили, \
             не приняты: «СОШ 1». Решение можно изменить в списке «Отклонённые ключи»."
        );

        let changed = |field: &str, to: serde_json::Value| {
            let mut value: serde_json::Value = serde_json::from_str(&list).unwrap();
            match field {
                "format_version" => value[field] = to,
                _ => value["schools"][0][field] = to,
            }
            Archive::new(Cards::new([card.clone()]))
                .load_keys(&value.to_string())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            changed("format_version", 99.into()),
            "Файл сохранён более новой версией приложения (схема 99). Обновите страницу."
        );
        assert_eq!(
            changed("format_version", 0.into()),
            "Файл повреждён: неизвестная версия списка (0)."
        );
        assert_eq!(
            changed("name", " ".into()),
            "Файл повреждён: у школы № 1 в списке нет ни названия, ни ИНН."
        );
    }

    /// A school with files in two years under one key is listed once.
    #[test]
    fn the_key_list_names_each_school_and_key_once() {
        let card = testkit::card();
        let (before, now) = (
            draft("СОШ 1", "2024/2025", &[]),
            draft("СОШ 1", "2025/2026", &[]),
        );
        let other = draft("СОШ 2", "2025/2026", &[]);
        // The key comes from the id's first letter: a1 and a2 share one.
        let archive = testkit::archive(&card, &[("a1", &before), ("a2", &now), ("b1", &other)]);
        let list: serde_json::Value = serde_json::from_str(&archive.keys_file()).unwrap();
        let names: Vec<&str> = list["schools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["СОШ 1", "СОШ 2"]);
    }

    // A newer list of another shape; blanks that name no school.
    fn list() -> (crate::card::Card, String) {
        let card = testkit::card();
        let one = draft("СОШ 1", "2025/2026", &[]);
        let archive = testkit::archive(&card, &[("a1", &one)]);
        (card, archive.keys_file())
    }

    /// A list of a newer version is said to be newer whatever its shape: a
    /// later version is free to change the entries (read in version 1's
    /// shape first, it was called damaged).
    #[test]
    fn a_newer_key_list_of_another_shape_is_said_newer() {
        let (card, text) = list();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["format_version"] = 2.into();
        let schools = value.as_object_mut().unwrap().remove("schools").unwrap();
        value["keys"] = schools;
        let e = Archive::new(Cards::new([card]))
            .load_keys(&value.to_string())
            .unwrap_err();
        assert!(
            matches!(e, crate::error::ArchiveError::Newer { schema: 2 }),
            "{e}"
        );
    }

    /// A name of no letter or digit, or an ИНН box holding no identifier,
    /// names no school (`SchoolId::of` reads both as empty): refused.
    #[test]
    fn a_school_named_by_nothing_is_refused_whatever_the_blank() {
        let (card, text) = list();
        for (name, identifier) in [("—", ""), ("", "нет"), ("-", "-")] {
            let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
            value["schools"][0]["name"] = name.into();
            value["schools"][0]["identifier"] = identifier.into();
            value["schools"][0]["municipality"] = "".into();
            let read = Archive::new(Cards::new([card.clone()])).load_keys(&value.to_string());
            assert!(
                read.is_err(),
                "name {name:?}, identifier {identifier:?}: {read:?}"
            );
        }
    }
}
