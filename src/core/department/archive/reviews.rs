//! The coordinator's review of each submission. A correction the school
//! sends later takes over the decisions about the answers it did not
//! change, so sending a file again does not undo a check.

use std::collections::BTreeMap;

use crate::department::archive::{Archive, Entry};
use crate::department::review::{Decision, IndicatorReview, Review};

impl Archive {
    /// The coordinator's decision about one indicator (`None`: undecided).
    /// It is this workspace's own from now on, whoever decided before.
    pub fn set_decision(&mut self, submission_id: &str, code: &str, decision: Option<Decision>) {
        let review = self.indicator_review(submission_id, code);
        review.decision = decision;
        review.by.clear();
        review.elsewhere = false;
    }

    /// Marks every decision of a restored backup that was made in the
    /// workspace it was saved in ([`IndicatorReview::elsewhere`]); those
    /// from review files keep their reviewer's name.
    pub fn made_elsewhere(&mut self) {
        for r in self.reviews.values_mut() {
            for i in r.indicators.values_mut().filter(|i| i.by.is_empty()) {
                i.elsewhere = true;
            }
        }
    }

    /// How many indicators have a decision, in all the reviews: what a
    /// restored backup would replace.
    pub fn decision_count(&self) -> usize {
        (self.reviews.values())
            .map(|r| {
                r.indicators
                    .values()
                    .filter(|i| i.decision.is_some())
                    .count()
            })
            .sum()
    }

    /// The coordinator's comment on one indicator.
    pub fn set_review_comment(&mut self, submission_id: &str, code: &str, comment: String) {
        self.indicator_review(submission_id, code).comment = comment;
    }

    /// Notes that the reviewer opened an evidence link of one indicator.
    pub fn mark_seen(&mut self, submission_id: &str, code: &str, link: &str) {
        let seen = &mut self.indicator_review(submission_id, code).seen;
        if !seen.iter().any(|l| l == link) {
            seen.push(link.to_owned());
        }
    }

    /// "Проверка завершена" for one submission.
    pub fn set_checked(&mut self, submission_id: &str, checked: bool) {
        let review = self.review_mut(submission_id);
        review.checked = checked;
        review.checked_by.clear();
    }

    pub(super) fn indicator_review(
        &mut self,
        submission_id: &str,
        code: &str,
    ) -> &mut IndicatorReview {
        self.review_mut(submission_id)
            .indicators
            .entry(code.to_owned())
            .or_default()
    }

    /// The coordinator's review of a submission. A later file of the same
    /// school and year (a correction) that has no review of its own takes
    /// over the decisions about the answers it did not change, so that
    /// sending the file again does not undo a check. The check itself is not
    /// finished for the new file until the coordinator says so, unless the
    /// correction changed only the plan or the profile's wording
    /// ([`Archive::inherited`]).
    /// The indicators a file answered «0 из 0» though the school's profile
    /// expects the group ([`Assessment::empty_despite_profile`]), while
    /// the check has not ruled on them: the report and the values table
    /// name them.
    ///
    /// [`Assessment::empty_despite_profile`]: crate::scoring::Assessment::empty_despite_profile
    pub fn empty_unruled(&self, submission_id: &str) -> Vec<String> {
        let Some(entry) = self.entry(submission_id) else {
            return Vec::new();
        };
        let empty = entry.assessment.empty_despite_profile(&entry.card);
        // Most files have none: their review is not copied for nothing
        // (the values table asks for every school).
        if empty.is_empty() {
            return empty;
        }
        let review = self.review(submission_id);
        let ruled = |c: &String| (review.indicators.get(c)).is_some_and(|i| i.decision.is_some());
        empty.into_iter().filter(|c| !ruled(c)).collect()
    }

    pub fn review(&self, submission_id: &str) -> Review {
        match self.reviews.get(submission_id) {
            Some(review) => review.clone(),
            None => self.inherited(submission_id).unwrap_or_default(),
        }
    }

