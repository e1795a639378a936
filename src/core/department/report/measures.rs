//! «Анализ эффективности принятых мер»: the sentence on last year's
//! measures, and how they are compared.

use crate::card::{Basis, Card, Indicator};
use crate::department::effectiveness::{bases_of, Doubt, IndicatorEffect, Verdict};
use crate::department::measures::Measure;
use crate::department::tables::measure_done;
use crate::text::{and_list, percent, plural};

/// The heading of the report's last part: the measures taken on the year's
/// results ([`road_map_table`](crate::department::tables::road_map_table)).
pub fn measures_heading(period: &str) -> String {
    format!("Меры по итогам {period} учебного года")
}

/// What a measure can target on `card` and how it is judged a year later,
/// said above the measure form: on a card without points, its values that
/// pool ([`Card::measure_targets`]).
pub fn targets_hint(card: &Card) -> String {
    if card.has_points() {
        return "Меры, адресованные школе, попадут в её письмо с рекомендациями; через год здесь \
                будет видно, улучшились ли их целевые показатели."
            .to_owned();
    }
    let bases = Basis::each_once(card.measure_targets().filter_map(Indicator::basis));
    let kinds: Vec<&str> = (bases.iter())
        .map(|b| match b {
            Basis::Met | Basis::Pupils => "доли",
            Basis::Yes => "вопросы «да/нет»",
            Basis::Mean => "проценты",
        })
        .collect();
    let grew = match bases.as_slice() {
        [] => {
            return "Карта не даёт баллов и не собирает ни долей, ни ответов «да/нет», ни \
                    процентов: меры войдут в дорожную карту, но целевых показателей и оценки их \
                    эффективности у неё нет."
                .to_owned()
        }
        [Basis::Pupils] => "выросла ли доля обучающихся",
        [Basis::Yes] => "выросла ли доля школ с ответом «да»",
        [Basis::Mean] => "выросло ли среднее значение",
        _ => "выросли ли их значения",
    };
    format!(
        "Карта не даёт баллов: целевыми показателями меры могут быть {}, и через год здесь будет \
         видно, {grew} в адресных школах больше, чем в остальных.",
        and_list(&kinds)
    )
}

/// Why a card without points or values that pool has no analysis of
/// measures ([`Card::measure_targets`]): nothing on it is met or missed,
/// and its counts and lists change in units of their own, so neither the
/// measures' targets nor the schools' plans can be judged by it.
pub const WITHOUT_POINTS: &str =
    "Карта не даёт баллов и не собирает ни долей, ни ответов «да/нет», ни процентов, поэтому ни \
     меры, ни планы школ здесь по показателям не оцениваются; как менялись значения показателей, \
     показано в разделе «Динамика».";

/// [`effectiveness`] on a card without points: the measures named, each
/// with its mark of how it was carried out, and [`WITHOUT_POINTS`]. A count
/// alone left the coordinator nothing of last year's work to read.
pub fn effectiveness_without_points(previous_period: &str, measures: &[&Measure]) -> String {
    format!("{} {WITHOUT_POINTS}", taken(previous_period, measures))
}

/// «По итогам … принято мер: 2 — 1) семинар «…» (выполнение: …); 2) …».
fn taken(previous_period: &str, measures: &[&Measure]) -> String {
    if measures.is_empty() {
        return format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        );
    }
    let named: Vec<String> = (measures.iter().enumerate())
        .map(|(n, m)| measure_done(n, m))
        .collect();
    format!(
        "По итогам {previous_period} учебного года принято мер: {} — {}.",
        measures.len(),
        named.join("; ")
    )
}

