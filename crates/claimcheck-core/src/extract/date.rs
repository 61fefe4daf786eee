//! Dates: full dates in the common English forms, months, years, days of the
//! month, and relative expressions resolved against the reference date.

use chrono::{Datelike, Months, NaiveDate};

use super::lexicon;
use super::number;
use super::token::Tokens;

/// A date found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// ISO value at the precision written ("2022", "2025-06", "2025-06-22");
    /// empty for a date that needs a year no reference gives ("Nov 20" with
    /// no reference date): it holds its words but is no claim.
    pub value: String,
    /// The expression is relative ("last year", "in June") and was resolved.
    pub relative: bool,
}

/// What a date recognizer needs besides the tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The article's date.
    pub reference: Option<NaiveDate>,
    /// The last date or year mentioned before, for "the following year".
    pub anchor: Option<(i32, Option<u32>, Option<u32>)>,
    /// A year written earlier in the same sentence or list item: a year-less
    /// date there takes it ("Whole Foods Market (2017): ... announced on June 16").
    pub sentence_year: Option<i32>,
    /// The article's currencies for "crowns", "pesos", ... (not a date's,
    /// but the same kind of running context).
    pub noun_currencies: super::measure::NounCurrencies,
}

/// A (year, month, day) triple with the precision written.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ymd {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Ymd {
    fn iso(self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y, m, d).map(|_| format!("{y:04}-{m:02}-{d:02}"))
            }
            (Some(y), Some(m), None) if (1..=12).contains(&m) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, None) => Some(format!("{y:04}")),
            _ => None,
        }
    }
}

/// Try every date form at token `i`.
pub fn recognize(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    // A weekday before a numeric date: "Friday 2018-7-6".
    if lexicon::weekday(t.lower(i)).is_some() {
        let n = if t.sym(i + 1) == Some(',') { i + 2 } else { i + 1 };
        if let Some(d) = numeric(t, n) {
            return Some(DateMatch { start: i, ..d });
        }
    }
    numeric(t, i)
        .or_else(|| with_month_name(t, i, ctx))
        .or_else(|| relative(t, i, ctx))
        .or_else(|| day_of_month(t, i, ctx))
        .or_else(|| year(t, i))
}

/// The latest (month, day) not after the reference date; or, with no
/// reference, no year (the value then has no year and is dropped).
fn resolve_month_day(month: u32, day: Option<u32>, ctx: &DateContext) -> Option<Ymd> {
    if let Some(y) = ctx.sentence_year {
        // "returned in November 2022, announced job cuts in February": a
        // month before the sentence's own month comes the next year, when
        // that is not after the article's date.
        let next_year = matches!(ctx.anchor, Some((ay, Some(am), _)) if ay == y && month < am)
            && ctx
                .reference
                .is_some_and(|r| (y + 1, month, day.unwrap_or(1)) <= (r.year(), r.month(), r.day()));
        let year = if next_year { y + 1 } else { y };
        return Some(Ymd { year: Some(year), month: Some(month), day });
    }
    let r = ctx.reference?;
    let mut year = r.year();
    let this = (month, day.unwrap_or(1));
    if this > (r.month(), r.day()) {
        year -= 1;
    }
    // Feb 29 only exists in leap years: go back to the last one.
    if let Some(d) = day {
        while NaiveDate::from_ymd_opt(year, month, d).is_none() && year > r.year() - 8 {
            year -= 1;
        }
    }
    Some(Ymd { year: Some(year), month: Some(month), day })
}

fn two_digit_year(y: i32, digits: u32) -> i32 {
    if digits == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y }
}

fn is_digits(t: &Tokens, k: usize, min: u32, max: u32) -> Option<u32> {
    let n = t.num(k)?;
    if n.frac_digits > 0 || n.grouped || n.exponent || n.int_digits < min || n.int_digits > max {
        return None;
    }
    Some(n.value as u32)
}

