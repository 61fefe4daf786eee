//! Known entity names (a ledger's canonical names and aliases) found in text.
//!
//! A name counts only where it stands as a word: the character before it is
//! no letter or digit. So names are looked up only at word starts, by the
//! hash of the word found there (ASCII lower-cased), and each candidate
//! whose first word has that hash is compared with the text, longest first.
//!
//! An Aho-Corasick automaton did this before. It searched every byte and
//! its build cost grew badly with the ledger: a million-fact ledger with
//! 200,000 entities took one to two seconds to index, most of it in the
//! automaton's failure links and state shuffling. The word table builds in
//! one sort, and a search costs one hash probe per word of the text.

use std::collections::HashMap;

use super::wordtable::{hash_run, hash_word};

/// Known entity names: canonical names and aliases, matched case-insensitively
/// (ASCII letters) on word boundaries.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// For the hash of a first word: the range of `order` that holds the
    /// names starting with such a word.
    heads: HeadTable,
    /// Names grouped by the hash of their first word, longest first.
    order: Vec<Candidate>,
    /// Characters other than letters and digits that a name starts with
    /// ("(RED)"): only there is a word start of punctuation looked up.
    punctuation_heads: Vec<char>,
    /// The first two bytes of names' first words, to pass over most words
    /// of a text without hashing them.
    pairs: HeadPairs,
    canonical: Vec<String>,
    names: Vec<String>,
}

impl EntityIndex {
    /// Build from `(surface name, canonical name)` pairs. Of surfaces equal
    /// but for case, the first is kept; names shorter than two bytes are
    /// dropped.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut seen = HashMap::new();
        let mut names = Vec::new();
        let mut canonical = Vec::new();
        for (surface, canon) in pairs {
            let surface = surface.trim();
            if surface.len() < 2 {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(surface.to_lowercase()) {
                slot.insert(());
                names.push(surface.to_string());
                canonical.push(canon);
            }
        }
        // Each group of names with the same first word holds first the names
        // of eight bytes or more, sorted by their folded first eight bytes
        // (a lookup finds those sharing the text's by binary search: many
        // names may start with "The" or "First"), then the shorter ones;
        // each part longest first among equals, then in the order given.
        let mut keyed: Vec<(u64, bool, u64, usize, u32)> = names
            .iter()
            .enumerate()
            .map(|(id, name)| {
                let short = name.len() < 8;
                let prefix = if short { 0 } else { folded_prefix(name.as_bytes(), 0) };
                (head_hash(name, 0).0, short, prefix, name.len(), id as u32)
            })
            .collect();
        keyed.sort_unstable_by(|a, b| {
            (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then(b.3.cmp(&a.3)).then(a.4.cmp(&b.4))
        });
        let mut groups = Vec::new();
        let (mut from, mut mid) = (0, None);
        for (i, &(hash, short, ..)) in keyed.iter().enumerate() {
            if short && mid.is_none() {
                mid = Some(i);
            }
            if keyed.get(i + 1).is_none_or(|next| next.0 != hash) {
                let end = i as u32 + 1;
                groups.push((hash, from as u32, mid.map_or(end, |m| m as u32), end));
                (from, mid) = (i + 1, None);
            }
        }
        let heads = HeadTable::new(&groups);
        let mut punctuation_heads: Vec<char> =
            names.iter().filter_map(|n| n.chars().next()).filter(|c| !c.is_alphanumeric()).collect();
        punctuation_heads.sort_unstable();
        punctuation_heads.dedup();
        let order = keyed
            .into_iter()
            .map(|(_, _, _, len, id)| {
                let mask = prefix_mask(len);
                Candidate { prefix: folded_prefix(names[id as usize].as_bytes(), 0) & mask, mask, id }
            })
            .collect();
        let mut pairs = HeadPairs::default();
        for name in &names {
            pairs.insert(name.as_bytes());
        }
        EntityIndex { heads, order, punctuation_heads, pairs, canonical, names }
    }

    /// Every known name in `text` as (start, end, canonical name), on word boundaries.
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
        self.find_unchecked(text)
            .filter_map(move |(s, e, pattern)| Some((s, e, self.check(text, s, e, pattern)?)))
    }

