use super::*;
use crate::department::archive::{Archive, Cards, Merged};
use crate::department::results::results;
use crate::department::review::{Decision, IndicatorReview, ReviewStatus};
use crate::testkit::{self, draft, key};

const AT: &str = "2026-10-05T10:00:00.000Z";
/// The lead's clock when a file is merged: after every file here.
const TODAY: &str = "2026-12-07T09:00:00.000Z";
const LATER: &str = "2026-10-06T09:30:00.000Z";
const PERIOD: &str = "2025/2026";
/// The card and year the lead shares out.
const CAMPAIGN: (&str, &str) = (crate::card::DEFAULT_CARD, PERIOD);
const IVANOVA: &str = "Иванова А. А.";
const PETROV: &str = "Петров Б. Б.";

/// Four schools, each claiming 1.8 and 2.1 (2 points of the 23).
fn workspace() -> Archive {
    let card = testkit::card();
    let d = |name: &str| draft(name, PERIOD, &["1.8", "2.1"]);
    testkit::archive(
        &card,
        &[
            ("a1", &d("Школа А")),
            ("b1", &d("Школа Б")),
            ("c1", &d("Школа В")),
            ("d1", &d("Школа Г")),
        ],
    )
}

fn school(archive: &Archive, id: &str) -> SchoolId {
    archive.entry(id).unwrap().school.clone()
}

fn names(archive: &Archive) -> BTreeMap<SchoolId, String> {
    archive
        .entries()
        .iter()
        .map(|e| (e.school.clone(), e.profile().name.clone()))
        .collect()
}

/// The file that counts for `school`, by its id.
fn counted_of(archive: &Archive, school: &SchoolId) -> Option<String> {
    let current = archive.current();
    (current.iter())
        .find(|e| e.school == *school)
        .map(|e| e.id().to_owned())
}

/// The lead's assignment to the first reviewer on `card`, with the lead's
/// choices of the schools' files.
fn first_assignment(lead: &Archive, card: &crate::card::Card) -> Assignment {
    Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        PERIOD,
        &names(lead),
        AT,
    )
    .counting(|school| lead.standing_choice(school, &card.id, PERIOD))
}

/// The lead with Иванова (key 101) and Петров (key 102): А and Б go to
/// Иванова, В and Г to Петров, and А also to Петров for a second opinion.
fn lead() -> Archive {
    with_reviewers(workspace())
}

/// [`lead`] over the files of `lead`.
fn with_reviewers(mut lead: Archive) -> Archive {
    for (name, seed) in [(IVANOVA, 101), (PETROV, 102)] {
        let added = lead.add_reviewer(&seal_reviewer_key(name, &key(seed), AT));
        assert_eq!(added.as_deref(), Ok(name));
    }
    let order: Vec<SchoolId> = ["a1", "b1", "c1", "d1"]
        .iter()
        .map(|id| school(&lead, id))
        .collect();
    lead.assign_evenly(CAMPAIGN, &order);
    lead.assign(CAMPAIGN, &order[0], 1, true);
    lead
}

/// A reviewer's workspace: the same files and the lead's assignment.
fn reviewer(lead: &Archive, index: usize, seed: u8) -> Archive {
    let card = testkit::card();
    let assignment = Assignment::new(
        &lead.reviewers[index],
        (&card.id, &card.title),
        PERIOD,
        &names(lead),
        AT,
    );
    let mut own = workspace();
    own.set_assignment(Some(
        Assignment::read(
            &assignment.to_json(),
            &key(seed),
            &Cards::new([testkit::card()]),
        )
        .unwrap(),
    ));
    own
}

/// The lead counts the earlier of Школа А's two files (the later was
/// exported from the wrong draft). The assignment carries the choice, and
/// the reviewer's page counts that file too: the review is of the file the
/// results go by, not of the one set aside. The lead's page asks to send
/// the assignment again once the choice changes.
#[test]
fn the_lead_s_choice_of_a_file_goes_with_the_assignment() {
    let card = testkit::card();
    // With `newer`, a third file of Школа А, later than both.
    let files = |newer: bool| {
        let d = |name: &str, claims: &[&str]| draft(name, PERIOD, claims);
        let (right, wrong) = (d("Школа А", &["1.8", "2.1"]), d("Школа А", &["1.8"]));
        let others = ["Школа Б", "Школа В", "Школа Г"].map(|name| d(name, &["1.8", "2.1"]));
        let mut list = vec![
            ("a1", &right),
            ("a2", &wrong),
            ("b1", &others[0]),
            ("c1", &others[1]),
            ("d1", &others[2]),
        ];
        if newer {
            list.push(("a3", &wrong));
        }
        testkit::archive(&card, &list)
    };
    let mut lead = with_reviewers(files(false));
    let a = school(&lead, "a1");
    let make = |lead: &Archive| first_assignment(lead, &card);
    assert_eq!(lead.standing_choice(&a, &card.id, PERIOD), None);
    assert!(
        !make(&lead).to_json().contains("counted"),
        "no choice, no field"
    );
    lead.choose("a1");
    let chosen = Chosen {
        file: "a1".into(),
        over: "a2".into(),
    };
    assert_eq!(
        lead.standing_choice(&a, &card.id, PERIOD),
        Some(chosen.clone())
    );
    let assignment = make(&lead);
    assert_eq!(assignment.schools[0].counted, Some(chosen));
    assert_eq!(assignment.schools[1].counted, None);

    let counted = |archive: &Archive| counted_of(archive, &a);
    let mut own = files(false);
    assert_eq!(
        counted(&own).as_deref(),
        Some("a2"),
        "the latest by the rules"
    );
    own.set_assignment(Some(
        Assignment::read(
            &assignment.to_json(),
            &key(101),
            &Cards::new([testkit::card()]),
        )
        .unwrap(),
    ));
    assert_eq!(counted(&own).as_deref(), Some("a1"));
    assert_eq!(own.chosen_over("a1").map(Entry::id), Some("a2"));
    assert!(own.lead_chose("a1"));
    assert_eq!(own.own_choice_waiting("a1"), None, "no choice of her own");
    // The reviewer's own choice is made over the lead's, and is theirs.
    let mut mine = own.clone();
    mine.choose("a2");
    assert_eq!(counted(&mine).as_deref(), Some("a2"));
    assert_eq!(mine.chosen_over("a2").map(Entry::id), Some("a1"));
    assert!(!mine.lead_chose("a2"));
    // The assignment taken off, the rules count again.
    own.set_assignment(None);
    assert_eq!(counted(&own).as_deref(), Some("a2"));

    lead.assignment_sent(&assignment);
    let sent = |lead: &Archive| lead.reviewers[0].sent_of(CAMPAIGN).cloned();
    assert_eq!(
        make(&lead).sending(sent(&lead).as_ref()),
        Sending::Sent { made_at: AT.into() }
    );
    lead.unchoose("a1");
    let changed = Sending::Changed {
        made_at: AT.into(),
        schools: false,
    };
    assert_eq!(make(&lead).sending(sent(&lead).as_ref()), changed);
    // The same file chosen again once a newer one came, over that one: the
    // reviewer's copy, made over the older file, does nothing there.
    let mut newer = with_reviewers(files(true));
    newer.choose("a1");
    let over = newer.standing_choice(&a, &card.id, PERIOD).map(|c| c.over);
    assert_eq!(over.as_deref(), Some("a3"));
    assert_eq!(make(&newer).sending(Some(&assignment.as_sent())), changed);

    // The reviewer had chosen a2 over a3 before the assignment came with
    // the lead's a1 over a3: the lead's counts, hers waits and is said.
    let mut waits = files(true);
    waits.choose("a2");
    assert_eq!(waits.own_choice_waiting("a2"), None, "hers counts");
    waits.set_assignment(Some(
        Assignment::read(
            &make(&newer).to_json(),
            &key(101),
            &Cards::new([testkit::card()]),
        )
        .unwrap(),
    ));
    assert_eq!(counted(&waits).as_deref(), Some("a1"));
    assert_eq!(waits.own_choice_waiting("a1").map(Entry::id), Some("a2"));
    waits.set_assignment(None);
    assert_eq!(counted(&waits).as_deref(), Some("a2"));
    assert_eq!(waits.own_choice_waiting("a2"), None);
}

