//! Targeted recommendations: the drafted letter of the chosen school (with
//! the measures addressed to it), or a letter to a target group across
//! schools. Either is edited in place (the edit is kept in the workspace),
//! printed on A4 and downloaded as a Word document for the letterhead; the
//! school's also as a file the school page opens to pre-fill its plan.

use std::time::Duration;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::card::Level;
use profkarta_core::department::archive::Archive;
use profkarta_core::department::letter_file::{
    letter_docx, letter_docx_name, letters_docx, letters_docx_name, LetterFile,
};
use profkarta_core::department::letters::{
    addressee, every_school_letter, group_letter, last_year_of, school_letter, suggested_plan,
    Addressee, Municipal, Recipients,
};
use profkarta_core::department::measures::{addressed_to, Measure, TargetGroup};
use profkarta_core::department::results::SchoolResult;

use crate::department::department_name::DepartmentName;
use crate::department::newer_held::NewerHeld;
use crate::department::no_cards::NoCards;
use crate::department::printed_letter::PrintedLetter;
use crate::department::school_select::SchoolSelect;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_when_drawn, on_before_print, print, set_print_foot};
use crate::shared::debounce::Debounce;
use crate::shared::download::{offer, offer_json, DOCX};

/// The pause in typing after which a letter's text is written into the
/// workspace.
const PAUSE: Duration = Duration::from_millis(600);

