//! The rating, the school × indicator matrix and the report's tables as
//! tables for CSV, XLSX and DOCX downloads.

use crate::card::versions::Comparability;
use crate::card::Level;
use crate::card::{Card, Indicator, ListColumn, Rule};
use crate::department::archive::{Archive, Entry};
use crate::department::dynamics::{
    delta_text, IndicatorChange, SchoolChange, SchoolValueChange, ValueChange,
};
use crate::department::effectiveness::{Effects, IndicatorEffect, PlanEffect};
use crate::department::events::{event_totals, EventTotal};
use crate::department::figures::{describe_value, Aggregate, Figures, IndicatorFigure};
use crate::department::last_year::this_year;
use crate::department::measures::Measure;
use crate::department::results::{Ranked, SchoolResult};
use crate::department::review::Fulfilment;
use crate::export::{Cell, Table};
use crate::school::draft::RawAnswer;
use crate::school::input::{parse_number, parse_percent};
use crate::scoring::explain::{answer_summary, answer_text, rows_text};
use crate::scoring::NO_LAST_YEAR;
use crate::text::{
    by_name, group_digits, initials_together, item_heading, lower_first, percent, quoted,
};

/// What the rating's ⚠ says, on the screen and in the files.
pub const MISMATCH: &str = "итог, заявленный школой, не совпадает с пересчётом по её ответам";

/// The rating's «вне максимума: 1.1, 2.3» beside a school whose growth
/// indicators lack last year's figures ([`SchoolResult::without_last_year`]).
pub fn without_last_year_mark(codes: &[&str]) -> String {
    format!("вне максимума: {}", codes.join(", "))
}

/// What that mark means, under the rating and in the report: a school could
/// otherwise raise its share by leaving out last year where it fell.
pub const WITHOUT_LAST_YEAR: &str = "показатели с целью «положительная динамика», по которым \
     школа не указала данные прошлого года: они не вошли в её максимум, поэтому её процент выше, \
     чем был бы с нулём по ним. При проверке такой показатель можно подтвердить — тогда он войдёт \
     в максимум без балла.";

pub fn rating_table(card: &Card, rating: &[Ranked], period: &str) -> Table {
    let with_levels = card.levels.is_some();
    let mut headers: Vec<String> = ["Место", "Школа", "Муниципалитет", "Баллы", "Максимум", "%"]
        .map(String::from)
        .to_vec();
    if with_levels {
        headers.push("Уровень".into());
    }
    let criteria: Vec<&str> = card.scored_criteria().map(|c| c.code.as_str()).collect();
    // Each criterion's points beside the most the school could earn there,
    // as the screen's «3/5»: a maximum lowered by indicators that do not
    // apply to the school is no miss.
    headers.extend(
        criteria
            .iter()
            .flat_map(|c| [format!("Критерий {c}"), format!("Критерий {c}, максимум")]),
    );
    headers.extend(["Статус проверки".into(), "Замечание".into()]);
    let rows = rating
        .iter()
        .map(|r| {
            let s = &r.result.score;
            let mut row = vec![
                Cell::count(r.rank),
                Cell::Text(r.result.name().to_owned()),
                Cell::Text(r.result.profile.municipality.clone()),
                Cell::Int(s.total.into()),
                Cell::Int(s.max_applicable.into()),
                Cell::Percent {
                    part: s.total.into(),
                    whole: s.max_applicable.into(),
                },
            ];
            if with_levels {
                row.push(Cell::Text(s.level.map_or("—", |l| l.label()).to_owned()));
            }
            // Empty where the criterion does not apply to the school (the
            // screen's «—»), as in the matrix: a 0 would read as missed.
            row.extend(
                criteria
                    .iter()
                    .flat_map(|code| match r.result.criterion(code) {
                        Some((points, max)) if max > 0 => {
                            [Cell::Int(points.into()), Cell::Int(max.into())]
                        }
                        _ => [Cell::Empty, Cell::Empty],
                    }),
            );
            row.push(Cell::Text(r.result.status.label().to_owned()));
            let mut remarks = Vec::new();
            if r.result.mismatch {
                remarks.push(MISMATCH.to_owned());
            }
            if r.result.version != card.version {
                remarks.push(format!(
                    "заполнена версия {} карты, не {}",
                    r.result.version, card.version
                ));
            }
            let without = r.result.without_last_year();
            if !without.is_empty() {
                remarks.push(without_last_year_mark(&without));
            }
            row.push(if remarks.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(remarks.join("; "))
            });
            row
        })
        .collect();
    Table {
        name: format!("Рейтинг {period}"),
        headers,
        rows,
    }
}

/// 1 for an earned point, 0 for a missed one, empty where it does not apply.
/// Columns are "п. 1.1", not "1.1": Russian Excel reads a bare code in a CSV
/// as a date.
pub fn matrix_table(card: &Card, rating: &[Ranked], period: &str) -> Table {
    let mut headers = vec!["Школа".to_owned()];
    let scored: Vec<&Indicator> = card.scored_indicators().collect();
    // The points, which add up: a banded indicator's 1 of 2 is partly
    // met where another's 1 is met. Where no points count, the cell says
    // why in the matrix's words: all of them were 0 or empty (an audit).
    headers.extend(
        scored
            .iter()
            .map(|i| format!("{}, баллы из {}", item_heading(&i.code), i.points)),
    );
    let rows = rating
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Text(r.result.name().to_owned())];
            row.extend(scored.iter().map(|i| {
                let counted = r.result.score.indicator(&i.code);
                match (Fulfilment::of(counted), counted) {
                    (Fulfilment::Earned | Fulfilment::Partial | Fulfilment::Missed, Some(c)) => {
                        // Points of a version with another maximum say it:
                        // a met 1 under «баллы из 2» read as half met.
                        match c.max == i.points {
                            true => Cell::Int(c.points.into()),
                            false => Cell::Text(format!("{} из {}", c.points, c.max)),
                        }
                    }
                    (other, _) => Cell::Text(other.word().to_owned()),
                }
            }));
            row
        })
        .collect();
    Table {
        name: format!("Матрица {period}"),
        headers,
        rows,
    }
}

/// The columns of «Показатели по муниципалитету», on the screen and in the
/// files alike: after the indicator, the schools whose answers make the
/// value, those it applies to and, of them, those that earned its points
/// (after the department's check where there was one), then the value.
pub static INDICATOR_HEADERS: [&str; 7] = [
    "Код",
    "Показатель",
    "Школ в расчёте",
    "Применим к школам",
    "Школ, выполнивших показатель (с учётом проверки)",
    "% школ",
    "Значение по ответам школ",
];

/// The same for a card without points: nothing is «выполнен», so the
/// columns of schools that earned points go.
pub static DATA_INDICATOR_HEADERS: [&str; 5] = [
    "Код",
    "Показатель",
    "Школ в расчёте",
    "Применим к школам",
    "Значение по ответам школ (с учётом проверки)",
];

/// [`INDICATOR_HEADERS`] or, for a card without points,
/// [`DATA_INDICATOR_HEADERS`].
pub fn indicator_headers(card: &Card) -> &'static [&'static str] {
    if card.has_points() {
        &INDICATOR_HEADERS
    } else {
        &DATA_INDICATOR_HEADERS
    }
}

/// How [`values_table`] gives a share: in one cell, as the screen reads it
/// («12 из 40 (30,0 %)»), or in three columns of numbers (numerator,
/// denominator, percentage), as a spreadsheet sums and sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shares {
    Together,
    Apart,
}

