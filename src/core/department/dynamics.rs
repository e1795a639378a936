//! Change between two periods: per school and per indicator.
//!
//! Only schools present in both periods are compared; a school that joined
//! or left is listed by the results of its own period, not as a change.

use std::collections::HashMap;

use crate::card::versions::{comparability, comparable_share, fits, Comparability};
use crate::card::{Card, Indicator, Level, Rule};
use crate::department::archive::Archive;
use crate::department::figures::{
    describe_value, figures, in_values, mean_tenths, Aggregate, Figures, IndicatorFigure,
};
use crate::department::last_year::{as_share, moved_more_than, this_year};
use crate::department::results::SchoolResult;
use crate::department::review::ReviewStatus;
use crate::department::school::{pair_schools, SchoolId};
use crate::school::draft::RawAnswer;
use crate::scoring::tally;
use crate::text::{
    by_name, group_digits, lower_first, noted, percent, percent_tenths, tenths_percent,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolChange {
    pub school: SchoolId,
    pub name: String,
    /// (total, applicable maximum), as each year's card counted it.
    pub before: (u32, u32),
    pub after: (u32, u32),
    pub level_before: Option<Level>,
    pub level_after: Option<Level>,
    /// When the years used different versions of the card, or one of the
    /// school's files another version, what is compared instead
    /// ([`Across`]).
    pub across: Option<Across>,
    /// Whether the department's check moved the school's score (points or
    /// maximum, [`Counted::moves_score`](crate::department::review::Counted::moves_score)),
    /// each year (last year, this year): a year the check moved beside one
    /// it did not is said with the comparison. A check that confirmed
    /// everything moved nothing.
    pub moved_by_check: (bool, bool),
    /// Whether each year's file is checked («проверена»): a year the check
    /// moved beside a checked one that it did not move is a fair comparison.
    pub checked: (bool, bool),
    /// Each year's indicators left out of the school's maximum for want of
    /// the figures of the year before (last year, this year): its share,
    /// and so the change, is partly the smaller maximum's (a walk-through's
    /// +33,9 of a school whose maximum fell from 8 to 7).
    pub outside: (Vec<String>, Vec<String>),
}

/// A school's two years on the indicators both years can be scored on:
/// last year's answers re-scored by this year's rules, this year's score
/// on the same indicators. An indicator new this year, or now filled in
/// another way, has no last year to compare with: counting it as missed
/// then would make a rise out of a new question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Across {
    pub before: (u32, u32),
    pub after: (u32, u32),
    /// The levels of `before` and `after` by this year's bounds: beside
    /// the change reckoned between them, not the school's own level of a
    /// year filled in on another version.
    pub level_before: Option<Level>,
    pub level_after: Option<Level>,
}

impl SchoolChange {
    /// Change of the share of the maximum, in tenths of a percentage point:
    /// across versions, on the indicators both years are scored on.
    pub fn delta_tenths(&self) -> i64 {
        let (before, after) = self.compared();
        shown_delta_tenths(before, after)
    }

    /// Which year the check moved, when only one and the other is not
    /// checked: «в прошлом году результат изменён проверкой отдела, этот год
    /// не проверен». Empty when both years are on the same footing: both
    /// moved, or the other year checked and left as it was.
    pub fn basis(&self) -> &'static str {
        match (self.moved_by_check, self.checked) {
            ((true, false), (_, false)) => {
                "в прошлом году результат изменён проверкой отдела, этот год не проверен"
            }
            ((false, true), (false, _)) => {
                "в этом году результат изменён проверкой отдела, прошлый год не проверен"
            }
            _ => "",
        }
    }

    /// What the row's change stands on besides the answers: the year the
    /// check alone moved ([`SchoolChange::basis`]) and a maximum made
    /// smaller ([`SchoolChange::outside_note`]). Beside the school's name
    /// on the screen, in the sheet and in the report.
    pub fn notes(&self) -> Vec<String> {
        [self.basis().to_owned(), self.outside_note()]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect()
    }

    /// «вне максимума, нет данных предыдущего года: в этом году 1.2»,
    /// or empty ([`SchoolChange::outside`]).
    fn outside_note(&self) -> String {
        let years = [
            ("в прошлом году", &self.outside.0),
            ("в этом году", &self.outside.1),
        ];
        let said: Vec<String> = (years.iter())
            .filter(|(_, codes)| !codes.is_empty())
            .map(|(year, codes)| format!("{year} {}", codes.join(", ")))
            .collect();
        match said.is_empty() {
            true => String::new(),
            false => format!(
                "вне максимума, нет данных предыдущего года: {}",
                said.join("; ")
            ),
        }
    }

    /// Whether this school's exact change is larger than `other`'s
    /// (`Greater`): two rises of 1 in 21 are equal, though shown as +4,8
    /// and +4,7 beside their rounded shares.
    pub fn cmp_exact(&self, other: &Self) -> std::cmp::Ordering {
        let ((n1, d1), (n2, d2)) = (self.exact(), other.exact());
        (n1 * d2).cmp(&(n2 * d1))
    }

    fn exact(&self) -> (i128, i128) {
        let (before, after) = self.compared();
        exact_delta(before, after)
    }

    /// The two years' (total, maximum) the change is counted on.
    fn compared(&self) -> ((u64, u64), (u64, u64)) {
        let (before, after) = match &self.across {
            Some(a) => (a.before, a.after),
            None => (self.before, self.after),
        };
        let wide = |(a, b): (u32, u32)| (u64::from(a), u64::from(b));
        (wide(before), wide(after))
    }

    /// The two years' levels of the scores the change is reckoned
    /// between: across versions, [`Across`]'s, by this year's bounds.
    pub fn levels_compared(&self) -> (Option<Level>, Option<Level>) {
        self.across
            .map_or((self.level_before, self.level_after), |a| {
                (a.level_before, a.level_after)
            })
    }
}

/// `after − before` of two shares, in tenths of a point, rounded once from
/// the exact difference: for changes beside counts («1 из 3 → 2 из 3»)
/// and for the verdicts that compare changes against a bound.
pub(crate) fn delta_tenths(before: (u64, u64), after: (u64, u64)) -> i64 {
    rounded_tenths(exact_delta(before, after))
}

/// One share's change minus another's, `(before, after)` each, in tenths
/// of a point, rounded once from the exact difference: the difference of
/// differences of the measures' analysis. Subtracting the two changes
/// each rounded first could be a tenth off (−6,97 shown as −6,9).
pub(crate) fn delta_difference_tenths(
    (b1, a1): ((u64, u64), (u64, u64)),
    (b2, a2): ((u64, u64), (u64, u64)),
) -> i64 {
    let ((n1, d1), (n2, d2)) = (exact_delta(b1, a1), exact_delta(b2, a2));
    // Past i128 (sums of a billion pupils), each change rounded alone.
    let exact = n1
        .checked_mul(d2)
        .zip(n2.checked_mul(d1))
        .and_then(|(x, y)| x.checked_sub(y))
        .zip(d1.checked_mul(d2));
    match exact {
        Some(difference) => rounded_tenths(difference),
        None => rounded_tenths((n1, d1)) - rounded_tenths((n2, d2)),
    }
}

/// `after − before` of two shares, in tenths of a point, as a fraction
/// with a positive denominator. An empty whole counts as 0 %.
fn exact_delta(before: (u64, u64), after: (u64, u64)) -> (i128, i128) {
    let share = |(part, whole): (u64, u64)| {
        if whole == 0 {
            (0, 1)
        } else {
            (i128::from(part), i128::from(whole))
        }
    };
    let ((a, b), (c, d)) = (share(before), share(after));
    ((c * b - a * d) * 1000, b * d)
}

/// A fraction of tenths rounded to the nearest, halves away from zero.
fn rounded_tenths((num, den): (i128, i128)) -> i64 {
    let rounded = (2 * num.abs() + den) / (2 * den);
    i64::try_from(rounded * num.signum()).unwrap_or(0)
}

/// [`delta_tenths`] where both shares stand beside the change as
/// percentages: the difference of the two as shown, each rounded to
/// tenths, so that «57,8 % → 65,8 %» stands beside «+8,0 п. п.», as a
/// reader checking the page by hand finds it (the exact 8,06 rounds to
/// 8,1). An empty whole counts as 0 %.
pub(crate) fn shown_delta_tenths(before: (u64, u64), after: (u64, u64)) -> i64 {
    let shown = |(part, whole): (u64, u64)| {
        i64::try_from(percent_tenths(part, whole).unwrap_or(0)).unwrap_or(i64::MAX)
    };
    shown(after) - shown(before)
}

/// "+4,3 п. п.", "−2,0 п. п.", "0,0 п. п.": signed, with a real minus sign.
pub fn delta_text(delta_tenths: i64) -> String {
    format!("{}\u{A0}п.\u{A0}п.", signed_tenths(delta_tenths))
}

/// "+4,3", "−2,0", "0,0": tenths signed, with a real minus sign.
fn signed_tenths(tenths: i64) -> String {
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let a = tenths.unsigned_abs();
    format!("{sign}{},{}", a / 10, a % 10)
}

