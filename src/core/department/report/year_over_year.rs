//! The change since the year before: schools better, worse and unchanged,
//! the largest rise, the schools low both years, and what two versions of
//! the card leave comparable.

use std::collections::{HashMap, HashSet};

use crate::card::versions::{comparability, levels_text, Comparability};
use crate::card::{Card, Level};
use crate::department::archive::{Archive, Entry};
use crate::department::dynamics::{
    delta_text, figures_in_both, indicator_changes, school_changes, value_changes, IndicatorChange,
    SchoolChange, Years,
};
use crate::department::effectiveness::NOTABLE_TENTHS;
use crate::department::figures::Figures;
use crate::department::results::SchoolResult;
use crate::department::roster::LikelySchools;
use crate::department::school::{pair_schools, SchoolId};
use crate::text::{by_name, part_of, percent, plural, quoted, tied};

use super::*;

/// « Наибольший рост — …», naming every school with the largest rise as
/// the table shows it (naming one of two equal would single it out), and
/// those whose exact rise equals one of theirs though the rounding of
/// their shares shows it a tenth apart. Each change is the one its row
/// shows. A rise that is partly the check of one year against an unchecked
/// other ([`SchoolChange::basis`]) is named only when no school rose on
/// equal footing: a walk-through's top school had only lost points to last
/// year's check.
pub(super) fn largest_rise(changes: &[SchoolChange]) -> String {
    let fair: Vec<SchoolChange> = (changes.iter())
        .filter(|c| c.basis().is_empty())
        .cloned()
        .collect();
    let changes = match fair.iter().any(|c| c.delta_tenths() > 0) {
        true => &fair[..],
        false => changes,
    };
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

/// The schools whose result fell, the largest fall first, each with its
/// change: «результат ухудшили 1» alone left the reader to guess which
/// (a methodologist's reading of the report). Past five, the five largest
/// (and those tied with the fifth) and how many more.
pub(super) fn worse(changes: &[SchoolChange]) -> String {
    const NAMED: usize = 5;
    let mut fell: Vec<&SchoolChange> = changes.iter().filter(|c| c.delta_tenths() < 0).collect();
    if fell.is_empty() {
        return String::new();
    }
    fell.sort_by(|a, b| {
        a.delta_tenths()
            .cmp(&b.delta_tenths())
            .then_with(|| by_name(&a.name, &b.name))
    });
    // Those tied with the fifth are named too, as equal rises are.
    let shown = match fell.get(NAMED - 1) {
        Some(fifth) => (fell.iter())
            .take_while(|c| c.delta_tenths() <= fifth.delta_tenths())
            .count(),
        None => fell.len(),
    };
    let named: Vec<String> = (fell.iter().take(shown))
        .map(|c| named(c, Some(c.delta_tenths())))
        .collect();
    match fell.len() - shown {
        0 => format!(" Результат ухудшили: {}.", named.join(", ")),
        rest => format!(
            " Сильнее всего ухудшили результат: {} и ещё {}.",
            named.join(", "),
            schools_count(rest)
        ),
    }
}

/// The schools of both years that reached the high level and those that
/// left it, each year by its own card's levels, as the counts beside them
/// are: «было 8, стало 12» named no school (a methodologist's reading).
pub(super) fn high_moves(changes: &[SchoolChange]) -> String {
    let high = Some(Level::High);
    let label = |level: Option<Level>| level.map_or("не определена", Level::label);
    let up = in_name_order(
        (changes.iter())
            .filter(|c| c.level_before != high && c.level_after == high)
            .map(|c| {
                format!(
                    "{} (в прошлом году — {})",
                    tied(&c.name),
                    label(c.level_before)
                )
            }),
    );
    let down = in_name_order(
        (changes.iter())
            .filter(|c| c.level_before == high && c.level_after != high)
            .map(|c| format!("{} (в этом году — {})", tied(&c.name), label(c.level_after))),
    );
    let mut text = String::new();
    if !up.is_empty() {
        text.push_str(&format!(" Перешли на высокий уровень: {}.", up.join(", ")));
    }
    if !down.is_empty() {
        text.push_str(&format!(
            " Опустились с высокого уровня: {}.",
            down.join(", ")
        ));
    }
    text
}

fn schools_count(n: usize) -> String {
    format!("{n} {}", plural(n as u64, "школа", "школы", "школ"))
}

/// «Школа (+4,8 п. п.)», with the year the check alone moved when so: a
/// rise between a year the check changed and one it did not is partly the
/// check's doing.
pub(super) fn named(c: &SchoolChange, delta: Option<i64>) -> String {
    let notes: Vec<String> = (delta.map(delta_text).into_iter())
        .chain(c.notes())
        .collect();
    match notes.as_slice() {
        [] => tied(&c.name),
        _ => format!("{} ({})", tied(&c.name), notes.join("; ")),
    }
}

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
    let in_both = figures_in_both(archive, years, before, after);
    let (new, gone) = unpaired(archive, before, after);
    format!(
        "{}{versions}",
        dynamics_of(
            years,
            previous_period,
            &changes,
            other_versions,
            in_both.as_ref(),
            &unpaired_said(&new, &gone).unwrap_or_default()
        )
    )
}

