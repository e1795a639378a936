//! Drawing and layout helpers shared by the charts: palette, estimated text
//! widths, the accessible SVG root and the "no data" chart.

use std::cell::RefCell;
use std::fmt::{Debug, Write};

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use profkarta_core::text::{one_line, plural, shorten};

// Okabe–Ito colours (only those the charts use).
pub(super) const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub(super) const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
pub(super) const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub(super) const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(super) const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub(super) const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// Body text: near-black reads as black but is softer next to filled bars.
pub(super) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Tick labels and notes: still 7:1 against white.
pub(super) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub(super) const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);

/// Natural width of the charts: the text width of an A4 page at 96 dpi, so a
/// printed chart keeps its 12 px labels at 12 px.
pub(super) const WIDTH: i32 = 680;
pub(super) const MARGIN: i32 = 12;
/// The smallest label size; nothing is drawn below it.
pub(super) const SMALL: f64 = 12.0;
pub(super) const NORMAL: f64 = 14.0;
pub(super) const TITLE: f64 = 16.0;
/// Where the plot starts below a one-line title.
pub(super) const BELOW_TITLE: i32 = 44;
/// Longest name shown in full; longer ones end with "…".
pub(super) const NAME_CHARS: usize = 40;

/// plotters's SVG backend writes `font-size` as the requested size / 1.24
/// (a leftover of its bitmap metrics), so sizes are scaled up front.
const SVG_FONT_SCALE: f64 = 1.24;
/// The narrowest glyph advance in em, which bounds how many characters can
/// possibly fit in a width.
const NARROWEST_EM: f64 = 0.34;

/// Advance of one glyph in em, rounded up to the wider of Arial/Liberation
/// Sans and DejaVu Sans, so a reserved width is never too small.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '/' | '-' | '(' | ')' | '[' | ']'
        | 'i' | 'l' | 'j' | 'I' | 'і' => NARROWEST_EM,
        '№' => 1.2,
        'Ж' | 'Ш' | 'Щ' | 'Ю' | 'М' | 'Ы' | 'W' | 'M' | 'm' | 'w' | 'ж' | 'ш' | 'щ' | 'ю' | 'ы'
        | 'м' | '%' | '—' | '…' => 1.0,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.74,
        _ => 0.62,
    }
}

/// Estimated width of `text` at `px`, used instead of measuring it (see the
/// module docs for why plotters's measurement must not run).
pub(super) fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().map(char_em).sum::<f64>() * px).ceil() as i32
}

/// The longest [`clip`] of `text` whose estimated width is within `width`.
pub(super) fn fit(text: &str, width: i32, px: f64) -> String {
    let most = (f64::from(width.max(0)) / (px * NARROWEST_EM)) as usize + 1;
    let text = clip(text, most);
    (0..=text.chars().count())
        .rev()
        .map(|n| clip(&text, n))
        .find(|t| text_width(t, px) <= width)
        .unwrap_or_default()
}

/// A label as it may be drawn: one line of visible text
/// ([`one_line`]), and text longer than
/// `max_chars` ends with "…".
/// An empty label (a clip to under two characters) is not drawn at all.
pub(super) fn clip(text: &str, max_chars: usize) -> String {
    shorten(&one_line(text), max_chars)
}

/// Official school names share their first 40 characters ("Муниципальное
/// бюджетное общеобразовательное учреждение «Средняя…"), so cutting them
/// alone would give every row the same label; the usual abbreviations keep
/// the number and the place in view.
const ABBREVIATIONS: [(&str, &str); 9] = [
    (
        "муниципальное бюджетное общеобразовательное учреждение",
        "МБОУ",
    ),
    (
        "муниципальное автономное общеобразовательное учреждение",
        "МАОУ",
    ),
    (
        "муниципальное казённое общеобразовательное учреждение",
        "МКОУ",
    ),
    (
        "муниципальное казенное общеобразовательное учреждение",
        "МКОУ",
    ),
    (
        "государственное бюджетное общеобразовательное учреждение",
        "ГБОУ",
    ),
    ("средняя общеобразовательная школа", "СОШ"),
    ("основная общеобразовательная школа", "ООШ"),
    ("начальная общеобразовательная школа", "НОШ"),
    ("имени", "им."),
];

