//! Attribution: which entity a claim is about (subject), what it measures
//! (attribute), the second party (object), the time it refers to (period),
//! and whether the text hedges it.
//!
//! This is deliberately shallow: no parser, just the order of names, verbs
//! and prepositions in the sentence, plus names carried over from earlier
//! sentences for "it", "its" and "the company".

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::wordtable::WordTable;
use super::{EntityIndex, Fnv, FnvMap, lexicon};
use crate::claim::ClaimKind;

/// What the attribution found for one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// The entity the claim is about.
    pub subject: Option<String>,
    /// Canonical attribute.
    pub attribute: Option<String>,
    /// Second entity.
    pub object: Option<String>,
    /// Period the value refers to.
    pub period: Option<String>,
    /// Hedge word.
    pub hedge: Option<String>,
}

/// Canonical attribute for a keyword ("invested" = investment). Public so the
/// audit can read attribute synonyms the same way.
pub fn attribute_of_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "founded" | "founding" | "co-founded" | "cofounded" | "founder" | "founders" | "established"
        | "started" | "incorporated" | "formed" => "founded",
        "revenue" | "revenues" | "sales" | "turnover" | "takings" => "revenue",
        "invested" | "invest" | "invests" | "investing" | "investment" | "investments" | "stake" => {
            "investment"
        }
        "valuation" | "valued" | "valuing" | "worth" => "valuation",
        "funding" | "raised" | "raise" | "raises" | "round" => "funding",
        "acquired" | "acquire" | "acquires" | "acquiring" | "acquisition" | "acquisitions" | "bought"
        | "buy" | "buys" | "buying" | "purchase" | "purchased" | "takeover" | "deal" | "merger" => {
            "acquisition"
        }
        "employees" | "employee" | "staff" | "workers" | "workforce" | "headcount" | "employs"
        | "employed" | "people" => "employees",
        "users" | "user" | "customers" | "subscribers" | "members" | "memberships" | "accounts" => "users",
        "price" | "prices" | "priced" | "costs" | "cost" | "charges" | "fee" | "fees" | "subscription"
        | "subscriptions" | "plan" | "plans" => "price",
        "profit" | "profits" | "earnings" | "income" => "profit",
        "loss" | "losses" | "lost" | "lose" | "loses" | "losing" => "loss",
        "share" if false => "market_share",
        "compensation" | "salary" | "salaries" | "pay" | "packages" | "package" | "bonus" | "bonuses"
        | "offered" | "offers" => "compensation",
        "launched" | "launch" | "launches" | "launching" | "unveiled" | "released" | "introduced"
        | "debuted" => "launch",
        "sued" | "sue" | "suing" | "lawsuit" | "lawsuits" | "suit" | "complaint" => "lawsuit",
        "fined" | "fine" | "fines" | "penalty" | "penalties" => "fine",
        "settlement" | "settled" | "settle" => "settlement",
        "announced" | "announces" | "announcement" | "said" | "says" => "announcement",
        "ipo" | "listed" | "listing" => "ipo",
        "renamed" | "rebranded" => "renamed",
        "delivered" | "deliveries" | "shipped" => "deliveries",
        // "jobs" is no cue: payrolls add jobs. Only these verbs cut them,
        // and all but "laid" only in a sentence about jobs or staff.
        "layoffs" | "laid" | "cut" | "cuts" | "eliminate" | "eliminated" | "eliminating" | "shed"
        | "shedding" | "slash" | "slashed" | "slashing" | "axe" | "axed" => "layoffs",
        "growth" | "grew" | "rose" | "jumped" | "increased" | "fell" | "declined" | "dropped" => "growth",
        _ => return None,
    })
}

/// "Chief Financial Officer", "Senior Vice President": the capitalized words
/// before a title's head word are part of the title when each is a word
/// titles are made of (as names write them: capitalized). "Apple President
/// Tim Cook" keeps "Apple".
fn is_job_title(text: &str, start: usize, end: usize) -> bool {
    // The head word is capitalized, as titles before a name are: most names
    // are followed by a lower-case word, and this is asked of every guess.
    let rest = text[end..].trim_start_matches(' ');
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let next = rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())]
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    // "Finance Minister", "Treasury Secretary", "Prime Minister": one word
    // before a government title names the office, whatever the word.
    if with_lower(next, |head| matches!(head, "minister" | "secretary" | "chancellor" | "commissioner"))
        && !text[start..end].contains(' ')
    {
        return true;
    }
    // Most names hold another word: test the name's words before the next word.
    text[start..end].split(' ').all(|w| {
        matches!(
            w,
            "Financial"
                | "Operating"
                | "Technology"
                | "Technical"
                | "Marketing"
                | "Information"
                | "Product"
                | "Revenue"
                | "Commercial"
                | "Strategy"
                | "Investment"
                | "Legal"
                | "People"
                | "Data"
                | "Security"
                | "Digital"
                | "Science"
                | "Scientific"
                | "Medical"
                | "Creative"
                | "Content"
                | "Business"
                | "Development"
                | "Communications"
                | "Compliance"
                | "Risk"
                | "Accounting"
                | "Administrative"
                | "Vice"
                | "Senior"
                | "Deputy"
                | "General"
                | "Managing"
                | "Non-Executive"
                | "Independent"
        )
    }) && with_lower(next, |head| {
        matches!(head, "officer" | "president" | "director" | "chairman" | "chairwoman")
    })
}

/// Titles that mark a person acting for an organization ("CEO Mark Zuckerberg").
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "ceo"
            | "chief"
            | "executive"
            | "officer"
            | "founder"
            | "co-founder"
            | "chairman"
            | "chairwoman"
            | "president"
            | "cfo"
            | "cto"
            | "coo"
            | "head"
            | "director"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "minister"
            | "secretary"
            | "chancellor"
            | "commissioner"
            | "governor"
            | "senator"
            | "mayor"
            | "ambassador"
    )
}

/// Does the name at `name..name_end` only say where a person worked,
/// inside an apposition that closes before the claim at `claim` ("Yuan, a
/// former Cisco engineer, founded the company in 2011")? The company is not
/// the subject there. `floor` bounds the look back (the clause's start).
pub(crate) fn names_a_past_employer(
    text: &str,
    floor: usize,
    name: usize,
    name_end: usize,
    claim: usize,
) -> bool {
    let before = &text[floor..name];
    // The last ", " (a byte search: this is asked of every name before a claim).
    let mut end = before.len();
    let comma = loop {
        match before[..end].rfind(',') {
            Some(i) if before.as_bytes().get(i + 1) == Some(&b' ') => break i,
            Some(i) => end = i,
            None => return false,
        }
    };
    let opening = &before[comma + 2..];
    let determiner = opening.split(' ').next().unwrap_or("");
    let after = text[name_end..claim].trim_start_matches(' ');
    let role = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    matches!(determiner, "a" | "an" | "the")
        && !opening.contains(|c: char| c.is_uppercase())
        && with_lower(role, is_role_noun)
        && after.contains(", ")
}

/// A noun for what a person does or did at a company ("a former Cisco
/// engineer", "a Goldman Sachs banker").
pub(crate) fn is_role_noun(w: &str) -> bool {
    is_title(w)
        || matches!(
            w,
            "engineer"
                | "employee"
                | "analyst"
                | "banker"
                | "manager"
                | "researcher"
                | "scientist"
                | "veteran"
                | "alumnus"
                | "lawyer"
                | "consultant"
                | "intern"
                | "staffer"
                | "official"
                | "programmer"
                | "designer"
                | "trader"
                | "partner"
                | "investor"
        )
}

/// Per-sentence word facts, cached while the claims of one sentence are attributed.
#[derive(Debug, Default)]
struct SentenceWords {
    start: Option<usize>,
    keywords: Vec<(usize, &'static str)>,
    hedge: Option<&'static str>,
    /// Relative clauses (", which ... ,", ", who ... ,") as (open, close)
    /// text offsets: their cue words are for the claims inside them.
    clauses: Vec<(usize, usize)>,
}

/// One name mention in the text.
#[derive(Debug, Clone)]
struct Mention<'a> {
    start: usize,
    end: usize,
    /// The canonical name of a known entity, or the text as written.
    name: &'a str,
    known: bool,
    /// Whether a guessed name looks like a person's ([`is_person_like`]):
    /// worked out the first time a rule asks, since most mentions are in
    /// sentences no claim needs.
    person: std::cell::OnceCell<bool>,
}

/// Legal-form suffixes of company names ("Tesla Inc", "Amazon.com, Inc.").
const LEGAL_SUFFIXES: &[&str] = &["Inc", "Corp", "Co", "Ltd", "LLC", "PLC", "Plc", "AG", "SA"];

