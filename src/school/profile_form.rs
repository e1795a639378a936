//! The school's profile: who reports, for which year, and which levels of
//! education and groups of students it has (this decides what applies).

use leptos::prelude::*;

use crate::platform::browser::year_month;
use crate::school::drafts::Drafts;
use crate::school::state::{filled, CardCtx, DraftCtx, DraftParts};
use crate::shared::field::{Field, FieldKind};
use profkarta_core::card::ProfileFlag;
use profkarta_core::error::TextError;
use profkarta_core::school::profile::{canonical_period, ProfileField, SchoolLevel};

#[component]
pub fn ProfileForm() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let CardCtx(card) = expect_context();
    // A keystroke in an indicator changes the draft but not the profile, so
    // the profile's fields do not wake.
    let DraftParts { profile, left, .. } = expect_context();
    let (year, month) = year_month();
    let problems = Memo::new(move |_| {
        profile.with(|p| {
            let mut all = p.problems();
            all.extend(p.cautions(year, month));
            all
        })
    });
    // "Обязательное поле" is noise on a form nobody has touched yet: it
    // appears once the user has left the field. A field the stored draft
    // fills was left before: a half-typed e-mail is marked after a reload.
    // Read from the draft itself: when another draft is opened, the
    // profile's own signal may still hold the one before.
    let filled = move || draft.with_untracked(|d| filled(&d.profile));
    // Another draft opened (or a new one) starts afresh.
    if let Some(ws) = use_context::<Drafts>() {
        let id = Memo::new(move |_| ws.meta.with(|m| m.id.clone()));
        // Read, not only tracked: a memo never read is never computed, so
        // it would not follow the draft.
        Effect::watch(move || id.get(), move |_, _, _| left.set(filled()), false);
    }

    let text_fields = ProfileField::ALL
        .into_iter()
        .map(|field| {
            let value = Memo::new(move |_| profile.with(|p| p.text(field).to_owned()));
            let error = Signal::derive(move || {
                problems.with(|p| {
                    p.iter()
                        .filter(|(f, e)| {
                            *f == field
                                // What is still being typed is judged once the field is left.
                                && (!matches!(e, TextError::Required | TextError::Email)
                                    || left.with(|l| l.contains(&field)))
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
                // «2025-2026» becomes «2025/2026» on leaving the field, as
                // the department files it.
                if field == ProfileField::Period {
                    let typed = value.get_untracked();
                    if let Some(year) = canonical_period(&typed).filter(|y| *y != typed) {
                        draft.update(|d| *d.profile.text_mut(field) = year);
                    }
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

    // The card's yes/no questions: levels of education together, then ОВЗ
    // and the card's own (a preschool group, …), one box each.
    let flags = card.profile_flags().into_owned();
    let checkbox = move |flag: ProfileFlag, id: String| {
        let answer = flag.clone();
        let label = flag.label.clone();
        let for_id = id.clone();
        view! {
            <label class="choice" for=for_id>
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || profile.with(|p| answer.answer(p))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| flag.set(&mut d.profile, on))
                    }
                />
                {label}
            </label>
        }
    };
    let is_level = |f: &ProfileFlag| SchoolLevel::ALL.iter().any(|l| l.key() == f.key);
    let level_boxes = flags
        .iter()
        .filter(|f| is_level(f))
        .map(|f| checkbox(f.clone(), format!("profile-level-{}", f.key)))
        .collect_view();
    let other_boxes = flags
        .iter()
        .filter(|f| !is_level(f))
        .map(|f| checkbox(f.clone(), flag_input_id(f)))
        .collect_view();

    // What "не применимо" changes depends on what the card counts.
    let hint = match (card.has_points(), card.levels.is_some()) {
        _ if !card.depends_on_profile() => {
            "В этой карте все показатели относятся ко всем школам: эти отметки на них не влияют, \
             они сообщают отделу образования сведения о школе."
        }
        (true, true) => {
            "Показатели для отсутствующих уровней и групп отмечаются «не применимо» \
             и не входят в максимальный балл; уровень эффективности считается \
             от максимума применимых показателей."
        }
        (true, false) => {
            "Показатели для отсутствующих уровней и групп отмечаются «не применимо» \
             и не входят в максимальный балл."
        }
        (false, _) => {
            "Показатели для отсутствующих уровней и групп отмечаются «не применимо»: \
             заполнять их не нужно."
        }
    };
    view! {
        <section class="profile" aria-labelledby="profile-title">
            <h2 id="profile-title">"Сведения об образовательной организации"</h2>
            <div class="profile-grid">{text_fields}</div>
            <fieldset class="levels">
                <legend>"Уровни образования в ОО"</legend>
                {level_boxes}
            </fieldset>
            <fieldset class="levels">
                <legend>"Обучающиеся и группы"</legend>
                {other_boxes}
            </fieldset>
            <p class="hint">{hint}</p>
        </section>
    }
}

/// The box of a profile question other than a level of education, which
/// the export's list links to.
pub fn flag_input_id(flag: &ProfileFlag) -> String {
    if flag.is_own() {
        format!("profile-flag-{}", flag.key)
    } else {
        format!("profile-{}", flag.key)
    }
}
