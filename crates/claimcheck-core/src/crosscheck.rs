//! Claims compared with each other, across articles, without a ledger: a
//! draft against the wire story it is based on, or one story's coverage.
//!
//! A claim takes part only with a *strong key*: a subject, an attribute whose
//! cue word stands close to the figure (right next to it for a date, as the
//! audit asks before it contradicts a date), the object of the relation if
//! any, and the period the figure refers to. Two claims with the same key
//! disagree when their figures are incompatible under the audit's precision
//! and qualifier rules (see `audit::compare`): "about $14 billion" and "$14.3
//! billion" agree, "$14 billion" and "$10 billion" do not.
//!
//! False alarms are avoided before recall:
//!
//! - a subject the sentence names only after a preposition ("listed on the
//!   Nasdaq") gives no key, nor does a date without its year ("Friday");
//! - different periods never compare; a measurement (revenue, users, price)
//!   with a period compares only with one for the same period, and one
//!   without a period only with one without;
//! - money in different currencies, counts of different nouns and rates per
//!   different units never compare;
//! - a forecast ("projected", "expected") compares only with a forecast;
//! - two lower bounds ("more than $10 billion", "at least $12 billion")
//!   never disagree;
//! - a key whose figures already disagree inside one article (a figure that
//!   changed, or two figures the extractor could not tell apart) is left out
//!   for that article.
//!
//! ```
//! use claimcheck_core::crosscheck::{self, Keying};
//! use claimcheck_core::extract::{ExtractOptions, Extractor};
//! use claimcheck_core::input::{Document, InputFormat};
//!
//! let extractor = Extractor::new();
//! let keyed = |name: &str, text: &str| {
//!     let doc = Document::new(name, text, InputFormat::Text);
//!     let claims = extractor.extract(&doc, &ExtractOptions::default());
//!     Keying::default().key(&claims)
//! };
//! let wire = keyed("wire.txt", "In June, Meta invested $14.3 billion in Scale AI.");
//! let draft = keyed("draft.txt", "So far, Meta invested $10 billion in Scale AI.");
//! let found = crosscheck::compare(&[wire, draft], None);
//! assert_eq!(found.disagreements.len(), 1);
//! assert_eq!(found.disagreements[0].second.text, "$10 billion");
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::audit::compare::{
    DEFAULT_HEDGE_TOLERANCE, Interval, MAX_ROUNDING, claim_interval_with, dates_agree, implicit_precision,
};
use crate::audit::matching::{self, CueIndex, EntityResolver, claim_offset_in_sentence};
use crate::claim::{Claim, ClaimKind, ClaimValue, Qualifier};

/// What a claim is about, as people read it: the key two claims must share
/// to be compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimKey {
    /// The entity ("Meta"), as the ledger names it or as first written.
    pub subject: String,
    /// The canonical attribute ("investment").
    pub attribute: String,
    /// The second party ("Scale AI"), if any.
    pub object: Option<String>,
    /// The unit of the figure: a currency, `%`, a counted noun, a duration
    /// or quantity unit; none for dates.
    pub unit: Option<String>,
    /// The period the figure refers to ("2023", "2024-Q4"), if any.
    pub period: Option<String>,
}

impl std::fmt::Display for ClaimKey {
    /// `Meta / investment / Scale AI [USD]`, `Midjourney / revenue [USD] (2023)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.subject, self.attribute)?;
        if let Some(o) = &self.object {
            write!(f, " / {o}")?;
        }
        if let Some(u) = &self.unit {
            write!(f, " [{u}]")?;
        }
        if let Some(p) = &self.period {
            write!(f, " ({p})")?;
        }
        Ok(())
    }
}

/// The parts of a key compared by equality; the period is compared by
/// [`periods_compatible`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Group {
    subject: String,
    attribute: String,
    object: Option<String>,
    kind: ClaimKind,
    /// Currency, `%`/`pp`, duration or quantity unit; counted nouns are
    /// compared apart (see `nouns_compatible`).
    unit: Option<String>,
    per: Option<String>,
    forecast: bool,
}

