//! The tab «Карты»: every card of the workspace (built in, the department's
//! drafts and published versions, loaded files) with its submissions per
//! version; starting a card or its next version; the department's name and
//! key for signing; loading a card file; the folder for the website; and
//! what changed between versions.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::{builtins, edit::blank, Card};
use profkarta_core::department::archive::LoadedCard;
use profkarta_core::error::CardFileError;
use profkarta_core::export::zip_stored;
use profkarta_core::text::quoted;

use crate::department::card_view::{opener_id, CardView};
use crate::department::department_name::DepartmentName;
use crate::department::editor::{ChangesView, Editor};
use crate::department::site_cards_check::SiteCardsCheck;
use crate::department::state::{Dept, CARDS_TITLE};
use crate::platform::browser::{confirm, focus_id, focus_when_drawn};
use crate::shared::download::{offer, offer_json};
use crate::shared::file_picker::FilePicker;
use crate::shared::key_panel::KeyPanel;
use crate::shared::notices::Topic;
use crate::shared::signing_key::SigningKey;
use crate::shared::table_scroll::TableScroll;

/// One line of the list of cards.
#[derive(Clone, PartialEq)]
struct Line {
    card: Arc<Card>,
    /// The department's card at this index, when it is one.
    own: Option<usize>,
    draft: bool,
    /// The signed file, for a published own version.
    file: Option<String>,
    submissions: usize,
}

impl Line {
    fn status(&self) -> &'static str {
        match (self.own, self.draft) {
            (None, _) => "встроенная",
            (Some(_), true) => "черновик",
            (Some(_), false) => "опубликована",
        }
    }
}

const ZIP: &str = "application/zip";

