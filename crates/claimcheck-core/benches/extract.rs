//! Extraction speed benchmarks.

fn main() {}
