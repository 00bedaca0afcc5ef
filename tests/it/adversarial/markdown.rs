//! Markdown (reliability.md R98–R100): cmark's pathological inputs, the pulldown-cmark DoS
//! issue patterns, output amplification, and patterns aimed at mosty's own passes (heading
//! ids, `@/` links). Each renders through `mosty::content::markdown::render` on a 2 MiB
//! thread at 1× and 4× size; the CPU time of the larger may grow at most three times as fast as
//! the input (linear: 4×; quadratic would be 16×), and stays under a generous absolute bound.
//! CPU time, not wall time, so a loaded machine does not fail the suite.

use std::sync::mpsc;
use std::time::Duration;

use mosty::content::markdown;

use super::{Fx, thread_cpu};

/// Even a debug build renders any of these in well under this much CPU time at 4×.
const CPU_BOUND: Duration = Duration::from_secs(10);

/// CPU time of one render, averaged over enough renders to fill 80 ms: the kernel accounts
/// CPU time in ticks of a few milliseconds.
fn cpu_of(text: &str) -> (Duration, usize) {
    let start = thread_cpu();
    let mut runs = 0u32;
    let mut out = 0;
    while runs == 0 || (thread_cpu() - start < Duration::from_millis(80) && runs < 200) {
        let r = markdown::render(text, &|t: &str| Ok(format!("/ru/{t}/")));
        out = r.html.len();
        runs += 1;
    }
    ((thread_cpu() - start) / runs, out)
}

/// Renders `gen(n)` and `gen(4n)`; asserts near-linear growth. Returns the figures.
fn assert_linear(name: &'static str, n: usize, generate: fn(usize) -> String) {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(2 << 20)
        .spawn(move || {
            let small = generate(n);
            let big = generate(4 * n);
            let (t1, _) = cpu_of(&small);
            let (t4, out) = cpu_of(&big);
            let _ = tx.send((small.len(), big.len(), t1, t4, out));
        })
        .unwrap();
    let Ok((len1, len4, t1, t4, out)) = rx.recv_timeout(Duration::from_secs(120)) else {
        panic!("{name}: no result within 120 s (a hang or a crash of the render thread)");
    };
    let size_ratio = len4 as f64 / len1.max(1) as f64;
    let time_ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-4);
    eprintln!(
        "markdown {name}: {len1} B → {:?}, {len4} B → {:?} (×{time_ratio:.1} for ×{size_ratio:.1}), {out} B out",
        t1, t4
    );
    assert!(t4 < CPU_BOUND, "{name}: {t4:?} CPU for {len4} bytes");
    // Below 5 ms the ratio is noise (allocation, caches), and harmless anyway.
    if t4 > Duration::from_millis(5) {
        // ×3 the input ratio: a small input fits in the CPU caches and a 4× larger one may
        // not, which alone makes it up to ~2.3× slower per byte in a release build (measured
        // on r98_unclosed_html_comment); quadratic work still fails (16× for 4×).
        assert!(
            time_ratio < 3.0 * size_ratio,
            "{name}: superlinear: ×{time_ratio:.1} time for ×{size_ratio:.1} input ({t1:?} → {t4:?})"
        );
    }
}

macro_rules! linear {
    ($($name:ident, $n:expr, $gen:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_linear(stringify!($name), $n, $gen);
        }
    )*};
}

// cmark's test/pathological_tests.py, at 1/16 of its size (×4 for the second run).
linear! {
    r98_nested_strong_emph, 2000, |n| format!("{}b{}", "*a **a ".repeat(n), " a** a*".repeat(n));
    r98_many_emph_closers_no_openers, 2000, |n| "a_ ".repeat(n);
    r98_many_emph_openers_no_closers, 2000, |n| "_a ".repeat(n);
    r98_many_link_closers_no_openers, 2000, |n| "a]".repeat(n);
    r98_many_link_openers_no_closers, 2000, |n| "[a".repeat(n);
    r98_mismatched_openers_and_closers, 1600, |n| "*a_ ".repeat(n);
    r98_cmark_issue_389, 1250, |n| format!("{}{}", "*a ".repeat(n), "_a*_ ".repeat(n));
    r98_openers_and_closers_multiple_of_3, 1600, |n| format!("a**b{}", "c* ".repeat(n));
    r98_link_openers_and_emph_closers, 1600, |n| "[ a_".repeat(n);
    r98_pattern_unclosed_link_paren, 2500, |n| "[ (](".repeat(n);
    r98_pattern_img_brackets, 10_000, |n| "![[]()".repeat(n);
    r98_nested_brackets, 1600, |n| format!("{}a{}", "[".repeat(n), "]".repeat(n));
    r98_nested_block_quotes, 1600, |n| format!("{}a", "> ".repeat(n));
    r98_deeply_nested_lists, 60, |n| (0..n).map(|i| format!("{}* a\n", "  ".repeat(i))).collect();
    r98_nul_characters, 5000, |n| "abc\0de\0".repeat(n);
    r98_backticks, 150, |n| (1..n).map(|x| format!("e{}", "`".repeat(x))).collect();
    r98_unclosed_links_a, 2000, |n| "[a](<b".repeat(n);
    r98_unclosed_links_b, 2000, |n| "[a](b".repeat(n);
    r98_unclosed_html_comment, 20_000, |n| format!("</{}", "<!--".repeat(n));
    r98_empty_lines_in_deeply_nested_lists, 2000, |n| format!("{}x{}", "- ".repeat(n), "\n".repeat(n));
    r98_empty_lines_in_nested_lists_in_blockquote, 2000, |n| format!("> {}x\n{}", "- ".repeat(n), ">\n".repeat(n));
    r98_emph_in_deep_blockquote, 6000, |n| format!("{}{}", ">".repeat(n), "a*".repeat(n));
    r98_many_emph_delimiters, 1250, |n| format!("{}a{}", "*".repeat(n), "*".repeat(n));
    r98_nested_inlines, 1250, |n| format!("{}a{}", "*".repeat(n), "*".repeat(n).replace('*', "_*"));
}

