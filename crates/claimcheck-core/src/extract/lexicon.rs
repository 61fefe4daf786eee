//! Word lists: number words, scales, currencies, units, months, qualifiers.
//!
//! Every function takes a lower-cased word and answers from a `match`, which
//! the compiler turns into a length-then-bytes comparison: no hashing, no
//! allocation in the scan loop.

use crate::claim::Qualifier;

/// Value of a cardinal number word ("seven" = 7, "ninety" = 90).
pub fn cardinal(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Value of an ordinal word ("third" = 3, "twentieth" = 20).
pub fn ordinal(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        "billionth" => 1e9,
        _ => return None,
    })
}

/// Denominator of a fraction word ("third" = 3, "quarters" = 4, "half" = 2).
pub fn fraction_denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        _ => return None,
    })
}

/// Multiplier of a scale word or suffix ("million", "bn", "k").
/// `exact_case` is the word as written, to tell `M` (million) from `m`.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" | "hundreds" => 100.0,
        "thousand" | "thousands" | "k" | "thou" => 1e3,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "million" | "millions" | "mn" | "mln" | "mio" | "m" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" | "bn" | "bln" | "b" | "bil" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" | "tr" | "trn" => 1e12,
        _ => return None,
    })
}

/// True for scale words written out (not suffixes like `m` or `k`).
pub fn is_spelled_scale(w: &str) -> bool {
    matches!(
        w,
        "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
            | "trillions"
            | "lakh"
            | "lakhs"
            | "crore"
            | "crores"
    )
}

/// The ISO-4217 codes [`currency_code`] knows: three upper-case ASCII letters each.
pub(super) const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "INR", "KRW", "MXN", "BRL",
    "RUB", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY", "ILS", "AED", "SAR", "QAR", "KWD", "BHD", "OMR", "EGP",
    "LBP", "JOD", "MYR", "IDR", "THB", "PHP", "VND", "PKR", "BDT", "NGN", "KES", "GHS", "UAH", "BGN", "RON",
    "HUF", "CZK", "ISK", "MNT", "TWD", "ARS", "CLP", "COP", "PEN", "FIM", "ESP", "NLG", "DEM", "FRF", "ITL",
    "IEP", "BEF", "ATS", "PTE", "GRD", "XAU", "XAG", "MAD", "TND", "DZD", "IQD", "IRR", "LKR", "NPR", "MMK",
    "KZT", "UZS", "GEL", "AMD", "AZN", "BYN", "MDL", "RSD", "MKD", "ALL", "BAM", "HRK", "CNH", "ETB", "TZS",
    "UGX", "XOF", "XAF", "ZMW", "BWP", "MUR", "JMD", "TTD", "DOP", "CRC", "GTQ", "UYU", "PYG", "BOB", "VES",
];

/// ISO-4217 code for a currency written as an upper-case code.
pub fn currency_code(w: &str) -> Option<&'static str> {
    // Every code is three upper-case ASCII letters: most words ("the", "Meta")
    // are rejected here, before the list, and the list compares three bytes
    // without a `memcmp` call per code.
    let &[a, b, c] = w.as_bytes() else { return None };
    if !(a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase()) {
        return None;
    }
    CURRENCY_CODES.iter().copied().find(|code| code.as_bytes() == [a, b, c])
}

/// ISO-4217 code for a currency symbol written before or after the number.
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "￥" => "JPY",
        "₩" => "KRW",
        "₹" => "INR",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₫" => "VND",
        "₱" => "PHP",
        "₦" => "NGN",
        "₴" => "UAH",
        "元" => "CNY",
        "¢" => "USD",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₮" => "MNT",
        "₸" => "KZT",
        "฿" => "THB",
        _ => return None,
    })
}

/// ISO-4217 code for a prefix glued to `$` ("US" in "US$", "C" in "C$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s." | "u.s" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "mex" | "mx" | "mxn" => "MXN",
        "r" => "BRL",
        "nt" => "TWD",
        _ => return None,
    })
}

