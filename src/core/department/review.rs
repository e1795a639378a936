//! The coordinator's objectivity check of one submission.
//!
//! The school's answers are recomputed first; the coordinator then decides
//! indicator by indicator, looking at the evidence. An indicator without a
//! decision keeps the recomputed points, so an unreviewed school is ranked by
//! its own (recomputed) assessment until someone looks at it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::{Card, Level, Rule};
use crate::scoring::{tally, Assessment, CriterionScore, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The evidence supports what the school claims.
    Confirm,
    /// The indicator applies, but the point is not earned.
    NoPoint,
    /// The indicator does not apply to this school after all.
    NotApplicable,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Self::Confirm, Self::NoPoint, Self::NotApplicable];

    fn label(self) -> &'static str {
        match self {
            Self::Confirm => "подтверждено",
            Self::NoPoint => "балл не засчитан",
            Self::NotApplicable => "не применимо",
        }
    }

    /// The label beside an indicator of `points`: a banded one's refusal
    /// takes all its points, as its letter says; without points, the
    /// answer itself is not confirmed (a fact then counts as «нет», a
    /// value is left out of the municipal figures).
    pub fn label_for(self, points: u32) -> &'static str {
        match self {
            Self::NoPoint if points == 0 => "не подтверждено",
            Self::NoPoint if points > 1 => "баллы не засчитаны",
            _ => self.label(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::NoPoint => "no_point",
            Self::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorReview {
    pub decision: Option<Decision>,
    pub comment: String,
    /// Evidence links the reviewer has opened.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
    /// The reviewer whose review file brought the decision; empty when it
    /// was made in this workspace.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// Other reviewers whose files brought the same decision: a later
    /// change of mind of `by` is then a conflict with them, not taken
    /// silently (a walk-through lost a second opinion, and the school's
    /// score with it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed: Vec<String>,
    /// Made in the workspace a restored backup was saved in, not here: a
    /// reviewer who starts from the lead's backup holds the lead's
    /// decisions, which are not theirs to sign ([`Archive::review_file`]).
    /// Deciding again here makes the decision this workspace's own.
    ///
    /// [`Archive::review_file`]: crate::department::archive::Archive::review_file
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub elsewhere: bool,
    /// Each reviewer's own comment, once several brought the decision
    /// (`by` and those `agreed`): `comment` joins theirs, `by`'s first, so
    /// that one changing their words replaces theirs alone (a review: a
    /// changed comment kept the old words beside it, or dropped the
    /// other reviewer's).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub said: BTreeMap<String, String>,
}

impl IndicatorReview {
    /// Reviewer `who`'s comment on the decision they share with others
    /// ([`IndicatorReview::said`]); an empty one changes nothing.
    pub fn say(&mut self, who: &str, comment: &str) {
        if comment.trim().is_empty() {
            return;
        }
        // Kept before the comments were kept apart: the one there is `by`'s.
        if self.said.is_empty() && !self.comment.trim().is_empty() {
            self.said.insert(self.by.clone(), self.comment.clone());
        }
        self.said.insert(who.to_owned(), comment.trim().to_owned());
        self.join();
    }

    /// `comment` from the comments of those whose decision it is.
    fn join(&mut self) {
        let all: Vec<&str> = (std::iter::once(&self.by).chain(&self.agreed))
            .filter_map(|who| self.said.get(who))
            .map(String::as_str)
            .collect();
        self.comment = match all.as_slice() {
            [one] => (*one).to_owned(),
            many => (many.iter())
                .map(|c| c.trim_end_matches(['.', ';', ' ']))
                .collect::<Vec<_>>()
                .join("; "),
        };
    }

    /// Takes out the opinion of reviewer `by`: dropped from those agreeing,
    /// or, where the decision is theirs and others agreed, left as the
    /// first other's. `true` if there was one to take out.
    pub fn without(&mut self, by: &str) -> bool {
        let agreed = self.agreed.len();
        self.agreed.retain(|a| a != by);
        let out = match self.agreed.len() < agreed {
            true => true,
            false if self.by == by && !self.agreed.is_empty() => {
                self.by = self.agreed.remove(0);
                true
            }
            false => false,
        };
        // Their words go with their opinion.
        if out && self.said.remove(by).is_some() {
            self.join();
        }
        out
    }

    /// Decided in this workspace, by whoever works in it.
    pub fn made_here(&self) -> bool {
        self.by.is_empty() && !self.elsewhere
    }
}

/// Everything the coordinator decided about one submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub indicators: BTreeMap<String, IndicatorReview>,
    /// The coordinator said the check is finished.
    pub checked: bool,
    /// The reviewer whose review file said so; empty when it was said in
    /// this workspace. A reviewer who finished a school with no decision
    /// left in force was named nowhere in the report (a walk-through).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub checked_by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewStatus {
    Received,
    InReview,
    Checked,
}

impl ReviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Received => "получена",
            Self::InReview => "на проверке",
            Self::Checked => "проверена",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InReview => "in_review",
            Self::Checked => "checked",
        }
    }
}