/// A claim with its strong key.
#[derive(Debug, Clone)]
pub struct KeyedClaim {
    /// The claim.
    pub claim: Claim,
    /// Its key.
    pub key: ClaimKey,
    group: Group,
    /// A dated event (a deal, a founding): its period is the event's date.
    event: bool,
}

/// How claims get their keys: optionally with a ledger's names and aliases,
/// so that "Facebook" and "Meta" are one subject.
#[derive(Default)]
pub struct Keying<'a> {
    /// The ledger's entity names, aliases and fuzzy forms.
    pub resolver: Option<&'a EntityResolver>,
    /// The ledger's attribute synonyms (more cue words).
    pub synonyms: &'a [(String, String)],
}

/// Hedges that make a figure a forecast rather than a statement of fact.
fn is_forecast(hedge: Option<&str>) -> bool {
    matches!(
        hedge,
        Some(
            "projected"
                | "expected"
                | "forecast"
                | "predicted"
                | "anticipated"
                | "planned"
                | "targeted"
                | "possible"
        )
    )
}

/// A ledger key the audit tied a claim to: with `--ledger`, claims are keyed
/// by the ledger's (entity, attribute, object, period) wherever the audit
/// found a fact for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    /// The fact's entity.
    pub entity: String,
    /// The fact's attribute.
    pub attribute: String,
    /// The fact's object.
    pub object: Option<String>,
    /// The fact's period.
    pub period: Option<String>,
}

impl Tie {
    /// The key of the fact a finding rests on; none for an unverified claim.
    pub fn of(finding: &crate::audit::Finding) -> Option<Tie> {
        if finding.verdict == crate::audit::Verdict::Unverified {
            return None;
        }
        let f = finding.fact.as_ref()?;
        Some(Tie {
            entity: f.entity.to_string(),
            attribute: f.attribute.to_string(),
            object: f.object.as_deref().map(str::to_owned),
            period: f.period.as_deref().map(str::to_owned),
        })
    }
}