/// The schools of each year without a pair in the other (as the schools'
/// changes pair them), in the order of names: (this year's, last year's).
/// A school whose file of the other year was refused at import says so: it
/// sent one (a walk-through's school with a damaged file of last year read
/// as one that had not reported, in the printed report too).
pub fn unpaired(
    archive: &Archive,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> (Vec<String>, Vec<String>) {
    let pairs = pair_schools(&archive.roster, before, after);
    // A school of this year only that sent a card in an earlier year: back
    // after a year away, not new (a walk-through's school of 2023/2024 read
    // as new in 2025/2026). Paired as the two years' schools are, the
    // roster's links too, with each school's latest earlier file, found in
    // one pass.
    let back: HashMap<&SchoolId, String> = {
        let campaign = (before.first())
            .and_then(|r| archive.entry(&r.submission_id))
            .map(|e| (e.card.id.as_str(), e.period()));
        let mut latest: HashMap<&SchoolId, &Entry> = HashMap::new();
        if let Some((card, last_year)) = campaign {
            for e in archive.current() {
                if e.card.id != card || e.period() >= last_year {
                    continue;
                }
                let kept = latest.entry(&e.school).or_insert(e);
                if e.period() > kept.period() {
                    *kept = e;
                }
            }
        }
        let earlier: Vec<&Entry> = latest.into_values().collect();
        let paired: HashSet<&SchoolId> = pairs.iter().map(|(_, a)| &a.school).collect();
        let now: Vec<&SchoolResult> = (after.iter())
            .filter(|r| !paired.contains(&r.school))
            .collect();
        (pair_schools(&archive.roster, &earlier, &now).into_iter())
            .map(|(was, r)| {
                let said = format!(
                    "{}: сдавала карту за {} учебный год",
                    r.profile.name.trim(),
                    was.period()
                );
                (&r.school, said)
            })
            .collect()
    };
    let alone = |year: &[SchoolResult], paired: Vec<&SchoolId>, other: &[SchoolResult]| {
        // The other year's campaign, whose refused files may be theirs.
        let campaign = (other.first())
            .and_then(|r| archive.entry(&r.submission_id))
            .map(|e| (e.card.id.as_str(), e.period()));
        let refused = campaign.map_or_else(HashSet::new, |(card, period)| {
            refused_of(archive, card, period, year)
        });
        in_name_order(
            (year.iter())
                .filter(|r| !paired.contains(&&r.school))
                .map(|r| {
                    let name = r.profile.name.trim();
                    match (refused.contains(name), campaign) {
                        (true, Some((_, period))) => {
                            format!("{name}: файл за {period} учебный год не принят")
                        }
                        _ if std::ptr::eq(year, after) => back
                            .get(&r.school)
                            .cloned()
                            .unwrap_or_else(|| name.to_owned()),
                        _ => name.to_owned(),
                    }
                }),
        )
    };
    (
        alone(
            after,
            pairs.iter().map(|(_, now)| &now.school).collect(),
            before,
        ),
        alone(
            before,
            pairs.iter().map(|(was, _)| &was.school).collect(),
            after,
        ),
    )
}

/// The schools of `year` a refused file of the campaign of `card_id` and
/// `period` most likely is ([`likely_school`]) by the school it names, or,
/// naming none, by its file name when that gives the year. Among all of
/// the year's schools: a refused copy of a school of both years is that
/// school's, not a new namesake's (a review: «Гимназия 3» was said to
/// have sent «Школа 3»'s cut-off copy).
fn refused_of<'r>(
    archive: &Archive,
    card_id: &str,
    period: &str,
    year: &'r [SchoolResult],
) -> HashSet<&'r str> {
    if archive.refusals().is_empty() {
        return HashSet::new();
    }
    let names: Vec<&str> = year.iter().map(|r| r.profile.name.trim()).collect();
    let likely = LikelySchools::new(&names);
    (archive.refusals().iter())
        .filter_map(|refusal| {
            let (named, year) = refusal.named(card_id)?;
            (year.as_deref() == Some(period))
                .then(|| likely.of(&named).map(|i| names[i]))
                .flatten()
        })
        .collect()
}

