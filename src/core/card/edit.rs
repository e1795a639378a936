//! What the department's card editor does to a card's structure: add,
//! remove and move groups, criteria and indicators, and change an
//! indicator's kind. Texts and numbers are set on the card's fields
//! directly; these are the changes that need rules.
//!
//! Every change keeps the maxima derived ([`Card::recount`]). An indicator
//! whose kind changes measures something else: it gets a new permanent id,
//! so that last year's figures of the old one are never compared with it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::versions::target_text;
use crate::card::{
    Applicability, Band, Card, Criterion, Direction, Explanation, Indicator, ListColumn, ListMin,
    Rule, ZeroDenominator,
};
use crate::error::{BandLineError, ListMinError};
use crate::text::{points, quoted};

/// Where an indicator is: group, criterion, indicator, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub direction: usize,
    pub criterion: usize,
    pub indicator: usize,
}

/// The kinds an editor offers, with their labels.
pub const KINDS: [(&str, &str); 6] = [
    ("share", "Доля (числитель и знаменатель)"),
    ("breakdown", "Доля по частям"),
    ("fact", "Факт (да/нет)"),
    ("count", "Число"),
    ("percent", "Процент (измеренный уровень)"),
    ("list", "Список (мероприятия, конкурсы)"),
];

/// A rule of `kind` with starting texts, valid as it is. The words a
/// school reads beside its inputs have a gap «…» to fill before publishing
/// («Есть ли …?», «Всего обучающихся …»): plain labels such as «Всего» were
/// published unchanged and left a school guessing what to count. A list's
/// «Мероприятие» and «Участники» are what most lists hold.
pub fn default_rule(kind: &str) -> Rule {
    match kind {
        "breakdown" => Rule::Breakdown {
            threshold_percent: Some(50),
            dynamics: false,
            numerator: "Обучающиеся, которые …, всего".into(),
            denominator: "Всего обучающихся …".into(),
            parts: vec!["Часть 1: …".into(), "Часть 2: …".into()],
            zero_denominator: ZeroDenominator::ZeroPoints,
        },
        "fact" => Rule::Fact {
            question: "Есть ли …?".into(),
        },
        "count" => Rule::Count {
            min: Some(1),
            label: "Количество …".into(),
        },
        "percent" => Rule::Percent {
            min_tenths: None,
            label: "Уровень …".into(),
        },
        "list" => Rule::List {
            item: "Мероприятие".into(),
            columns: vec![ListColumn {
                key: "participants".into(),
                label: "Участники".into(),
                at_most: None,
            }],
            min: None,
        },
        _ => Rule::Share {
            threshold_percent: Some(50),
            dynamics: false,
            bands: Vec::new(),
            numerator: "Обучающиеся, которые …".into(),
            denominator: "Всего обучающихся …".into(),
            zero_denominator: ZeroDenominator::ZeroPoints,
        },
    }
}

/// Points that suit a rule: one for a rule with a target, none without.
fn points_for(rule: &Rule) -> u32 {
    match rule.has_target() {
        Some(false) => 0,
        _ => 1,
    }
}

/// The wording of an indicator the editor adds, until the department
/// writes its own; publishing asks for it ([`crate::card::validate`]).
pub const NEW_INDICATOR: &str = "Новый показатель";
/// The title of a criterion the editor adds, likewise.
pub const NEW_CRITERION: &str = "Новый критерий";

/// «Направление 2»: the title of the `n`th direction the editor adds,
/// likewise ([`is_new_direction`]).
fn new_direction(n: usize) -> String {
    format!("Направление {n}")
}

