//! The schools' results of one card and period, and their rating.
//!
//! Schools are compared by their share of the applicable maximum, not by raw
//! totals: a school without grades 10–11 has fewer indicators and must not
//! lose places for it. Comparisons are exact (cross-multiplied integers), so
//! two schools with 19 of 23 share a rank however the percentages round.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::card::versions::{carry_answers, comparability};
use crate::card::{Card, Indicator, Level, ProfileFlag};
use crate::department::archive::{Archive, Entry};
use crate::department::review::{confirm, counted, is_met, Confirmed, Counted, ReviewStatus};
use crate::department::school::{OfSchool, SchoolId};
use crate::school::profile::SchoolProfile;
use crate::scoring::assess;
use crate::text::{by_name, name_has, points};

/// One school's counted result in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolResult {
    pub submission_id: String,
    pub school: SchoolId,
    pub profile: SchoolProfile,
    pub score: Confirmed,
    pub status: ReviewStatus,
    pub mismatch: bool,
    /// The total and maximum the school's file claims, when its answers
    /// give others: its letter names them.
    pub claimed: Option<(u32, u32)>,
    /// Indicators the check did not credit as the school claimed them,
    /// with the reviewer's comment (empty when none was written): the
    /// letter tells the school why. «Балл не засчитан» on a row the
    /// school's answers kept out of its maximum
    /// ([`Outcome::out_by_answers`](crate::scoring::Outcome::out_by_answers))
    /// counts it in with no point, and is one of them
    /// ([`SchoolResult::counted_in`]): the school hears why, and the
    /// reviewer is asked for the reason, as for a refused point. A growth
    /// row put back for want of last year's figures is not: its letter
    /// says why by itself.
    pub refused: Vec<(String, String)>,
    /// Indicators the school counted and the check ruled not applicable,
    /// with the reviewer's comment: its letter says why the maximum shrank.
    pub ruled: Vec<(String, String)>,
    /// The check's comments on the other indicators, where written: the
    /// reviewer's word on a point the school did not claim, or on a value
    /// (kept, or ruled out: a card of values gives no points to rule). The
    /// comment field promises the school reads it in its letter, and a
    /// walk-through's was dropped.
    pub remarks: Vec<(String, String)>,
    /// The version of the card the school filled: a year may hold files of
    /// two versions, each scored by its own rules.
    pub version: u32,
    /// The version whose codes `score` and `refused` speak: `version`, or
    /// the year's card it is seen on ([`SchoolResult::seen_on`]).
    pub seen_as: u32,
    /// The points the check did not credit as claimed, on indicators that
    /// still apply: kept whole when an indicator is left out by
    /// [`SchoolResult::seen_on`], as the total is.
    pub lost: u32,
    /// The points claimed on indicators the check ruled not applicable:
    /// not refused (they leave the maximum too), but taken all the same.
    pub ruled_out: u32,
    /// Its maximum is smaller by a «0 из 0» the profile expects, not yet
    /// ruled on ([`Archive::empty_unruled`]): more likely a number left at
    /// 0, so its level may rest on it. Not offered as an example of high
    /// results until the check rules (a methodologist found a school at
    /// exactly 80 % so offered, 76,2 % with the point counted).
    pub empty_unruled: bool,
}

impl SchoolResult {
    pub fn of(archive: &Archive, entry: &Entry) -> Self {
        let review = archive.review(entry.id());
        let score = confirm(&entry.card, &entry.assessment, &review);
        let commented = |keep: &dyn Fn(&str, &Counted) -> bool| -> Vec<(String, String)> {
            (score.indicators.iter())
                .filter(|(code, c)| keep(code, c))
                .map(|(code, _)| {
                    let comment = review.indicators.get(code).map_or("", |r| r.comment.trim());
                    (code.clone(), comment.to_owned())
                })
                .collect()
        };
        // A growth row out for want of last year's figures, put back,
        // has its own words in the letter: no reason is asked for.
        let out_by_answers = |code: &str| {
            (entry.assessment.indicators.iter())
                .any(|r| r.code == code && r.outcome.out_by_answers())
        };
        let refused = commented(&|code, c| {
            (c.applies && c.points < c.claimed_points)
                || c.unconfirmed_value()
                || (c.refused && out_by_answers(code))
        });
        let ruled = commented(&|_, c| c.claimed_applies && !c.applies && c.max > 0);
        let said = |code: &str, list: &[(String, String)]| list.iter().any(|(c, _)| c == code);
        let remarks = commented(&|code, _| !said(code, &refused) && !said(code, &ruled))
            .into_iter()
            .filter(|(_, comment)| !comment.is_empty())
            .collect();
        let lost = (score.indicators.iter())
            // As the letters say it: a point ruled not applicable is not
            // refused, the indicator leaves the school's maximum.
            .filter(|(_, c)| c.applies)
            .map(|(_, c)| c.claimed_points.saturating_sub(c.points))
            .sum();
        let ruled_out = (score.indicators.iter())
            .filter(|(_, c)| !c.applies)
            .map(|(_, c)| c.claimed_points)
            .sum();
        Self {
            submission_id: entry.id().to_owned(),
            school: entry.school.clone(),
            profile: entry.profile().clone(),
            score,
            status: review.status(),
            mismatch: entry.mismatch,
            claimed: {
                let claim = &entry.opened.payload.score;
                let recount = &entry.assessment;
                let said = (claim.total, claim.max_applicable);
                (said != (recount.total, recount.max_applicable)).then_some(said)
            },
            refused,
            ruled,
            remarks,
            version: entry.card.version,
            seen_as: entry.card.version,
            lost,
            ruled_out,
            empty_unruled: !archive.empty_unruled(entry.id()).is_empty(),
        }
    }

