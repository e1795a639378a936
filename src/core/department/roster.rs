//! The municipality's list of schools and the campaign's deadlines (seed
//! 003: the card by 30 September, the objectivity check by 15 October, the
//! evaluation by 1 November): who has sent a card, who waits for review,
//! what is late. Files are matched to the list with the same spelling rules
//! as files to each other ([`crate::department::school`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::card::Card;
use serde::{Deserialize, Serialize};

use crate::department::archive::{Archive, Claim, Entry, Refusal, Standing};
use crate::department::results::SchoolResult;
use crate::department::review::ReviewStatus;
use crate::department::school::{identifier_key, is_identifier, normalize, pair_schools, SchoolId};
use crate::error::AlreadyListed;
use crate::export::{Cell, Table};
use crate::school::profile::{canonical_period, SchoolProfile};
use crate::signed::submission::named_in_file_name;
use crate::text::{
    by_name, date_ru, day_number, first_of, local_day, one_line, plural, quoted, shorten,
};

mod owners;
pub(crate) use owners::Owners;
pub use owners::{likely_school, LikelySchools};
use owners::{name_key, place_key};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterSchool {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identifier: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub municipality: String,
    /// The first school year a card is expected of the school (it opened,
    /// or joined the list as new from its file of that year); empty: every
    /// year. One list serves every year, and a school new this year stood
    /// «не сдана» in the years before it was (a walk-through).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    /// The last school year a card is expected of it (it closed after);
    /// empty: every year from `since` on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
}

impl RosterSchool {
    /// Whether a card is expected of the school for `period`. School years
    /// («2024/2025») order as text.
    pub fn expected_in(&self, period: &str) -> bool {
        (self.since.is_empty() || period >= self.since.as_str())
            && (self.until.is_empty() || period <= self.until.as_str())
    }

    /// Why no card is expected of it for `period`, or `None` when one is.
    pub fn not_expected_why(&self, period: &str) -> Option<String> {
        if self.expected_in(period) {
            return None;
        }
        Some(match period < self.since.as_str() {
            true => format!("в списке с {} учебного года", self.since),
            false => format!("закрыта после {} учебного года", self.until),
        })
    }
}

/// Which row of an imported table is its header, and which columns hold
/// what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub header: usize,
    pub name: usize,
    pub identifier: Option<usize>,
    pub municipality: Option<usize>,
}

/// Rows searched for the header: a register exported from Excel often
/// starts with its title, the date and the signatory.
pub const HEADER_ROWS: usize = 10;

/// The schools read from a table, and the rows under its header that are
/// not schools (the columns' numbering «1 2 3», «Итого»), named in the
/// preview so that nothing is dropped unseen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterRead {
    pub schools: Vec<RosterSchool>,
    pub skipped: Vec<String>,
    /// Rows that repeat a school above them, taken once: said, since the
    /// count of schools then differs from the rows (a bad-input audit).
    pub repeated: usize,
    /// Rows with an ИНН but no name: not taken, and said.
    pub unnamed: usize,
}

impl Columns {
    /// A first guess: the header is the first of the top rows that says
    /// «Наименование» or «Название» next to another filled cell (a title
    /// row has one cell), failing that the first with two filled cells. A
    /// school's name may hold «школа» or «ОО»: those words alone would take
    /// a school for the header. The columns follow from its words.
    pub fn guess(rows: &[Vec<String>]) -> Self {
        let top = &rows[..rows.len().min(HEADER_ROWS)];
        let filled = |row: &Vec<String>| row.iter().filter(|c| !c.is_empty()).count() >= 2;
        let header = (top.iter())
            .position(|r| filled(r) && find(r, NAME_WORDS[0]).is_some())
            .or_else(|| top.iter().position(filled))
            .unwrap_or(0);
        Self::from_header(rows, header)
    }

    /// The columns named by the words of row `header`.
    pub fn from_header(rows: &[Vec<String>], header: usize) -> Self {
        let words = rows.get(header).map(Vec::as_slice).unwrap_or_default();
        Self {
            header,
            name: NAME_WORDS.iter().find_map(|w| find(words, w)).unwrap_or(0),
            identifier: find(words, &["инн", "идентиф", "код"]),
            municipality: find(words, &["муницип", "город", "район", "округ"]),
        }
    }

    /// The schools of the rows under the header, without empty names and
    /// repeats; a name with no letter (the columns' numbering) or one that
    /// starts with «Итого» or «Всего» is skipped.
    pub fn schools(self, rows: &[Vec<String>]) -> RosterRead {
        // A cell as one line: «МБОУ  ООШ  № 4 » typed in a register is
        // «МБОУ ООШ № 4» in the report and the exported list.
        let cell = |row: &Vec<String>, at: Option<usize>| {
            at.and_then(|i| row.get(i))
                .map_or_else(String::new, |c| one_line(c))
        };
        let mut out = RosterRead::default();
        let header = rows.get(self.header);
        for row in rows.iter().skip(self.header + 1) {
            // A register printed over several pages repeats its header.
            if Some(row) == header {
                continue;
            }
            let school = RosterSchool {
                name: cell(row, Some(self.name)),
                identifier: cell(row, self.identifier),
                municipality: cell(row, self.municipality),
                ..RosterSchool::default()
            };
            if school.name.is_empty() {
                // A school's ИНН without its name (a cell of «#REF!», a
                // formula Excel left uncalculated) is said, not dropped.
                if !school.identifier.is_empty() {
                    out.unnamed += 1;
                }
                continue;
            }
            if out.schools.contains(&school) {
                out.repeated += 1;
                continue;
            }
            let lower = school.name.to_lowercase();
            let total = ["итого", "всего"].iter().any(|w| lower.starts_with(w));
            if total || !school.name.chars().any(char::is_alphabetic) {
                // Its numbering repeated page after page, named once.
                if !out.skipped.contains(&school.name) {
                    out.skipped.push(school.name);
                }
            } else {
                out.schools.push(school);
            }
        }
        out
    }
}

impl RosterRead {
    /// The preview's line on the rows not read as schools, if any: not
    /// schools at all, or a school again.
    pub fn skipped_line(&self) -> Option<String> {
        let names: Vec<String> = (self.skipped.iter())
            .map(|n| quoted(&shorten(n, 40)))
            .collect();
        let mut said = Vec::new();
        if !names.is_empty() {
            said.push(format!(
                "Не считаются школами (нумерация столбцов, итоги): {}.",
                first_of(&names, 5)
            ));
        }
        if self.unnamed > 0 {
            said.push(format!(
                "Строк с ИНН, но без наименования школы, — {}: они не загружены; проверьте столбец \
                 наименований (в книге Excel — ошибки в формулах).",
                self.unnamed
            ));
        }
        if self.repeated > 0 {
            said.push(format!(
                "Строк, повторяющих школу выше (те же наименование, ИНН и муниципалитет), — {}: каждая школа взята один раз.",
                self.repeated
            ));
        }
        (!said.is_empty()).then(|| said.join(" "))
    }
}

