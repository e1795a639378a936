//! The letter of a card without points. Nothing is earned or missed, so a
//! school is told what the card measures: each of its values beside the
//! municipality's and its own of last year, and the indicators where it is
//! below either, or left a gap, singled out with advice and planned for.
//! Before this, such a card had no letters at all, and the cycle of
//! recommendations and plans did not close for it.

use crate::card::{Card, Indicator, Rule};
use crate::department::figures::{Figures, IndicatorFigure};
use crate::department::results::SchoolResult;
use crate::department::review::ReviewStatus;
use crate::department::value::{municipal_value, with_counts, Value};
use crate::scoring::{Assessment, NotApplicable, Outcome};
use crate::text::{lower_first, percents_apart, plural, quoted};

use super::{
    advice_line, after_objection, answer_to, refusal_advice, remark_sentence, school_figure,
    LastYear,
};

/// The year's municipal figures on the year's card, whose codes they
/// speak: a school on another version finds its indicators there by key.
#[derive(Clone, Copy)]
pub struct Municipal<'a> {
    pub card: &'a Card,
    pub figures: &'a Figures,
}

impl<'a> Municipal<'a> {
    fn figure(&self, indicator: &Indicator) -> Option<&'a IndicatorFigure> {
        let code = &self.card.by_key(indicator.key())?.code;
        (self.figures.indicators.iter()).find(|f| &f.code == code)
    }
}

/// Two values as set side by side: two shares that read alike in tenths
/// with as many decimals as tell them apart, so that «ниже» or «снизилось»
/// never stands between two equal figures. `None` when they read apart.
fn apart(a: Value, b: Value) -> Option<(String, String)> {
    let (Value::Share(n, d), Value::Share(m, e)) = (a, b) else {
        return None;
    };
    let (x, y) = percents_apart((n, d), (m, e))?;
    Some((with_counts(&x, n, d), with_counts(&y, m, e)))
}

/// The school's value and the municipality's `compared` (its value and
/// words), and whether the school's is below; `None` when not compared.
fn beside_municipality(own: Value, compared: Option<(Value, String)>) -> (String, Option<bool>) {
    let who = match own {
        Value::Fact(_) => "Ответ организации",
        _ => "Значение организации",
    };
    let judged = compared.and_then(|(v, said)| {
        let (value, said) = apart(own, v).unwrap_or((own.said(), said));
        Some((own.below(v)?, value, said))
    });
    let below = judged.as_ref().map(|(below, ..)| *below);
    let line = match (judged, own) {
        // «Ниже» of a «нет» needs no saying, nor brackets in brackets.
        (Some((true, value, said)), Value::Fact(_)) => {
            format!("{who} — {value}, тогда как по муниципалитету {said}.")
        }
        (Some((true, value, said)), _) => {
            format!("{who} — {value}, это ниже, чем по муниципалитету: {said}.")
        }
        (Some((false, value, said)), Value::Fact(_)) => {
            format!("{who} — {value}; по муниципалитету {said}.")
        }
        (Some((false, value, said)), _) => format!("{who} — {value}; по муниципалитету — {said}."),
        (None, _) => format!("{who} — {}.", own.said()),
    };
    (line, below)
}

/// Last year's value `before` beside this year's `own`, and whether it
/// fell; `None` between values of different kinds.
fn beside_last_year(own: Value, before: Value) -> Option<(String, bool)> {
    before.below(own)?;
    let fell = own.below(before) == Some(true);
    let said = match (fell, own) {
        (false, _) => "",
        (true, Value::Fact(_)) => ": ответ изменился",
        (true, _) => ": значение снизилось",
    };
    // Read alike in tenths, both years with more decimals.
    let line = match apart(before, own) {
        Some((then, now)) => format!("В прошлом году — {then}, в этом году — {now}{said}."),
        None => format!("В прошлом году — {}{said}.", before.said()),
    };
    Some((line, fell))
}

/// An indicator the letter singles out, with what it says of it and the
/// advice, which is also the plan row's measure.
pub(super) struct Row<'a> {
    pub indicator: &'a Indicator,
    pub lines: Vec<String>,
    /// Singled out (below the municipality or last year, refused, typed
    /// with an error): the advice, also the plan row's measure.
    pub advice: Option<String>,
    /// The advice is one the school planned after last year's letter,
    /// quoted among the steps in `lines`.
    pub again: bool,
}

