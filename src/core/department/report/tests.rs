use super::*;
use crate::card::{Basis, Card, DEFAULT_CARD};
use crate::department::archive::Archive;
use crate::department::dynamics::{figures_in_both, school_changes, SchoolChange, Years};
use crate::department::effectiveness::{Behind, PastMeasures, Verdict};
use crate::department::figures::{figures, IndicatorFigure};
use crate::department::measures::Measure;
use crate::department::results::{rank, results};
use crate::department::review::Decision;
use crate::testkit;

/// A school of `max` points going from `before` to `after`.
fn change(name: &str, before: u32, after: u32, max: u32) -> SchoolChange {
    let profile = crate::school::profile::SchoolProfile {
        name: name.into(),
        ..Default::default()
    };
    SchoolChange {
        school: crate::department::school::SchoolId::of(&profile),
        name: name.into(),
        before: (before, max),
        after: (after, max),
        level_before: None,
        level_after: None,
        across: None,
        moved_by_check: (false, false),
        checked: (false, false),
        outside: (Vec::new(), Vec::new()),
    }
}

/// The falls named, largest first: of 20 points, 10 → 10−k is −5k п. п.
/// exactly; past five, the five largest and the rest counted.
#[test]
fn the_schools_that_fell_are_named() {
    let fell = |k: u32| change(&format!("Школа {k}"), 10, 10 - k, 20);
    assert_eq!(worse(&[change("Школа 0", 10, 12, 20)]), "");
    assert_eq!(
        worse(&[fell(1), change("Школа 0", 10, 12, 20), fell(2)]),
        " Результат ухудшили: Школа 2 (−10,0\u{A0}п.\u{A0}п.), Школа 1 (−5,0\u{A0}п.\u{A0}п.)."
    );
    let seven: Vec<SchoolChange> = (1..=7).map(fell).collect();
    assert_eq!(
        worse(&seven),
        " Сильнее всего ухудшили результат: Школа 7 (−35,0\u{A0}п.\u{A0}п.), Школа 6 \
         (−30,0\u{A0}п.\u{A0}п.), Школа 5 (−25,0\u{A0}п.\u{A0}п.), Школа 4 (−20,0\u{A0}п.\u{A0}п.), \
         Школа 3 (−15,0\u{A0}п.\u{A0}п.) и ещё 2 школы."
    );
    // A sixth as far down as the fifth is named with it.
    let mut tied = seven.clone();
    tied[1] = change("Школа 2б", 10, 7, 20);
    assert!(worse(&tied).ends_with(
        "Школа 2б (−15,0\u{A0}п.\u{A0}п.), Школа 3 (−15,0\u{A0}п.\u{A0}п.) и ещё 1 школа."
    ));
}

/// Those that reached the high level and those that left it, each named
/// with the other year's level; a school high both years, or never, is not.
#[test]
fn moves_to_and_from_the_high_level_are_named() {
    use crate::card::Level::{High, Low, Medium};
    let at = |name: &str, before, after| SchoolChange {
        level_before: before,
        level_after: after,
        ..change(name, 10, 10, 20)
    };
    assert_eq!(
        high_moves(&[
            at("Школа Б", Some(Medium), Some(High)),
            at("Школа А", Some(Low), Some(High)),
            at("Школа В", Some(High), Some(Medium)),
            at("Школа Г", Some(High), Some(High)),
            at("Школа Д", Some(Medium), Some(Low)),
        ]),
        " Перешли на высокий уровень: Школа А (в прошлом году — низкая), Школа Б (в прошлом году \
         — средняя). Опустились с высокого уровня: Школа В (в этом году — средняя)."
    );
    assert_eq!(high_moves(&[at("Школа Г", Some(High), Some(High))]), "");
}

/// Hand count, 21 points: 10 → 11 is 47,6 % → 52,4 % (+4,8 as shown),
/// 11 → 12 is 52,4 % → 57,1 % (+4,7): the same rise of 1 in 21
/// (4,76 points), both named; 1 → 2 of 23 is +4,4 (4,35).
#[test]
fn equal_rises_shown_apart_by_rounding_are_both_named() {
    let (a, b) = (change("Школа А", 10, 11, 21), change("Школа Б", 11, 12, 21));
    let c = change("Школа В", 1, 2, 23);
    assert_eq!((a.delta_tenths(), b.delta_tenths()), (48, 47));
    assert_eq!(
        largest_rise(&[a.clone(), c.clone(), b.clone()]),
        " Наибольший рост — Школа А (+4,8\u{A0}п.\u{A0}п.), Школа Б (+4,7\u{A0}п.\u{A0}п.): \
         рост одинаковый, десятые различаются из-за округления долей."
    );
    assert_eq!(
        largest_rise(&[c.clone(), b.clone()]),
        " Наибольший рост — Школа Б (+4,7\u{A0}п.\u{A0}п.)."
    );
    // 5 → 6 of 21 is 23,8 % → 28,6 %: +4,8 again, the same as А's.
    let d = change("Школа Г", 5, 6, 21);
    assert_eq!(
        largest_rise(&[d, a]),
        " Наибольший рост (+4,8\u{A0}п.\u{A0}п. у каждой) — Школа А, Школа Г."
    );
    assert_eq!(largest_rise(&[change("Школа Д", 3, 3, 21)]), "");
    // The table's largest, not the exact largest: 11 → 18 of 34 is
    // 32,4 → 52,9 % (+20,5 shown, 20,59 exact), 7 → 15 of 39 is
    // 17,9 → 38,5 % (+20,6 shown, 20,51 exact).
    let (x, y) = (change("Школа Е", 11, 18, 34), change("Школа Ж", 7, 15, 39));
    assert_eq!(
        largest_rise(&[x, y]),
        " Наибольший рост — Школа Ж (+20,6\u{A0}п.\u{A0}п.)."
    );
    assert_eq!(largest_rise(&[]), "");
    // Last year moved by the check, this year not checked: a rise on equal
    // footing is named instead, and З only when nobody else rose.
    let mut z = change("Школа З", 12, 18, 23);
    z.moved_by_check = (true, false);
    assert_eq!(
        largest_rise(&[z.clone(), change("Школа И", 1, 2, 23)]),
        " Наибольший рост — Школа И (+4,4\u{A0}п.\u{A0}п.)."
    );
    assert_eq!(
        largest_rise(&[z.clone(), change("Школа И", 2, 2, 23)]),
        " Наибольший рост — Школа З (+26,1\u{A0}п.\u{A0}п.; в прошлом году результат изменён \
         проверкой отдела, этот год не проверен)."
    );
    // This year checked and left as it was: equal footing.
    z.checked = (true, true);
    assert_eq!(
        largest_rise(&[z.clone(), change("Школа И", 1, 2, 23)]),
        " Наибольший рост — Школа З (+26,1\u{A0}п.\u{A0}п.)."
    );
    z.checked = (false, false);
    z.moved_by_check = (true, true);
    assert_eq!(
        largest_rise(&[z]),
        " Наибольший рост — Школа З (+26,1\u{A0}п.\u{A0}п.)."
    );
}

#[test]
fn the_weakest_are_named_with_their_ties_but_not_when_all_are_tied() {
    let card = testkit::card();
    let archive = testkit::three_schools();
    let res = results(&archive, DEFAULT_CARD, "2025/2026");
    let mut f = figures(&archive, &card, &res);
    // Every indicator done by every school it applies to.
    for i in &mut f.indicators {
        i.earned = i.applicable;
    }
    let (intro, named) = problem_zones(&f, &card);
    assert!(named.is_empty());
    assert!(intro.ends_with("все показатели выполнены одинаково часто."));
    // One done less often: it alone is named, not the rest of the card
    // tied behind it.
    let weak = f.indicators.iter_mut().find(|i| i.code == "1.8").unwrap();
    weak.earned -= 1;
    let (intro, named) = problem_zones(&f, &card);
    assert!(intro.ends_with("Реже других выполнены:"));
    let codes: Vec<&str> = named.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["1.8"]);
}

#[test]
fn a_card_without_points_or_levels_is_reported_as_data() {
    let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    let archive = testkit::archive(&nv, &[("1", &testkit::draft("Школа А", "2025/2026", &[]))]);
    let res = crate::department::results::results(&archive, "nevinnomyssk", "2025/2026");
    let f = crate::department::figures::figures(&archive, &nv, &res);
    let text = intro("2025/2026", &nv, &f);
    assert!(text.starts_with(
        "В мониторинге за 2025/2026 учебный год участвовала 1 образовательная организация"
    ));
    assert!(text.ends_with("Карта не даёт баллов: справка приводит сводные значения показателей."));
    assert!(!text.contains("Эффективность"));
}