/// Whether `title` is still the one the editor gave a direction: a blank
/// card's «Направление 1» was published as the schools' heading (a
/// walk-through).
pub fn is_new_direction(title: &str) -> bool {
    (title.trim().strip_prefix("Направление "))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn new_indicator(code: String, id: String) -> Indicator {
    let rule = default_rule("share");
    let mut indicator = Indicator {
        id,
        code,
        text: NEW_INDICATOR.into(),
        rule_text: String::new(),
        points: points_for(&rule),
        rule,
        evidence: "Сайт ОО".into(),
        applies: Applicability::default(),
        recommendation: String::new(),
        explain: Explanation::default(),
    };
    indicator.rule_text = suggested_rule_text(&indicator);
    indicator
}

/// The rule's text the editor writes for an indicator, from its target and
/// points: «не менее 30 % — 1 балл», «наличие — 1 балл».
pub fn suggested_rule_text(indicator: &Indicator) -> String {
    // Points without a target are the validator's to name, not the text's.
    if indicator.rule.has_target() == Some(false) {
        return "информационный, без баллов".to_owned();
    }
    let target = target_text(&indicator.rule);
    let banded = indicator
        .rule
        .share_target()
        .is_some_and(|t| !t.bands.is_empty());
    match indicator.points {
        0 => format!("{target}, без баллов"),
        // The bands name their points.
        _ if banded => target,
        n => format!("{target} — {}", points(n.into())),
    }
}

/// The indicators whose target or points differ from `previous` (the
/// version before) while their rule text, the department's own words, is
/// still that version's: the text may name a threshold the card no longer
/// scores. Worked out from the two versions, so it holds after the draft
/// is closed and opened again.
pub fn stale_rule_texts(previous: &Card, card: &Card) -> Vec<String> {
    card.indicators()
        .filter(|i| {
            previous.by_key(i.key()).is_some_and(|old| {
                let now = suggested_rule_text(i);
                suggested_rule_text(old) != now
                    && i.rule_text == old.rule_text
                    && i.rule_text != now
            })
        })
        .map(|i| i.code.clone())
        .collect()
}

/// The indicators whose target or points differ from `previous` while
/// their recommendation, the advice every letter and school plan quotes,
/// is still that version's and names a number only the old rule had
/// («с охватом не менее 50 %» after the threshold went to 60 %). Advice
/// that names no such number is not asked about: most does not.
pub fn stale_recommendations(previous: &Card, card: &Card) -> Vec<String> {
    card.indicators()
        .filter(|i| {
            previous.by_key(i.key()).is_some_and(|old| {
                i.recommendation == old.recommendation
                    && names_a_number_gone(
                        &i.recommendation,
                        &target_text(&old.rule),
                        &target_text(&i.rule),
                    )
            })
        })
        .map(|i| i.code.clone())
        .collect()
}

/// Whether `advice` names a number that the target `was` had and the
/// target `now` has not ([`target_text`]). The targets only, not the
/// points: «1» of «— 1 балл» gone matched «1–4 классов» (a review).
fn names_a_number_gone(advice: &str, was: &str, now: &str) -> bool {
    fn numbers(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .collect()
    }
    let now = numbers(now);
    let gone: Vec<&str> = numbers(was)
        .into_iter()
        .filter(|n| !now.contains(n))
        .collect();
    numbers(advice).iter().any(|n| gone.contains(n))
}

/// For each indicator (by key), its rule as one of its texts was last
/// written, typed or followed for: the rule's suggested text for the
/// rule's own text, its target for the recommendation.
pub type RuleTextsWrittenFor = BTreeMap<String, String>;

/// What an indicator's own words were written for: its rule's text and its
/// recommendation, each against the rule it had then. Kept with a draft,
/// so that a target changed is asked about also in a card started from
/// another one, which has no version before to compare with: a walk-through
/// published «с охватом не менее 30 %» in the advice beside a threshold of
/// 40, and every letter quoted it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenFor {
    #[serde(
        default,
        rename = "written_for",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub rule_texts: RuleTextsWrittenFor,
    #[serde(
        default,
        rename = "recommendations_written_for",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub recommendations: RuleTextsWrittenFor,
}

impl WrittenFor {
    /// Notes, after an edit from `before` to `card`, the rule each changed
    /// or new text was written for; with no `before` (the card as opened),
    /// those not noted yet, the others kept from when they were written.
    pub fn note(&mut self, before: Option<&Card>, card: &Card) {
        note(
            &mut self.rule_texts,
            (before, card),
            |i| &i.rule_text,
            suggested_rule_text,
        );
        note(
            &mut self.recommendations,
            (before, card),
            |i| &i.recommendation,
            |i| target_text(&i.rule),
        );
    }

