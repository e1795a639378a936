//! The department's workspace in the browser: the archive, the import log,
//! what is open, and the views derived from them.
//!
//! The archive is the one piece of written state; ratings, figures and
//! verdicts are memos over it, so a review decision or an accepted key shows
//! everywhere at once. The archive's signal is private: panels read it and
//! say what the coordinator did through the intent methods, which carry it
//! out with the core's own operations. What only the screen holds (the
//! merge log, the letter's addressee, the review's filter, a bulk action
//! waiting) is handed to its panels as a signal to write. Keeping the
//! workspace across reloads is `persistence`'s job, which sits above this
//! module.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::{Card, DEFAULT_CARD};
use profkarta_core::department::archive::{
    Admission, Archive, Cards, Entry, KeysLoaded, LoadedCard,
};
use profkarta_core::department::bulk::Bulk;
use profkarta_core::department::dynamics::{school_value_changes, SchoolValueChange, Years};
use profkarta_core::department::effectiveness::{
    addressed_missing, measure_effect, plan_effects, Effects, Span,
};
use profkarta_core::department::figures::{figures, Figures};
use profkarta_core::department::letters::Recipients;
use profkarta_core::department::measures::Measure;
use profkarta_core::department::own_cards::OwnCards;
use profkarta_core::department::results::{rank, results, Filter, Ranked, SchoolResult};
use profkarta_core::department::review::Decision;
use profkarta_core::department::review_filter::RowFilter;
use profkarta_core::department::roster::{Roster, RosterSchool};
use profkarta_core::department::school::SchoolId;
use profkarta_core::department::view::import::{refusals, ImportRow};
use profkarta_core::department::view::progress::{Progress, Saving, Work};
use profkarta_core::department::view::rating::{printed_foot, Sort};
use profkarta_core::department::view::selection::{open_school, Walk};
use profkarta_core::error::{ArchiveError, CardFileError, PublishError};
use profkarta_core::signed::card_file::{read_site_index, SiteEntry, INDEX_NAME, SITE_FOLDER};
use profkarta_core::signed::keys::KeyPair;

use crate::department::bulk_actions::PendingBulk;
use crate::department::place::Place;
use crate::department::review_panel::REVIEW_SCHOOL;
use crate::platform::browser::{focus_when_drawn, now_iso};
use crate::platform::fetch::own_file;
use crate::shared::notices::Notices;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Import,
    Schools,
    Review,
    Reviewers,
    Results,
    Dynamics,
    Letters,
    Measures,
    Report,
    Cards,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Self::Import,
        Self::Schools,
        Self::Review,
        Self::Reviewers,
        Self::Results,
        Self::Dynamics,
        Self::Letters,
        Self::Measures,
        Self::Report,
        Self::Cards,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Import => "Загрузка файлов",
            Self::Schools => "Школы",
            Self::Review => "Проверка",
            Self::Reviewers => "Проверяющие",
            Self::Results => "Результаты",
            Self::Dynamics => "Динамика",
            Self::Letters => "Рекомендации",
            Self::Measures => "Меры",
            Self::Report => "Аналитическая справка",
            Self::Cards => "Карты",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Import => "import",
            Self::Schools => "schools",
            Self::Review => "review",
            Self::Reviewers => "reviewers",
            Self::Results => "results",
            Self::Dynamics => "dynamics",
            Self::Letters => "letters",
            Self::Measures => "measures",
            Self::Report => "report",
            Self::Cards => "cards",
        }
    }
}

/// The period before the chosen one: its name, results and figures, and the
/// version of the card its files were filled in.
pub type Previous = (String, Vec<SchoolResult>, Figures, Arc<Card>);

/// The headings the focus goes to as the editor opens and closes.
pub const EDITOR_TITLE: &str = "editor-title";
pub const CARDS_TITLE: &str = "cards-title";