/// Numeric dates: 2015-03-03, 2018-7-6, 2015/08/12, 3/3/15, 10-31-74,
/// 21/04/2016, 13.5.2015, 10.31.1974, 2014-10, 2/2013, 12-2015, 2/15, 22/04.
fn numeric(t: &Tokens, i: usize) -> Option<DateMatch> {
    if i > 0
        && t.glued(i)
        && (t.is_word(i - 1) || t.num(i - 1).is_some() || matches!(t.sym(i - 1), Some('/' | '-' | '.' | ':')))
    {
        return None;
    }
    let glued_sep = |k: usize| -> Option<char> {
        let c = t.sym(k)?;
        (matches!(c, '-' | '/' | '.') && t.glued(k) && t.glued(k + 1)).then_some(c)
    };
    let followed_by_more = |k: usize| {
        matches!(t.sym(k), Some('-' | '/' | '.' | ':'))
            && t.glued(k)
            && t.num(k + 1).is_some()
            && t.glued(k + 1)
    };
    let done = |end: usize, ymd: Ymd| -> Option<DateMatch> {
        if followed_by_more(end) {
            return None;
        }
        Some(DateMatch { start: i, end, value: ymd.iso()?, relative: false })
    };
    // "10.31.1974" and "13.5.2015" lex as a decimal, a dot and a year.
    if let Some(n) = t.num(i)
        && n.frac_digits > 0
        && n.int_digits <= 2
        && !n.grouped
        && t.sym(i + 1) == Some('.')
        && t.glued(i + 1)
        && t.glued(i + 2)
    {
        let y = is_digits(t, i + 2, 2, 4)?;
        let text = t.lower(i);
        let (a, b) = text.split_once('.')?;
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 {
            (a, b)
        } else {
            (b, a)
        };
        let digits = t.num(i + 2).map_or(4, |n| n.int_digits);
        return done(
            i + 3,
            Ymd { year: Some(two_digit_year(y as i32, digits)), month: Some(m), day: Some(d) },
        );
    }
    // "2015.5.13" lexes as a decimal, a dot and a day.
    if let Some(n) = t.num(i)
        && n.frac_digits > 0
        && n.frac_digits <= 2
        && n.int_digits == 4
        && !n.grouped
        && t.sym(i + 1) == Some('.')
        && t.glued(i + 1)
        && t.glued(i + 2)
    {
        let d = is_digits(t, i + 2, 1, 2)?;
        let (y, m) = t.lower(i).split_once('.')?;
        let ymd = Ymd { year: y.parse().ok(), month: m.parse().ok(), day: Some(d) };
        return done(i + 3, ymd);
    }
    let a = is_digits(t, i, 1, 4)?;
    let a_digits = t.num(i)?.int_digits;
    let sep = glued_sep(i + 1)?;
    // Month names inside numeric forms ("2019/aug/01", "23/Sep/2020") are
    // handled with the month names.
    let b = is_digits(t, i + 2, 1, 4)?;
    let b_digits = t.num(i + 2)?.int_digits;
    let third = glued_sep(i + 3)
        .filter(|s| *s == sep)
        // After a four-digit year the day may be one digit ("2019-7-4").
        .and_then(|_| {
            is_digits(t, i + 4, if a_digits == 4 { 1 } else { 2 }, 4)
                .map(|c| (c, t.num(i + 4).map_or(0, |n| n.int_digits)))
        });
    match (a_digits, third) {
        (4, Some((c, cd))) if cd <= 2 => {
            done(i + 5, Ymd { year: Some(a as i32), month: Some(b), day: Some(c) })
        }
        (1 | 2, Some((c, cd))) if b_digits <= 2 => {
            let year = two_digit_year(c as i32, cd);
            let (m, d) = if a > 12 || (sep == '.' && b <= 12) { (b, a) } else { (a, b) };
            done(i + 5, Ymd { year: Some(year), month: Some(m), day: Some(d) })
        }
        (4, None) if b_digits <= 2 && sep != '.' && (1..=12).contains(&b) => {
            done(i + 3, Ymd { year: Some(a as i32), month: Some(b), day: None })
        }
        (1 | 2, None) if b_digits == 4 && sep != '.' && (1..=12).contains(&a) => {
            done(i + 3, Ymd { year: Some(b as i32), month: Some(a), day: None })
        }
        _ => None,
    }
}

