//! Cell parsers: values, periods, dates, tolerance, qualifier and rank.
//!
//! Hand-written (no regex) because a large ledger parses millions of cells.
//! Numbers are handled as decimal strings, so canonical forms are exact.

use super::{FactQualifier, FactValue, Rank};

/// A decimal number `digits × 10^exp`, kept exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decimal {
    neg: bool,
    /// ASCII digits without leading zeros ("" means zero).
    digits: String,
    exp: i32,
}

impl Decimal {
    /// Parse `-1,200.50`, `+3`, `1.5e9`; thousands separators must group by three.
    fn parse(s: &str) -> Option<Decimal> {
        let (neg, rest) = if let Some(r) = s.strip_prefix('-') {
            (true, r)
        } else if let Some(r) = s.strip_prefix('+') {
            (false, r)
        } else {
            (false, s)
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => {
                let e: i32 = rest[i + 1..].parse().ok()?;
                if e.abs() > 400 {
                    return None;
                }
                (&rest[..i], e)
            }
            None => (rest, 0),
        };
        let (int, frac) = match mantissa.split_once('.') {
            Some((i, f)) => (i, f),
            None => (mantissa, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut digits = String::with_capacity(int.len() + frac.len());
        if int.contains(',') {
            let mut groups = int.split(',');
            let first = groups.next()?;
            if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(first);
            for g in groups {
                if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.push_str(g);
            }
        } else {
            if !int.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(int);
        }
        digits.push_str(frac);
        let mut exp = exp - i32::try_from(frac.len()).ok()?;
        let trimmed = digits.trim_start_matches('0');
        let mut digits = trimmed.to_owned();
        while digits.ends_with('0') {
            digits.pop();
            exp += 1;
        }
        if digits.is_empty() {
            return Some(Decimal { neg: false, digits, exp: 0 });
        }
        Some(Decimal { neg, digits, exp })
    }

    fn shift(mut self, by: i32) -> Decimal {
        if !self.digits.is_empty() {
            self.exp += by;
        }
        self
    }

    /// Plain notation: no exponent, no trailing zeros.
    fn render(&self) -> String {
        if self.digits.is_empty() {
            return "0".to_owned();
        }
        let mut out = String::new();
        if self.neg {
            out.push('-');
        }
        let n = self.digits.len() as i64;
        let exp = i64::from(self.exp);
        if exp >= 0 {
            out.push_str(&self.digits);
            out.extend(std::iter::repeat_n('0', exp as usize));
        } else {
            let point = n + exp; // digits before the decimal point
            if point > 0 {
                out.push_str(&self.digits[..point as usize]);
                out.push('.');
                out.push_str(&self.digits[point as usize..]);
            } else {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', (-point) as usize));
                out.push_str(&self.digits);
            }
        }
        out
    }
}

/// A value cell, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedValue {
    /// The value.
    pub value: FactValue,
    /// Canonical text (`14300000000`, `2025-06-11`, `10..120`).
    pub canonical: String,
    /// A unit the cell itself states (`USD` for `$`, `%` for `5%`).
    pub unit: Option<&'static str>,
}

const CURRENCY_PREFIXES: &[(&str, &str)] =
    &[("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")];

const SCALES: &[(&str, i32)] = &[
    ("trillion", 12),
    ("billion", 9),
    ("million", 6),
    ("thousand", 3),
    ("tn", 12),
    ("bn", 9),
    ("mn", 6),
    ("t", 12),
    ("b", 9),
    ("m", 6),
    ("k", 3),
];

/// A number in plain or human form (`$14.3 billion`, `14.3bn`, `1,200`, `5%`):
/// canonical decimal text and the unit the text implies.
fn parse_number(s: &str) -> Option<(Decimal, Option<&'static str>)> {
    let mut s = s.trim();
    let mut unit = None;
    let mut neg = false;
    if let Some(rest) = s.strip_prefix('-') {
        neg = true;
        s = rest.trim_start();
    }
    for (sym, code) in CURRENCY_PREFIXES {
        if let Some(rest) = s.strip_prefix(sym) {
            unit = Some(*code);
            s = rest.trim_start();
            break;
        }
    }
    if let Some(rest) = s.strip_suffix('%') {
        if unit.is_some() {
            return None;
        }
        unit = Some("%");
        s = rest.trim_end();
    }
    let mut shift = 0;
    let end = s.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-' | 'e' | 'E')));
    if let Some(end) = end {
        let word = s[end..].trim().to_ascii_lowercase();
        shift = SCALES.iter().find(|(w, _)| *w == word)?.1;
        s = s[..end].trim_end();
    }
    if s.starts_with('-') || (neg && s.starts_with('+')) {
        return None;
    }
    let mut d = Decimal::parse(s)?.shift(shift);
    if neg && !d.digits.is_empty() {
        d.neg = true;
    }
    Some((d, unit))
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// True for an ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists.
pub fn is_iso_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(y), m, d, None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if !is_digits(y, 4) {
        return false;
    }
    match (m, d) {
        (None, _) => true,
        (Some(m), None) => is_digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        (Some(m), Some(d)) => {
            is_digits(m, 2)
                && is_digits(d, 2)
                && match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
                    // The parts are all digits: no format string to interpret.
                    (Ok(y), Ok(m), Ok(d)) => chrono::NaiveDate::from_ymd_opt(y, m, d).is_some(),
                    _ => false,
                }
        }
    }
}

