//! JSON files as people hand them over: saved by Windows tools, and, for
//! signed files, held to the stricter I-JSON (RFC 7493).

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

use crate::error::FileTextError;

/// The text without the byte-order mark Windows tools put first (Notepad's
/// «UTF-8 с BOM»), which JSON parsers refuse. CRLF line ends need nothing:
/// JSON counts `\r` as whitespace.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// The text of a file's bytes: UTF-8 as the app writes it, or UTF-16 with
/// its mark, as Notepad saves «Юникод». Any other encoding (Windows-1251,
/// «ANSI») would read as other letters than were written: refused, and said.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, FileTextError> {
    let utf16 = |unit: fn([u8; 2]) -> u16| {
        // An odd byte at the end is a file cut short.
        if bytes.len() % 2 == 1 {
            return Err(FileTextError::CutOff);
        }
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units)
            .map(Cow::Owned)
            .map_err(|_| FileTextError::NotText)
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(u16::from_le_bytes),
        [0xFE, 0xFF, ..] => utf16(u16::from_be_bytes),
        _ => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            // Text that stops inside a letter is text cut off; text in
            // another encoding begins as JSON does.
            .map_err(|e| match e.error_len() {
                None => FileTextError::CutOff,
                Some(_) if looks_like_json(bytes) => FileTextError::OtherEncoding,
                Some(_) => document(bytes).map_or(FileTextError::NotText, FileTextError::Document),
            }),
    }
}

/// What another program's document is, by its first bytes: Word and
/// Excel files are ZIP archives (and were OLE files before 2007).
fn document(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [b'P', b'K', 3, 4, ..] => Some("документ Word или Excel (или архив ZIP)"),
        [b'%', b'P', b'D', b'F', ..] => Some("документ PDF"),
        [0xD0, 0xCF, 0x11, 0xE0, ..] => Some("документ Word или Excel старого формата"),
        _ => None,
    }
}

/// Bytes that begin as a JSON object and hold no zero byte: text, if not
/// UTF-8.
fn looks_like_json(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| bytes[i] == b'{') && !bytes.contains(&0)
}

/// Nothing, or only spaces and a byte-order mark: a download or a copy
/// that failed.
pub fn blank(text: &str) -> bool {
    without_bom(text).trim().is_empty()
}

/// Whether `text` reads as JSON that stops before its end, as a file saved
/// or sent in part does (and not as some other document).
pub fn cut_off(text: &str) -> bool {
    let text = without_bom(text).trim_start();
    text.starts_with('{')
        && serde_json::from_str::<de::IgnoredAny>(text)
            .is_err_and(|e| e.classify() == serde_json::error::Category::Eof)
}

/// Where text that begins as a JSON object breaks its syntax, as (line,
/// column): a file edited by hand or damaged on the way, which a text of
/// another kind (not beginning with «{») or one cut off is not.
pub fn garbled(text: &str) -> Option<(usize, usize)> {
    let text = without_bom(text);
    // An RTF document begins with «{» too, and is another document.
    let start = text.trim_start();
    if !start.starts_with('{') || start.starts_with("{\\rtf") {
        return None;
    }
    match serde_json::from_str::<de::IgnoredAny>(text) {
        Err(e) if e.classify() == serde_json::error::Category::Syntax => {
            // serde_json counts bytes; a person counts letters (a review:
            // after a Russian word «знак 22» was the 17th).
            let line = text.split('\n').nth(e.line().saturating_sub(1))?;
            let before = e.column().saturating_sub(1);
            let column = line
                .char_indices()
                .take_while(|(at, _)| *at < before)
                .count()
                + 1;
            Some((e.line(), column))
        }
        _ => None,
    }
}

/// The text of a file the user picked to open (a draft, a card, a key, a
/// backup), refused for the same reasons as the department refuses a
/// received file, so that a bad file reads the same on either page. Each
/// reader then says what else is wrong with its own kind of file.
pub fn picked_text(bytes: &[u8]) -> Result<String, FileTextError> {
    let text = decode(bytes)?;
    if blank(&text) {
        return Err(FileTextError::Empty);
    }
    if cut_off(&text) {
        return Err(FileTextError::CutOff);
    }
    Ok(text.into_owned())
}