    /// The indicators whose rule's text is the department's own words and
    /// whose target or points changed since those words were written: to
    /// be checked by hand. A number put back takes the indicator off the
    /// list.
    pub fn rule_texts_to_check(&self, card: &Card) -> Vec<String> {
        card.indicators()
            .filter(|i| {
                let now = suggested_rule_text(i);
                i.rule_text != now && self.rule_texts.get(i.key()).is_some_and(|was| *was != now)
            })
            .map(|i| i.code.clone())
            .collect()
    }

    /// The indicators whose recommendation names a number of the rule it
    /// was written for that the rule no longer has ([`stale_recommendations`]
    /// against the version before).
    pub fn recommendations_to_check(&self, card: &Card) -> Vec<String> {
        card.indicators()
            .filter(|i| {
                (self.recommendations.get(i.key())).is_some_and(|was| {
                    names_a_number_gone(&i.recommendation, was, &target_text(&i.rule))
                })
            })
            .map(|i| i.code.clone())
            .collect()
    }
}

/// Notes `rule` of each indicator whose `text` changed from `before` to
/// `card`, or is not noted yet.
fn note(
    written_for: &mut RuleTextsWrittenFor,
    (before, card): (Option<&Card>, &Card),
    text: fn(&Indicator) -> &String,
    rule: fn(&Indicator) -> String,
) {
    for indicator in card.indicators() {
        let changed = before.map(|b| {
            b.by_key(indicator.key())
                .is_none_or(|old| text(old) != text(indicator))
        });
        if changed == Some(true) || !written_for.contains_key(indicator.key()) {
            written_for.insert(indicator.key().to_owned(), rule(indicator));
        }
    }
}

/// After an edit from `before` to `card`: a rule's text that was the
/// suggested one follows its rule, so that a threshold or points changed
/// are not published beside the old words. A text of the department's
/// own stays, for [`rule_texts_to_check`] and [`stale_rule_texts`].
pub fn follow_rule_texts(before: &Card, card: &mut Card) {
    for indicator in card.indicators_mut() {
        let Some(old) = before.by_key(indicator.key()) else {
            continue;
        };
        let (was, now) = (suggested_rule_text(old), suggested_rule_text(indicator));
        if was != now && indicator.rule_text == old.rule_text && old.rule_text == was {
            indicator.rule_text = now;
        }
    }
}

fn new_criterion(code: String) -> Criterion {
    Criterion {
        code,
        title: NEW_CRITERION.into(),
        max_points: 0,
        indicators: Vec::new(),
    }
}

/// A code not yet used in the card: «prefix.N» for the smallest free N.
fn free_code(card: &Card, prefix: &str) -> String {
    let used = |code: &str| {
        card.criteria().any(|c| c.code == code) || card.indicators().any(|i| i.code == code)
    };
    (1..)
        .map(|n| {
            if prefix.is_empty() {
                n.to_string()
            } else {
                format!("{prefix}.{n}")
            }
        })
        .find(|code| !used(code))
        .expect("some number is free")
}

/// A new card's title, until the department writes its own.
pub const NEW_TITLE: &str = "Карта мониторинга профориентационной работы";

/// A new card's source: its gaps are asked for before publishing.
pub const NEW_SOURCE: &str = "Приказ управления образования от … № …";

/// A card to start from nothing: one group, one criterion, one indicator.
pub fn blank(id: &str, indicator_id: String) -> Card {
    let mut card = Card {
        id: id.to_owned(),
        version: 1,
        title: NEW_TITLE.into(),
        source: NEW_SOURCE.into(),
        note: String::new(),
        template: false,
        max_points: 0,
        levels: None,
        profile: Vec::new(),
        directions: vec![Direction {
            title: new_direction(1),
            criteria: vec![new_criterion("1".into())],
        }],
    };
    add_indicator(&mut card, 0, 0, indicator_id);
    card
}

