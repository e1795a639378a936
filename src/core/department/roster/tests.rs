//! Hand-computed cases: a roster of four schools, deadlines of seed 003 for
//! 2025/2026 (card by 30.09.2026, check by 15.10.2026).

use super::*;
use crate::card::DEFAULT_CARD;
use crate::department::archive::{Cards, Claim};
use crate::department::view::import::{refusals, ImportRow};
use crate::error::ImportError;
use crate::testkit::{self, draft};

const PERIOD: &str = "2025/2026";

fn school(name: &str) -> RosterSchool {
    RosterSchool {
        name: name.into(),
        ..RosterSchool::default()
    }
}

#[test]
fn days_are_counted_across_months_and_leap_years() {
    assert_eq!(days_between("2026-09-30", "2026-10-03"), Some(3));
    assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
    assert_eq!(days_between("2023-02-28", "2023-03-01"), Some(1));
    assert_eq!(days_between("1970-01-01", "1970-01-01T10:00:00Z"), Some(0));
    assert_eq!(days_between("2026-10-15", "2026-09-30"), Some(-15));
    assert_eq!(days_between("30.09.2026", "2026-10-01"), None);
    assert_eq!(Deadlines::seed_003("2025/2026").submit, "2026-09-30");
    assert_eq!(Deadlines::seed_003("2025/2026").evaluate, "2026-11-01");
}

fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

#[test]
fn columns_are_guessed_from_the_header_and_rows_read() {
    let rows = table(&[
        &["№", "Наименование ОО", "Муниципальный округ", "ИНН"],
        &["1", "СОШ № 1", "Город", "111"],
        &["2", "", "Город", ""],
        &["3", "СОШ № 1", "Город", "111"],
        &["4", " Лицей  № 2\u{200B} ", "Город", ""],
    ]);
    let columns = Columns::guess(&rows);
    assert_eq!(
        columns,
        Columns {
            header: 0,
            name: 1,
            identifier: Some(3),
            municipality: Some(2)
        }
    );
    let read = columns.schools(&rows);
    assert_eq!(read.schools.len(), 2, "no empty names, no repeats");
    assert_eq!(read.schools[0].identifier, "111");
    assert_eq!(
        read.schools[1].name, "Лицей № 2",
        "one line, as typed otherwise"
    );
    assert!(read.skipped.is_empty());
}

/// A register as Excel keeps it (its empty rows are dropped on reading):
/// the title, the date, the header, the columns' numbering, the schools and
/// the total.
#[test]
fn a_register_with_a_title_a_numbering_row_and_a_total() {
    let rows = table(&[
        &["Реестр общеобразовательных организаций Энского района"],
        &["по состоянию на 01.09.2026"],
        &["№ п/п", "Наименование ОО", "ИНН"],
        &["1", "2", "3"],
        &["1", "МБОУ СОШ № 1", "111"],
        &["2", "Всеволожская гимназия", "222"],
        &["", "Итого:", "2"],
        &["", "ВСЕГО ОО", "2"],
    ]);
    let columns = Columns::guess(&rows);
    assert_eq!(
        columns,
        Columns {
            header: 2,
            name: 1,
            identifier: Some(2),
            municipality: None
        }
    );
    let read = columns.schools(&rows);
    let names: Vec<&str> = read.schools.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["МБОУ СОШ № 1", "Всеволожская гимназия"]);
    assert_eq!(read.skipped, ["2", "Итого:", "ВСЕГО ОО"]);
    assert_eq!(
        read.skipped_line().as_deref(),
        Some("Не считаются школами (нумерация столбцов, итоги): «2», «Итого:», «ВСЕГО ОО».")
    );
    assert_eq!(row_text(&rows[2]), "№ п/п · Наименование ОО · ИНН");
    let many = RosterRead {
        skipped: (1..=7).map(|i| i.to_string()).collect(),
        ..RosterRead::default()
    };
    assert!(many.skipped_line().unwrap().ends_with("«4», «5» и ещё 2."));
    assert_eq!(RosterRead::default().skipped_line(), None);
    // A name lost to an error in Excel («#REF!» reads as empty), its ИНН
    // still there: said, not dropped unsaid.
    let broken = table(&[
        &["Наименование", "ИНН"],
        &["МБОУ СОШ № 1", "111"],
        &["", "222"],
        &["", ""],
    ]);
    let read = Columns::guess(&broken).schools(&broken);
    assert_eq!((read.schools.len(), read.unnamed), (1, 1));
    assert_eq!(
        read.skipped_line().as_deref(),
        Some(
            "Строк с ИНН, но без наименования школы, — 1: они не загружены; проверьте столбец \
             наименований (в книге Excel — ошибки в формулах)."
        )
    );
    // Each school twice, as a list pasted twice: twelve rows, six schools,
    // and the six repeats said.
    let twice: Vec<Vec<String>> =
        std::iter::once(vec!["Наименование".to_owned(), "ИНН".to_owned()])
            .chain(
                (0..12).map(|i| vec![format!("СОШ № {}", i % 6 + 1), format!("{}", 100 + i % 6)]),
            )
            .collect();
    let read = Columns::guess(&twice).schools(&twice);
    assert_eq!((read.schools.len(), read.repeated), (6, 6));
    assert_eq!(
        read.skipped_line().as_deref(),
        Some("Строк, повторяющих школу выше (те же наименование, ИНН и муниципалитет), — 6: каждая школа взята один раз.")
    );
    // The coordinator may pick another header row: its words name the
    // columns afresh.
    let by_title = Columns::from_header(&rows, 0);
    assert_eq!((by_title.header, by_title.name), (0, 0));
    assert_eq!(by_title.identifier, None);
    // Without any header word, the first row of two filled cells.
    let plain = table(&[&["Список"], &["Школа", "ИНН"], &["Лицей", "1"]]);
    assert_eq!(Columns::guess(&plain).header, 1);
    let bare = table(&[&["Список"], &["А", "Б"], &["Лицей", "1"]]);
    assert_eq!(Columns::guess(&bare).header, 1);
    // A school's name saying «школа» is not taken for the header.
    let schools = table(&[
        &["Образовательная организация", "ИНН"],
        &["Гимназия № 1", "111"],
        &["МБОУ «Средняя общеобразовательная школа № 2»", "222"],
    ]);
    assert_eq!(Columns::guess(&schools).header, 0);
    assert_eq!(Columns::guess(&schools).schools(&schools).schools.len(), 2);
    // «ИНН ОО» before «Наименование ОО»: the name is under the latter.
    let both = table(&[&["ИНН ОО", "Наименование ОО"], &["111", "Лицей"]]);
    assert_eq!(Columns::guess(&both).name, 1);
}

/// A register printed over several pages repeats its header and its
/// numbering: neither is a school, the numbering is named once.
#[test]
fn a_register_over_several_pages() {
    let rows = table(&[
        &["№", "Наименование ОО"],
        &["1", "2"],
        &["1", "Лицей"],
        &["№", "Наименование ОО"],
        &["1", "2"],
        &["2", "Гимназия"],
    ]);
    let read = Columns::guess(&rows).schools(&rows);
    let names: Vec<&str> = read.schools.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Лицей", "Гимназия"]);
    assert_eq!(read.skipped, ["2"]);
}

/// A school sent on time and, fourteen months later, a corrected file (its
/// plan added): the card came on time.
#[test]
fn a_correction_sent_later_is_not_lateness() {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    let d = draft("Школа А", PERIOD, &["1.8"]);
    let first = testkit::sign(
        &card,
        &d,
        testkit::meta("a1", "2026-09-20T08:00:00.000Z", None),
        1,
    );
    let second = testkit::sign(
        &card,
        &d,
        testkit::meta("a2", "2027-11-20T08:00:00.000Z", Some("a1")),
        1,
    );
    archive.admit_all(vec![
        testkit::entry(&card, "a1", &first),
        testkit::entry(&card, "a2", &second),
    ]);
    let roster = Roster {
        schools: vec![school("Школа А")],
        ..Roster::default()
    };
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2027-11-21");
    assert_eq!(rows[0].status, Status::Received);
    assert_eq!(rows[0].sent.as_deref(), Some("2026-09-20"));
    assert_eq!(rows[0].sent_late, None, "{}", rows[0].lateness());
}

/// A file made at 01:30 on 1 October in Novokuznetsk (UTC+7) is a day
/// late for a deadline of 30 September, though in UTC it was still the
/// 30th: the department's calendar dates it, as it dates the deadline.
#[test]
fn a_file_after_midnight_is_dated_by_the_local_calendar() {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    let d = draft("Школа А", PERIOD, &["1.8"]);
    let file = testkit::sign(
        &card,
        &d,
        testkit::meta("a1", "2026-09-30T18:30:00.000Z", None),
        1,
    );
    archive.admit_all(vec![testkit::entry(&card, "a1", &file)]);
    let roster = Roster {
        schools: vec![school("Школа А")],
        ..Roster::default()
    };
    crate::text::set_utc_offset(7 * 60);
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-10-02");
    crate::text::set_utc_offset(0);
    assert_eq!(rows[0].sent.as_deref(), Some("2026-10-01"));
    assert_eq!(rows[0].sent_late, Some(1));
    assert_eq!(rows[0].lateness(), "сдана с опозданием на 1 день");
}

