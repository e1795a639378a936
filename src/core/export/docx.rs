//! DOCX: a Word document of headings, paragraphs, dash lists, tables and
//! PNG pictures on A4, zipped by [`crate::export::zip`]. Letters go out on letterhead from
//! Word, so the text is plain: the letterhead's own styles take over once
//! it is pasted in. A letter's title is set as a title, and an indicator's
//! heading line in bold, so that a letter of a dozen indicators can be
//! read by them; pages are numbered at the top from the second.

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
    /// A paragraph whose first line, an indicator's code and wording, is
    /// bold: «1.4. Доля обучающихся…» and what the letter says of it.
    Lead(String),
    /// A line of a dash list, indented with the dash hanging; the dash is
    /// added where the text has none («— …»).
    Item(String),
    /// The words over a picture, kept on its page.
    Caption(String),
    Table(Table),
    /// A picture on a line of its own, centred.
    Image(Image),
    PageBreak,
    /// The end of one document of several (the letters to every school):
    /// the next starts on a new page, its pages numbered from 1.
    Section,
}

/// A PNG picture (a chart drawn by the page) and the size it shows at, in
/// CSS pixels (1/96 inch); a wider one is shrunk to the text width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The alternative text a screen reader speaks.
    pub description: String,
}

/// The blocks of a plain-text letter as the app drafts it: paragraphs
/// between blank lines, lines starting with «— » as list items, a
/// paragraph whose first line is one of `titles` as the title (plain, it
/// wrapped as «…профориентационной / работы / за 2025/2026 учебный год»).
pub fn text_blocks(text: &str, codes: &[&str], titles: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if let Some(first) = lines.first() {
            let text = lines.join("\n");
            blocks.push(match indicator_heading(first, codes) {
                _ if titles.contains(&first.trim()) => Block::Title(text),
                true => Block::Lead(text),
                false => Block::Paragraph(text),
            });
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

/// Whether a letter's line opens an indicator: one of the card's `codes`,
/// a full stop, then the wording («1.4. Доля…», «П-1.1. Наличие…»). By the
/// codes, not the line's shape: a coordinator's own first line («04.12.2026.
/// Уважаемые…») is no heading.
fn indicator_heading(line: &str, codes: &[&str]) -> bool {
    (codes.iter()).any(|code| {
        line.strip_prefix(code)
            .is_some_and(|rest| rest.starts_with(". "))
    })
}

/// A DOCX document of `blocks`: Times New Roman 14 on A4 with the margins of
/// Russian office papers (30 mm left, 15 mm right, 20 mm top and bottom).
pub fn to_docx(blocks: &[Block]) -> Vec<u8> {
    let mut body = String::from(XML_DECLARATION);
    body.push_str(concat!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
        r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
        r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
        r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
        "<w:body>",
    ));
    let mut media: Vec<(String, Vec<u8>)> = Vec::new();
    let mut rels = format!("{XML_DECLARATION}{RELATIONSHIPS}{STYLES_REL}");
    // A page break starts the next paragraph on a new page: a paragraph
    // of its own for it would stand empty at the top of that page.
    let mut new_page = false;
    // A document's closing paragraph, its signature and date lines, never
    // stands alone on a page: the block before it keeps with it.
    let closes = |i: usize| {
        matches!(blocks.get(i + 1), Some(Block::Paragraph(_)))
            && matches!(blocks.get(i + 2), None | Some(Block::Section))
    };
    for (i, block) in blocks.iter().enumerate() {
        let before = std::mem::take(&mut new_page);
        let keep = closes(i);
        if before
            && !matches!(
                block,
                Block::Title(_)
                    | Block::Heading(_)
                    | Block::Paragraph(_)
                    | Block::Lead(_)
                    | Block::Item(_)
                    | Block::Caption(_)
            )
        {
            body.push_str(PAGE_BREAK);
        }
        match block {
            Block::Image(image) => {
                let n = media.len() + 1;
                push_image(&mut body, n, image, keep);
                rels.push_str(&format!(
                    r#"<Relationship Id="rIdImage{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#
                ));
                media.push((format!("word/media/image{n}.png"), image.png.clone()));
            }
            Block::Title(text) => {
                push_paragraph(&mut body, Some("Heading1"), (before, keep), text, false)
            }
            Block::Heading(text) => {
                push_paragraph(&mut body, Some("Heading2"), (before, keep), text, false)
            }
            Block::Paragraph(text) => push_paragraph(&mut body, None, (before, keep), text, false),
            Block::Lead(text) => push_paragraph(&mut body, None, (before, keep), text, true),
            Block::Item(text) => {
                // The report's lists read as paragraphs without their dash.
                let dashed = match text.starts_with("— ") {
                    true => text.clone(),
                    false => format!("— {text}"),
                };
                push_paragraph(&mut body, Some("ListDash"), (before, keep), &dashed, false)
            }
            Block::Caption(text) => {
                push_paragraph(&mut body, Some("Caption"), (before, keep), text, false)
            }
            Block::Table(table) => push_table(&mut body, table, keep),
            Block::PageBreak => new_page = true,
            // The section ends with this paragraph; the next starts a page.
            Block::Section => body.push_str(&format!(
                "<w:p><w:pPr><w:sectPr>{SECTION}</w:sectPr></w:pPr></w:p>"
            )),
        }
    }
    if new_page {
        body.push_str(PAGE_BREAK);
    }
    body.push_str(&format!(
        "<w:sectPr>{SECTION}</w:sectPr></w:body></w:document>"
    ));
    rels.push_str(HEADER_REL);
    rels.push_str("</Relationships>");
    let mut parts = vec![
        (
            "[Content_Types].xml".to_owned(),
            format!("{XML_DECLARATION}{CONTENT_TYPES}").into_bytes(),
        ),
        (
            "_rels/.rels".to_owned(),
            format!("{XML_DECLARATION}{RELATIONSHIPS}{PACKAGE_REL}</Relationships>").into_bytes(),
        ),
        ("word/document.xml".to_owned(), body.into_bytes()),
        ("word/_rels/document.xml.rels".to_owned(), rels.into_bytes()),
        (
            "word/styles.xml".to_owned(),
            format!("{XML_DECLARATION}{STYLES}").into_bytes(),
        ),
        (
            "word/header1.xml".to_owned(),
            format!("{XML_DECLARATION}{HEADER}").into_bytes(),
        ),
    ];
    parts.extend(media);
    zip_stored(&parts)
}

/// English Metric Units: 914 400 an inch, so 9 525 a CSS pixel and 635 a
/// twentieth of a point.
const EMU_PER_PX: u64 = 9525;
const EMU_PER_TWIP: u64 = 635;

fn push_image(xml: &mut String, n: usize, image: &Image, keep_next: bool) {
    let max = TEXT_WIDTH as u64 * EMU_PER_TWIP;
    let (w, h) = (
        u64::from(image.width.max(1)) * EMU_PER_PX,
        u64::from(image.height) * EMU_PER_PX,
    );
    let (cx, cy) = if w > max { (max, h * max / w) } else { (w, h) };
    let mut description = String::new();
    push_xml(&mut description, &image.description);
    xml.push_str(&format!(
        concat!(
            r#"<w:p><w:pPr>{keep}<w:jc w:val="center"/></w:pPr><w:r><w:drawing>"#,
            r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#,
            r#"<wp:docPr id="{n}" name="Рисунок {n}" descr="{d}"/>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">"#,
            r#"<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png" descr="{d}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="rIdImage{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>"#,
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"#,
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        ),
        n = n,
        keep = keep_next_tag(keep_next),
        cx = cx,
        cy = cy,
        d = description,
    ));
}

/// The width between the margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 1701 - 850;

const CONTENT_TYPES: &str = concat!(
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Default Extension="png" ContentType="image/png"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    "</Types>",
);

const RELATIONSHIPS: &str =
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#;

const PACKAGE_REL: &str = r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#;

const STYLES_REL: &str = r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#;

const HEADER_REL: &str = r#"<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#;

/// The page's number, centred: a PAGE field Word and LibreOffice fill in.
const HEADER: &str = concat!(
    r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#,
    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
    r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#,
);

/// Word's built-in heading styles (by their English names Word localises),
/// a dash list with a hanging indent, and smaller text in tables.
const STYLES: &str = concat!(
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#,
    r#"<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
    // A paragraph of several lines (a letter's indicator with its figure,
    // advice and examples, a list item) stays on one page, as on paper.
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:keepLines/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>"#,
    r#"<w:rPr><w:b/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="ListDash"><w:name w:val="List Dash"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:pPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="283"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>"#,
    r#"<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>"#,
    "</w:styles>",
);

/// A section's pages: A4 with the margins of Russian office papers, the
/// page's number at the top from the second page (ГОСТ Р 7.0.97, 6.2),
/// counted from 1 in each section.
const SECTION: &str = concat!(
    r#"<w:headerReference w:type="default" r:id="rIdHeader1"/>"#,
    r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
    r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/>"#,
    r#"<w:pgNumType w:start="1"/><w:titlePg/>"#,
);

/// A paragraph of its own that breaks the page: before a table or a
/// picture, which cannot start a page themselves, or at the end.
const PAGE_BREAK: &str = r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#;

/// Word's «не отрывать от следующего» where `on`.
fn keep_next_tag(on: bool) -> &'static str {
    if on {
        "<w:keepNext/>"
    } else {
        ""
    }
}

