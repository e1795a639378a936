//! Reading many picked or dropped files without freezing the page.
//!
//! Files are read in parallel batches and each is checked on its own; after
//! every batch the loop hands control back to the browser so the progress bar
//! moves and clicks still work. Only when all are checked is the batch filed, oldest first, in one
//! update of the archive, so the derived views recompute once.

use leptos::prelude::*;

use crate::app::browser::{next_frame, read_all};
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
        dept.progress.set(Some(Progress {
            done: 0,
            total,
            cancel: false,
        }));
        let (card, sha) = dept
            .archive
            .with_untracked(|a| (a.card().clone(), a.card_sha().to_owned()));
        let mut rows = Vec::new();
        let mut checked = Vec::new();
        let mut done = 0;
        for chunk in files.chunks(FILES_PER_FRAME) {
            // Oversized files are refused without reading them.
            let (small, large): (Vec<&web_sys::File>, Vec<&web_sys::File>) = chunk
                .iter()
                .partition(|f| (f.size() as usize) <= MAX_FILE_BYTES);
            for file in large {
                rows.push(ImportRow {
                    file: file.name(),
                    admission: Admission::Refused(ImportError::TooLarge {
                        // f64 file sizes are whole numbers.
                        bytes: file.size() as usize,
                        limit: MAX_FILE_BYTES,
                    }),
                });
            }
            let small: Vec<web_sys::File> = small.into_iter().cloned().collect();
            for (file, bytes) in small.iter().zip(read_all(&small).await) {
                let name = file.name();
                let outcome = match bytes {
                    Ok(bytes) => check(&card, &sha, &name, &bytes),
                    Err(_) => Err(ImportError::Unreadable),
                };
                match outcome {
                    Ok(c) => checked.push(c),
                    Err(e) => rows.push(ImportRow {
                        file: name,
                        admission: Admission::Refused(e),
                    }),
                }
            }
            done += chunk.len();
            dept.progress.update(|p| {
                if let Some(p) = p {
                    p.done = done;
                }
            });
            next_frame().await;
            if dept
                .progress
                .with_untracked(|p| p.is_some_and(|p| p.cancel))
            {
                dept.progress.set(None);
                dept.notices.push(
                    format!("Загрузка отменена: ни один из {total} выбранных файлов не добавлен."),
                    None,
                );
                return;
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