/// А sent on time and was checked; Б sent on 3 October, three days late,
/// and waits for review; В sent nothing; Г is spelled differently in its
/// file and sent on time. On 20 October: В is 20 days overdue, Б's check 5.
#[test]
fn statuses_counts_and_the_reminder_on_a_given_day() {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    let files = [
        ("a1", "Школа А", "2026-09-20T08:00:00.000Z"),
        ("b1", "Школа Б", "2026-10-03T08:00:00.000Z"),
        ("g1", "школа  «Г»", "2026-09-29T23:00:00.000Z"),
    ];
    let batch = files
        .iter()
        .map(|(id, name, at)| {
            let d = draft(name, PERIOD, &["1.8"]);
            let text = testkit::sign(&card, &d, testkit::meta(id, at, None), id.as_bytes()[0]);
            testkit::entry(&card, id, &text)
        })
        .collect();
    archive.admit_all(batch);
    archive.set_checked("a1", true);
    let roster = Roster {
        schools: ["Школа А", "Школа Б", "Школа В", "Школа \"Г\""]
            .map(school)
            .to_vec(),
        ..Roster::default()
    };
    // Another card's campaign has no deadlines until the coordinator sets
    // them: seed 003's autumn dates are not its calendar.
    let unset = roster.deadlines("nevinnomyssk", PERIOD);
    assert_eq!(unset.line(), "Сроки не заданы.");
    assert_eq!(roster.deadlines(DEFAULT_CARD, PERIOD).submit, "2026-09-30");
    // Each card's campaign keeps its own dates: one set on the default card
    // gives the other none of its own or of seed 003's.
    let mut apart = roster.clone();
    let mut default = apart.deadlines(DEFAULT_CARD, PERIOD);
    default.submit = "2026-10-05".into();
    apart.set_deadlines(DEFAULT_CARD, PERIOD, default);
    assert_eq!(
        apart.deadlines("nevinnomyssk", PERIOD),
        Deadlines::default()
    );
    assert!(
        apart.deadlines_set(DEFAULT_CARD, PERIOD) && !apart.deadlines_set("nevinnomyssk", PERIOD)
    );
    let spring = Deadlines {
        submit: "2026-05-31".into(),
        ..Deadlines::default()
    };
    apart.set_deadlines("nevinnomyssk", PERIOD, spring.clone());
    assert_eq!(apart.deadlines("nevinnomyssk", PERIOD), spring);
    assert_eq!(apart.deadlines(DEFAULT_CARD, PERIOD).submit, "2026-10-05");
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-10-20");
    let seen: Vec<(&str, Status, String)> = rows
        .iter()
        .map(|r| (r.school.name.as_str(), r.status, r.lateness()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Школа А", Status::Checked, String::new()),
            (
                "Школа Б",
                Status::Received,
                "сдана с опозданием на 3 дня; проверка отделом просрочена на 5 дней".to_owned()
            ),
            (
                "Школа В",
                Status::NotSent,
                "просрочено на 20 дней".to_owned()
            ),
            (
                "Школа \"Г\"",
                Status::Received,
                "проверка отделом просрочена на 5 дней".to_owned()
            ),
        ]
    );
    assert_eq!(rows[1].sent.as_deref(), Some("2026-10-03"));
    assert_eq!(
        counts(&rows),
        "сдали 3 из 4, не сдали 1, из них просрочено 1"
    );
    // A check overdue by more than a year is history: Б is still said to
    // have sent late, its check no longer overdue (a year and a day after
    // 15 October 2026; a year to the day still is).
    let said = |today: &str| -> Vec<String> {
        (statuses(&roster, &archive, DEFAULT_CARD, PERIOD, today).iter())
            .map(RosterRow::lateness)
            .collect()
    };
    assert_eq!(
        said("2027-10-15")[3],
        "проверка отделом просрочена на 365 дней"
    );
    let later = said("2027-10-16");
    assert_eq!(later[1], "сдана с опозданием на 3 дня");
    assert_eq!(later[3], "");
    // A card never sent, a year past its deadline of 30 September, is
    // still overdue, its days no longer counted.
    assert_eq!(said("2027-09-30")[2], "просрочено на 365 дней");
    assert_eq!(said("2027-10-01")[2], "просрочено больше чем на год");
    let late = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2027-10-01");
    assert_eq!(
        counts(&late),
        "сдали 3 из 4, не сдали 1, из них просрочено 1"
    );
    // Before the deadline nothing is overdue.
    let early = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-25");
    assert_eq!(counts(&early), "сдали 3 из 4, не сдали 1");
    let letter = reminder(
        &rows,
        &quoted("Карта «Профориентация»"),
        PERIOD,
        &roster.deadlines(DEFAULT_CARD, PERIOD),
        "2026-10-20",
    )
    .unwrap();
    assert!(
        letter.contains(
            "О представлении карты мониторинга за 2025/2026 учебный год\n\n\
             Срок представления карты «Карта „Профориентация“» за 2025/2026 учебный год — до \
             30.09.2026. По состоянию на 20.10.2026 карта"
        ),
        "{letter}"
    );
    assert!(
        letter.contains("до 30.09.2026. По состоянию на 20.10.2026"),
        "{letter}"
    );
    // No deadline set: none said.
    let undated = reminder(
        &rows,
        &quoted("Карта «Профориентация»"),
        PERIOD,
        &Deadlines::default(),
        "2026-10-20",
    )
    .unwrap();
    assert!(
        undated.contains(
            "О представлении карты мониторинга за 2025/2026 учебный год\n\n\
             Идёт сбор карты «Карта „Профориентация“» за 2025/2026 учебный год. По состоянию на \
             20.10.2026 карта не получена"
        ),
        "{undated}"
    );
    assert!(
        letter.contains("\n1. Школа В (просрочено на 20 дней)\n"),
        "{letter}"
    );
    assert!(!letter.contains("Школа Б"));
    let table = roster_table(&rows);
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[2][3], Cell::Text("не сдана".into()));
    assert_eq!(table.rows[1][4], Cell::Date("2026-10-03".into()));
    assert_eq!(table.rows[1][4].text(), "03.10.2026");
    assert_eq!(crate::text::date_ru("2026-10-03T08:00:00Z"), "03.10.2026");
    assert_eq!(crate::text::date_ru("вчера"), "вчера");
}

/// A file typed «СОШ №3 (г. Пример)» is not «МБОУ СОШ № 3» by the spelling
/// rules: it is listed as unplaced until the coordinator places it, once.
#[test]
fn a_file_the_rules_cannot_place_is_placed_once_by_the_coordinator() {
    let card = testkit::card();
    let odd = draft("СОШ №3 (г. Пример)", PERIOD, &[]);
    let archive = testkit::archive(&card, &[("o", &odd)]);
    let mut roster = Roster {
        schools: vec![school("МБОУ СОШ № 3"), school("Лицей")],
        ..Roster::default()
    };
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-01");
    assert_eq!(rows[0].status, Status::NotSent);
    let unplaced = roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    assert_eq!(unplaced.len(), 1);
    assert_eq!(unplaced[0].1.name, "СОШ №3 (г. Пример)");
    assert_eq!(roster.namesake(&unplaced[0].1), None);
    roster.place(unplaced[0].0.clone(), "МБОУ СОШ № 3");
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-01");
    assert_eq!(rows[0].status, Status::Received);
    assert_eq!(rows[0].filed_as.as_deref(), Some("СОШ №3 (г. Пример)"));
    assert_eq!(
        roster_table(&rows).rows[0]
            .last()
            .map(Cell::text)
            .as_deref(),
        Some("в файле: СОШ №3 (г. Пример)")
    );
    assert_eq!(rows[1].status, Status::NotSent);
    assert!(roster.unplaced(&archive, DEFAULT_CARD, PERIOD).is_empty());
    // Placed as a school the list did not have: it joins the list.
    let mut other = Roster {
        schools: vec![school("Лицей")],
        ..Roster::default()
    };
    other.place_new(unplaced[0].0.clone(), &unplaced[0].1, PERIOD);
    assert_eq!(other.schools.len(), 2);
    assert_eq!(other.schools[1].municipality, testkit::MUNICIPALITY);
    let rows = statuses(&other, &archive, DEFAULT_CARD, PERIOD, "2026-09-01");
    assert_eq!(rows[1].status, Status::Received);
    // New from this year's file: not expected the year before.
    assert_eq!(other.schools[1].since, PERIOD);
    let before = statuses(&other, &archive, DEFAULT_CARD, "2024/2025", "2026-09-01");
    assert_eq!(
        before
            .iter()
            .map(|r| (r.at, r.school.name.as_str()))
            .collect::<Vec<_>>(),
        [(0, "Лицей")]
    );
    assert_eq!(
        other.schools[1].not_expected_why("2024/2025").as_deref(),
        Some("в списке с 2025/2026 учебного года")
    );
}

