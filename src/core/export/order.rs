//! A table's rows in the order of one of its columns, as a click on the
//! column's header sorts them on screen: a coordinator with a card without
//! points looks for the schools with the lowest share in «Значения по
//! школам», which no rating orders for it.

use std::cmp::Ordering;

use crate::export::Cell;
use crate::text::by_name;

/// The column the rows are in the order of; the first (the rows' names)
/// from A to Я at first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnSort {
    pub column: usize,
    pub descending: bool,
}

impl ColumnSort {
    /// A click on `column`'s header: the same column turns the order
    /// round; another starts with the largest number first (the smallest
    /// is a click away), or from A for words.
    pub fn clicked(self, column: usize, numbers: bool) -> Self {
        match self.column == column {
            true => Self {
                column,
                descending: !self.descending,
            },
            false => Self {
                column,
                descending: numbers,
            },
        }
    }

    /// Whether `column` of `rows` holds numbers (in words or not): a
    /// first click sorts it largest first.
    pub fn numbers(rows: &[Vec<Cell>], column: usize) -> bool {
        (rows.iter()).any(|r| matches!(r.get(column).map(Key::of), Some(Key::Number(..))))
    }

    /// «порядок — по «П-1.1», сначала больше», for the line under the
    /// table that a screen reader hears after a click; `None` in the
    /// first order (by name, from A).
    pub fn describe(self, headers: &[String], numbers: bool) -> Option<String> {
        if self == Self::default() {
            return None;
        }
        let first = match (numbers, self.descending) {
            (true, true) => "сначала больше",
            (true, false) => "сначала меньше",
            (false, true) => "от Я к А",
            (false, false) => "от А к Я",
        };
        let header = headers.get(self.column).map_or("", String::as_str);
        Some(format!("Порядок — по столбцу «{header}», {first}."))
    }

    /// The header's `aria-sort`.
    pub fn aria(self, column: usize) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }

    /// The rows' order: their places in `rows`. Numbers come first, then
    /// words («не применимо»), then empty cells («—»), whichever way the
    /// column goes; each kind in its order.
    pub fn order(self, rows: &[Vec<Cell>]) -> Vec<usize> {
        // Each cell read once, not at every comparison.
        let keys: Vec<Key> = (rows.iter())
            .map(|r| r.get(self.column).map_or(Key::Empty, Key::of))
            .collect();
        let mut places: Vec<usize> = (0..rows.len()).collect();
        places.sort_by(|a, b| {
            let (x, y) = (&keys[*a], &keys[*b]);
            let order = x.cmp_to(y);
            match self.descending && x.same_kind(y) {
                true => order.reverse(),
                false => order,
            }
        });
        places
    }
}

/// What a cell sorts by.
enum Key<'a> {
    /// `numerator / denominator`, compared exactly.
    Number(i128, i128),
    Words(&'a str),
    Empty,
}

impl<'a> Key<'a> {
    fn of(cell: &'a Cell) -> Self {
        match cell {
            Cell::Int(n) => Self::Number((*n).into(), 1),
            Cell::Tenths(t) => Self::Number((*t).into(), 10),
            // ISO dates sort as text in the order of days.
            Cell::Date(iso) => Self::Words(iso),
            Cell::Percent { whole: 0, .. } | Cell::Empty => Self::Empty,
            // In percent, as a share in words reads: «61,3 % (не
            // подтверждено проверкой)» beside a plain 95,8.
            Cell::Percent { part, whole } => {
                Self::Number(i128::from(*part) * 100, i128::from(*whole))
            }
            Cell::Text(text) => {
                number_in(text).map_or(Self::Words(text), |(n, d)| Self::Number(n, d))
            }
        }
    }

    fn same_kind(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    fn cmp_to(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Number(a, b), Self::Number(c, d)) => (a * d).cmp(&(c * b)),
            (Self::Words(a), Self::Words(b)) => by_name(a, b),
            // Numbers before words before nothing.
            (Self::Number(..), _) | (Self::Words(_), Self::Empty) => Ordering::Less,
            (_, Self::Number(..)) | (Self::Empty, Self::Words(_)) => Ordering::Greater,
            (Self::Empty, Self::Empty) => Ordering::Equal,
        }
    }
}

