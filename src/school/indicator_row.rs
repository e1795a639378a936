//! One indicator of the card: its wording, the fields its rule needs, the
//! points it earns right now and why, its evidence links and a comment.

use std::sync::Arc;

use leptos::prelude::*;

use crate::school::fact_choice::FactChoice;
use crate::school::state::{AssessmentCtx, DraftCtx};
use crate::shared::field::{Field, FieldKind};
use profkarta_core::card::{Indicator, Rule};
use profkarta_core::school::draft::AnswerField;
use profkarta_core::scoring::explain::explain;

#[component]
pub fn IndicatorRow(
    indicator: Indicator,
    /// Position of this indicator in the assessment's flat list.
    index: usize,
) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let AssessmentCtx(assessment) = expect_context();
    let indicator = Arc::new(indicator);
    let code: Arc<str> = indicator.code.as_str().into();
    // Ids must be valid in CSS selectors too: "1.1" becomes "1-1".
    let slug = format!("ind-{}", code.replace('.', "-"));

    let result = Memo::new(move |_| assessment.with(|a| a.indicators[index].clone()));
    let explained = {
        let indicator = Arc::clone(&indicator);
        Memo::new(move |_| result.with(|r| explain(&indicator, r)))
    };
    let answer = {
        let code = Arc::clone(&code);
        Memo::new(move |_| draft.with(|d| d.answer(&code)))
    };
    let not_applicable = Signal::derive(move || result.with(|r| !r.outcome.applies()));

    let field = |field: AnswerField, label: String, kind: FieldKind| {
        let code = Arc::clone(&code);
        let id = format!("{slug}-{}", field.key());
        // Only the field that changed is written back to its input.
        let value = Memo::new(move |_| answer.with(|a| a.text(field).to_owned()));
        let error = Signal::derive(move || {
            result.with(|r| {
                r.errors
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, e)| e.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        });
        let on_input =
            Callback::new(move |v: String| draft.update(|d| d.set_text(&code, field, v)));
        view! { <Field id label kind value on_input error/> }
    };

    let inputs = match &indicator.rule {
        Rule::Share { numerator, denominator, .. } => view! {
            {field(AnswerField::Numerator, numerator.clone(), FieldKind::Number)}
            {field(AnswerField::Denominator, denominator.clone(), FieldKind::Number)}
            <p class="share" aria-live="off">
                <span class="muted">"Доля: "</span>
                <output data-testid="share">{move || explained.with(|e| e.share.clone().unwrap_or_else(|| "—".into()))}</output>
            </p>
        }
        .into_any(),
        Rule::Count { label, .. } => field(AnswerField::Count, label.clone(), FieldKind::Number).into_any(),
        Rule::Fact { question } => view! {
            <FactChoice code=Arc::clone(&code) name=format!("{slug}-fact") question=question.clone() value=Memo::new(move |_| answer.with(|a| a.fact))/>
        }
        .into_any(),
        // The other seeds' kinds come with the card choice (issue 11).
        _ => ().into_any(),
    };

    let text_id = format!("{slug}-text");
    view! {
        <article
            class=move || format!("indicator status-{}", explained.with(|e| e.status.key()))
            id=slug.clone()
            data-testid=slug.clone()
            tabindex="-1"
            aria-labelledby=text_id
        >
            <div class="indicator-head">
                <span class="code">{indicator.code.clone()}</span>
                <p class="wording" id=text_id.clone()>{indicator.text.clone()}</p>
            </div>
            <p class="rule"><span class="muted">"Начисление: "</span>{indicator.rule_text.clone()}</p>
            <div class="inputs" class:inactive=not_applicable>{inputs}</div>
            <p class="verdict">
                <strong class="points" data-testid="points">{move || explained.with(|e| e.points.clone())}</strong>
                <span class="note" data-testid="note">{move || explained.with(|e| e.note.clone())}</span>
            </p>
            <div class="evidence">
                {field(AnswerField::Evidence, "Ссылки на подтверждающие материалы (по одной в строке)".into(), FieldKind::Multiline)}
                {field(AnswerField::Comment, "Комментарий".into(), FieldKind::Multiline)}
            </div>
            <p class="source"><span class="muted">"Источник информации: "</span>{indicator.evidence.clone()}</p>
        </article>
    }
}
