//! `mosty serve`, the editor's watch mode: build the site into memory, serve it on a loopback
//! address, watch every input, rebuild in full on each change, and tell open pages to reload
//! (or show the errors over the page). Nothing is written to `public/`. Also `mosty new`.
//!
//! The build itself is the library's ([`crate::pipeline::load`] + [`crate::pipeline::render_into`]
//! into a [`crate::output::MemorySink`]), so what `serve` shows is byte for byte what `build`
//! writes; the reload script and the error overlay are added by the server at response time.
//!
//! ```text
//! watch.rs   notify events ─ classify ─► changed inputs ─► rebuild (state.rs) ─► Snapshot
//! state.rs   Snapshot: the last good site (files by path) + the current errors, diffs
//! http.rs    GET ─ Host/Origin check ─ resolve path ─► file | redirect | 404 page
//! reload.rs  the injected script, the error overlay, the Server-Sent Events channel
//! new.rs     `mosty new <section>/<slug>`
//! ```
//!
//! Nothing outside `serve/` depends on this module, apart from the command line.

mod http;
mod new;
mod reload;
mod state;
mod watch;

pub use http::{HostCheck, Resolved, resolve};
pub use new::new_entry;
pub use reload::{inject, overlay_html};
pub use state::{Changes, Outcome, build_once, catch_build};
pub use watch::{ChangeKind, classify};

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::{Arc, RwLock};

use crate::cli::ServeArgs;
use crate::diagnostic::Diagnostic;
use crate::pipeline::BuildOptions;
use state::Snapshot;

/// The path prefix the server keeps for itself (the live-reload channel).
pub const RESERVED: &str = "/__mosty/";

/// What the HTTP side shares with the rebuild loop.
pub(crate) struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub events: tokio::sync::broadcast::Sender<reload::Message>,
    pub hosts: HostCheck,
}

impl Shared {
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Runs `mosty serve` until Ctrl+C.
pub fn run(args: &ServeArgs, color: bool) -> ExitCode {
    match serve(args, color) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            eprintln!("{}", d.render(color));
            ExitCode::from(1)
        }
    }
}

fn serve(args: &ServeArgs, color: bool) -> Result<(), Diagnostic> {
    let ip = parse_bind(&args.bind)?;
    if !args.root.join(crate::config::CONFIG_FILE).is_file() {
        return Err(Diagnostic::error(
            "serve-root",
            format!(
                "`{}` is not a site: it has no `{}`",
                args.root.display(),
                crate::config::CONFIG_FILE
            ),
        )
        .with_hint("run mosty serve in the site's folder, or pass --root DIR"));
    }
    if !ip.is_loopback() {
        eprintln!(
            "warning: --bind {ip}: the server is reachable from other machines on the network, \
             and so are your drafts and the error overlay with file paths; bind to 127.0.0.1 \
             unless you mean it"
        );
    }
    let listener = std::net::TcpListener::bind(SocketAddr::new(ip, args.port)).map_err(|e| {
        let d = Diagnostic::error("serve-bind", format!("cannot listen on {ip}:{}: {e}", args.port));
        if e.kind() == std::io::ErrorKind::AddrInUse {
            d.with_hint("another program (another `mosty serve`?) uses this port; choose one with --port N, or --port 0 for any free port")
        } else {
            d
        }
    })?;
    let port = listener
        .local_addr()
        .map_err(|e| Diagnostic::error("serve-bind", format!("cannot read the bound port: {e}")))?
        .port();
    listener
        .set_nonblocking(true)
        .map_err(|e| Diagnostic::error("serve-bind", e.to_string()))?;

    let root = std::fs::canonicalize(&args.root).unwrap_or_else(|_| args.root.clone());
    let options = BuildOptions {
        drafts: args.drafts,
        ..BuildOptions::new(root.clone())
    };

    // The watcher starts before the first build, so an edit made during it is not lost.
    let (watcher, batches) = watch::start(&root)?;
    let mut builder = state::Builder::new(options);
    let first = builder.build(None);
    let snapshot = Snapshot::first(&first);
    let show_host = if ip.is_unspecified() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        ip
    };
    let origin = match show_host {
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
        IpAddr::V4(v4) => format!("http://{v4}:{port}"),
    };
    print_start(&root, &origin, &snapshot, &first, color);

    let (events, _) = tokio::sync::broadcast::channel(64);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(snapshot)),
        events,
        hosts: HostCheck::new(ip, port),
    });
    let warnings = match &first {
        Outcome::Built(b) => b
            .warnings
            .iter()
            .map(|w| w.render(color) + "\n\n")
            .collect(),
        Outcome::Failed { .. } => String::new(),
    };
    watch::spawn_rebuilds(watcher, batches, builder, shared.clone(), color, warnings);

    if args.open {
        let base = shared.current().base_path().to_string();
        open_browser(&format!("{origin}{base}"));
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error("serve-runtime", e.to_string()))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Diagnostic::error("serve-bind", e.to_string()))?;
        let app = http::router(shared);
        tokio::select! {
            r = axum::serve(listener, app) => {
                r.map_err(|e| Diagnostic::error("serve-http", e.to_string()))
            }
            () = shutdown_signal() => {
                eprintln!("stopped");
                Ok(())
            }
        }
    })?;
    // Open event streams would keep the runtime busy; they end with the process.
    runtime.shutdown_background();
    Ok(())
}

fn parse_bind(bind: &str) -> Result<IpAddr, Diagnostic> {
    let b = bind.trim();
    if b.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    b.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| {
            Diagnostic::error(
                "serve-bind",
                format!("--bind `{bind}` is not an IP address"),
            )
            .with_hint(
                "use 127.0.0.1 (the default), ::1, or 0.0.0.0 to be reachable from the network",
            )
        })
}

fn print_start(
    root: &std::path::Path,
    origin: &str,
    snapshot: &Snapshot,
    first: &Outcome,
    color: bool,
) {
    let base = snapshot.base_path();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "serving {} at {origin}{base}", root.display());
    for lang in snapshot.languages() {
        let _ = writeln!(out, "  {lang:<6}{origin}{base}{lang}/");
    }
    let _ = out.flush();
    drop(out);
    match first {
        Outcome::Built(b) => {
            for w in &b.warnings {
                eprintln!("{}\n", w.render(color));
            }
            eprintln!(
                "built {} pages ({} files) in {} ms{}; watching for changes, Ctrl+C to stop",
                b.pages,
                b.files.len(),
                b.elapsed.as_millis(),
                state::warning_count(b.warnings.len())
            );
        }
        Outcome::Failed { diagnostics, .. } => {
            for d in diagnostics {
                eprintln!("{}\n", d.render(color));
            }
            eprintln!(
                "the first build failed with {}; serving an error page until it is fixed; Ctrl+C to stop",
                state::error_count(diagnostics)
            );
        }
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Err(e) = cmd.spawn() {
        eprintln!("warning: --open: cannot start a browser ({e}); open {url} yourself");
    }
}
