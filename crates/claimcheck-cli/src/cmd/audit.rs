//! `claimcheck audit`.
//!
//! Files are audited in parallel and printed in input order. `jsonl`, `csv`,
//! `github`, `diag` and `--summary` stream: a file's output is written as soon
//! as it and every file before it are done. `table`, `json`, `markdown`,
//! `html` and `sarif` need the whole set (one array, one report, one summary
//! table) and so hold every file's findings until the end.

use std::io::Write;

use anyhow::{Context, Result, bail};
use claimcheck_core::audit::{AuditOptions, Auditor, Finding, Verdict};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::Document;
use claimcheck_core::ledger::Ledger;

use super::Outcome;
use super::input::{Loaded, collect_paths, read_document, size_of};
use super::stream::{self, Progress};
use crate::args::{AuditArgs, AuditFormat};
use crate::render::{self, Summary, summary};

/// How the output is produced.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Each file's output on its own, in order.
    Stream,
    /// Every file's findings, rendered at the end.
    Collect,
    /// Counts only.
    Summary,
}

/// What a worker hands back for one file.
struct Done {
    bytes: u64,
    warning: Option<String>,
    result: Result<Audited, String>,
}

struct Audited {
    name: String,
    failed: bool,
    summary: Summary,
    /// The rendered output (stream mode).
    rendered: Vec<u8>,
    /// The document and findings (collect mode).
    kept: Option<(Document, Vec<Finding>)>,
}

pub fn run(args: &AuditArgs) -> Result<Outcome> {
    let ledger_path = super::ledger_path(args.ledger.as_deref())?;
    let ledger = Ledger::load(&ledger_path)
        .with_context(|| format!("cannot load the ledger {}", ledger_path.display()))?;
    let tolerance = args.tolerance.as_deref().map(parse_tolerance).transpose()?;
    let inputs = collect_paths(&args.input);
    let auditor = Auditor::new(&ledger);
    let extractor = Extractor::with_entities(auditor.entity_index());
    let only: Vec<Verdict> = args.only.iter().copied().map(Verdict::from).collect();
    let fail_on: Vec<Verdict> = args.fail_on.iter().copied().map(Verdict::from).collect();
    let mode = if args.run.summary {
        Mode::Summary
    } else if matches!(
        args.format,
        AuditFormat::Jsonl | AuditFormat::Csv | AuditFormat::Github | AuditFormat::Diag
    ) {
        Mode::Stream
    } else {
        Mode::Collect
    };
    let json = matches!(args.format, AuditFormat::Json | AuditFormat::Jsonl);
    let render_options = render::RenderOptions::for_stdout();
    let paths = &inputs.paths;
    let sizes: Vec<u64> = paths.iter().map(|p| size_of(p)).collect();
    let progress = Progress::new(paths.len(), sizes.iter().sum(), args.run.quiet);

    let work = |i: usize| -> Done {
        let (document, warning) = match read_document(&paths[i], &args.input) {
            Ok(Loaded { document, warning }) => (document, warning),
            Err(line) => return Done { bytes: sizes[i], warning: None, result: Err(line) },
        };
        let options = ExtractOptions {
            reference_date: args.input.reference_date,
            default_currency: Some(args.input.default_currency.clone()),
        };
        let claims = extractor.extract(&document, &options);
        let audit_options =
            AuditOptions { reference_date: extractor.reference_date(&document, &options), tolerance };
        let mut findings = auditor.audit(&claims, &document.text, &audit_options);
        let failed = findings.iter().any(|f| fail_on.contains(&f.verdict));
        if !only.is_empty() {
            findings.retain(|f| only.contains(&f.verdict));
        }
        let files = [render::AuditedFile { document: &document, findings }];
        let summary = summary::of_audited(&files[0]);
        let mut rendered = Vec::new();
        if mode == Mode::Stream
            && let Err(e) = render::findings_with(args.format, &files, &render_options, &mut rendered)
        {
            return Done { bytes: sizes[i], warning, result: Err(format!("claimcheck: error: {e:#}")) };
        }
        let [render::AuditedFile { findings, .. }] = files;
        let name = document.path.clone();
        let kept = (mode == Mode::Collect).then_some((document, findings));
        Done { bytes: sizes[i], warning, result: Ok(Audited { name, failed, summary, rendered, kept }) }
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut had_errors = inputs.had_errors;
    let mut failed = false;
    let mut total = Summary::default();
    let mut files_done = 0usize;
    // Files read and processed: the summary's total.
    let mut processed = 0usize;
    let mut wrote_any = false;
    let mut kept: Vec<(Document, Vec<Finding>)> = Vec::new();
    let emit = |done: Done| -> Result<()> {
        files_done += 1;
        if let Some(w) = &done.warning {
            progress.eprintln(w);
        }
        match done.result {
            Err(line) => {
                progress.eprintln(&line);
                had_errors = true;
            }
            Ok(a) => {
                processed += 1;
                failed |= a.failed;
                summary::add(&mut total, &a.summary);
                match mode {
                    Mode::Stream => {
                        let mut bytes = a.rendered.as_slice();
                        // One CSV header, one closing summary line for diag: for the whole run.
                        if args.format == AuditFormat::Csv && wrote_any {
                            let body = bytes.iter().position(|b| *b == b'\n').map_or(bytes.len(), |n| n + 1);
                            bytes = &bytes[body..];
                        }
                        let own_summary = format!("{}\n", a.summary);
                        if args.format == AuditFormat::Diag {
                            bytes = bytes.strip_suffix(own_summary.as_bytes()).unwrap_or(bytes);
                        }
                        out.write_all(bytes)?;
                        wrote_any = true;
                    }
                    Mode::Summary => summary::audit_file(json, &a.name, &a.summary, &mut out)?,
                    Mode::Collect => kept.extend(a.kept),
                }
            }
        }
        progress.file_done(files_done, done.bytes);
        Ok(())
    };
    let jobs = stream::jobs(args.run.jobs);
    let streamed = stream::ordered(paths.len(), jobs, &progress, work, emit);
    progress.finish();
    streamed?;

    match mode {
        Mode::Stream => {
            if args.format == AuditFormat::Csv && !wrote_any {
                render::findings(args.format, &[], &mut out)?;
            }
            if args.format == AuditFormat::Diag {
                writeln!(out, "{total}")?;
            }
        }
        Mode::Summary => summary::audit_total(json, processed, &total, &mut out)?,
        Mode::Collect => {
            let (documents, findings): (Vec<Document>, Vec<Vec<Finding>>) = kept.into_iter().unzip();
            let files: Vec<render::AuditedFile> = documents
                .iter()
                .zip(findings)
                .map(|(document, findings)| render::AuditedFile { document, findings })
                .collect();
            render::findings(args.format, &files, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if had_errors {
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
