//! The audit: every claim checked against the ledger.
//!
//! A claim is first tied to a ledger key (entity, attribute, object), using
//! the names in its sentence, the attribute's cue words near it and its
//! object; then to one fact of that key by period; then compared. A
//! contradiction needs a strong tie (entity, attribute cue and object all
//! present): a weak tie can only support a claim whose value matches, never
//! contradict it. False alarms cost an editor's trust.

pub mod compare;
pub mod matching;
mod names;

use std::ops::Range;

use serde::Serialize;
use std::io::Write as _;

use crate::claim::{Claim, ClaimKind, Qualifier};
use crate::extract::{EntityIndex, FnvMap};
use crate::ledger::{Fact, FactQualifier, FactValue, Ledger, Rank, SharedStr};
use compare::{ClaimFigure, dates_agree, describe_fact_value, fact_date, fact_matches_kind, figure_agrees};
use matching::{EntityResolver, claim_offset_in_sentence, is_event_attribute};
use names::TextNames;

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

/// The ledger fact a finding rests on, as the JSON output carries it. Its
/// text is shared with the ledger, not copied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRef {
    /// The fact's id.
    pub id: SharedStr,
    /// Its entity.
    pub entity: SharedStr,
    /// Its attribute.
    pub attribute: SharedStr,
    /// Its object, if any.
    pub object: Option<SharedStr>,
    /// Its value.
    pub value: FactValue,
    /// Its unit.
    pub unit: Option<SharedStr>,
    /// Its period.
    pub period: Option<SharedStr>,
    /// Its source.
    pub source: SharedStr,
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

/// Options for one audit run.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// The article's date: facts valid then are the ones compared.
    pub reference_date: Option<chrono::NaiveDate>,
    /// Tolerance for hedged figures, overriding the default 5% when larger.
    pub tolerance: Option<f64>,
}

/// Checks claims against one ledger. Build once, audit many documents.
pub struct Auditor<'l> {
    ledger: &'l Ledger,
    resolver: EntityResolver,
    entities: EntityIndex,
    facts: FactIndex,
    cues: matching::CueIndex,
}

/// Fact indices by entity, built once so that a claim's lookup touches only
/// the facts of the entities in its context, never the whole ledger; within
/// an entity, facts are grouped by attribute so that the facts of one key
/// (period selection, second parties) are one short slice.
#[derive(Debug, Default)]
struct FactIndex {
    /// Entity → its facts, grouped by attribute.
    by_entity: FnvMap<String, EntityFacts>,
    /// Entity → its date-valued facts, in ledger order.
    dates_by_entity: FnvMap<String, Vec<usize>>,
    /// Person → the companies the ledger says they lead or founded.
    affiliates: FnvMap<String, Vec<SharedStr>>,
}

/// One entity's facts: sorted by attribute, then in ledger order.
#[derive(Debug, Default)]
struct EntityFacts {
    /// Indices into the ledger's facts.
    facts: Vec<u32>,
    /// `(start, end, kinds)` of each attribute's run in `facts`: `kinds`
    /// are the kinds of claim any of its facts may fit
    /// ([`FactKinds::claim_kinds`]), so that a claim skips the runs that
    /// hold nothing of its kind.
    attributes: Vec<(u32, u32, u8)>,
    /// For each of `facts`, what kinds of claim it can be compared with
    /// (see [`FactKinds`]), so that a claim skips the others without
    /// reading the fact.
    kinds: Vec<u8>,
    /// For each of `facts`, its object as an index into `object_names`
    /// ([`EntityFacts::NO_OBJECT`] for none): a claim walks an entity's
    /// facts without loading each one from the ledger.
    objects: Vec<u32>,
    /// The entity's objects, each once.
    object_names: Vec<SharedStr>,
}

impl EntityFacts {
    const NO_OBJECT: u32 = u32::MAX;

    /// The object an entry of `objects` stands for.
    fn object(&self, o: u32) -> Option<&str> {
        if o == Self::NO_OBJECT { None } else { self.object_names.get(o as usize).map(SharedStr::as_str) }
    }
}

/// Bits of what a fact can be compared with: the parts of
/// [`fact_matches_kind`] that depend on the fact alone.
struct FactKinds;

impl FactKinds {
    const NUMERIC: u8 = 1;
    const CURRENCY: u8 = 2;
    const PERCENT: u8 = 4;
    const TIME_UNIT: u8 = 8;
    const DATED: u8 = 16;
    const NUMBER: u8 = 32;
    /// A recurring event (see [`matching::is_recurring_event`]).
    const RECURRING: u8 = 64;

    fn of(fact: &Fact) -> u8 {
        let unit = fact.unit.as_deref().unwrap_or("");
        let mut k = 0;
        if matches!(fact.value, FactValue::Number(_) | FactValue::Range(..)) {
            k |= Self::NUMERIC;
        }
        if matches!(fact.value, FactValue::Number(_)) {
            k |= Self::NUMBER;
        }
        if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) {
            k |= Self::CURRENCY;
        }
        if unit == "%" || unit == "pp" {
            k |= Self::PERCENT;
        }
        if matches!(unit, "year" | "month" | "week" | "day" | "hour") {
            k |= Self::TIME_UNIT;
        }
        if fact_date(fact).is_some() {
            k |= Self::DATED;
        }
        if matching::is_recurring_event(&fact.attribute) {
            k |= Self::RECURRING;
        }
        k
    }

    /// `fact_matches_kind(claim, fact)` from the fact's bits, where they
    /// decide it; `None` when the claim's unit must be compared too.
    fn fit(claim: &Claim, k: u8) -> Option<bool> {
        Self::fit_kind(claim.kind, k)
    }

    /// [`FactKinds::fit`] for a claim of `kind`.
    fn fit_kind(kind: ClaimKind, k: u8) -> Option<bool> {
        let numeric = k & Self::NUMERIC != 0;
        match kind {
            ClaimKind::Money => Some(numeric && k & Self::CURRENCY != 0),
            ClaimKind::Percent => Some(numeric && k & Self::PERCENT != 0),
            ClaimKind::Number => Some(numeric && k & (Self::CURRENCY | Self::PERCENT | Self::TIME_UNIT) == 0),
            ClaimKind::Duration if k & Self::NUMBER == 0 => Some(false),
            ClaimKind::Quantity if !numeric => Some(false),
            ClaimKind::Duration | ClaimKind::Quantity => None,
            ClaimKind::Date => Some(k & Self::DATED != 0),
            _ => Some(false),
        }
    }

    /// The kinds of claim a fact with bits `k` may fit, one bit per
    /// [`ClaimKind`] (see [`FactKinds::kind_bit`]).
    fn claim_kinds(k: u8) -> u8 {
        ClaimKind::ALL
            .iter()
            .filter(|&&kind| Self::fit_kind(kind, k) != Some(false))
            .fold(0, |mask, &kind| mask | Self::kind_bit(kind))
    }

    /// A claim kind's bit in [`FactKinds::claim_kinds`].
    fn kind_bit(kind: ClaimKind) -> u8 {
        1 << (kind as u8)
    }
}

impl FactIndex {
    fn new(ledger: &Ledger) -> Self {
        let mut index = FactIndex::default();
        for (idx, f) in ledger.facts.iter().enumerate() {
            let id = u32::try_from(idx).expect("a ledger holds fewer than 2^32 facts");
            match index.by_entity.get_mut(f.entity.as_str()) {
                Some(e) => e.facts.push(id),
                None => {
                    index.by_entity.insert(
                        f.entity.to_string(),
                        EntityFacts { facts: vec![id], ..EntityFacts::default() },
                    );
                }
            }
            if matches!(f.value, FactValue::Date(_)) {
                index.dates_by_entity.entry(f.entity.to_string()).or_default().push(idx);
            }
            if let Some(o) = &f.object
                && matches!(
                    f.attribute.as_str(),
                    "became_ceo"
                        | "ceo"
                        | "chief_executive"
                        | "founded"
                        | "co_founded"
                        | "founder"
                        | "chair"
                        | "chairman"
                )
            {
                let companies = index.affiliates.entry(f.entity.to_string()).or_default();
                if !companies.contains(o) {
                    companies.push(o.clone());
                }
            }
        }
        let attribute = |i: u32| ledger.facts[i as usize].attribute.as_str();
        // The claim kinds of every fact bits value, worked out once.
        let claim_kinds: Vec<u8> = (0..=u8::MAX).map(FactKinds::claim_kinds).collect();
        for e in index.by_entity.values_mut() {
            e.facts.sort_by(|&a, &b| attribute(a).cmp(attribute(b)).then(a.cmp(&b)));
            let mut start = 0;
            for end in 1..=e.facts.len() {
                if end == e.facts.len() || attribute(e.facts[end]) != attribute(e.facts[start]) {
                    e.attributes.push((start as u32, end as u32, 0));
                    start = end;
                }
            }
            e.facts.shrink_to_fit();
            e.attributes.shrink_to_fit();
            e.kinds = e.facts.iter().map(|&i| FactKinds::of(&ledger.facts[i as usize])).collect();
            for (s, end, kinds) in &mut e.attributes {
                *kinds =
                    e.kinds[*s as usize..*end as usize].iter().fold(0, |m, &k| m | claim_kinds[k as usize]);
            }
            let mut names: Vec<SharedStr> = Vec::new();
            e.objects = e
                .facts
                .iter()
                .map(|&i| match &ledger.facts[i as usize].object {
                    None => EntityFacts::NO_OBJECT,
                    Some(o) => match names.iter().position(|n| n == o) {
                        Some(at) => at as u32,
                        None => {
                            names.push(o.clone());
                            (names.len() - 1) as u32
                        }
                    },
                })
                .collect();
            e.object_names = names;
        }
        index
    }

    /// The date-valued facts of any of `entities`, in ledger order, each once.
    fn dates_about<'e>(&self, entities: impl IntoIterator<Item = &'e str>) -> Vec<usize> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out: Vec<usize> = Vec::new();
        for e in entities {
            if !seen.contains(&e) {
                seen.push(e);
                if let Some(ids) = self.dates_by_entity.get(e) {
                    out.extend_from_slice(ids);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The facts of one entity and attribute, in ledger order.
    fn of_key<'l>(
        &self,
        ledger: &'l Ledger,
        entity: &str,
        attribute: &str,
    ) -> impl Iterator<Item = &'l Fact> + use<'_, 'l> {
        let ids: &[u32] = self
            .by_entity
            .get(entity)
            .and_then(|e| {
                e.attributes
                    .iter()
                    .find(|&&(s, _, _)| {
                        ledger.facts[e.facts[s as usize] as usize].attribute.as_str() == attribute
                    })
                    .map(|&(s, end, _)| &e.facts[s as usize..end as usize])
            })
            .unwrap_or(&[]);
        ids.iter().map(move |&i| &ledger.facts[i as usize])
    }
}

/// The verdict on one claim: a finding without its claim, which the caller
/// moves or copies in.
struct Judgement<'l> {
    verdict: Verdict,
    fact: Option<&'l Fact>,
    message: String,
}

impl Judgement<'_> {
    fn into_finding(self, claim: Claim) -> Finding {
        Finding {
            file: claim.file.clone(),
            claim,
            verdict: self.verdict,
            fact: self.fact.map(FactRef::from),
            message: self.message,
        }
    }
}

/// A fact tied to a claim, with the evidence for the tie.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    fact: usize,
    /// The fact is a recurring event ([`FactKinds::RECURRING`]).
    recurring: bool,
    entity: u32,
    object_ok: bool,
    cue: u32,
    dist: usize,
    /// The fact is current and its value and period agree with the claim
    /// ([`Auditor::supports`]).
    supports: bool,
}

impl Candidate {
    fn strong(&self) -> bool {
        self.entity >= 1 && self.object_ok && self.cue >= 2
    }
    fn score(&self) -> u32 {
        self.entity * 2 + self.cue * 3 + u32::from(self.object_ok) * 2
    }
}

impl<'l> Auditor<'l> {
    /// Index a ledger. The parts are built side by side on the current rayon
    /// pool (all cores unless the caller installs a smaller one): the name
    /// automaton, the longest part on a large ledger, beside the resolver's
    /// lookup maps and the fact and cue indexes.
    pub fn new(ledger: &'l Ledger) -> Self {
        let ((resolver, entities), (facts, cues)) = rayon::join(
            || EntityResolver::with_index(ledger),
            || {
                let facts = FactIndex::new(ledger);
                let cues = matching::CueIndex::new(
                    ledger.facts.iter().map(|f| f.attribute.as_str()),
                    &ledger.attribute_synonyms,
                );
                (facts, cues)
            },
        );
        Auditor { ledger, resolver, entities, facts, cues }
    }

    /// The ledger's names and aliases, for the extractor's attribution.
    pub fn entity_index(&self) -> EntityIndex {
        self.entities.clone()
    }

    /// One finding per claim, in the claims' order. `text` is the document's
    /// plain text: the entity it names most is the fallback subject.
    pub fn audit(&self, claims: &[Claim], text: &str, options: &AuditOptions) -> Vec<Finding> {
        let judged = self.judge(claims, text, options);
        judged.into_iter().zip(claims).map(|(j, c)| j.into_finding(c.clone())).collect()
    }

    /// [`Auditor::audit`], moving each claim into its finding rather than
    /// copying it.
    pub fn audit_owned(&self, claims: Vec<Claim>, text: &str, options: &AuditOptions) -> Vec<Finding> {
        let judged = self.judge(&claims, text, options);
        judged.into_iter().zip(claims).map(|(j, c)| j.into_finding(c)).collect()
    }

