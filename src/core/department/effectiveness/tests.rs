//! Hand-computed cases: six schools of seed 003's card over two years, three
//! addressed by a measure about 1.1 (a share, 30 % to earn) and 2.1 (a fact).

use super::*;
use crate::card::{Basis, Rule, DEFAULT_CARD};
use crate::department::measures::{Audience, Measure};
use crate::department::results::results;
use crate::school::draft::{Draft, RawAnswer};
use crate::school::plan::PlanRow;
use crate::testkit::{self, share};

const BEFORE: &str = "2024/2025";
const AFTER: &str = "2025/2026";

/// A school's file: 2.1 held or not, 1.1 as `n` of 10 pupils.
fn school(name: &str, period: &str, fact_21: bool, n: &str) -> Draft {
    let facts: &[&str] = if fact_21 { &["2.1"] } else { &[] };
    let mut d = testkit::draft(name, period, facts);
    d.answers.insert("1.1".into(), share(n, "10"));
    d
}

/// Six schools, `a`–`c` addressed; `after(i)` gives school i's second year.
fn archive_with(card_after: &Card, after: impl Fn(usize, &str) -> Draft) -> Archive {
    let card = testkit::card();
    let names = ["a", "b", "c", "d", "e", "f"];
    let mut files = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut first = school(name, BEFORE, false, "1");
        if i == 0 {
            first.plan = vec![
                PlanRow {
                    measure: "Профпробы для 8–9 классов".into(),
                    indicators: vec!["2.1".into()],
                    ..PlanRow::default()
                },
                PlanRow {
                    measure: "Встреча с родителями".into(),
                    indicators: vec!["1.8".into()],
                    ..PlanRow::default()
                },
            ];
        }
        files.push((card.clone(), format!("{name}1"), first));
        files.push((card_after.clone(), format!("{name}2"), after(i, name)));
    }
    let refs: Vec<(&Card, &str, &Draft)> =
        files.iter().map(|(c, id, d)| (c, id.as_str(), d)).collect();
    testkit::archive_of(&refs)
}

/// a–c: 2.1 now held and 1.1 at 4 of 10 (40 % ≥ 30 %); d–f as before.
fn first_three_improve(card: &Card) -> Archive {
    archive_with(card, |i, name| match i < 3 {
        true => school(name, AFTER, true, "4"),
        false => school(name, AFTER, false, "1"),
    })
}

fn measure(archive: &Archive, addressed: &[&str]) -> Measure {
    let mut m = Measure::blank(DEFAULT_CARD, BEFORE);
    m.title = "Семинар для заместителей по ВР".into();
    m.indicators = vec!["1.1".into(), "2.1".into()];
    m.audience = Audience::Schools(
        results(archive, DEFAULT_CARD, BEFORE)
            .into_iter()
            .filter(|r| addressed.contains(&r.name()))
            .map(|r| r.school)
            .collect(),
    );
    m
}

fn effects(archive: &Archive, new_card: &Card, m: &Measure) -> Vec<IndicatorEffect> {
    over_years(archive, &testkit::card(), new_card, |span| {
        measure_effect(span, m, &[])
    })
}

/// `f` over the two years of `archive`, each on its card.
fn over_years<T>(
    archive: &Archive,
    old_card: &Card,
    new_card: &Card,
    f: impl FnOnce(&Span) -> T,
) -> T {
    let (before, after) = (
        results(archive, DEFAULT_CARD, BEFORE),
        results(archive, DEFAULT_CARD, AFTER),
    );
    f(&Span {
        archive,
        old_card,
        before: &before,
        new_card,
        after: &after,
    })
}

#[test]
fn targeted_schools_improving_while_others_stay_flat_is_an_improvement() {
    let card = testkit::card();
    let archive = first_three_improve(&card);
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &card, &m);
    assert_eq!(e.len(), 2);
    let e11 = &e[0];
    assert_eq!(e11.code, "1.1");
    // Addressed: 0 of 3 → 3 of 3, +100 п. п.; others 0 of 3 → 0 of 3.
    assert_eq!(e11.addressed.meeting, (0, 3));
    assert_eq!(e11.others.meeting, (0, 0));
    assert_eq!(e11.difference(), Some(1000));
    assert_eq!(e11.verdict, Verdict::Better);
    // Σ/Σ: 3 of 30 (10,0 %) → 12 of 30 (40,0 %); others 3/30 → 3/30.
    assert_eq!(e11.addressed.sums, Some(((3, 30), (12, 30))));
    assert_eq!(
        e11.numbers(),
        "адресные ОО (3): выполняли 0 из 3 → 3 из 3 (+100,0\u{A0}п.\u{A0}п.); общая доля 10,0\u{A0}% → 40,0\u{A0}%; \
         остальные ОО (3): выполняли 0 из 3 → 0 из 3 (0,0\u{A0}п.\u{A0}п.); общая доля 10,0\u{A0}% → 10,0\u{A0}%"
    );
    assert_eq!(e[1].code, "2.1");
    assert_eq!(e[1].verdict, Verdict::Better);
    assert_eq!(e11.verdict.label(), "лучше, чем в остальных школах");
}

#[test]
fn everyone_improving_alike_is_no_difference() {
    let card = testkit::card();
    let archive = archive_with(&card, |_, name| school(name, AFTER, true, "4"));
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &card, &m);
    // Both groups 0 of 3 → 3 of 3: the difference of differences is 0.
    assert_eq!(e[1].addressed.change(), 1000);
    assert_eq!(e[1].others.change(), 1000);
    assert_eq!(e[1].difference(), Some(0));
    assert_eq!(e[1].verdict, Verdict::NoDifference);
    // Named for the report's proposals once, though two measures aimed at it.
    let effects = Effects {
        after_period: BEFORE.into(),
        measures: vec![(m.clone(), e.clone()), (m, e)],
        plans: Vec::new(),
        missing: Vec::new(),
    };
    assert_eq!(effects.not_better(), ["1.1", "2.1"]);
}

