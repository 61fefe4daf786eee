//! The claim extractor: one pass over the text finds money, numbers,
//! percentages, dates, durations, ordinals and quantities, with their
//! qualifiers, and attributes each to a subject, attribute and period.
//!
//! The design is one cheap scan, then local parsing: the text is split into
//! sentences, each sentence into tokens, and recognizers run only at tokens
//! that can start a claim. Patterns that are not claims (times of day, phone
//! numbers, URLs, version and model numbers) are masked first.

mod attribution;
mod date;
mod entities;
pub(crate) mod lexicon;
mod mask;
mod measure;
mod number;
mod prefilter;
mod sentence;
mod token;
mod wordtable;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use attribution::{Attribution, attribute_of_word};
pub(crate) use attribution::{is_role_noun, names_a_past_employer};
pub(crate) use date::find_dateline;
pub use entities::EntityIndex;
/// Word lists the audit reads too.
pub(crate) use lexicon::{is_change_verb, is_event_verb, is_forward_looking, month};

use crate::claim::{Claim, ClaimKind, ClaimValue, Qualifier};
use crate::input::Document;
use crate::span::LineIndex;
use date::{DateContext, DateMatch};
use measure::Measure;
use token::{TokKind, Tokens};

/// Options for one extraction run.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The article's own date (`--reference-date`), for relative expressions.
    pub reference_date: Option<chrono::NaiveDate>,
    /// Currency for a bare `$` (default USD).
    pub default_currency: Option<String>,
    /// Do not fall back to a date found in the article (dateline, byline,
    /// `<time>`): without `reference_date`, relative dates stay unresolved.
    pub ignore_dateline: bool,
}

/// Finds claims in documents. Build once, use for many documents.
#[derive(Debug, Default)]
pub struct Extractor {
    entities: EntityIndex,
}

/// A claim found in plain-text coordinates, before mapping to the source.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: ClaimKind,
    value: ClaimValue,
    high: Option<ClaimValue>,
    unit: Option<String>,
    per: Option<String>,
    qualifier: Qualifier,
    sentence: (usize, usize),
}

impl Extractor {
    /// Build an extractor with no known entities.
    pub fn new() -> Self {
        Extractor::default()
    }

    /// Build an extractor that knows these entity names (canonical names and
    /// aliases from a ledger): they win over guessed names in attribution.
    pub fn with_entities(entities: EntityIndex) -> Self {
        Extractor { entities }
    }

    /// The known entities.
    pub fn entities(&self) -> &EntityIndex {
        &self.entities
    }

    /// The date relative expressions resolve against: the given reference
    /// date, else the dateline or byline date found near the top.
    pub fn reference_date(&self, doc: &Document, options: &ExtractOptions) -> Option<chrono::NaiveDate> {
        if options.ignore_dateline {
            return options.reference_date;
        }
        options
            .reference_date
            .or_else(|| {
                doc.published().and_then(|p| {
                    chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok()
                })
            })
            .or_else(|| date::find_dateline(doc.text()))
    }

    /// Every claim in `doc`, sorted by offset.
    pub fn extract(&self, doc: &Document, options: &ExtractOptions) -> Vec<Claim> {
        let mut claims = Vec::new();
        self.extract_each(doc, options, |c| claims.push(c.clone()));
        claims
    }

