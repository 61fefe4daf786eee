//! `claimcheck harvest` end to end: the verify-dev ledger harvested back from
//! source documents that state its facts, and candidates kept apart from
//! reviewed facts.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

fn claimcheck() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("claimcheck");
    cmd.env("RUST_BACKTRACE", "0").env("NO_COLOR", "1");
    cmd
}

const LEDGER: &str = "../../fixtures/ledgers/verify-dev";
const SOURCES: &str = "../../fixtures/sources/verify-dev";

/// Harvesting `fixtures/sources/verify-dev` (press releases, filings and fact
/// sheets written for this test) reproduces at least 90% of the 97 facts of
/// the verify-dev ledger with agreeing values. The ledger lends only its
/// names and aliases for attribution; every value comes from the documents.
/// A fact counts as reproduced when a candidate row is marked as its
/// duplicate: same entity, attribute, object and period, value within the
/// audit's tolerance. `scripts/harvest-reproduction` prints the misses.
#[test]
fn verify_dev_ledger_is_reproduced_from_its_sources() {
    let out = claimcheck()
        .args([
            "harvest",
            "--source-name",
            "verify-dev sources",
            "--format",
            "jsonl",
            "--ledger",
            LEDGER,
            SOURCES,
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reproduced = BTreeSet::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        if row["status"] == "duplicate" {
            reproduced.insert(row["fact"].as_str().unwrap_or_default().to_owned());
        }
    }
    let facts = claimcheck_core::ledger::Ledger::load(Path::new(LEDGER)).expect("ledger loads").facts.len();
    assert_eq!(facts, 97);
    let share = reproduced.len() as f64 / facts as f64;
    println!("reproduced: {}/{facts} ({:.0}%)", reproduced.len(), share * 100.0);
    assert!(share >= 0.90, "reproduced only {}/{facts}", reproduced.len());
}

/// The copy in `fixtures/ledgers/verify-dev` is the shared development set's
/// ledger, where that is checked out next to the repository.
#[test]
fn verify_dev_ledger_copy_is_current() {
    let shared = Path::new("../../../shared/verify-dev/ledger");
    if !shared.is_dir() {
        return;
    }
    for name in ["facts.csv", "aliases.csv"] {
        let ours = std::fs::read_to_string(Path::new(LEDGER).join(name)).expect("copy readable");
        let theirs = std::fs::read_to_string(shared.join(name)).expect("shared readable");
        assert_eq!(ours, theirs, "{name} differs from ../shared/verify-dev/ledger/{name}");
    }
}

const HEADER: &str =
    "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n";

/// `candidates.csv` in the ledger folder is checked by `ledger check` but
/// never used by `audit` as a fact.
#[test]
fn candidates_are_not_facts_for_audit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let claims = dir.path().join("claims");
    std::fs::create_dir(&claims).expect("mkdir");
    std::fs::write(
        claims.join("facts.csv"),
        format!("{HEADER}acme-founded,Acme,founded,,1999,,,,,,Wikipedia,,\n"),
    )
    .expect("write");
    std::fs::write(
        claims.join("candidates.csv"),
        format!("{HEADER}acme-founded-2,Acme,founded,,1998,,,,,normal,PR (pr.txt:1:1),,CONFLICT with acme-founded: ledger says 1999\n"),
    )
    .expect("write");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Acme was founded in 1999.\n").expect("write");
    let ledger = claims.to_str().expect("utf-8 path");
    claimcheck()
        .args(["audit", "--format", "jsonl", "--ledger", ledger])
        .arg(&article)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("\"verdict\":\"supported\""));
    claimcheck().args(["ledger", "check", "--ledger", ledger]).assert().code(0);
    claimcheck().args(["ledger", "fmt", "--check", "--ledger", ledger]).assert().code(0);
    // A bad candidate row fails the check like a bad fact.
    std::fs::write(claims.join("candidates.csv"), format!("{HEADER}x,Acme,founded,,19x8,,,,,normal,PR,,\n"))
        .expect("write");
    claimcheck()
        .args(["ledger", "check", "--ledger", ledger])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("candidates.csv:2:"));
}
