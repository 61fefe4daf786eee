//! Three arbitrary versions of a ledger file through the merge driver.
#![no_main]

use claimcheck_core::ledger::merge::merge;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|input: (&str, &str, &str)| {
    let (base, ours, theirs) = input;
    let _ = merge(Path::new("facts.csv"), base, ours, theirs);
});
