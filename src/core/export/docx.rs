//! DOCX: a Word document of headings, paragraphs, dash lists and tables on
//! A4, zipped by [`crate::export::zip`]. Letters go out on letterhead from
//! Word, so the text is plain: the letterhead's own styles take over once
//! it is pasted in.

use crate::export::xlsx::column_widths;
use crate::export::xml::{push_xml, XML_DECLARATION};
use crate::export::zip::zip_stored;
use crate::export::Table;

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title (Word's «Заголовок 1»).
    Title(String),
    /// A section heading («Заголовок 2»).
    Heading(String),
    /// A paragraph; its lines are kept as line breaks.
    Paragraph(String),
    /// A line of a dash list («— …»), indented with the dash hanging.
    Item(String),
    Table(Table),
    PageBreak,
}

/// The blocks of a plain-text letter as the app drafts it: paragraphs
/// between blank lines, lines starting with «— » as list items.
pub fn text_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !lines.is_empty() {
            blocks.push(Block::Paragraph(lines.join("\n")));
            lines.clear();
        }
    };
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            flush(&mut lines, &mut blocks);
        } else if line.starts_with("— ") {
            flush(&mut lines, &mut blocks);
            blocks.push(Block::Item(line.to_owned()));
        } else {
            lines.push(line);
        }
    }
    flush(&mut lines, &mut blocks);
    blocks
}

/// A DOCX document of `blocks`: Times New Roman 14 on A4 with the margins of
/// Russian office papers (30 mm left, 15 mm right, 20 mm top and bottom).
pub fn to_docx(blocks: &[Block]) -> Vec<u8> {
    let mut body = String::from(XML_DECLARATION);
    body.push_str(concat!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        "<w:body>",
    ));
    for block in blocks {
        match block {
            Block::Title(text) => push_paragraph(&mut body, Some("Heading1"), text),
            Block::Heading(text) => push_paragraph(&mut body, Some("Heading2"), text),
            Block::Paragraph(text) => push_paragraph(&mut body, None, text),
            Block::Item(text) => push_paragraph(&mut body, Some("ListDash"), text),
            Block::Table(table) => push_table(&mut body, table),
            Block::PageBreak => body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
        }
    }
    body.push_str(concat!(
        r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>"#,
        r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/>"#,
        "</w:sectPr></w:body></w:document>",
    ));
    zip_stored(&[
        (
            "[Content_Types].xml".to_owned(),
            format!("{XML_DECLARATION}{CONTENT_TYPES}"),
        ),
        (
            "_rels/.rels".to_owned(),
            format!("{XML_DECLARATION}{PACKAGE_RELS}"),
        ),
        ("word/document.xml".to_owned(), body),
        (
            "word/_rels/document.xml.rels".to_owned(),
            format!("{XML_DECLARATION}{DOCUMENT_RELS}"),
        ),
        (
            "word/styles.xml".to_owned(),
            format!("{XML_DECLARATION}{STYLES}"),
        ),
    ])
}

/// The width between the margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1701 - 850;

const CONTENT_TYPES: &str = concat!(
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    "</Types>",
);

const PACKAGE_RELS: &str = concat!(
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    "</Relationships>",
);

const DOCUMENT_RELS: &str = concat!(
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    "</Relationships>",
);

/// Word's built-in heading styles (by their English names Word localises),
/// a dash list with a hanging indent, and smaller text in tables.
const STYLES: &str = concat!(
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#,
    r#"<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>"#,
    r#"<w:rPr><w:b/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="ListDash"><w:name w:val="List Dash"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:pPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="283"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>"#,
    "</w:styles>",
);

fn push_paragraph(xml: &mut String, style: Option<&str>, text: &str) {
    xml.push_str("<w:p>");
    if let Some(style) = style {
        xml.push_str(&format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#));
    }
    push_runs(xml, text, false);
    xml.push_str("</w:p>");
}

/// The text as one run per line, with line breaks between them.
fn push_runs(xml: &mut String, text: &str, bold: bool) {
    for (i, line) in text.split('\n').enumerate() {
        xml.push_str("<w:r>");
        if bold {
            xml.push_str("<w:rPr><w:b/></w:rPr>");
        }
        if i > 0 {
            xml.push_str("<w:br/>");
        }
        xml.push_str(r#"<w:t xml:space="preserve">"#);
        push_xml(xml, line.trim_end_matches('\r'));
        xml.push_str("</w:t></w:r>");
    }
}

/// A bordered table across the text width, its columns as wide as their
/// longest values (the XLSX measure) allow; the header row is bold and
/// repeats on every page.
fn push_table(xml: &mut String, table: &Table) {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(table.headers.len());
    if columns == 0 {
        return;
    }
    let mut widths = column_widths(table);
    widths.resize(columns, 6);
    let total: usize = widths.iter().sum();
    let twips: Vec<usize> = widths.iter().map(|w| TEXT_WIDTH * w / total).collect();
    xml.push_str(concat!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>"#,
        r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#,
    ));
    for w in &twips {
        xml.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    xml.push_str("</w:tblGrid>");
    if !table.headers.is_empty() {
        xml.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for (i, w) in twips.iter().enumerate() {
            push_cell(
                xml,
                *w,
                table.headers.get(i).map_or("", String::as_str),
                true,
            );
        }
        xml.push_str("</w:tr>");
    }
    for row in &table.rows {
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, w) in twips.iter().enumerate() {
            let text = row.get(i).map(|c| c.text()).unwrap_or_default();
            push_cell(xml, *w, &text, false);
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    // Two tables in a row would merge, and the body may not end on a table.
    xml.push_str("<w:p/>");
}

fn push_cell(xml: &mut String, width: usize, text: &str, bold: bool) {
    xml.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>"#
    ));
    push_runs(xml, text, bold);
    xml.push_str("</w:p></w:tc>");
}
