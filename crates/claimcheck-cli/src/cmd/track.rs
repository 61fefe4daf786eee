//! `claimcheck track`: the values each figure took over time, across dated
//! articles or across the versions of articles in git.
//!
//! Without `--since`, each file is one version, dated by `--date FILE=...`,
//! else by the date the article carries (HTML `<time>` or meta tag, Markdown
//! front matter `date:`, a dateline). With `--since REV`, the versions are
//! the article files under the given paths as they were at `REV` and at each
//! commit after it that changed them, dated by the commit date; relative
//! dates in the text still resolve against the article's own date.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, anyhow, bail};
use claimcheck_core::crosscheck::{self, Version};
use claimcheck_core::extract::ExtractOptions;
use claimcheck_core::input::{Document, InputFormat};

use super::Outcome;
use super::compare::{Keyer, load_ledger, tolerance};
use super::input::{Loaded, collect_paths, read_document};
use crate::args::{InputFormatArg, TrackArgs};
use crate::render;

pub fn run(args: &TrackArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    let tolerance = tolerance(args.tolerance.as_deref(), &config)?;
    let ledger = load_ledger(args.ledger.as_deref())?;
    let keyer = Keyer::new(ledger.as_ref(), &args.input, &config, tolerance);
    let (versions, had_errors) = match &args.since {
        Some(rev) => {
            if !args.date.is_empty() {
                bail!("--date does not go with --since: versions in git are dated by their commits");
            }
            (git_versions(args, &keyer, rev)?, false)
        }
        None => dated_versions(args, &keyer, &config),
    };
    let mut history = crosscheck::track(&versions, tolerance);
    if args.changed {
        history.retain(|h| h.changes > 0);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::crosscheck::history(args.format, &history, &render::RenderOptions::for_stdout(), &mut out)?;
    out.flush()?;
    Ok(if had_errors { Outcome::BadInput } else { Outcome::Clean })
}

/// One version per file, dated by `--date` or by the article itself.
fn dated_versions(
    args: &TrackArgs,
    keyer: &Keyer<'_>,
    config: &crate::config::Config,
) -> (Vec<Version>, bool) {
    let mut inputs = collect_paths(&args.input);
    config.drop_excluded(&args.input, &mut inputs.paths);
    let mut had_errors = inputs.had_errors;
    for (file, _) in &args.date {
        if !inputs.paths.iter().any(|p| same_file(p, file)) {
            eprintln!("claimcheck: warning: --date {}: not among the articles read", file.display());
        }
    }
    let mut versions = Vec::new();
    for path in &inputs.paths {
        let Loaded { document, warning } = match read_document(path, &args.input) {
            Ok(loaded) => loaded,
            Err(line) => {
                eprintln!("{line}");
                had_errors = true;
                continue;
            }
        };
        if let Some(w) = warning {
            eprintln!("{w}");
        }
        let given = args.date.iter().rev().find(|(f, _)| same_file(path, f)).map(|(_, d)| *d);
        let own = keyer
            .extractor
            .reference_date(&document, &ExtractOptions { reference_date: None, ..keyer.options.clone() });
        let Some(date) = given.or(own) else {
            eprintln!(
                "claimcheck: error: {}: the article carries no date\nhelp: give one with --date {}=YYYY-MM-DD",
                path.display(),
                path.display()
            );
            had_errors = true;
            continue;
        };
        let options = ExtractOptions { reference_date: Some(date), ..keyer.options.clone() };
        versions.push(Version {
            date: date.format("%Y-%m-%d").to_string(),
            label: document.path.clone(),
            article: document.path.clone(),
            claims: keyer.key(&document, &options),
        });
    }
    (versions, had_errors)
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Run git in `dir`; its standard output, or an error with its message.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
        bail!("{msg}");
    }
    Ok(out.stdout)
}

fn git_text(dir: &Path, args: &[&str]) -> Result<String> {
    Ok(String::from_utf8_lossy(&git(dir, args)?).trim_end().to_string())
}

