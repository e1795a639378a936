//! The municipal department's side: the files it received, the schools'
//! keys, the coordinator's review, and everything computed from them.
//!
//! [`archive`] holds what was received and decided; [`results`],
//! [`dynamics`] and [`letters`] only read it, so every figure on screen is a
//! function of the archive and can be recomputed at any time.

pub mod archive;
pub mod bulk;
pub mod dynamics;
pub mod effectiveness;
pub mod events;
pub mod figures;
pub mod last_year;
pub mod letter_file;
pub mod letters;
pub mod measures;
pub mod own_cards;
pub mod report;
pub mod report_document;
pub mod results;
pub mod review;
pub mod review_filter;
pub mod reviewers;
pub mod roster;
pub mod school;
pub mod spread;
pub mod tables;
pub mod value;
pub mod verdict;
pub mod view;

/// The formats of the department's own working files, which a school's
/// page does not open (it says where they open instead).
pub const FILE_FORMATS: [&str; 6] = [
    archive::BACKUP_FORMAT,
    archive::KEYS_FORMAT,
    reviewers::KEY_FORMAT,
    reviewers::ASSIGNMENT_FORMAT,
    reviewers::REVIEW_FORMAT,
    crate::signed::card_file::INDEX_FORMAT,
];
