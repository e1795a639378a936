//! The sentences of the analytical report (аналитическая справка): the
//! period in numbers, the best schools, and the change since the year
//! before. The shell lays them out for A4; the wording is tested here.

use std::collections::BTreeMap;

use crate::card::versions::levels_text;
use crate::card::{Card, Level};
use crate::department::archive::{Archive, Entry, Standing};
use crate::department::dynamics::{delta_text, school_changes, SchoolChange, Years};
use crate::department::effectiveness::{IndicatorEffect, Verdict};
use crate::department::figures::{weak_spots, Figures, IndicatorFigure, WeakSpots};
use crate::department::measures::Measure;
use crate::department::results::{Ranked, SchoolResult};
use crate::department::review::ReviewStatus;
use crate::department::roster::{statuses, Status};
use crate::text::{by_name, percent, plural, tied};

/// "В мониторинге за 2025/2026 учебный год участвовали 12 образовательных
/// организаций. …", naming the card and version every figure comes from;
/// levels and points only where the card has them.
pub fn intro(period: &str, card: &Card, f: &Figures) -> String {
    let n = f.schools as u64;
    let mut text = format!(
        "В мониторинге за {period} учебный год {} {n} {} (карта «{}», версия {}).",
        // The verb agrees too: «участвовала 21 организация», «участвовали 5 организаций».
        plural(n, "участвовала", "участвовали", "участвовали"),
        plural(
            n,
            "образовательная организация",
            "образовательные организации",
            "образовательных организаций"
        ),
        card.title,
        card.version
    );
    if card.levels.is_some() {
        let parts: Vec<String> = f
            .levels
            .iter()
            .map(|(l, k)| format!("{} — {k} ({})", l.label(), percent(*k as u64, n)))
            .collect();
        text.push_str(&format!(
            " Эффективность профориентационной работы: {}.",
            parts.join(", ")
        ));
        text.push_str(&levels_scale(card));
    }
    if card.has_points() {
        text.push_str(&format!(
            " В целом по муниципалитету набрано {} от максимума баллов; средний балл школы — {} \
             (средний максимум — {}).",
            percent(f.points.0, f.points.1),
            mean(f.points.0, n),
            mean(f.points.1, n)
        ));
    } else {
        text.push_str(" Карта не даёт баллов: справка приводит сводные значения показателей.");
    }
    text
}

/// How a level is reached, since a school's level follows its share of
/// the points that apply to it, not its bare total: «13 из 21» is medium
/// where «13 из 23» is low, and a reader with the seed's table of points
/// in mind would take that for a mistake. Each range is held together by
/// word joiners, so that a line never ends on «14–».
fn levels_scale(card: &Card) -> String {
    let Some(levels) = card.levels.as_ref() else {
        return String::new();
    };
    let max = card.max_points;
    let (high, medium) = levels.thresholds(max);
    // A band of one value is that value; on a small card a band can be
    // empty (at 2 points, 80 and 60 % both start at 2): then each band
    // left is named, since their order no longer says which is which.
    let band = |lo: u32, hi: u32| match lo.cmp(&hi) {
        std::cmp::Ordering::Less => Some(format!("{lo}\u{2060}–\u{2060}{hi}")),
        std::cmp::Ordering::Equal => Some(lo.to_string()),
        std::cmp::Ordering::Greater => None,
    };
    let low = match medium {
        0 => None,
        1 => Some("0".to_owned()),
        m => Some(format!("{} и менее", m - 1)),
    };
    let bands = [
        ("высокая", band(high, max)),
        (
            "средняя",
            high.checked_sub(1).and_then(|top| band(medium, top)),
        ),
        ("низкая", low),
    ];
    let all = bands.iter().all(|(_, b)| b.is_some());
    let named: Vec<String> = bands
        .into_iter()
        .filter_map(|(level, b)| {
            Some(if all {
                b?
            } else {
                format!("{level} — {}", b?)
            })
        })
        .collect();
    format!(
        " Уровень\u{A0}— по доле баллов от максимума, применимого к школе: {}, низкая — ниже \
         {}\u{A0}% (при максимуме {max}: {} баллов).",
        levels_text(Some(levels)),
        levels.medium_from_percent,
        named.join(", "),
    )
}

/// `sum / n` to a tenth, rounded half up: «15,9», and «23» for 23,0.
fn mean(sum: u64, n: u64) -> String {
    match (sum * 20 + n) / (2 * n.max(1)) {
        whole if whole % 10 == 0 => (whole / 10).to_string(),
        tenths => crate::text::tenths(tenths, ','),
    }
}

pub const TITLE: &str = "Аналитическая справка по итогам мониторинга профориентационной работы";

/// The report's sections, headed alike on screen, on paper and in Word.
pub const ZONES_HEADING: &str = "Проблемные зоны";
pub const BEST_HEADING: &str = "Лучшие результаты";
pub const LOW_HEADING: &str = "Школы с низкой эффективностью";
pub const FIGURES_HEADING: &str = "Показатели по муниципалитету";
pub const DYNAMICS_HEADING: &str = "Динамика";
pub const EFFECTS_HEADING: &str = "Анализ эффективности принятых мер";
pub const PLANS_HEADING: &str = "Планы мероприятий школ";

pub const SIGNATURE: &str =
    "Подготовил(а) ____________________ / ____________________ /   Дата ____________";

/// How many schools the report names as best.
pub const BEST: usize = 5;

/// «Проблемные зоны»: the sentence that opens the section and the indicators
/// it names ([`weak_spots`]); a card without points has nothing to fail.
pub fn problem_zones<'a>(f: &'a Figures, card: &Card) -> (&'static str, Vec<&'a IndicatorFigure>) {
    if !card.has_points() {
        return (
            "Карта не даёт баллов: показатели собираются и сводятся, проблемных зон по баллам нет.",
            Vec::new(),
        );
    }
    match weak_spots(f, card) {
        WeakSpots::BelowHalf(zones) => (
            "Показатели, которые выполнили меньше половины школ, к которым они относятся:",
            zones,
        ),
        // All tied: none is done less often than the others.
        WeakSpots::Least(named) if named.is_empty() => (
            "Нет показателей, которые выполнили меньше половины школ; все показатели выполнены одинаково часто.",
            named,
        ),
        WeakSpots::Least(named) => (
            "Нет показателей, которые выполнили меньше половины школ. Реже других выполнены:",
            named,
        ),
    }
}

/// «выполнили 3 из 12 школ (25,0 %).» for a problem zone; «из 41 школы».
pub fn zone_result(z: &IndicatorFigure) -> String {
    let of = z.applicable as u64;
    format!(
        "выполнили {} из {of} {} ({}).",
        z.earned,
        plural(of, "школы", "школ", "школ"),
        percent(z.earned as u64, of)
    )
}

/// «Школа № 3 — 5 из 23 (21,7 %)»; a school that filled in another version
/// of the card than `version` says so, since its maximum and thresholds
/// were not the same.
fn scored_line(x: &Ranked, version: u32) -> String {
    let s = &x.result.score;
    let other = if x.result.version == version {
        String::new()
    } else {
        format!(" (карта заполнена по версии {})", x.result.version)
    };
    format!(
        "{} — {} из {} ({}){other}",
        tied(x.result.name()),
        s.total,
        s.max_applicable,
        percent(s.total.into(), s.max_applicable.into())
    )
}