/// Each school's own values, indicator by indicator, by name: what a card
/// without points is collected for, and the figures behind a rating.
/// Numbers stay numbers where the answer is one (a count, a typed
/// percentage; with [`Shares::Apart`], a share's two numbers and a list's
/// rows and column sums); otherwise a share reads as «12 из 40», a list as
/// its rows and sums in words.
pub fn values_table(
    card: &Card,
    archive: &Archive,
    results: &[SchoolResult],
    period: &str,
    shares: Shares,
) -> Table {
    // The columns an indicator's numbers take, after its heading: a
    // typed percentage's one says its unit, as a share's text does.
    let apart = |i: &Indicator| -> Option<Vec<String>> {
        match (shares, &i.rule) {
            (_, Rule::Percent { .. }) => Some(vec![", %".to_owned()]),
            // A growth share's numbers may stand without last year's:
            // said beside them, where a sheet's numbers stay numbers.
            (Shares::Apart, Rule::Share { .. } | Rule::Breakdown { .. }) => Some(
                ["числитель", "знаменатель", "%", "примечание"]
                    .into_iter()
                    .take(if i.rule.asks_last_year() { 4 } else { 3 })
                    .map(|part| format!(", {part}"))
                    .collect(),
            ),
            (Shares::Apart, Rule::List { columns, .. }) => Some(
                std::iter::once(", строк".to_owned())
                    .chain(
                        columns
                            .iter()
                            .map(|c| format!(": {}", lower_first(c.label.trim()))),
                    )
                    .collect(),
            ),
            _ => None,
        }
    };
    let mut headers = vec!["Школа".to_owned()];
    for i in card.indicators() {
        let heading = item_heading(&i.code);
        match apart(i) {
            Some(parts) => headers.extend(parts.iter().map(|part| format!("{heading}{part}"))),
            None => headers.push(heading),
        }
    }
    let mut schools: Vec<&SchoolResult> = results.iter().collect();
    schools.sort_by(|a, b| by_name(a.name(), b.name()));
    let rows = schools
        .into_iter()
        .map(|r| {
            let entry = archive.entry(&r.submission_id);
            // «0 из 0» where the profile expects the group, not yet ruled
            // on: said as the report says it, not as «не применимо».
            let empty = archive.empty_unruled(&r.submission_id);
            let mut row = vec![Cell::Text(r.name().to_owned())];
            for indicator in card.indicators() {
                let (cell, numbers) = value_cell(card, indicator, entry, r, &empty);
                let Some(parts) = apart(indicator) else {
                    row.push(cell);
                    continue;
                };
                match numbers {
                    Some(Numbers::Share {
                        part,
                        whole,
                        no_last_year,
                    }) => {
                        row.extend([
                            Cell::count(part),
                            Cell::count(whole),
                            Cell::Percent { part, whole },
                        ]);
                        if parts.len() == 4 {
                            row.push(
                                no_last_year.map_or(Cell::Empty, |why| Cell::Text(why.to_owned())),
                            );
                        }
                    }
                    Some(Numbers::List(rows, sums)) => {
                        row.push(Cell::count(rows));
                        row.extend(sums.into_iter().map(Cell::count));
                    }
                    // Words where there are no numbers: in the first column.
                    None => {
                        row.push(cell);
                        row.extend(parts[1..].iter().map(|_| Cell::Empty));
                    }
                }
            }
            row
        })
        .collect();
    Table {
        name: format!("Значения по школам {period}"),
        headers,
        rows,
    }
}

/// The numbers behind a school's value that a spreadsheet gets apart.
pub(crate) enum Numbers {
    /// A share as typed: its numerator and denominator, and, where it
    /// stands without the last year its target asks for, why
    /// ([`NO_LAST_YEAR`], or last year's group empty).
    Share {
        part: u64,
        whole: u64,
        no_last_year: Option<&'static str>,
    },
    /// A list's rows and each column's sum.
    List(u64, Vec<u64>),
}

impl Numbers {
    /// A share's two numbers as typed this year, when it has a whole.
    fn share(answer: &RawAnswer, no_last_year: Option<&'static str>) -> Option<Self> {
        this_year(answer)
            .filter(|(_, whole)| *whole > 0)
            .map(|(part, whole)| Self::Share {
                part,
                whole,
                no_last_year,
            })
    }
}

/// One school's value of `indicator` in [`values_table`], and its numbers
/// where the value is a share or a list as typed.
pub(crate) fn value_cell(
    card: &Card,
    indicator: &Indicator,
    entry: Option<&Entry>,
    r: &SchoolResult,
    empty: &[String],
) -> (Cell, Option<Numbers>) {
    // A file of another version: its answer under its code there.
    let code = match entry.map(|e| e.card.code_of(card, &indicator.code)) {
        Some(None) => return (Cell::Text("нет в версии школы".to_owned()), None),
        Some(Some(theirs)) => theirs,
        None => &indicator.code,
    };
    let answer = entry.and_then(|e| e.opened.payload.answers.get(code));
    let said = |text: String| (Cell::Text(text), None);
    match r.score.indicator(&indicator.code) {
        // Typed, but not a figure to add up: marked as the matrix marks it.
        // In words: a row that does not read would show as 0 in the sums.
        Some(c) if c.invalid => {
            return said(format!(
                "{} (ошибка в ответе, не учтено)",
                answer_summary(indicator, answer)
            ))
        }
        // Left out of the municipal value, or counted as «нет» there
        // ([`Counted::unconfirmed_value`]).
        Some(c) if c.unconfirmed_value() => {
            return said(format!(
                "{} (не подтверждено проверкой)",
                in_table(indicator, answer)
            ))
        }
        Some(c) if c.applies => {}
        // Out of the maximum, but its share is in the municipal value (the
        // figures' audit: the sheet's columns did not add up to it): its
        // numbers, and why it has no points.
        // The same where last year's group was empty.
        Some(c) if c.lacks_last_year || c.last_year_empty => {
            let why = match c.lacks_last_year {
                true => NO_LAST_YEAR,
                false => "в прошлом году 0 из 0",
            };
            let Some(a) = answer else {
                return said(why.to_owned());
            };
            return (
                Cell::Text(format!("{}; {why}", answer_text(indicator, a))),
                Numbers::share(a, Some(why)),
            );
        }
        // The school's answer, which the check ruled out: the table gives
        // values as the school typed them (a «да» read plain «не
        // применимо», an audit).
        Some(c) if c.claimed_applies && answer.is_some() => {
            return said(format!(
                "{} (не применим по решению проверки)",
                in_table(indicator, answer)
            ))
        }
        _ if empty.iter().any(|c| c == code) => {
            return said("0 из 0 (по профилю относится: уточните у школы)".to_owned())
        }
        _ => return said("не применимо".to_owned()),
    }
    match (&indicator.rule, answer) {
        (_, None) => (Cell::Empty, None),
        (Rule::Count { .. }, Some(a)) => match parse_number(&a.count) {
            Ok(Some(n)) => (Cell::count(n), None),
            _ => said(a.count.trim().to_owned()),
        },
        (Rule::Percent { .. }, Some(a)) => match parse_percent(&a.percent) {
            Ok(Some(tenths)) => (
                Cell::Percent {
                    part: tenths.into(),
                    whole: 1000,
                },
                None,
            ),
            _ => said(a.percent.trim().to_owned()),
        },
        (Rule::List { columns, .. }, Some(a)) => {
            let (rows, sums) = list_sums(columns, a);
            let text = list_in_table(indicator, a, rows, &sums);
            (Cell::Text(text), Some(Numbers::List(rows, sums)))
        }
        (_, Some(a)) => (
            Cell::Text(answer_summary(indicator, Some(a))),
            Numbers::share(a, None),
        ),
    }
}

/// A school's answer in [`values_table`]: a list as its rows and column
/// sums in the columns' order, «3 строки: 199 / 43 / 33», which the
/// table's note names ([`list_sums_note`](crate::department::report::list_sums_note)).
/// In words after each label, the Невинномысск card's list ran a third
/// of a printed sheet per school.
fn in_table(indicator: &Indicator, answer: Option<&RawAnswer>) -> String {
    match (&indicator.rule, answer) {
        (Rule::List { columns, .. }, Some(a)) => {
            let (rows, sums) = list_sums(columns, a);
            list_in_table(indicator, a, rows, &sums)
        }
        _ => answer_summary(indicator, answer),
    }
}

