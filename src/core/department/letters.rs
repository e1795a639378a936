//! Targeted recommendations (адресные рекомендации): a letter per school,
//! drafted from the indicators it missed and the measures addressed to it,
//! a letter to a target group of participants across schools (seed 003
//! §3.7), and one to the schools at a level of effectiveness, named by
//! their own weak spots. The coordinator edits the draft before printing; the edited text
//! is kept in the archive, the draft is only the starting point.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::card::versions::{comparability, Change, Comparability};
use crate::card::{Card, Indicator, Level, Rule};
use crate::department::archive::Archive;
use crate::department::figures::{describe_value, weak_spots, Aggregate, Figures, WeakSpots};
use crate::department::measures::{addressed_to, Audience, Measure, TargetGroup};
use crate::department::report::in_name_order;
use crate::department::results::{Ranked, SchoolResult};
use crate::department::review::{Confirmed, ReviewStatus};
use crate::department::school::pair_schools;
use crate::school::plan::PlanRow;
use crate::scoring::explain::{explain, named_errors};
use crate::scoring::{Assessment, Detail, Growth, IndicatorResult, Outcome};
pub use values::Municipal;

mod values;

use crate::text::{
    by_name, group_digits, lower_first, noted, part_of, percent, plural, points, quoted,
    tenths_percent, tied, with_stop,
};

/// How many schools a letter names as examples for one indicator.
const PEERS_PER_INDICATOR: usize = 3;

/// What the school is asked to do with the advice on the indicators
/// `which` names: the plan of its card of `period` (seed 003 §3.6), which
/// next year's card sets beside the rows it targets, and how the letter's
/// file fills it in.
fn plan_request(period: &str, which: &str) -> String {
    format!(
        "\nПросим включить мероприятия по {which} в план мероприятий по повышению \
         эффективности (раздел карты за {period} учебный год) и выгрузить карту с планом заново. \
         Если вместе с письмом получен файл рекомендаций, откройте его в Профкарте кнопкой \
         «Открыть файл рекомендаций отдела…» в разделе «План мероприятий по повышению \
         эффективности»: мероприятия будут добавлены в план автоматически.\n"
    )
}

/// The signature and date lines a letter ends with.
pub const SIGNATURE: &str = "\nРуководитель ____________________ / ____________________ /\n\
                         Дата ____________\n";

/// What a school's letter is drafted from: the version of the card it
/// filled in, its result under that version's numbers, and the year's
/// rating seen the same way. A school still on an older version reads its
/// own numbers and wordings, hears of an indicator the year's version no
/// longer asks, and gets a plan that names indicators as its draft does.
pub struct Addressee<'a> {
    pub card: Arc<Card>,
    pub school: Cow<'a, SchoolResult>,
    pub rating: Cow<'a, [Ranked]>,
    /// Its answers as its file gives them, scored: what the letter and the
    /// plan say of each missed indicator.
    pub answers: Assessment,
}

/// The [`Addressee`] of `school`, one of the year's `rating`.
pub fn addressee<'a>(
    archive: &Archive,
    school: &'a SchoolResult,
    rating: &'a [Ranked],
) -> Option<Addressee<'a>> {
    addressee_with(archive, school, rating, |own| {
        Cow::Owned(rating_on(archive, rating, own))
    })
}

/// [`addressee`], with `other` giving the rating as another version than
/// the year's numbers it.
fn addressee_with<'a>(
    archive: &Archive,
    school: &'a SchoolResult,
    rating: &'a [Ranked],
    other: impl FnOnce(&Card) -> Cow<'a, [Ranked]>,
) -> Option<Addressee<'a>> {
    let entry = archive.entry(&school.submission_id)?;
    let own = Arc::clone(&entry.card);
    let answers = entry.assessment.clone();
    if school.seen_as == own.version {
        return Some(Addressee {
            card: own,
            school: Cow::Borrowed(school),
            rating: Cow::Borrowed(rating),
            answers,
        });
    }
    Some(Addressee {
        school: Cow::Owned(SchoolResult::of(archive, entry)),
        rating: other(&own),
        card: own,
        answers,
    })
}

/// `rating` as `own`, a version of its card, numbers it: each school's
/// result read again from its file, and moved by identity only where the
/// school filled in another version. Moved back from the year's version, a
/// school on `own` would lose what the year's version does not ask.
fn rating_on(archive: &Archive, rating: &[Ranked], own: &Card) -> Vec<Ranked> {
    (rating.iter())
        .map(|r| {
            let result = match archive.entry(&r.result.submission_id) {
                Some(e) if e.card.version == own.version => SchoolResult::of(archive, e),
                Some(e) => SchoolResult::of(archive, e).seen_on(&e.card, own),
                None => r.result.clone(),
            };
            Ranked {
                rank: r.rank,
                result,
            }
        })
        .collect()
}

/// The drafted letter of `school`, one of the year's `rating` on `card`:
/// in the version it filled in ([`addressee`]), with the department's
/// measures addressed to it and, from `last_year` (that year's card and
/// results), what it missed then too. `None` when its file is gone.
pub fn school_letter(
    archive: &Archive,
    municipal: Municipal,
    school: &SchoolResult,
    rating: &[Ranked],
    last_year: Option<(&Card, &[SchoolResult])>,
) -> Option<String> {
    let to = addressee(archive, school, rating)?;
    let last_year = last_year_of(archive, &to, last_year);
    Some(letter_to(archive, municipal, &to, last_year))
}

fn letter_to(
    archive: &Archive,
    municipal: Municipal,
    to: &Addressee,
    last_year: Option<LastYear>,
) -> String {
    let measures = addressed_to(&archive.measures, &municipal.card.id, &to.school);
    let text = match to.card.has_points() {
        false => values_letter(&to.card, to, municipal, &measures, last_year.as_ref()),
        true => draft_letter(
            &to.card,
            &to.school,
            Some(&to.answers),
            &to.rating,
            &measures,
            last_year,
        ),
    };
    // A school that filled another version than the year's hears which
    // one the department sums up by, and which to fill in next, under the
    // letter's opening.
    let (own, current) = (to.card.version, municipal.card.version);
    if to.card.id != municipal.card.id || own == current {
        return text;
    }
    let head = opening(&to.card, &to.school);
    text.replacen(
        &head,
        &format!(
            "{head}Организация заполнила версию {own} карты, а в мониторинге этого года действует \
             версия {current}. Рекомендации ниже — по версии {own}; следующую карту заполните по \
             версии {current}.\n\n"
        ),
        1,
    )
}

/// The letter of a card without points ([`values`]).
fn values_letter(
    card: &Card,
    to: &Addressee,
    municipal: Municipal,
    measures: &[&Measure],
    last_year: Option<&LastYear>,
) -> String {
    let found = values::values(card, &to.school, Some(&to.answers), municipal, last_year);
    let mut text = opening(card, &to.school);
    text.push_str(&values::body(&found, &to.school));
    // The blank ones have their own request, to fill them in.
    if found.rows.iter().any(|r| r.advice.is_some()) {
        // After the values not singled out: «этим» would take them in.
        let period = to.school.profile.period.trim();
        text.push_str(&plan_request(period, "показателям с рекомендациями"));
    }
    text.push_str(&measures_text(card, measures));
    text.push_str(SIGNATURE);
    text
}

/// The first line of a school's letter and of a letter across schools: the
/// letter's title, set as one in Word ([`TITLES`]).
const SCHOOL_TITLE: &str = "Адресные рекомендации по итогам мониторинга профориентационной работы";
const GROUP_TITLE: &str = "Рекомендации по итогам мониторинга профориентационной работы";
/// The lines that open a letter's title.
pub const TITLES: [&str; 2] = [SCHOOL_TITLE, GROUP_TITLE];

/// A school's letter's first lines: the year, the school, the card.
fn opening(card: &Card, school: &SchoolResult) -> String {
    format!(
        "{SCHOOL_TITLE}\nза {} учебный год\n\n{}\n\nКарта мониторинга: {}, версия {}.\n\n",
        school.profile.period.trim(),
        tied(school.name()),
        quoted(card.title.trim()),
        card.version
    )
}

/// Every school's letter of the year, by name, as the coordinator has it:
/// her edit where she made one, else the draft ([`school_letter`]). The
/// rating as another version numbers it is built once per version, not
/// once per school.
pub fn every_school_letter(
    archive: &Archive,
    municipal: Municipal,
    rating: &[Ranked],
    last_year: Option<(&Card, &[SchoolResult])>,
) -> Vec<String> {
    let mut schools: Vec<&SchoolResult> = rating.iter().map(|r| &r.result).collect();
    schools.sort_by(|a, b| by_name(a.name(), b.name()));
    // The years paired once for every letter: paired per letter, with the
    // coordinator's list read each time, 2 000 letters took seconds.
    let was: HashMap<&str, &SchoolResult> = match last_year {
        Some((_, before)) => (pair_schools(&archive.roster, before, rating).into_iter())
            .map(|(was, now)| (now.result.submission_id.as_str(), was))
            .collect(),
        None => HashMap::new(),
    };
    let mut on: HashMap<u32, Vec<Ranked>> = HashMap::new();
    for school in &schools {
        if let Some(e) = archive.entry(&school.submission_id) {
            if school.seen_as != e.card.version {
                on.entry(e.card.version)
                    .or_insert_with(|| rating_on(archive, rating, &e.card));
            }
        }
    }
    schools
        .into_iter()
        .filter_map(|school| match archive.letter(&school.submission_id) {
            Some(edited) => Some(edited.clone()),
            None => {
                let to = addressee_with(archive, school, rating, |own| {
                    Cow::Borrowed(on[&own.version].as_slice())
                })?;
                let last = last_year.and_then(|(card, _)| {
                    let result = was.get(school.submission_id.as_str())?;
                    Some(last_year_from(archive, card, result))
                });
                Some(letter_to(archive, municipal, &to, last))
            }
        })
        .collect()
}

/// The addressee's year before among `last_year`'s results (that year's
/// card and results), when it sent a card then: paired with this year's
/// schools as the years are ([`pair_schools`]), so that no two schools
/// of one name take the same last year.
pub fn last_year_of<'a>(
    archive: &'a Archive,
    to: &Addressee,
    last_year: Option<(&'a Card, &'a [SchoolResult])>,
) -> Option<LastYear<'a>> {
    let (card, before) = last_year?;
    let school: &SchoolResult = &to.school;
    let in_rating = (pair_schools(&archive.roster, before, &to.rating).into_iter())
        .find(|(_, now)| now.result.submission_id == school.submission_id)
        .map(|(was, _)| was);
    // A school the rating given does not hold is paired alone.
    let result = in_rating.or_else(|| {
        let alone = pair_schools(&archive.roster, before, std::slice::from_ref(school));
        alone.first().map(|(was, _)| *was)
    })?;
    Some(last_year_from(archive, card, result))
}

/// The school's year before from its `result` of that year, on `card`.
fn last_year_from<'a>(
    archive: &'a Archive,
    card: &'a Card,
    result: &'a SchoolResult,
) -> LastYear<'a> {
    let entry = archive.entry(&result.submission_id);
    LastYear {
        card,
        result,
        filed: entry.map(|e| (&*e.card, &e.assessment)),
        plan: entry.map_or(&[], |e| &e.opened.payload.plan),
        measures: addressed_to(&archive.measures, &card.id, result),
    }
}

/// A year's total as the letter gives it: «16 баллов из 23 (69,6 %)».
fn total_said(score: &Confirmed) -> String {
    format!(
        "{} из {} ({})",
        points(u64::from(score.total)),
        score.max_applicable,
        percent(u64::from(score.total), u64::from(score.max_applicable))
    )
}

/// «, <what> — средняя» after a total, or nothing on a card without levels.
fn level_said(card: &Card, score: &Confirmed, what: &str) -> String {
    match card.levels {
        None => String::new(),
        Some(_) => format!(
            ", {what} — {}",
            score.level.map_or("не определена", |l| l.label())
        ),
    }
}

/// A school's year before, as its letter looks back on it.
pub struct LastYear<'a> {
    /// The card of that year, whose numbers `result` is seen under.
    pub card: &'a Card,
    pub result: &'a SchoolResult,
    /// The school's file of that year: its own card version and answers.
    pub filed: Option<(&'a Card, &'a Assessment)>,
    /// The plan of that file, its indicators numbered as its version does.
    pub plan: &'a [PlanRow],
    /// The department's measures taken on that year and addressed to it.
    pub measures: Vec<&'a Measure>,
}

impl<'a> LastYear<'a> {
    /// What was set in motion on the indicator `key` after that year, when
    /// it was not met then: the school's planned measures and the
    /// department's. Missed again, the cycle did not close for it, and the
    /// letter asks why (a walk-through's letter repeated «не выполнен и в
    /// прошлом году» of a school that had planned and taken courses on it).
    /// On a card without points nothing is met: its letter asks where the
    /// value is singled out again.
    fn steps(&self, key: &str) -> Option<String> {
        let then = self.card.by_key(key)?;
        if self.result.earned(&then.code) {
            return None;
        }
        let planned: Vec<String> = self.planned(key).into_iter().map(quoted).collect();
        let taken: Vec<String> = self.measures_on(key).iter().map(|m| m.named()).collect();
        let mut parts = Vec::new();
        if !planned.is_empty() {
            parts.push(format!(
                "в плане мероприятий организации — {}",
                planned.join("; ")
            ));
        }
        match taken.len() {
            0 => {}
            1 => parts.push(format!("муниципальная мера — {}", taken[0])),
            _ => parts.push(format!("муниципальные меры — {}", taken.join("; "))),
        }
        // «Намеченное» fits one step and many, a plan's row and a measure.
        // A point still missed is not «no result»: the report counts a
        // planned measure as one when its target's share rose, below the
        // threshold too, and the two read as contradicting each other. A
        // value is advised on when it fell: that is no result.
        let missed = match self.own().has_points() {
            true => "не привело к выполнению показателя",
            false => "не дало результата",
        };
        (!parts.is_empty()).then(|| {
            format!(
                "По показателю после прошлого года было намечено: {}. Просим проанализировать, \
                 почему намеченное {missed}, и учесть это в новом плане.",
                parts.join("; ")
            )
        })
    }

