//! The card model and its validation: the built-in cards as the seeds give
//! them, and a named refusal for every kind of mistake in a card.

use super::*;

fn builtin() -> Card {
    Card::builtin().expect("the built-in card is valid")
}

/// Edits the built-in card's JSON and returns the validation verdict.
fn verdict_after(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Card, TemplateError> {
    let mut value: serde_json::Value = serde_json::from_str(BUILTIN_CARD_JSON).unwrap();
    edit(&mut value);
    Card::from_json(&value.to_string())
}

#[test]
fn builtin_card_has_the_seed_structure() {
    let card = builtin();
    assert_eq!(card.max_points, 23);
    assert_eq!(card.directions.len(), 3);
    let per_criterion: Vec<_> = card.criteria().map(|c| c.indicators.len()).collect();
    assert_eq!(per_criterion, [8, 2, 3, 4, 3, 2, 1]);
    assert!(card.indicators().all(|i| i.points == 1));
    assert_eq!(card.indicators().count(), 23);
}

#[test]
fn builtin_bands_are_the_seeds_19_and_14() {
    let card = builtin();
    assert_eq!(card.levels.unwrap().thresholds(23), (19, 14));
    let level = |t| card.level(t, 23);
    assert_eq!(level(23), Some(Level::High));
    assert_eq!(level(19), Some(Level::High));
    assert_eq!(level(18), Some(Level::Medium));
    assert_eq!(level(14), Some(Level::Medium));
    assert_eq!(level(13), Some(Level::Low));
    assert_eq!(level(0), Some(Level::Low));
    assert_eq!(card.level(0, 0), None);
}

#[test]
fn bands_use_the_applicable_maximum() {
    let rule = builtin().levels.unwrap();
    // 20 applicable points: 80% is exactly 16, 60% exactly 12.
    assert_eq!(rule.level(16, 20), Some(Level::High));
    assert_eq!(rule.level(15, 20), Some(Level::Medium));
    assert_eq!(rule.level(12, 20), Some(Level::Medium));
    assert_eq!(rule.level(11, 20), Some(Level::Low));
}

#[test]
fn rejects_text_that_is_not_a_card() {
    assert!(matches!(
        Card::from_json("{"),
        Err(TemplateError::Format { .. })
    ));
    assert!(matches!(
        Card::from_json("{\"id\": 5}"),
        Err(TemplateError::Format { .. })
    ));
}

#[test]
fn rejects_duplicate_codes() {
    let err = verdict_after(|v| {
        v["directions"][0]["criteria"][0]["indicators"][1]["code"] = "1.1".into();
    });
    assert_eq!(
        err,
        Err(TemplateError::DuplicateCode { code: "1.1".into() })
    );
}

#[test]
fn rejects_a_criterion_maximum_that_is_not_the_sum() {
    let err = verdict_after(|v| v["directions"][0]["criteria"][0]["max_points"] = 9.into());
    assert_eq!(
        err,
        Err(TemplateError::CriterionMax {
            criterion: "1".into(),
            declared: 9,
            sum: 8
        })
    );
}

#[test]
fn rejects_a_card_maximum_that_is_not_the_sum() {
    let err = verdict_after(|v| v["max_points"] = 24.into());
    assert_eq!(
        err,
        Err(TemplateError::CardMax {
            declared: 24,
            sum: 23
        })
    );
}

#[test]
fn rejects_thresholds_above_100() {
    let err = verdict_after(|v| {
        v["directions"][0]["criteria"][0]["indicators"][0]["rule"]["threshold_percent"] =
            101.into();
    });
    assert_eq!(
        err,
        Err(TemplateError::Threshold {
            indicator: "1.1".into(),
            threshold: 101
        })
    );
}

#[test]
fn rejects_empty_texts() {
    let err = verdict_after(|v| {
        v["directions"][1]["criteria"][0]["indicators"][0]["text"] = "  ".into();
    });
    assert_eq!(
        err.unwrap_err().to_string(),
        "Показатель 3.1: не заполнено: формулировка."
    );
}

#[test]
fn rejects_inverted_level_bands() {
    let err = verdict_after(|v| v["levels"]["medium_from_percent"] = 90.into());
    assert_eq!(
        err,
        Err(TemplateError::LevelBands {
            high: 80,
            medium: 90
        })
    );
}

#[test]
fn rejects_a_card_without_indicators() {
    let err = verdict_after(|v| {
        v["directions"] = serde_json::json!([]);
        v["max_points"] = 0.into();
        v.as_object_mut().unwrap().remove("levels");
    });
    assert_eq!(err, Err(TemplateError::NoIndicators));
}

/// The first problem of a card made from the built-in one by `edit`, as text.
fn problem_after(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    verdict_after(edit).unwrap_err().to_string()
}

fn first_indicator(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["directions"][0]["criteria"][0]["indicators"][0]
}

#[test]
fn every_built_in_card_validates_and_has_its_seed_shape() {
    let cards = builtins().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
    let ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "proforientatsiya-23",
            "leninsk-kuznetsky",
            "nevinnomyssk",
            "izhevsk",
            "belinsky"
        ]
    );
    let by_id = |id: &str| cards.iter().find(|c| c.id == id).unwrap();
    // Seed 002: a target met is a point; growth everywhere Table 1 asks it.
    let lk = by_id("leninsk-kuznetsky");
    assert!(lk.levels.is_none() && lk.has_points());
    assert!(lk.profile_flags().iter().any(|f| f.key == "doo"));
    let kinds =
        |card: &Card, kind: &str| card.indicators().filter(|i| i.rule.kind() == kind).count();
    assert_eq!(kinds(lk, "breakdown"), 1);
    assert_eq!(kinds(lk, "count"), 1);
    assert!(lk
        .indicators()
        .filter(|i| i.points > 0)
        .all(|i| i.points == 1));
    assert!(lk.indicators().filter(|i| i.rule.asks_last_year()).count() >= 10);
    let breakdown = lk
        .indicators()
        .find(|i| i.rule.kind() == "breakdown")
        .unwrap();
    assert!(
        !breakdown.explain.denominator_source.is_empty(),
        "the chosen denominator is named"
    );
    // Seed 004: data without points.
    let nv = by_id("nevinnomyssk");
    assert!(!nv.has_points() && nv.levels.is_none());
    assert_eq!(kinds(nv, "list"), 1);
    assert_eq!(kinds(nv, "percent"), 2);
    // Seed 001: eleven goals, one indicator with its formula.
    let iz = by_id("izhevsk");
    assert_eq!(iz.criteria().count(), 11);
    let p11 = iz.indicator("П-1.1").unwrap();
    assert!(p11.explain.formula.contains("K_pt") && !p11.explain.notes.is_empty());
    assert!(!iz.note.is_empty());
    // Seed 000: a skeleton only.
    let bl = by_id("belinsky");
    assert!(bl.template && bl.indicators().next().is_none());
    assert_eq!(bl.criteria().count(), 6);
    assert!(crate::card::builtin("нет-такой").is_none());
}

