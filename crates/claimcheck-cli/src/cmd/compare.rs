//! `claimcheck compare`: claims about the same thing that disagree across
//! articles. Articles are few (a draft and its sources), so they are read
//! one after another.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use claimcheck_core::Claim;
use claimcheck_core::audit::matching::EntityResolver;
use claimcheck_core::audit::{AuditOptions, Auditor};
use claimcheck_core::crosscheck::{self, KeyedClaim, Keying, Tie};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::Document;
use claimcheck_core::ledger::Ledger;

use super::Outcome;
use super::input::{Loaded, collect_paths, read_document};
use crate::args::{CompareArgs, InputArgs};
use crate::config::Config;
use crate::render;

/// The extractor and the names that key claims, with or without a ledger.
pub struct Keyer<'l> {
    pub extractor: Extractor,
    ledger: Option<(&'l Ledger, EntityResolver, Auditor<'l>)>,
    pub options: ExtractOptions,
    tolerance: Option<f64>,
}

/// Load `--ledger`, if given.
pub fn load_ledger(path: Option<&Path>) -> Result<Option<Ledger>> {
    path.map(|p| Ledger::load(p).with_context(|| format!("cannot load the ledger {}", p.display())))
        .transpose()
}

impl<'l> Keyer<'l> {
    /// With a ledger, claims the audit ties to a fact take the fact's key,
    /// and the ledger's names and aliases normalize the others' subjects.
    pub fn new(
        ledger: Option<&'l Ledger>,
        input: &InputArgs,
        config: &Config,
        tolerance: Option<f64>,
    ) -> Self {
        let (extractor, ledger) = match ledger {
            Some(ledger) => {
                let auditor = Auditor::new(ledger);
                let extractor = Extractor::with_entities(auditor.entity_index());
                (extractor, Some((ledger, EntityResolver::new(ledger), auditor)))
            }
            None => (Extractor::new(), None),
        };
        let options = config.extract_options(input);
        Keyer { extractor, ledger, options, tolerance }
    }

    /// The claims of `document` that have a key.
    pub fn key(&self, document: &Document, options: &ExtractOptions) -> Vec<KeyedClaim> {
        let claims: Vec<Claim> = self.extractor.extract(document, options);
        match &self.ledger {
            Some((ledger, resolver, auditor)) => {
                let keying = Keying { resolver: Some(resolver), synonyms: &ledger.attribute_synonyms };
                let audit_options = AuditOptions {
                    reference_date: self.extractor.reference_date(document, options),
                    tolerance: self.tolerance,
                };
                let ties: Vec<Option<Tie>> =
                    auditor.audit(&claims, document.text(), &audit_options).iter().map(Tie::of).collect();
                keying.key_tied(&claims, &ties)
            }
            None => Keying::default().key(&claims),
        }
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
    let ledger = load_ledger(args.ledger.as_deref())?;
    let keyer = Keyer::new(ledger.as_ref(), &args.input, &config, tolerance);
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
