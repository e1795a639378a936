//! The school × indicator matrix: which school earned which indicator.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use crate::canvas::{
    clip, count, flow, no_data, render, school_label, text_width, Canvas, Font, Shapes,
    BELOW_TITLE, BLUE, MARGIN, MUTED, NAME_CHARS, SMALL, VERMILLION, WIDTH,
};

pub use profkarta_core::department::review::Fulfilment as Mark;

/// Drawn and in the legend only where a cell has it: most cards have no
/// bands, most years one version.
fn rare(mark: Mark) -> bool {
    matches!(
        mark,
        Mark::Partial | Mark::NoLastYear | Mark::Invalid | Mark::NotInVersion
    )
}

const TITLE: &str = "Выполнение показателей по школам";
/// Cell height; a row is this plus the gap, enough for a 12 px name.
const CELL: i32 = 16;
const ROW: i32 = 20;
const GAP: i32 = 3;
/// Indicator codes are short ("1.1"); anything longer would widen every
/// column, so it is cut.
const CODE_CHARS: usize = 8;
/// Extra space between criteria ("1.8" | "2.1"), so columns read in groups.
const CRITERION_GAP: i32 = 6;
/// Rows of one picture: the matrix prints on sheets laid across, at its
/// own size (fitted to an upright sheet its letters were 6 pt), where a
/// row is about 5 mm, so this many rows with the title and the legend fit
/// one sheet, and a larger municipality's matrix is printed a sheet at a
/// time, never cut through a row.
pub const PAGE_ROWS: usize = 25;
/// Every other row is shaded so a row can be followed from name to cells.
const ZEBRA: RGBColor = RGBColor(0xF2, 0xF2, 0xF2);
const MISSED: RGBColor = RGBColor(0xFB, 0xDD, 0xCC);
const PARTIAL: RGBColor = RGBColor(0xBF, 0xDB, 0xF0);
const NOT_APPLICABLE: RGBColor = RGBColor(0xD6, 0xD6, 0xD6);
const NOT_APPLICABLE_MARK: RGBColor = RGBColor(0x80, 0x80, 0x80);

/// [`heatmap_pages`] one after the other: on the screen they read as one
/// matrix whose codes come again every [`PAGE_ROWS`] schools.
pub fn heatmap(schools: &[String], indicators: &[String], cells: &[Vec<Mark>]) -> String {
    heatmap_pages(schools, indicators, cells).concat()
}

/// One row per school and one column per indicator; `cells[school][indicator]`,
/// a missing cell counts as unanswered. Marks differ in lightness and in the
/// drawn sign (bar, dash, slash, dot), not only in hue, so the matrix also reads
/// in greyscale print. The chart grows downwards, 20 px per school, a
/// picture per [`PAGE_ROWS`] schools; every picture has the same columns.
pub fn heatmap_pages(
    schools: &[String],
    indicators: &[String],
    cells: &[Vec<Mark>],
) -> Vec<String> {
    if schools.is_empty() || indicators.is_empty() {
        return vec![no_data(TITLE)];
    }
    let names: Vec<String> = schools
        .iter()
        .map(|s| school_label(s, NAME_CHARS))
        .collect();
    let codes: Vec<String> = indicators.iter().map(|c| clip(c, CODE_CHARS)).collect();
    let mark = |school: usize, indicator: usize| {
        cells
            .get(school)
            .and_then(|row| row.get(indicator))
            .copied()
            .unwrap_or(Mark::Unanswered)
    };

    let name_width = names
        .iter()
        .map(|n| text_width(n, SMALL))
        .max()
        .unwrap_or(0);
    let code_width = codes
        .iter()
        .map(|c| text_width(c, SMALL))
        .max()
        .unwrap_or(0);
    let cell_width = (code_width + 6).max(24);
    let cells_left = MARGIN + name_width + 10;
    let mut columns = Vec::with_capacity(codes.len());
    let mut x = cells_left;
    for (j, code) in codes.iter().enumerate() {
        if j > 0 && criterion(code) != criterion(&codes[j - 1]) {
            x += CRITERION_GAP;
        }
        columns.push(x);
        x += cell_width + GAP;
    }
    let width = (x - GAP + MARGIN).max(WIDTH);

    let mut tally = [0usize; Mark::ALL.len()];
    for school in 0..names.len() {
        for indicator in 0..codes.len() {
            tally[mark(school, indicator) as usize] += 1;
        }
    }
    let shown: Vec<(Mark, usize)> = Mark::ALL
        .into_iter()
        .zip(tally)
        .filter(|&(m, n)| !rare(m) || n > 0)
        .collect();
    let legend: Vec<i32> = shown
        .iter()
        .map(|(m, _)| cell_width + 6 + text_width(m.word(), SMALL))
        .collect();
    let (legend_places, legend_bottom) = flow(&legend, (MARGIN, BELOW_TITLE - 6), width - MARGIN);
    let rows_top = legend_bottom + 28;
    let pages = names.len().div_ceil(PAGE_ROWS);
    (0..pages)
        .map(|page| {
            let first = page * PAGE_ROWS;
            let rows = first..(first + PAGE_ROWS).min(names.len());
            let title = if pages == 1 {
                TITLE.to_owned()
            } else {
                format!(
                    "{TITLE}: школы {}–{} из {}",
                    rows.start + 1,
                    rows.end,
                    names.len()
                )
            };
            let mut tally = [0usize; Mark::ALL.len()];
            for school in rows.clone() {
                for indicator in 0..codes.len() {
                    tally[mark(school, indicator) as usize] += 1;
                }
            }
            let summary: Vec<String> = (shown.iter())
                .map(|&(m, _)| format!("{} — {}", m.word(), tally[m as usize]))
                .collect();
            let label = format!(
                "{title}: {}, {}. Ячеек: {}.",
                count(rows.len(), "школа", "школы", "школ"),
                count(codes.len(), "показатель", "показателя", "показателей"),
                summary.join(", ")
            );
            let rows_bottom = rows_top + ROW * rows.len() as i32;
            let height = rows_bottom + MARGIN;
            render(width, height, &label, |canvas| {
                canvas.title(&title, width);
                let note = Font::new(SMALL).anchor(HPos::Left, VPos::Center);
                let mut cells = Cells::default();
                for (&(m, _), &(x, y)) in shown.iter().zip(&legend_places) {
                    cells.add((x, y), cell_width, m);
                    canvas.text(m.word(), (x + cell_width + 6, y + CELL / 2), note);
                }
                let code_font = Font::new(SMALL).colour(MUTED);
                for (row, i) in rows.clone().enumerate() {
                    let y = rows_top + ROW * row as i32;
                    if i % 2 == 1 {
                        canvas.rect(
                            (MARGIN - 4, y - (ROW - CELL) / 2),
                            (width - MARGIN + 4, y + CELL + (ROW - CELL) / 2),
                            ZEBRA,
                        );
                    }
                    canvas.text(&names[i], (MARGIN, y + CELL / 2), note);
                    for (j, &x) in columns.iter().enumerate() {
                        cells.add((x, y), cell_width, mark(i, j));
                    }
                }
                cells.draw(canvas);
                for (code, x) in codes.iter().zip(&columns) {
                    let centre = x + cell_width / 2;
                    canvas.text(
                        code,
                        (centre, rows_top - 6),
                        code_font.anchor(HPos::Center, VPos::Bottom),
                    );
                }
            })
        })
        .collect()
}