/// Schools present in both periods, most improved first. `old` and
/// `card` are the versions the two years were filled in; when they
/// differ, or a school's own file is of another version, the school is
/// compared on what both years can be scored on ([`Across`]).
pub fn school_changes(
    archive: &Archive,
    old: &Card,
    card: &Card,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> Vec<SchoolChange> {
    // A school is compared on this year's card when the years' versions
    // differ, or when either of its own files is of another version.
    let differ = |was: &SchoolResult, now: &SchoolResult| {
        old.version != card.version || was.version != card.version || now.version != card.version
    };
    // Whether the school's file behind `r` asked this year's `indicator`.
    let asked = |r: &SchoolResult, indicator: &Indicator| {
        (archive.entry(&r.submission_id)).is_some_and(|e| e.card.counterpart(indicator).is_some())
    };
    // Across versions, only the check of an indicator compared in both
    // years ([`across`]) moves the change. A result speaks its year's card
    // (`speaks`), whichever version its file is of.
    let moved = |r: &SchoolResult, speaks: &Card, pair: (&SchoolResult, &SchoolResult)| {
        let across = differ(pair.0, pair.1);
        let compared = |code: &str| {
            let ours = speaks.indicator(code).and_then(|i| card.by_key(i.key()));
            ours.is_some_and(|i| scored_both(old, i) && asked(pair.0, i) && asked(pair.1, i))
        };
        (r.score.indicators.iter()).any(|(code, c)| c.moves_score() && (!across || compared(code)))
    };
    let mut changes: Vec<SchoolChange> = pair_schools(&archive.roster, before, after)
        .into_iter()
        .map(|(was, now)| {
            let differs = differ(was, now);
            SchoolChange {
                school: now.school.clone(),
                name: now.name().to_owned(),
                before: (was.score.total, was.score.max_applicable),
                after: (now.score.total, now.score.max_applicable),
                level_before: was.score.level,
                level_after: now.score.level,
                across: differs
                    .then(|| across(archive, old, card, was, now))
                    .flatten(),
                moved_by_check: (moved(was, old, (was, now)), moved(now, card, (was, now))),
                checked: (
                    was.status == ReviewStatus::Checked,
                    now.status == ReviewStatus::Checked,
                ),
                // Both years under this year's numbers, as the table's rows:
                // a renumbered indicator is named by its row.
                outside: (
                    (was.without_last_year().into_iter())
                        .map(|code| card.code_of(old, code).unwrap_or(code).to_owned())
                        .collect(),
                    (now.without_last_year().into_iter())
                        .map(str::to_owned)
                        .collect(),
                ),
            }
        })
        .collect();
    changes.sort_by(|a, b| {
        b.delta_tenths()
            .cmp(&a.delta_tenths())
            .then_with(|| by_name(&a.name, &b.name))
    });
    changes
}

/// The two years' figures over the schools that took part in both (last
/// year's, this year's), or `None` where every school did: an indicator
/// done by as many of the same schools reads as done less often when a
/// school that did it sent nothing this year (a walk-through: seven
/// indicators «реже выполнены», all by the one school missing).
pub fn figures_in_both(
    archive: &Archive,
    years: &Years,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> Option<(Figures, Figures)> {
    let (was, now): (Vec<SchoolResult>, Vec<SchoolResult>) =
        (pair_schools(&archive.roster, before, after).into_iter())
            .map(|(was, now)| (was.clone(), now.clone()))
            .unzip();
    (was.len() < before.len() || now.len() < after.len()).then(|| {
        (
            figures(archive, years.old_card, &was),
            figures(archive, years.new_card, &now),
        )
    })
}

/// [`Across`] for one school: both years on the indicators that last
/// year's card had and filled in the same way, and that both of the
/// school's files asked, each scored on this year's card ([`SchoolResult::on_card`]).
/// One the school's older file did not ask counts in neither year: else
/// answering it this year would read as a rise.
fn across(
    archive: &Archive,
    old: &Card,
    card: &Card,
    was: &SchoolResult,
    now: &SchoolResult,
) -> Option<Across> {
    let (was, now) = (was.on_card(archive, card)?, now.on_card(archive, card)?);
    let on_both = |points: &[Option<(u32, bool)>], other: &[Option<(u32, bool)>]| {
        // `tally` walks the card in the order of `points`.
        let mut each = points.iter().zip(other);
        let (_, total, max) = tally(card, |indicator| match each.next() {
            Some((Some(points), Some(_))) if scored_both(old, indicator) => *points,
            _ => (0, false),
        });
        (total, max)
    };
    let before = on_both(&was, &now);
    let after = on_both(&now, &was);
    Some(Across {
        before,
        after,
        level_before: card.level(before.0, before.1),
        level_after: card.level(after.0, after.1),
    })
}

/// Whether this year's `indicator` is scored the same way on last year's
/// card, `old`: only such indicators are compared across versions.
fn scored_both(old: &Card, indicator: &Indicator) -> bool {
    old.by_key(indicator.key())
        .is_some_and(|o| fits(&o.rule, &indicator.rule))
}

/// The two years compared: each with the version of the card its files
/// were filled in, and its figures. Indicators are matched by identity, so
/// a renumbered one is still itself, and a changed rule is never read as
/// growth or decline.
#[derive(Clone, Copy)]
pub struct Years<'a> {
    pub old_card: &'a Card,
    pub before: &'a Figures,
    pub new_card: &'a Card,
    pub after: &'a Figures,
}

impl Years<'_> {
    /// Last year's figure of this year's `indicator`, with how the two relate.
    fn pair<'f>(&self, indicator: &'f Indicator) -> (Option<&IndicatorFigure>, Comparability)
    where
        Self: 'f,
    {
        let comparability = comparability(self.old_card, self.new_card, indicator);
        let was = self
            .old_card
            .by_key(indicator.key())
            .and_then(|old| self.before.indicators.iter().find(|f| f.code == old.code));
        (was, comparability)
    }

    fn now(&self, indicator: &Indicator) -> Option<&IndicatorFigure> {
        self.after
            .indicators
            .iter()
            .find(|f| f.code == indicator.code)
    }

    /// Comparable indicators of this year's card: (comparable, all).
    pub fn comparable(&self) -> (usize, usize) {
        comparable_share(self.old_card, self.new_card)
    }

    /// Last year's municipal value of one of last year's indicators, in
    /// words.
    pub fn last_value(&self, old: &Indicator) -> Option<String> {
        self.last_figure(old)
            .map(|was| describe_value(&old.rule, was))
    }

    /// Last year's figure of its indicator `old`.
    pub fn last_figure(&self, old: &Indicator) -> Option<&IndicatorFigure> {
        (self.before.indicators.iter()).find(|f| f.code == old.code)
    }

    /// Last year's indicators this year's card no longer has.
    pub fn removed(&self) -> impl Iterator<Item = &Indicator> {
        (self.old_card.indicators()).filter(|i| self.new_card.by_key(i.key()).is_none())
    }

    /// Last year's indicators with points that this year's card no longer
    /// has, with (schools that earned them, schools they applied to) then:
    /// the table of who met each indicator ends with them, as the values'
    /// table does.
    pub fn removed_met(&self) -> Vec<(&Indicator, (usize, usize))> {
        (self.removed().filter(|old| old.points > 0))
            .filter_map(|old| {
                let was = self.before.indicators.iter().find(|f| f.code == old.code)?;
                Some((old, (was.earned, was.applicable)))
            })
            .collect()
    }

    /// Whether the two years used different versions of the card.
    pub fn versions_differ(&self) -> bool {
        self.old_card.version != self.new_card.version
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorChange {
    pub code: String,
    /// (schools that earned it, schools it applies to); `None` when the
    /// indicator is new this year.
    pub before: Option<(usize, usize)>,
    pub after: (usize, usize),
    pub comparability: Comparability,
}

impl IndicatorChange {
    /// The change in tenths of a point, only where who met it is judged as
    /// before ([`Comparability::met_comparable`]) and the indicator applied
    /// to some school in both years: «0 из 0» is no share, and 0 % against
    /// it would read as a rise.
    pub fn delta_tenths(&self) -> Option<i64> {
        let wide = |(a, b): (usize, usize)| (a as u64, b as u64);
        let before = self.before.filter(|b| b.1 > 0 && self.after.1 > 0)?;
        (self.comparability.met_comparable()).then(|| delta_tenths(wide(before), wide(self.after)))
    }

    /// «+16,7 п. п.», or why there is no change to show.
    pub fn delta_label(&self) -> String {
        match self.delta_tenths() {
            Some(d) => delta_text(d),
            None => self.comparability.short_label().to_owned(),
        }
    }
}

/// Per indicator with points of this year's card, in its order: how the
/// share of schools earning it moved.
pub fn indicator_changes(years: &Years) -> Vec<IndicatorChange> {
    years
        .new_card
        .scored_indicators()
        .filter_map(|indicator| {
            let now = years.now(indicator)?;
            let (was, comparability) = years.pair(indicator);
            Some(IndicatorChange {
                code: indicator.code.clone(),
                before: was.map(|w| (w.earned, w.applicable)),
                after: (now.earned, now.applicable),
                comparability,
            })
        })
        .collect()
}

/// An indicator's municipal value in two periods, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueChange {
    pub code: String,
    /// The indicator's wording, last year's for one the card left out.
    pub text: String,
    pub before: String,
    pub after: String,
    pub comparability: Comparability,
    /// How the value moved, where the two years are comparable and both
    /// have one: a sum's difference, a mean's or a share's in points, a
    /// list's rows and columns. Each part holds its own figure, so that a
    /// table can set them one a line; empty where nothing compares.
    pub change: Vec<String>,
    /// The same, in tenths of a point, for a value that is a percentage.
    pub tenths: Option<i64>,
    /// The two years' figures the words are made of, for a sheet's numbers.
    pub figures: (Option<IndicatorFigure>, Option<IndicatorFigure>),
}

