use super::*;
use crate::card::builtin;
use crate::department::archive::{Archive, Cards, LoadedCard};
use crate::signed::card_file::SiteEntry;
use crate::signed::keys::KeyPair;

const AT: &str = "2026-08-20T09:00:00.000Z";

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("п{n}")
    }
}

/// From the seed-000 skeleton: a card of the department's own, version 1.
#[test]
fn a_draft_from_the_skeleton_gets_ids_and_its_own_name() {
    let skeleton = builtin("belinsky").unwrap().unwrap();
    let mut own = OwnCards::default();
    let at = own.start_from(&skeleton, "otdel-2026", ids());
    let draft = &own.get(at).unwrap().card;
    assert!(own.get(at).unwrap().is_draft());
    assert_eq!(
        (draft.id.as_str(), draft.version, draft.template),
        ("otdel-2026", 1, false)
    );
    assert!(draft.indicators().all(|i| i.id.starts_with('п')));
    // Not the skeleton's «группы показателей» title nor its 2021 order:
    // the department's order is asked for before publishing.
    assert_eq!(
        (draft.title.as_str(), draft.source.as_str()),
        (crate::card::edit::NEW_TITLE, crate::card::edit::NEW_SOURCE)
    );
    assert!(crate::card::validate::publish_problems(draft)
        .iter()
        .any(|p| p.to_string() == "Источник карты — впишите текст вместо «…»."));
}

#[test]
fn publishing_checks_signs_and_freezes_the_version() {
    let key = KeyPair::from_seed([3; 32]);
    let lk = builtin("leninsk-kuznetsky").unwrap().unwrap();
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let at = archive.next_version(&lk, &[], ids());
    let mut draft = archive.own_cards().get(at).unwrap().card.clone();
    assert_eq!(draft.version, 2);
    assert_eq!(
        draft.indicator("1.1").unwrap().id,
        "1.1",
        "the codes become ids"
    );
    // A card file names its department: none, no publishing.
    assert_eq!(
        archive.publish(at, &key, AT, &[]),
        Err(PublishError::NoDepartment)
    );
    archive.edit_own(|own| own.department = "Управление образования".into());
    // An error blocks publishing and is named.
    draft.title.clear();
    assert!(archive.edit_own(|own| own.edit(at, draft.clone(), Default::default())));
    let Err(PublishError::Invalid(problems)) = archive.publish(at, &key, AT, &[]) else {
        panic!("an empty title is an error")
    };
    assert_eq!(problems.len(), 1);
    // Fixed, and a point added: the maxima follow by themselves.
    draft.title = "Карта 2027".into();
    draft.directions[0].criteria[0].indicators[0].points = 2;
    archive.edit_own(|own| own.edit(at, draft, Default::default()));
    archive.publish(at, &key, AT, &[]).unwrap();
    let published = archive.own_cards().get(at).unwrap();
    assert_eq!(published.card.max_points, 17);
    let file = open_card(&published.published.as_ref().unwrap().file).unwrap();
    assert_eq!(file.card, published.card);
    assert!(archive.cards().get("leninsk-kuznetsky", 2).is_some());
    // Final: no edit, no second publishing.
    assert!(!archive.edit_own(|own| own.edit(at, lk.clone(), Default::default())));
    assert_eq!(
        archive.publish(at, &key, AT, &[]),
        Err(PublishError::NotDraft)
    );
    // A new version started from version 1 is numbered after version 2.
    let again = archive.next_version(&lk, &[], ids());
    assert_eq!(archive.own_cards().get(again).unwrap().card.version, 3);
}

#[test]
fn own_cards_survive_a_backup_and_their_files_are_known_again() {
    let key = KeyPair::from_seed([3; 32]);
    let iz = builtin("izhevsk").unwrap().unwrap();
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let at = archive.edit_own(|own| {
        own.department = "Управление образования".into();
        own.start_from(&iz, "otdel", ids())
    });
    archive.publish(at, &key, AT, &[]).unwrap();
    archive.edit_own(|own| own.start_from(&iz, "otdel-draft", ids()));
    let (back, problems) =
        Archive::from_json(Cards::builtin().unwrap(), &archive.to_json()).unwrap();
    assert!(problems.is_empty());
    assert_eq!(back.own_cards(), archive.own_cards());
    assert!(back.cards().get("otdel", 1).is_some());
    assert!(
        back.cards().get("otdel-draft", 1).is_none(),
        "a draft is not a card to file against"
    );
    // The plain copy edited in the backup is read again from the file.
    let mut edited: serde_json::Value = serde_json::from_str(&archive.to_json()).unwrap();
    let title = &mut edited["own_cards"]["cards"][0]["card"]["title"];
    assert!(title.is_string());
    *title = "Правленая копия".into();
    let (back, _) = Archive::from_json(Cards::builtin().unwrap(), &edited.to_string()).unwrap();
    assert_eq!(back.own_cards(), archive.own_cards());
    assert_eq!(back.cards().get("otdel", 1).unwrap().title, iz.title);
}

