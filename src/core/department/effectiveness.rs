//! Did the measures help? (seed 003 §3.7, seed 002 §7: «анализ
//! эффективности принятых мер»). Each measure's targeted indicators are
//! compared between the year it followed and the next, in the schools it
//! addressed and in the others: a difference of differences, so that a
//! trend every school shares is not credited to the measure. Only schools
//! present in both years count; an indicator whose rule changed between
//! the years is left out as «методика изменилась», one the new card no
//! longer has as «исключён из карты».

use crate::card::versions::comparability;
use crate::card::{Basis, Card, Indicator};
use crate::department::archive::Archive;
use crate::department::dynamics::{delta_difference_tenths, delta_tenths, delta_text};
use crate::department::measures::{Audience, Measure};
use crate::department::results::SchoolResult;
use crate::department::review::ReviewStatus;
use crate::department::school::pair_schools;
use crate::school::plan::{Progress, Standing};
use crate::text::{by_name, percent};

mod doubt;
pub use doubt::Doubt;

/// Fewer schools than this on either side give no verdict.
pub const MIN_SCHOOLS: usize = 3;
/// Groups whose starting shares differ by this much (in tenths of a
/// point, 25 п. п.) or more are said to have started apart
/// ([`IndicatorEffect::caveat`]): more than one school of five.
pub const START_GAP_TENTHS: i64 = 250;
/// A difference of differences this large (in tenths of a point, 10 п. п.)
/// or larger is a difference; one school of ten moving is exactly that.
pub const NOTABLE_TENTHS: i64 = 100;

/// The two years and the two versions of the card they were filled in.
#[derive(Clone, Copy)]
pub struct Span<'a> {
    pub archive: &'a Archive,
    pub old_card: &'a Card,
    pub before: &'a [SchoolResult],
    pub new_card: &'a Card,
    pub after: &'a [SchoolResult],
}

/// One indicator in one group of schools over the two years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Group {
    /// Schools present in both years where the indicator applies in both.
    pub schools: usize,
    /// Of them, meeting the indicator: (before, after).
    pub meeting: (usize, usize),
    /// Σ numerators / Σ denominators before and after, for a share; for
    /// an indicator without points, its pooled value's sums
    /// ([`Outcome::pooled`](crate::scoring::Outcome::pooled)).
    pub sums: Option<((u64, u64), (u64, u64))>,
    /// Of the schools, those with a value in the sums both years.
    pub with_shares: usize,
    /// Of the schools, those whose standing the department's check changed
    /// in one year while the other year is not checked: their change is
    /// partly the check's doing.
    pub by_check: usize,
    /// By a pooled value: the difference (addressed minus others) with
    /// any one of this group's schools left out, lowest and highest, in
    /// tenths of a point. A pooled value has no school crossing a target
    /// to count, so this is how a verdict is seen to hang on one school.
    pub without_one: Option<(i64, i64)>,
    /// Of the schools, those another measure of the year on the same
    /// indicator addressed (one not for every school): the groups then
    /// differ by more than this measure, and the others are no clean
    /// comparison (a walk-through's two measures on one indicator each
    /// counted the other's schools among «остальные»).
    pub elsewhere: usize,
}

/// One school's share (numerator, denominator) before and after.
type Shares = ((u64, u64), (u64, u64));

/// The difference of `group` against `other` (addressed minus others;
/// `others`: `group` is the others) with each one of `schools` left out,
/// lowest and highest; `None` when none can be.
fn without_one(
    group: &Group,
    other: &Group,
    schools: &[Shares],
    others: bool,
) -> Option<(i64, i64)> {
    let (((b, bd), (a, ad)), theirs) = (group.sums?, other.sums?);
    (schools.iter())
        .filter_map(|((sb, sbd), (sa, sad))| {
            let rest = ((b - sb, bd - sbd), (a - sa, ad - sad));
            if rest.0 .1 == 0 || rest.1 .1 == 0 {
                return None;
            }
            Some(match others {
                false => delta_difference_tenths(rest, theirs),
                true => delta_difference_tenths(theirs, rest),
            })
        })
        .fold(None, |range, d| match range {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        })
}

