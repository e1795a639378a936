//! CSV, XLSX and DOCX, read back: the office files through the zip and XML
//! readers of [`super::read_back`], independent of the writers.

use super::csv::csv_text;
use super::read_back::{self, part, unzip};
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
        assert!(xml.starts_with(b"<?xml "), "{name}");
    }
    let types = part(&entries, "[Content_Types].xml");
    assert!(types.contains(r#"PartName="/xl/worksheets/sheet2.xml""#));
    let workbook = part(&entries, "xl/workbook.xml");
    assert!(workbook.contains(r#"<sheet name="Рейтинг" sheetId="1" r:id="rId1"/>"#));
    assert!(workbook.contains(r#"<sheet name="Школа × показатель" sheetId="2" r:id="rId2"/>"#));
    let rels = part(&entries, "xl/_rels/workbook.xml.rels");
    assert!(rels.contains(r#"Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml""#));
}

/// Each sheet with rows has its header's filter, named as Excel names it.
#[test]
fn xlsx_sheets_have_filters_on_their_headers() {
    let mut quoted = rating();
    quoted.name = "Школы о'Нил".into();
    let empty = Table {
        name: "Пусто".into(),
        headers: vec!["Школа".into()],
        rows: Vec::new(),
    };
    let entries = unzip(&to_xlsx(&[rating(), empty, quoted]));
    let workbook = part(&entries, "xl/workbook.xml");
    assert!(
        workbook.contains(
            "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" \
         hidden=\"1\">'Рейтинг'!$A$1:$D$4</definedName><definedName name=\"_xlnm._FilterDatabase\" \
         localSheetId=\"2\" hidden=\"1\">'Школы о''Нил'!$A$1:$D$4</definedName></definedNames>"
        ),
        "{workbook}"
    );
    assert!(!part(&entries, "xl/worksheets/sheet2.xml").contains("autoFilter"));
}

#[test]
fn xlsx_sheet_holds_escaped_text_and_numbers() {
    let entries = unzip(&to_xlsx(&[rating()]));
    let sheet = part(&entries, "xl/worksheets/sheet1.xml");
    for expected in [
        r#"<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Место</t></is></c>"#,
        r#"<c r="A2"><v>1</v></c>"#,
        r#"<t xml:space="preserve">МБОУ &quot;СОШ № 1&quot;; корпус 2</t>"#,
        // 21 of 23 is 91,3 % on screen: the fraction a sheet shows as 91,3%.
        r#"<c r="C2"><v>21</v></c><c r="D2" s="4"><v>0.913</v></c></row>"#,
        r#"<t xml:space="preserve">Школа &lt;&amp;&gt; №2</t>"#,
        r#"<c r="C3"><v>-3</v></c></row>"#,
        r#"<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">'=1+1</t></is></c><c r="C4" "#,
        "строка 1\nстрока 2",
        r#"state="frozen""#,
        r#"</sheetData><autoFilter ref="A1:D4"/></worksheet>"#,
    ] {
        assert!(sheet.contains(expected), "{expected}\nin\n{sheet}");
    }
    assert!(!sheet.contains('\u{1}'), "control characters are dropped");
    assert!(!sheet.contains(r#"r="B4""#), "empty cells are left out");
    assert!(!sheet.contains(r#"r="D3""#), "an empty group has no share");
}

/// A share is the fraction Excel keeps a percentage as, written from the
/// tenths the app shows; a change in points stays a number of points.
#[test]
fn xlsx_shares_are_percentages_and_changes_points() {
    let table = Table {
        name: "Доли".into(),
        headers: vec!["Доля, %".into(), "Изменение, п. п.".into()],
        rows: vec![
            vec![Cell::Percent { part: 1, whole: 3 }, Cell::Tenths(-44)],
            vec![Cell::Percent { part: 5, whole: 5 }, Cell::Tenths(165)],
            vec![Cell::Percent { part: 0, whole: 7 }, Cell::Tenths(0)],
        ],
    };
    let sheet = sheet_xml(&table);
    for expected in [
        r#"<c r="A2" s="4"><v>0.333</v></c><c r="B2" s="2"><v>-4.4</v></c>"#,
        r#"<c r="A3" s="4"><v>1.000</v></c><c r="B3" s="2"><v>16.5</v></c>"#,
        r#"<c r="A4" s="4"><v>0.000</v></c><c r="B4" s="2"><v>0.0</v></c>"#,
    ] {
        assert!(sheet.contains(expected), "{expected}\nin\n{sheet}");
    }
    let styles = part(&unzip(&to_xlsx(&[table])), "xl/styles.xml");
    assert!(styles.contains(r#"<numFmt numFmtId="166" formatCode="0.0%"/>"#));
    assert!(styles.contains(r#"<cellXfs count="5">"#));
}

/// Days as Excel counts them, by hand: 1 January 1901 is day 367 (1900
/// had 366 days in Excel's count), 1 January 2026 day 46 023 (45 658 a
/// year before), 1 September 2026 243 days later.
#[test]
fn dates_are_days_a_sheet_counts_with() {
    assert_eq!(excel_day("1901-01-01"), Some(367));
    assert_eq!(excel_day("2025-01-01"), Some(45_658));
    assert_eq!(excel_day("2026-01-01"), Some(46_023));
    assert_eq!(excel_day("2026-09-01T08:30:00.000Z"), Some(46_266));
    assert_eq!(excel_day("2024-02-29"), Some(45_351));
    for not_a_day in ["2026-02-29", "2026-13-01", "01.09.2026", "", "1900-03-01"] {
        assert_eq!(excel_day(not_a_day), None, "{not_a_day}");
    }
    let table = Table {
        name: "Школы".into(),
        headers: vec!["Первый файл от".into()],
        rows: vec![
            vec![Cell::Date("2026-09-01T08:30:00.000Z".into())],
            vec![Cell::Date("когда-то".into())],
        ],
    };
    let sheet = sheet_xml(&table);
    assert!(
        sheet.contains(r#"<c r="A2" s="3"><v>46266</v></c>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<t xml:space="preserve">когда-то</t>"#));
    assert_eq!(csv(&table), "Первый файл от\r\n01.09.2026\r\nкогда-то\r\n");
    let styles = part(&unzip(&to_xlsx(&[table])), "xl/styles.xml");
    assert!(styles.contains(r#"<numFmt numFmtId="165" formatCode="dd.mm.yyyy"/>"#));
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

/// A word's width in twips with the cell's margins at `size` half-points,
/// from its width in thousandths of an em as Liberation Serif (Times New
/// Roman's metric twin in LibreOffice) sets it, measured apart from the
/// app (PIL's `ImageFont.getlength`): what a column must hold for the word
/// to stay whole.
fn fits(mils: usize, size: usize) -> usize {
    mils * size * 10 / 1000 + 2 * 57
}

/// Each column at least its longest word, header or value, so that no word
/// breaks across lines in Word or LibreOffice: a code's or a percentage's
/// column shared out by the longest values broke «Ко/д» and «73,/3» (the
/// report's figures, as LibreOffice laid them out).
#[test]
fn docx_columns_keep_their_words_whole() {
    let table = Table {
        name: String::new(),
        headers: vec![
            "Код".into(),
            "Показатель".into(),
            "Школ, выполнивших показатель (с учётом проверки)".into(),
            "% школ".into(),
        ],
        rows: vec![vec![
            text("1.1"),
            text(&"Доля обучающихся 1-4 классов, посетивших мероприятия ".repeat(4)),
            Cell::Int(11),
            Cell::Percent {
                part: 11,
                whole: 15,
            },
        ]],
    };
    let layout = super::docx::column_twips(&table, 4);
    assert_eq!(layout.size, 22, "11 points: the words fit");
    let widths = layout.twips;
    // Bold «Код», «Показатель», «выполнивших», «% школ» (a short header
    // whole); regular «обучающихся».
    let least = [1652, 5240, 6558, 3705].map(|mils| fits(mils, 22));
    for (w, l) in widths.iter().zip(least) {
        assert!(*w >= l, "{widths:?}");
    }
    assert!(widths[1] >= fits(5845, 22), "{widths:?}");
    // The whole text width, the long wording taking what is left over.
    assert!(widths.iter().sum::<usize>() <= 11906 - 1701 - 850);
    assert!(widths[1] > widths[2] && widths[2] > widths[0], "{widths:?}");
    // A header's words count, its length does not: «Школ, выполнивших …»
    // over «11» takes about «выполнивших», not its whole line.
    assert!(widths[2] < least[2] * 5 / 4, "{widths:?}");
}

/// Leninsk's figures: seven columns whose words do not fit across the page
/// at 11 points (its wording «практико-ориентированными»,
/// «профориентационной», values «педагогическое») are set at 10, every
/// word whole at that size; a code stays on one line; a hyphen may end one.
#[test]
fn docx_columns_too_wide_at_eleven_points_are_set_smaller() {
    let table = Table {
        name: String::new(),
        headers: crate::department::tables::INDICATOR_HEADERS
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: vec![vec![
            text("п. 1.1"),
            text("Доля обучающихся, охваченных практико-ориентированными мероприятиями профориентационной направленности"),
            Cell::Int(20),
            Cell::Int(20),
            Cell::Int(16),
            Cell::Percent { part: 4, whole: 5 },
            text("педагогическое сопровождение"),
        ]],
    };
    let layout = super::docx::column_twips(&table, 7);
    assert_eq!(layout.size, 20, "{:?}", layout.twips);
    // Each run of the table says its size, bold or not.
    let xml = part(
        &unzip(&to_docx(&[Block::Table(table.clone())])),
        "word/document.xml",
    );
    let sized = r#"<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>"#;
    assert_eq!(xml.matches(sized).count(), 14, "7 headers and 7 values");
    assert_eq!(xml.matches("<w:rPr><w:b/><w:sz").count(), 7);
    let widths = layout.twips;
    assert!(
        widths.iter().sum::<usize>() <= 11906 - 1701 - 850,
        "{widths:?}"
    );
    // Regular «п. 1.1» whole, «профориентационной» and «ориентированными»
    // (after «практико-»), bold «Применим», «выполнивших», «% школ»,
    // regular «педагогическое», at 10 points.
    let least = [
        (0, 2285),
        (1, 9266),
        (1, 8299),
        (3, 4869),
        (4, 6558),
        (5, 3705),
        (6, 6556),
    ];
    for (column, mils) in least {
        assert!(widths[column] >= fits(mils, 20), "{column}: {widths:?}");
    }
    // Whole, «практико-ориентированными» would have needed more than the page.
    assert!(widths[1] < fits(4192 + 8299, 20), "{widths:?}");
}

/// Nine columns whose words alone are wider than the page even at 9 points
/// (the road map's): the short ones keep their words whole, the wide ones
/// give way; a long address takes at most a third of the page.
#[test]
fn docx_columns_too_many_for_the_page_shrink_the_wide_ones() {
    let headers = crate::department::tables::road_map_headers(&crate::testkit::card());
    assert_eq!(headers.len(), 9);
    let table = Table {
        name: String::new(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: vec![vec![
            Cell::Int(1),
            text("Семинар https://school7.ru/proforientatsiya/seminar-dlya-zamestitelei-2026"),
            text("01.12.2026"),
            text("общеобразовательная организация"),
            text("1.1, 1.2"),
            text("доля педагогов"),
            text("справка"),
            text("Иванова А. А."),
            text("выполнено"),
        ]],
    };
    let layout = super::docx::column_twips(&table, 9);
    assert_eq!(layout.size, 18, "the smallest size tried");
    let widths = layout.twips;
    let page = 11906 - 1701 - 850;
    assert!(widths.iter().sum::<usize>() <= page, "{widths:?}");
    // «№» (bold) and «справка» whole; the widest cut to one width, no
    // column narrower than that unless its words are.
    assert!(
        widths[0] >= fits(1005, 18) && widths[6] >= fits(3310, 18),
        "{widths:?}"
    );
    let cut = widths[1];
    assert_eq!(widths[3], cut, "{widths:?}");
    assert!(widths.iter().all(|w| *w <= cut), "{widths:?}");
    assert!(cut <= page / 3, "{widths:?}");
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

#[test]
fn a_letter_becomes_paragraphs_and_dash_items() {
    let letter = "Адресные рекомендации\nза 2025/2026 учебный год\n\nМАОУ «СОШ № 7»\n\n\
                  Меры, в которых примет участие организация:\n— семинар «Профпробы»\n— курсы\n\n\n\
                  Дата ____\n";
    assert_eq!(
        text_blocks(letter, &[], &["Адресные рекомендации"]),
        [
            Block::Title("Адресные рекомендации\nза 2025/2026 учебный год".into()),
            Block::Paragraph("МАОУ «СОШ № 7»".into()),
            Block::Paragraph("Меры, в которых примет участие организация:".into()),
            Block::Item("— семинар «Профпробы»".into()),
            Block::Item("— курсы".into()),
            Block::Paragraph("Дата ____".into()),
        ]
    );
    assert_eq!(
        text_blocks("\r\n  \r\nа\r\nб  \r\n", &[], &[]),
        [Block::Paragraph("а\nб".into())]
    );
    // An indicator's paragraph leads with its heading, in bold in Word;
    // a line that only looks like one (a date, a numbered point) does not.
    let codes = ["1.4", "П-1.1", "1.1"];
    let indicators = "1.4. Доля обучающихся\nРекомендация: провести.\n\nП-1.1. Наличие плана\n\n\
                      Рекомендация: сделать. Срок — май.\n\n1. Руководителям организаций.\n\n\
                      04.12.2026. Уважаемые коллеги!\n\n1.14. Не код карты";
    assert_eq!(
        text_blocks(indicators, &codes, &[]),
        [
            Block::Lead("1.4. Доля обучающихся\nРекомендация: провести.".into()),
            Block::Lead("П-1.1. Наличие плана".into()),
            Block::Paragraph("Рекомендация: сделать. Срок — май.".into()),
            Block::Paragraph("1. Руководителям организаций.".into()),
            Block::Paragraph("04.12.2026. Уважаемые коллеги!".into()),
            Block::Paragraph("1.14. Не код карты".into()),
        ]
    );
    let body = part(
        &unzip(&to_docx(&text_blocks(indicators, &codes, &[])[..1])),
        "word/document.xml",
    );
    assert!(body.contains(concat!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1.4. Доля обучающихся</w:t></w:r>"#,
        r#"<w:r><w:br/></w:r><w:r><w:t xml:space="preserve">Рекомендация: провести.</w:t></w:r></w:p>"#
    )), "{body}");
}

#[test]
fn docx_is_a_zip_of_the_document_parts() {
    let entries = unzip(&to_docx(&[Block::Paragraph("Текст".into())]));
    let names: Vec<_> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/header1.xml",
        ]
    );
    // The page's number at the top, from the second page: the header is
    // the document's, typed as one, and holds a PAGE field.
    let header = part(&entries, "word/header1.xml");
    assert!(header.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
    let body = part(&entries, "word/document.xml");
    assert!(body.contains(r#"<w:headerReference w:type="default" r:id="rIdHeader1"/>"#));
    assert!(body.contains("<w:titlePg/></w:sectPr>"));
    let document_rels = read_back::parse_xml(&part(&entries, "word/_rels/document.xml.rels"));
    let to_header = (document_rels.elements())
        .find(|e| e.attribute("Id") == Some("rIdHeader1"))
        .unwrap();
    assert_eq!(to_header.attribute("Target"), Some("header1.xml"));
    let types = read_back::parse_xml(&part(&entries, "[Content_Types].xml"));
    assert!(types
        .elements()
        .any(|e| e.attribute("PartName") == Some("/word/header1.xml")
            && e.attribute("ContentType")
                == Some(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
                )));
    let main = types
        .elements()
        .find(|e| e.attribute("PartName") == Some("/word/document.xml"))
        .unwrap();
    assert_eq!(
        main.attribute("ContentType"),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    );
    let rels = read_back::parse_xml(&part(&entries, "_rels/.rels"));
    assert_eq!(
        rels.elements().next().unwrap().attribute("Target"),
        Some("word/document.xml")
    );
    let styles = read_back::parse_xml(&part(&entries, "word/styles.xml"));
    let mut ids = Vec::new();
    styles.find_all("w:style", &mut ids);
    let ids: Vec<_> = ids
        .iter()
        .filter_map(|s| s.attribute("w:styleId"))
        .collect();
    assert_eq!(
        ids,
        [
            "Normal",
            "Heading1",
            "Heading2",
            "ListDash",
            "Caption",
            "TableText"
        ]
    );
}

/// An indicator's words stay on the page of its chart: the words keep
/// with the next paragraph, a picture does not (it kept the next chart's
/// words away from their own chart).
#[test]
fn docx_captions_keep_with_their_pictures() {
    let picture = || {
        Block::Image(Image {
            png: vec![0x89, b'P', b'N', b'G'],
            width: 680,
            height: 900,
            description: "Значения школ".into(),
        })
    };
    let entries = unzip(&to_docx(&[
        Block::Caption("1.2. Количество".into()),
        picture(),
        Block::Caption("1.4. Организация".into()),
        picture(),
    ]));
    let document = part(&entries, "word/document.xml");
    assert_eq!(
        document.matches(r#"<w:pStyle w:val="Caption"/>"#).count(),
        2
    );
    assert!(!document.contains("<w:keepNext/>"), "{document}");
    let styles = part(&entries, "word/styles.xml");
    let caption = &styles[styles.find(r#"w:styleId="Caption""#).unwrap()..];
    assert!(caption[..caption.find("</w:style>").unwrap()].contains("<w:keepNext/>"));
}

/// A document's closing lines (the signature and date) never stand alone
/// on its last page: what comes before keeps with them, a paragraph or a
/// table's last row; in the letters to every school, each letter's own.
#[test]
fn docx_closing_paragraph_keeps_with_what_comes_before() {
    let signature = || Block::Paragraph("Подготовил(а) ____\nДата ____".into());
    let entries = unzip(&to_docx(&[
        Block::Paragraph("Первый".into()),
        Block::Paragraph("Последний".into()),
        signature(),
        Block::Section,
        Block::Table(rating()),
        signature(),
    ]));
    let document = part(&entries, "word/document.xml");
    let paragraph_of = |text: &str| {
        let at = document.find(text).unwrap();
        let start = document[..at].rfind("<w:p>").unwrap();
        document[start..at].to_owned()
    };
    assert!(
        !paragraph_of("Первый").contains("<w:keepNext/>"),
        "{document}"
    );
    assert!(
        paragraph_of("Последний").contains("<w:keepNext/>"),
        "{document}"
    );
    // The table's last row and the empty paragraph after it keep on; its
    // other rows and its header do not, nor the signatures themselves.
    let (start, end) = (
        document.find("<w:tbl>").unwrap(),
        document.find("</w:tbl>").unwrap(),
    );
    let rows: Vec<&str> = document[start..end].split("<w:tr>").skip(1).collect();
    let (last, others) = rows.split_last().unwrap();
    assert_eq!(
        last.matches("<w:keepNext/>").count(),
        rating().headers.len()
    );
    assert!(others.iter().all(|row| !row.contains("<w:keepNext/>")));
    assert!(document[end..].starts_with("</w:tbl><w:p><w:pPr><w:keepNext/></w:pPr></w:p>"));
    // «Последний», the last row's cells, the paragraph after the table.
    assert_eq!(
        document.matches("<w:keepNext/>").count(),
        1 + rating().headers.len() + 1
    );
}

#[test]
fn docx_holds_headings_paragraphs_and_tables() {
    let blocks = [
        Block::Title("Справка".into()),
        Block::Paragraph("Строка 1\nСтрока 2 <&>\u{1}".into()),
        Block::PageBreak,
        Block::Heading("Рейтинг".into()),
        Block::Item("— пункт".into()),
        Block::Table(rating()),
    ];
    let docx = to_docx(&blocks);
    // A paragraph of several lines stays on one page in Word: the style
    // every other is based on says so.
    assert!(String::from_utf8_lossy(&docx).contains(
        r#"w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:keepLines/></w:pPr>"#
    ));
    // The page break starts the heading's page, with no empty paragraph
    // of its own at the top of it.
    let xml = String::from_utf8_lossy(&docx);
    assert!(xml.contains(r#"<w:pPr><w:pStyle w:val="Heading2"/><w:pageBreakBefore/></w:pPr>"#));
    assert!(!xml.contains(r#"<w:br w:type="page"/>"#));
    let body = read_back::docx_body(&docx);
    let p = |style: Option<&str>, text: &str| {
        read_back::Seen::Paragraph(style.map(str::to_owned), text.to_owned())
    };
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        read_back::seen(&body),
        [
            p(Some("Heading1"), "Справка"),
            p(None, "Строка 1\nСтрока 2 <&>"),
            p(None, "\u{C}"),
            p(Some("Heading2"), "Рейтинг"),
            p(Some("ListDash"), "— пункт"),
            read_back::Seen::Table(vec![
                row(&["Место", "Школа", "Баллы", "Процент"]),
                row(&["1", "МБОУ \"СОШ № 1\"; корпус 2", "21", "91,3"]),
                row(&["2", "Школа <&> №2", "-3", ""]),
                // Word runs no formulas: the text stays as written.
                row(&["=1+1", "", "строка 1\nстрока 2", ""]),
            ]),
            p(None, ""),
        ]
    );
    let table = body.first("w:tbl").unwrap();
    let mut header = Vec::new();
    table.find_all("w:tblHeader", &mut header);
    assert_eq!(header.len(), 1, "the header row repeats on each page");
    let mut grid = Vec::new();
    table.find_all("w:gridCol", &mut grid);
    let widths: Vec<usize> = grid
        .iter()
        .map(|g| g.attribute("w:w").unwrap().parse().unwrap())
        .collect();
    assert_eq!(widths.len(), 4);
    assert!(widths.iter().sum::<usize>() <= 11906 - 1701 - 850);
    assert!(widths[1] > widths[0], "the school column is the widest");
    let size = body.first("w:pgSz").unwrap();
    assert_eq!(
        (size.attribute("w:w"), size.attribute("w:h")),
        (Some("11906"), Some("16838")),
        "A4"
    );
}

#[test]
fn the_xml_reader_refuses_what_is_not_well_formed() {
    for bad in [
        "<a><b></a>",
        "<a>&</a>",
        "<a>&nbsp;</a>",
        "<a/><b/>",
        "<a x=\"1\" x=\"2\"/>",
    ] {
        assert!(
            std::panic::catch_unwind(|| read_back::parse_xml(bad)).is_err(),
            "{bad}"
        );
    }
    let ok = read_back::parse_xml("<?xml version=\"1.0\"?>\n<a k=\"&quot;\">x&#13;<b/></a>");
    assert_eq!(ok.attribute("k"), Some("\""));
    assert_eq!(ok.children[0], read_back::Node::Text("x\r".into()));
}

#[test]
fn docx_pictures_are_png_parts_fitted_to_the_text_width() {
    let png = |width, height| Image {
        png: vec![0x89, b'P', b'N', b'G', 0, 1, 2],
        width,
        height,
        description: "Уровни <школ>".into(),
    };
    let docx = to_docx(&[Block::Image(png(600, 300)), Block::Image(png(1000, 500))]);
    let entries = unzip(&docx);
    let media: Vec<_> = entries
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 2);
    assert_eq!(media[1].0, "word/media/image2.png");
    assert_eq!(media[1].1, [0x89, b'P', b'N', b'G', 0, 1, 2]);
    let types = part(&entries, "[Content_Types].xml");
    assert!(types.contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
    let rels = read_back::parse_xml(&part(&entries, "word/_rels/document.xml.rels"));
    let image = rels
        .elements()
        .find(|r| r.attribute("Id") == Some("rIdImage2"))
        .unwrap();
    assert_eq!(image.attribute("Target"), Some("media/image2.png"));

    let body = read_back::docx_body(&docx);
    let mut extents = Vec::new();
    body.find_all("wp:extent", &mut extents);
    let sizes: Vec<_> = extents
        .iter()
        .map(|e| (e.attribute("cx").unwrap(), e.attribute("cy").unwrap()))
        .collect();
    // 600 px × 9 525 EMU fits; 1 000 px is cut to (11 906 − 1 701 − 850) × 635.
    assert_eq!(sizes, [("5715000", "2857500"), ("5940425", "2970212")]);
    let mut blips = Vec::new();
    body.find_all("a:blip", &mut blips);
    assert_eq!(blips[0].attribute("r:embed"), Some("rIdImage1"));
    let doc_pr = body.first("wp:docPr").unwrap();
    assert_eq!(doc_pr.attribute("descr"), Some("Уровни <школ>"));
}
