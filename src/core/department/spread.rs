//! One indicator's values school by school, set against the municipal
//! value: what a card without points shows instead of a rating, so that
//! the schools below the municipality stand out at a glance. The values
//! are the very answers the municipal value is made of (the figures'
//! gathering pass), compared as a letter compares them ([`Value`]).

use std::cmp::Ordering;

use crate::card::{Card, Indicator, Rule};
use crate::department::archive::Archive;
use crate::department::figures::{figure, gather, Gathered};
use crate::department::results::SchoolResult;
use crate::department::tables::value_cell;
use crate::department::value::{municipal_value, Value};
use crate::export::Cell;
use crate::text::by_name;

/// One indicator's values school by school ([`spread`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// Schools whose value goes into the municipal one, highest first
    /// (equal ones by name).
    pub valued: Vec<(String, Value)>,
    /// The rest, by name, each with the word «Значения по школам» gives
    /// it: «не применимо», «… (не подтверждено проверкой)», «нет ответа».
    pub without: Vec<(String, String)>,
    /// The municipal value and its words, as a letter sets a school's
    /// beside it; `None` with fewer than two schools' values, where a
    /// school would be set against itself.
    pub municipal: Option<(Value, String)>,
    /// The card's minimum for the indicator, where it sets one (a share's
    /// or a typed percent's in tenths of a percent, a count's as a count):
    /// on a card with points, the line a school's point depends on.
    pub threshold: Option<Value>,
    /// A share scored by steps instead (from 30 % one point, from 60 %
    /// two): each step's start, in tenths of a percent, with its points.
    pub steps: Vec<(Value, u32)>,
}

impl Spread {
    /// Whether `value` is below the municipal one.
    pub fn is_below(&self, value: Value) -> bool {
        (self.municipal.as_ref()).is_some_and(|(m, _)| value.below(*m) == Some(true))
    }

    /// Schools whose value is below the municipal one.
    pub fn below(&self) -> usize {
        (self.valued.iter())
            .filter(|(_, v)| self.is_below(*v))
            .count()
    }
}

/// Indicators whose schools' values share one scale: shares (a
/// breakdown's whole), typed percents and counts. A «да/нет» is a table's,
/// and a list has no single value.
pub fn charted(card: &Card) -> impl Iterator<Item = &Indicator> {
    card.indicators().filter(|i| is_charted(i))
}

fn is_charted(indicator: &Indicator) -> bool {
    matches!(
        indicator.rule,
        Rule::Share { .. } | Rule::Breakdown { .. } | Rule::Percent { .. } | Rule::Count { .. }
    )
}

/// `indicator`'s values school by school among `results` of `card`.
pub fn spread(
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
    indicator: &Indicator,
) -> Spread {
    let gathered = gather(archive, card, results);
    let at = card.indicators().position(|i| i.code == indicator.code);
    spread_at(&gathered, at, archive, card, results, indicator)
}

/// Every [`charted`] indicator's [`spread`], in card order, from one pass
/// over the schools: the report draws them all.
pub fn spreads<'c>(
    archive: &Archive,
    card: &'c Card,
    results: &[SchoolResult],
) -> Vec<(&'c Indicator, Spread)> {
    let gathered = gather(archive, card, results);
    (card.indicators().enumerate())
        .filter(|(_, i)| is_charted(i))
        .map(|(at, i)| (i, spread_at(&gathered, Some(at), archive, card, results, i)))
        .collect()
}

/// The spread of `indicator`, at place `at` of `card` (none: not there).
fn spread_at(
    gathered: &Gathered,
    at: Option<usize>,
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
    indicator: &Indicator,
) -> Spread {
    let values = at
        .and_then(|i| gathered.values.get(i))
        .map_or(&[][..], Vec::as_slice);
    let mut counted = vec![false; results.len()];
    let mut valued = Vec::new();
    let mut without = Vec::new();
    for v in values {
        counted[v.school] = true;
        let name = results[v.school].name().to_owned();
        match v.value(&indicator.rule) {
            Some(Value::Share(_, 0)) => without.push((name, "0 из 0".to_owned())),
            Some(value) => valued.push((name, value)),
            None => without.push((name, LEFT_OUT.to_owned())),
        }
    }
    for (r, _) in results.iter().zip(&counted).filter(|(_, c)| !**c) {
        let empty = archive.empty_unruled(&r.submission_id);
        let entry = archive.entry(&r.submission_id);
        let said = match value_cell(card, indicator, entry, r, &empty) {
            // Shown with a value, yet left out of the municipal one.
            (_, Some(_)) | (Cell::Int(_) | Cell::Percent { .. }, _) => LEFT_OUT.to_owned(),
            (Cell::Text(text), None) if !text.is_empty() => text,
            _ => "нет ответа".to_owned(),
        };
        without.push((r.name().to_owned(), said));
    }
    valued.sort_by(|(a, x), (b, y)| order(*y, *x).then_with(|| by_name(a, b)));
    without.sort_by(|(a, _), (b, _)| by_name(a, b));
    let municipal = match (at, valued.len()) {
        (Some(i), 2..) => municipal_value(&figure(indicator, gathered, i, values)),
        _ => None,
    };
    Spread {
        valued,
        without,
        municipal,
        threshold: threshold(&indicator.rule),
        steps: steps(&indicator.rule),
    }
}

/// The steps of a share scored by bands, lowest first, as a valid card
/// orders them.
fn steps(rule: &Rule) -> Vec<(Value, u32)> {
    match rule {
        Rule::Share { bands, .. } => (bands.iter())
            .map(|b| (Value::Percent(b.from_percent * 10), b.points))
            .collect(),
        _ => Vec::new(),
    }
}

/// The minimum `rule` sets, where it is one number (not bands).
fn threshold(rule: &Rule) -> Option<Value> {
    match rule {
        Rule::Share {
            threshold_percent: Some(t),
            bands,
            ..
        } if bands.is_empty() => Some(Value::Percent(t * 10)),
        Rule::Breakdown {
            threshold_percent: Some(t),
            ..
        } => Some(Value::Percent(t * 10)),
        Rule::Count { min: Some(n), .. } => Some(Value::Count(*n)),
        Rule::Percent {
            min_tenths: Some(t),
            ..
        } => Some(Value::Percent(*t)),
        _ => None,
    }
}

/// The reason of a school whose value the municipal one leaves out for
/// no reason the table names.
const LEFT_OUT: &str = "не вошло в значение по муниципалитету";

/// Two values of one indicator in order; values of different kinds (none
/// here) are equal.
fn order(a: Value, b: Value) -> Ordering {
    match (a.below(b), b.below(a)) {
        (Some(true), _) => Ordering::Less,
        (_, Some(true)) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests;
