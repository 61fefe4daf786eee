//! The sentence prefilter: most prose sentences hold no claim, and a byte
//! scan proves it far more cheaply than tokenizing them and trying the
//! recognizers at every "the", "in" and "a".
//!
//! Every claim the recognizers find holds a digit, a dollar sign, a non-ASCII
//! symbol (currency signs, fractions) or an anchor word ([`lexicon::is_anchor_word`]:
//! number words, months, units...). In debug builds the extractor scans the
//! sentences this filter skips anyway and asserts that they hold no claim, so
//! every test run checks the rule.

use super::lexicon;
use super::wordtable::{LOWER, WordTable, hash_run};

/// Can `sentence` hold a claim at all?
pub(super) fn may_hold_claim(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match CLASS[usize::from(bytes[i])] {
            OTHER => i += 1,
            LETTER => {
                let start = i;
                let (end, hash) = word_at(bytes, i);
                i = end;
                // The tokenizer carries a word on through letters like "é", so
                // such a word is not what is looked up here: scan its sentence.
                if i < bytes.len()
                    && bytes[i] >= 0x80
                    && sentence[i..].chars().next().is_some_and(char::is_alphabetic)
                {
                    return true;
                }
                let word = &bytes[start..i];
                if ANCHORS.get_hashed(hash, word).is_some()
                    || (word.len() == 3 && lexicon::currency_code(&sentence[start..i]).is_some())
                {
                    return true;
                }
            }
            FIGURE => return true,
            _ => {
                let Some(c) = sentence[i..].chars().next() else { return true };
                if !is_typographic(c) {
                    return true;
                }
                i += c.len_utf8();
            }
        }
    }
    false
}

/// The end of the run of ASCII letters at `i`, and the word's hash for
/// the table.
fn word_at(bytes: &[u8], i: usize) -> (usize, u64) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Lower-cased (`| 0x20` maps no other byte into a..z), then bit 7 of
    // each byte set from 'a' on and from past 'z' on.
    let letters = |x: u64| {
        let low = (x | LOWER) & !HIGH;
        (low + 0x1f1f_1f1f_1f1f_1f1f) & !(low + 0x0505_0505_0505_0505) & !x & HIGH
    };
    hash_run(bytes, i, letters, |b| b.is_ascii_alphabetic())
}

/// Byte classes of the scan.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
/// A digit, or "$", which makes money of a word alone ("a$" reads as one
/// Australian dollar).
const FIGURE: u8 = 2;
/// The first byte of a non-ASCII character.
const HIGH: u8 = 3;

static CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte.is_ascii_digit() || byte == b'$' {
            FIGURE
        } else if byte >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        b += 1;
    }
    class
};

/// Punctuation and spaces that no claim starts with or needs: curly quotes,
/// dashes, the ellipsis, bullets, guillemets and no-break or thin spaces.
fn is_typographic(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'
            | '\u{2019}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '\u{2022}'
            | '\u{b7}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{a0}'
            | '\u{2009}'
            | '\u{202f}'
    )
}

