//! The effectiveness level (Приложение 1 of seed 003): bands as a share of
//! the applicable maximum, compared exactly.

use serde::{Deserialize, Serialize};

/// Level bands as a share of the applicable maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    pub high_from_percent: u32,
    pub medium_from_percent: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    /// From the highest down, as tables and charts list them.
    pub const ALL: [Level; 3] = [Self::High, Self::Medium, Self::Low];

    pub fn label(self) -> &'static str {
        match self {
            Self::High => "высокая",
            Self::Medium => "средняя",
            Self::Low => "низкая",
        }
    }

    /// «с низкой эффективностью»: schools at the level, as the letters and
    /// the measures name them («ОО с низкой эффективностью»).
    pub fn with_efficiency(self) -> &'static str {
        match self {
            Self::High => "с высокой эффективностью",
            Self::Medium => "со средней эффективностью",
            Self::Low => "с низкой эффективностью",
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
