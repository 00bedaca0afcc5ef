//! The fuzz targets' checks (fuzz/src/checks.rs) as plain property tests: a few thousand
//! generated inputs each, from a fixed seed, so `cargo test` covers them on the stable
//! toolchain and CI needs no cargo-fuzz. Inputs are the example site's own files, mutated,
//! plus token soups built from the characters that broke other generators.

#[path = "../../../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use std::path::Path;

/// xorshift64*: small, deterministic, good enough to pick tokens.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "+++",
    "+++\n",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\0",
    " ",
    "\t",
    "=",
    "\"",
    "'",
    "{",
    "}",
    "[",
    "]",
    "[[",
    "]]",
    "(",
    ")",
    "<",
    ">",
    "*",
    "**",
    "_",
    "`",
    "```",
    "#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "|",
    "!",
    "\\",
    "/",
    "//",
    ".",
    "..",
    "../",
    "%",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "%00",
    "%c0%ae",
    "%ff",
    "%25",
    "~",
    ":",
    "C:",
    "й",
    "и\u{306}",
    "ё",
    "е\u{308}",
    "ა",
    "ბ",
    "ř",
    "．",
    "\u{2028}",
    "\u{202e}",
    "\u{200b}",
    "title",
    "slug",
    "date",
    "2024-02-30",
    "2024-13-01",
    "= \"x\"",
    "$n",
    "-term",
    "{ $n ->",
    "*[other]",
    "[one]",
    "@/",
    "@/projects/",
    "[^1]",
    "<!--",
    "-->",
    "<![CDATA[",
    "<?",
    "<script>",
    "&amp;",
    "&#0;",
    "index.html",
    "ru",
    "intl",
];

fn soup(rng: &mut Rng, max_tokens: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(max_tokens) + 1 {
        if rng.below(10) == 0 {
            out.push(rng.next() as u8);
        } else {
            out.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
        }
    }
    out
}

/// Mutates a seed: inserts, deletes, duplicates spans, flips bytes.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..rng.below(6) + 1 {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 => {
                let t = soup(rng, 4);
                v.splice(at..at, t);
            }
            1 if !v.is_empty() => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at.min(end)..end);
            }
            2 if !v.is_empty() => {
                let end = (at + rng.below(64)).min(v.len());
                let span = v[at.min(end)..end].to_vec();
                for _ in 0..rng.below(8) {
                    v.splice(at..at, span.iter().copied());
                }
            }
            3 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            _ => v.truncate(at),
        }
    }
    v
}

fn seeds(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<Vec<u8>> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    v.truncate(40);
    v
}

/// Runs `check` over `n` inputs: seeds, mutated seeds and token soups. A failing input is
/// printed (escaped) before the panic propagates.
fn property(name: &str, n: usize, seeds: &[Vec<u8>], check: fn(&[u8])) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
    for i in 0..n {
        let input = match (i % 3, seeds.is_empty()) {
            (0, false) if i / 3 < seeds.len() => seeds[i / 3].clone(),
            (0 | 1, false) => {
                let pick = rng.below(seeds.len());
                mutate(&mut rng, &seeds[pick])
            }
            _ => soup(&mut rng, 60),
        };
        let result = std::panic::catch_unwind(|| check(&input));
        if let Err(e) = result {
            panic!(
                "{name}: input #{i} broke a property: {:?}\n{}",
                String::from_utf8_lossy(&input),
                e.downcast_ref::<String>().map_or("", String::as_str)
            );
        }
    }
    eprintln!("props {name}: {n} inputs passed");
}

#[test]
fn fuzz_frontmatter_as_property() {
    property(
        "frontmatter",
        4000,
        &seeds("content", "md"),
        checks::frontmatter,
    );
}

#[test]
fn fuzz_markdown_as_property() {
    property("markdown", 3000, &seeds("content", "md"), checks::markdown);
}

#[test]
fn fuzz_fluent_as_property() {
    let mut s = seeds("locales", "ftl");
    s.extend(seeds("themes/default/locales", "ftl"));
    property("fluent", 2000, &s, checks::fluent);
    checks::fluent_cleanup();
}

#[test]
fn fuzz_slug_as_property() {
    let names: Vec<Vec<u8>> = [
        "boskovice-2014",
        "Отчёт о визите",
        "თანამშრომლობა",
        "Spolupráce",
        "йод",
        "и\u{306}од",
        "..",
        ".hidden",
        "a/b",
        "C:x",
        "con",
        "report.",
        "—",
        "%2e%2e",
        "a\u{7}b",
        "ẞ",
        "ﬁ",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    property("slug", 5000, &names, checks::slug);
}

#[test]
fn fuzz_resolve_as_property() {
    let paths: Vec<Vec<u8>> = [
        "\0/",
        "\0/ru/",
        "\x01/intl/ru/projects/x/",
        "\0/../etc/passwd",
        "\0/%2e%2e/x",
        "\0/ru\\..\\x",
        "\0//evil.example/",
        "\x01/intl",
        "\0/%c0%ae/",
        "\x02/ru/x",
        "\x03/intl/x",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    property("resolve", 5000, &paths, checks::resolve);
}
