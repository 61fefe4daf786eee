//! The audit: every claim checked against the ledger.

use serde::Serialize;

use crate::claim::Claim;
use crate::ledger::{Fact, FactValue, Rank};

/// The outcome of checking one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The ledger has the fact and the figure agrees with it.
    Supported,
    /// The ledger has the fact and the figure is outside its bounds.
    Contradicted,
    /// The ledger holds conflicting or contested values for the claim's key.
    Disputed,
    /// No ledger fact can be tied to the claim.
    Unverified,
}

impl Verdict {
    /// Every verdict, in report order.
    pub const ALL: [Verdict; 4] =
        [Verdict::Contradicted, Verdict::Disputed, Verdict::Unverified, Verdict::Supported];

    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Disputed => "disputed",
            Verdict::Unverified => "unverified",
        }
    }
}

/// The ledger fact a finding rests on, as the JSON output carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRef {
    /// The fact's id.
    pub id: String,
    /// Its entity.
    pub entity: String,
    /// Its attribute.
    pub attribute: String,
    /// Its object, if any.
    pub object: Option<String>,
    /// Its value.
    pub value: FactValue,
    /// Its unit.
    pub unit: Option<String>,
    /// Its period.
    pub period: Option<String>,
    /// Its source.
    pub source: String,
    /// Its rank.
    pub rank: Rank,
}

impl From<&Fact> for FactRef {
    fn from(f: &Fact) -> Self {
        FactRef {
            id: f.id.clone(),
            entity: f.entity.clone(),
            attribute: f.attribute.clone(),
            object: f.object.clone(),
            value: f.value.clone(),
            unit: f.unit.clone(),
            period: f.period.clone(),
            source: f.source.clone(),
            rank: f.rank,
        }
    }
}

/// One claim with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The input file.
    pub file: String,
    /// The claim checked.
    pub claim: Claim,
    /// The verdict.
    pub verdict: Verdict,
    /// The fact the verdict rests on, if any.
    pub fact: Option<FactRef>,
    /// One line a person understands: claim, fact, source, why.
    pub message: String,
}