/// A neighbouring department's card: Izhevsk's under the id «sosed», and
/// the key it is signed with.
fn neighbours_card() -> (Card, KeyPair) {
    let mut card = builtin("izhevsk").unwrap().unwrap();
    card.id = "sosed".into();
    (card, KeyPair::from_seed([4; 32]))
}

#[test]
fn a_card_file_from_elsewhere_is_loaded_once() {
    let (card, key) = neighbours_card();
    let text = crate::signed::card_file::seal_card(&card, "Соседний УО", AT, &key);
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let ours = KeyPair::from_seed([5; 32]).fingerprint();
    let loaded = |new| LoadedCard {
        card: card.clone(),
        new,
        draft_renumbered: None,
    };
    assert_eq!(
        archive
            .load_card_file(&text, Some(&ours), &[], false)
            .unwrap(),
        loaded(true)
    );
    // Again: known already, nothing new.
    assert_eq!(
        archive
            .load_card_file(&text, Some(&ours), &[], false)
            .unwrap(),
        loaded(false)
    );
    assert_eq!(archive.own_cards().iter().count(), 1);
    assert!(archive.cards().get("sosed", 1).is_some());
    assert!(archive.load_card_file("{}", None, &[], false).is_err());
    // A neighbour's file does not name this department.
    assert_eq!(archive.own_cards().department, "");
}

/// Version 1 of «sosed» published twice with different content (a second
/// computer without the key's copy): the second file is refused, by name,
/// instead of «загружена» while the first stays.
#[test]
fn another_card_under_a_published_version_is_refused() {
    let (mut card, key) = neighbours_card();
    let first = crate::signed::card_file::seal_card(&card, "УО", AT, &key);
    card.title = "Другое название".into();
    let other = KeyPair::from_seed([6; 32]);
    let second = crate::signed::card_file::seal_card(&card, "УО", AT, &other);
    let mut archive = Archive::new(Cards::builtin().unwrap());
    archive.load_card_file(&first, None, &[], false).unwrap();
    assert_eq!(
        archive.load_card_file(&second, None, &[], false),
        Err(CardFileError::OtherContent {
            id: "sosed".into(),
            version: 1
        })
    );
    assert!(CardFileError::OtherContent {
        id: "sosed".into(),
        version: 1
    }
    .to_string()
    .starts_with("В рабочей области уже есть карта «sosed», версия 1, с другим содержанием"));
    assert_ne!(archive.cards().get("sosed", 1).unwrap().title, card.title);
    // The same file again is no change.
    archive.load_card_file(&first, None, &[], false).unwrap();
    assert_eq!(archive.own_cards().iter().count(), 1);
    // Nor is a built-in card's version told otherwise, nor does such a
    // file name the department.
    let mut seed = builtin(crate::card::DEFAULT_CARD).unwrap().unwrap();
    seed.title = "Правленая карта".into();
    let edited = crate::signed::card_file::seal_card(&seed, "Чужой УО", AT, &key);
    assert!(matches!(
        archive.load_card_file(&edited, Some(&key.fingerprint()), &[], false),
        Err(CardFileError::OtherContent { version: 1, .. })
    ));
    assert_eq!(archive.own_cards().department, "");
}

/// A neighbour's version 2 of a card whose version 1 here is signed by
/// this department's key is asked about, not taken unsaid as the latest of
/// ours; answered yes, it is loaded; a version signed by the key of the
/// versions here is not asked about.
#[test]
fn another_key_s_version_of_our_card_is_asked_about() {
    let (mut card, neighbour) = neighbours_card();
    let ours = KeyPair::from_seed([5; 32]);
    let first = crate::signed::card_file::seal_card(&card, "Наш УО", AT, &ours);
    card.version = 2;
    let theirs = crate::signed::card_file::seal_card(&card, "Соседний УО", AT, &neighbour);
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let own = Some(ours.fingerprint());
    archive
        .load_card_file(&first, own.as_deref(), &[], false)
        .unwrap();
    let asked = archive
        .load_card_file(&theirs, own.as_deref(), &[], false)
        .unwrap_err();
    assert_eq!(
        asked,
        CardFileError::AnotherKeysVersion {
            id: "sosed".into(),
            version: 2,
            department: "Соседний УО".into(),
            got: neighbour.fingerprint(),
            here: ours.fingerprint(),
        }
    );
    assert!(asked.to_string().starts_with(&format!(
        "Карта «sosed», версия 2, подписана ключом {} (отдел: «Соседний УО»), а её версии в этой \
         рабочей области — ключом {}. Если это версия другого отдела, она станет последней",
        neighbour.fingerprint(),
        ours.fingerprint()
    )));
    assert!(archive.cards().get("sosed", 2).is_none());
    let loaded = archive
        .load_card_file(&theirs, own.as_deref(), &[], true)
        .unwrap();
    assert!(loaded.new);
    assert!(archive.cards().get("sosed", 2).is_some());
    // Our own next version is no question.
    card.version = 3;
    let next = crate::signed::card_file::seal_card(&card, "Наш УО", AT, &ours);
    assert!(archive
        .load_card_file(&next, own.as_deref(), &[], false)
        .is_ok());
}