impl Group {
    /// The change of the share of schools meeting it, in tenths of a point.
    pub fn change(&self) -> i64 {
        let (before, after) = self.shares();
        delta_tenths(before, after)
    }

    /// The shares of schools meeting it: (before, after), each (part, whole).
    fn shares(&self) -> ((u64, u64), (u64, u64)) {
        let n = self.schools as u64;
        ((self.meeting.0 as u64, n), (self.meeting.1 as u64, n))
    }

    /// This group's change minus `other`'s, rounded once.
    fn minus(&self, other: &Group) -> i64 {
        delta_difference_tenths(self.shares(), other.shares())
    }

    /// The change of the pooled value (the pupils' share Σ/Σ, the share
    /// of «да», the mean) minus `other`'s, rounded once; `None` where a
    /// group has no value in both years.
    fn share_minus(&self, other: &Group) -> Option<i64> {
        let (Some(a), Some(o)) = (self.sums, other.sums) else {
            return None;
        };
        Some(delta_difference_tenths(a, o))
    }

    /// «общая доля 20,0 % → 35,0 % (+15,0 п. п.)», ««да» у 1 из 4 → у 3 из 4
    /// (+50,0 п. п.)», «в среднем 55,0 % → 60,0 % (+5,0 п. п.)»: an
    /// indicator without points, which no school meets, moves by its
    /// pooled value alone (`basis`). The change is the exact one, rounded
    /// once, as the difference beside it is: the two groups' changes then
    /// subtract to it by hand.
    pub fn describe_pooled(&self, basis: Basis) -> String {
        let Some(((a, b), (c, d))) = self.sums else {
            return format!("нет школ {}", basis.counted());
        };
        let change = delta_text(delta_tenths((a, b), (c, d)));
        match basis {
            Basis::Yes => format!("«да» у {a} из {b} → у {c} из {d} ({change})"),
            Basis::Mean => format!("в среднем {} → {} ({change})", percent(a, b), percent(c, d)),
            Basis::Met | Basis::Pupils => {
                format!(
                    "общая доля {} → {} ({change})",
                    percent(a, b),
                    percent(c, d)
                )
            }
        }
    }

    /// «выполняли 1 из 4 → 3 из 4 (+50,0 п. п.); общая доля 20,0 % → 35,0 %».
    pub fn describe(&self) -> String {
        let n = self.schools;
        if n == 0 {
            return "нет школ для сравнения".to_owned();
        }
        let mut text = format!(
            "выполняли {} из {n} → {} из {n} ({})",
            self.meeting.0,
            self.meeting.1,
            delta_text(self.change())
        );
        if let Some(((a, b), (c, d))) = self.sums {
            // Beside «(5)», sums over fewer schools say so.
            let over = match self.with_shares {
                k if k < n => format!(" ({k} ОО с долей в оба года):"),
                _ => String::new(),
            };
            text.push_str(&format!(
                "; общая доля{over} {} → {}",
                percent(a, b),
                percent(c, d)
            ));
        }
        text
    }

    fn add(&mut self, before: Standing, after: Standing, by_check: bool) {
        self.schools += 1;
        self.by_check += usize::from(by_check);
        self.meeting.0 += usize::from(before.earned);
        self.meeting.1 += usize::from(after.earned);
        if let (Some((a, b)), Some((c, d))) = (before.share, after.share) {
            let ((sa, sb), (sc, sd)) = self.sums.unwrap_or_default();
            self.sums = Some(((sa + a, sb + b), (sc + c, sd + d)));
            self.with_shares += 1;
        }
    }
}