/// [`in_table`] of a list whose rows and sums are counted already; a
/// list without rows in words («не было», «0 строк»).
fn list_in_table(indicator: &Indicator, a: &RawAnswer, rows: u64, sums: &[u64]) -> String {
    if rows == 0 {
        return answer_summary(indicator, Some(a));
    }
    let sums: Vec<String> = sums.iter().copied().map(group_digits).collect();
    format!("{}: {}", rows_text(rows), sums.join(" / "))
}

/// A list's filled rows and each column's sum.
fn list_sums(columns: &[ListColumn], a: &RawAnswer) -> (u64, Vec<u64>) {
    let mut sums = vec![0; columns.len()];
    let rows = a.filled_rows().inspect(|row| row.add_to(&mut sums)).count();
    (rows as u64, sums)
}

/// A year's points of a school as a sheet's numbers: points, maximum, share.
fn score_cells((total, max): (u32, u32)) -> [Cell; 3] {
    let share = Cell::Percent {
        part: total.into(),
        whole: max.into(),
    };
    [Cell::count(total), Cell::count(max), share]
}

/// «Динамика»'s schools as a sheet, each year's score as numbers and the
/// change in percentage points. `rescored`: the years are compared on this
/// year's rules (another version), so the two scores the change is reckoned
/// from stand between them: last year re-scored, this year on the same
/// indicators.
pub fn school_changes_table(changes: &[SchoolChange], rescored: bool, with_levels: bool) -> Table {
    let year = |what: &str| ["баллов", "максимум", "%"].map(|part| format!("{what}, {part}"));
    let mut headers = vec!["Школа".to_owned()];
    headers.extend(year("Было"));
    if rescored {
        headers.extend(year("Прошлый год по новой методике"));
        headers.extend(year("Этот год на тех же показателях"));
    }
    headers.extend(year("Стало"));
    headers.push(match rescored {
        true => "Изменение по новой методике, п. п.".to_owned(),
        false => "Изменение, п. п.".to_owned(),
    });
    // Across versions the levels are of the two scores the change is
    // reckoned from, by this year's bounds: a «высокая» last year the
    // school never had read as its official level (a walk-through).
    if with_levels {
        let levels = match rescored {
            true => [
                "Уровень в прошлом году по новой методике",
                "Уровень по новой методике",
            ],
            false => ["Уровень в прошлом году", "Уровень"],
        };
        headers.extend(levels.map(String::from));
    }
    headers.push("Примечание".to_owned());
    let level = |l: Option<Level>| Cell::Text(l.map_or("—", Level::label).to_owned());
    let rows = changes
        .iter()
        .map(|c| {
            let mut row = vec![Cell::Text(c.name.clone())];
            row.extend(score_cells(c.before));
            if rescored {
                let across = c
                    .across
                    .map_or((c.before, c.after), |a| (a.before, a.after));
                row.extend(score_cells(across.0));
                row.extend(score_cells(across.1));
            }
            row.extend(score_cells(c.after));
            row.push(Cell::Tenths(c.delta_tenths()));
            if with_levels {
                let (before, after) = c.levels_compared();
                row.extend([level(before), level(after)]);
            }
            row.push(match c.notes() {
                notes if notes.is_empty() => Cell::Empty,
                notes => Cell::Text(notes.join("; ")),
            });
            row
        })
        .collect();
    Table {
        name: "Динамика по школам".to_owned(),
        headers,
        rows,
    }
}

/// «Выполнение показателей (число школ)» of «Динамика» as a sheet: of the schools
/// an indicator applies to, those that earned it each year, and the change
/// of their share where the years judge it alike; `removed`, the indicators
/// the card no longer has ([`Years::removed_met`](crate::department::dynamics::Years::removed_met)), last.
pub fn indicator_changes_table(
    card: &Card,
    changes: &[IndicatorChange],
    removed: &[(&Indicator, (usize, usize))],
) -> Table {
    let year = |what: &str| ["выполнили", "применим", "%"].map(|part| format!("{what}, {part}"));
    let mut headers = ["Код", "Показатель"].map(String::from).to_vec();
    headers.extend(year("Было"));
    headers.extend(year("Стало"));
    headers.extend(["Изменение, п. п.", "Методика"].map(String::from));
    let met = |(earned, applicable): (usize, usize)| {
        let share = Cell::Percent {
            part: earned as u64,
            whole: applicable as u64,
        };
        [Cell::count(earned), Cell::count(applicable), share]
    };
    let row = |code: &str, text: &str, before: Option<(usize, usize)>| {
        let mut row = vec![Cell::Text(item_heading(code)), Cell::Text(text.to_owned())];
        row.extend(before.map_or([Cell::Empty, Cell::Empty, Cell::Empty], met));
        row
    };
    let rows = changes
        .iter()
        .map(|c| {
            let text = card.indicator(&c.code).map_or("", |i| i.text.as_str());
            let mut row = row(&c.code, text, c.before);
            row.extend(met(c.after));
            // The counts stand in the row: the exact change rounded once,
            // as the screen shows it beside «8 из 15 → 10 из 15» (the
            // percentages' difference as shown, 13,4 beside the screen's
            // 13,3, read as two figures for one change).
            row.push(c.delta_tenths().map_or(Cell::Empty, Cell::Tenths));
            row.push(Cell::Text(c.comparability.method_label().to_owned()));
            row
        })
        .chain(removed.iter().map(|(old, before)| {
            let mut row = row(&old.code, &old.text, Some(*before));
            row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
            row.push(Cell::Text(Comparability::Removed.method_label().to_owned()));
            row
        }))
        .collect();
    Table {
        name: "Выполнение показателей".to_owned(),
        headers,
        rows,
    }
}

/// `table` with its «Было» and «Стало» columns headed by their school
/// years (`before`, `after`): printed in the report, a table's page of its
/// own had only «Было / Стало» to say which year was which (a
/// walk-through).
pub fn headed_by_years(mut table: Table, before: &str, after: &str) -> Table {
    for header in &mut table.headers {
        for (word, year) in [("Было", before), ("Стало", after)] {
            if header == word {
                *header = year.to_owned();
            } else if let Some(rest) = header.strip_prefix(&format!("{word}, ")) {
                *header = format!("{year}, {rest}");
            }
        }
    }
    table
}

/// Each indicator's municipal value in the year before and this one: the
/// dynamics of a card without points, as «Динамика» and the report show it.
/// With [`Shares::Apart`] the change is a number (a percentage's in points,
/// a sum's or a list's headline column's difference), since «+6,0 п. п.» is text to a
/// sheet, and each year's value follows as a number ([`value_numbers`]).
pub fn value_changes_table(changes: &[ValueChange], shares: Shares) -> Table {
    let apart = shares == Shares::Apart;
    let number = |f: &Option<IndicatorFigure>| {
        let [value, ..] = f
            .as_ref()
            .map_or([Cell::Empty, Cell::Empty, Cell::Empty], value_numbers);
        value
    };
    let rows = changes
        .iter()
        .map(|c| {
            let (before, after) = (number(&c.figures.0), number(&c.figures.1));
            let change = match (shares, c.tenths, c.change_text()) {
                (Shares::Together, _, change) => change.map_or(Cell::Empty, Cell::Text),
                (Shares::Apart, Some(tenths), _) => Cell::Tenths(tenths),
                (Shares::Apart, None, Some(_)) => match (&before, &after) {
                    (Cell::Int(a), Cell::Int(b)) => Cell::Int(b - a),
                    _ => Cell::Empty,
                },
                (Shares::Apart, None, None) => Cell::Empty,
            };
            let mut row = vec![
                Cell::Text(item_heading(&c.code)),
                Cell::Text(c.text.clone()),
                Cell::Text(c.before.clone()),
                Cell::Text(c.after.clone()),
                change,
                Cell::Text(c.comparability.method_label().to_owned()),
            ];
            if apart {
                row.extend([before, after]);
            }
            row
        })
        .collect();
    let change = match shares {
        Shares::Together => "Изменение",
        Shares::Apart => "Изменение, число (у процентов — п. п.)",
    };
    let mut headers = ["Код", "Показатель", "Было", "Стало", change, "Методика"]
        .map(String::from)
        .to_vec();
    if apart {
        headers.extend(["Было, число", "Стало, число"].map(String::from));
    }
    Table {
        name: "Значения по муниципалитету".to_owned(),
        headers,
        rows,
    }
}

