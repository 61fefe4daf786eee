//! Table-driven tests of the whole extractor, one row per form.

use super::*;
use crate::input::InputFormat;

fn extract(text: &str, reference: Option<&str>) -> Vec<Claim> {
    let doc = Document::new("t.txt", text, InputFormat::Text);
    let options = ExtractOptions {
        reference_date: reference
            .map(|r| chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d").expect("test date")),
        default_currency: None,
        ignore_dateline: false,
    };
    Extractor::new().extract(&doc, &options)
}

fn summary(c: &Claim) -> (ClaimKind, String, String, Option<String>) {
    let value = match &c.value {
        ClaimValue::Number(n) => crate::claim::format_number(*n),
        ClaimValue::Date(d) => d.clone(),
    };
    let value = match &c.high {
        Some(h) => format!("{value}..{h}"),
        None => value,
    };
    (c.kind, c.text.clone(), value, c.unit.clone())
}

#[test]
fn kinds_values_and_units() {
    use ClaimKind::*;
    let cases: &[(&str, ClaimKind, &str, &str, Option<&str>)] = &[
        ("Meta invested $14 billion in Scale AI.", Money, "$14 billion", "14000000000", Some("USD")),
        (
            "It raised fourteen billion dollars.",
            Money,
            "fourteen billion dollars",
            "14000000000",
            Some("USD"),
        ),
        ("a fine of £50.5m was paid", Money, "£50.5m", "50500000", Some("GBP")),
        ("It agreed to pay €7.2 billion", Money, "€7.2 billion", "7200000000", Some("EUR")),
        ("at US$8.45 billion", Money, "US$8.45 billion", "8450000000", Some("USD")),
        ("worth 13.2 billion euros", Money, "13.2 billion euros", "13200000000", Some("EUR")),
        ("plans from $10 to $120 per month", Money, "from $10 to $120 per month", "10..120", Some("USD")),
        (
            "between $7.99 and $24.99 per month",
            Money,
            "between $7.99 and $24.99 per month",
            "7.99..24.99",
            Some("USD"),
        ),
        ("It has 1,200 employees.", Number, "1,200 employees", "1200", Some("employees")),
        (
            "more than 500 million members",
            Number,
            "more than 500 million members",
            "500000000",
            Some("members"),
        ),
        ("revenue grew 16 per cent", Percent, "16 per cent", "16", Some("%")),
        ("up 3 percentage points", Percent, "3 percentage points", "3", Some("pp")),
        ("Shares jumped 47 percent.", Percent, "47 percent", "47", Some("%")),
        ("Founded by David Holz in 2022, it grew.", Date, "2022", "2022", None),
        ("within two years", Duration, "within two years", "2", Some("year")),
        ("over a decade", Duration, "over a decade", "10", Some("year")),
        ("the third-largest bank", Ordinal, "third", "3", None),
        ("500,000 barrels a day", Quantity, "500,000 barrels a day", "500000", Some("bbl")),
        ("a 2.5-mile stretch", Quantity, "2.5-mile", "2.5", Some("mi")),
        ("It reported revenue of nearly $3 billion.", Money, "nearly $3 billion", "3000000000", Some("USD")),
        (
            "Netflix ended 2024 with 301.63 million paid memberships",
            Number,
            "301.63 million paid memberships",
            "301630000",
            Some("memberships"),
        ),
        // An article before a scale word counts one of it.
        ("More than a million people fled.", Number, "More than a million people", "1000000", Some("people")),
        ("It sold a billion euros of bonds.", Money, "a billion euros", "1000000000", Some("EUR")),
        // An article before a currency sign leaves the sign to the figure.
        ("Ministers unveiled a £30bn rescue package.", Money, "£30bn", "30000000000", Some("GBP")),
        ("It signed an €80m deal.", Money, "€80m", "80000000", Some("EUR")),
        ("a $1.5-billion bond", Money, "$1.5-billion", "1500000000", Some("USD")),
        ("a 2-million-strong army", Number, "2-million", "2000000", None),
        ("RMB 300", Money, "RMB 300", "300", Some("CNY")),
        ("10,000 South Korean won", Money, "10,000 South Korean won", "10000", Some("KRW")),
        ("300 South African rand", Money, "300 South African rand", "300", Some("ZAR")),
        ("forty-five (45) days", Duration, "forty-five (45) days", "45", Some("day")),
        ("a 10-percent stake", Percent, "10-percent", "10", Some("%")),
        ("a 2-percentage-point drop", Percent, "2-percentage-point", "2", Some("pp")),
        ("It slipped half a percent.", Percent, "half a percent", "0.5", Some("%")),
        ("It will take a year.", Duration, "a year", "1", Some("year")),
        ("He waited a day before calling.", Duration, "a day", "1", Some("day")),
        ("Prices doubled in a decade.", Duration, "a decade", "10", Some("year")),
        ("An hour.", Duration, "An hour", "1", Some("hour")),
        ("They held an hour-long meeting.", Duration, "an hour", "1", Some("hour")),
        ("It was the hundredth time.", Ordinal, "hundredth", "100", None),
        ("She was the 1,000th visitor.", Ordinal, "1,000th", "1000", None),
        ("50 ft³ of gas", Quantity, "50 ft³", "50", Some("ft3")),
        ("50 ft3 of gas", Quantity, "50 ft3", "50", Some("ft3")),
        ("65 miles an hour", Quantity, "65 miles an hour", "65", Some("mph")),
        ("The memo is dated 2019-7-4.", Date, "2019-7-4", "2019-07-04", None),
        ("Shares fell 40 cents to $12.35.", Money, "40 cents", "0.4", Some("USD")),
        ("Shares fell 40 cents to $12.35.", Money, "$12.35", "12.35", Some("USD")),
        ("Sales grew 10 to 15 percent.", Percent, "10 to 15 percent", "10..15", Some("%")),
        (
            "It has shrunk by about $1.8 trillion to $7.1 trillion.",
            Money,
            "$7.1 trillion",
            "7100000000000",
            Some("USD"),
        ),
        ("It paid $10.7 billion two years later.", Money, "$10.7 billion", "10700000000", Some("USD")),
        // Second peer-style probe.
        ("Tickets cost $40–$60.", Money, "$40–$60", "40..60", Some("USD")),
        ("Delivery takes 3–5 days.", Duration, "3–5 days", "3..5", Some("day")),
        ("10-15 people were waiting outside.", Number, "10-15 people", "10..15", Some("people")),
        ("Expect 10–12 inches of snow.", Quantity, "10–12 inches", "10..12", Some("in")),
        ("It rained for three straight years.", Duration, "three straight years", "3", Some("year")),
        ("Wait two more weeks.", Duration, "two more weeks", "2", Some("week")),
        ("It was −40 degrees.", Number, "−40 degrees", "-40", Some("degrees")),
        ("He served 4½ years in prison.", Duration, "4½ years", "4.5", Some("year")),
        ("Pour in 1 ½ cups of milk.", Quantity, "1 ½ cups", "1.5", Some("cup")),
        ("500 Kenyan shillings", Money, "500 Kenyan shillings", "500", Some("KES")),
        ("300 New Taiwan dollars", Money, "300 New Taiwan dollars", "300", Some("TWD")),
        ("500,000 Costa Rican colones", Money, "500,000 Costa Rican colones", "500000", Some("CRC")),
        ("100 Moroccan dirhams", Money, "100 Moroccan dirhams", "100", Some("MAD")),
        ("10 euro cents", Money, "10 euro cents", "0.1", Some("EUR")),
        ("50 US cents", Money, "50 US cents", "0.5", Some("USD")),
        ("Massages start at ฿300.", Money, "฿300", "300", Some("THB")),
        ("Inflation was 2.1pc.", Percent, "2.1pc", "2.1", Some("%")),
        ("The island covers 120 sq. km.", Quantity, "120 sq. km", "120", Some("km2")),
        ("Output fell to 800,000 bbls a day.", Quantity, "800,000 bbls a day", "800000", Some("bbl")),
        ("Its 2022 sales rose 5%.", Date, "2022", "2022", None),
        ("2024 results will be published in March.", Date, "2024", "2024", None),
        ("The 2019 report found serious problems.", Date, "2019", "2019", None),
        ("It will create 2000 new jobs.", Number, "2000 new jobs", "2000", Some("jobs")),
        ("The report is due 22/06.", Date, "22/06", "2025-06-22", None),
        ("The lake is a mile and a half wide.", Quantity, "a mile and a half", "1.5", Some("mi")),
        (
            "The shop is three quarters of a mile away.",
            Quantity,
            "three quarters of a mile",
            "0.75",
            Some("mi"),
        ),
    ];
    for (text, kind, claim_text, value, unit) in cases {
        let claims = extract(text, Some("2025-08-22"));
        let found = claims.iter().map(summary).find(|c| c.0 == *kind && c.1 == *claim_text);
        assert!(
            found.as_ref().is_some_and(|c| c.2 == *value && c.3.as_deref() == *unit),
            "{text:?}: want {kind:?} {claim_text:?} = {value} {unit:?}; got {:?}",
            claims.iter().map(summary).collect::<Vec<_>>()
        );
    }
}

#[test]
fn relative_dates_resolve_against_the_reference() {
    let cases: &[(&str, &str, &str)] = &[
        ("announced on the 22nd (local time)", "the 22nd", "2025-08-22"),
        ("In June, Midjourney launched V1.", "June", "2025-06"),
        ("It made a loss last year.", "last year", "2024"),
        ("Exactly ten years ago today, it happened.", "ten years ago today", "2015-08-22"),
        ("The deal closed on Monday.", "Monday", "2025-08-18"),
        ("a month without a year: in September", "September", "2024-09"),
        ("A year ago it was small.", "A year ago", "2024"),
        ("Two decades ago it began.", "Two decades ago", "2005"),
        ("Founded in April 2023, two months later it raised money.", "two months later", "2023-06"),
        ("It began in May 2020; six months after that it closed.", "six months after that", "2020-11"),
        ("It listed in 2019 and a year later it split.", "a year later", "2020"),
        // A year inside a relative clause, or before "and" and a new verb,
        // does not date a month after it.
        ("Pfizer, which was started in 1849, closed the deal in December.", "December", "2024-12"),
        ("It paid $41 billion for XTO in 2010 and agreed in July to buy Denbury.", "July", "2025-07"),
        ("In 2023, it cut prices in March.", "March", "2023-03"),
        // "the next day", "the following month" count from the anchor too.
        (
            "A panel blew out on January 5, 2024. The next day, jets were grounded.",
            "The next day",
            "2024-01-06",
        ),
        (
            "It launched in March 2021 and the following month it raised money.",
            "the following month",
            "2021-04",
        ),
        // Days and weeks count from a day the text gave.
        ("It agreed on March 3, 2021. Five days later it closed.", "Five days later", "2021-03-08"),
        ("It opened on June 1, 2020; two weeks before that it hired.", "two weeks before that", "2020-05-18"),
        // A month before the sentence's own month comes the next year.
        ("Iger, who returned in November 2022, announced job cuts in February.", "February", "2023-02"),
        // A deadline in a sentence about what will happen is the next one.
        ("The company will finish the plant by March.", "March", "2026-03"),
        ("By March, sales had fallen.", "March", "2025-03"),
    ];
    // Without a day to count from, or back from today, days stay durations.
    for text in ["Two weeks later it launched.", "It happened three days ago."] {
        assert!(extract(text, Some("2025-08-22")).iter().all(|c| c.kind == ClaimKind::Duration), "{text}");
    }
    for (text, claim_text, value) in cases {
        let claims = extract(text, Some("2025-08-22"));
        assert!(
            claims.iter().any(|c| c.text == *claim_text && c.value == ClaimValue::Date(value.to_string())),
            "{text:?}: want {claim_text:?} = {value}; got {:?}",
            claims.iter().map(summary).collect::<Vec<_>>()
        );
    }
}

#[test]
fn not_claims() {
    for text in [
        "iOS 17 is out",
        "GPT-4 was trained",
        "The Boeing 737 flew.",
        "COVID-19 hit",
        "Call 650-650-6500 now",
        "We met at 8:30 a.m. today",
        "See https://example.com/2023/report-14 for more",
        "Write to press2023@example.com",
        "It runs Windows 10.",
        "The S&P 500 rose",
        "Deliveries of its 737 Max jets slowed.",
        "BMW showed the 5 Series.",
        "Only Premium streams in 4K.",
        "It sells 8K TVs.",
        "One banker said offers were possible.",
        "One person familiar with the matter declined to comment.",
        "\"One day I'd like a bakery,\" she said.",
        "It set a Formula One record.",
        "Group of Seven leaders agreed.",
        "It was the largest invasion of the Second World War.",
        "They marched down 14th Street toward Fifth Avenue.",
        "The yield on the 10-year Treasury note slipped.",
        "Call Crimestoppers on 0800 555 111 now.",
        "The old number, 1-800-273-8255, is gone.",
        "The demands: (1) a pay rise; (2) an end to cuts.",
        "Two people familiar with the matter said so.",
        "The two companies described the deal.",
        "Alibaba's shares (9988.HK) fell.",
        "Employees' 401(k) matches were cut.",
        "Shares of 7-Eleven's parent fell.",
        "It filed a 10-K report.",
        "Shares traded at 0900 GMT.",
        "No one knows what happened.",
        "She exercises twice a day.",
        "I second that motion.",
        "It took a split second.",
    ] {
        let claims = extract(text, None);
        assert!(claims.is_empty(), "{text:?} gave {:?}", claims.iter().map(summary).collect::<Vec<_>>());
    }
}

#[test]
fn qualifiers_and_hedges() {
    let claims = extract("Midjourney is projected to achieve annual revenues of $200 million by 2023.", None);
    let c = claims.iter().find(|c| c.kind == ClaimKind::Money).expect("money claim");
    assert_eq!(c.hedge.as_deref(), Some("projected"));
    assert_eq!(c.period.as_deref(), Some("2023"));
    assert_eq!(c.attribute.as_deref(), Some("revenue"));
    for (text, q) in [
        ("up to $1 billion", Qualifier::AtMost),
        ("about $26 billion", Qualifier::Approximately),
        ("more than 600 million users", Qualifier::MoreThan),
        ("at least 5 stores", Qualifier::AtLeast),
        ("less than 7 EUR", Qualifier::LessThan),
        // Every first word of a qualifier phrase must start a claim (QUALIFIER_FIRST_WORDS).
        ("under 3.5 miles", Qualifier::LessThan),
        ("below $5", Qualifier::LessThan),
        ("within two years", Qualifier::AtMost),
        ("surpassed 5 million users", Qualifier::MoreThan),
        ("Inditex passes €35bn in sales", Qualifier::MoreThan),
        ("Sales tops $1 billion", Qualifier::MoreThan),
        ("It crosses 100 million users", Qualifier::MoreThan),
        ("no more than 7 euros", Qualifier::AtMost),
        ("in excess of $30 million", Qualifier::MoreThan),
        ("close to $2 billion", Qualifier::Approximately),
    ] {
        let claims = extract(text, None);
        assert_eq!(claims.first().map(|c| c.qualifier), Some(q), "{text:?}");
    }
}

#[test]
fn spans_point_into_the_source() {
    let text = "\u{feff}Meta’s deal: $14 billion.\r\nIt’s “up 5%”.";
    let claims = extract(text, None);
    assert_eq!(claims.len(), 2);
    for c in &claims {
        assert_eq!(&text[c.span.start..c.span.end], c.text);
    }
    assert_eq!((claims[1].span.line, claims[1].span.column), (2, 10));
}

#[test]
fn seed_article_attribution() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/meta-midjourney.txt"))
            .expect("the seed fixture");
    let claims = extract(&text, Some("2025-08-22"));
    let find = |t: &str| claims.iter().find(|c| c.text == t).unwrap_or_else(|| panic!("no claim {t:?}"));
    let attr = |c: &Claim| (c.subject.clone(), c.attribute.clone(), c.object.clone(), c.period.clone());
    let s = |x: &str| Some(x.to_string());
    assert_eq!(attr(find("$14 billion")), (s("Meta"), s("investment"), s("Scale AI"), None));
    assert_eq!(attr(find("$200 million")), (s("Midjourney"), s("revenue"), None, s("2023")));
    assert_eq!(find("$200 million").hedge.as_deref(), Some("projected"));
    assert_eq!(attr(find("2022")).0, s("Midjourney"));
    assert_eq!(attr(find("2022")).1, s("founded"));
    assert_eq!(find("up to $1 billion").qualifier, Qualifier::AtMost);
    let june: Vec<&Claim> = claims.iter().filter(|c| c.text == "June").collect();
    assert_eq!(june.len(), 2);
    assert_eq!(june[0].object.as_deref(), Some("V1"));
    assert_eq!(june[1].attribute.as_deref(), Some("lawsuit"));
    // Boilerplate yields nothing.
    assert!(claims.iter().all(|c| !c.sentence.contains("Leave a Comment")));
}