/// «Анализ эффективности принятых мер»: how many targeted indicators got
/// each verdict, and how the schools' own plans did. `measures` are the
/// measures taken after `previous_period`, each with its indicators;
/// `plans` is (improved, counted) planned measures of the schools.
pub fn effectiveness(
    previous_period: &str,
    measures: &[(Measure, Vec<IndicatorEffect>)],
    plans: (usize, usize),
    missing: &[String],
) -> String {
    let all: Vec<&IndicatorEffect> = measures.iter().flat_map(|(_, x)| x).collect();
    let mut text = if measures.is_empty() {
        format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        )
    } else if all.is_empty() {
        // A decision may rightly have no targets, and a card's measures
        // recorded before it had any could not: named with their marks,
        // as on a card with nothing to target.
        format!(
            "{} Целевые показатели у них не отмечены, поэтому их результаты не с чем сравнить.",
            taken(
                previous_period,
                &measures.iter().map(|(m, _)| m).collect::<Vec<_>>()
            )
        )
    } else {
        let count = |v: Verdict, doubtful: bool| {
            let of = all.iter().filter(|e| e.verdict == v);
            match doubtful {
                true => of.filter(|e| !e.doubts().is_empty()).count(),
                false => of.count(),
            }
        };
        // «лучше — 3» read as three measures that worked, where all three
        // verdicts were marked doubtful in the table (a walk-through).
        let parts: Vec<String> = Verdict::ALL
            .into_iter()
            .map(|v| (v, count(v, false), count(v, true)))
            .filter(|(_, n, _)| *n > 0)
            .map(|(v, n, doubtful)| match doubtful {
                0 => format!("{} — {n}", v.label()),
                _ => format!("{} — {n} (из них ненадёжных: {doubtful})", v.label()),
            })
            .collect();
        // The verdicts are of a measure's indicators, not of the measures;
        // a card without points compares the values its answers pool into.
        let what = compared(&bases_of(all.iter().copied()));
        // Measures sharing an indicator are compared on it one by one:
        // the verdicts count pairs, which the line then says.
        let mut distinct: Vec<&str> = all.iter().map(|e| e.code.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let pairs = match distinct.len() == all.len() {
            true => String::new(),
            false => format!(", пар «мера — показатель»: {}", all.len()),
        };
        // Not «каждый сравнен»: a measure for every school, or too few
        // schools, is not compared, and the list says so.
        format!(
            "По итогам {previous_period} учебного года принято мер: {}, целевых показателей в них: \
             {}{pairs}. Сравнение в адресных школах и в остальных (разность изменений \
             {what}): {}.",
            measures.len(),
            distinct.len(),
            parts.join(", ")
        )
    };
    // Each reason that occurs, with how many verdicts it weakens: a list of
    // every reason there might be read heavy and named some that could not
    // apply (a walk-through).
    let each: Vec<Vec<Doubt>> = all.iter().map(|e| e.doubts()).collect();
    let doubtful = each.iter().filter(|d| !d.is_empty()).count();
    let mut doubts: Vec<Doubt> = each.into_iter().flatten().collect();
    doubts.sort();
    if !doubts.is_empty() {
        let listed: Vec<String> = (doubts.chunk_by(|a, b| a.reason() == b.reason()))
            .map(|alike| format!("{} — {}", alike[0].reason(), alike.len()))
            .collect();
        let several = match doubts.len() > doubtful {
            true => "; у некоторых выводов причин несколько",
            false => "",
        };
        text.push_str(&format!(
            " Причины ненадёжности (число выводов): {}{several}. Такие выводы отмечены в таблице \
             и требуют подтверждения данными следующего года.",
            listed.join(", ")
        ));
    }
    if !missing.is_empty() {
        let (sent, whose) = match missing.len() {
            1 => ("сдала школа, которой", "её"),
            _ => ("сдали школы, которым", "их"),
        };
        text.push_str(&format!(
            " Карту этого года не {sent} были адресованы меры: {} — {whose} изменение не \
             оценивается.",
            missing.join(", ")
        ));
    }
    let (improved, counted) = plans;
    if counted > 0 {
        text.push_str(&format!(
            " Планы мероприятий школ: целевые показатели улучшились у {improved} из {counted} \
             {} ({}).",
            plural(
                counted as u64,
                "запланированного мероприятия",
                "запланированных мероприятий",
                "запланированных мероприятий"
            ),
            percent(improved as u64, counted as u64)
        ));
    }
    text
}

/// «доли обучающихся (Σ/Σ) и среднего значения по школам»: what
/// `bases` compare, the schools meeting a target where there are none.
fn compared(bases: &[Basis]) -> String {
    match bases {
        [] => Basis::Met.compared().to_owned(),
        // Its participle's phrase closes with a comma before what follows.
        [Basis::Met, one] => format!("{}, и {}", Basis::Met.compared(), one.compared()),
        [Basis::Met, rest @ ..] if !rest.is_empty() => {
            format!("{}, {}", Basis::Met.compared(), compared(rest))
        }
        _ => and_list(&bases.iter().map(|b| b.compared()).collect::<Vec<_>>()),
    }
}

/// How the analysis of measures compares, said beside its table; `bases`:
/// how its targets are judged ([`Effects::bases`]): on a card without
/// points, by the values the schools' answers pool into (seed 001's П-1.1
/// by the pupils' share, Nevinnomyssk's questions by the schools saying
/// «да», its surveys by the mean).
///
/// [`Effects::bases`]: crate::department::effectiveness::Effects::bases
pub fn effects_method(bases: &[Basis]) -> String {
    use crate::department::effectiveness::{Verdict, MIN_SCHOOLS, NOTABLE_TENTHS};
    let changes = format!(
        "изменение {} у адресных минус изменение у остальных",
        compared(bases)
    );
    // A share is what seed 001's analysis compared, and its word is kept.
    let pooled: Vec<Basis> = bases.iter().copied().filter(|b| b.pooled()).collect();
    let (values, value) = match pooled.as_slice() {
        [Basis::Pupils] => ("доли".to_owned(), "доля"),
        kinds => (
            format!(
                "его значения по группе школ ({})",
                and_list(&kinds.iter().map(|b| b.pooled_as()).collect::<Vec<_>>())
            ),
            "значение",
        ),
    };
    let pooled = match pooled.is_empty() {
        true => String::new(),
        false => format!(
            "; у показателя без баллов нет выполнивших его школ, а у показателя, цель которого \
             изменилась между годами, выполнение по разным целям не сравнить, поэтому сравниваются {values}, и \
             только у школ, где {value} есть в оба года (их число указано в скобках)"
        ),
    };
    format!(
        "Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: \
         {changes}{pooled}. Разность считается по точным значениям и округляется один раз, до \
         0,1\u{A0}п.\u{A0}п., поэтому может отличаться от разности округлённых изменений на \
         0,1\u{A0}п.\u{A0}п. Заметной считается разность, которая после округления не меньше \
         {}\u{A0}п.\u{A0}п. Итоги «{}» и «{}» означают, что сравнить нельзя: меру получили все \
         школы (мера для целевой группы тоже считается адресованной всем школам) или в одной из \
         групп меньше {MIN_SCHOOLS}\u{A0}школ. Показатели, вид которых \
         изменился между годами, и исключённые из карты не сравниваются. Адресными считаются все \
         школы, которым мера адресована; если участвовали не все, это сказано в отметке о \
         выполнении меры.",
        crate::text::tenths(NOTABLE_TENTHS.unsigned_abs(), ','),
        Verdict::NoOthers.label(),
        Verdict::TooFew.label(),
    )
}