/// Parses a file's text, a byte-order mark and all.
pub fn parse<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_str(without_bom(text))
}

/// Why [`parse_unique`] refused a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotUnique {
    /// Not JSON at all.
    Syntax,
    /// A key appears twice in one object; the path leads to it from the
    /// top (object keys, and array positions counted from 1).
    Repeated { path: Vec<String> },
}

/// [`parse`], refusing a key repeated in any object. Readers disagree on
/// which of the two counts (serde_json keeps the last, others the first), so
/// a signed file with one could show one answer and be verified as another.
pub fn parse_unique(text: &str) -> Result<Value, NotUnique> {
    // Filled with the repeated key's path, innermost first, as the error
    // passes out through the enclosing objects and arrays.
    let trail = RefCell::new(Vec::new());
    let mut parser = serde_json::Deserializer::from_str(without_bom(text));
    let parsed = Unique { trail: &trail }
        .deserialize(&mut parser)
        .and_then(|value| parser.end().map(|()| value));
    parsed.map_err(|_| {
        let mut path = trail.into_inner();
        if path.is_empty() {
            return NotUnique::Syntax;
        }
        path.reverse();
        NotUnique::Repeated { path }
    })
}

/// The path of a key written twice in `text`, if one is: what the app
/// stores itself is read with the last value, as before, but said.
pub fn repeated_key(text: &str) -> Option<Vec<String>> {
    match parse_unique(text) {
        Err(NotUnique::Repeated { path }) => Some(path),
        _ => None,
    }
}

/// Builds a [`Value`] as serde_json does, but stops at a repeated key.
#[derive(Clone, Copy)]
struct Unique<'a> {
    trail: &'a RefCell<Vec<String>>,
}

impl Unique<'_> {
    /// Adds one step of the path while a repeated key's error passes out.
    fn on_the_way_out<T, E>(
        self,
        step: impl FnOnce() -> String,
        result: Result<T, E>,
    ) -> Result<T, E> {
        if result.is_err() && !self.trail.borrow().is_empty() {
            self.trail.borrow_mut().push(step());
        }
        result
    }
}

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let item = seq.next_element_seed(self);
            match self.on_the_way_out(|| (items.len() + 1).to_string(), item)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                self.trail.borrow_mut().push(key);
                return Err(de::Error::custom("a repeated key"));
            }
            let value = map.next_value_seed(self);
            let value = self.on_the_way_out(|| key.clone(), value)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

/// One step of a path into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    /// From 0.
    Index(usize),
}

/// What stops a file's JSON from reading as what it should be, and where.
#[derive(Debug)]
pub struct Misshapen {
    /// From the top of the file to the wrong value (or the object a field
    /// is missing from); empty where it was not found.
    pub path: Vec<Step>,
    problem: String,
}

impl Misshapen {
    /// A field is missing: `path` leads to the object it is missing from.
    pub fn missing(&self) -> bool {
        self.problem.starts_with(MISSING)
    }

    /// The problem and its place, for a message: a person fixing a file by
    /// hand, or telling its sender what to fix, needs the field
    /// («значение не того вида: число 5, поле «answers → 1.1 →
    /// numerator»»), which serde_json's own error does not name.
    pub fn detail(&self) -> String {
        let path: Vec<String> = (self.path.iter())
            .map(|step| match step {
                Step::Key(key) => key.clone(),
                Step::Index(i) => (i + 1).to_string(),
            })
            .collect();
        let problem = &self.problem;
        match path.as_slice() {
            [] => problem.clone(),
            // Found where taking the object away made the error another.
            _ if self.missing() => format!("{problem} в «{}»", key_path(&path)),
            // The path ends with the field the problem names already.
            [_] if self.problem.starts_with(UNKNOWN) => problem.clone(),
            [within @ .., _] if self.problem.starts_with(UNKNOWN) => {
                format!("{problem} в «{}»", key_path(within))
            }
            _ => format!("{problem}, поле «{}»", key_path(&path)),
        }
    }
}

