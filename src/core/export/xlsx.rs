//! XLSX: the workbook's XML parts, zipped by [`crate::export::zip`].

use crate::export::csv::csv_text;
use crate::export::xml::{is_xml_char, push_xml, push_xml_char, XML_DECLARATION};
use crate::export::zip::zip_stored;
use crate::export::{neutralised, Cell, Table};
use crate::text::percent_tenths;

/// An XLSX workbook with one sheet per table, in order. Excel refuses a
/// workbook without sheets, so an empty slice gives one empty sheet.
///
/// Sheet names are made valid for Excel: forbidden characters become `-`
/// ("2025/2026" turns "2025-2026", as in file names), names are cut to 31
/// characters, an empty one becomes "ЛистN" and a repeated one gets " (2)".
pub fn to_xlsx(tables: &[Table]) -> Vec<u8> {
    let blank = [Table {
        name: String::new(),
        headers: Vec::new(),
        rows: Vec::new(),
    }];
    let tables = if tables.is_empty() {
        &blank[..]
    } else {
        tables
    };
    let names = sheet_names(tables);

    let mut content_types = String::from(XML_DECLARATION);
    content_types.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    ));
    let mut workbook = String::from(XML_DECLARATION);
    workbook.push_str(concat!(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    ));
    let mut workbook_rels = String::from(XML_DECLARATION);
    workbook_rels.push_str(concat!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    ));
    for (i, name) in (1..).zip(&names) {
        content_types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        workbook.push_str(r#"<sheet name=""#);
        push_xml(&mut workbook, name);
        workbook.push_str(&format!(r#"" sheetId="{i}" r:id="rId{i}"/>"#));
        workbook_rels.push_str(&format!(
            r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#
        ));
    }
    content_types.push_str("</Types>");
    workbook.push_str("</sheets>");
    // Excel names each sheet's filter range, as it writes it itself.
    let filters: Vec<String> = (0..)
        .zip(tables.iter().zip(&names))
        .filter_map(|(i, (table, name))| {
            let (first, last) = filter_range(table)?;
            let dollars = |r: &str| {
                let digits = r.find(|c: char| c.is_ascii_digit()).unwrap_or(r.len());
                format!("${}${}", &r[..digits], &r[digits..])
            };
            let mut defined = format!(
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'"#
            );
            push_xml(&mut defined, &name.replace('\'', "''"));
            defined.push_str(&format!(
                "'!{}:{}</definedName>",
                dollars(&first),
                dollars(&last)
            ));
            Some(defined)
        })
        .collect();
    if !filters.is_empty() {
        workbook.push_str(&format!(
            "<definedNames>{}</definedNames>",
            filters.concat()
        ));
    }
    workbook.push_str("</workbook>");
    workbook_rels.push_str("</Relationships>");

    let mut parts = vec![
        ("[Content_Types].xml".to_owned(), content_types),
        (
            "_rels/.rels".to_owned(),
            format!("{XML_DECLARATION}{PACKAGE_RELS}"),
        ),
        ("xl/workbook.xml".to_owned(), workbook),
        ("xl/_rels/workbook.xml.rels".to_owned(), workbook_rels),
        (
            "xl/styles.xml".to_owned(),
            format!("{XML_DECLARATION}{STYLES}"),
        ),
    ];
    for (i, table) in (1..).zip(tables) {
        parts.push((format!("xl/worksheets/sheet{i}.xml"), sheet_xml(table)));
    }
    zip_stored(&parts)
}

const PACKAGE_RELS: &str = concat!(
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>",
);

/// Cell formats by index: 0 plain, [`STYLE_HEADER`], [`STYLE_TENTHS`],
/// [`STYLE_DATE`], [`STYLE_PERCENT`].
const STYLES: &str = concat!(
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/>"#,
    r#"<numFmt numFmtId="165" formatCode="dd.mm.yyyy"/>"#,
    r#"<numFmt numFmtId="166" formatCode="0.0%"/></numFmts>"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
    r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#,
    r#"<alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>",
);

/// Bold and wrapped at spaces, so long indicator titles fit narrow columns.
const STYLE_HEADER: u8 = 1;
/// A number with one decimal: a change in percentage points.
const STYLE_TENTHS: u8 = 2;
const STYLE_DATE: u8 = 3;
/// A share as Excel keeps one, the fraction shown as «45,5%»: a sheet's
/// own percentages, charts and sums then read it as the app does.
const STYLE_PERCENT: u8 = 4;

pub(super) fn sheet_xml(table: &Table) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    let mut row_number = 0;
    if !table.headers.is_empty() {
        // The header stays in view while scrolling a long rating.
        xml.push_str(concat!(
            r#"<sheetViews><sheetView workbookViewId="0">"#,
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#,
            "</sheetView></sheetViews>",
        ));
    }
    let widths = column_widths(table);
    if !widths.is_empty() {
        xml.push_str("<cols>");
        for (i, width) in (1..).zip(widths) {
            xml.push_str(&format!(
                r#"<col min="{i}" max="{i}" width="{width}" customWidth="1"/>"#
            ));
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    if !table.headers.is_empty() {
        row_number += 1;
        xml.push_str(r#"<row r="1">"#);
        for (column, header) in table.headers.iter().enumerate() {
            push_text_cell(
                &mut xml,
                &cell_ref(column, row_number),
                header,
                Some(STYLE_HEADER),
            );
        }
        xml.push_str("</row>");
    }
    for row in &table.rows {
        row_number += 1;
        xml.push_str(&format!(r#"<row r="{row_number}">"#));
        for (column, cell) in row.iter().enumerate() {
            let reference = cell_ref(column, row_number);
            match cell {
                Cell::Text(text) => push_text_cell(&mut xml, &reference, text, None),
                Cell::Int(n) => xml.push_str(&format!(r#"<c r="{reference}"><v>{n}</v></c>"#)),
                Cell::Percent { part, whole } => {
                    if let Some(t) = percent_tenths(*part, *whole) {
                        xml.push_str(&format!(
                            r#"<c r="{reference}" s="{STYLE_PERCENT}"><v>{}</v></c>"#,
                            thousandths(t)
                        ));
                    }
                }
                Cell::Date(iso) => match super::excel_day(iso) {
                    Some(day) => xml.push_str(&format!(
                        r#"<c r="{reference}" s="{STYLE_DATE}"><v>{day}</v></c>"#
                    )),
                    None => push_text_cell(&mut xml, &reference, iso, None),
                },
                Cell::Tenths(t) => xml.push_str(&format!(
                    r#"<c r="{reference}" s="{STYLE_TENTHS}"><v>{}</v></c>"#,
                    super::signed_tenths(*t, '.')
                )),
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if let Some((first, last)) = filter_range(table) {
        xml.push_str(&format!(r#"<autoFilter ref="{first}:{last}"/>"#));
    }
    xml.push_str("</worksheet>");
    xml
}

/// Tenths of a percent as the fraction they are: 455 → «0.455», 1000 → «1.000».
/// Written from the rounded tenths, so that Excel shows what the app shows.
fn thousandths(t: u64) -> String {
    format!("{}.{:03}", t / 1000, t % 1000)
}

/// The header row's filter buttons, as a coordinator would set them (sort
/// and pick by any column at once): the corners of the header and the
/// rows, `None` for a table without either.
fn filter_range(table: &Table) -> Option<(String, String)> {
    let columns = (table.rows.iter().map(Vec::len)).fold(table.headers.len(), usize::max);
    (!table.headers.is_empty() && !table.rows.is_empty())
        .then(|| (cell_ref(0, 1), cell_ref(columns - 1, table.rows.len() + 1)))
}

/// Widths in characters, enough for the longest value of a column. A header
/// counts only its longest word, since headers wrap.
pub(super) fn column_widths(table: &Table) -> Vec<usize> {
    let mut widths: Vec<usize> = table
        .headers
        .iter()
        .map(|h| {
            h.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &table.rows {
        if widths.len() < row.len() {
            widths.resize(row.len(), 0);
        }
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(csv_text(cell).chars().count());
        }
    }
    widths.into_iter().map(|w| (w + 2).clamp(6, 60)).collect()
}

/// "A1", "AB12": references are optional in the format, but some readers need them.
pub(super) fn cell_ref(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

pub(super) fn push_text_cell(xml: &mut String, reference: &str, text: &str, style: Option<u8>) {
    xml.push_str(&format!(r#"<c r="{reference}" t="inlineStr""#));
    if let Some(style) = style {
        xml.push_str(&format!(r#" s="{style}""#));
    }
    xml.push_str(r#"><is><t xml:space="preserve">"#);
    let text = neutralised(text);
    for (i, c) in text.char_indices() {
        // Excel reads `_x0041_` in cell text as an escaped "A"; escaping the
        // underscore keeps such text literal.
        if c == '_' && is_excel_escape(&text[i + 1..]) {
            xml.push_str("_x005F_");
        } else {
            push_xml_char(xml, c);
        }
    }
    xml.push_str("</t></is></c>");
}

fn is_excel_escape(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 6 && b[0] == b'x' && b[1..5].iter().all(u8::is_ascii_hexdigit) && b[5] == b'_'
}

const SHEET_NAME_MAX: usize = 31;

/// Names Excel accepts: no `[]:*?/\`, no control characters, 1–31 UTF-16
/// units, no apostrophe at either end, unique ignoring case.
pub(super) fn sheet_names(tables: &[Table]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(tables.len());
    for (i, table) in (1..).zip(tables) {
        let cleaned: String = table
            .name
            .chars()
            .filter(|&c| is_xml_char(c) && !c.is_control())
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect();
        let mut base = trim_sheet_name(utf16_prefix(&cleaned, SHEET_NAME_MAX)).to_owned();
        if base.is_empty() {
            base = format!("Лист{i}");
        }
        let mut name = base.clone();
        for n in 2.. {
            let lower = name.to_lowercase();
            if !names.iter().any(|taken| taken.to_lowercase() == lower) {
                break;
            }
            let suffix = format!(" ({n})");
            let stem = trim_sheet_name(utf16_prefix(&base, SHEET_NAME_MAX - suffix.len()));
            name = format!("{stem}{suffix}");
        }
        names.push(name);
    }
    names
}

fn trim_sheet_name(name: &str) -> &str {
    name.trim().trim_matches('\'').trim()
}

/// The longest prefix of at most `max` UTF-16 units, the unit Excel counts in.
fn utf16_prefix(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &text[..i];
        }
    }
    text
}