/// Every cell and sign of the matrix, one path per paint: the browser
/// lays out seven to nine elements instead of two per cell.
#[derive(Default)]
struct Cells {
    earned: Shapes,
    partial: Shapes,
    partial_sign: Shapes,
    missed: Shapes,
    missed_sign: Shapes,
    not_applicable: Shapes,
    not_applicable_sign: Shapes,
    no_last_year: Shapes,
    no_last_year_sign: Shapes,
    unanswered: Shapes,
    unanswered_sign: Shapes,
    invalid: Shapes,
    invalid_sign: Shapes,
    not_in_version: Shapes,
}

impl Cells {
    /// Exactly one `CELL`-high rectangle per cell (tests count them), plus
    /// the mark's sign.
    fn add(&mut self, (x, y): (i32, i32), width: i32, mark: Mark) {
        let (right, bottom) = (x + width, y + CELL);
        let centre = (x + width / 2, y + CELL / 2);
        match mark {
            Mark::Earned => self.earned.rect((x, y), (right, bottom)),
            Mark::Partial => {
                self.partial.rect((x, y), (right, bottom));
                self.partial_sign
                    .line(&[(centre.0, y + 3), (centre.0, bottom - 3)]);
            }
            Mark::Missed => {
                self.missed.rect((x, y), (right, bottom));
                self.missed_sign
                    .line(&[(centre.0 - 5, centre.1), (centre.0 + 5, centre.1)]);
            }
            Mark::NotApplicable => {
                self.not_applicable.rect((x, y), (right, bottom));
                self.not_applicable_sign
                    .line(&[(x + 3, bottom - 2), (right - 3, y + 2)]);
            }
            // Grey as out of the maximum, with the dot of a missing answer
            // in red: the school left last year's figures out.
            Mark::NoLastYear => {
                self.no_last_year.rect((x, y), (right, bottom));
                self.no_last_year_sign.dot(centre, 3);
            }
            Mark::Unanswered => {
                self.unanswered.rect((x, y), (right, bottom));
                self.unanswered_sign.dot(centre, 2);
            }
            // Outlined in red and crossed: an answer, but not one to count.
            Mark::Invalid => {
                self.invalid.rect((x, y), (right, bottom));
                let (dx, dy) = (4, 4);
                self.invalid_sign.line(&[
                    (centre.0 - dx, centre.1 - dy),
                    (centre.0 + dx, centre.1 + dy),
                ]);
                self.invalid_sign.line(&[
                    (centre.0 - dx, centre.1 + dy),
                    (centre.0 + dx, centre.1 - dy),
                ]);
            }
            // Outlined, empty: no answer was asked for.
            Mark::NotInVersion => self.not_in_version.rect((x, y), (right, bottom)),
        }
    }

    fn draw(&self, canvas: &Canvas) {
        canvas.fill(&self.earned, BLUE);
        canvas.fill(&self.partial, PARTIAL);
        canvas.stroke(&self.partial_sign, BLUE, 2);
        canvas.fill(&self.missed, MISSED);
        canvas.stroke(&self.missed_sign, VERMILLION, 2);
        canvas.fill(&self.not_applicable, NOT_APPLICABLE);
        canvas.stroke(&self.not_applicable_sign, NOT_APPLICABLE_MARK, 1);
        canvas.fill(&self.no_last_year, NOT_APPLICABLE);
        canvas.fill(&self.no_last_year_sign, VERMILLION);
        canvas.stroke(&self.unanswered, MUTED, 1);
        canvas.fill(&self.unanswered_sign, MUTED);
        canvas.stroke(&self.invalid, VERMILLION, 1);
        canvas.stroke(&self.invalid_sign, VERMILLION, 2);
        canvas.stroke(&self.not_in_version, NOT_APPLICABLE, 1);
    }
}

/// The criterion part of an indicator code: "2" of "2.1".
fn criterion(code: &str) -> &str {
    code.split('.').next().unwrap_or(code)
}
