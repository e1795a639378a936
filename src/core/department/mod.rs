//! The municipal department's side: the files it received, the schools'
//! keys, the coordinator's review, and everything computed from them.
//!
//! [`archive`] holds what was received and decided; [`results`],
//! [`dynamics`] and [`letters`] only read it, so every figure on screen is a
//! function of the archive and can be recomputed at any time.

use crate::error::DepartmentFile;

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

/// The department's own files by the `format` each names, for the pages to
/// say what a file picked in the wrong place is: the department's import
/// ([`ImportError::DepartmentFile`](crate::error::ImportError)) and the
/// school's page, which opens the card and the letter and says where the
/// others open.
pub const OWN_FILES: [(&str, DepartmentFile); 8] = [
    (crate::signed::card_file::FORMAT, DepartmentFile::Card),
    (
        crate::signed::card_file::INDEX_FORMAT,
        DepartmentFile::CardIndex,
    ),
    (letter_file::FORMAT, DepartmentFile::Letter),
    (archive::BACKUP_FORMAT, DepartmentFile::Backup),
    (archive::KEYS_FORMAT, DepartmentFile::Keys),
    (reviewers::KEY_FORMAT, DepartmentFile::ReviewerKey),
    (reviewers::ASSIGNMENT_FORMAT, DepartmentFile::Assignment),
    (reviewers::REVIEW_FORMAT, DepartmentFile::Review),
];

/// The department's own file of `format` ([`OWN_FILES`]), if it is one.
pub fn own_file(format: &str) -> Option<DepartmentFile> {
    (OWN_FILES.iter()).find_map(|&(f, file)| (f == format).then_some(file))
}
