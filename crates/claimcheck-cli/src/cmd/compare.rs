//! `claimcheck compare`: claims about the same thing that disagree across
//! articles. Articles are few (a draft and its sources), so they are read
//! one after another.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use claimcheck_core::Claim;
use claimcheck_core::audit::matching::EntityResolver;
use claimcheck_core::crosscheck::{self, KeyedClaim, Keying};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::Document;
use claimcheck_core::ledger::Ledger;

use super::Outcome;
use super::input::{Loaded, collect_paths, read_document};
use crate::args::{CompareArgs, InputArgs};
use crate::config::Config;
use crate::render;

/// The extractor and the names that key claims, with or without a ledger.
pub struct Keyer {
    pub extractor: Extractor,
    ledger: Option<(Ledger, EntityResolver)>,
    pub options: ExtractOptions,
}

impl Keyer {
    /// Load the optional `--ledger` (only its names, aliases and attribute
    /// synonyms are used) and the extraction options.
    pub fn new(ledger: Option<&Path>, input: &InputArgs, config: &Config) -> Result<Self> {
        let (extractor, ledger) = match ledger {
            Some(path) => {
                let ledger = Ledger::load(path)
                    .with_context(|| format!("cannot load the ledger {}", path.display()))?;
                let extractor =
                    Extractor::with_entities(claimcheck_core::audit::Auditor::new(&ledger).entity_index());
                let resolver = EntityResolver::new(&ledger);
                (extractor, Some((ledger, resolver)))
            }
            None => (Extractor::new(), None),
        };
        let options = ExtractOptions {
            reference_date: input.reference_date.or(config.reference_date()),
            default_currency: input
                .default_currency
                .clone()
                .or(config.default_currency.clone())
                .or(Some("USD".into())),
            ignore_dateline: config.ignore_dateline(),
        };
        Ok(Keyer { extractor, ledger, options })
    }

    /// The claims of `document` that have a strong key.
    pub fn key(&self, document: &Document, options: &ExtractOptions) -> Vec<KeyedClaim> {
        let claims: Vec<Claim> = self.extractor.extract(document, options);
        let keying = match &self.ledger {
            Some((ledger, resolver)) => {
                Keying { resolver: Some(resolver), synonyms: &ledger.attribute_synonyms }
            }
            None => Keying::default(),
        };
        keying.key(&claims)
    }
}

/// `--tolerance`, else `tolerance` in `.claimcheck.toml`.
pub fn tolerance(given: Option<&str>, config: &Config) -> Result<Option<f64>> {
    match given {
        Some(s) => Ok(Some(super::audit::parse_tolerance(s)?)),
        None => Ok(config.tolerance),
    }
}

pub fn run(args: &CompareArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    let tolerance = tolerance(args.tolerance.as_deref(), &config)?;
    let keyer = Keyer::new(args.ledger.as_deref(), &args.input, &config)?;
    let mut inputs = collect_paths(&args.input);
    config.drop_excluded(&args.input, &mut inputs.paths);
    let mut had_errors = inputs.had_errors;
    let mut articles: Vec<Vec<KeyedClaim>> = Vec::new();
    for path in &inputs.paths {
        match read_document(path, &args.input) {
            Ok(Loaded { document, warning }) => {
                if let Some(w) = warning {
                    eprintln!("{w}");
                }
                articles.push(keyer.key(&document, &keyer.options));
            }
            Err(line) => {
                eprintln!("{line}");
                had_errors = true;
            }
        }
    }
    if articles.len() < 2 && !had_errors {
        bail!(
            "compare needs at least two articles (got {})\nhelp: give the source first, then the drafts: claimcheck compare wire.md draft.md",
            articles.len()
        );
    }
    let found = crosscheck::compare(&articles, tolerance);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::crosscheck::disagreements(args.format, &found, &render::RenderOptions::for_stdout(), &mut out)?;
    out.flush()?;
    Ok(if had_errors {
        Outcome::BadInput
    } else if found.disagreements.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}