/// The schools' own values that moved most, on a card without points
/// ([`school_value_changes`](crate::department::dynamics::school_value_changes)).
/// With [`Shares::Apart`], the change is a number in points.
pub fn school_value_changes_table(changes: &[SchoolValueChange], shares: Shares) -> Table {
    let rows = changes
        .iter()
        .map(|c| {
            vec![
                Cell::Text(c.name.clone()),
                Cell::Text(item_heading(&c.code)),
                Cell::Text(c.before.clone()),
                Cell::Text(c.after.clone()),
                match shares {
                    Shares::Together => Cell::Text(delta_text(c.tenths)),
                    Shares::Apart => Cell::Tenths(c.tenths),
                },
            ]
        })
        .collect();
    let change = match shares {
        Shares::Together => "Изменение",
        Shares::Apart => "Изменение, п. п.",
    };
    Table {
        name: "Изменения значений школ".to_owned(),
        headers: ["Школа", "Код", "Было", "Стало", change]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The columns [`indicators_table`] adds in a spreadsheet
/// ([`Shares::Apart`]): the municipal value as numbers ([`value_numbers`]).
pub static VALUE_NUMBER_HEADERS: [&str; 3] =
    ["Значение, число", "Сумма числителей", "Сумма знаменателей"];

/// The municipal value as numbers a spreadsheet computes with, beside its
/// words («33,1 % (1 553 из 4 692)»), which pack them with thin spaces and
/// signs: the value (a share's or the «да» answers' percentage, a count's
/// sum, a typed percentage's mean, a list's headline column's sum,
/// [`Aggregate::list_number`]) and, for a share or a fact, its two sums.
/// Rounded as the words are.
fn value_numbers(f: &IndicatorFigure) -> [Cell; 3] {
    let answered = f.answered as u64;
    if answered == 0 {
        return [Cell::Empty, Cell::Empty, Cell::Empty];
    }
    let share = |part: u64, whole: u64| {
        [
            Cell::Percent { part, whole },
            Cell::count(part),
            Cell::count(whole),
        ]
    };
    match &f.value {
        Aggregate::Share {
            numerator,
            denominator,
            ..
        } => share(*numerator, *denominator),
        Aggregate::Fact { yes } => share(*yes as u64, answered),
        Aggregate::Count { sum } => [Cell::count(*sum), Cell::Empty, Cell::Empty],
        // The mean of tenths, `sum / answered`, as a percentage.
        Aggregate::Percent { sum, .. } => [
            Cell::Percent {
                part: *sum,
                whole: answered * 1000,
            },
            Cell::Empty,
            Cell::Empty,
        ],
        list @ Aggregate::List { .. } => [
            list.list_number().map_or(Cell::Empty, Cell::count),
            Cell::Empty,
            Cell::Empty,
        ],
    }
}

/// Every indicator with its municipal value, informational ones included;
/// with [`Shares::Apart`], the value as numbers too ([`value_numbers`]).
pub fn indicators_table(card: &Card, figures: &Figures, period: &str, shares: Shares) -> Table {
    let apart = shares == Shares::Apart;
    let mut headers: Vec<String> = indicator_headers(card)
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
    if apart {
        headers.extend(VALUE_NUMBER_HEADERS.map(String::from));
    }
    let scored = card.has_points();
    let rows = card
        .indicators()
        .zip(&figures.indicators)
        .map(|(indicator, f)| {
            let (earned, share) = if indicator.points > 0 {
                let share = Cell::Percent {
                    part: f.earned as u64,
                    whole: f.applicable as u64,
                };
                (Cell::count(f.earned), share)
            } else {
                (Cell::Text("без баллов".to_owned()), Cell::Empty)
            };
            let mut row = vec![
                Cell::Text(item_heading(&indicator.code)),
                Cell::Text(indicator.text.clone()),
                Cell::count(f.answered),
                Cell::count(f.applicable),
            ];
            if scored {
                row.extend([earned, share]);
            }
            row.push(Cell::Text(describe_value(&indicator.rule, f)));
            if apart {
                row.extend(value_numbers(f));
            }
            row
        })
        .collect();
    Table {
        name: format!("Показатели {period}"),
        headers,
        rows,
    }
}

/// The road map's columns on the screen ([`road_map_table`] keeps those
/// that fit A4).
static ROAD_MAP_HEADERS: [&str; 9] = [
    "№",
    "Мероприятие",
    "Срок",
    "Адресаты",
    "Целевые показатели",
    "Показатель реализации",
    "Форма отчёта",
    "Исполнитель",
    DONE_HEADER,
];

/// The road map's last column: whether and how the measure was carried out.
pub const DONE_HEADER: &str = "Отметка о выполнении";

/// [`ROAD_MAP_HEADERS`] for `card`: a card whose measures can have no
/// targets (no points, no shares) has no such column.
pub fn road_map_headers(card: &Card) -> &'static [&'static str] {
    static WITHOUT_TARGETS: [&str; 8] = [
        "№",
        "Мероприятие",
        "Срок",
        "Адресаты",
        "Показатель реализации",
        "Форма отчёта",
        "Исполнитель",
        DONE_HEADER,
    ];
    if card.has_measure_targets() {
        &ROAD_MAP_HEADERS
    } else {
        &WITHOUT_TARGETS
    }
}

/// The measures taken after `period`'s results, as the report lists them
/// (seed 003, 3.5–3.6: the analysis ends with the proposals): the road
/// map's columns that fit an A4 page, without targets on a card without
/// points.
pub fn road_map_table(
    card: &Card,
    measures: &[&Measure],
    schools: &[SchoolResult],
    period: &str,
) -> Table {
    let rows = measures
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let mut row = vec![
                Cell::Int(n as i64 + 1),
                Cell::Text(m.heading()),
                Cell::Text(m.date.trim().to_owned()),
                Cell::Text(m.describe(schools)),
            ];
            if card.has_measure_targets() {
                row.push(Cell::Text(m.codes(card).join(", ")));
            }
            row.push(Cell::Text(initials_together(m.responsible.trim())));
            row
        })
        .collect();
    let headers = (road_map_headers(card).iter())
        .filter(|h| !["Показатель реализации", "Форма отчёта", DONE_HEADER].contains(h))
        .map(|h| (*h).to_owned())
        .collect();
    Table {
        name: format!("Меры {period}"),
        headers,
        rows,
    }
}

/// The `n`-th measure (from 0) in the analysis of last year's measures,
/// with its mark of how it was carried out: where it is judged, the
/// comparison counts every school it was addressed to, so who took part
/// is said beside it; where nothing can be judged, the mark is what there
/// is to read.
pub fn measure_done(n: usize, measure: &Measure) -> String {
    let done = match measure.done.trim() {
        "" => String::new(),
        done => format!(" (выполнение: {done})"),
    };
    format!("{}) {}{done}", n + 1, measure.named())
}

pub const EFFECT_HEADERS: [&str; 5] =
    ["Мера", "Показатель", "Цифры", "Разность изменений", "Вывод"];

/// One targeted indicator of the `n`-th measure (from 0), as the screen and
/// the report's table show it.
pub fn effect_cells(n: usize, measure: &Measure, x: &IndicatorEffect) -> [String; 5] {
    [
        measure_done(n, measure),
        x.code.clone(),
        x.numbers(),
        x.difference().map_or_else(|| "—".to_owned(), delta_text),
        x.verdict_text(),
    ]
}

