//! Long work and saving, as the department's page reports them: which
//! files are being checked and whether they may be cancelled, and whether
//! the workspace is safely stored.

use crate::error::StorageError;

/// What the progress bar is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Import,
    /// The workspace stored in this browser, at start.
    Open,
    Restore,
}

impl Work {
    pub fn label(self, done: usize, total: usize) -> String {
        let what = match self {
            Self::Import => "Проверено файлов",
            Self::Open => "Открывается сохранённая рабочая область: проверено файлов",
            Self::Restore => "Открывается резервная копия: проверено файлов",
        };
        format!("{what}: {done} из {total}")
    }

    /// Said to files picked while this work goes on: the stored workspace
    /// is also opened again when another tab saved it, which «проверка
    /// файлов» did not tell the coordinator, who had picked none.
    pub fn wait(self) -> &'static str {
        match self {
            Self::Import => {
                "Дождитесь окончания текущей проверки файлов, затем выберите файлы снова."
            }
            Self::Open => {
                "Дождитесь, пока откроется сохранённая рабочая область (при открытии страницы или \
                 после сохранения в другой вкладке), затем выберите файлы снова."
            }
            Self::Restore => {
                "Дождитесь, пока откроется резервная копия, затем выберите файлы снова."
            }
        }
    }

    /// Only an import can be stopped halfway: opening a workspace half
    /// would look like losing the rest.
    pub fn cancellable(self) -> bool {
        self == Self::Import
    }

    /// Where a refused file came from, for the notice of a stored workspace
    /// or a backup (an import lists its refusals in the table instead).
    pub fn origin(self) -> &'static str {
        match self {
            Self::Import => "из выбранных",
            Self::Open => "из рабочей области",
            Self::Restore => "из копии",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub work: Work,
    pub done: usize,
    pub total: usize,
    /// The user asked to stop; the loop sees it after the current batch.
    pub cancel: bool,
}

/// Where keeping the workspace in the browser stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    Idle,
    /// A change waits for its save, or is being written.
    Pending,
    Saved,
    Failed(StorageError),
    /// Another tab saved the workspace: saving here is paused so that
    /// neither tab silently overwrites the other.
    Conflict,
    /// The files are saved, the decisions not: the stored ones could not
    /// be read and could not be kept aside, or a newer version wrote them,
    /// and they are not written over.
    Held,
}

impl Saving {
    /// The status line under the tabs; empty before the first save.
    pub fn message(&self) -> String {
        match self {
            Self::Idle => String::new(),
            Self::Pending => "Изменения сохраняются в этом браузере…".to_owned(),
            Self::Saved => "Рабочая область сохранена в этом браузере.".to_owned(),
            // The backup holds no signing key: a reviewer whose key is lost
            // with the storage signs her next file with a new one, which
            // the lead does not know.
            Self::Failed(e) => format!(
                "Рабочая область не сохранена в браузере: {e} Работа продолжается в памяти \
                 этой вкладки — скачайте резервную копию на вкладке «Загрузка файлов», а если \
                 этот компьютер подписывает карты или файлы проверки, то и файл ключа на вкладке \
                 «Карты»."
            ),
            Self::Conflict => "Рабочая область изменена в другой вкладке или окне. \
                               Сохранение здесь приостановлено, чтобы не затереть те изменения."
                .to_owned(),
            Self::Held => "Полученные файлы сохранены в этом браузере, решения отдела — нет: \
                           сохранённые прежде решения не прочитаны и не записываются поверх \
                           (почему — сказано в сообщении выше). Скачайте резервную копию на \
                           вкладке «Загрузка файлов»."
                .to_owned(),
        }
    }

    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::Conflict | Self::Held)
    }

    /// Closing the page now would lose work: a change not yet written, or
    /// a workspace that lives only in this tab's memory. A paused tab
    /// ([`Saving::Conflict`]) has said so on its status line.
    pub fn unsaved(&self) -> bool {
        matches!(self, Self::Pending | Self::Failed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_and_saving_read_in_russian() {
        assert_eq!(Work::Import.label(20, 1000), "Проверено файлов: 20 из 1000");
        assert!(Work::Import.cancellable() && !Work::Open.cancellable());
        assert_eq!(Work::Restore.origin(), "из копии");
        assert_eq!(Saving::Idle.message(), "");
        assert!(Saving::Failed(StorageError::Full)
            .message()
            .contains("переполнено"));
        assert!(Saving::Conflict.is_problem() && !Saving::Saved.is_problem());
        assert!(!Saving::Pending.is_problem() && Saving::Pending.unsaved());
        assert!(Saving::Failed(StorageError::Full).unsaved());
        assert!(!Saving::Conflict.unsaved() && !Saving::Saved.unsaved() && !Saving::Idle.unsaved());
        assert!(Saving::Held.is_problem() && !Saving::Held.unsaved());
    }
}
