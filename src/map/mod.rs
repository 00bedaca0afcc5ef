//! Partner map: country outlines in, a self-contained, localised, accessible inline SVG
//! out, rendered at build time.
//!
//! # Pipeline
//!
//! 1. [`Outlines::parse`] reads the outline data once (see *Data format*).
//! 2. [`render`] fits a projection to the places ([`projection`]: a Lambert conformal
//!    conic with standard parallels at 1/6 and 5/6 of the places' latitude span, central
//!    meridian in the middle of their longitudes; Equal Earth for world-wide sets), sizes
//!    the frame (height from the data's aspect unless given), and clips the outlines to the
//!    frame: first in lon/lat to the frame's geographic box, then on screen. Shared arcs are
//!    simplified once (Douglas–Peucker at 0.35 px), so fills and borders match exactly.
//! 3. It draws: sea, graticule, land, the countries that have places (highlighted),
//!    borders (dashed where one side has no ISO code), coastline, country names, curved
//!    arcs from home institutions to partners, markers (places within a marker's width
//!    share one marker with a count), labels placed greedily without overlaps (leader
//!    lines or dropping when impossible, listed in [`RenderReport`]), legend and credit.
//! 4. Output is deterministic: the same input gives the same bytes (fixed number
//!    formatting, ordered maps only).
//!
//! [`validate`] checks places for the caller (coordinates in range, point inside its
//! country with a few km of tolerance, link ends exist) and returns typed issues.
//!
//! # Data format
//!
//! The theme ships `themes/default/data/countries-50m.json`: Natural Earth 1:50m admin-0
//! countries as TopoJSON, an unmodified copy from the npm package `world-atlas@2.0.2`
//! (see `SOURCE.md` beside it). A site may replace it with any TopoJSON `Topology` that has:
//!
//! * an object `countries` (else the first object) that is a `GeometryCollection` of
//!   `Polygon` / `MultiPolygon` geometries whose coordinates are longitude, latitude in
//!   degrees (WGS 84), quantised (`transform`) or not;
//! * on each geometry, the country as `id` = ISO 3166-1 numeric (`"203"`, as in
//!   world-atlas) or alpha-2 (`"CZ"`), or as `properties.iso_a2` (`ISO_A2_EH`, `ISO_A2`).
//!   Areas without any code are drawn as land; those named in the table in `iso.rs`
//!   (Kosovo → `XK`; Somaliland, N. Cyprus, Siachen Glacier, …) are also accepted, for
//!   validation, as inside the country that claims or administers them;
//! * shared borders stored once as shared arcs (what `geo2topo` produces). Without shared
//!   arcs the map still renders, but every outline is drawn as coastline.
//!
//! Several geometries with the same code are merged (world-atlas has two for `036`).
//!
//! # Text and localisation
//!
//! The caller passes every string already in the page's language ([`MapText`], labels and
//! tooltips in [`Place`], titles in [`Link`], localised country names keyed by alpha-2 for
//! tooltips and map labels). All of it is XML-escaped here (`svg::esc`, a 15-line escape;
//! no crate needed). Nothing is upper-cased for Georgian: country names are capitalised
//! only when they contain no Georgian letters, and no CSS uses `text-transform`.
//!
//! # Interactivity and accessibility
//!
//! Each place is an `<a href>` (marker and label together, one Tab stop) with a `<title>`
//! tooltip and an `aria-label`; places sharing a marker get one linked label line each.
//! Arcs carry a `<title>` (the caller's project name and years). The `<svg>` has
//! `role="group"` (not `img`, which would hide the links from assistive technology) with
//! `aria-labelledby` / `aria-describedby` pointing at its `<title>` and `<desc>`, and
//! `lang` when given. Homes (filled disc), partners (ring) and groups (disc with a count)
//! differ by shape and fill, and the palette keeps its order in greyscale (sea darker
//! than land, countries with places darker than other land, ink and arcs darkest).
//!
//! `assets/map.js` (under 4 KB, no dependencies) wraps each full-size map in
//! `.mosty-map-wrap`, adds zoom buttons (labels from `data-zoom-in` / `data-zoom-out` /
//! `data-reset`, i.e. [`MapText`]), wheel zoom (at first only with Ctrl, which is also what a
//! trackpad pinch sends, so the page still scrolls), drag and pinch on the `viewBox`, keys `+ - 0`, and pans to a
//! marker that receives focus. Elements with `data-xy="x y"` (markers, labels, arrowheads,
//! country names) are counter-scaled about that point so text keeps its size; elements
//! with `data-fixed` (legend, credit, frame) stay in place. `assets/map.css` adds focus and
//! hover styles, `vector-effect: non-scaling-stroke`, and print rules. Compact maps
//! (`mm-compact`) stay static. Without JavaScript the SVG is complete.
//!
//! The SVG is meant to be inline in HTML: it has no `xmlns` (so it contains no URL but the
//! caller's own links; add `xmlns="http://www.w3.org/2000/svg"` to save it as a file).
//!
//! # Errors
//!
//! [`render`] never fails: unusable places and links are left out and listed in
//! [`RenderReport`]. Use [`validate`] / [`check_point`] to turn them into build errors.