/// See [`Dept::hold_unwritten`].
type Flush = Arc<dyn Fn() -> bool + Send + Sync>;

/// The way «Следующая школа» goes ([`Dept::walk`]).
#[derive(Clone)]
enum Way {
    /// Nothing chosen since the page opened: down the assignment on a
    /// reviewer's page (after a reload a walk-through's reviewer went on
    /// into another reviewer's schools), else the select's order.
    Unchosen,
    /// The select's order: a school was chosen there by name.
    Select,
    /// Down the list the review was opened from.
    List(Walk),
}

/// One reviewer's file in the lead's log: its name, what it brought or why
/// it was refused, the log's word for it, and whether anything was taken.
#[derive(Clone)]
pub struct MergeLine {
    pub file: String,
    pub text: String,
    pub verdict: &'static str,
    pub merged: bool,
}

#[derive(Clone, Copy)]
pub struct Dept {
    archive: RwSignal<Archive>,
    log: RwSignal<Vec<ImportRow>>,
    /// What the reviewers' files merged brought, newest first: (file name,
    /// summary or reason, merged). Kept here, not in its tab, so that a
    /// look at the rating does not lose the reasons a file was refused.
    merge_log: RwSignal<Vec<MergeLine>>,
    /// «Кому» on «Рекомендации»: `None` is the open school's letter. Kept
    /// here so that a look at the rating does not send a letter to a
    /// level back to the school's.
    letter_to: RwSignal<Option<Recipients>>,
    progress: RwSignal<Option<Progress>>,
    /// The card chosen by the user; `None` follows the first with files.
    chosen_card: RwSignal<Option<String>>,
    /// The period chosen by the user; `None` follows the latest one.
    chosen_period: RwSignal<Option<String>>,
    /// The submission chosen in review and letters.
    selected: RwSignal<Option<String>>,
    /// The way «Следующая школа» goes.
    walk: RwSignal<Way>,
    /// «Показывать» in the review: the coordinator's way through all the
    /// schools (say, only the points claimed without evidence). Kept here,
    /// above the panels the page draws anew for another card version.
    review_filter: RwSignal<RowFilter>,
    pending_bulk: PendingBulk,
    /// The rating's sort and filter, kept as other tabs are visited; another
    /// card or version starts them afresh (its codes may be others'), so
    /// they remember which they were chosen on.
    rating_sort: RwSignal<Sort>,
    rating_filter: RwSignal<Filter>,
    rating_on: StoredValue<Option<(String, u32)>>,
    tab: RwSignal<Tab>,
    /// The department's draft card open in the editor.
    editing: RwSignal<Option<usize>>,
    /// Writes into the workspace what is still waiting for a pause (the
    /// open editor's or letter's last keystrokes); `true` if it wrote
    /// anything.
    unwritten: StoredValue<Option<Flush>>,
    saving: RwSignal<Saving>,
    /// The coordinator's letters changed. They are written into the archive
    /// without waking it: the results, the rating and the figures read the
    /// archive but never the letters, and recomputing them after each pause
    /// in typing cost 159 ms at 1 000 schools on a slow laptop.
    letters: Trigger,
    /// The cards with counted files, in the known cards' order.
    pub cards_present: Memo<Vec<Arc<Card>>>,
    /// The card every view shows: years are compared within one card.
    pub card: Memo<Arc<Card>>,
    pub periods: Memo<Vec<String>>,
    pub period: Memo<Option<String>>,
    pub results: Memo<Vec<SchoolResult>>,
    pub rating: Memo<Vec<Ranked>>,
    pub figures: Memo<Figures>,
    /// What dynamics and the report compare with, when there is a period before.
    pub previous: Memo<Option<Previous>>,
    /// The effectiveness of last period's measures, when there is one.
    pub effects: Memo<Option<Effects>>,
    /// The school open in review, letters and the profile chart.
    pub open: Memo<Option<SchoolResult>>,
    pub notices: Notices,
    /// The cards the department's website lists (`../cards/index.json`),
    /// read as «Карты» opens (the editor, which publishes, is reached only
    /// from there): versions published on another computer of the
    /// department take their numbers ([`Archive::publish`]).
    pub site_cards: RwSignal<Vec<SiteEntry>>,
}

