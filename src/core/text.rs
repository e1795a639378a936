//! Russian number wording shared by every view and message.

use std::cell::Cell;
use std::cmp::Ordering;

/// Picks the noun form Russian grammar needs after `n`: 1 балл, 2 балла, 5 баллов.
pub fn plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// «7 из 12 организаций», «1 из 21 школы»: `part` of `whole`, the noun
/// in the genitive as «из» takes it (`one` for 1, 21, …; `many` else).
pub fn part_of(part: usize, whole: usize, one: &str, many: &str) -> String {
    format!(
        "{part} из {whole} {}",
        plural(whole as u64, one, many, many)
    )
}

/// "1 балл", "3 балла", "23 балла".
pub fn points(n: u64) -> String {
    format!("{n} {}", plural(n, "балл", "балла", "баллов"))
}

/// «Ссылки на страницы…» as it goes on a sentence: «ссылки на страницы…»,
/// «В адресе…» «в адресе…»; an abbreviation («ПОО», «ОО») keeps its
/// capitals.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}

/// `text` with its first letter a capital: a reason said as a sentence
/// of its own, after the one naming what failed, or a name opening a
/// table's cell.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "1 файл", "3 файла", "12 файлов".
pub fn files(n: u64) -> String {
    format!("{n} {}", plural(n, "файл", "файла", "файлов"))
}

/// `text` as the inside of a double-quoted CSS string (a printed page's
/// foot): backslashes and quotes escaped, line breaks made spaces.
pub fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r'], " ")
}

/// Groups thousands with a narrow no-break space, as Russian typography does: 1 000 000.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out
}

/// A mean in tenths as a count reads: «602,5», «1 234,5» (thousands
/// grouped, as the sum beside it).
pub fn grouped_tenths(t: u64) -> String {
    format!("{},{}", group_digits(t / 10), t % 10)
}

/// The most characters of a [`file_stem`].
const STEM: usize = 60;

/// Words of a school's legal form and kind, which a long name says in
/// full («Муниципальное бюджетное общеобразовательное учреждение «Средняя
/// общеобразовательная школа № 12»») and a file name by their initials
/// (МБОУ, СОШ).
const FORM_WORDS: &[&str] = &[
    "муниципальное",
    "муниципальная",
    "государственное",
    "государственная",
    "федеральное",
    "федеральная",
    "областное",
    "областная",
    "краевое",
    "краевая",
    "бюджетное",
    "бюджетная",
    "автономное",
    "автономная",
    "казенное",
    "казённое",
    "казенная",
    "казённая",
    "частное",
    "частная",
    "нетиповое",
    "нетиповая",
    "некоммерческая",
    "некоммерческое",
    "общеобразовательное",
    "образовательное",
    "учреждение",
    "организация",
    "средняя",
    "основная",
    "начальная",
    "общеобразовательная",
    "образовательная",
    "вечерняя",
    "школа",
];

/// The letters and digits of `text`, runs of anything else as one `_`, at
/// most 60 characters: a readable part of a file name in a folder of
/// hundreds. A longer name has its legal form and kind by their initials
/// («МБОУ_СОШ_12»), and is then cut between words: cut at 60 characters,
/// every full legal name kept only its common beginning, the number lost.
pub fn file_stem(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let whole = words.join("_");
    if whole.chars().count() <= STEM {
        return whole;
    }
    // Runs of form words, two or more, as their initials.
    let mut kept: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let end_run = |kept: &mut Vec<String>, run: &mut Vec<&str>| {
        match run[..] {
            [] => {}
            [word] => kept.push(word.to_owned()),
            _ => kept.push(
                run.iter()
                    .flat_map(|w| w.chars().next())
                    .collect::<String>()
                    .to_uppercase(),
            ),
        }
        run.clear();
    };
    for word in words {
        let lower = word.to_lowercase();
        if FORM_WORDS.contains(&lower.as_str()) {
            run.push(word);
            // «… учреждение «Средняя …»»: the form ends, the kind begins.
            if matches!(lower.as_str(), "учреждение" | "организация") {
                end_run(&mut kept, &mut run);
            }
        } else {
            end_run(&mut kept, &mut run);
            kept.push(word.to_owned());
        }
    }
    end_run(&mut kept, &mut run);
    let mut stem = String::new();
    for word in kept {
        let wanted = stem.chars().count() + usize::from(!stem.is_empty()) + word.chars().count();
        if wanted > STEM {
            if stem.is_empty() {
                stem = word.chars().take(STEM).collect();
            }
            break;
        }
        if !stem.is_empty() {
            stem.push('_');
        }
        stem.push_str(&word);
    }
    stem
}