impl Keying<'_> {
    /// The claims of one article (sorted by offset, as the extractor gives
    /// them) that have a strong key, with it.
    pub fn key(&self, claims: &[Claim]) -> Vec<KeyedClaim> {
        self.key_all(claims).into_iter().flatten().collect()
    }

    /// Like [`Keying::key`], but a claim the audit tied to a ledger fact
    /// (`ties[i]` for `claims[i]`) takes the fact's key, strong or not,
    /// unless the extractor found another attribute for it.
    pub fn key_tied(&self, claims: &[Claim], ties: &[Option<Tie>]) -> Vec<KeyedClaim> {
        self.key_all(claims)
            .into_iter()
            .zip(claims)
            .enumerate()
            .filter_map(|(i, (own, c))| match ties.get(i).and_then(Option::as_ref) {
                // A tie that names another attribute than the sentence's is
                // the audit's weak support by value ("about $14 billion" in a
                // valuation matching an investment): the claim keeps its own key.
                Some(t)
                    if c.kind != ClaimKind::Ordinal
                        && c.attribute.as_deref().is_none_or(|a| a == t.attribute) =>
                {
                    let subject = (t.entity.clone(), matching::normalize(&t.entity));
                    let object = t.object.as_ref().map(|o| (o.clone(), matching::normalize(o)));
                    Some(self.build(c, subject, t.attribute.clone(), object, t.period.clone()))
                }
                _ => own,
            })
            .collect()
    }

    fn key_all(&self, claims: &[Claim]) -> Vec<Option<KeyedClaim>> {
        let attributes: Vec<&str> = claims.iter().filter_map(|c| c.attribute.as_deref()).collect();
        let cues = CueIndex::new(attributes.iter().copied(), self.synonyms);
        let strength: Vec<u32> = claims
            .iter()
            .map(|c| match c.attribute.as_deref() {
                Some(a) => {
                    let at = claim_offset_in_sentence(c);
                    cues.scan(&c.sentence, at, c.text.len()).get(a).map_or(0, |s| s.0)
                }
                None => 0,
            })
            .collect();
        // A date next to its relation's word ("founded in 2021") is an event's
        // date, not the period of a figure near it.
        let event_dates: Vec<bool> =
            claims.iter().zip(&strength).map(|(c, s)| c.kind == ClaimKind::Date && *s >= 3).collect();
        let groups = crate::audit::sentence_groups(claims);
        let quarters = crate::audit::claim_quarters(claims);
        let offsets: Vec<usize> = claims.iter().map(claim_offset_in_sentence).collect();
        let (periods, _) = crate::audit::implied_periods(claims, &offsets, &event_dates, &groups, &quarters);
        claims
            .iter()
            .zip(strength)
            .zip(periods)
            .map(|((c, strength), period)| self.key_one(c, strength, period))
            .collect()
    }

    fn key_one(&self, c: &Claim, strength: u32, period: Option<String>) -> Option<KeyedClaim> {
        if c.kind == ClaimKind::Ordinal {
            return None;
        }
        let need = if c.kind == ClaimKind::Date { 3 } else { 2 };
        if strength < need {
            return None;
        }
        // "Friday", "in June", "the 22nd" resolve against each article's own
        // date: only a date with its year written out compares across articles.
        if c.kind == ClaimKind::Date && !has_year(&c.text) {
            return None;
        }
        if governed_in_sentence(c.subject.as_deref()?, &c.sentence) {
            return None;
        }
        let subject = self.name(c.subject.as_deref()?)?;
        let attribute = c.attribute.clone()?;
        let object = match c.object.as_deref() {
            Some(o) => Some(self.name(o)?),
            None => None,
        };
        if object.as_ref().is_some_and(|o| o.1 == subject.1) {
            return None;
        }
        let period = if c.kind == ClaimKind::Date { None } else { period };
        Some(self.build(c, subject, attribute, object, period))
    }

    fn build(
        &self,
        c: &Claim,
        subject: (String, String),
        attribute: String,
        object: Option<(String, String)>,
        period: Option<String>,
    ) -> KeyedClaim {
        let event = c.kind == ClaimKind::Date || matching::is_event(&attribute);
        let unit = match c.kind {
            ClaimKind::Number => None,
            _ => c.unit.clone(),
        };
        KeyedClaim {
            key: ClaimKey {
                subject: subject.0,
                attribute: attribute.clone(),
                object: object.as_ref().map(|o| o.0.clone()),
                unit: c.unit.clone().filter(|_| c.kind != ClaimKind::Date),
                period,
            },
            group: Group {
                subject: subject.1,
                attribute,
                object: object.map(|o| o.1),
                kind: c.kind,
                unit,
                per: c.per.clone(),
                forecast: is_forecast(c.hedge.as_deref()),
            },
            event,
            claim: c.clone(),
        }
    }

    /// (name to show, name to compare): the ledger's canonical name when it
    /// knows the entity, else the name as written, normalized for comparison.
    fn name(&self, written: &str) -> Option<(String, String)> {
        let written = written.trim();
        if written.is_empty() {
            return None;
        }
        if let Some(canonical) = self.resolver.and_then(|r| r.resolve(written)) {
            return Some((canonical.to_string(), matching::normalize(canonical)));
        }
        let norm = matching::normalize(written);
        (!norm.is_empty()).then(|| (written.to_string(), norm))
    }
}

/// Four digits in a row, not part of a longer number: a year.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// Is every mention of `name` in the sentence governed by a preposition
/// ("listed on the Nasdaq", "invested in Scale AI")? Then it is a setting or
/// a second party, not what the figure is about, whatever the extractor
/// guessed. A name the sentence does not mention ("It raised ...") passes.
fn governed_in_sentence(name: &str, sentence: &str) -> bool {
    const PREPOSITIONS: [&str; 16] = [
        "on", "in", "at", "to", "from", "into", "for", "with", "by", "of", "than", "against", "over",
        "about", "like", "via",
    ];
    let lower = sentence.to_lowercase();
    let needle = name.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let mut mentions = lower.match_indices(&needle).map(|(i, _)| i).peekable();
    if mentions.peek().is_none() {
        return false;
    }
    mentions.all(|i| {
        let mut words = lower[..i].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev();
        let mut w = words.next();
        if matches!(w, Some("the" | "a" | "an")) {
            w = words.next();
        }
        w.is_some_and(|w| PREPOSITIONS.contains(&w))
    })
}