/// A row as the header's list offers it: «№ п/п · Наименование ОО · ИНН»,
/// long rows cut. Not numbered: empty rows are dropped on reading, so a
/// number would disagree with Excel's.
pub fn row_text(row: &[String]) -> String {
    let cells: Vec<&str> = (row.iter().map(String::as_str))
        .filter(|c| !c.is_empty())
        .collect();
    shorten(&cells.join(" · "), 70)
}

/// Words of a header cell over the schools' names, the surest first:
/// «ИНН ОО» before «Наименование ОО» is not the name's column.
const NAME_WORDS: &[&[&str]] = &[&["наимен", "назван"], &["школ", "оо"]];

/// The first cell of `row` that holds one of `words`, in any case.
fn find(row: &[String], words: &[&str]) -> Option<usize> {
    row.iter().position(|h| {
        let h = h.to_lowercase();
        words.iter().any(|w| h.contains(w))
    })
}

/// The list made from the workspace's files of card `card_id`, and the
/// years it is made of: every year's schools, whichever year is `shown`
/// (made from the year shown and the one before, it left out a school
/// closed since, or one new since, and miscounted those years, a
/// walk-through), the year shown too when it has only refused files so far,
/// and the schools whose file was refused.
pub fn from_archive(
    archive: &Archive,
    card_id: &str,
    shown: &str,
) -> (Vec<RosterSchool>, Vec<String>) {
    let mut years = archive.periods(card_id);
    if !years.iter().any(|p| p == shown) {
        years.push(shown.to_owned());
        years.sort();
    }
    let refused: Vec<&Claim> = (archive.refusals().iter())
        .filter_map(|r| r.claim.as_ref())
        .filter(|c| years.iter().any(|p| c.of_campaign(card_id, p)))
        .collect();
    let results: Vec<Vec<SchoolResult>> = (years.iter())
        .map(|p| crate::department::results::results(archive, card_id, p))
        .collect();
    let each: Vec<&[SchoolResult]> = results.iter().map(Vec::as_slice).collect();
    (from_results(&archive.roster, &each, &refused), years)
}

/// The schools of one or more years' results, oldest first, each once (by
/// its school: the later year's name and details win), by name: the years
/// before name the schools to chase, the last adds the ones new since. A
/// school is paired with its latest year before, not only the year just
/// before: one that skipped a year and gave its ИНН one year only was
/// listed twice (a review). A school whose only file was refused
/// (`refused`, the claims of those files) is one to chase too: it is
/// listed as its file names it. A school new this year whose name carries
/// the numbers of one of the year before that sent nothing this year
/// ([`likely_school`]) is not listed: most likely that school renamed, it
/// is left for the coordinator to place («… — это …», the listed one
/// chosen), where both names were listed, the old one «не сдана» and
/// asked for in the reminder (a walk-through). Two rows the list would
/// take for one school ([`name_key`]: a name in full one year, abbreviated
/// the next) are one.
pub fn from_results(
    roster: &Roster,
    years: &[&[SchoolResult]],
    refused: &[&Claim],
) -> Vec<RosterSchool> {
    // Each school's row, and the year it was last seen in.
    let mut by_school: std::collections::HashMap<&SchoolId, (RosterSchool, usize)> =
        std::collections::HashMap::new();
    // The latest result of each school seen so far.
    let mut latest: Vec<SchoolResult> = Vec::new();
    let mut before: &[SchoolResult] = &[];
    let listed = Owners::new(roster);
    for (at, year) in years.iter().enumerate() {
        // A school that gave its ИНН one year only is one row, with it
        // (it was listed twice, «сдали 13 из 13» of 12 schools).
        let mut kept = std::collections::HashMap::new();
        let mut paired = HashSet::new();
        for (was, now) in pair_schools(roster, &latest, year) {
            if was.school != now.school {
                paired.insert(was.school.clone());
                if let Some((row, _)) = by_school.remove(&was.school) {
                    kept.insert(&now.school, row.identifier);
                }
            }
        }
        let this_year: HashSet<&SchoolId> = year.iter().map(|r| &r.school).collect();
        // Of the year just before: a school closed years ago is no rename
        // of one new now (a review).
        let waiting: Vec<&str> = (before.iter())
            .filter(|r| !this_year.contains(&r.school))
            .filter_map(|r| by_school.get(&r.school))
            .map(|(s, _)| s.name.as_str())
            .collect();
        let waiting = LikelySchools::new(&waiting);
        let renamed: HashSet<&SchoolId> = (year.iter())
            .filter(|r| !before.is_empty() && !by_school.contains_key(&r.school))
            .filter(|r| !kept.contains_key(&r.school))
            // One the list has already (placed as new, say) stays (a review).
            .filter(|r| listed.of(&r.school, &r.profile).is_empty())
            .filter(|r| r.profile.name.chars().any(|c| c.is_ascii_digit()))
            .filter(|r| waiting.of(&r.profile.name).is_some())
            .map(|r| &r.school)
            .collect();
        for r in year.iter().filter(|r| !renamed.contains(&r.school)) {
            let identifier = match is_identifier(&r.profile.identifier) {
                true => r.profile.identifier.trim().to_owned(),
                false => kept.remove(&r.school).unwrap_or_default(),
            };
            let row = RosterSchool {
                name: r.profile.name.trim().to_owned(),
                identifier,
                municipality: r.profile.municipality.trim().to_owned(),
                ..RosterSchool::default()
            };
            by_school.insert(&r.school, (row, at));
        }
        latest.retain(|s| !paired.contains(&s.school) && !this_year.contains(&s.school));
        latest.extend(year.iter().cloned());
        before = year;
    }
    // The latest first: its name and details win.
    let mut rows: Vec<(RosterSchool, usize)> = by_school.into_values().collect();
    rows.sort_by_key(|(_, at)| std::cmp::Reverse(*at));
    let mut one = OneEach::default();
    for (row, _) in rows {
        one.add(row);
    }
    let mut roster = Roster {
        schools: one.schools,
        ..Roster::default()
    };
    let owners = Owners::new(&roster);
    // A school refused in two years is listed once, namesakes of two
    // places each (a review).
    let mut claimed = OneEach::default();
    for claim in refused.iter().filter(|c| owners.of_claim(c).is_empty()) {
        claimed.add(RosterSchool {
            name: claim.name.clone(),
            identifier: claim.identifier.clone(),
            municipality: claim.municipality.clone(),
            ..RosterSchool::default()
        });
    }
    roster.schools.extend(claimed.schools);
    // Namesakes in other places keep one order from run to run.
    roster.schools.sort_by(|a, b| {
        by_name(&a.name, &b.name)
            .then_with(|| a.municipality.cmp(&b.municipality))
            .then_with(|| a.identifier.cmp(&b.identifier))
    });
    roster.schools
}

/// Schools added one by one, each once: one that the list would take for
/// one already added (the same [`name_key`] and municipality, the ИНН not
/// disagreeing) gives it its ИНН if it had none. By a key, not by pairs:
/// a list is 2 000 schools.
#[derive(Default)]
struct OneEach {
    schools: Vec<RosterSchool>,
    at: std::collections::HashMap<(String, String), Vec<usize>>,
}

