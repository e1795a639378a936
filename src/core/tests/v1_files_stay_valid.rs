//! Files signed before the card format grew (format 1, card
//! `proforientatsiya-23` version 1) verify and score exactly as they did:
//! the card's hash is pinned, and every fixture's recomputed score equals
//! the score its school signed, criterion by criterion.

use std::collections::BTreeMap;

use profkarta_core::department::archive::{check, Cards};
use profkarta_core::signed::submission::card_hash;
use profkarta_core::testkit;

/// SHA-256 of the built-in card's canonical JSON, as every submission of it names.
const CARD_SHA: &str = "ca1e19a72d319e13815a5393479b49eac6c34cde379ee3aeecf6e420fb56b262";

#[test]
fn the_seed_003_card_hash_never_changes() {
    assert_eq!(card_hash(&testkit::card()), CARD_SHA);
}

#[test]
fn files_signed_by_the_first_format_score_as_signed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1");
    let expected: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap())
            .unwrap();
    assert_eq!(expected.len(), 8);
    // Every built-in card is known, as on the department's page.
    let cards = Cards::builtin().unwrap();
    for (name, want) in expected {
        let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
        let entry = check(&cards, &name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(entry.card.id, "proforientatsiya-23");
        assert!(
            !entry.mismatch,
            "{name}: the recomputation differs from the signed score"
        );
        let a = &entry.assessment;
        let level = a.level.map(|l| l.key());
        assert_eq!(
            (u64::from(a.total), u64::from(a.max_applicable), level),
            (
                want["total"].as_u64().unwrap(),
                want["max_applicable"].as_u64().unwrap(),
                want["level"].as_str()
            ),
            "{name}"
        );
    }
}
