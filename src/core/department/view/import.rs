//! The import table: one line per file with its verdict and why, the files
//! that need attention first, and the counts above it.

use std::collections::HashMap;

use crate::department::archive::{Admission, Archive, Standing};
use crate::department::verdict::{explanation, Verdict};

/// What happened to one picked file, as the import log keeps it. Its
/// verdict is read from the archive when shown, since it may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub file: String,
    pub admission: Admission,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictRow {
    pub file: String,
    pub verdict: Verdict,
    pub why: String,
}

/// The log's lines as they stand now: files that need attention first, then
/// the accepted ones, each group in log order.
pub fn verdict_rows(
    archive: &Archive,
    log: &[ImportRow],
    standing: &HashMap<String, Standing>,
) -> Vec<VerdictRow> {
    let mut rows: Vec<VerdictRow> = log
        .iter()
        .map(|row| {
            let standing = match &row.admission {
                Admission::Filed { submission_id } => standing.get(submission_id),
                Admission::Refused(_) => None,
            };
            VerdictRow {
                file: row.file.clone(),
                verdict: Verdict::of(archive, &row.admission, standing),
                why: explanation(archive, &row.admission, standing),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.verdict.is_good());
    rows
}

/// "Файлов: 5. Принято: 3. Ждут решения: 1. Не принято: 1."
pub fn summary(rows: &[VerdictRow]) -> String {
    let good = rows.iter().filter(|r| r.verdict.is_good()).count();
    let held = rows
        .iter()
        .filter(|r| r.verdict == Verdict::KeyChanged)
        .count();
    format!(
        "Файлов: {}. Принято: {good}. Ждут решения: {held}. Не принято: {}.",
        rows.len(),
        rows.len() - good - held
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::department::archive::{Archive, Cards};
    use crate::error::ImportError;
    use crate::testkit::{self, draft, entry, meta, sign};

    #[test]
    fn files_that_need_attention_come_first() {
        let card = testkit::card();
        let d = draft("СОШ 1", "2025/2026", &["1.8"]);
        let file = |id, key| {
            entry(
                &card,
                id,
                &sign(&card, &d, meta(id, "2026-09-01", None), key),
            )
        };
        let mut archive = Archive::new(Cards::new([card.clone()]));
        let mut log: Vec<ImportRow> = archive
            .admit_all(vec![file("a", 1), file("b", 2)])
            .into_iter()
            .map(|(file, admission)| ImportRow { file, admission })
            .collect();
        log.insert(
            0,
            ImportRow {
                file: "фото.jpg".into(),
                admission: Admission::Refused(ImportError::NotText),
            },
        );
        let standing = archive
            .standing()
            .into_iter()
            .map(|(id, s)| (id.to_owned(), s))
            .collect();
        let rows = verdict_rows(&archive, &log, &standing);
        let verdicts: Vec<_> = rows.iter().map(|r| (r.file.as_str(), r.verdict)).collect();
        assert_eq!(
            verdicts,
            [
                ("фото.jpg", Verdict::NotJson),
                ("b", Verdict::KeyChanged),
                ("a", Verdict::Accepted)
            ]
        );
        assert_eq!(rows[2].why, "СОШ 1, 2025/2026.");
        assert_eq!(
            summary(&rows),
            "Файлов: 3. Принято: 1. Ждут решения: 1. Не принято: 1."
        );
    }
}