/// Every school at the low level, in rating order: the share is what
/// orders them, when the maxima differ.
pub fn low_schools(rating: &[Ranked], version: u32) -> Vec<String> {
    rating
        .iter()
        .filter(|x| x.result.is_low())
        .map(|x| scored_line(x, version))
        .collect()
}

/// "1. Лицей — 21 из 23 (91,3 %)" for the first `n` of the rating and any
/// tied with the n-th: cutting a tie would leave out a school with the
/// same result. A school at the low level is not among the best, however
/// few the schools, nor one without points on a card without levels; when
/// none is left, one line says so.
pub fn best(rating: &[Ranked], n: usize, version: u32) -> Vec<String> {
    let last = rating
        .get(n.saturating_sub(1))
        .or(rating.last())
        .map_or(0, |r| r.rank);
    let lines: Vec<String> = rating
        .iter()
        .take_while(|x| n > 0 && x.rank <= last)
        .filter(|x| !x.result.is_low() && x.result.score.total > 0)
        .map(|x| format!("{}. {}", x.rank, scored_line(x, version)))
        .collect();
    if lines.is_empty() && n > 0 && !rating.is_empty() {
        let low = rating.iter().any(|x| x.result.is_low());
        return vec![if low { NONE_BEST } else { NONE_SCORED }.to_owned()];
    }
    lines
}

/// « Наибольший рост — …», naming every school with the largest rise as
/// the table shows it (naming one of two equal would single it out), and
/// those whose exact rise equals one of theirs though the rounding of
/// their shares shows it a tenth apart. Each change is the one its row
/// shows.
fn largest_rise(changes: &[SchoolChange]) -> String {
    let Some(top) = changes.iter().map(SchoolChange::delta_tenths).max() else {
        return String::new();
    };
    if top <= 0 {
        return String::new();
    }
    let first: Vec<&SchoolChange> = (changes.iter())
        .filter(|c| c.delta_tenths() == top)
        .collect();
    let mut risen: Vec<&SchoolChange> = (changes.iter())
        .filter(|c| c.delta_tenths() == top || first.iter().any(|f| f.cmp_exact(c).is_eq()))
        .collect();
    risen.sort_by(|a, b| {
        b.delta_tenths()
            .cmp(&a.delta_tenths())
            .then_with(|| by_name(&a.name, &b.name))
    });
    match risen.as_slice() {
        [one] => format!(" Наибольший рост — {}.", named(one, Some(top))),
        several if several.iter().all(|c| c.delta_tenths() == top) => {
            let names: Vec<String> = several.iter().map(|c| named(c, None)).collect();
            format!(
                " Наибольший рост ({} у каждой) — {}.",
                delta_text(top),
                names.join(", ")
            )
        }
        several => {
            let each: Vec<String> = (several.iter())
                .map(|c| named(c, Some(c.delta_tenths())))
                .collect();
            format!(
                " Наибольший рост — {}: рост одинаковый, десятые различаются из-за округления долей.",
                each.join(", ")
            )
        }
    }
}

/// «Школа (+4,8 п. п.)», with the year the check alone moved when so: a
/// rise between a year the check changed and one it did not is partly the
/// check's doing.
fn named(c: &SchoolChange, delta: Option<i64>) -> String {
    let notes: Vec<String> = (delta.map(delta_text).into_iter())
        .chain((!c.basis().is_empty()).then(|| c.basis().to_owned()))
        .collect();
    match notes.as_slice() {
        [] => tied(&c.name),
        _ => format!("{} ({})", tied(&c.name), notes.join("; ")),
    }
}

/// What «Школы с низкой эффективностью» says when there are none.
pub const NONE_LOW: &str = "Школ с низкой эффективностью нет.";

/// What «Лучшие результаты» says when every school is at the low level.
pub const NONE_BEST: &str = "Школ выше низкого уровня нет.";

/// What it says on a card without levels when no school has a point.
pub const NONE_SCORED: &str = "Ни одна школа не набрала баллов.";

