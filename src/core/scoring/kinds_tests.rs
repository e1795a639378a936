//! The kinds and targets the other seeds need, against hand-computed cases
//! on the built-in cards: growth against last year (seed 002), breakdowns,
//! banded points, percentages typed directly and lists (seed 004).

use super::explain::{explain, part_shares, RowStatus};
use super::*;
use crate::card::{builtin, Card, Rule};
use crate::error::{NumberError, PercentError};
use crate::school::draft::ListRow;
use crate::testkit::share;

fn card(id: &str) -> Card {
    builtin(id).unwrap().unwrap()
}

fn outcome(card: &Card, code: &str, answer: &RawAnswer) -> IndicatorResult {
    let indicator = card.indicator(code).unwrap();
    assess_indicator(indicator, &SchoolProfile::default(), Some(answer))
}

/// This year's share and last year's.
fn growth(n: &str, d: &str, n0: &str, d0: &str) -> RawAnswer {
    RawAnswer {
        prev_numerator: n0.into(),
        prev_denominator: d0.into(),
        ..share(n, d)
    }
}

#[test]
fn positive_dynamics_is_exact_growth_of_the_share() {
    let lk = card("leninsk-kuznetsky");
    // 1.1 has growth as its only target.
    let points = |a: RawAnswer| outcome(&lk, "1.1", &a).outcome.points();
    assert_eq!(points(growth("30", "100", "25", "100")), 1, "grew");
    assert_eq!(
        points(growth("30", "100", "30", "100")),
        0,
        "an equal share is not growth"
    );
    assert_eq!(points(growth("30", "100", "35", "100")), 0, "fell");
    assert_eq!(
        points(growth("15", "50", "30", "100")),
        0,
        "the same 30 % of fewer people"
    );
    assert_eq!(points(growth("1", "3", "33", "100")), 1, "1·100 > 33·3");
    assert_eq!(points(growth("33", "100", "1", "3")), 0, "33·3 < 1·100");
    assert_eq!(
        points(growth("80", "80", "100", "100")),
        1,
        "holding 100 % counts"
    );
    assert_eq!(points(growth("79", "80", "100", "100")), 0);
    let result = outcome(&lk, "1.1", &growth("100", "100", "50", "50"));
    let text = explain(lk.indicator("1.1").unwrap(), &result, true);
    assert!(text.note.contains("100\u{A0}% удержаны"), "{}", text.note);
    // 1 of 3 grew from 33 of 100: both read 33,3 % in tenths, so the note
    // gives the decimals that part them.
    let result = outcome(&lk, "1.1", &growth("1", "3", "333", "1000"));
    let text = explain(lk.indicator("1.1").unwrap(), &result, true);
    assert!(
        text.note.contains(
            "В прошлом году 33,30\u{A0}% (333 из 1000), в этом году 33,33\u{A0}%: положительная динамика."
        ),
        "{}",
        text.note
    );
}

/// Leaving last year out raises the share (the indicator leaves the
/// maximum): the export names such indicators; a group empty last year is
/// not one of them.
#[test]
fn indicators_without_last_year_are_named() {
    let lk = card("leninsk-kuznetsky");
    let mut draft = crate::testkit::draft("СОШ № 2", "2025/2026", &[]);
    draft.answers.insert("1.1".into(), share("30", "100"));
    draft
        .answers
        .insert("1.2".into(), growth("12", "60", "10", "60"));
    draft
        .answers
        .insert("2.2".into(), growth("30", "100", "0", "0"));
    draft.answers.insert("5.2".into(), share("1", "4"));
    assert_eq!(assess(&lk, &draft).without_last_year(), ["1.1", "5.2"]);
}