#[test]
fn currency_codes_are_three_upper_case_letters() {
    // `lexicon::currency_code` rejects any other word before the list.
    for code in super::lexicon::CURRENCY_CODES {
        assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
        assert_eq!(super::lexicon::currency_code(code), Some(*code));
    }
    assert_eq!(super::lexicon::currency_code("usd"), None);
    assert_eq!(super::lexicon::currency_code("The"), None);
}

#[test]
fn normalized_space_is_split_whitespace_joined() {
    for s in [
        "",
        "   ",
        " a  b\tc\n\nd\r\n",
        "x\u{b}y\u{c}z\u{1c}w",
        "Meta paid\u{a0}$14.3 billion \u{2009}in 2025.",
        "été  \n à",
        "Meta paid $14 billion.",
        "a  b",
        " a b",
        "a b ",
        "a\tb",
        "a b\r",
    ] {
        let mut out = String::from("stale");
        normalize_space_into(s, &mut out);
        assert_eq!(out, s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
    }
}

proptest::proptest! {
    #[test]
    fn normalized_space_is_split_whitespace_joined_on_any_spacing(s in "[ ab\t\n\r\x0B\x0C\x01\u{a0}]{0,24}") {
        let mut out = String::from("stale");
        normalize_space_into(&s, &mut out);
        proptest::prop_assert_eq!(out, s.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

/// (text, subject) of every claim, in order.
fn subjects(text: &str) -> Vec<(String, Option<String>)> {
    extract(text, Some("2024-04-23")).into_iter().map(|c| (c.text, c.subject)).collect()
}

#[test]
fn wire_datelines_tickers_and_possessives_are_not_subjects() {
    let s = |t: &str, subject: &str| (t.to_owned(), Some(subject.to_owned()));
    assert_eq!(
        subjects("SEATTLE, April 23, 2024 (Reuters) - Boeing Co said it delivered 83 airplanes."),
        vec![s("April 23, 2024", "Boeing Co"), s("83 airplanes", "Boeing Co")]
    );
    assert_eq!(
        subjects(
            "REDMOND, Wash. — June 13, 2016 — LinkedIn Corporation (NYSE: LNKD) reported revenue of $3 billion."
        ),
        vec![s("June 13, 2016", "LinkedIn Corporation"), s("$3 billion", "LinkedIn Corporation")]
    );
    assert_eq!(
        subjects("SEATTLE — Amazon.com, Inc. (NASDAQ: AMZN) reported $170 billion in sales."),
        vec![s("$170 billion", "Amazon.com")]
    );
    assert_eq!(subjects("Meta said Airbnb's Class A stock opened at $146."), vec![s("$146", "Airbnb")]);
    // "on the Dow": a preposition governs through the article, so "its" points back.
    assert_eq!(
        subjects("Boeing Co cut output. Its stock is down 32% on the Dow Jones Industrial Average."),
        vec![s("32%", "Boeing Co")]
    );
    assert_eq!(
        subjects("OpenAI closed a round valuing the ChatGPT maker at $157 billion."),
        vec![s("$157 billion", "OpenAI")]
    );
    assert_eq!(
        subjects("Boeing Co cut output. The Seattle-based planemaker lost $355 million."),
        vec![s("$355 million", "Boeing Co")]
    );
    assert_eq!(
        subjects("About Airbnb\n\nThe home-sharing company raised $3.5 billion."),
        vec![s("$3.5 billion", "Airbnb")]
    );
    assert_eq!(
        subjects("AUSTIN (Reuters) - Tesla Inc. cut prices.\n\nTesla's shares fell 8%."),
        vec![s("8%", "Tesla")]
    );
    assert_eq!(
        subjects(
            "LONDON (Reuters) - Unilever Plc said sales grew. The maker of Dove soap and Hellmann's mayonnaise, which employs 128,000 people, met forecasts."
        ),
        vec![s("128,000 people", "Unilever Plc")]
    );
    // Not a dateline: the capitals are followed by lower-case words.
    assert_eq!(dateline_len_of("NASA said on Monday - after a delay - that"), 0);
    assert_eq!(dateline_len_of("LONDON — Shares rose."), "LONDON — ".len());
    // Without its city the dateline opens with the date and the agency.
    assert_eq!(dateline_len_of("Feb 1 (Reuters) - Apple Inc forecast"), "Feb 1 (Reuters) - ".len());
    assert_eq!(dateline_len_of("Nov. 3 (Reuters) - Jobs slowed"), "Nov. 3 (Reuters) - ".len());
    assert_eq!(dateline_len_of("May 5 - the day it"), 0);
}

/// A sentence's subject carries over sentences that name no one, through
/// sentences that point back, and stops at the next sentence with its own.
#[test]
fn subjects_carry_over_until_a_sentence_names_its_own() {
    let s = |t: &str, subject: Option<&str>| (t.to_owned(), subject.map(str::to_owned));
    assert_eq!(
        subjects(
            "Shares were flat at 9 dollars. Boeing Co cut output. Shares moved little. \
             Analysts were unsure. It lost $355 million. The company has 5,600 unfilled orders. \
             Meanwhile Airbus said nothing. Its backlog grew 3%. Shares fell 2%."
        ),
        vec![
            s("9 dollars", None),
            s("$355 million", Some("Boeing Co")),
            s("5,600 unfilled orders", Some("Boeing Co")),
            s("3%", Some("Airbus")),
            s("2%", None),
        ]
    );
}

fn dateline_len_of(s: &str) -> usize {
    attribution::dateline_len(s)
}

#[test]
fn changes_with_levels_times_and_participles() {
    let found: Vec<_> = extract(
        "The index rose 0.7% to 38,503.69. It lost $425 million a year ago. It has 5,600 unfilled orders.",
        Some("2024-04-23"),
    )
    .iter()
    .map(summary)
    .collect();
    use ClaimKind::*;
    let row = |k, t: &str, v: &str, u: Option<&str>| (k, t.to_owned(), v.to_owned(), u.map(str::to_owned));
    assert_eq!(
        found,
        vec![
            row(Percent, "0.7%", "0.7", Some("%")),
            row(Number, "38,503.69", "38503.69", None),
            row(Money, "$425 million", "425000000", Some("USD")),
            row(Date, "a year ago", "2023", None),
            row(Number, "5,600 unfilled orders", "5600", Some("orders")),
        ]
    );
    let found: Vec<_> = extract(
        "The Dow fell 500 points. Rates rose 25 basis points. He averages 25.7 points per game.",
        None,
    )
    .iter()
    .map(|c| (c.text.clone(), c.unit.clone(), c.per.clone()))
    .collect();
    let row =
        |t: &str, u: &str, per: Option<&str>| (t.to_owned(), Some(u.to_owned()), per.map(str::to_owned));
    assert_eq!(
        found,
        vec![
            row("500 points", "points", None),
            row("25 basis points", "pp", None),
            row("25.7 points per game", "points", Some("game")),
        ]
    );
}

/// Earnings-story forms: a dateline date with no year to resolve, a margin
/// ("plus or minus 2%"), a job title before a name, and "Shares of the ...
/// company" pointing back to the company.
#[test]
fn earnings_story_forms() {
    let texts = |text: &str, reference: Option<&str>| -> Vec<(String, String, Option<String>)> {
        extract(text, reference)
            .into_iter()
            .map(|c| (c.text, serde_json::to_string(&c.value).unwrap_or_default(), c.subject))
            .collect()
    };
    // No year and no reference date: "Nov 20" is a date all the same, never the number 20.
    assert_eq!(
        texts("SAN FRANCISCO, Nov 20 (Reuters) - Nvidia sold 5 units. On 20 Nov it sold more.", None),
        vec![("5 units".to_owned(), "5.0".to_owned(), Some("Nvidia".to_owned()))]
    );
    assert_eq!(texts("Nvidia sold 5 units on Nov 20.", Some("2024-12-01"))[1].1, "\"2024-11-20\"");
    let found = texts("It expects $37.5 billion, plus or minus 2%. It fell to minus 5 degrees.", None);
    let values: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(values, ["37500000000.0", "2.0", "-5.0"]);
    let subjects: Vec<Option<String>> = texts(
        "In a filing, Nvidia sold 5 units. Chief Financial Officer Colette Kress said costs fell. \
         Treasury Secretary Janet Yellen and Finance Minister Jeremy Hunt met. \
         The company, which has a market value of $3.6 trillion, returned $11.2 billion. \
         Shares of the Santa Clara, California-based company fell about 2.5%. \
         Microsoft President Brad Smith said Microsoft spent $5 billion.",
        None,
    )
    .into_iter()
    .map(|f| f.2)
    .collect();
    let nvidia = Some("Nvidia".to_owned());
    assert_eq!(
        subjects,
        [nvidia.clone(), nvidia.clone(), nvidia.clone(), nvidia, Some("Microsoft".to_owned())]
    );
}

/// Deal-story forms: the buyer, not the bought, is the subject; "Johnson &
/// Johnson" is one name; "Founded ... in Redwood City, California, X" is
/// about X; a share class "B-1" is no figure.
#[test]
fn deal_story_forms() {
    let subjects = |text: &str| -> Vec<(String, Option<String>)> {
        extract(text, None).into_iter().map(|c| (c.text, c.subject)).collect()
    };
    let s = |t: &str, subject: &str| (t.to_owned(), Some(subject.to_owned()));
    assert_eq!(
        subjects(
            "Analysts said Meta bought Instagram for $1 billion. Microsoft agreed to acquire LinkedIn for $26.2 billion."
        ),
        vec![s("$1 billion", "Meta"), ("$26.2 billion".to_owned(), None)]
    );
    assert_eq!(
        subjects("Johnson & Johnson said it would pay $262 billion, Procter & Gamble said."),
        vec![s("$262 billion", "Johnson & Johnson")]
    );
    assert_eq!(
        subjects(
            "Founded in 1993 and based in Redwood City, California, Informatica has 5,000 customers. \
             It reported revenue of $1.6 billion."
        ),
        vec![s("1993", "Informatica"), s("5,000 customers", "Informatica"), s("$1.6 billion", "Informatica")]
    );
    let texts: Vec<String> =
        subjects("Holders of each Class B-1 share get $25; K-12 schools got $5 million.")
            .into_iter()
            .map(|(text, _)| text)
            .collect();
    assert_eq!(texts, ["$25", "$5 million"]);
}

/// Product-launch forms: a hyphenated rate, two counting adjectives before
/// the noun, and "lose" as a loss.
#[test]
fn launch_story_forms() {
    let found = extract(
        "OpenAI launches a $200-a-month plan. It has more than 300 million weekly active users \
         and expects to lose about $5 billion.",
        None,
    );
    let got: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.unit.as_deref(), c.per.as_deref(), c.attribute.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("$200-a-month", Some("USD"), Some("month"), Some("price")),
            ("more than 300 million weekly active users", Some("users"), None, Some("users")),
            ("about $5 billion", Some("USD"), None, Some("loss")),
        ]
    );
}

/// A specific counted noun names what a count counts, over a count noun
/// elsewhere in the sentence; "people" is too loose to, and a layoff keyword
/// still wins.
#[test]
fn counted_noun_names_the_attribute() {
    let found = extract(
        "It had 100 million users, and 150 million people use it every week. \
         Netflix, which employs 13,000 people, has 260 million subscribers. \
         Intel laid off 15,000 employees.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.attribute.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("100 million users", Some("users")),
            ("150 million people", Some("users")),
            ("13,000 people", Some("employees")),
            ("260 million subscribers", Some("users")),
            ("15,000 employees", Some("layoffs")),
        ]
    );
}

/// A year after an event's verb ("founded in 1976") dates that event, not
/// the figures of its sentence; a period preposition still does.
#[test]
fn event_years_are_no_periods() {
    let found = extract(
        "Apple, which was founded in 1976, has 161,000 employees. Revenue was $5 billion in 2023.",
        None,
    );
    let periods: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.period.as_deref())).collect();
    assert_eq!(
        periods,
        [("1976", None), ("161,000 employees", None), ("$5 billion", Some("2023")), ("2023", None)]
    );
}

