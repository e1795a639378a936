//! A draft's own checks against a seed card.

use crate::card::builtin;
use crate::school::draft::{ListRow, RawAnswer};
use crate::testkit::draft;

/// Невинномысск's 1.3 counts children with ОВЗ among an event's
/// participants (column `ovz`); the profile says whether the school has any.
#[test]
fn children_with_ovz_typed_against_a_profile_without_them_are_named() {
    let card = builtin("nevinnomyssk").unwrap().unwrap();
    let row = |values: [&str; 3]| ListRow {
        name: "Ярмарка профессий".into(),
        values: values.map(str::to_owned).to_vec(),
    };
    let mut d = draft("СОШ № 1", "2025/2026", &[]);
    d.answers.insert(
        "1.3".into(),
        RawAnswer {
            rows: vec![row(["40", "0", "2"]), row(["25", "3", "0"])],
            ..RawAnswer::default()
        },
    );
    d.profile.ovz = true;
    assert!(d.contradicting_profile(&card).is_empty());
    d.profile.ovz = false;
    let found = d.contradicting_profile(&card);
    let found: Vec<(&str, &str)> = (found.iter())
        .map(|(code, flag)| (code.as_str(), flag.key.as_str()))
        .collect();
    assert_eq!(found, [("1.3", "ovz")]);
    // None typed: nothing contradicts «нет».
    d.answers.get_mut("1.3").unwrap().rows[1].values[1] = "0".into();
    assert!(d.contradicting_profile(&card).is_empty());
}
