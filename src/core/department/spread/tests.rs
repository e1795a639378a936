//! The schools' values of one indicator against figures by hand, on the
//! two seed cards without points.

use super::*;
use crate::card::builtin;
use crate::department::results::results;
use crate::department::review::Decision;
use crate::testkit::{self, draft};

fn card(id: &str) -> Card {
    builtin(id).unwrap().unwrap()
}

fn names<T>(rows: &[(String, T)]) -> Vec<&str> {
    rows.iter().map(|(n, _)| n.as_str()).collect()
}

/// Seed 004 (Невинномысск): a count and a typed percent of three schools.
#[test]
fn counts_and_percents_against_the_municipal_mean() {
    let nv = card("nevinnomyssk");
    let count = testkit::of_kind(&nv, "count").clone();
    let percent = testkit::of_kind(&nv, "percent").clone();
    let school = |name: &str, n: &str, p: &str| {
        let mut d = draft(name, "2025/2026", &[]);
        d.answers.entry(count.code.clone()).or_default().count = n.into();
        d.answers.entry(percent.code.clone()).or_default().percent = p.into();
        d
    };
    let mut archive = testkit::archive(
        &nv,
        &[
            ("1", &school("А", "2", "80")),
            ("2", &school("Б", "0", "90,5")),
            ("3", &school("В", "", "")),
        ],
    );
    let res = results(&archive, "nevinnomyssk", "2025/2026");
    let counts = spread(&archive, &nv, &res, &count);
    assert_eq!(
        counts.valued,
        [
            ("А".to_owned(), Value::Count(2)),
            ("Б".to_owned(), Value::Count(0))
        ]
    );
    assert_eq!(counts.without, [("В".to_owned(), "нет ответа".to_owned())]);
    // 2 over 2 schools: a mean of 1,0, which Б's 0 is below.
    assert_eq!(
        counts.municipal,
        Some((
            Value::Mean(10),
            "в среднем 1,0 на организацию, всего 2 по 2 организациям".to_owned()
        ))
    );
    assert_eq!(counts.below(), 1);
    let percents = spread(&archive, &nv, &res, &percent);
    assert_eq!(names(&percents.valued), ["Б", "А"]);
    // (800 + 905) / 2 = 852,5 tenths, rounded half up: А's 80,0 is below.
    assert_eq!(
        percents.municipal.as_ref().map(|m| m.0),
        Some(Value::Percent(853))
    );
    assert_eq!(percents.below(), 1);

    // The check: Б's count not confirmed, its percent ruled not applicable.
    // Both leave the municipal value, and a lone school has no mean to be
    // compared with.
    archive.set_decision("2", &count.code, Some(Decision::NoPoint));
    archive.set_decision("2", &percent.code, Some(Decision::NotApplicable));
    let res = results(&archive, "nevinnomyssk", "2025/2026");
    let counts = spread(&archive, &nv, &res, &count);
    assert_eq!(names(&counts.valued), ["А"]);
    assert_eq!(
        counts.without,
        [
            ("Б".to_owned(), "0 (не подтверждено проверкой)".to_owned()),
            ("В".to_owned(), "нет ответа".to_owned())
        ]
    );
    assert_eq!((&counts.municipal, counts.below()), (&None, 0));
    let percents = spread(&archive, &nv, &res, &percent);
    assert_eq!(names(&percents.valued), ["А"]);
    // The answer the check ruled out is shown as typed, and why it is out.
    assert_eq!(
        percents.without[0],
        (
            "Б".to_owned(),
            "90,5\u{A0}% (не применим по решению проверки)".to_owned()
        )
    );
}

/// Seed 008 (Ижевск): a share pooled Σ/Σ, the schools ordered by theirs.
#[test]
fn shares_against_the_pooled_share() {
    let iz = card("izhevsk");
    let share = testkit::of_kind(&iz, "share").clone();
    let school = |name: &str, n: &str, d: &str| {
        let mut d_ = draft(name, "2025/2026", &[]);
        d_.answers.insert(share.code.clone(), testkit::share(n, d));
        d_
    };
    let archive = testkit::archive(
        &iz,
        &[
            ("1", &school("Школа № 1", "30", "100")),
            ("2", &school("Школа № 2", "45", "90")),
            ("3", &school("Школа № 3", "12", "40")),
            ("4", &school("Школа № 4", "", "")),
        ],
    );
    let res = results(&archive, "izhevsk", "2025/2026");
    let s = spread(&archive, &iz, &res, &share);
    // 50,0 %, 30,0 % and 30,0 %: the equal two by name.
    assert_eq!(
        s.valued,
        [
            ("Школа № 2".to_owned(), Value::Share(45, 90)),
            ("Школа № 1".to_owned(), Value::Share(30, 100)),
            ("Школа № 3".to_owned(), Value::Share(12, 40)),
        ]
    );
    assert_eq!(names(&s.without), ["Школа № 4"]);
    // (30 + 45 + 12) / (100 + 90 + 40) = 87 / 230 = 37,8 %: two below.
    assert_eq!(
        s.municipal,
        Some((Value::Share(87, 230), "37,8\u{A0}% (87 из 230)".to_owned()))
    );
    assert_eq!(s.below(), 2);
    assert_eq!(charted(&iz).count(), 1);
    // All of them from one pass, as the report draws them.
    assert_eq!(spreads(&archive, &iz, &res), [(&share, s)]);
    // The four counts and the two percents, not the «да/нет» or the list.
    assert_eq!(charted(&card("nevinnomyssk")).count(), 6);
}

/// Seed 003's 23-point card: a share's minimum is the line its point
/// depends on; Невинномысск's card sets none.
#[test]
fn the_cards_minimum_goes_with_the_spread() {
    let card = testkit::card();
    let archive = testkit::three_schools();
    let res = results(&archive, crate::card::DEFAULT_CARD, "2025/2026");
    let four_one = card.indicator("4.1").unwrap();
    // «не менее 20 %», in tenths of a percent.
    let s = spread(&archive, &card, &res, four_one);
    assert_eq!(s.threshold, Some(Value::Percent(200)));
    // 3 of 10 and 1 of 10; Σ/Σ 4 of 20.
    assert_eq!(
        s.valued.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
        [Value::Share(3, 10), Value::Share(1, 10)]
    );
    let nv = self::card("nevinnomyssk");
    let count = testkit::of_kind(&nv, "count");
    let nv_archive = testkit::archive(&nv, &[]);
    assert_eq!(spread(&nv_archive, &nv, &[], count).threshold, None);
    // Scored by steps, each step's start with its points, and no minimum.
    let mut banded = four_one.clone();
    testkit::in_bands(&mut banded);
    let s = spread(&archive, &card, &res, &banded);
    assert_eq!(s.threshold, None);
    assert_eq!(
        s.steps,
        [(Value::Percent(300), 1), (Value::Percent(600), 2)]
    );
    assert!(spread(&archive, &card, &res, four_one).steps.is_empty());
}
