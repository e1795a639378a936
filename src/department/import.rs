//! Checking many files without freezing the page: picked or dropped files,
//! the workspace stored in the browser, a backup file.
//!
//! Files are checked in batches; after every batch the loop hands control
//! back to the browser so the progress bar moves and clicks still work. Only
//! when all are checked are they filed, oldest first, a slice per frame
//! without waking the views; the views then recompute once, for the whole
//! import.

use std::collections::VecDeque;
use std::future::Future;

use profkarta_core::department::archive::{
    check, check_verified, oldest_first, Admission, Archive, Cards, Entry, MAX_FILE_BYTES,
};
use profkarta_core::department::view::import::{unreadable_records, ImportRow};
use profkarta_core::department::view::progress::Work;
use profkarta_core::error::ImportError;
use profkarta_core::text::plural;

use crate::department::state::Dept;
use crate::platform::browser::next_frame;
use crate::platform::files::{oversized, read_all, Unread};
use crate::platform::verifier;

/// How many files are checked between two paints.
const FILES_PER_FRAME: usize = 20;

/// How many batches are read ahead of the one the page works on, so that
/// the browser always has files to read.
const READ_AHEAD: usize = 4;

/// How many batches may wait for the workers before the page waits for the
/// oldest: enough to keep every worker busy while the page finishes one.
const IN_FLIGHT: usize = 4;

/// How many checked files are filed between two paints: ten thousand in
/// one task, and the standings worked out after them, took 270 ms.
const FILED_PER_FRAME: usize = 2_000;

/// A file's name and its bytes, or why they could not be had.
type Raw = (String, Result<Vec<u8>, ImportError>);

/// What a checking run found: files ready to file, and files refused.
#[derive(Default)]
struct Checks {
    checked: Vec<Entry>,
    refused: Vec<ImportRow>,
}

impl Checks {
    /// Finishes a batch on the page. `verdicts` are a worker's, per file:
    /// a file it verified skips the signature here; one it refused, or a
    /// batch without verdicts, is checked whole, which also names why.
    fn finish(&mut self, cards: &Cards, raw: Vec<Raw>, verdicts: Option<Vec<bool>>) {
        let verdicts = verdicts.filter(|v| v.len() == raw.len());
        for (k, (name, bytes)) in raw.into_iter().enumerate() {
            let verified = verdicts.as_ref().is_some_and(|v| v[k]);
            let checked = match &bytes {
                Ok(b) if verified => check_verified(cards, &name, b),
                Ok(b) => check(cards, &name, b),
                Err(e) => Err(e.clone()),
            };
            match checked {
                Ok(c) => self.checked.push(c),
                Err(e) => {
                    let bytes = bytes.as_deref().ok();
                    self.refused.push(ImportRow::refused(name, e, bytes));
                }
            }
        }
    }
}

/// Checks `files` against `cards` batch by batch, with the progress bar
/// showing `work`.
/// `None` when the user cancelled; otherwise the bar stays until the caller
/// has filed what was found ([`Dept::end`]), so that no other import starts
/// in between.
///
/// Three things overlap: the browser reads the next batches, workers check
/// the signatures of the batches read ([`verifier::send`]), and the page
/// finishes the oldest batch they have answered. While no worker has
/// loaded, the page checks what it has read itself.
async fn check_in_frames(
    dept: Dept,
    work: Work,
    cards: Cards,
    files: Vec<Unread>,
) -> Option<Checks> {
    let total = files.len();
    dept.begin(work, total);
    let mut found = Checks::default();
    let batches = total.div_ceil(FILES_PER_FRAME);
    let mut files = files.into_iter();
    let (mut reading, mut verifying) = (VecDeque::new(), VecDeque::new());
    let mut done = 0;
    for i in 0..batches {
        reading.push_back(read_on_page(files.by_ref().take(FILES_PER_FRAME).collect()));
        let last = i + 1 == batches;
        while reading.len() > READ_AHEAD || (last && !reading.is_empty()) {
            let Some(read) = reading.pop_front() else {
                break;
            };
            let raw = read.await;
            let bytes: Vec<Option<&[u8]>> = raw.iter().map(|(_, b)| b.as_deref().ok()).collect();
            match verifier::send(&bytes) {
                Some(verdicts) => verifying.push_back((raw, verdicts)),
                None => {
                    done += raw.len();
                    found.finish(&cards, raw, None);
                }
            }
            while verifying.len() > IN_FLIGHT
                || (last && reading.is_empty() && !verifying.is_empty())
            {
                let Some((raw, verdicts)) = verifying.pop_front() else {
                    break;
                };
                done += raw.len();
                found.finish(&cards, raw, verdicts.await);
            }
        }
        dept.advance(done);
        next_frame().await;
        if dept.cancelled() {
            dept.end();
            return None;
        }
    }
    Some(found)
}

/// Files `checked` oldest first, a slice per frame, through `admit`, and
/// returns what happened to each file.
async fn admit_in_frames(
    checked: Vec<Entry>,
    mut admit: impl FnMut(Vec<Entry>) -> Vec<(String, Admission)>,
) -> Vec<(String, Admission)> {
    let mut sorted = oldest_first(checked).into_iter();
    next_frame().await;
    let mut admitted = Vec::new();
    loop {
        let slice: Vec<Entry> = sorted.by_ref().take(FILED_PER_FRAME).collect();
        if slice.is_empty() {
            return admitted;
        }
        admitted.extend(admit(slice));
        next_frame().await;
    }
}

