//! Fixed sets of words as open-addressing hash tables built at compile time.
//!
//! A scan finds a word's end, hashes the word eight bytes at a time
//! ([`hash_lower`]) and one probe says whether it is in the set. Cheaper
//! than a `match` on strings or a memo keyed by the word, and nothing to
//! build at run time.

/// A set of lower-case ASCII words in `SLOTS` slots (a power of two, at least
/// twice the number of words). Most words looked up are not in the set: with
/// ten or more slots per word, most probes land on an empty slot, which the
/// processor learns to predict.
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

    /// The set's word equal to `word` (ASCII letters, digits and `-`) but
    /// for ASCII case.
    #[inline]
    pub(super) fn get(&self, word: &[u8]) -> Option<&'static str> {
        self.get_hashed(hash_word(word), word)
    }

    /// [`WordTable::get`] for a word whose [`hash_lower`] the caller has.
    #[inline]
    pub(super) fn get_hashed(&self, hash: u64, word: &[u8]) -> Option<&'static str> {
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

/// `| 0x20` on every byte lower-cases ASCII letters and leaves digits and
/// `-` as they are: words of only those bytes hash alike in any case.
pub(super) const LOWER: u64 = 0x2020_2020_2020_2020;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// One eight-byte chunk (zero-padded; `lower` covers its bytes) into the hash.
#[inline]
pub(super) const fn mix(hash: u64, chunk: u64, lower: u64) -> u64 {
    let hash = (hash ^ (chunk | lower)).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 29)
}

/// The hash of a word lower-cased, chunk by chunk: the table's build uses it.
pub(super) const fn hash_lower(word: &[u8]) -> u64 {
    let mut hash = word.len() as u64;
    let mut i = 0;
    while i < word.len() {
        let mut chunk = 0u64;
        let mut k = 0;
        while k < 8 && i + k < word.len() {
            chunk |= (word[i + k] as u64) << (8 * k);
            k += 1;
        }
        let lower = if k == 8 { LOWER } else { LOWER & ((1u64 << (8 * k)) - 1) };
        hash = mix(hash, chunk, lower);
        i += 8;
    }
    hash
}

/// [`hash_lower`] with word-sized loads: what a lookup computes.
#[inline]
pub(super) fn hash_word(word: &[u8]) -> u64 {
    let mut hash = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(bytes), LOWER);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let chunk = tail.iter().rev().fold(0, |chunk, &b| chunk << 8 | u64::from(b));
        hash = mix(hash, chunk, LOWER & ((1u64 << (8 * tail.len())) - 1));
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
            assert_eq!(TABLE.get(word.as_bytes()), expected, "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lookups_hash_as_the_build_does(word in "[a-zA-Z0-9-]{0,40}") {
            proptest::prop_assert_eq!(hash_word(word.as_bytes()), hash_lower(word.as_bytes()));
            let lower = word.to_ascii_lowercase();
            proptest::prop_assert_eq!(hash_word(word.as_bytes()), hash_lower(lower.as_bytes()));
        }
    }
}