/// Slash month/day without a year ("2/15", "11/20", "22/04"): only with "/" and
/// when no unit or fraction reading is nearby. Resolved like a year-less date.
fn slash_month_day(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let a = is_digits(t, i, 1, 2)?;
    if t.sym(i + 1) != Some('/') || !t.glued(i + 1) || !t.glued(i + 2) {
        return None;
    }
    let b = is_digits(t, i + 2, 1, 2)?;
    // "22/06/2015" goes on; "due 22/06." ends a sentence.
    if matches!(t.sym(i + 3), Some('/' | '.' | '-'))
        && t.glued(i + 3)
        && (t.sym(i + 3) != Some('.') || (t.toks.get(i + 4).is_some() && t.glued(i + 4)))
    {
        return None;
    }
    // "1/2 cup", "10 1/2 miles": fractions.
    if lexicon::quantity_unit(t.lower(i + 3)).is_some() || lexicon::duration_unit(t.lower(i + 3)).is_some() {
        return None;
    }
    if i > 0 && t.num(i - 1).is_some() {
        return None;
    }
    // "24/7" is round the clock, not July 24.
    if a == 24 && b == 7 {
        return None;
    }
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || (a <= 12 && b <= 12 && b < 13 && a == 1 && b <= 8)
    {
        return None;
    }
    let ymd = resolve_month_day(m, Some(d), ctx)?;
    Some(DateMatch { start: i, end: i + 3, value: ymd.iso()?, relative: true })
}

/// A day of the month written as a digit (optionally with an ordinal suffix)
/// or an ordinal/cardinal word; returns (day, next token).
fn day_at(t: &Tokens, k: usize) -> Option<(u32, usize)> {
    if let Some(n) = t.num(k) {
        if n.frac_digits > 0 || n.grouped || n.int_digits > 2 || !(1.0..=31.0).contains(&n.value) {
            return None;
        }
        let mut next = k + 1;
        if t.glued(next) && matches!(t.lower(next), "st" | "nd" | "rd" | "th") {
            next += 1;
        } else if t.glued(next) && t.is_word(next) && lexicon::month(t.lower(next)).is_none() {
            return None;
        }
        return Some((n.value as u32, next));
    }
    // Word days: "first", "twenty-first", "twenty second", "twenty nine".
    if let Some((v, next)) = number::parse_ordinal(t, k)
        && (1.0..=31.0).contains(&v)
        && t.num(k).is_none()
    {
        return Some((v as u32, next));
    }
    let w = t.lower(k);
    if let Some(v) = lexicon::cardinal(w) {
        let mut v = v as u32;
        let mut next = k + 1;
        if v >= 20 {
            let n2 = if t.sym(next) == Some('-') { next + 1 } else { next };
            if let Some(u) = lexicon::cardinal(t.lower(n2)).filter(|u| (1.0..10.0).contains(u)) {
                v += u as u32;
                next = n2 + 1;
            }
        }
        if (1..=31).contains(&v) {
            return Some((v, next));
        }
    }
    None
}

/// A year after a month or day: "2016", "'16", "nineteen eighty six",
/// "two thousand and fifteen".
fn year_at(t: &Tokens, k: usize) -> Option<(i32, usize)> {
    if let Some(y) = is_digits(t, k, 4, 4) {
        let mut next = k + 1;
        if is_era(t, next) {
            next = skip_era(t, next);
        }
        return Some((y as i32, next));
    }
    let w = t.lower(k);
    // "two thousand and fifteen", "two thousand"
    if w == "two" && t.lower(k + 1) == "thousand" {
        let mut next = k + 2;
        let mut y = 2000;
        let n2 = if t.lower(next) == "and" { next + 1 } else { next };
        if let Some(v) = lexicon::cardinal(t.lower(n2)) {
            y += v as i32;
            next = n2 + 1;
            if v >= 20.0
                && let Some(u) = lexicon::cardinal(t.lower(next)).filter(|u| (1.0..10.0).contains(u))
            {
                y += u as i32;
                next += 1;
            }
        }
        return Some((y, next));
    }
    // "nineteen eighty six", "nineteen seventy-two"
    let century = lexicon::cardinal(w).filter(|v| (10.0..=20.0).contains(v))?;
    let mut next = k + 1;
    let tens = lexicon::cardinal(t.lower(next)).filter(|v| *v >= 10.0)?;
    next += 1;
    let mut rest = tens;
    if tens >= 20.0 {
        let n2 = if t.sym(next) == Some('-') { next + 1 } else { next };
        if let Some(u) = lexicon::cardinal(t.lower(n2)).filter(|u| (1.0..10.0).contains(u)) {
            rest += u;
            next = n2 + 1;
        }
    }
    Some(((century * 100.0 + rest) as i32, next))
}

fn is_era(t: &Tokens, k: usize) -> bool {
    matches!(t.lower(k), "ad" | "a")
        && (t.lower(k) == "ad" || (t.sym(k + 1) == Some('.') && t.lower(k + 2) == "d"))
}

