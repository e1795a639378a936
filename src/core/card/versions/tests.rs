use super::*;
use crate::school::draft::Draft;
use crate::scoring::assess;
use crate::testkit::share;

/// A department's card in two versions. Version 2 raises 1.1's threshold
/// from 30 % to 40 %, renumbers «b» from 1.2 to 2.1 in a new criterion,
/// drops «c», adds «d», and turns «e» from a fact into a count under the
/// same id (what a hand-edited file could do; the editor gives a new id).
fn card(version: u32) -> Card {
    let share = |id: &str, code: &str, threshold: u32| {
        format!(
            r#"{{"id":"{id}","code":"{code}","text":"Доля {id}","rule_text":"не менее {threshold}%",
            "points":1,"evidence":"Сайт","rule":{{"kind":"share","threshold_percent":{threshold},
            "numerator":"Участники","denominator":"Всего","zero_denominator":"zero_points"}}}}"#
        )
    };
    let fact = |id: &str, code: &str| {
        format!(
            r#"{{"id":"{id}","code":"{code}","text":"Факт {id}","rule_text":"наличие","points":1,
            "evidence":"Сайт","rule":{{"kind":"fact","question":"Есть?"}}}}"#
        )
    };
    let count = |id: &str, code: &str| {
        format!(
            r#"{{"id":"{id}","code":"{code}","text":"Факт {id}","rule_text":"не менее 2","points":1,
            "evidence":"Сайт","rule":{{"kind":"count","min":2,"label":"Число"}}}}"#
        )
    };
    let criterion = |code: &str, indicators: &[String]| {
        format!(
            r#"{{"code":"{code}","title":"Критерий {code}","max_points":{},"indicators":[{}]}}"#,
            indicators.len(),
            indicators.join(",")
        )
    };
    let criteria = if version == 1 {
        vec![criterion(
            "1",
            &[
                share("a", "1.1", 30),
                share("b", "1.2", 50),
                fact("c", "1.3"),
                fact("e", "1.4"),
            ],
        )]
    } else {
        vec![
            criterion("1", &[share("a", "1.1", 40), count("e", "1.4")]),
            criterion("2", &[share("b", "2.1", 50), fact("d", "2.2")]),
        ]
    };
    Card::from_json(&format!(
        r#"{{"id":"otdel","version":{version},"title":"Карта","source":"Приказ","max_points":4,
        "directions":[{{"title":"Направление","criteria":[{}]}}]}}"#,
        criteria.join(",")
    ))
    .unwrap()
}

#[test]
fn the_changes_between_two_versions_by_identity() {
    let lines: Vec<String> = changes(&card(1), &card(2))
        .iter()
        .map(Change::describe)
        .collect();
    assert_eq!(
        lines,
        [
            // First: a removed number may be taken by another.
            "Исключён показатель 1.3: «Факт c».",
            "Показатель 1.1: цель «не менее 30\u{A0}%» заменена на «не менее 40\u{A0}%».",
            "Показатель 1.1: изменены тексты: правило начисления.",
            "Показатель 1.4: вид «факт (да/нет)» заменён на «число» — теперь это другой показатель.",
            "Показатель 1.4: изменены тексты: правило начисления.",
            "Показатель 1.2 теперь имеет номер 2.1.",
            "Показатель 2.1 перенесён из критерия 1 в критерий 2.",
            "Добавлен показатель 2.2: «Факт d».",
        ]
    );
}

#[test]
fn renumbered_and_moved_stays_comparable_a_new_target_does_not() {
    let (old, new) = (card(1), card(2));
    let of = |code: &str| comparability(&old, &new, new.indicator(code).unwrap());
    assert_eq!(of("2.1"), Comparability::Same { reworded: false });
    assert!(of("1.1")
        .label()
        .starts_with("методика изменилась: Показатель 1.1: цель"));
    assert!(!of("1.4").is_comparable());
    assert_eq!(of("2.2"), Comparability::New);
    assert_eq!(comparable_share(&old, &new), (1, 4));
    assert_eq!(comparable_share(&new, &new), (4, 4));
    // Reworded, the same rule: compared, and said to be reworded.
    let mut reworded = new.clone();
    reworded
        .indicators_mut()
        .find(|i| i.code == "2.1")
        .unwrap()
        .text = "Факт, очно".into();
    let said = comparability(&new, &reworded, reworded.indicator("2.1").unwrap());
    assert_eq!(said, Comparability::Same { reworded: true });
    assert!(said.is_comparable() && said.values_comparable());
    assert_eq!(said.method_label(), "не менялась, изменена формулировка");
}

