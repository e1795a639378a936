//! Which schools of the roster own a file. The list's spellings are
//! normalized once and a file is compared only with the schools that share
//! its identifier or its name: comparing every file with every school,
//! normalizing both each time, took 16 s natively for 2 000 schools and
//! 2 000 files, and the «Школы» tab does it on every change of the archive.

use std::collections::{HashMap, HashSet};

use super::{Roster, RosterSchool};
use crate::department::archive::Claim;
use crate::department::school::{identifier_key, normalize, SchoolId};
use crate::school::profile::SchoolProfile;

/// A school's name, identifier and municipality as the spelling rules
/// compare them.
#[derive(Debug)]
struct Spelling {
    name: String,
    identifier: String,
    /// `None` when the text is blank: a list without municipalities matches
    /// a name in any of them.
    municipality: Option<String>,
}

/// Words a register spells in full and a school's card abbreviates,
/// normalized ([`normalize`]), the longest first: «Муниципальное
/// бюджетное общеобразовательное учреждение „Средняя
/// общеобразовательная школа № 3“» is «МБОУ СОШ № 3» (a walk-through's
/// register of full names matched none of its schools' files).
const SHORT_FORMS: &[(&str, &str)] = &[
    (
        "муниципальное бюджетное общеобразовательное учреждение",
        "мбоу",
    ),
    (
        "муниципальное автономное общеобразовательное учреждение",
        "маоу",
    ),
    (
        "муниципальное казенное общеобразовательное учреждение",
        "мкоу",
    ),
    ("муниципальное общеобразовательное учреждение", "моу"),
    (
        "государственное бюджетное общеобразовательное учреждение",
        "гбоу",
    ),
    ("средняя общеобразовательная школа", "сош"),
    ("основная общеобразовательная школа", "оош"),
    ("начальная общеобразовательная школа", "нош"),
    ("средняя школа", "сш"),
    ("имени", "им"),
];

/// A school's name as the list and the files are compared by: normalized,
/// with the words of [`SHORT_FORMS`] abbreviated. Files are told apart
/// from each other by [`normalize`] alone: this is for the list only.
///
/// Word by word, each full form tried at each word: it runs for every file
/// of an import (a replace per form, each building its searcher, took 45 %
/// of the longest task of a 10 000-file import).
pub(super) fn name_key(name: &str) -> String {
    let normalized = normalize(name);
    let words: Vec<&str> = normalized.split(' ').collect();
    let mut key: Vec<&str> = Vec::with_capacity(words.len());
    let mut rest = &words[..];
    'words: while let Some((&word, after)) = rest.split_first() {
        for &(full, short) in SHORT_FORMS {
            let length = full.split(' ').count();
            if rest.len() >= length && full.split(' ').eq(rest[..length].iter().copied()) {
                key.push(short);
                rest = &rest[length..];
                continue 'words;
            }
        }
        key.push(word);
        rest = after;
    }
    key.join(" ")
}

impl Spelling {
    fn of(name: &str, identifier: &str, municipality: &str) -> Self {
        Self {
            name: name_key(name),
            identifier: identifier_key(identifier),
            municipality: (!municipality.trim().is_empty()).then(|| place_key(municipality)),
        }
    }

    fn listed(school: &RosterSchool) -> Self {
        Self::of(&school.name, &school.identifier, &school.municipality)
    }

    fn filed(profile: &SchoolProfile) -> Self {
        Self::of(&profile.name, &profile.identifier, &profile.municipality)
    }

    /// Whether the file spelled `file` is this listed school's: the
    /// identifier decides when both give one; otherwise the name, and the
    /// municipality when the list has it.
    fn owns(&self, file: &Spelling) -> bool {
        if self.both_identified(file) {
            return self.identifier == file.identifier;
        }
        self.same_name(file)
    }

    fn both_identified(&self, file: &Spelling) -> bool {
        !self.identifier.is_empty() && !file.identifier.is_empty()
    }