pub mod geom;
mod iso;
mod iso_table;
pub mod labels;
mod metrics_table;
mod outlines;
pub mod projection;
mod render;
pub mod svg;
mod validate;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use outlines::{COAST_TOLERANCE_KM, OutlineError, Outlines};
pub use projection::Projection;
pub use render::{render, render_svg, render_svg_cached};
pub use validate::{Issue, IssueKind, check_point, validate};

/// A point on the map: an institution (or several sharing coordinates).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Unique id, referenced by [`Link`].
    pub id: String,
    /// Visible label, in the page's language.
    pub label: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 (upper or lower case).
    pub country: String,
    /// The place's page (site-relative or absolute; the caller's own URL).
    pub url: String,
    /// Tooltip and accessible name (e.g. full institution name and town); the label is
    /// used when empty.
    pub tooltip: String,
    /// A home institution (drawn filled) rather than a partner (drawn as a ring).
    pub home: bool,
}

/// A cooperation drawn as an arc from the home institution `from` to the partner `to`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Place id of the home institution.
    pub from: String,
    /// Place id of the partner.
    pub to: String,
    /// Tooltip: project name and years, in the page's language.
    pub title: String,
}

/// All text the map shows besides place labels, in the page's language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapText {
    /// Accessible name of the map (`<title>`).
    pub title: String,
    /// Longer description (`<desc>`), e.g. "7 colleges in 5 countries; see the table below".
    pub desc: String,
    /// Labels of the zoom buttons that `map.js` creates.
    pub zoom_in: String,
    pub zoom_out: String,
    pub reset: String,
    /// Legend entries; the legend is left out when all three are empty.
    pub legend_home: String,
    pub legend_partner: String,
    pub legend_link: String,
    /// Credit for the outline data, e.g. "Natural Earth"; left out when empty.
    pub attribution: String,
    /// Localised country names by alpha-2, for the highlighted countries' tooltips and
    /// map labels. Countries without a name get neither.
    pub countries: BTreeMap<String, String>,
}

/// Size and variant of a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapOptions {
    /// Prefix for element ids; must be unique on the page (e.g. "map-home").
    pub id: String,
    /// Language tag for the `lang` attribute; none when empty.
    pub lang: String,
    /// viewBox width in px.
    pub width: f64,
    /// viewBox height in px; `None` follows the data's aspect ratio (0.5–0.8 of width).
    pub height: Option<f64>,
    /// Small version for cards: smaller markers, labels only for home institutions, no
    /// legend, no country names.
    pub compact: bool,
    /// For a small map of a few places (a project's or an institution's): every place gets
    /// its label and countries their names, and at least a region ~2,000 km wide is shown
    /// so that close neighbours do not fill the frame.
    pub detail: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            id: "map".into(),
            lang: String::new(),
            width: 1000.0,
            height: None,
            compact: false,
            detail: false,
        }
    }
}

/// The SVG and what the renderer had to do to it.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedMap {
    pub svg: String,
    pub report: RenderReport,
}

/// What [`render`] decided, for build warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderReport {
    pub width: f64,
    pub height: f64,
    pub projection: Projection,
    /// Places that share a marker (groups of two or more), by id.
    pub groups: Vec<Vec<String>>,
    /// Places whose label was placed away from the marker, with a leader line.
    pub leader_lines: Vec<String>,
    /// Places whose label found no free spot and was left out (the marker is still drawn
    /// and its tooltip and link remain).
    pub dropped_labels: Vec<String>,
    /// Highlighted countries whose name found no free spot.
    pub dropped_country_labels: Vec<String>,
    /// Places not drawn at all.
    pub skipped_places: Vec<(String, SkipReason)>,
    /// Links not drawn, by index in the input.
    pub skipped_links: Vec<(usize, LinkSkip)>,
}

/// Why a place was not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Latitude or longitude out of range or not a number.
    BadCoordinates,
    /// An earlier place has the same id.
    DuplicateId,
}

/// Why a link was not drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkSkip {
    /// `from` or `to` names no drawn place.
    UnknownPlace(String),
    /// Both ends share one marker.
    SameMarker,
}
