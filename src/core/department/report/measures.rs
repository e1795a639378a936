//! «Анализ эффективности принятых мер»: the sentence on last year's
//! measures, and how they are compared.

use crate::department::effectiveness::{IndicatorEffect, Verdict};
use crate::department::measures::Measure;
use crate::department::tables::measure_done;
use crate::text::percent;

/// The heading of the report's last part: the measures taken on the year's
/// results ([`road_map_table`](crate::department::tables::road_map_table)).
pub fn measures_heading(period: &str) -> String {
    format!("Меры по итогам {period} учебного года")
}

/// Why a card without points has no analysis of measures: nothing on it is
/// met or missed, so neither the measures' targets nor the schools' plans
/// can be judged by it.
pub const WITHOUT_POINTS: &str =
    "Карта без баллов не отмечает показатели выполненными, поэтому ни \
     меры, ни планы школ здесь по показателям не оцениваются; как менялись значения показателей, \
     показано в разделе «Динамика».";

/// [`effectiveness`] on a card without points: the measures named, each
/// with its mark of how it was carried out, and [`WITHOUT_POINTS`]. A count
/// alone left the coordinator nothing of last year's work to read.
pub fn effectiveness_without_points(previous_period: &str, measures: &[&Measure]) -> String {
    let taken = if measures.is_empty() {
        format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        )
    } else {
        let named: Vec<String> = (measures.iter().enumerate())
            .map(|(n, m)| measure_done(n, m))
            .collect();
        format!(
            "По итогам {previous_period} учебного года принято мер: {}: {}.",
            measures.len(),
            named.join("; ")
        )
    };
    format!("{taken} {WITHOUT_POINTS}")
}

/// «Анализ эффективности принятых мер»: how many targeted indicators got
/// each verdict, and how the schools' own plans did. `measures` are the
/// measures taken after `previous_period`, each with its indicators;
/// `plans` is (improved, counted) planned measures of the schools.
pub fn effectiveness(
    previous_period: &str,
    measures: &[Vec<IndicatorEffect>],
    plans: (usize, usize),
) -> String {
    let all: Vec<&IndicatorEffect> = measures.iter().flatten().collect();
    let mut text = if measures.is_empty() {
        format!(
            "По итогам {previous_period} учебного года сведений о принятых муниципальных мерах нет."
        )
    } else if all.is_empty() {
        // A card without points has no targets to choose; a decision may
        // rightly have none.
        format!(
            "По итогам {previous_period} учебного года принято мер: {}; целевые показатели у них \
             не отмечены, поэтому их результаты не с чем сравнить.",
            measures.len()
        )
    } else {
        let count = |v: Verdict, doubtful: bool| {
            let of = all.iter().filter(|e| e.verdict == v);
            match doubtful {
                true => of.filter(|e| e.caveat().is_some()).count(),
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
        // a card without points compares its pupils' shares.
        let compared = match all.iter().any(|e| e.by_share) {
            true => "доли обучающихся (Σ/Σ)",
            false => "доли школ, выполняющих показатель",
        };
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
             {compared}): {}.",
            measures.len(),
            distinct.len(),
            parts.join(", ")
        )
    };
    let doubtful = measures
        .iter()
        .flatten()
        .filter(|e| e.caveat().is_some())
        .count();
    if doubtful > 0 {
        text.push_str(&format!(
            " Выводов, которые держатся на одной школе, расходятся с долей обучающихся, \
             сравнивают группы, начинавшие с разного уровня, проверенный год с непроверенным \
             или школы, где была и другая мера по тому же показателю: {doubtful}; такие выводы \
             отмечены в таблице и требуют подтверждения данными следующего года."
        ));
    }
    let (improved, counted) = plans;
    if counted > 0 {
        text.push_str(&format!(
            " Планы мероприятий школ: целевые показатели улучшились у {improved} из {counted} \
             запланированных мер ({}).",
            percent(improved as u64, counted as u64)
        ));
    }
    text
}

/// How the analysis of measures compares, said beside its table;
/// `by_share`: the targets are shares of a card without points, compared
/// by the pupils' share (seed 001's П-1.1).
pub fn effects_method(by_share: bool) -> String {
    use crate::department::effectiveness::{Verdict, MIN_SCHOOLS, NOTABLE_TENTHS};
    let compared = match by_share {
        true => {
            "изменение доли обучающихся (Σ/Σ) у адресных минус изменение у остальных; показатель \
             без баллов выполненным не бывает, поэтому сравниваются доли, и только у школ, где доля \
             есть в оба года (их число указано в скобках)"
        }
        false => "изменение доли школ, выполняющих показатель, у адресных минус изменение у остальных",
    };
    format!(
        "Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: \
         {compared}. Разность считается по точным значениям и может отличаться от разности \
         округлённых изменений на 0,1\u{A0}п.\u{A0}п. Заметной считается разность не менее \
         {}\u{A0}п.\u{A0}п. Итоги «{}» и «{}» означают, что сравнить нельзя: меру получили все \
         школы или в одной из групп меньше {MIN_SCHOOLS}\u{A0}школ. Показатели, правило которых \
         изменилось между годами, и исключённые из карты не сравниваются. Адресными считаются все \
         школы, которым мера адресована; если участвовали не все, это сказано в отметке о \
         выполнении меры.",
        crate::text::tenths(NOTABLE_TENTHS.unsigned_abs(), ','),
        Verdict::NoOthers.label(),
        Verdict::TooFew.label(),
    )
}
