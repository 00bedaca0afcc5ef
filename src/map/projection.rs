//! Map projections and fitting: a spherical Lambert conformal conic fitted to the data
//! (central meridian in the middle of the places' longitudes, standard parallels at 1/6
//! and 5/6 of their latitude span), with Equal Earth as the fallback for sets that are
//! too wide or too close to the equator for a cone. Projection units are Earth radii,
//! y pointing north; [`Frame`] maps them to SVG pixels (y down).

use super::geom::{Pt, Rect, norm180};

/// Just inside ±90° (radians): keeps the conic finite at the poles.
const HALF_PI_IN: f64 = std::f64::consts::FRAC_PI_2 - 1e-7;

/// Spherical Lambert conformal conic (Snyder, *Map Projections — A Working Manual*, §15).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lcc {
    /// Central meridian, degrees.
    pub lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

impl Lcc {
    /// A cone with standard parallels `lat1`, `lat2` and origin latitude `lat0` (degrees).
    /// Equal parallels give a tangent cone. The parallels must not be symmetric about the
    /// equator (the cone would be a cylinder).
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Lcc {
        let (p0, p1, p2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
        let t = |p: f64| (std::f64::consts::FRAC_PI_4 + p / 2.0).tan();
        let n = if (p1 - p2).abs() < 1e-10 {
            p1.sin()
        } else {
            (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln()
        };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = f / t(p0).powf(n);
        Lcc { lon0, n, f, rho0 }
    }

    /// The cone constant `n` (sin of the latitude where the cone touches, for a tangent cone).
    pub fn cone(&self) -> f64 {
        self.n
    }

    /// Projects a longitude difference from the central meridian (degrees, not wrapped)
    /// and a latitude.
    pub fn forward_rel(&self, dlon: f64, lat: f64) -> Pt {
        let phi = lat.to_radians().clamp(-HALF_PI_IN, HALF_PI_IN);
        let rho = self.f / (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().powf(self.n);
        let th = self.n * dlon.to_radians();
        [rho * th.sin(), self.rho0 - rho * th.cos()]
    }

    pub fn inverse(&self, x: f64, y: f64) -> Pt {
        let n = self.n;
        let dy = self.rho0 - y;
        let rho = n.signum() * (x * x + dy * dy).sqrt();
        let th = if n > 0.0 {
            x.atan2(dy)
        } else {
            (-x).atan2(-dy)
        };
        let lat = if rho == 0.0 {
            90f64.copysign(n)
        } else {
            (2.0 * (self.f / rho).powf(1.0 / n).atan() - std::f64::consts::FRAC_PI_2).to_degrees()
        };
        [self.lon0 + (th / n).to_degrees(), lat]
    }

    /// Scale factor (true scale 1) at a latitude; the same in every direction.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        let phi = lat.to_radians().clamp(-HALF_PI_IN, HALF_PI_IN);
        let rho = self.f / (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().powf(self.n);
        (self.n * rho / phi.cos()).abs()
    }
}

const EE_A1: f64 = 1.340264;
const EE_A2: f64 = -0.081106;
const EE_A3: f64 = 0.000893;
const EE_A4: f64 = 0.003796;

/// Equal Earth (Šavrič, Patterson, Jenny 2018), spherical; fallback for world-wide sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EqualEarth {
    pub lon0: f64,
}

impl EqualEarth {
    pub fn forward_rel(&self, dlon: f64, lat: f64) -> Pt {
        let m = 3f64.sqrt() / 2.0;
        let th = (m * lat.to_radians().sin()).asin();
        let (t2, t6) = (th * th, th.powi(6));
        let d = 3.0 * (9.0 * EE_A4 * t6 * t2 + 7.0 * EE_A3 * t6 + 3.0 * EE_A2 * t2 + EE_A1);
        let x = 2.0 * 3f64.sqrt() * dlon.to_radians() * th.cos() / d;
        let y = th * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
        [x, y]
    }

    pub fn inverse(&self, x: f64, y: f64) -> Pt {
        let m = 3f64.sqrt() / 2.0;
        let mut th = y;
        for _ in 0..30 {
            let t2 = th * th;
            let t6 = t2 * t2 * t2;
            let fy = th * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2)) - y;
            let fpy = EE_A1 + 3.0 * EE_A2 * t2 + t6 * (7.0 * EE_A3 + 9.0 * EE_A4 * t2);
            let d = fy / fpy;
            th -= d;
            if d.abs() < 1e-14 {
                break;
            }
        }
        let (t2, t6) = (th * th, th.powi(6));
        let d = 3.0 * (9.0 * EE_A4 * t6 * t2 + 7.0 * EE_A3 * t6 + 3.0 * EE_A2 * t2 + EE_A1);
        let lon = x * d / (2.0 * 3f64.sqrt() * th.cos());
        let lat = ((th.sin() / m).clamp(-1.0, 1.0)).asin();
        [self.lon0 + lon.to_degrees(), lat.to_degrees()]
    }
}

