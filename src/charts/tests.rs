//! The charts' output is checked as text: well-formed, accessible, escaped,
//! complete, and cheap enough at benchmark sizes.

use super::*;
use crate::canvas::{clip, fit, school_label, text_width};
use profkarta_core::card::{Basis, Indicator};
use profkarta_core::department::spread::Spread;
use profkarta_core::department::value::Value;

const HOSTILE: &str = "<script>alert('x')</script> & \"Школа\" №1";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A missing value in [`tenths`].
const NONE: u64 = u64::MAX;

/// Shares of tenths of a percent: 615 is 61,5 %.
fn tenths(values: &[u64]) -> Vec<Share> {
    values
        .iter()
        .map(|&t| {
            if t == NONE {
                Share::NO_DATA
            } else {
                Share::new(t, 1000)
            }
        })
        .collect()
}

fn school_names(n: usize) -> Vec<String> {
    (1..=n)
        .map(|i| format!("МБОУ «Средняя общеобразовательная школа № {i}» имени героя"))
        .collect()
}

fn indicator_codes() -> Vec<String> {
    [8, 4, 2, 3, 2, 2, 2]
        .iter()
        .enumerate()
        .flat_map(|(c, &n)| (1..=n).map(move |i| format!("{}.{i}", c + 1)))
        .collect()
}

fn marks(schools: usize, indicators: usize) -> Vec<Vec<Mark>> {
    let all = [
        Mark::Earned,
        Mark::Earned,
        Mark::Missed,
        Mark::NotApplicable,
        Mark::Unanswered,
    ];
    (0..schools)
        .map(|s| {
            (0..indicators)
                .map(|i| all[(s * 7 + i) % all.len()])
                .collect()
        })
        .collect()
}

/// One realistic chart of each kind.
fn samples() -> Vec<(&'static str, String)> {
    let levels = level_distribution(&[
        ("высокий".to_owned(), 12),
        ("средний".to_owned(), 5),
        ("низкий".to_owned(), 3),
    ]);
    let criteria: Vec<(String, Share)> = (1..=7)
        .map(|c| (format!("Критерий {c}"), Share::new(c, 7)))
        .collect();
    let bars = fulfilment_bars("Выполнение критериев", &criteria);
    let codes = indicator_codes();
    // One sheet's picture: more schools make one picture per sheet.
    let schools = school_names(25);
    let heat = heatmap(&schools, &codes, &marks(25, codes.len()));
    let profile = profile_vs_average(
        &strings(&["1", "2", "3", "4", "5", "6", "7"]),
        &own(tenths(&[750, 500, 1000, 333, 0, 500, 1000])),
        &tenths(&[600, 555, 800, 400, 200, 500, 700]),
        "МБОУ СОШ № 1",
    );
    let trend = trend(
        &strings(&["2022/2023", "2023/2024", "2024/2025", "2025/2026"]),
        &[
            (
                "Средний процент по муниципалитету".to_owned(),
                tenths(&[580, 615, NONE, 702]),
            ),
            (
                "Доля школ высокого уровня".to_owned(),
                tenths(&[200, 250, 300, 410]),
            ),
        ],
    );
    let (indicator, spread) = izhevsk_spread();
    let spread = figures::spread_svg(&indicator, &spread);
    vec![
        ("levels", levels),
        ("bars", bars),
        ("spread", spread),
        ("heatmap", heat),
        ("profile", profile),
        ("trend", trend),
    ]
}

/// Every tag closes in order under a single root, only the elements the
/// charts draw appear, quotes pair up and every `&` starts an entity: raw
/// hostile text fails one of these.
fn assert_well_formed(svg: &str) {
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"), "{svg}");
    for (i, _) in svg.match_indices('&') {
        let entity = &svg[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "bare & in {}",
            &svg[i..(i + 20).min(svg.len())]
        );
    }
    let mut open: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("unclosed tag");
        let tag = &rest[start + 1..end];
        assert_eq!(tag.matches('"').count() % 2, 0, "{tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "misnested </{name}>");
        } else {
            let name = tag.split_whitespace().next().unwrap_or("");
            let known = [
                "svg", "rect", "line", "polyline", "polygon", "circle", "text", "path",
            ];
            assert!(known.contains(&name), "unexpected element <{name}>");
            if open.is_empty() {
                roots += 1;
            }
            if !tag.ends_with('/') {
                open.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    assert_eq!(roots, 1);
}

fn root(svg: &str) -> &str {
    &svg[..svg.find('>').unwrap()]
}

fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect()
}

/// The heatmap's cells: every rectangle of its paths has one vertical
/// edge command (`V`), and its signs have none.
fn heatmap_cells(svg: &str) -> usize {
    svg.lines()
        .filter(|l| l.starts_with("<path"))
        .map(|l| l.matches('V').count())
        .sum()
}

fn count_rects(svg: &str, attribute: &str) -> usize {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(attribute))
        .count()
}

#[test]
fn every_chart_is_well_formed_accessible_scalable_and_legible() {
    for (name, svg) in samples() {
        assert_well_formed(&svg);
        let root = root(&svg);
        for attribute in [
            "role=\"img\"",
            "aria-label=\"",
            "viewBox=\"0 0 ",
            "class=\"pk-chart\"",
        ] {
            assert!(root.contains(attribute), "{name}: {attribute} in {root}");
        }
        let sizes = font_sizes(&svg);
        assert!(!sizes.is_empty(), "{name}");
        assert!(sizes.iter().all(|&s| s >= 12.0), "{name}: {sizes:?}");
        assert!(svg.contains("font-family=\"sans-serif\""), "{name}");
    }
}

