//! `claimcheck ledger` end to end: add, merge, crash safety, concurrency, and
//! the project's own ledger.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;

const HEADER: &str =
    "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n";

fn claimcheck() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("claimcheck");
    cmd.env("RUST_BACKTRACE", "0").env("NO_COLOR", "1");
    cmd
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("readable")
}

#[test]
fn own_claims_ledger_is_clean_and_formatted() {
    claimcheck().args(["ledger", "check", "--ledger", "../../claims"]).assert().code(0);
    claimcheck().args(["ledger", "fmt", "--check", "--ledger", "../../claims"]).assert().code(0).stdout("");
}

#[test]
fn verify_dev_style_ledger_without_rank_column_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("facts.csv"),
        "id,entity,attribute,object,value,unit,period,qualifier,tolerance,source,as_of,note\n\
         a,Netflix,price,,7.99..24.99,USD,2025-01-21,,,s,,\n\
         b,Microsoft,revenue,,85300000000,USD,FY2016,approximately,5%,s,,\n\
         c,Airbnb,revenue,,2220000000,USD,2023-Q4,at_least,,s,,\n\
         d,LinkedIn,founded,,2002-12,,,,,s,,\n",
    )
    .expect("write");
    claimcheck().args(["ledger", "check", "--ledger"]).arg(dir.path()).assert().code(0);
}

#[test]
fn add_inserts_in_canonical_position_and_refuses_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    std::fs::write(&facts, format!("{HEADER}z,Zeta,founded,,2001,,,,,,s,,\n")).expect("write");
    let add = |value: &str| {
        let mut c = claimcheck();
        c.args(["ledger", "add", "--ledger"]).arg(dir.path()).args([
            "--entity",
            "Alpha",
            "--attribute",
            "revenue",
            "--value",
            value,
            "--period",
            "2023",
            "--source",
            "https://example.com",
        ]);
        c
    };
    add("$14.3 billion").assert().code(0);
    assert_eq!(
        read(&facts),
        format!(
            "{HEADER}alpha-revenue-2023,Alpha,revenue,,14300000000,USD,2023,,,,https://example.com,,\nz,Zeta,founded,,2001,,,,,,s,,\n"
        )
    );
    add("14300000000").assert().code(1).stderr(predicates::str::contains("already holds this fact"));
    claimcheck()
        .args(["ledger", "add", "--ledger"])
        .arg(dir.path())
        .args(["--entity", "A", "--attribute", "x", "--value", "2OO"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("without a source"));
    claimcheck()
        .args(["ledger", "add", "--ledger"])
        .arg(dir.path())
        .args(["--entity", "A", "--attribute", "x", "--value", "2OO", "--source", "s"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`2OO` is not a number"));
}

fn merge_case(base: &str, ours: &str, theirs: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |n: &str, t: &str| {
        let path = dir.path().join(n);
        std::fs::write(&path, t).expect("write");
        path
    };
    let (b, o, t) = (p("base.csv", base), p("ours.csv", ours), p("theirs.csv", theirs));
    let out = claimcheck().args(["ledger", "merge"]).arg(&b).arg(&o).arg(&t).output().expect("runs");
    (out.status.code().unwrap_or(-1), read(&o), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn merge_disjoint_additions_is_clean() {
    let base = format!("{HEADER}a,A,x,,1,,,,,,s,,\n");
    let (code, merged, _) =
        merge_case(&base, &format!("{base}b,B,x,,2,,,,,,s,,\n"), &format!("{base}c,C,x,,3,,,,,,s,,\n"));
    assert_eq!(code, 0);
    assert_eq!(merged, format!("{base}b,B,x,,2,,,,,,s,,\nc,C,x,,3,,,,,,s,,\n"));
}

#[test]
fn merge_same_row_changed_twice_conflicts_and_keeps_both() {
    let (code, merged, err) = merge_case(
        &format!("{HEADER}a,A,x,,1,,,,,,s,,\n"),
        &format!("{HEADER}a,A,x,,2,,,,,,s,,\n"),
        &format!("{HEADER}a,A,x,,3,,,,,,s,,\n"),
    );
    assert_eq!(code, 1);
    assert!(err.contains("row `a` changed differently on both sides"), "{err}");
    assert!(merged.contains("a,A,x,,2,,,,,,s,,\n"), "{merged}");
    assert!(merged.contains("a,A,x,,3,,,,,,s,,MERGE CONFLICT (theirs):\n"), "{merged}");
}

fn big_ledger(rows: usize) -> String {
    let mut s = String::from("entity,attribute,value,unit,period,source\n");
    for i in (0..rows).rev() {
        s.push_str(&format!("Entity {i},revenue,{i}.5k,USD,2023,\"https://example.com/{i}, page\"\n"));
    }
    s
}

fn add_args(facts: &Path) -> Vec<std::ffi::OsString> {
    let mut a: Vec<std::ffi::OsString> = ["ledger", "add", "--ledger"].iter().map(Into::into).collect();
    a.push(facts.into());
    for x in
        ["--entity", "Aardvark", "--attribute", "revenue", "--value", "5", "--unit", "USD", "--source", "s"]
    {
        a.push(x.into());
    }
    a
}

/// Kill `ledger fmt` (even iterations) or `ledger add` (odd ones) at varying
/// moments: the file must always be exactly the old or the new ledger.
#[test]
fn kill_during_write_leaves_old_or_new_ledger() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    let raw = big_ledger(20_000);
    std::fs::write(&facts, &raw).expect("write");
    claimcheck().args(["ledger", "fmt", "--ledger"]).arg(&facts).assert().code(0);
    let formatted = read(&facts);
    assert_ne!(raw, formatted);
    claimcheck().args(add_args(&facts)).assert().code(0);
    let added = read(&facts);
    assert_ne!(added, formatted);
    for i in 0..20u64 {
        let (old, new, args) = if i % 2 == 0 {
            let args = vec!["ledger".into(), "fmt".into(), "--ledger".into(), facts.clone().into_os_string()];
            (&raw, &formatted, args)
        } else {
            (&formatted, &added, add_args(&facts))
        };
        std::fs::write(&facts, old).expect("write");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(Duration::from_millis(5 + (i * 37) % 600));
        let _ = child.kill();
        let _ = child.wait();
        let now = read(&facts);
        assert!(now == *old || now == *new, "iteration {i}: ledger is neither the old nor the new one");
        claimcheck().args(["ledger", "check", "--ledger"]).arg(&facts).assert().code(0);
    }
}

#[test]
fn concurrent_adds_keep_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    std::fs::write(&facts, HEADER).expect("write");
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let facts = facts.clone();
            std::thread::spawn(move || {
                for i in 0..10 {
                    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
                        .args(["ledger", "add", "--ledger"])
                        .arg(&facts)
                        .args(["--entity", &format!("Worker {w}"), "--attribute", "count"])
                        .args(["--value", &i.to_string(), "--unit", "items", "--source", "test"])
                        .stderr(Stdio::null())
                        .status()
                        .expect("runs");
                    assert!(status.success(), "worker {w} add {i} failed");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let text = read(&facts);
    assert_eq!(text.lines().count(), 81, "{text}");
    for w in 0..8 {
        for i in 0..10 {
            assert!(text.contains(&format!(",Worker {w},count,,{i},items,")), "worker {w} row {i} missing");
        }
    }
}