/// How far a municipal value that is a percentage moved, in tenths of a
/// point: a share (Σ/Σ) and a mean percentage each as shown, rounded to
/// tenths first («79,1 % → 75,6 %» beside «−3,5 п. п.»); the schools
/// answering «да», shown with their counts, exactly, rounded once.
/// `None` for sums and lists, or a year without answers.
fn tenths_moved(before: &IndicatorFigure, after: &IndicatorFigure) -> Option<i64> {
    if before.answered == 0 || after.answered == 0 {
        return None;
    }
    let wide = |n: usize| n as u64;
    match (&before.value, &after.value) {
        (
            Aggregate::Share {
                numerator: a,
                denominator: b,
                ..
            },
            Aggregate::Share {
                numerator: c,
                denominator: d,
                ..
            },
        ) if *b > 0 && *d > 0 => Some(shown_delta_tenths((*a, *b), (*c, *d))),
        // «да — у 8 из 15 (53,3 %)»: counts stand beside it, so the exact
        // change rounded once, as the schools meeting it show it.
        (Aggregate::Fact { yes: a }, Aggregate::Fact { yes: b }) => Some(delta_tenths(
            (wide(*a), wide(before.answered)),
            (wide(*b), wide(after.answered)),
        )),
        (Aggregate::Percent { sum: a, .. }, Aggregate::Percent { sum: b, .. }) => {
            let signed_tenths = |t: u64| i64::try_from(t).unwrap_or(i64::MAX);
            Some(
                signed_tenths(mean_tenths(*b, after.answered))
                    - signed_tenths(mean_tenths(*a, before.answered)),
            )
        }
        _ => None,
    }
}

/// How far a count's municipal mean per school must fall, in percent of
/// last year's, to be named among the falls: sums compare years of
/// different numbers of schools, means do not.
pub const COUNT_FALL_PERCENT: u64 = 10;

/// The indicators whose municipal value fell notably since last year, on
/// values the two versions collect alike, in card order: a percentage
/// (a share Σ/Σ, the schools' «да», a mean typed percent) by
/// [`NOTABLE_TENTHS`](crate::department::effectiveness::NOTABLE_TENTHS)
/// or more, a count's mean per school, or that of a list's headline
/// column ([`Rule::list_headline`]), by [`COUNT_FALL_PERCENT`] or more.
/// Each as (code, how): («2.1», «в среднем 3,3 → 2,2 на организацию»),
/// («1.5», «−12,8 п. п.»); the proposal says «1.5 (−12,8 п. п.)», where
/// «1.5 — −12,8» read as two dashes to a walk-through.
/// The report proposes to look into those this year's measures do not
/// take up already: on a card with points, those not among the problem
/// zones either (a card without points has none).
pub fn fallen(years: &Years) -> Vec<(String, String)> {
    let notable = crate::department::effectiveness::NOTABLE_TENTHS;
    (years.new_card.indicators())
        .filter_map(|indicator| {
            let now = years.now(indicator)?;
            let (was, comparability) = years.pair(indicator);
            let was = was.filter(|_| comparability.values_comparable())?;
            if was.answered == 0 || now.answered == 0 {
                return None;
            }
            if let Some(t) = tenths_moved(was, now) {
                return (t <= -notable).then(|| (indicator.code.clone(), delta_text(t)));
            }
            // A list falls by its headline column's mean, as a count by its
            // own: no fall of a list was named (an audit).
            let (a, b, column) = match (&was.value, &now.value) {
                (Aggregate::Count { sum: a }, Aggregate::Count { sum: b }) => (*a, *b, None),
                (Aggregate::List { .. }, Aggregate::List { .. }) => (
                    was.value.list_number()?,
                    now.value.list_number()?,
                    headline_label(&indicator.rule),
                ),
                _ => return None,
            };
            let (m0, m1) = (
                mean_tenths(a * 10, was.answered),
                mean_tenths(b * 10, now.answered),
            );
            let fell = m0 > 0 && m1 * 100 <= m0 * (100 - COUNT_FALL_PERCENT);
            fell.then(|| {
                let said = |t: u64| crate::text::tenths(t, ',');
                let of = column
                    .map(|c| format!("{}: ", lower_first(c)))
                    .unwrap_or_default();
                (
                    indicator.code.clone(),
                    format!("{of}в среднем {} → {} на организацию", said(m0), said(m1)),
                )
            })
        })
        .collect()
}

/// The label of the column a list is measured by ([`Rule::list_headline`]).
fn headline_label(rule: &Rule) -> Option<&str> {
    let Rule::List { columns, .. } = rule else {
        return None;
    };
    Some(columns.get(rule.list_headline()?)?.label.as_str())
}

impl ValueChange {
    /// The change as one text, its parts as a sentence reads them.
    pub fn change_text(&self) -> Option<String> {
        (!self.change.is_empty()).then(|| self.change.join("; "))
    }
}

/// `after − before` of an indicator's municipal value, in words, part by
/// part; `rules` are last year's and this year's, to name a list's columns.
fn value_change(
    before: &IndicatorFigure,
    after: &IndicatorFigure,
    rules: (&Rule, &Rule),
) -> Vec<String> {
    if before.answered == 0 || after.answered == 0 {
        return Vec::new();
    }
    if let Some(tenths) = tenths_moved(before, after) {
        return vec![delta_text(tenths)];
    }
    let signed = |d: i128| {
        let size = group_digits(u64::try_from(d.unsigned_abs()).unwrap_or(u64::MAX));
        match d.signum() {
            1 => format!("+{size}"),
            -1 => format!("−{size}"),
            _ => "0".to_owned(),
        }
    };
    match (&before.value, &after.value) {
        // Sums over different numbers of schools: a school more adds its
        // count while each school's fell (an audit read «+2» beside means of
        // 3,0 → 2,6 a school). The means, as the values show them, say so.
        (Aggregate::Count { sum: a }, Aggregate::Count { sum: b }) => {
            let sum = signed(i128::from(*b) - i128::from(*a));
            if before.answered == after.answered {
                vec![sum]
            } else {
                let mean = |sum: u64, n: usize| {
                    i64::try_from(mean_tenths(sum * 10, n)).unwrap_or(i64::MAX)
                };
                let d = mean(*b, after.answered) - mean(*a, before.answered);
                vec![
                    format!("{sum} в сумме"),
                    format!("в среднем на организацию {}", signed_tenths(d)),
                ]
            }
        }
        // «строк 0» would read as no rows: a list's unchanged figure is ±0.
        // Its columns compare where both years have them.
        (
            Aggregate::List {
                rows: a, sums: x, ..
            },
            Aggregate::List {
                rows: b, sums: y, ..
            },
        ) => {
            let moved = |a: u64, b: u64| match signed(i128::from(b) - i128::from(a)) {
                zero if zero == "0" => "±0".to_owned(),
                d => d,
            };
            let mut parts = vec![format!("строк {}", moved(*a, *b))];
            if let (Rule::List { columns: was, .. }, Rule::List { columns: now, .. }) = rules {
                for (column, after) in now.iter().zip(y) {
                    let before = (was.iter().zip(x)).find(|(c, _)| c.key == column.key);
                    if let Some((_, before)) = before {
                        parts.push(format!(
                            "{}: {}",
                            lower_first(&column.label),
                            moved(*before, *after)
                        ));
                    }
                }
            }
            parts
        }
        _ => Vec::new(),
    }
}

/// Every indicator's municipal value (Σ shares, sums, means, rows) in both
/// periods, in this year's card order, then those the card no longer has,
/// with their last value: for a card without points, this is its dynamics.
/// Last year's value is told by last year's rule.
pub fn value_changes(years: &Years) -> Vec<ValueChange> {
    let removed = years.removed().map(|old| {
        let was = years.last_figure(old);
        ValueChange {
            code: old.code.clone(),
            text: old.text.clone(),
            before: years.last_value(old).unwrap_or_else(|| "—".to_owned()),
            after: "—".to_owned(),
            comparability: Comparability::Removed,
            change: Vec::new(),
            tenths: None,
            figures: (was.cloned(), None),
        }
    });
    years
        .new_card
        .indicators()
        .filter_map(|indicator| {
            let now = years.now(indicator)?;
            let (was, comparability) = years.pair(indicator);
            let old = years.old_card.by_key(indicator.key());
            // A sum, a mean or a pooled share over 24 schools beside one
            // over 25 moves by a school, not by the work: each says how
            // many it is over (a refused value left a mean «по всем
            // школам» over 24). «да — у 12 из 25» says it already.
            let pooled = |f: &IndicatorFigure| !matches!(f.value, Aggregate::Fact { .. });
            let apart = was.is_some_and(|w| pooled(w) && w.answered != now.answered);
            let over = |text: String, f: &IndicatorFigure| match apart {
                false => text,
                true => noted(&text, &format!("по {}", part_of_schools(f.answered))),
            };
            let before = match (was, old) {
                (Some(w), Some(old)) => over(describe_value(&old.rule, w), w),
                _ => "—".to_owned(),
            };
            let compared = (was.zip(old)).filter(|_| comparability.values_comparable());
            let change = compared.map_or_else(Vec::new, |(was, old)| {
                value_change(was, now, (&old.rule, &indicator.rule))
            });
            Some(ValueChange {
                code: indicator.code.clone(),
                text: indicator.text.clone(),
                before,
                after: over(describe_value(&indicator.rule, now), now),
                comparability,
                change,
                tenths: compared.and_then(|(was, _)| tenths_moved(was, now)),
                figures: (was.cloned(), Some(now.clone())),
            })
        })
        .chain(removed)
        .collect()
}

/// «24 школам», «21 школе»: after «по».
fn part_of_schools(n: usize) -> String {
    let n = n as u64;
    let one = n % 10 == 1 && n % 100 != 11;
    format!("{n} {}", if one { "школе" } else { "школам" })
}

/// How far a school's value must move to be named in the dynamics of a
/// card without points: the review's filter of changed answers starts at
/// the same 10 percentage points.
pub const SCHOOL_MOVE_POINTS: u32 = 10;

/// One school's answer to one indicator in both years, on a card without
/// points, where no total tells how the school moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolValueChange {
    pub name: String,
    pub code: String,
    pub before: String,
    pub after: String,
    /// The change of the two shown percentages, in tenths of a point.
    pub tenths: i64,
}

