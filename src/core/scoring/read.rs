//! Typed text becomes trusted values, or errors on the fields that are
//! wrong. Nothing here guesses: an empty field is "not answered", a wrong one
//! is named, and a row with any wrong field yields no value at all.

use crate::card::{ListColumn, Rule};
use crate::error::{FieldError, NumberError};
use crate::school::draft::{AnswerField, RawAnswer};
use crate::school::input::{parse_number, parse_percent};

/// A row's answer once its fields passed their checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value {
    /// A share, or a breakdown's total; last year's share when the rule
    /// asks for it and it is given.
    Share {
        numerator: u64,
        denominator: u64,
        last_year: Option<(u64, u64)>,
    },
    Fact(bool),
    Count(u64),
    Percent(u32),
    /// The rows typed and the sum of the measured column.
    List {
        rows: u32,
        measured: Option<u64>,
    },
}

type Errors = Vec<(AnswerField, FieldError)>;

/// The number in `field`; `None` when empty or wrong (then with an error).
fn number(answer: &RawAnswer, field: AnswerField, errors: &mut Errors) -> Option<u64> {
    parse_number(answer.text(field))
        .map_err(|e| errors.push((field, FieldError::Number(e))))
        .ok()
        .flatten()
}

/// As [`number`], and empty is an error too: the field must be filled.
fn required(answer: &RawAnswer, field: AnswerField, errors: &mut Errors) -> Option<u64> {
    let value = number(answer, field, errors);
    if answer.text(field).trim().is_empty() {
        errors.push(missing(field));
    }
    value
}

/// The error of an empty field that must be filled.
fn missing(field: AnswerField) -> (AnswerField, FieldError) {
    let error = match field {
        AnswerField::Denominator | AnswerField::PrevDenominator => NumberError::MissingWhole,
        _ => NumberError::Missing,
    };
    (field, FieldError::Number(error))
}

/// Reads the fields the rule needs; pushes an error for every bad one.
/// `None` means nothing usable was typed (or something was wrong).
pub(super) fn read_value(rule: &Rule, answer: &RawAnswer, errors: &mut Errors) -> Option<Value> {
    let found = errors.len();
    let value = match rule {
        Rule::Fact { .. } => answer.fact.map(Value::Fact),
        Rule::Count { .. } => number(answer, AnswerField::Count, errors).map(Value::Count),
        Rule::Percent { .. } => match parse_percent(&answer.percent) {
            Ok(tenths) => tenths.map(Value::Percent),
            Err(e) => {
                errors.push((AnswerField::Percent, FieldError::Percent(e)));
                None
            }
        },
        Rule::Share { .. } => {
            let pair = pair(
                answer,
                (AnswerField::Numerator, AnswerField::Denominator),
                |whole| NumberError::NumeratorAboveDenominator { whole },
                errors,
            );
            pair.map(|(numerator, denominator)| Value::Share {
                numerator,
                denominator,
                last_year: None,
            })
        }
        Rule::Breakdown { parts, .. } => breakdown(parts.len(), answer, errors),
        Rule::List { columns, min, .. } => {
            let measured = min
                .as_ref()
                .and_then(|m| columns.iter().position(|c| c.key == m.column));
            list(columns, measured, answer, errors)
        }
    };
    let last_year = if rule.asks_last_year() {
        pair(
            answer,
            (AnswerField::PrevNumerator, AnswerField::PrevDenominator),
            |whole| NumberError::PrevNumeratorAbove { whole },
            errors,
        )
    } else {
        None
    };
    if errors.len() > found {
        return None;
    }
    match value {
        Some(Value::Share {
            numerator,
            denominator,
            ..
        }) => Some(Value::Share {
            numerator,
            denominator,
            last_year,
        }),
        other => other,
    }
}

/// Two numbers that go together, the first not above the second. Neither
/// typed is "not answered"; one without the other is an error on the empty one.
fn pair(
    answer: &RawAnswer,
    (first, second): (AnswerField, AnswerField),
    above: fn(u64) -> NumberError,
    errors: &mut Errors,
) -> Option<(u64, u64)> {
    let (a, b) = (
        number(answer, first, errors),
        number(answer, second, errors),
    );
    let typed = |field| !answer.text(field).trim().is_empty();
    match (a, b) {
        (Some(a), Some(b)) if a > b => {
            errors.push((first, FieldError::Number(above(b))));
            None
        }
        (Some(a), Some(b)) => Some((a, b)),
        _ => {
            for (field, other) in [(first, second), (second, first)] {
                if !typed(field) && typed(other) {
                    errors.push(missing(field));
                }
            }
            None
        }
    }
}

/// The parts and the denominator; every part must be typed (0 for none) once
/// anything is, and together they may not exceed the denominator.
fn breakdown(parts: usize, answer: &RawAnswer, errors: &mut Errors) -> Option<Value> {
    let fields: Vec<AnswerField> = (0..parts).map(AnswerField::Part).collect();
    let all = || fields.iter().copied().chain([AnswerField::Denominator]);
    if all().all(|f| answer.text(f).trim().is_empty()) {
        return None;
    }
    // Every field is read, so that every wrong one is named.
    let read: Vec<Option<u64>> = all().map(|f| required(answer, f, errors)).collect();
    let values: Vec<u64> = read.into_iter().collect::<Option<_>>()?;
    let (denominator, parts) = values.split_last()?;
    let sum: u64 = parts.iter().sum();
    if sum > *denominator {
        let error = FieldError::Number(NumberError::PartsAbove { sum });
        errors.push((AnswerField::Denominator, error));
        return None;
    }
    Some(Value::Share {
        numerator: sum,
        denominator: *denominator,
        last_year: None,
    })
}

/// The rows that have anything typed: each needs its name and every number,
/// and a column that is a part of another («из них») is not above it. No
/// rows is an answer only when the school said the list is empty.
fn list(
    columns: &[ListColumn],
    measured: Option<usize>,
    answer: &RawAnswer,
    errors: &mut Errors,
) -> Option<Value> {
    let mut rows = 0u32;
    let mut sum = 0u64;
    for (r, row) in answer.rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        rows += 1;
        if row.name.trim().is_empty() {
            errors.push((AnswerField::RowName(r), FieldError::RowName));
        }
        let cell = |column| AnswerField::Cell { row: r, column };
        let values: Vec<Option<u64>> = (0..columns.len())
            .map(|c| required(answer, cell(c), errors))
            .collect();
        for (c, column) in columns.iter().enumerate() {
            let Some(limit) = &column.at_most else {
                continue;
            };
            let Some(whole_at) = columns.iter().position(|o| &o.key == limit) else {
                continue;
            };
            if let (Some(part), Some(whole)) = (values[c], values[whole_at]) {
                if part > whole {
                    let above = FieldError::AboveColumn {
                        label: columns[whole_at].label.clone(),
                        whole,
                        column: whole_at,
                    };
                    errors.push((cell(c), above));
                }
            }
        }
        if let Some(Some(n)) = measured.map(|m| values[m]) {
            sum += n;
        }
    }
    (rows > 0 || answer.no_rows).then_some(Value::List {
        rows,
        measured: measured.map(|_| sum),
    })
}