#[component]
pub fn LettersPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    // None: the chosen school's letter; Some: a target group's, or the
    // letter to the schools at one level.
    let chosen = dept.letter_to();
    // A level no school is at in the year shown (another year chosen, a
    // check moved its schools) has no letter and no place in the list:
    // the school's letter stands in for it until the level has schools.
    let group = Memo::new(move |_| {
        chosen.get().filter(|to| match to {
            Recipients::Level(l) => dept
                .results
                .with(|r| r.iter().any(|s| s.score.level == Some(*l))),
            Recipients::Group(_) => true,
        })
    });
    // Apart, a letter's sheets say whose letter they are: its addressee
    // before the page's own foot (set first, by the page).
    on_before_print(move || {
        let to = untrack(|| match group.get() {
            Some(g) => Some(g.addressee()),
            None => with_addressee(dept, |_, _, to, _| to.school.name().to_owned()),
        });
        set_print_foot(&match to {
            Some(to) => dept.printed_foot_of(&to),
            None => dept.printed_foot(),
        });
    });

    // The letter as drafted from the data, with the key its edit is kept
    // under: the school's submission, or the card, year and recipients.
    let drafted = Memo::new(move |_| match group.get() {
        None => {
            let school = dept.open.get()?;
            let text = with_municipal(dept, |municipal| {
                dept.archive().with(|a| {
                    dept.rating.with(|r| {
                        with_last_year(dept, |last_year| {
                            school_letter(a, municipal, &school, r, last_year)
                        })
                    })
                })
            })?;
            Some((school.submission_id, text))
        }
        Some(g) => {
            let period = dept.period.get().unwrap_or_default();
            Some(dept.card.with(|card| {
                let text = dept.figures.with(|f| {
                    dept.archive().with(|a| {
                        dept.results
                            .with(|r| group_letter(a, card, g, &period, f, r))
                    })
                });
                (g.key(&card.id, &period), text)
            }))
        }
    });
    // What is typed stays here until a pause, then goes into the
    // workspace: written there at every keystroke, it woke every view of
    // the workspace (the rating, the figures, this letter's draft), some
    // 50–80 ms a key at 300 schools on a slow laptop. Held under its
    // letter's key, it is written there even if another letter is open.
    let typed = RwSignal::new(None::<(String, String, String)>);
    let pause = Debounce::saving();
    let write = move || {
        if let Some((id, text, draft)) = typed.try_update_untracked(Option::take).flatten() {
            dept.edit_letter(&id, Some(text), &draft);
            // The text shown is the workspace's now.
            typed.notify();
        }
    };
    let write_waiting = move || pause.now(write);
    dept.hold_unwritten(write_waiting);
    let text = move || {
        let (id, draft) = drafted.get()?;
        let typed = typed.with(|t| {
            t.as_ref()
                .filter(|(of, ..)| *of == id)
                .map(|(_, text, _)| text.clone())
        });
        Some(typed.unwrap_or_else(|| {
            dept.with_letters(|a| a.letter(&id).cloned())
                .unwrap_or(draft)
        }))
    };
    let edited = move || {
        drafted.with(|d| {
            d.as_ref().is_some_and(|(id, _)| {
                typed.with(|t| t.as_ref().is_some_and(|(of, ..)| of == id))
                    || dept.with_letters(|a| a.letter(id).is_some())
            })
        })
    };
    // An edited letter does not follow the data: say so when a decision, a
    // measure or the card changed what the draft says.
    let outdated = move || {
        drafted.with(|d| {
            d.as_ref()
                .is_some_and(|(id, draft)| dept.with_letters(|a| a.letter_outdated(id, draft)))
        })
    };
    let on_input = move |ev| {
        let Some((id, draft)) = drafted.get_untracked() else {
            return;
        };
        // Another letter's waiting text goes in first.
        if typed.with_untracked(|t| t.as_ref().is_some_and(|(of, ..)| *of != id)) {
            pause.cancel();
            write();
        }
        typed.set(Some((id, event_target_value(&ev), draft)));
        pause.schedule(PAUSE, write);
    };
    let reset = move |_| {
        let Some((id, draft)) = drafted.get_untracked() else {
            return;
        };
        // Written first: «Отмена» keeps it, «ОК» removes it with the edit.
        write_waiting();
        if confirm("Вернуть исходный текст письма? Ваши правки будут потеряны.")
        {
            dept.edit_letter(&id, None, &draft);
            // The button goes with the edit: the focus to the text.
            focus_when_drawn("letter-text".to_owned());
        }
    };
    let checked = move |_| {
        write_waiting();
        if let Some((id, draft)) = drafted.get_untracked() {
            dept.letter_checked(&id, &draft);
            focus_when_drawn("letter-text".to_owned());
        }
    };
    let download = move |_| {
        let Some(text) = text() else { return };
        let letter = with_addressee(dept, |a, municipal, to, measures| {
            let plan = with_last_year(dept, |last_year| {
                let last = last_year_of(a, to, last_year);
                let own = Some(&to.answers);
                suggested_plan(
                    &to.card,
                    &to.school,
                    own,
                    measures,
                    municipal,
                    last.as_ref(),
                )
            });
            LetterFile::new(
                &to.card,
                to.school.profile.period.trim(),
                to.school.name(),
                &text,
                plan,
            )
        });
        if let Some(letter) = letter {
            offer_json(dept.notices, &letter.file_name(), &letter.to_json());
        }
    };
    // Every school's letter in one document, each from a new page: at 300
    // schools, one at a time was 600 clicks.
    let download_all = move |_| {
        // The open letter's last keystrokes are in the document too.
        write_waiting();
        let texts = untrack(|| {
            with_municipal(dept, |municipal| {
                dept.archive().with(|a| {
                    dept.rating.with(|r| {
                        with_last_year(dept, |last_year| {
                            every_school_letter(a, municipal, r, last_year)
                        })
                    })
                })
            })
        });
        let period = dept.period.get_untracked().unwrap_or_default();
        let name = dept
            .card
            .with_untracked(|c| letters_docx_name(&period, &c.id));
        offer(
            dept.notices,
            &name,
            &dept
                .card
                .with_untracked(|card| letters_docx(texts.iter().map(String::as_str), card)),
            DOCX,
        );
    };
    let download_docx = move |_| {
        let Some(text) = text() else { return };
        let card = dept.card.with_untracked(|c| c.id.clone());
        let name = match group.get_untracked() {
            Some(g) => letter_docx_name(
                &g.label(),
                &dept.period.get_untracked().unwrap_or_default(),
                &card,
            ),
            None => {
                let Some(school) = dept.open.get_untracked() else {
                    return;
                };
                letter_docx_name(school.name(), &school.profile.period, &card)
            }
        };
        let bytes = dept.card.with_untracked(|card| letter_docx(&text, card));
        offer(dept.notices, &name, &bytes, DOCX);
    };
    let on_addressee = move |ev| {
        let value = event_target_value(&ev);
        let level = |key: &str| Level::ALL.into_iter().find(|l| l.key() == key);
        chosen.set(match value.split_once(':') {
            Some(("group", i)) => (i.parse::<usize>().ok())
                .and_then(|i| TargetGroup::ALL.get(i).copied())
                .map(Recipients::Group),
            Some(("level", key)) => level(key).map(Recipients::Level),
            _ => None,
        })
    };
    let addressees = move || {
        TargetGroup::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let to = Some(Recipients::Group(*g));
                view! { <option value=format!("group:{i}") selected=move || group.get() == to>{format!("Целевая группа: {}", g.label())}</option> }
            })
            .collect_view()
    };
    // The schools of each level this year, as the rating counts them: a
    // level none is at gets no letter.
    let levels = move || {
        let with_levels = dept.card.with(|c| c.levels.is_some());
        let counted = dept.results.with(|r| {
            Level::ALL.map(|l| (l, r.iter().filter(|s| s.score.level == Some(l)).count()))
        });
        (counted.into_iter())
            .filter(|(_, n)| with_levels && *n > 0)
            .map(|(l, n)| {
                let label = format!("{} ({n})", Recipients::Level(l).label());
                let to = Some(Recipients::Level(l));
                view! { <option value=format!("level:{}", l.key()) selected=move || group.get() == to>{label}</option> }
            })
            .collect_view()
    };
    let scored = dept.card.with_untracked(|c| c.has_points());
    let to_school = move || group.with(Option::is_none);
    let hint = move || {
        if to_school() && scored {
            "Текст составлен по невыполненным показателям школы и мерам, адресованным ей. Его можно исправить прямо здесь: правки сохраняются. \
             Файл рекомендаций школа откроет у себя на странице — из него заполнится план мероприятий."
        } else if to_school() {
            "Карта не даёт баллов: текст составлен по значениям школы рядом со значениями по муниципалитету и прошлогодними, и по мерам, адресованным ей. \
             Рекомендации даны там, где значение ниже, чем по муниципалитету, или ниже прошлогоднего, не подтверждено при проверке или заполнено с ошибкой. \
             Текст письма можно исправить прямо здесь: правки сохраняются. \
             Файл рекомендаций школа откроет у себя на странице — из него заполнится план мероприятий."
        } else if !scored {
            "Карта не даёт баллов: в письме — значения показателей по школам, которым оно адресовано (школам уровня — рядом со значениями по муниципалитету), \
             и меры, адресованные им. Его можно исправить прямо здесь: правки сохраняются."
        } else {
            match group.get() {
                Some(Recipients::Level(_)) => "Письмо руководителям школ этого уровня: показатели, которые выполняет менее половины этих школ (или, если таких нет, реже других), \
                     рядом — то же по муниципалитету, и меры, адресованные школам этого уровня или всем школам. Его можно исправить прямо здесь: правки сохраняются.",
                _ => "Письмо целевой группе участников во всех школах: показатели, которые выполняет менее половины школ (или, если таких нет, реже других), \
                     и меры, адресованные этой группе (руководителям — и меры для всех школ). Рекомендации по показателям взяты из карты и одинаковы для всех групп: оставьте те, что касаются этой группы. \
                     Его можно исправить прямо здесь: правки сохраняются.",
            }
        }
    };
    view! {
        <section class="panel letters" aria-labelledby="letters-title">
            <h2 id="letters-title" class="no-print">"Адресные рекомендации"</h2>
            <Show when=move || dept.open.with(Option::is_some) fallback=|| view! { <NoCards/> }>
                <div class="no-print">
                    <p>
                        <label for="letter-addressee">"Кому: "</label>
                        <select id="letter-addressee" on:change=on_addressee>
                            <option value="school" selected=move || group.with(Option::is_none)>"Школе (выбранной ниже)"</option>
                            {addressees()}
                            {levels}
                        </select>
                    </p>
                    <Show when=to_school>
                        <SchoolSelect/>
                        <NewerHeld submission=Signal::derive(move || dept.open.with(|o| o.as_ref().map(|s| s.submission_id.clone()))) chosen_too=true/>
                    </Show>
                    <p class="hint">{hint}</p>
                    // Printed on plain paper, a letter opens with the
                    // department's name: asked for here while it is missing.
                    <Show when=move || dept.department_name().trim().is_empty()>
                        <div class="notice" data-testid="letter-no-sender">
                            <DepartmentName/>
                            <p class="hint">"Пока наименование не указано, напечатанное письмо выйдет без него."</p>
                        </div>
                    </Show>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| print()>"Печать письма"</button>
                        <button type="button" on:click=download_docx>"Скачать письмо (DOCX)"</button>
                        <Show when=to_school>
                            <button type="button" on:click=download>"Скачать файл рекомендаций для школы"</button>
                            <button type="button" on:click=download_all>{move || format!("Скачать письма всем школам (DOCX, {})", dept.rating.with(Vec::len))}</button>
                        </Show>
                        <Show when=edited>
                            <button type="button" on:click=reset>"Вернуть исходный текст"</button>
                        </Show>
                    </div>
                    <Show when=outdated>
                        <div class="notice notice-warning" role="status" data-testid="letter-outdated">
                            <p>"Письмо исправлено вручную, а после этого данные изменились (решения проверки, меры, карта или новая выгрузка школы). \
                                Числа и показатели в тексте ниже могут быть прежними. «Вернуть исходный текст» составит письмо заново по новым данным; ваши правки при этом пропадут."</p>
                            <button type="button" on:click=checked>"Текст сверен, не предупреждать"</button>
                        </div>
                    </Show>
                    <label for="letter-text">"Текст письма"</label>
                </div>
                <textarea id="letter-text" class="letter-text no-print" rows="28" prop:value=move || text().unwrap_or_default() on:input=on_input></textarea>
                <PrintedLetter text=Signal::derive(move || text().unwrap_or_default())/>
            </Show>
        </section>
    }
    .into_any()
}