#[test]
fn addressed_schools_falling_behind_is_a_worsening() {
    let card = testkit::card();
    // Only the others improve.
    let archive = archive_with(&card, |i, name| school(name, AFTER, i >= 3, "1"));
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &card, &m);
    assert_eq!(e[1].difference(), Some(-1000));
    assert_eq!(e[1].verdict, Verdict::Worse);
}

#[test]
fn too_few_schools_on_one_side_give_no_verdict() {
    let card = testkit::card();
    let archive = archive_with(&card, |i, name| school(name, AFTER, i < 2, "4"));
    // Five addressed, one other.
    let m = measure(&archive, &["a", "b", "c", "d", "e"]);
    let e = effects(&archive, &card, &m);
    assert_eq!((e[1].addressed.schools, e[1].others.schools), (5, 1));
    assert_eq!(e[1].verdict, Verdict::TooFew);
    assert_eq!(e[1].verdict.label(), "мало данных (менее 3 школ)");
    assert_eq!(e[1].difference(), None);
    // The proposals name it, with both its indicators (one other school
    // for each), to be judged by the reports.
    let past = Effects {
        after_period: BEFORE.into(),
        measures: vec![(m.clone(), e.clone())],
        plans: Vec::new(),
        missing: Vec::new(),
    };
    assert_eq!(
        past.past().too_few,
        ["методическое мероприятие «Семинар для заместителей по ВР» (1.1, 2.1)"]
    );
    // A measure for every school has no one to be compared with.
    let all = measure(&archive, &["a", "b", "c", "d", "e", "f"]);
    let e = effects(&archive, &card, &all);
    assert!(
        e[1].numbers()
            .ends_with("; остальных ОО нет: мера адресована всем"),
        "{}",
        e[1].numbers()
    );
    assert_eq!(e[1].verdict, Verdict::NoOthers);
    assert_eq!(
        e[1].verdict.label(),
        "не с кем сравнить: мера для всех школ"
    );
    // The report's proposals hear of it apart from «no better».
    let effects = Effects {
        after_period: BEFORE.into(),
        measures: vec![(all, e.clone())],
        plans: Vec::new(),
        missing: Vec::new(),
    };
    let past = effects.past();
    assert!(past.for_all.contains(&"2.1"), "{past:?}");
    assert!(past.not_better.is_empty(), "{past:?}");
    let named = effects.measures[0].0.named();
    assert!(
        (past.behind.iter()).any(|b| b.code == "2.1" && b.measure == named),
        "{past:?}"
    );
}

/// 1.1 applies only to the three addressed schools (the check found it
/// does not apply to the others, as an indicator of grades 10–11 does not
/// apply to a school without them): there are too few to compare with,
/// not «мера для всех школ».
#[test]
fn others_the_indicator_does_not_apply_to_are_too_few_not_nobody() {
    let card = testkit::card();
    let mut archive = archive_with(&card, |i, name| school(name, AFTER, i < 2, "4"));
    for id in ["d1", "e1", "f1"] {
        archive.set_decision(
            id,
            "1.1",
            Some(crate::department::review::Decision::NotApplicable),
        );
    }
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &card, &m);
    assert_eq!(e[0].code, "1.1");
    assert_eq!((e[0].addressed.schools, e[0].others.schools), (3, 0));
    assert_eq!(e[0].verdict, Verdict::TooFew);
}

/// A year of two versions, version 2 numbering 1.1 as 1.10: a school on
/// version 1 stands on 1.10 with the share it typed under 1.1.
#[test]
fn a_share_on_an_older_version_is_read_under_its_own_number() {
    let (mut v1, mut v2) = testkit::two_versions();
    for card in [&mut v1, &mut v2] {
        card.indicators_mut().find(|i| i.code == "1.1").unwrap().id = "tests".into();
    }
    v2.indicators_mut().find(|i| i.code == "1.1").unwrap().code = "1.10".into();
    let archive = testkit::archive_of(&[
        (&v1, "a", &school("a", BEFORE, false, "3")),
        (&v2, "b", &testkit::draft("b", BEFORE, &[])),
    ]);
    let before = results(&archive, DEFAULT_CARD, BEFORE);
    let a = before.iter().find(|r| r.name() == "a").unwrap();
    let standing = standing(&archive, &v2, a, "1.10", Basis::Met).expect("1.10 applies to a");
    assert_eq!(standing.share, Some((3, 10)));
    assert!(standing.earned, "30 % earns 1.1");
}

/// A school on version 1 (1.1 from 30 %) in a year shown on version 2
/// (from 40 %): its 30 % does not meet 1.1 here, as «Динамика» counts it
/// (a walk-through's analysis counted it met, 4 of 5 beside 3 of 7).
#[test]
fn a_school_on_an_older_version_is_judged_by_the_rules_shown() {
    let (v1, v2) = testkit::raised_threshold(40);
    let archive = testkit::archive_of(&[
        (&v1, "a", &school("a", BEFORE, false, "3")),
        (&v2, "b", &school("b", BEFORE, false, "4")),
    ]);
    let before = results(&archive, DEFAULT_CARD, BEFORE);
    let of = |name: &str| before.iter().find(|r| r.name() == name).unwrap();
    let a = standing(&archive, &v2, of("a"), "1.1", Basis::Met).expect("1.1 applies to a");
    assert_eq!(a.share, Some((3, 10)));
    assert!(!a.earned, "30 % is short of 40 %");
    let b = standing(&archive, &v2, of("b"), "1.1", Basis::Met).expect("1.1 applies to b");
    assert!(b.earned);
}

