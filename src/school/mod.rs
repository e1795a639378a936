//! The school's page: drafts and their storage, the signing key, the
//! profile, the card, the live score, export and print.
//!
//! `state` (the card, the draft, the score) and `drafts` (autosave) come
//! first; the components below only read them and write the draft. The
//! department's card editor shows a draft card through the same `state`,
//! `profile_form`, `card_body` and `score_summary`.

mod app;
mod department_cards;
mod drafts;
pub(crate) mod state;

mod answer_input;
mod breakdown_parts;
pub(crate) mod card_body;
mod card_choice;
mod card_page;
mod card_updates;
mod code_links;
mod criterion_section;
mod draft_bar;
mod draft_list;
mod explanation;
mod export_panel;
mod fact_choice;
mod indicator_row;
mod last_plan_note;
mod last_year;
mod last_year_source;
mod list_rows;
mod next_year_choice;
mod notices_panel;
mod plan_row;
mod plan_section;
mod print_footer;
pub(crate) mod profile_form;
mod renamed_question;
pub(crate) mod score_summary;

pub use app::SchoolApp;
