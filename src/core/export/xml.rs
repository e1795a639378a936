//! XML text for the office documents: the declaration and escaping shared
//! by the XLSX and DOCX parts.

pub(super) const XML_DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Also serves the HTML the department's rating sets at once: the same
/// five characters are markup there.
pub fn push_xml(xml: &mut String, text: &str) {
    text.chars().for_each(|c| push_xml_char(xml, c));
}

/// Escapes markup; drops what XML 1.0 forbids (most control characters,
/// U+FFFE, U+FFFF), which would make Excel or Word reject the whole file.
pub(super) fn push_xml_char(xml: &mut String, c: char) {
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

pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