/// Last year's version gave 1.1 no points, this year's one: nobody met
/// it last year, so the schools meeting it would compare this year with
/// nothing. It is judged by the pupils' share, as on a card without
/// points. By hand: a–c 3/30 = 10,0 % → 12/30 = 40,0 % (+30,0), d–f
/// 10,0 % → 10,0 % (0,0): +30,0, «лучше».
#[test]
fn an_indicator_without_points_last_year_is_judged_by_the_share() {
    let v1 = testkit::card_without_points("1.1");
    let mut v2 = testkit::card();
    v2.version = 2;
    let files: Vec<(&Card, String, Draft)> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .enumerate()
        .flat_map(|(i, name)| {
            let after = if i < 3 { "4" } else { "1" };
            [
                (&v1, format!("{name}1"), school(name, BEFORE, false, "1")),
                (&v2, format!("{name}2"), school(name, AFTER, false, after)),
            ]
        })
        .collect();
    let refs: Vec<(&Card, &str, &Draft)> = files
        .iter()
        .map(|(c, id, d)| (*c, id.as_str(), d))
        .collect();
    let archive = testkit::archive_of(&refs);
    let m = measure(&archive, &["a", "b", "c"]);
    let e = over_years(&archive, &v1, &v2, |span| measure_effect(span, &m, &[]));
    assert_eq!(e[0].code, "1.1");
    assert_eq!(e[0].basis, Basis::Pupils);
    assert_eq!(e[0].difference(), Some(300));
    assert_eq!(e[0].verdict, Verdict::Better);
}

/// Version 2 asks 50 % for 1.1 where version 1 asked 30 %: who met it
/// compares no longer, the pupils' share does. By hand: a–c 3/30 = 10,0 %
/// → 12/30 = 40,0 % (+30,0), d–f the same: ±0, no difference.
#[test]
fn an_indicator_whose_target_changed_is_judged_by_its_value() {
    let mut v2 = testkit::card();
    v2.version = 2;
    let first = &mut v2.directions[0].criteria[0].indicators[0];
    if let Rule::Share {
        threshold_percent, ..
    } = &mut first.rule
    {
        *threshold_percent = Some(50);
    }
    let archive = archive_with(&v2, |i, name| school(name, AFTER, i < 3, "4"));
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &v2, &m);
    assert_eq!(e[0].code, "1.1");
    assert_eq!(e[0].basis, Basis::Pupils);
    assert_eq!(
        (e[0].addressed.sums, e[0].others.sums),
        (Some(((3, 30), (12, 30))), Some(((3, 30), (12, 30))))
    );
    assert_eq!(e[0].difference(), Some(0));
    assert_eq!(e[0].verdict, Verdict::NoDifference);
    assert_eq!(e[1].verdict, Verdict::Better, "2.1 did not change");
    // Another kind (2.1 a fact, then a count) has no value to compare.
    let (_, v2) = testkit::two_versions();
    let archive = archive_with(&v2, |_, name| school(name, AFTER, false, "4"));
    let e = effects(&archive, &v2, &measure(&archive, &["a", "b", "c"]));
    assert_eq!(
        (e[1].code.as_str(), e[1].verdict),
        ("2.1", Verdict::MethodChanged)
    );
    assert_eq!(e[1].verdict.label(), "методика изменилась");
}

/// Version 2 drops 1.1: the measure's 1.1 is «исключён из карты», not a
/// change of method.
#[test]
fn an_indicator_the_new_card_dropped_is_said_so() {
    let mut v2 = testkit::card();
    v2.version = 2;
    v2.directions[0].criteria[0].indicators.remove(0);
    v2.recount();
    let archive = archive_with(&v2, |i, name| {
        let mut after = school(name, AFTER, i < 3, "4");
        after.answers.remove("1.1");
        after
    });
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &v2, &m);
    assert_eq!(
        (e[0].code.as_str(), e[0].verdict),
        ("1.1", Verdict::Removed)
    );
    assert_eq!(e[0].verdict.label(), "исключён из карты");
    assert_eq!(
        e[0].numbers(),
        "показателя нет в карте этого года: не сравнивается"
    );
}

#[test]
fn a_schools_plan_counts_measures_whose_indicators_improved() {
    let card = testkit::card();
    let archive = archive_with(&card, |i, name| school(name, AFTER, i < 3, "1"));
    // School a planned 2.1 (now held: improved) and 1.8 (not held either
    // year: the same), so 1 of 2.
    let plans = over_years(&archive, &card, &card, plan_effects);
    assert_eq!(
        plans,
        [PlanEffect {
            school: "a".into(),
            counted: 2,
            improved: 1
        }]
    );
    assert_eq!(plans_total(&plans), (1, 2));
}

/// Version 2 raises 1.1's threshold from 30 to 50 %: a plan on 1.1 is
/// judged by the pupils' share, as the school's page judges it, not left
/// out, nor by who met which threshold. By hand: a 4 of 10 (40,0 %, met
/// 30 %) → 9 of 20 (45,0 %, short of 50 %): improved.
#[test]
fn a_plan_on_an_indicator_whose_target_moved_is_judged_by_its_share() {
    let (v1, v2) = testkit::raised_threshold(50);
    let mut first = school("a", BEFORE, false, "4");
    first.plan = vec![PlanRow {
        measure: "Профпробы в колледже".into(),
        indicators: vec!["1.1".into()],
        ..PlanRow::default()
    }];
    let mut second = school("a", AFTER, false, "9");
    second.answers.insert("1.1".into(), share("9", "20"));
    let archive = testkit::archive_of(&[(&v1, "a1", &first), (&v2, "a2", &second)]);
    let plans = over_years(&archive, &v1, &v2, plan_effects);
    assert_eq!(
        plans,
        [PlanEffect {
            school: "a".into(),
            counted: 1,
            improved: 1
        }]
    );
}

