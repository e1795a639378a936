//! The department's cards on the school's page. A card the school received
//! (from the website's `cards/` folder or as a file) is kept in local
//! storage as its signed file and checked again at every start. The first
//! department key the school meets is trusted from then on; a card signed by
//! another key waits for the school's decision.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::department::archive::Cards;
use profkarta_core::error::{CardFileError, DamagedRecord};
use profkarta_core::signed::card_file::{
    open_card, read_site_index, received_notice, CardFile, Received, TrustedKey, INDEX_NAME,
    SITE_FOLDER,
};

use crate::platform::fetch::own_file;
use crate::platform::storage::{self, Read, DEPARTMENT_CARD_PREFIX, TRUSTED_DEPARTMENT_KEY};
use crate::shared::notices::Notices;
use crate::shared::quarantine::quarantine;

/// A department's card as the school knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentCard {
    pub card: Arc<Card>,
    pub department: String,
}

/// What a school can do about the website's cards that did not open: the
/// department publishes them, and only it can put them right.
const TELL_DEPARTMENT: &str = "Сообщите об этом в отдел образования.";

#[derive(Clone, Copy)]
pub struct SchoolCards {
    /// Every card the school can fill in: built in, then the department's.
    pub cards: RwSignal<Cards>,
    /// The department's cards, offered first.
    pub department: RwSignal<Vec<DepartmentCard>>,
    /// A card signed by another key than the trusted one: (its text, why).
    pub pending: RwSignal<Option<(String, String)>>,
    /// The site's cards have been read (or could not be): a card a link
    /// names and nobody has is missing only then.
    pub site_read: RwSignal<bool>,
    notices: Notices,
}

impl SchoolCards {
    /// The built-in cards and the department's cards kept in this browser.
    pub fn start(builtin: Cards, notices: Notices) -> Self {
        let this = Self {
            cards: RwSignal::new(builtin),
            department: RwSignal::new(Vec::new()),
            pending: RwSignal::new(None),
            site_read: RwSignal::new(false),
            notices,
        };
        // Before the kept cards are checked: the first of them is trusted
        // anew in its place, and its text would be written over unsaid.
        if trusted().is_none()
            && !matches!(storage::read(TRUSTED_DEPARTMENT_KEY), Ok(Read::Missing))
        {
            quarantine(
                notices,
                TRUSTED_DEPARTMENT_KEY,
                &DamagedRecord::TrustedKey.to_string(),
            );
        }
        for key in storage::keys(DEPARTMENT_CARD_PREFIX).unwrap_or_default() {
            let Some(text) = storage::raw_text(&key) else {
                continue;
            };
            match open_card(&text).and_then(|file| this.check(&file, true).map(|()| file)) {
                Ok(file) => this.add(file),
                Err(e) => {
                    quarantine(notices, &key, &format!("Карта отдела: {e}"));
                }
            }
        }
        this
    }

    /// Reads the website's `cards/` folder, if it has one, and takes every
    /// card not yet known. Quiet when there is none.
    pub fn read_site(self) {
        leptos::task::spawn_local(async move {
            self.read_site_cards().await;
            self.site_read.set(true);
        });
    }

    /// Every new card of the site is said in one notice: a school's first
    /// visit meets all the versions the department published at once.
    async fn read_site_cards(self) {
        let Some(index) = own_file(&format!("{SITE_FOLDER}/{INDEX_NAME}")).await else {
            return;
        };
        let index = match read_site_index(&index) {
            Ok(index) => index,
            Err(e) => {
                // Said only to a browser that has some.
                let kept = match self.department.with_untracked(Vec::is_empty) {
                    true => "",
                    false => " Карты, полученные раньше, открываются как прежде.",
                };
                return self.notices.push(
                    format!(
                        "Список карт отдела на сайте ({SITE_FOLDER}/{INDEX_NAME}) не прочитан: \
                         {e}.{kept} {TELL_DEPARTMENT}"
                    ),
                    None,
                );
            }
        };
        let mut received = Vec::new();
        for entry in index.cards {
            if self.knows(&entry.id, entry.version) {
                continue;
            }
            match own_file(&format!("{SITE_FOLDER}/{}", entry.file)).await {
                Some(text) => {
                    if let Some((_, Some(new))) = self.take(&text, &entry.file, TELL_DEPARTMENT) {
                        received.push(new);
                    }
                }
                None => self.notices.push(
                    format!(
                        "Карта отдела «{}» указана на сайте, но файл не открылся. {TELL_DEPARTMENT}",
                        entry.file
                    ),
                    None,
                ),
            }
        }
        if let Some(text) = received_notice(&received) {
            self.notices.push(text, None);
        }
    }

    pub fn notices(self) -> Notices {
        self.notices
    }

    /// Whether `file`'s card is one of the department's received here
    /// (the same: [`Self::not_other`] has refused another).
    fn received(self, file: &CardFile) -> bool {
        let card = &file.card;
        self.department.with_untracked(|d| {
            d.iter()
                .any(|x| x.card.id == card.id && x.card.version == card.version)
        })
    }

