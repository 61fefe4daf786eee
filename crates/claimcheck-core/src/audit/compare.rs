//! Comparing a claimed figure with a ledger value: implicit precision,
//! qualifiers as intervals, ranges, dates at the article's precision.

use crate::claim::{Claim, ClaimKind, ClaimValue, Qualifier, format_number};
use crate::ledger::{Fact, FactQualifier, FactValue};

/// The rounding a figure's written form allows, as a relative cap: "$14
/// billion" may stand for 14.3 billion, but a stated round figure never
/// covers more than this much.
pub const MAX_ROUNDING: f64 = 0.025;
/// The most a bound ("more than", "up to") may be rounded: half a percent.
const BOUND_ROUNDING: f64 = 0.005;

/// Default tolerance of hedged figures ("about", "roughly").
pub const DEFAULT_HEDGE_TOLERANCE: f64 = 0.05;

/// "nearly X", "almost X": the fact must lie just under X, within this much.
pub const NEARLY_TOLERANCE: f64 = 0.10;

/// An interval of acceptable values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Interval {
    /// Do the two intervals share a value?
    pub fn overlaps(self, other: Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// Half the unit of the last significant digit of the number written in
/// `text`, scaled like the value: "$14 billion" gives 0.5 billion, "$14.3
/// billion" 0.05 billion, "$200 million" 50 million, "86,482" 0.5.
pub fn implicit_precision(text: &str, value: f64) -> f64 {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        // Spelled-out numbers ("fourteen billion") are taken as round.
        return value.abs() * MAX_ROUNDING;
    };
    // The digits are ASCII: a slice of the text, not a copy.
    let rest = &text[start..];
    let digits =
        &rest[..rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.'))).unwrap_or(rest.len())];
    let digits = digits.trim_end_matches(['.', ',']);
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let written: f64 = plain.parse().unwrap_or(0.0);
    if written == 0.0 {
        return 0.0;
    }
    let scale = value.abs() / written;
    let unit = match digits.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => {
            let zeros = plain.len() - plain.trim_end_matches('0').len();
            10f64.powi(zeros as i32)
        }
    };
    unit * scale / 2.0
}

/// The interval a claim's figure stands for.
pub fn claim_interval(claim: &Claim, fact: &Fact, extra_tolerance: Option<f64>) -> Option<Interval> {
    Some(ClaimFigure::of(claim)?.interval(claim.qualifier, hedge_tolerance(fact, extra_tolerance)))
}

/// The relative tolerance of a hedged figure compared with `fact`: the
/// default, the fact's own, or the caller's, whichever is largest.
fn hedge_tolerance(fact: &Fact, extra_tolerance: Option<f64>) -> f64 {
    [Some(DEFAULT_HEDGE_TOLERANCE), fact.tolerance, extra_tolerance].into_iter().flatten().fold(0.0, f64::max)
}

/// The interval a claim's figure stands for, with `hedge_tol` as the
/// relative tolerance of a hedged figure ("about $15 billion").
pub fn claim_interval_with(claim: &Claim, hedge_tol: f64) -> Option<Interval> {
    Some(ClaimFigure::of(claim)?.interval(claim.qualifier, hedge_tol))
}

/// What comparing a claim's figure needs from its written form, read once
/// per claim: an audit compares one claim with many facts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimFigure {
    /// The figure.
    value: f64,
    /// The rounding its written form allows, capped at [`MAX_ROUNDING`].
    precision: f64,
    /// The upper end of a stated range.
    high: Option<f64>,
    /// The rounding of the upper end (of the figure when there is none).
    high_precision: f64,
    /// Written "nearly", "almost" or "just under": the figure is an upper bound.
    nearly: bool,
}

impl ClaimFigure {
    /// The claim's figure, or `None` when its value is not a number.
    pub fn of(claim: &Claim) -> Option<Self> {
        let value = claim.value.as_number()?;
        let precision = implicit_precision(&claim.text, value).min(value.abs() * MAX_ROUNDING);
        let high = claim.high.as_ref().and_then(ClaimValue::as_number);
        let high_precision = match high {
            Some(h) => implicit_precision(&claim.text, h).min(h.abs() * MAX_ROUNDING),
            None => precision,
        };
        // The words are at most ten letters: lower-case only the start of the text.
        let starts_with = |word: &str| {
            let mut start = claim.text.chars().take(10).flat_map(char::to_lowercase);
            word.chars().all(|w| start.next() == Some(w))
        };
        let nearly = starts_with("nearly") || starts_with("almost") || starts_with("just under");
        Some(ClaimFigure { value, precision, high, high_precision, nearly })
    }

