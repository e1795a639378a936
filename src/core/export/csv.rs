//! CSV for Russian Excel.

use std::borrow::Cow;

use crate::export::{neutralised, Cell, Table};

/// CSV as Russian Excel opens it with a double click: UTF-8 with a BOM (without
/// it Excel reads Windows-1251), `;` between fields (the Russian list
/// separator), CRLF line ends and decimal commas.
///
/// No `sep=;` line: Excel then ignores the BOM and garbles Cyrillic. Excel also
/// guesses types even in quoted fields, so text that looks like a date ("1.1",
/// an indicator code) becomes a date; give such headers a word ("п. 1.1") or
/// export XLSX, where text stays text.
pub fn to_csv(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    if !table.headers.is_empty() {
        push_csv_line(&mut out, table.headers.iter().map(|h| neutralised(h)));
    }
    for row in &table.rows {
        push_csv_line(&mut out, row.iter().map(csv_text));
    }
    out.into_bytes()
}

pub(super) fn csv_text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralised(text),
        other => other.text(),
    }
}

fn push_csv_line<'a>(out: &mut String, fields: impl Iterator<Item = Cow<'a, str>>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(';');
        }
        if field.contains([';', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}