/// A currency named in words, with the factor to apply (cents are 1/100).
/// Returns `(code, factor)`; `None` code means "the default currency".
pub fn currency_word(w: &str) -> Option<(Option<&'static str>, f64)> {
    Some(match w {
        "dollar" | "dollars" => (None, 1.0),
        "cent" | "cents" => (None, 0.01),
        "euro" | "euros" => (Some("EUR"), 1.0),
        "pound" | "pounds" | "quid" => (Some("GBP"), 1.0),
        "sterling" => (Some("GBP"), 1.0),
        "pence" | "penny" | "pennies" => (Some("GBP"), 0.01),
        "yen" => (Some("JPY"), 1.0),
        "won" => (Some("KRW"), 1.0),
        "yuan" | "renminbi" | "rmb" | "元" => (Some("CNY"), 1.0),
        "ரூ" => (Some("LKR"), 1.0),
        "rupee" | "rupees" | "rs" => (Some("INR"), 1.0),
        "ringgit" | "ringgits" => (Some("MYR"), 1.0),
        "shekel" | "shekels" | "shekalim" => (Some("ILS"), 1.0),
        "tugrik" | "tugriks" | "tögrög" => (Some("MNT"), 1.0),
        "hryvnia" | "hryvnias" | "hryvnas" => (Some("UAH"), 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => (Some("RUB"), 1.0),
        "lira" | "liras" | "lire" => (Some("TRY"), 1.0),
        "rand" => (Some("ZAR"), 1.0),
        "baht" => (Some("THB"), 1.0),
        "naira" => (Some("NGN"), 1.0),
        "markka" | "markkaa" => (Some("FIM"), 1.0),
        "peseta" | "pesetas" => (Some("ESP"), 1.0),
        "guilder" | "guilders" => (Some("NLG"), 1.0),
        "reais" => (Some("BRL"), 1.0),
        "zloty" | "zlotys" | "zlotych" => (Some("PLN"), 1.0),
        "forint" | "forints" => (Some("HUF"), 1.0),
        "rupiah" => (Some("IDR"), 1.0),
        "dirham" | "dirhams" => (Some("AED"), 1.0),
        "kronor" | "krona" => (Some("SEK"), 1.0),
        "koruna" | "korunas" => (Some("CZK"), 1.0),
        "cedi" | "cedis" => (Some("GHS"), 1.0),
        "taka" => (Some("BDT"), 1.0),
        "tenge" => (Some("KZT"), 1.0),
        _ => return None,
    })
}

/// Nouns that a sum of money is "of": "13 billion pounds of headroom".
pub fn is_money_noun(w: &str) -> bool {
    matches!(
        w,
        "headroom"
            | "debt"
            | "debts"
            | "borrowing"
            | "spending"
            | "funding"
            | "investment"
            | "investments"
            | "savings"
            | "losses"
            | "revenue"
            | "sales"
            | "support"
            | "aid"
            | "tax"
            | "taxes"
            | "assets"
            | "bonds"
            | "cuts"
            | "damages"
            | "fines"
            | "subsidies"
            | "loans"
            | "cash"
            | "capital"
            | "profit"
            | "profits"
            | "contracts"
            | "orders"
            | "exports"
            | "imports"
            | "reserves"
            | "grants"
            | "dividends"
            | "compensation"
            | "costs"
            | "income"
            | "equity"
            | "deficit"
            | "liabilities"
            | "deposits"
            | "payments"
            | "fees"
            | "buybacks"
            | "stimulus"
            | "spend"
            | "wealth"
    )
}

/// The currency an adjective gives a following "dollars"/"pounds"/... word.
pub fn currency_adjective(adj: &str, noun: &str) -> Option<&'static str> {
    // Most calls pair two ordinary words: the noun turns them away.
    let family = currency_family(noun)?;
    CURRENCY_ADJECTIVES.iter().find(|(a, f, _)| *a == adj && *f == family).map(|(_, _, code)| *code)
}