    /// The interval the figure stands for under `qualifier`, with
    /// `hedge_tol` as the relative tolerance of a hedged figure.
    pub fn interval(&self, qualifier: Qualifier, hedge_tol: f64) -> Interval {
        let (v, precision) = (self.value, self.precision);
        match qualifier {
            Qualifier::Exact => Interval { lo: v - precision, hi: v + precision },
            Qualifier::Approximately if self.nearly => {
                Interval { lo: v * (1.0 - NEARLY_TOLERANCE.max(hedge_tol)), hi: v + precision }
            }
            Qualifier::Approximately => Interval { lo: v - v.abs() * hedge_tol, hi: v + v.abs() * hedge_tol },
            // A bound is the writer's line: "more than 40,000 stores" is not
            // borne out by 39,477, whatever rounding "40,000" allows.
            Qualifier::MoreThan | Qualifier::AtLeast => {
                Interval { lo: v - precision.min(v.abs() * BOUND_ROUNDING), hi: f64::INFINITY }
            }
            Qualifier::LessThan | Qualifier::AtMost => {
                Interval { lo: f64::NEG_INFINITY, hi: v + precision.min(v.abs() * BOUND_ROUNDING) }
            }
            Qualifier::Range => {
                Interval { lo: v - precision, hi: self.high.unwrap_or(v) + self.high_precision }
            }
        }
    }
}

/// The interval a fact's value stands for.
pub fn fact_interval(fact: &Fact) -> Option<Interval> {
    let (lo, hi) = match fact.value {
        FactValue::Number(n) => (n, n),
        FactValue::Range(a, b) => (a, b),
        FactValue::Date(_) => return None,
    };
    let tol = fact.tolerance.unwrap_or(match fact.qualifier {
        FactQualifier::Approximately | FactQualifier::Estimate => DEFAULT_HEDGE_TOLERANCE,
        _ => 0.0,
    });
    // "surpassed 5 million" means a little over 5 million, not any amount above it.
    Some(match fact.qualifier {
        FactQualifier::AtLeast => Interval { lo, hi: hi + hi.abs() * NEARLY_TOLERANCE.max(tol) },
        FactQualifier::AtMost => Interval { lo: lo - lo.abs() * NEARLY_TOLERANCE.max(tol), hi },
        _ => Interval { lo: lo - lo.abs() * tol, hi: hi + hi.abs() * tol },
    })
}

/// Does the claim's figure agree with the fact's value?
pub fn numbers_agree(claim: &Claim, fact: &Fact, extra_tolerance: Option<f64>) -> bool {
    ClaimFigure::of(claim).is_some_and(|figure| figure_agrees(claim, &figure, fact, extra_tolerance))
}

/// [`numbers_agree`] with the claim's figure read already.
pub fn figure_agrees(claim: &Claim, figure: &ClaimFigure, fact: &Fact, extra_tolerance: Option<f64>) -> bool {
    let Some(mut f) = fact_interval(fact) else { return false };
    // A hedged figure already takes the row's tolerance ("about 135,000" may
    // be 5% off, or the row's tolerance if larger): the row is not widened
    // a second time.
    if claim.qualifier == Qualifier::Approximately
        && let FactValue::Number(n) = fact.value
        && matches!(
            fact.qualifier,
            FactQualifier::Exact | FactQualifier::Approximately | FactQualifier::Estimate
        )
    {
        f = Interval { lo: n, hi: n };
    }
    // "a net loss of $9.1 billion", "revenue fell 2.8%": the words carry the
    // sign the ledger writes as a negative value.
    if f.hi < 0.0 && figure.value > 0.0 && states_decrease(claim) {
        f = Interval { lo: -f.hi, hi: -f.lo };
    }
    let c = figure.interval(claim.qualifier, hedge_tolerance(fact, extra_tolerance));
    // A stated range must match a range fact end to end.
    if let (Qualifier::Range, FactValue::Range(a, b)) = (claim.qualifier, &fact.value) {
        // A range with no upper end matches no range fact.
        let Some(hi) = figure.high else { return false };
        return (figure.value - a).abs() <= figure.precision.max(1e-9)
            && (hi - b).abs() <= figure.high_precision.max(1e-9);
    }
    if claim.qualifier == Qualifier::AtMost && fact.qualifier == FactQualifier::AtMost {
        // "up to $6 billion" against "up to $6 billion".
        return c.hi >= f.hi && f.hi >= c.hi - (c.hi.abs() * MAX_ROUNDING);
    }
    if matches!(claim.qualifier, Qualifier::MoreThan | Qualifier::AtLeast) {
        // "more than X" also needs the fact not far above X.
        return c.overlaps(f) && f.lo <= figure.value * 1.5;
    }
    if matches!(claim.qualifier, Qualifier::AtMost | Qualifier::LessThan) && figure.value > 0.0 {
        // "up to $7.5 billion" is not borne out by a $34.10 share price:
        // the fact must come near the bound.
        return c.overlaps(f) && f.hi >= figure.value / 1.5;
    }
    c.overlaps(f)
}