/// Pence glued to the figure are money where the sentence speaks of
/// sterling, shares or a dividend; a video's "1080p" is not.
#[test]
fn pence_glued_to_the_figure() {
    let found = extract("It earned £2.3bn, or 31.2p a share. Shares rose 3p. It streams in 1080p.", None);
    let got: Vec<_> = found.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            (ClaimKind::Money, "£2.3bn".to_string(), "2300000000".to_string(), Some("GBP".to_string())),
            (ClaimKind::Money, "31.2p a share".to_string(), "0.312".to_string(), Some("GBP".to_string())),
            (ClaimKind::Money, "3p".to_string(), "0.03".to_string(), Some("GBP".to_string())),
        ]
    );
}

/// "falling by 2.08 million to 1.409 billion" is a change and a level, not
/// a range; "roughly half of" a share like "a third of"; a year alone in a
/// table cell (cells are joined by tabs) is a date, not part of a name.
#[test]
fn changes_by_halves_of_and_years_in_cells() {
    let found = extract(
        "It fell by 2.08 million to 1.409 billion. It cut roughly half of its staff. Anthropic\t2021\tfounded.",
        None,
    );
    let got: Vec<_> = found.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            (ClaimKind::Number, "2.08 million".to_string(), "2080000".to_string(), None),
            (ClaimKind::Number, "1.409 billion".to_string(), "1409000000".to_string(), None),
            (ClaimKind::Percent, "roughly half".to_string(), "50".to_string(), Some("%".to_string())),
            (ClaimKind::Date, "2021".to_string(), "2021".to_string(), None),
        ]
    );
    let period = extract("In the first half of 2024, sales rose.", None);
    assert!(
        period.iter().all(|c| c.kind != ClaimKind::Percent),
        "{:?}",
        period.iter().map(summary).collect::<Vec<_>>()
    );
}