    /// The school's own version of that year's card, whose codes its plan
    /// names.
    fn own(&self) -> &'a Card {
        self.filed.map_or(self.card, |(own, _)| own)
    }

    /// The department's measures of that year on the indicator `key`.
    fn measures_on(&self, key: &str) -> Vec<&'a Measure> {
        (self.measures.iter().copied())
            .filter(|m| m.indicators.iter().any(|k| k == key))
            .collect()
    }

    /// The school's own planned rows on the indicator `key` after a year
    /// it did not meet it, as [`LastYear::steps`] names them. Its part in a
    /// measure named beside them, as its letter file wrote the row
    /// («Участие: курсы …»), is that measure: named once (a walk-through's
    /// letter gave it twice).
    fn planned(&self, key: &str) -> Vec<&'a str> {
        if (self.card.by_key(key)).is_none_or(|then| self.result.earned(&then.code)) {
            return Vec::new();
        }
        let parts: Vec<String> = self
            .measures_on(key)
            .into_iter()
            .map(school_part_row)
            .collect();
        self.own().by_key(key).map_or_else(Vec::new, |i| {
            (self.plan.iter())
                .map(|r| (r, r.measure.trim()))
                .filter(|(r, m)| r.indicators.contains(&i.code) && !m.is_empty())
                .filter(|(_, m)| !parts.iter().any(|p| p == m))
                .map(|(_, m)| m)
                .collect()
        })
    }

    /// Whether `advice` on the indicator `key` is one the school already
    /// planned on after that year ([`LastYear::planned`]).
    pub(super) fn planned_again(&self, key: &str, advice: &str) -> bool {
        (self.planned(key).iter()).any(|m| same_words(m, advice))
    }
}

/// «Рекомендация: …» under an indicator, or, where the school already
/// planned the very advice after last year's letter and it is quoted in
/// the steps above ([`LastYear::planned_again`]), a pointer to it.
pub(super) fn advice_line(advice: &str, again: bool) -> String {
    match again {
        true => "Рекомендация: та же, что и в прошлом году (она приведена выше, в плане \
                 организации); по итогам анализа дополнить её другими мероприятиями.\n"
            .to_owned(),
        false => format!("Рекомендация: {}\n", with_stop(advice)),
    }
}

/// Two wordings of one step: a plan's row as the school kept or retyped
/// it, and a letter's advice, apart from case, spacing and a final stop.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        (s.trim().trim_end_matches('.').split_whitespace())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// A school's plan row for its part in measure `m`, as its letter file
/// writes it: «Участие: семинар «…»».
fn school_part_row(m: &Measure) -> String {
    format!("{}: {}", m.kind.school_part(), m.named())
}

/// Drafts the letter for `school`; `rating` is the period's rating, best
/// first, from which schools that earned a missed point are named;
/// `measures` are the department's measures addressed to the school;
/// `last_year`, the school's year before, when it sent a card: an
/// indicator missed both years is said to be.
pub fn draft_letter(
    card: &Card,
    school: &SchoolResult,
    answers: Option<&Assessment>,
    rating: &[Ranked],
    measures: &[&Measure],
    last_year: Option<LastYear>,
) -> String {
    let score = &school.score;
    let mut text = opening(card, school);
    let level = level_said(card, score, "эффективность профориентационной работы");
    // Until the department has checked the card, the figures are the
    // school's own.
    let basis = match school.status {
        ReviewStatus::Checked => "По итогам проверки карты",
        ReviewStatus::InReview => {
            "По предварительным итогам проверки карты (проверка не завершена)"
        }
        // Not the school's own figures when its file counted otherwise.
        ReviewStatus::Received if school.mismatch => {
            "По ответам организации, пересчитанным отделом (карта ещё не проверена),"
        }
        ReviewStatus::Received => "По самооценке (карта ещё не проверена отделом)",
    };
    text.push_str(&format!(
        "{basis} организация набрала {}{level}.\n\n",
        total_said(score)
    ));
    // The school's own file said otherwise: it would read the figure
    // above as an error.
    if school.mismatch {
        let differs = school.claimed.map_or_else(
            || "Итоги по критериям или уровень в выгрузке организации расходятся".to_owned(),
            |(total, max)| {
                format!(
                    "В выгрузке организации указано {} из {}: это расходится",
                    points(u64::from(total)),
                    max
                )
            },
        );
        text.push_str(&format!(
            "{differs} с пересчётом её ответов по правилам карты. Итоги в письме рассчитаны \
             отделом по ответам организации.\n\n"
        ));
    }
    // Where it stood a year before, after this year's figure and what is
    // said of it: the letter said what changed in each indicator but not
    // in the whole (a methodologist's reading).
    if let Some(last) = (last_year.as_ref()).filter(|l| card.has_points() && l.card.has_points()) {
        let was = &last.result.score;
        text.push_str(&format!(
            "В {} учебном году — {}{}.\n\n",
            last.result.profile.period,
            total_said(was),
            level_said(last.card, was, "эффективность")
        ));
    }
    // Ruled not applicable at the check: the school claimed it, and would
    // not otherwise know why its maximum shrank.
    // With the reviewer's reason where one was written, as a refused point
    // has it.
    let ruled_out: Vec<String> = (school.ruled.iter())
        .map(|(code, comment)| match comment.as_str() {
            "" => code.clone(),
            why => format!(
                "{code} (замечание проверки: {})",
                quoted(why.trim_end_matches('.'))
            ),
        })
        .collect();
    match ruled_out.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "При проверке показатель {one} признан неприменимым к организации: он не учитывается \
             ни в набранных баллах, ни в максимуме.\n\n"
        )),
        many => text.push_str(&format!(
            "При проверке показатели {} признаны неприменимыми к организации: они не учитываются \
             ни в набранных баллах, ни в максимуме.\n\n",
            many.join(", ")
        )),
    }
    // Out of the maximum for want of last year's figures: not missed, so
    // in no list below, and the school would not know why its maximum
    // shrank, nor that next time the figures earn the point.
    let without_last_year: Vec<&str> = (school.score.indicators.iter())
        .filter(|(_, c)| c.lacks_last_year)
        .map(|(code, _)| code.as_str())
        .collect();
    match without_last_year.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "Показатель {one} не вошёл в максимум: организация не указала данные прошлого года, \
             и рост не с чем сравнить. Укажите их в следующей выгрузке.\n\n"
        )),
        many => text.push_str(&format!(
            "Показатели {} не вошли в максимум: организация не указала данные прошлого года, \
             и рост не с чем сравнить. Укажите их в следующей выгрузке.\n\n",
            many.join(", ")
        )),
    }
    // An informational indicator is never missed, so in no list below; an
    // answer to one with an error counts in no municipal value, and the
    // school would not know (a walk-through: «−5 из 600» said nothing).
    for indicator in card.indicators().filter(|i| i.points == 0) {
        let result = answer_to(answers, indicator);
        if let Some(r) = result.filter(|r| matches!(r.outcome, Outcome::Invalid)) {
            text.push_str(&format!(
                "Данные показателя {} заполнены с ошибкой и не учтены в значениях по \
                 муниципалитету: {} Исправьте их в следующей выгрузке.\n\n",
                indicator.code,
                named_errors(indicator, r).join(" ")
            ));
        }
    }
    // An informational indicator is never missed: it has no target.
    let missed: Vec<_> = card
        .scored_indicators()
        .filter(|i| school.missed(&i.code))
        .collect();
    let others = other_remarks(card, school, &missed);
    if missed.is_empty() {
        text.push_str(
            "Все применимые показатели выполнены. Рекомендуем поделиться опытом \
             с образовательными организациями муниципалитета.\n",
        );
        text.push_str(&others);
        text.push_str(&measures_text(card, measures));
        text.push_str(SIGNATURE);
        return text;
    }
    text.push_str("Рекомендуем обратить внимание на невыполненные показатели.\n");
    for indicator in missed {
        text.push_str(&format!(
            "\n{}. {}\n",
            indicator.code,
            indicator.text.trim()
        ));
        // Missed again, the cycle did not close for it; met last year, a
        // point was lost. The letter says which, with last year's share
        // where there is one, so that a fall shows. The figure is read
        // from the file's own card, found by the key: filled in another
        // version, its code may be another indicator's.
        let last = last_year.as_ref().and_then(|last| {
            let o = last.card.by_key(indicator.key())?;
            let counted = last.result.score.indicator(&o.code)?;
            // (As said alone, as said beside last year's other target: «и»
            // there would say the same target missed twice.)
            let said = if last.result.earned(&o.code) {
                ("В прошлом году был выполнен", "В прошлом году был выполнен")
            } else if counted.partly() {
                (
                    "В прошлом году выполнен частично",
                    "В прошлом году выполнен частично",
                )
            } else if last.result.missed(&o.code) {
                (
                    "Не выполнен и в прошлом году",
                    "В прошлом году также не выполнен",
                )
            } else {
                return None;
            };
            let filed = last.filed.and_then(|(own, answers)| {
                let mine = own.by_key(o.key())?;
                Some((mine, answer_to(Some(answers), mine)?))
            });
            let share = filed.and_then(|(mine, result)| explain(mine, result, true).share);
            let numbers = filed.and_then(|(_, result)| result.outcome.share());
            // Judged by last year's target, when this year's is another:
            // «был выполнен» beside a raised threshold read as a fall.
            let targets = match comparability(last.card, card, indicator) {
                Comparability::Changed(what) => what.into_iter().find_map(|c| match c {
                    Change::Target { from, to, .. } => Some((from, to)),
                    _ => None,
                }),
                _ => None,
            };
            Some((said, share, targets, numbers))
        });
        // Last year as this year's card gives it, beside last year's file:
        // two figures for one year read as a slip unless said apart.
        let typed_last_year =
            answer_to(answers, indicator).and_then(|r| r.outcome.last_year_share());
        let differs = last
            .as_ref()
            .and_then(|(.., numbers)| *numbers)
            .zip(typed_last_year)
            .filter(|(filed, typed)| filed != typed);
        // A growth target's own line below gives last year's share (the
        // school's figure, unless a refusal stands in its place): «(было
        // 31,6 %)» then «В прошлом году 31,6 %: роста нет» said it twice.
        let growth = (indicator.rule.share_target()).is_some_and(|t| t.dynamics)
            && school.refusal(&indicator.code).is_none();
        if let Some((said, share, targets, _)) = last {
            let was = (share.filter(|_| !growth))
                .map(|s| format!(" (было {s})"))
                .unwrap_or_default();
            text.push_str(&match targets {
                Some((from, to)) => format!(
                    "{} по прежней цели {}{was}; в этом году цель — {}.\n",
                    said.1,
                    quoted(&from),
                    quoted(&to)
                ),
                None => format!("{}{was}.\n", said.0),
            });
        }
        if let Some(steps) = last_year.as_ref().and_then(|l| l.steps(indicator.key())) {
            text.push_str(&format!("{steps}\n"));
        }
        if let Some(((n0, d0), (n1, d1))) = differs {
            text.push_str(&format!(
                "В выгрузке организации за прошлый год — {} из {}, а в карте этого года за прошлый \
                 год указано {} из {}: уточните данные прошлого года.\n",
                group_digits(n0),
                group_digits(d0),
                group_digits(n1),
                group_digits(d1)
            ));
        }
        if let Some(c) = school
            .score
            .indicator(&indicator.code)
            .filter(|c| c.partly())
        {
            text.push_str(&format!(
                "Выполнен частично: {} из {}.\n",
                points(u64::from(c.points)),
                c.max
            ));
        }
        // A point the school claimed and the check refused: the school
        // needs the reason, not advice to do what it says it did.
        let refusal = school.refusal(&indicator.code);
        let answer = answer_to(answers, indicator);
        let counted_in = school.counted_in(&indicator.code);
        if let Some(comment) = refusal {
            let claimed = (school.score.indicator(&indicator.code)).map_or(1, |c| c.claimed_points);
            text.push_str(&format!(
                "{}\n",
                refusal_sentence(comment, claimed, counted_in)
            ));
        } else if let Some(figure) = answer.and_then(|r| school_figure(indicator, r)) {
            text.push_str(&format!("{figure}\n"));
        }
        if let Some(remark) = school.remark(&indicator.code) {
            text.push_str(&format!("{}\n", remark_sentence(remark)));
        }
        // The objection is quoted just above: not again. What would
        // confirm the point is the card's own list of evidence.
        let advice = match refusal {
            Some(comment) if !comment.is_empty() && !counted_in => after_objection(indicator),
            _ => advice(indicator, school, answer),
        };
        // The same advice as last year's letter, which the school put in
        // its plan and which is quoted just above: not word for word again
        // (a walk-through's letter said it twice running).
        let again = (last_year.as_ref()).is_some_and(|l| l.planned_again(indicator.key(), &advice));
        text.push_str(&advice_line(&advice, again));
        let peers = peers(rating, school, &indicator.code);
        if !peers.is_empty() {
            text.push_str(&format!(
                "Опытом выполнения показателя могут поделиться: {}.\n",
                peers.join("; ")
            ));
        }
    }
    // After the request: «по этим показателям» just below the confirmed
    // ones' comments asked for a plan on them (a review).
    text.push_str(&plan_request(
        school.profile.period.trim(),
        "этим показателям",
    ));
    text.push_str(&others);
    text.push_str(&measures_text(card, measures));
    text.push_str(SIGNATURE);
    text
}

/// The schools a letter names for a missed indicator: those that earned it,
/// never one whose claimed total its answers do not give (an example the
/// department doubts), those above the low level first (a school at the low
/// level is an odd example to send another to), then the nearest to
/// `school` in the rating, of two as near the checked one (its point is
/// confirmed, not only claimed), then the better one. Named from the top,
/// or the checked first, the same few schools would stand in every letter
/// for every indicator; a school close in the rating is also the example
/// easier to follow.
fn peers(rating: &[Ranked], school: &SchoolResult, code: &str) -> Vec<String> {
    let own = rating
        .iter()
        .position(|r| r.result.school == school.school)
        .unwrap_or(rating.len());
    let mut found: Vec<(bool, usize, bool, bool, &SchoolResult)> = rating
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.result.school != school.school && r.result.earned_here(code) && !r.result.mismatch
        })
        .map(|(place, r)| {
            let low = r.result.is_low();
            let unchecked = r.result.status != ReviewStatus::Checked;
            (low, place.abs_diff(own), unchecked, place > own, &r.result)
        })
        .collect();
    found.sort_by_key(|&(low, distance, unchecked, below, _)| (low, distance, unchecked, below));
    found
        .into_iter()
        .take(PEERS_PER_INDICATOR)
        .map(|(.., r)| tied(r.name()))
        .collect()
}

/// «Муниципальные меры, в которых примет участие организация: …», or nothing.
fn measures_text(card: &Card, measures: &[&Measure]) -> String {
    if measures.is_empty() {
        return String::new();
    }
    let mut text = "\nМуниципальные меры, в которых примет участие организация:\n".to_owned();
    for m in measures {
        text.push_str(&format!("— {}\n", measure_line(card, m)));
    }
    text
}

