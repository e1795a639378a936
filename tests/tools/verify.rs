//! Checks submission files outside the browser with the department's own
//! check (`profkarta_core::department::archive::check`), so the verifier and
//! the department's page give the same verdict for the same file: a UTF-8
//! BOM, CRLF line ends or a re-save in Windows Notepad are accepted by both.
//!
//! `cargo run -p profkarta-tools --bin profkarta-verify -- [--card CARD.json]... FILE.json...`
//! Exit status 0 only if every file is accepted as it is (a file whose
//! claimed score differs from the recomputation is accepted by the
//! department with a warning, and fails here).
//!
//! `--card` reads a department's signed card file (`profkarta-card`), checks
//! it as the school page does, prints what it is and who signed it, and
//! makes it known, so that submissions filled in by that card verify too.

use std::fmt::Write;
use std::process::ExitCode;

use profkarta_core::card::Level;
use profkarta_core::department::archive::{check, Cards, Entry};
use profkarta_core::department::verdict::Verdict;
use profkarta_core::signed::card_file::open_card;

const USAGE: &str = "usage: profkarta-verify [--card CARD.json]... FILE.json...";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    // Every card the department's page knows, and the department's own.
    let mut cards = Cards::builtin().expect("the built-in cards are valid");
    let mut files = Vec::new();
    let mut ok = true;
    while let Some(arg) = args.next() {
        if arg != "--card" {
            files.push(arg);
            continue;
        }
        let Some(path) = args.next() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let text = std::fs::read(&path).map(|b| String::from_utf8_lossy(&b).into_owned());
        match text
            .map_err(|e| e.to_string())
            .and_then(|t| card_report(&mut cards, &path, &t))
        {
            Ok(text) => print!("{text}"),
            Err(why) => {
                println!("card file: {path}\nverdict: refused: {why}");
                ok = false;
            }
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    for path in files {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let (text, verdict) = report(&cards, &path, &bytes);
                print!("{text}");
                ok &= verdict == Verdict::Accepted;
            }
            Err(e) => {
                println!("file: {path}\nverdict: refused: {e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What the verifier prints about a department's card file; the card is
/// then known to `cards`.
fn card_report(cards: &mut Cards, path: &str, text: &str) -> Result<String, String> {
    let file = open_card(text).map_err(|e| e.to_string())?;
    let card = &file.card;
    let out = format!(
        "card file: {path}\nsignature: ok\nfingerprint: {}\ndepartment: {}\npublished: {}\n\
         card: {} v{} «{}», {} indicators\nverdict: accepted\n",
        file.fingerprint,
        file.department,
        file.published_at,
        card.id,
        card.version,
        card.title,
        card.indicators().count()
    );
    cards.add(file.card);
    Ok(out)
}

/// What the verifier prints about one file, and the department's verdict.
fn report(cards: &Cards, path: &str, bytes: &[u8]) -> (String, Verdict) {
    let checked = check(cards, path, bytes);
    let verdict = Verdict::of_check(&checked);
    let mut out = format!("file: {path}\n");
    match &checked {
        Ok(entry) => {
            describe(&mut out, entry);
            let _ = writeln!(out, "verdict: {} ({})", verdict.key(), verdict.label());
        }
        Err(why) => {
            let _ = writeln!(out, "verdict: refused: {why}");
        }
    }
    (out, verdict)
}

fn describe(out: &mut String, entry: &Entry) {
    let p = &entry.opened.payload;
    let level = |l: Option<Level>| l.map_or("none", Level::key);
    let a = &entry.assessment;
    let lines = [
        "signature: ok".to_owned(),
        format!("fingerprint: {}", entry.opened.fingerprint),
        format!("card: {} v{}", entry.card.id, entry.card.version),
        format!("school: {}", p.profile.name),
        format!("period: {}", p.profile.period),
        format!("submission: {}", p.submission_id),
        p.replaces
            .as_ref()
            .map_or_else(String::new, |r| format!("replaces: {r}")),
        format!(
            "claimed: {} of {}, level {}",
            p.score.total,
            p.score.max_applicable,
            level(p.score.level)
        ),
        format!(
            "recomputed: {} of {}, level {}",
            a.total,
            a.max_applicable,
            level(a.level)
        ),
        format!("unanswered: {}", p.incomplete.unanswered.join(" ")),
        if p.plan.is_empty() {
            String::new()
        } else {
            format!("plan: {} measures", p.plan.len())
        },
        format!(
            "without_evidence: {}",
            p.incomplete.without_evidence.join(" ")
        ),
    ];
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let _ = writeln!(out, "{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use profkarta_core::testkit;

    fn verdict_of(bytes: &[u8]) -> (String, Verdict) {
        report(&Cards::builtin().unwrap(), "f.json", bytes)
    }

    /// Windows tools save a file with a byte-order mark and CRLF line ends;
    /// the department's check accepts all of them, and so does the verifier.
    #[test]
    fn bom_crlf_and_notepad_files_are_accepted_like_the_department_does() {
        let lf = testkit::sample_file();
        let crlf = lf.replace('\n', "\r\n");
        assert_ne!(crlf, lf);
        for variant in [
            format!("\u{FEFF}{lf}"),
            crlf.clone(),
            // Notepad's «Сохранить как… UTF-8 с BOM».
            format!("\u{FEFF}{crlf}"),
        ] {
            let (text, verdict) = verdict_of(variant.as_bytes());
            assert_eq!(verdict, Verdict::Accepted, "{text}");
            assert!(text.contains("verdict: accepted (принят)"), "{text}");
            assert!(text.contains("school: МАОУ «СОШ № 7»"), "{text}");
            let department = check(&Cards::builtin().unwrap(), "f", variant.as_bytes());
            assert_eq!(Verdict::of_check(&department), Verdict::Accepted);
        }
    }

    #[test]
    fn refusals_name_the_reason() {
        let (text, verdict) = verdict_of(b"not json");
        assert_eq!(verdict, Verdict::NotJson);
        assert!(
            text.contains("verdict: refused: Файл не читается как выгрузка Профкарты"),
            "{text}"
        );
        let altered = testkit::sample_file().replacen("\"30\"", "\"90\"", 1);
        let (text, verdict) = verdict_of(altered.as_bytes());
        assert_eq!(verdict, Verdict::Altered);
        assert!(text.contains("Подпись не совпадает с содержимым"), "{text}");
    }

    /// A department's own card: its submissions are "another card" until its
    /// signed card file is given, then verified; a changed card file is refused.
    #[test]
    fn a_department_card_file_makes_its_submissions_verifiable() {
        use profkarta_core::signed::card_file::seal_card;
        let mut card = testkit::card();
        card.id = "gorod-2026".into();
        card.title = "Карта управления образования".into();
        let key = testkit::key(3);
        let card_file = seal_card(&card, "Управление образования", testkit::SAMPLE_AT, &key);
        let submission = testkit::sign(
            &card,
            &testkit::sample_draft(),
            testkit::meta(testkit::SAMPLE_ID, testkit::SAMPLE_AT, None),
            testkit::SAMPLE_KEY,
        );
        let mut cards = Cards::builtin().unwrap();
        let (_, unknown) = report(&cards, "s.json", submission.as_bytes());
        assert_eq!(unknown, Verdict::UnknownTemplate);
        let text = card_report(&mut cards, "c.json", &card_file).unwrap();
        assert!(
            text.contains("card: gorod-2026 v1 «Карта управления образования», 23 indicators"),
            "{text}"
        );
        assert!(
            text.contains(&format!("fingerprint: {}", key.fingerprint())),
            "{text}"
        );
        let (text, verdict) = report(&cards, "s.json", submission.as_bytes());
        assert_eq!(verdict, Verdict::Accepted, "{text}");
        assert!(text.contains("plan: 1 measures"), "{text}");
        let altered = card_file.replacen("Карта управления", "Карта управлени", 1);
        let why = card_report(&mut cards, "c.json", &altered).unwrap_err();
        assert!(why.contains("Подпись не совпадает"), "{why}");
    }

    /// The stricter rules of the department's check reach the verifier too.
    #[test]
    fn a_repeated_key_and_a_wrong_fingerprint_are_refused_with_the_reason() {
        let file = testkit::sample_file();
        let twice = file.replacen("\"numerator\":", "\"numerator\": \"0\", \"numerator\":", 1);
        let (text, verdict) = verdict_of(twice.as_bytes());
        assert_eq!(verdict, Verdict::Damaged);
        assert!(
            text.contains("verdict: refused: Поле «payload → answers → 1.1 → numerator» записано в файле дважды"),
            "{text}"
        );
        let own = testkit::key(testkit::SAMPLE_KEY).fingerprint();
        let claimed = file.replace(&own, &testkit::key(1).fingerprint());
        let (text, verdict) = verdict_of(claimed.as_bytes());
        assert_eq!(verdict, Verdict::Altered);
        assert!(
            text.contains(&format!(
                "Отпечаток ключа, записанный в файле, не совпадает с самим ключом ({own})"
            )),
            "{text}"
        );
    }
}
