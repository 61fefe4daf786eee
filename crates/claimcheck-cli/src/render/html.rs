//! `--format html`: one self-contained report (inline CSS and JS, no network
//! fetches), built with maud so that every piece of article or ledger text is
//! escaped. The script never builds HTML from strings: it only toggles
//! `hidden`, classes and row order.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::audit::{Finding, Verdict};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{AuditedFile, Summary, claim_value, fact_value, rank_str};

const CSS: &str = r#"
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: .5rem 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; word-break: break-all; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; position: sticky; top: 0; background: var(--bg); padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
.summary button { font: inherit; border: 1px solid var(--line); border-radius: 2rem; padding: .15rem .8rem; cursor: pointer; }
.summary button[aria-pressed="false"] { opacity: .45; text-decoration: line-through; }
.summary .total { color: var(--muted); margin-left: auto; }
.layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
pre.source { margin: 0; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.6 ui-monospace, monospace; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
aside.panel { position: sticky; top: 3.5rem; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; font-size: 14px; }
aside.panel .hint { color: var(--muted); margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
mark { cursor: pointer; color: inherit; border-radius: 2px; border-bottom: 2px solid; }
mark.active { outline: 2px solid #0969da; }
.v-contradicted { background: #ffd7d5; border-color: #cf222e; }
.v-disputed { background: #fff1c2; border-color: #bf8700; }
.v-unverified { background: #eaeef2; border-color: #8c959f; border-bottom-style: dotted; }
.v-supported { background: #d1f5dc; border-color: #1a7f37; }
body.hide-contradicted mark.v-contradicted, body.hide-disputed mark.v-disputed,
body.hide-unverified mark.v-unverified, body.hide-supported mark.v-supported { background: none; border-color: transparent; cursor: auto; }
body.hide-contradicted tr.v-contradicted, body.hide-disputed tr.v-disputed,
body.hide-unverified tr.v-unverified, body.hide-supported tr.v-supported { display: none; }
table.findings { width: 100%; border-collapse: collapse; font-size: 14px; }
table.findings th, table.findings td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
table.findings td:nth-child(2), table.findings td:nth-child(4) { white-space: nowrap; }
table.findings th { cursor: pointer; user-select: none; white-space: nowrap; background: var(--panel); }
table.findings th[aria-sort="ascending"]::after { content: " \25B2"; }
table.findings th[aria-sort="descending"]::after { content: " \25BC"; }
table.findings tr.v-contradicted td:nth-child(4) { color: #cf222e; font-weight: 600; }
table.findings tbody tr { cursor: pointer; background: none; }
table.findings tbody tr:hover { background: var(--panel); }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } aside.panel { position: static; } }
"#;

const JS: &str = r#"
(function () {
  'use strict';
  var shown = null;
  function show(idx) {
    var d = document.getElementById('d-' + idx);
    if (!d) { return; }
    var panel = d.parentElement;
    if (shown && shown !== d) { shown.hidden = true; }
    d.hidden = false;
    shown = d;
    var hint = panel.querySelector('.hint');
    if (hint) { hint.hidden = true; }
    document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
    var m = document.getElementById('m-' + idx);
    if (m) { m.classList.add('active'); }
  }
  document.querySelectorAll('mark[data-idx]').forEach(function (m) {
    ['click', 'mouseenter', 'focus'].forEach(function (ev) {
      m.addEventListener(ev, function () {
        // A claim whose verdict is filtered out looks like plain text; keep it inert.
        if (document.body.classList.contains('hide-' + m.dataset.verdict)) { return; }
        show(m.dataset.idx);
      });
    });
  });
  document.querySelectorAll('tr[data-idx]').forEach(function (tr) {
    tr.addEventListener('click', function () {
      show(tr.dataset.idx);
      var m = document.getElementById('m-' + tr.dataset.idx);
      if (m) { m.scrollIntoView({ block: 'center' }); }
    });
  });
  document.querySelectorAll('button[data-filter]').forEach(function (b) {
    b.addEventListener('click', function () {
      var on = b.getAttribute('aria-pressed') === 'true';
      b.setAttribute('aria-pressed', on ? 'false' : 'true');
      document.body.classList.toggle('hide-' + b.dataset.filter, on);
    });
  });
  document.querySelectorAll('table.findings th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var table = th.closest('table');
      var body = table.tBodies[0];
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col], r;
        if (x.dataset.sort !== undefined && y.dataset.sort !== undefined) {
          r = Number(x.dataset.sort) - Number(y.dataset.sort);
        } else {
          r = x.textContent.localeCompare(y.textContent, undefined, { numeric: true });
        }
        if (r === 0) { r = Number(a.dataset.idx) - Number(b.dataset.idx); return r; }
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
"#;

/// No fetches of any kind; only the inline style and script run.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
                   img-src 'none'; base-uri 'none'; form-action 'none'";

/// A finding with its report-wide index (used for element ids).
struct Item<'a> {
    idx: usize,
    finding: &'a Finding,
}

/// A piece of the source text: plain, or a highlighted claim.
enum Piece<'a> {
    Text(&'a str),
    Mark(&'a Item<'a>, &'a str),
}

/// Cut `source` into plain text and highlighted claims. Items are in source
/// order; one that overlaps the previous highlight, or whose span does not
/// fit the source, is left out of the text (it still has its table row).
fn pieces<'a>(source: &'a str, items: &'a [Item<'a>]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for item in items {
        let span = item.finding.claim.span;
        if span.start < pos || span.end <= span.start {
            continue;
        }
        let (Some(before), Some(text)) = (source.get(pos..span.start), source.get(span.start..span.end))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        out.push(Piece::Mark(item, text));
        pos = span.end;
    }
    if let Some(rest) = source.get(pos..).filter(|r| !r.is_empty()) {
        out.push(Piece::Text(rest));
    }
    out
}

/// Only web links become `<a href>`; anything else (`javascript:`, `data:`,
/// a citation) is shown as text.
fn is_web_link(source: &str) -> bool {
    let starts =
        |p: &str| source.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
    (starts("http://") || starts("https://"))
        && source.len() > "http://".len()
        && source == source.trim()
        && !source.chars().any(char::is_control)
}

fn source_link(source: &str) -> Markup {
    html! {
        @if is_web_link(source) {
            a href=(source) rel="noopener noreferrer nofollow" target="_blank" { (source) }
        } @else {
            (source)
        }
    }
}

fn detail(path: &str, item: &Item<'_>) -> Markup {
    let f = item.finding;
    let c = &f.claim;
    let v = f.verdict.as_str();
    html! {
        div.detail id=(format!("d-{}", item.idx)) hidden {
            dl {
                dt { "Claim" } dd { (c.text) }
                dt { "Verdict" } dd { span class=(format!("badge v-{v}")) { (v) } }
                dt { "Location" } dd { (path) ":" (c.span.line) ":" (c.span.column) }
                dt { "Value" } dd {
                    (claim_value(c))
                    @if c.qualifier != claimcheck_core::Qualifier::Exact { " (" (c.qualifier.as_str()) ")" }
                    @if let Some(h) = &c.hedge { " (" (h) ")" }
                }
                @if let Some(fact) = &f.fact {
                    dt { "Ledger" } dd { (fact_value(fact)) }
                    dt { "Fact" } dd {
                        code { (fact.id) } " " (fact.entity) " · " (fact.attribute)
                        @if let Some(o) = &fact.object { " · " (o) }
                    }
                    dt { "Source" } dd { (source_link(&fact.source)) }
                    dt { "Rank" } dd { (rank_str(fact.rank)) }
                } @else {
                    dt { "Ledger" } dd { "no fact" }
                }
                dt { "Message" } dd { (f.message) }
            }
        }
    }
}

fn verdict_order(v: Verdict) -> usize {
    Verdict::ALL.iter().position(|&x| x == v).unwrap_or(0)
}

pub fn findings(files: &[AuditedFile<'_>], out: &mut dyn Write) -> Result<()> {
    let summary = Summary::of(files);
    let mut next = 0;
    let per_file: Vec<(&AuditedFile<'_>, Vec<Item<'_>>)> = files
        .iter()
        .map(|file| {
            let items = super::sorted_findings(&file.findings)
                .into_iter()
                .map(|finding| {
                    next += 1;
                    Item { idx: next, finding }
                })
                .collect();
            (file, items)
        })
        .collect();

    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("claimcheck ", env!("CARGO_PKG_VERSION")));
                title { "claimcheck report" }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { "claimcheck report" }
                nav.summary aria-label="Filter by verdict" {
                    @for v in Verdict::ALL {
                        button type="button" class=(format!("v-{}", v.as_str())) data-filter=(v.as_str())
                            aria-pressed="true" title="Show or hide these claims" {
                            (v.as_str()) " " strong { (summary.count(v)) }
                        }
                    }
                    span.total { (summary) }
                }
                @for (fi, (file, items)) in per_file.iter().enumerate() {
                    section.file id=(format!("file-{}", fi + 1)) {
                        h2 { (file.document.path) }
                        div.layout {
                            pre.source {
                                @for piece in pieces(&file.document.source, items) {
                                    @match piece {
                                        Piece::Text(t) => (t),
                                        Piece::Mark(item, text) => {
                                            @let v = item.finding.verdict.as_str();
                                            mark id=(format!("m-{}", item.idx)) class=(format!("v-{v}"))
                                                data-verdict=(v) data-idx=(item.idx) tabindex="0" { (text) }
                                        }
                                    }
                                }
                            }
                            aside.panel {
                                p.hint { "Hover or click a highlighted claim to see its details." }
                                @for item in items { (detail(&file.document.path, item)) }
                            }
                        }
                    }
                }
                h2 { "Findings" }
                table.findings {
                    thead { tr {
                        th { "File" } th { "Location" } th { "Claim" } th { "Verdict" }
                        th { "Value" } th { "Ledger value" } th { "Source" } th { "Message" }
                    } }
                    tbody {
                        @for (file, items) in &per_file {
                            @for item in items {
                                @let f = item.finding;
                                @let v = f.verdict.as_str();
                                tr class=(format!("v-{v}")) data-verdict=(v) data-idx=(item.idx) {
                                    td { (file.document.path) }
                                    td data-sort=(f.claim.span.line * 1_000_000 + f.claim.span.column) {
                                        (f.claim.span.line) ":" (f.claim.span.column)
                                    }
                                    td { (f.claim.text) }
                                    td data-sort=(verdict_order(f.verdict)) { (v) }
                                    td { (claim_value(&f.claim)) }
                                    td { @if let Some(fact) = &f.fact { (fact_value(fact)) } }
                                    td { @if let Some(fact) = &f.fact { (source_link(&fact.source)) } }
                                    td { (f.message) }
                                }
                            }
                        }
                    }
                }
                script { (PreEscaped(JS)) }
            }
        }
    };
    out.write_all(page.into_string().as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;

    use super::super::fixture::*;
    use super::*;
    use crate::args::AuditFormat;

    #[test]
    fn highlights_every_claim_with_its_verdict() {
        let fx = mixed();
        let out = render(AuditFormat::Html, &[fx.audited()]);
        assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
        assert!(out.contains(
            r#"Meta invested <mark id="m-1" class="v-contradicted" data-verdict="contradicted" data-idx="1" tabindex="0">$14 billion</mark> in Scale AI."#
        ), "{out}");
        for v in ["disputed", "unverified", "supported"] {
            assert!(out.contains(&format!(r#"class="v-{v}" data-verdict="{v}""#)), "{v}");
        }
        assert!(out.contains(r#"data-filter="contradicted" aria-pressed="true""#));
        assert!(out.contains("contradicted <strong>1</strong>"), "per-verdict counts");
        assert!(out.contains("4 claims: 1 contradicted, 1 disputed, 1 unverified, 1 supported"));
        assert!(out.contains(r#"<a href="https://example.com/scale" rel="noopener noreferrer nofollow""#));
        assert!(out.contains("Reuters, 2025-06-11"), "a citation stays text");
        assert!(!out.contains(r#"href="Reuters"#));
        assert_eq!(out.matches("<tr class=").count(), 4, "one table row per finding");
        assert!(out.contains(r#"<div class="detail" id="d-4" hidden>"#));
        // Self-contained: nothing is fetched.
        assert!(!out.contains("src=") && !out.contains("<link"), "no external resources");
    }

    #[test]
    fn hostile_article_and_source_are_escaped() {
        let article =
            "<script>alert(1)</script> paid $5 billion \"><img src=x onerror=alert(1)> for $6 billion.";
        let mut fx = Fixture::new("<b>evil</b>.html", article);
        fx.finding("$5 billion", 5e9, Verdict::Contradicted, Some((4e9, "javascript:alert(1)")));
        let f = fx.finding(
            "\"><img src=x onerror=alert(1)>",
            6e9,
            Verdict::Disputed,
            Some((7e9, " JavaScript:alert(2)")),
        );
        f.message = "</td><script>alert(3)</script>".to_string();
        fx.finding(
            "$6 billion",
            6e9,
            Verdict::Supported,
            Some((6e9, "data:text/html,<script>alert(4)</script>")),
        );
        let out = render(AuditFormat::Html, &[fx.audited()]);
        assert_eq!(out.matches("<script").count(), 1, "only our own script element: {out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("<b>evil"), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
        assert!(out.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "{out}");
        assert!(!out.to_ascii_lowercase().contains("href=\"javascript:"), "{out}");
        assert!(!out.to_ascii_lowercase().contains("href=\" javascript:"), "{out}");
        assert!(!out.contains("href=\"data:"), "{out}");
        assert!(out.contains("javascript:alert(1)"), "shown as text");
        assert!(!out.contains("<a "), "no source is a web link here: {out}");
    }

    #[test]
    fn overlapping_and_out_of_range_spans_are_skipped_safely() {
        let mut fx = Fixture::new("a.txt", "It paid $14 billion in 2025.\n");
        fx.finding("$14 billion", 14e9, Verdict::Contradicted, Some((1.0, "s")));
        fx.finding("14 billion in", 14e9, Verdict::Supported, Some((1.0, "s")));
        let bad = fx.finding("2025", 2025.0, Verdict::Unverified, None);
        bad.claim.span.end = 10_000;
        let mut multi = Fixture::new("é.txt", "é€ $1 billion");
        let f = multi.finding("$1 billion", 1e9, Verdict::Supported, Some((1e9, "s")));
        f.claim.span.start = 1; // inside 'é'
        let out = render(AuditFormat::Html, &[fx.audited(), multi.audited()]);
        assert_eq!(out.matches("<mark ").count(), 1, "{out}");
        assert!(out.contains(">$14 billion</mark> in 2025.\n</pre>"), "{out}");
        assert!(out.contains("é€ $1 billion</pre>"), "{out}");
        assert_eq!(out.matches("<tr class=").count(), 4, "every finding keeps its row");
        assert_eq!(out.matches(r#"<section class="file""#).count(), 2);
    }

    #[test]
    fn web_links_only() {
        assert!(is_web_link("https://example.com/a?b=1"));
        assert!(is_web_link("HTTP://example.com"));
        assert!(is_web_link("http://é.example/"));
        for s in [
            "javascript:alert(1)",
            " https://x",
            "https://x\n",
            "http://",
            "data:x",
            "ftp://x",
            "Reuters",
            "//x",
        ] {
            assert!(!is_web_link(s), "{s:?}");
        }
    }
}
