//! Tying a claim to ledger facts: entities (names, aliases, normalized and
//! fuzzy forms), attribute cues in the sentence, objects, and periods.

use std::collections::HashMap;

use crate::claim::Claim;
use crate::extract::{EntityIndex, FnvMap};
use crate::ledger::{Fact, Ledger};

/// Words in a sentence that signal a ledger attribute. Attributes not listed
/// here are matched by their own words ("units_sold" by "units" and "sold").
pub fn attribute_cues(attribute: &str) -> &'static [&'static str] {
    match attribute {
        "acquisition" => &[
            "transaction",
            "agreed",
            "announced",
            "buy",
            "bought",
            "buys",
            "buying",
            "acquire",
            "acquired",
            "acquires",
            "acquiring",
            "acquisition",
            "purchase",
            "purchased",
            "deal",
            "takeover",
            "agreed to pay",
            "paid",
            "pay",
        ],
        "acquisition_completed" => {
            &["closed", "completed", "completing", "close", "completion", "finalized", "finalised"]
        }
        "acquisition_terminated" => {
            &["called off", "terminated", "abandoned", "scrapped", "walked away", "dropped"]
        }
        "investment" => &["invest", "invested", "investing", "investment", "stake", "backed", "poured"],
        "founded" => &[
            "founded",
            "co-founded",
            "cofounded",
            "founding",
            "started",
            "established",
            "set up",
            "created",
            "launched from",
            "began",
        ],
        "launched" | "launch" => &[
            "launched",
            "launch",
            "launches",
            "debuted",
            "rolled out",
            "introduced",
            "released",
            "launching",
            "came out",
            "went on sale",
            "goes on sale",
            "hit stores",
            "became available",
        ],
        "unveiled" => &["unveiled", "revealed", "showed off", "presented"],
        "ipo" => &["went public", "go public", "listed", "ipo", "listing", "public offering", "debut"],
        "ipo_price" => &["went public", "ipo", "priced", "pricing", "public offering", "listed"],
        "ipo_raised" => &["raised", "raising", "ipo", "went public"],
        "revenue" => &["revenue", "revenues", "sales", "turnover"],
        "revenue_growth" => &[
            "revenue grew",
            "revenue rose",
            "revenue fell",
            "sales grew",
            "grew",
            "growth",
            "revenue increased",
            "revenue declined",
            "up",
            "rose",
            "fell",
        ],
        "net_income" => &["net income", "profit", "earnings", "net loss", "loss", "income", "lost", "earned"],
        "employees" => &["employees", "staff", "workers", "workforce", "headcount", "employs", "employ"],
        "members" => &["members", "membership"],
        "paid_memberships" => &["memberships", "members", "subscribers", "paid"],
        "subscribers" => &["subscribers", "subscriptions", "subscriber", "pay for", "paying", "paid"],
        "monthly_active_users" => &["monthly", "each month", "every month", "a month"],
        "daily_active_users" => &["daily", "every day", "each day", "a day"],
        "weekly_active_users" => &["weekly", "every week", "each week", "a week"],
        "price" => &[
            "price",
            "prices",
            "costs",
            "cost",
            "charges",
            "goes to",
            "priced",
            "fee",
            "plan",
            "plans",
            "tier",
            "subscription",
        ],
        "launch_price" => &[
            "launched",
            "launch",
            "debuted",
            "introduced",
            "at launch",
            "launched at",
            "started at",
            "starting at",
            "went on sale",
        ],
        "price_per_share" => &["per share", "a share", "each share"],
        "layoffs" => {
            &["cut", "cuts", "laid off", "layoffs", "jobs", "eliminate", "redundancies", "lay off", "shed"]
        }
        "layoffs_share" => &["workforce", "staff", "of its", "per cent of", "percent of", "% of"],
        "hosts" => &["hosts"],
        "active_listings" => &["listings"],
        "deliveries" => &["deliveries", "delivered", "shipped", "handed over"],
        "settlement" => &["settlement", "settle", "settled", "penalty"],
        "fine" => &["fine", "fined", "penalty", "penalised", "penalized"],
        "pledged" => &["pledged", "pledge", "pledging", "committed", "promised", "vowed"],
        "renamed" => &["renamed", "rebranded", "changed its name", "new name", "name"],
        "became_ceo" => &[
            "ceo",
            "chief executive",
            "top job",
            "took over",
            "succeeding",
            "succeeded",
            "has run",
            "took the helm",
            "at the helm",
        ],
        "index_inclusion" => &["s&p 500", "index", "joined the"],
        "share_repurchase_authorization" => &["buyback", "repurchase", "buy back"],
        "announcement" => {
            &["announced", "announce", "announcement", "said", "unveiled", "partnership", "partner"]
        }
        "compensation" => {
            &["compensation", "pay", "packages", "package", "offers", "offered", "bonus", "bonuses", "salary"]
        }
        "lawsuit" => &["sued", "sue", "lawsuit", "suit", "complaint"],
        "valuation" => &["valued", "valuation", "worth", "valuing", "values"],
        "funding" => &[
            "raised", "funding", "round", "raise", "series a", "series b", "series c", "series d",
            "series e", "seed",
        ],
        "market_cap" => &[
            "market value",
            "market cap",
            "market capitalisation",
            "market capitalization",
            "valued",
            "worth",
        ],
        _ => &[],
    }
}