/// Whether `text` is a moment as Profkarta writes one (RFC 3339,
/// «2026-09-30T08:15:00.123Z»), or its day alone: a real day of a real
/// month, a time of day, a zone of hours and minutes.
pub fn is_timestamp(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let (day, time) = match text.split_once(['T', 't']) {
        Some((day, time)) => (day, Some(time)),
        None => (text, None),
    };
    let [y, m, d] = day.splitn(3, '-').collect::<Vec<_>>()[..] else {
        return false;
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (year, month) = (number(y), number(m));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    if !(1..=last).contains(&number(d)) {
        return false;
    }
    let Some(time) = time else {
        return true;
    };
    let (clock, zone) = match time.find(['Z', 'z', '+', '-']) {
        Some(at) => time.split_at(at),
        None => (time, ""),
    };
    let hours_minutes = |s: &str| matches!(s.split_once(':'), Some((h, m)) if digits(h, 2) && digits(m, 2) && number(h) < 24 && number(m) < 60);
    let zone_ok = match zone {
        "" | "Z" | "z" => true,
        _ => hours_minutes(&zone[1..]),
    };
    let (hm, seconds) = match clock.match_indices(':').nth(1) {
        Some((at, _)) => (&clock[..at], &clock[at + 1..]),
        None => (clock, "00"),
    };
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
    zone_ok
        && hours_minutes(hm)
        && digits(whole, 2)
        && number(whole) < 61
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

thread_local! {
    /// Minutes east of UTC where the user is ([`set_utc_offset`]).
    static EAST_MINUTES: Cell<i32> = const { Cell::new(0) };
}

/// Where the user is, in minutes east of UTC, for [`local_day`]: the page
/// sets it once from the browser's clock; native code (tests, the command
/// line tools) stays in UTC.
pub fn set_utc_offset(minutes_east: i32) {
    EAST_MINUTES.set(minutes_east);
}

/// The calendar day (`YYYY-MM-DD`) of an RFC 3339 moment where the user is:
/// a file exported at 01:30 on 1 October in Novokuznetsk was made on the
/// 30th of September in UTC, and read so it was in time for a deadline of
/// the 30th. A plain date, a moment without its zone (already local), or
/// text that is no moment: its first ten characters, as it is.
pub fn local_day(iso: &str) -> String {
    let day = iso.get(..10).unwrap_or(iso);
    let shifted = || {
        let moment = iso.get(11..)?;
        let zone_at = moment.find(['Z', 'z', '+', '-'])?;
        let minutes = |hh_mm: &str| -> Option<i64> {
            let (h, m) = hh_mm.get(..5)?.split_once(':')?;
            Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?)
        };
        let zone = match &moment[zone_at..zone_at + 1] {
            "+" => minutes(&moment[zone_at + 1..])?,
            "-" => -minutes(&moment[zone_at + 1..])?,
            _ => 0,
        };
        let utc = minutes(moment)? - zone;
        let local = utc + i64::from(EAST_MINUTES.get());
        Some(civil_day(day_number(day)? + local.div_euclid(24 * 60)))
    };
    shifted().unwrap_or_else(|| day.to_owned())
}

/// Days since 1970-01-01 of a proleptic Gregorian `YYYY-MM-DD` (H. Hinnant's
/// `days_from_civil`).
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `YYYY-MM-DD` of a day number of [`day_number`] (`civil_from_days`).
fn civil_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// «2026-09-30» (or a longer ISO time, on the user's calendar: [`local_day`])
/// as «30.09.2026»; anything else as is.
pub fn date_ru(iso: &str) -> String {
    let day = local_day(iso);
    let day = day.as_str();
    let mut parts = day.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            format!("{d}.{m}.{y}")
        }
        _ => iso.to_owned(),
    }
}

/// «2025/2026» as «2025-2026», for a file name.
pub fn period_stem(period: &str) -> String {
    period.trim().replace(['/', '–'], "-")
}

/// «_leninsk-kuznetsky» after a file name's year for a card other than the
/// default one, nothing for it: a school filling in two cards, or a
/// department holding two, saved one year's second file over the first.
/// An id is Latin letters, digits and dashes; nothing else is kept.
pub fn card_suffix(card_id: &str) -> String {
    if card_id == crate::card::DEFAULT_CARD {
        return String::new();
    }
    let id: String = (card_id.chars())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if id.is_empty() {
        id
    } else {
        format!("_{id}")
    }
}

/// Schools' names in the order a person reads a list: «СОШ № 2» before
/// «СОШ № 10», capitals and quotes no matter (schools write «МАОУ «СОШ № 5»»
/// and «МАОУ СОШ № 3» alike, and both belong among the СОШ). Numbers
/// compare by value, the rest letter by letter; names equal that way fall
/// back to the plain order, so the order is total.
///
/// Lists of a thousand schools are sorted on every review decision, and
/// their names share long beginnings («МАОУ «Средняя общеобразовательная
/// школа № …»), so the letters both names share are skipped first: only the
/// run of digits they end in, if any, is compared again.
pub fn by_name(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (seen(a), seen(b));
    let (mut ia, mut ib, mut last) = (0, 0, None);
    while let (Some((i, p)), Some((j, q))) = (x.next(), y.next()) {
        if p != q {
            break;
        }
        (ia, ib, last) = (i + p.len_utf8(), j + q.len_utf8(), Some(p));
    }
    let (left, right) = (&a[ia..], &b[ib..]);
    let digit_first = |s: &str| s.trim_start_matches(is_quote).starts_with(is_digit);
    let order = match last {
        None => by_runs(a, b),
        Some(last) if last.is_ascii_digit() => {
            // Back over the quotes the shared part skipped too: «0»6» is
            // the runs 0 and 6, not one run 06 (a property test's case).
            let back = |s: &str, i: usize| {
                s[..i]
                    .trim_end_matches(|c| is_digit(c) || is_quote(c))
                    .len()
            };
            by_runs(&a[back(a, ia)..], &b[back(b, ib)..])
        }
        // Within a shared run of letters, a name whose run ends here is
        // the shorter run and comes first.
        Some(_) => match (digit_first(left), digit_first(right)) {
            (true, false) if !unquoted(right) => Ordering::Less,
            (false, true) if !unquoted(left) => Ordering::Greater,
            _ => by_runs(left, right),
        },
    };
    order.then_with(|| a.cmp(b))
}

