//! What an indicator measures and what it takes to earn its points.
//!
//! The kinds are the seeds' own: a share of people (seed 003), a share
//! broken down into named parts with one denominator (seed 002's
//! ТОП-РЕГИОН directions), presence of something, a number, a measured
//! level typed directly (seed 004's satisfaction), and a repeating list of
//! rows (seed 004's events, seed 002's contests). A target is a minimum,
//! positive dynamics against last year, both, or none (informational).
//! Fields added after the first format are left out of the JSON when
//! unused, so a card of the first format keeps its exact bytes and hash.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Numerator / denominator of people.
    Share {
        /// The minimum share, «не менее X%».
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_percent: Option<u32>,
        /// «Положительная динамика»: this year's share above last year's.
        #[serde(default, skip_serializing_if = "is_false")]
        dynamics: bool,
        /// Points by share, instead of one threshold.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        bands: Vec<Band>,
        numerator: String,
        denominator: String,
        zero_denominator: ZeroDenominator,
    },
    /// One denominator, named parts each with its own numerator; the target
    /// applies to the total share (the sum of the parts).
    Breakdown {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        threshold_percent: Option<u32>,
        #[serde(default, skip_serializing_if = "is_false")]
        dynamics: bool,
        /// What the sum of the parts counts.
        numerator: String,
        denominator: String,
        parts: Vec<String>,
        zero_denominator: ZeroDenominator,
    },
    /// Presence of something.
    Fact { question: String },
    /// A number, not less than `min` when there is one.
    Count {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        label: String,
    },
    /// A level measured elsewhere (a survey) and typed directly, 0–100 %
    /// with one decimal, compared in tenths.
    Percent {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_tenths: Option<u32>,
        label: String,
    },
    /// A table of rows, one per event: a text column and numeric columns.
    List {
        /// The text column's heading, «Мероприятие».
        item: String,
        columns: Vec<ListColumn>,
        /// A column's sum that must reach a value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<ListMin>,
    },
}

fn is_false(b: &bool) -> bool {
    !b
}

/// What a denominator of zero means for a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroDenominator {
    /// The group does not exist in this school: the indicator leaves the maximum.
    NotApplicable,
    /// The group should exist; nobody in it means the point is not earned.
    ZeroPoints,
}

/// From this share up, this many points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from_percent: u32,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListColumn {
    /// Stable within the card; rows keep their values under it.
    pub key: String,
    pub label: String,
    /// In every row, this column is not above that one («из них»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListMin {
    pub column: String,
    pub value: u64,
}

impl ListMin {
    /// The label of the column whose sum must reach the value (its key if
    /// the card lacks it: the validator names that).
    pub fn label<'a>(&'a self, columns: &'a [ListColumn]) -> &'a str {
        columns
            .iter()
            .find(|c| c.key == self.column)
            .map_or(self.column.as_str(), |c| c.label.as_str())
    }

    /// «"Участники" всего», or «"Участников, всего"» where the label says
    /// it already: the words before the sum and its target.
    pub fn in_total(&self, columns: &[ListColumn]) -> String {
        let label = self.label(columns);
        if label.to_lowercase().contains("всего") {
            format!("«{label}»")
        } else {
            format!("«{label}» всего")
        }
    }
}

/// The target of a share or a breakdown, read from either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareTarget<'a> {
    pub threshold_percent: Option<u32>,
    pub dynamics: bool,
    pub bands: &'a [Band],
    pub zero_denominator: ZeroDenominator,
}

impl ShareTarget<'_> {
    pub fn is_informational(&self) -> bool {
        self.threshold_percent.is_none() && !self.dynamics && self.bands.is_empty()
    }
}

impl Rule {
    /// The share target, for the kinds that measure a share.
    pub fn share_target(&self) -> Option<ShareTarget<'_>> {
        match self {
            Rule::Share {
                threshold_percent,
                dynamics,
                bands,
                zero_denominator,
                ..
            } => Some(ShareTarget {
                threshold_percent: *threshold_percent,
                dynamics: *dynamics,
                bands,
                zero_denominator: *zero_denominator,
            }),
            Rule::Breakdown {
                threshold_percent,
                dynamics,
                zero_denominator,
                ..
            } => Some(ShareTarget {
                threshold_percent: *threshold_percent,
                dynamics: *dynamics,
                bands: &[],
                zero_denominator: *zero_denominator,
            }),
            _ => None,
        }
    }

    /// Whether the school is asked for last year's numerator and denominator.
    pub fn asks_last_year(&self) -> bool {
        self.share_target().is_some_and(|t| t.dynamics)
    }

    /// Whether the rule says how points are earned. Without a target an
    /// indicator is informational: collected and aggregated, no points. A
    /// fact has no target of its own: its points decide (0 is informational).
    pub fn has_target(&self) -> Option<bool> {
        Some(match self {
            Rule::Share { .. } | Rule::Breakdown { .. } => {
                !self.share_target().is_some_and(|t| t.is_informational())
            }
            Rule::Fact { .. } => return None,
            Rule::Count { min, .. } => min.is_some(),
            Rule::Percent { min_tenths, .. } => min_tenths.is_some(),
            Rule::List { min, .. } => min.is_some(),
        })
    }

    /// The column a list is measured by, where one number stands for it (a
    /// spreadsheet's value, a fall from last year): the one its target
    /// sums, or else its first, which the others are «из них» of. Its rows
    /// read as the value in a spreadsheet, an audit found, while the card
    /// asked for the children the events took in.
    pub fn list_headline(&self) -> Option<usize> {
        let Rule::List { columns, min, .. } = self else {
            return None;
        };
        let target = min
            .as_ref()
            .and_then(|m| columns.iter().position(|c| c.key == m.column));
        target.or((!columns.is_empty()).then_some(0))
    }

    /// A stable name of the kind, for styling and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Share { .. } => "share",
            Rule::Breakdown { .. } => "breakdown",
            Rule::Fact { .. } => "fact",
            Rule::Count { .. } => "count",
            Rule::Percent { .. } => "percent",
            Rule::List { .. } => "list",
        }
    }
}
