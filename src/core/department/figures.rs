//! The municipal figures of one card and period: schools by level, each
//! criterion's fulfilment, and each indicator's schools that earned it and
//! its municipal value, pooled Σ/Σ, never a mean of percentages, for every
//! kind (informational indicators included).

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::card::{Card, Indicator, Level, Rule};
use crate::department::archive::{Archive, Entry};
use crate::department::results::{compare_share, SchoolResult};
use crate::department::review::{Decision, ReviewStatus};
use crate::department::value::Value;
use crate::school::draft::RawAnswer;
use crate::school::input::parse_number;
use crate::scoring::explain::{named_sums, rows_text};
use crate::scoring::{Detail, IndicatorResult, NotApplicable, Outcome};
use crate::text::{group_digits, percent, tenths_percent};

/// Municipal figures of one card and period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub schools: usize,
    /// Schools whose card the check has finished, of `schools`: while
    /// fewer, the figures may still change as it goes on.
    pub checked: usize,
    /// High, medium, low, in that order.
    pub levels: [(Level, usize); 3],
    pub criteria: Vec<CriterionFigure>,
    pub indicators: Vec<IndicatorFigure>,
    /// Σ totals / Σ applicable maxima over all schools.
    pub points: (u64, u64),
    /// Schools that filled another version than the card's, by version,
    /// oldest first: the report says how their figures are read.
    pub other_versions: Vec<(u32, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionFigure {
    pub code: String,
    pub title: String,
    /// Σ points / Σ applicable maxima: how much of the criterion is fulfilled.
    pub points: (u64, u64),
    /// Schools that earned every applicable point of it, of those it applies to.
    pub full: usize,
    pub applicable: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorFigure {
    pub code: String,
    /// Schools that met it and those it applies to, by the rules of the
    /// card shown, whichever version a school filled
    /// ([`Counted::judged_here`](crate::department::review::Counted::judged_here)).
    pub earned: usize,
    /// Of the rest, those that earned some of a banded indicator's points
    /// (by their own version's rules; none where a school's version judges
    /// it otherwise).
    pub partly: usize,
    pub applicable: usize,
    /// Schools whose valid answer is in the value: a share of 0 of 0
    /// adds nothing to it, and is not counted.
    pub answered: usize,
    pub value: Aggregate,
}

/// An indicator's municipal value over the schools that answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Aggregate {
    /// Σ numerators / Σ denominators, and for a breakdown each part's Σ
    /// numerators (over the same Σ denominators).
    Share {
        numerator: u64,
        denominator: u64,
        parts: Vec<u64>,
    },
    /// Schools that answered "yes".
    Fact {
        yes: usize,
    },
    Count {
        sum: u64,
    },
    /// Σ of the typed levels in tenths, with the lowest and the highest: the
    /// mean is `sum / answered`.
    Percent {
        sum: u64,
        lowest: u32,
        highest: u32,
    },
    /// Rows and each column's sum; `headline`, the column that stands
    /// for the list as one number ([`Rule::list_headline`]).
    List {
        rows: u64,
        sums: Vec<u64>,
        headline: Option<usize>,
    },
}

impl Aggregate {
    /// A list's one number: its headline column's sum, or its rows where
    /// it has no columns.
    pub fn list_number(&self) -> Option<u64> {
        match self {
            Self::List {
                rows,
                sums,
                headline,
            } => Some(
                headline
                    .and_then(|at| sums.get(at).copied())
                    .unwrap_or(*rows),
            ),
            _ => None,
        }
    }
}

impl IndicatorFigure {
    /// Met by fewer than half of the schools it applies to: a problem zone
    /// ([`problem_zones`]), and marked so in the measure form's list.
    pub fn below_half(&self) -> bool {
        self.earned * 2 < self.applicable
    }

    /// Share of schools that earned it, for sorting: `earned / applicable`.
    pub fn earned_share(&self) -> (u32, u32) {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        (n(self.earned), n(self.applicable))
    }
}

pub fn figures(archive: &Archive, card: &Card, results: &[SchoolResult]) -> Figures {
    let count_level = |l: Level| results.iter().filter(|r| r.score.level == Some(l)).count();
    let criteria = card
        .scored_criteria()
        .map(|c| {
            let mut figure = CriterionFigure {
                code: c.code.clone(),
                title: c.title.clone(),
                points: (0, 0),
                full: 0,
                applicable: 0,
            };
            for (points, max) in results.iter().filter_map(|r| r.criterion(&c.code)) {
                figure.points.0 += u64::from(points);
                figure.points.1 += u64::from(max);
                if max > 0 {
                    figure.applicable += 1;
                    figure.full += usize::from(points == max);
                }
            }
            figure
        })
        .collect();
    Figures {
        schools: results.len(),
        checked: (results.iter())
            .filter(|r| r.status == ReviewStatus::Checked)
            .count(),
        levels: Level::ALL.map(|l| (l, count_level(l))),
        criteria,
        indicators: indicator_figures(archive, card, results),
        points: results.iter().fold((0, 0), |(p, m), r| {
            (
                p + u64::from(r.score.total),
                m + u64::from(r.score.max_applicable),
            )
        }),
        other_versions: {
            let mut by_version = std::collections::BTreeMap::new();
            for r in results.iter().filter(|r| r.version != card.version) {
                *by_version.entry(r.version).or_insert(0) += 1;
            }
            by_version.into_iter().collect()
        },
    }
}

/// One school's answer that goes into an indicator's municipal value.
#[derive(Clone, Copy)]
pub(crate) struct Valued<'a> {
    /// The school's place in the results.
    pub school: usize,
    result: &'a IndicatorResult,
    answer: &'a RawAnswer,
    /// Not confirmed by the check: a fact counts as «нет».
    refused: bool,
}