/// The singular a currency noun is listed under ("pesos" → "peso"), for
/// nouns that a country adjective makes a currency.
fn currency_family(noun: &str) -> Option<&'static str> {
    Some(match noun {
        "dollar" | "dollars" => "dollar",
        "pound" | "pounds" => "pound",
        "franc" | "francs" => "franc",
        "dinar" | "dinars" => "dinar",
        "riyal" | "riyals" => "riyal",
        "rial" | "rials" => "rial",
        "peso" | "pesos" => "peso",
        "krona" | "kronor" | "kronur" => "krona",
        "krone" | "kroner" => "krone",
        "crown" | "crowns" => "crown",
        "koruna" | "korunas" => "koruna",
        "rupee" | "rupees" => "rupee",
        "ringgit" | "ringgits" => "ringgit",
        "real" | "reais" => "real",
        "rand" => "rand",
        "won" => "won",
        "shilling" | "shillings" => "shilling",
        "dong" => "dong",
        "cedi" | "cedis" => "cedi",
        "taka" => "taka",
        "sol" | "soles" => "sol",
        "leu" | "lei" => "leu",
        "lev" | "leva" => "lev",
        "lari" => "lari",
        "kwacha" => "kwacha",
        "birr" => "birr",
        "tenge" => "tenge",
        "rupiah" | "rupiahs" => "rupiah",
        "dirham" | "dirhams" => "dirham",
        "naira" => "naira",
        "baht" => "baht",
        "lira" | "liras" | "lire" => "lira",
        "rouble" | "roubles" | "ruble" | "rubles" => "rouble",
        "hryvnia" | "hryvnias" => "hryvnia",
        "zloty" | "zlotys" | "zlotych" => "zloty",
        "forint" | "forints" => "forint",
        "shekel" | "shekels" => "shekel",
        "yuan" | "renminbi" => "yuan",
        "yen" => "yen",
        "quetzal" | "quetzales" | "quetzals" => "quetzal",
        "colon" | "colones" | "colons" => "colon",
        _ => return None,
    })
}