#[test]
fn new_parts_of_the_format_are_checked_with_russian_messages() {
    assert_eq!(
        problem_after(|v| first_indicator(v)["points"] = 0.into()),
        "Показатель 1.1: задана цель, но не указано, сколько баллов она даёт."
    );
    assert!(problem_after(|v| {
        first_indicator(v)["rule"]
            .as_object_mut()
            .unwrap()
            .remove("threshold_percent");
    })
    .starts_with("Показатель 1.1: указано баллов: 1, но нет ни порога, ни динамики, ни шкалы"));
    assert_eq!(
        problem_after(|v| first_indicator(v)["applies"]["flags"] = serde_json::json!(["doo"])),
        "Показатель 1.1: условие применимости «doo» не входит в вопросы профиля карты."
    );
    assert_eq!(
        problem_after(|v| {
            first_indicator(v)["rule"]["bands"] =
                serde_json::json!([{"from_percent": 30, "points": 1}]);
        }),
        "Показатель 1.1: заданы и порог, и шкала баллов: оставьте одно."
    );
    // Two steps of 1 and 2 points, from `low` and `high` percent.
    let two_steps = |low: u32, high: u32| {
        problem_after(|v| {
            let rule = &mut first_indicator(v)["rule"];
            rule.as_object_mut().unwrap().remove("threshold_percent");
            rule["bands"] = serde_json::json!([
                {"from_percent": low, "points": 1}, {"from_percent": high, "points": 2}
            ]);
            first_indicator(v)["points"] = 2.into();
        })
    };
    assert_eq!(
        two_steps(60, 30),
        "Показатель 1.1: ступени шкалы должны идти по возрастанию доли (0–100 %) и баллов."
    );
    assert_eq!(
        two_steps(60, 130),
        "Показатель 1.1: ступень «от 130 %» выше 100 %: такой доли не бывает, ступень не наступит."
    );
    assert_eq!(
        problem_after(|v| {
            first_indicator(v)["rule"] = serde_json::json!({
                "kind": "breakdown", "numerator": "n", "denominator": "d",
                "parts": ["а", "а"], "zero_denominator": "zero_points", "threshold_percent": 10
            });
        }),
        "Показатель 1.1: часть «а» названа дважды."
    );
    assert_eq!(
        problem_after(|v| {
            first_indicator(v)["rule"] = serde_json::json!({
                "kind": "list", "item": "Мероприятие",
                "columns": [{"key": "a", "label": "Участники", "at_most": "b"}],
                "min": {"column": "a", "value": 1}
            });
        }),
        "Показатель 1.1: столбец «b» не найден в списке."
    );
    assert_eq!(
        problem_after(|v| {
            first_indicator(v)["rule"] = serde_json::json!({"kind": "percent", "label": "Удовлетворённость", "min_tenths": 1001});
        }),
        "Показатель 1.1: минимум 100,1 % больше 100 %."
    );
    assert_eq!(
        problem_after(|v| {
            v["profile"] = serde_json::json!([
                {"key": "ovz", "label": "ОВЗ"}, {"key": "ovz", "label": "ОВЗ ещё раз"}
            ]);
        }),
        "Ключ «ovz» вопроса профиля уже занят вопросом «ОВЗ»: у каждого вопроса свой ключ."
    );
}

