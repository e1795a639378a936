//! The expert card as data: directions, criteria, indicators and their rules.
//!
//! Municipalities define their own indicator sets, so nothing in the UI knows
//! any card's indicators; it only walks a [`Card`]. A card is parsed from
//! JSON and then checked as a whole ([`validate`]), so that a mistake in a
//! card is reported at start-up instead of producing wrong scores.
//!
//! The format grew for the other seeds (breakdowns, lists, percentages,
//! dynamics, banded points, profile flags, explanations) without changing a
//! card of the first format: every new field is optional and left out of the
//! JSON when unused, so such a card keeps its bytes and its hash.

mod builtin;
pub mod edit;
mod level;
mod rule;
pub mod validate;
pub mod versions;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::TemplateError;
use crate::school::profile::{SchoolLevel, SchoolProfile};

pub use builtin::{builtin, builtins, BUILTIN_CARD_JSON, DEFAULT_CARD};
pub use level::{Level, LevelRule};
pub use rule::{Band, ListColumn, ListMin, Rule, ShareTarget, ZeroDenominator};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// The regulation the card comes from, as the department cites it.
    pub source: String,
    /// What the card says plainly about itself (e.g. that its seed defines
    /// only one indicator); shown above the card.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Only a starting skeleton for a department's own card, never filled in.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub template: bool,
    pub max_points: u32,
    /// Without bands the percentage is shown and no level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<LevelRule>,
    /// The yes/no questions of the school's profile; empty means the first
    /// format's four: НОО, ООО, СОО and ОВЗ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<ProfileFlag>,
    pub directions: Vec<Direction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    pub title: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub code: String,
    pub title: String,
    pub max_points: u32,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's permanent identity across versions of its card; the
    /// display `code` may change. Cards of the first format have none and
    /// are known by their codes (see [`Indicator::key`]), which keeps their
    /// bytes and hash.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub code: String,
    /// The seed's full wording; shown as is.
    pub text: String,
    /// The seed's own statement of the rule, e.g. «не менее 30% - 1 балл».
    pub rule_text: String,
    pub rule: Rule,
    /// Earned when the target is met (the top band's for banded points);
    /// 0 for an informational indicator.
    pub points: u32,
    /// Where the evidence comes from, in the seed's words.
    pub evidence: String,
    #[serde(default)]
    pub applies: Applicability,
    /// What the department advises a school that missed this indicator; the
    /// letters fall back to a generic sentence when a card has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    #[serde(default, skip_serializing_if = "Explanation::is_empty")]
    pub explain: Explanation,
}

/// How an indicator is calculated, shown on its row and printed: seed 001's
/// formula with named variables, where a denominator comes from, counting
/// notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub formula: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<Variable>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub denominator_source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    pub name: String,
    pub meaning: String,
}

/// How a measure's targeted indicator is judged a year later
/// ([`Card::measure_targets`]): what the schools' answers pool into, for
/// the schools a measure addressed and for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The schools meeting it: an indicator with points.
    Met,
    /// The pupils' share, Σ/Σ: a share without points (seed 001's П-1.1).
    Pupils,
    /// The schools answering «да»: a question without points
    /// (Nevinnomyssk's programmes, fairs and rewards).
    Yes,
    /// The mean of the schools' typed percentages (Nevinnomyssk's surveys
    /// of satisfaction).
    Mean,
}

impl Basis {
    /// In the order the analysis' method explains them.
    pub const ALL: [Basis; 4] = [Self::Met, Self::Pupils, Self::Yes, Self::Mean];

    /// Each of `used` once, in [`Basis::ALL`]'s order.
    pub fn each_once(used: impl IntoIterator<Item = Basis>) -> Vec<Basis> {
        let used: Vec<Basis> = used.into_iter().collect();
        (Self::ALL.into_iter())
            .filter(|b| used.contains(b))
            .collect()
    }

    /// Judged by values pooled over the schools, not by schools meeting it.
    pub fn pooled(self) -> bool {
        self != Self::Met
    }
}

impl Indicator {
    /// How a measure targeting it is judged; `None` where nothing can be
    /// compared in points of a percentage: a count (agreements, trials) or
    /// a list of events, whose changes are in their own units.
    pub fn basis(&self) -> Option<Basis> {
        match self.points {
            0 => self.pooled_basis(),
            _ => Some(Basis::Met),
        }
    }

    /// How its value pools over the schools, points or none: what a
    /// measure is judged by where who met it cannot be.
    pub fn pooled_basis(&self) -> Option<Basis> {
        match self.rule {
            Rule::Share { .. } | Rule::Breakdown { .. } => Some(Basis::Pupils),
            Rule::Fact { .. } => Some(Basis::Yes),
            Rule::Percent { .. } => Some(Basis::Mean),
            _ => None,
        }
    }

