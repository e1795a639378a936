//! Robustness of everything that reads outside input: submission files, card
//! templates, signed card files, stored drafts and backups, department
//! workspaces and key lists, the department's letter files, and the three
//! files of a review shared among several reviewers. Arbitrary bytes and structure-aware mutations
//! of real files must give a value or a typed error, never a panic (a hang
//! would time the test out). The rules a file is held to are properties
//! too: a signed file with a key repeated anywhere, or with a fingerprint
//! other than its key's, is refused; a file saved by a Windows tool (a
//! byte-order mark, CRLF line ends) reads as the original.
//!
//! The default run is a few thousand cases per parser; the long run is
//! `PROPTEST_CASES=250000 cargo test --release --test parsers_never_panic`
//! (nine groups of parsers × 250 000 = over two million inputs).

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use std::collections::BTreeMap;

use profkarta_core::card::Card;
use profkarta_core::department::archive::{check, check_verified, verifies, Archive, Cards};
use profkarta_core::department::letter_file::LetterFile;
use profkarta_core::department::review::{Decision, IndicatorReview, Review};
use profkarta_core::department::reviewers::{
    open_review, open_reviewer_key, seal_review, seal_reviewer_key, Assignment,
};
use profkarta_core::error::{CardFileError, ImportError, SubmissionError};
use profkarta_core::school::draft::Draft;
use profkarta_core::school::plan::PlanRow;
use profkarta_core::school::stored::{decode, read_school_file, SchoolFile, StoredDraft};
use profkarta_core::scoring::assess;
use profkarta_core::signed::card_file::{
    open_card, read_site_index, seal_card, site_files, CardFile, SiteIndex,
};
use profkarta_core::signed::keys::KeyPair;
use profkarta_core::signed::submission::{open, Opened};
use profkarta_core::testkit;

/// The built-in card as the department would publish it, signed; made once.
fn card_file() -> &'static str {
    static FILE: LazyLock<String> = LazyLock::new(|| {
        seal_card(
            &testkit::card(),
            "Управление образования",
            testkit::SAMPLE_AT,
            &testkit::key(9),
        )
    });
    &FILE
}

/// A reviewer's key file, an assignment for that key and a review file
/// signed with it, as they travel between the lead and the reviewer; made
/// once.
fn reviewer_files() -> &'static [String; 3] {
    static FILES: LazyLock<[String; 3]> = LazyLock::new(|| {
        let key = testkit::key(7);
        let key_file = seal_reviewer_key("Иванова А. А.", &key, testkit::SAMPLE_AT);
        let reviewer = open_reviewer_key(&key_file).expect("a fresh key file reads");
        let card = testkit::card();
        let assignment = Assignment::new(
            &reviewer,
            (&card.id, &card.title),
            "2025/2026",
            &BTreeMap::new(),
            testkit::SAMPLE_AT,
        );
        let mut review = Review::default();
        review.indicators.insert(
            "1.1".into(),
            IndicatorReview {
                decision: Some(Decision::NoPoint),
                comment: "По ссылке только приказ".into(),
                ..IndicatorReview::default()
            },
        );
        let reviews = BTreeMap::from([("s1".to_owned(), review)]);
        let review_file = seal_review(&assignment, reviews, &key, testkit::SAMPLE_AT);
        // Mutations of files that read: the parsers' whole way is walked.
        Assignment::read(&assignment.to_json(), &key, &Cards::new([testkit::card()]))
            .expect("the assignment reads");
        open_review(&review_file).expect("the review file reads");
        [key_file, assignment.to_json(), review_file]
    });
    &FILES
}

/// A letter file of recommendations with a plan of one measure.
fn letter_file() -> String {
    let plan = vec![PlanRow {
        measure: "Профпробы".into(),
        indicators: vec!["2.1".into()],
        ..PlanRow::default()
    }];
    let card = testkit::card();
    let text = LetterFile::new(&card, "2025/2026", "СОШ № 2", "Текст", plan).to_json();
    LetterFile::read(&text, &card.id).expect("the letter file reads");
    text
}