/// Every version of the article files under the given paths: as they were
/// at `rev`, then after each commit since that changed them.
fn git_versions(args: &TrackArgs, keyer: &Keyer<'_>, rev: &str) -> Result<Vec<Version>> {
    let mut versions = Vec::new();
    for given in &args.input.files {
        if given.as_os_str() == "-" {
            bail!("--since reads articles from git, not from standard input");
        }
        let meta = std::fs::metadata(given).with_context(|| format!("{}", given.display()))?;
        let dir = if meta.is_dir() {
            given.clone()
        } else {
            given.parent().map_or(PathBuf::from("."), Path::to_path_buf)
        };
        let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
        let top = git_text(&dir, &["rev-parse", "--show-toplevel"])
            .map_err(|_| anyhow!("{}: not in a git work tree\nhelp: --since needs the articles' git history; without git, date each file with --date FILE=YYYY-MM-DD", given.display()))?;
        let top = PathBuf::from(top);
        let base = git_text(&top, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
            .map_err(|_| anyhow!("--since {rev}: unknown revision (not a commit of this repository)"))?;
        let real_top = top.canonicalize().with_context(|| format!("{}", top.display()))?;
        let real = given.canonicalize().with_context(|| format!("{}", given.display()))?;
        let spec = real.strip_prefix(&real_top).unwrap_or(Path::new("")).to_string_lossy().replace('\\', "/");
        let spec = if spec.is_empty() { ".".to_string() } else { spec };
        // Commits after REV that touch the paths, oldest first, with their dates.
        let log =
            git_text(&top, &["log", "--reverse", "--format=%H %cI", &format!("{base}..HEAD"), "--", &spec])?;
        let commits: Vec<(String, String)> = log
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(h, d)| (h.to_string(), d.get(..10).unwrap_or(d).to_string()))
            .collect();
        let base_date = git_text(&top, &["show", "-s", "--format=%cI", &base])?;
        let base_date = base_date.get(..10).unwrap_or(&base_date).to_string();
        // The article files each commit changed.
        let mut touched: Vec<Vec<String>> = Vec::new();
        let mut changed: Vec<String> = Vec::new();
        for (hash, _) in &commits {
            let names = git_text(
                &top,
                &["diff-tree", "--no-commit-id", "--name-only", "-r", "--root", hash, "--", &spec],
            )?;
            let names: Vec<String> = names.lines().filter(|n| is_article(n)).map(str::to_string).collect();
            for name in &names {
                if !changed.contains(name) {
                    changed.push(name.clone());
                }
            }
            touched.push(names);
        }
        for name in &changed {
            let mut at: Vec<(String, String)> = vec![(base.clone(), base_date.clone())];
            at.extend(
                commits
                    .iter()
                    .zip(&touched)
                    .filter(|(_, names)| names.contains(name))
                    .map(|(c, _)| c.clone()),
            );
            for (hash, date) in at {
                // Absent at this commit: not yet added, or deleted.
                let Ok(bytes) = git(&top, &["show", &format!("{hash}:{name}")]) else { continue };
                if bytes.len() as u64 > args.input.max_file_size {
                    bail!(
                        "{name}@{}: article is {} bytes, over the limit of {} bytes\nhelp: raise the limit with --max-file-size BYTES",
                        hash.get(..7).unwrap_or(&hash),
                        bytes.len(),
                        args.input.max_file_size
                    );
                }
                let source = String::from_utf8_lossy(&bytes).into_owned();
                let short = hash.get(..7).unwrap_or(&hash);
                let label = format!("{name}@{short}");
                let format = match args.input.input_format {
                    Some(InputFormatArg::Text) => InputFormat::Text,
                    Some(InputFormatArg::Markdown) => InputFormat::Markdown,
                    Some(InputFormatArg::Html) => InputFormat::Html,
                    None => InputFormat::from_path(Path::new(name)),
                };
                let document = Document::new(label.clone(), source, format);
                let committed = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok();
                let own = keyer.extractor.reference_date(
                    &document,
                    &ExtractOptions { reference_date: None, ..keyer.options.clone() },
                );
                let options = ExtractOptions { reference_date: own.or(committed), ..keyer.options.clone() };
                versions.push(Version {
                    date,
                    label,
                    article: name.clone(),
                    claims: keyer.key(&document, &options),
                });
            }
        }
    }
    Ok(versions)
}

fn is_article(name: &str) -> bool {
    matches!(
        Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}
