//! Checks submission files outside the browser: signature, template, and the
//! claimed score against a recomputation from the answers.
//!
//! `cargo run --release --bin profkarta-verify -- FILE.json...`
//! Exit status 0 only if every file verifies and its score recomputes exactly.

use std::process::ExitCode;

use profkarta_core::card::Card;
use profkarta_core::scoring::assess;
use profkarta_core::signed::submission::{card_hash, open};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: profkarta-verify FILE.json...");
        return ExitCode::from(2);
    }
    let card = Card::builtin().expect("the built-in card is valid");
    let mut ok = true;
    for path in files {
        println!("file: {path}");
        match check(&card, &path) {
            Ok(()) => println!("verdict: ok"),
            Err(why) => {
                println!("verdict: refused: {why}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check(card: &Card, path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let opened = open(&text).map_err(|e| e.to_string())?;
    let p = &opened.payload;
    println!("signature: ok");
    println!("fingerprint: {}", opened.fingerprint);
    println!("school: {}", p.profile.name);
    println!("period: {}", p.profile.period);
    println!("submission: {}", p.submission_id);
    if let Some(replaced) = &p.replaces {
        println!("replaces: {replaced}");
    }
    let level = |l: Option<profkarta_core::card::Level>| l.map_or("none", |l| l.key());
    println!(
        "claimed: {} of {}, level {}",
        p.score.total,
        p.score.max_applicable,
        level(p.score.level)
    );
    if p.template.id != card.id
        || p.template.version != card.version
        || p.template.sha256 != card_hash(card)
    {
        return Err(format!(
            "unknown template {} v{}",
            p.template.id, p.template.version
        ));
    }
    let again = assess(card, &p.to_draft());
    println!(
        "recomputed: {} of {}, level {}",
        again.total,
        again.max_applicable,
        level(again.level)
    );
    println!("unanswered: {}", p.incomplete.unanswered.join(" "));
    println!(
        "without_evidence: {}",
        p.incomplete.without_evidence.join(" ")
    );
    if (again.total, again.max_applicable, again.level)
        != (p.score.total, p.score.max_applicable, p.score.level)
    {
        return Err("claimed score differs from the recomputation".to_owned());
    }
    Ok(())
}