/// Reads a batch on the page, all files at once (see [`read_all`]); an
/// oversized file that is not `.json` is refused unread ([`oversized`]).
fn read_on_page(batch: Vec<Unread>) -> impl Future<Output = Vec<Raw>> + 'static {
    let mut picked = Vec::new();
    let mut known = Vec::new();
    for file in batch {
        known.push(match file {
            Unread::Picked(file) => {
                let name = file.name();
                match oversized(&file, MAX_FILE_BYTES) {
                    Some(bytes) => {
                        let limit = MAX_FILE_BYTES;
                        (name, Some(Err(ImportError::TooLarge { bytes, limit })))
                    }
                    None => {
                        picked.push(file);
                        (name, None)
                    }
                }
            }
            Unread::Held(name, bytes) => (name, Some(Ok(bytes))),
            Unread::Outside(name, bytes) => (name, Some(Ok(bytes.to_vec()))),
        });
    }
    let contents = read_all(&picked);
    async move {
        let mut contents = contents.await.into_iter();
        let mut read = |bytes: Option<_>| {
            bytes.unwrap_or_else(|| match contents.next() {
                Some(Ok(bytes)) => Ok(bytes),
                _ => Err(ImportError::Unreadable),
            })
        };
        known
            .into_iter()
            .map(|(name, bytes)| (name, read(bytes)))
            .collect()
    }
}

/// Imports picked or dropped files; each gets a line in the import table.
pub fn import_files(dept: Dept, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    if let Some(work) = dept.working() {
        dept.notices.push(work.wait(), None);
        return;
    }
    leptos::task::spawn_local(async move {
        let total = files.len();
        let files = files.into_iter().map(Unread::Picked).collect();
        let Some(found) = check_in_frames(dept, Work::Import, dept.cards(), files).await else {
            let none = match total {
                1 => "выбранный файл не добавлен".to_owned(),
                n => format!(
                    "ни один из {n} {} не добавлен",
                    plural(
                        n as u64,
                        "выбранного файла",
                        "выбранных файлов",
                        "выбранных файлов"
                    )
                ),
            };
            dept.notices
                .push(format!("Загрузка отменена: {none}."), None);
            return;
        };
        let admitted = admit_in_frames(found.checked, |slice| dept.admit_unseen(slice)).await;
        dept.settle();
        next_frame().await;
        dept.end();
        dept.show_filed(admitted, found.refused);
    });
}

/// Files a stored workspace or a backup into `archive`, which holds its
/// decisions: its files are checked again like an import (storage is not
/// trusted more than the files themselves), and every one that no longer
/// passes is reported, naming where it came from. `damaged` stored records
/// could not even be read; they are reported with the files that are no
/// longer text, which they all were when received.
pub async fn file_all(
    dept: Dept,
    work: Work,
    mut archive: Archive,
    files: Vec<Unread>,
    damaged: u64,
) -> Archive {
    // The files are checked against the cards of the workspace they come
    // with, which has the department's own published cards; the open one
    // may not have them yet. Only an import offers to cancel, so `None`
    // does not happen here.
    let cards = archive.cards().clone();
    let found = check_in_frames(dept, work, cards, files)
        .await
        .unwrap_or_default();
    let mut refused = found.refused;
    for (name, admission) in admit_in_frames(found.checked, |s| archive.admit_in_order(s)).await {
        if matches!(admission, Admission::Refused(_)) {
            refused.push(ImportRow::admitted(name, admission));
        }
    }
    archive.settle();
    next_frame().await;
    dept.end();
    let mut unreadable = Vec::new();
    for row in refused {
        // A stored file was text when it was filed: text no longer is a
        // damaged record, not a file to send again.
        if matches!(&row.admission, Admission::Refused(e) if e.damaged_record()) {
            unreadable.push(row.file);
            continue;
        }
        dept.notices.push(
            format!(
                "Файл «{}» {} не принят: {}",
                row.file,
                work.origin(),
                row.why(&archive)
            ),
            None,
        );
    }
    if damaged > 0 || !unreadable.is_empty() {
        let records = unreadable_records(&unreadable, damaged);
        // A backup's damage is the backup's, not the browser's (a bad-input
        // audit: a file cut short in a backup blamed the browser).
        let text = match work {
            Work::Restore => {
                format!("В резервной копии повреждены файлы: {records}. Остальные восстановлены.")
            }
            _ => format!(
                "В хранилище браузера повреждены записи: {records}. Остальные открыты; \
                 загрузите эти файлы школ снова."
            ),
        };
        dept.notices.push(text, None);
    }
    archive
}

/// The files of a backup (or of a workspace kept in local storage), to be
/// checked again.
pub fn held(files: Vec<(String, String)>) -> Vec<Unread> {
    files
        .into_iter()
        .map(|(name, text)| Unread::Held(name, text.into_bytes()))
        .collect()
}