/// Events that happen again and again to the same parties: told apart by
/// date and amount rather than by who is involved.
pub fn is_recurring_event(attribute: &str) -> bool {
    matches!(
        attribute,
        "investment"
            | "funding"
            | "settlement"
            | "fine"
            | "pledged"
            | "grant"
            | "contract"
            | "provision"
            | "layoffs"
            | "layoffs_share"
            | "share_repurchase_authorization"
            | "compensation"
    )
}

/// Do two counted nouns count the same kind of thing? ("people" and "users" do.)
pub fn nouns_compatible(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let w = s.rsplit(' ').next().unwrap_or(s).to_lowercase();
        w.trim_end_matches('s').to_string()
    };
    // "250 open positions" are vacancies, not the staff "positions" counts.
    let vacant = |s: &str| s.split(' ').any(|w| matches!(w, "open" | "vacant" | "unfilled"));
    if vacant(a) != vacant(b) {
        return false;
    }
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return true;
    }
    const GROUPS: &[&[&str]] = &[
        &[
            "user",
            "people",
            "person",
            "member",
            "membership",
            "subscriber",
            "customer",
            "account",
            "listener",
            "player",
            "viewer",
            "reader",
            "household",
            "buyer",
        ],
        &[
            "employee", "staff", "worker", "people", "person", "job", "position", "role", "engineer", "cut",
            "layoff",
        ],
        &["vehicle", "car", "unit", "deliverie", "delivery", "truck"],
        &["host", "people", "person"],
        &["listing", "home", "propertie", "property"],
    ];
    GROUPS.iter().any(|g| g.contains(&a.as_str()) && g.contains(&b.as_str()))
}

/// Nouns that name what a figure measures. When one is attached to the
/// figure ("$8 billion of net debt", "$400 million in annual recurring
/// revenue", "Trips grew 24%"), only a fact about that measure can be the
/// figure's; other words ("in cash", "of the company") say nothing.
const MEASURE_NOUNS: &[&str] = &[
    "debt",
    "borrowings",
    "loans",
    "revenue",
    "revenues",
    "sales",
    "turnover",
    "profit",
    "profits",
    "income",
    "earnings",
    "ebitda",
    "loss",
    "losses",
    "equity",
    "value",
    "savings",
    "bookings",
    "assets",
    "spending",
    "costs",
    "expenses",
    "capex",
    "dividends",
    "dividend",
    "buybacks",
    "orders",
    "backlog",
    "deposits",
    "reserves",
    "tax",
    "taxes",
    "fees",
    "trips",
    "users",
    "subscribers",
    "customers",
    "deliveries",
    "shipments",
    "margin",
    "margins",
    "cash flow",
    "shares",
    "stock",
    "index",
    "yield",
    "yields",
    "output",
    "production",
    "exports",
    "imports",
    "inflation",
    "unemployment",
    "traffic",
    "visitors",
    "downloads",
    "business",
    "division",
    "segment",
    "unit",
    "charge",
    "charges",
    "writedown",
    "write-down",
    "impairment",
    "target",
    "targets",
    "goal",
    "forecast",
    "guidance",
    "outlook",
];

