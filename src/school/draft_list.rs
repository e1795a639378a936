//! The school's drafts: open, rename, start next year from one, delete.

use leptos::prelude::*;

use profkarta_core::card::Rule;
use profkarta_core::text::quoted;

use crate::platform::browser::{
    confirm, focus_when_drawn, local_datetime, prompt, refocus_if_lost,
};

use crate::school::department_cards::SchoolCards;
use crate::school::drafts::{DraftEntry, Drafts};
use crate::school::next_year_choice::NextYearChoice;
use crate::shared::column_heads::ColumnHeads;
use crate::shared::notices_list::PAGE_TITLE;

/// The list itself takes the focus when the draft it was on is deleted.
pub const DRAFT_LIST: &str = "draft-list";

#[component]
pub fn DraftList() -> impl IntoView {
    let ws: Drafts = expect_context();
    let cards: SchoolCards = expect_context();
    // Which draft «Следующий год» is asking about.
    let choosing = RwSignal::new(None::<String>);
    // The list is sorted by the time of saving: a renamed draft's row moves
    // up when the rename is saved (at once, or after the pause for the open
    // draft), and the browser blurs the button it carries. The button is
    // given the focus back at the list's next change, once.
    let refocus = StoredValue::new(None::<String>);
    Effect::watch(
        move || ws.list.track(),
        move |_, _, _| {
            if let Some(id) = refocus.try_update_value(Option::take).flatten() {
                refocus_if_lost(id);
            }
        },
        false,
    );
    // A row is keyed by its draft alone and reads its name and time from
    // the list: redrawn at every save (the time changes), it would take the
    // focus of its buttons with it.
    let row = move |id: String| {
        let entry = {
            let id = id.clone();
            Memo::new(move |_| ws.list.with(|l| l.iter().find(|e| e.id == id).cloned()))
        };
        let field = move |of: fn(&DraftEntry) -> String| {
            move || entry.with(|e| e.as_ref().map(of).unwrap_or_default())
        };
        let title = field(|e| e.title.clone());
        let card = entry.with_untracked(|e| e.as_ref().map(|e| e.card.clone()).unwrap_or_default());
        // Drafts of one school and year differ by their card: name it.
        let card_title = cards
            .cards
            .with_untracked(|c| c.latest(&card).map(|c| c.title.clone()))
            .unwrap_or_else(|| card.clone());
        // Once the card has several versions, drafts of one school and
        // year may differ by theirs alone.
        let versions = cards
            .cards
            .with_untracked(|c| c.latest(&card).is_some_and(|l| l.version > 1));
        let version = field(|e| e.version.to_string());
        // A card without yes-or-no questions has nothing to copy: the
        // question is not asked.
        let copies = cards.cards.with_untracked(|c| {
            c.latest(&card)
                .is_none_or(|c| c.indicators().any(|i| matches!(i.rule, Rule::Fact { .. })))
        });
        // The new year starts on the newest version: said before it does.
        let newer = {
            let own = entry.with_untracked(|e| e.as_ref().map(|e| e.version));
            let latest = cards
                .cards
                .with_untracked(|c| c.latest(&card).map(|l| l.version));
            own.zip(latest).filter(|(own, latest)| latest > own)
        };
        let next_card = card;
        let is_open = {
            let id = id.clone();
            move || ws.meta.with(|m| m.id == id)
        };
        let (open_id, rename_id, next_id, delete_id) = (id.clone(), id.clone(), id.clone(), id);
        // Named with the card: a school's drafts of two cards for one year
        // share their title, and a screen reader heard four pairs alike.
        let named = {
            let card_title = card_title.clone();
            move || {
                let version = if versions {
                    format!(", версия {}", version())
                } else {
                    String::new()
                };
                format!(
                    "{} по карте {}{version}",
                    quoted(&title()),
                    quoted(&card_title)
                )
            }
        };
        let label = |action: &'static str| {
            let named = named.clone();
            move || format!("{action} {}", named())
        };
        let open_label = label("Открыть черновик");
        let rename_label = label("Переименовать черновик");
        let delete_label = label("Удалить черновик");
        let next_label = label("Следующий год: черновик");
        let next_button = format!("next-year-{next_id}");
        let asking = {
            let id = next_id.clone();
            move || choosing.with(|c| c.as_ref() == Some(&id))
        };
        let ask = {
            let id = next_id.clone();
            move |_| choosing.set(Some(id.clone()))
        };
        let choose = Callback::new(move |keep: bool| {
            choosing.set(None);
            // The draft's own version, where its answers are read, and the
            // newest, which next year starts on.
            let own = entry.with_untracked(|e| e.as_ref().map(|e| e.version));
            let pair = cards.cards.with_untracked(|c| {
                let to = c.latest(&next_card)?.clone();
                let from = own
                    .and_then(|v| c.get(&next_card, v))
                    .unwrap_or(&to)
                    .clone();
                Some((from, to))
            });
            if let Some((from, to)) = pair {
                ws.next_year(&next_id, keep, (&from, &to));
                focus_when_drawn(PAGE_TITLE.to_owned());
            }
        });
        view! {
            <tr class:current=is_open>
                <th scope="row">{title}</th>
                <td class="draft-card">{card_title}{move || versions.then(|| format!(", версия {}", version()))}</td>
                <td>{move || entry.with(|e| e.as_ref().map(|e| local_datetime(&e.updated_at)).unwrap_or_default())}</td>
                <td class="row-actions">
                    <button type="button" disabled=is_open.clone() aria-label=open_label on:click=move |_| {
                        // The button is the open draft's now, and disabled:
                        // the focus goes to the card the draft opened in.
                        if ws.open(&open_id) {
                            focus_when_drawn(PAGE_TITLE.to_owned());
                        }
                    }>"Открыть"</button>
                    <button type="button" id=format!("rename-{rename_id}") aria-label=rename_label on:click=move |_| {
                        if let Some(label) = prompt("Название черновика:", &title()) {
                            refocus.set_value(Some(format!("rename-{rename_id}")));
                            ws.rename(&rename_id, label);
                        }
                    }>"Переименовать"</button>
                    <button
                        type="button"
                        id=next_button.clone()
                        aria-expanded={
                            let asking = asking.clone();
                            move || asking().to_string()
                        }
                        aria-label=next_label
                        on:click=ask
                    >"Следующий год"</button>
                    <button type="button" class="danger" aria-label=delete_label on:click=move |_| {
                        if confirm(&format!("Удалить черновик {}? Это нельзя отменить.", named())) {
                            ws.delete(&delete_id);
                            focus_when_drawn(DRAFT_LIST.to_owned());
                        }
                    }>"Удалить"</button>
                    <Show when=asking>
                        <NextYearChoice from=next_button.clone() copies newer on_choose=choose on_close=Callback::new(move |()| choosing.set(None))/>
                    </Show>
                </td>
            </tr>
        }
    };
    view! {
        <table class="draft-list" id=DRAFT_LIST tabindex="-1" data-testid="draft-list">
            <caption>"Черновики в этом браузере"</caption>
            <thead>
                <tr><ColumnHeads names=&["Черновик", "Карта", "Сохранён", "Действия"]/></tr>
            </thead>
            <tbody>
                <For each=move || ws.list.with(|l| l.iter().map(|e| e.id.clone()).collect::<Vec<_>>()) key=String::clone children=row/>
            </tbody>
        </table>
    }
}
