//! The adversarial suite (issue #9; cases from shared/research/reliability.md, section (b)).
//!
//! Every case builds a small site in its own workspace `W` (the site is `W/site`, a canary file
//! `W/canary.txt` lies beside it) and runs the real binary, so exit codes, stderr and the
//! server are what a user meets. The harness conventions:
//!
//! - CLEAN-FAIL(file, line): exit 1 (never 101 = panic, 134/139 = abort), stderr names
//!   `file:line`, no `panicked` / `overflowed` in stderr, `public/` byte-identical to the last
//!   good build, no staging folder left behind, nothing new in `W` outside `W/site/public`,
//!   and the whole run under [`CASE_DEADLINE`].
//! - CLEAN-BUILD: exit 0, the same hygiene.
//! - A case that finds a bug is marked `#[ignore = "bug: ..."]`; docs/RELIABILITY.md lists them.
//!
//! Groups: `frontmatter` (B), `paths` (P), `fluent`, `tera`, `markdown` (R98–R100, linear time),
//! `server` (S/O), `watch` (W), `containment` (determinism, canary, third-party requests),
//! `props` (the fuzz targets' checks as property tests).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod containment;
mod fluent;
mod frontmatter;
mod markdown;
mod paths;
mod props;
mod server;
mod tera;
mod watch;

/// No single command of a case may take longer (a hang is a failure, not a stuck suite).
/// Generous, because a loaded machine stretches wall time; "in time" assertions use [`Run::cpu`].
pub const CASE_DEADLINE: Duration = Duration::from_secs(90);

pub const BIN: &str = env!("CARGO_BIN_EXE_mosty");

/// A two-language site (ru default, en) with a section, a dated page, a bundle page with an
/// image and Fluent messages of its own; built with mosty's built-in theme.
pub const FIXTURE: &str = r#"
-- site.toml --
base_url = "https://college.example/intl/"
default_language = "ru"
languages = ["ru", "en"]
-- content/_index.md --
+++
title = "Главная"
+++
Текст главной.
-- content/_index.en.md --
+++
title = "Home"
+++
Home text.
-- content/projects/_index.md --
+++
title = "Проекты"
+++
-- content/projects/_index.en.md --
+++
title = "Projects"
+++
-- content/projects/a.md --
+++
title = "Проект А"
date = 2024-05-01
+++
# Заголовок

Текст проекта.
-- content/projects/a.en.md --
+++
title = "Project A"
+++
# Heading

Project text.
-- content/projects/b/index.md --
+++
title = "Проект Б"
+++
Б.
-- content/projects/b/photo.jpg --
JPEG
-- locales/ru/site.ftl --
site-title = Мосты
-- locales/en/site.ftl --
site-title = Bridges
-- static/files/plan.txt --
plan
"#;

/// The output of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// CPU time of the process (user + system, all threads), sampled until it exited.
    pub cpu: Duration,
}

impl Run {
    pub fn show(&self) -> String {
        format!(
            "exit {:?} after {:?} (cpu {:?})\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.elapsed,
            self.cpu,
            cut(&self.stdout),
            cut(&self.stderr)
        )
    }

    /// No panic, no abort, no stack overflow, whatever the exit code.
    pub fn assert_no_crash(&self) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("overflowed"),
            "mosty crashed:\n{}",
            self.show()
        );
        assert!(
            matches!(self.code, Some(0..=2)),
            "mosty died (101 = panic, 134 = abort, None = signal):\n{}",
            self.show()
        );
    }
}

fn cut(s: &str) -> String {
    if s.len() > 6000 {
        let mut end = 6000;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}… ({} bytes)", &s[..end], s.len())
    } else {
        s.to_string()
    }
}