fn skip_era(t: &Tokens, k: usize) -> usize {
    if t.lower(k) == "ad" {
        let n = k + 1;
        if t.sym(n) == Some('.') { n + 1 } else { n }
    } else {
        let mut n = k + 3;
        if t.sym(n) == Some('.') {
            n += 1;
        }
        n
    }
}

/// Is token `k` a month name that really means a month here?
fn month_at(t: &Tokens, k: usize) -> Option<(u32, usize)> {
    let w = t.lower(k);
    let m = lexicon::month(w)?;
    let mut next = k + 1;
    // "Dec." / "Sept."
    if w.len() <= 4 && w != "may" && w != "june" && w != "july" && t.sym(next) == Some('.') && t.glued(next) {
        next += 1;
    }
    Some((m, next))
}

/// Does the context make a month word ("may", "march", "June") a month?
fn month_context_ok(t: &Tokens, k: usize, followed_by_number: bool) -> bool {
    let w = t.lower(k);
    if followed_by_number {
        return true;
    }
    let prev = if k > 0 { t.lower(k - 1) } else { "" };
    let prep = matches!(
        prev,
        "in" | "of"
            | "since"
            | "by"
            | "during"
            | "until"
            | "till"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "this"
            | "next"
            | "from"
            | "through"
            | "before"
            | "after"
            | "between"
            | "and"
            | "to"
            | "the"
            | "each"
            | "every"
            | "that"
            | "end"
            | "for"
            | "following"
            | "until,"
    );
    if w == "may" {
        // "May I ask", "it may be", "Theresa May": a preposition must come first.
        // "this may take", "that may result", "and may differ": a modal verb.
        return prep
            && !matches!(prev, "this" | "that" | "the" | "and" | "to" | "each" | "every")
            && !matches!(t.lower(k + 1), "i" | "be" | "have" | "not" | "well" | "also" | "we" | "you");
    }
    // "$DEC" is a ticker.
    if k > 0 && t.sym(k - 1) == Some('$') && t.glued(k) {
        return false;
    }
    prep || t.toks[k].upper
}