/// "a third of sales" is a share and "a third more" a fraction, but "for a
/// sixth time" and "a third term" are ranks; a day's span stays one after
/// "took".
#[test]
fn fractions_and_ranks_after_a() {
    let found =
        extract("It won for a sixth time. It took one day, she said. It has a third more staff.", None);
    let got: Vec<_> = found.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            (ClaimKind::Ordinal, "sixth".to_string(), "6".to_string(), None),
            (ClaimKind::Duration, "one day".to_string(), "1".to_string(), Some("day".to_string())),
            (
                ClaimKind::Number,
                "a third more staff".to_string(),
                "0.333333333333333".to_string(),
                Some("staff".to_string())
            ),
        ]
    );
}

/// Basis points are hundredths of a percentage point; after "by", a second
/// figure many times the first is the new level ("by $2 to $22.99").
#[test]
fn basis_points_and_changes_by() {
    let found =
        extract("It raised its rate by 500 basis points. It raised the price by $2 to $22.99 a month.", None);
    let got: Vec<_> = found.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            (ClaimKind::Percent, "500 basis points".to_string(), "5".to_string(), Some("pp".to_string())),
            (ClaimKind::Money, "$2".to_string(), "2".to_string(), Some("USD".to_string())),
            (ClaimKind::Money, "$22.99 a month".to_string(), "22.99".to_string(), Some("USD".to_string())),
        ]
    );
}

