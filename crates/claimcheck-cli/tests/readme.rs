//! The README's sample report is the golden output of `tests/cmd/audit-table.toml`,
//! so the README cannot drift from what the tool prints.

use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).map(|i| i + start.len()).unwrap_or_else(|| panic!("no `{start}`"));
    let to = text[from..].find(end).map(|i| from + i).unwrap_or_else(|| panic!("no `{end}` after `{start}`"));
    &text[from..to]
}

#[test]
fn readme_sample_report_matches_the_golden_audit() {
    let readme = read("README.md");
    let section = between(&readme, "## Sample report", "\n## ");
    let sample = between(section, "```text\n", "```");
    let golden = read("tests/cmd/audit-table.toml");
    let expected = between(&golden, "stdout = \"\"\"\n", "\"\"\"");
    assert_eq!(
        sample, expected,
        "README.md's sample report differs from tests/cmd/audit-table.toml; paste the golden stdout into the README"
    );
}
