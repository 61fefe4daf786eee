//! Extraction speed over a generated news-like corpus, in bytes per second.
//!
//! ```text
//! cargo bench -p claimcheck-core --bench extract
//! CLAIMCHECK_BENCH_MB=10 cargo bench -p claimcheck-core --bench extract -- --warm-up-time 1 --measurement-time 5
//! ```
//! Groups: `input` (the front ends alone), `extract` (front end done, the
//! extractor alone), `pipeline` (both, as the CLI runs them) and `baseline`
//! (one pass of a single combined regex over the plain text, the floor any
//! extractor pays). Each runs on `text`, `markdown` and `html` at both
//! densities: `dense` (a figure in most sentences) and `news` (a figure in
//! about one sentence in five); `CLAIMCHECK_BENCH_DENSITY=news` (or `dense`)
//! keeps one.

#[allow(dead_code, reason = "the examples use the rest of the generator")]
mod corpus;

use std::hint::black_box;

use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FORMATS: [(InputFormat, &str); 3] =
    [(InputFormat::Text, "text"), (InputFormat::Markdown, "markdown"), (InputFormat::Html, "html")];

/// Corpus size: `CLAIMCHECK_BENCH_MB` megabytes, 2 by default.
fn corpus_bytes() -> usize {
    let mb: f64 = std::env::var("CLAIMCHECK_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(2.0);
    (mb.clamp(0.01, 1000.0) * 1e6) as usize
}

/// The densities to run: `CLAIMCHECK_BENCH_DENSITY`, both by default.
fn densities() -> Vec<(corpus::Density, &'static str)> {
    let all = [(corpus::Density::Dense, "dense"), (corpus::Density::News, "news")];
    let only = std::env::var("CLAIMCHECK_BENCH_DENSITY").ok().and_then(|d| corpus::Density::parse(&d));
    all.into_iter().filter(|&(d, _)| only.is_none_or(|o| o == d)).collect()
}

fn benches(c: &mut Criterion) {
    let bytes = corpus_bytes();
    let mut sources = Vec::new();
    for (density, density_name) in densities() {
        for &(format, format_name) in &FORMATS {
            let name = format!("{density_name}/{format_name}");
            sources.push((format, name, corpus::generate_with(42, bytes, format, density)));
        }
    }

    let mut group = c.benchmark_group("input");
    group.sample_size(10);
    for (format, name, source) in &sources {
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| Document::new("corpus", black_box(source.as_str()), *format))
        });
    }
    group.finish();

    let extractor = Extractor::new();
    let options = ExtractOptions::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (format, name, source) in &sources {
        let doc = Document::new("corpus", source.as_str(), *format);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(name.as_str(), |b| b.iter(|| extractor.extract(black_box(&doc), &options)));
    }
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for (format, name, source) in &sources {
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                let doc = Document::new("corpus", black_box(source.as_str()), *format);
                extractor.extract(&doc, &options)
            })
        });
    }
    group.finish();

    let re = regex::Regex::new(corpus::BASELINE_REGEX).expect("baseline regex compiles");
    let mut group = c.benchmark_group("baseline");
    group.sample_size(10);
    for (format, name, source) in &sources {
        let doc = Document::new("corpus", source.as_str(), *format);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function(name.as_str(), |b| b.iter(|| re.find_iter(black_box(doc.text())).count()));
    }
    group.finish();
}

criterion_group!(extract, benches);
criterion_main!(extract);
