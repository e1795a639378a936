//! Tables as coordinators hand them over: a CSV saved by Excel, with `;`,
//! `,` or a tab between fields, in UTF-8 (with or without a byte-order
//! mark), in Windows-1251, which Russian Excel writes by default, or in
//! UTF-16 with its mark («Текст Юникод»); or the workbook itself (XLSX),
//! its first sheet.

use crate::error::TableError;
use crate::text::quoted;

/// An XLSX entry may not inflate beyond this: a roster is kilobytes.
const MAX_PART: usize = 32 << 20;

/// A table as read: its rows, and for a workbook, the sheet they are from.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// The first sheet's name, and how many sheets the workbook has.
    pub sheet: Option<(String, usize)>,
}

impl Table {
    /// «Прочитан первый лист книги — «Список» (всего листов: 2).», for a
    /// workbook of several sheets: the list may be on another.
    pub fn sheet_line(&self) -> Option<String> {
        let (name, count) = self.sheet.as_ref().filter(|(_, n)| *n > 1)?;
        Some(format!(
            "Прочитан первый лист книги — {} (всего листов: {count}).",
            quoted(name)
        ))
    }

    /// Why the table holds no schools to take: no row under a header, and
    /// on which sheet that was.
    pub fn too_short(&self) -> Option<TableError> {
        (self.rows.len() < 2).then(|| TableError::NoRows {
            sheet: self.sheet_line(),
        })
    }
}

/// The rows of a CSV or of an XLSX workbook's first sheet, told apart by
/// the zip signature an XLSX starts with.
/// Anything else that is no text (a picture: it holds control bytes) or
/// is JSON (a file of Profkarta's, picked by mistake) is refused: read as a
/// CSV, its lines would become the names of schools.
pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    if let [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] = bytes {
        // Excel's «Текст Юникод»: UTF-16, read as the same text in UTF-8
        // (its zero bytes were taken for a picture's).
        let text = crate::json::decode(bytes).map_err(|_| TableError::NotXlsx)?;
        return read_table(text.as_bytes());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes);
    }
    let binary = bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let json =
        (text.iter().find(|b| !b.is_ascii_whitespace())).is_some_and(|b| matches!(b, b'{' | b'['));
    if binary || json {
        return Err(TableError::NotXlsx);
    }
    Ok(Table {
        rows: read_csv(bytes),
        sheet: None,
    })
}

