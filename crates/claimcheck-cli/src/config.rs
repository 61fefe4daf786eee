//! Project configuration: `.claimcheck.toml`, found by walking up from the
//! current directory to the root of the git work tree (like `_typos.toml` or
//! `.vale.ini`). Every key has a flag, and flags win. See `docs/config.md`.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use claimcheck_core::audit::Verdict;
use claimcheck_core::extract::ExtractOptions;
use claimcheck_core::span::LineIndex;
use serde::Deserialize;
use toml::Spanned;

use crate::args::InputArgs;

/// The file name looked for.
pub const FILE_NAME: &str = ".claimcheck.toml";

/// How to pick the article's reference date when `--reference-date` is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReferenceDate {
    /// The date the article states (meta tag, front matter, dateline).
    #[default]
    Dateline,
    /// Always this date.
    Fixed(NaiveDate),
    /// No reference date: relative dates ("in June", "last year") stay unresolved.
    None,
}

/// A loaded and validated configuration. The default is "no file".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it came from, as named in messages.
    pub path: Option<PathBuf>,
    /// The absolute directory of that file (where `exclude` patterns start).
    pub root: Option<PathBuf>,
    /// `ledger`, resolved against the config file's directory.
    pub ledger: Option<PathBuf>,
    /// `default_currency`.
    pub default_currency: Option<String>,
    /// `tolerance`, as a fraction (0.05 for "5%").
    pub tolerance: Option<f64>,
    /// `fail_on`.
    pub fail_on: Option<Vec<Verdict>>,
    /// `exclude` glob patterns.
    pub exclude: Vec<String>,
    /// `reference_date`.
    pub reference_date: ReferenceDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    ledger: Option<Spanned<String>>,
    default_currency: Option<Spanned<String>>,
    tolerance: Option<Spanned<String>>,
    fail_on: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    reference_date: Option<Spanned<String>>,
}

/// Find `.claimcheck.toml` in `start` or one of its parents, stopping at the
/// root of the git work tree (the directory holding `.git`). Outside a git
/// work tree only `start` itself is searched.
pub fn find(start: &Path) -> Option<PathBuf> {
    let in_git = start.ancestors().any(|d| d.join(".git").exists());
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if !in_git || dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// Load the configuration that applies to the current directory, if any.
pub fn load_for_cwd() -> Result<Config> {
    let cwd = std::env::current_dir()?;
    let Some(found) = find(&cwd) else { return Ok(Config::default()) };
    // Name the file relative to the current directory in messages and
    // resolve `ledger` the same way, so no absolute path leaks into output.
    let depth = cwd.components().count().saturating_sub(found.components().count() - 1);
    let mut rel = PathBuf::new();
    for _ in 0..depth {
        rel.push("..");
    }
    rel.push(FILE_NAME);
    let mut config = load(&rel)?;
    config.root = found.parent().map(Path::to_path_buf);
    Ok(config)
}

/// Read and validate one configuration file.
pub fn load(path: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    parse(path, &text)
}

/// Validate `text`, the content of the file at `path`. Errors read
/// `path:line:col: message`.
pub fn parse(path: &Path, text: &str) -> Result<Config> {
    let at = |span: Option<Range<usize>>, message: &str| {
        let (line, col) = span.map_or((1, 1), |s| LineIndex::new(text).line_col(text, s.start));
        anyhow!("{}:{line}:{col}: {message}", path.display())
    };
    let raw: Raw = toml::from_str(text).map_err(|e| at(e.span(), e.message().trim_end()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut config = Config { path: Some(path.to_path_buf()), ..Config::default() };
    if let Some(l) = raw.ledger {
        if l.get_ref().trim().is_empty() {
            return Err(at(Some(l.span()), "`ledger` is empty"));
        }
        config.ledger = Some(dir.join(l.get_ref()));
    }
    if let Some(c) = raw.default_currency {
        let code = c.get_ref();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(at(
                Some(c.span()),
                &format!("`default_currency`: expected an ISO-4217 code such as USD (got `{code}`)"),
            ));
        }
        config.default_currency = Some(code.clone());
    }
    if let Some(t) = raw.tolerance {
        let v = parse_tolerance(t.get_ref()).ok_or_else(|| {
            at(
                Some(t.span()),
                &format!("`tolerance`: expected a percentage such as \"5%\" (got `{}`)", t.get_ref()),
            )
        })?;
        config.tolerance = Some(v);
    }
    if let Some(list) = raw.fail_on {
        let mut verdicts = Vec::new();
        for v in list {
            let verdict = Verdict::ALL.into_iter().find(|x| x.as_str() == v.get_ref()).ok_or_else(|| {
                at(
                    Some(v.span()),
                    &format!(
                        "`fail_on`: unknown verdict `{}` (expected supported, contradicted, disputed or unverified)",
                        v.get_ref()
                    ),
                )
            })?;
            verdicts.push(verdict);
        }
        config.fail_on = Some(verdicts);
    }
    if let Some(list) = raw.exclude {
        for p in list {
            if p.get_ref().trim().is_empty() {
                return Err(at(Some(p.span()), "`exclude`: empty pattern"));
            }
            config.exclude.push(p.into_inner());
        }
    }
    if let Some(r) = raw.reference_date {
        config.reference_date = match r.get_ref().as_str() {
            "dateline" => ReferenceDate::Dateline,
            "none" => ReferenceDate::None,
            s => ReferenceDate::Fixed(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                at(
                    Some(r.span()),
                    &format!("`reference_date`: expected \"dateline\", \"none\" or YYYY-MM-DD (got `{s}`)"),
                )
            })?),
        };
    }
    Ok(config)
}

