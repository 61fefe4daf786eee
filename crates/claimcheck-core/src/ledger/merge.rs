//! `ledger merge`: a three-way merge of ledger files, row by row on `id`
//! (a git merge driver).
//!
//! Rows are compared in canonical form, so formatting differences never
//! conflict. Rows without an id (and `aliases.csv` rows) are keyed by their
//! whole content: adding and removing them merges as a set.
//!
//! A row changed differently on both sides is a conflict. Nothing is
//! dropped: the result keeps our row as it is and adds their row with the
//! same id and `note` starting with [`CONFLICT_MARK`]. The duplicate id makes
//! `ledger check` fail until someone resolves it.

use std::collections::HashMap;
use std::path::Path;

use super::error::LedgerError;
use super::fmt::{FileKind, FmtTable};
use super::read::{self, COLUMNS};

/// Starts the `note` of their side of a conflicting row.
pub const CONFLICT_MARK: &str = "MERGE CONFLICT (theirs):";

/// The merged text and the conflicts found.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged file, canonical.
    pub text: String,
    /// One line per conflicting row.
    pub conflicts: Vec<String>,
}

/// Merge three versions of one ledger file (`path` names it in messages).
pub fn merge(path: &Path, base: &str, ours: &str, theirs: &str) -> Result<Merged, LedgerError> {
    let parse = |text: &str| -> Result<FmtTable, LedgerError> {
        let t = read::parse_table(path, text)?;
        let kind = FileKind::of_header(&t.header);
        let mut ft = FmtTable::new(&t, kind);
        ft.canonicalize(None);
        Ok(ft)
    };
    let (b, mut o, t) = (parse(base)?, parse(ours)?, parse(theirs)?);
    // The result's header: ours, plus columns only the others have.
    let mut header = o.header.clone();
    for h in b.header.iter().chain(&t.header) {
        if !header.contains(h) {
            header.push(h.clone());
        }
    }
    let keyed = |ft: &FmtTable| -> (Vec<String>, HashMap<String, Vec<String>>) {
        let mut order = Vec::new();
        let mut map = HashMap::new();
        for row in &ft.rows {
            let cells: Vec<String> = header
                .iter()
                .map(|h| ft.header.iter().position(|x| x == h).map(|i| row[i].clone()).unwrap_or_default())
                .collect();
            let key = if ft.kind == FileKind::Facts && !cells[read::ID].is_empty() {
                format!("id\u{1f}{}", cells[read::ID])
            } else {
                format!("row\u{1f}{}", cells.join("\u{1f}"))
            };
            if map.insert(key.clone(), cells).is_none() {
                order.push(key);
            }
        }
        (order, map)
    };
    let (bo, bm) = keyed(&b);
    let (oo, om) = keyed(&o);
    let (to, tm) = keyed(&t);
    let mut keys = oo;
    let mut seen: std::collections::HashSet<String> = keys.iter().cloned().collect();
    for k in to.into_iter().chain(bo) {
        if seen.insert(k.clone()) {
            keys.push(k);
        }
    }
    let note = header.iter().position(|h| h == COLUMNS[read::NOTE]);
    let mut rows = Vec::new();
    let mut conflicts = Vec::new();
    for k in &keys {
        let (bv, ov, tv) = (bm.get(k), om.get(k), tm.get(k));
        if ov == tv || bv == tv {
            rows.extend(ov.cloned());
        } else if bv == ov {
            rows.extend(tv.cloned());
        } else {
            let name = k.split('\u{1f}').nth(1).unwrap_or_default();
            let what = match (ov, tv) {
                (Some(_), Some(_)) => "changed differently on both sides",
                (Some(_), None) => "changed on our side, deleted on theirs",
                _ => "deleted on our side, changed on theirs",
            };
            conflicts.push(format!("{}: row `{name}` {what}", path.display()));
            rows.extend(ov.cloned());
            if let Some(tv) = tv {
                let mut tv = tv.clone();
                if ov.is_some()
                    && let Some(n) = note
                {
                    tv[n] = if tv[n].is_empty() {
                        CONFLICT_MARK.to_owned()
                    } else {
                        format!("{CONFLICT_MARK} {}", tv[n])
                    };
                }
                rows.push(tv);
            }
        }
    }
    o.header = header;
    o.rows = rows;
    o.canonicalize(None);
    Ok(Merged { text: o.render(), conflicts })
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str =
        "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n";

    #[test]
    fn disjoint_additions_merge_cleanly() {
        let base = format!("{H}a,A,x,,1,,,,,,s,,\n");
        let ours = format!("{base}b,B,x,,2,,,,,,s,,\n");
        let theirs = format!("{base}c,C,x,,3,,,,,,s,,\n");
        let m = merge(Path::new("f.csv"), &base, &ours, &theirs).expect("merges");
        assert!(m.conflicts.is_empty());
        assert_eq!(m.text, format!("{base}b,B,x,,2,,,,,,s,,\nc,C,x,,3,,,,,,s,,\n"));
    }

    #[test]
    fn same_row_changed_twice_conflicts_and_keeps_both() {
        let base = format!("{H}a,A,x,,1,,,,,,s,,\n");
        let ours = format!("{H}a,A,x,,2,,,,,,s,,\n");
        let theirs = format!("{H}a,A,x,,3,,,,,,s,,\n");
        let m = merge(Path::new("f.csv"), &base, &ours, &theirs).expect("merges");
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.text.contains("a,A,x,,2,,,,,,s,,\n"));
        assert!(m.text.contains(&format!("a,A,x,,3,,,,,,s,,{CONFLICT_MARK}\n")));
    }

    #[test]
    fn one_side_change_wins() {
        let base = format!("{H}a,A,x,,1,,,,,,s,,\n");
        let ours = base.clone();
        let theirs = format!("{H}a,A,x,,3,,,,,,s,,\n");
        let m = merge(Path::new("f.csv"), &base, &ours, &theirs).expect("merges");
        assert!(m.conflicts.is_empty());
        assert_eq!(m.text, theirs);
    }
}
