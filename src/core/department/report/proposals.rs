//! «Выводы и предложения»: what the year's figures ask the department to
//! do next.

use crate::card::{Card, Level};
use crate::department::effectiveness::{said_by_measure, Behind, PastMeasures, NOTABLE_TENTHS};
use crate::department::figures::{Figures, IndicatorFigure};
use crate::department::measures::Measure;
use crate::department::results::{Ranked, SchoolResult};
use crate::department::review::ReviewStatus;
use crate::text::{percent, plural, tenths, with_stop};

use super::*;

/// How many problem zones a proposal names; the section above has them all.
pub(super) const NAMED_ZONES: usize = 5;

/// What the year before tells the proposals: the schools at the low level
/// both years ([`still_low`]), and the indicators whose municipal value
/// fell notably
/// ([`fallen`](crate::department::dynamics::fallen)), with how.
#[derive(Debug, Clone, Default)]
pub struct Before {
    pub still_low: Vec<String>,
    pub fallen: Vec<(String, String)>,
}

/// The heading of the report's closing part.
pub const PROPOSALS: &str = "Выводы и предложения";

/// The report's closing proposals (seed 003 §3.5–3.6: «предложения по
/// совершенствованию системы работы»), drawn from the year's figures, one
/// numbered line each: the plans the low schools are to draw up, the
/// indicators met least often (those last year's measures worked on, to
/// rethink or to carry on) and the weakest criterion, support for the
/// schools low two years running, the experience of the high ones, and the
/// check still to finish. The department adds its own in the Word file.
/// `before`, what the year before tells, when there is one;
/// `measures` are those taken on the results of `period`; `past`, what
/// can be said of last year's measures
/// ([`Effects::past`](crate::department::effectiveness::Effects::past)).
pub fn proposals(
    card: &Card,
    period: &str,
    f: &Figures,
    rating: &[Ranked],
    before: &Before,
    measures: &[&Measure],
    past: &PastMeasures,
) -> Vec<String> {
    let still_low = before.still_low.as_slice();
    let mut items = Vec::new();
    let names = |keep: &dyn Fn(&SchoolResult) -> bool| {
        in_name_order(
            (rating.iter().map(|r| &r.result))
                .filter(|r| keep(r))
                .map(SchoolResult::name),
        )
    };
    let low = names(&SchoolResult::is_low);
    // How many of this year's measures target any of `codes`.
    let taking = |codes: &[String]| {
        (measures.iter())
            .filter(|m| m.codes(card).iter().any(|c| codes.contains(c)))
            .count()
    };
    if card.levels.is_some() && !low.is_empty() {
        items.push(format!(
            "Руководителям организаций с низкой эффективностью ({}) разработать план мероприятий \
             по повышению эффективности системы работы по самоопределению и профессиональной \
             ориентации обучающихся с учётом адресных рекомендаций.",
            low.join(", ")
        ));
    }
    // The codes the proposals above name or this year's measures take up:
    // a fall among them is not asked about twice.
    let mut named: Vec<String> = Vec::new();
    if card.has_points() {
        let (_, zones) = problem_zones(f, card);
        named.extend(zones.iter().map(|z| z.code.clone()));
        // A zone a measure of this year already targets is named as such:
        // the measures' table stands just above. Of the rest, one last
        // year's measures moved no better than elsewhere is to be
        // rethought, not asked for afresh.
        let taken: Vec<String> = measures.iter().flat_map(|m| m.codes(card)).collect();
        named.extend(taken.iter().cloned());
        let (covered, rest): (Vec<&IndicatorFigure>, Vec<&IndicatorFigure>) =
            zones.iter().partition(|z| taken.contains(&z.code));
        let (again, rest): (Vec<&IndicatorFigure>, Vec<&IndicatorFigure>) = rest
            .into_iter()
            .partition(|z| past.not_better.contains(&z.code.as_str()));
        // A measure for every school last year: nothing to compare it with,
        // but not a zone nobody has acted on either.
        let (for_all, rest): (Vec<&IndicatorFigure>, Vec<&IndicatorFigure>) = rest
            .into_iter()
            .partition(|z| past.for_all.contains(&z.code.as_str()));
        // Moved better than elsewhere and still among the rarest: carried
        // on, not asked for as if nothing had been done.
        let (improving, open): (Vec<&IndicatorFigure>, Vec<&IndicatorFigure>) = rest
            .into_iter()
            .partition(|z| (past.better.iter()).any(|b| b.code == z.code.as_str()));
        if !open.is_empty() {
            let listed: Vec<String> = (open.iter().take(NAMED_ZONES))
                .map(|z| {
                    let of = z.applicable as u64;
                    format!(
                        "{} — {} из {of} {}",
                        z.code,
                        z.earned,
                        plural(of, "школы", "школ", "школ")
                    )
                })
                .collect();
            let more = match open.len().saturating_sub(NAMED_ZONES) {
                0 => String::new(),
                // «1.5 — 10 из 15 школ и ещё 2» read as two more schools.
                n => format!(
                    "; ещё {n} {} — в разделе «Проблемные зоны»",
                    plural(n as u64, "показатель", "показателя", "показателей")
                ),
            };
            items.push(format!(
                "Разработать меры по показателям, выполненным реже других ({}{more}), и \
                 предусмотреть их в муниципальном плане мероприятий на следующий учебный год.",
                listed.join("; ")
            ));
        }
        // Named without their figures, in card order («1.8, 5.2, 3.2»,
        // weakest first, read as out of order).
        let codes = |zones: Vec<&IndicatorFigure>| -> Vec<String> {
            let mut codes: Vec<String> = zones.iter().map(|z| z.code.clone()).collect();
            codes.sort_by_key(|c| card.indicators().position(|i| i.code == *c));
            codes
        };
        items.extend(rethink(
            &codes(again),
            past,
            &not_notably_better("выполнение изменилось"),
            true,
        ));
        items.extend(rethink(
            &codes(for_all),
            past,
            "они были адресованы всем школам",
            true,
        ));
        items.extend(carry_on(&codes(improving), past));
        let covered = codes(covered);
        items.extend(follow(&covered, taking(&covered), period));
        // The lowest share, compared exactly, and any tied with it; when
        // every criterion ties, none is singled out.
        let scored: Vec<_> = f.criteria.iter().filter(|c| c.points.1 > 0).collect();
        let below = |a: (u64, u64), b: (u64, u64)| {
            (u128::from(a.0) * u128::from(b.1)).cmp(&(u128::from(b.0) * u128::from(a.1)))
        };
        if let Some(least) = scored.iter().map(|c| c.points).min_by(|a, b| below(*a, *b)) {
            let weakest: Vec<String> = (scored.iter())
                .filter(|c| below(c.points, least).is_eq())
                .map(|c| format!("«{}. {}»", c.code, c.title.trim()))
                .collect();
            let share = percent(least.0, least.1);
            match weakest.as_slice() {
                _ if weakest.len() == scored.len() => {}
                [one] => items.push(format!(
                    "Уделить особое внимание критерию {one}: {share} от максимума — наименьшее \
                     значение среди критериев."
                )),
                many => items.push(format!(
                    "Уделить особое внимание критериям {}: по {share} от максимума — наименьшее \
                     значение среди критериев.",
                    many.join(", ")
                )),
            }
        }
    } else {
        // Without points nothing is met and nothing is a problem zone: the
        // measures are weighed by their targets' pooled values alone.
        let taken: Vec<String> = (card.indicators())
            .filter(|i| {
                measures
                    .iter()
                    .any(|m| m.indicators.iter().any(|k| k == i.key()))
            })
            .map(|i| i.code.clone())
            .collect();
        // A measure for every school has no others to be compared with:
        // rethought when the municipality's value did not rise notably.
        let flat = (past.for_all.iter())
            .filter(|c| (past.behind.iter()).any(|b| b.code == **c && b.change < NOTABLE_TENTHS));
        let mut again: Vec<String> = (past.not_better.iter().chain(flat))
            .map(|c| c.to_string())
            .collect();
        again.sort_by_key(|c| {
            card.indicators()
                .position(|i| i.code == *c)
                .unwrap_or(usize::MAX)
        });
        items.extend(rethink(
            &again,
            past,
            &not_notably_better("значение изменилось"),
            false,
        ));
        items.extend(follow(&taken, taking(&taken), period));
        named.extend(taken);
    }
    // What fell notably: on a card with points a value can fall by 17 п. п.
    // and stay above the rarest met, and nothing else would name it.
    let fell: Vec<String> = (before.fallen.iter())
        .filter(|(code, _)| !named.contains(code))
        .map(|(code, how)| format!("{code} ({how})"))
        .collect();
    if !fell.is_empty() {
        items.push(with_stop(&format!(
            "Проанализировать причины заметного снижения значений по муниципалитету и \
             предусмотреть меры: {}",
            fell.join("; ")
        )));
    }
    // Not judged by any figure, and not to be forgotten either.
    if !past.too_few.is_empty() {
        items.push(format!(
            "Оценить по отчётам исполнителей меры прошлого года, которые по данным сравнить \
             нельзя (в адресных или в остальных школах с данными за оба года меньше {} школ): {}.",
            crate::department::effectiveness::MIN_SCHOOLS,
            past.too_few.join("; ")
        ));
    }
    // The same schools as the first proposal's: not listed twice, and
    // named by their level, as the first proposal may be far above.
    // Two years are compared: «второй год» read wrong of a school low
    // three years running (a walk-through).
    match still_low {
        [] => {}
        same if same == low.as_slice() => items.push(
            "Обеспечить консультационно-методическое сопровождение руководителей организаций \
             с низкой эффективностью: все они были на низком уровне и в прошлом году."
                .to_owned(),
        ),
        some => items.push(format!(
            "Обеспечить консультационно-методическое сопровождение руководителей организаций, \
             которые и в прошлом, и в этом году были на низком уровне: {}.",
            some.join(", ")
        )),
    }
    if card.levels.is_some() {
        let high = names(&|r: &SchoolResult| {
            r.score.level == Some(Level::High) && !r.mismatch && !r.empty_unruled
        });
        if !high.is_empty() {
            items.push(format!(
                "Обобщить и распространить опыт организаций с высокой эффективностью: {}.",
                high.join(", ")
            ));
        }
    }
    let all = rating.len();
    match (rating.iter())
        .filter(|r| r.result.status == ReviewStatus::Checked)
        .count()
    {
        0 if all > 0 => items.push(format!(
            "Провести проверку объективности представленных материалов: результаты пока — {}.",
            schools_own(card)
        )),
        done if done < all => items.push(format!(
            "Завершить проверку объективности представленных материалов: проверено {done} из \
             {all} {}.",
            plural(all as u64, "карты", "карт", "карт")
        )),
        _ => {}
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| format!("{}. {item}", i + 1))
        .collect()
}