/// The projection a map uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    Lcc(Lcc),
    EqualEarth(EqualEarth),
}

impl Projection {
    /// Chooses and fits a projection to points given as `[lon, lat]`: a Lambert conformal
    /// conic when the set spans less than 150° of longitude and stays clear of the
    /// equator, else Equal Earth centred on the set.
    pub fn fit(points: &[Pt]) -> Projection {
        if points.is_empty() {
            return Projection::EqualEarth(EqualEarth { lon0: 0.0 });
        }
        let (lon0, lon_span) = lon_center(points);
        let lat_min = points.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
        let lat_max = points
            .iter()
            .map(|p| p[1])
            .fold(f64::NEG_INFINITY, f64::max);
        let span = lat_max - lat_min;
        let (p1, p2) = (lat_min + span / 6.0, lat_max - span / 6.0);
        let mid = (lat_min + lat_max) / 2.0;
        let crosses = lat_min < -5.0 && lat_max > 5.0;
        if lon_span > 150.0 || span > 70.0 || crosses || mid.abs() < 12.0 {
            return Projection::EqualEarth(EqualEarth { lon0 });
        }
        Projection::Lcc(Lcc::new(lon0, mid, p1, p2))
    }

    pub fn lon0(&self) -> f64 {
        match self {
            Projection::Lcc(p) => p.lon0,
            Projection::EqualEarth(p) => p.lon0,
        }
    }

    /// Projects lon/lat (degrees); the longitude is wrapped around the central meridian.
    pub fn forward(&self, lon: f64, lat: f64) -> Pt {
        self.forward_rel(norm180(lon - self.lon0()), lat)
    }

    /// Projects a longitude difference from the central meridian (not wrapped).
    pub fn forward_rel(&self, dlon: f64, lat: f64) -> Pt {
        match self {
            Projection::Lcc(p) => p.forward_rel(dlon, lat),
            Projection::EqualEarth(p) => p.forward_rel(dlon, lat),
        }
    }

    /// Inverse: projection units to `[lon, lat]` (longitude not wrapped).
    pub fn inverse(&self, x: f64, y: f64) -> Pt {
        match self {
            Projection::Lcc(p) => p.inverse(x, y),
            Projection::EqualEarth(p) => p.inverse(x, y),
        }
    }

    /// Approximate scale factor at a latitude (exact for the conic).
    pub fn scale_factor(&self, lat: f64) -> f64 {
        match self {
            Projection::Lcc(p) => p.scale_factor(lat),
            Projection::EqualEarth(_) => 1.0,
        }
    }

    /// Where the pole the cone points to lands, if the projection has one at a finite point.
    pub fn pole(&self) -> Option<(Pt, f64)> {
        match self {
            Projection::Lcc(p) => Some(([0.0, p.rho0], 90f64.copysign(p.n))),
            Projection::EqualEarth(_) => None,
        }
    }
}

