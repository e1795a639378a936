//! Two versions of a card side by side: what changed between them (for the
//! order approving a new methodology), which indicators stay comparable
//! across the years, and how answers typed under one version carry into the
//! other (a school's draft moving on, last year's files re-scored).
//!
//! Indicators are matched by their permanent identity ([`Indicator::key`]),
//! never by position or display code, so a renumbered indicator is the same
//! indicator and a re-purposed code is not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::card::{Applicability, Card, Criterion, Indicator, LevelRule, Rule, ZeroDenominator};
use crate::school::draft::RawAnswer;
use crate::text::{part_of, points, quoted};

/// The kind of a rule as the department reads it.
pub fn kind_label(rule: &Rule) -> &'static str {
    match rule {
        Rule::Share { .. } => "доля",
        Rule::Breakdown { .. } => "доля по частям",
        Rule::Fact { .. } => "факт (да/нет)",
        Rule::Count { .. } => "число",
        Rule::Percent { .. } => "процент",
        Rule::List { .. } => "список",
    }
}

/// The rule's target in words: «не менее 30 %», «положительная динамика»,
/// «без цели (информационный)».
pub fn target_text(rule: &Rule) -> String {
    let none = "без цели (информационный)".to_owned();
    if let Some(t) = rule.share_target() {
        let mut parts = Vec::new();
        if let Some(p) = t.threshold_percent {
            parts.push(format!("не менее {p}\u{A0}%"));
        }
        if t.dynamics {
            parts.push("положительная динамика".to_owned());
        }
        if !t.bands.is_empty() {
            let bands: Vec<String> = t
                .bands
                .iter()
                .map(|b| format!("от {}\u{A0}% — {}", b.from_percent, points(b.points.into())))
                .collect();
            parts.push(format!("ступени: {}", bands.join(", ")));
        }
        return if parts.is_empty() {
            none
        } else {
            parts.join(" и ")
        };
    }
    match rule {
        Rule::Count { min: Some(m), .. } => format!("не менее {m}"),
        Rule::Percent {
            min_tenths: Some(m),
            ..
        } => format!("не менее {},{}\u{A0}%", m / 10, m % 10),
        Rule::List {
            min: Some(m),
            columns,
            ..
        } => format!("{} не менее {}", m.in_total(columns), m.value),
        Rule::Fact { .. } => "наличие".to_owned(),
        _ => none,
    }
}

/// Which schools the indicator applies to, in words.
pub fn applies_text(applies: &Applicability) -> String {
    let mut parts = Vec::new();
    if !applies.levels.is_empty() {
        let levels: Vec<&str> = applies.levels.iter().map(|l| l.label()).collect();
        parts.push(format!("уровни: {}", levels.join(", ")));
    }
    if applies.ovz {
        parts.push("есть обучающиеся с ОВЗ".to_owned());
    }
    for flag in &applies.flags {
        parts.push(format!("вопрос профиля «{flag}» — да"));
    }
    if parts.is_empty() {
        "все школы".to_owned()
    } else {
        parts.join("; ")
    }
}

/// One difference between two versions, about one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added {
        code: String,
        text: String,
    },
    Removed {
        code: String,
        text: String,
    },
    Renumbered {
        from: String,
        to: String,
    },
    Moved {
        code: String,
        from: String,
        to: String,
    },
    Target {
        code: String,
        from: String,
        to: String,
    },
    Points {
        code: String,
        from: u32,
        to: u32,
    },
    Applicability {
        code: String,
        from: String,
        to: String,
    },
    Kind {
        code: String,
        from: String,
        to: String,
    },
    /// The same kind with other parts or columns.
    Fields {
        code: String,
    },
    Wording {
        code: String,
        from: String,
        to: String,
    },
    /// Who is counted when the group is empty: no point, or not applicable.
    EmptyGroup {
        code: String,
        not_applicable: bool,
    },
    /// Texts beside the rule: its words, the source, the recommendation.
    Texts {
        code: String,
        what: Vec<&'static str>,
    },
}