impl OneEach {
    fn add(&mut self, school: RosterSchool) {
        let key = (name_key(&school.name), place_key(&school.municipality));
        let positions = self.at.entry(key).or_default();
        let same = (positions.iter().copied()).find(|&i| {
            agree(
                &identifier_key(&self.schools[i].identifier),
                &identifier_key(&school.identifier),
            )
        });
        match same {
            Some(i) if self.schools[i].identifier.trim().is_empty() => {
                self.schools[i].identifier = school.identifier;
            }
            Some(_) => {}
            None => {
                positions.push(self.schools.len());
                self.schools.push(school);
            }
        }
    }
}

/// Whether two spellings of an ИНН do not disagree: one is blank, or
/// both are the same.
fn agree(a: &str, b: &str) -> bool {
    a.trim().is_empty() || b.trim().is_empty() || normalize(a) == normalize(b)
}

/// Whether two spellings of a municipality do not disagree: one is blank,
/// or both name one place ([`place_key`]).
fn same_place(a: &str, b: &str) -> bool {
    a.trim().is_empty() || b.trim().is_empty() || place_key(a) == place_key(b)
}

/// A campaign's deadlines, as `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    pub submit: String,
    pub check: String,
    pub evaluate: String,
}

impl Deadlines {
    /// Seed 003's dates in the autumn after the school year «2024/2025»:
    /// 30.09.2025, 15.10.2025, 01.11.2025.
    pub fn seed_003(period: &str) -> Self {
        let year = period
            .split(['/', '-', '–'])
            .nth(1)
            .map(str::trim)
            .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or("2026");
        Self {
            submit: format!("{year}-09-30"),
            check: format!("{year}-10-15"),
            evaluate: format!("{year}-11-01"),
        }
    }

    /// A stage set to end before the one it follows, said beside the
    /// dates: a check due before the card made every school's check
    /// «просрочена» (a walk-through). Unset dates are not compared.
    pub fn out_of_order(&self) -> Option<String> {
        let stages = [
            ("сдачи карты", &self.submit),
            ("проверки объективности", &self.check),
            ("оценки", &self.evaluate),
        ];
        let set: Vec<(&str, &str)> = (stages.iter())
            .map(|(what, d)| (*what, d.trim()))
            .filter(|(_, d)| !d.is_empty())
            .collect();
        set.windows(2).find(|w| w[1].1 < w[0].1).map(|w| {
            format!(
                "Срок {} ({}) раньше срока {} ({}): проверьте даты.",
                w[1].0,
                date_ru(w[1].1),
                w[0].0,
                date_ru(w[0].1)
            )
        })
    }

    /// The dates in one line, for paper, where the date fields are not
    /// printed: «Сроки: карта школы — до 30.09.2026; …». An unset date is
    /// left out.
    pub fn line(&self) -> String {
        let dates = [
            ("карта школы", &self.submit),
            ("проверка объективности", &self.check),
            ("оценка", &self.evaluate),
        ];
        let set: Vec<String> = (dates.iter())
            .filter(|(_, d)| !d.trim().is_empty())
            .map(|(what, d)| format!("{what} — до {}", date_ru(d)))
            .collect();
        if set.is_empty() {
            return "Сроки не заданы.".to_owned();
        }
        format!("Сроки: {}.", set.join("; "))
    }
}

/// The roster, and each period's deadlines when the coordinator set them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    pub schools: Vec<RosterSchool>,
    /// By campaign ([`Roster::campaign`]): the year for the default card,
    /// as before there were others, the year and the card's id for another.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deadlines: BTreeMap<String, Deadlines>,
    /// Files whose school the spelling rules could not place, placed by the
    /// coordinator once: the file's school → the roster school's name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub linked: BTreeMap<SchoolId, String>,
}

impl Roster {
    pub fn is_empty(&self) -> bool {
        self.schools.is_empty() && self.deadlines.is_empty() && self.linked.is_empty()
    }

