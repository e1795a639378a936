//! What a scored row says to the user, in words: the view model of one
//! indicator row and of the card's total. Kept in the core so the wording is
//! tested natively and the shell only renders it.

use crate::card::Level;
use crate::card::{Applicability, Card, Indicator, ListColumn, Rule};
use crate::error::{FieldError, NumberError};
use crate::school::draft::{AnswerField, RawAnswer};
use crate::school::input::{parse_number, parse_percent};
use crate::scoring::{judge, Assessment, Detail, Growth, IndicatorResult, NotApplicable, Outcome};
use crate::text::{
    group_digits, lower_first, percent, percent_short_of_target, percents_apart, plural, points,
    quoted, tenths, tenths_percent, with_stop,
};

/// The state of a row, for styling and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Earned,
    Missed,
    /// Collected and aggregated, no points: nothing to earn or miss.
    Informational,
    NotApplicable,
    Unanswered,
    Invalid,
}

impl RowStatus {
    pub fn key(self) -> &'static str {
        match self {
            Self::Earned => "earned",
            Self::Missed => "missed",
            Self::Informational => "info",
            Self::NotApplicable => "na",
            Self::Unanswered => "unanswered",
            Self::Invalid => "invalid",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowExplanation {
    pub status: RowStatus,
    /// "1 балл из 1", "не применимо", "без баллов" (on a card without
    /// points, "заполнено"), ...
    pub points: String,
    /// The share as typed, "30,0 %", for shares with both numbers.
    pub share: Option<String>,
    /// One or two sentences: why these points, or what is missing.
    pub note: String,
}

/// "30 из 100 (30,0 %)" when both numbers read, else what was typed.
fn share_text(n: &str, d: &str) -> String {
    let or_dash = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    match (parse_number(n), parse_number(d)) {
        (Ok(Some(n)), Ok(Some(d))) if d > 0 => format!("{n} из {d} ({})", percent(n, d)),
        _ if n.trim().is_empty() && d.trim().is_empty() => "—".to_owned(),
        _ => format!("{} из {}", or_dash(n), or_dash(d)),
    }
}

/// The share of a share row's numbers as typed, when both read and make
/// one: shown while another field of the row (a link, a comment) is in
/// error, since those numbers are not what is wrong.
pub fn typed_share(answer: &RawAnswer) -> Option<String> {
    match (
        parse_number(&answer.numerator),
        parse_number(&answer.denominator),
    ) {
        (Ok(Some(n)), Ok(Some(d))) if d > 0 && n <= d => Some(percent(n, d)),
        _ => None,
    }
}

/// Each part's share of a breakdown's denominator as the school types them:
/// "20,0 %", or "—" while a number is missing or wrong, and for every part
/// while the parts typed add up to more than the whole: shares that add up
/// to more than 100 % would read as figures.
pub fn part_shares(answer: &RawAnswer, parts: usize) -> Vec<String> {
    let denominator = parse_number(&answer.denominator).ok().flatten();
    let typed: Vec<Option<u64>> = (0..parts)
        .map(|i| {
            parse_number(answer.parts.get(i).map_or("", String::as_str))
                .ok()
                .flatten()
        })
        .collect();
    let sum: u64 = typed.iter().flatten().sum();
    typed
        .into_iter()
        .map(|part| match (part, denominator) {
            (Some(n), Some(d)) if d > 0 && sum <= d => percent(n, d),
            _ => "—".to_owned(),
        })
        .collect()
}

/// What an empty list the school answered says, on its row and in review.
pub const NO_ROWS: &str = "Список пуст: отмечено, что в этом году их не было.";

/// The answer as the department reads it: "30 из 100 (30,0 %)", "да", "5",
/// "87,5 %", "3 строки", "не было".
pub fn answer_summary(indicator: &Indicator, answer: Option<&RawAnswer>) -> String {
    let Some(a) = answer else {
        return "—".to_owned();
    };
    let mut text = answer_text(indicator, a);
    if indicator.rule.asks_last_year() {
        text.push_str(&format!(
            "; прошлый год: {}",
            share_text(&a.prev_numerator, &a.prev_denominator)
        ));
    }
    text
}

/// The answer alone, without the figures of the year before it carries.
pub fn answer_text(indicator: &Indicator, a: &RawAnswer) -> String {
    let typed = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    match &indicator.rule {
        Rule::Fact { .. } => match a.fact {
            Some(true) => "да".to_owned(),
            Some(false) => "нет".to_owned(),
            None => "—".to_owned(),
        },
        Rule::Count { .. } => typed(&a.count),
        Rule::Percent { .. } => match parse_percent(&a.percent) {
            Ok(Some(t)) => tenths_percent(t.into()),
            _ => typed(&a.percent),
        },
        Rule::Share { .. } => share_text(&a.numerator, &a.denominator),
        Rule::Breakdown { parts, .. } => {
            let sum: Option<u64> = (0..parts.len())
                .map(|i| {
                    parse_number(a.parts.get(i).map_or("", String::as_str))
                        .ok()
                        .flatten()
                })
                .sum();
            let total = share_text(
                &sum.map_or(String::new(), |s| s.to_string()),
                &a.denominator,
            );
            let each: Vec<String> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{p} — {}", typed(a.parts.get(i).map_or("", String::as_str))))
                .collect();
            format!("{total}; {}", each.join(", "))
        }
        Rule::List { columns, .. } => {
            let rows = a.filled_rows().count() as u64;
            if rows == 0 && a.no_rows {
                "не было".to_owned()
            } else if rows == 0 {
                "0 строк".to_owned()
            } else {
                format!("{}: {}", rows_text(rows), list_totals(columns, a))
            }
        }
    }
}

/// A list's columns summed over its rows, each named: the figures the
/// indicator is about («Общая численность детей … — 1 401»), which the
/// department adds up across schools.
pub fn list_totals(columns: &[ListColumn], answer: &RawAnswer) -> String {
    let mut sums = vec![0; columns.len()];
    for row in answer.filled_rows() {
        row.add_to(&mut sums);
    }
    named_sums(columns, &sums)
}

/// Column sums after their labels, as they go on after a colon: «общая
/// численность детей … — 1 401; в том числе … — 27».
pub fn named_sums(columns: &[ListColumn], sums: &[u64]) -> String {
    let named = columns.iter().zip(sums);
    let named =
        named.map(|(c, sum)| format!("{} — {}", lower_first(c.label.trim()), group_digits(*sum)));
    named.collect::<Vec<_>>().join("; ")
}

/// «3 строки» of a list.
pub fn rows_text(rows: u64) -> String {
    format!("{rows} {}", plural(rows, "строка", "строки", "строк"))
}

/// The field a typed error stands under, named for a reader away from the
/// form (the department's review, the school's letter): «Строка 2,
/// «из них ОВЗ»», «Ссылки».
pub fn field_name(indicator: &Indicator, field: AnswerField) -> String {
    let last_year = |label: &str| format!("{} за прошлый год", quoted(label));
    match (&indicator.rule, field) {
        (
            Rule::Share { numerator, .. } | Rule::Breakdown { numerator, .. },
            AnswerField::Numerator,
        ) => quoted(numerator),
        (
            Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. },
            AnswerField::Denominator,
        ) => quoted(denominator),
        (
            Rule::Share { numerator, .. } | Rule::Breakdown { numerator, .. },
            AnswerField::PrevNumerator,
        ) => last_year(numerator),
        (
            Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. },
            AnswerField::PrevDenominator,
        ) => last_year(denominator),
        (Rule::Breakdown { parts, .. }, AnswerField::Part(i)) => parts
            .get(i)
            .map_or_else(|| format!("Часть {}", i + 1), |p| quoted(p)),
        (Rule::Count { label, .. } | Rule::Percent { label, .. }, _) => quoted(label),
        (_, AnswerField::RowName(row)) => format!("Строка {}, название", row + 1),
        (Rule::List { columns, .. }, AnswerField::Cell { row, column }) => {
            match columns.get(column) {
                Some(c) => format!("Строка {}, {}", row + 1, quoted(&c.label)),
                None => format!("Строка {}", row + 1),
            }
        }
        (_, AnswerField::Evidence) => "Ссылки".to_owned(),
        (_, AnswerField::Comment) => "Комментарий".to_owned(),
        _ => "Ответ".to_owned(),
    }
}

