//! Horizontal percentage bars: fulfilment per criterion, share of schools
//! per indicator.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use crate::canvas::{
    clip, count, no_data, render, text_width, Font, BELOW_TITLE, BLUE, GRID, MARGIN, MUTED,
    NAME_CHARS, SMALL, WIDTH,
};
use crate::Share;
use profkarta_core::text::one_line;

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
    let lines: Vec<Vec<String>> = items.iter().map(|(l, _)| label_lines(l)).collect();
    let labels: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
    let label_width = lines
        .iter()
        .flatten()
        .map(|l| text_width(l, SMALL))
        .max()
        .unwrap_or(0);
    let left = MARGIN + label_width + 8;
    let right = WIDTH - MARGIN - text_width("100,0 %", SMALL) - 6;
    let first = BELOW_TITLE + 20;
    let row = match lines.iter().map(Vec::len).max().unwrap_or(1) {
        1 => ROW,
        n => LINE * n as i32 + 6,
    };
    let last = first + row * items.len() as i32;
    let repeat_axis = items.len() > AXIS_AGAIN_AFTER;
    let height = last + if repeat_axis { 28 } else { MARGIN };
    let x = |value: f64| {
        left + (value.clamp(0.0, 100.0) / 100.0 * f64::from(right - left)).round() as i32
    };

    let label = if items.len() <= LISTED {
        let list: Vec<String> = labels
            .iter()
            .zip(items)
            .map(|(l, (_, v))| format!("{l} — {}", v.label()))
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

    render(WIDTH, height, &label, |canvas| {
        canvas.title(title, WIDTH);
        for i in 0..items.len() as i32 {
            let middle = first + row * i + row / 2;
            canvas.rect((left, middle - BAR / 2), (right, middle + BAR / 2), TRACK);
        }
        let tick = Font::new(SMALL).colour(MUTED);
        for value in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let at = x(value);
            canvas.line(&[(at, first - 2), (at, last + 2)], GRID, 1);
            let text = if value == 100.0 {
                "100 %".to_owned()
            } else {
                format!("{value}")
            };
            canvas.text(
                &text,
                (at, first - 4),
                tick.anchor(HPos::Center, VPos::Bottom),
            );
            if repeat_axis {
                canvas.text(&text, (at, last + 6), tick.anchor(HPos::Center, VPos::Top));
            }
        }
        for (i, (label, (_, value))) in lines.iter().zip(items).enumerate() {
            let middle = first + row * i as i32 + row / 2;
            if let Some(value) = value.value().filter(|v| *v > 0.0) {
                let colour = colours[i % colours.len()];
                canvas.rect(
                    (left, middle - BAR / 2),
                    (x(value), middle + BAR / 2),
                    colour,
                );
            }
            let n = label.len() as i32;
            for (j, line) in label.iter().enumerate() {
                let dy = (2 * j as i32 - (n - 1)) * LINE / 2;
                canvas.text(
                    line,
                    (left - 8, middle + dy),
                    Font::new(SMALL).anchor(HPos::Right, VPos::Center),
                );
            }
            canvas.text(
                &value.label(),
                (right + 6, middle),
                Font::new(SMALL).anchor(HPos::Left, VPos::Center),
            );
        }
    })
}

/// A label in at most [`MAX_LINES`] lines of [`NAME_CHARS`], broken
/// between words: the criteria's names run to 149 characters, and a cut name
/// loses the words that tell it from its neighbours, on screen and in the
/// printed report.
fn label_lines(label: &str) -> Vec<String> {
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
