//! `claimcheck audit`.
//!
//! Files are audited in parallel and printed in input order. `jsonl`, `csv`,
//! `github`, `diag` and `--summary` stream: a file's output is written as soon
//! as it and every file before it are done. `table`, `json`, `markdown`,
//! `html` and `sarif` need the whole set (one array, one report, one summary
//! table) and so hold every file's findings until the end.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use claimcheck_core::audit::{AuditOptions, Auditor, Finding, Verdict};
use claimcheck_core::extract::Extractor;
use claimcheck_core::input::Document;
use claimcheck_core::ledger::Ledger;
use claimcheck_core::review;
use claimcheck_core::span::LineIndex;

use super::Outcome;
use super::input::{Loaded, collect_paths, read_document, size_of};
use super::stream::{self, Done, Progress, Tally};
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
    let config = crate::config::load_for_cwd()?;
    let ledger_path = super::ledger_path(args.ledger.as_deref().or(config.ledger.as_deref()))?;
    let jobs = stream::jobs(args.run.jobs);
    // The ledger is read and indexed on as many threads as the audit runs on.
    let setup =
        rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    let ledger = setup
        .install(|| Ledger::load(&ledger_path))
        .with_context(|| format!("cannot load the ledger {}", ledger_path.display()))?;
    let tolerance = match args.tolerance.as_deref() {
        Some(s) => Some(parse_tolerance(s)?),
        None => config.tolerance,
    };
    let reviewed = load_reviewed(&ledger_path)?;
    let mut inputs = collect_paths(&args.input);
    config.drop_excluded(&args.input, &mut inputs.paths);
    let auditor = setup.install(|| Auditor::new(&ledger));
    let extractor = Extractor::with_entities(auditor.entity_index());
    let only: Vec<Verdict> = args.only.iter().copied().map(Verdict::from).collect();
    let fail_on: Vec<Verdict> = if args.fail_on.is_empty() {
        config.fail_on.clone().unwrap_or_else(|| vec![Verdict::Contradicted])
    } else {
        args.fail_on.iter().copied().map(Verdict::from).collect()
    };
    let options = config.extract_options(&args.input);
    let mode = if args.run.summary {
        Mode::Summary
    } else if args.print_fingerprints
        || matches!(
            args.format,
            AuditFormat::Jsonl | AuditFormat::Csv | AuditFormat::Github | AuditFormat::Diag
        )
    {
        Mode::Stream
    } else {
        Mode::Collect
    };
    let json = matches!(args.format, AuditFormat::Json | AuditFormat::Jsonl);
    let render_options = render::RenderOptions {
        sarif_include_unverified: args.sarif_include_unverified,
        claimreview: claimreview_options(args, options.reference_date, inputs.paths.len())?,
        ..render::RenderOptions::for_stdout()
    };
    let paths = &inputs.paths;
    let sizes: Vec<u64> = paths.iter().map(|p| size_of(p)).collect();
    let progress = Progress::new(paths.len(), sizes.iter().sum(), args.run.quiet);

    let work = |i: usize| -> Done<Audited> {
        let (document, warning) = match read_document(&paths[i], &args.input) {
            Ok(Loaded { document, warning }) => (document, warning),
            Err(line) => return Done { bytes: sizes[i], warning: None, result: Err(line) },
        };
        let claims = extractor.extract(&document, &options);
        let audit_options =
            AuditOptions { reference_date: extractor.reference_date(&document, &options), tolerance };
        let mut findings = auditor.audit_owned(claims, document.text(), &audit_options);
        let suppressed = suppressed_by_review(&document, &findings, &reviewed);
        let failed = findings.iter().zip(&suppressed).any(|(f, &s)| !s && fail_on.contains(&f.verdict));
        if !args.show_reviewed {
            let mut keep = suppressed.iter().map(|&s| !s);
            findings.retain(|_| keep.next().unwrap_or(true));
        }
        if !only.is_empty() {
            findings.retain(|f| only.contains(&f.verdict));
        }
        let files = [render::AuditedFile { document: &document, findings }];
        let summary = summary::of_audited(&files[0]);
        let mut rendered = Vec::new();
        if args.print_fingerprints {
            if let Err(e) = print_fingerprints(&files, &mut rendered) {
                return Done { bytes: sizes[i], warning, result: Err(format!("claimcheck: error: {e:#}")) };
            }
        } else if mode == Mode::Stream
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
    let mut tally = Tally::new(inputs.had_errors);
    let mut failed = false;
    let mut total = Summary::default();
    let mut wrote_any = false;
    let mut kept: Vec<(Document, Vec<Finding>)> = Vec::new();
    let emit = |done: Done<Audited>| -> Result<()> {
        let Some(a) = tally.take(&progress, done) else { return Ok(()) };
        failed |= a.failed;
        summary::add(&mut total, &a.summary);
        match mode {
            Mode::Stream => {
                let mut bytes = a.rendered.as_slice();
                // One CSV header, one closing summary line for diag: for the whole run.
                if args.format == AuditFormat::Csv && wrote_any {
                    bytes = stream::without_header(bytes);
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
        Ok(())
    };
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
        Mode::Summary => summary::audit_total(json, tally.processed, &total, &mut out)?,
        Mode::Collect => {
            let (documents, findings): (Vec<Document>, Vec<Vec<Finding>>) = kept.into_iter().unzip();
            let files: Vec<render::AuditedFile> = documents
                .iter()
                .zip(findings)
                .map(|(document, findings)| render::AuditedFile { document, findings })
                .collect();
            render::findings_with(args.format, &files, &render_options, &mut out)?;
        }
    }
    out.flush()?;
    // A large ledger and its index are millions of small allocations, and
    // the process ends once this returns: freeing them one by one took 0.3 s
    // of a 1M-fact audit. The system takes the memory back at exit.
    std::mem::forget(extractor);
    std::mem::forget(auditor);
    std::mem::forget(ledger);
    Ok(if tally.had_errors {
        Outcome::BadInput
    } else if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// What `--format claimreview` needs, checked before any work: a publisher
/// and the page of the review (Google requires `url`); an article URL
/// belongs to one article.
fn claimreview_options(
    args: &AuditArgs,
    reference_date: Option<chrono::NaiveDate>,
    files: usize,
) -> Result<Option<render::claimreview::ClaimReviewOptions>> {
    if args.format != AuditFormat::Claimreview {
        return Ok(None);
    }
    let r = &args.claimreview;
    let (Some(publisher), Some(review_url)) = (&r.publisher, &r.review_url) else {
        bail!(
            "--format claimreview needs --publisher NAME and --review-url URL\nhelp: e.g. --publisher \"The Daily\" --review-url https://example.com/fact-checks/meta-scale-ai"
        );
    };
    for (flag, url) in [
        ("--review-url", Some(review_url)),
        ("--article-url", r.article_url.as_ref()),
        ("--publisher-url", r.publisher_url.as_ref()),
    ] {
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            bail!("{flag}: expected an absolute http(s) URL (got `{url}`)");
        }
    }
    if r.article_url.is_some() && files != 1 {
        bail!("--article-url names one article, but {files} articles were given");
    }
    let review_date = r.review_date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    Ok(Some(render::claimreview::ClaimReviewOptions {
        publisher: publisher.clone(),
        publisher_url: r.publisher_url.clone(),
        review_url: review_url.clone(),
        article_url: r.article_url.clone(),
        claim_author: r.claim_author.clone(),
        review_date: review_date.format("%Y-%m-%d").to_string(),
        reference_date,
    }))
}

/// "5%" or "0.05".
pub(super) fn parse_tolerance(s: &str) -> Result<f64> {
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
