//! Label sizing and placement: text widths from a table of real font advance widths
//! (`metrics_table.rs`), and greedy placement of point labels over candidate positions
//! around each marker (eight directions, then two outer rings that need a leader line),
//! never overlapping other labels, markers or reserved boxes; labels that fit nowhere are
//! dropped and reported by the caller.

use super::geom::{Pt, Rect};
use super::metrics_table::BLOCKS;

/// Width in pixels of `s` at `size` px, plus `spacing` px after every character.
pub fn text_width(s: &str, size: f64, bold: bool, spacing: f64) -> f64 {
    let mut w = 0.0;
    let mut n = 0usize;
    for c in s.chars() {
        n += 1;
        let cp = c as u32;
        let adv = BLOCKS
            .iter()
            .find(|(a, b, _)| (*a..=*b).contains(&cp))
            .map(|(a, _, t)| {
                let (r, b) = t[(cp - a) as usize];
                if bold { b } else { r }
            })
            .unwrap_or(if cp >= 0x2E80 {
                1000
            } else if bold {
                780
            } else {
                720
            });
        w += adv as f64;
    }
    w * size / 1000.0 + spacing * n as f64
}

/// Where a label sits relative to its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    E,
    NE,
    SE,
    W,
    NW,
    SW,
    N,
    S,
}

/// Preference order (cartographic convention: right of the point first).
const SIDES: [Side; 8] = [
    Side::E,
    Side::NE,
    Side::SE,
    Side::W,
    Side::NW,
    Side::SW,
    Side::N,
    Side::S,
];

/// A label to place: its marker and its box size (halo included).
#[derive(Debug, Clone, Copy)]
pub struct LabelReq {
    pub anchor: Pt,
    pub radius: f64,
    pub w: f64,
    pub h: f64,
}

/// A placed label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub side: Side,
    /// 0 next to the marker; 1 or 2 further out, drawn with a leader line.
    pub ring: usize,
}

impl Placed {
    /// `text-anchor` value and x for the text, given the halo padding inside the box.
    pub fn text_x(&self, pad: f64) -> (&'static str, f64) {
        match self.side {
            Side::E | Side::NE | Side::SE => ("start", self.rect.x0 + pad),
            Side::W | Side::NW | Side::SW => ("end", self.rect.x1 - pad),
            Side::N | Side::S => ("middle", self.rect.center()[0]),
        }
    }

    /// Where a leader line from the marker edge meets the label box.
    pub fn leader(&self, anchor: Pt, radius: f64) -> (Pt, Pt) {
        let r = &self.rect;
        let q = [anchor[0].clamp(r.x0, r.x1), anchor[1].clamp(r.y0, r.y1)];
        let (dx, dy) = (q[0] - anchor[0], q[1] - anchor[1]);
        let l = (dx * dx + dy * dy).sqrt().max(1e-9);
        (
            [
                anchor[0] + dx / l * (radius + 1.0),
                anchor[1] + dy / l * (radius + 1.0),
            ],
            q,
        )
    }
}

fn candidate(req: &LabelReq, side: Side, d: f64) -> Rect {
    let (ax, ay, w, h) = (req.anchor[0], req.anchor[1], req.w, req.h);
    let k = d * std::f64::consts::FRAC_1_SQRT_2;
    let (x0, y0) = match side {
        Side::E => (ax + d, ay - h / 2.0),
        Side::W => (ax - d - w, ay - h / 2.0),
        Side::N => (ax - w / 2.0, ay - d - h),
        Side::S => (ax - w / 2.0, ay + d),
        Side::NE => (ax + k, ay - k - h),
        Side::SE => (ax + k, ay + k),
        Side::NW => (ax - k - w, ay - k - h),
        Side::SW => (ax - k - w, ay + k),
    };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// Everything a label must keep clear of, plus a cost for what it may cross.
pub struct Board<'a> {
    /// Labels must lie inside this.
    pub bounds: Rect,
    /// Markers and reserved areas (legend, controls): never overlapped.
    pub hard: Vec<Rect>,
    /// Labels placed so far: never overlapped.
    pub labels: Vec<Rect>,
    /// Extra cost of a box (e.g. how many arc samples it covers).
    pub soft: &'a dyn Fn(&Rect) -> f64,
}

impl Board<'_> {
    pub fn free(&self, r: &Rect) -> bool {
        self.free_near(r, None)
    }

    /// Like [`Board::free`], ignoring the hard box centred on `own` (the label's own
    /// marker: candidates are already built around it).
    fn free_near(&self, r: &Rect, own: Option<Pt>) -> bool {
        self.bounds.contains_rect(r)
            && !self
                .hard
                .iter()
                .any(|h| h.intersects(r) && own.is_none_or(|o| h.center() != o))
            && !self.labels.iter().any(|h| h.intersects(r))
    }

    /// Greedy choice: the cheapest free candidate (direction preference, distance, soft
    /// cost); `None` when no candidate is free. The chosen box is added to `labels`.
    pub fn place(&mut self, req: &LabelReq) -> Option<Placed> {
        let rings = [req.radius + 3.0, req.radius + 16.0, req.radius + 30.0];
        let mut best: Option<(f64, Placed)> = None;
        for (ri, d) in rings.iter().enumerate() {
            for (si, side) in SIDES.iter().enumerate() {
                let rect = candidate(req, *side, *d);
                if !self.free_near(&rect, Some(req.anchor)) {
                    continue;
                }
                let cost = si as f64 + ri as f64 * 12.0 + (self.soft)(&rect);
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((
                        cost,
                        Placed {
                            rect,
                            side: *side,
                            ring: ri,
                        },
                    ));
                }
            }
            // a free spot closer to the marker always beats any spot further out
            if best.is_some() {
                break;
            }
        }
        let p = best.map(|(_, p)| p)?;
        self.labels.push(p.rect);
        Some(p)
    }
}
