//! Native benchmark of the import core, built with the release profile (the
//! same per-crate optimisation overrides as the browser bundle):
//! `cargo run --release --bin profkarta-bench`. Figures go to BENCHMARKS.md.

use std::time::Instant;

use profkarta_charts::{fulfilment_bars, heatmap, Mark, Share};
use profkarta_core::card::{Card, DEFAULT_CARD};
use profkarta_core::department::archive::{check, check_verified, verifies, Archive, Cards};
use profkarta_core::department::figures::figures;
use profkarta_core::department::results::{rank, results};
use profkarta_core::department::roster::{from_results, statuses};
use profkarta_core::school::draft::RawAnswer;
use profkarta_core::school::stored::StoredDraft;
use profkarta_core::scoring::assess;
use profkarta_core::signed::submission::open;
use profkarta_core::testkit::{self, draft, meta, sign, SAMPLE_AT};

const FILES: usize = 2000;

/// A realistic file of about 10 KB: every indicator answered, links and
/// comments filled.
fn file(card: &Card, i: usize) -> String {
    let mut draft = draft(&format!("МАОУ СОШ № {i}"), "2025/2026", &[]);
    draft.profile.responsible = "Иванова Мария Петровна, заместитель директора".into();
    for (k, indicator) in card.indicators().enumerate() {
        let answer = RawAnswer {
            numerator: format!("{}", 20 + (i + k) % 60),
            denominator: "100".into(),
            fact: Some(!(i + k).is_multiple_of(3)),
            evidence: format!("https://school{i}.example.ru/proforientatsiya/2025/{k}\nhttps://disk.example.ru/d/{i}{k}"),
            comment: "Мероприятия проведены по плану воспитательной работы; отчёт размещён на сайте. ".to_owned(),
            ..RawAnswer::default()
        };
        draft.answers.insert(indicator.code.clone(), answer);
    }
    sign(
        card,
        &draft,
        meta(&format!("{i:032x}"), SAMPLE_AT, None),
        (i % 251) as u8,
    )
}

fn main() {
    let card = testkit::card();
    let files: Vec<String> = (0..FILES).map(|i| file(&card, i)).collect();
    let bytes: usize = files.iter().map(String::len).sum();
    println!("{FILES} files, {} bytes on average", bytes / FILES);

    let start = Instant::now();
    for f in &files {
        open(f).expect("a generated file opens");
    }
    let per_open = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("parse + verify (open):        {per_open:8.1} µs per file");

    let cards = Cards::builtin().expect("the built-in cards are valid");
    let start = Instant::now();
    let checked: Vec<_> = files
        .iter()
        .map(|f| check(&cards, "f.json", f.as_bytes()).expect("a generated file passes"))
        .collect();
    let per_check = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("department check per file:    {per_check:8.1} µs per file");

    // A large import splits the check: the signature in a worker, the rest
    // on the page.
    let start = Instant::now();
    for f in &files {
        assert!(verifies(f.as_bytes()), "a generated file verifies");
    }
    let per_verify = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("  of which in a worker (verifies): {per_verify:8.1} µs per file");
    let start = Instant::now();
    for f in &files {
        check_verified(&cards, "f.json", f.as_bytes()).expect("a verified file passes");
    }
    let per_rest = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("  and on the page (check_verified): {per_rest:8.1} µs per file");

    let start = Instant::now();
    let mut archive = Archive::new(cards.clone());
    archive.admit_all(checked);
    let ranked = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
    let file_and_rank = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "file {FILES} and rank {} schools: {file_and_rank:8.1} ms",
        ranked.len()
    );

    let period = results(&archive, DEFAULT_CARD, "2025/2026");
    let start = Instant::now();
    let municipal = figures(&archive, &card, &period);
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "municipal figures of {} schools:  {ms:8.1} ms",
        municipal.schools
    );

    let start = Instant::now();
    let keys = archive.keys_file();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "the schools' keys file ({} KB):  {ms:8.1} ms",
        keys.len() / 1024
    );

    // The «Школы» tab: every school of the list against every file of the
    // campaign.
    archive.roster.schools = from_results(&archive.roster, &[&period], &[]);
    let start = Instant::now();
    let rows = statuses(
        &archive.roster,
        &archive,
        DEFAULT_CARD,
        "2025/2026",
        "2026-10-20",
    );
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!("statuses of {} listed schools:  {ms:8.1} ms", rows.len());

    let draft = open(&files[0]).expect("opens").payload.to_draft();
    let start = Instant::now();
    for _ in 0..FILES {
        std::hint::black_box(assess(&card, std::hint::black_box(&draft)));
    }
    let per_assess = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("score a full card (assess):   {per_assess:8.1} µs");

    // Once a draft has been exported, each keystroke asks whether it still
    // says what the file says: the digest of what the export carries.
    let start = Instant::now();
    for _ in 0..FILES {
        std::hint::black_box(std::hint::black_box(&draft).digest());
    }
    let per_digest = start.elapsed().as_secs_f64() * 1e6 / FILES as f64;
    println!("digest a full draft (exported): {per_digest:6.1} µs");

    // Autosave encodes the whole draft before local storage takes it: a
    // draft of ~50 KB (long comments everywhere).
    let mut big = draft;
    for answer in big.answers.values_mut() {
        answer.comment = "Проведены профориентационные мероприятия по плану. ".repeat(20);
    }
    let stored = StoredDraft::new("0".repeat(32), big, "2026-11-23T10:00:00.000Z");
    let size = stored.encode().len();
    let start = Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(std::hint::black_box(&stored).encode());
    }
    let per_encode = start.elapsed().as_secs_f64() * 1e3;
    println!("encode a {size}-byte draft for autosave: {per_encode:8.3} µs");

    let schools: Vec<String> = (0..150).map(|i| format!("МАОУ СОШ № {i}")).collect();
    let codes: Vec<String> = card.indicators().map(|i| i.code.clone()).collect();
    let cells: Vec<Vec<Mark>> = (0..150)
        .map(|i| {
            (0..codes.len())
                .map(|k| {
                    if (i + k) % 3 == 0 {
                        Mark::Missed
                    } else {
                        Mark::Earned
                    }
                })
                .collect()
        })
        .collect();
    let start = Instant::now();
    let svg = heatmap(&schools, &codes, &cells);
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "heatmap 150 × {} as SVG ({} KB): {ms:8.2} ms",
        codes.len(),
        svg.len() / 1024
    );
    let bars: Vec<(String, Share)> = (0..1000)
        .map(|i| (format!("{i}"), Share::new(i % 100, 100)))
        .collect();
    let start = Instant::now();
    let svg = fulfilment_bars("1 000 столбцов", &bars);
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!(
        "1 000-bar chart as SVG ({} KB): {ms:8.2} ms",
        svg.len() / 1024
    );
}
