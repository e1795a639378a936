//! The schools and indicators the report names: the problem zones, the
//! best schools and the low ones.

use crate::card::Card;
use crate::department::figures::{weak_spots, Figures, IndicatorFigure, WeakSpots};
use crate::department::results::Ranked;
use crate::text::{percent, plural, score_share, tied};

/// «Проблемные зоны»: the sentence that opens the section and the indicators
/// it names ([`weak_spots`]); a card without points has nothing to fail.
pub fn problem_zones<'a>(f: &'a Figures, card: &Card) -> (&'static str, Vec<&'a IndicatorFigure>) {
    if !card.has_points() {
        return (
            "Карта не даёт баллов: показатели собираются и сводятся, проблемных зон по баллам нет.",
            Vec::new(),
        );
    }
    match weak_spots(f, card) {
        WeakSpots::BelowHalf(zones) => (
            "Показатели, которые выполнили меньше половины школ, к которым они относятся:",
            zones,
        ),
        // All tied: none is done less often than the others.
        WeakSpots::Least(named) if named.is_empty() => (
            "Нет показателей, которые выполнили меньше половины школ; все показатели выполнены одинаково часто.",
            named,
        ),
        WeakSpots::Least(named) => (
            "Нет показателей, которые выполнили меньше половины школ. Реже других выполнены:",
            named,
        ),
    }
}

/// «выполнили 3 из 12 школ (25,0 %).» for a problem zone; «из 41 школы».
/// A banded indicator's lower band is not met, but said: «выполнили 1 из
/// 10» alone read as nine schools doing nothing, where five earned part
/// of it (an audit).
pub fn zone_result(z: &IndicatorFigure) -> String {
    let of = z.applicable as u64;
    let partly = match z.partly {
        0 => String::new(),
        n => format!("; ещё {n} — частично"),
    };
    format!(
        "выполнили {} из {of} {} ({}){partly}.",
        z.earned,
        plural(of, "школы", "школ", "школ"),
        percent(z.earned as u64, of)
    )
}

/// «Школа № 3 — 5 из 23 (21,7 %)»; a school that filled in another version
/// of the card than `version` says so, since its maximum and thresholds
/// were not the same.
pub(super) fn scored_line(x: &Ranked, version: u32) -> String {
    let s = &x.result.score;
    let other = if x.result.version == version {
        String::new()
    } else {
        format!(" (карта заполнена по версии {})", x.result.version)
    };
    format!(
        "{} — {}{other}",
        tied(x.result.name()),
        score_share(s.total, s.max_applicable)
    )
}

/// Every school at the low level, in rating order: the share is what
/// orders them, when the maxima differ.
pub fn low_schools(rating: &[Ranked], version: u32) -> Vec<String> {
    rating
        .iter()
        .filter(|x| x.result.is_low())
        .map(|x| scored_line(x, version))
        .collect()
}

/// "1. Лицей — 21 из 23 (91,3 %)" for the first `n` of the rating and any
/// tied with the n-th: cutting a tie would leave out a school with the
/// same result. A school at the low level is not among the best, however
/// few the schools, nor one without points on a card without levels; when
/// none is left, one line says so.
pub fn best(rating: &[Ranked], n: usize, version: u32) -> Vec<String> {
    let last = rating
        .get(n.saturating_sub(1))
        .or(rating.last())
        .map_or(0, |r| r.rank);
    let lines: Vec<String> = rating
        .iter()
        .take_while(|x| n > 0 && x.rank <= last)
        .filter(|x| !x.result.is_low() && x.result.score.total > 0)
        .map(|x| format!("{}. {}", x.rank, scored_line(x, version)))
        .collect();
    if lines.is_empty() && n > 0 && !rating.is_empty() {
        let low = rating.iter().any(|x| x.result.is_low());
        return vec![if low { NONE_BEST } else { NONE_SCORED }.to_owned()];
    }
    lines
}

/// What «Школы с низкой эффективностью» says when there are none.
pub const NONE_LOW: &str = "Школ с низкой эффективностью нет.";

/// What «Лучшие результаты» says when every school is at the low level.
pub const NONE_BEST: &str = "Школ выше низкого уровня нет.";

/// What it says on a card without levels when no school has a point.
pub const NONE_SCORED: &str = "Ни одна школа не набрала баллов.";