impl Change {
    /// One line of the printable list of changes.
    pub fn describe(&self) -> String {
        match self {
            Self::Added { code, text } => format!("Добавлен показатель {code}: «{text}»."),
            Self::Removed { code, text } => format!("Исключён показатель {code}: «{text}»."),
            Self::Renumbered { from, to } => format!("Показатель {from} теперь имеет номер {to}."),
            Self::Moved { code, from, to } => {
                format!("Показатель {code} перенесён из критерия {from} в критерий {to}.")
            }
            Self::Target { code, from, to } => {
                format!("Показатель {code}: цель «{from}» заменена на «{to}».")
            }
            Self::Points { code, from, to } => {
                format!("Показатель {code}: баллов было {from}, стало {to}.")
            }
            Self::Applicability { code, from, to } => {
                format!("Показатель {code}: применимость — было «{from}», стало «{to}».")
            }
            Self::Kind { code, from, to } => format!(
                "Показатель {code}: вид «{from}» заменён на «{to}» — теперь это другой показатель."
            ),
            Self::Fields { code } => {
                format!("Показатель {code}: изменились части или столбцы для ввода.")
            }
            Self::Wording { code, from, to } => format!(
                "Показатель {code}: формулировка {} заменена на {}.",
                quoted(from.trim()),
                quoted(to.trim())
            ),
            Self::EmptyGroup {
                code,
                not_applicable,
            } => {
                let (was, now) = ("0 баллов", "не применимо");
                let (was, now) = if *not_applicable {
                    (was, now)
                } else {
                    (now, was)
                };
                format!("Показатель {code}: если в группе никого нет — «{now}» вместо «{was}».")
            }
            Self::Texts { code, what } => {
                format!("Показатель {code}: изменены тексты: {}.", what.join(", "))
            }
        }
    }

    /// The code of the indicator changed (its new one when renumbered).
    pub fn code(&self) -> &str {
        match self {
            Self::Renumbered { to, .. } => to,
            Self::Added { code, .. }
            | Self::Removed { code, .. }
            | Self::Moved { code, .. }
            | Self::Target { code, .. }
            | Self::Points { code, .. }
            | Self::Applicability { code, .. }
            | Self::Kind { code, .. }
            | Self::Fields { code }
            | Self::Wording { code, .. }
            | Self::EmptyGroup { code, .. }
            | Self::Texts { code, .. } => code,
        }
    }

    /// Whether an indicator of both versions is no longer compared with
    /// the years before: said beside the change in «Изменения» (an added or
    /// removed one has nothing to compare).
    pub fn ends_comparison(&self) -> bool {
        self.breaks_comparison() && !matches!(self, Self::Added { .. } | Self::Removed { .. })
    }

    /// What «Изменения» says after a change that [ends the
    /// comparison](Self::ends_comparison): a new target changes who earns
    /// the indicator, not what the schools report, so its municipal value
    /// is still compared (as «Динамика» does); other points change
    /// neither ([`Comparability::met_comparable`]).
    pub fn comparison_note(&self) -> Option<&'static str> {
        match self {
            Self::Target { .. } => Some(
                "Выполнение показателя с прошлыми годами не сравнивается, его значение по \
                 муниципалитету — сравнивается.",
            ),
            Self::Points { .. } => Some(
                "Цель прежняя: выполнение показателя и его значение по муниципалитету с прошлыми \
                 годами сравниваются, баллы школ — по новой версии.",
            ),
            _ if self.ends_comparison() => Some("С прошлыми годами не сравнивается."),
            _ => None,
        }
    }

    /// Whether the change makes last year's and this year's figures of the
    /// indicator incomparable.
    pub fn breaks_comparison(&self) -> bool {
        !matches!(
            self,
            Self::Renumbered { .. }
                | Self::Moved { .. }
                | Self::Wording { .. }
                | Self::Texts { .. }
        )
    }
}

/// Each indicator with the code of its criterion.
fn placed(card: &Card) -> Vec<(&str, &Indicator)> {
    card.criteria()
        .flat_map(|c| c.indicators.iter().map(move |i| (c.code.as_str(), i)))
        .collect()
}