/// Do the words around a positive figure say it is a loss or a fall ("net
/// loss of $9.1 billion", "fell 2.8%", "down 3%", "a $2 billion deficit")?
fn states_decrease(claim: &Claim) -> bool {
    let s = claim.sentence.as_str();
    let at = super::matching::claim_offset_in_sentence(claim);
    let before = s.get(..at).unwrap_or("").to_ascii_lowercase();
    let after = s.get(at + claim.text.len()..).unwrap_or("").to_ascii_lowercase();
    let decrease = |w: &str| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "loss"
                | "losses"
                | "lost"
                | "lose"
                | "fell"
                | "fall"
                | "falls"
                | "declined"
                | "decline"
                | "down"
                | "decreased"
                | "dropped"
                | "shrank"
                | "slid"
                | "slipped"
                | "contracted"
                | "deficit"
                | "negative"
        )
    };
    before.split_whitespace().rev().take(4).any(decrease) || after.split_whitespace().take(2).any(decrease)
}

/// Do two ISO dates agree at the precision of the less precise one?
pub fn dates_agree(claimed: &str, fact: &str) -> bool {
    let n = claimed.len().min(fact.len());
    n >= 4 && claimed.get(..n) == fact.get(..n)
}

/// The ISO date a fact holds, for date claims: its value, or for an event
/// (a deal, a fine) its period.
pub fn fact_date(fact: &Fact) -> Option<&str> {
    match &fact.value {
        FactValue::Date(d) => Some(d),
        // Only an event's period is its date; a measurement's period is not.
        _ => fact.period.as_deref().filter(|p| {
            (super::matching::is_event_attribute(&fact.attribute, fact)
                || (super::matching::is_recurring_event(&fact.attribute) && p.len() == 10))
                && p.len() >= 4
                && p[..4].bytes().all(|b| b.is_ascii_digit())
                && !p.contains('Q')
        }),
    }
}

/// A figure written for people: "$14.3 billion", "€5.44 billion", "86,482
/// employees", "16%", "2021-06".
pub fn describe_fact_value(fact: &Fact) -> String {
    match &fact.value {
        FactValue::Number(n) => describe_amount(*n, fact.unit.as_deref()),
        FactValue::Range(a, b) => {
            format!(
                "{} to {}",
                describe_amount(*a, fact.unit.as_deref()),
                describe_amount(*b, fact.unit.as_deref())
            )
        }
        FactValue::Date(d) => d.clone(),
    }
}

/// "$14.3 billion", "£50.5 million", "EUR-less" units print after the number.
pub fn describe_amount(n: f64, unit: Option<&str>) -> String {
    let (scaled, word) = if n.abs() >= 1e12 {
        (n / 1e12, " trillion")
    } else if n.abs() >= 1e9 {
        (n / 1e9, " billion")
    } else if n.abs() >= 1e6 {
        (n / 1e6, " million")
    } else {
        (n, "")
    };
    let num = if word.is_empty() { group_thousands(n) } else { format_number((scaled * 1e6).round() / 1e6) };
    let sign = if n < 0.0 { "-" } else { "" };
    match unit {
        Some("USD") => format!("{sign}${}{word}", num.trim_start_matches('-')),
        Some("EUR") => format!("{sign}€{}{word}", num.trim_start_matches('-')),
        Some("GBP") => format!("{sign}£{}{word}", num.trim_start_matches('-')),
        Some("%") => format!("{num}%"),
        Some(u) if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) => {
            format!("{sign}{u} {}{word}", num.trim_start_matches('-'))
        }
        Some("pp") => format!("{num} percentage points"),
        Some(u) => format!("{num}{word} {u}"),
        None => format!("{num}{word}"),
    }
}