/// `w` without the punctuation that ends it ("revenue," → "revenue").
fn bare(w: &str) -> &str {
    w.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Is `w` (lower case, trailing punctuation allowed) a noun for what a figure measures?
pub fn is_measure_noun(w: &str) -> bool {
    MEASURE_NOUNS.contains(&bare(w))
}

/// The measure attached to a figure in its sentence: the noun phrase after
/// "of" or "in" right behind it, or the noun before the verb that states it
/// ("Revenue was", "Trips grew 24%", "bookings rose to"). Lower-cased
/// words; `None` when no measure noun is attached.
pub fn attached_measure(sentence: &str, at: usize, len: usize) -> Option<String> {
    // After: "of VMware's net debt", "in annual recurring revenue", "of the deal's value".
    let after = sentence.get(at + len..).unwrap_or("");
    let mut words = after.split_whitespace();
    // Right after: "a $2.9 billion charge", "a $10 billion writedown".
    if after.starts_with(' ')
        && let Some(next) = after.split_whitespace().next()
        && next.starts_with(|c: char| c.is_ascii_lowercase())
        && is_measure_noun(next)
        && !matches!(bare(next), "shares" | "stock" | "index")
    {
        return Some(bare(next).to_string());
    }
    if let Some(prep) = words.next()
        && (prep.eq_ignore_ascii_case("of") || prep.eq_ignore_ascii_case("in"))
    {
        let phrase: Vec<std::borrow::Cow<'_, str>> = words
            .take(4)
            .map(lower_word)
            .take_while(|w| {
                !matches!(
                    w.as_ref(),
                    "and"
                        | "or"
                        | "for"
                        | "from"
                        | "to"
                        | "in"
                        | "at"
                        | "by"
                        | "on"
                        | "with"
                        | "as"
                        | "than"
                        | "over"
                ) && !w.starts_with(|c: char| c.is_ascii_digit())
            })
            .collect();
        if let Some(end) = phrase.iter().position(|w| is_measure_noun(w) || w.ends_with([',', '.', ';'])) {
            let head = &phrase[end];
            // "in stock", "in shares" say how a price was paid.
            let payment = matches!(bare(head), "stock" | "shares");
            if is_measure_noun(head) && !payment {
                return Some(phrase[..=end].join(" "));
            }
        }
    }
    // Before: "<noun> grew/was/rose ... <figure>" in the same clause.
    let before = sentence.get(..at).unwrap_or("");
    // "Reddit lost $90.8 million": the verb itself names the measure.
    match before.split_whitespace().next_back().map(lower_word).as_deref() {
        Some("lost" | "loses" | "lose") => return Some("loss".to_string()),
        Some("earned" | "earns") => return Some("earnings".to_string()),
        _ => {}
    }
    // "the company's target of 54,000", "a dividend of €1.45": the noun
    // the figure is "of".
    let mut words_back =
        before.split_whitespace().rev().map(lower_word).skip_while(|w| {
            matches!(w.as_ref(), "about" | "roughly" | "nearly" | "almost" | "around" | "some")
        });
    if words_back.next().as_deref() == Some("of")
        && let Some(noun) = words_back.next()
        && (is_measure_noun(&noun) || is_change_noun(&noun))
    {
        return Some(bare(&noun).to_string());
    }
    let mut back = before.split_whitespace().rev().map(lower_word).take(5);
    let mut seen_verb = false;
    // "lift share buybacks by $2.5 billion": the noun a change is "by" or "to".
    let mut by_or_to = false;
    for w in back.by_ref() {
        match w.as_ref() {
            "to" | "by" => by_or_to = true,
            "about" | "roughly" | "nearly" | "almost" | "around" | "some" | "approximately" | "at"
            | "just" | "more" | "than" | "over" | "under" => continue,
            // "users, up 51%": "up" states the change as a verb would.
            verb if crate::extract::is_change_verb(verb)
                || matches!(
                    verb,
                    "was" | "were" | "reached" | "totaled" | "totalled" | "hit" | "came" | "up" | "down"
                ) =>
            {
                if seen_verb {
                    return None;
                }
                seen_verb = true;
            }
            noun if is_measure_noun(noun) && (seen_verb || by_or_to) => {
                return Some(bare(noun).to_string());
            }
            _ => break,
        }
    }
    shares_moved_in_clause(before)
}

/// "Hess shares rose about 1% in premarket trading to $162.50": a figure
/// in a clause where shares move is a share price, whatever words stand
/// between.
fn shares_moved_in_clause(before: &str) -> Option<String> {
    // Most sentences name no shares: one substring search settles them.
    if !(before.contains("hare") || before.contains("tock")) {
        return None;
    }
    let is_shares = |w: &str| w.eq_ignore_ascii_case("shares") || w.eq_ignore_ascii_case("stock");
    let clause = before.rsplit([',', ';']).next().unwrap_or(before);
    // "HPE's shares fell 9%, while Juniper's rose 22%": the shares of the
    // first clause are the second's too.
    let names_shares_here = clause.split_whitespace().any(is_shares);
    if !names_shares_here {
        let moved_here = clause.split_whitespace().any(is_move_verb);
        return (moved_here && before.split_whitespace().any(is_shares)).then(|| "shares".to_string());
    }
    let mut words = clause.split_whitespace();
    words.by_ref().find(|w| is_shares(w))?;
    words.any(is_move_verb).then(|| "shares".to_string())
}

/// A change stated as a noun: "an increase of 39 million", "a decline of 4%".
pub fn is_change_noun(w: &str) -> bool {
    matches!(
        bare(w),
        "increase" | "rise" | "decline" | "drop" | "fall" | "gain" | "jump" | "decrease" | "growth"
    )
}

/// A verb for a share price's move in a day's trading (lower case).
fn is_move_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "fell"
            | "closed"
            | "ended"
            | "traded"
            | "jumped"
            | "climbed"
            | "slid"
            | "dropped"
            | "gained"
            | "sank"
            | "surged"
            | "tumbled"
            | "soared"
            | "finished"
            | "opened"
    )
}

