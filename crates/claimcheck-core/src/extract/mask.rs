//! Stretches of text that look numeric but are never claims (URLs, e-mail
//! addresses, times of day, phone numbers, ISBNs), found only around the
//! sentences that need them.
//!
//! The pattern runs over a window of whole sentences around each sentence
//! the prefilter lets through, not over the whole text, and finds exactly
//! the matches one pass over the whole text finds there. A window starts
//! and ends at a *cut*: a sentence start that no match can straddle (see
//! [`is_cut`]), where a pass over the whole text is in step with a search
//! that starts there.

use std::sync::LazyLock;

use regex::Regex;

/// What is masked. Every branch starts with a non-space character and holds
/// whitespace only as a single space or `\s` between figures and after
/// "isbn": [`is_cut`] relies on it (a test checks it on generated text).
static MASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i:(?:https?://|www\.)[^\s<>]+)",
        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
        r"|(?-u:\b)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?(?i:[ap]\.m\.|[ap]m(?-u:\b)))?",
        r"|(?-u:\b)[0-9]{1,2}\s?(?i:[ap]\.m\.|[ap]m(?-u:\b))",
        // "0900 GMT": a 24-hour time with its zone.
        r"|(?-u:\b)[0-2][0-9][0-5][0-9] (?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT)(?-u:\b)",
        r"|(?:\+[0-9]{1,3}[ -]?|(?-u:\b)1[-.])?\(?(?-u:\b)[0-9]{3}\)?[-. ][0-9]{3}[-.][0-9]{4}(?-u:\b)",
        // "0800 555 111", "020 7946 0958": a number with a leading zero in groups.
        r"|(?-u:\b)0[0-9]{2,4}[ -][0-9]{3,4}[ -][0-9]{3,4}(?-u:\b)",
        r"|(?i:isbn)[-: ]*[0-9][0-9-]{8,16}[0-9Xx]",
        // Numeric tickers with their exchange ("9988.HK", "005930.KS") and
        // retirement plans ("401(k)", "403(b)").
        r"|(?-u:\b)[0-9]{3,6}\.(?:HK|KS|KQ|T|SS|SZ|TW|SI|BO|NS|AX)(?-u:\b)",
        r"|(?-u:\b)40[13]\([kb]\)",
        r"|[0-9]+:[0-9]+",
    ))
    .expect("the mask pattern is valid")
});

/// Can no match of [`MASK`] hold both `text[p - 1]` and `text[p]`?
///
/// True at either end of the text, and where whitespace follows a sentence
/// end (`.`, `!`, `?`, a quote, any non-ASCII character) or a line break:
/// inside a match, whitespace follows only a digit, `)`, `:`, `-`, "isbn" or
/// a single space, and never starts or ends the match. So a match that
/// straddled `p` would hold the two bytes before it, which no match does.
fn is_cut(text: &[u8], p: usize) -> bool {
    if p == 0 || p >= text.len() {
        return true;
    }
    if p < 2 || !text[p - 1].is_ascii_whitespace() {
        return false;
    }
    let before = text[p - 2];
    matches!(before, b'.' | b'!' | b'?' | b'"' | b'\'')
        || before >= 0x80
        || (before == b'\n' && text[p - 1] == b'\n')
}

/// The masks of one document, found window by window.
#[derive(Debug)]
pub(super) struct Masks<'t> {
    text: &'t str,
    /// The masks found so far, in order.
    found: Vec<(usize, usize)>,
    /// Every mask before this cut is in `found`.
    done: usize,
    /// In debug builds, the masks of one pass over the whole text, to check against.
    #[cfg(debug_assertions)]
    whole: Vec<(usize, usize)>,
}