/// A criterion whose growth indicators all wait for last year's figures
/// applies to the school: its subtotal says what is missing, not «не
/// применимо», which only a group empty this year gives.
#[test]
fn a_criterion_waiting_for_last_year_says_so() {
    let lk = card("leninsk-kuznetsky");
    let mut draft = crate::testkit::draft("СОШ № 2", "2025/2026", &[]);
    draft.answers.insert("5.1".into(), share("0", "0"));
    draft.answers.insert("5.2".into(), share("1", "4"));
    draft.answers.insert("1.1".into(), share("30", "100"));
    let a = assess(&lk, &draft);
    let subtotal = |code: &str| {
        let i = lk.criteria().position(|c| c.code == code).unwrap();
        let criterion = lk.criteria().nth(i).unwrap();
        a.criteria[i].shown(a.out_of_maximum(criterion))
    };
    assert_eq!(subtotal("5"), "нет данных прошлого года");
    assert_eq!(subtotal("1"), "0 из 2");
    draft.answers.insert("5.2".into(), share("0", "0"));
    let a = assess(&lk, &draft);
    let five = lk.criteria().find(|c| c.code == "5").unwrap();
    // Empty groups, not the profile: not «не применимо» (a walk-through).
    assert_eq!(
        a.criteria[4].shown(a.out_of_maximum(five)),
        "не учитывается"
    );
}

#[test]
fn without_last_year_growth_is_not_judged() {
    let lk = card("leninsk-kuznetsky");
    // Growth only: the indicator leaves the maximum, and says why.
    let result = outcome(&lk, "1.1", &share("30", "100"));
    assert_eq!(
        result.outcome,
        Outcome::NotApplicable(NotApplicable::NoLastYear {
            numerator: 30,
            denominator: 100,
            was_empty: false
        })
    );
    let text = explain(lk.indicator("1.1").unwrap(), &result, true);
    assert_eq!(
        text.share.as_deref(),
        Some("30,0\u{A0}%"),
        "the share is still shown"
    );
    assert!(
        text.note.starts_with("Нет данных за прошлый год"),
        "{}",
        text.note
    );
    // A group empty last year gives no share to grow from, and the school
    // typed it: it is not asked for last year's figures again.
    let result = outcome(&lk, "1.1", &growth("30", "100", "0", "0"));
    assert!(matches!(
        result.outcome,
        Outcome::NotApplicable(NotApplicable::NoLastYear {
            was_empty: true,
            ..
        })
    ));
    assert_eq!(
        explain(lk.indicator("1.1").unwrap(), &result, true).note,
        "В прошлом году в группе никого не было (0 из 0): рост не с чем сравнить, \
         показатель в этом году не входит в максимум."
    );
    // Growth and a minimum (1.3: «выше прошлогодней и не меньше 50 %»):
    // growth is half of the goal, so the minimum alone does not decide. A
    // school that left last year blank is not ahead of one whose true
    // figures show no growth (0 points).
    for this_year in ["50", "49"] {
        let result = outcome(&lk, "1.3", &share(this_year, "100"));
        assert!(
            matches!(
                result.outcome,
                Outcome::NotApplicable(NotApplicable::NoLastYear {
                    was_empty: false,
                    ..
                })
            ),
            "{this_year} of 100"
        );
        assert!(explain(lk.indicator("1.3").unwrap(), &result, true)
            .note
            .starts_with("Нет данных за прошлый год"));
    }
    let result = outcome(&lk, "1.3", &growth("50", "100", "0", "0"));
    assert!(explain(lk.indicator("1.3").unwrap(), &result, true)
        .note
        .starts_with("В прошлом году в группе никого не было (0 из 0)"));
    let mut draft = Draft::default();
    draft.answers.insert("1.3".into(), share("50", "100"));
    assert!(assess(&lk, &draft)
        .without_last_year()
        .contains(&"1.3".to_owned()));
}

#[test]
fn growth_and_a_minimum_both_count_when_last_year_is_known() {
    let lk = card("leninsk-kuznetsky");
    let points = |a: RawAnswer| outcome(&lk, "1.3", &a).outcome.points();
    assert_eq!(points(growth("60", "100", "55", "100")), 1);
    assert_eq!(
        points(growth("60", "100", "70", "100")),
        0,
        "above 50 % but fell"
    );
    assert_eq!(
        points(growth("40", "100", "30", "100")),
        0,
        "grew but below 50 %"
    );
}

