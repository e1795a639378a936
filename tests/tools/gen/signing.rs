//! Signing a school's submission the way its page does, with its own key and clock.

use profkarta_core::card::{Card, DEFAULT_CARD};
use profkarta_core::school::draft::Draft;
use profkarta_core::scoring::assess;
use profkarta_core::signed::keys::{to_hex, KeyPair};
use profkarta_core::signed::submission::{seal, ExportMeta, Payload};

use crate::answers::{pad_comments, Variant};
use crate::manifest::SubmissionEntry;
use crate::rng::{Rng, Stream};
use crate::schools::{Generator, School};

/// A submission's identity and clock, kept to build the payload twice when
/// padding.
#[derive(Clone)]
pub struct Meta {
    pub submission_id: String,
    pub created_at: String,
    pub replaces: Option<String>,
}

impl Meta {
    pub fn export(&self) -> ExportMeta {
        ExportMeta {
            submission_id: self.submission_id.clone(),
            created_at: self.created_at.clone(),
            replaces: self.replaces.clone(),
        }
    }
}

/// A signed submission and what the manifest says about it.
pub struct Signed {
    pub text: String,
    pub entry: SubmissionEntry,
}

/// A change to a payload before it is signed (the signature stays valid).
pub type Tamper<'a> = &'a dyn Fn(&Card, &mut Payload);

pub fn no_tamper(_: &Card, _: &mut Payload) {}

impl Generator<'_> {
    /// Ordinary submissions are dated 1–25 September after the period; later
    /// ones (corrections, re-exports) 26–30, so "later" holds by date too.
    pub fn meta(
        &self,
        school: &School,
        period: usize,
        variant: Variant,
        replaces: Option<String>,
    ) -> Meta {
        let p = &self.config.periods[period];
        let mut path = vec![school.index as u64, u64::from(p.first_year), variant as u64];
        // Files of another card get ids of their own; seed 003's stay as
        // they always were.
        if self.config.card != DEFAULT_CARD {
            path.push(card_salt(&self.config.card));
        }
        let mut rng = Rng::stream(self.config.seed, Stream::Meta, &path);
        let submission_id = to_hex(&rng.bytes::<16>());
        let day = match variant {
            Variant::Ordinary => rng.between(1, 25),
            _ => rng.between(26, 30),
        };
        let created_at = format!(
            "{}-09-{day:02}T{:02}:{:02}:{:02}.000Z",
            p.first_year + 1,
            rng.between(4, 13),
            rng.below(60),
            rng.below(60)
        );
        Meta {
            submission_id,
            created_at,
            replaces,
        }
    }

    /// The school's key; generation 1 is the "new computer" key.
    pub fn key(&self, school: &School, generation: u64) -> KeyPair {
        let path = [school.index as u64, generation];
        KeyPair::from_seed(Rng::stream(self.config.seed, Stream::Key, &path).bytes())
    }

    pub fn submission(
        &self,
        school: &School,
        period: usize,
        variant: Variant,
        replaces: Option<String>,
        tamper: Tamper,
    ) -> Signed {
        let bonus = u32::from(variant == Variant::Corrected);
        let target = (school.targets[period] + bonus).min(self.max_applicable(school));
        let draft = self.draft(school, period, variant, target);
        let meta = self.meta(school, period, variant, replaces);
        let key = self.key(school, u64::from(variant == Variant::KeyChanged));
        let make = |draft: &Draft| {
            let assessment = assess(self.card, draft);
            let mut payload = Payload::new(self.card, draft, &assessment, meta.export());
            tamper(self.card, &mut payload);
            payload
        };
        let mut payload = make(&draft);
        let mut text = seal(&payload, &key);
        let deficit = self.config.pad.and_then(|pad| pad.checked_sub(text.len()));
        if let Some(deficit) = deficit.filter(|d| *d > 0) {
            let p = &self.config.periods[period];
            let path = [school.index as u64, u64::from(p.first_year), variant as u64];
            let mut rng = Rng::stream(self.config.seed, Stream::Padding, &path);
            let mut padded = draft;
            pad_comments(&mut padded, deficit, &mut rng);
            payload = make(&padded);
            text = seal(&payload, &key);
        }
        Signed {
            entry: SubmissionEntry::of(self.card, &payload, key.fingerprint()),
            text,
        }
    }
}

/// A number from a card id (FNV-1a), to tell the cards' streams apart.
fn card_salt(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