#[test]
fn what_the_figures_leave_out_is_named() {
    use crate::department::archive::Cards;
    use crate::testkit::{draft, entry, meta, sign};
    let card = testkit::card();
    let file = |id: &str, name: &str, period: &str, at: &str, key| {
        let d = draft(name, period, &["1.8"]);
        entry(&card, id, &sign(&card, &d, meta(id, at, None), key))
    };
    let mut archive = Archive::new(Cards::new([card.clone()]));
    archive.admit_all(vec![
        file("a", "СОШ 1", "2025/2026", "2026-09-01", 1),
        // СОШ 2 signed last year with one key, this year with another.
        file("b0", "СОШ 2", "2024/2025", "2025-09-01", 2),
        file("b", "СОШ 2", "2025/2026", "2026-09-01", 3),
    ]);
    let mut now = results(&archive, DEFAULT_CARD, "2025/2026");
    assert_eq!(
        left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
        "Файлы, подписанные новым ключом, ждут решения о нём и в справке не учтены: СОШ 2."
    );
    // Without a list, a refused file's school is named, unless a file of
    // it counts (СОШ 1), waits for its key (СОШ 2, named below) or the
    // file is of another year (СОШ 6).
    let mut refused = archive.clone();
    refused.note_refused(
        [
            ("x.json", "СОШ 5", "2025/2026"),
            ("y.json", " сош 1", "2025/2026"),
            ("w.json", "СОШ 2", "2025/2026"),
            ("z.json", "СОШ 6", "2024/2025"),
        ]
        .map(|(file, name, period)| crate::department::archive::Refusal {
            file: file.into(),
            why: "Файл обрезан.".into(),
            at: "2026-09-02T10:00:00Z".into(),
            claim: Some(crate::department::archive::Claim {
                name: name.into(),
                identifier: String::new(),
                municipality: String::new(),
                period: period.into(),
                card: DEFAULT_CARD.into(),
            }),
        }),
    );
    assert_eq!(
        left_out(&refused, DEFAULT_CARD, "2025/2026", &now),
        "Карта не учтена: файл не прошёл проверку при загрузке — СОШ 5. Файлы, подписанные новым \
         ключом, ждут решения о нём и в справке не учтены: СОШ 2."
    );
    // With the roster, the school without a card is named; the one
    // waiting for its key is not named twice, however the list spells it.
    for name in ["СОШ 1", "сош  2", "СОШ 3"] {
        archive.roster.add(name).unwrap();
    }
    now[0].mismatch = true;
    now[0].claimed = Some((4, 23));
    assert_eq!(
        left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
        "Не представили карту (по списку школ): СОШ 3. Файлы, подписанные новым ключом, ждут \
         решения о нём и в справке не учтены: СОШ 2. Итог, заявленный школой, не совпадает \
         с пересчётом по её ответам; в справке — пересчитанный: СОШ 1 (заявлено 4 из 23, \
         по ответам — 1 из 23)."
    );
    // A point the check took off is said apart from the recount.
    let mut reviewed = archive.clone();
    reviewed.set_decision("a", "1.8", Some(Decision::NoPoint));
    let mut after = results(&reviewed, DEFAULT_CARD, "2025/2026");
    after[0].mismatch = true;
    after[0].claimed = Some((4, 23));
    assert!(left_out(&reviewed, DEFAULT_CARD, "2025/2026", &after)
        .ends_with("СОШ 1 (заявлено 4 из 23, по ответам — 1 из 23, после проверки — 0 из 23)."));
    let school = archive.entry("b").unwrap().school.clone();
    let key = archive.entry("b").unwrap().key.clone();
    archive.decide_key(&school, &key, true);
    let now = results(&archive, DEFAULT_CARD, "2025/2026");
    assert_eq!(
        left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
        "Не представили карту (по списку школ): СОШ 3."
    );
    // A school counted that the list does not hold is named, to place.
    archive.admit_all(vec![file("c", "Лицей 4", "2025/2026", "2026-09-01", 4)]);
    let now = results(&archive, DEFAULT_CARD, "2025/2026");
    assert_eq!(
        left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
        "Не представили карту (по списку школ): СОШ 3. Учтены, но не найдены в списке школ \
         (новая школа или другое написание названия): Лицей 4."
    );
}

/// «0 из 0» on seed 001's share, which every school with grades 6–11
/// has: named, until the check rules on it; 0 of 12 is a value.
#[test]
fn an_empty_group_the_profile_expects_is_named() {
    let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
    let school = |name: &str, n: &str, d: &str| {
        let mut draft = testkit::draft(name, "2025/2026", &[]);
        draft.answers.insert("П-1.1".into(), testkit::share(n, d));
        draft
    };
    let (a, b, c) = (
        school("СОШ 1", "0", "0"),
        school("СОШ 2", "0", "12"),
        school("Гимназия 3", "0", "0"),
    );
    let mut archive = testkit::archive(&iz, &[("a", &a), ("b", &b), ("c", &c)]);
    let now = results(&archive, "izhevsk", "2025/2026");
    assert_eq!(
        left_out(&archive, "izhevsk", "2025/2026", &now),
        "Указали общее число 0 по показателю, который по профилю школы к ней относится \
         (показатель не учтён; возможно, число просто не заполнено): Гимназия 3 (П-1.1), СОШ 1 \
         (П-1.1)."
    );
    archive.set_decision("c", "П-1.1", Some(Decision::NotApplicable));
    let now = results(&archive, "izhevsk", "2025/2026");
    assert!(left_out(&archive, "izhevsk", "2025/2026", &now).ends_with(": СОШ 1 (П-1.1)."));
}

/// The bands in points of 80 and 60 % on small cards, by hand: at 2
/// points both start at 2 (ceil 1.6, ceil 1.2), so the medium band is
/// empty; at 5 the medium band is the one value 3; at 1, 0 is low.
#[test]
fn level_bands_on_small_cards() {
    let mut card = testkit::card();
    let scale = |card: &Card| {
        let text = levels_scale(card);
        let from = text.find("(при").unwrap();
        text[from..].replace('\u{2060}', "")
    };
    card.max_points = 23;
    assert_eq!(
        scale(&card),
        "(при максимуме 23: 19–23, 14–18, 13 и менее баллов)."
    );
    card.max_points = 5;
    assert_eq!(scale(&card), "(при максимуме 5: 4–5, 3, 2 и менее баллов).");
    card.max_points = 2;
    assert_eq!(
        scale(&card),
        "(при максимуме 2: высокая — 2, низкая — 1 и менее баллов)."
    );
    card.max_points = 1;
    assert_eq!(
        scale(&card),
        "(при максимуме 1: высокая — 1, низкая — 0 баллов)."
    );
}

/// A high school whose maximum lost a «0 из 0» the profile expects, not
/// yet ruled on, is no example to spread: its level may rest on a number
/// left at 0. Ruled on, it is one again.
#[test]
fn a_high_level_resting_on_an_empty_group_is_not_offered_as_an_example() {
    let card = testkit::card();
    let all_met = |name: &str, empty: Option<&str>| {
        let mut d = testkit::draft(name, "2025/2026", &[]);
        for i in card.indicators() {
            let answer = match (&i.rule, empty == Some(i.code.as_str())) {
                (_, true) => testkit::share("0", "0"),
                (crate::card::Rule::Share { .. }, _) => testkit::share("10", "10"),
                _ => testkit::fact(true),
            };
            d.answers.insert(i.code.clone(), answer);
        }
        d
    };
    let (a, b) = (all_met("Школа А", None), all_met("Школа Б", Some("6.2")));
    let mut archive = testkit::archive(&card, &[("a", &a), ("b", &b)]);
    let offered = |archive: &Archive| {
        let now = results(archive, DEFAULT_CARD, "2025/2026");
        assert!((now.iter()).all(|r| r.score.level == Some(crate::card::Level::High)));
        let f = figures(archive, &card, &now);
        let items = proposals(
            &card,
            "2025/2026",
            &f,
            &rank(now),
            &Before::default(),
            &[],
            &PastMeasures::default(),
        );
        items
            .into_iter()
            .find(|p| p.contains("Обобщить и распространить опыт"))
            .unwrap()
    };
    assert!(offered(&archive).ends_with(": Школа А."));
    archive.set_decision("b", "6.2", Some(Decision::NotApplicable));
    assert!(offered(&archive).ends_with(": Школа А, Школа Б."));
}