// pulldown-cmark issues (#82, #248, #249, #251, #255, #280, #844, #1076), 1/16 size.
linear! {
    r99_issue82_unclosed_angle_links, 3000, |n| "[a](<b".repeat(n);
    r99_issue248_a_triple_star, 5000, |n| "a***".repeat(n);
    r99_issue249_list_markers, 5000, |n| format!("{}a", "* ".repeat(n));
    r99_issue255_bracket_emph, 12_500, |n| "[*_a".repeat(n);
    r99_issue280_cdata, 2500, |n| "a <![CDATA[".repeat(n);
    r99_issue280_processing_instruction, 2500, |n| "a <? ".repeat(n);
    r99_issue280_declaration, 2500, |n| "a <!A".repeat(n);
    r99_issue844_link_reference_expansion, 200, |n| format!("[x]: {}\n{}", "x".repeat(n), "\n[x]".repeat(n));
    r99_issue1076_footnote_openers, 2500, |n| "[^a\n".repeat(n);
    r99_table_with_missing_cells, 200, |n| format!("|{}\n|{}\n{}", "a|".repeat(n), "-|".repeat(n), "|\n".repeat(n));
    r99_footnote_definitions_and_references, 2000, |n| (0..n).map(|i| format!("[^{i}] [^{i}]: x\n")).collect();
}

// Output amplification (R100) and mosty's own passes over the events.
linear! {
    r100_deep_blockquote_amplification, 6000, |n| format!("{}a", "> ".repeat(n));
    r100_nested_divs, 6000, |n| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
    m02_many_identical_explicit_ids, 1500, |n| "# a {#x}\n".repeat(n);
    m03_many_internal_links, 2500, |n| "[x](@/projects/a#b) ".repeat(n);
    m04_long_heading, 20_000, |n| format!("# {}\n", "слово ".repeat(n));
    m05_many_tables, 500, |n| "| a | b |\n|---|---|\n| 1 | 2 |\n\n".repeat(n);
}

// Heading ids: `unique_id` tries `a`, `a-1`, `a-2`, … from 1 for every repeated title.
#[test]
fn m01_many_identical_headings() {
    assert_linear("m01_many_identical_headings", 1500, |n| "# a\n".repeat(n));
}

#[test]
fn m01_many_headings_with_numbered_ids() {
    assert_linear("m01_many_headings_with_numbered_ids", 1500, |n| {
        (0..n).map(|i| format!("# a\n# a-{i}\n")).collect()
    });
}

/// The whole pipeline on a pathological page: a build finishes, and its output is written.
#[test]
fn r100_pathological_pages_build_end_to_end() {
    let fx = Fx::new("");
    fx.write(
        "content/projects/a.md",
        &format!("+++\ntitle = \"x\"\n+++\n{}a\n", "> ".repeat(50_000)),
    );
    fx.write(
        "content/projects/c.md",
        &format!(
            "+++\ntitle = \"y\"\n+++\n{}x{}\n",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        ),
    );
    fx.write(
        "content/projects/d.md",
        &format!("+++\ntitle = \"z\"\n+++\n{}", "# a\n".repeat(500)),
    );
    let r = fx.build_ok();
    assert!(fx.out("ru/projects/a/index.html").len() > 50_000);
    assert!(r.cpu < Duration::from_secs(30), "{}", r.show());
}