    /// The files of `files` each school of the list owns, in the list's
    /// order and, for each school, in the order of `files`; and the latest
    /// of `refused` that each claims to be from.
    fn files_by_school<'a>(
        &self,
        files: impl Iterator<Item = &'a Entry>,
        refused: impl Iterator<Item = &'a Refusal>,
    ) -> Vec<(Vec<&'a Entry>, Option<&'a Refusal>)> {
        let owners = Owners::new(self);
        let mut by_school = vec![(Vec::new(), None); self.schools.len()];
        for entry in files {
            for i in owners.of(&entry.school, entry.profile()) {
                by_school[i].0.push(entry);
            }
        }
        for refusal in refused {
            let Some(claim) = &refusal.claim else {
                continue;
            };
            for i in owners.of_claim(claim) {
                by_school[i].1 = Some(refusal);
            }
        }
        by_school
    }

    /// The schools of the campaign's counted files that no roster school
    /// owns: (the file's school, its profile as typed), for the coordinator
    /// to place once.
    pub fn unplaced(
        &self,
        archive: &Archive,
        card_id: &str,
        period: &str,
    ) -> Vec<(SchoolId, SchoolProfile)> {
        if self.schools.is_empty() {
            return Vec::new();
        }
        let owners = Owners::new(self);
        let mut files: Vec<(SchoolId, SchoolProfile)> = archive
            .current()
            .into_iter()
            .filter(|e| e.card.id == card_id && e.period() == period)
            .filter(|e| owners.of(&e.school, e.profile()).is_empty())
            .map(|e| (e.school.clone(), e.profile().clone()))
            .collect();
        // By name, so a long list reads like the list it is checked against.
        files.sort_by(|a, b| by_name(&a.1.name, &b.1.name));
        files
    }

    /// Whether a school typed by hand is new to the list: not its name in
    /// some spelling («МАОУ СОШ №7» is «маоу сош № 7»).
    pub fn check_new(&self, name: &str) -> Result<(), AlreadyListed> {
        let key = name_key(name.trim());
        match self.schools.iter().find(|s| name_key(&s.name) == key) {
            Some(listed) => Err(AlreadyListed {
                name: listed.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// What replacing the list with `new` would drop, in words: the
    /// schools of this list that `new` has under no spelling of their name,
    /// no identifier of theirs and no school owning their files (typed by
    /// hand, say), and the schools whose files the new list would no longer
    /// find (placed by hand with a school it spells otherwise); `None` when
    /// none. `new_list` names the new list in the prepositional
    /// («загружаемом списке»).
    pub fn dropped_by(
        &self,
        new: &[RosterSchool],
        files: &[Entry],
        new_list: &str,
    ) -> Option<String> {
        let before: HashSet<usize> = self
            .predecessors(new, files)
            .into_iter()
            .flatten()
            .collect();
        let names: HashSet<String> = new.iter().map(|n| name_key(&n.name)).collect();
        let identifiers: HashSet<&str> = new.iter().map(|n| n.identifier.trim()).collect();
        let kept = |(i, s): &(usize, &RosterSchool)| {
            before.contains(i)
                || names.contains(&name_key(&s.name))
                || (!s.identifier.is_empty() && identifiers.contains(s.identifier.trim()))
        };
        let dropped: Vec<String> = (self.schools.iter().enumerate())
            .filter(|s| !kept(s))
            .map(|(_, s)| quoted(s.name.trim()))
            .collect();
        let lost = self.lost_files(new, files);
        let schools = match dropped.len() {
            0 => None,
            1 => Some(format!(
                "В {new_list} нет школы {}: она будет удалена из списка.",
                first_of(&dropped, 5)
            )),
            n => Some(format!(
                "В {new_list} нет {n} {} нынешнего списка: {} — они будут удалены из \
                 списка.",
                plural(n as u64, "школы", "школ", "школ"),
                first_of(&dropped, 5)
            )),
        };
        let files = match lost.len() {
            0 => None,
            1 => Some(format!(
                "Файлы школы {} новый список не найдёт: их нужно будет сопоставить заново («… — \
                 это …»).",
                first_of(&lost, 5)
            )),
            _ => Some(format!(
                "Файлы школ {} новый список не найдёт: их нужно будет сопоставить заново («… — \
                 это …»).",
                first_of(&lost, 5)
            )),
        };
        let said: Vec<String> = schools.into_iter().chain(files).collect();
        (!said.is_empty()).then(|| said.join(" "))
    }

    /// The schools of this list (their names quoted) with files of `files`
    /// that the list `new` would not find, its placings carried over
    /// ([`Self::replace_schools`]).
    fn lost_files(&self, new: &[RosterSchool], files: &[Entry]) -> Vec<String> {
        let mut after = self.clone();
        after.replace_schools(new.to_vec(), files);
        let (was, now) = (Owners::new(self), Owners::new(&after));
        let mut lost = std::collections::BTreeSet::new();
        for e in files
            .iter()
            .filter(|e| now.of(&e.school, e.profile()).is_empty())
        {
            lost.extend(was.of(&e.school, e.profile()));
        }
        (lost.into_iter())
            .map(|i| quoted(self.schools[i].name.trim()))
            .collect()
    }

    /// [`Self::dropped_by`] of a list loaded from a file.
    pub const LOADED: &'static str = "загружаемом списке";
    /// [`Self::dropped_by`] of the list made from the accepted files.
    pub const FROM_FILES: &'static str = "списке из принятых файлов";

    /// The list replaced with `schools` (loaded, or made from the files).
    /// Each keeps what the school it stands for ([`Self::predecessors`])
    /// had in the list it replaces: the years it is expected in (a school
    /// marked closed came back «не сдана» with the next list) and the files
    /// of `files` placed with it by hand or by the spelling rules that the
    /// new list's spelling does not find (a placing was kept by the old
    /// name, and a new list spelling the school otherwise left its files
    /// «не нашлись» and the school «не сдана», a walk-through).
    pub fn replace_schools(&mut self, mut schools: Vec<RosterSchool>, files: &[Entry]) {
        let before = self.predecessors(&schools, files);
        for (school, was) in schools.iter_mut().zip(&before) {
            if let Some(was) = was.map(|i| &self.schools[i]) {
                school.since.clone_from(&was.since);
                school.until.clone_from(&was.until);
            }
        }
        // The one new school each school of this list goes on as.
        let mut after: Vec<Vec<usize>> = vec![Vec::new(); self.schools.len()];
        for (j, was) in before.iter().enumerate() {
            if let Some(i) = was {
                after[*i].push(j);
            }
        }
        let successor = |i: usize| match after[i][..] {
            [j] => Some(j),
            _ => None,
        };
        let mut linked: BTreeMap<SchoolId, String> = (self.linked.iter())
            .filter_map(|(id, name)| {
                let i = self.schools.iter().position(|s| &s.name == name)?;
                Some((id.clone(), schools[successor(i)?].name.clone()))
            })
            .collect();
        let new = Roster {
            schools: schools.clone(),
            ..Roster::default()
        };
        let (was, now) = (Owners::new(self), Owners::new(&new));
        for e in files
            .iter()
            .filter(|e| !self.linked.contains_key(&e.school))
        {
            if !now.of(&e.school, e.profile()).is_empty() {
                continue;
            }
            // Only a file the new school does not contradict: a list
            // without municipalities owned two namesakes' files, and one
            // went to the other's school unasked (a review).
            let [i] = was.of(&e.school, e.profile())[..] else {
                continue;
            };
            let Some(j) = successor(i) else {
                continue;
            };
            let (school, file) = (&schools[j], e.profile());
            if same_place(&school.municipality, &file.municipality)
                && agree(
                    &identifier_key(&school.identifier),
                    &identifier_key(&file.identifier),
                )
            {
                linked.insert(e.school.clone(), school.name.clone());
            }
        }
        self.schools = schools;
        self.linked = linked;
    }

    /// For each school of `new`, the school of this list it stands for,
    /// when one alone does: the one with its ИНН; failing that, the one
    /// with its name in some spelling, municipality and ИНН not
    /// disagreeing (namesakes in other places are told apart as the list
    /// tells them: one closed school's years went to its namesake, a
    /// review); failing that, the one whose files it owns by the spelling
    /// rules (a list made from the files names a school as its file does,
    /// where this one had it as a register does, the file placed by hand).
    fn predecessors(&self, new: &[RosterSchool], files: &[Entry]) -> Vec<Option<usize>> {
        let one = |found: Vec<usize>| match found[..] {
            [i] => Some(i),
            _ => None,
        };
        let fresh = Roster {
            schools: new.to_vec(),
            ..Roster::default()
        };
        let (was, now) = (Owners::new(self), Owners::new(&fresh));
        let mut sharing: Vec<std::collections::BTreeSet<usize>> =
            vec![Default::default(); new.len()];
        for e in files {
            let owned = was.of(&e.school, e.profile());
            for j in now.of(&e.school, e.profile()) {
                sharing[j].extend(&owned);
            }
        }
        // By key, each school's keys made once: a list is 2 000 schools.
        let (by_identifier, by_name) = self.keys();
        let at = |map: &HashMap<String, Vec<usize>>, key: &str| -> Vec<usize> {
            map.get(key).cloned().unwrap_or_default()
        };
        (new.iter().zip(sharing))
            .map(|(school, sharing)| {
                let key = identifier_key(&school.identifier);
                let by_identifier = match key.is_empty() {
                    true => None,
                    false => one(at(&by_identifier, &key)),
                };
                let by_name = || {
                    let mut found = at(&by_name, &name_key(&school.name));
                    found.retain(|&i| {
                        let s = &self.schools[i];
                        same_place(&s.municipality, &school.municipality)
                            && agree(&s.identifier, &school.identifier)
                    });
                    one(found)
                };
                (by_identifier.or_else(by_name)).or_else(|| one(sharing.into_iter().collect()))
            })
            .collect()
    }

    /// The list's schools by ИНН ([`identifier_key`]) and by name
    /// ([`name_key`]): positions in the list.
    fn keys(&self) -> (HashMap<String, Vec<usize>>, HashMap<String, Vec<usize>>) {
        let (mut by_identifier, mut by_name): (HashMap<_, Vec<_>>, HashMap<_, Vec<_>>) =
            Default::default();
        for (i, s) in self.schools.iter().enumerate() {
            let key = identifier_key(&s.identifier);
            if !key.is_empty() {
                by_identifier.entry(key).or_default().push(i);
            }
            by_name.entry(name_key(&s.name)).or_default().push(i);
        }
        (by_identifier, by_name)
    }

    /// A school typed by hand, unless the list has it ([`Self::check_new`]).
    pub fn add(&mut self, name: &str) -> Result<(), AlreadyListed> {
        self.check_new(name)?;
        self.schools.push(RosterSchool {
            name: one_line(name),
            ..RosterSchool::default()
        });
        Ok(())
    }

    /// The coordinator says the file's school `id` is the roster's `name`.
    pub fn place(&mut self, id: SchoolId, name: &str) {
        self.linked.insert(id, name.to_owned());
    }

    /// The coordinator says the file's school `id` is new to the list: it
    /// joins it with the file's name, identifier and municipality, expected
    /// from its file's year (`period`) on, in its place by name when the
    /// list is in name order (made from the files, say), at its end
    /// otherwise (a register's own order). A name the list already has gets
    /// the ИНН (or a number) after it, so that the new row alone owns the
    /// file.
    pub fn place_new(&mut self, id: SchoolId, profile: &SchoolProfile, period: &str) {
        let base = profile.name.trim();
        let identifier = profile.identifier.trim();
        // In any spelling the rules take for the same name.
        let taken = |schools: &[RosterSchool], name: &str| {
            let name = name_key(name);
            schools.iter().any(|s| name_key(&s.name) == name)
        };
        let mut name = base.to_owned();
        if taken(&self.schools, &name) && !identifier.is_empty() {
            name = format!("{base} (ИНН {identifier})");
        }
        let mut n = 2;
        while taken(&self.schools, &name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        let school = RosterSchool {
            name: name.clone(),
            identifier: identifier.to_owned(),
            municipality: profile.municipality.trim().to_owned(),
            since: period.to_owned(),
            ..RosterSchool::default()
        };
        let ordered = |a: &RosterSchool, b: &RosterSchool| by_name(&a.name, &b.name).is_le();
        let at = match self.schools.is_sorted_by(ordered) {
            true => (self.schools).partition_point(|s| ordered(s, &school)),
            false => self.schools.len(),
        };
        self.schools.insert(at, school);
        self.linked.insert(id, name);
    }

    /// The listed school a file names exactly but under another ИНН, for
    /// the question to say so and offer first.
    pub fn namesake(&self, profile: &SchoolProfile) -> Option<&RosterSchool> {
        owners::namesake(self, profile).map(|at| &self.schools[at])
    }

    /// The campaign's deadlines as the coordinator set them; unset, seed
    /// 003's for its card and none for another: the Невинномысск card
    /// collects its data in April and May, and seed 003's autumn dates
    /// made its checks «просрочена на 417 дней».
    pub fn deadlines(&self, card_id: &str, period: &str) -> Deadlines {
        (self
            .deadlines
            .get(&Self::campaign(card_id, period))
            .cloned())
        .unwrap_or_else(|| match card_id == crate::card::DEFAULT_CARD {
            true => Deadlines::seed_003(period),
            false => Deadlines::default(),
        })
    }

    /// Whether the coordinator set the deadlines of the campaign.
    pub fn deadlines_set(&self, card_id: &str, period: &str) -> bool {
        self.deadlines
            .contains_key(&Self::campaign(card_id, period))
    }

    /// Sets the deadlines of the campaign of `card_id` and `period`.
    pub fn set_deadlines(&mut self, card_id: &str, period: &str, deadlines: Deadlines) {
        self.deadlines
            .insert(Self::campaign(card_id, period), deadlines);
    }

    /// The key of a campaign's deadlines: the year alone for the default
    /// card, as the deadlines were kept before other cards had their own
    /// (one card's dates gave another's campaign seed 003's rest).
    fn campaign(card_id: &str, period: &str) -> String {
        match card_id == crate::card::DEFAULT_CARD {
            true => period.to_owned(),
            false => format!("{period}|{card_id}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotSent,
    Received,
    InReview,
    Checked,
    /// Only files under a key the coordinator rejected.
    Rejected,
    /// No file counted, and a file that claims to be the school's was
    /// refused at import: the school did send one, and has to send it again.
    Refused,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotSent => "не сдана",
            Self::Received => "получена",
            Self::InReview => "на проверке",
            Self::Checked => "проверена",
            Self::Rejected => "отклонена",
            Self::Refused => "файл не принят",
        }
    }

    /// No file of the school's is in: none came, or the one that came was
    /// refused at import.
    pub fn waits(self) -> bool {
        matches!(self, Self::NotSent | Self::Refused)
    }

    /// No card of the school's counts: [`Status::waits`], or only files
    /// under a key the coordinator rejected.
    pub fn missing(self) -> bool {
        self.waits() || self == Self::Rejected
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::NotSent => "not-sent",
            Self::Received => "received",
            Self::InReview => "in-review",
            Self::Checked => "checked",
            Self::Rejected => "rejected",
            Self::Refused => "refused",
        }
    }
}

/// One school of the roster in a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    /// Its place in the roster's list of schools.
    pub at: usize,
    pub school: RosterSchool,
    pub status: Status,
    /// The day its first file of the campaign was made, `YYYY-MM-DD`.
    pub sent: Option<String>,
    /// Days the card came after its deadline.
    pub sent_late: Option<i64>,
    /// Days past the deadline of the stage it waits at: the card's while
    /// none came, the check's while it waits for review.
    pub overdue: Option<i64>,
    /// The reviewers the lead gave the school, when the review is shared.
    pub reviewers: Vec<String>,
    /// A file of the school's waits for the decision about its new key.
    pub held: bool,
    /// The name its counted file gives, when the file was placed with the
    /// school by hand («… — это …») or by its correction and names it
    /// otherwise: a school renamed stood under the list's old name with
    /// nothing to say it had renamed (a walk-through).
    pub filed_as: Option<String>,
    /// Its name as the page and the reminder show it: with its
    /// municipality where another school of the list has its name
    /// (namesakes of two places read as one school twice, a walk-through).
    pub shown: String,
    /// While nothing of the campaign's card came, another card the school's
    /// file of the year was filled in on ([`as_schools_name_it`]): it sent
    /// the wrong card, and a walk-through's reminder told it nothing came.
    pub other_card: Option<String>,
    /// It stands «не сдана», and a refused file the list cannot place is
    /// most likely its ([`mark_refused`]): the page said so with the row,
    /// the exported list did not (a review).
    pub refused_likely: bool,
}

impl RosterRow {
    /// «просрочено на 3 дня», «сдана с опозданием на 1 день; проверка
    /// отделом просрочена на 2 дня», or nothing. The check is the
    /// department's own stage: named so, not to read as the school's fault.
    pub fn lateness(&self) -> String {
        let days = |n: i64| format!("{n} {}", plural(n.unsigned_abs(), "день", "дня", "дней"));
        let mut parts = Vec::new();
        if let Some(n) = self.sent_late {
            parts.push(format!("сдана с опозданием на {}", days(n)));
        }
        if let Some(n) = self.overdue {
            parts.push(match self.status {
                Status::NotSent | Status::Refused if n > DAYS_SAID_LATE => {
                    "просрочено больше чем на год".to_owned()
                }
                Status::NotSent | Status::Refused => format!("просрочено на {}", days(n)),
                _ => format!("проверка отделом просрочена на {}", days(n)),
            });
        }
        parts.join("; ")
    }

    /// «в файле: …», under the school's name ([`RosterRow::filed_as`]).
    pub fn filed_as_note(&self) -> Option<String> {
        (self.filed_as.as_ref()).map(|name| format!("в файле: {name}"))
    }

    /// «прислан файл по другой карте: …» ([`RosterRow::other_card`]).
    pub fn other_card_note(&self) -> Option<String> {
        (self.other_card.as_ref()).map(|title| format!("прислан файл по другой карте: {title}"))
    }

    /// «вероятно, её файл не принят» ([`RosterRow::refused_likely`]).
    pub fn refused_note(&self) -> Option<&'static str> {
        self.refused_likely.then_some("вероятно, её файл не принят")
    }

    /// The notes, or nothing: what the page shows with the row, for the
    /// exported list.
    pub fn note(&self) -> String {
        [
            self.filed_as_note(),
            self.refused_note().map(str::to_owned),
            self.other_card_note(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ")
    }
}

/// Days from `from` to `to` (`YYYY-MM-DD`, a longer ISO time is cut), or
/// `None` when either is not a date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to.get(..10)?)? - day_number(from.get(..10)?)?)
}

/// The longest a stage is counted overdue in days: a year on, the next
/// year's is due, and a count still growing is history. The department's
/// check is then no longer said late (a walk-through's last year read
/// «проверка отделом просрочена на 418 дней» in every row); a card never
/// sent still is, without the days («не сдана, просрочено на 391 день»
/// grew daily in another's).
const DAYS_SAID_LATE: i64 = 365;

/// A card's title, quoted, as a school tells it from the others: a
/// department's card started from a built-in one keeps its title, and a
/// reminder asked a school that sent the built-in card for «Экспертная
/// карта…» instead of «Экспертная карта…» (a review). Two cards of one
/// title are named as the school's list of cards names them, the
/// department's «карта отдела образования».
pub fn as_schools_name_it(archive: &Archive, card: &Card) -> String {
    let title = card.title.trim();
    let clash = (archive.cards().iter()).any(|c| c.id != card.id && c.title.trim() == title);
    let own = || archive.own_cards().published().any(|c| c.id == card.id);
    match (clash, clash && own()) {
        (false, _) => quoted(title),
        (true, true) => format!("{} (карта отдела образования)", quoted(title)),
        (true, false) => format!("{} (встроенная в Профкарту)", quoted(title)),
    }
}

/// Where every school of the roster stands in the campaign of `card_id`
/// and `period` on `today` (`YYYY-MM-DD`).
pub fn statuses(
    roster: &Roster,
    archive: &Archive,
    card_id: &str,
    period: &str,
    today: &str,
) -> Vec<RosterRow> {
    let deadlines = roster.deadlines(card_id, period);
    let of_campaign = archive
        .entries()
        .iter()
        .filter(|e| e.card.id == card_id && e.period() == period);
    let refused = archive.refusals().iter().filter(|r| {
        r.claim
            .as_ref()
            .is_some_and(|c| c.of_campaign(card_id, period))
    });
    // The year's counted files of other cards, each school's.
    let other_cards =
        (archive.current().into_iter()).filter(|e| e.card.id != card_id && e.period() == period);
    let other_cards = roster.files_by_school(other_cards, std::iter::empty());
    let past = |deadline: &str| days_between(deadline, today).filter(|d| *d > 0);
    let mut names: HashMap<&str, usize> = HashMap::new();
    for school in &roster.schools {
        *names.entry(school.name.as_str()).or_default() += 1;
    }
    roster
        .schools
        .iter()
        .zip(roster.files_by_school(of_campaign, refused))
        .zip(other_cards.into_iter().map(|(other, _)| other))
        .enumerate()
        // A school not expected this year is left out, unless a file of
        // its came: then it is there after all.
        .filter(|(_, ((school, (mine, refused)), _))| {
            school.expected_in(period) || !mine.is_empty() || refused.is_some()
        })
        .map(|(at, ((school, (mine, refused)), other))| {
            let counted = mine
                .iter()
                .find(|e| archive.standing_of(e.id()) == Some(&Standing::Current));
            let rejected = !mine.is_empty()
                && mine
                    .iter()
                    .all(|e| archive.standing_of(e.id()) == Some(&Standing::Rejected));
            let reviewers = counted
                .map(|e| {
                    archive
                        .reviewers_of((card_id, period), &e.school)
                        .into_iter()
                        .map(|i| archive.reviewers[i].name.clone())
                        .collect()
                })
                .unwrap_or_default();
            // Sent when its first counted card came: a correction sent
            // later, a plan added to it, is not lateness. A file under a key
            // not yet accepted says nothing: its date is the sender's word.
            let first = mine
                .iter()
                .filter(|e| {
                    matches!(
                        archive.standing_of(e.id()),
                        Some(Standing::Current | Standing::Superseded { .. })
                    )
                })
                .map(|e| e.opened.payload.created_at.as_str())
                .min();
            let (status, sent) = match (counted, first) {
                (Some(e), Some(created)) => {
                    let status = match archive.review(e.id()).status() {
                        ReviewStatus::Received => Status::Received,
                        ReviewStatus::InReview => Status::InReview,
                        ReviewStatus::Checked => Status::Checked,
                    };
                    (status, Some(local_day(created)))
                }
                _ if rejected => (Status::Rejected, None),
                _ if refused.is_some() => (Status::Refused, None),
                _ => (Status::NotSent, None),
            };
            let sent_late = sent
                .as_deref()
                .and_then(|d| days_between(&deadlines.submit, d))
                .filter(|d| *d > 0);
            let overdue = match status {
                Status::NotSent | Status::Refused => past(&deadlines.submit),
                Status::Received | Status::InReview => {
                    past(&deadlines.check).filter(|d| *d <= DAYS_SAID_LATE)
                }
                Status::Checked | Status::Rejected => None,
            };
            let filed_as = (counted.filter(|e| roster.linked.contains_key(&e.school)))
                .map(|e| e.profile().name.trim())
                .filter(|name| name_key(name) != name_key(&school.name))
                .map(str::to_owned);
            let shown = match names[school.name.as_str()] > 1 && !school.municipality.is_empty() {
                true => format!("{} ({})", school.name, school.municipality.trim()),
                false => school.name.clone(),
            };
            RosterRow {
                at,
                shown,
                school: school.clone(),
                status,
                sent,
                sent_late,
                overdue,
                reviewers,
                held: mine
                    .iter()
                    .any(|e| archive.standing_of(e.id()) == Some(&Standing::Held)),
                filed_as,
                other_card: (other.first())
                    .filter(|_| status == Status::NotSent)
                    .map(|e| as_schools_name_it(archive, &e.card)),
                refused_likely: false,
            }
        })
        .collect()
}

/// Marks the rows of the schools named in `likely`, the guesses of
/// [`unplaced_refusals`], that stand «не сдана» ([`RosterRow::refused_likely`]).
/// Apart from [`statuses`], which the report and the reminders call too:
/// the guesses read every name of the list for each refused file.
pub fn mark_refused<'a>(rows: &mut [RosterRow], likely: impl IntoIterator<Item = &'a str>) {
    let likely: HashSet<&str> = likely.into_iter().collect();
    for row in rows {
        row.refused_likely =
            row.status == Status::NotSent && likely.contains(row.school.name.as_str());
    }
}

/// A refused file of the campaign that the list cannot place by what the
/// file says: it does not say (cut off, not text), or names a school the
/// list does not have. Its school may stand as «не сдана».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedRefusal<'a> {
    pub refusal: &'a Refusal,
    /// The school of the list the file most likely is, by the name it
    /// gives, or else by its file name ([`named_in_file_name`]).
    pub likely: Option<&'a str>,
}

/// The [`UnplacedRefusal`]s of the campaign, latest first; `rows` are the
/// list's [`statuses`]. A file whose likely school has a card by now is
/// left out: nothing is left to ask about it.
pub fn unplaced_refusals<'a>(
    archive: &'a Archive,
    rows: &'a [RosterRow],
    card_id: &str,
    period: &str,
) -> Vec<UnplacedRefusal<'a>> {
    // Most workspaces have none: the list is not read for nothing.
    if archive.refusals().is_empty() {
        return Vec::new();
    }
    let owners = Owners::new(&archive.roster);
    let names: Vec<&str> = rows.iter().map(|r| r.school.name.as_str()).collect();
    let likely = LikelySchools::new(&names);
    let of_campaign = |refusal: &Refusal| match &refusal.claim {
        Some(claim) if !claim.of_campaign(card_id, period) => None,
        Some(claim) if !owners.of_claim(claim).is_empty() => None,
        Some(claim) => Some(claim.name.clone()),
        None => match named_in_file_name(&refusal.file) {
            Some((_, Some(year))) if year != period => None,
            Some((name, _)) => Some(name),
            None => Some(String::new()),
        },
    };
    archive
        .refusals()
        .iter()
        .rev()
        .filter_map(|refusal| {
            let named = of_campaign(refusal)?;
            match likely.of(&named).map(|i| &rows[i]) {
                Some(row) if !row.status.waits() => None,
                row => Some(UnplacedRefusal {
                    refusal,
                    likely: row.map(|r| r.school.name.as_str()),
                }),
            }
        })
        .collect()
}