/// The schools of both years whose share, percentage or yes/no moved by
/// more than [`SCHOOL_MOVE_POINTS`] (exactly, as the review's filter
/// finds them), by their own answers, on the indicators the two versions
/// fill in alike: shares and percentages first, then the «да/нет» turned,
/// each largest moves first.
pub fn school_value_changes(
    archive: &Archive,
    years: &Years,
    before: &[SchoolResult],
    after: &[SchoolResult],
) -> Vec<SchoolValueChange> {
    // A school's answer to this year's `indicator`, in its own file's version.
    let answer = |r: &SchoolResult, indicator: &Indicator| {
        let entry = archive.entry(&r.submission_id)?;
        let code = &entry.card.counterpart(indicator)?.code;
        entry.opened.payload.answers.get(code)
    };
    // Only answers each year's municipal value counts: an answer with an
    // error, or one that does not apply to the school (by its profile or
    // by the check), moved nothing the section compares (the figures'
    // audit: «50,0 % → 120,0 %» of a share typed above its whole).
    let (counted_before, counted_after) = (
        in_values(archive, years.old_card, before),
        in_values(archive, years.new_card, after),
    );
    let old_places: HashMap<&str, usize> = (years.old_card.indicators().enumerate())
        .map(|(i, indicator)| (indicator.code.as_str(), i))
        .collect();
    // This year's indicators the two versions fill in alike, each with its
    // place in each version.
    let compared: Vec<(&Indicator, usize, usize)> = (years.new_card.indicators().enumerate())
        .filter(|(_, i)| comparability(years.old_card, years.new_card, i).values_comparable())
        .filter_map(|(place, i)| {
            let old = years.old_card.counterpart(i)?;
            Some((i, old_places[old.code.as_str()], place))
        })
        .collect();
    let mut changes = Vec::new();
    for (was, now) in pair_schools(&archive.roster, before, after).into_iter() {
        for &(indicator, old_place, place) in &compared {
            if !counted_before.contains(&(was.submission_id.as_str(), old_place))
                || !counted_after.contains(&(now.submission_id.as_str(), place))
            {
                continue;
            }
            let (Some(a0), Some(a1)) = (answer(was, indicator), answer(now, indicator)) else {
                continue;
            };
            let (Some(s0), Some(s1)) = (as_share(a0), as_share(a1)) else {
                continue;
            };
            let old_code = years.old_card.counterpart(indicator).map(|i| &i.code);
            let unconfirmed = |r: &SchoolResult, code: Option<&String>| {
                (code.and_then(|code| r.score.indicator(code)))
                    .is_some_and(|c| c.unconfirmed_value())
            };
            let (u0, u1) = (
                unconfirmed(was, old_code),
                unconfirmed(now, Some(&indicator.code)),
            );
            // Moved as the municipal value counts it: a «да» the check did
            // not confirm as «нет» (a walk-through's refused «да» read «нет →
            // да +100,0 п. п.» while the municipal value counted it «нет»);
            // a figure it did not confirm is out of the value, so not here.
            let counted = |share: (u64, u64), unconfirmed: bool| match unconfirmed {
                true => (0, 1),
                false => share,
            };
            let (c0, c1) = (counted(s0, u0), counted(s1, u1));
            if !moved_more_than(c0, c1, SCHOOL_MOVE_POINTS) {
                continue;
            }
            let shown = |(part, whole): (u64, u64)| percent_tenths(part, whole).unwrap_or(0);
            let (t0, t1) = (shown(c0), shown(c1));
            // The school's own answer, as the review's list has it; a value
            // the check did not confirm is said so, as in the values table
            // (a walk-through read «100,0 % … +81,6» in the report beside a
            // municipal value that had left it out).
            let said = |answer, share, unconfirmed| {
                let value = shown_value(answer, share);
                match unconfirmed {
                    true => format!("{value} (не подтверждено проверкой, учтено как «нет»)"),
                    false => value,
                }
            };
            let yes_no = matches!(indicator.rule, Rule::Fact { .. });
            changes.push((
                yes_no,
                SchoolValueChange {
                    name: now.name().to_owned(),
                    code: indicator.code.clone(),
                    before: said(a0, s0, u0),
                    after: said(a1, s1, u1),
                    tenths: t1 as i64 - t0 as i64,
                },
            ));
        }
    }
    // A «да/нет» turned is ±100 points: first among the others, it buried
    // the shares and percentages that moved (a walk-through's 39 rows of
    // «да → нет» before the first survey's −41,7). Those come first.
    changes.sort_by(|(yes_no_a, a), (yes_no_b, b)| {
        (yes_no_a.cmp(yes_no_b))
            .then_with(|| b.tenths.abs().cmp(&a.tenths.abs()))
            .then_with(|| by_name(&a.name, &b.name))
            .then_with(|| a.code.cmp(&b.code))
    });
    changes.into_iter().map(|(_, change)| change).collect()
}

