//! Which methodology the school fills in: one card per draft. The
//! department's cards come first; going to another card opens the school's
//! draft of it, or starts one, so nothing typed for the first card is lost.
//! A card file the department sent can be opened here too.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;

use crate::platform::browser::focus_when_drawn;
use crate::school::department_cards::SchoolCards;
use crate::school::drafts::Drafts;
use crate::school::state::CardCtx;
use crate::shared::file_picker::FilePicker;

#[component]
pub fn CardChoice() -> impl IntoView {
    let cards: SchoolCards = expect_context();
    let CardCtx(card) = expect_context();
    let drafts: Drafts = expect_context();
    // The latest version of every card, the department's first.
    let choices = Memo::new(move |_| {
        let department = cards.department.get();
        let ours = |c: &Card| department.iter().any(|d| d.card.id == c.id);
        cards.cards.with(|all| {
            let mut latest: Vec<(Arc<Card>, bool)> = Vec::new();
            for c in all.iter() {
                if latest.iter().any(|(l, _)| l.id == c.id) {
                    continue;
                }
                let newest = all.latest(&c.id).cloned().unwrap_or_else(|| Arc::clone(c));
                latest.push((newest, ours(c)));
            }
            latest.sort_by_key(|(_, from_department)| !from_department);
            latest
        })
    });
    let current = card.id.clone();
    // The open draft's own version: a newer one is named beside it, not
    // in its place (the draft is still on its own until moved).
    let open_version = card.version;
    let options = move || {
        choices
            .get()
            .into_iter()
            .map(|(c, from_department)| {
                let label = if from_department {
                    let version = match c.version {
                        v if c.id == current && v != open_version => {
                            format!("версия {open_version}, есть версия {v}")
                        }
                        v => format!("версия {v}"),
                    };
                    // The version first: a long title is cut at the box's
                    // edge, and the full title is the page's heading anyway.
                    format!("Карта отдела образования ({version}): {}", c.title)
                } else {
                    c.title.clone()
                };
                view! { <option value=c.id.clone() selected=c.id == current>{label}</option> }
            })
            .collect_view()
    };
    // The list only picks; the button opens. A closed select changes at
    // every arrow key, and opening there would start a draft of each card
    // the keyboard passes over.
    let picked = RwSignal::new(card.id.clone());
    let unchanged = {
        let current = card.id.clone();
        Memo::new(move |_| picked.with(|p| *p == current))
    };
    let open_picked = move |_| {
        let id = picked.get_untracked();
        if let Some(card) = cards.cards.with_untracked(|c| c.latest(&id).cloned()) {
            drafts.open_card(&card);
            // The page is drawn anew for the card: the focus goes back to
            // the list of cards, where the user was.
            focus_when_drawn("card-choice".to_owned());
        }
    };
    let open_file = Callback::new(
        move |(name, text): (String, Result<String, String>)| match text {
            Ok(text) => {
                if let Some(card) = cards.receive(&text, &name) {
                    drafts.open_card(&card);
                }
            }
            Err(why) => cards.notices().refuse(&name, "не открыт", &why),
        },
    );
    view! {
        <div class="card-choice no-print">
            <label for="card-choice">"Методика (карта): "</label>
            <select id="card-choice" on:change=move |ev| picked.set(event_target_value(&ev))>{options}</select>
            <button type="button" disabled=unchanged on:click=open_picked>"Перейти к этой карте"</button>
            <FilePicker id="open-card-file" label="Открыть карту отдела…" on_file=open_file/>
            // A long title is cut at the list's edge, where the cards tell
            // themselves apart («…, г. Ижевск»): the one picked is said in
            // full under it (a walk-through arrowed through three cut
            // titles).
            {move || (!unchanged.get()).then(|| {
                let title = picked.with(|id| cards.cards.with(|c| c.latest(id).map(|c| c.title.clone())));
                title.map(|title| view! { <p class="hint card-picked" data-testid="card-picked">{format!("Выбрана карта «{title}». Чтобы заполнять её, нажмите «Перейти к этой карте».")}</p> })
            })}
        </div>
    }
}