impl<'t> Masks<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Masks {
            text,
            found: Vec::new(),
            done: 0,
            #[cfg(debug_assertions)]
            whole: MASK.find_iter(text).map(|m| (m.start(), m.end())).collect(),
        }
    }

    /// The masks, complete at least over sentence `idx` of `sentences`.
    pub(super) fn around(&mut self, sentences: &[(usize, usize)], idx: usize) -> &[(usize, usize)] {
        let (start, end) = sentences[idx];
        if end > self.done {
            let bytes = self.text.as_bytes();
            // The window: from the last cut at or before the sentence (the
            // end of the last window is one) to the first cut after it.
            let from = sentences[..=idx]
                .iter()
                .rev()
                .map(|&(s, _)| s)
                .take_while(|&s| s > self.done)
                .find(|&s| is_cut(bytes, s))
                .unwrap_or(self.done);
            debug_assert!(from <= start);
            let to = sentences[idx + 1..]
                .iter()
                .map(|&(s, _)| s)
                .find(|&s| is_cut(bytes, s))
                .unwrap_or(bytes.len());
            // Matches cannot cross `to`, so the haystack can end there; the
            // text before `from` still decides the word boundaries at `from`.
            let haystack = &self.text[..to];
            let mask = &*MASK;
            let mut at = from;
            while let Some(m) = mask.find_at(haystack, at) {
                self.found.push((m.start(), m.end()));
                at = m.end();
            }
            #[cfg(debug_assertions)]
            {
                let in_window = |masks: &[(usize, usize)]| -> Vec<(usize, usize)> {
                    masks.iter().copied().filter(|&(s, _)| (from..to).contains(&s)).collect()
                };
                assert_eq!(
                    in_window(&self.found),
                    in_window(&self.whole),
                    "masks of the window {from}..{to} differ from the whole text's"
                );
            }
            self.done = to;
        }
        &self.found
    }

    /// Every mask of the text (debug builds check skipped sentences with it).
    #[cfg(debug_assertions)]
    pub(super) fn whole(&self) -> &[(usize, usize)] {
        &self.whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masks of every sentence of `text`, window by window, as one list.
    fn windowed(text: &str) -> Vec<(usize, usize)> {
        let sentences = super::super::sentence::split(text);
        let mut masks = Masks::new(text);
        for idx in 0..sentences.len() {
            masks.around(&sentences, idx);
        }
        masks.found
    }

    #[test]
    fn windows_find_what_the_whole_text_pass_finds() {
        let text = "Call +1 (555) 123-4567 at 10:30\nam. See www.example.com/a. Mail a@b.co! \
                    ISBN  978-0-306-40615-7 is out. \"It was 0900 GMT.\" Then 3:2.\n\nNext 9 pm.";
        let whole: Vec<_> = MASK.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(windowed(text), whole);
        assert!(whole.len() >= 6);
    }

    #[test]
    fn cuts_follow_sentence_ends_only() {
        let cut = |text: &str, p: usize| is_cut(text.as_bytes(), p);
        assert!(cut("Done. Next", 6));
        assert!(cut("Done.\nNext", 6));
        assert!(cut("line\n\nNext", 6));
        assert!(!cut("at 10:30 am", 9));
        assert!(!cut("(555) 123", 6));
        assert!(!cut("ISBN  978", 6));
        assert!(!cut("at 10:30\nam", 9));
    }

    proptest::proptest! {
        /// Text dense in what the pattern matches and in sentence ends.
        #[test]
        fn windows_match_the_whole_text_pass(
            text in r"(?:[0-9]{1,4}|[ :.\-()+@!?]|\n|am|pm|isbn|www\.x|http://y|GMT|[A-Z][a-z]{0,3}|a|\x22)*"
        ) {
            let whole: Vec<_> = MASK.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let sentences = super::super::sentence::split(&text);
            let mut masks = Masks::new(&text);
            for idx in 0..sentences.len() {
                masks.around(&sentences, idx);
            }
            // Every mask found is one the whole pass finds, and every mask of
            // the whole pass that touches a sentence is found.
            for m in &masks.found {
                proptest::prop_assert!(whole.contains(m), "{:?} not in {:?}", m, whole);
            }
            for m in &whole {
                if sentences.iter().any(|&(s, e)| m.0 < e && s < m.1) {
                    proptest::prop_assert!(masks.found.contains(m), "{:?} missing from {:?}", m, masks.found);
                }
            }
        }
    }
}
