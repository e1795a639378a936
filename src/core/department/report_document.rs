//! The analytical report as a Word document, for the department's letterhead:
//! the same sentences, tables and charts as the printed page, with page
//! breaks before the indicator table and the analysis of measures. The charts
//! come as PNG pictures that the page draws from its SVG: the core has no
//! renderer, and Word reads SVG only as an extra beside a PNG.

use crate::card::Card;
use crate::department::effectiveness::{plans_total, Effects};
use crate::department::figures::Figures;
use crate::department::report;
use crate::department::results::Ranked;
use crate::department::tables::{
    effects_table, indicators_table, plans_table, EventsTable, Shares,
};
use crate::export::{to_docx, Block, Image, Table};
use crate::text::{card_suffix, period_stem};

/// What the report is made of; `dynamics` is [`report::dynamics`]'s text and,
/// like `effects`, present when there is a year before. `charts` follow the
/// intro (levels, criteria), then `spreads`; `effects_chart` goes with the
/// measures' table.
pub struct ReportInput<'a> {
    /// The department's name, above the title when it is given (a report
    /// printed from the page has no letterhead to carry it).
    pub department: &'a str,
    pub period: &'a str,
    pub card: &'a Card,
    pub figures: &'a Figures,
    pub rating: &'a [Ranked],
    pub dynamics: Option<String>,
    /// The indicators' municipal values in both years
    /// ([`value_changes_table`](crate::department::tables::value_changes_table)),
    /// when there is a year before.
    pub value_changes: Option<Table>,
    /// On a card without points, the schools' own values that moved most
    /// ([`school_value_changes_table`](crate::department::tables::school_value_changes_table)),
    /// when there is a year before.
    pub school_values: Option<Table>,
    /// On a card without points, each school's values
    /// ([`values_table`](crate::department::tables::values_table)): what its
    /// monitoring collects, which no rating stands in for.
    pub values_by_school: Option<Table>,
    /// [`report::left_out`]: what the figures leave out; empty when nothing.
    pub left_out: String,
    /// [`report::proposals`], the report's closing part; none, no heading.
    pub proposals: Vec<String>,
    /// [`report::reviewers`]: who checked which school, when several did.
    pub reviewers: Option<String>,
    pub effects: Option<&'a Effects>,
    /// The measures taken on this year's results, when any are recorded.
    pub road_map: Option<Table>,
    /// Each list indicator's totals per event: the methodology asks for
    /// figures «в разрезе каждого мероприятия».
    pub events: Vec<EventsTable>,
    pub charts: Vec<Image>,
    /// On a card without points, each indicator's values school by school
    /// ([`spread`](crate::department::spread)): its words and pictures.
    pub spreads: Vec<(String, Vec<Image>)>,
    pub effects_chart: Option<Image>,
}

pub fn report_docx(input: &ReportInput) -> Vec<u8> {
    to_docx(&report_blocks(input))
}

/// «справка_2025-2026.docx» ([`card_suffix`] after the year).
pub fn report_docx_name(period: &str, card_id: &str) -> String {
    format!(
        "справка_{}{}.docx",
        period_stem(period),
        card_suffix(card_id)
    )
}