/// Bare cents take the currency of the sentence's last amount that names one.
#[test]
fn cents_of_the_sentence_currency() {
    let found = extract("It will pay 77 euro cents per share, up from 70 cents. It paid 50 cents.", None);
    let units: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.unit.as_deref())).collect();
    assert_eq!(
        units,
        [("77 euro cents per share", Some("EUR")), ("70 cents", Some("EUR")), ("50 cents", Some("USD"))]
    );
}

/// A fiscal year names no calendar year for a month later in the sentence.
#[test]
fn fiscal_years_date_no_months() {
    let text = "It expects spending to rise in fiscal 2025, after spending $9.7 billion in the three months to December.";
    let found = extract(text, Some("2024-01-30"));
    let december = found.iter().find(|c| c.text == "December").expect("December");
    assert_eq!(december.value, ClaimValue::Date("2023-12".to_string()));
}

/// "nine times a year" counts times per year: a frequency, not a count.
#[test]
fn frequencies() {
    let found = extract("The rocket should fly up to nine times a year.", None);
    let c = found.first().expect("a claim");
    assert_eq!(
        (c.text.as_str(), c.unit.as_deref(), c.per.as_deref()),
        ("up to nine times a year", Some("times"), Some("year"))
    );
}

/// One digit and a capital K is a picture format, not thousands; a count
/// before a model name counts the model, which is no figure.
#[test]
fn resolutions_and_models_after_counts() {
    let found =
        extract("It sold 4K TVs for $4K each and hired 5K workers. It delivered 38 737 MAX jets.", None);
    let got: Vec<_> = found.iter().map(summary).collect();
    assert_eq!(
        got,
        [
            (ClaimKind::Money, "$4K".to_string(), "4000".to_string(), Some("USD".to_string())),
            (ClaimKind::Number, "5K workers".to_string(), "5000".to_string(), Some("workers".to_string())),
            (ClaimKind::Number, "38".to_string(), "38".to_string(), None),
        ]
    );
}

