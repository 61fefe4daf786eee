//! The names in slices of one document, from one pass of the name search.
//!
//! The audit needs the names of each claim's sentence and of the text just
//! before it. Searching every such slice again went over the text about
//! three and a half times. Names are found at word starts, leftmost-longest
//! and without overlaps, so a search of a slice finds what the search of the
//! whole text finds, from the first point of the slice that no match of the
//! whole text straddles up to the first match that crosses the slice's end.
//! Only what lies outside that stretch is searched again, usually nothing:
//! the slice's own edges differ from the text's where they cut a word (the
//! slice sees a word start, or a word end, that the text does not).

use crate::extract::EntityIndex;

/// A name found in a slice: (start, end, canonical name), offsets in the slice.
pub(crate) type SliceName<'a> = (usize, usize, &'a str);

/// The automaton's matches over one document.
pub(crate) struct TextNames<'a> {
    index: &'a EntityIndex,
    text: &'a str,
    /// Every match over the whole text, before the word and case checks:
    /// (start, end, pattern), in order and not overlapping.
    found: Vec<(usize, usize, usize)>,
}

impl<'a> TextNames<'a> {
    /// Search `text` once.
    pub(crate) fn new(index: &'a EntityIndex, text: &'a str) -> Self {
        TextNames { index, text, found: index.find_unchecked(text).collect() }
    }

    /// The names of the whole text: what `EntityIndex::find(text)` gives.
    pub(crate) fn all(&self) -> impl Iterator<Item = SliceName<'a>> + '_ {
        self.found
            .iter()
            .filter_map(|&(s, e, pattern)| Some((s, e, self.index.check(self.text, s, e, pattern)?)))
    }

    /// Does a match of the whole text start before `at` and end after it?
    fn straddles(&self, at: usize) -> bool {
        let i = self.found.partition_point(|m| m.0 < at);
        i > 0 && self.found[i - 1].1 > at
    }

    /// The names of `text[start..end]`, with offsets in that slice: what
    /// `EntityIndex::find(&text[start..end])` gives. `start` and `end` must
    /// be character boundaries.
    pub(crate) fn in_slice(&self, start: usize, end: usize) -> Vec<SliceName<'a>> {
        let mut out = Vec::new();
        let Some(slice) = self.text.get(start..end) else { return out };
        // A match at `s..e` of the text, checked as the slice's own.
        let mut keep = |s: usize, e: usize, pattern: usize| {
            if let Some(name) = self.index.check(slice, s - start, e - start, pattern) {
                out.push((s - start, e - start, name));
            }
        };
        let mut cursor = start;
        if self.straddles(start) || self.cuts_word(start) {
            // The slice starts inside a match or a word of the text: search
            // the slice itself until one of its matches ends where the
            // text's search could also stand.
            let mut joined = false;
            for (s, e, pattern) in self.index.find_unchecked(slice) {
                keep(s + start, e + start, pattern);
                cursor = e + start;
                if !self.straddles(cursor) {
                    joined = true;
                    break;
                }
            }
            if !joined {
                return out;
            }
        }
        // From a point no match straddles, the text's next match is the
        // slice's, as long as it ends inside the slice.
        let mut i = self.found.partition_point(|m| m.0 < cursor);
        while let Some(&(s, e, pattern)) = self.found.get(i) {
            if s >= end {
                break;
            }
            if e > end {
                // It crosses the slice's end: what the slice holds from the
                // cursor on is a search of that rest.
                let rest = &self.text[cursor..end];
                for (s, e, pattern) in self.index.find_unchecked(rest) {
                    keep(s + cursor, e + cursor, pattern);
                }
                return out;
            }
            keep(s, e, pattern);
            cursor = e;
            i += 1;
        }
        if self.cuts_word(end) {
            // The slice ends inside a word, which the slice sees as a whole
            // word: a name may start there that the text's search does not
            // find. No match of the text starts in that word without
            // crossing the slice's end, so the slice's search from the
            // word's start is the rest.
            let word = self.text[..end]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric())
                .last()
                .map_or(end, |(at, _)| at);
            if cursor <= word {
                for (s, e, pattern) in self.index.find_unchecked(&self.text[word..end]) {
                    keep(s + word, e + word, pattern);
                }
            }
        }
        out
    }

    /// Is `at` inside a word of the text (a letter or digit on each side)?
    fn cuts_word(&self, at: usize) -> bool {
        let (Some(before), Some(after)) = (self.text.get(..at), self.text.get(at..)) else { return false };
        before.chars().next_back().is_some_and(char::is_alphanumeric)
            && after.chars().next().is_some_and(char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> EntityIndex {
        let names = [
            "Meta",
            "Meta Platforms",
            "Platforms Inc",
            "Inc",
            "Amazon",
            "Amazon.com",
            "com Ltd",
            "the streamer",
            "US",
            "Él Niño",
            "AB",
            "ABC",
            "BCD",
            "CD",
        ];
        EntityIndex::new(names.map(|n| (n.to_string(), n.to_string())))
    }

    /// Every slice of `text` between character boundaries.
    fn assert_slices_agree(index: &EntityIndex, text: &str) {
        let names = TextNames::new(index, text);
        assert_eq!(names.all().collect::<Vec<_>>(), index.find(text).collect::<Vec<_>>());
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (n, &a) in bounds.iter().enumerate() {
            for &b in &bounds[n..] {
                let want: Vec<_> = index.find(&text[a..b]).collect();
                assert_eq!(names.in_slice(a, b), want, "slice {a}..{b}: {:?}", &text[a..b]);
            }
        }
    }

    proptest! {
        /// Texts made of pieces of the names, so that matches nest, overlap and touch.
        #[test]
        fn random_slices_agree(pieces in proptest::collection::vec(
            prop::sample::select(vec![
                "Meta", "meta", " ", "Platforms", " Inc", "Amazon", ".com", " Ltd", "AB", "C", "D", "E",
                "É", "l Niño", "the ", "streamer", "US", "$", "x", ", ",
            ]),
            0..24,
        )) {
            assert_slices_agree(&index(), &pieces.concat());
        }
    }

    /// Every slice's names, derived, are the names a search of the slice finds.
    #[test]
    fn slices_agree_with_their_own_search() {
        let text = "Meta Platforms Inc said Amazon.com Ltd and meta-analysis; the streamer's US$5 \
                    from ABCD, Él Niño and ABCDE. Meta Platforms, Amazon.com! BCD CD ABC";
        assert_slices_agree(&index(), text);
    }
}
