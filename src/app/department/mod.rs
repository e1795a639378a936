//! The department's flow: import, review, results, dynamics, letters and
//! the analytical report, all over one archive (see [`state`]).

mod chart;
mod charts_data;
mod dynamics_panel;
mod held_keys;
mod import;
mod import_panel;
mod letters_panel;
mod low_schools;
mod no_cards;
mod page;
mod period_select;
mod persistence;
mod problem_zones;
mod progress_bar;
mod rating_table;
mod report_panel;
mod results_panel;
mod review_panel;
mod save_status;
mod state;
mod workspace_tools;

pub use page::DepartmentPage;
pub use state::Dept;