/// The words [`lexicon::is_anchor_word`] accepts, for the hash table (a
/// test checks the two agree on every word the lexicon names).
#[rustfmt::skip]
const ANCHOR_WORDS: &[&str] = &[
    "zero", "nought", "naught", "nil", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "first", "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "nineth", "tenth", "eleventh", "twelfth", "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    "hundredth", "thousandth", "millionth", "billionth", "half", "halves", "thirds", "quarter",
    "quarters", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths",
    "hundredths", "thousandths", "hundred", "hundreds", "thousand", "thousands", "k", "thou",
    "lakh", "lakhs", "lac", "lacs", "million", "millions", "mn", "mln", "mio", "m", "mil", "crore",
    "crores", "billion", "billions", "bn", "bln", "b", "bil", "trillion", "trillions", "tn", "tln",
    "tr", "trn", "january", "jan", "february", "feb", "febr", "march", "mar", "april", "apr",
    "may", "june", "jun", "july", "jul", "august", "aug", "september", "sep", "sept", "october",
    "oct", "november", "nov", "december", "dec", "monday", "mon", "tuesday", "tue", "tues",
    "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat",
    "sunday", "sun", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries",
    "month", "months", "mos", "week", "weeks", "wk", "wks", "fortnight", "fortnights", "day",
    "days", "hour", "hours", "hr", "hrs", "h", "mg", "milligram", "milligrams", "milligramme",
    "milligrammes", "g", "gr", "gram", "grams", "gramme", "grammes", "kg", "kgs", "kilo", "kilos",
    "kilogram", "kilograms", "kilogramme", "kilogrammes", "t", "tonne", "tonnes", "ton", "tons",
    "lb", "lbs", "pound", "pounds", "oz", "ounce", "ounces", "mm", "millimeter", "millimeters",
    "millimetre", "millimetres", "cm", "centimeter", "centimeters", "centimetre", "centimetres",
    "meter", "meters", "metre", "metres", "km", "kms", "kilometer", "kilometers", "kilometre",
    "kilometres", "inch", "inches", "ft", "foot", "feet", "yd", "yds", "yard", "yards", "mi",
    "mile", "miles", "sqm", "acre", "acres", "hectare", "hectares", "ha", "ml", "milliliter",
    "milliliters", "millilitre", "millilitres", "l", "liter", "liters", "litre", "litres", "ltr",
    "hl", "hectoliter", "hectoliters", "hectolitre", "hectolitres", "gal", "gals", "gallon",
    "gallons", "bbl", "bbls", "barrel", "barrels", "bpd", "cup", "cups", "tbsp", "tbsps", "tablespoon", "tablespoons",
    "tsp", "tsps", "teaspoon", "teaspoons", "mph", "kph", "kmph", "kw", "kilowatt", "kilowatts", "mw",
    "megawatt", "megawatts", "gw", "gigawatt", "gigawatts", "kwh", "mwh", "gwh", "twh", "dollar",
    "dollars", "cent", "cents", "euro", "euros", "quid", "sterling", "pence", "penny", "pennies",
    "yen", "won", "yuan", "renminbi", "rmb", "rupee", "rupees", "rs", "ringgit", "ringgits",
    "shekel", "shekels", "shekalim", "tugrik", "tugriks", "hryvnia", "hryvnias", "hryvnas",
    "rouble", "roubles", "ruble", "rubles", "lira", "liras", "lire", "rand", "baht", "naira",
    "markka", "markkaa", "peseta", "pesetas", "guilder", "guilders", "reais", "zloty", "zlotys",
    "zlotych", "forint", "forints", "rupiah", "dirham", "dirhams", "kronor", "krona", "koruna", "korunas", "dozen", "dozens",
    "pair", "pairs", "percentage", "cedi", "cedis", "taka", "tenge",
];

/// [`ANCHOR_WORDS`] by hash of the lower-cased word: the scan hashes each
/// word in the same pass that finds its end.
static ANCHORS: WordTable<4096> = WordTable::new(ANCHOR_WORDS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_exactly_the_anchor_words_the_lexicon_names() {
        for w in ANCHOR_WORDS {
            assert!(lexicon::is_anchor_word(w), "{w} is in the table but not an anchor word");
        }
        // Every lower-case word the lexicon source names and accepts as an
        // anchor must be in the table, or the prefilter would skip its sentences.
        let source = include_str!("lexicon.rs");
        for literal in source.split('"').skip(1).step_by(2) {
            if !literal.is_empty()
                && literal.bytes().all(|b| b.is_ascii_lowercase())
                && lexicon::is_anchor_word(literal)
            {
                assert!(
                    ANCHOR_WORDS.contains(&literal),
                    "the anchor word {literal} is missing from the table"
                );
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_reject_other_words() {
        for w in ["March", "TWELVE", "dozen", "Kilogrammes", "h"] {
            assert!(ANCHORS.get(w.as_bytes()).is_some(), "{w}");
        }
        for w in ["the", "in", "a", "Meta", "revenue", "twelv", "dozens2", ""] {
            assert!(ANCHORS.get(w.as_bytes()).is_none(), "{w}");
        }
    }

    #[test]
    fn sentences_without_anchors_are_skipped() {
        for s in [
            "Analysts said the move was widely expected.",
            "The company did not respond to a request for comment.",
            "\u{201c}It\u{2019}s a turning point \u{2014} for all of us,\u{201d} she said.",
            "",
        ] {
            assert!(!may_hold_claim(s), "{s}");
        }
        for s in [
            "Revenue rose 12%.",
            "It took a decade.",
            "Founded in March, it grew.",
            "Sales topped \u{20ac}5bn.",
            "A USD figure.",
            "Half of them left.",
            "The caf\u{e9} opened.",
            "It costs \u{bd} as much.",
            "c a$",
        ] {
            assert!(may_hold_claim(s), "{s}");
        }
    }
}
