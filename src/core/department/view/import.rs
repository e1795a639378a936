//! The import table: one line per file with its verdict and why, the files
//! that need attention first, and the counts above it.

use std::collections::{HashMap, HashSet};

use crate::department::archive::{
    claimed_school, Admission, Archive, Claim, Entry, Refusal, Resent, Standing,
};
use crate::department::review::ReviewStatus;
use crate::department::verdict::{explanation, Verdict};
use crate::error::ImportError;
use crate::text::{plural, quoted};

/// What happened to one picked file, as the import log keeps it. Its
/// verdict is read from the archive when shown, since it may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub file: String,
    pub admission: Admission,
    /// For a file refused at its check, the school it says it is from
    /// ([`claimed_school`]): the coordinator asks that school for a good copy.
    pub claimed: Option<Claim>,
}

impl ImportRow {
    pub fn admitted(file: String, admission: Admission) -> Self {
        // Refused on filing, after its check: the school it names comes
        // with the refusal.
        let claimed = match &admission {
            Admission::Refused(ImportError::IdTaken { claim, .. }) => claim.as_deref().cloned(),
            _ => None,
        };
        Self {
            file,
            admission,
            claimed,
        }
    }

    /// A file refused at its check; `bytes`, when they could be read, say
    /// whom it claims to be from.
    pub fn refused(file: String, error: ImportError, bytes: Option<&[u8]>) -> Self {
        Self {
            file,
            admission: Admission::Refused(error),
            claimed: bytes.and_then(claimed_school),
        }
    }

    /// Why the file stands as it does, in one or two sentences.
    pub fn why(&self, archive: &Archive) -> String {
        let why = explanation(archive, &self.admission);
        match &self.claimed {
            Some(school) => format!("{why} В файле указана школа: {school}."),
            None => why,
        }
    }
}

/// The refused files among `rows`, to be kept with the workspace, refused
/// `at` (ISO 8601). A second copy of a file already in, or a file of the
/// department's own, is no school's to send again, so it is not kept.
pub fn refusals(archive: &Archive, rows: &[ImportRow], at: &str) -> Vec<Refusal> {
    rows.iter()
        .filter(|row| match &row.admission {
            Admission::Refused(e) => !matches!(
                e,
                ImportError::Duplicate { .. } | ImportError::DepartmentFile(_)
            ),
            Admission::Filed { .. } => false,
        })
        .map(|row| Refusal {
            file: row.file.clone(),
            why: row.why(archive),
            at: at.to_owned(),
            claim: row.claimed.clone(),
        })
        .collect()
}

/// A kept refusal, and whether a file of the school it claims to be from
/// has been counted for that year: then there is nothing left to ask the
/// school for, and the coordinator may clear the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierRefusal {
    pub refusal: Refusal,
    pub resent: bool,
}

