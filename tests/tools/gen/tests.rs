//! The generator's output checked against the core: every file opens (or is
//! refused) the way the manifest says, and the same arguments give the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use profkarta_core::card::{builtins, Card, Level, Rule};
use profkarta_core::department::archive::MAX_FILE_BYTES;
use profkarta_core::department::archive::{check, Cards};
use profkarta_core::department::verdict::Verdict;
use profkarta_core::error::SubmissionError;
use profkarta_core::school::draft::{Draft, RawAnswer};
use profkarta_core::school::profile::{SchoolLevel, SchoolProfile};
use profkarta_core::scoring::assess;
use profkarta_core::signed::submission::{file_name, open, Opened, Payload};

use crate::args::{parse_args, Config};
use crate::files::{generate, write_output, OutFile, Output};
use crate::rng::Rng;
use crate::texts::{identifier, inn_check_digit};
use crate::{FOREIGN_CARD_ID, MANIFEST_FORMAT, MUNICIPALITY};

fn config(extras: bool) -> Config {
    Config {
        extras,
        ..Config::default()
    }
}

fn output(extras: bool) -> Output {
    generate(&Card::builtin().unwrap(), &config(extras))
}

fn file<'a>(output: &'a Output, name: &str) -> &'a OutFile {
    output
        .files
        .iter()
        .find(|f| f.entry.name == name)
        .unwrap_or_else(|| panic!("{name} is generated"))
}

fn opened(file: &OutFile) -> Result<Opened, SubmissionError> {
    open(std::str::from_utf8(&file.content).unwrap())
}

