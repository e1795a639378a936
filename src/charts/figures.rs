//! The department's charts from the core's figures: one function per chart,
//! so the results page and the printed report draw exactly the same
//! pictures.

use profkarta_core::card::{Basis, Card, Indicator, Rule};
use profkarta_core::department::dynamics::delta_text;
use profkarta_core::department::effectiveness::{bases_of, IndicatorEffect};
use profkarta_core::department::figures::Figures;
use profkarta_core::department::results::{Ranked, SchoolResult};
use profkarta_core::department::spread::Spread;
use profkarta_core::department::value::Value;
use profkarta_core::text::{criterion_heading, group_digits, percent, percents_apart, points};

use crate::bars::{bars, label_width, paired_bars, Bar, Guides, Sample, Scale};
use crate::canvas::{
    clip, count, no_data, school_label, BLUE, BLUISH_GREEN, NAME_CHARS, ORANGE, SKY_BLUE,
};
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

/// Per measure and compared indicator, the share of schools meeting it (on
/// a card without points, the value its answers pool into) in the year
/// after the measure: the addressed schools beside the others,
/// each labelled with its change since the year of the measure. Measures
/// are numbered as in the table beside the chart: titles do not fit.
pub fn effectiveness_svg(measures: &[Vec<IndicatorEffect>]) -> String {
    let mut items: Vec<(String, Share)> = Vec::new();
    for (n, effects) in measures.iter().enumerate() {
        for e in effects.iter().filter(|e| e.difference().is_some()) {
            // A doubtful verdict's bars looked as sure as any other's
            // beside the table's «вывод ненадёжен».
            let doubtful = match e.caveat().is_some() {
                true => "; вывод ненадёжен",
                false => "",
            };
            for (side, g, note) in [
                ("адресные", &e.addressed, doubtful),
                ("остальные", &e.others, ""),
            ] {
                let (change, (part, whole)) = e.bar(g);
                items.push((
                    format!(
                        "{}) {} · {side} ({}{note})",
                        n + 1,
                        e.code,
                        delta_text(change)
                    ),
                    Share::new(part, whole),
                ));
            }
        }
    }
    // A card without points has no target met: it shows the values its
    // answers pool into, one kind named, several not.
    let title = match bases_of(measures.iter().flatten())[..] {
        [Basis::Met] | [] => "Доля школ, выполняющих целевые показатели мер, через год, %",
        [Basis::Pupils] => "Общая доля обучающихся по целевым показателям мер через год, %",
        [Basis::Yes] => "Доля школ с ответом «да» по целевым показателям мер через год, %",
        [Basis::Mean] => "Среднее значение целевых показателей мер по школам через год, %",
        _ => "Значения целевых показателей мер через год, %",
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
                // None: left out by `SchoolResult::seen_on`.
                .map(|code| Mark::of(r.result.score.indicator(code)))
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
    // `None`: a criterion the school's version of the card does not have.
    let own: Vec<Option<Share>> = f
        .criteria
        .iter()
        .map(|c| {
            let (points, max) = school.criterion(&c.code)?;
            Some(Share::new(points.into(), max.into()))
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

/// Each school's value of one indicator, highest first, against the
/// municipal value: a dashed line, and the bars below it in orange (the
/// legend says so, colour is not the only sign). Schools without a value
/// follow with the reason in their bar's place. A count is drawn from 0 to
/// a round number above the largest; shares and percents from 0 to 100 %.
/// [`spread_pages`] one after the other: on the screen they read as one
/// chart whose axis comes again every [`SPREAD_PAGE_ROWS`] schools.
pub fn spread_svg(indicator: &Indicator, spread: &Spread) -> String {
    spread_pages(indicator, spread).concat()
}

/// The title of [`spread_pages`], also the pictures' description in Word.
pub fn spread_title(indicator: &Indicator) -> String {
    format!("Значения школ: показатель {}", indicator.code)
}

/// A picture per [`SPREAD_PAGE_ROWS`] schools, so that a large
/// municipality prints, and goes into Word, a page at a time; the pictures
/// share one layout, so that their bars line up.
pub fn spread_pages(indicator: &Indicator, spread: &Spread) -> Vec<String> {
    let title = spread_title(indicator);
    if spread.valued.is_empty() && spread.without.is_empty() {
        return vec![no_data(&title)];
    }
    let municipal = spread.municipal.as_ref().map(|(v, _)| *v);
    let scale = match indicator.rule {
        Rule::Count { .. } => {
            let top = |v: &Value| amount(*v).ceil() as u64;
            let guides = municipal.iter().chain(&spread.threshold);
            let most = (spread.valued.iter().map(|(_, v)| v))
                .chain(guides)
                .fold(0, |m, v| m.max(top(v)));
            Scale::counts(most)
        }
        _ => Scale::Percent,
    };
    let top = match scale {
        Scale::Percent => 100.0,
        Scale::Count { top, .. } => top as f64,
    };
    let valued = spread.valued.iter().map(|(name, v)| {
        let bar = Bar {
            lines: vec![school_label(name, NAME_CHARS)],
            at: Some(amount(*v) / top),
            value: written(*v, municipal),
            colour: if spread.is_below(*v) { ORANGE } else { BLUE },
            note: None,
        };
        (format!("{name} — {}", bar.value), bar)
    });
    let without = spread.without.iter().map(|(name, why)| {
        let bar = Bar {
            lines: vec![school_label(name, NAME_CHARS)],
            at: None,
            value: String::new(),
            colour: BLUE,
            note: Some(why.clone()),
        };
        (format!("{name} — {why}"), bar)
    });
    let (said, rows): (Vec<String>, Vec<Bar>) = valued.chain(without).unzip();
    // The guides and their legend, and the same in words for the
    // description.
    let mut guides = Guides::default();
    let mut described = String::new();
    if let Some((v, words)) = &spread.municipal {
        let line = format!("по муниципалитету: {words}");
        let below = format!(
            "ниже муниципального значения — {}",
            count(spread.below(), "школа", "школы", "школ")
        );
        described.push_str(&format!(" Пунктир — {line}; {below} (оранжевые столбцы)."));
        guides.lines.push((amount(*v) / top, Sample::Dash));
        guides.legend.push((Sample::Dash, line));
        guides.legend.push((Sample::Colour(ORANGE), below));
    }
    // Over the municipal value's dashes, a solid line hid them (an audit):
    // a line within a hundredth of the scale of them is said to be on them.
    let on_dashes = |v: Value| {
        (spread.municipal.as_ref())
            .is_some_and(|(m, _)| (amount(*m) - amount(v)).abs() / top < 0.01)
    };
    const TOGETHER: &str = " (на одной линии с муниципальным значением)";
    if let Some(v) = spread.threshold {
        let together = if on_dashes(v) { TOGETHER } else { "" };
        let line = format!("порог карты: не менее {}{together}", written(v, None));
        described.push_str(&format!(" Сплошная линия — {line}."));
        guides
            .lines
            .push((amount(v) / top, Sample::Line(BLUISH_GREEN)));
        guides.legend.push((Sample::Line(BLUISH_GREEN), line));
    }
    // A share scored by steps: where each begins, all named in one entry.
    if !spread.steps.is_empty() {
        let named: Vec<String> = (spread.steps.iter())
            .map(|&(v, p)| {
                let together = if on_dashes(v) { TOGETHER } else { "" };
                format!("от {} — {}{together}", written(v, None), points(p.into()))
            })
            .collect();
        let (lines, steps) = match named.len() {
            1 => ("Сплошная линия", "ступень карты"),
            _ => ("Сплошные линии", "ступени карты"),
        };
        let line = format!("{steps}: {}", named.join(", "));
        described.push_str(&format!(" {lines} — {line}."));
        for (v, _) in &spread.steps {
            guides
                .lines
                .push((amount(*v) / top, Sample::Line(BLUISH_GREEN)));
        }
        guides.legend.push((Sample::Line(BLUISH_GREEN), line));
    }
    let width = label_width(&rows);
    let pages = rows.len().div_ceil(SPREAD_PAGE_ROWS);
    (rows
        .chunks(SPREAD_PAGE_ROWS)
        .zip(said.chunks(SPREAD_PAGE_ROWS)))
    .enumerate()
    .map(|(page, (rows, said))| {
        let title = match (page, pages) {
            (_, 1) => title.clone(),
            (0, _) => format!("{title} (1 из {pages})"),
            _ => format!("{title} (продолжение, {} из {pages})", page + 1),
        };
        let label = format!("{}: {}.{described}", clip(&title, 200), said.join("; "));
        bars(&title, &label, rows, &scale, &guides, width)
    })
    .collect()
}

/// Schools in one picture of [`spread_svg`]: with the title and the legend
/// they fit one printed A4 page.
pub const SPREAD_PAGE_ROWS: usize = 35;

/// Where a value stands on its scale: a percent for a share or a typed
/// percent, the number itself for a count or a mean.
fn amount(v: Value) -> f64 {
    match v {
        Value::Share(n, d) if d > 0 => n as f64 * 100.0 / d as f64,
        Value::Count(n) => n as f64,
        Value::Mean(t) => t as f64 / 10.0,
        Value::Percent(t) => f64::from(t) / 10.0,
        Value::Share(..) | Value::Fact(_) => 0.0,
    }
}

/// A value as written at its bar's end: «37,8 %», «12», «2,5». A share
/// that reads as the municipal one in tenths but is not gets as many
/// decimals as tell them apart, as a letter writes it: an orange bar
/// never reads as equal to the line.
fn written(v: Value, municipal: Option<Value>) -> String {
    match (v, municipal) {
        (Value::Share(n, d), Some(Value::Share(m, e))) => {
            percents_apart((n, d), (m, e)).map_or_else(|| percent(n, d), |(own, _)| own)
        }
        (Value::Share(n, d), _) => percent(n, d),
        (Value::Count(n), _) => group_digits(n),
        (v, _) => v.said(),
    }
}
