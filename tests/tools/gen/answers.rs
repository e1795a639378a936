//! A school's answers for one period: numbers that earn exactly the points
//! planned, on and around the thresholds, with links and comments.

use profkarta_core::card::{Indicator, Rule};
use profkarta_core::school::draft::{Draft, RawAnswer};
use profkarta_core::school::input::MAX_COMMENT_LEN;
use profkarta_core::school::profile::SchoolProfile;
use profkarta_core::signed::keys::to_hex;

use crate::args::Period;
use crate::measures;
use crate::rng::{Rng, Stream};
use crate::schools::{Generator, School};
use crate::texts::{COMMENTS, LINK_SECTIONS, NOT_YET, PADDING};

/// Which submission of a school and period this is; each gets its own
/// numbers, ids and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Ordinary = 0,
    /// Exported again from another computer with a new key.
    KeyChanged = 1,
    /// The school's correction of its own submission.
    Corrected = 2,
}

impl Generator<'_> {
    pub fn draft(&self, school: &School, period: usize, variant: Variant, target: u32) -> Draft {
        let p = &self.config.periods[period];
        let path = [school.index as u64, u64::from(p.first_year), variant as u64];
        let mut rng = Rng::stream(self.config.seed, Stream::Answers, &path);
        let profile = SchoolProfile {
            period: p.label.clone(),
            ..school.profile.clone()
        };
        let earned = self.earned(school, target);
        // Last year's figures are the school's own file of the year before.
        let last = period
            .checked_sub(1)
            .filter(|_| self.card.indicators().any(|i| i.rule.asks_last_year()))
            .map(|before| self.draft(school, before, Variant::Ordinary, school.targets[before]));
        let answers = self
            .card
            .indicators()
            .filter(|i| i.applies.applies_to(&profile))
            .map(|i| {
                let was = last.as_ref().and_then(|d| d.answers.get(&i.code));
                let earned = earned.contains(i.code.as_str());
                (i.code.clone(), answer(i, school, p, earned, was, &mut rng))
            })
            .collect();
        Draft {
            profile,
            answers,
            ..Draft::default()
        }
    }
}

/// One row's answer; `was` is the school's answer of the year before, whose
/// share becomes this year's "last year" where growth is the target.
pub fn answer(
    indicator: &Indicator,
    school: &School,
    period: &Period,
    earned: bool,
    was: Option<&RawAnswer>,
    rng: &mut Rng,
) -> RawAnswer {
    let mut answer = RawAnswer::default();
    let rule = &indicator.rule;
    match rule {
        Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. } => {
            let target = rule
                .share_target()
                .expect("a share rule has a share target");
            let range = group_size(denominator, school.size);
            // An empty group (the same every year) has no share to grow
            // from; its last-year fields stay empty.
            let empty = school.empty_groups.contains(&indicator.code);
            let last_year = (target.dynamics && !empty).then(|| {
                was.and_then(this_year_share)
                    .filter(|(_, d0)| *d0 > 0)
                    .map(|(n0, d0)| match school.misremembers_last_year {
                        true if n0 < d0 => (n0 + 1, d0),
                        true => (n0 - 1, d0),
                        false => (n0, d0),
                    })
                    .unwrap_or_else(|| measures::invented_last_year(range, rng))
            });
            let (n, d) = if empty {
                (0, 0)
            } else if let Some(last_year) = last_year {
                measures::growing_share(target, range, earned, last_year, rng)
            } else {
                measures::plain_share(target, range, earned, rng)
            };
            if let Rule::Breakdown { parts, .. } = rule {
                let split = measures::split(n, parts.len(), rng);
                answer.parts = split.iter().map(u64::to_string).collect();
            } else {
                answer.numerator = n.to_string();
            }
            answer.denominator = d.to_string();
            if let Some((n0, d0)) = last_year {
                answer.prev_numerator = n0.to_string();
                answer.prev_denominator = d0.to_string();
            }
        }
        Rule::Fact { .. } if indicator.points == 0 => answer.fact = Some(rng.percent(60)),
        Rule::Fact { .. } => answer.fact = Some(earned),
        Rule::Count { min, .. } => {
            answer.count = count_value(min.unwrap_or(0), earned, rng).to_string();
        }
        Rule::Percent { min_tenths, .. } => {
            let tenths = measures::percent(*min_tenths, earned, rng);
            answer.percent = format!("{},{}", tenths / 10, tenths % 10);
        }
        Rule::List { columns, .. } => answer.rows = measures::list_rows(columns, rng),
    }
    let links = match (earned, rng.below(100)) {
        (true, 0..=59) => 1,
        (true, 60..=87) => 2,
        (false, 0..=19) => 1,
        _ => 0,
    };
    answer.evidence = evidence(&indicator.code, school, period, links, rng);
    let (pool, chance) = if earned {
        (COMMENTS, 30)
    } else {
        (NOT_YET, 50)
    };
    if rng.percent(chance) {
        answer.comment = rng.pick(pool).to_string();
    }
    answer
}

