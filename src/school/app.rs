//! The school's root component (`index.html`): the cards (built in and the
//! department's), the drafts, the card of the open draft, the live score
//! over it, the signing key, then the card page, drawn anew when another
//! card is opened.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::{builtin, Card, DEFAULT_CARD};
use profkarta_core::scoring::assess;

use crate::platform::browser::{drop_query_param, query_param};
use crate::school::card_page::SchoolCardPage;
use crate::school::department_cards::SchoolCards;
use crate::school::drafts::Drafts;
use crate::school::state::{AssessmentCtx, CardCtx, DraftCtx, DraftParts};
use crate::shared::notices::Notices;
use crate::shared::signing_key::{KeyOwner, SigningKey};
use crate::shared::start::with_cards;

#[component]
pub fn SchoolApp() -> impl IntoView {
    with_cards(|builtin, notices| {
        let cards = SchoolCards::start(builtin, notices);
        let drafts = Drafts::start(notices);
        open_linked_card(drafts, cards, notices);
        forget_link_on_leaving(drafts);
        cards.read_site();
        prefer_department_card(drafts, cards);
        // The draft's own version of its card; the latest if that one is
        // not known here (yet), and the first card if the card is unknown.
        let card = Memo::new(move |_| -> Arc<Card> {
            let (id, version) = drafts.meta.with(|m| (m.card.clone(), m.card_version));
            cards.cards.with(|c| {
                c.get(&id, version)
                    .or_else(|| c.latest(&id))
                    .or_else(|| c.latest(DEFAULT_CARD))
                    .cloned()
                    .expect("the default card is built in")
            })
        });
        follow_last_plan(drafts, card);
        let draft = drafts.draft;
        let assessment = Memo::new(move |_| card.with(|c| draft.with(|d| assess(c, d))));
        provide_context(cards);
        provide_context(DraftCtx(draft));
        AssessmentCtx::provide(assessment);
        provide_context(drafts);
        provide_context(SigningKey::start(KeyOwner::School, notices));
        let card_key = Memo::new(move |_| card.with(|c| (c.id.clone(), c.version)));
        let page = move || {
            // Read, not only tracked: see the department page.
            card_key.with(|_| ());
            let card = card.get_untracked();
            provide_context(DraftParts::new(&card, draft));
            provide_context(CardCtx(card));
            view! { <SchoolCardPage/> }
        };
        // Which draft the user's own action opened, for a screen reader:
        // outside the page drawn anew for another card, or a status line
        // born with its words would say nothing.
        view! {
            <p class="visually-hidden" role="status" data-testid="draft-announced">
                {move || drafts.announced.get()}
            </p>
            {page}
        }
    })
}

/// Last year's plan, beside this year's rows, follows the school's draft
/// of that year while it is in this browser: measures added to it after
/// «Следующий год» show too. Without it, the copy taken then stays. An
/// effect: the other draft is read from storage.
fn follow_last_plan(drafts: Drafts, card: Memo<Arc<Card>>) {
    let source = Memo::new(move |_| {
        let version = card.with(|c| c.version);
        (drafts.year_before.get())
            .filter(|e| e.version == version)
            .map(|e| (e.id, e.updated_at))
    });
    Effect::new(move |_| {
        if let Some((id, _)) = source.get() {
            drafts.follow_last_plan(&id, &card.get_untracked());
        }
    });
}

/// A school with no draft yet starts on its department's card when the
/// website (or this browser) has one, not on the first built-in card, and
/// on its latest version: an effect, since the site's cards arrive after
/// the start. A card's link (`?card=`) names the card; its latest version
/// too comes with the site's cards (a link to the built-in card the
/// department has edited opened its version 1 on a first visit). All the
/// site's cards are read first: taken one by one, the first version listed
/// opened before the latest arrived, and the draft stayed on it.
fn prefer_department_card(drafts: Drafts, cards: SchoolCards) {
    let linked = query_param("card");
    Effect::new(move |_| {
        if !cards.site_read.get() {
            return;
        }
        let Some(latest) = first_visit_card(cards, linked.as_deref()) else {
            return;
        };
        if drafts.untouched() {
            drafts.open_card(&latest);
        }
    });
}