impl Valued<'_> {
    /// The school's own value as it goes into the municipal one: a share's
    /// two numbers (a breakdown's parts of the card added up), a count, a
    /// typed percent, a «да» (a refused one as «нет»); a list has none.
    /// [`aggregate`] adds these up, so a chart's bars are what the
    /// municipal value is made of.
    pub fn value(&self, rule: &Rule) -> Option<Value> {
        let a = self.answer;
        Some(match rule {
            Rule::Share { .. } => Value::Share(number(&a.numerator), number(&a.denominator)),
            Rule::Breakdown { parts, .. } => Value::Share(
                (0..parts.len()).map(|i| self.part(i)).sum(),
                number(&a.denominator),
            ),
            Rule::Count { .. } => Value::Count(number(&a.count)),
            Rule::Percent { .. } => match self.result.outcome {
                Outcome::Scored {
                    detail: Detail::Percent { tenths, .. },
                    ..
                } => Value::Percent(tenths),
                _ => return None,
            },
            Rule::Fact { .. } => Value::Fact(a.fact == Some(true) && !self.refused),
            Rule::List { .. } => return None,
        })
    }

    /// The `i`-th part of a breakdown as typed.
    fn part(&self, i: usize) -> u64 {
        number(self.answer.parts.get(i).map_or("", String::as_str))
    }
}

/// What one pass over the schools gathers for each indicator, by its place
/// in the card: the schools it applies to, those that earned it, and the
/// answers its municipal value is made of.
pub(crate) struct Gathered<'a> {
    pub earned: Vec<usize>,
    pub partly: Vec<usize>,
    pub applicable: Vec<usize>,
    pub values: Vec<Vec<Valued<'a>>>,
}

/// A result's answer, when it holds a value: a scored row, or a
/// growth-only row without last year (its share is valid).
fn valued<'a>(entry: &'a Entry, result: &'a IndicatorResult) -> Option<&'a RawAnswer> {
    let has_value = matches!(
        result.outcome,
        Outcome::Scored { .. } | Outcome::NotApplicable(NotApplicable::NoLastYear { .. })
    );
    has_value
        .then(|| entry.opened.payload.answers.get(&result.code))
        .flatten()
}

fn number(text: &str) -> u64 {
    parse_number(text).ok().flatten().unwrap_or(0)
}

fn indicator_figures(
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
) -> Vec<IndicatorFigure> {
    let gathered = gather(archive, card, results);
    card.indicators()
        .enumerate()
        .map(|(i, indicator)| figure(indicator, &gathered, i, &gathered.values[i]))
        .collect()
}