/// "5%" or "0.05", as a fraction in [0, 1).
fn parse_tolerance(s: &str) -> Option<f64> {
    let t = s.trim();
    let v = match t.strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().ok().map(|v| v / 100.0),
        None => t.parse::<f64>().ok(),
    }?;
    (0.0..1.0).contains(&v).then_some(v)
}

impl Config {
    /// The reference date when the flag is absent.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        match self.reference_date {
            ReferenceDate::Dateline | ReferenceDate::None => None,
            ReferenceDate::Fixed(d) => Some(d),
        }
    }

    /// How to extract, from the command line's input flags with this file's
    /// settings under them: `--reference-date`, `--default-currency` (else
    /// `default_currency`, else USD), and the dateline policy.
    pub fn extract_options(&self, input: &InputArgs) -> ExtractOptions {
        ExtractOptions {
            reference_date: input.reference_date.or(self.reference_date()),
            default_currency: Some(self.default_currency(input)),
            ignore_dateline: self.ignore_dateline(),
        }
    }

    /// The currency of a bare `$`: `--default-currency`, else
    /// `default_currency`, else USD.
    pub fn default_currency(&self, input: &InputArgs) -> String {
        input
            .default_currency
            .clone()
            .or_else(|| self.default_currency.clone())
            .unwrap_or_else(|| "USD".into())
    }

    /// True when the article's own date must not be used (`reference_date = "none"`).
    pub fn ignore_dateline(&self) -> bool {
        self.reference_date == ReferenceDate::None
    }

    /// Drop documents found by walking a directory whose path matches an
    /// `exclude` pattern. Files named on the command line are always kept.
    /// `--exclude` patterns, when given, replace the file's (and are matched
    /// relative to the current directory when there is no file).
    pub fn drop_excluded(&self, args: &InputArgs, paths: &mut Vec<PathBuf>) {
        let patterns = if args.exclude.is_empty() { &self.exclude } else { &args.exclude };
        if patterns.is_empty() {
            return;
        }
        let named = &args.files;
        let cwd = std::env::current_dir().unwrap_or_default();
        let base = self
            .root
            .as_deref()
            .or_else(|| self.path.as_deref().and_then(Path::parent))
            .unwrap_or(Path::new(""));
        paths.retain(|path| {
            let given = path.as_path();
            if named.iter().any(|n| n == given) {
                return true;
            }
            let rel = relative_to(&cwd.join(given), base).unwrap_or_else(|| slashed(given));
            !patterns.iter().any(|p| glob_match(p, &rel))
        });
    }
}

/// `path` relative to `base` with forward slashes, if it lies under `base`.
fn relative_to(path: &Path, base: &Path) -> Option<String> {
    if path.components().any(|c| matches!(c, Component::ParentDir)) {
        return None;
    }
    path.strip_prefix(base).ok().map(slashed)
}

fn slashed(path: &Path) -> String {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => parts.push(c.as_os_str().to_string_lossy().replace('\\', "/")),
        }
    }
    parts.join("/")
}

/// Match `path` (forward slashes) against a glob: `*` and `?` stay within
/// one path segment, `**` crosses segments. A pattern without `/` matches
/// the file name in any directory (as in `.gitignore`); a leading `/`
/// anchors it at the config file's directory.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim();
    if let Some(anchored) = pattern.strip_prefix('/') {
        return matches(anchored.as_bytes(), path.as_bytes());
    }
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or(path);
        return matches(pattern.as_bytes(), name.as_bytes());
    }
    matches(pattern.as_bytes(), path.as_bytes())
}

