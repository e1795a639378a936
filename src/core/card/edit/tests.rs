use super::*;
use crate::card::validate::problems;

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("п{n}")
    }
}

#[test]
fn a_blank_card_and_every_kind_by_default_are_valid() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    assert_eq!(problems(&card), []);
    for (kind, _) in KINDS {
        add_indicator(&mut card, 0, 0, id());
        let last = card.directions[0].criteria[0].indicators.len() - 1;
        let place = Place {
            direction: 0,
            criterion: 0,
            indicator: last,
        };
        change_kind(&mut card, place, kind, id());
        assert_eq!(problems(&card), [], "{kind}");
    }
    assert_eq!(
        card.max_points,
        card.indicators().map(|i| i.points).sum::<u32>()
    );
}

#[test]
fn codes_follow_the_criterion_and_never_repeat() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    add_indicator(&mut card, 0, 0, id());
    add_criterion(&mut card, 0);
    add_indicator(&mut card, 0, 1, id());
    add_direction(&mut card);
    let codes: Vec<&str> = card.indicators().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["1.1", "1.2", "2.1"]);
    let criteria: Vec<&str> = card.criteria().map(|c| c.code.as_str()).collect();
    assert_eq!(criteria, ["1", "2", "3"]);
    remove(&mut card, 0, Some(0), Some(0));
    add_indicator(&mut card, 0, 0, id());
    let codes: Vec<&str> = card.indicators().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        ["1.2", "1.1", "2.1"],
        "the freed code is reused at the end"
    );
}

#[test]
fn reordering_and_moving_keep_identity_and_maxima() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    add_indicator(&mut card, 0, 0, id());
    add_criterion(&mut card, 0);
    shift(&mut card, 0, Some(0), Some(1), true);
    let order: Vec<&str> = card.indicators().map(|i| i.id.as_str()).collect();
    assert_eq!(order, ["п2", "п1"]);
    shift(&mut card, 0, Some(0), Some(0), true); // already first: nothing
    let from = Place {
        direction: 0,
        criterion: 0,
        indicator: 0,
    };
    let to = move_to(&mut card, from, "2");
    assert_eq!(
        to,
        Some(Place {
            criterion: 1,
            ..from
        })
    );
    assert_eq!(card.directions[0].criteria[1].indicators[0].id, "п2");
    // No such criterion: nothing moves.
    assert_eq!(move_to(&mut card, from, "9"), None);
    assert_eq!(
        (
            card.directions[0].criteria[0].max_points,
            card.directions[0].criteria[1].max_points
        ),
        (1, 1)
    );
}

#[test]
fn another_kind_is_another_indicator() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    let place = Place {
        direction: 0,
        criterion: 0,
        indicator: 0,
    };
    assert!(
        !change_kind(&mut card, place, "share", id()),
        "same kind: no change"
    );
    card.directions[0].criteria[0].indicators[0].points = 2;
    assert!(change_kind(&mut card, place, "fact", "факт".into()));
    let indicator = &card.directions[0].criteria[0].indicators[0];
    assert_eq!(
        (indicator.id.as_str(), indicator.points),
        ("факт", 2),
        "the points stay where the new kind has a target"
    );
    assert!(change_kind(&mut card, place, "percent", "новый".into()));
    let indicator = &card.directions[0].criteria[0].indicators[0];
    assert_eq!((indicator.id.as_str(), indicator.points), ("новый", 0));
    assert_eq!(card.max_points, 0);
}

