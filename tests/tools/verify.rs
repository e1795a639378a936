//! Checks submission files outside the browser with the department's own
//! check (`profkarta_core::department::archive::check`), so the verifier and
//! the department's page give the same verdict for the same file: a UTF-8
//! BOM, CRLF line ends or a re-save in Windows Notepad are accepted by both.
//!
//! `cargo run -p profkarta-tools --bin profkarta-verify -- FILE.json...`
//! Exit status 0 only if every file is accepted as it is (a file whose
//! claimed score differs from the recomputation is accepted by the
//! department with a warning, and fails here).

use std::fmt::Write;
use std::process::ExitCode;

use profkarta_core::card::Level;
use profkarta_core::department::archive::{check, Cards, Entry};
use profkarta_core::department::verdict::Verdict;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: profkarta-verify FILE.json...");
        return ExitCode::from(2);
    }
    // Every card the department's page knows.
    let cards = Cards::builtin().expect("the built-in cards are valid");
    let mut ok = true;
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
            text.contains("verdict: refused: Файл не является JSON"),
            "{text}"
        );
        let altered = testkit::sample_file().replacen("\"30\"", "\"90\"", 1);
        let (text, verdict) = verdict_of(altered.as_bytes());
        assert_eq!(verdict, Verdict::Altered);
        assert!(text.contains("Подпись не совпадает с содержимым"), "{text}");
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
