//! One case per matching and comparison rule of the audit (docs/audit.md):
//! a tiny ledger, one sentence, the verdict an editor expects.

use std::io::Write;

const HEADER: &str =
    "id,entity,attribute,object,value,unit,period,qualifier,tolerance,rank,source,as_of,note\n";

const LEDGER: &str = "\
acme-founded,Acme,founded,,2001,,,,,,https://example.com/founded,,
acme-revenue-2023,Acme,revenue,,500000000,USD,2023,,,,https://example.com/r23,,
acme-revenue-2024,Acme,revenue,,640000000,USD,2024,,,,https://example.com/r24,,
acme-beta-investment,Acme,investment,Beta,14300000000,USD,2025-06-12,,,,https://example.com/inv,,
acme-beta-investment-early,Acme,investment,Beta,14800000000,USD,2025-06-12,,,deprecated,https://example.com/early,,
acme-employees,Acme,employees,,86482,employees,2024-12-31,,,,https://example.com/staff,,
acme-price,Acme,price,,10..120,USD,2025,,,,https://example.com/price,,
acme-users,Acme,monthly_active_users,,450000000,users,2025-06-30,approximately,5%,,https://example.com/users,,
acme-nokia,Acme,acquisition,Gamma,5440000000,EUR,2013-09-03,,,,https://example.com/gamma,,
beta-founded,Beta,founded,,2016,,,,,,https://example.com/beta-a,,
beta-founded-2,Beta,founded,,2017,,,,,disputed,https://example.com/beta-b,,
acme-net-income,Acme,net_income,,-349000000,USD,2023,,,,https://example.com/ni,,
";

const ALIASES: &str = "alias,entity\nAcme Corp,Acme\nthe widget maker,Acme\n";

/// Audit one sentence (dated 2025-08-22) and return the verdict of the claim
/// whose text is `claim`.
fn verdict(sentence: &str, claim: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = dir.path().join("ledger");
    std::fs::create_dir(&ledger).expect("ledger dir");
    std::fs::write(ledger.join("facts.csv"), format!("{HEADER}{LEDGER}")).expect("facts");
    std::fs::write(ledger.join("aliases.csv"), ALIASES).expect("aliases");
    let article = dir.path().join("a.txt");
    let mut f = std::fs::File::create(&article).expect("article");
    writeln!(f, "{sentence}").expect("write");
    let out = assert_cmd::cargo::cargo_bin_cmd!("claimcheck")
        .args(["audit", "--format", "jsonl", "--reference-date", "2025-08-22", "--ledger"])
        .arg(&ledger)
        .arg(&article)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        if v["claim"]["text"] == claim {
            return v["verdict"].as_str().unwrap_or("").to_string();
        }
    }
    panic!("no finding for {claim:?} in {sentence:?}:\n{stdout}");
}

#[test]
fn matching_and_comparison_rules() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // rule, sentence, claim, verdict
        ("implicit precision", "Acme invested $14 billion in Beta.", "$14 billion", "supported"),
        ("order of magnitude", "Acme invested $1.4 billion in Beta.", "$1.4 billion", "contradicted"),
        ("superseded value", "Acme invested $14.8 billion in Beta.", "$14.8 billion", "contradicted"),
        ("alias", "Acme Corp invested $14.3 billion in Beta.", "$14.3 billion", "supported"),
        ("object must be named", "Acme invested $2 billion in its own labs.", "$2 billion", "unverified"),
        ("period of the claim", "Acme made revenue of $500 million in 2023.", "$500 million", "supported"),
        (
            "another period's value",
            "Acme made revenue of $640 million in 2023.",
            "$640 million",
            "contradicted",
        ),
        (
            "no fact for the period",
            "Acme made revenue of $700 million in 2019.",
            "$700 million",
            "unverified",
        ),
        ("as-of rule", "Acme says its revenue is $640 million.", "$640 million", "supported"),
        (
            "hedged figure",
            "Acme has about 460 million monthly users.",
            "about 460 million monthly users",
            "supported",
        ),
        (
            "more than",
            "Acme has more than 600 million monthly users.",
            "more than 600 million monthly users",
            "contradicted",
        ),
        ("exact count", "Acme employs 86,482 employees.", "86,482 employees", "supported"),
        ("wrong count", "Acme employs 68,482 employees.", "68,482 employees", "contradicted"),
        (
            "range end to end",
            "Acme plans cost from $10 to $120 per month.",
            "from $10 to $120 per month",
            "supported",
        ),
        (
            "range differs",
            "Acme plans cost from $10 to $100 per month.",
            "from $10 to $100 per month",
            "contradicted",
        ),
        (
            "currencies not converted",
            "Acme agreed to pay $7.2 billion for Gamma.",
            "$7.2 billion",
            "unverified",
        ),
        ("same currency", "Acme agreed to pay €5.44 billion for Gamma.", "€5.44 billion", "supported"),
        ("date fact", "Acme was founded in 2001.", "2001", "supported"),
        ("wrong date", "Acme was founded in 1999.", "1999", "contradicted"),
        ("disputed value", "Beta was founded in 2017.", "2017", "disputed"),
        ("sign", "Acme posted net income of $349 million in 2023.", "$349 million", "contradicted"),
        ("unknown entity", "Zeta invested $14 billion in Beta.", "$14 billion", "unverified"),
        (
            "a figure's period is not a founding date",
            "Acme, founded in 2001, made revenue of $500 million in 2023.",
            "2023",
            "unverified",
        ),
    ];
    let mut failures = Vec::new();
    for (rule, sentence, claim, want) in cases {
        let got = verdict(sentence, claim);
        if got != *want {
            failures.push(format!("{rule}: {sentence:?} -> {claim:?} is {got}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
