//! The school's drafts in the browser: which one is open, autosave, the list
//! of drafts, and everything that can go wrong with storage.
//!
//! Autosave runs half a second after the last change and again when the page
//! is hidden or closed. What to write, and whether another tab got there
//! first, is the core's decision ([`StoredDraft::unchanged_since`],
//! [`StoredDraft::next_save`]): two tabs on one draft never silently
//! overwrite each other. Text that cannot be read is kept aside, never
//! deleted.

use std::time::Duration;

use leptos::prelude::*;

use profkarta_core::card::{Card, DEFAULT_CARD};
use profkarta_core::department::last_year::previous_period;
use profkarta_core::error::{DraftLoadError, RepeatedField, StorageError, UnreadFields};
use profkarta_core::json::repeated_key;
use profkarta_core::school::draft::Draft;
use profkarta_core::school::merge::merge;
use profkarta_core::school::moved::MovedPoints;
use profkarta_core::school::plan::LastPlan;
use profkarta_core::school::profile::{canonical_period, default_period, SchoolProfile};
use profkarta_core::school::stored::{
    card_in_damaged, decode, decode_noting, decode_value, title_in_damaged, DraftMeta, ExportState,
    SaveStatus, StoredDraft,
};
use profkarta_core::signed::submission::{file_name, Payload};
use profkarta_core::text::quoted;

use crate::platform::browser::{
    ask_to_keep_storage, confirm, local_hhmm, now_iso, random_id, year_month,
};
use crate::platform::storage::{self, Read, DRAFT_PREFIX, OPEN_DRAFT};
use crate::shared::debounce::Debounce;
use crate::shared::kept_aside::is_draft;
use crate::shared::notices::{Notices, Topic};
use crate::shared::quarantine::{copies_kept, keep_copy, kept_aside, quarantine};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEntry {
    pub id: String,
    pub title: String,
    pub updated_at: String,
    pub card: String,
    pub version: u32,
    pub school: String,
    pub period: String,
}