/// What a school's letter on a card without points says of its values:
/// a row per indicator with a value or a word from the check, in card
/// order.
pub(super) struct Values<'a> {
    pub rows: Vec<Row<'a>>,
    /// Not filled in: one line and one plan row for them all.
    pub unanswered: Vec<&'a str>,
    /// Ruled not applicable at the check: out of the comparison.
    pub ruled: Vec<&'a str>,
    /// Some value is set beside last year's.
    pub last_year: bool,
    /// Some value is set beside the municipality's.
    pub compared: bool,
    /// Some value is set beside the municipality's and is not below it,
    /// and none is a «нет» or an empty group's: only then is the school
    /// praised. Without one, «не ниже» would praise a school nothing was
    /// compared for, or one that said «нет» as most did.
    pub praised: bool,
    /// Lists of events: their rows and sums have no municipal value to
    /// set them beside.
    pub lists: Vec<&'a str>,
    /// The check finished for so many of so many schools, when it has not
    /// for all: the municipal values set beside the school's may change.
    pub provisional: Option<(usize, usize)>,
}

/// The line of a share whose group is empty this year.
pub(super) const EMPTY_GROUP: &str =
    "Значение не рассчитано: в группе 0 человек (0 из 0). Если это не так, \
                           уточните данные в следующей выгрузке.";

pub(super) fn values<'a>(
    card: &'a Card,
    school: &SchoolResult,
    answers: Option<&Assessment>,
    municipal: Municipal,
    last_year: Option<&LastYear>,
) -> Values<'a> {
    let mut out = Values {
        rows: Vec::new(),
        unanswered: Vec::new(),
        ruled: Vec::new(),
        last_year: false,
        compared: false,
        praised: false,
        lists: Vec::new(),
        provisional: {
            let f = municipal.figures;
            (f.checked < f.schools).then_some((f.checked, f.schools))
        },
    };
    let mut unpraised = false;
    for indicator in card.indicators() {
        let Some(counted) = school.score.indicator(&indicator.code) else {
            continue;
        };
        let Some(answer) = answer_to(answers, indicator) else {
            continue;
        };
        // 0 of 0: nothing to compare, and a school that has such pupils
        // would otherwise never hear that its figure is missing.
        let empty = matches!(
            answer.outcome,
            Outcome::NotApplicable(NotApplicable::EmptyGroup)
        ) || answer.outcome.share().is_some_and(|(_, d)| d == 0);
        if empty {
            unpraised = true;
            let remark = school.remark(&indicator.code).map(remark_sentence);
            out.rows.push(Row {
                indicator,
                lines: [EMPTY_GROUP.to_owned()].into_iter().chain(remark).collect(),
                advice: None,
                again: false,
            });
            continue;
        }
        if !counted.applies {
            if counted.claimed_applies {
                out.ruled.push(&indicator.code);
            }
            continue;
        }
        let mut lines = Vec::new();
        let mut noted = false;
        let mut steps = None;
        let own = Value::of(&answer.outcome);
        let refused = school.refusal(&indicator.code);
        if let Some(comment) = refused {
            lines.push(match comment {
                "" => "При проверке значение не подтверждено (причина не указана).".to_owned(),
                why => format!(
                    "При проверке значение не подтверждено. Замечание проверки: {}.",
                    quoted(why.trim_end_matches('.'))
                ),
            });
            // A refused «да» counts as «нет» in the municipal value; a
            // figure is left out of it.
            lines.extend(own.map(|own| match own {
                Value::Fact(_) => format!(
                    "Ответ организации — {}; в значении по муниципалитету он учтён как «нет».",
                    own.said()
                ),
                _ => format!(
                    "Значение организации — {}; в значение по муниципалитету оно не вошло.",
                    own.said()
                ),
            }));
            noted = true;
        } else if matches!(indicator.rule, Rule::List { .. })
            && matches!(answer.outcome, Outcome::Scored { .. })
        {
            // Its rows and sums have no municipal value to set them beside.
            out.lists.push(&indicator.code);
        } else if let Some(own) = own {
            let compared = municipal.figure(indicator).and_then(municipal_value);
            let (line, below) = beside_municipality(own, compared);
            lines.push(line);
            noted |= below == Some(true);
            out.compared |= below.is_some();
            out.praised |= below == Some(false);
            unpraised |= own == Value::Fact(false);
            let typed = answer
                .outcome
                .last_year_share()
                .map(|(n, d)| Value::Share(n, d));
            let before = typed.or_else(|| last_year.and_then(|l| last_value(l, indicator)));
            if let Some((line, fell)) = before.and_then(|b| beside_last_year(own, b)) {
                lines.push(line);
                out.last_year = true;
                noted |= fell;
            }
            // Below or fallen again after a measure or a planned one: the
            // cycle did not close for it (a walk-through's school, its 1.6
            // down from 94,3 to 58,1 % after a seminar on it, was told only
            // to look into why). One that rose, still below, is not asked
            // why the steps gave nothing.
            let rose = before.is_some_and(|b| b.below(own) == Some(true));
            if noted && before.is_some() && !rose {
                if let Some((l, said)) =
                    last_year.and_then(|l| Some((l, l.steps(indicator.key())?)))
                {
                    lines.push(said);
                    steps = Some(l);
                }
            }
        } else if matches!(answer.outcome, Outcome::Unanswered) {
            unpraised = true;
            out.unanswered.push(&indicator.code);
        } else if matches!(answer.outcome, Outcome::Invalid) {
            // Not in the municipal value either.
            lines.extend(school_figure(indicator, answer));
            noted = true;
        }
        lines.extend(school.remark(&indicator.code).map(remark_sentence));
        unpraised |= noted;
        if !lines.is_empty() {
            let advice = noted.then(|| advice(indicator, school, &answer.outcome));
            out.rows.push(Row {
                indicator,
                again: (steps.zip(advice.as_deref()))
                    .is_some_and(|(l, a)| l.planned_again(indicator.key(), a)),
                advice,
                lines,
            });
        }
    }
    out.praised &= !unpraised;
    out
}

