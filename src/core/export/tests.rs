//! CSV and XLSX, read back: the XLSX through a zip reader written for these
//! tests, independent of the writer.

use super::csv::csv_text;
use super::xlsx::{cell_ref, column_widths, push_text_cell, sheet_names, sheet_xml};
use super::zip::crc32;
use super::*;
use crate::text::{percent, percent_tenths};

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