/// Each error of a row, after the field it stands under:
/// «Строка 1, «из них ОВЗ»: Больше, чем «Участники».».
pub fn named_errors(indicator: &Indicator, result: &IndicatorResult) -> Vec<String> {
    (result.errors.iter())
        .map(|(field, e)| match e {
            FieldError::Link { .. } => format!("Ссылки, {}", lower_first(&e.to_string())),
            // Away from the narrow column, the column is named whole.
            FieldError::AboveColumn { label, whole, .. } => format!(
                "{}: больше, чем {} ({}).",
                field_name(indicator, *field),
                quoted(label),
                group_digits(*whole)
            ),
            // The same for a share's part: «это число … (во втором поле)»
            // was written for the field itself (an audit).
            FieldError::Number(
                NumberError::NumeratorAboveDenominator { whole }
                | NumberError::PrevNumeratorAbove { whole },
            ) => {
                let of = match field {
                    AnswerField::PrevNumerator => AnswerField::PrevDenominator,
                    _ => AnswerField::Denominator,
                };
                format!(
                    "{}: больше, чем {} ({}).",
                    field_name(indicator, *field),
                    field_name(indicator, of),
                    group_digits(*whole)
                )
            }
            // After the field's name a message goes on in lower case.
            e => format!(
                "{}: {}",
                field_name(indicator, *field),
                lower_first(&e.to_string())
            ),
        })
        .collect()
}

/// Why a share of an empty group («0 из 0») counts nothing. An indicator
/// for some schools only (a level, ОВЗ) that the profile keeps applies to
/// this school, so an empty group there is more likely a number left at 0:
/// said, for the school and for the reviewer alike.
pub fn empty_group_note(indicator: &Indicator) -> &'static str {
    match (
        indicator.points,
        indicator.applies == Applicability::default(),
    ) {
        (0, true) => "В группе нет ни одного человека: к школе показатель не относится.",
        (_, true) => "В группе нет ни одного человека: показатель не входит в максимум.",
        (0, false) => {
            "В группе нет ни одного человека, и показатель не учитывается, хотя по профилю \
             школы он к ней относится: проверьте общее число."
        }
        (_, false) => {
            "В группе нет ни одного человека: показатель не входит в максимум, хотя по \
             профилю школы он к ней относится. Проверьте общее число."
        }
    }
}

