//! The department's workspace kept in the browser across reloads.
//!
//! A workspace of thousands of submissions is hundreds of megabytes, far
//! beyond local storage, so it lives in IndexedDB: each received file once,
//! as its own record, and the coordinator's decisions (keys, reviews,
//! letters) in one small record. A save writes only the files not yet
//! stored and the decisions if they changed, half a second after the last
//! change and when the page is hidden.
//!
//! IndexedDB has no change events, so every save also touches a key in
//! local storage: the other tabs hear of it and pause (see [`Saving::Conflict`]).
//! A workspace that earlier versions kept in local storage is moved over once.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use profkarta_core::department::archive::{
    export_number, kept_from, merge_decisions, unpack, unpack_value, unread_decisions, Admission,
    Archive, Cards, Unpacked,
};
use profkarta_core::department::view::progress::{Saving, Unfinished, Work, UNFINISHED_LISTED};
use profkarta_core::error::{ArchiveError, DamagedRecord, StoredDecisionsError, UnreadDecisions};
use profkarta_core::text::{files, quoted};

use crate::department::import::{file_all, held};
use crate::department::state::Dept;
use crate::platform::browser::{ask_to_keep_storage, random_id};
use crate::platform::files::Unread;
use crate::platform::idb::{Db, Guarded, StoredFile, WriteError, DECISIONS};
use crate::platform::storage::{
    self, Read, DEPARTMENT_PENDING, DEPARTMENT_SAVED, DEPARTMENT_UNFINISHED, LEGACY_DEPARTMENT,
};
use crate::shared::debounce::Debounce;
use crate::shared::notices::{Notices, Topic};
use crate::shared::quarantine::{keep_text_aside, quarantine};

/// Whose decisions a tab paused by another's save goes on with. The files
/// of both tabs are kept whichever is chosen: a file received stays received.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Both tabs' decisions where they differ; the same part decided both
    /// ways is named, and the tab stays paused.
    Merge,
    /// The other tab's, as stored.
    Theirs,
    /// This tab's, saved over the other's.
    Mine,
}

/// What a paused tab holds that the database may lack.
#[derive(Clone)]
struct Own {
    files: Vec<StoredFile>,
    decisions: String,
    choice: Choice,
    /// A restored backup not yet written: kept as this tab's, it replaces
    /// the stored files instead of joining them.
    rewrite: bool,
}

/// The stored workspace as read, to install.
struct Opened {
    archive: Archive,
    /// Submission ids with a record in the database.
    ids: HashSet<String>,
    /// The decisions the database holds, as the next save compares them.
    written: String,
    stamp: Option<String>,
    /// The next save replaces every file record ([`Own::rewrite`]).
    rewrite: bool,
}

#[derive(Clone, Copy)]
pub struct Persistence {
    db: StoredValue<Option<Db>, LocalStorage>,
    /// Submission ids that have a record in the database.
    stored: StoredValue<HashSet<String>>,
    /// The decisions as last written or read; an equal text is not written.
    /// A paused tab merges against them: they are what both tabs started from.
    decisions: StoredValue<String>,
    /// The decisions' stamp as last written or read: a save over another
    /// tab's later one gives way ([`Guarded`]).
    stamp: StoredValue<Option<String>>,
    /// Counts the other tabs' saves heard: a read that one overtook is
    /// read again.
    heard: StoredValue<u64>,
    /// A save was asked for while one was being written: it follows, so
    /// that one tab's writes never race each other's stamps.
    again: StoredValue<bool>,
    /// The next save replaces every file record (after a restore, or when
    /// this tab's version is kept over another's).
    rewrite: StoredValue<bool>,
    /// The workspace came from local storage: remove it there once saved here.
    legacy: StoredValue<bool>,
    /// Counts the workspace's changes: a save that ends with a later change
    /// behind it has not saved everything.
    changes: StoredValue<u64>,
    /// Writes started and not yet answered by the database.
    writing: StoredValue<u32>,
    /// The stored workspace is being read: what the page holds meanwhile
    /// is in the database already.
    opening: StoredValue<bool>,
    /// The next change heard is the stored workspace put in place
    /// ([`Self::install`]), saved already unless this tab's changes were
    /// merged into it or it was moved over from local storage.
    installed: StoredValue<bool>,
    /// The stored decisions are not written over: they could not be read
    /// and could not be kept aside, or a newer version wrote them.
    held: StoredValue<bool>,
    wait: Debounce,
    /// This page's own name for the decisions it keeps as it hides
    /// ([`keep_pending`]).
    page: StoredValue<String>,
}

