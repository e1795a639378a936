//! The sentences of the analytical report (аналитическая справка), by
//! part: its opening and its account of itself (`overview`), the schools
//! and indicators it names (`schools`), the change since the year before
//! (`year_over_year`), last year's measures (`measures`) and its
//! conclusions (`proposals`). The shell lays them out for A4 and Word;
//! the wording is tested here.

mod measures;
mod overview;
mod proposals;
mod schools;
mod year_over_year;
pub use measures::*;
pub use overview::*;
pub use proposals::*;
pub use schools::*;
pub use year_over_year::*;

use crate::card::{Card, Rule};
use crate::text::{by_name, lower_first, tied};

/// The report's title, with its year: a printed report read months later,
/// or filed beside last year's, names the year it is about.
pub fn title(period: &str) -> String {
    format!("Аналитическая справка по итогам мониторинга профориентационной работы за {period} учебный год")
}

/// The report's sections, headed alike on screen, on paper and in Word.
pub const ZONES_HEADING: &str = "Проблемные зоны";
pub const BEST_HEADING: &str = "Лучшие результаты";
pub const LOW_HEADING: &str = "Школы с низкой эффективностью";
pub const FIGURES_HEADING: &str = "Показатели по муниципалитету";
/// What the columns of «Показатели по муниципалитету» count, said under
/// it (two of them differ only where a school did not answer, or gave no
/// last year for a growth indicator); a card without points has no
/// maximum and no «Σ/Σ» in its headings, and one without shares no word
/// on how they are pooled.
pub fn figures_note(card: &Card) -> String {
    let shares = card
        .indicators()
        .any(|i| matches!(i.rule, Rule::Share { .. } | Rule::Breakdown { .. }));
    let columns = if card.has_points() {
        // Seed 002's informational indicators are in no maximum, and their
        // column has numbers all the same (a walk-through).
        let informational = match card.indicators().any(|i| i.points == 0) {
            true => " (показатель без баллов — к скольким школам он относится)",
            false => "",
        };
        // Growth is named only where the card has it.
        let growth = match card.indicators().any(|i| i.rule.asks_last_year()) {
            true => {
                ", или если у показателя роста школа не указала прошлый год (её доля входит в \
                 значение, а баллы за показатель в максимум не входят)"
            }
            false => "",
        };
        // A share «0 из 0» the card scores 0 applies and adds nothing.
        let empty_share = match shares {
            true => ", указала долю «0 из 0» (в значение она ничего не добавляет)",
            false => "",
        };
        format!(
            "«Применим к школам» — у скольких школ показатель входит в максимум баллов\
             {informational}; «Школ в расчёте» — сколько школ дали ответы, вошедшие в значение по \
             муниципалитету. Числа расходятся, если часть школ не ответила, ответила с \
             ошибкой{empty_share}{growth}."
        )
    } else {
        // The «0 из 0» of a share only where the card has shares (the
        // Невинномысск card has none).
        let empty_share = match shares {
            true => {
                " (школа, указавшая долю «0 из 0», в это число не входит, даже если по профилю \
                 показатель к ней относится: такую долю стоит уточнить у школы)"
            }
            false => "",
        };
        format!(
            "«Применим к школам» — к скольким школам показатель относится по их профилю и \
             ответам{empty_share}; «Школ в расчёте» — сколько школ дали ответы, вошедшие в \
             значение по муниципалитету (меньше, если часть школ не ответила, ответила с \
             ошибкой или проверка не подтвердила значение{}).",
            if card.asks_yes_no() {
                "; неподтверждённое «да» входит в значение как «нет»"
            } else {
                ""
            }
        )
    };
    match shares {
        false => columns,
        true => format!(
            "{columns} Значение доли по муниципалитету — сумма числителей всех школ, делённая \
             на сумму их знаменателей."
        ),
    }
}
/// Said on «Динамика» (not on paper) when both years have schools the
/// other has not ([`unpaired_said`] names them in the summary above): a
/// school renamed without an ИНН is two schools until the coordinator
/// places its file on «Школы», and the comparison leaves it out (a
/// walk-through's «10 из 10» of 12 schools a year).
pub fn unpaired_note(new: &[String], gone: &[String]) -> Option<String> {
    (!new.is_empty() && !gone.is_empty()).then(|| {
        "Если среди школ, представивших карту только в одном из двух лет, есть переименованные \
         школы без ИНН, укажите их на вкладке «Школы» («… — это …» над списком): тогда сравнение \
         лет их учтёт."
            .to_owned()
    })
}

/// «Карту представили не в оба года: только в этом — 1 (МАОУ СОШ № 19),
/// только в прошлом — 1 (…); в сравнение лет эта школа не вошла.», the schools of
/// one year only by name: a school closed and another opened read as the
/// same 18 schools both years (a walk-through). `None` when every school
/// has both.
pub fn unpaired_said(new: &[String], gone: &[String]) -> Option<String> {
    let part = |names: &[String], when: &str| {
        (!names.is_empty()).then(|| {
            format!(
                "только в {when} — {} ({})",
                names.len(),
                crate::text::first_of(names, 10)
            )
        })
    };
    let parts: Vec<String> = [part(new, "этом"), part(gone, "прошлом")]
        .into_iter()
        .flatten()
        .collect();
    let them = match new.len() + gone.len() {
        0 => return None,
        1 => "эта школа не вошла",
        _ => "эти школы не вошли",
    };
    Some(format!(
        "Карту представили не в оба года: {}; в сравнение лет {them}.",
        parts.join(", ")
    ))
}