    /// The same name, in the list's municipality when it has one.
    fn same_name(&self, file: &Spelling) -> bool {
        self.name == file.name
            && self
                .municipality
                .as_deref()
                .is_none_or(|m| m == file.municipality.as_deref().unwrap_or_default())
    }
}

/// Words that say what kind of place a municipality is, not which:
/// «Городской округ Пример», «г. о. Пример» and «Пример» are one place (a
/// walk-through's school stood «не сдана» under its own name, its place
/// spelled otherwise than the list's).
const PLACE_KINDS: &[&str] = &[
    "г",
    "гор",
    "город",
    "городской",
    "округ",
    "о",
    "го",
    "муниципальный",
    "муниципальное",
    "образование",
    "мо",
    "район",
    "р",
    "н",
    "рн",
    "мр",
];

/// A municipality as the list and the files are compared by: normalized,
/// without the words of [`PLACE_KINDS`].
pub(crate) fn place_key(text: &str) -> String {
    let normalized = normalize(text);
    let words: Vec<&str> = (normalized.split(' '))
        .filter(|w| !PLACE_KINDS.contains(w))
        .collect();
    words.join(" ")
}

/// The position of the listed school that a file names exactly but under
/// another identifier: most often a typo on one side.
pub(super) fn namesake(roster: &Roster, profile: &SchoolProfile) -> Option<usize> {
    let file = Spelling::filed(profile);
    roster.schools.iter().position(|s| {
        let listed = Spelling::listed(s);
        listed.both_identified(&file)
            && listed.identifier != file.identifier
            && listed.same_name(&file)
    })
}

/// The roster, ready to be asked about many files.
pub(crate) struct Owners<'r> {
    roster: &'r Roster,
    spelled: Vec<Spelling>,
    by_identifier: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// By the name as typed in the list, for the files the coordinator
    /// placed by hand.
    by_listed_name: HashMap<&'r str, Vec<usize>>,
}

impl<'r> Owners<'r> {
    pub(crate) fn new(roster: &'r Roster) -> Self {
        let mut owners = Self {
            roster,
            spelled: Vec::with_capacity(roster.schools.len()),
            by_identifier: HashMap::new(),
            by_name: HashMap::new(),
            by_listed_name: HashMap::new(),
        };
        for (i, school) in roster.schools.iter().enumerate() {
            let spelling = Spelling::listed(school);
            if !spelling.identifier.is_empty() {
                owners
                    .by_identifier
                    .entry(spelling.identifier.clone())
                    .or_default()
                    .push(i);
            }
            owners
                .by_name
                .entry(spelling.name.clone())
                .or_default()
                .push(i);
            owners
                .by_listed_name
                .entry(&school.name)
                .or_default()
                .push(i);
            owners.spelled.push(spelling);
        }
        owners
    }

    /// The positions in the list of the schools that own a file of the
    /// school `id` with `profile`, in list order: the coordinator's placing
    /// when the list still has the school placed with, otherwise the
    /// spelling rules. A placing is by name, and namesakes of two places
    /// share one: the file's municipality tells them apart (a review: a
    /// placing went to both). Only the schools sharing the file's
    /// identifier or name can match, so only they are compared.
    pub(crate) fn of(&self, id: &SchoolId, profile: &SchoolProfile) -> Vec<usize> {
        // Without a list, without the file's spelling worked out (asked of
        // every file after each import).
        if self.spelled.is_empty() {
            return Vec::new();
        }
        let placed =
            (self.roster.linked.get(id)).and_then(|name| self.by_listed_name.get(name.as_str()));
        match placed.map(Vec::as_slice) {
            Some([row]) => vec![*row],
            // None of them in the file's place: none, rather than all (a
            // review: the namesake that sent nothing counted as sent).
            Some(rows) => {
                let file = Spelling::filed(profile);
                (rows.iter().copied())
                    .filter(|&i| {
                        (self.spelled[i].municipality.as_deref())
                            .is_none_or(|m| Some(m) == file.municipality.as_deref())
                    })
                    .collect()
            }
            None => self.spelled_as(&Spelling::filed(profile)),
        }
    }