#[test]
fn proposals_follow_the_year() {
    let card = testkit::card();
    let archive = testkit::two_years(&card);
    let (before, after) = (
        results(&archive, DEFAULT_CARD, "2024/2025"),
        results(&archive, DEFAULT_CARD, "2025/2026"),
    );
    let now = figures(&archive, &card, &after);
    let changes = school_changes(&archive, &card, &card, &before, &after);
    let low = still_low(&changes);
    let propose = |still_low: &[String], measures: &[&Measure], not_better: &[&str]| {
        let rating = rank(after.clone());
        let past = PastMeasures {
            not_better: not_better.to_vec(),
            ..PastMeasures::default()
        };
        proposals(
            &card,
            "2025/2026",
            &now,
            &rating,
            &Before {
                still_low: still_low.to_vec(),
                ..Before::default()
            },
            measures,
            &past,
        )
    };
    let items = propose(&low, &[], &[]);
    // Hand count: all three at the low level; 20 indicators met by none
    // of the three, 1.8 and 3.1 by one, named weakest first, five of
    // them; criteria 4–7 earned nothing (1 is 1 of 24, 2 is 3 of 6, 3 is
    // 1 of 9); А and Б were low last year too; nothing checked.
    assert_eq!(
        items,
        [
            "1. Руководителям организаций с низкой эффективностью (Школа А, Школа Б, Школа В) \
             разработать план мероприятий по повышению эффективности системы работы по \
             самоопределению и профессиональной ориентации обучающихся с учётом адресных \
             рекомендаций.",
            "2. Разработать меры по показателям, выполненным реже других (1.1 — 0 из 3 школ; \
             1.2 — 0 из 3 школ; 1.3 — 0 из 3 школ; 1.4 — 0 из 3 школ; 1.5 — 0 из 3 школ; ещё \
             17 показателей — в разделе «Проблемные зоны»), и предусмотреть их в муниципальном \
             плане мероприятий на следующий учебный год.",
            "3. Уделить особое внимание критериям «4. Кадровая обеспеченность \
             профориентационной работы», «5. Участие в соревнованиях, чемпионатах \
             профориентационной направленности», «6. Самоопределение выпускников», «7. Оценка \
             качества подготовки и организации профориентации»: по 0,0\u{A0}% от максимума — \
             наименьшее значение среди критериев.",
            "4. Обеспечить консультационно-методическое сопровождение руководителей \
             организаций, которые и в прошлом, и в этом году были на низком уровне: Школа А, Школа Б.",
            "5. Провести проверку объективности представленных материалов: результаты пока — \
             по самооценке школ.",
        ]
    );
    // A value that fell notably is asked about on a card with points too,
    // unless it is a problem zone named above: 2.1 is met by all three.
    let asked = after_falls(
        &card,
        &now,
        &rank(after.clone()),
        &[
            ("1.1", "−12,0\u{A0}п.\u{A0}п."),
            ("2.1", "−17,0\u{A0}п.\u{A0}п."),
        ],
        &[],
    );
    assert_eq!(
        asked[3],
        "4. Проанализировать причины заметного снижения значений по муниципалитету и \
         предусмотреть меры: 2.1 (−17,0\u{A0}п.\u{A0}п.)."
    );
    // Last year's measures moved 1.1 and 2.1 no better than elsewhere;
    // 1.1 is still among the weakest: to be rethought. 2.1 is met by all.
    let items = propose(&low, &[], &["1.1", "2.1"]);
    assert!(
        items[1].starts_with(
            "2. Разработать меры по показателям, выполненным реже других (1.2 — 0 из 3 школ; "
        ),
        "1.1 is to be rethought, not asked for afresh: {}",
        items[1]
    );
    assert_eq!(
        items[2],
        "3. Пересмотреть меры прошлого года по показателю 1.1: у адресных школ выполнение \
         изменилось не лучше, чем у остальных (разность менее 10,0\u{A0}п.\u{A0}п.), а \
         показатель по-прежнему среди выполненных реже других; см. раздел «Анализ эффективности \
         принятых мер»."
    );
    // Last year's measure on 1.1 went to every school: nothing to compare
    // it with, and 1.1 still among the rarest: rethought, not asked for.
    let rating = rank(after.clone());
    let past = PastMeasures {
        for_all: vec!["1.1"],
        behind: vec![Behind {
            code: "1.1",
            measure: "курсы «Профориентация в школе»".into(),
            verdict: Verdict::NoOthers,
            difference: None,
            change: 0,
            basis: Basis::Met,
            doubtful: false,
        }],
        ..PastMeasures::default()
    };
    let before = Before {
        still_low: low.clone(),
        ..Before::default()
    };
    let with_all = proposals(&card, "2025/2026", &now, &rating, &before, &[], &past);
    assert!(!with_all[1].contains("1.1 —"), "{}", with_all[1]);
    assert_eq!(
        with_all[2],
        "3. Пересмотреть меру прошлого года по показателю 1.1: курсы «Профориентация в школе» — \
         была адресована всем школам, сравнить не с кем; доля выполнивших школ изменилась на \
         0,0\u{A0}п.\u{A0}п., а показатель по-прежнему среди выполненных реже других; см. раздел \
         «Анализ эффективности принятых мер»."
    );
    // Last year's courses moved 1.1 better than elsewhere, on one school:
    // still among the rarest, it is carried on, named with what it did.
    let moved = PastMeasures {
        better: vec![Behind {
            verdict: Verdict::Better,
            difference: Some(233),
            change: 333,
            doubtful: true,
            ..past.behind[0].clone()
        }],
        ..PastMeasures::default()
    };
    let carried = proposals(&card, "2025/2026", &now, &rating, &before, &[], &moved);
    assert!(!carried[1].contains("1.1 —"), "{}", carried[1]);
    assert_eq!(
        carried[2],
        "3. Продолжить работу по показателю 1.1 после меры прошлого года (курсы «Профориентация \
         в школе» — лучше, чем в остальных школах (+23,3\u{A0}п.\u{A0}п.; вывод ненадёжен)): \
         показатель по-прежнему среди выполненных реже других; см. раздел «Анализ эффективности \
         принятых мер»."
    );
    assert!(propose(&low, &[], &["1.2", "1.1"])[2].starts_with(
        "3. Пересмотреть меры прошлого года по показателям 1.1, 1.2: у адресных школ выполнение \
         изменилось не лучше, чем у остальных (разность менее 10,0\u{A0}п.\u{A0}п.), а \
         показатели по-прежнему"
    ));
    // A measure of this year on 1.1 and 1.2: those are followed up, the
    // rest still asked for.
    let mut measure = Measure::blank(DEFAULT_CARD, "2025/2026");
    measure.indicators = ["1.1", "1.2"]
        .iter()
        .map(|c| card.indicator(c).unwrap().key().to_owned())
        .collect();
    let items = propose(&low, &[&measure], &[]);
    assert!(
        items[1].starts_with(
            "2. Разработать меры по показателям, выполненным реже других (1.3 — 0 из 3 школ; "
        ),
        "{}",
        items[1]
    );
    assert_eq!(
        items[2],
        "3. Проследить выполнение меры, принятой по показателям 1.1, 1.2 (раздел «Меры по итогам \
         2025/2026 учебного года»)."
    );
    // Every low school low last year too: not listed a second time.
    let all_low = ["Школа А", "Школа Б", "Школа В"].map(String::from);
    let items = propose(&all_low, &[], &[]);
    assert_eq!(
        items[3],
        "4. Обеспечить консультационно-методическое сопровождение руководителей организаций \
         с низкой эффективностью: все они были на низком уровне и в прошлом году."
    );
    // Without last year, and with every card checked, neither is said.
    let mut archive = archive;
    for id in ["a2", "b2", "c2"] {
        archive.set_checked(id, true);
    }
    let after = results(&archive, DEFAULT_CARD, "2025/2026");
    let items = proposals(
        &card,
        "2025/2026",
        &now,
        &rank(after),
        &Before::default(),
        &[],
        &PastMeasures::default(),
    );
    assert_eq!(items.len(), 3);
    assert!(items[2].starts_with("3. Уделить особое внимание критериям"));
}

