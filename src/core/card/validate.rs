//! The checks a card passes before anything is scored against it. Every
//! problem names the card's part in Russian; [`problems`] lists them all (for
//! an editor, beside each field), [`validate`] stops at the first, and
//! [`publish_problems`] adds what only a new version must also pass.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use crate::card::edit::{is_new_direction, NEW_CRITERION, NEW_INDICATOR};
use crate::card::{Card, Indicator, ListColumn, ListMin, Rule};
use crate::error::{CardPart, TemplateError};
use crate::text::{quoted, shorten};

pub fn validate(card: &Card) -> Result<(), TemplateError> {
    match problems(card).into_iter().next() {
        Some(first) => Err(first),
        None => Ok(()),
    }
}

/// Every problem of the card, in the card's order.
pub fn problems(card: &Card) -> Vec<TemplateError> {
    let mut found = Vec::new();
    let non_empty = |text: &str, place: String, found: &mut Vec<TemplateError>| {
        if text.trim().is_empty() {
            found.push(TemplateError::EmptyText { place });
        }
    };
    non_empty(&card.id, "идентификатор карты".into(), &mut found);
    // The id names the card's file on the website and in submissions.
    if !card
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        found.push(TemplateError::BadId {
            id: card.id.clone(),
        });
    }
    non_empty(&card.title, "название карты".into(), &mut found);
    non_empty(&card.source, "источник карты".into(), &mut found);
    if let Some(levels) = card.levels {
        let (high, medium) = (levels.high_from_percent, levels.medium_from_percent);
        if !(0 < medium && medium < high && high <= 100) {
            found.push(TemplateError::LevelBands { high, medium });
        }
        if card.max_points == 0 {
            found.push(TemplateError::LevelsWithoutPoints);
        }
    }
    let flags = card.profile_flags();
    let mut keys: BTreeMap<&str, &str> = BTreeMap::new();
    for flag in flags.iter() {
        non_empty(&flag.key, "ключ вопроса профиля".into(), &mut found);
        non_empty(
            &flag.label,
            format!("вопрос профиля «{}»", flag.key),
            &mut found,
        );
        match keys.entry(flag.key.as_str()) {
            Entry::Occupied(first) => found.push(TemplateError::DuplicateFlagKey {
                key: flag.key.clone(),
                taken_by: (*first.get()).to_owned(),
            }),
            Entry::Vacant(key) => {
                key.insert(flag.label.as_str());
            }
        }
    }
    let mut codes = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for direction in &card.directions {
        non_empty(&direction.title, "название направления".into(), &mut found);
        for criterion in &direction.criteria {
            let code = &criterion.code;
            non_empty(code, "код критерия".into(), &mut found);
            if !codes.insert(code.as_str()) {
                found.push(TemplateError::DuplicateCode { code: code.clone() });
            }
            // A criterion whose code is empty is still named in the messages.
            let named = if code.trim().is_empty() {
                "(без кода)"
            } else {
                code
            };
            non_empty(
                &criterion.title,
                format!("название критерия {named}"),
                &mut found,
            );
            for (n, indicator) in criterion.indicators.iter().enumerate() {
                // Without its code, an indicator is named by its place and
                // its wording, if any: «код показателя «»» named nothing.
                let wording = match indicator.text.trim() {
                    "" => String::new(),
                    text => format!(" ({})", quoted(&shorten(text, 60))),
                };
                non_empty(
                    &indicator.code,
                    format!("код {}-го показателя критерия {named}{wording}", n + 1),
                    &mut found,
                );
                if !codes.insert(indicator.code.as_str()) {
                    found.push(TemplateError::DuplicateCode {
                        code: indicator.code.clone(),
                    });
                }
                if !indicator.id.is_empty() && !ids.insert(indicator.id.as_str()) {
                    found.push(TemplateError::DuplicateId {
                        id: indicator.id.clone(),
                    });
                }
                indicator_problems(indicator, &keys, &mut found);
            }
            let sum = criterion.indicators.iter().map(|i| i.points).sum();
            if sum != criterion.max_points {
                found.push(TemplateError::CriterionMax {
                    criterion: named.to_owned(),
                    declared: criterion.max_points,
                    sum,
                });
            }
        }
    }
    if card.indicators().next().is_none() && !card.template {
        found.push(TemplateError::NoIndicators);
    }
    let sum = card.indicators().map(|i| i.points).sum();
    if sum != card.max_points {
        found.push(TemplateError::CardMax {
            declared: card.max_points,
            sum,
        });
    }
    found
}