#[test]
fn split_evenly_gives_runs_that_differ_by_one_at_most() {
    let schools: Vec<SchoolId> = workspace()
        .entries()
        .iter()
        .map(|e| e.school.clone())
        .collect();
    let sizes = |n| {
        split_evenly(&schools, n)
            .iter()
            .map(Vec::len)
            .collect::<Vec<_>>()
    };
    assert_eq!(sizes(3), [2, 1, 1]);
    assert_eq!(sizes(2), [2, 2]);
    assert_eq!(sizes(5), [1, 1, 1, 1, 0]);
    assert!(sizes(0).is_empty());
    assert_eq!(
        split_evenly(&schools, 2).concat(),
        schools,
        "in the order given"
    );
}

#[test]
fn assignments_and_keys() {
    let lead = lead();
    let [a, b, c, d] = ["a1", "b1", "c1", "d1"].map(|id| school(&lead, id));
    assert_eq!(
        lead.reviewers[0].schools_of(CAMPAIGN),
        [a.clone(), b.clone()]
    );
    assert_eq!(lead.reviewers[1].schools_of(CAMPAIGN), [c, d, a.clone()]);
    assert_eq!(lead.reviewers_of(CAMPAIGN, &a), [0, 1]);
    assert_eq!(lead.reviewers_of(CAMPAIGN, &b), [0]);
    assert_eq!(lead.reviewers[0].fingerprint, key(101).fingerprint());

    let mut again = lead.clone();
    assert_eq!(
        again.add_reviewer(&seal_reviewer_key("Другое имя", &key(101), AT)),
        Err(ReviewerFileError::KnownKey {
            name: IVANOVA.into()
        })
    );
    assert_eq!(
        again.add_reviewer(&seal_reviewer_key(IVANOVA, &key(103), AT)),
        Err(ReviewerFileError::NameTaken {
            name: IVANOVA.into(),
            registered: key(101).fingerprint(),
            new: key(103).fingerprint()
        })
    );
    assert_eq!(
        again.add_reviewer(&testkit::sample_file()),
        Err(ReviewerFileError::Misplaced {
            expected: ReviewerFile::Key,
            found: crate::error::Misplaced::Submission
        })
    );
    again.assign(CAMPAIGN, &a, 1, false);
    assert_eq!(again.reviewers_of(CAMPAIGN, &a), [0]);

    let card = testkit::card();
    let assignment = Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        PERIOD,
        &names(&lead),
        AT,
    );
    assert_eq!(assignment.file_name(), "задание_Иванова_А_А_2025-2026.json");
    let names: Vec<_> = assignment.schools.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Школа А", "Школа Б"]);
    let text = assignment.to_json();
    assert_eq!(
        Assignment::read(&text, &key(101), &Cards::new([testkit::card()])),
        Ok(assignment)
    );
    assert_eq!(
        Assignment::read(&text, &key(102), &Cards::new([testkit::card()])),
        Err(ReviewerFileError::OtherKey {
            reviewer: IVANOVA.to_owned(),
            assigned: key(101).fingerprint(),
            own: key(102).fingerprint()
        })
    );
    assert_eq!(
        Assignment::read(
            "{\"format\":\"profkarta-letter\"}",
            &key(101),
            &Cards::new([testkit::card()])
        ),
        Err(ReviewerFileError::Foreign(ReviewerFile::Assignment))
    );
}

/// The lead's page says whether a reviewer's assignment has changed since
/// it was downloaded; the reviewer's page, whether a file is older than the
/// one it holds.
#[test]
fn assignments_sent_and_changed() {
    let mut lead = lead();
    let card = testkit::card();
    let make = |lead: &Archive, at: &str| {
        let names = names(lead);
        Assignment::new(
            &lead.reviewers[0],
            (&card.id, &card.title),
            PERIOD,
            &names,
            at,
        )
    };
    let first = make(&lead, AT);
    assert_eq!(
        first.sending(lead.reviewers[0].sent_of(CAMPAIGN)),
        Sending::NotYet
    );
    lead.assignment_sent(&first);
    let sent = lead.reviewers[0].sent_of(CAMPAIGN).cloned();
    assert_eq!(
        make(&lead, LATER).sending(sent.as_ref()),
        Sending::Sent { made_at: AT.into() },
        "the same schools: nothing to send again"
    );
    let c = school(&lead, "c1");
    lead.assign(CAMPAIGN, &c, 0, true);
    let changed = make(&lead, LATER);
    assert_eq!(
        changed.sending(lead.reviewers[0].sent_of(CAMPAIGN)),
        Sending::Changed {
            made_at: AT.into(),
            schools: true
        }
    );
    let other_year = Assignment {
        period: "2024/2025".into(),
        ..changed.clone()
    };
    assert_eq!(other_year.sending(sent.as_ref()), Sending::NotYet);
    assert_eq!(lead.reviewers[1].last_sent(), None, "only hers is noted");

    assert!(first.older_than(&changed));
    assert!(!changed.older_than(&first));
    // Of another year, neither is older.
    let last_year = Assignment {
        period: "2024/2025".into(),
        ..first.clone()
    };
    assert!(!last_year.older_than(&changed) && !last_year.same_campaign(&changed));
    let undated = Assignment {
        made_at: String::new(),
        ..first.clone()
    };
    assert!(!undated.older_than(&changed) && !changed.older_than(&undated));
    assert!(!undated.to_json().contains("made_at"), "as files before it");
    assert_eq!(
        Assignment::read(
            &undated.to_json(),
            &key(101),
            &Cards::new([testkit::card()])
        ),
        Ok(undated)
    );
}

/// A decision two reviewers made alike is both of theirs: the first one's
/// change of mind is a conflict with the second, not taken silently (a
/// walk-through lost the second opinion, and the school a point), and a
/// reviewer who takes back her agreement leaves the decision to the other.
#[test]
fn a_decision_two_reviewers_share_is_not_changed_by_one() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    let mut petrov = reviewer(&lead, 1, 102);
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    petrov.set_decision("a1", "1.8", Some(Decision::Confirm));
    lead.merge_review(&ivanova.review_file(&key(101), AT).unwrap(), TODAY)
        .unwrap();
    let merged = lead
        .merge_review(&petrov.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    assert_eq!(merged.same, 1);
    let shared = lead.review("a1").indicators["1.8"].clone();
    assert_eq!(
        (shared.by.as_str(), shared.agreed.clone()),
        (IVANOVA, vec![PETROV.to_owned()])
    );

    // Both give their reasons for one decision: both are kept, once each,
    // however often the files come (a walk-through lost Петров's).
    let mut reasons = self::lead();
    let (mut hers, mut his) = (ivanova.clone(), petrov.clone());
    hers.set_review_comment("a1", "1.8", "Охват не подтверждён.".into());
    his.set_review_comment("a1", "1.8", "Списки участников не приложены".into());
    for _ in 0..2 {
        send(&mut reasons, &hers, 101, AT);
        send(&mut reasons, &his, 102, AT);
    }
    send(&mut reasons, &hers, 101, AT);
    assert_eq!(
        reasons.review("a1").indicators["1.8"].comment,
        "Охват не подтверждён; Списки участников не приложены"
    );
    // Her own reason changed: hers is the new one, his stays (a review).
    hers.set_review_comment("a1", "1.8", "Охват 20 %, а не 35 %".into());
    send(&mut reasons, &hers, 101, LATER);
    assert_eq!(
        reasons.review("a1").indicators["1.8"].comment,
        "Охват 20 %, а не 35 %; Списки участников не приложены"
    );
    // Hers taken back, his words alone stand with his decision.
    let mut back = hers.clone();
    back.set_decision("a1", "1.8", None);
    send(&mut reasons, &back, 101, TODAY);
    let his_alone = &reasons.review("a1").indicators["1.8"];
    assert_eq!(
        (his_alone.by.as_str(), his_alone.comment.as_str()),
        (PETROV, "Списки участников не приложены")
    );

    // Иванова changes her mind: Петров's decision stands, against hers.
    let mut changed = ivanova.clone();
    changed.set_decision("a1", "1.8", Some(Decision::NoPoint));
    changed.set_review_comment("a1", "1.8", "Ссылка не открывается".into());
    let mut disputed = lead.clone();
    let merged = disputed
        .merge_review(&changed.review_file(&key(101), LATER).unwrap(), TODAY)
        .unwrap();
    assert_eq!((merged.taken, merged.conflicts), (0, 1));
    let stands = &disputed.review("a1").indicators["1.8"];
    assert_eq!(
        (stands.decision, stands.by.as_str(), stands.agreed.len()),
        (Some(Decision::Confirm), PETROV, 0)
    );
    assert_eq!(disputed.conflicts[0].theirs.by, IVANOVA);
    assert_eq!(
        disputed.conflicts[0].theirs.decision,
        Some(Decision::NoPoint)
    );

    // Петров takes his back: Иванова's change is then hers to make.
    let mut undone = petrov.clone();
    undone.set_decision("a1", "1.8", None);
    let merged = lead
        .merge_review(&undone.review_file(&key(102), LATER).unwrap(), TODAY)
        .unwrap();
    assert_eq!(merged.withdrawn, 1);
    let alone = &lead.review("a1").indicators["1.8"];
    assert_eq!(
        (alone.decision, alone.by.as_str(), alone.agreed.len()),
        (Some(Decision::Confirm), IVANOVA, 0)
    );
    let merged = lead
        .merge_review(&changed.review_file(&key(101), LATER).unwrap(), TODAY)
        .unwrap();
    assert_eq!((merged.taken, merged.conflicts), (1, 0));
    assert_eq!(
        lead.review("a1").indicators["1.8"].decision,
        Some(Decision::NoPoint)
    );

    // Иванова taking hers back while Петров agrees leaves it his.
    let mut both = self::lead();
    both.merge_review(&ivanova.review_file(&key(101), AT).unwrap(), TODAY)
        .unwrap();
    both.merge_review(&petrov.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    let mut withdrawn = ivanova.clone();
    withdrawn.set_decision("a1", "1.8", None);
    let merged = both
        .merge_review(&withdrawn.review_file(&key(101), LATER).unwrap(), TODAY)
        .unwrap();
    assert_eq!(merged.withdrawn, 1);
    let his = &both.review("a1").indicators["1.8"];
    assert_eq!(
        (his.decision, his.by.as_str(), his.agreed.len()),
        (Some(Decision::Confirm), PETROV, 0)
    );
}

/// The log's word for a file: the same file again brings nothing new, a
/// changed comment is news, and a file of schools all left out is not
/// «принят» (a walk-through).
#[test]
fn the_log_says_whether_a_file_brought_anything() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    assert_eq!(
        send(&mut lead, &ivanova, 101, AT).verdict(),
        ("принят", true)
    );
    let again = send(&mut lead, &ivanova, 101, AT);
    assert_eq!(again.verdict(), ("принят, нового нет", true));
    ivanova.set_review_comment("a1", "1.8", "Ссылка не открывается".into());
    let comment = send(&mut lead, &ivanova, 101, LATER);
    assert_eq!((comment.comments, comment.verdict()), (1, ("принят", true)));
    assert!(comment
        .summary()
        .contains("; изменено комментариев к решениям: 1"));
    // Her school taken from her since: nothing of her next file is taken.
    let a = school(&lead, "a1");
    lead.assign(CAMPAIGN, &a, 0, false);
    ivanova.set_review_comment("a1", "1.8", "Ссылка открывается, но пуста".into());
    let outside = send(&mut lead, &ivanova, 101, TODAY);
    assert_eq!(outside.not_assigned, ["Школа А"]);
    assert_eq!(
        outside.verdict(),
        ("не принят: ни одно решение из него не принято", false)
    );
}

