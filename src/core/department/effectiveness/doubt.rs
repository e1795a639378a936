//! Why a verdict on a measure may not hold: each reason is noted beside
//! the verdict, and the report's summary counts the verdicts by reason, so
//! that it names only the reasons that occur.

use super::{Group, IndicatorEffect, Verdict, NOTABLE_TENTHS, START_GAP_TENTHS};
use crate::department::dynamics::{delta_difference_tenths, delta_tenths, delta_text};
use crate::text::{and_list, percent};

/// One reason a verdict is weaker than it reads, in the order the summary
/// counts them (the note beside a verdict keeps the order of
/// [`IndicatorEffect::doubts`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Doubt {
    /// One school fewer crossing the target (or, for a pooled value, one
    /// school left out of the sums) would undo «лучше» or «хуже».
    OneSchool,
    /// The pupils' share (Σ/Σ) moved the other way: its difference.
    Pupils(i64),
    /// The groups started far apart, and the verdict goes the way that
    /// alone would take it: their starts, addressed and others.
    StartedApart((u64, u64), (u64, u64)),
    /// Schools whose standing the check changed in one year while the
    /// other is unchecked.
    Checked(usize),
    /// Schools with another measure on the same indicator: (addressed,
    /// others).
    Elsewhere(usize, usize),
}

impl Doubt {
    /// Said beside the verdict, with its figures.
    pub fn note(&self) -> String {
        match self {
            Self::OneSchool => "держится на одной школе".to_owned(),
            Self::Pupils(d) => format!(
                "по общей доле обучающихся разность другого знака: {}",
                delta_text(*d)
            ),
            Self::StartedApart(a, o) => {
                let (side, moves) = match delta_tenths(*o, *a) < 0 {
                    true => ("ниже", "рост обычно больше"),
                    false => ("выше", "спад обычно больше"),
                };
                format!(
                    "адресные ОО начинали {side} остальных ({} против {}), а у начинавших \
                     {side} {moves} и без меры",
                    percent(a.0, a.1),
                    percent(o.0, o.1)
                )
            }
            Self::Checked(n) => format!(
                "у {n} ОО выполнение в одном году изменено проверкой отдела, а другой год не \
                 проверен"
            ),
            // Both groups in one note: the same words twice read as two notes.
            Self::Elsewhere(addressed, others) => {
                let whose: Vec<String> = [(*addressed, "адресных"), (*others, "остальных")]
                    .into_iter()
                    .filter(|(n, _)| *n > 0)
                    .map(|(n, whose)| format!("у {n} из {whose}"))
                    .collect();
                format!(
                    "{} ОО была и другая мера по этому показателю",
                    and_list(&whose)
                )
            }
        }
    }

    /// The reason without its figures, as the summary counts it.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::OneSchool => "держится на одной школе",
            Self::Pupils(_) => "расходится с общей долей обучающихся",
            Self::StartedApart(..) => "группы начинали с разного уровня",
            Self::Checked(_) => "проверенный год сравнивается с непроверенным",
            Self::Elsewhere(..) => "в школах была и другая мера по тому же показателю",
        }
    }
}

impl IndicatorEffect {
    /// What makes a verdict weaker than it reads, in the order said: the
    /// check, another measure, then (for «лучше» or «хуже») one school,
    /// the pupils' share and the start. Groups are small (5–10 schools),
    /// so a reader should see it beside the verdict.
    pub fn doubts(&self) -> Vec<Doubt> {
        let Some(d) = self.difference() else {
            return Vec::new();
        };
        let mut doubts = Vec::new();
        let by_check = self.addressed.by_check + self.others.by_check;
        if by_check > 0 {
            doubts.push(Doubt::Checked(by_check));
        }
        let (a, o) = (self.addressed.elsewhere, self.others.elsewhere);
        if a + o > 0 {
            doubts.push(Doubt::Elsewhere(a, o));
        }
        if !matches!(self.verdict, Verdict::Better | Verdict::Worse) {
            return doubts;
        }
        if self.hangs_on_one(d) {
            doubts.push(Doubt::OneSchool);
        }
        if !self.basis.pooled() {
            if let (Some(a), Some(o)) = (self.addressed.sums, self.others.sums) {
                let pupils = delta_difference_tenths(a, o);
                if pupils != 0 && pupils.signum() != d.signum() {
                    doubts.push(Doubt::Pupils(pupils));
                }
            }
        }
        doubts.extend(self.started_apart(d));
        doubts
    }

    /// The verdict's [`doubts`](Self::doubts) in one note.
    pub fn caveat(&self) -> Option<String> {
        let notes: Vec<String> = self.doubts().iter().map(Doubt::note).collect();
        (!notes.is_empty()).then(|| format!("вывод ненадёжен: {}", notes.join("; ")))
    }

    /// Whether one school would undo the verdict `d`. A pooled value has
    /// no school crossing a target to count: a school left out of its sums
    /// is what may undo it.
    fn hangs_on_one(&self, d: i64) -> bool {
        if self.basis.pooled() {
            return [self.addressed.without_one, self.others.without_one]
                .into_iter()
                .flatten()
                .any(|(lo, hi)| match d > 0 {
                    true => lo < NOTABLE_TENTHS,
                    false => hi > -NOTABLE_TENTHS,
                });
        }
        // One school moved against the verdict: the addressed group's
        // «after» one lower for «лучше» (higher for «хуже»), or the others'
        // one higher.
        let up = d.signum();
        let moved = |g: &Group, by: i64| {
            let after = g.meeting.1 as i64 + by;
            let after = usize::try_from(after).ok().filter(|a| *a <= g.schools)?;
            Some(Group {
                meeting: (g.meeting.0, after),
                ..*g
            })
        };
        let one_less = [
            moved(&self.addressed, -up).map(|a| a.minus(&self.others)),
            moved(&self.others, up).map(|o| self.addressed.minus(&o)),
        ];
        // Undone is short of a notable difference the same way: in a group
        // of three one school is 33,3 points, and «лучше» by +23,3 turned
        // into «хуже» by −10,0 without passing through «нет разницы».
        one_less
            .into_iter()
            .flatten()
            .any(|less| less * up < NOTABLE_TENTHS)
    }

    /// The groups started far apart (by [`START_GAP_TENTHS`]), and the
    /// verdict goes the way that alone would take it: schools that start
    /// low rise more, and high ones fall more, without any measure (a
    /// walk-through's weakest schools, addressed, came out «лучше» by
    /// +72,2 п. п. in a year where shares moved at random).
    fn started_apart(&self, difference: i64) -> Option<Doubt> {
        let start = |g: &Group| match self.basis.pooled() {
            true => g.sums.map(|(before, _)| before),
            false => (g.schools > 0).then_some((g.meeting.0 as u64, g.schools as u64)),
        };
        let (a, o) = (start(&self.addressed)?, start(&self.others)?);
        let gap = delta_tenths(o, a);
        if gap.abs() < START_GAP_TENTHS || gap.signum() == difference.signum() {
            return None;
        }
        Some(Doubt::StartedApart(a, o))
    }
}
