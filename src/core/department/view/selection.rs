//! Which school is open in the review, the letters and the profile chart,
//! and the list to choose from.

use std::sync::Arc;

use crate::department::archive::Archive;
use crate::department::results::SchoolResult;
use crate::department::reviewers::Assignment;
use crate::department::school::{pair_schools, SchoolId};
use crate::text::by_name;

/// The chosen submission if it is among `results` (the period's); else the
/// same school's file there, so that another year, or a newer file that
/// replaced the chosen one, keeps the school open (the same school as the
/// years pair it, [`pair_schools`]: one that gave its ИНН one year only
/// too); else the first school by name, so a screen is never empty while
/// schools are.
pub fn open_school<'a>(
    archive: &Archive,
    results: &'a [SchoolResult],
    chosen: Option<&str>,
) -> Option<&'a SchoolResult> {
    results
        .iter()
        .find(|r| Some(r.submission_id.as_str()) == chosen)
        .or_else(|| {
            let entry = [chosen.and_then(|id| archive.entry(id))?];
            let paired = pair_schools(&archive.roster, &entry, results);
            paired.first().map(|(_, r)| *r)
        })
        .or_else(|| results.iter().min_by(|a, b| by_name(a.name(), b.name())))
}

/// The school select: (submission id, "name — review status"), by label.
pub fn school_options(results: &[SchoolResult]) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = results
        .iter()
        .map(|s| {
            let label = format!("{} — {}", s.name(), s.status.label());
            (s.submission_id.clone(), label)
        })
        .collect();
    options.sort_by(|a, b| by_name(&a.1, &b.1));
    options
}

/// The list a review was opened from, in its order, so that «Следующая
/// школа» goes on down the list the coordinator was reading (the rating as
/// sorted and filtered, a reviewer's assignment) rather than the select's
/// order by name. The order is taken as the list stood: a decision that
/// moves the open school in the rating, or out of its filter, does not
/// change the way on. It holds schools, not files: a corrected file that
/// replaces one keeps its school's place. Shared, not copied, by the rows
/// that open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub from: WalkFrom,
    pub schools: Arc<[SchoolId]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkFrom {
    Rating,
    Assignment,
}

impl Walk {
    /// Down a reviewer's `assignment`, in its order.
    pub fn of_assignment(assignment: &Assignment) -> Self {
        Self {
            from: WalkFrom::Assignment,
            schools: assignment.schools.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// Whether it passes through `school`: the review then follows it.
    pub fn through(&self, school: &SchoolId) -> bool {
        self.schools.contains(school)
    }

    /// Said beside the review's «Следующая школа».
    pub fn describe(&self) -> String {
        let list = match self.from {
            WalkFrom::Rating => "рейтинга на вкладке «Результаты»",
            WalkFrom::Assignment => "задания проверяющего",
        };
        format!("Школы идут в порядке {list} ({}).", self.schools.len())
    }

    /// The file of the school after (`forward`) or before the open one
    /// among `results` (the period's), none past either end; a school on
    /// the walk without a file this period is passed over.
    pub fn neighbour<'r>(
        &self,
        results: &'r [SchoolResult],
        open: &SchoolId,
        forward: bool,
    ) -> Option<&'r SchoolResult> {
        let file = |school: &SchoolId| results.iter().find(|r| &r.school == school);
        let at = self.schools.iter().position(|s| s == open)?;
        if forward {
            self.schools[at + 1..].iter().find_map(file)
        } else {
            self.schools[..at].iter().rev().find_map(file)
        }
    }
}

