//! Many files at once: output order does not depend on the thread count,
//! piped stderr stays free of progress bars, and the sharding recipe of
//! `docs/scale.md` (N processes over N shards, outputs concatenated) finds
//! exactly what one process finds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const COMPANIES: &[&str] = &["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries"];

/// Write a ledger and `n` articles (a few of them in subfolders) under `dir`.
fn archive(dir: &Path, n: usize) -> (PathBuf, PathBuf) {
    let mut ledger = String::from(
        "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n",
    );
    for (c, name) in COMPANIES.iter().enumerate() {
        let slug = name.to_lowercase().replace(' ', "-");
        ledger.push_str(&format!(
            "{slug}-founded,{name},founded,,{},,,,,preferred,https://example.com/{slug},2025-01-01,\n",
            1990 + c
        ));
        for year in 2018..2025 {
            ledger.push_str(&format!(
                "{slug}-revenue-{year},{name},revenue,,{}000000,USD,{year},,,preferred,https://example.com/{slug}/{year},2025-01-01,\n",
                100 * (c + 1) + year - 2018
            ));
        }
    }
    let ledger_path = dir.join("ledger.csv");
    std::fs::write(&ledger_path, ledger).expect("write ledger");
    let articles = dir.join("articles");
    let mut seed: u64 = 7;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    for i in 0..n {
        let sub = if i % 4 == 0 { articles.join(format!("part-{}", i % 3)) } else { articles.clone() };
        std::fs::create_dir_all(&sub).expect("mkdir");
        let c = next(COMPANIES.len());
        let name = COMPANIES[c];
        let mut text = format!("{name} reports results\n\n");
        for _ in 0..1 + next(6) {
            let year = 2018 + next(7);
            let right = 100 * (c + 1) + year - 2018;
            let said = if next(3) == 0 { right + 1 + next(50) } else { right };
            text.push_str(&format!(
                "{name}, founded in {}, said its revenue was ${said} million in {year}. It has {} employees.\n\n",
                1990 + c + next(2),
                100 + next(9000)
            ));
        }
        let ext = ["txt", "md", "txt"][i % 3];
        std::fs::write(sub.join(format!("article-{i:03}.{ext}")), text).expect("write article");
    }
    (ledger_path, articles)
}

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.env("RUST_BACKTRACE", "0").env("NO_COLOR", "1").stdin(Stdio::null());
    cmd
}

fn run(args: &[&str], files: &[PathBuf]) -> Output {
    claimcheck().args(args).args(files).output().expect("run claimcheck")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn output_is_the_same_on_one_and_two_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ledger, articles) = archive(dir.path(), 40);
    for format in ["jsonl", "csv", "diag", "github", "table", "json"] {
        let one = run(
            &["audit", "-j1", "--ledger", s(&ledger), "--format", format],
            std::slice::from_ref(&articles),
        );
        let two = run(
            &["audit", "-j2", "--ledger", s(&ledger), "--format", format],
            std::slice::from_ref(&articles),
        );
        assert!(!one.stdout.is_empty(), "{format}: no output");
        assert_eq!(one.stdout, two.stdout, "{format}: -j1 and -j2 differ");
        assert_eq!(one.status.code(), two.status.code());
    }
    for format in ["jsonl", "csv", "table"] {
        let one = run(&["extract", "-j1", "--format", format], std::slice::from_ref(&articles));
        let two = run(&["extract", "--jobs", "2", "--format", format], std::slice::from_ref(&articles));
        assert_eq!(one.stdout, two.stdout, "extract {format}: -j1 and -j2 differ");
    }
}

#[test]
fn no_progress_bar_when_stderr_is_piped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ledger, articles) = archive(dir.path(), 60);
    let out = run(&["audit", "-j2", "--ledger", s(&ledger), "--format", "jsonl"], &[articles]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(1), "the generated archive has contradictions");
}

#[test]
fn unreadable_file_is_reported_in_order_and_the_rest_still_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ledger, articles) = archive(dir.path(), 6);
    let missing = dir.path().join("missing.txt");
    let out = run(&["audit", "-j2", "--ledger", s(&ledger), "--summary"], &[missing, articles]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("total (6 files)"), "{stdout}");
}

/// Every article under `dir`, sorted, as the map step of `docs/scale.md` lists them.
fn list(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("read_dir").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            list(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn three_shards_find_what_one_process_finds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ledger, articles) = archive(dir.path(), 45);
    let mut files = Vec::new();
    list(&articles, &mut files);
    // Map: three processes at once, one per round-robin shard.
    let children: Vec<_> = (0..3)
        .map(|k| {
            let shard: Vec<PathBuf> = files.iter().skip(k).step_by(3).cloned().collect();
            claimcheck()
                .args(["audit", "-j1", "--ledger", s(&ledger), "--format", "jsonl"])
                .args(&shard)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn shard")
        })
        .collect();
    let mut concatenated = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("shard ran");
        assert_eq!(out.stderr, b"", "{}", String::from_utf8_lossy(&out.stderr));
        concatenated.extend(out.stdout);
    }
    let whole = run(&["audit", "--ledger", s(&ledger), "--format", "jsonl"], std::slice::from_ref(&articles));
    let sorted = |bytes: &[u8]| {
        let mut lines: Vec<String> = String::from_utf8_lossy(bytes).lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    let (shards, one) = (sorted(&concatenated), sorted(&whole.stdout));
    assert!(one.len() > 45, "expected findings, got {}", one.len());
    assert_eq!(shards, one);
}