/// Attribution over one document.
pub struct Attributor<'a> {
    text: &'a str,
    sentences: &'a [(usize, usize)],
    mentions: Vec<Mention<'a>>,
    /// The first sentence with a subject of its own, and that subject:
    /// before it no sentence has a subject, after it every sentence has one
    /// to carry over.
    first_subject: Option<(usize, &'a str)>,
    /// Each sentence's own subject, worked out when a claim needs it.
    own_subjects: std::cell::RefCell<Vec<Option<OwnSubject<'a>>>>,
    /// The subject a sentence passes on to the next ones (its own, or the one
    /// it carried), for the sentences a backward walk has seen.
    carried: std::cell::RefCell<Vec<Option<&'a str>>>,
    words: std::cell::RefCell<SentenceWords>,
}

/// What a sentence says about its subject, given that an earlier sentence
/// has one to carry over.
#[derive(Debug, Clone, Copy)]
enum OwnSubject<'a> {
    Named(&'a str),
    /// "It ...", "The company ...", "CEO Mark Zuckerberg ...": the subject
    /// of the sentences before.
    Previous,
    Nothing,
}

/// Every word [`attribute_of_word`] or [`lexicon::hedge`] knows (a test
/// keeps the list in step with them).
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "founded", "founding", "co-founded", "cofounded", "founder", "founders", "established",
    "started", "incorporated", "formed", "revenue", "revenues", "sales", "turnover", "takings",
    "invested", "invest", "invests", "investing", "investment", "investments", "stake", "valuation",
    "valued", "valuing", "worth", "funding", "raised", "raise", "raises", "round", "acquired",
    "acquire", "acquires", "acquiring", "acquisition", "acquisitions", "bought", "buy", "buys",
    "buying", "purchase", "purchased", "takeover", "deal", "merger", "employees", "employee",
    "staff", "workers", "workforce", "headcount", "employs", "employed", "people", "users", "user",
    "customers", "subscribers", "members", "memberships", "accounts", "price", "prices", "priced",
    "costs", "cost", "charges", "fee", "fees", "subscription", "subscriptions", "plan", "plans",
    "profit", "profits", "earnings", "income", "loss", "losses", "lost", "lose", "loses", "losing",
    "compensation", "salary", "salaries", "pay", "packages", "package", "bonus", "bonuses",
    "offered", "offers", "launched", "launch", "launches", "launching", "unveiled", "released",
    "introduced", "debuted", "sued", "sue", "suing", "lawsuit", "lawsuits", "suit", "complaint",
    "fined", "fine", "fines", "penalty", "penalties", "settlement", "settled", "settle",
    "announced", "announces", "announcement", "said", "says", "ipo", "listed", "listing", "renamed",
    "rebranded", "delivered", "deliveries", "shipped", "layoffs", "laid", "cut", "cuts", "eliminate",
    "eliminated", "eliminating", "shed", "shedding", "slash", "slashed", "slashing", "axe", "axed",
    "growth", "grew", "rose", "jumped", "increased", "fell", "declined", "dropped", "projected",
    "projects", "projecting", "projection", "projections", "expected", "expects", "expecting",
    "expectation", "estimated", "estimates", "estimate", "estimating", "reportedly", "reported",
    "reports", "forecast", "forecasts", "forecasting", "predicted", "predicts", "anticipated",
    "anticipates", "rumored", "rumoured", "allegedly", "alleged", "could", "might", "planned",
    "targeted", "targets", "aims",
];

/// [`KEYWORDS`] by hash: a sentence's words are looked up as they are split.
static KEYWORD_TABLE: WordTable<2048> = WordTable::new(KEYWORDS);

