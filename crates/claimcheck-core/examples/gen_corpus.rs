//! Write a deterministic news-like corpus for benchmarks.
//!
//! ```text
//! cargo run --release -p claimcheck-core --example gen_corpus -- text 10 target/corpus.txt [SEED] [dense|news]
//! ```
//! Formats: `text`, `markdown`, `html`. The size is in megabytes (10^6 bytes).
//! Density: `dense` (default, a figure in most sentences) or `news` (a figure
//! in about one sentence in five).
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::process::ExitCode;

use claimcheck_core::input::InputFormat;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(format), Some(mb), Some(path)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: gen_corpus text|markdown|html MEGABYTES OUT [SEED] [dense|news]");
        return ExitCode::from(2);
    };
    let format = match format.as_str() {
        "text" | "txt" => InputFormat::Text,
        "markdown" | "md" => InputFormat::Markdown,
        "html" => InputFormat::Html,
        other => {
            eprintln!("gen_corpus: unknown format `{other}` (text, markdown, html)");
            return ExitCode::from(2);
        }
    };
    let Ok(mb) = mb.parse::<f64>() else {
        eprintln!("gen_corpus: `{mb}` is not a size in megabytes");
        return ExitCode::from(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    let density = match args.get(4).map(String::as_str) {
        None => corpus::Density::Dense,
        Some(d) => {
            let Some(density) = corpus::Density::parse(d) else {
                eprintln!("gen_corpus: unknown density `{d}` (dense, news)");
                return ExitCode::from(2);
            };
            density
        }
    };
    let corpus = corpus::generate_with(seed, (mb * 1e6) as usize, format, density);
    if let Err(e) = std::fs::write(path, corpus.as_bytes()) {
        eprintln!("gen_corpus: {path}: {e}");
        return ExitCode::from(2);
    }
    println!("{path}: {} bytes", corpus.len());
    ExitCode::SUCCESS
}
