//! Harvest: turn the claims of a trusted document (a filing, a press release,
//! a dataset's notes) into candidate ledger rows, and mark the rows that
//! duplicate or conflict with facts the ledger already holds.
//!
//! A candidate is never a reviewed fact: its rank is `normal`, its `source`
//! names the document and the claim's position, and its `note` starts with
//! `DUPLICATE of <id>` or `CONFLICT with <id>` when the ledger already has
//! the key. Values always come from the document's text; the ledger only
//! lends its entity names and aliases (for attribution) and its facts (for
//! the marking).
//!
//! ```
//! use claimcheck_core::extract::{ExtractOptions, Extractor};
//! use claimcheck_core::harvest::{HarvestOptions, Harvester};
//! use claimcheck_core::input::{Document, InputFormat};
//!
//! let doc = Document::new("pr.txt", "Acme Corp was founded in 1999.", InputFormat::Text);
//! let claims = Extractor::new().extract(&doc, &ExtractOptions::default());
//! let harvester = Harvester::new(None);
//! let options = HarvestOptions { source_name: "Acme fact sheet".into(), ..HarvestOptions::default() };
//! let found = harvester.harvest(&doc, &claims, None, &options);
//! assert_eq!(found.candidates[0].cell("attribute"), "founded");
//! assert_eq!(found.candidates[0].cell("value"), "1999");
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::audit::compare::{dates_agree, describe_fact_value, numbers_agree};
use crate::audit::matching::{
    CueIndex, EntityResolver, claim_offset_in_sentence, is_event_attribute, is_place,
};
use crate::audit::{QUARTER_PHRASES, periods_match, whole_word_matches};
use crate::claim::{Claim, ClaimKind, ClaimValue, Qualifier, format_number};
use crate::extract::lexicon;
use crate::input::Document;
use crate::ledger::read::COLUMNS;
use crate::ledger::{Fact, FactValue, Ledger, LedgerError};

/// What a candidate row is, next to the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The ledger has no fact for this key.
    New,
    /// The ledger has this key with an agreeing value.
    Duplicate,
    /// The ledger has this key with another value.
    Conflict,
}

impl Status {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Duplicate => "duplicate",
            Status::Conflict => "conflict",
        }
    }
}

/// Options of one harvest run.
#[derive(Debug, Clone, Default)]
pub struct HarvestOptions {
    /// How the document is cited in `source` ("Microsoft 10-K 2016").
    pub source_name: String,
    /// The `as_of` of every row (the date the document was read), if any.
    pub as_of: Option<String>,
}

/// One candidate ledger row and where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// The row, cells in the ledger's canonical column order.
    pub cells: [String; 13],
    /// New, duplicate or conflict.
    pub status: Status,
    /// The id of the ledger fact it duplicates or conflicts with.
    pub fact: Option<String>,
    /// What the marking says, for people ("ledger says 26200000000 USD").
    pub message: Option<String>,
    /// The claim the row was built from (its value as the row states it).
    pub claim: Claim,
}

impl Candidate {
    /// A cell by column name ("" for an unknown column).
    pub fn cell(&self, column: &str) -> &str {
        COLUMNS.iter().position(|c| *c == column).map_or("", |i| self.cells[i].as_str())
    }

    fn set(&mut self, column: &str, value: impl Into<String>) {
        if let Some(i) = COLUMNS.iter().position(|c| *c == column) {
            self.cells[i] = value.into();
        }
    }

    /// The ledger key and value: two rows with the same key and value state the same fact.
    pub fn key_and_value(&self) -> String {
        let cells: [&str; 13] = std::array::from_fn(|i| self.cells[i].as_str());
        row_key(&cells)
    }
}

/// Entity, attribute, object, period, value and unit of a row, compared
/// case-insensitively and in canonical form.
fn row_key(cells: &[&str; 13]) -> String {
    use crate::ledger::read::{ATTRIBUTE, ENTITY, OBJECT, PERIOD, UNIT, VALUE};
    use crate::ledger::value;
    let period = value::canonical_period(cells[PERIOD]).unwrap_or_else(|| cells[PERIOD].to_owned());
    let v = value::parse_value(cells[VALUE], cells[UNIT])
        .map_or_else(|_| cells[VALUE].to_owned(), |v| v.canonical);
    [cells[ENTITY], cells[ATTRIBUTE], cells[OBJECT], &period, &v, cells[UNIT]]
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The rows found in one document.
#[derive(Debug, Clone, Default)]
pub struct Harvest {
    /// Candidate rows, in document order, without repeats.
    pub candidates: Vec<Candidate>,
    /// Claims that could not become a row (no subject or no attribute).
    pub skipped: usize,
}

/// The shape of an attribute's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Date,
    Money,
    Percent,
    Count,
}

/// Attributes with a known shape: the vocabulary harvest writes in when the
/// ledger does not say otherwise.
const BUILTIN: &[(&str, Shape)] = &[
    ("founded", Shape::Date),
    ("launched", Shape::Date),
    ("unveiled", Shape::Date),
    ("ipo", Shape::Date),
    ("renamed", Shape::Date),
    ("became_ceo", Shape::Date),
    ("acquisition_completed", Shape::Date),
    ("acquisition_terminated", Shape::Date),
    ("index_inclusion", Shape::Date),
    ("acquisition", Shape::Money),
    ("price_per_share", Shape::Money),
    ("investment", Shape::Money),
    ("pledged", Shape::Money),
    ("settlement", Shape::Money),
    ("fine", Shape::Money),
    ("ipo_price", Shape::Money),
    ("ipo_raised", Shape::Money),
    ("launch_price", Shape::Money),
    ("price", Shape::Money),
    ("revenue", Shape::Money),
    ("net_income", Shape::Money),
    ("share_repurchase_authorization", Shape::Money),
    ("valuation", Shape::Money),
    ("funding", Shape::Money),
    ("market_cap", Shape::Money),
    ("revenue_growth", Shape::Percent),
    ("layoffs_share", Shape::Percent),
    ("employees", Shape::Count),
    ("members", Shape::Count),
    ("paid_memberships", Shape::Count),
    ("subscribers", Shape::Count),
    ("monthly_active_users", Shape::Count),
    ("daily_active_users", Shape::Count),
    ("weekly_active_users", Shape::Count),
    ("hosts", Shape::Count),
    ("active_listings", Shape::Count),
    ("deliveries", Shape::Count),
    ("layoffs", Shape::Count),
    ("units_sold", Shape::Count),
];

