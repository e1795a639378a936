//! JSON files as people hand them over: saved by Windows tools, and, for
//! signed files, held to the stricter I-JSON (RFC 7493).

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

/// The text without the byte-order mark Windows tools put first (Notepad's
/// «UTF-8 с BOM»), which JSON parsers refuse. CRLF line ends need nothing:
/// JSON counts `\r` as whitespace.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
