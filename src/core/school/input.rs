//! Checks what the user typed and turns it into trusted values.
//!
//! Every function here answers "nothing typed", "this value" or "this error";
//! none of them guesses. A value that does not pass never reaches scoring.
//! The one correction, [`corrected_links`], is made in the field, where the
//! school sees it.

use crate::error::{LinkError, NumberError, PercentError, TextError};
use crate::text::is_invisible;

/// No school counts more people than this; anything above is a typing slip.
pub const MAX_PEOPLE: u64 = 1_000_000;
pub const MAX_LINK_LEN: usize = 2_000;
pub const MAX_COMMENT_LEN: usize = 2_000;

/// A whole number of people or things. Empty means "not answered yet".
/// Spaces between thousands are allowed ("1 200"), as Russians write them,
/// and only there: «12 5» is a slip, not 125.
pub fn parse_number(text: &str) -> Result<Option<u64>, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(is_invisible) {
        return Err(NumberError::Invisible);
    }
    if text.contains(CELLS) {
        return Err(NumberError::SeveralCells);
    }
    // «22%» where people are counted: the share is worked out, not typed.
    if (text.strip_suffix('%')).is_some_and(|n| parse_number(n).is_ok_and(|n| n.is_some())) {
        return Err(NumberError::Percent);
    }
    let (negative, digits) = match text.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let groups: Vec<&str> = digits
        .split([' ', '\u{A0}', '\u{202F}', '\u{2009}'])
        .filter(|group| !group.is_empty())
        .collect();
    let digits = groups.concat();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotInteger);
    }
    let thousands = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if !thousands {
        return Err(NumberError::Grouping);
    }
    if negative {
        return Err(if digits.bytes().all(|b| b == b'0') {
            NumberError::NotInteger
        } else {
            NumberError::Negative
        });
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_PEOPLE => Ok(Some(n)),
        _ => Err(NumberError::TooLarge { max: MAX_PEOPLE }),
    }
}

/// A whole number of the card typed in the department's editor (points, a
/// threshold, a minimum), read as the school's form reads its numbers, so
/// that «1 200» is one number on both pages and a slip is worded alike.
/// Characters nobody sees are dropped rather than asked about: the editor
/// shows the card's number again once the field is left. A bound of 100
/// is a percentage's (a threshold, a level's band): its «30%» is 30, as
/// its label has «%»; elsewhere «2%» is refused, as on the school's page.
/// `None` is an empty field, where `optional` allows it.
pub fn parse_setting(
    text: &str,
    max: Option<u64>,
    optional: bool,
) -> Result<Option<u64>, NumberError> {
    let seen: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    let seen = seen.trim();
    let seen = match max == Some(100) {
        true => seen.strip_suffix('%').unwrap_or(seen),
        false => seen,
    };
    match (parse_number(seen)?, max) {
        (None, _) if !optional => Err(NumberError::Required),
        (Some(n), Some(max)) if n > max => Err(NumberError::TooLarge { max }),
        (n, _) => Ok(n),
    }
}

/// What keeps apart the cells of a table pasted into one number box.
const CELLS: char = '\t';

/// Several cells of a spreadsheet pasted into a number box, kept apart by
/// a tab; `None` for one cell (a copied cell ends with a line break) or
/// plain text. A text box drops a column's line breaks itself: «15↵16»
/// would read as 1516, a number nobody typed.
pub fn pasted_cells(text: &str) -> Option<String> {
    let cells: Vec<&str> = text
        .split(['\t', '\r', '\n'])
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect();
    (cells.len() > 1).then(|| cells.join(&CELLS.to_string()))
}

/// A percentage as the rest of the card writes it: with a comma («74.5»
/// is «74,5», as Russians write it) and without a «%» of its own, which
/// the field's label carries (a walk-through's «85%» was printed so beside
/// «85,0 %»). `None` when there is nothing to change.
pub fn tidied_percent(text: &str) -> Option<String> {
    let tidied = text
        .trim()
        .trim_end_matches(['%', '\u{A0}', ' '])
        .replace('.', ",");
    (tidied != text && matches!(parse_percent(text), Ok(Some(_)))).then_some(tidied)
}