#[test]
fn errors_read_in_russian() {
    let text = TemplateError::CriterionMax {
        criterion: "4".into(),
        declared: 5,
        sum: 4,
    }
    .to_string();
    assert_eq!(
        text,
        "Критерий 4: заявленный максимум 5, а сумма баллов его показателей 4."
    );
}

#[test]
fn a_criterion_without_a_code_is_still_named() {
    let mut card = builtin();
    let criterion = &mut card.directions[0].criteria[0];
    criterion.code = " ".into();
    criterion.title.clear();
    let texts: Vec<String> = validate::problems(&card)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        texts,
        [
            "В описании карты не заполнен текст: код критерия.",
            "В описании карты не заполнен текст: название критерия (без кода).",
        ]
    );
    // An indicator without a code is named by its place and wording.
    let mut card = builtin();
    card.directions[0].criteria[0].indicators[5].code.clear();
    let first = validate::problems(&card)[0].to_string();
    assert!(
        first.starts_with(
            "В описании карты не заполнен текст: код 6-го показателя критерия 1 («Наличие \
             участников проекта"
        ),
        "{first}"
    );
    // Without a wording either, by its place alone.
    card.directions[0].criteria[0].indicators[5].text.clear();
    let first = validate::problems(&card)[0].to_string();
    assert_eq!(
        first,
        "В описании карты не заполнен текст: код 6-го показателя критерия 1."
    );
}