/// Attributes that relate the subject to a second party (the `object`).
fn is_relation(attribute: &str) -> bool {
    matches!(
        attribute,
        "acquisition"
            | "acquisition_completed"
            | "acquisition_terminated"
            | "price_per_share"
            | "investment"
            | "settlement"
            | "fine"
            | "became_ceo"
            | "index_inclusion"
    )
}

fn shape_of_fact(f: &Fact) -> Shape {
    let unit = f.unit.as_deref().unwrap_or("");
    match &f.value {
        FactValue::Date(_) => Shape::Date,
        _ if unit == "%" || unit == "pp" => Shape::Percent,
        _ if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) => Shape::Money,
        _ => Shape::Count,
    }
}

fn shape_of_claim(c: &Claim) -> Option<Shape> {
    match c.kind {
        ClaimKind::Date => Some(Shape::Date),
        ClaimKind::Money => Some(Shape::Money),
        ClaimKind::Percent if c.unit.as_deref() == Some("%") => Some(Shape::Percent),
        ClaimKind::Number => Some(Shape::Count),
        _ => None,
    }
}

/// Builds candidate rows. Build once (it indexes the ledger), use for many documents.
pub struct Harvester<'l> {
    ledger: Option<&'l Ledger>,
    /// Names the ledger only ever uses as objects (plans, products, regulators, indexes).
    object_only: HashSet<String>,
    resolver: Option<EntityResolver>,
    vocabulary: Vec<(String, Shape)>,
    cues: CueIndex,
}

impl<'l> Harvester<'l> {
    /// A harvester that writes in the built-in attribute vocabulary plus the
    /// ledger's own attributes, resolves names through the ledger's entities
    /// and aliases, and marks rows against the ledger's facts.
    pub fn new(ledger: Option<&'l Ledger>) -> Self {
        let mut vocabulary: Vec<(String, Shape)> =
            BUILTIN.iter().map(|(a, s)| ((*a).to_owned(), *s)).collect();
        if let Some(l) = ledger {
            for f in &l.facts {
                if !vocabulary.iter().any(|(a, _)| a == f.attribute.as_str()) {
                    vocabulary.push((f.attribute.to_string(), shape_of_fact(f)));
                }
            }
        }
        let synonyms = ledger.map(|l| l.attribute_synonyms.clone()).unwrap_or_default();
        let cues = CueIndex::new(vocabulary.iter().map(|(a, _)| a.as_str()), &synonyms);
        let mut object_only: HashSet<String> = ledger
            .iter()
            .flat_map(|l| l.facts.iter().filter_map(|f| f.object.as_deref()))
            .map(str::to_owned)
            .collect();
        for f in ledger.iter().flat_map(|l| &l.facts) {
            object_only.remove(f.entity.as_str());
        }
        Harvester { ledger, object_only, resolver: ledger.map(EntityResolver::new), vocabulary, cues }
    }

    /// The ledger's names and aliases, for the extractor's attribution.
    pub fn entity_index(&self) -> crate::extract::EntityIndex {
        self.resolver.as_ref().map(EntityResolver::index).unwrap_or_default()
    }

    fn shape(&self, attribute: &str) -> Option<Shape> {
        self.vocabulary.iter().find(|(a, _)| a == attribute).map(|(_, s)| *s)
    }

    fn resolve(&self, name: &str) -> String {
        self.resolver.as_ref().and_then(|r| r.resolve(name)).unwrap_or(name).to_owned()
    }

    /// The candidate rows of one document, from its extracted claims.
    /// `reference_date` is the document's own date: an event stated without
    /// a day ("today announced") is dated by it.
    pub fn harvest(
        &self,
        doc: &Document,
        claims: &[Claim],
        reference_date: Option<chrono::NaiveDate>,
        options: &HarvestOptions,
    ) -> Harvest {
        let mut out = Harvest::default();
        let mut seen: HashSet<String> = HashSet::new();
        let entities = self.entity_index();
        let main = self.main_entity(doc.text(), &entities).or_else(|| most_common_subject(claims));
        let reference = reference_date.map(|d| d.to_string());
        for claim in claims {
            let Some(shape) = shape_of_claim(claim) else { continue };
            if is_dateline(claim, claims, reference.as_deref()) {
                continue;
            }
            // A date that is another figure's period is not a fact of its own.
            if claim.kind == ClaimKind::Date
                && claims.iter().any(|c| {
                    c.kind != ClaimKind::Date
                        && c.sentence == claim.sentence
                        && c.period.as_deref() == claim.value.as_date()
                })
            {
                continue;
            }
            let context = Context {
                claims,
                entities: &entities,
                main: main.as_deref(),
                reference: reference.as_deref(),
            };
            let Some(mut row) = self.row(claim, shape, &context) else {
                out.skipped += 1;
                continue;
            };
            let (line, col) = (claim.span.line, claim.span.column);
            let source = if options.source_name.trim().is_empty() {
                format!("{}:{line}:{col}", doc.path)
            } else {
                format!("{} ({}:{line}:{col})", options.source_name.trim(), doc.path)
            };
            row.set("source", source);
            row.set("rank", "normal");
            if let Some(d) = &options.as_of {
                row.set("as_of", d.clone());
            }
            if seen.insert(row.key_and_value()) {
                self.classify(&mut row);
                out.candidates.push(row);
            }
        }
        out
    }