    /// The names written at word starts of `text` before [`EntityIndex::check`]:
    /// (start, end, pattern), leftmost-longest, not overlapping. The audit
    /// derives the names of any slice of a document from this one pass.
    pub fn find_unchecked<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let bytes = text.as_bytes();
        // Nothing to find: start at the end.
        let mut pos = if self.names.is_empty() { bytes.len() } else { 0 };
        // Is the character before `pos` a letter or digit?
        let mut after_word = false;
        std::iter::from_fn(move || {
            while pos < bytes.len() {
                if self.punctuation_heads.is_empty() {
                    // Jump over ASCII that holds no word start, eight bytes at a time.
                    let stop = next_stop(bytes, pos, after_word);
                    if stop > pos {
                        // The jump stops at the first non-ASCII byte, so the byte before is ASCII.
                        after_word = bytes[stop - 1].is_ascii_alphanumeric();
                        pos = stop;
                        if pos >= bytes.len() {
                            break;
                        }
                    }
                    if bytes[pos] < 0x80
                        && let Some((len, hash)) = ascii_word(bytes, pos)
                    {
                        // A whole ASCII word: most are no name's first word.
                        let hit = if self.pairs.may_start(bytes, pos) {
                            self.lookup(bytes, pos, hash)
                        } else {
                            None
                        };
                        if let Some(hit) = hit {
                            pos = hit.1;
                            after_word = text[..hit.1].chars().next_back().is_some_and(char::is_alphanumeric);
                            return Some(hit);
                        }
                        pos += len;
                        after_word = true;
                        continue;
                    }
                }
                let b = bytes[pos];
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        let head =
                            !after_word && self.punctuation_heads.binary_search(&char::from(b)).is_ok();
                        after_word = false;
                        if !head {
                            pos += 1;
                            continue;
                        }
                    } else if after_word {
                        pos += 1;
                        continue;
                    } else if !self.pairs.may_start(bytes, pos) {
                        // No name's first word starts with these two letters.
                        after_word = true;
                        pos += 1;
                        continue;
                    }
                } else {
                    let (c, width) = char_at(text, pos);
                    let alnum = c.is_alphanumeric();
                    if after_word || (!alnum && self.punctuation_heads.binary_search(&c).is_err()) {
                        after_word = alnum;
                        pos += width;
                        continue;
                    }
                }
                // A word start that may begin a name.
                let (hash, word_end) = head_hash(text, pos);
                if let Some(hit) = self.lookup(bytes, pos, hash) {
                    pos = hit.1;
                    after_word = text[..hit.1].chars().next_back().is_some_and(char::is_alphanumeric);
                    return Some(hit);
                }
                after_word = text[..word_end].chars().next_back().is_some_and(char::is_alphanumeric);
                pos = word_end;
            }
            None
        })
    }

    /// The longest name written at `bytes[start..]` whose first word hashes
    /// to `hash`: (start, end, pattern).
    #[inline]
    fn lookup(&self, bytes: &[u8], start: usize, hash: u64) -> Option<(usize, usize, usize)> {
        let (from, mid, to) = self.heads.get(hash)?;
        let rest = &bytes[start..];
        let prefix = folded_prefix(bytes, start);
        let written = |c: &&Candidate| {
            let name = self.names[c.id as usize].as_bytes();
            rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name)
        };
        // A name of eight bytes or more shares the text's first eight, and
        // is longer than any shorter name that could match.
        let long = &self.order[from as usize..mid as usize];
        let same = long.partition_point(|c| c.prefix < prefix);
        let id = long[same..]
            .iter()
            .take_while(|c| c.prefix == prefix)
            .find(written)
            .or_else(|| {
                self.order[mid as usize..to as usize]
                    .iter()
                    .filter(|c| prefix & c.mask == c.prefix)
                    .find(written)
            })?
            .id as usize;
        Some((start, start + self.names[id].len(), id))
    }

    /// The canonical name of `pattern` found at `s..e` of `text`, if it
    /// stands there as a name: on word boundaries, with its capital.
    pub fn check(&self, text: &str, s: usize, e: usize, pattern: usize) -> Option<&str> {
        let before_ok = text.get(..s)?.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        // "US" in "US$8.45 billion" is a currency prefix, not a country.
        let after_ok = text.get(e..)?.chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '$');
        // A lower-case alias ("the streamer") must match as written; a
        // name must keep its capital ("Meta", not "meta-analysis").
        let written = text.get(s..e)?;
        let name = self.names.get(pattern)?;
        let case_ok = name.chars().next().is_none_or(|c| !c.is_uppercase())
            || written.chars().next().is_some_and(char::is_uppercase);
        (before_ok && after_ok && case_ok).then(|| self.canonical.get(pattern).map(String::as_str)).flatten()
    }

    /// The canonical name for `name`, if known (case-insensitive).
    pub fn resolve(&self, name: &str) -> Option<&str> {
        let lower = name.trim().to_lowercase();
        self.names.iter().position(|n| n.to_lowercase() == lower).map(|i| self.canonical[i].as_str())
    }

    /// True when no names are known.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A name in its group: its first eight bytes case-folded, to rule most
