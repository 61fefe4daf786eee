//! `ledger check`: every problem in a ledger, each with its position.
//!
//! Works on the compact [`Table`]s, not on [`super::Fact`]s, so a million
//! rows check in little more memory than the files take. Cross-row checks
//! (duplicate ids, conflicting preferred values) sort `(hash, row)` pairs
//! instead of building maps of strings.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;

use super::Rank;
use super::error::{Diagnostic, LedgerError, Severity};
use super::read::{self, COLUMNS, Columns, Table};
use super::value;

/// What `check` looks at beyond the format.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Warn about facts whose `as_of` is older than this many days.
    pub stale_after: Option<u32>,
    /// Today, for `stale_after`.
    pub today: chrono::NaiveDate,
}

/// The outcome of `check`.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Every problem, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Facts rows read.
    pub facts: usize,
    /// Files read.
    pub files: usize,
}

impl CheckReport {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
}

/// A diagnostic whose column is computed later, once per file.
struct Pending {
    table: usize,
    /// Data row, or `None` for the header.
    row: Option<usize>,
    field: usize,
    severity: Severity,
    message: String,
}

/// Case-insensitive hash of several strings.
fn key_hash(state: &std::hash::RandomState, parts: &[&str]) -> u64 {
    let mut h = state.build_hasher();
    for p in parts {
        for b in p.trim().bytes() {
            h.write_u8(b.to_ascii_lowercase());
        }
        h.write_u8(0xff);
    }
    h.finish()
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Check a ledger (a CSV file or a directory).
pub fn check(path: &Path, opts: &CheckOptions) -> Result<CheckReport, LedgerError> {
    let files = read::ledger_files(path)?;
    let mut tables = Vec::with_capacity(files.facts.len() + files.candidates.len() + 2);
    // Candidate rows are checked like facts, so a pull request that adds them stays clean.
    for f in files.facts.iter().chain(&files.candidates) {
        tables.push(read::read_table(f)?);
    }
    let n_facts = tables.len();
    let aliases = files.aliases.as_deref().map(read::read_table).transpose()?;
    let attributes = files.attributes.as_deref().map(read::read_table).transpose()?;
    let mut pending = Vec::new();
    let state = std::hash::RandomState::new();

    // Aliases first: the conflict check resolves entities through them.
    let mut alias_map: HashMap<String, String> = HashMap::new();
    let mut alias_rows = Vec::new();
    if let Some(t) = aliases {
        let ti = tables.len();
        pair_checks(&t, ti, "alias", "entity", &mut pending, &mut alias_rows);
        for &(row, l, r) in &alias_rows {
            let (alias, entity) = (t.cell(row, l).trim(), t.cell(row, r).trim());
            if alias.is_empty() || entity.is_empty() {
                continue;
            }
            let prev = alias_map.insert(alias.to_ascii_lowercase(), entity.to_owned());
            if let Some(prev) = prev.filter(|p| !same(p, entity)) {
                pending.push(Pending {
                    table: ti,
                    row: Some(row),
                    field: r,
                    severity: Severity::Error,
                    message: format!(
                        "alias `{alias}` points to `{entity}` here but to `{prev}` on an earlier line"
                    ),
                });
            }
        }
        tables.push(t);
    }
    if let Some(t) = attributes {
        let ti = tables.len();
        let mut rows = Vec::new();
        pair_checks(&t, ti, "synonym", "attribute", &mut pending, &mut rows);
        let mut seen: HashMap<String, String> = HashMap::new();
        for (row, l, r) in rows {
            let (syn, attr) = (t.cell(row, l).trim(), t.cell(row, r).trim());
            if let Some(prev) =
                seen.insert(syn.to_ascii_lowercase(), attr.to_owned()).filter(|p| !same(p, attr))
            {
                pending.push(Pending {
                    table: ti,
                    row: Some(row),
                    field: r,
                    severity: Severity::Error,
                    message: format!(
                        "synonym `{syn}` maps to `{attr}` here but to `{prev}` on an earlier line"
                    ),
                });
            }
        }
        tables.push(t);
    }
    let resolve = |name: &str| -> String {
        let mut cur = name.trim().to_owned();
        for _ in 0..=alias_map.len() {
            match alias_map.get(&cur.to_ascii_lowercase()) {
                Some(e) if !same(e, &cur) => cur = e.clone(),
                _ => break,
            }
        }
        cur
    };

    // Alias cycles and targets.
    let mut targets: HashMap<u64, Vec<(usize, String)>> = HashMap::new();
    if alias_map.is_empty() {
        // nothing
    } else if let Some(t) = tables.get(n_facts) {
        let ti = n_facts;
        for &(row, l, r) in &alias_rows {
            let alias = t.cell(row, l).trim();
            let entity = t.cell(row, r).trim();
            if alias.is_empty() || entity.is_empty() {
                continue;
            }
            let mut chain = vec![alias.to_owned()];
            let mut cur = entity.to_owned();
            let mut cyclic = false;
            while let Some(next) = alias_map.get(&cur.to_ascii_lowercase()) {
                if chain.iter().any(|c| same(c, &cur)) {
                    cyclic = true;
                    break;
                }
                chain.push(cur.clone());
                if same(next, &cur) || chain.len() > alias_map.len() + 1 {
                    break;
                }
                cur = next.clone();
            }
            if cyclic {
                chain.push(cur);
                pending.push(Pending {
                    table: ti,
                    row: Some(row),
                    field: l,
                    severity: Severity::Error,
                    message: format!("alias cycle: {}", chain.join(" -> ")),
                });
            } else {
                targets.entry(key_hash(&state, &[&cur])).or_default().push((row, cur));
            }
        }
    }
    let mut found_rows: HashMap<usize, bool> = HashMap::new();

    let mut ids: Vec<(u64, u32, u32)> = Vec::new();
    let mut keys: Vec<(u64, u32, u32)> = Vec::new();
    let mut problems = Vec::new();
    let mut n_rows = 0;
    let stale_before = opts.stale_after.map(|d| opts.today - chrono::Days::new(u64::from(d)));
    for (ti, t) in tables.iter().enumerate().take(n_facts) {
        let cols = Columns::new(&t.header);
        for (c, name) in COLUMNS.iter().enumerate() {
            if read::REQUIRED.contains(&c) && cols.idx[c].is_none() {
                pending.push(Pending {
                    table: ti,
                    row: None,
                    field: 0,
                    severity: Severity::Error,
                    message: format!("missing required column `{name}`"),
                });
            }
        }
        for &i in &cols.unknown {
            pending.push(Pending {
                table: ti,
                row: None,
                field: i,
                severity: Severity::Error,
                message: format!("unknown column `{}` (expected one of {})", t.header[i], COLUMNS.join(", ")),
            });
        }
        for &i in &cols.repeated {
            pending.push(Pending {
                table: ti,
                row: None,
                field: i,
                severity: Severity::Error,
                message: format!("column `{}` appears twice", t.header[i]),
            });
        }
        n_rows += t.len();
        for row in 0..t.len() {
            let cells = cols.cells(t, row);
            problems.clear();
            let parsed = read::parse_row(&cells, &mut problems);
            for (c, message) in problems.drain(..) {
                let Some(field) = cols.idx[c] else { continue }; // reported as a missing column
                pending.push(Pending {
                    table: ti,
                    row: Some(row),
                    field,
                    severity: Severity::Error,
                    message,
                });
            }
            let id = cells[read::ID].trim();
            if !id.is_empty() {
                ids.push((key_hash(&state, &[id]), ti as u32, row as u32));
            }
            if parsed.rank == Some(Rank::Preferred) && parsed.value.is_some() {
                let entity = resolve(cells[read::ENTITY]);
                let k = [
                    entity.as_str(),
                    cells[read::ATTRIBUTE],
                    cells[read::OBJECT],
                    &value::canonical_period(cells[read::PERIOD]).unwrap_or_default(),
                ];
                keys.push((key_hash(&state, &k), ti as u32, row as u32));
            }
            if let (Some(before), Some(i)) = (stale_before, cols.idx[read::AS_OF]) {
                let as_of = cells[read::AS_OF].trim();
                if value::iso_date_start(as_of).is_some_and(|d| d < before) {
                    pending.push(Pending {
                        table: ti,
                        row: Some(row),
                        field: i,
                        severity: Severity::Warning,
                        message: format!(
                            "fact last checked on {as_of}, more than {} days ago: check it again",
                            opts.stale_after.unwrap_or(0)
                        ),
                    });
                }
            }
            if !targets.is_empty() {
                for name in [cells[read::ENTITY], cells[read::OBJECT]] {
                    if name.trim().is_empty() {
                        continue;
                    }
                    if let Some(list) = targets.get(&key_hash(&state, &[name])) {
                        for (arow, target) in list {
                            if same(target, name) {
                                found_rows.insert(*arow, true);
                            }
                        }
                    }
                }
            }
        }
    }
    if let Some(t) = tables.get(n_facts).filter(|_| !alias_map.is_empty()) {
        for list in targets.values() {
            for (row, target) in list {
                if !found_rows.contains_key(row) {
                    let field = t.header.iter().position(|h| h == "entity").unwrap_or(1);
                    pending.push(Pending {
                        table: n_facts,
                        row: Some(*row),
                        field,
                        severity: Severity::Error,
                        message: format!(
                            "alias points to unknown entity `{target}` (no fact has it as entity or object)"
                        ),
                    });
                }
            }
        }
    }

    // Duplicate ids.
    ids.sort_unstable();
    for group in ids.chunk_by(|a, b| a.0 == b.0) {
        for (i, &(_, t, r)) in group.iter().enumerate() {
            let id = id_cell(&tables[t as usize], r as usize);
            if let Some(&(_, t0, r0)) =
                group[..i].iter().find(|(_, t0, r0)| id_cell(&tables[*t0 as usize], *r0 as usize) == id)
            {
                let first = &tables[t0 as usize];
                let field = Columns::new(&tables[t as usize].header).idx[read::ID].unwrap_or(0);
                pending.push(Pending {
                    table: t as usize,
                    row: Some(r as usize),
                    field,
                    severity: Severity::Error,
                    message: format!(
                        "duplicate id `{id}` (first used at {}:{})",
                        first.path.display(),
                        first.line(r0 as usize)
                    ),
                });
            }
        }
    }

    // Two preferred facts with the same key and different values.
    keys.sort_unstable();
    for group in keys.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 {
            continue;
        }
        let rows: Vec<_> = group
            .iter()
            .map(|&(_, t, r)| {
                let table = &tables[t as usize];
                let cols = Columns::new(&table.header);
                let cells = cols.cells(table, r as usize);
                let key = [
                    resolve(cells[read::ENTITY]),
                    cells[read::ATTRIBUTE].trim().to_owned(),
                    cells[read::OBJECT].trim().to_owned(),
                    value::canonical_period(cells[read::PERIOD]).unwrap_or_default(),
                ];
                let v = value::parse_value(cells[read::VALUE], cells[read::UNIT]).ok();
                let unit = cells[read::UNIT].trim().to_owned();
                let shown = v.as_ref().map(|v| v.canonical.clone()).unwrap_or_default();
                let unit =
                    if unit.is_empty() { v.and_then(|v| v.unit).unwrap_or("").to_owned() } else { unit };
                (t as usize, r as usize, key, shown, unit, cols.idx[read::VALUE].unwrap_or(0))
            })
            .collect();
        for (i, (t, r, key, val, unit, field)) in rows.iter().enumerate() {
            let earlier = rows[..i].iter().find(|o| {
                o.2.iter().zip(key.iter()).all(|(a, b)| same(a, b)) && (o.3 != *val || o.4 != *unit)
            });
            let agreed = rows[..i]
                .iter()
                .any(|o| o.2.iter().zip(key.iter()).all(|(a, b)| same(a, b)) && o.3 == *val && o.4 == *unit);
            if let (Some(o), false) = (earlier, agreed) {
                let other = &tables[o.0];
                let what: Vec<&str> = key.iter().map(String::as_str).filter(|s| !s.is_empty()).collect();
                pending.push(Pending {
                    table: *t,
                    row: Some(*r),
                    field: *field,
                    severity: Severity::Error,
                    message: format!(
                        "conflicting preferred values for {}: `{}` here, `{}` at {}:{}; rank one of them normal, deprecated or disputed",
                        what.join(" / "),
                        join_unit(val, unit),
                        join_unit(&o.3, &o.4),
                        other.path.display(),
                        other.line(o.1)
                    ),
                });
            }
        }
    }

    let mut diagnostics = resolve_positions(&tables, pending);
    diagnostics
        .sort_by(|a, b| (&a.path, a.line, a.col, a.severity).cmp(&(&b.path, b.line, b.col, b.severity)));
    Ok(CheckReport { diagnostics, facts: n_rows, files: tables.len() })
}

