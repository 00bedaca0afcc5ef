//! Stage timings for profiling a build: with `MOSTY_TIMINGS=1` in the environment, each
//! stage of the pipeline prints how long it took, how many cores it kept busy on average, and
//! the memory resident after it to stderr. Off by default, and then free.

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
    let cpu_start = cpu_seconds();
    let out = f();
    let wall = start.elapsed().as_secs_f64();
    // A stage whose cores wait for each other (one of them left with the end of a badly
    // split list) shows as fewer busy cores than the machine has.
    let cores = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if wall >= 0.05 => format!("{:.2} cores", (b - a) / wall),
        _ => String::new(),
    };
    eprintln!(
        "timing: {name:<24} {:>9.1} ms {cores:>11} {:>8} MiB resident",
        wall * 1e3,
        resident_mib().map_or_else(|| "?".into(), |m| m.to_string())
    );
    out
}

/// CPU time (user and system) of every thread of the process so far, from `/proc/self/stat`
/// (Linux; none elsewhere). Counted in the kernel's fixed 100 ticks per second, so only a
/// stage of 50 ms or more gets a figure.
fn cpu_seconds() -> Option<f64> {
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after it are plain numbers.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    // utime and stime are fields 14 and 15; the state (field 3) comes first after the name.
    let utime: f64 = fields.nth(11)?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / TICKS_PER_SECOND)
}

/// The process's resident memory now, from `/proc/self/statm` (Linux; none elsewhere).
fn resident_mib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}
