//! The department's card editor: a working copy of one draft card, changed
//! field by field with undo and redo, checked live by the core's validator,
//! saved into the workspace after a pause, and shown as the school sees it.
//!
//! Fields address the card by position (`Place`); the structure (groups,
//! criteria, indicators and their kinds) is drawn anew only when it changes,
//! so typing in a field wakes that field alone.

mod applies_fields;
mod card_editor;
mod card_fields;
mod card_preview;
mod changes_view;
mod criterion_editor;
mod edit_number;
mod edit_text;
mod explain_fields;
mod indicator_editor;
mod rule_fields;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use profkarta_core::card::edit::{
    follow_rule_texts, remove, stale_recommendations, stale_rule_texts, Place, WrittenFor,
};
use profkarta_core::card::validate::{
    codes_of_other_criteria, empty_criteria, publish_problems, rule_text_doubts,
    without_recommendation,
};
use profkarta_core::card::{Card, Indicator};
use profkarta_core::department::own_cards::OwnCard;
use profkarta_core::department::view::history::History;
use profkarta_core::error::TemplateError;

use crate::department::state::Dept;
use crate::platform::browser::{has_focus, random_id};
use crate::shared::debounce::Debounce;

pub use card_editor::CardEditor;
pub use card_preview::CardPreview;
pub use changes_view::ChangesView;

/// Reads a field of the card; `None` when its place is gone (the structure
/// changed and the field is about to be redrawn).
pub type Getter = Arc<dyn Fn(&Card) -> Option<String> + Send + Sync>;
/// Writes a field of the card.
pub type Setter = Arc<dyn Fn(&mut Card, String) + Send + Sync>;
/// Why a field's text does not read into the card, if it does not.
pub type Reads = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

#[derive(Clone, Copy)]
pub struct Editor {
    /// Which of the department's cards is open.
    pub index: usize,
    pub card: RwSignal<Card>,
    /// Each step with what the card's texts were written for then: undone,
    /// a text is back as it was written, not as written now (a review:
    /// undoing an edit of the advice settled the old advice).
    history: StoredValue<History<(Card, WrittenFor)>>,
    /// Redrawn with the history: the undo and redo buttons.
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The card's problems, live.
    pub problems: Memo<Vec<TemplateError>>,
    /// Indicators whose rule text is still the version before's though
    /// their target or points changed ([`stale_rule_texts`]), and that
    /// version's number: named above the card and asked about on publishing.
    pub stale_rule_texts: Memo<Option<(u32, Vec<String>)>>,
    /// What each rule's text and recommendation was written for
    /// ([`WrittenFor`]), kept with the draft.
    written_for: RwSignal<WrittenFor>,
    /// Rule texts of the department's own words whose target or points
    /// changed since they were written ([`WrittenFor::rule_texts_to_check`]),
    /// less those named against the version before: worked out, so a
    /// number put back takes its line away.
    pub changed_rule_texts: Memo<Vec<String>>,
    /// The same for recommendations that still name the old target
    /// ([`stale_recommendations`]): letters and school plans quote them.
    pub stale_recommendations: Memo<Option<(u32, Vec<String>)>>,
    /// Recommendations that name a target their rule no longer has
    /// ([`WrittenFor::recommendations_to_check`]), less those named against
    /// the version before: a card started from another has none.
    pub changed_recommendations: Memo<Vec<String>>,
    /// Indicators whose rule's text seems to contradict their points
    /// ([`rule_text_doubts`]): named above the card and asked about on
    /// publishing.
    pub rule_text_doubts: Memo<Vec<String>>,
    /// Indicators with points and no recommendation for the letters
    /// ([`without_recommendation`]): named above the card.
    pub without_recommendation: Memo<Vec<String>>,
    /// Criteria left without indicators ([`empty_criteria`]): named above
    /// the card and asked about on publishing.
    pub empty_criteria: Memo<Vec<String>>,
    /// Indicators whose code begins with another criterion's, with the one
    /// they stand in ([`codes_of_other_criteria`]): named above the card.
    pub codes_elsewhere: Memo<Vec<(String, String)>>,
    /// Fields whose typed text could not be read («150» for a percentage):
    /// the card still holds the field's last good value, so these block
    /// publishing as the card's own problems do.
    pub unread: RwSignal<BTreeSet<String>>,
    /// What the last change meant beyond itself (an indicator that became
    /// another one), shown above the card.
    pub notice: RwSignal<String>,
    /// What the last removal took, said in the toolbar that stays in
    /// sight: the removal is made far down the card, and the way back is
    /// the toolbar's «Отменить». Gone with the next change or step.
    pub removed: RwSignal<String>,
    /// Undo and redo: each takes back what fields hold unread.
    steps: Trigger,
    /// The version before this draft, if any: what publishing changes.
    pub previous: StoredValue<Option<Arc<Card>>>,
    save: Debounce,
    dept: Dept,
}