/// (adjective, currency family, ISO code). Reuters writes the krona and the
/// krone as "crowns"; two-word countries are looked up by their second
/// word ("South African rand", "New Zealand dollars", "Costa Rican colones").
const CURRENCY_ADJECTIVES: &[(&str, &str, &str)] = &[
    ("us", "dollar", "USD"),
    ("u.s.", "dollar", "USD"),
    ("american", "dollar", "USD"),
    ("canadian", "dollar", "CAD"),
    ("australian", "dollar", "AUD"),
    ("singapore", "dollar", "SGD"),
    ("zealand", "dollar", "NZD"),
    ("kong", "dollar", "HKD"),
    ("taiwan", "dollar", "TWD"),
    ("taiwanese", "dollar", "TWD"),
    ("jamaican", "dollar", "JMD"),
    ("bahamian", "dollar", "BSD"),
    ("namibian", "dollar", "NAD"),
    ("fijian", "dollar", "FJD"),
    ("british", "pound", "GBP"),
    ("lebanese", "pound", "LBP"),
    ("egyptian", "pound", "EGP"),
    ("syrian", "pound", "SYP"),
    ("sudanese", "pound", "SDG"),
    ("swiss", "franc", "CHF"),
    ("rwandan", "franc", "RWF"),
    ("kuwaiti", "dinar", "KWD"),
    ("bahraini", "dinar", "BHD"),
    ("jordanian", "dinar", "JOD"),
    ("iraqi", "dinar", "IQD"),
    ("libyan", "dinar", "LYD"),
    ("tunisian", "dinar", "TND"),
    ("algerian", "dinar", "DZD"),
    ("serbian", "dinar", "RSD"),
    ("qatari", "riyal", "QAR"),
    ("qatari", "rial", "QAR"),
    ("saudi", "riyal", "SAR"),
    ("saudi", "rial", "SAR"),
    ("omani", "rial", "OMR"),
    ("iranian", "rial", "IRR"),
    ("yemeni", "rial", "YER"),
    ("mexican", "peso", "MXN"),
    ("philippine", "peso", "PHP"),
    ("argentine", "peso", "ARS"),
    ("argentinian", "peso", "ARS"),
    ("chilean", "peso", "CLP"),
    ("colombian", "peso", "COP"),
    ("uruguayan", "peso", "UYU"),
    ("dominican", "peso", "DOP"),
    ("cuban", "peso", "CUP"),
    ("swedish", "krona", "SEK"),
    ("swedish", "crown", "SEK"),
    ("norwegian", "krone", "NOK"),
    ("norwegian", "crown", "NOK"),
    ("danish", "krone", "DKK"),
    ("danish", "crown", "DKK"),
    ("czech", "koruna", "CZK"),
    ("czech", "crown", "CZK"),
    ("icelandic", "krona", "ISK"),
    ("icelandic", "crown", "ISK"),
    ("indian", "rupee", "INR"),
    ("pakistani", "rupee", "PKR"),
    ("lankan", "rupee", "LKR"),
    ("nepalese", "rupee", "NPR"),
    ("nepali", "rupee", "NPR"),
    ("mauritian", "rupee", "MUR"),
    ("malaysia", "ringgit", "MYR"),
    ("malaysian", "ringgit", "MYR"),
    ("brazilian", "real", "BRL"),
    ("south", "rand", "ZAR"),
    ("african", "rand", "ZAR"),
    ("korean", "won", "KRW"),
    ("kenyan", "shilling", "KES"),
    ("ugandan", "shilling", "UGX"),
    ("tanzanian", "shilling", "TZS"),
    ("somali", "shilling", "SOS"),
    ("vietnamese", "dong", "VND"),
    ("ghanaian", "cedi", "GHS"),
    ("ghana", "cedi", "GHS"),
    ("bangladeshi", "taka", "BDT"),
    ("peruvian", "sol", "PEN"),
    ("romanian", "leu", "RON"),
    ("moldovan", "leu", "MDL"),
    ("bulgarian", "lev", "BGN"),
    ("georgian", "lari", "GEL"),
    ("zambian", "kwacha", "ZMW"),
    ("malawian", "kwacha", "MWK"),
    ("ethiopian", "birr", "ETB"),
    ("kazakh", "tenge", "KZT"),
    ("kazakhstani", "tenge", "KZT"),
    ("indonesian", "rupiah", "IDR"),
    ("moroccan", "dirham", "MAD"),
    ("emirati", "dirham", "AED"),
    ("uae", "dirham", "AED"),
    ("nigerian", "naira", "NGN"),
    ("thai", "baht", "THB"),
    ("turkish", "lira", "TRY"),
    ("russian", "rouble", "RUB"),
    ("ukrainian", "hryvnia", "UAH"),
    ("polish", "zloty", "PLN"),
    ("hungarian", "forint", "HUF"),
    ("israeli", "shekel", "ILS"),
    ("chinese", "yuan", "CNY"),
    ("japanese", "yen", "JPY"),
    ("guatemalan", "quetzal", "GTQ"),
    ("rican", "colon", "CRC"),
];

/// Duration unit and multiplier ("decade" = 10 years).
pub fn duration_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("year", 1.0),
        "decade" | "decades" => ("year", 10.0),
        "century" | "centuries" => ("year", 100.0),
        "month" | "months" | "mos" => ("month", 1.0),
        "week" | "weeks" | "wk" | "wks" => ("week", 1.0),
        "fortnight" | "fortnights" => ("week", 2.0),
        "day" | "days" => ("day", 1.0),
        "hour" | "hours" | "hr" | "hrs" | "h" => ("hour", 1.0),
        _ => return None,
    })
}

