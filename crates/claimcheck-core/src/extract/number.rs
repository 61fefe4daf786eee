//! Numbers written in digits, words or both: "1,200", "fourteen billion",
//! "two hundred and fifty million", "5.5m", "a dozen", "two thirds",
//! "nine point nought four", "three lakh crore".

use super::lexicon;
use super::token::Tokens;

/// A parsed number and the tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumExpr {
    /// The value, sign and scale applied.
    pub value: f64,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Some part is written in words.
    pub spelled: bool,
    /// A single digit literal with no separators, decimals, sign or scale.
    pub bare_int: bool,
    /// A scale word or suffix applied ("billion", "bn", "k").
    pub scaled: bool,
    /// Only a fraction ("a third", "half"): no whole part.
    pub fraction_only: bool,
    /// The last scale applied (1 when none): "billion" in "$5 billion".
    pub scale: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    None,
    Digits,
    Units,
    Teen,
    Tens,
    Hundred,
    Scale,
    Fraction,
}

/// Parse the number that starts at token `i`, if any.
pub fn parse(t: &Tokens, i: usize) -> Option<NumExpr> {
    let mut k = i;
    let mut negative = false;
    match t.lower(k) {
        // "plus or minus 2%" is a margin, not a negative figure.
        "minus" | "negative"
            if starts_number(t, k + 1) && !(k >= 2 && t.lower(k - 1) == "or" && t.lower(k - 2) == "plus") =>
        {
            negative = true;
            k += 1;
        }
        // "-40", "−40" (the minus sign)
        "-" | "−" if t.num(k + 1).is_some() && sign_context(t, k) => {
            negative = true;
            k += 1;
        }
        _ => {}
    }
    let body_start = k;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Atom::None;
    let mut last_scale = 1.0f64;
    let mut spelled = false;
    let mut scaled = false;
    let mut digit_tokens = 0;
    let mut fancy_digits = false;
    let mut fraction_only = false;
    let mut any = false;

    while k < t.len() {
        let w = t.lower(k);
        // A fraction alone or after the whole number: a fraction character
        // ("½ cup", "2½ years", "1 ½ cups"), or a slash fraction before a
        // unit ("1/2 cup", "10 1/2 miles", "1/4 mile").
        let fraction = match t.sym(k).and_then(unicode_fraction) {
            Some(frac) if last == Atom::None || (last == Atom::Digits && current.fract() == 0.0) => {
                Some((frac, 1))
            }
            _ => slash_fraction(t, k)
                .filter(|_| {
                    matches!(last, Atom::None | Atom::Digits) && (last == Atom::None || t.toks[k].gap)
                })
                .map(|frac| (frac, 3)),
        };
        if let Some((frac, tokens)) = fraction {
            current += frac;
            fancy_digits = true;
            any = true;
            last = Atom::Fraction;
            k += tokens;
            continue;
        }
        if let Some(lit) = t.num(k) {
            if !matches!(last, Atom::None | Atom::Hundred | Atom::Scale) {
                break;
            }
            if last != Atom::None && !t.toks[k].gap {
                break;
            }
            let (value, next) = join_space_groups(t, k, lit.value);
            fancy_digits |= lit.grouped || lit.frac_digits > 0 || lit.exponent || next > k + 1;
            current += value;
            digit_tokens += 1;
            any = true;
            last = Atom::Digits;
            k = next;
            // "1.3x10^6"
            if t.lower(k) == "x"
                && t.glued(k)
                && t.num(k + 1).is_some_and(|n| n.value == 10.0)
                && t.sym(k + 2) == Some('^')
                && let Some(e) = t.num(k + 3)
            {
                current *= 10f64.powf(e.value);
                fancy_digits = true;
                k += 4;
            }
            continue;
        }
        if let Some(v) = lexicon::cardinal(w) {
            let ok = match last {
                // "$10.7 billion two years later": words do not go on a
                // figure written in digits.
                // ("6 crore and two hundred" goes on after its "and").
                Atom::Scale if digit_tokens > 0 && t.lower(k - 1) != "and" => false,
                Atom::None | Atom::Hundred | Atom::Scale => true,
                Atom::Tens => (1.0..10.0).contains(&v),
                _ => false,
            };
            if !ok {
                break;
            }
            current += v;
            spelled = true;
            any = true;
            last = if v >= 20.0 {
                Atom::Tens
            } else if v >= 10.0 {
                Atom::Teen
            } else {
                Atom::Units
            };
            k += 1;
            // "twenty-one", "fifty - two"
            if last == Atom::Tens
                && t.sym(k) == Some('-')
                && lexicon::cardinal(t.lower(k + 1)).is_some_and(|u| (1.0..10.0).contains(&u))
            {
                k += 1;
            }
            continue;
        }
        match w {
            "a" | "an" if last == Atom::None && a_means_one(t, k + 1) => {
                current = 1.0;
                last = Atom::Units;
                spelled = true;
                k += 1;
                // "a" alone is not a number; it must be followed by what a_means_one saw.
                continue;
            }
            "hundred" | "hundreds" => {
                if !any && last != Atom::Units {
                    break;
                }
                current = if current == 0.0 { 100.0 } else { current * 100.0 };
                last = Atom::Hundred;
                any = true;
                spelled = true;
                k += 1;
                continue;
            }
            "dozen" | "dozens" if any || last == Atom::Units => {
                current = if current == 0.0 { 12.0 } else { current * 12.0 };
                last = Atom::Scale;
                spelled = true;
                any = true;
                k += 1;
                continue;
            }
            "pair" | "pairs" if last == Atom::Units && current == 1.0 => {
                current = 2.0;
                k += 1;
                any = true;
                continue;
            }
            "and"
                if matches!(
                    last,
                    Atom::Hundred | Atom::Scale | Atom::Units | Atom::Teen | Atom::Tens | Atom::Digits
                ) =>
            {
                // "one hundred and six", "6 crore and two hundred", "one and a half"
                if let Some((frac, next)) = and_fraction(t, k + 1) {
                    if last == Atom::Scale && current == 0.0 {
                        total += frac * last_scale;
                    } else {
                        current += frac;
                    }
                    last = Atom::Fraction;
                    k = next;
                    continue;
                }
                let next_is_number = lexicon::cardinal(t.lower(k + 1)).is_some() || t.num(k + 1).is_some();
                // "6 crore and two hundred" continues; "$10K and 5.5m euros" is two amounts:
                // only a spelled scale continues, and only with a smaller part.
                let spelled_scale = last != Atom::Scale || k > 0 && lexicon::is_spelled_scale(t.lower(k - 1));
                let next_scale = (k + 2..k + 5).find_map(|j| scale_at(t, j, Atom::Digits)).unwrap_or(0.0);
                let smaller = last != Atom::Scale || next_scale < last_scale;
                if matches!(last, Atom::Hundred | Atom::Scale) && next_is_number && spelled_scale && smaller {
                    k += 1;
                    continue;
                }
                break;
            }
            "point"
                if (any || starts_number(t, k + 1))
                    && matches!(
                        last,
                        Atom::None | Atom::Units | Atom::Teen | Atom::Tens | Atom::Digits | Atom::Hundred
                    ) =>
            {
                let Some((frac, next)) = decimal_part(t, k + 1) else { break };
                current += frac;
                spelled = true;
                any = true;
                last = Atom::Fraction;
                k = next;
                continue;
            }
            "quarter"
                if (last == Atom::None || (last == Atom::Units && current == 1.0))
                    && lexicon::is_spelled_scale(t.lower(k + 1)) =>
            {
                // "a quarter million"
                current = 0.25;
                any = true;
                spelled = true;
                last = Atom::Units;
                k += 1;
                continue;
            }
            "half" if last == Atom::None || (last == Atom::Units && current == 1.0) => {
                // "half a million", "half million", "a half", "half a dozen", "half of"
                // "roughly half of its staff": a share; "the first half of
                // 2024" is a period.
                let share_of = t.lower(k + 1) == "of"
                    && (k == 0
                        || !(matches!(
                            t.lower(k - 1),
                            "first" | "second" | "the" | "latter" | "former" | "back" | "front"
                        ) || (t.sym(k - 1) == Some('-') && t.glued(k))));
                let standalone_ok = last == Atom::Units
                    || share_of
                    || lexicon::scale(t.lower(k + 1))
                        .is_some_and(|_| lexicon::is_spelled_scale(t.lower(k + 1)))
                    || (matches!(t.lower(k + 1), "a" | "an") && is_scale_or_dozen(t.lower(k + 2)));
                if !standalone_ok {
                    break;
                }
                current = 0.5;
                fraction_only = true;
                any = true;
                spelled = true;
                last = Atom::Units;
                k += 1;
                if matches!(t.lower(k), "a" | "an") && is_scale_or_dozen(t.lower(k + 1)) {
                    k += 1;
                }
                if matches!(t.lower(k), "dozen") {
                    current *= 12.0;
                    k += 1;
                    last = Atom::Scale;
                }
                continue;
            }
            _ => {}
        }
        // Fractions after a small cardinal: "two thirds", "one eighth", "five - eighths", "a third".
        if matches!(last, Atom::Units | Atom::Teen)
            && current > 0.0
            && current < 20.0
            && !matches!(w, "second" | "seconds")
        {
            let (den_tok, skip) = if t.sym(k) == Some('-') { (k + 1, 2) } else { (k, 1) };
            if let Some(den) = lexicon::fraction_denominator(t.lower(den_tok))
                && (current != 1.0 || !t.lower(den_tok).ends_with('s') || t.lower(den_tok) == "halves")
                && !(t.lower(den_tok) == "hundredth"
                    && t.lower(body_start) != "a"
                    && t.lower(body_start) != "one")
                // "for a sixth time", "a third term": a rank before a noun.
                && !(matches!(t.lower(body_start), "a" | "an")
                    && !matches!(t.lower(den_tok), "quarter" | "quarters" | "half")
                    && t.is_word(den_tok + 1)
                    && !matches!(t.lower(den_tok + 1), "of" | "more" | "less" | "fewer" | "larger" | "smaller" | "higher" | "lower")
                    && lexicon::scale(t.lower(den_tok + 1)).is_none())
            {
                current /= den;
                any = true;
                fraction_only = total == 0.0;
                last = Atom::Fraction;
                k += skip;
                // "two thirds of a million"
                if t.lower(k) == "of"
                    && matches!(t.lower(k + 1), "a" | "an")
                    && let Some(s) =
                        lexicon::scale(t.lower(k + 2)).filter(|_| lexicon::is_spelled_scale(t.lower(k + 2)))
                {
                    current *= s;
                    fraction_only = false;
                    k += 3;
                }
                continue;
            }
        }
        // "$1.5-billion", "a 2-million-strong army": a scale word hyphenated
        // to the digits.
        if last == Atom::Digits
            && t.sym(k) == Some('-')
            && t.glued(k)
            && t.glued(k + 1)
            && lexicon::is_spelled_scale(t.lower(k + 1))
            && scale_at(t, k + 1, last).is_some_and(|s| s >= 1000.0)
        {
            k += 1;
            continue;
        }
        // Scale words and suffixes.
        if let Some(s) = scale_at(t, k, last) {
            if s < 1000.0 {
                break;
            }
            if current == 0.0 && total > 0.0 && s > last_scale {
                total *= s;
            } else {
                total += if current == 0.0 { s } else { current * s };
                current = 0.0;
            }
            last_scale = s;
            // "a million": the article counts once a scale follows it.
            any |= last != Atom::None;
            last = Atom::Scale;
            scaled = true;
            k += 1;
            if lexicon::is_spelled_scale(w) {
                spelled = true;
            }
            continue;
        }
        break;
    }
    if !any || k == body_start {
        return None;
    }
    // "a" on its own, or "one and" with nothing after, is not a number.
    if last == Atom::Units
        && current == 1.0
        && total == 0.0
        && matches!(t.lower(body_start), "a" | "an")
        && k == body_start + 1
    {
        return None;
    }
    let mut value = round_significant(total + current);
    if negative {
        value = -value;
    }
    let bare_int = digit_tokens == 1 && !spelled && !scaled && !fancy_digits && !negative;
    let scale = if scaled { last_scale } else { 1.0 };
    // "forty-five (45)": the figure repeated in digits is the same number.
    if spelled
        && digit_tokens == 0
        && t.sym(k) == Some('(')
        && t.num(k + 1).is_some_and(|n| n.value == value)
        && t.sym(k + 2) == Some(')')
    {
        k += 3;
    }
    Some(NumExpr {
        value,
        start: i,
        end: k,
        spelled,
        bare_int,
        scaled,
        fraction_only: fraction_only && !scaled,
        scale,
    })
}