    /// Hand every claim in `doc` to `emit`, in offset order, as each sentence
    /// is done: memory stays bounded by one sentence's claims, however many
    /// claims the document holds. The same claims as [`Extractor::extract`].
    ///
    /// The claim passed to `emit` is reused for the next one: clone it to keep it.
    pub fn extract_each(&self, doc: &Document, options: &ExtractOptions, mut emit: impl FnMut(&Claim)) {
        let text = doc.text();
        let reference = self.reference_date(doc, options);
        let currency = options.default_currency.as_deref().unwrap_or("USD");
        let mut masks = mask::Masks::new(text);
        let mut found = Vec::new();
        let mut toks = Tokens::default();
        let mut ctx =
            DateContext { reference, anchor: None, sentence_year: None, noun_currencies: Default::default() };
        let mut starts = StartWords::default();
        let sentences = sentence::split(text);
        let lines = LineIndex::new(&doc.source);
        let attribution = attribution::Attributor::new(&self.entities, text, &sentences);
        let mut claim = Claim {
            file: doc.path.clone(),
            kind: ClaimKind::Number,
            text: String::new(),
            span: lines.span(&doc.source, 0, 0),
            value: ClaimValue::Number(0.0),
            high: None,
            unit: None,
            per: None,
            qualifier: Qualifier::Exact,
            hedge: None,
            subject: None,
            attribute: None,
            object: None,
            period: None,
            sentence: String::new(),
        };
        for (idx, &(s_start, s_end)) in sentences.iter().enumerate() {
            if !prefilter::may_hold_claim(&text[s_start..s_end]) {
                #[cfg(debug_assertions)]
                {
                    // The prefilter must never hide a claim: scan anyway and check.
                    toks.fill(text, s_start, s_end);
                    apply_masks(&mut toks, masks.whole());
                    let mut scratch = ctx;
                    scan_sentence(
                        text,
                        &toks,
                        &mut scratch,
                        &mut starts,
                        currency,
                        (s_start, s_end),
                        &mut found,
                    );
                    debug_assert!(
                        found.is_empty(),
                        "a sentence the prefilter skips holds a claim: {:?}",
                        &text[s_start..s_end]
                    );
                }
                continue;
            }
            toks.fill(text, s_start, s_end);
            apply_masks(&mut toks, masks.around(&sentences, idx));
            found.clear();
            scan_sentence(text, &toks, &mut ctx, &mut starts, currency, (s_start, s_end), &mut found);
            if found.is_empty() {
                continue;
            }
            normalize_space_into(&text[s_start..s_end], &mut claim.sentence);
            for f in found.drain(..) {
                let src = doc.to_source(f.start..f.end);
                let attr = attribution.attribute(f.start, f.end, f.sentence, f.kind, f.unit.as_deref());
                claim.kind = f.kind;
                claim.text.clear();
                claim.text.push_str(&doc.source[src.clone()]);
                claim.span = lines.span(&doc.source, src.start, src.end);
                claim.value = f.value;
                claim.high = f.high;
                claim.unit = f.unit.map(|u| if f.kind == ClaimKind::Number { counted_head(u) } else { u });
                claim.per = f.per;
                claim.qualifier = f.qualifier;
                claim.hedge = attr.hedge;
                claim.subject = attr.subject;
                claim.attribute = attr.attribute;
                claim.object = attr.object;
                claim.period = attr.period;
                emit(&claim);
            }
        }
    }
}

/// The noun a count counts, without the words that qualify it: "300
/// million weekly active users" counts `users`, "12 new stores" `stores`
/// (the attribution has read the qualifiers by then). Basis points are no
/// count: the measure reads them as percentage points.
fn counted_head(mut unit: String) -> String {
    if let Some(space) = unit.rfind(' ') {
        unit.drain(..=space);
    }
    unit
}

/// Runs of whitespace (line breaks included) become one space, into `out`.
fn normalize_space_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // The ASCII characters `char::is_whitespace` accepts, byte by byte.
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        let bytes = s.as_bytes();
        // Most sentences are already single-spaced on one line: one copy.
        let single_spaced =
            bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ') && is_single_spaced(bytes);
        if single_spaced {
            out.push_str(s);
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let word = i;
            while i < bytes.len() && !is_space(bytes[i]) {
                i += 1;
            }
            if word < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[word..i]);
            }
        }
        return;
    }
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// No whitespace but single spaces, in one pass: most bytes are above
/// `b' '` and cost one comparison.
fn is_single_spaced(bytes: &[u8]) -> bool {
    let mut after_space = false;
    for &b in bytes {
        if b <= b' ' {
            match b {
                b' ' if after_space => return false,
                b' ' => {
                    after_space = true;
                    continue;
                }
                b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => return false,
                _ => {}
            }
        }
        after_space = false;
    }
    true
}