fn join_unit(v: &str, unit: &str) -> String {
    if unit.is_empty() { v.to_owned() } else { format!("{v} {unit}") }
}

fn id_cell(t: &Table, row: usize) -> &str {
    match t.header.iter().position(|h| h == "id") {
        Some(i) => t.cell(row, i).trim(),
        None => "",
    }
}

/// Header and empty-cell checks of a two-column file; pushes `(row, left, right)` for each row.
fn pair_checks(
    t: &Table,
    ti: usize,
    left: &str,
    right: &str,
    pending: &mut Vec<Pending>,
    rows: &mut Vec<(usize, usize, usize)>,
) {
    let l = t.header.iter().position(|h| h == left);
    let r = t.header.iter().position(|h| h == right);
    for (name, i) in [(left, l), (right, r)] {
        if i.is_none() {
            pending.push(Pending {
                table: ti,
                row: None,
                field: 0,
                severity: Severity::Error,
                message: format!("missing required column `{name}` (expected the header `{left},{right}`)"),
            });
        }
    }
    for (i, h) in t.header.iter().enumerate() {
        if h != left && h != right {
            pending.push(Pending {
                table: ti,
                row: None,
                field: i,
                severity: Severity::Error,
                message: format!("unknown column `{h}` (expected `{left},{right}`)"),
            });
        }
    }
    let (Some(l), Some(r)) = (l, r) else { return };
    for row in 0..t.len() {
        for (name, i) in [(left, l), (right, r)] {
            if t.cell(row, i).trim().is_empty() {
                pending.push(Pending {
                    table: ti,
                    row: Some(row),
                    field: i,
                    severity: Severity::Error,
                    message: format!("missing {name}"),
                });
            }
        }
        rows.push((row, l, r));
    }
}