impl Review {
    pub fn status(&self) -> ReviewStatus {
        if self.checked {
            ReviewStatus::Checked
        } else if self.indicators.values().any(|r| r.decision.is_some()) {
            ReviewStatus::InReview
        } else {
            ReviewStatus::Received
        }
    }

    pub fn decision(&self, code: &str) -> Option<Decision> {
        self.indicators.get(code).and_then(|r| r.decision)
    }
}

/// One indicator as the school claimed it and as the department counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub claimed_points: u32,
    pub claimed_applies: bool,
    pub points: u32,
    pub applies: bool,
    /// The indicator's points on the card, its top band's where it has bands.
    pub max: u32,
    /// Left out of the maximum for want of last year's figures, and not
    /// ruled on: what is missing is data, not the indicator's relevance.
    pub lacks_last_year: bool,
    /// Left out of the maximum because the growth target's group was empty
    /// last year (0 of 0), and not ruled not applicable: no omission of the
    /// school's, but, as with [`Counted::lacks_last_year`], this year's
    /// share is in the municipal value (confirmed too, a review).
    pub last_year_empty: bool,
    /// Left blank by the school, and not ruled on: no answer, rather than
    /// a target missed.
    pub unanswered: bool,
    /// Filled in with an error (the file was exported anyway), and not
    /// ruled on: it counts nothing, though not for a target missed.
    pub invalid: bool,
    /// The check did not confirm the answer («балл не засчитан», on an
    /// indicator without points «не подтверждено»): see
    /// [`Counted::unconfirmed_value`] for what it does to the value.
    pub refused: bool,
    /// A yes/no indicator: its point is its «да», so a «да» whose point the
    /// check refused is a «да» not confirmed.
    pub fact: bool,
    /// (met, applies) by the rules of the card the page shows, for a school
    /// that filled another version which judges the indicator otherwise
    /// (another threshold, band or applicability): who met an indicator is
    /// counted by the rule the page shows ([`SchoolResult::judged_on`](crate::department::results::SchoolResult::judged_on)),
    /// the school's points by its own.
    pub judged_here: Option<(bool, bool)>,
}

impl Counted {
    /// Counted otherwise than the school's answers: its points or its
    /// place in the maximum, or its value not confirmed.
    pub fn changed(&self) -> bool {
        self.claimed_points != self.points
            || self.claimed_applies != self.applies
            || self.unconfirmed_value()
    }

    /// The answer itself not confirmed: refused where there is no point to
    /// refuse, or a «да» whose point was refused. A fact then counts as
    /// «нет» in the municipal value and a figure is left out of it. A
    /// figure's refused point is about the point: its numbers stay the
    /// school's. A fact's is about the «да» (a methodologist's reading of
    /// the report found «выполнили 20» beside «да — у 21» in one row).
    pub fn unconfirmed_value(&self) -> bool {
        self.refused && (self.max == 0 || (self.fact && self.claimed_points > 0))
    }

    /// The change moves the school's score: its points, or its maximum (an
    /// indicator without points leaves the maximum as it is, applicable or
    /// not).
    pub fn moves_score(&self) -> bool {
        self.claimed_points != self.points || (self.max > 0 && self.claimed_applies != self.applies)
    }

    /// Met: every point of it counted. A banded indicator's lower band is
    /// not met, so the school still hears of it and is not named as the
    /// example for it.
    pub fn met(&self) -> bool {
        is_met(self.points, self.applies, self.max)
    }

    /// [`Counted::met`] by the rules of the card the page shows.
    pub fn met_here(&self) -> bool {
        self.judged_here.map_or(self.met(), |(met, _)| met)
    }

    /// Applies by the rules of the card the page shows.
    pub fn applies_here(&self) -> bool {
        self.judged_here
            .map_or(self.applies, |(_, applies)| applies)
    }