/// The kept refusals that the import table does not show: those of earlier
/// visits, before the page was last opened. Latest first.
pub fn earlier_refusals(archive: &Archive, log: &[ImportRow]) -> Vec<EarlierRefusal> {
    let shown: HashSet<&str> = log
        .iter()
        .filter(|row| matches!(row.admission, Admission::Refused(_)))
        .map(|row| row.file.as_str())
        .collect();
    let earlier: Vec<&Refusal> = archive
        .refusals()
        .iter()
        .rev()
        .filter(|r| !shown.contains(r.file.as_str()))
        .collect();
    if earlier.is_empty() {
        return Vec::new();
    }
    let resent = Resent::new(archive);
    earlier
        .into_iter()
        .map(|r| EarlierRefusal {
            refusal: r.clone(),
            resent: resent.covers(r),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictRow {
    pub file: String,
    pub verdict: Verdict,
    pub why: String,
}

/// The log's lines as they stand now: files that need attention first,
/// most pressing first ([`Verdict::order`]), then, with `accepted`, the
/// accepted ones, each group in log order. Only
/// the lines shown get their sentence: thousands of accepted files are
/// counted ([`Tally`]), not written out, until the user asks for them.
pub fn verdict_rows(archive: &Archive, log: &[ImportRow], accepted: bool) -> Vec<VerdictRow> {
    let remark = remark_note(archive);
    let mut rows: Vec<VerdictRow> = log
        .iter()
        .filter_map(|row| {
            let verdict = Verdict::of(archive, &row.admission);
            // A file of another card is a remark too: hidden among those
            // without one, its school's «не сдана» went unexplained (a
            // walk-through).
            let note = remark(&row.admission);
            (accepted || verdict.needs_attention() || !note.is_empty()).then(|| VerdictRow {
                file: row.file.clone(),
                verdict,
                why: row.why(archive) + &note,
            })
        })
        .collect();
    rows.sort_by_key(|r| r.verdict.order());
    rows
}

/// For a file filed on another card than most files of its year, a
/// sentence saying so: «принят — МАОУ СОШ № 1, 2025/2026.» among 27 files
/// of the department's own card read as one of them, and its results are
/// apart (a walk-through). By its own year: a department that moved to a
/// new card has last year's files on the old one (a review). So for a file
/// of an older version than others of its year: a school two years on
/// version 1 stood «без замечаний» (a three-year walk-through).
fn remark_note(archive: &Archive) -> impl Fn(&Admission) -> String + '_ {
    // Per year, the files of each card; the year's card is the card of
    // most, ties in the order of [`Archive::cards_present`].
    let present = archive.cards_present();
    let mut by_year: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    // The newest version of each card in each year, which the pages judge
    // the year's files by ([`Archive::period_card`]).
    let mut newest: HashMap<(&str, &str), u32> = HashMap::new();
    for e in archive.current() {
        let version = newest.entry((e.period(), &e.card.id)).or_default();
        *version = (*version).max(e.card.version);
        let cards = by_year.entry(e.period()).or_default();
        match cards.iter_mut().find(|(id, _)| *id == e.card.id) {
            Some((_, n)) => *n += 1,
            None => cards.push((&e.card.id, 1)),
        }
    }
    let main: HashMap<&str, String> = (by_year.into_iter())
        .filter(|(_, cards)| cards.len() > 1)
        .filter_map(|(year, cards)| {
            let rank = |id: &str| present.iter().position(|p| *p == id);
            let main = (cards.iter()).min_by_key(|&&(id, n)| (std::cmp::Reverse(n), rank(id)))?;
            Some((year, main.0.to_owned()))
        })
        .collect();
    move |admission| {
        let Admission::Filed { submission_id } = admission else {
            return String::new();
        };
        let Some(e) = archive.entry(submission_id) else {
            return String::new();
        };
        let other = match main.get(e.period()) {
            Some(main) if e.card.id != *main => format!(
                " Заполнен по другой карте, чем большинство файлов этого года: {}. Её результаты — \
                 отдельно: на «Результатах» выберите карту.",
                quoted(&e.card.title_among(
                    (present.iter()).filter_map(|id| archive.cards().latest(id).map(|c| &**c))
                ))
            ),
            _ => String::new(),
        };
        // A file its school has replaced since (by one of the new
        // version, likely) asks nothing of the school.
        let counts = archive.standing_of(submission_id) == Some(&Standing::Current);
        let year = newest.get(&(e.period(), e.card.id.as_str())).copied();
        let older = match year.filter(|v| counts && *v > e.card.version) {
            Some(v) => format!(
                " Заполнен по версии {} карты, а в этом году есть файлы по версии {v}: баллы и \
                 уровень школы — по её версии, в сравнениях со школами — по правилам версии {v}. \
                 Попросите школу заполнять новую версию.",
                e.card.version
            ),
            None => String::new(),
        };
        other + &older
    }
}

/// How the log's files stand now, in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    /// Accepted, also those a newer file superseded.
    pub accepted: usize,
    /// Signed with a new key of their school: the coordinator decides.
    pub held: usize,
    /// Accepted, with a total the school's answers do not give.
    pub mismatched: usize,
    /// Counted, with answers sent with an error (which count nothing).
    pub with_errors: usize,
    /// Accepted, and since replaced by a newer file of the same school.
    pub superseded: usize,
    /// Copies of files already in: nothing to do, nothing lost.
    pub repeated: usize,
    /// Accepted, and replacing a file of the same school and year that was
    /// in before this import: a correction sent alone read as any file.
    pub replacing: usize,
    /// Of those, the ones in place of a file whose check was finished,
    /// without that check: said, since the rating and the letters now go
    /// by an unchecked file (a walk-through's next year's file, given last
    /// year's year by mistake, set aside a finished check unsaid).
    pub unchecked_again: usize,
    /// Of those, the ones without a plan of measures in place of a file
    /// that had one: the plan no longer counts (a school that exported
    /// another draft, or its card again without the plan, lost it unsaid).
    pub plan_dropped: usize,
    /// Accepted with nothing to look at: the lines shown only when asked.
    quiet: usize,
}

impl Tally {
    pub fn of(archive: &Archive, log: &[ImportRow]) -> Self {
        let mut tally = Self {
            files: log.len(),
            accepted: 0,
            held: 0,
            mismatched: 0,
            with_errors: 0,
            superseded: 0,
            repeated: 0,
            replacing: 0,
            unchecked_again: 0,
            plan_dropped: 0,
            quiet: 0,
        };
        let in_log: HashSet<&str> = (log.iter())
            .filter_map(|r| match &r.admission {
                Admission::Filed { submission_id } => Some(submission_id.as_str()),
                Admission::Refused(_) => None,
            })
            .collect();
        // The files that count in place of one filed before this log: a
        // correction of a correction in one import counts too.
        let checked = |id: &str| archive.review(id).status() == ReviewStatus::Checked;
        let mut replaced_checked = HashSet::new();
        // Of each slot's earlier files, the one that counted before: the
        // latest, or the coordinator's choice made over it.
        let mut counted_before: HashMap<String, &Entry> = HashMap::new();
        let replaced_earlier: HashSet<String> = (archive.with_standings())
            .filter(|(e, s)| !in_log.contains(e.id()) && matches!(s, Standing::Superseded { .. }))
            .filter_map(|(e, _)| {
                let now = archive.counting(e.id())?;
                if checked(e.id()) {
                    replaced_checked.insert(now.clone());
                }
                (counted_before.entry(now.clone()))
                    .and_modify(|b| {
                        if e.made() > b.made() {
                            *b = e;
                        }
                    })
                    .or_insert(e);
                Some(now)
            })
            .collect();
        for before in counted_before.values_mut() {
            let chosen = (archive.choice_in_slot_of(before.id()))
                .filter(|c| c.over == before.id())
                .and_then(|c| archive.entry(&c.file));
            if let Some(chosen) = chosen {
                *before = chosen;
            }
        }
        let remark = remark_note(archive);
        for row in log {
            // A copy refused as already in; not a file filed once and gone
            // since (a restored backup), which is missing.
            if matches!(
                row.admission,
                Admission::Refused(ImportError::Duplicate { .. })
            ) {
                tally.repeated += 1;
                continue;
            }
            match Verdict::of(archive, &row.admission) {
                Verdict::KeyChanged => tally.held += 1,
                Verdict::ScoreMismatch => {
                    tally.accepted += 1;
                    tally.mismatched += 1;
                }
                Verdict::Superseded => {
                    tally.accepted += 1;
                    tally.superseded += 1;
                }
                v if v.is_good() => {
                    tally.accepted += 1;
                    // Answers with an error, or another card than the
                    // year's, are listed with the remarks.
                    let remarked = v.needs_attention() || !remark(&row.admission).is_empty();
                    tally.quiet += usize::from(!remarked);
                }
                _ => {}
            }
            if let Admission::Filed { submission_id } = &row.admission {
                let counts = archive.standing_of(submission_id) == Some(&Standing::Current);
                if counts && replaced_earlier.contains(submission_id) {
                    tally.replacing += 1;
                    if replaced_checked.contains(submission_id) && !checked(submission_id) {
                        tally.unchecked_again += 1;
                    }
                    let unplanned = (archive.entry(submission_id))
                        .is_some_and(|e| e.opened.payload.plan.is_empty());
                    let planned_before = (counted_before.get(submission_id))
                        .is_some_and(|b| !b.opened.payload.plan.is_empty());
                    if planned_before && unplanned {
                        tally.plan_dropped += 1;
                    }
                }
                let errors =
                    (archive.entry(submission_id)).is_some_and(|e| !e.invalid_answers().is_empty());
                if counts && errors {
                    tally.with_errors += 1;
                }
            }
        }
        tally
    }

    /// "Файлов: 5. Принято: 3. Ждут решения: 1. Не принято: 1.", and
    /// after «Принято» how many of those have a total to look at or were
    /// replaced since; copies of files already in are counted apart, not
    /// as refused (nothing of theirs is missing).
    pub fn summary(&self) -> String {
        let Self {
            files,
            accepted,
            held,
            mismatched,
            with_errors,
            superseded,
            repeated,
            replacing,
            unchecked_again,
            plan_dropped,
            quiet: _,
        } = *self;
        let mut text = format!("Файлов: {files}. Принято: {accepted}");
        let mut notes = Vec::new();
        if mismatched > 0 {
            notes.push(format!(
                "итог в файле не совпадает с пересчётом: {mismatched}"
            ));
        }
        if with_errors > 0 {
            notes.push(format!(
                "с ответами, заполненными с ошибкой и не учтёнными: {with_errors}"
            ));
        }
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        text.push('.');
        if superseded > 0 {
            text.push_str(&format!(
                " Из них заменены более новыми файлами тех же школ: {superseded}."
            ));
        }
        if replacing > 0 {
            text.push_str(&format!(
                " Заменили файлы тех же школ за тот же год, загруженные раньше: {replacing}."
            ));
        }
        if unchecked_again > 0 {
            text.push_str(&format!(
                " Из них заменили карты, проверка которых была завершена, и решения проверки к ним \
                 не перенесены: {unchecked_again} — проверьте их на вкладке «Проверка»."
            ));
        }
        if plan_dropped > 0 {
            text.push_str(&format!(
                " Заменили файлы с планом мероприятий, а в новых плана нет: {plan_dropped} — \
                 теперь учитываются файлы без плана; если план нужен, попросите школу выгрузить \
                 карту с планом."
            ));
        }
        text.push_str(&format!(" Ждут решения: {held}."));
        if repeated > 0 {
            text.push_str(&format!(" Повторы уже принятых файлов: {repeated}."));
        }
        text.push_str(&format!(
            " Не принято: {}.",
            files - accepted - held - repeated
        ));
        text
    }

    /// Accepted files that wait to be asked for, as [`verdict_rows`]
    /// leaves them out: a file with answers in error is listed (the button
    /// counted it among the hidden ones, a walk-through).
    pub fn hidden(&self) -> usize {
        self.quiet
    }
}

/// «не удалось прочитать файлы «a.json», «b.json» и ещё 1 запись»: the
/// stored files that no longer read, by name (the first ten), so that the
/// department knows which to load again, and the records that no longer
/// say even their name, counted.
pub fn unreadable_records(names: &[String], nameless: u64) -> String {
    const NAMED: usize = 10;
    let records = |n: u64| format!("{n} {}", plural(n, "запись", "записи", "записей"));
    let shown = names.len().min(NAMED);
    let mut said = names[..shown]
        .iter()
        .map(|n| format!("«{n}»"))
        .collect::<Vec<_>>()
        .join(", ");
    let more = (names.len() - shown) as u64 + nameless;
    if shown == 0 {
        return format!("{} не удалось прочитать", records(more));
    }
    if more > 0 {
        said = format!("{said} и ещё {}", records(more));
    }
    let what = if shown == 1 && more == 0 {
        "файл"
    } else {
        "файлы"
    };
    format!("не удалось прочитать {what} {said}")
}

/// What the workspace holds, by card and year: the files that count (one
/// per school and year). Said on the import tab, where a reopened page
/// showed only an empty drop zone over a workspace of 80 files, and after
/// an import, whose summary counts that import alone. With it, where to go
/// next. `None` for an empty workspace.
pub fn workspace_contents(archive: &Archive) -> Option<String> {
    let mut counted: HashMap<(&str, &str), u64> = HashMap::new();
    for e in archive.current() {
        *counted.entry((&e.card.id, e.period())).or_default() += 1;
    }
    if counted.is_empty() {
        return None;
    }
    let cards: Vec<String> = (archive.cards_present().into_iter())
        .map(|id| {
            let title = archive.cards().latest(id).map_or(id, |c| c.title.as_str());
            let years: Vec<String> = (archive.periods(id).into_iter())
                .map(|period| {
                    let n = counted.get(&(id, period.as_str())).copied().unwrap_or(0);
                    format!("{period} — {n} {}", plural(n, "школа", "школы", "школ"))
                })
                .collect();
            format!("{}: {}", quoted(title), years.join(", "))
        })
        .collect();
    let by = if cards.len() == 1 {
        "карте"
    } else {
        "картам"
    };
    // A card without points has no rating to point to (Невинномысск).
    let rated = (archive.cards_present().into_iter())
        .any(|id| archive.cards().latest(id).is_some_and(|c| c.has_points()));
    let results = match rated {
        true => "рейтинг и диаграммы",
        false => "значения показателей по школам и диаграммы",
    };
    Some(format!(
        "В рабочей области учитываются файлы школ по {by} {}. Дальше: на вкладке «Школы» — \
         кто сдал и кто нет, на «Проверке» — сверка ответов с подтверждениями, на \
         «Результатах» — {results}.",
        cards.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::{Archive, Cards};

    /// Two years of one school and one of another, a correction replacing
    /// the first school's second file: what counts is one file per school
    /// and year.
    #[test]
    fn the_workspace_is_said_by_card_and_year() {
        let card = testkit::card();
        let mut archive = Archive::new(Cards::new([card.clone()]));
        assert_eq!(workspace_contents(&archive), None);
        let file = |school: &str, period: &str, id: &str, replaces: Option<&str>| {
            let d = draft(school, period, &["1.8"]);
            let seed = if school == "СОШ 1" { 7 } else { 8 };
            entry(
                &card,
                id,
                &sign(&card, &d, meta(id, "2026-09-01", replaces), seed),
            )
        };
        archive.admit_all(vec![
            file("СОШ 1", "2024/2025", "a", None),
            file("СОШ 1", "2025/2026", "b", None),
            file("СОШ 1", "2025/2026", "c", Some("b")),
            file("СОШ 2", "2025/2026", "d", None),
        ]);
        assert_eq!(
            workspace_contents(&archive).unwrap(),
            format!(
                "В рабочей области учитываются файлы школ по карте «{}»: 2024/2025 — 1 школа, \
                 2025/2026 — 2 школы. Дальше: на вкладке «Школы» — кто сдал и кто нет, на \
                 «Проверке» — сверка ответов с подтверждениями, на «Результатах» — рейтинг и \
                 диаграммы.",
                card.title
            )
        );
        // A second card: each named with its years, «по картам».
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let mut both = Archive::new(Cards::new([card.clone(), iz.clone()]));
        let d = draft("СОШ 3", "2025/2026", &[]);
        let other = entry(&iz, "e", &sign(&iz, &d, meta("e", "2026-09-01", None), 9));
        both.admit_all(vec![file("СОШ 2", "2025/2026", "d", None), other]);
        let said = workspace_contents(&both).unwrap();
        assert!(
            said.starts_with(&format!(
                "В рабочей области учитываются файлы школ по картам «{}»: 2025/2026 — 1 школа; \
                 «{}»: 2025/2026 — 1 школа. Дальше: ",
                card.title, iz.title
            )),
            "{said}"
        );
        // Izhevsk's card alone gives no points: no rating to point to.
        let mut alone = Archive::new(Cards::new([iz.clone()]));
        alone.admit_all(vec![entry(
            &iz,
            "e",
            &sign(&iz, &d, meta("e", "2026-09-01", None), 9),
        )]);
        let said = workspace_contents(&alone).unwrap();
        assert!(
            said.ends_with("на «Результатах» — значения показателей по школам и диаграммы."),
            "{said}"
        );
    }

    /// A file of version 1 in a year with files of version 2 says so on
    /// its line, and is listed with the remarks; version 2's says nothing.
    #[test]
    fn a_file_of_an_older_version_is_said() {
        let (v1, v2) = testkit::raised_threshold(40);
        let signed = |card: &crate::card::Card, school: &str, id: &str, at: &str, seed: u8| {
            let d = draft(school, "2025/2026", &[]);
            entry(card, id, &sign(card, &d, meta(id, at, None), seed))
        };
        let mut archive = Archive::new(Cards::new([v1.clone(), v2.clone()]));
        archive.admit_all(vec![
            signed(&v1, "СОШ 1", "a", "2026-09-01", 1),
            signed(&v2, "СОШ 2", "b", "2026-09-01", 2),
        ]);
        let log: Vec<ImportRow> = ["a", "b"]
            .map(|id| {
                let filed = Admission::Filed {
                    submission_id: id.into(),
                };
                ImportRow::admitted(format!("{id}.json"), filed)
            })
            .into();
        let rows = verdict_rows(&archive, &log, false);
        let listed: Vec<(&str, &str)> = (rows.iter())
            .map(|r| (r.file.as_str(), r.why.as_str()))
            .collect();
        assert_eq!(
            listed,
            [(
                "a.json",
                "СОШ 1, 2025/2026. Заполнен по версии 1 карты, а в этом году есть файлы по версии \
                 2: баллы и уровень школы — по её версии, в сравнениях со школами — по правилам \
                 версии 2. Попросите школу заполнять новую версию."
            )]
        );
        assert_eq!(Tally::of(&archive, &log).hidden(), 1);
        // Replaced by the school's file of version 2, it asks nothing more.
        archive.admit_all(vec![signed(&v2, "СОШ 1", "a2", "2026-09-05", 1)]);
        let rows = verdict_rows(&archive, &log, false);
        let a = rows.iter().find(|r| r.file == "a.json").unwrap();
        assert_eq!(a.verdict, Verdict::Superseded);
        assert!(!a.why.contains("версии"), "{}", a.why);
    }

    /// The pages open on the card of most files of the latest year; a
    /// file of another card says so on its line, those of the main card
    /// do not.
    #[test]
    fn a_file_of_another_card_is_said_and_does_not_take_the_pages() {
        let card = testkit::card();
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let signed = |card: &crate::card::Card, school: &str, period: &str, id: &str, seed: u8| {
            let d = draft(school, period, &[]);
            entry(
                card,
                id,
                &sign(card, &d, meta(id, "2026-09-01", None), seed),
            )
        };
        let mut archive = Archive::new(Cards::new([card.clone(), iz.clone()]));
        archive.admit_all(vec![
            signed(&iz, "СОШ 1", "2025/2026", "a", 1),
            signed(&card, "СОШ 2", "2025/2026", "b", 2),
            signed(&iz, "СОШ 3", "2025/2026", "c", 3),
        ]);
        assert_eq!(archive.cards_present(), [iz.id.as_str(), &card.id]);
        let log: Vec<ImportRow> = ["a", "b", "c"]
            .map(|id| {
                let filed = Admission::Filed {
                    submission_id: id.into(),
                };
                ImportRow::admitted(format!("{id}.json"), filed)
            })
            .into();
        let why: Vec<String> = (verdict_rows(&archive, &log, true).into_iter())
            .map(|r| r.why)
            .collect();
        assert_eq!(
            why,
            [
                "СОШ 1, 2025/2026.".to_owned(),
                format!(
                    "СОШ 2, 2025/2026. Заполнен по другой карте, чем большинство файлов этого года: \
                     «{}». Её результаты — отдельно: на «Результатах» выберите карту.",
                    card.title
                ),
                "СОШ 3, 2025/2026.".to_owned(),
            ]
        );
        // Listed without asking for the accepted files, and not counted
        // among those without a remark.
        let listed: Vec<String> = (verdict_rows(&archive, &log, false).into_iter())
            .map(|r| r.file)
            .collect();
        assert_eq!(listed, ["b.json"]);
        assert_eq!(Tally::of(&archive, &log).hidden(), 2);
        // More files of the card in all, last year's: it comes first, and
        // last year's files, all on it, say nothing; this year's line
        // still does.
        archive.admit_all(vec![
            signed(&card, "СОШ 2", "2024/2025", "d", 2),
            signed(&card, "СОШ 4", "2024/2025", "e", 4),
            signed(&card, "СОШ 5", "2024/2025", "f", 5),
        ]);
        assert_eq!(archive.cards_present(), [card.id.as_str(), &iz.id]);
        let last_year = [ImportRow::admitted(
            "d.json".into(),
            Admission::Filed {
                submission_id: "d".into(),
            },
        )];
        assert_eq!(
            verdict_rows(&archive, &last_year, true)[0].why,
            "СОШ 2, 2024/2025."
        );
        assert!(verdict_rows(&archive, &log[1..2], true)[0]
            .why
            .contains("по другой карте, чем большинство файлов этого года"));
        // One school's early file of next year on the other card does not
        // take the pages.
        let mut early = Archive::new(Cards::new([card.clone(), iz.clone()]));
        let mut batch: Vec<Entry> = (1..=5u8)
            .map(|n| signed(&iz, &format!("СОШ {n}"), "2025/2026", &format!("f{n}"), n))
            .collect();
        batch.push(signed(&card, "СОШ 1", "2026/2027", "next", 1));
        early.admit_all(batch);
        assert_eq!(early.cards_present()[0], iz.id.as_str());
        // One card alone: nothing said.
        let mut one = Archive::new(Cards::new([card.clone()]));
        one.admit_all(vec![signed(&card, "СОШ 2", "2025/2026", "b", 2)]);
        assert_eq!(
            verdict_rows(&one, &log[1..2], true)[0].why,
            "СОШ 2, 2025/2026."
        );
    }

    /// The damaged stored files are named, so that the department knows
    /// which to load again; ten at most, the rest counted.
    #[test]
    fn unreadable_stored_files_are_named() {
        let names = |n: usize| (1..=n).map(|i| format!("{i}.json")).collect::<Vec<_>>();
        assert_eq!(unreadable_records(&[], 1), "1 запись не удалось прочитать");
        assert_eq!(
            unreadable_records(&names(1), 0),
            "не удалось прочитать файл «1.json»"
        );
        assert_eq!(
            unreadable_records(&names(2), 1),
            "не удалось прочитать файлы «1.json», «2.json» и ещё 1 запись"
        );
        let twelve = unreadable_records(&names(12), 0);
        assert!(twelve.ends_with("«10.json» и ещё 2 записи"), "{twelve}");
    }
    use crate::error::ImportError;
    use crate::scoring::assess;
    use crate::signed::keys::KeyPair;
    use crate::signed::submission::{seal, Payload};
    use crate::testkit::{self, draft, entry, meta, sign};

    #[test]
    fn a_total_that_does_not_add_up_is_shown_with_the_problems() {
        let card = testkit::card();
        let d = draft("СОШ 2", "2025/2026", &["1.8"]);
        let mut payload =
            Payload::new(&card, &d, &assess(&card, &d), meta("m", "2026-09-01", None));
        payload.score.total = 20;
        let lie = entry(&card, "m", &seal(&payload, &KeyPair::from_seed([3; 32])));
        let other = draft("СОШ 3", "2025/2026", &[]);
        let honest = entry(
            &card,
            "h",
            &sign(&card, &other, meta("h", "2026-09-01", None), 4),
        );
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let log: Vec<ImportRow> = archive
            .admit_all(vec![honest, lie])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        let shown: Vec<_> = verdict_rows(&archive, &log, false)
            .into_iter()
            .map(|r| (r.file, r.verdict))
            .collect();
        assert_eq!(shown, [("m".to_owned(), Verdict::ScoreMismatch)]);
        let tally = Tally::of(&archive, &log);
        assert_eq!(
            tally.summary(),
            "Файлов: 2. Принято: 2 (итог в файле не совпадает с пересчётом: 1). Ждут решения: 0. \
             Не принято: 0."
        );
        assert_eq!(tally.hidden(), 1);
    }

    /// A signed file with answers typed wrong («-3») is accepted, and
    /// says which answers count nothing.
    #[test]
    fn answers_sent_with_an_error_are_said_on_import() {
        let card = testkit::card();
        let mut d = draft("СОШ 4", "2025/2026", &["1.8"]);
        d.answers.insert("1.1".into(), testkit::share("-3", "100"));
        d.answers.insert("1.2".into(), testkit::share("1,5", "100"));
        let e = entry(
            &card,
            "w",
            &sign(&card, &d, meta("w", "2026-09-01", None), 5),
        );
        assert_eq!(e.invalid_answers(), ["1.1", "1.2"]);
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let log: Vec<ImportRow> = (archive.admit_all(vec![e]).into_iter())
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        assert_eq!(
            log[0].why(&archive),
            "СОШ 4, 2025/2026. Ответы с ошибками не учтены: 1.1, 1.2 (что не так — на вкладке \
             «Проверка»)."
        );
        // Listed with what needs a look, not folded among the accepted.
        let shown: Vec<_> = (verdict_rows(&archive, &log, false).into_iter())
            .map(|r| (r.verdict, r.verdict.label()))
            .collect();
        assert_eq!(
            shown,
            [(Verdict::WithErrors, "принят, ответы с ошибками не учтены")]
        );
        assert_eq!(
            Tally::of(&archive, &log).summary(),
            "Файлов: 1. Принято: 1 (с ответами, заполненными с ошибкой и не учтёнными: 1). Ждут \
             решения: 0. Не принято: 0."
        );
        assert_eq!(
            Tally::of(&archive, &log).hidden(),
            0,
            "listed, so not hidden"
        );
    }

    /// A file that sets aside a finished check is said to: the rating and
    /// the letters now go by a file nobody checked. One whose answers did
    /// not change keeps the check, and is not.
    #[test]
    fn a_replaced_checked_card_is_said() {
        let card = testkit::card();
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let first = sign(&card, &d, meta("a", "2026-09-01", None), 1);
        archive.admit_all(vec![entry(&card, "a.json", &first)]);
        archive.set_checked("a", true);
        let import = |archive: &mut Archive, id: &str, d: &crate::school::draft::Draft| {
            let text = sign(&card, d, meta(id, "2026-09-05", None), 1);
            let log: Vec<ImportRow> =
                (archive.admit_all(vec![entry(&card, id, &text)]).into_iter())
                    .map(|(file, admission)| ImportRow::admitted(file, admission))
                    .collect();
            Tally::of(archive, &log)
        };
        // The same answers again: the check is carried, nothing to say.
        let same = import(&mut archive, "b", &d);
        assert_eq!((same.replacing, same.unchecked_again), (1, 0));
        // Other answers (a next year's draft given this year by mistake).
        let other = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let tally = import(&mut archive, "c", &other);
        assert_eq!((tally.replacing, tally.unchecked_again), (1, 1));
        assert_eq!(
            (same.plan_dropped, tally.plan_dropped),
            (0, 0),
            "plans kept"
        );
        assert!(
            tally.summary().contains(
                " Из них заменили карты, проверка которых была завершена, и решения проверки к \
                 ним не перенесены: 1 — проверьте их на вкладке «Проверка»."
            ),
            "{}",
            tally.summary()
        );
    }

    /// A file without a plan in place of one with a plan is said to drop
    /// it; a correction that keeps the plan, or a file in place of one
    /// that had none, is not.
    #[test]
    fn a_replacement_without_the_plan_is_said() {
        let card = testkit::card();
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let mut planned = draft("СОШ 1", "2025/2026", &["1.8"]);
        planned.plan.push(crate::school::plan::PlanRow {
            measure: "Профпробы с колледжем".into(),
            ..Default::default()
        });
        let mut unplanned = planned.clone();
        unplanned.plan.clear();
        let import_into =
            |archive: &mut Archive, id: &str, at: &str, d: &crate::school::draft::Draft| {
                let text = sign(&card, d, meta(id, at, None), 1);
                let log: Vec<ImportRow> =
                    (archive.admit_all(vec![entry(&card, id, &text)]).into_iter())
                        .map(|(file, admission)| ImportRow::admitted(file, admission))
                        .collect();
                Tally::of(archive, &log)
            };
        let mut import = |id: &str, at: &str, d: &crate::school::draft::Draft| {
            import_into(&mut archive, id, at, d)
        };
        import("a", "2026-09-01", &planned);
        let kept = import("b", "2026-09-02", &planned);
        assert_eq!((kept.replacing, kept.plan_dropped), (1, 0));
        let dropped = import("c", "2026-09-03", &unplanned);
        assert_eq!((dropped.replacing, dropped.plan_dropped), (1, 1));
        assert!(
            dropped.summary().contains(
                " Заменили файлы с планом мероприятий, а в новых плана нет: 1 — теперь \
                 учитываются файлы без плана; если план нужен, попросите школу выгрузить карту \
                 с планом."
            ),
            "{}",
            dropped.summary()
        );
        let again = import("d", "2026-09-04", &unplanned);
        assert_eq!((again.replacing, again.plan_dropped), (1, 0));
        // The coordinator counted «b», with its plan, over «d»: a newer file
        // without a plan sets that plan aside, and is said to.
        archive.choose("b");
        let after_choice = import_into(&mut archive, "e", "2026-09-05", &unplanned);
        assert_eq!((after_choice.replacing, after_choice.plan_dropped), (1, 1));
    }

    /// Another school's file under the id of a file already in is not a
    /// repeat: it is refused and said so, and the first file stays (an
    /// audit's crafted file dropped the real one as «повтор»).
    #[test]
    fn a_file_under_another_files_id_is_refused_not_a_repeat() {
        let card = testkit::card();
        let ours = sign(
            &card,
            &draft("СОШ 1", "2025/2026", &["1.8"]),
            meta("a", "2026-09-01", None),
            1,
        );
        let theirs = sign(
            &card,
            &draft("СОШ 116", "2025/2026", &[]),
            meta("a", "2026-09-02", None),
            2,
        );
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let log: Vec<ImportRow> = archive
            .admit_all(vec![
                entry(&card, "a.json", &ours),
                entry(&card, "x.json", &theirs),
            ])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        assert_eq!(
            Tally::of(&archive, &log).summary(),
            "Файлов: 2. Принято: 1. Ждут решения: 0. Не принято: 1."
        );
        let refused = verdict_rows(&archive, &log, false);
        let row = refused.iter().find(|r| r.file == "x.json").expect("listed");
        assert_eq!(row.verdict, Verdict::Damaged);
        // Whose it says it is, as every refusal of a readable file does,
        // and kept with the workspace with it (a review).
        assert!(
            row.why
                .ends_with("В файле указана школа: СОШ 116, 2025/2026 учебный год."),
            "{}",
            row.why
        );
        let kept = refusals(&archive, &log, "2026-10-01T08:00:00.000Z");
        assert_eq!(kept.len(), 1);
        assert_eq!(
            kept[0].claim.as_ref().map(|c| c.name.as_str()),
            Some("СОШ 116")
        );
        assert!(
            row.why.starts_with(
                "Номер выгрузки в этом файле тот же, что у загруженного файла «a.json», а содержание другое."
            ),
            "{}",
            row.why
        );
        assert_eq!(
            archive.entry("a").map(|e| e.profile().name.as_str()),
            Some("СОШ 1")
        );
        // The first file again is the repeat it is.
        let again = archive.admit(entry(&card, "a-копия.json", &ours));
        let of_file = Some("a.json".to_owned());
        assert_eq!(
            again,
            Admission::Refused(ImportError::Duplicate { of_file })
        );
    }

    /// A file replaced by the school's newer one was accepted, and is said
    /// to be replaced; a copy of a file already in is not refused.
    #[test]
    fn replaced_and_repeated_files_are_counted_apart() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let older = sign(&card, &d, meta("a", "2026-09-01", None), 1);
        let newer = sign(&card, &d, meta("b", "2026-09-05", Some("a")), 1);
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let log: Vec<ImportRow> = archive
            .admit_all(vec![
                entry(&card, "a.json", &older),
                entry(&card, "b.json", &newer),
                entry(&card, "a-копия.json", &older),
            ])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        assert_eq!(
            Tally::of(&archive, &log).summary(),
            "Файлов: 3. Принято: 2. Из них заменены более новыми файлами тех же школ: 1. \
             Ждут решения: 0. Повторы уже принятых файлов: 1. Не принято: 0."
        );
        // The replaced file is listed with the remarks, not among hundreds
        // of accepted ones; only the newer one is hidden.
        let shown: Vec<(String, Verdict)> = (verdict_rows(&archive, &log, false).into_iter())
            .map(|r| (r.file, r.verdict))
            .collect();
        assert!(
            shown.iter().any(|(_, v)| *v == Verdict::Superseded),
            "{shown:?}"
        );
        assert!(!shown.iter().any(|(f, _)| f == "b.json"));
        assert_eq!(Tally::of(&archive, &log).hidden(), 1);
        // A correction sent alone, later: said to replace the earlier file.
        let again = sign(&card, &d, meta("e", "2026-09-09", Some("b")), 1);
        let later: Vec<ImportRow> = archive
            .admit_all(vec![entry(&card, "e.json", &again)])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        assert_eq!(
            Tally::of(&archive, &later).summary(),
            "Файлов: 1. Принято: 1. Заменили файлы тех же школ за тот же год, загруженные раньше: \
             1. Ждут решения: 0. Не принято: 0."
        );
        // A correction and its own correction in one import: the last counts.
        let first = sign(&card, &d, meta("f", "2026-09-10", Some("e")), 1);
        let second = sign(&card, &d, meta("g", "2026-09-11", Some("f")), 1);
        let chain: Vec<ImportRow> = archive
            .admit_all(vec![
                entry(&card, "f.json", &first),
                entry(&card, "g.json", &second),
            ])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        assert!(Tally::of(&archive, &chain)
            .summary()
            .contains(" Заменили файлы тех же школ за тот же год, загруженные раньше: 1."));
        // The copy names the file it repeats; the same folder picked again
        // does not repeat each file's own name beside it.
        let mut why = |name: &str| match archive.admit(entry(&card, name, &older)) {
            Admission::Refused(e) => e.to_string(),
            other => panic!("{other:?}"),
        };
        // (Filed oldest first, then by name: «a-копия» came before «a.json».)
        assert_eq!(why("a.json"), "Этот же файл уже загружен («a-копия.json»).");
        assert_eq!(why("a-копия.json"), "Этот файл уже загружен.");
        // Filed once and gone since (a backup restored over it): missing,
        // not a copy of something that is there.
        let gone = ImportRow::admitted(
            "c.json".into(),
            Admission::Filed {
                submission_id: "c".into(),
            },
        );
        assert_eq!(
            Tally::of(&archive, &[gone]).summary(),
            "Файлов: 1. Принято: 0. Ждут решения: 0. Не принято: 1."
        );
    }

    #[test]
    fn a_refused_file_says_which_school_to_ask() {
        let card = testkit::card();
        let d = draft("СОШ 7", "2025/2026", &["1.8"]);
        let altered = sign(&card, &d, meta("a", "2026-09-01", None), 1).replacen(
            "2026-09-01",
            "2026-09-02",
            1,
        );
        let archive = Archive::new(Cards::new([card.clone()]));
        let error =
            crate::department::archive::check(archive.cards(), "a.json", altered.as_bytes())
                .unwrap_err();
        let log = [
            ImportRow::refused("a.json".into(), error, Some(altered.as_bytes())),
            ImportRow::refused("b.json".into(), ImportError::Unreadable, None),
        ];
        let why: Vec<_> = verdict_rows(&archive, &log, false)
            .into_iter()
            .map(|r| r.why)
            .collect();
        assert_eq!(
            why,
            [
                "Подпись не совпадает с содержимым: файл был изменён после выгрузки. \
                 В файле указана школа: СОШ 7, 2025/2026 учебный год.",
                "Файл не удалось прочитать с диска: возможно, он перемещён или удалён."
            ]
        );
        // Kept with the workspace in the same words; filed files and
        // copies of files already in are not.
        let filed = ImportRow::admitted(
            "c.json".into(),
            Admission::Filed {
                submission_id: "c".into(),
            },
        );
        let again = ImportRow::admitted(
            "a-copy.json".into(),
            Admission::Refused(ImportError::Duplicate {
                of_file: Some("a.json".into()),
            }),
        );
        let kept = refusals(
            &archive,
            &[log[0].clone(), filed, again],
            "2026-12-01T08:00:00Z",
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(
            (kept[0].file.as_str(), kept[0].why.as_str()),
            ("a.json", why[0].as_str())
        );
        assert_eq!(kept[0].at, "2026-12-01T08:00:00Z");

        // Once kept, the table shows it while the page is open; after a
        // reload, with an empty table, the earlier refusals list does.
        let mut archive = archive;
        archive.note_refused(kept.clone());
        assert!(earlier_refusals(&archive, &log).is_empty());
        let earlier = earlier_refusals(&archive, &[]);
        assert_eq!(earlier.len(), 1);
        assert_eq!((&earlier[0].refusal, earlier[0].resent), (&kept[0], false));

        // A good copy of СОШ 7's file of that year comes, spelled otherwise:
        // the refusal is marked as answered. Another year's file would not be.
        let copy = draft("сош  7", "2025/2026", &["1.8"]);
        let text = testkit::sign(&card, &copy, testkit::meta("c7", "2026-09-25", None), 1);
        archive.admit_all(vec![testkit::entry(&card, "c7", &text)]);
        assert!(earlier_refusals(&archive, &[])[0].resent);
        // A file cut off before its school is known by its name, as
        // Profkarta wrote it; of another year, it is not answered.
        let cut =
            |file: &str| ImportRow::refused(file.into(), ImportError::CutOff, Some(&b"{\"pay"[..]));
        let rows = [
            cut("profkarta_СОШ_7_2024-2025.json"),
            cut("profkarta_СОШ_7_2025-2026 (1).json"),
        ];
        archive.note_refused(refusals(&archive, &rows, "2026-12-02T08:00:00Z"));
        let resent: Vec<(String, bool)> = (earlier_refusals(&archive, &[]).into_iter())
            .map(|e| (e.refusal.file, e.resent))
            .collect();
        assert_eq!(
            resent[..2],
            [
                ("profkarta_СОШ_7_2025-2026 (1).json".to_owned(), true),
                ("profkarta_СОШ_7_2024-2025.json".to_owned(), false),
            ]
        );
    }

    #[test]
    fn files_that_need_attention_come_first() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |id, key| {
            entry(
                &card,
                id,
                &sign(&card, &d, meta(id, "2026-09-01", None), key),
            )
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let mut log: Vec<ImportRow> = archive
            .admit_all(vec![file("a", 1), file("b", 2)])
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission))
            .collect();
        let copy = ImportError::Duplicate {
            of_file: Some("a".into()),
        };
        log.insert(0, ImportRow::refused("a (1)".into(), copy, None));
        log.insert(
            1,
            ImportRow::refused("фото.jpg".into(), ImportError::NotText, Some(b"\xff\xd8")),
        );
        let rows = verdict_rows(&archive, &log, true);
        let verdicts: Vec<_> = rows.iter().map(|r| (r.file.as_str(), r.verdict)).collect();
        // The new key waits for a decision, the photo for the school; the
        // copy asks nothing of anyone.
        assert_eq!(
            verdicts,
            [
                ("b", Verdict::KeyChanged),
                ("фото.jpg", Verdict::NotJson),
                ("a (1)", Verdict::Duplicate),
                ("a", Verdict::Accepted)
            ]
        );
        assert_eq!(rows[3].why, "СОШ 1, 2025/2026.");
        assert_eq!(
            Tally::of(&archive, &log).summary(),
            "Файлов: 4. Принято: 1. Ждут решения: 1. Повторы уже принятых файлов: 1. Не принято: 1."
        );
        let attention: Vec<_> = verdict_rows(&archive, &log, false)
            .into_iter()
            .map(|r| r.file)
            .collect();
        assert_eq!(
            attention,
            ["b", "фото.jpg", "a (1)"],
            "accepted files wait to be asked for"
        );
    }
}
