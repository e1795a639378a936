//! Three-way merge of two JSON versions of one record, each changed since
//! a common `base`: what one side changed is taken; objects changed on both
//! sides merge key by key; anything else changed both ways is a conflict,
//! named by its path. Two tabs of one browser use it, the school's on a
//! draft and the department's on its decisions: it follows their fields as
//! they grow, without a list of them to keep up.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// `mine` and `theirs` merged against `base`; `sets` are the paths of
/// arrays of strings kept as sets, merged element by element. `Err` holds
/// the paths changed both ways.
pub fn merge(
    base: &Value,
    mine: &Value,
    theirs: &Value,
    sets: &[&[&str]],
) -> Result<Value, Vec<Vec<String>>> {
    let mut both = Vec::new();
    let merged = merge_value(
        Some(base),
        Some(mine),
        Some(theirs),
        sets,
        &mut Vec::new(),
        &mut both,
    );
    match both.is_empty() {
        true => Ok(merged.unwrap_or(Value::Null)),
        false => Err(both),
    }
}

/// One field three ways (`None`: absent); a conflict at `path` keeps `mine`.
fn merge_value(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    sets: &[&[&str]],
    path: &mut Vec<String>,
    both: &mut Vec<Vec<String>>,
) -> Option<Value> {
    if mine == theirs || theirs == base {
        return mine.cloned();
    }
    if mine == base {
        return theirs.cloned();
    }
    let empty = Map::new();
    // A key both sides added merges as if it had been there empty.
    let b = base.map_or(Some(&empty), Value::as_object);
    let (m, t) = (
        mine.and_then(Value::as_object),
        theirs.and_then(Value::as_object),
    );
    if let (Some(b), Some(m), Some(t)) = (b, m, t) {
        let keys: BTreeSet<&String> = b.keys().chain(m.keys()).chain(t.keys()).collect();
        let mut out = Map::new();
        for key in keys {
            path.push(key.clone());
            if let Some(v) = merge_value(b.get(key), m.get(key), t.get(key), sets, path, both) {
                out.insert(key.clone(), v);
            }
            path.pop();
        }
        return Some(Value::Object(out));
    }
    if sets
        .iter()
        .any(|s| path.iter().map(String::as_str).eq(s.iter().copied()))
    {
        return Some(merge_set(base, mine, theirs));
    }
    if let Some(both_added) = appended(base, mine, theirs) {
        return Some(both_added);
    }
    both.push(path.clone());
    mine.cloned()
}

/// An array one side only added to (a school to the list, a measure, a
/// refused file): the other side's array as it left it (its own additions,
/// changes and removals), then this side's additions that the other has
/// not made too, the other tab's first where both only added. Only an
/// element changed or taken away on both sides is a conflict: a measure
/// edited in one tab and another added in the other had to give up one.
fn appended(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let empty = Vec::new();
    let b = match base {
        None => &empty,
        Some(base) => base.as_array()?,
    };
    let (m, t) = (mine?.as_array()?, theirs?.as_array()?);
    let (kept, added) = match (m.starts_with(b), t.starts_with(b)) {
        (true, _) => (t, &m[b.len()..]),
        (false, true) => (m, &t[b.len()..]),
        (false, false) => return None,
    };
    // The same addition on both sides is there once: as many copies of an
    // element as the kept side holds beyond the base are taken as made
    // there. Counted, not looked up: a second «Классный час» row like the
    // first is an addition of its own.
    let count = |list: &[Value], x: &Value| list.iter().filter(|y| *y == x).count();
    let mut out = kept.clone();
    let mut made: Vec<&Value> = Vec::new();
    for x in added {
        let there = count(kept, x).saturating_sub(count(b, x));
        match made.iter().filter(|y| **y == x).count() < there {
            true => made.push(x),
            false => out.push(x.clone()),
        }
    }
    Some(Value::Array(out))
}