/// `T` read from a file's JSON value, or what is wrong with it and where.
///
/// serde_json does not say where a value read from a [`Value`] went wrong,
/// and `serde_path_to_error`, which does, added 18 KB (gzip) to the
/// school's page and 34 KB to the department's: it doubles every reader's
/// code. The place is found instead, only once reading failed, from the
/// top down: at each level, the one value whose removal changes the error
/// holds it (a removal that only leaves another field missing does not
/// count), until none below does; a missing field, in each branch that
/// could lack it ([`Search::lacking`]). Some tens of trial reads for a
/// received file, none for a good one; a file of more than
/// [`MAX_SEARCHED`] values is not searched.
pub fn shaped<T: DeserializeOwned>(value: &Value) -> Result<T, Misshapen> {
    let error = match T::deserialize(value) {
        Ok(read) => return Ok(read),
        Err(e) => problem(&e),
    };
    // Each trial copies the whole value: a department's backup of
    // thousands of files is not searched.
    let path = match size(value) <= MAX_SEARCHED {
        true => Search::<T> {
            value,
            error: &error,
            read: PhantomData,
        }
        .place(),
        false => Vec::new(),
    };
    Err(Misshapen {
        path,
        problem: error,
    })
}

/// [`shaped`]'s search for the place of `error` in `value`, by trial reads
/// of changed copies.
struct Search<'a, T> {
    value: &'a Value,
    error: &'a str,
    read: PhantomData<T>,
}

impl<T: DeserializeOwned> Search<'_, T> {
    fn place(&self) -> Vec<Step> {
        let mut path = Vec::new();
        let missing = (self.error.strip_prefix(MISSING))
            .and_then(|rest| rest.strip_prefix(" «")?.strip_suffix('»'));
        match missing {
            Some(field) => {
                // First along the values whose removal changes the error;
                // failing that (the field missing from several objects,
                // any one removed leaves the others), every object that
                // lacks it, in the file's order, a few hundred at most.
                let found = self.lacking(field, self.value, &mut path, &mut None)
                    || self.lacking(field, self.value, &mut path, &mut Some(UNPRUNED));
                if !found {
                    // Not found: the field is named without a place.
                    path.clear();
                }
            }
            None => self.descend(&mut path),
        }
        path
    }

    /// The error a changed copy of the value gives; `None` when it reads.
    fn error_of(trial: &Value) -> Option<String> {
        T::deserialize(trial).err().map(|e| problem(&e))
    }

    /// Whether taking away what `path` leads to changes the error. Taken
    /// away, a wrong value that must be there leaves its own field
    /// missing: that is it too.
    fn holds(&self, path: &[Step]) -> bool {
        let mut trial = self.value.clone();
        remove_at(&mut trial, path);
        let Some(now) = Self::error_of(&trial) else {
            return true;
        };
        let its_own =
            matches!(path.last(), Some(Step::Key(key)) if now == format!("{MISSING} «{key}»"));
        now != self.error && (its_own || !now.starts_with(MISSING))
    }

    /// From the top down, the first value at each level that holds the error.
    fn descend(&self, path: &mut Vec<Step>) {
        let mut at = self.value;
        loop {
            let holding = children(at).into_iter().find(|(step, _)| {
                path.push(step.clone());
                let found = self.holds(path);
                path.pop();
                found
            });
            let Some((step, child)) = holding else { break };
            path.push(step);
            at = child;
        }
    }

    /// Whether `field` is missing from the object `at`, at `path`, or from
    /// one below it; `path` is left leading to that object. A missing field
    /// does not say where it is missing from, and every other field taken
    /// away leaves its own missing too (the first one tried was blamed:
    /// «нет поля «payload» в «format»»), so each branch that could lack it
    /// is tried in turn, the deepest first: an object above may take a
    /// field of that name too (an optional one). Without a `budget`, only
    /// branches whose removal changes the error; with one, any, until that
    /// many objects were tried.
    fn lacking(
        &self,
        field: &str,
        at: &Value,
        path: &mut Vec<Step>,
        budget: &mut Option<usize>,
    ) -> bool {
        for (step, child) in children(at) {
            if !lacks(child, field) {
                continue;
            }
            path.push(step);
            if (budget.is_some() || self.holds(path)) && self.lacking(field, child, path, budget) {
                return true;
            }
            path.pop();
        }
        if let Some(left) = budget {
            if *left == 0 {
                return false;
            }
            *left -= 1;
        }
        self.missing_from(field, at, path)
    }

    /// Whether the object `at`, at `path`, is the one `field` is missing
    /// from: given the field, it reads otherwise, and given a name no
    /// reader knows with the same value, as before or as not knowing it (a
    /// map, which takes any name, reads both alike). The value is an empty
    /// object, then a number: a field whose own type lacks a field of the
    /// same name reads an empty object as before.
    fn missing_from(&self, field: &str, at: &Value, path: &[Step]) -> bool {
        if !matches!(at, Value::Object(map) if !map.contains_key(field)) {
            return false;
        }
        let given = |key: &str, value: &Value| {
            let mut trial = self.value.clone();
            if let Some(Value::Object(map)) = at_mut(&mut trial, path) {
                map.insert(key.to_owned(), value.clone());
            }
            Self::error_of(&trial)
        };
        [Value::Object(Map::new()), Value::from(0)]
            .iter()
            .any(|value| {
                let read_otherwise = given(field, value)
                    .is_none_or(|now| now != self.error && !now.starts_with(UNKNOWN));
                read_otherwise
                    && given(NO_READER_KNOWS, value)
                        .is_some_and(|now| now == self.error || now.starts_with(UNKNOWN))
            })
    }
}