/// The first and the last school year a counted file of a school came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileYears {
    pub first: String,
    pub last: String,
}

impl FileYears {
    /// `years` with a file of `period` among them.
    fn widen(years: &mut Option<Self>, period: &str) {
        let years = years.get_or_insert_with(|| Self {
            first: period.to_owned(),
            last: period.to_owned(),
        });
        if period < years.first.as_str() {
            years.first = period.to_owned();
        }
        if period > years.last.as_str() {
            years.last = period.to_owned();
        }
    }

    /// What the page offers for a school nothing came from in `period`:
    /// «Новая» when its first file is of a later year (a list made from
    /// the files cannot tell a new school from one that did not send, and
    /// stood it «не сдана» in the years before it was, a walk-through);
    /// nothing when it sent before and after (it skipped the year, it did
    /// not close) or a file of the year was refused; «Закрыта» otherwise.
    pub fn offer(years: Option<&Self>, period: &str) -> Option<NotExpected> {
        match years {
            Some(y) if y.first.as_str() > period => Some(NotExpected::New(y.first.clone())),
            Some(y) if y.last.as_str() >= period => None,
            _ => Some(NotExpected::Closed),
        }
    }
}

/// Why a school of the list is not expected from a year on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotExpected {
    /// In the list from this school year.
    New(String),
    Closed,
}

