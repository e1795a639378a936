//! The objectivity check the seeds ask for: a school types last year's
//! figures beside this year's where growth is the target, and the department
//! holds the school's own accepted file of last year. Where the two differ,
//! the review shows it as a discrepancy to check.

use crate::card::Indicator;
use crate::department::archive::{Archive, Entry};
use crate::department::school::pair_schools;
use crate::school::draft::RawAnswer;
use crate::school::input::{parse_number, parse_percent};
use crate::school::profile::parse_period;
use crate::scoring::explain::answer_text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    pub code: String,
    /// What the school typed as last year's numerator and denominator.
    pub typed: (u64, u64),
    /// This year's figures of the school's accepted file of last year.
    pub accepted: (u64, u64),
    /// That file's name and period, to say where the figure comes from.
    pub file_name: String,
    pub period: String,
}

impl Discrepancy {
    /// "1.1: указано 25 из 100, в выгрузке — 28 из 100." The file is named
    /// once, by [`Discrepancy::source`], for all of a school's lines.
    pub fn describe(&self) -> String {
        let (n0, d0) = self.typed;
        let (n, d) = self.accepted;
        format!(
            "{}: указано {n0} из {d0}, в выгрузке — {n} из {d}.",
            self.code
        )
    }

    /// "принятой выгрузкой школы за 2024/2025 («файл»)"
    pub fn source(&self) -> String {
        format!(
            "принятой выгрузкой школы за {} («{}»)",
            self.period, self.file_name
        )
    }
}

/// The year before "2025/2026": "2024/2025".
pub fn previous_period(period: &str) -> Option<String> {
    let first = parse_period(period).ok()?;
    Some(format!("{}/{}", first - 1, first))
}

/// The school's counted file of the previous period, same card, paired as
/// the years' results are ([`pair_schools`]).
pub fn last_year_entry<'a>(archive: &'a Archive, entry: &Entry) -> Option<&'a Entry> {
    let before = previous_period(entry.period())?;
    let current = archive.current();
    let of_year = |period: &str| -> Vec<&'a Entry> {
        (current.iter())
            .filter(|e| e.card.id == entry.card.id && e.period() == period)
            .copied()
            .collect()
    };
    let (last, this) = (of_year(&before), of_year(entry.period()));
    pair_schools(&archive.roster, &last, &this)
        .into_iter()
        .find(|(_, now)| now.id() == entry.id())
        .map(|(was, _)| *was)
}

/// A share as typed: the numerator, or the parts' sum, and the denominator.
pub fn this_year(answer: &RawAnswer) -> Option<(u64, u64)> {
    let number = |s: &str| parse_number(s).ok().flatten();
    let n = if answer.parts.is_empty() {
        number(&answer.numerator)?
    } else {
        answer
            .parts
            .iter()
            .map(|p| number(p))
            .sum::<Option<u64>>()?
    };
    Some((n, number(&answer.denominator)?))
}

/// Whether a share moved from `was` to `now` (each as part and whole) by
/// more than `points` percentage points, exactly: |n1/d1 − n0/d0| >
/// points/100, in integers. An empty whole moves nothing.
pub fn moved_more_than(was: (u64, u64), now: (u64, u64), points: u32) -> bool {
    let ((n0, d0), (n1, d1)) = (was, now);
    if d0 == 0 || d1 == 0 {
        return false;
    }
    let (a, b) = (
        u128::from(n1) * u128::from(d0),
        u128::from(n0) * u128::from(d1),
    );
    a.abs_diff(b) * 100 > u128::from(points) * u128::from(d0) * u128::from(d1)
}

/// A share typed as its two numbers, a percentage typed as such (in
/// tenths of the whole), or a yes or no (all or nothing of one): each
/// moves by percentage points, a yes turned no by a hundred.
pub fn as_share(answer: &RawAnswer) -> Option<(u64, u64)> {
    this_year(answer)
        .or_else(|| {
            parse_percent(&answer.percent)
                .ok()
                .flatten()
                .map(|tenths| (u64::from(tenths), 1000))
        })
        .or_else(|| answer.fact.map(|yes| (u64::from(yes), 1)))
}