/// A paragraph of `text`'s lines, on a new page and kept with the next
/// paragraph as `(new_page, keep_next)` say; `lead`: its first line in bold.
fn push_paragraph(
    xml: &mut String,
    style: Option<&str>,
    (new_page, keep_next): (bool, bool),
    text: &str,
    lead: bool,
) {
    xml.push_str("<w:p>");
    if style.is_some() || new_page || keep_next {
        xml.push_str("<w:pPr>");
        if let Some(style) = style {
            xml.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
        }
        xml.push_str(keep_next_tag(keep_next));
        if new_page {
            xml.push_str("<w:pageBreakBefore/>");
        }
        xml.push_str("</w:pPr>");
    }
    match text.split_once('\n').filter(|_| lead) {
        Some((head, rest)) => {
            push_runs(xml, head, true, None);
            xml.push_str("<w:r><w:br/></w:r>");
            push_runs(xml, rest, false, None);
        }
        None => push_runs(xml, text, lead, None),
    }
    xml.push_str("</w:p>");
}

/// The text as one run per line, with line breaks between them; `size`
/// in half-points where it is not the style's.
fn push_runs(xml: &mut String, text: &str, bold: bool, size: Option<usize>) {
    let properties = match (bold, size) {
        (false, None) => String::new(),
        (bold, size) => format!(
            "<w:rPr>{}{}</w:rPr>",
            if bold { "<w:b/>" } else { "" },
            size.map_or_else(String::new, |s| format!(
                r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#
            ))
        ),
    };
    for (i, line) in text.split('\n').enumerate() {
        xml.push_str("<w:r>");
        xml.push_str(&properties);
        if i > 0 {
            xml.push_str("<w:br/>");
        }
        xml.push_str(r#"<w:t xml:space="preserve">"#);
        push_xml(xml, line.trim_end_matches('\r'));
        xml.push_str("</w:t></w:r>");
    }
}

/// A bordered table across the text width, its columns as
/// [`column_twips`] shares it; the header row is bold and repeats on every
/// page. `keep_next`: its last row keeps with the paragraph after it.
fn push_table(xml: &mut String, table: &Table, keep_next: bool) {
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
    let Layout { twips, size } = column_twips(table, columns);
    // The style's size needs no word in each run.
    let size = (size != TABLE_SIZE).then_some(size);
    xml.push_str(concat!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>"#,
        r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        r#"</w:tblBorders><w:tblLayout w:type="fixed"/>"#,
        r#"<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>"#,
        r#"</w:tblPr><w:tblGrid>"#,
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
                (size, false),
            );
        }
        xml.push_str("</w:tr>");
    }
    for (r, row) in table.rows.iter().enumerate() {
        let keep = keep_next && r + 1 == table.rows.len();
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, w) in twips.iter().enumerate() {
            let text = row.get(i).map(|c| c.text()).unwrap_or_default();
            push_cell(xml, *w, &text, false, (size, keep));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    // Two tables in a row would merge, and the body may not end on a table.
    xml.push_str(match keep_next {
        true => "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>",
        false => "<w:p/>",
    });
}

