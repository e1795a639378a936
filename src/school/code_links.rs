//! Indicator codes as links to their rows or fields: the export's list of
//! what to check and the summary's errors lead to the same places, and
//! following a link focuses the field.

use leptos::prelude::*;

use profkarta_core::school::draft::AnswerField;
use profkarta_core::scoring::Assessment;

/// Where a code leads.
#[derive(Clone, Copy)]
pub enum To {
    /// The indicator.
    Row,
    /// One of its fields.
    Field(AnswerField),
    /// Its first field with an error.
    FirstError,
}

/// The id of an indicator's row; its boxes' ids add their field's key.
pub fn row_id(code: &str) -> String {
    format!("ind-{}", code.replace('.', "-"))
}

/// The address of `code`'s box for `field`.
pub fn field_href(code: &str, field: AnswerField) -> String {
    format!("#{}-{}", row_id(code), field.key())
}

/// `codes` as links to where `to` says, with commas between them.
pub fn code_links(assessment: Memo<Assessment>, codes: Vec<String>, to: To) -> impl IntoView {
    let links = codes.into_iter().map(|code| {
        let field = match to {
            To::Row => None,
            To::Field(field) => Some(field),
            To::FirstError => assessment.with(|a| {
                let row = a.indicators.iter().find(|r| r.code == code)?;
                row.errors.first().map(|(field, _)| *field)
            }),
        };
        let href = field.map_or_else(|| format!("#{}", row_id(&code)), |f| field_href(&code, f));
        (code, href)
    });
    comma_links(links.collect())
}

/// Links (text, address) with commas between them: «1.3 3.1» would read
/// as one number.
pub fn comma_links(links: Vec<(String, String)>) -> impl IntoView {
    let count = links.len();
    (links.into_iter().enumerate())
        .map(|(i, (text, href))| {
            let comma = (i + 1 < count).then_some(", ");
            view! { <a href=href>{text}</a>{comma} }
        })
        .collect_view()
}