/// A comment on an indicator left «не решено» (a question for the lead)
/// is said on the reviewer's side before sending, and counted on the
/// lead's, not dropped without a word (a walk-through).
#[test]
fn a_comment_without_a_decision_is_said_on_both_sides() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    assert!(ivanova.notes_without_decision().is_empty());
    ivanova.set_review_comment("a1", "4.1", "Уточнить у школы до 10.10".into());
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    assert_eq!(ivanova.notes_without_decision(), ["«Школа А» (4.1)"]);
    let merged = send(&mut lead, &ivanova, 101, AT);
    assert_eq!((merged.taken, merged.notes), (1, 1));
    assert!(merged.summary().ends_with(
        "; комментариев без решения (в рабочую область не вносятся, их текст — в файле \
         проверки): 1."
    ));
    // Decided, it is a decision's comment like any other.
    ivanova.set_decision("a1", "4.1", Some(Decision::NoPoint));
    assert!(ivanova.notes_without_decision().is_empty());
}

/// A check a reviewer finished and then opened again is open again at the
/// lead's: the letter no longer says «по итогам проверки» (a walk-through).
/// One the lead finished stays finished.
#[test]
fn a_check_the_reviewer_opens_again_is_open_again() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    ivanova.set_checked("a1", true);
    lead.merge_review(&ivanova.review_file(&key(101), AT).unwrap(), TODAY)
        .unwrap();
    assert!(lead.review("a1").checked);
    let mut again = ivanova.clone();
    again.set_checked("a1", false);
    again.set_decision("a1", "2.1", Some(Decision::NoPoint));
    let file = again.review_file(&key(101), LATER).unwrap();
    let merged = lead.clone().merge_review(&file, TODAY).unwrap();
    assert_eq!(merged.reopened, 1);
    assert!(merged
        .summary()
        .contains("; проверок, снова открытых проверяющим: 1"));
    let mut reopened = lead.clone();
    reopened.merge_review(&file, TODAY).unwrap();
    assert!(!reopened.review("a1").checked);
    // Finished by the lead, not by her: her open check does not undo it.
    lead.set_checked("a1", true);
    let merged = lead.merge_review(&file, TODAY).unwrap();
    assert_eq!(merged.reopened, 0);
    assert!(lead.review("a1").checked);
}

