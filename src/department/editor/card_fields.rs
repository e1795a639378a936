//! The card as a whole in the editor: its id (fixed once a version was
//! published), title, source and note, level bands, and the questions of
//! the school's profile.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::{Card, LevelRule, ProfileFlag};
use profkarta_core::error::TemplateError;
use profkarta_core::text::{plural, points, quoted};

use crate::department::editor::edit_number::EditNumber;
use crate::department::editor::edit_text::EditText;
use crate::department::editor::{Editor, Getter, Reads, Setter};

/// A getter and setter of a text of the card itself.
fn card_text(get: fn(&Card) -> &String, set: fn(&mut Card) -> &mut String) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| Some(get(c).clone())),
        Arc::new(move |c: &mut Card, v: String| *set(c) = v),
    )
}

/// A getter and setter of one of the level bands.
fn band(get: fn(&LevelRule) -> u32, set: fn(&mut LevelRule, u32)) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| c.levels.map(|l| get(&l).to_string())),
        Arc::new(move |c: &mut Card, v: String| {
            if let (Some(levels), Ok(n)) = (c.levels.as_mut(), v.parse()) {
                set(levels, n);
            }
        }),
    )
}

/// A getter and setter of the card's own profile question `at`.
fn flag(
    at: usize,
    get: fn(&ProfileFlag) -> &String,
    set: fn(&mut ProfileFlag) -> &mut String,
) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| c.profile.get(at).map(|f| get(f).clone())),
        Arc::new(move |c: &mut Card, v: String| {
            if let Some(f) = c.profile.get_mut(at) {
                *set(f) = v;
            }
        }),
    )
}

/// A getter and setter of the key of the card's own profile question
/// `at`. A new key is carried into the indicators that asked for the old
/// one: a key typed over left them pointing at nothing. Not where another
/// question has either key (a card file written by hand): it would merge
/// the two questions' indicators.
fn flag_key(at: usize) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| c.profile.get(at).map(|f| f.key.clone())),
        Arc::new(move |c: &mut Card, v: String| {
            let Some(old) = c.profile.get(at).map(|f| f.key.clone()) else {
                return;
            };
            let others =
                |key: &str| (c.profile.iter().enumerate()).any(|(i, f)| i != at && f.key == key);
            let carried = !others(&old) && !others(&v);
            c.profile[at].key = v.clone();
            if carried {
                for flags in c.indicators_mut().map(|i| &mut i.applies.flags) {
                    for f in flags.iter_mut().filter(|f| **f == old) {
                        f.clone_from(&v);
                    }
                }
            }
        }),
    )
}

