//! The one-line verdict the import table shows for each file.
//!
//! A verdict is read from the archive at display time, not frozen at
//! import: a file accepted today is "superseded" once its correction
//! arrives, and a held file becomes accepted when its key is trusted.

use crate::department::archive::{claim_difference, Admission, Archive, Entry, Standing};
use crate::error::{ImportError, SubmissionError};
use crate::text::quoted;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// Accepted, but the score it claims is not what its answers give.
    ScoreMismatch,
    /// Accepted, with answers sent with an error: they count nothing.
    WithErrors,
    Superseded,
    KeyChanged,
    KeyRejected,
    NotJson,
    NotSubmission,
    /// One of the department's own files, picked with the schools': no
    /// school has anything to send again.
    DepartmentFile,
    Altered,
    Damaged,
    UnsupportedVersion,
    UnknownTemplate,
    Duplicate,
    TooLarge,
}

impl Verdict {
    pub fn of(archive: &Archive, admission: &Admission) -> Self {
        match admission {
            Admission::Refused(e) => Self::of_error(e),
            Admission::Filed { submission_id } => match archive.standing_of(submission_id) {
                Some(Standing::Current) => match archive.entry(submission_id) {
                    Some(entry) => Self::of_entry(entry),
                    None => Self::Accepted,
                },
                Some(Standing::Superseded { .. }) => Self::Superseded,
                Some(Standing::Held) => Self::KeyChanged,
                Some(Standing::Rejected) => Self::KeyRejected,
                // Removed from the archive since (a restored backup).
                None => Self::Duplicate,
            },
        }
    }

    /// A file checked on its own, before it meets the workspace: what the
    /// department's import says of it when nothing else is known (no other
    /// file of the school, no key decided). The verifier prints this.
    pub fn of_check(checked: &Result<Entry, ImportError>) -> Self {
        match checked {
            Ok(entry) => Self::of_entry(entry),
            Err(e) => Self::of_error(e),
        }
    }

    /// A counted file: its total first, then its answers.
    fn of_entry(entry: &Entry) -> Self {
        if entry.mismatch {
            Self::ScoreMismatch
        } else if !entry.invalid_answers().is_empty() {
            Self::WithErrors
        } else {
            Self::Accepted
        }
    }

    fn of_error(e: &ImportError) -> Self {
        match e {
            ImportError::TooLarge { .. } => Self::TooLarge,
            ImportError::NotText
            | ImportError::Document(_)
            | ImportError::Submission(SubmissionError::NotJson) => Self::NotJson,
            ImportError::Submission(SubmissionError::NotSubmission)
            | ImportError::KeyFile
            | ImportError::DraftFile => Self::NotSubmission,
            ImportError::DepartmentFile(_) => Self::DepartmentFile,
            ImportError::Submission(
                SubmissionError::SignatureInvalid | SubmissionError::FingerprintMismatch { .. },
            ) => Self::Altered,
            ImportError::Submission(SubmissionError::UnsupportedVersion { .. }) => {
                Self::UnsupportedVersion
            }
            ImportError::Submission(_)
            | ImportError::Empty
            | ImportError::OtherEncoding
            | ImportError::CutOff
            | ImportError::Garbled { .. }
            | ImportError::Unreadable
            | ImportError::BadProfile { .. }
            | ImportError::IdTaken { .. } => Self::Damaged,
            // Answers of another card are «другая карта» too.
            ImportError::UnknownTemplate { .. }
            | ImportError::OtherEdition { .. }
            | ImportError::ForeignAnswers { .. } => Self::UnknownTemplate,
            ImportError::Duplicate { .. } => Self::Duplicate,
        }
    }