/// The item after (`forward`) or before `open` in `order`, none past either
/// end; the first when `open` is not in it.
pub fn neighbour<'a, T: PartialEq>(
    order: &'a [T],
    open: Option<&T>,
    forward: bool,
) -> Option<&'a T> {
    let at = order.iter().position(|item| Some(item) == open);
    match (at, forward) {
        (Some(i), true) => order.get(i + 1),
        (Some(i), false) => i.checked_sub(1).and_then(|i| order.get(i)),
        (None, _) => order.first(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::results;
    use crate::testkit::{self, draft};

    #[test]
    fn the_chosen_school_or_the_first_by_name() {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("b", &draft("Школа Б", "2025/2026", &[])),
                ("a", &draft("Школа А", "2025/2026", &[])),
                ("c", &draft("Школа В", "2024/2025", &[])),
                ("b0", &draft("Школа Б", "2024/2025", &[])),
                ("d0", &{
                    // Its ИНН given last year only.
                    let mut d = draft("Школа Г", "2024/2025", &[]);
                    d.profile.identifier = "6658001234".into();
                    d
                }),
                ("d", &draft("Школа Г", "2025/2026", &[])),
            ],
        );
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        let open = |chosen| open_school(&archive, &now, chosen).map(|r| r.name());
        assert_eq!(open(Some("b")), Some("Школа Б"));
        assert_eq!(open(None), Some("Школа А"));
        assert_eq!(
            open(Some("c")),
            Some("Школа А"),
            "another year's school is not open"
        );
        assert_eq!(
            open_school(&archive, &now, Some("b0")).map(|r| r.submission_id.as_str()),
            Some("b"),
            "the same school's file of this year is"
        );
        assert_eq!(
            open_school(&archive, &now, Some("d0")).map(|r| r.submission_id.as_str()),
            Some("d"),
            "nor does its ИНН given one year only change the school"
        );
        assert_eq!(
            open_school(&archive, &[], Some("a")).map(|r| r.name()),
            None
        );
        assert_eq!(
            school_options(&now),
            [
                ("a".to_owned(), "Школа А — получена".to_owned()),
                ("b".to_owned(), "Школа Б — получена".to_owned()),
                ("d".to_owned(), "Школа Г — получена".to_owned()),
            ]
        );
    }

    #[test]
    fn the_first_school_is_the_list_s_first() {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("ten", &draft("СОШ № 10", "2025/2026", &[])),
                ("two", &draft("СОШ № 2", "2025/2026", &[])),
            ],
        );
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        let first = &school_options(&now)[0].0;
        assert_eq!(first, "two");
        assert_eq!(
            open_school(&archive, &now, None).map(|r| r.submission_id.as_str()),
            Some("two")
        );
    }

    #[test]
    fn a_walk_is_followed_by_school_past_those_without_a_file() {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("a", &draft("Школа А", "2025/2026", &[])),
                ("b", &draft("Школа Б", "2025/2026", &[])),
                ("c", &draft("Школа В", "2025/2026", &[])),
                ("d0", &draft("Школа Г", "2024/2025", &[])),
            ],
        );
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        let school = |name: &str| SchoolId::of(&draft(name, "2025/2026", &[]).profile);
        // В, then Г (no file this year), then А.
        let walk = Walk {
            from: WalkFrom::Rating,
            schools: [school("Школа В"), school("Школа Г"), school("Школа А")].into(),
        };
        let next = |open: &str, forward| {
            walk.neighbour(&now, &school(open), forward)
                .map(|r| r.name())
        };
        assert!(walk.through(&school("Школа А")));
        assert!(!walk.through(&school("Школа Б")), "a school off the list");
        assert_eq!(next("Школа В", true), Some("Школа А"), "Г passed over");
        assert_eq!(next("Школа А", false), Some("Школа В"));
        assert_eq!(next("Школа А", true), None, "past the end");
        assert_eq!(next("Школа В", false), None, "before the start");
        assert_eq!(next("Школа Б", true), None, "not on it");
        assert_eq!(
            walk.describe(),
            "Школы идут в порядке рейтинга на вкладке «Результаты» (3)."
        );
        let order = ["c", "a", "d"];
        assert_eq!(neighbour(&order, Some(&"a"), true), Some(&"d"));
        assert_eq!(
            neighbour(&order, Some(&"x"), true),
            Some(&"c"),
            "not on it: the first"
        );
        assert_eq!(neighbour::<&str>(&[], None, true), None);
    }
}
