//! One indicator of the card: its wording, how it is calculated, the fields
//! its rule needs, the points it earns right now and why, its evidence
//! links and a comment.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use profkarta_core::card::{Indicator, Rule};
use profkarta_core::school::draft::{AnswerField, RawAnswer};
use profkarta_core::scoring::explain::{explain, typed_share};
use profkarta_core::scoring::{assess_indicator, IndicatorResult, NotApplicable, Outcome};

use crate::platform::browser::{focus_id, on_next_release};
use crate::school::answer_input::{AnswerInput, RowData};
use crate::school::breakdown_parts::BreakdownParts;
use crate::school::code_links::row_id;
use crate::school::explanation::ExplanationBlock;
use crate::school::fact_choice::FactChoice;
use crate::school::last_plan_note::LastPlanNote;
use crate::school::last_year::LastYearFields;
use crate::school::list_rows::ListRows;
use crate::school::state::{CardCtx, DraftCtx, DraftParts, TypingCtx};
use crate::shared::field::FieldKind;

#[component]
pub fn IndicatorRow(indicator: Indicator) -> impl IntoView {
    let rows: DraftParts = expect_context();
    let DraftCtx(draft) = expect_context();
    let CardCtx(card) = expect_context();
    let card_scores = card.has_points();
    let indicator = Arc::new(indicator);
    let code: Arc<str> = indicator.code.as_str().into();
    let slug: Arc<str> = row_id(&code).into();

    let answer = rows.answer(&code);
    // The row's own result, as the whole card's assessment scores it.
    let scored = {
        let indicator = Arc::clone(&indicator);
        Memo::new(move |_| {
            rows.profile
                .with(|p| answer.with(|a| assess_indicator(&indicator, p, Some(a))))
        })
    };
    // While the focus is in the row's boxes of one line (its numbers, a
    // list row's name) or its buttons («Добавить строку»: the messages
    // appearing under a button being clicked would move it away from the
    // pointer), a pair with one number typed and the other still empty is
    // a row being filled in: its error shows once the school leaves them,
    // for the links, the comment or another row, as the summary counts it
    // at once.
    let typing = RwSignal::new(false);
    // The row's field typed in since the focus came to it: a whole
    // («200» passes through «2», below the part typed before it), or a
    // number on its way to «1 200» («1 2»); only being in the box is not
    // typing in it. In a list: the row the focus is in, then its cell.
    let typed = RwSignal::new(None::<AnswerField>);
    // Typing in the links box: a link typed letter by letter is wrong
    // until its last letters («h», «https://school7»), so its messages, and
    // the point it would hold back, wait for the box to be left. Arriving
    // there to fix one (from the export's list) is not typing: the message
    // stays in sight.
    let in_links = RwSignal::new(false);
    let without_links = {
        let indicator = Arc::clone(&indicator);
        move || {
            rows.profile.with(|p| {
                answer.with(|a| {
                    let a = RawAnswer {
                        evidence: String::new(),
                        ..a.clone()
                    };
                    assess_indicator(&indicator, p, Some(&a))
                })
            })
        }
    };
    let result = Memo::new(move |_| {
        if typing.get() {
            scored.with(|r| r.while_typing(typed.get()))
        } else if in_links.get() && scored.with(IndicatorResult::only_links_wrong) {
            without_links()
        } else {
            scored.get()
        }
    });
    let article = NodeRef::<leptos::html::Article>::new();
    // The summary counts the row as it shows it: said where it is typed.
    let TypingCtx(typed_row) = expect_context();
    let row_code = StoredValue::new(code.to_string());
    // Its own signals may be gone (the row removed with the focus in it).
    let announce = move || {
        row_code.try_with_value(|code| {
            let now = (typing.try_get_untracked() == Some(true))
                .then(|| (code.clone(), typed.try_get_untracked().flatten()));
            let mine = |t: &Option<(String, Option<AnswerField>)>| {
                t.as_ref().is_some_and(|(c, _)| c == code)
            };
            // Leaving, only its own mark is taken away: the row the focus
            // went to may have set its own already.
            if now.is_some() || typed_row.with_untracked(mine) {
                set(typed_row, now);
            }
        });
    };
    // The browser also sends `focusout` when the focused field is removed
    // with its row (another card drawn): the row's signals are gone then.
    // A new place for the focus (`None`: out of the row): nothing typed
    // there yet; in a list, the row it is in is the one on its way.
    let set_typing = move |at: Option<&web_sys::Node>| {
        set(typing, at.is_some());
        set(typed, at.and_then(list_row_of).map(AnswerField::RowName));
        announce();
    };
    // Still typing while the focus goes to the row's boxes of one line or
    // its buttons.
    let judge = move |to: Option<web_sys::Node>| {
        let links = to.as_ref().is_some_and(is_links_box);
        let row = article.try_get_untracked().flatten();
        let to = to.filter(|to| !is_note_box(to) && row.is_some_and(|a| a.contains(Some(to))));
        set_typing(to.as_ref());
        if !links {
            set(in_links, false);
        }
    };
    // Safari and Firefox on macOS do not focus a clicked button: the box
    // being typed in loses the focus to nothing as the press begins. A
    // press on the row's buttons stays typing until its click, and is
    // judged a frame later, where the click sent the focus (a new list
    // row's name). A press released elsewhere makes no click: its release
    // ends it, after the click that would have come.
    let pressing = StoredValue::new(false);
    // Each press's own number: a release's late end (a touch waits for its
    // click) must not end a press begun since.
    let presses = StoredValue::new(0_u64);
    let end_press = move || {
        if pressing.try_get_value() == Some(true) {
            pressing.set_value(false);
            request_animation_frame(move || {
                judge(document().active_element().map(Into::into));
            });
        }
    };
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if to.is_none() && pressing.try_get_value() == Some(true) {
            return;
        }
        judge(to);
    };
    let explained = {
        let indicator = Arc::clone(&indicator);
        Memo::new(move |_| result.with(|r| explain(&indicator, r, card_scores)))
    };
    // A row the school's profile rules out (no grades 10–11, say) takes
    // no answer: its boxes leave the way of Tab, which a school with
    // one level missing walked through a dozen times. Only the comment
    // stays, for a word on why.
    let ruled_out = Signal::derive(move || {
        result.with(|r| r.outcome == Outcome::NotApplicable(NotApplicable::Profile))
    });
    let copied = {
        let code = Arc::clone(&code);
        Memo::new(move |_| rows.copied.with(|c| c.contains(&*code)))
    };
    // The visible words first, as a screen reader's user says them.
    let confirm_label = format!("Ответ верен: показатель {code}");
    let confirm_copied = {
        let (code, slug) = (Arc::clone(&code), Arc::clone(&slug));
        move |_| {
            draft.update(|d| d.confirm_copied(&code));
            // The button goes with the note: the focus stays in the row.
            focus_id(&slug);
        }
    };
    let row = RowData {
        code: Arc::clone(&code),
        slug: Arc::clone(&slug),
        answer,
        result,
    };
    let number = |field: AnswerField, label: &String| {
        view! { <AnswerInput row=row.clone() field label=label.clone() kind=FieldKind::Number/> }
    };
    let share = move || {
        view! {
            <p class="share" aria-live="off">
                <span class="muted">"Доля: "</span>
                // An output is a live region of its own: each keystroke read
                // its share out («2,5 %», «30,0 %»), the wrapper's «off»
                // notwithstanding.
                <output data-testid="share" aria-live="off">
                    // A row the profile rules out counts nothing: a share
                    // of its kept numbers read as one that counts.
                    {move || {
                        let typed = || answer.with(typed_share).filter(|_| !ruled_out.get());
                        explained
                            .with(|e| e.share.clone())
                            .or_else(typed)
                            .unwrap_or_else(|| "—".into())
                    }}
                </output>
            </p>
        }
    };
    let last_year = |numerator: &String, denominator: &String| {
        indicator.rule.asks_last_year().then(|| {
            view! { <LastYearFields row=row.clone() numerator=numerator.clone() denominator=denominator.clone()/> }
        })
    };

    let inputs = match &indicator.rule {
        Rule::Share {
            numerator,
            denominator,
            ..
        } => view! {
            {number(AnswerField::Numerator, numerator)}
            {number(AnswerField::Denominator, denominator)}
            {share()}
            {last_year(numerator, denominator)}
        }
        .into_any(),
        Rule::Breakdown {
            numerator,
            denominator,
            parts,
            ..
        } => view! {
            <BreakdownParts row=row.clone() numerator=numerator.clone() parts=parts.clone()/>
            {number(AnswerField::Denominator, denominator)}
            {share()}
            {last_year(numerator, denominator)}
        }
        .into_any(),
        Rule::Count { label, .. } => number(AnswerField::Count, label).into_any(),
        Rule::Percent { label, .. } => view! {
            <AnswerInput row=row.clone() field=AnswerField::Percent label=percent_label(label) kind=FieldKind::Number/>
        }
        .into_any(),
        Rule::Fact { question } => view! {
            <FactChoice code=Arc::clone(&code) name=format!("{slug}-fact") question=question.clone() value=Memo::new(move |_| answer.with(|a| a.fact))/>
        }
        .into_any(),
        Rule::List { item, columns, .. } => view! {
            <ListRows row=row.clone() item=item.clone() columns=columns.clone()/>
        }
        .into_any(),
    };

    let text_id = format!("{slug}-text");
    let labelled_by = text_id.clone();
    let explanation = (!indicator.explain.is_empty())
        .then(|| view! { <ExplanationBlock explain=indicator.explain.clone()/> });
    let text = |field: AnswerField, label: &str| {
        view! { <AnswerInput row=row.clone() field label=label.to_owned() kind=FieldKind::Multiline/> }
    };
    view! {
        <article
            class=move || format!("indicator kind-{} status-{}", indicator.rule.kind(), explained.with(|e| e.status.key()))
            id=slug.to_string()
            data-testid=slug.to_string()
            tabindex="-1"
            aria-labelledby=labelled_by
            node_ref=article
            on:focusin=move |ev| {
                // The row itself takes the focus from a link to it (the
                // export's list of errors): that is arriving to fix, not
                // typing; nor are the links and the comment.
                let target = event_target::<web_sys::Element>(&ev);
                if target.tag_name() != "ARTICLE" && !is_note_box(&target) {
                    set_typing(Some(&target));
                }
            }
            on:input=move |ev| {
                let target = event_target::<web_sys::Element>(&ev);
                if let Some(field) = typed_field(&slug, &target.id()) {
                    set(typed, Some(field));
                    announce();
                }
                if is_links_box(&target) {
                    set(in_links, true);
                }
            }
            on:focusout=on_focus_out
            on:pointerdown=move |ev| {
                let target = event_target::<web_sys::Element>(&ev);
                if ev.button() != 0 {
                    return;
                }
                if let Some(button) = target.closest("button").ok().flatten() {
                    pressing.set_value(true);
                    presses.update_value(|n| *n += 1);
                    let this = presses.get_value();
                    after_release(button, move || {
                        if presses.try_get_value() == Some(this) {
                            end_press();
                        }
                    });
                }
            }
            on:click=move |_| end_press()
            on:pointercancel=move |_| end_press()
        >
            <div class="indicator-head">
                <span class="code">{code.to_string()}</span>
                <p class="wording" id=text_id>{indicator.text.clone()}</p>
            </div>
            // An informational row gives no points: its rule says how it is
            // counted, under no «Начисление».
            <p class="rule">{(indicator.points > 0).then(|| view! { <span class="muted">"Начисление: "</span> })}{indicator.rule_text.clone()}</p>
            {explanation}
            // Dimmed only where the profile rules the row out: a row its own
            // numbers put out («0 из 0», no last year) asks for those numbers.
            <div class="inputs" class:inactive=ruled_out inert=ruled_out>{inputs}</div>
            <Show when=move || copied.get()>
                <p class="notice copied" data-testid="copied">
                    "Ответ перенесён из карты прошлого года. Проверьте, верен ли он в этом году. "
                    <button type="button" aria-label=confirm_label.clone() on:click=confirm_copied.clone()>"Ответ верен"</button>
                </p>
            </Show>
            // On paper the row ends as one piece: its source alone at the top
            // of a sheet read as no row's.
            <div class="row-end">
                <p class="verdict">
                    <strong class="points" data-testid="points">{move || explained.with(|e| e.points.clone())}</strong>
                    <span class="note" data-testid="note">{move || explained.with(|e| e.note.clone())}</span>
                </p>
                <LastPlanNote code=code.to_string() result basis=indicator.basis()/>
                <div class="evidence">
                    <div class="links-field" class:inactive=ruled_out inert=ruled_out>
                        {text(AnswerField::Evidence, "Ссылки на подтверждающие материалы (по одной в строке)")}
                    </div>
                    {text(AnswerField::Comment, "Комментарий")}
                </div>
                <p class="source"><span class="muted">"Источник информации: "</span>{indicator.evidence.clone()}</p>
            </div>
        </article>
    }
}