/// Why two years on different versions of the card are compared on part
/// of it: what is comparable, and which indicators the new version left
/// out (their last value stays in the table of values).
pub fn versions_note(years: &Years) -> String {
    let (same, total) = years.comparable();
    format!(
        "Годы заполнены по разным версиям карты (версия {} и версия {}): сопоставимы {} новой \
         версии; где методика изменилась, изменение не оценивается.{} \
         Результаты школ сравнены по ответам прошлого года, пересчитанным по новой версии, без \
         показателей, которых в прошлом году не было или которые заполняются иначе.",
        years.old_card.version,
        years.new_card.version,
        part_of(same, total, "показателя", "показателей"),
        [left_out_note(years), removed_note(years)].concat()
    )
}

/// « Новый показатель: 2.3. Методика изменилась у показателей 1.2, 4.1.»,
/// or nothing: which of the new version's indicators the comparison
/// leaves out, and why (the report named the indicator left out of the
/// card alone, a walk-through).
fn left_out_note(years: &Years) -> String {
    let (mut new, mut changed) = (Vec::new(), Vec::new());
    for i in years.new_card.indicators() {
        match comparability(years.old_card, years.new_card, i) {
            Comparability::New => new.push(i.code.as_str()),
            c if !c.met_comparable() => changed.push(i.code.as_str()),
            _ => {}
        }
    }
    let new = match new.as_slice() {
        [] => String::new(),
        [one] => format!(" Новый показатель: {one}."),
        many => format!(" Новые показатели: {}.", many.join(", ")),
    };
    let changed = match changed.as_slice() {
        [] => String::new(),
        [one] => format!(" Методика изменилась у показателя {one}."),
        many => format!(" Методика изменилась у показателей {}.", many.join(", ")),
    };
    new + &changed
}

/// « Из карты исключён показатель 2.2 (в прошлом году: в сумме 1 200).»,
/// or nothing: a left-out indicator is in no comparison, so its going is
/// said where the versions are.
pub fn removed_note(years: &Years) -> String {
    let removed: Vec<String> = (years.removed())
        .map(|i| {
            // Its number given to another indicator (its kind changed, or
            // the number freed and taken): «1.6» beside a new 1.6 read as
            // the card contradicting itself.
            let mut said: Vec<String> = years
                .last_value(i)
                .into_iter()
                .map(|was| format!("в прошлом году: {was}"))
                .collect();
            if years.new_card.indicator(&i.code).is_some() {
                said.push("под этим номером теперь другой показатель".to_owned());
            }
            match said.as_slice() {
                [] => i.code.clone(),
                _ => format!("{} ({})", i.code, said.join("; ")),
            }
        })
        .collect();
    match removed.as_slice() {
        [] => String::new(),
        [one] => format!(" Из карты исключён показатель {one}."),
        many => format!(" Из карты исключены показатели: {}.", many.join("; ")),
    }
}

