//! `audit --format claimreview` checked against the schema.org vocabulary
//! and Google's fact-check structured data requirements, encoded here (no
//! network at test time):
//!
//! - `ClaimReview`: `claimReviewed` (Text), `reviewRating` (Rating) and
//!   `url` (URL) are required; `author` (Organization or Person),
//!   `datePublished` (Date) and `itemReviewed` (Claim) are recommended.
//! - `Claim`: `appearance` (URL or CreativeWork), `author`, `datePublished`
//!   and `firstAppearance` are recommended.
//! - `Rating`: `alternateName` (Text) is required; `ratingValue`,
//!   `bestRating`, `worstRating` (Numbers) and `name` are recommended, and
//!   the value lies between the worst and the best.
//! - The JSON-LD declares `"@context": "https://schema.org"` and a `@type`.
//!
//! Every property used must be one schema.org defines for the type (listed
//! below), with a value of the expected type.

use std::path::{Path, PathBuf};

use assert_cmd::cargo_bin_cmd;
use serde_json::Value;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// Properties schema.org defines for each type that may appear, limited to
/// the ones a fact check uses (each is defined on the type or a supertype:
/// Thing, CreativeWork, Review).
fn allowed(ty: &str) -> &'static [&'static str] {
    match ty {
        "ClaimReview" => &[
            "@context",
            "@type",
            "url",
            "name",
            "claimReviewed",
            "reviewRating",
            "reviewBody",
            "itemReviewed",
            "author",
            "datePublished",
        ],
        "Claim" => &["@type", "appearance", "firstAppearance", "author", "datePublished", "name"],
        "Rating" => &["@type", "ratingValue", "bestRating", "worstRating", "alternateName", "name"],
        "CreativeWork" => &["@type", "url", "headline", "name", "datePublished"],
        "Organization" | "Person" => &["@type", "name", "url"],
        _ => &[],
    }
}

fn is_url(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        (s.starts_with("https://") || s.starts_with("http://"))
            && s.len() > 8
            && !s.contains(char::is_whitespace)
    })
}

fn is_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
}

fn is_text(v: &Value) -> bool {
    v.as_str().is_some_and(|s| !s.trim().is_empty())
}

fn typed<'a>(v: &'a Value, types: &[&str], at: &str) -> &'a serde_json::Map<String, Value> {
    let obj = v.as_object().unwrap_or_else(|| panic!("{at}: expected an object, got {v}"));
    let ty = obj.get("@type").and_then(Value::as_str).unwrap_or_else(|| panic!("{at}: no @type"));
    assert!(types.contains(&ty), "{at}: @type {ty}, expected one of {types:?}");
    for key in obj.keys() {
        assert!(allowed(ty).contains(&key.as_str()), "{at}: `{key}` is not a property of {ty}");
    }
    obj
}

fn check_party(v: &Value, at: &str) {
    let o = typed(v, &["Organization", "Person"], at);
    assert!(o.get("name").is_some_and(is_text), "{at}: name");
    if let Some(url) = o.get("url") {
        assert!(is_url(url), "{at}: url {url}");
    }
}