#[component]
pub fn CardsPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let signing_key: SigningKey = expect_context();
    let notices = dept.notices;
    let lines = Memo::new(move |_| {
        dept.archive().with(|a| {
            let own = a.own_cards();
            let is_own = |c: &Card| {
                own.published()
                    .any(|p| p.id == c.id && p.version == c.version)
            };
            let mut lines: Vec<Line> = a
                .cards()
                .iter()
                .filter(|c| !is_own(c))
                .map(|c| Line {
                    card: Arc::clone(c),
                    own: None,
                    draft: false,
                    file: None,
                    submissions: a.submissions_of(&c.id, c.version),
                })
                .collect();
            lines.extend(own.iter().enumerate().map(|(at, o)| Line {
                card: Arc::new(o.card.clone()),
                own: Some(at),
                draft: o.is_draft(),
                file: o.published.as_ref().map(|p| p.file.clone()),
                submissions: a.submissions_of(&o.card.id, o.card.version),
            }));
            lines
        })
    });
    // The card and the version whose changes are open.
    let compare = RwSignal::new(None::<(String, u32)>);
    let viewing = RwSignal::new(None::<Arc<Card>>);
    let next_version = move |card: Arc<Card>| {
        let at = dept.next_version(&card, Editor::new_id);
        dept.edit_card(at);
    };
    let rows = move || {
        lines
            .get()
            .into_iter()
            .map(|line| {
                let card = Arc::clone(&line.card);
                let id = card.id.clone();
                let versions = lines.with_untracked(|all| all.iter().filter(|l| l.card.id == id).count());
                // A card has one draft at a time: an older row opens it, and
                // says so, rather than seeming to start another.
                let draft_of_card = lines.with_untracked(|all| {
                    all.iter()
                        .find(|l| l.card.id == id && l.draft)
                        .and_then(|l| Some((l.own?, l.card.version)))
                });
                // The next version starts from the latest: from an older one
                // it would silently drop what the versions between changed.
                let latest = lines.with_untracked(|all| {
                    all.iter()
                        .filter(|l| l.card.id == id)
                        .all(|l| l.card.version <= card.version)
                });
                let (draft_title, draft_version) = (card.title.clone(), card.version);
                // Each button of the row is described by the card and its
                // version: a screen reader going by Tab heard six alike
                // «Просмотр» and «Новая версия».
                let row_id = format!("card-{}-{}", card.id, card.version);
                let described = format!("{row_id} {row_id}-v");
                let actions = match (line.own, line.draft) {
                    (Some(at), true) => view! {
                        <button type="button" aria-describedby=described.clone() on:click=move |_| dept.edit_card(at)>"Изменить"</button>
                        <button type="button" aria-describedby=described.clone() class="danger" on:click=move |_| {
                            if confirm(&format!("Удалить черновик карты {}, версия {draft_version}? Это нельзя отменить.", quoted(&draft_title))) {
                                dept.edit_own(|own| own.remove_draft(at));
                                focus_when_drawn(CARDS_TITLE.to_owned());
                            }
                        }>"Удалить черновик"</button>
                    }
                    .into_any(),
                    _ => {
                        let file = line.file.clone().map(|text| {
                            let name = format!("{}-v{}.json", card.id, card.version);
                            view! { <button type="button" aria-describedby=described.clone() on:click=move |_| { offer_json(notices, &name, &text); }>"Скачать файл карты"</button> }
                        });
                        let base = Arc::clone(&card);
                        let shown = Arc::clone(&card);
                        view! {
                            <button type="button" aria-describedby=described.clone() id=opener_id(&card) on:click=move |_| viewing.set(Some(Arc::clone(&shown)))>"Просмотр"</button>
                            {match draft_of_card {
                                Some((at, v)) => Some(view! {
                                    <button type="button" aria-describedby=described.clone() on:click=move |_| dept.edit_card(at)>{format!("Открыть черновик версии {v}")}</button>
                                }.into_any()),
                                None if latest => Some(view! {
                                    <button type="button" aria-describedby=described.clone() on:click=move |_| next_version(Arc::clone(&base))>"Новая версия"</button>
                                }.into_any()),
                                None => None,
                            }}
                            {file}
                        }
                        .into_any()
                    }
                };
                let compared_version = (id.clone(), card.version);
                view! {
                    <tr data-card=format!("{}@{}", card.id, card.version)>
                        <th scope="row" id=row_id.clone()>{card.title.clone()}</th>
                        <td><code>{card.id.clone()}</code></td>
                        <td class="num" id=format!("{row_id}-v")>{card.version}</td>
                        <td data-col="status">{line.status()}</td>
                        <td class="num" data-col="submissions">{line.submissions}</td>
                        <td class="row-actions">
                            {actions}
                            {(versions > 1).then(|| view! {
                                <button type="button" aria-describedby=described.clone() on:click=move |_| {
                                    compare.set(Some(compared_version.clone()));
                                    // Opened below the list: brought into view.
                                    focus_when_drawn("changes-title".to_owned());
                                }>"Изменения"</button>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    // Starting a card: from nothing or from any card, under a new id.
    let bases: Vec<Card> = builtins()
        .map(|b| b.into_iter().collect())
        .unwrap_or_default();
    let bases = StoredValue::new(bases);
    let base = RwSignal::new(String::from("blank"));
    let new_id = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let start = move |_| {
        let id = new_id.get_untracked().trim().to_owned();
        let used = lines.with_untracked(|all| all.iter().any(|l| l.card.id == id));
        // Said beside the field, and the focus goes there to mend it.
        let refuse = |text: String| {
            problem.set(text);
            focus_id("new-card-id");
        };
        if id.is_empty() {
            return refuse("Укажите идентификатор новой карты.".into());
        }
        if used {
            return refuse(format!(
                "Карта «{id}» уже есть: для неё начните новую версию."
            ));
        }
        problem.set(String::new());
        let chosen = base.get_untracked();
        let from = lines
            .with_untracked(|all| {
                all.iter()
                    .find(|l| format!("{}@{}", l.card.id, l.card.version) == chosen)
                    .map(|l| (*l.card).clone())
            })
            .or_else(|| bases.with_value(|b| b.iter().find(|c| c.id == chosen).cloned()));
        let at = dept.edit_own(|own| match from {
            Some(card) => own.start_from(&card, &id, Editor::new_id),
            None => own.start_from(&blank(&id, Editor::new_id()), &id, Editor::new_id),
        });
        new_id.set(String::new());
        dept.edit_card(at);
    };
    let base_options = move || {
        let skeletons = bases.with_value(|b| {
            b.iter()
                .filter(|c| c.template)
                .map(|c| view! { <option value=c.id.clone()>{format!("заготовка: {}", c.title)}</option> })
                .collect_view()
        });
        let known = lines
            .get()
            .into_iter()
            .map(|l| {
                let value = format!("{}@{}", l.card.id, l.card.version);
                view! { <option value=value>{format!("{} ({}, версия {})", l.card.title, l.card.id, l.card.version)}</option> }
            })
            .collect_view();
        view! { <option value="blank">"пустая карта"</option>{skeletons}{known} }
    };
    let load = Callback::new(move |(name, text): (String, Result<String, String>)| {
        match text.and_then(|t| {
            let own = signing_key.fingerprint();
            let load = |another_key| dept.load_card_file(&t, own.as_deref(), another_key);
            match load(false) {
                Err(asked @ CardFileError::AnotherKeysVersion { .. }) => {
                    match confirm(&format!("{asked} Загрузить файл «{name}»?")) {
                        true => load(true),
                        false => Err(asked),
                    }
                }
                loaded => loaded,
            }
            .map_err(|e| e.to_string())
        }) {
            Ok(loaded) => notices.push(loaded_text(&loaded), None),
            Err(e) => notices.refuse(&name, "не загружен", &e),
        }
    });
    let site = move |_| {
        let files = dept
            .archive()
            .with_untracked(|a| a.own_cards().site_files());
        if files.len() < 2 {
            return notices.push(
                "Опубликованных карт пока нет: папке для сайта нечего содержать.",
                None,
            );
        }
        offer(notices, "profkarta_cards.zip", &zip_stored(&files), ZIP);
        notices.withdraw(Topic::Unpublished);
    };
    let compared = move || {
        compare.get().map(|(id, version)| {
            // Read once: a change of the list (a save) must not draw the
            // view anew and reset its choices.
            let versions: Vec<Arc<Card>> = lines.with_untracked(|all| {
                let mut v: Vec<Arc<Card>> = all
                    .iter()
                    .filter(|l| l.card.id == id)
                    .map(|l| Arc::clone(&l.card))
                    .collect();
                v.sort_by_key(|c| c.version);
                v
            });
            view! { <ChangesView versions version/> }
        })
    };
    view! {
        <section class="panel cards-panel" aria-labelledby=CARDS_TITLE data-testid="cards-panel">
            <h2 id=CARDS_TITLE tabindex="-1">"Карты мониторинга"</h2>
            <SiteCardsCheck/>
            <p class="hint">"Опубликованная версия карты не меняется: чтобы изменить карту, начните её новую версию. Выгрузки школ называют версию, по которой заполнены, и годы сравниваются с учётом изменений."</p>
            <TableScroll label="Список карт">
                <table data-testid="cards-list">
                    <thead><tr>
                        <th scope="col">"Карта"</th><th scope="col">"Идентификатор"</th><th scope="col" class="num">"Версия"</th>
                        <th scope="col">"Статус"</th><th scope="col" class="num" title="Все загруженные выгрузки школ по этой версии карты за все годы, вместе с заменёнными более новыми">"Выгрузок (за все годы)"</th><th scope="col">"Действия"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
            // Under the list whose row opened them, not past the key's
            // panel a screen below (a walk-through).
            {move || viewing.get().map(|card| view! { <CardView card viewing/> })}
            {compared}
            <h3>"Новая карта отдела"</h3>
            // Two ways to start from a card: the difference decides whether
            // years stay comparable.
            <p class="hint">"Чтобы исправить или дополнить карту, которой школы уже пользуются, нажмите «Новая версия» в её строке выше: годы останутся сопоставимыми, черновики школ перейдут на новую версию. Новая карта с другим идентификатором — отдельная методика: с прежней картой её результаты не сравниваются."</p>
            <div class="editor-row">
                <div class="field">
                    <label for="new-card-base">"На основе"</label>
                    <select id="new-card-base" on:change=move |ev| base.set(event_target_value(&ev))>{base_options}</select>
                </div>
                <div class="field" class:has-error=move || !problem.with(String::is_empty)>
                    <label for="new-card-id">"Идентификатор (латиницей, например otdel-2026)"</label>
                    <input type="text" id="new-card-id" autocomplete="off" prop:value=move || new_id.get()
                        on:input=move |ev| new_id.set(event_target_value(&ev)) aria-describedby="new-card-id-error"
                        aria-invalid=move || (!problem.with(String::is_empty)).to_string()/>
                    <p class="field-error" id="new-card-id-error" role="status">{move || problem.get()}</p>
                </div>
                <button type="button" class="primary" on:click=start>"Создать черновик"</button>
            </div>
            <h3>"Публикация"</h3>
            <DepartmentName/>
            // Under their own heading, not under the key's that follows.
            <div class="actions">
                <button type="button" on:click=site>"Скачать папку cards для сайта"</button>
                <FilePicker id="load-card-file" label="Загрузить файл карты…" on_file=load/>
            </div>
            <p class="hint">"Папку cards из архива положите рядом со страницей школы на сайте (там, где index.html): школы увидят опубликованные карты первыми, с проверенной подписью отдела."</p>
            <KeyPanel/>
        </section>
    }
}

/// What loading a card file did, for its notice.
fn loaded_text(loaded: &LoadedCard) -> String {
    let LoadedCard {
        card,
        new,
        draft_renumbered,
    } = loaded;
    // Named by its title, as the lists name it; the identifier tells a
    // card started from another, which keeps its title, from that one.
    let (title, id, version) = (quoted(card.title.trim()), &card.id, card.version);
    let done = if *new {
        format!(
            "Карта {title} ({id}), версия {version}, загружена: её выгрузки теперь принимаются."
        )
    } else {
        format!(
            "Карта {title} ({id}), версия {version}, уже есть в рабочей области: её выгрузки \
             принимаются."
        )
    };
    match draft_renumbered {
        Some(now) => format!(
            "{done} Черновик этой карты получил номер {now}: его прежний номер уже занят \
             опубликованной версией. Сверьте черновик с ней (кнопка «Изменения» в строке \
             черновика), прежде чем публиковать."
        ),
        None => done,
    }
}
