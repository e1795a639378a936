//! Shared state, provided through small context newtypes so that a
//! component's needs are visible in what it asks for.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::school::draft::Draft;
use profkarta_core::scoring::Assessment;

/// The card of the open draft; the page is drawn anew for another card.
#[derive(Clone)]
pub struct CardCtx(pub Arc<Card>);

/// What the school has typed. The one writable piece of state.
#[derive(Clone, Copy)]
pub struct DraftCtx(pub RwSignal<Draft>);

/// The score, derived from the card and the draft on every change.
#[derive(Clone, Copy)]
pub struct AssessmentCtx(pub Memo<Assessment>);