/// Last year mixed two versions ([`testkit::two_versions`]): school a
/// planned its version 1's 1.8, which version 2 numbers 1.9, and earned it
/// this year.
#[test]
fn a_plan_on_an_older_version_is_read_by_its_own_numbers() {
    let (v1, v2) = testkit::two_versions();
    let mut planned = testkit::draft("a", BEFORE, &[]);
    planned.plan = vec![PlanRow {
        measure: "Встреча с родителями".into(),
        indicators: vec!["1.8".into()],
        ..PlanRow::default()
    }];
    let archive = testkit::archive_of(&[
        (&v1, "a1", &planned),
        (&v2, "b1", &testkit::draft("b", BEFORE, &[])),
        (&v2, "a2", &testkit::draft("a", AFTER, &["1.9"])),
        (&v2, "b2", &testkit::draft("b", AFTER, &[])),
    ]);
    let expected = PlanEffect {
        school: "a".into(),
        counted: 1,
        improved: 1,
    };
    assert_eq!(over_years(&archive, &v2, &v2, plan_effects), [expected]);
}

/// Seven addressed schools and eight others, as in a walk-through: one
/// addressed school crossed the threshold (0 → 1 of 7), none of the others,
/// while the addressed schools' pupils' share fell. «Лучше» stands, and
/// says what it rests on.
#[test]
fn a_verdict_on_one_school_says_so() {
    let effect = IndicatorEffect {
        code: "1.1".into(),
        addressed: Group {
            schools: 7,
            meeting: (0, 1),
            sums: Some(((260, 1000), (250, 1000))),
            with_shares: 7,
            by_check: 0,
            without_one: None,
            elsewhere: 0,
        },
        others: Group {
            schools: 8,
            meeting: (0, 0),
            sums: Some(((300, 1000), (300, 1000))),
            with_shares: 8,
            by_check: 0,
            without_one: None,
            elsewhere: 0,
        },
        verdict: Verdict::Better,
        basis: Basis::Met,
    };
    // +14,3 п. п. against 0.
    assert_eq!(effect.difference(), Some(143));
    assert_eq!(
        effect.verdict_text(),
        "лучше, чем в остальных школах (вывод ненадёжен: держится на одной школе; \
         по общей доле обучающихся разность другого знака: −1,0\u{A0}п.\u{A0}п.)"
    );
    // Three schools crossing, pupils' share rising too: nothing to add.
    let firm = IndicatorEffect {
        addressed: Group {
            meeting: (0, 3),
            sums: Some(((260, 1000), (300, 1000))),
            ..effect.addressed
        },
        ..effect.clone()
    };
    assert_eq!(firm.caveat(), None);
    assert_eq!(firm.verdict_text(), "лучше, чем в остальных школах");
}

/// Σ/Σ over fewer schools than the group's count says over how many.
#[test]
fn sums_over_fewer_schools_say_so() {
    let group = Group {
        schools: 5,
        meeting: (1, 2),
        sums: Some(((10, 100), (20, 100))),
        with_shares: 3,
        by_check: 0,
        without_one: None,
        elsewhere: 0,
    };
    assert_eq!(
        group.describe(),
        "выполняли 1 из 5 → 2 из 5 (+20,0\u{A0}п.\u{A0}п.); общая доля (3 ОО с долей в оба года): \
         10,0\u{A0}% → 20,0\u{A0}%"
    );
}

/// «Держится на одной школе» asks whether one school fewer would undo the
/// verdict, not how far each group moved.
#[test]
fn one_school_is_whether_one_school_less_undoes_the_verdict() {
    let group = |schools, meeting| Group {
        schools,
        meeting,
        ..Group::default()
    };
    let effect = |addressed, others, verdict| IndicatorEffect {
        code: "1.1".into(),
        addressed,
        others,
        verdict,
        basis: Basis::Met,
    };
    // 0 → 2 of 20 (+10,0) against no change: one school less is +5,0.
    let two_of_twenty = effect(group(20, (0, 2)), group(5, (0, 0)), Verdict::Better);
    assert_eq!(two_of_twenty.difference(), Some(100));
    assert!(two_of_twenty.caveat().is_some());
    // 1 → 0 of 5 against 0 → 1 of 5 (−40,0): either school alone still
    // gives −20,0, «хуже».
    let both_ways = effect(group(5, (1, 0)), group(5, (0, 1)), Verdict::Worse);
    assert_eq!(both_ways.difference(), Some(-400));
    assert_eq!(both_ways.caveat(), None);
    // 0 → 1 of 5 against 0 → 0 of 5 (+20,0): one school less is 0.
    let one = effect(group(5, (0, 1)), group(5, (0, 0)), Verdict::Better);
    assert_eq!(
        one.verdict_text(),
        "лучше, чем в остальных школах (вывод ненадёжен: держится на одной школе)"
    );
    // 1 → 2 of 3 against 6 → 7 of 10 (+23,3): one school less is −10,0,
    // «хуже»: undone past «нет разницы» (a walk-through's 3.2).
    let three = effect(group(3, (1, 2)), group(10, (6, 7)), Verdict::Better);
    assert_eq!(three.difference(), Some(233));
    assert!(three
        .caveat()
        .is_some_and(|c| c.contains("держится на одной школе")));
    // The same «хуже» with the others' one school: undone too.
    let worse = effect(group(5, (0, 0)), group(5, (0, 1)), Verdict::Worse);
    assert!(worse.caveat().is_some());
    // Σ/Σ alone, and equal Σ/Σ changes say nothing.
    let shares = |a: ((u64, u64), (u64, u64)), o: ((u64, u64), (u64, u64))| IndicatorEffect {
        addressed: Group {
            sums: Some(a),
            ..group(5, (0, 3))
        },
        others: Group {
            sums: Some(o),
            ..group(5, (0, 0))
        },
        ..one.clone()
    };
    let against = shares(((30, 100), (25, 100)), ((30, 100), (30, 100)));
    assert_eq!(
        against.caveat().as_deref(),
        Some("вывод ненадёжен: по общей доле обучающихся разность другого знака: −5,0\u{A0}п.\u{A0}п.")
    );
    let level = shares(((30, 100), (30, 100)), ((30, 100), (30, 100)));
    assert_eq!(level.caveat(), None);
}