/// Masked tokens become an inert symbol so no recognizer starts or runs through them.
fn apply_masks(toks: &mut Tokens, masks: &[(usize, usize)]) {
    if masks.is_empty() || toks.toks.is_empty() {
        return;
    }
    let first = toks.toks[0].start;
    let mut m = masks.partition_point(|&(_, e)| e <= first);
    for tok in &mut toks.toks {
        while m < masks.len() && masks[m].1 <= tok.start {
            m += 1;
        }
        if m < masks.len() && masks[m].0 < tok.end && tok.start < masks[m].1 {
            tok.kind = TokKind::Sym('\u{1}');
        }
    }
}

fn scan_sentence(
    text: &str,
    t: &Tokens,
    ctx: &mut DateContext,
    starts: &mut StartWords,
    currency: &str,
    sentence: (usize, usize),
    out: &mut Vec<Found>,
) {
    ctx.sentence_year = None;
    // The currency of the sentence's last amount with one of its own, for
    // bare cents after it ("77 euro cents, up from 70 cents").
    let mut sentence_currency: Option<String> = None;
    // The sentence's year before a relative clause (", which ... ,"): a
    // bare year inside the clause stays there.
    let mut before_relative: Option<Option<i32>> = None;
    let mut i = 0;
    while i < t.len() {
        if t.sym(i) == Some(',') {
            if matches!(t.lower(i + 1), "which" | "who") {
                before_relative = Some(ctx.sentence_year);
            } else if let Some(year) = before_relative.take() {
                // A month and year in the clause ("Iger, who returned in
                // November 2022, announced cuts in February") tell the
                // story's time; a bare year ("which was started in 1849")
                // dates only its clause.
                let month_in_clause =
                    matches!(ctx.anchor, Some((ay, Some(_), _)) if Some(ay) == ctx.sentence_year);
                if !month_in_clause {
                    ctx.sentence_year = year;
                }
            }
        } else if ctx.sentence_year.is_some() && t.lower(i) == "and" && t.lower(i + 1).ends_with("ed") {
            // "for XTO in 2010 and agreed in July to buy Denbury": a new
            // verb starts another event.
            ctx.sentence_year = None;
        }
        if !could_start(text, t, i, starts) {
            i += 1;
            continue;
        }
        let date = date::recognize(t, i, ctx).or_else(|| date::recognize_slash(t, i, ctx));
        let measure = measure::recognize(text, t, i, currency).filter(|m| m.end > i);
        let ordinal = number::parse_ordinal(t, i);
        let date_end = date.as_ref().map_or(0, |d| d.end);
        let measure_end = measure.as_ref().map_or(0, |m| m.end);
        let ordinal_end = ordinal.map_or(0, |o| o.1);
        // "its 2022 sales", "the 2019 report found serious problems", "2024
        // results": a year before a noun after a determiner or a date's
        // preposition, or before a noun a year names, is the year ("2000
        // new jobs" stays a count).
        let year_first = date.as_ref().is_some_and(|d| d.value.len() == 4 && d.end == i + 1)
            && measure.as_ref().is_some_and(|m| {
                m.kind == ClaimKind::Number
                    && m.bare_int
                    && m.start == i
                    && (lexicon::is_report_noun(t.lower(i + 1))
                        || (i > 0
                            && (matches!(
                                t.lower(i - 1),
                                "the"
                                    | "its"
                                    | "their"
                                    | "his"
                                    | "her"
                                    | "our"
                                    | "this"
                                    | "that"
                                    | "these"
                                    | "those"
                            ) || lexicon::is_date_preposition(t.lower(i - 1)))))
            });
        let date_end = if year_first { measure_end.max(date_end) } else { date_end };
        if date.is_some() && date_end >= measure_end && date_end >= ordinal_end {
            let Some(d) = date else { break };
            if d.value.is_empty() {
                i = d.end;
                continue;
            }
            // "next year" is a plan: "a year earlier" does not count from it.
            let planned = d.relative
                && ctx.reference.zip(anchor_of(&d.value)).is_some_and(|(r, (y, m, day))| {
                    use chrono::Datelike as _;
                    let reference = (r.year(), r.month(), r.day());
                    match (m, day) {
                        (Some(m), Some(day)) => (y, m, day) > reference,
                        (Some(m), None) => (y, m) > (reference.0, reference.1),
                        _ => y > reference.0,
                    }
                });
            if !planned {
                ctx.anchor = anchor_of(&d.value).or(ctx.anchor);
            }
            // "in fiscal 2025, after spending $9.7 billion in the three months
            // to December": a fiscal year does not say which December.
            let fiscal = d.value.len() == 4 && d.start > 0 && matches!(t.lower(d.start - 1), "fiscal" | "fy");
            if !d.relative && !fiscal {
                ctx.sentence_year = anchor_of(&d.value).map(|a| a.0);
            }
            out.push(found_date(t, &d, sentence));
            i = d.end;
        } else if let Some(mut m) = measure.filter(|m| m.end > ordinal_end) {
            ctx.noun_currencies.settle(t, &mut m);
            if m.kind == ClaimKind::Money {
                let bare_cents = (m.start..m.end).any(|k| matches!(t.lower(k), "cent" | "cents"))
                    && (m.start..m.end).all(|k| t.is_word(k) || t.num(k).is_some())
                    && m.unit.as_deref() == Some(currency);
                match &sentence_currency {
                    Some(code) if bare_cents => m.unit = Some(code.clone()),
                    _ if m.unit.as_deref() != Some(currency) => sentence_currency = m.unit.clone(),
                    _ => {}
                }
            }
            let end = m.end;
            if !is_not_a_claim(text, t, &m) {
                out.push(found_measure(t, &m, sentence));
            }
            i = end;
        } else if let Some((value, end)) = ordinal {
            if !ordinal_is_noise(t, i, end) {
                out.push(Found {
                    start: t.toks[i].start,
                    end: t.toks[end - 1].end,
                    kind: ClaimKind::Ordinal,
                    value: ClaimValue::Number(value),
                    high: None,
                    unit: None,
                    per: None,
                    qualifier: Qualifier::Exact,
                    sentence,
                });
            }
            i = end;
        } else if let Some(v) = t.sym(i).and_then(number::unicode_fraction) {
            out.push(Found {
                start: t.toks[i].start,
                end: t.toks[i].end,
                kind: ClaimKind::Number,
                value: ClaimValue::Number(v),
                high: None,
                unit: None,
                per: None,
                qualifier: Qualifier::Exact,
                sentence,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
}

fn anchor_of(value: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next().and_then(|p| p.parse().ok());
    let d = parts.next().and_then(|p| p.parse().ok());
    Some((y, m, d))
}

/// FNV-1a: short lower-case words hash faster than with SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

/// A hash map keyed by short strings, hashed with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = bytes.iter().fold(h, |h, &b| fnv_step(h, b));
    }
}

/// The 64-bit FNV-1a offset basis.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of 64-bit FNV-1a.
pub(crate) const fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3)
}