fn ordinary(output: &Output) -> impl Iterator<Item = &OutFile> {
    output
        .files
        .iter()
        .filter(|f| !f.entry.name.starts_with("extra-"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("profkarta-gen-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn splitmix_matches_the_reference_sequence() {
    // The published splitmix64 sequence from state 0.
    let mut rng = Rng { state: 0 };
    assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
}

#[test]
fn same_arguments_write_identical_folders() {
    let card = Card::builtin().unwrap();
    let config = Config {
        extras: true,
        pad: Some(10_000),
        ..Config::default()
    };
    let (a, b) = (temp_dir("a"), temp_dir("b"));
    write_output(&a, &generate(&card, &config)).unwrap();
    write_output(&b, &generate(&card, &config)).unwrap();
    let (first, second) = (read_dir(&a), read_dir(&b));
    std::fs::remove_dir_all(&a).unwrap();
    std::fs::remove_dir_all(&b).unwrap();
    assert_eq!(first.len(), 12 * 2 + 9 + 1);
    assert_eq!(first, second);
}

#[test]
fn another_seed_gives_other_files() {
    let card = Card::builtin().unwrap();
    let other = Config {
        seed: 2,
        ..Config::default()
    };
    assert_ne!(generate(&card, &other).manifest, output(false).manifest);
}

#[test]
fn a_non_empty_folder_is_refused() {
    let dir = temp_dir("full");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("old.json"), "{}").unwrap();
    let result = write_output(&dir, &output(false));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(result.is_err());
}

#[test]
fn every_ordinary_file_opens_and_its_claim_recomputes() {
    let card = Card::builtin().unwrap();
    let output = output(false);
    assert_eq!(output.files.len(), 24);
    for file in ordinary(&output) {
        let p = opened(file).unwrap().payload;
        let again = assess(&card, &p.to_draft());
        assert_eq!(again.total, p.score.total, "{}", file.entry.name);
        assert_eq!(again.max_applicable, p.score.max_applicable);
        assert_eq!(again.level, p.score.level);
        assert_eq!((again.unanswered, again.invalid), (0, 0));
        assert_eq!(file.entry.verdict, Verdict::Accepted);
        assert!(file.entry.name.ends_with(&file_name(&p.profile, &card.id)));
    }
}

#[test]
fn manifest_describes_every_file() {
    let card = Card::builtin().unwrap();
    let output = output(true);
    let manifest: Value = serde_json::from_str(&output.manifest).unwrap();
    assert_eq!(manifest["format"], MANIFEST_FORMAT);
    let entries = manifest["files"].as_array().unwrap();
    assert_eq!(entries.len(), output.files.len());
    for (entry, file) in entries.iter().zip(&output.files) {
        assert_eq!(entry["name"], file.entry.name.as_str());
        assert_eq!(entry["bytes"], file.content.len());
        let Some(submission) = entry.get("submission") else {
            continue;
        };
        // The answers in the manifest alone give the recorded score.
        let draft = Draft {
            profile: SchoolProfile {
                levels: serde_json::from_value(submission["levels"].clone()).unwrap(),
                ovz: submission["ovz"].as_bool().unwrap(),
                ..SchoolProfile::default()
            },
            answers: serde_json::from_value(submission["answers"].clone()).unwrap(),
            ..Draft::default()
        };
        let again = assess(&card, &draft);
        assert_eq!(submission["recomputed"]["total"], again.total);
        assert_eq!(submission["fingerprint"].as_str().unwrap().len(), 19);
        assert_eq!(submission["submission_id"].as_str().unwrap().len(), 32);
    }
    let verdicts: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["verdict"].as_str().unwrap())
        .collect();
    let expected = [
        "accepted",
        "altered",
        "duplicate",
        "key_changed",
        "not_json",
        "not_submission",
        "score_mismatch",
        "superseded",
        "too_large",
        "unknown_template",
    ];
    assert_eq!(verdicts, expected.into_iter().collect());
}

#[test]
fn altered_file_fails_its_signature() {
    let output = output(true);
    let file = file(&output, "extra-altered.json");
    assert_eq!(file.entry.verdict, Verdict::Altered);
    assert_eq!(opened(file), Err(SubmissionError::SignatureInvalid));
}

#[test]
fn score_mismatch_is_signed_but_claims_differ() {
    let card = Card::builtin().unwrap();
    let output = output(true);
    let p = opened(file(&output, "extra-score-mismatch.json"))
        .unwrap()
        .payload;
    let again = assess(&card, &p.to_draft());
    assert_eq!(p.score.total, again.total + 3, "the school claims more");
    let names: Vec<String> = ordinary(&output)
        .map(|f| f.entry.submission.as_ref().unwrap().school.clone())
        .collect();
    assert!(!names.contains(&p.profile.name), "a new school");
}

#[test]
fn key_changed_has_another_fingerprint_for_the_same_school_and_period() {
    let output = output(true);
    let changed = opened(file(&output, "extra-key-changed.json")).unwrap();
    let original = ordinary(&output)
        .map(|f| opened(f).unwrap())
        .find(|o| {
            o.payload.profile.name == changed.payload.profile.name
                && o.payload.profile.period == changed.payload.profile.period
        })
        .expect("the school and period exist");
    assert_ne!(changed.fingerprint, original.fingerprint);
    assert_ne!(
        changed.payload.submission_id,
        original.payload.submission_id
    );
    assert!(changed.payload.created_at > original.payload.created_at);
    assert_eq!(changed.payload.replaces, None);
}

#[test]
fn corrected_replaces_the_original_with_the_same_key_later() {
    let output = output(true);
    let corrected = opened(file(&output, "extra-corrected.json")).unwrap();
    let original_file = output
        .files
        .iter()
        .find(|f| f.entry.verdict == Verdict::Superseded)
        .expect("one original is superseded");
    let original = opened(original_file).unwrap();
    assert_eq!(
        corrected.payload.replaces,
        Some(original.payload.submission_id.clone())
    );
    assert_eq!(corrected.fingerprint, original.fingerprint);
    assert_eq!(corrected.payload.profile, original.payload.profile);
    assert!(corrected.payload.created_at > original.payload.created_at);
    assert_ne!(corrected.payload.answers, original.payload.answers);
    let hidden = |a: &RawAnswer| a.evidence.contains("/\u{200B}\u{202E}");
    assert_eq!(
        corrected
            .payload
            .answers
            .values()
            .filter(|a| hidden(a))
            .count(),
        1
    );
    assert_eq!(original.payload.profile.period, "2025/2026");
}

#[test]
fn the_other_extras_are_what_their_names_say() {
    let card = Card::builtin().unwrap();
    let output = output(true);
    let not_json = file(&output, "extra-not-json.json");
    assert_eq!(opened(not_json), Err(SubmissionError::NotJson));
    let foreign = file(&output, "extra-foreign.json");
    assert_eq!(opened(foreign), Err(SubmissionError::NotSubmission));

    let unknown = opened(file(&output, "extra-unknown-template.json")).unwrap();
    assert_eq!(unknown.payload.template.id, FOREIGN_CARD_ID);
    assert_ne!(unknown.payload.template.id, card.id);

    let duplicate = file(&output, "extra-duplicate.json");
    let same = ordinary(&output).find(|f| f.content == duplicate.content);
    assert!(same.is_some(), "a byte copy of an ordinary file");

    let large = file(&output, "extra-too-large.json");
    assert!(large.content.len() > MAX_FILE_BYTES);
    let value: Value = serde_json::from_slice(&large.content).unwrap();
    assert_eq!(value["format"], "profkarta-submission");
}

#[test]
fn twelve_schools_spread_over_levels() {
    let output = output(false);
    let latest: BTreeSet<Level> = ordinary(&output)
        .filter_map(|f| f.entry.submission.as_ref())
        .filter(|s| s.period == "2025/2026")
        .filter_map(|s| s.recomputed.level)
        .collect();
    assert_eq!(latest, [Level::Low, Level::Medium, Level::High].into());
}

#[test]
fn later_periods_are_generally_better() {
    let output = output(false);
    let totals = |period: &str| -> Vec<u32> {
        ordinary(&output)
            .filter_map(|f| f.entry.submission.as_ref())
            .filter(|s| s.period == period)
            .map(|s| s.recomputed.total)
            .collect()
    };
    let (before, after) = (totals("2024/2025"), totals("2025/2026"));
    assert_eq!(before.len(), 12);
    assert!(before.iter().zip(&after).all(|(b, a)| a >= b));
    assert!(before.iter().sum::<u32>() < after.iter().sum::<u32>());
}

#[test]
fn some_shares_sit_exactly_on_their_threshold() {
    let card = Card::builtin().unwrap();
    let output = output(false);
    let mut on_edge = 0;
    let mut one_short = 0;
    for file in ordinary(&output) {
        for (code, answer) in &opened(file).unwrap().payload.answers {
            let Rule::Share {
                threshold_percent: Some(threshold_percent),
                ..
            } = card.indicator(code).unwrap().rule
            else {
                continue;
            };
            let n: u64 = answer.numerator.parse().unwrap();
            let d: u64 = answer.denominator.parse().unwrap();
            let t = u64::from(threshold_percent);
            if d > 0 && n * 100 == t * d {
                on_edge += 1;
            }
            if d > 0 && (n + 1) * 100 == t * d {
                one_short += 1;
            }
        }
    }
    assert!(on_edge >= 3, "{on_edge} shares exactly on the threshold");
    assert!(one_short >= 3, "{one_short} shares one person short");
}

#[test]
fn profiles_vary_and_names_need_escaping() {
    let card = Card::builtin().unwrap();
    let output = output(false);
    let subs: Vec<Payload> = ordinary(&output)
        .map(|f| opened(f).unwrap().payload)
        .collect();
    let names: BTreeSet<&str> = subs.iter().map(|p| p.profile.name.as_str()).collect();
    assert_eq!(names.len(), 12);
    assert!(names.iter().filter(|n| n.contains('«')).count() >= 2);
    assert_eq!(names.iter().filter(|n| n.contains("<b>")).count(), 1);
    assert!(subs.iter().all(|p| p.profile.municipality == MUNICIPALITY));
    let no_soo = subs
        .iter()
        .find(|p| !p.profile.has(SchoolLevel::Soo))
        .expect("a school without СОО");
    let a = assess(&card, &no_soo.to_draft());
    let result = |code: &str| a.indicators.iter().find(|r| r.code == code).unwrap();
    for code in ["1.3", "1.5", "3.2"] {
        assert!(!result(code).outcome.applies(), "{code}");
        assert!(!no_soo.answers.contains_key(code));
    }
    assert!(subs.iter().any(|p| p.profile.ovz) && subs.iter().any(|p| !p.profile.ovz));
    let with_id = subs
        .iter()
        .filter(|p| p.profile.identifier.len() == 10)
        .count();
    assert!(with_id > subs.len() / 2 && with_id < subs.len());
    let evidenced = subs.iter().map(|p| {
        p.answers
            .values()
            .filter(|a| !a.evidence.is_empty())
            .count()
    });
    assert!(evidenced.sum::<usize>() > subs.len() * 5);
}

#[test]
fn each_school_keeps_its_key_across_periods() {
    let output = output(false);
    let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in ordinary(&output).filter_map(|f| f.entry.submission.as_ref()) {
        keys.entry(s.school.clone())
            .or_default()
            .insert(s.fingerprint.clone());
    }
    assert_eq!(keys.len(), 12);
    assert!(keys.values().all(|k| k.len() == 1));
    let all: BTreeSet<&String> = keys.values().flatten().collect();
    assert_eq!(all.len(), 12, "every school has its own key");
}

/// `--renamed`: the schools without an ИНН (every fifth) change their
/// type in the latest period and keep their key; the others keep their name.
#[test]
fn renamed_schools_change_their_type_in_the_latest_period_only() {
    let config = Config {
        renamed: true,
        ..Config::default()
    };
    let output = generate(&Card::builtin().unwrap(), &config);
    let mut names: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for s in ordinary(&output).filter_map(|f| f.entry.submission.as_ref()) {
        (names.entry(s.fingerprint.clone()).or_default())
            .push((s.period.clone(), s.school.clone()));
    }
    assert!(names
        .values()
        .all(|n| n[0].0 == "2024/2025" && n[1].0 == "2025/2026"));
    let changed: BTreeSet<(&str, &str)> = (names.values())
        .filter(|n| n[0].1 != n[1].1)
        .map(|n| (n[0].1.as_str(), n[1].1.as_str()))
        .collect();
    assert_eq!(
        changed,
        BTreeSet::from([
            (
                "МАОУ «Лицей № 5» имени А. С. Пушкина",
                "МБОУ «Лицей № 5» имени А. С. Пушкина"
            ),
            ("МБОУ ООШ № 10", "МАОУ ООШ № 10"),
        ])
    );
}

#[test]
fn dates_fall_in_the_september_after_the_period() {
    let output = output(true);
    for s in output
        .files
        .iter()
        .filter_map(|f| f.entry.submission.as_ref())
    {
        let year = &s.period[5..];
        assert!(
            s.created_at.starts_with(&format!("{year}-09-")),
            "{}",
            s.created_at
        );
        assert_eq!(s.created_at.len(), "2026-09-20T08:30:00.000Z".len());
    }
}

#[test]
fn padding_brings_files_to_about_the_requested_size() {
    let card = Card::builtin().unwrap();
    let config = Config {
        pad: Some(10_000),
        ..Config::default()
    };
    let output = generate(&card, &config);
    for file in ordinary(&output) {
        let size = file.content.len();
        assert!(
            (10_000..10_600).contains(&size),
            "{}: {size}",
            file.entry.name
        );
        let p = opened(file).unwrap().payload;
        assert_eq!(assess(&card, &p.to_draft()).total, p.score.total);
    }
    assert!(
        output.manifest.len() < 24 * 2_500,
        "the manifest leaves padding out"
    );
}

#[test]
fn identifiers_are_valid_and_distinct() {
    let ids: Vec<String> = (0..2_000)
        .map(|i| identifier(1, i))
        .filter(|i| !i.is_empty())
        .collect();
    assert_eq!(ids.len(), 1_600);
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
    assert!(ids.iter().all(|i| i.len() == 10 && i.starts_with("66")));
    // A known valid ИНН of a legal entity: 7707083893 (Сбербанк).
    assert_eq!(inn_check_digit("770708389"), 3);
}

#[test]
fn arguments_have_defaults_and_refuse_nonsense() {
    let args = |list: &[&str]| parse_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let (out, config) = args(&["--out", "dir"]).unwrap();
    assert_eq!(out, PathBuf::from("dir"));
    assert_eq!(config, Config::default());
    assert_eq!(config.periods[1].label, "2025/2026");
    let (_, config) = args(&[
        "--out",
        "d",
        "--schools",
        "1000",
        "--periods",
        "2025/2026,2023-2024",
        "--seed",
        "7",
        "--extras",
        "--renamed",
        "--pad",
        "10240",
    ])
    .unwrap();
    assert_eq!(config.schools, 1000);
    assert_eq!(
        config
            .periods
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>(),
        ["2023/2024", "2025/2026"]
    );
    assert_eq!(
        (config.seed, config.extras, config.renamed, config.pad),
        (7, true, true, Some(10240))
    );
    assert!(args(&[]).is_err());
    assert!(args(&["--out"]).is_err());
    assert!(args(&["--out", "d", "--schools", "x"]).is_err());
    assert!(args(&["--out", "d", "--schools", "0"]).is_err());
    assert!(args(&["--out", "d", "--schools", "3", "--extras"]).is_err());
    assert!(args(&["--out", "d", "--periods", "2025"]).is_err());
    assert!(args(&["--out", "d", "--verbose"]).is_err());
}

/// Every card a school can fill in generates files the department's check
/// accepts as they are, and where growth is a target, last year's figures
/// in a file are the school's own figures of the year before, except for
/// the one school that misremembers them by one person.
#[test]
fn every_built_in_card_generates_files_the_core_accepts() {
    for card in builtins().unwrap().into_iter().filter(|c| !c.template) {
        let config = Config {
            card: card.id.clone(),
            ..config(false)
        };
        let output = generate(&card, &config);
        let cards = Cards::new([card.clone()]);
        let mut by_school: BTreeMap<String, Vec<Payload>> = BTreeMap::new();
        for file in ordinary(&output) {
            let entry = check(&cards, &file.entry.name, &file.content)
                .unwrap_or_else(|e| panic!("{}: {}: {e}", card.id, file.entry.name));
            assert!(!entry.mismatch, "{}: {}", card.id, file.entry.name);
            let payload = entry.opened.payload;
            by_school
                .entry(payload.profile.name.clone())
                .or_default()
                .push(payload);
        }
        let mut misremembering = BTreeSet::new();
        for (school, years) in &by_school {
            let [before, after] = &years[..] else {
                panic!("two periods per school")
            };
            for indicator in card.indicators().filter(|i| i.rule.asks_last_year()) {
                let (Some(was), Some(now)) = (
                    before.answers.get(&indicator.code),
                    after.answers.get(&indicator.code),
                ) else {
                    continue;
                };
                if was.denominator == "0" {
                    continue; // an empty group has no share to grow from
                }
                let sum = |a: &profkarta_core::school::draft::RawAnswer| {
                    if a.parts.is_empty() {
                        a.numerator.parse::<u64>().unwrap()
                    } else {
                        a.parts.iter().map(|p| p.parse::<u64>().unwrap()).sum()
                    }
                };
                assert_eq!(now.prev_denominator, was.denominator, "{}", card.id);
                let (typed, own) = (now.prev_numerator.parse::<u64>().unwrap(), sum(was));
                if typed != own {
                    assert_eq!(typed.abs_diff(own), 1, "{} {}", card.id, indicator.code);
                    misremembering.insert(school.clone());
                }
            }
        }
        let grows = card.indicators().any(|i| i.rule.asks_last_year());
        assert_eq!(misremembering.len(), usize::from(grows), "{}", card.id);
    }
}