/// `w` in lower case; most words are already, and are not copied.
fn lower_word(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) { w.to_ascii_lowercase().into() } else { w.into() }
}

/// Can a fact of `attribute` be what `measure` ([`attached_measure`])
/// measures? It can when a word of the measure and a word or cue of the
/// attribute are one word, give or take an ending ("revenue" and
/// "annual_recurring_revenue", "fines" and "fine", "losses" and "loss").
pub fn measure_fits(measure: &str, attribute: &str) -> bool {
    let trim = |w: &str| bare(w).to_ascii_lowercase();
    let same_word = |a: &str, b: &str| {
        let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        a == b || (common >= 4 && common + 2 >= a.len().min(b.len()))
    };
    let measure_words: Vec<String> = measure.split_whitespace().map(trim).collect();
    // "Shares rose 2.3%": the stock moved; a market share is another measure.
    if let [only] = measure_words.as_slice()
        && matches!(only.as_str(), "shares" | "stock" | "stocks")
    {
        return ["share_price", "stock", "shares", "close", "open", "first_day", "trading"]
            .iter()
            .any(|w| attribute.contains(w));
    }
    let cue_words = attribute_cues(attribute).iter().flat_map(|c| c.split_whitespace());
    attribute.split('_').chain(cue_words).any(|w| {
        let w = trim(w);
        w.len() >= 3 && measure_words.iter().any(|m| same_word(m, &w))
    })
}

/// Does `attribute` count per `per` (a count's rate: "day", "month")?
/// "daily_active_users" counts per day; "trips" counts a period's total.
pub fn names_rate(attribute: &str, per: &str) -> bool {
    let adjective = match per {
        "day" => "daily",
        "week" => "weekly",
        "month" => "monthly",
        "year" => "annual",
        "quarter" => "quarterly",
        _ => return true,
    };
    attribute.split('_').any(|w| w == adjective || w == per || (per == "year" && w == "yearly"))
}

/// Can `attribute` hold an amount per share (a share price, an offer or
/// IPO price, earnings or a dividend per share)?
pub fn is_per_share(attribute: &str) -> bool {
    ["per_share", "price", "eps", "dividend"].iter().any(|w| attribute.contains(w))
}

/// Attributes that describe one dated event, tied by entity and object
/// (their `period` is the event's date); everything else is a measurement
/// for a period.
pub fn is_event_attribute(attribute: &str, fact: &Fact) -> bool {
    // A day that ends a quarter ("backlog ... 2023-12-31") is when a
    // measurement was taken, not the day something happened.
    let quarter_end = |p: &str| ["-03-31", "-06-30", "-09-30", "-12-31"].iter().any(|e| p.ends_with(e));
    is_event(attribute)
        || (!is_measurement(attribute)
            && fact.period.as_deref().is_some_and(|p| p.len() == 10 && !quarter_end(p)))
}

/// Attributes whose date is a beginning, which "since 2006" can name
/// ("public since 2002", "on sale since 2019").
pub fn is_beginning(attribute: &str) -> bool {
    matches!(
        attribute,
        "founded"
            | "launch"
            | "launched"
            | "ipo"
            | "listed"
            | "listing"
            | "renamed"
            | "released"
            | "opened"
            | "started"
            | "became_ceo"
            | "index_inclusion"
            | "acquisition_completed"
            // "has cost $139 a year since 2022": a price holds from a date.
            | "price"
    ) || attribute.ends_with("_launch")
        || attribute.ends_with("_launched")
}

/// Attributes that always describe one dated event (a deal, a fine, a
/// funding round), whatever the fact says.
pub fn is_event(attribute: &str) -> bool {
    matches!(
        attribute,
        "acquisition"
            | "price_per_share"
            | "investment"
            | "pledged"
            | "settlement"
            | "fine"
            | "ipo_price"
            | "ipo_raised"
            | "launch_price"
            | "share_repurchase_authorization"
            | "funding"
            | "lawsuit"
            | "compensation"
    )
}

