//! Country codes: ISO 3166-1 numeric → alpha-2 (table generated from CLDR in
//! `iso_table.rs`), and the Natural Earth areas that have no ISO numeric code.

use super::iso_table::NUMERIC_TO_ALPHA2;

/// Alpha-2 code for an ISO 3166-1 numeric code (current codes only: 180 is `CD`, not `ZR`).
pub fn alpha2_from_numeric(n: u16) -> Option<&'static str> {
    NUMERIC_TO_ALPHA2
        .binary_search_by_key(&n, |&(k, _)| k)
        .ok()
        .map(|i| NUMERIC_TO_ALPHA2[i].1)
}

/// An area Natural Earth draws without an ISO numeric code, found by its English name.
pub struct NonIso {
    pub name: &'static str,
    /// Key to use for the area: a code only where one is in general use (`XK`).
    pub code: Option<&'static str>,
    /// Countries for which a point here still counts as "inside" during validation, so that
    /// a caller's choice of country for a disputed or dependent area is never an error.
    pub counts_for: &'static [&'static str],
}

/// Names as spelled in Natural Earth 4.x/5.x admin-0 at 1:110m, 1:50m and 1:10m.
pub const NON_ISO: &[NonIso] = &[
    NonIso {
        name: "Kosovo",
        code: Some("XK"),
        counts_for: &["RS"],
    },
    NonIso {
        name: "Somaliland",
        code: None,
        counts_for: &["SO"],
    },
    NonIso {
        name: "N. Cyprus",
        code: None,
        counts_for: &["CY"],
    },
    NonIso {
        name: "Northern Cyprus",
        code: None,
        counts_for: &["CY"],
    },
    NonIso {
        name: "Cyprus U.N. Buffer Zone",
        code: None,
        counts_for: &["CY"],
    },
    NonIso {
        name: "Akrotiri",
        code: None,
        counts_for: &["CY", "GB"],
    },
    NonIso {
        name: "Dhekelia",
        code: None,
        counts_for: &["CY", "GB"],
    },
    NonIso {
        name: "Indian Ocean Ter.",
        code: None,
        counts_for: &["AU", "CX", "CC"],
    },
    NonIso {
        name: "Siachen Glacier",
        code: None,
        counts_for: &["IN", "PK"],
    },
    NonIso {
        name: "Baykonur Cosmodrome",
        code: None,
        counts_for: &["KZ"],
    },
    NonIso {
        name: "Baikonur",
        code: None,
        counts_for: &["KZ"],
    },
    NonIso {
        name: "USNB Guantanamo Bay",
        code: None,
        counts_for: &["CU", "US"],
    },
];

pub fn non_iso(name: &str) -> Option<&'static NonIso> {
    NON_ISO.iter().find(|n| n.name == name)
}

/// True for a two-letter upper-case ASCII code.
pub fn is_alpha2(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}