/// `f` over the workspace, the year's municipal figures, the open
/// school's letter's addressee and the measures addressed to it; `None`
/// when no school is open.
fn with_addressee<T>(
    dept: Dept,
    f: impl FnOnce(&Archive, Municipal, &Addressee, &[&Measure]) -> T,
) -> Option<T> {
    let school = dept.open.get()?;
    with_municipal(dept, |municipal| {
        dept.archive().with(|a| {
            let measures = addressed_to(&a.measures, &municipal.card.id, &school);
            dept.rating
                .with(|r| Some(f(a, municipal, &addressee(a, &school, r)?, &measures)))
        })
    })
}

/// `f` over the year's card and municipal figures, which a letter on a
/// card without points sets a school's values beside (tracked).
fn with_municipal<T>(dept: Dept, f: impl FnOnce(Municipal) -> T) -> T {
    dept.card
        .with(|card| dept.figures.with(|figures| f(Municipal { card, figures })))
}

/// `f` over last year's card and results, when the dynamics have a year
/// before (tracked).
fn with_last_year<T>(dept: Dept, f: impl FnOnce(Option<(&Card, &[SchoolResult])>) -> T) -> T {
    dept.previous.with(|p| {
        f(p.as_ref()
            .map(|(_, before, _, old)| (&**old, before.as_slice())))
    })
}