/// `card_scores`: the card gives points at all; on one that gives none,
/// every row would repeat that it gives none, which the card says once.
pub fn explain(
    indicator: &Indicator,
    result: &IndicatorResult,
    card_scores: bool,
) -> RowExplanation {
    let of_max = |p: u32| format!("{} из {}", points(p.into()), indicator.points);
    let (status, points_text, share, note) = match &result.outcome {
        Outcome::NotApplicable(why) => (
            RowStatus::NotApplicable,
            "не применимо".to_owned(),
            match why {
                NotApplicable::NoLastYear {
                    numerator,
                    denominator,
                    ..
                } => Some(percent(*numerator, *denominator)),
                _ => None,
            },
            // A maximum is spoken of only where the indicator has points.
            match why {
                NotApplicable::Profile if indicator.points == 0 => {
                    "Не относится к школе с таким профилем."
                }
                NotApplicable::Profile => {
                    "Не относится к школе с таким профилем и не входит в максимум."
                }
                NotApplicable::EmptyGroup => empty_group_note(indicator),
                NotApplicable::NoLastYear {
                    was_empty: false, ..
                } => {
                    "Нет данных за прошлый год: рост не с чем сравнить, показатель не входит \
                     в максимум. Укажите значения прошлого года."
                }
                NotApplicable::NoLastYear {
                    was_empty: true, ..
                } => {
                    "В прошлом году в группе никого не было (0 из 0): рост не с чем сравнить, \
                     показатель в этом году не входит в максимум."
                }
            }
            .to_owned(),
        ),
        Outcome::Unanswered => (
            RowStatus::Unanswered,
            "не заполнено".to_owned(),
            None,
            "Показатель ещё не заполнен.".to_owned(),
        ),
        Outcome::Invalid => (
            RowStatus::Invalid,
            "не учитывается".to_owned(),
            None,
            "Исправьте отмеченные поля: пока в них ошибка, показатель не учитывается.".to_owned(),
        ),
        Outcome::Scored { points: p, detail } => {
            let (share, note) = describe(&indicator.rule, detail, indicator.points > 0);
            if indicator.points == 0 {
                // On a card without points every row is so: «без баллов»
                // beside an answer did not say it was taken (a walk-through).
                let taken = if card_scores {
                    "без баллов"
                } else {
                    "заполнено"
                };
                (
                    RowStatus::Informational,
                    taken.to_owned(),
                    share,
                    if card_scores {
                        join(
                            &note,
                            "Показатель информационный: собирается и сводится, баллов не даёт.",
                        )
                    } else {
                        note
                    },
                )
            } else if *p >= indicator.points {
                (RowStatus::Earned, of_max(*p), share, note)
            // A lower band: «1 балл из 2», and the next band's shortfall.
            } else {
                (RowStatus::Missed, of_max(*p), share, note)
            }
        }
    };
    RowExplanation {
        status,
        points: points_text,
        share,
        note,
    }
}

fn join(first: &str, second: &str) -> String {
    match (first.is_empty(), second.is_empty()) {
        (true, _) => second.to_owned(),
        (_, true) => first.to_owned(),
        _ => format!("{first} {second}"),
    }
}

/// The share and the note of a scored row; `scored` when the row gives points.
fn describe(rule: &Rule, detail: &Detail, scored: bool) -> (Option<String>, String) {
    let people = |n: u64| format!("{} чел.", group_digits(n));
    let no_point = if scored {
        ": балл не начисляется."
    } else {
        "."
    };
    match (rule, detail) {
        (
            _,
            Detail::Share {
                numerator,
                denominator,
                shortfall,
                growth,
            },
        ) => {
            let target = rule.share_target();
            let threshold = target.and_then(|t| t.threshold_percent);
            let banded = target.is_some_and(|t| !t.bands.is_empty());
            let minimum = match (shortfall, threshold) {
                (None, _) if *denominator == 0 => format!("В группе никого нет{no_point}"),
                (Some(0), Some(t)) => format!("Порог не менее {t}\u{A0}% достигнут."),
                (Some(k), Some(t)) => format!("До порога {t}\u{A0}% не хватает {}", people(*k)),
                (Some(0), None) if banded => "Достигнута верхняя ступень.".to_owned(),
                (Some(k), None) if banded => {
                    format!("До следующей ступени не хватает {}", people(*k))
                }
                (None, None) if banded => "Достигнута верхняя ступень.".to_owned(),
                _ => String::new(),
            };
            let growth = match growth {
                Growth::NotAsked => String::new(),
                Growth::NoLastYear { was_empty: false } => {
                    "Нет данных за прошлый год: динамика не оценивается.".to_owned()
                }
                Growth::NoLastYear { was_empty: true } => {
                    "В прошлом году в группе никого не было: динамика не оценивается.".to_owned()
                }
                Growth::Known {
                    numerator: n0,
                    denominator: d0,
                    met,
                } => {
                    let was = percent(*n0, *d0);
                    let verdict = if *met && numerator == denominator && n0 == d0 {
                        "100\u{A0}% удержаны — это засчитывается как положительная динамика"
                            .to_owned()
                    } else if *met {
                        "положительная динамика".to_owned()
                    } else {
                        // How many more make growth: the threshold's
                        // shortfall alone read as all the school had to
                        // do where last year's share was above it (an
                        // audit). From 100 % growth is holding it.
                        let aim = match n0 == d0 {
                            true => "чтобы удержать 100\u{A0}%",
                            false => "чтобы превысить прошлогоднюю долю",
                        };
                        match judge::growth_shortfall((*numerator, *denominator), (*n0, *d0)) {
                            Some(k) => format!("роста нет; {aim}, не хватает {}", people(k)),
                            None => "роста нет".to_owned(),
                        }
                    };
                    // Alike in tenths, the shares are told apart: «33,3 %»
                    // twice beside «положительная динамика» reads as a slip.
                    match percents_apart((*numerator, *denominator), (*n0, *d0)) {
                        Some((now, was)) => with_stop(&format!(
                            "В прошлом году {was} ({n0} из {d0}), в этом году {now}: {verdict}"
                        )),
                        None => {
                            with_stop(&format!("В прошлом году {was} ({n0} из {d0}): {verdict}"))
                        }
                    }
                }
            };
            let share = match shortfall {
                // A band's next step is not known here: any whole percent.
                Some(k) if *k > 0 => {
                    percent_short_of_target(*numerator, *denominator, threshold.filter(|_| !banded))
                }
                _ => percent(*numerator, *denominator),
            };
            (Some(share), join(&minimum, &growth))
        }
        (_, Detail::Fact(true)) => (None, "Отмечено «Да».".to_owned()),
        (_, Detail::Fact(false)) => (None, format!("Отмечено «Нет»{no_point}")),
        (Rule::Count { min: Some(min), .. }, Detail::Count { shortfall, .. }) => {
            let note = if *shortfall == 0 {
                format!("Требование «не менее {}» выполнено.", group_digits(*min))
            } else {
                format!(
                    "До требования «не менее {}» не хватает {}.",
                    group_digits(*min),
                    group_digits(*shortfall)
                )
            };
            (None, note)
        }
        (
            Rule::Percent {
                min_tenths: Some(min),
                ..
            },
            Detail::Percent { shortfall, .. },
        ) => {
            let min = tenths_percent((*min).into());
            let note = if *shortfall == 0 {
                format!("Уровень не ниже {min} достигнут.")
            } else {
                format!(
                    "До уровня {min} не хватает {}\u{A0}п.\u{A0}п.",
                    tenths((*shortfall).into(), ',')
                )
            };
            (None, note)
        }
        (
            Rule::List {
                min: Some(min),
                columns,
                ..
            },
            Detail::List {
                measured: Some(sum),
                shortfall,
                ..
            },
        ) => {
            let column = min.in_total(columns);
            let note = if *shortfall == 0 {
                format!(
                    "{column} {}: не менее {} — выполнено.",
                    group_digits(*sum),
                    group_digits(min.value)
                )
            } else {
                format!(
                    "{column} {}: до {} не хватает {}.",
                    group_digits(*sum),
                    group_digits(min.value),
                    group_digits(*shortfall)
                )
            };
            (None, note)
        }
        (_, Detail::List { rows: 0, .. }) => (None, NO_ROWS.to_owned()),
        (_, Detail::List { rows, .. }) => {
            (None, format!("В списке {}.", rows_text(u64::from(*rows))))
        }
        _ => (None, String::new()),
    }
}