/// The word can start a claim by itself (a number word, month, ...).
const STARTS: u8 = 1;
/// The word can open a qualifier ("more than", "about", "up to").
const QUALIFIES: u8 = 2;

/// First words of [`lexicon::qualifier_prefix`] patterns: any other word
/// opens none, so the three-word match is skipped for it.
const QUALIFIER_FIRST_WORDS: &[&str] = &[
    "more",
    "greater",
    "higher",
    "in",
    "upwards",
    "upward",
    "well",
    "just",
    "over",
    "above",
    "exceeding",
    "exceeds",
    "exceeded",
    "topping",
    "topped",
    "tops",
    "surpassing",
    "surpassed",
    "surpasses",
    "passes",
    "crosses",
    "beyond",
    "at",
    "no",
    "not",
    "a",
    "minimum",
    "up",
    "as",
    "within",
    "inside",
    "maximum",
    "less",
    "fewer",
    "lower",
    "under",
    "below",
    "close",
    "on",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "nearly",
    "almost",
    "some",
    "circa",
    "ca",
];

/// Per-run memo of each distinct lower-case word's start classes: the word
/// lists are long `match`es, and most words of a text repeat.
#[derive(Default)]
struct StartWords {
    classes: FnvMap<String, u8>,
}

impl StartWords {
    fn classes(&mut self, w: &str) -> u8 {
        if let Some(&c) = self.classes.get(w) {
            return c;
        }
        let c = start_classes(w);
        self.classes.insert(w.to_string(), c);
        c
    }
}