impl Persistence {
    /// Starts autosave, then opens the database and the stored workspace
    /// (checked between frames, with progress).
    pub fn start(dept: Dept) -> Self {
        let persistence = Self {
            db: StoredValue::new_local(None),
            stored: StoredValue::new(HashSet::new()),
            decisions: StoredValue::new(String::new()),
            stamp: StoredValue::new(None),
            heard: StoredValue::new(0),
            again: StoredValue::new(false),
            rewrite: StoredValue::new(false),
            legacy: StoredValue::new(false),
            changes: StoredValue::new(0),
            writing: StoredValue::new(0),
            opening: StoredValue::new(true),
            installed: StoredValue::new(false),
            held: StoredValue::new(false),
            wait: Debounce::saving(),
            page: StoredValue::new(random_id()),
        };
        persistence.watch(dept);
        leptos::task::spawn_local(async move {
            match Db::open().await {
                Ok(db) => persistence.db.set_value(Some(db)),
                Err(e) => dept.set_saving(Saving::Failed(e)),
            }
            persistence.reopen(dept, None).await;
        });
        persistence
    }

    /// Reads the stored workspace and makes it the open one; with `own`,
    /// this tab's files and decisions go with it as `own.choice` says. A
    /// read that another tab's save overtook is read again, and what this
    /// tab changed meanwhile is merged into it: installed as read, either
    /// was lost (a re-check saw both happen).
    async fn reopen(self, dept: Dept, mut own: Option<Own>) {
        self.opening.set_value(true);
        loop {
            let (heard, changes) = (self.heard.get_value(), self.changes.get_value());
            let Some(read) = self.read(dept, own.clone()).await else {
                // The merge named what both tabs changed: the tab stays
                // paused until the user chooses.
                self.opening.set_value(false);
                dept.set_saving(Saving::Conflict);
                return;
            };
            // This tab's changes first: a read overtaken by both would
            // otherwise take a fresh count of them, and drop them.
            if self.changes.get_value() != changes {
                own = Some(self.own(dept, Choice::Merge));
                continue;
            }
            if self.heard.get_value() != heard {
                continue;
            }
            self.install(dept, read);
            return;
        }
    }