#[test]
fn the_department_s_own_card_file_gives_its_name_when_none_is_set() {
    let key = KeyPair::from_seed([4; 32]);
    let mut card = builtin("izhevsk").unwrap().unwrap();
    card.id = "nasha".into();
    let text = crate::signed::card_file::seal_card(&card, " Наш УО ", AT, &key);
    let mut archive = Archive::new(Cards::builtin().unwrap());
    archive
        .load_card_file(&text, Some(&key.fingerprint()), &[], false)
        .unwrap();
    assert_eq!(archive.own_cards().department, "Наш УО");
    // A name already given stays.
    let mut named = Archive::new(Cards::builtin().unwrap());
    named.edit_own(|own| own.department = "Отдел образования".into());
    named
        .load_card_file(&text, Some(&key.fingerprint()), &[], false)
        .unwrap();
    assert_eq!(named.own_cards().department, "Отдел образования");
}

/// The department's website lists version 2 of Leninsk-Kuznetsky's card,
/// published on another computer; this browser has only version 1.
fn site_with_version_2() -> Vec<SiteEntry> {
    vec![SiteEntry {
        id: "leninsk-kuznetsky".into(),
        version: 2,
        title: "Карта 2027".into(),
        file: "leninsk-kuznetsky-v2.json".into(),
    }]
}

/// `card` as the department's other computer signed it.
fn sealed_elsewhere(card: &Card) -> String {
    crate::signed::card_file::seal_card(card, "УО", AT, &KeyPair::from_seed([7; 32]))
}

/// The number `file` loaded gave the department's draft, if any.
fn renumbered(archive: &mut Archive, file: &str, on_site: &[SiteEntry]) -> Option<u32> {
    archive
        .load_card_file(file, None, on_site, false)
        .unwrap()
        .draft_renumbered
}

#[test]
fn a_version_on_the_site_keeps_its_number() {
    let key = KeyPair::from_seed([3; 32]);
    let lk = builtin("leninsk-kuznetsky").unwrap().unwrap();
    let on_site = site_with_version_2();
    // A draft made before the site's list was read is numbered 2 …
    let mut archive = Archive::new(Cards::builtin().unwrap());
    archive.edit_own(|own| own.department = "Управление образования".into());
    let at = archive.next_version(&lk, &[], ids());
    assert_eq!(archive.own_cards().get(at).unwrap().card.version, 2);
    // … and is not published over the site's version 2.
    let refused = archive.publish(at, &key, AT, &on_site);
    assert_eq!(
        refused,
        Err(PublishError::OnSite {
            title: lk.title.clone(),
            version: 2,
            file: "leninsk-kuznetsky-v2.json".into()
        })
    );
    assert!(refused.unwrap_err().to_string().starts_with(&format!(
        "Версия 2 карты «{}» уже опубликована на сайте отдела, а в этом браузере её нет",
        lk.title
    )));
    assert!(archive.cards().get("leninsk-kuznetsky", 2).is_none());
    // The site's file loaded, the draft takes the next number and publishes.
    let mut theirs = lk.clone();
    theirs.version = 2;
    theirs.title = "Карта 2027".into();
    let file = sealed_elsewhere(&theirs);
    let loaded = archive
        .load_card_file(&file, None, &on_site, false)
        .unwrap();
    assert_eq!((loaded.new, loaded.draft_renumbered), (true, Some(3)));
    assert_eq!(archive.own_cards().get(at).unwrap().card.version, 3);
    archive.publish(at, &key, AT, &on_site).unwrap();
    assert!(archive.cards().get("leninsk-kuznetsky", 3).is_some());
    // Loaded again, it renumbers nothing: no draft is left.
    assert_eq!(renumbered(&mut archive, &file, &[]), None);
}

#[test]
fn a_new_version_is_numbered_after_the_site_s() {
    let lk = builtin("leninsk-kuznetsky").unwrap().unwrap();
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let at = archive.next_version(&lk, &site_with_version_2(), ids());
    assert_eq!(archive.own_cards().get(at).unwrap().card.version, 3);
    // A file of an earlier version leaves a later draft's number alone.
    assert_eq!(renumbered(&mut archive, &sealed_elsewhere(&lk), &[]), None);
    assert_eq!(archive.own_cards().get(at).unwrap().card.version, 3);
}

/// The site holds versions 2 and 3; this browser, version 1 and a draft 2.
/// The file of version 2 loaded, the draft goes past the site's 3.
#[test]
fn a_draft_renumbered_goes_past_every_version_on_the_site() {
    let lk = builtin("leninsk-kuznetsky").unwrap().unwrap();
    let mut on_site = site_with_version_2();
    on_site.push(SiteEntry {
        version: 3,
        file: "leninsk-kuznetsky-v3.json".into(),
        ..on_site[0].clone()
    });
    let mut archive = Archive::new(Cards::builtin().unwrap());
    let at = archive.next_version(&lk, &[], ids());
    let mut theirs = lk.clone();
    theirs.version = 2;
    let file = sealed_elsewhere(&theirs);
    assert_eq!(renumbered(&mut archive, &file, &on_site), Some(4));
    assert_eq!(archive.own_cards().get(at).unwrap().card.version, 4);
}
