//! Short codes a person can read aloud, type and check: bits written as Crockford base32 (no I, L,
//! O or U, so nothing is mistaken for 1 or 0), in groups of four, ending in a checksum.

/// Crockford's base32 digits.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BITS_PER_CHAR: usize = 5;
/// Characters between the dashes of a printed code.
const GROUP: usize = 4;

/// Bits in the order they were written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits(Vec<bool>);

impl Bits {
    pub fn new() -> Self {
        Bits::default()
    }

    /// Appends the low `width` bits of `value`, highest first.
    pub fn push(&mut self, value: u64, width: usize) {
        debug_assert!(
            width == 64 || value < 1 << width,
            "{value} needs more than {width} bits"
        );
        for bit in (0..width).rev() {
            self.0.push(value >> bit & 1 == 1);
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bits as bytes (the last one padded with zeros), for a checksum.
    fn bytes(&self) -> Vec<u8> {
        self.0
            .chunks(8)
            .map(|chunk| {
                chunk
                    .iter()
                    .enumerate()
                    .fold(0u8, |byte, (i, bit)| byte | (u8::from(*bit) << (7 - i)))
            })
            .collect()
    }
}

/// Reads bits back in the order they were written.
pub struct Reader<'a> {
    bits: &'a [bool],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bits: &'a Bits) -> Self {
        Reader {
            bits: &bits.0,
            at: 0,
        }
    }

    /// The next `width` bits as a number, or None past the end.
    pub fn take(&mut self, width: usize) -> Option<u64> {
        let end = self.at.checked_add(width)?;
        let bits = self.bits.get(self.at..end)?;
        self.at = end;
        Some(
            bits.iter()
                .fold(0, |value, bit| value << 1 | u64::from(*bit)),
        )
    }

    /// Whether what is left is only the padding of the last character.
    pub fn only_padding_left(&self) -> bool {
        self.bits.len() - self.at < BITS_PER_CHAR && self.bits[self.at..].iter().all(|bit| !bit)
    }
}

/// Why a typed code was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// A character that is not in the code's alphabet.
    BadCharacter(char),
    /// Too short to hold anything.
    TooShort,
    /// The checksum does not match: a character was mistyped, or the code belongs elsewhere.
    Checksum,
}

/// The checksum's length in characters (25 bits: a mistyped code passes once in 33 million).
pub const CHECK_CHARS: usize = 5;

/// `payload` as code characters followed by a checksum over `payload` and `context`: a code made
/// for one context (a lesson) does not check in another.
pub fn encode(payload: &Bits, context: &str) -> String {
    let mut bits = payload.clone();
    while !bits.len().is_multiple_of(BITS_PER_CHAR) {
        bits.push(0, 1);
    }
    let check = checksum(&bits, context);
    bits.push(u64::from(check), CHECK_CHARS * BITS_PER_CHAR);
    let chars: String = bits
        .0
        .chunks(BITS_PER_CHAR)
        .map(|chunk| {
            let value = chunk.iter().fold(0, |v, bit| v << 1 | usize::from(*bit));
            ALPHABET[value] as char
        })
        .collect();
    group(&chars)
}

/// The payload's bits (padded to whole characters) when the code's checksum holds for `context`.
pub fn decode(code: &str, context: &str) -> Result<Bits, CodeError> {
    let mut bits = Bits::new();
    for c in code.chars().filter(|c| !is_separator(*c)) {
        bits.push(
            u64::from(value_of(c).ok_or(CodeError::BadCharacter(c))?),
            BITS_PER_CHAR,
        );
    }
    let check_bits = CHECK_CHARS * BITS_PER_CHAR;
    if bits.len() <= check_bits {
        return Err(CodeError::TooShort);
    }
    let payload = Bits(bits.0[..bits.len() - check_bits].to_vec());
    let check = Reader {
        bits: &bits.0[payload.len()..],
        at: 0,
    }
    .take(check_bits);
    if check != Some(u64::from(checksum(&payload, context))) {
        return Err(CodeError::Checksum);
    }
    Ok(payload)
}

/// A code as people write it: upper case, without dashes or spaces (for comparing and hashing).
pub fn canonical(code: &str) -> String {
    code.chars()
        .filter(|c| !is_separator(*c))
        .map(|c| value_of(c).map_or(c, |v| ALPHABET[usize::from(v)] as char))
        .collect()
}

fn is_separator(c: char) -> bool {
    c == '-' || c.is_whitespace()
}

/// A character's value; the letters people confuse with digits read as those digits.
fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|a| *a as char == c)
        .map(|v| v as u8)
}

fn group(chars: &str) -> String {
    chars
        .as_bytes()
        .chunks(GROUP)
        .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("-")
}

fn checksum(payload: &Bits, context: &str) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(canonical(context).as_bytes());
    hasher.update(&[0]);
    hasher.update(&(payload.len() as u32).to_be_bytes());
    hasher.update(&payload.bytes());
    hasher.finalize() & ((1 << (CHECK_CHARS * BITS_PER_CHAR)) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bits {
        let mut bits = Bits::new();
        bits.push(5, 3);
        bits.push(1234, 12);
        bits.push(1, 1);
        bits
    }

    #[test]
    fn a_code_reads_back_the_bits_it_was_made_of() {
        let code = encode(&sample(), "LESSON");
        let bits = decode(&code, "LESSON").unwrap();
        let mut reader = Reader::new(&bits);
        assert_eq!(reader.take(3), Some(5));
        assert_eq!(reader.take(12), Some(1234));
        assert_eq!(reader.take(1), Some(1));
        assert!(reader.only_padding_left());
    }

    #[test]
    fn codes_come_in_groups_of_four_without_confusable_letters() {
        let code = encode(&sample(), "");
        assert!(code.split('-').all(|group| group.len() <= GROUP));
        assert!(!code.contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn typing_is_forgiving_about_case_dashes_and_look_alike_letters() {
        let code = encode(&sample(), "x");
        let typed = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(decode(&typed, "x"), decode(&code, "x"));
    }

    #[test]
    fn every_changed_character_is_rejected() {
        let code = encode(&sample(), "x");
        for (i, c) in code.char_indices().filter(|(_, c)| *c != '-') {
            for other in ALPHABET.iter().map(|a| *a as char).filter(|a| *a != c) {
                let mut typed = code.clone();
                typed.replace_range(i..i + 1, &other.to_string());
                assert_eq!(decode(&typed, "x"), Err(CodeError::Checksum), "{typed}");
            }
        }
    }

    #[test]
    fn a_code_made_for_one_context_does_not_check_in_another() {
        let code = encode(&sample(), "LESSON-A");
        assert_eq!(decode(&code, "LESSON-B"), Err(CodeError::Checksum));
    }

    #[test]
    fn letters_outside_the_alphabet_and_short_codes_are_named() {
        assert_eq!(decode("AB*D", ""), Err(CodeError::BadCharacter('*')));
        assert_eq!(decode("ABCD", ""), Err(CodeError::TooShort));
    }
}