    /// The review's «Расхождения»: each indicator the check counts
    /// otherwise than the school's answers, with the reviewer's reason,
    /// said or missed (it goes to the school's letter).
    pub fn difference_lines(&self) -> Vec<String> {
        (self.score.differences().into_iter())
            .filter_map(|code| {
                let c = self.score.indicator(code)?;
                // A point refused asks for its reason; a ruling of «не
                // применимо» gives its own when it has one.
                let ruling = (self.ruled.iter())
                    .find(|(c, w)| c == code && !w.is_empty())
                    .map(|(_, why)| why.as_str());
                let why = match (self.refusal(code), ruling) {
                    (Some(""), _) => " — причина не указана".to_owned(),
                    (Some(comment), _) | (None, Some(comment)) => format!(" — {comment}"),
                    (None, None) => String::new(),
                };
                // With points, the points say it (a fact's refused «да»).
                if c.max == 0 && c.unconfirmed_value() {
                    return Some(format!("{code}: значение не подтверждено{why}"));
                }
                // «засчитано не применимо» does not read: each side in words;
                // an indicator without points has none to claim.
                let was = match (c.claimed_applies, c.max) {
                    (true, 0) => "по ответам школы применим".to_owned(),
                    (true, _) => format!("заявлено {}", points(c.claimed_points.into())),
                    (false, _) => "по ответам школы не применим".to_owned(),
                };
                let now = match (c.applies, c.max) {
                    (true, 0) => "признан применимым".to_owned(),
                    (true, _) => format!("засчитано {}", points(c.points.into())),
                    (false, _) => "признан неприменимым".to_owned(),
                };
                Some(format!("{code}: {was} → {now}{why}"))
            })
            .collect()
    }

    /// The school filled another version than the card it is shown on:
    /// its years are compared by that card's rules.
    pub fn other_version(&self) -> bool {
        self.version != self.seen_as
    }

    /// The result under the codes of `card`, another version of `speaks`,
    /// the card whose codes it has now (at first the one the school filled
    /// in). Each indicator goes to its counterpart ([`Card::counterpart`]);
    /// one the other version lacks, or asks for in another way, is left
    /// out, as not asked. Its points stay those of the school's own rules.
    /// Criteria keep their codes: they have no identity across versions.
    pub fn seen_on(mut self, speaks: &Card, card: &Card) -> Self {
        let code = |code: &str| card.code_of(speaks, code).map(str::to_owned);
        self.score.indicators = (self.score.indicators.into_iter())
            .filter_map(|(c, counted)| Some((code(&c)?, counted)))
            .collect();
        let recode = |list: Vec<(String, String)>| {
            (list.into_iter())
                .filter_map(|(c, comment)| Some((code(&c)?, comment)))
                .collect()
        };
        self.refused = recode(self.refused);
        self.ruled = recode(self.ruled);
        self.remarks = recode(self.remarks);
        self.seen_as = card.version;
        self
    }

    /// The school's (points, applies) on each indicator of `card`, in card
    /// order, `None` where the school's version did not ask it. A file of
    /// `card`'s own version keeps its confirmed score. Another version's
    /// answers are moved to `card` by identity and scored again, and its
    /// check goes with them: a point refused for its evidence, or an
    /// indicator ruled not applicable, stays so under the new rule; a
    /// confirmation adds nothing the answers do not earn.
    pub(crate) fn on_card(
        &self,
        archive: &Archive,
        card: &Card,
    ) -> Option<Vec<Option<(u32, bool)>>> {
        if self.version == card.version && self.seen_as == card.version {
            return Some(
                card.indicators()
                    .map(|i| {
                        let counted = self.score.indicator(&i.code);
                        Some(counted.map_or((0, false), |c| (c.points, c.applies)))
                    })
                    .collect(),
            );
        }
        let entry = archive.entry(&self.submission_id)?;
        let mut draft = entry.opened.payload.to_draft();
        draft.answers = carry_answers(&entry.card, card, &draft.answers).0;
        let rescored = assess(card, &draft);
        let review = archive.review(&self.submission_id);
        let decided =
            |indicator: &Indicator| review.decision(&entry.card.by_key(indicator.key())?.code);
        Some(
            card.indicators()
                .zip(&rescored.indicators)
                .map(|(indicator, r)| {
                    // Not asked by the school's version: nothing to count.
                    entry.card.counterpart(indicator)?;
                    Some(counted(&r.outcome, decided(indicator)))
                })
                .collect(),
        )
    }