#[test]
fn a_charts_description_reads_back_as_written() {
    let svg = fulfilment_bars(
        "Выполнение",
        &[("МБОУ \"СОШ\" <№ 1> & 'Ко'".to_owned(), Share::new(1, 4))],
    );
    assert_eq!(
        crate::description(&svg).as_deref(),
        Some("Выполнение: МБОУ \"СОШ\" <№ 1> & 'Ко' — 25,0\u{A0}%.")
    );
    assert_eq!(crate::description("<svg>"), None);
}

#[test]
fn level_distribution_shows_each_count_and_share() {
    let svg = &samples()[0].1;
    for text in [
        "высокий",
        "средний",
        "низкий",
        "12 (60,0\u{A0}%)",
        "3 (15,0\u{A0}%)",
    ] {
        assert!(svg.contains(text), "{text}");
    }
    assert!(root(svg).contains("всего 20 школ"));
}

#[test]
fn fulfilment_bars_label_and_value_every_item() {
    let svg = fulfilment_bars(
        "Доля школ",
        &[
            ("1.1".to_owned(), Share::new(2, 3)),
            ("1.2".to_owned(), Share::NO_DATA),
            ("1.3".to_owned(), Share::new(7, 5)),
        ],
    );
    assert_well_formed(&svg);
    for text in ["Доля школ", "1.1", "66,7\u{A0}%", "1.2 — —", "140,0\u{A0}%"] {
        assert!(svg.contains(text), "{text}");
    }
    // No data draws no bar; 140 % is drawn as a full bar, not past the track.
    assert_eq!(count_rects(&svg, "fill=\"#0072B2\""), 2);
}

#[test]
fn a_thousand_bars_build_completely() {
    let items: Vec<(String, Share)> = (0..1000)
        .map(|i| {
            (
                format!("Показатель {i}"),
                Share::new(i % 100 * 10 + 5, 1000),
            )
        })
        .collect();
    let started = std::time::Instant::now();
    let svg = fulfilment_bars("Нагрузочный тест", &items);
    eprintln!(
        "1000 bars: {:?}, {} KB",
        started.elapsed(),
        svg.len() / 1024
    );
    assert_well_formed(&svg);
    assert_eq!(count_rects(&svg, "fill=\"#0072B2\""), 1000);
    assert!(svg.contains("Показатель 999"));
    assert!(root(&svg).contains("1000 значений, от 0,5\u{A0}% до 99,5\u{A0}%"));
}

#[test]
fn heatmap_has_one_cell_per_school_and_indicator() {
    let schools = school_names(150);
    let codes = indicator_codes();
    assert_eq!(codes.len(), 23);
    let started = std::time::Instant::now();
    let pages = heatmap_pages(&schools, &codes, &marks(150, 23));
    eprintln!(
        "150×23 heatmap: {:?}, {} KB",
        started.elapsed(),
        pages.concat().len() / 1024
    );
    // A printed sheet each: 25 schools a picture, each with its title,
    // legend and codes.
    assert_eq!(pages.len(), 6);
    for (page, svg) in pages.iter().enumerate() {
        assert_well_formed(svg);
        // One rectangle per cell plus the four legend swatches, in seven
        // paths: one per paint, however many schools.
        assert_eq!(heatmap_cells(svg), 25 * 23 + 4);
        assert_eq!(svg.matches("<path").count(), 7);
        let (first, last) = (page * 25 + 1, page * 25 + 25);
        let title = format!("Выполнение показателей по школам: школы {first}–{last} из 150");
        assert!(
            root(svg).contains(&format!("{title}: 25 школ, 23 показателя")),
            "{}",
            root(svg)
        );
        for n in [first, last] {
            assert!(
                svg.contains(&format!(" {n}» им.")),
                "school {n} on page {page}"
            );
        }
        assert!(!svg.contains(&format!(" {}» им.", last + 1)));
        for code in ["1.1", "1.8", "7.2"] {
            // Codes are written above the cells; 25 rows are not yet a
            // tall matrix that repeats them below.
            assert_eq!(svg.matches(&format!(">\n{code}\n<")).count(), 1, "{code}");
        }
        for legend in ["выполнен", "не выполнен", "не применим", "нет ответа"]
        {
            assert!(svg.contains(&format!(">\n{legend}\n<")), "{legend}");
        }
    }
    // Every page has the same columns: on the screen they read as one.
    let widths: Vec<&str> = pages
        .iter()
        .map(|p| &root(p)[..root(p).find("height").unwrap()])
        .collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
    assert_eq!(heatmap(&schools, &codes, &marks(150, 23)), pages.concat());
}

#[test]
fn heatmap_counts_missing_cells_as_unanswered() {
    let svg = heatmap(
        &strings(&["А", "Б", "В"]),
        &strings(&["1.1", "1.2"]),
        &[vec![Mark::Earned, Mark::Missed], vec![Mark::NotApplicable]],
    );
    assert_well_formed(&svg);
    assert_eq!(heatmap_cells(&svg), 3 * 2 + 4);
    assert!(root(&svg).contains("выполнен — 1, не выполнен — 1, не применим — 1, нет ответа — 3"));
}

/// A school that gave no last year for a growth target is told apart
/// from one the indicator does not apply to, in the legend too, which
/// names the mark only where a cell has it.
#[test]
fn heatmap_tells_no_last_year_from_not_applicable() {
    let codes = strings(&["1.1", "1.2"]);
    let svg = heatmap(
        &strings(&["А"]),
        &codes,
        &[vec![Mark::NoLastYear, Mark::NotApplicable]],
    );
    assert_well_formed(&svg);
    assert!(root(&svg).contains("не применим — 1, нет данных прошлого года — 1, нет ответа — 0"));
    assert!(
        svg.contains(">\nнет данных прошлого года\n<"),
        "in the legend"
    );
    let without = heatmap(&strings(&["А"]), &codes, &[vec![Mark::NotApplicable]]);
    assert!(!without.contains("нет данных прошлого года"));
}