impl<'a> Attributor<'a> {
    /// Find names in `text` and each sentence's main subject.
    pub fn new(entities: &'a EntityIndex, text: &'a str, sentences: &'a [(usize, usize)]) -> Self {
        let mut mentions: Vec<Mention<'a>> = entities
            .find(text)
            .map(|(s, e, c)| Mention { start: s, end: e, name: c, known: true, person: false.into() })
            .collect();
        // Known names, in order and without overlaps, to test guesses against.
        let known: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let mut stops = FnvMap::default();
        let mut guesses: Vec<(usize, usize, bool)> = Vec::new();
        for &(s, e) in sentences {
            proper_names(text, s, e, &mut stops, &mut guesses);
        }
        // A capitalized word that opens a sentence is a name only if the text
        // also capitalizes it elsewhere ("Revenue of $9.9 billion" is not a name).
        // The short form of a company named in full elsewhere counts too:
        // "Tesla Inc. reported ..." makes "Tesla's shares fell" a name.
        let mut mid_sentence: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::default();
        for g in &guesses {
            let name = &text[g.0..g.1];
            if !g.2 {
                mid_sentence.insert(name);
            }
            if let Some((short, suffix)) = name.split_once(' ')
                && LEGAL_SUFFIXES.contains(&suffix)
            {
                mid_sentence.insert(short);
            }
        }
        confirm_repeated_openers(text, &guesses, &mut mid_sentence);
        for (ps, pe, at_start) in guesses {
            let name = &text[ps..pe];
            let single = !name.contains(' ');
            // A ticker and its exchange, "(NYSE: LNKD)", name no one.
            // The exchange has at most eight letters, so its "(" is among the
            // last nine bytes: the search looks no further back.
            let ticker = text[..ps]
                .strip_suffix(": ")
                .and_then(|b| {
                    b.as_bytes().iter().rev().take(9).position(|&c| c == b'(').map(|k| &b[b.len() - k..])
                })
                .is_some_and(|exchange| {
                    (2..=8).contains(&exchange.len()) && exchange.bytes().all(|b| b.is_ascii_uppercase())
                })
                || (text[..ps].ends_with('(') && text[pe..].starts_with(": "));
            // "Amazon.com, Inc.": a legal suffix alone is no name.
            let suffix_alone = single && LEGAL_SUFFIXES.contains(&name);
            // "OpenAI", "ChatGPT": a capital inside a word marks a name even
            // where it opens every sentence it is in.
            let camel =
                || name.chars().skip(1).any(char::is_uppercase) && name.chars().any(char::is_lowercase);
            // "The San Francisco-based startup": an adjective, not a name;
            // so is the city of "The Cupertino, California-based company".
            let based = name.ends_with("-based")
                || text[pe..].strip_prefix(", ").is_some_and(|rest| {
                    rest.split_whitespace().next().is_some_and(|w| {
                        w.starts_with(|c: char| c.is_uppercase())
                            && w.trim_end_matches(',').ends_with("-based")
                    })
                });
            // "Danish wind farm developer Orsted", "a Chinese rival": a
            // nationality before a noun describes; "Danish Crown" is a name.
            // So is "U.S." inside a phrase ("two U.S. offshore wind projects",
            // "its U.S. portfolio"); opening a sentence ("U.S. job growth
            // slowed") it may be the subject.
            let before_noun =
                || text[pe..].trim_start_matches(['.', ' ']).starts_with(|c: char| c.is_lowercase());
            let after_word = || text[..ps].trim_end().ends_with(|c: char| c.is_lowercase());
            let nationality = single
                && ((is_demonym(name) && before_noun())
                    // "Americans", "Canadians": people, never the subject.
                    || ((name.ends_with("ns") || name.ends_with("is"))
                        && name.strip_suffix('s').is_some_and(|one| one.len() > 4 && is_demonym(one)))
                    || (matches!(name, "U.S" | "U.S." | "U.K" | "U.K." | "US" | "UK" | "EU")
                        && before_noun()
                        && after_word()));
            if ticker
                || suffix_alone
                || based
                || nationality
                || is_job_title(text, ps, pe)
                || (single && at_start && !mid_sentence.contains(name) && !camel())
                || (single && name.len() <= 3 && name.chars().all(|c| c.is_uppercase()))
                || name.chars().any(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '&' | '.')))
            {
                continue;
            }
            {
                let i = known.partition_point(|&(_, e)| e <= ps);
                if known.get(i).is_some_and(|&(s, _)| s < pe) {
                    continue;
                }
                let person = std::cell::OnceCell::new();
                mentions.push(Mention { start: ps, end: pe, name: &text[ps..pe], known: false, person });
            }
        }
        mentions.sort_by_key(|m| m.start);
        let mut me = Attributor {
            text,
            sentences,
            mentions,
            first_subject: None,
            own_subjects: std::cell::RefCell::new(vec![None; sentences.len()]),
            carried: std::cell::RefCell::new(vec![None; sentences.len()]),
            words: Default::default(),
        };
        // Up to the first subject nothing can be carried over; usually this
        // is the first sentence or two. The rest is worked out on demand.
        me.first_subject = (0..sentences.len()).find_map(|idx| match me.main_subject(idx, false) {
            OwnSubject::Named(name) => Some((idx, name)),
            OwnSubject::Previous | OwnSubject::Nothing => None,
        });
        if let Some((first, name)) = me.first_subject {
            me.carried.get_mut()[first] = Some(name);
        }
        me
    }

    /// The subject of sentence `idx`: its own, or the one carried over from
    /// the sentences before. Only a sentence that names someone, or points
    /// back ("it", "the company"), has one; otherwise the audit falls back to
    /// the document's.
    fn sentence_subject(&self, idx: usize) -> Option<&'a str> {
        let (first, name) = self.first_subject?;
        if idx >= self.sentences.len() {
            return None;
        }
        if idx <= first {
            return (idx == first).then_some(name);
        }
        match self.own_subject(idx) {
            OwnSubject::Named(name) => Some(name),
            OwnSubject::Previous => Some(self.carried_into(idx)),
            OwnSubject::Nothing => None,
        }
    }

    /// What sentence `idx` (after the first subject) says of its subject.
    fn own_subject(&self, idx: usize) -> OwnSubject<'a> {
        if let Some(own) = self.own_subjects.borrow()[idx] {
            return own;
        }
        let own = self.main_subject(idx, true);
        self.own_subjects.borrow_mut()[idx] = Some(own);
        own
    }

    /// The subject the sentences before `idx` (after the first subject) pass
    /// on: the nearest one that names its own. Sentences that point back or
    /// name no one pass on what they received, so the walk goes on past them;
    /// what it finds is remembered for every sentence it crossed.
    fn carried_into(&self, idx: usize) -> &'a str {
        let mut j = idx - 1;
        // The first subject's sentence has its entry from the start, so the
        // walk ends there at the latest.
        let found = loop {
            if let Some(name) = self.carried.borrow()[j] {
                break name;
            }
            if let OwnSubject::Named(name) = self.own_subject(j) {
                break name;
            }
            j -= 1;
        };
        let mut carried = self.carried.borrow_mut();
        for slot in &mut carried[j..idx] {
            *slot = Some(found);
        }
        found
    }

    /// Whether mention `m` is a guessed name that looks like a person's.
    fn person(&self, m: &Mention<'_>) -> bool {
        *m.person.get_or_init(|| !m.known && is_person_like(self.text, m.start, m.end))
    }

    fn sentence_index(&self, sentence: (usize, usize)) -> usize {
        self.sentences.partition_point(|s| s.0 < sentence.0)
    }

    /// The mentions inside `s..e` (those that start at or after `s`, up to the first that ends after `e`).
    fn mentions_slice(&self, s: usize, e: usize) -> &[Mention<'a>] {
        let first = self.mentions.partition_point(|m| m.start < s);
        let rest = &self.mentions[first..];
        let n = rest.iter().position(|m| m.end > e).unwrap_or(rest.len());
        &rest[..n]
    }

    fn mentions_in(&self, s: usize, e: usize) -> impl Iterator<Item = &Mention<'a>> {
        let first = self.mentions.partition_point(|m| m.start < s);
        self.mentions[first..].iter().take_while(move |m| m.end <= e)
    }

    /// The subject of sentence `idx`: the first organization named outside a
    /// prepositional phrase; an appositive opening ("Founded by X in 2022,
    /// Midjourney ...") yields the name after the comma.
    fn main_subject(&self, idx: usize, has_previous: bool) -> OwnSubject<'a> {
        let (s, e) = self.sentences[idx];
        let sent = &self.text[s..e];
        let mut from = s + dateline_len(sent);
        let first_word = sent.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if with_lower(first_word, |first_word| {
            first_word.ends_with("ed")
                || matches!(
                    first_word,
                    "after" | "before" | "since" | "in" | "with" | "like" | "unlike" | "as" | "known"
                )
        }) && let Some(comma) = sent.find(", ")
        {
            from = s + comma + 2;
            // "Based in Redwood City, California, Informatica ...": a place
            // name and its state or country, then the subject.
            let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let mut before_comma = &sent[..comma];
            loop {
                let rest = &self.text[from..e];
                let Some((region, _)) = rest.split_once(", ") else { break };
                let place_before = before_comma.rsplit(' ').next().is_some_and(capitalized);
                if !(place_before && capitalized(region) && !region.contains(' ') && region.len() <= 20) {
                    break;
                }
                before_comma = region;
                from += region.len() + 2;
            }
        }
        // A press release's "About Airbnb" heading names what follows.
        if let Some(rest) = sent.strip_prefix("About ")
            && let [m] = self.mentions_slice(s, e)
            && m.start == s + 6
            && m.end - m.start == rest.trim_end_matches(['.', ':']).len()
        {
            return OwnSubject::Named(m.name);
        }
        // "The maker of Dove soap and Hellmann's mayonnaise, which ...": the
        // sentence is about the company named before, not the brands after.
        if has_previous && from == s && opens_with_company_noun(sent) {
            return OwnSubject::Previous;
        }
        let mut person_fallback = None;
        for m in self.mentions_in(from, e) {
            if self.in_prepositional_phrase(m.start, from)
                || self.names_a_product(m)
                || self.preceded_by_deal_verb(m.start, from)
                || names_a_past_employer(self.text, from, m.start, m.end, e)
            {
                continue;
            }
            if self.person(m) {
                // "CEO Mark Zuckerberg" acts for the company named before.
                if person_fallback.is_none() {
                    person_fallback = Some(m.name);
                }
                if has_previous && self.preceded_by_title(m.start) {
                    return OwnSubject::Previous;
                }
                continue;
            }
            return OwnSubject::Named(m.name);
        }
        // "It ...", "Its ...": the sentence carries the subject before it
        // ("The company ..." is caught above, by its company noun). No other
        // character lower-cases to a plain "i" or "t", so ASCII case is enough.
        let opens_with = |w: &str| sent.get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w));
        if has_previous && (opens_with("it ") || opens_with("its ")) {
            return OwnSubject::Previous;
        }
        person_fallback.map_or(OwnSubject::Nothing, OwnSubject::Named)
    }

    /// "the ChatGPT maker", "the Instagram owner": the name is a product and
    /// the phrase stands for the company named elsewhere.
    fn names_a_product(&self, m: &Mention<'_>) -> bool {
        let before = &self.text[..m.start];
        if !(before.ends_with("the ") || before.ends_with("The ")) {
            return false;
        }
        let after = self.text[m.end..].strip_prefix(' ').unwrap_or("");
        let next = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
        matches!(next, "maker" | "makers" | "owner" | "parent" | "developer" | "creator" | "operator")
    }

    /// Does a possessive come right before `pos` ("Airbnb's Class A stock")?
    /// Then the name there only qualifies a noun, and the owner is the subject.
    fn after_possessive(&self, pos: usize, floor: usize) -> bool {
        let before = self.text[floor..pos].trim_end();
        before.len() < self.text[floor..pos].len()
            && (before.ends_with("'s") || before.ends_with("\u{2019}s"))
    }

    /// Is the name at `pos` inside a prepositional phrase ("in Scale AI",
    /// "on the Dow Jones"), so not a subject?
    fn in_prepositional_phrase(&self, pos: usize, floor: usize) -> bool {
        let before = &self.text[floor..pos];
        // "in Austin, Texas, employs": a state set off by commas after a
        // city in the phrase is in it too ("According to Reed Hastings,
        // Time Warner has" opens the clause instead).
        if let Some(city_end) = before.strip_suffix(", ").map(|b| floor + b.len())
            && self
                .mentions_in(pos, self.text.len())
                .next()
                .is_some_and(|m| m.start == pos && self.text[m.end..].starts_with(','))
            && let Some(city) = self.mentions_slice(floor, city_end).last()
            && city.end == city_end
            && self.in_prepositional_phrase(city.start, floor)
        {
            return true;
        }
        let mut words = before.split_whitespace().rev();
        if words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
            && let Some(the) = before.trim_end().len().checked_sub(3)
        {
            return self.preceded_by_preposition(floor + the, floor);
        }
        self.preceded_by_preposition(pos, floor)
    }

    fn preceded_by_preposition(&self, pos: usize, floor: usize) -> bool {
        let before = &self.text[floor..pos];
        let last = before.split_whitespace().next_back().unwrap_or("");
        with_lower(last, |last| {
            let last = last.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                last,
                "in" | "for"
                | "of"
                | "to"
                | "from"
                | "with"
                | "against"
                | "by"
                | "at"
                | "into"
                | "than"
                | "on"
                | "like"
                | "over"
                | "about"
                // "a Threads post": a name inside a noun phrase is not the subject.
                | "a"
                | "an"
            )
        })
    }

    fn preceded_by_title(&self, pos: usize) -> bool {
        let before = &self.text[..pos];
        before.split_whitespace().next_back().is_some_and(|w| {
            with_lower(w, |w| is_title(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
        })
    }

    /// Attribute one claim at `start..end` in `sentence`.
    pub fn attribute(
        &self,
        start: usize,
        end: usize,
        sentence: (usize, usize),
        kind: ClaimKind,
        unit: Option<&str>,
    ) -> Attribution {
        let idx = self.sentence_index(sentence);
        let (s, e) = sentence;
        let sent = &self.text[s..e];
        let mut out = Attribution::default();

        // Subject: the nearest organization before the claim in its clause,
        // else the sentence's subject (carried over for "it").
        let clause_start = self.clause_start(s, start).max((s + dateline_len(sent)).min(start));
        let mut subject = None;
        // Appositive: "WhatsApp, a messaging app with ... 50 employees".
        if let Some(m) = self.mentions_slice(s, start).last() {
            let after = &self.text[m.end..start];
            if (after.starts_with(", a ") || after.starts_with(", an ") || after.starts_with(", the "))
                && !after[2..].contains([',', ';'])
                && !self.person(m)
            {
                subject = Some(m.name);
            }
        }
        for m in self.mentions_slice(clause_start, start).iter().rev() {
            if subject.is_some() {
                break;
            }
            if self.in_prepositional_phrase(m.start, clause_start)
                || self.person(m)
                || names_a_past_employer(self.text, clause_start, m.start, m.end, start)
                || self.after_possessive(m.start, clause_start)
                || self.names_a_product(m)
                // "Meta bought Instagram for $1 billion": the bought is the
                // object; the buyer named before it is the subject.
                || self.preceded_by_deal_verb(m.start, clause_start)
            {
                continue;
            }
            subject = Some(m.name);
            break;
        }
        out.subject = subject.or_else(|| self.sentence_subject(idx)).map(str::to_string);

        // Attribute: the keyword nearest to the claim, preferring words before it.
        out.attribute = self.nearest_attribute(s, e, start, end, kind, unit);
        if kind == ClaimKind::Number
            && let Some(u) = unit
        {
            // The noun of "300 million weekly active users".
            let noun = u.rsplit(' ').next().unwrap_or(u);
            let counted = attribute_of_word(noun);
            // A specific counted noun says what is counted better than a
            // count noun elsewhere in the sentence: in "it had 100 million
            // users, and 150 million people use it" the first claim counts
            // users. "people" is too loose to overrule ("150 million people
            // use it" keeps its `users`), and a layoff keyword still wins
            // ("laid off 500 employees").
            let overrule = noun != "people"
                && out.attribute.as_deref().is_some_and(|a| matches!(a, "employees" | "users"));
            if out.attribute.is_none() || overrule {
                out.attribute = counted.map(str::to_string).or(out.attribute);
            }
        }

        // "Yuan, 52, said": a person's age, not a count of anything.
        if kind == ClaimKind::Number && unit.is_none() && is_age_apposition(sent, start - s, end - s) {
            out.attribute = Some("age".to_string());
        }

        // "the unemployment rate rose to 3.9%": a level the figure reached,
        // not a growth rate ("rose 5%", "grew by 5%").
        if kind == ClaimKind::Percent
            && out.attribute.as_deref() == Some("growth")
            && self.text[s..start].trim_end().ends_with(" to")
        {
            out.attribute = None;
        }

        // Object: a name after a preposition or a deal verb near the claim.
        out.object = self.object_near(s, e, start, end, out.subject.as_deref());

        // Period: another date in the same sentence ("by 2023", "in 2023", "last year").
        if kind != ClaimKind::Date {
            out.period = self.period_in(sent, s, start, end);
        }

        // Hedge: a hedge word anywhere in the clause.
        out.hedge = self.words_of(s, e).hedge.map(str::to_string);
        out
    }

    /// The attribute keywords and hedge of sentence `s..e`, computed once per
    /// sentence: a sentence often holds several claims.
    fn words_of(&self, s: usize, e: usize) -> std::cell::Ref<'_, SentenceWords> {
        if self.words.borrow().start != Some(s) {
            let mut keywords = std::mem::take(&mut self.words.borrow_mut().keywords);
            keywords.clear();
            let mut hedge = None;
            let sent = &self.text[s..e];
            let bytes = sent.as_bytes();
            // The words of `sent.split(|c: char| !(c.is_alphanumeric() || c == '-'))`.
            let mut i = 0;
            let mut pos = s;
            let mut workforce = false;
            let mut cuts = Vec::new();
            let mut after_market = false;
            let mut after_go = false;
            loop {
                let start = i;
                let mut ascii = true;
                while i < bytes.len() {
                    let b = bytes[i];
                    if b < 0x80 {
                        if !(b.is_ascii_alphanumeric() || b == b'-') {
                            break;
                        }
                        i += 1;
                    } else {
                        let c = sent[i..].chars().next().unwrap_or(' ');
                        if !c.is_alphanumeric() {
                            break;
                        }
                        ascii = false;
                        i += c.len_utf8();
                    }
                }
                let word = &sent[start..i];
                let w_start = pos;
                pos += word.len() + 1;
                // "market value", "market cap", "market capitalization". (The
                // first letter rules out most words before any comparison.)
                let first = word.as_bytes().first().map(|b| b | 0x20);
                if after_market
                    && matches!(first, Some(b'v' | b'c'))
                    && ["value", "cap", "capitalization", "capitalisation"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w))
                {
                    keywords.push((w_start, "valuation"));
                }
                // "went public on May 23, 2002": a listing.
                if after_go && first == Some(b'p') && word.eq_ignore_ascii_case("public") {
                    keywords.push((w_start, "ipo"));
                }
                after_go = matches!(first, Some(b'g' | b'w'))
                    && ["went", "go", "goes", "going", "gone"].iter().any(|w| word.eq_ignore_ascii_case(w));
                after_market = first == Some(b'm') && word.eq_ignore_ascii_case("market");
                workforce |= matches!(first, Some(b'j' | b'p' | b'r'))
                    && ["jobs", "job", "positions", "roles"].iter().any(|w| word.eq_ignore_ascii_case(w));
                // Keywords are ASCII: a word with another letter is none.
                if ascii
                    && !word.is_empty()
                    && word.len() <= 24
                    && word.as_bytes()[0].is_ascii_alphabetic()
                    && let Some(key) = KEYWORD_TABLE.get(word.trim_end_matches('-').as_bytes())
                {
                    // No keyword ends with a hyphen: "investment-" names no
                    // attribute, but "projected-" still hedges.
                    // "a listed company" says nothing of a listing.
                    let adjective = key == "listed"
                        && [" compan", " firm", " group", " business"]
                            .iter()
                            .any(|n| sent[i..].starts_with(n));
                    if key.len() == word.len()
                        && !adjective
                        && let Some(attr) = attribute_of_word(key)
                    {
                        keywords.push((w_start, attr));
                        workforce |= attr == "employees";
                        if attr == "layoffs" && !matches!(key, "layoffs" | "laid") {
                            cuts.push(keywords.len() - 1);
                        }
                    }
                    if hedge.is_none() {
                        hedge = lexicon::hedge(key);
                    }
                }
                if i >= bytes.len() {
                    break;
                }
                // Past the separator: one character.
                i += sent[i..].chars().next().map_or(1, char::len_utf8);
            }
            // "cut 17% of its staff" is a layoff; "cut its policy rate by 50
            // basis points" and "price cuts" are not: a cut (or "eliminate",
            // "shed", "slash") counts only in a sentence about jobs or staff.
            if !workforce {
                for &k in cuts.iter().rev() {
                    keywords.remove(k);
                }
            }
            // Commas are few: a clause opens at one followed by "which"/"who".
            let mut clauses = std::mem::take(&mut self.words.borrow_mut().clauses);
            clauses.clear();
            if !keywords.is_empty() {
                for i in memchr::memchr_iter(b',', bytes) {
                    let rest = &sent[i..];
                    let Some(body) =
                        [", which ", ", who "].iter().find(|o| rest.starts_with(*o)).map(|o| i + o.len())
                    else {
                        continue;
                    };
                    clauses.push((s + i, sent[body..].find(',').map_or(e, |j| s + body + j)));
                }
            }
            *self.words.borrow_mut() = SentenceWords { start: Some(s), keywords, hedge, clauses };
        }
        self.words.borrow()
    }

    /// Start of the clause that holds `pos`: after the last ";" or ", and"/", but" before it.
    fn clause_start(&self, s: usize, pos: usize) -> usize {
        // The separator occurrence that ends furthest right wins: scan end
        // positions backwards and stop at the first that closes a separator
        // (one short backward scan instead of six `rfind`s).
        let before = &self.text.as_bytes()[s..pos];
        (1..=before.len())
            .rev()
            .find(|&p| {
                let head = &before[..p];
                // Every separator ends with a space.
                before[p - 1] == b' ' && CLAUSE_SEPARATORS.iter().any(|sep| head.ends_with(sep.as_bytes()))
            })
            .map_or(s, |p| s + p)
    }

    fn nearest_attribute(
        &self,
        s: usize,
        e: usize,
        start: usize,
        end: usize,
        kind: ClaimKind,
        unit: Option<&str>,
    ) -> Option<String> {
        let mut best: Option<(usize, &'static str)> = None;
        let words = self.words_of(s, e);
        // "The company, which has a market value of $3.6 trillion, returned
        // $11.2 billion": a relative clause's cue words are for the claims
        // inside it.
        let clauses = &words.clauses;
        let claim_in = |(open, close): (usize, usize)| open <= start && start < close;
        for &(w_start, attr) in &words.keywords {
            if w_start >= start && w_start < end {
                continue;
            }
            if !fits_kind(attr, kind, unit) {
                continue;
            }
            if clauses.iter().any(|&c| c.0 <= w_start && w_start < c.1 && !claim_in(c)) {
                continue;
            }
            let dist = if w_start < start { start - w_start } else { (w_start - end) * 2 };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, attr));
            }
        }
        best.map(|(_, a)| a.to_string())
    }

    fn object_near(
        &self,
        s: usize,
        e: usize,
        start: usize,
        end: usize,
        subject: Option<&str>,
    ) -> Option<String> {
        let mut best: Option<(usize, &Mention)> = None;
        for m in self.mentions_in(s, e) {
            if Some(m.name) == subject || self.person(m) {
                continue;
            }
            // "a Threads post", "a Skype call": a name used as a modifier.
            let attributive =
                self.text[s..m.start].trim_end().rsplit(' ').next().is_some_and(|w| matches!(w, "a" | "an"));
            // A name after the claim, past an "and", belongs to the next clause.
            // ("and invested ... in Scale AI"; not "Disney and Universal").
            let next_clause = m.start >= end
                && self.text[end..m.start]
                    .match_indices(" and ")
                    .any(|(i, _)| self.text[end + i + 5..].starts_with(|c: char| c.is_lowercase()));
            if attributive || next_clause {
                continue;
            }
            let governed = self.preceded_by_preposition(m.start, s)
                || self.preceded_by_deal_verb(m.start, s)
                || self.governed_through_noun_phrase(m.start, s);
            if !governed {
                continue;
            }
            let dist = if m.start >= end { m.start - end } else { start.saturating_sub(m.end) + 20 };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, m));
            }
        }
        best.map(|(_, m)| m.name.to_string())
    }

    /// "in data labeling company Scale AI", "its first video generation model,
    /// 'V1'": a preposition or a launch/deal verb a few lower-case words
    /// before the name still governs it.
    fn governed_through_noun_phrase(&self, pos: usize, floor: usize) -> bool {
        let before = &self.text[floor..pos];
        for word in before.split_whitespace().rev().take(8) {
            let verdict = with_lower(word.trim_matches(|c: char| !c.is_alphanumeric()), |w| {
                if matches!(
                    w,
                    "in" | "into"
                        | "of"
                        | "for"
                        | "from"
                        | "with"
                        | "against"
                        | "acquired"
                        | "acquire"
                        | "bought"
                        | "buy"
                        | "sued"
                        | "launched"
                        | "launching"
                        | "launch"
                        | "unveiled"
                        | "released"
                        | "introduced"
                ) {
                    return Some(true);
                }
                // Another name, a verb of saying or a clause break ends the phrase.
                let is_lower = word.chars().next().is_some_and(|c| c.is_lowercase() || !c.is_alphanumeric());
                if !is_lower
                    || word.ends_with([';', '.'])
                    || matches!(w, "and" | "but" | "which" | "that" | "said")
                {
                    return Some(false);
                }
                None
            });
            if let Some(v) = verdict {
                return v;
            }
        }
        false
    }

    fn preceded_by_deal_verb(&self, pos: usize, floor: usize) -> bool {
        let before = &self.text[floor..pos];
        let last = before.split_whitespace().next_back().unwrap_or("");
        // The verbs are ASCII: compare without lower-casing a copy.
        ["bought", "buy", "acquired", "acquire", "sued", "fined", "acquiring", "buying", "purchased"]
            .iter()
            .any(|verb| verb.len() == last.len() && verb.eq_ignore_ascii_case(last))
    }

    fn period_in(&self, sent: &str, s: usize, start: usize, end: usize) -> Option<String> {
        // A four-digit year or "last year" after a period preposition.
        let mut best: Option<(usize, String)> = None;
        let bytes = sent.as_bytes();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let abs = s + i;
            if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && (i + 4 == bytes.len() || !bytes[i + 4].is_ascii_alphanumeric() || bytes[i + 4] == b'\'')
                && !(abs >= start && abs < end)
            {
                let year = &sent[i..i + 4];
                // The prepositions are at most 7 ASCII letters: lower-case
                // only the last few characters before the year.
                let before = lower_chars(
                    sent[..i].trim_end().chars().rev().take(8).collect::<Vec<_>>().into_iter().rev(),
                );
                let prep =
                    ["in", "by", "for", "fiscal", "during", "since", "of", "year", "through", "ended", "fy"]
                        .iter()
                        .any(|p| before.ends_with(p));
                // A period follows its figure ("$200 million by 2023") or sits
                // right before it ("ended 2024 with 301 million"), not a clause away.
                let near = if abs >= end { abs - end <= 80 } else { start - (abs + 4).min(start) <= 25 };
                // "a laboratory founded in 1925" dates the founding, not the figure.
                let event = before.ends_with("in") && {
                    let head = sent[..i].trim_end();
                    let head = head.strip_suffix("in").unwrap_or(head).trim_end();
                    with_lower(head.rsplit(' ').next().unwrap_or(head), lexicon::is_event_verb)
                };
                if prep && near && !event && (1900..=2100).contains(&year.parse::<u32>().unwrap_or(0)) {
                    let dist = abs.abs_diff(start);
                    let fiscal = before.ends_with("fiscal") || before.ends_with("fy");
                    let label = if fiscal { format!("FY{year}") } else { year.to_string() };
                    if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                        best = Some((dist, label));
                    }
                }
                i += 4;
                continue;
            }
            i += 1;
        }
        best.map(|(_, p)| p)
    }
}

