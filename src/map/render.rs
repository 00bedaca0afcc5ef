//! The renderer: from outlines, places and links to the SVG string. Owns the map's look
//! (palette, sizes, layer order), the pipeline (fit, clip, simplify, project), grouping of
//! nearby places into one marker, the arcs, the legend, and the calls into label
//! placement. See the module docs of [`crate::map`] for the overall design.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::geom::{self, Pt, Rect};
use super::labels::{Board, LabelReq, Placed, text_width};
use super::outlines::{ArcUse, Outlines, arc_index, assemble, valid_lat_lon};
use super::projection::{EqualEarth, Fit, Frame, Projection};
use super::svg::{PathData, esc, f1, f2, safe_href};
use super::{Link, LinkSkip, MapOptions, MapText, Place, RenderReport, RenderedMap, SkipReason};

/// Douglas–Peucker tolerance in pixels.
const TOL_PX: f64 = 0.35;
/// Rings smaller than this (px²) are left out.
const MIN_RING_AREA: f64 = 1.5;
/// Arc bow: the curve's apex lies this fraction of the chord away from it.
const BOW: f64 = 0.12;
/// Extra bow for each further arc between the same two markers.
const BOW_STEP: f64 = 0.07;

// Palette: muted land, light sea, ink markers, brick arcs. Lightness order survives
// greyscale printing: sea < land; highlighted land darker than land; arcs and ink dark.
const SEA: &str = "#c8dbe6";
const GRATICULE: &str = "#b4c9d6";
const FRAME: &str = "#9fb0bc";
const LAND: &str = "#f3f1ec";
const LAND_HL: &str = "#e8dfca";
const BORDER: &str = "#a69f91";
const COAST: &str = "#7b98ab";
const INK: &str = "#22313f";
const ARC: &str = "#a3412c";
const COUNTRY_TEXT: &str = "#857b68";
const FONT: &str = "'Noto Sans','Noto Sans Georgian','DejaVu Sans',system-ui,sans-serif";

/// Sizes that differ between the full map and the compact card map.
struct Style {
    r_home: f64,
    r_partner: f64,
    r_group: f64,
    label: f64,
    arc_w: f64,
    compact: bool,
}

impl Style {
    fn new(compact: bool) -> Style {
        if compact {
            Style {
                r_home: 4.5,
                r_partner: 4.0,
                r_group: 7.0,
                label: 11.0,
                arc_w: 1.3,
                compact,
            }
        } else {
            Style {
                r_home: 5.5,
                r_partner: 5.0,
                r_group: 8.5,
                label: 12.5,
                arc_w: 1.6,
                compact,
            }
        }
    }
    fn line_h(&self) -> f64 {
        self.label * 1.2
    }
}

/// Places that share one marker.
struct Group {
    members: Vec<usize>,
    pos: Pt,
    home: bool,
    r: f64,
}

struct Curve {
    p0: Pt,
    c: Pt,
    p2: Pt,
    to: usize,
    title: String,
}

impl Curve {
    fn at(&self, t: f64) -> Pt {
        let u = 1.0 - t;
        [
            u * u * self.p0[0] + 2.0 * u * t * self.c[0] + t * t * self.p2[0],
            u * u * self.p0[1] + 2.0 * u * t * self.c[1] + t * t * self.p2[1],
        ]
    }
}

/// The side an arc bows to by default: towards the top of the map (screen y down), or to
/// the left of travel for nearly vertical chords. `+1` is left of travel, `-1` right.
fn preferred_side(a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l = (dx * dx + dy * dy).sqrt().max(1e-9);
    if -dx / l >= 0.2 { -1.0 } else { 1.0 }
}

/// Control point of the quadratic arc from `a` to `b` whose apex lies `bow` × chord
/// length off the chord, on `side` (`+1` left of travel, `-1` right).
fn control(a: Pt, b: Pt, bow: f64, side: f64) -> Pt {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l = (dx * dx + dy * dy).sqrt();
    if l == 0.0 {
        return a;
    }
    let n = [side * dy / l, -side * dx / l];
    [
        (a[0] + b[0]) / 2.0 + n[0] * 2.0 * bow * l,
        (a[1] + b[1]) / 2.0 + n[1] * 2.0 * bow * l,
    ]
}

fn segments_cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let o = |p: Pt, q: Pt, r: Pt| (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    let (d1, d2, d3, d4) = (o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d));
    (d1 > 0.0) != (d2 > 0.0) && (d3 > 0.0) != (d4 > 0.0)
}

