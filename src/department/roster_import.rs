//! Reading the municipality's list of schools from Excel (XLSX, or a CSV):
//! the coordinator picks which column holds the name (and, if present, the
//! identifier and the municipality), sees the first schools as they will
//! be read, and only then replaces the list.

use leptos::prelude::*;

use profkarta_core::department::roster::{row_text, Columns, Roster, RosterRead, HEADER_ROWS};
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
    // Which sheet of a workbook of several was read.
    let sheet = RwSignal::new(None::<String>);
    let columns = RwSignal::new(None::<Columns>);
    let on_change = move |ev: leptos::ev::Event| {
        for file in take_picked(&ev) {
            leptos::task::spawn_local(async move {
                match read_bytes(&file).await {
                    Ok(bytes) => {
                        let read =
                            read_table(&bytes).and_then(|t| t.too_short().map_or(Ok(t), Err));
                        let read = match read {
                            Ok(read) => read,
                            Err(e) => {
                                dept.notices
                                    .refuse(&file.name(), "не загружен", &e.to_string());
                                return;
                            }
                        };
                        columns.set(Some(Columns::guess(&read.rows)));
                        sheet.set(read.sheet_line());
                        table.set(Some((file.name(), read.rows)));
                        // The columns are asked next: the focus goes there.
                        focus_when_drawn("roster-header".to_owned());
                    }
                    Err(e) => dept
                        .notices
                        .refuse(&file.name(), "не загружен", &e.to_string()),
                }
            });
        }
    };
    let read = Memo::new(move |_| {
        let c = columns.get()?;
        table.with(|t| t.as_ref().map(|(_, rows)| c.schools(rows)))
    });
    let count = move || read.with(|r| r.as_ref().map_or(0, |r| r.schools.len()));
    let header_at = move || columns.with(|c| c.map_or(0, |c| c.header));
    let header = move || {
        let at = header_at();
        table.with(|t| {
            (t.as_ref())
                .and_then(|(_, rows)| rows.get(at).cloned())
                .unwrap_or_default()
        })
    };
    // The header row is chosen among the top rows; choosing another names
    // the columns afresh from its words.
    let header_options = move || {
        let chosen = header_at();
        table.with(|t| {
            let rows = t.as_ref().map(|(_, rows)| rows.as_slice()).unwrap_or_default();
            (0..rows.len().min(HEADER_ROWS))
                .map(|i| view! { <option value=i.to_string() selected=chosen == i>{row_text(&rows[i])}</option> })
                .collect_view()
        })
    };
    let on_header = move |ev| {
        let Ok(at) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        table.with_untracked(|t| {
            if let Some((_, rows)) = t {
                columns.set(Some(Columns::from_header(rows, at)));
            }
        });
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
        if let Some(RosterRead { schools, .. }) = read.get_untracked() {
            dept.replace_roster(schools);
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
                <p>{move || {
                    let below = |rows: &Vec<Vec<String>>| rows.len() - 1 - header_at();
                    table.with(|t| t.as_ref().map(|(name, rows)| format!("Файл «{name}»: строк под заголовком — {}. Укажите, где что записано.", below(rows))))
                }}</p>
                {move || sheet.get().map(|line| view! { <p data-testid="roster-sheet">{line}</p> })}
                <div class="form-grid">
                    <label for="roster-header">"Строка заголовка"</label>
                    <select id="roster-header" on:change=on_header>{header_options}</select>
                    {select("roster-col-name", "Наименование", |c| Some(c.name), |c, v| c.name = v.unwrap_or(0), false)}
                    {select("roster-col-id", "ИНН или код", |c| c.identifier, |c, v| c.identifier = v, true)}
                    {select("roster-col-municipality", "Муниципалитет", |c| c.municipality, |c, v| c.municipality = v, true)}
                </div>
                <p>{move || match count() {
                    0 => "Под этим заголовком нет ни одной школы: выберите другую строку заголовка или столбец наименования.".to_owned(),
                    n => format!("Будет загружено школ: {n}. Первые:"),
                }}</p>
                <ul data-testid="roster-preview">
                    {move || read.with(|r| r.iter().flat_map(|r| &r.schools).take(PREVIEW).map(|s| view! { <li>{s.name.clone()}</li> }).collect_view())}
                </ul>
                {move || read.with(|r| r.as_ref().and_then(RosterRead::skipped_line)).map(|line| view! { <p data-testid="roster-skipped">{line}</p> })}
                // Replacing drops what the new list lacks (schools typed by
                // hand): said before the button, not found out after.
                {move || {
                    let dropped = read.with(|r| {
                        let new = r.as_ref()?;
                        dept.archive().with(|a| a.roster.dropped_by(&new.schools, a.entries(), Roster::LOADED))
                    })?;
                    Some(view! { <p class="notice notice-warning" data-testid="roster-dropped">{dropped}</p> })
                }}
                <div class="actions">
                    <button type="button" class="primary" on:click=accept disabled=move || count() == 0>"Заменить список этими школами"</button>
                    <button type="button" on:click=move |_| {
                        table.set(None);
                        focus_when_drawn("roster-title".to_owned());
                    }>"Отмена"</button>
                </div>
            </div>
        </Show>
    }
}
