//! Shared state, provided through small context newtypes so that a
//! component's needs are visible in what it asks for.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::school::draft::{AnswerField, Draft, RawAnswer};
use profkarta_core::school::plan::LastPlan;
use profkarta_core::school::profile::{ProfileField, SchoolProfile};
use profkarta_core::scoring::Assessment;

/// The card of the open draft; the page is drawn anew for another card.
#[derive(Clone)]
pub struct CardCtx(pub Arc<Card>);

/// What the school has typed. The one writable piece of state.
#[derive(Clone, Copy)]
pub struct DraftCtx(pub RwSignal<Draft>);

/// The score, derived from the card and the draft on every change, as the
/// page shows it: the row being typed in as that row shows it.
#[derive(Clone, Copy)]
pub struct AssessmentCtx(pub Memo<Assessment>);

/// The row the school is typing in, by code, and the field typed in it
/// ([`Assessment::while_typing`]): set by the row, read by the
/// summary's score, which named as an error a half-typed pair its row
/// still showed as «не заполнено».
#[derive(Clone, Copy)]
pub struct TypingCtx(pub RwSignal<Option<(String, Option<AnswerField>)>>);

impl AssessmentCtx {
    /// Provides `scored` as the page shows it, and the row's signal for it.
    pub fn provide(scored: Memo<Assessment>) {
        let typing = RwSignal::new(None::<(String, Option<AnswerField>)>);
        let shown = Memo::new(move |_| {
            typing.with(|t| match t {
                Some((code, field)) => scored.with(|a| a.while_typing(code, *field)),
                None => scored.get(),
            })
        });
        provide_context(TypingCtx(typing));
        provide_context(AssessmentCtx(shown));
    }
}

/// What the card's rows and the profile form read of the draft, each part a
/// signal of its own that changes only when its value does: every
/// indicator's answer, the profile and last year's plan. With every row
/// reading the draft itself, a keystroke woke every effect of every row and
/// of the profile (each then found its memo unchanged): some 300 wake-ups
/// for one changed field.
#[derive(Clone, Copy)]
pub struct DraftParts {
    answers: StoredValue<HashMap<String, RwSignal<RawAnswer>>>,
    pub profile: ReadSignal<SchoolProfile>,
    pub last_plan: ReadSignal<Option<LastPlan>>,
    /// The answers copied from last year and not yet checked.
    pub copied: ReadSignal<BTreeSet<String>>,
    /// The profile's fields the user has left: «Обязательное поле» is
    /// said of those only. The export marks the fields it takes the
    /// keyboard to, which said nothing on arrival (an accessibility audit).
    pub left: RwSignal<Vec<ProfileField>>,
}

/// The profile's fields a draft fills: left before, so that a half-typed
/// e-mail is marked after a reload.
pub fn filled(profile: &SchoolProfile) -> Vec<ProfileField> {
    (ProfileField::ALL.into_iter())
        .filter(|&f| !profile.text(f).trim().is_empty())
        .collect()
}

impl DraftParts {
    /// The signals of `card`'s rows, following `draft`. The one effect is
    /// the split itself: it runs once per change of the draft and sets only
    /// the parts that differ.
    pub fn new(card: &Card, draft: RwSignal<Draft>) -> Self {
        let (answers, profile, last_plan, copied, left) = draft.with_untracked(|d| {
            let answers: HashMap<String, RwSignal<RawAnswer>> = card
                .indicators()
                .map(|i| (i.code.clone(), RwSignal::new(d.answer(&i.code))))
                .collect();
            (
                answers,
                RwSignal::new(d.profile.clone()),
                RwSignal::new(d.last_plan.clone()),
                RwSignal::new(d.copied.clone()),
                RwSignal::new(filled(&d.profile)),
            )
        });
        let each = answers.clone();
        Effect::new(move |_| {
            draft.with(|d| {
                for (code, answer) in &each {
                    follow(*answer, d.answers.get(code));
                }
                follow(profile, Some(&d.profile));
                follow(last_plan, Some(&d.last_plan));
                follow(copied, Some(&d.copied));
            });
        });
        Self {
            answers: StoredValue::new(answers),
            profile: profile.read_only(),
            last_plan: last_plan.read_only(),
            copied: copied.read_only(),
            left,
        }
    }

    /// The answer to the indicator `code` of the card.
    pub fn answer(self, code: &str) -> Signal<RawAnswer> {
        self.answers
            .with_value(|a| a.get(code).copied())
            .expect("a row of the card asks for its own code")
            .into()
    }
}

/// Sets `signal` to `now` (absent: the default) only when it differs.
fn follow<T>(signal: RwSignal<T>, now: Option<&T>)
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let same = signal.with_untracked(|value| match now {
        Some(now) => value == now,
        None => *value == T::default(),
    });
    if !same {
        signal.set(now.cloned().unwrap_or_default());
    }
}