    /// Build the row for one claim, or `None` when it has no subject or attribute.
    fn row(&self, claim: &Claim, shape: Shape, cx: &Context<'_>) -> Option<Candidate> {
        let sentence = claim.sentence.as_str();
        let at = claim_offset_in_sentence(claim);
        let len = claim.text.split_whitespace().collect::<Vec<_>>().join(" ").len();
        // The attribute: the nearest, strongest cue of an attribute of the claim's shape.
        let scan = self.cues.scan(sentence, at, len);
        let lower = sentence.to_lowercase();
        let mut best: Option<(&str, CueScore)> = None;
        for (attr, (strength, dist)) in &scan {
            if self.shape(attr) != Some(shape) || !unit_fits(attr, claim) {
                continue;
            }
            // Among cued attributes, the one whose own words the sentence uses
            // ("members" over "paid_memberships").
            let score = (*strength, std::cmp::Reverse(*dist), name_score(attr, &lower));
            if best.is_none_or(|(b, s)| (score, std::cmp::Reverse(*attr)) > (s, std::cmp::Reverse(b))) {
                best = Some((attr, score));
            }
        }
        let mentions: Vec<(usize, usize, String)> =
            cx.entities.find(sentence).map(|(s, e, c)| (s, e, c.to_owned())).collect();
        let parties = mentions.iter().filter(|m| !self.object_only.contains(&m.2)).count();
        // "a transaction valued at $26.2 billion", "a purchase price of $8.45
        // billion": the amount of a deal between two named parties.
        if let Some(("valuation" | "market_cap" | "price", _)) = best
            && parties >= 2
            && scan.get("acquisition").is_some_and(|(s, _)| *s >= 2)
        {
            best = Some(("acquisition", (0, std::cmp::Reverse(0), 0)));
        }
        // A per-share price in an offering of the company's own shares.
        if let Some(("price_per_share", _)) = best
            && parties < 2
            && scan.contains_key("ipo_price")
        {
            best = Some(("ipo_price", (0, std::cmp::Reverse(0), 0)));
        }
        let attribute = match best {
            Some((a, _)) => a.to_owned(),
            None => claim.attribute.clone().filter(|a| self.shape(a) == Some(shape))?,
        };
        // The parties: names the ledger knows, around the claim.
        let is_party = |name: &str| !self.object_only.contains(name) && !is_place(name);
        let mut subject = claim.subject.as_deref().map(|s| self.resolve(s));
        let mut object = claim.object.as_deref().map(|o| self.resolve(o));
        let known = |n: &str| self.resolver.as_ref().is_some_and(|r| r.resolve(n).is_some());
        if self.ledger.is_some() && subject.as_deref().is_none_or(|s| !known(s) || !is_party(s)) {
            // A guessed name ("Washington" in "founded in Bellevue,
            // Washington") or a plan: the nearest party the ledger knows in
            // the sentence, before the claim, else after it. Failing that, a
            // word that is no name ("Headcount was ...", "Our Board") or a
            // plan gives way to the party the document names most; a name
            // the ledger does not know yet ("WhatsApp") stays.
            let near = mentions.iter().rev().find(|m| m.1 <= at && is_party(&m.2));
            let near = near.or_else(|| mentions.iter().find(|m| is_party(&m.2)));
            let no_name = subject.as_deref().is_none_or(|s| known(s) || is_no_name(s, sentence));
            subject = match near {
                Some(m) => Some(m.2.clone()),
                None if no_name => cx.main.map(str::to_owned).or(subject),
                None => subject,
            };
        }
        if is_relation(&attribute) {
            // Names the ledger does not know yet: runs of capitalized words.
            let guessed;
            let distinct: HashSet<&str> = mentions.iter().map(|m| m.2.as_str()).collect();
            let mentions = if distinct.len() >= 2 {
                &mentions
            } else {
                let mut all = mentions.clone();
                all.extend(
                    guessed_names(sentence)
                        .into_iter()
                        .filter(|g| !mentions.iter().any(|m| m.0 < g.1 && g.0 < m.1)),
                );
                all.sort();
                guessed = all;
                &guessed
            };
            let parties: Vec<&(usize, usize, String)> =
                mentions.iter().filter(|m| is_party(&m.2) || self.object_only.contains(&m.2)).collect();
            let before: Vec<&&(usize, usize, String)> = parties.iter().filter(|m| m.1 <= at).collect();
            let first = before.iter().find(|m| is_party(&m.2)).or(before.first()).copied().copied();
            if let Some(m) = first.or(parties.first().copied()) {
                subject = Some(m.2.clone());
            }
            let other =
                parties.iter().find(|m| Some(&m.2) != subject.as_ref() && first.is_none_or(|f| m.0 > f.0));
            object = other.map(|m| m.2.clone()).or(object.filter(|_| self.ledger.is_none()));
        } else {
            // A plan or product the ledger uses as an object, named nearest
            // before the claim (else after it); places only as where a launch happened.
            let fits = |n: &str| self.object_only.contains(n) && (shape == Shape::Date || !is_place(n));
            let before = mentions.iter().rev().find(|m| m.1 <= at && fits(&m.2));
            let after = mentions.iter().find(|m| m.0 >= at && fits(&m.2));
            object = before.or(after).map(|m| m.2.clone());
        }
        // The dateline's place ("SAN FRANCISCO — ...") is where, not who.
        if subject.as_deref().is_some_and(|s| is_dateline_place(s, sentence)) {
            subject = cx.main.map(str::to_owned);
        }
        let subject = subject.filter(|s| !s.trim().is_empty())?;
        if object.as_deref() == Some(subject.as_str()) {
            object = None;
        }
        // The value, as the row states it.
        let mut claim = claim.clone();
        if attribute == "net_income"
            && let Some(n) = claim.value.as_number()
            && n > 0.0
            && lower.get(..at).is_some_and(|b| b.rfind("loss").is_some_and(|i| at - i < 40))
        {
            claim.value = ClaimValue::Number(-n);
        }
        let value = match (&claim.value, &claim.high) {
            (ClaimValue::Date(d), _) => d.clone(),
            (ClaimValue::Number(lo), Some(ClaimValue::Number(hi))) if claim.qualifier == Qualifier::Range => {
                format!("{}..{}", format_number(*lo), format_number(*hi))
            }
            (ClaimValue::Number(n), _) => format_number(*n),
        };
        let unit = match shape {
            Shape::Date => String::new(),
            _ => claim.unit.clone().unwrap_or_default(),
        };
        let period = match shape {
            Shape::Date => String::new(),
            _ => self.period(&claim, cx, &attribute).unwrap_or_default(),
        };
        let qualifier = match claim.qualifier {
            Qualifier::Approximately => "approximately",
            Qualifier::AtLeast | Qualifier::MoreThan => "at_least",
            Qualifier::AtMost | Qualifier::LessThan => "at_most",
            // "reported revenue" in a filing is no estimate; "projected revenue" is.
            Qualifier::Exact | Qualifier::Range
                if claim.hedge.as_deref().is_some_and(|h| {
                    matches!(
                        h,
                        "projected" | "expected" | "estimated" | "forecast" | "predicted" | "anticipated"
                    )
                }) =>
            {
                "estimate"
            }
            Qualifier::Exact | Qualifier::Range => "",
        };
        let mut row =
            Candidate { cells: Default::default(), status: Status::New, fact: None, message: None, claim };
        row.set("entity", subject);
        row.set("attribute", attribute);
        row.set("object", object.unwrap_or_default());
        row.set("value", value);
        row.set("unit", unit);
        row.set("period", period);
        row.set("qualifier", qualifier);
        Some(row)
    }