/// How the analysis says what each [`Basis`] compares.
impl Basis {
    /// What is compared, after «разность изменений»: «общей доли
    /// обучающихся» (the schools' numerators over their denominators:
    /// «Σ/Σ» read as a formula to a walk-through).
    pub fn compared(self) -> &'static str {
        match self {
            Self::Met => "доли школ, выполняющих показатель",
            Self::Pupils => "общей доли обучающихся",
            Self::Yes => "доли школ с ответом «да»",
            Self::Mean => "среднего значения по школам",
        }
    }

    /// «доля обучающихся изменилась», said of a measure for every school.
    pub fn moved(self) -> &'static str {
        match self {
            Self::Met => "доля выполнивших школ изменилась",
            Self::Pupils => "доля обучающихся изменилась",
            Self::Yes => "доля школ с ответом «да» изменилась",
            Self::Mean => "среднее значение изменилось",
        }
    }

    /// How a pooled value is made, as the method says it.
    pub fn pooled_as(self) -> &'static str {
        match self {
            Self::Met | Self::Pupils => {
                "общая доля обучающихся (сумма числителей к сумме знаменателей)"
            }
            Self::Yes => "доля школ с ответом «да»",
            Self::Mean => "среднее введённых школами процентов",
        }
    }

    /// Which schools a pooled value counts: those with a value both years
    /// (one with «0 из 0» has none).
    pub fn counted(self) -> &'static str {
        match self {
            Self::Met | Self::Pupils => "с долей в оба года",
            Self::Yes | Self::Mean => "с ответом в оба года",
        }
    }
}

/// Each basis of `effects` once, in [`Basis::ALL`]'s order.
pub fn bases_of<'e>(effects: impl IntoIterator<Item = &'e IndicatorEffect>) -> Vec<Basis> {
    Basis::each_once(effects.into_iter().map(|e| e.basis))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Better,
    NoDifference,
    Worse,
    /// The measure addressed every school: no others to compare with.
    NoOthers,
    TooFew,
    MethodChanged,
    /// This year's card no longer has the indicator.
    Removed,
}

impl Verdict {
    /// In the order the report counts them.
    pub const ALL: [Verdict; 7] = [
        Self::Better,
        Self::NoDifference,
        Self::Worse,
        Self::NoOthers,
        Self::TooFew,
        Self::MethodChanged,
        Self::Removed,
    ];

    /// Said against the other schools, since that is what is compared:
    /// addressed schools that improved less than the others did are
    /// «хуже», not «ухудшение».
    pub fn label(self) -> String {
        match self {
            Self::Better => "лучше, чем в остальных школах".to_owned(),
            Self::NoDifference => "без заметной разницы".to_owned(),
            Self::Worse => "хуже, чем в остальных школах".to_owned(),
            Self::NoOthers => "не с кем сравнить: мера для всех школ".to_owned(),
            Self::TooFew => format!("мало данных (менее {MIN_SCHOOLS} школ)"),
            Self::MethodChanged => "методика изменилась".to_owned(),
            Self::Removed => "исключён из карты".to_owned(),
        }
    }

    /// A stable name for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            Self::Better => "better",
            Self::NoDifference => "same",
            Self::Worse => "worse",
            Self::NoOthers => "no-others",
            Self::TooFew => "too-few",
            Self::MethodChanged => "changed",
            Self::Removed => "removed",
        }
    }
}

/// One targeted indicator of a measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorEffect {
    /// Its code in this year's card (last year's, if it was removed).
    pub code: String,
    pub addressed: Group,
    pub others: Group,
    pub verdict: Verdict,
    /// How it is judged: by the schools meeting it, or on an indicator
    /// without points, which nothing meets, by its value pooled over each
    /// group (seed 001's П-1.1 by the pupils' share Σ/Σ).
    pub basis: Basis,
}

impl IndicatorEffect {
    /// The addressed schools' change minus the others', in tenths of a point.
    pub fn difference(&self) -> Option<i64> {
        let judged = matches!(
            self.verdict,
            Verdict::Better | Verdict::NoDifference | Verdict::Worse
        );
        match self.basis.pooled() {
            false => judged.then(|| self.addressed.minus(&self.others)),
            true => self.addressed.share_minus(&self.others).filter(|_| judged),
        }
    }

    /// What a chart shows of `group` (one of this effect's): its change in
    /// tenths of a point and where it stands the year after, (part,
    /// whole): the schools meeting the indicator, or without points its
    /// pooled value (for a mean, tenths of 1 000 per school).
    pub fn bar(&self, group: &Group) -> (i64, (u64, u64)) {
        match (self.basis.pooled(), group.sums) {
            (true, Some((before, after))) => (delta_tenths(before, after), after),
            (true, None) => (0, (0, 0)),
            (false, _) => (
                group.change(),
                (group.meeting.1 as u64, group.schools as u64),
            ),
        }
    }