/// A school closed after a year is not expected after it, unless a file
/// of its comes: then it is in the table, counted, and not also named as
/// not expected; a new list keeps the years of the schools it names.
#[test]
fn a_closed_school_is_not_expected_after_its_last_year() {
    let card = testkit::card();
    let archive = testkit::archive(&card, &[("a", &draft("Школа А", PERIOD, &[]))]);
    let mut roster = Roster {
        schools: vec![school("Школа А"), school("Школа Б"), school("Школа В")],
        ..Roster::default()
    };
    roster.schools[1].until = "2024/2025".into();
    // А closed too, but its file came: there after all.
    roster.schools[0].until = "2024/2025".into();
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-01");
    assert_eq!(
        rows.iter().map(|r| (r.at, r.status)).collect::<Vec<_>>(),
        [(0, Status::Received), (2, Status::NotSent)]
    );
    assert_eq!(counts(&rows), "сдали 1 из 2, не сдали 1");
    // Named under the list: Б, not А, which is in the table.
    let years = file_years(&roster, &archive, DEFAULT_CARD);
    assert_eq!(
        not_expected(&roster, &rows, PERIOD, &years),
        [(
            1,
            "Школа Б".to_owned(),
            "закрыта после 2024/2025 учебного года".to_owned()
        )]
    );
    // The year after, А is said closed after the year its file came.
    let next = statuses(&roster, &archive, DEFAULT_CARD, "2026/2027", "2027-09-01");
    assert_eq!(
        not_expected(&roster, &next, "2026/2027", &years)[0],
        (
            0,
            "Школа А".to_owned(),
            "закрыта после 2025/2026 учебного года".to_owned()
        )
    );
    assert!(roster.schools[1].expected_in("2024/2025"));
    assert_eq!(
        statuses(&roster, &archive, DEFAULT_CARD, "2024/2025", "2026-09-01").len(),
        3
    );
    roster.replace_schools(vec![school("школа б"), school("Школа Г")], &[]);
    assert_eq!(roster.schools[0].until, "2024/2025");
    assert_eq!(roster.schools[1].until, "");
}

/// A file named as a listed school but under another ИНН: the question
/// names the listed school; said to be new, the file's school joins the
/// list under a name of its own and alone owns the file.
#[test]
fn a_file_under_a_listed_name_and_another_identifier() {
    let card = testkit::card();
    let mut typo = draft("МБОУ СОШ № 3", PERIOD, &[]);
    typo.profile.identifier = "6623000112".into();
    let archive = testkit::archive(&card, &[("t", &typo)]);
    let listed = RosterSchool {
        identifier: "6623000111".into(),
        ..school("МБОУ «СОШ №3»")
    };
    let mut roster = Roster {
        schools: vec![listed.clone()],
        ..Roster::default()
    };
    let unplaced = roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    assert_eq!(unplaced.len(), 1);
    assert_eq!(roster.namesake(&unplaced[0].1), Some(&listed));
    // The same name in another spelling: the ИНН tells them apart, so
    // that a later file without one is not owned by both.
    roster.place_new(unplaced[0].0.clone(), &unplaced[0].1, PERIOD);
    assert_eq!(roster.schools[1].name, "МБОУ СОШ № 3 (ИНН 6623000112)");
    assert_eq!(roster.schools[1].identifier, "6623000112");
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-01");
    assert_eq!(
        (rows[0].status, rows[1].status),
        (Status::NotSent, Status::Received)
    );
    let later = crate::school::profile::SchoolProfile {
        name: "МБОУ СОШ № 3".into(),
        ..Default::default()
    };
    let id = crate::department::school::SchoolId::of(&later);
    assert_eq!(owners::Owners::new(&roster).of(&id, &later), [0]);
    // Without an ИНН, a number.
    let mut plain = Roster {
        schools: vec![school("Лицей")],
        ..Roster::default()
    };
    let lyceum = crate::school::profile::SchoolProfile {
        name: "Лицей".into(),
        ..Default::default()
    };
    plain.place_new(unplaced[0].0.clone(), &lyceum, PERIOD);
    assert_eq!(plain.schools[1].name, "Лицей (2)");
    // In its place by name in a list in name order, at the end of another.
    let names = |roster: &Roster| -> Vec<String> {
        roster.schools.iter().map(|s| s.name.clone()).collect()
    };
    for (list, after) in [
        (
            ["Гимназия", "Школа № 9"],
            ["Гимназия", "Лицей", "Школа № 9"],
        ),
        (
            ["Школа № 9", "Гимназия"],
            ["Школа № 9", "Гимназия", "Лицей"],
        ),
    ] {
        let mut roster = Roster {
            schools: list.map(school).into(),
            ..Roster::default()
        };
        roster.place_new(unplaced[0].0.clone(), &lyceum, PERIOD);
        assert_eq!(names(&roster), after);
    }
}

#[test]
fn the_list_from_files_joins_the_years_each_school_once() {
    // А gave its ИНН last year only: still one school.
    let (archive, before, now) = two_years_of(&[
        ("a1", "Школа А", "2024/2025", "6658001234"),
        ("b1", "Школа Б", "2024/2025", ""),
        ("a2", "Школа А", PERIOD, ""),
        ("n2", "Школа Новая", PERIOD, ""),
    ]);
    let listed = from_results(&Roster::default(), &[&before, &now], &[]);
    let names: Vec<&str> = listed.iter().map(|s| s.name.as_str()).collect();
    // Б sent nothing this year and is to be chased; the new school is listed too.
    assert_eq!(names, ["Школа А", "Школа Б", "Школа Новая"]);
    assert_eq!(
        listed[0].identifier, "6658001234",
        "kept from the year that gave it"
    );
    // This year's file without the ИНН is that row's.
    let roster = Roster {
        schools: listed,
        ..Roster::default()
    };
    // The new school's first file is this year's: offered as new since;
    // the one whose last is last year's, as closed.
    let y = |first: &str, last: &str| {
        Some(FileYears {
            first: first.into(),
            last: last.into(),
        })
    };
    let years = file_years(&roster, &archive, DEFAULT_CARD);
    let last = "2024/2025";
    assert_eq!(years, [y(last, PERIOD), y(last, last), y(PERIOD, PERIOD)]);
    assert_eq!(
        FileYears::offer(years[2].as_ref(), last),
        Some(NotExpected::New(PERIOD.into()))
    );
    assert_eq!(
        FileYears::offer(years[1].as_ref(), PERIOD),
        Some(NotExpected::Closed)
    );
    // A school that sent before and after a year skipped it: neither.
    let skipped = y("2023/2024", PERIOD);
    assert_eq!(FileYears::offer(skipped.as_ref(), last), None);
    assert_eq!(FileYears::offer(None, last), Some(NotExpected::Closed));
    let a2 = archive.entry("a2").unwrap();
    assert_eq!(
        roster.files_by_school([a2].into_iter(), std::iter::empty())[0]
            .0
            .len(),
        1
    );
}

/// The list from the workspace: every year's schools, and the year shown
/// among its years though no file of it is in yet.
#[test]
fn the_list_from_the_workspace_takes_every_year() {
    let (archive, _, _) = two_years_of(&[
        ("p1", "МБОУ СОШ № 15", "2024/2025", ""),
        ("g1", "МАОУ «Гимназия № 14»", "2024/2025", ""),
        ("n2", "МАОУ СОШ № 19", PERIOD, ""),
    ]);
    let card = archive.entries()[0].card.id.clone();
    let (list, years) = from_archive(&archive, &card, "2026/2027");
    assert_eq!(years, ["2024/2025", PERIOD, "2026/2027"]);
    let mut names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        ["МАОУ «Гимназия № 14»", "МАОУ СОШ № 19", "МБОУ СОШ № 15"]
    );
}

/// A school new this year under the numbers of one listed last year that
/// sent nothing this year is left to be placed, not listed twice; one
/// with other numbers, or none, is listed.
#[test]
fn the_list_from_files_leaves_a_likely_rename_to_be_placed() {
    let (mut archive, before, now) = two_years_of(&[
        ("p1", "МБОУ СОШ № 15", "2024/2025", ""),
        ("g1", "МАОУ «Гимназия № 14»", "2024/2025", ""),
        ("q2", "МАОУ СОШ № 15", PERIOD, ""),
        ("n2", "МАОУ СОШ № 19", PERIOD, ""),
        ("w2", "Школа Новая", PERIOD, ""),
    ]);
    archive.roster.schools = from_results(&Roster::default(), &[&before, &now], &[]);
    let names: Vec<&str> = (archive.roster.schools.iter())
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "МАОУ «Гимназия № 14»",
            "МАОУ СОШ № 19",
            "МБОУ СОШ № 15",
            "Школа Новая"
        ]
    );
    let unplaced = archive.roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    assert_eq!(
        unplaced
            .iter()
            .map(|(_, p)| p.name.as_str())
            .collect::<Vec<_>>(),
        ["МАОУ СОШ № 15"]
    );
    // Placed as the listed school, it is that school's file.
    archive.roster.place(unplaced[0].0.clone(), "МБОУ СОШ № 15");
    assert!(archive
        .roster
        .unplaced(&archive, DEFAULT_CARD, PERIOD)
        .is_empty());
    // The first year alone: every school listed.
    assert_eq!(from_results(&Roster::default(), &[&now], &[]).len(), 3);
}

