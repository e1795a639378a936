//! On «Проверка», the school's other files of the same year: the latest
//! counts, and the coordinator may count an earlier one instead (a later
//! export from the wrong draft, a file without the plan) and take the
//! choice back. Before, the only way was to ask the school to export
//! again.

use leptos::prelude::*;

use crate::department::state::Dept;
use crate::platform::browser::focus_when_drawn;

/// The buttons the focus goes between as a choice is made and taken back:
/// it went to the page's top, and a keyboard user Tabbed through the whole
/// header to undo (a walk-through).
const CHOOSE: &str = "slot-choose";
const UNCHOOSE: &str = "slot-unchoose";

#[component]
pub fn SlotFiles(submission: String) -> impl IntoView {
    let dept: Dept = expect_context();
    let id = StoredValue::new(submission);
    let chosen_over = move || {
        dept.archive().with(|a| {
            let id = id.get_value();
            a.chosen_over(&id).map(|e| {
                let waiting = a.own_choice_waiting(&id).map(|own| own.told_apart());
                (e.told_apart(), a.lead_chose(&id).then_some(waiting))
            })
        })
    };
    let others = move || {
        dept.archive().with(|a| {
            (a.slot_files(&id.get_value()).into_iter())
                .map(|e| (e.id().to_owned(), e.file_name.clone(), e.told_apart()))
                .collect::<Vec<_>>()
        })
    };
    move || {
        match chosen_over() {
        // A reviewer checks the file the lead counts; the choice is the
        // lead's to take back.
        Some((newer, Some(waiting))) => {
            let waiting = waiting.map(|own| format!(
                " Ваш прежний выбор — {own} — отложен: он снова будет учитываться, если ведущий отменит свой выбор или снимет школу с задания."
            ));
            view! {
                <p class="notice notice-warning on-paper" data-testid="slot-chosen">{format!(
                    "Учитывается этот файл: его выбрал ведущий координатор (так сказано в задании), а не более новый: {newer}.{}",
                    waiting.unwrap_or_default()
                )}</p>
            }
            .into_any()
        }
        Some((newer, None)) => view! {
            <div class="notice notice-warning on-paper" data-testid="slot-chosen">
                <p>{format!("Учитывается этот файл, выбранный отделом, а не более новый: {newer}.")}</p>
                <button type="button" id=UNCHOOSE class="no-print" on:click=move |_| {
                    dept.unchoose_file(&id.get_value());
                    focus_when_drawn(format!("{CHOOSE}-0"));
                }>
                    "Учитывать более новый"
                </button>
            </div>
        }
        .into_any(),
        None => {
            let others = others();
            (!others.is_empty())
                .then(|| {
                    let items = others
                        .into_iter()
                        .enumerate()
                        .map(|(at, (other, name, told))| {
                            view! {
                                <li>
                                    {told} " "
                                    <button type="button" id=format!("{CHOOSE}-{at}") aria-label=format!("Учитывать файл «{name}»")
                                        on:click=move |_| {
                                            dept.choose_file(&other);
                                            focus_when_drawn(UNCHOOSE.to_owned());
                                        }>"Учитывать этот файл"</button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="notice no-print" data-testid="slot-files">
                            <p>"Учитывается этот файл. Другие файлы школы за этот год:"</p>
                            <ul>{items}</ul>
                        </div>
                    }
                })
                .into_any()
        }
    }
    }
}
