//! `audit --format claimreview`: schema.org `ClaimReview` JSON-LD, one
//! object per supported, contradicted or disputed claim, in one JSON array
//! to put in a `<script type="application/ld+json">` element of the page
//! that publishes the fact check.
//!
//! The markup follows Google's fact-check structured data: `claimReviewed`,
//! `reviewRating` (with `alternateName`) and `url` are required; `author`,
//! `datePublished` and `itemReviewed` (a `Claim` with `appearance`,
//! `author` and `datePublished`) are recommended. Unverified claims get no
//! review: the ledger has no fact to review them against.

use std::io::Write;

use anyhow::Result;
use claimcheck_core::audit::{Finding, Verdict};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::Document;
use serde_json::{Map, Value, json};

use super::{AuditedFile, clean};

/// What the findings do not say: who publishes the review, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimReviewOptions {
    /// The organization publishing the fact check.
    pub publisher: String,
    /// Its home page.
    pub publisher_url: Option<String>,
    /// The page carrying the fact check.
    pub review_url: String,
    /// Where the reviewed article appears.
    pub article_url: Option<String>,
    /// Who made the claims.
    pub claim_author: Option<String>,
    /// The fact check's date, `YYYY-MM-DD`.
    pub review_date: String,
    /// `--reference-date`: the reviewed article's date when it carries none.
    pub reference_date: Option<chrono::NaiveDate>,
}

/// The rating scale: 1 (false) to 3 (true); the text is what readers see.
pub fn rating(verdict: Verdict) -> Option<(u8, &'static str)> {
    match verdict {
        Verdict::Contradicted => Some((1, "False")),
        Verdict::Disputed => Some((2, "Disputed")),
        Verdict::Supported => Some((3, "True")),
        Verdict::Unverified => None,
    }
}

/// The best and worst values of the rating scale.
pub const BEST_RATING: u8 = 3;
/// The worst value of the rating scale.
pub const WORST_RATING: u8 = 1;

/// One `ClaimReview` per finding with a verdict other than unverified.
pub fn findings(files: &[AuditedFile<'_>], options: &ClaimReviewOptions, out: &mut dyn Write) -> Result<()> {
    let extractor = Extractor::new();
    let mut reviews: Vec<Value> = Vec::new();
    for file in files {
        let article_date = extractor
            .reference_date(
                file.document,
                &ExtractOptions { reference_date: options.reference_date, ..ExtractOptions::default() },
            )
            .map(|d| d.format("%Y-%m-%d").to_string());
        let appearance = appearance(file.document, options);
        for f in super::sorted_findings(&file.findings) {
            if let Some(review) = review(f, &appearance, article_date.as_deref(), options) {
                reviews.push(review);
            }
        }
    }
    serde_json::to_writer_pretty(&mut *out, &reviews)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The reviewed article as a `CreativeWork`: its URL when given, its title
/// (the first line of its text).
fn appearance(document: &Document, options: &ClaimReviewOptions) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = &options.article_url {
        work.insert("url".into(), json!(url));
    }
    let title = document.text().lines().map(str::trim).find(|l| !l.is_empty()).map(clean);
    if let Some(title) = title.filter(|t| t.chars().count() <= 200) {
        work.insert("headline".into(), json!(title));
    }
    Value::Object(work)
}

fn organization(name: &str, url: Option<&str>) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(name));
    if let Some(url) = url {
        org.insert("url".into(), json!(url));
    }
    Value::Object(org)
}

fn review(
    f: &Finding,
    appearance: &Value,
    article_date: Option<&str>,
    options: &ClaimReviewOptions,
) -> Option<Value> {
    let (value, label) = rating(f.verdict)?;
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    claim.insert("appearance".into(), appearance.clone());
    if let Some(author) = &options.claim_author {
        claim.insert("author".into(), organization(author, None));
    }
    if let Some(date) = article_date {
        claim.insert("datePublished".into(), json!(date));
    }
    Some(json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": options.review_url,
        "claimReviewed": clean(&f.claim.sentence),
        "reviewBody": clean(&f.message),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": label,
        },
        "itemReviewed": Value::Object(claim),
        "author": organization(&options.publisher, options.publisher_url.as_deref()),
        "datePublished": options.review_date,
    }))
}

#[cfg(test)]
mod tests {
    use claimcheck_core::audit::Verdict;

    use super::super::fixture::mixed;
    use super::*;

    fn options() -> ClaimReviewOptions {
        ClaimReviewOptions {
            publisher: "The Ledger Desk".into(),
            publisher_url: Some("https://example.org/".into()),
            review_url: "https://example.org/fact-checks/meta".into(),
            article_url: Some("https://example.com/news/meta".into()),
            claim_author: Some("Example Wire".into()),
            review_date: "2025-08-23".into(),
            reference_date: None,
        }
    }

    #[test]
    fn one_review_per_verdict_except_unverified() {
        let fx = mixed();
        let mut out = Vec::new();
        findings(&[fx.audited()], &options(), &mut out).expect("render");
        let v: Value = serde_json::from_slice(&out).expect("JSON");
        let reviews = v.as_array().expect("array");
        let labels: Vec<&str> =
            reviews.iter().map(|r| r["reviewRating"]["alternateName"].as_str().unwrap_or("")).collect();
        assert_eq!(labels, ["False", "Disputed", "True"]);
        assert_eq!(reviews[0]["reviewRating"]["ratingValue"], 1);
        assert_eq!(reviews[0]["author"]["name"], "The Ledger Desk");
        assert_eq!(reviews[0]["itemReviewed"]["author"]["name"], "Example Wire");
        assert_eq!(reviews[0]["itemReviewed"]["appearance"]["url"], "https://example.com/news/meta");
        assert_eq!(rating(Verdict::Unverified), None);
    }
}
