//! Reading many picked or dropped files without freezing the page.
//!
//! Each file is read and checked on its own; every few files the loop hands
//! control back to the browser so the progress bar moves and clicks still
//! work. Only when all are checked is the batch filed, oldest first, in one
//! update of the archive, so the derived views recompute once.

use leptos::prelude::*;

use crate::app::browser::{next_frame, read_bytes};
use crate::app::department::state::{Dept, ImportRow, Progress};
use crate::domain::department::archive::{check, Admission, MAX_FILE_BYTES};
use crate::domain::error::ImportError;

/// How many files are checked between two paints.
const FILES_PER_FRAME: usize = 20;

pub fn import_files(dept: Dept, files: Vec<web_sys::File>) {
    if files.is_empty() || dept.progress.get_untracked().is_some() {
        return;
    }
    leptos::task::spawn_local(async move {
        let total = files.len();
        dept.progress.set(Some(Progress { done: 0, total }));
        let (card, sha) = dept
            .archive
            .with_untracked(|a| (a.card().clone(), a.card_sha().to_owned()));
        let mut rows = Vec::new();
        let mut checked = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let name = file.name();
            // f64 file sizes are whole numbers; anything past usize is too large anyway.
            let size = file.size() as usize;
            let outcome = if size > MAX_FILE_BYTES {
                Err(ImportError::TooLarge {
                    bytes: size,
                    limit: MAX_FILE_BYTES,
                })
            } else {
                match read_bytes(file).await {
                    Ok(bytes) => check(&card, &sha, &name, &bytes),
                    Err(_) => Err(ImportError::Unreadable),
                }
            };
            match outcome {
                Ok(c) => checked.push(c),
                Err(e) => rows.push(ImportRow {
                    file: name,
                    admission: Admission::Refused(e),
                }),
            }
            if (i + 1) % FILES_PER_FRAME == 0 {
                dept.progress.set(Some(Progress { done: i + 1, total }));
                next_frame().await;
            }
        }
        dept.archive.update(|a| {
            for (file, admission) in a.admit_all(checked) {
                rows.push(ImportRow { file, admission });
            }
        });
        rows.sort_by(|a, b| a.file.cmp(&b.file));
        dept.log.update(|log| {
            log.splice(0..0, rows);
        });
        dept.progress.set(None);
    });
}