/// Seed 001's card has no points and no problem zones: its proposals are
/// about the measures on its shares, last year's and this year's.
#[test]
fn proposals_without_points_weigh_the_measures() {
    let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
    let code = "П-1.1";
    let mut draft = testkit::draft("Школа А", "2025/2026", &[]);
    draft
        .answers
        .insert(code.into(), testkit::share("40", "100"));
    let archive = testkit::archive(&iz, &[("a", &draft)]);
    let after = results(&archive, "izhevsk", "2025/2026");
    let now = figures(&archive, &iz, &after);
    let mut measure = Measure::blank("izhevsk", "2025/2026");
    measure.indicators = vec![iz.indicator(code).unwrap().key().to_owned()];
    let behind = |code, measure: &str, verdict, difference, change| Behind {
        code,
        measure: measure.into(),
        verdict,
        difference,
        change,
        basis: Basis::Pupils,
        doubtful: false,
    };
    // Last year: a seminar without a notable difference, an order worse
    // than elsewhere, a measure on another indicator, and an order for
    // every school under which the municipal share fell.
    let past = PastMeasures {
        not_better: vec![code],
        for_all: vec!["П-1.2"],
        behind: vec![
            behind(
                code,
                "семинар «Тестирование»",
                Verdict::NoDifference,
                Some(42),
                120,
            ),
            behind("П-2.1", "семинар «Другой»", Verdict::Worse, Some(-150), 0),
            behind(
                code,
                "приказ «О диагностике»",
                Verdict::Worse,
                Some(-112),
                -179,
            ),
            behind("П-1.2", "приказ «Обо всех»", Verdict::NoOthers, None, -76),
        ],
        // Two schools addressed: no figure judges it.
        too_few: vec!["курсы «Малые» (П-1.1)".into()],
        better: Vec::new(),
    };
    let items = proposals(
        &iz,
        "2025/2026",
        &now,
        &rank(after),
        &Before::default(),
        &[&measure, &measure],
        &past,
    );
    assert_eq!(
        items,
        [
            "1. Пересмотреть меры прошлого года по показателям П-1.1, П-1.2: семинар \
             «Тестирование» (П-1.1) — без заметной разницы с остальными школами (разность \
             +4,2\u{A0}п.\u{A0}п.); приказ «О диагностике» (П-1.1) — хуже, чем в остальных школах \
             (−11,2\u{A0}п.\u{A0}п.); приказ «Обо всех» (П-1.2) — была адресована всем школам, \
             сравнить не с кем; доля обучающихся изменилась на −7,6\u{A0}п.\u{A0}п.; см. раздел \
             «Анализ эффективности принятых мер».",
            "2. Проследить выполнение мер, принятых по показателю П-1.1 (раздел «Меры по итогам \
             2025/2026 учебного года»).",
            // A school without points reports data, it scores nothing.
            "3. Оценить по отчётам исполнителей меры прошлого года, которые по данным сравнить \
             нельзя (в адресных или в остальных школах с данными за оба года меньше 3 школ): \
             курсы «Малые» (П-1.1).",
            "4. Провести проверку объективности представленных материалов: результаты пока — по \
             данным школ.",
        ]
    );
    // Nothing measured, nothing to weigh.
    let after = results(&archive, "izhevsk", "2025/2026");
    let quiet = proposals(
        &iz,
        "2025/2026",
        &now,
        &rank(after),
        &Before::default(),
        &[],
        &Default::default(),
    );
    assert_eq!(quiet.len(), 1, "{quiet:?}");
    // A municipal value that fell notably is to be looked into, unless a
    // measure of this year already takes it up.
    let rating = rank(results(&archive, "izhevsk", "2025/2026"));
    let fell = [("П-1.1", "−12,0\u{A0}п.\u{A0}п.")];
    let asked = after_falls(&iz, &now, &rating, &fell, &[]);
    assert_eq!(
        asked[0],
        "1. Проанализировать причины заметного снижения значений по муниципалитету и \
         предусмотреть меры: П-1.1 (−12,0\u{A0}п.\u{A0}п.)."
    );
    let taken = after_falls(&iz, &now, &rating, &fell, &[&measure]);
    // Followed up instead, the rest as before: nothing dropped with it.
    assert_eq!(
        taken,
        [
            "1. Проследить выполнение меры, принятой по показателю П-1.1 (раздел «Меры по \
             итогам 2025/2026 учебного года»).",
            "2. Провести проверку объективности представленных материалов: результаты пока — \
             по данным школ.",
        ]
    );
    assert_eq!(asked[1], taken[1]);
}

/// The proposals of 2025/2026 when the municipal values of `fallen` fell
/// (code, how), with this year's `measures` and nothing known of last
/// year's.
fn after_falls(
    card: &Card,
    now: &crate::department::figures::Figures,
    rating: &[crate::department::results::Ranked],
    fallen: &[(&str, &str)],
    measures: &[&Measure],
) -> Vec<String> {
    let before = Before {
        fallen: (fallen.iter())
            .map(|(code, how)| (code.to_string(), how.to_string()))
            .collect(),
        ..Before::default()
    };
    proposals(
        card,
        "2025/2026",
        now,
        rating,
        &before,
        measures,
        &Default::default(),
    )
}

#[test]
fn the_report_in_numbers() {
    let card = testkit::card();
    let archive = testkit::two_years(&card);
    let (before, after) = (
        results(&archive, DEFAULT_CARD, "2024/2025"),
        results(&archive, DEFAULT_CARD, "2025/2026"),
    );
    let (was, now) = (
        figures(&archive, &testkit::card(), &before),
        figures(&archive, &testkit::card(), &after),
    );
    assert_eq!(
        intro("2025/2026", &testkit::card(), &now),
        "В мониторинге за 2025/2026 учебный год участвовали 3 образовательные организации \
         (карта «Экспертная карта мониторинга системы работы по самоопределению и \
         профессиональной ориентации обучающихся», версия 1). Эффективность профориентационной работы: высокая — 0 (0,0\u{A0}%), средняя — 0 \
         (0,0\u{A0}%), низкая — 3 (100,0\u{A0}%). Уровень\u{A0}— по доле баллов от максимума, \
         применимого к школе: высокая — от 80\u{A0}%, средняя — от 60\u{A0}%, низкая — ниже \
         60\u{A0}% (при максимуме 23: 19\u{2060}–\u{2060}23, 14\u{2060}–\u{2060}18, 13 и менее баллов). В целом по \
         муниципалитету набрано 7,2\u{A0}% от максимума баллов; средний балл школы — 1,7 \
         при среднем максимуме 23."
    );
    // All three are at the low level: none is named among the best.
    assert_eq!(best(&rank(after.clone()), 5, 1), [NONE_BEST]);
    assert_eq!(
        dynamics(
            &archive,
            &Years {
                old_card: &card,
                before: &was,
                new_card: &card,
                after: &now
            },
            "2024/2025",
            &before,
            &after
        ),
        "По сравнению с 2024/2025 учебным годом доля набранных баллов по всем школам \
         изменилась с 6,5\u{A0}% (2 школы) до 7,2\u{A0}% (3 школы); среди школ, участвовавших \
         в оба года (2), результат улучшили\u{A0}1, ухудшили\u{A0}1. Карту представили не в \
         оба года: только в этом — 1 (Школа В); в сравнение лет эта школа не вошла. Школ с высокой \
         эффективностью: было 0, стало 0. На низком уровне оба года: Школа А, Школа Б. \
         Наибольший рост — Школа А (+8,7\u{A0}п.\u{A0}п.). Результат ухудшили: Школа Б \
         (−4,4\u{A0}п.\u{A0}п.). Среди школ, участвовавших в оба года, реже, чем годом ранее, \
         выполнен показатель 1.8 (было 2 из 2 школ, стало 1 из 2 школ; −50,0\u{A0}п.\u{A0}п.)."
    );
    // By hand: 1.8 was earned by А and Б (2 of 2), this year by А alone of
    // three (1 of 3), and of А and Б, the schools of both years, 1 of 2:
    // 100 % → 50,0 %. 2.1 (1 of 2 → 3 of 3) and 3.1 (0 of 2 → 1 of 3) rose,
    // and are not named. The years the other way round: those two fell,
    // the larger fall first.
    let backwards = Years {
        old_card: &card,
        before: &now,
        new_card: &card,
        after: &was,
    };
    assert_eq!(
        fallen_indicators(&backwards, " Реже, чем годом ранее,"),
        " Реже, чем годом ранее, выполнены показатели: 2.1 (было 3 из 3 школ, стало 1 из 2 \
         школ; −50,0\u{A0}п.\u{A0}п.); 3.1 (было 1 из 3 школ, стало 0 из 2 школ; −33,3\u{A0}п.\u{A0}п.)."
    );
    // Of А and Б alone, the schools of both years, out of 2 each year, not
    // 3 then 2: 2.1 by both, then by one; 3.1 by one, then by neither.
    let (was_both, now_both) = figures_in_both(&archive, &backwards, &after, &before).unwrap();
    let both = Years {
        before: &was_both,
        after: &now_both,
        ..backwards
    };
    assert_eq!(
        fallen_indicators(
            &both,
            " Среди школ, участвовавших в оба года, реже, чем годом ранее,"
        ),
        " Среди школ, участвовавших в оба года, реже, чем годом ранее, выполнены показатели: 2.1 \
         (было 2 из 2 школ, стало 1 из 2 школ; −50,0\u{A0}п.\u{A0}п.); 3.1 (было 1 из 2 школ, \
         стало 0 из 2 школ; −50,0\u{A0}п.\u{A0}п.)."
    );
    // Where every school took part in both years, the figures are the years' own.
    assert!(figures_in_both(&archive, &backwards, &before, &before).is_none());
}