    /// The verdict on each claim, in the claims' order.
    fn judge<'c>(&self, claims: &'c [Claim], text: &str, options: &AuditOptions) -> Vec<Judgement<'l>> {
        // One pass over the text for the names it holds; the names of its
        // sentences and of the text before each come from the same pass.
        let text_names = TextNames::new(&self.entities, text);
        let named: Vec<(usize, &str)> = text_names.all().map(|(s, _, name)| (s, name)).collect();
        // Claims name the same parties again and again: each distinct name is
        // resolved once per document.
        let mut resolved: FnvMap<&str, Option<&str>> = FnvMap::default();
        let mut resolve = |name: Option<&'c str>| {
            name.and_then(|n| *resolved.entry(n).or_insert_with(|| self.resolver.resolve(n)))
        };
        let parties: Vec<Parties<'_>> = claims
            .iter()
            .map(|c| Parties { subject: resolve(c.subject.as_deref()), object: resolve(c.object.as_deref()) })
            .collect();
        let subject = document_subject(text, &named).or_else(|| subject_of_claims(&parties));
        let mut counts: FnvMap<&str, usize> = FnvMap::default();
        for &(_, name) in &named {
            *counts.entry(name).or_default() += 1;
        }
        drop(named);
        let groups = sentence_groups(claims);
        let sentence_at = sentence_positions(text, claims, &groups);
        // The names of each sentence and of the text just before it, found
        // once per sentence: claims of one sentence share them.
        let mut mentions: Vec<Vec<(usize, usize, &str)>> = Vec::with_capacity(claims.len());
        let mut names: Vec<Vec<&str>> = Vec::with_capacity(claims.len());
        let mut context: Vec<Vec<&str>> = Vec::with_capacity(claims.len());
        for (i, c) in claims.iter().enumerate() {
            if groups[i].start != i {
                mentions.push(Vec::new());
                names.push(Vec::new());
                context.push(Vec::new());
                continue;
            }
            // A sentence written with single spaces is a slice of the text;
            // another one is searched on its own.
            let found: Vec<(usize, usize, &str)> = match sentence_at[i] {
                Some(at) if text.get(at..at + c.sentence.len()) == Some(c.sentence.as_str()) => {
                    text_names.in_slice(at, at + c.sentence.len())
                }
                _ => self.entities.find(&c.sentence).collect(),
            };
            names.push(distinct(found.iter().map(|m| m.2)));
            mentions.push(found);
            let before = context_before(text, sentence_at[i]);
            context.push(distinct(text_names.in_slice(before.start, before.end).into_iter().map(|m| m.2)));
        }
        // The attribute cues of each sentence, found once for its claims.
        let cue_hits: Vec<Vec<(usize, usize)>> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| if groups[i].start == i { self.cues.hits(&c.sentence) } else { Vec::new() })
            .collect();
        // Read once per claim what comparing it with each fact needs.
        let offsets: Vec<usize> = claims.iter().map(claim_offset_in_sentence).collect();
        let figures: Vec<Option<ClaimFigure>> = claims.iter().map(ClaimFigure::of).collect();
        let event_dates: Vec<bool> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.kind == ClaimKind::Date
                    && self.is_event_date(
                        c,
                        offsets[i],
                        &names[groups[i].start],
                        &cue_hits[groups[i].start],
                        subject.as_deref(),
                    )
            })
            .collect();
        let mut quarters = claim_quarters(claims);
        // A heading such as "Fourth quarter 2023" dates the figures under it.
        // Where each claim stands in the plain text the headings are read
        // from (its span points into the source, markup included).
        let mut last = 0;
        let plain_at: Vec<usize> = sentence_at
            .iter()
            .zip(&offsets)
            .map(|(sentence, offset)| {
                last = sentence.map_or(last, |s| s + offset);
                last
            })
            .collect();
        let sections = sections(text, &text_names, &plain_at);
        for (i, section) in sections.iter().enumerate() {
            // A sentence that names a quarter anywhere ("For the first
            // quarter of 2024, ... expects") keeps its own.
            let names_quarter = || {
                let lower = claims[i].sentence.to_lowercase();
                QUARTER_PHRASES.iter().any(|(k, _)| whole_word_matches(&lower, k).next().is_some())
            };
            if quarters[i].is_none()
                && claims[i].kind != ClaimKind::Date
                && section.quarter.is_some()
                && !names_quarter()
            {
                quarters[i] = section.quarter.map(|(q, _)| q);
            }
        }
        let (mut periods, is_period) = implied_periods(claims, &offsets, &event_dates, &groups, &quarters);
        for (i, section) in sections.iter().enumerate() {
            if let Some((q, Some(year))) = section.quarter
                && periods[i].as_deref() == Some(q)
            {
                periods[i] = Some(format!("{year}-{q}"));
            }
        }
        let doc = DocContext {
            subject: subject.as_deref(),
            counts,
            main_objects: Default::default(),
            claims,
            dateline: options
                .reference_date
                .or_else(|| crate::extract::find_dateline(text))
                .map(|d| d.format("%Y-%m-%d").to_string()),
            groups,
            is_period,
            quarters,
            section_subjects: sections.iter().map(|s| s.subject).collect(),
            mentions,
            names,
            context,
            parties,
            cue_hits,
            offsets,
            figures,
        };
        let mut judged: Vec<Judgement<'l>> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| self.audit_claim(c, i, periods[i].as_deref(), &doc, options))
            .collect();
        one_fact_one_figure(claims, &doc.groups, &mut judged);
        judged
    }

    /// A date claim strongly tied to a date fact ("founded in 1995") is an
    /// event's date, not the period of a nearby figure.
    fn is_event_date(
        &self,
        claim: &Claim,
        at: usize,
        mentioned: &[&str],
        cue_hits: &[(usize, usize)],
        doc_subject: Option<&str>,
    ) -> bool {
        let dated = self.facts.dates_about(mentioned.iter().copied().chain(doc_subject));
        if dated.is_empty() {
            return false;
        }
        let cues = self.cues.near(&claim.sentence, cue_hits, at, claim.text.len());
        dated.into_iter().map(|i| &self.ledger.facts[i]).any(|f| {
            matches!(f.value, FactValue::Date(_))
                && (mentioned.contains(&f.entity.as_str()) || doc_subject == Some(f.entity.as_str()))
                && cues.get(f.attribute.as_str()).is_some_and(|c| c.0 >= 3)
        })
    }

    fn audit_claim(
        &self,
        claim: &Claim,
        index: usize,
        period: Option<&str>,
        doc: &DocContext<'_>,
        options: &AuditOptions,
    ) -> Judgement<'l> {
        // Under "## Perplexity", the section's entity stands in for the
        // document's.
        let doc_subject = doc.section_subjects[index].or(doc.subject);
        let finding = |verdict, fact: Option<&'l Fact>, message: String| Judgement { verdict, fact, message };
        if claim.kind == ClaimKind::Ordinal {
            return finding(
                Verdict::Unverified,
                None,
                format!("{} is an ordinal; the ledger holds no rankings", claim.text),
            );
        }
        // The dateline ("REDMOND, Wash., June 14, 2016") is the article's own date.
        if claim.kind == ClaimKind::Date
            && doc.dateline.as_deref() == claim.value.as_date()
            && claim.span.line <= 4
            && claim.text.bytes().filter(u8::is_ascii_digit).count() >= 6
        {
            return finding(
                Verdict::Unverified,
                None,
                format!("{} is the article's own date (dateline), not a claim", claim.text),
            );
        }
        // "Interview ... conducted 5 February 2025", "Updated March 3":
        // when the piece itself was made, not a claim.
        if claim.kind == ClaimKind::Date && is_publication_date(claim, doc.offsets[index]) {
            return finding(
                Verdict::Unverified,
                None,
                format!("{} is when the article was made (its own date), not a claim", claim.text),
            );
        }
        let Parties { subject, object: claim_object } = doc.parties[index];
        let group = doc.groups[index].start;
        let mentioned: &[&str] = &doc.names[group];
        // Names in the text just before the sentence: "it" and "the company" point back to them.
        let context: &[&str] = &doc.context[group];
        let at = doc.offsets[index];
        let figure = doc.figures[index].as_ref();
        let local = self.local_subject(claim, &doc.mentions[group], at);
        // "went on sale at $499.99, with a Digital Edition at $449.99": a
        // party named much nearer another figure of the kind is that figure's.
        let others: Vec<(usize, Range<usize>)> = doc.groups[index]
            .clone()
            .filter(|&k| k != index && doc.claims[k].kind == claim.kind)
            .map(|k| (k, doc.offsets[k]..doc.offsets[k] + doc.claims[k].text.len()))
            .collect();
        let gap = |a: &Range<usize>, b: &Range<usize>| {
            if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
        };
        let here = at..at + claim.text.len();
        // Only a party after this figure counts so ("paid $86 billion for
        // Wyeth and about $90 billion for Warner-Lambert"): one named before
        // both ("bought LinkedIn for $26.2 billion, or $196 a share") is
        // both figures'.
        // A party named right before another figure that stands between it
        // and this one is that figure's too ("bought DICE for $4.2 billion
        // and POINT for $1.4 billion"). Either way, an alternative of this
        // figure shares its party ("$34 billion, or $190 a share, for Red Hat").
        let owned_elsewhere = |name: &str| {
            !others.is_empty()
                && doc.mentions[group].iter().filter(|m| m.2 == name).all(|m| {
                    let m = m.0..m.1;
                    others.iter().filter(|(k, _)| !alternatives(&doc.claims[*k], claim)).any(|(_, o)| {
                        let after = m.start >= here.end && 2 * gap(&m, o) < gap(&m, &here);
                        let before = claim.kind != ClaimKind::Date
                            && m.end <= o.start
                            && o.end <= here.start
                            && claim.sentence.get(m.end..o.start) == Some(" for ")
                            && claim.sentence.get(o.end..here.start).is_some_and(|b| b.contains(" and "));
                        after || before
                    })
                })
        };
        let named_here = |name: &str| mentioned.contains(&name) && !owned_elsewhere(name);
        // "Yuan, a former Cisco engineer, founded the company": the
        // employer named in passing is no party to the claim.
        let employer = doc.mentions[group]
            .iter()
            .rev()
            .find(|m| m.1 <= at)
            .filter(|m| crate::extract::names_a_past_employer(&claim.sentence, 0, m.0, m.1, at))
            .map(|m| m.2);
        let mut candidates = Vec::new();
        // Every attribute's cues in one pass over the sentence.
        let cues = self.cues.near(&claim.sentence, &doc.cue_hits[group], at, claim.text.len());
        // With no subject named, the document's subject stands in.
        let min_entity = if subject.is_some() { 3 } else { 1 };
        // Only facts about the subject, a name in the sentence or the document's
        // subject can tie; the index yields exactly those, by entity and attribute.
        // A company's chief or founder speaks for it: "Bob Iger announced
        // 7,000 job cuts" is about the company the ledger says he leads.
        let affiliates = subject.map(|s| self.affiliates(s)).unwrap_or_default();
        let local_affiliates = match local {
            Some(l) if Some(l) != subject => self.affiliates(l),
            _ => Vec::new(),
        };
        // "Wizz Air, the Budapest-based carrier, carried 62 million
        // passengers": a sentence that opens with a name the ledger does
        // not know, and says what it is, is about that name, not the
        // document's subject.
        let unknown_subject = subject.is_none()
            && claim.subject.as_deref().is_some_and(|name| {
                let rest = claim.sentence.get(name.len()..).unwrap_or("");
                claim.sentence.starts_with(name)
                    && [", the ", ", a ", ", an "].iter().any(|a| rest.starts_with(a))
                    && !describes_a_person(rest.get(2..).unwrap_or("").split(',').next().unwrap_or(""))
            });
        let fallback = (!unknown_subject).then(|| doc_subject.into_iter().chain(context.iter().copied()));
        let lookup = subject
            .into_iter()
            .chain(affiliates.iter().copied())
            .chain(mentioned.iter().copied())
            .chain(fallback.into_iter().flatten());
        // What stands before the claim when it is a party's label: "Twitch (" of "Twitch (2016)".
        let label = claim.sentence[..at].trim_end().strip_suffix('(').map(str::trim_end);
        let kind_bit = FactKinds::kind_bit(claim.kind);
        // Counted nouns are compared only for numbers with a noun ([`Auditor::nouns_fit`]).
        let checks_nouns = claim.kind == ClaimKind::Number && claim.unit.is_some();
        // "Since 2006, (RED) has raised $700 million": the date opens a
        // period; it can be the date of a beginning (a founding, a launch,
        // a listing), never that of a deal or a round counted since.
        let opens_period = claim.kind == ClaimKind::Date
            && claim.sentence[..at]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("since"));
        // What the figure itself says it measures ("$8 billion of net debt",
        // "Trips grew 24%"): a fact about something else is no strong tie.
        let measure = matching::attached_measure(&claim.sentence, at, claim.text.len());
        let mut fits_memo: Vec<(&str, bool)> = Vec::new();
        let is_age = claim.attribute.as_deref() == Some("age");
        let per_share = claim.kind == ClaimKind::Money && claim.per.as_deref() == Some("share");
        let share = claim.kind == ClaimKind::Percent
            && claim.sentence.get(at + claim.text.len()..).is_some_and(|rest| rest.starts_with(" of "));
        // "65% less than", "down 0.7 percentage points": a difference.
        let difference = claim.kind == ClaimKind::Percent
            && (claim.unit.as_deref() == Some("pp")
                || states_a_difference(&claim.sentence, at + claim.text.len()));
        let mut seen: Vec<&str> = Vec::new();
        for name in lookup {
            if seen.contains(&name) || employer == Some(name) {
                continue;
            }
            seen.push(name);
            let Some(facts) = self.facts.by_entity.get(name) else { continue };
            // Every entity looked up is the subject, named in the sentence, the
            // document's subject or named just before the sentence.
            let entity = if subject == Some(name) || affiliates.contains(&name) {
                3
            } else if mentioned.contains(&name) {
                2
            } else {
                1
            };
            let is_doc_subject = doc_subject == Some(name);
            for &(start, end, run_kinds) in &facts.attributes {
                if run_kinds & kind_bit == 0 {
                    continue;
                }
                let ids = &facts.facts[start as usize..end as usize];
                let objects = &facts.objects[start as usize..end as usize];
                let attribute = self.ledger.facts[ids[0] as usize].attribute.as_str();
                if opens_period && !matching::is_beginning(attribute) {
                    continue;
                }
                // Does a fact of this key have a second party named in the sentence?
                let mut names_party: Option<bool> = None;
                let mut names_party = || {
                    *names_party.get_or_insert_with(|| {
                        objects.iter().any(|&o| facts.object(o).is_some_and(named_here))
                    })
                };
                let mut main_object: Option<Option<&str>> = None;
                // "employs about 7,000 people in the US": what the sentence
                // says the figure counts outweighs a party it names.
                let own_measure_differs = || {
                    claim.attribute.as_deref().is_some_and(|a| {
                        matches!(a, "employees" | "users" | "revenue" | "profit" | "loss" | "layoffs")
                            && !matching::measure_fits(a, attribute)
                    })
                };
                // "roughly a third of the total", "5% of sales": a share, never a growth rate.
                let share_not_growth = share && attribute.contains("growth");
                // "65% less than it paid": a difference, only ever a change.
                let difference_not_level = difference && !is_change_attribute(attribute);
                let measured_elsewhere = share_not_growth || difference_not_level || measure.as_deref().is_some_and(|m| {
                    // Attributes repeat across the entities a claim looks up.
                    match fits_memo.iter().find(|(a, _)| *a == attribute) {
                        Some(&(_, fits)) => !fits,
                        None => {
                            // "an increase of 39 million" is a change.
                            let fits = if matching::is_change_noun(m) {
                                is_change_attribute(attribute)
                            } else {
                                matching::measure_fits(m, attribute)
                            };
                            fits_memo.push((attribute, fits));
                            !fits
                        }
                    }
                })
                    // "Yuan, 52, said": an age measures nothing else.
                    || (is_age && !attribute.contains("age"))
                    // "a dividend of 7.27 cents a share" is no buyback's total.
                    || (per_share && !matching::is_per_share(attribute))
                    // "26 million trips per day" is no count of the year's trips.
                    || (claim.kind == ClaimKind::Number
                        && claim.per.as_deref().is_some_and(|per| !matching::names_rate(attribute, per)));
                let (cue0, dist) = if measured_elsewhere {
                    (0, usize::MAX)
                } else {
                    cues.get(attribute).copied().unwrap_or((0, usize::MAX))
                };
                // How a fact of this key with `object` ties to the claim: (object_ok,
                // cue, useful). It depends on the fact through its object alone.
                let mut tie = |object: Option<&str>| {
                    // A claim about a known entity is about that entity: another
                    // entity's fact can support it by value but never contradict it.
                    let subject_fits = local.is_none_or(|s| {
                        s == name
                            || object == Some(s)
                            || (local_affiliates.contains(&name)
                                || (Some(s) == subject && affiliates.contains(&name)))
                    });
                    let named_object = object.is_some_and(named_here);
                    let object_ok = match object {
                        Some(o) => {
                            named_object
                                || (claim_object == Some(o) && !owned_elsewhere(o))
                                || subject == Some(o)
                                // The deal the article is about ("the $26.2 million transaction").
                                || (*main_object.get_or_insert_with(|| doc.main_object(self, ids))
                                    == Some(o)
                                    && !names_party())
                                || (doc_subject == Some(o) && !names_party())
                        }
                        // A fact without object does not fit a claim about another party's deal,
                        // unless that party is the subject itself.
                        None => !names_party(),
                    } && subject_fits;
                    let mut cue = cue0;
                    // A named second party ("Whole Foods Market (2017): $13.7 billion") is
                    // itself evidence of the relation.
                    // A date needs some word of the relation too ("announced on June 16"),
                    // unless it labels the party: "Twitch (2016): ...".
                    let labels_object = object.is_some_and(|o| label.is_some_and(|b| b.ends_with(o)));
                    if named_object
                        && !measured_elsewhere
                        && !(cue == 0 && own_measure_differs())
                        && (claim.kind != ClaimKind::Date || cue >= 1 || labels_object)
                    {
                        cue = cue.max(2);
                    }
                    // Keep only what a rule below can use: a strong or weak tie,
                    // or a fact about the subject (the debug trace keeps all).
                    let useful = (object_ok && (entity >= 2 || cue >= 1))
                        || (entity >= min_entity && (entity >= 2 || is_doc_subject));
                    (object_ok, cue, useful)
                };
                // Facts without a second party (most measurements) all tie alike.
                let mut no_object: Option<(bool, u32, bool)> = None;
                let kinds = &facts.kinds[start as usize..end as usize];
                for ((&i, &k), &o) in ids.iter().zip(kinds).zip(objects) {
                    let idx = i as usize;
                    let fits = match FactKinds::fit(claim, k) {
                        Some(fits) => fits,
                        None => fact_matches_kind(claim, &self.ledger.facts[idx]),
                    };
                    if !fits || (checks_nouns && !self.nouns_fit(claim, &self.ledger.facts[idx])) {
                        continue;
                    }
                    let (object_ok, cue, useful) = match facts.object(o) {
                        None => *no_object.get_or_insert_with(|| tie(None)),
                        object => tie(object),
                    };
                    if useful || debug() {
                        let recurring = k & FactKinds::RECURRING != 0;
                        let supports = self.supports(claim, figure, &self.ledger.facts[idx], period, options);
                        let c = Candidate { fact: idx, recurring, entity, object_ok, cue, dist, supports };
                        // Past a strong tie, only a fact that supports the claim can
                        // decide anything: the others are dropped here.
                        if c.strong() || supports || debug() {
                            candidates.push(c);
                        }
                    }
                }
            }
        }
        // In ledger order, as the rules below pick the first of equals.
        candidates.sort_unstable_by_key(|c: &Candidate| c.fact);
        if debug() {
            let _ = writeln!(
                std::io::stderr(),
                "{} subj={subject:?} mentioned={mentioned:?} {:?}",
                claim.text,
                candidates
                    .iter()
                    .map(|c| (&self.ledger.facts[c.fact].id, c.entity, c.object_ok, c.cue))
                    .collect::<Vec<_>>()
            );
        }
        // Recurring events (investments, fines, rounds) are told apart by date
        // and amount: a claim that fits neither is another event.
        let candidates: Vec<Candidate> = candidates
            .into_iter()
            .filter(|c| {
                !(c.recurring
                    && self.is_other_event(claim, index, &self.ledger.facts[c.fact], period, doc, options))
            })
            .collect();
        let strong: Vec<Candidate> = candidates.iter().copied().filter(Candidate::strong).collect();
        let best_score = strong.iter().map(Candidate::score).max();

        // 1. A strong tie: compare with the facts of the best key(s).
        if let Some(best) = best_score {
            // The best-scored keys, and among those the attribute cued nearest the claim.
            let top: Vec<&Candidate> = strong.iter().filter(|c| c.score() == best).collect();
            let nearest = top.iter().map(|c| c.dist).min().unwrap_or(0);
            // A fact of an equally strong key that agrees stays in even when
            // its cue is farther: "cut about 10% of its staff, roughly 8,000
            // people" is cued by "staff" first, but the cut's count agrees.
            let keys: Vec<&Candidate> =
                top.into_iter().filter(|c| c.dist <= nearest.saturating_add(15) || c.supports).collect();
            // Any matching fact among the near-best keys supports the claim.
            // A date contradicts only when the relation's word governs it
            // ("founded in 2001") and it is not just a figure's period
            // ("revenue was $500 million in 2023").
            let firm_date = claim.kind != ClaimKind::Date
                || keys.iter().any(|c| !matches!(self.ledger.facts[c.fact].value, FactValue::Date(_)))
                || (!doc.is_period[index] && keys.iter().all(|c| c.cue >= 3));
            let segment = match (subject, claim.subject.as_deref()) {
                (None, Some(name)) if names_a_segment(&claim.sentence, at, name) => Some(name),
                _ => None,
            };
            let scope = Scope {
                at,
                period,
                quarterly: doc.quarters[index].is_some(),
                reference: doc.dateline.as_deref(),
                segment,
            };
            if let Some(found) = self.judge_keys(claim, figure, &keys, &scope, options)
                && (firm_date || found.verdict != Verdict::Contradicted)
            {
                return found;
            }
        }
        // 2. A weak tie: a value that matches a fact about a named entity is supported.
        // Also a claim whose only context is its subject ("So was $19bn too much?")
        // when exactly one fact about that subject has its value.
        let weak: Vec<&Candidate> =
            candidates.iter().filter(|c| c.object_ok && (c.entity >= 2 || c.cue >= 1)).collect();
        if let Some(c) = weak.iter().find(|c| c.supports) {
            let fact = &self.ledger.facts[c.fact];
            return finding(Verdict::Supported, Some(fact), self.message_supported(claim, fact));
        }
        let by_subject: Vec<&Fact> = candidates
            .iter()
            .filter(|c| {
                c.entity >= min_entity
                    && (c.entity >= 2 || doc_subject == Some(self.ledger.facts[c.fact].entity.as_str()))
                    && c.supports
            })
            .map(|c| &self.ledger.facts[c.fact])
            .collect();
        if let [fact] = by_subject.as_slice()
            && claim.kind != ClaimKind::Date
        {
            return finding(Verdict::Supported, Some(fact), self.message_supported(claim, fact));
        }
        // Most claims end here: the message is written in one buffer.
        let mut message = String::with_capacity(64 + claim.text.len());
        message.push_str("no ledger fact for ");
        match (subject, &claim.attribute) {
            (Some(s), Some(a)) => [s, " / ", a].iter().for_each(|p| message.push_str(p)),
            (Some(s), None) => [s, " (attribute unknown)"].iter().for_each(|p| message.push_str(p)),
            (None, Some(a)) => {
                [a, " of an entity the ledger does not know"].iter().for_each(|p| message.push_str(p))
            }
            (None, None) => message.push_str("this figure"),
        }
        if let Some(p) = period {
            message.push_str(" for ");
            message.push_str(p);
        }
        message.push_str("; article says ");
        message.push_str(&claim.text);
        finding(Verdict::Unverified, None, message)
    }

    /// The companies the ledger says `person` leads or founded (facts
    /// about the person whose object is the company: "became_ceo",
    /// "founded", ...).
    fn affiliates(&self, person: &str) -> Vec<&str> {
        self.facts
            .affiliates
            .get(person)
            .map(|c| c.iter().map(SharedStr::as_str).collect())
            .unwrap_or_default()
    }

    /// The known entity the claim's own clause is about: an appositive
    /// ("WhatsApp, a messaging app with ... 50 employees"), a relative clause
    /// ("Skype, which it bought for $8.5 billion"), or the nearest name in the
    /// clause that no preposition governs.
    fn local_subject<'c>(
        &'c self,
        claim: &'c Claim,
        sentence_mentions: &[(usize, usize, &'c str)],
        at: usize,
    ) -> Option<&'c str> {
        let s = claim.sentence.as_str();
        let at = at.min(s.len());
        let mentions: Vec<(usize, usize, &str)> =
            sentence_mentions.iter().copied().filter(|m| m.1 <= at).collect();
        if mentions.is_empty() {
            return None;
        }
        let clause = clause_start(s, at);
        for &(start, end, name) in mentions.iter().rev() {
            // Places are settings, not the parties of a fact; nor is a
            // person's employer named in an apposition, nor any name in an
            // apposition that closes before the claim ("The Model 3, the
            // car that turned Tesla into ..., was unveiled in March 2017").
            if matching::is_place(name)
                || crate::extract::names_a_past_employer(s, 0, start, end, at)
                || in_closed_apposition(s, start, end, at, &mentions)
            {
                continue;
            }
            let between = &s[end..at];
            let attached =
                [", which ", ", who ", ", a ", ", an ", ", the "].iter().any(|p| between.starts_with(p))
                    && !between[2..].contains(", ");
            if attached {
                return Some(name);
            }
            if start < clause {
                break;
            }
            let mut before = s[..start].trim_end();
            for det in ["the", "a", "an", "its", "their"] {
                if let Some(rest) = before.strip_suffix(det).filter(|r| r.is_empty() || r.ends_with(' ')) {
                    before = rest.trim_end();
                    break;
                }
            }
            let governed = [
                "in", "for", "of", "to", "from", "with", "against", "by", "at", "into", "than", "on", "like",
                "over", "about", "bought", "acquired", "buy", "acquire",
            ]
            .iter()
            .any(|p| {
                let cut = before.len().saturating_sub(p.len());
                before.get(cut..).is_some_and(|w| w.eq_ignore_ascii_case(p))
                    && before
                        .get(..cut)
                        .is_some_and(|head| head.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
            });
            if !governed {
                return Some(name);
            }
        }
        None
    }

    /// Counted nouns must fit: "200,000 titles" is not a count of users.
    fn nouns_fit(&self, claim: &Claim, fact: &Fact) -> bool {
        if claim.kind != ClaimKind::Number {
            return true;
        }
        match (claim.unit.as_deref(), fact.unit.as_deref()) {
            // The claim's text ends with its counted noun and keeps the
            // words before it ("250 open positions").
            (Some(c), Some(f)) => {
                matching::nouns_compatible(if claim.text.ends_with(c) { &claim.text } else { c }, f)
            }
            _ => true,
        }
    }

    /// A recurring event (investment, fine, funding round) whose date and
    /// amount both differ from the claim's is another event of the same kind.
    fn is_other_event(
        &self,
        claim: &Claim,
        index: usize,
        fact: &Fact,
        period: Option<&str>,
        doc: &DocContext<'_>,
        options: &AuditOptions,
    ) -> bool {
        if !matching::is_recurring_event(&fact.attribute) {
            return false;
        }
        let Some(fact_period) = fact.period.as_deref() else { return false };
        let siblings = doc.groups[index].clone().map(|j| (j, &doc.claims[j])).filter(|(j, _)| *j != index);
        match claim.kind {
            ClaimKind::Date => {
                let date_fits = claim.value.as_date().is_some_and(|d| dates_agree(d, fact_period));
                let amount_fits =
                    siblings.clone().filter(|(_, c)| c.kind != ClaimKind::Date).any(|(j, c)| {
                        fact_matches_kind(c, fact) && self.agrees(c, doc.figures[j].as_ref(), fact, options)
                    });
                let has_amount =
                    siblings.clone().any(|(_, c)| fact_matches_kind(c, fact) && c.kind != ClaimKind::Date);
                has_amount && !date_fits && !amount_fits
            }
            _ => {
                let Some(p) = period else { return false };
                !dates_agree(p, fact_period)
                    && !self.agrees(claim, doc.figures[index].as_ref(), fact, options)
            }
        }
    }

    /// Does the claim agree with the fact? `figure` is the claim's figure
    /// ([`ClaimFigure::of`]), when its value is a number.
    fn agrees(
        &self,
        claim: &Claim,
        figure: Option<&ClaimFigure>,
        fact: &Fact,
        options: &AuditOptions,
    ) -> bool {
        if claim.kind == ClaimKind::Date {
            let (Some(c), Some(f)) = (claim.value.as_date(), fact_date(fact)) else { return false };
            return dates_agree(c, f);
        }
        if claim.kind == ClaimKind::Money && claim.unit.as_deref() != fact.unit.as_deref() {
            return false;
        }
        if claim.kind == ClaimKind::Percent && claim.unit.as_deref() != fact.unit.as_deref() {
            return false;
        }
        figure.is_some_and(|figure| figure_agrees(claim, figure, fact, options.tolerance))
    }

    /// Is `fact` a current fact whose value and period agree with the claim?
    fn supports(
        &self,
        claim: &Claim,
        figure: Option<&ClaimFigure>,
        fact: &Fact,
        period: Option<&str>,
        options: &AuditOptions,
    ) -> bool {
        matches!(fact.rank, Rank::Preferred | Rank::Normal)
            && self.agrees(claim, figure, fact, options)
            && self.period_fits(claim, fact, period)
    }

    fn period_fits(&self, claim: &Claim, fact: &Fact, period: Option<&str>) -> bool {
        if claim.kind == ClaimKind::Date || is_event_attribute(&fact.attribute, fact) {
            return true;
        }
        match (period, fact.period.as_deref()) {
            (Some(p), Some(fp)) => periods_match(p, fp),
            _ => true,
        }
    }

    /// Judge a claim against the facts of its best keys. `None` when the tie
    /// turns out too weak to decide (no fact for the claim's period and no
    /// other period matching).
    fn judge_keys(
        &self,
        claim: &Claim,
        figure: Option<&ClaimFigure>,
        keys: &[&Candidate],
        scope: &Scope<'_>,
        options: &AuditOptions,
    ) -> Option<Judgement<'l>> {
        let period = scope.period;
        let finding =
            |verdict, fact: &'l Fact, message: String| Judgement { verdict, fact: Some(fact), message };
        let facts: Vec<&'l Fact> = keys.iter().map(|c| &self.ledger.facts[c.fact]).collect();
        let first = *facts.first()?;
        // Money in another currency is never compared: no invented exchange rates.
        if claim.kind == ClaimKind::Money && facts.iter().all(|f| f.unit.as_deref() != claim.unit.as_deref())
        {
            let f = first;
            return Some(finding(
                Verdict::Unverified,
                f,
                format!(
                    "article says {} in {}; ledger has {} in {} ({}), not compared across currencies",
                    claim.text,
                    claim.unit.as_deref().unwrap_or("?"),
                    describe_fact_value(f),
                    f.unit.as_deref().unwrap_or("?"),
                    f.source
                ),
            ));
        }
        let facts: Vec<&Fact> = facts
            .into_iter()
            .filter(|f| claim.kind != ClaimKind::Money || f.unit.as_deref() == claim.unit.as_deref())
            .collect();
        // Select by period: measurements compare with the claim's period, or the
        // latest fact on or before the article's date.
        let mut latest = Vec::new();
        let in_period: Vec<&Fact> =
            facts.iter().copied().filter(|f| self.fact_in_scope(claim, f, scope, &mut latest)).collect();
        if debug() {
            let _ = writeln!(
                std::io::stderr(),
                "  period={period:?} in_period={:?}",
                in_period.iter().map(|f| &f.id).collect::<Vec<_>>()
            );
        }
        let matching: Vec<&Fact> =
            in_period.iter().copied().filter(|f| self.agrees(claim, figure, f, options)).collect();
        let current = |f: &&Fact| matches!(f.rank, Rank::Preferred | Rank::Normal);
        if let Some(f) = matching.iter().copied().find(current) {
            // Preferred facts that disagree with each other make the claim disputed.
            if let Some(other) = in_period.iter().copied().find(|o| {
                current(o)
                    && o.entity == f.entity
                    && o.attribute == f.attribute
                    && o.object == f.object
                    && o.period == f.period
                    && o.value != f.value
            }) {
                return Some(finding(
                    Verdict::Disputed,
                    f,
                    format!(
                        "article says {}; the ledger holds conflicting values: {} ({}) and {} ({})",
                        claim.text,
                        describe_fact_value(f),
                        f.source,
                        describe_fact_value(other),
                        other.source
                    ),
                ));
            }
            return Some(finding(Verdict::Supported, f, self.message_supported(claim, f)));
        }
        let disputed: Vec<&Fact> = matching.iter().copied().filter(|f| f.rank == Rank::Disputed).collect();
        if !disputed.is_empty() {
            let f = closest(claim, &disputed);
            // Name every other sourced value for this key, so both sides are visible.
            let others: Vec<String> = in_period
                .iter()
                .filter(|o| o.id != f.id && o.rank != Rank::Deprecated)
                .map(|o| {
                    let label = if current(o) { "preferred value " } else { "" };
                    format!("{label}{} ({})", describe_fact_value(o), o.source)
                })
                .collect();
            let other =
                if others.is_empty() { String::new() } else { format!("; also {}", others.join("; ")) };
            return Some(finding(
                Verdict::Disputed,
                f,
                format!(
                    "article says {}; the ledger records this value as disputed: {} ({}){other}",
                    claim.text,
                    describe_fact_value(f),
                    f.source
                ),
            ));
        }
        if let Some(f) = matching.iter().copied().find(|f| f.rank == Rank::Deprecated) {
            let preferred = in_period.iter().copied().find(current);
            let msg = match preferred {
                Some(p) => format!(
                    "article says {}, a superseded value ({}); ledger's current value is {} ({})",
                    claim.text,
                    f.source,
                    describe_fact_value(p),
                    p.source
                ),
                None => format!("article says {}, a superseded value ({})", claim.text, f.source),
            };
            return Some(finding(
                if preferred.is_some() { Verdict::Contradicted } else { Verdict::Unverified },
                preferred.unwrap_or(f),
                msg,
            ));
        }
        let preferred: Vec<&Fact> = in_period.iter().copied().filter(current).collect();
        if preferred.is_empty() {
            if let Some(f) = in_period.iter().copied().find(|f| f.rank == Rank::Disputed) {
                return Some(finding(
                    Verdict::Disputed,
                    f,
                    format!(
                        "article says {}; the ledger's values for this are disputed: {} ({})",
                        claim.text,
                        describe_fact_value(f),
                        f.source
                    ),
                ));
            }
            // No fact for this period: a value that belongs to another period is a contradiction,
            // unless it is an earlier value the sentence compares with.
            if let Some(p) = period
                && !is_earlier_value(&claim.sentence, scope.at)
                && let Some(other) =
                    facts.iter().copied().find(|f| current(f) && self.agrees(claim, figure, f, options))
            {
                let when = other.period.as_deref().unwrap_or("another period");
                // "ended 2024 with 40.5 million users" and a fact for 2024-Q4:
                // the fact's period lies within the claim's.
                if when.len() > p.len() && when.starts_with(p) && when.as_bytes()[p.len()] == b'-' {
                    return Some(finding(
                        Verdict::Supported,
                        other,
                        format!(
                            "article says {} for {p}; ledger has that value for {when}, within {p} (source {})",
                            claim.text, other.source
                        ),
                    ));
                }
                // "would cut 20,000 jobs by 2026": the target of a plan the
                // ledger dates by its announcement.
                if scope.reference.is_some_and(|r| is_after_the_article(p, r)) {
                    return Some(finding(
                        Verdict::Supported,
                        other,
                        format!(
                            "article says {} by {p}, after the article's own date; ledger has that value, announced for {when} (source {})",
                            claim.text, other.source
                        ),
                    ));
                }
                return Some(finding(
                    Verdict::Contradicted,
                    other,
                    format!(
                        "article says {} for {p}; ledger has that value for {when}, not {p} (source {})",
                        claim.text, other.source
                    ),
                ));
            }
            return None;
        }
        // Contradicted: compare with the closest current fact.
        let f = closest(claim, &preferred);
        // "up from $54.99": an earlier value the sentence compares with,
        // unless a period of its own follows it ("from $17.61 billion in
        // fiscal 2023").
        let at = scope.at;
        let earlier_value =
            is_earlier_value(&claim.sentence, at) && !has_own_period(&claim.sentence, at + claim.text.len());
        // An earlier fact of the key that has the value supports it.
        if earlier_value
            && let Some(earlier) = facts
                .iter()
                .copied()
                .find(|e| current(e) && e.period < f.period && self.agrees(claim, figure, e, options))
        {
            return Some(finding(
                Verdict::Supported,
                earlier,
                format!(
                    "article says {} as an earlier value; ledger has {} for {} (source {}), before the current {}",
                    claim.text,
                    describe_fact_value(earlier),
                    earlier.period.as_deref().unwrap_or("an earlier date"),
                    earlier.source,
                    describe_fact_value(f)
                ),
            ));
        }
        // "Cabinet backs 112.1 trillion yen plan" in December: with no period
        // named, a fact for the period ahead of the article's date that has
        // the value (a budget, a forecast) is what the figure speaks of.
        if period.is_none()
            && let Some(reference) = scope.reference
            && let Some(ahead) = facts.iter().copied().find(|e| {
                current(e)
                    && e.period.as_deref().is_some_and(|p| period_start(p).as_str() > reference)
                    && self.agrees(claim, figure, e, options)
            })
        {
            return Some(finding(
                Verdict::Supported,
                ahead,
                format!(
                    "article says {}; ledger says {} for {}, the period ahead of the article (source {})",
                    claim.text,
                    describe_fact_value(ahead),
                    ahead.period.as_deref().unwrap_or("a later period"),
                    ahead.source
                ),
            ));
        }
        let reading = Reading {
            earlier_value,
            unnamed_company: about_an_unnamed_company(&claim.sentence, at),
            parties_combined: about_parties_combined(&claim.sentence, at, claim.text.len()),
            // "7,000 people in the US": a region's count or share, unless the
            // fact is that region's. (A price "in the US" is the US price a
            // ledger in dollars records.)
            region: matches!(claim.kind, ClaimKind::Number | ClaimKind::Percent)
                .then(|| matching::region_after(&claim.sentence, at + claim.text.len()))
                .flatten()
                .filter(|place| f.object.as_deref() != Some(*place)),
            segment: scope.segment.filter(|part| *f.entity != **part && f.object.as_deref() != Some(*part)),
        };
        if let Some((said, ledger, why)) = not_judged(claim, f, scope, &reading) {
            return Some(finding(
                Verdict::Unverified,
                f,
                format!("article says {}{said}; ledger says {ledger} ({}): {why}", claim.text, f.source),
            ));
        }
        let mut msg = match claim.kind {
            ClaimKind::Date => format!(
                "article says {} ({}); ledger says {} for {} {}{} (source {})",
                claim.text,
                claim.value,
                fact_date(f).unwrap_or("?"),
                f.entity,
                f.attribute.replace('_', " "),
                f.object.as_deref().map(|o| format!(" {o}")).unwrap_or_default(),
                f.source
            ),
            _ => format!(
                "article says {}; ledger says {} ({} {}{}{}, source {})",
                claim.text,
                describe_fact_value(f),
                f.entity,
                f.attribute.replace('_', " "),
                f.object.as_deref().map(|o| format!(" {o}")).unwrap_or_default(),
                f.period.as_deref().map(|p| format!(", {p}")).unwrap_or_default(),
                f.source
            ),
        };
        if let Some(note) = compare::difference_note(claim, f) {
            msg.push_str("; ");
            msg.push_str(&note);
        }
        Some(finding(Verdict::Contradicted, f, msg))
    }

    /// Is `fact` the one the claim speaks of, time-wise? `latest` keeps the
    /// latest fact of each key already looked at.
    fn fact_in_scope<'f>(
        &'f self,
        claim: &Claim,
        fact: &'f Fact,
        scope: &Scope<'_>,
        latest: &mut Vec<(&'f Fact, Option<&'f Fact>)>,
    ) -> bool {
        if claim.kind == ClaimKind::Date || matches!(fact.value, FactValue::Date(_)) {
            return true;
        }
        if is_event_attribute(&fact.attribute, fact) {
            return self.event_in_period(fact, scope.period);
        }
        if let Some(p) = scope.period {
            return fact.period.as_deref().is_none_or(|fp| periods_match(p, fp));
        }
        // No period in the article: the latest fact on or before its date;
        // a quarterly figure only when the sentence speaks of a quarter.
        let quarterly = scope.quarterly;
        // A half year ("FY2023-H1") is part of a year as a quarter is.
        let is_quarterly =
            |f: &Fact| f.period.as_deref().is_some_and(|p| p.contains('Q') || p.contains("-H"));
        if is_quarterly(fact) != quarterly {
            return false;
        }
        let same_key =
            |a: &Fact, b: &Fact| a.entity == b.entity && a.attribute == b.attribute && a.object == b.object;
        let l = match latest.iter().find(|(k, _)| same_key(k, fact)) {
            Some(&(_, l)) => l,
            None => {
                // A period counts from its start: a 2025 price is in force in August 2025.
                let when = |f: &Fact| f.period.as_deref().or(f.as_of.as_deref()).map(period_start);
                // The last of the latest, as `Iterator::max_by` picks.
                let mut best: Option<(Option<String>, &'f Fact)> = None;
                for f in self.facts.of_key(self.ledger, &fact.entity, &fact.attribute) {
                    if f.object != fact.object
                        || !matches!(f.rank, Rank::Preferred | Rank::Normal)
                        || is_quarterly(f) != quarterly
                    {
                        continue;
                    }
                    let w = when(f);
                    let eligible = match (scope.reference, &w) {
                        (Some(r), Some(w)) => w.as_str() <= r,
                        _ => true,
                    };
                    if eligible && best.as_ref().is_none_or(|(b, _)| w >= *b) {
                        best = Some((w, f));
                    }
                }
                let l = best.map(|(_, f)| f);
                latest.push((fact, l));
                l
            }
        };
        match l {
            Some(l) => l.period == fact.period || !matches!(fact.rank, Rank::Preferred | Rank::Normal),
            None => false,
        }
    }

    /// An event's figure can be any of its key's events ("paid $750m in
    /// 2023, and $1bn this year"), unless the sentence names a period in
    /// which some of them fall: then only those ("return £750m to
    /// shareholders this year" is this year's buyback, not last year's).
    fn event_in_period(&self, fact: &Fact, period: Option<&str>) -> bool {
        let Some(p) = period else { return true };
        let in_period = |f: &Fact| f.period.as_deref().is_some_and(|fp| periods_match(p, fp));
        in_period(fact)
            || !self.facts.of_key(self.ledger, &fact.entity, &fact.attribute).any(|f| {
                f.object == fact.object && matches!(f.rank, Rank::Preferred | Rank::Normal) && in_period(f)
            })
    }

    fn message_supported(&self, claim: &Claim, fact: &Fact) -> String {
        let how = match (claim.kind, claim.qualifier) {
            (ClaimKind::Date, _) => "the dates agree".to_string(),
            (_, Qualifier::Exact)
                if fact.value != FactValue::Number(claim.value.as_number().unwrap_or(f64::NAN)) =>
            {
                "within the figure's stated precision".to_string()
            }
            (_, Qualifier::Exact) => "exact match".to_string(),
            (_, q) => format!("consistent with \"{}\"", q.as_str().replace('_', " ")),
        };
        format!(
            "article says {}; ledger says {} ({} {}{}{}, source {}): {how}",
            claim.text,
            describe_fact_value(fact),
            fact.entity,
            fact.attribute.replace('_', " "),
            fact.object.as_deref().map(|o| format!(" {o}")).unwrap_or_default(),
            fact.period.as_deref().map(|p| format!(", {p}")).unwrap_or_default(),
            fact.source
        )
    }
}