/// The card's headline figures, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalExplanation {
    /// "15 из 23"
    pub total: String,
    /// The word after the total, in the genitive its maximum asks:
    /// «из 21 балла», «из 23 баллов».
    pub points_word: &'static str,
    /// "65,2 %"
    pub percent: String,
    pub level: Option<Level>,
    /// "высокая — от 19 баллов, средняя — от 14, низкая — 13 и менее"; empty when
    /// the card has no level bands.
    pub bands: String,
    /// «Не заполнено: 8 показателей», empty when all done; the page ends
    /// it, after `unanswered_codes` when there are any.
    pub unanswered: String,
    /// The unanswered indicators, named while there are few (a school
    /// walk-through's head, told «Не заполнено: 1 показатель», looked for
    /// which; at the start, all 23 would only be noise).
    pub unanswered_codes: Vec<String>,
    /// «С ошибками (не учитываются): 2 показателя», empty when none; the
    /// page follows it with `invalid_codes`, each a link to its error.
    pub invalid: String,
    pub invalid_codes: Vec<String>,
    /// «пока заполнено не всё», «пока есть ошибки» or both: said beside a
    /// level that will still change, each for what is left to do. A
    /// walk-through's head, told «пока заполнено не всё» of one error,
    /// looked for an empty field there was not.
    pub level_so_far: Option<&'static str>,
    /// «Показатель 1.2 не вошёл в максимум: нет данных прошлого года.»:
    /// leaving last year blank lifts the percentage, which the total alone
    /// does not tell; empty when none.
    pub no_last_year: String,
    /// "Заполнено показателей: 12 из 19" (of those that apply), for a card
    /// without points, where completeness is the headline.
    pub filled: String,
}

/// Up to how many unanswered indicators the summary names.
const UNANSWERED_NAMED: u32 = 5;