fn is_measurement(attribute: &str) -> bool {
    matches!(
        attribute,
        "revenue"
            | "revenue_growth"
            | "net_income"
            | "employees"
            | "members"
            | "paid_memberships"
            | "subscribers"
            | "hosts"
            | "active_listings"
            | "deliveries"
            | "price"
            | "layoffs"
            | "layoffs_share"
            | "valuation"
            | "market_cap"
            | "units_sold"
            | "profit"
    ) || ["_users", "_sold", "_delivered", "_shipped", "_produced", "_installed", "_subscribers"]
        .iter()
        .any(|suffix| attribute.ends_with(suffix))
}

/// The present-tense forms of a one-word cue, as headlines write them:
/// "raised" and "raise" give "raises", "invest" gives "invests", "launch"
/// gives "launches". Words already in `-s` or `-ing` give nothing.
fn present_forms(cue: &str) -> Vec<String> {
    if cue.len() < 3
        || !cue.bytes().all(|b| b.is_ascii_lowercase())
        || cue.ends_with('s')
        || cue.ends_with("ing")
    {
        return Vec::new();
    }
    let third_person = |stem: &str| {
        if ["ch", "sh", "x", "z"].iter().any(|e| stem.ends_with(e)) {
            format!("{stem}es")
        } else {
            format!("{stem}s")
        }
    };
    match cue.strip_suffix("ed") {
        // "raised" -> "raise"; "invested" -> "invest"; "acquired" -> "acquire".
        // The text decides which stem is a word; the other never matches.
        Some(stem) if stem.len() >= 3 => vec![third_person(stem), third_person(&format!("{stem}e"))],
        Some(_) => Vec::new(),
        None => vec![third_person(cue)],
    }
}

/// The cues of a set of attributes in one automaton: one pass over a
/// sentence finds every cue of every attribute.
pub struct CueIndex {
    matcher: Option<aho_corasick::AhoCorasick>,
    /// For each pattern, its length and the attributes it cues.
    patterns: Vec<(usize, Vec<usize>)>,
    /// The attributes, by index.
    attributes: Vec<String>,
}

impl CueIndex {
    /// Index the cues of `attributes` (and the ledger's synonyms for them).
    pub fn new<'a>(attributes: impl IntoIterator<Item = &'a str>, synonyms: &[(String, String)]) -> Self {
        let mut attrs: Vec<String> = Vec::new();
        let mut by_cue: HashMap<String, Vec<usize>> = HashMap::new();
        for attribute in attributes {
            if attrs.iter().any(|a| a == attribute) {
                continue;
            }
            let id = attrs.len();
            attrs.push(attribute.to_string());
            let mut cues: Vec<String> = attribute_cues(attribute).iter().map(|s| (*s).to_string()).collect();
            if cues.is_empty() {
                cues.extend(attribute.split('_').filter(|w| w.len() > 2).map(str::to_string));
                cues.push(attribute.replace('_', " "));
            }
            // Present tenses of the listed cues, not of the words of an
            // attribute's name: "shares" is no cue of "share_repurchases".
            let inflected: Vec<String> =
                attribute_cues(attribute).iter().flat_map(|c| present_forms(c)).collect();
            cues.extend(inflected);
            cues.extend(synonyms.iter().filter(|(_, a)| a == attribute).map(|(s, _)| s.to_lowercase()));
            for cue in cues {
                let ids = by_cue.entry(cue).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut words: Vec<(String, Vec<usize>)> = by_cue.into_iter().collect();
        words.sort();
        let matcher = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| w.as_str()))
            .ok();
        let patterns = words.into_iter().map(|(w, ids)| (w.len(), ids)).collect();
        CueIndex { matcher, patterns, attributes: attrs }
    }

    /// For each attribute cued in `sentence`: (strength, distance) of its
    /// nearest cue to the claim at `claim_at..claim_at + claim_len`.
    /// Strength is 3 right next to the claim, 2 close to it, 1 elsewhere.
    pub(crate) fn scan(
        &self,
        sentence: &str,
        claim_at: usize,
        claim_len: usize,
    ) -> FnvMap<&str, (u32, usize)> {
        self.near(sentence, &self.hits(sentence), claim_at, claim_len)
    }

    /// Every cue in `sentence` that stands on word boundaries: (start,
    /// pattern). Claims of one sentence share them.
    pub(crate) fn hits(&self, sentence: &str) -> Vec<(usize, usize)> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let bytes = sentence.as_bytes();
        matcher
            .find_overlapping_iter(sentence)
            .filter(|hit| {
                let (at, end) = (hit.start(), hit.end());
                let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
                let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
                before_ok && after_ok
            })
            .map(|hit| (hit.start(), hit.pattern().as_usize()))
            .collect()
    }

    /// [`CueIndex::scan`] from the sentence's [`CueIndex::hits`].
    pub(crate) fn near(
        &self,
        sentence: &str,
        hits: &[(usize, usize)],
        claim_at: usize,
        claim_len: usize,
    ) -> FnvMap<&str, (u32, usize)> {
        let mut out: FnvMap<&str, (u32, usize)> = FnvMap::default();
        for &(at, pattern) in hits {
            let (len, ids) = &self.patterns[pattern];
            let dist = cue_gap(sentence, at, *len, claim_at, claim_len);
            let strength = if dist <= 40 {
                3
            } else if dist <= 90 {
                2
            } else {
                1
            };
            for &id in ids {
                let slot = out.entry(self.attributes[id].as_str()).or_insert((0, usize::MAX));
                slot.0 = slot.0.max(strength);
                slot.1 = slot.1.min(dist);
            }
        }
        out
    }
}