/// What selects a fact by time: the claim's period, whether it speaks of a
/// quarter, and the article's date.
struct Scope<'a> {
    /// Where the claim stands in its sentence.
    at: usize,
    period: Option<&'a str>,
    quarterly: bool,
    reference: Option<&'a str>,
    /// A part the ledger does not know whose measure the figure is
    /// ("YouTube ads revenues of $9.2 billion").
    segment: Option<&'a str>,
}

/// `CLAIMCHECK_DEBUG` is set: trace each claim's candidates on stderr.
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("CLAIMCHECK_DEBUG").is_some())
}

/// What the audit knows about the document a claim comes from.
struct DocContext<'a> {
    /// The entity the document names most.
    subject: Option<&'a str>,
    /// How often each known entity is named.
    counts: FnvMap<&'a str, usize>,
    /// The main second party of each key looked at, by the key's first fact.
    main_objects: std::cell::RefCell<FnvMap<u32, Option<u32>>>,
    /// Every claim of the document.
    claims: &'a [Claim],
    /// The article's own date, from `--reference-date` or its dateline.
    dateline: Option<String>,
    /// For each claim, the claims of its sentence.
    groups: Vec<Range<usize>>,
    /// For each claim, whether it is a date that gives a nearby figure its period.
    is_period: Vec<bool>,
    /// For each claim, the quarter named close to it (none for dates).
    quarters: Vec<Option<&'static str>>,
    /// For each claim, the one entity the heading above it names.
    section_subjects: Vec<Option<&'a str>>,
    /// At the first claim of each sentence: the names found in it, with offsets.
    mentions: Vec<Vec<(usize, usize, &'a str)>>,
    /// At the first claim of each sentence: the entities it names, each once.
    names: Vec<Vec<&'a str>>,
    /// At the first claim of each sentence: the entities named in the text just before it.
    context: Vec<Vec<&'a str>>,
    /// For each claim, the entities its subject and object resolve to.
    parties: Vec<Parties<'a>>,
    /// At the first claim of each sentence: its attribute cues ([`matching::CueIndex::hits`]).
    cue_hits: Vec<Vec<(usize, usize)>>,
    /// For each claim, where it sits in its sentence.
    offsets: Vec<usize>,
    /// For each claim, its figure when its value is a number.
    figures: Vec<Option<ClaimFigure>>,
}

