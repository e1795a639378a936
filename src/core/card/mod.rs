//! The expert card as data: directions, criteria, indicators and their rules.
//!
//! Municipalities define their own indicator sets, so nothing in the UI knows
//! the 23 indicators of the built-in card; it only walks a [`Card`]. A card is
//! parsed from JSON and then checked as a whole, so that a mistake in a
//! template is reported at start-up instead of producing wrong scores.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::TemplateError;
use crate::school::profile::{SchoolLevel, SchoolProfile};

/// The built-in card: seed 003, 23 indicators, 1 point each.
pub const BUILTIN_CARD_JSON: &str = include_str!("cards/expert-card-23.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// The regulation the card comes from, as the department cites it.
    pub source: String,
    pub max_points: u32,
    pub levels: LevelRule,
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
    pub code: String,
    /// The seed's full wording; shown as is.
    pub text: String,
    /// The seed's own statement of the rule, e.g. «не менее 30% - 1 балл».
    pub rule_text: String,
    pub rule: Rule,
    pub points: u32,
    /// Where the evidence comes from, in the seed's words.
    pub evidence: String,
    #[serde(default)]
    pub applies: Applicability,
    /// What the department advises a school that missed this indicator; the
    /// letters fall back to a generic sentence when a card has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
}

/// How an indicator turns answers into points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Numerator / denominator of people; the points when the share is not
    /// less than `threshold_percent`.
    Share {
        threshold_percent: u32,
        numerator: String,
        denominator: String,
        zero_denominator: ZeroDenominator,
    },
    /// Presence of something.
    Fact { question: String },
    /// A number not less than `min`.
    Count { min: u64, label: String },
}

/// What a denominator of zero means for a share indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator {
    /// The group does not exist in this school: the indicator leaves the maximum.
    NotApplicable,
    /// The group should exist; nobody in it means the point is not earned.
    ZeroPoints,
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
}

impl Applicability {
    pub fn applies_to(&self, profile: &SchoolProfile) -> bool {
        let level_ok = self.levels.is_empty() || self.levels.iter().any(|l| profile.has(*l));
        level_ok && (!self.ovz || profile.ovz)
    }
}

/// Level bands as a share of the applicable maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    pub high_from_percent: u32,
    pub medium_from_percent: u32,
}

/// The effectiveness level of Приложение 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Self::High => "высокая",
            Self::Medium => "средняя",
            Self::Low => "низкая",
        }
    }

    /// A stable name for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

impl LevelRule {
    /// Exact integer comparison: `total / max >= p%` as `total * 100 >= p * max`.
    pub fn level(&self, total: u32, max: u32) -> Option<Level> {
        if max == 0 {
            return None;
        }
        let reached = |percent: u32| u64::from(total) * 100 >= u64::from(percent) * u64::from(max);
        Some(if reached(self.high_from_percent) {
            Level::High
        } else if reached(self.medium_from_percent) {
            Level::Medium
        } else {
            Level::Low
        })
    }

    /// The lowest totals that reach high and medium for this maximum: (19, 14) for 23.
    pub fn thresholds(&self, max: u32) -> (u32, u32) {
        let from = |percent: u32| (percent * max).div_ceil(100);
        (from(self.high_from_percent), from(self.medium_from_percent))
    }
}

impl Card {
    /// Parses and checks a template. Nothing half-valid gets out.
    pub fn from_json(text: &str) -> Result<Self, TemplateError> {
        let card: Card = serde_json::from_str(text).map_err(|e| TemplateError::Format {
            detail: e.to_string(),
        })?;
        card.validate()?;
        Ok(card)
    }

    pub fn builtin() -> Result<Self, TemplateError> {
        Self::from_json(BUILTIN_CARD_JSON)
    }