/// A percentage typed directly, 0–100 with at most one decimal ("87,5",
/// "87.5", "100"), as tenths of a percent. Empty means "not answered yet".
pub fn parse_percent(text: &str) -> Result<Option<u32>, PercentError> {
    let text = text.trim().trim_end_matches(['%', '\u{A0}', ' ']);
    if text.contains(CELLS) {
        return Err(PercentError::SeveralCells);
    }
    if text.is_empty() {
        return Ok(None);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((whole, fraction)) if digits(fraction) => (whole, fraction),
        Some(_) => return Err(PercentError::NotNumber),
        None => (text, ""),
    };
    if !digits(whole) {
        return Err(PercentError::NotNumber);
    }
    if fraction.len() > 1 {
        return Err(PercentError::TooPrecise);
    }
    let whole: u32 = whole.parse().map_err(|_| PercentError::AboveHundred)?;
    let tenths = whole
        .checked_mul(10)
        .and_then(|t| t.checked_add(fraction.parse().unwrap_or(0)))
        .ok_or(PercentError::AboveHundred)?;
    if tenths > 1000 {
        return Err(PercentError::AboveHundred);
    }
    Ok(Some(tenths))
}

/// One evidence link per non-empty line; errors carry the 1-based line number.
pub fn parse_links(text: &str) -> (Vec<&str>, Vec<(usize, LinkError)>) {
    let mut links = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match check_link(line) {
            Ok(()) => links.push(line),
            Err(e) => errors.push((i + 1, e)),
        }
    }
    (links, errors)
}

/// Only web pages count as evidence: http or https with a host of the
/// internet (with a dot), nothing that a browser would execute
/// (`javascript:`, `data:`).
///
/// Every keystroke's scoring and every imported file checks each link, and
/// two thirds of [`assess`](crate::scoring::assess) went here: the link was
/// lowered into a new string and walked by characters. Now the scheme is
/// matched in either case where it stands, and the rest read by bytes; a
/// link that is refused is lowered to say why.
pub fn check_link(link: &str) -> Result<(), LinkError> {
    // Never fewer bytes than characters: counted only when it may matter.
    if link.len() > MAX_LINK_LEN && link.chars().count() > MAX_LINK_LEN {
        return Err(LinkError::TooLong { max: MAX_LINK_LEN });
    }
    let Some(scheme) = scheme_of(link) else {
        return Err(match russian_layout(link) {
            true => LinkError::Layout,
            false => without_scheme(link),
        });
    };
    if has_whitespace(link) {
        return Err(match with_words(&link.to_lowercase()) {
            true => LinkError::WithWords,
            false => LinkError::Whitespace,
        });
    }
    // The scheme is ASCII, so its end is a character boundary; the marks
    // looked for are ASCII, never inside a letter's bytes.
    let rest = &link[scheme.len()..];
    if russian_layout(rest) {
        return Err(LinkError::Layout);
    }
    if scheme_of(rest).is_some() {
        return Err(LinkError::DoubleScheme);
    }
    let host_end = (rest.bytes())
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() || host.starts_with('.') {
        return Err(LinkError::NoHost);
    }
    if host.split('.').filter(|label| !label.is_empty()).count() < 2 {
        return Err(LinkError::NoDomain);
    }
    // A name's parts as no site has them; a last dot is the root's.
    let labels = || host.strip_suffix('.').unwrap_or(host).split('.');
    if labels().any(str::is_empty) {
        return Err(LinkError::DoubleDot);
    }
    if labels().any(|label| label.starts_with('-') || label.ends_with('-')) {
        return Err(LinkError::HyphenEdge);
    }
    if labels().any(mixes_alphabets) {
        return Err(LinkError::MixedAlphabets);
    }
    if let Ok(ip) = host.parse::<std::net::Ipv4Addr>() {
        if ip.is_private() || ip.is_loopback() || ip.is_link_local() || ip.is_unspecified() {
            return Err(LinkError::LocalNetwork);
        }
    }
    if glued(rest) {
        return Err(LinkError::Glued);
    }
    Ok(())
}