/// The entities a claim's own subject and object resolve to.
#[derive(Debug, Clone, Copy)]
struct Parties<'a> {
    subject: Option<&'a str>,
    object: Option<&'a str>,
}

/// The entity most claims are about: the fallback subject for headings and lists.
fn subject_of_claims(parties: &[Parties<'_>]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in parties.iter().filter_map(|p| p.subject) {
        match counts.iter_mut().find(|(n, _)| *n == e) {
            Some((_, k)) => *k += 1,
            None => counts.push((e, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, k)| *k).map(|(n, _)| n.to_string())
}

/// The entity the document names most (its first line counts double), from
/// the names found in it: (offset, canonical name).
fn document_subject(text: &str, named: &[(usize, &str)]) -> Option<String> {
    let title_end = text.find('\n').unwrap_or(text.len());
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &(start, name) in named {
        let weight = if start < title_end { 2 } else { 1 };
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += weight,
            None => counts.push((name, weight)),
        }
    }
    counts.into_iter().max_by_key(|(_, k)| *k).map(|(n, _)| n.to_string())
}

/// Where the clause holding byte `at` of `sentence` starts: just after the
/// last clause separator (", and ", "; ", ...) that ends by `at`, else 0.
fn clause_start(sentence: &str, at: usize) -> usize {
    const SEPARATORS: [&str; 6] = [", and ", "; ", ", but ", ", while ", " although ", ": "];
    // Every separator ends with a space: the first space from the back that
    // ends one ends the last of them (one backward pass, not one per separator).
    let head = &sentence.as_bytes()[..at.min(sentence.len())];
    let mut end = head.len();
    while let Some(space) = head[..end].iter().rposition(|&b| b == b' ') {
        if SEPARATORS.iter().any(|sep| head[..=space].ends_with(sep.as_bytes())) {
            return space + 1;
        }
        end = space;
    }
    0
}

/// Where the (up to) 300 bytes of text before a sentence that starts at
/// `at` lie in `text`.
fn context_before(text: &str, at: Option<usize>) -> Range<usize> {
    let Some(pos) = at else { return 0..0 };
    let mut start = pos.saturating_sub(300);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..pos
}

/// Each item once, in order of first appearance.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

impl DocContext<'_> {
    /// The second party the document names most among an entity's facts of
    /// one attribute (the deal an article is about).
    /// `ids` are the facts of that key, in ledger order; the answer is
    /// kept for the rest of the document.
    fn main_object<'f>(&self, auditor: &'f Auditor<'_>, ids: &[u32]) -> Option<&'f str> {
        let key = *ids.first()?;
        let known = self.main_objects.borrow().get(&key).copied();
        let hit = known.unwrap_or_else(|| {
            let hit = ids
                .iter()
                .filter_map(|&i| {
                    let o = auditor.ledger.facts[i as usize].object.as_deref()?;
                    self.counts.get(o).map(|n| (i, *n))
                })
                .max_by_key(|(_, n)| *n)
                .filter(|(_, n)| *n >= 2)
                .map(|(i, _)| i);
            self.main_objects.borrow_mut().insert(key, hit);
            hit
        });
        hit.and_then(|i| auditor.ledger.facts[i as usize].object.as_deref())
    }
}