/// The differences of one indicator present in both versions.
fn indicator_changes(
    (old_place, old): (&str, &Indicator),
    (new_place, new): (&str, &Indicator),
) -> Vec<Change> {
    let code = new.code.clone();
    let mut found = Vec::new();
    if old.code != new.code {
        found.push(Change::Renumbered {
            from: old.code.clone(),
            to: new.code.clone(),
        });
    }
    if old_place != new_place {
        found.push(Change::Moved {
            code: code.clone(),
            from: old_place.to_owned(),
            to: new_place.to_owned(),
        });
    }
    if old.rule.kind() != new.rule.kind() {
        found.push(Change::Kind {
            code: code.clone(),
            from: kind_label(&old.rule).to_owned(),
            to: kind_label(&new.rule).to_owned(),
        });
    } else if !fits(&old.rule, &new.rule) {
        found.push(Change::Fields { code: code.clone() });
    } else if target_text(&old.rule) != target_text(&new.rule) {
        found.push(Change::Target {
            code: code.clone(),
            from: target_text(&old.rule),
            to: target_text(&new.rule),
        });
    }
    let empty_group = |r: &Rule| r.share_target().map(|t| t.zero_denominator);
    let same_kind = old.rule.kind() == new.rule.kind();
    if same_kind && empty_group(&old.rule) != empty_group(&new.rule) {
        found.push(Change::EmptyGroup {
            code: code.clone(),
            not_applicable: empty_group(&new.rule) == Some(ZeroDenominator::NotApplicable),
        });
    }
    if old.points != new.points {
        found.push(Change::Points {
            code: code.clone(),
            from: old.points,
            to: new.points,
        });
    }
    if old.applies != new.applies {
        found.push(Change::Applicability {
            code: code.clone(),
            from: applies_text(&old.applies),
            to: applies_text(&new.applies),
        });
    }
    if old.text != new.text {
        found.push(Change::Wording {
            code: code.clone(),
            from: old.text.clone(),
            to: new.text.clone(),
        });
    }
    // What else decides a score, when nothing above says so.
    let listed = !same_kind
        || !fits(&old.rule, &new.rule)
        || target_text(&old.rule) != target_text(&new.rule)
        || empty_group(&old.rule) != empty_group(&new.rule);
    let ((old_rest, old_words), (new_rest, new_words)) =
        (split_words(&old.rule), split_words(&new.rule));
    let counts_alike = old_rest == new_rest;
    if !listed && !counts_alike {
        // What else decides a score (a list column's «из них»).
        found.push(Change::Fields { code: code.clone() });
    }
    // The school's words of the rule, whatever else changed with them
    // (another kind has other words anyway).
    let relabelled = same_kind && old_words != new_words;
    let what: Vec<&'static str> = [
        (old.rule_text != new.rule_text, "правило начисления"),
        (relabelled, FIELD_WORDS),
        (old.evidence != new.evidence, "источник информации"),
        (old.recommendation != new.recommendation, "рекомендация"),
        (old.explain != new.explain, "пояснение подсчёта"),
    ]
    .into_iter()
    .filter_map(|(changed, what)| changed.then_some(what))
    .collect();
    if !what.is_empty() {
        found.push(Change::Texts { code, what });
    }
    found
}

/// What [`Change::Texts`] names for the words of the fields or the question:
/// what the school counts may narrow with them.
const FIELD_WORDS: &str = "подписи полей или вопрос";

/// A rule split into the words shown to the school (labels, parts, the
/// question) and the rest, which decides how answers are read and scored.
pub(crate) fn split_words(rule: &Rule) -> (Rule, Vec<String>) {
    let mut rest = rule.clone();
    let words: Vec<&mut String> = match &mut rest {
        Rule::Share {
            numerator,
            denominator,
            ..
        } => vec![numerator, denominator],
        Rule::Breakdown {
            numerator,
            denominator,
            parts,
            ..
        } => [numerator, denominator]
            .into_iter()
            .chain(parts.iter_mut())
            .collect(),
        Rule::Fact { question } => vec![question],
        Rule::Count { label, .. } | Rule::Percent { label, .. } => vec![label],
        Rule::List { item, columns, .. } => std::iter::once(item)
            .chain(columns.iter_mut().map(|c| &mut c.label))
            .collect(),
    };
    let words = words.into_iter().map(std::mem::take).collect();
    (rest, words)
}