    /// [`Counted::short`] by the rules of the card the page shows.
    pub fn short_here(&self) -> bool {
        match self.judged_here {
            Some((met, applies)) => applies && !met,
            None => self.short(),
        }
    }

    /// Applies, and some of its points were not counted.
    pub fn short(&self) -> bool {
        self.applies && self.points < self.max
    }

    /// Some of a banded indicator's points, not all.
    pub fn partly(&self) -> bool {
        self.short() && self.points > 0
    }
}

/// How one school's card stands on one indicator, cell by cell of the
/// matrix: drawn on the results tab and said in its spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fulfilment {
    Earned,
    /// Some of a banded indicator's points, not all.
    Partial,
    Missed,
    /// The indicator does not apply to the school and is out of its maximum.
    NotApplicable,
    /// Out of the school's maximum because it gave no last year's figures
    /// for a growth target: its own omission, not its profile.
    NoLastYear,
    /// The school left the indicator blank.
    Unanswered,
    /// The school's answer has an error and counts nothing.
    Invalid,
    /// The version of the card the school filled in has no such
    /// indicator (a school on last year's version, shown on this one).
    NotInVersion,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 8] = [
        Fulfilment::Earned,
        Fulfilment::Partial,
        Fulfilment::Missed,
        Fulfilment::NotApplicable,
        Fulfilment::NoLastYear,
        Fulfilment::Unanswered,
        Fulfilment::Invalid,
        Fulfilment::NotInVersion,
    ];

    /// A school's standing on an indicator it has (`None`: its version
    /// has no such indicator).
    pub fn of(counted: Option<Counted>) -> Self {
        match counted {
            Some(c) if c.met() => Self::Earned,
            Some(c) if c.partly() => Self::Partial,
            Some(c) if c.unanswered => Self::Unanswered,
            Some(c) if c.invalid => Self::Invalid,
            Some(c) if c.applies => Self::Missed,
            Some(c) if c.lacks_last_year => Self::NoLastYear,
            Some(_) => Self::NotApplicable,
            None => Self::NotInVersion,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Self::Earned => "выполнен",
            Self::Partial => "выполнен частично",
            Self::Missed => "не выполнен",
            Self::NotApplicable => "не применим",
            Self::NoLastYear => crate::scoring::NO_LAST_YEAR,
            Self::Unanswered => "нет ответа",
            Self::Invalid => "ошибка в ответе",
            Self::NotInVersion => "нет в версии школы",
        }
    }
}

/// The score the results use. Indicators are in card order, like the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub indicators: Vec<(String, Counted)>,
    pub criteria: Vec<CriterionScore>,
    pub total: u32,
    pub max_applicable: u32,
    pub level: Option<Level>,
}

impl Confirmed {
    pub fn indicator(&self, code: &str) -> Option<Counted> {
        self.indicators
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, counted)| *counted)
    }

    /// Codes where the department counts otherwise than the school.
    pub fn differences(&self) -> Vec<&str> {
        self.indicators
            .iter()
            .filter(|(_, c)| c.changed())
            .map(|(code, _)| code.as_str())
            .collect()
    }
}

/// Met: applies, gives points, and every one of its `max` points counted.
pub(crate) fn is_met(points: u32, applies: bool, max: u32) -> bool {
    applies && max > 0 && points >= max
}

/// (points, applies) of a row as the check counts it.
pub fn counted(outcome: &Outcome, decision: Option<Decision>) -> (u32, bool) {
    match decision {
        None => (outcome.points(), outcome.applies()),
        // Confirming a row the school left empty or invalid cannot
        // create points the answers do not show. Confirming a row the
        // answers or the profile leave out of the maximum confirms that it
        // is out, except a growth row out only for want of last year's
        // figures, which comes back in (the review says so beside it).
        Some(Decision::Confirm) => (
            outcome.points(),
            outcome.applies() || outcome.lacks_last_year(),
        ),
        Some(Decision::NoPoint) => (0, true),
        Some(Decision::NotApplicable) => (0, false),
    }
}

