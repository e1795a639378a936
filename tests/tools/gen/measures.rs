//! Values for the kinds beyond seed 003's shares and facts: a share that
//! has to grow on last year's, a breakdown's parts, a percentage, a list of
//! events. Each earns (or misses) its points as planned, often right at the
//! boundary, where a floating-point comparison would go wrong.

use profkarta_core::card::{ListColumn, ShareTarget};
use profkarta_core::school::draft::ListRow;

use crate::answers::share_numbers;
use crate::rng::Rng;

/// Events and contests, for list rows.
const EVENTS: &[&str] = &[
    "Ярмарка профессий",
    "День открытых дверей в колледже",
    "Экскурсия на АО «Пример-Завод»",
    "Профориентационный квиз «Мир профессий»",
    "Конкурс «Профессия моих родителей»",
    "Встреча с выпускниками",
    "Квест «Всё о профессиях»",
];

/// An event's name as one of the schools might type it: as listed, or with
/// a lower-case start, straight quotes, a double space or «е» for «ё». The
/// department's per-event totals must join them all.
fn as_typed(name: &str, rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => {
            let mut chars = name.chars();
            let first = chars.next().map(|c| c.to_lowercase().to_string());
            first.unwrap_or_default() + chars.as_str()
        }
        1 => name.replace(['«', '»'], "\""),
        2 => name.replacen(' ', "  ", 1),
        3 => name.replace('ё', "е"),
        _ => name.to_owned(),
    }
}

/// The smallest numerator that reaches `percent` of `denominator`.
fn needed(percent: u32, denominator: u64) -> u64 {
    (u64::from(percent) * denominator).div_ceil(100)
}

/// This year's share for a target with growth: above last year's `(n0, d0)`
/// (and above the minimum) when `earned`, else not above it or below the
/// minimum. The largest numerator not above last year's share is
/// ⌊n0·d/d0⌋; one more is the smallest that grows.
pub fn growing_share(
    target: ShareTarget<'_>,
    (lo, hi): (u64, u64),
    earned: bool,
    (n0, d0): (u64, u64),
    rng: &mut Rng,
) -> (u64, u64) {
    let d = rng.between(lo, hi).max(1);
    let same = n0 * d / d0.max(1);
    let minimum = target.threshold_percent.map_or(0, |t| needed(t, d));
    let n = if earned {
        let from = minimum.max(same + 1);
        if from > d {
            d // 100 %: growth on anything below it, or 100 % held
        } else {
            rng.between(from, from + (d - from) / 2)
        }
    } else if minimum > 0 && rng.percent(40) {
        rng.between(minimum / 2, minimum - 1)
    } else {
        // Not above last year's share; 100 % held would count as growth.
        let top = if n0 == d0 { same.min(d - 1) } else { same };
        rng.between(top * 2 / 3, top)
    };
    (n, d)
}

/// A share for a target without growth: on or around the minimum, the top
/// band or below the first, or any share when it is informational.
pub fn plain_share(
    target: ShareTarget<'_>,
    range: (u64, u64),
    earned: bool,
    rng: &mut Rng,
) -> (u64, u64) {
    let threshold = match (target.threshold_percent, target.bands) {
        (Some(t), _) => t,
        (None, [first, .., last]) => {
            if earned {
                last.from_percent
            } else {
                first.from_percent
            }
        }
        (None, [only]) => only.from_percent,
        (None, []) => {
            let d = rng.between(range.0, range.1);
            return (rng.between(0, d), d);
        }
    };
    share_numbers(threshold, range, earned, rng)
}

/// Last year's share when the school has no earlier file: 20–80 % of a group
/// of the same size.
pub fn invented_last_year((lo, hi): (u64, u64), rng: &mut Rng) -> (u64, u64) {
    let d = rng.between(lo, hi).max(1);
    (rng.between(d / 5, d * 4 / 5), d)
}

/// `total` spread over `parts` parts, each a whole number.
pub fn split(total: u64, parts: usize, rng: &mut Rng) -> Vec<u64> {
    let mut left = total;
    let mut out = Vec::with_capacity(parts);
    for i in 0..parts {
        let take = if i + 1 == parts {
            left
        } else {
            rng.between(0, left)
        };
        out.push(take);
        left -= take;
    }
    rng.shuffle(&mut out);
    out
}

/// A survey level in tenths: reaching `min` when earned, below it otherwise.
pub fn percent(min: Option<u32>, earned: bool, rng: &mut Rng) -> u32 {
    match min {
        Some(min) if earned => rng.between(min.into(), 1000) as u32,
        Some(min) if min > 0 => rng.between(0, u64::from(min) - 1) as u32,
        _ => rng.between(550, 1000) as u32,
    }
}

/// One to four events, each column not above the one it is a part of.
pub fn list_rows(columns: &[ListColumn], rng: &mut Rng) -> Vec<ListRow> {
    let rows = rng.between(1, 4) as usize;
    let mut events = EVENTS.to_vec();
    rng.shuffle(&mut events);
    events
        .into_iter()
        .take(rows)
        .map(|event| {
            // Whole columns first, then the parts of them.
            let mut values = vec![0; columns.len()];
            for (value, column) in values.iter_mut().zip(columns) {
                if column.at_most.is_none() {
                    *value = rng.between(5, 80);
                }
            }
            for (i, column) in columns.iter().enumerate() {
                if let Some(key) = &column.at_most {
                    let whole = columns.iter().position(|c| &c.key == key);
                    values[i] = rng.between(0, whole.map_or(0, |w| values[w]) / 3);
                }
            }
            ListRow {
                name: as_typed(event, rng),
                values: values.iter().map(u64::to_string).collect(),
            }
        })
        .collect()
}
