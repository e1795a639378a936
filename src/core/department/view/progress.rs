//! Long work and saving, as the department's page reports them: which
//! files are being checked and whether they may be cancelled, and whether
//! the workspace is safely stored.

use serde::{Deserialize, Serialize};

use crate::error::StorageError;
use crate::text::{files, quoted};

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

/// Work a page still held when it was closed or reloaded, kept in local
/// storage as it went and told at the next opening: the browser's «leave
/// the page?» was answered «leave», and without this the files were
/// simply not there next time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unfinished {
    /// The page that kept it: a page hidden and shown again reads its own
    /// as nothing lost.
    pub page: String,
    /// Files of an import or a restore still being checked, never filed.
    pub checking: u64,
    /// Files filed but not yet in the database, `(submission id, file
    /// name)`: the write the closing page started may still have finished.
    pub unsaved: Vec<(String, String)>,
    /// Unsaved files beyond those listed, not to fill local storage.
    pub more: u64,
    /// What was being checked was a backup: the workspace stayed as it
    /// was, and it is the backup to load again, not files to pick.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub backup: bool,
}

/// How many unsaved files [`Unfinished`] lists by name.
pub const UNFINISHED_LISTED: usize = 500;

/// How many of the lost files' names the notice spells out.
const NAMED: usize = 3;

impl Unfinished {
    /// What the next page says, `stored` telling which files the database
    /// holds after all; `None` when nothing was lost.
    pub fn message(&self, stored: impl Fn(&str) -> bool) -> Option<String> {
        let lost: Vec<&str> = (self.unsaved.iter())
            .filter(|(id, _)| !stored(id))
            .map(|(_, name)| name.as_str())
            .collect();
        let lost_count = lost.len() as u64 + self.more;
        let mut said = Vec::new();
        if self.backup && self.checking > 0 {
            said.push(
                "Страницу закрыли или перезагрузили, пока открывалась резервная копия: она не \
                 открыта, рабочая область осталась прежней. Загрузите копию снова."
                    .to_owned(),
            );
        }
        let mut parts = Vec::new();
        if self.checking > 0 && !self.backup {
            parts.push(format!(
                "не проверены и не загружены — {}",
                files(self.checking)
            ));
        }
        if lost_count > 0 {
            let named: Vec<String> = lost.iter().take(NAMED).map(|n| quoted(n)).collect();
            let rest = lost_count - named.len() as u64;
            let names = match (named.is_empty(), rest) {
                (true, _) => String::new(),
                (false, 0) => format!(" ({})", named.join(", ")),
                (false, rest) => format!(" ({} и ещё {rest})", named.join(", ")),
            };
            parts.push(format!(
                "не сохранены в браузере — {}{names}",
                files(lost_count)
            ));
        }
        if !parts.is_empty() {
            said.push(format!(
                "Страницу закрыли или перезагрузили, не дождавшись конца работы: {}. \
                 Выберите эти файлы снова на вкладке «Загрузка файлов»: уже загруженные \
                 будут пропущены как повторы.",
                parts.join("; ")
            ));
        }
        (!said.is_empty()).then(|| said.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checked by hand: an import cut short names its count; of the
    /// unsaved files only those the database still lacks are named, three
    /// of them, and the rest counted with those beyond the list.
    #[test]
    fn work_cut_short_by_closing_is_told() {
        let unsaved = |ids: &[&str]| {
            ids.iter()
                .map(|id| (id.to_string(), format!("{id}.json")))
                .collect()
        };
        let tail = " Выберите эти файлы снова на вкладке «Загрузка файлов»: уже загруженные \
                    будут пропущены как повторы.";
        let cut = Unfinished {
            checking: 800,
            ..Unfinished::default()
        };
        assert_eq!(
            cut.message(|_| false).unwrap(),
            format!(
                "Страницу закрыли или перезагрузили, не дождавшись конца работы: не проверены \
                 и не загружены — 800 файлов.{tail}"
            )
        );
        let filed = Unfinished {
            unsaved: unsaved(&["a", "b", "c", "d", "e"]),
            more: 2,
            ..Unfinished::default()
        };
        assert_eq!(
            filed.message(|id| id == "b").unwrap(),
            format!(
                "Страницу закрыли или перезагрузили, не дождавшись конца работы: не сохранены \
                 в браузере — 6 файлов («a.json», «c.json», «d.json» и ещё 3).{tail}"
            )
        );
        let one = Unfinished {
            checking: 21,
            unsaved: unsaved(&["a", "b"]),
            ..Unfinished::default()
        };
        assert_eq!(
            one.message(|id| id == "b").unwrap(),
            format!(
                "Страницу закрыли или перезагрузили, не дождавшись конца работы: не проверены \
                 и не загружены — 21 файл; не сохранены в браузере — 1 файл («a.json»).{tail}"
            )
        );
        // All written after all: nothing to say.
        assert_eq!(filed.clone().message(|_| true).map(drop), Some(()));
        let written = Unfinished {
            unsaved: unsaved(&["a"]),
            ..Unfinished::default()
        };
        assert_eq!(written.message(|_| true), None);
        assert_eq!(Unfinished::default().message(|_| false), None);
        // A backup cut short: the backup to load again, not its files.
        let restoring = Unfinished {
            checking: 40,
            backup: true,
            ..Unfinished::default()
        };
        assert_eq!(
            restoring.message(|_| false).unwrap(),
            "Страницу закрыли или перезагрузили, пока открывалась резервная копия: она не \
             открыта, рабочая область осталась прежней. Загрузите копию снова."
        );
    }

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