#[component]
pub fn CardFields() -> impl IntoView {
    let editor: Editor = expect_context();
    let first_version = editor.card.with_untracked(|c| c.version == 1);
    let with_levels = Memo::new(move |_| editor.card.with(|c| c.levels.is_some()));
    // A problem of the card as a whole said at its field: `message` while
    // the card has a problem that is `one`, empty otherwise.
    let said_at_field = move |one: fn(&TemplateError) -> bool, message: &'static str| {
        Signal::from(Memo::new(move |_| {
            match editor.problems.with(|p| p.iter().any(one)) {
                true => message.to_owned(),
                false => String::new(),
            }
        }))
    };
    // Bands out of order are said at both fields, and no bounds are worked
    // out of them: «высокий — от 12 баллов, средний — от 17» read as valid.
    let band_problem = said_at_field(
        |e| matches!(e, TemplateError::LevelBands { .. }),
        "Средний уровень должен начинаться ниже высокого и выше 0 %.",
    );
    let bands_wrong = move || !band_problem.with(String::is_empty);
    let id_problem = said_at_field(
        |e| matches!(e, TemplateError::BadId { .. }),
        "Только строчные латинские буквы, цифры и дефис.",
    );
    // The maximum is the sum of the indicators' points, so the department
    // sees what a change of points does to it and to the levels' bounds.
    let maximum = Memo::new(move |_| {
        editor.card.with(|c| {
            let max = c.max_points;
            let mut text = format!(
                "Максимум карты: {} (сумма баллов показателей).",
                points(max.into())
            );
            if let Some(levels) = c.levels.filter(|_| max > 0 && !bands_wrong()) {
                let (high, medium) = levels.thresholds(max);
                // «от 21 балла», «от 19 баллов»: the genitive after «от».
                text.push_str(&format!(
                    " Если к школе относятся все показатели: высокий уровень — от {high} {}, средний — от {medium}.",
                    plural(high.into(), "балла", "баллов", "баллов")
                ));
            }
            text
        })
    });
    let toggle_levels = move |ev| {
        let on = event_target_checked(&ev);
        editor.change("levels", move |c| {
            c.levels = on.then_some(LevelRule {
                high_from_percent: 80,
                medium_from_percent: 60,
            });
        });
    };
    // The card's own questions, after the standard four it always asks: a
    // second question keyed as a standard one («noo») is the card's own,
    // shown with its problem rather than hidden.
    let own_flags = Memo::new(move |_| {
        editor.card.with(|c| {
            let mut standard = BTreeSet::new();
            (c.profile.iter().enumerate())
                .filter(|(_, f)| f.is_own() || !standard.insert(f.key.as_str()))
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        })
    });
    // A key another question has is not taken: said at the field, and the
    // question keeps its key (and its indicators) until the key is free.
    let key_taken = move |at: usize| -> Reads {
        Arc::new(move |text: &str| {
            editor.card.with_untracked(|c| {
                (c.profile.iter().enumerate())
                    .find(|(i, f)| *i != at && f.key == text.trim())
                    .map(|(_, f)| {
                        format!(
                            "Этот ключ уже у вопроса {}: выберите другой.",
                            quoted(&f.label)
                        )
                    })
            })
        })
    };
    let add_flag = move |_| {
        editor.change("add-flag", |c| {
            if c.profile.is_empty() {
                c.profile = ProfileFlag::standard();
            }
            let n = c.profile.iter().filter(|f| f.is_own()).count() + 1;
            c.profile.push(ProfileFlag {
                key: format!("vopros{n}"),
                label: "Есть … (вопрос школе)".into(),
            });
        });
    };
    let flags = move || {
        own_flags
            .get()
            .into_iter()
            .map(|at| {
                let remove = move |_| editor.change("remove-flag", move |c| {
                    if at < c.profile.len() {
                        c.profile.remove(at);
                    }
                });
                view! {
                    <div class="flag-row">
                        <EditText id=format!("flag-{at}-label") label="Вопрос профиля" field=flag(at, |f| &f.label, |f| &mut f.label) required=true/>
                        <EditText id=format!("flag-{at}-key") label="Ключ (латиницей)" field=flag_key(at) required=true reads=key_taken(at)/>
                        <button type="button" class="danger" on:click=remove>"Удалить вопрос"</button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="editor-card">
            <legend>"Карта"</legend>
            {if first_version {
                view! { <EditText id="card-id" label="Идентификатор карты" field=card_text(|c| &c.id, |c| &mut c.id) required=true problem=id_problem
                    hint="Строчные латинские буквы, цифры и дефис: по нему называется файл карты. У следующих версий он тот же."/> }.into_any()
            } else {
                view! { <p>"Идентификатор: " <code>{editor.card.with_untracked(|c| c.id.clone())}</code>
                    {format!(", версия {}", editor.card.with_untracked(|c| c.version))}</p> }.into_any()
            }}
            <EditText id="card-title" label="Название карты" field=card_text(|c| &c.title, |c| &mut c.title) required=true/>
            <EditText id="card-source" label="Источник (приказ, положение)" field=card_text(|c| &c.source, |c| &mut c.source) multiline=true required=true/>
            <EditText id="card-note" label="Пояснение для школ (необязательно)" field=card_text(|c| &c.note, |c| &mut c.note) multiline=true/>
            <label class="choice">
                <input type="checkbox" id="card-levels" prop:checked=move || with_levels.get() on:change=toggle_levels/>
                "Уровни эффективности (по доле от применимого максимума)"
            </label>
            <Show when=move || with_levels.get()>
                <div class="editor-row">
                    <EditNumber id="card-level-high" label="Высокий уровень — от, %" field=band(|l| l.high_from_percent, |l, n| l.high_from_percent = n) max=100 problem=band_problem/>
                    <EditNumber id="card-level-medium" label="Средний уровень — от, %" field=band(|l| l.medium_from_percent, |l, n| l.medium_from_percent = n) max=100 problem=band_problem/>
                </div>
            </Show>
            <p data-testid="card-maximum">{maximum}</p>
            <h3>"Вопросы профиля школы"</h3>
            <p class="hint">"Всегда спрашиваются уровни образования (НОО, ООО, СОО) и обучаются ли дети с ОВЗ. Свои вопросы (например, есть ли дошкольная группа) решают, к каким школам относятся показатели."</p>
            {flags}
            <button type="button" on:click=add_flag>"Добавить вопрос профиля"</button>
        </fieldset>
    }
}