/// other names out with one comparison.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// [`folded_prefix`] of the name, masked to its length.
    prefix: u64,
    /// The bytes of a prefix the name covers.
    mask: u64,
    id: u32,
}

/// The mask of the first `len` bytes of a little-endian `u64`, at most eight.
fn prefix_mask(len: usize) -> u64 {
    if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 }
}

/// The eight bytes at `bytes[at..]` (zero-padded) with ASCII capitals made
/// small. Equal but for ASCII case, two byte strings have equal prefixes:
/// each byte is mapped on its own, whatever it is.
#[inline]
fn folded_prefix(bytes: &[u8], at: usize) -> u64 {
    let mut chunk = [0u8; 8];
    let rest = bytes.get(at..).unwrap_or_default();
    let n = rest.len().min(8);
    chunk[..n].copy_from_slice(&rest[..n]);
    let x = u64::from_le_bytes(chunk);
    // 0x20 in each byte that is 'A'..='Z' (bytes with the high bit set
    // never are: they are masked out).
    let capitals = at_least(x & !HIGH, b'A') & !at_least(x & !HIGH, b'Z' + 1) & !x;
    x | capitals >> 2
}

/// A set of the first two bytes of words, ASCII lower-cased: the second is 0
/// when the word has one letter, and a word whose second byte is not ASCII
/// is always let through.
#[derive(Debug, Clone)]
struct HeadPairs(Box<[u64; 1024]>);

impl Default for HeadPairs {
    fn default() -> Self {
        HeadPairs(Box::new([0; 1024]))
    }
}

impl HeadPairs {
    /// The pair of the word at `bytes[at]` (an ASCII letter or digit), or
    /// `None` when its second byte is not ASCII.
    fn key(bytes: &[u8], at: usize) -> Option<usize> {
        let first = bytes[at].to_ascii_lowercase();
        let second = match bytes.get(at + 1) {
            Some(&b) if b >= 0x80 => return None,
            Some(&b) if b.is_ascii_alphanumeric() => b.to_ascii_lowercase(),
            _ => 0,
        };
        Some(usize::from(first) << 8 | usize::from(second))
    }

    fn insert(&mut self, name: &[u8]) {
        if name.first().is_some_and(u8::is_ascii_alphanumeric)
            && let Some(key) = Self::key(name, 0)
        {
            self.0[key / 64] |= 1 << (key % 64);
        }
    }