/// «81,8 % (279 из 341)», «74,5 %» or «да», as [`as_share`] read it:
/// two numbers, a percentage typed (tenths of 1 000), a yes or no (of 1).
fn shown_value(answer: &RawAnswer, (part, whole): (u64, u64)) -> String {
    if this_year(answer).is_some() {
        format!(
            "{} ({} из {})",
            percent(part, whole),
            group_digits(part),
            group_digits(whole)
        )
    } else if whole == 1 {
        if part == 1 { "да" } else { "нет" }.to_owned()
    } else {
        tenths_percent(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::results;
    use crate::department::review::Decision;
    use crate::testkit;

    /// A sum over three schools last year and two this year: each side
    /// says how many schools it is over; the same schools both years, no
    /// words are added.
    #[test]
    fn sums_over_different_schools_say_how_many() {
        let nev = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let school = |name: &str, period: &str, contracts: &str| {
            let mut d = testkit::draft(name, period, &[]);
            if !contracts.is_empty() {
                d.answers.entry("2.1".into()).or_default().count = contracts.into();
            }
            d.answers.entry("1.2".into()).or_default().count = "1".into();
            if !contracts.is_empty() {
                d.answers.entry("1.5".into()).or_default().percent = "80".into();
            }
            d
        };
        let drafts = [
            ("a1", school("А", "2024/2025", "4")),
            ("b1", school("Б", "2024/2025", "4")),
            ("c1", school("В", "2024/2025", "2")),
            ("a2", school("А", "2025/2026", "2")),
            ("b2", school("Б", "2025/2026", "3")),
            ("c2", school("В", "2025/2026", "")),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let archive = testkit::archive(&nev, &named);
        let two = testkit::TwoYears::of(&archive, &nev);
        let changes = value_changes(&two.years(&nev));
        let of = |code: &str| changes.iter().find(|c| c.code == code).unwrap();
        assert_eq!(
            (of("2.1").before.as_str(), of("2.1").after.as_str()),
            (
                "в сумме 10, в среднем 3,3 на организацию (по 3 школам)",
                "в сумме 5, в среднем 2,5 на организацию (по 2 школам)"
            )
        );
        assert_eq!(
            (of("1.2").before.as_str(), of("1.2").after.as_str()),
            (
                "в сумме 3, в среднем 1,0 на организацию",
                "в сумме 3, в среднем 1,0 на организацию"
            )
        );
        // A mean over another number of schools says so too, inside its
        // own brackets; all three alike at 80 % have no range to give.
        let (before, after) = (of("1.5").before.as_str(), of("1.5").after.as_str());
        assert_eq!(before, "в среднем 80,0\u{A0}% (по 3 школам)");
        assert_eq!(after, "в среднем 80,0\u{A0}% (по 2 школам)");
        assert_eq!(part_of_schools(21), "21 школе");
        assert_eq!(part_of_schools(11), "11 школам");
    }

    /// Three schools of seed 004 over two years, by hand: 1.1 «да» 3 of 3
    /// → 2 of 3 (−33,3 п. п.); 1.5 typed 80,0 ×3 → 70, 60, 80, a mean of
    /// 80,0 → 70,0 (−10,0 п. п., just notable); 2.1 contracts 4 + 4 + 2
    /// = 10 → 2 + 3 + 2 = 7, a mean of 3,33 → 2,33, «3,3 → 2,3» (−30 %);
    /// 1.2 1 + 1 + 1 both years, and 2.2 6 + 6 + 6 → 6 + 6 + 5, a mean
    /// of 6,0 → 5,7 (−5 %): not notable.
    #[test]
    fn fallen_names_the_notable_falls_of_a_card_without_points() {
        let nev = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let school = |name: &str, period: &str, yes: bool, counts: [&str; 3], typed: &str| {
            let mut d = testkit::draft(name, period, &[]);
            d.answers.insert("1.1".into(), testkit::fact(yes));
            for (code, n) in ["1.2", "2.1", "2.2"].into_iter().zip(counts) {
                d.answers.entry(code.into()).or_default().count = n.into();
            }
            d.answers.entry("1.5".into()).or_default().percent = typed.into();
            d
        };
        let drafts = [
            (
                "a1",
                school("А", "2024/2025", true, ["1", "4", "6"], "80,0"),
            ),
            (
                "b1",
                school("Б", "2024/2025", true, ["1", "4", "6"], "80,0"),
            ),
            (
                "c1",
                school("В", "2024/2025", true, ["1", "2", "6"], "80,0"),
            ),
            (
                "a2",
                school("А", "2025/2026", true, ["1", "2", "6"], "70,0"),
            ),
            (
                "b2",
                school("Б", "2025/2026", true, ["1", "3", "6"], "60,0"),
            ),
            (
                "c2",
                school("В", "2025/2026", false, ["1", "2", "5"], "80,0"),
            ),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let archive = testkit::archive(&nev, &named);
        let two = testkit::TwoYears::of(&archive, &nev);
        let said = |code: &str, how: &str| (code.to_owned(), how.to_owned());
        assert_eq!(
            fallen(&two.years(&nev)),
            [
                said("1.1", "−33,3\u{A0}п.\u{A0}п."),
                said("1.5", "−10,0\u{A0}п.\u{A0}п."),
                said("2.1", "в среднем 3,3 → 2,3 на организацию"),
            ]
        );
    }

    /// How `code`'s municipal value moved, as «Динамика» says it.
    fn moved(changes: &[ValueChange], code: &str) -> Option<String> {
        changes
            .iter()
            .find(|c| c.code == code)
            .and_then(ValueChange::change_text)
    }

    /// Runs `check` on the two years of `archive`: `old` for 2024/2025,
    /// `new` for 2025/2026, each year's figures by its own version.
    /// Beside counts, and in verdicts, the exact change rounded once;
    /// beside two percentages, their difference as shown.
    #[test]
    fn a_change_is_rounded_once_or_read_from_the_shares_shown() {
        assert_eq!(delta_tenths((1, 3), (2, 3)), 333);
        assert_eq!(shown_delta_tenths((1, 3), (2, 3)), 334, "66,7 − 33,3");
        // 57,8 % → 65,8 %: the exact 8,06 is 8,1; the page shows 8,0.
        assert_eq!(delta_tenths((5775, 10000), (6581, 10000)), 81);
        assert_eq!(shown_delta_tenths((5775, 10000), (6581, 10000)), 80);
        assert_eq!(
            shown_delta_tenths((0, 0), (1, 4)),
            250,
            "an empty whole is 0 %"
        );
        // «да — у 8 из 15 (53,3 %)» → «у 10 из 15 (66,7 %)»: counts stand
        // beside it, so +13,3 as the schools meeting it show, not 13,4
        // (a walk-through read the two as two changes).
        let yes = |n: usize| IndicatorFigure {
            code: "5.2".into(),
            earned: n,
            partly: 0,
            applicable: 15,
            answered: 15,
            value: Aggregate::Fact { yes: n },
        };
        assert_eq!(tenths_moved(&yes(8), &yes(10)), Some(133));
        let fact = Rule::Fact {
            question: String::new(),
        };
        assert_eq!(
            value_change(&yes(8), &yes(10), (&fact, &fact)),
            ["+13,3\u{A0}п.\u{A0}п."]
        );
    }

    #[test]
    fn changes_between_two_years() {
        let archive = testkit::two_years(&testkit::card());
        assert_eq!(archive.periods(DEFAULT_CARD), ["2024/2025", "2025/2026"]);
        let before = results(&archive, DEFAULT_CARD, "2024/2025");
        let after = results(&archive, DEFAULT_CARD, "2025/2026");
        let card = testkit::card();
        let changes = school_changes(&archive, &card, &card, &before, &after);
        assert!(changes.iter().all(|c| c.across.is_none()), "one version");
        let rows: Vec<_> = changes
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.before.0,
                    c.after.0,
                    delta_text(c.delta_tenths()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Школа А", 1, 3, "+8,7\u{A0}п.\u{A0}п.".to_owned()),
                // 2 and 1 of 23: 8,7 % → 4,3 %, as the table shows them.
                ("Школа Б", 2, 1, "−4,4\u{A0}п.\u{A0}п.".to_owned()),
            ]
        );
        let (f, comparable) = testkit::with_years(&archive, &card, &card, |years| {
            (indicator_changes(years), years.comparable())
        });
        let c21 = f.iter().find(|c| c.code == "2.1").unwrap();
        assert_eq!((c21.before, c21.after), (Some((1, 2)), (3, 3)));
        assert_eq!(c21.delta_tenths(), Some(500));
        assert_eq!(comparable, (23, 23));
    }

    /// A department raised 1.1's threshold from 30 % to 50 % in version 2:
    /// 1.1 is «методика изменилась», never a change; the other indicators
    /// compare; last year re-scored under version 2 loses 1.1's point.
    #[test]
    fn two_versions_compare_what_is_comparable_and_rescore_the_rest() {
        let v1 = testkit::card();
        let v2 = testkit::first_threshold_at_50(&v1);
        let school = |period: &str, n: &str| {
            let mut d = testkit::draft("Школа А", period, &["1.8"]);
            d.answers.insert("1.1".into(), testkit::share(n, "100"));
            d
        };
        let (old, new) = (school("2024/2025", "40"), school("2025/2026", "45"));
        let archive = testkit::archive_of(&[(&v1, "a1", &old), (&v2, "a2", &new)]);
        assert_eq!(archive.period_card(&v1.id, "2024/2025").unwrap().version, 1);
        assert_eq!(archive.period_card(&v1.id, "2025/2026").unwrap().version, 2);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        testkit::with_years(&archive, &v1, &v2, |years| {
            assert!(years.versions_differ());
            assert_eq!(years.comparable(), (22, 23));
            let changes = indicator_changes(years);
            let of = |code: &str| changes.iter().find(|c| c.code == code).unwrap();
            assert_eq!(of("1.1").delta_tenths(), None);
            assert_eq!(of("1.1").delta_label(), "методика изменилась");
            assert_eq!(of("1.8").delta_label(), "0,0\u{A0}п.\u{A0}п.");
            let values = value_changes(years);
            let v11 = values.iter().find(|v| v.code == "1.1").unwrap();
            assert_eq!(v11.comparability.short_label(), "методика изменилась");
            assert_eq!(v11.before, "40,0\u{A0}% (40 из 100)");
        });
        // Last year: 1.1 (40 % ≥ 30 %) and 1.8, 2 points; under version 2,
        // 40 % misses 50 %: 1 point.
        assert_eq!(before[0].score.total, 2);
        // This year 45 % misses 50 % too: no change by the new methodology,
        // where the scores as sent fell by one point.
        let change = &school_changes(&archive, &v1, &v2, &before, &after)[0];
        assert_eq!((change.before, change.after), ((2, 23), (1, 23)));
        let across = change.across.expect("the versions differ");
        assert_eq!((across.before, across.after), ((1, 23), (1, 23)));
        assert_eq!(change.delta_tenths(), 0);
    }

    /// A school that filled version 1 in a year shown on version 2: 12
    /// facts, 1.1 at 45 % and 4.1 at 30 %, 14 of 23 (60,9 %, medium) by its
    /// own rules; by version 2's, 1.1 misses 50 %: 13 of 23 (56,5 %, low)
    /// both years. The levels beside the change are those it is reckoned
    /// between, not a low year against a medium one.
    #[test]
    fn the_levels_beside_a_change_are_those_it_is_reckoned_between() {
        let v1 = testkit::card();
        let v2 = testkit::first_threshold_at_50(&v1);
        let facts = [
            "1.6", "1.8", "2.1", "2.2", "3.1", "3.2", "3.3", "4.3", "4.4", "5.1", "5.2", "6.1",
        ];
        let school = |period: &str| {
            let mut d = testkit::draft("Школа А", period, &facts);
            d.answers.insert("1.1".into(), testkit::share("45", "100"));
            d.answers.insert("4.1".into(), testkit::share("30", "100"));
            d
        };
        let other = testkit::draft("Школа Б", "2025/2026", &[]);
        let archive = testkit::archive_of(&[
            (&v1, "a1", &school("2024/2025")),
            (&v1, "a2", &school("2025/2026")),
            (&v2, "b2", &other),
        ]);
        assert_eq!(archive.period_card(&v1.id, "2025/2026").unwrap().version, 2);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let changes = school_changes(&archive, &v1, &v2, &before, &after);
        let change = changes.iter().find(|c| c.name == "Школа А").unwrap();
        assert_eq!(
            (change.after, change.level_after),
            ((14, 23), Some(Level::Medium))
        );
        let across = change.across.expect("this year's file is of version 1");
        assert_eq!((across.before, across.after), ((13, 23), (13, 23)));
        assert_eq!(
            change.levels_compared(),
            (Some(Level::Low), Some(Level::Low))
        );
        // The report names it low both years, as the table shows it, and
        // says what its own files gave.
        assert_eq!(
            crate::department::report::still_low(&changes),
            vec![
                "Школа А (по правилам карты этого года; по версии своих файлов эффективность — \
                 средняя и средняя)"
                    .to_owned()
            ]
        );
    }

    /// Last year's check stands when last year is scored by the new version:
    /// 1.8's refused point stays refused, 2.1 ruled not applicable leaves
    /// the maximum, 3.1's confirmation changes nothing.
    #[test]
    fn last_years_check_goes_with_its_answers() {
        let v1 = testkit::card();
        let mut v2 = v1.clone();
        v2.version = 2;
        let school = |period: &str| testkit::draft("Школа А", period, &["1.8", "2.1", "3.1"]);
        let mut archive = testkit::archive_of(&[
            (&v1, "a1", &school("2024/2025")),
            (&v2, "a2", &school("2025/2026")),
        ]);
        archive.set_decision("a1", "1.8", Some(Decision::NoPoint));
        archive.set_decision("a1", "2.1", Some(Decision::NotApplicable));
        archive.set_decision("a1", "3.1", Some(Decision::Confirm));
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let change = &school_changes(&archive, &v1, &v2, &before, &after)[0];
        assert_eq!((change.before, change.after), ((1, 22), (3, 23)));
        let across = change.across.expect("the versions differ");
        assert_eq!(across.before, (1, 22), "as confirmed last year");
        assert_eq!(
            change.basis(),
            "в прошлом году результат изменён проверкой отдела, этот год не проверен"
        );
    }

    /// Ленинск-Кузнецкий's 5.2, a growth target, given with last year's
    /// figures in 2024/2025 (2 of 4 against 1 of 4: met, 1 of 1) and
    /// without them in 2025/2026 (3 of 4: out of the maximum): the maximum
    /// falls by its 1 point, 0 of 1 → 0 of 0 on it, and the row says why;
    /// the sheet and the report's sentence say it too.
    #[test]
    fn a_maximum_made_smaller_by_missing_figures_is_said_beside_the_change() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let school = |period: &str, n: &str, prev: Option<(&str, &str)>| {
            let mut d = testkit::draft("СОШ № 2", period, &[]);
            let mut a = testkit::share(n, "4");
            if let Some((pn, pd)) = prev {
                (a.prev_numerator, a.prev_denominator) = (pn.into(), pd.into());
            }
            d.answers.insert("5.2".into(), a);
            d
        };
        let archive = testkit::archive(
            &lk,
            &[
                ("a1", &school("2024/2025", "2", Some(("1", "4")))),
                ("a2", &school("2025/2026", "3", None)),
            ],
        );
        let before = results(&archive, &lk.id, "2024/2025");
        let after = results(&archive, &lk.id, "2025/2026");
        let changes = school_changes(&archive, &lk, &lk, &before, &after);
        let c = &changes[0];
        assert_eq!(c.before.1 - c.after.1, 1, "{c:?}");
        assert_eq!((c.before.0, c.after.0), (1, 0), "{c:?}");
        assert_eq!(
            c.notes(),
            ["вне максимума, нет данных предыдущего года: в этом году 5.2"]
        );
        let sheet = crate::department::tables::school_changes_table(&changes, false, true);
        assert_eq!(
            sheet.rows[0].last(),
            Some(&crate::export::Cell::Text(
                "вне максимума, нет данных предыдущего года: в этом году 5.2".into()
            ))
        );
        // The other way round, last year is the one out.
        let archive = testkit::archive(
            &lk,
            &[
                ("a1", &school("2024/2025", "2", None)),
                ("a2", &school("2025/2026", "3", Some(("2", "4")))),
            ],
        );
        let before = results(&archive, &lk.id, "2024/2025");
        let after = results(&archive, &lk.id, "2025/2026");
        assert_eq!(
            school_changes(&archive, &lk, &lk, &before, &after)[0].notes(),
            ["вне максимума, нет данных предыдущего года: в прошлом году 5.2"]
        );
        // This year's version numbers 5.2 «5.3»: last year's is named by
        // this year's row (a review).
        let mut v2 = lk.clone();
        v2.version = 2;
        let moved = (v2.directions.iter_mut())
            .flat_map(|d| &mut d.criteria)
            .flat_map(|c| &mut c.indicators)
            .find(|i| i.code == "5.2")
            .unwrap();
        // Its identity is its old number, which version 2 keeps.
        moved.id = "5.2".into();
        moved.code = "5.3".into();
        v2.recount();
        let mut now = school("2025/2026", "3", None);
        now.answers = [("5.3".to_owned(), now.answers["5.2"].clone())].into();
        (now.answers.get_mut("5.3").unwrap().prev_numerator) = "2".into();
        (now.answers.get_mut("5.3").unwrap().prev_denominator) = "4".into();
        let archive = testkit::archive_of(&[
            (&lk, "a1", &school("2024/2025", "2", None)),
            (&v2, "a2", &now),
        ]);
        let before = results(&archive, &lk.id, "2024/2025");
        let after = results(&archive, &lk.id, "2025/2026");
        assert_eq!(
            school_changes(&archive, &lk, &v2, &before, &after)[0].notes(),
            ["вне максимума, нет данных предыдущего года: в прошлом году 5.3"]
        );
    }

    /// Across versions, a check of an indicator that is not compared (2.1,
    /// a fact become a count) does not mark the change; one of 1.8 does.
    #[test]
    fn across_versions_only_a_compared_indicators_check_marks_the_change() {
        let (v1, v2) = testkit::two_versions();
        let school = |period: &str| testkit::draft("Школа А", period, &["1.8", "2.1"]);
        let mut archive = testkit::archive_of(&[
            (&v1, "a1", &school("2024/2025")),
            (&v2, "a2", &testkit::draft("Школа А", "2025/2026", &["1.9"])),
        ]);
        let basis = |archive: &Archive| {
            let before = results(archive, &v1.id, "2024/2025");
            let after = results(archive, &v1.id, "2025/2026");
            school_changes(archive, &v1, &v2, &before, &after)[0].basis()
        };
        archive.set_decision("a1", "2.1", Some(Decision::NoPoint));
        assert_eq!(basis(&archive), "", "2.1 is not compared");
        archive.set_decision("a1", "1.8", Some(Decision::NoPoint));
        assert_eq!(
            basis(&archive),
            "в прошлом году результат изменён проверкой отдела, этот год не проверен"
        );
    }

    /// Version 2 renumbers 1.8 as 1.9 (its identity kept), and this school
    /// sent both years on version 1: both are scored on version 2, where
    /// its 1.8 is 1.9, and nothing is lost to the new number.
    #[test]
    fn a_school_still_on_the_older_version_is_compared_by_identity() {
        let mut v1 = testkit::card();
        let eighteen = |i: &&mut Indicator| i.code == "1.8";
        v1.indicators_mut().find(eighteen).unwrap().id = "events".into();
        let mut v2 = v1.clone();
        v2.version = 2;
        v2.indicators_mut().find(eighteen).unwrap().code = "1.9".into();
        let old = testkit::draft("Школа А", "2024/2025", &["1.8"]);
        let new = testkit::draft("Школа А", "2025/2026", &["1.8", "2.1"]);
        let archive = testkit::archive_of(&[(&v1, "a1", &old), (&v1, "a2", &new)]);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let change = &school_changes(&archive, &v1, &v2, &before, &after)[0];
        assert_eq!((change.before, change.after), ((1, 23), (2, 23)));
        let across = change.across.expect("compared on version 2");
        assert_eq!((across.before, across.after), ((1, 23), (2, 23)));
        // 4,3 % → 8,7 % as shown (the exact difference is 4,35).
        assert_eq!(change.delta_tenths(), 44);
    }

    /// Last year mixed the versions of [`testkit::two_versions`], so its
    /// results speak version 2; this year has only version 1 files so far.
    /// School А answered alike both years on version 1: no change, though
    /// last year's result was seen under version 2's numbers.
    #[test]
    fn a_result_seen_on_another_version_is_compared_by_its_file() {
        let (v1, v2) = testkit::two_versions();
        let a = |period: &str| testkit::draft("Школа А", period, &["1.8"]);
        let archive = testkit::archive_of(&[
            (&v1, "a1", &a("2024/2025")),
            (&v2, "b1", &testkit::draft("Школа Б", "2024/2025", &[])),
            (&v1, "a2", &a("2025/2026")),
        ]);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let changes = school_changes(&archive, &v2, &v1, &before, &after);
        let change = changes.iter().find(|c| c.name == "Школа А").unwrap();
        let across = change.across.expect("the years' versions differ");
        assert_eq!(across.before, across.after);
        assert_eq!(change.delta_tenths(), 0);
    }

    /// Last year mixed the versions of [`testkit::two_versions`], so it is
    /// seen on version 2. School А sent version 1 then, where 2.1 is a fact
    /// (version 2 asks it as a count), and version 2 now: 2.1 was not asked
    /// of it last year, so it counts in neither year, and answering it now
    /// is no rise. Its refused 1.8 (1.9 on version 2) marks last year.
    #[test]
    fn what_a_schools_older_file_did_not_ask_counts_in_neither_year() {
        let (v1, v2) = testkit::two_versions();
        let mut now = testkit::draft("Школа А", "2025/2026", &["1.9"]);
        now.answers.entry("2.1".into()).or_default().count = "3".into();
        let mut archive = testkit::archive_of(&[
            (
                &v1,
                "a1",
                &testkit::draft("Школа А", "2024/2025", &["1.8", "2.1"]),
            ),
            (&v2, "b1", &testkit::draft("Школа Б", "2024/2025", &[])),
            (&v2, "a2", &now),
        ]);
        let change = |archive: &Archive| {
            let before = results(archive, &v1.id, "2024/2025");
            let after = results(archive, &v1.id, "2025/2026");
            let changes = school_changes(archive, &v2, &v2, &before, &after);
            changes.into_iter().find(|c| c.name == "Школа А").unwrap()
        };
        let a = change(&archive);
        let across = a.across.expect("А's files are of two versions");
        // 1.8 (1.9) both years, 2.1 in neither: 1 of 22 each.
        assert_eq!((across.before, across.after), ((1, 22), (1, 22)));
        assert_eq!(a.delta_tenths(), 0);
        assert_eq!(a.basis(), "");
        // Nor does a check of 2.1 this year mark the change.
        archive.set_decision("a2", "2.1", Some(Decision::NoPoint));
        assert_eq!(change(&archive).basis(), "", "2.1 is in neither year");
        archive.set_decision("a1", "1.8", Some(Decision::NoPoint));
        assert_eq!(
            change(&archive).basis(),
            "в прошлом году результат изменён проверкой отдела, этот год не проверен"
        );
    }

    /// An indicator that applied to no school last year has no share to
    /// change from: «0 из 0 → 4 из 10» shows no change, not +40 points.
    #[test]
    fn no_change_from_a_year_where_the_indicator_applied_to_no_one() {
        let change = |before, after| IndicatorChange {
            code: "1.1".into(),
            before,
            after,
            comparability: Comparability::Same { reworded: false },
        };
        assert_eq!(change(Some((0, 0)), (4, 10)).delta_tenths(), None);
        assert_eq!(change(Some((0, 0)), (4, 10)).delta_label(), "—");
        assert_eq!(change(Some((2, 5)), (0, 0)).delta_tenths(), None);
        assert_eq!(change(Some((0, 5)), (4, 10)).delta_tenths(), Some(400));
    }

    /// Version 2 adds an indicator (3.4, a fact) that last year's card did
    /// not ask and makes 1.8 a count: neither has a last year, so neither
    /// counts on either side of the comparison.
    #[test]
    fn a_new_question_is_not_a_rise() {
        let v1 = testkit::card();
        let mut v2 = v1.clone();
        v2.version = 2;
        let mut added = v2.indicator("2.1").unwrap().clone();
        added.code = "3.4".into();
        v2.directions
            .iter_mut()
            .flat_map(|d| &mut d.criteria)
            .find(|c| c.indicators.iter().any(|i| i.code == "3.1"))
            .unwrap()
            .indicators
            .push(added);
        let recounted = v2
            .directions
            .iter_mut()
            .flat_map(|d| &mut d.criteria)
            .flat_map(|c| &mut c.indicators)
            .find(|i| i.code == "1.8")
            .unwrap();
        recounted.rule = crate::card::Rule::Count {
            min: Some(1),
            label: "Число мероприятий".into(),
        };
        v2.recount();
        let school = |period: &str, facts: &[&str]| {
            let mut d = testkit::draft("Школа А", period, facts);
            d.answers.entry("1.8".into()).or_default().count = "3".into();
            d
        };
        let old = school("2024/2025", &["2.1", "3.1"]);
        let new = school("2025/2026", &["2.1", "3.1", "3.4"]);
        let archive = testkit::archive_of(&[(&v1, "a1", &old), (&v2, "a2", &new)]);
        let before = results(&archive, &v1.id, "2024/2025");
        let after = results(&archive, &v1.id, "2025/2026");
        let change = &school_changes(&archive, &v1, &v2, &before, &after)[0];
        // As sent: 2 of 23 (1.8 was a fact, not answered), then 4 of 24
        // (2.1, 3.1, 3.4 and 1.8's count).
        assert_eq!((change.before, change.after), ((2, 23), (4, 24)));
        // Both years without 3.4 and 1.8: 2 of 22 each, no change.
        let across = change.across.expect("the versions differ");
        assert_eq!((across.before, across.after), ((2, 22), (2, 22)));
        assert_eq!(change.delta_tenths(), 0);
        assert_eq!(change.levels_compared(), (v2.level(2, 22), v2.level(2, 22)));
        // The municipal values say which indicator is new, which changed.
        let values = testkit::with_years(&archive, &v1, &v2, value_changes);
        let label = |code: &str| {
            let value = values.iter().find(|v| v.code == code).unwrap();
            value.comparability.short_label()
        };
        assert_eq!(label("3.4"), "новый показатель");
        assert_eq!(label("1.8"), "методика изменилась");
        assert_eq!(label("2.1"), "—");
        let method = |code: &str| {
            let value = values.iter().find(|v| v.code == code).unwrap();
            value.comparability.method_label()
        };
        assert_eq!(
            ["3.4", "1.8", "2.1"].map(method),
            ["новый показатель", "изменилась", "не менялась"]
        );
    }

    /// Seed 004 gives no points: its dynamics are the municipal values.
    #[test]
    fn a_card_without_points_compares_values() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let school = |name: &str, period: &str, fact: bool, count: &str| {
            let mut d = testkit::draft(name, period, &[]);
            d.answers.entry("1.1".into()).or_default().fact = Some(fact);
            d.answers.entry("1.2".into()).or_default().count = count.into();
            d
        };
        let archive = testkit::archive(
            &nv,
            &[
                ("a1", &school("А", "2024/2025", false, "3")),
                ("a2", &school("А", "2025/2026", true, "5")),
                ("b1", &school("Б", "2024/2025", true, "4")),
                ("b2", &school("Б", "2025/2026", true, "1 200")),
            ],
        );
        let changes = testkit::with_years(&archive, &nv, &nv, |years| {
            assert!(indicator_changes(years).is_empty(), "nothing earns points");
            value_changes(years)
        });
        let of = |code: &str| {
            let c = changes.iter().find(|c| c.code == code).unwrap();
            (c.before.as_str(), c.after.as_str())
        };
        assert_eq!(
            of("1.1"),
            (
                "да — у 1 из 2 (50,0\u{A0}%)",
                "да — у 2 из 2 (100,0\u{A0}%)"
            )
        );
        // 7 / 2 = 3,5; 1 205 / 2 = 602,5.
        assert_eq!(
            of("1.2"),
            (
                "в сумме 7, в среднем 3,5 на организацию",
                "в сумме 1\u{202F}205, в среднем 602,5 на организацию"
            )
        );
        assert_eq!(of("1.4"), ("нет данных", "нет данных"));
        // How each moved: «да» from 1 of 2 to 2 of 2 schools, the sum by
        // 1 198; no change where a year has no data.
        assert_eq!(
            moved(&changes, "1.1").as_deref(),
            Some("+50,0\u{A0}п.\u{A0}п.")
        );
        assert_eq!(moved(&changes, "1.2").as_deref(), Some("+1\u{202F}198"));
        assert_eq!(moved(&changes, "1.4").as_deref(), None);
    }

    /// A new target (or other points) changes who earns an indicator, not
    /// what the schools report: the municipal value is still compared,
    /// and the method column says what changed.
    #[test]
    fn a_new_target_keeps_the_value_compared() {
        let (v1, v2) = testkit::raised_threshold(40);
        let school = |period: &str, n: &str| {
            let mut d = testkit::draft("Школа А", period, &[]);
            d.answers.insert("1.1".into(), testkit::share(n, "100"));
            d
        };
        let archive = testkit::archive_of(&[
            (&v1, "a1", &school("2024/2025", "30")),
            (&v2, "a2", &school("2025/2026", "35")),
        ]);
        let values = testkit::with_years(&archive, &v1, &v2, value_changes);
        let of = values.iter().find(|v| v.code == "1.1").unwrap();
        assert!(
            !of.comparability.is_comparable(),
            "earning it is not compared"
        );
        assert_eq!(of.comparability.method_label(), "изменились цель или баллы");
        assert_eq!(of.change, ["+5,0\u{A0}п.\u{A0}п."]);
    }

    /// Version 2 leaves 2.2 out: its last value stays in the table of
    /// values, last of all, and the note on versions names it.
    #[test]
    fn an_indicator_left_out_keeps_its_last_value() {
        let v1 = testkit::card();
        let mut v2 = v1.clone();
        v2.version = 2;
        for criterion in v2.directions.iter_mut().flat_map(|d| &mut d.criteria) {
            criterion.indicators.retain(|i| i.code != "2.2");
        }
        v2.recount();
        let archive = testkit::archive_of(&[
            (&v1, "a1", &testkit::draft("Школа А", "2024/2025", &["2.2"])),
            (&v2, "a2", &testkit::draft("Школа А", "2025/2026", &[])),
        ]);
        testkit::with_years(&archive, &v1, &v2, |years| {
            let values = value_changes(years);
            let last = values.last().unwrap();
            assert_eq!(
                (
                    last.code.as_str(),
                    last.before.as_str(),
                    last.after.as_str()
                ),
                ("2.2", "да — у 1 из 1 (100,0\u{A0}%)", "—")
            );
            assert_eq!(last.text, v1.indicator("2.2").unwrap().text);
            assert_eq!(last.comparability.method_label(), "исключён из карты");
            assert!(last.change.is_empty());
            assert_eq!(values.len(), 23, "22 of version 2 and the one left out");
            // Who met it last year ends the table of who met each one.
            let met: Vec<_> = (years.removed_met().into_iter())
                .map(|(old, was)| (old.code.as_str(), was))
                .collect();
            assert_eq!(met, [("2.2", (1, 1))]);
            let note = crate::department::report::versions_note(years);
            assert!(
                note.contains(" Из карты исключён показатель 2.2 (в прошлом году: да — у 1 из 1 (100,0\u{A0}%))."),
                "{note}"
            );
        });
        // Its number taken by another indicator (a kind changed gives a new
        // one): said, beside the new 2.2.
        let mut v3 = v2.clone();
        v3.version = 3;
        let mut other = v1.indicator("2.2").unwrap().clone();
        other.id = "new-2-2".into();
        v3.directions[0].criteria[0].indicators.push(other);
        v3.recount();
        let archive = testkit::archive_of(&[
            (&v1, "a1", &testkit::draft("Школа А", "2024/2025", &["2.2"])),
            (&v3, "a3", &testkit::draft("Школа А", "2025/2026", &[])),
        ]);
        testkit::with_years(&archive, &v1, &v3, |years| {
            let note = crate::department::report::versions_note(years);
            assert!(
                note.contains(" Новый показатель: 2.2. Из карты исключён показатель 2.2 (в прошлом году: да — у 1 из 1 (100,0\u{A0}%); под этим номером теперь другой показатель)."),
                "{note}"
            );
        });
    }

    /// A count over two schools (3 and 3: 6, 3,0 a school), then over one
    /// (4): the sum fell by 2 while the school's count rose, and the change
    /// says both. Over the same schools the sums' change is enough.
    #[test]
    fn a_sum_over_fewer_schools_moves_by_its_mean_too() {
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let code = testkit::of_kind(&nv, "count").code.clone();
        let school = |name: &str, period: &str, count: &str| {
            let mut d = testkit::draft(name, period, &[]);
            d.answers.entry(code.clone()).or_default().count = count.into();
            d
        };
        let (a1, b1) = (school("А", "2024/2025", "3"), school("Б", "2024/2025", "3"));
        let (a2, b2) = (school("А", "2025/2026", "4"), school("Б", "2025/2026", "1"));
        let fewer = testkit::archive(&nv, &[("a1", &a1), ("b1", &b1), ("a2", &a2)]);
        let changes = testkit::with_years(&fewer, &nv, &nv, value_changes);
        assert_eq!(
            moved(&changes, &code).as_deref(),
            Some("−2 в сумме; в среднем на организацию +1,0")
        );
        let same = testkit::archive(&nv, &[("a1", &a1), ("b1", &b1), ("a2", &a2), ("b2", &b2)]);
        let changes = testkit::with_years(&same, &nv, &nv, value_changes);
        assert_eq!(moved(&changes, &code).as_deref(), Some("−1"));
    }

    /// Means of typed percentages move by points: 80,0 and 90,5 % (mean
    /// 85,25) then 70,0 % alone; lists by their rows and columns, and in a
    /// spreadsheet by their children (5 a row: 15 then 5), not their rows.
    #[test]
    fn a_mean_moves_by_points_and_a_list_by_rows() {
        use crate::export::Cell;
        let nv = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let code = |kind: &str| testkit::of_kind(&nv, kind).code.clone();
        let school = |name: &str, period: &str, percent: &str, rows: usize| {
            let mut d = testkit::draft(name, period, &[]);
            d.answers.entry(code("percent")).or_default().percent = percent.into();
            d.answers.entry(code("list")).or_default().rows = (0..rows)
                .map(|n| crate::school::draft::ListRow {
                    name: format!("Событие {n}"),
                    values: vec!["5".into(), "0".into(), "0".into()],
                })
                .collect();
            d
        };
        let archive = testkit::archive(
            &nv,
            &[
                ("a1", &school("А", "2024/2025", "80", 1)),
                ("b1", &school("Б", "2024/2025", "90,5", 2)),
                ("a2", &school("А", "2025/2026", "70", 1)),
            ],
        );
        let changes = testkit::with_years(&archive, &nv, &nv, value_changes);
        assert_eq!(
            moved(&changes, &code("percent")).as_deref(),
            Some("−15,3\u{A0}п.\u{A0}п.")
        );
        assert_eq!(
            moved(&changes, &code("list")).as_deref(),
            Some(
                "строк −2; общая численность детей, вовлеченных в мероприятие: −10; в том \
                 числе детей с ОВЗ и детей-инвалидов: ±0; из них победителей/призеров: ±0"
            )
        );
        let sheet = crate::department::tables::value_changes_table(
            &changes,
            crate::department::tables::Shares::Apart,
        );
        let at = changes.iter().position(|c| c.code == code("list")).unwrap();
        assert_eq!(sheet.headers[4], "Изменение, число (у процентов — п. п.)");
        assert_eq!(sheet.headers[6..], ["Было, число", "Стало, число"]);
        assert_eq!(sheet.rows[at][4], Cell::Int(-10));
        assert_eq!(sheet.rows[at][6..], [Cell::Int(15), Cell::Int(5)]);
        // 15 children over two schools, then 5 over one: 7,5 → 5,0 a school.
        let fell = testkit::with_years(&archive, &nv, &nv, fallen);
        assert!(
            fell.contains(&(
                code("list"),
                "общая численность детей, вовлеченных в мероприятие: в среднем 7,5 → 5,0 на \
                 организацию"
                    .to_owned()
            )),
            "{fell:?}"
        );
        // The change is that of the means as shown: 80,0 and 80,0 and 80,1
        // (80,03, shown 80,0), then 70,1 and 70,0 (70,05, shown 70,1):
        // −9,9 beside them, not the exact −9,98 rounded to −10,0.
        let archive = testkit::archive(
            &nv,
            &[
                ("a1", &school("А", "2024/2025", "80", 1)),
                ("b1", &school("Б", "2024/2025", "80", 1)),
                ("c1", &school("В", "2024/2025", "80,1", 1)),
                ("a2", &school("А", "2025/2026", "70,1", 1)),
                ("b2", &school("Б", "2025/2026", "70", 1)),
            ],
        );
        let changes = testkit::with_years(&archive, &nv, &nv, value_changes);
        let of = changes.iter().find(|c| c.code == code("percent")).unwrap();
        assert!(
            of.before.starts_with("в среднем 80,0\u{A0}%"),
            "{}",
            of.before
        );
        assert!(
            of.after.starts_with("в среднем 70,1\u{A0}%"),
            "{}",
            of.after
        );
        assert_eq!(of.change, ["−9,9\u{A0}п.\u{A0}п."]);
    }

    /// Izhevsk's share by school, by hand: А 279 of 341 (81,8 %) → 8 of
    /// 292 (2,7 %), −79,1; Б 30 → 35 of 100, +5, not named; В 10 → 20 of
    /// 100, exactly +10, not more, not named; Г only this year.
    #[test]
    fn a_card_without_points_names_each_school_that_moved() {
        let iz = crate::card::builtin("izhevsk").unwrap().unwrap();
        let code = "П-1.1";
        let school = |name: &str, period: &str, n: &str, d: &str| {
            let mut d1 = testkit::draft(name, period, &[]);
            d1.answers.insert(code.into(), testkit::share(n, d));
            d1
        };
        let drafts = [
            ("a1", school("Школа А", "2024/2025", "279", "341")),
            ("a2", school("Школа А", "2025/2026", "8", "292")),
            ("b1", school("Школа Б", "2024/2025", "30", "100")),
            ("b2", school("Школа Б", "2025/2026", "35", "100")),
            ("c1", school("Школа В", "2024/2025", "10", "100")),
            ("c2", school("Школа В", "2025/2026", "20", "100")),
            ("d2", school("Школа Г", "2025/2026", "0", "100")),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let archive = testkit::archive(&iz, &named);
        let two = testkit::TwoYears::of(&archive, &iz);
        let changes = school_value_changes(&archive, &two.years(&iz), &two.before, &two.after);
        assert_eq!(
            changes,
            [SchoolValueChange {
                name: "Школа А".into(),
                code: code.into(),
                before: "81,8\u{A0}% (279 из 341)".into(),
                after: "2,7\u{A0}% (8 из 292)".into(),
                tenths: -791,
            }]
        );
        // A figure the check did not confirm is out of the municipal
        // value: no move of it to name.
        let mut archive = archive;
        archive.set_decision("a2", code, Some(Decision::NoPoint));
        let two = testkit::TwoYears::of(&archive, &iz);
        let changes = school_value_changes(&archive, &two.years(&iz), &two.before, &two.after);
        assert_eq!(changes, []);
        // Nor an answer the municipal value leaves out otherwise: typed
        // above its whole (an error, «не учтено»), or on a school the
        // indicator does not apply to (П-1.1 is for ООО and СОО; Школа З
        // has only НОО this year). Both moved by more than 10 points.
        let mut only_noo = school("Школа З", "2025/2026", "90", "100");
        only_noo.profile.levels = vec![crate::school::profile::SchoolLevel::Noo];
        let drafts = [
            ("a1", school("Школа А", "2024/2025", "50", "100")),
            ("a2", school("Школа А", "2025/2026", "120", "100")),
            ("h1", school("Школа З", "2024/2025", "50", "100")),
            ("h2", only_noo),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let archive = testkit::archive(&iz, &named);
        let two = testkit::TwoYears::of(&archive, &iz);
        assert_eq!(two.years(&iz).after.indicators[0].answered, 0);
        let changes = school_value_changes(&archive, &two.years(&iz), &two.before, &two.after);
        assert_eq!(changes, []);
        // A «да» not confirmed counts as «нет», as in the municipal value:
        // Д's «нет → да» refused is no move; Е's refused «да» last year
        // and «да» now is «нет → да», said so.
        let nev = crate::card::builtin("nevinnomyssk").unwrap().unwrap();
        let fact = |name: &str, period: &str, yes: bool| {
            let facts: &[&str] = if yes { &["1.1"] } else { &[] };
            let mut d = testkit::draft(name, period, facts);
            if !yes {
                d.answers.insert("1.1".into(), testkit::fact(false));
            }
            d
        };
        let drafts = [
            ("d1", fact("Школа Д", "2024/2025", false)),
            ("d2", fact("Школа Д", "2025/2026", true)),
            ("e1", fact("Школа Е", "2024/2025", true)),
            ("e2", fact("Школа Е", "2025/2026", true)),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let mut archive = testkit::archive(&nev, &named);
        archive.set_decision("d2", "1.1", Some(Decision::NoPoint));
        archive.set_decision("e1", "1.1", Some(Decision::NoPoint));
        let two = testkit::TwoYears::of(&archive, &nev);
        let changes = school_value_changes(&archive, &two.years(&nev), &two.before, &two.after);
        assert_eq!(
            changes,
            [SchoolValueChange {
                name: "Школа Е".into(),
                code: "1.1".into(),
                before: "да (не подтверждено проверкой, учтено как «нет»)".into(),
                after: "да".into(),
                tenths: 1000,
            }]
        );
        // A survey's percentage that fell comes before a «да/нет» turned,
        // though the turn is the larger move.
        let both = |period: &str, yes: bool, percent: &str| {
            let mut d = fact("Школа Ж", period, yes);
            d.answers.entry("1.5".into()).or_default().percent = percent.into();
            d
        };
        let drafts = [
            ("g1", both("2024/2025", false, "80")),
            ("g2", both("2025/2026", true, "40")),
        ];
        let named: Vec<(&str, _)> = drafts.iter().map(|(id, d)| (*id, d)).collect();
        let archive = testkit::archive(&nev, &named);
        let two = testkit::TwoYears::of(&archive, &nev);
        let changes = school_value_changes(&archive, &two.years(&nev), &two.before, &two.after);
        let order: Vec<(&str, i64)> = changes
            .iter()
            .map(|c| (c.code.as_str(), c.tenths))
            .collect();
        assert_eq!(order, [("1.5", -400), ("1.1", 1000)]);
        // The headings name the same move.
        let move_said = format!("на {SCHOOL_MOVE_POINTS} п. п.");
        assert!(crate::department::report::SCHOOL_VALUES_HEADING.ends_with(&move_said));
        assert!(crate::department::report::NO_SCHOOL_VALUES_MOVED.ends_with(&move_said));
    }
}