/// Two reviewers, one school seen by both: decisions on different schools
/// and indicators merge silently; the one disagreement waits for the lead,
/// with both comments; the rating follows what the lead chose.
#[test]
fn two_reviewers_merge_with_one_conflict() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    ivanova.set_review_comment("a1", "1.8", "Мероприятия нет на сайте".into());
    ivanova.set_decision("a1", "2.1", Some(Decision::Confirm));
    ivanova.set_decision("b1", "1.8", Some(Decision::Confirm));
    ivanova.set_checked("b1", true);
    // Not her school: her file leaves it out.
    ivanova.set_decision("c1", "1.8", Some(Decision::NoPoint));

    let mut petrov = reviewer(&lead, 1, 102);
    petrov.set_decision("a1", "1.8", Some(Decision::Confirm));
    petrov.set_review_comment("a1", "1.8", "Ссылка открывается, приказ есть".into());
    petrov.set_decision("a1", "2.1", Some(Decision::Confirm));
    petrov.set_decision("c1", "2.1", Some(Decision::NoPoint));

    // A decision of Петров's that came with the lead's backup is not hers
    // to sign.
    let mut foreign = IndicatorReview {
        decision: Some(Decision::NotApplicable),
        ..Default::default()
    };
    foreign.by = PETROV.into();
    ivanova
        .review_mut("b1")
        .indicators
        .insert("3.1".into(), foreign);
    let from_ivanova = ivanova.review_file(&key(101), AT).unwrap();
    let signed = open_review(&from_ivanova).unwrap();
    assert!(!signed.reviews["b1"].indicators.contains_key("3.1"));
    let from_petrov = petrov.review_file(&key(102), AT).unwrap();
    let assignment = ivanova.assignment().cloned().unwrap();
    assert_eq!(
        review_file_name(&assignment, "03.12.2026 14:05"),
        format!(
            "проверка_{}_2025-2026_03.12.2026_14-05.json",
            crate::text::file_stem(&assignment.reviewer)
        )
    );
    // She is told which of her decisions stay behind; a decision taken
    // back is none.
    assert_eq!(ivanova.decided_outside(), ["«Школа В»"]);
    let mut undone = ivanova.clone();
    undone.set_decision("c1", "1.8", None);
    assert_eq!(undone.decided_outside(), Vec::<String>::new());
    assert_eq!(petrov.decided_outside(), Vec::<String>::new());
    assert_eq!(
        open_review(&from_ivanova).unwrap().reviews.len(),
        2,
        "А and Б only"
    );

    let merged = lead.merge_review(&from_ivanova, TODAY).unwrap();
    assert_eq!((merged.taken, merged.same, merged.conflicts), (3, 0, 0));
    let merged = lead.merge_review(&from_petrov, TODAY).unwrap();
    assert_eq!((merged.taken, merged.same, merged.conflicts), (1, 1, 1));
    assert_eq!(
        merged.summary(),
        "Петров Б. Б.: принято решений 1, совпало 1, конфликтов 1."
    );

    // Петров's file again, and then with his mind changed: the conflict is
    // replaced, then gone, never doubled. Loaded again, the file opens no
    // new conflict, and says the old one still waits.
    let again = lead.merge_review(&from_petrov, TODAY).unwrap();
    assert_eq!(lead.conflicts.len(), 1);
    assert_eq!((again.same, again.conflicts, again.still_open), (2, 0, 1));
    assert_eq!(
        again.summary(),
        "Петров Б. Б.: принято решений 0, совпало 2, конфликтов 0; конфликтов, открытых прежним \
         файлом и ещё не разобранных: 1."
    );
    let mut agreeing = petrov.clone();
    agreeing.set_decision("a1", "1.8", Some(Decision::NoPoint));
    let agreed = lead
        .clone()
        .merge_review(&agreeing.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    assert_eq!((agreed.same, agreed.conflicts), (3, 0));
    let mut settled = lead.clone();
    settled
        .merge_review(&agreeing.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    assert!(settled.conflicts.is_empty());

    // The conflict: ours (Иванова) stands until the lead chooses.
    let conflict = &lead.conflicts[0];
    assert_eq!(
        (conflict.submission_id.as_str(), conflict.code.as_str()),
        ("a1", "1.8")
    );
    assert_eq!(conflict.theirs.by, PETROV);
    assert_eq!(conflict.theirs.comment, "Ссылка открывается, приказ есть");
    let ours = &lead.review("a1").indicators["1.8"];
    assert_eq!(
        (ours.decision, ours.by.as_str()),
        (Some(Decision::NoPoint), IVANOVA)
    );
    assert_eq!(ours.comment, "Мероприятия нет на сайте");
    let total = |lead: &Archive, id: &str| {
        let card = testkit::card();
        results(lead, &card.id, PERIOD)
            .into_iter()
            .find(|r| r.submission_id == id)
            .unwrap()
            .score
            .total
    };
    assert_eq!(total(&lead, "a1"), 1, "1.8 not counted while in conflict");
    assert_eq!(total(&lead, "c1"), 1, "Петров: no point for 2.1");
    assert_eq!(lead.review("b1").status(), ReviewStatus::Checked);

    lead.resolve(0, true);
    assert!(lead.conflicts.is_empty());
    assert_eq!(total(&lead, "a1"), 2);
    let names: Vec<String> = lead.reviewed_by("a1").into_iter().collect();
    assert_eq!(names, [IVANOVA, PETROV]);

    // Loading both files again changes nothing and reopens nothing.
    let before = lead.reviews.clone();
    let again = lead.merge_review(&from_ivanova, TODAY).unwrap();
    assert_eq!(
        (again.taken, again.same, again.conflicts, again.settled),
        (0, 2, 0, 1)
    );
    lead.merge_review(&from_petrov, TODAY).unwrap();
    assert_eq!(lead.reviews, before);
    assert!(lead.conflicts.is_empty());

    // A decision of the lead's own is the workspace's, not a reviewer's;
    // Иванова, overruled on 1.8, still reviewed the school.
    lead.set_decision("a1", "2.1", Some(Decision::NoPoint));
    let names: Vec<String> = lead.reviewed_by("a1").into_iter().collect();
    assert_eq!(names, ["", IVANOVA, PETROV]);

    // Everything survives the backup.
    let back = Archive::from_json(lead.cards().clone(), &lead.to_json())
        .unwrap()
        .0;
    assert_eq!(back.reviewers, lead.reviewers);
    assert_eq!(back.settled, lead.settled);
    assert_eq!(back.reviews, lead.reviews);
}

/// A walk-through: Иванова sends a file, changes her mind in a second one,
/// and the lead loads the second first. The first, older, is refused whole;
/// and Петров's conflict with her first decision closes once her newer
/// file agrees with him.
#[test]
fn an_older_file_never_takes_back_newer_decisions() {
    const LATER: &str = "2026-10-06T09:00:00.000Z";
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    let first = ivanova.review_file(&key(101), AT).unwrap();
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    let second = ivanova.review_file(&key(101), LATER).unwrap();

    lead.merge_review(&second, TODAY).unwrap();
    assert_eq!(
        lead.merge_review(&first, TODAY).unwrap_err().to_string(),
        "Этот файл проверки («Иванова А. А.») сделан раньше уже загруженного файла того же \
         проверяющего за тот же год: его решения не приняты, чтобы не заменить более поздние."
    );
    assert_eq!(lead.review("a1").decision("1.8"), Some(Decision::Confirm));
    // The same file again is not older than itself.
    assert!(lead.merge_review(&second, TODAY).is_ok());
    // Remembered in the workspace and its backup.
    let back = Archive::from_json(lead.cards().clone(), &lead.to_json())
        .unwrap()
        .0;
    assert_eq!(back.reviewers[0].last_file_of(CAMPAIGN), LATER);
    assert_eq!(back.reviewers[0].last_file_of(("другая-карта", PERIOD)), "");

    // In order: her first file, Петров's disagreeing one (a conflict), her
    // second, which agrees with him: the conflict is gone.
    let mut lead = self::lead();
    let mut petrov = reviewer(&lead, 1, 102);
    petrov.set_decision("a1", "1.8", Some(Decision::Confirm));
    lead.merge_review(&first, TODAY).unwrap();
    lead.merge_review(&petrov.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    assert_eq!(lead.conflicts.len(), 1);
    lead.merge_review(&second, TODAY).unwrap();
    assert!(lead.conflicts.is_empty());
    assert_eq!(lead.review("a1").decision("1.8"), Some(Decision::Confirm));
}

/// A reviewer on a new computer (key 111) keeps her schools and accepted
/// decisions; files of her old key are refused from then on.
#[test]
fn a_reviewer_s_key_is_replaced_keeping_her_schools() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    let old_file = ivanova.review_file(&key(101), AT).unwrap();
    send(&mut lead, &ivanova, 101, AT);
    let schools = lead.reviewers[0].schools_of(CAMPAIGN).to_vec();
    let new_key = seal_reviewer_key(IVANOVA, &key(111), AT);
    assert_eq!(
        lead.add_reviewer(&new_key),
        Err(ReviewerFileError::NameTaken {
            name: IVANOVA.to_owned(),
            registered: key(101).fingerprint(),
            new: key(111).fingerprint()
        })
    );
    assert_eq!(
        lead.replace_reviewer_key(&new_key),
        Ok((IVANOVA.to_owned(), key(111).fingerprint()))
    );
    assert_eq!(lead.reviewers[0].schools_of(CAMPAIGN), schools);
    assert_eq!(lead.review("a1").indicators["1.8"].by, IVANOVA);
    assert_eq!(
        lead.merge_review(&old_file, TODAY),
        Err(ReviewerFileError::ReplacedKey {
            name: IVANOVA.to_owned(),
            old: key(101).fingerprint(),
            now: key(111).fingerprint()
        })
    );
    // Her new computer's file, made with her assignment given anew.
    let mut again = reviewer(&lead, 0, 111);
    again.set_decision("b1", "1.8", Some(Decision::Confirm));
    assert_eq!(send(&mut lead, &again, 111, AT).taken, 1);
    // A key already registered is not taken twice.
    assert!(matches!(
        lead.replace_reviewer_key(&seal_reviewer_key(IVANOVA, &key(102), AT)),
        Err(ReviewerFileError::KnownKey { .. })
    ));
}

/// The reviewer's file from `from` (key `seed`) merged at the lead's.
fn send(lead: &mut Archive, from: &Archive, seed: u8, at: &str) -> Merged {
    lead.merge_review(&from.review_file(&key(seed), at).unwrap(), TODAY)
        .unwrap()
}

/// A reviewer who puts a decision back to «не решено» takes it back: in
/// force, it is undecided again; waiting in a conflict, the conflict goes.
/// The lead's own decision is not theirs to take back.
#[test]
fn a_decision_put_back_to_undecided_is_taken_back() {
    const LATER: &str = "2026-10-06T09:00:00.000Z";
    const LATEST: &str = "2026-10-07T09:00:00.000Z";
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    ivanova.set_decision("b1", "1.8", Some(Decision::NoPoint));
    ivanova.set_decision("b1", "2.1", Some(Decision::NoPoint));
    send(&mut lead, &ivanova, 101, AT);
    // Петров disagrees on А: a conflict, hers in force.
    let mut petrov = reviewer(&lead, 1, 102);
    petrov.set_decision("a1", "1.8", Some(Decision::Confirm));
    send(&mut lead, &petrov, 102, AT);
    assert_eq!(lead.conflicts.len(), 1);
    // The lead decides Б 2.1 himself.
    lead.set_decision("b1", "2.1", Some(Decision::Confirm));

    for (code, id) in [("1.8", "a1"), ("1.8", "b1"), ("2.1", "b1")] {
        ivanova.set_decision(id, code, None);
    }
    let merged = send(&mut lead, &ivanova, 101, LATER);
    assert_eq!(merged.withdrawn, 2, "А and Б 1.8; Б 2.1 is the lead's");
    assert!(merged
        .summary()
        .contains("; отозвано проверяющим прежних решений: 2"));
    assert_eq!(lead.review("b1").decision("1.8"), None);
    assert_eq!(lead.review("b1").decision("2.1"), Some(Decision::Confirm));
    // А: her decision gone, Петров's, waiting against it, stands alone.
    assert_eq!(lead.review("a1").decision("1.8"), Some(Decision::Confirm));
    assert_eq!(lead.review("a1").indicators["1.8"].by, PETROV);
    assert!(lead.conflicts.is_empty());
    // Taken back by him too: undecided.
    petrov.set_decision("a1", "1.8", None);
    let merged = send(&mut lead, &petrov, 102, LATEST);
    assert_eq!(merged.withdrawn, 1);
    assert_eq!(lead.review("a1").decision("1.8"), None);

    // A conflict of his waiting against hers, taken back: the conflict goes,
    // hers stays.
    let mut lead = self::lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    send(&mut lead, &ivanova, 101, AT);
    let mut petrov = reviewer(&lead, 1, 102);
    petrov.set_decision("a1", "1.8", Some(Decision::Confirm));
    send(&mut lead, &petrov, 102, AT);
    petrov.set_decision("a1", "1.8", None);
    let merged = send(&mut lead, &petrov, 102, LATER);
    assert_eq!(merged.withdrawn, 1);
    assert!(lead.conflicts.is_empty());
    assert_eq!(lead.review("a1").decision("1.8"), Some(Decision::NoPoint));
}

/// A reviewer who starts from the lead's backup (as the README allows)
/// holds the lead's decisions and other reviewers': none of them is signed
/// as theirs, nor named as theirs outside the assignment. Their own earlier
/// decisions, accepted by the lead, stay theirs.
#[test]
fn a_reviewer_starting_from_the_lead_s_backup_signs_only_their_own() {
    use crate::department::archive::unpack_restored;
    let mut lead = lead();
    // Петров's second opinion on А, merged: his.
    let mut petrov = reviewer(&lead, 1, 102);
    petrov.set_decision("a1", "2.1", Some(Decision::Confirm));
    lead.merge_review(&petrov.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    // The lead's own: on А and Б (Иванова's) and on В (Петров's).
    lead.set_decision("a1", "1.8", Some(Decision::NoPoint));
    lead.set_decision("b1", "2.1", Some(Decision::NotApplicable));
    lead.set_decision("c1", "1.8", Some(Decision::Confirm));
    let backup = lead.to_json();
    let from_backup = |index: usize, seed: u8| {
        let (mut own, problems) =
            Archive::filed(unpack_restored(lead.cards().clone(), &backup).unwrap());
        assert!(problems.is_empty());
        own.set_assignment(reviewer(&lead, index, seed).assignment().cloned());
        own
    };
    let signed = |own: &Archive, seed: u8| {
        open_review(&own.review_file(&key(seed), AT).unwrap())
            .unwrap()
            .reviews
    };

    let mut ivanova = from_backup(0, 101);
    assert!(signed(&ivanova, 101).is_empty(), "nothing of hers yet");
    assert!(
        ivanova.decided_outside().is_empty(),
        "В's decision is the lead's"
    );
    // Deciding again makes a decision hers, and only that one.
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    let hers = signed(&ivanova, 101);
    assert_eq!(hers.keys().collect::<Vec<_>>(), ["a1"]);
    assert_eq!(hers["a1"].decision("1.8"), Some(Decision::Confirm));
    assert_eq!(hers["a1"].decision("2.1"), None, "Петров's");
    // Her own backup carries her assignment: her decisions stay hers.
    let (again, _) =
        Archive::filed(unpack_restored(lead.cards().clone(), &ivanova.to_json()).unwrap());
    assert_eq!(signed(&again, 101), hers);

    // Петров from the same backup: his merged decision is his, the lead's
    // on А and В are not.
    let petrov = from_backup(1, 102);
    let his = signed(&petrov, 102);
    assert_eq!(his.keys().collect::<Vec<_>>(), ["a1"]);
    assert_eq!(his["a1"].decision("2.1"), Some(Decision::Confirm));
    assert_eq!(his["a1"].decision("1.8"), None);

    // The lead's workspace read back from its own storage is unmarked.
    let (stored, _) = Archive::from_json(lead.cards().clone(), &backup).unwrap();
    assert!(stored.review("c1").indicators["1.8"].made_here());
}

#[test]
fn decisions_outside_the_assignment_or_the_workspace_are_left_out() {
    let mut lead = lead();
    let mut reviews = BTreeMap::new();
    let mut decided = Review::default();
    decided.indicators.insert(
        "1.8".into(),
        IndicatorReview {
            decision: Some(Decision::NoPoint),
            ..Default::default()
        },
    );
    reviews.insert("c1".to_owned(), decided.clone());
    reviews.insert("zz".to_owned(), decided);
    let assignment = reviewer(&lead, 0, 101).assignment().cloned().unwrap();
    let text = seal_review(&assignment, reviews, &key(101), AT);
    let merged = lead.merge_review(&text, TODAY).unwrap();
    assert_eq!(
        (merged.taken, merged.not_assigned.len(), merged.missing),
        (0, 1, 1)
    );
    assert!(merged
        .summary()
        .contains("не назначенных этому проверяющему: «Школа В»"));
    assert_eq!(lead.review("c1").decision("1.8"), None);
}

#[test]
fn each_way_a_review_file_can_be_wrong_is_named() {
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    let text = ivanova.review_file(&key(101), AT).unwrap();

    // A stranger signs a review of Иванова's assignment with their own key.
    let stranger = ivanova.review_file(&key(104), AT).unwrap();
    assert_eq!(
        lead.merge_review(&stranger, TODAY),
        Err(ReviewerFileError::UnknownReviewer {
            name: IVANOVA.into(),
            fingerprint: key(104).fingerprint()
        })
    );
    let altered = text.replacen("no_point", "confirm", 1);
    assert_eq!(
        lead.merge_review(&altered, TODAY),
        Err(ReviewerFileError::Signed(SubmissionError::SignatureInvalid))
    );
    let twice = text.replacen("\"decision\"", "\"decision\": \"confirm\", \"decision\"", 1);
    assert!(matches!(
        lead.merge_review(&twice, TODAY),
        Err(ReviewerFileError::Signed(
            SubmissionError::DuplicateKey { .. }
        ))
    ));
    assert_eq!(
        lead.merge_review("не JSON", TODAY),
        Err(ReviewerFileError::NotJson)
    );
    // Another of Profkarta's files is named, with where it opens.
    let school_file = lead.merge_review(&testkit::sample_file(), TODAY);
    assert_eq!(
        school_file.unwrap_err().to_string(),
        "Это выгрузка школы, а не файл проверки: её загружают на вкладке «Загрузка файлов»."
    );
    let key_file = seal_reviewer_key(IVANOVA, &key(101), AT);
    assert_eq!(
        lead.merge_review(&key_file, TODAY).unwrap_err().to_string(),
        "Это файл ключа проверяющего, а не файл проверки: его добавляют на вкладке \
         «Проверяющие» кнопкой «Добавить проверяющего (файл ключа)»."
    );
    assert_eq!(
        lead.merge_review("{\"format\": \"что-то\"}", TODAY),
        Err(ReviewerFileError::Foreign(ReviewerFile::Review))
    );
    assert!(lead.reviews.is_empty(), "nothing refused was taken");
    // With a BOM and CRLF line ends, as Windows tools save it.
    let windows = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    assert_eq!(lead.merge_review(&windows, TODAY).unwrap().taken, 1);
}

/// Flipping any bit of any byte never gets other decisions accepted.
#[test]
fn no_flipped_bit_gets_changed_decisions_accepted() {
    let lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    ivanova.set_review_comment("a1", "1.8", "Нет".into());
    let text = ivanova.review_file(&key(101), AT).unwrap();
    let original = open_review(&text).unwrap();
    testkit::assert_no_flip_accepted(&text, open_review, &original);
}

/// Each school under whoever checked it: the lead whose decision was
/// overruled too, and a reviewer who finished a school with no decision
/// (both were left out).
#[test]
fn the_report_names_who_reviewed_which_school() {
    let mut lead = lead();
    let card = testkit::card();
    let now = |lead: &Archive| results(lead, &card.id, PERIOD);
    let report = |lead: &Archive| {
        let coordinator = lead.coordinator(Some(&key(109).fingerprint()));
        crate::department::report::reviewers(lead, &now(lead), &coordinator)
    };
    lead.set_decision("d1", "1.8", Some(Decision::Confirm));
    lead.set_checked("d1", true);
    lead.set_decision("b1", "1.8", Some(Decision::Confirm));
    assert_eq!(report(&lead), None, "only the coordinator reviewed");
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::Confirm));
    ivanova.set_checked("a1", true);
    ivanova.set_decision("b1", "2.1", Some(Decision::Confirm));
    ivanova.set_decision("b1", "1.8", Some(Decision::NoPoint));
    lead.merge_review(&ivanova.review_file(&key(101), AT).unwrap(), TODAY)
        .unwrap();
    lead.resolve(0, true);
    // Петров finishes В with no decision, and Г, which the lead finished,
    // and А, which Иванова did: the credit is the first one's.
    let mut petrov = reviewer(&lead, 1, 102);
    for id in ["c1", "d1", "a1"] {
        petrov.set_checked(id, true);
    }
    lead.merge_review(&petrov.review_file(&key(102), AT).unwrap(), TODAY)
        .unwrap();
    assert!(lead.review("c1").checked);
    assert_eq!(lead.review("a1").checked_by, IVANOVA);
    assert_eq!(lead.review("d1").checked_by, "");
    assert_eq!(
        report(&lead).as_deref(),
        Some(
            "Проверку объективности провели: координатор отдела — Школа Б, Школа Г; \
             Иванова А. А. — Школа А, Школа Б; Петров Б. Б. — Школа В."
        )
    );
    // Finished again here, the check is no longer Петров's.
    lead.set_checked("c1", false);
    lead.set_checked("c1", true);
    assert!(!report(&lead).unwrap().contains("Петров"));
    // A lead who took a share of the schools under this computer's key is
    // named as the assignment table names them.
    let mut named = lead.clone();
    named
        .add_reviewer(&seal_reviewer_key("Сидорова В. В.", &key(109), AT))
        .unwrap();
    assert!(report(&named).unwrap().starts_with(
        "Проверку объективности провели: Сидорова В. В. (координатор отдела) — Школа Б, Школа Г; "
    ));
    // A reviewer's page with the lead's list of reviewers (from the lead's
    // backup) is no coordinator's.
    petrov.reviewers = named.reviewers.clone();
    let own = key(102).fingerprint();
    assert_eq!(petrov.coordinator(Some(&own)), "координатор отдела");
    assert_eq!(
        named.coordinator(Some(&own)),
        "Петров Б. Б. (координатор отдела)",
        "on a page without an assignment, the reviewer of this key"
    );
}