/// The difference of differences is rounded once, from the exact changes:
/// each change rounded first, then subtracted, was a tenth off, and could
/// cross the bound of a verdict.
#[test]
fn the_difference_of_differences_is_rounded_once() {
    let group = |schools, meeting| Group {
        schools,
        meeting,
        ..Group::default()
    };
    // −6/7 = −85,71 and −22/23 = −95,65 п. п.: shown −85,7 and −95,7, whose
    // difference is +10,0; the exact one is +9,94, not a notable difference.
    let (addressed, others) = (group(7, (6, 0)), group(23, (22, 0)));
    assert_eq!((addressed.change(), others.change()), (-857, -957));
    assert_eq!(addressed.minus(&others), 99);
    assert_eq!(
        verdict(&addressed, &others, false, false),
        Verdict::NoDifference
    );
    // The pupils' shares of a walk-through's report: 161/380 → 148/383
    // (−3,726) against 440/779 → 439/735 (+3,245): −6,971, so −7,0 (the
    // changes rounded first gave −6,9).
    let effect = IndicatorEffect {
        code: "1.2".into(),
        addressed: Group {
            sums: Some(((161, 380), (148, 383))),
            ..group(4, (0, 4))
        },
        others: Group {
            sums: Some(((440, 779), (439, 735))),
            ..group(8, (4, 0))
        },
        verdict: Verdict::Better,
        basis: Basis::Met,
    };
    // The addressed met none of it the year before, the others half: that
    // alone lifts the addressed more.
    assert_eq!(
        effect.caveat().unwrap(),
        "вывод ненадёжен: по общей доле обучающихся разность другого знака: −7,0\u{A0}п.\u{A0}п.; \
         адресные ОО начинали ниже остальных (0,0\u{A0}% против 50,0\u{A0}%), а у начинавших ниже \
         рост обычно больше и без меры"
    );
}

/// A walk-through's Izhevsk measure for the weakest schools: 373/2451
/// (15,2 %) → 1572/2425 (64,8 %) against 5943/9427 (63,0 %) → 3701/9150
/// (40,4 %), «лучше» by +72,2, with a start 47,8 п. п. lower. A gap
/// under 25 п. п., or one that would take the verdict the other way, is
/// not said.
#[test]
fn groups_that_started_apart_are_said_so() {
    let shares = |a, o, verdict| IndicatorEffect {
        code: "П-1.1".into(),
        addressed: Group {
            sums: Some(a),
            with_shares: 7,
            schools: 7,
            ..Group::default()
        },
        others: Group {
            sums: Some(o),
            with_shares: 29,
            schools: 29,
            ..Group::default()
        },
        verdict,
        basis: Basis::Pupils,
    };
    let weakest = shares(
        ((373, 2451), (1572, 2425)),
        ((5943, 9427), (3701, 9150)),
        Verdict::Better,
    );
    assert_eq!(weakest.difference(), Some(722));
    assert_eq!(
        weakest.caveat().as_deref(),
        Some(
            "вывод ненадёжен: адресные ОО начинали ниже остальных (15,2\u{A0}% против \
             63,0\u{A0}%), а у начинавших ниже рост обычно больше и без меры"
        )
    );
    // 40 against 60 % at the start: 20 п. п. apart, not said.
    let near = shares(
        ((40, 100), (70, 100)),
        ((60, 100), (60, 100)),
        Verdict::Better,
    );
    assert_eq!(near.caveat(), None);
    // Started higher and came out better: the start does not explain it.
    let ahead = shares(
        ((70, 100), (90, 100)),
        ((30, 100), (30, 100)),
        Verdict::Better,
    );
    assert_eq!(ahead.caveat(), None);
    // Started higher and came out worse: it may.
    let fell = shares(
        ((80, 100), (50, 100)),
        ((30, 100), (30, 100)),
        Verdict::Worse,
    );
    assert!(fell.caveat().unwrap().contains(
        "начинали выше остальных (80,0\u{A0}% против 30,0\u{A0}%), а у начинавших выше спад"
    ));
}

