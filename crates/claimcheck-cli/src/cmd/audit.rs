//! `claimcheck audit`.

use std::io::Write;

use anyhow::{Context, Result, bail};
use claimcheck_core::audit::{AuditOptions, Auditor, Verdict};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::ledger::Ledger;

use super::Outcome;
use super::input::read_inputs;
use crate::args::AuditArgs;
use crate::render;

pub fn run(args: &AuditArgs) -> Result<Outcome> {
    let ledger_path = super::ledger_path(args.ledger.as_deref())?;
    let ledger = Ledger::load(&ledger_path)
        .with_context(|| format!("cannot load the ledger {}", ledger_path.display()))?;
    let tolerance = args.tolerance.as_deref().map(parse_tolerance).transpose()?;
    let inputs = read_inputs(&args.input);
    let auditor = Auditor::new(&ledger);
    let extractor = Extractor::with_entities(auditor.entity_index());
    let only: Vec<Verdict> = args.only.iter().copied().map(Verdict::from).collect();
    let fail_on: Vec<Verdict> = args.fail_on.iter().copied().map(Verdict::from).collect();
    let mut failed = false;
    let files: Vec<render::AuditedFile> = inputs
        .documents
        .iter()
        .map(|doc| {
            let options = ExtractOptions {
                reference_date: args.input.reference_date,
                default_currency: Some(args.input.default_currency.clone()),
            };
            let claims = extractor.extract(doc, &options);
            let audit_options =
                AuditOptions { reference_date: extractor.reference_date(doc, &options), tolerance };
            let mut findings = auditor.audit(&claims, &doc.text, &audit_options);
            failed |= findings.iter().any(|f| fail_on.contains(&f.verdict));
            if !only.is_empty() {
                findings.retain(|f| only.contains(&f.verdict));
            }
            render::AuditedFile { document: doc, findings }
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::findings(args.format, &files, &mut out)?;
    out.flush()?;
    Ok(if inputs.had_errors {
        Outcome::BadInput
    } else if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// "5%" or "0.05".
fn parse_tolerance(s: &str) -> Result<f64> {
    let t = s.trim();
    let v = match t.strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().map(|v| v / 100.0),
        None => t.parse::<f64>(),
    };
    match v {
        Ok(v) if (0.0..1.0).contains(&v) => Ok(v),
        _ => bail!("--tolerance: expected a percentage such as 5% (got `{s}`)"),
    }
}