/// Ties at the edge of «Лучшие результаты» and at the top of the rise
/// are named in full: leaving one of two equal schools out singles the
/// other out.
#[test]
fn ties_are_named_whole() {
    // Without levels no school is at the low level, so all can be best.
    let mut card = testkit::card();
    card.levels = None;
    let mut rating = rank(results(
        &testkit::two_years(&card),
        DEFAULT_CARD,
        "2025/2026",
    ));
    assert_eq!(best(&rating, 2, 1).len(), 3, "Б and В share the 2nd place");
    assert_eq!(best(&rating, 1, 1), ["1. Школа А — 3 из 23 (13,0\u{A0}%)"]);
    assert_eq!(best(&rating, 0, 1), [] as [String; 0]);
    // Without points a school is not among the best, levels or not.
    let mut nothing = rating.clone();
    for r in &mut nothing {
        r.result.score.total = 0;
    }
    assert_eq!(best(&nothing, 2, 1), [NONE_SCORED]);
    nothing[0].result.score.total = 1;
    assert_eq!(best(&nothing, 5, 1).len(), 1);
    // A school on another version of the card says so.
    rating[0].result.version = 2;
    assert_eq!(
        best(&rating, 1, 1),
        ["1. Школа А — 3 из 23 (13,0\u{A0}%) (карта заполнена по версии 2)"]
    );
    let archive = testkit::archive(
        &card,
        &[
            ("a1", &testkit::draft("Школа А", "2024/2025", &["1.8"])),
            (
                "a2",
                &testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]),
            ),
            ("b1", &testkit::draft("Школа Б", "2024/2025", &["2.1"])),
            (
                "b2",
                &testkit::draft("Школа Б", "2025/2026", &["2.1", "3.1"]),
            ),
        ],
    );
    let two = testkit::TwoYears::of(&archive, &card);
    let (years, after) = (two.years(&card), &two.after);
    let text = dynamics(&archive, &years, "2024/2025", &two.before, after);
    assert!(
        text.ends_with("Наибольший рост (+4,4\u{A0}п.\u{A0}п. у каждой) — Школа А, Школа Б."),
        "{text}"
    );
    // Б's last year checked, its 2.1 confirmed: the check moved
    // nothing, and nothing is said.
    let mut archive = archive;
    let recount = |archive: &Archive| {
        let before = results(archive, DEFAULT_CARD, "2024/2025");
        let after = results(archive, DEFAULT_CARD, "2025/2026");
        let was = figures(archive, &card, &before);
        let years = Years {
            before: &was,
            ..years
        };
        dynamics(archive, &years, "2024/2025", &before, &after)
    };
    archive.set_decision("b1", "2.1", Some(Decision::Confirm));
    let quiet = recount(&archive);
    assert!(!quiet.contains("проверк"), "{quiet}");
    // A ruling on an indicator without points moves neither the total
    // nor the maximum: it is no change of the result.
    let ruled = |max| crate::department::review::Counted {
        claimed_points: 0,
        claimed_applies: true,
        points: 0,
        applies: false,
        max,
        lacks_last_year: false,
        last_year_empty: false,
        unanswered: false,
        invalid: false,
        refused: false,
        fact: false,
        judged_here: None,
    };
    assert!(!ruled(0).moves_score() && ruled(1).moves_score());
    // Its 2.1 refused instead: 0 of 23 last year, 2 of 23 now (+8,7),
    // the check's doing in part; А's +4,4 stays.
    archive.set_decision("b1", "2.1", Some(Decision::NoPoint));
    let text = recount(&archive);
    assert!(
        text.contains(
            "ухудшили\u{A0}0. У 1 школы (Школа Б) проверка отдела изменила результат только \
             одного из двух лет, а другой год не проверен, поэтому сравнение лет отчасти зависит \
             от проверки."
        ),
        "{text}"
    );
    // The largest rise on equal footing is А's; Б's is partly the check's.
    assert!(
        text.ends_with("Наибольший рост — Школа А (+4,4\u{A0}п.\u{A0}п.)."),
        "{text}"
    );
    // Б's this year checked too, left as it was: both years on one footing.
    archive.set_checked("b2", true);
    let text = recount(&archive);
    assert!(!text.contains("проверка отдела изменила"), "{text}");
    assert!(
        text.ends_with("Наибольший рост — Школа Б (+8,7\u{A0}п.\u{A0}п.)."),
        "{text}"
    );
}

/// Hand count on [`testkit::two_years`]' second year: А claims 3
/// points, Б and В 1 each.
#[test]
fn the_report_says_how_far_the_check_went() {
    let card = testkit::card();
    let mut archive = testkit::two_years(&card);
    let now = || results(&archive, DEFAULT_CARD, "2025/2026");
    assert_eq!(
        review_summary(&card, &now()),
        "Проверка объективности не проводилась: результаты — по самооценке школ."
    );
    archive.set_decision("a2", "1.8", Some(Decision::NoPoint));
    archive.set_decision("a2", "3.1", Some(Decision::NotApplicable));
    archive.set_checked("a2", true);
    archive.set_decision("b2", "2.1", Some(Decision::Confirm));
    let now = results(&archive, DEFAULT_CARD, "2025/2026");
    // А's 1.8 refused (1 point); its 3.1, claimed, ruled not applicable:
    // not a refusal, but the point is gone all the same.
    let ruled = " Снято баллов, заявленных по показателям, которые при проверке признаны \
                 неприменимыми: 1 (у 1 школы); в максимум школы эти показатели не входят.";
    assert_eq!(
        review_summary(&card, &now),
        format!(
            "Проверка объективности завершена по 1 из 3 карт, ещё 1 — на проверке. Остальные — \
             по самооценке школ. Не засчитано при проверке баллов, заявленных школами: 1 (у 1 школы).{ruled}"
        )
    );
    // Begun but finished nowhere: nothing vouches for the claimed points.
    archive.set_checked("a2", false);
    let begun = results(&archive, DEFAULT_CARD, "2025/2026");
    assert_eq!(
        review_summary(&card, &begun),
        format!(
            "Проверка объективности ещё не завершена ни по одной из 3 карт; на проверке — 2. Остальные — \
             по самооценке школ. Не засчитано при проверке баллов, заявленных школами: 1 (у 1 школы).{ruled}"
        )
    );
    // Only the ruling left: the points did go down, said so.
    archive.set_decision("a2", "1.8", None);
    archive.set_checked("a2", true);
    let ruled_only = results(&archive, DEFAULT_CARD, "2025/2026");
    assert!(review_summary(&card, &ruled_only).ends_with(&format!("самооценке школ.{ruled}")));
    archive.set_checked("a2", false);
    archive.set_decision("a2", "3.1", None);
    let begun = results(&archive, DEFAULT_CARD, "2025/2026");
    assert!(review_summary(&card, &begun).ends_with("Остальные — по самооценке школ."));
    let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    assert_eq!(
        review_summary(&nv, &now[..1]),
        "Проверка объективности завершена по 1 из 1 карты."
    );
}

/// Each year's level is by its own version's bounds; when the bounds
/// moved, or last year had none, the count of high levels says so.
#[test]
fn moved_level_bounds_are_named_beside_the_high_levels() {
    let old = testkit::card();
    let mut card = old.clone();
    card.version = 2;
    card.levels = Some(crate::card::LevelRule {
        high_from_percent: 10,
        medium_from_percent: 5,
    });
    let text = |old: &Card| {
        let a = |period, facts: &[&str]| testkit::draft("Школа А", period, facts);
        let (a1, a2) = (
            a("2024/2025", &["1.8"]),
            a("2025/2026", &["1.8", "2.1", "3.1"]),
        );
        let archive = testkit::archive_of(&[(old, "a1", &a1), (&card, "a2", &a2)]);
        let (before, after) = (
            results(&archive, DEFAULT_CARD, "2024/2025"),
            results(&archive, DEFAULT_CARD, "2025/2026"),
        );
        let years = Years {
            old_card: old,
            before: &figures(&archive, old, &before),
            new_card: &card,
            after: &figures(&archive, &card, &after),
        };
        dynamics(&archive, &years, "2024/2025", &before, &after)
    };
    // 3 of 23 is 13,0 %: high by the new bounds, low by the old.
    let moved = text(&old);
    assert!(
        moved.contains(
            " Школ с высокой эффективностью: было 0, стало 1 (границы уровней изменились: было \
             «высокая — от 80\u{A0}%, средняя — от 60\u{A0}%», стало «высокая — от 10\u{A0}%, \
             средняя — от 5\u{A0}%»; уровень каждого года — по границам его версии)."
        ),
        "{moved}"
    );
    let mut none = old.clone();
    none.levels = None;
    let first = text(&none);
    assert!(
        first.contains(
            " Школ с высокой эффективностью: 1; в прошлом году карта уровней не определяла."
        ),
        "{first}"
    );
    // The same bounds on another version: the counts are by each year's
    // version, while the table of schools re-scores last year; said.
    let mut same = old.clone();
    same.levels = card.levels;
    let kept = text(&same);
    assert!(
        kept.contains(
            " Школ с высокой эффективностью: было 0, стало 1 (уровень каждого года — по его \
             версии карты)."
        ),
        "{kept}"
    );
}