/// The number a cell's words give: a share's percentage in brackets
/// («12 из 40 (30,0 %)» → 30,0, a mark after it or not), else a leading
/// number, thousands apart («1 200 (не подтверждено проверкой)» → 1 200),
/// as a fraction.
fn number_in(text: &str) -> Option<(i128, i128)> {
    let is_space = |c: char| c == ' ' || c == '\u{A0}';
    let read = |s: &str| -> Option<(i128, i128)> {
        let s: String = s.chars().filter(|c| !is_space(*c)).collect();
        let (whole, fraction) = s.split_once(',').unwrap_or((&s, ""));
        if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if !fraction.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let scale = 10i128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
        let digits = format!("{whole}{fraction}");
        Some((digits.parse().ok()?, scale))
    };
    let bracketed = (text.split('(').skip(1))
        .filter_map(|part| part.split(')').next())
        .find_map(|inside| inside.trim().strip_suffix('%'));
    if let Some(number) = bracketed {
        return read(number);
    }
    // A share without its percentage has none: «0 из 0 (по профилю
    // относится: уточните у школы)» is not a zero.
    if text.contains(" из ") {
        return None;
    }
    let lead: String = (text.chars())
        .take_while(|c| c.is_ascii_digit() || is_space(*c) || *c == ',')
        .collect();
    read(lead.trim_end_matches(is_space).trim_end_matches(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rows: &[Vec<Cell>], sort: ColumnSort) -> Vec<String> {
        sort.order(rows)
            .into_iter()
            .map(|i| rows[i][0].text().into_owned())
            .collect()
    }

    #[test]
    fn shares_in_words_sort_by_their_percentage_and_blanks_stay_last() {
        let row = |name: &str, cell: Cell| vec![Cell::Text(name.into()), cell];
        let rows = vec![
            row("СОШ № 10", Cell::Text("5 из 190 (2,6\u{A0}%)".into())),
            row("СОШ № 2", Cell::Text("не применимо".into())),
            row("Лицей № 17", Cell::Text("84 из 86 (97,7\u{A0}%)".into())),
            row("СОШ № 4", Cell::Empty),
            row(
                "ООШ № 28",
                Cell::Text("366 из 366 (100,0\u{A0}%) (не подтверждено проверкой)".into()),
            ),
            row("СОШ № 42", Cell::Text("3 из 180 (1,7\u{A0}%)".into())),
        ];
        let by_share = ColumnSort::default().clicked(1, true);
        assert!(by_share.descending);
        assert_eq!(
            names(&rows, by_share),
            [
                "ООШ № 28",
                "Лицей № 17",
                "СОШ № 10",
                "СОШ № 42",
                "СОШ № 2",
                "СОШ № 4"
            ]
        );
        // A mark after the share leaves it the share.
        assert_eq!(
            number_in("366 из 366 (100,0\u{A0}%) (не подтверждено проверкой)"),
            Some((1000, 10))
        );
        let up = by_share.clicked(1, true);
        assert_eq!(up.aria(1), "ascending");
        assert_eq!(
            names(&rows, up),
            [
                "СОШ № 42",
                "СОШ № 10",
                "Лицей № 17",
                "ООШ № 28",
                "СОШ № 2",
                "СОШ № 4"
            ]
        );
        // The names column, by name as everywhere: № 2 before № 10.
        assert_eq!(
            names(&rows, ColumnSort::default()),
            [
                "Лицей № 17",
                "ООШ № 28",
                "СОШ № 2",
                "СОШ № 4",
                "СОШ № 10",
                "СОШ № 42"
            ]
        );
    }

    #[test]
    fn numbers_and_percentages_compare_exactly() {
        let rows = vec![
            vec![Cell::Text("А".into()), Cell::Percent { part: 1, whole: 3 }],
            vec![
                Cell::Text("Б".into()),
                Cell::Percent {
                    part: 333,
                    whole: 1000,
                },
            ],
            vec![Cell::Text("В".into()), Cell::Percent { part: 0, whole: 0 }],
            vec![Cell::Text("Г".into()), Cell::Int(1_200)],
        ];
        assert_eq!(
            names(
                &rows,
                ColumnSort {
                    column: 1,
                    descending: false
                }
            ),
            ["Б", "А", "Г", "В"]
        );
        assert_eq!(number_in("1 200"), Some((1200, 1)));
        // A percentage beside the same in words, marked: one scale.
        let rows = vec![
            vec![
                Cell::Text("А".into()),
                Cell::Percent {
                    part: 958,
                    whole: 1000,
                },
            ],
            vec![
                Cell::Text("Б".into()),
                Cell::Text("61,3\u{A0}% (не подтверждено проверкой)".into()),
            ],
            vec![
                Cell::Text("В".into()),
                Cell::Percent {
                    part: 700,
                    whole: 1000,
                },
            ],
        ];
        assert_eq!(
            names(&rows, ColumnSort::default().clicked(1, true)),
            ["А", "В", "Б"]
        );
        assert_eq!(number_in("нет данных"), None);
        assert_eq!(
            number_in("0 из 0 (по профилю относится: уточните у школы)"),
            None
        );
        assert!(ColumnSort::numbers(&rows, 1) && !ColumnSort::numbers(&rows, 0));
        let headers = ["Школа".to_owned(), "П-1.1".to_owned()];
        assert_eq!(ColumnSort::default().describe(&headers, false), None);
        assert_eq!(
            ColumnSort::default()
                .clicked(1, true)
                .describe(&headers, true)
                .as_deref(),
            Some("Порядок — по столбцу «П-1.1», сначала больше.")
        );
    }
}
