//! One school's percentages against the municipality's as a whole: the
//! sum of all schools' points over the sum of their maxima, as the criteria
//! chart beside it counts, not an average of the schools' percentages.

use plotters::style::text_anchor::{HPos, VPos};

use crate::canvas::{
    clip, fit, flow, no_data, render, school_label, text_width, Font, Plot, BELOW_TITLE, BLUE, INK,
    MARGIN, NAME_CHARS, SMALL, WIDTH,
};
use crate::Share;

const TITLE: &str = "Профиль школы и муниципалитет в целом";
const AVERAGE: &str = "муниципалитет в целом";
const NOT_APPLICABLE: &str = "не применим";
const PLOT_HEIGHT: i32 = 210;
/// Room under the plot for upright labels.
const UPRIGHT_LABELS: i32 = 24;
/// The longest a label may run when turned upward.
const UPWARD_LABELS: i32 = 96;

/// A bar per label for the school and a thick black line across it for the
/// average: bar against line tells the two apart without colour. The
/// school's share without a whole is a criterion that does not apply to it
/// (none of its points are in its maximum): «не применим» (or «—» in a
/// narrow slot) where a bar would stand and in the description, as the
/// matrix and the rating say it; `None`, a criterion its version of the
/// card does not have, is said so in the description. An average without
/// data draws nothing. When one label
/// is wider than its bar's slot, all labels are turned upward rather than
/// cut, since codes like "1.10" and "1.1" must stay distinct.
pub fn profile_vs_average(
    labels: &[String],
    school: &[Option<Share>],
    average: &[Share],
    school_name: &str,
) -> String {
    if labels.is_empty() {
        return no_data(TITLE);
    }
    let name = school_label(school_name, NAME_CHARS);
    let share = |values: &[Share], i: usize| values.get(i).copied().unwrap_or(Share::NO_DATA);
    let value = |values: &[Share], i: usize| share(values, i).value();
    let shown = |values: &[Share], i: usize| share(values, i).described();
    let own = |i: usize| school.get(i).copied().flatten();

    let (places, legend_bottom) = flow(
        &[
            14 + 6 + text_width(&name, SMALL),
            24 + 6 + text_width(AVERAGE, SMALL),
        ],
        (MARGIN, BELOW_TITLE - 6),
        WIDTH - MARGIN,
    );
    let top = legend_bottom + 28;
    let plot = Plot {
        left: 56,
        right: WIDTH - MARGIN,
        top,
        bottom: top + PLOT_HEIGHT,
        max: 100.0,
    };
    let slot = f64::from(plot.right - plot.left) / labels.len() as f64;
    let room = slot as i32 - 4;
    let upright = labels
        .iter()
        .all(|l| text_width(&clip(l, 40), SMALL) <= room);
    let codes: Vec<String> = labels
        .iter()
        .map(|l| fit(l, if upright { room } else { UPWARD_LABELS }, SMALL))
        .collect();
    let label_room = if upright {
        UPRIGHT_LABELS
    } else {
        codes
            .iter()
            .map(|c| text_width(c, SMALL))
            .max()
            .unwrap_or(0)
            + 8
    };
    let height = plot.bottom + 6 + label_room + MARGIN;

    let list: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let own = match own(i) {
                Some(s) if s.value().is_some() => s.described(),
                Some(_) => NOT_APPLICABLE.to_owned(),
                None => "нет в версии карты школы".to_owned(),
            };
            format!(
                "{} — {own} (среднее {})",
                clip(l, NAME_CHARS),
                shown(average, i)
            )
        })
        .collect();
    let label = format!(
        "Профиль школы «{}» и {AVERAGE}: {}.",
        clip(school_name, 200),
        list.join("; ")
    );

    render(WIDTH, height, &label, |canvas| {
        canvas.title(TITLE, WIDTH);
        let note = Font::new(SMALL).anchor(HPos::Left, VPos::Center);
        let (x, y) = places[0];
        canvas.rect((x, y + 1), (x + 14, y + 15), BLUE);
        canvas.text(&name, (x + 20, y + 8), note);
        let (x, y) = places[1];
        canvas.line(&[(x, y + 8), (x + 24, y + 8)], INK, 3);
        canvas.text(AVERAGE, (x + 30, y + 8), note);

        plot.grid(canvas, 20.0, "%");
        let show_values = text_width("100,0", SMALL) <= room;
        // In words where they fit, as the matrix has them.
        let not_applicable = match text_width(NOT_APPLICABLE, SMALL) <= room {
            true => NOT_APPLICABLE,
            false => "—",
        };
        let half_bar = (slot * 0.25).min(20.0) as i32;
        let half_line = (slot * 0.4).min(32.0) as i32;
        let code_font = if upright {
            Font::new(SMALL).anchor(HPos::Center, VPos::Top)
        } else {
            Font::new(SMALL).upward().anchor(HPos::Right, VPos::Center)
        };
        for (i, code) in codes.iter().enumerate() {
            let centre = plot.left + ((i as f64 + 0.5) * slot).round() as i32;
            let bar = own(i).unwrap_or(Share::NO_DATA);
            if let Some(v) = bar.value() {
                let top = plot.y(v);
                canvas.rect(
                    (centre - half_bar, top),
                    (centre + half_bar, plot.bottom),
                    BLUE,
                );
                // All bars carry a value or none do.
                if let Some(text) = bar.number().filter(|_| show_values) {
                    // On the bar, lifted over the average line only where
                    // the two would touch: a «0,0» drawn above a line at 72
                    // reads as the average's value.
                    let touching = SMALL as i32 + 8;
                    let above = value(average, i)
                        .map(|a| plot.y(a))
                        .filter(|&line| line <= top && top - line < touching)
                        .unwrap_or(top);
                    canvas.text(
                        &text,
                        (centre, above - 5),
                        Font::new(SMALL).anchor(HPos::Center, VPos::Bottom),
                    );
                }
            }
            if own(i).is_some_and(|s| s.value().is_none()) {
                canvas.text(
                    not_applicable,
                    (centre, plot.bottom - 5),
                    Font::new(SMALL).anchor(HPos::Center, VPos::Bottom),
                );
            }
            if let Some(a) = value(average, i) {
                let y = plot.y(a);
                canvas.line(&[(centre - half_line, y), (centre + half_line, y)], INK, 3);
            }
            canvas.text(code, (centre, plot.bottom + 6), code_font);
        }
    })
}