/// Separators that open a new clause ([`Attributor::clause_start`]).
const CLAUSE_SEPARATORS: [&str; 6] = [" and ", "; ", ", but ", ", while ", ", which ", ", who "];

/// `f` of the lower-case form of `w` (as `str::to_lowercase` gives it),
/// without allocating for short ASCII words (ASCII lower-cases byte by byte).
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// "The San Francisco-based startup expects ...", "The planemaker, which
/// ...": a sentence that opens with "The", a few modifiers and a word for a
/// company points back to the company named before.
fn opens_with_company_noun(sent: &str) -> bool {
    // "Shares of the Santa Clara, California-based company fell": the same
    // pointer, behind the shares it speaks of.
    let (sent, article) =
        match ["Shares of ", "Shares in ", "Stock of "].iter().find_map(|p| sent.strip_prefix(p)) {
            Some(rest) => (rest, "the"),
            None => (sent, "The"),
        };
    let mut words = sent.split_whitespace();
    if words.next() != Some(article) {
        return false;
    }
    for w in words.take(4) {
        let w = w.trim_end_matches([',', ';', ':']);
        let noun = with_lower(w, |l| {
            matches!(
                l,
                "company"
                    | "firm"
                    | "startup"
                    | "start-up"
                    | "group"
                    | "planemaker"
                    | "automaker"
                    | "carmaker"
                    | "chipmaker"
                    | "retailer"
                    | "lender"
                    | "insurer"
                    | "airline"
                    | "conglomerate"
                    | "manufacturer"
                    | "business"
                    | "maker"
                    | "owner"
                    | "parent"
            )
        });
        if noun {
            return true;
        }
    }
    false
}