#[test]
fn last_year_values_are_checked_like_this_years() {
    let lk = card("leninsk-kuznetsky");
    let result = outcome(&lk, "1.1", &growth("30", "100", "120", "100"));
    assert_eq!(result.outcome, Outcome::Invalid);
    assert_eq!(
        result.errors,
        [(
            AnswerField::PrevNumerator,
            FieldError::Number(NumberError::PrevNumeratorAbove { whole: 100 })
        )]
    );
    // Said under the part, it concerns the whole too; nothing else does.
    assert_eq!(
        result.error_also_on(AnswerField::PrevDenominator),
        Some(AnswerField::PrevNumerator)
    );
    assert_eq!(result.error_also_on(AnswerField::Denominator), None);
    let above = outcome(&lk, "1.1", &growth("120", "100", "", ""));
    assert_eq!(
        above.error_also_on(AnswerField::Denominator),
        Some(AnswerField::Numerator)
    );
    // Cells pasted into the part, the whole still empty: while the row is
    // being filled, only the cells are said; left, the whole is asked too.
    let pasted = outcome(&lk, "1.1", &growth("15\t16", "", "", ""));
    assert_eq!(pasted.errors.len(), 2);
    assert_eq!(
        pasted.while_typing(Some(AnswerField::Numerator)).errors,
        [(
            AnswerField::Numerator,
            FieldError::Number(NumberError::SeveralCells)
        )]
    );
    assert_eq!(
        pasted.while_typing(Some(AnswerField::Numerator)).outcome,
        Outcome::Invalid
    );
    // A whole of 0 is named: most likely «none» typed in the wrong box.
    let message = |answer: &RawAnswer| outcome(&lk, "1.1", answer).errors[0].1.to_string();
    assert_eq!(
        message(&growth("5", "0", "", "")),
        "Общее число (во втором поле) — 0, а в этом поле больше: если таких нет, введите здесь 0, \
         иначе исправьте общее число."
    );
    assert_eq!(
        message(&growth("30", "100", "4", "0")),
        "За прошлый год общее число (во втором поле) — 0, а в этом поле больше: если таких не было, \
         введите здесь 0, иначе исправьте общее число."
    );
    assert_eq!(
        message(&growth("120", "100", "", "")),
        "Это число больше общего числа (во втором поле): проверьте оба поля."
    );
    let result = outcome(&lk, "1.1", &growth("30", "100", "25", ""));
    assert_eq!(
        result.errors,
        [(
            AnswerField::PrevDenominator,
            FieldError::Number(NumberError::MissingWhole)
        )]
    );
}

fn parts(parts: &[&str], denominator: &str) -> RawAnswer {
    RawAnswer {
        parts: parts.iter().map(|p| (*p).to_owned()).collect(),
        denominator: denominator.into(),
        ..RawAnswer::default()
    }
}

