//! The department's own cards: drafts it edits, and the versions it
//! published or loaded as signed files. A published version is never changed
//! again: editing it starts the next version as a draft.

use serde::{Deserialize, Serialize};

use crate::card::edit::{WrittenFor, NEW_SOURCE, NEW_TITLE};
use crate::card::validate::publish_problems;
use crate::card::Card;
use crate::department::archive::Cards;
use crate::error::{CardFileError, PublishError};
use crate::signed::card_file::{open_card, seal_card, site_files};
use crate::signed::keys::KeyPair;
use crate::signed::submission::card_hash;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCards {
    /// Who publishes: named in every card file, e.g. «Управление
    /// образования администрации г. Примерска».
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    cards: Vec<OwnCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCard {
    pub card: Card,
    /// Present once published (or loaded from a signed file); then `card`
    /// is what the file holds and is never edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// A draft's record of what each rule's text and recommendation was
    /// written for ([`WrittenFor`]), kept with it: a threshold changed, the
    /// draft closed and opened again, was no longer asked about, and a new
    /// card started from a built-in one was published with «не менее 30 %»
    /// over a threshold of 40.
    #[serde(flatten)]
    pub written_for: WrittenFor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The signed card file as distributed to schools.
    pub file: String,
    pub at: String,
    /// The key that signed it.
    pub fingerprint: String,
}

impl OwnCard {
    pub fn is_draft(&self) -> bool {
        self.published.is_none()
    }
}

impl OwnCards {
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.department.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &OwnCard> {
        self.cards.iter()
    }

    pub fn get(&self, index: usize) -> Option<&OwnCard> {
        self.cards.get(index)
    }

    /// The published cards, for the registry files are checked against.
    pub fn published(&self) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(|c| !c.is_draft()).map(|c| &c.card)
    }

    /// Each published card read again from its signed file, the one the
    /// schools have: a backup keeps a plain copy beside the file, and a copy
    /// edited there would show other rules than the file's (its editor,
    /// its comparison of versions) while the file scores the schools. A
    /// file that does not open keeps its copy: nothing better is known.
    pub fn read_from_files(&mut self) {
        for own in &mut self.cards {
            if let Some(Ok(opened)) = own.published.as_ref().map(|p| open_card(&p.file)) {
                own.card = opened.card;
            }
        }
    }

    fn taken(&self, id: &str, version: u32) -> bool {
        self.published().any(|c| c.id == id && c.version == version)
    }

    /// A new draft: a copy of `base` (a built-in card, the skeleton, a
    /// version of another card) as version 1 of the card `id`. Indicators
    /// without a permanent id get one from `new_id`.
    pub fn start_from(&mut self, base: &Card, id: &str, new_id: impl FnMut() -> String) -> usize {
        let mut card = base.clone();
        card.id = id.to_owned();
        card.version = 1;
        if card.template {
            // The skeleton's note tells schools it is not to be filled in,
            // its title calls it «группы показателей» of another district's
            // 2021 order, which is its source: the department's own card
            // starts as a blank one does, its order asked for at publishing.
            card.note.clear();
            card.title = NEW_TITLE.to_owned();
            card.source = NEW_SOURCE.to_owned();
            card.template = false;
        }
        self.add_draft(card, new_id)
    }

    /// A new `version` of the card `base` (published, built-in or own) as
    /// a draft: same id, indicators keep their identity. An existing draft
    /// of that card is returned instead of a second one. The archive knows
    /// which number is next ([`Archive::next_version`]).
    ///
    /// [`Archive::next_version`]: crate::department::archive::Archive::next_version
    pub fn next_version(
        &mut self,
        base: &Card,
        version: u32,
        new_id: impl FnMut() -> String,
    ) -> usize {
        if let Some(at) = self
            .cards
            .iter()
            .position(|c| c.is_draft() && c.card.id == base.id)
        {
            return at;
        }
        let mut card = base.clone();
        card.version = version;
        // Built-in cards of the first format are known by their codes: the
        // new version keeps those as ids, so nothing loses its identity.
        for indicator in card.indicators_mut() {
            if indicator.id.is_empty() {
                indicator.id.clone_from(&indicator.code);
            }
        }
        self.add_draft(card, new_id)
    }

    fn add_draft(&mut self, mut card: Card, mut new_id: impl FnMut() -> String) -> usize {
        for indicator in card.indicators_mut() {
            if indicator.id.is_empty() {
                indicator.id = new_id();
            }
        }
        card.recount();
        let mut written_for = WrittenFor::default();
        written_for.note(None, &card);
        self.cards.push(OwnCard {
            card,
            published: None,
            written_for,
        });
        self.cards.len() - 1
    }

    /// Replaces a draft's card (the editor's every change); a published
    /// version is left as it is.
    pub fn edit(&mut self, index: usize, card: Card, written_for: WrittenFor) -> bool {
        match self.cards.get_mut(index) {
            Some(own) if own.is_draft() => {
                own.card = card;
                own.written_for = written_for;
                true
            }
            _ => false,
        }
    }

    /// Numbers the draft of card `id`, if any, `free` when its own number
    /// is lower (a version of that number was loaded from a file); returns
    /// the new number.
    pub fn renumber_draft(&mut self, id: &str, free: u32) -> Option<u32> {
        let own = (self.cards.iter_mut()).find(|c| c.is_draft() && c.card.id == id)?;
        (own.card.version < free).then(|| {
            own.card.version = free;
            free
        })
    }

    pub fn remove_draft(&mut self, index: usize) {
        if self.cards.get(index).is_some_and(OwnCard::is_draft) {
            self.cards.remove(index);
        }
    }

    /// Signs the draft at `index` and makes it a published version. Returns
    /// the card, for the registry.
    pub fn publish(
        &mut self,
        index: usize,
        key: &KeyPair,
        now: &str,
    ) -> Result<Card, PublishError> {
        let Some(own) = self.cards.get(index).filter(|c| c.is_draft()) else {
            return Err(PublishError::NotDraft);
        };
        if self.department.trim().is_empty() {
            return Err(PublishError::NoDepartment);
        }
        let mut card = own.card.clone();
        card.recount();
        let found = publish_problems(&card);
        if !found.is_empty() {
            return Err(PublishError::Invalid(found));
        }
        if self.taken(&card.id, card.version) {
            return Err(PublishError::Taken {
                id: card.id,
                version: card.version,
            });
        }
        let file = seal_card(&card, &self.department, now, key);
        self.cards[index] = OwnCard {
            card: card.clone(),
            published: Some(Published {
                file,
                at: now.to_owned(),
                fingerprint: key.fingerprint(),
            }),
            written_for: WrittenFor::default(),
        };
        Ok(card)
    }

    /// The `cards/` folder for the website: every version this department
    /// published or loaded, and the index.
    pub fn site_files(&self) -> Vec<(String, String)> {
        site_files(
            &self.department,
            self.cards
                .iter()
                .filter_map(|c| c.published.as_ref().map(|p| (&c.card, p.file.as_str()))),
        )
    }

    /// Keeps a card file (of this department or another) as a published
    /// version, so that its submissions can be imported. A file signed with
    /// this department's own key (`own`, its fingerprint) also gives the
    /// department's name when none is set: a workspace rebuilt from the
    /// published files would otherwise start its next version unnamed. A
    /// neighbour's file never names this department. A file under the id
    /// and version of a card `known` here (built in, or published) with
    /// other content is refused: a published version never changes. A new
    /// version of a card whose versions here were all signed by another key
    /// is asked about first (`another_key` says it was): another
    /// department's version of the same card became the latest of ours,
    /// «Новая версия» went on from it and the site folder gave it to the
    /// schools, all unsaid (a walk-through).
    pub fn load_file(
        &mut self,
        text: &str,
        own: Option<&str>,
        known: &Cards,
        another_key: bool,
    ) -> Result<Card, CardFileError> {
        let opened = open_card(text)?;
        let (id, version) = (&opened.card.id, opened.card.version);
        // A built-in card's or one published here: the same, or refused.
        if let Some(ours) = known.get(id, version) {
            if card_hash(ours) != card_hash(&opened.card) {
                return Err(CardFileError::OtherContent {
                    id: id.clone(),
                    version,
                });
            }
        }
        let signed_here: Vec<&str> = (self.cards.iter())
            .filter(|c| c.card.id == *id)
            .filter_map(|c| c.published.as_ref().map(|p| p.fingerprint.as_str()))
            .collect();
        let foreign =
            !signed_here.is_empty() && !signed_here.contains(&opened.fingerprint.as_str());
        if foreign && !another_key && !self.taken(id, version) {
            return Err(CardFileError::AnotherKeysVersion {
                id: id.clone(),
                version,
                department: opened.department.trim().to_owned(),
                got: opened.fingerprint.clone(),
                here: signed_here.last().copied().unwrap_or_default().to_owned(),
            });
        }
        if self.department.trim().is_empty() && own == Some(opened.fingerprint.as_str()) {
            self.department = opened.department.trim().to_owned();
        }
        if !self.taken(id, version) {
            self.cards.push(OwnCard {
                card: opened.card.clone(),
                published: Some(Published {
                    file: text.to_owned(),
                    at: opened.published_at,
                    fingerprint: opened.fingerprint,
                }),
                written_for: WrittenFor::default(),
            });
        }
        Ok(opened.card)
    }
}

#[cfg(test)]
mod tests;