#[test]
fn hostile_and_long_names_are_escaped_and_cut() {
    let long = format!("{HOSTILE} {}", "очень ".repeat(30));
    let names = vec![HOSTILE.to_owned(), long.clone()];
    let charts = [
        level_distribution(&[(HOSTILE.to_owned(), 3), (long.clone(), 1)]),
        fulfilment_bars(
            HOSTILE,
            &[
                (HOSTILE.to_owned(), Share::new(1, 2)),
                (long.clone(), Share::new(1, 10)),
            ],
        ),
        heatmap(&names, &names, &marks(2, 2)),
        profile_vs_average(
            &names,
            &own(tenths(&[500, 600])),
            &tenths(&[400, 300]),
            &long,
        ),
        trend(&names, &[(long.clone(), tenths(&[10, 20]))]),
    ];
    for (i, svg) in charts.iter().enumerate() {
        assert_well_formed(svg);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)"), "{svg}");
        assert!(svg.contains("&amp; &quot;Школа&quot;"), "{svg}");
        // Drawn labels stop at 40 characters, the bars' at two lines of 40;
        // the description may say more.
        let drawn = &svg[root(svg).len()..];
        let words = if i == 1 { 8 } else { 4 };
        assert!(!drawn.contains(&"очень ".repeat(words)), "{svg}");
    }
    let bars = &charts[1][root(&charts[1]).len()..];
    for text in bars
        .split("<text")
        .skip(1)
        .filter(|t| t.contains("font-size=\"12\""))
    {
        let shown = text
            .split(">\n")
            .nth(1)
            .and_then(|t| t.split("\n<").next())
            .unwrap_or("");
        let unescaped = shown
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let unescaped = unescaped.replace("&quot;", "\"").replace("&apos;", "'");
        assert!(unescaped.chars().count() <= 40, "{shown}");
    }
    assert!(charts[3].contains("&quot;Школа&quot; №…"));
}

#[test]
fn clip_cuts_at_a_character_count_with_an_ellipsis() {
    assert_eq!(clip("  Школа № 1 ", 40), "Школа № 1");
    assert_eq!(clip("Школа\u{0}№\n1", 40), "Школа № 1");
    let cut = clip(&"ж".repeat(100), 40);
    assert_eq!(cut.chars().count(), 40);
    assert!(cut.ends_with('…'));
    assert_eq!(clip("Школа номер один", 7), "Школа…");
    assert_eq!(clip("Школа", 1), "");
}

#[test]
fn long_school_names_are_abbreviated_before_they_are_cut() {
    let official = "Муниципальное  бюджетное общеобразовательное учреждение \
                    «Средняя общеобразовательная школа № 12 имени А. С. Пушкина» г. Кирова";
    assert_eq!(
        school_label(official, 40),
        "МБОУ «СОШ № 12 им. А. С. Пушкина» г. Ки…"
    );
    assert_eq!(school_label("МБОУ СОШ № 3", 40), "МБОУ СОШ № 3");
    // Only whole words are abbreviated.
    assert_eq!(
        school_label(&format!("Именины {}", "ж".repeat(40)), 12),
        "Именины жжж…"
    );
}

#[test]
fn empty_inputs_say_no_data() {
    let none: Vec<String> = Vec::new();
    let charts = [
        level_distribution(&[]),
        level_distribution(&[("высокий".to_owned(), 0)]),
        fulfilment_bars("Доля школ", &[]),
        heatmap(&none, &strings(&["1.1"]), &[]),
        heatmap(&strings(&["Школа"]), &none, &[]),
        profile_vs_average(&none, &[], &[], "Школа"),
        trend(&none, &[]),
        trend(
            &strings(&["2024/2025"]),
            &[("Среднее".to_owned(), vec![Share::NO_DATA])],
        ),
        trend(&strings(&["2024/2025"]), &[]),
    ];
    for svg in &charts {
        assert_well_formed(svg);
        assert!(svg.contains(">\nнет данных\n<"), "{svg}");
        assert!(root(svg).contains("нет данных"));
    }
}

#[test]
fn trend_breaks_the_line_at_a_missing_year() {
    let svg = trend(
        &strings(&[
            "2021/2022",
            "2022/2023",
            "2023/2024",
            "2024/2025",
            "2025/2026",
        ]),
        &[("Среднее".to_owned(), tenths(&[100, 200, NONE, 400, NONE]))],
    );
    assert_well_formed(&svg);
    // The legend sample and the one run of two points; 40 stands alone.
    let lines = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains("stroke=\"#0072B2\""));
    assert_eq!(lines.count(), 2);
    assert_eq!(svg.matches("<circle").count(), 1 + 3);
    assert!(root(&svg).contains("2023/2024 — нет данных, 2024/2025 — 40,0\u{A0}%"));
}

/// A school's shares as the profile takes them: every criterion in the
/// school's version.
fn own(shares: impl AsRef<[Share]>) -> Vec<Option<Share>> {
    shares.as_ref().iter().copied().map(Some).collect()
}

#[test]
fn profile_tolerates_short_value_lists() {
    let svg = profile_vs_average(
        &strings(&["1", "2", "3", "4"]),
        &own(tenths(&[800, 200])),
        &[],
        "Школа",
    );
    assert_well_formed(&svg);
    assert_eq!(count_rects(&svg, "fill=\"#0072B2\""), 1 + 2);
    assert!(root(&svg).contains("3 — нет в версии карты школы (среднее нет данных)"));
}

