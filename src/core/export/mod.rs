//! Tables for spreadsheets: CSV for Russian Excel and XLSX.
//!
//! The XLSX workbook is a handful of XML parts in a zip of stored (uncompressed)
//! entries, all written here, because the download budget is 150 KB gzip: the
//! `zip` crate alone added about 35 KB gzip to the wasm (47 KB with deflate),
//! `rust_xlsxwriter` about 240 KB, this module about 1 KB. An export is at most
//! a few hundred kilobytes, and Excel and LibreOffice read stored entries.

use std::borrow::Cow;

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
    Empty,
}

/// A table with a header row; `name` becomes the XLSX sheet name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

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
    workbook.push_str("</sheets></workbook>");
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

/// Prefixes text that a spreadsheet would run as a formula with an apostrophe
/// (OWASP's advice against CSV injection): a school name or comment comes from
/// someone else's file. XLSX stores text as text anyway, but gets the same
/// prefix so that re-saving the sheet as CSV stays harmless.
fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The share in tenths of a percent, rounded half up as `text::percent` does.
fn percent_tenths(part: u64, whole: u64) -> Option<u128> {
    (whole != 0)
        .then(|| (u128::from(part) * 1000 * 2 + u128::from(whole)) / (u128::from(whole) * 2))
}

fn decimal(tenths: u128, separator: char) -> String {
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

fn csv_text(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralised(text),
        Cell::Int(n) => Cow::Owned(n.to_string()),
        Cell::Percent { part, whole } => {
            Cow::Owned(percent_tenths(*part, *whole).map_or_else(String::new, |t| decimal(t, ',')))
        }
        Cell::Empty => Cow::Borrowed(""),
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

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const PACKAGE_RELS: &str = concat!(
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>",
);

/// Cell formats by index: 0 plain, [`STYLE_HEADER`], [`STYLE_PERCENT`].
const STYLES: &str = concat!(
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
    r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#,
    r#"<alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>",
);

/// Bold and wrapped at spaces, so long indicator titles fit narrow columns.
const STYLE_HEADER: u8 = 1;
const STYLE_PERCENT: u8 = 2;

fn sheet_xml(table: &Table) -> String {
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
                    if let Some(tenths) = percent_tenths(*part, *whole) {
                        xml.push_str(&format!(
                            r#"<c r="{reference}" s="{STYLE_PERCENT}"><v>{}</v></c>"#,
                            decimal(tenths, '.')
                        ));
                    }
                }
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// Widths in characters, enough for the longest value of a column. A header
/// counts only its longest word, since headers wrap.
fn column_widths(table: &Table) -> Vec<usize> {
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
fn cell_ref(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

fn push_text_cell(xml: &mut String, reference: &str, text: &str, style: Option<u8>) {
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

fn push_xml(xml: &mut String, text: &str) {
    text.chars().for_each(|c| push_xml_char(xml, c));
}

/// Escapes markup; drops what XML 1.0 forbids (most control characters,
/// U+FFFE, U+FFFF), which would make Excel reject the whole file.
fn push_xml_char(xml: &mut String, c: char) {
    match c {
        '&' => xml.push_str("&amp;"),
        '<' => xml.push_str("&lt;"),
        '>' => xml.push_str("&gt;"),
        '"' => xml.push_str("&quot;"),
        // A literal CR would be read back as LF.
        '\r' => xml.push_str("&#13;"),
        c if is_xml_char(c) => xml.push(c),
        _ => {}
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

const SHEET_NAME_MAX: usize = 31;

/// Names Excel accepts: no `[]:*?/\`, no control characters, 1–31 UTF-16
/// units, no apostrophe at either end, unique ignoring case.
fn sheet_names(tables: &[Table]) -> Vec<String> {
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

/// A zip archive of stored entries with ASCII names. The timestamp is fixed at
/// 1980-01-01 (the zip epoch): wasm32-unknown-unknown has no clock without JS,
/// and the same tables give the same bytes. No zip64: wasm32 memory cannot hold
/// 4 GiB, so every size and offset fits 32 bits.
fn zip_stored(entries: &[(String, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, body) in entries {
        let offset = out.len();
        // Fields shared by the local and central headers, from "version needed".
        let mut common = Vec::with_capacity(26 + name.len());
        common.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        common.extend_from_slice(&0u16.to_le_bytes()); // flags
        common.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        common.extend_from_slice(&0u16.to_le_bytes()); // time 00:00:00
        common.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
        common.extend_from_slice(&crc32(body.as_bytes()).to_le_bytes());
        common.extend_from_slice(&le32(body.len())); // compressed size
        common.extend_from_slice(&le32(body.len())); // uncompressed size
        common.extend_from_slice(&le16(name.len()));
        common.extend_from_slice(&0u16.to_le_bytes()); // extra field length

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body.as_bytes());

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&le32(offset));
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len();
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le32(central.len()));
    out.extend_from_slice(&le32(central_offset));
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

fn le16(n: usize) -> [u8; 2] {
    u16::try_from(n)
        .expect("zip field over 65 535")
        .to_le_bytes()
}

fn le32(n: usize) -> [u8; 4] {
    u32::try_from(n).expect("zip over 4 GiB").to_le_bytes()
}

/// CRC-32 (IEEE) bit by bit: a table would cost wasm size for speed that a
/// sheet of a few hundred kilobytes does not need.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::percent;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    fn rating() -> Table {
        Table {
            name: "Рейтинг".to_owned(),
            headers: vec![
                "Место".into(),
                "Школа".into(),
                "Баллы".into(),
                "Процент".into(),
            ],
            rows: vec![
                vec![
                    Cell::Int(1),
                    text("МБОУ \"СОШ № 1\"; корпус 2"),
                    Cell::Int(21),
                    Cell::Percent {
                        part: 21,
                        whole: 23,
                    },
                ],
                vec![
                    Cell::Int(2),
                    text("Школа <&> №\u{1}2"),
                    Cell::Int(-3),
                    Cell::Percent { part: 1, whole: 0 },
                ],
                vec![text("=1+1"), Cell::Empty, text("строка 1\nстрока 2")],
            ],
        }
    }

    fn csv(table: &Table) -> String {
        let bytes = to_csv(table);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
        String::from_utf8(bytes[3..].to_vec()).unwrap()
    }

    #[test]
    fn csv_is_what_russian_excel_expects() {
        assert_eq!(
            csv(&rating()),
            "Место;Школа;Баллы;Процент\r\n\
             1;\"МБОУ \"\"СОШ № 1\"\"; корпус 2\";21;91,3\r\n\
             2;Школа <&> №\u{1}2;-3;\r\n\
             '=1+1;;\"строка 1\nстрока 2\"\r\n"
        );
    }

    #[test]
    fn csv_quotes_only_fields_that_need_it() {
        let table = Table {
            name: String::new(),
            headers: vec![],
            rows: vec![vec![
                text("a;b"),
                text("a\"b"),
                text("a\rb"),
                text("a\nb"),
                text("a,b 'c'"),
            ]],
        };
        assert_eq!(
            csv(&table),
            "\"a;b\";\"a\"\"b\";\"a\rb\";\"a\nb\";a,b 'c'\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_in_csv_and_xlsx() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let payload = format!("{start}HYPERLINK(\"http://x\")");
            let table = Table {
                name: "s".into(),
                headers: vec![payload.clone()],
                rows: vec![vec![text(&payload)]],
            };
            let csv = csv(&table);
            let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
            for line in [lines.next().unwrap(), lines.next().unwrap()] {
                assert!(
                    line.starts_with("\"'") || line.starts_with('\''),
                    "{line:?}"
                );
            }
            let sheet = sheet_xml(&table);
            assert_eq!(
                sheet.matches(r#"<t xml:space="preserve">'"#).count(),
                2,
                "{sheet}"
            );
        }
        assert_eq!(neutralised("Школа № 5 — лицей"), "Школа № 5 — лицей");
        assert_eq!(neutralised(" =1"), " =1");
        assert_eq!(csv_text(&Cell::Int(-5)), "-5", "numbers stay numbers");
    }

    #[test]
    fn percent_rounds_as_the_app_shows_it() {
        for whole in 1..=60 {
            for part in 0..=whole {
                let shown = percent(part, whole);
                let cell = Cell::Percent { part, whole };
                assert_eq!(format!("{}\u{A0}%", csv_text(&cell)), shown);
            }
        }
        assert_eq!(percent_tenths(1, 8), Some(125), "12,5 exactly");
        assert_eq!(percent_tenths(1, 16), Some(63), "6,25 rounds half up");
        assert_eq!(percent_tenths(u64::MAX, u64::MAX), Some(1000));
        assert_eq!(csv_text(&Cell::Percent { part: 0, whole: 0 }), "");
    }

    /// The entries of a zip: name → data, read through the central directory
    /// and checked against the local headers and CRCs.
    fn unzip(zip: &[u8]) -> Vec<(String, String)> {
        let u16_at = |at: usize| usize::from(u16::from_le_bytes([zip[at], zip[at + 1]]));
        let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap());
        let end = zip.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
        let count = u16_at(end + 10);
        let mut at = u32_at(end + 16) as usize;
        let mut entries = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            assert_eq!(u16_at(at + 10), 0, "stored");
            let crc = u32_at(at + 16);
            let size = u32_at(at + 20) as usize;
            assert_eq!(u32_at(at + 24) as usize, size);
            let name_len = u16_at(at + 28);
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(at + 42) as usize;
            assert_eq!(u32_at(local), 0x0403_4b50);
            assert_eq!(
                zip[local + 4..local + 30],
                zip[at + 6..at + 32],
                "headers agree"
            );
            let data = &zip[local + 30 + name_len..local + 30 + name_len + size];
            assert_eq!(crc32(data), crc, "{name}");
            entries.push((name, String::from_utf8(data.to_vec()).unwrap()));
            at += 46 + name_len;
        }
        assert_eq!(at, end, "central directory fills the space before its end");
        entries
    }

    fn part<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
        &entries.iter().find(|(n, _)| n == name).unwrap().1
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn xlsx_is_a_zip_of_the_workbook_parts() {
        let mut matrix = rating();
        matrix.name = "Школа × показатель".into();
        let entries = unzip(&to_xlsx(&[rating(), matrix]));
        let names: Vec<_> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels",
                "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
            ]
        );
        for (name, xml) in &entries {
            assert!(xml.starts_with("<?xml "), "{name}");
        }
        let types = part(&entries, "[Content_Types].xml");
        assert!(types.contains(r#"PartName="/xl/worksheets/sheet2.xml""#));
        let workbook = part(&entries, "xl/workbook.xml");
        assert!(workbook.contains(r#"<sheet name="Рейтинг" sheetId="1" r:id="rId1"/>"#));
        assert!(workbook.contains(r#"<sheet name="Школа × показатель" sheetId="2" r:id="rId2"/>"#));
        let rels = part(&entries, "xl/_rels/workbook.xml.rels");
        assert!(rels.contains(r#"Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml""#));
    }

    #[test]
    fn xlsx_sheet_holds_escaped_text_and_numbers() {
        let entries = unzip(&to_xlsx(&[rating()]));
        let sheet = part(&entries, "xl/worksheets/sheet1.xml");
        for expected in [
            r#"<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Место</t></is></c>"#,
            r#"<c r="A2"><v>1</v></c>"#,
            r#"<t xml:space="preserve">МБОУ &quot;СОШ № 1&quot;; корпус 2</t>"#,
            r#"<c r="C2"><v>21</v></c><c r="D2" s="2"><v>91.3</v></c></row>"#,
            r#"<t xml:space="preserve">Школа &lt;&amp;&gt; №2</t>"#,
            r#"<c r="C3"><v>-3</v></c></row>"#,
            r#"<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">'=1+1</t></is></c><c r="C4" "#,
            "строка 1\nстрока 2",
            r#"state="frozen""#,
        ] {
            assert!(sheet.contains(expected), "{expected}\nin\n{sheet}");
        }
        assert!(!sheet.contains('\u{1}'), "control characters are dropped");
        assert!(!sheet.contains(r#"r="B4""#), "empty cells are left out");
        assert!(!sheet.contains(r#"r="D3""#), "an empty group has no share");
    }

    #[test]
    fn xml_text_survives_excel_unescaping() {
        let mut xml = String::new();
        push_text_cell(&mut xml, "A1", "a_x0041_b\r_x12_ \u{FFFE}\u{1F600}", None);
        assert_eq!(
            xml,
            "<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\
             a_x005F_x0041_b&#13;_x12_ \u{1F600}</t></is></c>"
        );
    }

    #[test]
    fn columns_are_lettered_like_excel() {
        assert_eq!(cell_ref(0, 1), "A1");
        assert_eq!(cell_ref(25, 2), "Z2");
        assert_eq!(cell_ref(26, 3), "AA3");
        assert_eq!(cell_ref(701, 4), "ZZ4");
        assert_eq!(cell_ref(702, 5), "AAA5");
    }

    #[test]
    fn column_widths_fit_values_and_header_words() {
        let table = Table {
            name: String::new(),
            headers: vec!["Доля обучающихся 1-4 классов".into(), "№".into()],
            rows: vec![
                vec![Cell::Percent { part: 1, whole: 3 }, text(&"ш".repeat(100))],
                vec![],
            ],
        };
        assert_eq!(column_widths(&table), [13, 60]);
    }

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        let named = |names: &[&str]| {
            let tables: Vec<_> = names
                .iter()
                .map(|&name| Table {
                    name: name.to_owned(),
                    headers: vec![],
                    rows: vec![],
                })
                .collect();
            sheet_names(&tables)
        };
        assert_eq!(
            named(&["Рейтинг [2024/2025]: итог*?\\", "'Цитата'", "", "\u{1}"]),
            ["Рейтинг -2024-2025-- итог---", "Цитата", "Лист3", "Лист4"]
        );
        let long = "Показатели школ муниципалитета по критериям";
        assert_eq!(
            named(&[long, long, "рейтинг", "РЕЙТИНГ"]),
            [
                "Показатели школ муниципалитета",
                "Показатели школ муниципалит (2)",
                "рейтинг",
                "РЕЙТИНГ (2)"
            ]
        );
    }

    #[test]
    fn no_tables_still_make_a_workbook() {
        let entries = unzip(&to_xlsx(&[]));
        assert!(part(&entries, "xl/workbook.xml").contains(r#"<sheet name="Лист1""#));
        assert!(part(&entries, "xl/worksheets/sheet1.xml").contains("<sheetData></sheetData>"));
    }
}
