//! The fuzz targets' checks; see `checks.rs` (shared with the main test suite).

mod checks;
pub use checks::*;
