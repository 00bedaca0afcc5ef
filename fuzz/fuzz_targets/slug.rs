#![no_main]
//! cargo fuzz run slug — the invariants are in src/lib.rs (`mosty_fuzz::slug`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mosty_fuzz::slug(data);
});