pub const DYNAMICS_HEADING: &str = "Динамика";
pub const VALUES_HEADING: &str = "Значения показателей по муниципалитету";
/// Above [`school_value_changes_table`](crate::department::tables::school_value_changes_table):
/// the move is [`SCHOOL_MOVE_POINTS`](crate::department::dynamics::SCHOOL_MOVE_POINTS).
pub const SCHOOL_VALUES_HEADING: &str = "Значения школ, изменившиеся больше чем на 10 п. п.";
/// Said under that table: whose answers, and how a yes or no moves.
pub fn school_values_note(card: &Card) -> String {
    let (yes_no, order) = if card.asks_yes_no() {
        (
            "; «да» и «нет» — как 100 % и 0 %, «да», не подтверждённое проверкой, — как «нет»",
            "Сначала — доли и проценты, затем сменившиеся «да/нет»; в каждой части — наибольшие \
             изменения.",
        )
    } else {
        ("", "Сначала — наибольшие изменения.")
    };
    format!(
        "По ответам школ, приславших карты за оба года{yes_no}; число или доля, не подтверждённые \
         проверкой, не сравниваются, как не входят и в значение по муниципалитету. {order}"
    )
}
/// Each school's own values ([`values_table`](crate::department::tables::values_table)),
/// on a card without points the table by organisation its monitoring is
/// for: on «Результаты» and in the report.
pub const VALUES_BY_SCHOOL_HEADING: &str = "Значения по школам";
/// What the marks in that table mean.
pub fn values_by_school_note(card: &Card) -> String {
    format!(
        "Столбцы — пункты карты, их формулировки — в таблице показателей; «—» — школа показатель не \
         заполнила; «не подтверждено проверкой» — значение не вошло в значение по \
         муниципалитету{}.{}",
        if card.asks_yes_no() {
            " («да» учтено как «нет»)"
        } else {
            ""
        },
        list_sums_note(card)
    )
}
/// What a list's cell in «Значения по школам» holds, in its columns'
/// order: « В п. 1.3 — число строк и суммы столбцов через «/»: общая
/// численность …; в том числе …». Empty for a card without lists.
pub fn list_sums_note(card: &Card) -> String {
    card.indicators()
        .filter_map(|i| match &i.rule {
            Rule::List { columns, .. } => {
                let labels: Vec<String> = columns
                    .iter()
                    .map(|c| lower_first(c.label.trim()))
                    .collect();
                Some(format!(
                    " В п. {} — число строк и суммы столбцов через «/»: {}.",
                    i.code,
                    labels.join("; ")
                ))
            }
            _ => None,
        })
        .collect()
}

/// Each school's value of an indicator on a chart
/// ([`spread`](crate::department::spread)): one at a time on «Результаты»,
/// every one in the report of a card without points.
pub const SPREAD_HEADING: &str = "Значения школ по показателям";
/// What those charts draw.
pub const SPREAD_NOTE: &str = "Столбцы — значения школ, вошедшие в значение по муниципалитету; \
     пунктир — само это значение (у доли — сумма числителей от суммы знаменателей, у числа и \
     процента — среднее по школам). Школы без значения — внизу, с причиной.";
/// Said instead of that table when no school's value moved so far.
pub const NO_SCHOOL_VALUES_MOVED: &str =
    "Ни у одной школы, приславшей карты за оба года, значения не изменились больше чем на 10 п. п.";
pub const EFFECTS_HEADING: &str = "Анализ эффективности принятых мер";
pub const PLANS_HEADING: &str = "Планы мероприятий школ";

/// How a school's planned measure is counted as improved, said under the
/// plans' table: a walk-through read «0 из 1» of a row whose two targets
/// rose and one fell as a mistake.
pub const PLANS_COUNTED: &str =
    "Мероприятие плана засчитано как давшее результат, если хотя бы один его целевой показатель \
     улучшился и ни один не ухудшился.";

/// Two lines, as a letter's: in one, Word wrapped «Дата» away from its blank.
pub const SIGNATURE: &str =
    "Подготовил(а) ____________________ / ____________________ /\nДата ____________";

/// How many schools the report names as best.
pub const BEST: usize = 5;

/// Names (or lines that start with one) in the order of names, «№» kept
/// with its number: how every list of schools in the report reads.
pub(crate) fn in_name_order<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut names: Vec<S> = names.into_iter().collect();
    names.sort_by(|a, b| by_name(a.as_ref(), b.as_ref()));
    names.iter().map(|n| tied(n.as_ref())).collect()
}

#[cfg(test)]
mod tests;
