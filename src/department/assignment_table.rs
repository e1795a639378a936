//! Which reviewer checks which school of the campaign on screen: shared out
//! evenly in one click, or ticked by hand. A school may have two reviewers,
//! for a second opinion.

use leptos::prelude::*;

use profkarta_core::text::by_name;

use crate::department::state::Dept;
use crate::platform::browser::confirm;

#[component]
pub fn AssignmentTable() -> impl IntoView {
    let dept: Dept = expect_context();
    // The schools in name order: each reviewer gets a run of the list.
    let schools = Memo::new(move |_| {
        let mut schools: Vec<_> = dept.results.with(|r| {
            r.iter()
                .map(|s| (s.school.clone(), s.name().to_owned(), s.status.label()))
                .collect()
        });
        schools.sort_by(|a, b| by_name(&a.1, &b.1));
        schools
    });
    let reviewers = Memo::new(move |_| {
        dept.archive().with(|a| {
            a.reviewers
                .iter()
                .map(|r| r.name.clone())
                .collect::<Vec<_>>()
        })
    });
    // The split is the card's and year's on screen: each year's anew.
    let campaign = Memo::new(move |_| {
        let card = dept.card.with(|c| c.id.clone());
        (card, dept.period.get().unwrap_or_default())
    });
    let evenly = move |_| {
        let ids: Vec<_> = schools.with_untracked(|s| s.iter().map(|(id, ..)| id.clone()).collect());
        let (card, period) = campaign.get_untracked();
        let campaign = (card.as_str(), period.as_str());
        let assigned = (dept.archive()).with_untracked(|a| {
            ids.iter()
                .any(|id| !a.reviewers_of(campaign, id).is_empty())
        });
        if !assigned
            || confirm("Распределить школы заново? Отметки, сделанные вручную, будут заменены.")
        {
            dept.share_review(|a| a.assign_evenly(campaign, &ids));
        }
    };
    let heads = move || {
        reviewers
            .get()
            .into_iter()
            .map(|name| view! { <th scope="col">{name}</th> })
            .collect_view()
    };
    let rows = move || {
        let names = reviewers.get();
        schools
            .get()
            .into_iter()
            .map(|(id, school, status)| {
                let boxes = names
                    .iter()
                    .enumerate()
                    .map(|(i, reviewer)| {
                        let id = id.clone();
                        let checked = {
                            let id = id.clone();
                            move || {
                                campaign.with(|(card, period)| dept.archive().with(|a| {
                                    (a.reviewers.get(i))
                                        .is_some_and(|r| r.schools_of((card, period)).contains(&id))
                                }))
                            }
                        };
                        view! {
                            <td class="check">
                                <input type="checkbox" prop:checked=checked
                                    aria-label=format!("{school}: {reviewer}")
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let (card, period) = campaign.get_untracked();
                                        dept.share_review(|a| a.assign((&card, &period), &id, i, on));
                                    }/>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{school.clone()}</th>{boxes}<td>{status}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !reviewers.with(Vec::is_empty) && !schools.with(Vec::is_empty)>
            <h4>{move || format!("Распределение школ: {} учебный год", dept.period.get().unwrap_or_default())}</h4>
            <div class="actions">
                <button type="button" on:click=evenly>"Распределить поровну"</button>
            </div>
            <table class="data assignments" data-testid="assignments">
                <thead><tr><th scope="col">"Школа"</th>{heads}<th scope="col">"Проверка"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
    }
}