    /// The stored workspace with `own` as [`reopen`](Self::reopen) takes
    /// it, its files checked; `None` when the decisions cannot be merged
    /// (the notice names the parts).
    async fn read(self, dept: Dept, own: Option<Own>) -> Option<Opened> {
        let cards = dept.cards();
        let mut archive = Archive::new(cards.clone());
        let mut files = Vec::new();
        let mut ids = HashSet::new();
        let mut damaged = 0;
        let mut decisions_text = None;
        let mut stamp = None;
        if let Some(db) = self.db.get_value() {
            match db.read(DECISIONS).await {
                Ok(stored) => {
                    for (id, value) in stored.files {
                        match StoredFile::from_record(&value) {
                            Some(file) => {
                                files.push(file);
                                ids.insert(id);
                            }
                            None => damaged += 1,
                        }
                    }
                    decisions_text = stored.record;
                    stamp = stored.stamp;
                }
                Err(e) => dept.set_saving(Saving::Failed(e)),
            }
        }
        // Decisions the last page wrote as it closed, if nothing saved since,
        // and only over a stored workspace: with an empty database they
        // belong to a workspace that is gone (or not moved over yet).
        let db_text = decisions_text.clone();
        let pending = take_pending(dept.notices, &self.page.get_value(), stamp.as_deref())
            .filter(|_| decisions_text.is_some() || !ids.is_empty());
        let from_pending = pending.is_some();
        if from_pending {
            decisions_text = pending;
        }
        let merged = own.is_some();
        let rewrite = own
            .as_ref()
            .is_some_and(|o| o.rewrite && o.choice == Choice::Mine);
        if rewrite {
            // A restored backup kept over the other tab's: its files
            // replace the stored ones, as the restore said.
            files.clear();
            ids.clear();
        }
        if let Some(own) = own {
            let theirs = decisions_text.clone().unwrap_or_default();
            decisions_text = match own.choice {
                Choice::Theirs => decisions_text,
                Choice::Mine => Some(own.decisions),
                Choice::Merge => {
                    let base = self.decisions.get_value();
                    match merge_decisions(&base, &own.decisions, &theirs) {
                        Ok(merged) => Some(merged),
                        Err(e) => {
                            dept.notices.push_about(Topic::TabConflict, e.to_string());
                            return None;
                        }
                    }
                }
            };
            let new = own.files.into_iter().filter(|f| !ids.contains(&f.id));
            files.extend(new.map(|f| Unread::Held(f.name, f.text.as_bytes().to_vec())));
        }
        let mut hold = false;
        match decisions_text {
            Some(text) => match unpack(cards.clone(), &text) {
                Ok(u) => {
                    let fields = unread_decisions(&text, &u.archive);
                    if !fields.is_empty() {
                        let problem = UnreadDecisions { fields }.to_string();
                        hold = !keep_text_aside(dept.notices, DECISIONS, text, &problem);
                    }
                    archive = u.archive;
                }
                Err(e) => {
                    // A newer version's decisions wait for the page to be
                    // updated; damaged ones are kept aside, and only then
                    // written over.
                    let newer = matches!(e, ArchiveError::Newer { .. });
                    let problem = format!("{} Полученные файлы открыты.", StoredDecisionsError(&e));
                    hold = !keep_text_aside(dept.notices, DECISIONS, text, &problem) || newer;
                }
            },
            None if ids.is_empty() => {
                if let Some(old) = legacy(dept, cards) {
                    archive = old.archive;
                    files = held(old.files);
                    self.legacy.set_value(true);
                }
            }
            None => {}
        }
        self.held.set_value(hold);
        if hold {
            dept.set_saving(Saving::Held);
        }
        let archive = file_all(dept, Work::Open, archive, files, damaged).await;
        if let Some(said) = self
            .take_unfinished()
            .and_then(|u| u.message(|id| ids.contains(id)))
        {
            dept.notices.push(said, None);
        }
        // A record whose file did not open again is not counted as stored,
        // so the file imported again overwrites it.
        ids.retain(|id| archive.entry(id).is_some());
        // What the database holds, which the next save writes over: a
        // workspace moved over from local storage has its decisions to
        // write, and decisions from elsewhere (merged, or kept by a closing
        // page) are written unless they are the database's.
        let written = if self.legacy.get_value() {
            String::new()
        } else if merged || from_pending {
            db_text.unwrap_or_default()
        } else {
            archive.decisions_json()
        };
        Some(Opened {
            archive,
            ids,
            written,
            stamp,
            rewrite,
        })
    }

    fn install(self, dept: Dept, read: Opened) {
        self.stored.set_value(read.ids);
        self.decisions.set_value(read.written);
        self.stamp.set_value(read.stamp);
        self.rewrite.set_value(read.rewrite);
        // Out of the pause: what the database lacks is saved at once.
        if dept.saving().get_untracked() == Saving::Conflict {
            dept.set_saving(Saving::Idle);
            dept.notices.withdraw(Topic::TabConflict);
        }
        self.installed.set_value(true);
        dept.replace(read.archive);
        self.opening.set_value(false);
    }