    /// A school seen on `card`, another version than the one it filled in
    /// ([`SchoolResult::seen_on`]): the indicators its version judges
    /// otherwise (`otherwise`, [`judged_otherwise`]) are judged again by
    /// `card`'s rules ([`Counted::judged_here`]), so that «выполнили 3 из
    /// 10» under «не менее 40 %» counts no school at 35 % that met its own
    /// version's 30 %, and no such school is named as the example for it.
    /// Its points, total and level stay its version's.
    pub fn judged_on(mut self, archive: &Archive, card: &Card, otherwise: &[bool]) -> Self {
        if !otherwise.contains(&true) {
            return self;
        }
        let Some(here) = self.on_card(archive, card) else {
            return self;
        };
        let again = card.indicators().zip(here).zip(otherwise);
        for ((indicator, here), _) in again.filter(|(_, otherwise)| **otherwise) {
            let Some((points, applies)) = here else {
                continue;
            };
            let met = is_met(points, applies, indicator.points);
            if let Some((_, c)) =
                (self.score.indicators.iter_mut()).find(|(c, _)| *c == indicator.code)
            {
                c.judged_here = Some((met, applies));
            }
        }
        self
    }

    pub fn name(&self) -> &str {
        &self.profile.name
    }

    /// At the low level (as the check counts it).
    pub fn is_low(&self) -> bool {
        self.score.level == Some(Level::Low)
    }

    /// Every point of the indicator counted ([`Counted::met`](crate::department::review::Counted::met)).
    pub fn earned(&self, code: &str) -> bool {
        self.score.indicator(code).is_some_and(|c| c.met())
    }

    /// [`SchoolResult::earned`] by the rules of the card the page shows
    /// ([`Counted::met_here`]).
    pub fn earned_here(&self, code: &str) -> bool {
        self.score.indicator(code).is_some_and(|c| c.met_here())
    }

    /// A row the school's answers kept out of its maximum, counted in by the
    /// check with no point: among [`SchoolResult::refused`], though no
    /// point was claimed, so its advice is the card's, not to remove an
    /// objection to a point.
    pub fn counted_in(&self, code: &str) -> bool {
        self.refusal(code).is_some()
            && self
                .score
                .indicator(code)
                .is_some_and(|c| !c.claimed_applies && c.applies)
    }

    /// The reviewer's comment on a point or value the check did not credit,
    /// or on a row it counted in ([`SchoolResult::counted_in`]); `None`
    /// when the check left the row as the school's answers give it.
    pub fn refusal(&self, code: &str) -> Option<&str> {
        self.refused
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, comment)| comment.as_str())
    }

    /// The check's comment on an indicator it neither refused nor ruled
    /// out ([`SchoolResult::remarks`]).
    pub fn remark(&self, code: &str) -> Option<&str> {
        (self.remarks.iter())
            .find(|(c, _)| c == code)
            .map(|(_, comment)| comment.as_str())
    }

    /// Applies, and not every point of it counted: a banded indicator's
    /// lower band too.
    /// The growth indicators out of this school's maximum for want of last
    /// year's figures: its share is higher than with a nought for them, so
    /// the rating and the report name them.
    pub fn without_last_year(&self) -> Vec<&str> {
        (self.score.indicators.iter())
            .filter(|(_, c)| c.lacks_last_year)
            .map(|(code, _)| code.as_str())
            .collect()
    }

    pub fn missed(&self, code: &str) -> bool {
        self.score.indicator(code).is_some_and(|c| c.short())
    }

    pub fn criterion(&self, code: &str) -> Option<(u32, u32)> {
        self.score
            .criteria
            .iter()
            .find(|c| c.code == code)
            .map(|c| (c.points, c.max_applicable))
    }
}

/// For each indicator of `card`, whether `filled`, another version of it,
/// judges who meets it otherwise: another threshold, band or
/// applicability ([`Comparability::met_comparable`](crate::card::versions::Comparability::met_comparable)),
/// or points where it gave none or none where it gave some (no school
/// meets an indicator without points). `false` where `filled` does not
/// ask it.
pub fn judged_otherwise(filled: &Card, card: &Card) -> Vec<bool> {
    card.indicators()
        .map(|i| {
            filled.counterpart(i).is_some_and(|was| {
                !comparability(filled, card, i).met_comparable()
                    || (was.points == 0) != (i.points == 0)
            })
        })
        .collect()
}