/// The first day an ISO date (`2025`, `2025-06`, `2025-06-11`) covers.
pub fn iso_date_start(s: &str) -> Option<chrono::NaiveDate> {
    let full = match s.len() {
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_owned(),
    };
    chrono::NaiveDate::parse_from_str(&full, "%Y-%m-%d").ok()
}

/// Parse a value cell. `unit` is the row's unit cell: a bare four-digit
/// integer is a year (a date) when the unit is empty, else a number.
pub fn parse_value(cell: &str, unit: &str) -> Result<ParsedValue, String> {
    let s = cell.trim();
    if s.is_empty() {
        return Err("missing value".to_owned());
    }
    if is_iso_date(s) && (s.len() > 4 || unit.trim().is_empty()) {
        return Ok(ParsedValue { value: FactValue::Date(s.to_owned()), canonical: s.to_owned(), unit: None });
    }
    if let Some((lo, hi)) = s.split_once("..") {
        let (Some((lo, u1)), Some((hi, u2))) = (parse_number(lo), parse_number(hi)) else {
            return Err(format!("`{s}` is not a number, date or range (expected e.g. `10..120`)"));
        };
        let unit = match (u1, u2) {
            (Some(a), Some(b)) if a != b => {
                return Err(format!("`{s}` mixes units {a} and {b}"));
            }
            (a, b) => a.or(b),
        };
        let (lo_s, hi_s) = (lo.render(), hi.render());
        let (lo_f, hi_f) = (to_f64(&lo_s)?, to_f64(&hi_s)?);
        if lo_f > hi_f {
            return Err(format!("range `{s}` runs backwards (low end above high end)"));
        }
        return Ok(ParsedValue {
            value: FactValue::Range(lo_f, hi_f),
            canonical: format!("{lo_s}..{hi_s}"),
            unit,
        });
    }
    match parse_number(s) {
        Some((d, unit)) => {
            let canonical = d.render();
            let n = to_f64(&canonical)?;
            Ok(ParsedValue { value: FactValue::Number(n), canonical, unit })
        }
        None if looks_like_date(s) => {
            Err(format!("`{s}` is not a valid ISO date (expected YYYY, YYYY-MM or YYYY-MM-DD)"))
        }
        None => Err(format!(
            "`{s}` is not a number, date or range (expected e.g. `14300000000`, `2025-06-11`, `10..120` or `$14.3 billion`)"
        )),
    }
}

fn looks_like_date(s: &str) -> bool {
    s.len() >= 6 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && s.as_bytes()[4] == b'-'
}

fn to_f64(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|n| n.is_finite()).ok_or_else(|| format!("`{s}` is out of range"))
}

/// Canonical period (`2023`, `2023-Q4`, `FY2016`, `FY2024-Q4`, `2025-H1`,
/// `2016-06-13`, or a span `2023..2024`), or `None` when it is not one.
pub fn canonical_period(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once("..") {
        return Some(format!("{}..{}", canonical_period(a)?, canonical_period(b)?));
    }
    let upper = s.to_ascii_uppercase();
    let (fy, rest) = match upper.strip_prefix("FY") {
        Some(r) => (true, r),
        None => (false, upper.as_str()),
    };
    if is_iso_date(rest) {
        return (!fy || rest.len() == 4).then(|| upper.clone());
    }
    let (year, part) = rest.split_once('-')?;
    if !is_digits(year, 4) {
        return None;
    }
    let ok = match part.as_bytes() {
        [b'Q', q] => (b'1'..=b'4').contains(q),
        [b'H', h] => (b'1'..=b'2').contains(h),
        _ => false,
    };
    ok.then_some(upper)
}

/// Parse a tolerance (`5%` or the fraction `0.05`): the fraction and the canonical text.
pub fn parse_tolerance(s: &str) -> Option<(f64, String)> {
    let s = s.trim();
    let d = match s.strip_suffix('%') {
        Some(p) => Decimal::parse(p.trim())?,
        None => Decimal::parse(s)?.shift(2),
    };
    if d.neg {
        return None;
    }
    let pct = d.render();
    let frac = to_f64(&d.clone().shift(-2).render()).ok()?;
    Some((frac, format!("{pct}%")))
}

