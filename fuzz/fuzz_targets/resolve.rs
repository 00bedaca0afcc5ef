#![no_main]
//! cargo fuzz run resolve — the invariants are in src/lib.rs (`mosty_fuzz::resolve`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mosty_fuzz::resolve(data);
});