impl OfSchool for SchoolResult {
    fn school(&self) -> &SchoolId {
        &self.school
    }

    fn profile(&self) -> &SchoolProfile {
        &self.profile
    }
}

impl OfSchool for Ranked {
    fn school(&self) -> &SchoolId {
        &self.result.school
    }

    fn profile(&self) -> &SchoolProfile {
        &self.result.profile
    }
}

/// The counted results of the card `card_id` in one period, in no
/// particular order, each under the indicators' codes of the period's card
/// ([`Archive::period_card`]): a school that filled in another version is
/// seen by identity ([`SchoolResult::seen_on`]), so that the matrix, the
/// filters and the letters' examples find its answers under the numbers
/// they show.
pub fn results(archive: &Archive, card_id: &str, period: &str) -> Vec<SchoolResult> {
    let card = archive.period_card(card_id, period);
    // Worked out once per version, not per school.
    let mut otherwise: HashMap<u32, Vec<bool>> = HashMap::new();
    archive
        .current()
        .into_iter()
        .filter(|e| e.card.id == card_id && e.period() == period)
        .map(|e| {
            let result = SchoolResult::of(archive, e);
            match &card {
                Some(card) if card.version != e.card.version => {
                    let otherwise = (otherwise.entry(e.card.version))
                        .or_insert_with(|| judged_otherwise(&e.card, card));
                    result
                        .seen_on(&e.card, card)
                        .judged_on(archive, card, otherwise)
                }
                _ => result,
            }
        })
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
    results.sort_by(|a, b| {
        compare_share(share(b), share(a)).then_with(|| by_name(a.name(), b.name()))
    });
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
    /// Schools that answered «да» to this question of the card's profile:
    /// a level of education, ОВЗ, or a question of the card's own.
    pub profile: Option<ProfileFlag>,
    /// Part of the name, any case.
    pub search: String,
}