/// A school that filled in another card than the campaign's is «не сдана»
/// for it, and told why: a walk-through's reminder said nothing came from
/// a school whose file, on the built-in card, was in. The department's
/// card started from the built-in one keeps its title: each is named as
/// the school's list of cards tells them apart (a review).
#[test]
fn a_school_that_sent_another_card_is_told_so() {
    let builtin = testkit::card();
    let mut archive = Archive::new(Cards::new([builtin.clone()]));
    let mut n = 0;
    let index = archive.edit_own(|own| {
        own.department = "Отдел образования".into();
        own.start_from(&builtin, "otdel-2025", || {
            n += 1;
            format!("i{n}")
        })
    });
    let key = crate::signed::keys::KeyPair::from_seed([3; 32]);
    archive
        .publish(index, &key, "2026-09-01T00:00:00.000Z", &[])
        .unwrap();
    let own = (**archive.cards().latest("otdel-2025").unwrap()).clone();
    assert_eq!(own.title, builtin.title);
    let file = |card: &crate::card::Card, id: &str, name: &str| {
        let d = draft(name, PERIOD, &["1.8"]);
        let text = testkit::sign(
            card,
            &d,
            testkit::meta(id, "2026-09-20T08:00:00.000Z", None),
            1,
        );
        testkit::entry(card, id, &text)
    };
    archive.admit_all(vec![
        file(&builtin, "a1", "Школа А"),
        file(&own, "b1", "Школа Б"),
        file(&builtin, "b0", "Школа Б"),
    ]);
    let roster = Roster {
        schools: ["Школа А", "Школа Б", "Школа В"].map(school).to_vec(),
        ..Roster::default()
    };
    let rows = statuses(&roster, &archive, "otdel-2025", PERIOD, "2026-10-20");
    let seen: Vec<(Status, Option<&str>)> = (rows.iter())
        .map(|r| (r.status, r.other_card.as_deref()))
        .collect();
    let title = quoted(builtin.title.trim());
    let theirs_named = format!("{title} (встроенная в Профкарту)");
    assert_eq!(
        seen,
        [
            (Status::NotSent, Some(theirs_named.as_str())),
            (Status::Received, None),
            (Status::NotSent, None),
        ]
    );
    let ours_named = as_schools_name_it(&archive, &own);
    assert_eq!(ours_named, format!("{title} (карта отдела образования)"));
    // On the built-in card's own campaign, А is in and Б sent another.
    let theirs = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-10-20");
    assert_eq!(theirs[0].other_card, None);
    assert_eq!(theirs[1].status, Status::Received);
    let letter = reminder(
        &rows,
        &ours_named,
        PERIOD,
        &Deadlines::default(),
        "2026-10-20",
    )
    .unwrap();
    assert!(
        letter.contains(&format!(
            "1. Школа А — прислан файл по другой карте: {theirs_named}\n2. Школа В\n"
        )),
        "{letter}"
    );
    assert!(
        letter.contains(&format!(
            "Организации, приславшие файл по другой карте, просим выбрать на странице \
             «Профкарта» карту {ours_named} и заполнить её."
        )),
        "{letter}"
    );
    // The exported list says it too, in a column of its own.
    let table = roster_table(&rows);
    assert_eq!(table.headers.last().map(String::as_str), Some("Примечание"));
    assert_eq!(
        table.rows.iter().map(|r| r[6].text()).collect::<Vec<_>>(),
        [
            format!("прислан файл по другой карте: {theirs_named}"),
            String::new(),
            String::new()
        ]
    );
    // It is open, so neither «Закрыта» nor «Новая» is offered for the year.
    let sent = sent_years(&roster, &archive, "otdel-2025");
    assert_eq!(sent[0].as_ref().map(|y| y.last.as_str()), Some(PERIOD));
    assert_eq!(sent[2], None);
    // Without such a school, the letter does not ask it.
    let others = reminder(
        &rows[2..],
        &ours_named,
        PERIOD,
        &Deadlines::default(),
        "2026-10-20",
    )
    .unwrap();
    assert!(!others.contains("по другой карте"), "{others}");
}

/// A school typed by hand that the list has in another spelling is
/// refused with the listed name; a list with every card in has no reminder.
#[test]
fn a_school_is_listed_once_and_a_full_list_needs_no_reminder() {
    let mut roster = Roster {
        schools: vec![school("МАОУ «СОШ № 7»")],
        ..Roster::default()
    };
    assert_eq!(
        roster.add("  маоу сош №7 "),
        Err(AlreadyListed {
            name: "МАОУ «СОШ № 7»".into()
        })
    );
    let refused = roster.add("маоу сош № 7").unwrap_err().to_string();
    assert_eq!(refused, "Школа уже есть в списке: «МАОУ „СОШ № 7“».");
    assert_eq!(roster.add(" МАОУ  СОШ № 8 "), Ok(()));
    assert_eq!(roster.schools[1].name, "МАОУ СОШ № 8");
    assert_eq!(roster.schools.len(), 2);
    let sent = RosterRow {
        at: 1,
        school: school("МАОУ СОШ № 8"),
        status: Status::Received,
        sent: Some("2026-09-20".into()),
        sent_late: None,
        overdue: None,
        reviewers: Vec::new(),
        held: false,
        filed_as: None,
        shown: "МАОУ СОШ № 8".into(),
        other_card: None,
        refused_likely: false,
    };
    let deadlines = roster.deadlines(DEFAULT_CARD, PERIOD);
    assert_eq!(
        reminder(&[sent], "«Карта»", PERIOD, &deadlines, "2026-10-01"),
        None
    );
}

/// On paper the date fields are not printed: the line says them.
#[test]
fn the_deadlines_in_one_line() {
    let mut d = Deadlines::seed_003("2025/2026");
    assert_eq!(
        d.line(),
        "Сроки: карта школы — до 30.09.2026; проверка объективности — до 15.10.2026; \
         оценка — до 01.11.2026."
    );
    d.check.clear();
    d.evaluate = " ".into();
    assert_eq!(d.line(), "Сроки: карта школы — до 30.09.2026.");
    d.submit.clear();
    assert_eq!(d.line(), "Сроки не заданы.");
    // Out of order: said, unset dates skipped.
    let mut d = Deadlines::seed_003("2025/2026");
    assert_eq!(d.out_of_order(), None);
    d.check = "2026-09-01".into();
    assert_eq!(
        d.out_of_order().as_deref(),
        Some(
            "Срок проверки объективности (01.09.2026) раньше срока сдачи карты (30.09.2026): \
             проверьте даты."
        )
    );
    d.check.clear();
    d.evaluate = "2026-09-15".into();
    assert_eq!(
        d.out_of_order().as_deref(),
        Some("Срок оценки (15.09.2026) раньше срока сдачи карты (30.09.2026): проверьте даты.")
    );
}

/// Keeps the refusals of `rows` (imported on 2 October) in `archive`,
/// gives it the list of `schools` and returns their statuses on 20 October.
fn refused_then_listed(
    archive: &mut Archive,
    rows: &[ImportRow],
    schools: [&str; 3],
) -> Vec<RosterRow> {
    let kept = refusals(archive, rows, "2026-10-02T10:00:00Z");
    archive.note_refused(kept);
    archive.roster = Roster {
        schools: schools.map(school).to_vec(),
        ..Roster::default()
    };
    statuses(&archive.roster, archive, DEFAULT_CARD, PERIOD, "2026-10-20")
}

/// В's file was refused at import (damaged on the way); Г's refused file is
/// of last year, and an old refusal names no school. On 20 October В is
/// asked to send its file again, not told that nothing came; Г is reminded
/// as before. Once В's good copy is in, it counts as received.
#[test]
fn a_school_whose_file_was_refused_is_asked_again_not_told_nothing_came() {
    let card = testkit::card();
    let a = draft("Школа А", PERIOD, &["1.8"]);
    let mut archive = testkit::archive(&card, &[("a1", &a)]);
    let signed = |name: &str, period: &str, id: &str| {
        let d = draft(name, period, &["1.8"]);
        testkit::sign(
            &card,
            &d,
            testkit::meta(id, "2026-09-20T08:00:00Z", None),
            2,
        )
    };
    let damaged = |text: String| text.replacen("2026-09-20", "2026-09-21", 1);
    let rows = [
        ImportRow::refused(
            "v.json".into(),
            ImportError::CutOff,
            Some(damaged(signed("школа  В", PERIOD, "v1")).as_bytes()),
        ),
        ImportRow::refused(
            "g.json".into(),
            ImportError::CutOff,
            Some(damaged(signed("Школа Г", "2024/2025", "g0")).as_bytes()),
        ),
        ImportRow::refused("x.json".into(), ImportError::NotText, None),
    ];
    let rows = refused_then_listed(&mut archive, &rows, ["Школа А", "Школа В", "Школа Г"]);
    assert_eq!(archive.refusals().len(), 3);
    assert!(archive.refusals()[0]
        .why
        .ends_with("В файле указана школа: школа В, 2025/2026 учебный год."));
    let seen: Vec<(&str, &str, String)> = rows
        .iter()
        .map(|r| (r.school.name.as_str(), r.status.label(), r.lateness()))
        .collect();
    let overdue = "просрочено на 20 дней".to_owned();
    assert_eq!(
        seen,
        [
            (
                "Школа А",
                "получена",
                "проверка отделом просрочена на 5 дней".to_owned()
            ),
            ("Школа В", "файл не принят", overdue.clone()),
            ("Школа Г", "не сдана", overdue),
        ]
    );
    assert_eq!(
        counts(&rows),
        "сдали 1 из 3, не сдали 2, из них просрочено 2, файл не принят у 1"
    );
    let letter = |rows: &[RosterRow]| {
        let deadlines = archive.roster.deadlines(DEFAULT_CARD, PERIOD);
        reminder(rows, "«Карта»", PERIOD, &deadlines, "2026-10-20").unwrap()
    };
    let all = letter(&rows);
    assert!(
        all.contains(
            "По состоянию на 20.10.2026 карта не получена от следующих организаций:\n\n\
             1. Школа Г (просрочено на 20 дней)\n"
        ),
        "{all}"
    );
    assert!(
        all.contains(
            "\nФайлы следующих организаций получены, но не приняты при загрузке:\n\n\
             1. Школа В\n\nПросим открыть карту"
        ),
        "{all}"
    );
    assert!(!all.contains("управлени"), "{all}");
    assert_eq!(
        crate::department::report::left_out(&archive, DEFAULT_CARD, PERIOD, &[]),
        "Не представили карту (по списку школ): Школа В (файл не принят), Школа Г."
    );
    // A list made from the files has В as its file names it, once, and
    // not А again, whose file was accepted: a refused file of А's is old news.
    let claims: Vec<&Claim> = (archive.refusals().iter())
        .filter_map(|r| r.claim.as_ref())
        .filter(|c| c.of_campaign(DEFAULT_CARD, PERIOD))
        .collect();
    let mut of_a = claims[0].clone();
    of_a.name = "ШКОЛА  А".into();
    let now = crate::department::results::results(&archive, DEFAULT_CARD, PERIOD);
    let listed: Vec<String> =
        from_results(&Roster::default(), &[&now], &[claims[0], &of_a, claims[0]])
            .into_iter()
            .map(|s| s.name)
            .collect();
    assert_eq!(listed, ["Школа А", "школа В"]);
    // Only В's file refused: the letter asks for it alone, from the start.
    let only = letter(&rows[..2]);
    assert!(
        only.contains(
            "до 30.09.2026. По состоянию на 20.10.2026 файлы следующих организаций получены, \
             но не приняты при загрузке:\n\n1. Школа В"
        ),
        "{only}"
    );
    assert!(!only.contains("не получена"), "{only}");
    // В's good copy comes: it is received, late by the days it took.
    let v = draft("Школа В", PERIOD, &["1.8"]);
    let good = testkit::sign(
        &card,
        &v,
        testkit::meta("v2", "2026-10-05T08:00:00Z", None),
        3,
    );
    archive.admit_all(vec![testkit::entry(&card, "v2", &good)]);
    let rows = statuses(
        &archive.roster,
        &archive,
        DEFAULT_CARD,
        PERIOD,
        "2026-10-20",
    );
    assert_eq!(rows[1].status, Status::Received);
    assert_eq!(rows[1].sent_late, Some(5));
}

