//! `claimcheck extract`.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::extract::{ExtractOptions, Extractor};

use super::Outcome;
use super::input::read_inputs;
use crate::args::ExtractArgs;
use crate::render;

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    let mut inputs = read_inputs(&args.input);
    config.drop_excluded(&args.input, &mut inputs.documents);
    let extractor = Extractor::new();
    let options = ExtractOptions {
        reference_date: args.input.reference_date.or(config.reference_date()),
        default_currency: args
            .input
            .default_currency
            .clone()
            .or(config.default_currency)
            .or(Some("USD".into())),
    };
    let files: Vec<render::ExtractedFile> = inputs
        .documents
        .iter()
        .map(|doc| render::ExtractedFile { document: doc, claims: extractor.extract(doc, &options) })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::claims(args.format, &files, &mut out)?;
    out.flush()?;
    Ok(if inputs.had_errors { Outcome::BadInput } else { Outcome::Clean })
}