/// Other points for the same target: who met it is judged as before,
/// though what it is worth is not; a new target judges otherwise.
#[test]
fn other_points_keep_who_met_it_comparable() {
    let old = card(2);
    let mut new = card(2);
    new.indicators_mut()
        .find(|i| i.code == "2.1")
        .unwrap()
        .points = 2;
    let of = |code: &str| comparability(&old, &new, new.indicator(code).unwrap());
    assert!(!of("2.1").is_comparable());
    assert!(of("2.1").met_comparable());
    assert_eq!(comparable_share(&old, &new), (4, 4));
    let points = changes(&old, &new);
    assert_eq!(
        points
            .iter()
            .map(|c| c.comparison_note())
            .collect::<Vec<_>>(),
        [Some(
            "Цель прежняя: выполнение показателя и его значение по муниципалитету с прошлыми \
             годами сравниваются, баллы школ — по новой версии."
        )]
    );
    let (old, mut new) = (card(1), card(2));
    let raised = comparability(&old, &new, new.indicator("1.1").unwrap());
    assert!(!raised.met_comparable());
    // A new target and other points together: the target's note speaks
    // for the indicator; the points' line claims no comparison.
    new.indicators_mut()
        .find(|i| i.code == "1.1")
        .unwrap()
        .points = 2;
    let lines = change_lines(&old, &new);
    let of_1_1: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("Показатель 1.1:"))
        .collect();
    assert!(
        of_1_1[0].ends_with("его значение по муниципалитету — сравнивается."),
        "{lines:?}"
    );
    assert_eq!(of_1_1[1], "Показатель 1.1: баллов было 1, стало 2.");
}

#[test]
fn answers_carry_by_identity_and_the_rest_is_kept_aside() {
    let (old, new) = (card(1), card(2));
    let mut draft = Draft::default();
    draft.answers.insert("1.1".into(), share("35", "100"));
    draft.answers.insert("1.2".into(), share("6", "10"));
    for code in ["1.3", "1.4"] {
        draft.answers.entry(code.into()).or_default().fact = Some(true);
    }
    let (carried, left) = carry_answers(&old, &new, &draft.answers);
    assert_eq!(carried.keys().collect::<Vec<_>>(), ["1.1", "2.1"]);
    assert_eq!(carried["2.1"], share("6", "10"));
    let typed: Vec<String> = left.iter().map(NotCarried::typed).collect();
    assert_eq!(typed, ["да", "да"]);
    let left: Vec<(&str, &str)> = left
        .iter()
        .map(|n| (n.code.as_str(), n.reason.as_str()))
        .collect();
    assert_eq!(
        left,
        [
            ("1.3", "показатель исключён из новой версии"),
            (
                "1.4",
                "в новой версии показатель 1.4 заполняется иначе (число)"
            ),
        ]
    );

    // Last year re-scored under this year's card: 35 of 100 met 30 % but
    // not the new 40 %; 6 of 10 still meets 50 %.
    let was = assess(&old, &draft);
    let rescored = assess(
        &new,
        &Draft {
            profile: draft.profile.clone(),
            answers: carried,
            ..Draft::default()
        },
    );
    assert_eq!((was.total, was.max_applicable), (4, 4));
    assert_eq!((rescored.total, rescored.max_applicable), (1, 4));
}

#[test]
fn cards_without_ids_are_matched_by_code() {
    let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
    assert!(changes(&lk, &lk).is_empty());
    assert_eq!(comparable_share(&lk, &lk), (20, 20));
}

#[test]
fn the_changes_above_the_indicators() {
    let (old, mut new) = (card(1), card(2));
    new.title = "Карта отдела".into();
    new.max_points = 5;
    new.levels = Some(LevelRule {
        high_from_percent: 80,
        medium_from_percent: 60,
    });
    new.directions[0].criteria[0].title = "Доли".into();
    new.directions[0].title = "Сопровождение".into();
    let lines: Vec<String> = card_changes(&old, &new)
        .iter()
        .map(CardChange::describe)
        .collect();
    assert_eq!(
        lines,
        [
            "Название карты: «Карта» заменено на «Карта отдела».",
            "Максимум баллов карты: было 4, стало 5.",
            "Границы уровней: было «без уровней», стало «высокая — от 80\u{A0}%, средняя — от 60\u{A0}%».",
            "Группа показателей «Направление» теперь называется «Сопровождение».",
            "Критерий 1: название «Критерий 1» заменено на «Доли».",
            "Критерий 1: максимум баллов был 4, стал 2.",
            "Добавлен критерий 2: «Критерий 2».",
        ]
    );
    new.directions[0].criteria.pop();
    new.profile = vec![crate::card::ProfileFlag {
        key: "ovz".into(),
        label: "Есть обучающиеся с ОВЗ".into(),
    }];
    let profile: Vec<String> = card_changes(&new, &old)
        .iter()
        .filter(|c| matches!(c, CardChange::Profile { .. }))
        .map(CardChange::describe)
        .collect();
    assert_eq!(
        profile,
        [
            "Вопросы профиля школы: было «Есть обучающиеся с ОВЗ», стало «НОО (1–4 классы); ООО (5–9 классы); СОО (10–11 классы); \
          В ОО обучаются дети с ОВЗ или дети-инвалиды»."
        ]
    );
    assert!(card_changes(&old, &old).is_empty());
}