/// How many objects the search for a missing field tries beyond the
/// branches whose removal changes the error.
const UNPRUNED: usize = 200;

/// A field name no reader of the project's files knows.
const NO_READER_KNOWS: &str = "\u{1}профкарта-проба";

/// The values `at` holds, each with its step from it.
fn children(at: &Value) -> Vec<(Step, &Value)> {
    match at {
        Value::Object(map) => (map.iter())
            .map(|(k, v)| (Step::Key(k.clone()), v))
            .collect(),
        Value::Array(items) => (items.iter().enumerate())
            .map(|(i, v)| (Step::Index(i), v))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `value` is, or holds, an object without `field`.
fn lacks(value: &Value, field: &str) -> bool {
    match value {
        Value::Object(map) => !map.contains_key(field) || map.values().any(|v| lacks(v, field)),
        Value::Array(items) => items.iter().any(|v| lacks(v, field)),
        _ => false,
    }
}

/// Values in a file searched for the place of its error.
const MAX_SEARCHED: usize = 50_000;

/// The number of values in `value`, itself included.
fn size(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(size).sum(),
        Value::Array(items) => items.iter().map(size).sum(),
        _ => 0,
    }
}

/// [`shaped`], said in words ([`Misshapen::detail`]).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    shaped(&value).map_err(|e| e.detail())
}

/// [`from_value`] from the text, a byte-order mark and all: the error
/// names its line instead.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    parse(text).map_err(|e| problem(&e))
}

/// What `path` leads to in `value`.
fn at_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |at, step| match (step, at) {
        (Step::Key(k), Value::Object(map)) => map.get_mut(k),
        (Step::Index(i), Value::Array(items)) => items.get_mut(*i),
        _ => None,
    })
}

