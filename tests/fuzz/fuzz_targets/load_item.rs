//! Arbitrary bytes as a national item file, through loading, checking and every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    catalogc::fuzzing::check_item_bytes(data);
});
