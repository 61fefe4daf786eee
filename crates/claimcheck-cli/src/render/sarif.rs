//! `--format sarif`: SARIF 2.1.0 for code-scanning tools.
//!
//! Hand-written serde structs for the subset we emit: they build in a
//! fraction of serde-sarif's time and keep `version` and `columnKind` typed.
//! Columns count Unicode code points (`columnKind`), as claim columns do.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::ClaimValue;
use claimcheck_core::audit::{Finding, Verdict};
use claimcheck_core::ledger::FactValue;
use claimcheck_core::span::LineIndex;
use serde::Serialize;

use super::{AuditedFile, RenderOptions, end_line_col};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/claimcheck/claimcheck";

/// The rules, one per reported verdict, in `ruleIndex` order.
const RULES: [(Verdict, &str, &str, &str); 3] = [
    (
        Verdict::Contradicted,
        "error",
        "A claim contradicts the ledger.",
        "The article states a figure outside the bounds of the sourced ledger fact for the same entity, attribute and period.",
    ),
    (
        Verdict::Disputed,
        "warning",
        "A claim touches a disputed fact.",
        "The ledger holds conflicting sourced values for the claim's key, or the matching fact is ranked disputed.",
    ),
    (
        Verdict::Unverified,
        "note",
        "A claim has no ledger fact.",
        "No ledger fact could be tied to the claim; add one with `claimcheck ledger add` if it should be checked.",
    ),
];

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text<'static>,
    full_description: Text<'static>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location; 1],
    properties: Properties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    claim_text: &'a str,
    claim_kind: &'static str,
    claim_value: &'a ClaimValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim_high: Option<&'a ClaimValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim_unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact_value: Option<&'a FactValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact_unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact_period: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact_source: Option<&'a str>,
}

/// A relative URI reference for a path as given: forward slashes, and
/// percent-encoding for anything outside the URI's unreserved and path
/// characters (spaces, `%`, `#`, `?`, non-ASCII).
fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    // An absolute path becomes a file URI, so `C:` is not read as a scheme.
    if path.starts_with('/') {
        out.push_str("file://");
    } else if path.as_bytes().get(1) == Some(&b':') && path.as_bytes()[0].is_ascii_alphabetic() {
        out.push_str("file:///");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule_index(v: Verdict) -> Option<usize> {
    RULES.iter().position(|r| r.0 == v)
}

fn result<'a>(
    f: &'a Finding,
    uri: &str,
    index: &LineIndex,
    file: &AuditedFile<'_>,
) -> Option<SarifResult<'a>> {
    let rule = rule_index(f.verdict)?;
    let span = f.claim.span;
    let (end_line, end_column) = end_line_col(file.document, index, &f.claim);
    let fact = f.fact.as_ref();
    Some(SarifResult {
        rule_id: f.verdict.as_str(),
        rule_index: rule,
        level: RULES[rule].1,
        message: Text { text: &f.message },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri.to_string() },
                region: Region {
                    start_line: span.line,
                    start_column: span.column,
                    end_line,
                    end_column,
                    byte_offset: span.start,
                    byte_length: span.end.saturating_sub(span.start),
                },
            },
        }],
        properties: Properties {
            claim_text: &f.claim.text,
            claim_kind: f.claim.kind.as_str(),
            claim_value: &f.claim.value,
            claim_high: f.claim.high.as_ref(),
            claim_unit: f.claim.unit.as_deref(),
            fact_id: fact.map(|x| x.id.as_str()),
            fact_value: fact.map(|x| &x.value),
            fact_unit: fact.and_then(|x| x.unit.as_deref()),
            fact_period: fact.and_then(|x| x.period.as_deref()),
            fact_source: fact.map(|x| x.source.as_str()),
        },
    })
}

