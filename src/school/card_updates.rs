//! What the department's cards ask of the school, above the card: a card
//! signed by a key other than the trusted one (trust it or not), a newer
//! version of the open card (move the draft), and the answers that did not
//! carry over from the previous version, with their values.

use leptos::prelude::*;

use crate::platform::browser::confirm;
use crate::school::department_cards::SchoolCards;
use crate::school::drafts::Drafts;
use crate::school::state::{CardCtx, DraftCtx};

#[component]
pub fn CardUpdates() -> impl IntoView {
    let cards: SchoolCards = expect_context();
    let drafts: Drafts = expect_context();
    let CardCtx(card) = expect_context();
    let DraftCtx(draft) = expect_context();
    let newer = {
        let card = card.clone();
        Memo::new(move |_| {
            cards.cards.with(|c| {
                c.latest(&card.id)
                    .filter(|l| l.version > card.version)
                    .cloned()
            })
        })
    };
    // A year already sent was counted by its own version: moving it
    // changes its result, and a new file would replace the department's.
    let sent = Memo::new(move |_| drafts.export_state.with(|s| s.sent()));
    let move_up = {
        let card = card.clone();
        move |_| {
            let Some(to) = newer.get_untracked() else {
                return;
            };
            let question = format!(
                "Карта этого года уже выгружена по версии {}. После перехода на версию {} \
                 баллы могут измениться, а новая выгрузка заменит в отделе прежний файл. \
                 Перевести черновик?",
                card.version, to.version
            );
            if !sent.get_untracked() || confirm(&question) {
                drafts.move_to(&card, &to);
            }
        }
    };
    let version = card.version;
    let trust = move |_| {
        if let Some(card) = cards.trust_pending() {
            drafts.open_card(&card);
        }
    };
    let not_carried = Memo::new(move |_| draft.with(|d| d.not_carried.clone()));
    let dismiss = move |at: usize| {
        move |_| {
            draft.update(|d| {
                if at < d.not_carried.len() {
                    d.not_carried.remove(at);
                }
            })
        }
    };
    view! {
        {move || cards.pending.get().map(|(_, why)| view! {
            <div class="notice notice-warning" role="alert" data-testid="card-key-changed">
                <p>{why}</p>
                <div class="actions">
                    <button type="button" on:click=trust>"Доверять новому ключу отдела"</button>
                    <button type="button" on:click=move |_| cards.pending.set(None)>"Не открывать карту"</button>
                </div>
            </div>
        })}
        {move || newer.get().map(|to| view! {
            <div class="notice no-print" data-testid="newer-card">
                <p>{if sent.get() {
                    format!(
                        "Отдел образования опубликовал версию {} этой карты. Этот год уже выгружен \
                         по версии {version}, и отдел считает его по ней: переводить черновик не нужно, \
                         если отдел об этом не просит. По новой версии заполните карту следующего года \
                         («Следующий год» в «Моих черновиках»).",
                        to.version
                    )
                } else {
                    format!(
                        "Отдел образования опубликовал версию {} этой карты. Переведите на неё черновик: ответы перейдут \
                         к тем же показателям, а то, что перенести нельзя, останется видно над картой.",
                        to.version
                    )
                }}</p>
                <button type="button" on:click=move_up.clone()>{format!("Перейти на версию {}", to.version)}</button>
            </div>
        })}
        <Show when=move || !not_carried.with(Vec::is_empty)>
            <section class="notice notice-warning" data-testid="not-carried" aria-labelledby="not-carried-title">
                <h2 id="not-carried-title">"Не перенесено из прежней версии карты"</h2>
                <ul>
                    {move || not_carried.get().into_iter().enumerate().map(|(at, n)| {
                        let values = n.typed();
                        view! {
                            <li>
                                <strong>{format!("{}. {}", n.code, n.text)}</strong>
                                {format!(" — {}. Было введено: {values}.", n.reason)}
                                " "
                                <button type="button" on:click=dismiss(at)>"Убрать из списка"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