impl Dept {
    pub fn new(cards: Cards, notices: Notices) -> Self {
        let archive = RwSignal::new(Archive::new(cards));
        // Until the workspace is read, a kept card, year or school that is
        // not there yet is passed over by the memos below, not dropped.
        let place = Place::kept();
        let chosen_card = RwSignal::new(place.card);
        let chosen_period = RwSignal::new(place.period);
        let selected = RwSignal::new(place.school);
        let tab = place
            .tab
            .and_then(|key| Tab::ALL.into_iter().find(|t| t.key() == key))
            .unwrap_or(Tab::Import);
        let cards_present = Memo::new(move |_| {
            archive.with(|a| {
                a.cards_present()
                    .into_iter()
                    .filter_map(|id| a.cards().latest(id).cloned())
                    .collect::<Vec<_>>()
            })
        });
        // The card chosen, as its latest version: which years it has.
        let latest = Memo::new(move |_| {
            let chosen = chosen_card.get();
            let present = cards_present.get();
            present
                .iter()
                .find(|c| Some(&c.id) == chosen.as_ref())
                .or(present.first())
                .cloned()
                .or_else(|| archive.with(|a| a.cards().latest(DEFAULT_CARD).cloned()))
                .expect("the default card is always known")
        });
        let periods = Memo::new(move |_| {
            let id = latest.with(|c| c.id.clone());
            archive.with(|a| a.periods(&id))
        });
        let period = Memo::new(move |_| {
            let all = periods.get();
            chosen_period
                .get()
                .filter(|p| all.contains(p))
                .or_else(|| all.last().cloned())
        });
        // The version the chosen year's files were filled in.
        let card = Memo::new(move |_| {
            let latest = latest.get();
            period
                .get()
                .and_then(|p| archive.with(|a| a.period_card(&latest.id, &p)))
                .unwrap_or(latest)
        });
        let now = Memo::new(move |_| {
            let period = period.get().unwrap_or_default();
            card.with(|c| archive.with(|a| results(a, &c.id, &period)))
        });
        let rating = Memo::new(move |_| rank(now.get()));
        let figures_now =
            Memo::new(move |_| card.with(|c| archive.with(|a| now.with(|r| figures(a, c, r)))));
        let previous = Memo::new(move |_| {
            let all = periods.get();
            let i = all.iter().position(|p| Some(p) == period.get().as_ref())?;
            let before = all.get(i.checked_sub(1)?)?.clone();
            card.with(|c| {
                archive.with(|a| {
                    let old = a.period_card(&c.id, &before)?;
                    let was = results(a, &c.id, &before);
                    let f = figures(a, &old, &was);
                    Some((before, was, f, old))
                })
            })
        });
        let effects = Memo::new(move |_| {
            previous.with(|p| {
                let (before_period, before, _, old_card) = p.as_ref()?;
                card.with(|new_card| {
                    archive.with(|a| {
                        now.with(|after| {
                            let span = Span {
                                archive: a,
                                old_card,
                                before,
                                new_card,
                                after,
                            };
                            let year: Vec<&Measure> = (a.measures.iter())
                                .filter(|m| m.follows(&new_card.id, before_period))
                                .collect();
                            let measures = (year.iter())
                                .map(|m| ((*m).clone(), measure_effect(&span, m, &year)))
                                .collect();
                            Some(Effects {
                                after_period: before_period.clone(),
                                measures,
                                plans: plan_effects(&span),
                                missing: addressed_missing(&span, &year),
                            })
                        })
                    })
                })
            })
        });
        let open = Memo::new(move |_| {
            let chosen = selected.get();
            archive.with(|a| now.with(|r| open_school(a, r, chosen.as_deref()).cloned()))
        });
        Self {
            archive,
            log: RwSignal::new(Vec::new()),
            merge_log: RwSignal::new(Vec::new()),
            letter_to: RwSignal::new(None),
            progress: RwSignal::new(None),
            chosen_card,
            chosen_period,
            selected,
            walk: RwSignal::new(Way::Unchosen),
            review_filter: RwSignal::new(RowFilter::All),
            pending_bulk: RwSignal::new(None),
            rating_sort: RwSignal::new(Sort::default()),
            rating_filter: RwSignal::new(Filter::default()),
            rating_on: StoredValue::new(None),
            tab: RwSignal::new(tab),
            editing: RwSignal::new(None),
            unwritten: StoredValue::new(None),
            saving: RwSignal::new(Saving::Idle),
            letters: Trigger::new(),
            cards_present,
            card,
            periods,
            period,
            results: now,
            rating,
            figures: figures_now,
            previous,
            effects,
            open,
            notices,
            site_cards: RwSignal::new(Vec::new()),
        }
    }