/// `value` without what `path` leads to.
pub fn remove_at(value: &mut Value, path: &[Step]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    match (last, at_mut(value, parents)) {
        (Step::Key(k), Some(Value::Object(map))) => {
            map.remove(k);
        }
        (Step::Index(i), Some(Value::Array(items))) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// A field's path from the top of a file, as the messages quote it.
pub(crate) fn key_path(path: &[String]) -> String {
    crate::text::shorten(&path.join(" → "), 120)
}

/// How [`problem`] begins for a field that is missing.
const MISSING: &str = "нет поля";
/// How [`problem`] begins for a field the reader does not know.
const UNKNOWN: &str = "лишнее поле";

/// What serde_json says about a file it could not read, in Russian: its
/// messages are English and name Rust types («invalid type: integer `5`,
/// expected a string»), and they reach the people who open the files.
/// Field names and values stay as the file spells them; a message of a kind
/// not listed here becomes a plain «данные не того вида».
pub fn problem(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let place = match error.line() {
        0 => String::new(),
        line => format!(" (строка {line}, позиция {})", error.column()),
    };
    let text = error.to_string();
    // The message without serde_json's own « at line 1 column 5».
    let message = match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => &text[..at],
        _ => text.as_str(),
    };
    let quoted = |rest: &str| format!("«{}»", in_backticks(rest));
    let what = match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => "текст не в формате JSON".to_owned(),
        Category::Data => {
            if let Some(rest) = message.strip_prefix("missing field") {
                format!("{MISSING} {}", quoted(rest))
            } else if let Some(rest) = message.strip_prefix("unknown field") {
                format!("{UNKNOWN} {}", quoted(rest))
            } else if let Some(rest) = message.strip_prefix("duplicate field") {
                format!("поле {} повторяется", quoted(rest))
            } else if let Some(rest) = message.strip_prefix("unknown variant") {
                format!("недопустимое значение {}", quoted(rest))
            } else if let Some(rest) = message
                .strip_prefix("invalid type: ")
                .or_else(|| message.strip_prefix("invalid value: "))
            {
                let found = rest.split(", expected").next().unwrap_or_default();
                format!("значение не того вида: {}", found_value(found))
            } else if message.starts_with("invalid length") {
                "не то число элементов в списке".to_owned()
            } else if message == "a repeated key" {
                "ключ повторяется".to_owned()
            } else {
                "данные не того вида".to_owned()
            }
        }
    };
    format!("{what}{place}")
}

/// serde's name of a value it did not expect («integer `5`», «string
/// \"x\"», «map»), in Russian.
fn found_value(found: &str) -> String {
    let (kind, rest) = found.split_once(' ').unwrap_or((found, ""));
    match kind {
        "integer" | "floating" => format!("число {}", in_backticks(rest)),
        "string" => format!("строка {rest}"),
        "boolean" => format!("{} (да/нет)", in_backticks(rest)),
        "null" | "unit" => "пустое значение (null)".to_owned(),
        "sequence" => "список".to_owned(),
        "map" => "объект".to_owned(),
        _ => "другое".to_owned(),
    }
}

/// What serde puts between backticks: a field's name, a number, a boolean.
fn in_backticks(text: &str) -> &str {
    text.split('`').nth(1).unwrap_or_default()
}

/// The fields of `read` with a value that `kept` (the same text read and
/// written again) has not, at any depth.
pub fn unread_fields(read: &Value, kept: &Value, path: &str, unread: &mut Vec<String>) {
    let at = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match (read, kept) {
        (Value::Object(read), Value::Object(kept)) => {
            for (key, value) in read {
                match kept.get(key) {
                    Some(was) => unread_fields(value, was, &at(key), unread),
                    None if has_value(value) => unread.push(at(key)),
                    None => {}
                }
            }
        }
        (Value::Array(read), Value::Array(kept)) => {
            for (i, (value, was)) in read.iter().zip(kept).enumerate() {
                unread_fields(value, was, &at(&(i + 1).to_string()), unread);
            }
        }
        _ => {}
    }
}