/// "two years before", "the following year", "three years later": dates
/// counted from another event.
fn is_anchor_relative(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["before", "later", "after", "following", "earlier", "previous", "prior", "same"]
        .iter()
        .any(|w| lower.split_whitespace().any(|x| x == *w))
}

/// How many times apart a figure and a fact can be and still be the same
/// measure, one of them wrong: a thousand (a million written for a
/// billion) and then some.
const ORDERS_APART: f64 = 5_000.0;

/// How the sentence around a figure limits what it can be compared with
/// (see [`not_judged`]).
struct Reading<'a> {
    /// "up from $54.99": the earlier value of a change.
    earlier_value: bool,
    /// "a company that ... founded in 2012".
    unnamed_company: bool,
    /// "Together they would have had 710,000 workers".
    parties_combined: bool,
    /// "7,000 people in the US", when the fact is not that region's.
    region: Option<&'a str>,
    /// "YouTube ads revenues", when the fact is not that part's.
    segment: Option<&'a str>,
}

/// The reasons [`not_judged`] gives whatever the claim's kind: what the
/// article's side of the message adds, and why.
fn not_judged_value(claim: &Claim, f: &Fact, reading: &Reading<'_>) -> Option<(String, &'static str)> {
    // "$634,440" a share against $167.6 billion of cash: figures thousands
    // of times apart measure different things. (A million written for a
    // billion, a thousand times off, is still an error to report.)
    let known = match f.value {
        FactValue::Number(v) => Some(v),
        // "$8.6 billion at the offer price" against a range of $44 to $49.
        FactValue::Range(low, high) => Some((low + high) / 2.0),
        FactValue::Date(_) => None,
    };
    if matches!(claim.kind, ClaimKind::Money | ClaimKind::Number)
        && let (Some(said), Some(known)) = (claim.value.as_number(), known)
        && said != 0.0
        && known != 0.0
        && (said / known).abs().max((known / said).abs()) > ORDERS_APART
    {
        return Some((
            String::new(),
            "the figures are orders of magnitude apart, so they measure different things",
        ));
    }
    // "expects $37 billion to $38.5 billion": a forecast is checked only
    // against a forecast the ledger records.
    let forecast = claim.hedge.as_deref().filter(|h| crate::extract::is_forward_looking(h));
    Some(if let Some(part) = reading.segment {
        // "YouTube ads revenues of $9.2 billion": a part's figure, not the parent's.
        (
            format!(" for {part}, a part the ledger does not know"),
            "a part's figure is not judged against the whole's",
        )
    } else if let Some(place) = reading.region {
        (
            format!(" in {place}"),
            "a figure for one region is not judged against a fact for another or for all",
        )
    } else if reading.parties_combined {
        // "Together they would have had 710,000 workers": a sum over
        // several parties is no figure of any one of them.
        (" for several parties combined".into(), "a combined figure is not judged against one party's fact")
    } else if reading.unnamed_company {
        // "for a company that Dylan Field and Evan Wallace founded in 2012".
        (" of a company the sentence does not name".into(), "a figure about an unnamed company is not judged")
    } else if reading.earlier_value {
        (" as an earlier value".into(), "an earlier value without its own date is not judged")
    } else if let Some(hedge) = forecast.filter(|_| f.qualifier != FactQualifier::Estimate) {
        (format!(" as a forecast ({hedge})"), "a forecast is not judged against an outcome")
    } else {
        return None;
    })
}

/// Why a claim that disagrees with the fact `f` is not called contradicted:
/// what the article's side of the message adds to the claim's text, the
/// ledger's side, and the reason.
fn not_judged(
    claim: &Claim,
    f: &Fact,
    scope: &Scope<'_>,
    reading: &Reading<'_>,
) -> Option<(String, String, &'static str)> {
    if let Some((said, why)) = not_judged_value(claim, f, reading) {
        return Some((said, describe_fact_value(f), why));
    }
    if claim.kind != ClaimKind::Date {
        // "would cut 20,000 jobs by 2026": a figure for a period after the
        // article's own date is a plan or a target.
        if let (Some(period), Some(reference)) = (scope.period, scope.reference)
            && is_after_the_article(period, reference)
        {
            return Some((
                format!(" for {period}, after the article's own date"),
                describe_fact_value(f),
                "a plan is not judged against an outcome",
            ));
        }
        return None;
    }
    let ledger = fact_date(f).unwrap_or("?").to_string();
    // "to save $10 billion next year": a date after the article's own is a
    // plan, not the date of an event on file.
    if let (Some(value), Some(reference)) = (claim.value.as_date(), scope.reference)
        && reference.get(..value.len()).is_some_and(|r| value > r)
    {
        return Some((
            format!(" ({value}), after the article's own date"),
            ledger,
            "a plan is not judged against an event",
        ));
    }
    // "did not raise at all in 2024": a date of something that did not
    // happen contradicts nothing.
    if claim.kind == ClaimKind::Date && in_a_negated_clause(&claim.sentence, scope.at) {
        return Some((
            format!(" ({})", claim.value),
            ledger,
            "a date of something the sentence says did not happen is not judged",
        ));
    }
    // "on Tuesday", "in May", "June 5": a date without its year is read
    // from the article's own date, too weak to contradict a fact.
    if is_yearless(&claim.text) {
        return Some((
            format!(" (read as {})", claim.value),
            ledger,
            "a date without its year is not judged",
        ));
    }
    // "the following year" counts from an event the text may not have
    // named last: too uncertain to call a contradiction.
    if is_anchor_relative(&claim.text) && !counts_from_anchor(&claim.text) {
        return Some((
            format!(" (read as {})", claim.value),
            ledger,
            "the expression is relative to another event, so it is not judged",
        ));
    }
    None
}

/// Does an apposition describe a person ("a former Cisco engineer", "the
/// company's chief executive")? The role nouns are the extractor's.
fn describes_a_person(apposition: &str) -> bool {
    apposition.split_whitespace().any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        w == "former" || crate::extract::is_role_noun(&w)
    })
}

/// Is the name at `start..end` of `sentence` inside an apposition that
/// follows another name and closes before the claim at `at` ("The Model 3,
/// the car that turned Tesla into a mass-market maker, was unveiled ...")?
fn in_closed_apposition(
    sentence: &str,
    start: usize,
    end: usize,
    at: usize,
    mentions: &[(usize, usize, &str)],
) -> bool {
    let Some(open) = sentence[..start].rfind(", ") else { return false };
    let inside = &sentence[open + 2..start];
    let closes = sentence.get(end..at).is_some_and(|rest| rest.contains(", "));
    // "The group, including Daihatsu and Hino, sold ...": the parts listed
    // are not what the sentence is about.
    if ["including ", "such as ", "like "].iter().any(|p| inside.starts_with(p)) {
        return closes;
    }
    let determiner = inside.split(' ').next().unwrap_or("");
    matches!(determiner, "a" | "an" | "the") && closes && mentions.iter().any(|m| m.1 == open)
}

