//! Hostile input and faults, end to end: unreadable and looping inputs, huge
//! fields, output that must not inject anything into a spreadsheet, a browser
//! or a terminal, many concurrent writers, and a full disk.
//! See `docs/robustness.md`.

use std::path::Path;
use std::process::Stdio;

use assert_cmd::cargo::cargo_bin_cmd;

const HEADER: &str =
    "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n";

fn claimcheck() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("claimcheck");
    cmd.env("RUST_BACKTRACE", "0").env("NO_COLOR", "1");
    cmd
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Files in `dir` other than the ledger and its lock.
fn leftovers(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

#[test]
fn unreadable_article_is_reported_and_the_rest_still_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked.txt");
    let ok = dir.path().join("ok.txt");
    std::fs::write(&locked, "Meta paid $14.3 billion.\n").expect("write");
    std::fs::write(&ok, "Meta paid $14.3 billion.\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root (and CAP_DAC_OVERRIDE) reads anything: then there is nothing to test.
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: this user can read a mode-000 file (running as root?)");
        return;
    }
    let (code, out, err) = stdout_of(claimcheck().current_dir(dir.path()).args([
        "extract",
        "--format",
        "jsonl",
        "locked.txt",
        "ok.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("claimcheck: error: locked.txt: Permission denied"), "{err}");
    assert!(out.contains("\"file\":\"ok.txt\""), "{out}");
}

#[test]
fn symlink_loop_in_directory_walk_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("articles/sub");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::write(sub.join("a.txt"), "Meta paid $14.3 billion.\n").expect("write");
    std::os::unix::fs::symlink("..", sub.join("up")).expect("symlink");
    std::os::unix::fs::symlink(".", sub.join("self")).expect("symlink");
    std::os::unix::fs::symlink("nowhere", sub.join("dangling.md")).expect("symlink");
    let mut cmd = claimcheck();
    cmd.current_dir(dir.path()).args(["extract", "--format", "jsonl", "articles"]);
    cmd.timeout(std::time::Duration::from_secs(60));
    let (code, out, err) = stdout_of(&mut cmd);
    // The dangling link looks like an article and cannot be read: exit 2.
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("articles/sub/dangling.md: No such file"), "{err}");
    assert!(err.contains("articles/sub/self: directory already walked"), "{err}");
    assert!(err.contains("articles/sub/up: directory already walked"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The article is read exactly once.
    assert_eq!(out.matches("\"file\":\"articles/sub/a.txt\"").count(), 1, "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn ten_mb_single_field_ledger_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    let note = "x".repeat(10 * 1024 * 1024);
    std::fs::write(&facts, format!("{HEADER}a,Meta,revenue,,134900000000,USD,2023,,,,s,,\"{note}\"\n"))
        .expect("write");
    claimcheck().args(["ledger", "check", "--ledger"]).arg(&facts).assert().code(0);
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Meta's revenue was $134.9 billion in 2023.\n").expect("write");
    claimcheck().args(["audit", "--format", "jsonl", "--ledger"]).arg(&facts).arg(&article).assert().code(0);
    // The same field never closed is refused, not read to the end of the file.
    std::fs::write(&facts, format!("{HEADER}a,Meta,revenue,,134900000000,USD,2023,,,,s,,\"{note}\n"))
        .expect("write");
    let (code, _, err) = stdout_of(claimcheck().args(["ledger", "check", "--ledger"]).arg(&facts));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("facts.csv:2:"), "{err}");
    assert!(err.contains("a quoted field is never closed"), "{err}");
}

const HOSTILE_LINES: [&str; 4] = [
    "=HYPERLINK(\"http://x\") Meta paid $14.3 billion for Scale AI.",
    "+1 Meta's revenue was $134.9 billion in 2023.",
    "-2+3 Midjourney had revenue of $200 million in 2023.",
    "@SUM(A1) Meta was founded in 2004.",
];

#[test]
fn csv_output_never_starts_a_cell_with_a_formula() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("hostile.txt");
    // Each line its own paragraph so sentences start with the payload.
    std::fs::write(&article, HOSTILE_LINES.join("\n\n") + "\n").expect("write");
    let check = |out: &str| {
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
        let mut cells = 0;
        for record in rdr.records() {
            for cell in record.expect("valid CSV").iter() {
                cells += 1;
                let plain_number = cell.parse::<f64>().is_ok();
                assert!(
                    plain_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "formula-like cell {cell:?} in\n{out}"
                );
            }
        }
        cells
    };
    let (code, out, err) = stdout_of(claimcheck().args(["extract", "--format", "csv"]).arg(&article));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("'=HYPERLINK"), "the payload should be there, neutralized:\n{out}");
    assert!(check(&out) > 10, "{out}");
    let (code, out, err) =
        stdout_of(claimcheck().args(["audit", "--format", "csv", "--ledger", "../../claims"]).arg(&article));
    assert!(code == 0 || code == 1, "{code}: {err}");
    assert!(check(&out) > 10, "{out}");
}

#[test]
fn html_report_escapes_article_text_and_never_links_a_script_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = dir.path().join("facts.csv");
    std::fs::write(
        &ledger,
        format!("{HEADER}a,Meta,revenue,,134900000000,USD,2023,,,,javascript:alert(1),,\"<script>alert(2)</script>\"\n"),
    )
    .expect("write");
    let article = dir.path().join("hostile.txt");
    std::fs::write(
        &article,
        "<script>alert(document.cookie)</script> Meta's revenue was $120 billion in 2023. \
         <img src=x onerror=alert(document.domain)> \"'><b>bold</b>\n",
    )
    .expect("write");
    let (code, out, err) =
        stdout_of(claimcheck().args(["audit", "--format", "html", "--ledger"]).arg(&ledger).arg(&article));
    assert!(code == 0 || code == 1, "{code}: {err}");
    let lower = out.to_ascii_lowercase();
    assert!(lower.contains("&lt;script&gt;alert(document.cookie)"), "article text not escaped:\n{out}");
    assert!(lower.contains("&lt;img src=x"), "article text not escaped:\n{out}");
    assert!(!lower.contains("<script>alert"), "{out}");
    assert!(!lower.contains("<img src=x"), "{out}");
    assert!(!lower.contains("<b>bold"), "{out}");
    assert!(!lower.contains("href=\"javascript:"), "{out}");
    assert!(!lower.contains("href='javascript:"), "{out}");
    assert!(!lower.contains("href=javascript:"), "{out}");
}

