//! Review at scale: decisions for many indicators of one school at once,
//! always listed before they apply. Only undecided indicators the school
//! claims a point for are touched: a decision the coordinator made by hand
//! is never overwritten.

use crate::department::archive::{Archive, Entry};
use crate::department::review::{Decision, Review};
use crate::school::input::parse_links;
use crate::text::plural;

/// The decisions a bulk action changes, said alike in its preview, its
/// result, the notice of one left waiting and the question before a check
/// is finished: «решение по показателю 1.1», «решения по 3 показателям
/// (1.1, 1.2, 2.1)».
pub fn decisions_on(codes: &[String]) -> String {
    match codes {
        [one] => format!("решение по показателю {one}"),
        _ => format!(
            "решения по {} {} ({})",
            codes.len(),
            plural(
                codes.len() as u64,
                "показателю",
                "показателям",
                "показателям"
            ),
            codes.join(", ")
        ),
    }
}

/// «изменено» or «изменены», agreeing with [`decisions_on`] of `n` codes.
pub fn changed_word(n: usize) -> &'static str {
    match n {
        1 => "изменено",
        _ => "изменены",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bulk {
    /// Every claimed point with a link to its evidence is confirmed.
    ConfirmWithEvidence,
    /// Every claimed point without a link gets no point.
    NoPointWithoutEvidence,
}

impl Bulk {
    pub const ALL: [Bulk; 2] = [Self::ConfirmWithEvidence, Self::NoPointWithoutEvidence];

    pub fn label(self) -> &'static str {
        match self {
            Self::ConfirmWithEvidence => {
                "Подтвердить заявленные баллы со ссылками на подтверждение"
            }
            Self::NoPointWithoutEvidence => "Не засчитать баллы без подтверждения",
        }
    }

    fn decision(self) -> Decision {
        match self {
            Self::ConfirmWithEvidence => Decision::Confirm,
            Self::NoPointWithoutEvidence => Decision::NoPoint,
        }
    }

    /// The reason written beside each decision where the reviewer wrote
    /// none: the school reads it in its letter, and a refusal without one
    /// would say «причина не указана».
    fn reason(self) -> &'static str {
        match self {
            Self::ConfirmWithEvidence => "",
            Self::NoPointWithoutEvidence => "нет ссылки на подтверждение",
        }
    }

    /// The indicators `self` would decide, in card order.
    pub fn preview(self, entry: &Entry, review: &Review) -> Vec<String> {
        entry
            .assessment
            .indicators
            .iter()
            .filter(|r| r.outcome.points() > 0 && review.decision(&r.code).is_none())
            .filter(|r| {
                let evidence = entry
                    .opened
                    .payload
                    .answers
                    .get(&r.code)
                    .map(|a| !parse_links(&a.evidence).0.is_empty())
                    .unwrap_or(false);
                evidence == (self == Self::ConfirmWithEvidence)
            })
            .map(|r| r.code.clone())
            .collect()
    }
}

impl Archive {
    /// Applies `bulk` to the submission `id` and returns the codes decided.
    pub fn apply_bulk(&mut self, id: &str, bulk: Bulk) -> Vec<String> {
        let Some(entry) = self.entry(id) else {
            return Vec::new();
        };
        let codes = bulk.preview(entry, &self.review(id));
        for code in &codes {
            self.set_decision(id, code, Some(bulk.decision()));
            let written = self
                .review(id)
                .indicators
                .get(code)
                .map(|r| r.comment.trim().to_owned());
            if written.unwrap_or_default().is_empty() && !bulk.reason().is_empty() {
                self.set_review_comment(id, code, bulk.reason().to_owned());
            }
        }
        codes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{self, fact, share};

    /// One decision is said with its code alone; more, counted.
    #[test]
    fn decisions_are_said_alike() {
        let codes = |c: &[&str]| c.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert_eq!(decisions_on(&codes(&["1.1"])), "решение по показателю 1.1");
        assert_eq!(
            decisions_on(&codes(&["1.1", "2.1", "3.4"])),
            "решения по 3 показателям (1.1, 2.1, 3.4)"
        );
        let many: Vec<String> = (1..=21).map(|n| format!("1.{n}")).collect();
        assert!(decisions_on(&many).starts_with("решения по 21 показателю (1.1, "));
        assert_eq!((changed_word(1), changed_word(2)), ("изменено", "изменены"));
    }

    /// 1.1 (30 of 100) and 1.6 claim a point with links, 1.8 and 2.1
    /// without; 2.1 the coordinator already confirmed by hand; 1.2 earns
    /// nothing and is never touched.
    #[test]
    fn bulk_decisions_touch_only_undecided_claimed_points() {
        let card = testkit::card();
        let mut d = testkit::draft("Школа", "2025/2026", &["1.8", "2.1"]);
        let mut with_link = share("30", "100");
        with_link.evidence = "https://school.example.ru/a".into();
        d.answers.insert("1.1".into(), with_link);
        let mut linked_fact = fact(true);
        linked_fact.evidence = "https://school.example.ru/b".into();
        d.answers.insert("1.6".into(), linked_fact);
        d.answers.insert("1.2".into(), share("1", "100"));
        let mut archive = testkit::archive(&card, &[("s", &d)]);
        archive.set_decision("s", "2.1", Some(Decision::Confirm));
        let entry = archive.entry("s").unwrap().clone();
        let review = archive.review("s");
        assert_eq!(
            Bulk::ConfirmWithEvidence.preview(&entry, &review),
            ["1.1", "1.6"]
        );
        assert_eq!(
            Bulk::NoPointWithoutEvidence.preview(&entry, &review),
            ["1.8"]
        );
        assert_eq!(
            archive.apply_bulk("s", Bulk::NoPointWithoutEvidence),
            ["1.8"]
        );
        let review = archive.review("s");
        assert_eq!(review.decision("1.8"), Some(Decision::NoPoint));
        // Said why, for the school's letter; a confirmation needs no words.
        assert_eq!(
            review.indicators["1.8"].comment,
            "нет ссылки на подтверждение"
        );
        let mut confirmed = archive.clone();
        confirmed.apply_bulk("s", Bulk::ConfirmWithEvidence);
        assert_eq!(confirmed.review("s").indicators["1.1"].comment, "");
        assert_eq!(review.decision("2.1"), Some(Decision::Confirm));
        assert_eq!(review.decision("1.2"), None);
        assert!(
            Bulk::NoPointWithoutEvidence
                .preview(&entry, &review)
                .is_empty(),
            "applied once, nothing is left to do"
        );
    }
}