/// A school name cut to `max_chars`, abbreviated first if it is too long.
pub(super) fn school_label(name: &str, max_chars: usize) -> String {
    let clean = one_line(name);
    let chars: Vec<char> = clean.chars().collect();
    if chars.len() <= max_chars {
        return clean;
    }
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let phrases: Vec<(Vec<char>, &str)> = ABBREVIATIONS
        .iter()
        .map(|(phrase, short)| (phrase.chars().collect(), *short))
        .collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(clean.len());
    let mut i = 0;
    while i < chars.len() {
        let found = phrases.iter().find(|(phrase, _)| {
            let end = i + phrase.len();
            (i == 0 || !is_word(i - 1))
                && lower.get(i..end) == Some(phrase.as_slice())
                && !is_word(end)
        });
        match found {
            Some((phrase, short)) => {
                out.push_str(short);
                i += phrase.len();
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    clip(&out, max_chars)
}

/// "150 школ", "23 показателя".
pub(super) fn count(n: usize, one: &str, few: &str, many: &str) -> String {
    format!("{n} {}", plural(n as u64, one, few, many))
}

/// A round tick step (1, 2, 5 × 10ⁿ) giving at most five steps up to `max`.
pub(super) fn nice_step(max: u64) -> u64 {
    let rough = max.div_ceil(5).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= rough {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= rough)
        .unwrap_or(10 * magnitude)
}

/// The pixel box of a plot with a value axis from 0 at `bottom` to `max` at
/// `top`.
#[derive(Clone, Copy)]
pub(super) struct Plot {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub max: f64,
}

impl Plot {
    pub fn y(&self, value: f64) -> i32 {
        let share = (value / self.max).clamp(0.0, 1.0);
        self.bottom - (share * f64::from(self.bottom - self.top)).round() as i32
    }

    /// Horizontal grid lines with their values left of the plot, and the
    /// unit above the labels.
    pub fn grid(&self, canvas: &Canvas, step: f64, unit: &str) {
        let tick = Font::new(SMALL)
            .colour(MUTED)
            .anchor(HPos::Right, VPos::Center);
        let steps = (self.max / step).round() as i32;
        for i in 0..=steps {
            let value = f64::from(i) * step;
            let y = self.y(value);
            canvas.line(&[(self.left, y), (self.right, y)], GRID, 1);
            canvas.text(&format!("{value}"), (self.left - 6, y), tick);
        }
        canvas.text(
            unit,
            (self.left - 6, self.top - 14),
            tick.anchor(HPos::Right, VPos::Bottom),
        );
        canvas.line(
            &[(self.left, self.bottom), (self.right, self.bottom)],
            MUTED,
            1,
        );
    }
}

/// Places legend entries of the given widths left to right, wrapping at
/// `right`; returns each entry's top-left corner and the bottom of the last
/// row.
pub(super) fn flow(widths: &[i32], (left, top): (i32, i32), right: i32) -> (Vec<(i32, i32)>, i32) {
    const ROW: i32 = 22;
    const GAP: i32 = 24;
    let (mut x, mut y) = (left, top);
    let mut places = Vec::with_capacity(widths.len());
    for &w in widths {
        if x > left && x + w > right {
            x = left;
            y += ROW;
        }
        places.push((x, y));
        x += w + GAP;
    }
    (places, y + ROW)
}

/// How a label is drawn; `anchor` says which point of the text sits at the
/// given coordinates, so no width is ever needed.
#[derive(Clone, Copy)]
pub(super) struct Font {
    px: f64,
    bold: bool,
    colour: RGBColor,
    anchor: Pos,
    upward: bool,
}

impl Font {
    pub fn new(px: f64) -> Self {
        Font {
            px,
            bold: false,
            colour: INK,
            anchor: Pos::new(HPos::Left, VPos::Center),
            upward: false,
        }
    }

    /// Turned to read bottom to top, for labels too wide to stand upright;
    /// the anchor is then taken along the text's own direction.
    pub fn upward(self) -> Self {
        Font {
            upward: true,
            ..self
        }
    }

    pub fn bold(self) -> Self {
        Font { bold: true, ..self }
    }

    pub fn colour(self, colour: RGBColor) -> Self {
        Font { colour, ..self }
    }

    pub fn anchor(self, h: HPos, v: VPos) -> Self {
        Font {
            anchor: Pos::new(h, v),
            ..self
        }
    }
}

/// A pixel-coordinate drawing surface over plotters's SVG backend.
pub(super) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
    /// [`Shapes`] written as they are, laid over what plotters drew.
    paths: RefCell<String>,
}

/// Many shapes of one paint as a single `<path>`. A 150-school heatmap has
/// 3 450 cells; as one element each they took the browser longer to lay
/// out than everything else on the results tab.
#[derive(Default)]
pub(super) struct Shapes {
    d: String,
}

impl Shapes {
    pub fn rect(&mut self, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) {
        let _ = write!(self.d, "M{x0} {y0}H{x1}V{y1}H{x0}Z");
    }

    /// A polyline; `points` must not be empty.
    pub fn line(&mut self, points: &[(i32, i32)]) {
        for (i, (x, y)) in points.iter().enumerate() {
            let _ = write!(self.d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
        }
    }

    /// A disc, as two half-circle arcs.
    pub fn dot(&mut self, (x, y): (i32, i32), r: i32) {
        let _ = write!(
            self.d,
            "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z",
            x - r,
            2 * r,
            2 * r
        );
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The SVG backend writing into a `String` has no failure path: its drawing
/// methods only append text, and only `present` of a file target does I/O.
fn drawn<E: Debug>(result: Result<(), E>) {
    result.expect("plotters's SVG backend cannot fail when writing into a String");
}

impl Canvas<'_> {
    pub fn fill(&self, shapes: &Shapes, colour: RGBColor) {
        self.path(shapes, &format!("fill=\"{}\"", hex(colour)));
    }

    pub fn stroke(&self, shapes: &Shapes, colour: RGBColor, width: u32) {
        let paint = format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"",
            hex(colour)
        );
        self.path(shapes, &paint);
    }

    fn path(&self, shapes: &Shapes, paint: &str) {
        if !shapes.d.is_empty() {
            let _ = writeln!(
                self.paths.borrow_mut(),
                "<path d=\"{}\" {paint}/>",
                shapes.d
            );
        }
    }

    pub fn rect(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), colour: RGBColor) {
        drawn(
            self.area
                .draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled())),
        );
    }

    pub fn line(&self, points: &[(i32, i32)], colour: RGBColor, width: u32) {
        drawn(
            self.area
                .draw(&PathElement::new(points, colour.stroke_width(width))),
        );
    }

    pub fn polygon(&self, points: &[(i32, i32)], colour: RGBColor) {
        drawn(self.area.draw(&Polygon::new(points, colour.filled())));
    }

    pub fn dot(&self, centre: (i32, i32), radius: i32, colour: RGBColor) {
        drawn(
            self.area
                .draw(&Circle::new(centre, radius, colour.filled())),
        );
    }

    /// Writes a `<text>` element (none for an empty label, which a clip to
    /// a too-narrow slot gives); plotters escapes the text itself.
    pub fn text(&self, text: &str, at: (i32, i32), font: Font) {
        if text.is_empty() {
            return;
        }
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let style = TextStyle::from(FontDesc::new(
            FontFamily::SansSerif,
            font.px * SVG_FONT_SCALE,
            style,
        ))
        .color(&font.colour)
        .pos(font.anchor);
        let style = if font.upward {
            style.transform(FontTransform::Rotate270)
        } else {
            style
        };
        drawn(self.area.draw(&Text::new(text, at, style)));
    }

    /// The chart title, top left, cut to the chart's width.
    pub fn title(&self, title: &str, width: i32) {
        let title = fit(title, width - 2 * MARGIN, TITLE);
        self.text(
            &title,
            (MARGIN, MARGIN),
            Font::new(TITLE).bold().anchor(HPos::Left, VPos::Top),
        );
    }
}

