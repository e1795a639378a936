//! The rating of schools and the municipal figures of one period.
//!
//! Schools are compared by their share of the applicable maximum, not by raw
//! totals: a school without grades 10–11 has fewer indicators and must not
//! lose places for it. Comparisons are exact (cross-multiplied integers), so
//! two schools with 19 of 23 share a rank however the percentages round.

use std::cmp::Ordering;

use crate::card::{Card, Level, Rule};
use crate::department::archive::{Archive, Entry};
use crate::department::review::{confirm, Confirmed, ReviewStatus};
use crate::department::school::SchoolId;
use crate::school::profile::{SchoolLevel, SchoolProfile};
use crate::scoring::{Detail, Outcome};

/// One school's counted result in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolResult {
    pub submission_id: String,
    pub school: SchoolId,
    pub profile: SchoolProfile,
    pub score: Confirmed,
    pub status: ReviewStatus,
    pub mismatch: bool,
}

impl SchoolResult {
    pub fn of(archive: &Archive, entry: &Entry) -> Self {
        let review = archive.review(entry.id());
        Self {
            submission_id: entry.id().to_owned(),
            school: entry.school.clone(),
            profile: entry.profile().clone(),
            score: confirm(archive.card(), &entry.assessment, &review),
            status: review.status(),
            mismatch: entry.mismatch,
        }
    }

    pub fn name(&self) -> &str {
        &self.profile.name
    }

    pub fn earned(&self, code: &str) -> bool {
        self.score
            .indicator(code)
            .is_some_and(|c| c.applies && c.points > 0)
    }

    pub fn missed(&self, code: &str) -> bool {
        self.score
            .indicator(code)
            .is_some_and(|c| c.applies && c.points == 0)
    }

    pub fn criterion(&self, code: &str) -> Option<(u32, u32)> {
        self.score
            .criteria
            .iter()
            .find(|c| c.code == code)
            .map(|c| (c.points, c.max_applicable))
    }
}

/// The counted results of one period, in no particular order.
pub fn results(archive: &Archive, period: &str) -> Vec<SchoolResult> {
    archive
        .current()
        .into_iter()
        .filter(|e| e.period() == period)
        .map(|e| SchoolResult::of(archive, e))
        .collect()
}

/// `a` against `b` by share of the maximum; nothing applicable ranks last.
pub fn compare_share(a: (u32, u32), b: (u32, u32)) -> Ordering {
    match (a.1, b.1) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        _ => (u64::from(a.0) * u64::from(b.1)).cmp(&(u64::from(b.0) * u64::from(a.1))),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// Competition ranking: 1, 2, 2, 4.
    pub rank: usize,
    pub result: SchoolResult,
}

/// Best first; equal shares share a rank and are listed by name.
pub fn rank(mut results: Vec<SchoolResult>) -> Vec<Ranked> {
    let share = |r: &SchoolResult| (r.score.total, r.score.max_applicable);
    results.sort_by(|a, b| compare_share(share(b), share(a)).then_with(|| a.name().cmp(b.name())));
    let mut ranked: Vec<Ranked> = Vec::with_capacity(results.len());
    for (i, result) in results.into_iter().enumerate() {
        let rank = match ranked.last() {
            Some(prev) if compare_share(share(&prev.result), share(&result)).is_eq() => prev.rank,
            _ => i + 1,
        };
        ranked.push(Ranked { rank, result });
    }
    ranked
}

/// Which schools a rating view shows. Empty fields mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub level: Option<Level>,
    /// Schools that earned (`true`) or missed (`false`) an indicator.
    pub indicator: Option<(String, bool)>,
    /// Schools that earned every applicable point of a criterion, or did not.
    pub criterion: Option<(String, bool)>,
    /// Schools that have this level of education.
    pub has_level: Option<SchoolLevel>,
    pub ovz: Option<bool>,
    /// Part of the name, any case.
    pub search: String,
}

impl Filter {
    pub fn matches(&self, r: &SchoolResult) -> bool {
        let search = self.search.trim().to_lowercase();
        self.level.is_none_or(|l| r.score.level == Some(l))
            && self.indicator.as_ref().is_none_or(|(code, earned)| {
                if *earned {
                    r.earned(code)
                } else {
                    r.missed(code)
                }
            })
            && self.criterion.as_ref().is_none_or(|(code, full)| {
                r.criterion(code)
                    .is_some_and(|(p, max)| max > 0 && (p == max) == *full)
            })
            && self.has_level.is_none_or(|l| r.profile.has(l))
            && self.ovz.is_none_or(|o| r.profile.ovz == o)
            && (search.is_empty() || r.name().to_lowercase().contains(&search))
    }
}