#[test]
fn a_zone_counts_its_schools_in_the_genitive() {
    let zone = |earned, applicable| IndicatorFigure {
        code: "1.8".into(),
        earned,
        partly: 0,
        applicable,
        answered: applicable,
        value: crate::department::figures::Aggregate::Fact { yes: earned },
    };
    assert_eq!(
        zone_result(&zone(27, 41)),
        "выполнили 27 из 41 школы (65,9\u{A0}%)."
    );
    assert_eq!(
        zone_result(&zone(1, 11)),
        "выполнили 1 из 11 школ (9,1\u{A0}%)."
    );
    assert_eq!(
        zone_result(&zone(1, 3)),
        "выполнили 1 из 3 школ (33,3\u{A0}%)."
    );
}

#[test]
fn the_effectiveness_paragraph_counts_verdicts_and_plans() {
    use crate::department::effectiveness::{Group, IndicatorEffect};
    // Three addressed schools met it where one did, none of the others.
    let effect = |verdict| IndicatorEffect {
        code: "2.1".into(),
        addressed: Group {
            schools: 5,
            meeting: (1, 4),
            sums: None,
            with_shares: 0,
            by_check: 0,
            without_one: None,
            elsewhere: 0,
        },
        others: Group {
            schools: 5,
            meeting: (1, 1),
            sums: None,
            with_shares: 0,
            by_check: 0,
            without_one: None,
            elsewhere: 0,
        },
        verdict,
        basis: Basis::Met,
    };
    // Each list of effects as a measure's, the measure itself unread.
    let taken = |effects: Vec<Vec<IndicatorEffect>>| -> Vec<(Measure, Vec<IndicatorEffect>)> {
        (effects.into_iter())
            .map(|x| (Measure::blank(DEFAULT_CARD, "2024/2025"), x))
            .collect()
    };
    let text = effectiveness(
        "2024/2025",
        &taken(vec![
            vec![effect(Verdict::Better), effect(Verdict::MethodChanged)],
            vec![effect(Verdict::Better)],
        ]),
        (1, 4),
        &[],
    );
    assert_eq!(
        text,
        "По итогам 2024/2025 учебного года принято мер: 2, целевых показателей в них: 1, пар \
         «мера — показатель»: 3. Сравнение в адресных школах и в остальных (разность изменений \
         доли школ, выполняющих показатель): лучше, чем в остальных школах — 2, методика \
         изменилась — 1. Планы мероприятий школ: целевые показатели улучшились у 1 из \
         4 запланированных мероприятий (25,0\u{A0}%)."
    );
    // Each measure on indicators of its own: the pairs are the indicators.
    let on = |code: &str| IndicatorEffect {
        code: code.into(),
        ..effect(Verdict::Better)
    };
    assert!(effectiveness(
        "2024/2025",
        &taken(vec![vec![on("1.1"), on("2.1")], vec![on("3.1")]]),
        (0, 0),
        &[]
    )
    .starts_with(
        "По итогам 2024/2025 учебного года принято мер: 2, целевых показателей в них: 3. \
                 Сравнение в адресных школах"
    ));
    assert_eq!(
        effectiveness("2024/2025", &[], (0, 0), &[]),
        "По итогам 2024/2025 учебного года сведений о принятых муниципальных мерах нет."
    );
    // Named, each with its mark of how it went.
    let mut seminar = Measure::blank("nevinnomyssk", "2024/2025");
    seminar.title = "Семинар «Профпробы»".into();
    seminar.done = "проведён 14.11.2025, участвовали 5 из 5 ОО".into();
    let mut courses = Measure::blank("nevinnomyssk", "2024/2025");
    courses.title = "Курсы «Навигатор»".into();
    let said = effectiveness_without_points("2024/2025", &[&seminar, &courses]);
    assert_eq!(
        said,
        format!(
            "По итогам 2024/2025 учебного года принято мер: 2 — 1) {} (выполнение: проведён \
             14.11.2025, участвовали 5 из 5 ОО); 2) {}. Карта не даёт баллов и не собирает ни \
             долей, ни ответов «да/нет», ни процентов, поэтому ни меры, ни планы школ здесь по \
             показателям не оцениваются; как менялись значения показателей, показано в разделе \
             «Динамика».",
            seminar.named(),
            courses.named()
        )
    );
    // Measures without targets on a card that has some (recorded before
    // it had any, or a decision) are named with their marks too.
    assert_eq!(
        effectiveness(
            "2024/2025",
            &[(seminar.clone(), vec![]), (courses.clone(), vec![])],
            (0, 0),
            &[]
        ),
        format!(
            "По итогам 2024/2025 учебного года принято мер: 2 — 1) {} (выполнение: проведён \
             14.11.2025, участвовали 5 из 5 ОО); 2) {}. Целевые показатели у них не отмечены, \
             поэтому их результаты не с чем сравнить.",
            seminar.named(),
            courses.named()
        )
    );
    // One school crossing is the whole change: the paragraph says so.
    let mut thin = effect(Verdict::Better);
    thin.addressed.meeting = (1, 2);
    let said = effectiveness(
        "2024/2025",
        &taken(vec![vec![thin, effect(Verdict::Better)]]),
        (0, 0),
        &[],
    );
    assert!(
        said.contains("лучше, чем в остальных школах — 2 (из них ненадёжных: 1)."),
        "{said}"
    );
    // 1 → 2 of 5 against 1 → 1: one school fewer is no difference. Only
    // the reason that occurs is named.
    assert!(said.ends_with(
        " Причины ненадёжности (число выводов): держится на одной школе — 1. Такие выводы \
         отмечены в таблице и требуют подтверждения данными следующего года."
    ));
    // Without points, what is compared is said of each kind of value. Both
    // hang on one school (50 tenths without it, short of 100), and «да»
    // started at 0 of 3 against 1 of 3, 33,3 п. п. apart: three reasons
    // of two verdicts.
    let pooled = |basis, sums| IndicatorEffect {
        basis,
        addressed: Group {
            sums: Some(sums),
            with_shares: 3,
            without_one: Some((50, 400)),
            ..effect(Verdict::Better).addressed
        },
        others: Group {
            sums: Some(((1, 3), (1, 3))),
            with_shares: 3,
            ..effect(Verdict::Better).others
        },
        ..effect(Verdict::Better)
    };
    let said = effectiveness(
        "2024/2025",
        &taken(vec![vec![
            pooled(Basis::Yes, ((0, 3), (2, 3))),
            IndicatorEffect {
                code: "1.5".into(),
                ..pooled(Basis::Mean, ((1500, 3000), (2400, 3000)))
            },
        ]]),
        (0, 0),
        &[],
    );
    assert!(
        said.contains(
            "(разность изменений доли школ с ответом «да» и среднего значения по школам): \
             лучше, чем в остальных школах — 2 (из них ненадёжных: 2). Причины \
             ненадёжности (число выводов): держится на одной школе — 2, группы начинали с \
             разного уровня — 1; у некоторых выводов причин несколько."
        ),
        "{said}"
    );
}

