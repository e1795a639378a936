//! The command line: what to generate, checked before anything is written.

use std::path::PathBuf;

use profkarta_core::card::DEFAULT_CARD;
use profkarta_core::school::profile::parse_period;

use crate::MIN_SCHOOLS_FOR_EXTRAS;

/// What to generate; everything but the output folder, so tests can generate
/// in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub schools: usize,
    pub periods: Vec<Period>,
    pub seed: u64,
    pub extras: bool,
    /// The schools without an ИНН change their type («МАОУ» ↔ «МБОУ») in
    /// the latest period: renamed, nothing says they are the same school.
    pub renamed: bool,
    pub pad: Option<usize>,
    /// The built-in card the schools fill in.
    pub card: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            schools: 12,
            periods: parse_periods("2024/2025,2025/2026").expect("valid default periods"),
            seed: 1,
            extras: false,
            renamed: false,
            pad: None,
            card: DEFAULT_CARD.to_owned(),
        }
    }
}

/// An academic year, "2025/2026", with its first year for dates and ordering.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub first_year: u16,
    pub label: String,
}

pub fn parse_args(args: &[String]) -> Result<(PathBuf, Config), String> {
    let mut out = None;
    let mut config = Config::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .map(String::as_str)
                .ok_or(format!("{arg}: missing value"))
        };
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--schools" => config.schools = parse_number(arg, value()?)?,
            "--periods" => config.periods = parse_periods(value()?)?,
            "--seed" => config.seed = parse_number(arg, value()?)?,
            "--pad" => config.pad = Some(parse_number(arg, value()?)?),
            "--extras" => config.extras = true,
            "--renamed" => config.renamed = true,
            "--card" => config.card = value()?.to_owned(),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if config.schools == 0 {
        return Err("--schools must be at least 1".to_owned());
    }
    if config.extras && config.schools < MIN_SCHOOLS_FOR_EXTRAS {
        return Err(format!(
            "--extras needs --schools {MIN_SCHOOLS_FOR_EXTRAS} or more"
        ));
    }
    Ok((out, config))
}

pub fn parse_number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag}: not a whole number: {text}"))
}

/// "2025/2026,2024/2025" → both years, oldest first, without repeats: "the
/// later period" must mean the later year whatever order they were typed in.
pub fn parse_periods(text: &str) -> Result<Vec<Period>, String> {
    let mut periods = text
        .split(',')
        .map(|p| {
            let first_year = parse_period(p).map_err(|e| format!("--periods: {p}: {e}"))?;
            Ok(Period {
                first_year,
                label: format!("{first_year}/{}", first_year + 1),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    periods.sort();
    periods.dedup();
    Ok(periods)
}
