//! A small tokenizer: numbers (with their literal value), words and symbols,
//! each with its byte range and whether whitespace precedes it.

/// A numeric literal written in digits ("1,234.5", ".77", "12.32e+14").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumLit {
    /// Its value.
    pub value: f64,
    /// Digits before the decimal point.
    pub int_digits: u32,
    /// Digits after the decimal point.
    pub frac_digits: u32,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Written with an exponent.
    pub exponent: bool,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokKind {
    /// Digits.
    Num(NumLit),
    /// A run of letters.
    Word,
    /// Any other single character.
    Sym(char),
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tok {
    /// Byte offset in the scanned text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// What it is.
    pub kind: TokKind,
    /// Whitespace comes right before it.
    pub gap: bool,
    /// A word that starts with an upper-case letter.
    pub upper: bool,
    /// Range of its lower-cased form in the sentence's `lower` buffer.
    lower: (u32, u32),
}

/// The tokens of one stretch of text, with their lower-cased forms.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in order.
    pub toks: Vec<Tok>,
    /// The stretch lower-cased in ASCII, then the lower forms that differ.
    lower: String,
    /// Where the stretch starts in the text.
    base: usize,
}

impl Tokens {
    /// Lower-cased text of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.lower.0 as usize..t.lower.1 as usize])
    }

    /// Is the gap before token `i` exactly one space (not a tab between
    /// table cells, nor a line break)?
    pub fn single_space_before(&self, i: usize) -> bool {
        i > 0
            && self.toks.get(i).is_some_and(|t| {
                let prev = self.toks[i - 1].end - self.base;
                self.lower.get(prev..t.start - self.base) == Some(" ")
            })
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The symbol of token `i`, if it is one.
    pub fn sym(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Sym(c) => Some(c),
            _ => None,
        }
    }

    /// The numeric literal of token `i`, if it is one.
    pub fn num(&self, i: usize) -> Option<NumLit> {
        match self.toks.get(i)?.kind {
            TokKind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(TokKind::Word))
    }

    /// True when token `i` follows token `i-1` with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap) && i > 0
    }

    /// Tokenize `text[range]`; offsets stay relative to `text`.
    pub fn fill(&mut self, text: &str, start: usize, end: usize) {
        self.toks.clear();
        // The stretch, lower-cased in ASCII, in one copy: most tokens' lower
        // forms are slices of it (see `push`).
        self.lower.clear();
        self.lower.push_str(&text[start..end]);
        self.lower.make_ascii_lowercase();
        self.base = start;
        let bytes = text.as_bytes();
        let mut i = start;
        let mut gap = true;
        while i < end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                gap = true;
                i += 1;
                continue;
            }
            if b.is_ascii_digit()
                || (b == b'.' && i + 1 < end && bytes[i + 1].is_ascii_digit() && !prev_is_digit(bytes, i))
            {
                let (lit, j) = lex_number(text, i, end);
                self.push(text, i, j, TokKind::Num(lit), gap);
                i = j;
            } else if b.is_ascii_alphabetic() {
                let mut j = i + 1;
                while j < end && bytes[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j < end && bytes[j] >= 0x80 {
                    j = extend_unicode_word(text, j, end);
                }
                self.push(text, i, j, TokKind::Word, gap);
                i = j;
            } else if b < 0x80 {
                self.push(text, i, i + 1, TokKind::Sym(b as char), gap);
                i += 1;
            } else {
                let Some(c) = text[i..end].chars().next() else { break };
                let j = i + c.len_utf8();
                if c.is_whitespace() {
                    gap = true;
                    // Thin spaces between digit groups are kept as a marker.
                    if matches!(c, '\u{202f}' | '\u{2009}' | '\u{a0}') {
                        self.push(text, i, j, TokKind::Sym(' '), false);
                    }
                    i = j;
                    continue;
                } else if c.is_alphabetic() {
                    let j = extend_unicode_word(text, i, end);
                    self.push(text, i, j, TokKind::Word, gap);
                    i = j;
                } else {
                    self.push(text, i, j, TokKind::Sym(normalize_symbol(c)), gap);
                    i = j;
                }
            }
            gap = false;
        }
    }

    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokKind, gap: bool) {
        let s = &text[start..end];
        // A word's lower form is the ASCII-lower-cased stretch unless it has
        // other letters (Unicode lower-casing); any other token's is its own
        // text, which lower-casing changes only in an exponent's "E".
        let in_stretch = match kind {
            TokKind::Word => s.is_ascii(),
            TokKind::Num(_) => !s.bytes().any(|b| b.is_ascii_uppercase()),
            TokKind::Sym(_) => true,
        };
        let (lo, hi) = if in_stretch {
            (start - self.base, end - self.base)
        } else {
            let lo = self.lower.len();
            if matches!(kind, TokKind::Word) {
                self.lower.extend(s.chars().flat_map(char::to_lowercase));
            } else {
                self.lower.push_str(s);
            }
            (lo, self.lower.len())
        };
        let (lo, hi) = (lo as u32, hi as u32);
        let upper = matches!(kind, TokKind::Word) && s.chars().next().is_some_and(char::is_uppercase);
        self.toks.push(Tok { start, end, kind, gap, upper, lower: (lo, hi) });
    }
}