/// The percent field says "%" once, whether or not the card's label does.
fn percent_label(label: &str) -> String {
    if label.contains('%') {
        label.to_owned()
    } else {
        format!("{label}, %")
    }
}

/// Runs `then` once the press on `button` is over: at once when the
/// pointer is released off it (no click comes), otherwise after the click
/// it makes. A touch's click comes in a task of its own, some time after
/// the release: the wait allows for it, and the click ends the press
/// first.
fn after_release(button: web_sys::Element, then: impl FnOnce() + 'static) {
    const CLICK_AFTER_TOUCH: std::time::Duration = std::time::Duration::from_millis(500);
    on_next_release(move |ev| {
        let on_button = (ev.target())
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|t| button.contains(Some(&t)));
        let wait = if on_button {
            CLICK_AFTER_TOUCH
        } else {
            std::time::Duration::ZERO
        };
        set_timeout(then, wait);
    });
}

/// The list row (`tr[data-row]`) an element of a list indicator is in.
fn list_row_of(node: &web_sys::Node) -> Option<usize> {
    let row = node
        .dyn_ref::<web_sys::Element>()?
        .closest("tr[data-row]")
        .ok()
        .flatten()?;
    row.get_attribute("data-row")?.parse().ok()
}

/// The answer's field of the row `slug` («ind-1-1») whose box has the id
/// `id` («ind-1-1-denominator»); not the links and the comment, written
/// after the numbers ([`is_note_box`]).
fn typed_field(slug: &str, id: &str) -> Option<AnswerField> {
    let field = AnswerField::from_key(id.strip_prefix(slug)?.strip_prefix('-')?)?;
    (!matches!(field, AnswerField::Evidence | AnswerField::Comment)).then_some(field)
}

/// Whether the box with the id `id` is the row's `field`
/// («ind-1-1-denominator»).
fn is_box_of(id: &str, field: AnswerField) -> bool {
    id.ends_with(&format!("-{}", field.key()))
}

/// Sets `signal` only when `now` differs, and not once the row is gone.
fn set<T: Clone + PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, now: T) {
    if signal.try_get_untracked().is_some_and(|was| was != now) {
        signal.try_set(now);
    }
}

/// The row's links box.
fn is_links_box(node: &web_sys::Node) -> bool {
    (node.dyn_ref::<web_sys::Element>()).is_some_and(|e| is_box_of(&e.id(), AnswerField::Evidence))
}

/// The row's links and comment: written after the numbers, not while
/// typing them.
fn is_note_box(node: &web_sys::Node) -> bool {
    (node.dyn_ref::<web_sys::Element>()).is_some_and(|e| {
        let id = e.id();
        is_box_of(&id, AnswerField::Evidence) || is_box_of(&id, AnswerField::Comment)
    })
}
