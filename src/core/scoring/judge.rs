//! Trusted values become points: a minimum, growth against last year, both,
//! banded points, or none (informational), all in exact integers.

use crate::card::{Band, Indicator, Rule, ShareTarget, ZeroDenominator};
use crate::scoring::read::Value;
use crate::scoring::{Detail, Growth, NotApplicable, Outcome};

pub(super) fn score(indicator: &Indicator, value: Value) -> Outcome {
    let scored = |earned: bool, detail: Detail| Outcome::Scored {
        points: if earned { indicator.points } else { 0 },
        detail,
    };
    match (&indicator.rule, value) {
        (
            rule,
            Value::Share {
                numerator,
                denominator,
                last_year,
            },
        ) => {
            let target = rule
                .share_target()
                .expect("a share value comes from a share rule");
            share(indicator.points, target, numerator, denominator, last_year)
        }
        (_, Value::Fact(present)) => scored(present, Detail::Fact(present)),
        (Rule::Count { min, .. }, Value::Count(value)) => {
            let shortfall = min.map_or(0, |m| m.saturating_sub(value));
            scored(
                min.is_some() && shortfall == 0,
                Detail::Count { value, shortfall },
            )
        }
        (Rule::Percent { min_tenths, .. }, Value::Percent(tenths)) => {
            let shortfall = min_tenths.map_or(0, |m| m.saturating_sub(tenths));
            let detail = Detail::Percent { tenths, shortfall };
            scored(min_tenths.is_some() && shortfall == 0, detail)
        }
        (Rule::List { min, .. }, Value::List { rows, measured }) => {
            let shortfall = match (min, measured) {
                (Some(min), Some(sum)) => min.value.saturating_sub(sum),
                _ => 0,
            };
            let detail = Detail::List {
                rows,
                measured,
                shortfall,
            };
            scored(min.is_some() && shortfall == 0, detail)
        }
        // read_value produces the value kind of the rule it was given.
        _ => unreachable!("value kind matches the rule kind"),
    }
}

/// The smallest numerator that reaches `percent` of `denominator`.
fn needed(percent: u32, denominator: u64) -> u64 {
    (u64::from(percent) * denominator).div_ceil(100)
}

fn share(
    points: u32,
    target: ShareTarget<'_>,
    numerator: u64,
    denominator: u64,
    last_year: Option<(u64, u64)>,
) -> Outcome {
    let growth = if !target.dynamics {
        Growth::NotAsked
    } else {
        match last_year {
            Some((n0, d0)) if d0 > 0 => Growth::Known {
                numerator: n0,
                denominator: d0,
                met: grew(numerator, denominator, n0, d0),
            },
            _ => Growth::NoLastYear {
                was_empty: last_year.is_some(),
            },
        }
    };
    let detail = |shortfall| Detail::Share {
        numerator,
        denominator,
        shortfall,
        growth,
    };
    if denominator == 0 {
        if target.zero_denominator == ZeroDenominator::NotApplicable {
            return Outcome::NotApplicable(NotApplicable::EmptyGroup);
        }
        return Outcome::Scored {
            points: 0,
            detail: detail(None),
        };
    }
    if !target.bands.is_empty() {
        let (points, shortfall) = banded(target.bands, numerator, denominator);
        return Outcome::Scored {
            points,
            detail: detail(shortfall),
        };
    }
    let minimum = target.threshold_percent.map(|t| needed(t, denominator));
    let earned = match (minimum, growth) {
        // Growth is half of a goal with a minimum too («выше прошлогодней и
        // не меньше минимума»): judged on the minimum alone, a school that
        // left last year blank earned the point that its true figures
        // (no growth) would have cost it.
        (_, Growth::NoLastYear { was_empty }) => {
            return Outcome::NotApplicable(NotApplicable::NoLastYear {
                numerator,
                denominator,
                was_empty,
            });
        }
        (None, Growth::NotAsked) => false,
        (None, Growth::Known { met, .. }) => met,
        (Some(n), Growth::Known { met, .. }) => numerator >= n && met,
        (Some(n), Growth::NotAsked) => numerator >= n,
    };
    Outcome::Scored {
        points: if earned { points } else { 0 },
        detail: detail(minimum.map(|n| n.saturating_sub(numerator))),
    }
}

/// This year's share above last year's, n₁/d₁ > n₀/d₀ as n₁·d₀ > n₀·d₁; a
/// school that holds 100 % has nowhere to grow, and that counts as met.
fn grew(n1: u64, d1: u64, n0: u64, d0: u64) -> bool {
    let (n1, d1, n0, d0) = (
        u128::from(n1),
        u128::from(d1),
        u128::from(n0),
        u128::from(d0),
    );
    n1 * d0 > n0 * d1 || (n1 == d1 && n0 == d0)
}

/// How many more of `now`'s group make its share grow from `was`'s, as
/// [`grew`] counts growth: the least numerator above last year's share,
/// or the whole group where 100 % is to be held. `None` with no group, or
/// none short.
pub(crate) fn growth_shortfall((n, d): (u64, u64), (n0, d0): (u64, u64)) -> Option<u64> {
    if d == 0 || d0 == 0 {
        return None;
    }
    let needed = match n0 >= d0 {
        true => d,
        // The least m with m·d0 > n0·d.
        false => (u128::from(n0) * u128::from(d) / u128::from(d0)) as u64 + 1,
    };
    Some(needed.min(d).saturating_sub(n)).filter(|k| *k > 0)
}

/// The points of the highest band reached, and how many more people reach
/// the next band (`None` at the top).
fn banded(bands: &[Band], numerator: u64, denominator: u64) -> (u32, Option<u64>) {
    let reached = |b: &&Band| numerator >= needed(b.from_percent, denominator);
    let points = bands.iter().rfind(reached).map_or(0, |b| b.points);
    let next = bands.iter().find(|b| !reached(b));
    (
        points,
        next.map(|b| needed(b.from_percent, denominator) - numerator),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortfall is the least numerator [`grew`] counts as growth,
    /// over every small group: the two rules cannot drift apart.
    #[test]
    fn the_growth_shortfall_is_what_grew_asks() {
        for d in 1..=12 {
            for d0 in 1..=12 {
                for n0 in 0..=d0 {
                    for n in 0..=d {
                        let least = (n..=d).find(|&m| grew(m, d, n0, d0));
                        let expected = least.map(|m| m - n).filter(|k| *k > 0);
                        assert_eq!(
                            growth_shortfall((n, d), (n0, d0)),
                            expected,
                            "{n}/{d} after {n0}/{d0}"
                        );
                    }
                }
            }
        }
    }
}