/// "1/2" directly followed by a unit word.
fn slash_fraction(t: &Tokens, k: usize) -> Option<f64> {
    let a = t.num(k)?;
    if t.sym(k + 1) != Some('/') || !t.glued(k + 1) || !t.glued(k + 2) {
        return None;
    }
    let b = t.num(k + 2)?;
    if a.frac_digits > 0 || b.frac_digits > 0 || !(2.0..=16.0).contains(&b.value) || a.value >= b.value {
        return None;
    }
    let unit = t.lower(k + 3);
    let unit = if unit == "-" { t.lower(k + 4) } else { unit };
    (lexicon::quantity_unit(unit).is_some() || lexicon::duration_unit(unit).is_some())
        .then(|| a.value / b.value)
}

/// Round away binary noise from scaling ("8.45 billion" is 8450000000, not
/// 8449999999.999999): keep 15 significant digits.
pub fn round_significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // Scale to 15 significant digits, round, scale back: cheap, and exact
    // for the decimal figures news text writes.
    let digits = x.abs().log10().floor() as i32;
    let shift = 14 - digits;
    if !(-300..=300).contains(&shift) {
        return x;
    }
    let m = 10f64.powi(shift);
    let r = (x * m).round() / m;
    if r.is_finite() { r } else { x }
}

