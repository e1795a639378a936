//! Checking many files without freezing the page: picked or dropped files,
//! the workspace stored in the browser, a backup file.
//!
//! Files are checked in batches; after every batch the loop hands control
//! back to the browser so the progress bar moves and clicks still work. Only
//! when all are checked is the batch filed, oldest first, in one update of
//! the archive, so the derived views recompute once.

use std::collections::VecDeque;
use std::future::Future;
use std::ops::Range;

use profkarta_core::department::archive::{
    check, check_verified, Admission, Archive, Cards, Entry, Unpacked, MAX_FILE_BYTES,
};
use profkarta_core::department::view::progress::Work;
use profkarta_core::error::ImportError;

use crate::department::state::Dept;
use crate::platform::browser::next_frame;
use crate::platform::files::read_all;
use crate::platform::verifier;

/// How many files are checked between two paints.
const FILES_PER_FRAME: usize = 20;

/// How many batches may wait for the workers before the page waits for the
/// oldest: enough to keep every worker busy while the page finishes one.
const IN_FLIGHT: usize = 4;

/// A file's name and its bytes, or why they could not be had.
type Raw = (String, Result<Vec<u8>, ImportError>);

/// What a checking run found: files ready to file, and files refused.
#[derive(Default)]
struct Checks {
    checked: Vec<Entry>,
    refused: Vec<(String, ImportError)>,
}

impl Checks {
    /// Finishes a batch on the page. `verdicts` are a worker's, per file:
    /// a file it verified skips the signature here; one it refused, or a
    /// batch without verdicts, is checked whole, which also names why.
    fn finish(&mut self, cards: &Cards, raw: Vec<Raw>, verdicts: Option<Vec<bool>>) {
        let verdicts = verdicts.filter(|v| v.len() == raw.len());
        for (k, (name, bytes)) in raw.into_iter().enumerate() {
            let verified = verdicts.as_ref().is_some_and(|v| v[k]);
            let checked = bytes.and_then(|b| {
                if verified {
                    check_verified(cards, &name, &b)
                } else {
                    check(cards, &name, &b)
                }
            });
            match checked {
                Ok(c) => self.checked.push(c),
                Err(e) => self.refused.push((name, e)),
            }
        }
    }
}

/// Checks `total` files, taking them batch by batch from `next`, with the
/// progress bar showing `work`. `None` when the user cancelled.
///
/// A batch goes to a worker when one has loaded ([`verifier::send`]), and
/// the page finishes it when the answer comes; meanwhile the next batches
/// are read and sent, so the page and the workers work at once.
async fn check_in_frames<Fut>(
    dept: Dept,
    work: Work,
    total: usize,
    mut next: impl FnMut(Range<usize>) -> Fut,
) -> Option<Checks>
where
    Fut: Future<Output = Vec<Raw>>,
{
    dept.begin(work, total);
    let cards = dept.cards();
    let mut found = Checks::default();
    let batches: Vec<Range<usize>> = (0..total)
        .step_by(FILES_PER_FRAME)
        .map(|start| start..total.min(start + FILES_PER_FRAME))
        .collect();
    let mut pending = batches.first().cloned().map(&mut next);
    let mut verifying = VecDeque::new();
    let mut done = 0;
    for i in 0..batches.len() {
        let Some(current) = pending.take() else {
            break;
        };
        let raw = current.await;
        // The next batch is read while this one is checked.
        pending = batches.get(i + 1).cloned().map(&mut next);
        let files: Vec<Option<&[u8]>> = raw.iter().map(|(_, b)| b.as_deref().ok()).collect();
        match verifier::send(&files) {
            Some(verdicts) => verifying.push_back((raw, verdicts)),
            None => {
                done += raw.len();
                found.finish(&cards, raw, None);
            }
        }
        while verifying.len() > IN_FLIGHT || (i + 1 == batches.len() && !verifying.is_empty()) {
            let Some((raw, verdicts)) = verifying.pop_front() else {
                break;
            };
            done += raw.len();
            found.finish(&cards, raw, verdicts.await);
        }
        dept.advance(done);
        next_frame().await;
        if dept.cancelled() {
            dept.end();
            return None;
        }
    }
    dept.end();
    Some(found)
}

/// Starts reading picked files (see [`read_all`]). A file not named
/// `.json` may be anything dropped by mistake (a video, an archive), so its
/// size is asked first and an oversized one is refused without reading;
/// `.json` files are read at once, since asking a file's size makes the
/// browser look at the disk synchronously (a quarter of a second per
/// thousand files) and [`check`] refuses an oversized text anyway.
fn read_picked(files: &[web_sys::File]) -> impl Future<Output = Vec<Raw>> + 'static {
    let mut too_large: Vec<Raw> = Vec::new();
    let (mut names, mut read) = (Vec::new(), Vec::new());
    for file in files {
        let name = file.name();
        if !name.to_lowercase().ends_with(".json") {
            // f64 file sizes are whole numbers.
            let bytes = file.size() as usize;
            if bytes > MAX_FILE_BYTES {
                let limit = MAX_FILE_BYTES;
                too_large.push((name, Err(ImportError::TooLarge { bytes, limit })));
                continue;
            }
        }
        names.push(name);
        read.push(file.clone());
    }
    let contents = read_all(&read);
    async move {
        let mut raw = too_large;
        for (name, bytes) in names.into_iter().zip(contents.await) {
            raw.push((name, bytes.map_err(|_| ImportError::Unreadable)));
        }
        raw
    }
}

/// Imports picked or dropped files; each gets a line in the import table.
pub fn import_files(dept: Dept, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    if dept.busy() {
        dept.notices.push(
            "Дождитесь окончания текущей проверки файлов, затем выберите файлы снова.",
            None,
        );
        return;
    }
    leptos::task::spawn_local(async move {
        let total = files.len();
        let next = |range: Range<usize>| read_picked(&files[range]);
        let Some(found) = check_in_frames(dept, Work::Import, total, next).await else {
            dept.notices.push(
                format!("Загрузка отменена: ни один из {total} выбранных файлов не добавлен."),
                None,
            );
            return;
        };
        dept.file(found.checked, found.refused);
    });
}

/// Files a stored workspace or a backup: its files are checked again like an
/// import (storage is not trusted more than the files themselves), and every
/// one that no longer passes is reported, naming where it came from.
pub async fn file_unpacked(dept: Dept, work: Work, unpacked: Unpacked) -> Archive {
    let Unpacked {
        mut archive,
        mut files,
    } = unpacked;
    let total = files.len();
    let next = |range: Range<usize>| {
        let batch = files
            .drain(..range.len())
            .map(|(name, text)| (name, Ok(text.into_bytes())))
            .collect();
        std::future::ready(batch)
    };
    // Only an import offers to cancel, so `None` does not happen here.
    let found = check_in_frames(dept, work, total, next)
        .await
        .unwrap_or_default();
    let mut refused = found.refused;
    for (name, admission) in archive.admit_all(found.checked) {
        if let Admission::Refused(e) = admission {
            refused.push((name, e));
        }
    }
    for (file, problem) in refused {
        dept.notices.push(
            format!("Файл «{file}» {} не принят: {problem}", work.origin()),
            None,
        );
    }
    archive
}
