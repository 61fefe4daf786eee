//! Extraction benchmark (placeholder until the extractor lands).
fn main() {}
