//! Totals per event across schools, for a list indicator (seed 004's events,
//! seed 002's contests): the same event typed differently by different
//! schools («Ярмарка профессий», «ярмарка  "Профессий"») is one line.

use crate::card::{Card, Rule};
use crate::department::archive::Archive;
use crate::department::results::SchoolResult;
use crate::school::input::parse_number;
use crate::scoring::Outcome;
use crate::text::{by_name, one_line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTotal {
    /// The name as most schools typed it.
    pub name: String,
    /// Schools that listed it.
    pub schools: usize,
    /// Each column's sum, in the card's column order.
    pub sums: Vec<u64>,
}

/// A name with case, spacing, quotes and «ё» ignored.
pub fn event_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || "\"'«»„“”‘’`".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One event while the rows are gathered: each spelling with how many rows
/// used it.
struct Gathered {
    key: String,
    total: EventTotal,
    spellings: Vec<(String, usize)>,
}

/// The events of list indicator `code` over `results`, most participants
/// (the first column) first, then by name. Each event is named as most
/// schools typed it, a capitalised spelling winning a tie.
pub fn event_totals(
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
    code: &str,
) -> Vec<EventTotal> {
    let Some(Rule::List { columns, .. }) = card.indicator(code).map(|i| &i.rule) else {
        return Vec::new();
    };
    let mut events: Vec<Gathered> = Vec::new();
    // Not confirmed or ruled not applicable at the check: out of the
    // totals, as out of the municipal value above them (a walk-through's
    // events added up to 2 555 under a value of 2 366).
    let counted = |r: &SchoolResult| {
        (r.score.indicator(code)).is_none_or(|c| c.applies && !c.unconfirmed_value())
    };
    for entry in (results.iter())
        .filter(|r| counted(r))
        .filter_map(|r| archive.entry(&r.submission_id))
    {
        // A file of another version: the list under its code there.
        let Some(code) = entry.card.code_of(card, code) else {
            continue;
        };
        let valid = entry
            .assessment
            .indicators
            .iter()
            .any(|r| r.code == code && matches!(r.outcome, Outcome::Scored { .. }));
        let Some(answer) = entry.opened.payload.answers.get(code).filter(|_| valid) else {
            continue;
        };
        let mut seen_here: Vec<String> = Vec::new();
        for row in answer.filled_rows() {
            let key = event_key(&row.name);
            let at = match events.iter().position(|e| e.key == key) {
                Some(at) => at,
                None => {
                    events.push(Gathered {
                        key: key.clone(),
                        total: EventTotal {
                            name: String::new(),
                            schools: 0,
                            sums: vec![0; columns.len()],
                        },
                        spellings: Vec::new(),
                    });
                    events.len() - 1
                }
            };
            let Gathered {
                total, spellings, ..
            } = &mut events[at];
            let spelling = one_line(&row.name);
            match spellings.iter_mut().find(|(s, _)| *s == spelling) {
                Some((_, n)) => *n += 1,
                None => spellings.push((spelling, 1)),
            }
            if !seen_here.contains(&key) {
                total.schools += 1;
                seen_here.push(key);
            }
            for (sum, value) in total.sums.iter_mut().zip(&row.values) {
                *sum += parse_number(value).ok().flatten().unwrap_or(0);
            }
        }
    }
    let mut totals: Vec<EventTotal> = events
        .into_iter()
        .map(
            |Gathered {
                 mut total,
                 spellings,
                 ..
             }| {
                let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                // max_by_key keeps the last of equals: reversed, the first seen wins.
                total.name = spellings
                    .into_iter()
                    .rev()
                    .max_by_key(|(s, n)| (*n, capital(s)))
                    .map(|(s, _)| s)
                    .unwrap_or_default();
                total
            },
        )
        .collect();
    totals.sort_by(|a, b| {
        let first = |t: &EventTotal| t.sums.first().copied().unwrap_or(0);
        first(b)
            .cmp(&first(a))
            .then_with(|| by_name(&a.name, &b.name))
    });
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::builtin;
    use crate::department::results::results;
    use crate::school::draft::ListRow;
    use crate::testkit::{self, draft};

    #[test]
    fn names_match_whatever_the_case_spacing_and_quotes() {
        assert_eq!(event_key("  Ярмарка   «Профессий» "), "ярмарка профессий");
        assert_eq!(event_key("ярмарка \"профессий\""), "ярмарка профессий");
        assert_eq!(
            event_key("Встреча с выпускниками ЁЛКИНО"),
            "встреча с выпускниками елкино"
        );
        assert_ne!(
            event_key("Ярмарка профессий 2"),
            event_key("Ярмарка профессий")
        );
    }

    /// Seed 004's events at three schools; the fair is one event.
    #[test]
    fn totals_per_event_across_three_schools() {
        let nv = builtin("nevinnomyssk").unwrap().unwrap();
        let code = nv
            .indicators()
            .find(|i| i.rule.kind() == "list")
            .unwrap()
            .code
            .clone();
        let school = |name: &str, rows: &[(&str, [&str; 3])]| {
            let mut d = draft(name, "2025/2026", &[]);
            d.answers.entry(code.clone()).or_default().rows = rows
                .iter()
                .map(|(n, v)| ListRow {
                    name: (*n).into(),
                    values: v.iter().map(|s| (*s).to_owned()).collect(),
                })
                .collect();
            d
        };
        let archive = testkit::archive(
            &nv,
            &[
                (
                    "1",
                    &school(
                        "А",
                        &[
                            ("Ярмарка профессий", ["40", "3", "5"]),
                            ("Квиз", ["12", "0", "3"]),
                        ],
                    ),
                ),
                (
                    "2",
                    &school(
                        "Б",
                        &[
                            ("ярмарка «Профессий»", ["25", "2", "1"]),
                            ("квиз", ["8", "0", "1"]),
                        ],
                    ),
                ),
                (
                    "3",
                    &school(
                        "В",
                        &[
                            ("Ярмарка  профессий", ["10", "0", "0"]),
                            ("День открытых дверей", ["30", "1", "0"]),
                        ],
                    ),
                ),
            ],
        );
        let res = results(&archive, "nevinnomyssk", "2025/2026");
        let totals = event_totals(&archive, &nv, &res, &code);
        let rows: Vec<(&str, usize, &[u64])> = totals
            .iter()
            .map(|t| (t.name.as_str(), t.schools, t.sums.as_slice()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Ярмарка профессий", 3, &[75, 5, 6][..]),
                ("День открытых дверей", 1, &[30, 1, 0][..]),
                ("Квиз", 2, &[20, 0, 4][..]),
            ]
        );
        // В's list refused at the check: out of the totals, as out of
        // the municipal value; the fair is А's and Б's alone.
        let mut res = res;
        let v = res.iter_mut().find(|r| r.name() == "В").unwrap();
        for (c, counted) in &mut v.score.indicators {
            if *c == code {
                counted.refused = true;
            }
        }
        let totals = event_totals(&archive, &nv, &res, &code);
        let rows: Vec<(&str, usize, &[u64])> = (totals.iter())
            .map(|t| (t.name.as_str(), t.schools, t.sums.as_slice()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Ярмарка профессий", 2, &[65, 5, 6][..]),
                ("Квиз", 2, &[20, 0, 4][..]),
            ]
        );
    }

    /// A year of two versions, version 2 numbering the list 1.30: the
    /// school still on version 1 counts with its rows under 1.3.
    #[test]
    fn a_school_on_another_version_counts_under_its_own_number() {
        let mut v1 = builtin("nevinnomyssk").unwrap().unwrap();
        v1.indicators_mut().find(|i| i.code == "1.3").unwrap().id = "events".into();
        let mut v2 = v1.clone();
        v2.version = 2;
        v2.indicators_mut().find(|i| i.code == "1.3").unwrap().code = "1.30".into();
        let school = |name: &str, code: &str, participants: &str| {
            let mut d = draft(name, "2025/2026", &[]);
            d.answers.entry(code.into()).or_default().rows = vec![ListRow {
                name: "Ярмарка профессий".into(),
                values: vec![participants.into(), "0".into(), "0".into()],
            }];
            d
        };
        let archive = testkit::archive_of(&[
            (&v1, "1", &school("А", "1.3", "40")),
            (&v2, "2", &school("Б", "1.30", "25")),
        ]);
        let res = results(&archive, "nevinnomyssk", "2025/2026");
        let totals = event_totals(&archive, &v2, &res, "1.30");
        assert_eq!((totals[0].schools, totals[0].sums[0]), (2, 65));
    }
}