fn start_classes(w: &str) -> u8 {
    let starts = lexicon::cardinal(w).is_some()
        || lexicon::ordinal(w).is_some()
        || lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || matches!(
            w,
            "a" | "an"
                | "half"
                | "quarter"
                | "last"
                | "next"
                | "this"
                | "current"
                | "previous"
                | "past"
                | "coming"
                | "the"
                | "that"
                | "minus"
                | "negative"
                | "point"
                | "between"
                | "from"
                | "us"
                | "u"
                | "c"
                | "ca"
                | "can"
                | "cad"
                | "au"
                | "aud"
                | "hk"
                | "hkd"
                | "nz"
                | "mex"
                | "mx"
                | "mxn"
                | "rs"
                | "rm"
                | "rmb"
                | "s"
                | "sg"
                | "r"
                | "nt"
        );
    let qualifies = QUALIFIER_FIRST_WORDS.contains(&w);
    (u8::from(starts) * STARTS) | (u8::from(qualifies) * QUALIFIES)
}

/// Cheap test: can a claim start at token `i`?
fn could_start(text: &str, t: &Tokens, i: usize, starts: &mut StartWords) -> bool {
    match t.toks[i].kind {
        TokKind::Num(_) => true,
        TokKind::Sym(c) => {
            // Every sign and fraction but "$" is outside ASCII: the commas
            // and full stops that make most symbols are turned away first.
            matches!(c, '$' | '~' | '≈' | '-')
                || (!c.is_ascii()
                    && (number::unicode_fraction(c).is_some()
                        || lexicon::currency_symbol(c.encode_utf8(&mut [0; 4])).is_some()))
        }
        TokKind::Word => {
            let w = t.lower(i);
            let classes = starts.classes(w);
            let raw = &text[t.toks[i].start..t.toks[i].end];
            classes & STARTS != 0
                || (classes & QUALIFIES != 0
                    && lexicon::qualifier_prefix(&[w, t.lower(i + 1), t.lower(i + 2)]).is_some())
                // Currency codes are three upper-case letters ("USD").
                || (raw.len() == 3 && lexicon::currency_code(raw).is_some())
                || (t.sym(i + 1) == Some('$') && t.glued(i + 1))
        }
    }
}

fn found_date(t: &Tokens, d: &DateMatch, sentence: (usize, usize)) -> Found {
    Found {
        start: t.toks[d.start].start,
        end: t.toks[d.end - 1].end,
        kind: ClaimKind::Date,
        value: ClaimValue::Date(d.value.clone()),
        high: None,
        unit: None,
        per: None,
        qualifier: Qualifier::Exact,
        sentence,
    }
}

fn found_measure(t: &Tokens, m: &Measure, sentence: (usize, usize)) -> Found {
    Found {
        start: t.toks[m.start].start,
        end: t.toks[m.end - 1].end,
        kind: m.kind,
        value: ClaimValue::Number(m.value),
        high: m.high.map(ClaimValue::Number),
        unit: m.unit.clone(),
        per: m.per.clone(),
        qualifier: m.qualifier,
        sentence,
    }
}

