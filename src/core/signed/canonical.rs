//! Canonical JSON: the exact bytes a signature covers.
//!
//! RFC 8785 (JCS) for the values Profkarta produces: objects with keys sorted
//! by UTF-16 code units, no insignificant whitespace, strings escaped as
//! ECMAScript's `JSON.stringify` does, integers in plain decimal. Fractional
//! numbers never occur in our payloads, so they are refused rather than given
//! a second, subtly different formatting rule. The same value always yields
//! the same bytes, whatever order its keys arrived in.

use serde_json::Value;

use crate::error::SubmissionError;

pub fn canonical_bytes(value: &Value) -> Result<Vec<u8>, SubmissionError> {
    let mut out = Vec::with_capacity(4096);
    write(value, &mut out)?;
    Ok(out)
}

fn write(value: &Value, out: &mut Vec<u8>) -> Result<(), SubmissionError> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            if !(n.is_i64() || n.is_u64()) {
                return Err(SubmissionError::Shape {
                    detail: format!("дробное число {n}"),
                });
            }
            out.extend_from_slice(n.to_string().as_bytes());
        }
        // serde_json escapes exactly what JCS escapes: quote, backslash and
        // control characters (\b \t \n \f \r or \u00xx in lower case).
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            out.push(b'{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write(item, out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    // Writing a &str into a Vec cannot fail.
    serde_json::to_writer(&mut *out, s).expect("string serialisation into memory");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canon(v: Value) -> String {
        String::from_utf8(canonical_bytes(&v).unwrap()).unwrap()
    }

    #[test]
    fn keys_are_sorted_and_space_removed() {
        let v = json!({"b": [1, {"z": true, "a": null}], "a": "x", "1.10": 0, "1.2": 0});
        assert_eq!(
            canon(v),
            r#"{"1.10":0,"1.2":0,"a":"x","b":[1,{"a":null,"z":true}]}"#
        );
    }

    #[test]
    fn same_value_same_bytes_whatever_the_input_order() {
        let a: Value = serde_json::from_str(r#"{"x":1,"y":{"q":2,"p":3}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{ "y" : { "p":3, "q":2 }, "x":1 }"#).unwrap();
        assert_eq!(canonical_bytes(&a).unwrap(), canonical_bytes(&b).unwrap());
    }

    #[test]
    fn strings_escape_like_jcs() {
        let v = json!("кавычка \" слэш \\ / таб \t нуль \u{0} \u{1f} € 😀");
        assert_eq!(
            canon(v),
            "\"кавычка \\\" слэш \\\\ / таб \\t нуль \\u0000 \\u001f € 😀\""
        );
    }

    #[test]
    fn keys_sort_by_utf16_units() {
        // U+1F600 is the surrogate pair D83D DE00 in UTF-16, so it sorts
        // before U+E000, although its UTF-8 bytes (F0 ...) sort after (EE ...).
        let v = json!({"\u{E000}": 2, "\u{1F600}": 1});
        assert_eq!(canon(v), "{\"\u{1F600}\":1,\"\u{E000}\":2}");
    }

    #[test]
    fn fractions_are_refused() {
        assert!(canonical_bytes(&json!({"a": 0.5})).is_err());
        assert_eq!(
            canon(json!([-3, 18446744073709551615u64])),
            "[-3,18446744073709551615]"
        );
    }
}