/// Applies the coordinator's decisions to the recomputed assessment.
pub fn confirm(card: &Card, assessment: &Assessment, review: &Review) -> Confirmed {
    let mut indicators = Vec::with_capacity(assessment.indicators.len());
    let mut results = assessment.indicators.iter();
    let (criteria, total, max_applicable) = tally(card, |indicator| {
        let result = results.next().expect("an assessment follows its card");
        let claimed_points = result.outcome.points();
        let claimed_applies = result.outcome.applies();
        let decision = review.decision(&indicator.code);
        let (points, applies) = counted(&result.outcome, decision);
        let counted = Counted {
            claimed_points,
            claimed_applies,
            points,
            applies,
            max: indicator.points,
            lacks_last_year: decision.is_none() && result.outcome.lacks_last_year(),
            last_year_empty: decision != Some(Decision::NotApplicable)
                && result.outcome.last_year_empty(),
            unanswered: decision.is_none() && result.outcome == Outcome::Unanswered,
            invalid: decision.is_none() && result.outcome == Outcome::Invalid,
            refused: decision == Some(Decision::NoPoint),
            fact: matches!(indicator.rule, Rule::Fact { .. }),
            judged_here: None,
        };
        indicators.push((indicator.code.clone(), counted));
        (points, applies)
    });
    Confirmed {
        indicators,
        level: card.level(total, max_applicable),
        criteria,
        total,
        max_applicable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::school::draft::Draft;
    use crate::scoring::assess;
    use crate::testkit::fact;

    fn sample() -> (Card, Assessment) {
        let card = crate::testkit::card();
        let mut draft = Draft::default();
        for code in ["1.6", "1.8", "2.1"] {
            draft.answers.insert(code.into(), fact(true));
        }
        let a = assess(&card, &draft);
        (card, a)
    }

    fn decide(review: &mut Review, code: &str, decision: Decision) {
        review.indicators.insert(
            code.into(),
            IndicatorReview {
                decision: Some(decision),
                ..IndicatorReview::default()
            },
        );
    }

    #[test]
    fn a_refusal_reads_by_the_indicator_s_points() {
        assert_eq!(Decision::NoPoint.label_for(0), "не подтверждено");
        assert_eq!(Decision::NoPoint.label_for(1), "балл не засчитан");
        assert_eq!(Decision::NoPoint.label_for(2), "баллы не засчитаны");
        assert_eq!(Decision::Confirm.label_for(0), "подтверждено");
    }

    #[test]
    fn without_decisions_the_recomputed_score_stands() {
        let (card, a) = sample();
        let c = confirm(&card, &a, &Review::default());
        assert_eq!((c.total, c.max_applicable), (a.total, a.max_applicable));
        assert!(c.differences().is_empty());
        assert_eq!(Review::default().status(), ReviewStatus::Received);
    }

    #[test]
    fn decisions_change_points_and_maximum() {
        let (card, a) = sample();
        assert_eq!(a.total, 3);
        let mut review = Review::default();
        decide(&mut review, "1.6", Decision::Confirm);
        decide(&mut review, "1.8", Decision::NoPoint);
        decide(&mut review, "2.1", Decision::NotApplicable);
        let c = confirm(&card, &a, &review);
        assert_eq!((c.total, c.max_applicable), (1, 22));
        assert_eq!(c.differences(), ["1.8", "2.1"]);
        let criterion_1 = &c.criteria[0];
        assert_eq!((criterion_1.points, criterion_1.max_applicable), (1, 8));
        assert_eq!(review.status(), ReviewStatus::InReview);
        review.checked = true;
        assert_eq!(review.status(), ReviewStatus::Checked);
    }

    /// A school without grades 10–11: 1.3 is out of its maximum, and
    /// confirming that keeps it out, not a missed point.
    #[test]
    fn confirming_a_row_the_profile_leaves_out_keeps_it_out() {
        let card = crate::testkit::card();
        let mut draft = Draft::default();
        draft
            .profile
            .levels
            .retain(|l| *l != crate::school::profile::SchoolLevel::Soo);
        let a = assess(&card, &draft);
        let mut review = Review::default();
        decide(&mut review, "1.3", Decision::Confirm);
        let c = confirm(&card, &a, &review);
        assert_eq!((c.total, c.max_applicable), (a.total, a.max_applicable));
        assert!(!c.indicator("1.3").unwrap().applies);
        assert!(c.differences().is_empty());
    }

    #[test]
    fn confirming_an_empty_row_gives_no_point() {
        let (card, a) = sample();
        let mut review = Review::default();
        decide(&mut review, "1.1", Decision::Confirm);
        let c = confirm(&card, &a, &review);
        assert_eq!(c.total, 3);
        assert_eq!(c.indicator("1.1").unwrap().points, 0);
    }
}
