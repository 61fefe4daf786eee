//! The speed floor for extraction: one pass of a single combined "anything
//! that could start a claim" regex over a file, counting matches; then the
//! same for the fuller claim regex (`corpus::claim_regex`).
//!
//! ```text
//! cargo run --release -p claimcheck-core --example regex_baseline -- target/corpus.txt
//! ```
//! Prints `regex_baseline: <MB/s> MB/s (<matches> matches, <bytes> bytes)`,
//! then `claim_regex: <MB/s> MB/s (...)`.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: regex_baseline FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("regex_baseline: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    for (name, pattern) in
        [("regex_baseline", corpus::BASELINE_REGEX.to_owned()), ("claim_regex", corpus::claim_regex())]
    {
        let re = match regex::Regex::new(&pattern) {
            Ok(re) => re,
            Err(e) => {
                eprintln!("regex_baseline: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        // Warm up once, then repeat for at least a second and keep the best pass.
        let mut matches = re.find_iter(&text).count();
        let mut best = Duration::MAX;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(1) {
            let t = Instant::now();
            matches = std::hint::black_box(re.find_iter(&text).count());
            best = best.min(t.elapsed());
        }
        let mbps = text.len() as f64 / 1e6 / best.as_secs_f64();
        println!("{name}: {mbps:.1} MB/s ({matches} matches, {} bytes)", text.len());
    }
    ExitCode::SUCCESS
}