impl Filter {
    pub fn matches(&self, r: &SchoolResult) -> bool {
        self.level.is_none_or(|l| r.score.level == Some(l))
            // As «Показатели по муниципалитету» count it.
            && self.indicator.as_ref().is_none_or(|(code, earned)| {
                let counted = r.score.indicator(code);
                match earned {
                    true => counted.is_some_and(|c| c.met_here()),
                    false => counted.is_some_and(|c| c.short_here()),
                }
            })
            && self.criterion.as_ref().is_none_or(|(code, full)| {
                r.criterion(code)
                    .is_some_and(|(p, max)| max > 0 && (p == max) == *full)
            })
            && self.profile.as_ref().is_none_or(|f| f.answer(&r.profile))
            && name_has(r.name(), &self.search)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::letters::{addressee, draft_letter};
    use crate::department::review::{Decision, IndicatorReview};
    use crate::school::profile::SchoolLevel;
    use crate::testkit;

    fn archive() -> Archive {
        testkit::three_schools()
    }

    fn results(archive: &Archive, period: &str) -> Vec<SchoolResult> {
        super::results(archive, DEFAULT_CARD, period)
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
    fn a_review_changes_the_rating() {
        let mut archive = archive();
        let mut review = archive.review("1");
        review.indicators.insert(
            "2.1".into(),
            IndicatorReview {
                decision: Some(Decision::NoPoint),
                comment: "Нет подтверждения на сайте".into(),
                ..IndicatorReview::default()
            },
        );
        archive.reviews.insert("1".into(), review);
        let ranked = rank(results(&archive, "2025/2026"));
        assert_eq!(ranked[0].result.name(), "Школа Б");
        assert_eq!((ranked[1].rank, ranked[1].result.score.total), (2, 3));
        // The refused point carries the reviewer's reason, for the letter.
        assert_eq!(
            ranked[1].result.refused,
            [("2.1".to_owned(), "Нет подтверждения на сайте".to_owned())]
        );
        assert_eq!(
            ranked[1].result.refusal("2.1"),
            Some("Нет подтверждения на сайте")
        );
        assert_eq!(ranked[0].result.refusal("2.1"), None);
    }

    /// «Балл не засчитан» on 2.2, which the school's profile (no pupils
    /// with ОВЗ) rules out, as 4.2: counted in with no point, so 3 of 21
    /// becomes 3 of 22, and asked for its reason like a refused point; the letter
    /// says the row came into the maximum, with the reason.
    #[test]
    fn a_row_the_profile_ruled_out_counted_in_needs_its_reason() {
        let card = testkit::card();
        let mut draft = testkit::draft("Школа А", "2025/2026", &["1.8", "2.1", "3.1"]);
        draft.profile.ovz = false;
        let mut archive = testkit::archive(&card, &[("a", &draft)]);
        let before = &results(&archive, "2025/2026")[0];
        assert_eq!((before.score.total, before.score.max_applicable), (3, 21));
        archive.set_decision("a", "2.2", Some(Decision::NoPoint));
        let now = &results(&archive, "2025/2026")[0];
        assert_eq!((now.score.total, now.score.max_applicable), (3, 22));
        assert_eq!(now.refused, [("2.2".to_owned(), String::new())]);
        assert_eq!(
            now.difference_lines(),
            ["2.2: по ответам школы не применим → засчитано 0 баллов — причина не указана"]
        );
        let letter = draft_letter(&card, now, None, &rank(vec![now.clone()]), &[], None);
        assert!(
            letter.contains(
                "\nПри проверке показатель признан применимым к организации (по её ответам он не \
                 входил в максимум) и учтён с оценкой 0 баллов (причина не указана).\nРекомендация: "
            ),
            "{letter}"
        );
        archive.set_review_comment("a", "2.2", "В школе двое детей с ОВЗ".into());
        let now = &results(&archive, "2025/2026")[0];
        let letter = draft_letter(&card, now, None, &rank(vec![now.clone()]), &[], None);
        assert!(
            letter.contains(&format!(
                "и учтён с оценкой 0 баллов. Замечание проверки: «В школе двое детей с ОВЗ».\n\
                 Рекомендация: {}\n",
                crate::text::with_stop(card.indicator("2.2").unwrap().recommendation.trim())
            )),
            "{letter}"
        );
        // Not a refusal of a point it never claimed: 2.2 is out of the
        // points lost.
        assert_eq!(now.lost, 0);
    }

    /// Each side of a difference in words, a ruling of «не применимо» too.
    #[test]
    fn differences_read_as_sentences() {
        let card = testkit::card();
        let mut archive = testkit::archive(
            &card,
            &[(
                "a",
                &testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]),
            )],
        );
        archive.set_decision("a", "1.8", Some(Decision::NoPoint));
        archive.set_decision("a", "2.1", Some(Decision::NotApplicable));
        archive.set_decision("a", "3.1", Some(Decision::NotApplicable));
        archive.set_review_comment("a", "2.1", "Договор не с ПОО".into());
        let now = results(&archive, "2025/2026");
        assert_eq!(
            now[0].difference_lines(),
            [
                "1.8: заявлено 1 балл → засчитано 0 баллов — причина не указана",
                "2.1: заявлено 1 балл → признан неприменимым — Договор не с ПОО",
                "3.1: заявлено 0 баллов → признан неприменимым",
            ]
        );
        // The letter says why the maximum shrank, where the check said it.
        assert_eq!(
            now[0].ruled,
            [
                ("2.1".to_owned(), "Договор не с ПОО".to_owned()),
                ("3.1".to_owned(), String::new())
            ]
        );
        // A card without points: no points claimed or counted.
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let mut archive = testkit::archive(
            &nv,
            &[("b", &testkit::draft("Школа Б", "2025/2026", &["1.1"]))],
        );
        archive.set_decision("b", "1.2", Some(Decision::NotApplicable));
        let now = super::results(&archive, &nv.id, "2025/2026");
        assert_eq!(
            now[0].difference_lines(),
            ["1.2: по ответам школы применим → признан неприменимым"]
        );
    }

