//! `claimcheck extract`.
//!
//! Files are read and extracted in parallel and printed in input order.
//! `jsonl`, `csv` and `--summary` stream (each file's output is written as
//! soon as it and every file before it are done); `table` and `json` need the
//! whole set and hold every file's claims until the end.

use std::io::Write;

use anyhow::{Context, Result};
use claimcheck_core::Claim;
use claimcheck_core::extract::Extractor;
use claimcheck_core::input::Document;

use super::Outcome;
use super::input::{Loaded, collect_paths, read_document, size_of};
use super::stream::{self, Done, Progress, Tally};
use crate::args::{ExtractArgs, ExtractFormat};
use crate::render::summary::{self, KindCounts};
use crate::render::{self, ExtractedFile, json};

struct Extracted {
    name: String,
    counts: KindCounts,
    /// The rendered output (streaming formats).
    rendered: Vec<u8>,
    /// The document and claims (formats that need the whole set).
    kept: Option<(Document, Vec<Claim>)>,
}

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    let mut inputs = collect_paths(&args.input);
    config.drop_excluded(&args.input, &mut inputs.paths);
    // With --ledger, its entity names and aliases win over guessed names.
    let extractor = match &args.ledger {
        Some(path) => {
            let ledger = claimcheck_core::ledger::Ledger::load(path)
                .with_context(|| format!("cannot load the ledger {}", path.display()))?;
            Extractor::with_entities(claimcheck_core::audit::Auditor::new(&ledger).entity_index())
        }
        None => Extractor::new(),
    };
    let options = config.extract_options(&args.input);
    let summary_only = args.run.summary;
    let streaming = matches!(args.format, ExtractFormat::Jsonl | ExtractFormat::Csv);
    let json = matches!(args.format, ExtractFormat::Json | ExtractFormat::Jsonl);
    let render_options = render::RenderOptions::for_stdout();
    let paths = &inputs.paths;
    let sizes: Vec<u64> = paths.iter().map(|p| size_of(p)).collect();
    let progress = Progress::new(paths.len(), sizes.iter().sum(), args.run.quiet);

    let jsonl = args.format == ExtractFormat::Jsonl;
    let work = |i: usize| -> Done<Extracted> {
        let (document, warning) = match read_document(&paths[i], &args.input) {
            Ok(Loaded { document, warning }) => (document, warning),
            Err(line) => return Done { bytes: sizes[i], warning: None, result: Err(line) },
        };
        let name = document.path.clone();
        // JSON lines and the summary need no claim kept: each is rendered
        // or counted as the extractor finds it.
        if summary_only || jsonl {
            let mut counts = KindCounts::default();
            let mut rendered = Vec::new();
            let mut failed = None;
            {
                let mut lines = json::LineWriter::new(&mut rendered);
                extractor.extract_each(&document, &options, |claim| {
                    counts.count(claim.kind);
                    if !summary_only
                        && failed.is_none()
                        && let Err(e) = lines.write_claim(claim)
                    {
                        failed = Some(e);
                    }
                });
                if failed.is_none()
                    && let Err(e) = lines.finish()
                {
                    failed = Some(e);
                }
            }
            if let Some(e) = failed {
                return Done { bytes: sizes[i], warning, result: Err(format!("claimcheck: error: {e:#}")) };
            }
            return Done {
                bytes: sizes[i],
                warning,
                result: Ok(Extracted { name, counts, rendered, kept: None }),
            };
        }
        let claims = extractor.extract(&document, &options);
        let counts = KindCounts::of(&claims);
        let files = [ExtractedFile { document: &document, claims }];
        let mut rendered = Vec::new();
        if streaming && let Err(e) = render::claims_with(args.format, &files, &render_options, &mut rendered)
        {
            return Done { bytes: sizes[i], warning, result: Err(format!("claimcheck: error: {e:#}")) };
        }
        let [ExtractedFile { claims, .. }] = files;
        let kept = (!streaming).then_some((document, claims));
        Done { bytes: sizes[i], warning, result: Ok(Extracted { name, counts, rendered, kept }) }
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally::new(inputs.had_errors);
    let mut total = KindCounts::default();
    let mut wrote_any = false;
    let mut kept: Vec<(Document, Vec<Claim>)> = Vec::new();
    let jobs = stream::jobs(args.run.jobs);
    let streamed = if jsonl && !summary_only && (jobs == 1 || paths.len() == 1) {
        // One file at a time: write each claim as it is found, so memory
        // stays bounded however many claims a file holds.
        let mut direct = || -> Result<()> {
            for (i, path) in paths.iter().enumerate() {
                let done = match read_document(path, &args.input) {
                    Ok(Loaded { document, warning }) => {
                        let mut counts = KindCounts::default();
                        let mut lines = json::LineWriter::new(&mut out);
                        let mut failed = None;
                        extractor.extract_each(&document, &options, |claim| {
                            counts.count(claim.kind);
                            if failed.is_none()
                                && let Err(e) = lines.write_claim(claim)
                            {
                                failed = Some(e);
                            }
                        });
                        if let Some(e) = failed {
                            return Err(e);
                        }
                        lines.finish()?;
                        Done { bytes: sizes[i], warning, result: Ok(counts) }
                    }
                    Err(line) => Done { bytes: sizes[i], warning: None, result: Err(line) },
                };
                if let Some(counts) = tally.take(&progress, done) {
                    total.add(&counts);
                    wrote_any = true;
                }
            }
            Ok(())
        };
        direct()
    } else {
        let emit = |done: Done<Extracted>| -> Result<()> {
            let Some(x) = tally.take(&progress, done) else { return Ok(()) };
            total.add(&x.counts);
            if summary_only {
                summary::extract_file(json, &x.name, &x.counts, &mut out)?;
            } else if streaming {
                let mut bytes = x.rendered.as_slice();
                // One CSV header for the whole run.
                if args.format == ExtractFormat::Csv && wrote_any {
                    bytes = stream::without_header(bytes);
                }
                out.write_all(bytes)?;
                wrote_any = true;
            } else {
                kept.extend(x.kept);
            }
            Ok(())
        };
        stream::ordered(paths.len(), jobs, &progress, work, emit)
    };
    progress.finish();
    streamed?;

    if summary_only {
        summary::extract_total(json, tally.processed, &total, &mut out)?;
    } else if streaming {
        if !wrote_any {
            render::claims(args.format, &[], &mut out)?;
        }
    } else {
        let (documents, claims): (Vec<Document>, Vec<Vec<Claim>>) = kept.into_iter().unzip();
        let files: Vec<ExtractedFile> = documents
            .iter()
            .zip(claims)
            .map(|(document, claims)| ExtractedFile { document, claims })
            .collect();
        render::claims(args.format, &files, &mut out)?;
    }
    out.flush()?;
    Ok(if tally.had_errors { Outcome::BadInput } else { Outcome::Clean })
}
