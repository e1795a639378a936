//! Reading the municipality's list of schools from Excel (XLSX, or a CSV):
//! the coordinator picks which column holds the name (and, if present, the
//! identifier and the municipality), sees the first schools as they will
//! be read, and only then replaces the list.

use leptos::prelude::*;

use profkarta_core::department::roster::Columns;
use profkarta_core::tabular::read_table;

use crate::department::state::Dept;
use crate::platform::browser::focus_when_drawn;
use crate::platform::files::{read_bytes, take_picked};

/// Schools shown in the preview.
const PREVIEW: usize = 5;

#[component]
pub fn RosterImport() -> impl IntoView {
    let dept: Dept = expect_context();
    // The table read, and the columns chosen for it.
    let table = RwSignal::new(None::<(String, Vec<Vec<String>>)>);
    let columns = RwSignal::new(None::<Columns>);
    let on_change = move |ev: leptos::ev::Event| {
        for file in take_picked(&ev) {
            leptos::task::spawn_local(async move {
                match read_bytes(&file).await {
                    Ok(bytes) => {
                        let rows = match read_table(&bytes) {
                            Ok(rows) => rows,
                            Err(e) => {
                                dept.notices.push(format!("«{}»: {e}", file.name()), None);
                                return;
                            }
                        };
                        if rows.len() < 2 {
                            dept.notices.push(
                                format!(
                                    "«{}»: в файле нет строк со школами под заголовком.",
                                    file.name()
                                ),
                                None,
                            );
                            return;
                        }
                        columns.set(Some(Columns::guess(&rows[0])));
                        table.set(Some((file.name(), rows)));
                        // The columns are asked next: the focus goes there.
                        focus_when_drawn("roster-col-name".to_owned());
                    }
                    Err(e) => dept.notices.push(format!("«{}»: {e}", file.name()), None),
                }
            });
        }
    };
    let schools = Memo::new(move |_| {
        let c = columns.get()?;
        table.with(|t| t.as_ref().map(|(_, rows)| c.schools(rows)))
    });
    let header = move || {
        table.with(|t| {
            t.as_ref()
                .map(|(_, rows)| rows[0].clone())
                .unwrap_or_default()
        })
    };
    let select = move |id: &'static str,
                       label: &'static str,
                       get: fn(Columns) -> Option<usize>,
                       set: fn(&mut Columns, Option<usize>),
                       optional: bool| {
        let options = move || {
            let chosen = columns.get().and_then(get);
            let none = optional
                .then(|| view! { <option value="" selected=chosen.is_none()>"— нет —"</option> });
            let named = header()
                .into_iter()
                .enumerate()
                .map(|(i, h)| view! { <option value=i.to_string() selected=chosen == Some(i)>{h}</option> })
                .collect_view();
            view! { {none}{named} }
        };
        let on_pick = move |ev| {
            let value = event_target_value(&ev).parse::<usize>().ok();
            columns.update(|c| {
                if let Some(c) = c {
                    set(c, value);
                }
            });
        };
        view! {
            <label for=id>{label}</label>
            <select id=id on:change=on_pick>{options}</select>
        }
    };
    let accept = move |_| {
        if let Some(list) = schools.get_untracked() {
            dept.edit_roster(|r| r.schools = list);
        }
        table.set(None);
        focus_when_drawn("roster-title".to_owned());
    };
    view! {
        <span class="file-picker">
            <input type="file" id="roster-file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" class="visually-hidden" on:change=on_change/>
            <label for="roster-file" class="button">"Загрузить список (XLSX или CSV)…"</label>
        </span>
        <Show when=move || table.with(Option::is_some)>
            <div class="roster-import" data-testid="roster-import">
                <p>{move || table.with(|t| t.as_ref().map(|(name, rows)| format!("Файл «{name}»: строк под заголовком — {}. Укажите, где что записано.", rows.len() - 1)))}</p>
                <div class="form-grid">
                    {select("roster-col-name", "Наименование", |c| Some(c.name), |c, v| c.name = v.unwrap_or(0), false)}
                    {select("roster-col-id", "ИНН или код", |c| c.identifier, |c, v| c.identifier = v, true)}
                    {select("roster-col-municipality", "Муниципалитет", |c| c.municipality, |c, v| c.municipality = v, true)}
                </div>
                <p>{move || format!("Будет загружено школ: {}. Первые:", schools.with(|s| s.as_ref().map_or(0, Vec::len)))}</p>
                <ul data-testid="roster-preview">
                    {move || schools.with(|s| s.iter().flatten().take(PREVIEW).map(|s| view! { <li>{s.name.clone()}</li> }).collect_view())}
                </ul>
                <div class="actions">
                    <button type="button" class="primary" on:click=accept>"Заменить список этими школами"</button>
                    <button type="button" on:click=move |_| {
                        table.set(None);
                        focus_when_drawn("roster-title".to_owned());
                    }>"Отмена"</button>
                </div>
            </div>
        </Show>
    }
}
