//! Tables for spreadsheets (CSV for Russian Excel, XLSX) and documents for
//! Word (DOCX).
//!
//! The XLSX workbook and the DOCX document are a handful of XML parts in a
//! zip of stored (uncompressed) entries, all written here, because the
//! download budget is 150 KB gzip: the `zip` crate alone added about 35 KB
//! gzip to the wasm (47 KB with deflate), `rust_xlsxwriter` about 240 KB and
//! `docx-rs` about 280 KB; the XLSX module about 1 KB, the DOCX one with the
//! report and letter documents, their buttons and the page drawing the
//! charts into PNGs about 10 KB. An export is at
//! most a few hundred kilobytes, and Excel, Word and LibreOffice read stored
//! entries.

mod csv;
mod docx;
mod order;
mod xlsx;
mod xml;
mod zip;

use std::borrow::Cow;

use crate::text::{date_ru, percent_tenths, tenths};

pub use csv::to_csv;
pub use docx::{text_blocks, to_docx, Block, Image};
pub use order::ColumnSort;
pub use xlsx::to_xlsx;
pub use xml::push_xml as push_escaped;
pub use zip::zip_stored;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// `part` of `whole` in percent, shown with one decimal. Kept as the exact
    /// fraction so the sheet rounds exactly as the app's screens do
    /// ([`crate::text::percent`]): 45,5 in the app is 45,5 in Excel.
    /// An empty group (`whole == 0`) has no share and gives an empty cell.
    Percent {
        part: u64,
        whole: u64,
    },
    /// A signed number in tenths, shown with one decimal: a change in
    /// percentage points (−3,5), kept a number a sheet computes with.
    Tenths(i64),
    /// A day, as ISO gives it (`2026-09-01…`): «01.09.2026», and in XLSX
    /// a date a sheet sorts by and counts days with.
    Date(String),
    Empty,
}

impl Cell {
    /// A count as a number (one past `i64::MAX` is not a count a school
    /// types: such a number stays at the largest).
    pub fn count(n: impl TryInto<i64>) -> Self {
        Cell::Int(n.try_into().unwrap_or(i64::MAX))
    }

    /// The cell as it reads: percents with a decimal comma, as on screen.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(text) => Cow::Borrowed(text),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Percent { part, whole } => Cow::Owned(
                percent_tenths(*part, *whole).map_or_else(String::new, |t| tenths(t, ',')),
            ),
            Cell::Tenths(t) => Cow::Owned(signed_tenths(*t, ',')),
            Cell::Date(iso) => Cow::Owned(date_ru(iso)),
            Cell::Empty => Cow::Borrowed(""),
        }
    }
}

/// The day of an ISO date as Excel counts days (1900 date system: day 1 is
/// 1 January 1900, with its phantom 29 February, so days since 30 December
/// 1899 from March 1900 on); `None` for what is not such a date.
pub(crate) fn excel_day(iso: &str) -> Option<i64> {
    let (y, rest) = iso.get(..10)?.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1901..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=month_days).contains(&d) {
        return None;
    }
    // Days from 1 March of year 0 (a civil-calendar count), so that the
    // leap day falls at the end of each counted year.
    let days = |y: i64, m: i64, d: i64| {
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1
    };
    Some(days(y, m, d) - days(1899, 12, 30))
}

/// Tenths with a sign a spreadsheet reads: "-3,5" (the screen's «−» is
/// text to Excel).
fn signed_tenths(t: i64, separator: char) -> String {
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}", tenths(t.unsigned_abs(), separator))
}

/// A table with a header row; `name` becomes the XLSX sheet name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Prefixes text that a spreadsheet would run as a formula with an apostrophe
/// (OWASP's advice against CSV injection): a school name or comment comes from
/// someone else's file. XLSX stores text as text anyway, but gets the same
/// prefix so that re-saving the sheet as CSV stays harmless.
pub(super) fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
pub(crate) mod read_back;
#[cfg(test)]
mod tests;