/// Forms with a month name.
fn with_month_name(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let mut k = i;
    // Optional weekday: "Monday, Feb 18", "Wed, 22 of Jan", "Tuesday March 7".
    if lexicon::weekday(t.lower(k)).is_some() {
        let mut n = k + 1;
        if t.sym(n) == Some('.') {
            n += 1;
        }
        if t.sym(n) == Some(',') {
            n += 1;
        }
        if month_at(t, n).is_some()
            || day_at(t, n).is_some()
            || (t.lower(n) == "the" && day_at(t, n + 1).is_some())
        {
            k = n;
        } else {
            return None;
        }
    }
    let start_with_weekday = k != i;
    // Year first: "2019/aug/01", "2019-aug-1", "2017 april".
    if let Some(y) = is_digits(t, k, 4, 4) {
        let sep = t.sym(k + 1).filter(|c| matches!(c, '/' | '-'));
        let mk = if sep.is_some() { k + 2 } else { k + 1 };
        if let Some((m, next)) = month_at(t, mk) {
            if sep.is_some() && t.sym(next) == sep {
                let (d, end) = day_at(t, next + 1)?;
                let ymd = Ymd { year: Some(y as i32), month: Some(m), day: Some(d) };
                return Some(DateMatch { start: i, end, value: ymd.iso()?, relative: false });
            }
            if sep.is_none() && !lexicon::month_is_ambiguous(t.lower(mk)) {
                let ymd = Ymd { year: Some(y as i32), month: Some(m), day: None };
                return Some(DateMatch { start: i, end: next, value: ymd.iso()?, relative: false });
            }
        }
        return None;
    }
    // Month first.
    if let Some((m, mut next)) = month_at(t, k) {
        let mut sep_used = None;
        if matches!(t.sym(next), Some('/' | '-')) && t.glued(next) {
            sep_used = t.sym(next);
            next += 1;
        } else if t.sym(next) == Some(',') {
            // "October, 1st"
            if day_at(t, next + 1)
                .is_some_and(|(_, e)| e > next + 1 && t.lower(e - 1).len() <= 2 || t.num(next + 1).is_some())
            {
                next += 1;
            }
        }
        // "September the twenty-first"
        if t.lower(next) == "the" && day_at(t, next + 1).is_some() {
            next += 1;
        }
        // "August two thousand and fifteen": a spelled year, not a day.
        let spelled_year = t.lower(next) == "two" && t.lower(next + 1) == "thousand";
        // Month + day (+ year)
        if let Some((d, end)) = day_at(t, next).filter(|_| month_context_ok(t, k, true) && !spelled_year) {
            let mut after = end;
            if (sep_used.is_some() && t.sym(after) == sep_used) || t.sym(after) == Some(',') {
                after += 1;
            }
            return day_month_year(t, (i, end), after, sep_used, (m, d), ctx);
        }
        // Month + year: "October 2014", "April of 1987", "Dec/2018", "August two thousand and fifteen"
        let after = if matches!(t.lower(next), "of" | "in") { next + 1 } else { next };
        let after = if t.sym(after) == Some(',') { after + 1 } else { after };
        if let Some((y, end)) = year_at(t, after).filter(|_| month_context_ok(t, k, true)) {
            let ymd = Ymd { year: Some(y), month: Some(m), day: None };
            return Some(DateMatch { start: i, end, value: ymd.iso()?, relative: false });
        }
        if start_with_weekday || sep_used.is_some() {
            return None;
        }
        // Month alone: "in June", "March", "this September", "last December".
        let prev = if k > 0 { t.lower(k - 1) } else { "" };
        if !month_context_ok(t, k, false) {
            return None;
        }
        let r = ctx.reference?;
        // "cuts by December" in a sentence about what will happen: the next
        // December, not the last.
        let deadline = matches!(prev, "by" | "until" | "till")
            && ctx.sentence_year.is_none()
            && (0..k).any(|j| {
                let w = t.lower(j);
                matches!(
                    w,
                    "will" | "would" | "expect" | "plan" | "plans" | "aim" | "price" | "intends" | "hopes"
                ) || lexicon::hedge(w).is_some_and(lexicon::is_forward_looking)
            });
        let year = match prev {
            "this" => r.year(),
            "next" => r.year() + 1,
            _ if deadline => {
                if m >= r.month() {
                    r.year()
                } else {
                    r.year() + 1
                }
            }
            _ => resolve_month_day(m, None, ctx)?.year?,
        };
        let start = if matches!(prev, "this" | "next" | "last") { k - 1 } else { i };
        let ymd = Ymd { year: Some(year), month: Some(m), day: None };
        return Some(DateMatch { start, end: next, value: ymd.iso()?, relative: true });
    }
    // Day first: "the 1st of march", "15 of february", "31st Oct 1974", "14april 2015",
    // "twenty five January nineteen eighty six", "23/Sep/2020", "31-Oct-74".
    let k = if t.lower(k) == "the" { k + 1 } else { k };
    let (d, mut next) = day_at(t, k)?;
    let mut sep_used = None;
    if matches!(t.sym(next), Some('/' | '-')) && t.glued(next) {
        sep_used = t.sym(next);
        next += 1;
    } else if t.lower(next) == "of" {
        next += 1;
    }
    let (m, end) = month_at(t, next)?;
    if lexicon::month_is_ambiguous(t.lower(next)) && t.lower(next) == "may" && !t.is_word(next) {
        return None;
    }
    let mut after = end;
    if (sep_used.is_some() && t.sym(after) == sep_used) || t.sym(after) == Some(',') {
        after += 1;
    }
    if matches!(t.lower(after), "of" | "in") {
        after += 1;
    }
    day_month_year(t, (i, end), after, sep_used, (m, d), ctx)
}

/// A day that some year's `month` has (February 29 in a leap year).
fn month_day_is_valid(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2024, month, day).is_some()
}

/// A day and month found at `found.0..found.1`, with an optional year at
/// `after` ("2016", "nineteen eighty six", or "74" after a `-`/`/`); without
/// one the date resolves against the reference date.
fn day_month_year(
    t: &Tokens,
    found: (usize, usize),
    after: usize,
    sep_used: Option<char>,
    (month, day): (u32, u32),
    ctx: &DateContext,
) -> Option<DateMatch> {
    let (start, mut end) = found;
    let mut year = None;
    if let Some((y, e)) = year_at(t, after) {
        year = Some(y);
        end = e;
    } else if let Some(y) = sep_used.and(is_digits(t, after, 2, 2)) {
        year = Some(two_digit_year(y as i32, 2));
        end = after + 1;
    }
    let ymd = match year {
        Some(y) => Ymd { year: Some(y), month: Some(month), day: Some(day) },
        None => match resolve_month_day(month, Some(day), ctx) {
            Some(ymd) => ymd,
            // "Nov 20" with no year and no reference date: a date all the
            // same, which no other reading ("20") may take.
            None if month_day_is_valid(month, day) => {
                return Some(DateMatch { start, end, value: String::new(), relative: true });
            }
            None => return None,
        },
    };
    Some(DateMatch { start, end, value: ymd.iso()?, relative: year.is_none() })
}