    /// The verdict, with its [`caveat`](Self::caveat) where it has one.
    pub fn verdict_text(&self) -> String {
        match self.caveat() {
            Some(caveat) => format!("{} ({caveat})", self.verdict.label()),
            None => self.verdict.label(),
        }
    }

    /// The numbers behind the verdict, in one sentence.
    pub fn numbers(&self) -> String {
        match self.verdict {
            Verdict::MethodChanged => {
                return "правило показателя изменилось между годами: не сравнивается".to_owned()
            }
            Verdict::Removed => {
                return "показателя нет в карте этого года: не сравнивается".to_owned()
            }
            _ => {}
        }
        // The difference itself has a column of its own beside this one
        // (`effect_cells`), on screen, in XLSX and in Word.
        // Pooled, the schools counted are those with a value both years
        // (one addressed with «0 из 0» is not, and the road map names it).
        let said = |g: &Group| match self.basis.pooled() {
            true => format!(
                " {} ({}): {}",
                self.basis.counted(),
                g.with_shares,
                g.describe_pooled(self.basis)
            ),
            false => format!(" ({}): {}", g.schools, g.describe()),
        };
        // «(0): нет школ для сравнения» read as data missing.
        let others = match self.verdict {
            Verdict::NoOthers => "остальных ОО нет: мера адресована всем".to_owned(),
            _ => format!("остальные ОО{}", said(&self.others)),
        };
        format!("адресные ОО{}; {others}", said(&self.addressed))
    }
}

/// Where a school stood on `card`'s indicator `code` in one year: the
/// department's count of points, judged by `card`'s rules as «Динамика»
/// judges it (a school on an older version met 30 % where the year asks
/// 40 %: the analysis read «выполняли 4 из 5» beside «Динамика»'s 3 of 7,
/// a walk-through), and what the school's answer adds to the sums `basis`
/// pools ([`Outcome::pooled`]), found under its code in the version the
/// school filled in.
///
/// [`Outcome::pooled`]: crate::scoring::Outcome::pooled
fn standing(
    archive: &Archive,
    card: &Card,
    result: &SchoolResult,
    code: &str,
    basis: Basis,
) -> Option<Standing> {
    let counted = result.score.indicator(code).filter(|c| c.applies_here())?;
    let pooled = archive.entry(&result.submission_id).and_then(|e| {
        let own = e.card.code_of(card, code)?;
        e.assessment
            .indicators
            .iter()
            .find(|r| r.code == own)
            .and_then(|r| r.outcome.pooled(basis))
    });
    // A value the check did not confirm is left out of the sums, as the
    // municipal value leaves it out; a «да» it refused counts there, and
    // here, as «нет».
    let share = match (counted.unconfirmed_value(), basis) {
        (false, _) => pooled,
        (true, Basis::Yes) => pooled.map(|_| (0, 1)),
        (true, _) => None,
    };
    // By a pooled value nobody «met» it: across a moved target, who met
    // it is judged by two thresholds, and a share that grew read
    // «ухудшился» (a review).
    Some(Standing {
        earned: !basis.pooled() && counted.met_here(),
        share,
    })
}

impl<'a> Span<'a> {
    /// Each school present in both years: (last year, this year).
    fn pairs(&self) -> Vec<(&'a SchoolResult, &'a SchoolResult)> {
        pair_schools(&self.archive.roster, self.before, self.after)
    }

    /// Last year's and this year's code of the indicator `key`, when it is
    /// judged as before (`basis`): who met it (its points may differ), or
    /// without points its value (its target may differ too, as the
    /// municipal values compare it); else its code and why not.
    fn codes(&self, key: &str, basis: Basis) -> Result<(String, String), (String, Verdict)> {
        let old = self.old_card.by_key(key);
        let new = self.new_card.by_key(key);
        let same = |n| {
            let how = comparability(self.old_card, self.new_card, n);
            match basis.pooled() {
                true => how.values_comparable(),
                false => how.met_comparable(),
            }
        };
        match (old, new) {
            (Some(o), Some(n)) if same(n) => Ok((o.code.clone(), n.code.clone())),
            (_, Some(n)) => Err((n.code.clone(), Verdict::MethodChanged)),
            (Some(o), None) => Err((o.code.clone(), Verdict::Removed)),
            (None, None) => Err((key.to_owned(), Verdict::MethodChanged)),
        }
    }