/// Parse a qualifier cell (`exact`, `approximately`, `at_least`, `at_most`, `estimate`).
pub fn parse_qualifier(s: &str) -> Option<FactQualifier> {
    let norm = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    Some(match norm.as_str() {
        "" | "exact" | "exactly" => FactQualifier::Exact,
        "approximately" | "approx" | "about" | "~" => FactQualifier::Approximately,
        "at_least" | "min" | ">=" => FactQualifier::AtLeast,
        "at_most" | "max" | "up_to" | "<=" => FactQualifier::AtMost,
        "estimate" | "estimated" => FactQualifier::Estimate,
        _ => return None,
    })
}

/// The canonical name of a qualifier.
pub fn qualifier_name(q: FactQualifier) -> &'static str {
    match q {
        FactQualifier::Exact => "exact",
        FactQualifier::Approximately => "approximately",
        FactQualifier::AtLeast => "at_least",
        FactQualifier::AtMost => "at_most",
        FactQualifier::Estimate => "estimate",
    }
}

/// Parse a rank cell; empty means `preferred`.
pub fn parse_rank(s: &str) -> Option<Rank> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "" | "preferred" => Rank::Preferred,
        "normal" => Rank::Normal,
        "deprecated" => Rank::Deprecated,
        "disputed" => Rank::Disputed,
        _ => return None,
    })
}

/// The canonical name of a rank.
pub fn rank_name(r: Rank) -> &'static str {
    match r {
        Rank::Preferred => "preferred",
        Rank::Normal => "normal",
        Rank::Deprecated => "deprecated",
        Rank::Disputed => "disputed",
    }
}

/// Why a unit does not fit a value, if it does not.
pub fn unit_misfit(value: &ParsedValue, unit: &str) -> Option<String> {
    let unit = unit.trim();
    match (&value.value, value.unit) {
        (FactValue::Date(d), _) if !unit.is_empty() => {
            Some(format!("unit `{unit}` does not fit the date value `{d}` (a date takes no unit)"))
        }
        (_, Some(implied)) if !unit.is_empty() && unit != implied => Some(format!(
            "value `{}` implies unit {implied}, but the unit column says `{unit}`",
            value.canonical
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            ("14300000000", "USD", "14300000000", None),
            ("$14.3 billion", "", "14300000000", Some("USD")),
            ("14.3bn", "USD", "14300000000", None),
            ("1,200", "", "1200", None),
            ("5%", "", "5", Some("%")),
            ("1.50", "", "1.5", None),
            ("1e3", "", "1000", None),
            ("007", "", "7", None),
            ("-349000000", "USD", "-349000000", None),
            ("0.000", "", "0", None),
            ("2021", "", "2021", None),
            ("2021", "employees", "2021", None),
            ("2025-06-11", "", "2025-06-11", None),
            ("10..120", "USD", "10..120", None),
            ("7.99..24.99", "USD", "7.99..24.99", None),
            ("$10..$120", "", "10..120", Some("USD")),
        ];
        for (cell, unit, canon, implied) in cases {
            let v = parse_value(cell, unit).unwrap_or_else(|e| panic!("{cell}: {e}"));
            assert_eq!(v.canonical, *canon, "{cell}");
            assert_eq!(v.unit, *implied, "{cell}");
        }
        assert!(matches!(parse_value("2021", "").map(|v| v.value), Ok(FactValue::Date(_))));
        assert!(matches!(parse_value("2021", "USD").map(|v| v.value), Ok(FactValue::Number(_))));
        for bad in ["2OO000000", "1,20", "2025-13", "2025-02-30", "120..10", "abc", "$5%", "", "1..2..3"] {
            assert!(parse_value(bad, "").is_err(), "{bad}");
        }
    }

    #[test]
    fn periods() {
        for (p, c) in [
            ("2023", "2023"),
            ("2023-q4", "2023-Q4"),
            ("FY2016", "FY2016"),
            ("fy2024-Q4", "FY2024-Q4"),
            ("2016-06-13", "2016-06-13"),
            ("2025-H1", "2025-H1"),
            ("2023..2024", "2023..2024"),
        ] {
            assert_eq!(canonical_period(p).as_deref(), Some(c), "{p}");
        }
        for bad in ["23", "2023-Q5", "FY2023-06", "last year", "2023-13"] {
            assert_eq!(canonical_period(bad), None, "{bad}");
        }
    }

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("5%"), Some((0.05, "5%".to_owned())));
        assert_eq!(parse_tolerance("0.05"), Some((0.05, "5%".to_owned())));
        assert_eq!(parse_tolerance("10.0%"), Some((0.1, "10%".to_owned())));
        assert_eq!(parse_tolerance("x"), None);
        assert_eq!(parse_tolerance("-5%"), None);
    }
}