impl Editor {
    pub fn new(dept: Dept, index: usize, own: OwnCard) -> Self {
        let OwnCard {
            card,
            mut written_for,
            ..
        } = own;
        let previous = dept.archive().with_untracked(|a| {
            a.cards()
                .iter()
                .filter(|c| c.id == card.id && c.version < card.version)
                .max_by_key(|c| c.version)
                .cloned()
        });
        written_for.note(None, &card);
        let written_for = RwSignal::new(written_for);
        let card = RwSignal::new(card);
        let previous = StoredValue::new(previous);
        // What differs from the version before, with that version's number.
        let against_previous = |find: fn(&Card, &Card) -> Vec<String>| {
            Memo::new(move |_| {
                let previous = previous.get_value()?;
                let codes = card.with(|c| find(&previous, c));
                (!codes.is_empty()).then_some((previous.version, codes))
            })
        };
        // What differs from what it was written for, less what the version
        // before names.
        let against_written =
            |stale: Memo<Option<(u32, Vec<String>)>>,
             find: fn(&WrittenFor, &Card) -> Vec<String>| {
                Memo::new(move |_| {
                    let mut codes = written_for.with(|w| card.with(|c| find(w, c)));
                    stale.with(|named| {
                        if let Some((_, named)) = named {
                            codes.retain(|c| !named.contains(c));
                        }
                    });
                    codes
                })
            };
        let stale = against_previous(stale_rule_texts);
        let stale_advice = against_previous(stale_recommendations);
        let editor = Self {
            index,
            card,
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            problems: Memo::new(move |_| card.with(publish_problems)),
            stale_rule_texts: stale,
            written_for,
            changed_rule_texts: against_written(stale, WrittenFor::rule_texts_to_check),
            stale_recommendations: stale_advice,
            changed_recommendations: against_written(
                stale_advice,
                WrittenFor::recommendations_to_check,
            ),
            rule_text_doubts: Memo::new(move |_| card.with(rule_text_doubts)),
            without_recommendation: Memo::new(move |_| card.with(without_recommendation)),
            empty_criteria: Memo::new(move |_| card.with(empty_criteria)),
            codes_elsewhere: Memo::new(move |_| card.with(codes_of_other_criteria)),
            unread: RwSignal::new(BTreeSet::new()),
            notice: RwSignal::new(String::new()),
            removed: RwSignal::new(String::new()),
            steps: Trigger::new(),
            previous,
            save: Debounce::saving(),
            dept,
        };
        // Closing the page or leaving the editor must not lose the last
        // keystrokes still waiting for the pause. On closing, the page's
        // save writes them first: a listener of the editor's own would run
        // after the save's, too late for the write to be saved.
        dept.hold_unwritten(move || editor.save.now(move || editor.write()));
        editor
    }

