//! SVG text output: XML escaping, fixed number formatting and compact path data.
//!
//! Everything the renderer writes goes through these helpers, so output is byte-for-byte
//! deterministic: numbers are rounded to tenths (or hundredths) of a user unit and printed
//! without exponent or `-0`, and path data uses integer tenths internally so relative
//! moves add up exactly.

use std::fmt::Write as _;

/// Escapes text for XML character data and attribute values (`& < > " '`), and drops the
/// control characters XML 1.0 does not allow (all C0 controls except tab, LF, CR; U+FFFE/F).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A caller's URL made safe for `href`: escaped, and script-capable schemes
/// (`javascript:`, `vbscript:`, `data:`) replaced by `#`.
pub fn safe_href(url: &str) -> String {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
    {
        return "#".to_string();
    }
    esc(url)
}

/// Rounds to tenths as an integer (ties away from zero), the unit of all path data.
pub fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Writes an integer number of tenths, e.g. `12 -> "1.2"`, `-3 -> "-0.3"`, `20 -> "2"`.
pub fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    let (i, f) = (a / 10, a % 10);
    let _ = write!(out, "{i}");
    if f != 0 {
        let _ = write!(out, ".{f}");
    }
}

/// A number rounded to one decimal, as text (`f1(3.14159) == "3.1"`, never `-0`).
pub fn f1(v: f64) -> String {
    let mut s = String::new();
    push_tenths(&mut s, tenths(v));
    s
}

/// A number rounded to two decimals, as text, trailing zeros trimmed.
pub fn f2(v: f64) -> String {
    let h = (v * 100.0).round() as i64;
    let mut s = String::new();
    if h < 0 {
        s.push('-');
    }
    let a = h.unsigned_abs();
    let _ = write!(s, "{}", a / 100);
    let f = a % 100;
    if f != 0 {
        if f.is_multiple_of(10) {
            let _ = write!(s, ".{}", f / 10);
        } else {
            let _ = write!(s, ".{f:02}");
        }
    }
    s
}

/// Accumulates SVG path data from screen points (absolute coordinates in, relative `l`
/// moves out, computed on rounded tenths so no error accumulates).
#[derive(Default)]
pub struct PathData {
    pub d: String,
}

impl PathData {
    fn pair(&mut self, x: i64, y: i64) {
        // separator only where the next number doesn't start with '-'
        if x >= 0 && !self.d.ends_with(['M', 'l', 'z']) {
            self.d.push(' ');
        }
        push_tenths(&mut self.d, x);
        if y >= 0 {
            self.d.push(' ');
        }
        push_tenths(&mut self.d, y);
    }

    /// Appends one subpath; `closed` adds `z`. Points that round to the previous one are
    /// skipped; a subpath that collapses to a single point is dropped entirely.
    pub fn push(&mut self, pts: &[[f64; 2]], closed: bool) {
        let mut ts: Vec<(i64, i64)> = Vec::with_capacity(pts.len());
        for p in pts {
            let t = (tenths(p[0]), tenths(p[1]));
            if ts.last() != Some(&t) {
                ts.push(t);
            }
        }
        if closed && ts.len() > 1 && ts.first() == ts.last() {
            ts.pop();
        }
        if ts.len() < 2 || (closed && ts.len() < 3) {
            return;
        }
        self.d.push('M');
        self.pair(ts[0].0, ts[0].1);
        self.d.push('l');
        for w in ts.windows(2) {
            self.pair(w[1].0 - w[0].0, w[1].1 - w[0].1);
        }
        if closed {
            self.d.push('z');
        }
    }

    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }
}
