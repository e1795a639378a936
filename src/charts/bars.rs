//! Horizontal percentage bars: fulfilment per criterion, share of schools
//! per indicator.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use crate::canvas::{
    clip, count, fit, nice_step, no_data, render, text_width, Font, Shapes, BELOW_TITLE, BLUE,
    GRID, INK, MARGIN, MUTED, NAME_CHARS, SMALL, WIDTH,
};
use crate::Share;
use profkarta_core::text::{group_digits, one_line};

const ROW: i32 = 22;
/// The spacing of a label's lines ([`label_lines`]); a row of n lines is
/// `LINE * n + 6` high.
const LINE: i32 = 14;
/// The most lines a label takes: the longest criterion of the seed cards
/// («3. Учет обучающихся…» of Leninsk-Kuznetsky, 149 characters with its
/// number) takes five, broken between words.
const MAX_LINES: usize = 5;
const BAR: i32 = 14;
/// The unfilled rest of each bar up to 100 %, so short bars still show
/// their scale on long charts where the axis is far away.
const TRACK: RGBColor = RGBColor(0xEB, 0xEB, 0xEB);
/// Past this many rows the axis is repeated under the bars.
const AXIS_AGAIN_AFTER: usize = 20;
/// Past this many rows the description summarises instead of listing.
const LISTED: usize = 30;

/// One bar per item, 0–100 %, labelled on the left and valued on the right.
/// A share without data is drawn as "—" without a bar. Row height is fixed, so
/// the chart grows downwards with the number of items.
pub fn fulfilment_bars(title: &str, items: &[(String, Share)]) -> String {
    paired_bars(title, items, &[BLUE])
}

/// [`fulfilment_bars`] with the bars coloured in turn from `colours`, for
/// items that come in groups (a measure's addressed schools, then the
/// others): the colour tells the rows of a group apart at a glance.
pub(crate) fn paired_bars(title: &str, items: &[(String, Share)], colours: &[RGBColor]) -> String {
    if items.is_empty() {
        return no_data(title);
    }
    let rows: Vec<Bar> = items
        .iter()
        .enumerate()
        .map(|(i, (label, share))| Bar {
            lines: label_lines(label),
            at: share.value().map(|v| v / 100.0),
            value: share.label(),
            colour: colours[i % colours.len()],
            note: None,
        })
        .collect();
    let label = if items.len() <= LISTED {
        let list: Vec<String> = rows
            .iter()
            .map(|r| format!("{} — {}", r.lines.join(" "), r.value))
            .collect();
        format!("{}: {}.", clip(title, 200), list.join("; "))
    } else {
        let measured = || items.iter().map(|(_, v)| *v).filter(|v| v.whole != 0);
        let low = measured().min_by(Share::compare).unwrap_or(Share::NO_DATA);
        let high = measured().max_by(Share::compare).unwrap_or(Share::NO_DATA);
        format!(
            "{}: {}, от {} до {}.",
            clip(title, 200),
            count(items.len(), "значение", "значения", "значений"),
            low.label(),
            high.label()
        )
    };
    bars(
        title,
        &label,
        &rows,
        &Scale::Percent,
        &Guides::default(),
        label_width(&rows),
    )
}

/// One row of a bar chart.
pub(crate) struct Bar {
    /// The label's lines ([`label_lines`]).
    pub lines: Vec<String>,
    /// The bar's length, a fraction of the scale; `None` draws no bar.
    pub at: Option<f64>,
    /// Written right of the bars: the value, or "—".
    pub value: String,
    pub colour: RGBColor,
    /// Written in a bar's place, muted, instead of its empty track: why
    /// the row has no value.
    pub note: Option<String>,
}

/// The value axis of [`bars`].
pub(crate) enum Scale {
    /// 0 to 100 %.
    Percent,
    /// 0 to `top` in round steps of `step`.
    Count { top: u64, step: u64 },
}

impl Scale {
    /// From 0 to a round number at or above `max`.
    pub fn counts(max: u64) -> Self {
        let step = nice_step(max);
        Self::Count {
            top: max.div_ceil(step).max(1) * step,
            step,
        }
    }

