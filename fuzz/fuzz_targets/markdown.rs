#![no_main]
//! cargo fuzz run markdown — the invariants are in src/lib.rs (`mosty_fuzz::markdown`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mosty_fuzz::markdown(data);
});
