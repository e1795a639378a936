//! Two reviewers decided one indicator differently: the lead sees both
//! decisions with their comments and keeps one. Until then the decision
//! already in the workspace counts.

use leptos::prelude::*;

use profkarta_core::department::review::IndicatorReview;
use profkarta_core::text::shorten;

use crate::department::reviewers_panel::{coordinator_name, REVIEWERS_TITLE};
use crate::department::state::Dept;
use crate::platform::browser::focus_after_removal;

/// «балл не засчитан — Иванова А. А.: «Нет на сайте»», about an indicator
/// of `points`; `who` names the side.
fn side(review: &IndicatorReview, points: u32, who: &str) -> String {
    let decision = review
        .decision
        .map_or("без решения", |d| d.label_for(points));
    let mut text = format!("{decision} — {who}");
    if !review.comment.is_empty() {
        text.push_str(&format!(": «{}»", review.comment));
    }
    text
}

#[component]
pub fn ConflictList() -> impl IntoView {
    let dept: Dept = expect_context();
    // The conflict goes with its buttons: the focus to the next one.
    let resolve = move |i: usize, theirs: bool| {
        dept.share_review(|a| a.resolve(i, theirs));
        let left = dept.archive().with_untracked(|a| a.conflicts.len());
        focus_after_removal(i, left, keep_id, REVIEWERS_TITLE);
    };
    let coordinator = coordinator_name(dept);
    let items = move || {
        let coordinator = coordinator();
        dept.archive().with(|a| {
            a.conflicts
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let entry = a.entry(&c.submission_id);
                    // With its year: a conflict over last year's file read as this year's.
                    let school = entry.map_or(String::new(), |e| format!("{}, {} учебный год", e.profile().name, e.period()));
                    let indicator = entry.and_then(|e| e.card.indicator(&c.code));
                    let text = indicator.map(|ind| shorten(&ind.text, 120)).unwrap_or_default();
                    let points = indicator.map_or(1, |ind| ind.points);
                    let ours = a.review(&c.submission_id).indicators.get(&c.code).cloned().unwrap_or_default();
                    let where_ = format!("{school}, показатель {}", c.code);
                    let who = |r: &IndicatorReview| match r.by.is_empty() {
                        true => coordinator.clone(),
                        false => r.by.clone(),
                    };
                    let (we, they) = (who(&ours), who(&c.theirs));
                    view! {
                        <li class="conflict">
                            <p><strong>{where_.clone()}</strong>{format!(" — {text}")}</p>
                            <dl>
                                <dt>"Сейчас в рабочей области"</dt><dd>{side(&ours, points, &we)}</dd>
                                <dt>"В файле проверки"</dt><dd>{side(&c.theirs, points, &they)}</dd>
                            </dl>
                            <div class="actions">
                                // Named with their conflict: the next one's buttons
                                // read alike.
                                <button type="button" id=keep_id(i) on:click=move |_| resolve(i, false)
                                    aria-label=format!("Оставить решение: {we} ({where_})")>
                                    {format!("Оставить решение: {we}")}
                                </button>
                                <button type="button" on:click=move |_| resolve(i, true)
                                    aria-label=format!("Принять решение: {they} ({where_})")>
                                    {format!("Принять решение: {they}")}
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || dept.archive().with(|a| !a.conflicts.is_empty())>
            <h4>{move || format!("Конфликты решений: {}", dept.archive().with(|a| a.conflicts.len()))}</h4>
            <ul class="conflicts" data-testid="conflicts">{items}</ul>
        </Show>
    }
}

fn keep_id(i: usize) -> String {
    format!("conflict-keep-{i}")
}
