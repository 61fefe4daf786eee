//! A deterministic, news-like corpus for benchmarks: no downloads, same bytes
//! for the same seed on every machine.
//!
//! Sentences mix company names, money ("$14.3 billion", "€7.2bn", "£50.5m"),
//! percentages, dates ("June 13, 2016", "in 2022", "last year"), counts
//! ("86,482 employees") and word numbers ("two years") with plain prose, at
//! roughly one figure per one to two sentences. The same articles render as
//! plain text, Markdown (headings, bold figures, lists, links, code, tables)
//! or HTML (entities, `<b>`, `<time>`, scripts and styles to skip).
//!
//! Shared by `benches/extract.rs` and `examples/gen_corpus.rs`.

use std::fmt::Write as _;

use claimcheck_core::input::InputFormat;

/// The speed floor for extraction: digits, currency signs, percent signs and
/// month names. Every claim the extractor finds starts at or near one of these,
/// so one pass of this regex is the least work any extractor has to do.
pub const BASELINE_REGEX: &str = r"(?-u:\b)[0-9][0-9,.]*|\$|€|£|¥|%|(?i:january|february|march|april|may|june|july|august|september|october|november|december)";

/// A fuller floor: one regex for the claim forms themselves, each branch a
/// kind the extractor finds (qualified money, numbers and percentages with
/// scale words and units, ranges, number words with their unit, ordinals,
/// month dates, weekdays, relative dates). ASCII word boundaries, as the
/// fast engines need. It runs about as fast as [`BASELINE_REGEX`]: the lazy
/// DFA's cost is per byte, not per branch.
pub fn claim_regex() -> String {
    let words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\
                 sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|\
                 hundred|thousand|million|billion|trillion";
    let qualifiers = "about|around|roughly|approximately|some|nearly|almost|close to|more than|over|above|\
                      exceeding|at least|no fewer than|up to|as much as|as many as|less than|under|below|fewer than";
    let scales = "thousand|million|billion|trillion|k|m|mn|bn|b|tn";
    let units = "%|per ?cent|percent|percentage points?|basis points?|points?|dollars|euros|pounds|yen|won|\
                 yuan|rupees|usd|eur|gbp|jpy|km|kilometers|kilometres|miles|kg|kilograms|tonnes|tons|mw|gw|\
                 kwh|mwh|gwh|twh|barrels|litres|liters|gallons|square feet|acres|hectares|years?|months?|\
                 weeks?|days?|hours?|minutes?|decades?|quarters?";
    let months = "january|february|march|april|may|june|july|august|september|october|november|december|\
                  jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
    let b = "(?-u:\\b)";
    format!(
        "(?i)(?:{b}(?:{qualifiers})\\s+)?(?:\
         (?:(?:US|C|A|HK|NZ|S)?\\$|€|£|¥|₩|₹|{b}(?:usd|eur|gbp|jpy|cny|inr|chf)\\s?)?{b}[0-9][0-9,]*(?:\\.[0-9]+)?\
         (?:\\s?(?:{scales}){b})?(?:\\s?(?:{units}){b})?\
         (?:\\s?(?:-|–|to|and)\\s?[$€£¥]?[0-9][0-9,]*(?:\\.[0-9]+)?(?:\\s?(?:{scales}){b})?)?\
         |{b}(?:(?:a|an)\\s+)?(?:{words}|dozen|half|third|quarter)(?:[\\s-]+(?:and\\s+)?(?:{words}))*{b}\
         (?:\\s+(?:{units}){b})?\
         |{b}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(?:st|nd|rd|th)){b}\
         |{b}(?:{months}){b}\\.?(?:\\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)?(?:,?\\s+[0-9]{{4}})?\
         |{b}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow){b}\
         |{b}(?:last|next|this|a)\\s+(?:year|month|week|quarter|decade)(?:\\s+ago)?{b})"
    )
}