impl DraftEntry {
    fn of(stored: &StoredDraft, updated_at: String) -> Self {
        Self {
            id: stored.meta.id.clone(),
            title: stored.title(),
            updated_at,
            card: stored.meta.card.clone(),
            version: stored.meta.card_version,
            school: stored.draft.profile.name.trim().to_owned(),
            period: stored.draft.profile.period.trim().to_owned(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Drafts {
    pub draft: RwSignal<Draft>,
    pub meta: RwSignal<DraftMeta>,
    pub status: RwSignal<SaveStatus>,
    pub list: RwSignal<Vec<DraftEntry>>,
    /// Whether the department's file still says what the draft says.
    pub export_state: Memo<ExportState>,
    /// The school's draft of the open card for the year before the open
    /// draft's, the latest saved if there are several: where last year's
    /// figures and plan come from.
    pub year_before: Memo<Option<DraftEntry>>,
    /// Why another tab's version could not be merged with this one's, while
    /// the user is asked to choose ([`SaveStatus::Conflict`]).
    pub conflict_why: RwSignal<Option<String>>,
    /// Which draft the user's own action opened, for a screen reader: «Новая
    /// карта» and «Открыть» changed the whole page without a word.
    pub announced: RwSignal<String>,
    notices: Notices,
    /// The content as last saved or loaded: saving identical content is skipped.
    saved: StoredValue<Option<StoredDraft>>,
    /// Something was changed in this tab: a storage unreadable from the
    /// start is no reason to hold a page nobody has typed in.
    touched: StoredValue<bool>,
    wait: Debounce,
}

impl Drafts {
    /// Reads what storage holds, opens the most recent draft (or a new one)
    /// and starts autosave.
    pub fn start(notices: Notices) -> Self {
        let (stored, status) = match scan(notices) {
            Ok(mut drafts) => {
                // The draft the school had open, else the one saved last.
                let open = open_draft_id();
                drafts.sort_by(|a, b| b.meta.updated_at.cmp(&a.meta.updated_at));
                let at = (drafts.iter())
                    .position(|d| open.as_deref() == Some(d.meta.id.as_str()))
                    .unwrap_or(0);
                let chosen = (at < drafts.len()).then(|| drafts.swap_remove(at));
                (chosen, SaveStatus::Unchanged)
            }
            Err(e) => (None, SaveStatus::Failed(e)),
        };
        let saved = stored.clone();
        let stored = stored.unwrap_or_else(|| {
            let (card, version) = damaged_card().unwrap_or((DEFAULT_CARD.to_owned(), 1));
            fresh(&card, version)
        });
        let draft = RwSignal::new(stored.draft);
        let meta = RwSignal::new(stored.meta);
        let list = RwSignal::new(Vec::new());
        let ws = Self {
            draft,
            meta,
            status: RwSignal::new(status),
            list,
            export_state: Memo::new(move |_| meta.with(|m| draft.with(|d| m.export_state(d)))),
            year_before: year_before(draft, meta, list),
            conflict_why: RwSignal::new(None),
            announced: RwSignal::new(String::new()),
            notices,
            saved: StoredValue::new(saved),
            touched: StoredValue::new(false),
            wait: Debounce::saving(),
        };
        ws.refresh_list();
        ws.autosave();
        ws
    }

    fn autosave(self) {
        // Saving bumps the revision in `meta`; the label and the card are
        // the user's changes.
        let label = Memo::new(move |_| self.meta.with(|m| (m.label.clone(), m.card.clone())));
        Effect::watch(
            move || {
                self.draft.track();
                // Read, not only tracked: an unread memo never recomputes.
                label.with(|_| ());
            },
            move |_, _, _| self.schedule(),
            false,
        );
        let flush = move || self.flush();
        // Closing, reloading or switching away must not lose the last keystrokes.
        let on_hide = window_event_listener_untyped("pagehide", move |_| flush());
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| flush());
        // A save storage refused (full, or another tab's change) leaves the
        // typing in this tab alone: the browser asks before it is closed.
        let on_leave = window_event_listener(leptos::ev::beforeunload, move |e| {
            self.flush();
            if self.unsaved() {
                e.prevent_default();
                e.set_return_value("");
            }
        });
        let on_storage = window_event_listener(leptos::ev::storage, move |e| {
            if e.key() == Some(self.meta.with_untracked(|m| key_of(&m.id))) {
                self.changed_elsewhere(e.new_value());
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
            on_leave.remove();
            on_storage.remove();
        });
    }

    /// A first visit: no draft stored, nothing typed in this one.
    pub fn untouched(self) -> bool {
        !self.touched.get_value() && self.saved.with_value(Option::is_none)
    }

    /// The draft was changed and differs from what storage holds, and the
    /// last save did not go through.
    fn unsaved(self) -> bool {
        let failed = matches!(
            self.status.get_untracked(),
            SaveStatus::Failed(_) | SaveStatus::Conflict { .. }
        );
        failed
            && self.touched.get_value()
            && self
                .saved
                .with_value(|saved| self.current().unchanged_since(saved.as_ref()).is_none())
    }

    fn schedule(self) {
        self.touched.set_value(true);
        if matches!(self.status.get_untracked(), SaveStatus::Conflict { .. }) {
            return;
        }
        // Typing keeps it pending: the status line need not hear it again.
        // A failed save stays said until one goes through: the warning
        // would otherwise go and come back (and be announced) at each pause.
        if !matches!(
            self.status.get_untracked(),
            SaveStatus::Pending | SaveStatus::Failed(_)
        ) {
            self.status.set(SaveStatus::Pending);
        }
        self.wait
            .schedule(Duration::from_millis(500), move || self.save_now());
    }

    /// Saves now if a save is waiting.
    pub fn flush(self) {
        if self.wait.cancel() {
            self.save_now();
        }
    }

    fn current(self) -> StoredDraft {
        StoredDraft {
            meta: self.meta.get_untracked(),
            draft: self.draft.get_untracked(),
        }
    }

    fn save_now(self) {
        if matches!(self.status.get_untracked(), SaveStatus::Conflict { .. }) {
            return;
        }
        let current = self.current();
        let unchanged = self
            .saved
            .with_value(|saved| current.unchanged_since(saved.as_ref()).map(str::to_owned));
        if let Some(saved_at) = unchanged {
            return self.status.set(if saved_at.is_empty() {
                SaveStatus::Unchanged
            } else {
                SaveStatus::Saved {
                    at: local_hhmm(&saved_at),
                }
            });
        }
        let key = key_of(&current.meta.id);
        // What this version does not read of the stored text is copied
        // aside first; if there is still no room for it, nothing is written.
        if let Err(e) = copies_kept(self.notices, &key) {
            return self.status.set(SaveStatus::Failed(e));
        }
        let there = match load(&key) {
            Ok(there) => there,
            Err(e) => return self.status.set(SaveStatus::Failed(e)),
        };
        // Text that stopped reading since this tab read it (changed in
        // another tab, or by hand) is moved aside before anything is
        // written in its place; while it cannot be, nothing is.
        if let Some(Err(e)) = &there {
            let problem = format!(
                "Сохранённую версию черновика прочитать нельзя: её изменили в другой вкладке \
                 или вне приложения. {e}"
            );
            if !matches!(e, DraftLoadError::Newer { .. })
                && !quarantine(self.notices, &key, &problem)
            {
                return self.status.set(SaveStatus::Failed(StorageError::Full));
            }
        }
        let Some(next) = current.next_save(there.as_ref(), &now_iso()) else {
            return match there {
                Some(Ok(theirs)) => self.reconcile(theirs),
                None => self.conflicting(None, true),
                Some(Err(_)) => self.conflicting(None, false),
            };
        };
        match storage::write(&key, &next) {
            Ok(()) => {
                ask_to_keep_storage();
                self.meta.update(|m| {
                    m.revision = next.meta.revision;
                    m.updated_at = next.meta.updated_at.clone();
                });
                self.status.set(SaveStatus::Saved {
                    at: local_hhmm(&next.meta.updated_at),
                });
                self.saved.set_value(Some(next));
                self.refresh_list();
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Another tab wrote this draft. Without unsaved changes here, take its
    /// version; otherwise stop and let the user choose.
    fn changed_elsewhere(self, text: Option<String>) {
        let theirs = text.as_deref().map(decode);
        // Changes only this tab has (typed, or kept through a failed save or
        // a conflict) are never replaced unasked.
        let dirty = self.status.get_untracked() == SaveStatus::Pending || self.unsaved();
        match theirs {
            Some(Ok(theirs)) if !dirty => {
                self.show(theirs, SaveStatus::Unchanged);
                self.notices
                    .push_passing("Черновик обновлён: его изменили в другой вкладке.");
            }
            Some(Ok(theirs)) => {
                self.wait.cancel();
                self.reconcile(theirs);
            }
            None => self.conflicting(None, true),
            Some(Err(_)) => self.conflicting(None, false),
        }
        self.refresh_list();
    }

    /// Another tab saved `theirs` over the version this tab read, and this
    /// tab has changes of its own: where the two changed different things,
    /// both are kept and saved; else the user chooses.
    fn reconcile(self, theirs: StoredDraft) {
        let merged = self.saved.with_value(|base| match base {
            Some(base) => merge(base, &self.current(), &theirs).map_err(Some),
            None => Err(None),
        });
        match merged {
            Ok(merged) => {
                // Storage holds theirs; the merge is written over it now
                // (shown once: not theirs first, then the merge).
                self.saved.set_value(Some(theirs));
                self.status.set(SaveStatus::Pending);
                self.meta.set(merged.meta);
                self.draft.set(merged.draft);
                self.notices.push_passing(
                    "Черновик изменён и в другой вкладке: изменения обеих вкладок объединены.",
                );
                self.save_now();
            }
            Err(why) => self.conflicting(why.map(|e| e.to_string()), false),
        }
    }

    /// Stops autosave until the user chooses a version; `why` says why the
    /// versions were not merged, `deleted` that the other tab deleted it.
    fn conflicting(self, why: Option<String>, deleted: bool) {
        // The conflict's own panel says what happened and what to do; an
        // earlier «обновлён» would contradict it.
        self.notices.withdraw_passing();
        self.conflict_why.set(why);
        self.status.set(SaveStatus::Conflict { deleted });
    }

    /// Conflict resolution: discard this tab's changes and load the stored
    /// ones. Where there are none to load (deleted, or unreadable: the save
    /// keeps that text aside first), this tab's version stays and is saved
    /// in their place: «Сохранено» over a broken or deleted copy would lose
    /// the draft at the next reload.
    pub fn take_stored(self) {
        let key = self.meta.with_untracked(|m| key_of(&m.id));
        match load(&key) {
            Ok(Some(Ok(stored))) => self.show(stored, SaveStatus::Unchanged),
            // A newer app's draft is neither moved nor written over.
            Ok(Some(Err(e @ DraftLoadError::Newer { .. }))) => self.notices.push_about(
                Topic::Draft,
                format!("{e} Скачайте версию из этой вкладки, чтобы не потерять её."),
            ),
            Ok(loaded) => {
                let deleted = loaded.is_none();
                self.keep_mine();
                let saved = self
                    .status
                    .with_untracked(|s| matches!(s, SaveStatus::Saved { .. }));
                let why = match deleted {
                    true => "Сохранённой версии черновика нет: его удалили в другой вкладке.",
                    false => "Версию черновика из другой вкладки загрузить нельзя.",
                };
                if saved {
                    self.notices.push_about(
                        Topic::Draft,
                        format!("{why} Оставлена версия из этой вкладки, она сохранена."),
                    );
                }
            }
            Err(e) => self.notices.push(e.to_string(), None),
        }
    }

    /// Conflict resolution: write this tab's version over the stored one.
    pub fn keep_mine(self) {
        let key = self.meta.with_untracked(|m| key_of(&m.id));
        if let Ok(Some(Ok(stored))) = load(&key) {
            self.meta
                .update(|m| m.revision = m.revision.max(stored.meta.revision));
        }
        self.saved.set_value(None);
        self.status.set(SaveStatus::Pending);
        self.save_now();
    }

    fn show(self, stored: StoredDraft, status: SaveStatus) {
        self.wait.cancel();
        // Only a preference: a storage that refuses it opens the draft saved
        // last next time, as before.
        let _ = storage::write(OPEN_DRAFT, &stored.meta.id);
        self.saved.set_value(Some(stored.clone()));
        self.meta.set(stored.meta);
        self.draft.set(stored.draft);
        self.status.set(status);
    }

    /// Whether the open draft may give way to another: its changes are
    /// stored, or the user chose to go without them (storage full, or
    /// another tab's version in the way). The page's closing asks the same.
    fn may_leave(self) -> bool {
        self.flush();
        !self.unsaved()
            || self
                .status
                .with_untracked(SaveStatus::leave_question)
                .is_none_or(|question| confirm(&question))
    }

    /// Makes `stored` the open draft and saves it at once; `false` if the
    /// user stayed with the open one.
    pub fn adopt(self, stored: StoredDraft) -> bool {
        if !self.may_leave() {
            return false;
        }
        self.notices.withdraw_passing();
        self.announce(&stored);
        self.show(stored, SaveStatus::Pending);
        self.saved.set_value(None);
        self.save_now();
        true
    }

    /// «Открыт черновик «…».», said again (a no-break space apart) when the
    /// same words follow: a second new card is as much news as the first.
    fn announce(self, stored: &StoredDraft) {
        let said = format!("Открыт черновик «{}».", stored.title());
        self.announced.update(|a| {
            *a = match *a == said {
                true => format!("{said}\u{A0}"),
                false => said,
            }
        });
    }

    /// Opens the stored draft `id`; `false` if it was not opened.
    pub fn open(self, id: &str) -> bool {
        if !self.may_leave() {
            return false;
        }
        self.notices.withdraw_passing();
        match read(id, self.notices) {
            Ok(stored) => {
                self.announce(&stored);
                self.show(stored, SaveStatus::Unchanged);
                true
            }
            Err(e) => {
                self.notices.push(e, None);
                false
            }
        }
    }

    pub fn new_draft(self) {
        let (card, version) = self
            .meta
            .with_untracked(|m| (m.card.clone(), m.card_version));
        // Left after its export: most likely a school done with its year,
        // for whom «Следующий год» carries its details and last year's
        // figures; a new card is empty and of the same year (a
        // walk-through's deputy took it, and lost the comparison).
        let exported = (self.export_state.get_untracked().sent()).then(|| {
            self.draft
                .with_untracked(|d| self.meta.with_untracked(|m| m.title(d)))
        });
        if self.adopt(fresh(&card, version)) {
            if let Some(title) = exported {
                self.notices.push_passing(format!(
                    "Открыт новый пустой черновик. Чтобы начать следующий учебный год по \
                     черновику «{title}» (сведения о школе и значения прошлого года \
                     перенесутся), откройте «Мои черновики» и нажмите «Следующий год» в его \
                     строке."
                ));
            }
        }
    }

    pub fn rename(self, id: &str, label: String) {
        if self.meta.with_untracked(|m| m.id == id) {
            self.meta.update(|m| m.label = label);
            return;
        }
        match read(id, self.notices) {
            Ok(mut stored) => {
                stored.meta.label = label;
                stored.meta.revision += 1;
                if let Err(e) = storage::write(&key_of(&stored.meta.id), &stored) {
                    self.notices.push(e.to_string(), None);
                }
                self.refresh_list();
            }
            Err(e) => self.notices.push(e, None),
        }
    }

    /// "Start next year from this one": `cards` are the draft's own
    /// version and the newest, which the new year starts on.
    pub fn next_year(self, id: &str, keep_answers: bool, cards: (&Card, &Card)) {
        self.flush();
        match self.stored(id) {
            Ok(source) => {
                let next = source.next_year_to(random_id(), &now_iso(), keep_answers, cards);
                // A second press, or a year already begun another way:
                // two drafts of one year read alike in the list, and the
                // wrong one is easily deleted.
                let begun = (self.every_draft().into_iter()).find(|s| {
                    s.meta.id != source.meta.id
                        && same_school_year(s, &next.meta.card, &next.draft.profile)
                });
                if let Some(begun) = begun {
                    let question = format!(
                        "Черновик {} уже есть. Начать ещё один черновик этого года? \
                         («Отмена» — открыть имеющийся.)",
                        quoted(&begun.meta.title(&begun.draft))
                    );
                    if !confirm(&question) {
                        self.open(&begun.meta.id);
                        return;
                    }
                }
                let (from, to) = cards;
                let left = next.draft.not_carried.len();
                self.adopt(next);
                if to.version > from.version {
                    self.notices.push_passing(format!(
                        "Карта следующего года начата по версии {} (этот год — по версии {}).{}",
                        to.version,
                        from.version,
                        match left {
                            0 => String::new(),
                            n => format!(
                                " Не перенесено ответов: {n} — они показаны над картой со своими значениями."
                            ),
                        }
                    ));
                }
            }
            Err(e) => self.notices.push(e, None),
        }
    }

    /// The open draft, or the stored draft `id`.
    fn stored(self, id: &str) -> Result<StoredDraft, String> {
        if self.meta.with_untracked(|m| m.id == id) {
            Ok(self.current())
        } else {
            read(id, self.notices)
        }
    }

    /// Opens the school's latest draft of `card`, or starts it: in this
    /// draft while nothing is answered, otherwise in a new one with the same
    /// school details, so nothing typed for another card is lost.
    pub fn open_card(self, card: &Card) {
        if self.meta.with_untracked(|m| m.card == card.id) {
            // A newer version of this card (a department's edition of a
            // built-in one) takes over a draft never touched (it holds no
            // codes of the old version anywhere); any other is offered the
            // move («Перейти на версию N»), which carries its answers over.
            if self.untouched() && self.meta.with_untracked(|m| m.card_version < card.version) {
                self.meta.update(|m| m.card_version = card.version);
            }
            return;
        }
        let latest = self
            .list
            .with_untracked(|l| l.iter().find(|e| e.card == card.id).map(|e| e.id.clone()));
        if let Some(id) = latest {
            self.open(&id);
            return;
        }
        if !self.draft.with_untracked(Draft::holds_card_data) {
            self.meta.update(|m| {
                m.card.clone_from(&card.id);
                m.card_version = card.version;
            });
            self.refresh_list();
            return;
        }
        let mut next = fresh(&card.id, card.version);
        next.draft.profile = self.draft.with_untracked(|d| d.profile.clone());
        next.draft.profile.flags.clear();
        // The year goes with the details, a next year's «2026/2027» too:
        // named, so that it is seen (a walk-through's second card took a
        // year not yet over, unsaid).
        let year = match next.draft.profile.period.trim() {
            "" => String::new(),
            period => format!(" (учебный год {period})"),
        };
        self.flush();
        let (whole, stored) = (!self.unsaved(), self.saved.with_value(Option::is_some));
        if !self.adopt(next) {
            return;
        }
        let previous = match (whole, stored) {
            (true, _) => "прежний черновик сохранён в разделе «Мои черновики».",
            (false, true) => {
                "прежний черновик остался в разделе «Мои черновики» без последних изменений: их не \
                 удалось сохранить."
            }
            (false, false) => "прежний черновик сохранить в браузере не удалось.",
        };
        self.notices.push_passing(format!(
            "Для другой методики начат новый черновик с теми же сведениями об ОО{year}; {previous}"
        ));
    }

    /// Moves the open draft to a newer version of its card: answers follow
    /// their indicators; what cannot is kept in the draft as «не перенесено».
    pub fn move_to(self, from: &Card, to: &Card) {
        let mut stored = self.current();
        let before = stored.draft.clone();
        stored.move_to(from, to);
        let left = stored.draft.not_carried.len();
        let points = MovedPoints::of(from, &before, to, &stored.draft).note(to.version);
        self.meta.set(stored.meta);
        self.draft.set(stored.draft);
        self.notices.push_passing(match left {
            0 => format!(
                "Черновик переведён на версию {} карты; все ответы перенесены.{points}",
                to.version
            ),
            n => format!(
                "Черновик переведён на версию {} карты. Не перенесено ответов: {n} — они показаны \
                 над картой со своими значениями.{points}",
                to.version
            ),
        });
    }

    /// Fills the open draft's empty last-year fields from the draft `id` of
    /// the year before; returns how many indicators were filled.
    pub fn fill_last_year(self, id: &str, card: &Card) -> Result<usize, String> {
        let previous = self.stored(id)?;
        let mut filled = 0;
        self.draft
            .update(|d| filled = d.fill_last_year(&previous.draft, card));
        Ok(filled)
    }

    /// Takes last year's plan afresh from the draft `id` of the year
    /// before, on `card`, the same version: measures added to it since
    /// «Следующий год» show beside this year's rows. Said when it changes
    /// what the rows showed.
    pub fn follow_last_plan(self, id: &str, card: &Card) {
        let Ok(source) = read(id, self.notices) else {
            return;
        };
        let plan = LastPlan::of(card, &source.draft);
        if self.draft.with_untracked(|d| d.last_plan == plan) {
            return;
        }
        let period = source.draft.profile.period.trim().to_owned();
        self.draft.update(|d| d.last_plan = plan);
        self.notices.push_passing(format!(
            "План мероприятий {period} показан по черновику «{}»: он изменился.",
            source.title()
        ));
    }

    pub fn delete(self, id: &str) {
        if let Err(e) = storage::remove(&key_of(id)) {
            self.notices.push(e.to_string(), None);
            return;
        }
        if self.meta.with_untracked(|m| m.id == id) {
            self.wait.cancel();
            self.saved.set_value(None);
            // Deleted on purpose: nothing of it to ask about on leaving.
            self.status.set(SaveStatus::Unchanged);
            let next = self
                .list
                .with_untracked(|l| l.iter().find(|e| e.id != id).cloned());
            // Another school's card appearing in the form would go unseen.
            match next {
                Some(next) => {
                    if self.open(&next.id) {
                        self.notices.push_passing(format!(
                            "Открытый черновик удалён; открыт черновик «{}».",
                            next.title
                        ));
                    }
                }
                None => {
                    self.notices.withdraw_passing();
                    self.show(fresh(DEFAULT_CARD, 1), SaveStatus::Unchanged);
                    self.notices
                        .push_passing("Открытый черновик удалён; начат новый.");
                }
            }
        }
        self.refresh_list();
    }

    /// The draft (id and title) that made or opened the export
    /// `submission_id` and still says what the export says: opening the same
    /// file again goes back to it instead of adding an identical draft.
    pub fn holding_export(self, submission_id: &str) -> Option<(String, String)> {
        self.every_draft()
            .into_iter()
            .find(|s| {
                s.meta.replaces.as_deref() == Some(submission_id)
                    && s.meta.export_state(&s.draft) == ExportState::Same
            })
            .map(|s| (s.meta.id.clone(), s.meta.title(&s.draft)))
    }

    /// A draft of the same card, school and year that holds an export
    /// other than `payload`, or `payload` itself with changes since (its
    /// title, and whether it is `payload`): opening this file too gives a
    /// second draft whose export corrects this file and not that draft's,
    /// so the department would count whichever came last (a year later,
    /// the first export picked by mistake lost a corrected plan).
    pub fn other_export_of(self, payload: &Payload) -> Option<(String, bool)> {
        self.every_draft().into_iter().find_map(|s| {
            let holds = s.meta.replaces_now(&s.draft)?;
            let same = holds == payload.submission_id;
            // The same export unchanged is opened as it is (holding_export).
            let asks = !same || s.meta.export_state(&s.draft) != ExportState::Same;
            (asks && same_school_year(&s, &payload.template.id, &payload.profile))
                .then(|| (s.meta.title(&s.draft), same))
        })
    }

    /// Another draft of card `card_id`, the school and the year of
    /// `profile`, that holds an export this draft does not correct (its
    /// title): this draft's export would replace that file in the
    /// department. Asked before the export: a next year's draft given last
    /// year's year by mistake replaced that year's checked card and its
    /// plan there, unasked (a walk-through of the yearly cycle).
    pub fn exported_elsewhere(self, card_id: &str, profile: &SchoolProfile) -> Option<String> {
        let (open, corrects) = self
            .meta
            .with_untracked(|m| (m.id.clone(), m.replaces.clone()));
        (storage::keys(DRAFT_PREFIX).unwrap_or_default().iter())
            .filter_map(|key| load(key).ok().flatten()?.ok())
            .filter(|s| s.meta.id != open)
            .find(|s| {
                let held = s.meta.replaces_now(&s.draft);
                held.is_some() && held != corrects && same_school_year(s, card_id, profile)
            })
            .map(|s| s.meta.title(&s.draft))
    }

    /// The open draft as it is now (not its stored copy, which may lag
    /// behind the last keystrokes), then every other readable one stored.
    fn every_draft(self) -> Vec<StoredDraft> {
        let open = self.current();
        let stored = storage::keys(DRAFT_PREFIX)
            .unwrap_or_default()
            .iter()
            .filter_map(|key| load(key).ok().flatten()?.ok())
            .filter(|s| s.meta.id != open.meta.id)
            .collect::<Vec<_>>();
        std::iter::once(open).chain(stored).collect()
    }

    /// Remembers the export just made: the next export of this draft corrects it.
    pub fn exported(self, submission_id: String, fingerprint: String) {
        self.draft.with_untracked(|d| {
            self.meta
                .update(|m| m.remember_export(submission_id, d, fingerprint));
        });
        self.saved.set_value(None);
        self.wait.cancel();
        self.save_now();
    }

    /// The open draft as a backup file: (file name, text).
    pub fn backup(self) -> (String, String) {
        let current = self.current();
        let name = file_name(&current.draft.profile, &current.meta.card).replacen(
            "profkarta",
            "profkarta_черновик",
            1,
        );
        (name, current.encode())
    }

    fn refresh_list(self) {
        // Read as opening reads it: a draft one field of which this version
        // does not read (kept aside when it was found) is listed, with its
        // date (a walk-through's open draft had none).
        let mut entries: Vec<DraftEntry> = storage::keys(DRAFT_PREFIX)
            .unwrap_or_default()
            .iter()
            .filter_map(|key| match storage::read(key).ok()? {
                Read::Json(value) => decode_noting(value).ok().map(|(stored, _)| stored),
                _ => None,
            })
            .map(|s| DraftEntry::of(&s, s.meta.updated_at.clone()))
            .collect();
        // The open draft as it is now: a card chosen before anything was
        // saved was listed under the default card, and «Следующий год»
        // asked it about yes/no answers the card has none of.
        let open = self.current();
        let updated = (entries.iter())
            .position(|e| e.id == open.meta.id)
            .map(|at| entries.remove(at).updated_at)
            .unwrap_or_default();
        entries.push(DraftEntry::of(&open, updated));
        entries.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
        self.list.set(entries);
    }
}

/// Whether `draft` is of card `card`, the school and the year of `profile`.
/// Years compare as the department files them («2025-2026» is
/// «2025/2026»); a draft without a readable year is of none.
fn same_school_year(draft: &StoredDraft, card: &str, profile: &SchoolProfile) -> bool {
    let year = |p: &SchoolProfile| canonical_period(&p.period);
    draft.meta.card == card
        && draft.draft.profile.name.trim() == profile.name.trim()
        && year(profile).is_some_and(|y| year(&draft.draft.profile) == Some(y))
}

/// [`Drafts::year_before`]: the draft «Следующий год» started this one
/// from, while it is of the year before, whatever either is named now;
/// else one of the same school. A keystroke only compares the school's
/// name and year; the list is searched when they, the open draft or the
/// list change.
fn year_before(
    draft: RwSignal<Draft>,
    meta: RwSignal<DraftMeta>,
    list: RwSignal<Vec<DraftEntry>>,
) -> Memo<Option<DraftEntry>> {
    let school_year = Memo::new(move |_| {
        draft.with(|d| (d.profile.name.trim().to_owned(), d.profile.period.clone()))
    });
    Memo::new(move |_| {
        let (id, card, follows) = meta.with(|m| (m.id.clone(), m.card.clone(), m.follows.clone()));
        school_year.with(|(school, period)| {
            let before = previous_period(period)?;
            list.with(|l| {
                let of_year = |e: &&DraftEntry| e.id != id && e.card == card && e.period == before;
                (l.iter().filter(of_year))
                    .find(|e| follows.as_ref() == Some(&e.id))
                    .or_else(|| l.iter().filter(of_year).find(|e| e.school == *school))
                    .cloned()
            })
        })
    })
}

/// A new empty draft of `card` for the last finished school year.
fn fresh(card: &str, version: u32) -> StoredDraft {
    let (year, month) = year_month();
    let mut draft = Draft::default();
    draft.profile.period = default_period(year, month);
    StoredDraft::of_card(random_id(), draft, &now_iso(), (card, version))
}

/// The draft the school had open at its last visit.
fn open_draft_id() -> Option<String> {
    match storage::read(OPEN_DRAFT) {
        Ok(Read::Json(serde_json::Value::String(id))) => Some(id),
        _ => None,
    }
}

/// The card of the draft kept aside as unreadable, the one the school had
/// open first: with no other draft left, the new one stays on its card at
/// this visit and the next, where it went back to the first card (a
/// walk-through on the Izhevsk card).
fn damaged_card() -> Option<(String, u32)> {
    let open = open_draft_id();
    let drafts: Vec<(String, String)> = (kept_aside().into_iter())
        .filter(|(key, _)| is_draft(key))
        .collect();
    let first = (drafts.iter())
        .find(|(key, _)| open.as_ref().is_some_and(|id| key.ends_with(id.as_str())))
        .or(drafts.first());
    card_in_damaged(&first?.1)
}

fn key_of(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The draft stored under `key`, if there is one, read or not.
type Loaded = Option<Result<StoredDraft, DraftLoadError>>;

fn load(key: &str) -> Result<Loaded, StorageError> {
    Ok(match storage::read(key)? {
        Read::Missing => None,
        Read::Json(value) => Some(decode_value(value)),
        Read::NotJson => Some(Err(DraftLoadError::NotJson)),
    })
}

/// [`load`] for a draft to be listed or shown: what its text holds that
/// this version does not read is kept aside, before a save writes over it,
/// and said.
fn load_whole(key: &str, notices: Notices) -> Result<Loaded, StorageError> {
    let Read::Json(value) = storage::read(key)? else {
        return load(key);
    };
    // Written twice by a hand: read with the last value, said once.
    let repeated = storage::raw_text(key).and_then(|text| repeated_key(&text));
    Ok(Some(decode_noting(value).map(|(stored, fields)| {
        let draft = stored.meta.title(&stored.draft);
        let mut problems = Vec::new();
        if let Some(path) = repeated {
            let draft = draft.clone();
            problems.push(RepeatedField { draft, path }.to_string());
        }
        if !fields.is_empty() {
            problems.push(UnreadFields { draft, fields }.to_string());
        }
        if !problems.is_empty() {
            keep_copy(notices, key, &problems.join(" "));
        }
        stored
    })))
}

fn read(id: &str, notices: Notices) -> Result<StoredDraft, String> {
    match load_whole(&key_of(id), notices) {
        Ok(Some(loaded)) => loaded.map_err(|e| e.to_string()),
        Ok(None) => Err("Черновик не найден: возможно, его удалили в другой вкладке.".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

/// Every readable draft in storage. Unreadable text is kept aside (see
/// [`quarantine`]); a newer app's draft is left untouched and reported.
fn scan(notices: Notices) -> Result<Vec<StoredDraft>, StorageError> {
    let mut drafts = Vec::new();
    for key in storage::keys(DRAFT_PREFIX)? {
        match load_whole(&key, notices)? {
            None => {}
            Some(Ok(stored)) => drafts.push(stored),
            Some(Err(e @ DraftLoadError::Newer { .. })) => notices.push(e.to_string(), None),
            Some(Err(e)) => {
                // Named from what is left of it, where that can be read.
                let problem = match storage::raw_text(&key).and_then(|t| title_in_damaged(&t)) {
                    Some(title) => format!("Черновик «{title}» не открыт. {e}"),
                    None => e.to_string(),
                };
                quarantine(notices, &key, &problem);
            }
        }
    }
    Ok(drafts)
}