/// « На 10 п. п. и больше снизились: 1.1 (да — у 21 из 30 (70,0 %) →
/// да — у 15 из 31 (48,4 %); −21,6 п. п.), …», the largest fall first; or
/// nothing.
fn fallen_values(years: &Years) -> String {
    let mut fallen: Vec<(i64, String, String)> = value_changes(years)
        .into_iter()
        .filter_map(|v| {
            // As the proposals take them up (`dynamics::fallen`): a fall of
            // exactly 10,0 was named there and not here.
            let tenths = v.tenths.filter(|t| *t <= -NOTABLE_TENTHS)?;
            let change = v.change_text().unwrap_or_default();
            let said = format!("{} ({} → {}; {change})", v.code, v.before, v.after);
            Some((tenths, v.code, said))
        })
        .collect();
    fallen.sort_by_key(|(tenths, ..)| *tenths);
    let mut text = match fallen.as_slice() {
        [] => String::new(),
        all => format!(
            " На 10\u{A0}п.\u{A0}п. и больше снизились: {}.",
            all.iter()
                .map(|(.., s)| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    // The counts the proposals name among the falls too: the report's
    // «Выводы» asked to look into 1.2, 2.1 and 2.2 where this section
    // named 2.3 alone (a walk-through of the Невинномысск card).
    let counts: Vec<String> = (crate::department::dynamics::fallen(years).into_iter())
        .filter(|(code, _)| !fallen.iter().any(|(_, c, _)| c == code))
        .map(|(code, how)| format!("{code} ({how})"))
        .collect();
    if !counts.is_empty() {
        text.push_str(&format!(
            " Среднее на организацию снизилось на {}\u{A0}% и больше: {}.",
            crate::department::dynamics::COUNT_FALL_PERCENT,
            counts.join(", ")
        ));
    }
    text
}

/// [`dynamics`] from the schools' changes already worked out, as
/// «Динамика» has them for its table, without the note on versions, which
/// it shows apart; `other_versions`: some school filled another version
/// than the card its year is shown by; `in_both`: the years' figures over
/// the schools of both ([`figures_in_both`]), where some took part in one;
/// `unpaired`: the schools of one year only, named ([`unpaired_said`]),
/// said after the count of the schools of both.
pub fn dynamics_of(
    years: &Years,
    previous_period: &str,
    changes: &[SchoolChange],
    other_versions: bool,
    in_both: Option<&(Figures, Figures)>,
    unpaired: &str,
) -> String {
    let (card, was, now) = (years.new_card, years.before, years.after);
    // A year still being collected is said so (`fewer_schools`): its
    // schools missing are not yet «не в оба года».
    let unpaired = match unpaired {
        "" => String::new(),
        _ if !fewer_schools(was.schools, now.schools).is_empty() => String::new(),
        said => format!(" {said}"),
    };
    if !card.has_points() {
        // The values pool every school of each year, not only those of
        // both: said, or a school that joined reads as a change. The
        // values that fell furthest are named: the weak spots the
        // analysis is for.
        return format!(
            "По сравнению с {previous_period} учебным годом: школ, участвовавших в оба года, — \
             {}.{unpaired} Значения показателей по муниципалитету за оба года — в таблице ниже, \
             по всем школам каждого года (в прошлом году — {}, в этом — {}).{}{}",
            changes.len(),
            was.schools,
            now.schools,
            fewer_schools(was.schools, now.schools),
            fallen_values(years)
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
            " У {} {} ({}) проверка отдела изменила результат только одного из двух лет, а другой \
             год не проверен, поэтому сравнение лет отчасти зависит от проверки.",
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
    let worse = worse(changes);
    let moves = match card.levels.is_some() && years.old_card.levels.is_some() {
        true => high_moves(changes),
        false => String::new(),
    };
    let fallen = match in_both {
        Some((was, now)) => fallen_indicators(
            &Years {
                before: was,
                after: now,
                ..*years
            },
            " Среди школ, участвовавших в оба года, реже, чем годом ранее,",
        ),
        None => fallen_indicators(years, " Реже, чем годом ранее,"),
    };
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
        // Across versions with the same bounds, the table of schools gives
        // last year's level by the new version: the counts here are not.
        let bounds = if old_levels == card.levels.as_ref() && years.versions_differ() {
            " (уровень каждого года — по его версии карты)".to_owned()
        } else if old_levels == card.levels.as_ref() {
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
    // Filled on two versions, the municipality's two shares are each by its
    // own year's card, the schools' changes by the new one's rules: said,
    // or 69,6 → 87,5 % beside a school's +26,1 п. п. reads as a slip.
    let (own_versions, new_rules) = if years.versions_differ() {
        (
            format!(
                " — каждый год по своей версии карты ({} и {})",
                years.old_card.version, card.version
            ),
            format!(" по правилам версии {}", card.version),
        )
    } else {
        (String::new(), String::new())
    };
    format!(
        "По сравнению с {previous_period} учебным годом доля набранных баллов по всем школам \
         изменилась с {} ({}) до {} ({}){own_versions}; среди школ, участвовавших в оба года \
         ({}),{new_rules} результат улучшили\u{A0}{up}, ухудшили\u{A0}{down}{same}.{unpaired}{}{mixed}\
         {high}{moves}{still_low}{rise}{worse}{fallen}{other_versions}",
        percent(was.points.0, was.points.1),
        schools_count(was.schools),
        percent(now.points.0, now.points.1),
        schools_count(now.schools),
        changes.len(),
        fewer_schools(was.schools, now.schools),
    )
}

/// What «Динамика» says with no year before `period` on `card`: where
/// that year's files were filled on another card, that it is another
/// method, not compared (a walk-through's department was asked to load
/// files it had loaded).
pub fn nothing_to_compare(archive: &Archive, card: &Card, period: Option<&str>) -> String {
    let before = period.and_then(crate::department::last_year::previous_period);
    let others = before
        .as_ref()
        .map(|b| archive.other_cards_in(&card.id, b))
        .unwrap_or_default();
    match (before, others.as_slice()) {
        (Some(before), [_, ..]) => {
            format!(
            "За {before} учебный год загружены карты по другой методике ({}): с картой {} они не \
             сравниваются — у них другие показатели и правила. Динамика сравнивает годы одной \
             карты и её версий.",
            others.iter().map(|t| quoted(t)).collect::<Vec<_>>().join(", "),
            quoted(&card.title)
        )
        }
        _ => "Для сравнения нужны карты хотя бы за два учебных года. Выберите более поздний год \
              или загрузите карты прошлого года."
            .to_owned(),
    }
}

/// « Карт этого года меньше трёх четвертей …», when this year has fewer
/// than three quarters of last year's schools: the municipal figures of a
/// year half collected read as a fall (a walk-through: «было 9 из 12 школ,
/// стало 0 из 1 школы; −75,0 п. п.» with nothing said). Not «пока»: an
/// older year chosen may be all there is.
pub(super) fn fewer_schools(was: usize, now: usize) -> String {
    match now {
        _ if now * 4 >= was * 3 => String::new(),
        0 => " Карт этого года ещё нет.".to_owned(),
        _ => format!(
            " Карт этого года меньше трёх четвертей прошлогоднего числа ({now} против {was}): \
             возможно, собраны не все, и сравнение по муниципалитету предварительное."
        ),
    }
}

/// « Реже, чем годом ранее, выполнены показатели: 6.2 (было 7 из 10, стало
/// 6 из 12; −20,0 п. п.); …», the largest fall first, after `lead`: a
/// year whose schools all did as well or better can still have indicators
/// done by fewer of them, and those are where the next measures belong.
/// Only indicators comparable in both years are named (as «Динамика» shows
/// them).
pub fn fallen_indicators(years: &Years, lead: &str) -> String {
    let mut fallen: Vec<(i64, IndicatorChange)> = (indicator_changes(years).into_iter())
        .filter_map(|c| Some((c.delta_tenths().filter(|d| *d < 0)?, c)))
        .collect();
    fallen.sort_by_key(|(d, _)| *d);
    // `delta_tenths` is only there with last year's figures.
    let named: Vec<String> = (fallen.iter())
        .filter_map(|(d, c)| {
            let (was, whole) = c.before?;
            Some(format!(
                "{} (было {}, стало {}; {})",
                c.code,
                part_of(was, whole, "школы", "школ"),
                part_of(c.after.0, c.after.1, "школы", "школ"),
                delta_text(*d)
            ))
        })
        .collect();
    match named.as_slice() {
        [] => String::new(),
        [one] => format!("{lead} выполнен показатель {one}."),
        many => format!("{lead} выполнены показатели: {}.", many.join("; ")),
    }
}

/// The schools at the low level in both years, in the order of names. The
/// levels are those «Динамика» shows beside the change
/// ([`SchoolChange::levels_compared`]): a school of another version is low
/// both years by this year's rules or not at all, as its row reads. Where
/// its own files' levels differ, they are said: the rating called it
/// medium, and the report named it low without a word (a walk-through).
pub fn still_low(changes: &[SchoolChange]) -> Vec<String> {
    let low = (Some(Level::Low), Some(Level::Low));
    let label = |level: Option<Level>| level.map_or("не определена", Level::label);
    in_name_order(
        (changes.iter())
            .filter(|c| c.levels_compared() == low)
            .map(|c| match (c.level_before, c.level_after) {
                own if own == low => c.name.clone(),
                (before, after) => format!(
                    "{} (по правилам карты этого года; по версии своих файлов эффективность — {} и {})",
                    c.name,
                    label(before),
                    label(after)
                ),
            }),
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

/// The schools' names in the order of names, each as «Школа № 3».
pub(super) fn names_of<'a>(changes: impl Iterator<Item = &'a SchoolChange>) -> Vec<String> {
    in_name_order(changes.map(|c| c.name.as_str()))
}