    /// How the indicator `key` is judged: by the schools meeting it, but
    /// where either year gives it no points, by its value pooled as that
    /// year's rule has it (nothing was met that year, and a count of
    /// schools meeting it would compare nothing); `None` for a count or a
    /// list without points, which nothing judges.
    fn basis(&self, key: &str) -> Option<Basis> {
        [self.new_card, self.old_card]
            .iter()
            .filter_map(|card| card.by_key(key))
            .find(|i| i.points == 0)
            .map_or(Some(Basis::Met), Indicator::basis)
    }

    /// [`Span::basis`], or where another target (a threshold moved)
    /// leaves who met it incomparable, its value pooled, when that
    /// compares, as on a card without points: a walk-through's measure on
    /// 2.3 left the cycle with «методика изменилась», and a school's plan
    /// on 1.1 read «улучшился» on its page while the department's count
    /// left it out.
    fn judged_by(&self, key: &str) -> Option<Basis> {
        let basis = self.basis(key)?;
        Some(match self.codes(key, basis) {
            Err((_, Verdict::MethodChanged)) if basis == Basis::Met => (self.new_card)
                .by_key(key)
                .and_then(Indicator::pooled_basis)
                .filter(|pooled| self.codes(key, *pooled).is_ok())
                .unwrap_or(basis),
            _ => basis,
        })
    }

    /// A school's standing on one indicator in both years.
    fn moved(
        &self,
        (before, after): (&SchoolResult, &SchoolResult),
        (old, new): (&str, &str),
        basis: Basis,
    ) -> Option<(Standing, Standing)> {
        Some((
            standing(self.archive, self.old_card, before, old, basis)?,
            standing(self.archive, self.new_card, after, new, basis)?,
        ))
    }
}

/// How each targeted indicator of `measure` moved in the schools it
/// addressed against the others.
/// The schools `measures` named (chosen, or of a level; by their names of
/// the measures' year, in name order) that have no card this year: their
/// change is not judged, and the analysis says so (a measure to four
/// schools read «адресные ОО (3)», the fourth unnamed). A measure for
/// every school names none: the year's count of cards says it.
pub fn addressed_missing(span: &Span, measures: &[&Measure]) -> Vec<String> {
    let pairs = span.pairs();
    let named = |m: &&&Measure| matches!(m.audience, Audience::Schools(_) | Audience::Level(_));
    let mut names: Vec<String> = (span.before.iter())
        .filter(|b| measures.iter().filter(named).any(|m| m.addresses(b)))
        .filter(|b| {
            !pairs
                .iter()
                .any(|(was, _)| was.submission_id == b.submission_id)
        })
        .map(|b| b.name().to_owned())
        .collect();
    names.sort_by(|a, b| by_name(a, b));
    names
}

