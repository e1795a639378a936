//! The department's charts from the core's figures: one function per chart,
//! so the results page and the printed report draw exactly the same
//! pictures.

use profkarta_core::card::Card;
use profkarta_core::department::dynamics::delta_text;
use profkarta_core::department::effectiveness::IndicatorEffect;
use profkarta_core::department::figures::Figures;
use profkarta_core::department::results::{Ranked, SchoolResult};
use profkarta_core::text::criterion_heading;

use crate::bars::paired_bars;
use crate::canvas::{BLUE, SKY_BLUE};
use crate::{fulfilment_bars, heatmap, level_distribution, profile_vs_average, trend, Mark, Share};

pub fn levels_svg(f: &Figures) -> String {
    let counts: Vec<(String, u32)> = f
        .levels
        .iter()
        .map(|(l, n)| (l.label().to_owned(), u32::try_from(*n).unwrap_or(u32::MAX)))
        .collect();
    level_distribution(&counts)
}

pub fn criteria_svg(f: &Figures) -> String {
    let items: Vec<(String, Share)> = f
        .criteria
        .iter()
        .map(|c| {
            let (part, whole) = c.points;
            (format!("{}. {}", c.code, c.title), Share::new(part, whole))
        })
        .collect();
    fulfilment_bars(
        "Выполнение критериев по муниципалитету, % от максимума",
        &items,
    )
}

/// Informational indicators are left out: nobody "fulfils" them.
pub fn indicators_svg(f: &Figures, card: &Card) -> String {
    let scored = |code: &str| card.indicator(code).is_some_and(|i| i.points > 0);
    let items: Vec<(String, Share)> = f
        .indicators
        .iter()
        .filter(|i| scored(&i.code))
        .map(|i| {
            let share = Share::new(i.earned as u64, i.applicable as u64);
            (i.code.clone(), share)
        })
        .collect();
    fulfilment_bars("Доля школ, выполнивших показатель, %", &items)
}

/// Per measure and compared indicator, the share of schools meeting it in
/// the year after the measure: the addressed schools beside the others,
/// each labelled with its change since the year of the measure. Measures
/// are numbered as in the table beside the chart: titles do not fit.
pub fn effectiveness_svg(measures: &[Vec<IndicatorEffect>]) -> String {
    let mut items: Vec<(String, Share)> = Vec::new();
    for (n, effects) in measures.iter().enumerate() {
        for e in effects.iter().filter(|e| e.difference().is_some()) {
            for (side, g) in [("адресные", &e.addressed), ("остальные", &e.others)]
            {
                let (change, (part, whole)) = e.bar(g);
                items.push((
                    format!("{}) {} · {side} ({})", n + 1, e.code, delta_text(change)),
                    Share::new(part, whole),
                ));
            }
        }
    }
    // A card without points has no target met: its shares are the pupils'.
    let title = match measures.iter().flatten().any(|e| e.by_share) {
        true => "Доля обучающихся (Σ/Σ) по целевым показателям мер через год, %",
        false => "Доля школ, выполняющих целевые показатели мер, через год, %",
    };
    paired_bars(title, &items, &[BLUE, SKY_BLUE])
}

pub fn heatmap_svg(card: &Card, rating: &[Ranked]) -> String {
    let schools: Vec<String> = rating.iter().map(|r| r.result.name().to_owned()).collect();
    let codes: Vec<String> = card.scored_indicators().map(|i| i.code.clone()).collect();
    let cells: Vec<Vec<Mark>> = rating
        .iter()
        .map(|r| {
            codes
                .iter()
                .map(|code| match r.result.score.indicator(code) {
                    Some(c) if c.met() => Mark::Earned,
                    Some(c) if c.partly() => Mark::Partial,
                    Some(c) if c.unanswered => Mark::Unanswered,
                    Some(c) if c.invalid => Mark::Invalid,
                    Some(c) if c.applies => Mark::Missed,
                    Some(c) if c.lacks_last_year => Mark::NoLastYear,
                    Some(_) => Mark::NotApplicable,
                    // Left out by `SchoolResult::seen_on`.
                    None => Mark::NotInVersion,
                })
                .collect()
        })
        .collect();
    heatmap(&schools, &codes, &cells)
}

pub fn profile_svg(f: &Figures, school: &SchoolResult) -> String {
    let labels: Vec<String> = f
        .criteria
        .iter()
        .map(|c| criterion_heading(&c.code))
        .collect();
    let average: Vec<Share> = f
        .criteria
        .iter()
        .map(|c| Share::new(c.points.0, c.points.1))
        .collect();
    let own: Vec<Share> = f
        .criteria
        .iter()
        .map(|c| {
            let (points, max) = school.criterion(&c.code).unwrap_or_default();
            Share::new(points.into(), max.into())
        })
        .collect();
    profile_vs_average(&labels, &own, &average, school.name())
}

/// Over `periods`, oldest first, with each period's figures: the municipal
/// share of points and, when the card has levels, the share of schools at
/// the high level.
pub fn trend_svg(periods: &[String], figures: &[Figures], with_levels: bool) -> String {
    let points = figures
        .iter()
        .map(|f| Share::new(f.points.0, f.points.1))
        .collect();
    let mut lines = vec![("Баллов от максимума по муниципалитету".to_owned(), points)];
    if with_levels {
        let high = figures
            .iter()
            .map(|f| Share::new(f.levels[0].1 as u64, f.schools as u64))
            .collect();
        lines.push(("Доля школ с высокой эффективностью".to_owned(), high));
    }
    trend(periods, &lines)
}