/// Quantity unit symbol for a unit word or abbreviation (lower-cased).
pub fn quantity_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => "mg",
        "g" | "gr" | "gram" | "grams" | "gramme" | "grammes" => "g",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kg",
        "t" | "tonne" | "tonnes" => "t",
        "ton" | "tons" => "ton",
        "lb" | "lbs" | "pound" | "pounds" => "lb",
        "oz" | "ounce" | "ounces" => "oz",
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => "mm",
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => "cm",
        "m" | "meter" | "meters" | "metre" | "metres" => "m",
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "inch" | "inches" => "in",
        "ft" | "foot" | "feet" => "ft",
        "yd" | "yds" | "yard" | "yards" => "yd",
        "mi" | "mile" | "miles" => "mi",
        "m2" | "sqm" => "m2",
        "km2" => "km2",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "ha",
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => "mL",
        "l" | "liter" | "liters" | "litre" | "litres" | "ltr" => "L",
        "hl" | "hectoliter" | "hectoliters" | "hectolitre" | "hectolitres" => "hL",
        "gal" | "gals" | "gallon" | "gallons" => "gal",
        "bbl" | "bbls" | "barrel" | "barrels" | "bpd" => "bbl",
        "cup" | "cups" => "cup",
        "tbsp" | "tbsps" | "tablespoon" | "tablespoons" => "tbsp",
        "tsp" | "tsps" | "teaspoon" | "teaspoons" => "tsp",
        "mph" => "mph",
        "kph" | "kmph" | "km/h" | "km/hr" => "km/h",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        _ => return None,
    })
}

/// A qualifier phrase that can stand before a figure. Returns the qualifier
/// and how many words it takes, given the lower-cased words that follow.
pub fn qualifier_prefix(words: &[&str]) -> Option<(Qualifier, usize)> {
    let w0 = *words.first()?;
    let w1 = words.get(1).copied().unwrap_or("");
    let w2 = words.get(2).copied().unwrap_or("");
    use Qualifier::*;
    Some(match (w0, w1, w2) {
        ("more" | "greater" | "higher", "than", _) => (MoreThan, 2),
        ("in", "excess", "of") => (MoreThan, 3),
        ("upwards" | "upward", "of", _) => (MoreThan, 2),
        ("well", "over" | "above", _) => (MoreThan, 2),
        ("just", "over" | "above", _) => (MoreThan, 2),
        (
            "over" | "above" | "exceeding" | "exceeds" | "exceeded" | "topping" | "topped" | "tops"
            | "surpassing" | "surpassed" | "surpasses" | "passes" | "crosses" | "beyond",
            _,
            _,
        ) => (MoreThan, 1),
        ("at", "least", _) => (AtLeast, 2),
        ("no" | "not", "less" | "fewer", "than") => (AtLeast, 3),
        ("a", "minimum", "of") => (AtLeast, 3),
        ("minimum", "of", _) => (AtLeast, 2),
        ("up", "to", _) => (AtMost, 2),
        ("as", "much" | "many" | "high", "as") => (AtMost, 3),
        ("at", "most", _) => (AtMost, 2),
        ("within" | "inside", _, _) => (AtMost, 1),
        ("no" | "not", "more", "than") => (AtMost, 3),
        ("a", "maximum", "of") => (AtMost, 3),
        ("maximum", "of", _) => (AtMost, 2),
        ("less" | "fewer" | "lower", "than", _) => (LessThan, 2),
        ("just", "under" | "below", _) => (LessThan, 2),
        ("under" | "below", _, _) => (LessThan, 1),
        ("close", "to", _) => (Approximately, 2),
        ("in", "the", "region") | ("on", "the", "order") => (Approximately, 3),
        (
            "about" | "around" | "roughly" | "approximately" | "approx" | "nearly" | "almost" | "some"
            | "circa" | "ca" | "~" | "≈",
            _,
            _,
        ) => (Approximately, 1),
        ("just", "about" | "shy", _) => (Approximately, 2),
        _ => return None,
    })
}