/// "the 15th", "on the 22nd", "Friday the 22nd", "the 20th of next month",
/// "20 of this month".
fn day_of_month(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let mut k = i;
    let weekday = lexicon::weekday(t.lower(k)).is_some();
    if weekday {
        k += 1;
    }
    let has_the = t.lower(k) == "the";
    if has_the {
        k += 1;
    }
    t.num(k)?;
    let has_suffix = t.glued(k + 1) && matches!(t.lower(k + 1), "st" | "nd" | "rd" | "th");
    let (d, next) = day_at(t, k)?;
    let r = ctx.reference?;
    // "... of this/next/last/the previous month"
    let mut p = next;
    if t.lower(p) == "of" {
        p += 1;
        if t.lower(p) == "the" {
            p += 1;
        }
        let shift: Option<i32> = match t.lower(p) {
            "this" | "current" => Some(0),
            "next" | "following" | "coming" => Some(1),
            "last" | "previous" | "past" => Some(-1),
            _ => None,
        };
        if let Some(s) = shift
            && t.lower(p + 1) == "month"
        {
            let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
            let base = if s >= 0 {
                first.checked_add_months(Months::new(s as u32))?
            } else {
                first.checked_sub_months(Months::new(1))?
            };
            let date = NaiveDate::from_ymd_opt(base.year(), base.month(), d)?;
            return Some(DateMatch {
                start: i,
                end: p + 2,
                value: date.format("%Y-%m-%d").to_string(),
                relative: true,
            });
        }
    }
    if !(has_the && has_suffix) {
        return None;
    }
    // "the 18th floor", "the 6th-largest city", "the 21st century": a rank
    // before a noun, not a day.
    if (t.is_word(next) && !matches!(t.lower(next), "of" | "and" | "or" | "to" | "at" | "in" | "on" | "for"))
        || (t.sym(next) == Some('-') && t.glued(next))
    {
        return None;
    }
    // The latest such day not after the reference date.
    let mut y = r.year();
    let mut m = r.month();
    if d > r.day() {
        if m == 1 {
            m = 12;
            y -= 1;
        } else {
            m -= 1;
        }
    }
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(DateMatch { start: i, end: next, value: date.format("%Y-%m-%d").to_string(), relative: true })
}