#[test]
fn a_breakdown_scores_its_total_and_refuses_parts_above_it() {
    let lk = card("leninsk-kuznetsky");
    let code = lk
        .indicators()
        .find(|i| i.rule.kind() == "breakdown")
        .unwrap()
        .code
        .clone();
    let mut answer = parts(&["5", "3", "0", "2", "1"], "30");
    answer.prev_numerator = "10".into();
    answer.prev_denominator = "30".into();
    let result = outcome(&lk, &code, &answer);
    assert_eq!(result.outcome.points(), 1, "11 of 30 after 10 of 30");
    let Outcome::Scored {
        detail:
            Detail::Share {
                numerator,
                denominator,
                ..
            },
        ..
    } = result.outcome
    else {
        panic!("{result:?}")
    };
    assert_eq!((numerator, denominator), (11, 30));
    let result = outcome(&lk, &code, &parts(&["10", "10", "5", "5", "1"], "30"));
    assert_eq!(result.outcome, Outcome::Invalid);
    assert_eq!(
        result.errors,
        [(
            AnswerField::Denominator,
            FieldError::Number(NumberError::PartsAbove { sum: 31 })
        )]
    );
    assert_eq!(
        result.errors[0].1.to_string(),
        "Сумма по частям (31) больше общего числа: проверьте части и общее число."
    );
    // Said under the whole, it concerns every part too.
    for part in 0..5 {
        assert_eq!(
            result.error_also_on(AnswerField::Part(part)),
            Some(AnswerField::Denominator)
        );
    }
    assert_eq!(result.error_also_on(AnswerField::Denominator), None);
    // No share is shown then: 33,3 + 33,3 + 16,7 + 16,7 + 3,3 would read as figures.
    let shares = part_shares(&parts(&["10", "10", "5", "5", "1"], "30"), 5);
    assert_eq!(shares, ["—"; 5]);
    // 11 of 30 as typed: 10 and 1, the rest 0 or not yet typed.
    let shares = part_shares(&parts(&["10", "0", "", "0", "1"], "30"), 5);
    let share = |s: &str| format!("{s}\u{A0}%");
    assert_eq!(
        shares,
        [
            share("33,3"),
            share("0,0"),
            "—".to_owned(),
            share("0,0"),
            share("3,3")
        ]
    );
    // Every part must be typed (0 for none) once any is.
    let result = outcome(&lk, &code, &parts(&["5", "", "0", "2", "1"], "30"));
    assert_eq!(
        result.errors,
        [(
            AnswerField::Part(1),
            FieldError::Number(NumberError::Missing)
        )]
    );
}

#[test]
fn banded_points_follow_the_highest_band_reached() {
    let mut indicator = card("proforientatsiya-23")
        .indicator("1.1")
        .unwrap()
        .clone();
    crate::testkit::in_bands(&mut indicator);
    let scored = |n: &str, d: &str| match assess_indicator(
        &indicator,
        &SchoolProfile::default(),
        Some(&share(n, d)),
    )
    .outcome
    {
        Outcome::Scored {
            points,
            detail: Detail::Share { shortfall, .. },
        } => (points, shortfall),
        other => panic!("{other:?}"),
    };
    assert_eq!(scored("29", "100"), (0, Some(1)));
    assert_eq!(scored("30", "100"), (1, Some(30)));
    assert_eq!(scored("59", "100"), (1, Some(1)));
    // 60 % of 7 is 4,2: five people reach the top band.
    assert_eq!(scored("4", "7"), (1, Some(1)));
    assert_eq!(scored("5", "7"), (2, None));
    // The school sees a lower band as not yet met, as its letter says.
    let row = |n: &str| {
        let result = assess_indicator(
            &indicator,
            &SchoolProfile::default(),
            Some(&share(n, "100")),
        );
        let text = explain(&indicator, &result, true);
        (text.status, text.points)
    };
    assert_eq!(row("40"), (RowStatus::Missed, "1 балл из 2".to_owned()));
    assert_eq!(row("60"), (RowStatus::Earned, "2 балла из 2".to_owned()));
}

#[test]
fn a_percent_is_read_in_tenths_and_is_informational_without_a_minimum() {
    let nv = card("nevinnomyssk");
    let code = nv
        .indicators()
        .find(|i| i.rule.kind() == "percent")
        .unwrap()
        .code
        .clone();
    let typed = |t: &str| RawAnswer {
        percent: t.into(),
        ..RawAnswer::default()
    };
    let result = outcome(&nv, &code, &typed("87,5"));
    assert_eq!(
        result.outcome,
        Outcome::Scored {
            points: 0,
            detail: Detail::Percent {
                tenths: 875,
                shortfall: 0
            }
        }
    );
    assert_eq!(
        explain(nv.indicator(&code).unwrap(), &result, true).status,
        RowStatus::Informational
    );
    let result = outcome(&nv, &code, &typed("100,5"));
    assert_eq!(
        result.errors,
        [(
            AnswerField::Percent,
            FieldError::Percent(PercentError::AboveHundred)
        )]
    );
    // With a minimum it is compared exactly, in tenths.
    let mut indicator = nv.indicator(&code).unwrap().clone();
    indicator.rule = Rule::Percent {
        min_tenths: Some(800),
        label: "Удовлетворённость".into(),
    };
    indicator.points = 1;
    let points = |t: &str| {
        assess_indicator(&indicator, &SchoolProfile::default(), Some(&typed(t)))
            .outcome
            .points()
    };
    assert_eq!((points("79,9"), points("80"), points("80,0")), (0, 1, 1));
}