/// Commodity prices are rates ("$139.13 a barrel"), "bpd" counts barrels,
/// "18.72 rand" is money, and a year inside a name ("Vision 2030", "Euro
/// 2024") is no date while "Fourth Quarter 2021" and "Christmas 2023" are.
#[test]
fn commodity_rates_rand_and_years_in_names() {
    let found = extract(
        "Brent hit $139.13 a barrel as output held at 9 million bpd. The rand fell to 18.72 rand per dollar. \
         The Vision 2030 plan and Euro 2024 cost more. Fourth Quarter 2021 Results came by Christmas 2023.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.unit.as_deref(), c.per.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("$139.13 a barrel", Some("USD"), Some("barrel")),
            ("9 million bpd", Some("bbl"), None),
            ("18.72 rand", Some("ZAR"), None),
            ("2021", None, None),
            ("2023", None, None),
        ]
    );
}

/// A bare number set off by commas after a name, or after "aged", is an age.
#[test]
fn ages_in_apposition() {
    let found = extract(
        "Yuan, 52, said he would cut 1,300 jobs. The company was run by Mensch, 31. \
         However, 52, not 60, were counted. A woman aged 34 was hired. \
         In June, 40, 50 and 60 shares were sold.",
        None,
    );
    let got: Vec<_> = found
        .iter()
        .filter(|c| c.kind == ClaimKind::Number)
        .map(|c| (c.text.as_str(), c.attribute.as_deref() == Some("age")))
        .collect();
    assert_eq!(
        got,
        [
            ("52", true),
            ("1,300 jobs", false),
            ("31", true),
            ("52", false),
            ("60", false),
            ("34", true),
            ("40", false),
            ("50", false),
            ("60 shares", false),
        ]
    );
}

/// A year before a noun that does not count ("its 2023 EBITDA forecast",
/// "the 2024 election") is a year; a count's noun may come after modifiers
/// ("two large offshore wind projects"), and a word that counts nothing
/// ("two large") is no unit.
#[test]
fn year_modifiers_and_counted_nouns_past_modifiers() {
    let found = extract(
        "Orsted cut its 2023 EBITDA forecast before the 2024 election. It has 2000 staff and \
         will scrap two large offshore wind projects, founded by two former Yahoo engineers. \
         It hired two large.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.kind, c.unit.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("2023", ClaimKind::Date, None),
            ("2024", ClaimKind::Date, None),
            ("2000 staff", ClaimKind::Number, Some("staff")),
            ("two large offshore wind projects", ClaimKind::Number, Some("projects")),
            ("two former Yahoo engineers", ClaimKind::Number, Some("engineers")),
            ("two", ClaimKind::Number, None),
        ]
    );
}