/// `text` as a Windows tool saves it: a byte-order mark first if `bom`, and
/// each line end CRLF or not as `crlf` says, cycled.
fn windows_saved(text: &str, bom: bool, crlf: &[bool]) -> String {
    let mut out = String::from(if bom { "\u{FEFF}" } else { "" });
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(if crlf[i % crlf.len()] { "\r\n" } else { "\n" });
        }
        out.push_str(line);
    }
    out
}

/// Compact JSON re-indented, so that it has line ends to save as CRLF.
fn pretty(text: &str) -> String {
    serde_json::to_string_pretty(&serde_json::from_str::<Value>(text).unwrap()).unwrap()
}

/// How many object members `value` holds, at every depth.
fn members(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.len() + map.values().map(members).sum::<usize>(),
        Value::Array(items) => items.iter().map(members).sum(),
        _ => 0,
    }
}

/// Writes `value` as JSON with its `n`-th object member (in document
/// order) written twice, first with the value `first`: what serde_json
/// reads back (the last of the two) is the original. Returns the text and
/// the path to the repeated key.
fn member_twice(value: &Value, n: usize, first: &Value) -> (String, Vec<String>) {
    struct Writer<'a> {
        out: String,
        /// Where the writer is, as a repeated key's path.
        at: Vec<String>,
        /// Members still to write before the one to repeat.
        before: usize,
        first: &'a Value,
        repeated: Vec<String>,
    }
    impl Writer<'_> {
        fn write(&mut self, value: &Value) {
            match value {
                Value::Object(map) => {
                    self.out.push('{');
                    for (i, (key, member)) in map.iter().enumerate() {
                        if i > 0 {
                            self.out.push(',');
                        }
                        let key_json = Value::from(key.as_str()).to_string();
                        self.at.push(key.clone());
                        if self.before == 0 {
                            self.out.push_str(&format!("{key_json}:{},", self.first));
                            self.repeated = self.at.clone();
                        }
                        self.before = self.before.wrapping_sub(1);
                        self.out.push_str(&key_json);
                        self.out.push(':');
                        self.write(member);
                        self.at.pop();
                    }
                    self.out.push('}');
                }
                Value::Array(items) => {
                    self.out.push('[');
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            self.out.push(',');
                        }
                        self.at.push((i + 1).to_string());
                        self.write(item);
                        self.at.pop();
                    }
                    self.out.push(']');
                }
                other => self.out.push_str(&other.to_string()),
            }
        }
    }
    let mut writer = Writer {
        out: String::new(),
        at: Vec::new(),
        before: n,
        first,
        repeated: Vec::new(),
    };
    writer.write(value);
    (writer.out, writer.repeated)
}

/// Real text with a few bytes replaced, inserted or removed: mostly valid
/// UTF-8 and nearly valid JSON, which is where parsers hide their bugs.
fn mutated(base: String) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len();
    proptest::collection::vec((0..len, any::<u8>(), 0..3u8), 1..6).prop_map(move |edits| {
        let mut bytes = base.clone().into_bytes();
        for (at, byte, kind) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match kind {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        bytes
    })
}

fn inputs(base: String) -> impl Strategy<Value = Vec<u8>> {
    let windows = windows_saved(&base, true, &[true]);
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        "[ -~{}\\[\\]\":,0-9a-zA-Zа-я]{0,200}".prop_map(String::into_bytes),
        mutated(base),
        mutated(windows),
    ]
}

/// Any JSON value a repeated key might be given first.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "[0-9a-zа-я ]{0,12}".prop_map(Value::from),
        Just(serde_json::json!({ "numerator": "68" })),
    ]
}