/// A year shown by version 2 holds a school's file of version 1: the
/// sentence says whose years are compared by the shown version's rules.
#[test]
fn schools_on_another_version_are_named_in_the_dynamics() {
    use crate::department::dynamics::Years;
    use crate::department::figures::figures;
    use crate::department::results::results;
    let (v1, v2) = testkit::two_versions();
    let archive = testkit::archive_of(&[
        (&v1, "a1", &testkit::draft("Школа А", "2024/2025", &["1.8"])),
        (&v1, "b1", &testkit::draft("Школа Б", "2024/2025", &[])),
        (
            &v1,
            "a2",
            &testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]),
        ),
        (&v2, "b2", &testkit::draft("Школа Б", "2025/2026", &["1.9"])),
    ]);
    let (before, now) = (
        results(&archive, &v1.id, "2024/2025"),
        results(&archive, &v1.id, "2025/2026"),
    );
    assert!(now.iter().any(|r| r.other_version()), "А is on version 1");
    assert!(!before.iter().any(|r| r.other_version()));
    let (was, f) = (
        figures(&archive, &v1, &before),
        figures(&archive, &v2, &now),
    );
    let years = Years {
        old_card: &v1,
        before: &was,
        new_card: &v2,
        after: &f,
    };
    let text = dynamics(&archive, &years, "2024/2025", &before, &now);
    assert!(
        text.contains(
            " Школы, заполнившие не ту версию карты, по которой показан их год, сравнены по \
             правилам версии 2 за оба года."
        ),
        "{text}"
    );
    // The years on two versions: the municipality's shares each by its
    // own, the schools' changes by version 2's rules.
    assert!(
        text.contains(" — каждый год по своей версии карты (1 и 2); среди школ, участвовавших"),
        "{text}"
    );
    assert!(
        text.contains("(2), по правилам версии 2 результат улучшили"),
        "{text}"
    );
    let same: Vec<_> = now.iter().filter(|r| !r.other_version()).cloned().collect();
    let text = dynamics(&archive, &years, "2024/2025", &before, &same);
    assert!(!text.contains("не ту версию"), "{text}");
}

#[test]
fn the_figures_note_speaks_of_shares_only_where_the_card_has_them() {
    let pooled = "Значение доли по муниципалитету";
    let card = |id: &str| crate::card::builtin(id).unwrap().unwrap();
    assert!(figures_note(&card(crate::card::DEFAULT_CARD)).contains(pooled));
    // Nevinnomyssk's card has counts, percentages, yes/no and a list.
    let nv = figures_note(&card("nevinnomyssk"));
    assert!(!nv.contains(pooled), "{nv}");
    assert!(nv.starts_with("«Применим к школам» — к скольким школам"));
    let yes_no = "неподтверждённое «да» входит в значение как «нет»";
    assert!(nv.contains(yes_no), "{nv}");
    // Izhevsk's has one share and no yes/no question: pooled, and no «да».
    let iz = figures_note(&card("izhevsk"));
    assert!(iz.contains(pooled) && !iz.contains(yes_no), "{iz}");
    assert!(iz.contains("проверка не подтвердила значение)."), "{iz}");
    // «0 из 0» is a share's: said on Izhevsk's card, not Nevinnomyssk's.
    assert!(iz.contains("«0 из 0»") && !nv.contains("«0 из 0»"), "{nv}");
}

/// Seed 004 gives no points: its dynamics are the values, and the report
/// names those that fell by 10 п. п. or more, as its proposals do. By
/// hand: 1.1 «да» at both schools last year (2 of 2, 100 %), at one this
/// year (1 of 2, 50 %): −50,0 п. п.; 1.5 80 % → 70 %, −10,0 п. п.
#[test]
fn a_card_without_points_names_the_values_that_fell() {
    let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    let fact = testkit::of_kind(&nv, "fact").code.clone();
    let (a1, mut b1) = (
        testkit::draft("Школа А", "2024/2025", &[&fact]),
        testkit::draft("Школа Б", "2024/2025", &[&fact]),
    );
    let mut a2 = testkit::draft("Школа А", "2025/2026", &[&fact]);
    let mut b2 = testkit::draft("Школа Б", "2025/2026", &[]);
    b2.answers.insert(fact.clone(), testkit::fact(false));
    // A's satisfaction 80 % → 70 %: exactly 10 points, named (it was not,
    // while the proposals beside it named it).
    let (mut a1, percent) = (a1, testkit::of_kind(&nv, "percent").code.clone());
    let typed = |p: &str| crate::school::draft::RawAnswer {
        percent: p.into(),
        ..Default::default()
    };
    a1.answers.insert(percent.clone(), typed("80"));
    a2.answers.insert(percent, typed("70"));
    // A count's mean 5,0 → 4,5 per school: 10 % less, named apart.
    let count = testkit::of_kind(&nv, "count").code.clone();
    let counted = |n: &str| crate::school::draft::RawAnswer {
        count: n.into(),
        ..Default::default()
    };
    for (d, n) in [
        (&mut a1, "6"),
        (&mut b1, "4"),
        (&mut a2, "5"),
        (&mut b2, "4"),
    ] {
        d.answers.insert(count.clone(), counted(n));
    }
    let archive = testkit::archive(&nv, &[("a1", &a1), ("b1", &b1), ("a2", &a2), ("b2", &b2)]);
    let two = testkit::TwoYears::of(&archive, &nv);
    let text = dynamics(
        &archive,
        &two.years(&nv),
        "2024/2025",
        &two.before,
        &two.after,
    );
    assert!(
        text.ends_with(&format!(
            "(в прошлом году — 2, в этом — 2). На 10\u{A0}п.\u{A0}п. и больше снизились: \
             {fact} (да — у 2 из 2 (100,0\u{A0}%) → да — у 1 из 2 (50,0\u{A0}%); \
             −50,0\u{A0}п.\u{A0}п.), 1.5 (в среднем 80,0\u{A0}% → в среднем 70,0\u{A0}%; \
             −10,0\u{A0}п.\u{A0}п.). Среднее на организацию снизилось на 10\u{A0}% и больше: \
             {count} (в среднем 5,0 → 4,5 на организацию)."
        )),
        "{text}"
    );
}

/// The line under the schools' moved values speaks of «да» and «нет» only
/// on a card that asks them.
#[test]
fn the_schools_values_note_names_yes_and_no_where_asked() {
    let card = |id: &str| crate::card::builtin(id).unwrap().unwrap();
    assert_eq!(
        school_values_note(&card("izhevsk")),
        "По ответам школ, приславших карты за оба года; число или доля, не подтверждённые проверкой, не \
         сравниваются, как не входят и в значение по муниципалитету. Сначала — наибольшие \
         изменения."
    );
    let nev = school_values_note(&card("nevinnomyssk"));
    assert!(nev.contains(
        "; «да» и «нет» — как 100 % и 0 %, «да», не подтверждённое проверкой, — как «нет»; "
    ));
    assert!(nev.ends_with(
        " Сначала — доли и проценты, затем сменившиеся «да/нет»; в каждой части — наибольшие \
         изменения."
    ));
}

/// The method and the hint above the form say what a card's targets are
/// judged by: one kind in its own words, several listed.
#[test]
fn the_method_names_each_way_a_target_is_judged() {
    let plain = |text: String| text.replace('\u{A0}', " ");
    let method = plain(effects_method(&[Basis::Yes, Basis::Mean]));
    assert!(
        method.starts_with(
            "Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: \
             изменение доли школ с ответом «да» и среднего значения по школам у адресных минус \
             изменение у остальных; у показателя без баллов нет выполнивших его школ, а у \
             показателя, цель которого изменилась между годами, выполнение по разным целям не \
             сравнить, поэтому сравниваются его значения по группе школ (доля школ с ответом «да» и среднее \
             введённых школами процентов), и только у школ, где значение есть в оба года (их \
             число указано в скобках). Разность"
        ),
        "{method}"
    );
    let seed_001 = plain(effects_method(&[Basis::Pupils]));
    assert!(seed_001.contains("сравниваются доли, и только у школ, где доля есть в оба года"));
    assert_eq!(effects_method(&[]), effects_method(&[Basis::Met]));
    // After the schools meeting it, a comma closes its phrase.
    for (bases, said) in [
        (
            &[Basis::Met, Basis::Pupils][..],
            "изменение доли школ, выполняющих показатель, и общей доли обучающихся у адресных",
        ),
        (
            &[Basis::Met, Basis::Pupils, Basis::Mean],
            "изменение доли школ, выполняющих показатель, общей доли обучающихся и среднего \
             значения по школам у адресных",
        ),
    ] {
        let method = effects_method(bases);
        assert!(method.contains(said), "{method}");
    }
    let hint = |id: &str| targets_hint(&crate::card::builtin(id).unwrap().unwrap());
    assert_eq!(
        hint("nevinnomyssk"),
        "Карта не даёт баллов: целевыми показателями меры могут быть вопросы «да/нет» и проценты, \
         и через год здесь будет видно, выросли ли их значения в адресных школах больше, чем в \
         остальных."
    );
    assert_eq!(
        hint("izhevsk"),
        "Карта не даёт баллов: целевыми показателями меры могут быть доли, и через год здесь \
         будет видно, выросла ли доля обучающихся в адресных школах больше, чем в остальных."
    );
    assert!(hint(DEFAULT_CARD).starts_with("Меры, адресованные школе, попадут в её письмо"));
    let mut counts = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    for d in &mut counts.directions {
        for c in &mut d.criteria {
            c.indicators
                .retain(|i| matches!(i.rule, crate::card::Rule::Count { .. }));
        }
    }
    assert!(targets_hint(&counts).starts_with("Карта не даёт баллов и не собирает ни долей"));
}

