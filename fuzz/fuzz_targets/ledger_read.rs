//! Arbitrary bytes as a ledger file: the in-memory parser, the streaming
//! reader and `Ledger::load` on a temp file must return, never panic.
#![no_main]

use claimcheck_core::ledger::{Ledger, read};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = read::parse_table(Path::new("facts.csv"), text);
    }
    let dir = std::env::temp_dir().join(format!("claimcheck-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("facts.csv");
    if std::fs::write(&file, data).is_ok() {
        if let Ok(table) = read::read_table(&file) {
            for row in 0..table.len() {
                for col in 0..table.header.len() {
                    let _ = table.cell(row, col);
                }
            }
        }
        let _ = Ledger::load(&file);
    }
});