/// «семинар «Профпробы» (15.03.2026; показатели 1.1, 2.1; ответственный — …)».
fn measure_line(card: &Card, m: &Measure) -> String {
    let mut details = Vec::new();
    if !m.date.trim().is_empty() {
        details.push(m.date.trim().to_owned());
    }
    let codes = m.codes(card);
    if !codes.is_empty() {
        let noun = plural(codes.len() as u64, "показатель", "показатели", "показатели");
        details.push(format!("{noun} {}", codes.join(", ")));
    }
    if !m.responsible.trim().is_empty() {
        details.push(format!("ответственный — {}", m.responsible.trim()));
    }
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join("; "))
    };
    format!("{}{details}", m.named())
}

/// Whom a letter across schools goes to: a group of participants in every
/// school (seed 003 §3.7), or the schools at one level of effectiveness,
/// whose weak spots are their own and not the municipality's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipients {
    Group(TargetGroup),
    Level(Level),
}

impl Recipients {
    /// The key of its edited letter among the school letters' (which are
    /// keyed by submission): one per card, year and recipients.
    pub fn key(self, card_id: &str, period: &str) -> String {
        match self {
            Self::Group(g) => format!("группа/{card_id}/{period}/{}", g.label()),
            Self::Level(l) => format!("уровень/{card_id}/{period}/{}", l.key()),
        }
    }

    /// «педагоги-психологи», «ОО с низкой эффективностью»: the file name
    /// of its Word document.
    pub fn label(self) -> String {
        match self {
            Self::Group(g) => g.label().to_owned(),
            Self::Level(l) => format!("ОО {}", l.with_efficiency()),
        }
    }

    /// Who the letter is addressed to, in the dative: its first line and
    /// the foot of its printed sheets.
    pub fn addressee(self) -> String {
        match self {
            Self::Group(g) => g.addressee().to_owned(),
            Self::Level(l) => format!(
                "Руководителям образовательных организаций {} профориентационной работы",
                l.with_efficiency()
            ),
        }
    }
}

/// A letter across schools: the weak indicators of the schools it goes to
/// (the municipality's for a target group, the level's own for a level's
/// schools, with the municipality's figure beside), each with its
/// recommendation, and the measures addressed to the same recipients.
/// `figures` are the municipality's, of the year's `results`.
pub fn group_letter(
    archive: &Archive,
    card: &Card,
    to: Recipients,
    period: &str,
    figures: &Figures,
    results: &[SchoolResult],
) -> String {
    let mut text = to.addressee();
    let audience = match to {
        Recipients::Group(g) => Audience::Group(g),
        Recipients::Level(l) => Audience::Level(l),
    };
    let own;
    let (figures, municipal) = match to {
        Recipients::Group(_) => (figures, None),
        Recipients::Level(l) => {
            let schools: Vec<SchoolResult> = (results.iter())
                .filter(|r| r.score.level == Some(l))
                .cloned()
                .collect();
            let names = in_name_order(schools.iter().map(SchoolResult::name));
            text.push_str(&format!(" ({})", names.join(", ")));
            own = crate::department::figures::figures(archive, card, &schools);
            (&own, Some(figures))
        }
    };
    text.push_str(&format!(
        "\n\n{GROUP_TITLE}\nза {period} учебный год\n\nКарта мониторинга: {}, версия {}.\n",
        quoted(card.title.trim()),
        card.version
    ));
    text.push_str(&weak_part(card, figures, municipal));
    // A measure for every school is also the level's schools', and their
    // heads': it reached the letters to each school, and was missing here.
    let schools_too = matches!(
        to,
        Recipients::Level(_) | Recipients::Group(TargetGroup::Heads)
    );
    let ours: Vec<&Measure> = (archive.measures.iter())
        .filter(|m| m.follows(&card.id, period))
        .filter(|m| m.audience == audience || (schools_too && m.audience == Audience::All))
        .collect();
    if !ours.is_empty() {
        text.push_str(match to {
            Recipients::Group(_) => "\nМуниципальные меры для этой группы участников:\n",
            Recipients::Level(_) => "\nМуниципальные меры для этих организаций:\n",
        });
        for m in ours {
            // A level's measure went to the schools at that level when it
            // was recorded: where a check has moved schools since, the
            // letter says which it went to.
            let moved = matches!(to, Recipients::Level(_))
                && (results.iter()).any(|s| m.addresses(s) != m.audience.addresses(s));
            let line = measure_line(card, m);
            text.push_str(&match moved {
                true => format!("— {line}; {}\n", m.describe(results)),
                false => format!("— {line}\n"),
            });
        }
    }
    text.push_str(SIGNATURE);
    text
}

/// A letter across schools on a card without points: each indicator's
/// value over the schools `figures` count, the municipality's beside it
/// for a level's schools.
fn values_part(card: &Card, figures: &Figures, municipal: Option<&Figures>, whose: &str) -> String {
    let mut text = format!(
        "\nКарта не оценивает показатели баллами. Значения показателей {whose} (подробнее — в \
         аналитической справке):\n"
    );
    for i in card.indicators() {
        // Over fewer schools than the letter's (one left blank, a value the
        // check refused), said: a mean over 24 read as over all 25.
        let value = |f: &Figures| {
            let x = f.indicators.iter().find(|x| x.code == i.code)?;
            let value = describe_value(&i.rule, x);
            let fewer = x.answered > 0
                && x.answered < f.schools
                && !matches!(x.value, Aggregate::Fact { .. });
            Some(match fewer {
                true => noted(
                    &value,
                    &format!("по {}", part_of(x.answered, f.schools, "школы", "школ")),
                ),
                false => value,
            })
        };
        let Some(own) = value(figures) else {
            continue;
        };
        let beside = municipal
            .and_then(value)
            .map(|m| format!(" (по муниципалитету — {m})"))
            .unwrap_or_default();
        // After a colon: «— да — у 11 из 26» read as two dashes.
        text.push_str(&format!(
            "\n{}. {}: {own}{beside}.\n",
            i.code,
            i.text.trim()
        ));
    }
    text
}

/// What a letter across schools is about: the weak spots of the schools
/// `figures` count, as «Проблемные зоны» of the report names the
/// municipality's; `municipal`, when those are a level's schools, gives
/// the municipality's figure beside each.
fn weak_part(card: &Card, figures: &Figures, municipal: Option<&Figures>) -> String {
    let whose = match municipal {
        None => "образовательных организаций",
        Some(_) => "этих организаций",
    };
    // Nothing is earned, so nothing is done «less often»: the letter
    // carries the values themselves (it had the note alone, a letter with
    // nothing to read).
    if !card.has_points() {
        return values_part(card, figures, municipal, whose);
    }
    let mut text = String::new();
    let named = match weak_spots(figures, card) {
        WeakSpots::BelowHalf(zones) => {
            text.push_str(&format!(
                "\nПоказатели, выполненные менее чем в половине {whose} (из тех, к которым они \
                 относятся):\n"
            ));
            zones
        }
        WeakSpots::Least(least) => {
            text.push_str(&format!(
                "\nКаждый показатель, дающий баллы, выполнен не менее чем в половине {whose} (из \
                 тех, к которым он относится).\n"
            ));
            if !least.is_empty() {
                text.push_str("Реже других выполняются:\n");
            }
            least
        }
    };
    let of = |earned, applicable| part_of(earned, applicable, "организации", "организаций");
    for f in named {
        let Some(i) = card.indicator(&f.code) else {
            continue;
        };
        let beside = (municipal.and_then(|m| m.indicators.iter().find(|m| m.code == f.code)))
            .map(|m| format!(" (по муниципалитету — в {})", of(m.earned, m.applicable)))
            .unwrap_or_default();
        text.push_str(&format!(
            "\n{}. {} — выполнен в {}{beside}.\n",
            i.code,
            i.text.trim(),
            of(f.earned, f.applicable),
        ));
        // Most of the group may have met it: the advice is for the rest.
        if !i.recommendation.trim().is_empty() {
            text.push_str(&format!(
                "Рекомендация организациям, где показатель не выполнен: {}\n",
                with_stop(i.recommendation.trim())
            ));
        }
    }
    text
}

/// «При проверке балл не засчитан. Замечание проверки: «…».», quoting the
/// reviewer's words; «баллы не засчитаны» where the school claimed more
/// than one (a banded share). A row the school's answers kept out of its
/// maximum and the check `counted_in` says so: the school, whose profile
/// rules it out, never claimed a point to refuse.
fn refusal_sentence(comment: &str, claimed: u32, counted_in: bool) -> String {
    let refused = match (claimed, counted_in) {
        (_, true) => {
            "показатель признан применимым к организации (по её ответам он не входил в \
             максимум) и учтён с оценкой 0 баллов"
        }
        (0 | 1, false) => "балл не засчитан",
        (_, false) => "баллы не засчитаны",
    };
    if comment.is_empty() {
        format!("При проверке {refused} (причина не указана).")
    } else {
        format!(
            "При проверке {refused}. Замечание проверки: {}.",
            quoted(comment.trim_end_matches('.'))
        )
    }
}

/// «Комментарий проверки: «…».»: the reviewer's word on an indicator the
/// check left as the school's answers give it.
fn remark_sentence(comment: &str) -> String {
    format!(
        "Комментарий проверки: {}.",
        quoted(comment.trim_end_matches('.'))
    )
}

/// The check's comments on indicators the letter does not list as
/// missed (a point confirmed with a word for the school), each with its
/// indicator, or nothing.
fn other_remarks(card: &Card, school: &SchoolResult, listed: &[&Indicator]) -> String {
    let lines: Vec<String> = (card.indicators())
        .filter(|i| !listed.iter().any(|l| l.code == i.code))
        .filter_map(|i| {
            let remark = remark_sentence(school.remark(&i.code)?);
            Some(format!(
                "{}. {} — {}",
                i.code,
                i.text.trim(),
                lower_first(&remark)
            ))
        })
        .collect();
    match lines.is_empty() {
        true => String::new(),
        false => format!(
            "\nКомментарии проверки к другим показателям:\n{}\n",
            lines.join("\n")
        ),
    }
}

/// What the school's own answer says of a missed indicator, as its card
/// said it while filling in: a share above its threshold missed for want
/// of growth reads «Порог … достигнут. В прошлом году 72,0 %: роста нет»,
/// which the rule alone does not tell. A yes or no needs no words.
fn school_figure(indicator: &Indicator, result: &IndicatorResult) -> Option<String> {
    match &result.outcome {
        Outcome::Unanswered => Some("Организация не заполнила показатель.".to_owned()),
        // The errors as the school's page named them, each by its field.
        Outcome::Invalid => Some(format!(
            "Данные показателя заполнены с ошибкой и не учтены: {}",
            named_errors(indicator, result).join(" ")
        )),
        // Out of the school's own maximum, in the letter only when the
        // department's decision put it back: said why.
        o if o.lacks_last_year() => Some(
            "Организация не указала данные прошлого года, и рост не с чем сравнить: по решению \
             отдела показатель учтён с оценкой 0 баллов."
                .to_owned(),
        ),
        // A «нет» is said as a share or a count is: every missed row
        // says what the school's answer gave.
        Outcome::Scored {
            detail: Detail::Fact(held),
            ..
        } => Some(format!(
            "По данным организации: {}.",
            if *held { "да" } else { "нет" }
        )),
        Outcome::NotApplicable(_) => None,
        Outcome::Scored { detail, .. } => {
            let row = explain(indicator, result, true);
            // A share with its numbers, as last year's beside it is said
            // («67,0 % (67 из 100)… В прошлом году 72,0 % (72 из 100)»).
            // A count or a percent has no share: its own number leads, or
            // «До требования … не хватает 1» would follow the colon alone.
            let counted = |share: String| match detail {
                // An empty group has no percentage: «— (0 из 0)» read as
                // data missing (an audit).
                Detail::Share { denominator: 0, .. } => "0 из 0".to_owned(),
                Detail::Share {
                    numerator,
                    denominator,
                    ..
                } => format!(
                    "{share} ({} из {})",
                    group_digits(*numerator),
                    group_digits(*denominator)
                ),
                _ => share,
            };
            let value = row.share.map(counted).or_else(|| match detail {
                // Named by what the card counts: «значение 0» left the
                // school to guess what it was short of.
                Detail::Count { value, .. } => {
                    let counted = match &indicator.rule {
                        Rule::Count { label, .. } => {
                            lower_first(label.trim().trim_end_matches('.'))
                        }
                        _ => "значение".to_owned(),
                    };
                    Some(format!("{counted} — {}", group_digits(*value)))
                }
                Detail::Percent { tenths, .. } => Some(tenths_percent((*tenths).into())),
                _ => None,
            });
            let said = [value.map(|s| format!("{s}.")), Some(row.note)]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            (!said.is_empty()).then(|| format!("По данным организации: {}", said.join(" ")))
        }
    }
}

/// The school's own result for `indicator`, from its `answers`.
fn answer_to<'a>(
    answers: Option<&'a Assessment>,
    indicator: &Indicator,
) -> Option<&'a IndicatorResult> {
    answers?
        .indicators
        .iter()
        .find(|r| r.code == indicator.code)
}

/// The advice after a refused point, in the letter and the plan row.
const REMOVE_OBJECTION: &str = "Устранить замечание проверки";

/// What a school that missed `indicator` is advised to do, as a plan row
/// says it: remove the check's objection where the check refused the
/// point, else the card's recommendation, else the rule itself.
fn advice(
    indicator: &Indicator,
    school: &SchoolResult,
    answer: Option<&IndicatorResult>,
) -> String {
    // Above the threshold and short of growth only: the card's advice to
    // reach the threshold would read as a mistake.
    let growth_only = answer.is_some_and(|r| {
        matches!(
            r.outcome,
            Outcome::Scored {
                detail: Detail::Share {
                    shortfall: Some(0),
                    growth: Growth::Known { met: false, .. },
                    ..
                },
                ..
            }
        )
    });
    if let Some(refused) = refusal_advice(school, &indicator.code, "выполнение") {
        return refused;
    }
    match () {
        _ if growth_only => {
            "Добиться роста показателя по сравнению с прошлым годом: порог уже достигнут, \
             балл не начислен из-за отсутствия положительной динамики"
                .to_owned()
        }
        // Quoted: the rule's text may have brackets of its own.
        _ if indicator.recommendation.trim().is_empty() => format!(
            "Обеспечить выполнение показателя по правилу {}",
            quoted(indicator.rule_text.trim())
        ),
        _ => indicator.recommendation.trim().to_owned(),
    }
}

/// A letter's advice under the check's objection, quoted just above it:
/// to remove it, and to bring what the card lists as evidence.
fn after_objection(indicator: &Indicator) -> String {
    match indicator.evidence.trim() {
        "" => REMOVE_OBJECTION.to_owned(),
        evidence => format!(
            "{REMOVE_OBJECTION} и представить подтверждение: {}",
            lower_first(evidence)
        ),
    }
}

