//! The report's opening and its account of itself: the year in numbers,
//! how a level is reached, what the figures leave out, and how far the
//! check of objectivity went and who did it.

use std::collections::BTreeMap;

use crate::card::versions::levels_text;
use crate::card::Card;
use crate::department::archive::{Archive, Entry, Resent, Standing};
use crate::department::figures::Figures;
use crate::department::results::SchoolResult;
use crate::department::review::ReviewStatus;
use crate::department::roster::{statuses, Status};
use crate::department::school::normalize;
use crate::text::{by_name, percent, plural};

use super::*;

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
        // Said where the schools' maxima are not all the card's.
        let varies = match f.points.1 == u64::from(card.max_points) * n {
            true => "",
            false => " (максимум школы зависит от её профиля)",
        };
        text.push_str(&format!(
            " В целом по муниципалитету набрано {} от максимума баллов; средний балл школы — {} \
             при среднем максимуме {}{varies}.",
            percent(f.points.0, f.points.1),
            mean(f.points.0, n),
            mean(f.points.1, n)
        ));
    } else {
        text.push_str(" Карта не даёт баллов: справка приводит сводные значения показателей.");
    }
    text.push_str(&other_versions(card, f));
    text
}

/// « Версию 1 карты, а не версию 2, заполнили 8 организаций: …», or
/// nothing: the schools of the year on another version, and how their
/// figures are read.
fn other_versions(card: &Card, f: &Figures) -> String {
    let n: u64 = f.other_versions.iter().map(|(_, n)| *n as u64).sum();
    let version = card.version;
    let filled = |what: &str| {
        format!(
            " {what} карты, а не версию {version}, {} {n} {}",
            plural(n, "заполнила", "заполнили", "заполнили"),
            plural(n, "организация", "организации", "организаций"),
        )
    };
    let (which, theirs) = match f.other_versions.as_slice() {
        [] => return String::new(),
        [(one, _)] => (filled(&format!("Версию {one}")), format!("версии {one}")),
        several => {
            let each: Vec<String> = (several.iter())
                .map(|(v, k)| format!("версию {v} — {k}"))
                .collect();
            let which = format!("{} ({})", filled("Другие версии"), each.join(", "));
            (which, "их версий".to_owned())
        }
    };
    let (values, read) = match card.has_points() {
        true => (
            plural(
                n,
                "её баллы и уровень",
                "их баллы и уровни",
                "их баллы и уровни",
            ),
            format!(
                "по правилам {theirs}, а выполнение показателей, которые версии оценивают \
                 по-разному, — по правилам версии {version}"
            ),
        ),
        false => (
            plural(n, "её значения", "их значения", "их значения"),
            "по показателям, которые есть в обеих версиях и заполняются одинаково".to_owned(),
        ),
    };
    format!("{which}: {values} — {read}.")
}

