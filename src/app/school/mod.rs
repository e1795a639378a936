//! The school's flow: drafts, the profile, the card, the live score, export
//! and print.

mod card_page;
mod criterion_section;
mod draft_bar;
mod draft_list;
mod export_panel;
mod fact_choice;
mod indicator_row;
mod key_panel;
mod notices_panel;
mod print_footer;
mod profile_form;
mod score_summary;

pub use card_page::SchoolCardPage;