/// Numbers that are names, not claims: versions and models ("iOS 17",
/// "GPT-4", "Windows 10", "Model 3"), list numbering, references, addresses,
/// identifiers glued to letters.
fn is_not_a_claim(text: &str, t: &Tokens, m: &Measure) -> bool {
    if m.kind == ClaimKind::Duration && names_a_maturity(t, m) {
        return true;
    }
    if m.kind != ClaimKind::Number && m.kind != ClaimKind::Quantity {
        return false;
    }
    if m.kind == ClaimKind::Number && number_word_in_a_name(text, t, m) {
        return true;
    }
    let first_num = (m.start..m.end).find(|&k| t.num(k).is_some());
    let Some(k) = first_num else { return false };
    let prev = k.checked_sub(1);
    // Glued to letters before: "GPT-4", "V1", "h1", "COVID-19", "utf-8", "A1B2".
    if let Some(p) = prev
        && t.glued(k)
    {
        if t.is_word(p) {
            return true;
        }
        // A number word before the hyphen is part of the figure ("twenty-5"),
        // and so is a scale letter right after a figure ("5B-6B"); any other
        // word names a model or a class ("GPT-4", "Class B-1", "K-12").
        let part_of_figure = |w: usize| {
            lexicon::cardinal(t.lower(w)).is_some()
                || (lexicon::scale(t.lower(w)).is_some() && w > 0 && t.num(w - 1).is_some() && t.glued(w))
        };
        if t.sym(p) == Some('-') && p > 0 && t.is_word(p - 1) && t.glued(p) && !part_of_figure(p - 1) {
            return true;
        }
        if matches!(t.sym(p), Some('#' | '/' | '.' | '_' | '\u{1}')) {
            return true;
        }
    }
    // A name made of a figure and a capitalized word: "7-Eleven", "3-Series",
    // the "10-K" filing.
    if m.end <= k + 1
        && t.sym(k + 1) == Some('-')
        && t.glued(k + 1)
        && t.glued(k + 2)
        && t.is_word(k + 2)
        && t.toks[k + 2].upper
        && (lexicon::scale(t.lower(k + 2)).is_none() || t.lower(k + 2).len() == 1)
        && lexicon::month(t.lower(k + 2)).is_none()
    {
        return true;
    }
    // Scores and identifiers: "3-2", "10-4".
    if (t.sym(k + 1) == Some('-')
        && t.glued(k + 1)
        && t.num(k + 2).is_some()
        && t.glued(k + 2)
        && m.end <= k + 1)
        || (prev.is_some_and(|p| {
            t.sym(p) == Some('-') && t.glued(k) && p > 0 && t.num(p - 1).is_some() && t.glued(p)
        }))
    {
        return true;
    }
    // Glued to letters after that are not a unit or suffix: "24703L202", "4a".
    if t.glued(k + 1) && (t.is_word(k + 1) || t.num(k + 1).is_some()) && m.end <= k + 1 {
        return true;
    }
    if t.glued(k + 1)
        && t.num(k + 2).is_some()
        && t.glued(k + 2)
        && matches!(t.sym(k + 1), Some('.' | '-' | '/'))
        && m.kind == ClaimKind::Number
        && m.end <= k + 1
    {
        return true;
    }
    if is_display_resolution(t, k, m) {
        return true;
    }
    // A measured quantity or a range is no name or reference: "Add 3-4 cups".
    if !m.bare_int || m.kind == ClaimKind::Quantity || m.high.is_some() {
        return false;
    }
    let prev_word = prev.map_or("", |p| t.lower(p));
    // References: "page 12", "section 3", "No. 5", "chapter 2", "Article 5".
    if matches!(
        prev_word,
        "page"
            | "pages"
            | "section"
            | "chapter"
            | "article"
            | "clause"
            | "paragraph"
            | "figure"
            | "table"
            | "no"
            | "nos"
            | "number"
            | "version"
            | "v"
            | "volume"
            | "vol"
            | "episode"
            | "season"
            | "level"
            | "tier"
            | "phase"
            | "round"
            | "stage"
            | "top"
            | "route"
            | "highway"
            | "gate"
            | "platform"
            | "room"
            | "floor"
            | "suite"
            | "unit"
            | "apartment"
            | "flight"
            | "p"
            | "pp"
    ) || (prev_word == "." && k >= 2 && matches!(t.lower(k - 2), "no" | "p" | "pp" | "vol"))
    {
        return true;
    }
    // Product and model names: a capitalized name right before a bare integer
    // ("Windows 10", "Model 3", "Boeing 737", "iOS 17", "S&P 500").
    if let Some(p) = prev
        && t.toks[k].gap
        && t.is_word(p)
        && is_name_word(text, t, p)
    {
        return true;
    }
    if let Some(p) = prev
        && matches!(t.sym(p), Some('&'))
    {
        return true;
    }
    // Model names after a determiner: "its 737 Max jets", "the 787 Dreamliner",
    // "the 5 Series" (a count is not capitalized: "its 83 airplanes").
    // A count before the model counts it: "38 737 MAX jets".
    if m.end == k + 1
        && (matches!(prev_word, "its" | "the" | "their" | "his" | "her" | "our" | "a" | "an")
            || prev.is_some_and(|p| t.num(p).is_some() && t.toks[k].gap))
        && t.is_word(k + 1)
        && t.toks[k + 1].upper
        && t.toks[k + 1].gap
        && lexicon::month(t.lower(k + 1)).is_none()
        && lexicon::weekday(t.lower(k + 1)).is_none()
        && !t.num(k).is_some_and(|n| (1900.0..=2100.0).contains(&n.value))
    {
        return true;
    }
    // List numbering at the start of a line: "1. ", "2) ".
    if k == 0 && matches!(t.sym(k + 1), Some('.' | ')')) && t.glued(k + 1) && t.toks.get(k + 2).is_some() {
        return true;
    }
    // Footnote markers: "[1]".
    if prev.is_some_and(|p| t.sym(p) == Some('[')) && t.sym(k + 1) == Some(']') {
        return true;
    }
    // Items of an inline list: "three demands: (1) a pay rise; (2) ...".
    if let Some(p) = prev
        && t.sym(p) == Some('(')
        && t.sym(k + 1) == Some(')')
        && t.glued(k)
        && t.glued(k + 1)
        && t.num(k).is_some_and(|n| n.value <= 20.0)
        && (p == 0 || matches!(t.sym(p - 1), Some(':' | ';' | ',')) || t.lower(p - 1) == "and")
    {
        return true;
    }
    // Street addresses: "1600 Amphitheatre Parkway", "10 Downing Street".
    let mut n = k + 1;
    while n < t.len() && n < k + 5 && t.toks[n].upper {
        if matches!(
            t.lower(n),
            "street"
                | "st"
                | "avenue"
                | "ave"
                | "road"
                | "rd"
                | "boulevard"
                | "blvd"
                | "lane"
                | "drive"
                | "way"
                | "parkway"
                | "place"
                | "plaza"
                | "court"
                | "square"
        ) {
            return true;
        }
        n += 1;
    }
    false
}