/// The advice where the check refused the point or the value: to remove
/// its objection, or where it gave none to confirm `what` («выполнение»
/// of a point, «значение» on a card without points) by the links.
fn refusal_advice(school: &SchoolResult, code: &str, what: &str) -> Option<String> {
    if school.counted_in(code) {
        return None;
    }
    Some(match school.refusal(code)? {
        "" => format!("Подтвердить {what} показателя материалами, доступными по ссылкам"),
        // Quoted, not after a second colon: the letter already has one
        // («Рекомендация: …»).
        comment => format!(
            "{REMOVE_OBJECTION} {}",
            quoted(comment.trim_end_matches('.'))
        ),
    })
}

/// The plan a school's letter suggests: a row per advice for its missed
/// indicators, and a row per measure addressed to the school. Two
/// indicators with the same advice (the same objection of the check, say)
/// share one row: the school would do one thing, not plan it twice.
pub fn suggested_plan(
    card: &Card,
    school: &SchoolResult,
    answers: Option<&Assessment>,
    measures: &[&Measure],
    municipal: Municipal,
    last_year: Option<&LastYear>,
) -> Vec<PlanRow> {
    // Without points, the values the letter singles out.
    let advised: Vec<(String, String)> = match card.has_points() {
        true => (card.scored_indicators())
            .filter(|i| school.missed(&i.code))
            .map(|i| {
                let advice = advice(i, school, answer_to(answers, i));
                (i.code.clone(), advice)
            })
            .collect(),
        false => values::values(card, school, answers, municipal, last_year).advised(),
    };
    let mut missed: Vec<PlanRow> = Vec::new();
    // Without points the advice is mostly the general one: one row for
    // several indicators would be a measure for none of them.
    let merged = |measure: &str| card.has_points() || measure == values::FILL_IN;
    for (code, measure) in advised {
        match (missed.iter_mut()).find(|r| r.measure == measure && merged(&measure)) {
            Some(row) => row.indicators.push(code),
            None => missed.push(PlanRow {
                measure,
                indicators: vec![code],
                ..PlanRow::default()
            }),
        }
    }
    let taking_part = measures.iter().map(|m| PlanRow {
        measure: school_part_row(m),
        indicators: m.codes(card),
        deadline: m.date.trim().to_owned(),
        ..PlanRow::default()
    });
    missed.into_iter().chain(taking_part).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::{rank, results};
    use crate::school::draft::RawAnswer;
    use crate::testkit::{self, draft};

    /// The letter as the page drafts it, with the year's figures of
    /// `rating` beside it.
    fn letter_of(
        archive: &Archive,
        card: &Card,
        school: &SchoolResult,
        rating: &[Ranked],
        last_year: Option<(&Card, &[SchoolResult])>,
    ) -> Option<String> {
        let f = year_figures(archive, card, rating);
        school_letter(
            archive,
            Municipal { card, figures: &f },
            school,
            rating,
            last_year,
        )
    }

    /// The letter of the school `name` of 2025/2026, without last year.
    fn year_letter(archive: &Archive, card: &Card, name: &str) -> String {
        let rating = rank(results(archive, &card.id, "2025/2026"));
        letter_of(archive, card, testkit::ranked(&rating, name), &rating, None).unwrap()
    }

    fn all_letters(
        archive: &Archive,
        card: &Card,
        rating: &[Ranked],
        last_year: Option<(&Card, &[SchoolResult])>,
    ) -> Vec<String> {
        let f = year_figures(archive, card, rating);
        every_school_letter(archive, Municipal { card, figures: &f }, rating, last_year)
    }

    /// The plan of a letter without last year, the figures those of the
    /// school alone.
    fn plan_of(
        archive: &Archive,
        card: &Card,
        school: &SchoolResult,
        answers: Option<&Assessment>,
        measures: &[&Measure],
    ) -> Vec<PlanRow> {
        let f = crate::department::figures::figures(archive, card, std::slice::from_ref(school));
        suggested_plan(
            card,
            school,
            answers,
            measures,
            Municipal { card, figures: &f },
            None,
        )
    }

    fn year_figures(archive: &Archive, card: &Card, rating: &[Ranked]) -> Figures {
        let results: Vec<SchoolResult> = rating.iter().map(|r| r.result.clone()).collect();
        crate::department::figures::figures(archive, card, &results)
    }

    /// Two points of a banded share refused: «баллы не засчитаны».
    #[test]
    fn refusals_agree_with_the_points_refused() {
        assert_eq!(
            refusal_sentence("", 1, false),
            "При проверке балл не засчитан (причина не указана)."
        );
        assert_eq!(
            refusal_sentence("Нет приказа.", 2, false),
            "При проверке баллы не засчитаны. Замечание проверки: «Нет приказа»."
        );
    }

    /// A card without points: each value beside the municipality's, the
    /// ones below it singled out with advice and planned. The municipal
    /// figures by hand, over the three schools:
    /// - 1.1, a fact: «да» at А and В, 2 of 3, so most say «да»;
    /// - 1.2, a count: 1 + 3 + 2 = 6, a mean of 2,0 (В's 2 is not below);
    /// - 1.5, a typed percent: (60,0 + 80,0 + 70,5) / 3 = 70,17 → «70,2 %»;
    /// - 2.1, a count: 5 + 2 + 3 = 10, a mean of 3,33 → «3,3» (В's 3 below);
    /// - 2.2, a count only Б and В gave: 4 + 6 = 10 over 2, a mean of 5,0.
    #[test]
    fn a_letter_without_points_sets_values_beside_the_municipality() {
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let count = |n: &str| RawAnswer {
            count: n.into(),
            ..RawAnswer::default()
        };
        let typed = |p: &str| RawAnswer {
            percent: p.into(),
            ..RawAnswer::default()
        };
        let school = |name: &str, yes: bool, counts: [&str; 3], percent: &str| {
            let mut d = draft(name, "2025/2026", &[]);
            d.answers.insert("1.1".into(), testkit::fact(yes));
            d.answers.insert("1.2".into(), count(counts[0]));
            d.answers.insert("1.5".into(), typed(percent));
            d.answers.insert("2.1".into(), count(counts[1]));
            if !counts[2].is_empty() {
                d.answers.insert("2.2".into(), count(counts[2]));
            }
            d
        };
        let mut a = school("Школа А", true, ["1", "5", ""], "60,0");
        // А lists an event; the others leave the list blank.
        let columns = match &card.indicator("1.3").unwrap().rule {
            Rule::List { columns, .. } => columns.len(),
            _ => unreachable!("1.3 is the list of events"),
        };
        a.answers.insert(
            "1.3".into(),
            RawAnswer {
                rows: vec![crate::school::draft::ListRow {
                    name: "Ярмарка профессий".into(),
                    values: vec!["10".into(); columns],
                }],
                ..RawAnswer::default()
            },
        );
        let b = school("Школа Б", false, ["3", "2", "4"], "80,0");
        let c = school("Школа В", true, ["2", "3", "6"], "70,5");
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b), ("c", &c)]);
        let letter = |name: &str| year_letter(&archive, &card, name);
        // The codes of the blocks singled out, and of the rest.
        let parted = |text: &str| {
            let codes = |part: &str| {
                (part.split("\n\n"))
                    .filter_map(|block| Some(block.trim_start().split_once(". ")?.0.to_owned()))
                    .filter(|code| code.len() == 3 && code.as_bytes()[1] == b'.')
                    .collect::<Vec<_>>()
            };
            let (noted, rest) = (text.split_once("\nОстальные показатели:\n"))
                .or_else(|| text.split_once("\nЗначения организации по показателям:\n"))
                .unwrap_or((text, ""));
            (codes(noted), codes(rest))
        };
        let text = letter("Школа А");
        // One year: no last year to be below.
        assert!(
            text.contains(
                "\nРекомендуем обратить внимание на показатели, по которым значение организации \
                 ниже, чем по муниципалитету, не подтверждено при проверке или заполнено с \
                 ошибкой.\n"
            ),
            "{text}"
        );
        // Nothing checked yet: the municipal values may move.
        assert!(text.contains(
            "\n\nКарта не оценивает показатели баллами. Далее значения организации \
             сопоставлены со значениями по муниципалитету. Значения приведены по данным самой \
             организации (карта ещё не проверена отделом). Значения по муниципалитету предварительные: \
             проверка ещё не завершена ни по одной из 3 организаций.\n\n"
        ));
        let mut checked = archive.clone();
        checked.set_checked("b", true);
        assert!(year_letter(&checked, &card, "Школа А").contains(
            "Значения по муниципалитету предварительные: проверка завершена по 1 из 3 \
             организаций.\n\n"
        ));
        // With every card checked they are final and not said otherwise.
        for id in ["a", "b", "c"] {
            checked.set_checked(id, true);
        }
        let text = year_letter(&checked, &card, "Школа А");
        assert!(
            text.contains("Значения приведены по итогам проверки карты.\n\n"),
            "{text}"
        );
        assert!(!text.contains("предварительные"));
        assert!(text.contains(
            "\n1.2. Количество муниципальных инновационных площадок, осуществляющих инновационную \
             деятельность в профориентационной сфере\nЗначение организации — 1, это ниже, чем по \
             муниципалитету: в среднем 2,0 на организацию, всего 6 по 3 организациям.\n\n"
        ));
        assert!(text.contains(
            "\nЗначение организации — 60,0\u{A0}%, это ниже, чем по муниципалитету: в среднем \
             70,2\u{A0}% по 3 организациям.\n"
        ));
        // Blank in all three files: one line for them all.
        assert!(text.contains(
            "\nНе указаны значения показателей 1.4, 1.6, 1.7, 2.2, 2.3: по ним организация не \
             учтена в сводных значениях по муниципалитету. Просим указать их в следующей \
             выгрузке.\n\nОстальные показатели:\n\n1.1. Наличие программ \
             сопровождения профессионального самоопределения\nОтвет организации — «да»; по \
             муниципалитету «да» у 2 из 3 организаций (66,7\u{A0}%).\n"
        ));
        assert!(
            text.contains("\nПеречень мероприятий (показатель 1.3) в сопоставление не входит.\n")
        );
        assert_eq!(
            parted(&text),
            (
                vec!["1.2".into(), "1.5".into()],
                vec!["1.1".into(), "2.1".into()]
            )
        );
        // The general advice of both, once after them.
        assert_eq!(text.matches("Рекомендация").count(), 1);
        assert!(text.contains(
            "\nРекомендация по показателям 1.2, 1.5: проанализировать причины и предусмотреть \
             мероприятия по каждому из них.\n"
        ));
        assert!(
            text.contains("\nПросим включить мероприятия по показателям с рекомендациями в план")
        );

        // Б: «нет» where most said «да»; 2 contracts against a mean of 3,3;
        // 4 trials against 5,0 over the two schools that gave them.
        let text = letter("Школа Б");
        for said in [
            "Ответ организации — «нет», тогда как по муниципалитету «да» у 2 из 3 организаций \
             (66,7\u{A0}%).",
            "Значение организации — 2, это ниже, чем по муниципалитету: в среднем 3,3 на \
             организацию, всего 10 по 3 организациям.",
            "Значение организации — 4, это ниже, чем по муниципалитету: в среднем 5,0 на \
             организацию, всего 10 по 2 организациям.",
        ] {
            assert!(text.contains(said), "{said}\n{text}");
        }
        let to = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parted(&text),
            (to(&["1.1", "2.1", "2.2"]), to(&["1.2", "1.5"]))
        );
        // В: 3 against 3,3 is below; 2 against 2,0 is not.
        let text = letter("Школа В");
        assert_eq!(
            parted(&text),
            (to(&["2.1"]), to(&["1.1", "1.2", "1.5", "2.2"]))
        );

        // Last year's files: А had 4 platforms then, Б said «да».
        let mut was_a = school("Школа А", true, ["4", "5", ""], "60,0");
        let mut was_b = school("Школа Б", true, ["3", "2", "4"], "80,0");
        was_a.profile.period = "2024/2025".into();
        was_b.profile.period = "2024/2025".into();
        let archive = testkit::archive(
            &card,
            &[
                ("a", &a),
                ("b", &b),
                ("c", &c),
                ("a0", &was_a),
                ("b0", &was_b),
            ],
        );
        let rating = rank(results(&archive, "nevinnomyssk", "2025/2026"));
        let before = results(&archive, "nevinnomyssk", "2024/2025");
        let last = Some((&card, before.as_slice()));
        let of = |name: &str| testkit::ranked(&rating, name);
        let text = letter_of(&archive, &card, of("Школа А"), &rating, last).unwrap();
        assert!(text.contains("по муниципалитету и с прошлым годом."));
        assert!(
            text.contains("всего 6 по 3 организациям.\nВ прошлом году — 4: значение снизилось.\n")
        );
        // 2.1 the same as last year: still not below.
        assert_eq!(parted(&text), (to(&["1.2", "1.5"]), to(&["1.1", "2.1"])));
        let text = letter_of(&archive, &card, of("Школа Б"), &rating, last).unwrap();
        assert!(text.contains("(66,7\u{A0}%).\nВ прошлом году — «да»: ответ изменился.\n"));

        // A value the check did not confirm: the reviewer's words, and
        // the advice to remove them.
        let mut refused = of("Школа В").clone();
        refused.refused = vec![("2.1".into(), "Нет договоров".into())];
        let text = letter_of(&archive, &card, &refused, &rating, None).unwrap();
        // The objection is quoted once; the advice names the card's evidence.
        let evidence = lower_first(card.indicator("2.1").unwrap().evidence.trim());
        assert!(text.contains(&format!(
            "\n2.1. Количество договоров о сотрудничестве в сфере профориентации обучающихся \
             образовательных организаций\nПри проверке значение не подтверждено. Замечание \
             проверки: «Нет договоров».\nЗначение организации — 3; в значение по муниципалитету \
             оно не вошло.\nРекомендация: Устранить замечание проверки и представить \
             подтверждение: {evidence}\n"
        )));

        // The plan: a row per indicator, the blank ones in one.
        let year: Vec<SchoolResult> = rating.iter().map(|r| r.result.clone()).collect();
        let figures = crate::department::figures::figures(&archive, &card, &year);
        let municipal = Municipal {
            card: &card,
            figures: &figures,
        };
        let to = addressee(&archive, of("Школа А"), &rating).unwrap();
        let last = last_year_of(&archive, &to, last);
        let plan = suggested_plan(
            &card,
            &to.school,
            Some(&to.answers),
            &[],
            municipal,
            last.as_ref(),
        );
        let rows: Vec<(&str, Vec<&str>)> = (plan.iter())
            .map(|r| {
                (
                    r.measure.as_str(),
                    r.indicators.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (values::GENERAL, vec!["1.2"]),
                (values::GENERAL, vec!["1.5"]),
                (values::FILL_IN, vec!["1.4", "1.6", "1.7", "2.2", "2.3"]),
            ]
        );
    }

    /// Seed 001's share: Σ/Σ over the schools with a group, 30 + 90 of
    /// 100 + 100 = 60,0 %; a school of 0 of 0 is told its figure is
    /// missing, and is not praised for a comparison never made.
    #[test]
    fn a_letter_without_points_says_an_empty_group() {
        let card = crate::card::builtin("izhevsk").unwrap().unwrap();
        let with = |name: &str, n: &str, d: &str| {
            let mut draft = draft(name, "2025/2026", &[]);
            draft.answers.insert("П-1.1".into(), testkit::share(n, d));
            draft
        };
        let (a, b, c) = (
            with("А", "30", "100"),
            with("Б", "90", "100"),
            with("В", "0", "0"),
        );
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b), ("c", &c)]);
        let letter = |name: &str| year_letter(&archive, &card, name);
        assert!(letter("А").contains(
            "\nЗначение организации — 30,0\u{A0}% (30 из 100), это ниже, чем по \
             муниципалитету: 60,0\u{A0}% (120 из 200).\nРекомендация: "
        ));
        let text = letter("Б");
        assert!(text.contains(
            "\nЗначения организации не ниже, чем по муниципалитету. Рекомендуем поделиться опытом"
        ));
        assert!(text.contains(
            "\nЗначение организации — 90,0\u{A0}% (90 из 100); по муниципалитету — \
             60,0\u{A0}% (120 из 200).\n"
        ));
        let text = letter("В");
        // Nothing compared, and said so; one blank line between parts.
        assert!(text.contains(
            "Далее значения организации перечислены по показателям. Значения приведены по данным \
             самой организации (карта ещё не проверена отделом).\n\nЗначения организации по \
             показателям:\n\nП-1.1. "
        ));
        assert!(text.contains(&format!("\n{}\n", values::EMPTY_GROUP)));
        assert!(
            !text.contains("не ниже") && !text.contains("Рекомендация"),
            "{text}"
        );
    }

    /// The reviewer's comment reaches the letter wherever it was written
    /// (the comment field says the school reads it there): on a point
    /// the school missed and the check left so, under that indicator; on
    /// a point confirmed, among the other indicators' comments; on a card
    /// of values, under the value. A walk-through's two comments on missed
    /// points were in no letter.
    #[test]
    fn the_reviewer_s_comments_reach_the_letter() {
        use crate::department::review::Decision;
        let card = testkit::card();
        let school = draft("СОШ № 2", "2025/2026", &["1.8"]);
        let mut archive = testkit::archive(&card, &[("w", &school)]);
        archive.set_review_comment("w", "2.1", "Договоры не приложены.".into());
        archive.set_decision("w", "1.8", Some(Decision::Confirm));
        archive.set_review_comment("w", "1.8", "Хорошие материалы".into());
        // A comment left blank says nothing.
        archive.set_review_comment("w", "2.2", "  ".into());
        let letter = year_letter(&archive, &card, "СОШ № 2");
        let under_21 = letter.split("\n2.1. ").nth(1).unwrap();
        let under_21 = &under_21[..under_21.find("\n\n").unwrap()];
        assert!(
            under_21.contains("\nКомментарий проверки: «Договоры не приложены».\n"),
            "{under_21}"
        );
        let i18 = card.indicator("1.8").unwrap().text.trim().to_owned();
        assert!(
            letter.contains(&format!(
                "\nКомментарии проверки к другим показателям:\n1.8. {i18} — комментарий \
                 проверки: «Хорошие материалы».\n"
            )),
            "{letter}"
        );
        assert_eq!(
            letter
                .to_lowercase()
                .matches("комментарий проверки:")
                .count(),
            2,
            "{letter}"
        );
        // The request for a plan is about the missed ones, before them.
        assert!(
            letter
                .find("Просим включить мероприятия по этим показателям")
                .unwrap()
                < letter
                    .find("Комментарии проверки к другим показателям")
                    .unwrap(),
            "{letter}"
        );

        let card = crate::card::builtin("izhevsk").unwrap().unwrap();
        let mut school = draft("А", "2025/2026", &[]);
        school
            .answers
            .insert("П-1.1".into(), testkit::share("30", "100"));
        let mut archive = testkit::archive(&card, &[("a", &school)]);
        archive.set_review_comment("a", "П-1.1", "Проверьте знаменатель".into());
        let letter = year_letter(&archive, &card, "А");
        assert!(
            letter.contains("\nКомментарий проверки: «Проверьте знаменатель».\n"),
            "{letter}"
        );
        // A value ruled not applicable, with its reason.
        archive.set_decision("a", "П-1.1", Some(Decision::NotApplicable));
        archive.set_review_comment("a", "П-1.1", "Таких обучающихся нет".into());
        let letter = year_letter(&archive, &card, "А");
        assert!(
            letter.contains(
                "признан неприменимым к организации и в сравнение не вошёл.\nП-1.1: комментарий \
                 проверки: «Таких обучающихся нет».\n"
            ),
            "{letter}"
        );
    }

    /// Shares that read alike in tenths are told apart on both sides: 333
    /// of 500 against Σ/Σ 335 of 503 (66,6000 % against 66,6003 %), never
    /// «66,60 %» below «66,6 %». A refused «да» is said to count as «нет».
    #[test]
    fn a_letter_without_points_tells_alike_shares_apart() {
        let card = crate::card::builtin("izhevsk").unwrap().unwrap();
        let with = |name: &str, n: &str, d: &str| {
            let mut draft = draft(name, "2025/2026", &[]);
            draft.answers.insert("П-1.1".into(), testkit::share(n, d));
            draft
        };
        let (a, b) = (with("А", "333", "500"), with("Б", "2", "3"));
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b)]);
        assert!(year_letter(&archive, &card, "А").contains(
            "\nЗначение организации — 66,6000\u{A0}% (333 из 500), это ниже, чем по \
             муниципалитету: 66,6004\u{A0}% (335 из 503).\n"
        ));

        let nev = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let yes = draft("В", "2025/2026", &["1.1"]);
        let archive = testkit::archive(&nev, &[("c", &yes)]);
        let rating = rank(results(&archive, "nevinnomyssk", "2025/2026"));
        let mut refused = rating[0].result.clone();
        refused.refused = vec![("1.1".into(), String::new())];
        let text = letter_of(&archive, &nev, &refused, &rating, None).unwrap();
        assert!(text.contains(
            "\nПри проверке значение не подтверждено (причина не указана).\nОтвет организации — \
             «да»; в значении по муниципалитету он учтён как «нет».\n"
        ));
    }

    #[test]
    fn a_letter_lists_missed_points_with_advice_and_peers() {
        let card = testkit::card();
        let mut all_facts: Vec<&str> = Vec::new();
        for i in card.indicators() {
            if matches!(i.rule, crate::card::Rule::Fact { .. }) {
                all_facts.push(&i.code);
            }
        }
        let strong = draft("Лицей «Вектор»", "2025/2026", &all_facts);
        let weak = draft("СОШ № 2", "2025/2026", &["1.8"]);
        let archive = testkit::archive(&card, &[("s", &strong), ("w", &weak)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let weak_result = &rating
            .iter()
            .find(|r| r.result.name() == "СОШ № 2")
            .unwrap()
            .result;
        let mut seminar = Measure::blank(DEFAULT_CARD, "2025/2026");
        seminar.kind = crate::department::measures::MeasureKind::Seminar;
        seminar.title = "Профпробы в школе".into();
        seminar.date = "15.03.2026".into();
        seminar.indicators = vec!["2.1".into()];
        let letter = draft_letter(&card, weak_result, None, &rating, &[&seminar], None);
        assert!(letter.contains(
            "\nМуниципальные меры, в которых примет участие организация:\n\
             — семинар «Профпробы в школе» (15.03.2026; показатель 2.1)\n"
        ));
        let plan = plan_of(&archive, &card, weak_result, None, &[&seminar]);
        assert_eq!(plan.len(), 23, "22 missed indicators and the seminar");
        assert_eq!(plan[0].indicators, ["1.1"]);
        assert_eq!(plan[22].measure, "Участие: семинар «Профпробы в школе»");
        assert_eq!(plan[22].deadline, "15.03.2026");
        assert!(letter.contains("за 2025/2026 учебный год\n\nСОШ №\u{A0}2\n"));
        assert!(letter.contains(&format!("Карта мониторинга: «{}», версия 1.", card.title)));
        assert!(letter.contains(
            "\nПо самооценке (карта ещё не проверена отделом) организация \
             набрала 1 балл из 23 (4,3\u{A0}%)"
        ));
        let mut checked = weak_result.clone();
        checked.status = crate::department::review::ReviewStatus::Checked;
        let letter = draft_letter(&card, &checked, None, &rating, &[], None);
        assert!(letter.contains("\nПо итогам проверки карты организация набрала"));
        checked.status = crate::department::review::ReviewStatus::InReview;
        let letter = draft_letter(&card, &checked, None, &rating, &[], None);
        assert!(letter.contains("\nПо предварительным итогам проверки карты (проверка не завершена) организация набрала"));
        assert!(letter.contains("— низкая"));
        assert!(
            letter.contains("\n2.1. "),
            "a missed fact indicator is listed"
        );
        assert!(!letter.contains("\n1.8. "), "an earned one is not");
        let advice_21 = &card.indicator("2.1").unwrap().recommendation;
        assert!(!advice_21.is_empty() && letter.contains(advice_21.as_str()));
        assert!(letter.contains("поделиться: Лицей «Вектор»."));
        assert_eq!(letter.matches("Рекомендация:").count(), 22);
        assert!(letter.contains(
            "\nПросим включить мероприятия по этим показателям в план мероприятий по повышению \
             эффективности (раздел карты за 2025/2026 учебный год)"
        ));

        // 1.8 claimed and refused at the check: the letter and the plan
        // give the reviewer's reason, not advice to do what was done.
        let mut refused = weak_result.clone();
        for (code, counted) in &mut refused.score.indicators {
            if code == "1.8" {
                counted.points = 0;
            }
        }
        refused.refused = vec![("1.8".into(), "Ссылка не открывается".into())];
        let letter = draft_letter(&card, &refused, None, &rating, &[], None);
        assert!(
            letter.contains(
                "При проверке балл не засчитан. Замечание проверки: «Ссылка не открывается».\n\
                 Рекомендация: Устранить замечание проверки и представить подтверждение: \
                 аналитические отчеты по результатам работы, материалы самообследования.\n"
            ),
            "{letter}"
        );
        // 2.1 ruled not applicable at the check: the school is told why its
        // maximum shrank.
        let mut ruled = weak_result.clone();
        for (code, counted) in &mut ruled.score.indicators {
            if code == "2.1" {
                assert!(counted.claimed_applies);
                counted.applies = false;
            }
        }
        ruled.ruled = vec![("2.1".into(), String::new())];
        let letter = draft_letter(&card, &ruled, None, &rating, &[], None);
        assert!(letter.contains(
            "\n\nПри проверке показатель 2.1 признан неприменимым к организации: он не учитывается \
             ни в набранных баллах, ни в максимуме.\n\n"
        ));
        // With the reviewer's reason, as a refused point has it.
        ruled.ruled[0].1 = "Обучающихся с ОВЗ в этом году не было.".into();
        let letter = draft_letter(&card, &ruled, None, &rating, &[], None);
        assert!(letter.contains(
            "\n\nПри проверке показатель 2.1 (замечание проверки: «Обучающихся с ОВЗ в этом году не \
             было») признан неприменимым к организации: он не учитывается ни в набранных баллах, ни в \
             максимуме.\n\n"
        ), "{letter}");
        let plan = plan_of(&archive, &card, &refused, None, &[]);
        let row = plan.iter().find(|r| r.indicators == ["1.8"]).unwrap();
        assert_eq!(
            row.measure,
            "Устранить замечание проверки «Ссылка не открывается»"
        );
        // Two points refused for the same reason: one row of the plan.
        let mut twice = refused.clone();
        for (code, counted) in &mut twice.score.indicators {
            if code == "1.6" {
                counted.points = 0;
                counted.claimed_points = 1;
            }
        }
        twice.refused = ["1.6", "1.8"]
            .map(|c| (c.into(), "Нет ссылки".into()))
            .to_vec();
        let rows: Vec<_> = plan_of(&archive, &card, &twice, None, &[])
            .into_iter()
            .filter(|r| r.measure == "Устранить замечание проверки «Нет ссылки»")
            .collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].indicators, ["1.6", "1.8"]);
        refused.refused[0].1.clear();
        let letter = draft_letter(&card, &refused, None, &rating, &[], None);
        assert!(letter.contains(
            "При проверке балл не засчитан (причина не указана).\n\
             Рекомендация: Подтвердить выполнение показателя материалами, доступными по ссылкам.\n"
        ));
    }

    /// СОШ № 1–5 with 9, 8, 7, 6 and 5 facts of 23 (2.1 among them) and
    /// СОШ № 9 with 1.8 alone, ids «0»–«5».
    fn six_schools(card: &Card) -> crate::department::archive::Archive {
        let facts = [
            "1.6", "1.8", "2.1", "2.2", "3.1", "3.2", "3.3", "4.3", "4.4",
        ];
        let drafts: Vec<_> = (0..5)
            .map(|n| {
                draft(
                    &format!("СОШ № {}", n + 1),
                    "2025/2026",
                    &facts[..facts.len() - n],
                )
            })
            .chain([draft("СОШ № 9", "2025/2026", &["1.8"])])
            .collect();
        let ids: Vec<String> = (0..drafts.len()).map(|n| n.to_string()).collect();
        let schools: Vec<_> = ids.iter().map(String::as_str).zip(&drafts).collect();
        testkit::archive(card, &schools)
    }

    /// Школа А met 3.1 last year and not this one, and 2.2 in neither: the
    /// letter says the second, not the first.
    #[test]
    fn an_indicator_missed_two_years_running_is_said_to_be() {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("a1", &draft("Школа А", "2024/2025", &["1.8", "3.1"])),
                ("a2", &draft("Школа А", "2025/2026", &["1.8"])),
            ],
        );
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letter = draft_letter(
            &card,
            &rating[0].result,
            None,
            &rating,
            &[],
            Some(LastYear {
                card: &card,
                result: &before[0],
                filed: None,
                plan: &[],
                measures: Vec::new(),
            }),
        );
        let under = |code: &str| {
            let at = letter.find(&format!("\n{code}. ")).unwrap();
            letter[at..].lines().nth(2).unwrap_or_default().to_owned()
        };
        assert_eq!(under("2.2"), "Не выполнен и в прошлом году.");
        let was = &before[0].score;
        assert!(letter.contains(&format!(
            "В 2024/2025 учебном году — {} из {} ({}), эффективность — {}.\n\n",
            points(u64::from(was.total)),
            was.max_applicable,
            percent(u64::from(was.total), u64::from(was.max_applicable)),
            was.level.unwrap().label()
        )));
        // Met last year, missed now: a point lost, said as such.
        assert_eq!(under("3.1"), "В прошлом году был выполнен.");
        assert!(!letter.contains("\n1.8. "), "met");
        let first_year = draft_letter(&card, &rating[0].result, None, &rating, &[], None);
        assert!(!first_year.contains("в прошлом году"));
    }

    /// A share missed both years: last year's figure is said beside it,
    /// so that a fall (20,0 % → 10,0 %, threshold 30 %) shows.
    #[test]
    fn a_share_missed_two_years_running_names_last_years_figure() {
        let card = testkit::card();
        let mut now = draft("Школа А", "2025/2026", &[]);
        now.answers.insert("1.1".into(), testkit::share("1", "10"));
        // Missed last year too (2 of 10), or met then (4 of 10 against the
        // 30 % it asks).
        for (last, said) in [
            ("2", "Не выполнен и в прошлом году (было 20,0\u{A0}%)."),
            ("4", "В прошлом году был выполнен (было 40,0\u{A0}%)."),
        ] {
            assert_eq!(under_1_1((&card, &card), last, &now), said);
        }
    }

    /// Seed 002's 2.1 (20 % and growth), missed two years running: last
    /// year's file says 94 of 208, this year's card 95 of 208 for last
    /// year. Both figures stand in the letter, each said whose, and the
    /// school is asked to check; equal, nothing more is said.
    #[test]
    fn last_years_file_and_this_years_figure_for_it_are_told_apart() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let grew = |n: &str, prev: &str| {
            let mut share = testkit::share(n, "208");
            share.prev_numerator = prev.into();
            share.prev_denominator = "208".into();
            share
        };
        let letter_for = |typed_prev: &str| {
            let mut was = draft("Школа А", "2024/2025", &[]);
            was.answers.insert("2.1".into(), grew("94", "100"));
            let mut now = draft("Школа А", "2025/2026", &[]);
            now.answers.insert("2.1".into(), grew("90", typed_prev));
            let archive = testkit::archive_of(&[(&lk, "a1", &was), (&lk, "a2", &now)]);
            let before = results(&archive, &lk.id, "2024/2025");
            let rating = rank(results(&archive, &lk.id, "2025/2026"));
            let letter = letter_of(
                &archive,
                &lk,
                &rating[0].result,
                &rating,
                Some((&lk, &before)),
            )
            .unwrap();
            let at = letter.find("\n2.1. ").unwrap();
            letter[at..]
                .lines()
                .skip(2)
                .take(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        // Last year's share is the growth line's to say, once.
        assert_eq!(
            letter_for("95"),
            [
                "Не выполнен и в прошлом году.",
                "В выгрузке организации за прошлый год — 94 из 208, а в карте этого года за \
                 прошлый год указано 95 из 208: уточните данные прошлого года."
            ]
        );
        let same = letter_for("94");
        assert_eq!(same[0], "Не выполнен и в прошлом году.");
        assert!(same[1].starts_with("По данным организации: "), "{same:?}");
        assert_eq!(same[1].matches("45,2\u{A0}%").count(), 1, "{same:?}");
    }

    /// Version 2 raised 1.1's threshold from 30 to 50 %: 4 of 10 met it
    /// last year on version 1 and misses it now. The letter says by which
    /// target it was met, not a bare «был выполнен» beside a share that
    /// did not fall.
    #[test]
    fn met_last_year_by_another_target_says_which() {
        let (v1, v2) = testkit::raised_threshold(50);
        let mut now = draft("Школа А", "2025/2026", &[]);
        now.answers.insert("1.1".into(), testkit::share("4", "10"));
        // Met last year (4 of 10), or missed then too (2 of 10).
        for (last, said) in [
            (
                "4",
                "В прошлом году был выполнен по прежней цели «не менее 30\u{A0}%» (было 40,0\u{A0}%); \
                 в этом году цель — «не менее 50\u{A0}%».",
            ),
            (
                "2",
                "В прошлом году также не выполнен по прежней цели «не менее 30\u{A0}%» (было \
                 20,0\u{A0}%); в этом году цель — «не менее 50\u{A0}%».",
            ),
        ] {
            assert_eq!(under_1_1((&v1, &v2), last, &now), said);
        }
    }

    /// The line under 1.1 in Школа А's letter of 2025/2026 (`now`, on
    /// `cards.1`), when it answered `last` of 10 in 2024/2025 (on
    /// `cards.0`).
    fn under_1_1(cards: (&Card, &Card), last: &str, now: &crate::school::draft::Draft) -> String {
        let mut was = draft("Школа А", "2024/2025", &[]);
        was.answers.insert("1.1".into(), testkit::share(last, "10"));
        let archive = testkit::archive_of(&[(cards.0, "a1", &was), (cards.1, "a2", now)]);
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letter = letter_of(
            &archive,
            cards.1,
            &rating[0].result,
            &rating,
            Some((cards.0, &before)),
        )
        .unwrap();
        let at = letter.find("\n1.1. ").unwrap();
        letter[at..].lines().nth(2).unwrap_or_default().to_owned()
    }

    /// Last year two versions were filled in: Школа А on version 1, where
    /// «Доля 1–4 классов» is 1.1 (2 of 10, missed), Школа Б on version 2,
    /// which numbers it 1.2 and puts «Доля 8–9 классов» (9 of 10 at А)
    /// under 1.1. Missed again this year, А's share of last year is read
    /// from its own file by the indicator, not by the code: 20 %, not 90 %.
    #[test]
    fn last_years_figure_is_read_from_the_schools_own_version() {
        let mut v1 = testkit::card();
        let indicator = |card: &mut Card, code: &str| -> String {
            let i = card.indicators_mut().find(|i| i.code == code).unwrap();
            i.id = format!("id-{code}");
            i.id.clone()
        };
        let (young, older) = (indicator(&mut v1, "1.1"), indicator(&mut v1, "1.2"));
        let mut v2 = v1.clone();
        v2.version = 2;
        for i in v2.indicators_mut() {
            if i.id == young {
                i.code = "1.2".into();
            } else if i.id == older {
                i.code = "1.1".into();
            }
        }
        let mut was = draft("Школа А", "2024/2025", &[]);
        was.answers.insert("1.1".into(), testkit::share("2", "10"));
        was.answers.insert("1.2".into(), testkit::share("9", "10"));
        let mut now = draft("Школа А", "2025/2026", &[]);
        now.answers.insert("1.2".into(), testkit::share("1", "10"));
        let archive = testkit::archive_of(&[
            (&v1, "a1", &was),
            (&v2, "b1", &draft("Школа Б", "2024/2025", &[])),
            (&v2, "a2", &now),
        ]);
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letter = letter_of(
            &archive,
            &v2,
            &rating[0].result,
            &rating,
            Some((&v2, &before)),
        )
        .unwrap();
        let at = letter.find("\n1.2. ").unwrap();
        assert_eq!(
            letter[at..].lines().nth(2),
            Some("Не выполнен и в прошлом году (было 20,0\u{A0}%).")
        );
    }

    /// With bounds of 50 and 30 %, СОШ № 1–3 (9, 8, 7 of 23) are at the
    /// medium level and № 4–5 (6, 5 of 23) at the low one: СОШ № 9 is sent
    /// to the medium ones, though the low ones are nearer.
    #[test]
    fn peers_at_the_low_level_come_last() {
        let mut card = testkit::card();
        card.levels = Some(crate::card::LevelRule {
            high_from_percent: 50,
            medium_from_percent: 30,
        });
        let archive = six_schools(&card);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let weakest = &rating.last().unwrap().result;
        assert_eq!(weakest.name(), "СОШ № 9");
        assert_eq!(
            peers(&rating, weakest, "2.1"),
            ["СОШ №\u{A0}3", "СОШ №\u{A0}2", "СОШ №\u{A0}1"]
        );
    }

    /// Five schools earned 2.1; the weakest is pointed to the three just
    /// above it, not to the top of the rating, and the strongest to the
    /// three just below.
    #[test]
    fn peers_are_the_nearest_schools_that_earned_the_point() {
        let card = testkit::card();
        let archive = six_schools(&card);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let named = |name: &str| {
            let school = &rating
                .iter()
                .find(|r| r.result.name() == name)
                .unwrap()
                .result;
            peers(&rating, school, "2.1")
        };
        assert_eq!(
            named("СОШ № 9"),
            ["СОШ №\u{A0}5", "СОШ №\u{A0}4", "СОШ №\u{A0}3"]
        );
        assert_eq!(
            named("СОШ № 1"),
            ["СОШ №\u{A0}2", "СОШ №\u{A0}3", "СОШ №\u{A0}4"]
        );
        // In the middle, the better of two as near comes first.
        assert_eq!(
            named("СОШ № 3"),
            ["СОШ №\u{A0}2", "СОШ №\u{A0}4", "СОШ №\u{A0}1"]
        );
        // Of two as near, the one whose check is finished (its point
        // confirmed) comes first; a checked school further off does not
        // come before nearer ones, or the first few checked would stand in
        // every letter.
        let mut archive = archive;
        archive.set_checked("3", true);
        archive.set_checked("0", true);
        let mut rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let of = |rating: &[Ranked], name: &str| {
            let school = &rating
                .iter()
                .find(|r| r.result.name() == name)
                .unwrap()
                .result;
            peers(rating, school, "2.1")
        };
        assert_eq!(
            of(&rating, "СОШ № 3"),
            ["СОШ №\u{A0}4", "СОШ №\u{A0}2", "СОШ №\u{A0}1"]
        );
        assert_eq!(
            of(&rating, "СОШ № 9"),
            ["СОШ №\u{A0}5", "СОШ №\u{A0}4", "СОШ №\u{A0}3"]
        );
        // A school whose claimed total its answers do not give is no example.
        let doubted = rating
            .iter()
            .position(|r| r.result.name() == "СОШ № 2")
            .unwrap();
        rating[doubted].result.mismatch = true;
        assert_eq!(
            of(&rating, "СОШ № 3"),
            ["СОШ №\u{A0}4", "СОШ №\u{A0}1", "СОШ №\u{A0}5"]
        );
    }

    /// 4.1 in bands (from 30 % one point, from 60 % two): a school on the
    /// lower band has not met it. Its letter lists it as partly met, the
    /// school on the top band is its example, and the municipal count of
    /// schools that met it and the matrix agree.
    #[test]
    fn a_lower_band_is_not_met() {
        let mut card = testkit::card();
        testkit::in_bands(card.indicators_mut().find(|i| i.code == "4.1").unwrap());
        card.recount();
        let school = |name: &str, n: &str| {
            let mut d = draft(name, "2025/2026", &[]);
            d.answers.insert("4.1".into(), testkit::share(n, "100"));
            d
        };
        let (lower, top) = (school("СОШ № 2", "40"), school("СОШ № 5", "70"));
        let archive = testkit::archive(&card, &[("l", &lower), ("t", &top)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let of = |name: &str| testkit::ranked(&rating, name);
        assert_eq!(of("СОШ № 2").score.total, 1);
        let letter = draft_letter(&card, of("СОШ № 2"), None, &rating, &[], None);
        assert!(letter.contains("\n4.1. "), "{letter}");
        assert!(
            letter.contains("Выполнен частично: 1 балл из 2.\n"),
            "{letter}"
        );
        assert!(letter.contains("поделиться: СОШ №\u{A0}5."), "{letter}");
        // On the lower band last year too: said as such, not «не выполнен».
        let last = LastYear {
            card: &card,
            result: of("СОШ № 2"),
            filed: None,
            plan: &[],
            measures: Vec::new(),
        };
        let letter = draft_letter(&card, of("СОШ № 2"), None, &rating, &[], Some(last));
        assert!(
            letter.contains("\n4.1. ") && letter.contains("\nВ прошлом году выполнен частично.\n"),
            "{letter}"
        );
        let letter = draft_letter(&card, of("СОШ № 5"), None, &rating, &[], None);
        assert!(!letter.contains("\n4.1. "), "{letter}");
        assert!(
            !letter.contains("СОШ №\u{A0}2."),
            "not the example: {letter}"
        );
        let f = crate::department::figures::figures(
            &archive,
            &card,
            &results(&archive, DEFAULT_CARD, "2025/2026"),
        );
        let f41 = f.indicators.iter().find(|i| i.code == "4.1").unwrap();
        assert_eq!((f41.earned, f41.applicable), (1, 2));
    }

    /// A file claiming more than its answers give: the letter gives the
    /// recount and says why it differs from the school's own figure.
    #[test]
    fn a_letter_names_the_total_the_school_claimed_otherwise() {
        use crate::signed::keys::KeyPair;
        use crate::signed::submission::{seal, Payload};
        let card = testkit::card();
        let d = draft("СОШ № 2", "2025/2026", &["1.8", "2.1"]);
        let mut payload = Payload::new(
            &card,
            &d,
            &crate::scoring::assess(&card, &d),
            testkit::meta("w", testkit::SAMPLE_AT, None),
        );
        payload.score.total = 7;
        let text = seal(&payload, &KeyPair::from_seed([3; 32]));
        let mut archive = Archive::new(crate::department::archive::Cards::new([card.clone()]));
        archive.admit_all(vec![testkit::entry(&card, "w", &text)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letter = draft_letter(&card, &rating[0].result, None, &rating, &[], None);
        assert!(
            letter.contains(
                "\nПо ответам организации, пересчитанным отделом (карта ещё не \
                 проверена), организация набрала 2 балла из 23 (8,7\u{A0}%), эффективность \
                 профориентационной работы — \
                 низкая.\n\nВ выгрузке организации указано 7 баллов из 23: это расходится с \
                 пересчётом её ответов по правилам карты. Итоги в письме рассчитаны отделом по \
                 ответам организации.\n\n"
            ),
            "{letter}"
        );
        let honest = testkit::archive(&card, &[("w", &d)]);
        let rating = rank(results(&honest, DEFAULT_CARD, "2025/2026"));
        let letter = draft_letter(&card, &rating[0].result, None, &rating, &[], None);
        assert!(!letter.contains("В выгрузке"), "{letter}");
    }

    /// Seed 002's 2.1 asks 20 % and growth: a school above the threshold
    /// that fell from last year reads why it missed the point, as its card
    /// told it; an indicator left empty says so; a yes or no says nothing.
    #[test]
    fn a_letter_says_what_the_schools_own_figure_missed() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        let mut fell = testkit::share("67", "100");
        fell.prev_numerator = "72".into();
        fell.prev_denominator = "100".into();
        d.answers.insert("2.1".into(), fell);
        let archive = testkit::archive(&lk, &[("w", &d)]);
        let rating = rank(results(&archive, "leninsk-kuznetsky", "2025/2026"));
        let letter = letter_of(&archive, &lk, &rating[0].result, &rating, None).unwrap();
        let under = |code: &str| {
            let at = letter.find(&format!("\n{code}. ")).unwrap();
            letter[at..].lines().nth(2).unwrap_or_default().to_owned()
        };
        assert_eq!(
            under("2.1"),
            "По данным организации: 67,0\u{A0}% (67 из 100). Порог не менее 20\u{A0}% достигнут. \
             В прошлом году 72,0\u{A0}% (72 из 100): роста нет; чтобы превысить прошлогоднюю долю, \
             не хватает 6 чел."
        );
        assert_eq!(under("6.1"), "Организация не заполнила показатель.");
        // A count has no share: its number leads the line. 1 ПОО of the 2
        // asked for.
        let mut one = d.clone();
        one.answers.insert(
            "6.1".into(),
            RawAnswer {
                count: "1".into(),
                ..RawAnswer::default()
            },
        );
        let counted = testkit::archive(&lk, &[("c", &one)]);
        let ranked = rank(results(&counted, "leninsk-kuznetsky", "2025/2026"));
        let text = letter_of(&counted, &lk, &ranked[0].result, &ranked, None).unwrap();
        let at = text.find("\n6.1. ").unwrap();
        assert_eq!(
            text[at..].lines().nth(2),
            Some(
                "По данным организации: количество ПОО, с которыми у ОО заключены договоры \
                 (несколько договоров с одной ПОО — одна ПОО) — 1. До требования «не менее 2» \
                 не хватает 1."
            )
        );
        // 1.1 asks growth alone: without last year it leaves the school's
        // maximum; put back by the department, the letter says why.
        let mut blank = d.clone();
        blank
            .answers
            .insert("1.1".into(), testkit::share("30", "100"));
        let mut put_back = testkit::archive(&lk, &[("b", &blank)]);
        put_back.set_decision(
            "b",
            "1.1",
            Some(crate::department::review::Decision::NoPoint),
        );
        let ranked = rank(results(&put_back, "leninsk-kuznetsky", "2025/2026"));
        let text = letter_of(&put_back, &lk, &ranked[0].result, &ranked, None).unwrap();
        let at = text.find("\n1.1. ").unwrap();
        assert_eq!(
            text[at..].lines().nth(2),
            Some(
                "Организация не указала данные прошлого года, и рост не с чем сравнить: по решению \
                 отдела показатель учтён с оценкой 0 баллов."
            ),
            "{text}"
        );
        // Left without last year, it is out of the maximum: said once,
        // above the missed ones, with what to do.
        let blank_text = {
            let archive = testkit::archive(&lk, &[("b", &blank)]);
            let ranked = rank(results(&archive, "leninsk-kuznetsky", "2025/2026"));
            letter_of(&archive, &lk, &ranked[0].result, &ranked, None).unwrap()
        };
        assert!(
            blank_text.contains(
                "Показатель 1.1 не вошёл в максимум: организация не указала данные прошлого \
                 года, и рост не с чем сравнить. Укажите их в следующей выгрузке.\n\n"
            ),
            "{blank_text}"
        );
        assert!(!text.contains("не вошёл в максимум"), "put back: {text}");
        // Its advice is growth, not the threshold the card's advice names,
        // in the letter and in the plan it suggests.
        let growth = "Добиться роста показателя по сравнению с прошлым годом: порог уже \
                      достигнут, балл не начислен из-за отсутствия положительной динамики";
        let at = letter.find("\n2.1. ").unwrap();
        assert_eq!(
            letter[at..].lines().nth(3),
            Some(format!("Рекомендация: {growth}.").as_str())
        );
        let to = addressee(&archive, &rating[0].result, &rating).unwrap();
        let plan = plan_of(&archive, &to.card, &to.school, Some(&to.answers), &[]);
        let row = plan
            .iter()
            .find(|r| r.indicators.contains(&"2.1".to_owned()));
        assert_eq!(row.map(|r| r.measure.as_str()), Some(growth));
    }

    /// Seed 002: no levels to name, and the informational 1.4 is never
    /// "missed", though it gives no point.
    #[test]
    fn a_letter_for_a_card_without_levels_names_only_scored_indicators() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        d.answers.insert("1.4".into(), testkit::share("3", "10"));
        d.answers.insert(
            "6.1".into(),
            crate::school::draft::RawAnswer {
                count: "1".into(),
                ..Default::default()
            },
        );
        let archive = testkit::archive(&lk, &[("w", &d)]);
        let rating = rank(results(&archive, "leninsk-kuznetsky", "2025/2026"));
        let letter = draft_letter(&lk, &rating[0].result, None, &rating, &[], None);
        assert!(
            letter.contains("набрала 0 баллов из 16 (0,0\u{A0}%).\n"),
            "{letter}"
        );
        assert!(!letter.contains("эффективность"));
        assert!(letter.contains("\n6.1. "));
        assert!(!letter.contains("\n1.4. "));
    }

    /// Ленинск-Кузнецкий's 1.1 scores an empty group 0: typed 0 of 0, the
    /// letter gives the numbers, without a percentage's dash (an audit
    /// read «— (0 из 0)» as data missing).
    #[test]
    fn an_empty_group_is_said_without_a_dash() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        d.answers.insert("1.1".into(), testkit::share("0", "0"));
        let archive = testkit::archive(&lk, &[("w", &d)]);
        let rating = rank(results(&archive, "leninsk-kuznetsky", "2025/2026"));
        let letter = letter_of(&archive, &lk, &rating[0].result, &rating, None).unwrap();
        assert!(
            letter.contains("\nПо данным организации: 0 из 0. В группе никого нет"),
            "{letter}"
        );
        assert!(!letter.contains("— (0 из 0)"), "{letter}");
    }

    /// 2.1 and 3.1 missed two years running; last year the school planned
    /// «Профпробы» on 2.1 and took part in the department's courses on it:
    /// the letter names both under 2.1 and asks why they did not work, and
    /// says nothing of the kind under 3.1, where nothing was planned, nor of
    /// a measure of another school.
    #[test]
    fn an_indicator_missed_again_names_what_was_planned_on_it() {
        use crate::department::measures::MeasureKind;
        use crate::school::plan::PlanRow;
        let card = testkit::card();
        let mut first = draft("Школа А", "2024/2025", &["1.8"]);
        first.plan = vec![
            PlanRow {
                measure: "Профпробы для 8–9 классов".into(),
                indicators: vec!["2.1".into()],
                ..PlanRow::default()
            },
            PlanRow {
                measure: "Встреча с родителями".into(),
                indicators: vec!["1.8".into()],
                ..PlanRow::default()
            },
            // Its part in the courses below, as the letter file wrote it:
            // the courses are named once.
            PlanRow {
                measure: "Участие: курсы повышения квалификации «Профпробы в колледже»".into(),
                indicators: vec!["2.1".into()],
                ..PlanRow::default()
            },
            // Last year's advice on 3.2, as its letter file put it in the
            // plan, retyped in capitals without its stop.
            PlanRow {
                measure: (card.indicator("3.2").unwrap().recommendation)
                    .trim_end_matches('.')
                    .to_uppercase(),
                indicators: vec!["3.2".into()],
                ..PlanRow::default()
            },
        ];
        let mut archive = testkit::archive(
            &card,
            &[
                ("a1", &first),
                ("a2", &draft("Школа А", "2025/2026", &["1.8"])),
                ("b1", &draft("Школа Б", "2024/2025", &[])),
            ],
        );
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let school = |name: &str| {
            before
                .iter()
                .find(|r| r.name() == name)
                .unwrap()
                .school
                .clone()
        };
        let mut courses = Measure::blank(DEFAULT_CARD, "2024/2025");
        courses.kind = MeasureKind::Courses;
        courses.title = "Профпробы в колледже".into();
        courses.indicators = vec!["2.1".into()];
        courses.audience = Audience::Schools(vec![school("Школа А")]);
        let mut elsewhere = courses.clone();
        elsewhere.title = "Совещание".into();
        elsewhere.audience = Audience::Schools(vec![school("Школа Б")]);
        archive.measures = vec![courses, elsewhere];
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letter = letter_of(
            &archive,
            &card,
            &rating[0].result,
            &rating,
            Some((&card, &before)),
        )
        .unwrap();
        let under = |code: &str| {
            let at = letter.find(&format!("\n{code}. ")).unwrap();
            let rest = &letter[at + 1..];
            rest[..rest.find("\n\n").unwrap_or(rest.len())].to_owned()
        };
        assert!(
            under("2.1").contains(
                "\nНе выполнен и в прошлом году.\nПо показателю после прошлого года было \
                 намечено: в плане мероприятий организации — «Профпробы для 8–9 классов»; \
                 муниципальная мера — курсы повышения квалификации «Профпробы в колледже». \
                 Просим проанализировать, почему намеченное не привело к выполнению показателя, \
                 и учесть это в новом плане.\n"
            ),
            "{letter}"
        );
        assert!(!under("3.1").contains("намечено"), "{letter}");
        assert!(!letter.contains("Совещание"), "{letter}");
        // The same advice again is not quoted a second time.
        let advice = &card.indicator("3.2").unwrap().recommendation;
        assert!(
            under("3.2").contains(
                "\nПо показателю после прошлого года было намечено: в плане мероприятий \
                 организации — «ВВЕСТИ НА УРОВНЕ СОО ПРОФИЛИ ОБУЧЕНИЯ"
            ),
            "{letter}"
        );
        assert!(
            under("3.2").ends_with(
                "\nРекомендация: та же, что и в прошлом году (она приведена выше, в плане \
                 организации); по итогам анализа дополнить её другими мероприятиями."
            ),
            "{letter}"
        );
        let start: String = advice.chars().take(40).collect::<String>().to_lowercase();
        assert_eq!(
            under("3.2").to_lowercase().matches(&start).count(),
            1,
            "{letter}"
        );
        // Other advice is given as before.
        assert!(
            under("3.1").contains("\nРекомендация: Разработать"),
            "{letter}"
        );
    }

    /// On a card without points a value below the municipality's again
    /// after last year's measure and the school's own planned one names
    /// both, as a missed indicator does on a card with points (a
    /// walk-through's school: 1.6 down from 94,3 to 58,1 % after a seminar
    /// on it, told only to look into why). A value not singled out says
    /// nothing of it.
    #[test]
    fn a_value_singled_out_again_after_a_measure_names_what_was_planned() {
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let school = |name: &str, period: &str, parents: &str| {
            let mut d = draft(name, period, &[]);
            for (code, p) in [("1.5", "70"), ("1.6", parents)] {
                let typed = RawAnswer {
                    percent: p.into(),
                    ..RawAnswer::default()
                };
                d.answers.insert(code.into(), typed);
            }
            d
        };
        let letter_for = |was: &str, now: &str, planned: &str| {
            let mut first = school("Школа А", "2024/2025", was);
            first.plan = vec![PlanRow {
                measure: planned.into(),
                indicators: vec!["1.5".into(), "1.6".into()],
                ..PlanRow::default()
            }];
            let mut archive = testkit::archive(
                &card,
                &[
                    ("a1", &first),
                    ("b1", &school("Школа Б", "2024/2025", "80")),
                    ("a2", &school("Школа А", "2025/2026", now)),
                    ("b2", &school("Школа Б", "2025/2026", "80")),
                ],
            );
            let before = results(&archive, &card.id, "2024/2025");
            let a = before.iter().find(|r| r.name() == "Школа А").unwrap();
            let mut seminar = Measure::blank(&card.id, "2024/2025");
            seminar.title = "Работа с родителями".into();
            seminar.indicators = ["1.5", "1.6"]
                .map(|c| card.indicator(c).unwrap().key().to_owned())
                .to_vec();
            seminar.audience = Audience::Schools(vec![a.school.clone()]);
            archive.measures = vec![seminar];
            let rating = rank(results(&archive, &card.id, "2025/2026"));
            letter_of(
                &archive,
                &card,
                testkit::ranked(&rating, "Школа А"),
                &rating,
                Some((&card, &before)),
            )
            .unwrap()
        };
        let letter = letter_for("94,3", "58,1", "Анкетирование родителей");
        assert!(
            letter.contains(
                "\nЗначение организации — 58,1\u{A0}%, это ниже, чем по муниципалитету: в среднем \
                 69,1\u{A0}% по 2 организациям.\nВ прошлом году — 94,3\u{A0}%: значение \
                 снизилось.\nПо показателю после прошлого года было намечено: в плане \
                 мероприятий организации — «Анкетирование родителей»; муниципальная мера — \
                 методическое мероприятие «Работа с родителями». Просим проанализировать, почему \
                 намеченное не дало результата, и учесть это в новом плане.\nРекомендация: "
            ),
            "{letter}"
        );
        // 1.5, at the municipality's 70 % both years, is not singled out.
        assert_eq!(letter.matches("было намечено").count(), 1, "{letter}");
        // Risen from 40 to 55 %, still below the 67,5 % of the two: not
        // asked why the steps gave nothing.
        let letter = letter_for("40", "55", "Анкетирование родителей");
        assert!(
            letter.contains("это ниже, чем по муниципалитету"),
            "{letter}"
        );
        assert!(!letter.contains("было намечено"), "{letter}");
        // Last year's advice itself planned, as the letter file puts it:
        // quoted among the steps, not again as this year's advice.
        let letter = letter_for("94,3", "58,1", "Анкетирование родителей");
        let at = letter.find("Значение организации — 58,1").unwrap();
        let advice = letter[at..].split("\nРекомендация: ").nth(1).unwrap();
        let advice = advice[..advice.find('\n').unwrap()].trim_end_matches('.');
        let letter = letter_for("94,3", "58,1", advice);
        assert!(
            letter.contains(&format!(
                "в плане мероприятий организации — «{advice}»; муниципальная мера — \
                 методическое мероприятие «Работа с родителями». Просим проанализировать, \
                 почему намеченное не дало результата, и учесть это в новом плане.\n\
                 Рекомендация: та же, что и в прошлом году (она приведена выше, в плане \
                 организации); по итогам анализа дополнить её другими мероприятиями.\n"
            )),
            "{letter}"
        );
    }

    /// Two schools; 2.1 is met by one of them (not fewer than half), 1.8 by
    /// none: only 1.8 is named, with its figures.
    #[test]
    fn a_letter_to_a_target_group_names_weak_indicators_and_its_measures() {
        let card = testkit::card();
        let a = draft("А", "2025/2026", &["2.1"]);
        let b = draft("Б", "2025/2026", &[]);
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b)]);
        let res = results(&archive, DEFAULT_CARD, "2025/2026");
        let f = crate::department::figures::figures(&archive, &card, &res);
        let mut m = Measure::blank(DEFAULT_CARD, "2025/2026");
        m.title = "Курсы по профориентации".into();
        m.kind = crate::department::measures::MeasureKind::Courses;
        m.audience = Audience::Group(TargetGroup::ClassTeachers);
        let mut other = m.clone();
        other.audience = Audience::Group(TargetGroup::Heads);
        other.title = "Совещание".into();
        let mut archive = archive;
        archive.measures = vec![m, other];
        let letter = group_letter(
            &archive,
            &card,
            Recipients::Group(TargetGroup::ClassTeachers),
            "2025/2026",
            &f,
            &res,
        );
        assert!(letter.starts_with(
            "Классным руководителям\n\nРекомендации по итогам мониторинга профориентационной работы\n\
             за 2025/2026 учебный год\n\n"
        ));
        assert!(letter.contains("\n1.8. "));
        assert!(letter.contains("— выполнен в 0 из 2 организаций."));
        assert!(!letter.contains("\n2.1. "));
        // The title names the kind itself: not said twice.
        assert!(letter.contains("— курсы по профориентации\n"), "{letter}");
        assert!(!letter.contains("Совещание"));
    }

    fn heads_letter(archive: &Archive, card: &Card, f: &Figures, res: &[SchoolResult]) -> String {
        let to = Recipients::Group(TargetGroup::Heads);
        group_letter(archive, card, to, "2025/2026", f, res)
    }

    /// A school meeting every indicator of `card` but `skip`.
    fn all_but(card: &Card, name: &str, skip: &[&str]) -> crate::school::draft::Draft {
        let mut d = draft(name, "2025/2026", &[]);
        for i in card.scored_indicators() {
            if !skip.contains(&i.code.as_str()) {
                let answer = match i.rule {
                    crate::card::Rule::Fact { .. } => testkit::fact(true),
                    _ => testkit::share("100", "100"),
                };
                d.answers.insert(i.code.clone(), answer);
            }
        }
        d
    }

    /// Two high schools meeting everything, two low ones missing ten
    /// indicators each, five of them the same: the letter to the low
    /// schools names those five (0 of 2 in the group, 2 of 4 in the
    /// municipality, so not weak there) and the measure addressed to the
    /// level; the high schools' letter names none.
    #[test]
    fn a_letter_to_a_level_names_the_weak_spots_of_its_schools() {
        let card = testkit::card();
        let codes: Vec<&str> = card.scored_indicators().map(|i| i.code.as_str()).collect();
        let drafts = [
            all_but(&card, "Школа № 1", &[]),
            all_but(&card, "Школа № 2", &[]),
            all_but(&card, "Школа № 3", &codes[..10]),
            all_but(&card, "Школа № 4", &codes[5..15]),
        ];
        let files: Vec<_> = ["a", "b", "c", "d"].into_iter().zip(&drafts).collect();
        let mut archive = testkit::archive(&card, &files);
        let mut measure = Measure::blank(DEFAULT_CARD, "2025/2026");
        measure.title = "Семинар для руководителей".into();
        measure.audience = Audience::Level(Level::Low);
        archive.measures = vec![measure];
        let res = results(&archive, DEFAULT_CARD, "2025/2026");
        let levels: Vec<Option<Level>> = res.iter().map(|r| r.score.level).collect();
        assert_eq!(levels.iter().filter(|l| **l == Some(Level::Low)).count(), 2);
        let f = crate::department::figures::figures(&archive, &card, &res);
        let low = Recipients::Level(Level::Low);
        // A department's own card may leave a recommendation without its
        // full stop: the letter puts it.
        let mut plain = card.clone();
        for i in plain.indicators_mut().filter(|i| i.code == codes[5]) {
            i.recommendation = i.recommendation.trim_end_matches('.').to_owned();
        }
        let letter = group_letter(&archive, &plain, low, "2025/2026", &f, &res);
        assert!(
            letter.starts_with(
                "Руководителям образовательных организаций с низкой эффективностью \
             профориентационной работы (Школа №\u{A0}3, Школа №\u{A0}4)\n\n\
             Рекомендации по итогам мониторинга"
            ),
            "{letter}"
        );
        assert!(letter.contains(
            "\nПоказатели, выполненные менее чем в половине этих организаций (из тех, к которым \
             они относятся):\n"
        ));
        for code in &codes[5..10] {
            let text = card.indicator(code).unwrap().text.trim();
            assert!(
                letter.contains(&format!(
                "\n{code}. {text} — выполнен в 0 из 2 организаций (по муниципалитету — в 2 из 4 \
                 организаций).\n"
            )),
                "{code}: {letter}"
            );
        }
        assert_eq!(letter.matches(" — выполнен в ").count(), 5, "{letter}");
        // Most of a group may have met an indicator: its advice says whom
        // it is for.
        assert_eq!(
            letter
                .matches("\nРекомендация организациям, где показатель не выполнен: ")
                .count(),
            5,
            "{letter}"
        );
        // Each a sentence, as a school's own letter has it.
        assert!(
            (letter.lines())
                .filter(|l| l.starts_with("Рекомендация организациям"))
                .all(|l| l.ends_with('.')),
            "{letter}"
        );
        assert!(letter.contains(
            "\nМуниципальные меры для этих организаций:\n— методическое мероприятие «Семинар для руководителей»\n"
        ), "{letter}");
        // Recorded when only Школа № 3 was low: the line says so.
        let third = (res.iter()).find(|r| r.name() == "Школа № 3").unwrap();
        archive.measures[0].reached = Some(vec![third.school.clone()]);
        let letter = group_letter(&archive, &card, low, "2025/2026", &f, &res);
        assert!(letter.contains(
            "— методическое мероприятие «Семинар для руководителей»; ОО с низкой эффективностью \
             на день записи меры: Школа №\u{A0}3; теперь с низкой эффективностью также: Школа №\u{A0}4\n"
        ), "{letter}");
        assert_eq!(
            low.key(DEFAULT_CARD, "2025/2026"),
            format!("уровень/{DEFAULT_CARD}/2025/2026/low")
        );
        assert_eq!(low.label(), "ОО с низкой эффективностью");
        assert_eq!(
            Recipients::Level(Level::Medium).label(),
            "ОО со средней эффективностью"
        );

        let high = Recipients::Level(Level::High);
        let letter = group_letter(&archive, &card, high, "2025/2026", &f, &res);
        assert!(letter.contains(
            "\nКаждый показатель, дающий баллы, выполнен не менее чем в половине этих организаций \
             (из тех, к которым он относится).\n"
        ), "{letter}");
        assert!(!letter.contains(" — выполнен в "), "{letter}");
        assert!(!letter.contains("Семинар"), "{letter}");

        // A measure for every school goes to each level's letter and to the
        // heads', not to another group's.
        let mut courses = Measure::blank(DEFAULT_CARD, "2025/2026");
        courses.title = "Курсы для всех ОО".into();
        archive.measures.push(courses);
        let line = "— методическое мероприятие «Курсы для всех ОО»\n";
        for to in [high, low, Recipients::Group(TargetGroup::Heads)] {
            let letter = group_letter(&archive, &card, to, "2025/2026", &f, &res);
            assert!(letter.contains(line), "{letter}");
        }
        let teachers = Recipients::Group(TargetGroup::Teachers);
        let letter = group_letter(&archive, &card, teachers, "2025/2026", &f, &res);
        assert!(!letter.contains("Курсы"), "{letter}");
    }

    /// Seed 004's card gives no points: its letter names no indicator as
    /// met «less often», and does not claim that half the schools meet each.
    #[test]
    fn a_group_letter_for_a_card_without_points_names_no_weak_indicator() {
        let card = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        // 1.1 «да» at one school of two, «нет» at the other.
        // 1.5 typed by А alone: its mean is over one school of two.
        let mut a = draft("А", "2025/2026", &["1.1"]);
        a.answers.entry("1.5".into()).or_default().percent = "80".into();
        let mut b = draft("Б", "2025/2026", &[]);
        b.answers.insert("1.1".into(), testkit::fact(false));
        let archive = testkit::archive(&card, &[("a", &a), ("b", &b)]);
        let res = results(&archive, &card.id, "2025/2026");
        let f = crate::department::figures::figures(&archive, &card, &res);
        let letter = heads_letter(&archive, &card, &f, &res);
        assert!(
            letter.contains(
                "\nКарта не оценивает показатели баллами. Значения показателей образовательных \
                 организаций (подробнее — в аналитической справке):\n"
            ),
            "{letter}"
        );
        let text = |code: &str| card.indicator(code).unwrap().text.trim().to_owned();
        assert!(
            letter.contains(&format!(
                "\n1.1. {}: да — у 1 из 2 (50,0\u{A0}%).\n",
                text("1.1")
            )),
            "{letter}"
        );
        let mean = letter
            .lines()
            .find(|l| l.starts_with("1.5. "))
            .unwrap_or_default();
        assert!(
            mean.contains(": в среднем 80,0") && mean.ends_with("по 1 из 2 школ)."),
            "{mean}"
        );
        // Answered by neither: «нет данных».
        assert!(
            letter.contains(&format!("\n1.2. {}: нет данных.\n", text("1.2"))),
            "{letter}"
        );
        assert!(!letter.contains("не менее чем в половине"), "{letter}");
        assert!(!letter.contains("выполнен в"), "{letter}");
    }

    /// Every indicator met by half the schools or more: the letter says so,
    /// then names the least met, lowest share first, with their ties.
    #[test]
    fn a_group_letter_without_weak_indicators_names_the_least_met() {
        let card = testkit::card();
        let all_but = |name: &str, skip: &[&str]| all_but(&card, name, skip);
        let drafts = [
            all_but("А", &["1.8", "2.1"]),
            all_but("Б", &["1.8"]),
            all_but("В", &[]),
            all_but("Г", &[]),
        ];
        let archive = testkit::archive(
            &card,
            &[
                ("a", &drafts[0]),
                ("b", &drafts[1]),
                ("c", &drafts[2]),
                ("d", &drafts[3]),
            ],
        );
        let res = results(&archive, DEFAULT_CARD, "2025/2026");
        let f = crate::department::figures::figures(&archive, &card, &res);
        let letter = heads_letter(&archive, &card, &f, &res);
        assert!(
            letter.contains(
                "не менее чем в половине образовательных организаций (из тех, к которым он \
                 относится).\n\
                 Реже других выполняются:\n"
            ),
            "{letter}"
        );
        let at = |code: &str| letter.find(&format!("\n{code}. ")).unwrap_or(usize::MAX);
        assert!(at("1.8") < at("2.1") && at("2.1") < usize::MAX, "{letter}");
        assert!(letter.contains("— выполнен в 2 из 4 организаций."));
        assert!(letter.contains("— выполнен в 3 из 4 организаций."));
        assert_eq!(letter.matches(" — выполнен в ").count(), 2);
        // Four missed by one school each: the fourth ties with the third
        // and is named too.
        let drafts = [
            all_but("А", &["1.8"]),
            all_but("Б", &["2.1"]),
            all_but("В", &["3.1"]),
            all_but("Г", &["4.3"]),
        ];
        let ids = ["a", "b", "c", "d"];
        let files: Vec<_> = ids.into_iter().zip(&drafts).collect();
        let archive = testkit::archive(&card, &files);
        let res = results(&archive, DEFAULT_CARD, "2025/2026");
        let f = crate::department::figures::figures(&archive, &card, &res);
        let letter = heads_letter(&archive, &card, &f, &res);
        assert_eq!(
            letter.matches(" — выполнен в 3 из 4 организаций.").count(),
            4,
            "{letter}"
        );
    }

    /// The letters to every school, by name: the coordinator's edit where
    /// she made one, the draft elsewhere; in one Word document, a page
    /// each.
    #[test]
    fn every_school_letter_is_the_one_on_screen() {
        let mut archive = testkit::three_schools();
        archive.edit_letter("2", Some("Исправленное письмо школе Б".into()), "Черновик");
        let card = testkit::card();
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let letters = all_letters(&archive, &card, &rating, None);
        assert_eq!(letters.len(), 3);
        let school = |name: &str| testkit::ranked(&rating, name);
        let drafted = |name: &str| letter_of(&archive, &card, school(name), &rating, None).unwrap();
        assert_eq!(letters[0], drafted("Школа А"));
        assert_eq!(letters[1], "Исправленное письмо школе Б");
        assert_eq!(letters[2], drafted("Школа В"));
        assert!(letters[2].contains("Школа В"));
        let docx =
            crate::department::letter_file::letters_docx(letters.iter().map(String::as_str), &card);
        // A section each, its pages numbered from 1: the body's last and
        // two that end with a letter.
        let xml = String::from_utf8_lossy(&docx);
        assert_eq!(xml.matches(r#"<w:pgNumType w:start="1"/>"#).count(), 3);
        assert_eq!(
            xml.matches("<w:p><w:pPr><w:sectPr>").count(),
            2,
            "a page each"
        );
    }

    /// An answer with an error to an indicator without points is missed by
    /// nothing, yet counts in no municipal value: the letter says so.
    #[test]
    fn an_error_in_an_indicator_without_points_is_named() {
        let card = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let informational = card.indicators().find(|i| i.points == 0).unwrap();
        assert!(matches!(
            informational.rule,
            crate::card::Rule::Share { .. }
        ));
        let mut a = testkit::draft("Школа А", "2025/2026", &[]);
        a.answers.insert(
            informational.code.clone(),
            RawAnswer {
                numerator: "5".into(),
                denominator: "-600".into(),
                ..RawAnswer::default()
            },
        );
        let archive = testkit::archive(&card, &[("a", &a)]);
        let text = year_letter(&archive, &card, "Школа А");
        let said = format!(
            "Данные показателя {} заполнены с ошибкой и не учтены в значениях по \
             муниципалитету: ",
            informational.code
        );
        let line = text.split("\n").find(|l| l.starts_with(&said));
        let line = line.unwrap_or_else(|| panic!("{text}"));
        assert!(
            line.ends_with(" Исправьте их в следующей выгрузке."),
            "{line}"
        );
        assert!(line.contains("отрицательн"), "{line}");
    }
}