    /// The period of a figure: an event is dated by the day it happened (a
    /// full date in its sentence, else the document's date); a measurement
    /// by the period the extractor found, else a date in its sentence.
    fn period(&self, claim: &Claim, cx: &Context<'_>, attribute: &str) -> Option<String> {
        let at = claim.span.start;
        let mut dates: Vec<&Claim> = cx
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Date && c.sentence == claim.sentence)
            .filter(|c| c.value.as_date().is_some_and(|d| !d.contains("..")))
            .filter(|c| !is_dateline(c, cx.claims, cx.reference))
            .collect();
        dates.sort_by_key(|c| c.span.start.abs_diff(at));
        let date = |c: &&Claim| c.value.as_date().map(str::to_owned);
        let probe = Fact::probe(attribute, "2000-01-01");
        if is_event_attribute(attribute, &probe) {
            return claim
                .period
                .clone()
                .filter(|p| p.len() == 10)
                .or_else(|| {
                    dates.iter().find(|c| c.value.as_date().is_some_and(|d| d.len() == 10)).and_then(date)
                })
                // "bought Twitch for $970 million in 2014": the sentence's own
                // date, however coarse, before the document's.
                .or_else(|| claim.period.clone())
                .or_else(|| dates.first().and_then(date))
                .or_else(|| cx.reference.map(str::to_owned));
        }
        let found = claim.period.clone().or_else(|| dates.first().and_then(date));
        let flow = matches!(attribute, "revenue" | "net_income" | "revenue_growth" | "profit");
        // Money made in a quarter: "$2.22 billion in Q4 2023". A count at a
        // quarter's end ("ended 2023 with ...") is about the year's end.
        let found = match (found, quarter_in(&claim.sentence)) {
            (Some(year), Some(q)) if flow && year.len() == 4 => Some(format!("{year}-{q}")),
            (found, _) => found,
        };
        // A count or a price stated without a period is true on the document's date.
        if flow { found } else { found.or_else(|| cx.reference.map(str::to_owned)) }
    }

    /// Mark the row against the ledger's facts of the same key.
    fn classify(&self, row: &mut Candidate) {
        let Some(ledger) = self.ledger else { return };
        let entity = row.cell("entity").to_owned();
        let object = row.cell("object").to_owned();
        let attribute = row.cell("attribute").to_owned();
        let period = row.cell("period").to_owned();
        let same_name = |a: &str, b: &str| -> bool {
            a.eq_ignore_ascii_case(b)
                || (!a.is_empty() && !b.is_empty() && self.resolve(a) == self.resolve(b))
        };
        let facts: Vec<&Fact> = ledger
            .facts
            .iter()
            .filter(|f| {
                f.attribute.as_str() == attribute
                    && same_name(&f.entity, &entity)
                    && same_name(f.object.as_deref().unwrap_or(""), &object)
                    && match (f.period.as_deref().unwrap_or(""), period.as_str()) {
                        ("", "") => true,
                        ("", _) | (_, "") => false,
                        (fp, cp) => periods_match(cp, fp) || periods_match(fp, cp),
                    }
            })
            .collect();
        if facts.is_empty() {
            return;
        }
        let claim = &row.claim;
        let agrees = |f: &Fact| match (&claim.value, &f.value) {
            (ClaimValue::Date(d), FactValue::Date(v)) => dates_agree(d, v),
            (ClaimValue::Number(_), FactValue::Number(_) | FactValue::Range(..)) => {
                f.unit.as_deref().unwrap_or("").eq_ignore_ascii_case(row.cell("unit"))
                    || (claim.kind != ClaimKind::Money && claim.kind != ClaimKind::Percent)
            }
            _ => false,
        } && (claim.kind == ClaimKind::Date || numbers_agree(claim, f, None));
        if let Some(f) = facts.iter().find(|f| agrees(f)) {
            row.status = Status::Duplicate;
            row.fact = Some(f.id.to_string());
            row.message = Some(format!("ledger says {}", describe_fact_value(f)));
            row.set("note", format!("DUPLICATE of {}: ledger says {}", f.id, ledger_value(f)));
        } else {
            let f = facts.iter().min_by_key(|f| f.rank).copied().unwrap_or(facts[0]);
            row.status = Status::Conflict;
            row.fact = Some(f.id.to_string());
            row.message = Some(format!("ledger says {}", describe_fact_value(f)));
            row.set("note", format!("CONFLICT with {}: ledger says {}", f.id, ledger_value(f)));
        }
    }
}