/// A criterion that does not apply to the school (no points in its
/// maximum) is said where its bar would stand, in words where they fit;
/// one its version lacks is said in the description only.
#[test]
fn profile_says_a_criterion_does_not_apply() {
    let labels = strings(&["1", "2", "3", "4"]);
    let school = [
        Some(Share::new(8, 10)),
        Some(Share::NO_DATA),
        None,
        Some(Share::NO_DATA),
    ];
    let svg = profile_vs_average(&labels, &school, &tenths(&[500, 500, 500, 500]), "Школа");
    assert!(root(&svg).contains(
        "2 — не применим (среднее 50,0\u{A0}%); 3 — нет в версии карты школы (среднее 50,0\u{A0}%)"
    ));
    assert_eq!(svg.matches(">\nне применим\n</text>").count(), 2);
    let narrow: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
    let svg = profile_vs_average(&narrow, &[Some(Share::NO_DATA)], &[], "Школа");
    assert_eq!(svg.matches(">\n—\n</text>").count(), 1, "narrow: a dash");
}

#[test]
fn profile_keeps_indicator_codes_whole_and_turns_crowded_labels() {
    let codes = indicator_codes();
    let values: Vec<Share> = (0..23).map(|i| Share::new(i * 4, 100)).collect();
    let svg = profile_vs_average(&codes, &own(&values), &values, "Школа");
    assert_well_formed(&svg);
    for code in ["1.1", "1.8", "7.2"] {
        assert!(svg.contains(&format!(">\n{code}\n<")), "{code}");
    }
    assert!(!svg.contains("rotate("));

    let crowded: Vec<String> = (1..=40).map(|i| format!("1.{i}")).collect();
    let half = [Share::new(1, 2)];
    let svg = profile_vs_average(&crowded, &own(half), &half, "Школа");
    assert_well_formed(&svg);
    assert_eq!(svg.matches("rotate(270").count(), 40);
    assert!(svg.contains(">\n1.40\n<"));
}

/// The `y` of the text `label` in a chart.
fn text_y(svg: &str, label: &str) -> i32 {
    let end = svg
        .find(&format!(">\n{label}\n</text>"))
        .expect("the label is drawn");
    let start = svg[..end].rfind("<text").unwrap();
    let tag = &svg[start..end];
    let y = &tag[tag.find(" y=\"").unwrap() + 4..];
    y[..y.find('"').unwrap()].parse().unwrap()
}

/// A school's value sits on its bar: over the average line only where the
/// line runs just above the bar, never far above its bar.
#[test]
fn profile_values_sit_on_their_bars() {
    let labels = strings(&["К1", "К2"]);
    let svg = profile_vs_average(
        &labels,
        &own(tenths(&[0, 700])),
        &tenths(&[720, 700]),
        "Школа",
    );
    let (zero, seventy) = (text_y(&svg, "0,0"), text_y(&svg, "70,0"));
    assert!(
        zero > seventy + 100,
        "0,0 at {zero} sits at the axis, far below 70,0 at {seventy}"
    );
    let apart = profile_vs_average(
        &labels,
        &own(tenths(&[700, 700])),
        &tenths(&[200, 200]),
        "Школа",
    );
    assert_eq!(
        text_y(&apart, "70,0"),
        seventy,
        "a line inside the bar does not move the label"
    );
}

/// A chart label and a table cell of the same share read the same, with
/// the tie 12,25 % rounded up in both (formatting the float would say 12,2).
#[test]
fn chart_labels_round_like_the_tables() {
    let share = Share::new(49, 400);
    let table = profkarta_core::text::percent(49, 400);
    assert_eq!(table, "12,3\u{A0}%");
    let svg = fulfilment_bars("Доля", &[("1.1".to_owned(), share)]);
    assert!(svg.contains(&table), "{svg}");
    assert!(!svg.contains("12,2"));
    let profile = profile_vs_average(&strings(&["1"]), &own([share]), &[share], "Школа");
    assert!(root(&profile).contains("1 — 12,3\u{A0}% (среднее 12,3\u{A0}%)"));
}

