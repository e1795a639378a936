//! The department's workspace in the browser: the archive, the import log,
//! what is selected, and the views derived from them.
//!
//! The archive is the one piece of written state; ratings, figures and
//! verdicts are memos over it, so a review decision or an accepted key shows
//! everywhere at once. Persistence is an effect that writes the archive a
//! second after the last change; when storage refuses, work goes on in
//! memory and the user is told to download a backup.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::app::storage;
use crate::app::workspace::{quarantine, Notices};
use crate::domain::card::Card;
use crate::domain::department::archive::{Admission, Archive, Standing, STORAGE_KEY};
use crate::domain::department::results::{figures, rank, results, Figures, Ranked, SchoolResult};
use crate::domain::error::StorageError;

/// One line of the import table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub file: String,
    pub admission: Admission,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The user asked to stop; the loop sees it after the current batch.
    pub cancel: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    Idle,
    Saved,
    Failed(StorageError),
    /// Another tab saved the workspace: saving here is paused so that
    /// neither tab silently overwrites the other.
    Conflict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Import,
    Review,
    Results,
    Dynamics,
    Letters,
    Report,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Self::Import,
        Self::Review,
        Self::Results,
        Self::Dynamics,
        Self::Letters,
        Self::Report,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Import => "Загрузка файлов",
            Self::Review => "Проверка",
            Self::Results => "Результаты",
            Self::Dynamics => "Динамика",
            Self::Letters => "Рекомендации",
            Self::Report => "Аналитическая справка",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Import => "import",
            Self::Review => "review",
            Self::Results => "results",
            Self::Dynamics => "dynamics",
            Self::Letters => "letters",
            Self::Report => "report",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Dept {
    pub archive: RwSignal<Archive>,
    pub log: RwSignal<Vec<ImportRow>>,
    pub progress: RwSignal<Option<Progress>>,
    /// The period chosen by the user; `None` follows the latest one.
    pub chosen_period: RwSignal<Option<String>>,
    /// The submission open in review and letters.
    pub selected: RwSignal<Option<String>>,
    pub tab: RwSignal<Tab>,
    pub saving: RwSignal<Saving>,
    pub periods: Memo<Vec<String>>,
    pub period: Memo<Option<String>>,
    pub standing: Memo<HashMap<String, Standing>>,
    pub results: Memo<Vec<SchoolResult>>,
    pub rating: Memo<Vec<Ranked>>,
    pub figures: Memo<Figures>,
    /// The period before the chosen one, when there is one: what dynamics
    /// and the report compare with.
    pub previous: Memo<Option<(String, Vec<SchoolResult>, Figures)>>,
    pub notices: Notices,
}

impl Dept {
    pub fn start(card: Arc<Card>, notices: Notices) -> Self {
        let archive = RwSignal::new(load(&card, notices));
        let chosen_period = RwSignal::new(None::<String>);
        let periods = Memo::new(move |_| archive.with(Archive::periods));
        let period = Memo::new(move |_| {
            let all = periods.get();
            chosen_period
                .get()
                .filter(|p| all.contains(p))
                .or_else(|| all.last().cloned())
        });
        let standing = Memo::new(move |_| {
            archive.with(|a| {
                a.standing()
                    .into_iter()
                    .map(|(id, s)| (id.to_owned(), s))
                    .collect()
            })
        });
        let results = Memo::new(move |_| {
            let period = period.get().unwrap_or_default();
            archive.with(|a| results(a, &period))
        });
        let rating = Memo::new(move |_| rank(results.get()));
        let figures = Memo::new(move |_| archive.with(|a| results.with(|r| figures(a, r))));
        let previous = Memo::new(move |_| {
            let all = periods.get();
            let i = all.iter().position(|p| Some(p) == period.get().as_ref())?;
            let before = all.get(i.checked_sub(1)?)?.clone();
            archive.with(|a| {
                // `results` and `figures` are the memos here; these are the functions.
                let was = crate::domain::department::results::results(a, &before);
                let f = crate::domain::department::results::figures(a, &was);
                Some((before, was, f))
            })
        });
        let dept = Self {
            archive,
            log: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            chosen_period,
            selected: RwSignal::new(None),
            tab: RwSignal::new(Tab::Import),
            saving: RwSignal::new(Saving::Idle),
            periods,
            period,
            standing,
            results,
            rating,
            figures,
            previous,
            notices,
        };
        dept.autosave();
        dept
    }

    fn autosave(self) {
        let timer = StoredValue::new(None::<TimeoutHandle>);
        let save = move || {
            timer.update_value(|t| *t = None);
            if self.saving.get_untracked() != Saving::Conflict {
                self.write();
            }
        };
        Effect::watch(
            move || self.archive.track(),
            move |_, _, _| {
                if let Some(t) = timer.try_update_value(Option::take).flatten() {
                    t.clear();
                }
                let handle = set_timeout_with_handle(save, Duration::from_millis(1000));
                timer.set_value(handle.ok());
            },
            false,
        );
        let flush = move || {
            if let Some(t) = timer.try_update_value(Option::take).flatten() {
                t.clear();
                save();
            }
        };
        let on_hide = window_event_listener_untyped("pagehide", move |_| flush());
        // The event reaches only the other tabs of the same site.
        let on_storage = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() == Some(STORAGE_KEY) {
                self.saving.set(Saving::Conflict);
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_storage.remove();
        });
    }

    /// Resolves a conflict with the other tab's version, as stored.
    pub fn take_stored(self) {
        let card = self.archive.with_untracked(|a| a.card().clone());
        self.replace(load(&card, self.notices));
        self.saving.set(Saving::Saved);
    }

    /// Resolves a conflict with this tab's version, saved over the other.
    pub fn keep_mine(self) {
        self.write();
    }

    fn write(self) {
        let text = self.archive.with_untracked(Archive::to_json);
        self.saving.set(match storage::set(STORAGE_KEY, &text) {
            Ok(()) => Saving::Saved,
            Err(e) => Saving::Failed(e),
        });
    }

    /// Replaces the archive, e.g. from a backup file.
    pub fn replace(self, archive: Archive) {
        self.archive.set(archive);
        self.log.set(Vec::new());
        self.selected.set(None);
    }
}

/// The stored workspace, or an empty one. Unreadable text is kept aside and
/// reported; files that no longer verify are reported one by one.
fn load(card: &Card, notices: Notices) -> Archive {
    let empty = || Archive::new(card.clone());
    let text = match storage::get(STORAGE_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return empty(),
        Err(e) => {
            notices.push(
                format!("Сохранённую рабочую область отдела не удалось прочитать: {e}"),
                None,
            );
            return empty();
        }
    };
    match Archive::from_json(card.clone(), &text) {
        Ok((archive, problems)) => {
            for (file, problem) in problems {
                notices.push(
                    format!("Файл «{file}» из рабочей области не принят: {problem}"),
                    None,
                );
            }
            archive
        }
        Err(e) => {
            quarantine(
                notices,
                STORAGE_KEY,
                text,
                &format!("Рабочую область отдела не удалось открыть: {e}"),
            );
            empty()
        }
    }
}