/// The year against the one before: the municipal share, how many schools
/// did better and worse, the high level (when the card has levels), and the
/// largest rise. A card without points only counts the schools; its values
/// are compared in a table.
pub fn dynamics(
    archive: &Archive,
    years: &Years,
    previous_period: &str,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> String {
    let changes = school_changes(archive, years.old_card, years.new_card, before, after);
    let other_versions = before.iter().chain(after).any(SchoolResult::other_version);
    let versions = match years.versions_differ() {
        true => format!(" {}", versions_note(years)),
        false => String::new(),
    };
    format!(
        "{}{versions}",
        dynamics_of(years, previous_period, &changes, other_versions)
    )
}

/// Why two years on different versions of the card are compared on part
/// of it: what is comparable, and which indicators the new version left
/// out (their last value stays in the table of values).
pub fn versions_note(years: &Years) -> String {
    let (same, total) = years.comparable();
    format!(
        "Годы заполнены по разным версиям карты (версия {} и версия {}): сопоставимы {same} из \
         {total} показателей новой версии; где методика изменилась, изменение не оценивается.{} \
         Результаты школ сравнены по ответам прошлого года, пересчитанным по новой версии, без \
         показателей, которых в прошлом году не было или которые заполняются иначе.",
        years.old_card.version,
        years.new_card.version,
        removed_note(years)
    )
}

/// « Из карты исключён показатель 2.2 (в прошлом году: в сумме 1 200).»,
/// or nothing: a left-out indicator is in no comparison, so its going is
/// said where the versions are.
pub fn removed_note(years: &Years) -> String {
    let removed: Vec<String> = (years.removed())
        .map(|i| match years.last_value(i) {
            Some(was) => format!("{} (в прошлом году: {was})", i.code),
            None => i.code.clone(),
        })
        .collect();
    match removed.as_slice() {
        [] => String::new(),
        [one] => format!(" Из карты исключён показатель {one}."),
        many => format!(" Из карты исключены показатели: {}.", many.join("; ")),
    }
}

/// [`dynamics`] from the schools' changes already worked out, as
/// «Динамика» has them for its table, without the note on versions, which
/// it shows apart; `other_versions`: some school filled another version
/// than the card its year is shown by.
pub fn dynamics_of(
    years: &Years,
    previous_period: &str,
    changes: &[SchoolChange],
    other_versions: bool,
) -> String {
    let (card, was, now) = (years.new_card, years.before, years.after);
    if !card.has_points() {
        return format!(
            "По сравнению с {previous_period} учебным годом: школ, участвовавших в оба года, — {}. \
             Значения показателей по муниципалитету за оба года — в таблице ниже.",
            changes.len()
        );
    }
    let up = changes.iter().filter(|c| c.delta_tenths() > 0).count();
    let down = changes.iter().filter(|c| c.delta_tenths() < 0).count();
    let same = match changes.len() - up - down {
        0 => String::new(),
        n => format!(", без изменений\u{A0}{n}"),
    };
    let mixed = match names_of(changes.iter().filter(|c| !c.basis().is_empty())) {
        names if names.is_empty() => String::new(),
        names => format!(
            " У {} {} ({}) проверка отдела изменила результат только одного из двух лет, \
             поэтому сравнение лет отчасти зависит от проверки.",
            names.len(),
            plural(names.len() as u64, "школы", "школ", "школ"),
            names.join(", "),
        ),
    };
    // A school low in both years is where the year's measures did not
    // reach: named, as the largest rise is.
    let still_low = match still_low(changes).as_slice() {
        [] => String::new(),
        names => format!(" На низком уровне оба года: {}.", names.join(", ")),
    };
    let rise = largest_rise(changes);
    let other_versions = if other_versions {
        format!(
            " Школы, заполнившие не ту версию карты, по которой показан их год, сравнены по \
             правилам версии {} за оба года.",
            card.version
        )
    } else {
        String::new()
    };
    // Each year's levels are by its own version's bounds: when the bounds
    // moved, the counts say so beside them.
    let old_levels = years.old_card.levels.as_ref();
    let high = if old_levels.is_none() && card.levels.is_some() {
        format!(
            " Школ с высокой эффективностью: {}; в прошлом году карта уровней не определяла.",
            now.levels[0].1
        )
    } else if card.levels.is_some() {
        let bounds = if old_levels == card.levels.as_ref() {
            String::new()
        } else {
            format!(
                " (границы уровней изменились: было «{}», стало «{}»; уровень каждого года — по \
                 границам его версии)",
                levels_text(old_levels),
                levels_text(card.levels.as_ref())
            )
        };
        format!(
            " Школ с высокой эффективностью: было {}, стало {}{bounds}.",
            was.levels[0].1, now.levels[0].1
        )
    } else {
        String::new()
    };
    let schools = |n: usize| format!("{n} {}", plural(n as u64, "школа", "школы", "школ"));
    format!(
        "По сравнению с {previous_period} учебным годом доля набранных баллов по всем школам \
         изменилась с {} ({}) до {} ({}); среди школ, участвовавших в оба года ({}), результат \
         улучшили\u{A0}{up}, ухудшили\u{A0}{down}{same}.{mixed}{high}\
         {still_low}{rise}{other_versions}",
        percent(was.points.0, was.points.1),
        schools(was.schools),
        percent(now.points.0, now.points.1),
        schools(now.schools),
        changes.len(),
    )
}

/// The schools at the low level in both years, each year by its own
/// level, in the order of names.
pub fn still_low(changes: &[SchoolChange]) -> Vec<String> {
    names_of(
        changes
            .iter()
            .filter(|c| c.level_before == Some(Level::Low) && c.level_after == Some(Level::Low)),
    )
}

/// [`still_low`] of two years' results, as [`dynamics`] compares them.
pub fn still_low_of(
    archive: &Archive,
    years: &Years,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> Vec<String> {
    still_low(&school_changes(
        archive,
        years.old_card,
        years.new_card,
        before,
        after,
    ))
}

/// How many problem zones a proposal names; the section above has them all.
const NAMED_ZONES: usize = 5;

/// The heading of the report's closing part.
pub const PROPOSALS: &str = "Выводы и предложения";

/// The report's closing proposals (seed 003 §3.5–3.6: «предложения по
/// совершенствованию системы работы»), drawn from the year's figures, one
/// numbered line each: the plans the low schools are to draw up, the
/// indicators met least often and the weakest criterion, support for the
/// schools low two years running, the experience of the high ones, and the
/// check still to finish. The department adds its own in the Word file.
/// `still_low` comes from [`still_low`] when a year before is present;
/// `measures` are those taken on the results of `period`.
pub fn proposals(
    card: &Card,
    period: &str,
    f: &Figures,
    rating: &[Ranked],
    still_low: &[String],
    measures: &[&Measure],
) -> Vec<String> {
    let mut items = Vec::new();
    let names = |keep: &dyn Fn(&SchoolResult) -> bool| {
        in_name_order(
            (rating.iter().map(|r| &r.result))
                .filter(|r| keep(r))
                .map(SchoolResult::name),
        )
    };
    let low = names(&SchoolResult::is_low);
    if card.levels.is_some() && !low.is_empty() {
        items.push(format!(
            "Руководителям организаций с низкой эффективностью ({}) разработать план мероприятий \
             по повышению эффективности системы работы по самоопределению и профессиональной \
             ориентации обучающихся с учётом адресных рекомендаций.",
            low.join(", ")
        ));
    }
    if card.has_points() {
        let (_, zones) = problem_zones(f, card);
        // A zone a measure of this year already targets is named as such:
        // the measures' table stands just above.
        let taken: Vec<String> = measures.iter().flat_map(|m| m.codes(card)).collect();
        let (covered, open): (Vec<&IndicatorFigure>, Vec<&IndicatorFigure>) =
            zones.iter().partition(|z| taken.contains(&z.code));
        if !open.is_empty() {
            let named: Vec<String> = (open.iter().take(NAMED_ZONES))
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
                n => format!(" и ещё {n} (см. «Проблемные зоны»)"),
            };
            items.push(format!(
                "Разработать меры по показателям, выполненным реже других ({}{more}), и \
                 предусмотреть их в муниципальном плане мероприятий на следующий учебный год.",
                named.join("; ")
            ));
        }
        if !covered.is_empty() {
            let codes: Vec<&str> = covered.iter().map(|z| z.code.as_str()).collect();
            items.push(format!(
                "Проследить выполнение мер, принятых по показателям {} (раздел «{}»).",
                codes.join(", "),
                measures_heading(period)
            ));
        }
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
    }
    // The same schools as the first proposal's: not listed twice.
    match still_low {
        [] => {}
        same if same == low.as_slice() => items.push(
            "Обеспечить консультационно-методическое сопровождение руководителей этих \
             организаций: все они на низком уровне второй год подряд."
                .to_owned(),
        ),
        some => items.push(format!(
            "Обеспечить консультационно-методическое сопровождение руководителей организаций, \
             второй год находящихся на низком уровне: {}.",
            some.join(", ")
        )),
    }
    if card.levels.is_some() {
        let high = names(&|r: &SchoolResult| r.score.level == Some(Level::High) && !r.mismatch);
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
        0 if all > 0 => items.push(
            "Провести проверку объективности представленных материалов: результаты пока — по \
             самооценке школ."
                .to_owned(),
        ),
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

/// The schools' names in the order of names, each as «Школа № 3».
fn names_of<'a>(changes: impl Iterator<Item = &'a SchoolChange>) -> Vec<String> {
    in_name_order(changes.map(|c| c.name.as_str()))
}

/// Names (or lines that start with one) in the order of names, «№» kept
/// with its number: how every list of schools in the report reads.
fn in_name_order<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut names: Vec<S> = names.into_iter().collect();
    names.sort_by(|a, b| by_name(a.as_ref(), b.as_ref()));
    names.iter().map(|n| tied(n.as_ref())).collect()
}

/// The heading of the report's last part: the measures taken on the year's
/// results ([`road_map_table`](crate::department::tables::road_map_table)).
pub fn measures_heading(period: &str) -> String {
    format!("Меры по итогам {period} учебного года")
}

/// Why a card without points has no analysis of measures: nothing on it is
/// met or missed, so neither the measures' targets nor the schools' plans
/// can be judged by it.
pub const WITHOUT_POINTS: &str =
    "Карта без баллов не отмечает показатели выполненными, поэтому ни \
     меры, ни планы школ здесь по показателям не оцениваются; как менялись значения показателей, \
     показано в разделе «Динамика».";

/// [`effectiveness`] on a card without points: the measures counted, and
/// [`WITHOUT_POINTS`].
pub fn effectiveness_without_points(previous_period: &str, measures: usize) -> String {
    let taken = if measures == 0 {
        format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        )
    } else {
        format!("По итогам {previous_period} учебного года принято мер: {measures}.")
    };
    format!("{taken} {WITHOUT_POINTS}")
}