/// The characters of a name that count in its order, with their places.
fn seen(name: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    name.char_indices().filter(|&(_, c)| !is_quote(c))
}

fn is_quote(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '„' | '“' | '”')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Nothing but quotes left.
fn unquoted(rest: &str) -> bool {
    rest.trim_start_matches(is_quote).is_empty()
}

/// [`by_name`] run by run, from the start of both names, without the
/// fallback to the plain order.
fn by_runs(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (runs(a), runs(b));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let order = match (digits_of(p), digits_of(q)) {
                    (Some(m), Some(n)) => m.len().cmp(&n.len()).then_with(|| m.cmp(n)),
                    _ => lower(p).cmp(lower(q)),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

fn lower(run: &str) -> impl Iterator<Item = char> + '_ {
    run.chars()
        .filter(|&c| !is_quote(c))
        .flat_map(char::to_lowercase)
}

/// A name cut into runs of digits and runs of everything else, quotes
/// between runs left out.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(is_quote);
        let first = rest.chars().next()?;
        let digit = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digit)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// A run of digits without its leading zeros; `None` for other runs.
fn digits_of(run: &str) -> Option<&str> {
    run.starts_with(|c: char| c.is_ascii_digit())
        .then(|| run.trim_start_matches('0'))
}

/// Whether `name` has `search` in it, in any case and without the spaces
/// around what was typed; an empty search matches every name.
pub fn name_has(name: &str, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty() || name.to_lowercase().contains(&search)
}

