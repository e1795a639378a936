//! A checkbox choosing one of the card's indicators as a target (a school's
//! planned measure, a department's measure): its code and wording, so that
//! nobody has to look a code up. The wording is cut to one line on screen,
//! whole in the tooltip, in the checkbox's name and while the keyboard has
//! brought the focus to it (the keyboard has no tooltip; a click does not
//! widen it under the pointer).

use leptos::prelude::*;

use profkarta_core::card::Indicator;
use profkarta_core::text::told_apart;

/// Each of `indicators`, listed together, with the wording its checkbox
/// shows where the whole one would look like another's ([`told_apart`]).
pub fn with_shown<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
) -> Vec<(&'a Indicator, Option<String>)> {
    let listed: Vec<&Indicator> = indicators.into_iter().collect();
    let texts: Vec<&str> = listed.iter().map(|i| i.text.as_str()).collect();
    listed.into_iter().zip(told_apart(&texts)).collect()
}

/// `figure`: how many schools met it («выполнили 15 из 26»), and whether
/// fewer than half did, beside the code, so that a department chooses its
/// targets without the results tab open. `shown`: the wording on screen
/// where the whole one, cut at its end, would look like another's
/// ([`told_apart`](profkarta_core::text::told_apart)); the name stays whole.
#[component]
pub fn IndicatorCheck(
    code: String,
    text: String,
    #[prop(optional_no_strip)] shown: Option<String>,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<()>,
    #[prop(optional, into)] figure: Option<Signal<Option<(String, bool)>>>,
) -> impl IntoView {
    // The tooltip says what the name says, so that it is not read twice.
    let name = format!("{code} {text}");
    let figure = figure.map(|f| {
        move || {
            f.get().map(|(said, weak)| {
                view! { <span class="check-figure" class:weak=weak>{format!(" ({said})")}</span> }
            })
        }
    });
    view! {
        <label class="indicator-check" title=name.clone()>
            <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle.run(())/>
            {format!(" {code}")}{figure}" "
            {match shown {
                Some(shown) => view! {
                    <span aria-hidden="true">{shown}</span>
                    <span class="visually-hidden">{text}</span>
                }
                .into_any(),
                None => text.into_any(),
            }}
        </label>
    }
}
