use super::*;
use crate::card::builtin;
use crate::error::SiteIndexError;
use crate::signed::keys::KeyPair;

const AT: &str = "2026-08-20T09:00:00.000Z";

/// A small card of the department's own: the byte sweep opens it thousands
/// of times.
fn department_card() -> Card {
    Card::from_json(
        r#"{"id":"otdel-card","version":1,"title":"Карта отдела","source":"Приказ № 1",
        "max_points":1,"directions":[{"title":"Направление","criteria":[{"code":"1",
        "title":"Критерий","max_points":1,"indicators":[{"id":"a1","code":"1.1",
        "text":"Доля обучающихся","rule_text":"не менее 30%","points":1,"evidence":"Сайт ОО",
        "rule":{"kind":"share","threshold_percent":30,"numerator":"Участники",
        "denominator":"Всего","zero_denominator":"zero_points"}}]}]}]}"#,
    )
    .unwrap()
}

fn sealed() -> (Card, KeyPair, String) {
    let card = department_card();
    let key = KeyPair::from_seed([7; 32]);
    let text = seal_card(&card, "Управление образования", AT, &key);
    (card, key, text)
}

#[test]
fn a_sealed_card_opens_as_it_was() {
    let (card, key, text) = sealed();
    let opened = open_card(&text).unwrap();
    assert_eq!(opened.card, card);
    assert_eq!(opened.department, "Управление образования");
    assert_eq!(opened.published_at, AT);
    assert_eq!(opened.fingerprint, key.fingerprint());
    assert_eq!(card_file_name(&card), "otdel-card-v1.json");
}

/// Flipping any bit of any byte never gets another content accepted: the
/// file is refused, or (a hex digit of the key, signature or fingerprint
/// changing case, and nothing else) reads exactly the same.
#[test]
fn no_flipped_bit_gets_a_changed_card_accepted() {
    let (card, key, text) = sealed();
    let expected = open_card(&text).unwrap();
    assert_eq!(expected.card, card);
    assert_eq!(expected.fingerprint, key.fingerprint());
    crate::testkit::assert_no_flip_accepted(&text, open_card, &expected);
}

#[test]
fn each_way_a_card_file_can_be_wrong_is_named() {
    let (card, key, text) = sealed();
    assert_eq!(open_card("не JSON"), Err(CardFileError::NotJson));
    assert_eq!(open_card("{}"), Err(CardFileError::NotCardFile));
    let submission = crate::testkit::sample_file();
    assert_eq!(open_card(&submission), Err(CardFileError::NotCardFile));
    let altered = text.replacen("\"threshold_percent\": 30", "\"threshold_percent\": 20", 1);
    assert_eq!(open_card(&altered), Err(CardFileError::Altered));

    // Signed as it is, but the hash or the card itself is wrong.
    let sign = |payload: serde_json::Value| seal_value(FORMAT, FORMAT_VERSION, payload, &key);
    let mut payload = serde_json::to_value(Payload {
        card: card.clone(),
        sha256: "0".repeat(64),
        department: "УО".into(),
        published_at: AT.into(),
    })
    .unwrap();
    assert_eq!(
        open_card(&sign(payload.clone())),
        Err(CardFileError::HashMismatch)
    );
    payload["card"]["max_points"] = 99.into();
    assert!(matches!(
        open_card(&sign(payload)),
        Err(CardFileError::Invalid(_))
    ));
    // A key twice (serde_json would read the second), a fingerprint not the key's.
    let twice = text.replacen(
        "\"department\":",
        "\"department\": \"Другой отдел\", \"department\":",
        1,
    );
    assert_eq!(
        open_card(&twice),
        Err(CardFileError::DuplicateKey {
            path: vec!["payload".into(), "department".into()]
        })
    );
    let other = KeyPair::from_seed([8; 32]).fingerprint();
    assert_eq!(
        open_card(&text.replace(&key.fingerprint(), &other)),
        Err(CardFileError::FingerprintMismatch {
            actual: key.fingerprint()
        })
    );
    let template = builtin("belinsky").unwrap().unwrap();
    let text = seal_card(&template, "УО", AT, &key);
    assert_eq!(open_card(&text), Err(CardFileError::Template));
    for e in [
        CardFileError::Altered,
        CardFileError::Template,
        CardFileError::HashMismatch,
    ] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn the_site_folder_lists_its_cards_and_the_index_reads_back() {
    let (card, _, text) = sealed();
    let files = site_files("УО", [(&card, text.as_str())]);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["cards/otdel-card-v1.json", "cards/index.json"]);
    let index = read_site_index(&files[1].1).unwrap();
    assert_eq!(index.department, "УО");
    assert_eq!(index.cards[0].file, "otdel-card-v1.json");
    assert_eq!(open_card(&files[0].1).unwrap().card, card);
    // A name that leaves the folder is ignored.
    let sneaky = files[1].1.replace("otdel-card-v1.json", "../../evil.json");
    assert!(read_site_index(&sneaky).unwrap().cards.is_empty());
    assert!(matches!(
        read_site_index("[]"),
        Err(SiteIndexError::Broken { .. })
    ));
    let other = files[1]
        .1
        .replace("profkarta-card-index", "profkarta-other");
    assert_eq!(read_site_index(&other), Err(SiteIndexError::NotIndex));
    assert_eq!(
        SiteIndexError::NotIndex.to_string(),
        "файл в формате JSON, но это не список карт Профкарты"
    );
}

#[test]
fn a_school_trusts_the_first_key_and_names_another() {
    let (card, _, text) = sealed();
    let first = open_card(&text).unwrap();
    let trusted = TrustedKey::of(&first);
    assert_eq!(trusted.check(&first), Ok(()));
    let other = seal_card(&card, "УО", AT, &KeyPair::from_seed([9; 32]));
    let other = open_card(&other).unwrap();
    let Err(e) = trusted.check(&other) else {
        panic!("another key is named")
    };
    assert!(e.to_string().contains(&other.fingerprint), "{e}");
    assert!(e.to_string().contains(&trusted.fingerprint), "{e}");
}

/// Trusting the department's new key keeps the cards received under the
/// old one, stored; a card opened from then on must be the new key's, and
/// the old key given back its place is not listed twice.
#[test]
fn a_key_replaced_keeps_the_cards_received_before() {
    let (card, _, text) = sealed();
    let old = open_card(&text).unwrap();
    let new_key = KeyPair::from_seed([9; 32]);
    let new = open_card(&seal_card(&card, "УО", AT, &new_key)).unwrap();
    let trusted = TrustedKey::of(&old).replaced_by(&new);
    assert_eq!(trusted.public_key, TrustedKey::of(&new).public_key);
    assert_eq!(trusted.check(&new), Ok(()));
    assert_eq!(trusted.check_kept(&old), Ok(()));
    assert!(matches!(
        trusted.check(&old),
        Err(CardFileError::OtherKey { .. })
    ));
    let third = open_card(&seal_card(&card, "УО", AT, &KeyPair::from_seed([8; 32]))).unwrap();
    assert!(trusted.check_kept(&third).is_err());
    let back = trusted.clone().replaced_by(&old);
    assert_eq!(back.former, [TrustedKey::of(&new).public_key]);
    assert_eq!(back.check_kept(&new), Ok(()));
    // Stored as before when nothing was replaced: an earlier page reads it.
    let plain = serde_json::to_string(&TrustedKey::of(&old)).unwrap();
    assert!(!plain.contains("former"), "{plain}");
}
