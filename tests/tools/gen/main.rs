//! Writes a folder of realistic, signed submission files and a manifest of
//! what an import should make of each: the input of the end-to-end import test
//! and of the import benchmark.
//!
//! ```text
//! cargo run --release -p profkarta-tools --bin profkarta-gen -- --out DIR \
//!     [--schools N] [--periods 2024/2025,2025/2026] [--seed S] [--extras] \
//!     [--pad BYTES] [--card ID] [--renamed]
//! ```
//!
//! Everything comes from one seeded PRNG, so the same arguments always give
//! byte-identical files: a failing import test can be re-run on exactly the
//! folder that failed, and benchmark runs compare like with like.
//!
//! `manifest.json` lists every file with its expected verdict and, for files
//! that carry a submission, the school, period, ids, fingerprint, claimed and
//! recomputed score and the answers as signed (without comments, which never
//! affect a score here and would only repeat the padding).

mod answers;
mod args;
mod files;
mod manifest;
mod measures;
mod rng;
mod schools;
mod signing;
#[cfg(test)]
mod tests;
mod texts;

use std::process::ExitCode;

use profkarta_core::card::builtin;

use crate::args::parse_args;
use crate::files::{generate, summary, write_output};

const USAGE: &str = "usage: profkarta-gen --out DIR [--schools N (12)] \
[--periods 2024/2025,2025/2026] [--seed S (1)] [--extras] [--pad BYTES] \
[--card ID (proforientatsiya-23)] [--renamed]";

const MUNICIPALITY: &str = "Городской округ Пример";
const MANIFEST: &str = "manifest.json";
const MANIFEST_FORMAT: &str = "profkarta-gen-manifest";
/// A card id the department does not have, for the unknown-template extra.
const FOREIGN_CARD_ID: &str = "proforientatsiya-2023";
/// The extras pick existing schools 1–4 by index, so they need that many.
const MIN_SCHOOLS_FOR_EXTRAS: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, config) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(why) => {
            eprintln!("profkarta-gen: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let card = match builtin(&config.card) {
        Some(Ok(card)) if !card.template => card,
        Some(Ok(_)) => {
            eprintln!(
                "profkarta-gen: «{}» is a template, not a card to fill in",
                config.card
            );
            return ExitCode::from(2);
        }
        Some(Err(e)) => panic!("the built-in card {} is broken: {e}", config.card),
        None => {
            eprintln!("profkarta-gen: no built-in card «{}»\n{USAGE}", config.card);
            return ExitCode::from(2);
        }
    };
    let output = generate(&card, &config);
    match write_output(&out, &output) {
        Ok(bytes) => {
            println!("{}", summary(&output, bytes, &out));
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("profkarta-gen: {}: {why}", out.display());
            ExitCode::FAILURE
        }
    }
}