/// Everything that changed from `old` to `new`, indicator by indicator in
/// the new card's order, the removed ones last. The editor gives an
/// indicator of another kind a new id (it is another indicator); one that
/// took the place and code of a removed one is said as a change of kind,
/// not as one indicator added and another removed.
pub fn changes(old: &Card, new: &Card) -> Vec<Change> {
    let before = placed(old);
    let after = placed(new);
    let gone = |o: &Indicator| new.by_key(o.key()).is_none();
    let mut replaced = Vec::new();
    let mut found = Vec::new();
    for &(place, indicator) in &after {
        if let Some(&was) = before.iter().find(|(_, o)| o.key() == indicator.key()) {
            found.extend(indicator_changes(was, (place, indicator)));
        } else if let Some((_, was)) = before.iter().find(|(_, o)| {
            o.code == indicator.code && gone(o) && o.rule.kind() != indicator.rule.kind()
        }) {
            replaced.push(was.key());
            found.push(Change::Kind {
                code: indicator.code.clone(),
                from: kind_label(&was.rule).to_owned(),
                to: kind_label(&indicator.rule).to_owned(),
            });
        } else {
            found.push(Change::Added {
                code: indicator.code.clone(),
                text: indicator.text.clone(),
            });
        }
    }
    // Removals first: «Исключён показатель 1.4» reads before «Показатель
    // 1.5 теперь имеет номер 1.4», which takes its number.
    let removed = (before.iter())
        .filter(|(_, o)| gone(o) && !replaced.contains(&o.key()))
        .map(|(_, o)| Change::Removed {
            code: o.code.clone(),
            text: o.text.clone(),
        });
    removed.chain(found).collect()
}

/// One difference between two versions about the card as a whole or one
/// of its criteria: what the order approving the version must also name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardChange {
    Title {
        from: String,
        to: String,
    },
    /// The regulation the card cites.
    Source,
    /// The card's note to schools.
    Note,
    Maximum {
        from: u32,
        to: u32,
    },
    Levels {
        from: String,
        to: String,
    },
    Profile {
        from: String,
        to: String,
    },
    /// A group of criteria renamed (groups are matched by their place).
    Group {
        from: String,
        to: String,
    },
    CriterionAdded {
        code: String,
        title: String,
    },
    CriterionRemoved {
        code: String,
        title: String,
    },
    CriterionTitle {
        code: String,
        from: String,
        to: String,
    },
    CriterionMaximum {
        code: String,
        from: u32,
        to: u32,
    },
}

impl CardChange {
    /// One line of the printable list of changes.
    pub fn describe(&self) -> String {
        match self {
            Self::Title { from, to } => format!("Название карты: «{from}» заменено на «{to}»."),
            Self::Source => {
                "Изменён источник (приказ, положение), на который ссылается карта.".to_owned()
            }
            Self::Note => "Изменено пояснение для школ.".to_owned(),
            Self::Maximum { from, to } => {
                format!("Максимум баллов карты: было {from}, стало {to}.")
            }
            Self::Levels { from, to } => {
                format!("Границы уровней: было «{from}», стало «{to}».")
            }
            Self::Profile { from, to } => {
                format!("Вопросы профиля школы: было «{from}», стало «{to}».")
            }
            Self::Group { from, to } => {
                format!("Группа показателей «{from}» теперь называется «{to}».")
            }
            Self::CriterionAdded { code, title } => {
                format!("Добавлен критерий {code}: «{title}».")
            }
            Self::CriterionRemoved { code, title } => {
                format!("Исключён критерий {code}: «{title}».")
            }
            Self::CriterionTitle { code, from, to } => {
                format!("Критерий {code}: название «{from}» заменено на «{to}».")
            }
            Self::CriterionMaximum { code, from, to } => {
                format!("Критерий {code}: максимум баллов был {from}, стал {to}.")
            }
        }
    }
}

/// The level bands in words: «высокая — от 80 %, средняя — от 60 %».
pub fn levels_text(levels: Option<&LevelRule>) -> String {
    match levels {
        Some(l) => format!(
            "высокая — от {}\u{A0}%, средняя — от {}\u{A0}%",
            l.high_from_percent, l.medium_from_percent
        ),
        None => "без уровней".to_owned(),
    }
}