#[test]
fn steps_of_points_read_line_by_line_and_a_line_that_does_not_read_is_named() {
    let band = |from_percent, points| Band {
        from_percent,
        points,
    };
    assert_eq!(
        read_bands("от 30 % — 1\n\n  от 50 % - 2 балла  \n70%—3"),
        Ok(vec![band(30, 1), band(50, 2), band(70, 3)])
    );
    assert_eq!(read_bands(""), Ok(vec![]));
    for (text, line) in [
        ("abc", 1),
        ("от 30 % — 1\nот 1,5 % — 2", 2),
        ("от -5 % — 1", 1),
        ("от 30 %", 1),
        ("от 30 % — 1 — 2", 1),
        ("от 99999999999 % — 1", 1),
    ] {
        assert_eq!(read_bands(text), Err(BandLineError { line }), "{text}");
    }
    assert_eq!(
        BandLineError { line: 2 }.to_string(),
        "Строка 2 не читается: нужны процент и баллы, например «от 30 % — 1»."
    );
}

#[test]
fn the_written_rule_text_follows_the_rule_a_hand_written_one_is_flagged() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    let first = |c: &Card| c.directions[0].criteria[0].indicators[0].clone();
    assert_eq!(first(&card).rule_text, "не менее 50\u{A0}% — 1 балл");

    // Threshold 30 and two points: the text follows.
    let before = card.clone();
    {
        let i = &mut card.directions[0].criteria[0].indicators[0];
        i.points = 2;
        if let Rule::Share {
            threshold_percent, ..
        } = &mut i.rule
        {
            *threshold_percent = Some(30);
        }
    }
    follow_rule_texts(&before, &mut card);
    assert_eq!(first(&card).rule_text, "не менее 30\u{A0}% — 2 балла");
    assert_eq!(stale_rule_texts(&before, &card), Vec::<String>::new());

    // In bands, each band names its points, and the top is not said twice.
    let mut banded = first(&card);
    crate::testkit::in_bands(&mut banded);
    assert_eq!(
        suggested_rule_text(&banded),
        "ступени: от 30\u{A0}% — 1 балл, от 60\u{A0}% — 2 балла"
    );

    // Another kind: the new kind's text, with the points kept.
    let place = Place {
        direction: 0,
        criterion: 0,
        indicator: 0,
    };
    change_kind(&mut card, place, "fact", id());
    assert_eq!(first(&card).rule_text, "наличие — 2 балла");

    // The department's own words stay, and are named for checking.
    card.directions[0].criteria[0].indicators[0].rule_text = "наличие плана — 2 балла".into();
    let before = card.clone();
    card.directions[0].criteria[0].indicators[0].points = 3;
    let code = first(&card).code;
    let mut written_for = WrittenFor::default();
    written_for.note(None, &before);
    follow_rule_texts(&before, &mut card);
    written_for.note(Some(&before), &card);
    assert_eq!(first(&card).rule_text, "наличие плана — 2 балла");
    assert_eq!(
        written_for.rule_texts_to_check(&card),
        std::slice::from_ref(&code)
    );
    // Closed and opened again with the record the draft keeps: still named.
    let mut opened = written_for.clone();
    opened.note(None, &card);
    assert_eq!(
        opened.rule_texts_to_check(&card),
        std::slice::from_ref(&code)
    );
    // Against the version before, it stays named until the text changes.
    let earlier = before.clone();
    assert_eq!(stale_rule_texts(&earlier, &card), [code]);
    assert_eq!(stale_rule_texts(&card, &card), Vec::<String>::new());
    // The points put back, nothing is left to check.
    let mut put_back = card.clone();
    put_back.directions[0].criteria[0].indicators[0].points = 2;
    follow_rule_texts(&card, &mut put_back);
    let mut put_back_for = written_for.clone();
    put_back_for.note(Some(&card), &put_back);
    assert_eq!(first(&put_back).rule_text, "наличие плана — 2 балла");
    assert_eq!(
        put_back_for.rule_texts_to_check(&put_back),
        Vec::<String>::new()
    );
    assert_eq!(stale_rule_texts(&earlier, &put_back), Vec::<String>::new());
    // Typing the text itself is not a change of the rule: written for 3 points.
    let before = card.clone();
    card.directions[0].criteria[0].indicators[0].rule_text = "наличие — 3 балла".into();
    follow_rule_texts(&before, &mut card);
    written_for.note(Some(&before), &card);
    assert_eq!(first(&card).rule_text, "наличие — 3 балла");
    assert_eq!(written_for.rule_texts_to_check(&card), Vec::<String>::new());
    assert_eq!(stale_rule_texts(&earlier, &card), Vec::<String>::new());
}

