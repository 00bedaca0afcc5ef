#![no_main]
//! cargo fuzz run frontmatter — the invariants are in src/lib.rs (`mosty_fuzz::frontmatter`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mosty_fuzz::frontmatter(data);
});