/// Resolves links to pairs of markers and shapes each arc: further arcs between the same
/// two markers bow more; each arc takes the side (preferring the top of the map) where it
/// passes no other marker and crosses the fewest arcs already drawn. `sides` fixes the
/// side per link (from a first pass); the chosen sides are returned (0 = not drawn).
fn plan_arcs(
    links: &[Link],
    by_id: &BTreeMap<&str, usize>,
    groups: &[Group],
    group_of: &[usize],
    sides: Option<&[f64]>,
) -> (Vec<Curve>, Vec<(usize, LinkSkip)>, Vec<f64>) {
    let mut skipped = Vec::new();
    let mut curves: Vec<Curve> = Vec::new();
    let mut chosen = vec![0.0; links.len()];
    let mut pair_count: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (li, l) in links.iter().enumerate() {
        let (a, b) = match (by_id.get(l.from.as_str()), by_id.get(l.to.as_str())) {
            (Some(&a), Some(&b)) => (a, b),
            (None, _) => {
                skipped.push((li, LinkSkip::UnknownPlace(l.from.clone())));
                continue;
            }
            (_, None) => {
                skipped.push((li, LinkSkip::UnknownPlace(l.to.clone())));
                continue;
            }
        };
        let (ga, gb) = (group_of[a], group_of[b]);
        if ga == gb {
            skipped.push((li, LinkSkip::SameMarker));
            continue;
        }
        let k = pair_count.entry((ga.min(gb), ga.max(gb))).or_insert(0);
        let bow = BOW + BOW_STEP * *k as f64;
        *k += 1;
        let (p0, p2) = (groups[ga].pos, groups[gb].pos);
        let pref = preferred_side(p0, p2);
        let fixed = sides.map(|s| s[li]).filter(|s| *s != 0.0);
        let mut best: Option<(f64, Curve, f64)> = None;
        for side in [pref, -pref] {
            if fixed.is_some_and(|f| f != side) {
                continue;
            }
            let c = Curve {
                p0,
                c: control(p0, p2, bow, side),
                p2,
                to: gb,
                title: l.title.clone(),
            };
            let pts: Vec<Pt> = (0..=24).map(|i| c.at(i as f64 / 24.0)).collect();
            let mut cost = if side == pref { 0.0 } else { 1.0 };
            for (gi, g) in groups.iter().enumerate() {
                if gi != ga
                    && gi != gb
                    && pts
                        .iter()
                        .any(|p| (p[0] - g.pos[0]).hypot(p[1] - g.pos[1]) < g.r + 6.0)
                {
                    cost += 100.0;
                }
            }
            for o in &curves {
                let q: Vec<Pt> = (0..=24).map(|i| o.at(i as f64 / 24.0)).collect();
                for s in pts.windows(2).skip(1).take(22) {
                    for t in q.windows(2).skip(1).take(22) {
                        if segments_cross(s[0], s[1], t[0], t[1]) {
                            cost += 4.0;
                        }
                    }
                }
            }
            if best.as_ref().is_none_or(|(bc, _, _)| cost < *bc) {
                best = Some((cost, c, side));
            }
        }
        if let Some((_, c, side)) = best {
            chosen[li] = side;
            curves.push(c);
        }
    }
    (curves, skipped, chosen)
}

/// Renders the map's SVG, or returns the one drawn before from the same input (with the
/// same outlines): `serve` rebuilds the site on every save, and the map rarely changes.
pub fn render_svg_cached(
    outlines: &Outlines,
    places: &[Place],
    links: &[Link],
    text: &MapText,
    opts: &MapOptions,
) -> std::sync::Arc<str> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{places:?}|{links:?}|{text:?}|{opts:?}").hash(&mut h);
    let key = h.finish();
    if let Some(svg) = outlines
        .svg_cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
    {
        return svg.clone();
    }
    let svg: std::sync::Arc<str> = render(outlines, places, links, text, opts).svg.into();
    outlines
        .svg_cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, svg.clone());
    svg
}

/// Renders the map and returns only the SVG. See [`render`].
pub fn render_svg(
    outlines: &Outlines,
    places: &[Place],
    links: &[Link],
    text: &MapText,
    opts: &MapOptions,
) -> String {
    render(outlines, places, links, text, opts).svg
}