fn resolve_positions(tables: &[Table], mut pending: Vec<Pending>) -> Vec<Diagnostic> {
    pending.sort_by_key(|p| p.table);
    let mut out = Vec::with_capacity(pending.len());
    for group in pending.chunk_by(|a, b| a.table == b.table) {
        let t = &tables[group[0].table];
        let text = std::fs::read(&t.path)
            .map(|b| {
                let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b);
                String::from_utf8_lossy(b).into_owned()
            })
            .unwrap_or_default();
        let index = crate::span::LineIndex::new(&text);
        for p in group {
            let start = p.row.map_or(0, |r| t.offset(r) as usize);
            let (line, col) = if text.is_empty() {
                (p.row.map_or(1, |r| t.line(r)), 1)
            } else {
                read::locate_with(&text, &index, start, p.field)
            };
            out.push(Diagnostic {
                severity: p.severity,
                path: t.path.clone(),
                line,
                col,
                message: p.message.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(facts: &str, aliases: Option<&str>) -> Vec<String> {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("facts.csv"), facts).expect("write");
        if let Some(a) = aliases {
            std::fs::write(dir.path().join("aliases.csv"), a).expect("write");
        }
        let opts = CheckOptions { stale_after: None, today: chrono::NaiveDate::MIN };
        let report = check(dir.path(), &opts).expect("checks");
        report.diagnostics.iter().map(|d| format!("{}:{}: {}", d.line, d.col, d.message)).collect()
    }

    const H: &str = "id,entity,attribute,object,value,unit,period,rank,source\n";

    #[test]
    fn conflicts_resolve_aliases_and_respect_ranks() {
        let facts = format!(
            "{H}a,Meta,investment,Scale AI,14300000000,USD,2025-06-12,,s\n\
             b,Facebook,investment,Scale AI,14800000000,USD,2025-06-12,deprecated,s\n\
             c,facebook,investment,scale ai,14000000000,USD,2025-06-12,preferred,s\n\
             d,Meta,investment,Scale AI,14300000000,USD,2025-06-12,,s2\n"
        );
        let d = run(&facts, Some("alias,entity\nFacebook,Meta\n"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].starts_with("4:32: conflicting preferred values"), "{d:?}");
    }

    #[test]
    fn alias_problems() {
        let facts = format!("{H}a,Meta,founded,,2004,,,,s\n");
        let d = run(&facts, Some("alias,entity\nFacebook,Meta\nX,Y\nY,X\nFacebook,Other\n"));
        assert!(d.iter().any(|m| m.contains("alias cycle: X -> Y -> X")), "{d:?}");
        assert!(d.iter().any(|m| m.contains("points to `Other` here but to `Meta`")), "{d:?}");
        assert!(!d.iter().any(|m| m.contains("unknown entity `Meta`")), "{d:?}");
    }

    #[test]
    fn finds_default_ledger_in_git_work_tree() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join(".git")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("claims")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("a/b")).expect("mkdir");
        let found = super::super::find_default_ledger(&dir.path().join("a/b"));
        assert_eq!(found, Some(dir.path().join("claims")));
    }
}