pub fn measure_effect(span: &Span, measure: &Measure, beside: &[&Measure]) -> Vec<IndicatorEffect> {
    let pairs = span.pairs();
    let for_every = |m: &Measure| pairs.iter().all(|(b, _)| m.addresses(b));
    // No one to compare with because the measure was for every school,
    // not because the indicator applies to no other («мало данных»).
    let for_all = for_every(measure);
    span.old_card
        .indicators()
        .chain(span.new_card.indicators())
        .map(|i| i.key())
        .filter(|k| measure.indicators.iter().any(|m| m == k))
        .fold(Vec::<&str>::new(), |mut keys, k| {
            if !keys.contains(&k) {
                keys.push(k);
            }
            keys
        })
        .into_iter()
        .map(|key| {
            // A measure recorded on an older version may target what no
            // longer pools: no school then has a value to compare.
            let basis = span.judged_by(key).unwrap_or(Basis::Pupils);
            let (old, new) = match span.codes(key, basis) {
                Ok(codes) => codes,
                Err((code, verdict)) => {
                    return IndicatorEffect {
                        code,
                        addressed: Group::default(),
                        others: Group::default(),
                        verdict,
                        basis,
                    }
                }
            };
            // One for every school reached both groups alike.
            let rivals: Vec<&&Measure> = (beside.iter())
                .filter(|m| **m != measure && m.indicators.iter().any(|k| k == key))
                .filter(|m| !for_every(m))
                .collect();
            let (mut addressed, mut others) = (Group::default(), Group::default());
            let (mut addressed_shares, mut others_shares) = (Vec::new(), Vec::new());
            for pair in &pairs {
                let Some((b, a)) = span.moved(*pair, (&old, &new), basis) else {
                    continue;
                };
                let by_check = one_year_checked(*pair, (&old, &new));
                let (group, shares) = if measure.addresses(pair.0) {
                    (&mut addressed, &mut addressed_shares)
                } else {
                    (&mut others, &mut others_shares)
                };
                group.add(b, a, by_check);
                group.elsewhere += usize::from(rivals.iter().any(|m| m.addresses(pair.0)));
                if let (Some(before), Some(after)) = (b.share, a.share) {
                    shares.push((before, after));
                }
            }
            if basis.pooled() {
                addressed.without_one = without_one(&addressed, &others, &addressed_shares, false);
                others.without_one = without_one(&others, &addressed, &others_shares, true);
            }
            IndicatorEffect {
                code: new,
                addressed,
                others,
                verdict: verdict(&addressed, &others, for_all, basis.pooled()),
                basis,
            }
        })
        .collect()
}

/// Whether the check moved the indicator in one year of `pair` while the
/// other year is not checked: the two years are then on different footing
/// for it (a walk-through's «improvement» was a refused point last year and
/// an unchecked claim this year).
fn one_year_checked(
    (before, after): (&SchoolResult, &SchoolResult),
    (old, new): (&str, &str),
) -> bool {
    let moved =
        |r: &SchoolResult, code: &str| r.score.indicator(code).is_some_and(|c| c.moves_score());
    let unchecked = |r: &SchoolResult| r.status != ReviewStatus::Checked;
    (moved(before, old) && unchecked(after)) || (moved(after, new) && unchecked(before))
}

fn verdict(addressed: &Group, others: &Group, for_all: bool, pooled: bool) -> Verdict {
    if others.schools == 0 && for_all {
        return Verdict::NoOthers;
    }
    // Pooled, only the schools with a value in both years count.
    let counted = |g: &Group| match pooled {
        true => g.with_shares,
        false => g.schools,
    };
    if counted(addressed) < MIN_SCHOOLS || counted(others) < MIN_SCHOOLS {
        return Verdict::TooFew;
    }
    let d = match pooled {
        true => addressed.share_minus(others).unwrap_or_default(),
        false => addressed.minus(others),
    };
    if d >= NOTABLE_TENTHS {
        Verdict::Better
    } else if d <= -NOTABLE_TENTHS {
        Verdict::Worse
    } else {
        Verdict::NoDifference
    }
}

/// The measures taken after the previous period, each with how its targeted
/// indicators moved by this period, and the schools' plans of that period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects {
    pub after_period: String,
    pub measures: Vec<(Measure, Vec<IndicatorEffect>)>,
    pub plans: Vec<PlanEffect>,
    /// The schools some measure went to that sent no card this year
    /// ([`addressed_missing`]).
    pub missing: Vec<String>,
}

impl Effects {
    /// Each measure's targeted indicators, in the measures' order: what
    /// the report's sentence and the chart count.
    pub fn by_measure(&self) -> Vec<Vec<IndicatorEffect>> {
        self.measures.iter().map(|(_, x)| x.clone()).collect()
    }

    /// How the targeted indicators are judged, each way once, in
    /// [`Basis::ALL`]'s order: the method says how for each.
    pub fn bases(&self) -> Vec<Basis> {
        bases_of((self.measures.iter()).flat_map(|(_, x)| x))
    }

    /// Whether any measure targets an indicator there is something to
    /// judge: then the method, the chart and the table are shown.
    pub fn has_targets(&self) -> bool {
        self.measures.iter().any(|(_, x)| !x.is_empty())
    }

