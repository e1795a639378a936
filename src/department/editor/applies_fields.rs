//! Which schools an indicator applies to: levels of education, ОВЗ, and the
//! card's own profile questions. None ticked: every school.

use leptos::prelude::*;

use profkarta_core::card::edit::Place;
use profkarta_core::card::{Card, ProfileFlag, OVZ_FLAG};
use profkarta_core::school::profile::SchoolLevel;

use crate::department::editor::{indicator, indicator_mut, Editor};

/// Whether the indicator at `p` requires the profile answer `key`.
fn requires(card: &Card, p: Place, key: &str) -> bool {
    indicator(card, p).is_some_and(|i| {
        let a = &i.applies;
        match SchoolLevel::ALL.iter().find(|l| l.key() == key) {
            Some(level) => a.levels.contains(level),
            None if key == OVZ_FLAG => a.ovz,
            None => a.flags.iter().any(|f| f == key),
        }
    })
}

fn set_requires(card: &mut Card, p: Place, key: &str, on: bool) {
    let Some(i) = indicator_mut(card, p) else {
        return;
    };
    let a = &mut i.applies;
    match SchoolLevel::ALL.iter().find(|l| l.key() == key) {
        Some(level) => {
            a.levels.retain(|l| l != level);
            if on {
                a.levels.push(*level);
                a.levels.sort();
            }
        }
        None if key == OVZ_FLAG => a.ovz = on,
        None => {
            a.flags.retain(|f| f != key);
            if on {
                a.flags.push(key.to_owned());
            }
        }
    }
}

#[component]
pub fn AppliesFields(place: Place, slug: String) -> impl IntoView {
    let editor: Editor = expect_context();
    let flags = Memo::new(move |_| editor.card.with(|c| c.profile_flags().into_owned()));
    let boxes = move || {
        flags
            .get()
            .into_iter()
            .map(|ProfileFlag { key, label }| {
                let id = format!("{slug}-applies-{key}");
                let checked = {
                    let key = key.clone();
                    Memo::new(move |_| editor.card.with(|c| requires(c, place, &key)))
                };
                let group = id.clone();
                let on_change = move |ev| {
                    let on = event_target_checked(&ev);
                    let key = key.clone();
                    editor.change(&group, move |c| set_requires(c, place, &key, on));
                };
                view! {
                    <label class="choice">
                        <input type="checkbox" id=id prop:checked=move || checked.get() on:change=on_change/>
                        {label}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="editor-applies">
            <legend>"Относится к школам, где (ничего не отмечено — ко всем; из уровней — хотя бы один)"</legend>
            {boxes}
        </fieldset>
    }
}