/// A walk-through's «improvement» came from the check of one year against
/// an unchecked other. Here the check refuses a's 2.1 this year while its
/// last year is unchecked: the verdict says its change is partly the
/// check's; once last year is checked too, it is not.
#[test]
fn a_change_the_check_of_one_year_made_is_said() {
    use crate::department::review::Decision;
    let card = testkit::card();
    // Everyone claims 2.1 this year, nobody did last year.
    let mut archive = archive_with(&card, |_, name| school(name, AFTER, true, "1"));
    archive.set_decision("a2", "2.1", Some(Decision::NoPoint));
    archive.set_checked("a2", true);
    let m = measure(&archive, &["a", "b", "c"]);
    let e = effects(&archive, &card, &m);
    let e21 = &e[1];
    assert_eq!(e21.code, "2.1");
    // a–c: 0 of 3 → 2 of 3 (a refused), +66,7; d–f: 0 of 3 → 3 of 3,
    // +100,0; −33,3: «хуже».
    assert_eq!(
        (e21.addressed.meeting, e21.others.meeting),
        ((0, 2), (0, 3))
    );
    assert_eq!(e21.difference(), Some(-333));
    assert_eq!((e21.addressed.by_check, e21.others.by_check), (1, 0));
    assert_eq!(
        e21.verdict_text(),
        "хуже, чем в остальных школах (вывод ненадёжен: у 1 ОО выполнение в одном году \
         изменено проверкой отдела, а другой год не проверен; держится на одной школе)"
    );
    // Both years checked: on the same footing.
    archive.set_checked("a1", true);
    let e = effects(&archive, &card, &m);
    assert_eq!(e[1].addressed.by_check, 0);
    assert_eq!(
        e[1].verdict_text(),
        "хуже, чем в остальных школах (вывод ненадёжен: держится на одной школе)"
    );
    // «Без заметной разницы» says it too: this year the check refuses 1.1
    // of one school in each group (2 of 3 both), last year unchecked.
    let mut archive = archive_with(&card, |_, name| school(name, AFTER, false, "4"));
    for id in ["a2", "d2"] {
        archive.set_decision(id, "1.1", Some(Decision::NoPoint));
        archive.set_checked(id, true);
    }
    let e = effects(&archive, &card, &m);
    assert_eq!(
        (e[0].addressed.meeting, e[0].others.meeting),
        ((0, 2), (0, 2))
    );
    assert_eq!(e[0].verdict, Verdict::NoDifference);
    assert_eq!(
        e[0].caveat().as_deref(),
        Some(
            "вывод ненадёжен: у 2 ОО выполнение в одном году изменено проверкой отдела, а другой \
             год не проверен"
        )
    );
}

/// Seed 001's П-1.1 has no points: no school meets it, so a measure about
/// it is judged by the pupils' share. Six schools at 10 of 100; a–c
/// addressed. By hand: a–c to 40 of 100 each, Σ/Σ 30/300 = 10,0 % →
/// 120/300 = 40,0 % (+30,0); d–f to 15 of 100, 10,0 % → 15,0 % (+5,0);
/// +25,0 is «лучше». With a–c at 20 of 100 instead: +10,0 against +5,0,
/// +5,0 is «без заметной разницы».
#[test]
fn an_indicator_without_points_is_judged_by_the_pupils_share() {
    let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
    let code = "П-1.1";
    let with = |after_addressed: [&str; 3]| {
        let drafts: Vec<(String, Draft)> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .enumerate()
            .flat_map(|(i, name)| {
                let file = |period: &str, n: &str| {
                    let mut d = testkit::draft(name, period, &[]);
                    d.answers.insert(code.into(), share(n, "100"));
                    d
                };
                let after = if i < 3 { after_addressed[i] } else { "15" };
                [
                    (format!("{name}1"), file(BEFORE, "10")),
                    (format!("{name}2"), file(AFTER, after)),
                ]
            })
            .collect();
        let named: Vec<(&str, &Draft)> = drafts.iter().map(|(id, d)| (id.as_str(), d)).collect();
        testkit::archive(&iz, &named)
    };
    let effect = |archive: &Archive| {
        let mut m = Measure::blank("izhevsk", BEFORE);
        m.indicators = vec![iz.indicator(code).unwrap().key().to_owned()];
        m.audience = Audience::Schools(
            (results(archive, "izhevsk", BEFORE).into_iter())
                .filter(|r| ["a", "b", "c"].contains(&r.name()))
                .map(|r| r.school)
                .collect(),
        );
        let (before, after) = (
            results(archive, "izhevsk", BEFORE),
            results(archive, "izhevsk", AFTER),
        );
        let span = Span {
            archive,
            old_card: &iz,
            before: &before,
            new_card: &iz,
            after: &after,
        };
        measure_effect(&span, &m, &[]).remove(0)
    };
    let plain = |text: String| text.replace('\u{A0}', " ");
    let better = effect(&with(["40"; 3]));
    assert_eq!(better.basis, Basis::Pupils);
    assert_eq!(better.verdict, Verdict::Better);
    assert_eq!(better.difference(), Some(250));
    assert_eq!(
        plain(better.numbers()),
        "адресные ОО с долей в оба года (3): общая доля 10,0 % → 40,0 % (+30,0 п. п.); остальные ОО с \
         долей в оба года (3): общая доля 10,0 % → 15,0 % (+5,0 п. п.)"
    );
    assert_eq!(better.caveat(), None);
    // The chart's bars: the pupils' share the year after, and its change.
    assert_eq!(better.bar(&better.addressed), (300, (120, 300)));
    assert_eq!(better.bar(&better.others), (50, (45, 300)));
    // The same sums from one school: a to 100 of 100, b and c staying at
    // 10. Without a, the addressed moved 0,0 against +5,0: −5,0, so the
    // «лучше» hangs on it.
    let one = effect(&with(["100", "10", "10"]));
    assert_eq!(
        (one.verdict, one.difference()),
        (Verdict::Better, Some(250))
    );
    assert_eq!(one.addressed.without_one, Some((-50, 400)));
    assert_eq!(
        one.caveat().as_deref(),
        Some("вывод ненадёжен: держится на одной школе")
    );
    let same = effect(&with(["20"; 3]));
    assert_eq!(
        (same.verdict, same.difference()),
        (Verdict::NoDifference, Some(50))
    );
    // A value the check did not confirm leaves the sums, as it leaves the
    // municipal value: two addressed schools with a share are too few.
    let mut checked = with(["40"; 3]);
    checked.set_decision(
        "a2",
        code,
        Some(crate::department::review::Decision::NoPoint),
    );
    let few = effect(&checked);
    assert_eq!((few.addressed.schools, few.addressed.with_shares), (3, 2));
    assert_eq!((few.verdict, few.difference()), (Verdict::TooFew, None));
}