    /// This year's codes of the targeted indicators some measure moved no
    /// better than the other schools did («без заметной разницы» or
    /// «хуже»), once each, in the measures' order.
    pub fn not_better(&self) -> Vec<&str> {
        self.codes_where(|v| matches!(v, Verdict::NoDifference | Verdict::Worse))
    }

    /// What the report's proposals ask to rethink of last year's measures.
    pub fn past(&self) -> PastMeasures<'_> {
        let not_better = self.not_better();
        let for_all: Vec<&str> = (self.codes_where(|v| v == Verdict::NoOthers).into_iter())
            .filter(|c| !not_better.contains(c))
            .collect();
        let mut behind = Vec::new();
        let mut better = Vec::new();
        let mut too_few = Vec::new();
        for (measure, effects) in &self.measures {
            let thin: Vec<&str> = (effects.iter())
                .filter(|e| e.verdict == Verdict::TooFew)
                .map(|e| e.code.as_str())
                .collect();
            if !thin.is_empty() {
                too_few.push(format!("{} ({})", measure.named(), thin.join(", ")));
            }
            for e in effects {
                let code = e.code.as_str();
                let list = match e.verdict {
                    Verdict::NoDifference | Verdict::Worse if not_better.contains(&code) => {
                        &mut behind
                    }
                    Verdict::NoOthers if for_all.contains(&code) => &mut behind,
                    Verdict::Better if !not_better.contains(&code) && !for_all.contains(&code) => {
                        &mut better
                    }
                    _ => continue,
                };
                list.push(Behind {
                    code,
                    measure: measure.named(),
                    verdict: e.verdict,
                    difference: e.difference(),
                    change: e.bar(&e.addressed).0,
                    basis: e.basis,
                    doubtful: e.caveat().is_some(),
                });
            }
        }
        PastMeasures {
            not_better,
            for_all,
            behind,
            better,
            too_few,
        }
    }

    /// The targeted indicators whose verdict `keep` takes, once each, in
    /// the measures' order.
    fn codes_where(&self, keep: impl Fn(Verdict) -> bool) -> Vec<&str> {
        let mut codes: Vec<&str> = Vec::new();
        let judged = (self.measures.iter()).flat_map(|(_, x)| x);
        for e in judged.filter(|e| keep(e.verdict)) {
            if !codes.contains(&e.code.as_str()) {
                codes.push(&e.code);
            }
        }
        codes
    }
}

/// Last year's measures as the report's proposals weigh them: this year's
/// codes of the indicators they moved no better than elsewhere
/// ([`Effects::not_better`]), of those they addressed to every school,
/// which nothing can be compared with («не с кем сравнить»), and the
/// measures that moved an indicator better ([`PastMeasures::better`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastMeasures<'a> {
    pub not_better: Vec<&'a str>,
    pub for_all: Vec<&'a str>,
    /// Each measure with indicators too few schools compare on, and those
    /// codes: «курсы «…» (1.1, 2.1)». No figure judges them; the
    /// proposals ask for the reports of those who carried them out.
    pub too_few: Vec<String>,
    /// The measures that put a code in either list, one per code: a
    /// proposal names them and what they did.
    pub behind: Vec<Behind<'a>>,
    /// The measures that moved a code better than elsewhere, of the codes
    /// in neither list: one still among the rarest met is to be carried
    /// on, not asked for as if nothing had been done (a walk-through's
    /// 1.8).
    pub better: Vec<Behind<'a>>,
}

/// A measure of last year as a proposal names it, to rethink it or to
/// carry its work on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Behind<'a> {
    pub code: &'a str,
    /// As letters and tables name it ([`Measure::named`]).
    pub measure: String,
    pub verdict: Verdict,
    /// Its [`IndicatorEffect::difference`], in tenths of a point.
    pub difference: Option<i64>,
    /// The addressed schools' own change, in tenths of a point: for a
    /// measure for every school, the municipality's.
    pub change: i64,
    pub basis: Basis,
    /// The verdict is marked «ненадёжен» ([`IndicatorEffect::caveat`]).
    pub doubtful: bool,
}