/// «по показателю» or «по показателям», and «показатель» or «показатели»;
/// no numeral stands before the words, so not `plural`'s forms.
fn by_indicators(codes: &[String]) -> Option<(&'static str, &'static str)> {
    match codes.len() {
        0 => None,
        1 => Some(("показателю", "показатель")),
        _ => Some(("показателям", "показатели")),
    }
}

/// «у адресных школ {what} не лучше, чем у остальных (…)»: said of the
/// indicators when the measures are not known by name.
fn not_notably_better(what: &str) -> String {
    format!(
        "у адресных школ {what} не лучше, чем у остальных (разность менее \
         {}\u{A0}п.\u{A0}п.)",
        tenths(NOTABLE_TENTHS.unsigned_abs(), ',')
    )
}

/// «Пересмотреть меру прошлого года…» on `codes`: each measure behind them
/// named with what it did («курсы «…» — хуже, чем в остальных школах
/// (−11,2 п. п.)»), or `why` where none is known; `still_zone`: they are
/// still among the indicators met least often.
fn rethink(codes: &[String], past: &PastMeasures, why: &str, still_zone: bool) -> Option<String> {
    let (by, it) = by_indicators(codes)?;
    let (behind, measures) = on_codes(&past.behind, codes);
    let items: Vec<String> = match behind.as_slice() {
        [] => vec![why.to_owned()],
        _ => said_by_measure(&behind, codes.len() > 1),
    };
    let what = match measures {
        1 => "меру",
        _ => "меры",
    };
    let zone = match still_zone {
        true => format!(", а {it} по-прежнему среди выполненных реже других"),
        false => String::new(),
    };
    Some(format!(
        "Пересмотреть {what} прошлого года по {by} {}: {}{zone}; см. раздел «{EFFECTS_HEADING}».",
        codes.join(", "),
        items.join("; ")
    ))
}

