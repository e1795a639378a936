//! Two tabs on one draft, each changed since the version both read: a
//! deputy fills in one direction in one tab and another in a second. Where
//! the tabs changed different things, both changes are kept; only where the
//! same field was changed both ways must the user choose one version (and
//! the other is offered for download), as before this merge.
//!
//! The merge is three-way over the stored JSON ([`three_way`]).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::error::MergeConflict;
use crate::school::stored::{decode_value, StoredDraft};
use crate::three_way;

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
        let mut value = serde_json::to_value(s).expect("a draft serialises");
        figures(&mut value, pack);
        value
    };
    let mut merged = three_way::merge(&as_theirs(base), &as_theirs(mine), &as_theirs(theirs), SETS)
        .map_err(|both| {
            let parts: BTreeSet<String> = both.iter().map(|p| part_name(p)).collect();
            MergeConflict::SameFields(parts.into_iter().collect())
        })?;
    figures(&mut merged, unpack);
    // Read as a stored draft is read: one reader of drafts in the bundle.
    decode_value(merged).map_err(|_| MergeConflict::Unreadable)
}

/// The fields of an answer that make one figure together, merged as one:
/// a numerator from one tab over a denominator from the other is a share
/// neither tab typed. Each group travels through the merge as one string.
const FIGURES: [(&str, &[&str]); 2] = [
    ("figures", &["numerator", "denominator", "parts"]),
    ("last_year_figures", &["prev_numerator", "prev_denominator"]),
];

/// `each` applied to every answer object of a stored draft's JSON.
fn figures(draft: &mut Value, each: fn(&mut Map<String, Value>)) {
    let answers = draft
        .pointer_mut("/draft/answers")
        .and_then(Value::as_object_mut);
    for answer in answers.into_iter().flat_map(|a| a.values_mut()) {
        if let Some(answer) = answer.as_object_mut() {
            each(answer);
        }
    }
}

fn pack(answer: &mut Map<String, Value>) {
    for (group, fields) in FIGURES {
        let values: Vec<Value> = (fields.iter())
            .map(|f| answer.remove(*f).unwrap_or(Value::Null))
            .collect();
        if values.iter().any(|v| !v.is_null()) {
            answer.insert(
                group.into(),
                Value::String(Value::Array(values).to_string()),
            );
        }
    }
}

fn unpack(answer: &mut Map<String, Value>) {
    for (group, fields) in FIGURES {
        let Some(Value::String(text)) = answer.remove(group) else {
            continue;
        };
        let Ok(Value::Array(values)) = serde_json::from_str(&text) else {
            continue;
        };
        for (field, value) in fields.iter().zip(values) {
            if !value.is_null() {
                answer.insert((*field).into(), value);
            }
        }
    }
}

/// The sets kept as arrays in the stored draft: merged element by element.
const SETS: &[&[&str]] = &[&["draft", "copied"]];

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

    /// One tab changes 1.1's denominator, the other its numerator: the
    /// share is one figure, and 6 of 12 is what neither tab typed. Last
    /// year's pair is a figure of its own.
    #[test]
    fn the_two_numbers_of_a_share_merge_as_one() {
        let base = base();
        let mut mine = base.clone();
        mine.draft.answers.get_mut("1.1").unwrap().denominator = "12".to_owned();
        mine.draft.answers.get_mut("1.1").unwrap().prev_numerator = "3".to_owned();
        let mut theirs = saved_elsewhere(base.clone());
        theirs.draft.answers.get_mut("1.1").unwrap().numerator = "6".to_owned();
        assert_eq!(
            merge(&base, &mine, &theirs),
            Err(MergeConflict::SameFields(vec!["показатель 1.1".to_owned()]))
        );
        // Last year's figures beside this year's: merged.
        let mut mine = base.clone();
        mine.draft.answers.get_mut("1.1").unwrap().prev_numerator = "3".to_owned();
        mine.draft.answers.get_mut("1.1").unwrap().prev_denominator = "9".to_owned();
        let merged = merge(&base, &mine, &theirs).unwrap();
        let answer = &merged.draft.answers["1.1"];
        let figures = [
            &answer.numerator,
            &answer.prev_numerator,
            &answer.prev_denominator,
        ];
        assert_eq!(figures, ["6", "3", "9"]);
        assert_eq!(answer.denominator, base.draft.answers["1.1"].denominator);
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