#[test]
fn the_roster_names_each_schools_reviewers() {
    use crate::department::roster::{from_results, roster_table, statuses};
    let mut lead = lead();
    let card = testkit::card();
    let rows = |lead: &Archive| statuses(&lead.roster, lead, &card.id, PERIOD, "2026-10-01");
    lead.roster.schools = from_results(&lead.roster, &[&results(&lead, &card.id, PERIOD)], &[]);
    let by_name = |lead: &Archive| {
        rows(lead)
            .into_iter()
            .map(|r| (r.school.name, r.reviewers))
            .collect::<BTreeMap<_, _>>()
    };
    let named = by_name(&lead);
    assert_eq!(named["Школа А"], [IVANOVA, PETROV]);
    assert_eq!(named["Школа Г"], [PETROV]);
    let table = roster_table(&rows(&lead));
    assert_eq!(
        table.headers.last().map(String::as_str),
        Some("Проверяющий")
    );
    // Without reviewers the export keeps its columns.
    lead.reviewers.clear();
    assert!(by_name(&lead).values().all(Vec::is_empty));
    assert_eq!(roster_table(&rows(&lead)).headers.len(), 6);
}

/// A reviewer who checked a file the school has corrected since: her
/// decision about an answer the correction kept goes to the new file, the
/// one about a changed answer is left out and the school named; before,
/// both were «принято» and applied to the replaced file, which counts for
/// nothing.
#[test]
fn decisions_about_a_replaced_file_go_to_the_file_that_counts() {
    const CORRECTED: &str = "2026-10-01T09:00:00.000Z";
    let card = testkit::card();
    let mut lead = lead();
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    ivanova.set_decision("a1", "2.1", Some(Decision::NoPoint));
    ivanova.set_checked("a1", true);
    // Школа А corrects its file: 1.8 as before, 2.1 no longer claimed.
    let corrected = draft("Школа А", PERIOD, &["1.8"]);
    let text = testkit::sign(
        &card,
        &corrected,
        testkit::meta("a2", CORRECTED, Some("a1")),
        b'a',
    );
    lead.admit_all(vec![testkit::entry(&card, "a2", &text)]);

    let merged = send(&mut lead, &ivanova, 101, LATER);
    assert_eq!((merged.taken, merged.moved), (1, 1));
    assert_eq!(merged.outdated, ["Школа А"]);
    assert!(merged.summary().contains(
        "; решения по прежней выгрузке школы перенесены в новую (ответ тот же): 1; не приняты \
         решения по прежней выгрузке, ответ в новой изменён: «Школа А» (пришлите проверяющему \
         новое задание)"
    ));
    let now = lead.review("a2");
    assert_eq!(now.decision("1.8"), Some(Decision::NoPoint));
    assert_eq!(now.decision("2.1"), None);
    // Her finished check was of the old file: the new one is not checked.
    assert_ne!(now.status(), ReviewStatus::Checked);
    // The rating counts the corrected file with her decision: 0 points of
    // its 1.8 claim; it claims no 2.1.
    let counted = results(&lead, crate::card::DEFAULT_CARD, PERIOD);
    let a = counted.iter().find(|r| r.name() == "Школа А").unwrap();
    assert_eq!(a.submission_id, "a2");
    assert_eq!(a.score.total, 0);

    // Her workspace holds the correction too, and her file reviews both:
    // the old file's decisions do not overwrite the new one's, whichever
    // the file lists first (by id: «a0» before «a1», «a2» after).
    for new in ["a0", "a2"] {
        let text = testkit::sign(
            &card,
            &corrected,
            testkit::meta(new, CORRECTED, Some("a1")),
            b'a',
        );
        let mut lead = self::lead();
        lead.admit_all(vec![testkit::entry(&card, new, &text)]);
        let mut ivanova = reviewer(&lead, 0, 101);
        ivanova.admit_all(vec![testkit::entry(&card, new, &text)]);
        ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
        ivanova.set_decision(new, "1.8", Some(Decision::Confirm));
        let merged = send(&mut lead, &ivanova, 101, LATER);
        assert_eq!((merged.taken, merged.moved), (1, 0), "{new}");
        assert!(merged.outdated.is_empty(), "{new}");
        assert_eq!(lead.review(new).decision("1.8"), Some(Decision::Confirm));
    }
}

