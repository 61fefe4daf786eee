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

/// The run of bytes at `i` that `lanes` and `member` accept, and its
/// [`hash_word`]. `lanes` marks bit 7 of each accepted byte of an
/// eight-byte chunk (and never a byte that has bit 7 set); `member` says
/// the same of one byte. A run of up to seven bytes with eight to read,
/// most words, takes one load and no loop.
#[inline]
pub(super) fn hash_run(
    bytes: &[u8],
    i: usize,
    lanes: impl Fn(u64) -> u64,
    member: impl Fn(u8) -> bool,
) -> (usize, u64) {
    if let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let others = !lanes(x) & 0x8080_8080_8080_8080;
        if others != 0 {
            let len = (others.trailing_zeros() / 8) as usize;
            let keep = (1u64 << (8 * len)) - 1;
            return (i + len, mix(len as u64, x & keep, LOWER & keep));
        }
    }
    let mut end = i;
    while end < bytes.len() && member(bytes[end]) {
        end += 1;
    }
    (end, hash_word(&bytes[i..end]))
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
        /// The one-load path and the byte loop find the same run and hash.
        #[test]
        fn runs_hash_as_their_words_do(text in "[a-zA-Z0-9 ,é-]{0,20}", i in 0usize..20) {
            let bytes = text.as_bytes();
            let i = i.min(bytes.len());
            let letters = |x: u64| {
                // Bit 7 of each ASCII letter: lower-cased, then from 'a' on and up to 'z'.
                let low = (x | LOWER) & !0x8080_8080_8080_8080;
                (low + 0x1f1f_1f1f_1f1f_1f1f) & !(low + 0x0505_0505_0505_0505) & !x & 0x8080_8080_8080_8080
            };
            let (end, hash) = hash_run(bytes, i, letters, |b| b.is_ascii_alphabetic());
            let want = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            proptest::prop_assert_eq!(end, want);
            proptest::prop_assert_eq!(hash, hash_word(&bytes[i..end]));
        }

        #[test]
        fn lookups_hash_as_the_build_does(word in "[a-zA-Z0-9-]{0,40}") {
            proptest::prop_assert_eq!(hash_word(word.as_bytes()), hash_lower(word.as_bytes()));
            let lower = word.to_ascii_lowercase();
            proptest::prop_assert_eq!(hash_word(word.as_bytes()), hash_lower(lower.as_bytes()));
        }
    }
}
