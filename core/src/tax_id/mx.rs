//! Mexico: RFC (tax registry) and CURP (population registry). The rules in words are in
//! `docs/rules.md` ("Tax IDs") and `docs/validation.md` ("Tax IDs: the rules around the check digits").

use super::digit;

/// The 32 states and `NE` (born abroad), as the CURP's 12th and 13th characters write them.
const CURP_STATES: [&str; 33] = [
    "AS", "BC", "BS", "CC", "CH", "CL", "CM", "CS", "DF", "DG", "GR", "GT", "HG", "JC", "MC", "MN",
    "MS", "NE", "NL", "NT", "OC", "PL", "QR", "QT", "SL", "SP", "SR", "TC", "TL", "TS", "VZ", "YN",
    "ZS",
];

/// The inconvenient words RENAPO replaces: a CURP never starts with one (sorted).
const CURP_WORDS: [&str; 81] = [
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
];

/// The inconvenient words the SAT replaces: a person's RFC never starts with one (sorted).
const RFC_WORDS: [&str; 41] = [
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI",
    "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO",
    "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE",
    "PUTA", "PUTO", "QULO", "RATA", "RUIN",
];

/// Why a Mexican value was refused, when it has the shape of an RFC or CURP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MxRefusal {
    /// The shape, the date or the check digit is wrong.
    Invalid,
    /// It starts with one of the inconvenient words that are never issued.
    InconvenientWord,
    /// A CURP whose state code is not one of the 32 states or `NE`.
    UnknownState,
}

fn starts_with_word(d: &[char], words: &[&str]) -> bool {
    let first: String = d[..4].iter().collect();
    words.binary_search(&first.as_str()).is_ok()
}

/// Whether `YYMMDD` (six ASCII digits) is a real date in the century starting at `century`.
fn real_yymmdd(d: &[char], century: i32) -> bool {
    if d.len() != 6 || !d.iter().all(char::is_ascii_digit) {
        return false;
    }
    let n = |i: usize| digit(d[i]) * 10 + digit(d[i + 1]);
    let (yy, mm, dd) = (n(0), n(2), n(4));
    chrono::NaiveDate::from_ymd_opt(century + yy as i32, mm, dd).is_some()
}

fn rfc_letter(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Ñ' || c == '&'
}

/// RFC: 3 (companies) or 4 (persons) letters, a real YYMMDD date, 3 letters or digits; a person's
/// RFC does not start with an inconvenient word. The homoclave's check digit is not verified
/// (docs/validation.md says why). The RFC carries no century, so the date is read as 20YY.
pub(super) fn rfc(d: &[char]) -> Result<(), MxRefusal> {
    let letters = d.len() - 9;
    let shape = d[..letters].iter().all(|&c| rfc_letter(c))
        && real_yymmdd(&d[letters..letters + 6], 2000)
        && d[letters + 6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !shape {
        Err(MxRefusal::Invalid)
    } else if letters == 4 && starts_with_word(d, &RFC_WORDS) {
        Err(MxRefusal::InconvenientWord)
    } else {
        Ok(())
    }
}

/// CURP: 4 letters, a real YYMMDD date, H/M/X, a state code (the 32 states or `NE`), 3 letters, the
/// century marker (a digit: born 19YY; a letter: born 20YY), a check digit over the alphabet
/// `0-9A-NÑO-Z` with weights 18..2, (10 − sum mod 10) mod 10. It does not start with an
/// inconvenient word.
pub(super) fn curp(d: &[char]) -> Result<(), MxRefusal> {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let letter = |c: &char| c.is_ascii_uppercase() || *c == 'Ñ';
    let century = if d[16].is_ascii_digit() { 1900 } else { 2000 };
    if !d[..4].iter().all(letter)
        || !real_yymmdd(&d[4..10], century)
        || !matches!(d[10], 'H' | 'M' | 'X')
        || !d[11..16].iter().all(letter)
        || !(d[16].is_ascii_digit() || d[16].is_ascii_uppercase())
        || !d[17].is_ascii_digit()
    {
        return Err(MxRefusal::Invalid);
    }
    let mut sum = 0u32;
    for (i, c) in d[..17].iter().enumerate() {
        let Some(v) = ALPHABET.chars().position(|a| a == *c) else {
            return Err(MxRefusal::Invalid);
        };
        sum += v as u32 * (18 - i as u32);
    }
    if (10 - sum % 10) % 10 != digit(d[17]) {
        return Err(MxRefusal::Invalid);
    }
    let state: String = d[11..13].iter().collect();
    if CURP_STATES.binary_search(&state.as_str()).is_err() {
        Err(MxRefusal::UnknownState)
    } else if starts_with_word(d, &CURP_WORDS) {
        Err(MxRefusal::InconvenientWord)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn lists_are_sorted_for_the_binary_search() {
        assert!(CURP_STATES.windows(2).all(|w| w[0] < w[1]));
        assert!(CURP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(RFC_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn curp_century_and_words() {
        assert_eq!(curp(&chars("GARC850101HDFRRL05")), Ok(()));
        // 29 February 1900 does not exist (digit marker), 29 February 2000 does (letter marker).
        assert_eq!(curp(&chars("PEGJ000229MJCRRN05")), Err(MxRefusal::Invalid));
        assert_eq!(
            rfc(&chars("PUTO561231GR8")),
            Err(MxRefusal::InconvenientWord)
        );
        assert_eq!(rfc(&chars("PUT561231GR8")), Ok(()));
    }
}