fn find<'a>(card: &'a Card, code: &str) -> Option<&'a Criterion> {
    card.criteria().find(|c| c.code == code)
}

fn profile_text(card: &Card) -> String {
    let flags = card.profile_flags();
    let labels: Vec<&str> = flags.iter().map(|f| f.label.as_str()).collect();
    labels.join("; ")
}

/// What changed from `old` to `new` above the indicators: the card's title,
/// maximum, levels and profile questions, then its criteria (matched by
/// code) in the new card's order, the removed ones last.
pub fn card_changes(old: &Card, new: &Card) -> Vec<CardChange> {
    let mut found = Vec::new();
    if old.title != new.title {
        found.push(CardChange::Title {
            from: old.title.clone(),
            to: new.title.clone(),
        });
    }
    if old.source != new.source {
        found.push(CardChange::Source);
    }
    if old.note != new.note {
        found.push(CardChange::Note);
    }
    if old.max_points != new.max_points {
        found.push(CardChange::Maximum {
            from: old.max_points,
            to: new.max_points,
        });
    }
    if old.levels != new.levels {
        found.push(CardChange::Levels {
            from: levels_text(old.levels.as_ref()),
            to: levels_text(new.levels.as_ref()),
        });
    }
    let (was, now) = (profile_text(old), profile_text(new));
    if was != now {
        found.push(CardChange::Profile { from: was, to: now });
    }
    for (was, now) in old.directions.iter().zip(&new.directions) {
        if was.title != now.title {
            found.push(CardChange::Group {
                from: was.title.clone(),
                to: now.title.clone(),
            });
        }
    }
    for criterion in new.criteria() {
        let code = criterion.code.clone();
        let Some(before) = find(old, &code) else {
            found.push(CardChange::CriterionAdded {
                code,
                title: criterion.title.clone(),
            });
            continue;
        };
        if before.title != criterion.title {
            found.push(CardChange::CriterionTitle {
                code: code.clone(),
                from: before.title.clone(),
                to: criterion.title.clone(),
            });
        }
        if before.max_points != criterion.max_points {
            found.push(CardChange::CriterionMaximum {
                code,
                from: before.max_points,
                to: criterion.max_points,
            });
        }
    }
    for criterion in old.criteria() {
        if find(new, &criterion.code).is_none() {
            found.push(CardChange::CriterionRemoved {
                code: criterion.code.clone(),
                title: criterion.title.clone(),
            });
        }
    }
    found
}

/// How an indicator of this year's card relates to last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparability {
    /// Same rule: the two years' figures can be compared. `reworded`:
    /// its wording changed all the same, which may narrow what is counted
    /// (a walk-through's 5.2 «…кроме интернет-конкурсов» read «не
    /// менялась»): said beside the figures, for the reader to judge.
    Same { reworded: bool },
    /// The rule changed: «методика изменилась», what changed listed.
    Changed(Vec<Change>),
    /// Not in last year's card.
    New,
    /// In last year's card, not in this year's: its last value is shown.
    Removed,
}

impl Comparability {
    /// «The same rule», as the tests ask it; the app matches the variants
    /// or asks [`Self::values_comparable`].
    #[cfg(test)]
    pub fn is_comparable(&self) -> bool {
        matches!(self, Self::Same { .. })
    }