impl Values<'_> {
    /// Each singled-out indicator's code and advice, as the plan takes
    /// them; those not filled in share one.
    pub fn advised(&self) -> Vec<(String, String)> {
        let noted =
            (self.rows.iter()).filter_map(|r| Some((r.indicator.code.clone(), r.advice.clone()?)));
        let blank = (self.unanswered.iter()).map(|c| (c.to_string(), FILL_IN.to_owned()));
        noted.chain(blank).collect()
    }
}

/// The advice on a value not filled in or filled in with an error.
pub(super) const FILL_IN: &str =
    "Указать в карте незаполненные значения: по ним организация не учтена в сводных значениях по \
     муниципалитету";

/// Last year's value of `indicator` from the school's file of that year,
/// in its own version, found by key. (Last year's share typed in this
/// year's card comes first: it is what the school itself set beside this
/// year's.)
fn last_value(last: &LastYear, indicator: &Indicator) -> Option<Value> {
    // Not confirmed or ruled out at last year's check: no figure to fall
    // from. The result speaks that year's card's codes.
    let checked = last.card.by_key(indicator.key())?;
    let counted = last.result.score.indicator(&checked.code)?;
    if !counted.applies || last.result.refusal(&checked.code).is_some() {
        return None;
    }
    let (own, answers) = last.filed?;
    let then = own.by_key(indicator.key())?;
    Value::of(&answer_to(Some(answers), then)?.outcome)
}

/// The advice for a singled-out value, which is also its plan row.
fn advice(indicator: &Indicator, school: &SchoolResult, outcome: &Outcome) -> String {
    // Nothing is «выполнен» without points: a value is confirmed.
    if let Some(refused) = refusal_advice(school, &indicator.code, "значение") {
        return refused;
    }
    match (outcome, indicator.recommendation.trim()) {
        (Outcome::Invalid, _) => FILL_IN.to_owned(),
        (_, "") => GENERAL.to_owned(),
        (_, own) => own.to_owned(),
    }
}

/// The advice where the card has none: for a value and a «нет» alike.
pub(super) const GENERAL: &str =
    "Проанализировать причины и предусмотреть мероприятия по показателю";