fn starts_number(t: &Tokens, k: usize) -> bool {
    t.num(k).is_some() || lexicon::cardinal(t.lower(k)).is_some() || matches!(t.lower(k), "point")
}

/// A `-` is a minus sign when it does not join two words or numbers.
fn sign_context(t: &Tokens, k: usize) -> bool {
    let glued_to_next = !t.toks[k + 1].gap;
    if k == 0 {
        return true;
    }
    let prev = &t.toks[k - 1];
    let after_space = t.toks[k].gap;
    let prev_is_value = matches!(prev.kind, super::token::TokKind::Num(_) | super::token::TokKind::Word)
        || matches!(t.sym(k - 1), Some('$' | '%' | ')'));
    !prev_is_value || (after_space && glued_to_next)
}

fn a_means_one(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    is_scale_or_dozen(w)
        || matches!(
            w,
            "hundred"
                | "pair"
                | "half"
                | "quarter"
                | "third"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "hundredth"
                | "thousandth"
        )
}

pub(super) fn is_scale_or_dozen(w: &str) -> bool {
    w == "dozen" || lexicon::is_spelled_scale(w)
}

/// A scale at token `k`: spelled words anywhere; suffixes (`bn`, `k`, `M`) only
/// right after digits, glued or (for unambiguous ones) after a space.
fn scale_at(t: &Tokens, k: usize, last: Atom) -> Option<f64> {
    let w = t.lower(k);
    let s = lexicon::scale(w)?;
    if lexicon::is_spelled_scale(w) {
        return Some(s);
    }
    if last != Atom::Digits {
        return None;
    }
    let raw = &t.toks[k];
    let glued = !raw.gap;
    // A suffix must end the word: "10km" is not "10k" + "m".
    match w {
        "k" | "bn" | "mn" | "mln" | "bln" | "tn" | "tln" | "trn" => Some(s),
        // "1.8m tall" is metres.
        "m" if glued
            && matches!(
                t.lower(k + 1),
                "tall" | "long" | "high" | "wide" | "deep" | "away" | "high," | "tall,"
            ) =>
        {
            None
        }
        "m" | "b" if glued => Some(s),
        "m" if !glued && !raw.upper => None,
        "m" => Some(s),
        "mil" | "mio" | "bil" | "thou" => Some(s),
        _ if glued => Some(s),
        _ => None,
    }
}