/// How well an attribute's cues fit a claim: strength, nearness, own words.
type CueScore = (u32, std::cmp::Reverse<usize>, i32);

/// What every row of one document shares.
struct Context<'a> {
    claims: &'a [Claim],
    entities: &'a crate::extract::EntityIndex,
    /// The party the document names most (its first line counts double).
    main: Option<&'a str>,
    /// The document's own date, ISO.
    reference: Option<&'a str>,
}

impl Harvester<'_> {
    fn main_entity(&self, text: &str, entities: &crate::extract::EntityIndex) -> Option<String> {
        let first_line = text.find('\n').unwrap_or(text.len());
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (s, _, name) in entities.find(text) {
            if self.object_only.contains(name) || is_place(name) {
                continue;
            }
            let n = if s < first_line { 2 } else { 1 };
            match counts.iter_mut().find(|(c, _)| c == name) {
                Some((_, k)) => *k += n,
                None => counts.push((name.to_owned(), n)),
            }
        }
        // The first named wins a tie.
        counts.iter().rev().max_by_key(|(_, k)| *k).map(|(c, _)| c.clone())
    }
}

/// The dateline's date ("SEATTLE — February 1, 2024 —"): the document's own
/// date, not a fact.
fn is_dateline(claim: &Claim, claims: &[Claim], reference: Option<&str>) -> bool {
    if claim.kind != ClaimKind::Date || claim.value.as_date() != reference {
        return false;
    }
    // Only the first of the same date in a sentence: "— February 1, 2023 —
    // ChatGPT Plus was launched on February 1, 2023" states a fact in the second.
    if claims
        .iter()
        .any(|c| c.sentence == claim.sentence && c.text == claim.text && c.span.start < claim.span.start)
    {
        return false;
    }
    let at = claim_offset_in_sentence(claim);
    let before = claim.sentence.get(..at).unwrap_or("");
    at < 120
        && !before
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 4 && w.chars().all(char::is_lowercase))
}

/// A capitalized word taken for a name that is none: a common noun opening a
/// sentence ("Headcount was 67,317"), a corporate suffix ("Inc"), or a word
/// of the dateline ("MOUNTAIN VIEW, Calif. — ...").
fn is_no_name(subject: &str, sentence: &str) -> bool {
    const COMMON: &[&str] = &[
        "board",
        "company",
        "directors",
        "family",
        "group",
        "headcount",
        "inc",
        "corp",
        "corporation",
        "ltd",
        "llc",
        "management",
        "net",
        "our",
        "revenue",
        "revenues",
        "sales",
        "shares",
        "the",
        "total",
        "we",
    ];
    let first = subject.split_whitespace().next().unwrap_or("").trim_end_matches('.').to_lowercase();
    let head = sentence.get(..sentence.len().min(100)).unwrap_or(sentence);
    let dateline_end = head.rfind('—').unwrap_or(0);
    COMMON.contains(&first.as_str())
        || is_dateline_place(subject, sentence)
        || sentence.find(subject).is_some_and(|i| i < dateline_end)
}

/// A place in capitals that opens a dateline: "SAN FRANCISCO — February 13, 2024 — ...".
fn is_dateline_place(name: &str, sentence: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    name.chars().any(char::is_alphabetic)
        && letters.clone().all(char::is_uppercase)
        && sentence.trim_start().starts_with(name)
        && sentence.get(..sentence.len().min(name.len() + 60)).is_some_and(|head| head.contains('—'))
}