pub fn add_direction(card: &mut Card) {
    let code = free_code(card, "");
    card.directions.push(Direction {
        title: new_direction(card.directions.len() + 1),
        criteria: vec![new_criterion(code)],
    });
}

pub fn add_criterion(card: &mut Card, direction: usize) {
    let code = free_code(card, "");
    if let Some(d) = card.directions.get_mut(direction) {
        d.criteria.push(new_criterion(code));
    }
}

/// Adds an indicator at the end of a criterion, numbered after it.
pub fn add_indicator(card: &mut Card, direction: usize, criterion: usize, id: String) {
    let Some(prefix) = card
        .directions
        .get(direction)
        .and_then(|d| d.criteria.get(criterion))
        .map(|c| c.code.clone())
    else {
        return;
    };
    let code = free_code(card, &prefix);
    card.directions[direction].criteria[criterion]
        .indicators
        .push(new_indicator(code, id));
    card.recount();
}

/// Removes a group, a criterion or an indicator (`None` below the level
/// meant): `(d, None, None)` a group, `(d, Some(c), None)` a criterion.
/// Says what went, for the editor's notice: a click on a group's button
/// takes every indicator in it, and only the notice and undo bring them back.
pub fn remove(
    card: &mut Card,
    direction: usize,
    criterion: Option<usize>,
    indicator: Option<usize>,
) -> Option<Removed> {
    let d = card.directions.get_mut(direction)?;
    let removed = match (criterion, indicator) {
        (None, _) => {
            let d = card.directions.remove(direction);
            let codes = d.criteria.iter().flat_map(|k| &k.indicators);
            Removed::Direction {
                title: d.title.clone(),
                indicators: codes.map(|i| i.code.clone()).collect(),
            }
        }
        (Some(c), None) if c < d.criteria.len() => {
            let k = d.criteria.remove(c);
            Removed::Criterion {
                code: k.code,
                indicators: k.indicators.into_iter().map(|i| i.code).collect(),
            }
        }
        (Some(c), Some(i)) => {
            let k = d.criteria.get_mut(c).filter(|k| i < k.indicators.len())?;
            Removed::Indicator(k.indicators.remove(i).code)
        }
        _ => return None,
    };
    card.recount();
    Some(removed)
}

/// What [`remove`] took out of the card, by the codes the editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    Direction {
        title: String,
        indicators: Vec<String>,
    },
    Criterion {
        code: String,
        indicators: Vec<String>,
    },
    Indicator(String),
}

impl std::fmt::Display for Removed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let with = |codes: &[String]| match codes {
            [] => String::new(),
            [one] => format!(" вместе с показателем {one}"),
            many => format!(" вместе с показателями {}", many.join(", ")),
        };
        match self {
            Removed::Direction { title, indicators } => {
                let title = match title.trim() {
                    "" => String::new(),
                    t => format!(" {}", quoted(t)),
                };
                write!(f, "Направление{title} удалено{}.", with(indicators))?
            }
            Removed::Criterion { code, indicators } => {
                write!(f, "Критерий {code} удалён{}.", with(indicators))?
            }
            Removed::Indicator(code) => write!(f, "Показатель {code} удалён.")?,
        }
        f.write_str(" Чтобы восстановить, нажмите «Отменить» вверху или Ctrl+Z.")
    }
}

/// Swaps an item with its neighbour above (`up`) or below, within its
/// parent; the keyboard's way of reordering.
pub fn shift(
    card: &mut Card,
    direction: usize,
    criterion: Option<usize>,
    indicator: Option<usize>,
    up: bool,
) {
    use crate::list::swap_neighbour as swap;
    match (criterion, indicator) {
        (None, _) => swap(&mut card.directions, direction, up),
        (Some(c), None) => {
            if let Some(d) = card.directions.get_mut(direction) {
                swap(&mut d.criteria, c, up);
            }
        }
        (Some(c), Some(i)) => {
            if let Some(k) = card
                .directions
                .get_mut(direction)
                .and_then(|d| d.criteria.get_mut(c))
            {
                swap(&mut k.indicators, i, up);
            }
        }
    }
}

