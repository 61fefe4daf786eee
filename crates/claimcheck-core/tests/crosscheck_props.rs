//! `crosscheck` on arbitrary text: keying, comparing and tracking never
//! panic, and agreement between two figures does not depend on their order.

use std::sync::LazyLock;

use claimcheck_core::crosscheck::{self, Keying, Version, claims_agree};
use claimcheck_core::extract::{ExtractOptions, Extractor};
use claimcheck_core::input::{Document, InputFormat};
use proptest::prelude::*;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Sentences built from the words that make keys, figures and qualifiers,
/// so that most cases produce keyed claims.
fn article() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Meta",
        "Scale AI",
        "invested",
        "valued",
        "at",
        "about",
        "more than",
        "up to",
        "nearly",
        "founded",
        "in",
        "$14.3 billion",
        "$10 billion",
        "14%",
        "2016",
        "June 2025",
        "revenue",
        "was",
        "from $10 to $120",
        "per month",
        "employees",
        "1,200",
        "projected",
        "the",
        ",",
        ".",
        "\n",
        "Q4",
        "2023",
        "€5 billion",
    ]);
    (prop::collection::vec(word, 0..40), any::<String>())
        .prop_map(|(words, noise)| format!("{} {noise}", words.join(" ")))
}

fn keyed(name: &str, text: &str) -> Vec<crosscheck::KeyedClaim> {
    let doc = Document::new(name, text, InputFormat::Text);
    let claims = EXTRACTOR.extract(&doc, &ExtractOptions::default());
    Keying::default().key(&claims)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn compare_and_track_never_panic(a in article(), b in article(), c in article()) {
        let articles = vec![keyed("a.txt", &a), keyed("b.txt", &b), keyed("c.txt", &c)];
        let found = crosscheck::compare(&articles, None);
        for d in &found.disagreements {
            prop_assert!(d.first.file < d.second.file);
            prop_assert!(!claims_agree(&d.first, &d.second, None));
        }
        let versions: Vec<Version> = articles
            .into_iter()
            .enumerate()
            .map(|(i, claims)| Version {
                date: format!("2025-06-1{i}"),
                label: format!("v{i}"),
                article: "a.txt".to_string(),
                claims,
            })
            .collect();
        for h in crosscheck::track(&versions, Some(0.1)) {
            prop_assert!(h.entries.len() >= 2);
            prop_assert_eq!(h.changes, h.entries.iter().filter(|e| e.changed).count());
        }
    }

    #[test]
    fn agreement_is_symmetric(a in article(), b in article()) {
        let ka = keyed("a.txt", &a);
        let kb = keyed("b.txt", &b);
        for x in &ka {
            for y in &kb {
                prop_assert_eq!(
                    claims_agree(&x.claim, &y.claim, None),
                    claims_agree(&y.claim, &x.claim, None),
                    "{} vs {}", x.claim.text, y.claim.text
                );
            }
        }
    }
}
