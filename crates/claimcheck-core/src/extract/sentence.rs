//! Sentence boundaries: a fast splitter for news prose that keeps
//! abbreviations ("Mr.", "U.S.", "Inc.") and initials inside the sentence.

/// The longest sentence kept whole, in bytes.
const MAX_SENTENCE: usize = 600;

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut line_start = 0;
    // "!" is rare: its next position is found once and kept until passed,
    // so each step searches for the other three bytes only.
    let mut next_bang = 0;
    while i < b.len() {
        // Most bytes neither end a line or a sentence nor make the sentence
        // too long: skip them with a vectorized search.
        let limit = b.len().min(start + MAX_SENTENCE + 1).max(i);
        if next_bang < i {
            next_bang = memchr::memchr(b'!', &b[i..]).map_or(b.len(), |p| i + p);
        }
        let found = memchr::memchr3(b'\n', b'.', b'?', &b[i..limit]).map_or(limit, |p| i + p);
        i = found.min(next_bang).min(limit);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        // A "sentence" with no end in sight (a list of figures, a table dump)
        // is cut at a space: claims keep a readable context, and the work per
        // claim stays bounded.
        // Text with no space at all ("$1$2$3...") is cut anywhere a character starts.
        if i - start > MAX_SENTENCE
            && (c == b' ' || (i - start > 2 * MAX_SENTENCE && text.is_char_boundary(i)))
        {
            push(text, start, i, &mut out);
            // A space is dropped; any other character starts the next sentence.
            start = if c == b' ' { i + 1 } else { i };
            i += 1;
            continue;
        }
        if c == b'\n' {
            let line = &text[line_start..i];
            let trimmed = line.trim_end();
            // The next line holds only whitespace: stop at its first other character.
            let blank_next = text[i + 1..].chars().take_while(|&c| c != '\n').all(char::is_whitespace);
            let ends_sentence = trimmed.ends_with(['.', '!', '?', ':', '"', '”', '|', '*', ')'])
                || is_short_line(trimmed)
                || blank_next
                || next_line_is_block(&text[i + 1..]);
            if ends_sentence {
                push(text, start, i, &mut out);
                start = i + 1;
            }
            line_start = i + 1;
            i += 1;
            continue;
        }
        if matches!(c, b'.' | b'!' | b'?') && is_boundary(text, i) {
            let mut end = i + 1;
            // Keep closing quotes and brackets with the sentence.
            while end < b.len() && matches!(b[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            if text[end..].starts_with('”') || text[end..].starts_with('’') {
                end += 3;
            }
            push(text, start, end, &mut out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, start, b.len(), &mut out);
    out
}

/// Fewer than 70 characters: a heading, a caption, a list line. A line's
/// byte length bounds its character count (one to four bytes each), so
/// most lines need no count.
fn is_short_line(line: &str) -> bool {
    line.len() < 70 || (line.len() < 4 * 70 && line.chars().count() < 70)
}

fn next_line_is_block(rest: &str) -> bool {
    let l = rest.trim_start_matches([' ', '\t']);
    l.starts_with(['-', '*', '#', '>', '|'])
        || l.as_bytes().first().is_some_and(u8::is_ascii_digit) && l.contains(". ")
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

/// Is the punctuation at `i` the end of a sentence?
fn is_boundary(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    // Followed by space (or end), then an upper-case letter, digit or quote.
    let mut j = i + 1;
    while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    if j >= b.len() {
        return true;
    }
    if !(b[j] == b' '
        || b[j] == b'\t'
        || text[j..].starts_with('\u{a0}')
        || text[j..].starts_with('”')
        || text[j..].starts_with('’'))
    {
        return false;
    }
    let rest = text[j..].trim_start_matches([' ', '\t', '\u{a0}', '”', '’']);
    let Some(next) = rest.chars().next() else { return true };
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '['))
    {
        return false;
    }
    if b[i] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.len() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "David H. Holz"
    }
    // "U.S.", "a.m.", "e.g.": letters and periods; but "rose 3.9%." and
    // "$1.5bn." end their sentences.
    if word.contains('.')
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 3
    {
        return false;
    }
    !is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word.trim_start_matches(['(', '"']),
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "Co"
            | "Jr"
            | "Sr"
            | "St"
            | "vs"
            | "No"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Mt"
            | "approx"
            | "est"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Rs"
            | "Fig"
            | "fig"
            | "vol"
            | "Vol"
            | "pp"
            | "p"
            | "ca"
            | "cf"
            | "etc"
            | "Bros"
            | "Ave"
            | "Blvd"
            | "Rd"
            | "Wash"
            | "Calif"
            | "Mass"
            | "Conn"
            | "Ariz"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Mich"
            | "Minn"
            | "Penn"
            | "Tex"
            | "Va"
            | "Md"
            | "Ore"
            | "Colo"
            | "Nev"
            | "Okla"
    )
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_news_prose() {
        let text = "Mr. Smith said the U.S. economy grew. Meta Platforms Inc. paid $14.3 billion. It rose 5%!\nA heading\nNext.";
        let got: Vec<&str> = split(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            vec![
                "Mr. Smith said the U.S. economy grew.",
                "Meta Platforms Inc. paid $14.3 billion.",
                "It rose 5%!",
                "A heading",
                "Next."
            ]
        );
    }

    #[test]
    fn a_figure_with_a_decimal_ends_its_sentence() {
        let text = "The rate rose to 3.9%. Sales hit $1.5bn. Shares fell 2.5. Prices rose at 9 a.m. Monday.";
        let got: Vec<&str> = split(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            vec![
                "The rate rose to 3.9%.",
                "Sales hit $1.5bn.",
                "Shares fell 2.5.",
                "Prices rose at 9 a.m. Monday."
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_initials() {
        let text = "David H. Holz raised 3.5 million. Done.";
        let got: Vec<&str> = split(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, vec!["David H. Holz raised 3.5 million.", "Done."]);
    }

    #[test]
    fn a_line_break_ends_a_sentence_before_a_blank_line_and_after_a_short_line() {
        let wrapped =
            "The company said on Tuesday that its quarterly revenue rose very sharply\nwhile costs fell.";
        let got: Vec<&str> = split(wrapped).into_iter().map(|(a, b)| &wrapped[a..b]).collect();
        assert_eq!(got, vec![wrapped]);
        let blank = "The company said on Tuesday that its quarterly revenue rose very sharply\n \t\r\nwhile costs fell.";
        assert_eq!(split(blank).len(), 2);
        let short = "A caption\nwhile costs fell.";
        assert_eq!(split(short).len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn short_lines_are_counted_in_characters(line in "(?s:.{0,90})|[é日a]{60,80}") {
            proptest::prop_assert_eq!(super::is_short_line(&line), line.chars().count() < 70);
        }
    }
}

#[cfg(test)]
mod regression {
    use super::split;

    /// Found by the `extract_props` property test: a no-break space before an
    /// abbreviation-like word made the word start fall inside a character.
    #[test]
    fn no_break_space_before_a_period_word() {
        let text = "<p>14, more\u{a0}than. Next month\u{a0}U.S. Then";
        for (a, b) in split(text) {
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
    }
}