/// Refused files the list cannot place by what they say: one cut off
/// before its school, named by its file name as СОШ № 2's (which has no
/// card: listed, with that guess); one named as СОШ № 1's, which has its
/// card by now (left out); one of another year (left out); one whose name
/// says nothing (listed, no guess); one claiming a school the list does
/// not have (listed).
#[test]
fn refused_files_the_list_cannot_place_are_listed_with_a_guess() {
    let card = testkit::card();
    let one = draft("СОШ № 1", PERIOD, &["1.8"]);
    let mut archive = testkit::archive(&card, &[("a1", &one)]);
    let cut = |file: &str| ImportRow::refused(file.into(), ImportError::CutOff, Some(b"{\"pay"));
    let stranger = draft("Гимназия № 9", PERIOD, &[]);
    let signed = testkit::sign(&card, &stranger, testkit::meta("g9", "2026-09-20", None), 4);
    let damaged = signed.replacen("2026-09-20", "2026-09-21", 1);
    let rows = [
        cut("00028_profkarta_СОШ_2_2025-2026 (1).json"),
        cut("profkarta_СОШ_1_2025-2026.json"),
        cut("profkarta_Лицей_3_2024-2025.json"),
        cut("отчёт.json"),
        ImportRow::refused(
            "g.json".into(),
            ImportError::CutOff,
            Some(damaged.as_bytes()),
        ),
    ];
    let rows = refused_then_listed(&mut archive, &rows, ["СОШ № 1", "СОШ № 2", "Лицей № 3"]);
    let listed: Vec<(&str, Option<&str>)> =
        unplaced_refusals(&archive, &rows, DEFAULT_CARD, PERIOD)
            .into_iter()
            .map(|u| (u.refusal.file.as_str(), u.likely))
            .collect();
    assert_eq!(
        listed,
        [
            ("g.json", None),
            ("отчёт.json", None),
            ("00028_profkarta_СОШ_2_2025-2026 (1).json", Some("СОШ № 2")),
        ]
    );
    // The guess does not change a status: СОШ № 2 has sent nothing readable.
    assert_eq!(rows[1].status, Status::NotSent);
    // But it did send: the year before, it is not offered as closed, and
    // Лицей № 3, whose cut-off file is of last year, neither as new nor
    // as closed there. СОШ № 1's cut-off file adds nothing to its card's
    // year; Гимназия № 9 is not in the list.
    let year = |first: &str, last: &str| {
        Some(FileYears {
            first: first.into(),
            last: last.into(),
        })
    };
    assert_eq!(
        file_years(&archive.roster, &archive, DEFAULT_CARD),
        [year(PERIOD, PERIOD), None, None],
        "counted files alone"
    );
    let years = sent_years(&archive.roster, &archive, DEFAULT_CARD);
    let last = "2024/2025";
    assert_eq!(
        years,
        [year(PERIOD, PERIOD), year(PERIOD, PERIOD), year(last, last)]
    );
    assert_eq!(
        FileYears::offer(years[1].as_ref(), last),
        Some(NotExpected::New(PERIOD.into()))
    );
    assert_eq!(FileYears::offer(years[2].as_ref(), last), None);
}

/// Replacing the list names what it drops: a school typed by hand, not one
/// the new list spells otherwise or knows by its identifier.
#[test]
fn replacing_the_list_names_the_schools_it_drops() {
    let mut roster = Roster {
        schools: vec![
            school("МАОУ СОШ № 7"),
            RosterSchool {
                identifier: "6600000001".into(),
                ..school("Лицей")
            },
            school("МКОУ ООШ № 21 д. Мостовая"),
        ],
        ..Roster::default()
    };
    let new = [
        school("маоу сош №7"),
        RosterSchool {
            identifier: "6600000001".into(),
            ..school("МАОУ «Лицей № 3»")
        },
    ];
    assert_eq!(
        roster.dropped_by(&new, &[], Roster::LOADED).as_deref(),
        Some("В загружаемом списке нет школы «МКОУ ООШ № 21 д. Мостовая»: она будет удалена из списка.")
    );
    assert_eq!(
        roster.dropped_by(&[], &[], Roster::LOADED).as_deref(),
        Some(
            "В загружаемом списке нет 3 школ нынешнего списка: «МАОУ СОШ № 7», «Лицей», «МКОУ ООШ № \
             21 д. Мостовая» — они будут удалены из списка."
        )
    );
    // The list made from the accepted files is named as such.
    assert_eq!(
        roster.dropped_by(&new, &[], Roster::FROM_FILES).as_deref(),
        Some(
            "В списке из принятых файлов нет школы «МКОУ ООШ № 21 д. Мостовая»: она будет удалена \
             из списка."
        )
    );
    roster.schools.truncate(2);
    assert_eq!(roster.dropped_by(&new, &[], Roster::LOADED), None);
}

/// This year's «Лицей № 15» placed as a new school stays in a list made
/// from the files again: it is not taken for last year's «МБОУ СОШ № 15»
/// renamed.
#[test]
fn a_school_placed_as_new_stays_in_the_list_from_files() {
    let (mut archive, before, now) = two_years_of(&[
        ("p1", "МБОУ СОШ № 15", "2024/2025", ""),
        ("q2", "Лицей № 15", PERIOD, ""),
    ]);
    archive.roster.schools = from_results(&Roster::default(), &[&before, &now], &[]);
    let unplaced = archive.roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    assert_eq!(unplaced.len(), 1);
    archive
        .roster
        .place_new(unplaced[0].0.clone(), &unplaced[0].1, PERIOD);
    assert!(archive
        .roster
        .unplaced(&archive, DEFAULT_CARD, PERIOD)
        .is_empty());
    let again = from_results(&archive.roster, &[&before, &now], &[]);
    let names: Vec<&str> = again.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Лицей № 15", "МБОУ СОШ № 15"]);
}

/// Two schools of one name in two municipalities, the one in Сарапул
/// closed: a new list with both keeps each one's years.
#[test]
fn a_new_list_keeps_the_years_of_each_namesake() {
    let of = |municipality: &str| RosterSchool {
        name: "МБОУ СОШ № 1".into(),
        municipality: municipality.into(),
        ..RosterSchool::default()
    };
    let mut roster = Roster {
        schools: vec![of("Сарапул"), of("Воткинск")],
        ..Roster::default()
    };
    roster.schools[0].until = "2024/2025".into();
    roster.replace_schools(vec![of("Воткинск"), of("Сарапул")], &[]);
    let until: Vec<(&str, &str)> = (roster.schools.iter())
        .map(|s| (s.municipality.as_str(), s.until.as_str()))
        .collect();
    assert_eq!(until, [("Воткинск", ""), ("Сарапул", "2024/2025")]);
    // A list without municipalities cannot tell them apart: neither's.
    roster.replace_schools(vec![school("МБОУ СОШ № 1")], &[]);
    assert_eq!(roster.schools[0].until, "");
}