    /// One row of [`review`](Self::review), without copying the others: a
    /// review's rows each read their own at every change of the archive.
    pub fn row_review(&self, submission_id: &str, code: &str) -> Option<IndicatorReview> {
        match self.reviews.get(submission_id) {
            Some(review) => review.indicators.get(code).cloned(),
            None => self.inherited(submission_id)?.indicators.remove(code),
        }
    }

    /// The review to edit: the one carried over from the earlier file
    /// becomes this file's own at the first change.
    pub fn review_mut(&mut self, submission_id: &str) -> &mut Review {
        if !self.reviews.contains_key(submission_id) {
            let carried = self.inherited(submission_id).unwrap_or_default();
            self.reviews.insert(submission_id.to_owned(), carried);
        }
        self.reviews.entry(submission_id.to_owned()).or_default()
    }

    /// The reviewed earlier file a submission without its own review takes
    /// decisions from: the latest reviewed one of the same school and year.
    pub fn review_source(&self, submission_id: &str) -> Option<&Entry> {
        if self.reviews.contains_key(submission_id) {
            return None;
        }
        let entry = self.entry(submission_id)?;
        let chain = self.renamed_chain(entry);
        // Reviews are few; the entries are many.
        self.reviews
            .keys()
            .filter_map(|id| self.entry(id))
            .filter(|e| chain.iter().any(|c| c.same_slot(e)))
            .filter(|e| e.made() < entry.made())
            .max_by_key(|e| e.made())
    }

    /// What a correction took over from the check of the file it corrects,
    /// for the review to say: without it, decisions seen a moment ago
    /// vanish unexplained once every decided answer has changed. `None`
    /// when the file has its own review, or corrects none that was decided.
    pub fn carried(&self, submission_id: &str) -> Option<Carried<'_>> {
        let source = self.review_source(submission_id)?;
        let earlier = self.reviews.get(source.id())?;
        if !earlier.checked && earlier.indicators.values().all(|r| r.decision.is_none()) {
            return None;
        }
        let review = self.review(submission_id);
        Some(if review.checked {
            Carried::Check(source)
        } else if review.indicators.is_empty() {
            Carried::Nothing(source)
        } else {
            let dropped = (earlier.indicators.iter())
                .filter(|(code, r)| r.decision.is_some() && review.decision(code).is_none())
                .map(|(code, _)| code.clone())
                .collect();
            Carried::Decisions { source, dropped }
        })
    }

    /// A finished check stays finished for a correction by the same card
    /// version that changed no answer and no indicator's applicability
    /// (only the plan, or the profile's wording): the school adds the
    /// department's recommendations to the plan of the year they are about
    /// and sends the card again.
    fn inherited(&self, submission_id: &str) -> Option<Review> {
        let entry = self.entry(submission_id)?;
        let source = self.review_source(submission_id)?;
        let (old, new) = (
            &source.opened.payload.answers,
            &entry.opened.payload.answers,
        );
        let unchanged = |code: &str| same_answer(source, entry, code);
        let reviewed = self.reviews.get(source.id())?;
        let checked = reviewed.checked
            && source.card.version == entry.card.version
            && old == new
            && (entry.assessment.indicators.iter()).all(|r| unchanged(&r.code));
        // A finished check comes whole, its comments and opened links too:
        // nothing asks the coordinator to look again.
        let indicators: BTreeMap<String, IndicatorReview> = reviewed
            .indicators
            .iter()
            .filter(|(code, r)| checked || (r.decision.is_some() && unchanged(code)))
            .map(|(code, r)| (code.clone(), r.clone()))
            .collect();
        (checked || !indicators.is_empty()).then(|| Review {
            indicators,
            checked,
            checked_by: match checked {
                true => reviewed.checked_by.clone(),
                false => String::new(),
            },
        })
    }
}