/// The letter's body on a card without points, after its heading.
pub(super) fn body(values: &Values, school: &SchoolResult) -> String {
    let basis = match school.status {
        ReviewStatus::Checked => "по итогам проверки карты",
        ReviewStatus::InReview => "по предварительным итогам проверки (проверка не завершена)",
        ReviewStatus::Received => "по данным самой организации (карта ещё не проверена отделом)",
    };
    // Only what was done: a school of 0 of 0 alone is compared with nothing.
    let set_beside = match (values.compared, values.last_year) {
        (true, true) => "сопоставлены со значениями по муниципалитету и с прошлым годом",
        (true, false) => "сопоставлены со значениями по муниципалитету",
        (false, true) => "сопоставлены с прошлым годом",
        (false, false) => "перечислены по показателям",
    };
    // Each part below opens with its own blank line.
    // A letter drafted while the check goes on quotes municipal values
    // that may still move. «завершена по 0 из 3» would read as a result.
    let of = |all: usize| {
        let word = plural(all as u64, "организации", "организаций", "организаций");
        format!("{all} {word}")
    };
    let provisional = match (values.compared, values.provisional) {
        (true, Some((0, all))) => format!(
            " Значения по муниципалитету предварительные: проверка ещё не завершена ни по одной \
             из {}.",
            of(all)
        ),
        (true, Some((checked, all))) => format!(
            " Значения по муниципалитету предварительные: проверка завершена по {checked} из {}.",
            of(all)
        ),
        _ => String::new(),
    };
    let mut text = format!(
        "Карта не оценивает показатели баллами. Далее значения организации {set_beside}. \
         Значения приведены {basis}.{provisional}\n"
    );
    match values.ruled.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "\nПри проверке показатель {one} признан неприменимым к организации и в сравнение не \
             вошёл.\n"
        )),
        many => text.push_str(&format!(
            "\nПри проверке показатели {} признаны неприменимыми к организации и в сравнение не \
             вошли.\n",
            many.join(", ")
        )),
    }
    // Each with the reviewer's reason, as a card with points gives it
    // (a review: on a card of values it reached no letter).
    for code in &values.ruled {
        if let Some(remark) = school.remark(code) {
            text.push_str(&format!(
                "{code}: {}\n",
                lower_first(&remark_sentence(remark))
            ));
        }
    }
    let (noted, rest): (Vec<&Row>, Vec<&Row>) =
        values.rows.iter().partition(|r| r.advice.is_some());
    let block = |text: &mut String, row: &Row| {
        text.push_str(&format!(
            "\n{}. {}\n",
            row.indicator.code,
            row.indicator.text.trim()
        ));
        for line in &row.lines {
            text.push_str(&format!("{line}\n"));
        }
    };
    if noted.is_empty() && values.unanswered.is_empty() && values.praised {
        let nor_last_year = match values.last_year {
            true => ", и не ниже прошлогодних",
            false => "",
        };
        text.push_str(&format!(
            "\nЗначения организации не ниже, чем по муниципалитету{nor_last_year}. Рекомендуем \
             поделиться опытом с образовательными организациями муниципалитета.\n"
        ));
    }
    if !noted.is_empty() {
        // Last year named only where there is one to be below.
        let or_last_year = match values.last_year {
            true => ", или ниже прошлогоднего",
            false => "",
        };
        text.push_str(&format!(
            "\nРекомендуем обратить внимание на показатели, по которым значение организации ниже, \
             чем по муниципалитету{or_last_year}, не подтверждено при проверке или заполнено с \
             ошибкой.\n"
        ));
    }
    // The general advice of several values is said once, after them: the
    // same sentence under each of seven read as a form (a walk-through).
    let general: Vec<&str> = (noted.iter())
        .filter(|r| {
            r.advice.as_deref() == Some(GENERAL) && school.refusal(&r.indicator.code).is_none()
        })
        .map(|r| r.indicator.code.as_str())
        .collect();
    for row in &noted {
        block(&mut text, row);
        // The objection is quoted just above: not again.
        let advice = match school.refusal(&row.indicator.code) {
            Some(comment) if !comment.is_empty() => Some(after_objection(row.indicator)),
            _ if general.len() > 1 && general.contains(&row.indicator.code.as_str()) => None,
            _ => row.advice.clone(),
        };
        if let Some(advice) = advice {
            text.push_str(&advice_line(&advice, row.again));
        }
    }
    if general.len() > 1 {
        text.push_str(&format!(
            "\nРекомендация по показателям {}: проанализировать причины и предусмотреть \
             мероприятия по каждому из них.\n",
            general.join(", ")
        ));
    }
    match values.unanswered.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "\nНе указано значение показателя {one}: по нему организация не учтена в сводном \
             значении по муниципалитету. Просим указать его в следующей выгрузке.\n"
        )),
        many => text.push_str(&format!(
            "\nНе указаны значения показателей {}: по ним организация не учтена в сводных \
             значениях по муниципалитету. Просим указать их в следующей выгрузке.\n",
            many.join(", ")
        )),
    }
    if !rest.is_empty() {
        text.push_str(match noted.is_empty() && values.unanswered.is_empty() {
            true => "\nЗначения организации по показателям:\n",
            false => "\nОстальные показатели:\n",
        });
    }
    for row in &rest {
        block(&mut text, row);
    }
    match values.lists.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(
            "\nПеречень мероприятий (показатель {one}) в сопоставление не входит.\n"
        )),
        many => text.push_str(&format!(
            "\nПеречни мероприятий (показатели {}) в сопоставление не входят.\n",
            many.join(", ")
        )),
    }
    text
}