#[test]
fn terminal_table_strips_control_and_escape_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("hostile.txt");
    std::fs::write(
        &article,
        "\x1b[31mMeta\x1b[0m paid \x07$14.3 billion\x1b]0;pwned\x07 for Scale AI\x08\x08 in 2025.\r\n",
    )
    .expect("write");
    for cmd in [vec!["extract"], vec!["audit", "--ledger", "../../claims"]] {
        let (code, out, err) = stdout_of(claimcheck().args(&cmd).args(["--format", "table"]).arg(&article));
        assert!(code == 0 || code == 1, "{cmd:?} {code}: {err}");
        assert!(out.contains("14.3 billion"), "{cmd:?}:\n{out}");
        for bad in ['\x1b', '\x07', '\x08', '\r'] {
            assert!(!out.contains(bad), "{cmd:?}: {bad:?} in\n{out:?}");
        }
    }
}

#[test]
fn eight_processes_adding_a_hundred_rows_each_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    std::fs::write(&facts, HEADER).expect("write");
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let facts = facts.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..100 {
                    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
                        .env("RUST_BACKTRACE", "0")
                        .args(["ledger", "add", "--ledger"])
                        .arg(&facts)
                        .args(["--entity", &format!("Worker {w}"), "--attribute", "count"])
                        .args(["--value", &i.to_string(), "--unit", "items", "--source", "test"])
                        // A period per row, so the rows are no conflicting preferred values.
                        .args(["--period", &(2000 + i).to_string()])
                        .stdout(Stdio::null())
                        .output()
                        .expect("runs");
                    if !out.status.success() {
                        failures
                            .push(format!("worker {w} add {i}: {}", String::from_utf8_lossy(&out.stderr)));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = workers.into_iter().flat_map(|w| w.join().expect("worker")).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    let text = std::fs::read_to_string(&facts).expect("read");
    assert_eq!(text.lines().count(), 801);
    for w in 0..8 {
        for i in 0..100 {
            let row = format!(",Worker {w},count,,{i},items,{},", 2000 + i);
            assert!(text.contains(&row), "worker {w} row {i} missing");
        }
    }
    claimcheck().args(["ledger", "check", "--ledger"]).arg(&facts).assert().code(0);
    claimcheck().args(["ledger", "fmt", "--check", "--ledger"]).arg(&facts).assert().code(0);
    assert_eq!(leftovers(dir.path(), &["facts.csv", "facts.csv.lock"]), Vec::<String>::new());
}

/// A full disk, simulated with RLIMIT_FSIZE: the write of the new ledger
/// fails (SIGXFSZ kills the process, or EFBIG if it is ignored), and the
/// original ledger must be untouched, with no temp file left behind.
#[test]
fn full_disk_leaves_the_original_ledger_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let facts = dir.path().join("facts.csv");
    let mut original = String::from(HEADER);
    for i in 0..3000 {
        original
            .push_str(&format!("r{i},Entity {i},revenue,,{i}000,USD,2023,,,,https://example.com/{i},,\n"));
    }
    assert!(original.len() > 128 * 1024);
    std::fs::write(&facts, &original).expect("write");
    let bin = assert_cmd::cargo::cargo_bin!("claimcheck");
    // 64 blocks of 1024 bytes (bash's unit): less than the ledger.
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 64; exec \"$0\" ledger add --ledger \"$1\" --entity Zeta --attribute revenue --value 1 --unit USD --source s")
        .arg(bin)
        .arg(&facts)
        .env("RUST_BACKTRACE", "0")
        .stderr(Stdio::null())
        .status()
        .expect("bash runs");
    assert!(!status.success(), "the add should have failed: {status:?}");
    assert_eq!(std::fs::read_to_string(&facts).expect("read"), original, "the ledger changed");
    // The new ledger is written to an unnamed O_TMPFILE and only linked in
    // on commit, so a writer killed mid-write leaves no file behind.
    let left = leftovers(dir.path(), &["facts.csv", "facts.csv.lock"]);
    assert!(left.is_empty(), "files left behind: {left:?}");
    claimcheck().args(["ledger", "check", "--ledger"]).arg(dir.path()).assert().code(0);
    // And with room again, the same add works.
    claimcheck()
        .args(["ledger", "add", "--ledger"])
        .arg(&facts)
        .args([
            "--entity",
            "Zeta",
            "--attribute",
            "revenue",
            "--value",
            "1",
            "--unit",
            "USD",
            "--source",
            "s",
        ])
        .assert()
        .code(0);
}
