//! A letter as it goes on paper: the department's name above it (on plain
//! paper; the Word document goes on letterhead without it) and its text set
//! as the Word document sets it (the title centred, each indicator's
//! heading in bold), each paragraph kept whole on its page where it fits,
//! so that an indicator's heading is never left at the foot of a page
//! without its recommendation.

use leptos::prelude::*;
use profkarta_core::department::letter_file::letter_blocks;
use profkarta_core::export::Block;

use crate::department::state::Dept;

#[component]
pub fn PrintedLetter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let dept: Dept = expect_context();
    let paragraphs = move || {
        let card = dept.card.get();
        text.with(|t| {
            (letter_blocks(t, &card).into_iter())
                .filter_map(|block| match block {
                    Block::Title(t) => Some(view! { <p class="letter-title">{t}</p> }.into_any()),
                    Block::Lead(t) => {
                        let (head, rest) = t.split_once('\n').unwrap_or((&t, ""));
                        let rest = (!rest.is_empty()).then(|| format!("\n{rest}"));
                        Some(view! { <p><strong>{head.to_owned()}</strong>{rest}</p> }.into_any())
                    }
                    Block::Item(t) => Some(view! { <p class="letter-item">{t}</p> }.into_any()),
                    Block::Paragraph(t) => Some(view! { <p>{t}</p> }.into_any()),
                    // A letter's text makes none of the report's blocks.
                    _ => None,
                })
                .collect_view()
        })
    };
    view! {
        <p class="letter-from print-only" data-testid="letter-from">{move || dept.department_name()}</p>
        <div class="letter-print print-only">{paragraphs}</div>
    }
}