/// Length of a wire-story dateline opening `sent` ("SEATTLE, April 23, 2024
/// (Reuters) - ", "LONDON — "), 0 if there is none: the agency and the city
/// are never what the sentence is about. A dateline opens with a word in
/// capitals, holds no lower-case word, and ends at a dash within 80 bytes.
pub(super) fn dateline_len(sent: &str) -> usize {
    let mut words = sent.split([' ', ',']);
    let first = words.next().unwrap_or("");
    let capitals = first.len() >= 3 && first.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
    // "Feb 1 (Reuters) - ": a dateline without its city opens with the date.
    let mut month_day = || {
        first.len() <= 5
            && sent.as_bytes()[..sent.len().min(24)].contains(&b'(')
            && with_lower(first.trim_end_matches('.'), |w| lexicon::month(w).is_some())
            && words
                .next()
                .is_some_and(|d| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    if !capitals && !month_day() {
        return 0;
    }
    let head = &sent[..crate::input::floor_boundary(sent, 80)];
    let Some((dash, width)) = first_dash(head) else {
        return 0;
    };
    if has_lower_word(&sent[..dash]) {
        return 0;
    }
    // "REDMOND, Wash. — October 14, 2016 — ": a date between two dashes.
    let mut end = dash + width;
    loop {
        let rest = &sent[end..crate::input::floor_boundary(sent, end + 40)];
        match first_dash(rest) {
            Some((i, w)) if !has_lower_word(&rest[..i]) => end += i + w,
            _ => return end,
        }
    }
}

/// The first spaced dash in `s` (" - ", " — ", " – ", " -- "): its offset and length.
fn first_dash(s: &str) -> Option<(usize, usize)> {
    [" - ", " \u{2014} ", " \u{2013} ", " -- "].iter().filter_map(|d| s.find(d).map(|i| (i, d.len()))).min()
}

/// Does a word of `s` start with a lower-case letter?
fn has_lower_word(s: &str) -> bool {
    s.split_whitespace().any(|w| w.trim_start_matches(['(', '"']).starts_with(|c: char| c.is_lowercase()))
}

/// The lower-case form of some characters (as `str::to_lowercase` maps each).
fn lower_chars(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        if c == 'Σ' {
            // `to_lowercase` picks σ or ς from context; either is non-ASCII,
            // and callers only test ASCII affixes.
            out.push('σ');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Does an attribute fit the kind of claim? ("founded" needs a date.)
fn fits_kind(attr: &str, kind: ClaimKind, unit: Option<&str>) -> bool {
    match kind {
        ClaimKind::Date => matches!(
            attr,
            "founded"
                | "launch"
                | "acquisition"
                | "lawsuit"
                | "ipo"
                | "renamed"
                | "announcement"
                | "settlement"
                | "fine"
                | "investment"
        ),
        ClaimKind::Money => matches!(
            attr,
            "revenue"
                | "investment"
                | "valuation"
                | "funding"
                | "acquisition"
                | "price"
                | "profit"
                | "loss"
                | "compensation"
                | "fine"
                | "settlement"
                | "ipo"
        ),
        ClaimKind::Percent => {
            matches!(attr, "growth" | "revenue" | "profit" | "layoffs" | "investment" | "price")
        }
        // A bare number ("revenue of 5 billion") may be any amount, but
        // never a date's: "established heart disease" founded nothing.
        ClaimKind::Number => {
            matches!(attr, "employees" | "users" | "deliveries" | "layoffs")
                || (unit.is_none() && !matches!(attr, "founded" | "launch" | "ipo" | "renamed"))
        }
        _ => false,
    }
}

/// Capitalized word sequences inside `s..e` that look like names.
///
/// The words are the pieces of `split_inclusive(char::is_whitespace)`. Only a
/// piece holding an upper-case ASCII letter or a non-ASCII character can be
/// part of a name, and most pieces are lower-case prose: while no name is
/// open, the scan jumps from one such piece to the next ([`next_capital`]).
///
/// `stops` memoizes, per capitalized word, whether it is a stop word: the
/// word lists are long `match`es and capitalized words repeat a lot.
fn proper_names<'t>(
    text: &'t str,
    s: usize,
    e: usize,
    stops: &mut FnvMap<&'t str, bool>,
    out: &mut Vec<(usize, usize, bool)>,
) {
    let sent = &text[s..e];
    let bytes = sent.as_bytes();
    let mut scan = NameScan { text, start: s, stops, out, run: None };
    let mut pos = 0;
    while pos < bytes.len() {
        if scan.run.is_none() {
            // No name is open, so a piece that cannot be one changes nothing.
            let Some(capital) = next_capital(bytes, pos) else { break };
            pos = piece_start(sent, pos, capital);
        }
        let end = piece_end(sent, pos);
        scan.piece(s + pos, s + end);
        pos = end;
    }
    scan.close();
}

/// The names of one sentence, read piece by piece in order.
struct NameScan<'t, 'o> {
    text: &'t str,
    /// Where the sentence starts: a name there opens it.
    start: usize,
    stops: &'o mut FnvMap<&'t str, bool>,
    /// Each name with whether it opens the sentence.
    out: &'o mut Vec<(usize, usize, bool)>,
    /// The name being read, if one is open.
    run: Option<(usize, usize)>,
}

impl<'t> NameScan<'t, '_> {
    /// End the open name, if any.
    fn close(&mut self) {
        if let Some((ps, pe)) = self.run.take() {
            self.out.push((ps, pe, ps == self.start));
        }
    }

    /// Read the piece `text[at..end]` (a word and the whitespace after it).
    fn piece(&mut self, at: usize, end: usize) {
        let text = self.text;
        let word = &text[at..end];
        // "Bureau of Labor Statistics", "Bank of America", "Office for
        // National Statistics": "of" or "for" after an institution's noun
        // keeps the name open, as "&" does below.
        if let Some((rs, re)) = self.run
            // "of"/"for" and one whitespace character of up to three bytes.
            && word.len() <= 6
            && matches!(word.trim_end(), "of" | "for")
            && is_institution(&text[rs..re])
        {
            return;
        }
        // A word that opens with a lower-case ASCII letter is no name (the
        // tests below would find its first letter not upper-case): it only
        // ends the run.
        if word.as_bytes()[0].is_ascii_lowercase() {
            self.close();
            return;
        }
        // "Johnson & Johnson", "Procter & Gamble": an ampersand between
        // capitalized words keeps the name open; the run grows past it
        // only if a capitalized word follows.
        if self.run.is_some() && word.len() <= 4 && word.trim_end() == "&" {
            return;
        }
        let NamePiece { lead, name_len, closes } = NamePiece::of(word);
        let name_part = &word[lead..lead + name_len];
        let starts_upper = name_part.chars().next().is_some_and(char::is_uppercase);
        // Most words are lower-case: only capitalized ones need the word lists.
        let ok = starts_upper && {
            let is_stop =
                *self.stops.entry(name_part).or_insert_with(|| is_name_stop(&name_part.to_lowercase()));
            !(is_stop || (at == self.start && is_sentence_opener(name_part)))
        };
        if !ok {
            self.close();
            return;
        }
        // An opening bracket or quote starts a new name: "LinkedIn
        // Corporation (NYSE: LNKD)" is two.
        if lead > 0 {
            self.close();
        }
        let st = at + lead;
        let en = st + name_part.len();
        self.run = Some(self.run.map_or((st, en), |(rs, _)| (rs, en)));
        // A possessive or punctuation ends the name.
        if closes {
            self.close();
        }
    }
}

/// Where a name could sit in one whitespace-separated piece: after opening
/// quotes and brackets, before a possessive and closing punctuation.
#[derive(Debug, PartialEq)]
struct NamePiece {
    /// Bytes of opening quotes and brackets.
    lead: usize,
    /// Bytes of the name part after them.
    name_len: usize,
    /// A possessive or punctuation after the name part ends the name.
    closes: bool,
}

impl NamePiece {
    fn of(word: &str) -> NamePiece {
        if word.is_ascii() {
            return NamePiece::of_ascii(word.as_bytes());
        }
        let core = word.trim_end();
        let trimmed = core.trim_start_matches(['"', '(', '“', '‘', '\'', '*', '#']);
        let lead = core.len() - trimmed.len();
        let name_part = trimmed.split(['’', '\'']).next().unwrap_or("");
        let name_part = name_part.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '!', '?', '*']);
        let closes = name_part.len()
            < trimmed.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '!', '?']).len()
            || core.ends_with([',', '.', ';', ':', ')']);
        NamePiece { lead, name_len: name_part.len(), closes }
    }

    /// [`NamePiece::of`] byte by byte, for the usual all-ASCII piece (the
    /// curly quotes of the general rules are never ASCII).
    fn of_ascii(word: &[u8]) -> NamePiece {
        fn trim_end(mut bytes: &[u8], strip: impl Fn(u8) -> bool) -> &[u8] {
            while let [rest @ .., last] = bytes
                && strip(*last)
            {
                bytes = rest;
            }
            bytes
        }
        let core = trim_end(word, |b| b.is_ascii_whitespace() || b == b'\x0B');
        let lead = core.iter().take_while(|&&b| matches!(b, b'"' | b'(' | b'\'' | b'*' | b'#')).count();
        let trimmed = &core[lead..];
        let before_apostrophe = &trimmed[..trimmed.iter().position(|&b| b == b'\'').unwrap_or(trimmed.len())];
        fn closing(b: u8) -> bool {
            matches!(b, b',' | b'.' | b';' | b':' | b')' | b'"' | b'!' | b'?')
        }
        let name_len = trim_end(before_apostrophe, |b| closing(b) || b == b'*').len();
        let closes = name_len < trim_end(trimmed, closing).len()
            || core.last().is_some_and(|b| matches!(b, b',' | b'.' | b';' | b':' | b')'));
        NamePiece { lead, name_len, closes }
    }
}