/// Does the unknown name `name` own the measure right before the figure
/// at `at` ("YouTube ads revenues of $9.2 billion", "Azure revenue rose
/// to")? Then the figure is that part's, not its parent company's.
fn names_a_segment(sentence: &str, at: usize, name: &str) -> bool {
    let before = sentence.get(..at).unwrap_or("");
    let Some(i) = before.rfind(name) else { return false };
    // A plain word opening the sentence ("Operating revenue of") is no
    // name; "YouTube" is, by its inner capital.
    let opens = before[..i].trim_start_matches(['*', '-', ' ']).is_empty();
    if opens && !name.chars().skip(1).any(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let rest = &before[i + name.len()..];
    let words: Vec<&str> = rest.split_whitespace().collect();
    rest.len() <= 40
        && rest.starts_with(' ')
        && (1..=5).contains(&words.len())
        && rest.chars().all(|c| c.is_ascii_lowercase() || matches!(c, ' ' | '-' | '\''))
        && words.iter().any(|w| matching::is_measure_noun(w))
        && !matches!(
            words[0],
            "said" | "says" | "told" | "reported" | "expects" | "posted" | "had" | "has" | "is" | "was"
        )
}

/// Is date claim `claim` the date the piece was made: right after
/// "conducted", "published", "updated", "posted" or "recorded"?
fn is_publication_date(claim: &Claim, at: usize) -> bool {
    let before = claim.sentence.get(..at).unwrap_or("").trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before).trim_end_matches(':');
    let word = before.rsplit(' ').next().unwrap_or(before);
    ["conducted", "published", "updated", "posted", "recorded", "interviewed"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Does the percentage ending at `end` state a difference between two
/// amounts ("65% less than it paid", "20% below its peak", "30% higher")?
fn states_a_difference(sentence: &str, end: usize) -> bool {
    let next = sentence.get(end..).unwrap_or("").split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    matches!(
        next,
        "less"
            | "more"
            | "lower"
            | "higher"
            | "below"
            | "above"
            | "cheaper"
            | "fewer"
            | "smaller"
            | "larger"
            | "bigger"
    )
}

/// Attributes that are changes or differences: growth, a decline, a
/// discount, a premium.
fn is_change_attribute(attribute: &str) -> bool {
    ["growth", "change", "decline", "increase", "decrease", "discount", "premium", "drop", "fall", "rise"]
        .iter()
        .any(|w| attribute.contains(w))
}

/// Is the figure at `at..at + len` a sum over several parties ("Together
/// they would have had 710,000 workers", "the combined company", "1,200
/// stores combined")?
fn about_parties_combined(sentence: &str, at: usize, len: usize) -> bool {
    let clause = sentence.get(clause_start(sentence, at)..at).unwrap_or("");
    let after = sentence.get(at + len..).unwrap_or("");
    let after = &after[..after.find([',', ';', '.']).unwrap_or(after.len())];
    let words_after = after.split_whitespace().take(3);
    clause.split_whitespace().chain(words_after).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
        ["together", "combined", "jointly", "merged"].iter().any(|k| w.eq_ignore_ascii_case(k))
    })
}

/// Is the figure at `at` inside a phrase about a company the sentence
/// leaves unnamed ("for a company that Dylan Field founded in 2012", "a
/// start-up founded in 2015")?
fn about_an_unnamed_company(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or("");
    // The phrase runs to the figure without a comma or a semicolon: only the
    // last stretch of the text before it can hold it. One pass over its
    // words, asked of every claim a fact disagrees with.
    let stretch = &before[before.rfind([',', ';']).map_or(0, |i| i + 1)..];
    let (mut determiner, mut noun) = (false, false);
    for word in stretch.split(' ') {
        if noun && matches!(word, "that" | "which" | "founded" | "started" | "launched" | "set" | "created") {
            return true;
        }
        noun = determiner && matches!(word, "company" | "start-up" | "startup" | "firm" | "business");
        determiner = matches!(word, "a" | "A" | "another" | "Another");
    }
    false
}

/// Does the text before a figure make it the earlier value of a change
/// ("up from $54.99", "to $13.99 a month from $10.99", "compared with")?
fn is_earlier_value(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or("").trim_end().to_ascii_lowercase();
    if [
        "up from",
        "down from",
        "compared with",
        "compared to",
        "versus",
        "vs.",
        "from a high of",
        "from a low of",
    ]
    .iter()
    .any(|p| before.ends_with(p))
    {
        return true;
    }
    // "went up to $13.99 a month from $10.99": a bare "from" after a change.
    before.ends_with(" from")
        && before.split_whitespace().any(|w| {
            crate::extract::is_change_verb(w) || matches!(w, "up" | "down" | "raised" | "cut" | "hiked")
        })
}

/// Does a period of its own follow the figure ending at `end` ("in fiscal
/// 2023", "at the end of 2022", "a year earlier")?
fn has_own_period(sentence: &str, end: usize) -> bool {
    let after = sentence.get(end..).unwrap_or("").to_ascii_lowercase();
    let head: Vec<&str> = after.split_whitespace().take(6).collect();
    // "to $50 from $45 in October 2022": a month dates the change, not the
    // earlier value.
    if head.iter().any(|w| crate::extract::month(w.trim_matches(|c: char| !c.is_alphanumeric())).is_some()) {
        return false;
    }
    // The words of the figure's clause: up to the first comma or semicolon.
    let clause_end = head.iter().position(|w| w.ends_with([',', ';'])).map_or(head.len(), |p| p + 1);
    head[..clause_end].iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())) || matches!(w, "earlier" | "ago")
    })
}

/// "three years later", "19 months after that": a count of years or months
/// from the date the text gave last, explicit enough to be judged (unlike
/// "the following year" or "two years before", whose event is often
/// another one).
fn counts_from_anchor(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.as_slice(), [.., "years" | "year" | "months" | "month", "later"])
        || matches!(words.as_slice(), [.., "years" | "year" | "months" | "month", "after", "that"])
}

/// A fact that one figure of a sentence has is that figure's: it does not
/// also contradict another figure of the sentence ("costs $449.99, or
/// $499.99 in a bundle"; "raising $10 billion at a $62 billion valuation";
/// "482 stores: IKEA at 80"). Such a claim is left unverified.
fn one_fact_one_figure(claims: &[Claim], groups: &[Range<usize>], judged: &mut [Judgement<'_>]) {
    let mut i = 0;
    while i < claims.len() {
        let group = groups[i].clone();
        i = group.end.max(i + 1);
        if group.len() < 2 {
            continue;
        }
        for j in group.clone() {
            if judged[j].verdict != Verdict::Contradicted {
                continue;
            }
            let Some(fact) = judged[j].fact else { continue };
            let owner = group.clone().find(|&k| {
                k != j
                    && judged[k].verdict == Verdict::Supported
                    && judged[k].fact.is_some_and(|f| f.id == fact.id)
                    && claims[k].kind == claims[j].kind
                    && claims[k].qualifier != Qualifier::Range
                    && (alternatives(&claims[k], &claims[j])
                        // "a 25% stake for $1.3bn and a further $300m": the
                        // amount the fact has is another figure's; a bound
                        // ("more than $1 billion") owns a fact only at its value.
                        || (claims[j].kind == ClaimKind::Money
                            && (matches!(claims[k].qualifier, Qualifier::Exact | Qualifier::Approximately)
                                || matches!(fact.value, FactValue::Number(v)
                                    if claims[k].value.as_number() == Some(v))))
                        // "in February 2021 and a month later unveiled": a date
                        // counted from the one that dates the fact dates
                        // another event.
                        || (claims[j].kind == ClaimKind::Date
                            && is_anchor_relative(&claims[j].text)
                            && claims[k].span.start < claims[j].span.start)
                        || (claims[j].kind == ClaimKind::Number
                            && claims[j].unit.is_none()
                            && claims[k].unit.is_some()))
            });
            if let Some(k) = owner {
                judged[j] = Judgement {
                    verdict: Verdict::Unverified,
                    fact: Some(fact),
                    message: format!(
                        "article says {}; the ledger's {} {} ({}) is the sentence's {}, not this figure",
                        claims[j].text,
                        fact.entity,
                        fact.attribute.replace('_', " "),
                        describe_fact_value(fact),
                        claims[k].text
                    ),
                };
            }
        }
    }
}

/// Are two figures of one sentence alternatives or parts of each other
/// ("$449.99, or $499.99 in a bundle", "$10 billion at a $62 billion
/// valuation", "up to $7.5 billion, including a $5 billion ...")?
fn alternatives(a: &Claim, b: &Claim) -> bool {
    let (first, second) = if a.span.start <= b.span.start { (a, b) } else { (b, a) };
    let at = |c: &Claim| claim_offset_in_sentence(c);
    let between =
        first.sentence.get(at(first) + first.text.len()..at(second)).unwrap_or("").to_ascii_lowercase();
    [" or ", " including ", " of which ", " at a ", " at an "].iter().any(|w| between.contains(w))
        || between.trim_start().starts_with("or ")
        || between.trim_end().ends_with(" at a")
}

/// Does the clause before `at` deny what it tells ("did not raise at all
/// in 2024", "has never paid a dividend since 2019")?
fn in_a_negated_clause(sentence: &str, at: usize) -> bool {
    let before = sentence.get(clause_start(sentence, at)..at).unwrap_or("");
    before.split_whitespace().any(|w| matches!(w, "not" | "never" | "didn't" | "hasn't" | "wasn't" | "won't"))
}

/// A date written without a year ("Tuesday", "in May", "June 5", "the
/// 22nd"), which only the article's own date places in time.
fn is_yearless(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let has_year = lower.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    !has_year
        && !is_anchor_relative(text)
        && !lower.split_whitespace().any(|w| matches!(w, "year" | "years" | "ago" | "decade" | "decades"))
}

/// The fact whose value is closest to the claim.
fn closest<'f>(claim: &Claim, facts: &[&'f Fact]) -> &'f Fact {
    let v = claim.value.as_number();
    facts
        .iter()
        .copied()
        .min_by(|a, b| {
            let d = |f: &Fact| match (&f.value, v) {
                (FactValue::Number(n), Some(c)) => (n - c).abs() / n.abs().max(1.0),
                (FactValue::Range(lo, hi), Some(c)) => ((lo + hi) / 2.0 - c).abs(),
                _ => 0.0,
            };
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(facts[0])
}

/// "2023" matches "2023", "2023-12-31", "FY2023"; "2023-Q4" matches only Q4.
pub fn periods_match(claimed: &str, fact: &str) -> bool {
    let strip = |s: &str| s.trim_start_matches("FY").trim_start_matches("fy").to_string();
    let (c, f) = (strip(claimed), strip(fact));
    if c.starts_with('Q') {
        // A quarter with no year ("in Q4"): any year's quarter; "Q" is "the quarter".
        return f.contains('Q') && (c == "Q" || f.ends_with(c.as_str()));
    }
    if c == "H" {
        // "the six months to March": any half year.
        return f.contains("-H");
    }
    if c.ends_with("-H") || c.ends_with("-Q") {
        // A year's unnamed half or quarter: any of them.
        return f.starts_with(c.as_str());
    }
    // A quarter or a half ("2023-H1") is only itself.
    let part = |p: &str| p.contains('Q') || p.contains("-H");
    if part(&c) || part(&f) {
        return c == f;
    }
    dates_agree(&c, &f)
}

/// The first day a period covers, for ordering: "2023" → "2023-01-01".
fn period_start(p: &str) -> String {
    let p = p.trim_start_matches("FY");
    match p.len() {
        4 => format!("{p}-01-01"),
        7 if p.contains("-H") => format!("{}-{}", &p[..4], if p.ends_with('2') { "07-01" } else { "01-01" }),
        7 if p.contains('Q') => {
            let month = match p.get(5..) {
                Some("Q1") => "01-01",
                Some("Q2") => "04-01",
                Some("Q3") => "07-01",
                _ => "10-01",
            };
            format!("{}-{month}", &p[..4])
        }
        7 => format!("{p}-01"),
        _ => p.to_string(),
    }
}

/// The quarter ("Q4") named next to each figure; dates have none.
pub(crate) fn claim_quarters(claims: &[Claim]) -> Vec<Option<&'static str>> {
    // The claims of a sentence come together: its lower-cased text, when
    // it may name a part of a year at all, is made once for all of them.
    let mut sentence: Option<(&str, Option<String>)> = None;
    claims
        .iter()
        .map(|c| {
            if c.kind == ClaimKind::Date {
                return None;
            }
            if sentence.as_ref().is_none_or(|(s, _)| *s != c.sentence) {
                sentence =
                    Some((&c.sentence, may_name_a_part(&c.sentence).then(|| c.sentence.to_lowercase())));
            }
            let lower = sentence.as_ref().and_then(|(_, lower)| lower.as_deref())?;
            part_near(c, lower)
        })
        .collect()
}

