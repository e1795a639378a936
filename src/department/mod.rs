//! The department's page: import, review, results, dynamics, letters and
//! the analytical report, all over one archive.
//!
//! `state` holds the archive and what is open; `import` and `persistence`
//! feed and keep it; the views below read it and say what the coordinator
//! did through its intent methods; `app` puts them together.

mod app;
mod import;
mod persistence;
mod place;
mod state;

mod assignment_table;
mod bulk_actions;
mod bulk_waiting;
mod card_line;
mod card_select;
mod card_view;
mod cards_panel;
mod chart;
mod conflict_list;
mod data_table;
mod department_name;
mod dynamics_panel;
mod earlier_refusals;
mod editor;
mod effectiveness_view;
mod events_tables;
mod filter_choice;
mod held_keys;
mod import_panel;
mod indicator_figures;
mod indicator_name;
mod last_year_check;
mod letters_panel;
mod low_schools;
mod measure_form;
mod measures_panel;
mod newer_held;
mod no_cards;
mod page;
mod period_select;
mod printed_letter;
mod printed_line;
mod problem_zones;
mod progress_bar;
mod rating_table;
mod report_panel;
mod results_panel;
mod review_merge;
mod review_panel;
mod review_progress;
mod reviewer_list;
mod reviewer_side;
mod reviewers_panel;
mod road_map;
mod roster_import;
mod roster_not_expected;
mod roster_panel;
mod roster_refused;
mod roster_unplaced;
mod row_filter_choice;
mod saving_status;
mod school_plan;
mod school_select;
mod school_value_changes;
mod school_values;
mod scored_results;
mod shared_keys;
mod site_cards_check;
mod slot_files;
mod spread_chart;
mod spread_charts;
mod typed_comment;
mod value_changes;
mod workspace_tools;

pub use app::DepartmentApp;
