//! Two tabs on one draft, each changed since the version both read: a
//! deputy fills in one direction in one tab and another in a second. Where
//! the tabs changed different things, both changes are kept; only where the
//! same field was changed both ways must the user choose one version (and
//! the other is offered for download), as before this merge.
//!
//! The merge is three-way over the stored JSON, field by field, so that it
//! follows the draft's fields as they grow without a list to keep up.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::error::MergeConflict;
use crate::school::stored::StoredDraft;

/// `mine` and `theirs` merged against `base`, the version both started
/// from; it carries `theirs`' revision, which the next save goes past.
/// A draft moved to another card or version in one tab is not merged: its
/// answers are the other card's.
pub fn merge(
    base: &StoredDraft,
    mine: &StoredDraft,
    theirs: &StoredDraft,
) -> Result<StoredDraft, MergeConflict> {
    let card = |s: &StoredDraft| (s.meta.card.clone(), s.meta.card_version);
    if card(mine) != card(theirs) {
        return Err(MergeConflict::OtherCard);
    }
    // The save's own bookkeeping differs in every version; it is theirs.
    let as_theirs = |s: &StoredDraft| {
        let mut s = s.clone();
        s.meta.revision = theirs.meta.revision;
        s.meta.updated_at.clone_from(&theirs.meta.updated_at);
        serde_json::to_value(s).expect("a draft serialises")
    };
    let mut both = Vec::new();
    let merged = merge_value(
        Some(&as_theirs(base)),
        Some(&as_theirs(mine)),
        Some(&serde_json::to_value(theirs).expect("a draft serialises")),
        &mut Vec::new(),
        &mut both,
    );
    if !both.is_empty() {
        let parts: BTreeSet<String> = both.iter().map(|p| part_name(p)).collect();
        return Err(MergeConflict::SameFields(parts.into_iter().collect()));
    }
    let merged = merged.expect("both versions hold a draft");
    serde_json::from_value(merged).map_err(|_| MergeConflict::Unreadable)
}

/// The sets kept as arrays in the stored draft: merged element by element.
const SETS: &[&[&str]] = &[&["draft", "copied"]];

/// One field three ways (`None`: absent). A change on one side is taken;
/// objects changed on both sides are merged key by key; anything else
/// changed both ways is a conflict at `path`, and keeps `mine`.
fn merge_value(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
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
    if let (Some(b), Some(m), Some(t)) = (
        b,
        mine.and_then(Value::as_object),
        theirs.and_then(Value::as_object),
    ) {
        let keys: BTreeSet<&String> = b.keys().chain(m.keys()).chain(t.keys()).collect();
        let mut out = Map::new();
        for key in keys {
            path.push(key.clone());
            if let Some(v) = merge_value(b.get(key), m.get(key), t.get(key), path, both) {
                out.insert(key.clone(), v);
            }
            path.pop();
        }
        return Some(Value::Object(out));
    }
    if SETS
        .iter()
        .any(|s| path.iter().map(String::as_str).eq(s.iter().copied()))
    {
        return Some(merge_set(base, mine, theirs));
    }
    both.push(path.clone());
    mine.cloned()
}

/// A set of codes each side added to or took from: a code is in the
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

