//! Plane geometry used by the renderer and the validator: rectangles, Sutherland–Hodgman
//! polygon clipping, Liang–Barsky polyline clipping, densification, Douglas–Peucker
//! simplification on lon/lat with a latitude-dependent tolerance, longitude unwrapping,
//! ring area and point-in-ring tests, and point–segment distance.

/// A point: `[x, y]` on screen, or `[lon, lat]` in degrees.
pub type Pt = [f64; 2];

/// Axis-aligned rectangle (`x0 <= x1`, `y0 <= y1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn empty() -> Rect {
        Rect {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        }
    }
    pub fn add(&mut self, p: Pt) {
        self.x0 = self.x0.min(p[0]);
        self.y0 = self.y0.min(p[1]);
        self.x1 = self.x1.max(p[0]);
        self.y1 = self.y1.max(p[1]);
    }
    pub fn of(pts: &[Pt]) -> Rect {
        let mut r = Rect::empty();
        for p in pts {
            r.add(*p);
        }
        r
    }
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn grow(&self, d: f64) -> Rect {
        Rect {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
        }
    }
    pub fn shift_x(&self, dx: f64) -> Rect {
        Rect {
            x0: self.x0 + dx,
            x1: self.x1 + dx,
            ..*self
        }
    }
    /// Open intersection: touching edges do not count.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    /// Closed intersection: touching edges count.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }
    pub fn contains(&self, p: Pt) -> bool {
        p[0] >= self.x0 && p[0] <= self.x1 && p[1] >= self.y0 && p[1] <= self.y1
    }
    pub fn contains_rect(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }
    pub fn center(&self) -> Pt {
        [(self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0]
    }
}

/// Clips a closed ring to a rectangle (Sutherland–Hodgman). Concave rings split by the
/// rectangle come back joined along its edges, which is harmless when the rectangle lies
/// outside the visible area. Returns an empty vector when nothing is left.
pub fn clip_ring(ring: &[Pt], r: &Rect) -> Vec<Pt> {
    let mut pts: Vec<Pt> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    // (axis, bound, keep-if-greater)
    let edges = [
        (0usize, r.x0, true),
        (0, r.x1, false),
        (1, r.y0, true),
        (1, r.y1, false),
    ];
    for (axis, b, greater) in edges {
        if pts.is_empty() {
            break;
        }
        let inside = |p: &Pt| if greater { p[axis] >= b } else { p[axis] <= b };
        let mut out = Vec::with_capacity(pts.len() + 4);
        let mut prev = *pts.last().unwrap_or(&pts[0]);
        for &cur in &pts {
            let (ci, pi) = (inside(&cur), inside(&prev));
            if ci {
                if !pi {
                    out.push(cross(prev, cur, axis, b));
                }
                out.push(cur);
            } else if pi {
                out.push(cross(prev, cur, axis, b));
            }
            prev = cur;
        }
        pts = out;
    }
    if pts.len() < 3 { Vec::new() } else { pts }
}

fn cross(a: Pt, b: Pt, axis: usize, v: f64) -> Pt {
    let t = (v - a[axis]) / (b[axis] - a[axis]);
    let mut p = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    p[axis] = v; // exact on the edge
    p
}

/// Clips a polyline to a rectangle (Liang–Barsky per segment); returns the pieces inside.
pub fn clip_line(line: &[Pt], r: &Rect) -> Vec<Vec<Pt>> {
    let mut pieces: Vec<Vec<Pt>> = Vec::new();
    let mut cur: Vec<Pt> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() > 1 {
                        pieces.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(a);
                }
                cur.push(b);
                if b != w[1] {
                    // left the rectangle
                    if cur.len() > 1 {
                        pieces.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                }
            }
            None => {
                if cur.len() > 1 {
                    pieces.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        pieces.push(cur);
    }
    pieces
}

fn clip_segment(a: Pt, b: Pt, r: &Rect) -> Option<(Pt, Pt)> {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a[0] - r.x0),
        (dx, r.x1 - a[0]),
        (-dy, a[1] - r.y0),
        (dy, r.y1 - a[1]),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                if t > t1 {
                    return None;
                }
                t0 = t0.max(t);
            } else {
                if t < t0 {
                    return None;
                }
                t1 = t1.min(t);
            }
        }
    }
    let pa = if t0 > 0.0 {
        [a[0] + dx * t0, a[1] + dy * t0]
    } else {
        a
    };
    let pb = if t1 < 1.0 {
        [a[0] + dx * t1, a[1] + dy * t1]
    } else {
        b
    };
    Some((pa, pb))
}