/// Hedge words: the figure is a projection, estimate or report.
pub fn hedge(w: &str) -> Option<&'static str> {
    Some(match w {
        "projected" | "projects" | "projecting" | "projection" | "projections" => "projected",
        "expected" | "expects" | "expecting" | "expectation" => "expected",
        "estimated" | "estimates" | "estimate" | "estimating" => "estimated",
        "reportedly" | "reported" | "reports" => "reportedly",
        "forecast" | "forecasts" | "forecasting" => "forecast",
        "predicted" | "predicts" => "predicted",
        "anticipated" | "anticipates" => "anticipated",
        "rumored" | "rumoured" => "rumored",
        "allegedly" | "alleged" => "allegedly",
        "could" | "might" => "possible",
        "planned" => "planned",
        "targeted" | "targets" | "aims" => "targeted",
        _ => return None,
    })
}

/// Hedges that look ahead ([`hedge`]'s names): the figure is what someone
/// expects, not what was.
pub fn is_forward_looking(hedge: &str) -> bool {
    matches!(
        hedge,
        "projected" | "expected" | "forecast" | "predicted" | "anticipated" | "planned" | "targeted"
    )
}

/// True for a word without which no claim can be formed from words alone:
/// number, ordinal and fraction words, scales, months, weekdays, and the
/// units a lone article turns into a claim ("a decade", "a dollar",
/// "a kilogram"). Every claim the recognizers find holds a digit, a
/// non-ASCII symbol or one of these words, so a sentence with none of them
/// needs no scan (the extractor's sentence prefilter).
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "the prefilter's table is its fast form; tests keep the two in step")
)]
pub fn is_anchor_word(w: &str) -> bool {
    cardinal(w).is_some()
        || ordinal(w).is_some()
        || fraction_denominator(w).is_some()
        || scale(w).is_some()
        || month(w).is_some()
        || weekday(w).is_some()
        || duration_unit(w).is_some()
        || quantity_unit(w).is_some()
        || currency_word(w).is_some()
        || matches!(
            w,
            "dozen"
                | "dozens"
                | "pair"
                | "pairs"
                | "half"
                | "halves"
                | "year"
                | "yr"
                | "month"
                | "percentage"
        )
}

/// A verb whose date is its own event's ("founded in 1925", "opened on
/// March 3"), never the period of a figure near it.
pub fn is_event_verb(w: &str) -> bool {
    matches!(
        w,
        "founded"
            | "established"
            | "formed"
            | "created"
            | "incorporated"
            | "born"
            | "built"
            | "opened"
            | "launched"
            | "introduced"
            | "acquired"
            | "bought"
    )
}

/// A verb that moves a figure: what follows it is a change ("fell 40
/// cents") and, after "to", the new level ("to $12.35").
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "rising"
            | "fell"
            | "fall"
            | "falls"
            | "falling"
            | "gained"
            | "gains"
            | "lost"
            | "loses"
            | "dropped"
            | "drops"
            | "climbed"
            | "climbs"
            | "jumped"
            | "jumps"
            | "slipped"
            | "slips"
            | "declined"
            | "declines"
            | "increased"
            | "increases"
            | "decreased"
            | "decreases"
            | "grew"
            | "grows"
            | "added"
            | "adds"
            | "surged"
            | "surges"
            | "tumbled"
            | "tumbles"
            | "plunged"
            | "plunges"
            | "soared"
            | "soars"
            | "slid"
            | "slides"
            | "edged"
            | "eased"
            | "eases"
            | "shed"
            | "sheds"
            | "advanced"
            | "advances"
            | "retreated"
            | "sank"
            | "sinks"
            | "slumped"
            | "rallied"
            | "shrunk"
            | "shrank"
            | "shrinks"
            | "fallen"
            | "risen"
            | "grown"
            | "expanded"
            | "contracted"
            | "narrowed"
            | "widened"
            | "lowered"
    )
}

