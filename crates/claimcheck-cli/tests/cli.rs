//! Golden CLI cases: `tests/cmd/*.toml` at the workspace root.
//! Refresh with `TRYCMD=overwrite cargo test -p claimcheck-cli --test cli` and review the diff.

#[test]
fn cli() {
    trycmd::TestCases::new().case("../../tests/cmd/*.toml");
}
