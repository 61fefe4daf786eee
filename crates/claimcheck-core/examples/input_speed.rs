//! Speed of the input front ends alone (`Document::new`), in MB/s, over a
//! generated corpus in each format.
//!
//! ```text
//! cargo run --release -p claimcheck-core --example input_speed -- [MEGABYTES]
//! ```
#![allow(clippy::print_stdout, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::time::{Duration, Instant};

use claimcheck_core::input::{Document, InputFormat};

fn main() {
    let mb: f64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10.0);
    for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
        let source = corpus::generate(42, (mb * 1e6) as usize, format);
        let mut best = Duration::MAX;
        let mut text_len = 0;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(2) {
            let t = Instant::now();
            let doc = Document::new("corpus", source.as_str(), format);
            best = best.min(t.elapsed());
            text_len = std::hint::black_box(doc).text().len();
        }
        let mbps = source.len() as f64 / 1e6 / best.as_secs_f64();
        println!("{format:?}: {mbps:.0} MB/s ({} source bytes, {text_len} text bytes)", source.len());
    }
}
