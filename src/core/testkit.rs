//! Fixtures shared by the core's own tests, the integration tests and the
//! developer tools (the `testkit` feature): signed files made the way the
//! school's page makes them, so that every test reads what a school sends.
//! There is one copy of each fixture, here.

use crate::card::{Card, Indicator};
use crate::department::archive::{check, Archive, Cards, Entry};
use crate::department::dynamics::Years;
use crate::department::figures::figures;
use crate::department::results::{results, Ranked, SchoolResult};
use crate::school::draft::{Draft, RawAnswer};
use crate::scoring::assess;
use crate::signed::keys::KeyPair;
use crate::signed::submission::{seal, ExportMeta, Payload};

/// The sample file's submission id, creation time and key seed.
pub const SAMPLE_ID: &str = "0123456789abcdef0123456789abcdef";
pub const SAMPLE_AT: &str = "2026-09-20T08:30:00.000Z";
pub const SAMPLE_KEY: u8 = 7;
/// The municipality of every fixture school.
pub const MUNICIPALITY: &str = "Город";

/// The built-in card of seed 003.
pub fn card() -> Card {
    Card::builtin().expect("the built-in card is valid")
}

/// Two versions of [`card`]: version 2 renumbers 1.8 as 1.9 (its identity
/// kept) and makes 2.1 a count, so that an answer of version 1 is found
/// under its new number, and its fact is never read as a count.
pub fn two_versions() -> (Card, Card) {
    fn indicator<'c>(card: &'c mut Card, code: &str) -> &'c mut Indicator {
        card.indicators_mut().find(|i| i.code == code).unwrap()
    }
    let mut v1 = card();
    indicator(&mut v1, "1.8").id = "events".into();
    let mut v2 = v1.clone();
    v2.version = 2;
    indicator(&mut v2, "1.8").code = "1.9".into();
    indicator(&mut v2, "2.1").rule = crate::card::Rule::Count {
        min: Some(1),
        label: "Число договоров".into(),
    };
    v2.recount();
    (v1, v2)
}

/// [`card`] as version 1 and its version 2 whose 1.1 asks `threshold` %
/// instead of 30 %: a new target, the same answers.
pub fn raised_threshold(threshold: u32) -> (Card, Card) {
    let v1 = card();
    let mut v2 = v1.clone();
    v2.version = 2;
    let raised = v2.indicators_mut().find(|i| i.code == "1.1").unwrap();
    let crate::card::Rule::Share {
        threshold_percent, ..
    } = &mut raised.rule
    else {
        panic!("1.1 is a share");
    };
    *threshold_percent = Some(threshold);
    v2.recount();
    (v1, v2)
}

/// One year of [`two_versions`]: «Школа А» on version 1 with 1.8 and
/// 2.1 (a fact there), «Школа Б» on version 2 with 1.9 and 2.1 (a count
/// of 3).
pub fn one_year_two_versions() -> (Card, Card, Archive) {
    let (v1, v2) = two_versions();
    let old = draft("Школа А", "2025/2026", &["1.8", "2.1"]);
    let mut new = draft("Школа Б", "2025/2026", &["1.9"]);
    new.answers.entry("2.1".into()).or_default().count = "3".into();
    let archive = archive_of(&[(&v1, "a", &old), (&v2, "b", &new)]);
    (v1, v2, archive)
}

/// The result of the school `name` in `rating`.
pub fn ranked<'r>(rating: &'r [Ranked], name: &str) -> &'r SchoolResult {
    let found = rating.iter().find(|r| r.result.name() == name);
    &found
        .unwrap_or_else(|| panic!("{name} is not in the rating"))
        .result
}

pub fn share(numerator: &str, denominator: &str) -> RawAnswer {
    RawAnswer {
        numerator: numerator.into(),
        denominator: denominator.into(),
        ..RawAnswer::default()
    }
}

pub fn fact(present: bool) -> RawAnswer {
    RawAnswer {
        fact: Some(present),
        ..RawAnswer::default()
    }
}

/// The first indicator of `card` whose rule is of `kind` («count»,
/// «percent», «list»…): a seed's card has the one a test needs.
pub fn of_kind<'c>(card: &'c Card, kind: &str) -> &'c Indicator {
    card.indicators()
        .find(|i| i.rule.kind() == kind)
        .unwrap_or_else(|| panic!("{} has no {kind} indicator", card.id))
}

/// Makes a share `indicator` banded: from 30 % one point, from 60 % two.
pub fn in_bands(indicator: &mut Indicator) {
    let crate::card::Rule::Share {
        threshold_percent,
        dynamics,
        bands,
        ..
    } = &mut indicator.rule
    else {
        panic!("{} is not a share", indicator.code)
    };
    *threshold_percent = None;
    *dynamics = false;
    *bands = [(30, 1), (60, 2)]
        .map(|(from_percent, points)| crate::card::Band {
            from_percent,
            points,
        })
        .to_vec();
    indicator.points = 2;
}

