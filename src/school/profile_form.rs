//! The school's profile: who reports, for which year, and which levels of
//! education and groups of students it has (this decides what applies).

use leptos::prelude::*;

use crate::school::state::DraftCtx;
use crate::shared::field::{Field, FieldKind};
use profkarta_core::error::TextError;
use profkarta_core::school::profile::{ProfileField, SchoolLevel};

#[component]
pub fn ProfileForm() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    // A keystroke in an indicator changes the draft but not the profile:
    // through this memo the profile's fields do not even look.
    let profile = Memo::new(move |_| draft.with(|d| d.profile.clone()));
    let problems = Memo::new(move |_| profile.with(|p| p.problems()));
    // "Обязательное поле" is noise on a form nobody has touched yet: it
    // appears once the user has left the field.
    let left = RwSignal::new(Vec::<ProfileField>::new());

    let text_fields = ProfileField::ALL
        .into_iter()
        .map(|field| {
            let value = Memo::new(move |_| profile.with(|p| p.text(field).to_owned()));
            let error = Signal::derive(move || {
                problems.with(|p| {
                    p.iter()
                        .filter(|(f, e)| {
                            *f == field
                                && (*e != TextError::Required || left.with(|l| l.contains(&field)))
                        })
                        .map(|(_, e)| e.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            });
            let on_input =
                Callback::new(move |v: String| draft.update(|d| *d.profile.text_mut(field) = v));
            let on_blur = Callback::new(move |()| {
                if !left.with(|l| l.contains(&field)) {
                    left.update(|l| l.push(field));
                }
            });
            let required = field != ProfileField::Identifier && field != ProfileField::Contact;
            view! {
                <Field
                    id=format!("profile-{}", field.key())
                    label=field.label().to_owned()
                    kind=FieldKind::Text
                    value
                    on_input
                    error
                    on_blur
                    required
                />
            }
        })
        .collect_view();

    let level_boxes = SchoolLevel::ALL
        .into_iter()
        .map(|level| {
            let id = format!("profile-level-{}", level.key());
            view! {
                <label class="choice" for=id>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || profile.with(|p| p.has(level))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.profile.set_level(level, on))
                        }
                    />
                    {level.label()}
                </label>
            }
        })
        .collect_view();

    view! {
        <section class="profile" aria-labelledby="profile-title">
            <h2 id="profile-title">"Сведения об образовательной организации"</h2>
            <div class="profile-grid">{text_fields}</div>
            <fieldset class="levels">
                <legend>"Уровни образования в ОО"</legend>
                {level_boxes}
            </fieldset>
            <fieldset class="levels">
                <legend>"Обучающиеся с ОВЗ и дети-инвалиды"</legend>
                <label class="choice" for="profile-ovz">
                    <input
                        type="checkbox"
                        id="profile-ovz"
                        prop:checked=move || profile.with(|p| p.ovz)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.profile.ovz = on)
                        }
                    />
                    "В ОО обучаются дети с ОВЗ или дети-инвалиды"
                </label>
            </fieldset>
            <p class="hint">
                "Показатели для отсутствующих уровней и групп отмечаются «не применимо» "
                "и не входят в максимальный балл; уровень эффективности считается "
                "от максимума применимых показателей."
            </p>
        </section>
    }
}
