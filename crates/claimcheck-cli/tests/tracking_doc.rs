//! The sample outputs in `docs/tracking.md` are the golden outputs of
//! `tests/cmd/compare-disagrees.toml` and `tests/cmd/track-table.toml`, so
//! the page cannot drift from what the tool prints.

use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn golden_stdout(case: &str) -> String {
    let text = read(&format!("tests/cmd/{case}.toml"));
    let from = text.find("stdout = \"\"\"\n").map(|i| i + 13).expect("stdout");
    let to = text[from..].find("\"\"\"").map(|i| from + i).expect("end of stdout");
    text[from..to].to_string()
}

#[test]
fn compare_sample_is_the_golden_output() {
    let doc = read("docs/tracking.md");
    let indented: String = golden_stdout("compare-disagrees").lines().map(|l| format!("   {l}\n")).collect();
    assert!(
        doc.contains(&indented),
        "docs/tracking.md: paste tests/cmd/compare-disagrees.toml's stdout\n{indented}"
    );
}

#[test]
fn track_sample_is_the_golden_output() {
    let doc = read("docs/tracking.md");
    let golden = golden_stdout("track-table");
    let start = golden.find("Meta / investment / Scale AI [USD]").expect("the USD history");
    let block = &golden[start..];
    let table: String = block.lines().take_while(|l| !l.starts_with('└')).map(|l| format!("{l}\n")).collect();
    assert!(
        doc.contains(&table),
        "docs/tracking.md: paste the USD history of tests/cmd/track-table.toml\n{table}"
    );
    let summary = golden.lines().last().expect("summary line");
    assert!(doc.contains(summary), "docs/tracking.md: summary line `{summary}`");
}