fn group_thousands(n: f64) -> String {
    let s = format_number(n);
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Why two figures differ, when there is a telling reason.
pub fn difference_note(claim: &Claim, fact: &Fact) -> Option<String> {
    let c = claim.value.as_number()?;
    let f = match fact.value {
        FactValue::Number(n) => n,
        _ => return None,
    };
    if c != 0.0 && f != 0.0 && c.signum() != f.signum() {
        return Some("the sign differs (a loss stated as a gain, or the reverse)".to_string());
    }
    if c != 0.0 && f != 0.0 {
        let ratio = (c / f).abs().log10();
        let k = ratio.round();
        if k != 0.0 && (ratio - k).abs() < 0.02 {
            return Some(format!(
                "off by a factor of {}: likely a thousand/million/billion slip",
                format_number(10f64.powf(k.abs()))
            ));
        }
    }
    None
}

/// Kind of value a fact holds, to pair it with claims of the same kind.
pub fn fact_matches_kind(claim: &Claim, fact: &Fact) -> bool {
    let unit = fact.unit.as_deref().unwrap_or("");
    let currency = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    match (claim.kind, &fact.value) {
        (ClaimKind::Money, FactValue::Number(_) | FactValue::Range(..)) => currency,
        (ClaimKind::Percent, FactValue::Number(_) | FactValue::Range(..)) => unit == "%" || unit == "pp",
        (ClaimKind::Number, FactValue::Number(_) | FactValue::Range(..)) => {
            !currency
                && unit != "%"
                && unit != "pp"
                && !matches!(unit, "year" | "month" | "week" | "day" | "hour")
        }
        (ClaimKind::Duration, FactValue::Number(_)) => claim.unit.as_deref() == Some(unit),
        (ClaimKind::Quantity, FactValue::Number(_) | FactValue::Range(..)) => {
            claim.unit.as_deref() == Some(unit)
        }
        (ClaimKind::Date, _) => fact_date(fact).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_of_written_figures() {
        let cases: &[(&str, f64, f64)] = &[
            ("$14 billion", 14e9, 0.5e9),
            ("$14.3 billion", 14.3e9, 0.05e9),
            ("$200 million", 200e6, 50e6),
            ("86,482 employees", 86482.0, 0.5),
            ("$196", 196.0, 0.5),
            ("1.81 million", 1.81e6, 0.005e6),
        ];
        for (text, value, want) in cases {
            let got = implicit_precision(text, *value);
            assert!((got - want).abs() < want * 1e-6, "{text}: {got} != {want}");
        }
    }

    #[test]
    fn bounds_are_rounded_by_half_a_percent_at_most() {
        let figure = ClaimFigure {
            value: 40_000.0,
            precision: 1_000.0,
            high: None,
            high_precision: 1_000.0,
            nearly: false,
        };
        let more = figure.interval(Qualifier::MoreThan, DEFAULT_HEDGE_TOLERANCE);
        assert!((more.lo - 39_800.0).abs() < 1e-6 && more.hi.is_infinite());
        let less = figure.interval(Qualifier::LessThan, DEFAULT_HEDGE_TOLERANCE);
        assert!((less.hi - 40_200.0).abs() < 1e-6 && less.lo.is_infinite());
        // An exact figure keeps its whole rounding.
        let exact = figure.interval(Qualifier::Exact, DEFAULT_HEDGE_TOLERANCE);
        assert!((exact.lo - 39_000.0).abs() < 1e-6);
    }

    #[test]
    fn describes_amounts() {
        assert_eq!(describe_amount(14.3e9, Some("USD")), "$14.3 billion");
        assert_eq!(describe_amount(50.5e6, Some("GBP")), "£50.5 million");
        assert_eq!(describe_amount(86482.0, Some("employees")), "86,482 employees");
        assert_eq!(describe_amount(16.0, Some("%")), "16%");
        assert_eq!(describe_amount(5.44e9, Some("EUR")), "€5.44 billion");
        assert_eq!(describe_amount(-1.2e9, Some("USD")), "-$1.2 billion");
    }

    #[test]
    fn dates_compare_at_the_shorter_precision() {
        assert!(dates_agree("2010-06", "2010-06-29"));
        assert!(dates_agree("2016-06-13", "2016-06-13"));
        assert!(!dates_agree("2022", "2021"));
        assert!(!dates_agree("2012", "2011-05-10"));
    }
}