    fn knows(self, id: &str, version: u32) -> bool {
        self.cards.with_untracked(|c| c.get(id, version).is_some())
    }

    /// Takes a card file the school opened; returns the card when it is
    /// ready to fill in.
    pub fn receive(self, text: &str, name: &str) -> Option<Arc<Card>> {
        let (card, new) = self.take(text, name, "")?;
        self.say_received(new);
        Some(card)
    }

    /// One card's «Получена …», when it is new here.
    fn say_received(self, new: Option<Received>) {
        if let Some(text) = received_notice(new.as_slice()) {
            self.notices.push(text, None);
        }
    }

    /// A card file checked and kept, with what it was when it is new here;
    /// `None` when it is refused (said with `then`, what to do about it)
    /// or waits for the school's decision.
    fn take(self, text: &str, name: &str, then: &str) -> Option<(Arc<Card>, Option<Received>)> {
        // Another content under a version received before is refused
        // before its key is asked about: trusting the key would not take it.
        // A card received before, the same, brings nothing new: its key
        // (a former one) is not asked about again.
        let checked = open_card(text).and_then(|file| {
            self.not_other(&file)?;
            if !self.received(&file) {
                self.check(&file, false)?;
            }
            Ok(file)
        });
        match checked {
            Ok(file) => Some(self.keep(text, file)),
            Err(CardFileError::OtherKey { trusted, got }) => {
                let why = CardFileError::OtherKey { trusted, got }.to_string();
                self.pending.set(Some((text.to_owned(), why)));
                None
            }
            Err(e) => {
                let why = format!("{e} {then}");
                self.notices.refuse(name, "не открыт", why.trim_end());
                None
            }
        }
    }

    /// The school decided to trust the key of the waiting card.
    pub fn trust_pending(self) -> Option<Arc<Card>> {
        let (text, _) = self.pending.get_untracked()?;
        self.pending.set(None);
        let file = open_card(&text).ok()?;
        self.trust(&file);
        let (card, new) = self.keep(&text, file);
        self.say_received(new);
        Some(card)
    }

    /// Checks a card file's key against the trusted one (`kept`: a card
    /// stored here, or against one trusted before it); the first key met
    /// becomes the trusted one.
    fn check(self, file: &CardFile, kept: bool) -> Result<(), CardFileError> {
        match trusted() {
            Some(key) if kept => key.check_kept(file),
            Some(key) => key.check(file),
            None => {
                self.trust(file);
                Ok(())
            }
        }
    }

    /// Refuses `file` when its card's version was received before with
    /// other content: it was left unopened unsaid.
    fn not_other(self, file: &CardFile) -> Result<(), CardFileError> {
        let other = self.cards.with_untracked(|c| {
            (c.get(&file.card.id, file.card.version)).is_some_and(|known| **known != file.card)
        });
        match other {
            true => Err(CardFileError::ReceivedOther {
                title: file.card.title.clone(),
                version: file.card.version,
            }),
            false => Ok(()),
        }
    }

    /// Trusts `file`'s key, in place of the one trusted before, if any.
    fn trust(self, file: &CardFile) {
        let key = match trusted() {
            Some(old) => old.replaced_by(file),
            None => TrustedKey::of(file),
        };
        if let Err(e) = storage::write(TRUSTED_DEPARTMENT_KEY, &key) {
            self.notices
                .push(format!("Ключ отдела не запомнен в браузере: {e}"), None);
        }
    }

    fn keep(self, text: &str, file: CardFile) -> (Arc<Card>, Option<Received>) {
        let key = format!(
            "{DEPARTMENT_CARD_PREFIX}{}@{}",
            file.card.id, file.card.version
        );
        let new = (!self.knows(&file.card.id, file.card.version)).then(|| {
            if let Err(e) = storage::write_text(&key, text) {
                self.notices.push(
                    format!("Карта отдела не сохранена в браузере: {e} Она открыта до закрытия страницы."),
                    None,
                );
            }
            Received::of(&file)
        });
        let id = (file.card.id.clone(), file.card.version);
        self.add(file);
        let card = self
            .cards
            .with_untracked(|c| c.get(&id.0, id.1).cloned())
            .expect("just added");
        (card, new)
    }

    fn add(self, file: CardFile) {
        let department = file.department.clone();
        let card = file.card;
        self.cards.update(|c| c.add(card.clone()));
        let card = self
            .cards
            .with_untracked(|c| c.get(&card.id, card.version).cloned())
            .expect("just added");
        self.department.update(|d| {
            if !d
                .iter()
                .any(|x| x.card.id == card.id && x.card.version == card.version)
            {
                d.push(DepartmentCard { card, department });
            }
        });
    }
}

/// The department key this browser trusts, if any.
fn trusted() -> Option<TrustedKey> {
    match storage::read(TRUSTED_DEPARTMENT_KEY) {
        Ok(Read::Json(value)) => serde_json::from_value(value).ok(),
        _ => None,
    }
}