    /// «1.2. Количество …»: the indicator named whole, as a caption.
    pub fn numbered(&self) -> String {
        format!("{}. {}", self.code, self.text.trim())
    }

    /// What identifies the indicator from one version of its card to the
    /// next: its id, or its code when it has none.
    pub fn key(&self) -> &str {
        if self.id.is_empty() {
            &self.code
        } else {
            &self.id
        }
    }
}

impl Explanation {
    pub fn is_empty(&self) -> bool {
        self.formula.is_empty()
            && self.variables.is_empty()
            && self.denominator_source.is_empty()
            && self.notes.is_empty()
    }
}

/// One yes/no question of the school's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFlag {
    /// `noo`, `ooo`, `soo` and `ovz` are the levels of education and the
    /// ОВЗ question every card knows; any other key is the card's own.
    pub key: String,
    pub label: String,
}

/// The profile keys every card knows, with their usual labels.
pub const OVZ_FLAG: &str = "ovz";

impl ProfileFlag {
    /// The first format's questions, asked when a card declares none.
    pub fn standard() -> Vec<ProfileFlag> {
        let mut flags: Vec<ProfileFlag> = SchoolLevel::ALL
            .iter()
            .map(|l| ProfileFlag {
                key: l.key().to_owned(),
                label: l.label().to_owned(),
            })
            .collect();
        flags.push(ProfileFlag {
            key: OVZ_FLAG.to_owned(),
            label: "В ОО обучаются дети с ОВЗ или дети-инвалиды".to_owned(),
        });
        flags
    }

    /// A question of the card's own, not a level of education or ОВЗ.
    pub fn is_own(&self) -> bool {
        SchoolLevel::ALL.iter().all(|l| l.key() != self.key) && self.key != OVZ_FLAG
    }

    /// The school's answer to this question.
    pub fn answer(&self, profile: &SchoolProfile) -> bool {
        match SchoolLevel::ALL.iter().find(|l| l.key() == self.key) {
            Some(level) => profile.has(*level),
            None if self.key == OVZ_FLAG => profile.ovz,
            None => profile.flag(&self.key),
        }
    }

    /// The question as quoted in a sentence, without its closing stop.
    pub fn question(&self) -> &str {
        self.label.trim().trim_end_matches(['.', ':'])
    }

    /// The question with its answer: «Есть ли кадетский класс? — да».
    pub fn answered(&self, yes: bool) -> String {
        let answer = if yes { "да" } else { "нет" };
        format!("{} — {answer}", self.question())
    }

    /// Sets the school's answer to this question.
    pub fn set(&self, profile: &mut SchoolProfile, yes: bool) {
        match SchoolLevel::ALL.iter().find(|l| l.key() == self.key) {
            Some(level) => profile.set_level(*level, yes),
            None if self.key == OVZ_FLAG => profile.ovz = yes,
            None => {
                profile.flags.insert(self.key.clone(), yes);
            }
        }
    }
}

/// Which schools an indicator applies to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicability {
    /// The school must have at least one of these levels; empty means any school.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<SchoolLevel>,
    /// Only for schools that teach students with ОВЗ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ovz: bool,
    /// The card's own profile questions that must be answered "yes"
    /// (e.g. `doo`: the school has a preschool group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

impl Applicability {
    pub fn applies_to(&self, profile: &SchoolProfile) -> bool {
        let level_ok = self.levels.is_empty() || self.levels.iter().any(|l| profile.has(*l));
        level_ok && (!self.ovz || profile.ovz) && self.flags.iter().all(|f| profile.flag(f))
    }
}