/// Runs `cmd` to completion, killing it after `deadline`.
pub fn run_cmd(mut cmd: Command, deadline: Duration) -> Run {
    cmd.env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn mosty");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let mut cpu = Duration::ZERO;
    let status = loop {
        if let Some(t) = cpu_time(child.id()) {
            cpu = t;
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mosty hung: killed after {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&t_out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&t_err.join().unwrap()).into_owned(),
        elapsed,
        cpu,
    }
}

/// User + system time of a live process from `/proc/<pid>/stat` (in clock ticks of 10 ms).
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the command: state is field 3, utime 14, stime 15 (1-based in proc(5)).
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// CPU time of the calling thread, in nanoseconds (`/proc/thread-self/schedstat`).
pub fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// One case's workspace: `W/site` (the site), `W/canary.txt` beside it.
pub struct Fx {
    pub w: tempfile::TempDir,
    pub canary: String,
}

impl Fx {
    /// The fixture site with `txtar` written over it.
    pub fn new(txtar: &str) -> Fx {
        let fx = Fx::empty();
        fx.write_all(FIXTURE);
        fx.write_all(txtar);
        fx
    }

    /// A workspace with only the canary.
    pub fn empty() -> Fx {
        let w = tempfile::tempdir().expect("temp dir");
        let canary = format!(
            "MOSTY-CANARY-{}-{}",
            std::process::id(),
            w.path().file_name().unwrap().to_string_lossy()
        );
        std::fs::create_dir_all(w.path().join("site")).unwrap();
        std::fs::write(w.path().join("canary.txt"), &canary).unwrap();
        Fx { w, canary }
    }

    pub fn root(&self) -> PathBuf {
        self.w.path().join("site")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write_all(&self, txtar: &str) {
        for (path, text) in parse_txtar(txtar) {
            self.write(&path, &text);
        }
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        let p = self.path(rel);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
    }

    /// `mosty <args> --root W/site`, run in `W/site`.
    pub fn mosty(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.args(args).arg("--root").arg(self.root());
        cmd.current_dir(self.root());
        run_cmd(cmd, CASE_DEADLINE)
    }

    /// `mosty <args>` without `--root`, run in `W/site`.
    pub fn mosty_here(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.args(args).current_dir(self.root());
        run_cmd(cmd, CASE_DEADLINE)
    }

    /// Builds and expects success (CLEAN-BUILD).
    pub fn build_ok(&self) -> Run {
        let before = self.outside_output();
        let r = self.mosty(&["build"]);
        r.assert_no_crash();
        assert_eq!(r.code, Some(0), "the build should succeed:\n{}", r.show());
        self.assert_hygiene(&before);
        r
    }

    /// The CLEAN-FAIL convention: builds the site as it is (a good build), then writes
    /// `rel` = `bytes`, builds again and expects exit 1 naming `at` (`file:line`), with
    /// `public/` unchanged and nothing written anywhere else.
    pub fn break_with(&self, rel: &str, bytes: &[u8], at: &str) -> Run {
        self.build_ok();
        self.write_bytes(rel, bytes);
        self.fail(&["build"], at)
    }

    /// Runs `mosty <args>` on the site as it is and expects CLEAN-FAIL naming `at`.
    pub fn fail(&self, args: &[&str], at: &str) -> Run {
        let h0 = treehash(&self.path("public"));
        let before = self.outside_output();
        let r = self.mosty(args);
        r.assert_no_crash();
        assert_eq!(r.code, Some(1), "expected exit 1:\n{}", r.show());
        assert!(
            r.stderr.contains(at) || r.stdout.contains(at),
            "the output should name `{at}`:\n{}",
            r.show()
        );
        assert_eq!(
            treehash(&self.path("public")),
            h0,
            "a failed run changed public/"
        );
        self.assert_hygiene(&before);
        r
    }

    /// Every file of `W` outside `W/site/public`, with its content hash.
    pub fn outside_output(&self) -> BTreeMap<PathBuf, u64> {
        let public = self.path("public");
        let mut m = BTreeMap::new();
        for e in walkdir::WalkDir::new(self.w.path())
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.path() != public)
            .filter_map(Result::ok)
        {
            let h = if e.file_type().is_file() {
                hash(&std::fs::read(e.path()).unwrap_or_default())
            } else {
                0
            };
            m.insert(e.path().to_path_buf(), h);
        }
        m
    }

    /// Nothing new or changed outside the output folder; no canary inside it.
    pub fn assert_hygiene(&self, before: &BTreeMap<PathBuf, u64>) {
        let after = self.outside_output();
        let changed: Vec<_> = after
            .iter()
            .filter(|(p, h)| before.get(*p) != Some(h))
            .map(|(p, _)| p.clone())
            .collect();
        assert!(
            changed.is_empty(),
            "files written outside the output folder: {changed:?}"
        );
        self.assert_no_canary_in(&self.path("public"));
    }

    pub fn assert_no_canary_in(&self, dir: &Path) {
        for e in walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            if e.file_type().is_file() {
                let bytes = std::fs::read(e.path()).unwrap_or_default();
                assert!(
                    !contains(&bytes, self.canary.as_bytes()),
                    "the canary leaked into {}",
                    e.path().display()
                );
            }
        }
    }

    pub fn out(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path("public").join(rel)).unwrap_or_else(|e| {
            panic!(
                "public/{rel}: {e}; files: {:?}",
                files(&self.path("public"))
            )
        })
    }

    pub fn out_exists(&self, rel: &str) -> bool {
        self.path("public").join(rel).exists()
    }
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Every file below `dir` (relative, sorted) with its bytes hashed; empty if `dir` is missing.
pub fn treehash(dir: &Path) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    if !dir.exists() {
        return m;
    }
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let h = if e.file_type().is_file() {
            hash(&std::fs::read(e.path()).unwrap())
        } else {
            0
        };
        m.insert(rel, h);
    }
    m
}

/// Every file below `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    treehash(dir)
        .into_iter()
        .filter(|(p, _)| dir.join(p).is_file())
        .map(|(p, _)| p)
        .collect()
}

pub use crate::support::parse_txtar;

/// Whether this process runs as root (permission cases then drop privileges or skip).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// `setpriv` to run a command as nobody, when running as root and it is installed.
pub fn setpriv() -> Option<PathBuf> {
    ["/usr/bin/setpriv", "/bin/setpriv"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}