/// A bond's term names the security: "the 10-year Treasury note",
/// "two-year gilt yields". (A mortgage's term stays a duration.)
fn names_a_maturity(t: &Tokens, m: &Measure) -> bool {
    let hyphenated = (m.start + 1..m.end).any(|k| t.sym(k) == Some('-') && t.glued(k));
    let instrument = |w: &str| {
        matches!(
            w,
            "treasury"
                | "treasuries"
                | "bond"
                | "bonds"
                | "note"
                | "notes"
                | "gilt"
                | "gilts"
                | "bund"
                | "bunds"
                | "yield"
                | "yields"
                | "jgb"
                | "jgbs"
        )
    };
    hyphenated
        && (instrument(t.lower(m.end))
            || (matches!(t.lower(m.end), "government" | "benchmark" | "treasury")
                && instrument(t.lower(m.end + 1))))
}

/// A capitalized number word inside a name: "Formula One", "the Group of
/// Seven leaders", "the Big Three automakers". Mid-sentence, news prose
/// writes counts in lower case; a title-case headline goes on in capitals
/// ("Tesla Delivers Two Million Cars") and is left alone.
fn number_word_in_a_name(text: &str, t: &Tokens, m: &Measure) -> bool {
    let k = m.start;
    let name_before = |p: usize| t.is_word(p) && is_name_word(text, t, p);
    k > 0
        && t.is_word(k)
        && t.toks[k].upper
        && lexicon::cardinal(t.lower(k)).is_some()
        && !(t.is_word(k + 1) && t.toks[k + 1].upper)
        && (name_before(k - 1)
            || (t.lower(k - 1) == "of" && k > 1 && name_before(k - 2))
            // "7-Eleven"
            || (t.sym(k - 1) == Some('-') && t.glued(k) && t.glued(k - 1) && k > 1 && t.num(k - 2).is_some()))
}

