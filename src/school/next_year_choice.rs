//! The one question «Следующий год» asks: copy this year's answers or not.
//! A browser confirm cannot ask it, since its «Отмена» would have to mean
//! one of the answers and leave no way back.

use leptos::prelude::*;

use crate::platform::browser::{focus_id, focus_when_drawn};

#[component]
pub fn NextYearChoice(
    /// The «Следующий год» button's id, where the focus goes back.
    from: String,
    /// Starts the next year's draft: `true` copies the answers too.
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
            <p>"Начать карту следующего учебного года на основе этой. Ответы этого года "
                "(ссылки на подтверждения и комментарии не копируются: они — о прошлом годе):"</p>
            <button type="button" id=copy_id on:click=move |_| on_choose.run(true)>"Скопировать"</button>
            <button type="button" on:click=move |_| on_choose.run(false)>"Не копировать, только сведения об ОО"</button>
            <button type="button" on:click=move |_| close()>"Отмена"</button>
        </div>
    }
}