    /// `f` over the year before and this one as the dynamics compare them,
    /// with the year before's name and results (tracked); `None` when there
    /// is no year before.
    pub fn with_years<T>(self, f: impl FnOnce(&Years, &str, &[SchoolResult]) -> T) -> Option<T> {
        self.previous.with(|p| {
            let (period, before, was, old) = p.as_ref()?;
            self.card.with(|card| {
                self.figures.with(|now| {
                    let years = Years {
                        old_card: old,
                        before: was,
                        new_card: card,
                        after: now,
                    };
                    Some(f(&years, period, before))
                })
            })
        })
    }

    /// On a card without points, each school's values that moved since the
    /// year before (tracked; `None` without one): the «Динамика» tab, its
    /// workbook and the report read the same list.
    pub fn school_value_changes(self) -> Option<Vec<SchoolValueChange>> {
        self.with_years(|years, _, before| {
            self.archive.with(|a| {
                self.results
                    .with(|after| school_value_changes(a, years, before, after))
            })
        })
    }

    /// The municipal figures of one period of the card shown (tracked).
    /// The chosen period and the one before are the memos' own; only older
    /// periods are worked out here, since at 1 000 schools each costs
    /// 30 ms in the browser.
    pub fn figures_of(self, period: &str) -> Figures {
        if self.period.with(|p| p.as_deref() == Some(period)) {
            return self.figures.get();
        }
        let before = self.previous.with(|p| {
            p.as_ref()
                .filter(|(before, ..)| before == period)
                .map(|(_, _, f, _)| f.clone())
        });
        before.unwrap_or_else(|| {
            self.card.with(|c| {
                self.archive.with(|a| {
                    let own = a.period_card(&c.id, period);
                    figures(a, own.as_ref().unwrap_or(c), &results(a, &c.id, period))
                })
            })
        })
    }

    pub fn archive(self) -> ReadSignal<Archive> {
        self.archive.read_only()
    }

    pub fn log(self) -> ReadSignal<Vec<ImportRow>> {
        self.log.read_only()
    }

    /// The log of reviewers' files merged since the page was opened.
    pub fn merge_log(self) -> RwSignal<Vec<MergeLine>> {
        self.merge_log
    }

    /// Whom the letter on «Рекомендации» is to.
    pub fn letter_to(self) -> RwSignal<Option<Recipients>> {
        self.letter_to
    }

    pub fn progress(self) -> ReadSignal<Option<Progress>> {
        self.progress.read_only()
    }

