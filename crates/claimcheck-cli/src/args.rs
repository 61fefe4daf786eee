//! Command-line arguments (clap derive): one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Extract checkable claims from news articles and audit them against a
/// ledger of sourced facts.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every checkable claim in the given articles.
    ///
    /// Example: claimcheck extract --reference-date 2025-08-22 fixtures/meta-midjourney.txt
    Extract(ExtractArgs),
    /// Check every claim in the given articles against the ledger.
    ///
    /// Example: claimcheck audit --reference-date 2025-08-22 fixtures/meta-midjourney.txt
    Audit(AuditArgs),
    /// Check, format and edit the ledger of known facts.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Find claims about the same thing that disagree across articles (no ledger needed).
    ///
    /// Example: claimcheck compare fixtures/compare/wire.md fixtures/compare/draft-disagrees.md
    Compare(CompareArgs),
    /// Show how each figure's value changed across dated articles or a folder's git history.
    ///
    /// Example: claimcheck track fixtures/track/
    Track(TrackArgs),
    /// Turn the claims of trusted documents into candidate ledger rows for review.
    ///
    /// Example: claimcheck harvest --source-name "Microsoft press release, 2016-06-13" press/msft.txt --into claims/candidates.csv
    Harvest(HarvestArgs),
}

/// Input options shared by `extract` and `audit`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Articles to read (`-` for standard input).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The article's own date: relative expressions ("in June", "last year") resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<chrono::NaiveDate>,
    /// How to read the input (default: by file extension).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// Currency of a bare `$` (ISO-4217 code) [default: USD, or `default_currency` in .claimcheck.toml].
    #[arg(long, value_name = "CODE")]
    pub default_currency: Option<String>,
    /// Skip files matching this glob when walking a directory (repeatable; replaces `exclude` in .claimcheck.toml).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Refuse articles larger than this many bytes (the file is reported and skipped).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// How to run over many files, shared by `extract` and `audit`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Run")]
pub struct RunArgs {
    /// Files to process at once (default: all cores, or RAYON_NUM_THREADS).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// No progress bar (it only shows on a terminal, after about a second).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print only counts: per verdict (audit) or per kind (extract), per file and in total.
    #[arg(long, help_heading = "Output")]
    pub summary: bool,
}

/// Default `--max-file-size`: 256 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

/// `claimcheck extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub run: RunArgs,
    /// Ledger whose entity names and aliases help attribution (CSV file or directory).
    #[arg(long, value_name = "PATH", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", help_heading = "Output")]
    pub format: ExtractFormat,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A table for the terminal.
    Table,
    /// One row per claim.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// `claimcheck audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub run: RunArgs,
    /// The ledger: a CSV file or a directory (default: `claims/` of the enclosing git work tree).
    #[arg(long, value_name = "PATH", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,
    /// Relative tolerance for hedged figures ("about $26 billion"), e.g. `5%`.
    #[arg(long, value_name = "PERCENT", help_heading = "Ledger")]
    pub tolerance: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", help_heading = "Output")]
    pub format: AuditFormat,
    /// Show only findings with these verdicts (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT", help_heading = "Output")]
    pub only: Vec<VerdictArg>,
    /// Exit 1 when a finding has one of these verdicts (comma-separated) [default: contradicted].
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT", help_heading = "Output")]
    pub fail_on: Vec<VerdictArg>,
    /// SARIF: also report unverified claims, at level `note`.
    #[arg(long, help_heading = "Output")]
    pub sarif_include_unverified: bool,
    /// Also show findings listed in the ledger's `reviewed.csv` (they still do not fail the run).
    #[arg(long, help_heading = "Review")]
    pub show_reviewed: bool,
    /// Print `fingerprint<TAB>path:line:col<TAB>message` for each finding instead of the report.
    #[arg(long, help_heading = "Review")]
    pub print_fingerprints: bool,
    #[command(flatten)]
    pub claimreview: ClaimReviewArgs,
}