/// A list's target reads as its box's label says, by key or by heading;
/// what does not read is refused, not emptied.
#[test]
fn a_list_target_reads_as_its_label_says() {
    let columns = [ListColumn {
        key: "participants".into(),
        label: "Участники".into(),
        at_most: None,
    }];
    let min = |column: &str, value| {
        Ok(Some(ListMin {
            column: column.into(),
            value,
        }))
    };
    assert_eq!(
        read_list_min("participants: не менее 10", &columns),
        min("participants", 10)
    );
    assert_eq!(
        read_list_min("participants:10", &columns),
        min("participants", 10)
    );
    assert_eq!(
        read_list_min("участники: не менее 7", &columns),
        min("participants", 7)
    );
    assert_eq!(read_list_min("  ", &columns), Ok(None));
    assert_eq!(
        read_list_min("participants не менее 10", &columns),
        Err(ListMinError)
    );
    assert_eq!(
        read_list_min("participants: десять", &columns),
        Err(ListMinError)
    );
}

/// Advice that names the old threshold is asked about; advice that names
/// none, or was rewritten, is not.
#[test]
fn a_recommendation_naming_the_old_threshold_is_stale() {
    let earlier = crate::testkit::card();
    let mut card = earlier.clone();
    let share = |card: &mut Card, code: &str| {
        let indicator = card.indicators_mut().find(|i| i.code == code).unwrap();
        let Rule::Share {
            threshold_percent, ..
        } = &mut indicator.rule
        else {
            panic!("{code} is a share");
        };
        *threshold_percent = Some(60);
        indicator.recommendation.clone()
    };
    let advice = share(&mut card, "1.2");
    assert!(advice.contains("50%"), "{advice}");
    assert_eq!(stale_recommendations(&earlier, &card), ["1.2"]);
    assert_eq!(stale_recommendations(&card, &card), Vec::<String>::new());

    // Rewritten, it is the department's check done.
    let advise = |card: &mut Card, text: &str| {
        let indicator = card.indicators_mut().find(|i| i.code == "1.2").unwrap();
        indicator.recommendation = text.into();
    };
    advise(&mut card, &advice.replace("50%", "60 %"));
    assert_eq!(stale_recommendations(&earlier, &card), Vec::<String>::new());

    // Advice without the old figure is not asked about.
    let mut earlier = earlier;
    advise(&mut earlier, "Проводить профессиональные пробы.");
    advise(&mut card, "Проводить профессиональные пробы.");
    assert_eq!(stale_recommendations(&earlier, &card), Vec::<String>::new());
}