/// Two measures on 1.1 for different schools: each one's «остальные» hold
/// the other's schools, and its verdict says so; a measure for every
/// school reached both groups alike and is no such note. By hand: the
/// seminar for a–c, courses for d and e: of the seminar's others (d–f),
/// 2 had the courses; of the courses' addressed (d, e), none had the
/// seminar, of its others (a–c, f) 3 did.
#[test]
fn another_measure_on_the_same_indicator_is_said() {
    let card = testkit::card();
    let archive = first_three_improve(&card);
    let seminar = measure(&archive, &["a", "b", "c"]);
    let mut courses = measure(&archive, &["d", "e"]);
    courses.title = "Курсы".into();
    courses.indicators = vec!["1.1".into()];
    let mut for_all = measure(&archive, &[]);
    for_all.audience = Audience::All;
    let year = [&seminar, &courses, &for_all];
    let (of_seminar, of_courses) = over_years(&archive, &card, &card, |span| {
        (
            measure_effect(span, &seminar, &year),
            measure_effect(span, &courses, &year),
        )
    });
    assert_eq!(
        (
            of_seminar[0].addressed.elsewhere,
            of_seminar[0].others.elsewhere
        ),
        (0, 2)
    );
    assert_eq!(
        of_seminar[0].caveat().as_deref(),
        Some("вывод ненадёжен: у 2 из остальных ОО была и другая мера по этому показателю")
    );
    // In both groups, one note.
    let both = IndicatorEffect {
        addressed: Group {
            elsewhere: 1,
            ..of_seminar[0].addressed
        },
        ..of_seminar[0].clone()
    };
    assert_eq!(
        both.caveat().as_deref(),
        Some(
            "вывод ненадёжен: у 1 из адресных и у 2 из остальных ОО была и другая мера по этому \
             показателю"
        )
    );
    // 2.1 only the seminar targets.
    assert_eq!(of_seminar[1].others.elsewhere, 0);
    assert_eq!(of_seminar[1].caveat(), None);
    assert_eq!(
        (
            of_courses[0].addressed.elsewhere,
            of_courses[0].others.elsewhere
        ),
        (0, 3)
    );
}

/// Nevinnomyssk's card has no points, shares or letters: its questions
/// are judged by the schools answering «да», its surveys by their mean.
/// Six schools, a–c addressed, all «нет» on 1.1 and 50, 60, 70 % on 1.5
/// in both groups the first year. The next year a and b say «да», of the
/// others d; 1.5 goes to 80,5, 70, 75 % (a–c) and 55, 60, 70 % (d–f).
/// By hand: «да» 0 → 2 of 3 (+66,7) against 0 → 1 of 3 (+33,3): +33,3,
/// «лучше»; one school left out is +16,7 at the least, still notable. The
/// mean 60,0 → 75,2 % (225,5 / 3; +15,2) against 60,0 → 61,7 % (+1,7):
/// 13,5 exactly, «лучше», but without a the addressed rose 7,5 against
/// 1,7: +5,8, so it hangs on a.
#[test]
fn questions_and_surveys_without_points_are_judged_by_yes_and_the_mean() {
    let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
    let file = |name: &str, period: &str, yes: bool, survey: &str| {
        let mut d = testkit::draft(name, period, &[]);
        d.answers.insert("1.1".into(), testkit::fact(yes));
        d.answers.insert(
            "1.5".into(),
            RawAnswer {
                percent: survey.into(),
                ..RawAnswer::default()
            },
        );
        d
    };
    let firsts = ["50,0", "60,0", "70,0", "50,0", "60,0", "70,0"];
    let nexts = [
        (true, "80,5"),
        (true, "70"),
        (false, "75"),
        (true, "55"),
        (false, "60"),
        (false, "70"),
    ];
    let mut drafts: Vec<(String, Draft)> = Vec::new();
    for (i, name) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
        let mut first = file(name, BEFORE, false, firsts[i]);
        if i == 0 {
            first.plan = vec![PlanRow {
                measure: "Программа сопровождения".into(),
                indicators: vec!["1.1".into()],
                ..PlanRow::default()
            }];
        }
        drafts.push((format!("{name}1"), first));
        let (yes, survey) = nexts[i];
        drafts.push((format!("{name}2"), file(name, AFTER, yes, survey)));
    }
    let named: Vec<(&str, &Draft)> = drafts.iter().map(|(id, d)| (id.as_str(), d)).collect();
    let archive = testkit::archive(&card, &named);
    let mut m = Measure::blank("nevinnomyssk", BEFORE);
    m.indicators = ["1.1", "1.5"]
        .map(|c| card.indicator(c).unwrap().key().to_owned())
        .to_vec();
    m.audience = Audience::Schools(
        (results(&archive, "nevinnomyssk", BEFORE).into_iter())
            .filter(|r| ["a", "b", "c"].contains(&r.name()))
            .map(|r| r.school)
            .collect(),
    );
    let (before, after) = (
        results(&archive, "nevinnomyssk", BEFORE),
        results(&archive, "nevinnomyssk", AFTER),
    );
    let span = Span {
        archive: &archive,
        old_card: &card,
        before: &before,
        new_card: &card,
        after: &after,
    };
    let e = measure_effect(&span, &m, &[]);
    let plain = |text: String| text.replace('\u{A0}', " ");
    let (yes, mean) = (&e[0], &e[1]);
    assert_eq!((yes.code.as_str(), yes.basis), ("1.1", Basis::Yes));
    assert_eq!(
        (yes.verdict, yes.difference()),
        (Verdict::Better, Some(333))
    );
    assert_eq!(
        plain(yes.numbers()),
        "адресные ОО с ответом в оба года (3): «да» у 0 из 3 → у 2 из 3 (+66,7 п. п.); \
         остальные ОО с ответом в оба года (3): «да» у 0 из 3 → у 1 из 3 (+33,3 п. п.)"
    );
    assert_eq!(yes.addressed.without_one, Some((167, 667)));
    assert_eq!(yes.others.without_one, Some((167, 667)));
    assert_eq!(yes.caveat(), None);
    assert_eq!(yes.bar(&yes.addressed), (667, (2, 3)));
    assert_eq!((mean.code.as_str(), mean.basis), ("1.5", Basis::Mean));
    assert_eq!(
        (mean.verdict, mean.difference()),
        (Verdict::Better, Some(135))
    );
    assert_eq!(
        plain(mean.numbers()),
        "адресные ОО с ответом в оба года (3): в среднем 60,0 % → 75,2 % (+15,2 п. п.); \
         остальные ОО с ответом в оба года (3): в среднем 60,0 % → 61,7 % (+1,7 п. п.)"
    );
    assert_eq!(mean.addressed.without_one, Some((58, 186)));
    assert_eq!(
        mean.caveat().as_deref(),
        Some("вывод ненадёжен: держится на одной школе")
    );
    assert_eq!(mean.bar(&mean.addressed), (152, (2255, 3000)));
    // A «да» the check refused counts as «нет», as in the municipal
    // value: a's 1.1 refused, the addressed go 0 → 1 of 3 (+33,3) as the
    // others do: no difference, and still three schools.
    let mut checked = archive.clone();
    checked.set_decision(
        "a2",
        "1.1",
        Some(crate::department::review::Decision::NoPoint),
    );
    let after_check = results(&checked, "nevinnomyssk", AFTER);
    let refused = measure_effect(
        &Span {
            archive: &checked,
            after: &after_check,
            ..span
        },
        &m,
        &[],
    );
    assert_eq!(refused[0].addressed.sums, Some(((0, 3), (1, 3))));
    assert_eq!(
        (refused[0].verdict, refused[0].difference()),
        (Verdict::NoDifference, Some(0))
    );
    // A measure for every school says how its value moved in its own words.
    let all = Behind {
        code: "1.1",
        measure: "семинар «Программы»".into(),
        verdict: Verdict::NoOthers,
        difference: None,
        change: 200,
        basis: Basis::Yes,
        doubtful: false,
    };
    assert_eq!(
        plain(all.said(false)),
        "семинар «Программы» — была адресована всем школам, сравнить не с кем; доля школ с \
         ответом «да» изменилась на +20,0 п. п."
    );
    assert_eq!(
        plain(
            Behind {
                basis: Basis::Mean,
                ..all
            }
            .said(true)
        ),
        "семинар «Программы» (1.1) — была адресована всем школам, сравнить не с кем; среднее \
         значение изменилось на +20,0 п. п."
    );
    // School a's own plan on 1.1, «нет» → «да»: improved.
    let plans = plan_effects(&span);
    assert_eq!(
        plans,
        vec![PlanEffect {
            school: "a".into(),
            counted: 1,
            improved: 1
        }]
    );
    // The card's targets: its questions, surveys, not its counts or list.
    let targets: Vec<&str> = card.measure_targets().map(|i| i.code.as_str()).collect();
    assert_eq!(targets, ["1.1", "1.5", "1.6", "1.7", "2.3"]);
}

