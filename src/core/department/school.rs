//! Which files belong to the same school.
//!
//! Schools type their names by hand, year after year: «МАОУ "СОШ № 7"» and
//! «МАОУ СОШ №7» are the same school. An identifier (ИНН, a department's own
//! number), when given, decides; otherwise the name and municipality, with
//! case, quotes, spacing and punctuation ignored.

use serde::{Deserialize, Serialize};

use crate::school::profile::SchoolProfile;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SchoolId(String);

impl SchoolId {
    pub fn of(profile: &SchoolProfile) -> Self {
        let identifier = normalize(&profile.identifier);
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

/// Whether two files' schools differ only in that one gives its ИНН and
/// the other none (the ИНН is optional): the same name and municipality.
pub fn inn_left_out(a: &SchoolProfile, b: &SchoolProfile) -> bool {
    let without = |p: &SchoolProfile| p.identifier.trim().is_empty();
    without(a) != without(b) && SchoolId::by_name(a) == SchoolId::by_name(b)
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
    }
}
