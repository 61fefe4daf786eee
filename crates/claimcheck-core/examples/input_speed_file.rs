//! Time `Document::new` on one file (format from its extension), in MB/s.
#![allow(clippy::print_stdout, reason = "a command-line tool")]
use std::time::{Duration, Instant};

use claimcheck_core::input::{Document, InputFormat};

fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let format = InputFormat::from_path(path.as_ref());
        let mut best = Duration::MAX;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(1) {
            let t = Instant::now();
            std::hint::black_box(Document::new("f", source.as_str(), format));
            best = best.min(t.elapsed());
        }
        println!("{path}: {format:?} {:.0} MB/s", source.len() as f64 / 1e6 / best.as_secs_f64());
    }
}