/// "1 234 567" with plain spaces: a first group of one to three digits and at
/// least two more groups of exactly three, each after a single space. A lone
/// pair ("3 300", "2016 10") is too often two numbers.
fn join_space_groups(t: &Tokens, k: usize, value: f64) -> (f64, usize) {
    let Some(first) = t.num(k) else { return (value, k + 1) };
    if first.int_digits > 3 || first.grouped || first.frac_digits > 0 {
        return (value, k + 1);
    }
    let mut joined = value;
    let mut next = k + 1;
    while let Some(g) = t.num(next) {
        let raw = &t.toks[next];
        let single_space = raw.gap && raw.start == t.toks[next - 1].end + 1;
        if !single_space || g.int_digits != 3 || g.grouped || g.exponent {
            break;
        }
        joined = joined * 1000.0 + g.value;
        next += 1;
        if g.frac_digits > 0 {
            break;
        }
    }
    if next - k >= 3 { (joined, next) } else { (value, k + 1) }
}

/// The value of a vulgar fraction character ("½" is 0.5).
pub(super) fn unicode_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// "and a half", "and a quarter", "and one half", "and two thirds", "and half".
fn and_fraction(t: &Tokens, k: usize) -> Option<(f64, usize)> {
    let (num, k) = match t.lower(k) {
        "a" | "an" | "one" => (1.0, k + 1),
        "half" => return Some((0.5, k + 1)),
        w => (lexicon::cardinal(w).filter(|v| (2.0..10.0).contains(v))?, k + 1),
    };
    let den = lexicon::fraction_denominator(t.lower(k))?;
    Some((num / den, k + 1))
}

