//! `compare` and `track` output: a table, CSV, JSON or JSON lines.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::Claim;
use claimcheck_core::crosscheck::{ClaimKey, Comparison, History};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::csv::{opt_text, text, value};
use super::{RenderOptions, claim_value, clean, json};
use crate::args::CrosscheckFormat;

fn new_table(options: &RenderOptions, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = options.width {
        table.set_width(width);
    }
    table.set_header(header.to_vec());
    table
}

fn place(c: &Claim) -> String {
    format!("{}:{}:{}", c.file, c.span.line, c.span.column)
}

/// The CSV columns of a key, in the order of [`key_cells`].
const KEY_COLUMNS: [&str; 5] = ["subject", "attribute", "object", "unit", "period"];

fn key_cells(k: &ClaimKey) -> [String; 5] {
    [text(&k.subject), text(&k.attribute), opt_text(&k.object), opt_text(&k.unit), opt_text(&k.period)]
}

/// `compare --format ...`.
pub fn disagreements(
    format: CrosscheckFormat,
    found: &Comparison,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let all = found.disagreements.iter();
    match format {
        CrosscheckFormat::Jsonl => json::lines(all, out),
        CrosscheckFormat::Json => json::array(all, out),
        CrosscheckFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(KEY_COLUMNS.iter().chain(&[
                "first_file",
                "first_line",
                "first_column",
                "first_text",
                "first_value",
                "second_file",
                "second_line",
                "second_column",
                "second_text",
                "second_value",
                "message",
            ]))?;
            for d in &found.disagreements {
                let mut row: Vec<String> = key_cells(&d.key).into();
                for c in [&d.first, &d.second] {
                    row.extend([
                        text(&c.file),
                        c.span.line.to_string(),
                        c.span.column.to_string(),
                        text(&c.text),
                        value(&c.value),
                    ]);
                }
                row.push(text(&d.message));
                w.write_record(row)?;
            }
            w.flush()?;
            Ok(())
        }
        CrosscheckFormat::Table => {
            let n = found.disagreements.len();
            if n > 0 {
                let mut table = new_table(options, &["figure", "first says", "then says"]);
                for d in &found.disagreements {
                    table.add_row(vec![
                        clean(&d.key.to_string()),
                        format!("{}\n{}", clean(&d.first.text), clean(&place(&d.first))),
                        format!("{}\n{}", clean(&d.second.text), clean(&place(&d.second))),
                    ]);
                }
                writeln!(out, "{table}")?;
            }
            let compared = found.compared;
            writeln!(
                out,
                "{} {} ({compared} {} compared across articles)",
                if n == 0 { "no".to_string() } else { n.to_string() },
                if n == 1 { "disagreement" } else { "disagreements" },
                if compared == 1 { "figure" } else { "figures" },
            )?;
            Ok(())
        }
    }
}

/// `track --format ...`.
pub fn history(
    format: CrosscheckFormat,
    history: &[History],
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        CrosscheckFormat::Jsonl => json::lines(history.iter(), out),
        CrosscheckFormat::Json => json::array(history.iter(), out),
        CrosscheckFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(KEY_COLUMNS.iter().chain(&[
                "date",
                "version",
                "line",
                "column",
                "text",
                "value",
                "high",
                "qualifier",
                "changed",
            ]))?;
            for h in history {
                for e in &h.entries {
                    let c = &e.claim;
                    let mut row: Vec<String> = key_cells(&h.key).into();
                    row.extend([
                        e.date.clone(),
                        text(&e.version),
                        c.span.line.to_string(),
                        c.span.column.to_string(),
                        text(&c.text),
                        value(&c.value),
                        c.high.as_ref().map(value).unwrap_or_default(),
                        c.qualifier.as_str().to_string(),
                        e.changed.to_string(),
                    ]);
                    w.write_record(row)?;
                }
            }
            w.flush()?;
            Ok(())
        }
        CrosscheckFormat::Table => {
            for h in history {
                let changes = match h.changes {
                    0 => "unchanged".to_string(),
                    1 => "1 change".to_string(),
                    n => format!("{n} changes"),
                };
                writeln!(out, "{}: {changes}", clean(&h.key.to_string()))?;
                let mut table = new_table(options, &["date", "says", "value", "where", ""]);
                for e in &h.entries {
                    let c = &e.claim;
                    table.add_row(vec![
                        e.date.clone(),
                        clean(&c.text),
                        clean(&claim_value(c)),
                        clean(&format!("{}:{}:{}", e.version, c.span.line, c.span.column)),
                        if e.changed { "changed".to_string() } else { String::new() },
                    ]);
                }
                writeln!(out, "{table}")?;
            }
            let changed = history.iter().filter(|h| h.changes > 0).count();
            writeln!(
                out,
                "{} {} tracked, {changed} changed",
                history.len(),
                if history.len() == 1 { "figure" } else { "figures" }
            )?;
            Ok(())
        }
    }
}