/// The measures of `list` behind `codes`, and how many measures they are:
/// one measure on two codes is one.
fn on_codes<'p, 'a>(list: &'p [Behind<'a>], codes: &[String]) -> (Vec<&'p Behind<'a>>, usize) {
    let behind: Vec<&Behind> = (list.iter())
        .filter(|b| codes.iter().any(|c| c == b.code))
        .collect();
    let mut names: Vec<&str> = behind.iter().map(|b| b.measure.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let measures = names.len();
    (behind, measures)
}

/// «Продолжить работу…» on `codes`, which last year's measures moved better
/// than elsewhere, each named with what it did, while they are still among
/// the indicators met least often.
fn carry_on(codes: &[String], past: &PastMeasures) -> Option<String> {
    let (by, it) = by_indicators(codes)?;
    let (behind, measures) = on_codes(&past.better, codes);
    let done = said_by_measure(&behind, codes.len() > 1);
    let after = match measures {
        1 => "после меры",
        _ => "после мер",
    };
    Some(format!(
        "Продолжить работу по {by} {} {after} прошлого года ({}): {it} по-прежнему среди \
         выполненных реже других; см. раздел «{EFFECTS_HEADING}».",
        codes.join(", "),
        done.join("; ")
    ))
}

/// «Проследить выполнение мер…» taken this year on `codes`; `measures`:
/// how many.
fn follow(codes: &[String], measures: usize, period: &str) -> Option<String> {
    let (by, _) = by_indicators(codes)?;
    let taken = match measures {
        1 => "меры, принятой",
        _ => "мер, принятых",
    };
    Some(format!(
        "Проследить выполнение {taken} по {by} {} (раздел «{}»).",
        codes.join(", "),
        measures_heading(period)
    ))
}