/// SplitMix64: tiny, fast and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The companies the articles name (the ledger generator writes facts about them).
pub const COMPANIES: &[&str] = &[
    "Meta",
    "Microsoft",
    "LinkedIn",
    "Airbnb",
    "Netflix",
    "Spotify",
    "Tesla",
    "Amazon",
    "Whole Foods",
    "OpenAI",
    "Scale AI",
    "AT&T",
    "Time Warner",
    "Johnson & Johnson",
    "Nokia",
    "Skype",
    "WhatsApp",
    "Instagram",
    "Alphabet",
    "Nvidia",
    "Siemens",
    "Unilever",
    "BP",
    "Rio Tinto",
    "SoftBank",
];
const PEOPLE: &[&str] = &[
    "Satya Nadella",
    "Mark Zuckerberg",
    "Daniel Ek",
    "Reed Hastings",
    "Elon Musk",
    "Andy Jassy",
    "Sam Altman",
    "Brian Chesky",
    "Jensen Huang",
    "Lisa Su",
];
const CITIES: &[&str] =
    &["San Francisco", "Seattle", "Stockholm", "London", "Redmond", "Austin", "Berlin", "Tokyo", "Paris"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WORD_NUMBERS: &[&str] =
    &["two", "three", "four", "five", "six", "ten", "twelve", "fourteen", "twenty", "a dozen"];
const UNITS: &[&str] = &["years", "months", "quarters", "weeks", "deals", "products", "markets"];
const NOUNS: &[&str] = &["employees", "users", "subscribers", "stores", "vehicles", "members", "customers"];
const VERBS: &[&str] = &["paid", "agreed to pay", "invested", "raised", "spent", "offered", "earned"];
const METRICS: &[&str] = &["revenue", "net income", "operating profit", "sales", "free cash flow"];
const FILLER: &[&str] = &[
    "Analysts said the move was widely expected.",
    "The company did not respond to a request for comment.",
    "Shares moved little in early trading.",
    "Regulators on both sides of the Atlantic are watching closely.",
    "The deal still needs approval from shareholders.",
    "Executives described the quarter as a turning point for the business.",
    "Critics argue that the strategy depends too heavily on advertising.",
    "The announcement came after months of speculation in the trade press.",
    "Investors have long questioned whether the unit can turn a steady profit.",
    "People familiar with the matter said talks had stalled more than once.",
    "It is the latest sign that the industry is consolidating.",
    "Competition for engineers remains fierce across the sector.",
];

/// How many figures the articles carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// A figure in most sentences, short sentences: about 17,500 claims per
    /// MB. A stress test: the extractor's work is mostly per claim.
    Dense,
    /// News-like: a figure in about one sentence in five, the rest varied
    /// prose of news length (names, quotes, attributions), about 3,000 claims
    /// per MB, near the seed article (2,300 per MB) and the project's research
    /// notes (4,300 per MB).
    News,
}

impl Density {
    /// Parse `dense` or `news`.
    pub fn parse(s: &str) -> Option<Density> {
        match s {
            "dense" => Some(Density::Dense),
            "news" => Some(Density::News),
            _ => None,
        }
    }
}

const OPENERS: &[&str] = &[
    "Executives at {c}",
    "People familiar with the matter",
    "Analysts at {c}",
    "{p}",
    "Critics of the plan",
    "The company's board",
    "Several longtime investors",
    "Regulators in {city}",
    "A spokesperson for {c}",
    "Engineers who worked on the project",
    "Rivals such as {c}",
    "Union representatives in {city}",
];
const VERBS_SAID: &[&str] = &[
    "said",
    "argued",
    "warned",
    "told reporters",
    "wrote in a note to clients",
    "acknowledged",
    "suggested",
    "have long maintained",
    "insisted on Tuesday",
];
const CLAIMS_MADE: &[&str] = &[
    "that the strategy depends too heavily on advertising",
    "that talks with {c} had stalled more than once",
    "the market for cloud services was cooling faster than expected",
    "the decision reflected pressure from shareholders and customers alike",
    "its engineers were focused on reliability rather than new features",
    "the deal could face scrutiny from competition authorities in {city}",
    "that hiring would slow while the company reviewed its priorities",
    "the product had struggled to find an audience outside the United States",
    "that the partnership with {c} would give both sides access to new customers",
    "the restructuring was meant to simplify how teams report to management",
    "that demand from corporate customers remained stronger than from consumers",
    "the lawsuit filed by {c} was without merit",
];
const TAILS: &[&str] = &[
    "",
    ", according to a statement",
    " in an interview",
    ", though details remain scarce",
    " during a call with analysts",
    " after markets closed in New York",
    ", declining to elaborate",
    " at a conference in {city}",
];

/// A prose sentence of news length with no figure in it.
fn prose(r: &mut Rng) -> String {
    let fill = |r: &mut Rng, t: &str| {
        t.replace("{c}", r.pick(COMPANIES)).replace("{p}", r.pick(PEOPLE)).replace("{city}", r.pick(CITIES))
    };
    let template = r.pick(OPENERS);
    let opener = fill(r, template);
    let said = r.pick(VERBS_SAID);
    let template = r.pick(CLAIMS_MADE);
    let claim = fill(r, template);
    let template = r.pick(TAILS);
    let tail = fill(r, template);
    format!("{opener} {said} {claim}{tail}.")
}