/// Relative expressions: "last year", "next month", "this year", "two years
/// ago", "ten years ago today", "the following year", "three years later",
/// "on Monday".
fn relative(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let w = t.lower(i);
    let r = ctx.reference;
    let unit_at = |k: usize| -> Option<&'static str> {
        match t.lower(k) {
            "year" | "yr" => Some("year"),
            "month" => Some("month"),
            _ => None,
        }
    };
    match w {
        "last" | "next" | "this" | "current" | "previous" | "past" | "coming" => {
            let unit = unit_at(i + 1)?;
            let r = r?;
            let shift = match w {
                "last" | "previous" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            let value = if unit == "year" {
                format!("{:04}", r.year() + shift)
            } else {
                month_shifted(r.year(), r.month(), shift)?
            };
            return Some(DateMatch { start: i, end: i + 2, value, relative: true });
        }
        "the" | "that" => {
            // "the following year", "the following March", "that same year", "the same year", "the previous year"
            let mut k = i + 1;
            let shift = match t.lower(k) {
                "following" | "next" => 1,
                "previous" | "prior" | "preceding" => -1,
                "same" => 0,
                _ => return None,
            };
            k += 1;
            let (ay, am, ad) = ctx.anchor?;
            // "the next day", "the same day", "the following month": from
            // the anchor's day or month, when it has one.
            let value = match t.lower(k) {
                "day" => Some(day_shifted(ay, am?, ad?, shift)?),
                "month" => Some(month_shifted(ay, am?, shift)?),
                "year" => Some(format!("{:04}", ay + shift)),
                _ => None,
            };
            if let Some(value) = value {
                return Some(DateMatch { start: i, end: k + 1, value, relative: true });
            }
            if let Some(m) = lexicon::month(t.lower(k)) {
                let year = match (shift, am) {
                    (1, Some(am)) if m <= am => ay + 1,
                    (1, None) => ay + 1,
                    (1, _) => ay,
                    (-1, Some(am)) if m >= am => ay - 1,
                    (-1, _) => ay - 1,
                    _ => ay,
                };
                return Some(DateMatch {
                    start: i,
                    end: k + 1,
                    value: format!("{year:04}-{m:02}"),
                    relative: true,
                });
            }
            return None;
        }
        _ => {}
    }
    if lexicon::weekday(w).is_some() && is_weekday_reference(t, i) {
        let r = r?;
        let wd = lexicon::weekday(w)?;
        let back = (r.weekday().num_days_from_monday() + 7 - wd) % 7;
        let date = r - chrono::Duration::days(i64::from(back));
        return Some(DateMatch {
            start: i,
            end: i + 1,
            value: date.format("%Y-%m-%d").to_string(),
            relative: true,
        });
    }
    // "two years ago", "ten years ago today", "three years later", "two years
    // before", "a year ago", "two decades ago"
    let (count, end) = match w {
        "a" | "an" => (1.0, i + 1),
        _ => number::parse(t, i).map(|n| (n.value, n.end))?,
    };
    if count.fract() != 0.0 || count <= 0.0 || count > 200.0 {
        return None;
    }
    let (unit, per_unit) = unit_from_plural(t.lower(end))?;
    let k = end + 1;
    // How many of the unit: days, months or years.
    let count = count as i32 * per_unit;
    match t.lower(k) {
        "ago" if unit == "day" => None,
        "ago" => {
            let r = r?;
            if t.lower(k + 1) == "today" && unit == "year" {
                let date = NaiveDate::from_ymd_opt(r.year() - count, r.month(), r.day())?;
                return Some(DateMatch {
                    start: i,
                    end: k + 2,
                    value: date.format("%Y-%m-%d").to_string(),
                    relative: true,
                });
            }
            let value = if unit == "year" {
                format!("{:04}", r.year() - count)
            } else {
                month_shifted(r.year(), r.month(), -count)?
            };
            Some(DateMatch { start: i, end: k + 1, value, relative: true })
        }
        "later" | "after" | "before" | "earlier" => {
            // "two years after the IPO" is about another event: only a bare
            // "later/before", or "after that".
            let end = match (t.lower(k), t.lower(k + 1)) {
                ("after" | "before", "that" | "this") => k + 2,
                ("after", _) if t.is_word(k + 1) && t.sym(k + 1).is_none() => return None,
                _ => k + 1,
            };
            let (ay, am, ad) = ctx.anchor?;
            let shift = if matches!(t.lower(k), "later" | "after") { count } else { -count };
            // "five days later" counts from a day, "two months later" from a
            // month: the anchor must have one.
            let value = match unit {
                "day" => day_shifted(ay, am?, ad?, shift)?,
                "year" => format!("{:04}", ay + shift),
                _ => month_shifted(ay, am?, shift)?,
            };
            Some(DateMatch { start: i, end, value, relative: true })
        }
        _ => None,
    }
}

/// The month `by` months from `year`-`month`, as `YYYY-MM`.
fn month_shifted(year: i32, month: u32, by: i32) -> Option<String> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let months = Months::new(by.unsigned_abs());
    let d = if by < 0 { first.checked_sub_months(months)? } else { first.checked_add_months(months)? };
    Some(d.format("%Y-%m").to_string())
}