    /// The list the review was opened from, while the open school is on
    /// it (tracked), and the open school.
    pub fn walk(self) -> Option<(Walk, SchoolId)> {
        let open = self.open.with(|o| o.as_ref().map(|r| r.school.clone()))?;
        let walk = self.walk.with(|w| match w {
            Way::List(walk) => Some(walk.clone()),
            Way::Select => None,
            Way::Unchosen => (self.archive).with(|a| a.assignment().map(Walk::of_assignment)),
        });
        Some((walk.filter(|w| w.through(&open))?, open))
    }

    pub fn review_filter(self) -> RwSignal<RowFilter> {
        self.review_filter
    }

    pub fn pending_bulk(self) -> PendingBulk {
        self.pending_bulk
    }

    /// The rating's sort and filter for the card shown, afresh if they
    /// were chosen on another card or version.
    pub fn rating_view(self) -> (RwSignal<Sort>, RwSignal<Filter>) {
        let shown = self.card.with_untracked(|c| (c.id.clone(), c.version));
        if self.rating_on.get_value().is_some_and(|on| on != shown) {
            self.rating_sort.set(Sort::default());
            self.rating_filter.set(Filter::default());
        }
        self.rating_on.set_value(Some(shown));
        (self.rating_sort, self.rating_filter)
    }

    pub fn tab(self) -> ReadSignal<Tab> {
        self.tab.read_only()
    }

    pub fn saving(self) -> ReadSignal<Saving> {
        self.saving.read_only()
    }

    /// The cards the department knows (fixed once the page has started).
    pub fn cards(self) -> Cards {
        self.archive.with_untracked(|a| a.cards().clone())
    }

    /// Keeps the coordinator's place as it changes (see [`Place`]).
    pub fn keep_place(self) {
        Effect::new(move |_| {
            Place {
                card: self.chosen_card.get(),
                period: self.chosen_period.get(),
                school: self.selected.get(),
                tab: Some(self.tab.get().key().to_owned()),
            }
            .keep();
        });
    }

    // Navigation.

    pub fn show(self, tab: Tab) {
        self.tab.set(tab);
    }

    pub fn open_school(self, submission_id: String) {
        self.selected.set(Some(submission_id));
    }

    /// A school chosen by name in the select: the review goes on in the
    /// select's order.
    pub fn pick_school(self, submission_id: String) {
        self.walk.set(Way::Select);
        self.open_school(submission_id);
    }

    /// From a list (the rating, an assignment): the school's review, with
    /// the focus on its name (the tab would otherwise open scrolled as far
    /// as the list was), going on down that list.
    pub fn review_school(self, submission_id: String, walk: Walk) {
        self.walk.set(Way::List(walk));
        self.open_school(submission_id);
        self.show(Tab::Review);
        focus_when_drawn(REVIEW_SCHOOL.to_owned());
    }

    /// Files of more than one card are open: which one is shown is chosen.
    pub fn card_choice(self) -> bool {
        self.cards_present.with(|c| c.len() > 1)
    }

    /// Files of more than one year are open: which one is shown is chosen.
    pub fn period_choice(self) -> bool {
        self.periods.with(|p| p.len() > 1)
    }

    pub fn choose_period(self, period: String) {
        self.chosen_period.set(Some(period));
    }

    /// Another card: its own latest year, nothing of the other card open.
    pub fn choose_card(self, id: String) {
        self.chosen_card.set(Some(id));
        self.chosen_period.set(None);
        self.selected.set(None);
    }

    // The coordinator's decisions.

    pub fn decide_key(self, school: &SchoolId, key: &str, trust: bool) {
        self.archive.update(|a| a.decide_key(school, key, trust));
    }

    pub fn decide(self, submission_id: &str, code: &str, decision: Option<Decision>) {
        self.archive
            .update(|a| a.set_decision(submission_id, code, decision));
    }

    pub fn mark_seen(self, submission_id: &str, code: &str, link: &str) {
        // A link seen before changes nothing: every memo of the archive
        // (last year's figures among them) would run again for nothing.
        let seen = self.archive.with_untracked(|a| {
            a.row_review(submission_id, code)
                .is_some_and(|r| r.seen.iter().any(|l| l == link))
        });
        if !seen {
            self.archive
                .update(|a| a.mark_seen(submission_id, code, link));
        }
    }