/// A measure behind several codes is named once, its codes after it; one
/// behind a single code as before.
#[test]
fn a_measure_behind_several_codes_is_named_once() {
    let behind = |code, measure: &str, verdict, difference| Behind {
        code,
        measure: measure.into(),
        verdict,
        difference,
        change: 0,
        basis: Basis::Mean,
        doubtful: false,
    };
    let seminar = "семинар «Как повысить удовлетворённость»";
    let list = [
        behind("1.5", seminar, Verdict::NoDifference, Some(-56)),
        behind("1.6", seminar, Verdict::Worse, Some(-145)),
        behind("2.3", "приказ «О ярмарках»", Verdict::Worse, Some(-120)),
    ];
    let refs: Vec<&Behind> = list.iter().collect();
    let plain = |all: Vec<String>| -> Vec<String> {
        all.into_iter().map(|s| s.replace('\u{A0}', " ")).collect()
    };
    assert_eq!(
        plain(said_by_measure(&refs, true)),
        [
            "семинар «Как повысить удовлетворённость» — 1.5: без заметной разницы с остальными \
             школами (разность −5,6 п. п.), 1.6: хуже, чем в остальных школах (−14,5 п. п.)",
            "приказ «О ярмарках» (2.3) — хуже, чем в остальных школах (−12,0 п. п.)"
        ]
    );
}

/// A school the measure went to that sent nothing this year is named, not
/// silently left out of «адресные ОО».
#[test]
fn an_addressed_school_without_this_years_card_is_named() {
    let card = testkit::card();
    // c's second file is another school's: c sent nothing this year.
    let archive = archive_with(&card, |i, name| match i {
        2 => school("z", AFTER, true, "4"),
        _ => school(name, AFTER, true, "4"),
    });
    let m = measure(&archive, &["a", "b", "c"]);
    let missing = over_years(&archive, &card, &card, |span| {
        addressed_missing(span, &[&m])
    });
    assert_eq!(missing, ["c"]);
    let e = effects(&archive, &card, &m);
    assert_eq!(e[0].addressed.meeting.1, 2, "a and b only");
    let text = crate::department::report::effectiveness(BEFORE, &[(m, e)], (0, 0), &missing);
    assert!(
        text.contains(
            " Карту этого года не сдала школа, которой были адресованы меры: c — её изменение не \
             оценивается."
        ),
        "{text}"
    );
}