    /// The positions of the schools that own a refused file claiming to be
    /// from `claim`, by the spelling rules alone: the coordinator's placing
    /// is by a key, which no refused file is trusted to carry.
    pub(super) fn of_claim(&self, claim: &Claim) -> Vec<usize> {
        self.spelled_as(&Spelling::of(
            &claim.name,
            &claim.identifier,
            &claim.municipality,
        ))
    }

    fn spelled_as(&self, file: &Spelling) -> Vec<usize> {
        let candidates = |map: &HashMap<String, Vec<usize>>, key: &str| {
            map.get(key).cloned().unwrap_or_default()
        };
        let mut found = candidates(&self.by_name, &file.name);
        if !file.identifier.is_empty() {
            found.extend(candidates(&self.by_identifier, &file.identifier));
            found.sort_unstable();
            found.dedup();
        }
        found.retain(|&i| self.spelled[i].owns(file));
        found
    }
}

/// The numbers in a name, without leading zeros, each once, in order.
fn numbers(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .map(|d| d.trim_start_matches('0'))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Which of `names` a file's school `name` most likely is, for the
/// coordinator to confirm when the spelling rules found none. A name with
/// numbers goes with the names carrying the same numbers («МБОУ СОШ №3»,
/// «Средняя общеобразовательная школа № 3»), and of those the one sharing
/// the most words with it. A name without numbers goes with the one name
/// that shares a word no other name of the list has («Верхнеполянская СОШ»,
/// «МБОУ "Верхнеполянская средняя школа"»). `None` when no single name
/// stands out. Asked of many files, [`LikelySchools`] reads the list once.
pub fn likely_school(name: &str, names: &[impl AsRef<str>]) -> Option<usize> {
    LikelySchools::new(names).of(name)
}

/// A list's names read once for [`likely_school`]: asked of each of 500
/// refused files, reading the 2 000 names of a list each time took 160 ms
/// (a review).
pub struct LikelySchools {
    /// Each name's numbers and words.
    names: Vec<(Vec<String>, HashSet<String>)>,
}

fn words(text: &str) -> HashSet<String> {
    normalize(text).split(' ').map(str::to_owned).collect()
}

impl LikelySchools {
    pub fn new(names: &[impl AsRef<str>]) -> Self {
        let read = |name: &str| {
            let numbers = numbers(name).into_iter().map(str::to_owned).collect();
            (numbers, words(name))
        };
        Self {
            names: names.iter().map(|n| read(n.as_ref())).collect(),
        }
    }

    /// [`likely_school`] of `name` in the list.
    pub fn of(&self, name: &str) -> Option<usize> {
        let mine = numbers(name);
        let my_words = words(name);
        let candidates: Vec<(usize, &HashSet<String>)> = (self.names.iter().enumerate())
            .filter(|(_, (numbers, _))| *numbers == mine)
            .map(|(i, (_, words))| (i, words))
            .collect();
        if mine.is_empty() {
            return by_a_rare_word(&my_words, &candidates);
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        for (i, theirs) in &candidates {
            let shared = theirs.intersection(&my_words).count();
            match best {
                Some((_, most)) if shared < most => {}
                Some((_, most)) if shared == most => tied = true,
                _ => {
                    best = Some((*i, shared));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(i, _)| i)
    }
}

/// Words shorter than this («им», «сош», «г») say nothing about which
/// school a name is.
const TELLING_WORD: usize = 4;

/// The one candidate sharing with `mine` a word of its own: a word no other
/// candidate has. Words every school's name carries («муниципальное»,
/// «школа») are in several names, so they never decide.
fn by_a_rare_word(
    mine: &HashSet<String>,
    candidates: &[(usize, &HashSet<String>)],
) -> Option<usize> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (_, words) in candidates {
        for word in words.iter() {
            *seen.entry(word).or_default() += 1;
        }
    }
    let mut found = candidates.iter().filter(|(_, words)| {
        words
            .intersection(mine)
            .any(|w| seen[w.as_str()] == 1 && w.chars().count() >= TELLING_WORD)
    });
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(*i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(name: &str, identifier: &str, municipality: &str) -> RosterSchool {
        RosterSchool {
            name: name.into(),
            identifier: identifier.into(),
            municipality: municipality.into(),
            ..RosterSchool::default()
        }
    }

    fn filed(name: &str, identifier: &str) -> SchoolProfile {
        SchoolProfile {
            name: name.into(),
            identifier: identifier.into(),
            municipality: "г. Ёлкино".into(),
            ..SchoolProfile::default()
        }
    }

    /// Every case of the rules, each worked out by hand against this list.
    #[test]
    fn spellings_identifiers_and_municipalities_decide_the_owner() {
        let roster = Roster {
            schools: vec![
                school("МАОУ «СОШ № 7»", "", ""),
                school("СОШ 7", "6658001234", ""),
                school("МАОУ «СОШ № 7»", "", "г. Берёзово"),
                school("Лицей", "", "--"),
                school("Гимназия", "", "г. Елкино"),
            ],
            ..Roster::default()
        };
        let owners = Owners::new(&roster);
        let of = |profile: SchoolProfile| owners.of(&SchoolId::of(&profile), &profile);
        // Spelled differently, the same school; not the one in Берёзово.
        assert_eq!(of(filed("маоу \"СОШ №7\"", "")), [0]);
        assert_eq!(of(filed("МАОУ «СОШ № 17»", "")), Vec::<usize>::new());
        // The identifier decides when both give one, whatever the name...
        assert_eq!(of(filed("Лицей 7 (переименована)", " 6658001234")), [1]);
        assert_eq!(of(filed("СОШ 7", "6658009999")), Vec::<usize>::new());
        // ...and the name when only one of them gives it.
        assert_eq!(of(filed("СОШ 7", "")), [1]);
        assert_eq!(of(filed("МАОУ СОШ 7", "6658009999")), [0]);
        // A municipality that is only punctuation is an empty one, not a blank.
        assert_eq!(of(filed("Лицей", "")), Vec::<usize>::new());
        let mut nowhere = filed("Лицей", "");
        nowhere.municipality = " ".into();
        assert_eq!(of(nowhere), [3]);
        assert_eq!(of(filed("гимназия", "")), [4]);
    }

    /// A place spelled with its kind or without it is one place; another
    /// word is another place.
    #[test]
    fn a_place_is_one_place_whatever_its_kind_is_called() {
        for one in [
            "Городской округ Пример",
            "г. о. Пример",
            "город Пример",
            "Пример",
        ] {
            assert_eq!(place_key(one), "пример", "{one}");
        }
        assert_eq!(place_key("Воткинский район"), "воткинский");
        assert_ne!(place_key("Воткинский район"), place_key("г. Воткинск"));
    }

    /// A register's full names and a card's abbreviations are one school;
    /// the words alone, without the rest of the name, are not.
    #[test]
    fn full_names_and_abbreviations_are_one_school() {
        let roster = Roster {
            schools: vec![
                school(
                    "Муниципальное бюджетное общеобразовательное учреждение «Средняя \
                     общеобразовательная школа № 3»",
                    "",
                    "",
                ),
                school(
                    "Муниципальное автономное общеобразовательное учреждение «Гимназия № 8»",
                    "",
                    "",
                ),
                school("Основная общеобразовательная школа № 4", "", ""),
            ],
            ..Roster::default()
        };
        let owners = Owners::new(&roster);
        let of = |profile: SchoolProfile| owners.of(&SchoolId::of(&profile), &profile);
        assert_eq!(of(filed("МБОУ СОШ № 3", "")), [0]);
        assert_eq!(of(filed("МАОУ \"Гимназия №8\"", "")), [1]);
        assert_eq!(of(filed("ООШ № 4", "")), [2]);
        assert_eq!(of(filed("Гимназия № 8", "")), Vec::<usize>::new());
        assert_eq!(of(filed("МАОУ СОШ № 3", "")), Vec::<usize>::new());
        assert_eq!(name_key("Средняя общеобразовательная школа"), "сош");
    }

    /// «имени» in a register's full name is «им.» on the card, as often as
    /// not: the register's school and its file stay apart («не сдана», in
    /// the reminder) unless placed by hand.
    #[test]
    fn imeni_in_a_full_name_is_im_in_the_card() {
        let roster = Roster {
            schools: vec![school(
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя \
                 общеобразовательная школа № 2 имени А. С. Пушкина»",
                "",
                "",
            )],
            ..Roster::default()
        };
        let owners = Owners::new(&roster);
        let file = filed("МБОУ СОШ № 2 им. А.С. Пушкина", "");
        assert_eq!(owners.of(&SchoolId::of(&file), &file), [0]);
    }

    #[test]
    fn the_likely_school_carries_the_same_numbers_and_the_most_words() {
        let full = [
            "Муниципальное общеобразовательное учреждение № 117",
            "Муниципальное общеобразовательное учреждение № 17",
            "Муниципальное общеобразовательное учреждение № 1",
        ];
        assert_eq!(likely_school("МБОУ СОШ № 117", &full), Some(0));
        assert_eq!(likely_school("МБОУ СОШ №017", &full), Some(1));
        let ones = ["Средняя школа № 1", "Гимназия № 1", "Лицей № 2"];
        assert_eq!(likely_school("МАОУ «Гимназия №1»", &ones), Some(1));
        let renamed = ["Школа-интернат № 9 (бывш. СОШ № 9)", "СОШ № 19"];
        assert_eq!(likely_school("МБОУ СОШ № 9", &renamed), Some(0));
        // Two names with the same number and words in common: no guess.
        assert_eq!(
            likely_school("СОШ № 1", &["Гимназия № 1", "Лицей № 1"]),
            None
        );
        assert_eq!(likely_school("Лицей", &["Лицей № 1"]), None);
        assert_eq!(
            likely_school("Школа № 3", &["Школа № 13", "Школа № 3 и 4"]),
            None
        );
    }

    #[test]
    fn a_name_without_numbers_goes_with_the_one_name_sharing_a_word_of_its_own() {
        let villages = [
            "МБОУ «Верхнеполянская средняя общеобразовательная школа»",
            "МБОУ «Нижнеполянская средняя общеобразовательная школа»",
            "МБОУ «Средняя общеобразовательная школа № 2»",
        ];
        assert_eq!(likely_school("Верхнеполянская СОШ", &villages), Some(0));
        // Words both village schools carry decide nothing.
        assert_eq!(
            likely_school("Средняя общеобразовательная школа", &villages),
            None
        );
        // Each of two names shares a word of its own: no guess.
        let two = ["Лицей им. Пушкина", "Школа села Ивановка"];
        assert_eq!(
            likely_school("Лицей имени Пушкина, с. Ивановка", &two),
            None
        );
        // A short word of one name alone («им») does not decide.
        assert_eq!(
            likely_school("Школа им. Героя", &["Гимназия им. Пушкина", "Гимназия"]),
            None
        );
    }

    #[test]
    fn a_placed_file_belongs_to_the_school_it_was_placed_with() {
        let mut roster = Roster {
            schools: vec![school("Лицей", "", ""), school("СОШ № 3", "", "")],
            ..Roster::default()
        };
        let odd = filed("СОШ №3 (г. Пример)", "");
        let id = SchoolId::of(&odd);
        assert!(Owners::new(&roster).of(&id, &odd).is_empty());
        roster.place(id.clone(), "СОШ № 3");
        assert_eq!(Owners::new(&roster).of(&id, &odd), [1]);
    }
}