/// How a level is reached, since a school's level follows its share of
/// the points that apply to it, not its bare total: «13 из 21» is medium
/// where «13 из 23» is low, and a reader with the seed's table of points
/// in mind would take that for a mistake. Each range is held together by
/// word joiners, so that a line never ends on «14–».
pub(super) fn levels_scale(card: &Card) -> String {
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
pub(super) fn mean(sum: u64, n: u64) -> String {
    match (sum * 20 + n) / (2 * n.max(1)) {
        whole if whole % 10 == 0 => (whole / 10).to_string(),
        tenths => crate::text::tenths(tenths, ','),
    }
}

/// What the year's figures leave out, or count otherwise than a school sent
/// it, for the reader to weigh them by: the roster's schools without a
/// counted card (taking part is compulsory, seed 003 §1.4), or without a
/// list the schools of the files refused at the import, cards whose new
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
    let waiting: Vec<String> = held.iter().map(|e| normalize(&e.profile().name)).collect();
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
                let own = &archive.entry(&r.submission_id)?.assessment;
                let recount = (own.total, own.max_applicable);
                let counted = (r.score.total, r.score.max_applicable);
                // The check may have moved the recount too: said apart, so
                // that the check's points are not read as the recount's.
                let checked = if counted == recount {
                    String::new()
                } else {
                    format!(", после проверки — {} из {}", counted.0, counted.1)
                };
                Some(format!(
                    "{} (заявлено {total} из {max}, по ответам — {} из {}{checked})",
                    r.profile.name, recount.0, recount.1
                ))
            })
            .collect(),
    );
    // Counted, but not a school of the list: a newcomer, or a name the
    // list spells otherwise (the «Школы» tab places it).
    let unlisted = sorted(
        (archive
            .roster
            .unplaced(archive, card_id, period)
            .into_iter())
        .map(|(_, profile)| profile.name)
        .collect(),
    );
    // Without a list of schools, those a refused file of the year says it
    // is from, and that no counted file covers (as the import's earlier
    // refusals judge it) nor one waiting for its key, are named (a
    // methodologist's reading: two refused schools went unsaid; with a
    // list, «(файл не принят)» above says it). Until the coordinator
    // clears the refusals as dealt with.
    let resent = Resent::new(archive);
    let refused = match archive.roster.schools.is_empty() {
        true => sorted(
            (archive.refusals().iter())
                .filter(|r| !resent.covers(r))
                .filter_map(|r| r.claim.as_ref())
                .filter(|c| c.card == card_id && c.period == period)
                .map(|c| c.name.trim().to_owned())
                .filter(|name| !name.is_empty() && !waiting.contains(&normalize(name)))
                .collect(),
        ),
        false => Vec::new(),
    };
    let mut text = String::new();
    if !refused.is_empty() {
        text.push_str(&format!(
            "{}: {} — {}.",
            plural(
                refused.len() as u64,
                "Карта не учтена",
                "Карты не учтены",
                "Карты не учтены"
            ),
            plural(
                refused.len() as u64,
                "файл не прошёл проверку при загрузке",
                "файлы не прошли проверку при загрузке",
                "файлы не прошли проверку при загрузке"
            ),
            refused.join(", ")
        ));
    }
    if !missing.is_empty() {
        text.push_str(&format!(
            " Не представили карту (по списку школ): {}.",
            missing.join(", ")
        ));
    }
    if !unlisted.is_empty() {
        text.push_str(&format!(
            " Учтены, но не найдены в списке школ (новая школа или другое написание названия): \
             {}.",
            unlisted.join(", ")
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
    let without = sorted(
        (results.iter())
            .filter_map(|r| {
                let codes = r.without_last_year();
                (!codes.is_empty()).then(|| format!("{} ({})", r.profile.name, codes.join(", ")))
            })
            .collect(),
    );
    if !without.is_empty() {
        text.push_str(&format!(
            " Не вошли в максимум школы показатели с целью «положительная динамика», по которым \
             она не указала данные прошлого года (её процент выше, чем был бы с нулём по ним): {}.",
            without.join(", ")
        ));
    }
    // «0 из 0» where the profile expects the group: more likely a number
    // left at 0; unseen, the school was simply «не применимо» (a
    // walk-through's four schools on seed 001's card). Until the check
    // rules on it.
    let empty = sorted(
        (results.iter())
            .filter_map(|r| {
                let codes = archive.empty_unruled(&r.submission_id);
                (!codes.is_empty()).then(|| format!("{} ({})", r.profile.name, codes.join(", ")))
            })
            .collect(),
    );
    if !empty.is_empty() {
        text.push_str(&format!(
            " Указали общее число 0 по показателю, который по профилю школы к ней относится \
             (показатель не учтён; возможно, число просто не заполнено): {}.",
            empty.join(", ")
        ));
    }
    text.trim_start().to_owned()
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
    // Without points a school reports its data, it scores nothing.
    let own = schools_own(card);
    // Not begun: nothing may read as if the scores had stood a check.
    if checked + in_review == 0 {
        return format!("Проверка объективности не проводилась: результаты — {own}.");
    }
    let cards = |k: u64| plural(k, "карты", "карт", "карт");
    // «завершена по 0 из 12 карт» read as a result; none finished is said
    // as such.
    let mut text = match checked {
        0 => format!(
            "Проверка объективности ещё не завершена ни по одной из {n} {}",
            cards(n)
        ),
        _ => format!(
            "Проверка объективности завершена по {checked} из {n} {}",
            cards(n)
        ),
    };
    match (checked, in_review) {
        (_, 0) => {}
        (0, n) => text.push_str(&format!("; на проверке — {n}")),
        (_, n) => text.push_str(&format!(", ещё {n} — на проверке")),
    }
    text.push('.');
    if checked + in_review < n {
        text.push_str(&format!(" Остальные — {own}."));
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
/// `coordinator`'s ([`Archive::coordinator`]). `None` when no reviewer's
/// file was merged.
pub fn reviewers(archive: &Archive, results: &[SchoolResult], coordinator: &str) -> Option<String> {
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
                coordinator.to_owned()
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

/// Whose figures the unchecked results are: «по самооценке школ», or on a
/// card without points, where a school scores nothing, «по данным школ».
pub fn schools_own(card: &Card) -> &'static str {
    match card.has_points() {
        true => "по самооценке школ",
        false => "по данным школ",
    }
}
