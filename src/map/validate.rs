//! Validation of map input for build errors: coordinates in range, each place inside its
//! country's outline (with [`COAST_TOLERANCE_KM`] of tolerance; catches swapped lat/lon and
//! a same-named town in the wrong country), unique place ids, and link ends that exist.
//! Results are typed; `Display` gives a plain English message for logs.

use std::collections::BTreeSet;
use std::fmt;

use super::outlines::{COAST_TOLERANCE_KM, Outlines, valid_lat_lon};
use super::{Link, Place};

/// One problem found by [`validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The place concerned, by id (for link issues: the link's `from`).
    pub place: String,
    /// Index of the link concerned, for link issues.
    pub link: Option<usize>,
    pub kind: IssueKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// Latitude not within -90..=90 (or not a number).
    LatitudeOutOfRange { lat: f64 },
    /// Longitude not within -180..=180 (or not a number).
    LongitudeOutOfRange { lon: f64 },
    /// The outline data has no such country code.
    UnknownCountry { country: String },
    /// The point is farther than the tolerance from its country's outline.
    OutsideCountry {
        country: String,
        /// Distance to the country's outline.
        distance_km: f64,
        /// The country whose outline contains the point, if any.
        found_in: Option<String>,
        /// With latitude and longitude swapped the point would be inside the country.
        swapped_fits: bool,
    },
    /// Another place earlier in the list has the same id.
    DuplicateId,
    /// A link names a place id that does not exist.
    UnknownLinkEnd { id: String },
    /// A link from a place to itself.
    SelfLink,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.link {
            write!(f, "link #{i} from `{}`: ", self.place)?;
        } else {
            write!(f, "place `{}`: ", self.place)?;
        }
        match &self.kind {
            IssueKind::LatitudeOutOfRange { lat } => {
                write!(f, "latitude {lat} is not within -90..90")
            }
            IssueKind::LongitudeOutOfRange { lon } => {
                write!(f, "longitude {lon} is not within -180..180")
            }
            IssueKind::UnknownCountry { country } => {
                write!(f, "country code `{country}` is not in the map data")
            }
            IssueKind::OutsideCountry {
                country,
                distance_km,
                found_in,
                swapped_fits,
            } => {
                write!(f, "the point is {distance_km:.0} km outside {country}")?;
                if let Some(c) = found_in {
                    write!(f, " (it is in {c})")?;
                }
                if *swapped_fits {
                    write!(f, "; latitude and longitude look swapped")?;
                }
                Ok(())
            }
            IssueKind::DuplicateId => write!(f, "another place has the same id"),
            IssueKind::UnknownLinkEnd { id } => write!(f, "no place has the id `{id}`"),
            IssueKind::SelfLink => write!(f, "the link starts and ends at the same place"),
        }
    }
}

/// Checks one point against its country: `Ok` when the coordinates are in range and the
/// point lies inside `country` (or within [`COAST_TOLERANCE_KM`] of it).
pub fn check_point(
    outlines: &Outlines,
    country: &str,
    lat: f64,
    lon: f64,
) -> Result<(), IssueKind> {
    if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(IssueKind::LatitudeOutOfRange { lat });
    }
    if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        return Err(IssueKind::LongitudeOutOfRange { lon });
    }
    match outlines.contains(country, lat, lon) {
        None => Err(IssueKind::UnknownCountry {
            country: country.to_string(),
        }),
        Some(true) => Ok(()),
        Some(false) => Err(IssueKind::OutsideCountry {
            country: country.trim().to_ascii_uppercase(),
            distance_km: outlines
                .distance_km(country, lat, lon)
                .unwrap_or(f64::INFINITY),
            found_in: outlines.country_at(lat, lon).map(str::to_string),
            swapped_fits: valid_lat_lon(lon, lat)
                && outlines.contains_within(country, lon, lat, COAST_TOLERANCE_KM) == Some(true),
        }),
    }
}

/// Checks all places and links; an empty result means the map input is sound.
pub fn validate(outlines: &Outlines, places: &[Place], links: &[Link]) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for p in places {
        if !ids.insert(p.id.as_str()) {
            out.push(Issue {
                place: p.id.clone(),
                link: None,
                kind: IssueKind::DuplicateId,
            });
        }
        if let Err(kind) = check_point(outlines, &p.country, p.lat, p.lon) {
            out.push(Issue {
                place: p.id.clone(),
                link: None,
                kind,
            });
        }
    }
    for (i, l) in links.iter().enumerate() {
        for end in [&l.from, &l.to] {
            if !ids.contains(end.as_str()) {
                out.push(Issue {
                    place: l.from.clone(),
                    link: Some(i),
                    kind: IssueKind::UnknownLinkEnd { id: end.clone() },
                });
            }
        }
        if l.from == l.to {
            out.push(Issue {
                place: l.from.clone(),
                link: Some(i),
                kind: IssueKind::SelfLink,
            });
        }
    }
    out
}
