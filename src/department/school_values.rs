//! Each school's own values, indicator by indicator, on screen: for a card
//! without points this is the table by organisation its note promises,
//! which no rating or heatmap stands in for. The same table goes to CSV and
//! XLSX.

use leptos::prelude::*;

use profkarta_core::department::tables::{values_table, Shares};

use crate::department::data_table::DataTable;
use crate::department::state::Dept;

#[component]
pub fn SchoolValues() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let yes_no = card.asks_yes_no();
    let table = Memo::new(move |_| {
        let period = dept.period.get().unwrap_or_default();
        dept.archive().with(|a| {
            dept.results
                .with(|r| values_table(&card, a, r, &period, Shares::Together))
        })
    });
    view! {
        <h3>"Значения по школам"</h3>
        <p class="muted">{format!(
            "Столбцы — пункты карты, их формулировки — в таблице выше; «—» — школа показатель не заполнила; \
             «не подтверждено проверкой» — значение не вошло в значение по муниципалитету{}. \
             Нажатие на заголовок столбца упорядочивает школы по нему.",
            if yes_no { " («да» учтено как «нет»)" } else { "" }
        )}</p>
        <DataTable table label="Значения по школам" testid="school-values" sortable=true/>
    }
}
