//! Percentages over academic years.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use crate::canvas::{
    clip, flow, no_data, render, text_width, Canvas, Font, Plot, BELOW_TITLE, BLUE, BLUISH_GREEN,
    MARGIN, NAME_CHARS, ORANGE, REDDISH_PURPLE, SKY_BLUE, SMALL, VERMILLION, WIDTH,
};
use crate::Share;

const TITLE: &str = "Динамика по учебным годам";
const HEIGHT: i32 = 340;
/// Okabe–Ito without yellow, which is too light for a line on white.
const COLOURS: [RGBColor; 6] = [
    BLUE,
    VERMILLION,
    BLUISH_GREEN,
    REDDISH_PURPLE,
    ORANGE,
    SKY_BLUE,
];

/// Each series also gets its own marker shape, so series are told apart
/// without colour (plotters's SVG backend cannot dash lines).
#[derive(Clone, Copy)]
enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

const SHAPES: [Shape; 4] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
];

fn marker(canvas: &Canvas, shape: Shape, (x, y): (i32, i32), colour: RGBColor) {
    match shape {
        Shape::Circle => canvas.dot((x, y), 4, colour),
        Shape::Square => canvas.rect((x - 4, y - 4), (x + 4, y + 4), colour),
        Shape::Triangle => canvas.polygon(&[(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)], colour),
        Shape::Diamond => canvas.polygon(&[(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)], colour),
    }
}

/// One line per series over `periods` (e.g. "2024/2025"). A share without
/// data breaks the line rather than bridging the gap, so a year without data
/// is not mistaken for a measured one.
pub fn trend(periods: &[String], series: &[(String, Vec<Share>)]) -> String {
    let share = |values: &[Share], i: usize| values.get(i).copied().unwrap_or(Share::NO_DATA);
    let value = |values: &[Share], i: usize| share(values, i).value();
    let any_value = series
        .iter()
        .any(|(_, values)| (0..periods.len()).any(|i| value(values, i).is_some()));
    if !any_value {
        return no_data(TITLE);
    }
    let names: Vec<String> = series.iter().map(|(n, _)| clip(n, NAME_CHARS)).collect();
    let widths: Vec<i32> = names
        .iter()
        .map(|n| 28 + 6 + text_width(n, SMALL))
        .collect();
    let (places, legend_bottom) = flow(&widths, (MARGIN, BELOW_TITLE - 6), WIDTH - MARGIN);
    let plot = Plot {
        left: 56,
        right: WIDTH - MARGIN,
        top: legend_bottom + 28,
        bottom: HEIGHT - 36,
        max: 100.0,
    };

    let description: Vec<String> = names
        .iter()
        .zip(series)
        .map(|(name, (_, values))| {
            let points: Vec<String> = periods
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let v = share(values, i).described();
                    format!("{} — {v}", clip(p, NAME_CHARS))
                })
                .collect();
            format!("{name}: {}", points.join(", "))
        })
        .collect();
    let label = format!("{TITLE}. {}.", description.join("; "));

    render(WIDTH, HEIGHT, &label, |canvas| {
        canvas.title(TITLE, WIDTH);
        plot.grid(canvas, 20.0, "%");

        let slot = f64::from(plot.right - plot.left) / periods.len() as f64;
        let x = |i: usize| plot.left + ((i as f64 + 0.5) * slot).round() as i32;
        let widest = periods
            .iter()
            .map(|p| text_width(&clip(p, 12), SMALL))
            .max();
        let needed = f64::from(widest.unwrap_or(0) + 12);
        let every = (needed / slot).ceil().max(1.0) as usize;
        for (i, period) in periods.iter().enumerate().step_by(every) {
            canvas.text(
                &clip(period, 12),
                (x(i), plot.bottom + 6),
                Font::new(SMALL).anchor(HPos::Center, VPos::Top),
            );
        }

        let styles = COLOURS.iter().cycle().zip(SHAPES.iter().cycle());
        for ((name, (_, values)), ((colour, shape), &(lx, ly))) in
            names.iter().zip(series).zip(styles.zip(&places))
        {
            canvas.line(&[(lx, ly + 8), (lx + 28, ly + 8)], *colour, 2);
            marker(canvas, *shape, (lx + 14, ly + 8), *colour);
            canvas.text(
                name,
                (lx + 34, ly + 8),
                Font::new(SMALL).anchor(HPos::Left, VPos::Center),
            );

            let points: Vec<Option<(i32, i32)>> = (0..periods.len())
                .map(|i| value(values, i).map(|v| (x(i), plot.y(v))))
                .collect();
            for run in points.split(Option::is_none) {
                let run: Vec<(i32, i32)> = run.iter().flatten().copied().collect();
                if run.len() > 1 {
                    canvas.line(&run, *colour, 2);
                }
            }
            for &point in points.iter().flatten() {
                marker(canvas, *shape, point, *colour);
            }
        }

        // Each point's value beside it, where a year's slot has room: above
        // the point when no other line is higher there (of two equal ones,
        // the first), else below, so that two lines' labels part instead of
        // meeting; above also where below would run into the years.
        if slot < f64::from(text_width("100,0 %", SMALL) + 6) {
            return;
        }
        for (k, (_, values)) in series.iter().enumerate() {
            for i in 0..periods.len() {
                let Some(v) = value(values, i) else { continue };
                let highest =
                    series
                        .iter()
                        .enumerate()
                        .filter(|&(j, _)| j != k)
                        .all(|(j, (_, other))| {
                            value(other, i).is_none_or(|o| o < v || (o == v && j > k))
                        });
                let near_axis = plot.y(v) + 8 + SMALL.ceil() as i32 > plot.bottom;
                let (dy, side) = if highest || near_axis {
                    (-8, VPos::Bottom)
                } else {
                    (8, VPos::Top)
                };
                canvas.text(
                    &share(values, i).label(),
                    (x(i), plot.y(v) + dy),
                    Font::new(SMALL).anchor(HPos::Center, side),
                );
            }
        }
    })
}