pub fn explain_total(card: &Card, a: &Assessment) -> TotalExplanation {
    let indicators = |n: u32| {
        format!(
            "{n} {}",
            plural(n.into(), "показатель", "показателя", "показателей")
        )
    };
    // Out by the profile, or each for its own reason (an empty group), as
    // a criterion says it ([`Assessment::out_of_maximum`]).
    let by_profile = (a.indicators.iter())
        .filter(|r| !r.outcome.applies())
        .all(|r| r.outcome == Outcome::NotApplicable(NotApplicable::Profile));
    let bands = match card.levels {
        _ if card.has_points() && a.max_applicable == 0 && by_profile => {
            "Ни один показатель с баллами не применим к школе с таким профилем.".to_owned()
        }
        _ if card.has_points() && a.max_applicable == 0 => {
            "Ни один показатель с баллами не учитывается (почему — сказано у показателей)."
                .to_owned()
        }
        Some(rule) => {
            let (high, medium) = rule.thresholds(a.max_applicable);
            format!(
                "высокая — от {high} {}, средняя — от {medium}, низкая — {} и менее",
                plural(high.into(), "балла", "баллов", "баллов"),
                medium.saturating_sub(1)
            )
        }
        None => String::new(),
    };
    let applicable = a.indicators.iter().filter(|r| r.outcome.applies()).count() as u32;
    // A card with nothing counted yet has no level, not «низкая»: its
    // answers are all missing or all waiting to be put right.
    let level = a.level.filter(|_| a.unanswered + a.invalid < applicable);
    TotalExplanation {
        // «0 из 0» would read as nothing filled in (a walk-through's
        // Ижевск card, its only share answered «0 из 0»).
        filled: match applicable {
            0 if !a.indicators.is_empty() => "Ни один показатель не относится к школе: по её \
                                               профилю или по ответам «0 из 0»."
                .to_owned(),
            _ => format!(
                "Заполнено показателей: {} из {applicable}",
                applicable.saturating_sub(a.unanswered + a.invalid)
            ),
        },
        total: format!("{} из {}", a.total, a.max_applicable),
        points_word: plural(a.max_applicable.into(), "балла", "баллов", "баллов"),
        percent: percent(a.total.into(), a.max_applicable.into()),
        level,
        bands,
        unanswered: match a.unanswered {
            0 => String::new(),
            n => format!("Не заполнено: {}", indicators(n)),
        },
        unanswered_codes: match a.unanswered {
            1..=UNANSWERED_NAMED => (a.indicators.iter())
                .filter(|r| r.outcome == Outcome::Unanswered)
                .map(|r| r.code.clone())
                .collect(),
            _ => Vec::new(),
        },
        invalid: match a.invalid {
            0 => String::new(),
            n => format!("С ошибками (не учитываются): {}", indicators(n)),
        },
        // Named: they are the ones to go back to, and seldom many.
        invalid_codes: (a.indicators.iter())
            .filter(|r| r.outcome == Outcome::Invalid)
            .map(|r| r.code.clone())
            .collect(),
        level_so_far: match (a.unanswered > 0, a.invalid > 0) {
            _ if level.is_none() => None,
            (true, false) => Some("пока заполнено не всё"),
            (false, true) => Some("пока есть ошибки"),
            (true, true) => Some("пока заполнено не всё и есть ошибки"),
            (false, false) => None,
        },
        no_last_year: match a.without_last_year().as_slice() {
            [] => String::new(),
            [one] => format!("Показатель {one} не вошёл в максимум: нет данных прошлого года."),
            many => format!(
                "Показатели {} не вошли в максимум: нет данных прошлого года.",
                many.join(", ")
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::draft::{Draft, RawAnswer};
    use crate::school::profile::SchoolProfile;
    use crate::scoring::{assess, assess_indicator};
    use crate::testkit::share;

    /// Away from the form, each error names its field: a list's row and
    /// column (whole), the links' line, a share's part.
    #[test]
    fn errors_name_their_fields() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let list = crate::testkit::of_kind(&nv, "list");
        let answer = RawAnswer {
            rows: vec![crate::school::draft::ListRow {
                name: "Ярмарка".into(),
                values: vec!["10".into(), "12".into(), "0".into()],
            }],
            evidence: "https://gymn9".into(),
            ..RawAnswer::default()
        };
        let result = assess_indicator(list, &SchoolProfile::default(), Some(&answer));
        assert_eq!(
            named_errors(list, &result),
            [
                "Строка 1, «в том числе детей с ОВЗ и детей-инвалидов»: больше, чем «Общая \
                 численность детей, вовлеченных в мероприятие» (10).",
                "Ссылки, строка 1: в адресе сайта нет точки (например, school7.ru): такую \
                 страницу отдел образования не откроет."
            ]
        );
        let card = crate::testkit::card();
        let share_row = card.indicator("1.1").unwrap();
        let result = assess_indicator(
            share_row,
            &SchoolProfile::default(),
            Some(&share("12", "10")),
        );
        let named = named_errors(share_row, &result);
        let numerator = match &share_row.rule {
            Rule::Share { numerator, .. } => numerator.clone(),
            _ => unreachable!("1.1 is a share"),
        };
        let denominator = match &share_row.rule {
            Rule::Share { denominator, .. } => denominator.clone(),
            _ => unreachable!("1.1 is a share"),
        };
        assert_eq!(
            named,
            [format!("«{numerator}»: больше, чем «{denominator}» (10).")]
        );
        // Last year's the same (Ленинск-Кузнецкий's 5.2, a growth target),
        // and any other message in lower case.
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let growth = lk.indicator("5.2").unwrap();
        let mut typed = share("1", "10");
        (typed.prev_numerator, typed.prev_denominator) = ("7".into(), "5".into());
        let result = assess_indicator(growth, &SchoolProfile::default(), Some(&typed));
        assert_eq!(
            named_errors(growth, &result),
            [
                "«Обучающиеся с ОВЗ и инвалиды, поступившие в ПОО» за прошлый год: больше, чем \
              «Всего обучающихся с ОВЗ и инвалидов» за прошлый год (5)."
            ]
        );
        let result = assess_indicator(
            share_row,
            &SchoolProfile::default(),
            Some(&share("1,5", "10")),
        );
        assert_eq!(
            named_errors(share_row, &result),
            [format!(
                "«{numerator}»: введите целое число без дробной части и букв."
            )]
        );
    }

    /// `indicator` (a share) assessed with `n` of `d` typed.
    fn share_result(indicator: &Indicator, n: &str, d: &str) -> IndicatorResult {
        assess_indicator(indicator, &SchoolProfile::default(), Some(&share(n, d)))
    }

    fn row(code: &str, answer: RawAnswer) -> RowExplanation {
        let card = crate::testkit::card();
        let indicator = card.indicator(code).unwrap();
        let result = assess_indicator(indicator, &SchoolProfile::default(), Some(&answer));
        explain(indicator, &result, true)
    }

    #[test]
    fn a_pair_half_typed_reads_as_not_filled_in_while_the_school_is_in_the_row() {
        let card = crate::testkit::card();
        let indicator = card.indicator("1.1").unwrap();
        let result = |n: &str, d: &str| share_result(indicator, n, d);
        let half = result("25", "");
        assert_eq!(explain(indicator, &half, true).status, RowStatus::Invalid);
        let typing = half.while_typing(Some(AnswerField::Denominator));
        assert_eq!(typing.errors, []);
        assert_eq!(explain(indicator, &typing, true).points, "не заполнено");
        // Both numbers: shown as they are. Another mistake is said, the
        // empty whole not asked for yet.
        for (n, d) in [("25", "100"), ("120", "100")] {
            assert_eq!(result(n, d).while_typing(None), result(n, d), "{n} / {d}");
        }
        let slip = result("2,5", "").while_typing(None);
        assert_eq!(slip.outcome, Outcome::Invalid);
        assert_eq!(
            slip.errors,
            [(
                AnswerField::Numerator,
                crate::error::FieldError::Number(crate::error::NumberError::NotInteger)
            )]
        );
        // 60 typed, then «200» on its way in the whole: «2» is not yet a
        // mistake. In the part, more digits only make it larger: said.
        let on_the_way = result("60", "2");
        let typing = on_the_way.while_typing(Some(AnswerField::Denominator));
        assert_eq!(explain(indicator, &typing, true).points, "не заполнено");
        assert_eq!(
            on_the_way.while_typing(Some(AnswerField::Numerator)),
            on_the_way
        );
        assert_eq!(
            on_the_way.while_typing(Some(AnswerField::PrevDenominator)),
            on_the_way
        );
    }

    /// An answer taken on a card without points says so; an informational
    /// row of a card with points says it gives none.
    #[test]
    fn an_answer_without_points_reads_as_taken() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let count = crate::testkit::of_kind(&nv, "count");
        let answer = RawAnswer {
            count: "3".into(),
            ..RawAnswer::default()
        };
        let result = assess_indicator(count, &SchoolProfile::default(), Some(&answer));
        assert_eq!(explain(count, &result, false).points, "заполнено");
        assert_eq!(explain(count, &result, true).points, "без баллов");
    }

    /// Seed 004's list: the row the focus is in is on its way; a row
    /// left with an empty cell is said once the focus is in another.
    #[test]
    fn a_list_row_left_unfinished_is_said_while_another_is_typed() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let list = crate::testkit::of_kind(&nv, "list");
        let answer = RawAnswer {
            rows: vec![
                crate::school::draft::ListRow {
                    name: "Квест".into(),
                    values: vec!["".into(), "3".into(), "".into()],
                },
                crate::school::draft::ListRow {
                    name: "Ярмарка".into(),
                    values: vec!["40".into(), "".into(), "".into()],
                },
            ],
            ..RawAnswer::default()
        };
        let result = assess_indicator(list, &SchoolProfile::default(), Some(&answer));
        let in_row = |r: usize| result.while_typing(Some(AnswerField::Cell { row: r, column: 1 }));
        // In row 2, row 1's empty cells are said; row 2's wait.
        let shown = in_row(1);
        assert_eq!(shown.outcome, Outcome::Invalid);
        assert!(shown.errors.iter().all(|(f, _)| f.list_row() == Some(0)));
        assert_eq!(shown.errors.len(), 2);
        // Out of every row (on «Добавить строку»), all of them.
        assert_eq!(result.while_typing(None), result);
        // A single unfinished row, the focus in it: on its way.
        let one = RawAnswer {
            rows: answer.rows[1..].to_vec(),
            ..RawAnswer::default()
        };
        let one = assess_indicator(list, &SchoolProfile::default(), Some(&one));
        let typing = one.while_typing(Some(AnswerField::RowName(0)));
        assert_eq!(explain(list, &typing, true).points, "не заполнено");
        // Numbers typed before the name, the focus still in the row: the
        // name is next, not yet a mistake.
        let unnamed = RawAnswer {
            rows: vec![crate::school::draft::ListRow {
                name: String::new(),
                values: vec!["3".into(), String::new(), String::new()],
            }],
            ..RawAnswer::default()
        };
        let unnamed = assess_indicator(list, &SchoolProfile::default(), Some(&unnamed));
        assert!(unnamed
            .errors
            .iter()
            .any(|(_, e)| *e == FieldError::RowName));
        let typing = unnamed.while_typing(Some(AnswerField::Cell { row: 0, column: 0 }));
        assert_eq!(explain(list, &typing, true).points, "не заполнено");
    }

    /// Said once the field is left, not on the way there (a walk-through):
    /// «1 2» on the way to «1 200», and in a list's row, the participants'
    /// «1» on the way to «150» under «в том числе» 15 and 3. A part typed
    /// above its whole is said at once, as in a share.
    #[test]
    fn a_number_on_its_way_is_not_yet_a_mistake() {
        let card = crate::testkit::card();
        let indicator = card.indicator("1.1").unwrap();
        let result = |n: &str, d: &str| share_result(indicator, n, d);
        let spaced = result("60", "1 2");
        assert_eq!(spaced.outcome, Outcome::Invalid);
        let typing = spaced.while_typing(Some(AnswerField::Denominator));
        assert_eq!(explain(indicator, &typing, true).points, "не заполнено");
        assert_eq!(typing.errors, []);
        // Left, or typed in the other field: said.
        assert_eq!(spaced.while_typing(None), spaced);
        assert_eq!(spaced.while_typing(Some(AnswerField::Numerator)), spaced);

        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let list = crate::testkit::of_kind(&nv, "list");
        let row = |values: [&str; 3]| RawAnswer {
            rows: vec![crate::school::draft::ListRow {
                name: "Ярмарка".into(),
                values: values.map(str::to_owned).to_vec(),
            }],
            ..RawAnswer::default()
        };
        let assessed =
            |values| assess_indicator(list, &SchoolProfile::default(), Some(&row(values)));
        let whole = assessed(["1", "15", "3"]);
        let cell = |column| Some(AnswerField::Cell { row: 0, column });
        assert_eq!(whole.errors.len(), 2, "{:?}", whole.errors);
        let typing = whole.while_typing(cell(0));
        assert_eq!(typing.errors, []);
        assert_eq!(explain(list, &typing, true).points, "не заполнено");
        assert_eq!(whole.while_typing(None), whole);
        // The part typed above the whole: said at once, and once left for
        // the row's next cell.
        let part = assessed(["10", "12", "3"]);
        assert_eq!(part.while_typing(cell(1)), part);
        assert_eq!(part.while_typing(cell(2)), part);
    }

    /// Seed 002's 1.1 and 1.2 are judged on growth: typed without last
    /// year, they leave the maximum, and the summary says which.
    #[test]
    fn the_summary_names_rows_out_of_the_maximum_for_want_of_last_year() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut draft = Draft::default();
        draft.answers.insert("1.1".into(), share("300", "450"));
        draft.answers.insert("1.2".into(), share("20", "60"));
        assert_eq!(
            explain_total(&lk, &assess(&lk, &draft)).no_last_year,
            "Показатели 1.1, 1.2 не вошли в максимум: нет данных прошлого года."
        );
        let mut both = share("20", "60");
        both.prev_numerator = "25".into();
        both.prev_denominator = "60".into();
        draft.answers.insert("1.2".into(), both);
        assert_eq!(
            explain_total(&lk, &assess(&lk, &draft)).no_last_year,
            "Показатель 1.1 не вошёл в максимум: нет данных прошлого года."
        );
        assert_eq!(
            explain_total(&lk, &assess(&lk, &Draft::default())).no_last_year,
            ""
        );
    }

    #[test]
    fn a_share_one_person_short_of_the_threshold_does_not_read_as_met() {
        // 1.3: не менее 70 %. 1 399 of 1 999 is 69,98 %: one person short.
        let r = row("1.3", share("1399", "1999"));
        assert_eq!(r.points, "0 баллов из 1");
        assert_eq!(r.share.as_deref(), Some("69,98\u{A0}%"));
        assert_eq!(r.note, "До порога 70\u{A0}% не хватает 1 чел.");
        let r = row("1.3", share("1400", "1999"));
        assert_eq!(r.share.as_deref(), Some("70,0\u{A0}%"));
    }

    #[test]
    fn typed_numbers_make_a_share_when_they_can() {
        assert_eq!(
            typed_share(&share("12", "40")).as_deref(),
            Some("30,0\u{A0}%")
        );
        for (n, d) in [("12", ""), ("50", "40"), ("0", "0"), ("1,5", "4"), ("", "")] {
            assert_eq!(typed_share(&share(n, d)), None, "{n} / {d}");
        }
    }

    #[test]
    fn share_rows_say_what_is_missing() {
        let r = row("1.2", share("40", "100"));
        assert_eq!(r.status, RowStatus::Missed);
        assert_eq!(r.points, "0 баллов из 1");
        assert_eq!(r.share.as_deref(), Some("40,0\u{A0}%"));
        assert_eq!(r.note, "До порога 50\u{A0}% не хватает 10 чел.");

        let r = row("1.2", share("50", "100"));
        assert_eq!(r.status, RowStatus::Earned);
        assert_eq!(r.points, "1 балл из 1");
        assert_eq!(r.note, "Порог не менее 50\u{A0}% достигнут.");
    }

    /// A fact's row says the answer chosen, as the choice names it.
    #[test]
    fn fact_rows_name_the_answer() {
        let r = row("1.8", crate::testkit::fact(true));
        assert_eq!(
            (r.status, r.note.as_str()),
            (RowStatus::Earned, "Отмечено «Да».")
        );
        let r = row("1.8", crate::testkit::fact(false));
        assert_eq!(
            (r.status, r.note.as_str()),
            (RowStatus::Missed, "Отмечено «Нет»: балл не начисляется.")
        );
    }

    #[test]
    fn empty_groups_follow_the_card() {
        assert_eq!(row("1.1", share("0", "0")).status, RowStatus::Missed);
        assert_eq!(row("7.1", share("0", "0")).status, RowStatus::NotApplicable);
    }

    #[test]
    fn unanswered_and_invalid_rows() {
        assert_eq!(
            row("1.6", RawAnswer::default()).status,
            RowStatus::Unanswered
        );
        let r = row("1.1", share("12", "10"));
        assert_eq!(r.status, RowStatus::Invalid);
        assert_eq!(r.points, "не учитывается");
    }

    /// The default card cut to its criterion 7 (7.1, of ООО and СОО, an
    /// empty group «не применим»): a primary school's profile keeps it
    /// out, and the total says so; 7.1 typed 0 of 0 is not the profile's
    /// doing (a review).
    #[test]
    fn a_maximum_of_nothing_names_the_profile_only_when_it_is_the_reason() {
        let mut card = crate::testkit::card();
        for direction in &mut card.directions {
            direction.criteria.retain(|c| c.code == "7");
        }
        card.directions.retain(|d| !d.criteria.is_empty());
        card.recount();
        let mut primary = Draft::default();
        primary.profile.levels = vec![crate::school::profile::SchoolLevel::Noo];
        assert_eq!(
            explain_total(&card, &assess(&card, &primary)).bands,
            "Ни один показатель с баллами не применим к школе с таким профилем."
        );
        let mut empty = Draft::default();
        empty
            .answers
            .insert("7.1".into(), crate::testkit::share("0", "0"));
        assert_eq!(
            explain_total(&card, &assess(&card, &empty)).bands,
            "Ни один показатель с баллами не учитывается (почему — сказано у показателей)."
        );
    }

    /// A card whose only indicator the school's «0 из 0» took out says
    /// so, not «Заполнено показателей: 0 из 0».
    #[test]
    fn nothing_applicable_is_not_zero_of_zero() {
        let card = crate::card::builtin("izhevsk").unwrap().unwrap();
        let code = card.indicators().next().unwrap().code.clone();
        let mut d = Draft::default();
        d.answers.insert(code, crate::testkit::share("0", "0"));
        let t = explain_total(&card, &assess(&card, &d));
        assert_eq!(
            t.filled,
            "Ни один показатель не относится к школе: по её профилю или по ответам «0 из 0»."
        );
        assert_eq!(
            explain_total(&card, &assess(&card, &Draft::default())).filled,
            "Заполнено показателей: 0 из 1"
        );
    }

    #[test]
    fn total_line_for_the_full_card() {
        let card = crate::testkit::card();
        let a = assess(&card, &Draft::default());
        let t = explain_total(&card, &a);
        assert_eq!(t.total, "0 из 23");
        assert_eq!(
            t.bands,
            "высокая — от 19 баллов, средняя — от 14, низкая — 13 и менее"
        );
        assert_eq!(t.unanswered, "Не заполнено: 23 показателя");
        assert!(t.unanswered_codes.is_empty(), "23 are not named");
        assert_eq!(t.filled, "Заполнено показателей: 0 из 23");
        assert_eq!(t.invalid, "");
        assert_eq!(t.points_word, "баллов");
        assert_eq!(t.level, None, "not started: no level yet");
        let mut started = Draft::default();
        started.answers.entry("1.8".into()).or_default().fact = Some(false);
        let t = explain_total(&card, &assess(&card, &started));
        assert_eq!((t.total.as_str(), t.level), ("0 из 23", Some(Level::Low)));
    }

    /// How many more make growth, by hand: 137 of 637 is 21,51 %; of 665,
    /// 143 is 21,50 % and 144 is 21,65 %, so 44 more than 100. An equal
    /// share is not growth (31 of 100 is above 15 of 50); 100 % is held.
    #[test]
    fn growth_names_how_many_more_it_needs() {
        assert_eq!(judge::growth_shortfall((100, 665), (137, 637)), Some(44));
        assert_eq!(judge::growth_shortfall((30, 100), (15, 50)), Some(1));
        assert_eq!(judge::growth_shortfall((75, 80), (75, 75)), Some(5));
        assert_eq!(judge::growth_shortfall((144, 665), (137, 637)), None);
        assert_eq!(judge::growth_shortfall((5, 10), (0, 0)), None);
        // As the row says it: from 100 % growth is holding it.
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let note = |n: &str, d: &str, n0: &str, d0: &str| {
            let mut answer = share(n, d);
            answer.prev_numerator = n0.into();
            answer.prev_denominator = d0.into();
            let indicator = lk.indicator("1.1").unwrap();
            let result = assess_indicator(indicator, &SchoolProfile::default(), Some(&answer));
            explain(indicator, &result, true).note
        };
        assert!(
            note("75", "80", "75", "75").ends_with(
                "В прошлом году 100,0\u{A0}% (75 из 75): роста нет; чтобы удержать 100\u{A0}%, не \
                 хватает 5 чел."
            ),
            "{}",
            note("75", "80", "75", "75")
        );
        assert!(note("30", "100", "40", "100")
            .ends_with("роста нет; чтобы превысить прошлогоднюю долю, не хватает 11 чел."));
    }

    #[test]
    fn only_invalid_answers_give_no_level_yet() {
        let card = crate::testkit::card();
        let mut draft = Draft::default();
        let typed = draft.answers.entry("1.1".into()).or_default();
        typed.numerator = "12".into();
        typed.denominator = "10".into();
        let t = explain_total(&card, &assess(&card, &draft));
        assert_eq!(t.invalid, "С ошибками (не учитываются): 1 показатель");
        assert_eq!(t.invalid_codes, ["1.1"]);
        assert_eq!(t.level, None, "nothing counted: no level yet");
        assert_eq!(t.level_so_far, None);
        draft.answers.entry("1.8".into()).or_default().fact = Some(false);
        let t = explain_total(&card, &assess(&card, &draft));
        assert_eq!(t.level, Some(Level::Low), "one counted answer: a level");
        assert_eq!(t.level_so_far, Some("пока заполнено не всё и есть ошибки"));
        // Everything answered, one with an error: nothing is left blank.
        for i in card.indicators().filter(|i| i.code != "1.1") {
            let typed = draft.answers.entry(i.code.clone()).or_default();
            if typed.fact.is_none() && typed.numerator.is_empty() {
                *typed = match i.rule {
                    Rule::Share { .. } => crate::testkit::share("10", "20"),
                    _ => crate::testkit::fact(true),
                };
            }
        }
        let t = explain_total(&card, &assess(&card, &draft));
        assert_eq!(t.unanswered, "");
        assert_eq!(t.level_so_far, Some("пока есть ошибки"));
        // A few left blank are named, in the card's order.
        for code in ["4.3", "1.2"] {
            draft.answers.remove(code);
        }
        let t = explain_total(&card, &assess(&card, &draft));
        assert_eq!(
            (t.unanswered.as_str(), t.unanswered_codes),
            (
                "Не заполнено: 2 показателя",
                vec!["1.2".to_owned(), "4.3".to_owned()]
            )
        );
    }

    #[test]
    fn the_word_after_the_maximum_agrees_with_it() {
        let card = crate::testkit::card();
        let mut a = assess(&card, &Draft::default());
        for (max, word) in [(21, "балла"), (11, "баллов"), (31, "балла"), (22, "баллов")]
        {
            a.max_applicable = max;
            assert_eq!(explain_total(&card, &a).points_word, word, "из {max}");
        }
    }
}