/// The figure of `indicator`, the `i`-th of the card, from what [`gather`]
/// found for it, over `values`.
pub(crate) fn figure(
    indicator: &Indicator,
    gathered: &Gathered,
    i: usize,
    values: &[Valued],
) -> IndicatorFigure {
    // A share typed 0 of 0 where the card scores an empty group 0 adds
    // nothing to Σ/Σ: no school the value is over (an audit read «по 10
    // школам» beside a chart of 9).
    let answered = (values.iter())
        .filter(|v| !matches!(v.value(&indicator.rule), Some(Value::Share(_, 0))))
        .count();
    IndicatorFigure {
        code: indicator.code.clone(),
        earned: gathered.earned[i],
        partly: gathered.partly[i],
        applicable: gathered.applicable[i],
        answered,
        value: aggregate(&indicator.rule, values),
    }
}

/// The pass behind [`indicator_figures`], also read by
/// [`spreads`](crate::department::spread::spreads) to draw the very
/// answers the municipal value is made of. One pass over the schools,
/// each indicator found by its place in the card: looking every indicator
/// up in every school's rows took 170 ms natively at 2 000 schools, and
/// the «Динамика» tab does it for every year.
pub(crate) fn gather<'a>(
    archive: &'a Archive,
    card: &Card,
    results: &[SchoolResult],
) -> Gathered<'a> {
    let place: HashMap<&str, usize> = card
        .indicators()
        .enumerate()
        .map(|(i, indicator)| (indicator.code.as_str(), i))
        .collect();
    // A fact not confirmed stays in the value, as «нет»; a figure leaves it.
    let facts: Vec<bool> = card
        .indicators()
        .map(|i| matches!(i.rule, Rule::Fact { .. }))
        .collect();
    let mut earned = vec![0; place.len()];
    let mut partly = vec![0; place.len()];
    let mut applicable = vec![0; place.len()];
    let mut values: Vec<Vec<Valued>> = vec![Vec::new(); place.len()];
    // Indicators the check found not to apply to a school: its value is
    // left out with it, as the school is from «Применим к школам».
    let mut ruled_out = vec![false; place.len()];
    // Answers the check did not confirm ([`Counted::unconfirmed_value`]).
    let mut refused = vec![false; place.len()];
    // A school that filled in another version of the card: its results
    // already speak `card`'s codes ([`results`](crate::department::results::results)),
    // its answers are found by identity, so a renumbered one is still
    // itself, and one now filled in another way is left out. One map per
    // version.
    let mut elsewhere: HashMap<u32, HashMap<&str, usize>> = HashMap::new();
    for (school, r) in results.iter().enumerate() {
        ruled_out.fill(false);
        refused.fill(false);
        for (code, counted) in &r.score.indicators {
            let Some(&i) = place.get(code.as_str()) else {
                continue;
            };
            refused[i] = counted.unconfirmed_value();
            // Out of the value too where the card shown leaves it out.
            ruled_out[i] = !counted.applies || !counted.applies_here();
            // Who met it, by the rules `card` shows, whichever version the
            // school filled ([`Counted::judged_here`]).
            if counted.applies_here() {
                applicable[i] += 1;
                earned[i] += usize::from(counted.met_here());
                partly[i] += usize::from(counted.judged_here.is_none() && counted.partly());
            }
        }
        let Some(entry) = archive.entry(&r.submission_id) else {
            continue;
        };
        let place = if entry.card.version == card.version {
            &place
        } else {
            elsewhere
                .entry(entry.card.version)
                .or_insert_with(|| places_in(&entry.card, card))
        };
        // Read only for a row out of the maximum both ways (the rare one).
        let review = OnceCell::new();
        for result in &entry.assessment.indicators {
            let Some(&i) = place.get(result.code.as_str()) else {
                continue;
            };
            // Ruled not applicable by the check: where the school's answers
            // left the row out too (no figures for last year), only the
            // decision tells.
            let reviewed_away = ruled_out[i]
                && (result.outcome.applies()
                    || review
                        .get_or_init(|| archive.review(&r.submission_id))
                        .decision(&result.code)
                        == Some(Decision::NotApplicable));
            if let (false, false, Some(answer)) = (
                reviewed_away,
                refused[i] && !facts[i],
                valued(entry, result),
            ) {
                values[i].push(Valued {
                    school,
                    result,
                    answer,
                    refused: refused[i],
                });
            }
        }
    }
    Gathered {
        earned,
        partly,
        applicable,
        values,
    }
}