/// The beginning a link starts with, in either case.
fn scheme_of(text: &str) -> Option<&'static str> {
    ["https://", "http://"]
        .into_iter()
        .find(|scheme| (text.get(..scheme.len())).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))
}

/// «https://» or «http://» typed with the keyboard on the Russian layout
/// («реезыЖ..», «реезЖ..»): a school PC switches layouts often, and the
/// line then read as an address with a dot, and got «https://» before it.
fn russian_layout(text: &str) -> bool {
    let start: String = text.chars().take(6).flat_map(char::to_lowercase).collect();
    start.starts_with("реезыж") || start.starts_with("реезж")
}

/// Russian and Latin letters in one part of a site's name.
fn mixes_alphabets(label: &str) -> bool {
    let russian = |c: char| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё');
    label.chars().any(|c| c.is_ascii_alphabetic()) && label.chars().any(russian)
}

/// A second beginning run into the first address: after a letter (of any
/// alphabet), a digit, a comma or a semicolon («…/newshttps://…», «…/news;https://…»). After
/// «=» or «/» it is part of the address (a redirect's `?to=https://…`, an
/// archive's `web.archive.org/web/2020/https://…`).
fn glued(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    (1..bytes.len()).any(|at| {
        let starts = |scheme: &str| {
            (bytes.get(at..at + scheme.len()))
                .is_some_and(|b| b.eq_ignore_ascii_case(scheme.as_bytes()))
        };
        (starts("http://") || starts("https://"))
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] >= 0x80
                || matches!(bytes[at - 1], b',' | b';'))
    })
}

/// Why a line without `http://` or `https://` is not a link.
fn without_scheme(link: &str) -> LinkError {
    // An address but for its beginning, at fault otherwise (glued to the
    // next, or of a private network): said so, not sent to add «http://»
    // to a line that then fails again (a review).
    let host = link.split(['/', '?', '#']).next().unwrap_or_default();
    if host.contains('.') && !has_whitespace(link) {
        if let Err(
            e @ (LinkError::Glued
            | LinkError::LocalNetwork
            | LinkError::DoubleDot
            | LinkError::HyphenEdge
            | LinkError::MixedAlphabets),
        ) = check_link(&format!("https://{link}"))
        {
            return e;
        }
    }
    let lower = link.to_lowercase();
    // «school7»: a site's name without its dot. With one, the school's
    // links get `https://` before they are checked ([`corrected_links`]), so
    // the dot is what to ask for, not the beginning.
    // «http//school12.ru»: the beginning lost its colon, which is what
    // to say (its dot is there).
    let first = lower.split(['/', '?', '#']).next().unwrap_or_default();
    let bare_name = !matches!(first, "http" | "https")
        && !first.is_empty()
        && !first.contains(['.', ':'])
        && !first.chars().any(char::is_whitespace);
    // Several words, none of them an address: a document's name (the
    // Izhevsk card's evidence is internal papers). «vk.com/school12
    // (группа)» holds one, and is a link to fix.
    let words = link.split_whitespace().count() > 1 && !(lower.split_whitespace()).any(is_address);
    // A Russian word alone («Приказ», «сайт») is no site's name.
    let word = bare_name && lower.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
    if word {
        LinkError::Words
    } else if bare_name {
        LinkError::NoDomain
    } else if words {
        LinkError::Words
    } else if with_words(&lower) {
        LinkError::WithWords
    } else {
        LinkError::Scheme
    }
}

