//! A draft's own checks against a seed card.

use crate::card::builtin;
use crate::school::draft::{ListRow, RawAnswer};
use crate::testkit::draft;

/// Невинномысск's 1.3 counts children with ОВЗ among an event's
/// participants (column `ovz`); the profile says whether the school has any.
#[test]
fn children_with_ovz_typed_against_a_profile_without_them_are_named() {
    let card = builtin("nevinnomyssk").unwrap().unwrap();
    let row = |values: [&str; 3]| ListRow {
        name: "Ярмарка профессий".into(),
        values: values.map(str::to_owned).to_vec(),
    };
    let mut d = draft("СОШ № 1", "2025/2026", &[]);
    d.answers.insert(
        "1.3".into(),
        RawAnswer {
            rows: vec![row(["40", "0", "2"]), row(["25", "3", "0"])],
            ..RawAnswer::default()
        },
    );
    d.profile.ovz = true;
    assert!(d.contradicting_profile(&card).is_empty());
    d.profile.ovz = false;
    let found = d.contradicting_profile(&card);
    let found: Vec<(&str, &str)> = (found.iter())
        .map(|(code, flag)| (code.as_str(), flag.key.as_str()))
        .collect();
    assert_eq!(found, [("1.3", "ovz")]);
    // None typed: nothing contradicts «нет».
    d.answers.get_mut("1.3").unwrap().rows[1].values[1] = "0".into();
    assert!(d.contradicting_profile(&card).is_empty());
}

/// Невинномысск's 1.3 is measured by its first column, the children an
/// event took in: an event typed with 0 of them is asked about; 0 in
/// another column, or a row not named yet, is not.
#[test]
fn an_event_with_nobody_in_it_is_named() {
    let card = builtin("nevinnomyssk").unwrap().unwrap();
    let row = |name: &str, values: [&str; 3]| ListRow {
        name: name.into(),
        values: values.map(str::to_owned).to_vec(),
    };
    let mut d = draft("СОШ № 1", "2025/2026", &[]);
    d.answers.insert(
        "1.3".into(),
        RawAnswer {
            rows: vec![
                row("Ярмарка профессий", ["40", "0", "0"]),
                row(" Встреча с выпускниками ", [" 0 ", "0", "0"]),
                row("", ["0", "", ""]),
                row("Экскурсия", ["", "", ""]),
            ],
            ..RawAnswer::default()
        },
    );
    let found = d.rows_of_none(&card);
    assert_eq!(
        found,
        [super::RowOfNone {
            code: "1.3".into(),
            row: 1,
            column: 0,
            name: "Встреча с выпускниками".into(),
        }]
    );
    d.answers.get_mut("1.3").unwrap().rows[1].values[0] = "12".into();
    assert!(d.rows_of_none(&card).is_empty());
}

/// A list whose target sums another column (winners, say) is still about
/// its first: a contest of 12 participants and no winner is a contest.
#[test]
fn a_contest_without_winners_is_not_a_row_of_nobody() {
    let mut card = builtin("leninsk-kuznetsky").unwrap().unwrap();
    let list = card.indicators_mut().find(|i| i.code == "7.1").unwrap();
    if let crate::card::Rule::List { min, .. } = &mut list.rule {
        *min = Some(crate::card::ListMin {
            column: "winners".into(),
            value: 3,
        });
    }
    let mut d = draft("СОШ № 1", "2025/2026", &[]);
    let row = |participants: &str| ListRow {
        name: "Олимпиада по технологии".into(),
        values: vec![participants.into(), "0".into()],
    };
    d.answers.insert(
        "7.1".into(),
        RawAnswer {
            rows: vec![row("12")],
            ..RawAnswer::default()
        },
    );
    assert!(d.rows_of_none(&card).is_empty());
    d.answers.get_mut("7.1").unwrap().rows = vec![row("0")];
    assert_eq!(d.rows_of_none(&card)[0].column, 0);
}

/// The 23-point card counts «Всего обучающихся 8–9 классов» in 1.2 and
/// 1.4: typed 100 and 120, one of them is wrong.
#[test]
fn one_group_typed_with_two_numbers_is_named() {
    let card = builtin(crate::card::DEFAULT_CARD).unwrap().unwrap();
    let share = |n: &str, d: &str| RawAnswer {
        numerator: n.into(),
        denominator: d.into(),
        ..RawAnswer::default()
    };
    let mut d = draft("СОШ № 1", "2025/2026", &[]);
    d.answers.insert("1.2".into(), share("40", "100"));
    d.answers.insert("1.4".into(), share("30", " 100 "));
    // 1.3's group is another one.
    d.answers.insert("1.3".into(), share("10", "50"));
    assert!(d.differing_totals(&card).is_empty());
    d.answers.insert("1.4".into(), share("30", "1 200"));
    let found = d.differing_totals(&card);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label, "Всего обучающихся 8–9 классов");
    assert_eq!(found[0].numbers(), "1.2 — 100, 1.4 — 1\u{202F}200");
    // A number that does not read, or none, is no second number.
    d.answers.insert("1.4".into(), share("30", "сто"));
    assert!(d.differing_totals(&card).is_empty());
    d.answers.insert("1.4".into(), share("30", ""));
    assert!(d.differing_totals(&card).is_empty());
    // Nor is an indicator the profile rules out (no 8–9 classes: ООО).
    d.answers.insert("1.4".into(), share("30", "120"));
    assert_eq!(d.differing_totals(&card).len(), 1);
    d.profile.levels.retain(|l| l.key() != "ooo");
    assert!(d.differing_totals(&card).is_empty());
}

/// A box's id names its field: every field read back from its key, and
/// nothing else read as one.
#[test]
fn a_field_is_read_back_from_its_key() {
    use crate::school::draft::AnswerField;
    let fields = [
        AnswerField::Numerator,
        AnswerField::Denominator,
        AnswerField::PrevNumerator,
        AnswerField::PrevDenominator,
        AnswerField::Part(2),
        AnswerField::Count,
        AnswerField::Percent,
        AnswerField::RowName(11),
        AnswerField::Cell { row: 3, column: 1 },
        AnswerField::Evidence,
        AnswerField::Comment,
    ];
    for field in fields {
        assert_eq!(AnswerField::from_key(&field.key()), Some(field));
    }
    for other in [
        "",
        "part-",
        "cell-1",
        "cell-a-1",
        "row-x",
        "yes",
        "denominator-1",
    ] {
        assert_eq!(AnswerField::from_key(other), None, "{other}");
    }
}