    /// In place of a change that cannot be shown: «методика изменилась»,
    /// «новый показатель», or «—» where the rule is the same but last
    /// year has nothing to compare with.
    pub fn short_label(&self) -> &'static str {
        match self {
            Self::Same { .. } => "—",
            Self::Changed(_) => "методика изменилась",
            Self::New => "новый показатель",
            Self::Removed => "исключён из карты",
        }
    }

    /// Whether who met it is judged as before: the same rule, or other
    /// points for the same target (the schools that met it still did).
    pub fn met_comparable(&self) -> bool {
        match self {
            Self::Same { .. } => true,
            Self::Changed(what) => what.iter().all(|c| matches!(c, Change::Points { .. })),
            Self::New | Self::Removed => false,
        }
    }

    /// Whether the municipal value (Σ/Σ, a sum, a mean) is measured as
    /// before: a new target or other points change who earns the
    /// indicator, not what the schools report.
    pub fn values_comparable(&self) -> bool {
        match self {
            Self::Same { .. } => true,
            Self::Changed(what) => {
                (what.iter()).all(|c| matches!(c, Change::Target { .. } | Change::Points { .. }))
            }
            Self::New | Self::Removed => false,
        }
    }

    /// The column «Методика» of the municipal values: «не менялась»,
    /// «изменилась», «новый показатель», or «изменились цель или баллы»
    /// where the value is still compared. «Сопоставимо» beside a change
    /// was read as «about the same».
    pub fn method_label(&self) -> &'static str {
        match self {
            Self::Same { reworded: false } => "не менялась",
            Self::Same { reworded: true } => "не менялась, изменена формулировка",
            Self::Changed(_) if self.values_comparable() => "изменились цель или баллы",
            Self::Changed(_) => "изменилась",
            Self::New => "новый показатель",
            Self::Removed => "исключён из карты",
        }
    }

    /// «сопоставим», «методика изменилась: …», «новый показатель».
    pub fn label(&self) -> String {
        match self {
            Self::Same { reworded: false } => "сопоставим".to_owned(),
            Self::Same { reworded: true } => "сопоставим, изменена формулировка".to_owned(),
            Self::Changed(what) => {
                let what: Vec<String> = what.iter().map(Change::describe).collect();
                format!("методика изменилась: {}", what.join(" "))
            }
            Self::New => "новый показатель".to_owned(),
            Self::Removed => "исключён из карты".to_owned(),
        }
    }
}

/// Whether `indicator` of `new` can be compared with its namesake in `old`.
pub fn comparability(old: &Card, new: &Card, indicator: &Indicator) -> Comparability {
    let (Some(was), Some(place)) = (
        placed(old)
            .into_iter()
            .find(|(_, o)| o.key() == indicator.key()),
        placed(new)
            .into_iter()
            .find(|(_, i)| i.key() == indicator.key()),
    ) else {
        return Comparability::New;
    };
    let all = indicator_changes(was, place);
    // Its own words or the fields' (a numerator «…, кроме
    // интернет-конкурсов» narrows it as much, a review).
    let reworded = all.iter().any(|c| match c {
        Change::Wording { .. } => true,
        Change::Texts { what, .. } => what.contains(&FIELD_WORDS),
        _ => false,
    });
    let breaking: Vec<Change> = all.into_iter().filter(Change::breaks_comparison).collect();
    if breaking.is_empty() {
        Comparability::Same { reworded }
    } else {
        Comparability::Changed(breaking)
    }
}

/// Every change from `old` to `new` in words: the card's (maximum, levels,
/// criteria), then indicator by indicator with what it means for
/// comparing the years. The list of changes and the question before
/// publishing read the same lines.
pub fn change_lines(old: &Card, new: &Card) -> Vec<String> {
    let above = card_changes(old, new);
    let indicators = changes(old, new);
    // Other points beside a change that ends the comparison (a new
    // target, say): that change's note speaks for the indicator, not the
    // points' «сравниваются».
    let ended_otherwise = |code: &str| {
        (indicators.iter())
            .any(|c| c.code() == code && c.ends_comparison() && !matches!(c, Change::Points { .. }))
    };
    (above.iter().map(CardChange::describe))
        .chain(indicators.iter().map(|c| match c.comparison_note() {
            Some(_) if matches!(c, Change::Points { .. }) && ended_otherwise(c.code()) => {
                c.describe()
            }
            Some(note) => format!("{} {note}", c.describe()),
            None => c.describe(),
        }))
        .collect()
}

/// «Сопоставимы с прежней версией 20 из 21 показателя новой версии.»:
/// [`comparable_share`] as the list of changes and the question before
/// publishing say it.
pub fn comparable_line(old: &Card, new: &Card) -> String {
    let (same, total) = comparable_share(old, new);
    format!(
        "Сопоставимы с прежней версией {} новой версии.",
        part_of(same, total, "показателя", "показателей")
    )
}