    /// The text of field `id`, whose value in the card is `value` (see
    /// [`FieldText`]).
    pub fn field_text(self, id: String, value: Memo<String>) -> FieldText {
        let field = FieldText {
            editor: self,
            id: StoredValue::new(id.clone()),
            value,
            unread: RwSignal::new(String::new()),
            shown: RwSignal::new(value.get_untracked()),
        };
        // A change elsewhere (undo, redo, another field's) puts the card's
        // value back, and what was typed goes; the field's own changes
        // while it has the focus (a number put back to what it was,
        // [`EditNumber`](edit_number::EditNumber)) keep it.
        Effect::new(move |before: Option<String>| {
            let now = value.get();
            let focused = has_focus(&id);
            if before.is_some_and(|b| b != now) && !focused {
                field.show(String::new());
            }
            if !focused && field.unread.with_untracked(String::is_empty) {
                field.shown.set(now.clone());
            }
            now
        });
        // Undo or redo puts it back even where the card's value is the
        // same (the unread text was never in the card).
        Effect::watch(
            move || self.steps.track(),
            move |_, _, _| {
                field.show(String::new());
                field.shown.set(value.get_untracked());
            },
            false,
        );
        on_cleanup(move || {
            let id = field.id.get_value();
            self.unread.try_update(|u| u.remove(&id));
        });
        field
    }

    /// One change of the card; changes of one `group` (a field) in a row
    /// are one step of undo.
    /// A rule's text the editor wrote follows its rule; one of the
    /// department's own words is named by [`Self::changed_rule_texts`].
    pub fn change(self, group: &str, change: impl FnOnce(&mut Card)) {
        self.removed.set(String::new());
        let before = self.card.get_untracked();
        let written_before = self.written_for.get_untracked();
        let typed = self.card.try_update(|c| {
            change(c);
            c.recount();
            follow_rule_texts(&before, c);
            // A rule's text typed by hand is the check the notice asked for.
            before
                .indicators()
                .zip(c.indicators())
                .any(|(was, now)| was.rule_text != now.rule_text)
        });
        self.card.with_untracked(|now| {
            self.written_for.update(|w| w.note(Some(&before), now));
        });
        // A change that changed nothing (a number put back) is no step.
        if self.card.with_untracked(|now| *now != before) {
            self.history
                .update_value(|h| h.record((before, written_before), group));
        }
        // Another kind sets its own notice just before.
        if typed == Some(true) && group != "kind" {
            self.notice.set(String::new());
        }
        self.after_step();
    }

    /// Removes a group, criterion or indicator (as [`remove`]) and says
    /// what went, with the way back.
    /// Each removal is a step of its own: «Отменить» after three brought
    /// back all three at once.
    pub fn remove(self, direction: usize, criterion: Option<usize>, indicator: Option<usize>) {
        let mut removed = None;
        self.change(&format!("remove-{}", Editor::new_id()), |c| {
            removed = remove(c, direction, criterion, indicator);
        });
        if let Some(removed) = removed {
            self.removed.set(removed.to_string());
        }
    }

    /// Takes back what fields hold unread first: that text was never in
    /// the card, and the step before it is another edit.
    pub fn undo(self) {
        if self.unread.with_untracked(|u| !u.is_empty()) {
            self.steps.notify();
            return;
        }
        self.step(|h, now| h.undo(now));
    }

    pub fn redo(self) {
        self.step(|h, now| h.redo(now));
    }

    fn step(
        self,
        go: impl FnOnce(
            &mut History<(Card, WrittenFor)>,
            (Card, WrittenFor),
        ) -> Option<(Card, WrittenFor)>,
    ) {
        let now = (self.card.get_untracked(), self.written_for.get_untracked());
        let stepped = self.history.try_update_value(|h| go(h, now));
        if let Some((card, written_for)) = stepped.flatten() {
            // What the notice said was about the change undone or redone.
            self.notice.set(String::new());
            self.written_for.set(written_for);
            self.removed.set(String::new());
            self.card.set(card);
            self.steps.notify();
            self.after_step();
        }
    }

    fn after_step(self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        // The workspace is written after a pause: every keystroke into the
        // archive would recount the results of thousands of files.
        self.save
            .schedule(Duration::from_millis(400), move || self.write());
    }