/// How far a cue at `at` is from the claim, in bytes. A cue inside the claim
/// ("per share" in "$196 per share") is next to it; a cue after the claim
/// counts double; a cue that a conjunction separates from the claim belongs
/// to another clause.
fn cue_gap(sentence: &str, at: usize, cue_len: usize, claim_at: usize, claim_len: usize) -> usize {
    let slice = |a: usize, b: usize| sentence.get(a.min(b)..b).unwrap_or("");
    if at >= claim_at && at < claim_at + claim_len {
        0
    } else if at < claim_at {
        let between = slice(at + cue_len, claim_at);
        let separated = [", and ", "; ", ", but ", ", while ", " although ", ", though "]
            .iter()
            .any(|c| between.contains(c));
        claim_at - (at + cue_len).min(claim_at) + if separated { 100 } else { 0 }
    } else {
        let between = slice(claim_at + claim_len, at);
        let separated = [" and ", " but ", ";", " while ", " after ", " before ", " although ", " though "]
            .iter()
            .any(|c| between.contains(c))
            // "Kamprad, who moved to Switzerland in 1976, died in 2018": a
            // claim inside a relative clause that closes before the cue.
            || (between.contains(", ") && {
                let before = slice(0, claim_at);
                [", who ", ", which "]
                    .iter()
                    .filter_map(|r| before.rfind(r))
                    .max()
                    .is_some_and(|open| !before[open + 2..].contains(", "))
            });
        (at - (claim_at + claim_len)) * 2 + if separated { 100 } else { 0 }
    }
}

/// Entity lookup over the ledger: exact names, aliases, normalized forms
/// ("Meta Platforms Inc." = "Meta Platforms"), then fuzzy names.
pub struct EntityResolver {
    /// Lower-cased name or alias → canonical entity.
    exact: FnvMap<String, String>,
    /// Normalized name → canonical entity.
    normalized: FnvMap<String, String>,
    /// Canonical names, for fuzzy matching.
    canonical: Vec<String>,
    /// Aliases as written in the ledger, with their canonical entity.
    surfaces: Vec<(String, String)>,
    /// Normalized canonical names by first character, for fuzzy matching:
    /// (normalized, index into `canonical`).
    fuzzy: HashMap<char, Vec<(String, usize)>>,
    /// Fuzzy answers already computed: subjects repeat across an archive.
    cache: std::sync::Mutex<HashMap<String, Option<usize>>>,
}

/// The ledger's names, before they are indexed: what both the resolver's
/// maps and the name automaton are built from, so that the two can be built
/// side by side.
struct LedgerNames {
    /// Lower-cased name or alias → canonical entity: the ledger's names and
    /// aliases only (the resolver adds the built-in and derived aliases).
    exact: FnvMap<String, String>,
    /// Canonical names, in ledger order.
    canonical: Vec<String>,
    /// Aliases (the ledger's, built-in ones, last names), with their canonical entity.
    surfaces: Vec<(String, String)>,
}

