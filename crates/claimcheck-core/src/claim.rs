//! The claim: one checkable statement found in an article.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What sort of value a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// An amount of money with an ISO-4217 currency.
    Money,
    /// A cardinal number, possibly with a counted noun.
    Number,
    /// A percentage or percentage points.
    Percent,
    /// A calendar date, month or year.
    Date,
    /// A length of time.
    Duration,
    /// An ordinal ("third").
    Ordinal,
    /// A physical quantity with a unit.
    Quantity,
}

impl ClaimKind {
    /// Every kind, in output order.
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Money,
        ClaimKind::Number,
        ClaimKind::Percent,
        ClaimKind::Date,
        ClaimKind::Duration,
        ClaimKind::Ordinal,
        ClaimKind::Quantity,
    ];

    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Money => "money",
            ClaimKind::Number => "number",
            ClaimKind::Percent => "percent",
            ClaimKind::Date => "date",
            ClaimKind::Duration => "duration",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Quantity => "quantity",
        }
    }
}

/// How the article bounds its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    #[default]
    Exact,
    /// "about", "around", "roughly", "nearly", ...
    Approximately,
    /// "at least", "no fewer than".
    AtLeast,
    /// "up to", "as much as", "no more than".
    AtMost,
    /// "more than", "over", "above".
    MoreThan,
    /// "less than", "under", "below".
    LessThan,
    /// "from X to Y", "between X and Y", "X-Y".
    Range,
}

impl Qualifier {
    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }
}

/// A claim's value: a number, or an ISO-8601 date string ("2022", "2025-06",
/// "2025-06-22") for dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ClaimValue {
    /// Any numeric value (money, counts, percent, durations, ...).
    Number(f64),
    /// An ISO-8601 date at the precision the text gives.
    Date(String),
}

impl ClaimValue {
    /// The number, if this is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            ClaimValue::Number(n) => Some(*n),
            ClaimValue::Date(_) => None,
        }
    }

    /// The ISO date string, if this is a date.
    pub fn as_date(&self) -> Option<&str> {
        match self {
            ClaimValue::Number(_) => None,
            ClaimValue::Date(d) => Some(d),
        }
    }
}

impl std::fmt::Display for ClaimValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClaimValue::Number(n) => write!(f, "{}", crate::claim::format_number(*n)),
            ClaimValue::Date(d) => f.write_str(d),
        }
    }
}

/// Write a number without exponent and without trailing zeros
/// (`14000000000`, `0.5`, `-1.25`).
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e18 {
        return format!("{}", n as i64);
    }
    let s = format!("{n}");
    if s.contains('e') {
        // Rust prints very large/small floats with an exponent; expand them.
        let mut out = format!("{n:.12}");
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
        out
    } else {
        s
    }
}

/// One checkable claim, as `extract --format jsonl` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The input file as given on the command line (`-` for stdin).
    pub file: String,
    /// What sort of value the claim states.
    pub kind: ClaimKind,
    /// The exact substring of the input.
    pub text: String,
    /// Where `text` sits in the input bytes.
    pub span: Span,
    /// The normalized value (lower bound for a range).
    pub value: ClaimValue,
    /// Upper bound of a range, else `None`.
    pub high: Option<ClaimValue>,
    /// ISO-4217 code, `%`, `pp`, a duration unit, a counted noun or a unit symbol.
    pub unit: Option<String>,
    /// Rate denominator ("month" in "per month").
    pub per: Option<String>,
    /// How the figure is bounded.
    pub qualifier: Qualifier,
    /// "projected", "estimated", ... when the text hedges.
    pub hedge: Option<String>,
    /// The entity the claim is about.
    pub subject: Option<String>,
    /// Canonical attribute ("revenue", "founded", ...).
    pub attribute: Option<String>,
    /// Second entity of a relation ("Scale AI").
    pub object: Option<String>,
    /// The time the value refers to, ISO string.
    pub period: Option<String>,
    /// The sentence that holds the claim.
    pub sentence: String,
}