fn matches(p: &[u8], s: &[u8]) -> bool {
    match p {
        [] => s.is_empty(),
        [b'*', b'*', b'/', rest @ ..] => {
            // `**/` matches zero or more whole segments.
            matches(rest, s) || s.iter().enumerate().any(|(i, &c)| c == b'/' && matches(rest, &s[i + 1..]))
        }
        [b'*', b'*', rest @ ..] => (0..=s.len()).any(|i| matches(rest, &s[i..])),
        [b'*', rest @ ..] => {
            (0..=s.len()).take_while(|&i| i == 0 || s[i - 1] != b'/').any(|i| matches(rest, &s[i..]))
        }
        [b'?', rest @ ..] => s.first().is_some_and(|&c| c != b'/') && matches(rest, &s[1..]),
        [c, rest @ ..] => s.first() == Some(c) && matches(rest, &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config> {
        parse(Path::new("proj/.claimcheck.toml"), text)
    }

    #[test]
    fn every_key() {
        let c = parse_str(
            "ledger = \"facts\"\ndefault_currency = \"EUR\"\ntolerance = \"5%\"\nfail_on = [\"contradicted\", \"disputed\"]\nexclude = [\"drafts/**\"]\nreference_date = \"2025-08-22\"\n",
        )
        .expect("valid");
        assert_eq!(c.ledger, Some(PathBuf::from("proj/facts")));
        assert_eq!(c.default_currency.as_deref(), Some("EUR"));
        assert_eq!(c.tolerance, Some(0.05));
        assert_eq!(c.fail_on, Some(vec![Verdict::Contradicted, Verdict::Disputed]));
        assert_eq!(c.exclude, ["drafts/**"]);
        assert_eq!(c.reference_date(), NaiveDate::from_ymd_opt(2025, 8, 22));
        let empty = parse_str("").expect("empty is fine");
        assert_eq!(empty.reference_date, ReferenceDate::Dateline);
        assert_eq!(empty.ledger, None);
    }

    #[test]
    fn errors_carry_line_and_column() {
        let cases = [
            (
                "tolerance = \"5%\"\nfail_on = [\"wrong\"]\n",
                "proj/.claimcheck.toml:2:12: `fail_on`: unknown verdict `wrong`",
            ),
            ("colour = 1\n", "proj/.claimcheck.toml:1:1: unknown field `colour`"),
            ("tolerance = \"150%\"", "proj/.claimcheck.toml:1:13: `tolerance`"),
            ("reference_date = \"22/08/2025\"", "proj/.claimcheck.toml:1:18: `reference_date`"),
            ("default_currency = \"usd\"", "proj/.claimcheck.toml:1:20: `default_currency`"),
            ("\n\nledger = [", "proj/.claimcheck.toml:3:"),
            ("tolerance = 5", "proj/.claimcheck.toml:1:13: invalid type"),
        ];
        for (text, want) in cases {
            let e = parse_str(text).expect_err(text).to_string();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
    }

    #[test]
    fn globs() {
        let cases = [
            ("*.md", "a/b/c.md", true),
            ("*.md", "a/b/c.txt", false),
            ("drafts/**", "drafts/a/b.md", true),
            ("drafts/**", "news/drafts/a.md", false),
            ("**/drafts/**", "news/drafts/a.md", true),
            ("**/drafts/*.md", "drafts/a.md", true),
            ("news/*.md", "news/a/b.md", false),
            ("news/?.md", "news/a.md", true),
            ("/top.md", "top.md", true),
            ("/top.md", "a/top.md", false),
            ("draft-*", "x/draft-1.txt", true),
        ];
        for (p, s, want) in cases {
            assert_eq!(glob_match(p, s), want, "{p} vs {s}");
        }
    }

    #[test]
    fn found_up_to_the_git_root_only() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("repo");
        let deep = root.join("a/b");
        std::fs::create_dir_all(&deep).expect("mkdir");
        std::fs::create_dir(root.join(".git")).expect("mkdir");
        assert_eq!(find(&deep), None);
        std::fs::write(tmp.path().join(FILE_NAME), "").expect("write");
        assert_eq!(find(&deep), None, "above the git root: not ours");
        std::fs::write(root.join(FILE_NAME), "").expect("write");
        assert_eq!(find(&deep), Some(root.join(FILE_NAME)));
        std::fs::write(deep.join(FILE_NAME), "").expect("write");
        assert_eq!(find(&deep), Some(deep.join(FILE_NAME)), "the nearest wins");
    }
}