/// Renders the map: an inline `<svg>` element (no XML declaration, no `xmlns`), and a
/// report of grouped places, leader lines and dropped labels.
pub fn render(
    outlines: &Outlines,
    places: &[Place],
    links: &[Link],
    text: &MapText,
    opts: &MapOptions,
) -> RenderedMap {
    let st = Style::new(opts.compact);

    // --- places that can be drawn --------------------------------------------------
    let mut skipped_places = Vec::new();
    let mut pl: Vec<&Place> = Vec::new();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for p in places {
        if !valid_lat_lon(p.lat, p.lon) {
            skipped_places.push((p.id.clone(), SkipReason::BadCoordinates));
        } else if by_id.contains_key(p.id.as_str()) {
            skipped_places.push((p.id.clone(), SkipReason::DuplicateId));
        } else {
            by_id.insert(p.id.as_str(), pl.len());
            pl.push(p);
        }
    }

    // --- projection and frame ------------------------------------------------------
    let lonlat: Vec<Pt> = pl.iter().map(|p| [p.lon, p.lat]).collect();
    let proj = if lonlat.is_empty() {
        Projection::EqualEarth(EqualEarth { lon0: 0.0 })
    } else {
        Projection::fit(&lonlat)
    };
    let mut bbox = Rect::empty();
    if lonlat.is_empty() {
        for i in 0..=36 {
            let lon = -180.0 + 10.0 * i as f64;
            bbox.add(proj.forward_rel(lon, -58.0));
            bbox.add(proj.forward_rel(lon, 84.0));
            bbox.add(proj.forward_rel(lon.clamp(-179.9, 179.9), 0.0));
        }
    }
    let projected: Vec<Pt> = lonlat.iter().map(|p| proj.forward(p[0], p[1])).collect();
    for p in &projected {
        bbox.add(*p);
    }
    let fit = Fit {
        width: opts.width.max(50.0),
        height: opts.height.map(|h| h.max(50.0)),
        pad_x: if st.compact { 0.07 } else { 0.085 },
        pad_y: if st.compact { 0.1 } else { 0.12 },
        min_extent: if opts.detail { 0.32 } else { 0.12 },
        min_aspect: 0.5,
        max_aspect: 0.8,
    };
    // first fit on the places alone, to shape the arcs; then refit with room for them
    let frame0 = Frame::fit(proj, bbox, &fit);
    let pos0: Vec<Pt> = lonlat.iter().map(|p| frame0.project(p[0], p[1])).collect();
    let (groups0, group_of0) = group_places(&pl, &pos0, &st);
    let (curves0, _, sides) = plan_arcs(links, &by_id, &groups0, &group_of0, None);
    for c in &curves0 {
        bbox.add(frame0.from_screen_xy(c.at(0.5)));
    }
    let frame = Frame::fit(proj, bbox, &fit);
    let (w, h) = (frame.width, frame.height);
    let geo = geo_box(&frame, 40.0);
    let clip = frame.rect().grow(6.0);

    // --- outlines: pick, simplify, clip, project -----------------------------------
    let countries: BTreeSet<String> = pl
        .iter()
        .map(|p| p.country.trim().to_ascii_uppercase())
        .collect();
    // The base layers depend only on the frame and the highlighted countries, not on the
    // words: maps of one set of places in several languages draw them once.
    let key = format!("{frame:?}|{countries:?}|{}", st.compact);
    let base = outlines.base_cache.get_or_make(key, || {
        let lon0 = proj.lon0();
        let hits = |b: &Rect| {
            [-360.0, 0.0, 360.0]
                .iter()
                .any(|s| b.shift_x(s - lon0).overlaps(&geo))
        };
        let land_rings: Vec<usize> = (0..outlines.land.len())
            .filter(|&i| hits(&outlines.land_bbox[i]))
            .collect();
        let visible_areas: Vec<usize> = (0..outlines.areas.len())
            .filter(|&i| hits(&outlines.areas[i].bbox))
            .collect();
        let highlighted: Vec<usize> = visible_areas
            .iter()
            .copied()
            .filter(|&i| {
                outlines.areas[i]
                    .iso
                    .as_ref()
                    .is_some_and(|c| countries.contains(c))
            })
            .collect();
        let mut needed: BTreeSet<usize> = BTreeSet::new();
        let mut borders: BTreeSet<usize> = BTreeSet::new();
        for &i in &land_rings {
            needed.extend(outlines.land[i].iter().map(|r| arc_index(*r)));
        }
        for &i in &highlighted {
            needed.extend(
                outlines.areas[i]
                    .rings
                    .iter()
                    .flatten()
                    .map(|r| arc_index(*r)),
            );
        }
        for &i in &visible_areas {
            for r in outlines.areas[i].rings.iter().flatten() {
                let a = arc_index(*r);
                if matches!(outlines.arc_use[a], ArcUse::Border { .. })
                    && hits(&outlines.arc_bbox[a])
                {
                    borders.insert(a);
                }
            }
        }
        needed.extend(borders.iter().copied());
        let ppd = |lat: f64| frame.px_per_deg(lat);
        let mut simp: Vec<Vec<Pt>> = vec![Vec::new(); outlines.arcs.len()];
        for &a in &needed {
            simp[a] = if hits(&outlines.arc_bbox[a]) {
                geom::simplify_lonlat(&outlines.arcs[a], TOL_PX, &ppd)
            } else {
                geom::decimate(&outlines.arcs[a], 16) // clipped away; only closes its ring
            };
        }

        let mut land_d = PathData::default();
        for &i in &land_rings {
            for piece in ring_to_screen(&assemble(&simp, &outlines.land[i]), &frame, &geo, &clip) {
                land_d.push(&piece, true);
            }
        }
        // highlighted countries: path data and screen rings (for placing their names)
        let mut hl: Vec<(String, PathData, Vec<Vec<Pt>>)> = Vec::new();
        for &i in &highlighted {
            let a = &outlines.areas[i];
            let mut d = PathData::default();
            let mut rings = Vec::new();
            for r in &a.rings {
                for piece in ring_to_screen(&assemble(&simp, r), &frame, &geo, &clip) {
                    d.push(&piece, true);
                    rings.push(piece);
                }
            }
            if !d.is_empty() {
                hl.push((a.iso.clone().unwrap_or_default(), d, rings));
            }
        }
        let (mut border_d, mut disputed_d) = (PathData::default(), PathData::default());
        for &a in &borders {
            let target = match outlines.arc_use[a] {
                ArcUse::Border { disputed: true } => &mut disputed_d,
                _ => &mut border_d,
            };
            for piece in line_to_screen(&simp[a], &frame, &geo, &clip) {
                target.push(&piece, false);
            }
        }
        let grat_d = graticule(&frame, &geo, &clip);
        Base {
            land_d,
            hl,
            border_d,
            disputed_d,
            grat_d,
        }
    });
    let Base {
        land_d,
        hl,
        border_d,
        disputed_d,
        grat_d,
    } = &*base;

    // --- markers: group places closer than a marker's width -----------------------
    let pos: Vec<Pt> = lonlat.iter().map(|p| frame.project(p[0], p[1])).collect();
    let (groups, group_of) = group_places(&pl, &pos, &st);

    // --- arcs -------------------------------------------------------------------------
    let (curves, skipped_links, _) = plan_arcs(links, &by_id, &groups, &group_of, Some(&sides));
    let arc_samples: Vec<Pt> = curves
        .iter()
        .flat_map(|c| (1..40).map(move |i| c.at(i as f64 / 40.0)))
        .collect();
    let arc_cost = |r: &Rect| arc_samples.iter().filter(|p| r.contains(**p)).count() as f64 * 2.5;

    // --- reserved boxes: controls, attribution, legend -------------------------------
    let marker_boxes: Vec<Rect> = groups
        .iter()
        .map(|g| Rect::new(g.pos[0], g.pos[1], g.pos[0], g.pos[1]).grow(g.r + 1.5))
        .collect();
    let mut hard = marker_boxes.clone();
    if !st.compact {
        hard.push(Rect::new(0.0, 0.0, 50.0, 114.0)); // zoom buttons added by map.js
    }
    let attr_size = if st.compact { 8.5 } else { 9.5 };
    let attribution = text.attribution.trim();
    let attr_box = (!attribution.is_empty()).then(|| {
        let tw = text_width(attribution, attr_size, false, 0.0);
        Rect::new(
            w - 6.0 - tw - 3.0,
            h - 5.0 - attr_size - 1.0,
            w - 3.0,
            h - 2.0,
        )
    });
    hard.extend(attr_box);
    let legend = if st.compact {
        None
    } else {
        legend_layout(text, w, h, &marker_boxes, &arc_cost, attr_box)
    };
    if let Some(l) = &legend {
        hard.push(l.rect);
    }

    // --- labels -------------------------------------------------------------------------
    let mut board = Board {
        bounds: frame.rect().grow(-3.0),
        hard,
        labels: Vec::new(),
        soft: &arc_cost,
    };
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| {
        (
            !groups[g].home,
            std::cmp::Reverse(groups[g].members.len()),
            groups[g].members[0],
        )
    });
    let mut placed: Vec<Option<Placed>> = vec![None; groups.len()];
    let mut lines_of: Vec<Vec<LabelLine>> = groups.iter().map(|g| label_lines(g, &pl)).collect();
    let (mut leader_lines, mut dropped_labels) = (Vec::new(), Vec::new());
    for &gi in &order {
        let g = &groups[gi];
        if st.compact && !opts.detail && !g.home {
            lines_of[gi].clear();
            continue;
        }
        let lines = &lines_of[gi];
        if lines.is_empty() {
            continue;
        }
        let tw = lines
            .iter()
            .map(|l| text_width(&l.text, st.label, g.home, 0.0))
            .fold(0.0, f64::max);
        let req = LabelReq {
            anchor: g.pos,
            radius: g.r,
            w: tw + 4.0,
            h: lines.len() as f64 * st.line_h() + 2.0,
        };
        match board.place(&req) {
            Some(p) => {
                if p.ring > 0 {
                    leader_lines.extend(g.members.iter().map(|&m| pl[m].id.clone()));
                }
                placed[gi] = Some(p);
            }
            None => dropped_labels.extend(g.members.iter().map(|&m| pl[m].id.clone())),
        }
    }
    // country names, after the place labels
    let mut country_labels: Vec<(String, Pt, String, f64)> = Vec::new();
    let mut dropped_country_labels = Vec::new();
    let c_size = 10.5;
    let c_space = 1.6;
    if !st.compact || opts.detail {
        for (iso, _, rings) in hl.iter() {
            let Some(name) = text
                .countries
                .get(iso)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            let shown = country_case(name);
            // full size, then smaller; never across an arc
            let spot = [c_size, c_size * 0.85].into_iter().find_map(|size| {
                let tw = text_width(&shown, size, false, c_space) - c_space;
                place_country(rings, tw + 4.0, size * 1.3, &board, &arc_cost).map(|r| (r, size))
            });
            match spot {
                Some((r, size)) => {
                    board.labels.push(r);
                    country_labels.push((iso.clone(), r.center(), shown, size));
                }
                None => dropped_country_labels.push(iso.clone()),
            }
        }
    }

    // --- write --------------------------------------------------------------------------
    let id = esc(if opts.id.trim().is_empty() {
        "map"
    } else {
        opts.id.trim()
    });
    let mut s = String::with_capacity(land_d.d.len() * 2 + 16_384);
    let _ = write!(
        s,
        "<svg class=\"mosty-map{}\" id=\"{id}\" viewBox=\"0 0 {} {}\" aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d\"",
        if st.compact { " mm-compact" } else { "" },
        f1(w),
        f1(h)
    );
    if !opts.lang.trim().is_empty() {
        let _ = write!(s, " lang=\"{}\"", esc(opts.lang.trim()));
    }
    let _ = writeln!(
        s,
        " data-zoom-in=\"{}\" data-zoom-out=\"{}\" data-reset=\"{}\" font-family=\"{FONT}\">",
        esc(&text.zoom_in),
        esc(&text.zoom_out),
        esc(&text.reset)
    );
    let _ = writeln!(s, "<title id=\"{id}-t\">{}</title>", esc(&text.title));
    let _ = writeln!(s, "<desc id=\"{id}-d\">{}</desc>", esc(&text.desc));
    // base map
    s.push_str("<g class=\"mm-base\" aria-hidden=\"true\">\n");
    let _ = writeln!(
        s,
        "<rect class=\"mm-sea\" width=\"{}\" height=\"{}\" fill=\"{SEA}\"/>",
        f1(w),
        f1(h)
    );
    if !grat_d.is_empty() {
        let _ = writeln!(
            s,
            "<path class=\"mm-grat\" fill=\"none\" stroke=\"{GRATICULE}\" stroke-width=\"0.6\" d=\"{}\"/>",
            grat_d.d
        );
    }
    let _ = writeln!(
        s,
        "<g fill=\"{LAND}\"><path id=\"{id}-land\" class=\"mm-land\" fill-rule=\"evenodd\" d=\"{}\"/></g>",
        land_d.d
    );
    if !hl.is_empty() {
        let _ = writeln!(
            s,
            "<g class=\"mm-hl\" fill=\"{LAND_HL}\" fill-rule=\"evenodd\">"
        );
        for (iso, d, _) in hl.iter() {
            let _ = write!(s, "<path data-iso=\"{}\" d=\"{}\">", esc(iso), d.d);
            if let Some(n) = text.countries.get(iso) {
                let _ = write!(s, "<title>{}</title>", esc(n));
            }
            s.push_str("</path>\n");
        }
        s.push_str("</g>\n");
    }
    if !border_d.is_empty() {
        let _ = writeln!(
            s,
            "<path class=\"mm-border\" fill=\"none\" stroke=\"{BORDER}\" stroke-width=\"0.8\" stroke-linejoin=\"round\" d=\"{}\"/>",
            border_d.d
        );
    }
    if !disputed_d.is_empty() {
        let _ = writeln!(
            s,
            "<path class=\"mm-disputed\" fill=\"none\" stroke=\"{BORDER}\" stroke-width=\"0.8\" stroke-dasharray=\"2.5 2\" d=\"{}\"/>",
            disputed_d.d
        );
    }
    let _ = writeln!(
        s,
        "<use href=\"#{id}-land\" class=\"mm-coast\" fill=\"none\" stroke=\"{COAST}\" stroke-width=\"0.7\" stroke-linejoin=\"round\"/>"
    );
    if !country_labels.is_empty() {
        let _ = writeln!(
            s,
            "<g class=\"mm-clbl\" font-size=\"{}\" letter-spacing=\"{}\" fill=\"{COUNTRY_TEXT}\" text-anchor=\"middle\">",
            f2(c_size),
            f2(c_space)
        );
        for (iso, c, name, size) in &country_labels {
            let fs = if *size == c_size {
                String::new()
            } else {
                format!(" font-size=\"{}\"", f2(*size))
            };
            let _ = writeln!(
                s,
                "<text data-iso=\"{}\" data-xy=\"{} {}\" x=\"{}\" y=\"{}\"{fs}>{}</text>",
                esc(iso),
                f1(c[0]),
                f1(c[1]),
                f1(c[0] + c_space / 2.0),
                f1(c[1] + size * 0.36),
                esc(name)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
    // arcs
    if !curves.is_empty() {
        let _ = writeln!(
            s,
            "<g class=\"mm-links\" fill=\"none\" stroke-linecap=\"round\">"
        );
        for c in &curves {
            let d = format!(
                "M{} {}Q{} {} {} {}",
                f1(c.p0[0]),
                f1(c.p0[1]),
                f1(c.c[0]),
                f1(c.c[1]),
                f1(c.p2[0]),
                f1(c.p2[1])
            );
            // arrowhead just outside the partner's marker, along the arc's end tangent
            let (tx, ty) = (c.p2[0] - c.c[0], c.p2[1] - c.c[1]);
            let tl = (tx * tx + ty * ty).sqrt().max(1e-9);
            let (ux, uy) = (tx / tl, ty / tl);
            let r = groups[c.to].r + 1.5;
            let tip = [c.p2[0] - ux * r, c.p2[1] - uy * r];
            // shorter arrowheads between close markers
            let chord = (c.p2[0] - c.p0[0]).hypot(c.p2[1] - c.p0[1]);
            let al = (st.arc_w * 4.6).min((chord - r - 6.0).max(4.0) * 0.5);
            let aw = al / 2.0;
            let base = [tip[0] - ux * al, tip[1] - uy * al];
            let _ = writeln!(
                s,
                "<g class=\"mm-link\"><title>{}</title><path class=\"mm-hit\" stroke=\"#000\" stroke-opacity=\"0\" stroke-width=\"10\" d=\"{d}\"/><path class=\"mm-casing\" stroke=\"#fff\" stroke-opacity=\"0.8\" stroke-width=\"{}\" d=\"{d}\"/><path class=\"mm-arc\" stroke=\"{ARC}\" stroke-width=\"{}\" d=\"{d}\"/><path class=\"mm-arrow\" data-xy=\"{} {}\" fill=\"{ARC}\" d=\"M{} {}L{} {}L{} {}z\"/></g>",
                esc(&c.title),
                f2(st.arc_w + 2.2),
                f2(st.arc_w),
                f1(c.p2[0]),
                f1(c.p2[1]),
                f1(tip[0]),
                f1(tip[1]),
                f1(base[0] - uy * aw),
                f1(base[1] + ux * aw),
                f1(base[0] + uy * aw),
                f1(base[1] - ux * aw),
            );
        }
        s.push_str("</g>\n");
    }
    // markers and labels
    let _ = writeln!(
        s,
        "<g class=\"mm-pins\" font-size=\"{}\" fill=\"{INK}\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" style=\"paint-order:stroke\">",
        f2(st.label)
    );
    for (gi, g) in groups.iter().enumerate() {
        write_pin(&mut s, g, &lines_of[gi], placed[gi].as_ref(), &pl, &st);
    }
    s.push_str("</g>\n");
    if let Some(l) = &legend {
        write_legend(&mut s, l, &st);
    }
    if let Some(b) = attr_box {
        let _ = writeln!(
            s,
            "<text class=\"mm-credit\" data-fixed=\"1\" x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#5f6b75\" stroke=\"#fff\" stroke-width=\"2.5\" stroke-linejoin=\"round\" style=\"paint-order:stroke\" text-anchor=\"end\">{}</text>",
            f1(b.x1 - 3.0),
            f1(b.y1 - 3.0),
            f2(attr_size),
            esc(attribution)
        );
    }
    let _ = writeln!(
        s,
        "<rect class=\"mm-frame\" data-fixed=\"1\" x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{FRAME}\"/>",
        f1(w - 1.0),
        f1(h - 1.0)
    );
    s.push_str("</svg>\n");

    let report = RenderReport {
        width: w,
        height: h,
        projection: proj,
        groups: groups
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| g.members.iter().map(|&m| pl[m].id.clone()).collect())
            .collect(),
        leader_lines,
        dropped_labels,
        dropped_country_labels,
        skipped_places,
        skipped_links,
    };
    RenderedMap { svg: s, report }
}

/// The lon/lat box (longitude relative to the central meridian) that covers the frame
/// grown by `pad` pixels.
fn geo_box(frame: &Frame, pad: f64) -> Rect {
    let r = frame.rect().grow(pad);
    let mut b = Rect::empty();
    let n = 32;
    let lon0 = frame.proj.lon0();
    for i in 0..=n {
        let t = i as f64 / n as f64;
        for p in [
            [r.x0 + r.w() * t, r.y0],
            [r.x0 + r.w() * t, r.y1],
            [r.x0, r.y0 + r.h() * t],
            [r.x1, r.y0 + r.h() * t],
        ] {
            let q = frame.unproject(p);
            if q[0].is_finite() && q[1].is_finite() {
                b.add([q[0] - lon0, q[1]]);
            }
        }
    }
    if let Some((pole, lat)) = frame.proj.pole()
        && r.contains(frame.to_screen_xy(pole))
    {
        b.add([-180.0, lat]);
        b.add([180.0, lat]);
    }
    let mut b = b.grow(2.0);
    b.x0 = b.x0.max(-180.0);
    b.x1 = b.x1.min(180.0);
    b.y0 = b.y0.max(-89.9);
    b.y1 = b.y1.min(89.9);
    b
}

/// A lon/lat ring to screen rings: unwrapped around the central meridian, clipped to the
/// geographic box (also one turn east and west), densified, projected, clipped to the
/// screen, and dropped when tiny.
fn ring_to_screen(ring: &[Pt], frame: &Frame, geo: &Rect, clip: &Rect) -> Vec<Vec<Pt>> {
    let un = geom::unwrap_lon(ring, frame.proj.lon0());
    let bb = Rect::of(&un);
    let mut out = Vec::new();
    for sh in [-360.0, 0.0, 360.0] {
        if !bb.shift_x(sh).overlaps(geo) {
            continue;
        }
        let shifted: Vec<Pt> = un.iter().map(|p| [p[0] + sh, p[1]]).collect();
        let g = geom::clip_ring(&shifted, geo);
        if g.len() < 3 {
            continue;
        }
        let scr: Vec<Pt> = geom::densify(&g, 1.0, true)
            .iter()
            .map(|p| frame.project_rel(p[0], p[1]))
            .collect();
        let c = geom::clip_ring(&scr, clip);
        if c.len() >= 3 && geom::ring_area(&c).abs() >= MIN_RING_AREA {
            out.push(c);
        }
    }
    out
}

/// A lon/lat polyline to screen polylines (see [`ring_to_screen`]).
fn line_to_screen(line: &[Pt], frame: &Frame, geo: &Rect, clip: &Rect) -> Vec<Vec<Pt>> {
    let un = geom::unwrap_lon(line, frame.proj.lon0());
    let bb = Rect::of(&un);
    let mut out = Vec::new();
    for sh in [-360.0, 0.0, 360.0] {
        if !bb.shift_x(sh).overlaps(geo) {
            continue;
        }
        let shifted: Vec<Pt> = un.iter().map(|p| [p[0] + sh, p[1]]).collect();
        for piece in geom::clip_line(&shifted, geo) {
            let scr: Vec<Pt> = geom::densify(&piece, 1.0, false)
                .iter()
                .map(|p| frame.project_rel(p[0], p[1]))
                .collect();
            out.extend(geom::clip_line(&scr, clip));
        }
    }
    out
}

/// Meridians and parallels every 10° (5° for small areas), up to 80° of latitude.
fn graticule(frame: &Frame, geo: &Rect, clip: &Rect) -> PathData {
    let step = if geo.h() < 24.0 { 5.0 } else { 10.0 };
    let lon0 = frame.proj.lon0();
    let mut d = PathData::default();
    let (lat_lo, lat_hi) = (geo.y0.max(-80.0), geo.y1.min(80.0));
    let mut lon = ((geo.x0 + lon0) / step).ceil() * step;
    while lon <= geo.x1 + lon0 {
        let mut line = Vec::new();
        let mut lat = lat_lo;
        while lat < lat_hi {
            line.push(frame.project_rel(lon - lon0, lat));
            lat += 1.0;
        }
        line.push(frame.project_rel(lon - lon0, lat_hi));
        for p in geom::clip_line(&line, clip) {
            d.push(&p, false);
        }
        lon += step;
    }
    let mut lat = (lat_lo / step).ceil() * step;
    while lat <= lat_hi {
        let mut line = Vec::new();
        let mut x = geo.x0;
        while x < geo.x1 {
            line.push(frame.project_rel(x, lat));
            x += 1.0;
        }
        line.push(frame.project_rel(geo.x1, lat));
        for p in geom::clip_line(&line, clip) {
            d.push(&p, false);
        }
        lat += step;
    }
    d
}

/// Merges places whose markers would overlap, closest pair first, until none do.
fn group_places(pl: &[&Place], pos: &[Pt], st: &Style) -> (Vec<Group>, Vec<usize>) {
    let mut gs: Vec<Group> = (0..pl.len())
        .map(|i| Group {
            members: vec![i],
            pos: pos[i],
            home: pl[i].home,
            r: if pl[i].home { st.r_home } else { st.r_partner },
        })
        .collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..gs.len() {
            for j in i + 1..gs.len() {
                let (a, b) = (&gs[i], &gs[j]);
                let d = ((a.pos[0] - b.pos[0]).powi(2) + (a.pos[1] - b.pos[1]).powi(2)).sqrt();
                if d < a.r + b.r + 2.0 && best.is_none_or(|(bd, _, _)| d < bd) {
                    best = Some((d, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let g = gs.remove(j);
        let a = &mut gs[i];
        a.members.extend(g.members);
        a.members.sort_unstable();
        a.home |= g.home;
        let n = a.members.len() as f64;
        a.pos = [
            a.members.iter().map(|&m| pos[m][0]).sum::<f64>() / n,
            a.members.iter().map(|&m| pos[m][1]).sum::<f64>() / n,
        ];
        a.r = if a.members.len() >= 10 {
            st.r_group + 1.5
        } else {
            st.r_group
        };
    }
    gs.sort_by_key(|g| g.members[0]);
    let mut group_of = vec![0usize; pl.len()];
    for (gi, g) in gs.iter().enumerate() {
        for &m in &g.members {
            group_of[m] = gi;
        }
    }
    (gs, group_of)
}

/// One line of a marker's label, linking to one place.
struct LabelLine {
    text: String,
    member: usize,
}

/// A group's label lines: distinct labels in input order (at most five lines; the fifth
/// reads "+N" when more are left).
fn label_lines(g: &Group, pl: &[&Place]) -> Vec<LabelLine> {
    let mut out: Vec<LabelLine> = Vec::new();
    for &m in &g.members {
        let t = pl[m].label.trim();
        if !t.is_empty() && !out.iter().any(|l| l.text == t) {
            out.push(LabelLine {
                text: t.to_string(),
                member: m,
            });
        }
    }
    if out.len() > 5 {
        let more = out.len() - 4;
        out.truncate(4);
        out.push(LabelLine {
            text: format!("+{more}"),
            member: usize::MAX,
        });
    }
    out
}

fn tooltip(p: &Place) -> &str {
    if p.tooltip.trim().is_empty() {
        p.label.trim()
    } else {
        p.tooltip.trim()
    }
}

fn write_pin(
    s: &mut String,
    g: &Group,
    lines: &[LabelLine],
    placed: Option<&Placed>,
    pl: &[&Place],
    st: &Style,
) {
    let (x, y) = (f1(g.pos[0]), f1(g.pos[1]));
    let kind = if g.home { "mm-home" } else { "mm-partner" };
    let _ = write!(s, "<g class=\"mm-pin {kind}\" data-xy=\"{x} {y}\">");
    if let Some(p) = placed
        && p.ring > 0
    {
        let (a, b) = p.leader(g.pos, g.r);
        let _ = write!(
            s,
            "<path class=\"mm-leader\" fill=\"none\" stroke=\"#5f6b75\" stroke-width=\"0.8\" d=\"M{} {}L{} {}\"/>",
            f1(a[0]),
            f1(a[1]),
            f1(b[0]),
            f1(b[1])
        );
    }
    let (fill, stroke, sw) = if g.home {
        (INK, "#fff", 1.5)
    } else {
        ("#fff", INK, 2.0)
    };
    let circle = format!(
        "<circle class=\"mm-mk\" cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
        f2(g.r),
        f2(sw)
    );
    let text_at = |s: &mut String, i: usize, t: &str| {
        if let Some(p) = placed {
            let (anchor, tx) = p.text_x(2.0);
            let ty = p.rect.y0 + 1.0 + i as f64 * st.line_h() + st.label * 0.86;
            let bold = if g.home { " font-weight=\"600\"" } else { "" };
            let _ = write!(
                s,
                "<text class=\"mm-lbl\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{bold}>{}</text>",
                f1(tx),
                f1(ty),
                esc(t)
            );
        }
    };
    // A link's accessible name starts with the words it shows (WCAG 2.5.3).
    let named = |visible: &str, tt: String| -> String {
        let visible = esc(visible);
        if visible.is_empty() || tt.starts_with(visible.as_str()) {
            tt
        } else {
            format!("{visible}: {tt}")
        }
    };
    if g.members.len() == 1 {
        let p = pl[g.members[0]];
        let tt = esc(tooltip(p));
        let name = match lines.first() {
            Some(l) => named(&l.text, tt.clone()),
            None => tt.clone(),
        };
        let _ = write!(
            s,
            "<a href=\"{}\" aria-label=\"{name}\"><title>{tt}</title>{circle}",
            safe_href(&p.url)
        );
        if let Some(l) = lines.first() {
            text_at(s, 0, &l.text);
        }
        s.push_str("</a>");
    } else {
        let all: Vec<String> = g.members.iter().map(|&m| esc(tooltip(pl[m]))).collect();
        let count = format!(
            "<text class=\"mm-count\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"700\" stroke=\"none\" fill=\"{}\">{}</text>",
            f1(g.pos[1] + g.r * 0.42),
            f2(g.r * 1.15),
            if g.home { "#fff" } else { INK },
            g.members.len()
        );
        // without labels the badge itself links to the first place
        if lines.is_empty() || placed.is_none() {
            let p = pl[g.members[0]];
            let _ = write!(
                s,
                "<a href=\"{}\" aria-label=\"{}: {}\"><title>{}</title>{circle}{count}</a>",
                safe_href(&p.url),
                g.members.len(),
                all.join("; "),
                all.join("\n")
            );
        } else {
            let _ = write!(
                s,
                "<g class=\"mm-badge\"><title>{}</title>{circle}{count}</g>",
                all.join("\n")
            );
            for (i, l) in lines.iter().enumerate() {
                if l.member == usize::MAX {
                    text_at(s, i, &l.text);
                    continue;
                }
                let p = pl[l.member];
                let tt = esc(tooltip(p));
                let name = named(&l.text, tt.clone());
                let _ = write!(
                    s,
                    "<a href=\"{}\" aria-label=\"{name}\"><title>{tt}</title>",
                    safe_href(&p.url)
                );
                text_at(s, i, &l.text);
                s.push_str("</a>");
            }
        }
    }
    s.push_str("</g>\n");
}

/// Upper-cases a country name for the map unless it contains Georgian letters, which
/// must never be upper-cased (Mkhedruli has no case; Mtavruli is not used for this).
fn country_case(name: &str) -> String {
    let georgian = name
        .chars()
        .any(|c| matches!(c as u32, 0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F));
    if georgian {
        name.to_string()
    } else {
        name.to_uppercase()
    }
}

/// Finds a spot for a country name inside the country: grid points ranked by distance to
/// the outline (a cheap "pole of inaccessibility"), first one whose box fits inside the
/// country, is free and crosses no arc.
fn place_country(
    rings: &[Vec<Pt>],
    w: f64,
    h: f64,
    board: &Board,
    arc_cost: &dyn Fn(&Rect) -> f64,
) -> Option<Rect> {
    let inside = |p: Pt| rings.iter().filter(|r| geom::in_ring(p, r)).count() % 2 == 1;
    let mut bb = Rect::empty();
    for r in rings {
        for p in r {
            bb.add(*p);
        }
    }
    let area = board.bounds;
    let bb = Rect::new(
        bb.x0.max(area.x0),
        bb.y0.max(area.y0),
        bb.x1.min(area.x1),
        bb.y1.min(area.y1),
    );
    if bb.w() < w || bb.h() < h {
        return None;
    }
    let step = (bb.w() * bb.h() / 700.0).sqrt().max(4.0);
    // the grid ranks spots on rings thinned to about 1.5 px per point: precise enough
    let coarse: Vec<Vec<Pt>> = rings
        .iter()
        .map(|r| {
            let mut out: Vec<Pt> = Vec::new();
            for p in r {
                if out
                    .last()
                    .is_none_or(|q| (p[0] - q[0]).abs() + (p[1] - q[1]).abs() >= 1.5)
                {
                    out.push(*p);
                }
            }
            out
        })
        .collect();
    let inside_coarse = |p: Pt| coarse.iter().filter(|r| geom::in_ring(p, r)).count() % 2 == 1;
    let mut cands: Vec<(f64, Pt)> = Vec::new();
    let mut y = bb.y0 + step / 2.0;
    while y < bb.y1 {
        let mut x = bb.x0 + step / 2.0;
        while x < bb.x1 {
            let p = [x, y];
            if inside_coarse(p) {
                let mut d = (x - area.x0)
                    .min(area.x1 - x)
                    .min(y - area.y0)
                    .min(area.y1 - y);
                for r in &coarse {
                    for i in 0..r.len() {
                        d = d.min(geom::seg_dist(p, r[i], r[(i + 1) % r.len()]));
                    }
                }
                cands.push((d, p));
            }
            x += step;
        }
        y += step;
    }
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1[1].total_cmp(&b.1[1]))
            .then(a.1[0].total_cmp(&b.1[0]))
    });
    let fits = |c: Pt| -> Option<Rect> {
        let r = Rect::new(
            c[0] - w / 2.0,
            c[1] - h / 2.0,
            c[0] + w / 2.0,
            c[1] + h / 2.0,
        );
        let pts = [
            [r.x0, r.y0],
            [r.x1, r.y0],
            [r.x0, r.y1],
            [r.x1, r.y1],
            [c[0], r.y0],
            [c[0], r.y1],
        ];
        (board.free(&r) && pts.iter().all(|p| inside(*p))).then_some(r)
    };
    cands
        .iter()
        .take(150)
        .find_map(|(_, c)| fits(*c).filter(|r| arc_cost(r) == 0.0))
}

struct Legend {
    rect: Rect,
    rows: Vec<(u8, String)>,
}

/// Sizes the legend and picks the corner where it covers no marker and the least of the
/// arcs (bottom left, top right, bottom right, top left below the zoom buttons).
fn legend_layout(
    text: &MapText,
    w: f64,
    h: f64,
    markers: &[Rect],
    arc_cost: &dyn Fn(&Rect) -> f64,
    attr: Option<Rect>,
) -> Option<Legend> {
    let rows: Vec<(u8, String)> = [
        (0u8, &text.legend_home),
        (1, &text.legend_partner),
        (2, &text.legend_link),
    ]
    .into_iter()
    .filter(|(_, t)| !t.trim().is_empty())
    .map(|(k, t)| (k, t.trim().to_string()))
    .collect();
    if rows.is_empty() {
        return None;
    }
    let tw = rows
        .iter()
        .map(|(_, t)| text_width(t, 11.5, false, 0.0))
        .fold(0.0, f64::max);
    let (lw, lh) = (tw + 46.0, rows.len() as f64 * 19.0 + 10.0);
    let m = 10.0;
    let attr_h = attr.map_or(0.0, |a| a.h() + 2.0);
    let corners = [
        [m, h - m - lh],
        [w - m - lw, m],
        [w - m - lw, h - m - lh - attr_h],
        [m, 120.0],
    ];
    let mut best: Option<(f64, Rect)> = None;
    for (i, c) in corners.iter().enumerate() {
        let r = Rect::new(c[0], c[1], c[0] + lw, c[1] + lh);
        let cost = markers
            .iter()
            .filter(|b| b.grow(4.0).intersects(&r))
            .count() as f64
            * 1000.0
            + arc_cost(&r)
            + i as f64 * 0.5;
        if best.is_none_or(|(bc, _)| cost < bc) {
            best = Some((cost, r));
        }
    }
    best.map(|(_, rect)| Legend { rect, rows })
}

fn write_legend(s: &mut String, l: &Legend, st: &Style) {
    let r = &l.rect;
    let _ = writeln!(
        s,
        "<g class=\"mm-legend\" data-fixed=\"1\" font-size=\"11.5\" fill=\"{INK}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.88\" stroke=\"#b9c2c9\" stroke-width=\"0.8\"/>",
        f1(r.x0),
        f1(r.y0),
        f1(r.w()),
        f1(r.h())
    );
    for (i, (kind, t)) in l.rows.iter().enumerate() {
        let cy = r.y0 + 5.0 + 19.0 * i as f64 + 9.5;
        let sx = r.x0 + 18.0;
        match kind {
            0 => {
                let _ = write!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{INK}\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                    f1(sx),
                    f1(cy),
                    f2(st.r_home)
                );
            }
            1 => {
                let _ = write!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#fff\" stroke=\"{INK}\" stroke-width=\"2\"/>",
                    f1(sx),
                    f1(cy),
                    f2(st.r_partner)
                );
            }
            _ => {
                let _ = write!(
                    s,
                    "<path d=\"M{} {}Q{} {} {} {}\" fill=\"none\" stroke=\"{ARC}\" stroke-width=\"{}\" stroke-linecap=\"round\"/><path d=\"M{} {}L{} {}L{} {}z\" fill=\"{ARC}\"/>",
                    f1(sx - 10.0),
                    f1(cy + 4.0),
                    f1(sx - 1.0),
                    f1(cy - 7.0),
                    f1(sx + 6.0),
                    f1(cy + 1.0),
                    f2(st.arc_w),
                    f1(sx + 10.0),
                    f1(cy + 5.0),
                    f1(sx + 2.0),
                    f1(cy + 2.8),
                    f1(sx + 6.6),
                    f1(cy - 2.6),
                );
            }
        }
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            f1(r.x0 + 36.0),
            f1(cy + 4.0),
            esc(t)
        );
    }
    s.push_str("</g>\n");
}