    /// Each tick's place (a fraction of the scale) and label.
    fn ticks(&self) -> Vec<(f64, String)> {
        match *self {
            Self::Percent => [0.0, 25.0, 50.0, 75.0, 100.0]
                .map(|v| {
                    let text = if v == 100.0 {
                        "100\u{A0}%".to_owned()
                    } else {
                        format!("{v}")
                    };
                    (v / 100.0, text)
                })
                .to_vec(),
            Self::Count { top, step } => (0..=top / step)
                .map(|i| ((i * step) as f64 / top as f64, group_digits(i * step)))
                .collect(),
        }
    }

    /// The widest value a bar's end may carry, to reserve its room.
    fn widest(&self) -> String {
        match *self {
            Self::Percent => "100,0\u{A0}%".to_owned(),
            Self::Count { top, .. } => format!("{},0", group_digits(top)),
        }
    }
}

/// Lines across the rows at given values (the municipal value the
/// schools' bars are set against, the card's minimum), with a legend above
/// the rows: a line per entry (a count's mean is said at length), each
/// after its sample.
#[derive(Default)]
pub(crate) struct Guides {
    /// Where a line crosses the rows (a fraction of the scale), and how.
    pub lines: Vec<(f64, Sample)>,
    pub legend: Vec<(Sample, String)>,
}

/// How a guide is drawn, and what stands before a legend's words.
#[derive(Clone, Copy)]
pub(crate) enum Sample {
    /// A dashed line in ink.
    Dash,
    /// A solid line in a colour.
    Line(RGBColor),
    /// A bar's colour (a legend's swatch only).
    Colour(RGBColor),
}

/// The widest of `rows`' labels: pictures of one chart share it, so that
/// their bars line up one under the other.
pub(crate) fn label_width(rows: &[Bar]) -> i32 {
    (rows.iter())
        .flat_map(|r| &r.lines)
        .map(|l| text_width(l, SMALL))
        .max()
        .unwrap_or(0)
}

