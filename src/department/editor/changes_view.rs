//! What changed between two versions of a card (its maximum, levels and
//! criteria, then indicator by indicator), for the order that approves the
//! new methodology: printable alone.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::versions::{change_lines, comparable_line};
use profkarta_core::card::Card;

use crate::platform::browser::print_part;

#[component]
pub fn ChangesView(
    /// The versions to choose from, oldest first (published ones and the
    /// draft of the next, if any).
    versions: Vec<Arc<Card>>,
    /// The version asked about: compared with the one before it (the first
    /// with the one after it).
    version: u32,
) -> impl IntoView {
    let at = versions
        .iter()
        .position(|c| c.version == version)
        .unwrap_or(versions.len().saturating_sub(1));
    let (before, after) = match at {
        0 => (0, 1.min(versions.len().saturating_sub(1))),
        at => (at - 1, at),
    };
    let before = RwSignal::new(before);
    let after = RwSignal::new(after);
    let versions = StoredValue::new(versions);
    // «Было» offers only versions before «Стало», and «Стало» only those
    // after «Было»: «Было: версия 3, стало: версия 1» listed the changes
    // from 1 to 3 under those words (a walk-through).
    let options = move |chosen: RwSignal<usize>, allowed: fn(usize, (usize, usize)) -> bool| {
        versions.with_value(|all| {
            all.iter()
                .enumerate()
                .map(|(at, c)| {
                    let disabled = move || at != chosen.get() && !allowed(at, (before.get(), after.get()));
                    view! { <option value=at.to_string() selected=move || chosen.get() == at disabled=disabled>{format!("версия {}", c.version)}</option> }
                })
                .collect_view()
        })
    };
    let pick = move |chosen: RwSignal<usize>| {
        move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))
    };
    // The two versions compared: cheap to clone, and every line below
    // reads both.
    let pair = move || {
        let (a, b) = (before.get(), after.get());
        versions.with_value(|all| Some((all.get(a)?.clone(), all.get(b)?.clone())))
    };
    let lines = move || pair().map_or_else(Vec::new, |(old, new)| change_lines(&old, &new));
    let compared = move || {
        pair().map(|(old, new)| {
            format!(
                "Версия {} по сравнению с версией {}.",
                new.version, old.version
            )
        })
    };
    let share = move || pair().map(|(old, new)| comparable_line(&old, &new));
    // The later version's title: the draft's may differ from both.
    let title = move || pair().map(|(_, new)| new.title.clone()).unwrap_or_default();
    view! {
        <section class="panel changes-view" data-testid="changes-view" aria-labelledby="changes-title">
            <h3 id="changes-title" tabindex="-1">{move || format!("Изменения карты «{}»", title())}</h3>
            <div class="actions no-print">
                <label>"Было: " <select id="changes-before" on:change=pick(before)>{options(before, |at, (_, after)| at < after)}</select></label>
                <label>"Стало: " <select id="changes-after" on:change=pick(after)>{options(after, |at, (before, _)| at > before)}</select></label>
                <button type="button" on:click=move |_| print_part("changes")>"Печать изменений"</button>
            </div>
            <p class="print-only">{compared}</p>
            <p data-testid="changes-share">{share}</p>
            {move || {
                let lines = lines();
                if lines.is_empty() {
                    view! { <p>"Карта не изменилась."</p> }.into_any()
                } else {
                    view! { <ol data-testid="changes-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol> }.into_any()
                }
            }}
        </section>
    }
}
