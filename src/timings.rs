//! Stage timings for profiling a build: with `MOSTY_TIMINGS=1` in the environment, each
//! stage of the pipeline prints how long it took and the memory resident after it to stderr.
//! Off by default, and then free.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("MOSTY_TIMINGS").is_some_and(|v| v != "0"))
}

/// Runs `f`, printing `name` and its duration when timings are on.
pub fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!(
        "timing: {name:<24} {:>9.1} ms {:>8} MiB resident",
        start.elapsed().as_secs_f64() * 1e3,
        resident_mib().map_or_else(|| "?".into(), |m| m.to_string())
    );
    out
}

/// The process's resident memory now, from `/proc/self/statm` (Linux; none elsewhere).
fn resident_mib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}