/// A file placed by hand goes on with the school it was placed with when
/// the list is made again from the files, and so does the year before,
/// whose file the new list spells otherwise; a loaded list that spells
/// the school so that no file of its is found says so before it replaces
/// anything, and then its files are asked about again.
#[test]
fn placings_go_on_with_the_school_in_a_new_list() {
    let (mut archive, before, now) = two_years_of(&[
        ("p1", "МБОУ СОШ № 15", "2024/2025", ""),
        ("g1", "МАОУ «Гимназия № 14»", "2024/2025", ""),
        ("q2", "МАОУ СОШ № 15", PERIOD, ""),
        ("g2", "МАОУ «Гимназия № 14»", PERIOD, ""),
    ]);
    archive.roster.schools = from_results(&Roster::default(), &[&before, &now], &[]);
    let q2 = archive.roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    archive.roster.place(q2[0].0.clone(), "МБОУ СОШ № 15");
    let sent = |archive: &Archive, period: &str| {
        counts(&statuses(
            &archive.roster,
            archive,
            DEFAULT_CARD,
            period,
            "2026-09-01",
        ))
    };
    assert_eq!(sent(&archive, PERIOD), "сдали 2 из 2");
    // Made again: this year's name is listed, and the year before's file,
    // spelled as the old name, is that school's.
    let again = from_results(&archive.roster, &[&before, &now], &[]);
    let names: Vec<&str> = again.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["МАОУ «Гимназия № 14»", "МАОУ СОШ № 15"]);
    assert_eq!(
        archive
            .roster
            .dropped_by(&again, archive.entries(), Roster::FROM_FILES),
        None
    );
    archive.replace_roster(again);
    for period in ["2024/2025", PERIOD] {
        assert!(archive
            .roster
            .unplaced(&archive, DEFAULT_CARD, period)
            .is_empty());
        assert_eq!(sent(&archive, period), "сдали 2 из 2");
    }
    // A register spelling the school in full, without an ИНН: nothing
    // tells it is the same school.
    let register = vec![
        school("МАОУ «Гимназия № 14»"),
        school("Муниципальное автономное общеобразовательное учреждение «Средняя школа № 15»"),
    ];
    assert_eq!(
        archive
            .roster
            .dropped_by(&register, archive.entries(), Roster::LOADED)
            .as_deref(),
        Some(
            "В загружаемом списке нет школы «МАОУ СОШ № 15»: она будет удалена из списка. Файлы \
             школы «МАОУ СОШ № 15» новый список не найдёт: их нужно будет сопоставить заново («… \
             — это …»)."
        )
    );
    archive.replace_roster(register);
    let unplaced = |period| {
        archive
            .roster
            .unplaced(&archive, DEFAULT_CARD, period)
            .len()
    };
    assert_eq!((unplaced("2024/2025"), unplaced(PERIOD)), (1, 1));
}

/// A school closed after last year keeps its years in a new list that
/// spells it in full under its ИНН; a file placed with a school that is
/// then removed from the list is placed by the spelling rules again.
#[test]
fn a_new_list_knows_a_school_by_its_identifier() {
    let mut roster = Roster {
        schools: vec![RosterSchool {
            identifier: "6658001234".into(),
            until: "2024/2025".into(),
            ..school("МБОУ ООШ № 4")
        }],
        ..Roster::default()
    };
    let full = RosterSchool {
        identifier: "6658001234".into(),
        ..school("Муниципальное бюджетное общеобразовательное учреждение «Основная школа № 4»")
    };
    assert_eq!(
        roster.dropped_by(std::slice::from_ref(&full), &[], Roster::LOADED),
        None
    );
    roster.replace_schools(vec![full], &[]);
    assert_eq!(roster.schools[0].until, "2024/2025");

    let card = testkit::card();
    let archive = testkit::archive(&card, &[("l", &draft("Лицей", PERIOD, &[]))]);
    let lyceum = &archive.entries()[0];
    roster.place(lyceum.school.clone(), "МБОУ ООШ № 4");
    roster.schools = vec![school("Лицей")];
    assert_eq!(
        Owners::new(&roster).of(&lyceum.school, lyceum.profile()),
        [0]
    );
}

/// An archive of `files` (id, school, year, ИНН) on the test card, each signed
/// with the key of its id's first letter, and its results of 2024/2025
/// and [`PERIOD`].
fn two_years_of(
    files: &[(&str, &str, &str, &str)],
) -> (Archive, Vec<SchoolResult>, Vec<SchoolResult>) {
    let (archive, mut years) = years_of(files, &["2024/2025", PERIOD]);
    let now = years.pop().expect("two years");
    let before = years.pop().expect("two years");
    (archive, before, now)
}

/// a file on the test card from the school `name` of
/// `municipality` with `identifier`, signed with the key of `seed`.
fn signed(
    id: &str,
    name: &str,
    municipality: &str,
    identifier: &str,
    replaces: Option<&str>,
    seed: u8,
) -> Entry {
    let at = match replaces {
        Some(_) => "2026-09-08T08:00:00.000Z",
        None => "2026-09-01T08:00:00.000Z",
    };
    signed_at(id, name, municipality, identifier, replaces, seed, at)
}

/// [`review_file`] made at `at`.
fn signed_at(
    id: &str,
    name: &str,
    municipality: &str,
    identifier: &str,
    replaces: Option<&str>,
    seed: u8,
    at: &str,
) -> Entry {
    let card = testkit::card();
    let mut d = draft(name, PERIOD, &["1.8"]);
    d.profile.municipality = municipality.into();
    d.profile.identifier = identifier.into();
    testkit::entry(
        &card,
        id,
        &testkit::sign(&card, &d, testkit::meta(id, at, replaces), seed),
    )
}

fn listed(name: &str, identifier: &str, municipality: &str) -> RosterSchool {
    RosterSchool {
        identifier: identifier.into(),
        municipality: municipality.into(),
        ..school(name)
    }
}

fn sent_now(archive: &Archive) -> String {
    counts(&statuses(
        &archive.roster,
        archive,
        DEFAULT_CARD,
        PERIOD,
        "2026-09-10",
    ))
}

/// namesakes of two municipalities, listed by ИНН. A register
/// spelling both in full under one name (as regional registers do) carries
/// the Воткинск school's file over as a placing by name, and the name is
/// both rows': the Сарапул school, which sent nothing, counts as sent.
#[test]
fn a_carried_placing_goes_to_one_namesake_only() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.admit_all(vec![signed("v1", "Школа № 1", "Воткинск", "", None, 1)]);
    archive.roster.schools = vec![
        listed("Школа № 1", "1828000001", "Воткинск"),
        listed("Школа № 1", "1838000001", "Сарапул"),
    ];
    assert_eq!(sent_now(&archive), "сдали 1 из 2, не сдали 1");
    let register = vec![
        listed("МБОУ «Средняя школа № 1»", "1828000001", "Воткинск"),
        listed("МБОУ «Средняя школа № 1»", "1838000001", "Сарапул"),
    ];
    assert_eq!(
        archive
            .roster
            .dropped_by(&register, archive.entries(), Roster::LOADED),
        None
    );
    archive.replace_roster(register);
    assert_eq!(sent_now(&archive), "сдали 1 из 2, не сдали 1");
}

/// the same through a renamed correction (feature 2): the
/// Воткинск school, without an ИНН, renames itself in its correction,
/// which is placed with its row by the row's name; the Сарапул namesake
/// of the same name gets it too.
#[test]
fn a_renamed_correction_is_placed_with_one_namesake_only() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.roster.schools = vec![
        listed("МБОУ СОШ № 1", "", "Воткинск"),
        listed("МБОУ СОШ № 1", "", "Сарапул"),
    ];
    archive.admit_all(vec![signed("v1", "МБОУ СОШ № 1", "Воткинск", "", None, 1)]);
    assert_eq!(sent_now(&archive), "сдали 1 из 2, не сдали 1");
    archive.admit_all(vec![signed(
        "v2",
        "МАОУ «Лицей № 1»",
        "Воткинск",
        "",
        Some("v1"),
        1,
    )]);
    assert_eq!(archive.current().len(), 1);
    assert_eq!(sent_now(&archive), "сдали 1 из 2, не сдали 1");
}

/// the renamed correction came while the list was empty, and the
/// coordinator then typed the list by hand («Добавить»): nothing places
/// the correction (only `admit_in_order` and `replace_roster` do), so the
/// school stands «не сдана» with its correction asked about («… — это
/// …»), until the workspace is reopened, when it is placed.
#[test]
fn a_renamed_correction_is_placed_in_a_list_typed_by_hand() {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    archive.admit_all(vec![signed(
        "a1",
        "МБОУ СОШ № 5",
        testkit::MUNICIPALITY,
        "",
        None,
        1,
    )]);
    archive.admit_all(vec![signed(
        "a2",
        "МАОУ «Лицей № 5»",
        testkit::MUNICIPALITY,
        "",
        Some("a1"),
        1,
    )]);
    // «Добавить» on the page, which places such corrections after every
    // edit of the list.
    archive.roster.add("МБОУ СОШ № 5").unwrap();
    archive.place_renamed();
    let (reopened, _) = Archive::from_json(Cards::new([card]), &archive.to_json()).unwrap();
    assert_eq!(sent_now(&reopened), "сдали 1 из 1");
    assert_eq!(
        sent_now(&archive),
        sent_now(&reopened),
        "differs until reopened"
    );
}