/// Wire-story forms: a nationality before a noun, a government title, a
/// "for" institution and "New Jersey" are no subjects of their own;
/// "Danish crowns" and "pounds of headroom" are money; "lower than a year
/// earlier" does not qualify the year.
#[test]
fn wire_story_forms() {
    let found = extract(
        "Danish wind farm developer Orsted said it would take a 28.4 billion Danish crowns charge. \
         Finance Minister Jeremy Hunt may have around 13 billion pounds of headroom. \
         The Office for National Statistics said borrowing was 14.3 billion pounds, lower than a year earlier. \
         The project is off the coast of New Jersey, sending its shares down 25%.",
        None,
    );
    let got: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.unit.as_deref(), c.qualifier, c.subject.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("28.4 billion Danish crowns", Some("DKK"), Qualifier::Exact, Some("Orsted")),
            // A person is no subject: the company carries over.
            ("around 13 billion pounds", Some("GBP"), Qualifier::Approximately, Some("Orsted")),
            ("14.3 billion pounds", Some("GBP"), Qualifier::Exact, Some("Office for National Statistics")),
            ("a year", Some("year"), Qualifier::Exact, Some("Office for National Statistics")),
            // Not "Jersey".
            ("25%", Some("%"), Qualifier::Exact, None),
        ]
    );
}

/// The city of "The Cupertino, California-based company" and a month's
/// compound ("March-quarter") are no subjects: the company carries over.
#[test]
fn based_city_and_month_compounds_are_no_subjects() {
    let found = extract(
        "Apple Inc on Thursday forecast weak sales. The Cupertino, California-based company said \
         revenue rose 2%. It expects March-quarter revenue of $94.84 billion.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.subject.as_deref())).collect();
    assert_eq!(got, [("2%", Some("Apple Inc")), ("$94.84 billion", Some("Apple Inc"))]);
}

/// A span of time as an adjective ("five-year study", "45-year-old") is a
/// duration; a bare number takes no date attribute ("established heart
/// disease" founded nothing; "aged 45" is an age); "market value" is a valuation and "a listed
/// company" no listing.
#[test]
fn health_story_forms() {
    let found = extract(
        "The five-year study enrolled 17,604 adults aged 45 or older with established heart disease. \
         A 45-year-old man took part. Its market value rose to more than $400 billion, making it \
         Europe's second-most valuable listed company.",
        None,
    );
    let got: Vec<_> =
        found.iter().map(|c| (c.text.as_str(), c.kind, c.unit.as_deref(), c.attribute.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("five-year", ClaimKind::Duration, Some("year"), None),
            ("17,604 adults", ClaimKind::Number, Some("adults"), None),
            ("45", ClaimKind::Number, None, Some("age")),
            ("45-year-old", ClaimKind::Duration, Some("year"), None),
            ("more than $400 billion", ClaimKind::Money, Some("USD"), Some("valuation")),
            ("second", ClaimKind::Ordinal, None, None),
        ]
    );
}

/// Jobs-report forms: jobs added are no layoffs, "eliminate" and "shed"
/// cut jobs only in a sentence about jobs or staff, and a rate that "rose
/// to" a level did not grow by it.
#[test]
fn jobs_report_forms() {
    let found = extract(
        "Nonfarm payrolls increased by 150,000 jobs. Intel will eliminate 15,000 jobs. \
         It eliminated debt of $5 billion. The unemployment rate rose to 3.9%. Sales rose 5%.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.attribute.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("150,000 jobs", None),
            ("15,000 jobs", Some("layoffs")),
            ("$5 billion", None),
            ("3.9%", None),
            ("5%", Some("growth")),
        ]
    );
}

/// An article's "Danish crowns" make its later bare "crowns" DKK; "kronor"
/// is SEK by itself; "U.S." inside a phrase describes ("its U.S.
/// portfolio") and is no subject.
#[test]
fn currencies_named_once_and_country_adjectives() {
    let found = extract(
        "Orsted cancels two U.S. offshore wind projects, takes a $4 billion charge. \
         Impairments on its U.S. portfolio reached 28.4 billion Danish crowns this year. \
         It booked 19.4 billion crowns in the quarter. Spotify paid 5 billion kronor.",
        None,
    );
    let got: Vec<_> =
        found.iter().map(|c| (c.text.as_str(), c.kind, c.unit.as_deref(), c.subject.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("two", ClaimKind::Number, None, None),
            ("$4 billion", ClaimKind::Money, Some("USD"), None),
            ("28.4 billion Danish crowns", ClaimKind::Money, Some("DKK"), None),
            ("19.4 billion crowns", ClaimKind::Money, Some("DKK"), None),
            ("5 billion kronor", ClaimKind::Money, Some("SEK"), None),
        ]
    );
}

/// Shares of a percentage point in words are percentage points: "half a
/// percentage point", "a quarter-point cut"; "a quarter of" anything else
/// stays a share in percent.
#[test]
fn percentage_points_in_words() {
    let found = extract(
        "The Fed cut rates by half a percentage point. Yields rose a quarter of a percentage point. \
         The rate was a full percentage point lower. It rose three-quarters of a percentage point. \
         It made a quarter-point cut. A half-point rise followed. It added a percentage point. \
         A quarter of the staff left.",
        None,
    );
    let got: Vec<_> =
        found.iter().map(|c| (c.text.as_str(), c.kind, c.value.clone(), c.unit.as_deref())).collect();
    let n = ClaimValue::Number;
    let pp = Some("pp");
    assert_eq!(
        got,
        [
            ("half a percentage point", ClaimKind::Percent, n(0.5), pp),
            ("a quarter of a percentage point", ClaimKind::Percent, n(0.25), pp),
            ("a full percentage point", ClaimKind::Percent, n(1.0), pp),
            ("three-quarters of a percentage point", ClaimKind::Percent, n(0.75), pp),
            ("a quarter-point", ClaimKind::Percent, n(0.25), pp),
            ("A half-point", ClaimKind::Percent, n(0.5), pp),
            ("a percentage point", ClaimKind::Percent, n(1.0), pp),
            ("A quarter", ClaimKind::Percent, n(25.0), Some("%")),
        ]
    );
}

