//! Robustness of everything that reads outside input: submission files, card
//! templates, stored drafts and backups, department workspaces and key lists.
//! Arbitrary bytes and structure-aware mutations of real files must give a
//! value or a typed error, never a panic (a hang would time the test out).
//!
//! The default run is a few thousand cases per parser; the long run is
//! `PROPTEST_CASES=250000 cargo test --release --test parsers_never_panic`
//! (four parsers × 250 000 = a million inputs).

use proptest::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::department::archive::{check, Archive, Cards};
use profkarta_core::school::draft::Draft;
use profkarta_core::school::stored::{decode, read_school_file};
use profkarta_core::scoring::assess;
use profkarta_core::signed::submission::open;
use profkarta_core::testkit;

/// Real text with a few bytes replaced, inserted or removed: mostly valid
/// UTF-8 and nearly valid JSON, which is where parsers hide their bugs.
fn mutated(base: String) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len();
    proptest::collection::vec((0..len, any::<u8>(), 0..3u8), 1..6).prop_map(move |edits| {
        let mut bytes = base.clone().into_bytes();
        for (at, byte, kind) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match kind {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        bytes
    })
}

fn inputs(base: String) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        "[ -~{}\\[\\]\":,0-9a-zA-Zа-я]{0,200}".prop_map(String::into_bytes),
        mutated(base),
    ]
}

proptest! {
    #[test]
    fn submissions(bytes in inputs(testkit::sample_file())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = open(text);
        }
        let card = testkit::card();
        let _ = check(&Cards::new([card]), "f.json", &bytes);
    }

    #[test]
    fn card_templates(bytes in inputs(profkarta_core::card::BUILTIN_CARD_JSON.to_owned())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Ok(card) = Card::from_json(text) {
                // A card that passed validation must score any draft.
                let _ = assess(&card, &Draft::default());
            }
        }
    }

    #[test]
    fn drafts_and_backups(bytes in inputs(String::from(r#"{"schema":1,"id":"a","revision":3,"updated_at":"x","draft":{"profile":{"name":"Ш"},"answers":{"1.1":{"numerator":"3"}}}}"#))) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = decode(text);
            let _ = read_school_file(text);
        }
    }

    #[test]
    fn department_workspaces_and_key_lists(bytes in inputs(String::from(r#"{"format":"profkarta-department","schema":1,"files":[{"name":"a","text":"{}"}],"keys":{},"reviews":{"x":{"checked":true}}}"#))) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let card = testkit::card();
            let cards = || Cards::new([card.clone()]);
            let _ = Archive::from_json(cards(), text);
            let _ = Archive::new(cards()).load_keys(text);
        }
    }
}