/// Every targeted indicator of every measure, measures numbered from 1.
pub fn effects_table(effects: &Effects) -> Table {
    let rows = effects
        .measures
        .iter()
        .enumerate()
        .flat_map(|(n, (m, xs))| xs.iter().map(move |x| effect_cells(n, m, x)))
        .map(|cells| cells.into_iter().map(Cell::Text).collect())
        .collect();
    Table {
        name: format!("Эффективность мер {}", effects.after_period),
        headers: EFFECT_HEADERS.map(String::from).to_vec(),
        rows,
    }
}

/// A school's plan items, not the department's «Меры», and how many of
/// them gave a result: «Показатели улучшились» read as a count of
/// indicators (a walk-through).
pub const PLAN_HEADERS: [&str; 4] = [
    "Школа",
    "Мероприятий плана с сопоставимыми показателями",
    "Из них показатель улучшился",
    "Доля",
];

pub fn plan_cells(p: &PlanEffect) -> [String; 4] {
    [
        p.school.clone(),
        p.counted.to_string(),
        p.improved.to_string(),
        percent(p.improved as u64, p.counted as u64),
    ]
}

/// The schools' plans of last year, per school that had one.
pub fn plans_table(plans: &[PlanEffect]) -> Table {
    Table {
        name: "Планы мероприятий школ".to_owned(),
        headers: PLAN_HEADERS.map(String::from).to_vec(),
        rows: plans
            .iter()
            .map(|p| plan_cells(p).into_iter().map(Cell::Text).collect())
            .collect(),
    }
}

/// Totals per event of a list indicator.
pub fn events_table(
    columns: &[ListColumn],
    item: &str,
    events: &[EventTotal],
    code: &str,
) -> Table {
    let mut headers = vec![item.to_owned(), "Школ".to_owned()];
    headers.extend(columns.iter().map(|c| c.label.clone()));
    let rows = events
        .iter()
        .map(|e| {
            let mut row = vec![Cell::Text(e.name.clone()), Cell::count(e.schools)];
            row.extend(e.sums.iter().map(|s| Cell::count(*s)));
            row
        })
        .collect();
    Table {
        name: format!("Мероприятия п. {code}"),
        headers,
        rows,
    }
}

/// A list indicator's totals per event, with its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsTable {
    pub code: String,
    /// «1.3. Итоги по строкам списка «Мероприятие»»: the item's own word,
    /// which may be «Конкурс» as well.
    pub title: String,
    pub table: Table,
}