/// The card a first visit opens once the site's cards are read: the
/// link's, or else the latest version of the department's newest card. A
/// link to a card nobody has leaves the department's own.
fn first_visit_card(cards: SchoolCards, linked: Option<&str>) -> Option<Arc<Card>> {
    let newest = cards
        .department
        .with(|d| d.last().map(|x| x.card.id.clone()));
    cards.cards.with_untracked(|c| {
        let linked = linked.and_then(|id| c.latest(id));
        linked.or_else(|| c.latest(newest.as_ref()?)).cloned()
    })
}

/// Once the school goes to another card, `?card=` leaves the address: a
/// reload reopens the draft the school is on, not the link's card.
fn forget_link_on_leaving(drafts: Drafts) {
    let Some(linked) = query_param("card") else {
        return;
    };
    Effect::watch(
        move || drafts.meta.with(|m| m.card.clone()),
        move |card, _, _| {
            if *card != linked {
                drop_query_param("card");
            }
        },
        false,
    );
}

/// `?card=ID` in the address opens that card, so a department can link to
/// it: the school's latest draft of it, or a new one. A card this browser
/// does not know yet may come with the site's cards: it is opened then,
/// and said missing only once they are read.
fn open_linked_card(drafts: Drafts, cards: SchoolCards, notices: Notices) {
    let Some(id) = query_param("card") else {
        return;
    };
    if let Some(card) = cards.cards.with_untracked(|c| c.latest(&id).cloned()) {
        return drafts.open_card(&card);
    }
    // A card signed by a key the school has not trusted yet waits for the
    // school's answer: not missing either.
    Effect::new(move |said: Option<bool>| {
        let waiting = !cards.site_read.get() || cards.pending.with(Option::is_some);
        if said == Some(true) || waiting {
            return said.unwrap_or(false);
        }
        // Come with the site's cards: opened here also when the school has
        // drafts already (the first visit's draft takes it over by itself).
        if let Some(card) = cards.cards.with_untracked(|c| c.latest(&id).cloned()) {
            drafts.open_card(&card);
            return true;
        }
        // Said once: a reload opens the last draft without the notice.
        drop_query_param("card");
        // The skeleton a department builds its card from is built in,
        // but not for schools: «не найдена» would send them looking.
        let skeleton = builtin(&id).and_then(Result::ok).filter(|c| c.template);
        // A first visit has no draft to go back to. The card opened is
        // named: under a skeleton's name the default card read as it (a
        // walk-through). A first visit's draft goes over to the
        // department's card by itself ([`prefer_department_card`]), maybe
        // only after this: the page named the default card it was leaving
        // (an audit).
        let first = drafts.untouched().then(|| first_visit_card(cards, None));
        let title = match first.flatten() {
            Some(card) => card.title.clone(),
            None => {
                let (card, version) = drafts
                    .meta
                    .with_untracked(|m| (m.card.clone(), m.card_version));
                cards
                    .cards
                    .with_untracked(|c| {
                        c.get(&card, version)
                            .or_else(|| c.latest(&card))
                            .map(|c| c.title.clone())
                    })
                    .unwrap_or_default()
            }
        };
        let opened = match drafts.untouched() {
            true => format!("открыт новый черновик по карте «{title}»"),
            false => format!("открыт последний черновик (карта «{title}»)"),
        };
        notices.push(
            if let Some(skeleton) = skeleton {
                format!(
                    "Карта «{}» из ссылки — заготовка, по которой отдел образования \
                     составляет свою карту; школы её не заполняют: {opened}. Если отдел \
                     прислал вам эту ссылку, попросите у него ссылку на его карту.",
                    skeleton.title
                )
            } else {
                format!("Карта «{id}» из ссылки не найдена: {opened}.")
            },
            None,
        );
        true
    });
}