/// Text from a file or a pasted cell as one line of plain words: runs of
/// spaces, line breaks and control characters (invalid in XML) become one
/// space, and characters that are not seen but change what is seen
/// (direction overrides and isolates, zero-width spaces and joiners, the
/// BOM, the soft hyphen) are dropped, so that a name cannot turn the
/// sentence or the chart around it backwards.
pub fn one_line(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A character that is not seen but changes what is seen around it: a
/// direction override or isolate, a zero-width space or joiner, the BOM, the
/// soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// A link as it really reads: each invisible character shown as its code,
/// «[U+202E]». A school's file keeps its links exactly as sent, because
/// that is what they open; shown as they are, an override could make the
/// reviewer read another address than the one the click opens.
pub fn revealed(link: &str) -> String {
    let mut shown = String::with_capacity(link.len());
    for c in link.chars() {
        if is_invisible(c) {
            shown.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// A name as a letter prints it: the number stays on the line of its sign
/// («СОШ №\u{A0}19», a no-break space), so that no line ends on «№».
pub fn tied(name: &str) -> String {
    name.trim().replace("№ ", "№\u{A0}")
}

/// Text in «», its own «» turned into „“, as Russian nests quotes:
/// «Урок „Шоу профессий“».
/// An indicator's code as a column heading: «п. 1.1», but a code that
/// starts with a letter as it is («П-1.1», not «п. П-1.1»).
pub fn item_heading(code: &str) -> String {
    prefixed("п. ", code)
}

/// A name with its initials kept on one line: a no-break space before
/// each initial («Е.», «П.,») and after one that ends no phrase, so that
/// «Иванова Е. П., методист» and «Е. П. Иванова, методист» break only
/// after the name (a road map's narrow column printed «Иванова Е. / П.»).
pub fn initials_together(text: &str) -> String {
    let initial = |word: &str| {
        let mut chars = word.trim_end_matches(',').chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    let mut out = String::new();
    let mut before: Option<&str> = None;
    for word in text.split(' ') {
        if let Some(before) = before {
            let joined = initial(word) || (initial(before) && !before.ends_with(','));
            out.push(if joined { '\u{A0}' } else { ' ' });
        }
        out.push_str(word);
        before = Some(word);
    }
    out
}

/// A criterion's code as a column heading: «К1», but «Ц8» as it is.
pub fn criterion_heading(code: &str) -> String {
    prefixed("К", code)
}

fn prefixed(prefix: &str, code: &str) -> String {
    if code.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{code}")
    } else {
        code.to_owned()
    }
}

pub fn quoted(text: &str) -> String {
    format!("«{}»", text.replace('«', "„").replace('»', "“"))
}

/// Text of several lines, each made [`one_line`]; the line breaks stay,
/// empty lines at either end go.
pub fn lines(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(one_line).collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// `text` cut to at most `max_chars` characters, ending with "…" when cut,
/// so that text from a file (a comment of a megabyte, a hand-made label)
/// stays readable in a view. Below two characters a cut says nothing, so
/// the result is empty.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    if max_chars < 2 {
        return String::new();
    }
    let mut out: String = text.chars().take(max_chars - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// [`shorten`] at a word's end when one falls in the last third: for a
/// title, where «системы ра…» reads as a slip. Schools' names are cut by
/// [`shorten`], keeping every letter they can: «№ 1…» still tells more
/// than «школа…».
pub fn shorten_at_word(text: &str, max_chars: usize) -> String {
    let cut = shorten(text, max_chars);
    // A cut at a word's end (a space or a mark next) stays.
    let mid_word =
        (text.chars().nth(max_chars.saturating_sub(1))).is_some_and(char::is_alphanumeric);
    let kept = cut.trim_end_matches('…');
    match kept.rfind(' ') {
        Some(space) if mid_word && cut != text && space >= kept.len() - kept.len() / 3 => {
            format!("{}…", kept[..space].trim_end())
        }
        _ => cut,
    }
}

/// `part / whole` in tenths of a percent, rounded half up, exactly: 1 of 8
/// is 125 (12,5 %), 49 of 400 is 123 (12,25 % rounds up). `None` for an empty
/// whole. Every percentage Profkarta shows or writes (screens, charts,
/// sheets, letters) comes from here, so they never disagree; no decision is
/// ever taken on it.
pub fn percent_tenths(part: u64, whole: u64) -> Option<u64> {
    (whole != 0).then(|| {
        let rounded = (u128::from(part) * 2000 + u128::from(whole)) / (u128::from(whole) * 2);
        u64::try_from(rounded).unwrap_or(u64::MAX)
    })
}

/// Tenths as a decimal number: "12,3" with a comma, as Russians write it,
/// or "12.3" for the XML of a spreadsheet.
pub fn tenths(tenths: u64, separator: char) -> String {
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

/// Tenths of a percent as Russians write it: "87,5 %".
pub fn tenths_percent(t: u64) -> String {
    format!("{}\u{A0}%", tenths(t, ','))
}

/// `part / whole` as a percentage with one decimal and a decimal comma:
/// "30,0 %"; "—" for an empty whole.
pub fn percent(part: u64, whole: u64) -> String {
    percent_tenths(part, whole).map_or_else(|| "—".to_owned(), tenths_percent)
}

/// A school's score with its share, «12 из 23 (52,2 %)», as the tables and
/// the report give it.
pub fn score_share(total: u32, max: u32) -> String {
    format!("{total} из {max} ({})", percent(total.into(), max.into()))
}

/// Two shares that differ but read alike in tenths («33,3 %» for 15 of 45
/// and 333 of 1 000), as many decimals as tell them apart (at most six): a
/// verdict of growth beside two equal figures reads as a mistake. Rounded
/// half up as [`percent`] is, so that a reader dividing by hand finds the
/// same figure («54,17 %» for 65 of 120); rounding keeps the order, so the
/// larger never reads smaller. `None` when [`percent`] already tells them
/// apart, when they are equal, or when six places do not part them.
pub fn percents_apart(a: (u64, u64), b: (u64, u64)) -> Option<(String, String)> {
    let equal = u128::from(a.0) * u128::from(b.1) == u128::from(b.0) * u128::from(a.1);
    if a.1 == 0 || b.1 == 0 || equal || percent(a.0, a.1) != percent(b.0, b.1) {
        return None;
    }
    let rounded = |(p, w): (u64, u64), places: u32| {
        let (p, w) = (u128::from(p), u128::from(w));
        let scaled = (p * 200 * 10u128.pow(places) + w) / (w * 2);
        let unit = 10u128.pow(places);
        format!(
            "{},{:0width$}\u{A0}%",
            scaled / unit,
            scaled % unit,
            width = places as usize
        )
    };
    (2..=6)
        .map(|places| (rounded(a, places), rounded(b, places)))
        .find(|(x, y)| x != y)
}

/// [`percent`] of a share known to be below its `target` (a whole
/// percent): where the tenths would round up onto the target, hundredths
/// instead («69,98 %» for 1 399 of 1 999), so that «70,0 %» never stands
/// beside «до порога 70 % не хватает 1 чел.»: rounded to the nearest
/// («69,97 %» for 233 of 333, as a reader dividing by hand finds it), and
/// down only where that too would reach the target («99,99 %» for 9 999,9
/// of 10 000). Onto another
/// whole percent they are tenths as everywhere («49,0 %» below 50 %). A
/// target not known (the next band's) is any whole percent.
pub fn percent_short_of_target(part: u64, whole: u64, target: Option<u32>) -> String {
    let Some(t) = percent_tenths(part, whole) else {
        return "—".to_owned();
    };
    let (p, w) = (u128::from(part), u128::from(whole));
    let onto_target = target.is_none_or(|target| t == u64::from(target) * 10);
    if t % 10 == 0 && onto_target && p * 1000 < u128::from(t) * w {
        let nearest = (p * 20_000 / w).div_ceil(2);
        let hundredths = if nearest < u128::from(t) * 10 {
            nearest
        } else {
            p * 10_000 / w
        };
        return format!("{},{:02}\u{A0}%", hundredths / 100, hundredths % 100);
    }
    percent(part, whole)
}

/// `text` ending in a full stop, unless it ends in one of its own.
pub fn with_stop(text: &str) -> String {
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// `text` with `note` in brackets: inside its own closing ones where they
/// are its only pair and end it («в среднем 79,0 % (от 55,6 % до 99,9 %;
/// по 24 школам)»), not a second pair beside them; after a text of several
/// pairs (a breakdown's parts), apart, or it read as said of the last part.
pub fn noted(text: &str, note: &str) -> String {
    match text.strip_suffix(')') {
        Some(open) if text.matches('(').count() == 1 => format!("{open}; {note})"),
        Some(_) => format!("{text}; {note}"),
        None => format!("{text} ({note})"),
    }
}

/// Each of `texts` as a line cut at its end still tells it apart from the
/// others: where one shares a long beginning with another (Nevinnomyssk's
/// 1.5 and 1.6 differ in their last word, past a hundred letters alike),
/// its first words stand for the shared part, then «…», then the end from
/// the word before the first that differs. `None` where it is told apart
/// as it is.
pub fn told_apart(texts: &[&str]) -> Vec<Option<String>> {
    /// Shared beginnings shorter than this show their difference on a line.
    const LONG: usize = 40;
    /// At least as many letters of the beginning stay.
    const HEAD: usize = 24;
    /// At least as many letters are cut, or nothing is.
    const CUT: usize = 10;
    let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let shared = |a: &[char], b: &[char]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (chars.iter().enumerate())
        .map(|(i, text)| {
            let alike = (chars.iter().enumerate())
                .filter(|(j, _)| *j != i)
                .map(|(_, other)| shared(text, other))
                .max()
                .unwrap_or(0);
            if alike < LONG || alike >= text.len() {
                return None;
            }
            // Back to the start of the differing word, then one word more.
            let word_start = |end: usize| {
                let space = text[..end].iter().rposition(|c| c.is_whitespace());
                space.map_or(0, |s| s + 1)
            };
            let differs = word_start(alike);
            let tail = word_start(differs.saturating_sub(1));
            // Whole words up to the first space past `HEAD` letters: «8-9
            // классов,» and «10-11 классов,» alike.
            let head_end = (text.iter().enumerate())
                .skip(HEAD)
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(at, _)| at);
            // A word or two cut would make the line no shorter.
            if head_end == 0 || tail < head_end + CUT {
                return None;
            }
            let head: String = text[..head_end].iter().collect();
            let rest: String = text[tail..].iter().collect();
            Some(format!("{head} … {rest}"))
        })
        .collect()
}

/// The first `shown` of `items`, the rest counted: «a, b, c и ещё 2».
/// Long lists are named in part where a message has one line for them.
pub fn first_of<S: AsRef<str>>(items: &[S], shown: usize) -> String {
    let named: Vec<&str> = items.iter().take(shown).map(AsRef::as_ref).collect();
    match items.len().saturating_sub(shown) {
        0 => named.join(", "),
        more => format!("{} и ещё {more}", named.join(", ")),
    }
}

/// «a», «a и b», «a, b и c».
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} и {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each day worked out by hand from the calendar; the offset is this
    /// test thread's own.
    #[test]
    fn a_moment_is_dated_by_the_users_calendar() {
        set_utc_offset(7 * 60);
        // Novokuznetsk: 20:30 UTC on 30.09 is 03:30 on 01.10; 16:59 is 23:59.
        assert_eq!(local_day("2026-09-30T20:30:00.000Z"), "2026-10-01");
        assert_eq!(local_day("2026-09-30T16:59:59Z"), "2026-09-30");
        // Across a month, a year and a leap day.
        assert_eq!(local_day("2026-12-31T17:00:00Z"), "2027-01-01");
        assert_eq!(local_day("2024-02-28T18:00:00Z"), "2024-02-29");
        assert_eq!(local_day("2023-02-28T18:00:00Z"), "2023-03-01");
        // A zone of its own: 01:00 at +03:00 is 22:00 UTC the day before,
        // 05:00 here.
        assert_eq!(local_day("2026-10-01T01:00:00+03:00"), "2026-10-01");
        assert_eq!(local_day("2026-10-01T23:00:00-02:00"), "2026-10-02");
        // A plain date, a moment without a zone, and words, as they are.
        assert_eq!(local_day("2026-09-30"), "2026-09-30");
        assert_eq!(local_day("2026-09-30T23:00:00"), "2026-09-30");
        assert_eq!(local_day("вчера"), "вчера");
        assert_eq!(date_ru("2026-09-30T20:30:00.000Z"), "01.10.2026");
        // West of Greenwich: 02:00 UTC is the evening before.
        set_utc_offset(-5 * 60);
        assert_eq!(local_day("2026-10-01T02:00:00Z"), "2026-09-30");
        set_utc_offset(0);
        assert_eq!(local_day("2026-09-30T20:30:00.000Z"), "2026-09-30");
    }

    /// Moments as the app writes them and as a file could carry them,
    /// each decided by hand from the calendar.
    #[test]
    fn a_timestamp_is_a_real_moment() {
        for good in [
            "2026-09-01",
            "2026-12-06T21:47:21.123Z",
            "2024-02-29T00:00:00Z",
            "2026-09-01T08:15:00+03:00",
            "2026-09-01T08:15-05:00",
            "2026-12-31T23:59:60Z",
        ] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "",
            "2026-13-45T99:00:00Z",
            "2025-02-29",
            "2100-02-29",
            "2026-04-31",
            "2026-9-1",
            "2026-09-01T",
            "2026-09-01T24:00:00Z",
            "2026-09-01T08:60:00Z",
            "2026-09-01T08:15:00.Z",
            "2026-09-01T08:15:00+3",
            "вчера",
            "2026-09-01T08:15:00Zextra",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(
            initials_together("Иванова Е. П., методист"),
            "Иванова\u{A0}Е.\u{A0}П., методист"
        );
        assert_eq!(
            initials_together("Е. П. Иванова, методист"),
            "Е.\u{A0}П.\u{A0}Иванова, методист"
        );
        assert_eq!(initials_together("все ОО"), "все ОО");
        assert_eq!(initials_together("г. Ёлкино, отдел"), "г. Ёлкино, отдел");
    }

    #[test]
    fn long_alike_beginnings_give_way_to_the_ends_that_differ() {
        let begins = "Уровень удовлетворенности детей и родителей состоянием \
                      профориентационной работы в образовательной организации: \
                      удовлетворенность";
        let children = format!("{begins} детей");
        let parents = format!("{begins} родителей");
        let texts = [
            children.as_str(),
            parents.as_str(),
            "Количество договоров о сотрудничестве",
        ];
        assert_eq!(
            told_apart(&texts),
            [
                Some("Уровень удовлетворенности … удовлетворенность детей".to_owned()),
                Some("Уровень удовлетворенности … удовлетворенность родителей".to_owned()),
                None
            ]
        );
        // The beginning to the first space past 24 letters, whole words.
        let grades = |g: &str, what: &str| {
            format!(
                "Доля обучающихся {g} классов, посетивших профориентационные мероприятия {what}"
            )
        };
        let (a, b) = (
            grades("10-11", "ознакомительного"),
            grades("8-9", "вовлеченного"),
        );
        let (c, d) = (
            grades("10-11", "вовлеченного"),
            grades("8-9", "ознакомительного"),
        );
        assert_eq!(
            told_apart(&[&a, &b, &c, &d]),
            [
                Some("Доля обучающихся 10-11 классов, … мероприятия ознакомительного".to_owned()),
                Some("Доля обучающихся 8-9 классов, … мероприятия вовлеченного".to_owned()),
                Some("Доля обучающихся 10-11 классов, … мероприятия вовлеченного".to_owned()),
                Some("Доля обучающихся 8-9 классов, … мероприятия ознакомительного".to_owned()),
            ]
        );
        // A short shared beginning, or one text alone, is left as it is.
        assert_eq!(
            told_apart(&[
                "Доля обучающихся 8–9 классов",
                "Доля обучающихся 10–11 классов"
            ]),
            [None, None]
        );
        assert_eq!(told_apart(&[children.as_str()]), [None]);
        // The same wording twice, or one that begins another, leaves the
        // shorter whole; a beginning whose cut would be a word is kept.
        assert_eq!(
            told_apart(&[children.as_str(), children.as_str()]),
            [None, None]
        );
        assert_eq!(
            told_apart(&[begins, children.as_str()]),
            [
                None,
                Some("Уровень удовлетворенности … организации: удовлетворенность детей".to_owned())
            ]
        );
        // Nothing worth cutting between the first words and the end.
        let near = "Доля обучающихся-участников-профессиональных-проб-в-колледжах";
        assert_eq!(
            told_apart(&[&format!("{near} 8-9"), &format!("{near} 10-11")]),
            [None, None]
        );
    }

    #[test]
    fn lists_end_in_and() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["доли"]), "доли");
        assert_eq!(and_list(&["доли", "среднего"]), "доли и среднего");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b и c");
        assert_eq!(and_list(&["a".to_owned(), "b".to_owned()]), "a и b");
    }

    #[test]
    fn a_note_goes_inside_the_brackets_a_text_ends_in() {
        assert_eq!(
            noted("в сумме 10", "по 3 школам"),
            "в сумме 10 (по 3 школам)"
        );
        assert_eq!(
            noted("80,0 % (от 70 до 90)", "по 3 школам"),
            "80,0 % (от 70 до 90; по 3 школам)"
        );
        assert_eq!(
            noted("45,0 % (90 из 200); юноши — 50 (25,0 %)", "по 3 школам"),
            "45,0 % (90 из 200); юноши — 50 (25,0 %); по 3 школам"
        );
    }

    #[test]
    fn shares_alike_in_tenths_are_told_apart() {
        let apart = |a, b| percents_apart(a, b).map(|(x, y)| format!("{x} / {y}"));
        assert_eq!(
            apart((15, 45), (333, 1000)).as_deref(),
            Some("33,33\u{A0}% / 33,30\u{A0}%")
        );
        // 1 of 3 and 333 333 of 1 000 000 part at the fifth place.
        assert_eq!(
            apart((1, 3), (333_333, 1_000_000)).as_deref(),
            Some("33,33333\u{A0}% / 33,33330\u{A0}%")
        );
        // Rounded as a reader dividing by hand rounds: 65 of 120 is 54,1666…
        assert_eq!(
            apart((65, 120), (542, 1000)).as_deref(),
            Some("54,17\u{A0}% / 54,20\u{A0}%")
        );
        // Equal shares, shares apart in tenths, an empty whole: nothing to add.
        assert_eq!(apart((1, 3), (2, 6)), None);
        assert_eq!(apart((1, 3), (1, 2)), None);
        assert_eq!(apart((0, 0), (0, 5)), None);
    }

    #[test]
    fn long_school_names_keep_their_number_in_a_file_name() {
        assert_eq!(file_stem("МАОУ «СОШ № 7»"), "МАОУ_СОШ_7");
        // Short enough: as typed, «Основная школа» not made «ОШ».
        assert_eq!(
            file_stem("МАОУ «Основная школа № 7»"),
            "МАОУ_Основная_школа_7"
        );
        assert_eq!(
            file_stem(
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя \
                 общеобразовательная школа № 12»"
            ),
            "МБОУ_СОШ_12"
        );
        assert_eq!(
            file_stem(
                "Муниципальное автономное общеобразовательное учреждение «Лицей № 5 \
                 имени Героя Советского Союза И. И. Иванова» г. Ленинска-Кузнецкого"
            ),
            "МАОУ_Лицей_5_имени_Героя_Советского_Союза_И_И_Иванова_г"
        );
        assert_eq!(
            file_stem(
                "Муниципальная бюджетная общеобразовательная организация «Средняя \
                 общеобразовательная школа № 7» Ленинского района"
            ),
            "МБОО_СОШ_7_Ленинского_района"
        );
        assert_eq!(
            file_stem(
                "Федеральное государственное казённое общеобразовательное учреждение «Кадетская \
                 школа № 2»"
            ),
            "ФГКОУ_Кадетская_школа_2"
        );
        // One word longer than a stem is cut.
        assert_eq!(file_stem(&"а".repeat(70)).chars().count(), 60);
        assert_eq!(file_stem(" «» "), "");
    }

    #[test]
    fn a_message_goes_on_after_a_colon_in_lower_case() {
        assert_eq!(
            lower_first("В адресе сайта нет точки"),
            "в адресе сайта нет точки"
        );
        assert_eq!(lower_first("Ссылки на страницы"), "ссылки на страницы");
        assert_eq!(lower_first("ПОО региона"), "ПОО региона");
        assert_eq!(lower_first("Я"), "я");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn a_name_is_found_by_any_part_in_any_case() {
        assert!(name_has("МБОУ «СОШ № 7»", " сош № 7 "));
        assert!(name_has("МБОУ «СОШ № 7»", ""));
        assert!(name_has("Гимназия Ёлочка", "ЁЛОЧ"));
        assert!(!name_has("МБОУ «СОШ № 7»", "сош 7"));
    }

    /// Izhevsk's codes begin with letters: no «п. П-1.1», no «КЦ8».
    #[test]
    fn a_code_with_its_own_letters_is_not_prefixed() {
        assert_eq!(item_heading("1.1"), "п. 1.1");
        assert_eq!(item_heading("П-1.1"), "П-1.1");
        assert_eq!(criterion_heading("2"), "К2");
        assert_eq!(criterion_heading("Ц8"), "Ц8");
    }

    #[test]
    fn a_share_short_of_a_whole_percent_never_shows_as_reaching_it() {
        let short = |part, whole| percent_short_of_target(part, whole, None);
        assert_eq!(short(1399, 1999), "69,98\u{A0}%");
        assert_eq!(short(600, 2001), "29,99\u{A0}%");
        assert_eq!(short(1999, 2000), "99,95\u{A0}%");
        assert_eq!(percent(1399, 1999), "70,0\u{A0}%", "elsewhere, tenths");
        // Rounded up onto a tenth that is not a whole percent, or exact:
        // tenths as usual.
        assert_eq!(short(2, 3), "66,7\u{A0}%");
        assert_eq!(short(69, 100), "69,0\u{A0}%");
        assert_eq!(short(0, 0), "—");
        // Known, only the target itself is kept from: 48 of 98 is 48,98 %.
        assert_eq!(percent_short_of_target(48, 98, Some(50)), "49,0\u{A0}%");
        assert_eq!(percent_short_of_target(48, 98, Some(49)), "48,98\u{A0}%");
        // Hundredths rounded to the nearest (69,9699…), down only where the
        // nearest is the target (99,995 → 99,99, not 100,00).
        assert_eq!(short(233, 333), "69,97\u{A0}%");
        assert_eq!(short(19_999, 20_000), "99,99\u{A0}%");
        assert_eq!(
            percent_short_of_target(1399, 1999, Some(70)),
            "69,98\u{A0}%"
        );
    }

    #[test]
    fn a_css_string_keeps_quotes_and_backslashes_inside() {
        assert_eq!(
            css_string("МБОУ \"СОШ\" № 1\\2\nг. Белинский"),
            "МБОУ \\\"СОШ\\\" № 1\\\\2 г. Белинский"
        );
    }

    #[test]
    fn names_in_reading_order() {
        let mut names = [
            "СОШ № 26",
            "сош № 3",
            "Гимназия № 2",
            "СОШ № 10",
            "СОШ № 2",
            "СОШ № 007",
            "СОШ",
            "Гимназия № 2",
            "СОШ № 2а",
            "СОШ № 02",
            "«СОШ № 5»",
            "\"СОШ\" № 4",
        ];
        names.sort_by(|a, b| by_name(a, b));
        assert_eq!(
            names,
            [
                "Гимназия № 2",
                "Гимназия № 2",
                "СОШ",
                "СОШ № 02",
                "СОШ № 2",
                "СОШ № 2а",
                "сош № 3",
                "\"СОШ\" № 4",
                "«СОШ № 5»",
                "СОШ № 007",
                "СОШ № 10",
                "СОШ № 26",
            ]
        );
    }

    /// A quote between two digits parts their runs, as the plain order of
    /// runs reads it: «0»6» is 0 then 6, after «06» (6). The property below
    /// found it.
    #[test]
    fn a_quote_parts_two_digit_runs() {
        assert_eq!(by_name("06", "0»6"), by_runs("06", "0»6"));
        assert_eq!(by_name("06", "0»6"), Ordering::Greater);
    }

    proptest::proptest! {
        /// Skipping the shared beginning changes nothing: the order is
        /// the one of comparing run by run from the start.
        #[test]
        fn the_shared_beginning_is_skipped_safely(
            stem in "[0-9aAбБİ№ «»]{0,6}",
            a in "[0-9aAбБİ№ «»]{0,6}",
            b in "[0-9aAбБİ№ «»]{0,6}",
        ) {
            let (a, b) = (format!("{stem}{a}"), format!("{stem}{b}"));
            proptest::prop_assert_eq!(
                by_name(&a, &b),
                by_runs(&a, &b).then_with(|| a.cmp(&b))
            );
        }
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(
            lines("\n Профпробы\u{202E}  для 8 кл.\r\n\nЯрмарка\u{200B}\n\n"),
            "Профпробы для 8 кл.\n\nЯрмарка"
        );
    }

    #[test]
    fn one_line_drops_what_is_not_seen() {
        assert_eq!(one_line("  СОШ\t№\r\n 5 "), "СОШ № 5");
        assert_eq!(one_line("СОШ\u{202E}5 №\u{2066}"), "СОШ5 №");
        assert_eq!(one_line("\u{200B}\u{FEFF}\u{0}"), "");
        assert_eq!(one_line("Школа\u{0}№\u{7}1"), "Школа № 1");
        assert_eq!(one_line("Гимна\u{AD}зия\u{2028}№ 2"), "Гимназия № 2");
    }

    #[test]
    fn a_link_shows_what_it_hides() {
        assert_eq!(revealed("https://школа.рф/a"), "https://школа.рф/a");
        assert_eq!(
            revealed("https://a.ru/\u{202E}fdp.exe\u{200B}"),
            "https://a.ru/[U+202E]fdp.exe[U+200B]"
        );
        assert_eq!(revealed("\u{AD}\u{FEFF}"), "[U+00AD][U+FEFF]");
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("Школа", 40), "Школа");
        assert_eq!(shorten("Школа номер один", 7), "Школа…");
        assert_eq!(shorten(&"ж".repeat(5000), 2000).chars().count(), 2000);
        assert_eq!(shorten("Школа", 1), "");
        // At a word's end when one is near: never «системы ра…».
        assert_eq!(
            shorten_at_word("карта мониторинга системы работы", 30),
            "карта мониторинга системы…"
        );
        assert_eq!(
            shorten_at_word("Общая численность детей, вовлеченных", 24),
            "Общая численность детей…"
        );
        assert_eq!(shorten_at_word("Карта", 30), "Карта");
        assert_eq!(
            shorten_at_word(&"ж".repeat(50), 30),
            shorten(&"ж".repeat(50), 30)
        );
    }

    #[test]
    fn plural_forms() {
        let forms: Vec<_> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 23, 25, 101, 111]
            .iter()
            .map(|&n| points(n))
            .collect();
        assert_eq!(
            forms,
            [
                "0 баллов",
                "1 балл",
                "2 балла",
                "4 балла",
                "5 баллов",
                "11 баллов",
                "12 баллов",
                "14 баллов",
                "21 балл",
                "22 балла",
                "23 балла",
                "25 баллов",
                "101 балл",
                "111 баллов"
            ]
        );
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(7), "7");
        assert_eq!(group_digits(1000), "1\u{202F}000");
        assert_eq!(group_digits(1_000_000), "1\u{202F}000\u{202F}000");
        assert_eq!(group_digits(123_456), "123\u{202F}456");
        // A mean per school beside a grouped sum.
        assert_eq!(grouped_tenths(6025), "602,5");
        assert_eq!(grouped_tenths(12_345), "1\u{202F}234,5");
        assert_eq!(grouped_tenths(0), "0,0");
    }

    #[test]
    fn percent_rounds_half_up_with_a_comma() {
        assert_eq!(percent(3, 10), "30,0\u{A0}%");
        assert_eq!(percent(1, 3), "33,3\u{A0}%");
        assert_eq!(percent(2, 3), "66,7\u{A0}%");
        assert_eq!(percent(19, 23), "82,6\u{A0}%");
        assert_eq!(percent(1, 0), "—");
        assert_eq!(percent(49, 400), "12,3\u{A0}%", "12,25 rounds half up");
        assert_eq!(percent_tenths(u64::MAX, u64::MAX), Some(1000));
    }
}
