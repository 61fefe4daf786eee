//! Write a deterministic archive of many article files for the scale
//! benchmarks: about MEGABYTES in files of about FILE_KB each (default 256),
//! each file from its own seed, spread over 16 subfolders. DENSITY is
//! `dense` (the default: a figure in most sentences) or `news` (a figure in
//! about one sentence in five, as in real news).
//!
//! ```text
//! cargo run --release -p claimcheck-core --example gen_archive -- text 100 target/archive-100mb [FILE_KB] [DENSITY]
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a command-line tool")]

#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code, reason = "not every example uses every item")]
mod corpus;

use std::path::Path;
use std::process::ExitCode;

use claimcheck_core::input::InputFormat;
use corpus::Density;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(format), Some(mb), Some(dir)) =
        (args.first(), args.get(1).and_then(|m| m.parse::<f64>().ok()), args.get(2))
    else {
        eprintln!("usage: gen_archive text|markdown|html MEGABYTES DIR [FILE_KB] [dense|news]");
        return ExitCode::from(2);
    };
    let (format, ext) = match format.as_str() {
        "text" | "txt" => (InputFormat::Text, "txt"),
        "markdown" | "md" => (InputFormat::Markdown, "md"),
        "html" => (InputFormat::Html, "html"),
        other => {
            eprintln!("gen_archive: unknown format `{other}` (text, markdown, html)");
            return ExitCode::from(2);
        }
    };
    let file_bytes = args.get(3).and_then(|k| k.parse::<usize>().ok()).unwrap_or(256) * 1000;
    let density = match args.get(4).map(String::as_str) {
        None => Density::Dense,
        Some(name) => match Density::parse(name) {
            Some(density) => density,
            None => {
                eprintln!("gen_archive: unknown density `{name}` (dense, news)");
                return ExitCode::from(2);
            }
        },
    };
    let total = (mb * 1e6) as usize;
    let (mut written, mut files) = (0usize, 0usize);
    while written < total {
        let sub = Path::new(dir).join(format!("{:02}", files % 16));
        let text =
            corpus::generate_with(1000 + files as u64, file_bytes.min(total - written), format, density);
        let path = sub.join(format!("article-{files:06}.{ext}"));
        if let Err(e) = std::fs::create_dir_all(&sub).and_then(|()| std::fs::write(&path, text.as_bytes())) {
            eprintln!("gen_archive: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        written += text.len();
        files += 1;
    }
    println!("{dir}: {files} files, {written} bytes");
    ExitCode::SUCCESS
}
