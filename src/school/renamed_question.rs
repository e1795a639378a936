//! Asked before the export when the school's name changed since the
//! export the draft corrects: the department takes the new file for the
//! school renamed and counts it in place of that export, which is wrong
//! when a second school's card was made from this draft.

use leptos::prelude::*;

use crate::school::state::DraftParts;
use profkarta_core::text::quoted;

/// The first answer's id, for the export button to take the keyboard to.
pub const SAME_SCHOOL: &str = "export-same-school";

#[component]
pub fn RenamedQuestion(
    /// The name in the export the draft corrects.
    was: String,
    /// The answer: (the draft, the name it was given for, the same school).
    same_school: RwSignal<Option<(String, String, bool)>>,
    /// The answer for the open draft and the name as typed now.
    #[prop(into)]
    answered: Signal<Option<bool>>,
    /// The open draft's id.
    open_draft: Memo<String>,
) -> impl IntoView {
    let DraftParts { profile, .. } = expect_context();
    let name = move || profile.with(|p| p.name.trim().to_owned());
    let checked = move |same: bool| answered.get() == Some(same);
    let choice = move |same: bool, id: &'static str, label: String| {
        view! {
            <label class="choice" for=id>
                <input
                    type="radio"
                    id=id
                    name="export-same-school"
                    prop:checked=move || checked(same)
                    on:change=move |_| same_school.set(Some((open_draft.get_untracked(), name(), same)))
                />
                {label}
            </label>
        }
    };
    let old = quoted(&was);
    view! {
        <fieldset class="notice renamed-question" data-testid="export-renamed">
            <legend>{move || format!(
                "После прошлой выгрузки изменилось наименование школы: было {old}, теперь {}. Это та же школа?",
                quoted(&name())
            )}</legend>
            {choice(true, SAME_SCHOOL, "Да, школа сменила наименование: новый файл заменит прежний в отделе образования".to_owned())}
            {choice(false, "export-other-school", format!("Нет, это другая школа: её файл будет отдельным, а файл школы {} останется в силе", quoted(&was)))}
        </fieldset>
    }
}