/// The drawn outlines of one frame: land, highlighted countries, borders, graticule.
pub(crate) struct Base {
    land_d: PathData,
    hl: Vec<(String, PathData, Vec<Vec<Pt>>)>,
    border_d: PathData,
    disputed_d: PathData,
    grat_d: PathData,
}

/// Base layers already drawn in this build, by frame.
#[derive(Default)]
pub(crate) struct BaseCache(
    std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Base>>>,
);

impl BaseCache {
    fn get_or_make(&self, key: String, make: impl FnOnce() -> Base) -> std::sync::Arc<Base> {
        if let Some(b) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return b.clone();
        }
        let base = std::sync::Arc::new(make());
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, base.clone());
        base
    }
}

/// Maps already drawn, by a hash of their whole input.
#[derive(Default)]
pub(crate) struct SvgCache(std::sync::Mutex<std::collections::HashMap<u64, std::sync::Arc<str>>>);

impl std::ops::Deref for SvgCache {
    type Target = std::sync::Mutex<std::collections::HashMap<u64, std::sync::Arc<str>>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Clone for SvgCache {
    fn clone(&self) -> Self {
        SvgCache::default()
    }
}

impl std::fmt::Debug for SvgCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SvgCache")
    }
}

impl Clone for BaseCache {
    fn clone(&self) -> Self {
        BaseCache::default()
    }
}

impl std::fmt::Debug for BaseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BaseCache")
    }
}