pub fn report_blocks(input: &ReportInput) -> Vec<Block> {
    let (card, figures) = (input.card, input.figures);
    let department = input.department.trim();
    let mut blocks: Vec<Block> = (!department.is_empty())
        .then(|| Block::Paragraph(department.to_owned()))
        .into_iter()
        .collect();
    blocks.extend([
        Block::Title(report::title(input.period)),
        Block::Paragraph(report::intro(input.period, card, figures)),
        Block::Paragraph(report::review_summary(
            card,
            input.rating.iter().map(|r| &r.result),
        )),
    ]);
    if !input.left_out.is_empty() {
        blocks.push(Block::Paragraph(input.left_out.clone()));
    }
    blocks.extend(input.charts.iter().cloned().map(Block::Image));
    if !input.spreads.is_empty() {
        blocks.push(Block::Heading(report::SPREAD_HEADING.to_owned()));
        blocks.push(Block::Paragraph(report::SPREAD_NOTE.to_owned()));
        for (caption, pictures) in &input.spreads {
            blocks.push(Block::Caption(caption.clone()));
            blocks.extend(pictures.iter().cloned().map(Block::Image));
        }
    }
    if card.has_points() {
        let (intro, zones) = report::problem_zones(figures, card);
        blocks.push(Block::Heading(report::ZONES_HEADING.to_owned()));
        blocks.push(Block::Paragraph(intro.to_owned()));
        blocks.extend(zones.into_iter().map(|z| {
            let text = card.indicator(&z.code).map_or("", |i| i.text.as_str());
            Block::Item(format!("{} — {} {text}", z.code, report::zone_result(z)))
        }));
        blocks.push(Block::Heading(report::BEST_HEADING.to_owned()));
        // Each line starts with its place: a paragraph, not a dashed item.
        blocks.extend(
            report::best(input.rating, report::BEST, card.version)
                .into_iter()
                .map(Block::Paragraph),
        );
        if card.levels.is_some() {
            blocks.push(Block::Heading(report::LOW_HEADING.to_owned()));
            match report::low_schools(input.rating, card.version) {
                low if low.is_empty() => blocks.push(Block::Paragraph(report::NONE_LOW.to_owned())),
                low => blocks.extend(low.into_iter().map(Block::Item)),
            }
        }
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(report::FIGURES_HEADING.to_owned()));
    blocks.push(Block::Table(indicators_table(
        card,
        figures,
        input.period,
        Shares::Together,
    )));
    blocks.push(Block::Paragraph(report::figures_note(card)));
    for events in &input.events {
        blocks.push(Block::Heading(events.title.clone()));
        blocks.push(Block::Table(events.table.clone()));
    }
    if let Some(table) = &input.values_by_school {
        blocks.push(Block::Heading(report::VALUES_BY_SCHOOL_HEADING.to_owned()));
        blocks.push(Block::Paragraph(report::values_by_school_note(card)));
        blocks.push(Block::Table(table.clone()));
    }
    if let Some(text) = &input.dynamics {
        blocks.push(Block::Heading(report::DYNAMICS_HEADING.to_owned()));
        blocks.push(Block::Paragraph(text.clone()));
        if let Some(table) = &input.value_changes {
            blocks.push(Block::Heading(report::VALUES_HEADING.to_owned()));
            blocks.push(Block::Table(table.clone()));
        }
        if let Some(table) = &input.school_values {
            blocks.push(Block::Heading(report::SCHOOL_VALUES_HEADING.to_owned()));
            if table.rows.is_empty() {
                blocks.push(Block::Paragraph(report::NO_SCHOOL_VALUES_MOVED.to_owned()));
            } else {
                blocks.push(Block::Paragraph(report::school_values_note(card)));
                blocks.push(Block::Table(table.clone()));
            }
        }
    }
    blocks.extend(input.reviewers.clone().map(Block::Paragraph));
    if let Some(effects) = input.effects {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(report::EFFECTS_HEADING.to_owned()));
        blocks.extend(effectiveness_blocks(
            effects,
            input.effects_chart.as_ref(),
            card.has_measure_targets(),
        ));
    }
    if let Some(road_map) = &input.road_map {
        blocks.push(Block::Heading(report::measures_heading(input.period)));
        blocks.push(Block::Table(road_map.clone()));
    }
    if !input.proposals.is_empty() {
        blocks.push(Block::Heading(report::PROPOSALS.to_owned()));
        blocks.extend(input.proposals.iter().cloned().map(Block::Paragraph));
    }
    blocks.push(Block::Paragraph(report::SIGNATURE.to_owned()));
    blocks
}