impl Behind<'_> {
    /// «курсы «…» — хуже, чем в остальных школах (−11,2 п. п.)»; with
    /// `code`, the indicator after the measure: «курсы «…» (1.1) — …».
    pub fn said(&self, code: bool) -> String {
        match code {
            true => format!("{} ({}) — {}", self.measure, self.code, self.outcome()),
            false => format!("{} — {}", self.measure, self.outcome()),
        }
    }

    /// «хуже, чем в остальных школах (−11,2 п. п.)».
    fn outcome(&self) -> String {
        match (self.verdict, self.difference) {
            (Verdict::NoOthers, _) => {
                format!(
                    "была адресована всем школам, сравнить не с кем; {} на {}",
                    self.basis.moved(),
                    delta_text(self.change)
                )
            }
            (Verdict::NoDifference, Some(d)) => format!(
                "без заметной разницы с остальными школами (разность {})",
                delta_text(d)
            ),
            (verdict, Some(d)) if self.doubtful => {
                format!("{} ({}; вывод ненадёжен)", verdict.label(), delta_text(d))
            }
            (verdict, Some(d)) => format!("{} ({})", verdict.label(), delta_text(d)),
            (verdict, None) => verdict.label(),
        }
    }
}

/// `behind` said each measure once, in their order: a measure behind
/// several codes names them after it, «семинар «…» — 1.5: без заметной
/// разницы …, 1.6: хуже, чем в остальных школах (−14,5 п. п.)» (a
/// walk-through read a long name three times over); `codes`: a measure
/// behind one code names it too ([`Behind::said`]).
pub fn said_by_measure(behind: &[&Behind], codes: bool) -> Vec<String> {
    let mut names: Vec<&str> = Vec::new();
    for b in behind {
        if !names.contains(&b.measure.as_str()) {
            names.push(&b.measure);
        }
    }
    (names.into_iter())
        .map(|name| {
            let of: Vec<&&Behind> = behind.iter().filter(|b| b.measure == name).collect();
            match of.as_slice() {
                [one] => one.said(codes),
                many => {
                    let each: Vec<String> = (many.iter())
                        .map(|b| format!("{}: {}", b.code, b.outcome()))
                        .collect();
                    format!("{name} — {}", each.join(", "))
                }
            }
        })
        .collect()
}

/// One school's plan of last year, judged by this year's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEffect {
    pub school: String,
    /// Planned measures with at least one comparable targeted indicator.
    pub counted: usize,
    /// Of them, measures whose targeted indicators improved: at least one
    /// improved and none got worse.
    pub improved: usize,
}

/// The schools' plans of last year, per school that had one.
pub fn plan_effects(span: &Span) -> Vec<PlanEffect> {
    span.pairs()
        .into_iter()
        .filter_map(|pair| {
            let entry = span.archive.entry(&pair.0.submission_id)?;
            let plan = &entry.opened.payload.plan;
            let (mut counted, mut improved) = (0, 0);
            for row in plan {
                let progress: Vec<Progress> = row
                    .indicators
                    .iter()
                    .filter_map(|code| {
                        // The plan names the indicators as the school's version does.
                        let key = entry.card.indicator(code)?.key();
                        // A count or a list without points moves by
                        // nothing a plan could be judged by.
                        let basis = span.judged_by(key)?;
                        let codes = span.codes(key, basis).ok()?;
                        let (b, a) = span.moved(pair, (&codes.0, &codes.1), basis)?;
                        Some(Progress::of(b, a))
                    })
                    .collect();
                if progress.is_empty() {
                    continue;
                }
                counted += 1;
                if progress.contains(&Progress::Improved) && !progress.contains(&Progress::Worse) {
                    improved += 1;
                }
            }
            (counted > 0).then(|| PlanEffect {
                school: pair.1.name().to_owned(),
                counted,
                improved,
            })
        })
        .collect()
}

/// Across the municipality: (improved, counted) planned measures.
pub fn plans_total(effects: &[PlanEffect]) -> (usize, usize) {
    effects
        .iter()
        .fold((0, 0), |(i, c), e| (i + e.improved, c + e.counted))
}

#[cfg(test)]
mod tests;