    pub fn criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.directions.iter().flat_map(|d| &d.criteria)
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria().flat_map(|c| &c.indicators)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.code == code)
    }

    fn validate(&self) -> Result<(), TemplateError> {
        non_empty(&self.id, "идентификатор карты")?;
        non_empty(&self.title, "название карты")?;
        non_empty(&self.source, "источник карты")?;
        let LevelRule {
            high_from_percent: high,
            medium_from_percent: medium,
        } = self.levels;
        if !(0 < medium && medium < high && high <= 100) {
            return Err(TemplateError::LevelBands { high, medium });
        }
        let mut codes = BTreeSet::new();
        let mut unique = |code: &str, what: &str| {
            non_empty(code, what)?;
            if codes.insert(code.to_owned()) {
                Ok(())
            } else {
                Err(TemplateError::DuplicateCode {
                    code: code.to_owned(),
                })
            }
        };
        for direction in &self.directions {
            non_empty(&direction.title, "название направления")?;
            for criterion in &direction.criteria {
                unique(&criterion.code, "код критерия")?;
                non_empty(
                    &criterion.title,
                    &format!("название критерия {}", criterion.code),
                )?;
                for indicator in &criterion.indicators {
                    unique(&indicator.code, "код показателя")?;
                    validate_indicator(indicator)?;
                }
                let sum = criterion.indicators.iter().map(|i| i.points).sum();
                if sum != criterion.max_points {
                    return Err(TemplateError::CriterionMax {
                        criterion: criterion.code.clone(),
                        declared: criterion.max_points,
                        sum,
                    });
                }
            }
        }
        if self.indicators().next().is_none() {
            return Err(TemplateError::NoIndicators);
        }
        let sum = self.indicators().map(|i| i.points).sum();
        if sum != self.max_points {
            return Err(TemplateError::CardMax {
                declared: self.max_points,
                sum,
            });
        }
        Ok(())
    }
}

fn validate_indicator(indicator: &Indicator) -> Result<(), TemplateError> {
    let code = &indicator.code;
    let place = |what: &str| format!("{what} показателя {code}");
    non_empty(&indicator.text, &place("формулировка"))?;
    non_empty(&indicator.rule_text, &place("правило начисления"))?;
    non_empty(&indicator.evidence, &place("источник информации"))?;
    if indicator.points == 0 {
        return Err(TemplateError::ZeroPoints {
            indicator: code.clone(),
        });
    }
    match &indicator.rule {
        Rule::Share {
            threshold_percent,
            numerator,
            denominator,
            ..
        } => {
            if *threshold_percent > 100 {
                return Err(TemplateError::Threshold {
                    indicator: code.clone(),
                    threshold: *threshold_percent,
                });
            }
            non_empty(numerator, &place("подпись числителя"))?;
            non_empty(denominator, &place("подпись знаменателя"))
        }
        Rule::Fact { question } => non_empty(question, &place("вопрос")),
        Rule::Count { label, .. } => non_empty(label, &place("подпись количества")),
    }
}