/// For each school of the list, the first and last year a counted file on
/// card `card_id` came from it ([`FileYears`]), `None` when none did.
pub fn file_years(roster: &Roster, archive: &Archive, card_id: &str) -> Vec<Option<FileYears>> {
    years_of(roster, archive, |e| e.card.id == card_id)
}

/// [`file_years`] of the counted files `of` keeps.
fn years_of(
    roster: &Roster,
    archive: &Archive,
    of: impl Fn(&Entry) -> bool,
) -> Vec<Option<FileYears>> {
    let owners = Owners::new(roster);
    let mut years: Vec<Option<FileYears>> = vec![None; roster.schools.len()];
    for e in archive.current().into_iter().filter(|e| of(e)) {
        for at in owners.of(&e.school, e.profile()) {
            FileYears::widen(&mut years[at], e.period());
        }
    }
    years
}

/// [`file_years`] of every card (a school that filled in another card is
/// open all the same), with the files refused at import: by the school a file
/// names, or, naming none or one the spelling rules cannot place, the
/// school most likely its own ([`likely_school`]), as the list of refused
/// files guesses it. A refused file was sent all the same: its school is
/// offered neither «Новая» nor «Закрыта» for that year (a walk-through's
/// school whose file of last year was damaged was offered «Новая» there).
/// Only for that offer: a guess does not put a school in the year's table,
/// so what the list expects of a school ([`not_expected`]) goes by
/// [`file_years`] (a review: a closed school with a guessed file vanished
/// from both).
pub fn sent_years(roster: &Roster, archive: &Archive, card_id: &str) -> Vec<Option<FileYears>> {
    let mut years = years_of(roster, archive, |_| true);
    if archive.refusals().is_empty() {
        return years;
    }
    let owners = Owners::new(roster);
    let names: Vec<&str> = roster.schools.iter().map(|s| s.name.as_str()).collect();
    let likely = LikelySchools::new(&names);
    for refusal in archive.refusals() {
        let Some((named, Some(period))) = refusal.named(card_id) else {
            continue;
        };
        if canonical_period(&period).is_none() {
            continue;
        }
        let placed = (refusal.claim.as_ref()).map_or_else(Vec::new, |c| owners.of_claim(c));
        let places = match placed.is_empty() {
            true => likely.of(&named).into_iter().collect(),
            false => placed,
        };
        for at in places {
            FileYears::widen(&mut years[at], &period);
        }
    }
    years
}