/// `char::is_whitespace`, by bytes where the text is ASCII (a link almost
/// always is).
fn has_whitespace(text: &str) -> bool {
    match text.is_ascii() {
        true => (text.bytes()).any(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')),
        false => text.chars().any(char::is_whitespace),
    }
}

/// A word that reads as a web address: a scheme, or a host whose last part
/// is letters («vk.com/school12», «школа12.рф»; not «01.09.2025»).
fn is_address(word: &str) -> bool {
    word.starts_with("http") || word.contains("://") || has_zone(word)
}

/// A host whose last part is letters, after the scheme if there is one.
fn has_zone(word: &str) -> bool {
    let rest = word.split_once("://").map_or(word, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let zone = host.rsplit_once('.').map_or("", |(_, zone)| zone);
    zone.chars().count() >= 2 && zone.chars().all(char::is_alphabetic)
}

/// One address beside words that are none («vk.com/school12 (группа)»,
/// «Сайт школы: https://school12.ru/prof»): the words are what to take out,
/// where «начинаться с http» sent the school to add a beginning, and then
/// «без пробелов». Russian words, words in brackets, after a dash or ending
/// in a colon: Latin ones may be the rest of a path with a space in it
/// («school1.ru/my page»).
fn with_words(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let address = |w: &&str| w.contains("://") || has_zone(w);
    let remark = |w: &&str| {
        w.starts_with(['(', '—', '–', '-'])
            || w.ends_with(':')
            || w.chars().any(|c| matches!(c, 'а'..='я' | 'ё'))
    };
    words.len() > 1
        && words.iter().filter(|w| address(w)).count() == 1
        && words.iter().filter(|w| !address(w)).all(remark)
}

/// The links as a school means them. A site typed without its beginning
/// («www.school12.ru/news», «vk.com/school12») gets `https://`, which every
/// browser would add, instead of costing the indicator its points. Only a
/// line that reads as a host name with a dot, then a path, is corrected,
/// and a comma or semicolon after an address is dropped;
/// `mailto:`, `javascript:` and the like are not. Characters that are not
/// seen (a zero-width space or a direction mark copied from a messenger or
/// a document) are dropped from every line: they would make the address
/// another one than the school sees. `None` when no line needed either.
pub fn corrected_links(text: &str) -> Option<String> {
    let looks_like_a_site = |line: &str| {
        let host = line.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
            && check_link(line) == Err(LinkError::Scheme)
            && check_link(&format!("https://{line}")).is_ok()
    };
    let mut changed = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let visible: String = line.chars().filter(|&c| !is_invisible(c)).collect();
            changed |= visible.len() != line.len();
            let trimmed = visible.trim();
            // A comma or semicolon after an address, as in a typed list, is
            // not part of it: the page it names does not exist.
            let address = trimmed.trim_end_matches([',', ';']);
            let cut = address.len() != trimmed.len();
            if looks_like_a_site(address) {
                changed = true;
                format!("https://{address}")
            } else if cut && check_link(address).is_ok() {
                changed = true;
                address.to_owned()
            } else {
                visible
            }
        })
        .collect();
    changed.then(|| lines.join("\n"))
}