/// The day `by` days from `year`-`month`-`day`, as `YYYY-MM-DD`.
fn day_shifted(year: i32, month: u32, day: u32, by: i32) -> Option<String> {
    let d = NaiveDate::from_ymd_opt(year, month, day)?
        .checked_add_signed(chrono::Duration::days(i64::from(by)))?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// The unit of a relative date's span, and how many of it one word counts.
fn unit_from_plural(w: &str) -> Option<(&'static str, i32)> {
    match w {
        "year" | "years" => Some(("year", 1)),
        "decade" | "decades" => Some(("year", 10)),
        "month" | "months" => Some(("month", 1)),
        // Only counted from a day ("five days later"), never back from today.
        "day" | "days" => Some(("day", 1)),
        "week" | "weeks" => Some(("day", 7)),
        _ => None,
    }
}

/// "on Monday", "said Monday", "Monday's": a weekday used as a day reference.
fn is_weekday_reference(t: &Tokens, i: usize) -> bool {
    let w = t.lower(i);
    if w.len() <= 3 {
        return false;
    }
    let prev = if i > 0 { t.lower(i - 1) } else { "" };
    matches!(
        prev,
        "on" | "said" | "says" | "announced" | "late" | "early" | "last" | "since" | "by" | "until" | "from"
    ) || (t.sym(i + 1) == Some('\'') && t.lower(i + 2) == "s")
}

/// A bare year: "2022" in a date context, "2022's", "2014 A.D.".
fn year(t: &Tokens, i: usize) -> Option<DateMatch> {
    let n = t.num(i)?;
    if n.int_digits != 4 || n.frac_digits > 0 || n.grouped || n.exponent {
        return None;
    }
    let y = n.value as i32;
    if i > 0
        && t.glued(i)
        && (t.is_word(i - 1) || matches!(t.sym(i - 1), Some('$' | '#' | '-' | '/' | '.' | '€' | '£' | '¥')))
    {
        return None;
    }
    let next = t.lower(i + 1);
    if t.glued(i + 1) && t.is_word(i + 1) {
        return None;
    }
    let prev = if i > 0 { t.lower(i - 1) } else { "" };
    if t.single_space_before(i) && t.is_word(i - 1) && t.toks[i - 1].upper && names_with_a_year(prev) {
        return None;
    }
    let era = is_era(t, i + 1);
    let possessive = t.sym(i + 1) == Some('\'') && t.lower(i + 2) == "s";
    let date_prep = lexicon::is_date_preposition(prev) || prev == "year" || prev == "fy";
    let plausible = (1900..=2100).contains(&y);
    // "2,000 employees" counts; "its 2023 EBITDA forecast", "the 2024
    // election" and "2024 revenue" name a year: only a noun that can be
    // counted (plural, or "staff", "people") makes the figure a count, and
    // not after a possessive ("its 2023 results").
    let noun_follows = t.is_word(i + 1)
        && !lexicon::is_function_word(next)
        && lexicon::month(next).is_none()
        && !next.ends_with("ly")
        && lexicon::is_count_noun(next)
        && !lexicon::is_report_noun(next)
        && !matches!(prev, "its" | "their" | "his" | "her" | "our" | "my" | "your");
    let ok = era
        || possessive
        || (plausible && (date_prep || !noun_follows))
        || ((1000..=2100).contains(&y) && date_prep);
    if !ok {
        return None;
    }
    let end = if era { skip_era(t, i + 1) } else { i + 1 };
    Some(DateMatch { start: i, end, value: format!("{y:04}"), relative: false })
}

/// Does a capitalized word before a year make the year part of a name
/// ("Vision 2030", "Euro 2024", "Paris 2024", "Expo 2020")? Not a month,
/// a season, a holiday, a word that opens a date ("In 2024", "FY 2024",
/// "Christmas 2023") or names a period in a title ("Fourth Quarter 2021
/// Results", "Annual Report 2016").
fn names_with_a_year(word: &str) -> bool {
    !(lexicon::is_function_word(word)
        || lexicon::is_date_preposition(word)
        || lexicon::month(word).is_some()
        || lexicon::weekday(word).is_some()
        || lexicon::qualifier_prefix(&[word, "", ""]).is_some()
        || matches!(
            word,
            "fy" | "q"
                | "h"
                | "ad"
                | "bc"
                | "ce"
                | "year"
                | "fiscal"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "christmas"
                | "easter"
                | "thanksgiving"
                | "ramadan"
                | "diwali"
                | "eid"
                | "hanukkah"
                | "passover"
                | "lent"
                | "midsummer"
                | "circa"
                | "since"
                | "until"
                | "till"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "start"
                | "class"
                | "quarter"
                | "half"
                | "report"
                | "review"
                | "results"
                | "budget"
                | "census"
                | "season"
        ))
}

/// Slash dates need the resolution context; exposed to the scanner.
pub fn recognize_slash(t: &Tokens, i: usize, ctx: &DateContext) -> Option<DateMatch> {
    slash_month_day(t, i, ctx)
}

/// Find the article's own date near its top: a dateline or byline date.
pub fn find_dateline(text: &str) -> Option<NaiveDate> {
    let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let mut toks = Tokens::default();
    toks.fill(head, 0, head.len());
    let ctx = DateContext::default();
    for i in 0..toks.len() {
        let found = numeric(&toks, i).or_else(|| with_month_name(&toks, i, &ctx));
        if let Some(m) = found
            && m.value.len() == 10
        {
            return NaiveDate::parse_from_str(&m.value, "%Y-%m-%d").ok();
        }
    }
    None
}