/// Month number of a month name or abbreviation (lower-cased).
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" | "febr" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True when a month word is only an abbreviation or an ordinary English word
/// too, so it needs date context ("may", "mar", "dec").
pub fn month_is_ambiguous(w: &str) -> bool {
    matches!(
        w,
        "may"
            | "mar"
            | "dec"
            | "jan"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "oct"
            | "nov"
            | "feb"
            | "apr"
            | "march"
    )
}

/// Weekday number (Monday = 0).
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

/// Can `w` (lower case) be what a number above one counts: a plural
/// ("employees", "homes") or a noun that counts in the singular ("staff")?
pub fn is_count_noun(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        || matches!(
            w,
            "people"
                | "staff"
                | "personnel"
                | "children"
                | "men"
                | "women"
                | "police"
                | "crew"
                | "cattle"
                | "sheep"
                | "feet"
                | "teeth"
                | "mice"
                | "geese"
        )
}

/// Nouns a year names the edition of rather than counts: "2024 results",
/// "1998 figures", "2030 targets".
pub fn is_report_noun(w: &str) -> bool {
    matches!(
        w,
        "results"
            | "figures"
            | "earnings"
            | "profits"
            | "sales"
            | "revenues"
            | "targets"
            | "goals"
            | "forecasts"
            | "estimates"
            | "accounts"
            | "numbers"
            | "elections"
            | "games"
            | "olympics"
            | "models"
            | "accords"
            | "rules"
            | "levels"
            | "prices"
            | "budgets"
            | "plans"
    )
}

/// Words that may not be a counted noun after a number.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "in"
            | "to"
            | "for"
            | "with"
            | "by"
            | "on"
            | "at"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "that"
            | "which"
            | "who"
            | "this"
            | "these"
            | "those"
            | "than"
            | "per"
            | "times"
            | "more"
            | "less"
            | "percent"
            | "but"
            | "so"
            | "if"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "into"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "when"
            | "while"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "also"
            | "each"
            | "every"
            | "all"
            | "some"
            | "any"
            | "other"
            | "up"
            | "down"
            | "out"
            | "off"
            | "last"
            | "next"
            | "then"
            | "there"
            | "here"
            | "now"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "such"
            | "same"
            | "new"
            | "only"
            | "just"
            | "even"
            | "still"
            | "yet"
            | "ago"
            | "later"
            | "earlier"
            | "alone"
            | "each,"
            | "one"
            | "am"
            | "pm"
            | "via"
            | "among"
            | "between"
            | "against"
            | "through"
            | "during"
            | "without"
            | "within"
            | "across"
            | "toward"
            | "towards"
            | "including"
            | "least"
            | "most"
            | "much"
            | "many"
            | "what"
            | "where"
            | "why"
            | "how"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "i"
            | "them"
            | "us"
            | "him"
            | "me"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "year"
            | "years"
            | "month"
            | "months"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "first"
            | "second"
            | "plus"
            | "minus"
            | "around"
            | "roughly"
            | "nearly"
            | "almost"
            | "above"
            | "below"
            | "both"
            | "either"
            | "neither"
            | "because"
            | "though"
            | "although"
            | "whether"
            | "yes"
            | "again"
    )
}

/// Words that put a bare four-digit number into a date context.
pub fn is_date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "before"
            | "after"
            | "during"
            | "from"
            | "of"
            | "through"
            | "throughout"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "fy"
            | "circa"
            | "between"
            | "and"
            | "to"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "end"
            | "start"
            | "beginning"
            | "around"
            | "as"
            | "for"
            | "on"
            | "at"
            | "calendar"
            | "until,"
            | "about"
            | "than"
            | "within"
    )
}