/// Inserts points so that no step is longer than `step` along either axis.
pub fn densify(pts: &[Pt], step: f64, closed: bool) -> Vec<Pt> {
    let mut out = Vec::with_capacity(pts.len());
    let n = pts.len();
    let segs = if closed { n } else { n.saturating_sub(1) };
    if n == 0 {
        return out;
    }
    for i in 0..segs {
        let (a, b) = (pts[i], pts[(i + 1) % n]);
        out.push(a);
        let d = (b[0] - a[0]).abs().max((b[1] - a[1]).abs());
        if d > step {
            let k = (d / step).ceil() as usize;
            for j in 1..k {
                let t = j as f64 / k as f64;
                out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
            }
        }
    }
    if !closed {
        out.push(pts[n - 1]);
    }
    out
}

/// Douglas–Peucker on lon/lat points with a tolerance in pixels: `px_per_deg(lat)` gives the
/// map scale at a latitude, and distances are measured in a local equirectangular frame at
/// each candidate point. Both end points are always kept (so shared arc ends stay shared).
pub fn simplify_lonlat(pts: &[Pt], tol_px: f64, px_per_deg: &dyn Fn(f64) -> f64) -> Vec<Pt> {
    let n = pts.len();
    if n <= 2 {
        return pts.to_vec();
    }
    // per point: cos(lat) and the tolerance in degrees there
    let local: Vec<(f64, f64)> = pts
        .iter()
        .map(|p| {
            (
                p[1].to_radians().cos().max(1e-6),
                tol_px / px_per_deg(p[1]).max(1e-12),
            )
        })
        .collect();
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0usize, n - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (pa, pb) = (pts[a], pts[b]);
        let mut best = (0.0f64, 0usize);
        for i in a + 1..b {
            let (p, (c, tol)) = (pts[i], local[i]);
            let ax = [(pa[0] - p[0]) * c, pa[1] - p[1]];
            let bx = [(pb[0] - p[0]) * c, pb[1] - p[1]];
            let d = seg_dist([0.0, 0.0], ax, bx) / tol;
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > 1.0 {
            keep[best.1] = true;
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Keeps both ends and every `k`-th point: a cheap stand-in for arcs far outside the map,
/// which only need to keep their rings closed.
pub fn decimate(pts: &[Pt], k: usize) -> Vec<Pt> {
    let n = pts.len();
    pts.iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || *i == n - 1 || i % k.max(1) == 0)
        .map(|(_, p)| *p)
        .collect()
}

/// Distance from `p` to segment `a`–`b`.
pub fn seg_dist(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let l2 = dx * dx + dy * dy;
    let t = if l2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a[0] + dx * t - p[0], a[1] + dy * t - p[1]);
    (qx * qx + qy * qy).sqrt()
}

/// Re-expresses longitudes relative to `lon0`, continuous along the line: the first point
/// is put in [-180, 180), every later one within 180° of its predecessor.
pub fn unwrap_lon(pts: &[Pt], lon0: f64) -> Vec<Pt> {
    let mut out = Vec::with_capacity(pts.len());
    let mut prev: Option<f64> = None;
    for p in pts {
        let mut x = p[0] - lon0;
        match prev {
            None => x = norm180(x),
            Some(q) => {
                while x - q > 180.0 {
                    x -= 360.0;
                }
                while x - q < -180.0 {
                    x += 360.0;
                }
            }
        }
        prev = Some(x);
        out.push([x, p[1]]);
    }
    out
}

/// Normalises an angle in degrees to [-180, 180).
pub fn norm180(x: f64) -> f64 {
    let r = (x + 180.0).rem_euclid(360.0) - 180.0;
    if r >= 180.0 { r - 360.0 } else { r }
}

/// Signed area (shoelace); positive for counter-clockwise in a y-up frame.
pub fn ring_area(r: &[Pt]) -> f64 {
    let n = r.len();
    let mut s = 0.0;
    for i in 0..n {
        let (a, b) = (r[i], r[(i + 1) % n]);
        s += a[0] * b[1] - b[0] * a[1];
    }
    s / 2.0
}

/// Even–odd point-in-ring test (the ring may or may not repeat its first point).
pub fn in_ring(p: Pt, r: &[Pt]) -> bool {
    let n = r.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (r[i], r[j]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            inside = !inside;
        }
        j = i;
    }
    inside
}