/// The reviewer's own choice (a1 over a2) lapsed when a3 and a4 came; the
/// lead's assignment counts a3 over a4. Her choice is not said to wait:
/// without the assignment a4 counts, not a1.
#[test]
fn a_lapsed_own_choice_is_not_said_to_wait() {
    let card = testkit::card();
    let d = |name: &str, claims: &[&str]| draft(name, PERIOD, claims);
    let (right, wrong) = (d("Школа А", &["1.8", "2.1"]), d("Школа А", &["1.8"]));
    let others = ["Школа Б", "Школа В", "Школа Г"].map(|name| d(name, &["1.8", "2.1"]));
    let base = vec![
        ("a1", &right),
        ("a2", &wrong),
        ("b1", &others[0]),
        ("c1", &others[1]),
        ("d1", &others[2]),
    ];
    let mut all = base.clone();
    all.push(("a3", &right));
    all.push(("a4", &wrong));
    let full = testkit::archive(&card, &all);
    let mut lead = with_reviewers(full.clone());
    lead.choose("a3");
    let assignment = first_assignment(&lead, &card);
    let a = school(&lead, "a1");
    let counted = |archive: &Archive| counted_of(archive, &a);
    let mut own = testkit::archive(&card, &base);
    own.choose("a1");
    assert_eq!(counted(&own).as_deref(), Some("a1"));
    own.admit_all(vec![
        full.entry("a3").unwrap().clone(),
        full.entry("a4").unwrap().clone(),
    ]);
    assert_eq!(counted(&own).as_deref(), Some("a4"), "her choice lapsed");
    own.set_assignment(Some(
        Assignment::read(
            &assignment.to_json(),
            &key(101),
            &Cards::new([testkit::card()]),
        )
        .unwrap(),
    ));
    assert_eq!(counted(&own).as_deref(), Some("a3"));
    assert_eq!(own.own_choice_waiting("a3"), None);
}

