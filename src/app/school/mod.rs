//! The school's flow: the profile, the card, and the live score.

mod card_page;
mod criterion_section;
mod fact_choice;
mod indicator_row;
mod profile_form;
mod score_summary;

pub use card_page::SchoolCardPage;
