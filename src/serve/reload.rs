//! Live reload: the small script added to HTML responses (never to the built files), the
//! error overlay, and the Server-Sent Events channel at `/__mosty/events` that tells open
//! pages what a rebuild changed. Knows nothing of how the site is built or watched.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast;

use super::Shared;
use super::state::Changes;
use crate::diagnostic::Diagnostic;

/// The event channel's path.
pub const EVENTS: &str = "/__mosty/events";

/// What a rebuild tells the open pages.
#[derive(Debug, Clone)]
pub enum Message {
    /// A good build: pages listed reload, stylesheets listed are swapped in place, every
    /// page drops the error overlay; `all` reloads every page.
    Update {
        id: String,
        changes: Changes,
        all: bool,
    },
    /// A failed build: every page shows this overlay over its last good text.
    Errors { id: String, overlay: Arc<str> },
}

impl Message {
    fn event(&self) -> Event {
        match self {
            Message::Update { id, changes, all } => Event::default().event("update").data(format!(
                "{{\"id\":{},\"all\":{all},\"pages\":{},\"css\":{}}}",
                json_string(id),
                json_list(&changes.pages),
                json_list(&changes.css)
            )),
            Message::Errors { id, overlay } => Event::default().event("errors").data(format!(
                "{{\"id\":{},\"html\":{}}}",
                json_string(id),
                json_string(overlay)
            )),
        }
    }
}

/// The script every served HTML page gets. Only visible tabs keep a connection (a browser
/// allows six per host over HTTP/1.1); a tab shown again reloads if the site moved on.
/// `__MOSTY_ID__` is the snapshot the page was served from.
const SCRIPT: &str = r#"<script data-mosty-reload>(()=>{let id="__MOSTY_ID__";
const norm=p=>{try{p=decodeURI(p)}catch(e){}return p.replace(/index\.html$/,"")};
const here=norm(location.pathname);
const drop=()=>{const o=document.getElementById("mosty-errors");if(o)o.remove()};
let es=null;
const on=()=>{if(es)return;es=new EventSource("/__mosty/events");
es.addEventListener("hello",e=>{if(e.data!==id)location.reload()});
es.addEventListener("update",e=>{const m=JSON.parse(e.data);id=m.id;drop();
if(m.all||m.pages.includes(here)){location.reload();return}
for(const l of document.querySelectorAll('link[rel~="stylesheet"]')){const u=new URL(l.href,location.href);
if(m.css.includes(norm(u.pathname))){u.searchParams.set("mosty",id);l.href=u.href}}});
es.addEventListener("errors",e=>{const m=JSON.parse(e.data);id=m.id;drop();
(document.body||document.documentElement).insertAdjacentHTML("beforeend",m.html)})};
const off=()=>{if(es){es.close();es=null}};
document.addEventListener("visibilitychange",()=>document.hidden?off():on());
if(!document.hidden)on();
})();</script>"#;

/// The script for a page served from snapshot `id`.
pub fn script(id: &str) -> String {
    // The id is ours (hex digits and a dash), but keep it inert anyway.
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    SCRIPT.replace("__MOSTY_ID__", &safe)
}

/// Adds `snippet` to an HTML page just before its last `</body>`, or at the end.
pub fn inject(html: &[u8], snippet: &str) -> Vec<u8> {
    let at = rfind_ascii_ci(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The error overlay: every error with its place, message and code frame, HTML-escaped.
pub fn overlay_html(errors: &[Diagnostic], has_good_site: bool) -> String {
    let count = match errors.len() {
        1 => "1 error".to_string(),
        n => format!("{n} errors"),
    };
    let under = if has_good_site {
        "The page under this box is the last version that built; it updates as soon as the errors are fixed."
    } else {
        "The site has not built yet; this page updates as soon as the errors are fixed."
    };
    let mut html = String::from(
        "<div id=\"mosty-errors\" role=\"alert\" lang=\"en\" dir=\"ltr\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:24px 32px;box-sizing:border-box;background:rgba(24,24,27,.96);color:#f4f4f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left\">\
<button type=\"button\" onclick=\"this.parentNode.remove()\" title=\"Hide until the next build\" style=\"float:right;font:inherit;font-size:20px;background:none;color:inherit;border:0;cursor:pointer\">×</button>",
    );
    html.push_str(&format!(
        "<h2 style=\"margin:0 0 4px;font:inherit;font-size:18px;color:#f87171\">mosty: the site has {count}</h2><p style=\"margin:0 0 20px;color:#a1a1aa\">{under}</p>"
    ));
    for d in errors {
        let place = d.position().unwrap_or_else(|| "the site".into());
        html.push_str("<section style=\"margin:0 0 20px\"><div><b style=\"color:#fbbf24\">");
        html.push_str(&escape(&place));
        html.push_str("</b> ");
        html.push_str(&escape(&d.message));
        html.push_str("</div><pre style=\"margin:8px 0 0;padding:12px;overflow:auto;white-space:pre;background:#09090b;border-radius:4px;color:#e4e4e7\">");
        html.push_str(&escape(&d.render(false)));
        html.push_str("</pre></section>");
    }
    html.push_str("</div>");
    html
}

/// The page served for every path while the site has never built.
pub fn error_page(overlay: &str, id: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>mosty: the site has errors</title></head><body>{overlay}{}</body></html>\n",
        script(id)
    )
}

/// `/__mosty/events`: says hello with the current snapshot id, then relays every message.
pub fn events(shared: Arc<Shared>) -> Response {
    let rx = shared.events.subscribe();
    let hello = shared.current().id.clone();
    let stream = futures_util::stream::unfold(
        (Some(hello), rx, shared),
        |(hello, mut rx, shared)| async move {
            if let Some(id) = hello {
                let e = Event::default().event("hello").data(id);
                return Some((Ok::<_, Infallible>(e), (None, rx, shared)));
            }
            match rx.recv().await {
                Ok(msg) => Some((Ok(msg.event()), (None, rx, shared))),
                // Too slow to keep up: say where things stand; a stale page reloads.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let id = shared.current().id.clone();
                    let e = Event::default().event("hello").data(id);
                    Some((Ok(e), (None, rx, shared)))
                }
                Err(broadcast::error::RecvError::Closed) => None,
            }
        },
    );
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", parts.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_end_or_at_the_end() {
        assert_eq!(
            inject(b"<p>x</p></BODY></html>", "<s>"),
            b"<p>x</p><s></BODY></html>"
        );
        assert_eq!(inject(b"<p>no body", "<s>"), b"<p>no body<s>");
        let page = inject(b"<body></body>", &script("abc-1"));
        let text = String::from_utf8(page).unwrap();
        assert_eq!(text.matches("<script").count(), 1);
        assert!(text.contains("let id=\"abc-1\""));
        assert!(script("a\"</script>").contains("let id=\"ascript\""));
    }

    #[test]
    fn overlay_escapes_messages_and_frames() {
        let d = Diagnostic::error("x", "bad <script>alert(1)</script> & more").in_file("a/b.md");
        let html = overlay_html(&[d], true);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert!(html.contains("a/b.md:1:1"));
    }

    #[test]
    fn json_is_escaped() {
        assert_eq!(json_string("a\"b\\</x>\n"), "\"a\\\"b\\\\\\u003c/x>\\n\"");
        assert_eq!(
            json_list(&["/a/".into(), "/b/".into()]),
            "[\"/a/\",\"/b/\"]"
        );
    }
}
