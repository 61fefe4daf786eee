//! `claimcheck ledger ...`: glue between the arguments and `claimcheck_core::ledger`.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use claimcheck_core::ledger::{self, Ledger, LedgerError, check, merge, write};

use super::Outcome;
use crate::args::{LedgerAddArgs, LedgerCommand, LedgerPath};

pub fn run(cmd: &LedgerCommand) -> Result<Outcome> {
    match cmd {
        LedgerCommand::Check(args) => {
            let path = ledger_path(&args.ledger)?;
            let opts = check::CheckOptions {
                stale_after: args.stale_after,
                today: chrono::Local::now().date_naive(),
            };
            let report = check::check(&path, &opts)?;
            let mut err = std::io::stderr().lock();
            for d in &report.diagnostics {
                writeln!(err, "{d}")?;
            }
            let (errors, warnings) = (report.errors(), report.warnings());
            if errors > 0 {
                writeln!(
                    err,
                    "ledger check: {errors} error(s), {warnings} warning(s) in {} fact(s)",
                    report.facts
                )?;
                Ok(Outcome::Failed)
            } else {
                Ok(Outcome::Clean)
            }
        }
        LedgerCommand::Fmt(args) => {
            let path = ledger_path(&args.ledger)?;
            let files = write::format_ledger(&path, !args.check)?;
            if !args.check {
                return Ok(Outcome::Clean);
            }
            let mut out = std::io::stdout().lock();
            let mut failed = false;
            for f in files.iter().filter(|f| !f.is_canonical()) {
                failed = true;
                write!(out, "{}", ledger::fmt::line_diff(&f.path, &f.original, &f.formatted))?;
            }
            if failed {
                eprintln!("ledger fmt: some files are not in canonical form; run `claimcheck ledger fmt`");
                Ok(Outcome::Failed)
            } else {
                Ok(Outcome::Clean)
            }
        }
        LedgerCommand::Add(args) => add(args),
        LedgerCommand::Merge(args) => {
            let read = |p: &PathBuf| ledger::fmt::read_text(p).map_err(anyhow::Error::from);
            let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
            let merged = merge::merge(&args.ours, &base, &ours, &theirs)?;
            write::write_atomic(&args.ours, &merged.text)?;
            if merged.conflicts.is_empty() {
                return Ok(Outcome::Clean);
            }
            let mut err = std::io::stderr().lock();
            for c in &merged.conflicts {
                writeln!(err, "claimcheck: merge conflict: {c}")?;
            }
            writeln!(
                err,
                "help: both versions are kept; theirs has `note` starting with `{}`. \
                 Keep one, then run `claimcheck ledger check`",
                merge::CONFLICT_MARK
            )?;
            Ok(Outcome::Failed)
        }
        LedgerCommand::Show(args) => {
            let path = ledger_path(&args.ledger)?;
            let ledger = Ledger::load(&path)?;
            let facts = ledger.facts_about(&args.entity);
            if facts.is_empty() {
                eprintln!("claimcheck: no facts about `{}` in {}", args.entity, path.display());
                return Ok(Outcome::Failed);
            }
            let entity = ledger.canonical_entity(&args.entity).unwrap_or(&args.entity);
            let aliases = ledger.aliases_of(entity);
            let mut out = std::io::stdout().lock();
            if aliases.is_empty() {
                writeln!(out, "{entity}")?;
            } else {
                writeln!(out, "{entity} (also: {})", aliases.join(", "))?;
            }
            writeln!(out, "{}", show_table(&facts))?;
            Ok(Outcome::Clean)
        }
    }
}

fn show_table(facts: &[&ledger::Fact]) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if !std::io::stdout().is_terminal() {
        t.force_no_tty();
        t.set_width(120);
    }
    t.set_header(["id", "entity", "attribute", "object", "value", "unit", "period", "rank", "source"]);
    for f in facts {
        t.add_row([
            f.id.as_str(),
            f.entity.as_str(),
            f.attribute.as_str(),
            f.object.as_deref().unwrap_or(""),
            &f.value.to_string(),
            f.unit.as_deref().unwrap_or(""),
            f.period.as_deref().unwrap_or(""),
            ledger::value::rank_name(f.rank),
            f.source.as_str(),
        ]);
    }
    t
}

fn add(args: &LedgerAddArgs) -> Result<Outcome> {
    if args.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
        return Err(anyhow!(
            "refusing to add a fact without a source\nhelp: pass --source with a URL or citation"
        ));
    }
    let path = match &args.ledger.ledger {
        Some(p) => p.clone(),
        None => default_ledger()?,
    };
    let mut new = write::NewFact::default();
    let given = [
        ("entity", Some(&args.entity)),
        ("attribute", Some(&args.attribute)),
        ("value", Some(&args.value)),
        ("object", args.object.as_ref()),
        ("unit", args.unit.as_ref()),
        ("period", args.period.as_ref()),
        ("qualifier", args.qualifier.as_ref()),
        ("tolerance", args.tolerance.as_ref()),
        ("rank", args.rank.as_ref()),
        ("source", args.source.as_ref()),
        ("as_of", args.as_of.as_ref()),
        ("note", args.note.as_ref()),
        ("id", args.id.as_ref()),
    ];
    for (col, v) in given {
        if let Some(v) = v {
            new.set(col, v.clone());
        }
    }
    match write::add(&path, &new, args.file.as_deref()) {
        Ok(added) => {
            eprintln!("added `{}` to {}", added.id, added.path.display());
            Ok(Outcome::Clean)
        }
        Err(e @ LedgerError::Duplicate { .. }) => {
            eprintln!("claimcheck: error: {e}");
            Ok(Outcome::Failed)
        }
        Err(e) => Err(e.into()),
    }
}

fn ledger_path(p: &LedgerPath) -> Result<PathBuf> {
    super::ledger_path(p.ledger.as_deref())
}

/// `claims/` of the enclosing git work tree, relative to the current directory.
pub(super) fn default_ledger() -> Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let found = ledger::find_default_ledger(&cwd).ok_or_else(|| {
        anyhow!(
            "no ledger found: no `claims/` folder in the enclosing git work tree\nhelp: pass --ledger PATH"
        )
    })?;
    Ok(relative_to(&found, &cwd))
}

fn relative_to(path: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(cwd) {
        return rest.to_owned();
    }
    // Walk up: ../../claims reads better than an absolute path in messages.
    let mut up = PathBuf::new();
    for dir in cwd.ancestors().skip(1) {
        up.push("..");
        if let Ok(rest) = path.strip_prefix(dir) {
            return up.join(rest);
        }
    }
    path.to_owned()
}