proptest! {
    #[test]
    fn submissions(bytes in inputs(testkit::sample_file())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = open(text);
        }
        let cards = Cards::new([testkit::card()]);
        let checked = check(&cards, "f.json", &bytes);
        // A large import checks signatures in a worker and the rest on the
        // page: together they must file exactly what one check files.
        if verifies(&bytes) {
            prop_assert_eq!(check_verified(&cards, "f.json", &bytes), checked);
        } else {
            prop_assert!(checked.is_err());
        }
    }

    #[test]
    fn card_templates(bytes in inputs(profkarta_core::card::BUILTIN_CARD_JSON.to_owned())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Ok(card) = Card::from_json(text) {
                // A card that passed validation must score any draft.
                let _ = assess(&card, &Draft::default());
            }
        }
    }

    #[test]
    fn card_files_and_the_site_index(bytes in inputs(card_file().to_owned())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = open_card(text);
            let _ = read_site_index(text);
        }
    }

    #[test]
    fn drafts_and_backups(bytes in inputs(String::from(r#"{"schema":1,"id":"a","revision":3,"updated_at":"x","draft":{"profile":{"name":"Ш"},"answers":{"1.1":{"numerator":"3"}}}}"#))) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = decode(text);
            let _ = read_school_file(text);
        }
    }

    #[test]
    fn letter_files(bytes in inputs(letter_file())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = LetterFile::read(text, &testkit::card().id);
        }
    }

    #[test]
    fn reviewer_key_files(bytes in inputs(reviewer_files()[0].clone())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = open_reviewer_key(text);
        }
    }

    #[test]
    fn assignments(bytes in inputs(reviewer_files()[1].clone())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = Assignment::read(text, &testkit::key(7), &Cards::new([testkit::card()]));
        }
    }

    #[test]
    fn review_files(bytes in inputs(reviewer_files()[2].clone())) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = open_review(text);
        }
    }

    #[test]
    fn department_workspaces_and_key_lists(bytes in inputs(String::from(r#"{"format":"profkarta-department","schema":1,"files":[{"name":"a","text":"{}"}],"keys":{},"reviews":{"x":{"checked":true}}}"#))) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let card = testkit::card();
            let cards = || Cards::new([card.clone()]);
            let _ = Archive::from_json(cards(), text);
            let _ = Archive::new(cards()).load_keys(text);
        }
    }
}

/// One file of each kind a user hands over (re-indented where the app
/// writes it compact, so that it has line ends), with what it reads as.
struct WindowsFixtures {
    submission: String,
    opened: Opened,
    card: CardFile,
    index: (String, SiteIndex),
    draft: (String, StoredDraft),
    /// The workspace's text and its own compact form.
    workspace: (String, String),
    keys: String,
    key_backup: String,
}

static WINDOWS: LazyLock<WindowsFixtures> = LazyLock::new(|| {
    let submission = testkit::sample_file();
    let index = site_files("УО", [(&testkit::card(), card_file())])
        .pop()
        .unwrap()
        .1;
    let draft = StoredDraft::new("a".into(), testkit::sample_draft(), testkit::SAMPLE_AT);
    let archive = testkit::three_schools();
    WindowsFixtures {
        opened: open(&submission).unwrap(),
        submission,
        card: open_card(card_file()).unwrap(),
        index: (index.clone(), read_site_index(&index).unwrap()),
        draft: (pretty(&draft.encode()), draft),
        workspace: (pretty(&archive.to_json()), archive.to_json()),
        keys: archive.keys_file(),
        key_backup: testkit::key(testkit::SAMPLE_KEY).to_backup(
            testkit::SAMPLE_AT,
            profkarta_core::signed::keys::KeyRole::School,
        ),
    }
});

