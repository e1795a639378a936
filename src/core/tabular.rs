//! Tables as coordinators hand them over: a CSV saved by Excel, with `;` or
//! `,` between fields, in UTF-8 (with or without a byte-order mark) or in
//! Windows-1251, which Russian Excel writes by default.

/// The rows of a CSV file, the header first; fields trimmed, empty rows
/// dropped. Quoted fields may hold the separator, quotes (`""`) and line
/// breaks.
pub fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = decode(bytes);
    let text = crate::json::without_bom(&text);
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.matches(';').count() >= first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
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
}
