//! The one question «Следующий год» asks: copy this year's yes-or-no
//! answers or not (its figures go to next year's «last year» either way);
//! a card without such answers asks only whether to start.
//! A browser confirm cannot ask it, since its «Отмена» would have to mean
//! one of the answers and leave no way back.

use leptos::prelude::*;

use crate::platform::browser::{focus_id, focus_when_drawn};

#[component]
pub fn NextYearChoice(
    /// The «Следующий год» button's id, where the focus goes back.
    from: String,
    /// The card has yes-or-no answers to copy.
    copies: bool,
    /// (this draft's version, the newest) where the department has
    /// published a newer one: the new year starts on it.
    newer: Option<(u32, u32)>,
    /// Starts the next year's draft: `true` copies the yes-or-no answers too.
    on_choose: Callback<bool>,
    on_close: Callback<()>,
) -> impl IntoView {
    let copy_id = format!("{from}-copy");
    focus_when_drawn(copy_id.clone());
    let close = move || {
        on_close.run(());
        focus_id(&from);
    };
    let on_keydown = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                close();
            }
        }
    };
    view! {
        <div class="next-year-choice" role="group" aria-label="Карта следующего учебного года" on:keydown=on_keydown>
            <p>"Начать карту следующего учебного года на основе этой. Сведения об ОО переносятся, "
                "а числа этого года — в поля «прошлый учебный год», где карта их спрашивает. "
                {copies.then_some("Ответы «да/нет» можно скопировать: они будут отмечены, пока вы не проверите их. ")}
                "Ссылки на подтверждения и комментарии не копируются — они о прошлом годе."
                {newer.map(|(own, latest)| format!(" Новый год начнётся по версии {latest} карты (этот черновик — по версии {own})."))}</p>
            {if copies {
                view! {
                    <button type="button" id=copy_id on:click=move |_| on_choose.run(true)>"Скопировать ответы «да/нет»"</button>
                    <button type="button" on:click=move |_| on_choose.run(false)>"Не копировать ответы"</button>
                }.into_any()
            } else {
                view! { <button type="button" id=copy_id on:click=move |_| on_choose.run(false)>"Начать"</button> }.into_any()
            }}
            <button type="button" on:click=move |_| close()>"Отмена"</button>
        </div>
    }
}