    fn watch(self, dept: Dept) {
        Effect::watch(
            move || dept.track_written(),
            move |_, _, _| {
                self.changes.update_value(|n| *n += 1);
                let installed = self.installed.get_value();
                self.installed.set_value(false);
                // «Сохранена» would be untrue until the write is done; a
                // problem already shown stays until a save succeeds.
                if !dept.saving().with_untracked(Saving::is_problem) {
                    if !installed || self.unwritten(dept) {
                        dept.set_saving(Saving::Pending);
                    } else if !dept.archive().with_untracked(Archive::is_blank) {
                        // Read as stored, it is saved: a walk-through's page
                        // just opened said «Изменения сохраняются…». A blank
                        // one says nothing, as a first visit does.
                        dept.set_saving(Saving::Saved);
                    }
                }
                self.wait
                    .schedule(Duration::from_millis(500), move || self.save(dept))
            },
            false,
        );
        // The database writes asynchronously, and a page closed in the
        // meantime loses the files of the last import: the browser asks
        // the user to stay while anything is unsaved.
        let on_leave = window_event_listener(leptos::ev::beforeunload, move |e| {
            if self.would_lose(dept) {
                e.prevent_default();
                e.set_return_value("");
            }
        });
        // Only what the database lacks is kept for the next page: a copy of
        // a workspace just opened would make the next page write it again,
        // and ask «leave the page?» while it does.
        let on_hide = window_event_listener_untyped("pagehide", move |_| {
            let written = dept.write_unwritten();
            let (files, decisions) = self.to_write(dept);
            self.keep_unfinished(dept, &files);
            let unwritten = !self.nothing_in(&files, &decisions);
            if (self.wait.cancel() || written) && unwritten && !self.held.get_value() {
                keep_pending(dept, &self.page.get_value(), self.stamp.get_value());
                self.save(dept);
            }
        });
        // The event reaches only the other tabs of the same site. A tab with
        // nothing of its own to save takes the other's version; one with
        // changes pauses and asks (see `resolve`).
        let on_storage = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() != Some(DEPARTMENT_SAVED) {
                return;
            }
            self.heard.update_value(|n| *n += 1);
            // A read under way reads again (see `reopen`).
            if self.opening.get_value() {
                return;
            }
            let own = self.writing.get_value() > 0
                || dept.saving().get_untracked() == Saving::Conflict
                || self.unwritten(dept);
            if own {
                pause(dept);
            } else {
                leptos::task::spawn_local(async move {
                    self.reopen(dept, None).await;
                    // Not beside a pause the reading ended in.
                    if dept.saving().get_untracked() != Saving::Conflict {
                        dept.notices.push_passing(
                            "Рабочая область обновлена: её изменили в другой вкладке.",
                        );
                    }
                });
            }
        });
        on_cleanup(move || {
            on_leave.remove();
            on_hide.remove();
            on_storage.remove();
        });
    }

    /// Writes what the database does not have yet. Whatever a failed write
    /// carried is tried again at the next save.
    fn save(self, dept: Dept) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        // While the stored workspace is read, the page holds only part of
        // it: written now, that part would stand for the whole. Its filing
        // ends with a change of its own, which saves what is needed.
        if self.opening.get_value() || dept.saving().get_untracked() == Saving::Conflict {
            return;
        }
        if self.writing.get_value() > 0 {
            self.again.set_value(true);
            return;
        }
        let clear = self.rewrite.get_value();
        let (files, decisions) = self.to_write(dept);
        let change = self.changes.get_value();
        if self.nothing_in(&files, &decisions) {
            if dept.saving().get_untracked() == Saving::Pending {
                dept.set_saving(Saving::Saved);
            }
            return;
        }
        let ids: Vec<String> = files.iter().map(|f| f.id.clone()).collect();
        let before = self.decisions.get_value();
        self.rewrite.set_value(false);
        self.stored.update_value(|stored| {
            if clear {
                stored.clear();
            }
            stored.extend(ids.iter().cloned());
        });
        self.decisions.set_value(decisions.clone());
        self.writing.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let held = self.held.get_value();
            let stamp = random_id();
            let record = (!held).then(|| Guarded {
                name: DECISIONS,
                text: &decisions,
                read: self.stamp.get_value(),
                stamp: stamp.clone(),
            });
            let written = db.write(clear, &files, record).await;
            self.writing.update_value(|n| *n -= 1);
            match written {
                Ok(()) => {
                    ask_to_keep_storage();
                    if !held {
                        self.stamp.set_value(Some(stamp));
                    }
                    // A change made during the write has its own save
                    // coming; another tab's save heard meanwhile keeps the pause.
                    let paused = dept.saving().get_untracked() == Saving::Conflict;
                    if self.changes.get_value() == change && !paused {
                        dept.set_saving(if held { Saving::Held } else { Saving::Saved });
                        // A page hidden and shown again saved it after all.
                        if dept.checking() == 0 {
                            self.drop_unfinished();
                        }
                    }
                    // Other tabs pause when they see this change.
                    // A failed mark only means other tabs learn of it later.
                    let _ = storage::write(DEPARTMENT_SAVED, &random_id());
                    if self.legacy.get_value() && storage::remove(LEGACY_DEPARTMENT).is_ok() {
                        self.legacy.set_value(false);
                    }
                    if self.again.get_value() {
                        self.again.set_value(false);
                        self.save(dept);
                    }
                }
                Err(e) => {
                    // Nothing of the transaction was written: the database
                    // holds what it held, and a paused tab merges against it.
                    self.stored.update_value(|stored| {
                        for id in &ids {
                            stored.remove(id);
                        }
                    });
                    self.rewrite.update_value(|r| *r |= clear);
                    // This tab's decisions as they are now, not as written:
                    // a change made during the write is its own. A restore
                    // not yet written is never given up unasked.
                    let now = dept.archive().with_untracked(Archive::decisions_json);
                    let unchanged = now == before && !self.rewrite.get_value();
                    self.decisions.set_value(before);
                    self.again.set_value(false);
                    match e {
                        WriteError::Failed(e) => dept.set_saving(Saving::Failed(e)),
                        // Another tab wrote first. With no decisions of its
                        // own, this one takes theirs and keeps its files;
                        // otherwise it pauses and asks.
                        WriteError::Stale if unchanged => self.resolve(dept, Choice::Theirs),
                        WriteError::Stale => pause(dept),
                    }
                }
            }
        });
    }

    /// The files the database does not have (all of them before a
    /// rewrite), and the decisions as they stand.
    fn to_write(self, dept: Dept) -> (Vec<StoredFile>, String) {
        let clear = self.rewrite.get_value();
        dept.archive().with_untracked(|a| {
            // The texts are shared, not copied; the browser's copies are
            // made slice by slice as they are written.
            let files: Vec<StoredFile> = self.stored.with_value(|stored| {
                a.entries()
                    .iter()
                    .filter(|e| clear || !stored.contains(e.id()))
                    .map(|e| StoredFile {
                        id: e.id().to_owned(),
                        name: e.file_name.clone(),
                        text: Arc::clone(&e.text),
                    })
                    .collect()
            });
            (files, a.decisions_json())
        })
    }

    fn nothing_in(self, files: &[StoredFile], decisions: &str) -> bool {
        !self.rewrite.get_value()
            && files.is_empty()
            && self.decisions.with_value(|d| d == decisions)
    }

    /// Whether the database lacks anything of the workspace.
    fn unwritten(self, dept: Dept) -> bool {
        let (files, decisions) = self.to_write(dept);
        !self.nothing_in(&files, &decisions)
    }

    /// Notes what closing now leaves unchecked or unsaved, for the next
    /// page to tell ([`Unfinished`]); with nothing left, this page's own
    /// earlier note goes. `files`: what the database lacks
    /// ([`Self::to_write`]), worked out once for the whole hiding.
    fn keep_unfinished(self, dept: Dept, files: &[StoredFile]) {
        let files = match self.db.get_value() {
            Some(_) if !self.opening.get_value() => files,
            // Without the database everything is unsaved, and the status
            // line has said so all along.
            _ => &[],
        };
        let checking = dept.checking() as u64;
        if checking == 0 && files.is_empty() {
            self.drop_unfinished();
            return;
        }
        let listed = files.len().min(UNFINISHED_LISTED);
        let unfinished = Unfinished {
            page: self.page.get_value(),
            checking,
            unsaved: (files.iter().take(listed))
                .map(|f| (f.id.clone(), f.name.clone()))
                .collect(),
            more: (files.len() - listed) as u64,
            backup: dept.working() == Some(Work::Restore),
        };
        let _ = storage::write(DEPARTMENT_UNFINISHED, &unfinished);
    }

    fn drop_unfinished(self) {
        if self
            .read_unfinished()
            .is_some_and(|u| u.page == self.page.get_value())
        {
            let _ = storage::remove(DEPARTMENT_UNFINISHED);
        }
    }

    /// Another page's [`Unfinished`], removed as it is read; this page's
    /// own stays (a page hidden and shown again goes on with its work).
    fn take_unfinished(self) -> Option<Unfinished> {
        let unfinished = self.read_unfinished()?;
        if unfinished.page == self.page.get_value() {
            return None;
        }
        let _ = storage::remove(DEPARTMENT_UNFINISHED);
        Some(unfinished)
    }

    fn read_unfinished(self) -> Option<Unfinished> {
        match storage::read(DEPARTMENT_UNFINISHED).ok()? {
            Read::Json(value) => serde_json::from_value(value).ok(),
            _ => None,
        }
    }

    /// Whether closing the page now would lose work. A change waits half
    /// a second for its save, and so does the workspace just opened from
    /// the database: that one has nothing to write, and the browser's
    /// «leave the page?» would be a false alarm.
    fn would_lose(self, dept: Dept) -> bool {
        if dept.checking() > 0 {
            return true;
        }
        match dept.saving().get_untracked() {
            Saving::Pending if self.opening.get_value() => false,
            Saving::Pending if self.writing.get_value() == 0 => self.unwritten(dept),
            // Paused by another tab's save: what this tab holds alone (a
            // walk-through lost 15 files imported while paused).
            Saving::Conflict => self.unwritten(dept),
            saving => saving.unsaved(),
        }
    }

    /// Ends the pause another tab's save brought: the stored workspace is
    /// read again with this tab's files, and the decisions are `choice`'s.
    /// Before, «Сохранить версию этой вкладки» wrote this tab's files over
    /// the other's, and a walk-through's ten imports were gone unsaid.
    pub fn resolve(self, dept: Dept, choice: Choice) {
        leptos::task::spawn_local(self.reopen(dept, Some(self.own(dept, choice))));
    }

    /// What this tab holds that the database may lack, to go on with as
    /// `choice` says.
    fn own(self, dept: Dept, choice: Choice) -> Own {
        let (files, decisions) = self.to_write(dept);
        Own {
            files,
            decisions,
            choice,
            rewrite: self.rewrite.get_value(),
        }
    }

    /// Replaces the workspace with a backup, once its files are checked.
    /// Replaces the workspace with `backup` (from the file `name`), and
    /// says how many of its files came back.
    pub fn restore(self, dept: Dept, backup: Unpacked, name: String) {
        leptos::task::spawn_local(async move {
            let sent: Vec<(String, Option<String>)> = (backup.files.iter())
                .map(|(n, t)| (n.clone(), export_number(t)))
                .collect();
            let files = held(backup.files);
            let sent_count = files.len() as u64;
            let mut archive = file_all(dept, Work::Restore, backup.archive, files, 0).await;
            // A file the backup cannot give back is kept from the workspace
            // it replaces, where it has it ([`kept_from`]).
            let kept = dept
                .archive()
                .with_untracked(|now| kept_from(now, &sent, &archive));
            let kept_names: Vec<String> = (archive.admit_all(kept).into_iter())
                .filter(|(_, a)| matches!(a, Admission::Filed { .. }))
                .map(|(name, _)| quoted(&name))
                .collect();
            if !kept_names.is_empty() {
                archive.settle();
                dept.notices.push(
                    format!(
                        "Из текущей рабочей области сохранены файлы, которых резервная копия не смогла дать: {}.",
                        kept_names.join(", ")
                    ),
                    None,
                );
            }
            let filed = archive.entries().len() as u64;
            self.rewrite.set_value(true);
            // The backup, chosen to replace the workspace, replaces the
            // decisions that were not written over too.
            self.held.set_value(false);
            dept.replace(archive);
            dept.notices.push(
                format!(
                    "Рабочая область восстановлена из резервной копии «{name}»: {}.",
                    files_of(filed, sent_count)
                ),
                None,
            );
        });
    }
}