impl Card {
    /// Parses and checks a card. Nothing half-valid gets out.
    pub fn from_json(text: &str) -> Result<Self, TemplateError> {
        let card: Card =
            crate::json::from_text(text).map_err(|detail| TemplateError::Format { detail })?;
        validate::validate(&card)?;
        Ok(card)
    }

    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.directions.iter().flat_map(|d| &d.criteria)
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria().flat_map(|c| &c.indicators)
    }

    pub fn indicators_mut(&mut self) -> impl Iterator<Item = &mut Indicator> {
        self.directions
            .iter_mut()
            .flat_map(|d| d.criteria.iter_mut().flat_map(|c| c.indicators.iter_mut()))
    }

    /// The card's name in a list of `cards`: its title, and its identifier
    /// where another card of the list has the same title (a department's
    /// card started from a built-in one keeps its title).
    pub fn title_among<'a>(&self, cards: impl IntoIterator<Item = &'a Card>) -> String {
        let clash = cards
            .into_iter()
            .any(|c| c.id != self.id && c.title.trim() == self.title.trim());
        if clash {
            format!("{} ({})", self.title, self.id)
        } else {
            self.title.clone()
        }
    }

    /// `indicator` of another version of this card as this version has it:
    /// the same identity, filled in the same way. `None` where this
    /// version lacks it or asks for it otherwise, so that answers of one
    /// version are never read as another's.
    pub fn counterpart(&self, indicator: &Indicator) -> Option<&Indicator> {
        self.by_key(indicator.key())
            .filter(|mine| versions::fits(&mine.rule, &indicator.rule))
    }

    /// The code this version gives `card`'s indicator `code`, `card` being
    /// this version or another ([`Card::counterpart`]).
    pub fn code_of<'a>(&'a self, card: &Card, code: &'a str) -> Option<&'a str> {
        if card.version == self.version {
            return Some(code);
        }
        Some(&self.counterpart(card.indicator(code)?)?.code)
    }

    /// The indicator with this identity (see [`Indicator::key`]).
    pub fn by_key(&self, key: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.key() == key)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.code == code)
    }

    /// The questions of the school's profile form.
    pub fn profile_flags(&self) -> Cow<'_, [ProfileFlag]> {
        if self.profile.is_empty() {
            Cow::Owned(ProfileFlag::standard())
        } else {
            Cow::Borrowed(&self.profile)
        }
    }

    /// The school's answers to the card's profile questions, which decide
    /// what applies to it: «НОО (1–4 классы) — да; … Есть ли в школе
    /// кадетский класс? — нет». The reviewer checks a «не применимо» by them.
    pub fn profile_answers(&self, profile: &SchoolProfile) -> String {
        self.profile_flags()
            .iter()
            .map(|f| f.answered(f.answer(profile)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The school's answers that rule `indicator` out, as its profile says
    /// them: «СОО (10–11 классы) — нет», or each of its levels where it
    /// asks for any of them. Empty where the profile lets it apply.
    pub fn ruled_out_by(&self, indicator: &Indicator, profile: &SchoolProfile) -> Vec<String> {
        let applies = &indicator.applies;
        let levels_missing =
            !applies.levels.is_empty() && !applies.levels.iter().any(|l| profile.has(*l));
        let asked = |key: &str| {
            (levels_missing && applies.levels.iter().any(|l| l.key() == key))
                || (key == OVZ_FLAG && applies.ovz)
                || applies.flags.iter().any(|f| f == key)
        };
        (self.profile_flags().iter())
            .filter(|f| asked(&f.key) && !f.answer(profile))
            .map(|f| f.answered(false))
            .collect()
    }

    /// The level of `total` of `max`, when the card has level bands.
    pub fn level(&self, total: u32, max: u32) -> Option<Level> {
        self.levels?.level(total, max)
    }

    /// Points are given at all: otherwise there is no rating, only data.
    pub fn has_points(&self) -> bool {
        self.max_points > 0
    }

    /// Some indicator is a yes/no question: a refused «да» counts as «нет»,
    /// which the notes under the values say only where it can happen.
    pub fn asks_yes_no(&self) -> bool {
        self.indicators()
            .any(|i| matches!(i.rule, Rule::Fact { .. }))
    }

    /// Some indicator is only for some schools (a level, ОВЗ, a question of
    /// the card's own): otherwise the profile's boxes rule nothing out.
    pub fn depends_on_profile(&self) -> bool {
        self.indicators()
            .any(|i| i.applies != Applicability::default())
    }

    /// Sets every criterion's maximum and the card's to the sum of their
    /// indicators' points: an editor derives them, nobody types them.
    pub fn recount(&mut self) {
        let mut total = 0;
        for criterion in self
            .directions
            .iter_mut()
            .flat_map(|d| d.criteria.iter_mut())
        {
            criterion.max_points = criterion.indicators.iter().map(|i| i.points).sum();
            total += criterion.max_points;
        }
        self.max_points = total;
    }

    /// Criteria with points: an all-informational one (seed 002's contests)
    /// has no place among a rating's columns or charts.
    pub fn scored_criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria().filter(|c| c.max_points > 0)
    }

    /// Indicators with points: informational ones are never "missed".
    pub fn scored_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators().filter(|i| i.points > 0)
    }

    /// What a measure can target, to be judged a year later: the
    /// indicators with points, met or not by each school; on a card
    /// without points, those whose values pool ([`Indicator::basis`]):
    /// its shares by the pupils' share (seed 001 calls its measures the
    /// «компонент управленческого цикла»), its questions by the schools
    /// answering «да», its percentages by their mean.
    pub fn measure_targets(&self) -> impl Iterator<Item = &Indicator> {
        let scored = self.has_points();
        self.indicators().filter(move |i| match scored {
            true => i.points > 0,
            false => i.basis().is_some(),
        })
    }

    /// Whether a measure can target anything ([`Card::measure_targets`]):
    /// then the road map has a column of targets and a year later the
    /// analysis judges them.
    pub fn has_measure_targets(&self) -> bool {
        self.measure_targets().next().is_some()
    }
}

#[cfg(test)]
mod tests;
