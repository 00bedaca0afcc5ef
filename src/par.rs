//! How the build shares its lists between cores.
//!
//! Rayon cuts a parallel list in halves, one per core, and cuts a half further only when a
//! core is idle at that moment. Both cores stay busy until one of them finishes its half, so
//! when items cost unevenly along a list (a large site's tag pages all at its end, its short
//! partner files all at its start), that core waits while the other works through the rest
//! of its half: half a second of a 10,000-entry site's render. So the loops over a site's
//! files, entries, items and pages hand out at most [`TASK_LEN`] items at a time, and the
//! core that is done first takes work from the other until the end. (Loops whose items all
//! cost the same, or that nest parallel work of their own, are left to rayon.)
//! `MOSTY_TIMINGS=1` shows each stage's busy cores.

/// The most items of a parallel list that one core takes on at a time: small enough that the
/// last task is short, large enough that handing tasks out costs nothing measurable.
pub const TASK_LEN: usize = 16;
