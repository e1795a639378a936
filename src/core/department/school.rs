//! Which files belong to the same school.
//!
//! Schools type their names by hand, year after year: «МАОУ "СОШ № 7"» and
//! «МАОУ СОШ №7» are the same school. An identifier (ИНН, a department's own
//! number), when given, decides; otherwise the name and municipality, with
//! case, quotes, spacing and punctuation ignored.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

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
/// year), in `after`'s order: by its identity, and where one year gives
/// its ИНН and the other none (the ИНН is optional), by its name and
/// municipality, when those name one school not paired so of each year.
/// Two ИНН, or two schools of one name, are not guessed at. Left out one
/// year, the ИНН took the school out of «Динамика», the measures'
/// analysis, its letter's last year and the review's last-year check (a
/// walk-through of the yearly cycle).
pub fn pair_schools<'b, 'a, B: OfSchool, A: OfSchool>(
    before: &'b [B],
    after: &'a [A],
) -> Vec<(&'b B, &'a A)> {
    let earlier: HashMap<&SchoolId, &'b B> = before.iter().map(|b| (b.school(), b)).collect();
    let paired: HashSet<&SchoolId> = (after.iter())
        .map(OfSchool::school)
        .filter(|s| earlier.contains_key(s))
        .collect();
    // The rest of each year by name and municipality alone.
    let mut was_named: HashMap<SchoolId, Vec<&'b B>> = HashMap::new();
    for b in before.iter().filter(|b| !paired.contains(b.school())) {
        was_named
            .entry(SchoolId::by_name(b.profile()))
            .or_default()
            .push(b);
    }
    let mut now_named: HashMap<SchoolId, usize> = HashMap::new();
    for a in after.iter().filter(|a| !earlier.contains_key(a.school())) {
        *now_named.entry(SchoolId::by_name(a.profile())).or_default() += 1;
    }
    (after.iter())
        .filter_map(|now| {
            if let Some(was) = earlier.get(now.school()) {
                return Some((*was, now));
            }
            let name = SchoolId::by_name(now.profile());
            match (
                was_named.get(&name).map(Vec::as_slice),
                now_named.get(&name),
            ) {
                (Some([was]), Some(1))
                    if is_identifier(&was.profile().identifier)
                        != is_identifier(&now.profile().identifier) =>
                {
                    Some((*was, now))
                }
                _ => None,
            }
        })
        .collect()
}

/// Lower case letters and digits, words separated by one space; "№7" and
/// "№ 7" both become "7".
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
            'ё' => 'е',
            c => c,
        }));
    }
    out
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
