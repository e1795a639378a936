//! The department's workspace in the browser: the archive, the import log,
//! what is selected, and the views derived from them.
//!
//! The archive is the one piece of written state; ratings, figures and
//! verdicts are memos over it, so a review decision or an accepted key shows
//! everywhere at once. Keeping it across reloads is [`Persistence`]'s job;
//! when storage refuses, work goes on in memory and the user is told to
//! download a backup.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::department::persistence::Persistence;
use crate::app::workspace::Notices;
use profkarta_core::card::Card;
use profkarta_core::department::archive::{Admission, Archive, Standing};
use profkarta_core::department::results::{figures, rank, results, Figures, Ranked, SchoolResult};
use profkarta_core::error::StorageError;

/// One line of the import table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub file: String,
    pub admission: Admission,
}

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
    pub persistence: Persistence,
}

impl Dept {
    pub fn start(card: Arc<Card>, notices: Notices) -> Self {
        let archive = RwSignal::new(Archive::new(Card::clone(&card)));
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
                let was = profkarta_core::department::results::results(a, &before);
                let f = profkarta_core::department::results::figures(a, &was);
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
            persistence: Persistence::new(),
        };
        dept.persistence.start(dept);
        dept
    }

    /// Replaces the archive: the stored one at start, or a backup.
    pub fn replace(self, archive: Archive) {
        self.archive.set(archive);
        self.log.set(Vec::new());
        self.selected.set(None);
    }
}