/// What the user knows a field as: an indicator's code, the school's
/// details, the plan.
fn part_name(path: &[String]) -> String {
    match path
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["draft", "answers", code, ..] => format!("показатель {code}"),
        ["draft", "profile", ..] => "сведения об организации".to_owned(),
        ["draft", "plan", ..] => "план мероприятий".to_owned(),
        ["label", ..] => "название черновика".to_owned(),
        _ => "служебные данные черновика".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::draft::RawAnswer;
    use crate::school::stored::DraftMeta;

    fn answer(numerator: &str) -> RawAnswer {
        RawAnswer {
            numerator: numerator.to_owned(),
            ..RawAnswer::default()
        }
    }

    /// The version both tabs read: revision 3, 1.1 answered, 1.2 copied
    /// from last year.
    fn base() -> StoredDraft {
        let mut s = StoredDraft {
            meta: DraftMeta::new("d1".to_owned(), "2026-12-01T10:00:00Z"),
            draft: Default::default(),
        };
        s.meta.revision = 3;
        s.draft.answers.insert("1.1".to_owned(), answer("5"));
        s.draft.copied.insert("1.2".to_owned());
        s.draft.copied.insert("1.3".to_owned());
        s
    }

    fn saved_elsewhere(mut s: StoredDraft) -> StoredDraft {
        s.meta.revision = 4;
        s.meta.updated_at = "2026-12-01T10:05:00Z".to_owned();
        s
    }

    #[test]
    fn changes_to_different_indicators_are_both_kept() {
        let base = base();
        let mut mine = base.clone();
        mine.draft.answers.insert("2.1".to_owned(), answer("7"));
        mine.draft.answers.get_mut("1.1").unwrap().denominator = "10".to_owned();
        // Confirmed here: no longer a copy.
        mine.draft.copied.remove("1.2");
        let mut theirs = saved_elsewhere(base.clone());
        theirs.draft.answers.insert("3.1".to_owned(), answer("2"));
        theirs.draft.profile.name = "МАОУ СОШ № 1".to_owned();
        theirs.draft.copied.remove("1.3");

        let merged = merge(&base, &mine, &theirs).unwrap();
        let numerators: Vec<(&str, &str)> = merged
            .draft
            .answers
            .iter()
            .map(|(c, a)| (c.as_str(), a.numerator.as_str()))
            .collect();
        assert_eq!(numerators, [("1.1", "5"), ("2.1", "7"), ("3.1", "2")]);
        assert_eq!(merged.draft.answers["1.1"].denominator, "10");
        assert_eq!(merged.draft.profile.name, "МАОУ СОШ № 1");
        assert!(
            merged.draft.copied.is_empty(),
            "each tab's confirmation stays"
        );
        assert_eq!(merged.meta.revision, 4, "the next save goes past theirs");
        assert_eq!(merged.meta.updated_at, "2026-12-01T10:05:00Z");
    }

    #[test]
    fn different_fields_of_one_answer_merge_and_a_set_keeps_additions() {
        let base = base();
        let mut mine = base.clone();
        mine.draft.answers.get_mut("1.1").unwrap().evidence = "https://a.ru".to_owned();
        mine.draft.copied.insert("4.1".to_owned());
        let mut theirs = saved_elsewhere(base.clone());
        theirs.draft.answers.get_mut("1.1").unwrap().numerator = "6".to_owned();

        let merged = merge(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.draft.answers["1.1"].numerator, "6");
        assert_eq!(merged.draft.answers["1.1"].evidence, "https://a.ru");
        let copied: Vec<&str> = merged.draft.copied.iter().map(String::as_str).collect();
        assert_eq!(copied, ["1.2", "1.3", "4.1"]);
    }

    #[test]
    fn the_same_field_changed_both_ways_is_named() {
        let base = base();
        let mut mine = base.clone();
        mine.draft.answers.get_mut("1.1").unwrap().numerator = "8".to_owned();
        mine.draft.profile.name = "Школа А".to_owned();
        let mut theirs = saved_elsewhere(base.clone());
        theirs.draft.answers.get_mut("1.1").unwrap().numerator = "9".to_owned();
        theirs.draft.profile.name = "Школа Б".to_owned();
        // The same change on both sides is no conflict.
        mine.draft.answers.insert("2.2".to_owned(), answer("1"));
        theirs.draft.answers.insert("2.2".to_owned(), answer("1"));

        assert_eq!(
            merge(&base, &mine, &theirs),
            Err(MergeConflict::SameFields(vec![
                "показатель 1.1".to_owned(),
                "сведения об организации".to_owned()
            ]))
        );
        assert_eq!(
            MergeConflict::SameFields(vec!["показатель 1.1".to_owned()]).to_string(),
            "В обеих вкладках по-разному изменено: показатель 1.1. Выберите, какую версию оставить."
        );
    }

    #[test]
    fn an_answer_removed_in_one_tab_and_changed_in_the_other_is_a_conflict() {
        let base = base();
        let mut mine = base.clone();
        mine.draft.answers.remove("1.1");
        let mut theirs = saved_elsewhere(base.clone());
        theirs.draft.answers.get_mut("1.1").unwrap().numerator = "9".to_owned();
        assert_eq!(
            merge(&base, &mine, &theirs),
            Err(MergeConflict::SameFields(vec!["показатель 1.1".to_owned()]))
        );
        // Removed in one, untouched in the other: removed.
        let theirs = saved_elsewhere(base.clone());
        assert!(!merge(&base, &mine, &theirs)
            .unwrap()
            .draft
            .answers
            .contains_key("1.1"));
    }

    #[test]
    fn a_draft_moved_to_another_version_is_not_merged() {
        let base = base();
        let mine = base.clone();
        let mut theirs = saved_elsewhere(base.clone());
        theirs.meta.card_version += 1;
        assert_eq!(merge(&base, &mine, &theirs), Err(MergeConflict::OtherCard));
    }
}