/// The tables' text size in half-points (11 pt), and the smaller ones a
/// table is set in when its words do not fit across the page at it.
const TABLE_SIZE: usize = 22;
const SMALLER_SIZES: [usize; 2] = [20, 18];
/// A cell's margins, left and right (1 mm each).
const CELL_MARGINS: usize = 2 * 57;

/// A character's width in thousandths of an em in Times New Roman bold (as
/// Liberation Serif, its metric twin in LibreOffice, sets it), by class,
/// each class at its widest letter, so that a word measured fits: «Ш» is
/// twice «о», and at one width for all, a column of «Школ» broke as
/// «Шко/л» while a column of lower-case words was given a quarter too much.
fn advance(c: char) -> usize {
    match c {
        'Ж' | 'М' | 'Ш' | 'Щ' | 'Ы' | 'Ю' | 'M' | 'W' | '№' | '%' | '—' => 1125,
        'ж' | 'м' | 'ф' | 'ш' | 'щ' | 'ы' | 'ю' | 'Ф' | 'm' | 'w' => 860,
        c if c.is_uppercase() => 790,
        ' ' | '\u{A0}' | '\u{202F}' | '.' | ',' | ':' | ';' | '(' | ')' | '-' | '/' | '\''
        | '!' | 'i' | 'l' | 'j' | 'f' | 't' | '|' => 360,
        _ => 590,
    }
}

/// A piece of text's width in twips at `size` half-points; the regular
/// face is a sixteenth narrower than the bold one (its widest letters).
fn text_twips(text: &str, bold: bool, size: usize) -> usize {
    let ems: usize = text.chars().map(advance).sum();
    let ems = if bold { ems } else { ems * 15 / 16 };
    // Half-points to twips: ×10.
    ems * size * 10 / 1000
}

