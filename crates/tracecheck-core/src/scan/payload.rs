//! What a QR code holds: bytes, and a guess at their character set. QR byte
//! segments carry no reliable charset (rqrr skips ECI designators), so like
//! other readers we guess: UTF-8 when the bytes are valid UTF-8, Shift_JIS
//! when they are valid Shift_JIS with Japanese in them (QR's Kanji mode
//! writes Shift_JIS), else ISO-8859-1, the standard's default.

/// The bytes of one QR code, as the symbol encodes them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Payload(pub Vec<u8>);

/// How to turn a payload's bytes into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (ASCII included).
    Utf8,
    /// Shift_JIS: the caller needs a decoder (the browser's `TextDecoder`,
    /// `encoding_rs` natively) since its table is too big to ship here.
    ShiftJis,
    /// ISO-8859-1: every byte is the code point of the same value.
    Latin1,
}

impl Payload {
    /// The character set these bytes are most likely in.
    pub fn charset(&self) -> Charset {
        if std::str::from_utf8(&self.0).is_ok() {
            Charset::Utf8
        } else if is_shift_jis(&self.0) {
            Charset::ShiftJis
        } else {
            Charset::Latin1
        }
    }

    /// The text, unless it is Shift_JIS (see [`Charset::ShiftJis`]).
    pub fn text(&self) -> Option<String> {
        match self.charset() {
            Charset::Utf8 => String::from_utf8(self.0.clone()).ok(),
            Charset::Latin1 => Some(self.0.iter().map(|&b| char::from(b)).collect()),
            Charset::ShiftJis => None,
        }
    }
}

/// True when `bytes` split into valid Shift_JIS characters: ASCII, single
/// half-width katakana (A1–DF), or a lead byte (81–9F, E0–FC) followed by a
/// trail byte (40–7E, 80–FC).
fn is_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => match bytes.get(i + 1) {
                Some(0x40..=0x7E | 0x80..=0xFC) => i += 2,
                _ => return false,
            },
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_first() {
        let p = Payload("https://id.gs1.org/01/09506000134352".as_bytes().to_vec());
        assert_eq!(p.charset(), Charset::Utf8);
        assert_eq!(
            p.text().as_deref(),
            Some("https://id.gs1.org/01/09506000134352")
        );
        let vi = Payload("Cà phê".as_bytes().to_vec());
        assert_eq!(vi.text().as_deref(), Some("Cà phê"));
    }

    #[test]
    fn shift_jis_when_not_utf8() {
        // "テスト" in Shift_JIS.
        let p = Payload(vec![0x83, 0x65, 0x83, 0x58, 0x83, 0x67]);
        assert_eq!(p.charset(), Charset::ShiftJis);
        assert_eq!(p.text(), None);
        // Half-width katakana "ﾃﾞ".
        assert_eq!(Payload(vec![0xC3, 0xDE]).charset(), Charset::ShiftJis);
    }

    #[test]
    fn latin1_otherwise() {
        // "café" in ISO-8859-1: E9 is a Shift_JIS lead byte, but nothing follows it.
        let p = Payload(vec![b'c', b'a', b'f', 0xE9]);
        assert_eq!(p.charset(), Charset::Latin1);
        assert_eq!(p.text().as_deref(), Some("café"));
    }
}