/// A set of strings each side added to or took from: a string is in the
/// result as the side that changed it left it.
fn merge_set(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    let items = |v: Option<&Value>| -> BTreeSet<String> {
        let all = v.and_then(Value::as_array).into_iter().flatten();
        all.filter_map(Value::as_str).map(str::to_owned).collect()
    };
    let (b, m, t) = (items(base), items(mine), items(theirs));
    let all: BTreeSet<&String> = b.iter().chain(&m).chain(&t).collect();
    Value::Array(
        all.into_iter()
            .filter(|x| {
                let (was, in_mine) = (b.contains(*x), m.contains(*x));
                match in_mine != was {
                    true => in_mine,
                    false => t.contains(*x),
                }
            })
            .map(|x| Value::String(x.clone()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_side_keeps_its_changes_and_a_field_changed_both_ways_is_named() {
        let base = json!({"a": 1, "list": [1], "o": {"x": 1, "y": 1}, "gone": 1});
        let mine = json!({"a": 2, "list": [1], "o": {"x": 2, "y": 1}});
        let theirs = json!({"a": 1, "list": [1, 2], "o": {"x": 1, "y": 3}, "gone": 1, "new": 5});
        assert_eq!(
            merge(&base, &mine, &theirs, &[]),
            Ok(json!({"a": 2, "list": [1, 2], "o": {"x": 2, "y": 3}, "new": 5}))
        );
        // The same array changed both ways is one conflict, at its path;
        // so is a field removed in one and changed in the other.
        let mine = json!({"a": 1, "list": [3], "o": {"x": 9}});
        let theirs = json!({"a": 1, "list": [4], "o": {"x": 1, "y": 3}});
        assert_eq!(
            merge(&base, &mine, &theirs, &[]),
            Err(vec![
                vec!["list".to_owned()],
                vec!["o".to_owned(), "y".to_owned()]
            ])
        );
    }

    /// Two tabs each add a school to the list: both are kept, the other
    /// tab's first, and one added in both is there once. An element
    /// changed in one tab keeps the other's additions after it; changed
    /// or taken away in both, the array is a conflict.
    #[test]
    fn additions_on_both_sides_are_kept() {
        let base = json!({"list": [1], "new": null});
        let mine = json!({"list": [1, 3, 2], "new": null, "added": ["x"]});
        let theirs = json!({"list": [1, 2, 4], "added": ["y"]});
        assert_eq!(
            merge(&base, &mine, &theirs, &[]),
            Ok(json!({"list": [1, 2, 4, 3], "added": ["y", "x"]}))
        );
        let theirs = json!({"list": [1, 2, 4]});
        let changed = json!({"list": [5, 3]});
        assert_eq!(
            merge(&base, &changed, &theirs, &[]),
            Ok(json!({"list": [5, 3, 2, 4]}))
        );
        assert_eq!(
            merge(&base, &theirs, &changed, &[]),
            Ok(json!({"list": [5, 3, 2, 4]}))
        );
        let removed = json!({"list": [2]});
        assert_eq!(
            merge(&base, &removed, &theirs, &[]),
            Ok(json!({"list": [2, 4]}))
        );
        // A row like one already there, added beside another's change: kept.
        let (base, changed) = (json!({"list": [1, 2]}), json!({"list": [1, 5]}));
        assert_eq!(
            merge(&base, &changed, &json!({"list": [1, 2, 1]}), &[]),
            Ok(json!({"list": [1, 5, 1]}))
        );
        assert_eq!(
            merge(&base, &changed, &json!({"list": [6]}), &[]),
            Err(vec![vec!["list".to_owned()]])
        );
    }

    #[test]
    fn a_set_merges_element_by_element() {
        let base = json!({"s": ["a", "b"]});
        let mine = json!({"s": ["b", "c"]});
        let theirs = json!({"s": ["a", "b", "d"]});
        assert_eq!(
            merge(&base, &mine, &theirs, &[&["s"]]),
            Ok(json!({"s": ["b", "c", "d"]}))
        );
    }
}