    /// May a name start at `bytes[at]`, an ASCII letter or digit at a word start?
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        Self::key(bytes, at).is_none_or(|key| self.0[key / 64] & (1 << (key % 64)) != 0)
    }
}

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` (all ASCII) that is at least `c`.
#[inline]
const fn at_least(x: u64, c: u8) -> u64 {
    ((x | HIGH) - ONES * c as u64) & HIGH
}

/// The high bit of each ASCII letter or digit among the bytes of `x`
/// (meaningless for bytes that are not ASCII).
#[inline]
const fn alnum_lanes(x: u64) -> u64 {
    let low = x & !HIGH;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // `| 0x20` maps upper-case letters onto lower-case ones and no other
    // byte onto a letter.
    let folded = low | 0x2020_2020_2020_2020;
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    digit | letter
}

/// The first byte at or after `from` that is a word start (an ASCII letter
/// or digit after anything else) or not ASCII, or the end of `bytes`.
/// `after_word`: the byte before `from` is a letter or digit.
fn next_stop(bytes: &[u8], from: usize, after_word: bool) -> usize {
    let mut at = from;
    let mut carry = if after_word { 0x80 } else { 0 };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let alnum = alnum_lanes(x);
        let starts = alnum & !(alnum << 8 | carry);
        let stops = starts | (x & HIGH);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        carry = alnum >> 56;
        at += 8;
    }
    let mut prev_alnum = carry != 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b >= 0x80 || (b.is_ascii_alphanumeric() && !prev_alnum) {
            break;
        }
        prev_alnum = b.is_ascii_alphanumeric();
        at += 1;
    }
    at
}

/// The ASCII word (letters and digits) at `bytes[at]`: its length and
/// [`hash_word`], or `None` when a byte that is not ASCII follows it (the
/// word may go on).
#[inline]
fn ascii_word(bytes: &[u8], at: usize) -> Option<(usize, u64)> {
    let (end, hash) = hash_run(bytes, at, |x| alnum_lanes(x) & !x, |b| b.is_ascii_alphanumeric());
    bytes.get(end).is_none_or(|&b| b < 0x80).then_some((end - at, hash))
}

/// The character at byte `at` of `text` and its width.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    text[at..].chars().next().map_or(('\u{fffd}', 1), |c| (c, c.len_utf8()))
}

/// One past the run of letters and digits that starts at `at`.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            at += 1;
        } else {
            let (c, width) = char_at(text, at);
            if !c.is_alphanumeric() {
                break;
            }
            at += width;
        }
    }
    at
}

/// The hash of the first word at `at` (a run of letters and digits, or one
/// other character), as [`hash_word`] gives it, and that word's end.
fn head_hash(text: &str, at: usize) -> (u64, usize) {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == at || bytes.get(end).is_some_and(|&b| b >= 0x80) {
        // Not ASCII throughout: the slow way.
        end =
            if char_at(text, at).0.is_alphanumeric() { word_end(text, at) } else { at + char_at(text, at).1 };
    }
    (hash_word(&bytes[at..end]), end)
}

/// Groups of names by the hash of their first word, as an open-addressing
/// table: the hash is already mixed, so it is its own slot number.
#[derive(Debug, Clone, Default)]
struct HeadTable {
    /// (hash, from, mid, to): the group is `order[from..to]`, its names of
    /// eight bytes or more `order[from..mid]`; `to == 0` marks an empty slot.
    slots: Vec<(u64, u32, u32, u32)>,
}

impl HeadTable {
    fn new(groups: &[(u64, u32, u32, u32)]) -> Self {
        let size = (groups.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![(0, 0, 0, 0); size];
        for &group in groups {
            let mut slot = group.0 as usize & (size - 1);
            while slots[slot].3 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = group;
        }
        HeadTable { slots }
    }

    /// The group of names whose first word hashes to `hash`: (from, mid, to).
    #[inline]
    fn get(&self, hash: u64) -> Option<(u32, u32, u32)> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = hash as usize & mask;
        loop {
            let (h, from, mid, to) = self.slots[slot];
            if to == 0 {
                return None;
            }
            if h == hash {
                return Some((from, mid, to));
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index(names: &[&str]) -> EntityIndex {
        EntityIndex::new(names.iter().map(|n| (n.to_string(), n.to_string())))
    }

    /// Length of the first word of `s`: its letters and digits, or its
    /// first character if that is neither.
    fn first_word_len(s: &str) -> usize {
        match s.char_indices().find(|(_, c)| !c.is_alphanumeric()) {
            Some((0, c)) => c.len_utf8(),
            Some((at, _)) => at,
            None => s.len(),
        }
    }

    /// The specification: at each word start, left to right, the longest
    /// name written there (ASCII case aside) whose first word is the
    /// text's whole word there; the search goes on after it.
    fn reference(names: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let idx = index(names);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let word_start = text[..pos].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let hit = word_start
                .then(|| {
                    (0..idx.names.len())
                        .filter(|&id| {
                            let name = idx.names[id].as_bytes();
                            text.as_bytes()[pos..].len() >= name.len()
                                && text.as_bytes()[pos..pos + name.len()].eq_ignore_ascii_case(name)
                                && first_word_len(&idx.names[id]) == first_word_len(&text[pos..])
                        })
                        .max_by_key(|&id| (idx.names[id].len(), std::cmp::Reverse(id)))
                })
                .flatten();
            match hit {
                Some(id) => {
                    out.push((pos, pos + idx.names[id].len(), id));
                    pos += idx.names[id].len();
                }
                None => pos += text[pos..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    const NAMES: &[&str] = &[
        "Meta",
        "Meta Platforms",
        "Platforms Inc",
        "Amazon",
        "Amazon.com",
        "the streamer",
        "US",
        "Él Niño",
        "(RED)",
        "AB",
        "ABC",
        "Coca-Cola",
        "ABCDEFGHIJ Corp",
        "Meta Platforms Inc",
        "Meta Platformer",
    ];

    #[test]
    fn finds_names_at_word_starts_longest_first() {
        let idx = index(NAMES);
        let text = "Meta Platforms and amazon.com, not Metaverse; US$5 (RED) Él Niño, XAB ABC.";
        let found: Vec<&str> = idx.find_unchecked(text).map(|(s, e, _)| &text[s..e]).collect();
        assert_eq!(found, ["Meta Platforms", "amazon.com", "US", "(RED)", "Él Niño", "ABC"]);
        // The checks: "amazon.com" lost its capital, "US" is a currency prefix.
        let checked: Vec<&str> = idx.find(text).map(|(s, e, _)| &text[s..e]).collect();
        assert_eq!(checked, ["Meta Platforms", "(RED)", "Él Niño", "ABC"]);
    }

    #[test]
    fn the_eight_byte_jump_stops_where_the_byte_scan_does() {
        let byte_scan = |bytes: &[u8], from: usize, after_word: bool| {
            let mut prev = after_word;
            (from..bytes.len())
                .find(|&i| {
                    let b = bytes[i];
                    let stop = b >= 0x80 || (b.is_ascii_alphanumeric() && !prev);
                    prev = b.is_ascii_alphanumeric();
                    stop
                })
                .unwrap_or(bytes.len())
        };
        let text = "Meta's  ~[stake]@`{in} Z9a, 2024: AZaz09/:@[`{ Él-niño x\u{7f}y the end";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for after_word in [false, true] {
                assert_eq!(next_stop(bytes, from, after_word), byte_scan(bytes, from, after_word), "{from}");
            }
        }
    }

    proptest! {
        #[test]
        fn folded_prefixes_agree_exactly_when_ascii_case_aside_equal(a in "[a-zA-Z@\\[`{ é]{0,9}", b in "[a-zA-Z@\\[`{ é]{0,9}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let n = a.len().min(b.len()).min(8);
            let same = a[..n].eq_ignore_ascii_case(&b[..n]);
            let mask = prefix_mask(n);
            prop_assert_eq!(folded_prefix(a, 0) & mask == folded_prefix(b, 0) & mask, same);
        }
    }

    /// Many names with one first word ("The ..."): the long ones are found
    /// by their first eight bytes, the short ones one by one, the longest
    /// written name wins.
    #[test]
    fn a_crowded_first_word_finds_the_longest_name() {
        let mut owned: Vec<String> = (0..300).map(|i| format!("The Firm{i} Company")).collect();
        owned.extend(
            ["The New York Times", "The New Yorker", "The New York", "The Gap", "The Row", "Thermo", "The"]
                .map(String::from),
        );
        let names: Vec<&str> = owned.iter().map(String::as_str).collect();
        let text = "The New Yorker and THE NEW YORK TIMES, the Gap, The Firm17 Company, The Firm1 Company, \
                    The Firm3 Co, Thermo, The New York. The Row";
        let got: Vec<_> = index(&names).find_unchecked(text).collect();
        assert_eq!(got, reference(&names, text));
        let found: Vec<&str> = got.iter().map(|&(s, e, _)| &text[s..e]).collect();
        assert_eq!(
            found,
            [
                "The New Yorker",
                "THE NEW YORK TIMES",
                "the Gap",
                "The Firm17 Company",
                "The Firm1 Company",
                "The",
                "Thermo",
                "The New York",
                "The Row"
            ]
        );
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        assert_eq!(EntityIndex::default().find_unchecked("Meta").count(), 0);
        assert_eq!(index(&["x"]).find_unchecked("x x").count(), 0, "names under two bytes are dropped");
    }

    proptest! {
        #[test]
        fn search_matches_the_word_by_word_specification(
            text in "((Meta|meta|Platforms|Inc|Amazon|\\.com|the|streamer|US|Él|Niño|\\(RED\\)|AB|C|Coca|-|Cola|x|é|ABCDEFGHIJ)[ ,.$-]?){0,14}"
        ) {
            // With a name that starts with punctuation every character is
            // looked at; without, ASCII is passed over eight bytes at a time.
            let plain: Vec<&str> = NAMES.iter().copied().filter(|n| n.starts_with(char::is_alphanumeric)).collect();
            for names in [NAMES, &plain[..]] {
                let got: Vec<_> = index(names).find_unchecked(&text).collect();
                prop_assert_eq!(got, reference(names, &text));
            }
        }
    }
}