/// A school's draft whose profile passes the form's checks; the indicators
/// in `facts` are answered "yes", nothing else is answered.
pub fn draft(name: &str, period: &str, facts: &[&str]) -> Draft {
    let mut draft = Draft::default();
    draft.profile.name = name.into();
    draft.profile.municipality = MUNICIPALITY.into();
    draft.profile.period = period.into();
    draft.profile.responsible = "Иванова И. И.".into();
    for code in facts {
        draft.answers.insert((*code).into(), fact(true));
    }
    draft
}

/// The sample: 1.1 exactly at its 30 % threshold with a link, 1.6 "yes"
/// with a comment full of characters that JSON and HTML must escape.
pub fn sample_draft() -> Draft {
    let mut draft = draft("МАОУ «СОШ № 7»", "2025/2026", &[]);
    let mut exact = share("30", "100");
    exact.evidence = "https://school7.ru/a".into();
    draft.answers.insert("1.1".into(), exact);
    let mut tricky = fact(true);
    tricky.comment = "Кавычки \" и <script>".into();
    draft.answers.insert("1.6".into(), tricky);
    // A plan row, so that every signature and byte-flip test covers it.
    draft.plan.push(crate::school::plan::PlanRow {
        measure: "Профпробы для 8–9 классов с колледжем".into(),
        indicators: vec!["1.1".into(), "2.1".into()],
        deadline: "до 30.05.2026".into(),
        responsible: "Заместитель директора по ВР".into(),
    });
    draft
}

pub fn key(seed: u8) -> KeyPair {
    KeyPair::from_seed([seed; 32])
}

pub fn meta(id: &str, at: &str, replaces: Option<&str>) -> ExportMeta {
    ExportMeta {
        submission_id: id.into(),
        created_at: at.into(),
        replaces: replaces.map(Into::into),
    }
}

/// The file the school's page would export: the draft scored, the payload
/// signed with the key of `seed`.
pub fn sign(card: &Card, draft: &Draft, meta: ExportMeta, seed: u8) -> String {
    let assessment = assess(card, draft);
    seal(&Payload::new(card, draft, &assessment, meta), &key(seed))
}

/// The sample draft as its signed file.
pub fn sample_file() -> String {
    sign(
        &card(),
        &sample_draft(),
        meta(SAMPLE_ID, SAMPLE_AT, None),
        SAMPLE_KEY,
    )
}

/// A file as the department's import accepts it; a refusal is a broken fixture.
pub fn entry(card: &Card, file_name: &str, text: &str) -> Entry {
    check(&Cards::new([card.clone()]), file_name, text.as_bytes()).expect("the fixture file passes")
}

/// Version 2 of `v1`: 1.1's threshold raised from 30 % to 50 %.
pub fn first_threshold_at_50(v1: &Card) -> Card {
    let mut v2 = v1.clone();
    v2.version = 2;
    let first = &mut v2.directions[0].criteria[0].indicators[0];
    assert_eq!(first.code, "1.1");
    first.rule = match first.rule.clone() {
        crate::card::Rule::Share {
            numerator,
            denominator,
            zero_denominator,
            ..
        } => crate::card::Rule::Share {
            threshold_percent: Some(50),
            dynamics: false,
            bands: Vec::new(),
            numerator,
            denominator,
            zero_denominator,
        },
        other => other,
    };
    v2
}

/// The test card with the indicator `code` giving no points (an earlier
/// version's, say), its maxima recounted.
pub fn card_without_points(code: &str) -> Card {
    let mut card = self::card();
    card.indicators_mut()
        .find(|i| i.code == code)
        .expect("the test card has the indicator")
        .points = 0;
    card.recount();
    card
}

/// `check` over 2024/2025 and 2025/2026 of `archive` as «Динамика»
/// compares them, each year read by its card (`old`, `new`).
pub fn with_years<T>(
    archive: &Archive,
    old: &Card,
    new: &Card,
    check: impl FnOnce(&Years) -> T,
) -> T {
    let of = |card: &Card, period| figures(archive, card, &results(archive, &old.id, period));
    let (was, now) = (of(old, "2024/2025"), of(new, "2025/2026"));
    check(&Years {
        old_card: old,
        before: &was,
        new_card: new,
        after: &now,
    })
}