/// Whether a value says anything: what the draft leaves out when it is
/// empty (an empty text, list or mark) is not missed.
fn has_value(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Bool(true) | Value::Number(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a JSON text breaks, in letters as a person counts them (a
    /// review: serde_json's byte column said «знак 22» for the 17th);
    /// neither another kind of text nor an RTF document is JSON broken.
    #[test]
    fn a_broken_json_text_says_where_in_letters() {
        let text = "{\"name\":\"Школа\",'x\":1}";
        let at = text.chars().position(|c| c == '\'').unwrap() + 1;
        assert_eq!(garbled(text), Some((1, at)));
        assert_eq!(garbled("{\n  \"a\": 1,\n  \"б\": ,\n}"), Some((3, 8)));
        assert_eq!(garbled("заметка"), None);
        assert_eq!(garbled("{\\rtf1\\ansi Приказ}"), None);
        assert_eq!(garbled("{\"a\": 1}"), None);
        assert_eq!(garbled("{\"a\": "), None, "cut off is another case");
    }

    #[test]
    fn a_picked_file_is_refused_for_the_reasons_the_import_gives() {
        let good = "{\"name\": \"СОШ № 7\"}";
        assert_eq!(picked_text(good.as_bytes()).unwrap(), good);
        // Notepad's «UTF-8 с BOM», CRLF and «Юникод» read as the same text.
        let bom = format!("\u{FEFF}{}", good.replace(": ", ":\r\n"));
        assert!(parse::<Value>(&picked_text(bom.as_bytes()).unwrap()).is_ok());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(picked_text(&utf16).unwrap(), good);
        let ansi: Vec<u8> = good.chars().map(|c| c.min('\u{C0}') as u8).collect();
        assert_eq!(picked_text(&ansi), Err(FileTextError::OtherEncoding));
        assert_eq!(
            picked_text(&good.as_bytes()[..9]),
            Err(FileTextError::CutOff)
        );
        let inside_a_letter = good.find('С').unwrap() + 1;
        assert_eq!(
            picked_text(&good.as_bytes()[..inside_a_letter]),
            Err(FileTextError::CutOff)
        );
        assert_eq!(picked_text(b"\xEF\xBB\xBF \r\n"), Err(FileTextError::Empty));
        assert_eq!(
            picked_text(&[0x89, b'P', b'N', b'G', 0]),
            Err(FileTextError::NotText)
        );
        // Another program's document is named.
        let docx = [&b"PK\x03\x04\x14\x00\x06\x00"[..], &[0xE2, 0x28, 0xA1]].concat();
        assert_eq!(
            picked_text(&docx).map_err(|e| e.to_string()),
            Err(
                "Это документ Word или Excel (или архив ZIP), а не файл Профкарты: откройте \
                 файл .json, сохранённый Профкартой."
                    .to_owned()
            )
        );
        assert_eq!(
            picked_text(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3"),
            Err(FileTextError::Document("документ PDF"))
        );
        assert_eq!(
            crate::error::ImportError::from(FileTextError::Document("документ PDF")).to_string(),
            "Это документ PDF, а не выгрузка Профкарты. Попросите школу прислать файл .json, \
             выгруженный из Профкарты."
        );
        // Not JSON at all is for each reader to name: it is text.
        assert_eq!(picked_text(b"hello").unwrap(), "hello");
    }

    /// What a file in the wrong shape reads as.
    fn problem_of<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
        let from_text = serde_json::from_str::<T>(text).unwrap_err();
        let value: Value = serde_json::from_str(text).unwrap();
        let from_value = serde_json::from_value::<T>(value).unwrap_err();
        let (a, b) = (problem(&from_text), problem(&from_value));
        // Read from a value, there is no place in the text to name.
        assert!(a.starts_with(&b), "{a} / {b}");
        b
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Answer {
        numerator: String,
        #[serde(default)]
        parts: Vec<u8>,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        pair: Option<(u8, u8)>,
    }

    #[derive(Debug, serde::Deserialize)]
    enum Kind {
        Share,
    }

    #[test]
    fn problems_read_in_russian() {
        let cases = [
            (r#"{"numerator":5}"#, "значение не того вида: число 5"),
            (r#"{"numerator":1.5}"#, "значение не того вида: число 1.5"),
            (
                r#"{"numerator":true}"#,
                "значение не того вида: true (да/нет)",
            ),
            (
                r#"{"numerator":null}"#,
                "значение не того вида: пустое значение (null)",
            ),
            (r#"{"numerator":[]}"#, "значение не того вида: список"),
            (r#"{"numerator":{}}"#, "значение не того вида: объект"),
            (
                r#"{"numerator":"1","parts":["x"]}"#,
                "значение не того вида: строка \"x\"",
            ),
            (
                r#"{"numerator":"1","parts":[300]}"#,
                "значение не того вида: число 300",
            ),
            (r#"{}"#, "нет поля «numerator»"),
            (r#"{"numerator":"1","extra":1}"#, "лишнее поле «extra»"),
            (
                r#"{"numerator":"1","kind":"Sum"}"#,
                "недопустимое значение «Sum»",
            ),
            (
                r#"{"numerator":"1","pair":[1]}"#,
                "не то число элементов в списке",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(problem_of::<Answer>(text), expected, "{text}");
        }
        let syntax = serde_json::from_str::<Value>("{\n  \"a\": }").unwrap_err();
        assert_eq!(
            problem(&syntax),
            "текст не в формате JSON (строка 2, позиция 8)"
        );
        let twice = serde_json::from_str::<Answer>(r#"{"numerator":"1","numerator":"2"}"#);
        assert_eq!(
            problem(&twice.unwrap_err()),
            "поле «numerator» повторяется (строка 1, позиция 28)"
        );
        let data = serde_json::from_str::<Answer>("{\n\"numerator\": 5}").unwrap_err();
        assert_eq!(
            problem(&data),
            "значение не того вида: число 5 (строка 2, позиция 14)"
        );
    }

    /// The field is named from the top of the file: keys as spelled there,
    /// list items from 1. A missing field is missing from its object.
    #[test]
    fn problems_name_their_field() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct File {
            answers: std::collections::BTreeMap<String, Answer>,
        }
        let detail =
            |text: &str| from_value::<File>(serde_json::from_str(text).unwrap()).unwrap_err();
        assert_eq!(
            detail(r#"{"answers":{"1.1":{"numerator":5}}}"#),
            "значение не того вида: число 5, поле «answers → 1.1 → numerator»"
        );
        assert_eq!(
            detail(r#"{"answers":{"1.1":{"numerator":"1","parts":[1,"x"]}}}"#),
            "значение не того вида: строка \"x\", поле «answers → 1.1 → parts → 2»"
        );
        assert_eq!(
            detail(r#"{"answers":{"1.1":{}}}"#),
            "нет поля «numerator» в «answers → 1.1»"
        );
        // A field the reader does not know is named once, with its object.
        assert_eq!(
            detail(r#"{"answers":{"1.1":{"numerator":"1","extra":1}}}"#),
            "лишнее поле «extra» в «answers → 1.1»"
        );
        assert_eq!(detail(r#"{}"#), "нет поля «answers»");
        // A field missing is missing from its own object, not from the
        // first sibling whose removal leaves that one missing instead, nor
        // from a map (which would take it as a key).
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Signed {
            format: String,
            payload: Payload,
            signature: Signature,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Payload {
            answers: std::collections::BTreeMap<String, Answer>,
            profile: Signature,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Signature {
            name: String,
            value: String,
        }
        let signed =
            |text: &str| from_value::<Signed>(serde_json::from_str(text).unwrap()).unwrap_err();
        let payload = r#"{"answers":{"1.1":{"numerator":"1"}},"profile":{"name":"a","value":"b"}}"#;
        let signature = r#"{"name":"a","value":"b"}"#;
        let cases = [
            (
                format!(r#"{{"format":"x","signature":{signature}}}"#),
                "нет поля «payload»",
            ),
            (
                format!(r#"{{"format":"x","payload":{payload},"signature":{{"name":"a"}}}}"#),
                "нет поля «value» в «signature»",
            ),
            (
                format!(
                    r#"{{"format":"x","payload":{},"signature":{signature}}}"#,
                    payload.replace(r#""name":"a","#, "")
                ),
                "нет поля «name» в «payload → profile»",
            ),
            (
                format!(
                    r#"{{"format":"x","payload":{},"signature":{signature}}}"#,
                    payload.replace(r#""numerator":"1""#, "")
                ),
                "нет поля «numerator» в «payload → answers → 1.1»",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(signed(&text), expected, "{text}");
        }
        // From the text, with its line instead; a byte-order mark is no
        // error.
        assert_eq!(
            from_text::<File>("\u{FEFF}{\"answers\":\n{\"1.1\":{\"numerator\":5}}}").unwrap_err(),
            "значение не того вида: число 5 (строка 2, позиция 21)"
        );
        assert!(from_text::<File>(r#"{"answers":{}} x"#).is_err());
    }

    fn repeated(text: &str) -> Vec<String> {
        match parse_unique(text) {
            Err(NotUnique::Repeated { path }) => path,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,"x",true,null,{}],"b":{"c":[]},"e":"\u0444"}"#,
            "[]",
            "\"строка\"",
            "18446744073709551615",
            " \r\n{ \"a\" :\r\n 1 }\r\n",
        ] {
            assert_eq!(
                parse_unique(text),
                Ok(serde_json::from_str::<Value>(text).unwrap()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_repeated_key_is_found_anywhere_with_its_path() {
        assert_eq!(repeated(r#"{"a":1,"a":1}"#), ["a"]);
        assert_eq!(
            repeated(r#"{"payload":{"answers":{"1.1":{"numerator":"0","numerator":"68"}}}}"#),
            ["payload", "answers", "1.1", "numerator"]
        );
        assert_eq!(
            repeated(r#"{"rows":[{},{"n":1,"x":2,"n":3}]}"#),
            ["rows", "2", "n"]
        );
        assert_eq!(repeated(r#"[[{"k":{},"k":[]}]]"#), ["1", "1", "k"]);
        // Equal once unescaped: the same key to every reader.
        assert_eq!(repeated(r#"{"a":1,"\u0061":2}"#), ["a"]);
        // The same key in different objects is no repetition.
        assert!(parse_unique(r#"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}"#).is_ok());
    }

    #[test]
    fn not_json_is_told_apart_from_a_repeated_key() {
        // serde_json's depth limit holds here too: no stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse_unique(&deep), Err(NotUnique::Syntax));
        for text in ["", "{", r#"{"a":1,}"#, r#"{"a":1} x"#, "\u{FEFF}\u{FEFF}{}"] {
            assert_eq!(parse_unique(text), Err(NotUnique::Syntax), "{text:?}");
        }
        // A text cut after a repeated key: the repetition is met first.
        assert_eq!(repeated(r#"{"a":1,"a":"#), ["a"]);
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_accepted() {
        let plain = "{\n  \"a\": [1, 2]\n}\n";
        let windows = format!("\u{FEFF}{}", plain.replace('\n', "\r\n"));
        let value = serde_json::from_str::<Value>(plain).unwrap();
        assert_eq!(parse::<Value>(&windows).unwrap(), value);
        assert_eq!(parse_unique(&windows), Ok(value));
    }

    // Places a review found wrong: an optional namesake above, the field
    // missing from several objects, a field whose type has a namesake.
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Numerator {
        numerator: String,
    }

    /// An object on the way down that has the missing field as an optional
    /// one of its own (the top's `name`) is not blamed: the deepest object
    /// lacking it is tried first.
    #[test]
    fn a_missing_field_is_not_blamed_on_an_ancestor_that_knows_the_name() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Top {
            #[serde(default)]
            name: Option<String>,
            profile: Profile,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Profile {
            name: String,
        }
        let value = serde_json::json!({"profile": {}});
        assert_eq!(
            from_value::<Top>(value).unwrap_err(),
            "нет поля «name» в «profile»"
        );
    }

    /// The same field missing from two answers (a converter that drops it
    /// everywhere): no removal changes the error, and the first answer serde
    /// met is named, not the top of the file.
    #[test]
    fn a_field_missing_twice_is_not_said_as_missing_at_the_top() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct File {
            answers: std::collections::BTreeMap<String, Numerator>,
        }
        let value = serde_json::json!({"answers": {"1.1": {}, "1.2": {}}});
        assert_eq!(
            from_value::<File>(value).unwrap_err(),
            "нет поля «numerator» в «answers → 1.1»"
        );
    }

    /// A field whose own type has a field of the same name reads `{}` with
    /// the same error: a number given instead tells its object.
    #[test]
    fn a_field_named_as_its_own_inner_field_keeps_its_place() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Top {
            x: Outer,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            name: Inner,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            name: String,
        }
        let value = serde_json::json!({"x": {}});
        assert_eq!(
            from_value::<Top>(value).unwrap_err(),
            "нет поля «name» в «x»"
        );
    }
}
