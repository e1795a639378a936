//! Files of the campaign whose school the spelling rules could not find in
//! the list («СОШ №3 (г. Пример)» for «МБОУ СОШ № 3»): the coordinator says
//! once which school each is, or adds it to the list, and it is remembered.

use leptos::prelude::*;

use profkarta_core::department::roster::{likely_school, RosterRow};
use profkarta_core::department::school::SchoolId;
use profkarta_core::school::profile::SchoolProfile;
use profkarta_core::text::{files, plural, quoted};

use crate::department::roster_panel::COUNTS;
use crate::department::state::Dept;
use crate::platform::browser::focus_after_removal;

/// The value of the option that adds the file's school to the list.
const ADD: &str = "";

/// Files asked about at once. Each asks with a list of every school still
/// without a file: a list of 300 schools spelled in full, none matching,
/// built 90 000 options at once and froze the page for many seconds. The
/// next files come up as these are placed.
pub const ASKED: usize = 10;

#[component]
pub fn RosterUnplaced(
    rows: Memo<Vec<RosterRow>>,
    /// The campaign's files the list has not placed.
    unplaced: Memo<Vec<(SchoolId, SchoolProfile)>>,
) -> impl IntoView {
    let dept: Dept = expect_context();
    let items = move || {
        unplaced
            .get()
            .into_iter()
            .take(ASKED)
            .enumerate()
            .map(|(i, (id, profile))| {
                let name = profile.name.clone();
                // A listed school of the same name under another ИНН is
                // offered first and chosen, unless it has a file of its
                // own (then this is most likely another school: «новая
                // школа» is chosen); then the schools of the list still
                // without a file, the one with the file's numbers chosen
                // already.
                let namesake = dept
                    .archive()
                    .with_untracked(|a| a.roster.namesake(&profile).cloned());
                let has_file = namesake.as_ref().is_some_and(|s| {
                    rows.with_untracked(|r| {
                        r.iter().any(|r| r.school == *s && !r.status.waits())
                    })
                });
                // (name, as shown): namesakes of two places with theirs.
                let first = namesake.as_ref().map(|s| {
                    let shown = rows.with_untracked(|r| {
                        (r.iter().find(|r| r.school == *s)).map(|r| r.shown.clone())
                    });
                    (s.name.clone(), shown.unwrap_or_else(|| s.name.clone()))
                });
                let names: Vec<(String, String)> = rows.with_untracked(|r| {
                    let waiting = (r.iter())
                        .filter(|r| r.status.waits())
                        .map(|r| (r.school.name.clone(), r.shown.clone()))
                        .filter(|n| first.as_ref() != Some(n));
                    first.iter().cloned().chain(waiting).collect()
                });
                let likely = match namesake {
                    Some(_) if has_file => None,
                    Some(_) => Some(0),
                    None => {
                        let plain: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
                        likely_school(&name, &plain)
                    }
                };
                let why = namesake.map(|s| {
                    let then = if has_file {
                        "; у школы из списка уже есть свой файл — вероятно, это другая школа"
                    } else {
                        ": проверьте, где ошибка"
                    };
                    view! {
                        <p class="unplaced-why">{format!(
                            "В списке «{}» с ИНН {}, а в файле ИНН {}{then}.",
                            s.name,
                            s.identifier,
                            profile.identifier.trim()
                        )}</p>
                    }
                });
                let choice = RwSignal::new(likely.map_or(ADD.to_owned(), |at| names[at].0.clone()));
                let options = names
                    .into_iter()
                    .enumerate()
                    .map(|(at, (n, label))| {
                        view! { <option value=n selected=likely == Some(at)>{label}</option> }
                    })
                    .collect_view();
                let select_id = format!("unplaced-{i}");
                let place = move |_| {
                    let chosen = choice.get_untracked();
                    let id = id.clone();
                    if chosen == ADD {
                        // New from the year its file is of, the one shown.
                        let period = dept.period.get_untracked().unwrap_or_default();
                        dept.edit_roster(|r| r.place_new(id, &profile, &period));
                    } else {
                        dept.edit_roster(|r| r.place(id, &chosen));
                    }
                    // The line goes once placed: the focus to the next one,
                    // after the last to the counts it changed, just below.
                    let left = unplaced.with_untracked(Vec::len);
                    focus_after_removal(i, left, |at| format!("unplaced-{at}"), COUNTS);
                };
                view! {
                    <li>
                        {why}
                        <label for=select_id.clone()>{format!("{} — это ", quoted(&name))}</label>
                        <select id=select_id on:change=move |ev| choice.set(event_target_value(&ev))>
                            <option value=ADD>"новая школа: добавить в список"</option>
                            {options}
                        </select>
                        " "
                        <button type="button" aria-label=format!("Запомнить: {}", quoted(&name)) on:click=place>"Запомнить"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !unplaced.with(Vec::is_empty)>
            <div class="notice notice-warning no-print roster-unplaced" data-testid="roster-unplaced">
                <p>"Файлы школ, которых нет в списке (по наименованию и ИНН не нашлись). Укажите один раз, какая это школа. \
                    Если в списке есть школа с теми же номерами в наименовании, она уже выбрана: проверьте и нажмите «Запомнить». \
                    Указанная так школа — одна и та же и в сравнении лет: в «Динамике», анализе мер и письмах."</p>
                <ul>{items}</ul>
                {move || {
                    let more = unplaced.with(Vec::len).saturating_sub(ASKED) as u64;
                    (more > 0).then(|| view! {
                        <p data-testid="roster-unplaced-more">{format!(
                            "Ещё {} {} здесь, когда вы укажете школы для файлов выше.",
                            files(more),
                            plural(more, "появится", "появятся", "появятся")
                        )}</p>
                    })
                }}
            </div>
        </Show>
    }
}
