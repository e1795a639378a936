//! What the user typed, kept exactly as typed.
//!
//! A draft holds strings, not numbers: an invalid value is still the user's
//! work and must survive until they fix it. Turning it into trusted values is
//! the job of [`crate::school::input`]; scoring only ever sees those.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::school::profile::SchoolProfile;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub profile: SchoolProfile,
    /// Answers by indicator code; an indicator never touched has no entry.
    pub answers: BTreeMap<String, RawAnswer>,
}

/// One indicator row as typed. Which fields matter depends on the rule kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawAnswer {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub numerator: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub denominator: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub count: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<bool>,
    /// Links to the evidence, one per line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The typed fields of a row, for updating one of them from the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerField {
    Numerator,
    Denominator,
    Count,
    Evidence,
    Comment,
}

impl RawAnswer {
    pub fn text(&self, field: AnswerField) -> &str {
        match field {
            AnswerField::Numerator => &self.numerator,
            AnswerField::Denominator => &self.denominator,
            AnswerField::Count => &self.count,
            AnswerField::Evidence => &self.evidence,
            AnswerField::Comment => &self.comment,
        }
    }

    fn text_mut(&mut self, field: AnswerField) -> &mut String {
        match field {
            AnswerField::Numerator => &mut self.numerator,
            AnswerField::Denominator => &mut self.denominator,
            AnswerField::Count => &mut self.count,
            AnswerField::Evidence => &mut self.evidence,
            AnswerField::Comment => &mut self.comment,
        }
    }
}

impl Draft {
    /// The row for `code`, or an empty one if it was never touched.
    pub fn answer(&self, code: &str) -> RawAnswer {
        self.answers.get(code).cloned().unwrap_or_default()
    }

    pub fn set_text(&mut self, code: &str, field: AnswerField, value: String) {
        *self.entry(code).text_mut(field) = value;
    }

    pub fn set_fact(&mut self, code: &str, value: Option<bool>) {
        self.entry(code).fact = value;
    }

    fn entry(&mut self, code: &str) -> &mut RawAnswer {
        self.answers.entry(code.to_owned()).or_default()
    }
}