fn non_empty(text: &str, place: &str) -> Result<(), TemplateError> {
    if text.trim().is_empty() {
        Err(TemplateError::EmptyText {
            place: place.to_owned(),
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Card {
        Card::builtin().expect("the built-in card is valid")
    }

    /// Edits the built-in card's JSON and returns the validation verdict.
    fn verdict_after(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Card, TemplateError> {
        let mut value: serde_json::Value = serde_json::from_str(BUILTIN_CARD_JSON).unwrap();
        edit(&mut value);
        Card::from_json(&value.to_string())
    }

    #[test]
    fn builtin_card_has_the_seed_structure() {
        let card = builtin();
        assert_eq!(card.max_points, 23);
        assert_eq!(card.directions.len(), 3);
        let per_criterion: Vec<_> = card.criteria().map(|c| c.indicators.len()).collect();
        assert_eq!(per_criterion, [8, 2, 3, 4, 3, 2, 1]);
        assert!(card.indicators().all(|i| i.points == 1));
        assert_eq!(card.indicators().count(), 23);
    }

    #[test]
    fn builtin_bands_are_the_seeds_19_and_14() {
        let card = builtin();
        assert_eq!(card.levels.thresholds(23), (19, 14));
        let level = |t| card.levels.level(t, 23);
        assert_eq!(level(23), Some(Level::High));
        assert_eq!(level(19), Some(Level::High));
        assert_eq!(level(18), Some(Level::Medium));
        assert_eq!(level(14), Some(Level::Medium));
        assert_eq!(level(13), Some(Level::Low));
        assert_eq!(level(0), Some(Level::Low));
        assert_eq!(card.levels.level(0, 0), None);
    }

    #[test]
    fn bands_use_the_applicable_maximum() {
        let rule = builtin().levels;
        // 20 applicable points: 80% is exactly 16, 60% exactly 12.
        assert_eq!(rule.level(16, 20), Some(Level::High));
        assert_eq!(rule.level(15, 20), Some(Level::Medium));
        assert_eq!(rule.level(12, 20), Some(Level::Medium));
        assert_eq!(rule.level(11, 20), Some(Level::Low));
    }

    #[test]
    fn rejects_text_that_is_not_a_card() {
        assert!(matches!(
            Card::from_json("{"),
            Err(TemplateError::Format { .. })
        ));
        assert!(matches!(
            Card::from_json("{\"id\": 5}"),
            Err(TemplateError::Format { .. })
        ));
    }

    #[test]
    fn rejects_duplicate_codes() {
        let err = verdict_after(|v| {
            v["directions"][0]["criteria"][0]["indicators"][1]["code"] = "1.1".into();
        });
        assert_eq!(
            err,
            Err(TemplateError::DuplicateCode { code: "1.1".into() })
        );
    }

    #[test]
    fn rejects_a_criterion_maximum_that_is_not_the_sum() {
        let err = verdict_after(|v| v["directions"][0]["criteria"][0]["max_points"] = 9.into());
        assert_eq!(
            err,
            Err(TemplateError::CriterionMax {
                criterion: "1".into(),
                declared: 9,
                sum: 8
            })
        );
    }

    #[test]
    fn rejects_a_card_maximum_that_is_not_the_sum() {
        let err = verdict_after(|v| v["max_points"] = 24.into());
        assert_eq!(
            err,
            Err(TemplateError::CardMax {
                declared: 24,
                sum: 23
            })
        );
    }

    #[test]
    fn rejects_thresholds_above_100() {
        let err = verdict_after(|v| {
            v["directions"][0]["criteria"][0]["indicators"][0]["rule"]["threshold_percent"] =
                101.into();
        });
        assert_eq!(
            err,
            Err(TemplateError::Threshold {
                indicator: "1.1".into(),
                threshold: 101
            })
        );
    }

    #[test]
    fn rejects_empty_texts() {
        let err = verdict_after(|v| {
            v["directions"][1]["criteria"][0]["indicators"][0]["text"] = "  ".into();
        });
        assert_eq!(
            err,
            Err(TemplateError::EmptyText {
                place: "формулировка показателя 3.1".into()
            })
        );
    }

    #[test]
    fn rejects_inverted_level_bands() {
        let err = verdict_after(|v| v["levels"]["medium_from_percent"] = 90.into());
        assert_eq!(
            err,
            Err(TemplateError::LevelBands {
                high: 80,
                medium: 90
            })
        );
    }

    #[test]
    fn rejects_a_card_without_indicators() {
        let err = verdict_after(|v| {
            v["directions"] = serde_json::json!([]);
            v["max_points"] = 0.into();
        });
        assert_eq!(err, Err(TemplateError::NoIndicators));
    }

    #[test]
    fn errors_read_in_russian() {
        let text = TemplateError::CriterionMax {
            criterion: "4".into(),
            declared: 5,
            sum: 4,
        }
        .to_string();
        assert_eq!(
            text,
            "Критерий 4: заявленный максимум 5, а сумма баллов его показателей 4."
        );
    }
}