/// «Анализ эффективности принятых мер»: how many targeted indicators got
/// each verdict, and how the schools' own plans did. `measures` are the
/// measures taken after `previous_period`, each with its indicators;
/// `plans` is (improved, counted) planned measures of the schools.
pub fn effectiveness(
    previous_period: &str,
    measures: &[Vec<IndicatorEffect>],
    plans: (usize, usize),
) -> String {
    let all: Vec<&IndicatorEffect> = measures.iter().flatten().collect();
    let mut text = if measures.is_empty() {
        format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        )
    } else if all.is_empty() {
        // A card without points has no targets to choose; a decision may
        // rightly have none.
        format!(
            "По итогам {previous_period} учебного года принято мер: {}; целевые показатели у них \
             не отмечены, поэтому их результаты не с чем сравнить.",
            measures.len()
        )
    } else {
        let count = |v: Verdict| all.iter().filter(|e| e.verdict == v).count();
        let parts: Vec<String> = Verdict::ALL
            .into_iter()
            .map(|v| (v, count(v)))
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| format!("{} — {n}", v.label()))
            .collect();
        // The verdicts are of a measure's indicators, not of the measures.
        format!(
            "По итогам {previous_period} учебного года принято мер: {}, целевых показателей в них: \
             {}; каждый сравнен в адресных школах и в остальных (разность изменений доли школ, \
             выполняющих показатель): {}.",
            measures.len(),
            all.len(),
            parts.join(", ")
        )
    };
    let doubtful = measures
        .iter()
        .flatten()
        .filter(|e| e.caveat().is_some())
        .count();
    if doubtful > 0 {
        text.push_str(&format!(
            " Выводов, которые держатся на одной школе или расходятся с долей обучающихся: \
             {doubtful}; такие выводы отмечены в таблице и требуют подтверждения данными \
             следующего года."
        ));
    }
    let (improved, counted) = plans;
    if counted > 0 {
        text.push_str(&format!(
            " Планы мероприятий школ: целевые показатели улучшились у {improved} из {counted} \
             запланированных мер ({}).",
            percent(improved as u64, counted as u64)
        ));
    }
    text
}

/// What the year's figures leave out, or count otherwise than a school sent
/// it, for the reader to weigh them by: the roster's schools without a
/// counted card (taking part is compulsory, seed 003 §1.4), cards whose new
/// signing key still waits for the coordinator, and totals the schools
/// claimed that their answers do not give. Empty when there is nothing.
pub fn left_out(
    archive: &Archive,
    card_id: &str,
    period: &str,
    results: &[SchoolResult],
) -> String {
    // A school with several files waiting is named once.
    let sorted = |names: Vec<String>| {
        let mut names = in_name_order(names);
        names.dedup();
        names
    };
    let held: Vec<&Entry> = archive
        .with_standings()
        .filter(|(e, s)| **s == Standing::Held && e.card.id == card_id && e.period() == period)
        .map(|(e, _)| e)
        .collect();
    // Lateness is not asked for here: no day is given.
    let missing = sorted(
        statuses(&archive.roster, archive, card_id, period, "")
            .into_iter()
            .filter(|r| !r.held)
            .filter_map(|r| match r.status {
                Status::NotSent => Some(r.school.name),
                Status::Rejected => Some(format!("{} (ключ подписи отклонён)", r.school.name)),
                Status::Refused => Some(format!("{} (файл не принят)", r.school.name)),
                _ => None,
            })
            .collect(),
    );
    let held = sorted(
        held.iter()
            .map(|e| match results.iter().any(|r| r.school == e.school) {
                true => format!("{} (учтена прежняя карта школы)", e.profile().name),
                false => e.profile().name.clone(),
            })
            .collect(),
    );
    let mismatched = sorted(
        results
            .iter()
            .filter(|r| r.mismatch)
            .filter_map(|r| {
                let (total, max) = r.claimed?;
                Some(format!(
                    "{} (заявлено {total} из {max}, учтено {} из {})",
                    r.profile.name, r.score.total, r.score.max_applicable
                ))
            })
            .collect(),
    );
    let mut text = String::new();
    if !missing.is_empty() {
        text.push_str(&format!(
            "Не представили карту (по списку школ): {}.",
            missing.join(", ")
        ));
    }
    if !held.is_empty() {
        text.push_str(&format!(
            " Файлы, подписанные новым ключом, ждут решения о нём и в справке не учтены: {}.",
            held.join(", ")
        ));
    }
    if !mismatched.is_empty() {
        text.push_str(&format!(
            " Итог, заявленный школой, не совпадает с пересчётом по её ответам; в справке — \
             пересчитанный: {}.",
            mismatched.join(", ")
        ));
    }
    text.trim_start().to_owned()
}

/// How the analysis of measures compares, said beside its table.
pub fn effects_method() -> String {
    use crate::department::effectiveness::{Verdict, MIN_SCHOOLS, NOTABLE_TENTHS};
    format!(
        "Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: \
         изменение доли школ, выполняющих показатель, у адресных минус изменение у остальных. \
         Заметной считается разность не менее {}\u{A0}п.\u{A0}п. Итоги «{}» и «{}» \
         означают, что сравнить нельзя: меру получили все школы или в одной из групп меньше \
         {MIN_SCHOOLS}\u{A0}школ. Показатели, правило которых изменилось между годами, не \
         сравниваются.",
        crate::text::tenths(NOTABLE_TENTHS.unsigned_abs(), ','),
        Verdict::NoOthers.label(),
        Verdict::TooFew.label(),
    )
}

/// How far the check of objectivity went: the cards checked, and the points
/// the check did not credit as the schools claimed them (a card without
/// points has none to take). A reader of the figures needs to know whether
/// they are the schools' own or checked ones.
pub fn review_summary<'a>(
    card: &Card,
    results: impl IntoIterator<Item = &'a SchoolResult>,
) -> String {
    let (mut n, mut checked, mut in_review) = (0u64, 0u64, 0u64);
    // The points not credited, and the schools that lost some; the points
    // claimed on indicators ruled not applicable, and their schools.
    let (mut taken, mut schools) = (0u32, 0u64);
    let (mut ruled, mut ruled_schools) = (0u32, 0u64);
    for r in results {
        n += 1;
        match r.status {
            ReviewStatus::Checked => checked += 1,
            ReviewStatus::InReview => in_review += 1,
            ReviewStatus::Received => {}
        }
        taken += r.lost;
        schools += u64::from(r.lost > 0);
        ruled += r.ruled_out;
        ruled_schools += u64::from(r.ruled_out > 0);
    }
    // Not begun: nothing may read as if the scores had stood a check.
    if checked + in_review == 0 {
        return "Проверка объективности не проводилась: результаты — по самооценке школ."
            .to_owned();
    }
    let cards = |k: u64| plural(k, "карты", "карт", "карт");
    let mut text = format!(
        "Проверка объективности завершена по {checked} из {n} {}",
        cards(n)
    );
    if in_review > 0 {
        text.push_str(&format!(", ещё {in_review} — на проверке"));
    }
    text.push('.');
    if checked + in_review < n {
        text.push_str(" Остальные — по самооценке школ.");
    }
    if !card.has_points() {
        return text;
    }
    let of_schools = |k: u64| plural(k, "школы", "школ", "школ");
    match (schools, ruled_schools) {
        // Only a finished check can vouch for the claimed points.
        (0, 0) if checked == 0 => {}
        (0, 0) => text.push_str(" Баллы, заявленные школами, при проверке не снижались."),
        _ => {
            // Said with a colon: «не засчитан 1 балл» and «не засчитано 5
            // баллов» would need the verb to agree with the number.
            if schools > 0 {
                text.push_str(&format!(
                    " Не засчитано при проверке баллов, заявленных школами: {taken} (у {schools} {}).",
                    of_schools(schools)
                ));
            }
            if ruled_schools > 0 {
                text.push_str(&format!(
                    " Снято баллов, заявленных по показателям, которые при проверке признаны \
                     неприменимыми: {ruled} (у {ruled_schools} {}); в максимум школы эти показатели \
                     не входят.",
                    of_schools(ruled_schools)
                ));
            }
        }
    }
    text
}