/// Moves an indicator to the end of another criterion (by its code), and
/// returns where it is now, for the focus to follow it.
pub fn move_to(card: &mut Card, from: Place, criterion_code: &str) -> Option<Place> {
    let target = card.directions.iter().enumerate().find_map(|(d, dir)| {
        dir.criteria
            .iter()
            .position(|c| c.code == criterion_code)
            .map(|c| (d, c))
    });
    let (d, c) = target?;
    let source = card
        .directions
        .get_mut(from.direction)
        .and_then(|dir| dir.criteria.get_mut(from.criterion))
        .filter(|k| from.indicator < k.indicators.len())?;
    let indicator = source.indicators.remove(from.indicator);
    let to = &mut card.directions[d].criteria[c].indicators;
    to.push(indicator);
    let place = Place {
        direction: d,
        criterion: c,
        indicator: to.len() - 1,
    };
    card.recount();
    Some(place)
}

/// Gives the indicator at `place` a rule of another kind. It then measures
/// something else, so it gets the new id `id`. Returns whether it changed.
pub fn change_kind(card: &mut Card, place: Place, kind: &str, id: String) -> bool {
    let Some(indicator) = card
        .directions
        .get_mut(place.direction)
        .and_then(|d| d.criteria.get_mut(place.criterion))
        .and_then(|c| c.indicators.get_mut(place.indicator))
    else {
        return false;
    };
    if indicator.rule.kind() == kind {
        return false;
    }
    let suggested = indicator.rule_text == suggested_rule_text(indicator);
    indicator.rule = default_rule(kind);
    // The points the department gave stay, where the new kind has a target.
    indicator.points = match points_for(&indicator.rule) {
        0 => 0,
        _ => indicator.points.max(1),
    };
    indicator.id = id;
    if suggested {
        indicator.rule_text = suggested_rule_text(indicator);
    }
    card.recount();
    true
}

/// A list's target as the editor's box holds it: «participants: не менее
/// 10», «participants: 10», or the column's heading instead of its key
/// («Участники: не менее 10»); `None` when the box is empty (no target).
pub fn read_list_min(text: &str, columns: &[ListColumn]) -> Result<Option<ListMin>, ListMinError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (column, value) = text.split_once(':').ok_or(ListMinError)?;
    let column = column.trim();
    let value = value.trim();
    let value = ["не менее", "не меньше", "≥", ">="]
        .iter()
        .find_map(|w| value.strip_prefix(w))
        .unwrap_or(value)
        .trim();
    let value = value.parse().map_err(|_| ListMinError)?;
    let by_label = columns
        .iter()
        .find(|c| c.label.trim().to_lowercase() == column.to_lowercase());
    Ok(Some(ListMin {
        column: by_label.map_or(column, |c| c.key.as_str()).to_owned(),
        value,
    }))
}

/// An indicator's steps of points as the editor's box holds them, one per
/// line, «от 30 % — 1»: the two whole numbers of each line, words and
/// signs around them as typed. A line that does not read (no two numbers,
/// a fraction, a minus before a number) is refused by its number, never
/// dropped; empty lines are skipped.
pub fn read_bands(text: &str) -> Result<Vec<Band>, BandLineError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(at, line)| {
            let refused = BandLineError { line: at + 1 };
            let chars: Vec<char> = line.chars().collect();
            let signed = chars
                .windows(2)
                .any(|w| matches!(w[0], '-' | '−') && w[1].is_ascii_digit());
            let fraction = chars.windows(3).any(|w| {
                w[0].is_ascii_digit() && matches!(w[1], ',' | '.') && w[2].is_ascii_digit()
            });
            let numbers: Vec<u32> = line
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| refused)?;
            match numbers[..] {
                [from_percent, points] if !signed && !fraction => Ok(Band {
                    from_percent,
                    points,
                }),
                _ => Err(refused),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
