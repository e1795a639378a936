//! The period's charts, built from the memos: one function per chart so the
//! results page and the printed report draw exactly the same pictures.

use crate::app::department::chart::share;
use profkarta_charts::{fulfilment_bars, heatmap, level_distribution, profile_vs_average, Mark};
use profkarta_core::card::Card;
use profkarta_core::department::results::{Figures, Ranked, SchoolResult};

pub fn levels_svg(f: &Figures) -> String {
    let counts: Vec<(String, u32)> = f
        .levels
        .iter()
        .map(|(l, n)| (l.label().to_owned(), u32::try_from(*n).unwrap_or(u32::MAX)))
        .collect();
    level_distribution(&counts)
}

pub fn criteria_svg(f: &Figures) -> String {
    let items: Vec<(String, f64)> = f
        .criteria
        .iter()
        .map(|c| {
            (
                format!("{}. {}", c.code, c.title),
                share(c.points.0, c.points.1),
            )
        })
        .collect();
    fulfilment_bars(
        "Выполнение критериев по муниципалитету, % от максимума",
        &items,
    )
}

pub fn indicators_svg(f: &Figures) -> String {
    let items: Vec<(String, f64)> = f
        .indicators
        .iter()
        .map(|i| (i.code.clone(), share(i.earned as u64, i.applicable as u64)))
        .collect();
    fulfilment_bars("Доля школ, выполнивших показатель, %", &items)
}

pub fn heatmap_svg(card: &Card, rating: &[Ranked]) -> String {
    let schools: Vec<String> = rating.iter().map(|r| r.result.name().to_owned()).collect();
    let codes: Vec<String> = card.indicators().map(|i| i.code.clone()).collect();
    let cells: Vec<Vec<Mark>> = rating
        .iter()
        .map(|r| {
            r.result
                .score
                .indicators
                .iter()
                .map(|(_, c)| match (c.applies, c.points > 0) {
                    (false, _) => Mark::NotApplicable,
                    (true, true) => Mark::Earned,
                    (true, false) => Mark::Missed,
                })
                .collect()
        })
        .collect();
    heatmap(&schools, &codes, &cells)
}

pub fn profile_svg(f: &Figures, school: &SchoolResult) -> String {
    let labels: Vec<String> = f.criteria.iter().map(|c| format!("К{}", c.code)).collect();
    let average: Vec<f64> = f
        .criteria
        .iter()
        .map(|c| share(c.points.0, c.points.1))
        .collect();
    let own: Vec<f64> = school
        .score
        .criteria
        .iter()
        .map(|c| share(c.points.into(), c.max_applicable.into()))
        .collect();
    profile_vs_average(&labels, &own, &average, school.name())
}