/// two schools, one key: B's card was made from A's exported
/// draft and replaced A's file; placed automatically with A's row. A
/// sends its card again, as the import line tells («тогда учтутся обе»):
/// both count in the results, but B's file stays A's in the list, so B is
/// never asked about and the list counts one school where two sent.
#[test]
fn a_school_that_sends_again_after_a_wrong_rename_is_counted_apart() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.roster.schools = vec![school("МБОУ СОШ № 5"), school("Гимназия")];
    let m = testkit::MUNICIPALITY;
    archive.admit_all(vec![
        signed("a1", "МБОУ СОШ № 5", m, "", None, 1),
        signed("g1", "Гимназия", m, "", None, 2),
    ]);
    archive.admit_all(vec![signed("b1", "Лицей № 9", m, "", Some("a1"), 1)]);
    assert_eq!(sent_now(&archive), "сдали 2 из 2");
    // A sends its card again, after the department asked.
    archive.admit_all(vec![signed("a3", "МБОУ СОШ № 5", m, "", None, 1)]);
    assert_eq!(archive.current().len(), 3, "A, B and the gymnasium count");
    let unplaced = archive.roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    assert_eq!(
        unplaced
            .iter()
            .map(|(_, p)| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Лицей № 9"],
        "B is to be asked about, not counted as A"
    );
}

/// a list without municipalities had one row for «Школа № 1»
/// (ИНН of the Воткинск school) owning the files of both namesakes; a
/// register that tells them apart is loaded. The Сарапул school's file
/// is carried over to the Воткинск row, silently: Сарапул stands «не
/// сдана» and its file is never asked about.
#[test]
fn a_namesake_s_file_is_not_carried_to_a_school_of_another_municipality() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.admit_all(vec![
        signed("v1", "Школа № 1", "Воткинск", "", None, 1),
        signed("s1", "Школа № 1", "Сарапул", "", None, 2),
    ]);
    archive.roster.schools = vec![listed("Школа № 1", "1828000001", "")];
    let register = vec![
        listed(
            "МБОУ «Средняя школа № 1» г. Воткинск",
            "1828000001",
            "Воткинск",
        ),
        listed(
            "МБОУ «Средняя школа № 1» г. Сарапул",
            "1838000001",
            "Сарапул",
        ),
    ];
    let warned = archive
        .roster
        .dropped_by(&register, archive.entries(), Roster::LOADED);
    archive.replace_roster(register);
    let unplaced = archive.roster.unplaced(&archive, DEFAULT_CARD, PERIOD);
    let asked: Vec<&str> = unplaced
        .iter()
        .map(|(_, p)| p.municipality.as_str())
        .collect();
    assert!(
        asked == ["Сарапул"] || warned.is_some(),
        "Сарапул's file went to the Воткинск school unasked: {:?}",
        sent_now(&archive)
    );
}

/// a school without an ИНН renamed itself in a correction and
/// then corrected its new name in a second one (each naming the file
/// before). Imported one by one, the last correction is placed with the
/// school's row; imported in one batch, as a department imports the
/// month's mail, it is not (`place_renamed` places against the list as it
/// was before the batch's placings), and the school stands «не сдана»
/// until the workspace is reopened.
#[test]
fn two_renames_in_one_batch_are_placed_as_one_by_one() {
    let m = testkit::MUNICIPALITY;
    let files = || {
        let at = "2026-09-09T08:00:00.000Z";
        vec![
            signed("a1", "МБОУ СОШ № 5", m, "", None, 1),
            signed("a2", "МАОУ «Лицей № 5»", m, "", Some("a1"), 1),
            signed_at(
                "a3",
                "МАОУ «Лицей № 5» им. Пушкина",
                m,
                "",
                Some("a2"),
                1,
                at,
            ),
        ]
    };
    let list = || Roster {
        schools: vec![school("МБОУ СОШ № 5")],
        ..Roster::default()
    };
    let mut one_by_one = Archive::new(Cards::new([testkit::card()]));
    one_by_one.roster = list();
    for file in files() {
        one_by_one.admit_all(vec![file]);
    }
    assert_eq!(sent_now(&one_by_one), "сдали 1 из 1");
    let mut batch = Archive::new(Cards::new([testkit::card()]));
    batch.roster = list();
    batch.admit_all(files());
    assert_eq!(batch.current().len(), 1);
    assert_eq!(sent_now(&batch), "сдали 1 из 1");
}

/// An archive of `files` (id, school, year, ИНН) on the test card, each
/// signed with the key of its id's first letter, and its results of each
/// of `periods`, in that order.
fn years_of(
    files: &[(&str, &str, &str, &str)],
    periods: &[&str],
) -> (Archive, Vec<Vec<SchoolResult>>) {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    let batch = files
        .iter()
        .map(|(id, name, period, identifier)| {
            let mut d = draft(name, period, &[]);
            d.profile.identifier = (*identifier).to_owned();
            let at = "2026-09-20T08:00:00.000Z";
            let text = testkit::sign(&card, &d, testkit::meta(id, at, None), id.as_bytes()[0]);
            testkit::entry(&card, id, &text)
        })
        .collect();
    archive.admit_all(batch);
    let years = (periods.iter())
        .map(|p| crate::department::results::results(&archive, DEFAULT_CARD, p))
        .collect();
    (archive, years)
}

/// The list made from `files` of 2023/2024, 2024/2025 and [`PERIOD`],
/// and the archive, with this year's «сдали … из …» by that list.
fn listed_over_three_years(files: &[(&str, &str, &str, &str)]) -> (Vec<RosterSchool>, String) {
    let (archive, years) = years_of(files, &["2023/2024", "2024/2025", PERIOD]);
    let each: Vec<&[SchoolResult]> = years.iter().map(Vec::as_slice).collect();
    let listed = from_results(&Roster::default(), &each, &[]);
    let roster = Roster {
        schools: listed.clone(),
        ..Roster::default()
    };
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-10");
    (listed, counts(&rows))
}

/// Three years, as «Составить по принятым файлам» now gives them: the
/// village school gave its ИНН in 2023/2024, sent nothing in 2024/2025
/// and sent without it in 2025/2026. One school: it is listed twice, and
/// both rows own its file («сдали 3 из 3» of two schools).
#[test]
fn a_school_that_skipped_a_year_and_its_inn_is_listed_once() {
    let (listed, sent) = listed_over_three_years(&[
        (
            "v1",
            "МБОУ «Верхнеполянская СОШ»",
            "2023/2024",
            "6658001234",
        ),
        ("g1", "Гимназия", "2023/2024", ""),
        ("g2", "Гимназия", "2024/2025", ""),
        ("v3", "МБОУ «Верхнеполянская СОШ»", PERIOD, ""),
        ("g3", "Гимназия", PERIOD, ""),
    ]);
    assert_eq!(sent, "сдали 2 из 2", "{listed:#?}");
}

/// The school spelled its name in full one year and abbreviated the
/// next: the list's rule ([`name_key`]) takes both for one school, but the
/// list from the files has two rows, each owning both files.
#[test]
fn the_list_from_files_lists_full_and_abbreviated_spellings_once() {
    let (archive, before, now) = two_years_of(&[
        (
            "v1",
            "МБОУ «Верхнеполянская средняя общеобразовательная школа»",
            "2024/2025",
            "",
        ),
        ("v2", "МБОУ «Верхнеполянская СОШ»", PERIOD, ""),
    ]);
    let listed = from_results(&Roster::default(), &[&before, &now], &[]);
    let roster = Roster {
        schools: listed.clone(),
        ..Roster::default()
    };
    let rows = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-09-10");
    assert_eq!(counts(&rows), "сдали 1 из 1", "{listed:#?}");
}

fn claim(name: &str, identifier: &str, municipality: &str, period: &str) -> Claim {
    Claim {
        name: name.into(),
        identifier: identifier.into(),
        municipality: municipality.into(),
        period: period.into(),
        card: String::new(),
    }
}

/// Refused files of two years (now all years' refusals are passed): the
/// school typed its ИНН in one and not the other. Listed twice, and any
/// later file of its is owned by both rows.
#[test]
fn refused_files_of_two_years_list_their_school_once() {
    let last = claim("Лицей «Вектор»", "6658001234", "Воткинск", "2024/2025");
    let this = claim("Лицей «Вектор»", "", "Воткинск", PERIOD);
    let listed = from_results(&Roster::default(), &[], &[&last, &this]);
    assert_eq!(listed.len(), 1, "{listed:#?}");
}

/// Namesakes of two municipalities whose files were both refused: the
/// list keeps one (the dedup key ignores the municipality), and the other
/// school is on no list, never reminded.
#[test]
fn refused_namesakes_of_two_municipalities_are_both_listed() {
    let v = claim("МБОУ СОШ № 1", "", "Воткинск", "2024/2025");
    let s = claim("МБОУ СОШ № 1", "", "Сарапул", PERIOD);
    let listed = from_results(&Roster::default(), &[], &[&v, &s]);
    let places: Vec<&str> = listed.iter().map(|s| s.municipality.as_str()).collect();
    assert_eq!(places, ["Воткинск", "Сарапул"]);
}

