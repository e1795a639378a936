//! Two tabs on one draft, each changed since the version both read: a
//! deputy fills in one direction in one tab and another in a second. Where
//! the tabs changed different things, both changes are kept; only where the
//! same field was changed both ways must the user choose one version (and
//! the other is offered for download), as before this merge.
//!
//! The merge is three-way over the stored JSON ([`three_way`]).

use std::collections::BTreeSet;

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
        serde_json::to_value(s).expect("a draft serialises")
    };
    let merged = three_way::merge(&as_theirs(base), &as_theirs(mine), &as_theirs(theirs), SETS)
        .map_err(|both| {
            let parts: BTreeSet<String> = both.iter().map(|p| part_name(p)).collect();
            MergeConflict::SameFields(parts.into_iter().collect())
        })?;
    // Read as a stored draft is read: one reader of drafts in the bundle.
    decode_value(merged).map_err(|_| MergeConflict::Unreadable)
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
