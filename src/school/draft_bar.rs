//! The bar above the card: which draft is open, whether it is saved, and
//! the actions on drafts and files.

use leptos::prelude::*;

use crate::platform::browser::{confirm, focus_when_drawn, now_iso, print, random_id, saved_when};
use crate::school::department_cards::SchoolCards;
use crate::school::draft_list::{DraftList, DRAFT_LIST};
use crate::school::drafts::Drafts;
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;
use crate::shared::kept_aside::KeptAside;
use crate::shared::notices::Notices;
use profkarta_core::error::{MissingCard, OtherEdition, UnreadFields};
use profkarta_core::school::stored::{read_school_file, SaveStatus, SchoolFile};
use profkarta_core::text::quoted;

#[component]
pub fn DraftBar() -> impl IntoView {
    let ws: Drafts = expect_context();
    let notices: Notices = expect_context();
    let title = Memo::new(move |_| ws.meta.with(|m| ws.draft.with(|d| m.title(d))));
    // A draft opened as it was saved says when that was, not only that
    // nothing changed since.
    let status = move || {
        ws.status.with(|s| match s {
            SaveStatus::Unchanged => ws.meta.with(|m| {
                if m.revision > 0 && !m.updated_at.is_empty() {
                    format!("Сохранено {}.", saved_when(&m.updated_at))
                } else {
                    s.message()
                }
            }),
            s => s.message(),
        })
    };
    let problem = move || ws.status.with(|s| s.is_problem());
    let show_list = RwSignal::new(false);

    let save_backup = move |_| {
        let (name, text) = ws.backup();
        offer_json(notices, &name, &text);
    };
    let cards: SchoolCards = expect_context();
    // A file of a card not here, or of a later version than here, would be
    // shown on another card (an earlier version is moved on, as a draft).
    let missing = move |id: &str, version: u32| {
        cards
            .cards
            .with_untracked(|c| c.latest(id).is_none_or(|l| l.version < version))
            .then(|| MissingCard {
                what: "Он",
                id: id.to_owned(),
                version,
            })
    };
    let open_file = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let loaded = text.and_then(|t| read_school_file(&t));
        let then = |card: MissingCard| format!("{card} Затем откройте этот файл снова.");
        let why = match &loaded {
            Ok(SchoolFile::Draft { stored, .. }) => {
                missing(&stored.meta.card, stored.meta.card_version).map(then)
            }
            Ok(SchoolFile::Export(opened)) => {
                let template = &opened.payload.template;
                // The same number with other content: a version published
                // twice, on two of the department's computers. Shown on
                // this one, its answers would be scored by other rules.
                let other =
                    (cards.cards.with_untracked(|c| c.other_edition(template))).then(|| {
                        OtherEdition {
                            id: template.id.clone(),
                            version: template.version,
                        }
                        .to_string()
                    });
                missing(&template.id, template.version).map(then).or(other)
            }
            Err(_) => None,
        };
        if let Some(why) = why {
            notices.refuse(&name, "не открыт", &why);
            return;
        }
        match loaded {
            Ok(SchoolFile::Draft { mut stored, unread }) => {
                // A backup becomes a draft of its own: never overwrite one silently.
                stored.meta.id = random_id();
                stored.meta.revision = 0;
                let draft = stored.meta.title(&stored.draft);
                if !ws.adopt(*stored) {
                    return;
                }
                if unread.is_empty() {
                    notices.push_passing(format!("Черновик из файла «{name}» открыт."));
                } else {
                    let unread = UnreadFields {
                        draft,
                        fields: unread,
                    };
                    notices.push(format!("{unread} Файл «{name}» не изменён."), None);
                }
            }
            Ok(SchoolFile::Export(opened)) => {
                if let Some((id, title)) = ws.holding_export(&opened.payload.submission_id) {
                    if ws.meta.with_untracked(|m| m.id != id) && !ws.open(&id) {
                        return;
                    }
                    notices.push_passing(format!(
                        "Выгрузка «{name}» уже есть в черновике {}, и после выгрузки он не \
                         менялся: открыт этот черновик, копия не создана.",
                        quoted(&title)
                    ));
                    return;
                }
                if let Some((title, same)) = ws.other_export_of(&opened.payload) {
                    let holds = match same {
                        true => "эта выгрузка, и после неё черновик изменён",
                        false => "другая выгрузка этой карты за этот год",
                    };
                    let question = format!(
                        "В черновике {} уже есть {holds}. Исправление, выгруженное из копии \
                         «{name}», заменит в отделе именно этот файл, а не выгрузку того \
                         черновика, и учтена будет выгрузка, сделанная позже. Открыть «{name}» \
                         отдельным черновиком?",
                        quoted(&title)
                    );
                    if !confirm(&question) {
                        return;
                    }
                }
                let stored =
                    (opened.payload).to_stored(random_id(), opened.fingerprint.clone(), &now_iso());
                if !ws.adopt(stored) {
                    return;
                }
                notices.push_passing(format!(
                    "Выгрузка «{name}» открыта для исправления (подпись проверена, ключ {}). \
                     Следующая выгрузка заменит её.",
                    opened.fingerprint
                ));
            }
            Err(why) => notices.refuse(&name, "не открыт", &why),
        }
    });

    view! {
        <nav class="draft-bar" aria-label="Черновики и файлы">
            <div class="draft-title">
                <span class="muted">"Черновик: "</span>
                <strong data-testid="draft-title">{title}</strong>
                // Not read out at each pause in typing («Сохраняется…»,
                // «Сохранено в 17:40.»): a save that fails says so in an
                // alert above the card (`storage-failed`, `conflict`).
                <span class="save-status" class:save-problem=problem role="status" aria-live="off" data-testid="save-status">
                    {status}
                </span>
            </div>
            <div class="actions">
                <button
                    type="button"
                    aria-expanded=move || show_list.get().to_string()
                    aria-controls="draft-list"
                    on:click=move |_| {
                        show_list.update(|s| *s = !*s);
                        // The list opens below the other buttons: the focus
                        // goes to it, not four Tabs away.
                        if show_list.get_untracked() {
                            focus_when_drawn(DRAFT_LIST.to_owned());
                        }
                    }
                >
                    {move || format!("Мои черновики ({})", ws.list.with(Vec::len))}
                </button>
                <button type="button" on:click=move |_| ws.new_draft()>"Новая карта"</button>
                <button type="button" on:click=save_backup>"Скачать резервную копию"</button>
                <FilePicker id="open-file" label="Открыть файл…" on_file=open_file/>
                <button type="button" on:click=move |_| print()>"Печать"</button>
            </div>
            <Show when=move || show_list.get()>
                <DraftList/>
            </Show>
            // Outside the list: after a reload the notice of an unreadable
            // draft is gone, and the school saw a new empty draft with
            // nothing said (a walk-through).
            <KeptAside/>
        </nav>
    }
}