/// A piece of a sentence: prose, or a figure the extractor should find.
enum Piece {
    Prose(String),
    Figure(String),
}

fn money(r: &mut Rng) -> String {
    let whole = 1 + r.below(999);
    let frac = r.below(10);
    match r.below(6) {
        0 => format!("${whole}.{frac} billion"),
        1 => format!("${whole} million"),
        2 => format!("€{whole}.{frac}bn"),
        3 => format!("£{whole}.{frac}m"),
        4 => format!("US${whole}.{frac} billion"),
        _ => format!("${whole},{:03}", r.below(1000)),
    }
}

fn date(r: &mut Rng) -> String {
    let year = 1995 + r.below(31);
    match r.below(6) {
        0 => format!("{} {}, {year}", r.pick(MONTHS), 1 + r.below(28)),
        1 => format!("{} {} {year}", 1 + r.below(28), r.pick(MONTHS)),
        2 => format!("in {year}"),
        3 => format!("in {} {year}", r.pick(MONTHS)),
        4 => "last year".to_owned(),
        _ => format!("on {} {}", r.pick(MONTHS), 1 + r.below(28)),
    }
}

fn percent(r: &mut Rng) -> String {
    match r.below(3) {
        0 => format!("{}%", 1 + r.below(99)),
        1 => format!("{}.{}%", r.below(60), r.below(10)),
        _ => format!("{} per cent", 1 + r.below(99)),
    }
}

fn count(r: &mut Rng) -> String {
    match r.below(3) {
        0 => format!("{},{:03} {}", 1 + r.below(300), r.below(1000), r.pick(NOUNS)),
        1 => format!("{}.{} million {}", 1 + r.below(900), r.below(10), r.pick(NOUNS)),
        _ => format!("{} {}", 10 + r.below(990), r.pick(NOUNS)),
    }
}

fn sentence(r: &mut Rng, density: Density) -> Vec<Piece> {
    use Piece::{Figure as F, Prose as P};
    if density == Density::News && r.chance(75) {
        return vec![P(prose(r))];
    }
    let c = r.pick(COMPANIES).to_owned();
    match r.below(10) {
        0 => {
            vec![P(format!("{c} {} ", r.pick(VERBS))), F(money(r)), P(format!(" for {}.", r.pick(COMPANIES)))]
        }
        1 => vec![
            P(format!("Full-year {} at {c} rose ", r.pick(METRICS))),
            F(percent(r)),
            P(" to ".into()),
            F(money(r)),
            P(".".into()),
        ],
        2 => vec![P(format!("{c} was founded ")), F(date(r)), P(format!(" in {}.", r.pick(CITIES)))],
        3 => vec![
            P("The group ended the year with ".into()),
            F(count(r)),
            P(", ".into()),
            F(date(r)),
            P(".".into()),
        ],
        4 => vec![
            P(format!("{} said the plan would take ", r.pick(PEOPLE))),
            F(format!("{} {}", r.pick(WORD_NUMBERS), r.pick(UNITS))),
            P(".".into()),
        ],
        5 => vec![
            P(format!("According to {}, {c} now has more than ", r.pick(PEOPLE))),
            F(count(r)),
            P(" worldwide.".into()),
        ],
        6 => vec![
            P(format!("{c} agreed ")),
            F(date(r)),
            P(" to buy a stake valued at about ".into()),
            F(money(r)),
            P(".".into()),
        ],
        _ => vec![P(r.pick(FILLER).to_owned())],
    }
}

struct Article {
    title: Vec<Piece>,
    date: (usize, usize, usize),
    paragraphs: Vec<Vec<Vec<Piece>>>,
}

fn article(r: &mut Rng, density: Density) -> Article {
    let title = vec![
        Piece::Prose(format!("{} to buy {} for ", r.pick(COMPANIES), r.pick(COMPANIES))),
        Piece::Figure(money(r)),
    ];
    let date = (2000 + r.below(26), 1 + r.below(12), 1 + r.below(28));
    let paragraphs =
        (0..3 + r.below(6)).map(|_| (0..2 + r.below(5)).map(|_| sentence(r, density)).collect()).collect();
    Article { title, date, paragraphs }
}

fn plain(pieces: &[Piece], out: &mut String) {
    for p in pieces {
        match p {
            Piece::Prose(s) | Piece::Figure(s) => out.push_str(s),
        }
    }
}