/// Can two keyed claims refer to the same figure? Counted nouns must count
/// the same thing; periods must match (an event's missing date matches any).
fn comparable(a: &KeyedClaim, b: &KeyedClaim) -> bool {
    if a.group != b.group {
        return false;
    }
    if a.claim.kind == ClaimKind::Number {
        match (a.claim.unit.as_deref(), b.claim.unit.as_deref()) {
            (Some(x), Some(y)) if !matching::nouns_compatible(x, y) => return false,
            (Some(_), None) | (None, Some(_)) => return false,
            _ => {}
        }
    }
    periods_compatible(a.key.period.as_deref(), b.key.period.as_deref(), a.event)
}

/// Periods of two claims with the same key: equal at the shorter precision
/// ("2023" and "2023-12"); quarters only with the same quarter. An event's
/// date may be left out on one side; a measurement's may not.
pub fn periods_compatible(a: Option<&str>, b: Option<&str>, event: bool) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            if x.contains('Q') || y.contains('Q') {
                x == y
            } else {
                dates_agree(x, y)
            }
        }
        _ => event,
    }
}

/// Half a unit of the last written digit of `x`, capped like the audit's.
fn precision(text: &str, x: f64) -> f64 {
    implicit_precision(text, x).min(x.abs() * MAX_ROUNDING)
}

fn is_lower_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::MoreThan | Qualifier::AtLeast)
}

fn is_upper_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::LessThan | Qualifier::AtMost)
}

/// Do two claims' figures agree, under the audit's rules? Dates agree at the
/// precision of the less precise one; figures when the intervals they stand
/// for overlap (implicit precision, qualifiers as intervals, hedged figures
/// within 5% or `tolerance` when larger). Mirroring the audit's special
/// cases: two ranges must match end to end, two upper bounds must be the
/// same bound, a lower bound X does not agree with a figure above 1.5 × X,
/// and two lower bounds always agree.
pub fn claims_agree(a: &Claim, b: &Claim, tolerance: Option<f64>) -> bool {
    if a.kind == ClaimKind::Date || b.kind == ClaimKind::Date {
        return match (a.value.as_date(), b.value.as_date()) {
            (Some(x), Some(y)) => dates_agree(x, y),
            _ => false,
        };
    }
    let hedge = tolerance.unwrap_or(0.0).max(DEFAULT_HEDGE_TOLERANCE);
    let (Some(ia), Some(ib)) = (claim_interval_with(a, hedge), claim_interval_with(b, hedge)) else {
        return false;
    };
    let high = |c: &Claim| c.high.as_ref().and_then(ClaimValue::as_number);
    let (Some(va), Some(vb)) = (a.value.as_number(), b.value.as_number()) else { return false };
    if let (Qualifier::Range, Qualifier::Range, Some(ha), Some(hb)) =
        (a.qualifier, b.qualifier, high(a), high(b))
    {
        let close = |x: f64, tx: &str, y: f64, ty: &str| {
            (x - y).abs() <= precision(tx, x).max(precision(ty, y)).max(1e-9)
        };
        return close(va, &a.text, vb, &b.text) && close(ha, &a.text, hb, &b.text);
    }
    if is_upper_bound(a.qualifier) && is_upper_bound(b.qualifier) {
        // "up to $1 billion" and "up to $1.5 billion" name different ceilings.
        return (ia.hi - ib.hi).abs() <= ia.hi.abs().max(ib.hi.abs()) * MAX_ROUNDING;
    }
    if is_lower_bound(a.qualifier) && is_lower_bound(b.qualifier) {
        return true;
    }
    // "more than X" also needs the other figure not far above X.
    for (bound, v, other) in [(a, va, ib), (b, vb, ia)] {
        if is_lower_bound(bound.qualifier) && other.lo.is_finite() && other.lo > v * 1.5 {
            return false;
        }
    }
    ia.overlaps(ib) || touching(ia, ib)
}