/// The period each claim refers to: a date in its sentence right after it
/// ("$39 billion in 2024"), or right before it ("ended 2024 with 301.63
/// million"), that is nearer to it than to any other figure. Dates of events
/// ("founded in 1995") are not periods.
pub(crate) fn implied_periods(
    claims: &[Claim],
    offsets: &[usize],
    event_dates: &[bool],
    groups: &[Range<usize>],
    quarters: &[Option<&'static str>],
) -> (Vec<Option<String>>, Vec<bool>) {
    let mut out = vec![None; claims.len()];
    let mut used = vec![false; claims.len()];
    // What each date's words say of it, read once: a sentence's figures
    // each look at all its dates.
    let date_words: Vec<std::cell::OnceCell<DateWords>> = vec![std::cell::OnceCell::new(); claims.len()];
    let words_of = |j: usize| {
        *date_words[j].get_or_init(|| {
            let (d, at) = (&claims[j], offsets[j]);
            DateWords {
                // "said on Tuesday that revenue rose 26% ... in 2023": a day
                // without its year says when it was said, not the figure's
                // period; nor does the date of another event ("a laboratory
                // founded in 1925").
                // "In November, Lyft cut about 700 jobs": a month that opens
                // the sentence dates it, year or not.
                dates_figures: d.kind == ClaimKind::Date
                    && (!is_yearless(&d.text)
                        || (opens_the_sentence(d, at) && d.value.as_date().is_some_and(|v| v.len() == 7)))
                    && !is_comparison_base(d, at)
                    && !follows_an_event_verb(d, at),
                fiscal_year_end: ends_a_fiscal_year(d, at),
                opens_sentence: opens_the_sentence(d, at),
            }
        })
    };
    for (i, c) in claims.iter().enumerate() {
        if c.kind == ClaimKind::Date {
            continue;
        }
        let group = groups[i].clone();
        let names_fiscal_year = || c.sentence.contains("fiscal") || c.sentence.contains("FY");
        let mut best: Option<(usize, usize)> = None;
        for j in group.clone() {
            let d = &claims[j];
            if d.kind != ClaimKind::Date || !words_of(j).dates_figures {
                continue;
            }
            // "for fiscal 2023, the year ended March 31, 2024": the fiscal
            // year names the period; the day it ended does not.
            if words_of(j).fiscal_year_end && names_fiscal_year() {
                continue;
            }
            let dist = if d.span.start >= c.span.end {
                d.span.start - c.span.end
            } else if c.span.start >= d.span.end {
                // Before the figure: only close by ("ended 2024 with ..."),
                // or opening the sentence ("For fiscal 2024, sales of ...").
                let gap = c.span.start - d.span.end;
                if gap > 25 && !words_of(j).opens_sentence {
                    continue;
                }
                let between = c.sentence.get(offsets[j] + d.text.len()..offsets[i]);
                // "began buying in 1988 and now holds 400 million": "now" is
                // another time; "for fiscal 2024, down from 114.38 trillion
                // yen" the figure compared with.
                if between.is_some_and(|b| {
                    b.split_whitespace().any(|w| w == "now" || w == "currently")
                        || b.split_once(',').is_some_and(|(_, after)| {
                            [" from ", "compared", " than ", " while ", " but ", " against ", " versus "]
                                .iter()
                                .any(|w| after.contains(w))
                        })
                }) {
                    continue;
                }
                gap
            } else {
                continue;
            };
            if dist > 80 {
                continue;
            }
            // "112.07 trillion yen ($787 billion) ... for fiscal 2024": a
            // figure in brackets right after this one restates it.
            let restates = |o: &Claim| {
                o.span.start >= c.span.end
                    && o.span.start - c.span.end <= 2
                    && c.sentence.get(..offsets[i] + c.text.len() + 2).is_some_and(|s| s.ends_with('('))
            };
            let nearer_other = group.clone().any(|k| {
                let o = &claims[k];
                k != i
                    && o.kind != ClaimKind::Date
                    && o.kind != ClaimKind::Ordinal
                    && !restates(o)
                    // "for fiscal 2024, down from 114.38 billion": a figure
                    // after a comma is no figure the date can open.
                    && !(o.span.start >= d.span.end
                        && c.sentence
                            .get(offsets[j] + d.text.len()..offsets[k])
                            .is_some_and(|between| between.contains(',')))
                    && o.span.start.abs_diff(d.span.start).min(o.span.end.abs_diff(d.span.start)) < dist
            });
            // An opening phrase dates every figure after it.
            if nearer_other && !words_of(j).opens_sentence {
                continue;
            }
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, j));
            }
        }
        // An event's date nearest the figure ("announced 7,000 job cuts in
        // February") is not its period, but it keeps a farther date (a
        // relative clause's "who returned in November 2022") from being one.
        if let Some((_, j)) = best.filter(|&(_, j)| !event_dates[j]) {
            used[j] = true;
            out[i] = claims[j].value.as_date().map(|v| v.get(..4).unwrap_or(v).to_string());
        }
        // "in Q4" keeps its quarter: "2023-Q4"; a quarter with no year stays "Q4".
        match (&out[i], quarters[i]) {
            (Some(p), Some(q)) => out[i] = Some(format!("{}-{q}", &p[..4.min(p.len())])),
            (None, Some(q)) => out[i] = Some(q.to_string()),
            _ => {}
        }
    }
    (out, used)
}

/// What a date claim's words say of it, for [`implied_periods`].
#[derive(Debug, Default, Clone, Copy)]
struct DateWords {
    /// It can date the figures near it: it has a year and is not the base
    /// of a change ("up 8% from a year earlier").
    dates_figures: bool,
    /// "the year ended March 31, 2024".
    fiscal_year_end: bool,
    /// "For fiscal 2024, ...".
    opens_sentence: bool,
}

/// Does date claim `d` open its sentence, in an introductory phrase that
/// dates all of it ("In 2023, ...", "For fiscal 2024, sales of ...",
/// "Outlook: for fiscal 2024, ...")?
fn opens_the_sentence(d: &Claim, at: usize) -> bool {
    let before = d.sentence.get(..at).unwrap_or("");
    let before = before.rsplit(": ").next().unwrap_or(before).to_ascii_lowercase();
    // "- **January 2024:** $73.6 million at a $520 million valuation": a
    // date that labels a list item dates the item.
    if at == 0 && d.sentence.get(d.text.len()..).is_some_and(|r| r.starts_with(':')) {
        return true;
    }
    let intro = ["in ", "for ", "in fiscal ", "for fiscal ", "for the fiscal year ", "in the fiscal year "];
    // "For all of 2023 the company had revenue of ...": a phrase that can
    // only open the sentence needs no comma.
    let whole_year = ["for all of ", "in all of ", "for the whole of ", "for the full year ", "throughout "];
    whole_year.contains(&before.as_str())
        || (intro.contains(&before.as_str())
            && d.sentence.get(at + d.text.len()..).is_some_and(|r| r.starts_with(',')))
}

/// Is date claim `d` the day a fiscal year ended ("the year ended March
/// 31, 2024", "the year ending in March")?
fn ends_a_fiscal_year(d: &Claim, at: usize) -> bool {
    let before = d.sentence.get(..at).unwrap_or("").trim_end();
    let before = before.strip_suffix(" on").or_else(|| before.strip_suffix(" in")).unwrap_or(before);
    before.ends_with("ended") || before.ends_with("ending")
}

/// Is `period` ("2026", "2026-Q1", "FY2027") later than the article's date
/// `reference` (YYYY-MM-DD)? A fiscal year may end a year after the
/// calendar one it is named for, so it counts only past that.
fn is_after_the_article(period: &str, reference: &str) -> bool {
    let fiscal = period.starts_with("FY");
    let digits = period.trim_start_matches("FY");
    let (Some(year), Some(now)) = (
        digits.get(..4).and_then(|y| y.parse::<i32>().ok()),
        reference.get(..4).and_then(|y| y.parse::<i32>().ok()),
    ) else {
        return false;
    };
    year > now + i32::from(fiscal)
}

/// Does an event's verb govern date claim `d` ("founded in 1925", "opened
/// on March 3", "was born in 1961")? Then it dates that event.
fn follows_an_event_verb(d: &Claim, at: usize) -> bool {
    let before = d.sentence.get(..at).unwrap_or("").trim_end();
    let before = ["in", "on"]
        .iter()
        .find_map(|p| before.strip_suffix(p).filter(|b| b.ends_with(' ')))
        .unwrap_or(before)
        .trim_end();
    // "set up in September 2020" is a founding, too.
    if before.ends_with(" set up") || before == "set up" {
        return true;
    }
    crate::extract::is_event_verb(before.rsplit(' ').next().unwrap_or(before))
}

/// Is date claim `d` the base a change is measured from ("up 8% from a
/// year earlier", "higher than in 2022", "compared with 2021", "flat with
/// 2022")? It is not
/// the period of the figures near it.
fn is_comparison_base(d: &Claim, at: usize) -> bool {
    let before = d.sentence.get(..at).unwrap_or("").trim_end();
    let before = before.strip_suffix(" in").unwrap_or(before);
    let before = before.as_bytes();
    // "flat with 2022", "in line with 2022" compare with that year, too.
    [" from", " than", " with", "compared to", " versus", " vs", " vs."].iter().any(|w| {
        before.len() >= w.len() && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    })
}

/// Where each claim's sentence starts in `text`. Sentences come in order, so
/// each search starts where the previous one ended: linear in the text.
fn sentence_positions(text: &str, claims: &[Claim], groups: &[Range<usize>]) -> Vec<Option<usize>> {
    let mut out = vec![None; claims.len()];
    let mut cursor = 0;
    let mut i = 0;
    while i < claims.len() {
        let group = groups[i].clone();
        // The sentence is whitespace-normalized; its first word is verbatim.
        let probe = claims[i].sentence.split(' ').next().unwrap_or("");
        let found = if probe.is_empty() {
            None
        } else {
            text.get(cursor..)
                .and_then(|t| memchr::memmem::find(t.as_bytes(), probe.as_bytes()))
                .map(|p| cursor + p)
        };
        if let Some(pos) = found {
            cursor = pos;
            for slot in &mut out[group.clone()] {
                *slot = Some(pos);
            }
        }
        i = group.end.max(i + 1);
    }
    out
}

/// For each claim, the range of claims that share its sentence (claims come
/// sorted by offset, so a sentence's claims are contiguous).
pub(crate) fn sentence_groups(claims: &[Claim]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(claims.len());
    let mut start = 0;
    while start < claims.len() {
        let mut end = start + 1;
        while end < claims.len()
            && claims[end].sentence == claims[start].sentence
            && claims[end].file == claims[start].file
        {
            end += 1;
        }
        out.extend(std::iter::repeat_n(start..end, end - start));
        start = end;
    }
    out
}

/// A quarter a heading names, with its year when the heading gives one.
type SectionQuarter = (&'static str, Option<i32>);

/// For each claim, what the heading above it names: the quarter (and
/// year) of "**Fourth quarter 2023**" or "## Q4 results" over the figures
/// of a press release, the one entity of "## Perplexity" over a company's
/// paragraphs. Any other heading ends the section.
fn sections<'n>(text: &str, text_names: &TextNames<'n>, plain_at: &[usize]) -> Vec<Section<'n>> {
    // Headings: (offset, what the section is about).
    let mut headings: Vec<(usize, Section<'n>)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let bare = trimmed.trim_start_matches('#').trim().trim_matches('*').trim();
        let marked = trimmed.starts_with('#') || (trimmed.starts_with("**") && trimmed.ends_with("**"));
        let short = !bare.is_empty()
            && bare.len() <= 50
            && !bare.ends_with(['.', ':', ';', ',', '?', '!'])
            && !trimmed.starts_with(['-', '*', '+'])
            && bare.chars().next().is_some_and(char::is_uppercase);
        if !(marked || short) {
            continue;
        }
        let lower = bare.to_lowercase();
        // Every quarter phrase holds a "q"; "Fourth Quarter and Fiscal Year
        // 2023 Results" heads both, and names no one quarter.
        let quarter = if lower.contains('q') {
            QUARTER_PHRASES
                .iter()
                .find(|(k, _)| whole_word_matches(&lower, k).next().is_some())
                .map(|(_, q)| *q)
                .filter(|_| {
                    !["year", "annual"].iter().any(|w| whole_word_matches(&lower, w).next().is_some())
                })
        } else {
            None
        };
        let year = lower
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4)
            .and_then(|w| w.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y));
        // A short line with a figure other than a year in it is a line of
        // data, not a heading.
        let figure = lower.split(|c: char| !c.is_ascii_digit()).any(|w| {
            let year = w.len() == 4 && (1900..=2100).contains(&w.parse::<i32>().unwrap_or(0));
            !w.is_empty() && !year
        });
        if !marked && quarter.is_none() && figure {
            continue;
        }
        // "## Perplexity" over a company's paragraphs: the section is about
        // the one entity its heading names.
        let names = distinct(text_names.in_slice(start, offset).into_iter().map(|m| m.2));
        let subject = if let [only] = names.as_slice() { Some(*only) } else { None };
        headings.push((start, Section { quarter: quarter.map(|q| (q, year)), subject }));
    }
    plain_at
        .iter()
        .map(|&at| {
            let k = headings.partition_point(|h| h.0 <= at);
            k.checked_sub(1).map(|k| headings[k].1).unwrap_or_default()
        })
        .collect()
}

/// What the heading above a claim says of it.
#[derive(Debug, Clone, Copy, Default)]
struct Section<'n> {
    /// The quarter (and year) it names: "Fourth quarter 2023".
    quarter: Option<SectionQuarter>,
    /// The one entity it names: "## Perplexity".
    subject: Option<&'n str>,
}

/// Can `sentence` name a quarter or a half? Every phrase of [`part_near`]
/// holds a `q`, "three months", "six months", "half", "H1" or "H2", and only
/// `Q` lower-cases to `q`.
fn may_name_a_part(sentence: &str) -> bool {
    sentence.bytes().any(|b| b == b'q' || b == b'Q')
        || ["three months", "six months", "half", "H1", "H2"].iter().any(|w| sentence.contains(w))
}

/// A quarter named close to the claim ("in Q4", "fourth-quarter revenue
/// was"), or a half year ("first-half profit", "the six months to March"),
/// in its sentence lower-cased (`lower`).
fn part_near(claim: &Claim, lower: &str) -> Option<&'static str> {
    let at = claim_offset_in_sentence(claim);
    let end = at + claim.text.len();
    // "526,409 in Q4 and 1.57 million for the year": the figure says it is the year's.
    let after = lower.get(end..).unwrap_or("");
    if ["for the year", "for the full year", "for the whole year", "for the full-year"]
        .iter()
        .any(|p| after.trim_start().starts_with(p))
    {
        return None;
    }
    // "in the three months to March", "for the six months to March 31": a
    // quarter or a half, which one the text leaves to the reader; "first-half
    // profit", "in the second half": a half year.
    const OTHER_PARTS: [(&str, &str); 15] = [
        ("the quarter", "Q"),
        ("three months to", "Q"),
        ("three months ended", "Q"),
        ("three months ending", "Q"),
        ("three months through", "Q"),
        ("six months to", "H"),
        ("six months ended", "H"),
        ("six months ending", "H"),
        ("six months through", "H"),
        ("h1", "H1"),
        ("h2", "H2"),
        ("first half", "H1"),
        ("second half", "H2"),
        ("first-half", "H1"),
        ("second-half", "H2"),
    ];
    QUARTER_PHRASES
        .iter()
        .chain(&OTHER_PARTS)
        .find(|(k, _)| {
            whole_word_matches(lower, k)
                .any(|i| if i >= end { i - end <= 30 } else { at.saturating_sub(i + k.len()) <= 40 })
        })
        .map(|(_, q)| *q)
}