/// The editor's starting texts leave gaps («от … № …», «Есть ли …?») that
/// the card may hold while it is edited but not when it is published.
#[test]
fn publishing_asks_for_the_gaps() {
    let mut card = written_blank();
    assert_eq!(validate::problems(&card), []);
    let gaps = |card: &Card| -> Vec<String> {
        validate::publish_problems(card)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(gaps(&card), ["Источник карты — впишите текст вместо «…»."]);
    card.source = "Приказ управления образования от 01.09.2027 № 412".into();
    indicator_mut(&mut card).rule = edit::default_rule("fact");
    assert_eq!(
        gaps(&card),
        ["Показатель 1.1: вопрос — впишите текст вместо «…»."]
    );
    indicator_mut(&mut card).rule = Rule::Fact {
        question: "Есть ли план профориентационной работы?".into(),
    };
    // An ellipsis inside a quoted title is not a gap; «...» alone is.
    indicator_mut(&mut card).text = "Форма «Участие обучающихся… в конкурсах»".into();
    assert_eq!(gaps(&card), [] as [String; 0]);
    // A list closed by «…» after a comma is not a gap; «(…).» is.
    indicator_mut(&mut card).evidence = "Сайт ОО, положения, …".into();
    assert_eq!(gaps(&card), [] as [String; 0]);
    indicator_mut(&mut card).evidence = "Сайт ОО, раздел «...».".into();
    assert_eq!(
        gaps(&card),
        ["Показатель 1.1: источник информации — впишите текст вместо «…»."]
    );
    // A rule's label with a gap is named by its own name: the editor says
    // it under that field.
    indicator_mut(&mut card).evidence = "Сайт ОО".into();
    indicator_mut(&mut card).rule = edit::default_rule("share");
    if let Rule::Share {
        numerator,
        denominator,
        ..
    } = &mut indicator_mut(&mut card).rule
    {
        *numerator = "Прошли диагностику".into();
        *denominator = "Всего обучающихся … классов".into();
    }
    assert_eq!(
        gaps(&card),
        ["Показатель 1.1: подпись знаменателя — впишите текст вместо «…»."]
    );
    // Said under that field in the editor, and under no other.
    let problems = validate::publish_problems(&card);
    let under = |what| {
        problems
            .iter()
            .find_map(|p| p.field_message("1.1", Some(what)))
    };
    assert_eq!(
        under("подпись знаменателя"),
        Some("Впишите текст вместо «…».")
    );
    assert_eq!(under("подпись числителя"), None);
    // Every built-in card that is not a skeleton can be published again.
    for card in builtins().unwrap().iter().filter(|c| !c.template) {
        assert_eq!(validate::publish_problems(card), [], "{}", card.id);
    }
}

fn indicator_mut(card: &mut Card) -> &mut Indicator {
    &mut card.directions[0].criteria[0].indicators[0]
}

#[test]
fn a_title_shared_by_two_cards_is_told_apart_by_identifier() {
    let built_in = crate::card::builtin::builtin("izhevsk").unwrap().unwrap();
    let mut own = built_in.clone();
    own.id = "izhevsk-uo".into();
    let other = crate::card::builtin::builtin(DEFAULT_CARD)
        .unwrap()
        .unwrap();
    let listed = [built_in.clone(), own.clone(), other.clone()];
    assert_eq!(
        own.title_among(&listed),
        format!("{} (izhevsk-uo)", own.title)
    );
    assert_eq!(
        built_in.title_among(&listed),
        format!("{} (izhevsk)", built_in.title)
    );
    assert_eq!(other.title_among(&listed), other.title);
    assert_eq!(own.title_among([&own]), own.title, "alone, its title");
}

/// Izhevsk's П-1.1 is informational, and its rule's text says so. Given a
/// threshold and a point, the text would tell schools the opposite; so
/// would «1 балл» of an indicator that gives none. Asked before
/// publishing; texts that only mention points or information are not.
#[test]
fn a_rule_text_that_contradicts_the_points_is_doubted() {
    let mut card = crate::card::builtin::builtin("izhevsk").unwrap().unwrap();
    let first = indicator_mut(&mut card);
    assert!(
        first.rule_text.contains("показатель информационный"),
        "{}",
        first.rule_text
    );
    first.points = 1;
    if let Rule::Share {
        threshold_percent, ..
    } = &mut first.rule
    {
        *threshold_percent = Some(50);
    }
    card.recount();
    assert_eq!(validate::rule_text_doubts(&card), ["П-1.1"]);
    assert_eq!(
        validate::publish_problems(&card),
        [],
        "a question, not a block"
    );
    let mut says = |text: &str, points: u32| {
        let first = indicator_mut(&mut card);
        first.rule_text = text.into();
        first.points = points;
        !validate::rule_text_doubts(&card).is_empty()
    };
    assert!(!says("не менее 50\u{A0}% — 1\u{A0}балл", 1));
    assert!(!says(
        "факт наличия (1 балл); при отсутствии — без баллов",
        1
    ));
    assert!(!says("наличие информационного стенда по профориентации", 1));
    assert!(says("показатель информационный, баллов не даёт", 1));
    assert!(says("не менее 50\u{A0}% — 1\u{A0}балл", 0));
    assert!(says("наличие (2 балла)", 0));
    assert!(!says("информационный, без баллов", 0));
    assert!(!says("0 баллов", 0));
    // Every built-in card's texts agree with its points.
    for card in builtins().unwrap().iter() {
        assert_eq!(
            validate::rule_text_doubts(card),
            [] as [String; 0],
            "{}",
            card.id
        );
    }
}

/// An indicator with points and no advice for the letters is named; one
/// without points, or with advice, is not. The built-in cards have all.
#[test]
fn indicators_without_advice_are_named() {
    for card in builtins().unwrap().iter() {
        assert_eq!(
            validate::without_recommendation(card),
            [] as [String; 0],
            "{}",
            card.id
        );
    }
    let mut card = crate::testkit::card();
    let mut named = |code: &str, points: u32| {
        let i = card.indicators_mut().find(|i| i.code == code).unwrap();
        i.recommendation = " ".into();
        i.points = points;
    };
    named("1.2", 1);
    named("2.1", 0);
    assert_eq!(validate::without_recommendation(&card), ["1.2"]);
}

/// A criterion left without indicators is named; the built-in cards have
/// none but Izhevsk's, whose order lists criteria it does not measure yet,
/// and the template a department fills in.
#[test]
fn criteria_without_indicators_are_named() {
    for card in builtins().unwrap().iter() {
        let empty = validate::empty_criteria(card);
        let expected = card.template || card.id == "izhevsk";
        assert_eq!(!empty.is_empty(), expected, "{}: {empty:?}", card.id);
    }
    let mut card = crate::testkit::card();
    card.directions[0].criteria[1].indicators.clear();
    let code = card.directions[0].criteria[1].code.clone();
    assert_eq!(validate::empty_criteria(&card), [code]);
}

#[test]
fn the_profile_answers_read_as_the_school_gave_them() {
    let card = crate::card::builtin::builtin("leninsk-kuznetsky")
        .unwrap()
        .unwrap();
    let mut profile = SchoolProfile::default();
    profile.set_level(SchoolLevel::Soo, false);
    profile.ovz = false;
    profile.flags.insert("doo".into(), false);
    let text = card.profile_answers(&profile);
    assert!(text.contains("СОО (10–11 классы) — нет"), "{text}");
    assert!(text.contains("НОО (1–4 классы) — да"), "{text}");
    assert!(text.ends_with(" — нет"), "{text}");
    assert_eq!(text.matches(" — нет").count(), 3, "{text}");
}

/// The answers that rule an indicator out, on the 23-point card: 2.2 asks
/// for ОВЗ, 1.3 for СОО, 6.1 for ООО or СОО (either one lets it apply).
#[test]
fn an_indicator_is_ruled_out_by_the_answers_it_asks_for() {
    let card = crate::card::builtin::builtin(DEFAULT_CARD)
        .unwrap()
        .unwrap();
    let out = |code: &str, profile: &SchoolProfile| {
        card.ruled_out_by(card.indicator(code).unwrap(), profile)
    };
    let mut profile = SchoolProfile {
        ovz: false,
        ..SchoolProfile::default()
    };
    profile.set_level(SchoolLevel::Soo, false);
    assert_eq!(
        out("2.2", &profile),
        ["В ОО обучаются дети с ОВЗ или дети-инвалиды — нет"]
    );
    assert_eq!(out("1.3", &profile), ["СОО (10–11 классы) — нет"]);
    assert!(out("6.1", &profile).is_empty(), "ООО is there");
    profile.set_level(SchoolLevel::Ooo, false);
    assert_eq!(
        out("6.1", &profile),
        ["ООО (5–9 классы) — нет", "СОО (10–11 классы) — нет"]
    );
    assert!(out("1.8", &profile).is_empty(), "for every school");
    // It names answers exactly where scoring leaves the indicator out, on
    // every card and every profile of the three levels and ОВЗ.
    for card in crate::card::builtin::builtins().unwrap() {
        for mask in 0..16u8 {
            let mut profile = SchoolProfile {
                ovz: mask & 8 != 0,
                ..SchoolProfile::default()
            };
            for (i, level) in SchoolLevel::ALL.into_iter().enumerate() {
                profile.set_level(level, mask & (1 << i) != 0);
            }
            for i in card.indicators() {
                assert_eq!(
                    card.ruled_out_by(i, &profile).is_empty(),
                    i.applies.applies_to(&profile),
                    "{} {} {mask}",
                    card.id,
                    i.code
                );
            }
        }
    }
}

/// Every word a school reads beside its inputs starts with a gap, in every
/// kind but a list (its «Мероприятие» and «Участники» are what most lists
/// hold): a label such as «Всего» published unchanged left schools guessing.
#[test]
fn a_new_rules_labels_wait_to_be_written() {
    let mut card = written_blank();
    card.source = "Приказ управления образования от 01.09.2027 № 412".into();
    let said = |card: &Card| -> Vec<String> {
        validate::publish_problems(card)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let expected = [
        (
            "breakdown",
            &[
                "подпись суммы частей",
                "подпись знаменателя",
                "название части",
            ][..],
        ),
        ("share", &["подпись числителя", "подпись знаменателя"]),
        ("count", &["подпись числа"]),
        ("percent", &["подпись значения"]),
        ("fact", &["вопрос"]),
        ("list", &[]),
    ];
    let first = edit::Place {
        direction: 0,
        criterion: 0,
        indicator: 0,
    };
    for (n, (kind, labels)) in expected.into_iter().enumerate() {
        edit::change_kind(&mut card, first, kind, format!("п{n}"));
        let labels: Vec<String> = labels
            .iter()
            .map(|l| format!("Показатель 1.1: {l} — впишите текст вместо «…»."))
            .collect();
        assert_eq!(said(&card), labels, "{kind}");
    }
}

/// A criterion or indicator the editor added and nobody wrote is not
/// published as «Новый показатель».
#[test]
fn publishing_asks_for_the_editors_own_wording() {
    let words = |card: &Card| -> Vec<String> {
        validate::publish_problems(card)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let mut card = edit::blank("otdel-2027", "п1".into());
    card.source = "Приказ управления образования от 01.09.2027 № 412".into();
    assert_eq!(
        words(&card),
        [
            "Направление «Направление 1» — осталась заготовка редактора: впишите свой текст.",
            "Название критерия 1 — осталась заготовка редактора: впишите свой текст.",
            "Показатель 1.1: формулировка — осталась заготовка редактора: впишите свой текст.",
            // The labels a school reads beside its inputs: «Всего» alone
            // was published unchanged.
            "Показатель 1.1: подпись числителя — впишите текст вместо «…».",
            "Показатель 1.1: подпись знаменателя — впишите текст вместо «…»."
        ]
    );
    card = Card {
        source: card.source,
        ..written_blank()
    };
    assert_eq!(words(&card), [] as [String; 0]);
    // A key in Cyrillic is refused too: files match by it.
    card.profile = ProfileFlag::standard();
    card.profile.push(ProfileFlag {
        key: "кадеты".into(),
        label: "Есть ли в школе кадетский класс?".into(),
    });
    assert_eq!(
        words(&card),
        ["Ключ вопроса профиля «кадеты»: только латинские буквы, цифры, «-» и «_» (например, kadety)."]
    );
    card.profile.pop();
    // A direction added is asked for too; one whose title only begins so
    // is written.
    edit::add_direction(&mut card);
    assert_eq!(
        words(&card)[0],
        "Направление «Направление 2» — осталась заготовка редактора: впишите свой текст."
    );
    card.directions.pop();
    card.directions[0].title = "Направление 1. Профориентация".into();
    edit::add_criterion(&mut card, 0);
    let added = card.directions[0].criteria.last().unwrap().code.clone();
    assert_eq!(
        words(&card),
        [format!(
            "Название критерия {added} — осталась заготовка редактора: впишите свой текст."
        )]
    );
}

/// The editor's blank card with its criterion and indicator written.
fn written_blank() -> Card {
    let mut card = edit::blank("otdel-2027", "п1".into());
    card.directions[0].title = "Профессиональная ориентация".into();
    card.directions[0].criteria[0].title = "Сопровождение самоопределения".into();
    indicator_mut(&mut card).text = "Доля обучающихся, прошедших диагностику".into();
    indicator_mut(&mut card).rule = Rule::Share {
        threshold_percent: Some(50),
        dynamics: false,
        bands: Vec::new(),
        numerator: "Прошли диагностику".into(),
        denominator: "Всего обучающихся 6–11 классов".into(),
        zero_denominator: ZeroDenominator::ZeroPoints,
    };
    card
}

/// A list's target names its column's sum once: «"Участников, всего"
/// не менее 100», never «…всего" всего».
#[test]
fn a_lists_target_says_in_total_once() {
    let column = |label: &str| ListColumn {
        key: "n".into(),
        label: label.into(),
        at_most: None,
    };
    let min = ListMin {
        column: "n".into(),
        value: 100,
    };
    assert_eq!(min.in_total(&[column("Участники")]), "«Участники» всего");
    assert_eq!(
        min.in_total(&[column("Участников, всего")]),
        "«Участников, всего»"
    );
    assert_eq!(min.in_total(&[column("Всего детей")]), "«Всего детей»");
}

#[test]
fn a_card_depends_on_the_profile_where_an_indicator_is_for_some_schools() {
    let depends = |id: &str| {
        crate::card::builtin::builtin(id)
            .unwrap()
            .unwrap()
            .depends_on_profile()
    };
    // Seed 003's card has indicators for grades 10–11 and for ОВЗ;
    // Nevinnomyssk's ten are for every school.
    assert!(depends(DEFAULT_CARD));
    assert!(!depends("nevinnomyssk"));
}

/// «Не менее 0 %» is met by every school: publishing waits for another
/// threshold, while a card published so still loads.
#[test]
fn a_threshold_of_nothing_waits_for_publishing() {
    let mut card = builtin();
    let Some(Rule::Share {
        threshold_percent,
        dynamics,
        ..
    }) = card.indicators_mut().next().map(|i| &mut i.rule)
    else {
        panic!("1.1 is a share");
    };
    *threshold_percent = Some(0);
    assert!(!*dynamics);
    assert_eq!(validate::problems(&card), []);
    let problems = validate::publish_problems(&card);
    assert_eq!(
        problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["Показатель 1.1: порог 0 % выполняет любая школа — укажите порог больше нуля или уберите его."]
    );
    assert_eq!(
        problems[0].field_message("1.1", Some("порог")),
        Some("Ноль выполняет любая школа: укажите больше нуля или оставьте пустым.")
    );
    // Beside steps of points the threshold is wrong for another reason,
    // said once.
    if let Some(Rule::Share { bands, .. }) = card.indicators_mut().next().map(|i| &mut i.rule) {
        *bands = vec![crate::card::Band {
            from_percent: 30,
            points: 1,
        }];
    }
    let said: Vec<String> = (validate::publish_problems(&card).iter())
        .map(ToString::to_string)
        .collect();
    assert!(!said.iter().any(|p| p.contains("порог 0 %")), "{said:?}");
    assert!(!said.is_empty());
}

/// The steps' problems are said at the fields they are about, not only in
/// the list under the indicator (a walk-through found them 600 px below).
#[test]
fn the_steps_problems_are_said_at_their_fields() {
    use crate::error::{BANDS, POINTS};
    let mut card = builtin();
    let at = |card: &Card, what: &str| -> Vec<&'static str> {
        (validate::problems(card).iter())
            .filter_map(|p| p.field_message("1.1", Some(what)))
            .collect()
    };
    if let Some(Rule::Share { bands, .. }) = card.indicators_mut().next().map(|i| &mut i.rule) {
        *bands = vec![crate::card::Band {
            from_percent: 30,
            points: 2,
        }];
    }
    assert_eq!(
        at(&card, "порог"),
        ["Задана и шкала баллов: оставьте порог или шкалу."]
    );
    assert_eq!(
        at(&card, BANDS),
        [
            "Задан и порог: оставьте порог или шкалу.",
            "Верхняя ступень даёт другие баллы, чем указано у показателя."
        ]
    );
    assert_eq!(
        at(&card, POINTS),
        ["Не равно баллам верхней ступени шкалы."]
    );
    // Another indicator's field hears nothing of it.
    assert!(validate::problems(&card)
        .iter()
        .all(|p| p.field_message("1.2", Some(BANDS)).is_none()));
}

/// A minimum of 0 of a count, a percentage or a list is met by every
/// school, as a threshold of 0 % is.
#[test]
fn a_minimum_of_nothing_waits_for_publishing() {
    let mut card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    let mut set = Vec::new();
    for indicator in card.indicators_mut() {
        match &mut indicator.rule {
            Rule::Count { min, .. } if set.is_empty() => *min = Some(0),
            Rule::Percent { min_tenths, .. } if set.len() == 1 => *min_tenths = Some(0),
            _ => continue,
        }
        // A target gives points, or it is a problem of its own.
        indicator.points = 1;
        set.push(indicator.code.clone());
    }
    card.recount();
    assert_eq!(set.len(), 2, "{set:?}");
    assert_eq!(validate::problems(&card), []);
    let said: Vec<String> = (validate::publish_problems(&card).iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        said,
        [
            format!(
                "Показатель {}: минимум 0 выполняет любая школа — укажите минимум больше нуля или \
                 уберите его.",
                set[0]
            ),
            format!(
                "Показатель {}: минимум 0 % выполняет любая школа — укажите минимум больше нуля \
                 или уберите его.",
                set[1]
            ),
        ]
    );
}

/// «7.5» under criterion 6 is named with where it stands; codes of no
/// criterion («П-1.1») and those of their own are not.
#[test]
fn codes_of_another_criterion_are_named() {
    let mut card = builtin();
    assert_eq!(validate::codes_of_other_criteria(&card), []);
    let last = card.directions.len() - 1;
    let criterion = card.directions[last].criteria.last_mut().unwrap();
    let own = criterion.code.clone();
    criterion.indicators[0].code = "1.9".into();
    assert_eq!(
        validate::codes_of_other_criteria(&card),
        [("1.9".to_owned(), own.clone())]
    );
    card.directions[last]
        .criteria
        .last_mut()
        .unwrap()
        .indicators[0]
        .code = "П-1.1".into();
    assert_eq!(validate::codes_of_other_criteria(&card), []);
}