/// "Microsoft reported ... Microsoft completed ...": a word that opens two
/// or more sentences, once before a verb a company does ("reported",
/// "said", "acquired"), and is never written in lower case in the text is a
/// name even if no sentence names it in its middle ("Revenue rose ...
/// revenue fell" is no name). Adds such words to `confirmed`.
fn confirm_repeated_openers<'t>(
    text: &'t str,
    guesses: &[(usize, usize, bool)],
    confirmed: &mut HashSet<&'t str, BuildHasherDefault<Fnv>>,
) {
    let mut openings: FnvMap<&str, usize> = FnvMap::default();
    for &(s, e, at_start) in guesses {
        let name = &text[s..e];
        if at_start && !name.contains(' ') && !confirmed.contains(name) {
            *openings.entry(name).or_default() += 1;
        }
    }
    openings.retain(|_, n| *n >= 2);
    if openings.is_empty() {
        return;
    }
    // Does one of a word's openings come before a verb a company is the
    // subject of? Asked only of the few words that open two sentences.
    let mut acts: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::default();
    for &(s, e, at_start) in guesses {
        let name = &text[s..e];
        if at_start && openings.contains_key(name) && !acts.contains(name) {
            let next = text[e..].split_whitespace().next().unwrap_or("");
            let verb = with_lower(next.trim_end_matches([',', '.']), |w| {
                matches!(
                    w,
                    "said"
                        | "says"
                        | "reported"
                        | "reports"
                        | "posted"
                        | "announced"
                        | "announces"
                        | "expects"
                        | "plans"
                        | "completed"
                        | "agreed"
                        | "acquired"
                        | "bought"
                        | "sold"
                        | "launched"
                        | "raised"
                        | "delivered"
                        | "employs"
                        | "owns"
                        | "forecast"
                        | "forecasts"
                        | "unveiled"
                        | "released"
                        | "reached"
                        | "paid"
                        | "settled"
                        | "sued"
                        | "filed"
                        | "shipped"
                        | "hired"
                )
            });
            if verb {
                acts.insert(name);
            }
        }
    }
    // Plurals ("Critics", "Analysts", "People") and the adjectives of
    // financial statements ("Net income ...") open sentences too.
    let common = |w: &str| {
        with_lower(w, |l| {
            lexicon::is_count_noun(l)
                || matches!(
                    l,
                    "net"
                        | "gross"
                        | "adjusted"
                        | "operating"
                        | "total"
                        | "diluted"
                        | "annual"
                        | "quarterly"
                        | "overall"
                        | "average"
                        | "median"
                        | "core"
                        | "organic"
                        | "underlying"
                        | "consolidated"
                )
        })
    };
    let repeated: Vec<&str> = acts.into_iter().filter(|&w| !common(w)).collect();
    if repeated.is_empty() {
        return;
    }
    // A word written in lower case anywhere is a common word. One pass over
    // the text looks for all of them.
    let lower: Vec<String> = repeated.iter().map(|w| w.to_lowercase()).collect();
    let Ok(matcher) = aho_corasick::AhoCorasick::new(&lower) else { return };
    let mut written_lower = vec![false; lower.len()];
    let bytes = text.as_bytes();
    for m in matcher.find_overlapping_iter(text) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        if before.is_none_or(|b| !b.is_ascii_alphanumeric())
            && after.is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            written_lower[m.pattern().as_usize()] = true;
        }
    }
    for (word, lower) in repeated.into_iter().zip(written_lower) {
        if !lower {
            confirmed.insert(word);
        }
    }
}

