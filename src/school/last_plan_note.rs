//! Beside an indicator that last year's plan targeted: which measures were
//! planned for it, and whether it improved since (seed 003 §3.6–3.7: the
//! school sees whether its own plan worked).

use leptos::prelude::*;

use profkarta_core::school::plan::Standing;
use profkarta_core::scoring::{IndicatorResult, Outcome};
use profkarta_core::text::quoted;

use crate::school::state::DraftParts;

#[component]
pub fn LastPlanNote(code: String, result: Memo<IndicatorResult>) -> impl IntoView {
    let rows: DraftParts = expect_context();
    move || {
        let now = result.with(|r| {
            (!matches!(r.outcome, Outcome::Unanswered | Outcome::Invalid))
                .then(|| Standing::of(&r.outcome))
        });
        rows.last_plan.with(|plan| {
            let plan = plan.as_ref()?;
            let (rows, progress) = plan.about(&code, now)?;
            let measures: Vec<String> = rows.iter().map(|r| quoted(r.measure.trim())).collect();
            Some(view! {
                <p class="last-plan" data-testid="last-plan">
                    <span class="muted">{format!("План {}: ", plan.period)}</span>
                    {measures.join("; ")}
                    " — показатель "
                    <strong>{progress.label()}</strong>
                </p>
            })
        })
    }
}