#[test]
fn an_empty_group_rule_and_texts_are_named_only_the_first_breaks_comparison() {
    let (old, mut new) = (card(1), card(1));
    new.source = "Приказ № 2".into();
    {
        let b = &mut new.directions[0].criteria[0].indicators[1];
        b.evidence = "Отчёт".into();
        if let Rule::Share {
            zero_denominator,
            numerator,
            ..
        } = &mut b.rule
        {
            *zero_denominator = crate::card::ZeroDenominator::NotApplicable;
            *numerator = "Прошедшие".into();
        }
    }
    {
        let c = &mut new.directions[0].criteria[0].indicators[2];
        if let Rule::Fact { question } = &mut c.rule {
            *question = "Есть ли план?".into();
        }
    }
    let above: Vec<String> = card_changes(&old, &new)
        .iter()
        .map(CardChange::describe)
        .collect();
    assert_eq!(
        above,
        ["Изменён источник (приказ, положение), на который ссылается карта."]
    );
    let lines: Vec<String> = changes(&old, &new).iter().map(Change::describe).collect();
    assert_eq!(
        lines,
        [
            "Показатель 1.2: если в группе никого нет — «не применимо» вместо «0 баллов».",
            "Показатель 1.2: изменены тексты: подписи полей или вопрос, источник информации.",
            "Показатель 1.3: изменены тексты: подписи полей или вопрос.",
        ]
    );
    let of = |code: &str| comparability(&old, &new, new.indicator(code).unwrap());
    assert!(!of("1.2").is_comparable());
    // Its fields' words changed: compared, and said to be reworded.
    assert_eq!(of("1.3"), Comparability::Same { reworded: true });
}

#[test]
fn a_list_column_that_scores_otherwise_is_not_a_change_of_words() {
    let old = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    fn list(card: &mut Card) -> &mut Rule {
        card.indicators_mut()
            .find(|i| i.rule.kind() == "list")
            .map(|i| &mut i.rule)
            .unwrap()
    }
    let code = old
        .indicators()
        .find(|i| i.rule.kind() == "list")
        .unwrap()
        .code
        .clone();
    let lines =
        |new: &Card| -> Vec<String> { changes(&old, new).iter().map(Change::describe).collect() };

    let mut relabelled = old.clone();
    if let Rule::List { columns, .. } = list(&mut relabelled) {
        columns[0].label = "Участников всего".into();
    }
    assert_eq!(
        lines(&relabelled),
        [format!(
            "Показатель {code}: изменены тексты: подписи полей или вопрос."
        )]
    );

    let mut rebound = old.clone();
    if let Rule::List { columns, .. } = list(&mut rebound) {
        let last = columns.len() - 1;
        columns[last].at_most = None;
        columns[0].at_most = Some(columns[last].key.clone());
    }
    assert_eq!(
        lines(&rebound),
        [format!(
            "Показатель {code}: изменились части или столбцы для ввода."
        )]
    );
    let indicator = rebound.indicator(&code).unwrap();
    assert!(!comparability(&old, &rebound, indicator).is_comparable());
}

/// The editor gives an indicator of another kind a new id; in its old
/// place and code it is said as a change of kind, which ends its
/// comparison, not as one indicator added and another removed.
#[test]
fn another_kind_under_a_new_id_is_a_change_of_kind() {
    let old = card(1);
    let mut new = old.clone();
    new.version = 2;
    let at = &mut new.directions[0].criteria[0].indicators[0];
    at.id = "новый".into();
    at.rule = Rule::Fact {
        question: "Есть?".into(),
    };
    let found = changes(&old, &new);
    assert_eq!(
        found,
        [Change::Kind {
            code: "1.1".into(),
            from: "доля".into(),
            to: "факт (да/нет)".into(),
        }]
    );
    assert!(found[0].ends_comparison());
    assert_eq!(
        found[0].comparison_note(),
        Some("С прошлыми годами не сравнивается.")
    );
    let target = Change::Target {
        code: "1.1".into(),
        from: "не менее 30 %".into(),
        to: "не менее 40 %".into(),
    };
    assert_eq!(
        target.comparison_note(),
        Some(
            "Выполнение показателя с прошлыми годами не сравнивается, его значение по \
             муниципалитету — сравнивается."
        )
    );
    // A school's answer to it is kept aside, not said to be gone.
    let mut draft = Draft::default();
    draft.answers.insert("1.1".into(), share("35", "100"));
    let (carried, left) = carry_answers(&old, &new, &draft.answers);
    assert!(carried.is_empty());
    assert_eq!(
        left[0].reason,
        "в новой версии показатель 1.1 другого вида — «факт (да/нет)»: заполните его заново"
    );
    assert!(!Change::Added {
        code: "1.1".into(),
        text: String::new()
    }
    .ends_comparison());
}

/// The order approving a version quotes what a school will read, before
/// and after; the wording alone keeps the comparison.
#[test]
fn a_new_wording_is_quoted_old_and_new() {
    let old = card(2);
    let mut new = old.clone();
    new.directions[0].criteria[1].indicators[0].text = "Доля «b» среди всех".into();
    let found = changes(&old, &new);
    assert_eq!(
        found.iter().map(Change::describe).collect::<Vec<_>>(),
        ["Показатель 2.1: формулировка «Доля b» заменена на «Доля „b“ среди всех»."]
    );
    assert!(!found[0].breaks_comparison());
}