/// The widest piece of a line a cell cannot break: a word (no break at a
/// no-break space: «1 205», «33,3 %»; a hyphen may end a line, as in
/// «практико-/ориентированными»), or a short line whole («п. 1.1», «п.
/// 1.5, %», «не применимо»), which a column as wide as it keeps on one
/// line.
fn unbroken_twips(line: &str, bold: bool, size: usize) -> usize {
    if line.chars().count() <= 12 {
        return text_twips(line, bold, size);
    }
    (line.split(|c: char| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')))
        .flat_map(|word| word.split_inclusive('-'))
        .map(|word| text_twips(word, bold, size))
        .max()
        .unwrap_or(0)
}

/// A table's columns in twips, and the size its text is set in.
pub(super) struct Layout {
    pub twips: Vec<usize>,
    pub size: usize,
}

/// The columns' widths in twips across the text width: each at least its
/// longest word (header or value), so that no word breaks; the rest of the
/// width shared by what each needs for its longest value on one line (a
/// header wraps, and counts by its words only). Shared by the longest
/// values alone, a code or a percentage took 1 cm and broke «Ко/д» and
/// «73,/3» in two. Where the words alone are wider than the page at 11
/// points, the table is set smaller (10, then 9 points: Leninsk's
/// figures, their wording and seven columns, broke «профориентационно/й»);
/// where they are wider still (the road map's nine columns), the short
/// columns («№», codes) keep their words and the widest give way.
pub(super) fn column_twips(table: &Table, columns: usize) -> Layout {
    let at = |size: usize| {
        let mut least = vec![0; columns];
        let mut most = vec![0; columns];
        for (i, header) in table.headers.iter().enumerate().take(columns) {
            for line in header.lines() {
                least[i] = least[i].max(unbroken_twips(line, true, size));
            }
        }
        for row in &table.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                for line in cell.text().lines() {
                    least[i] = least[i].max(unbroken_twips(line, false, size));
                    most[i] = most[i].max(text_twips(line, false, size));
                }
            }
        }
        // One long token (an address) takes at most a third of the page.
        let least: Vec<usize> = (least.into_iter())
            .map(|w| (w + CELL_MARGINS).min(TEXT_WIDTH / 3))
            .collect();
        let most: Vec<usize> = (most.into_iter().zip(&least))
            .map(|(m, l)| (m + CELL_MARGINS).max(*l))
            .collect();
        (least, most)
    };
    let mut size = TABLE_SIZE;
    let (mut least, mut most) = at(size);
    for smaller in SMALLER_SIZES {
        if least.iter().sum::<usize>() <= TEXT_WIDTH {
            break;
        }
        size = smaller;
        (least, most) = at(size);
    }
    let twips = share_width(least, most);
    Layout { twips, size }
}

/// The text width shared among columns that need at least `least` and at
/// most `most` twips each.
fn share_width(least: Vec<usize>, most: Vec<usize>) -> Vec<usize> {
    let columns = least.len();
    let floor: usize = least.iter().sum();
    if floor >= TEXT_WIDTH {
        // The widest are cut to one width, the lowest that fills the page
        // with the others whole.
        let mut sorted = least.clone();
        sorted.sort_unstable();
        let mut whole = 0;
        let mut cap = TEXT_WIDTH / columns;
        for (k, w) in sorted.iter().enumerate() {
            let rest = columns - k;
            if whole + w * rest >= TEXT_WIDTH {
                cap = (TEXT_WIDTH - whole) / rest;
                break;
            }
            whole += w;
        }
        return least.iter().map(|w| (*w).min(cap)).collect();
    }
    let spare = TEXT_WIDTH - floor;
    let wanted: usize = most.iter().zip(&least).map(|(m, l)| m - l).sum();
    if wanted <= spare {
        // Every value fits on a line: the rest as the values' lengths.
        let total: usize = most.iter().sum();
        return most.iter().map(|m| m * TEXT_WIDTH / total).collect();
    }
    (least.iter().zip(&most))
        .map(|(l, m)| l + (m - l) * spare / wanted)
        .collect()
}

/// `(size, keep_next)`: the text size as in [`push_runs`], and whether the
/// cell keeps with the next paragraph.
fn push_cell(
    xml: &mut String,
    width: usize,
    text: &str,
    bold: bool,
    (size, keep_next): (Option<usize>, bool),
) {
    let keep = keep_next_tag(keep_next);
    xml.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{keep}</w:pPr>"#
    ));
    push_runs(xml, text, bold, size);
    xml.push_str("</w:p></w:tc>");
}