/// The digits after "point": "seventy-one" (.71), "nought four" (.04), "77".
fn decimal_part(t: &Tokens, mut k: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    if t.num(k).is_some_and(|lit| lit.frac_digits == 0 && !lit.grouped) {
        let s: String = t.lower(k).chars().filter(char::is_ascii_digit).collect();
        return Some((format!("0.{s}").parse().ok()?, k + 1));
    }
    while let Some(v) = lexicon::cardinal(t.lower(k)) {
        if v >= 10.0 {
            // A compound ("seventy-one", "eleven") ends the decimals.
            let mut n = v as u64;
            let mut next = k + 1;
            if v >= 20.0 && t.sym(next) == Some('-') {
                next += 1;
            }
            if v >= 20.0
                && let Some(u) = lexicon::cardinal(t.lower(next)).filter(|u| (1.0..10.0).contains(u))
            {
                n += u as u64;
                next += 1;
            } else if t.sym(k + 1) == Some('-') {
                next = k + 1;
            }
            digits.push_str(&n.to_string());
            k = next;
            break;
        }
        digits.push(char::from(b'0' + v as u8));
        k += 1;
    }
    if digits.is_empty() {
        return None;
    }
    Some((format!("0.{digits}").parse().ok()?, k))
}

/// Parse an ordinal at `i`: "3rd", "first", "twenty-fifth", "one hundred twenty fifth".
pub fn parse_ordinal(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if let Some(lit) = t.num(i) {
        let suffix = t.lower(i + 1);
        if t.glued(i + 1) && matches!(suffix, "st" | "nd" | "rd" | "th") && lit.frac_digits == 0 {
            return Some((lit.value, i + 2));
        }
        return None;
    }
    if let Some(v) = lexicon::ordinal(t.lower(i)) {
        // "a hundredth of a second" is a fraction; "the hundredth time" a rank.
        if matches!(t.lower(i), "hundredth" | "thousandth" | "millionth" | "billionth")
            && !(i > 0 && matches!(t.lower(i - 1), "the" | "its" | "his" | "her" | "their" | "our"))
        {
            return None;
        }
        return Some((v, i + 1));
    }
    // A cardinal prefix ending in tens, hundred or a scale, then an ordinal word.
    let prefix = parse_cardinal_prefix(t, i)?;
    let (base, k) = prefix;
    let k2 = if t.sym(k) == Some('-') { k + 1 } else { k };
    let ord = lexicon::ordinal(t.lower(k2))?;
    let value = if ord >= 100.0 { base * ord } else { base + ord };
    Some((value, k2 + 1))
}