/// A share as it was typed: the numerator (or the sum of the parts) and the
/// denominator.
fn this_year_share(answer: &RawAnswer) -> Option<(u64, u64)> {
    let number = |s: &str| s.trim().parse::<u64>().ok();
    let n = if answer.parts.is_empty() {
        number(&answer.numerator)?
    } else {
        answer
            .parts
            .iter()
            .map(|p| number(p))
            .sum::<Option<u64>>()?
    };
    Some((n, number(&answer.denominator)?))
}

/// Realistic magnitudes for a share's group, guessed from its label, so the
/// files read like a real school's («36 из 120», not «7 из 3000»).
pub fn group_size(label: &str, size: u64) -> (u64, u64) {
    let label = label.to_lowercase();
    let has = |word: &str| label.contains(word);
    let (lo, hi) = if has("овз") {
        (2, 12)
    } else if has("работник") || has("педагог") {
        (size / 2 + 10, size + 30)
    } else if has("участник") {
        (8, 60)
    } else if has("выпускник") {
        (size * 3 / 4, size)
    } else if has("поступив") {
        (size / 4, size * 2 / 3)
    } else if has("класс") {
        let grades = grades(&label);
        (grades * size * 4 / 5, grades * size)
    } else {
        (10, 200)
    };
    (lo.max(1), hi.max(lo.max(1)))
}

/// How many grades a label spans: «1–4 классов» → 4, «9-х классов» → 1.
pub fn grades(label: &str) -> u64 {
    let numbers: Vec<u64> = label
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers.as_slice() {
        [first, last, ..] if last > first => last - first + 1,
        _ => 1,
    }
}

/// Numerator and denominator that earn (or miss) a share's points. About a
/// third sit exactly on the threshold or one person below it, the cases a
/// floating-point comparison would get wrong.
pub fn share_numbers(
    threshold: u32,
    (lo, hi): (u64, u64),
    earned: bool,
    rng: &mut Rng,
) -> (u64, u64) {
    let t = u64::from(threshold.min(100));
    let edge = rng.percent(30);
    let mut d = rng.between(lo, hi);
    if edge {
        // A multiple of 100/gcd makes t% of it a whole number: 30% → tens.
        let unit = 100 / gcd(t, 100);
        d = d.div_ceil(unit) * unit;
    }
    let need = (t * d).div_ceil(100);
    let n = match (earned, edge) {
        (true, true) => need,
        (true, false) => rng.between(need, need + (d - need) / 2),
        (false, _) if need == 0 => 0,
        (false, true) => need - 1,
        (false, false) => rng.between(need / 3, need - 1),
    };
    (n, d)
}

pub fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

pub fn count_value(min: u64, earned: bool, rng: &mut Rng) -> u64 {
    if earned || min == 0 {
        rng.between(min, min + 5)
    } else {
        rng.between(0, min - 1)
    }
}

/// Links the way schools give them: a page of their own site, sometimes a
/// folder on a file host.
pub fn evidence(
    code: &str,
    school: &School,
    period: &Period,
    links: usize,
    rng: &mut Rng,
) -> String {
    let page = format!(
        "https://{}/{}/{}/{}",
        school.host,
        rng.pick(LINK_SECTIONS),
        period.first_year + 1,
        code.replace('.', "-")
    );
    let folder = format!("https://disk.example.ru/d/{}", to_hex(&rng.bytes::<6>()));
    [page, folder][..links].join("\n")
}

/// Lengthens comments by about `bytes` with whole sentences, never past the
/// comment limit, so the padding stays valid input and changes no score.
pub fn pad_comments(draft: &mut Draft, bytes: usize, rng: &mut Rng) {
    /// What a new `"comment": ""` line costs in the pretty-printed file.
    const NEW_FIELD: usize = 22;
    let mut added = 0;
    while added < bytes {
        let before = added;
        for answer in draft.answers.values_mut() {
            if added >= bytes {
                break;
            }
            let sentence = rng.pick(PADDING);
            let chars = answer.comment.chars().count() + 1 + sentence.chars().count();
            if chars > MAX_COMMENT_LEN {
                continue;
            }
            if answer.comment.is_empty() {
                added += NEW_FIELD;
            } else {
                answer.comment.push(' ');
                added += 1;
            }
            answer.comment.push_str(sentence);
            added += sentence.len();
        }
        if added == before {
            break; // every comment is full: as large as a valid file gets
        }
    }
}
