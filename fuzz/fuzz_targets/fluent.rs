#![no_main]
//! cargo fuzz run fluent — the invariants are in src/lib.rs (`mosty_fuzz::fluent`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mosty_fuzz::fluent(data);
});