fn markdown(r: &mut Rng, pieces: &[Piece], out: &mut String) {
    for p in pieces {
        match p {
            Piece::Figure(s) if r.chance(15) => {
                let _ = write!(out, "**{s}**");
            }
            Piece::Prose(s) if r.chance(3) => {
                let _ = write!(out, "{s} ([source](https://example.com/news/{}))", r.below(100_000));
            }
            Piece::Prose(s) | Piece::Figure(s) => out.push_str(s),
        }
    }
}

fn html(r: &mut Rng, pieces: &[Piece], out: &mut String) {
    for p in pieces {
        match p {
            Piece::Figure(s) if r.chance(15) => {
                out.push_str("<b>");
                html_escaped(r, s, out);
                out.push_str("</b>");
            }
            Piece::Prose(s) | Piece::Figure(s) => html_escaped(r, s, out),
        }
    }
}

fn html_escaped(r: &mut Rng, s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '€' if r.chance(30) => out.push_str("&euro;"),
            ' ' if r.chance(2) => out.push_str("&nbsp;"),
            '\'' => out.push_str("&#8217;"),
            c => out.push(c),
        }
    }
}

fn render(r: &mut Rng, a: &Article, format: InputFormat, out: &mut String) {
    let (y, m, d) = a.date;
    match format {
        InputFormat::Text => {
            plain(&a.title, out);
            let _ = write!(out, "\n\n{} {d}, {y}\n\n", MONTHS[m - 1]);
            for p in &a.paragraphs {
                for (i, s) in p.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    plain(s, out);
                }
                out.push_str("\n\n");
            }
        }
        InputFormat::Markdown => {
            out.push_str("# ");
            plain(&a.title, out);
            let _ = write!(out, "\n\n*Published {y}-{m:02}-{d:02} · {} min read*\n\n", 2 + r.below(8));
            for (n, p) in a.paragraphs.iter().enumerate() {
                match n % 5 {
                    2 => {
                        for s in p {
                            out.push_str("- ");
                            markdown(r, s, out);
                            out.push('\n');
                        }
                    }
                    4 if r.chance(40) => {
                        out.push_str("| Year | Revenue |\n|---|---|\n");
                        let _ = writeln!(out, "| {} | {} |", y - 1, money(r));
                        let _ = writeln!(out, "| {y} | {} |", money(r));
                        out.push_str("\n```\nquery --year 2023 --limit 500\n```\n");
                    }
                    _ => {
                        // Hard-wrapped prose, as editors save it.
                        for (i, s) in p.iter().enumerate() {
                            if i > 0 {
                                out.push(if i % 2 == 0 { '\n' } else { ' ' });
                            }
                            markdown(r, s, out);
                        }
                    }
                }
                out.push_str("\n\n");
            }
        }
        InputFormat::Html => {
            out.push_str("<article>\n<h1>");
            html(r, &a.title, out);
            let _ = writeln!(
                out,
                "</h1>\n<p class=\"byline\">By a staff writer &middot; <time datetime=\"{y}-{m:02}-{d:02}\">{} {d}, {y}</time></p>",
                MONTHS[m - 1]
            );
            for (n, p) in a.paragraphs.iter().enumerate() {
                if n == 1 {
                    out.push_str("<script>window.dataLayer.push({price: 14.99, year: 2023});</script>\n");
                }
                out.push_str("<p>");
                for (i, s) in p.iter().enumerate() {
                    if i > 0 {
                        out.push(if i % 3 == 0 { '\n' } else { ' ' });
                    }
                    html(r, s, out);
                }
                out.push_str("</p>\n");
            }
            out.push_str("</article>\n");
        }
    }
}

/// About `bytes` bytes (at least) of dense articles in `format`, the same for the same `seed`.
pub fn generate(seed: u64, bytes: usize, format: InputFormat) -> String {
    generate_with(seed, bytes, format, Density::Dense)
}

/// About `bytes` bytes (at least) of articles in `format` with figures at
/// `density`, the same for the same `seed`.
pub fn generate_with(seed: u64, bytes: usize, format: InputFormat, density: Density) -> String {
    // Content and markup draw from separate streams, so every format carries
    // the same articles.
    let mut r = Rng(seed);
    let mut style = Rng(seed ^ 0x5EED_5EED_5EED_5EED);
    let mut out = String::with_capacity(bytes + 4096);
    if format == InputFormat::Html {
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>News</title>\n<style>p { margin: 0 0 1em; width: 50%; }</style>\n</head>\n<body>\n");
    }
    while out.len() < bytes {
        let a = article(&mut r, density);
        render(&mut style, &a, format, &mut out);
    }
    if format == InputFormat::Html {
        out.push_str("</body>\n</html>\n");
    }
    out
}