fn parse_cardinal_prefix(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    let mut k = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Atom::None;
    while k < t.len() {
        let w = t.lower(k);
        if let Some(v) = lexicon::cardinal(w) {
            if !(matches!(last, Atom::None | Atom::Hundred | Atom::Scale) || (last == Atom::Tens && v < 10.0))
            {
                break;
            }
            // Stop before a unit that the ordinal word should supply.
            current += v;
            last = if v >= 20.0 { Atom::Tens } else { Atom::Units };
            k += 1;
        } else if matches!(w, "hundred") && last != Atom::None {
            current *= 100.0;
            last = Atom::Hundred;
            k += 1;
        } else if let Some(s) =
            lexicon::scale(w).filter(|_| lexicon::is_spelled_scale(w) && last != Atom::None)
        {
            total += current * s;
            current = 0.0;
            last = Atom::Scale;
            k += 1;
        } else if w == "and" && matches!(last, Atom::Hundred | Atom::Scale) {
            k += 1;
        } else {
            break;
        }
    }
    let next = if t.sym(k) == Some('-') { k + 1 } else { k };
    let ord_word = t.lower(next);
    lexicon::ordinal(ord_word)?;
    // "two hundredth" (200th) is an ordinal; "one eighth" is a fraction.
    let value = total + current;
    let ok = match last {
        Atom::Tens | Atom::Hundred | Atom::Scale => true,
        Atom::Units => matches!(ord_word, "hundredth" | "thousandth" | "millionth"),
        _ => false,
    };
    if !ok || k == i {
        return None;
    }
    Some((value, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Option<(f64, String)> {
        let mut t = Tokens::default();
        t.fill(s, 0, s.len());
        let n = parse(&t, 0)?;
        Some((n.value, s[t.toks[n.start].start..t.toks[n.end - 1].end].to_string()))
    }

    #[test]
    fn numbers_in_words_and_digits() {
        let cases: &[(&str, f64, &str)] = &[
            ("fourteen billion dollars", 14e9, "fourteen billion"),
            ("two hundred and fifty million euros", 250e6, "two hundred and fifty million"),
            ("twenty-one thousand Eleven", 21011.0, "twenty-one thousand Eleven"),
            (
                "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
                31256721.0,
                "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
            ),
            ("a dozen eggs", 12.0, "a dozen"),
            ("two hundred dozens", 2400.0, "two hundred dozens"),
            ("half a  dozen", 6.0, "half a  dozen"),
            ("two thirds", 2.0 / 3.0, "two thirds"),
            ("a third of staff", 1.0 / 3.0, "a third"),
            ("five - eighths", 0.625, "five - eighths"),
            ("one and a half", 1.5, "one and a half"),
            ("five and a half million fishes", 5.5e6, "five and a half million"),
            ("3 million and a half", 3.5e6, "3 million and a half"),
            ("two thirds of a million", 2e6 / 3.0, "two thirds of a million"),
            ("nine point nought four", 9.04, "nine point nought four"),
            ("two hundred point seventy-one", 200.71, "two hundred point seventy-one"),
            ("two point two million", 2.2e6, "two point two million"),
            ("three lakh crore", 3e12, "three lakh crore"),
            ("three thousand millions", 3e9, "three thousand millions"),
            ("4 thousand 3 hundred and 21 is", 4321.0, "4 thousand 3 hundred and 21"),
            ("minus three million two hundred thousand", -3.2e6, "minus three million two hundred thousand"),
            ("1.2b", 1.2e9, "1.2b"),
            ("10 bln", 1e10, "10 bln"),
            ("1,674,200.5 M", 1674200.5e6, "1,674,200.5 M"),
            ("3000K", 3e6, "3000K"),
            ("1 414 021 100.", 1414021100.0, "1 414 021 100"),
            ("1.3x10^6", 1.3e6, "1.3x10^6"),
            ("- 1,200,000", -1.2e6, "- 1,200,000"),
            ("half million", 5e5, "half million"),
        ];
        for (input, value, text) in cases {
            let got = parse_str(input).unwrap_or_else(|| panic!("no number in {input:?}"));
            assert!((got.0 - value).abs() <= 1e-6 * value.abs().max(1.0), "{input:?}: {} != {value}", got.0);
            assert_eq!(got.1, *text, "{input:?}");
        }
    }

    #[test]
    fn not_numbers() {
        for input in ["a", "an", "and", "half the time", "the"] {
            assert_eq!(parse_str(input), None, "{input:?}");
        }
        // "two three" is two numbers, "3 30" too.
        assert_eq!(parse_str("two three").map(|p| p.1), Some("two".to_string()));
        assert_eq!(parse_str("3 30").map(|p| p.1), Some("3".to_string()));
    }

    #[test]
    fn ordinals() {
        let cases: &[(&str, f64)] = &[
            ("21st", 21.0),
            ("twenty-fifth", 25.0),
            ("twenty fifth", 25.0),
            ("one hundred twenty fifth", 125.0),
            ("two hundredth", 200.0),
            ("thirty first", 31.0),
            ("Nineth", 9.0),
        ];
        for (input, value) in cases {
            let mut t = Tokens::default();
            t.fill(input, 0, input.len());
            let got = parse_ordinal(&t, 0).unwrap_or_else(|| panic!("no ordinal in {input:?}"));
            assert_eq!(got.0, *value, "{input:?}");
            assert_eq!(got.1, t.len(), "{input:?}");
        }
    }
}