/// Once an article has written money in pounds ("712.8 million pounds"),
/// its bare pounds are money too, but not in a sentence about weight, not
/// what is weighed ("of beef"), and not before the article says so.
#[test]
fn pounds_are_money_once_the_article_says_so() {
    let found = extract(
        "The boxer weighed in at 220 pounds. City reported revenue of 712.8 million pounds. \
         Season tickets will cost between 380 and 1,000 pounds. Fines of 500 pounds apply. \
         The champion weighs 240 pounds. It shipped 2,000 pounds of beef. Beef costs $5 per pound.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.kind, c.unit.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("220 pounds", ClaimKind::Quantity, Some("lb")),
            ("712.8 million pounds", ClaimKind::Money, Some("GBP")),
            ("between 380 and 1,000 pounds", ClaimKind::Money, Some("GBP")),
            ("500 pounds", ClaimKind::Money, Some("GBP")),
            ("240 pounds", ClaimKind::Quantity, Some("lb")),
            ("2,000 pounds", ClaimKind::Quantity, Some("lb")),
            ("$5", ClaimKind::Money, Some("USD")),
        ]
    );
}

/// "One in five" is a share; "2 in 10 minutes" is not. A state set off by
/// commas after a city in a prepositional phrase is no subject ("in Austin,
/// Texas, employs"), while "According to Reed Hastings, Time Warner has"
/// keeps Time Warner.
#[test]
fn shares_in_words_and_city_state_phrases() {
    let found = extract(
        "One in five Americans owns an EV. About 1 in 4 adults agree. He scored 2 in 10 minutes. \
         They won 7 in 10 games. \
         The Gigafactory in Austin, Texas, employs more than 20,000 people. \
         According to Reed Hastings, Time Warner now has more than 710 million subscribers.",
        None,
    );
    let got: Vec<_> =
        found.iter().map(|c| (c.text.as_str(), c.kind, c.value.clone(), c.subject.as_deref())).collect();
    let n = ClaimValue::Number;
    assert_eq!(
        got,
        [
            ("One in five", ClaimKind::Percent, n(20.0), None),
            ("About 1 in 4", ClaimKind::Percent, n(25.0), None),
            ("2", ClaimKind::Number, n(2.0), None),
            ("10 minutes", ClaimKind::Number, n(10.0), None),
            ("7 in 10", ClaimKind::Percent, n(70.0), None),
            ("more than 20,000 people", ClaimKind::Number, n(20000.0), Some("Gigafactory")),
            ("more than 710 million subscribers", ClaimKind::Number, n(710_000_000.0), Some("Time Warner")),
        ]
    );
}

/// A company named only where sentences open is a name when it opens two
/// of them, once before a verb a company does, and the text never writes
/// the word in lower case; "Revenue" and "Critics" stay no names.
#[test]
fn a_company_that_only_opens_sentences_is_a_name() {
    let subjects =
        |text: &str| -> Vec<Option<String>> { extract(text, None).into_iter().map(|c| c.subject).collect() };
    assert_eq!(
        subjects(
            "Microsoft reported revenue of $56.5 billion. Microsoft completed the deal for $68.7 billion."
        ),
        [Some("Microsoft".to_owned()), Some("Microsoft".to_owned())]
    );
    // Written in lower case elsewhere, or a plural: a common word.
    assert_eq!(
        subjects("Revenue reported by units rose 5%. Revenue said little. Net revenue rose 2%."),
        [None, None]
    );
    assert_eq!(subjects("Critics said it cost $5. Critics said it cost $6."), [None, None]);
    // Opening one sentence only: not enough.
    assert_eq!(subjects("Microsoft reported revenue of $56.5 billion."), [None]);
}

/// A relative clause's cue words are for its own claims: "which has a
/// market value of $3.6 trillion" gives no valuation to what follows it;
/// "went public" is a listing.
#[test]
fn relative_clause_cues_stay_inside() {
    let found = extract(
        "The company, which has a market value of $3.6 trillion, returned $11.2 billion. \
         Netflix, which Reed Hastings founded on August 29, 1997, went public on May 23, 2002.",
        None,
    );
    let got: Vec<_> = found.iter().map(|c| (c.text.as_str(), c.attribute.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("$3.6 trillion", Some("valuation")),
            ("$11.2 billion", None),
            ("August 29, 1997", Some("founded")),
            ("May 23, 2002", Some("ipo")),
        ]
    );
}

/// Economy-story forms: "of" completes an institution's name, and a cut is a
/// layoff only in a sentence about jobs or staff.
#[test]
fn economy_story_forms() {
    let found = extract(
        "Prices rose 0.2%, the Bureau of Labor Statistics said. Shares of Nvidia rose 5%. \
         The Fed cut its policy rate by 50 basis points. In December it cut 17% of its staff.",
        None,
    );
    let got: Vec<_> =
        found.iter().map(|c| (c.text.as_str(), c.subject.as_deref(), c.attribute.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("0.2%", Some("Bureau of Labor Statistics"), Some("growth")),
            ("5%", None, Some("growth")),
            ("50 basis points", Some("Fed"), None),
            ("17%", None, Some("layoffs")),
        ]
    );
}

/// "the 18th floor" and "the 6th-largest city" are ranks; "on the 21st" is
/// a day.
#[test]
fn a_rank_before_a_noun_is_no_day() {
    let kinds = |text: &str| -> Vec<(ClaimKind, String)> {
        extract(text, Some("2024-05-15")).iter().map(|c| (c.kind, c.text.clone())).collect()
    };
    assert_eq!(kinds("Her office is on the 18th floor."), [(ClaimKind::Ordinal, "18th".to_string())]);
    assert_eq!(kinds("Lyon is the 6th-largest city."), [(ClaimKind::Ordinal, "6th".to_string())]);
    assert_eq!(kinds("The meeting is on the 21st."), [(ClaimKind::Date, "the 21st".to_string())]);
}