/// A review file's date must read as one and be no later than today here
/// (a clock set ahead locked the reviewer out); a file of another year
/// than the reviewer's assignment is refused whole; inside a file, another
/// year's file of an assigned school is not assigned, and a decision on an
/// indicator the card lacks is left out and named.
#[test]
fn review_files_of_another_day_year_or_indicator_are_refused_or_left_out() {
    let card = testkit::card();
    let mut lead = lead();
    let assignment = first_assignment(&lead, &card);
    lead.assignment_sent(&assignment);
    let decided = |codes: &[&str]| Review {
        indicators: (codes.iter())
            .map(|code| {
                let review = IndicatorReview {
                    decision: Some(Decision::NoPoint),
                    ..IndicatorReview::default()
                };
                (code.to_string(), review)
            })
            .collect(),
        ..Review::default()
    };
    let file = |assignment: &Assignment, reviews: &[(&str, Review)], made_at: &str| {
        let reviews = (reviews.iter())
            .map(|(id, r)| (id.to_string(), r.clone()))
            .collect();
        seal_review(assignment, reviews, &key(101), made_at)
    };
    let refused =
        |lead: &mut Archive, text: &str| lead.merge_review(text, TODAY).unwrap_err().to_string();

    let garbage = file(&assignment, &[("a1", decided(&["1.8"]))], "вчера");
    assert_eq!(
        refused(&mut lead, &garbage),
        "Файл повреждён: дата файла «вчера» не читается как дата."
    );
    let ahead = file(
        &assignment,
        &[("a1", decided(&["1.8"]))],
        "2027-12-07T10:00:00.000Z",
    );
    assert_eq!(
        refused(&mut lead, &ahead),
        format!(
            "Этот файл проверки («{IVANOVA}») датирован 07.12.2027 — позже сегодняшнего дня на этом \
             компьютере: его решения не приняты. Вероятно, на компьютере проверяющего неверно \
             установлены дата и время; попросите исправить их и сохранить файл проверки заново."
        )
    );
    let mut last_year = assignment.clone();
    last_year.period = "2024/2025".into();
    let other_year = file(&last_year, &[("a1", decided(&["1.8"]))], AT);
    assert_eq!(
        refused(&mut lead, &other_year),
        format!(
            "Этот файл проверки («{IVANOVA}») — за 2024/2025 учебный год по карте «{id}», а \
             задание проверяющему выдано за 2025/2026 учебный год по карте «{id}»: его решения \
             не приняты.",
            id = card.id
        )
    );
    assert_eq!(
        lead.review("a1"),
        Review::default(),
        "nothing refused taken"
    );

    // The school's file of another year, under this year's file name.
    let mut then = lead.clone();
    let earlier = draft("Школа А", "2024/2025", &["1.8", "2.1"]);
    let signed = testkit::sign(&card, &earlier, testkit::meta("a0", AT, None), 101);
    then.admit(testkit::entry(&card, "a0", &signed));
    let mixed = file(
        &assignment,
        &[("a0", decided(&["1.8"])), ("a1", decided(&["1.8", "99.9"]))],
        AT,
    );
    let merged = then.merge_review(&mixed, TODAY).unwrap();
    assert_eq!(merged.taken, 1);
    assert_eq!(merged.not_assigned, ["Школа А"]);
    assert_eq!(merged.unknown_codes, ["99.9"]);
    assert!(merged
        .summary()
        .ends_with("; не приняты решения по показателям, которых нет в карте школы: «99.9»."));
    assert!(then.review("a0").indicators.is_empty());
    assert!(!then.review("a1").indicators.contains_key("99.9"));
}

/// Files edited by hand: an assignment listing a school twice counts it
/// once; one of a card this browser lacks is refused, naming it; a key
/// file's name of thousands of characters, or its date that is none, is
/// refused.
#[test]
fn hand_edited_assignments_and_key_files_are_read_or_refused_plainly() {
    let card = testkit::card();
    let lead = lead();
    let cards = Cards::new([card.clone()]);
    let mut assignment = first_assignment(&lead, &card);
    let twice = assignment.schools[0].clone();
    assignment.schools.push(twice);
    let read = Assignment::read(&assignment.to_json(), &key(101), &cards).unwrap();
    assert_eq!(read.schools.len(), assignment.schools.len() - 1);
    assignment.card = "нет-такой".into();
    assignment.card_title = "Чужая карта".into();
    assert_eq!(
        Assignment::read(&assignment.to_json(), &key(101), &cards)
            .unwrap_err()
            .to_string(),
        "Это задание по карте «Чужая карта», которой нет в этом браузере. Загрузите файл этой \
         карты на вкладке «Карты» («Загрузить файл карты…») или попросите его у ведущего, а \
         затем загрузите задание снова."
    );
    let long = "Я".repeat(201);
    assert_eq!(
        open_reviewer_key(&seal_reviewer_key(&long, &key(101), AT))
            .unwrap_err()
            .to_string(),
        "Файл повреждён: имя проверяющего длиннее 200 знаков."
    );
    assert!(open_reviewer_key(&seal_reviewer_key(&long[..400], &key(101), AT)).is_ok());
    assert_eq!(
        open_reviewer_key(&seal_reviewer_key(IVANOVA, &key(101), "не дата"))
            .unwrap_err()
            .to_string(),
        "Файл повреждён: дата файла «не дата» не читается как дата."
    );
}

/// Each year is shared out on its own: this year's split leaves last
/// year's, and a reviewer's file of last year is merged whole (a
/// walk-through's was partly refused once this year's split was made).
#[test]
fn each_year_is_shared_out_on_its_own() {
    const LAST: &str = "2024/2025";
    const LATEST: &str = "2026-10-07T09:00:00.000Z";
    let card = testkit::card();
    let d = |name: &str, period: &str| draft(name, period, &["1.8", "2.1"]);
    let files = [
        ("a0", d("Школа А", LAST)),
        ("b0", d("Школа Б", LAST)),
        ("a1", d("Школа А", PERIOD)),
        ("b1", d("Школа Б", PERIOD)),
    ];
    let files: Vec<(&str, &crate::school::draft::Draft)> =
        files.iter().map(|(id, d)| (*id, d)).collect();
    let workspace = || testkit::archive(&card, &files);
    let mut lead = workspace();
    lead.add_reviewer(&seal_reviewer_key(IVANOVA, &key(101), AT))
        .unwrap();
    let (a, b) = (school(&lead, "a0"), school(&lead, "b0"));
    assert_eq!(school(&lead, "a1"), a, "one school through the years");
    let last = (card.id.as_str(), LAST);
    lead.assign_evenly(last, &[a.clone(), b.clone()]);
    let sent = Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        LAST,
        &names(&lead),
        AT,
    );
    lead.assignment_sent(&sent);
    // This year she has Б only.
    lead.assign_evenly(CAMPAIGN, std::slice::from_ref(&b));
    assert_eq!(lead.reviewers_of(CAMPAIGN, &a), Vec::<usize>::new());
    assert_eq!(lead.reviewers_of(last, &a), [0]);
    assert_eq!(lead.reviewers[0].schools_of(last), [a, b]);

    // This year's assignment is sent before her late file of last year
    // comes: it is of her work all the same (a review).
    let now = Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        PERIOD,
        &names(&lead),
        AT,
    );
    lead.assignment_sent(&now);
    // Last year's stays downloaded: it read «не скачано» (a review).
    let again = Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        LAST,
        &names(&lead),
        LATER,
    );
    let downloaded = Sending::Sent { made_at: AT.into() };
    assert_eq!(again.sending(lead.reviewers[0].sent_of(last)), downloaded);

    // Her file of this year, made after the late one of last year, is
    // merged first: the late one is not older than a file of its year.
    let cards = Cards::new([card.clone()]);
    let mut this_year = workspace();
    let read = Assignment::read(&now.to_json(), &key(101), &cards);
    this_year.set_assignment(Some(read.unwrap()));
    this_year.set_decision("b1", "1.8", Some(Decision::Confirm));
    assert_eq!(send(&mut lead, &this_year, 101, LATEST).taken, 1);
    let mut ivanova = workspace();
    let read = Assignment::read(&sent.to_json(), &key(101), &cards);
    ivanova.set_assignment(Some(read.unwrap()));
    ivanova.set_decision("a0", "1.8", Some(Decision::NoPoint));
    ivanova.set_decision("b0", "1.8", Some(Decision::NoPoint));
    // This year's decision, under last year's assignment, is named with
    // its year: «Школа Б» alone read as one of the assignment's.
    ivanova.set_decision("b1", "2.1", Some(Decision::Confirm));
    assert_eq!(ivanova.decided_outside(), ["«Школа Б» за 2025/2026"]);
    let merged = send(&mut lead, &ivanova, 101, LATER);
    assert_eq!(merged.not_assigned, Vec::<String>::new());
    assert_eq!(merged.taken, 2);
    // One of last year older than that one is still refused as older.
    assert!(matches!(
        lead.merge_review(&ivanova.review_file(&key(101), AT).unwrap(), TODAY),
        Err(ReviewerFileError::Older { .. })
    ));
    // A year she was given nothing of is still another campaign's.
    let before = lead.clone();
    lead.reviewers[0].by_campaign.retain(|c| c.period != LAST);
    lead.reviewers[0]
        .sent_by_campaign
        .retain(|s| s.period != LAST);
    assert!(matches!(
        lead.merge_review(&ivanova.review_file(&key(101), TODAY).unwrap(), TODAY),
        Err(ReviewerFileError::OtherCampaign { .. })
    ));
    // Unticking a school she never had changes nothing saved.
    let mut untouched = before.clone();
    untouched.assign(("другая-карта", LAST), &school(&before, "a0"), 0, false);
    assert_eq!(untouched.decisions_json(), before.decisions_json());
}