/// A capitalized word that is no name (lower-cased): function words,
/// months, weekdays, titles and financial measures ("EBITDA", "GDP").
fn is_name_stop(lower: &str) -> bool {
    // "March-quarter revenue", "Monday-night game": a date word's compound.
    // (A byte loop: words are short, and `split_once` starts a memchr.)
    if let Some(hyphen) = lower.bytes().position(|b| b == b'-')
        && (lexicon::month(&lower[..hyphen]).is_some() || lexicon::weekday(&lower[..hyphen]).is_some())
    {
        return true;
    }
    // "New York", "New Jersey", "New Zealand": "New" written capitalized
    // inside a sentence opens a name ("New" opening one alone is no name
    // unless the text names it elsewhere).
    (lexicon::is_function_word(lower) && lower != "new")
        || lexicon::month(lower).is_some()
        || lexicon::weekday(lower).is_some()
        || is_title(lower)
        || matches!(
            lower,
            "ebitda"
                | "ebit"
                | "ebitdar"
                | "gdp"
                | "gnp"
                | "cpi"
                | "ppi"
                | "eps"
                | "capex"
                | "opex"
                | "arpu"
                | "yoy"
        )
}

/// A nationality adjective ("Danish", "Chinese", "American").
fn is_demonym(word: &str) -> bool {
    let ends = |suffix: &str| word.len() > suffix.len() + 2 && word.ends_with(suffix);
    // "-ish" and "-ese" are nationalities ("Swedish", "Japanese"); the other
    // endings are also first names ("Brian", "Megan"), so those are listed.
    (word.starts_with(|c: char| c.is_uppercase()) && (ends("ish") || ends("ese")))
        || matches!(
            word,
            "American"
                | "Canadian"
                | "Mexican"
                | "Brazilian"
                | "Argentine"
                | "Chilean"
                | "Colombian"
                | "Peruvian"
                | "European"
                | "German"
                | "French"
                | "Dutch"
                | "Belgian"
                | "Swiss"
                | "Austrian"
                | "Italian"
                | "Greek"
                | "Norwegian"
                | "Czech"
                | "Hungarian"
                | "Romanian"
                | "Ukrainian"
                | "Russian"
                | "Indian"
                | "Pakistani"
                | "Indonesian"
                | "Malaysian"
                | "Thai"
                | "Korean"
                | "Australian"
                | "African"
                | "Nigerian"
                | "Kenyan"
                | "Egyptian"
                | "Israeli"
                | "Iranian"
                | "Saudi"
                | "Emirati"
                | "Qatari"
                | "Asian"
        )
}

/// Does the name `name` end with an institution's noun, which an "of" or
/// "for" phrase completes ("Bank of America", "Office for Budget Responsibility")?
fn is_institution(name: &str) -> bool {
    matches!(
        name.rsplit(' ').next().unwrap_or(""),
        "Bank"
            | "Bureau"
            | "Department"
            | "University"
            | "Institute"
            | "Ministry"
            | "Office"
            | "Board"
            | "Council"
            | "Commission"
            | "Court"
            | "School"
            | "College"
            | "Museum"
            | "Association"
            | "Society"
            | "Chamber"
            | "League"
            | "Federation"
            | "Agency"
            | "Administration"
            | "Academy"
            | "Authority"
            | "Organization"
            | "Organisation"
            | "Republic"
            | "Kingdom"
            | "Church"
            | "Fund"
            | "House"
            | "Centre"
            | "Center"
            | "Centers"
            | "Foundation"
            | "Committee"
    )
}

/// The first byte at or after `from` that is an upper-case ASCII letter or
/// starts a non-ASCII character: every capitalized word holds one. Eight
/// bytes at a time; a byte's low seven bits plus the offsets below never
/// carry into the next byte.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Bit 7 of each byte: set by adding 0x3f to b from 0x41 ('A') on, and
    // by adding 0x25 from 0x5b (past 'Z') on.
    const FROM_A: u64 = 0x3f3f_3f3f_3f3f_3f3f;
    const PAST_Z: u64 = 0x2525_2525_2525_2525;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let low = x & LOW7;
        let found = (((low + FROM_A) & !(low + PAST_Z)) | x) & HIGH;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| b.is_ascii_uppercase() || b >= 0x80).map(|k| i + k)
}

/// The start of the whitespace-separated piece holding byte `at`, no
/// earlier than `floor` (itself a piece start).
fn piece_start(sent: &str, floor: usize, at: usize) -> usize {
    sent[floor..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(floor, |(k, c)| floor + k + c.len_utf8())
}

/// The end of the piece starting at `start`: just past its first whitespace
/// character, or the end of `sent`. Only a non-ASCII byte decodes its character.
fn piece_end(sent: &str, start: usize) -> usize {
    let bytes = sent.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            // The ASCII characters `char::is_whitespace` accepts.
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                break;
            }
        } else {
            let c = sent[i..].chars().next().unwrap_or('x');
            i += c.len_utf8();
            if c.is_whitespace() {
                break;
            }
        }
    }
    i
}

/// Is the bare number at `at..end` of `sent` an age: set off by commas
/// after a name ("Yuan, 52, said", "said Mensch, 31.") or after "aged"?
fn is_age_apposition(sent: &str, at: usize, end: usize) -> bool {
    let figure = &sent[at..end];
    if figure.is_empty() || figure.len() > 3 || !figure.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !(1..=120).contains(&figure.parse::<u32>().unwrap_or(0)) {
        return false;
    }
    let before = &sent[..at];
    if before.get(before.len().saturating_sub(5)..).is_some_and(|w| w.eq_ignore_ascii_case("aged ")) {
        return true;
    }
    let Some(name) = before.strip_suffix(", ") else { return false };
    let word = name.rsplit(' ').next().unwrap_or(name);
    let after = sent[end..].trim_end();
    (after.is_empty() || after.starts_with([',', ';', ')']) || after == ".")
        && word.len() >= 2
        && word.starts_with(|c: char| c.is_uppercase())
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        && !is_sentence_opener(word)
        && lexicon::month(&word.to_ascii_lowercase()).is_none()
}

fn is_sentence_opener(w: &str) -> bool {
    with_lower(w, is_lower_sentence_opener)
}

fn is_lower_sentence_opener(l: &str) -> bool {
    lexicon::is_function_word(l)
        || matches!(
            l,
            "however"
                | "meanwhile"
                | "analysts"
                | "investors"
                | "experts"
                | "industry"
                | "given"
                | "while"
                | "nonetheless"
                | "features"
                | "exactly"
                | "some"
                | "so"
                | "full-year"
                | "only"
                | "founded"
                | "known"
        )
        || l.ends_with("ly")
        || l.ends_with("ed")
}