/// The schools of the list no card is expected of for `period` and not in
/// its `rows` (a file of theirs came all the same: then they are in the
/// table, and counted), as (place in the list, name, why). A school closed
/// whose file of a later year came after all is said closed after that
/// year ([`file_years`], `years`), not after the year it was marked.
pub fn not_expected(
    roster: &Roster,
    rows: &[RosterRow],
    period: &str,
    years: &[Option<FileYears>],
) -> Vec<(usize, String, String)> {
    (roster.schools.iter().enumerate())
        .filter(|(at, _)| !rows.iter().any(|r| r.at == *at))
        .filter_map(|(at, s)| {
            let mut school = s.clone();
            let last = years.get(at).and_then(Option::as_ref).map(|y| &y.last);
            if let Some(last) = last.filter(|l| !s.until.is_empty() && **l > s.until) {
                school.until.clone_from(last);
            }
            Some((at, s.name.clone(), school.not_expected_why(period)?))
        })
        .collect()
}

/// What `n` files the list has not placed mean for its counts, or `None`
/// when there are none: their schools may stand «не сдана» and be in the
/// reminder though they sent their card (a walk-through: a register
/// spelled in full, «сдали 6 из 13» and a reminder to seven schools that
/// had sent).
pub fn unplaced_note(n: usize) -> Option<String> {
    (n > 0).then(|| {
        format!(
            "Файлы, ещё не сопоставленные со списком (выше): {n}. Пока их школы не указаны, \
             приславшие их школы могут числиться «не сдана» и попасть в письмо-напоминание."
        )
    })
}