/// Municipal figures of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub schools: usize,
    /// High, medium, low, in that order.
    pub levels: [(Level, usize); 3],
    pub criteria: Vec<CriterionFigure>,
    pub indicators: Vec<IndicatorFigure>,
    /// Σ totals / Σ applicable maxima over all schools.
    pub points: (u64, u64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionFigure {
    pub code: String,
    pub title: String,
    /// Σ points / Σ applicable maxima: how much of the criterion is fulfilled.
    pub points: (u64, u64),
    /// Schools that earned every applicable point of it, of those it applies to.
    pub full: usize,
    pub applicable: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorFigure {
    pub code: String,
    pub earned: usize,
    pub applicable: usize,
    /// For share indicators: Σ numerators / Σ denominators of the schools it
    /// applies to, the municipality's own share (not a mean of percentages).
    pub pooled: Option<(u64, u64)>,
}

impl IndicatorFigure {
    /// Share of schools that earned it, for sorting: `earned / applicable`.
    pub fn earned_share(&self) -> (u32, u32) {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        (n(self.earned), n(self.applicable))
    }
}

pub fn figures(archive: &Archive, results: &[SchoolResult]) -> Figures {
    let card = archive.card();
    let count_level = |l: Level| results.iter().filter(|r| r.score.level == Some(l)).count();
    let criteria = card
        .criteria()
        .map(|c| {
            let mut figure = CriterionFigure {
                code: c.code.clone(),
                title: c.title.clone(),
                points: (0, 0),
                full: 0,
                applicable: 0,
            };
            for (points, max) in results.iter().filter_map(|r| r.criterion(&c.code)) {
                figure.points.0 += u64::from(points);
                figure.points.1 += u64::from(max);
                if max > 0 {
                    figure.applicable += 1;
                    figure.full += usize::from(points == max);
                }
            }
            figure
        })
        .collect();
    Figures {
        schools: results.len(),
        levels: [Level::High, Level::Medium, Level::Low].map(|l| (l, count_level(l))),
        criteria,
        indicators: indicator_figures(archive, card, results),
        points: results.iter().fold((0, 0), |(p, m), r| {
            (
                p + u64::from(r.score.total),
                m + u64::from(r.score.max_applicable),
            )
        }),
    }
}

fn indicator_figures(
    archive: &Archive,
    card: &Card,
    results: &[SchoolResult],
) -> Vec<IndicatorFigure> {
    let entries: Vec<Option<&Entry>> = results
        .iter()
        .map(|r| archive.entry(&r.submission_id))
        .collect();
    card.indicators()
        .enumerate()
        .map(|(i, indicator)| {
            let applying = || {
                results.iter().zip(&entries).filter(|(r, _)| {
                    r.score
                        .indicator(&indicator.code)
                        .is_some_and(|c| c.applies)
                })
            };
            let pooled = matches!(indicator.rule, Rule::Share { .. }).then(|| {
                applying()
                    .filter_map(|(_, e)| match (*e)?.assessment.indicators.get(i)?.outcome {
                        Outcome::Scored {
                            detail:
                                Detail::Share {
                                    numerator,
                                    denominator,
                                    ..
                                },
                            ..
                        } => Some((numerator, denominator)),
                        _ => None,
                    })
                    .fold((0, 0), |(n, d), (a, b)| (n + a, d + b))
            });
            IndicatorFigure {
                code: indicator.code.clone(),
                earned: applying()
                    .filter(|(r, _)| r.earned(&indicator.code))
                    .count(),
                applicable: applying().count(),
                pooled,
            }
        })
        .collect()
}

/// Indicators most schools fail: earned by fewer than half of the schools they
/// apply to, weakest first.
pub fn problem_zones(figures: &Figures) -> Vec<&IndicatorFigure> {
    let mut weak = weakest(figures, usize::MAX);
    weak.retain(|f| f.earned * 2 < f.applicable);
    weak
}

/// The `n` indicators earned by the smallest share of schools, weakest first:
/// what to name when no indicator falls below half.
pub fn weakest(figures: &Figures, n: usize) -> Vec<&IndicatorFigure> {
    let mut all: Vec<&IndicatorFigure> = figures
        .indicators
        .iter()
        .filter(|f| f.applicable > 0)
        .collect();
    all.sort_by(|a, b| compare_share(a.earned_share(), b.earned_share()));
    all.truncate(n);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::review::{Decision, IndicatorReview};
    use crate::testkit::{self, draft, share};

    /// Three schools: A earns 1.8, 2.1, 3.1 and 4.1 (3 of 10); B the same
    /// facts and 4.1 with 1 of 10; C only 1.8 and has no grades 10–11.
    fn archive() -> Archive {
        let mut a = draft("Школа А", "2025/2026", &["1.8", "2.1", "3.1"]);
        a.answers.insert("4.1".into(), share("3", "10"));
        let mut b = draft("Школа Б", "2025/2026", &["1.8", "2.1", "3.1"]);
        b.answers.insert("4.1".into(), share("1", "10"));
        b.answers.insert("1.1".into(), share("3", "10"));
        let mut c = draft("Школа В", "2025/2026", &["1.8"]);
        c.profile.levels.retain(|l| *l != SchoolLevel::Soo);
        testkit::archive(&testkit::card(), &[("1", &a), ("2", &b), ("3", &c)])
    }

    #[test]
    fn rating_is_by_share_with_shared_ranks() {
        let archive = archive();
        let ranked = rank(results(&archive, "2025/2026"));
        let rows: Vec<_> = ranked
            .iter()
            .map(|r| {
                (
                    r.rank,
                    r.result.name(),
                    r.result.score.total,
                    r.result.score.max_applicable,
                )
            })
            .collect();
        // A: 4 of 23, B: 4 of 23 (1.1 earned, 4.1 missed), C: 1 of 20.
        assert_eq!(
            rows,
            [
                (1, "Школа А", 4, 23),
                (1, "Школа Б", 4, 23),
                (3, "Школа В", 1, 20)
            ]
        );
    }

    #[test]
    fn municipal_shares_pool_people_not_percentages() {
        let archive = archive();
        let res = results(&archive, "2025/2026");
        let f = figures(&archive, &res);
        assert_eq!(f.schools, 3);
        assert_eq!(
            f.levels,
            [(Level::High, 0), (Level::Medium, 0), (Level::Low, 3)]
        );
        let f41 = f.indicators.iter().find(|i| i.code == "4.1").unwrap();
        // A 3/10 and B 1/10 are valid answers; C did not answer.
        assert_eq!(
            (f41.earned, f41.applicable, f41.pooled),
            (1, 3, Some((4, 20)))
        );
        let f18 = f.indicators.iter().find(|i| i.code == "1.8").unwrap();
        assert_eq!((f18.earned, f18.applicable, f18.pooled), (3, 3, None));
        let f13 = f.indicators.iter().find(|i| i.code == "1.3").unwrap();
        assert_eq!(f13.applicable, 2, "C has no grades 10–11");
        assert_eq!(f.points, (9, 66));
        let zones: Vec<_> = problem_zones(&f).iter().map(|z| z.code.as_str()).collect();
        assert!(zones.contains(&"4.1") && !zones.contains(&"1.8") && !zones.contains(&"2.1"));
        // Those earned by nobody come first; 1.1 and 4.1 (1 of 3) close the list.
        assert_eq!(zones[zones.len() - 2..], ["1.1", "4.1"]);
        let three: Vec<_> = weakest(&f, 3).iter().map(|z| z.earned).collect();
        assert_eq!(three, [0, 0, 0]);
        let criterion_2 = f.criteria.iter().find(|c| c.code == "2").unwrap();
        assert_eq!(
            (criterion_2.points, criterion_2.full, criterion_2.applicable),
            ((2, 6), 0, 3)
        );
    }

    #[test]
    fn a_review_changes_the_rating() {
        let mut archive = archive();
        let mut review = archive.review("1");
        review.indicators.insert(
            "2.1".into(),
            IndicatorReview {
                decision: Some(Decision::NoPoint),
                comment: "Нет подтверждения на сайте".into(),
            },
        );
        archive.reviews.insert("1".into(), review);
        let ranked = rank(results(&archive, "2025/2026"));
        assert_eq!(ranked[0].result.name(), "Школа Б");
        assert_eq!((ranked[1].rank, ranked[1].result.score.total), (2, 3));
    }

    #[test]
    fn filters_combine() {
        let archive = archive();
        let res = results(&archive, "2025/2026");
        let names = |f: &Filter| -> Vec<&str> {
            res.iter()
                .filter(|r| f.matches(r))
                .map(SchoolResult::name)
                .collect()
        };
        let missed_41 = Filter {
            indicator: Some(("4.1".into(), false)),
            ..Filter::default()
        };
        // В did not answer 4.1: it applies and is not earned.
        assert_eq!(names(&missed_41), ["Школа Б", "Школа В"]);
        let with_soo = Filter {
            has_level: Some(SchoolLevel::Soo),
            search: "школа".into(),
            ..Filter::default()
        };
        assert_eq!(names(&with_soo), ["Школа А", "Школа Б"]);
        let search = Filter {
            search: " в".into(),
            ..Filter::default()
        };
        assert_eq!(names(&search), ["Школа В"]);
    }
}