pub fn check_comment(text: &str) -> Result<(), TextError> {
    if text.chars().count() > MAX_COMMENT_LEN {
        Err(TextError::TooLong {
            max: MAX_COMMENT_LEN,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// The editor's numbers: the school's grouping taken, the card's own
    /// bounds and emptiness said with the core's words.
    #[test]
    fn a_setting_reads_as_the_schools_numbers_do() {
        assert_eq!(parse_setting(" 1 200 ", None, false), Ok(Some(1200)));
        assert_eq!(parse_setting("8\u{200B}5", Some(100), false), Ok(Some(85)));
        assert_eq!(parse_setting("", None, true), Ok(None));
        assert_eq!(parse_setting(" ", None, false), Err(NumberError::Required));
        assert_eq!(
            parse_setting("101", Some(100), false),
            Err(NumberError::TooLarge { max: 100 })
        );
        assert_eq!(parse_setting("100", Some(100), false), Ok(Some(100)));
        assert_eq!(parse_setting(" 30 % ", Some(100), false), Ok(Some(30)));
        assert_eq!(parse_setting("2%", None, false), Err(NumberError::Percent));
        assert_eq!(parse_setting("−1", None, false), Err(NumberError::Negative));
        assert_eq!(
            parse_setting("12 5", None, false),
            Err(NumberError::Grouping)
        );
        assert_eq!(
            parse_setting("2,5", None, false),
            Err(NumberError::NotInteger)
        );
        assert_eq!(NumberError::Required.to_string(), "Укажите число.");
        assert_eq!(
            NumberError::TooLarge { max: 100 }.to_string(),
            "Слишком большое число: допускается не более 100."
        );
    }

    use super::*;

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("   "), Ok(None));
        assert_eq!(parse_number("0"), Ok(Some(0)));
        assert_eq!(parse_number(" 42 "), Ok(Some(42)));
        assert_eq!(parse_number("1 200"), Ok(Some(1200)));
        assert_eq!(parse_number("22%"), Err(NumberError::Percent));
        assert_eq!(parse_number(" 22 % "), Err(NumberError::Percent));
        assert_eq!(parse_number("%"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("2,5%"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("1\u{A0}200"), Ok(Some(1200)));
        // Thin and narrow spaces too: the department's own tables group
        // thousands with the latter.
        assert_eq!(parse_number("12\u{2009}345"), Ok(Some(12_345)));
        assert_eq!(
            parse_number("1\u{202F}000\u{202F}000"),
            Ok(Some(MAX_PEOPLE))
        );
        assert_eq!(parse_number("1  200"), Ok(Some(1200)));
        assert_eq!(parse_number("1000000"), Ok(Some(MAX_PEOPLE)));
    }

    #[test]
    fn a_percent_is_written_with_a_comma_and_without_its_sign() {
        assert_eq!(tidied_percent("74.5").as_deref(), Some("74,5"));
        assert_eq!(tidied_percent(" 74.5 % ").as_deref(), Some("74,5"));
        assert_eq!(tidied_percent("85%").as_deref(), Some("85"));
        for unchanged in ["74,5", "74", "", "7.4.5", "101.5", "abc.", "abc%", "101%"] {
            assert_eq!(tidied_percent(unchanged), None, "{unchanged}");
        }
    }

    #[test]
    fn cells_pasted_from_a_spreadsheet_are_kept_apart() {
        // A row's two cells, a column's two (Windows line breaks), a
        // column with an empty cell between.
        assert_eq!(pasted_cells("15\t16"), Some("15\t16".into()));
        assert_eq!(pasted_cells("15\r\n16\r\n"), Some("15\t16".into()));
        assert_eq!(pasted_cells("15\n\n 16"), Some("15\t16".into()));
        // One copied cell ends with a line break: it is one number.
        assert_eq!(pasted_cells("15\r\n"), None);
        assert_eq!(pasted_cells("1 200"), None);
        assert_eq!(parse_number("15\t16"), Err(NumberError::SeveralCells));
        assert_eq!(parse_number("15\t"), Ok(Some(15)));
        assert_eq!(parse_percent("15\t16"), Err(PercentError::SeveralCells));
        assert_eq!(parse_percent("15\t"), Ok(Some(150)));
    }

    #[test]
    fn numbers_that_do_not_count() {
        assert_eq!(parse_number("-3"), Err(NumberError::Negative));
        assert_eq!(parse_number("−3"), Err(NumberError::Negative));
        assert_eq!(parse_number("-0"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("12,5"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("12.0"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("1e3"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("десять"), Err(NumberError::NotInteger));
        assert_eq!(parse_number("+5"), Err(NumberError::NotInteger));
        // A space elsewhere than between thousands is a slip, not a number.
        for slip in ["1 00", "12 5", "1 2000", "1234 567"] {
            assert_eq!(parse_number(slip), Err(NumberError::Grouping), "{slip}");
        }
        for hidden in ["\u{200B}50", "5\u{FEFF}0", "\u{2060}50"] {
            assert_eq!(
                parse_number(hidden),
                Err(NumberError::Invisible),
                "{hidden:?}"
            );
        }
        assert_eq!(parse_number("-"), Err(NumberError::NotInteger));
        assert_eq!(
            parse_number("1000001"),
            Err(NumberError::TooLarge { max: MAX_PEOPLE })
        );
        assert_eq!(
            parse_number("99999999999999999999999"),
            Err(NumberError::TooLarge { max: MAX_PEOPLE })
        );
    }

    #[test]
    fn percentages_in_tenths() {
        assert_eq!(parse_percent(""), Ok(None));
        assert_eq!(parse_percent("87,5"), Ok(Some(875)));
        assert_eq!(parse_percent(" 87.5 % "), Ok(Some(875)));
        assert_eq!(parse_percent("100"), Ok(Some(1000)));
        assert_eq!(parse_percent("0"), Ok(Some(0)));
        assert_eq!(parse_percent("100,1"), Err(PercentError::AboveHundred));
        assert_eq!(
            parse_percent("99999999999"),
            Err(PercentError::AboveHundred)
        );
        assert_eq!(parse_percent("87,55"), Err(PercentError::TooPrecise));
        assert_eq!(parse_percent("-5"), Err(PercentError::NotNumber));
        assert_eq!(parse_percent("восемьдесят"), Err(PercentError::NotNumber));
        assert_eq!(parse_percent(",5"), Err(PercentError::NotNumber));
        assert_eq!(parse_percent("5,"), Err(PercentError::NotNumber));
    }

    #[test]
    fn links_accept_web_pages() {
        for ok in [
            "https://school1.ekb.ru/profor",
            "http://школа.рф/страница?a=1#x",
            "HTTPS://VK.COM/school1",
            "https://user@host.ru:8080/path",
        ] {
            assert_eq!(check_link(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn links_refuse_everything_else() {
        assert_eq!(check_link("javascript:alert(1)"), Err(LinkError::Scheme));
        assert_eq!(check_link("не ссылка"), Err(LinkError::Words));
        assert_eq!(
            check_link("Приказ № 45 от 01.09.2025 «О проведении профдиагностики»"),
            Err(LinkError::Words)
        );
        // An address with a space in it is a link to fix, not words.
        assert_eq!(
            check_link("http //school12.ru/news"),
            Err(LinkError::Scheme)
        );
        assert_eq!(check_link("www.school12.ru/a b"), Err(LinkError::Scheme));
        // A site's address among words is a link to fix, not a document:
        // the words after it are what to take out, with or without its
        // beginning; an address with a space inside is to be typed again.
        for typed in [
            "vk.com/school12 (группа)",
            "школа12.рф/новости — пост",
            "https://vk.com/school12 (группа)",
            "Сайт школы https://school12.ru/prof",
            "Группа ВК: vk.com/school12",
        ] {
            assert_eq!(check_link(typed), Err(LinkError::WithWords), "{typed}");
        }
        assert_eq!(
            check_link("school12.ru/docs/Приказ 45.pdf"),
            Err(LinkError::Scheme)
        );
        assert_eq!(
            check_link("https://school12.ru/docs/Приказ 45.pdf"),
            Err(LinkError::Whitespace)
        );
        assert_eq!(
            LinkError::WithWords.to_string(),
            "Рядом с адресом есть пояснение; оставьте здесь только адрес, а пояснение \
             перенесите в поле «Комментарий»."
        );
        // Dates and initials are no addresses.
        assert_eq!(
            check_link("Протокол от 01.09.2025, отв. Иванова А.С."),
            Err(LinkError::Words)
        );
        assert_eq!(check_link("data:text/html,<b>"), Err(LinkError::Scheme));
        assert_eq!(check_link("school1.ru"), Err(LinkError::Scheme));
        assert_eq!(check_link("ftp://school1.ru"), Err(LinkError::Scheme));
        assert_eq!(check_link("https://"), Err(LinkError::NoHost));
        assert_eq!(check_link("https:///path"), Err(LinkError::NoHost));
        assert_eq!(check_link("https://school7"), Err(LinkError::NoDomain));
        // Without the beginning too: the dot is what is missing.
        assert_eq!(check_link("school7"), Err(LinkError::NoDomain));
        assert_eq!(check_link("school7/news"), Err(LinkError::NoDomain));
        // The beginning without its colon is the beginning to fix.
        for typed in [
            "http//school12.ru/news",
            "https//school12.ru",
            "HTTPS//x.ru",
        ] {
            assert_eq!(check_link(typed), Err(LinkError::Scheme), "{typed}");
        }
        assert_eq!(check_link("javascript:alert(1)"), Err(LinkError::Scheme));
        assert_eq!(check_link("ftp://school7.ru"), Err(LinkError::Scheme));
        assert_eq!(
            check_link("http://localhost:8080/a"),
            Err(LinkError::NoDomain)
        );
        assert_eq!(check_link("https://school7./a"), Err(LinkError::NoDomain));
        assert_eq!(
            LinkError::NoDomain.to_string(),
            "В адресе сайта нет точки (например, school7.ru): такую страницу отдел образования не откроет."
        );
        assert_eq!(
            check_link("https://school1.ru/my page"),
            Err(LinkError::Whitespace)
        );
        // Two links run together, however they were parted; a redirect or
        // an archive with an address inside is one link.
        for typed in [
            "https://school7.ru/news;https://vk.com/school7",
            "https://school7.ru/news,https://vk.com/school7",
            "https://school7.ru/newshttps://vk.com/school7",
            "https://school7.ru/news2HTTP://vk.com/school7",
            "https://школа7.рф/новостиhttps://vk.com/school7",
        ] {
            assert_eq!(check_link(typed), Err(LinkError::Glued), "{typed}");
        }
        for ok in [
            "https://vk.com/away.php?to=https://school7.ru/news",
            "https://web.archive.org/web/2020/https://school7.ru/",
            "https://school7.ru/https-info",
        ] {
            assert_eq!(check_link(ok), Ok(()), "{ok}");
        }
        // The school's own network: nobody outside opens it.
        for typed in [
            "https://192.168.1.10/otchet.pdf",
            "http://10.0.0.5/prof",
            "http://172.16.3.2:8080/a",
            "http://127.0.0.1/a",
            "http://169.254.1.1/",
        ] {
            assert_eq!(check_link(typed), Err(LinkError::LocalNetwork), "{typed}");
        }
        assert_eq!(check_link("http://95.167.10.20/prof"), Ok(()));
        // Names no site has, with a beginning or without (a school
        // walk-through: each was counted as evidence).
        for (typed, error) in [
            ("реезыЖ..ivanovka-school.ru/news", LinkError::Layout),
            ("РЕЕЗЖ..school7.ru", LinkError::Layout),
            ("https://реезыЖ..ivanovka-school.ru/news", LinkError::Layout),
            ("https://https://school7.ru/a", LinkError::DoubleScheme),
            ("http://HTTPS://vk.com/a", LinkError::DoubleScheme),
            ("https://ivanovka..school.ru/news", LinkError::DoubleDot),
            ("ivanovka..school.ru/news", LinkError::DoubleDot),
            ("https://-ivanovka-.ru/news", LinkError::HyphenEdge),
            ("https://ivanovka-.school.ru", LinkError::HyphenEdge),
            (
                "https://ivanovka-s\u{441}hool.ru/news",
                LinkError::MixedAlphabets,
            ),
            ("ivanovka-s\u{441}hool.ru/news", LinkError::MixedAlphabets),
        ] {
            assert_eq!(check_link(typed), Err(error), "{typed}");
            assert_eq!(
                corrected_links(typed),
                None,
                "{typed} is not given https://"
            );
        }
        for ok in [
            "https://школа7.рф/новости",
            "https://xn--7-8sbh7abe.xn--p1ai/a",
            "https://school7.ru./a",
            "https://sh-ivanovka-r04.gosweb.gosuslugi.ru/bilet-v-budushchee",
            "https://school7.ru/реезыж",
            "https://vk.com/club1?w=wall-1_2",
        ] {
            assert_eq!(check_link(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            LinkError::Layout.to_string(),
            "Начало ссылки набрано в русской раскладке (например, «реезыЖ..» вместо \
             «https://»): переключите раскладку на английскую и наберите адрес заново."
        );
        // A Russian word alone is words, a name with a digit a site's name.
        assert_eq!(check_link("Приказ"), Err(LinkError::Words));
        assert_eq!(check_link("сайт"), Err(LinkError::Words));
        assert_eq!(check_link("школа7"), Err(LinkError::NoDomain));
        let long = format!("https://a.ru/{}", "x".repeat(MAX_LINK_LEN));
        assert_eq!(
            check_link(&long),
            Err(LinkError::TooLong { max: MAX_LINK_LEN })
        );
    }

    #[test]
    fn a_site_typed_without_its_beginning_gets_https() {
        assert_eq!(
            corrected_links("www.school12.ru/konkurs\nhttps://vk.com/a\n vk.com/school12?w=wall-1 "),
            Some("https://www.school12.ru/konkurs\nhttps://vk.com/a\nhttps://vk.com/school12?w=wall-1".into())
        );
        assert_eq!(
            corrected_links("школа12.рф"),
            Some("https://школа12.рф".into())
        );
        // The separators of a typed list leave the addresses.
        assert_eq!(
            corrected_links(
                "https://school7.ru/news,
vk.com/s7;
https://a.ru/x.;"
            ),
            Some(
                "https://school7.ru/news
https://vk.com/s7
https://a.ru/x."
                    .into()
            )
        );
        // Nothing to correct: links, or lines that are not a site's address.
        assert_eq!(corrected_links("https://vk.com/a\n\nhttp://x.ru"), None);
        for not_a_site in [
            "mailto:director@school12.ru",
            "javascript:alert(1)",
            "ftp://files.ru/a",
            "школа № 12",
            "localhost/page",
            ".ru/a",
            "vk.com/a b",
            "see: vk.com",
        ] {
            assert_eq!(corrected_links(not_a_site), None, "{not_a_site}");
        }
    }

    #[test]
    fn hidden_characters_leave_every_line() {
        // Copied from a messenger: isolates around the address, a
        // zero-width space inside it; the line without a scheme gets one.
        assert_eq!(
            corrected_links("\u{2068}https://vk.com/wall-1\u{2069}\nwww.school\u{200B}12.ru\nmailto:a\u{AD}@b.ru"),
            Some("https://vk.com/wall-1\nhttps://www.school12.ru\nmailto:a@b.ru".into())
        );
        assert_eq!(
            corrected_links("https://a.ru/\u{202E}fdp"),
            Some("https://a.ru/fdp".into())
        );
    }

    #[test]
    fn link_lines_report_their_numbers() {
        let (links, errors) = parse_links("https://a.ru\n\n  \nwww.b.ru\nhttps://c.ru  ");
        assert_eq!(links, ["https://a.ru", "https://c.ru"]);
        assert_eq!(errors, [(4, LinkError::Scheme)]);
    }

    #[test]
    fn comments_have_a_length_limit() {
        assert_eq!(check_comment("ok"), Ok(()));
        assert!(check_comment(&"я".repeat(MAX_COMMENT_LEN)).is_ok());
        assert_eq!(
            check_comment(&"я".repeat(MAX_COMMENT_LEN + 1)),
            Err(TextError::TooLong {
                max: MAX_COMMENT_LEN
            })
        );
    }

    /// Two links glued, the first typed without its beginning (the
    /// school's usual way): the glue is the fault said, not a missing
    /// «http://» (a review).
    #[test]
    fn a_glued_line_without_its_beginning_is_said_glued() {
        let typed = "school7.ru/news;https://vk.com/school7";
        assert_eq!(check_link(typed), Err(LinkError::Glued));
    }

    /// A private network's address typed without its beginning is said to
    /// be one at once, not sent to add «http://» first (a review).
    #[test]
    fn a_private_address_without_its_beginning_is_said_private() {
        assert_eq!(
            check_link("192.168.1.10/otchet.pdf"),
            Err(LinkError::LocalNetwork)
        );
    }
}