pub fn findings(files: &[AuditedFile<'_>], options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    let mut results = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.document.source);
        let uri = artifact_uri(&file.document.path);
        for f in super::sorted_findings(&file.findings) {
            let wanted = match f.verdict {
                Verdict::Contradicted | Verdict::Disputed => true,
                Verdict::Unverified => options.sarif_include_unverified,
                Verdict::Supported => false,
            };
            if wanted {
                results.extend(result(f, &uri, &index, file));
            }
        }
    }
    let rules = RULES
        .iter()
        .map(|&(v, level, short, full)| Rule {
            id: v.as_str(),
            name: v.as_str(),
            short_description: Text { text: short },
            full_description: Text { text: full },
            default_configuration: Configuration { level },
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::super::fixture::*;
    use super::super::{AuditedFile, RenderOptions};
    use super::*;
    use crate::args::AuditFormat;

    fn sarif(files: &[AuditedFile<'_>], options: &RenderOptions) -> Value {
        serde_json::from_str(&render_with(AuditFormat::Sarif, files, options)).expect("valid JSON")
    }

    fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
        v.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("string at {pointer}: {v:#}"))
    }

    fn uint_at(v: &Value, pointer: &str) -> u64 {
        v.pointer(pointer).and_then(Value::as_u64).unwrap_or_else(|| panic!("integer at {pointer}: {v:#}"))
    }

    /// The parts of the SARIF 2.1.0 schema that apply to what we emit:
    /// required properties, their types, enum values and minimums.
    fn assert_valid_sarif(log: &Value) {
        assert!(str_at(log, "/$schema").starts_with("https://"));
        assert_eq!(str_at(log, "/version"), "2.1.0");
        let runs = log["runs"].as_array().expect("runs is an array");
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(str_at(run, "/tool/driver/name"), "claimcheck");
        assert!(str_at(run, "/tool/driver/informationUri").starts_with("https://"));
        assert!(["utf16CodeUnits", "unicodeCodePoints"].contains(&str_at(run, "/columnKind")));
        let rules = run.pointer("/tool/driver/rules").and_then(Value::as_array).expect("rules");
        for rule in rules {
            assert!(!str_at(rule, "/id").is_empty());
            assert!(!str_at(rule, "/shortDescription/text").is_empty());
            assert!(
                ["none", "note", "warning", "error"].contains(&str_at(rule, "/defaultConfiguration/level"))
            );
        }
        for r in run["results"].as_array().expect("results is an array") {
            assert!(!str_at(r, "/message/text").is_empty());
            let index = uint_at(r, "/ruleIndex") as usize;
            assert_eq!(str_at(r, "/ruleId"), str_at(&rules[index], "/id"), "ruleIndex points at ruleId");
            assert!(["none", "note", "warning", "error"].contains(&str_at(r, "/level")));
            let locations = r["locations"].as_array().expect("locations");
            assert!(!locations.is_empty());
            for loc in locations {
                let uri = str_at(loc, "/physicalLocation/artifactLocation/uri");
                assert!(!uri.contains(['\\', ' ']), "{uri}");
                let region = &loc["physicalLocation"]["region"];
                for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                    assert!(uint_at(region, &format!("/{key}")) >= 1, "{key} >= 1");
                }
                uint_at(region, "/byteOffset");
                uint_at(region, "/byteLength");
                let start = (uint_at(region, "/startLine"), uint_at(region, "/startColumn"));
                let end = (uint_at(region, "/endLine"), uint_at(region, "/endColumn"));
                assert!(start <= end);
            }
            assert!(r["properties"].is_object());
        }
    }

    #[test]
    fn errors_and_warnings_with_regions_and_properties() {
        let fx = mixed();
        let log = sarif(&[fx.audited()], &RenderOptions::default());
        assert_valid_sarif(&log);
        let results = log.pointer("/runs/0/results").and_then(Value::as_array).expect("results");
        assert_eq!(results.len(), 2, "contradicted and disputed only");
        let r = &results[0];
        assert_eq!(str_at(r, "/ruleId"), "contradicted");
        assert_eq!(str_at(r, "/level"), "error");
        assert_eq!(str_at(r, "/message/text"), fx.findings[0].message);
        let loc = "/locations/0/physicalLocation";
        assert_eq!(str_at(r, &format!("{loc}/artifactLocation/uri")), "fixtures/meta.txt");
        let region = &r.pointer(&format!("{loc}/region")).expect("region");
        assert_eq!(region["startLine"], 1);
        assert_eq!(region["startColumn"], 15);
        assert_eq!(region["endLine"], 1);
        assert_eq!(region["endColumn"], 26);
        assert_eq!(region["byteOffset"], 14);
        assert_eq!(region["byteLength"], 11);
        assert_eq!(r["properties"]["claimValue"], 14e9);
        assert_eq!(r["properties"]["factId"], "fact-1");
        assert_eq!(r["properties"]["factValue"], 14.3e9);
        assert_eq!(r["properties"]["factSource"], "https://example.com/scale");
        assert_eq!(str_at(&results[1], "/ruleId"), "disputed");
        assert_eq!(str_at(&results[1], "/level"), "warning");
        assert_eq!(str_at(&log, "/runs/0/columnKind"), "unicodeCodePoints");
    }

    #[test]
    fn unverified_only_when_asked() {
        let fx = mixed();
        let options = RenderOptions { sarif_include_unverified: true, ..RenderOptions::default() };
        let log = sarif(&[fx.audited()], &options);
        assert_valid_sarif(&log);
        let results = log.pointer("/runs/0/results").and_then(Value::as_array).expect("results");
        assert_eq!(results.len(), 3);
        assert_eq!(str_at(&results[2], "/ruleId"), "unverified");
        assert_eq!(str_at(&results[2], "/level"), "note");
        assert!(results[2]["properties"].get("factId").is_none());
    }

    #[test]
    fn columns_count_code_points() {
        let mut fx = Fixture::new("news/é t.txt", "Über €5 — it paid $7 billion.\n");
        fx.finding("$7 billion", 7e9, claimcheck_core::audit::Verdict::Contradicted, Some((8e9, "s")));
        let log = sarif(&[fx.audited()], &RenderOptions::default());
        assert_valid_sarif(&log);
        let loc = log.pointer("/runs/0/results/0/locations/0/physicalLocation").expect("location");
        assert_eq!(loc["artifactLocation"]["uri"], "news/%C3%A9%20t.txt");
        assert_eq!(loc["region"]["startColumn"], 19);
        assert_eq!(loc["region"]["endColumn"], 29);
        assert_eq!(loc["region"]["byteOffset"], "Über €5 — it paid ".len());
    }

    #[test]
    fn uris_are_relative_references_with_forward_slashes() {
        assert_eq!(artifact_uri("fixtures\\a b.txt"), "fixtures/a%20b.txt");
        assert_eq!(artifact_uri("a#1?.md"), "a%231%3F.md");
        assert_eq!(artifact_uri("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(artifact_uri("C:\\x.txt"), "file:///C:/x.txt");
        assert_eq!(artifact_uri("100%.txt"), "100%25.txt");
    }
}