/// «Проверку объективности провели: …»: each reviewer with the schools
/// whose decisions came from them; decisions made in this workspace are the
/// coordinator's. `None` when no reviewer's file was merged.
pub fn reviewers(archive: &Archive, results: &[SchoolResult]) -> Option<String> {
    let mut by: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for r in results {
        for name in archive.reviewed_by(&r.submission_id) {
            by.entry(name).or_default().push(r.name());
        }
    }
    if by.keys().all(String::is_empty) {
        return None;
    }
    // The coordinator first (no name), then the reviewers as a list of
    // names is ordered, each with the schools in name order.
    let mut by: Vec<(String, Vec<&str>)> = by.into_iter().collect();
    by.sort_by(|(a, _), (b, _)| (!a.is_empty()).cmp(&!b.is_empty()).then(by_name(a, b)));
    let parts: Vec<String> = by
        .into_iter()
        .map(|(name, schools)| {
            let who = if name.is_empty() {
                "координатор отдела".to_owned()
            } else {
                name
            };
            format!("{who} — {}", in_name_order(schools).join(", "))
        })
        .collect();
    Some(format!(
        "Проверку объективности провели: {}.",
        parts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::figures::figures;
    use crate::department::results::{rank, results};
    use crate::department::review::Decision;
    use crate::testkit;

    /// A school of `max` points going from `before` to `after`.
    fn change(name: &str, before: u32, after: u32, max: u32) -> SchoolChange {
        let profile = crate::school::profile::SchoolProfile {
            name: name.into(),
            ..Default::default()
        };
        SchoolChange {
            school: crate::department::school::SchoolId::of(&profile),
            name: name.into(),
            before: (before, max),
            after: (after, max),
            level_before: None,
            level_after: None,
            across: None,
            moved_by_check: (false, false),
        }
    }

    /// Hand count, 21 points: 10 → 11 is 47,6 % → 52,4 % (+4,8 as shown),
    /// 11 → 12 is 52,4 % → 57,1 % (+4,7): the same rise of 1 in 21
    /// (4,76 points), both named; 1 → 2 of 23 is +4,4 (4,35).
    #[test]
    fn equal_rises_shown_apart_by_rounding_are_both_named() {
        let (a, b) = (change("Школа А", 10, 11, 21), change("Школа Б", 11, 12, 21));
        let c = change("Школа В", 1, 2, 23);
        assert_eq!((a.delta_tenths(), b.delta_tenths()), (48, 47));
        assert_eq!(
            largest_rise(&[a.clone(), c.clone(), b.clone()]),
            " Наибольший рост — Школа А (+4,8\u{A0}п.\u{A0}п.), Школа Б (+4,7\u{A0}п.\u{A0}п.): \
             рост одинаковый, десятые различаются из-за округления долей."
        );
        assert_eq!(
            largest_rise(&[c.clone(), b.clone()]),
            " Наибольший рост — Школа Б (+4,7\u{A0}п.\u{A0}п.)."
        );
        // 5 → 6 of 21 is 23,8 % → 28,6 %: +4,8 again, the same as А's.
        let d = change("Школа Г", 5, 6, 21);
        assert_eq!(
            largest_rise(&[d, a]),
            " Наибольший рост (+4,8\u{A0}п.\u{A0}п. у каждой) — Школа А, Школа Г."
        );
        assert_eq!(largest_rise(&[change("Школа Д", 3, 3, 21)]), "");
        // The table's largest, not the exact largest: 11 → 18 of 34 is
        // 32,4 → 52,9 % (+20,5 shown, 20,59 exact), 7 → 15 of 39 is
        // 17,9 → 38,5 % (+20,6 shown, 20,51 exact).
        let (x, y) = (change("Школа Е", 11, 18, 34), change("Школа Ж", 7, 15, 39));
        assert_eq!(
            largest_rise(&[x, y]),
            " Наибольший рост — Школа Ж (+20,6\u{A0}п.\u{A0}п.)."
        );
        assert_eq!(largest_rise(&[]), "");
        // Last year moved by the check, this year not: said.
        let mut z = change("Школа З", 12, 18, 23);
        z.moved_by_check = (true, false);
        assert_eq!(
            largest_rise(&[z.clone(), change("Школа И", 1, 2, 23)]),
            " Наибольший рост — Школа З (+26,1\u{A0}п.\u{A0}п.; в прошлом году результат изменён \
             проверкой отдела, в этом — нет)."
        );
        z.moved_by_check = (true, true);
        assert_eq!(
            largest_rise(&[z]),
            " Наибольший рост — Школа З (+26,1\u{A0}п.\u{A0}п.)."
        );
    }

    #[test]
    fn the_weakest_are_named_with_their_ties_but_not_when_all_are_tied() {
        let card = testkit::card();
        let archive = testkit::three_schools();
        let res = results(&archive, DEFAULT_CARD, "2025/2026");
        let mut f = figures(&archive, &card, &res);
        // Every indicator done by every school it applies to.
        for i in &mut f.indicators {
            i.earned = i.applicable;
        }
        let (intro, named) = problem_zones(&f, &card);
        assert!(named.is_empty());
        assert!(intro.ends_with("все показатели выполнены одинаково часто."));
        // One done less often: it alone is named, not the rest of the card
        // tied behind it.
        let weak = f.indicators.iter_mut().find(|i| i.code == "1.8").unwrap();
        weak.earned -= 1;
        let (intro, named) = problem_zones(&f, &card);
        assert!(intro.ends_with("Реже других выполнены:"));
        let codes: Vec<&str> = named.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["1.8"]);
    }

    #[test]
    fn a_card_without_points_or_levels_is_reported_as_data() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let archive = testkit::archive(&nv, &[("1", &testkit::draft("Школа А", "2025/2026", &[]))]);
        let res = crate::department::results::results(&archive, "nevinnomyssk", "2025/2026");
        let f = crate::department::figures::figures(&archive, &nv, &res);
        let text = intro("2025/2026", &nv, &f);
        assert!(text.starts_with(
            "В мониторинге за 2025/2026 учебный год участвовала 1 образовательная организация"
        ));
        assert!(
            text.ends_with("Карта не даёт баллов: справка приводит сводные значения показателей.")
        );
        assert!(!text.contains("Эффективность"));
    }

    #[test]
    fn what_the_figures_leave_out_is_named() {
        use crate::department::archive::Cards;
        use crate::testkit::{draft, entry, meta, sign};
        let card = testkit::card();
        let file = |id: &str, name: &str, period: &str, at: &str, key| {
            let d = draft(name, period, &["1.8"]);
            entry(&card, id, &sign(&card, &d, meta(id, at, None), key))
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        archive.admit_all(vec![
            file("a", "СОШ 1", "2025/2026", "2026-09-01", 1),
            // СОШ 2 signed last year with one key, this year with another.
            file("b0", "СОШ 2", "2024/2025", "2025-09-01", 2),
            file("b", "СОШ 2", "2025/2026", "2026-09-01", 3),
        ]);
        let mut now = results(&archive, DEFAULT_CARD, "2025/2026");
        assert_eq!(
            left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
            "Файлы, подписанные новым ключом, ждут решения о нём и в справке не учтены: СОШ 2."
        );
        // With the roster, the school without a card is named; the one
        // waiting for its key is not named twice, however the list spells it.
        for name in ["СОШ 1", "сош  2", "СОШ 3"] {
            archive.roster.add(name).unwrap();
        }
        now[0].mismatch = true;
        now[0].claimed = Some((4, 23));
        assert_eq!(
            left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
            "Не представили карту (по списку школ): СОШ 3. Файлы, подписанные новым ключом, ждут \
             решения о нём и в справке не учтены: СОШ 2. Итог, заявленный школой, не совпадает \
             с пересчётом по её ответам; в справке — пересчитанный: СОШ 1 (заявлено 4 из 23, \
             учтено 1 из 23)."
        );
        let school = archive.entry("b").unwrap().school.clone();
        let key = archive.entry("b").unwrap().key.clone();
        archive.decide_key(&school, &key, true);
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        assert_eq!(
            left_out(&archive, DEFAULT_CARD, "2025/2026", &now),
            "Не представили карту (по списку школ): СОШ 3."
        );
    }

    /// The bands in points of 80 and 60 % on small cards, by hand: at 2
    /// points both start at 2 (ceil 1.6, ceil 1.2), so the medium band is
    /// empty; at 5 the medium band is the one value 3; at 1, 0 is low.
    #[test]
    fn level_bands_on_small_cards() {
        let mut card = testkit::card();
        let scale = |card: &Card| {
            let text = levels_scale(card);
            let from = text.find("(при").unwrap();
            text[from..].replace('\u{2060}', "")
        };
        card.max_points = 23;
        assert_eq!(
            scale(&card),
            "(при максимуме 23: 19–23, 14–18, 13 и менее баллов)."
        );
        card.max_points = 5;
        assert_eq!(scale(&card), "(при максимуме 5: 4–5, 3, 2 и менее баллов).");
        card.max_points = 2;
        assert_eq!(
            scale(&card),
            "(при максимуме 2: высокая — 2, низкая — 1 и менее баллов)."
        );
        card.max_points = 1;
        assert_eq!(
            scale(&card),
            "(при максимуме 1: высокая — 1, низкая — 0 баллов)."
        );
    }

    #[test]
    fn proposals_follow_the_year() {
        let card = testkit::card();
        let archive = testkit::two_years(&card);
        let (before, after) = (
            results(&archive, DEFAULT_CARD, "2024/2025"),
            results(&archive, DEFAULT_CARD, "2025/2026"),
        );
        let now = figures(&archive, &card, &after);
        let changes = school_changes(&archive, &card, &card, &before, &after);
        let low = still_low(&changes);
        let items = proposals(&card, "2025/2026", &now, &rank(after.clone()), &low, &[]);
        // Hand count: all three at the low level; 20 indicators met by none
        // of the three, 1.8 and 3.1 by one, named weakest first, five of
        // them; criteria 4–7 earned nothing (1 is 1 of 24, 2 is 3 of 6, 3 is
        // 1 of 9); А and Б were low last year too; nothing checked.
        assert_eq!(
            items,
            [
                "1. Руководителям организаций с низкой эффективностью (Школа А, Школа Б, Школа В) \
                 разработать план мероприятий по повышению эффективности системы работы по \
                 самоопределению и профессиональной ориентации обучающихся с учётом адресных \
                 рекомендаций.",
                "2. Разработать меры по показателям, выполненным реже других (1.1 — 0 из 3 школ; \
                 1.2 — 0 из 3 школ; 1.3 — 0 из 3 школ; 1.4 — 0 из 3 школ; 1.5 — 0 из 3 школ и ещё \
                 17 (см. «Проблемные зоны»)), и предусмотреть их в муниципальном плане мероприятий \
                 на следующий учебный год.",
                "3. Уделить особое внимание критериям «4. Кадровая обеспеченность \
                 профориентационной работы», «5. Участие в соревнованиях, чемпионатах \
                 профориентационной направленности», «6. Самоопределение выпускников», «7. Оценка \
                 качества подготовки и организации профориентации»: по 0,0\u{A0}% от максимума — \
                 наименьшее значение среди критериев.",
                "4. Обеспечить консультационно-методическое сопровождение руководителей \
                 организаций, второй год находящихся на низком уровне: Школа А, Школа Б.",
                "5. Провести проверку объективности представленных материалов: результаты пока — \
                 по самооценке школ.",
            ]
        );
        // A measure of this year on 1.1 and 1.2: those are followed up, the
        // rest still asked for.
        let mut measure = crate::department::measures::Measure::blank(DEFAULT_CARD, "2025/2026");
        measure.indicators = ["1.1", "1.2"]
            .iter()
            .map(|c| card.indicator(c).unwrap().key().to_owned())
            .collect();
        let items = proposals(
            &card,
            "2025/2026",
            &now,
            &rank(after.clone()),
            &low,
            &[&measure],
        );
        assert!(
            items[1].starts_with(
                "2. Разработать меры по показателям, выполненным реже других (1.3 — 0 из 3 школ; "
            ),
            "{}",
            items[1]
        );
        assert_eq!(
            items[2],
            "3. Проследить выполнение мер, принятых по показателям 1.1, 1.2 (раздел «Меры по итогам \
             2025/2026 учебного года»)."
        );
        // Every low school low last year too: not listed a second time.
        let all_low = ["Школа А", "Школа Б", "Школа В"].map(String::from);
        let items = proposals(
            &card,
            "2025/2026",
            &now,
            &rank(after.clone()),
            &all_low,
            &[],
        );
        assert_eq!(
            items[3],
            "4. Обеспечить консультационно-методическое сопровождение руководителей этих \
             организаций: все они на низком уровне второй год подряд."
        );
        // Without last year, and with every card checked, neither is said.
        let mut archive = archive;
        for id in ["a2", "b2", "c2"] {
            archive.set_checked(id, true);
        }
        let after = results(&archive, DEFAULT_CARD, "2025/2026");
        let items = proposals(&card, "2025/2026", &now, &rank(after), &[], &[]);
        assert_eq!(items.len(), 3);
        assert!(items[2].starts_with("3. Уделить особое внимание критериям"));
    }

    #[test]
    fn the_report_in_numbers() {
        let card = testkit::card();
        let archive = testkit::two_years(&card);
        let (before, after) = (
            results(&archive, DEFAULT_CARD, "2024/2025"),
            results(&archive, DEFAULT_CARD, "2025/2026"),
        );
        let (was, now) = (
            figures(&archive, &testkit::card(), &before),
            figures(&archive, &testkit::card(), &after),
        );
        assert_eq!(
            intro("2025/2026", &testkit::card(), &now),
            "В мониторинге за 2025/2026 учебный год участвовали 3 образовательные организации \
             (карта «Экспертная карта мониторинга системы работы по самоопределению и \
             профессиональной ориентации обучающихся», версия 1). Эффективность профориентационной работы: высокая — 0 (0,0\u{A0}%), средняя — 0 \
             (0,0\u{A0}%), низкая — 3 (100,0\u{A0}%). Уровень\u{A0}— по доле баллов от максимума, \
             применимого к школе: высокая — от 80\u{A0}%, средняя — от 60\u{A0}%, низкая — ниже \
             60\u{A0}% (при максимуме 23: 19\u{2060}–\u{2060}23, 14\u{2060}–\u{2060}18, 13 и менее баллов). В целом по \
             муниципалитету набрано 7,2\u{A0}% от максимума баллов; средний балл школы — 1,7 \
             (средний максимум — 23)."
        );
        // All three are at the low level: none is named among the best.
        assert_eq!(best(&rank(after.clone()), 5, 1), [NONE_BEST]);
        assert_eq!(
            dynamics(
                &archive,
                &Years {
                    old_card: &card,
                    before: &was,
                    new_card: &card,
                    after: &now
                },
                "2024/2025",
                &before,
                &after
            ),
            "По сравнению с 2024/2025 учебным годом доля набранных баллов по всем школам \
             изменилась с 6,5\u{A0}% (2 школы) до 7,2\u{A0}% (3 школы); среди школ, участвовавших \
             в оба года (2), результат улучшили\u{A0}1, ухудшили\u{A0}1. Школ с высокой \
             эффективностью: было 0, стало 0. На низком уровне оба года: Школа А, Школа Б. \
             Наибольший рост — Школа А (+8,7\u{A0}п.\u{A0}п.)."
        );
    }

    /// Ties at the edge of «Лучшие результаты» and at the top of the rise
    /// are named in full: leaving one of two equal schools out singles the
    /// other out.
    #[test]
    fn ties_are_named_whole() {
        // Without levels no school is at the low level, so all can be best.
        let mut card = testkit::card();
        card.levels = None;
        let mut rating = rank(results(
            &testkit::two_years(&card),
            DEFAULT_CARD,
            "2025/2026",
        ));
        assert_eq!(best(&rating, 2, 1).len(), 3, "Б and В share the 2nd place");
        assert_eq!(best(&rating, 1, 1), ["1. Школа А — 3 из 23 (13,0\u{A0}%)"]);
        assert_eq!(best(&rating, 0, 1), [] as [String; 0]);
        // Without points a school is not among the best, levels or not.
        let mut nothing = rating.clone();
        for r in &mut nothing {
            r.result.score.total = 0;
        }
        assert_eq!(best(&nothing, 2, 1), [NONE_SCORED]);
        nothing[0].result.score.total = 1;
        assert_eq!(best(&nothing, 5, 1).len(), 1);
        // A school on another version of the card says so.
        rating[0].result.version = 2;
        assert_eq!(
            best(&rating, 1, 1),
            ["1. Школа А — 3 из 23 (13,0\u{A0}%) (карта заполнена по версии 2)"]
        );
        let archive = testkit::archive(
            &card,
            &[
                ("a1", &testkit::draft("Школа А", "2024/2025", &["1.8"])),
                (
                    "a2",
                    &testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]),
                ),
                ("b1", &testkit::draft("Школа Б", "2024/2025", &["2.1"])),
                (
                    "b2",
                    &testkit::draft("Школа Б", "2025/2026", &["2.1", "3.1"]),
                ),
            ],
        );
        let (before, after) = (
            results(&archive, DEFAULT_CARD, "2024/2025"),
            results(&archive, DEFAULT_CARD, "2025/2026"),
        );
        let (was, now) = (
            figures(&archive, &card, &before),
            figures(&archive, &card, &after),
        );
        let years = Years {
            old_card: &card,
            before: &was,
            new_card: &card,
            after: &now,
        };
        let text = dynamics(&archive, &years, "2024/2025", &before, &after);
        assert!(
            text.ends_with("Наибольший рост (+4,4\u{A0}п.\u{A0}п. у каждой) — Школа А, Школа Б."),
            "{text}"
        );
        // Б's last year checked, its 2.1 confirmed: the check moved
        // nothing, and nothing is said.
        let mut archive = archive;
        let recount = |archive: &Archive| {
            let before = results(archive, DEFAULT_CARD, "2024/2025");
            let was = figures(archive, &card, &before);
            let years = Years {
                before: &was,
                ..years
            };
            dynamics(archive, &years, "2024/2025", &before, &after)
        };
        archive.set_decision("b1", "2.1", Some(Decision::Confirm));
        let quiet = recount(&archive);
        assert!(!quiet.contains("проверк"), "{quiet}");
        // A ruling on an indicator without points moves neither the total
        // nor the maximum: it is no change of the result.
        let ruled = |max| crate::department::review::Counted {
            claimed_points: 0,
            claimed_applies: true,
            points: 0,
            applies: false,
            max,
            lacks_last_year: false,
            unanswered: false,
            invalid: false,
        };
        assert!(!ruled(0).moves_score() && ruled(1).moves_score());
        // Its 2.1 refused instead: 0 of 23 last year, 2 of 23 now (+8,7),
        // the check's doing in part; А's +4,4 stays.
        archive.set_decision("b1", "2.1", Some(Decision::NoPoint));
        let text = recount(&archive);
        assert!(
            text.contains(
                "ухудшили\u{A0}0. У 1 школы (Школа Б) проверка отдела изменила результат только \
                 одного из двух лет, поэтому сравнение лет отчасти зависит от проверки."
            ),
            "{text}"
        );
        assert!(
            text.ends_with(
                "Наибольший рост — Школа Б (+8,7\u{A0}п.\u{A0}п.; в прошлом году результат изменён \
                 проверкой отдела, в этом — нет)."
            ),
            "{text}"
        );
    }

    /// Hand count on [`testkit::two_years`]' second year: А claims 3
    /// points, Б and В 1 each.
    #[test]
    fn the_report_says_how_far_the_check_went() {
        let card = testkit::card();
        let mut archive = testkit::two_years(&card);
        let now = || results(&archive, DEFAULT_CARD, "2025/2026");
        assert_eq!(
            review_summary(&card, &now()),
            "Проверка объективности не проводилась: результаты — по самооценке школ."
        );
        archive.set_decision("a2", "1.8", Some(Decision::NoPoint));
        archive.set_decision("a2", "3.1", Some(Decision::NotApplicable));
        archive.set_checked("a2", true);
        archive.set_decision("b2", "2.1", Some(Decision::Confirm));
        let now = results(&archive, DEFAULT_CARD, "2025/2026");
        // А's 1.8 refused (1 point); its 3.1, claimed, ruled not applicable:
        // not a refusal, but the point is gone all the same.
        let ruled = " Снято баллов, заявленных по показателям, которые при проверке признаны \
                     неприменимыми: 1 (у 1 школы); в максимум школы эти показатели не входят.";
        assert_eq!(
            review_summary(&card, &now),
            format!(
                "Проверка объективности завершена по 1 из 3 карт, ещё 1 — на проверке. Остальные — \
                 по самооценке школ. Не засчитано при проверке баллов, заявленных школами: 1 (у 1 школы).{ruled}"
            )
        );
        // Begun but finished nowhere: nothing vouches for the claimed points.
        archive.set_checked("a2", false);
        let begun = results(&archive, DEFAULT_CARD, "2025/2026");
        assert_eq!(
            review_summary(&card, &begun),
            format!(
                "Проверка объективности завершена по 0 из 3 карт, ещё 2 — на проверке. Остальные — \
                 по самооценке школ. Не засчитано при проверке баллов, заявленных школами: 1 (у 1 школы).{ruled}"
            )
        );
        // Only the ruling left: the points did go down, said so.
        archive.set_decision("a2", "1.8", None);
        archive.set_checked("a2", true);
        let ruled_only = results(&archive, DEFAULT_CARD, "2025/2026");
        assert!(review_summary(&card, &ruled_only).ends_with(&format!("самооценке школ.{ruled}")));
        archive.set_checked("a2", false);
        archive.set_decision("a2", "3.1", None);
        let begun = results(&archive, DEFAULT_CARD, "2025/2026");
        assert!(review_summary(&card, &begun).ends_with("Остальные — по самооценке школ."));
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        assert_eq!(
            review_summary(&nv, &now[..1]),
            "Проверка объективности завершена по 1 из 1 карты."
        );
    }

    /// Each year's level is by its own version's bounds; when the bounds
    /// moved, or last year had none, the count of high levels says so.
    #[test]
    fn moved_level_bounds_are_named_beside_the_high_levels() {
        let old = testkit::card();
        let mut card = old.clone();
        card.version = 2;
        card.levels = Some(crate::card::LevelRule {
            high_from_percent: 10,
            medium_from_percent: 5,
        });
        let text = |old: &Card| {
            let a = |period, facts: &[&str]| testkit::draft("Школа А", period, facts);
            let (a1, a2) = (
                a("2024/2025", &["1.8"]),
                a("2025/2026", &["1.8", "2.1", "3.1"]),
            );
            let archive = testkit::archive_of(&[(old, "a1", &a1), (&card, "a2", &a2)]);
            let (before, after) = (
                results(&archive, DEFAULT_CARD, "2024/2025"),
                results(&archive, DEFAULT_CARD, "2025/2026"),
            );
            let years = Years {
                old_card: old,
                before: &figures(&archive, old, &before),
                new_card: &card,
                after: &figures(&archive, &card, &after),
            };
            dynamics(&archive, &years, "2024/2025", &before, &after)
        };
        // 3 of 23 is 13,0 %: high by the new bounds, low by the old.
        let moved = text(&old);
        assert!(
            moved.contains(
                " Школ с высокой эффективностью: было 0, стало 1 (границы уровней изменились: было \
                 «высокая — от 80\u{A0}%, средняя — от 60\u{A0}%», стало «высокая — от 10\u{A0}%, \
                 средняя — от 5\u{A0}%»; уровень каждого года — по границам его версии)."
            ),
            "{moved}"
        );
        let mut none = old.clone();
        none.levels = None;
        let first = text(&none);
        assert!(
            first.contains(
                " Школ с высокой эффективностью: 1; в прошлом году карта уровней не определяла."
            ),
            "{first}"
        );
    }

    #[test]
    fn a_zone_counts_its_schools_in_the_genitive() {
        let zone = |earned, applicable| IndicatorFigure {
            code: "1.8".into(),
            earned,
            applicable,
            answered: applicable,
            value: crate::department::figures::Aggregate::Fact { yes: earned },
        };
        assert_eq!(
            zone_result(&zone(27, 41)),
            "выполнили 27 из 41 школы (65,9\u{A0}%)."
        );
        assert_eq!(
            zone_result(&zone(1, 11)),
            "выполнили 1 из 11 школ (9,1\u{A0}%)."
        );
        assert_eq!(
            zone_result(&zone(1, 3)),
            "выполнили 1 из 3 школ (33,3\u{A0}%)."
        );
    }

    #[test]
    fn the_effectiveness_paragraph_counts_verdicts_and_plans() {
        use crate::department::effectiveness::{Group, IndicatorEffect, Verdict};
        // Three addressed schools met it where one did, none of the others.
        let effect = |verdict| IndicatorEffect {
            code: "2.1".into(),
            addressed: Group {
                schools: 5,
                meeting: (1, 4),
                sums: None,
            },
            others: Group {
                schools: 5,
                meeting: (1, 1),
                sums: None,
            },
            verdict,
        };
        let text = effectiveness(
            "2024/2025",
            &[
                vec![effect(Verdict::Better), effect(Verdict::MethodChanged)],
                vec![effect(Verdict::Better)],
            ],
            (1, 4),
        );
        assert_eq!(
            text,
            "По итогам 2024/2025 учебного года принято мер: 2, целевых показателей в них: 3; каждый \
             сравнен в адресных школах и в остальных (разность изменений доли школ, выполняющих \
             показатель): лучше, чем в остальных школах — 2, методика изменилась — 1. Планы \
             мероприятий школ: целевые показатели улучшились у 1 из 4 запланированных мер (25,0\u{A0}%)."
        );
        assert_eq!(
            effectiveness("2024/2025", &[], (0, 0)),
            "По итогам 2024/2025 учебного года сведений о принятых муниципальных мерах нет."
        );
        assert_eq!(
            effectiveness_without_points("2024/2025", 2),
            "По итогам 2024/2025 учебного года принято мер: 2. Карта без баллов не отмечает \
             показатели выполненными, поэтому ни меры, ни планы школ здесь по показателям не \
             оцениваются; как менялись значения показателей, показано в разделе «Динамика»."
        );
        assert_eq!(
            effectiveness("2024/2025", &[vec![], vec![]], (0, 0)),
            "По итогам 2024/2025 учебного года принято мер: 2; целевые показатели у них не \
             отмечены, поэтому их результаты не с чем сравнить."
        );
        // One school crossing is the whole change: the paragraph says so.
        let mut thin = effect(Verdict::Better);
        thin.addressed.meeting = (1, 2);
        assert!(effectiveness("2024/2025", &[vec![thin]], (0, 0)).ends_with(
            " Выводов, которые держатся на одной школе или расходятся с долей обучающихся: 1; \
             такие выводы отмечены в таблице и требуют подтверждения данными следующего года."
        ));
    }

    /// A year shown by version 2 holds a school's file of version 1: the
    /// sentence says whose years are compared by the shown version's rules.
    #[test]
    fn schools_on_another_version_are_named_in_the_dynamics() {
        use crate::department::dynamics::Years;
        use crate::department::figures::figures;
        use crate::department::results::results;
        let (v1, v2) = testkit::two_versions();
        let archive = testkit::archive_of(&[
            (&v1, "a1", &testkit::draft("Школа А", "2024/2025", &["1.8"])),
            (&v1, "b1", &testkit::draft("Школа Б", "2024/2025", &[])),
            (
                &v1,
                "a2",
                &testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]),
            ),
            (&v2, "b2", &testkit::draft("Школа Б", "2025/2026", &["1.9"])),
        ]);
        let (before, now) = (
            results(&archive, &v1.id, "2024/2025"),
            results(&archive, &v1.id, "2025/2026"),
        );
        assert!(now.iter().any(|r| r.other_version()), "А is on version 1");
        assert!(!before.iter().any(|r| r.other_version()));
        let (was, f) = (
            figures(&archive, &v1, &before),
            figures(&archive, &v2, &now),
        );
        let years = Years {
            old_card: &v1,
            before: &was,
            new_card: &v2,
            after: &f,
        };
        let text = dynamics(&archive, &years, "2024/2025", &before, &now);
        assert!(
            text.contains(
                " Школы, заполнившие не ту версию карты, по которой показан их год, сравнены по \
                 правилам версии 2 за оба года."
            ),
            "{text}"
        );
        let same: Vec<_> = now.iter().filter(|r| !r.other_version()).cloned().collect();
        let text = dynamics(&archive, &years, "2024/2025", &before, &same);
        assert!(!text.contains("не ту версию"), "{text}");
    }
}
