//! A checkbox choosing one of the card's indicators as a target (a school's
//! planned measure, a department's measure): its code and wording, so that
//! nobody has to look a code up. The wording is cut to one line on screen,
//! whole in the tooltip and in the checkbox's name.

use leptos::prelude::*;

#[component]
pub fn IndicatorCheck(
    code: String,
    text: String,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<()>,
) -> impl IntoView {
    // The tooltip says what the name says, so that it is not read twice.
    let name = format!("{code} {text}");
    view! {
        <label class="indicator-check" title=name.clone()>
            <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle.run(())/>
            {format!(" {name}")}
        </label>
    }
}
