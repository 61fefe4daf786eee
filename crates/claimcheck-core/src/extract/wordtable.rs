//! Fixed sets of words as open-addressing hash tables built at compile time.
//!
//! A scan hashes each word (64-bit FNV-1a of its lower-cased ASCII bytes) in
//! the same pass that finds the word's end; one probe then says whether the
//! word is in the set. Cheaper than a `match` on strings or a memo keyed by
//! the word, and nothing to build at run time.

use super::{FNV_OFFSET, fnv_step};

/// A set of lower-case ASCII words in `SLOTS` slots (a power of two, at least
/// twice the number of words, so a probe rarely goes past the first slot).
#[derive(Debug)]
pub(super) struct WordTable<const SLOTS: usize> {
    words: &'static [&'static str],
    /// Index + 1 into `words`, 0 for an empty slot.
    slots: [u16; SLOTS],
}

impl<const SLOTS: usize> WordTable<SLOTS> {
    /// Build the table; fails to compile if a word is not lower-case ASCII
    /// (letters, digits, `-`) or the table is too full.
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        assert!(SLOTS.is_power_of_two() && words.len() * 2 <= SLOTS && words.len() < u16::MAX as usize);
        let mut slots = [0u16; SLOTS];
        let mut n = 0;
        while n < words.len() {
            let word = words[n].as_bytes();
            let mut k = 0;
            while k < word.len() {
                assert!(word[k].is_ascii_lowercase() || word[k].is_ascii_digit() || word[k] == b'-');
                k += 1;
            }
            let mut slot = slot_of::<SLOTS>(hash_lower(word));
            while slots[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            slots[slot] = (n + 1) as u16;
            n += 1;
        }
        WordTable { words, slots }
    }

    /// The set's word equal to `word` but for ASCII case, given `hash`, the
    /// FNV-1a hash of `word` lower-cased ([`hash_step`] over its bytes).
    #[inline]
    pub(super) fn get(&self, hash: u64, word: &[u8]) -> Option<&'static str> {
        let mut slot = slot_of::<SLOTS>(hash);
        loop {
            match self.slots[slot] {
                0 => return None,
                n => {
                    let candidate = self.words[usize::from(n) - 1];
                    if candidate.as_bytes().eq_ignore_ascii_case(word) {
                        return Some(candidate);
                    }
                }
            }
            slot = (slot + 1) % SLOTS;
        }
    }
}

/// One byte of a word's hash. `| 0x20` lower-cases ASCII letters and leaves
/// digits and `-` as they are: callers hash only those bytes.
pub(super) const fn hash_step(hash: u64, byte: u8) -> u64 {
    fnv_step(hash, byte | 0x20)
}

/// The hash [`WordTable::get`] expects, of a whole word.
pub(super) const fn hash_lower(word: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut k = 0;
    while k < word.len() {
        hash = hash_step(hash, word[k]);
        k += 1;
    }
    hash
}

const fn slot_of<const SLOTS: usize>(hash: u64) -> usize {
    ((hash ^ (hash >> 32)) as usize) % SLOTS
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: WordTable<8> = WordTable::new(&["march", "co-founded", "10k"]);

    #[test]
    fn finds_words_in_any_ascii_case_and_nothing_else() {
        for (word, expected) in [
            ("March", Some("march")),
            ("MARCH", Some("march")),
            ("Co-Founded", Some("co-founded")),
            ("10K", Some("10k")),
            ("marc", None),
            ("marchx", None),
            ("", None),
        ] {
            assert_eq!(TABLE.get(hash_lower(word.as_bytes()), word.as_bytes()), expected, "{word}");
        }
    }
}
