//! One indicator's values school by school, set against the municipal
//! value: what a card without points shows instead of a rating, so that
//! the schools below the municipality stand out at a glance. It is drawn
//! from the very answers the municipal value is made of
//! ([`gather`](crate::department::figures)), so the bars add up to it,
//! and compared as a letter compares them ([`Value`]).

use std::cmp::Ordering;

use crate::card::{Card, Indicator, Rule};
use crate::department::archive::Archive;
use crate::department::figures::{figure, gather};
use crate::department::results::SchoolResult;
use crate::department::tables::value_cell;
use crate::department::value::{municipal_value, Value};
use crate::export::Cell;
use crate::text::by_name;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    /// Schools whose value goes into the municipal one, highest first
    /// (equal ones by name).
    pub valued: Vec<(String, Value)>,
    /// The rest, by name, each with the word «Значения по школам» gives
    /// it: «не применимо», «… (не подтверждено проверкой)», «нет ответа».
    pub without: Vec<(String, String)>,
    /// The municipal value and its words, as a letter sets a school's
    /// beside it; `None` with fewer than two schools' values.
    pub municipal: Option<(Value, String)>,
}

impl Spread {
    /// Schools whose value is below the municipal one.
    pub fn below(&self) -> usize {
        let Some((municipal, _)) = self.municipal else {
            return 0;
        };
        (self.valued.iter())
            .filter(|(_, v)| v.below(municipal) == Some(true))
            .count()
    }
}

/// Indicators whose schools' values share one scale: shares (a
/// breakdown's whole), typed percents and counts. A «да/нет» is a table's,
/// and a list has no single value.
pub fn charted(card: &Card) -> impl Iterator<Item = &Indicator> {
    card.indicators().filter(|i| {
        matches!(
            i.rule,
            Rule::Share { .. } | Rule::Breakdown { .. } | Rule::Percent { .. } | Rule::Count { .. }
        )
    })
}

pub fn spread(
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
    indicator: &Indicator,
) -> Spread {
    let i = card
        .indicators()
        .position(|x| x.code == indicator.code)
        .unwrap_or(usize::MAX);
    let gathered = gather(archive, card, results);
    let values = gathered.values.get(i).map_or(&[][..], Vec::as_slice);
    let mut counted = vec![false; results.len()];
    let mut valued = Vec::new();
    let mut without = Vec::new();
    for v in values {
        counted[v.school] = true;
        let name = results[v.school].name().to_owned();
        match v.value(&indicator.rule) {
            Some(Value::Share(_, 0)) => without.push((name, "0 из 0".to_owned())),
            Some(value) => valued.push((name, value)),
            None => {}
        }
    }
    for (r, _) in results.iter().zip(&counted).filter(|(_, c)| !**c) {
        let empty = archive.empty_unruled(&r.submission_id);
        let entry = archive.entry(&r.submission_id);
        let said = match value_cell(card, indicator, entry, r, &empty).0 {
            Cell::Text(text) if !text.is_empty() => text,
            Cell::Empty | Cell::Text(_) => "нет ответа".to_owned(),
            // Shown with a value, yet left out of the municipal one.
            _ => "не вошло в значение по муниципалитету".to_owned(),
        };
        without.push((r.name().to_owned(), said));
    }
    valued.sort_by(|(a, x), (b, y)| order(*y, *x).then_with(|| by_name(a, b)));
    without.sort_by(|(a, _), (b, _)| by_name(a, b));
    let municipal = gathered.values.get(i).and_then(|values| {
        municipal_value(&figure(
            indicator,
            gathered.earned[i],
            gathered.applicable[i],
            values,
        ))
    });
    Spread {
        valued,
        without,
        municipal,
    }
}

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