/// `judges`: the card has something a measure can target
/// ([`Card::has_measure_targets`]).
fn effectiveness_blocks(effects: &Effects, chart: Option<&Image>, judges: bool) -> Vec<Block> {
    if !judges {
        let measures: Vec<_> = effects.measures.iter().map(|(m, _)| m).collect();
        return vec![Block::Paragraph(report::effectiveness_without_points(
            &effects.after_period,
            &measures,
        ))];
    }
    let mut blocks = vec![Block::Paragraph(report::effectiveness(
        &effects.after_period,
        &effects.measures,
        plans_total(&effects.plans),
        &effects.missing,
    ))];
    if effects.has_targets() {
        blocks.push(Block::Paragraph(report::effects_method(&effects.bases())));
        blocks.extend(chart.cloned().map(Block::Image));
        blocks.push(Block::Table(effects_table(effects)));
    }
    if !effects.plans.is_empty() {
        blocks.push(Block::Heading(report::PLANS_HEADING.to_owned()));
        blocks.push(Block::Paragraph(report::PLANS_COUNTED.to_owned()));
        blocks.push(Block::Table(plans_table(&effects.plans)));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Basis, DEFAULT_CARD};
    use crate::department::effectiveness::{Group, IndicatorEffect, PlanEffect, Verdict};
    use crate::department::figures::figures;
    use crate::department::measures::Measure;
    use crate::department::results::{rank, results};
    use crate::export::read_back::{docx_body, seen, Seen};
    use crate::testkit;

    fn paragraph(style: Option<&str>, text: &str) -> Seen {
        Seen::Paragraph(style.map(str::to_owned), text.to_owned())
    }

    /// [`testkit::two_years`]' second year: А earned 1.8, 2.1 and 3.1, Б and
    /// В only 2.1; all three are at the low level.
    #[test]
    fn the_report_reads_back_from_word() {
        let card = testkit::card();
        let archive = testkit::two_years(&card);
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        let f = figures(&archive, &card, &now);
        let rating = rank(now);
        let mut measure = Measure::blank(DEFAULT_CARD, "2024/2025");
        measure.title = "Семинар «Профпробы»".into();
        let effects = Effects {
            after_period: "2024/2025".into(),
            measures: vec![(
                measure,
                vec![IndicatorEffect {
                    code: "2.1".into(),
                    addressed: Group::default(),
                    others: Group::default(),
                    verdict: Verdict::TooFew,
                    basis: Basis::Met,
                }],
            )],
            plans: vec![PlanEffect {
                school: "Школа А".into(),
                counted: 2,
                improved: 1,
            }],
            missing: Vec::new(),
        };
        // This year's measure, the report's last part.
        let mut next = Measure::blank(DEFAULT_CARD, "2025/2026");
        next.title = "Курсы для заместителей".into();
        next.date = "март 2026".into();
        next.responsible = "ИМЦ".into();
        next.indicators = vec!["1.1".into()];
        let road_map = crate::department::tables::road_map_table(
            &card,
            &[&next],
            &rating_results(&rating),
            "2025/2026",
        );
        let input = ReportInput {
            department: " ",
            period: "2025/2026",
            card: &card,
            figures: &f,
            rating: &rating,
            dynamics: Some("По сравнению с 2024/2025 учебным годом …".into()),
            value_changes: None,
            school_values: None,
            values_by_school: None,
            reviewers: Some("Проверку объективности провели: Иванова А. А. — Школа А.".into()),
            effects: Some(&effects),
            road_map: Some(road_map.clone()),
            events: Vec::new(),
            left_out: String::new(),
            proposals: Vec::new(),
            charts: vec![chart("Уровни"), chart("Критерии")],
            spreads: Vec::new(),
            effects_chart: Some(chart("Эффективность мер")),
        };
        let blocks = report_blocks(&input);
        assert_eq!(
            blocks[2],
            Block::Paragraph(report::review_summary(
                &card,
                rating.iter().map(|r| &r.result)
            ))
        );
        assert_eq!(blocks[3], Block::Image(chart("Уровни")));
        assert_eq!(blocks[4], Block::Image(chart("Критерии")));
        let body = docx_body(&report_docx(&input));
        let read = seen(&body);
        let position = |wanted: &Seen| {
            read.iter()
                .position(|s| s == wanted)
                .unwrap_or_else(|| panic!("{wanted:?} in {read:#?}"))
        };
        assert_eq!(
            read[0],
            paragraph(Some("Heading1"), &report::title("2025/2026"))
        );
        assert_eq!(
            read[1],
            paragraph(None, &report::intro("2025/2026", &card, &f))
        );
        let mut pictures = Vec::new();
        body.find_all("wp:docPr", &mut pictures);
        let described: Vec<_> = pictures
            .iter()
            .filter_map(|p| p.attribute("descr"))
            .collect();
        assert_eq!(described, ["Уровни", "Критерии", "Эффективность мер"]);
        let zones = position(&paragraph(Some("Heading2"), "Проблемные зоны"));
        let zone_18 = position(&paragraph(
            Some("ListDash"),
            &format!(
                "— 1.8 — выполнили 1 из 3 школ (33,3\u{A0}%). {}",
                card.indicator("1.8").unwrap().text
            ),
        ));
        let best = position(&paragraph(Some("Heading2"), "Лучшие результаты"));
        let first = position(&paragraph(None, report::NONE_BEST));
        let low = position(&paragraph(
            Some("Heading2"),
            "Школы с низкой эффективностью",
        ));
        // Dashed, as the page's bullets.
        let lows: Vec<_> = [
            "— Школа А — 3 из 23 (13,0\u{A0}%)",
            "— Школа Б — 1 из 23 (4,3\u{A0}%)",
            "— Школа В — 1 из 23 (4,3\u{A0}%)",
        ]
        .iter()
        .map(|t| position(&paragraph(Some("ListDash"), t)))
        .collect();
        let page = position(&paragraph(None, "\u{C}"));
        let figures_heading =
            position(&paragraph(Some("Heading2"), "Показатели по муниципалитету"));
        assert!(zones < zone_18 && zone_18 < best && best < first && first < low);
        assert!(lows.windows(2).all(|w| w[0] + 1 == w[1]) && lows[0] == low + 1);
        assert!(lows[2] < page && page + 1 == figures_heading);

        let Seen::Table(indicators) = &read[figures_heading + 1] else {
            panic!("the indicator table follows its heading: {read:#?}");
        };
        assert_eq!(
            indicators[0],
            [
                "Код",
                "Показатель",
                "Школ в расчёте",
                "Применим к школам",
                "Школ, выполнивших показатель (с учётом проверки)",
                "% школ",
                "Значение по ответам школ"
            ]
        );
        let row_21 = indicators.iter().find(|r| r[0] == "п. 2.1").unwrap();
        assert_eq!(row_21[1], card.indicator("2.1").unwrap().text);
        assert_eq!(row_21[2..6], ["3", "3", "3", "100,0"]);
        let row_18 = indicators.iter().find(|r| r[0] == "п. 1.8").unwrap();
        assert_eq!(row_18[2..6], ["1", "3", "1", "33,3"]);
        assert_eq!(indicators.len(), 1 + card.indicators().count());

        let dynamics = position(&paragraph(Some("Heading2"), "Динамика"));
        assert_eq!(
            read[dynamics + 1],
            paragraph(None, "По сравнению с 2024/2025 учебным годом …")
        );
        assert_eq!(
            read[dynamics + 2],
            paragraph(
                None,
                "Проверку объективности провели: Иванова А. А. — Школа А."
            )
        );
        let analysis = position(&paragraph(
            Some("Heading2"),
            "Анализ эффективности принятых мер",
        ));
        assert_eq!(read[analysis - 1], paragraph(None, "\u{C}"));
        assert_eq!(
            read[analysis + 2],
            paragraph(None, &report::effects_method(&[Basis::Met])),
            "how the measures are compared"
        );
        assert_eq!(
            read[analysis + 3],
            paragraph(None, ""),
            "the chart's paragraph"
        );
        let Seen::Table(measures) = &read[analysis + 4] else {
            panic!("the measures' table follows the summary");
        };
        assert_eq!(
            measures[1],
            [
                "1) методическое мероприятие «Семинар „Профпробы“»",
                "2.1",
                &effects.measures[0].1[0].numbers(),
                "—",
                "мало данных (менее 3 школ)"
            ]
        );
        let plans = position(&paragraph(Some("Heading2"), "Планы мероприятий школ"));
        assert_eq!(read[plans + 1], paragraph(None, report::PLANS_COUNTED));
        assert_eq!(
            read[plans + 2],
            Seen::Table(vec![
                tables_row(&crate::department::tables::PLAN_HEADERS),
                tables_row(&["Школа А", "2", "1", "50,0\u{A0}%"]),
            ])
        );
        let taken = position(&paragraph(
            Some("Heading2"),
            "Меры по итогам 2025/2026 учебного года",
        ));
        assert_eq!(
            read[taken + 1],
            Seen::Table(vec![
                tables_row(&[
                    "№",
                    "Мероприятие",
                    "Срок",
                    "Адресаты",
                    "Целевые показатели",
                    "Исполнитель"
                ]),
                tables_row(&[
                    "1",
                    "Методическое мероприятие «Курсы для заместителей»",
                    "март 2026",
                    "все ОО",
                    "1.1",
                    "ИМЦ"
                ]),
            ])
        );
        assert!(
            analysis < taken,
            "after the analysis of last year's measures"
        );
        assert_eq!(read[read.len() - 1], paragraph(None, report::SIGNATURE));
        assert_eq!(
            report_docx_name("2025/2026", crate::card::DEFAULT_CARD),
            "справка_2025-2026.docx"
        );
        assert_eq!(
            report_docx_name("2025/2026", "nevinnomyssk"),
            "справка_2025-2026_nevinnomyssk.docx"
        );
    }

    fn chart(description: &str) -> Image {
        Image {
            png: b"\x89PNG".to_vec(),
            width: 640,
            height: 320,
            description: description.to_owned(),
        }
    }

    fn rating_results(rating: &[Ranked]) -> Vec<crate::department::results::SchoolResult> {
        rating.iter().map(|r| r.result.clone()).collect()
    }

    fn tables_row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn without_a_year_before_the_report_ends_after_the_figures() {
        let card = testkit::card();
        let archive = testkit::two_years(&card);
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        let f = figures(&archive, &card, &now);
        let rating = rank(now);
        let input = ReportInput {
            department: "Управление образования г. Белинского",
            period: "2025/2026",
            card: &card,
            figures: &f,
            rating: &rating,
            dynamics: None,
            value_changes: None,
            school_values: None,
            values_by_school: None,
            reviewers: None,
            effects: None,
            road_map: None,
            events: Vec::new(),
            left_out: String::new(),
            proposals: Vec::new(),
            charts: Vec::new(),
            spreads: Vec::new(),
            effects_chart: None,
        };
        let blocks = report_blocks(&input);
        // No school at the low level: the heading says so, not left bare.
        let none = report_blocks(&ReportInput {
            rating: &[],
            ..input
        });
        let low = Block::Heading("Школы с низкой эффективностью".to_owned());
        let at = none.iter().position(|b| *b == low).expect("the heading");
        assert_eq!(none[at + 1], Block::Paragraph(report::NONE_LOW.to_owned()));
        assert_eq!(
            blocks[..2],
            [
                Block::Paragraph("Управление образования г. Белинского".to_owned()),
                Block::Title(report::title("2025/2026"))
            ]
        );
        let n = blocks.len();
        assert!(matches!(blocks[n - 3], Block::Table(_)));
        assert_eq!(blocks[n - 2], Block::Paragraph(report::figures_note(&card)));
        assert_eq!(
            blocks[n - 1],
            Block::Paragraph(report::SIGNATURE.to_owned())
        );
        assert_eq!(blocks.iter().filter(|b| **b == Block::PageBreak).count(), 1);
    }

    /// Where the heading starting with `start` stands.
    fn at_heading(blocks: &[Block], start: &str) -> usize {
        (blocks.iter())
            .position(|b| matches!(b, Block::Heading(h) if h.starts_with(start)))
            .unwrap_or_else(|| panic!("no heading «{start}…»"))
    }

    /// Seed 004 gives no points: its indicator table has no columns of
    /// schools that earned them, and the values of both years follow the
    /// dynamics text that points to them («в таблице ниже»).
    #[test]
    fn a_card_without_points_reports_its_values_of_both_years() {
        use crate::department::dynamics::{school_value_changes, value_changes};
        use crate::department::tables::{
            school_value_changes_table, value_changes_table, Shares, DATA_INDICATOR_HEADERS,
        };
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let (a, b) = (
            testkit::draft("А", "2024/2025", &[]),
            testkit::draft("А", "2025/2026", &[]),
        );
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b)]);
        let two = testkit::TwoYears::of(&archive, &card);
        let (years, now, f) = (two.years(&card), &two.after, &two.now);
        let dynamics = report::dynamics(&archive, &years, "2024/2025", &two.before, now);
        assert!(
            dynamics.ends_with(
                "— в таблице ниже, по всем школам каждого года (в прошлом году — 1, в этом — 0). \
                 Карт этого года ещё нет."
            ),
            "{dynamics}"
        );
        let rating = rank(now.clone());
        let blocks = report_blocks(&ReportInput {
            department: "",
            period: "2025/2026",
            card: &card,
            figures: f,
            rating: &rating,
            dynamics: Some(dynamics.clone()),
            value_changes: Some(value_changes_table(
                &value_changes(&years),
                Shares::Together,
            )),
            school_values: Some(school_value_changes_table(
                &school_value_changes(&archive, &years, &two.before, now),
                Shares::Together,
            )),
            values_by_school: Some(crate::department::tables::values_table(
                &card,
                &archive,
                now,
                "2025/2026",
                crate::department::tables::Shares::Together,
            )),
            reviewers: None,
            effects: None,
            road_map: None,
            events: crate::department::tables::events_tables(&archive, &card, now),
            left_out: String::new(),
            proposals: Vec::new(),
            charts: Vec::new(),
            spreads: vec![(
                "1.2. Количество площадок".to_owned(),
                vec![chart("Значения школ: показатель 1.2")],
            )],
            effects_chart: None,
        });
        // The schools' values on charts, said what they draw.
        let image = (blocks.iter())
            .position(|b| matches!(b, Block::Image(_)))
            .unwrap();
        assert_eq!(
            blocks[image - 3..image],
            [
                Block::Heading(report::SPREAD_HEADING.to_owned()),
                Block::Paragraph(report::SPREAD_NOTE.to_owned()),
                Block::Caption("1.2. Количество площадок".to_owned())
            ]
        );
        let blocks: Vec<Block> = (blocks.into_iter())
            .filter(|b| !matches!(b, Block::Image(_)))
            .collect();
        // The list's totals per event stand after the indicators, under
        // their heading.
        let list = testkit::of_kind(&card, "list");
        let heading = at_heading(&blocks, &format!("{}. ", list.code));
        assert!(
            matches!(&blocks[heading + 1], Block::Table(t) if t.name == format!("Мероприятия п. {}", list.code))
        );
        let blocks: Vec<Block> = (blocks.into_iter().enumerate())
            .filter(|(i, _)| *i != heading && *i != heading + 1)
            .map(|(_, b)| b)
            .collect();
        let tables: Vec<&Table> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 3);
        assert_eq!(tables[0].headers, DATA_INDICATOR_HEADERS);
        assert!(tables[0].rows.iter().all(|r| r.len() == 5));
        // Each school's values, under their heading and what the marks mean.
        assert_eq!(tables[1].headers[0], "Школа");
        assert_eq!(tables[1].rows.len(), now.len());
        let values_at = (blocks.iter())
            .position(|b| *b == Block::Heading(report::VALUES_BY_SCHOOL_HEADING.to_owned()))
            .unwrap();
        assert_eq!(
            blocks[values_at + 1..values_at + 3],
            [
                Block::Paragraph(report::values_by_school_note(&card)),
                Block::Table(tables[1].clone())
            ]
        );
        assert_eq!(
            tables[2].headers,
            [
                "Код",
                "Показатель",
                "Было",
                "Стало",
                "Изменение",
                "Методика"
            ]
        );
        assert_eq!(tables[2].rows.len(), card.indicators().count());
        let at = |wanted: &Block| blocks.iter().position(|b| b == wanted).unwrap();
        let dynamics = at(&Block::Paragraph(dynamics));
        assert_eq!(
            blocks[dynamics + 1],
            Block::Heading(report::VALUES_HEADING.to_owned())
        );
        assert_eq!(dynamics + 2, at(&Block::Table(tables[2].clone())));
        // No school's value moved: said under the schools' heading.
        assert_eq!(
            blocks[dynamics + 3..dynamics + 5],
            [
                Block::Heading(report::SCHOOL_VALUES_HEADING.to_owned()),
                Block::Paragraph(report::NO_SCHOOL_VALUES_MOVED.to_owned())
            ]
        );
    }
}