/// Rows of bars on `scale`, with `guides`; `label`
/// is the chart's accessible description, `label_width` that of the
/// rows' labels ([`label_width`]). Rows with a `note` come last: the grid
/// and the guides stop above them, so as not to cross the words.
pub(crate) fn bars(
    title: &str,
    label: &str,
    rows: &[Bar],
    scale: &Scale,
    guides: &Guides,
    label_width: i32,
) -> String {
    const LEGEND_LINE: i32 = 18;
    let left = MARGIN + label_width + 8;
    let values = (rows.iter())
        .map(|r| text_width(&r.value, SMALL))
        .fold(text_width(&scale.widest(), SMALL), i32::max);
    let right = WIDTH - MARGIN - values - 6;
    let legend = match guides.legend.len() as i32 {
        0 => 0,
        n => n * LEGEND_LINE + 4,
    };
    let first = BELOW_TITLE + 20 + legend;
    let row = match rows.iter().map(|r| r.lines.len()).max().unwrap_or(1) {
        1 => ROW,
        n => LINE * n as i32 + 6,
    };
    let last = first + row * rows.len() as i32;
    let tracks = rows.iter().take_while(|r| r.note.is_none()).count();
    let tracks_end = first + row * tracks as i32 + 2;
    let repeat_axis = rows.len() > AXIS_AGAIN_AFTER;
    let height = last + if repeat_axis { 28 } else { MARGIN };
    let x = |at: f64| left + (at.clamp(0.0, 1.0) * f64::from(right - left)).round() as i32;
    let middle = |i: usize| first + row * i as i32 + row / 2;
    // Our own words, whose no-break spaces stay: a name is cut by `fit`.
    let fitted = |text: &str, room: i32| match text_width(text, SMALL) <= room {
        true => text.to_owned(),
        false => fit(text, room, SMALL),
    };

    render(WIDTH, height, label, |canvas| {
        canvas.title(title, WIDTH);
        for i in 0..tracks {
            let y = middle(i);
            canvas.rect((left, y - BAR / 2), (right, y + BAR / 2), TRACK);
        }
        let tick = Font::new(SMALL).colour(MUTED);
        for (at, text) in scale.ticks() {
            let at = x(at);
            if tracks > 0 {
                canvas.line(&[(at, first - 2), (at, tracks_end)], GRID, 1);
            }
            canvas.text(
                text.as_str(),
                (at, first - 4),
                tick.anchor(HPos::Center, VPos::Bottom),
            );
            if repeat_axis {
                canvas.text(&text, (at, last + 6), tick.anchor(HPos::Center, VPos::Top));
            }
        }
        for (i, r) in rows.iter().enumerate() {
            let y = middle(i);
            // A value of 0 is a value: a sliver, in its colour, tells it
            // from a row without one.
            if let Some(at) = r.at {
                let end = x(at).max(left + 2);
                canvas.rect((left, y - BAR / 2), (end, y + BAR / 2), r.colour);
            }
            if let Some(note) = &r.note {
                canvas.text(
                    // To the picture's edge: no value stands after it.
                    &fit(note, WIDTH - left - 2, SMALL),
                    (left, y),
                    Font::new(SMALL)
                        .colour(MUTED)
                        .anchor(HPos::Left, VPos::Center),
                );
            }
            let n = r.lines.len() as i32;
            for (j, line) in r.lines.iter().enumerate() {
                let dy = (2 * j as i32 - (n - 1)) * LINE / 2;
                canvas.text(
                    line,
                    (left - 8, y + dy),
                    Font::new(SMALL).anchor(HPos::Right, VPos::Center),
                );
            }
            canvas.text(
                &r.value,
                (right + 6, y),
                Font::new(SMALL).anchor(HPos::Left, VPos::Center),
            );
        }
        let mut dashes = Shapes::default();
        for &(at, sample) in &guides.lines {
            let at = x(at);
            match sample {
                Sample::Dash => {
                    let mut y = first - 2;
                    while tracks > 0 && y < tracks_end {
                        dashes.line(&[(at, y), (at, (y + 5).min(tracks_end))]);
                        y += 9;
                    }
                }
                Sample::Line(colour) if tracks > 0 => {
                    canvas.line(&[(at, first - 2), (at, tracks_end)], colour, 2)
                }
                _ => {}
            }
        }
        for (i, (sample, words)) in guides.legend.iter().enumerate() {
            let y = BELOW_TITLE + 6 + LEGEND_LINE * i as i32;
            match *sample {
                Sample::Dash => {
                    dashes.line(&[(MARGIN, y), (MARGIN + 5, y)]);
                    dashes.line(&[(MARGIN + 10, y), (MARGIN + 15, y)]);
                }
                Sample::Line(colour) => canvas.line(&[(MARGIN, y), (MARGIN + 15, y)], colour, 2),
                Sample::Colour(colour) => {
                    canvas.rect((MARGIN, y - 5), (MARGIN + 15, y + 5), colour)
                }
            }
            canvas.text(
                &fitted(words, WIDTH - 2 * MARGIN - 22),
                (MARGIN + 22, y),
                Font::new(SMALL).anchor(HPos::Left, VPos::Center),
            );
        }
        canvas.stroke(&dashes, INK, 2);
    })
}

/// A label in at most [`MAX_LINES`] lines of [`NAME_CHARS`], broken
/// between words: the criteria's names run to 149 characters, and a cut name
/// loses the words that tell it from its neighbours, on screen and in the
/// printed report.
pub(crate) fn label_lines(label: &str) -> Vec<String> {
    let label = one_line(label);
    let mut lines = Vec::new();
    let mut rest = label.as_str();
    while lines.len() + 1 < MAX_LINES {
        let Some(i) = space_within(rest, NAME_CHARS) else {
            break;
        };
        lines.push(rest[..i].to_owned());
        rest = &rest[i + 1..];
    }
    lines.push(match space_within(rest, NAME_CHARS - 1) {
        Some(j) if rest.chars().count() > NAME_CHARS => format!("{}…", &rest[..j]),
        _ => clip(rest, NAME_CHARS),
    });
    lines
}

/// Where to break `text` to keep `max` characters on the line: the last
/// space that allows it; `None` when the whole text fits or no space does.
fn space_within(text: &str, max: usize) -> Option<usize> {
    if text.chars().count() <= max {
        return None;
    }
    text.char_indices()
        .take(max + 1)
        .filter(|&(i, c)| c == ' ' && i > 0)
        .map(|(i, _)| i)
        .last()
}