/// A two-word capitalized name whose first word is a common given name shape
/// is treated as a person: it has exactly two or three words and no corporate suffix.
fn is_person_like(text: &str, s: usize, e: usize) -> bool {
    let name = &text[s..e];
    // Two or three words, kept on the stack: this runs for every name guess.
    let mut buf = [""; 3];
    let mut n = 0;
    for w in name.split_whitespace() {
        if n == buf.len() {
            return false;
        }
        buf[n] = w;
        n += 1;
    }
    if n < 2 || name.contains('&') {
        return false;
    }
    let words = &buf[..n];
    let corporate = [
        "Inc",
        "Corp",
        "Ltd",
        "AI",
        "Labs",
        "Lab",
        "Group",
        "Capital",
        "Bank",
        "Technologies",
        "Platforms",
        "Market",
        "Motors",
        "Systems",
        "Foods",
        "Media",
        "Partners",
    ];
    if words.iter().any(|w| corporate.contains(&w.trim_end_matches('.'))) {
        return false;
    }
    // Preceded by a title or followed by a speech verb.
    let before = text[..s].split_whitespace().next_back().unwrap_or("");
    let after = text[e..].split_whitespace().next().unwrap_or("");
    with_lower(before, |before| is_title(before.trim_matches(|c: char| !c.is_alphanumeric())))
        || with_lower(after, |after| {
            matches!(
                after.trim_matches(|c: char| !c.is_alphanumeric()),
                "said" | "says" | "told" | "announced" | "wrote" | "added" | "stated"
            )
        })
        || words.iter().all(|w| w.chars().filter(|c| c.is_uppercase()).count() == 1 && w.len() > 2)
}

#[cfg(test)]
mod split_tests {
    use super::{
        Attributor, EntityIndex, FnvMap, KEYWORDS, NameScan, attribute_of_word, lexicon, piece_end,
        proper_names,
    };

    const CASES: &[&str] = &[
        "",
        " ",
        "a",
        "Meta's revenue rose 12% to $3.2 billion.",
        "  two  spaces\tand\ttabs\r\nand\x0Bvertical\x0Cfeed ",
        "co-founded--twice -",
        "Nestlé’s café\u{a0}sold 3\u{202f}000 items — “naïve” Zürich\u{2009}ok\u{3000}end",
        "日本 円 100万",
        "ends with a separator,",
        "\u{85}next line\u{2028}line sep",
    ];

    type KeywordsAndHedge = (Vec<(usize, &'static str)>, Option<&'static str>);

    /// The keywords (with the position the scan gives them) and the hedge of
    /// a one-sentence text, from the fast scan and from the plain rules.
    fn keywords_both_ways(s: &str) -> [KeywordsAndHedge; 2] {
        let entities = EntityIndex::default();
        let sentences = [(0, s.len())];
        let attributor = Attributor::new(&entities, s, &sentences);
        let words = attributor.words_of(0, s.len());
        let fast = (words.keywords.clone(), words.hedge);
        let mut keywords = Vec::new();
        let mut hedge = None;
        let mut pos = 0;
        for word in s.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let w_start = pos;
            pos += word.len() + 1;
            if word.is_empty() || word.len() > 24 || !word.as_bytes()[0].is_ascii_alphabetic() {
                continue;
            }
            let lower: String = word.chars().map(|c| c.to_ascii_lowercase()).collect();
            if let Some(attr) = attribute_of_word(&lower) {
                keywords.push((w_start, attr));
            }
            hedge = hedge.or_else(|| lexicon::hedge(lower.trim_end_matches('-')));
        }
        [fast, (keywords, hedge)]
    }

    #[test]
    fn sentence_keywords_match_the_plain_rules() {
        for s in CASES.iter().chain(&[
            "Meta INVESTED $14 billion; revenue is Projected- to rise, co-founded by staff.",
            "Investment-grade sales—reportedly—fell to €5bn at Café Revenue",
        ]) {
            let [fast, plain] = keywords_both_ways(s);
            assert_eq!(fast, plain, "{s:?}");
        }
        assert_eq!(
            keywords_both_ways("It reportedly raised $5 million in funding.")[0],
            (vec![(14, "funding"), (35, "funding")], Some("reportedly"))
        );
    }

    #[test]
    fn the_keyword_list_holds_exactly_the_words_of_the_rules() {
        for w in KEYWORDS {
            assert!(attribute_of_word(w).is_some() || lexicon::hedge(w).is_some(), "{w} is no keyword");
        }
        let attribution = include_str!("attribution.rs");
        let lexicon = include_str!("lexicon.rs");
        let bodies = [
            &attribution[attribution.find("pub fn attribute_of_word").unwrap_or(0)..]
                .split("\n}\n")
                .next()
                .unwrap_or(""),
            &lexicon[lexicon.find("pub fn hedge").unwrap_or(0)..].split("\n}\n").next().unwrap_or(""),
        ];
        for body in bodies {
            assert!(body.contains("=>"), "the rules were not found");
            for literal in body.split('"').skip(1).step_by(2) {
                assert!(
                    KEYWORDS.contains(&literal)
                        || attribute_of_word(literal).or(lexicon::hedge(literal)).is_none(),
                    "the keyword {literal} is missing from the list"
                );
            }
        }
    }

    /// The pieces [`piece_end`] cuts.
    fn pieces(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let end = piece_end(s, i);
            out.push(&s[i..end]);
            i = end;
        }
        out
    }

    #[test]
    fn pieces_match_str_split_inclusive() {
        for &s in CASES {
            let std: Vec<&str> = s.split_inclusive(|c: char| c.is_whitespace()).collect();
            assert_eq!(pieces(s), std, "{s:?}");
        }
    }

    /// [`proper_names`] without the skip over lower-case prose: every piece
    /// read in turn. The fast scan must find exactly the same names.
    fn proper_names_word_by_word(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut stops = FnvMap::default();
        let mut scan = NameScan { text, start: 0, stops: &mut stops, out: &mut out, run: None };
        let mut at = 0;
        for word in text.split_inclusive(char::is_whitespace) {
            scan.piece(at, at + word.len());
            at += word.len();
        }
        scan.close();
        out
    }

    fn fast_proper_names(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        proper_names(text, 0, text.len(), &mut FnvMap::default(), &mut out);
        out
    }

    #[test]
    fn proper_names_skip_nothing() {
        let cases = [
            "Founded by David Holz in 2022, Midjourney reached $200 million.",
            "LinkedIn Corporation (NYSE: LNKD) said Meta's \"Llama\" and iPhone sales (Apple) rose.",
            "The  Walt\tDisney  Co. and Zürich\u{a0}Re, “Nestlé” and Société Générale’s unit",
            "mostly lower-case prose that runs on for well over eight bytes before A name",
            "ÉCOLE  Normale",
            "#Hashtag *Bold* 'Quoted' words in a row: Alpha Beta. Gamma",
        ];
        for text in cases {
            assert_eq!(fast_proper_names(text), proper_names_word_by_word(text), "{text:?}");
        }
        assert_eq!(fast_proper_names(cases[0]), [(11, 21, false), (31, 41, false)]);
    }

    proptest::proptest! {
        #[test]
        fn splits_match_std_on_any_text(s in "(?s:.{0,40})|[ a-zA-Z0-9,.'’\u{a0}\u{2009}\u{3000}é-]{0,40}") {
            let [fast, plain] = keywords_both_ways(&s);
            proptest::prop_assert_eq!(fast, plain);
            let std: Vec<&str> = s.split_inclusive(|c: char| c.is_whitespace()).collect();
            proptest::prop_assert_eq!(pieces(&s), std);
        }

        #[test]
        fn name_pieces_of_ascii_words_match_the_general_rules(s in "[ -~\t\n\x0B\x0C\r]{0,12}") {
            let general = {
                let core = s.trim_end();
                let trimmed = core.trim_start_matches(['"', '(', '\'', '*', '#']);
                let name_part = trimmed.split('\'').next().unwrap_or("");
                let name_part = name_part.trim_end_matches([',', '.', ';', ':', ')', '"', '!', '?', '*']);
                super::NamePiece {
                    lead: core.len() - trimmed.len(),
                    name_len: name_part.len(),
                    closes: name_part.len() < trimmed.trim_end_matches([',', '.', ';', ':', ')', '"', '!', '?']).len()
                        || core.ends_with([',', '.', ';', ':', ')']),
                }
            };
            proptest::prop_assert_eq!(super::NamePiece::of_ascii(s.as_bytes()), general);
        }

        #[test]
        fn proper_names_match_word_by_word(
            s in "(?s:.{0,60})|[ a-zA-Z,.'’“”\"(*#:)\u{a0}\u{2009}é É-]{0,80}|(?:[A-Z][a-z]{0,6}[ ,.]{1,2}|[a-z]{1,9} ){0,12}"
        ) {
            proptest::prop_assert_eq!(fast_proper_names(&s), proper_names_word_by_word(&s));
        }
    }
}