impl LedgerNames {
    /// Collect the ledger's names and aliases.
    fn new(ledger: &Ledger) -> Self {
        let mut exact = FnvMap::default();
        let mut canonical: Vec<String> = Vec::new();
        let mut surfaces = Vec::new();
        // A set beside the list: `canonical.contains` made loading quadratic in entities.
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for f in &ledger.facts {
            for name in std::iter::once(&f.entity).chain(f.object.as_ref()) {
                exact.entry(name.to_lowercase()).or_insert_with(|| name.to_string());
                if seen.insert(name) {
                    canonical.push(name.to_string());
                }
            }
        }
        for (alias, entity) in &ledger.aliases {
            let target = ledger.canonical_entity(entity).unwrap_or(entity).to_string();
            exact.insert(alias.to_lowercase(), target.clone());
            surfaces.push((alias.clone(), target));
        }
        // A built-in alias counts when the ledger knows its country.
        let builtin: Vec<(&str, &str)> = builtin_aliases()
            .iter()
            .copied()
            .filter(|(_, target)| exact.contains_key(&target.to_lowercase()))
            .collect();
        surfaces.extend(builtin.iter().map(|(alias, target)| (alias.to_string(), target.to_string())));
        // People are often named by their last name alone ("Nadella"), unless
        // the name is taken.
        for name in &canonical {
            if let Some(last) = person_last_name(name) {
                let lower = last.to_lowercase();
                if !exact.contains_key(&lower) && !builtin.iter().any(|(a, _)| a.to_lowercase() == lower) {
                    surfaces.push((last.to_string(), name.clone()));
                }
            }
        }
        LedgerNames { exact, canonical, surfaces }
    }
}

/// The name automaton over canonical names and aliases.
fn entity_index(canonical: &[String], surfaces: &[(String, String)]) -> EntityIndex {
    let mut pairs: Vec<(String, String)> = canonical.iter().map(|c| (c.clone(), c.clone())).collect();
    for (alias, entity) in surfaces {
        pairs.push((alias.clone(), entity.clone()));
        // "ad-supported tier" is also "the ad-supported one", "the ad-supported plan".
        if let Some(head) = descriptive_head(alias) {
            pairs.push((head.to_string(), entity.clone()));
        }
    }
    EntityIndex::new(pairs)
}

impl EntityResolver {
    /// Index the ledger's names.
    pub fn new(ledger: &Ledger) -> Self {
        Self::from_names(LedgerNames::new(ledger))
    }

    /// The resolver and the name automaton of a ledger, built side by side
    /// on the current rayon pool.
    pub fn with_index(ledger: &Ledger) -> (Self, EntityIndex) {
        let LedgerNames { exact, canonical, surfaces } = LedgerNames::new(ledger);
        let (index, (exact, normalized, fuzzy)) =
            rayon::join(|| entity_index(&canonical, &surfaces), || Self::maps(exact, &canonical, &surfaces));
        (EntityResolver { exact, normalized, canonical, surfaces, fuzzy, cache: Default::default() }, index)
    }

    fn from_names(names: LedgerNames) -> Self {
        let LedgerNames { exact, canonical, surfaces } = names;
        let (exact, normalized, fuzzy) = Self::maps(exact, &canonical, &surfaces);
        EntityResolver { exact, normalized, canonical, surfaces, fuzzy, cache: Default::default() }
    }

    /// The lookup maps: exact (with every alias), normalized, fuzzy.
    #[allow(clippy::type_complexity, reason = "the three maps of the resolver, by field")]
    fn maps(
        mut exact: FnvMap<String, String>,
        canonical: &[String],
        surfaces: &[(String, String)],
    ) -> (FnvMap<String, String>, FnvMap<String, String>, HashMap<char, Vec<(String, usize)>>) {
        // Normalized forms of the ledger's own names and aliases only.
        let normalized = exact.iter().map(|(k, v)| (normalize(k), v.clone())).collect();
        for (alias, target) in surfaces {
            exact.entry(alias.to_lowercase()).or_insert_with(|| target.clone());
        }
        let mut fuzzy: HashMap<char, Vec<(String, usize)>> = HashMap::new();
        for (i, c) in canonical.iter().enumerate() {
            let n = normalize(&c.to_lowercase());
            if let Some(first) = n.chars().next() {
                fuzzy.entry(first).or_default().push((n, i));
            }
        }
        (exact, normalized, fuzzy)
    }

    /// The canonical entity for a name written in an article.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        let lower = name.trim().to_lowercase();
        if let Some(e) = self.exact.get(&lower) {
            return Some(e);
        }
        if let Some(e) = self.normalized.get(&normalize(&lower)) {
            return Some(e);
        }
        // Fuzzy: one clear best above the threshold; never a name the ledger
        // knows as a different entity (checked above by exact lookup).
        let n = normalize(&lower);
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&n).copied()) {
            return hit.map(|i| self.canonical[i].as_str());
        }
        // Jaro-Winkler weighs the start of a name most: a clear match shares
        // its first letter, so only those names are scored.
        let mut scored: Vec<(f64, usize)> = n
            .chars()
            .next()
            .and_then(|first| self.fuzzy.get(&first))
            .map(|names| names.iter().map(|(c, i)| (strsim::jaro_winkler(&n, c), *i)).collect())
            .unwrap_or_default();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let hit = match scored.as_slice() {
            [(best, i), rest @ ..] if *best >= 0.94 && rest.first().is_none_or(|(s, _)| best - s > 0.03) => {
                Some(*i)
            }
            _ => None,
        };
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(n, hit);
        }
        hit.map(|i| self.canonical[i].as_str())
    }

    /// The surface names to look for in text, with their canonical entity.
    pub fn index(&self) -> EntityIndex {
        entity_index(&self.canonical, &self.surfaces)
    }
}