fn check_review(r: &Value, i: usize) {
    let at = format!("review {i}");
    let o = typed(r, &["ClaimReview"], &at);
    assert_eq!(o.get("@context"), Some(&Value::from("https://schema.org")), "{at}: @context");
    // Required by Google.
    assert!(o.get("claimReviewed").is_some_and(is_text), "{at}: claimReviewed");
    assert!(o.get("url").is_some_and(is_url), "{at}: url");
    let rating =
        typed(o.get("reviewRating").expect("reviewRating"), &["Rating"], &format!("{at}.reviewRating"));
    assert!(rating.get("alternateName").is_some_and(is_text), "{at}: alternateName");
    let num = |k: &str| rating.get(k).and_then(Value::as_f64).unwrap_or_else(|| panic!("{at}: {k}"));
    let (value, best, worst) = (num("ratingValue"), num("bestRating"), num("worstRating"));
    assert!(worst <= value && value <= best && worst < best, "{at}: {worst} <= {value} <= {best}");
    // Recommended.
    check_party(o.get("author").expect("author"), &format!("{at}.author"));
    assert!(o.get("datePublished").is_some_and(is_date), "{at}: datePublished");
    if let Some(body) = o.get("reviewBody") {
        assert!(is_text(body), "{at}: reviewBody");
    }
    let claim =
        typed(o.get("itemReviewed").expect("itemReviewed"), &["Claim"], &format!("{at}.itemReviewed"));
    let appearance = claim.get("appearance").expect("appearance");
    if !is_url(appearance) {
        let work = typed(appearance, &["CreativeWork"], &format!("{at}.itemReviewed.appearance"));
        if let Some(url) = work.get("url") {
            assert!(is_url(url), "{at}: appearance url");
        }
        assert!(work.contains_key("url") || work.contains_key("headline"), "{at}: appearance says nothing");
    }
    if let Some(author) = claim.get("author") {
        check_party(author, &format!("{at}.itemReviewed.author"));
    }
    if let Some(date) = claim.get("datePublished") {
        assert!(is_date(date), "{at}: itemReviewed.datePublished");
    }
}

fn run(args: &[&str]) -> (Vec<u8>, i32) {
    let out = cargo_bin_cmd!("claimcheck").current_dir(workspace_root()).args(args).output().expect("run");
    (out.stdout, out.status.code().unwrap_or(-1))
}

const FILES: [&str; 3] =
    ["fixtures/compare/draft-disagrees.md", "fixtures/compare/draft-agrees.md", "fixtures/meta-scale-ai.md"];

#[test]
fn every_review_has_the_required_properties_and_types() {
    let mut args = vec![
        "audit",
        "--format",
        "claimreview",
        "--publisher",
        "The Ledger Desk",
        "--publisher-url",
        "https://example.org/",
        "--review-url",
        "https://example.org/fact-checks/scale-ai",
        "--claim-author",
        "Example Daily",
    ];
    args.extend(FILES);
    let (stdout, code) = run(&args);
    assert_eq!(code, 1, "contradictions in the drafts fail the run as in every audit format");
    let reviews: Value = serde_json::from_slice(&stdout).expect("JSON");
    let reviews = reviews.as_array().expect("one array");
    assert!(!reviews.is_empty());
    for (i, r) in reviews.iter().enumerate() {
        check_review(r, i);
    }
    // One review per finding that has a verdict other than unverified.
    let mut jsonl = vec!["audit", "--format", "jsonl"];
    jsonl.extend(FILES);
    let (stdout, _) = run(&jsonl);
    let verdicts: Vec<String> = String::from_utf8_lossy(&stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("JSON line")["verdict"].as_str().unwrap_or("").to_string()
        })
        .filter(|v| v != "unverified")
        .collect();
    let labels: Vec<&str> =
        reviews.iter().map(|r| r["reviewRating"]["alternateName"].as_str().unwrap_or("")).collect();
    let expected: Vec<&str> = verdicts
        .iter()
        .map(|v| match v.as_str() {
            "contradicted" => "False",
            "disputed" => "Disputed",
            _ => "True",
        })
        .collect();
    assert_eq!(labels, expected);
}

#[test]
fn the_checker_rejects_what_google_would() {
    let good = serde_json::json!({
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://example.org/a",
        "claimReviewed": "x", "datePublished": "2025-06-14",
        "author": {"@type": "Organization", "name": "Desk"},
        "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 3, "worstRating": 1},
        "itemReviewed": {"@type": "Claim", "appearance": "https://example.com/story"}
    });
    check_review(&good, 0);
    for (path, bad) in [
        ("url", Value::from("example.org/a")),
        ("claimReviewed", Value::from("")),
        ("reviewRating", serde_json::json!({"@type": "Rating", "ratingValue": 1})),
        ("verdict", Value::from("False")),
    ] {
        let mut r = good.clone();
        r[path] = bad;
        assert!(std::panic::catch_unwind(|| check_review(&r, 0)).is_err(), "{path} should be rejected");
    }
}