/// The answers that go into `card`'s municipal values, each as (the
/// school's file, the indicator's place in the card): what [`gather`]
/// keeps, for a list that may name only these.
pub(crate) fn in_values<'r>(
    archive: &Archive,
    card: &Card,
    results: &'r [SchoolResult],
) -> HashSet<(&'r str, usize)> {
    let gathered = gather(archive, card, results);
    (gathered.values.iter().enumerate())
        .flat_map(|(i, values)| {
            values
                .iter()
                .map(move |v| (results[v.school].submission_id.as_str(), i))
        })
        .collect()
}

/// Each indicator of `other`, a version of `card`, by its code there: its
/// place in `card` ([`Card::counterpart`]).
fn places_in<'a>(other: &'a Card, card: &Card) -> HashMap<&'a str, usize> {
    card.indicators()
        .enumerate()
        .filter_map(|(i, indicator)| Some((other.counterpart(indicator)?.code.as_str(), i)))
        .collect()
}

fn aggregate(rule: &Rule, values: &[Valued]) -> Aggregate {
    let each = || values.iter().filter_map(|v| v.value(rule));
    let (mut numerator, mut denominator, mut sum, mut yes) = (0, 0, 0, 0);
    let mut levels = Vec::new();
    for value in each() {
        match value {
            Value::Share(n, d) => (numerator, denominator) = (numerator + n, denominator + d),
            Value::Count(n) => sum += n,
            Value::Percent(t) => levels.push(t),
            Value::Fact(held) => yes += usize::from(held),
            Value::Mean(_) => {}
        }
    }
    match rule {
        Rule::Share { .. } => Aggregate::Share {
            numerator,
            denominator,
            parts: Vec::new(),
        },
        Rule::Breakdown { parts, .. } => Aggregate::Share {
            numerator,
            denominator,
            parts: (0..parts.len())
                .map(|i| values.iter().map(|v| v.part(i)).sum())
                .collect(),
        },
        Rule::Fact { .. } => Aggregate::Fact { yes },
        Rule::Count { .. } => Aggregate::Count { sum },
        Rule::Percent { .. } => Aggregate::Percent {
            sum: levels.iter().map(|t| u64::from(*t)).sum(),
            lowest: levels.iter().copied().min().unwrap_or(0),
            highest: levels.iter().copied().max().unwrap_or(0),
        },
        Rule::List { columns, .. } => {
            let rows = values.iter().flat_map(|v| v.answer.filled_rows());
            let mut sums = vec![0; columns.len()];
            let mut count = 0;
            for row in rows {
                count += 1;
                row.add_to(&mut sums);
            }
            Aggregate::List {
                rows: count,
                sums,
                headline: rule.list_headline(),
            }
        }
    }
}

/// The mean of `answered` schools' percentages whose tenths add up to
/// `sum`, in tenths, rounded half up: as the value shows it, and as its
/// change is reckoned from.
pub(crate) fn mean_tenths(sum: u64, answered: usize) -> u64 {
    let answered = (answered as u64).max(1);
    (sum * 2 + answered) / (answered * 2)
}