/// The first sheet of a workbook (its first tab, as the workbook orders
/// them) as rows of text, empty rows dropped. A cell merged down several
/// (a municipality over its schools) gives its value to each; a cell with
/// an error (`#REF!`) or a formula Excel left uncalculated is empty.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    let entries = zip_entries(bytes).ok_or(TableError::NotXlsx)?;
    if entries.iter().any(|e| e.name == "word/document.xml") {
        return Err(TableError::Word);
    }
    let part = |name: &str| -> Result<Option<String>, TableError> {
        match entries.iter().find(|e| e.name == name) {
            None => Ok(None),
            Some(e) => (e.text(bytes).map(|xml| Some(unprefixed(xml)))).ok_or(TableError::Broken),
        }
    };
    let shared: Vec<String> = part("xl/sharedStrings.xml")?
        .map(|xml| tags(&xml, "si").map(|(_, si)| texts(si)).collect())
        .unwrap_or_default();
    let book = part("xl/workbook.xml")?.unwrap_or_default();
    // A hidden sheet (a template's lookup lists) is no tab in Excel.
    let sheets: Vec<(&str, &str)> = (tags(&book, "sheet"))
        .filter(|(a, _)| !matches!(attribute(a, "state"), Some("hidden" | "veryHidden")))
        .map(|(a, _)| {
            (
                attribute(a, "name").unwrap_or(""),
                attribute(a, "r:id").unwrap_or(""),
            )
        })
        .collect();
    let rels = part("xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let target = (sheets.first())
        .and_then(|(_, id)| {
            tags(&rels, "Relationship").find(|(a, _)| attribute(a, "Id") == Some(id))
        })
        .and_then(|(a, _)| attribute(a, "Target"))
        .map(|t| match t.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{t}"),
        });
    let sheet = match target.map(|t| part(&t)).transpose()?.flatten() {
        Some(sheet) => sheet,
        // Without a workbook to say, the lowest-numbered sheet: by number,
        // «sheet10» after «sheet2».
        None => {
            let first = (entries.iter())
                .filter_map(|e| Some((sheet_number(&e.name)?, e)))
                .min_by_key(|(n, _)| *n)
                .ok_or(TableError::NoSheet)?;
            unprefixed(first.1.text(bytes).ok_or(TableError::Broken)?)
        }
    };
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for (attributes, row) in tags(&sheet, "row") {
        let number = (attribute(attributes, "r").and_then(|r| r.parse().ok()))
            .unwrap_or_else(|| rows.last().map_or(1, |(n, _)| n + 1));
        let mut cells: Vec<String> = Vec::new();
        for (attributes, body) in tags(row, "c") {
            let column = attribute(attributes, "r").map_or(cells.len(), |r| place(r).1);
            let value = match attribute(attributes, "t") {
                Some("s") => inner(body, "v")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .and_then(|i| shared.get(i).cloned())
                    .unwrap_or_default(),
                Some("inlineStr") => texts(body),
                Some("e") => String::new(),
                _ => inner(body, "v").map(unescape).unwrap_or_default(),
            };
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = value.trim().to_owned();
        }
        rows.push((number, cells));
    }
    // Down its column only: a title or a group's heading merged across
    // the columns would become the header or a school.
    for (attributes, _) in tags(&sheet, "mergeCell") {
        let Some((from, to)) = attribute(attributes, "ref").and_then(|r| r.split_once(':')) else {
            continue;
        };
        let ((top, column), (bottom, _)) = (place(from), place(to));
        let value = (rows.iter())
            .find(|(n, _)| *n == top)
            .and_then(|(_, cells)| cells.get(column).cloned())
            .unwrap_or_default();
        for (_, cells) in rows
            .iter_mut()
            .filter(|(n, _)| (top + 1..=bottom).contains(n))
        {
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            if cells[column].is_empty() {
                cells[column].clone_from(&value);
            }
        }
    }
    let rows = (rows.into_iter().map(|(_, cells)| cells))
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    let sheet = sheets
        .first()
        .map(|(name, _)| (unescape(name), sheets.len()));
    Ok(Table { rows, sheet })
}

/// «xl/worksheets/sheet10.xml» → 10.
fn sheet_number(name: &str) -> Option<u32> {
    name.strip_prefix("xl/worksheets/sheet")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

/// `xml` with the spreadsheet namespace's prefix dropped from its tags:
/// .NET's writers spell every tag `<x:row>`, and such a sheet read as
/// empty.
fn unprefixed(xml: String) -> String {
    const MAIN: &str = "=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    let prefix = xml.find(MAIN).and_then(|at| {
        let declared = xml[..at].rsplit([' ', '\n', '\r', '\t']).next()?;
        declared.strip_prefix("xmlns:")
    });
    match prefix {
        Some(p) => xml
            .replace(&format!("<{p}:"), "<")
            .replace(&format!("</{p}:"), "</"),
        None => xml,
    }
}

/// One file of a zip, from the central directory (its sizes are right
/// even where a local header defers them to a data descriptor).
struct ZipEntry {
    name: String,
    method: u16,
    compressed: usize,
    local: usize,
}

impl ZipEntry {
    fn text(&self, zip: &[u8]) -> Option<String> {
        let at = |o: usize| {
            zip.get(o..o + 2)
                .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let start = self.local + 30 + at(self.local + 26)? + at(self.local + 28)?;
        let data = zip.get(start..start + self.compressed)?;
        let bytes = match self.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART).ok()?,
            _ => return None,
        };
        String::from_utf8(bytes).ok()
    }
}

