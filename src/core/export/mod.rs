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

use crate::text::{percent_tenths, tenths};

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
            Cell::Empty => Cow::Borrowed(""),
        }
    }
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