/// Namesakes listed with municipalities. A file that spells its place
/// with its kind («г. Воткинск») is the Воткинск school's by the rules; one
/// that names it otherwise still is asked about, and placed by the only
/// thing the page offers, the name, it goes to neither namesake rather
/// than to both (the Сарапул school, which sent nothing, counted as sent).
#[test]
fn a_placing_to_namesakes_counts_once_when_the_municipality_is_spelled_otherwise() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.roster.schools = vec![
        listed("МБОУ СОШ № 1", "", "Воткинск"),
        listed("МБОУ СОШ № 1", "", "Сарапул"),
    ];
    archive.admit_all(vec![signed(
        "v1",
        "МБОУ СОШ № 1",
        "г. Воткинск",
        "",
        None,
        1,
    )]);
    assert!(archive
        .roster
        .unplaced(&archive, DEFAULT_CARD, PERIOD)
        .is_empty());
    assert_eq!(sent_now(&archive), "сдали 1 из 2, не сдали 1");
    let mut other = Archive::new(Cards::new([testkit::card()]));
    other.roster = archive.roster.clone();
    other.admit_all(vec![signed("u1", "МБОУ СОШ № 1", "Удмуртия", "", None, 1)]);
    let unplaced = other.roster.unplaced(&other, DEFAULT_CARD, PERIOD);
    assert_eq!(unplaced.len(), 1);
    other.roster.place(unplaced[0].0.clone(), "МБОУ СОШ № 1");
    assert_eq!(sent_now(&other), "сдали 0 из 2, не сдали 2");
    assert_eq!(other.roster.unplaced(&other, DEFAULT_CARD, PERIOD).len(), 1);
}

/// «ООШ № 7» closed after 2023/2024; «Лицей № 7» opened in 2025/2026.
/// From the year shown and the one before, the lyceum was listed; from
/// every year it is taken for a rename of the school closed two years
/// before (the doc: «one listed from the year before»), left off the
/// list and offered to be placed as that closed school.
#[test]
fn a_school_new_in_year_three_is_not_taken_for_one_closed_after_year_one() {
    let (listed, _) = listed_over_three_years(&[
        ("o1", "МБОУ ООШ № 7", "2023/2024", ""),
        ("g1", "Гимназия", "2023/2024", ""),
        ("g2", "Гимназия", "2024/2025", ""),
        ("g3", "Гимназия", PERIOD, ""),
        ("l3", "МАОУ «Лицей № 7»", PERIOD, ""),
    ]);
    let names: Vec<&str> = listed.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"МАОУ «Лицей № 7»"), "{names:?}");
}

/// Namesakes of two places are shown, and reminded, with their places;
/// another school by its name alone.
#[test]
fn namesakes_are_shown_with_their_places() {
    let mut archive = Archive::new(Cards::new([testkit::card()]));
    archive.roster.schools = vec![
        listed("МБОУ СОШ № 1", "", "Воткинск"),
        listed("МБОУ СОШ № 1", "", "Сарапул"),
        listed("Гимназия", "", "Сарапул"),
    ];
    let rows = statuses(
        &archive.roster,
        &archive,
        DEFAULT_CARD,
        PERIOD,
        "2026-10-20",
    );
    let shown: Vec<&str> = rows.iter().map(|r| r.shown.as_str()).collect();
    assert_eq!(
        shown,
        [
            "МБОУ СОШ № 1 (Воткинск)",
            "МБОУ СОШ № 1 (Сарапул)",
            "Гимназия"
        ]
    );
    let deadlines = archive.roster.deadlines(DEFAULT_CARD, PERIOD);
    let letter = reminder(&rows, "«Карта»", PERIOD, &deadlines, "2026-10-20").unwrap();
    assert!(
        letter.contains("1. МБОУ СОШ № 1 (Воткинск) (просрочено на 20 дней)\n"),
        "{letter}"
    );
}

/// A refused file (signature broken) that names «Гимназия № 9» while the
/// list spells it «МАОУ «Гимназия № 9 имени А. С. Пушкина»»: the spelling
/// rules do not place it, and the list of refused files guesses that
/// school (its row says «вероятно, её файл не принят»); the same guess
/// keeps «Закрыта» from its row (a review).
#[test]
fn a_refused_file_guessed_by_its_claim_counts_as_sent_too() {
    let card = testkit::card();
    let one = draft("СОШ № 1", PERIOD, &["1.8"]);
    let mut archive = testkit::archive(&card, &[("a1", &one)]);
    let nine = draft("Гимназия № 9", PERIOD, &[]);
    let signed = testkit::sign(&card, &nine, testkit::meta("g9", "2026-09-20", None), 4);
    let damaged = signed.replacen("2026-09-20", "2026-09-21", 1);
    let rows = [ImportRow::refused(
        "g.json".into(),
        ImportError::CutOff,
        Some(damaged.as_bytes()),
    )];
    archive.note_refused(refusals(&archive, &rows, "2026-10-02T10:00:00Z"));
    archive.roster = Roster {
        schools: vec![
            school("СОШ № 1"),
            school("МАОУ «Гимназия № 9 имени А. С. Пушкина»"),
        ],
        ..Roster::default()
    };
    let mut rows = statuses(
        &archive.roster,
        &archive,
        DEFAULT_CARD,
        PERIOD,
        "2026-10-20",
    );
    let likely: Vec<Option<String>> = unplaced_refusals(&archive, &rows, DEFAULT_CARD, PERIOD)
        .into_iter()
        .map(|u| u.likely.map(str::to_owned))
        .collect();
    assert_eq!(
        likely,
        [Some("МАОУ «Гимназия № 9 имени А. С. Пушкина»".to_owned())]
    );
    // Said with its row, on the page and in the exported list.
    mark_refused(&mut rows, likely.iter().flatten().map(String::as_str));
    assert_eq!(
        rows.iter().map(RosterRow::note).collect::<Vec<_>>(),
        ["", "вероятно, её файл не принят"]
    );
    let table = roster_table(&rows);
    assert_eq!(table.headers.last().map(String::as_str), Some("Примечание"));
    assert_eq!(
        table.rows[1].last(),
        Some(&Cell::Text("вероятно, её файл не принят".into()))
    );
    let years = sent_years(&archive.roster, &archive, DEFAULT_CARD);
    assert_eq!(FileYears::offer(years[1].as_ref(), PERIOD), None);
}

/// «Верхнеполянская школа» is marked closed after 2024/2025. A cut-off
/// file named «profkarta_Верхнеполянская_школа_2025-2026.json» is refused:
/// placed by a guess alone, it does not put the school in 2025/2026's
/// table, so the school is still said to be closed (a review: taken as a
/// file of 2025/2026, it had the school vanish from both).
#[test]
fn a_closed_school_with_a_guessed_refused_file_does_not_vanish() {
    let card = testkit::card();
    let a = draft("Лесная школа", PERIOD, &["1.8"]);
    let v_old = draft("Верхнеполянская школа", "2024/2025", &["1.8"]);
    let mut archive = testkit::archive(&card, &[("a1", &a), ("v1", &v_old)]);
    let cut = ImportRow::refused(
        "profkarta_Верхнеполянская_школа_2025-2026.json".into(),
        ImportError::CutOff,
        Some(b"{\"pay"),
    );
    archive.note_refused(refusals(&archive, &[cut], "2026-10-02T10:00:00Z"));
    let mut closed = school("Верхнеполянская школа");
    closed.until = "2024/2025".into();
    archive.roster = Roster {
        schools: vec![school("Лесная школа"), closed],
        ..Roster::default()
    };
    let rows = statuses(
        &archive.roster,
        &archive,
        DEFAULT_CARD,
        PERIOD,
        "2026-10-20",
    );
    let in_table = rows
        .iter()
        .any(|r| r.school.name == "Верхнеполянская школа");
    let years = file_years(&archive.roster, &archive, DEFAULT_CARD);
    let listed = not_expected(&archive.roster, &rows, PERIOD, &years);
    let said_apart = listed
        .iter()
        .any(|(_, name, _)| name == "Верхнеполянская школа");
    assert!(
        in_table || said_apart,
        "Верхнеполянская школа is neither in the table nor among the schools not expected: {listed:?}"
    );
}

/// On 20.10.2026 the 2025/2026 check (due 15.10.2026) of Школа А's file is
/// overdue by 5 days, and stays so when one school's file with the year
/// mistyped as 2026/2027 comes (a review: any file of a later year had
/// cleared it).
#[test]
fn a_stray_file_of_next_year_does_not_clear_this_years_overdue_check() {
    let card = testkit::card();
    let mut archive = Archive::new(Cards::new([card.clone()]));
    let a = draft("Школа А", PERIOD, &["1.8"]);
    let text = testkit::sign(
        &card,
        &a,
        testkit::meta("a1", "2026-09-20T08:00:00.000Z", None),
        1,
    );
    archive.admit_all(vec![testkit::entry(&card, "a1", &text)]);
    let roster = Roster {
        schools: vec![school("Школа А"), school("Школа Б")],
        ..Roster::default()
    };
    let before = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-10-20");
    assert_eq!(
        before[0].lateness(),
        "проверка отделом просрочена на 5 дней"
    );
    let b = draft("Школа Б", "2026/2027", &["1.8"]);
    let text = testkit::sign(
        &card,
        &b,
        testkit::meta("b1", "2026-10-18T08:00:00.000Z", None),
        2,
    );
    archive.admit_all(vec![testkit::entry(&card, "b1", &text)]);
    assert!(archive.entries().iter().any(|e| e.period() == "2026/2027"));
    let after = statuses(&roster, &archive, DEFAULT_CARD, PERIOD, "2026-10-20");
    assert_eq!(after[0].lateness(), "проверка отделом просрочена на 5 дней");
}