fn zip_entries(zip: &[u8]) -> Option<Vec<ZipEntry>> {
    let u16_at = |o: usize| zip.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        zip.get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    // The end record is the last 22 bytes, or before a comment of up to 64 KB.
    let end = (0..zip.len().saturating_sub(21))
        .rev()
        .take(65_557)
        .find(|&o| u32_at(o) == Some(0x0605_4b50))?;
    let count = usize::from(u16_at(end + 10)?);
    let mut at = usize::try_from(u32_at(end + 16)?).ok()?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return None;
        }
        let name_len = usize::from(u16_at(at + 28)?);
        let skip = name_len + usize::from(u16_at(at + 30)?) + usize::from(u16_at(at + 32)?);
        entries.push(ZipEntry {
            name: String::from_utf8_lossy(zip.get(at + 46..at + 46 + name_len)?).into_owned(),
            method: u16_at(at + 10)?,
            compressed: usize::try_from(u32_at(at + 20)?).ok()?,
            local: usize::try_from(u32_at(at + 42)?).ok()?,
        });
        at += 46 + skip;
    }
    Some(entries)
}

/// The elements `<tag …>…</tag>` in `xml`, in order, as (attributes,
/// body); `<tag …/>` has an empty body. An empty shared string (`<si/>`)
/// keeps its place, or the strings after it would shift.
fn tags<'a>(xml: &'a str, tag: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        let start = rest.find(&open)?;
        let after = &rest[start + open.len()..];
        // `<row` must not match `<rowBreaks`.
        if !after.starts_with([' ', '>', '/', '\n', '\r', '\t']) {
            rest = after;
            continue;
        }
        let head_end = after.find('>')?;
        let head = &after[..head_end];
        if let Some(attributes) = head.strip_suffix('/') {
            rest = &after[head_end + 1..];
            return Some((attributes, ""));
        }
        let body = &after[head_end + 1..];
        let end = body.find(&close)?;
        rest = &body[end + close.len()..];
        return Some((head, &body[..end]));
    })
}

/// The text of the first `<tag>` in `xml`.
fn inner<'a>(xml: &'a str, tag: &'a str) -> Option<&'a str> {
    tags(xml, tag).next().map(|(_, body)| body)
}

/// All `<t>` texts of a string item or an inline string, joined (rich text
/// is split into runs).
fn texts(xml: &str) -> String {
    tags(xml, "t").map(|(_, t)| unescape(t)).collect()
}

/// The value of attribute `name` in a tag's `attributes`, which XML
/// separates by any white space (line breaks too).
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(found) = attributes[from..].find(&key) {
        let at = from + found;
        if attributes[..at].ends_with(char::is_whitespace) || at == 0 {
            let value = &attributes[at + key.len()..];
            return Some(&value[..value.find('"')?]);
        }
        from = at + key.len();
    }
    None
}