/// Intervals that meet at a rounding edge ("$14.35 billion" and "$14.3 billion").
fn touching(a: Interval, b: Interval) -> bool {
    let meet = |hi: f64, lo: f64| {
        hi.is_finite() && lo.is_finite() && (hi - lo).abs() <= 1e-9 * hi.abs().max(lo.abs()).max(1.0)
    };
    meet(a.hi, b.lo) || meet(b.hi, a.lo)
}

/// Two claims with the same key that disagree, in two articles.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// What both claims are about.
    pub key: ClaimKey,
    /// The claim in the article given first.
    pub first: Claim,
    /// The claim in the article given later.
    pub second: Claim,
    /// One line a person understands: both places and both figures.
    pub message: String,
}

/// The outcome of comparing articles.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Every disagreement: by the later article, then the earlier one, then
    /// the later claim's offset.
    pub disagreements: Vec<Disagreement>,
    /// How many keyed claims of later articles had a comparable claim in an
    /// earlier one.
    pub compared: usize,
}

/// A key with figures that disagree inside one article: left out for it.
fn ambiguous(claims: &[KeyedClaim], tolerance: Option<f64>) -> Vec<bool> {
    claims
        .iter()
        .map(|a| claims.iter().any(|b| comparable(a, b) && !claims_agree(&a.claim, &b.claim, tolerance)))
        .collect()
}

/// Compare every article with every article given before it. Each claim of
/// the later article that agrees with no comparable claim of the earlier one
/// is a disagreement, paired with the first of those.
pub fn compare(articles: &[Vec<KeyedClaim>], tolerance: Option<f64>) -> Comparison {
    let clear: Vec<Vec<&KeyedClaim>> = articles
        .iter()
        .map(|claims| {
            let amb = ambiguous(claims, tolerance);
            claims.iter().zip(amb).filter(|(_, a)| !a).map(|(c, _)| c).collect()
        })
        .collect();
    let mut out = Comparison::default();
    for (j, later) in clear.iter().enumerate() {
        for earlier in &clear[..j] {
            for b in later {
                let same: Vec<&&KeyedClaim> = earlier.iter().filter(|a| comparable(a, b)).collect();
                let Some(first) = same.first() else { continue };
                out.compared += 1;
                if same.iter().any(|a| claims_agree(&a.claim, &b.claim, tolerance)) {
                    continue;
                }
                out.disagreements.push(disagreement(first, b));
            }
        }
    }
    out
}

fn place(c: &Claim) -> String {
    format!("{}:{}:{}", c.file, c.span.line, c.span.column)
}

fn disagreement(a: &KeyedClaim, b: &KeyedClaim) -> Disagreement {
    let key = if a.key.period.is_some() { a.key.clone() } else { b.key.clone() };
    let message = format!(
        "{key}: {} says {}; {} says {}",
        place(&a.claim),
        a.claim.text,
        place(&b.claim),
        b.claim.text
    );
    Disagreement { key, first: a.claim.clone(), second: b.claim.clone(), message }
}

/// One version of an article, with the date it carries.
#[derive(Debug, Clone)]
pub struct Version {
    /// The article's date (ISO `YYYY-MM-DD`).
    pub date: String,
    /// Where it comes from: the file, or `file@commit` for a git revision.
    pub label: String,
    /// The article it is a version of (its path): a version that repeats
    /// the figure its article's previous version stated adds no entry.
    pub article: String,
    /// Its keyed claims.
    pub claims: Vec<KeyedClaim>,
}

/// One value of a key's history.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The date of the version that states it.
    pub date: String,
    /// The version (`file` or `file@commit`).
    pub version: String,
    /// The claim.
    pub claim: Claim,
    /// The value disagrees with the entry before it.
    pub changed: bool,
}