/// A card started from another has no version before: its recommendations
/// are checked against the rule they were written for, as its rule texts
/// are (a walk-through published «не менее 30%» beside a threshold of 40).
#[test]
fn a_recommendation_of_a_card_started_from_another_is_checked_against_its_rule() {
    let base = crate::testkit::card();
    let mut written_for = WrittenFor::default();
    written_for.note(None, &base);
    let set = |card: &mut Card, threshold: u32| {
        let indicator = card.indicators_mut().find(|i| i.code == "1.2").unwrap();
        let Rule::Share {
            threshold_percent, ..
        } = &mut indicator.rule
        else {
            panic!("1.2 is a share");
        };
        *threshold_percent = Some(threshold);
    };
    let mut card = base.clone();
    set(&mut card, 60);
    written_for.note(Some(&base), &card);
    assert_eq!(written_for.recommendations_to_check(&card), ["1.2"]);
    // Kept with the draft: opened again, still asked about.
    let mut opened = written_for.clone();
    opened.note(None, &card);
    assert_eq!(opened.recommendations_to_check(&card), ["1.2"]);
    // The rule text rewritten does not settle the advice.
    let before = card.clone();
    card.indicators_mut()
        .find(|i| i.code == "1.2")
        .unwrap()
        .rule_text = "не менее 60 %".into();
    written_for.note(Some(&before), &card);
    assert_eq!(written_for.recommendations_to_check(&card), ["1.2"]);
    // The advice rewritten does.
    let before = card.clone();
    let indicator = card.indicators_mut().find(|i| i.code == "1.2").unwrap();
    indicator.recommendation = indicator.recommendation.replace("50%", "60 %");
    written_for.note(Some(&before), &card);
    assert_eq!(
        written_for.recommendations_to_check(&card),
        Vec::<String>::new()
    );
    // As does the threshold put back, with the advice untouched.
    let mut put_back = base.clone();
    let mut fresh = WrittenFor::default();
    fresh.note(None, &base);
    set(&mut put_back, 60);
    fresh.note(Some(&base), &put_back);
    let before = put_back.clone();
    set(&mut put_back, 50);
    fresh.note(Some(&before), &put_back);
    assert_eq!(
        fresh.recommendations_to_check(&put_back),
        Vec::<String>::new()
    );
    // Points changed alone name nothing: «1» of «— 1 балл» is not the
    // advice's «1–4 классов» (a review).
    let mut points = base.clone();
    let first = points.indicators_mut().find(|i| i.code == "1.1").unwrap();
    assert!(
        first.recommendation.contains("1–4"),
        "{}",
        first.recommendation
    );
    first.points = 2;
    let mut record = WrittenFor::default();
    record.note(None, &base);
    record.note(Some(&base), &points);
    assert_eq!(
        record.recommendations_to_check(&points),
        Vec::<String>::new()
    );
    assert_eq!(stale_recommendations(&base, &points), Vec::<String>::new());
}

/// Drafts stored before the recommendations were noted still read, and a
/// stored record is written back under the same names.
#[test]
fn the_written_for_record_keeps_its_stored_names() {
    let mut written_for = WrittenFor::default();
    written_for.note(None, &crate::testkit::card());
    let json = serde_json::to_value(&written_for).unwrap();
    assert!(json.get("written_for").is_some() && json.get("recommendations_written_for").is_some());
    let old: WrittenFor =
        serde_json::from_value(serde_json::json!({ "written_for": { "a": "b" } })).unwrap();
    assert_eq!(old.rule_texts.len(), 1);
    assert!(old.recommendations.is_empty());
}

#[test]
fn a_removal_says_what_went_with_it() {
    let mut id = ids();
    let mut card = blank("otdel", id());
    add_indicator(&mut card, 0, 0, id());
    add_criterion(&mut card, 0);
    add_indicator(&mut card, 0, 1, id());
    add_indicator(&mut card, 0, 1, id());
    add_direction(&mut card);
    let said = |r: Option<Removed>| r.map(|r| r.to_string());
    assert_eq!(
        said(remove(&mut card, 0, Some(0), Some(1))),
        Some(
            "Показатель 1.2 удалён. Чтобы восстановить, нажмите «Отменить» вверху или Ctrl+Z."
                .into()
        )
    );
    assert_eq!(
        said(remove(&mut card, 0, Some(1), None)),
        Some(
            "Критерий 2 удалён вместе с показателями 2.1, 2.2. Чтобы восстановить, нажмите «Отменить» вверху или Ctrl+Z."
                .into()
        )
    );
    card.directions[0].title = "Работа с «родителями»".into();
    assert_eq!(
        said(remove(&mut card, 0, None, None)),
        Some(
            "Направление «Работа с „родителями“» удалено вместе с показателем 1.1. \
             Чтобы восстановить, нажмите «Отменить» вверху или Ctrl+Z."
                .into()
        )
    );
    assert_eq!(said(remove(&mut card, 5, None, None)), None);
    assert_eq!(said(remove(&mut card, 0, Some(0), Some(9))), None);
}