/// "B2" → (2, 1): the row (from 1) and column (from 0) of a cell reference.
fn place(reference: &str) -> (usize, usize) {
    let letters = reference.bytes().take_while(u8::is_ascii_uppercase).count();
    let column = (reference.bytes().take(letters))
        .fold(0, |n, c| n * 26 + usize::from(c - b'A' + 1))
        .saturating_sub(1);
    (reference[letters..].parse().unwrap_or(0), column)
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let Some(end) = after.find(';') else {
            out.push_str(after);
            return out;
        };
        let entity = &after[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The rows of a CSV file, the header first; fields trimmed, empty rows
/// dropped. Quoted fields may hold the separator, quotes (`""`) and line
/// breaks.
pub fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = decode(bytes);
    let text = crate::json::without_bom(&text);
    // The one the first line has most of; a tie goes to `;`, then the tab
    // (Excel's «Текст (разделитель — табуляция)» and «Текст Юникод»: a
    // list read as one column stood every school «не сдана»).
    // Counted outside quotes: a quoted header cell may hold tabs or commas
    // (a review).
    let first_line = text.lines().next().unwrap_or("");
    let unquoted: String = (first_line.split('"').step_by(2)).collect();
    let separator = [',', '\t', ';']
        .into_iter()
        .max_by_key(|&s| unquoted.matches(s).count())
        .unwrap_or(';');
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (c, false) if c == separator => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    row.push(field);
    rows.push(row);
    rows.into_iter()
        .map(|r| {
            r.into_iter()
                .map(|f| f.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|r| r.iter().any(|f| !f.is_empty()))
        .collect()
}

/// UTF-8 when the bytes are valid UTF-8, Windows-1251 otherwise: a
/// Cyrillic text in 1251 is practically never valid UTF-8.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1251(b)).collect(),
    }
}

/// One byte of Windows-1251 as a character.
fn windows_1251(b: u8) -> char {
    // 0x80–0xBF: the code page's own table; 0xC0–0xFF: А–я in order.
    const HIGH: [char; 64] = [
        'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', 'ђ', '‘',
        '’', '“', '”', '•', '–', '—', '\u{FFFD}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', '\u{A0}', 'Ў',
        'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{AD}', '®', 'Ї', '°', '±', 'І',
        'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
    ];
    match b {
        0..=0x7F => char::from(b),
        0x80..=0xBF => HIGH[usize::from(b - 0x80)],
        _ => char::from_u32(0x0410 + u32::from(b - 0xC0)).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::roster::Columns;

    /// Bytes of `text` in Windows-1251, spelled out by hand for the
    /// letters used, so that the decoder is not checked against itself.
    fn cp1251(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match c {
                'А'..='я' => (c as u32 - 0x0410 + 0xC0) as u8,
                '№' => 0xB9,
                'Ё' => 0xA8,
                'ё' => 0xB8,
                c if c.is_ascii() => c as u8,
                c => panic!("{c} is not in the test's table"),
            })
            .collect()
    }

    #[test]
    fn excel_csv_in_windows_1251_with_semicolons_reads_as_text() {
        let bytes =
            cp1251("Наименование;ИНН\r\n\"МАОУ \"\"СОШ № 7\"\"\";6623000001\r\nЛицей Ёлкино;\r\n");
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        assert_eq!(
            read_csv(&bytes),
            [
                vec!["Наименование", "ИНН"],
                vec!["МАОУ \"СОШ № 7\"", "6623000001"],
                vec!["Лицей Ёлкино", ""],
            ]
        );
    }

    /// A picture or a JSON file picked by mistake is no table: read as a
    /// CSV, its lines would become schools.
    #[test]
    fn a_picture_or_json_is_no_table() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(read_table(png), Err(TableError::NotXlsx));
        for json in [
            &b"{\"format\": \"profkarta-"[..],
            b"\xEF\xBB\xBF\r\n [1, 2]",
        ] {
            assert_eq!(read_table(json), Err(TableError::NotXlsx));
        }
        let csv = cp1251("Наименование;ИНН\r\n\tМАОУ СОШ № 7;6623000001\r\n");
        assert_eq!(read_table(&csv).unwrap().rows.len(), 2);
    }

    /// A zip of deflated entries, as Excel writes it (CRCs left at zero:
    /// the reader does not check them).
    fn zip_deflated(parts: &[(&str, &str)]) -> Vec<u8> {
        let (mut out, mut directory) = (Vec::new(), Vec::new());
        for (name, text) in parts {
            let data = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
            let local = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central {
                    h.extend_from_slice(&20u16.to_le_bytes());
                }
                h.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                h.extend_from_slice(&(text.len() as u32).to_le_bytes());
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes());
                if central {
                    // Comment length, disk, internal and external attributes.
                    h.extend_from_slice(&[0; 10]);
                    h.extend_from_slice(&local.to_le_bytes());
                }
                h.extend_from_slice(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend_from_slice(&data);
            directory.extend(header(0x0201_4b50, true));
        }
        let (offset, size) = (out.len() as u32, directory.len() as u32);
        out.extend(directory);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn an_excel_workbook_reads_its_first_sheet() {
        let shared = r#"<sst><si><t>Наименование</t></si><si><r><t>МАОУ «СОШ </t></r><r><t xml:space="preserve">№ 7»</t></r></si><si><t>Лицей &amp; гимназия</t></si></sst>"#;
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>ИНН</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"/><c r="C2"><v>6623000001</v></c></row><row r="3"/><row r="4"><c r="A4" t="s"><v>2</v></c></row></sheetData><rowBreaks count="0"/></worksheet>"#;
        let book = zip_deflated(&[
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
        let rows = read_table(&book).unwrap().rows;
        assert_eq!(
            rows,
            [
                vec!["Наименование", "", "ИНН"],
                vec!["МАОУ «СОШ № 7»", "", "6623000001"],
                vec!["Лицей & гимназия"],
            ]
        );
        // The app's own export (stored entries, inline strings) reads back too.
        let table = crate::export::Table {
            name: "Школы".into(),
            headers: vec!["Школа".into(), "ИНН".into()],
            rows: vec![vec![
                crate::export::Cell::Text("СОШ № 1".into()),
                crate::export::Cell::Int(42),
            ]],
        };
        let rows = read_table(&crate::export::to_xlsx(&[table])).unwrap().rows;
        assert_eq!(rows, [vec!["Школа", "ИНН"], vec!["СОШ № 1", "42"]]);
        assert_eq!(read_xlsx(b"PK\x03\x04 not a zip"), Err(TableError::NotXlsx));
        let empty = zip_deflated(&[("xl/workbook.xml", "<workbook/>")]);
        assert_eq!(read_xlsx(&empty), Err(TableError::NoSheet));
        // A Word document is a ZIP too: said for what it is, whatever its
        // file's name.
        let word = zip_deflated(&[("word/document.xml", "<w:document/>")]);
        assert_eq!(read_table(&word), Err(TableError::Word));
    }

    /// Workbooks as others write them (a bad-input audit): the first tab
    /// is the one the workbook lists first, not the part named «sheet1»;
    /// without a workbook part, «sheet2» comes before «sheet10»; tags with
    /// a namespace prefix (.NET) read; a merged cell gives its value to
    /// each row it covers; an error cell is empty; a workbook of several
    /// sheets says which was read.
    #[test]
    fn workbooks_of_other_writers_read_as_excel_shows_them() {
        let sheet = |rows: &str| format!("<worksheet><sheetData>{rows}</sheetData></worksheet>");
        let list = sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Наименование</t></is></c><c r="B1" t="inlineStr"><is><t>Муниципалитет</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>СОШ № 1</t></is></c><c r="B2" t="inlineStr"><is><t>Округ</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>СОШ № 2</t></is></c></row><row r="4"><c r="A4" t="e"><v>#REF!</v></c><c r="C4"><v>6623000001</v></c></row>"#,
        )
        .replace("</worksheet>", r#"<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>"#);
        let old =
            sheet(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Старый список</t></is></c></row>"#);
        let book = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Список &amp; ИНН" sheetId="2" r:id="rId7"/><sheet name="Старый" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#;
        let table = read_table(&zip_deflated(&[
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", &old),
            ("xl/worksheets/sheet2.xml", &list),
        ]))
        .unwrap();
        let expected = [
            vec!["Наименование", "Муниципалитет"],
            vec!["СОШ № 1", "Округ"],
            vec!["СОШ № 2", "Округ"],
            vec!["", "", "6623000001"],
        ];
        assert_eq!(table.rows, expected);
        assert_eq!(
            table.sheet_line().unwrap(),
            "Прочитан первый лист книги — «Список & ИНН» (всего листов: 2)."
        );
        assert_eq!(table.too_short(), None);
        // No workbook part: the lowest number.
        let numbered = read_table(&zip_deflated(&[
            ("xl/worksheets/sheet10.xml", &old),
            ("xl/worksheets/sheet2.xml", &list),
        ]))
        .unwrap();
        assert_eq!(numbered.rows, expected);
        assert_eq!(numbered.sheet, None);
        // .NET's prefixed tags.
        let prefixed = list
            .replace("<worksheet>", r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
            .replace("</worksheet>", "</x:worksheet>")
            .replace('<', "<x:")
            .replace("<x:/", "</x:")
            .replace("<x:x:", "<x:")
            .replace("</x:x:", "</x:");
        assert!(prefixed.contains("<x:row r=\"1\">"), "{prefixed}");
        let read = read_table(&zip_deflated(&[("xl/worksheets/sheet1.xml", &prefixed)])).unwrap();
        assert_eq!(read.rows, expected);
        // A title sheet first: said with the reason.
        let title = sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Список школ на 2026 год</t></is></c></row>"#,
        );
        let book = book.replace("Список &amp; ИНН", "Титул");
        let titled = read_table(&zip_deflated(&[
            ("xl/workbook.xml", &book),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", &list),
            ("xl/worksheets/sheet2.xml", &title),
        ]))
        .unwrap();
        assert_eq!(
            titled.too_short().unwrap().to_string(),
            "В нём нет строк со школами под заголовком. Прочитан первый лист книги — «Титул» \
             (всего листов: 2). Если список на другом листе, перенесите его на первый."
        );
    }

    /// Excel's tab-separated text, in UTF-8 and as «Текст Юникод» (UTF-16
    /// with its mark, spelled out byte by byte here): a list read as one
    /// column stood every school «не сдана» (a bad-input audit).
    #[test]
    fn tabs_and_utf16_read_as_columns() {
        let text = "Школа\tИНН\tМуниципалитет\r\nСОШ № 1\t6623185294\tг. о. Пример\r\n";
        let expected = [
            vec!["Школа", "ИНН", "Муниципалитет"],
            vec!["СОШ № 1", "6623185294", "г. о. Пример"],
        ];
        assert_eq!(read_table(text.as_bytes()).unwrap().rows, expected);
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend([(unit & 0xFF) as u8, (unit >> 8) as u8]);
            be.extend([(unit >> 8) as u8, (unit & 0xFF) as u8]);
        }
        assert_eq!(read_table(&le).unwrap().rows, expected);
        assert_eq!(read_table(&be).unwrap().rows, expected);
        // Tabs inside a quoted header cell of a `;` list are the cell's
        // (a review: they outnumbered the one `;`).
        let quoted = "\"Полное\tнаименование\tОО\";ИНН\nСОШ № 1;6623185294\n";
        assert_eq!(read_csv(quoted.as_bytes())[1], ["СОШ № 1", "6623185294"]);
        // Commas in a name beside tabs between the fields.
        let mixed = "Школа\tИНН\nМАОУ «Лицей, школа № 5»\t1\n";
        assert_eq!(
            read_csv(mixed.as_bytes())[1],
            ["МАОУ «Лицей, школа № 5»", "1"]
        );
    }

    #[test]
    fn utf8_with_bom_commas_quotes_and_line_breaks() {
        let text = "\u{FEFF}Школа,ИНН\r\n\"МАОУ \"\"Лицей, № 5\"\"\",123\n\n\"Две\nстроки\",\n";
        let rows = read_csv(text.as_bytes());
        assert_eq!(
            rows,
            [
                vec!["Школа", "ИНН"],
                vec!["МАОУ \"Лицей, № 5\"", "123"],
                vec!["Две\nстроки", ""],
            ]
        );
    }

    // Workbooks a review made: a damaged merge, attributes on several
    // lines, merges across the columns, a hidden first sheet.
    fn inline_cell(r: &str, text: &str) -> String {
        format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    fn sheet_of(rows: &str, tail: &str) -> String {
        format!("<worksheet><sheetData>{rows}</sheetData>{tail}</worksheet>")
    }

    /// A malformed merge (columns reversed) in a hand-made or damaged file
    /// does not crash the page (it panicked slicing the row's cells).
    #[test]
    fn a_reversed_merge_ref_does_not_panic() {
        let rows = format!(
            r#"<row r="1">{}{}</row><row r="2">{}</row>"#,
            inline_cell("A1", "Наименование"),
            inline_cell("B1", "ИНН"),
            inline_cell("A2", "СОШ № 1")
        );
        let xml = sheet_of(
            &rows,
            r#"<mergeCells><mergeCell ref="D2:A2"/></mergeCells>"#,
        );
        let book = zip_deflated(&[("xl/worksheets/sheet1.xml", &xml)]);
        let read = std::panic::catch_unwind(|| read_table(&book));
        assert!(
            read.is_ok(),
            "read_table panicked on mergeCell ref=\"D2:A2\""
        );
    }

    /// Attributes separated by line breaks, as XML allows, are read: a
    /// shared-string cell whose ` t="s"` went unseen read as its index, a
    /// school named «0».
    #[test]
    fn attributes_separated_by_newlines_are_read() {
        let shared = r#"<sst><si><t>Наименование</t></si><si><t>СОШ № 1</t></si></sst>"#;
        let rows = "<row r=\"1\"><c r=\"A1\"\nt=\"s\"><v>0</v></c></row>\
                    <row r=\"2\"><c\nr=\"A2\"\nt=\"s\"><v>1</v></c></row>";
        let xml = sheet_of(rows, "");
        let book = zip_deflated(&[
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", &xml),
        ]);
        let rows = read_table(&book).unwrap().rows;
        assert_eq!(rows, [vec!["Наименование"], vec!["СОШ № 1"]]);
    }

    /// A register's group heading (the municipality above its schools),
    /// merged across the table's columns, stays in its first column: copied
    /// into every column, it read as a school with its own words for ИНН.
    #[test]
    fn a_group_heading_merged_across_columns_is_no_school() {
        let rows = format!(
            r#"<row r="1">{}{}{}</row><row r="2">{}</row><row r="3">{}{}{}</row>"#,
            inline_cell("A1", "№ п/п"),
            inline_cell("B1", "Наименование ОО"),
            inline_cell("C1", "ИНН"),
            inline_cell("A2", "Городской округ Пример"),
            inline_cell("A3", "1"),
            inline_cell("B3", "МБОУ СОШ № 1"),
            inline_cell("C3", "6623000001"),
        );
        assert_eq!(schools_merged(&rows, "A2:C2"), ["МБОУ СОШ № 1"]);
    }

    /// The schools of a sheet of `rows` with the cells of `range` merged.
    fn schools_merged(rows: &str, range: &str) -> Vec<String> {
        let merge = format!(r#"<mergeCells count="1"><mergeCell ref="{range}"/></mergeCells>"#);
        let xml = sheet_of(rows, &merge);
        let rows = read_table(&zip_deflated(&[("xl/worksheets/sheet1.xml", &xml)]))
            .unwrap()
            .rows;
        let read = Columns::guess(&rows).schools(&rows);
        read.schools.into_iter().map(|s| s.name).collect()
    }

    /// A title merged across the table keeps one cell, as `Columns::guess`
    /// expects of a title: filling every column, it was taken for the
    /// header, and the real header for a school.
    #[test]
    fn a_title_merged_across_columns_is_not_the_header() {
        let rows = format!(
            r#"<row r="1">{}</row><row r="2">{}{}{}</row><row r="3">{}{}{}</row>"#,
            inline_cell("A1", "Список школ на 2026 год"),
            inline_cell("A2", "Школа"),
            inline_cell("B2", "ИНН"),
            inline_cell("C2", "Район"),
            inline_cell("A3", "МБОУ СОШ № 1"),
            inline_cell("B3", "6623000001"),
            inline_cell("C3", "Пример"),
        );
        assert_eq!(schools_merged(&rows, "A1:C1"), ["МБОУ СОШ № 1"]);
    }

    /// Excel's first tab is the first sheet not hidden; a hidden first sheet
    /// (a template's lookup sheet) is read instead, and named as the one read.
    #[test]
    fn a_hidden_first_sheet_is_not_the_first_tab() {
        let hidden = sheet_of(
            &format!(
                r#"<row r="1">{}{}</row>"#,
                inline_cell("A1", "код"),
                inline_cell("B1", "значение")
            ),
            "",
        );
        let list = sheet_of(
            &format!(
                r#"<row r="1">{}{}</row><row r="2">{}{}</row>"#,
                inline_cell("A1", "Наименование"),
                inline_cell("B1", "ИНН"),
                inline_cell("A2", "СОШ № 1"),
                inline_cell("B2", "6623000001")
            ),
            "",
        );
        let book = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Справочник" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Список" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
        let rels = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>"#;
        let table = read_table(&zip_deflated(&[
            ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", &hidden),
            ("xl/worksheets/sheet2.xml", &list),
        ]))
        .unwrap();
        assert_eq!(
            table.rows,
            [vec!["Наименование", "ИНН"], vec!["СОШ № 1", "6623000001"]]
        );
    }
}