    /// Stable name for styling, tests and the generator's manifest.
    pub fn key(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::ScoreMismatch => "score_mismatch",
            Self::WithErrors => "with_errors",
            Self::Superseded => "superseded",
            Self::KeyChanged => "key_changed",
            Self::KeyRejected => "key_rejected",
            Self::NotJson => "not_json",
            Self::NotSubmission => "not_submission",
            Self::DepartmentFile => "department_file",
            Self::Altered => "altered",
            Self::Damaged => "damaged",
            Self::UnsupportedVersion => "unsupported_version",
            Self::UnknownTemplate => "unknown_template",
            Self::Duplicate => "duplicate",
            Self::TooLarge => "too_large",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Accepted => "принят",
            Self::ScoreMismatch => "принят, итог не совпадает",
            Self::WithErrors => "принят, ответы с ошибками не учтены",
            // Newer, a correction, or the department's choice: which one,
            // the explanation beside it says.
            Self::Superseded => "заменён другим файлом",
            Self::KeyChanged => "новый ключ школы — нужно решение",
            Self::KeyRejected => "ключ отклонён",
            Self::NotJson => "не выгрузка Профкарты (не JSON)",
            Self::NotSubmission => "не выгрузка Профкарты",
            Self::DepartmentFile => "файл отдела, не школы",
            Self::Altered => "подпись неверна: файл изменён",
            Self::Damaged => "файл повреждён",
            Self::UnsupportedVersion => "неизвестная версия формата",
            Self::UnknownTemplate => "другая карта",
            Self::Duplicate => "повтор",
            Self::TooLarge => "слишком большой",
        }
    }

    /// Shown with the import's problems, not only among the accepted
    /// files: the refused, the held, the accepted whose total the school
    /// wrote differently from its own answers, and those a newer file of
    /// their school replaced (the summary counts them; at 600 files the
    /// coordinator would not find which among the accepted).
    pub fn needs_attention(self) -> bool {
        !self.is_good()
            || matches!(
                self,
                Self::ScoreMismatch | Self::WithErrors | Self::Superseded
            )
    }

    /// Where the import table lists the file: first what the coordinator
    /// must decide (a new key), then what a school must send again, then
    /// totals to look at, then copies of files already in (nothing to do),
    /// then the accepted.
    pub fn order(self) -> u8 {
        match self {
            Self::KeyChanged => 0,
            Self::ScoreMismatch | Self::WithErrors => 2,
            Self::Duplicate | Self::Superseded | Self::DepartmentFile => 3,
            _ if self.is_good() => 4,
            _ => 1,
        }
    }

    pub fn is_good(self) -> bool {
        matches!(
            self,
            Self::Accepted | Self::ScoreMismatch | Self::WithErrors | Self::Superseded
        )
    }
}

/// The sentence under the verdict: why, in the user's terms.
/// For a correction in which the school renamed itself, the file it
/// replaces, and what to do if it is another school after all (a second
/// school's card made from the first one's exported draft).
fn renamed_note(archive: &Archive, id: &str) -> String {
    let Some(old) = archive.renamed_from(id) else {
        return String::new();
    };
    format!(
        " Исправляет файл «{}» школы {name}: школа сменила наименование, учитывается этот файл. \
         Если это две разные школы, попросите школу {name} выгрузить свою карту заново — тогда \
         учтутся обе.",
        old.file_name,
        name = quoted(old.profile().name.trim())
    )
}

pub fn explanation(archive: &Archive, admission: &Admission) -> String {
    match admission {
        Admission::Refused(e) => e.to_string(),
        Admission::Filed { submission_id } => {
            let (Some(entry), Some(standing)) = (
                archive.entry(submission_id),
                archive.standing_of(submission_id),
            ) else {
                return String::new();
            };
            let school = entry.profile().name.trim();
            let period = entry.period();
            // Answers the school sent with an error count nothing: said
            // here, not only in the review (a robustness audit's «-3»).
            let invalid = match entry.invalid_answers().as_slice() {
                [] => String::new(),
                codes => format!(
                    " Ответы с ошибками не учтены: {} (что не так — на вкладке «Проверка»).",
                    codes.join(", ")
                ),
            };
            match standing {
                Standing::Current if entry.mismatch => format!(
                    "{school}, {period}: {}.{invalid}",
                    claim_difference(&entry.opened.payload.score, &entry.assessment)
                        .unwrap_or_default()
                ),
                Standing::Current => format!(
                    "{school}, {period}.{invalid}{}",
                    renamed_note(archive, submission_id)
                ),
                Standing::Superseded { by } => {
                    let newer = archive.entry(by);
                    let name = newer.map_or(String::new(), |e| e.file_name.clone());
                    let renamed = newer.filter(|e| e.school != entry.school);
                    // Older, when the coordinator chose it: not «более новая».
                    match archive.chosen_over(by) {
                        _ if renamed.is_some() => format!(
                            "{school}, {period}: заменён исправлением «{name}», в котором школа \
                             указала наименование {}.",
                            quoted(renamed.map_or("", |e| e.profile().name.trim()))
                        ),
                        Some(_) => format!(
                            "{school}, {period}: учитывается выгрузка «{name}», выбранная отделом."
                        ),
                        None => format!(
                            "{school}, {period}: учитывается более новая выгрузка «{name}»."
                        ),
                    }
                }
                Standing::Held => format!(
                    "{school}, {period}: подписан ключом {}, а раньше школа подписывала другим. Примите или отклоните ключ в блоке «Новые ключи подписи».",
                    entry.opened.fingerprint
                ),
                Standing::Rejected => format!(
                    "{school}, {period}: ключ {} отклонён, файл не учитывается.",
                    entry.opened.fingerprint
                ),
            }
        }
    }
}
