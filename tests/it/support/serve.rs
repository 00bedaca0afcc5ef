//! A running `mosty serve` for tests: the binary on a free port over a temp site, spoken to
//! over raw TCP (exact request lines), with its terminal output kept for assertions.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A site a server can be started on.
pub trait SiteRoot {
    fn site_root(&self) -> PathBuf;
}

impl SiteRoot for super::TestSite {
    fn site_root(&self) -> PathBuf {
        self.root().to_path_buf()
    }
}

/// How long a change may take to show up (the spec's 3 s, stretched for a loaded machine).
pub const UPDATE: Duration = Duration::from_secs(10);

/// A running `mosty serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// `/intl/` for the fixture.
    pub base: String,
    pub stdout: Arc<Mutex<String>>,
    pub stderr: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

fn collect(stream: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let mut s = into.lock().unwrap();
            s.push_str(&line);
            s.push('\n');
        }
    });
}

impl Server {
    pub fn start(site: &impl SiteRoot) -> Server {
        Server::start_with(site, &[])
    }

    pub fn start_with(site: &impl SiteRoot, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mosty"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .arg("--root")
            .arg(site.site_root())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        collect(child.stdout.take().unwrap(), stdout.clone());
        collect(child.stderr.take().unwrap(), stderr.clone());
        let mut server = Server {
            child,
            port: 0,
            base: String::new(),
            stdout,
            stderr,
        };
        let start = Instant::now();
        loop {
            let out = server.stdout.lock().unwrap().clone();
            if let Some(url) = out
                .lines()
                .find_map(|l| l.split_once(" at http://127.0.0.1:").map(|(_, u)| u))
            {
                let (port, base) = url.split_at(url.find('/').unwrap());
                server.port = port.parse().unwrap();
                server.base = base.to_string();
                break;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("mosty serve exited with {status}: {}", server.log());
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no address: {}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        server
    }

    pub fn log(&self) -> String {
        format!(
            "stdout:\n{}\nstderr:\n{}",
            self.stdout.lock().unwrap(),
            self.stderr.lock().unwrap()
        )
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Sends `request` as is; reads until the server closes or 5 s pass.
    pub fn raw(&self, request: &[u8]) -> Vec<u8> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let _ = s.write_all(request);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        out
    }

    pub fn request(&self, method: &str, path: &str, headers: &str) -> Reply {
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\n{headers}Connection: close\r\n\r\n",
            self.host()
        );
        parse(&self.raw(req.as_bytes()))
    }

    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, "")
    }

    /// `GET` under the base path (`ru/` → `/intl/ru/`).
    pub fn page(&self, rel: &str) -> Reply {
        self.get(&format!("{}{rel}", self.base))
    }

    /// The process runs and `GET <base>` answers 200 within 5 s.
    pub fn assert_alive(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("the server died: {status}\n{}", self.log());
        }
        let start = Instant::now();
        let r = self.page("");
        assert!(
            r.status == 200 && start.elapsed() < Duration::from_secs(5),
            "not alive: {} after {:?}\n{}",
            r.status,
            start.elapsed(),
            self.log()
        );
        let err = self.stderr.lock().unwrap().clone();
        assert!(
            !err.contains("panicked") && !err.contains("overflowed"),
            "{err}"
        );
    }

    /// Polls `rel` until `ok` holds; returns the reply.
    pub fn wait_for(&self, rel: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
        self.wait_for_timed(rel, what, ok).0
    }

    /// Polls `rel` until `ok` holds; returns the reply and how long it took.
    pub fn wait_for_timed(
        &self,
        rel: &str,
        what: &str,
        ok: impl Fn(&Reply) -> bool,
    ) -> (Reply, Duration) {
        let start = Instant::now();
        loop {
            let r = self.page(rel);
            if ok(&r) {
                return (r, start.elapsed());
            }
            assert!(
                start.elapsed() < UPDATE,
                "{rel}: {what} did not happen within {UPDATE:?}; last {} {}\n{}",
                r.status,
                r.text().chars().take(2000).collect::<String>(),
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The server answers its base path, with the site (200) or its error page (500).
    pub fn responds(&self) {
        let r = self.page("");
        assert!(r.status == 200 || r.status == 500, "{}", self.log());
    }

    pub fn rebuilds(&self) -> usize {
        self.stderr
            .lock()
            .unwrap()
            .lines()
            .filter(|l| l.contains(": rebuilt ") || l.contains(": rebuild failed "))
            .count()
    }

    /// Waits until no rebuild was logged for 600 ms; returns the count.
    pub fn settled_rebuilds(&self) -> usize {
        let start = Instant::now();
        let mut count = self.rebuilds();
        let mut since = Instant::now();
        while since.elapsed() < Duration::from_millis(600) && start.elapsed() < UPDATE {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.rebuilds();
            if now != count {
                count = now;
                since = Instant::now();
            }
        }
        count
    }
}

pub fn parse(bytes: &[u8]) -> Reply {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(bytes.len());
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let body = bytes.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply { status, head, body }
}
