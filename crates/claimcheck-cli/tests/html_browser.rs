//! The HTML report in a real browser: headless Chromium loads the report with
//! a test-only script appended, which counts highlights, clicks a claim,
//! toggles a filter and writes what it saw into `<pre id="test-result">`;
//! `--dump-dom` hands that back. A second run takes a screenshot,
//! `target/html-report.png`, kept as a CI artefact.
//!
//! Needs `chromium` (Debian package) or `$CLAIMCHECK_CHROMIUM`. Without it the
//! test fails when `CI` is set and is skipped with a note otherwise.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo_bin_cmd;
use serde_json::Value;

const ARTICLE: &str = "fixtures/meta-midjourney.txt";
const VERDICTS: [&str; 4] = ["contradicted", "disputed", "unverified", "supported"];

/// Performs the checks in the page and reports as JSON. `<`, `>`, `&` and
/// no-break spaces are escaped so the DOM dump gives the JSON back verbatim.
const PROBE: &str = r#"
<script>
(function () {
  'use strict';
  var r = { counts: {}, errors: [] };
  window.addEventListener('error', function (e) { r.errors.push(String(e.message)); });
  ['contradicted', 'disputed', 'unverified', 'supported'].forEach(function (v) {
    r.counts[v] = document.querySelectorAll('pre.source mark.v-' + v).length;
  });
  function bg(el) { return getComputedStyle(el).backgroundColor; }
  var none = 'rgba(0, 0, 0, 0)';
  var m = document.querySelector('pre.source mark.v-contradicted') || document.querySelector('pre.source mark[data-idx]');
  if (m) {
    r.clicked = { verdict: m.dataset.verdict, text: m.textContent };
    m.click();
    var d = document.getElementById('d-' + m.dataset.idx);
    r.clicked.panelShown = !!d && !d.hidden && d.getClientRects().length > 0;
    r.clicked.active = m.classList.contains('active');
    var hint = document.querySelector('aside.panel .hint');
    r.clicked.hintHidden = !hint || hint.hidden;
    if (d) {
      d.querySelectorAll('dt').forEach(function (dt) {
        if (dt.textContent === 'Source') { r.clicked.source = dt.nextElementSibling.textContent; }
        if (dt.textContent === 'Claim') { r.clicked.claim = dt.nextElementSibling.textContent; }
      });
    }
    r.otherPanelsShown = Array.prototype.filter.call(document.querySelectorAll('div.detail'), function (x) {
      return x !== d && !x.hidden;
    }).length;
  }
  function highlighted(sel) {
    return Array.prototype.filter.call(document.querySelectorAll(sel), function (x) { return bg(x) !== none; }).length;
  }
  function rowsShown(v) {
    return Array.prototype.filter.call(document.querySelectorAll('table.findings tr.v-' + v), function (x) {
      return getComputedStyle(x).display !== 'none';
    }).length;
  }
  r.before = { supportedHighlighted: highlighted('pre.source mark.v-supported'), supportedRows: rowsShown('supported') };
  var b = document.querySelector('button[data-filter="supported"]');
  if (b) { b.click(); r.filterPressed = b.getAttribute('aria-pressed'); }
  r.after = { supportedHighlighted: highlighted('pre.source mark.v-supported'), supportedRows: rowsShown('supported'), others: {} };
  ['contradicted', 'disputed', 'unverified'].forEach(function (v) {
    r.after.others[v] = { highlighted: highlighted('pre.source mark.v-' + v), rows: rowsShown(v) };
  });
  var hiddenMark = Array.prototype.filter.call(document.querySelectorAll('pre.source mark.v-supported'), function (x) {
    return x !== m;
  })[0];
  if (hiddenMark) {
    hiddenMark.click();
    var hd = document.getElementById('d-' + hiddenMark.dataset.idx);
    r.after.filteredClickShows = !!hd && !hd.hidden;
  }
  r.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
  var csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  r.csp = csp ? csp.getAttribute('content') : null;
  var out = document.createElement('pre');
  out.id = 'test-result';
  out.textContent = JSON.stringify(r).replace(/[<>&\u00a0]/g, function (c) {
    return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
  document.body.appendChild(out);
})();
</script>
"#;

/// For the screenshot: show the details of the first contradicted claim.
const SHOW_ONE: &str = r#"
<script>
(function () {
  var m = document.querySelector('pre.source mark.v-contradicted') || document.querySelector('pre.source mark[data-idx]');
  if (m) { m.click(); }
})();
</script>
"#;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn audit(root: &Path, format: &str) -> String {
    let out = cargo_bin_cmd!("claimcheck")
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .env("NO_COLOR", "1")
        .args(["audit", "--ledger", "claims", "--format", format, "--reference-date", "2025-08-22", ARTICLE])
        .output()
        .expect("runs claimcheck");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "audit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Run headless Chromium on `page` with `extra` flags; kill it after two minutes.
fn run_chromium(bin: &Path, page: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("starts chromium");
    // Drain both pipes while waiting: a DOM dump larger than the pipe buffer
    // would otherwise block Chromium until the deadline.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits on chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = stdout.join().expect("stdout reader");
    let stderr = stderr.join().expect("stderr reader");
    assert!(status.success(), "chromium failed: {}", String::from_utf8_lossy(&stderr));
    String::from_utf8_lossy(&stdout).into_owned()
}

fn with_script(report: &str, script: &str) -> String {
    let at = report.rfind("</body>").expect("report has </body>");
    format!("{}{script}{}", &report[..at], &report[at..])
}

fn result_json(dom: &str) -> Value {
    let start =
        dom.find(r#"<pre id="test-result">"#).unwrap_or_else(|| panic!("no test result in the DOM:\n{dom}"));
    let body = &dom[start + r#"<pre id="test-result">"#.len()..];
    let end = body.find("</pre>").expect("closing </pre>");
    serde_json::from_str(&body[..end]).unwrap_or_else(|e| panic!("{e}: {}", &body[..end]))
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(bin) = chromium() else {
        assert!(!in_ci(), "chromium is required in CI (apt-get install chromium)");
        eprintln!("note: chromium not found; skipping the browser test of the HTML report");
        return;
    };
    let root = workspace_root();
    let html = audit(&root, "html");
    let json: Value = serde_json::from_str(&audit(&root, "json")).expect("JSON findings");
    let mut expected: BTreeMap<String, u64> = VERDICTS.iter().map(|v| (v.to_string(), 0)).collect();
    for f in json.as_array().expect("array") {
        *expected.get_mut(f["verdict"].as_str().expect("verdict")).expect("known verdict") += 1;
    }

    let dir = target_dir(&root).join("html-browser");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let page = dir.join("report-probe.html");
    std::fs::write(&page, with_script(&html, PROBE)).expect("write probe page");
    let r = result_json(&run_chromium(&bin, &page, &["--dump-dom".to_string()]));

    assert_eq!(r["errors"], Value::Array(vec![]), "no script errors: {r:#}");
    for v in VERDICTS {
        assert_eq!(
            r["counts"][v].as_u64(),
            Some(expected[v]),
            "highlighted {v} claims vs JSON findings: {r:#}"
        );
    }
    let findings = json.as_array().expect("array");
    let clicked = &r["clicked"];
    let verdict = clicked["verdict"].as_str().expect("a claim was clicked");
    if expected["contradicted"] > 0 {
        assert_eq!(verdict, "contradicted");
    }
    assert_eq!(clicked["panelShown"], true, "{r:#}");
    assert_eq!(clicked["active"], true, "{r:#}");
    assert_eq!(clicked["hintHidden"], true, "{r:#}");
    assert_eq!(r["otherPanelsShown"], 0, "{r:#}");
    let text = clicked["text"].as_str().expect("claim text");
    assert_eq!(clicked["claim"].as_str(), Some(text));
    let finding = findings
        .iter()
        .find(|f| f["claim"]["text"] == text && f["verdict"] == verdict)
        .expect("clicked claim is a finding");
    if let Some(source) = finding["fact"]["source"].as_str() {
        assert_eq!(clicked["source"].as_str(), Some(source), "details show the fact's source: {r:#}");
    }

    assert_eq!(r["before"]["supportedHighlighted"].as_u64(), Some(expected["supported"]));
    assert_eq!(r["before"]["supportedRows"].as_u64(), Some(expected["supported"]));
    assert_eq!(r["filterPressed"], "false");
    assert_eq!(r["after"]["supportedHighlighted"], 0, "filter hides supported highlights: {r:#}");
    assert_eq!(r["after"]["supportedRows"], 0, "filter hides supported rows: {r:#}");
    if r["after"].get("filteredClickShows").is_some() {
        assert_eq!(r["after"]["filteredClickShows"], false, "a filtered-out claim stays inert: {r:#}");
    }
    for v in ["contradicted", "disputed", "unverified"] {
        assert_eq!(r["after"]["others"][v]["highlighted"].as_u64(), Some(expected[v]), "{v} stays: {r:#}");
        assert_eq!(r["after"]["others"][v]["rows"].as_u64(), Some(expected[v]), "{v} rows stay: {r:#}");
    }

    assert_eq!(r["resources"], Value::Array(vec![]), "the page fetches nothing: {r:#}");
    let csp = r["csp"].as_str().expect("a Content-Security-Policy meta tag");
    assert!(csp.contains("default-src 'none'"), "{csp}");

    let shot_page = dir.join("report-shot.html");
    std::fs::write(&shot_page, with_script(&html, SHOW_ONE)).expect("write screenshot page");
    let png = target_dir(&root).join("html-report.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &bin,
        &shot_page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_string(),
            "--hide-scrollbars".to_string(),
        ],
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    eprintln!("screenshot: {}", png.display());
}