/// A split saved before it was by year stands for every year until the
/// lead shares one out, which starts from it; it is kept for the others.
#[test]
fn a_split_of_before_the_years_stands_for_each_year_until_shared_out() {
    let lead = lead();
    let mut old = serde_json::to_value(&lead.reviewers[1]).unwrap();
    let theirs = old["by_campaign"][0]["schools"].take();
    old.as_object_mut().unwrap().remove("by_campaign");
    old["schools"] = theirs;
    let mut reviewer: Reviewer = serde_json::from_value(old).unwrap();
    let split = lead.reviewers[1].schools_of(CAMPAIGN).to_vec();
    assert_eq!(reviewer.schools_of(CAMPAIGN), split);
    assert_eq!(reviewer.schools_of(("другая-карта", "2019/2020")), split);
    reviewer.schools_of_mut(CAMPAIGN).pop();
    assert_eq!(reviewer.schools_of(CAMPAIGN), &split[..split.len() - 1]);
    assert_eq!(reviewer.schools_of(("другая-карта", "2019/2020")), split);
    let saved = serde_json::to_value(&reviewer).unwrap();
    assert_eq!(saved["schools"], serde_json::to_value(&split).unwrap());
}

/// A workspace of schema 5 kept one assignment sent and one newest file per
/// reviewer: the assignment stands for its card and year, the date for
/// every card and year without its own (which year it was of cannot be
/// told). Both are written back as read: two tabs open on the old
/// workspace found the reviewer changed by both once it was converted (a
/// review).
#[test]
fn one_assignment_and_newest_file_of_before_stand_as_written() {
    let mut lead = lead();
    let card = testkit::card();
    let sent = Assignment::new(
        &lead.reviewers[0],
        (&card.id, &card.title),
        PERIOD,
        &names(&lead),
        AT,
    );
    lead.assignment_sent(&sent);
    let mut ivanova = reviewer(&lead, 0, 101);
    ivanova.set_decision("a1", "1.8", Some(Decision::NoPoint));
    send(&mut lead, &ivanova, 101, LATER);

    let mut old: serde_json::Value = serde_json::from_str(&lead.to_json()).unwrap();
    old["schema"] = 5.into();
    let her = old["reviewers"][0].as_object_mut().unwrap();
    let one = her.remove("sent_by_campaign").unwrap()[0].take();
    her.insert("sent".into(), one);
    her.remove("last_files");
    her.insert("last_file".into(), LATER.into());
    let read = |old: &serde_json::Value| {
        let back = Archive::from_json(lead.cards().clone(), &old.to_string());
        back.unwrap().0.reviewers[0].clone()
    };
    let her = read(&old);
    assert_eq!(her.sent_of(CAMPAIGN), Some(&sent.as_sent()));
    assert_eq!(her.sent_of((CAMPAIGN.0, "2024/2025")), None);
    assert_eq!(her.last_file_of(CAMPAIGN), LATER);
    assert_eq!(her.last_file_of((CAMPAIGN.0, "2024/2025")), LATER);
    assert_eq!(serde_json::to_value(&her).unwrap(), old["reviewers"][0]);
    // A download since stands for its year, the old one for nothing else.
    let mut now = her.clone();
    let later = Assignment {
        made_at: LATER.into(),
        ..sent.clone()
    };
    now.note_sent(later.as_sent());
    assert_eq!(now.sent_of(CAMPAIGN), Some(&later.as_sent()));
    assert_eq!(now.last_sent(), Some(&later.as_sent()));
    // «Нет задания», written by hand as null, is none.
    old["reviewers"][0]["sent"] = serde_json::Value::Null;
    assert_eq!(read(&old).sent_of(CAMPAIGN), None);
}

/// Each of two reviewers changing their reason for the shared decision
/// replaces their own words alone: Петров's old reason is not kept beside
/// his new one, and Иванова's change keeps his (a review).
#[test]
fn each_reviewer_s_changed_comment_replaces_their_own_only() {
    let mut lead = lead();
    let mut hers = reviewer(&lead, 0, 101);
    let mut his = reviewer(&lead, 1, 102);
    hers.set_decision("a1", "1.8", Some(Decision::Confirm));
    his.set_decision("a1", "1.8", Some(Decision::Confirm));
    hers.set_review_comment("a1", "1.8", "Охват не подтверждён".into());
    his.set_review_comment("a1", "1.8", "Списки участников не приложены".into());
    send(&mut lead, &hers, 101, AT);
    send(&mut lead, &his, 102, AT);
    his.set_review_comment("a1", "1.8", "Списки приложены, но без подписей".into());
    send(&mut lead, &his, 102, LATER);
    let comment = |lead: &Archive| lead.review("a1").indicators["1.8"].comment.clone();
    assert_eq!(
        comment(&lead),
        "Охват не подтверждён; Списки приложены, но без подписей"
    );
    hers.set_review_comment("a1", "1.8", "Охват 20 %, а не 35 %".into());
    send(&mut lead, &hers, 101, LATER);
    assert_eq!(
        comment(&lead),
        "Охват 20 %, а не 35 %; Списки приложены, но без подписей"
    );
}

/// Иванова shortens her own comment: the lead gets the new one, and the
/// log does not say «нового нет».
#[test]
fn a_shortened_own_comment_is_taken() {
    let mut lead = lead();
    let mut hers = reviewer(&lead, 0, 101);
    hers.set_decision("a1", "1.8", Some(Decision::NoPoint));
    hers.set_review_comment("a1", "1.8", "Нет приказа и нет списков".into());
    send(&mut lead, &hers, 101, AT);
    hers.set_review_comment("a1", "1.8", "Нет приказа".into());
    let merged = send(&mut lead, &hers, 101, LATER);
    assert_eq!(lead.review("a1").indicators["1.8"].comment, "Нет приказа");
    assert_eq!(merged.verdict(), ("принят", true));
}

/// A file whose only news is the check finished («проверена»): it is taken
/// (the school is checked by her now), and the log says it is news.
#[test]
fn a_file_that_only_finishes_the_check_is_news() {
    let mut lead = lead();
    let mut hers = reviewer(&lead, 0, 101);
    hers.set_decision("a1", "1.8", Some(Decision::Confirm));
    send(&mut lead, &hers, 101, AT);
    assert!(!lead.review("a1").checked);
    hers.set_checked("a1", true);
    let merged = send(&mut lead, &hers, 101, LATER);
    assert!(lead.review("a1").checked, "the check was taken");
    assert_eq!(merged.verdict(), ("принят", true), "{}", merged.summary());
}

/// The lead's own decision and comment (the words the school's letter
/// quotes): a reviewer who agrees is not recorded as agreeing (`by` is
/// empty), and her comment leaves the lead's words as they are.
#[test]
fn the_lead_s_own_comment_is_not_rewritten_by_a_reviewer() {
    let mut lead = lead();
    lead.set_decision("a1", "1.8", Some(Decision::NoPoint));
    lead.set_review_comment("a1", "1.8", "Нет подтверждающих документов".into());
    let mut hers = reviewer(&lead, 0, 101);
    hers.set_decision("a1", "1.8", Some(Decision::NoPoint));
    hers.set_review_comment("a1", "1.8", "Ссылка пустая, спросить у школы".into());
    send(&mut lead, &hers, 101, AT);
    assert_eq!(
        lead.review("a1").indicators["1.8"].comment,
        "Нет подтверждающих документов"
    );
}