/// What a correction took over from the check of `source`, the file it
/// corrects ([`Archive::carried`]).
#[derive(Debug, Clone)]
pub enum Carried<'a> {
    /// The finished check, whole: only the plan or the profile's wording
    /// changed.
    Check(&'a Entry),
    /// The decisions about the answers that did not change; those about
    /// the answers that did (`dropped`, their codes) are to be taken again.
    Decisions {
        source: &'a Entry,
        dropped: Vec<String>,
    },
    /// Nothing: every decided answer changed.
    Nothing(&'a Entry),
}

/// Whether a decision about `code` in `source` holds for `entry`, a later
/// file of its school and year: the same answer, applying the same way, on
/// the same version of the card (in another, the code may be another
/// indicator's).
pub(super) fn same_answer(source: &Entry, entry: &Entry, code: &str) -> bool {
    if source.card.version != entry.card.version {
        return false;
    }
    let applies = |e: &Entry| {
        (e.assessment.indicators.iter())
            .find(|r| r.code == code)
            .map(|r| r.outcome.applies())
    };
    source.opened.payload.answers.get(code) == entry.opened.payload.answers.get(code)
        && applies(source) == applies(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::Standing;
    use crate::department::review::ReviewStatus;
    use crate::school::plan::PlanRow;
    use crate::school::profile::SchoolLevel;
    use crate::testkit::{self, draft, entry, meta, sign};

    /// СОШ 1 sends `corrected` as «b1», a correction of its file «a1».
    fn send_correction(
        archive: &mut Archive,
        card: &crate::card::Card,
        corrected: &crate::school::draft::Draft,
    ) {
        let text = sign(card, corrected, meta("b1", "2026-09-25", Some("a1")), b'a');
        archive.admit(entry(card, "b", &text));
    }

    #[test]
    fn a_correction_keeps_the_decisions_about_unchanged_answers() {
        let card = testkit::card();
        let first = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let mut archive = testkit::archive(&card, &[("a1", &first)]);
        archive.set_decision("a1", "1.8", Some(Decision::NoPoint));
        archive.set_review_comment("a1", "1.8", "Нет на сайте".into());
        archive.set_decision("a1", "2.1", Some(Decision::Confirm));
        archive.set_checked("a1", true);
        assert_eq!(archive.review("a1").status(), ReviewStatus::Checked);

        // The school sends a correction: 2.1 changed, 1.8 did not.
        let corrected = draft("СОШ 1", "2025/2026", &["1.8", "3.1"]);
        send_correction(&mut archive, &card, &corrected);
        assert_eq!(archive.standing_of("b1"), Some(&Standing::Current));
        assert!(matches!(
            archive.carried("b1"),
            Some(Carried::Decisions { source, dropped }) if source.id() == "a1" && dropped == ["2.1"]
        ));
        assert_eq!(archive.review_source("b1").map(Entry::id), Some("a1"));
        let carried = archive.review("b1");
        assert_eq!(carried.decision("1.8"), Some(Decision::NoPoint));
        assert_eq!(carried.decision("2.1"), None, "its answer changed");
        assert_eq!(
            carried.status(),
            ReviewStatus::InReview,
            "the new file is not checked yet"
        );

        // The first change makes the carried review the file's own.
        archive.set_checked("b1", true);
        assert_eq!(
            archive.reviews["b1"].decision("1.8"),
            Some(Decision::NoPoint)
        );
        assert_eq!(archive.review_source("b1").map(Entry::id), None);

        assert!(archive.carried("b1").is_none(), "its own review now");

        // A file from another school takes nothing.
        let other = draft("СОШ 2", "2025/2026", &["1.8", "2.1"]);
        let text = sign(&card, &other, meta("c1", "2026-09-26", None), 2);
        archive.admit(entry(&card, "c", &text));
        assert_eq!(archive.review("c1"), Review::default());
    }

    /// Every decided answer changed: nothing comes over, and the review
    /// can say so. An earlier file with no decision has nothing to carry.
    #[test]
    fn a_correction_of_every_decided_answer_carries_nothing() {
        let card = testkit::card();
        let first = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let mut archive = testkit::archive(&card, &[("a1", &first)]);
        archive.set_review_comment("a1", "2.1", "Посмотреть позже".into());
        let corrected = draft("СОШ 1", "2025/2026", &["3.1"]);
        send_correction(&mut archive, &card, &corrected);
        assert!(archive.carried("b1").is_none(), "no decision to carry");
        archive.set_decision("a1", "2.1", Some(Decision::NoPoint));
        assert!(matches!(archive.carried("b1"), Some(Carried::Nothing(e)) if e.id() == "a1"));
        assert_eq!(archive.review("b1"), Review::default());
    }

    /// The school adds the department's recommendations to the plan of the
    /// year they are about and sends the card again: the check stays
    /// finished. Not when an indicator's applicability changed with the
    /// profile, though no answer did.
    #[test]
    fn a_correction_of_the_plan_alone_stays_checked() {
        let card = testkit::card();
        let first = draft("СОШ 1", "2025/2026", &["1.8", "2.1"]);
        let mut archive = testkit::archive(&card, &[("a1", &first)]);
        archive.set_decision("a1", "1.8", Some(Decision::NoPoint));
        archive.set_review_comment("a1", "2.1", "Ссылка ведёт на главную".into());
        archive.mark_seen("a1", "2.1", "https://school.example.ru/");
        archive.set_checked("a1", true);

        let mut planned = first.clone();
        planned.plan.push(PlanRow {
            measure: "Провести ярмарку профессий".into(),
            indicators: vec!["1.8".into()],
            ..PlanRow::default()
        });
        let text = sign(&card, &planned, meta("b1", "2026-10-05", Some("a1")), b'a');
        archive.admit(entry(&card, "b", &text));
        let carried = archive.review("b1");
        assert_eq!(carried.status(), ReviewStatus::Checked);
        assert!(matches!(archive.carried("b1"), Some(Carried::Check(_))));
        assert_eq!(carried.decision("1.8"), Some(Decision::NoPoint));
        // A comment alone and the opened links come too: nothing asks the
        // coordinator to look again.
        assert_eq!(carried.indicators["2.1"].comment, "Ссылка ведёт на главную");
        assert_eq!(
            carried.indicators["2.1"].seen,
            ["https://school.example.ru/"]
        );

        // A school that no longer has ООО: 1.2 (8–9 классы) stops applying.
        let mut fewer = planned.clone();
        fewer.profile.set_level(SchoolLevel::Ooo, false);
        let text = sign(&card, &fewer, meta("c1", "2026-10-06", Some("b1")), b'a');
        archive.admit(entry(&card, "c", &text));
        assert_eq!(archive.review("c1").status(), ReviewStatus::InReview);

        // Checked with no decision at all: a correction of the plan alone
        // is still checked.
        let bare = draft("СОШ 2", "2025/2026", &["2.1"]);
        let text = sign(&card, &bare, meta("d1", "2026-09-20", None), 2);
        archive.admit(entry(&card, "d", &text));
        archive.set_checked("d1", true);
        let mut replanned = bare.clone();
        replanned.plan.push(PlanRow {
            measure: "Семинар".into(),
            ..PlanRow::default()
        });
        let text = sign(&card, &replanned, meta("e1", "2026-10-01", Some("d1")), 2);
        archive.admit(entry(&card, "e", &text));
        assert_eq!(archive.review("e1").status(), ReviewStatus::Checked);
    }

    #[test]
    fn an_opened_link_is_marked_seen_once() {
        let card = testkit::card();
        let mut archive = testkit::archive(&card, &[("s", &draft("Школа", "2025/2026", &[]))]);
        archive.mark_seen("s", "1.1", "https://a.example.ru/");
        archive.mark_seen("s", "1.1", "https://a.example.ru/");
        archive.mark_seen("s", "1.1", "https://b.example.ru/");
        let seen = &archive.review("s").indicators["1.1"].seen;
        assert_eq!(seen, &["https://a.example.ru/", "https://b.example.ru/"]);
        assert_eq!(
            archive.review("s").status(),
            ReviewStatus::Received,
            "looking is not deciding"
        );
    }
}