    /// The codes whose decisions it changed.
    pub fn apply_bulk(self, submission_id: &str, bulk: Bulk) -> Vec<String> {
        let mut changed = Vec::new();
        self.archive
            .update(|a| changed = a.apply_bulk(submission_id, bulk));
        changed
    }

    pub fn comment(self, submission_id: &str, code: &str, comment: String) {
        self.archive
            .update(|a| a.set_review_comment(submission_id, code, comment));
    }

    /// The coordinator counts the file `id` of its school and year in
    /// place of the latest ([`Archive::choose`]).
    pub fn choose_file(self, id: &str) {
        self.archive.update(|a| a.choose(id));
    }

    pub fn unchoose_file(self, id: &str) {
        self.archive.update(|a| a.unchoose(id));
    }

    pub fn set_checked(self, submission_id: &str, checked: bool) {
        self.archive
            .update(|a| a.set_checked(submission_id, checked));
    }

    /// The coordinator's own text of a school's letter; `None` goes back to
    /// the drafted one.
    pub fn edit_letter(self, submission_id: &str, text: Option<String>, drafted: &str) {
        self.change_letters(|a| a.edit_letter(submission_id, text, drafted));
    }

    pub fn letter_checked(self, submission_id: &str, drafted: &str) {
        self.change_letters(|a| a.letter_checked(submission_id, drafted));
    }

    fn change_letters(self, change: impl FnOnce(&mut Archive)) {
        self.archive.update_untracked(change);
        self.letters.notify();
    }

    /// `f` over the archive, woken by its changes and by the letters'.
    pub fn with_letters<T>(self, f: impl FnOnce(&Archive) -> T) -> T {
        self.letters.track();
        self.archive.with(f)
    }

    /// Tracks every change of the workspace, the letters' too: what a save
    /// must follow.
    pub fn track_written(self) {
        self.with_letters(|_| ());
    }

    /// Changes the roster or a campaign's deadlines.
    /// Edits the list of schools; a school's renamed correction is placed
    /// with a school the list now has ([`Archive::place_renamed`]).
    pub fn edit_roster(self, change: impl FnOnce(&mut Roster)) {
        self.archive.update(|a| {
            change(&mut a.roster);
            a.place_renamed();
        });
    }

    /// Replaces the list of schools ([`Archive::replace_roster`]).
    pub fn replace_roster(self, schools: Vec<RosterSchool>) {
        self.archive.update(|a| a.replace_roster(schools));
    }

    /// Records a measure or management decision.
    pub fn add_measure(self, measure: Measure) {
        self.archive.update(|a| a.measures.push(measure));
    }

    /// The recorded measure `was`, changed in the form ([`Measure::find`]);
    /// recorded anew when it was removed meanwhile (another tab, a restored
    /// backup), so that the change is not lost.
    pub fn replace_measure(self, was: &Measure, measure: Measure) {
        self.archive
            .update(|a| match Measure::find(&a.measures, was) {
                Some(i) => a.measures[i] = measure,
                None => a.measures.push(measure),
            });
    }

    pub fn remove_measure(self, index: usize) {
        self.archive.update(|a| {
            if index < a.measures.len() {
                a.measures.remove(index);
            }
        });
    }

    // The department's own cards.

    /// The department's name as it signs its cards and heads its report
    /// (tracked).
    pub fn department_name(self) -> String {
        self.archive.with(|a| a.own_cards().department.clone())
    }

    /// What every printed sheet's foot says: the department, the card and
    /// the year (untracked: read as the print starts).
    pub fn printed_foot(self) -> String {
        untrack(|| {
            let period = self.period.get().unwrap_or_default();
            self.card
                .with(|c| printed_foot(&self.department_name(), &c.title, c.version, &period))
        })
    }

