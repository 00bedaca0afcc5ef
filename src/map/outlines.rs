//! Country outlines: parsing the shipped TopoJSON (`countries-50m.json` from world-atlas,
//! Natural Earth 1:50m admin-0), keying areas by ISO 3166-1 alpha-2, keeping the shared-arc
//! topology (so borders and coastlines can be drawn differently and simplified without
//! slivers), merging land for the coastline, and point-in-country queries with a tolerance.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::geom::{Pt, Rect, in_ring, norm180, seg_dist};
use super::iso;

/// Distance (km) within which a point just outside its country's outline still counts as
/// inside: 1:50m coastlines are generalised by a few kilometres, and coastal towns sit on
/// the line.
pub const COAST_TOLERANCE_KM: f64 = 6.0;

/// Kilometres per degree of latitude on the mean Earth sphere (R = 6371.0088 km).
pub const KM_PER_DEG: f64 = 111.194_926_645;

/// Why the outline data could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum OutlineError {
    /// Not valid JSON, or not shaped like a TopoJSON topology (serde's message).
    Json(String),
    /// `type` is not `"Topology"`.
    NotTopology,
    /// No object with polygon geometries.
    NoCountries,
    /// A geometry refers to an arc that does not exist.
    BadArc { geometry: String, arc: i64 },
}

impl fmt::Display for OutlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutlineError::Json(e) => write!(f, "outline data is not a TopoJSON topology: {e}"),
            OutlineError::NotTopology => write!(f, "outline data: \"type\" is not \"Topology\""),
            OutlineError::NoCountries => write!(f, "outline data has no polygon geometries"),
            OutlineError::BadArc { geometry, arc } => {
                write!(
                    f,
                    "outline data: geometry {geometry} refers to missing arc {arc}"
                )
            }
        }
    }
}

impl std::error::Error for OutlineError {}

/// How an arc is used by the areas, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArcUse {
    Unused,
    /// Used by one area: coastline (or the edge of the data).
    Coast,
    /// Between two areas; `disputed` when one of them has no ISO code of its own.
    Border {
        disputed: bool,
    },
    /// Used twice by the same area.
    Internal,
}

/// One drawable area: a country, or an area Natural Earth draws without an ISO code.
#[derive(Debug, Clone)]
pub(crate) struct Area {
    /// Alpha-2 code, `XK`, or for areas without a code the Natural Earth name.
    #[cfg_attr(not(test), allow(dead_code))]
    pub key: String,
    /// ISO 3166-1 alpha-2 (or `XK`) when the area has one.
    pub iso: Option<String>,
    /// English name from the data (for debugging only).
    #[allow(dead_code)]
    pub name: String,
    /// Other codes for which a point in this area counts as inside (validation only).
    pub counts_for: Vec<String>,
    /// Rings as arc references (`i` forward, `!i` i.e. `-i-1` reversed). Outer rings and
    /// holes together; the fill rule is even–odd.
    pub rings: Vec<Vec<i64>>,
    /// The same rings as lon/lat points.
    pub lonlat: Vec<Vec<Pt>>,
    /// Bounding box in lon/lat.
    pub bbox: Rect,
    /// Whether `key` came from the non-ISO table (its borders are drawn dashed).
    pub non_iso: bool,
}

/// Country outlines keyed by ISO 3166-1 alpha-2, in lon/lat degrees. Plain data
/// (`Send + Sync`); parse once per build and share.
#[derive(Debug, Clone)]
pub struct Outlines {
    /// Arcs as lon/lat points, as in the topology (shared borders stored once).
    pub(crate) arcs: Vec<Vec<Pt>>,
    pub(crate) arc_use: Vec<ArcUse>,
    /// Bounding box of each arc (lon/lat).
    pub(crate) arc_bbox: Vec<Rect>,
    /// Areas sorted by key.
    pub(crate) areas: Vec<Area>,
    /// Land: rings of coastline arcs merged across borders (arc references).
    pub(crate) land: Vec<Vec<i64>>,
    pub(crate) land_bbox: Vec<Rect>,
    /// Outlines already drawn for a frame, reused by maps of other languages.
    pub(crate) base_cache: super::render::BaseCache,
    /// Whole maps already drawn, reused when a rebuild draws the same map again.
    pub(crate) svg_cache: super::render::SvgCache,
}

#[derive(Deserialize)]
struct Topology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    objects: BTreeMap<String, TopoObject>,
    #[serde(default)]
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct TopoObject {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    geometries: Vec<TopoGeometry>,
}