/// The values a key took over time.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// The key.
    pub key: ClaimKey,
    /// Its values, oldest first (versions of the same date in the order given).
    pub entries: Vec<Entry>,
    /// How many entries disagree with the one before them.
    pub changes: usize,
}

/// The history of every key stated in at least two versions. Each version
/// contributes its first mention of a key (a key whose figures disagree
/// inside one version is left out for it), unless the key's latest entry is
/// from the same article with the same text; an entry is `changed` when its
/// figure disagrees with the previous entry's under [`claims_agree`].
pub fn track(versions: &[Version], tolerance: Option<f64>) -> Vec<History> {
    let mut order: Vec<usize> = (0..versions.len()).collect();
    order.sort_by(|&a, &b| versions[a].date.cmp(&versions[b].date));
    // A key across versions: its group, and the period unless it is an event's date.
    // For each: its key, its entries, and the article of the latest entry.
    type Slot = (ClaimKey, Vec<Entry>, String);
    let mut by_key: BTreeMap<(Group, Option<String>), Slot> = BTreeMap::new();
    for i in order {
        let v = &versions[i];
        let amb = ambiguous(&v.claims, tolerance);
        let mut seen: HashMap<(Group, Option<String>), ()> = HashMap::new();
        for (c, a) in v.claims.iter().zip(amb) {
            if a {
                continue;
            }
            let period = if c.event { None } else { c.key.period.clone() };
            let id = (c.group.clone(), period);
            if seen.insert(id.clone(), ()).is_some() {
                continue;
            }
            let slot = by_key.entry(id).or_insert_with(|| {
                let mut key = c.key.clone();
                if c.event {
                    key.period = None;
                }
                (key, Vec::new(), String::new())
            });
            let repeated = slot.1.last().is_some_and(|e| {
                slot.2 == v.article && e.claim.text == c.claim.text && e.claim.value == c.claim.value
            });
            if repeated {
                continue;
            }
            slot.2 = v.article.clone();
            slot.1.push(Entry {
                date: v.date.clone(),
                version: v.label.clone(),
                claim: c.claim.clone(),
                changed: false,
            });
        }
    }
    let mut out: Vec<History> = by_key
        .into_values()
        .filter(|(_, entries, _)| entries.len() >= 2)
        .map(|(key, mut entries, _)| {
            let mut changes = 0;
            for k in 1..entries.len() {
                if !claims_agree(&entries[k - 1].claim, &entries[k].claim, tolerance) {
                    entries[k].changed = true;
                    changes += 1;
                }
            }
            History { key, entries, changes }
        })
        .collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, Extractor};
    use crate::input::{Document, InputFormat};

    fn keyed(name: &str, text: &str) -> Vec<KeyedClaim> {
        let doc = Document::new(name, text, InputFormat::Text);
        let options = ExtractOptions {
            reference_date: chrono::NaiveDate::from_ymd_opt(2025, 8, 22),
            ..ExtractOptions::default()
        };
        let claims = Extractor::new().extract(&doc, &options);
        Keying::default().key(&claims)
    }

    fn claim(text: &str, value: f64, qualifier: Qualifier) -> Claim {
        let doc = Document::new("a.txt", format!("Meta invested {text} in Scale AI."), InputFormat::Text);
        let mut c = Extractor::new()
            .extract(&doc, &ExtractOptions::default())
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text}"));
        assert_eq!(c.value.as_number(), Some(value), "{text}");
        assert_eq!(c.qualifier, qualifier, "{text}");
        c.text = text.to_string();
        c
    }

    #[test]
    fn figures_agree_under_the_audit_rules() {
        use Qualifier::*;
        type Figure = (&'static str, f64, Qualifier);
        let cases: &[(Figure, Figure, bool)] = &[
            (("about $14 billion", 14e9, Approximately), ("$14.3 billion", 14.3e9, Exact), true),
            (("$14 billion", 14e9, Exact), ("$14.3 billion", 14.3e9, Exact), true),
            (("$14 billion", 14e9, Exact), ("$10 billion", 10e9, Exact), false),
            (("$14.8 billion", 14.8e9, Exact), ("$14.3 billion", 14.3e9, Exact), false),
            (("more than $14 billion", 14e9, MoreThan), ("$14.3 billion", 14.3e9, Exact), true),
            (("more than $1 billion", 1e9, MoreThan), ("$14.3 billion", 14.3e9, Exact), false),
            (("more than $10 billion", 10e9, MoreThan), ("at least $14 billion", 14e9, AtLeast), true),
            (("nearly $15 billion", 15e9, Approximately), ("$14.3 billion", 14.3e9, Exact), true),
            (("up to $1 billion", 1e9, AtMost), ("up to $1.5 billion", 1.5e9, AtMost), false),
            (("up to $1 billion", 1e9, AtMost), ("up to $1 billion", 1e9, AtMost), true),
            (("more than $29 billion", 29e9, MoreThan), ("$25 billion", 25e9, Exact), false),
        ];
        for ((ta, va, qa), (tb, vb, qb), want) in cases {
            let (a, b) = (claim(ta, *va, *qa), claim(tb, *vb, *qb));
            assert_eq!(claims_agree(&a, &b, None), *want, "{ta} vs {tb}");
            assert_eq!(claims_agree(&b, &a, None), *want, "{tb} vs {ta} (symmetric)");
        }
    }

    #[test]
    fn a_draft_that_changes_a_figure_disagrees() {
        let wire = keyed("wire.txt", "In June, Meta invested $14.3 billion in Scale AI.");
        let agrees = keyed("a.txt", "On paper, Meta invested about $14 billion in Scale AI.");
        let differs = keyed("b.txt", "On paper, Meta invested $10 billion in Scale AI.");
        assert!(compare(&[wire.clone(), agrees], None).disagreements.is_empty());
        let found = compare(&[wire, differs], None);
        assert_eq!(found.compared, 1);
        let [d] = found.disagreements.as_slice() else { panic!("{found:?}") };
        assert_eq!(d.key.to_string(), "Meta / investment / Scale AI [USD]");
        assert_eq!(
            d.message,
            "Meta / investment / Scale AI [USD]: wire.txt:1:24 says $14.3 billion; b.txt:1:25 says $10 billion"
        );
    }

    #[test]
    fn different_periods_do_not_compare() {
        let a = keyed("a.txt", "The lab Midjourney's revenue was $200 million in 2023.");
        let b = keyed("b.txt", "The lab Midjourney's revenue was $300 million in 2024.");
        let c = keyed("c.txt", "The lab Midjourney's revenue was $300 million.");
        let found = compare(&[a, b, c], None);
        assert!(found.disagreements.is_empty(), "{found:?}");
    }

    #[test]
    fn weak_keys_and_other_currencies_do_not_compare() {
        let a = keyed("a.txt", "On paper, Meta invested $14.3 billion in Scale AI.");
        // No attribute word near the figure.
        let b = keyed("b.txt", "By one count, Scale AI and Meta: $2 billion changed hands.");
        let c = keyed("c.txt", "On paper, Meta invested €10 billion in Scale AI.");
        let found = compare(&[a, b, c], None);
        assert!(found.disagreements.is_empty(), "{found:?}");
    }

    #[test]
    fn dates_disagree_only_next_to_their_relation() {
        let a = keyed("a.txt", "The lab Midjourney was founded in 2021 by David Holz.");
        let b = keyed("b.txt", "Founded by David Holz in 2022, the lab Midjourney grew fast.");
        let c =
            keyed("c.txt", "Founded in 2021, the lab Midjourney made about $200 million in revenue in 2023.");
        let found = compare(&[a.clone(), b], None);
        assert_eq!(found.disagreements.len(), 1, "{found:?}");
        assert!(compare(&[a, c], None).disagreements.is_empty());
    }

    #[test]
    fn a_key_that_already_disagrees_inside_an_article_is_left_out() {
        let a = keyed("a.txt", "On paper, Meta invested $14.3 billion in Scale AI.");
        let b = keyed(
            "b.txt",
            "On paper, Meta first invested $10 billion in Scale AI. Later reports said Meta invested $14.8 billion in Scale AI.",
        );
        assert!(compare(&[a, b], None).disagreements.is_empty());
    }

    #[test]
    fn track_marks_each_change() {
        let versions: Vec<Version> = [
            ("2025-06-10", "On paper, Meta is set to invest $10 billion in Scale AI."),
            ("2025-06-12", "Last week Meta invested $14.8 billion in Scale AI."),
            ("2025-06-13", "On paper, Meta invested $14.3 billion in Scale AI."),
            ("2025-06-20", "On paper, Meta invested about $14 billion in Scale AI."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (date, text))| Version {
            date: date.to_string(),
            label: format!("v{i}.txt"),
            article: format!("v{i}.txt"),
            claims: keyed(&format!("v{i}.txt"), text),
        })
        .collect();
        let history = track(&versions, None);
        let [h] = history.as_slice() else { panic!("{history:?}") };
        assert_eq!(h.key.to_string(), "Meta / investment / Scale AI [USD]");
        let changed: Vec<bool> = h.entries.iter().map(|e| e.changed).collect();
        assert_eq!(changed, [false, true, true, false]);
        assert_eq!(h.changes, 2);
    }

    #[test]
    fn ledger_ties_give_the_fact_key_unless_the_attribute_differs() {
        let doc = Document::new(
            "a.txt",
            "Facebook owner Meta put $14.3 billion into it. Scale AI was valued at about $14 billion.",
            InputFormat::Text,
        );
        let claims = Extractor::new().extract(&doc, &ExtractOptions::default());
        assert_eq!(claims.len(), 2, "{claims:?}");
        let tie = Tie {
            entity: "Meta".into(),
            attribute: "investment".into(),
            object: Some("Scale AI".into()),
            period: Some("2025-06-12".into()),
        };
        let keyed = Keying::default().key_tied(&claims, &[Some(tie.clone()), Some(tie)]);
        let keys: Vec<String> = keyed.iter().map(|k| k.key.to_string()).collect();
        assert_eq!(keys, ["Meta / investment / Scale AI [USD] (2025-06-12)", "Scale AI / valuation [USD]"]);
    }

    #[test]
    fn settings_and_relative_dates_get_no_key() {
        let a = keyed("a.md", "The home-sharing company listed on the Nasdaq in December 2020, at $68.");
        let b =
            keyed("b.md", "When the carmaker listed on the Nasdaq in June 2010, shares were priced at $17.");
        assert!(compare(&[a, b], None).disagreements.is_empty());
        assert!(governed_in_sentence("Nasdaq", "It listed on the Nasdaq in 2010."));
        assert!(!governed_in_sentence("Meta", "Meta invested $14 billion in Scale AI."));
        assert!(!governed_in_sentence("Meta", "It invested $14 billion."));
        assert!(has_year("December 2020") && has_year("2016") && !has_year("Friday") && !has_year("$20160"));
    }

    #[test]
    fn a_version_that_repeats_its_article_adds_no_entry() {
        let text = "On paper, Meta invested $14.3 billion in Scale AI.";
        let version = |date: &str, label: &str, article: &str, text: &str| Version {
            date: date.to_string(),
            label: label.to_string(),
            article: article.to_string(),
            claims: keyed(article, text),
        };
        let versions = [
            version("2025-06-13", "a.md@1", "a.md", text),
            version("2025-06-14", "a.md@2", "a.md", text),
            version("2025-06-15", "b.md", "b.md", "On paper, Meta invested $14.8 billion in Scale AI."),
            version("2025-06-16", "a.md@3", "a.md", text),
        ];
        let history = track(&versions, None);
        let [h] = history.as_slice() else { panic!("{history:?}") };
        let labels: Vec<&str> = h.entries.iter().map(|e| e.version.as_str()).collect();
        assert_eq!(labels, ["a.md@1", "b.md", "a.md@3"]);
        assert_eq!(h.changes, 2);
        assert!(track(&versions[..2], None).is_empty(), "one article, one unchanged figure");
    }
}