    /// The foot of sheets about one addressee (a letter's, the school under
    /// review): whom, the department and the year. The card is left out:
    /// with it the foot ran to three lines, the year alone on the last.
    pub fn printed_foot_of(self, whom: &str) -> String {
        let rest = untrack(|| {
            let period = self.period.get().unwrap_or_default();
            printed_foot(&self.department_name(), "", 0, &period)
        });
        match rest.is_empty() {
            true => whom.to_owned(),
            false => format!("{whom} · {rest}"),
        }
    }

    /// Creates, edits or removes a draft card; returns what `change` does.
    pub fn edit_own<T>(self, change: impl FnOnce(&mut OwnCards) -> T) -> T {
        self.change(|a| a.edit_own(change))
    }

    /// Starts the next version of `base` as a draft ([`Archive::next_version`]).
    pub fn next_version(self, base: &Card, new_id: impl FnMut() -> String) -> usize {
        let on_site = self.site_cards.get_untracked();
        self.change(|a| a.next_version(base, &on_site, new_id))
    }

    /// Reads the website's list of cards into [`Dept::site_cards`]. Most
    /// sites publish none, and a page opened from a folder has no site.
    pub fn read_site_cards(self) {
        leptos::task::spawn_local(async move {
            let Some(text) = own_file(&format!("../{SITE_FOLDER}/{INDEX_NAME}")).await else {
                return;
            };
            if let Ok(index) = read_site_index(&text) {
                self.site_cards.try_set(index.cards);
            }
        });
    }

    pub fn editing(self) -> ReadSignal<Option<usize>> {
        self.editing.read_only()
    }

    /// Opens the department's draft card `index` in the editor.
    /// The focus goes to the editor's heading: the button pressed is gone.
    pub fn edit_card(self, index: usize) {
        self.editing.set(Some(index));
        self.show(Tab::Cards);
        focus_when_drawn(EDITOR_TITLE.to_owned());
    }

    /// The focus goes to the list of cards' heading.
    pub fn close_editor(self) {
        self.editing.set(None);
        focus_when_drawn(CARDS_TITLE.to_owned());
    }

    /// Names what writes the open panel's waiting changes (the card
    /// editor's, a letter's last keystrokes), while the panel is open: the
    /// page's save on closing runs it first, so that they are saved too,
    /// and the panel's closing runs it and forgets it (only it: a panel
    /// closing after another opened leaves the other's alone).
    pub fn hold_unwritten(self, flush: impl Fn() -> bool + Send + Sync + 'static) {
        let flush: Flush = Arc::new(flush);
        self.unwritten.set_value(Some(Arc::clone(&flush)));
        on_cleanup(move || {
            flush();
            let own = self
                .unwritten
                .try_with_value(|f| f.as_ref().is_some_and(|f| Arc::ptr_eq(f, &flush)));
            if own == Some(true) {
                self.unwritten.set_value(None);
            }
        });
    }

    /// Writes what is waiting into the workspace now; `true` if anything was.
    pub fn write_unwritten(self) -> bool {
        self.unwritten.get_value().is_some_and(|flush| flush())
    }

    pub fn publish(self, index: usize, key: &KeyPair) -> Result<(), PublishError> {
        let on_site = self.site_cards.get_untracked();
        self.change(|a| a.publish(index, key, &now_iso(), &on_site))
    }

    pub fn load_card_file(
        self,
        text: &str,
        own: Option<&str>,
        another_key: bool,
    ) -> Result<LoadedCard, CardFileError> {
        let on_site = self.site_cards.get_untracked();
        self.change(|a| a.load_card_file(text, own, &on_site, another_key))
    }

    /// Changes the shared review: reviewers, their schools, merged review
    /// files and conflicts, or this workspace's own assignment.
    pub fn share_review<T>(self, change: impl FnOnce(&mut Archive) -> T) -> T {
        self.change(change)
    }