/// What `audit --format claimreview` needs beyond the findings.
#[derive(Debug, Args)]
#[command(next_help_heading = "ClaimReview")]
pub struct ClaimReviewArgs {
    /// The organization that publishes the fact check (required for claimreview).
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// The publisher's home page.
    #[arg(long, value_name = "URL")]
    pub publisher_url: Option<String>,
    /// The page that will carry the fact check (required for claimreview).
    #[arg(long, value_name = "URL")]
    pub review_url: Option<String>,
    /// Where the reviewed article appears (one input file only).
    #[arg(long, value_name = "URL")]
    pub article_url: Option<String>,
    /// Who made the claims: the reviewed article's publisher or author.
    #[arg(long, value_name = "NAME")]
    pub claim_author: Option<String>,
    /// Date of the fact check [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub review_date: Option<chrono::NaiveDate>,
}

/// Output formats of `audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// A table for the terminal, grouped by file, with a summary line.
    Table,
    /// rustc-style annotated diagnostics for contradictions.
    Diag,
    /// One row per finding.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A table to paste into a pull request.
    Markdown,
    /// A self-contained HTML report.
    Html,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// schema.org ClaimReview JSON-LD for each supported, contradicted or disputed claim.
    Claimreview,
}

/// `claimcheck compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// A ledger whose entity names and aliases make "Facebook" and "Meta" one subject.
    #[arg(long, value_name = "PATH", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,
    /// Relative tolerance for hedged figures ("about $26 billion"), e.g. `5%`.
    #[arg(long, value_name = "PERCENT", help_heading = "Output")]
    pub tolerance: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", help_heading = "Output")]
    pub format: CrosscheckFormat,
}

/// `claimcheck track`.
#[derive(Debug, Args)]
pub struct TrackArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Track the versions committed since this git revision (the files must be in a git work tree).
    #[arg(long, value_name = "REV", help_heading = "History")]
    pub since: Option<String>,
    /// The date of an article that carries none (repeatable): `FILE=YYYY-MM-DD`.
    #[arg(long, value_name = "FILE=YYYY-MM-DD", value_parser = parse_dated, help_heading = "History")]
    pub date: Vec<(PathBuf, chrono::NaiveDate)>,
    /// A ledger whose entity names and aliases make "Facebook" and "Meta" one subject.
    #[arg(long, value_name = "PATH", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,
    /// Relative tolerance for hedged figures ("about $26 billion"), e.g. `5%`.
    #[arg(long, value_name = "PERCENT", help_heading = "Output")]
    pub tolerance: Option<String>,
    /// Show only figures whose value changed.
    #[arg(long, help_heading = "Output")]
    pub changed: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", help_heading = "Output")]
    pub format: CrosscheckFormat,
}

/// Output formats of `compare` and `track`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CrosscheckFormat {
    /// A table for the terminal.
    Table,
    /// One row per disagreement (compare) or per value (track).
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Verdict names on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictArg {
    /// supported
    Supported,
    /// contradicted
    Contradicted,
    /// disputed
    Disputed,
    /// unverified
    Unverified,
}

impl From<VerdictArg> for claimcheck_core::audit::Verdict {
    fn from(v: VerdictArg) -> Self {
        use claimcheck_core::audit::Verdict;
        match v {
            VerdictArg::Supported => Verdict::Supported,
            VerdictArg::Contradicted => Verdict::Contradicted,
            VerdictArg::Disputed => Verdict::Disputed,
            VerdictArg::Unverified => Verdict::Unverified,
        }
    }
}

/// `claimcheck harvest`.
#[derive(Debug, Args)]
pub struct HarvestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How the documents are cited in each row's `source` (the file, line and column are added).
    #[arg(long, value_name = "NAME", help_heading = "Rows")]
    pub source_name: String,
    /// The rows' `as_of`: the date the documents were read.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help_heading = "Rows")]
    pub date: Option<chrono::NaiveDate>,
    /// Ledger whose names help attribution and whose facts mark duplicates and conflicts
    /// (default: `claims/` of the enclosing git work tree, if there is one).
    #[arg(long, value_name = "PATH", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,
    /// Merge the rows into this candidates file (never a reviewed facts file) instead of printing them.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub into: Option<PathBuf>,
    /// Output format (standard output only).
    #[arg(long, value_enum, default_value = "csv", help_heading = "Output")]
    pub format: HarvestFormat,
}

/// Output formats of `harvest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HarvestFormat {
    /// Ledger rows in canonical form, duplicates and conflicts marked in `note`.
    Csv,
    /// A table for the terminal.
    Table,
    /// One JSON object per row, with its status and the claim it came from.
    Jsonl,
}