fn row(name: &str, values: &[&str]) -> ListRow {
    ListRow {
        name: name.into(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
    }
}

#[test]
fn a_list_counts_its_rows_and_checks_each_one() {
    let nv = card("nevinnomyssk");
    let code = nv
        .indicators()
        .find(|i| i.rule.kind() == "list")
        .unwrap()
        .code
        .clone();
    let list = |rows: Vec<ListRow>| RawAnswer {
        rows,
        ..RawAnswer::default()
    };
    let result = outcome(
        &nv,
        &code,
        &list(vec![
            row("Ярмарка профессий", &["40", "3", "5"]),
            row("", &["", "", ""]),
            row("Квиз", &["20", "0", "2"]),
        ]),
    );
    assert_eq!(
        result.outcome,
        Outcome::Scored {
            points: 0,
            detail: Detail::List {
                rows: 2,
                measured: None,
                shortfall: 0
            }
        },
        "a blank row is not a row"
    );
    let result = outcome(
        &nv,
        &code,
        &list(vec![
            row("Ярмарка", &["40", "41", "5"]),
            row("", &["10", "0", "0"]),
        ]),
    );
    assert_eq!(result.outcome, Outcome::Invalid);
    let fields: Vec<AnswerField> = result.errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            AnswerField::Cell { row: 0, column: 1 },
            AnswerField::RowName(1)
        ]
    );
    // Nevinnomyssk's column «Общая численность детей, вовлеченных в
    // мероприятие», cut for the narrow column the message stands in; the
    // review, away from the list, names the row.
    assert_eq!(
        result.errors[0].1.to_string(),
        "Больше, чем «Общая численность детей…» (40)."
    );
    assert_eq!(
        result
            .errors
            .iter()
            .map(|(f, _)| f.list_row())
            .collect::<Vec<_>>(),
        [Some(0), Some(1)]
    );
    assert_eq!(
        outcome(&nv, &code, &list(Vec::new())).outcome,
        Outcome::Unanswered
    );
}

#[test]
fn a_list_said_empty_is_an_answer_of_none() {
    let nv = card("nevinnomyssk");
    let mut indicator = crate::testkit::of_kind(&nv, "list").clone();
    let none = RawAnswer {
        no_rows: true,
        ..RawAnswer::default()
    };
    // No rows, no points: what the measured column sums to, and how short.
    let nothing = |measured, shortfall| Outcome::Scored {
        points: 0,
        detail: Detail::List {
            rows: 0,
            measured,
            shortfall,
        },
    };
    let result = assess_indicator(&indicator, &SchoolProfile::default(), Some(&none));
    assert_eq!(result.outcome, nothing(None, 0));
    assert!(explain(&indicator, &result, true)
        .note
        .starts_with(explain::NO_ROWS));
    // On a card without points, the row does not repeat that it gives none.
    assert_eq!(explain(&indicator, &result, false).note, explain::NO_ROWS);
    assert_eq!(explain::answer_summary(&indicator, Some(&none)), "не было");
    // With a minimum of 5 participants, none is 5 short and earns nothing.
    let Rule::List { columns, min, .. } = &mut indicator.rule else {
        unreachable!()
    };
    *min = Some(crate::card::ListMin {
        column: columns[0].key.clone(),
        value: 5,
    });
    indicator.points = 1;
    let result = assess_indicator(&indicator, &SchoolProfile::default(), Some(&none));
    assert_eq!(result.outcome, nothing(Some(0), 5));
    // Rows typed win over the mark, and adding a row takes the mark back.
    let both = RawAnswer {
        rows: vec![row("Квиз", &["6", "0", "1"])],
        ..none.clone()
    };
    let result = assess_indicator(&indicator, &SchoolProfile::default(), Some(&both));
    assert_eq!(result.outcome.points(), 1);
    // The department reads the rows with each column summed and named; a
    // cell that does not read adds nothing (its row is an error).
    let two = RawAnswer {
        rows: vec![
            row("Квиз", &["1 250", "3", ""]),
            row("Проба", &["40", "x", "2"]),
        ],
        ..RawAnswer::default()
    };
    assert_eq!(
        explain::answer_summary(&indicator, Some(&two)),
        "2 строки: общая численность детей, вовлеченных в мероприятие — 1\u{202F}290; \
         в том числе детей с ОВЗ и детей-инвалидов — 3; из них победителей/призеров — 2"
    );
    let mut draft = crate::testkit::draft("СОШ 1", "2025/2026", &[]);
    draft.set_no_rows(&indicator.code, true);
    draft.add_row(&indicator.code);
    assert!(!draft.answer(&indicator.code).no_rows);
}