/// A year with fewer than three quarters of last year's schools is said to
/// be partly collected; one school fewer is not.
#[test]
fn a_year_half_collected_is_said_so() {
    use super::year_over_year::fewer_schools;
    assert_eq!(
        fewer_schools(12, 1),
        " Карт этого года меньше трёх четвертей прошлогоднего числа (1 против 12): возможно, \
         собраны не все, и сравнение по муниципалитету предварительное."
    );
    assert_eq!(fewer_schools(1, 0), " Карт этого года ещё нет.");
    assert_eq!(fewer_schools(0, 0), "");
    // 9 of 12 is three quarters exactly: not said; 8 is.
    assert_eq!(fewer_schools(12, 9), "");
    assert_eq!(fewer_schools(12, 11), "");
    assert_eq!(fewer_schools(12, 13), "");
    assert!(!fewer_schools(12, 8).is_empty());
}

/// Seed 002's informational indicators have numbers under «Применим к
/// школам» though they are in no maximum: the note says what they count.
#[test]
fn the_figures_note_says_what_an_indicator_without_points_counts() {
    let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
    let said = " (показатель без баллов — к скольким школам он относится)";
    assert!(figures_note(&lk).contains(said));
    let card = testkit::card();
    assert!(card.indicators().all(|i| i.points > 0));
    assert!(!figures_note(&card).contains(said));
    // Growth is named where the card has it: Leninsk-Kuznetsky's, not the
    // 23-point card's.
    let growth = "у показателя роста школа не указала прошлый год";
    assert!(figures_note(&lk).contains(growth));
    assert!(!figures_note(&card).contains(growth));
}

/// «Динамика» without a year before: where that year's files are of
/// another card, it says so instead of asking for files that are there.
#[test]
fn a_year_before_on_another_card_is_said_to_be_another_method() {
    let card = testkit::card();
    let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    let now = testkit::draft("Школа А", "2025/2026", &[]);
    let before = testkit::draft("Школа А", "2024-2025", &[]);
    let archive = testkit::archive_of(&[(&card, "now", &now), (&nv, "before", &before)]);
    assert_eq!(
        nothing_to_compare(&archive, &card, Some("2025/2026")),
        format!(
            "За 2024/2025 учебный год загружены карты по другой методике («{}»): с картой «{}» \
             они не сравниваются — у них другие показатели и правила. Динамика сравнивает годы \
             одной карты и её версий.",
            nv.title, card.title
        )
    );
    // Nothing of that year at all: the files are asked for.
    let alone = testkit::archive(&card, &[("now", &now)]);
    assert!(nothing_to_compare(&alone, &card, Some("2025/2026"))
        .starts_with("Для сравнения нужны карты хотя бы за два учебных года."));
    assert!(nothing_to_compare(&archive, &card, None).starts_with("Для сравнения нужны"));
}

/// Schools without a pair in the other year: named; with both years
/// having some, where to place a renamed one.
#[test]
fn unpaired_schools_are_named() {
    use super::{unpaired_note, unpaired_said};
    let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let (new, gone) = (names(&["СОШ № 19", "СОШ № 20"]), names(&["Гимназия № 14"]));
    assert_eq!(
        unpaired_said(&new, &gone).as_deref(),
        Some(
            "Карту представили не в оба года: только в этом — 2 (СОШ № 19, СОШ № 20), только в \
             прошлом — 1 (Гимназия № 14); в сравнение лет эти школы не вошли."
        )
    );
    assert!(unpaired_note(&new, &gone)
        .unwrap()
        .contains("укажите их на вкладке «Школы» («… — это …» над списком)"));
    assert_eq!(
        unpaired_said(&new[..1], &[]).as_deref(),
        Some("Карту представили не в оба года: только в этом — 1 (СОШ № 19); в сравнение лет эта школа не вошла.")
    );
    assert_eq!(
        unpaired_note(&new, &[]),
        None,
        "new schools only: nothing to place"
    );
    assert_eq!(unpaired_said(&[], &[]), None);
    let many: Vec<String> = (1..=12).map(|n| format!("Школа {n}")).collect();
    assert!(unpaired_said(&[], &many).unwrap().contains(
        "только в прошлом — 12 (Школа 1, Школа 2, Школа 3, Школа 4, Школа 5, Школа 6, Школа 7, \
         Школа 8, Школа 9, Школа 10 и ещё 2)"
    ));
    // two_years has В this year only.
    let card = testkit::card();
    let archive = testkit::two_years(&card);
    let of = |p| results(&archive, &card.id, p);
    assert_eq!(
        unpaired(&archive, &of("2024/2025"), &of("2025/2026")),
        (names(&["Школа В"]), vec![])
    );
    // В sent a card the year before last too: back, not new.
    let draft = testkit::draft;
    let archive = testkit::archive(
        &card,
        &[
            ("a1", &draft("Школа А", "2024/2025", &["1.8"])),
            ("a2", &draft("Школа А", "2025/2026", &["1.8"])),
            ("c0", &draft("Школа В", "2023/2024", &[])),
            ("c2", &draft("Школа В", "2025/2026", &[])),
        ],
    );
    let of = |p| results(&archive, &card.id, p);
    assert_eq!(
        unpaired(&archive, &of("2024/2025"), &of("2025/2026")).0,
        ["Школа В: сдавала карту за 2023/2024 учебный год"]
    );
}

/// Школа 3 sent both years; last year a cut-off copy of its file was also
/// refused (its good copy came after). Гимназия 3 is new this year: the
/// refused copy is Школа 3's, not Гимназия 3's (a review: matched among
/// the unpaired schools alone, it was pinned on the only one with that
/// number).
#[test]
fn a_refused_copy_of_a_paired_school_is_not_pinned_on_a_new_one() {
    use crate::department::view::import::{refusals, ImportRow};
    use crate::error::ImportError;
    let card = testkit::card();
    let mut archive = testkit::archive(
        &card,
        &[
            ("a1", &testkit::draft("Школа 3", "2024/2025", &["1.8"])),
            ("a2", &testkit::draft("Школа 3", "2025/2026", &["1.8"])),
            ("g2", &testkit::draft("Гимназия 3", "2025/2026", &["1.8"])),
        ],
    );
    let cut = ImportRow::refused(
        "profkarta_Школа_3_2024-2025.json".into(),
        ImportError::CutOff,
        Some(b"{\"pay"),
    );
    archive.note_refused(refusals(&archive, &[cut], "2025-10-02T10:00:00Z"));
    let of = |p| results(&archive, &card.id, p);
    let (now_only, _) = unpaired(&archive, &of("2024/2025"), &of("2025/2026"));
    assert_eq!(now_only, ["Гимназия 3"]);
}

/// Школа № 3 is new this year, and its file of last year came cut off, its
/// name alone saying whose it was: it did send one. A cut-off file of this
/// year, or one whose name gives no year, says nothing of last year.
#[test]
fn a_school_whose_other_years_file_was_refused_says_so() {
    use crate::department::view::import::{refusals, ImportRow};
    let card = testkit::card();
    let mut archive = testkit::archive(
        &card,
        &[
            ("a1", &testkit::draft("Школа № 1", "2024/2025", &["1.8"])),
            ("a2", &testkit::draft("Школа № 1", "2025/2026", &["1.8"])),
            ("c2", &testkit::draft("Школа № 3", "2025/2026", &["1.8"])),
        ],
    );
    let cut = |file: &str| {
        ImportRow::refused(
            file.into(),
            crate::error::ImportError::CutOff,
            Some(b"{\"pay"),
        )
    };
    let rows = [
        cut("profkarta_Школа_3_2025-2026.json"),
        cut("profkarta_Школа_3.json"),
    ];
    archive.note_refused(refusals(&archive, &rows, "2026-10-02T10:00:00Z"));
    let of = |p| results(&archive, &card.id, p);
    let (new, gone) = unpaired(&archive, &of("2024/2025"), &of("2025/2026"));
    assert_eq!((new, gone), (vec!["Школа №\u{A0}3".to_owned()], vec![]));
    let rows = [cut("00005_profkarta_Школа_3_2024-2025.json")];
    archive.note_refused(refusals(&archive, &rows, "2026-10-02T10:00:00Z"));
    let of = |p| results(&archive, &card.id, p);
    let (new, _) = unpaired(&archive, &of("2024/2025"), &of("2025/2026"));
    assert_eq!(
        new,
        ["Школа №\u{A0}3: файл за 2024/2025 учебный год не принят"]
    );
}
