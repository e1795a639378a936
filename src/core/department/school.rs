//! Which files belong to the same school.
//!
//! Schools type their names by hand, year after year: «МАОУ "СОШ № 7"» and
//! «МАОУ СОШ №7» are the same school. An identifier (ИНН, a department's own
//! number), when given, decides; otherwise the name and municipality, with
//! case, quotes, spacing and punctuation ignored.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use crate::department::roster::{Owners, Roster};
use crate::school::profile::SchoolProfile;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SchoolId(String);

impl SchoolId {
    pub fn of(profile: &SchoolProfile) -> Self {
        let identifier = identifier_key(&profile.identifier);
        if identifier.is_empty() {
            Self(format!(
                "{}|{}",
                normalize(&profile.name),
                normalize(&profile.municipality)
            ))
        } else {
            Self(format!("#{identifier}"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Neither a name (with a letter or digit) nor an identifier: every
    /// such school is one and the same.
    pub fn is_nameless(&self) -> bool {
        self.0.starts_with('|')
    }

    /// The school by its name and municipality alone, whatever ИНН it gave.
    pub fn by_name(profile: &SchoolProfile) -> Self {
        Self::of(&SchoolProfile {
            identifier: String::new(),
            ..profile.clone()
        })
    }
}

/// Whether the identifier box's text is one ([`SchoolId::of`]): an ИНН or
/// a number has a digit. «—», «нет» or «не присвоен» typed in the box are
/// none: as identities, every school that typed «нет» was one school, and
/// one's file replaced another's.
pub fn is_identifier(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// The identifier box's text as files and lists compare it: spelled as
/// [`normalize`] spells it, empty when it is no identifier.
pub fn identifier_key(text: &str) -> String {
    match is_identifier(text) {
        true => normalize(text),
        false => String::new(),
    }
}

/// What a school's file, result or rating row is, for [`pair_schools`].
pub trait OfSchool {
    fn school(&self) -> &SchoolId;
    fn profile(&self) -> &SchoolProfile;
}

/// Lists of references pair as the lists themselves.
impl<T: OfSchool> OfSchool for &T {
    fn school(&self) -> &SchoolId {
        (**self).school()
    }

    fn profile(&self) -> &SchoolProfile {
        (**self).profile()
    }
}

/// Each school of `after` (this year) with its file of `before` (last
/// year), in `after`'s order: by its identity; then, among the rest, by
/// the coordinator's list of schools, when one row of it owns one school of
/// each year (a school renamed without an ИНН, «МБОУ» become «МАОУ», that
/// the coordinator placed once on «Школы», was two schools everywhere
/// else); then, where one year gives its ИНН and the other none (the ИНН is
/// optional), by its name and municipality, when those name one school of
/// each year. Two ИНН are not guessed at unless the coordinator placed one
/// of the files, and two schools of one name never are. Left out one year,
/// the school dropped out of «Динамика», the measures' analysis, its
/// letter's last year and the review's last-year check (walk-throughs of
/// the yearly cycle).
pub fn pair_schools<'b, 'a, B: OfSchool, A: OfSchool>(
    roster: &Roster,
    before: &'b [B],
    after: &'a [A],
) -> Vec<(&'b B, &'a A)> {
    let earlier: HashMap<&SchoolId, &'b B> = before.iter().map(|b| (b.school(), b)).collect();
    let mut found: Vec<Option<&'b B>> = (after.iter())
        .map(|a| earlier.get(a.school()).copied())
        .collect();
    let now: HashSet<&SchoolId> = after.iter().map(OfSchool::school).collect();
    let mut rest: Vec<&'b B> = (before.iter())
        .filter(|b| !now.contains(b.school()))
        .collect();
    let both_identified = |was: &B, now: &A| {
        is_identifier(&was.profile().identifier) && is_identifier(&now.profile().identifier)
    };
    if !roster.schools.is_empty() && !rest.is_empty() && found.iter().any(Option::is_none) {
        let owners = Owners::new(roster);
        let row = |s: &dyn OfSchool| match owners.of(s.school(), s.profile())[..] {
            [row] => Some(row),
            _ => None,
        };
        let placed = |s: &dyn OfSchool| roster.linked.contains_key(s.school());
        pair_rest(after, &mut found, &mut rest, row, |was, now| {
            placed(was) || placed(now) || !both_identified(was, now)
        });
    }
    let name = |s: &dyn OfSchool| Some(SchoolId::by_name(s.profile()));
    pair_rest(after, &mut found, &mut rest, name, |was, now| {
        is_identifier(&was.profile().identifier) != is_identifier(&now.profile().identifier)
    });
    (after.iter().zip(found))
        .filter_map(|(now, was)| Some((was?, now)))
        .collect()
}

/// Pairs the schools of `after` not `found` yet with those `rest` of the
/// year before, where `key` names exactly one of each year and `may` lets
/// the two be one school; the paired leave `rest`.
fn pair_rest<'b, B: OfSchool, A: OfSchool, K: Hash + Eq>(
    after: &[A],
    found: &mut [Option<&'b B>],
    rest: &mut Vec<&'b B>,
    key: impl Fn(&dyn OfSchool) -> Option<K>,
    may: impl Fn(&B, &A) -> bool,
) {
    let mut was: HashMap<K, Vec<usize>> = HashMap::new();
    for (at, b) in rest.iter().enumerate() {
        if let Some(k) = key(*b) {
            was.entry(k).or_default().push(at);
        }
    }
    let mut now: HashMap<K, usize> = HashMap::new();
    for (a, _) in after.iter().zip(found.iter()).filter(|(_, f)| f.is_none()) {
        if let Some(k) = key(a) {
            *now.entry(k).or_default() += 1;
        }
    }
    let mut used = HashSet::new();
    for (a, f) in after
        .iter()
        .zip(found.iter_mut())
        .filter(|(_, f)| f.is_none())
    {
        let Some(k) = key(a) else { continue };
        if let (Some(&[at]), Some(1)) = (was.get(&k).map(Vec::as_slice), now.get(&k)) {
            if may(rest[at], a) {
                *f = Some(rest[at]);
                used.insert(at);
            }
        }
    }
    let mut at = 0;
    rest.retain(|_| {
        at += 1;
        !used.contains(&(at - 1))
    });
}

/// Lower case letters and digits, words separated by one space; "№7" and
/// "№ 7" both become "7".
///
/// Russian and Latin letters are told and lowered by hand before Unicode's
/// tables are asked: it runs for every file of an import, and the tables'
/// look-ups of Cyrillic letters were a fifth of its longest task.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
                'Ё' | 'ё' => out.push('е'),
                'а'..='я' | 'a'..='z' | '0'..='9' => out.push(c),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

fn is_letter_or_digit(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'a'..='z' | 'A'..='Z' | '0'..='9')
        || (!c.is_ascii() && c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(name: &str, municipality: &str, identifier: &str) -> SchoolProfile {
        SchoolProfile {
            name: name.into(),
            municipality: municipality.into(),
            identifier: identifier.into(),
            ..SchoolProfile::default()
        }
    }

    /// The letters told and lowered by hand come out as Unicode's own
    /// tables make them: every character up to the end of Cyrillic and a
    /// few beyond, alone, in short runs and all together.
    #[test]
    fn normalize_agrees_with_unicode() {
        let by_tables = |text: &str| {
            let words = (text.split(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty());
            let lowered = words.map(|w| {
                (w.chars().flat_map(char::to_lowercase))
                    .map(|c| if c == 'ё' { 'е' } else { c })
                    .collect::<String>()
            });
            lowered.collect::<Vec<_>>().join(" ")
        };
        let every: Vec<char> = ('\u{0}'..='\u{052f}')
            .chain(['№', 'ß', 'İ', 'Ⅻ', '٣', '\u{a0}', '\u{2003}', 'Ω'])
            .collect();
        for c in &every {
            let text = format!("Ab{c}Ёж {c}");
            assert_eq!(normalize(&text), by_tables(&text), "{c:?}");
        }
        for run in every.chunks(7) {
            let text: String = run.iter().collect();
            assert_eq!(normalize(&text), by_tables(&text), "{text:?}");
        }
        let all: String = every.iter().collect();
        assert_eq!(normalize(&all), by_tables(&all));
    }

    #[test]
    fn spelling_variants_are_one_school() {
        let a = SchoolId::of(&school("МАОУ «СОШ № 7»", "г. Ёлкино", ""));
        let b = SchoolId::of(&school("маоу \"СОШ №7\" ", "г.  Елкино", ""));
        assert_eq!(a, b);
        let other = SchoolId::of(&school("МАОУ «СОШ № 17»", "г. Ёлкино", ""));
        assert_ne!(a, other);
    }

    #[test]
    fn identifier_decides_when_given() {
        let a = SchoolId::of(&school("СОШ 7", "Город", "6658001234"));
        let renamed = SchoolId::of(&school("Лицей 7", "Город", " 6658001234 "));
        assert_eq!(a, renamed);
        assert_ne!(a, SchoolId::of(&school("СОШ 7", "Город", "")));
        // Words in the box are no identifier: two schools that typed «нет»
        // stay two.
        let no = |name: &str| SchoolId::of(&school(name, "Город", "нет"));
        assert_ne!(no("СОШ 7"), no("СОШ 8"));
        assert_eq!(no("СОШ 7"), SchoolId::of(&school("СОШ 7", "Город", "")));
    }
}