/// A display resolution: "4K TVs", "shot in 8K", "can output 4K". One
/// digit and a capital K with no counted noun names a picture format; a
/// count in thousands says what it counts ("5K workers") or comes with a
/// currency ("$4K").
fn is_display_resolution(t: &Tokens, k: usize, m: &Measure) -> bool {
    let single_digit = t.num(k).is_some_and(|n| n.value >= 1.0 && n.value < 10.0 && n.value.fract() == 0.0);
    let capital_k = t.glued(k + 1) && t.toks.get(k + 1).is_some_and(|x| x.upper) && t.lower(k + 1) == "k";
    m.kind == ClaimKind::Number && m.end == k + 2 && single_digit && capital_k
}

fn is_number_word(w: &str) -> bool {
    lexicon::cardinal(w).is_some() || lexicon::scale(w).is_some()
}

/// A capitalized (or camel-case) word that names a thing, as opposed to a
/// sentence-initial preposition or a month.
fn is_name_word(text: &str, t: &Tokens, p: usize) -> bool {
    let raw = &text[t.toks[p].start..t.toks[p].end];
    let has_upper = raw.chars().any(char::is_uppercase);
    if !has_upper {
        return false;
    }
    let w = t.lower(p);
    if lexicon::is_function_word(w)
        || lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::qualifier_prefix(&[w, "", ""]).is_some()
        || lexicon::currency_code(raw).is_some()
        || is_number_word(w)
        || matches!(
            w,
            "fy" | "q"
                | "h"
                | "ad"
                | "bc"
                | "circa"
                | "since"
                | "by"
                | "in"
                | "about"
                | "over"
                | "under"
                | "nearly"
                | "only"
                | "just"
                | "some"
                | "all"
                | "total"
        )
    {
        return false;
    }
    // Sentence-initial ordinary words ("Employees 300" is rare; "Revenue 2023" is not a model).
    true
}

/// "first" in "at first", "first of all" and the like is not a claim.
fn ordinal_is_noise(t: &Tokens, i: usize, end: usize) -> bool {
    let w = t.lower(i);
    let prev = if i > 0 { t.lower(i - 1) } else { "" };
    let next = t.lower(i + 1);
    // Names: "the Second World War", "Fifth Avenue", "14th Street", "the
    // 19th Amendment". A capitalized ordinal word inside a sentence,
    // before another capitalized word, is part of a name.
    let in_a_name = i > 0
        && t.is_word(i)
        && t.toks[i].upper
        && t.is_word(end)
        && t.toks[end].upper
        && !matches!(t.sym(i - 1), Some('.' | '"' | '“' | ':' | '(' | '-'));
    let street = matches!(t.lower(end), "street" | "st" | "avenue" | "ave" | "amendment")
        && t.toks.get(end).is_some_and(|x| x.upper);
    if in_a_name || street {
        return true;
    }
    // "the fourth quarter", "the first half": periods, not rankings.
    matches!(next, "quarter" | "half" | "quarters" | "halves")
        || (t.sym(i + 1) == Some('-') && matches!(t.lower(i + 2), "quarter" | "half"))
        || (w == "first" && (matches!(prev, "at") || matches!(next, "of") && t.lower(i + 2) == "all"))
        || (w == "second" && matches!(prev, "a" | "per" | "every") && !t.is_word(i + 1))
        // "a split second", "one second", "I second that motion": a time
        // or a verb.
        || (w == "second"
            && (matches!(prev, "split" | "one" | "each" | "i" | "we" | "they" | "you")
                || (matches!(next, "that" | "this" | "those" | "the") && !matches!(prev, "the" | "a" | "its" | "their"))))
}

#[cfg(test)]
mod tests;