/// The department's charts say the numbers the tables say: two schools,
/// А with 1.8 and 2.1, Б with 1.8 only, nothing else answered, every
/// indicator applicable.
#[test]
fn figure_charts_state_the_tables_numbers() {
    use profkarta_core::card::DEFAULT_CARD;
    use profkarta_core::department::figures::figures as figures_of;
    use profkarta_core::department::results::{rank, results};
    use profkarta_core::testkit::{self, draft};

    let card = testkit::card();
    let archive = testkit::archive(
        &card,
        &[
            ("1", &draft("Школа А", "2025/2026", &["1.8", "2.1"])),
            ("2", &draft("Школа Б", "2025/2026", &["1.8"])),
        ],
    );
    let now = results(&archive, DEFAULT_CARD, "2025/2026");
    let f = figures_of(&archive, &card, &now);
    let rating = rank(now);
    let criteria = figures::criteria_svg(&f);
    // Criterion 1: 1 + 1 of 8 + 8; criterion 2: 1 of 2 + 2.
    let described = root(&criteria);
    let share_of = |code: &str| {
        let from = described.find(&format!("{code}. ")).unwrap();
        let rest = &described[from..];
        rest[rest.find(" — ").unwrap() + " — ".len()..]
            .split(';')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(share_of("1"), "12,5\u{A0}%");
    assert_eq!(share_of("2"), "25,0\u{A0}%");
    let indicators = figures::indicators_svg(&f, &card);
    assert!(root(&indicators).contains("1.8 — 100,0\u{A0}%; 2.1 — 50,0\u{A0}%"));
    let levels = figures::levels_svg(&f);
    assert!(
        root(&levels).contains("низкая — 2 (100,0\u{A0}%)"),
        "{}",
        root(&levels)
    );
    let heat = figures::heatmap_svg(&card, &rating);
    assert_well_formed(&heat);
    // Nothing else is answered: no answer, not a target missed.
    assert!(
        root(&heat).contains("2 школы, 23 показателя. Ячеек: выполнен — 3, не выполнен — 0"),
        "{}",
        root(&heat)
    );
    assert!(root(&heat).contains("нет ответа — 43"), "{}", root(&heat));
    let profile = figures::profile_svg(&f, &rating[0].result);
    assert!(root(&profile).contains("К2 — 50,0\u{A0}% (среднее 25,0\u{A0}%)"));
    let trend = figures::trend_svg(&["2025/2026".to_owned()], &[f], true);
    assert!(
        root(&trend).contains("2025/2026 — 6,5\u{A0}%"),
        "3 of 46 points"
    );
}

#[test]
fn fit_cuts_by_estimated_width() {
    assert_eq!(fit("1.1", 30, 12.0), "1.1");
    let cut = fit("Выполнение критериев по всем школам", 100, 12.0);
    assert!(cut.ends_with('…'), "{cut}");
    assert!(text_width(&cut, 12.0) <= 100);
    assert_eq!(fit("Школа", 5, 12.0), "");
}

/// Writes one chart of each kind to /tmp/charts for a look in a browser:
/// `cargo test --lib charts::tests::write_samples -- --ignored`.
#[test]
#[ignore]
fn write_samples() {
    std::fs::create_dir_all("/tmp/charts").unwrap();
    let mut all = samples();
    let schools = school_names(150);
    let codes = indicator_codes();
    all.push(("heatmap150", heatmap(&schools, &codes, &marks(150, 23))));
    let values: Vec<Share> = (0..23).map(|i| Share::new(i * 4, 100)).collect();
    all.push((
        "profile23",
        profile_vs_average(&codes, &own(&values), &values, &schools[0]),
    ));
    let crowded: Vec<String> = (1..=40).map(|i| format!("1.{i}")).collect();
    all.push((
        "profile40",
        profile_vs_average(&crowded, &own(&values), &values, &schools[1]),
    ));
    all.push((
        "hostile",
        fulfilment_bars(
            HOSTILE,
            &[(
                format!("{HOSTILE} {}", "очень ".repeat(30)),
                Share::new(42, 100),
            )],
        ),
    ));
    for (name, svg) in all {
        std::fs::write(format!("/tmp/charts/{name}.svg"), svg).unwrap();
    }
}

/// The `y` of each point of a trend's first line (circles), year by year.
fn points_of_first_line(svg: &str) -> Vec<i32> {
    svg.split("<circle")
        .skip(2) // the text before, and the legend's sample
        .map(|c| {
            let at = c.find(" cy=\"").unwrap() + 5;
            c[at..at + c[at..].find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn trend_labels_each_point_on_the_side_away_from_the_other_line() {
    let svg = trend(
        &strings(&["2024/2025", "2025/2026"]),
        &[
            ("Баллы".to_owned(), tenths(&[600, 300])),
            ("Высокий".to_owned(), tenths(&[400, 500])),
        ],
    );
    assert_well_formed(&svg);
    let circles = points_of_first_line(&svg);
    let (at60, at30) = (circles[0], circles[1]);
    // 60 % is the higher point of its year: its label is above it; 30 % is
    // the lower of its year: below.
    assert!(text_y(&svg, "60,0\u{A0}%") < at60, "{svg}");
    assert!(text_y(&svg, "30,0\u{A0}%") > at30, "{svg}");
    let drawn = &svg[root(&svg).len()..];
    for label in ["40,0\u{A0}%", "50,0\u{A0}%"] {
        assert_eq!(
            drawn.matches(&format!(">\n{label}\n<")).count(),
            1,
            "{label}"
        );
    }
}

/// A measure's addressed schools and the others alternate in two blues.
#[test]
fn effectiveness_tells_addressed_schools_from_the_others_by_colour() {
    use profkarta_core::department::effectiveness::{Group, IndicatorEffect, Verdict};
    let group = |after| Group {
        schools: 10,
        meeting: (2, after),
        ..Group::default()
    };
    let effect = |code: &str| IndicatorEffect {
        code: code.to_owned(),
        addressed: group(6),
        others: group(3),
        verdict: Verdict::Better,
        basis: Basis::Met,
    };
    let svg = crate::figures::effectiveness_svg(&[vec![effect("1.1"), effect("1.2")]]);
    assert_well_formed(&svg);
    assert_eq!(count_rects(&svg, "fill=\"#0072B2\""), 2, "addressed");
    assert_eq!(count_rects(&svg, "fill=\"#56B4E9\""), 2, "others");
    assert!(svg.contains("1) 1.1 · остальные"));
    // 6 of 10 against 3 of 10 from 2 each: +30,0 with one school fewer
    // still +20,0, so sure; from 2 of 3 to 3 of 3 against the same it is
    // not, and the addressed bar says so.
    assert!(!svg.contains("ненадёжен"), "{svg}");
    let thin = IndicatorEffect {
        addressed: Group {
            schools: 3,
            meeting: (2, 3),
            ..Group::default()
        },
        ..effect("1.1")
    };
    assert!(thin.caveat().is_some());
    let svg = crate::figures::effectiveness_svg(&[vec![thin]]);
    // Its name, as a screen reader hears the chart; on screen it wraps.
    let named = svg.replace('\u{A0}', " ");
    assert!(
        named.contains(
            "1) 1.1 · адресные (+33,3 п. п.; вывод ненадёжен) — 100,0 %; 1) 1.1 · остальные \
             (+10,0 п. п.) — 30,0 %."
        ),
        "{svg}"
    );
    // The title names what the bars are: the schools meeting the targets,
    // or on a card without points the values its answers pool into.
    let titled = |bases: &[Basis]| {
        let effects: Vec<IndicatorEffect> = (bases.iter())
            .map(|b| IndicatorEffect {
                basis: *b,
                ..effect("1.1")
            })
            .collect();
        crate::figures::effectiveness_svg(&[effects])
    };
    for (bases, title) in [
        (
            &[Basis::Met][..],
            "Доля школ, выполняющих целевые показатели мер, через год, %",
        ),
        (
            &[Basis::Pupils],
            "Общая доля обучающихся по целевым показателям мер через год, %",
        ),
        (
            &[Basis::Yes],
            "Доля школ с ответом «да» по целевым показателям мер через год, %",
        ),
        (
            &[Basis::Mean],
            "Среднее значение целевых показателей мер по школам через год, %",
        ),
        (
            &[Basis::Yes, Basis::Mean],
            "Значения целевых показателей мер через год, %",
        ),
    ] {
        assert!(titled(bases).contains(title), "{bases:?}: {title}");
    }
}

/// A low value's label goes above its point rather than into the years.
#[test]
fn trend_labels_near_the_axis_stay_above_it() {
    let svg = trend(
        &strings(&["2024/2025", "2025/2026"]),
        &[
            ("Высокий".to_owned(), tenths(&[1000, 0])),
            ("Баллы".to_owned(), tenths(&[500, 500])),
        ],
    );
    assert_well_formed(&svg);
    let zero_point = points_of_first_line(&svg)[1];
    assert!(text_y(&svg, "0,0\u{A0}%") < zero_point, "{svg}");
}

/// A criterion's name is wrapped whole, broken between words, so that the
/// names that begin alike are still told apart; past five lines it is cut.
#[test]
fn long_bar_labels_wrap_between_words() {
    let name = "1. Преемственность и системность сопровождения обучающихся по уровням образования";
    let endless = "2. слово ".repeat(40);
    let svg = fulfilment_bars(
        "Критерии",
        &[
            (name.to_owned(), Share::new(2, 3)),
            (endless, Share::new(1, 3)),
            ("3. Кадры".to_owned(), Share::new(1, 3)),
        ],
    );
    assert_well_formed(&svg);
    let lines = [
        "1. Преемственность и системность",
        "сопровождения обучающихся по уровням",
        "образования",
    ];
    for line in lines {
        assert!(svg.contains(&format!(">\n{line}\n<")), "{line}: {svg}");
    }
    assert_eq!(text_y(&svg, lines[1]) - text_y(&svg, lines[0]), 14);
    assert_eq!(text_y(&svg, lines[2]) - text_y(&svg, lines[1]), 14);
    // Five lines of 40 characters at most, the last cut after a word.
    assert!(svg.contains(">\n2. слово 2. слово 2. слово 2. слово 2.\n<"));
    let middle = ">\nслово 2. слово 2. слово 2. слово 2.\n<";
    assert_eq!(svg.matches(middle).count(), 3, "{svg}");
    assert!(
        svg.contains(">\nслово 2. слово 2. слово 2. слово 2.…\n<"),
        "{svg}"
    );
    assert!(svg.contains(">\n3. Кадры\n<"));
    assert!(!name.contains('…') && !svg.contains("образования…"));
}

/// A school still on last year's version has no answer to give where that
/// version lacks the indicator or asks for it another way: neither a target
/// missed nor one that does not apply, and said so only where it happens.
#[test]
fn heatmap_marks_what_a_school_s_version_lacks() {
    use profkarta_core::department::results::{rank, results};
    use profkarta_core::testkit;

    let (v1, v2, archive) = testkit::one_year_two_versions();
    let rating = rank(results(&archive, &v1.id, "2025/2026"));
    let heat = figures::heatmap_svg(&v2, &rating);
    assert_well_formed(&heat);
    // А: 1.9 (its 1.8) earned, 2.1 a fact in its version, a count now;
    // Б: 1.9 and 2.1 (3 of at least 1) earned.
    assert!(
        root(&heat).contains(
            "выполнен — 3, не выполнен — 0, не применим — 0, нет ответа — 42, нет в версии школы — 1."
        ),
        "{}",
        root(&heat)
    );
    assert!(heat.contains(">\nнет в версии школы\n<"));
    let same = rank(results(&archive, &v1.id, "2025/2026"))
        .into_iter()
        .filter(|r| r.result.name() == "Школа Б")
        .collect::<Vec<_>>();
    assert!(!figures::heatmap_svg(&v2, &same).contains("нет в версии школы"));
}

#[test]
fn heatmap_names_a_lower_band_only_where_there_is_one() {
    let svg = heatmap(
        &strings(&["А", "Б"]),
        &strings(&["4.1"]),
        &[vec![Mark::Partial], vec![Mark::Earned]],
    );
    assert_well_formed(&svg);
    assert_eq!(heatmap_cells(&svg), 2 + 5);
    assert!(svg.contains(">\nвыполнен частично\n<"));
    assert!(root(&svg).contains("выполнен — 1, выполнен частично — 1, не выполнен — 0"));
}

/// Every criterion of the built-in cards, labelled as the criteria chart
/// labels it («3. Учет обучающихся…», up to 149 characters), is drawn
/// whole: none is cut with «…».
#[test]
fn every_builtin_criterion_name_is_drawn_whole() {
    for card in profkarta_core::card::builtins().expect("the built-in cards read") {
        for c in card.criteria() {
            let label = format!("{}. {}", c.code, c.title);
            let svg = fulfilment_bars("Критерии", &[(label.clone(), Share::new(1, 2))]);
            assert!(!svg.contains('…'), "{}: {label}", card.id);
        }
    }
}

/// A school's answer with an error counts nothing, yet it is no target
/// missed: «ошибка в ответе», and in the legend only where it happens.
#[test]
fn heatmap_marks_an_answer_with_an_error() {
    use profkarta_core::card::DEFAULT_CARD;
    use profkarta_core::department::results::{rank, results};
    use profkarta_core::testkit;

    let card = testkit::card();
    let mut wrong = testkit::draft("Школа А", "2025/2026", &["1.8"]);
    wrong
        .answers
        .insert("1.1".into(), testkit::share("12", "10"));
    let archive = testkit::archive(&card, &[("a", &wrong)]);
    let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
    let heat = figures::heatmap_svg(&card, &rating);
    assert_well_formed(&heat);
    assert!(
        root(&heat).contains(
            "выполнен — 1, не выполнен — 0, не применим — 0, нет ответа — 21, ошибка в ответе — 1."
        ),
        "{}",
        root(&heat)
    );
    assert!(heat.contains(">\nошибка в ответе\n<"));
    let right = testkit::archive(
        &card,
        &[("a", &testkit::draft("Школа А", "2025/2026", &["1.8"]))],
    );
    let rating = rank(results(&right, DEFAULT_CARD, "2025/2026"));
    assert!(!figures::heatmap_svg(&card, &rating).contains("ошибка в ответе"));
}

/// Four schools of Ижевск's one share: 45 of 90, 30 of 100, 12 of 40 and
/// one without an answer; Σ/Σ 87 of 230 = 37,8 %.
fn izhevsk_spread() -> (Indicator, Spread) {
    let card = profkarta_core::card::builtin("izhevsk").unwrap().unwrap();
    let indicator = card.indicators().next().unwrap().clone();
    let named = |n: &str| n.to_owned();
    let spread = Spread {
        valued: vec![
            (named("Школа № 2"), Value::Share(45, 90)),
            (named("Школа № 1"), Value::Share(30, 100)),
            (named("Школа № 3"), Value::Share(12, 40)),
        ],
        without: vec![(named("Школа № 4"), named("нет ответа"))],
        municipal: Some((Value::Share(87, 230), Value::Share(87, 230).said())),
        threshold: None,
        steps: Vec::new(),
    };
    (indicator, spread)
}

/// The widths of the bars filled with `colour`, top to bottom; not the
/// legend's sample of the colour, at the margin.
fn bar_widths(svg: &str, colour: &str) -> Vec<f64> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{colour}\"")))
        .filter(|l| !l.starts_with("<rect x=\"12\""))
        .map(|l| {
            let rest = &l[l.find("width=\"").unwrap() + 7..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[test]
fn a_spread_sets_each_school_against_the_municipal_value() {
    let (indicator, spread) = izhevsk_spread();
    let svg = figures::spread_svg(&indicator, &spread);
    assert_well_formed(&svg);
    let label = root(&svg);
    for text in [
        "Значения школ: показатель П-1.1",
        "Школа № 2 — 50,0\u{A0}%; Школа № 1 — 30,0\u{A0}%; Школа № 3 — 30,0\u{A0}%; Школа № 4 — нет ответа.",
        "Пунктир — по муниципалитету: 37,8\u{A0}% (87 из 230); ниже муниципального значения — 2 школы (оранжевые столбцы).",
    ] {
        assert!(label.contains(text), "{text} in {label}");
    }
    // Above the line in blue, the two below it in orange, 50 : 30 : 30.
    let (blue, orange) = (bar_widths(&svg, "#0072B2"), bar_widths(&svg, "#E69F00"));
    assert_eq!((blue.len(), orange.len()), (1, 2));
    assert!(
        (orange[0] / blue[0] - 0.6).abs() < 0.01,
        "{blue:?} {orange:?}"
    );
    assert_eq!(orange[0], orange[1]);
    // The school without a value has its reason and no track.
    assert!(svg.contains("\nнет ответа\n"));
    assert_eq!(count_rects(&svg, "fill=\"#EBEBEB\""), 3);
}

#[test]
fn a_count_is_drawn_up_to_a_round_number() {
    let card = profkarta_core::card::builtin("nevinnomyssk")
        .unwrap()
        .unwrap();
    let indicator = (card.indicators())
        .find(|i| matches!(i.rule, profkarta_core::card::Rule::Count { .. }))
        .unwrap();
    let spread = Spread {
        valued: vec![
            ("А".to_owned(), Value::Count(7)),
            ("Б".to_owned(), Value::Count(3)),
            ("В".to_owned(), Value::Count(0)),
        ],
        without: Vec::new(),
        // 10 over 3 schools: 3,3.
        municipal: Some((Value::Mean(33), "в среднем 3,3 на организацию".to_owned())),
        threshold: None,
        steps: Vec::new(),
    };
    let svg = figures::spread_svg(indicator, &spread);
    // Steps of 2 up to 8: 7 is 7/8 of the scale, 3 is 3/8.
    for tick in ["\n2\n", "\n4\n", "\n6\n", "\n8\n"] {
        assert!(svg.contains(tick), "{tick}");
    }
    let (blue, orange) = (bar_widths(&svg, "#0072B2"), bar_widths(&svg, "#E69F00"));
    assert_eq!(blue.len(), 1, "7 is above 3,3");
    // 3 is below 3,3, and so is 0, drawn as a sliver of its colour.
    assert_eq!(orange.len(), 2);
    assert!((orange[0] / blue[0] - 3.0 / 7.0).abs() < 0.01);
    assert_eq!(orange[1], 2.0);
    assert!(root(&svg).contains(": А — 7; Б — 3; В — 0. Пунктир"));
    assert!(root(&svg).contains("ниже муниципального значения — 2 школы (оранжевые столбцы)"));
    // The legend keeps its no-break spaces, and samples the orange.
    assert!(svg.contains("\nпо муниципалитету: в среднем 3,3 на организацию\n"));
    assert_eq!(count_rects(&svg, "x=\"12\""), 1);
}
#[test]
fn a_large_spread_is_drawn_a_page_at_a_time() {
    let (indicator, mut spread) = izhevsk_spread();
    spread.valued = (0..95)
        .map(|i| (format!("Школа № {i}"), Value::Share(95 - i, 100)))
        .collect();
    spread.valued[0].0 = "МБОУ «Средняя общеобразовательная школа № 100»".to_owned();
    let svg = figures::spread_svg(&indicator, &spread);
    assert_eq!(svg.matches("<svg ").count(), 3, "35 + 35 + 26 schools");
    assert!(svg.contains("Значения школ: показатель П-1.1 (1 из 3)"));
    assert!(svg.contains("Значения школ: показатель П-1.1 (продолжение, 3 из 3)"));
    // Every school once, the one without an answer on the last page.
    assert_eq!(count_rects(&svg, "fill=\"#EBEBEB\""), 95);
    // The pages line up: every track starts at the same place, though the
    // last page's names are shorter.
    let starts: std::collections::HashSet<&str> = (svg.lines())
        .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#EBEBEB\""))
        .map(|l| l.split('"').nth(1).unwrap())
        .collect();
    assert_eq!(starts.len(), 1, "{starts:?}");
    let last = &svg[svg.rfind("<svg ").unwrap()..];
    assert!(root(last).contains("Школа № 94 — 1,0\u{A0}%; Школа № 4 — нет ответа."));
}

#[test]
fn a_share_below_the_line_never_reads_as_equal_to_it() {
    let (indicator, mut spread) = izhevsk_spread();
    // 37,80 % against 87 of 230 = 37,83 %: both «37,8 %» in tenths.
    spread.valued = vec![("Школа № 9".to_owned(), Value::Share(378, 1000))];
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(
        root(&svg).contains("Школа № 9 — 37,80\u{A0}%;"),
        "{}",
        root(&svg)
    );
    assert_eq!(bar_widths(&svg, "#E69F00").len(), 1);
}

#[test]
fn the_cards_minimum_is_a_solid_line_named_in_the_legend() {
    let (indicator, mut spread) = izhevsk_spread();
    spread.threshold = Some(Value::Percent(400));
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(root(&svg).ends_with(" Сплошная линия — порог карты: не менее 40,0\u{A0}%.\""));
    assert!(svg.contains("\nпорог карты: не менее 40,0\u{A0}%\n"));
    // Across the rows and in the legend, in green: not the orange bars'.
    assert_eq!(svg.matches("stroke=\"#009E73\"").count(), 2);
    assert!(!svg.contains("на одной линии"));
    // 37,8 % beside the municipality's 87 of 230 (37,83 %): one line over
    // the other, said.
    spread.threshold = Some(Value::Percent(378));
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(svg.contains(
        "\nпорог карты: не менее 37,8\u{A0}% (на одной линии с муниципальным значением)\n"
    ));
}

/// A share scored by steps: a line at each step's start, one legend entry
/// naming them with their points.
#[test]
fn a_shares_steps_are_lines_named_with_their_points() {
    let (indicator, mut spread) = izhevsk_spread();
    spread.steps = vec![(Value::Percent(300), 1), (Value::Percent(600), 2)];
    let svg = figures::spread_svg(&indicator, &spread);
    let said = "ступени карты: от 30,0\u{A0}% — 1 балл, от 60,0\u{A0}% — 2 балла";
    assert!(
        root(&svg).ends_with(&format!(" Сплошные линии — {said}.\"")),
        "{}",
        root(&svg)
    );
    assert!(svg.contains(&format!("\n{said}\n")));
    // Two across the rows, one in the legend.
    assert_eq!(svg.matches("stroke=\"#009E73\"").count(), 3);
    spread.steps.pop();
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(root(&svg).ends_with(" Сплошная линия — ступень карты: от 30,0\u{A0}% — 1 балл.\""));
    // A step on the municipality's 37,83 %: said, as the card's line is.
    spread.steps = vec![(Value::Percent(378), 1)];
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(svg.contains(
        "\nступень карты: от 37,8\u{A0}% — 1 балл (на одной линии с муниципальным значением)\n"
    ));
}

#[test]
fn the_reason_of_an_empty_group_is_written_whole_beside_long_names() {
    let (indicator, mut spread) = izhevsk_spread();
    let reason = "0 из 0 (по профилю относится: уточните у школы)";
    spread.valued[0].0 = "МАОУ СОШ № 6 <b>с углублённым изучением</b>".to_owned();
    spread.without = vec![("МБОУ СОШ № 3".to_owned(), reason.to_owned())];
    let svg = figures::spread_svg(&indicator, &spread);
    assert!(svg.contains(&format!("\n{reason}\n")), "{svg}");
}
