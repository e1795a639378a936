//! The cards that come with the app: one JSON file per seed municipality,
//! each checked by the same validator as a department's own card.

use crate::card::Card;
use crate::error::TemplateError;

/// The card a new draft starts with: the 23-point expert card of seed 003.
pub const DEFAULT_CARD: &str = "proforientatsiya-23";

/// Seed 003's card, the first one.
pub const BUILTIN_CARD_JSON: &str = include_str!("cards/expert-card-23.json");

/// (id, JSON) of every built-in card, in the order the school's page offers them.
const CARDS: [(&str, &str); 5] = [
    (DEFAULT_CARD, BUILTIN_CARD_JSON),
    (
        "leninsk-kuznetsky",
        include_str!("cards/leninsk-kuznetsky.json"),
    ),
    ("nevinnomyssk", include_str!("cards/nevinnomyssk.json")),
    ("izhevsk", include_str!("cards/izhevsk.json")),
    ("belinsky", include_str!("cards/belinsky.json")),
];

/// The built-in card `id`, parsed and checked; `None` when there is no such card.
pub fn builtin(id: &str) -> Option<Result<Card, TemplateError>> {
    CARDS
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, json)| Card::from_json(json))
}

/// Every built-in card, in order; the first broken one is named with its error.
pub fn builtins() -> Result<Vec<Card>, (&'static str, TemplateError)> {
    CARDS
        .iter()
        .map(|(id, json)| Card::from_json(json).map_err(|e| (*id, e)))
        .collect()
}

impl Card {
    /// The default card (seed 003).
    pub fn builtin() -> Result<Self, TemplateError> {
        Self::from_json(BUILTIN_CARD_JSON)
    }
}