/// A workspace that an earlier version kept in local storage. Unreadable
/// text is kept aside and reported.
fn legacy(dept: Dept, cards: Cards) -> Option<Unpacked> {
    let unpacked = match storage::read(LEGACY_DEPARTMENT).ok()? {
        Read::Missing => return None,
        Read::Json(value) => unpack_value(cards, value),
        Read::NotJson => Err(profkarta_core::error::ArchiveError::NotJson),
    };
    unpacked
        .map_err(|e| {
            let problem = format!("Рабочую область отдела не удалось открыть: {e}");
            quarantine(dept.notices, LEGACY_DEPARTMENT, &problem);
        })
        .ok()
}

/// Pauses this tab's saving for another tab's save ([`Saving::Conflict`]).
/// An earlier «обновлена» would read beside the pause as if nothing were
/// wrong: it goes.
fn pause(dept: Dept) {
    dept.notices.withdraw_passing();
    dept.set_saving(Saving::Conflict);
}

/// Writes the decisions to local storage at once, tagged with the stamp
/// they were made on (and, for versions before the stamp, the last save
/// mark): the database's write started beside it may not finish before the
/// page is gone. A refusal (storage full or off) leaves only that write.
fn keep_pending(dept: Dept, page: &str, stamp: Option<String>) {
    let pending = serde_json::json!({
        "after": storage::raw_text(DEPARTMENT_SAVED),
        "stamp": stamp,
        "page": page,
        "decisions": dept.archive().with_untracked(Archive::decisions_json),
    });
    let _ = storage::write_text(DEPARTMENT_PENDING, &pending.to_string());
}