/// The subject most claims of a document have, when no ledger names it:
/// the company a press release is about.
fn most_common_subject(claims: &[Claim]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in claims {
        let Some(s) = c.subject.as_deref() else { continue };
        if is_dateline_place(s, &c.sentence) {
            continue;
        }
        match counts.iter_mut().find(|(n, _)| *n == s) {
            Some((_, k)) => *k += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.iter().rev().max_by_key(|(_, k)| *k).map(|(s, _)| (*s).to_owned())
}

/// Runs of capitalized words in a sentence, as (start, end, name): the
/// parties of a deal the ledger does not know yet ("Acme Corp bought
/// Widget Co"). Sentence openers, months and weekdays are not names.
fn guessed_names(sentence: &str) -> Vec<(usize, usize, String)> {
    const NOT_NAMES: &[&str] = &[
        "A", "An", "And", "As", "At", "But", "By", "For", "From", "He", "In", "It", "Its", "On", "Our",
        "She", "The", "This", "That", "They", "To", "Today", "Under", "We", "With",
    ];
    // A corporate suffix continues a name ("Acme Corp") but never starts one ("Amazon.com, Inc.").
    const SUFFIXES: &[&str] = &["Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "Company"];
    // A dateline ("MENLO PARK, Calif. — April 9, 2012 — ...") names places, not parties.
    let head = sentence.get(..sentence.len().min(100)).unwrap_or(sentence);
    let skip = head.rfind('—').map_or(0, |i| i + '—'.len_utf8());
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let mut pos = 0;
    for word in sentence.split(' ') {
        let start = pos;
        pos += word.len() + 1;
        if start < skip {
            continue;
        }
        let trimmed = word.trim_end_matches([',', '.', ';', ':', ')', '"', '\'']).trim_end_matches("'s");
        let capital = trimmed.chars().next().is_some_and(char::is_uppercase)
            && trimmed.chars().all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'))
            && !NOT_NAMES.contains(&trimmed)
            && !is_calendar_word(trimmed)
            && (run.is_some() || !SUFFIXES.contains(&trimmed))
            // Tickers, exchanges and datelines are in capitals: "(Nasdaq: MSFT)", "SEATTLE".
            && !trimmed.chars().all(|c| !c.is_lowercase());
        if capital {
            let end = start + trimmed.len();
            run = Some(run.map_or((start, end), |(s, _)| (s, end)));
        }
        // A run ends at a word that is not a name, or at punctuation after this one.
        if (!capital || trimmed.len() != word.len())
            && let Some((s, e)) = run.take()
        {
            out.push((s, e, sentence[s..e].to_owned()));
        }
    }
    if let Some((s, e)) = run {
        out.push((s, e, sentence[s..e].to_owned()));
    }
    out
}

/// A month or weekday name or abbreviation ("June", "Tue."): dates, not parties.
fn is_calendar_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    lexicon::month(&lower).is_some() || lexicon::weekday(&lower).is_some()
}

/// "Q4 2023", "fourth quarter": the quarter a figure is about.
fn quarter_in(sentence: &str) -> Option<&'static str> {
    let lower = sentence.to_lowercase();
    QUARTER_PHRASES.iter().find(|(k, _)| whole_word_matches(&lower, k).next().is_some()).map(|(_, q)| *q)
}

/// A fact's value and unit as the ledger writes them: `26200000000 USD`.
fn ledger_value(f: &Fact) -> String {
    match f.unit.as_deref().filter(|u| !u.is_empty()) {
        Some(u) => format!("{} {u}", f.value),
        None => f.value.to_string(),
    }
}

/// How many of an attribute's own words the sentence uses, less those it
/// does not: `monthly_active_users` in "602 million monthly active users" is 3.
fn name_score(attribute: &str, lower_sentence: &str) -> i32 {
    attribute
        .split('_')
        .map(|w| {
            let stem = w.trim_end_matches('s');
            if stem.len() > 2 && lower_sentence.contains(stem) { 1 } else { -1 }
        })
        .sum()
}

/// A counted noun must fit the attribute: "200,000 titles" is no count of users.
fn unit_fits(attribute: &str, claim: &Claim) -> bool {
    // A price per share is only ever a per-share attribute, and the other way round.
    let per_share = claim.per.as_deref() == Some("share");
    if per_share != matches!(attribute, "price_per_share" | "ipo_price") && claim.kind == ClaimKind::Money {
        return attribute == "ipo_price" && !per_share;
    }
    if claim.kind != ClaimKind::Number {
        return true;
    }
    let Some(unit) = claim.unit.as_deref() else { return true };
    let expected = match attribute {
        "employees" | "layoffs" => "employees",
        "deliveries" | "units_sold" => "vehicles",
        "hosts" => "hosts",
        "active_listings" => "listings",
        a if a.ends_with("_users") || matches!(a, "members" | "paid_memberships" | "subscribers") => "users",
        _ => return true,
    };
    let own_word = attribute.split('_').any(|w| w.len() > 3 && unit.to_lowercase().contains(w));
    own_word
        || crate::audit::matching::nouns_compatible(unit, expected)
        || unit.split_whitespace().any(|w| crate::audit::matching::nouns_compatible(w, expected))
}

/// Note on each `new` row the other candidates that give its key another
/// value ("DIFFERS from candidate meta-acquisition-whatsapp-2014-02-19: 4000000000
/// USD"): a document that states a total and its parts, or two documents
/// that disagree, need a reviewer's choice. Rows marked against the ledger
/// keep their marking. Call after [`assign_ids`].
pub fn mark_disagreements(candidates: &mut [Candidate]) {
    let key = |c: &Candidate| -> String {
        let cells: [&str; 13] = std::array::from_fn(|i| c.cells[i].as_str());
        let full = row_key(&cells);
        // Entity, attribute, object and period: the key without value and unit.
        full.split('\u{1f}').take(4).collect::<Vec<_>>().join("\u{1f}")
    };
    let keys: Vec<String> = candidates.iter().map(key).collect();
    let notes: Vec<Option<String>> = (0..candidates.len())
        .map(|i| {
            if candidates[i].status != Status::New {
                return None;
            }
            let others: Vec<String> = (0..candidates.len())
                .filter(|&j| j != i && keys[j] == keys[i])
                .map(|j| {
                    let c = &candidates[j];
                    let unit = c.cell("unit");
                    let value = if unit.is_empty() {
                        c.cell("value").to_owned()
                    } else {
                        format!("{} {unit}", c.cell("value"))
                    };
                    format!("DIFFERS from candidate {}: {value}", c.cell("id"))
                })
                .collect();
            (!others.is_empty()).then(|| others.join("; "))
        })
        .collect();
    for (c, note) in candidates.iter_mut().zip(notes) {
        if let Some(n) = note {
            c.set("note", n);
        }
    }
}

/// Give every candidate an id: a slug of entity, attribute, object and
/// period, unique against `taken` (which collects the new ids).
pub fn assign_ids(candidates: &mut [Candidate], taken: &mut HashSet<String>) {
    for c in candidates {
        if !c.cell("id").is_empty() {
            continue;
        }
        let row: Vec<String> = c.cells.to_vec();
        let base = crate::ledger::fmt::slug(&row);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        c.set("id", id);
    }
}

/// Refuse to write candidates where reviewed facts live: a facts file, the
/// aliases, attributes or reviewed file of `ledger`, or any file of the
/// ledger's directory whose name does not mark it as candidates
/// (`candidates.csv`, `*.candidates.csv`).
pub fn check_target(into: &Path, ledger: Option<&Path>) -> Result<(), LedgerError> {
    let name = into.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let refuse = || {
        Err(LedgerError::Refused(format!(
            "refusing to write candidate rows into {}: it holds reviewed facts\n\
             help: write them to `candidates.csv` (or `NAME.candidates.csv`) and move the accepted rows with `claimcheck ledger add`",
            into.display()
        )))
    };
    if matches!(name, "aliases.csv" | "attributes.csv" | "reviewed.csv") {
        return refuse();
    }
    let Some(ledger) = ledger else { return Ok(()) };
    let real = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    let target = real(into);
    if ledger.is_dir() {
        let in_ledger_dir = std::fs::canonicalize(ledger)
            .ok()
            .zip(target.as_ref())
            .is_some_and(|(l, t)| t.parent() == Some(l.as_path()));
        if in_ledger_dir && !crate::ledger::read::is_candidates_file(name) {
            return refuse();
        }
    } else if target.is_some() && real(ledger) == target {
        return refuse();
    }
    Ok(())
}

/// What [`write_candidates`] did.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// Rows added to the file, with their ids.
    pub added: Vec<Candidate>,
    /// Rows left out because the file already had their key and value.
    pub already: usize,
}

