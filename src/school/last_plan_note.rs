//! Beside an indicator that last year's plan targeted: which measures were
//! planned for it, and whether it improved since (seed 003 §3.6–3.7: the
//! school sees whether its own plan worked).

use leptos::prelude::*;

use profkarta_core::card::Basis;
use profkarta_core::school::plan::Standing;
use profkarta_core::scoring::{IndicatorResult, NotApplicable, Outcome};
use profkarta_core::text::with_stop;

use crate::school::state::DraftParts;

#[component]
pub fn LastPlanNote(
    code: String,
    result: Memo<IndicatorResult>,
    /// How the indicator is judged ([`Indicator::basis`]).
    ///
    /// [`Indicator::basis`]: profkarta_core::card::Indicator::basis
    basis: Option<Basis>,
) -> impl IntoView {
    let rows: DraftParts = expect_context();
    move || {
        // A yes or no copied from last year and not yet checked is last
        // year's answer: nothing moved yet, and none is said.
        let copied = rows.copied.with(|c| c.contains(&code));
        // Typed with an error, it is filled in, not «пока не заполнен».
        let invalid = result.with(|r| matches!(r.outcome, Outcome::Invalid));
        // Ruled out by this year's profile or an empty group: no value to
        // compare, where «без изменений» was said of last year's 82,3 %.
        let ruled_out = result.with(|r| match r.outcome {
            Outcome::NotApplicable(NotApplicable::Profile) => {
                Some("не оценивается: в этом году не относится к школе")
            }
            // The school's own «0 из 0»: perhaps a number not filled in.
            Outcome::NotApplicable(NotApplicable::EmptyGroup) => {
                Some("не оценивается: в этом году в группе 0 человек")
            }
            _ => None,
        });
        let now = result.with(|r| {
            (!copied
                && ruled_out.is_none()
                && !matches!(r.outcome, Outcome::Unanswered | Outcome::Invalid))
            .then(|| Standing::of(&r.outcome, basis))
        });
        rows.last_plan.with(|plan| {
            let plan = plan.as_ref()?;
            let (rows, progress) = plan.about(&code, now)?;
            let shares = plan.shares(&code, now, basis);
            let verdict = match (copied, invalid) {
                (true, _) => {
                    "пока не оценён: ответ перенесён из прошлого года и не проверен".to_owned()
                }
                (false, true) => "пока не оценён: в ответе ошибка".to_owned(),
                (false, false) => ruled_out.unwrap_or(progress.label()).to_owned(),
            };
            // The verdict first, then the measures one to a line: a
            // department's advice runs to several lines, and run together
            // they hid the verdict at the end.
            let measures: Vec<String> = rows.iter().map(|r| r.measure.trim().to_owned()).collect();
            let listed = match measures.as_slice() {
                [one] => view! { <p>{format!("Мероприятие: {}", with_stop(one))}</p> }.into_any(),
                many => view! {
                    <p>"Мероприятия:"</p>
                    <ul>{many.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                }
                .into_any(),
            };
            Some(view! {
                <div class="last-plan" data-testid="last-plan">
                    <p>
                        <span class="muted">{format!("План {}: ", plan.period)}</span>
                        "показатель "
                        <strong>{verdict}</strong>
                        {shares}
                        "."
                    </p>
                    {listed}
                </div>
            })
        })
    }
}