    /// Trusts every key of a key list file ([`Archive::load_keys`]).
    pub fn load_keys(self, text: &str) -> Result<KeysLoaded, ArchiveError> {
        self.change(|a| a.load_keys(text))
    }

    /// Changes the archive and hands back what `change` returned.
    fn change<T>(self, change: impl FnOnce(&mut Archive) -> T) -> T {
        let mut out = None;
        self.archive.update(|a| out = Some(change(a)));
        out.expect("update runs its closure")
    }

    // Import and persistence.

    /// Files a slice of an import, in the order given, without waking the
    /// views: a large import is filed over several frames, and the views
    /// recompute once, at [`Dept::show_filed`].
    pub fn admit_unseen(self, slice: Vec<Entry>) -> Vec<(String, Admission)> {
        self.archive
            .try_update_untracked(|a| a.admit_in_order(slice))
            .unwrap_or_default()
    }

    /// Works out the standings of what [`Dept::admit_unseen`] filed, so that
    /// the views' recomputation finds them ready.
    pub fn settle(self) {
        self.archive.with_untracked(Archive::settle);
    }

    /// Shows an import filed with [`Dept::admit_unseen`]: the views
    /// recompute once, and every file, refused or filed, goes to the top of
    /// the import log in name order. The refused ones are also kept with the
    /// workspace, for after the page is closed.
    pub fn show_filed(self, admitted: Vec<(String, Admission)>, refused: Vec<ImportRow>) {
        let admitted = admitted
            .into_iter()
            .map(|(file, admission)| ImportRow::admitted(file, admission));
        let mut rows: Vec<ImportRow> = refused.into_iter().chain(admitted).collect();
        self.archive.update_untracked(|a| {
            let refused = refusals(a, &rows, &now_iso());
            a.note_refused(refused);
        });
        self.archive.notify();
        rows.sort_by(|a, b| a.file.cmp(&b.file));
        self.log.update(|log| {
            log.splice(0..0, rows);
        });
    }

    /// The coordinator has dealt with the files refused earlier.
    pub fn clear_refused(self) {
        self.change(Archive::clear_refused);
    }

    /// Replaces the archive: the stored one at start, or a backup. The
    /// school open stays chosen: at start it is the kept place, and a
    /// backup without it opens the first school anyway.
    pub fn replace(self, archive: Archive) {
        self.archive.set(archive);
        self.log.set(Vec::new());
        // A preview was of the decisions just replaced.
        self.pending_bulk.set(None);
    }

    pub fn set_saving(self, saving: Saving) {
        self.saving.set(saving);
    }

    /// Files are being checked (an import, the stored workspace, a backup).
    /// The long work under way, if any: files picked meanwhile wait.
    pub fn working(self) -> Option<Work> {
        self.progress.with_untracked(|p| p.map(|p| p.work))
    }

    /// How many files an import or a restore is checking: closing the
    /// page now leaves them out. The stored workspace read again loses
    /// nothing.
    pub fn checking(self) -> usize {
        self.progress
            .with_untracked(|p| p.filter(|p| p.work != Work::Open).map_or(0, |p| p.total))
    }

    pub fn begin(self, work: Work, total: usize) {
        self.progress.set(Some(Progress {
            work,
            done: 0,
            total,
            cancel: false,
        }));
    }

    pub fn advance(self, done: usize) {
        self.progress.update(|p| {
            if let Some(p) = p {
                p.done = done;
            }
        });
    }

    /// The user asked to stop; the work sees it after its current batch.
    pub fn cancel(self) {
        self.progress.update(|p| {
            if let Some(p) = p {
                p.cancel = true;
            }
        });
    }

    pub fn cancelled(self) -> bool {
        self.progress
            .with_untracked(|p| p.is_some_and(|p| p.cancel))
    }

    pub fn end(self) {
        self.progress.set(None);
    }
}
