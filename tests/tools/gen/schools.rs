//! The generated schools: profiles, sizes, and how many points each earns per period.

use std::collections::BTreeSet;

use profkarta_core::card::{Card, Indicator, Level, LevelRule, ZeroDenominator};
use profkarta_core::school::profile::{SchoolLevel, SchoolProfile};

use crate::args::Config;
use crate::rng::{Rng, Stream};
use crate::texts::{identifier, school_name, RESPONSIBLE};
use crate::MUNICIPALITY;

/// A school with everything fixed across its periods: profile, key, size,
/// and the order in which it masters indicators, so a later period earns a
/// superset of an earlier one, as real schools mostly do.
#[derive(Clone)]
pub struct School {
    pub index: usize,
    pub profile: SchoolProfile,
    pub host: String,
    /// Students per grade: the scale of its share denominators.
    pub size: u64,
    /// Share indicators whose group is empty (0 of 0): not applicable.
    pub empty_groups: BTreeSet<String>,
    pub order: Vec<String>,
    /// Points to earn in each period, oldest first.
    pub targets: Vec<u32>,
    /// Types last year's figures one person off its own file of last year,
    /// for the department's last-year check to find (the second school).
    pub misremembers_last_year: bool,
}

/// Level the latest period aims at, cycling so that any three or more
/// schools cover all three levels.
pub const TIERS: [Level; 5] = [
    Level::Medium,
    Level::High,
    Level::Low,
    Level::Medium,
    Level::High,
];

pub struct Generator<'a> {
    pub card: &'a Card,
    pub config: &'a Config,
}

impl Generator<'_> {
    pub fn school(&self, index: usize) -> School {
        let mut rng = Rng::stream(self.config.seed, Stream::School, &[index as u64]);
        let number = index + 1;
        // ООШ (основная школа) has no СОО; every fourth school has no ОВЗ students.
        let levels = if index % 6 == 3 {
            vec![SchoolLevel::Noo, SchoolLevel::Ooo]
        } else {
            SchoolLevel::ALL.to_vec()
        };
        let profile = SchoolProfile {
            name: school_name(index, number),
            municipality: MUNICIPALITY.to_owned(),
            identifier: identifier(self.config.seed, index),
            levels,
            ovz: index % 4 != 2,
            period: String::new(),
            responsible: rng.pick(RESPONSIBLE).to_string(),
            contact: if rng.percent(50) {
                format!("school{number}@example.ru")
            } else {
                format!(
                    "+7 (343) 2{:02}-{:02}-{:02}",
                    rng.below(100),
                    rng.below(100),
                    rng.below(100)
                )
            },
            // The card's own questions: every third school says "yes"
            // (e.g. has a preschool group).
            flags: self
                .card
                .profile_flags()
                .iter()
                .filter(|f| f.is_own())
                .map(|f| (f.key.clone(), index.is_multiple_of(3)))
                .collect(),
        };
        let empty_groups = self
            .card
            .indicators()
            .filter(|i| may_be_empty(i) && i.applies.applies_to(&profile))
            .filter(|_| rng.percent(10))
            .map(|i| i.code.clone())
            .collect();
        let mut order: Vec<String> = self.card.indicators().map(|i| i.code.clone()).collect();
        rng.shuffle(&mut order);
        let mut school = School {
            index,
            host: format!("school{number}.example.ru"),
            size: rng.between(20, 110),
            profile,
            empty_groups,
            order,
            targets: Vec::new(),
            misremembers_last_year: index == 1,
        };
        let tier = TIERS[((self.config.seed % 5) as usize + index % 5) % 5];
        school.targets = self.targets(&school, tier, &mut rng);
        school
    }

    /// The latest period lands inside the tier's band; each earlier one is
    /// 0–2 points lower, so schools mostly improve and some cross a band.
    pub fn targets(&self, school: &School, tier: Level, rng: &mut Rng) -> Vec<u32> {
        let max = self.max_applicable(school);
        // A card without level bands is planned as if it had seed 003's.
        let bands = self.card.levels.unwrap_or(LevelRule {
            high_from_percent: 80,
            medium_from_percent: 60,
        });
        let (high, medium) = bands.thresholds(max);
        let (lo, hi) = match tier {
            Level::High => (high, max),
            Level::Medium => (medium, high.saturating_sub(1)),
            Level::Low => (medium / 2, medium.saturating_sub(1)),
        };
        let mut total = rng.between(u64::from(lo), u64::from(hi)) as u32;
        let mut targets = vec![total];
        for _ in 1..self.config.periods.len() {
            total = total.saturating_sub(*rng.pick(&[0, 1, 1, 2]));
            targets.push(total);
        }
        targets.reverse();
        targets
    }

    pub fn applies(&self, school: &School, indicator: &Indicator) -> bool {
        indicator.applies.applies_to(&school.profile)
            && !school.empty_groups.contains(&indicator.code)
    }

    pub fn max_applicable(&self, school: &School) -> u32 {
        self.card
            .indicators()
            .filter(|i| self.applies(school, i))
            .map(|i| i.points)
            .sum()
    }

    /// Earned indicators: the school's order, as far as `target` points go.
    pub fn earned<'s>(&self, school: &'s School, target: u32) -> BTreeSet<&'s str> {
        let mut sum = 0;
        let mut earned = BTreeSet::new();
        for code in &school.order {
            let indicator = self.card.indicator(code).expect("order holds card codes");
            if self.applies(school, indicator) && sum + indicator.points <= target {
                sum += indicator.points;
                earned.insert(code.as_str());
            }
        }
        earned
    }
}

/// Share indicators whose empty group means "not applicable" (no ОВЗ teachers,
/// no graduates this year) rather than zero points.
pub fn may_be_empty(indicator: &Indicator) -> bool {
    indicator
        .rule
        .share_target()
        .is_some_and(|t| t.zero_denominator == ZeroDenominator::NotApplicable)
}