    /// A year of two versions ([`testkit::two_versions`]): schools А and Г
    /// filled in version 1, Б and В version 2. Version 1's 1.8 is
    /// version 2's 1.9; its 2.1 is not asked any more.
    #[test]
    fn a_school_on_another_version_is_seen_under_the_years_numbers() {
        let (v1, v2) = testkit::two_versions();
        let year = "2025/2026";
        let mut archive = testkit::archive_of(&[
            (&v1, "a", &testkit::draft("Школа А", year, &["1.8", "2.1"])),
            (&v2, "b", &testkit::draft("Школа Б", year, &["1.9"])),
            (&v2, "c", &testkit::draft("Школа В", year, &[])),
            (&v1, "d", &testkit::draft("Школа Г", year, &["1.8", "2.1"])),
        ]);
        archive.set_decision("d", "1.8", Some(Decision::NoPoint));
        archive.set_review_comment("d", "1.8", "Ссылка не открывается".into());
        archive.set_decision("d", "2.1", Some(Decision::NoPoint));
        archive.set_review_comment("d", "2.1", "Нет договора".into());
        let rating = rank(super::results(&archive, &v1.id, year));
        let school = |name: &str| testkit::ranked(&rating, name);
        let (a, d) = (school("Школа А"), school("Школа Г"));
        assert!(a.earned("1.9"));
        assert_eq!(
            a.score.indicator("2.1"),
            None,
            "a fact is not the count 2.1 asks for"
        );
        assert_eq!(d.refusal("1.9"), Some("Ссылка не открывается"));
        assert!(d.missed("1.9"));
        assert_eq!(
            (a.version, d.version),
            (1, 1),
            "the version filled in stays"
        );
        // The rating's filter finds the schools that earned 1.9 on either version.
        let earned = Filter {
            indicator: Some(("1.9".into(), true)),
            ..Filter::default()
        };
        let names: Vec<&str> = (rating.iter().map(|r| &r.result))
            .filter(|r| earned.matches(r))
            .map(SchoolResult::name)
            .collect();
        assert_eq!(names, ["Школа А", "Школа Б"]);
        // The matrix: А's 1.9 is its 1.8; its 2.1, another kind there, is
        // said not to be in its version, as the drawn matrix says.
        let matrix = crate::department::tables::matrix_table(&v2, &rating, year);
        let at = |code: &str| {
            let h = format!("п. {code}, баллы из 1");
            matrix.headers.iter().position(|x| *x == h).unwrap()
        };
        let row = (matrix.rows.iter())
            .find(|r| r[0] == crate::export::Cell::Text("Школа А".into()))
            .unwrap();
        assert_eq!(row[at("1.9")], crate::export::Cell::Int(1));
        assert_eq!(
            row[at("2.1")],
            crate::export::Cell::Text("нет в версии школы".into())
        );
        // В missed 1.9: its letter names А, on version 1, among the examples.
        let letter = draft_letter(&v2, school("Школа В"), None, &rating, &[], None);
        let line = letter
            .lines()
            .find(|l| l.contains("Школа Б"))
            .expect("examples for 1.9");
        assert!(line.contains("Школа А"), "{line}");
        // Г's letter speaks its own version: its numbers, and the refusal
        // of 2.1, which version 2 asks otherwise; А and Б are the examples
        // for its 1.8.
        let to = addressee(&archive, d, &rating).unwrap();
        let letter = draft_letter(
            &to.card,
            &to.school,
            Some(&to.answers),
            &to.rating,
            &[],
            None,
        );
        assert!(letter.contains(", версия 1."), "{letter}");
        for said in [
            "\n1.8. ",
            "«Ссылка не открывается»",
            "\n2.1. ",
            "«Нет договора»",
        ] {
            assert!(letter.contains(said), "{said}: {letter}");
        }
        let examples = (letter.lines())
            .skip_while(|l| !l.starts_with("1.8. "))
            .find(|l| l.starts_with("Опытом"))
            .unwrap();
        assert!(
            examples.contains("Школа А") && examples.contains("Школа Б"),
            "{examples}"
        );
        // А, on version 1 too, earned the 2.1 version 2 no longer asks:
        // it is Г's example there, its answer read from its own file.
        let examples = (letter.lines())
            .skip_while(|l| !l.starts_with("2.1. "))
            .find(|l| l.starts_with("Опытом"))
            .unwrap();
        assert!(examples.contains("Школа А"), "{examples}");
        // All the letters at once read the same.
        let year: Vec<SchoolResult> = rating.iter().map(|r| r.result.clone()).collect();
        let figures = crate::department::figures::figures(&archive, &v2, &year);
        let municipal = crate::department::letters::Municipal {
            card: &v2,
            figures: &figures,
        };
        let all =
            crate::department::letters::every_school_letter(&archive, municipal, &rating, None);
        // The letter as sent also says which version the year is summed
        // up by, under its opening.
        let told = letter.replacen(
            ", версия 1.\n\n",
            ", версия 1.\n\nОрганизация заполнила версию 1 карты, а в мониторинге этого года \
             действует версия 2. Рекомендации ниже — по версии 1; следующую карту заполните по \
             версии 2.\n\n",
            1,
        );
        assert_ne!(told, letter);
        assert!(all.contains(&told), "{all:?}");
        // The report counts both refused points, 2.1's too.
        let summary =
            crate::department::report::review_summary(&v2, rating.iter().map(|r| &r.result));
        assert!(
            summary.ends_with("баллов, заявленных школами: 2 (у 1 школы)."),
            "{summary}"
        );
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
        let flags = testkit::card().profile_flags().into_owned();
        let with_soo = Filter {
            profile: flags.into_iter().find(|f| f.key == SchoolLevel::Soo.key()),
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

    /// A card's own profile question filters too: «нет» leaves a school
    /// out; a school that left it unanswered is counted as «да», as its
    /// indicators are.
    #[test]
    fn a_cards_own_profile_question_filters() {
        let mut card = testkit::card();
        let cadets = crate::card::ProfileFlag {
            key: "cadets".into(),
            label: "Есть кадетский класс".into(),
        };
        card.profile = crate::card::ProfileFlag::standard();
        card.profile.push(cadets.clone());
        let year = "2025/2026";
        let answered = |name: &str, yes: Option<bool>| {
            let mut d = testkit::draft(name, year, &[]);
            if let Some(yes) = yes {
                d.profile.flags.insert("cadets".into(), yes);
            }
            d
        };
        let (a, b, c) = (
            answered("Школа А", Some(true)),
            answered("Школа Б", Some(false)),
            answered("Школа В", None),
        );
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b), ("c", &c)]);
        let filter = Filter {
            profile: Some(cadets),
            ..Filter::default()
        };
        let mut names: Vec<String> = super::results(&archive, &card.id, year)
            .into_iter()
            .filter(|r| filter.matches(r))
            .map(|r| r.name().to_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["Школа А", "Школа В"]);
    }
    /// A year of two versions, shown on version 2 (1.1 «не менее 50 %»):
    /// А filled version 1 at 45 % (met its own 30 %), В version 1 at 55 %,
    /// Б version 2 at 60 %, Г version 2 at 10 %. 1.1 is met by 2 of 4 by
    /// the rule shown, not 3; А keeps its point in its own total, and is
    /// not named to Г as the example for 1.1.
    #[test]
    fn who_met_an_indicator_is_judged_by_the_rule_shown() {
        let v1 = testkit::card();
        let v2 = testkit::first_threshold_at_50(&v1);
        let school = |name: &str, n: &str| {
            let mut d = testkit::draft(name, "2025/2026", &[]);
            d.answers.insert("1.1".into(), testkit::share(n, "100"));
            d
        };
        let archive = testkit::archive_of(&[
            (&v1, "a", &school("Школа А", "45")),
            (&v2, "b", &school("Школа Б", "60")),
            (&v1, "c", &school("Школа В", "55")),
            (&v2, "d", &school("Школа Г", "10")),
        ]);
        let results = super::results(&archive, &v1.id, "2025/2026");
        let a = results.iter().find(|r| r.name() == "Школа А").unwrap();
        assert!(a.other_version());
        assert_eq!(a.score.total, 1, "its own version's point");
        assert!(a.earned("1.1") && !a.earned_here("1.1"));
        let f = crate::department::figures::figures(&archive, &v2, &results);
        let first = &f.indicators[0];
        assert_eq!(
            (first.code.as_str(), first.earned, first.applicable),
            ("1.1", 2, 4)
        );
        // The report says how the two schools of version 1 are read.
        assert!(
            crate::department::report::intro("2025/2026", &v2, &f).ends_with(
                " Версию 1 карты, а не версию 2, заполнили 2 организации: их баллы и уровни — по \
             правилам версии 1, а выполнение показателей, которые версии оценивают по-разному, — \
             по правилам версии 2."
            )
        );
        // One school: «её».
        let one = testkit::archive_of(&[
            (&v1, "a", &school("Школа А", "45")),
            (&v2, "b", &school("Школа Б", "60")),
        ]);
        let f1 = crate::department::figures::figures(
            &one,
            &v2,
            &super::results(&one, &v1.id, "2025/2026"),
        );
        assert!(
            crate::department::report::intro("2025/2026", &v2, &f1).ends_with(
                " Версию 1 карты, а не версию 2, заполнила 1 организация: её баллы и уровень — по \
             правилам версии 1, а выполнение показателей, которые версии оценивают по-разному, — \
             по правилам версии 2."
            )
        );
        let rating = rank(results);
        let g = &rating
            .iter()
            .find(|r| r.result.name() == "Школа Г")
            .unwrap()
            .result;
        let letter = draft_letter(&v2, g, None, &rating, &[], None);
        assert!(
            letter.contains("могут поделиться: Школа В; Школа Б.\n"),
            "{letter}"
        );
    }
    /// 1.8 gave no points on version 1 and one on version 2: nobody could
    /// meet it on version 1, so a school of version 1 that answered «да»
    /// is judged by version 2, and meets it there.
    #[test]
    fn points_that_appeared_are_judged_by_the_card_shown() {
        let v1 = testkit::card_without_points("1.8");
        let mut v2 = testkit::card();
        v2.version = 2;
        let otherwise = judged_otherwise(&v1, &v2);
        let at = |code: &str| v2.indicators().position(|i| i.code == code).unwrap();
        assert!(otherwise[at("1.8")] && !otherwise[at("2.1")]);
        let archive = testkit::archive_of(&[
            (&v1, "a", &testkit::draft("Школа А", "2025/2026", &["1.8"])),
            (&v2, "b", &testkit::draft("Школа Б", "2025/2026", &[])),
        ]);
        let results = super::results(&archive, &v1.id, "2025/2026");
        let a = results.iter().find(|r| r.name() == "Школа А").unwrap();
        assert!(!a.earned("1.8") && a.earned_here("1.8"));
    }

    /// A school's draft for `period` with `inn` in the identifier box.
    fn with_inn(name: &str, period: &str, inn: &str) -> crate::school::draft::Draft {
        let mut d = testkit::draft(name, period, &[]);
        d.profile.identifier = inn.into();
        d
    }

    /// The ИНН given one year and not the other: the same school by its
    /// name and municipality, when they name one school each year; two
    /// ИНН, or two schools of one name, are not guessed at.
    #[test]
    fn a_school_without_its_inn_one_year_is_paired_by_name() {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("a1", &with_inn("Школа А", "2024/2025", "6658001234")),
                ("a2", &with_inn("Школа А", "2025/2026", "")),
                ("b1", &with_inn("Школа Б", "2024/2025", "111")),
                ("b2", &with_inn("Школа Б", "2025/2026", "222")),
                ("c1", &with_inn("Школа В", "2024/2025", "")),
                ("c2", &with_inn("Школа В", "2025/2026", "")),
                ("d1", &with_inn("Школа Г", "2024/2025", "")),
                ("d2", &with_inn("Школа Г", "2025/2026", "333")),
                ("d3", &with_inn("Школа Г", "2025/2026", "444")),
                // «—» typed in the box is no ИНН, as the identity reads it.
                ("e1", &with_inn("Школа Д", "2024/2025", "—")),
                ("e2", &with_inn("Школа Д", "2025/2026", "777")),
            ],
        );
        let (before, after) = (
            results(&archive, "2024/2025"),
            results(&archive, "2025/2026"),
        );
        let mut paired: Vec<(&str, &str)> =
            crate::department::school::pair_schools(&archive.roster, &before, &after)
                .into_iter()
                .map(|(was, now)| (was.submission_id.as_str(), now.submission_id.as_str()))
                .collect();
        paired.sort();
        // А by its name; В by its identity; Б (two ИНН) and Г (two schools
        // of that name this year) not.
        assert_eq!(paired, [("a1", "a2"), ("c1", "c2"), ("e1", "e2")]);
        // The review's file of last year is found the same way.
        let last = |id: &str| {
            crate::department::last_year::last_year_entry(&archive, archive.entry(id).unwrap())
                .map(|e| e.id().to_owned())
        };
        assert_eq!(last("a2").as_deref(), Some("a1"));
        assert_eq!(last("b2"), None);
        assert_eq!(last("d2"), None, "two schools of that name this year");
        assert_eq!(last("e2").as_deref(), Some("e1"));
    }

    /// A school renamed without an ИНН («МБОУ» become «МАОУ») is one
    /// school across the years once the coordinator placed its file on
    /// «Школы»; two ИНН are one school only when the coordinator said so.
    #[test]
    fn the_coordinators_list_pairs_a_renamed_school() {
        let card = testkit::card();
        let mut archive = testkit::archive(
            &card,
            &[
                ("a1", &with_inn("МБОУ СОШ № 7", "2024/2025", "")),
                ("a2", &with_inn("МАОУ «СОШ № 7»", "2025/2026", "")),
                ("b1", &with_inn("Школа Б", "2024/2025", "111")),
                ("b2", &with_inn("Школа Б", "2025/2026", "222")),
            ],
        );
        let paired = |archive: &Archive| {
            let (before, after) = (
                super::results(archive, &card.id, "2024/2025"),
                super::results(archive, &card.id, "2025/2026"),
            );
            let mut ids: Vec<String> =
                crate::department::school::pair_schools(&archive.roster, &before, &after)
                    .into_iter()
                    .map(|(was, now)| format!("{}→{}", was.submission_id, now.submission_id))
                    .collect();
            ids.sort();
            ids
        };
        assert!(paired(&archive).is_empty(), "no list, no pairs");
        // The list names both schools as last year did; the renamed file
        // owned by no row yet, and Б's two ИНН both owned by its row.
        archive.roster.add("МБОУ СОШ №7").unwrap();
        archive.roster.add("Школа Б").unwrap();
        assert!(paired(&archive).is_empty(), "{:?}", paired(&archive));
        let placed = |archive: &mut Archive, id: &str, name: &str| {
            let school = archive.entry(id).unwrap().school.clone();
            archive.roster.place(school, name);
        };
        placed(&mut archive, "a2", "МБОУ СОШ №7");
        assert_eq!(paired(&archive), ["a1→a2"]);
        let last = |archive: &Archive, id: &str| {
            crate::department::last_year::last_year_entry(archive, archive.entry(id).unwrap())
                .map(|e| e.id().to_owned())
        };
        assert_eq!(last(&archive, "a2").as_deref(), Some("a1"));
        assert_eq!(last(&archive, "b2"), None);
        placed(&mut archive, "b2", "Школа Б");
        assert_eq!(paired(&archive), ["a1→a2", "b1→b2"]);
        assert_eq!(last(&archive, "b2").as_deref(), Some("b1"));
    }
}