    /// Writes the working copy into the workspace now.
    pub fn write(self) {
        self.save.cancel();
        // While the editor is being dropped its working copy may be gone.
        if let (Some(card), Some(written_for)) = (
            self.card.try_get_untracked(),
            self.written_for.try_get_untracked(),
        ) {
            self.dept
                .edit_own(|own| own.edit(self.index, card, written_for));
        }
    }

    /// The card's problem with one field of the indicator at `place`, in
    /// words for under the field: `what` is the field as the card's
    /// checks name it («формулировка»); `None` is its number, which
    /// another indicator may have taken.
    pub fn field_problem(self, place: Place, what: Option<&'static str>) -> Signal<String> {
        Memo::new(move |_| {
            let code = self
                .card
                .with(|c| indicator(c, place).map(|i| i.code.clone()))
                .unwrap_or_default();
            self.problems.with(|all| {
                all.iter()
                    .find_map(|p| p.field_message(&code, what))
                    .unwrap_or_default()
                    .to_owned()
            })
        })
        .into()
    }

    /// Whether an earlier version of the card that schools fill (built in,
    /// published here or loaded from a file) has the indicator `key`, so
    /// that the years filled under it are compared with this one.
    pub fn published_before(self, key: &str) -> bool {
        let (id, version) = self.card.with_untracked(|c| (c.id.clone(), c.version));
        self.dept.archive().with_untracked(|a| {
            a.cards()
                .iter()
                .any(|c| c.id == id && c.version < version && c.by_key(key).is_some())
        })
    }

    /// A fresh permanent id for an indicator.
    pub fn new_id() -> String {
        format!("i{}", &random_id()[..12])
    }
}

/// What a field of the editor shows and whether the card holds it. Typed
/// text that cannot be read («455» for a percentage, a line of steps that
/// does not parse) stays in the box with its message and is counted in
/// [`Editor::unread`] (publishing waits) until it reads again, undo or
/// redo takes it back, or the field is gone; the card keeps a value that
/// reads. While the box has the focus it shows what is typed.
#[derive(Clone, Copy)]
pub struct FieldText {
    editor: Editor,
    id: StoredValue<String>,
    value: Memo<String>,
    /// Why the typed text is not in the card; empty when it is.
    pub unread: RwSignal<String>,
    /// What the box shows.
    pub shown: RwSignal<String>,
}

impl FieldText {
    /// Sets the message about the typed text (empty: it reads).
    pub fn show(self, message: String) {
        let unread = !message.is_empty();
        let listed = self
            .id
            .with_value(|id| self.editor.unread.with_untracked(|u| u.contains(id)));
        if listed != unread {
            let id = self.id.get_value();
            self.editor.unread.update(|u| {
                if unread {
                    u.insert(id);
                } else {
                    u.remove(&id);
                }
            });
        }
        self.unread.set(message);
    }

    /// Leaving a box that reads, it shows the card's value («045» as
    /// «45»). The browser also sends `blur` when the focused box is
    /// removed with the structure drawn anew: its signals are gone then.
    pub fn left(self) {
        if self.unread.try_with_untracked(String::is_empty) == Some(true) {
            if let Some(value) = self.value.try_get_untracked() {
                self.shown.try_set(value);
            }
        }
    }
}

pub fn indicator(card: &Card, p: Place) -> Option<&Indicator> {
    card.directions
        .get(p.direction)?
        .criteria
        .get(p.criterion)?
        .indicators
        .get(p.indicator)
}

pub fn indicator_mut(card: &mut Card, p: Place) -> Option<&mut Indicator> {
    card.directions
        .get_mut(p.direction)?
        .criteria
        .get_mut(p.criterion)?
        .indicators
        .get_mut(p.indicator)
}

/// A getter and setter of one text of the indicator at `p`.
pub fn indicator_text(
    p: Place,
    get: fn(&Indicator) -> &String,
    set: fn(&mut Indicator) -> &mut String,
) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| indicator(c, p).map(|i| get(i).clone())),
        Arc::new(move |c: &mut Card, v: String| {
            if let Some(i) = indicator_mut(c, p) {
                *set(i) = v;
            }
        }),
    )
}