/// Lower-case phrases that name a quarter, and the quarter.
pub(crate) const QUARTER_PHRASES: [(&str, &str); 12] = [
    ("q1", "Q1"),
    ("q2", "Q2"),
    ("q3", "Q3"),
    ("q4", "Q4"),
    ("first quarter", "Q1"),
    ("second quarter", "Q2"),
    ("third quarter", "Q3"),
    ("fourth quarter", "Q4"),
    ("first-quarter", "Q1"),
    ("second-quarter", "Q2"),
    ("third-quarter", "Q3"),
    ("fourth-quarter", "Q4"),
];

/// Where `phrase` stands in `lower` as whole words.
pub(crate) fn whole_word_matches<'a>(lower: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower.match_indices(phrase).map(|(i, _)| i).filter(move |&i| {
        lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && lower[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod index_tests {
    use super::*;

    /// One backward pass finds what a search for each separator found.
    #[test]
    fn clause_starts_after_the_last_separator() {
        let by_search = |s: &str, at: usize| {
            [", and ", "; ", ", but ", ", while ", " although ", ": "]
                .iter()
                .filter_map(|sep| s[..at].rfind(sep).map(|i| i + sep.len()))
                .max()
                .unwrap_or(0)
        };
        let s = "Meta, which bought it: and then; later, and more, but not although x, while y: z, and ";
        for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
            assert_eq!(clause_start(s, at), by_search(s, at), "at {at}");
        }
        assert_eq!(clause_start("", 0), 0);
        assert_eq!(clause_start("no separator here", 17), 0);
    }

    /// The CLI shares one `Auditor` between worker threads.
    #[test]
    fn auditor_is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Auditor<'static>>();
    }
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    #[test]
    fn measures_attached_to_a_figure() {
        let measure = |s: &str, figure: &str| {
            let at = s.find(figure).expect("figure in sentence");
            matching::attached_measure(s, at, figure.len())
        };
        let s = "It agreed to take on $8 billion of VMware's net debt.";
        assert_eq!(measure(s, "$8 billion").as_deref(), Some("vmware's net debt."));
        let s = "Figma was on track for $400 million in annual recurring revenue.";
        assert_eq!(measure(s, "$400 million").as_deref(), Some("annual recurring revenue."));
        assert_eq!(measure("Trips grew 24% to 9.4 billion.", "24%").as_deref(), Some("trips"));
        assert_eq!(
            measure("Revenue was about $9.9 billion.", "about $9.9 billion").as_deref(),
            Some("revenue")
        );
        assert_eq!(measure("It took a $2.9 billion charge.", "$2.9 billion").as_deref(), Some("charge"));
        let s = "Production reached 57,232, ahead of the company's target of 54,000.";
        assert_eq!(measure(s, "54,000").as_deref(), Some("target"));
        assert_eq!(measure("It paid a dividend of about €1.45.", "€1.45").as_deref(), Some("dividend"));
        assert_eq!(measure("It sold a stake of 25% to Acme.", "25%"), None);
        let s = "Chevron would lift share buybacks by $2.5 billion a year.";
        assert_eq!(measure(s, "$2.5 billion").as_deref(), Some("buybacks"));
        let s = "Hess shares rose about 1% in premarket trading to $162.50, while Chevron's fell.";
        assert_eq!(measure(s, "$162.50").as_deref(), Some("shares"));
        let s = "HPE's shares fell 9% on Tuesday, while Juniper's rose 22%.";
        assert_eq!(measure(s, "22%").as_deref(), Some("shares"));
        let s = "Daily Active Users were 414 million, an increase of 39 million.";
        assert_eq!(measure(s, "39 million").as_deref(), Some("increase"));
        assert!(!matching::measure_fits("shares", "price_per_share"));
        assert!(matching::measure_fits("shares", "first_day_close"));
        // Payment forms and owners name no measure.
        assert_eq!(measure("It paid $61 billion in cash and stock.", "$61 billion"), None);
        assert_eq!(measure("It cut 10% of its staff.", "10%"), None);
        assert_eq!(measure("Meta invested $14 billion in Scale AI.", "$14 billion"), None);
    }

    #[test]
    fn quarters_halves_and_whole_years() {
        // The part of a year near the claim starting `figure` in `text`.
        let part = |text: &str, figure: &str| {
            let doc = crate::input::Document::new("t.txt", text, crate::input::InputFormat::Text);
            let claims =
                crate::extract::Extractor::new().extract(&doc, &crate::extract::ExtractOptions::default());
            let i = claims.iter().position(|c| c.text.starts_with(figure)).expect("the figure is a claim");
            claim_quarters(&claims)[i]
        };
        let text = "Its sales reached 526,409 in Q4 and 1.57 million for the year.";
        assert_eq!(part(text, "526,409"), Some("Q4"));
        assert_eq!(part(text, "1.57 million"), None);
        let text =
            "Its first-half profit was $2 billion, and it lost $1 billion for the six months to March.";
        assert_eq!((part(text, "$2 billion"), part(text, "$1 billion")), (Some("H1"), Some("H")));
    }

    #[test]
    fn unnamed_halves_and_quarters() {
        assert!(periods_match("H", "FY2024-H1") && !periods_match("H", "FY2024"));
        assert!(periods_match("2024-H", "2024-H1") && !periods_match("2024-H", "2023-H1"));
        assert!(!periods_match("2023", "FY2023-H1"));
        assert_eq!(period_start("2023-H2"), "2023-07-01");
    }

    #[test]
    fn vacancies_are_not_staff() {
        assert!(!matching::nouns_compatible("about 250 open positions", "employees"));
        assert!(matching::nouns_compatible("250 positions", "employees"));
    }

    #[test]
    fn a_measure_fits_attributes_that_name_it() {
        assert!(matching::measure_fits("annual recurring revenue.", "annual_recurring_revenue"));
        assert!(matching::measure_fits("revenue", "revenue_growth"));
        assert!(matching::measure_fits("losses", "net_income"));
        assert!(matching::measure_fits("fines", "fine"));
        assert!(!matching::measure_fits("vmware's net debt.", "acquisition"));
        assert!(!matching::measure_fits("trips", "revenue_growth"));
        assert!(!matching::measure_fits("the deal's value.", "revenue_growth"));
        // "Shares rose 2.3%": a stock move, not a market share.
        assert!(!matching::measure_fits("shares", "market_share"));
        assert!(matching::measure_fits("shares", "share_price"));
        let s = "It values its stake at about 65% less than it paid.";
        let end = s.find("65%").expect("figure") + 3;
        assert!(states_a_difference(s, end));
        assert!(!states_a_difference("It holds a 65% stake.", 13));
        assert!(is_change_attribute("revenue_growth") && !is_change_attribute("stake"));
    }

    #[test]
    fn headline_verbs_in_the_present_cue_their_attribute() {
        let cues = matching::CueIndex::new(["funding", "valuation", "investment", "acquisition"], &[]);
        let s = "Stripe raises $6.5 billion, at a valuation well below its peak";
        let near = cues.scan(s, s.find('$').expect("figure"), "$6.5 billion".len());
        assert_eq!(near.get("funding").map(|c| c.0), Some(3));
        let s = "Sequoia invests $50 million in the start-up";
        let near = cues.scan(s, s.find('$').expect("figure"), "$50 million".len());
        assert_eq!(near.get("investment").map(|c| c.0), Some(3));
        // Words already inflected add nothing: "sales" gives no "saless".
        let s = "Sales rose to $5 billion";
        let near = cues.scan(s, s.find('$').expect("figure"), 2);
        assert!(!near.contains_key("funding"));
    }

    #[test]
    fn unnamed_companies_combined_parties_and_past_employers() {
        let at = |s: &str, figure: &str| s.find(figure).expect("figure in sentence");
        let s = "Adobe offered half in cash for a company that Dylan Field founded in 2012.";
        assert!(about_an_unnamed_company(s, at(s, "2012")));
        let s = "It bought a start-up founded in 2015 by two engineers.";
        assert!(about_an_unnamed_company(s, at(s, "2015")));
        let s = "Figma, a company that makes design tools, was founded in 2012.";
        assert!(!about_an_unnamed_company(s, at(s, "2012")));
        let s = "Together they would have had 710,000 workers.";
        assert!(about_parties_combined(s, at(s, "710,000"), 7));
        let s = "The two chains have 5,000 stores combined.";
        assert!(about_parties_combined(s, at(s, "5,000"), 12));
        let s = "Kroger has 414,000 employees, and together with its partners it serves millions.";
        assert!(!about_parties_combined(s, at(s, "414,000"), 7));
        let s = "Yuan, a former Cisco engineer, founded the company in 2011.";
        let cisco = at(s, "Cisco");
        assert!(crate::extract::names_a_past_employer(s, 0, cisco, cisco + 5, at(s, "2011")));
        let s = "Meta, the owner of Instagram, said revenue rose 5%.";
        let meta = at(s, "Meta");
        assert!(!crate::extract::names_a_past_employer(s, 0, meta, meta + 4, at(s, "5%")));
    }

    #[test]
    fn per_share_amounts_and_measurement_dates() {
        for attribute in ["price_per_share", "ipo_price", "eps", "dividend_per_share", "offer_price"] {
            assert!(matching::is_per_share(attribute), "{attribute}");
        }
        for attribute in ["share_buyback", "shares_held", "revenue", "market_cap"] {
            assert!(!matching::is_per_share(attribute), "{attribute}");
        }
        let fact = |period: &str| Fact::probe("commercial_backlog", period);
        assert!(!matching::is_event_attribute("commercial_backlog", &fact("2023-12-31")));
        assert!(matching::is_event_attribute("commercial_backlog", &fact("2023-11-14")));
        // A running total counted on a day is a measurement, not an event.
        let sold = Fact::probe("electrified_vehicles_sold", "2022-04-30");
        assert!(!matching::is_event_attribute("electrified_vehicles_sold", &sold));
    }

    #[test]
    fn parts_listed_in_an_apposition_are_not_the_subject() {
        let s = "The group, including Daihatsu and Hino, sold 10.5 million vehicles.";
        let find = |s: &str, w: &str| s.find(w).expect("the word is in the sentence");
        let (start, at) = (find(s, "Hino"), find(s, "10.5"));
        assert!(in_closed_apposition(s, start, start + 4, at, &[]));
        let s = "Toyota sold 10.5 million vehicles, including Hino trucks.";
        let start = find(s, "Hino");
        assert!(!in_closed_apposition(s, start, start + 4, find(s, "10.5"), &[]));
    }

    #[test]
    fn regions_after_a_figure() {
        let after =
            |s: &str, figure: &str| matching::region_after(s, s.find(figure).expect("figure") + figure.len());
        assert_eq!(after("It employs 7,000 people in the US.", "7,000 people"), Some("United States"));
        assert_eq!(after("It has 20% in Latin America.", "20%"), Some("Latin America"));
        assert_eq!(
            after("It has 5,000 stores in the United Kingdom.", "5,000 stores"),
            Some("United Kingdom")
        );
        assert_eq!(after("It has 5,000 stores in Chinatown.", "5,000 stores"), None);
        assert_eq!(after("It has 5,000 stores in total.", "5,000 stores"), None);
    }

    #[test]
    fn segments_and_publication_dates() {
        let at = |s: &str| s.find('$').expect("figure");
        let s = "YouTube ads revenues of $9.2 billion.";
        assert!(names_a_segment(s, at(s), "YouTube"));
        let s = "Nadella said revenue rose to $9.2 billion.";
        assert!(!names_a_segment(s, at(s), "Nadella"));
        let s = "YouTube, the video site, made $9.2 billion.";
        assert!(!names_a_segment(s, at(s), "YouTube"));
    }

    #[test]
    fn periods_after_the_article() {
        assert!(is_after_the_article("2026", "2024-05-20"));
        assert!(is_after_the_article("2025-Q1", "2024-05-20"));
        assert!(!is_after_the_article("2024", "2024-05-20"));
        // Walmart's fiscal 2025 runs into 2025: not a plan in May 2024.
        assert!(!is_after_the_article("FY2025", "2024-05-20"));
        assert!(is_after_the_article("FY2026", "2024-05-20"));
        assert!(!is_after_the_article("Q4", "2024-05-20"));
    }

    #[test]
    fn rates_and_attributes() {
        assert!(matching::names_rate("daily_active_users", "day"));
        assert!(matching::names_rate("monthly_active_users", "month"));
        assert!(!matching::names_rate("trips", "day"));
        assert!(matching::names_rate("trips", "share"));
    }

    #[test]
    fn earlier_values_yearless_dates_and_forecasts() {
        let s = "The plan costs $59.99 a month, up from $54.99.";
        assert!(is_earlier_value(s, s.find("$54.99").expect("figure in sentence")));
        let s = "The plan went up to $13.99 a month from $10.99.";
        assert!(is_earlier_value(s, s.find("$10.99").expect("figure in sentence")));
        let s = "Prices range from $10 to $20.";
        assert!(!is_earlier_value(s, s.find("$10").expect("figure in sentence")));
        let s = "Revenue rose 14% from $17.61 billion in fiscal 2023.";
        let end = s.find("$17.61 billion").expect("figure in sentence") + "$17.61 billion".len();
        assert!(has_own_period(s, end));
        assert!(!has_own_period("It is up from $54.99, the company said.", 15));
        for yearless in ["Tuesday", "May", "June 5", "the 22nd"] {
            assert!(is_yearless(yearless), "{yearless}");
        }
        for dated in ["May 2022", "2019", "a year ago", "three years later", "last year"] {
            assert!(!is_yearless(dated), "{dated}");
        }
        assert!(crate::extract::is_forward_looking("expected"));
        assert!(!crate::extract::is_forward_looking("reportedly"));
    }
}
