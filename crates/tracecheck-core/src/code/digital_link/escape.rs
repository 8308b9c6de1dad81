//! Percent-encoding of AI values in Digital Link URIs (RFC 3986): in a path
//! `+` is itself, in a query it is a space.

/// Decodes `%hh` escapes (a malformed `%` stays as it is) and, in a query,
/// `+` as a space. `None` if an escape decodes to a NUL byte, which no AI
/// value may hold.
pub fn uri_unescape(raw: &str, in_query: bool) -> Option<Vec<u8>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    let byte = high << 4 | low;
                    if byte == 0 {
                        return None;
                    }
                    out.push(byte);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' if in_query => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Some(out)
}

fn hex(byte: Option<&u8>) -> Option<u8> {
    let b = *byte?;
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Escapes everything but RFC 3986 unreserved characters; in a query a
/// space becomes `+`.
pub fn uri_escape(value: &str, in_query: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else if byte == b' ' && in_query {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_malformed_escapes() {
        assert_eq!(uri_unescape("A%2fB+C", false), Some(b"A/B+C".to_vec()));
        assert_eq!(uri_unescape("A%2fB+C", true), Some(b"A/B C".to_vec()));
        assert_eq!(uri_unescape("AB%4g%2", false), Some(b"AB%4g%2".to_vec()));
        assert_eq!(uri_unescape("A%00", false), None);
        assert_eq!(uri_escape("A B+/", true), "A+B%2B%2F");
        assert_eq!(uri_escape("A B", false), "A%20B");
    }
}