/// Every list indicator's totals per event across `results`: for the
/// results, the report and the tables' files alike.
pub fn events_tables(archive: &Archive, card: &Card, results: &[SchoolResult]) -> Vec<EventsTable> {
    card.indicators()
        .filter_map(|indicator| {
            let Rule::List { item, columns, .. } = &indicator.rule else {
                return None;
            };
            let code = &indicator.code;
            let totals = event_totals(archive, card, results, code);
            Some(EventsTable {
                code: code.clone(),
                title: format!("{code}. Итоги по строкам списка {}", quoted(item)),
                table: events_table(columns, item, &totals, code),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Basis, DEFAULT_CARD};
    use crate::department::archive::Archive;
    use crate::department::results::{rank, results};
    use crate::department::review::Decision;
    use crate::export::to_csv;
    use crate::testkit::{self, draft};

    /// A measure's mark of being carried out stands beside it where it is
    /// judged, and the report's table of measures just taken leaves the
    /// column out.
    #[test]
    fn a_measures_mark_is_said_where_it_is_judged() {
        use crate::department::effectiveness::{Group, IndicatorEffect, Verdict};
        let mut m = Measure::blank(DEFAULT_CARD, "2024/2025");
        m.kind = crate::department::measures::MeasureKind::Seminar;
        m.title = "Профпробы".into();
        let x = IndicatorEffect {
            code: "1.1".into(),
            addressed: Group::default(),
            others: Group::default(),
            verdict: Verdict::TooFew,
            basis: Basis::Met,
        };
        assert_eq!(effect_cells(0, &m, &x)[0], "1) семинар «Профпробы»");
        m.done = " проведён 20.03.2025, участвовали 5 из 7 ОО ".into();
        assert_eq!(
            effect_cells(1, &m, &x)[0],
            "2) семинар «Профпробы» (выполнение: проведён 20.03.2025, участвовали 5 из 7 ОО)"
        );
        let card = testkit::card();
        assert_eq!(road_map_headers(&card).last(), Some(&DONE_HEADER));
        let report = road_map_table(&card, &[&m], &[], "2024/2025");
        assert!(!report.headers.iter().any(|h| h == DONE_HEADER));
        assert_eq!(report.headers.len(), report.rows[0].len());
    }

    #[test]
    fn rating_and_matrix_rows() {
        let card = testkit::card();
        let d = draft("=СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let archive = testkit::archive(&card, &[("a", &d)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let t = rating_table(&card, &rating, "2025/2026");
        assert_eq!(t.headers.len(), 7 + 2 * 7 + 2);
        assert_eq!(t.headers[7..9], ["Критерий 1", "Критерий 1, максимум"]);
        assert_eq!(t.rows[0][3], Cell::Int(2));
        let csv = String::from_utf8(to_csv(&t)).unwrap();
        // 1.8 of criterion 1's eight indicators, 2.1 of criterion 2's two;
        // the rest unanswered: 0 of 3, 4, 3, 2 and 1.
        assert!(
            csv.contains(
                "1;'=СОШ 1;Город;2;23;8,7;низкая;1;8;1;2;0;3;0;4;0;3;0;2;0;1;получена;\r\n"
            ),
            "{csv}"
        );
        // The rating's ⚠ in words, in the last column.
        let mut flagged = rating.clone();
        flagged[0].result.mismatch = true;
        let t = rating_table(&card, &flagged, "2025/2026");
        assert_eq!(t.rows[0].last(), Some(&Cell::Text(MISMATCH.to_owned())));
        flagged[0].result.version = 2;
        let t = rating_table(&card, &flagged, "2025/2026");
        assert_eq!(
            t.rows[0].last(),
            Some(&Cell::Text(format!(
                "{MISMATCH}; заполнена версия 2 карты, не 1"
            )))
        );
        let matrix = matrix_table(&card, &rating, "2025/2026");
        assert_eq!(matrix.headers.len(), 24);
        assert_eq!(matrix.rows[0][8], Cell::Int(1), "1.8 earned");
        // 7.1 answered «0 из 0» does not apply, nor its criterion 7: the
        // cell is empty, not a 0 that would read as missed.
        let mut d = draft("СОШ 2", "2025/2026", &["1.8"]);
        d.answers.insert("7.1".into(), testkit::share("0", "0"));
        let archive = testkit::archive(&card, &[("b", &d)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        // In the matrix's words where no points count; points elsewhere.
        let matrix = matrix_table(&card, &rating, "2025/2026");
        let at = |code: &str| {
            1 + card
                .scored_indicators()
                .position(|i| i.code == code)
                .unwrap()
        };
        assert_eq!(matrix.headers[at("7.1")], "п. 7.1, баллы из 1");
        assert_eq!(matrix.rows[0][at("7.1")], Cell::Text("не применим".into()));
        assert_eq!(matrix.rows[0][at("1.1")], Cell::Text("нет ответа".into()));
        assert_eq!(matrix.rows[0][at("1.8")], Cell::Int(1));
        // A school on a version giving 1.8 another maximum says it: a met
        // 1 of 1 under «баллы из 2» read as half met.
        {
            let mut v2 = card.clone();
            v2.version = 2;
            v2.indicators_mut()
                .find(|i| i.code == "1.8")
                .unwrap()
                .points = 2;
            v2.recount();
            let b = draft("Школа Б", "2025/2026", &["1.8"]);
            let archive = testkit::archive_of(&[(&card, "a", &d), (&v2, "b", &b)]);
            let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
            let m = matrix_table(&v2, &rating, "2025/2026");
            let of = |name: &str| {
                let row = m
                    .rows
                    .iter()
                    .find(|r| r[0] == Cell::Text(name.into()))
                    .unwrap();
                row[at("1.8")].clone()
            };
            assert_eq!(m.headers[at("1.8")], "п. 1.8, баллы из 2");
            assert_eq!(of("СОШ 2"), Cell::Text("1 из 1".into()));
            assert_eq!(of("Школа Б"), Cell::Int(2));
        }
        let t = rating_table(&card, &rating, "2025/2026");
        let mut expected = [1, 8, 0, 2, 0, 3, 0, 4, 0, 3, 0, 2]
            .map(Cell::count)
            .to_vec();
        expected.extend([Cell::Empty, Cell::Empty]);
        assert_eq!(t.rows[0][7..21], expected);
    }

    /// Seed 004's schools by name, each value as typed: the count a
    /// number, the percentage a percent, the list its rows, nothing typed
    /// an empty cell.
    #[test]
    fn each_school_s_values_by_name() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let code = |kind: &str| testkit::of_kind(&nv, kind).code.clone();
        let mut b = draft("СОШ № 10", "2025/2026", &[]);
        b.answers.entry(code("count")).or_default().count = "1 200".into();
        b.answers.entry(code("percent")).or_default().percent = "87,5".into();
        b.answers.entry(code("list")).or_default().rows = vec![crate::school::draft::ListRow {
            name: "Ярмарка".into(),
            values: vec!["40".into(), "3".into(), "5".into()],
        }];
        let a = draft("СОШ № 2", "2025/2026", &[]);
        let archive = testkit::archive(&nv, &[("b", &b), ("a", &a)]);
        let res = results(&archive, &nv.id, "2025/2026");
        let t = values_table(&nv, &archive, &res, "2025/2026", Shares::Together);
        assert_eq!(t.name, "Значения по школам 2025/2026");
        assert_eq!(t.headers.len(), 1 + nv.indicators().count());
        assert_eq!(
            t.rows[0][0],
            Cell::Text("СОШ № 2".into()),
            "by name, 2 before 10"
        );
        let at = |c: &str| 1 + nv.indicators().position(|i| i.code == c).unwrap();
        assert_eq!(t.rows[0][at(&code("count"))], Cell::Empty);
        let ten = &t.rows[1];
        assert_eq!(ten[at(&code("count"))], Cell::Int(1200));
        assert_eq!(
            ten[at(&code("percent"))],
            Cell::Percent {
                part: 875,
                whole: 1000
            }
        );
        // The cell reads «87,5»: its column says the unit.
        assert_eq!(
            t.headers[at(&code("percent"))],
            format!("п. {}, %", code("percent"))
        );
        // A list's rows and sums in its columns' order, which the note
        // under the table names.
        assert_eq!(
            ten[at(&code("list"))],
            Cell::Text("1 строка: 40 / 3 / 5".into())
        );
        assert!(
            crate::department::report::values_by_school_note(&nv).ends_with(&format!(
                " В п. {} — число строк и суммы столбцов через «/»: общая численность детей, \
             вовлеченных в мероприятие; в том числе детей с ОВЗ и детей-инвалидов; из них \
             победителей/призеров.",
                code("list")
            ))
        );
        // In a spreadsheet, the list's rows and each column's sum apart.
        let apart = values_table(&nv, &archive, &res, "2025/2026", Shares::Apart);
        let list = apart
            .headers
            .iter()
            .position(|h| h.starts_with(&format!("п. {}", code("list"))))
            .unwrap();
        assert_eq!(
            apart.headers[list..list + 2],
            [
                format!("п. {}, строк", code("list")),
                format!(
                    "п. {}: общая численность детей, вовлеченных в мероприятие",
                    code("list")
                )
            ]
        );
        let numbers = |row: &[Cell]| row[list..list + 4].to_vec();
        assert_eq!(numbers(&apart.rows[1]), [1, 40, 3, 5].map(Cell::count));
        assert_eq!(numbers(&apart.rows[0]), vec![Cell::Empty; 4]);
        assert_eq!(apart.headers.len(), apart.rows[0].len());
        // Not confirmed at the check: shown, and said to be left out.
        let mut archive = archive;
        archive.set_decision("b", &code("count"), Some(Decision::NoPoint));
        let res = results(&archive, &nv.id, "2025/2026");
        let t = values_table(&nv, &archive, &res, "2025/2026", Shares::Together);
        assert_eq!(
            t.rows[1][at(&code("count"))],
            Cell::Text("1 200 (не подтверждено проверкой)".into())
        );
        // A percentage above 100 is typed, not counted: said so.
        let mut wrong = draft("СОШ № 3", "2025/2026", &[]);
        wrong.answers.entry(code("percent")).or_default().percent = "100,5".into();
        let archive = testkit::archive(&nv, &[("w", &wrong)]);
        let res = results(&archive, &nv.id, "2025/2026");
        let t = values_table(&nv, &archive, &res, "2025/2026", Shares::Together);
        assert_eq!(
            t.rows[0][at(&code("percent"))],
            Cell::Text("100,5 (ошибка в ответе, не учтено)".into())
        );
    }

    /// «Динамика» as sheets, by hand from the two years of the test kit:
    /// Школа А 1 → 3 of 23 (4,3 → 13,0 %, +8,7), Б 2 → 1 (8,7 → 4,3 %,
    /// −4,4); 2.1 earned by 1 of 2 schools, then by 3 of 3 (+50,0).
    #[test]
    fn the_dynamics_as_sheets_keep_numbers_numbers() {
        use crate::department::dynamics::{indicator_changes, school_changes};
        let card = testkit::card();
        let archive = testkit::two_years(&card);
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let after = results(&archive, DEFAULT_CARD, "2025/2026");
        let t = school_changes_table(
            &school_changes(&archive, &card, &card, &before, &after),
            false,
            true,
        );
        assert_eq!(
            t.headers,
            [
                "Школа",
                "Было, баллов",
                "Было, максимум",
                "Было, %",
                "Стало, баллов",
                "Стало, максимум",
                "Стало, %",
                "Изменение, п. п.",
                "Уровень в прошлом году",
                "Уровень",
                "Примечание"
            ]
        );
        // Across versions, the levels are said to be by the new rules.
        let across = school_changes_table(
            &school_changes(&archive, &card, &card, &before, &after),
            true,
            true,
        );
        assert_eq!(
            across.headers[across.headers.len() - 3..across.headers.len() - 1],
            [
                "Уровень в прошлом году по новой методике",
                "Уровень по новой методике"
            ]
        );
        let texts = |row: &[Cell]| {
            row.iter()
                .map(|c| c.text().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts(&t.rows[0]),
            [
                "Школа А",
                "1",
                "23",
                "4,3",
                "3",
                "23",
                "13,0",
                "8,7",
                "низкая",
                "низкая",
                ""
            ]
        );
        assert_eq!(t.rows[1][7], Cell::Tenths(-44));
        assert_eq!(texts(&t.rows[1])[7], "-4,4");

        let t = testkit::with_years(&archive, &card, &card, |years| {
            indicator_changes_table(&card, &indicator_changes(years), &[])
        });
        let at = t
            .rows
            .iter()
            .position(|r| r[0] == Cell::Text("п. 2.1".into()))
            .unwrap();
        assert_eq!(
            texts(&t.rows[at])[2..],
            ["1", "2", "50,0", "3", "3", "100,0", "50,0", "не менялась"]
        );
        assert_eq!(t.headers.len(), t.rows[at].len());
    }

    /// A card without points: Ижевск's П-1.1 pooled 87 of 200 and 13 of 30
    /// (100 of 230, 43,5 %), then 120 of 200 alone (60,0 %): +16,5; the
    /// school А moved from 43,5 to 60,0 %.
    #[test]
    fn the_values_dynamics_as_sheets_keep_numbers_numbers() {
        use crate::department::dynamics::{school_value_changes, value_changes};
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let share = |name: &str, period: &str, n: &str, d: &str| {
            let mut x = draft(name, period, &[]);
            x.answers.insert("П-1.1".into(), testkit::share(n, d));
            x
        };
        let archive = testkit::archive(
            &iz,
            &[
                ("a1", &share("А", "2024/2025", "87", "200")),
                ("b1", &share("Б", "2024/2025", "13", "30")),
                ("a2", &share("А", "2025/2026", "120", "200")),
            ],
        );
        let before = results(&archive, &iz.id, "2024/2025");
        let after = results(&archive, &iz.id, "2025/2026");
        let (values, moved) = testkit::with_years(&archive, &iz, &iz, |years| {
            let moved = school_value_changes(&archive, years, &before, &after);
            (value_changes(years), moved)
        });
        let t = value_changes_table(&values, Shares::Apart);
        assert_eq!(
            headed_by_years(t.clone(), "2024/2025", "2025/2026").headers[2..4],
            ["2024/2025", "2025/2026"]
        );
        assert_eq!(
            headed_by_years(t.clone(), "2024/2025", "2025/2026").headers[6..],
            ["2024/2025, число", "2025/2026, число"]
        );
        assert_eq!(t.headers[4], "Изменение, число (у процентов — п. п.)");
        assert_eq!(t.headers[6..], ["Было, число", "Стало, число"]);
        let at = t
            .rows
            .iter()
            .position(|r| r[0] == Cell::Text("П-1.1".into()))
            .unwrap();
        assert_eq!(t.rows[at][4], Cell::Tenths(165));
        assert_eq!(
            t.rows[at][6..],
            [
                Cell::Percent {
                    part: 100,
                    whole: 230
                },
                Cell::Percent {
                    part: 120,
                    whole: 200
                }
            ]
        );
        let t = school_value_changes_table(&moved, Shares::Apart);
        assert_eq!(t.headers[4], "Изменение, п. п.");
        assert_eq!(t.rows[0][4], Cell::Tenths(165));
    }

    /// In a spreadsheet the municipal value comes as numbers beside its
    /// words, computed by hand: 1 200 + 300 pupils, the mean of 87,5 and
    /// 60,0 % (73,75, rounded up), one list row of 40 children, «да» at 1
    /// of 2.
    #[test]
    fn the_municipal_value_is_a_number_in_a_spreadsheet() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let code = |kind: &str| testkit::of_kind(&nv, kind).code.clone();
        let mut a = draft("СОШ № 1", "2025/2026", &[&code("fact")]);
        let mut b = draft("СОШ № 2", "2025/2026", &[]);
        for (d, count, percent) in [(&mut a, "1 200", "87,5"), (&mut b, "300", "60")] {
            d.answers.entry(code("count")).or_default().count = count.into();
            d.answers.entry(code("percent")).or_default().percent = percent.into();
        }
        b.answers.entry(code("fact")).or_default().fact = Some(false);
        a.answers.entry(code("list")).or_default().rows = vec![crate::school::draft::ListRow {
            name: "Ярмарка".into(),
            values: vec!["40".into(), "3".into(), "5".into()],
        }];
        let archive = testkit::archive(&nv, &[("a", &a), ("b", &b)]);
        let res = results(&archive, &nv.id, "2025/2026");
        let f = crate::department::figures::figures(&archive, &nv, &res);
        let apart = indicators_table(&nv, &f, "2025/2026", Shares::Apart);
        assert_eq!(apart.headers[5..], VALUE_NUMBER_HEADERS);
        let row = |c: &str| {
            let at = nv.indicators().position(|i| i.code == c).unwrap();
            apart.rows[at][5..].to_vec()
        };
        let percent = |part, whole| Cell::Percent { part, whole };
        assert_eq!(
            row(&code("count")),
            [Cell::Int(1500), Cell::Empty, Cell::Empty]
        );
        assert_eq!(row(&code("percent"))[0], percent(1475, 2000));
        assert_eq!(row(&code("percent"))[0].text(), "73,8");
        // A list's participants, the first column, not its one row.
        assert_eq!(row(&code("list"))[0], Cell::Int(40));
        assert_eq!(
            row(&code("fact")),
            [percent(1, 2), Cell::Int(1), Cell::Int(2)]
        );
        // The words stay, and Word's table keeps to them.
        let together = indicators_table(&nv, &f, "2025/2026", Shares::Together);
        assert_eq!(together.headers, DATA_INDICATOR_HEADERS);
        assert_eq!(together.rows[0].len(), DATA_INDICATOR_HEADERS.len());

        // A share: its two sums and Σ/Σ.
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let share = |n: &str, d: &str, name: &str| {
            let mut x = draft(name, "2025/2026", &[]);
            x.answers.insert("П-1.1".into(), testkit::share(n, d));
            x
        };
        let (x, y) = (share("87", "200", "А"), share("13", "30", "Б"));
        let archive = testkit::archive(&iz, &[("x", &x), ("y", &y)]);
        let res = results(&archive, &iz.id, "2025/2026");
        let f = crate::department::figures::figures(&archive, &iz, &res);
        let t = indicators_table(&iz, &f, "2025/2026", Shares::Apart);
        let at = iz.indicators().position(|i| i.code == "П-1.1").unwrap();
        assert_eq!(t.rows[at][4], Cell::Text("43,5\u{A0}% (100 из 230)".into()));
        assert_eq!(
            t.rows[at][5..],
            [percent(100, 230), Cell::Int(100), Cell::Int(230)]
        );
    }

    /// 5.2 typed 10 of 20 this year and 0 of 0 last year: out of the
    /// maximum (no growth from an empty group), yet in the municipal value
    /// (Σ/Σ 10 of 20 with a school's 5 of 10 beside it: 15 of 30). The
    /// sheet gives its numbers and why, so that its column adds up to the
    /// value (an audit found «не применимо» there, the column at 5 of 10).
    #[test]
    fn a_value_whose_last_year_group_was_empty_is_in_the_sheet() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut a = draft("СОШ № 99", "2025/2026", &[]);
        let mut empty_then = testkit::share("10", "20");
        (empty_then.prev_numerator, empty_then.prev_denominator) = ("0".into(), "0".into());
        a.answers.insert("5.2".into(), empty_then);
        let mut b = draft("СОШ № 2", "2025/2026", &[]);
        let mut grew = testkit::share("5", "10");
        (grew.prev_numerator, grew.prev_denominator) = ("4".into(), "10".into());
        b.answers.insert("5.2".into(), grew);
        let archive = testkit::archive(&lk, &[("a", &a), ("b", &b)]);
        let res = results(&archive, &lk.id, "2025/2026");
        let at = lk.indicators().position(|i| i.code == "5.2").unwrap();
        let in_value = |archive: &Archive| {
            let res = results(archive, &lk.id, "2025/2026");
            let f = crate::department::figures::figures(archive, &lk, &res);
            let value = &f.indicators[at].value;
            let pooled = matches!(
                value,
                Aggregate::Share {
                    numerator: 15,
                    denominator: 30,
                    ..
                }
            );
            assert!(pooled, "{value:?}");
        };
        in_value(&archive);
        let row_of = |t: &Table, name: &str| {
            (t.rows.iter())
                .find(|r| r[0] == Cell::Text(name.into()))
                .unwrap()
                .clone()
        };
        let together = values_table(&lk, &archive, &res, "2025/2026", Shares::Together);
        assert_eq!(
            row_of(&together, "СОШ № 99")[1 + at],
            Cell::Text("10 из 20 (50,0\u{A0}%); в прошлом году 0 из 0".into())
        );
        let apart = values_table(&lk, &archive, &res, "2025/2026", Shares::Apart);
        let first = (apart.headers.iter())
            .position(|h| h == "п. 5.2, числитель")
            .unwrap();
        assert_eq!(
            row_of(&apart, "СОШ № 99")[first..first + 4],
            [
                Cell::Int(10),
                Cell::Int(20),
                Cell::Percent {
                    part: 10,
                    whole: 20
                },
                Cell::Text("в прошлом году 0 из 0".into())
            ]
        );
        assert_eq!(
            row_of(&apart, "СОШ № 2")[first..first + 4],
            [
                Cell::Int(5),
                Cell::Int(10),
                Cell::Percent { part: 5, whole: 10 },
                Cell::Empty
            ]
        );
        // Confirmed by the check, it is in the value still, and so in the
        // sheet (a review).
        let mut archive = archive;
        archive.set_decision("a", "5.2", Some(Decision::Confirm));
        let confirmed = results(&archive, &lk.id, "2025/2026");
        let together = values_table(&lk, &archive, &confirmed, "2025/2026", Shares::Together);
        assert_eq!(
            row_of(&together, "СОШ № 99")[1 + at],
            Cell::Text("10 из 20 (50,0\u{A0}%); в прошлом году 0 из 0".into())
        );
        in_value(&archive);
        // The matrix: not applicable, as before.
        let matrix = matrix_table(&lk, &rank(res.clone()), "2025/2026");
        let column = 1 + lk
            .scored_indicators()
            .position(|i| i.code == "5.2")
            .unwrap();
        assert_eq!(
            row_of(&matrix, "СОШ № 99")[column],
            Cell::Text("не применим".into())
        );
    }

    #[test]
    fn a_value_without_last_year_reads_so() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        d.answers.insert("5.1".into(), testkit::share("0", "0"));
        d.answers.insert("5.2".into(), testkit::share("1", "4"));
        let mut archive = testkit::archive(&lk, &[("a", &d)]);
        let at = |c: &str| 1 + lk.indicators().position(|i| i.code == c).unwrap();
        let row = |archive: &Archive| {
            let res = results(archive, &lk.id, "2025/2026");
            values_table(&lk, archive, &res, "2025/2026", Shares::Together).rows[0].clone()
        };
        let text = |s: &str| Cell::Text(s.into());
        let empty = text("0 из 0 (по профилю относится: уточните у школы)");
        assert_eq!(row(&archive)[at("5.1")], empty);
        archive.set_decision("a", "5.1", Some(Decision::NotApplicable));
        assert_eq!(row(&archive)[at("5.1")], text("не применимо"));
        // 5.2's share is in the municipal value all the same: its numbers.
        assert_eq!(
            row(&archive)[at("5.2")],
            text("1 из 4 (25,0\u{A0}%); нет данных прошлого года")
        );
        // In a spreadsheet, its numbers apart and the mark in a column of
        // its own (an audit found it dropped there); a share that asks for
        // no last year has none.
        let res = results(&archive, &lk.id, "2025/2026");
        let apart = values_table(&lk, &archive, &res, "2025/2026", Shares::Apart);
        let head = |h: &str| apart.headers.iter().position(|x| x == h).unwrap();
        let first = head("п. 5.2, числитель");
        assert_eq!(apart.headers[first + 3], "п. 5.2, примечание");
        assert_eq!(
            apart.rows[0][first..first + 4],
            [
                Cell::Int(1),
                Cell::Int(4),
                Cell::Percent { part: 1, whole: 4 },
                text("нет данных прошлого года")
            ]
        );
        assert!(!lk.indicator("1.4").unwrap().rule.asks_last_year());
        assert_eq!(
            apart.headers[head("п. 1.4, числитель") + 3],
            "п. 1.5, числитель"
        );
        assert_eq!(apart.headers.len(), apart.rows[0].len());
        let res = results(&archive, &lk.id, "2025/2026");
        let f = crate::department::figures::figures(&archive, &lk, &res);
        let f52 = &f.indicators[at("5.2") - 1];
        assert_eq!(f52.answered, 1);
        assert!(
            matches!(
                f52.value,
                Aggregate::Share {
                    numerator: 1,
                    denominator: 4,
                    ..
                }
            ),
            "{:?}",
            f52.value
        );
        let apart = values_table(&lk, &archive, &res, "2025/2026", Shares::Apart);
        let cells = &apart.rows[0];
        let head = apart
            .headers
            .iter()
            .position(|h| h.contains("5.2"))
            .unwrap();
        assert_eq!(cells[head..head + 2], [Cell::Int(1), Cell::Int(4)]);
        archive.set_decision("a", "5.2", Some(Decision::NotApplicable));
        assert_eq!(row(&archive)[at("5.2")], text("не применимо"));
    }

    /// 5.2 without last year's figures is out of the school's maximum: the
    /// rating's files and the report name it; confirmed at the check it
    /// comes back in, and nothing is said.
    #[test]
    fn a_growth_row_without_last_year_is_named_beside_the_school() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        d.answers.insert("5.2".into(), testkit::share("1", "4"));
        let mut archive = testkit::archive(&lk, &[("a", &d)]);
        let said = |archive: &Archive| {
            let res = results(archive, &lk.id, "2025/2026");
            let remark = rating_table(&lk, &rank(res.clone()), "2025/2026").rows[0]
                .last()
                .cloned();
            let report = crate::department::report::left_out(archive, &lk.id, "2025/2026", &res);
            (remark, report)
        };
        let (remark, report) = said(&archive);
        assert_eq!(remark, Some(Cell::Text("вне максимума: 5.2".into())));
        assert!(
            report.ends_with(
                "Не вошли в максимум школы показатели с целью «положительная динамика», по которым \
                 она не указала данные прошлого года (её процент выше, чем был бы с нулём по ним): \
                 СОШ №\u{A0}2 (5.2)."
            ),
            "{report:?}"
        );
        archive.set_decision("a", "5.2", Some(Decision::Confirm));
        let (remark, report) = said(&archive);
        assert_eq!(remark, Some(Cell::Empty));
        assert!(!report.contains("Не вошли в максимум"), "{report}");
    }

    /// In files, a share stands in three columns of numbers, so that a
    /// spreadsheet sums and sorts them; one that is not a share as typed
    /// keeps its words in the first. By hand: 36 of 208 is 17,3 %.
    #[test]
    fn in_files_a_share_is_three_numbers() {
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let mut a = draft("Школа А", "2025/2026", &[]);
        a.answers
            .insert("П-1.1".into(), testkit::share("36", "208"));
        let mut b = draft("Школа Б", "2025/2026", &[]);
        b.answers.insert("П-1.1".into(), testkit::share("0", "0"));
        let archive = testkit::archive(&iz, &[("a", &a), ("b", &b)]);
        let res = results(&archive, &iz.id, "2025/2026");
        let t = values_table(&iz, &archive, &res, "2025/2026", Shares::Apart);
        assert_eq!(
            t.headers,
            [
                "Школа",
                "П-1.1, числитель",
                "П-1.1, знаменатель",
                "П-1.1, %"
            ]
        );
        assert_eq!(
            t.rows[0][1..],
            [
                Cell::Int(36),
                Cell::Int(208),
                Cell::Percent {
                    part: 36,
                    whole: 208
                }
            ]
        );
        assert_eq!(t.rows[0][3].text(), "17,3");
        assert_eq!(
            t.rows[1][1..],
            [
                Cell::Text("0 из 0 (по профилю относится: уточните у школы)".into()),
                Cell::Empty,
                Cell::Empty
            ]
        );
        // On screen, one cell.
        let together = values_table(&iz, &archive, &res, "2025/2026", Shares::Together);
        assert_eq!(together.headers, ["Школа", "П-1.1"]);
        assert_eq!(
            together.rows[0][1],
            Cell::Text("36 из 208 (17,3\u{A0}%)".into())
        );
    }
}