#[test]
fn a_card_without_points_has_data_but_no_level() {
    let nv = card("nevinnomyssk");
    let mut draft = crate::testkit::draft("СОШ 1", "2025/2026", &[]);
    let count = nv
        .indicators()
        .find(|i| i.rule.kind() == "count")
        .unwrap()
        .code
        .clone();
    draft.answers.insert(
        count,
        RawAnswer {
            count: "3".into(),
            ..RawAnswer::default()
        },
    );
    let a = assess(&nv, &draft);
    assert_eq!((a.total, a.max_applicable, a.level), (0, 0, None));
    assert_eq!(a.unanswered as usize, nv.indicators().count() - 1);
}

#[test]
fn a_card_question_of_its_own_decides_applicability() {
    let lk = card("leninsk-kuznetsky");
    let doo = lk
        .indicators()
        .find(|i| i.applies.flags.iter().any(|f| f == "doo"))
        .unwrap();
    let mut profile = SchoolProfile::default();
    assert!(doo.applies.applies_to(&profile), "unanswered counts as yes");
    profile.flags.insert("doo".into(), false);
    assert!(!doo.applies.applies_to(&profile));
    let flag = lk
        .profile_flags()
        .iter()
        .find(|f| f.key == "doo")
        .unwrap()
        .clone();
    flag.set(&mut profile, true);
    assert!(flag.answer(&profile) && doo.applies.applies_to(&profile));
}

/// «0 из 0» leaves a share out. Where the profile keeps an indicator meant
/// for some schools only (Izhevsk's П-1.1, grades 6–11), the note asks to
/// check the number; where the indicator is for every school, it does not.
#[test]
fn an_empty_group_the_profile_expects_asks_to_check_the_number() {
    let iz = card("izhevsk");
    let result = outcome(&iz, "П-1.1", &share("0", "0"));
    assert_eq!(
        result.outcome,
        Outcome::NotApplicable(NotApplicable::EmptyGroup)
    );
    assert_eq!(
        explain(iz.indicator("П-1.1").unwrap(), &result, false).note,
        "В группе нет ни одного человека, и показатель не учитывается, хотя по профилю школы \
         он к ней относится: проверьте общее число."
    );
    // Asked before the export.
    let mut draft = crate::testkit::draft("СОШ № 2", "2025/2026", &[]);
    draft.answers.insert("П-1.1".into(), share("0", "0"));
    assert_eq!(assess(&iz, &draft).empty_despite_profile(&iz), ["П-1.1"]);
    draft.answers.insert("П-1.1".into(), share("0", "12"));
    assert!(assess(&iz, &draft).empty_despite_profile(&iz).is_empty());
    let mut for_all = iz.indicator("П-1.1").unwrap().clone();
    for_all.applies = Default::default();
    assert_eq!(
        explain(&for_all, &result, false).note,
        "В группе нет ни одного человека: к школе показатель не относится."
    );
    for_all.points = 1;
    assert_eq!(
        explain(&for_all, &result, true).note,
        "В группе нет ни одного человека: показатель не входит в максимум."
    );
}
