//! Write a deterministic news-like corpus for benchmarks.
//!
//! ```text
//! cargo run --release -p claimcheck-core --example gen_corpus -- text 10 target/corpus.txt [SEED]
//! ```
//! Formats: `text`, `markdown`, `html`. The size is in megabytes (10^6 bytes).
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::process::ExitCode;

use claimcheck_core::input::InputFormat;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(format), Some(mb), Some(path)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: gen_corpus text|markdown|html MEGABYTES OUT [SEED]");
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
    let corpus = corpus::generate(seed, (mb * 1e6) as usize, format);
    if let Err(e) = std::fs::write(path, corpus.as_bytes()) {
        eprintln!("gen_corpus: {path}: {e}");
        return ExitCode::from(2);
    }
    println!("{path}: {} bytes", corpus.len());
    ExitCode::SUCCESS
}
