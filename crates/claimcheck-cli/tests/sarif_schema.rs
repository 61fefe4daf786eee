//! `audit --format sarif` against the official SARIF 2.1.0 JSON schema
//! (`tests/sarif-schema-2.1.0.json`; see the NOTICE file beside it).

use std::path::{Path, PathBuf};

use assert_cmd::cargo_bin_cmd;
use serde_json::Value;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

fn validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(workspace_root().join("tests/sarif-schema-2.1.0.json")).expect("schema");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    // The published schema's `language` patterns have a stray `]`, which the
    // meta-schema rejects as a regex. We never emit `language`; swap in the
    // evidently intended pattern (a two-letter code, optionally with region).
    assert_eq!(fix_language_patterns(&mut schema), 2, "the erratum is still there");
    jsonschema::options().build(&schema).expect("schema compiles")
}

const BAD_LANGUAGE: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn fix_language_patterns(v: &mut Value) -> usize {
    match v {
        Value::Object(map) => {
            let mut n = 0;
            for (k, x) in map.iter_mut() {
                if k == "pattern" && x == BAD_LANGUAGE {
                    *x = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    n += 1;
                } else {
                    n += fix_language_patterns(x);
                }
            }
            n
        }
        Value::Array(items) => items.iter_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}

fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator.iter_errors(log).map(|e| format!("{e} (at {})", e.instance_path())).collect()
}

fn sarif(cwd: &Path, args: &[&str]) -> Value {
    let out = cargo_bin_cmd!("claimcheck")
        .current_dir(cwd)
        .env("RUST_BACKTRACE", "0")
        .env("NO_COLOR", "1")
        .args(["audit", "--format", "sarif"])
        .args(args)
        .output()
        .expect("runs claimcheck");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

#[test]
fn fixture_report_is_valid_sarif() {
    let v = validator();
    let root = workspace_root();
    for extra in [&[][..], &["--sarif-include-unverified"][..]] {
        let mut args =
            vec!["--ledger", "claims", "--reference-date", "2025-08-22", "fixtures/meta-midjourney.txt"];
        args.extend_from_slice(extra);
        let log = sarif(&root, &args);
        assert_eq!(errors(&v, &log), Vec::<String>::new(), "{log:#}");
        assert!(!log["runs"][0]["results"].as_array().expect("results").is_empty());
    }
}

#[test]
fn contradiction_with_awkward_path_is_valid_sarif() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("ledger")).expect("mkdir");
    std::fs::write(
        dir.path().join("ledger/facts.csv"),
        "id,entity,attribute,value,unit,period,source\nacme-revenue-2024,Acme,revenue,200000000,USD,2024,\"Acme report\"\n",
    )
    .expect("write ledger");
    std::fs::create_dir(dir.path().join("news é")).expect("mkdir");
    std::fs::write(
        dir.path().join("news é/a#1.md"),
        "Über alles: Acme's revenue reached $250 million in 2024.\n",
    )
    .expect("write article");
    let log = sarif(dir.path(), &["--ledger", "ledger", "--reference-date", "2025-08-22", "news é/a#1.md"]);
    let v = validator();
    assert_eq!(errors(&v, &log), Vec::<String>::new(), "{log:#}");
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "contradicted", "{log:#}");
    assert_eq!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "news%20%C3%A9/a%231.md");

    // The validator is live: a wrong level and a missing message fail.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = log;
    bad["runs"][0]["results"][0].as_object_mut().expect("object").remove("message");
    assert!(!errors(&v, &bad).is_empty());
}
