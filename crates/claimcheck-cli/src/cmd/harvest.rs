//! `claimcheck harvest`: glue between the arguments and `claimcheck_core::harvest`.
//!
//! Documents are read one after another (harvesting is a reviewer's task on
//! a handful of documents, not an archive run), candidates are collected in
//! input order, then printed or merged into a candidates file.

use std::collections::HashSet;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use claimcheck_core::extract::Extractor;
use claimcheck_core::harvest::{self, Candidate, HarvestOptions, Harvester, Status};
use claimcheck_core::ledger::Ledger;
use claimcheck_core::ledger::fmt::{FileKind, FmtTable};
use claimcheck_core::ledger::read::COLUMNS;

use super::Outcome;
use super::input::{collect_paths, read_document};
use crate::args::{HarvestArgs, HarvestFormat};

pub fn run(args: &HarvestArgs) -> Result<Outcome> {
    let config = crate::config::load_for_cwd()?;
    // The ledger is optional: without one, every row is `new`.
    let ledger_path: Option<PathBuf> = match args.ledger.as_deref().or(config.ledger.as_deref()) {
        Some(p) => Some(p.to_path_buf()),
        None => super::ledger::default_ledger().ok(),
    };
    let ledger = match &ledger_path {
        Some(p) => Some(Ledger::load(p).with_context(|| format!("cannot load the ledger {}", p.display()))?),
        None => None,
    };
    if let Some(into) = &args.into {
        harvest::check_target(into, ledger_path.as_deref())?;
    }
    let mut inputs = collect_paths(&args.input);
    config.drop_excluded(&args.input, &mut inputs.paths);
    let harvester = Harvester::new(ledger.as_ref());
    let extractor = Extractor::with_entities(harvester.entity_index());
    let extract_options = config.extract_options(&args.input);
    let options =
        HarvestOptions { source_name: args.source_name.clone(), as_of: args.date.map(|d| d.to_string()) };

    let mut had_errors = inputs.had_errors;
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut skipped = 0;
    for path in &inputs.paths {
        let loaded = match read_document(path, &args.input) {
            Ok(l) => l,
            Err(line) => {
                eprintln!("{line}");
                had_errors = true;
                continue;
            }
        };
        if let Some(w) = &loaded.warning {
            eprintln!("{w}");
        }
        let document = loaded.document;
        let claims = extractor.extract(&document, &extract_options);
        let reference = extractor.reference_date(&document, &extract_options);
        let found = harvester.harvest(&document, &claims, reference, &options);
        skipped += found.skipped;
        // The same fact stated in two documents is one candidate (the first).
        candidates.extend(found.candidates.into_iter().filter(|c| seen.insert(c.key_and_value())));
    }

    let mut taken: HashSet<String> =
        ledger.iter().flat_map(|l| l.facts.iter().map(|f| f.id.to_string())).collect();
    let count = |rows: &[Candidate], s: Status| rows.iter().filter(|c| c.status == s).count();
    let skipped_note = if skipped > 0 {
        format!("; {skipped} claim(s) skipped (no subject or no attribute a ledger row needs)")
    } else {
        String::new()
    };
    if let Some(into) = &args.into {
        let written = harvest::write_candidates(into, &candidates, &mut taken)?;
        let rows = &written.added;
        eprintln!(
            "harvest: {} row(s) added to {} ({} new, {} duplicate, {} conflict); {} already there{skipped_note}",
            rows.len(),
            into.display(),
            count(rows, Status::New),
            count(rows, Status::Duplicate),
            count(rows, Status::Conflict),
            written.already,
        );
    } else {
        harvest::assign_ids(&mut candidates, &mut taken);
        harvest::mark_disagreements(&mut candidates);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match args.format {
            HarvestFormat::Csv => out.write_all(csv_text(&candidates).as_bytes())?,
            HarvestFormat::Table => writeln!(out, "{}", table(&candidates))?,
            HarvestFormat::Jsonl => {
                for c in &candidates {
                    serde_json::to_writer(&mut out, &json_row(c))?;
                    writeln!(out)?;
                }
            }
        }
        out.flush()?;
        eprintln!(
            "harvest: {} candidate row(s) ({} new, {} duplicate, {} conflict){skipped_note}",
            candidates.len(),
            count(&candidates, Status::New),
            count(&candidates, Status::Duplicate),
            count(&candidates, Status::Conflict),
        );
    }
    Ok(if had_errors { Outcome::BadInput } else { Outcome::Clean })
}

/// The rows as a ledger file in canonical form.
fn csv_text(candidates: &[Candidate]) -> String {
    let header = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let rows = candidates.iter().map(|c| c.cells.to_vec()).collect();
    let mut t = FmtTable { kind: FileKind::Facts, bom: false, crlf: false, header, rows };
    t.canonicalize(None);
    t.render()
}

/// One row as `--format jsonl` prints it: the ledger columns, then the
/// marking and the claim the row came from.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    entity: &'a str,
    attribute: &'a str,
    object: &'a str,
    value: &'a str,
    unit: &'a str,
    period: &'a str,
    qualifier: &'a str,
    tolerance: &'a str,
    rank: &'a str,
    source: &'a str,
    as_of: &'a str,
    note: &'a str,
    status: &'a str,
    fact: Option<&'a str>,
    message: Option<&'a str>,
    file: &'a str,
    text: &'a str,
    span: claimcheck_core::span::Span,
}

fn json_row(c: &Candidate) -> JsonRow<'_> {
    JsonRow {
        id: c.cell("id"),
        entity: c.cell("entity"),
        attribute: c.cell("attribute"),
        object: c.cell("object"),
        value: c.cell("value"),
        unit: c.cell("unit"),
        period: c.cell("period"),
        qualifier: c.cell("qualifier"),
        tolerance: c.cell("tolerance"),
        rank: c.cell("rank"),
        source: c.cell("source"),
        as_of: c.cell("as_of"),
        note: c.cell("note"),
        status: c.status.as_str(),
        fact: c.fact.as_deref(),
        message: c.message.as_deref(),
        file: &c.claim.file,
        text: &c.claim.text,
        span: c.claim.span,
    }
}

fn table(candidates: &[Candidate]) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if !std::io::stdout().is_terminal() || std::env::var_os("NO_COLOR").is_some() {
        t.force_no_tty();
        t.set_width(120);
    }
    t.set_header(["location", "entity", "attribute", "object", "value", "unit", "period", "status"]);
    for c in candidates {
        let status = match &c.fact {
            Some(id) => format!("{} {id}", c.status.as_str()),
            None => c.status.as_str().to_owned(),
        };
        let span = &c.claim.span;
        // Cells come from the document: no terminal escapes or line breaks in the table.
        let location = format!("{}:{}:{}", c.claim.file, span.line, span.column);
        let cells = [
            location.as_str(),
            c.cell("entity"),
            c.cell("attribute"),
            c.cell("object"),
            c.cell("value"),
            c.cell("unit"),
            c.cell("period"),
            &status,
        ];
        t.add_row(cells.map(crate::render::clean));
    }
    t
}