/// Middle of the shortest longitude interval holding all points, and its width (degrees).
pub fn lon_center(points: &[Pt]) -> (f64, f64) {
    let mut lons: Vec<f64> = points.iter().map(|p| norm180(p[0])).collect();
    lons.sort_by(f64::total_cmp);
    lons.dedup();
    if lons.len() == 1 {
        return (lons[0], 0.0);
    }
    // the largest gap between neighbours (cyclically) is what the interval leaves out
    let n = lons.len();
    let (mut gap, mut after) = (lons[0] + 360.0 - lons[n - 1], 0usize);
    for i in 1..n {
        let g = lons[i] - lons[i - 1];
        if g > gap {
            gap = g;
            after = i;
        }
    }
    let span = 360.0 - gap;
    (norm180(lons[after] + span / 2.0), span)
}

/// A fitted map: projection plus the affine transform to SVG pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub proj: Projection,
    /// Pixels per projection unit (Earth radius).
    pub scale: f64,
    /// Pixel position of projection origin.
    pub ox: f64,
    pub oy: f64,
    pub width: f64,
    pub height: f64,
}

/// Margins used when fitting, as fractions of the frame plus fixed pixels.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub width: f64,
    pub height: Option<f64>,
    pub pad_x: f64,
    pub pad_y: f64,
    /// Smallest extent shown, in projection units (so one town isn't a street map).
    pub min_extent: f64,
    pub min_aspect: f64,
    pub max_aspect: f64,
}

impl Frame {
    /// Fits `bbox` (projection units) into the frame with margins; with no height given, the
    /// height follows the data's aspect ratio within `[min_aspect, max_aspect]`.
    pub fn fit(proj: Projection, bbox: Rect, fit: &Fit) -> Frame {
        let mut b = bbox;
        if !(b.w().is_finite() && b.h().is_finite()) {
            b = Rect::new(-0.05, -0.05, 0.05, 0.05);
        }
        let min_h = fit.min_extent * fit.min_aspect;
        if b.w() < fit.min_extent {
            let c = b.center()[0];
            b.x0 = c - fit.min_extent / 2.0;
            b.x1 = c + fit.min_extent / 2.0;
        }
        if b.h() < min_h {
            let c = b.center()[1];
            b.y0 = c - min_h / 2.0;
            b.y1 = c + min_h / 2.0;
        }
        let w = fit.width;
        let inner_w = w * (1.0 - 2.0 * fit.pad_x);
        let h = match fit.height {
            Some(h) => h,
            None => {
                let s = inner_w / b.w();
                let h = b.h() * s / (1.0 - 2.0 * fit.pad_y);
                h.clamp(w * fit.min_aspect, w * fit.max_aspect)
            }
        }
        .round();
        let w = w.round();
        let inner_h = h * (1.0 - 2.0 * fit.pad_y);
        let scale = (inner_w / b.w()).min(inner_h / b.h());
        let c = b.center();
        // screen x = ox + s*x, screen y = oy - s*y
        let ox = w / 2.0 - scale * c[0];
        let oy = h / 2.0 + scale * c[1];
        Frame {
            proj,
            scale,
            ox,
            oy,
            width: w,
            height: h,
        }
    }

    pub fn to_screen_xy(&self, p: Pt) -> Pt {
        [self.ox + self.scale * p[0], self.oy - self.scale * p[1]]
    }

    pub fn from_screen_xy(&self, p: Pt) -> Pt {
        [(p[0] - self.ox) / self.scale, (self.oy - p[1]) / self.scale]
    }

    /// lon/lat (degrees) to pixels.
    pub fn project(&self, lon: f64, lat: f64) -> Pt {
        self.to_screen_xy(self.proj.forward(lon, lat))
    }

    /// Longitude relative to the central meridian (unwrapped) and latitude to pixels.
    pub fn project_rel(&self, dlon: f64, lat: f64) -> Pt {
        self.to_screen_xy(self.proj.forward_rel(dlon, lat))
    }

    /// Pixels to lon/lat (longitude not wrapped).
    pub fn unproject(&self, p: Pt) -> Pt {
        let q = self.from_screen_xy(p);
        self.proj.inverse(q[0], q[1])
    }

    /// Pixels per degree of arc at a latitude.
    pub fn px_per_deg(&self, lat: f64) -> f64 {
        self.scale * self.proj.scale_factor(lat) * std::f64::consts::PI / 180.0
    }

    pub fn rect(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width, self.height)
    }
}