/// What a version must pass to be published beyond [`problems`]: no gap
/// «…» left of the editor's starting texts («от … № …», «Есть ли …?»),
/// which the school would read as they are. Kept out of [`problems`]
/// because a version published before this check must still load: a
/// published version never changes. (A criterion without indicators is
/// not a gap: Izhevsk's card lists goals measured by the department.)
pub fn publish_problems(card: &Card) -> Vec<TemplateError> {
    let mut found = problems(card);
    let mut gap = |text: &str, place: String| {
        if has_gap(text) {
            found.push(TemplateError::Gap { place });
        }
    };
    gap(&card.title, "Название карты".into());
    gap(&card.source, "Источник карты".into());
    gap(&card.note, "Примечание к карте".into());
    for flag in card.profile_flags().iter() {
        gap(&flag.label, format!("Вопрос профиля {}", quoted(&flag.key)));
    }
    for direction in &card.directions {
        gap(
            &direction.title,
            format!("Направление {}", quoted(&direction.title)),
        );
        for criterion in &direction.criteria {
            gap(
                &criterion.title,
                format!("Название критерия {}", criterion.code),
            );
        }
    }
    // Keys are written into schools' files and matched there: Latin only.
    let latin = |key: &str| {
        key.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    for flag in card.profile_flags().iter().filter(|f| !latin(&f.key)) {
        found.push(TemplateError::BadKey {
            what: "вопроса профиля",
            key: flag.key.clone(),
        });
    }
    for indicator in card.indicators() {
        if let Rule::List { columns, .. } = &indicator.rule {
            for column in columns.iter().filter(|c| !latin(&c.key)) {
                found.push(TemplateError::BadKey {
                    what: "столбца",
                    key: column.key.clone(),
                });
            }
        }
    }
    // A direction, criterion or indicator added and never written: schools
    // would read «Новый показатель».
    for direction in card
        .directions
        .iter()
        .filter(|d| is_new_direction(&d.title))
    {
        found.push(TemplateError::Untouched {
            place: format!("Направление {}", quoted(direction.title.trim())),
        });
    }
    for criterion in card.criteria() {
        if criterion.title.trim() == NEW_CRITERION {
            found.push(TemplateError::Untouched {
                place: format!("Название критерия {}", criterion.code),
            });
        }
    }
    // «Не менее 0 %» is met by every school: a slip, not a target.
    for indicator in card.indicators() {
        if let Some((field, said)) = zero_target(&indicator.rule) {
            found.push(TemplateError::Indicator {
                indicator: indicator.code.clone(),
                part: CardPart::ZeroTarget { field, said },
            });
        }
    }
    for indicator in card.indicators() {
        if indicator.text.trim() == NEW_INDICATOR {
            found.push(TemplateError::Indicator {
                indicator: indicator.code.clone(),
                part: CardPart::Untouched("формулировка"),
            });
        }
    }
    for indicator in card.indicators() {
        let texts = [
            (&indicator.text, "формулировка"),
            (&indicator.rule_text, "правило начисления"),
            (&indicator.evidence, "источник информации"),
            (&indicator.recommendation, "рекомендация"),
            (&indicator.explain.formula, "пояснение подсчёта"),
            (&indicator.explain.denominator_source, "пояснение подсчёта"),
        ]
        .into_iter()
        .chain(rule_words(&indicator.rule));
        let mut gaps: Vec<&'static str> = texts
            .filter(|(text, _)| has_gap(text))
            .map(|(_, what)| what)
            .collect();
        gaps.dedup();
        found.extend(gaps.into_iter().map(|what| TemplateError::Indicator {
            indicator: indicator.code.clone(),
            part: CardPart::Gap(what),
        }));
    }
    found
}

/// A target every school meets, as its field and its words: a threshold
/// of 0 % without dynamics (beside steps of points the threshold is wrong
/// for another reason), a minimum of 0.
fn zero_target(rule: &Rule) -> Option<(&'static str, &'static str)> {
    match rule {
        Rule::Count { min: Some(0), .. } => Some(("минимум", "минимум 0")),
        Rule::List {
            min: Some(ListMin { value: 0, .. }),
            ..
        } => Some(("минимум", "минимум 0")),
        Rule::Percent {
            min_tenths: Some(0),
            ..
        } => Some(("минимум", "минимум 0 %")),
        _ => rule
            .share_target()
            .filter(|t| t.threshold_percent == Some(0) && !t.dynamics && t.bands.is_empty())
            .map(|_| ("порог", "порог 0 %")),
    }
}

/// The indicators whose rule's text seems to say otherwise than their
/// points: «без баллов» or «показатель информационный» of one that gives
/// points, «1 балл» of one that gives none. A card started from another
/// keeps its texts when its points change (Izhevsk's П-1.1 says it is
/// informational). Words can be read wrongly, so this is asked before
/// publishing, not a problem that blocks it.
pub fn rule_text_doubts(card: &Card) -> Vec<String> {
    card.indicators()
        .filter(|i| rule_text_disagrees(&i.rule_text, i.points))
        .map(|i| i.code.clone())
        .collect()
}

/// The indicators with points and no recommendation: a school that misses
/// one gets only a generic line in its letter («Обеспечить выполнение
/// показателя по правилу …»). Said beside the card, not a problem: the
/// department may mean it.
pub fn without_recommendation(card: &Card) -> Vec<String> {
    card.indicators()
        .filter(|i| i.points > 0 && i.recommendation.trim().is_empty())
        .map(|i| i.code.clone())
        .collect()
}

/// The indicators whose code begins with another criterion's («7.5» under
/// criterion 6), each with the criterion it stands in: typed by slip, or
/// left from a move the editor named at the time. Said beside the card,
/// not a problem: codes are the department's own (Izhevsk's «П-1.1»).
pub fn codes_of_other_criteria(card: &Card) -> Vec<(String, String)> {
    let begins = |code: &str, criterion: &str| {
        code.strip_prefix(criterion)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    let mut found = Vec::new();
    for criterion in card.criteria() {
        for indicator in &criterion.indicators {
            let code = indicator.code.trim();
            let elsewhere = (card.criteria())
                .any(|other| other.code != criterion.code && begins(code, other.code.trim()));
            if elsewhere && !begins(code, criterion.code.trim()) {
                found.push((code.to_owned(), criterion.code.trim().to_owned()));
            }
        }
    }
    found
}

/// The criteria without indicators: a school sees the section empty
/// («Показатели этого раздела в карте пока не заданы»). Said beside the
/// card, not a problem: a card taken from an order may list criteria it
/// does not measure yet (Izhevsk's), but one left empty by removing its
/// last indicator is more likely to be meant away.
pub fn empty_criteria(card: &Card) -> Vec<String> {
    card.criteria()
        .filter(|c| c.indicators.is_empty())
        .map(|c| c.code.clone())
        .collect()
}

fn rule_text_disagrees(text: &str, points: u32) -> bool {
    let text = text.to_lowercase();
    let says_none = [
        "без балл",
        "баллов не да",
        "показатель информационн",
        "информационный показатель",
        "информационный, без",
    ]
    .iter()
    .any(|w| text.contains(w));
    // «1 балл», «(2 балла)», not «0 баллов».
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let says_some = words
        .windows(2)
        .any(|w| w[1].starts_with("балл") && w[0].parse::<u32>().is_ok_and(|n| n > 0));
    match points {
        0 => says_some && !says_none,
        _ => says_none && !says_some,
    }
}

/// The rule's own labels, each with its name as the problems say it
/// (and as the editor finds its field by).
fn rule_labels(rule: &Rule) -> Vec<(&String, &'static str)> {
    match rule {
        Rule::Share {
            numerator,
            denominator,
            ..
        } => vec![
            (numerator, "подпись числителя"),
            (denominator, "подпись знаменателя"),
        ],
        Rule::Breakdown {
            numerator,
            denominator,
            ..
        } => vec![
            (numerator, "подпись суммы частей"),
            (denominator, "подпись знаменателя"),
        ],
        Rule::Fact { question } => vec![(question, "вопрос")],
        Rule::Count { label, .. } => vec![(label, "подпись числа")],
        Rule::Percent { label, .. } => vec![(label, "подпись значения")],
        Rule::List { item, .. } => vec![(item, "заголовок строки списка")],
    }
}

/// Every word of the rule a school reads, named: its labels, a
/// breakdown's parts, a list's columns.
fn rule_words(rule: &Rule) -> Vec<(&String, &'static str)> {
    let mut words = rule_labels(rule);
    match rule {
        Rule::Breakdown { parts, .. } => words.extend(parts.iter().map(|p| (p, "название части"))),
        Rule::List { columns, .. } => {
            words.extend(columns.iter().map(|c| (&c.label, "столбец списка")));
        }
        _ => {}
    }
    words
}

/// Whether `text` has a word that is only «…» (or «...»), perhaps in
/// quotes or brackets and with punctuation: a place left to fill in.
/// «обучающихся…» in a quoted title is an ellipsis, not a gap, and so is
/// «…» that closes a list after a comma («экскурсии, пробы, …»).
fn has_gap(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().any(|(i, word)| {
        let core: String = word
            .chars()
            .filter(|c| !"?!,;:()«»„“\"'".contains(*c))
            .collect();
        let dots = core.chars().filter(|&c| c == '.').count();
        let gap = !core.is_empty()
            && core.chars().all(|c| c == '…' || c == '.')
            && (core.contains('…') || dots >= 3);
        let closes_list = i + 1 == words.len() && i > 0 && words[i - 1].ends_with(',');
        gap && !closes_list
    })
}

fn indicator_problems(
    indicator: &Indicator,
    flags: &BTreeMap<&str, &str>,
    found: &mut Vec<TemplateError>,
) {
    let code = &indicator.code;
    let mut wrong = |part: CardPart| {
        found.push(TemplateError::Indicator {
            indicator: code.clone(),
            part,
        })
    };
    for (text, what) in [
        (&indicator.text, "формулировка"),
        (&indicator.rule_text, "правило начисления"),
        (&indicator.evidence, "источник информации"),
    ] {
        if text.trim().is_empty() {
            wrong(CardPart::Empty(what));
        }
    }
    for flag in &indicator.applies.flags {
        if !flags.contains_key(flag.as_str()) {
            wrong(CardPart::UnknownFlag(flag.clone()));
        }
    }
    for level in &indicator.applies.levels {
        if !flags.contains_key(level.key()) {
            wrong(CardPart::UnknownFlag(level.key().to_owned()));
        }
    }
    if indicator.applies.ovz && !flags.contains_key(crate::card::OVZ_FLAG) {
        wrong(CardPart::UnknownFlag(crate::card::OVZ_FLAG.to_owned()));
    }
    let rule = &indicator.rule;
    match (rule.has_target(), indicator.points) {
        (Some(true), 0) => wrong(CardPart::NoPoints),
        (Some(false), points @ 1..) => wrong(CardPart::PointsWithoutTarget(points)),
        _ => {}
    }
    match rule {
        Rule::Breakdown { parts, .. } => {
            if parts.is_empty() {
                wrong(CardPart::NoParts);
            }
            let mut seen = BTreeSet::new();
            for part in parts {
                if part.trim().is_empty() {
                    wrong(CardPart::Empty("название части"));
                } else if !seen.insert(part.trim()) {
                    wrong(CardPart::DuplicatePart(part.clone()));
                }
            }
        }
        Rule::Percent { min_tenths, .. } => {
            if let Some(t) = min_tenths.filter(|t| *t > 1000) {
                wrong(CardPart::PercentMin(t));
            }
        }
        Rule::List { columns, min, .. } => {
            list_problems(columns, min.as_ref().map(|m| m.column.as_str()), &mut wrong);
        }
        Rule::Share { .. } | Rule::Fact { .. } | Rule::Count { .. } => {}
    }
    let labels = rule_labels(rule);
    for (text, what) in labels {
        if text.trim().is_empty() {
            wrong(CardPart::Empty(what));
        }
    }
    if let Some(target) = rule.share_target() {
        if let Some(t) = target.threshold_percent.filter(|t| *t > 100) {
            found.push(TemplateError::Threshold {
                indicator: code.clone(),
                threshold: t,
            });
        }
        band_problems(indicator, target, found);
    }
}

fn band_problems(
    indicator: &Indicator,
    target: crate::card::ShareTarget<'_>,
    found: &mut Vec<TemplateError>,
) {
    let bands = target.bands;
    if bands.is_empty() {
        return;
    }
    let mut wrong = |part: CardPart| {
        found.push(TemplateError::Indicator {
            indicator: indicator.code.clone(),
            part,
        })
    };
    if target.threshold_percent.is_some() {
        wrong(CardPart::BandsWithThreshold);
    }
    if target.dynamics {
        wrong(CardPart::BandsWithDynamics);
    }
    let rising = bands
        .windows(2)
        .all(|w| w[0].from_percent < w[1].from_percent && w[0].points < w[1].points);
    if !rising {
        wrong(CardPart::BandsOrder);
    }
    if let Some(b) = bands.iter().find(|b| b.from_percent > 100) {
        wrong(CardPart::BandsAbove {
            from: b.from_percent,
        });
    }
    let top = bands.last().map_or(0, |b| b.points);
    if top != indicator.points {
        wrong(CardPart::BandsTop {
            top,
            points: indicator.points,
        });
    }
}

fn list_problems(
    columns: &[ListColumn],
    min_column: Option<&str>,
    wrong: &mut impl FnMut(CardPart),
) {
    if columns.is_empty() {
        wrong(CardPart::NoColumns);
    }
    let keys: BTreeSet<&str> = columns.iter().map(|c| c.key.as_str()).collect();
    if keys.len() != columns.len() {
        wrong(CardPart::DuplicateColumn);
    }
    for column in columns {
        if column.key.trim().is_empty() || column.label.trim().is_empty() {
            wrong(CardPart::Empty("столбец списка"));
        }
        if let Some(other) = &column.at_most {
            if other == &column.key || !keys.contains(other.as_str()) {
                wrong(CardPart::UnknownColumn(other.clone()));
            }
        }
    }
    if let Some(column) = min_column.filter(|c| !keys.contains(c)) {
        wrong(CardPart::UnknownColumn(column.to_owned()));
    }
}