/// Merge candidates into a candidates file, safely: under the file's lock,
/// read what it holds, add only rows whose key and value it does not have
/// yet (so a second run adds nothing), give them ids unique against `taken`
/// and the file, and replace the file atomically in canonical form.
pub fn write_candidates(
    path: &Path,
    candidates: &[Candidate],
    taken: &mut HashSet<String>,
) -> Result<Written, LedgerError> {
    use crate::ledger::fmt::{FileKind, FmtTable};
    use crate::ledger::{read, write};
    let _guard = write::lock(path)?;
    let mut table = if path.exists() {
        let text = crate::ledger::fmt::read_text(path)?;
        let parsed = read::parse_table(path, &text)?;
        FmtTable::new(&parsed, FileKind::Facts)
    } else {
        let header = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        FmtTable { kind: FileKind::Facts, bom: false, crlf: false, header, rows: Vec::new() }
    };
    taken.extend(table.ids().map(str::to_owned));
    let mut keys: HashSet<String> = table
        .rows
        .iter()
        .map(|r| {
            let cells: [&str; 13] = std::array::from_fn(|i| r.get(i).map_or("", String::as_str));
            row_key(&cells)
        })
        .collect();
    let mut out = Written::default();
    for c in candidates {
        if !keys.insert(c.key_and_value()) {
            out.already += 1;
            continue;
        }
        let mut c = c.clone();
        assign_ids(std::slice::from_mut(&mut c), taken);
        out.added.push(c);
    }
    mark_disagreements(&mut out.added);
    for c in &out.added {
        let mut row = vec![String::new(); table.header.len()];
        row[..13].clone_from_slice(&c.cells);
        table.rows.push(row);
    }
    table.canonicalize(Some(taken));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        std::fs::create_dir_all(dir).map_err(|e| LedgerError::io(dir, e))?;
    }
    write::write_atomic(path, &table.render())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, Extractor};
    use crate::input::InputFormat;

    fn ledger(rows: &str) -> Ledger {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("facts.csv");
        std::fs::write(&path, format!("id,entity,attribute,object,value,unit,period,source\n{rows}"))
            .expect("write");
        Ledger::load(&path).expect("loads")
    }

    fn harvest(text: &str, ledger: Option<&Ledger>) -> Harvest {
        let doc = Document::new("pr.txt", text, InputFormat::Text);
        let h = Harvester::new(ledger);
        let claims = Extractor::with_entities(h.entity_index()).extract(&doc, &ExtractOptions::default());
        let options = HarvestOptions { source_name: "PR".into(), as_of: Some("2026-01-02".into()) };
        let reference = chrono::NaiveDate::from_ymd_opt(2016, 6, 13);
        h.harvest(&doc, &claims, reference, &options)
    }

    fn cells(c: &Candidate) -> Vec<&str> {
        ["entity", "attribute", "object", "value", "unit", "period", "note"]
            .iter()
            .map(|k| c.cell(k))
            .collect()
    }

    #[test]
    fn rows_from_sentences() {
        let cases: &[(&str, [&str; 6])] = &[
            ("Acme Corp was founded in 1999.", ["Acme Corp", "founded", "", "1999", "", ""]),
            (
                "Acme Corp reported revenue of $5.2 billion for 2023.",
                ["Acme Corp", "revenue", "", "5200000000", "USD", "2023"],
            ),
            ("Acme Corp revenue grew 16% in 2023.", ["Acme Corp", "revenue_growth", "", "16", "%", "2023"]),
            // A count with no period is dated by the document.
            (
                "Acme Corp has 1,200 employees.",
                ["Acme Corp", "employees", "", "1200", "employees", "2016-06-13"],
            ),
            // The dateline's place is not the subject; the company the release is about is.
            (
                "SAN FRANCISCO — June 13, 2016 — Acme Corp reported revenue of $5.2 billion for 2023.",
                ["Acme Corp", "revenue", "", "5200000000", "USD", "2023"],
            ),
            // A deal between parties no ledger knows, dated by its sentence.
            (
                "Acme Corp bought Widget Co for $970 million in 2014.",
                ["Acme Corp", "acquisition", "Widget Co", "970000000", "USD", "2014"],
            ),
            // Net loss is a negative net income.
            (
                "Acme Corp had a net loss of $349 million in Q4 2023.",
                ["Acme Corp", "net_income", "", "-349000000", "USD", "2023-Q4"],
            ),
        ];
        for (text, want) in cases {
            let h = harvest(text, None);
            let got = h.candidates.first().map(|c| cells(c)[..6].to_vec());
            assert_eq!(got.as_deref(), Some(&want[..]), "{text}");
        }
    }

    #[test]
    fn marks_duplicates_and_conflicts() {
        let l = ledger(
            "acme-founded,Acme,founded,,1999,,,Wikipedia\nacme-revenue-2023,Acme,revenue,,5200000000,USD,2023,10-K\n",
        );
        let h =
            harvest("Acme was founded in 1998. Acme reported revenue of $5.2 billion for 2023.", Some(&l));
        let got: Vec<(Status, Option<&str>, &str)> =
            h.candidates.iter().map(|c| (c.status, c.fact.as_deref(), c.cell("note"))).collect();
        assert_eq!(
            got,
            [
                (Status::Conflict, Some("acme-founded"), "CONFLICT with acme-founded: ledger says 1999"),
                (
                    Status::Duplicate,
                    Some("acme-revenue-2023"),
                    "DUPLICATE of acme-revenue-2023: ledger says 5200000000 USD"
                ),
            ]
        );
    }

    #[test]
    fn source_rank_and_as_of() {
        let h = harvest("Acme Corp was founded in 1999.", None);
        let c = &h.candidates[0];
        assert_eq!(c.cell("source"), "PR (pr.txt:1:26)");
        assert_eq!(c.cell("rank"), "normal");
        assert_eq!(c.cell("as_of"), "2026-01-02");
    }

    #[test]
    fn repeats_are_dropped_and_ids_unique() {
        let mut h = harvest("Acme Corp was founded in 1999. Acme Corp was founded in 1999, it says.", None);
        assert_eq!(h.candidates.len(), 1);
        let mut taken: HashSet<String> = ["acme-corp-founded".to_owned()].into();
        assign_ids(&mut h.candidates, &mut taken);
        assert_eq!(h.candidates[0].cell("id"), "acme-corp-founded-2");
    }

    #[test]
    fn disagreeing_candidates_are_noted() {
        let mut h =
            harvest("Acme Corp was founded in 1999. Acme Corp was founded in 1998, its rival says.", None);
        assign_ids(&mut h.candidates, &mut HashSet::new());
        mark_disagreements(&mut h.candidates);
        let notes: Vec<&str> = h.candidates.iter().map(|c| c.cell("note")).collect();
        assert_eq!(
            notes,
            [
                "DIFFERS from candidate acme-corp-founded-2: 1998",
                "DIFFERS from candidate acme-corp-founded: 1999"
            ]
        );
    }

    /// A name the ledger does not know yet is kept; a common word is not a name.
    #[test]
    fn unknown_names_stay_and_common_words_give_way() {
        let l = ledger("meta-founded,Meta,founded,,2004,,,Wikipedia\n");
        let h = harvest(
            "Meta agreed to buy WhatsApp for $19 billion. WhatsApp was founded in 2009. Headcount was 67,317.",
            Some(&l),
        );
        let got: Vec<(&str, &str)> =
            h.candidates.iter().map(|c| (c.cell("entity"), c.cell("attribute"))).collect();
        assert_eq!(got, [("Meta", "acquisition"), ("WhatsApp", "founded"), ("Meta", "employees")]);
    }

    #[test]
    fn no_subject_is_skipped() {
        let h = harvest("It cost $5.", None);
        assert!(h.candidates.is_empty());
    }

    #[test]
    fn candidates_file_merges_without_repeats() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("candidates.csv");
        let h = harvest("Acme Corp was founded in 1999. Acme Corp has 1,200 employees.", None);
        let first = write_candidates(&file, &h.candidates, &mut HashSet::new()).expect("writes");
        assert_eq!((first.added.len(), first.already), (2, 0));
        let again = write_candidates(&file, &h.candidates, &mut HashSet::new()).expect("writes");
        assert_eq!((again.added.len(), again.already), (0, 2));
        let text = std::fs::read_to_string(&file).expect("reads");
        assert_eq!(text.lines().count(), 3, "{text}");
        // The file is what `ledger fmt` would write.
        let mut taken = HashSet::new();
        let formatted = crate::ledger::fmt::format_text(&file, &text, &mut taken).expect("formats");
        assert_eq!(formatted, text);
    }

    #[test]
    fn reviewed_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let claims = dir.path().join("claims");
        std::fs::create_dir(&claims).expect("mkdir");
        std::fs::write(claims.join("facts.csv"), "entity,attribute,value,source\n").expect("write");
        for (name, ok) in [
            ("facts.csv", false),
            ("aliases.csv", false),
            ("more.csv", false),
            ("candidates.csv", true),
            ("press.candidates.csv", true),
        ] {
            let got = check_target(&claims.join(name), Some(&claims)).is_ok();
            assert_eq!(got, ok, "{name}");
        }
        assert!(check_target(&dir.path().join("out.csv"), Some(&claims)).is_ok());
        let single = claims.join("facts.csv");
        assert!(check_target(&single, Some(&single)).is_err());
    }
}