/// The municipal value in words: "12,3 % (16 из 130)", "да — у 3 из 5 (60,0 %)",
/// "в сумме 12, в среднем 2,4 на организацию", "в среднем 85,3 % (от 80,0 до 90,5 %)", "3 строки: участники —
/// 70, …"; a breakdown adds its parts.
pub fn describe_value(rule: &Rule, figure: &IndicatorFigure) -> String {
    if figure.answered == 0 {
        return "нет данных".to_owned();
    }
    match (&figure.value, rule) {
        (
            Aggregate::Share {
                numerator,
                denominator,
                parts: sums,
            },
            _,
        ) => {
            // Sums over a municipality run to tens of thousands of pupils.
            let mut text = format!(
                "{} ({} из {})",
                percent(*numerator, *denominator),
                group_digits(*numerator),
                group_digits(*denominator)
            );
            if let Rule::Breakdown { parts, .. } = rule {
                let each: Vec<String> = parts
                    .iter()
                    .zip(sums)
                    .map(|(p, n)| {
                        format!("{p} — {} ({})", group_digits(*n), percent(*n, *denominator))
                    })
                    .collect();
                text.push_str(&format!("; {}", each.join(", ")));
            }
            text
        }
        // With its share: a change in п. п. beside «21 из 30 → 15 из 31»
        // would leave the reader to divide.
        (Aggregate::Fact { yes }, _) => format!(
            "да — у {yes} из {} ({})",
            figure.answered,
            percent(*yes as u64, figure.answered as u64)
        ),
        // The sum alone counted a college each school works with once per
        // school («в сумме 52» partner organizations); the mean per school
        // reads right for any count, and is what the letters compare.
        (Aggregate::Count { sum }, _) if figure.answered > 1 => format!(
            "в сумме {}, в среднем {} на организацию",
            group_digits(*sum),
            crate::text::grouped_tenths(mean_tenths(*sum * 10, figure.answered))
        ),
        (Aggregate::Count { sum }, _) => format!("в сумме {}", group_digits(*sum)),
        (
            Aggregate::Percent {
                sum,
                lowest,
                highest,
            },
            _,
        ) => {
            let mean = tenths_percent(mean_tenths(*sum, figure.answered));
            // One school, or all alike: «от 80,0 % до 80,0 %» said nothing.
            match lowest == highest {
                true => format!("в среднем {mean}"),
                false => format!(
                    "в среднем {mean} (от {} до {})",
                    tenths_percent((*lowest).into()),
                    tenths_percent((*highest).into())
                ),
            }
        }
        (Aggregate::List { rows, sums, .. }, Rule::List { columns, .. }) => {
            format!("{}: {}", rows_text(*rows), named_sums(columns, sums))
        }
        (Aggregate::List { rows, .. }, _) => rows_text(*rows),
    }
}

/// Indicators most schools fail: earned by fewer than half of the schools they
/// apply to, weakest first. Informational indicators are never a problem zone.
pub fn problem_zones<'a>(figures: &'a Figures, card: &Card) -> Vec<&'a IndicatorFigure> {
    let mut weak = by_share_earned(figures, card);
    weak.retain(|f| f.below_half());
    weak
}

/// The indicators with points that apply to some school, the least earned
/// first.
fn by_share_earned<'a>(figures: &'a Figures, card: &Card) -> Vec<&'a IndicatorFigure> {
    let scored = |code: &str| card.indicator(code).is_some_and(|i| i.points > 0);
    let mut all: Vec<&IndicatorFigure> = (figures.indicators.iter())
        .filter(|f| f.applicable > 0 && scored(&f.code))
        .collect();
    all.sort_by(|a, b| compare_share(a.earned_share(), b.earned_share()));
    all
}

/// How many indicators are named when none falls below half.
pub const WEAKEST: usize = 3;

/// The indicators «Проблемные зоны» and a group's letter name: those fewer
/// than half of the schools earn, or, when there are none, the [`WEAKEST`]
/// least earned with their ties (none when all tie), so that the text
/// never reads as "no problems" by accident.
pub enum WeakSpots<'a> {
    BelowHalf(Vec<&'a IndicatorFigure>),
    Least(Vec<&'a IndicatorFigure>),
}

pub fn weak_spots<'a>(figures: &'a Figures, card: &Card) -> WeakSpots<'a> {
    let below = problem_zones(figures, card);
    if below.is_empty() {
        WeakSpots::Least(weakest(figures, card, WEAKEST))
    } else {
        WeakSpots::BelowHalf(below)
    }
}

/// The `n` indicators with points earned by the smallest share of schools,
/// weakest first, and any tied with the last of them (naming one of five
/// indicators at 65,9 % would single it out unfairly): what to name when no
/// indicator falls below half. A tie that runs to the end of the card sets
/// nothing apart, so only those below it are named (none when all tie).
pub fn weakest<'a>(figures: &'a Figures, card: &Card, n: usize) -> Vec<&'a IndicatorFigure> {
    let mut all = by_share_earned(figures, card);
    // Two or three indicators with points reach the card's end too (the
    // figures' audit: «Реже других выполнены: 2.2, 6.1», each met by 3 of
    // 3 schools, the only two that applied).
    let n = n.min(all.len());
    if n == 0 {
        return Vec::new();
    }
    let last = all[n - 1].earned_share();
    let same = |f: &&IndicatorFigure| compare_share(f.earned_share(), last).is_eq();
    let tied = all[n..].iter().take_while(|f| same(f)).count();
    let keep = if n + tied == all.len() {
        all.iter().take_while(|f| !same(f)).count()
    } else {
        n + tied
    };
    all.truncate(keep);
    all
}

#[cfg(test)]
mod tests;