/// The share of `new`'s indicators comparable with `old`, as «Динамика»
/// compares them ([`Comparability::met_comparable`]): (comparable, all).
pub fn comparable_share(old: &Card, new: &Card) -> (usize, usize) {
    let all: Vec<&Indicator> = new.indicators().collect();
    let same = all
        .iter()
        .filter(|i| comparability(old, new, i).met_comparable())
        .count();
    (same, all.len())
}

/// Whether an answer typed for `old` means the same fields under `new`: the
/// same kind, the same parts, the same columns.
pub fn fits(old: &Rule, new: &Rule) -> bool {
    match (old, new) {
        (Rule::Share { .. }, Rule::Share { .. })
        | (Rule::Fact { .. }, Rule::Fact { .. })
        | (Rule::Count { .. }, Rule::Count { .. })
        | (Rule::Percent { .. }, Rule::Percent { .. }) => true,
        (Rule::Breakdown { parts: a, .. }, Rule::Breakdown { parts: b, .. }) => a.len() == b.len(),
        (Rule::List { columns: a, .. }, Rule::List { columns: b, .. }) => {
            a.iter().map(|c| &c.key).eq(b.iter().map(|c| &c.key))
        }
        _ => false,
    }
}

/// An answer that could not move to the new version, kept with its values
/// so that nothing typed is silently dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCarried {
    /// The indicator's code and wording in the version it was typed for.
    pub code: String,
    pub text: String,
    pub answer: RawAnswer,
    /// Why: removed, or its fields changed.
    pub reason: String,
}

impl NotCarried {
    /// What was typed, in words, without the card it was typed for:
    /// «числитель 5; знаменатель 8».
    pub fn typed(&self) -> String {
        let a = &self.answer;
        let mut parts: Vec<String> = Vec::new();
        for (label, value) in [
            ("числитель", &a.numerator),
            ("знаменатель", &a.denominator),
            ("число", &a.count),
            ("процент", &a.percent),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!("{label} {}", value.trim()));
            }
        }
        if let Some(fact) = a.fact {
            parts.push(if fact { "да" } else { "нет" }.to_owned());
        }
        if !a.parts.is_empty() {
            parts.push(format!("части {}", a.parts.join(", ")));
        }
        if !a.rows.is_empty() {
            parts.push(format!("строк списка {}", a.rows.len()));
        } else if a.no_rows {
            parts.push("список пуст: отмечено «не было»".to_owned());
        }
        if !a.evidence.trim().is_empty() {
            parts.push(format!("ссылки {}", a.evidence.trim().replace('\n', ", ")));
        }
        if parts.is_empty() {
            "ничего".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

/// Answers keyed by the codes of `from`, moved to the codes of `to` where
/// the indicator is still there and its fields fit; the rest is returned
/// beside them.
pub fn carry_answers(
    from: &Card,
    to: &Card,
    answers: &BTreeMap<String, RawAnswer>,
) -> (BTreeMap<String, RawAnswer>, Vec<NotCarried>) {
    let mut carried = BTreeMap::new();
    let mut left = Vec::new();
    for (code, answer) in answers {
        let Some(old) = from.indicator(code) else {
            continue;
        };
        let not_carried = |reason: &str| NotCarried {
            code: code.clone(),
            text: old.text.clone(),
            answer: answer.clone(),
            reason: reason.to_owned(),
        };
        match to.by_key(old.key()) {
            Some(new) if fits(&old.rule, &new.rule) => {
                carried.insert(new.code.clone(), answer.clone());
            }
            Some(new) => left.push(not_carried(&format!(
                "в новой версии показатель {} заполняется иначе ({})",
                new.code,
                kind_label(&new.rule)
            ))),
            // Another kind in its place under a new id (as the editor makes
            // it): not gone, only filled in otherwise.
            None => match to
                .indicator(code)
                .filter(|new| new.rule.kind() != old.rule.kind())
            {
                Some(new) => left.push(not_carried(&format!(
                    "в новой версии показатель {code} другого вида — «{}»: заполните его заново",
                    kind_label(&new.rule)
                ))),
                None => left.push(not_carried("показатель исключён из новой версии")),
            },
        }
    }
    (carried, left)
}

#[cfg(test)]
mod tests;