/// The decisions a closing page kept, if they were made on the decisions
/// the database still holds (`stamp`, the one it holds, is the one they
/// were tagged with); removed either way. A page paused by another tab's
/// save kept decisions made on older ones, and read as the database's they
/// wrote over that tab's (a re-check lost a school so). Versions before
/// the stamp tagged them with the last save mark. Not this `page`'s own: a
/// page hidden and shown again would read its own earlier decisions as
/// another tab's. Text that does not read is kept aside and said.
fn take_pending(notices: Notices, page: &str, stamp: Option<&str>) -> Option<String> {
    let text = storage::raw_text(DEPARTMENT_PENDING)?;
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        quarantine(
            notices,
            DEPARTMENT_PENDING,
            &DamagedRecord::PendingDecisions.to_string(),
        );
        return None;
    };
    if value.get("page").and_then(|p| p.as_str()) == Some(page) {
        return None;
    }
    let _ = storage::remove(DEPARTMENT_PENDING);
    let current = match value.get("stamp") {
        Some(tagged) => tagged.as_str() == stamp,
        None => {
            let after = value.get("after").and_then(|a| a.as_str());
            after == storage::raw_text(DEPARTMENT_SAVED).as_deref()
        }
    };
    current
        .then(|| value.get("decisions")?.as_str().map(str::to_owned))
        .flatten()
}

/// «12 файлов», or «11 файлов из 12» when some were refused (each said
/// apart).
fn files_of(filed: u64, sent: u64) -> String {
    if filed == sent {
        files(filed)
    } else {
        format!("{} из {sent}", files(filed))
    }
}