/// Where `entry`'s typed last-year figures differ from the school's counted
/// file of the previous period (same card), indicator by indicator.
pub fn discrepancies(archive: &Archive, entry: &Entry) -> Vec<Discrepancy> {
    let Some(earlier) = last_year_entry(archive, entry) else {
        return Vec::new();
    };
    let before = earlier.period().to_owned();
    let number = |s: &str| parse_number(s).ok().flatten();
    entry
        .card
        .indicators()
        .filter(|i| i.rule.asks_last_year())
        .filter_map(|i| {
            let answer = entry.opened.payload.answers.get(&i.code)?;
            let typed = (
                number(&answer.prev_numerator)?,
                number(&answer.prev_denominator)?,
            );
            let accepted = this_year(earlier.opened.payload.answers.get(&i.code)?)?;
            (typed != accepted).then(|| Discrepancy {
                code: i.code.clone(),
                typed,
                accepted,
                file_name: earlier.file_name.clone(),
                period: before.clone(),
            })
        })
        .collect()
}

/// The school's answer to `indicator` in `earlier`, its own accepted file
/// of the year before ([`last_year_entry`], found once per school), as the
/// review reads answers («72,9 %», «да»), with that year: a row listed as
/// changed since last year shows from what. Found by the indicator's
/// permanent id, so a renumbered one is found too.
pub fn last_year_answer(earlier: &Entry, indicator: &Indicator) -> Option<(String, String)> {
    let then = earlier.card.by_key(indicator.key())?;
    let answer = earlier.opened.payload.answers.get(&then.code)?;
    let said = answer_text(then, answer);
    (said != "—").then(|| (earlier.period().to_owned(), said))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::builtin;
    use crate::testkit::{self, draft, share};

    #[test]
    fn the_year_before() {
        assert_eq!(previous_period("2025/2026").as_deref(), Some("2024/2025"));
        assert_eq!(previous_period("не год"), None);
    }

    /// Seed 002: the school typed 25 of 100 as last year's 1.1, but its
    /// accepted file of last year says 28 of 100.
    #[test]
    fn a_typed_last_year_value_that_differs_from_last_years_file_is_flagged() {
        let lk = builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut before = draft("Школа А", "2024/2025", &[]);
        before.answers.insert("1.1".into(), share("28", "100"));
        before.answers.insert("1.2".into(), share("10", "40"));
        let mut after = draft("Школа А", "2025/2026", &[]);
        let mut typed = share("30", "100");
        typed.prev_numerator = "25".into();
        typed.prev_denominator = "100".into();
        after.answers.insert("1.1".into(), typed);
        let mut honest = share("12", "40");
        honest.prev_numerator = "10".into();
        honest.prev_denominator = "40".into();
        after.answers.insert("1.2".into(), honest);
        let archive = testkit::archive(&lk, &[("a1", &before), ("a2", &after)]);
        let found = discrepancies(&archive, archive.entry("a2").unwrap());
        assert_eq!(
            found,
            [Discrepancy {
                code: "1.1".into(),
                typed: (25, 100),
                accepted: (28, 100),
                file_name: "a1".into(),
                period: "2024/2025".into(),
            }]
        );
        assert_eq!(
            found[0].describe(),
            "1.1: указано 25 из 100, в выгрузке — 28 из 100."
        );
        assert_eq!(
            found[0].source(),
            "принятой выгрузкой школы за 2024/2025 («a1»)"
        );
        assert!(
            discrepancies(&archive, archive.entry("a1").unwrap()).is_empty(),
            "nothing before it"
        );
        // The review shows last year's answer beside this year's.
        let of = |code: &str| lk.indicators().find(|i| i.code == code).unwrap();
        let last = |id: &str, code: &str| {
            last_year_entry(&archive, archive.entry(id).unwrap())
                .and_then(|earlier| last_year_answer(earlier, of(code)))
        };
        assert_eq!(
            last("a2", "1.1"),
            Some(("2024/2025".into(), "28 из 100 (28,0\u{a0}%)".into()))
        );
        assert_eq!(last("a2", "2.1"), None, "not answered then");
        assert_eq!(last("a1", "1.1"), None, "nothing before it");
    }
}