/// Draws a `width`×`height` chart and gives it the accessible, scalable root
/// described in the module docs; `label` is its Russian description.
pub(super) fn render(
    width: i32,
    height: i32,
    label: &str,
    draw: impl FnOnce(&Canvas<'_>),
) -> String {
    let size = (width.max(1) as u32, height.max(1) as u32);
    let mut svg = String::with_capacity(4096);
    let paths = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        drawn(area.fill(&WHITE));
        let canvas = Canvas {
            area,
            paths: RefCell::new(String::new()),
        };
        draw(&canvas);
        drawn(canvas.area.present());
        canvas.paths.into_inner()
    };
    // plotters's root line has only size attributes; it is replaced whole.
    // It also writes SVG's defaults on every element: a 150-school heatmap
    // is a third smaller without them.
    let mut body = svg
        .split_once('\n')
        .map_or("", |(_, body)| body)
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "");
    let end = body.rfind("</svg>").unwrap_or(body.len());
    body.insert_str(end, &paths);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" class=\"pk-chart\" role=\"img\" aria-label=\"{label}\">\n{body}",
        w = size.0,
        h = size.1,
        label = escape(label),
    )
}

/// The description a chart drawn by [`render`] carries, as its `label`
/// was: what a picture made of the chart (the report in Word) says to a
/// screen reader, its figures included, as the page's chart does.
pub fn description(svg: &str) -> Option<String> {
    let (_, rest) = svg.lines().next()?.split_once(" aria-label=\"")?;
    let (label, _) = rest.split_once('"')?;
    Some(
        label
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// A chart with only its title and "нет данных", so an empty selection
/// shows a message where the chart would be instead of a broken image.
pub(super) fn no_data(title: &str) -> String {
    render(
        WIDTH,
        96,
        &format!("{title}: нет данных"),
        |canvas| {
            canvas.title(title, WIDTH);
            canvas.text(
                "нет данных",
                (WIDTH / 2, 66),
                Font::new(NORMAL)
                    .colour(MUTED)
                    .anchor(HPos::Center, VPos::Center),
            );
        },
    )
}

/// Escapes text for an attribute value; plotters escapes only what it
/// writes itself, and the root is written here.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