#[derive(Deserialize)]
struct TopoGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    id: Value,
    #[serde(default)]
    properties: BTreeMap<String, Value>,
}

struct Keyed {
    key: String,
    iso: Option<String>,
    counts_for: Vec<String>,
    non_iso: bool,
}

fn key_of(g: &TopoGeometry, index: usize) -> Keyed {
    let prop = |k: &str| {
        g.properties
            .get(k)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let name = prop("name")
        .or_else(|| prop("NAME"))
        .or_else(|| prop("ADMIN"))
        .unwrap_or_default();
    let iso_code = |c: String| Keyed {
        key: c.clone(),
        iso: Some(c),
        counts_for: Vec::new(),
        non_iso: false,
    };
    // 1. ISO numeric id (string or number), 2. alpha-2 id
    let id = match &g.id {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if let Some(id) = &id {
        if let Ok(n) = id.parse::<u16>()
            && let Some(a) = iso::alpha2_from_numeric(n)
        {
            return iso_code(a.to_string());
        }
        let up = id.to_ascii_uppercase();
        if iso::is_alpha2(&up) {
            return iso_code(up);
        }
    }
    // 3. properties (Natural Earth 5 puts "-99" in ISO_A2 for France and Norway)
    for k in ["ISO_A2_EH", "iso_a2_eh", "ISO_A2", "iso_a2"] {
        if let Some(v) = prop(k) {
            let up = v.to_ascii_uppercase();
            if iso::is_alpha2(&up) {
                return iso_code(up);
            }
        }
    }
    // 4. areas without a numeric code
    if let Some(n) = iso::non_iso(&name) {
        return Keyed {
            key: n.code.map(str::to_string).unwrap_or_else(|| name.clone()),
            iso: n.code.map(str::to_string),
            counts_for: n.counts_for.iter().map(|s| s.to_string()).collect(),
            non_iso: true,
        };
    }
    let key = if name.is_empty() {
        format!("#{index}")
    } else {
        name
    };
    Keyed {
        key,
        iso: None,
        counts_for: Vec::new(),
        non_iso: true,
    }
}

fn ints(v: &Value) -> Option<Vec<i64>> {
    v.as_array()?.iter().map(Value::as_i64).collect()
}

fn rings_of(g: &TopoGeometry) -> Vec<Vec<i64>> {
    let mut out = Vec::new();
    match g.kind.as_deref() {
        Some("Polygon") => {
            for r in g.arcs.as_array().into_iter().flatten() {
                out.extend(ints(r));
            }
        }
        Some("MultiPolygon") => {
            for p in g.arcs.as_array().into_iter().flatten() {
                for r in p.as_array().into_iter().flatten() {
                    out.extend(ints(r));
                }
            }
        }
        _ => {}
    }
    out.retain(|r| !r.is_empty());
    out
}

pub(crate) fn arc_index(r: i64) -> usize {
    if r >= 0 { r as usize } else { (!r) as usize }
}

/// Concatenates arcs (given by reference) into one point list, dropping repeated joints.
pub(crate) fn assemble(arcs: &[Vec<Pt>], refs: &[i64]) -> Vec<Pt> {
    let mut out: Vec<Pt> = Vec::new();
    for &r in refs {
        let a = &arcs[arc_index(r)];
        let mut push = |p: Pt| {
            if out.last() != Some(&p) {
                out.push(p);
            }
        };
        if r >= 0 {
            a.iter().for_each(|p| push(*p));
        } else {
            a.iter().rev().for_each(|p| push(*p));
        }
    }
    out
}

fn key_pt(p: Pt) -> (u64, u64) {
    (p[0].to_bits(), p[1].to_bits())
}

impl Outlines {
    /// Parses the shipped data format: a TopoJSON topology (see the module docs of
    /// [`crate::map`] for the exact rules). Quantised and plain arcs are both accepted.
    pub fn parse(json: &str) -> Result<Outlines, OutlineError> {
        let topo: Topology =
            serde_json::from_str(json).map_err(|e| OutlineError::Json(e.to_string()))?;
        if topo.kind != "Topology" {
            return Err(OutlineError::NotTopology);
        }
        // decode arcs
        let arcs: Vec<Vec<Pt>> = topo
            .arcs
            .iter()
            .map(|arc| match &topo.transform {
                Some(t) => {
                    let (mut x, mut y) = (0.0f64, 0.0f64);
                    arc.iter()
                        .map(|p| {
                            x += p[0];
                            y += p[1];
                            [
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            ]
                        })
                        .collect()
                }
                None => arc.clone(),
            })
            .collect();
        // the countries object: "countries", else the first with polygons
        let has_polys = |o: &TopoObject| {
            o.kind.as_deref() == Some("GeometryCollection")
                && o.geometries
                    .iter()
                    .any(|g| matches!(g.kind.as_deref(), Some("Polygon" | "MultiPolygon")))
        };
        let obj = topo
            .objects
            .get("countries")
            .filter(|o| has_polys(o))
            .or_else(|| topo.objects.values().find(|o| has_polys(o)))
            .ok_or(OutlineError::NoCountries)?;
        let mut by_key: BTreeMap<String, Area> = BTreeMap::new();
        for (i, g) in obj.geometries.iter().enumerate() {
            let rings = rings_of(g);
            if rings.is_empty() {
                continue;
            }
            let k = key_of(g, i);
            for r in rings.iter().flatten() {
                if arc_index(*r) >= arcs.len() {
                    return Err(OutlineError::BadArc {
                        geometry: k.key.clone(),
                        arc: *r,
                    });
                }
            }
            let name = g
                .properties
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(&k.key)
                .to_string();
            let area = by_key.entry(k.key.clone()).or_insert_with(|| Area {
                key: k.key.clone(),
                iso: k.iso.clone(),
                name,
                counts_for: k.counts_for.clone(),
                rings: Vec::new(),
                lonlat: Vec::new(),
                bbox: Rect::empty(),
                non_iso: k.non_iso,
            });
            for r in rings {
                let pts = assemble(&arcs, &r);
                for p in &pts {
                    area.bbox.add(*p);
                }
                area.lonlat.push(pts);
                area.rings.push(r);
            }
        }
        let areas: Vec<Area> = by_key.into_values().collect();
        // arc use
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
        for (ai, a) in areas.iter().enumerate() {
            for r in a.rings.iter().flatten() {
                users[arc_index(*r)].push(ai);
            }
        }
        let arc_use: Vec<ArcUse> = users
            .iter()
            .map(|u| match u.as_slice() {
                [] => ArcUse::Unused,
                [_] => ArcUse::Coast,
                [a, b] if a == b => ArcUse::Internal,
                u => ArcUse::Border {
                    disputed: u.iter().any(|&i| areas[i].non_iso),
                },
            })
            .collect();
        // land: stitch the directed coastline arcs into rings
        let mut directed: Vec<i64> = Vec::new();
        for a in &areas {
            for r in a.rings.iter().flatten() {
                if arc_use[arc_index(*r)] == ArcUse::Coast {
                    directed.push(*r);
                }
            }
        }
        let start_end = |r: i64| -> (Pt, Pt) {
            let a = &arcs[arc_index(r)];
            let (f, l) = (a[0], a[a.len() - 1]);
            if r >= 0 { (f, l) } else { (l, f) }
        };
        let mut starts: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
        for (i, &r) in directed.iter().enumerate() {
            starts.entry(key_pt(start_end(r).0)).or_default().push(i);
        }
        let mut used = vec![false; directed.len()];
        let mut land: Vec<Vec<i64>> = Vec::new();
        for i in 0..directed.len() {
            if used[i] {
                continue;
            }
            used[i] = true;
            let first = start_end(directed[i]).0;
            let mut ring = vec![directed[i]];
            let mut end = start_end(directed[i]).1;
            while end != first {
                let next = starts
                    .get(&key_pt(end))
                    .and_then(|v| v.iter().copied().find(|&j| !used[j]));
                match next {
                    Some(j) => {
                        used[j] = true;
                        ring.push(directed[j]);
                        end = start_end(directed[j]).1;
                    }
                    None => break, // open chain: closed straight back when drawn
                }
            }
            land.push(ring);
        }
        let land_bbox = land.iter().map(|r| Rect::of(&assemble(&arcs, r))).collect();
        let arc_bbox = arcs.iter().map(|a| Rect::of(a)).collect();
        Ok(Outlines {
            arcs,
            arc_use,
            arc_bbox,
            areas,
            land,
            land_bbox,
            base_cache: Default::default(),
            svg_cache: Default::default(),
        })
    }

    fn areas_for<'a>(&'a self, country: &str) -> impl Iterator<Item = &'a Area> + 'a {
        let c = country.trim().to_ascii_uppercase();
        self.areas
            .iter()
            .filter(move |a| a.iso.as_deref() == Some(c.as_str()) || a.counts_for.contains(&c))
    }

    #[cfg(test)]
    pub(crate) fn area(&self, key: &str) -> Option<&Area> {
        self.areas
            .binary_search_by(|a| a.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.areas[i])
    }

    /// Whether the outline data knows this country (alpha-2, case-insensitive).
    pub fn has_country(&self, country: &str) -> bool {
        self.areas_for(country).next().is_some()
    }

    /// The alpha-2 codes (and `XK`) present in the data, sorted.
    pub fn country_codes(&self) -> Vec<&str> {
        self.areas.iter().filter_map(|a| a.iso.as_deref()).collect()
    }

    /// Whether the point lies inside `country`'s outline, or within
    /// [`COAST_TOLERANCE_KM`] of it. `None` when the data has no such country.
    /// Out-of-range coordinates are never inside.
    pub fn contains(&self, country: &str, lat: f64, lon: f64) -> Option<bool> {
        self.contains_within(country, lat, lon, COAST_TOLERANCE_KM)
    }

    /// [`Outlines::contains`] with an explicit tolerance in kilometres (0 = strict).
    pub fn contains_within(&self, country: &str, lat: f64, lon: f64, tol_km: f64) -> Option<bool> {
        let areas: Vec<&Area> = self.areas_for(country).collect();
        if areas.is_empty() {
            return None;
        }
        if !valid_lat_lon(lat, lon) {
            return Some(false);
        }
        if areas.iter().any(|a| area_contains(a, lat, lon)) {
            return Some(true);
        }
        Some(
            areas
                .iter()
                .any(|a| boundary_distance_km(a, lat, lon, tol_km).is_some_and(|d| d <= tol_km)),
        )
    }

    /// Distance in km from the point to `country` (0 inside). `None` for an unknown country
    /// or out-of-range coordinates.
    pub fn distance_km(&self, country: &str, lat: f64, lon: f64) -> Option<f64> {
        if !valid_lat_lon(lat, lon) {
            return None;
        }
        let areas: Vec<&Area> = self.areas_for(country).collect();
        if areas.is_empty() {
            return None;
        }
        if areas.iter().any(|a| area_contains(a, lat, lon)) {
            return Some(0.0);
        }
        areas
            .iter()
            .filter_map(|a| boundary_distance_km(a, lat, lon, f64::INFINITY))
            .reduce(f64::min)
    }

    /// The ISO code of the country whose outline contains the point (strictly), if any.
    pub fn country_at(&self, lat: f64, lon: f64) -> Option<&str> {
        if !valid_lat_lon(lat, lon) {
            return None;
        }
        self.areas
            .iter()
            .find(|a| a.iso.is_some() && area_contains(a, lat, lon))
            .and_then(|a| a.iso.as_deref())
    }
}

pub(crate) fn valid_lat_lon(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
}

fn area_contains(a: &Area, lat: f64, lon: f64) -> bool {
    if !a.bbox.contains([lon, lat]) {
        return false;
    }
    // even–odd over all rings of the area (outer rings and holes alike)
    a.lonlat.iter().filter(|r| in_ring([lon, lat], r)).count() % 2 == 1
}

/// Shortest distance (km) from the point to the area's boundary, looking only at edges
/// that can be within `max_km`; `None` when none can.
fn boundary_distance_km(a: &Area, lat: f64, lon: f64, max_km: f64) -> Option<f64> {
    let c = lat.to_radians().cos().max(1e-6);
    let dlat = max_km / KM_PER_DEG;
    let dlon = if max_km.is_finite() {
        (max_km / (KM_PER_DEG * c)).min(360.0)
    } else {
        360.0
    };
    let local = |p: &Pt| {
        [
            norm180(p[0] - lon) * c * KM_PER_DEG,
            (p[1] - lat) * KM_PER_DEG,
        ]
    };
    let mut best: Option<f64> = None;
    for r in &a.lonlat {
        for i in 0..r.len() {
            let (p, q) = (&r[i], &r[(i + 1) % r.len()]);
            if max_km.is_finite() {
                let (lo, hi) = (p[1].min(q[1]), p[1].max(q[1]));
                if lo > lat + dlat || hi < lat - dlat {
                    continue;
                }
                let (dp, dq) = (norm180(p[0] - lon), norm180(q[0] - lon));
                if (dp > dlon && dq > dlon) || (dp < -dlon && dq < -dlon) {
                    continue;
                }
            }
            let d = seg_dist([0.0, 0.0], local(p), local(q));
            if best.is_none_or(|b| d < b) {
                best = Some(d);
            }
        }
    }
    best
}