/// `claimcheck ledger ...`.
#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Report every problem in the ledger as `path:line:col: error: ...`.
    ///
    /// Example: claimcheck ledger check --ledger claims/
    Check(LedgerCheckArgs),
    /// Rewrite the ledger in canonical form (or check that it is).
    ///
    /// Example: claimcheck ledger fmt --check
    Fmt(LedgerFmtArgs),
    /// Add one fact, validated, in canonical position.
    ///
    /// Example: claimcheck ledger add --entity Meta --attribute investment --object "Scale AI" --value 14300000000 --unit USD --source https://...
    Add(Box<LedgerAddArgs>),
    /// Merge three versions of a ledger file row by row (a git merge driver).
    ///
    /// Example: claimcheck ledger merge %O %A %B
    Merge(LedgerMergeArgs),
    /// Show the facts about an entity (and its aliases) as a table.
    ///
    /// Example: claimcheck ledger show Meta
    Show(LedgerShowArgs),
}

/// The ledger location, shared by the ledger subcommands.
#[derive(Debug, Args)]
pub struct LedgerPath {
    /// The ledger: a CSV file or a directory (default: `claims/` of the enclosing git work tree).
    #[arg(long, value_name = "PATH")]
    pub ledger: Option<PathBuf>,
}

/// `claimcheck ledger check`.
#[derive(Debug, Args)]
pub struct LedgerCheckArgs {
    #[command(flatten)]
    pub ledger: LedgerPath,
    /// Warn about facts whose `as_of` is older than this many days.
    #[arg(long, value_name = "DAYS")]
    pub stale_after: Option<u32>,
}

/// `claimcheck ledger fmt`.
#[derive(Debug, Args)]
pub struct LedgerFmtArgs {
    #[command(flatten)]
    pub ledger: LedgerPath,
    /// Do not write; exit 1 and print a diff when a file is not canonical.
    #[arg(long)]
    pub check: bool,
}

/// `claimcheck ledger add`.
#[derive(Debug, Args)]
pub struct LedgerAddArgs {
    #[command(flatten)]
    pub ledger: LedgerPath,
    /// Who or what the fact is about.
    #[arg(long)]
    pub entity: String,
    /// Canonical attribute (founded, revenue, investment, ...).
    #[arg(long)]
    pub attribute: String,
    /// The value: a number, an ISO date, a range `10..120`, or "$14.3 billion".
    #[arg(long, allow_hyphen_values = true)]
    pub value: String,
    /// Second entity of a relation.
    #[arg(long)]
    pub object: Option<String>,
    /// Unit: ISO-4217 code, `%`, `year`, a counted noun.
    #[arg(long)]
    pub unit: Option<String>,
    /// The time the value refers to.
    #[arg(long)]
    pub period: Option<String>,
    /// exact, approximately, at_least, at_most or estimate.
    #[arg(long)]
    pub qualifier: Option<String>,
    /// Relative tolerance, e.g. `5%`.
    #[arg(long)]
    pub tolerance: Option<String>,
    /// preferred, normal, deprecated or disputed.
    #[arg(long)]
    pub rank: Option<String>,
    /// URL or citation (required).
    #[arg(long)]
    pub source: Option<String>,
    /// Date the fact was checked.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Free text.
    #[arg(long)]
    pub note: Option<String>,
    /// Stable identifier (generated when absent).
    #[arg(long)]
    pub id: Option<String>,
    /// The CSV file to add to, inside a directory ledger (default: the first facts file).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// `claimcheck ledger merge`.
#[derive(Debug, Args)]
pub struct LedgerMergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version, overwritten with the result (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
}

/// `claimcheck ledger show`.
#[derive(Debug, Args)]
pub struct LedgerShowArgs {
    #[command(flatten)]
    pub ledger: LedgerPath,
    /// The entity (or one of its aliases).
    pub entity: String,
}

fn parse_dated(s: &str) -> Result<(PathBuf, chrono::NaiveDate), String> {
    let (file, date) = s.rsplit_once('=').ok_or_else(|| "expected FILE=YYYY-MM-DD".to_string())?;
    Ok((PathBuf::from(file), parse_date(date)?))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD ({e})"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        super::Cli::command().debug_assert();
    }
}
