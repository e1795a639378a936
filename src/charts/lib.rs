//! Charts for the department's results, drawn with plotters into SVG text.
//!
//! Every chart is a pure function from plain data to a standalone `<svg>`
//! string, so the same output goes into the page, a saved report and print.
//! The root carries `role="img"` and a Russian `aria-label` that states the
//! numbers (screen readers do not read the drawn text of an image), a
//! `viewBox` and `class="pk-chart"`; the page's CSS gives that class
//! `max-width:100%; height:auto`, so a chart shrinks to any container and to
//! an A4 page but never grows past the size at which its 12 px labels were
//! laid out. No inline style: the Content-Security-Policy forbids it.
//!
//! # Why the labels are laid out by hand
//!
//! On wasm, plotters measures text by appending a `<span>` to the live page
//! and reading its `offsetWidth` (`src/style/font/web.rs`); each measurement
//! forces a layout of the whole page, which turned a 0.3 s import into 2 s
//! on a heavy page. The measuring paths are `ChartBuilder::caption` (via
//! `DrawingArea::titled`), the mesh's axis labels, the series legend,
//! `MultiLineText` and `Pie`. The SVG backend's own `draw_text` only writes a
//! `<text>` element with an anchor and never measures, so these charts use
//! nothing but plain elements on a pixel-coordinate drawing area and size
//! their label columns from per-character width estimates (see
//! [`canvas::text_width`]).
//!
//! Colours come from the Okabe–Ito palette, which stays distinguishable for
//! the common colour-vision deficiencies, and no chart relies on colour
//! alone: labels, marker shapes and cell marks carry the same meaning.

mod bars;
mod canvas;
pub mod figures;
mod heatmap;
mod levels;
mod profile;
mod trend;

use profkarta_core::text::{percent, percent_tenths, tenths};

pub use bars::fulfilment_bars;
pub use canvas::description;
pub use heatmap::{heatmap, heatmap_pages, Mark};
pub use levels::level_distribution;
pub use profile::profile_vs_average;
pub use trend::trend;

/// An exact share, `part` of `whole`. Charts draw it at its percentage but
/// label it with the core's one formatter, so a chart and a table never
/// disagree (49 of 400 is «12,3 %» in both). A whole of 0 is "no data".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: u64,
    pub whole: u64,
}

impl Share {
    pub const NO_DATA: Share = Share { part: 0, whole: 0 };

    pub fn new(part: u64, whole: u64) -> Self {
        Self { part, whole }
    }

    /// Percent for placing marks only; labels come from [`Share::label`].
    fn value(self) -> Option<f64> {
        (self.whole != 0).then(|| self.part as f64 * 100.0 / self.whole as f64)
    }

    /// "66,7 %", or "—" without data.
    fn label(self) -> String {
        percent(self.part, self.whole)
    }

    /// "66,7 %", or "нет данных" for a missing bar or point.
    fn described(self) -> String {
        if self.whole == 0 {
            "нет данных".to_owned()
        } else {
            self.label()
        }
    }

    /// Exact order of two measured shares (cross-multiplied).
    fn compare(&self, other: &Share) -> std::cmp::Ordering {
        let (a, b) = (u128::from(self.part), u128::from(other.part));
        (a * u128::from(other.whole)).cmp(&(b * u128::from(self.whole)))
    }

    /// "66,7" without the sign, for values written on bars.
    fn number(self) -> Option<String> {
        percent_tenths(self.part, self.whole).map(|t| tenths(t, ','))
    }
}

#[cfg(test)]
mod tests;