/// «сдали 132 из 150, не сдали 18, из них просрочено 18», and «, файл не
/// принят у 2» when some of those did send a file; what is none is left
/// unsaid («сдали 150 из 150»).
pub fn counts(rows: &[RosterRow]) -> String {
    let missing: Vec<&RosterRow> = rows.iter().filter(|r| r.status.missing()).collect();
    let mut text = format!("сдали {} из {}", rows.len() - missing.len(), rows.len());
    if missing.is_empty() {
        return text;
    }
    text.push_str(&format!(", не сдали {}", missing.len()));
    match missing.iter().filter(|r| r.overdue.is_some()).count() {
        0 => {}
        n => text.push_str(&format!(", из них просрочено {n}")),
    }
    match missing
        .iter()
        .filter(|r| r.status == Status::Refused)
        .count()
    {
        0 => {}
        n => text.push_str(&format!(", файл не принят у {n}")),
    }
    text
}

/// The letter to the schools that have not sent their card `title` (quoted,
/// as [`as_schools_name_it`] names it), to print or to paste into e-mail;
/// `None` when every school has sent it.
/// A school whose file was refused is asked for it again, not told that
/// nothing came, nor that it is late: it did send one, in time or not.
pub fn reminder(
    rows: &[RosterRow],
    title: &str,
    period: &str,
    deadlines: &Deadlines,
    today: &str,
) -> Option<String> {
    let date = date_ru;
    let of = |status: Status| -> Vec<&RosterRow> {
        rows.iter().filter(|r| r.status == status).collect()
    };
    let (missing, refused) = (of(Status::NotSent), of(Status::Refused));
    if missing.is_empty() && refused.is_empty() {
        return None;
    }
    let list = |text: &mut String, schools: &[&RosterRow]| {
        for (i, r) in schools.iter().enumerate() {
            let late = match r.lateness() {
                late if late.is_empty() || r.status == Status::Refused => String::new(),
                late => format!(" ({late})"),
            };
            let other = (r.other_card_note())
                .map(|note| format!(" — {note}"))
                .unwrap_or_default();
            text.push_str(&format!("{}. {}{late}{other}\n", i + 1, r.shown));
        }
    };
    // The deadline is said the same way before and after it passed; none
    // set, none said (it read «— до . По состоянию…», a walk-through).
    let deadline = match deadlines.submit.trim() {
        "" => format!("Идёт сбор карты {title} за {period} учебный год. "),
        submit => format!(
            "Срок представления карты {title} за {period} учебный год — до {}. ",
            date(submit)
        ),
    };
    let mut text = format!(
        "Руководителям образовательных организаций\n\n\
         О представлении карты мониторинга за {period} учебный год\n\n{deadline}"
    );
    if !missing.is_empty() {
        text.push_str(&format!(
            "По состоянию на {} карта не получена от следующих организаций:\n\n",
            date(today)
        ));
        list(&mut text, &missing);
        text.push_str(
            "\nПросим заполнить карту на странице «Профкарта», выгрузить подписанный файл и \
             направить его в ближайшее время.\n",
        );
        if missing.iter().any(|r| r.other_card.is_some()) {
            text.push_str(&format!(
                "Организации, приславшие файл по другой карте, просим выбрать на странице \
                 «Профкарта» карту {title} и заполнить её.\n"
            ));
        }
    }
    if !refused.is_empty() {
        text.push_str(&match missing.is_empty() {
            true => format!("По состоянию на {} файлы", date(today)),
            false => "\nФайлы".to_owned(),
        });
        text.push_str(" следующих организаций получены, но не приняты при загрузке:\n\n");
        list(&mut text, &refused);
        text.push_str(
            "\nПросим открыть карту на странице «Профкарта», выгрузить подписанный файл заново \
             и направить его, не открывая и не пересохраняя в других программах.\n",
        );
    }
    text.push_str(crate::department::letters::SIGNATURE);
    Some(text)
}

/// The roster with statuses, for XLSX and CSV.
pub fn roster_table(rows: &[RosterRow]) -> Table {
    let text = |s: &str| Cell::Text(s.to_owned());
    // The reviewers' column only when the review is shared.
    let shared = rows.iter().any(|r| !r.reviewers.is_empty());
    let mut headers = [
        "Школа",
        "ИНН / код",
        "Муниципалитет",
        "Статус",
        "Первый файл от",
        "Сроки",
    ]
    .map(String::from)
    .to_vec();
    if shared {
        headers.push("Проверяющий".to_owned());
    }
    // What the page says under a row's name and status, where any row has
    // it: the exported list said «не сдана» of a school that sent another
    // card, with nothing to say so.
    let noted = rows.iter().any(|r| !r.note().is_empty());
    if noted {
        headers.push("Примечание".to_owned());
    }
    Table {
        name: "Школы".to_owned(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    text(&r.school.name),
                    // No INN: no cell, rather than an empty text COUNTA counts.
                    match r.school.identifier.trim() {
                        "" => Cell::Empty,
                        inn => text(inn),
                    },
                    text(&r.school.municipality),
                    text(r.status.label()),
                    r.sent
                        .as_deref()
                        .map_or(Cell::Empty, |d| Cell::Date(d.to_owned())),
                    text(&r.lateness()),
                ];
                if shared {
                    row.push(text(&r.reviewers.join(", ")));
                }
                if noted {
                    row.push(match r.note() {
                        note if note.is_empty() => Cell::Empty,
                        note => Cell::Text(note),
                    });
                }
                row
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
