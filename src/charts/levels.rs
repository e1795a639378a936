//! How many schools reached each efficiency level.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use crate::canvas::{
    clip, count, fit, nice_step, no_data, render, text_width, Font, Plot, BELOW_TITLE, BLUE,
    MARGIN, NORMAL, ORANGE, VERMILLION, WIDTH,
};
use crate::Share;

const TITLE: &str = "Уровни эффективности школ";
const HEIGHT: i32 = 320;
/// From the highest level down: blue, orange, vermillion, the hues of the
/// level badges beside the chart and of the heatmap's earned and missed
/// points (not green against red, which many readers cannot tell apart);
/// the labels say it for everyone.
const COLOURS: [RGBColor; 3] = [BLUE, ORANGE, VERMILLION];

/// Bars of the number of schools per level, given from the highest level to
/// the lowest (e.g. "высокий", "средний", "низкий"), each with its count and
/// share of all schools.
pub fn level_distribution(counts: &[(String, u32)]) -> String {
    let total: u64 = counts.iter().map(|(_, n)| u64::from(*n)).sum();
    if total == 0 {
        return no_data(TITLE);
    }
    let share = |n: u32| Share::new(n.into(), total).label();
    let max = counts.iter().map(|(_, n)| u64::from(*n)).max().unwrap_or(1);
    let step = nice_step(max);
    let plot = Plot {
        left: 56,
        right: WIDTH - MARGIN,
        top: BELOW_TITLE + 40,
        bottom: HEIGHT - 40,
        max: (max.div_ceil(step) * step) as f64,
    };
    let description = counts
        .iter()
        .map(|(name, n)| format!("{} — {n} ({})", clip(name, 40), share(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "{TITLE}, всего {}: {description}.",
        count(total as usize, "школа", "школы", "школ")
    );

    render(WIDTH, HEIGHT, &label, |canvas| {
        canvas.title(TITLE, WIDTH);
        plot.grid(canvas, step as f64, "школ");
        let slot = (plot.right - plot.left) / counts.len() as i32;
        let half_bar = (slot * 3 / 10).min(60);
        for ((name, n), (i, colour)) in counts.iter().zip(COLOURS.iter().cycle().enumerate()) {
            let centre = plot.left + slot * i as i32 + slot / 2;
            let top = plot.y(f64::from(*n));
            canvas.rect(
                (centre - half_bar, top),
                (centre + half_bar, plot.bottom),
                *colour,
            );
            let full = format!("{n} ({})", share(*n));
            let value = if text_width(&full, NORMAL) <= slot {
                full
            } else {
                n.to_string()
            };
            canvas.text(
                &value,
                (centre, top - 4),
                Font::new(NORMAL).bold().anchor(HPos::Center, VPos::Bottom),
            );
            canvas.text(
                &fit(name, slot - 8, NORMAL),
                (centre, plot.bottom + 8),
                Font::new(NORMAL).anchor(HPos::Center, VPos::Top),
            );
        }
    })
}
