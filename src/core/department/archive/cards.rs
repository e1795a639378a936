//! The cards the department knows: a file filled in by any of them is
//! accepted, and each file is scored by its own card. A card is known by
//! its id, version and the hash of its content, as the files name it.

use std::sync::{Arc, OnceLock};

use crate::card::{builtins, Card};
use crate::error::TemplateError;
use crate::signed::submission::{card_hash, TemplateRef};

#[derive(Debug, Clone)]
pub struct KnownCard {
    pub card: Arc<Card>,
    /// What a submission of this card names as its `template.sha256`,
    /// worked out on the first file that names the card: hashing every
    /// built-in card cost the school's page a few milliseconds of its start.
    sha: OnceLock<String>,
}

impl KnownCard {
    fn new(card: Card) -> Self {
        Self {
            card: Arc::new(card),
            sha: OnceLock::new(),
        }
    }

    pub fn sha(&self) -> &str {
        self.sha.get_or_init(|| card_hash(&self.card))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Cards(Vec<KnownCard>);

impl Cards {
    pub fn new(cards: impl IntoIterator<Item = Card>) -> Self {
        Self(cards.into_iter().map(KnownCard::new).collect())
    }

    /// Every built-in card a school can fill in (not the templates).
    pub fn builtin() -> Result<Self, (&'static str, TemplateError)> {
        Ok(Self::new(builtins()?.into_iter().filter(|c| !c.template)))
    }

    /// Adds a card the department published or loaded; a version already
    /// known is left as it is (a version never changes).
    pub fn add(&mut self, card: Card) {
        if self.get(&card.id, card.version).is_none() {
            self.0.push(KnownCard::new(card));
        }
    }

    pub fn get(&self, id: &str, version: u32) -> Option<&Arc<Card>> {
        self.0
            .iter()
            .map(|k| &k.card)
            .find(|c| c.id == id && c.version == version)
    }

    /// The card a submission names, if it is this one exactly.
    pub fn find(&self, template: &TemplateRef) -> Option<&KnownCard> {
        self.0.iter().find(|k| {
            k.card.id == template.id
                && k.card.version == template.version
                && k.sha() == template.sha256
        })
    }

    /// Whether the card version a submission names is here with other
    /// content: the number published twice (on two of the department's
    /// computers), so its answers belong to another card.
    pub fn other_edition(&self, template: &TemplateRef) -> bool {
        self.get(&template.id, template.version).is_some() && self.find(template).is_none()
    }

    /// The latest version of the card `id`.
    pub fn latest(&self, id: &str) -> Option<&Arc<Card>> {
        self.0
            .iter()
            .filter(|k| k.card.id == id)
            .max_by_key(|k| k.card.version)
            .map(|k| &k.card)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Card>> {
        self.0.iter().map(|k| &k.card)
    }
}