proptest! {
    // The rules' inputs are few (a member of one file, a short string, a
    // mix of line ends): the long run's case count is for the parsers.
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whichever member of a signed file is written twice, at any depth and
    /// whatever the first of the two holds, the file is refused and the
    /// repeated key named, though its signature holds for what serde_json
    /// reads (the last of the two).
    #[test]
    fn a_key_repeated_anywhere_in_a_signed_file_is_refused(at in any::<Index>(), first in any_value()) {
        let submission: Value = serde_json::from_str(&testkit::sample_file()).unwrap();
        let (text, path) = member_twice(&submission, at.index(members(&submission)), &first);
        let repeated = SubmissionError::DuplicateKey { path: path.clone() };
        prop_assert_eq!(open(&text), Err(repeated.clone()));
        let cards = Cards::new([testkit::card()]);
        prop_assert_eq!(check(&cards, "f.json", text.as_bytes()).err(), Some(ImportError::Submission(repeated)));

        let card: Value = serde_json::from_str(card_file()).unwrap();
        let (text, path) = member_twice(&card, at.index(members(&card)), &first);
        prop_assert_eq!(open_card(&text), Err(CardFileError::DuplicateKey { path }));
    }

    /// A declared fingerprint other than the key's (in any case) is refused.
    #[test]
    fn a_fingerprint_other_than_the_keys_is_refused(claimed in "[0-9A-Fa-f-]{0,24}") {
        let actual = testkit::key(testkit::SAMPLE_KEY).fingerprint();
        prop_assume!(!claimed.eq_ignore_ascii_case(&actual));
        let mut file: Value = serde_json::from_str(&testkit::sample_file()).unwrap();
        file["signature"]["fingerprint"] = claimed.clone().into();
        prop_assert_eq!(
            open(&file.to_string()),
            Err(SubmissionError::FingerprintMismatch { actual })
        );
        let mut file: Value = serde_json::from_str(card_file()).unwrap();
        file["signature"]["fingerprint"] = claimed.into();
        let actual = testkit::key(9).fingerprint();
        prop_assert_eq!(
            open_card(&file.to_string()),
            Err(CardFileError::FingerprintMismatch { actual })
        );
    }

    /// Every kind of file a user hands over reads as the original when a
    /// Windows tool saved it: a byte-order mark, CRLF line ends, or both,
    /// in any mix.
    #[test]
    fn files_saved_by_windows_tools_read_as_the_original(bom in any::<bool>(), crlf in proptest::collection::vec(any::<bool>(), 1..8)) {
        let saved = |text: &str| windows_saved(text, bom, &crlf);
        let f = &*WINDOWS;
        prop_assert_eq!(open(&saved(&f.submission)), Ok(f.opened.clone()));
        let cards = Cards::new([testkit::card()]);
        let checked = check(&cards, "f.json", saved(&f.submission).as_bytes()).map(|e| e.opened);
        prop_assert_eq!(checked, Ok(f.opened.clone()));
        prop_assert!(verifies(saved(&f.submission).as_bytes()));
        let verified = check_verified(&cards, "f.json", saved(&f.submission).as_bytes()).map(|e| e.opened);
        prop_assert_eq!(verified, Ok(f.opened.clone()));
        prop_assert_eq!(read_school_file(&saved(&f.submission)), Ok(SchoolFile::Export(Box::new(f.opened.clone()))));
        prop_assert_eq!(open_card(&saved(card_file())), Ok(f.card.clone()));
        prop_assert_eq!(read_site_index(&saved(&f.index.0)), Ok(f.index.1.clone()));
        prop_assert_eq!(decode(&saved(&f.draft.0)), Ok(f.draft.1.clone()));
        prop_assert_eq!(read_school_file(&saved(&f.draft.0)), Ok(SchoolFile::Draft { stored: Box::new(f.draft.1.clone()), unread: Vec::new() }));
        let reread = Archive::from_json(cards.clone(), &saved(&f.workspace.0)).map(|(a, problems)| (a.to_json(), problems));
        prop_assert_eq!(reread, Ok((f.workspace.1.clone(), Vec::new())));
        prop_assert_eq!(Archive::new(cards).load_keys(&saved(&f.keys)).map(|l| l.added), Ok(3));
        let restored = KeyPair::from_backup(&saved(&f.key_backup)).map(|k| k.public_key());
        prop_assert_eq!(restored, Ok(testkit::key(testkit::SAMPLE_KEY).public_key()));
    }
}
