//! Which indicators of one school the review shows: with 23 rows a school
//! and 150 schools, the coordinator looks first where a mistake is likely.

use std::collections::BTreeSet;

use crate::department::archive::{Archive, Entry};
use crate::department::last_year::{as_share, discrepancies, last_year_entry, moved_more_than};
use crate::department::review::confirm;
use crate::school::input::parse_links;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFilter {
    All,
    /// Points the school claims without a link to evidence.
    WithoutEvidence,
    /// Where the department counts otherwise than the school, or the
    /// school's last-year figures differ from its own file of last year.
    Discrepancies,
    /// Shares, percentages and yes-or-no answers that moved by more than
    /// this many percentage points since the school's own file of last year.
    ChangedSinceLastYear(u32),
    /// Answers copied from last year's card that the school sent without
    /// marking them checked ([`Payload::copied`]).
    ///
    /// [`Payload::copied`]: crate::signed::submission::Payload::copied
    Copied,
}

impl RowFilter {
    /// The codes to show, or `None` for all of them.
    pub fn codes(self, archive: &Archive, entry: &Entry) -> Option<BTreeSet<String>> {
        let answers = &entry.opened.payload.answers;
        let codes = match self {
            Self::All => return None,
            Self::WithoutEvidence => entry
                .assessment
                .indicators
                .iter()
                .filter(|r| r.outcome.points() > 0)
                .filter(|r| {
                    answers
                        .get(&r.code)
                        .is_none_or(|a| parse_links(&a.evidence).0.is_empty())
                })
                .map(|r| r.code.clone())
                .collect(),
            Self::Copied => entry.opened.payload.copied.iter().cloned().collect(),
            Self::Discrepancies => {
                let counted = confirm(&entry.card, &entry.assessment, &archive.review(entry.id()));
                counted
                    .differences()
                    .into_iter()
                    .map(str::to_owned)
                    .chain(discrepancies(archive, entry).into_iter().map(|d| d.code))
                    .collect()
            }
            Self::ChangedSinceLastYear(points) => {
                let Some(earlier) = last_year_entry(archive, entry) else {
                    return Some(BTreeSet::new());
                };
                let before = &earlier.opened.payload.answers;
                answers
                    .iter()
                    .filter(|(code, answer)| {
                        (as_share(answer).zip(before.get(*code).and_then(as_share)))
                            .is_some_and(|(now, was)| moved_more_than(was, now, points))
                    })
                    .map(|(code, _)| code.clone())
                    .collect()
            }
        };
        Some(codes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::review::Decision;
    use crate::testkit::{self, draft, share};

    /// Last year 1.1 was 20 of 100 and 4.1 10 of 100; this year 1.1 is 35
    /// of 100 (+15 п. п.) and 4.1 12 of 100 (+2); 1.8 is claimed without a
    /// link (and copied from last year, unchecked), 2.1 with one; the
    /// coordinator counts 2.1 as no point.
    #[test]
    fn each_filter_shows_its_rows() {
        let card = testkit::card();
        let mut before = draft("Школа", "2024/2025", &[]);
        before.answers.insert("1.1".into(), share("20", "100"));
        before.answers.insert("4.1".into(), share("10", "100"));
        before.answers.insert("1.6".into(), testkit::fact(true));
        let mut now = draft("Школа", "2025/2026", &["1.8", "2.1"]);
        // A yes turned no has moved by a hundred points.
        now.answers.insert("1.6".into(), testkit::fact(false));
        now.answers.insert("1.1".into(), share("35", "100"));
        now.answers.insert("4.1".into(), share("12", "100"));
        now.answers.get_mut("2.1").unwrap().evidence = "https://school.example.ru/2-1".into();
        // 1.8 came with «Следующий год» and went unchecked.
        now.copied.insert("1.8".into());
        let mut archive = testkit::archive(&card, &[("s1", &before), ("s2", &now)]);
        archive.set_decision("s2", "2.1", Some(Decision::NoPoint));
        let entry = archive.entry("s2").unwrap().clone();
        let codes = |f: RowFilter| {
            f.codes(&archive, &entry)
                .map(|c| c.into_iter().collect::<Vec<_>>())
        };
        assert_eq!(codes(RowFilter::All), None);
        assert_eq!(codes(RowFilter::WithoutEvidence).unwrap(), ["1.1", "1.8"]);
        assert_eq!(codes(RowFilter::Discrepancies).unwrap(), ["2.1"]);
        assert_eq!(codes(RowFilter::Copied).unwrap(), ["1.8"]);
        assert_eq!(
            codes(RowFilter::ChangedSinceLastYear(10)).unwrap(),
            ["1.1", "1.6"]
        );
        assert_eq!(
            codes(RowFilter::ChangedSinceLastYear(1)).unwrap(),
            ["1.1", "1.6", "4.1"]
        );
        assert_eq!(
            codes(RowFilter::ChangedSinceLastYear(15)).unwrap(),
            ["1.6"],
            "exactly 15 is not more than 15"
        );
    }

    /// Seed 004's satisfaction, typed as a percentage: 95,5 % last year,
    /// 66,9 % now, moved by 28,6 points.
    #[test]
    fn a_typed_percentage_moves_by_points_too() {
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let code = testkit::of_kind(&card, "percent").code.clone();
        let year = |period: &str, percent: &str| {
            let mut d = draft("Школа", period, &[]);
            d.answers.entry(code.clone()).or_default().percent = percent.into();
            d
        };
        let (before, now) = (year("2024/2025", "95,5"), year("2025/2026", "66,9"));
        let archive = testkit::archive(&card, &[("s1", &before), ("s2", &now)]);
        let entry = archive.entry("s2").unwrap();
        let shown = |points| {
            RowFilter::ChangedSinceLastYear(points)
                .codes(&archive, entry)
                .unwrap()
        };
        assert_eq!(shown(28), BTreeSet::from([code.clone()]));
        assert!(shown(29).is_empty());
    }
}