fn prev_is_digit(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes[i - 1].is_ascii_digit()
}

fn normalize_symbol(c: char) -> char {
    match c {
        '–' | '—' | '‒' | '−' => '-',
        '’' | '‘' | '′' => '\'',
        '“' | '”' => '"',
        other => other,
    }
}

fn extend_unicode_word(text: &str, mut j: usize, end: usize) -> usize {
    for c in text[j..end].chars() {
        if c.is_alphabetic() {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Lex one number starting at `i`: digits with `,` groups (also Indian
/// 2-digit groups), a thin-space group, a decimal part and an exponent.
fn lex_number(text: &str, i: usize, end: usize) -> (NumLit, usize) {
    let b = text.as_bytes();
    let digits = |mut k: usize| {
        while k < end && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let mut int_end = digits(i);
    let mut grouped = false;
    // Thousands groups: ",ddd" repeated; Indian style ",dd" groups before a final ",ddd".
    loop {
        if int_end + 1 < end && b[int_end] == b',' {
            let g_end = digits(int_end + 1);
            let len = g_end - (int_end + 1);
            if len == 3 || (len == 2 && indian_tail_ok(b, g_end, end)) {
                int_end = g_end;
                grouped = true;
                continue;
            }
        }
        // Thin-space groups ("1 234 567" with U+202F / U+2009).
        if let Some(sp) = text.get(int_end..end).and_then(|r| r.chars().next())
            && matches!(sp, '\u{202f}' | '\u{2009}')
        {
            let g_start = int_end + sp.len_utf8();
            let g_end = digits(g_start);
            if g_end - g_start == 3 {
                int_end = g_end;
                grouped = true;
                continue;
            }
        }
        break;
    }
    let mut j = int_end;
    let mut frac_digits = 0;
    if j + 1 < end && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        let f_end = digits(j + 1);
        frac_digits = (f_end - j - 1) as u32;
        j = f_end;
    }
    let mut exponent = false;
    let mut exp_val = 0i32;
    if j + 1 < end && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        let neg = b[k] == b'-';
        if b[k] == b'+' || b[k] == b'-' {
            k += 1;
        }
        let e_end = digits(k);
        let word_follows = e_end < end && b[e_end].is_ascii_alphabetic();
        if e_end > k && e_end - k <= 3 && !word_follows {
            exp_val = text[k..e_end].parse::<i32>().unwrap_or(0);
            if neg {
                exp_val = -exp_val;
            }
            exponent = true;
            j = e_end;
        }
    }
    let mut mantissa = String::with_capacity(j - i);
    for &c in &b[i..j] {
        match c {
            b'0'..=b'9' | b'.' => mantissa.push(c as char),
            b'e' | b'E' => break,
            _ => {}
        }
    }
    let mut value: f64 = mantissa.parse().unwrap_or(0.0);
    if exponent {
        value = format!("{mantissa}e{exp_val}").parse().unwrap_or(value);
    }
    let int_digits = text[i..int_end].bytes().filter(u8::is_ascii_digit).count() as u32;
    (NumLit { value, int_digits, frac_digits, grouped, exponent }, j)
}

/// An Indian group `,dd` is valid only when the groups that follow end in `,ddd`.
fn indian_tail_ok(b: &[u8], mut k: usize, end: usize) -> bool {
    while k + 1 < end && b[k] == b',' {
        let mut g = k + 1;
        while g < end && b[g].is_ascii_digit() {
            g += 1;
        }
        match g - k - 1 {
            3 => return g >= end || b[g] != b',',
            2 => k = g,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<(String, f64)> {
        let mut t = Tokens::default();
        t.fill(s, 0, s.len());
        t.toks
            .iter()
            .filter_map(|k| match k.kind {
                TokKind::Num(n) => Some((s[k.start..k.end].to_string(), n.value)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn number_literals() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("1,234,567", &[("1,234,567", 1234567.0)]),
            ("12,34,567.89", &[("12,34,567.89", 1234567.89)]),
            (".77", &[(".77", 0.77)]),
            ("192.", &[("192", 192.0)]),
            ("12.32e+14", &[("12.32e+14", 1.232e15)]),
            ("-12e-1", &[("12e-1", 1.2)]),
            ("1\u{202f}234\u{202f}567.89", &[("1\u{202f}234\u{202f}567.89", 1234567.89)]),
            ("10,20", &[("10", 10.0), ("20", 20.0)]),
            ("500 USD,100 times", &[("500", 500.0), ("100", 100.0)]),
            ("3.5years", &[("3.5", 3.5)]),
            ("1,674,200.5 M", &[("1,674,200.5", 1674200.5)]),
        ];
        for (input, want) in cases {
            let got = nums(input);
            let want: Vec<(String, f64)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn words_symbols_and_gaps() {
        let s = "Meta’s $14bn";
        let mut t = Tokens::default();
        t.fill(s, 0, s.len());
        let kinds: Vec<_> = (0..t.len()).map(|i| (t.lower(i).to_string(), t.toks[i].gap)).collect();
        assert_eq!(
            kinds,
            vec![
                ("meta".into(), true),
                ("’".into(), false),
                ("s".into(), false),
                ("$".into(), true),
                ("14".into(), false),
                ("bn".into(), false)
            ]
        );
        assert_eq!(t.sym(1), Some('\''));
    }

    /// Each token's lower form: a word lower-cased (Unicode for non-ASCII
    /// words), any other token as written.
    fn lower_forms_as_defined(t: &Tokens, s: &str) -> Vec<String> {
        t.toks
            .iter()
            .map(|k| {
                let raw = &s[k.start..k.end];
                match k.kind {
                    TokKind::Word => raw.chars().flat_map(char::to_lowercase).collect(),
                    _ => raw.to_owned(),
                }
            })
            .collect()
    }

    #[test]
    fn lower_forms_are_sliced_from_the_stretch_or_written_apart() {
        let s = "  Meta’s ÉCOLE rose 1.5E3 times; İstanbul got $5 in Zürich ";
        let mut t = Tokens::default();
        t.fill(s, 2, s.len() - 1);
        let got: Vec<String> = (0..t.len()).map(|i| t.lower(i).to_owned()).collect();
        assert_eq!(got, lower_forms_as_defined(&t, s));
        assert!(got.contains(&"école".to_owned()) && got.contains(&"1.5E3".to_owned()));
    }

    proptest::proptest! {
        #[test]
        fn lower_forms_match_their_definition(s in "(?s:.{0,40})|[ a-zA-Z0-9.,$%É’İ\u{a0}\u{202f}eE+-]{0,40}") {
            let mut t = Tokens::default();
            t.fill(&s, 0, s.len());
            let got: Vec<String> = (0..t.len()).map(|i| t.lower(i).to_owned()).collect();
            proptest::prop_assert_eq!(got, lower_forms_as_defined(&t, &s));
        }
    }
}
