//! `claimcheck audit`.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use claimcheck_core::audit::{AuditOptions, Auditor, Finding, Verdict};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::ledger::Ledger;
use claimcheck_core::review;
use claimcheck_core::span::LineIndex;

use super::Outcome;
use super::input::read_inputs;
use crate::args::AuditArgs;
use crate::render;

pub fn run(args: &AuditArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    let ledger_path = super::ledger_path(args.ledger.as_deref().or(config.ledger.as_deref()))?;
    let ledger = Ledger::load(&ledger_path)
        .with_context(|| format!("cannot load the ledger {}", ledger_path.display()))?;
    let tolerance = match args.tolerance.as_deref() {
        Some(s) => Some(parse_tolerance(s)?),
        None => config.tolerance,
    };
    let reviewed = load_reviewed(&ledger_path)?;
    let mut inputs = read_inputs(&args.input);
    config.drop_excluded(&args.input, &mut inputs.documents);
    let auditor = Auditor::new(&ledger);
    let extractor = Extractor::with_entities(auditor.entity_index());
    let only: Vec<Verdict> = args.only.iter().copied().map(Verdict::from).collect();
    let fail_on: Vec<Verdict> = if args.fail_on.is_empty() {
        config.fail_on.clone().unwrap_or_else(|| vec![Verdict::Contradicted])
    } else {
        args.fail_on.iter().copied().map(Verdict::from).collect()
    };
    let mut failed = false;
    let files: Vec<render::AuditedFile> = inputs
        .documents
        .iter()
        .map(|doc| {
            let options = ExtractOptions {
                reference_date: args.input.reference_date.or(config.reference_date()),
                default_currency: Some(
                    args.input
                        .default_currency
                        .clone()
                        .or_else(|| config.default_currency.clone())
                        .unwrap_or_else(|| "USD".to_string()),
                ),
            };
            let claims = extractor.extract(doc, &options);
            let audit_options =
                AuditOptions { reference_date: extractor.reference_date(doc, &options), tolerance };
            let mut findings = auditor.audit(&claims, &doc.text, &audit_options);
            let suppressed = suppressed_by_review(doc, &findings, &reviewed);
            failed |= findings.iter().zip(&suppressed).any(|(f, &s)| !s && fail_on.contains(&f.verdict));
            if !args.show_reviewed {
                let mut keep = suppressed.iter().map(|&s| !s);
                findings.retain(|_| keep.next().unwrap_or(true));
            }
            if !only.is_empty() {
                findings.retain(|f| only.contains(&f.verdict));
            }
            render::AuditedFile { document: doc, findings }
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.print_fingerprints {
        print_fingerprints(&files, &mut out)?;
    } else {
        let options = render::RenderOptions {
            sarif_include_unverified: args.sarif_include_unverified,
            ..render::RenderOptions::for_stdout()
        };
        render::findings_with(args.format, &files, &options, &mut out)?;
    }
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

/// The fingerprints in the ledger directory's `reviewed.csv`, if there is one.
fn load_reviewed(ledger: &Path) -> Result<HashSet<String>> {
    if !ledger.is_dir() {
        return Ok(HashSet::new());
    }
    let path = ledger.join("reviewed.csv");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => bail!("{}: {e}", path.display()),
    };
    let rows = review::parse_reviewed(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
    Ok(rows.into_iter().map(|r| r.fingerprint).collect())
}

/// For each finding, whether an ignore marker in the article or a row of
/// `reviewed.csv` suppresses it. Unpaired markers are reported on stderr.
fn suppressed_by_review(
    doc: &claimcheck_core::input::Document,
    findings: &[Finding],
    reviewed: &HashSet<String>,
) -> Vec<bool> {
    let markers = review::scan_markers(&doc.source);
    if !markers.problems.is_empty() {
        let index = LineIndex::new(&doc.source);
        for p in &markers.problems {
            let (line, col) = index.line_col(&doc.source, p.offset);
            eprintln!("{}:{line}:{col}: warning: {}", doc.path, p.message);
        }
    }
    findings
        .iter()
        .map(|f| {
            markers.suppresses(f.claim.span.start)
                || (!reviewed.is_empty() && reviewed.contains(&review::fingerprint(f)))
        })
        .collect()
}

/// `fingerprint<TAB>path:line:col<TAB>message`, one line per finding, in
/// source order, for copying into `reviewed.csv`.
fn print_fingerprints(files: &[render::AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    for file in files {
        for f in render::sorted_findings(&file.findings) {
            let c = &f.claim;
            writeln!(
                out,
                "{}\t{}:{}:{}\t{}: {}",
                review::fingerprint(f),
                f.file,
                c.span.line,
                c.span.column,
                f.verdict.as_str(),
                render::clean(&f.message)
            )?;
        }
    }
    Ok(())
}
