//! Amounts around a number: money, percentages, durations, quantities and
//! counts, with qualifiers ("about", "up to"), ranges ("$10 to $120") and
//! rates ("per month").

use super::lexicon;
use super::number::{self, NumExpr};
use super::token::Tokens;
use crate::claim::{ClaimKind, Qualifier};

/// The currencies an article gave the ambiguous currency nouns ("crowns",
/// "pesos", "dinars", "riyals") by naming them once with their country
/// ("28.4 billion Danish crowns"): a later bare mention ("19.4 billion
/// crowns") is the same currency. "pounds" works the same way: once an
/// article has written an amount in pounds that can only be money ("712.8
/// million pounds"), its bare "380 pounds" are money too, unless the
/// sentence is about weight ("weighs 380 pounds") or says what is weighed
/// ("500 pounds of beef").
#[derive(Debug, Clone, Copy, Default)]
pub struct NounCurrencies([Option<&'static str>; 5]);

impl NounCurrencies {
    const POUNDS: usize = 4;

    fn family(noun: &str) -> Option<usize> {
        Some(match noun {
            "crown" | "crowns" | "krone" | "kroner" => 0,
            "peso" | "pesos" => 1,
            "dinar" | "dinars" => 2,
            "riyal" | "riyals" | "rial" | "rials" => 3,
            "pound" | "pounds" | "sterling" => Self::POUNDS,
            _ => return None,
        })
    }

    /// Remember the currency of `m` if it ends with such a noun and has
    /// one, or give it the one remembered if it is a bare count of them.
    pub fn settle(&mut self, t: &Tokens, m: &mut Measure) {
        let Some(family) = m.end.checked_sub(1).and_then(|k| Self::family(t.lower(k))) else { return };
        match m.kind {
            // "$5 per pound" names a weight, not the currency.
            ClaimKind::Money if m.per.is_none() => {
                if let Some(code) = m.unit.as_deref().and_then(lexicon::currency_code) {
                    self.0[family] = Some(code);
                }
            }
            ClaimKind::Number if m.unit.as_deref().and_then(Self::family) == Some(family) => {
                if let Some(code) = self.0[family] {
                    m.kind = ClaimKind::Money;
                    m.unit = Some(code.to_string());
                }
            }
            ClaimKind::Quantity if family == Self::POUNDS && !Self::weighs(t, m) => {
                if let Some(code) = self.0[family] {
                    m.kind = ClaimKind::Money;
                    m.unit = Some(code.to_string());
                }
            }
            _ => {}
        }
    }

    /// Is the amount in pounds `m` a weight by its sentence: a word of
    /// weight anywhere in it, or "of" and what is weighed after it?
    fn weighs(t: &Tokens, m: &Measure) -> bool {
        let weighed = t.lower(m.end) == "of" && !lexicon::is_money_noun(t.lower(m.end + 1));
        weighed
            || (0..t.len()).any(|k| {
                let w = t.lower(k);
                w.starts_with("weigh")
                    || matches!(
                        w,
                        "heavy"
                            | "heavier"
                            | "heaviest"
                            | "lighter"
                            | "lightest"
                            | "lose"
                            | "loses"
                            | "lost"
                            | "losing"
                            | "gain"
                            | "gained"
                            | "gains"
                            | "obese"
                            | "overweight"
                            | "payload"
                    )
            })
    }
}

/// A measured amount found at some token.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// First token (qualifier included).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Kind of claim.
    pub kind: ClaimKind,
    /// Value, or the low end of a range.
    pub value: f64,
    /// High end of a range.
    pub high: Option<f64>,
    /// Currency code, `%`, `pp`, duration unit, unit symbol or counted noun.
    pub unit: Option<String>,
    /// Rate denominator.
    pub per: Option<String>,
    /// How the figure is bounded.
    pub qualifier: Qualifier,
    /// The number is a lone integer with no unit, scale or separators.
    pub bare_int: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Unit {
    None,
    Money(String),
    Percent(&'static str),
    Duration(&'static str),
    Quantity(&'static str),
}

#[derive(Debug, Clone)]
struct Amount {
    end: usize,
    value: f64,
    unit: Unit,
    num: Option<NumExpr>,
}

/// Recognize an amount starting at token `i`.
pub fn recognize(text: &str, t: &Tokens, i: usize, default_currency: &str) -> Option<Measure> {
    let words: [&str; 3] = [t.lower(i), t.lower(i + 1), t.lower(i + 2)];
    let (qualifier, mut k) = match lexicon::qualifier_prefix(&words) {
        Some((q, n)) => (Some(q), i + n),
        None => (None, i),
    };
    // "the price went up to $13.99" is a move to a level, not a bound.
    let moved_up = words[0] == "up"
        && i > 0
        && matches!(
            t.lower(i - 1),
            "went"
                | "go"
                | "goes"
                | "going"
                | "gone"
                | "moved"
                | "shot"
                | "jumped"
                | "climbed"
                | "rose"
                | "risen"
        );
    let (qualifier, i) = if moved_up { (None, k) } else { (qualifier, i) };
    let range_intro = match t.lower(k) {
        "between" => Some("between"),
        "from" => Some("from"),
        _ => None,
    };
    if range_intro.is_some() {
        k += 1;
    }
    if range_intro.is_none()
        && let Some((value, unit, end)) = points_in_words(t, k)
    {
        return Some(Measure {
            start: i,
            end,
            kind: ClaimKind::Percent,
            value,
            high: None,
            unit: Some(unit.to_string()),
            per: None,
            qualifier: qualifier.unwrap_or_default(),
            bare_int: false,
        });
    }
    let first = amount(text, t, k, default_currency)?;
    // "lower than a year earlier" compares a figure with the past: a span
    // of time is never "lower" or "higher", so the comparison is not its.
    let (qualifier, start) = if matches!(first.unit, Unit::Duration(_))
        && matches!(words[0], "lower" | "higher" | "greater")
        && range_intro.is_none()
    {
        (None, k)
    } else {
        (qualifier, i)
    };
    let mut m = Measure {
        start,
        end: first.end,
        kind: ClaimKind::Number,
        value: first.value,
        high: None,
        unit: None,
        per: None,
        qualifier: qualifier.unwrap_or_default(),
        bare_int: first.num.is_some_and(|n| n.bare_int) && first.unit == Unit::None,
    };
    let mut unit = first.unit.clone();
    // "three quarters of a mile", "half of an hour", "two-thirds of a cup":
    // a fraction of one unit.
    if unit == Unit::None
        && range_intro.is_none()
        && first.num.is_some_and(|n| n.fraction_only && n.spelled)
        && t.lower(first.end) == "of"
        && matches!(t.lower(first.end + 1), "a" | "an")
        && let Some(one) = article_amount(text, t, first.end + 1, default_currency)
        && matches!(one.unit, Unit::Quantity(_) | Unit::Duration(_))
    {
        m.value = first.value * one.value;
        m.end = one.end;
        unit = one.unit;
    }
    // "One in five Americans", "1 in 4 adults": a share, in percent.
    if unit == Unit::None
        && range_intro.is_none()
        && t.lower(first.end) == "in"
        && let Some(of) = number::parse(t, first.end + 1)
        && let Some(part) = first.num
    {
        let whole = |n: &NumExpr| !n.scaled && !n.fraction_only && n.value.fract() == 0.0;
        // "2 in 10 minutes" is a count in a time.
        let unit_after = lexicon::duration_unit(t.lower(of.end)).is_some()
            || matches!(t.lower(of.end), "minute" | "minutes" | "second" | "seconds")
            || lexicon::quantity_unit(t.lower(of.end)).is_some()
            || t.sym(of.end) == Some('%');
        if whole(&part)
            && whole(&of)
            && part.value >= 1.0
            && of.value > part.value
            && of.value <= 1000.0
            && !unit_after
        {
            m.kind = ClaimKind::Percent;
            m.value = number::round_significant(part.value / of.value * 100.0);
            m.unit = Some("%".to_string());
            m.end = of.end;
            return Some(m);
        }
    }
    // Range: "X to Y", "X-Y", "between X and Y", "from X to Y".
    // "Shares fell 40 cents to $12.35": after a verb of change, two figures
    // that each carry their unit are the change and the new level.
    // ("shrunk by about $1.8 trillion to $7.1 trillion")
    let changed_by = i > 1 && t.lower(i - 1) == "by" && lexicon::is_change_verb(t.lower(i - 2));
    // "raised the price of its plan by $2 to $22.99": after "by", a second
    // figure many times the first is the new level, not a range's end.
    let by_to_level = |second: &Amount| {
        i > 0 && t.lower(i - 1) == "by" && first.unit != Unit::None && second.value > 3.0 * first.value
    };
    let changed = i > 0 && (lexicon::is_change_verb(t.lower(i - 1)) || changed_by);
    // "falling by 2.08 million to 1.409 billion": both scaled, too.
    let scaled = |f: &Amount| f.num.as_ref().is_some_and(|n| n.scaled);
    if let Some((second, end)) =
        range_tail(text, t, &first, range_intro, default_currency).filter(|(second, _)| {
            let change_and_level = (changed && first.unit != Unit::None && second.unit != Unit::None)
                || (changed_by && scaled(&first) && scaled(second))
                || by_to_level(second);
            !change_and_level
        })
    {
        let mut low = first.value;
        let high = second.value;
        if unit == Unit::None {
            unit = second.unit.clone();
        }
        if let (Some(a), Some(b)) = (first.num, second.num)
            && !a.scaled
            && b.scaled
            && low * b.scale < high
            && low < 1000.0
        {
            low *= b.scale;
        }
        if high > low {
            m.value = low;
            m.high = Some(high);
            m.end = end;
            m.qualifier = Qualifier::Range;
        }
    } else if range_intro.is_some() {
        // "from 2014", "between" with no second figure: the intro is not
        // ours; let the figure itself be read (as a year, say) on its own.
        return None;
    }
    // Money: "$20 and 43c", "20 dollars 43 cents".
    if matches!(unit, Unit::Money(_))
        && m.high.is_none()
        && let Some((cents, end)) = minor_units(t, m.end)
        && m.value.fract() == 0.0
    {
        m.value += cents;
        m.end = end;
    }
    // "a month and a half", "one hour and half", "a mile and a half".
    if matches!(unit, Unit::Duration(_) | Unit::Quantity(_)) && m.high.is_none() && t.lower(m.end) == "and" {
        let (n, e) = match (t.lower(m.end + 1), t.lower(m.end + 2)) {
            ("half", _) => (0.5, m.end + 2),
            ("a" | "one", "half") => (0.5, m.end + 3),
            ("a" | "one", "quarter") => (0.25, m.end + 3),
            ("three", "quarters") => (0.75, m.end + 3),
            _ => (0.0, m.end),
        };
        m.value += n;
        m.end = e;
    }
    // Rates: "per month", "a year", "/mo", "annually".
    if !matches!(unit, Unit::Duration(_) | Unit::None)
        && let Some((per, end)) = rate(t, m.end)
    {
        m.per = Some(per);
        m.end = end;
    }
    match unit {
        Unit::Money(code) => {
            m.kind = ClaimKind::Money;
            m.unit = Some(code);
        }
        Unit::Percent(u) => {
            m.kind = ClaimKind::Percent;
            m.unit = Some(u.to_string());
        }
        // "One day I'd like to open a bakery": someday, not a span.
        Unit::Duration("day")
            if first.num.is_some_and(|n| n.spelled && n.value == 1.0)
                && (matches!(t.lower(m.end), "i" | "we" | "he" | "she" | "they" | "you" | "it")
                    || (t.lower(m.end) == ","
                        && (i == 0 || t.sym(i - 1).is_some_and(|c| matches!(c, '"' | '“')))))
                && (i == 0
                    || !matches!(
                        t.lower(i - 1),
                        "for" | "in" | "within" | "after" | "over" | "than" | "a" | "just" | "only" | "about"
                    )) =>
        {
            return None;
        }
        Unit::Duration(u) => {
            m.kind = ClaimKind::Duration;
            m.unit = Some(u.to_string());
        }
        Unit::Quantity(u) => {
            m.kind = ClaimKind::Quantity;
            m.unit = Some(u.to_string());
        }
        // "a third of its workforce", "nearly a sixth of revenue": a share, in percent.
        Unit::None
            if first.num.is_some_and(|n| n.fraction_only && n.spelled)
                && m.high.is_none()
                && t.lower(m.end) == "of" =>
        {
            m.kind = ClaimKind::Percent;
            m.value *= 100.0;
            m.unit = Some("%".to_string());
        }
        // "one of them", "at least one", "no one knows": a pronoun, not a count.
        // "one banker said", "one person familiar with the matter": an
        // unnamed source, not a count.
        Unit::None
            if first.num.is_some_and(|n| n.spelled && !n.scaled && n.value == 1.0)
                && match counted_noun(t, m.end, false) {
                    None => true,
                    Some((_, end)) => (i > 0 && t.lower(i - 1) == "no") || introduces_a_source(t, end),
                } =>
        {
            return None;
        }
        // "two people familiar with the matter said", "the two companies
        // described the tie-up": sources and parties named before, not counts.
        Unit::None
            if first.num.is_some_and(|n| n.spelled && !n.scaled && (2.0..=5.0).contains(&n.value))
                && counted_noun(t, m.end, true).is_some_and(|(_, end)| {
                    introduces_a_source(t, end)
                        || (i > 0 && matches!(t.lower(i - 1), "the" | "both") && end == m.end + 1)
                }) =>
        {
            return None;
        }
        Unit::None => {
            m.kind = ClaimKind::Number;
            // "fly up to nine times a year": a frequency.
            if t.lower(m.end) == "times"
                && let Some((per, end)) = rate(t, m.end + 1)
            {
                m.unit = Some("times".to_string());
                m.per = Some(per);
                m.end = end;
            } else if let Some((noun, end)) = counted_noun(t, m.end, m.value != 1.0 || m.high.is_some()) {
                m.end = end;
                if matches!(noun.as_str(), "basis points" | "basis point" | "bps" | "bp") {
                    // "raised its key rate by 500 basis points": 5 percentage points.
                    m.kind = ClaimKind::Percent;
                    m.value /= 100.0;
                    m.high = m.high.map(|h| h / 100.0);
                    m.unit = Some("pp".to_string());
                } else {
                    m.unit = Some(noun);
                    if let Some((per, end)) = rate(t, m.end) {
                        m.per = Some(per);
                        m.end = end;
                    }
                }
            }
        }
    }
    m.value = number::round_significant(m.value);
    m.high = m.high.map(number::round_significant);
    Some(m)
}

/// A share of a percentage point or of a percent in words, as central
/// banks and markets write it: "half a percentage point", "a quarter of a
/// percentage point", "three-quarters of a percentage point", "a (full)
/// percentage point", "half a percent", "a tenth of a percent", and the
/// adjectives "a quarter-point", "a half-point" (a rate's move is in
/// percentage points; "a 10-point lead" with digits is left alone).
/// Returns the value, its unit (`pp` or `%`) and the next token.
fn points_in_words(t: &Tokens, k: usize) -> Option<(f64, &'static str, usize)> {
    // Every form names a percent or a point within six tokens: most
    // figures are turned away here, before the number is parsed.
    if !(k + 1..k + 7).any(|n| matches!(t.lower(n), "percentage" | "percent" | "point" | "cent")) {
        return None;
    }
    let percent_unit = |n: usize| match t.lower(n) {
        "percentage" if matches!(t.lower(n + 1), "point" | "points") => Some(("pp", n + 2)),
        "percent" => Some(("%", n + 1)),
        "per" if t.lower(n + 1) == "cent" => Some(("%", n + 2)),
        _ => None,
    };
    let article = |n: usize| matches!(t.lower(n), "a" | "an" | "one");
    // "a percentage point", "a full percentage point" ("a percent" is no figure)
    if matches!(t.lower(k), "a" | "an") {
        let n = if t.lower(k + 1) == "full" { k + 2 } else { k + 1 };
        if let Some(("pp", end)) = percent_unit(n) {
            return Some((1.0, "pp", end));
        }
    }
    // "half a percentage point", "half of a percent"
    if t.lower(k) == "half" {
        let n = if t.lower(k + 1) == "of" { k + 2 } else { k + 1 };
        if article(n)
            && let Some((unit, end)) = percent_unit(n + 1)
        {
            return Some((0.5, unit, end));
        }
    }
    // "a quarter of a percentage point", "three-quarters of a percentage point"
    let n = number::parse(t, k)?;
    if n.fraction_only && n.spelled && n.value < 1.0 {
        if t.lower(n.end) == "of"
            && article(n.end + 1)
            && let Some((unit, end)) = percent_unit(n.end + 2)
        {
            return Some((n.value, unit, end));
        }
        // "a quarter-point cut", "a half-point rise"
        if t.sym(n.end) == Some('-')
            && t.glued(n.end)
            && t.glued(n.end + 1)
            && t.lower(n.end + 1) == "point"
            && matches!(t.lower(k), "a" | "an" | "three")
        {
            return Some((n.value, "pp", n.end + 2));
        }
    }
    None
}

/// Lower-case codes are read only for the major currencies ("10 rmb 20 usd").
fn lowercase_code(r: &str) -> String {
    match r {
        "usd" | "eur" | "gbp" | "jpy" | "cny" | "cad" | "aud" | "chf" | "inr" | "hkd" | "nzd" | "sgd" => {
            r.to_ascii_uppercase()
        }
        _ => String::new(),
    }
}

fn raw<'a>(text: &'a str, t: &Tokens, k: usize) -> &'a str {
    t.toks.get(k).map_or("", |tok| &text[tok.start..tok.end])
}

/// A currency written before the number: `$`, `US$`, `C $`, `€`, `USD`, `Rs.`, `RM`.
fn currency_prefix(text: &str, t: &Tokens, k: usize, default_currency: &str) -> Option<(String, usize)> {
    if t.sym(k) == Some('$') {
        return Some((default_currency.to_string(), k + 1));
    }
    // The cent sign is written after the figure ("50¢"), never before it.
    if let Some(c) =
        t.sym(k).filter(|&c| c != '¢').and_then(|c| lexicon::currency_symbol(c.encode_utf8(&mut [0; 4])))
    {
        return Some((c.to_string(), k + 1));
    }
    if !t.is_word(k) {
        return None;
    }
    let w = t.lower(k);
    // "US$", "C$", "HK $", "Mex$", "u.s $"
    let mut n = k + 1;
    if t.sym(n) == Some('.') && t.glued(n) {
        n += 1;
    }
    if w == "u" && t.lower(n) == "s" {
        n += 1;
        if t.sym(n) == Some('.') {
            n += 1;
        }
        if t.sym(n) == Some('$') {
            return Some(("USD".to_string(), n + 1));
        }
        return None;
    }
    // A one-letter prefix must be glued and upper-case ("A$5"), or "a $5" reads as "A$".
    let r0 = raw(text, t, k);
    let single_ok = r0.len() > 1 || (r0.chars().all(char::is_uppercase) && (t.glued(k + 1) || r0 == "C"));
    if t.sym(k + 1) == Some('$')
        && (t.glued(k + 1) || w.len() <= 3)
        && single_ok
        && let Some(code) = lexicon::dollar_prefix(w)
    {
        return Some((code.to_string(), k + 2));
    }
    let r = raw(text, t, k);
    if let Some(code) = lexicon::currency_code(r) {
        return Some((code.to_string(), k + 1));
    }
    match r {
        "Rs" | "RS" => Some(("INR".to_string(), if t.sym(k + 1) == Some('.') { k + 2 } else { k + 1 })),
        "RM" => Some(("MYR".to_string(), k + 1)),
        "RMB" | "Rmb" => Some(("CNY".to_string(), k + 1)),
        _ => None,
    }
}

/// One amount: an optional currency prefix, a number, and a suffix.
fn amount(text: &str, t: &Tokens, k: usize, default_currency: &str) -> Option<Amount> {
    let (prefix, nk) = match currency_prefix(text, t, k, default_currency) {
        Some((code, n)) => (Some(code), n),
        None => (None, k),
    };
    // "half a day", "half-litre", "quarter-litre", "a kilogram", "an hour", "one dollar"
    if prefix.is_none()
        && let Some(a) = article_amount(text, t, nk, default_currency)
    {
        return Some(a);
    }
    let num = number::parse(t, nk)?;
    let mut value = num.value;
    let mut end = num.end;
    if let Some(code) = prefix {
        // "USD 22.5 million" is already scaled; "US$4.7 billion" too.
        // "$10K" glued suffixes are in the number.
        if t.glued(end)
            && t.sym(end).and_then(|c| lexicon::currency_symbol(c.encode_utf8(&mut [0; 4]))).is_some()
        {
            end += 1;
        }
        return Some(Amount { end, value, unit: Unit::Money(code), num: Some(num) });
    }
    // Suffixes.
    let (unit, e, factor) = suffix(text, t, end, default_currency, &num);
    end = e;
    value *= factor;
    // "75 USD million": a scale after the code.
    if matches!(unit, Unit::Money(_))
        && let Some(s) = lexicon::scale(t.lower(end)).filter(|_| lexicon::is_spelled_scale(t.lower(end)))
        && !num.scaled
    {
        value *= s;
        end += 1;
    }
    Some(Amount { end, value, unit, num: Some(num) })
}

/// "half a day", "half-litre", "a kilogram", "an hour", "a dollar", "one mile".
fn article_amount(text: &str, t: &Tokens, k: usize, default_currency: &str) -> Option<Amount> {
    let w = t.lower(k);
    let (value, mut n) = match w {
        "half" => (0.5, k + 1),
        "quarter" => (0.25, k + 1),
        // "a billion euros" is a scaled number: the number parser reads it.
        "a" | "an" if !number::is_scale_or_dozen(t.lower(k + 1)) => (1.0, k + 1),
        _ => return None,
    };
    if value < 1.0 && (t.sym(n) == Some('-') || matches!(t.lower(n), "a" | "an")) {
        n += 1;
    }
    // "a £30bn package": the sign belongs to the figure after it.
    if t.num(n + 1).is_some() && currency_prefix(text, t, n, default_currency).is_some() {
        return None;
    }
    let fake = NumExpr {
        value,
        start: k,
        end: n,
        spelled: true,
        bare_int: false,
        scaled: false,
        fraction_only: value < 1.0,
        scale: 1.0,
    };
    let (unit, end, factor) = suffix(text, t, n, default_currency, &fake);
    match unit {
        Unit::None | Unit::Percent(_) => None,
        // "a day" is mostly a rate ("twice a day"); a duration needs "half" or "and a half".
        Unit::Duration(_)
            if value == 1.0
                && !(t.lower(end) == "and" && matches!(t.lower(end + 1), "a" | "half"))
                && !duration_context(t, k)
                // "a year-long inquiry", "an hour-long meeting"
                && !(t.sym(end) == Some('-') && t.glued(end) && t.lower(end + 1) == "long")
                // "a decade", "a fortnight" are no rates ("twice a day" is).
                && factor == 1.0
                // A phrase that stands alone ("An hour.") is no rate either.
                && !(k == 0 && (end >= t.len() || (end + 1 == t.len() && t.sym(end).is_some()))) =>
        {
            None
        }
        // "a pound" is money or weight; "a lb" is weight.
        Unit::Quantity("lb") if value == 1.0 && !matches!(t.lower(n), "lb" | "lbs") => None,
        unit => Some(Amount { end, value: value * factor, unit, num: Some(fake) }),
    }
}

fn duration_context(t: &Tokens, k: usize) -> bool {
    k > 0
        && matches!(
            t.lower(k - 1),
            "for"
                | "within"
                | "in"
                | "over"
                | "after"
                | "than"
                | "take"
                | "took"
                | "takes"
                | "taking"
                | "last"
                | "lasts"
                | "lasted"
                | "lasting"
                | "spend"
                | "spends"
                | "spent"
                | "spending"
                | "wait"
                | "waits"
                | "waited"
                | "waiting"
                | "stay"
                | "stays"
                | "stayed"
                | "least"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "only"
                | "just"
                | "barely"
        )
}

/// Does the sentence in `t` speak of money in pence: "£", "pence",
/// "pounds", or a share price or dividend?
fn about_pence(t: &Tokens) -> bool {
    (0..t.len()).any(|k| {
        t.sym(k) == Some('£')
            || matches!(
                t.lower(k),
                "pence" | "pound" | "pounds" | "sterling" | "share" | "shares" | "dividend" | "dividends"
            )
    })
}

/// What follows the number: `%`, "percent", a currency, a duration or a unit.
/// Returns the unit, the next token and a factor (cents = 0.01, decades = 10).
fn suffix(text: &str, t: &Tokens, k: usize, default_currency: &str, num: &NumExpr) -> (Unit, usize, f64) {
    let w = t.lower(k);
    let glued = t.glued(k);
    // "a five-year study", "a 10-year deal", "a 30-day trial": a span of
    // time as an adjective ("45-year-old" takes its "-old" along).
    if t.sym(k) == Some('-')
        && glued
        && t.glued(k + 1)
        && matches!(t.lower(k + 1), "year" | "month" | "week" | "day" | "hour" | "decade")
        && let Some((unit, factor)) = lexicon::duration_unit(t.lower(k + 1))
    {
        let old = t.sym(k + 2) == Some('-') && t.glued(k + 2) && t.lower(k + 3) == "old" && t.glued(k + 3);
        return (Unit::Duration(unit), if old { k + 4 } else { k + 2 }, factor);
    }
    if t.sym(k) == Some('%') {
        return (Unit::Percent("%"), k + 1, 1.0);
    }
    // "a 10-percent stake", "a 2-percentage-point drop"
    if t.sym(k) == Some('-') && glued && t.glued(k + 1) {
        match t.lower(k + 1) {
            "percent" => return (Unit::Percent("%"), k + 2, 1.0),
            "percentage" if t.sym(k + 2) == Some('-') && matches!(t.lower(k + 3), "point" | "points") => {
                return (Unit::Percent("pp"), k + 4, 1.0);
            }
            _ => {}
        }
    }
    match w {
        "percent" | "percents" | "pct" => return (Unit::Percent("%"), k + 1, 1.0),
        // British papers write "2.1pc".
        "pc" if glued => return (Unit::Percent("%"), k + 1, 1.0),
        // ... and "12.1p" for pence, in a sentence about sterling, shares or
        // a dividend ("1080p" elsewhere is a screen's resolution).
        "p" if glued && about_pence(t) => return (Unit::Money("GBP".to_string()), k + 1, 0.01),
        "per" if matches!(t.lower(k + 1), "cent" | "cents") => return (Unit::Percent("%"), k + 2, 1.0),
        "percentage" if matches!(t.lower(k + 1), "point" | "points") => {
            return (Unit::Percent("pp"), k + 2, 1.0);
        }
        _ => {}
    }
    // Currency symbol after: "20€", "10k$".
    if let Some(c) = t.sym(k).and_then(|c| lexicon::currency_symbol(c.encode_utf8(&mut [0; 4]))) {
        if c == "USD" && t.sym(k) == Some('¢') {
            return (Unit::Money(default_currency.to_string()), k + 1, 0.01);
        }
        return (Unit::Money(c.to_string()), k + 1, 1.0);
    }
    // "10k$", "10 $" (but "10 $ 30" gives the `$` to the next amount).
    if t.sym(k) == Some('$')
        && (glued || !(t.num(k + 1).is_some() && t.glued(k + 1) || t.num(k + 1).is_some()))
    {
        return (Unit::Money(default_currency.to_string()), k + 1, 1.0);
    }
    let r = raw(text, t, k);
    // A code glued to the next number is that number's prefix ("3 USD50").
    let prefix_of_next = t.num(k + 1).is_some() && t.glued(k + 1);
    if !prefix_of_next
        && let Some(code) = lexicon::currency_code(r).or_else(|| lexicon::currency_code(&lowercase_code(r)))
    {
        return (Unit::Money(code.to_string()), k + 1, 1.0);
    }
    // "30 MUSD", "120 MEUR"
    if r.len() == 4
        && r.starts_with('M')
        && let Some(code) = lexicon::currency_code(&r[1..])
    {
        return (Unit::Money(code.to_string()), k + 1, 1e6);
    }
    match r {
        "Rs" | "RM" => return (Unit::Money(if r == "RM" { "MYR" } else { "INR" }.to_string()), k + 1, 1.0),
        "LE" => return (Unit::Money("EGP".to_string()), k + 1, 1.0),
        "L" if t.sym(k + 1) == Some('.') && raw(text, t, k + 2) == "E" => {
            return (Unit::Money("EGP".to_string()), k + 3, 1.0);
        }
        _ => {}
    }
    // "Canadian dollars", "kuwaiti Dinar", "Hong Kong dollars", "U.S. dollars"
    let w1 = t.lower(k + 1);
    if let Some(code) = lexicon::currency_adjective(w, w1) {
        return (Unit::Money(code.to_string()), k + 2, 1.0);
    }
    // "50 US cents", "20 Canadian cents"
    if matches!(w1, "cent" | "cents")
        && let Some(code) = lexicon::currency_adjective(w, "dollars")
    {
        return (Unit::Money(code.to_string()), k + 2, 0.01);
    }
    // Two-word countries by their second word: "South Korean won", "Sri
    // Lankan rupees", "Hong Kong dollars", "New Zealand dollars".
    if matches!(w, "south" | "north" | "sri" | "new" | "costa" | "hong")
        && let Some(code) = lexicon::currency_adjective(w1, t.lower(k + 2))
    {
        return (Unit::Money(code.to_string()), k + 3, 1.0);
    }
    if w == "u" && t.lower(k + 2) == "s" {
        let mut n = k + 3;
        if t.sym(n) == Some('.') {
            n += 1;
        }
        if matches!(t.lower(n), "dollar" | "dollars") {
            return (Unit::Money("USD".to_string()), n + 1, 1.0);
        }
    }
    // "100 chinese yuan", "250 million dutch guilders": a nationality before the currency word.
    if t.is_word(k)
        && !lexicon::is_function_word(w)
        && lexicon::currency_word(w).is_none()
        && lexicon::quantity_unit(w).is_none()
        && let Some((code, factor)) = lexicon::currency_word(w1)
            .filter(|(c, _)| c.is_some() && !matches!(w1, "won" | "pound" | "pounds" | "rand"))
        && w.ends_with(['h', 'e', 'n', 'i'])
    {
        return (Unit::Money(code.unwrap_or(default_currency).to_string()), k + 2, factor);
    }
    // "12-cent", "one-yen"
    let (k, w) = if t.sym(k) == Some('-')
        && glued
        && t.glued(k + 1)
        && lexicon::currency_word(t.lower(k + 1)).is_some()
    {
        (k + 1, t.lower(k + 1))
    } else {
        (k, w)
    };
    if let Some((code, factor)) = lexicon::currency_word(w) {
        // "won" and "pounds" are also a verb and a weight.
        let is_money = match w {
            "won" => num.scaled,
            // "13 billion pounds of headroom" is money, "2 billion pounds
            // of plastic" a weight: after "of", the noun decides.
            "pound" | "pounds" => {
                (t.lower(k + 1) != "of" || lexicon::is_money_noun(t.lower(k + 2)))
                    && (num.scaled || t.lower(k + 1) == "sterling")
            }
            // "5 real reasons"; "the 3 Rand papers" (a name, capitalized).
            "real" => num.scaled,
            "rand" => num.scaled || !t.toks[k].upper,
            _ => true,
        };
        if is_money {
            let code = code.unwrap_or(default_currency).to_string();
            let mut end = k + 1;
            if w == "pounds" && t.lower(end) == "sterling" {
                end += 1;
            }
            // "10 euro cents": the minor unit of the named currency.
            if factor == 1.0 && matches!(w, "euro" | "dollar") && matches!(t.lower(end), "cent" | "cents") {
                return (Unit::Money(code), end + 1, 0.01);
            }
            return (Unit::Money(code), end, factor);
        }
    }
    // Durations, also past a word that only qualifies the span: "three
    // straight years", "two more weeks", "four consecutive months".
    let (k, w) = if matches!(
        w,
        "straight"
            | "consecutive"
            | "successive"
            | "more"
            | "long"
            | "whole"
            | "full"
            | "entire"
            | "additional"
            | "further"
            | "extra"
            | "short"
    ) && !num.scaled
        && lexicon::duration_unit(t.lower(k + 1)).is_some_and(|_| t.lower(k + 1).len() > 2)
    {
        (k + 1, t.lower(k + 1))
    } else {
        (k, w)
    };
    if let Some((unit, factor)) = lexicon::duration_unit(w) {
        let short = matches!(w, "h" | "hr" | "hrs" | "yr" | "yrs" | "mos" | "wk" | "wks");
        if (w.len() > 1 || glued || !short) && (lexicon::is_spelled_scale(w) || !num.scaled) {
            return (Unit::Duration(unit), k + 1, factor);
        }
    }
    // "3-inch", "68-ounce", "four-mile": a hyphen before the unit.
    let (uk, hyphen) =
        if t.sym(k) == Some('-') && glued && t.glued(k + 1) { (k + 1, true) } else { (k, false) };
    if let Some(u) = quantity_at(text, t, uk, hyphen || glued) {
        return (Unit::Quantity(u.0), u.1, 1.0);
    }
    (Unit::None, k, 1.0)
}

/// A quantity unit at token `k`; multi-word units first.
fn quantity_at(text: &str, t: &Tokens, k: usize, glued: bool) -> Option<(&'static str, usize)> {
    let w = t.lower(k);
    // "120 sq. km", "5 cu. ft": the abbreviation's dot is part of it.
    let (k, w1) = if matches!(w, "sq" | "cu") && t.sym(k + 1) == Some('.') && t.glued(k + 1) {
        (k + 1, t.lower(k + 2))
    } else {
        (k, t.lower(k + 1))
    };
    match (w, w1) {
        ("metric", "ton" | "tons" | "tonne" | "tonnes") => return Some(("t", k + 2)),
        ("square" | "sq", "meter" | "meters" | "metre" | "metres" | "m") => return Some(("m2", k + 2)),
        ("square" | "sq", "kilometer" | "kilometers" | "kilometre" | "kilometres" | "km") => {
            return Some(("km2", k + 2));
        }
        ("square" | "sq", "feet" | "foot" | "ft") => return Some(("ft2", k + 2)),
        ("square" | "sq", "miles" | "mile" | "mi") => return Some(("mi2", k + 2)),
        ("cubic" | "cu", "feet" | "foot" | "ft") => return Some(("ft3", k + 2)),
        ("cubic" | "cu", "meters" | "metres" | "meter" | "metre" | "m") => return Some(("m3", k + 2)),
        ("miles" | "mile", "per" | "an") if t.lower(k + 2) == "hour" => return Some(("mph", k + 3)),
        ("kilometers" | "kilometres" | "km", "per" | "an") if matches!(t.lower(k + 2), "hour" | "hr") => {
            return Some(("km/h", k + 3));
        }
        ("km", "/") if matches!(t.lower(k + 2), "h" | "hr") && t.glued(k + 1) => {
            return Some(("km/h", k + 3));
        }
        _ => {}
    }
    // "50 ft³", "660 m²"
    if t.glued(k + 1) {
        let unit = match (w, t.sym(k + 1)) {
            ("m", Some('²')) => Some("m2"),
            ("km", Some('²')) => Some("km2"),
            ("ft", Some('²')) => Some("ft2"),
            ("mi", Some('²')) => Some("mi2"),
            ("m", Some('³')) => Some("m3"),
            ("ft", Some('³')) => Some("ft3"),
            _ => None,
        };
        if let Some(unit) = unit {
            return Some((unit, k + 2));
        }
    }
    let r = raw(text, t, k);
    // A unit glued to more digits is an identifier ("24703L202", "m212"),
    // except a power: "190 km2", "660 m2".
    if t.num(k + 1).is_some() && t.glued(k + 1) {
        return match (w, t.lower(k + 1)) {
            ("km" | "m", "2") if !(t.glued(k + 2) && t.is_word(k + 2)) => {
                Some((if w == "km" { "km2" } else { "m2" }, k + 2))
            }
            ("ft" | "m", "3") if !(t.glued(k + 2) && t.is_word(k + 2)) => {
                Some((if w == "ft" { "ft3" } else { "m3" }, k + 2))
            }
            _ => None,
        };
    }
    // Ambiguous short symbols need to be glued: "2l", "100t", "500g"; "5 in" is
    // a preposition. A spaced "l" ends a phrase: "from 2 to 7 l".
    let ends_phrase = t
        .toks
        .get(k + 1)
        .is_none_or(|n| !matches!(n.kind, super::token::TokKind::Word | super::token::TokKind::Num(_)));
    match w {
        "in" => return None,
        "l" if !glued && ends_phrase => {}
        "l" | "t" if !glued => return None,
        "g" if r == "G" => return None,
        "m"
            // "1.8m tall" is metres; "10M" and "$10m" are millions (the number took them).
            if r == "M" => {
                return None;
            }
        "mm" if r == "MM" => return None,
        _ => {}
    }
    // Abbreviated units must end the word: "10kph" but not "10kmph" read as "km".
    let u = lexicon::quantity_unit(w).or_else(|| lexicon::quantity_unit(r))?;
    // "pounds" right after a scale is money (handled earlier); "pounds of meat" is weight.
    Some((u, k + 1))
}

/// The rest of a range after the first amount: "to $120", "- 20 dollars",
/// "and $20m" (after "between").
fn range_tail(
    text: &str,
    t: &Tokens,
    first: &Amount,
    intro: Option<&str>,
    default_currency: &str,
) -> Option<(Amount, usize)> {
    let k = first.end;
    // An en dash joins a range as a hyphen does ("$40–$60"); an em dash
    // sets off a clause.
    let connector =
        matches!((t.lower(k), intro), ("and", Some("between")) | ("to" | "through" | "-" | "–", _));
    if !connector {
        return None;
    }
    let mut n = k + 1;
    // "between 2.0 g and about 7.0 g", "about 3km-5km"
    if matches!(t.lower(n), "about" | "around" | "roughly" | "approximately") {
        n += 1;
    }
    let second = amount(text, t, n, default_currency)?;
    let compatible = match (&first.unit, &second.unit) {
        (Unit::None, _) | (_, Unit::None) => true,
        (a, b) => a == b,
    };
    if !compatible || second.num.is_none() {
        return None;
    }
    // "fell 14% in 2023 to $54.2 billion": a year is no low end of a sum.
    if first.unit == Unit::None
        && !matches!(second.unit, Unit::None)
        && first.num.is_some_and(|n| n.bare_int && (1900.0..=2100.0).contains(&n.value))
        && second.num.is_some_and(|n| n.value >= 1000.0 || n.scaled)
    {
        return None;
    }
    // "rose 0.7% to 38,503.69": a percentage then a bare figure is a change
    // and a level, not a range (a range writes the sign on its end, "5 to 10%").
    if matches!(first.unit, Unit::Percent(_)) && second.unit == Unit::None {
        return None;
    }
    // A bare "X-Y" of two plain numbers is a score or an identifier unless
    // a unit follows ("10-20 dollars") or an intro came first.
    // ("10-15 people", "Some 50-60 homes": a counted noun makes it a range.)
    if matches!(t.lower(k), "-" | "–")
        && intro.is_none()
        && first.unit == Unit::None
        && second.unit == Unit::None
        && counted_noun(t, second.end, true).is_none()
    {
        return None;
    }
    let end = second.end;
    Some((second, end))
}

/// "and 43c", "43 cents", "and forty-two cents", "4 kopiykas", "43 sen".
fn minor_units(t: &Tokens, k: usize) -> Option<(f64, usize)> {
    let n0 = if t.lower(k) == "and" { k + 1 } else { k };
    let num = number::parse(t, n0)?;
    if num.value >= 100.0 || num.value.fract() != 0.0 {
        return None;
    }
    match t.lower(num.end) {
        "c" | "cent" | "cents" | "sen" | "sens" | "kopiyka" | "kopiykas" | "kopecks" | "pence" | "p"
        | "centimes" => Some((num.value / 100.0, num.end + 1)),
        _ => None,
    }
}

/// A rate after an amount: "per month", "a year", "/mo", "annually", "per share".
fn rate(t: &Tokens, k: usize) -> Option<(String, usize)> {
    let norm = |w: &str| -> Option<&'static str> {
        Some(match w {
            "month" | "mo" | "mth" => "month",
            "year" | "yr" | "annum" => "year",
            "week" | "wk" => "week",
            "day" => "day",
            "hour" | "hr" => "hour",
            "share" => "share",
            "person" | "head" | "capita" => "person",
            "user" => "user",
            "employee" => "employee",
            "unit" => "unit",
            "game" => "game",
            "barrel" => "barrel",
            "ton" | "tonne" => "tonne",
            "ounce" | "oz" => "ounce",
            "gallon" => "gallon",
            "litre" | "liter" => "litre",
            "kilogram" | "kg" => "kg",
            _ => return None,
        })
    };
    match t.lower(k) {
        "per" | "a" | "an" | "each" | "every" => {
            let u = norm(t.lower(k + 1))?;
            if matches!(t.lower(k), "a" | "an")
                // "$20 a user" is a rare way to write a rate; "$139.13 a
                // barrel", "$50 a share", "$10 a month" are the common ones.
                && matches!(u, "user" | "employee" | "unit" | "game" | "kg")
            {
                return None;
            }
            // "$425 million a year ago", "a year earlier": a time, not a rate.
            if matches!(t.lower(k + 2), "ago" | "earlier" | "before" | "later" | "prior") {
                return None;
            }
            Some((u.to_string(), k + 2))
        }
        "/" => Some((norm(t.lower(k + 1))?.to_string(), k + 2)),
        // "$200-a-month", "$5-per-share": a rate written as one hyphenated word.
        "-" if (1..=3).all(|d| t.glued(k + d))
            && matches!(t.lower(k + 1), "a" | "an" | "per")
            && t.sym(k + 2) == Some('-') =>
        {
            let u = norm(t.lower(k + 3))?;
            (t.lower(k + 1) == "per" || matches!(u, "month" | "year" | "week" | "day" | "hour"))
                .then(|| (u.to_string(), k + 4))
        }
        "annually" | "yearly" => Some(("year".into(), k + 1)),
        "monthly" => Some(("month".into(), k + 1)),
        "weekly" => Some(("week".into(), k + 1)),
        "daily" => Some(("day".into(), k + 1)),
        _ => None,
    }
}

/// Does the word at `k` make the noun before it an unnamed source ("one
/// analyst said", "one person familiar with", "one executive who")?
fn introduces_a_source(t: &Tokens, k: usize) -> bool {
    matches!(
        t.lower(k),
        "said"
            | "says"
            | "told"
            | "added"
            | "noted"
            | "familiar"
            | "close"
            | "speaking"
            | "briefed"
            | "who"
            | "wrote"
            | "argued"
            | "warned"
    )
}

/// The counted noun after a plain number: "1,200 employees", "3 billion users",
/// "500 million members", "26 full-time staff". Of more than one thing
/// (`plural`), the noun is one that counts ([`lexicon::is_count_noun`]),
/// found past up to three modifiers: "two large offshore wind projects"
/// counts projects, and "two large" alone counts nothing.
fn counted_noun(t: &Tokens, k: usize, plural: bool) -> Option<(String, usize)> {
    let mut n = k;
    // Skip one adjective made of a hyphenated pair ("full-time").
    if t.is_word(n)
        && t.sym(n + 1) == Some('-')
        && t.glued(n + 1)
        && t.is_word(n + 2)
        && t.glued(n + 2)
        && t.is_word(n + 3)
    {
        n += 3;
    }
    if !t.is_word(n) || t.toks[n].upper {
        return None;
    }
    let w = t.lower(n);
    // "25 basis points": the counted noun is both words.
    if w == "basis" && matches!(t.lower(n + 1), "point" | "points") {
        return Some((format!("basis {}", t.lower(n + 1)), n + 2));
    }
    // "12 new stores", "600 million monthly users": one adjective, then the
    // noun; "300 million weekly active users": two.
    let count_adjective = |w: &str| {
        matches!(
            w,
            "new" | "more" | "additional" | "active" | "paid" | "full" | "monthly" | "daily" | "weekly"
        )
    };
    let noun_at = |k: usize| {
        let w = t.lower(k);
        t.is_word(k) && !lexicon::is_function_word(w) && w.len() >= 3 && !t.toks[k].upper
    };
    if count_adjective(w) && noun_at(n + 1) {
        let w2 = t.lower(n + 1);
        if count_adjective(w2) && noun_at(n + 2) {
            return Some((format!("{w} {w2} {}", t.lower(n + 2)), n + 3));
        }
        return Some((format!("{w} {w2}"), n + 2));
    }
    if w.len() < 3 || lexicon::is_function_word(w) || lexicon::duration_unit(w).is_some() || w.ends_with("ly")
    {
        return None;
    }
    // "5,600 unfilled orders", "3 billion registered users": a participle
    // before a noun is its adjective ("20 killed in" keeps "killed").
    if w.ends_with("ed") && t.is_word(n + 1) && !t.glued(n + 1) {
        let w2 = t.lower(n + 1);
        if w2.len() >= 3
            && !lexicon::is_function_word(w2)
            && !t.toks[n + 1].upper
            && !w2.ends_with("ed")
            && !w2.ends_with("ly")
            && lexicon::duration_unit(w2).is_none()
        {
            return Some((format!("{w} {w2}"), n + 2));
        }
    }
    if plural && !lexicon::is_count_noun(w) {
        // Modifiers may be names: "two former Yahoo engineers".
        let modifier = |k: usize| {
            let w = t.lower(k);
            t.is_word(k)
                && !t.glued(k)
                && w.len() >= 3
                && !lexicon::is_function_word(w)
                && lexicon::duration_unit(w).is_none()
        };
        return (n + 1..n + 4)
            .take_while(|&k| modifier(k))
            .find(|&k| lexicon::is_count_noun(t.lower(k)))
            .map(|k| (t.lower(k).to_string(), k + 1));
    }
    Some((w.to_string(), n + 1))
}