/// Two years of three schools: А improves (1 point, then 3), Б declines
/// (2, then 1), В sends only the later year (1 point).
pub fn two_years(card: &Card) -> Archive {
    archive(
        card,
        &[
            ("a1", &draft("Школа А", "2024/2025", &["1.8"])),
            ("a2", &draft("Школа А", "2025/2026", &["1.8", "2.1", "3.1"])),
            ("b1", &draft("Школа Б", "2024/2025", &["1.8", "2.1"])),
            ("b2", &draft("Школа Б", "2025/2026", &["2.1"])),
            ("c2", &draft("Школа В", "2025/2026", &["2.1"])),
        ],
    )
}

/// Three schools of seed 003: А earns 1.8, 2.1, 3.1 and 4.1 (3 of 10); Б
/// the same facts and 1.1 (3 of 10) but 4.1 with 1 of 10; В only 1.8, and
/// has no grades 10–11.
pub fn three_schools() -> Archive {
    let mut a = draft("Школа А", "2025/2026", &["1.8", "2.1", "3.1"]);
    a.answers.insert("4.1".into(), share("3", "10"));
    let mut b = draft("Школа Б", "2025/2026", &["1.8", "2.1", "3.1"]);
    b.answers.insert("4.1".into(), share("1", "10"));
    b.answers.insert("1.1".into(), share("3", "10"));
    let mut c = draft("Школа В", "2025/2026", &["1.8"]);
    c.profile
        .levels
        .retain(|l| *l != crate::school::profile::SchoolLevel::Soo);
    archive(&card(), &[("1", &a), ("2", &b), ("3", &c)])
}

/// A department's archive of `files`, each (submission id, draft) signed at
/// [`SAMPLE_AT`] with the key seeded by the id's first byte, so that the
/// files of one school share a key when their ids start alike.
pub fn archive(card: &Card, files: &[(&str, &Draft)]) -> Archive {
    let files: Vec<(&Card, &str, &Draft)> = files.iter().map(|(id, d)| (card, *id, *d)).collect();
    archive_of(&files)
}

/// [`archive`] with files of several cards (or versions of one).
pub fn archive_of(files: &[(&Card, &str, &Draft)]) -> Archive {
    let mut cards: Vec<Card> = Vec::new();
    for (card, ..) in files {
        if !cards.contains(card) {
            cards.push((*card).clone());
        }
    }
    let mut archive = Archive::new(Cards::new(cards));
    let batch = files
        .iter()
        .map(|(card, id, draft)| {
            let text = sign(card, draft, meta(id, SAMPLE_AT, None), id.as_bytes()[0]);
            entry(card, id, &text)
        })
        .collect();
    archive.admit_all(batch);
    archive
}

/// Flips three bits (0x01, 0x20, 0x80) of every byte of a signed file and
/// opens each result: none may be accepted with other content. The one
/// change that can pass is a hex letter of the key, signature or
/// fingerprint changing case, and then the file must read as `original`.
pub fn assert_no_flip_accepted<T: PartialEq + std::fmt::Debug, E>(
    text: &str,
    open: impl Fn(&str) -> Result<T, E>,
    original: &T,
) {
    let bytes = text.as_bytes();
    let mut refused = 0;
    for at in 0..bytes.len() {
        for bit in [0x01u8, 0x20, 0x80] {
            let mut changed = bytes.to_vec();
            changed[at] ^= bit;
            let Ok(changed) = String::from_utf8(changed) else {
                continue;
            };
            match open(&changed) {
                Ok(opened) => {
                    assert!(
                        bit == 0x20
                            && bytes[at].is_ascii_hexdigit()
                            && bytes[at].is_ascii_alphabetic(),
                        "byte {at} bit {bit:#x} was accepted"
                    );
                    assert_eq!(&opened, original, "byte {at} bit {bit:#x}");
                }
                Err(_) => refused += 1,
            }
        }
    }
    assert!(refused > bytes.len(), "most changes are refused");
}

/// One card's results and figures of 2024/2025 and 2025/2026 in `archive`:
/// what the dynamics tests compare.
pub struct TwoYears {
    pub before: Vec<SchoolResult>,
    pub after: Vec<SchoolResult>,
    pub was: crate::department::figures::Figures,
    pub now: crate::department::figures::Figures,
}

impl TwoYears {
    pub fn of(archive: &Archive, card: &Card) -> Self {
        use crate::department::{figures::figures, results::results};
        let before = results(archive, &card.id, "2024/2025");
        let after = results(archive, &card.id, "2025/2026");
        Self {
            was: figures(archive, card, &before),
            now: figures(archive, card, &after),
            before,
            after,
        }
    }

    /// Both years on `card`, the one they were counted on.
    pub fn years<'a>(&'a self, card: &'a Card) -> crate::department::dynamics::Years<'a> {
        crate::department::dynamics::Years {
            old_card: card,
            before: &self.was,
            new_card: card,
            after: &self.now,
        }
    }
}