/// A country or region: a setting, never the subject of a company's fact.
pub fn is_place(name: &str) -> bool {
    builtin_aliases().iter().any(|(_, target)| *target == name)
}

/// The country or region a figure is limited to by the words right after
/// it ("7,000 people in the US", "$2 billion in China"), by its canonical
/// name.
pub fn region_after(sentence: &str, end: usize) -> Option<&'static str> {
    let rest = sentence.get(end..)?.strip_prefix(" in ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    const REGIONS: &[&str] = &[
        "United States",
        "United Kingdom",
        "European Union",
        "China",
        "Europe",
        "Japan",
        "India",
        "Germany",
        "France",
        "Canada",
        "Brazil",
        "Mexico",
        "Australia",
        "Asia",
        "Africa",
        "Latin America",
        "North America",
        "South Korea",
        "Italy",
        "Spain",
        "Russia",
        "Middle East",
    ];
    let fits = |name: &str| {
        rest.starts_with(name)
            && rest[name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-')
    };
    builtin_aliases()
        .iter()
        .find(|(alias, _)| fits(alias))
        .map(|(_, place)| *place)
        .or_else(|| REGIONS.iter().copied().find(|r| fits(r)))
}

/// Country names that articles abbreviate.
fn builtin_aliases() -> &'static [(&'static str, &'static str)] {
    &[
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("EU", "European Union"),
    ]
}

/// "Satya Nadella" → "Nadella": two capitalized words that look like a
/// person's name (no digits, no corporate word, a last name of four letters or more).
fn person_last_name(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, last] = words.as_slice() else { return None };
    let corporate = [
        "Market",
        "Foods",
        "Group",
        "Labs",
        "Motors",
        "Systems",
        "Media",
        "Capital",
        "Partners",
        "Platforms",
        "Technologies",
        "Bank",
        "Plus",
        "Pro",
        "Premium",
    ];
    let name_like = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_lowercase())
            && w.len() >= 3
    };
    (name_like(first) && name_like(last) && last.len() >= 4 && !corporate.contains(last)).then_some(*last)
}

/// The descriptive part of a lower-case alias ending in a generic noun:
/// "ad-supported tier" → "ad-supported".
fn descriptive_head(alias: &str) -> Option<&str> {
    if alias.chars().next().is_none_or(char::is_uppercase) {
        return None;
    }
    let (head, last) = alias.rsplit_once(' ')?;
    let generic = matches!(
        last,
        "tier" | "plan" | "version" | "model" | "service" | "product" | "app" | "unit" | "option" | "package"
    );
    (generic && head.len() >= 6 && !head.contains(' ') && head.contains('-')).then_some(head)
}

/// Lower-case, drop a possessive, corporate suffixes and "the".
pub fn normalize(name: &str) -> String {
    let mut s = name.to_lowercase().replace(['’', '\''], "'");
    for suffix in ["'s", "'"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.to_string();
        }
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.trim_end_matches('.'),
                "inc"
                    | "corp"
                    | "corporation"
                    | "ltd"
                    | "llc"
                    | "plc"
                    | "co"
                    | "the"
                    | "company"
                    | "group"
                    | "holdings"
                    | "sa"
                    | "ag"
                    | "nv"
            )
        })
        .collect();
    words.join(" ")
}

/// Where the claim sits in its (whitespace-normalized) sentence.
pub fn claim_offset_in_sentence(claim: &Claim) -> usize {
    let t = claim.text.as_str();
    // Most claims are written with single spaces already: no need to rebuild them.
    let normalized = !t.starts_with(' ')
        && !t.ends_with(' ')
        && !t.contains("  ")
        && !t.chars().any(|c| c.is_whitespace() && c != ' ');
    let rebuilt: String;
    let text = if normalized {
        t
    } else {
        rebuilt = t.split_whitespace().collect::<Vec<_>>().join(" ");
        &rebuilt
    };
    // memchr's search is set up faster than `str::find`'s for one short needle.
    memchr::memmem::find(claim.sentence.as_bytes(), text.as_bytes()).unwrap_or_else(|| {
        let mut mid = claim.sentence.len() / 2;
        while !claim.sentence.is_char_boundary(mid) {
            mid -= 1;
        }
        mid
    })
}
