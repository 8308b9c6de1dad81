//! Reads one GZIP member (RFC 1952), as a Bitstring Status List's
//! `encodedList` carries it.
//!
//! Why not `flate2::read::GzDecoder`: it checks the trailer with
//! `crc32fast`, whose 16 KiB slicing table was about 4 % of the widget's
//! first download (gzipped). Here the header is parsed by hand, `miniz_oxide`
//! (the same inflater flate2 uses) inflates, and the `crc` crate's one-table
//! (1 KiB) CRC-32 checks the trailer. Encoding still goes through flate2.

use crc::{CRC_32_ISO_HDLC, Crc, Table};

const CRC32: Crc<u32, Table<1>> = Crc::<u32, Table<1>>::new(&CRC_32_ISO_HDLC);

/// Header flags (RFC 1952 §2.3.1).
const FHCRC: u8 = 1 << 1;
const FEXTRA: u8 = 1 << 2;
const FNAME: u8 = 1 << 3;
const FCOMMENT: u8 = 1 << 4;
const RESERVED: u8 = 0b1110_0000;

/// Why the data could not be gunzipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GunzipError {
    /// Not a GZIP member: bad magic, method, flags or a truncated header.
    Malformed,
    /// The deflate stream is corrupt, or the trailer's CRC or size disagree.
    Corrupt,
    /// Inflates to more than the limit.
    TooLarge,
}

/// Inflates the first GZIP member of `data` to at most `limit` bytes.
pub fn gunzip(data: &[u8], limit: usize) -> Result<Vec<u8>, GunzipError> {
    let start = header_len(data).ok_or(GunzipError::Malformed)?;
    let trailer_at = data
        .len()
        .checked_sub(8)
        .filter(|&at| at >= start)
        .ok_or(GunzipError::Malformed)?;
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(&data[start..], limit)
        .map_err(|err| match err.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => GunzipError::TooLarge,
            _ => GunzipError::Corrupt,
        })?;
    let trailer = &data[trailer_at..];
    let crc = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    let size = u32::from_le_bytes([trailer[4], trailer[5], trailer[6], trailer[7]]);
    // ISIZE is the length modulo 2^32.
    if CRC32.checksum(&inflated) != crc || inflated.len() as u32 != size {
        return Err(GunzipError::Corrupt);
    }
    Ok(inflated)
}

/// Length of the member header, `None` when it is not a valid one.
fn header_len(data: &[u8]) -> Option<usize> {
    let fixed = data.get(..10)?;
    // Magic 1f 8b, compression method 8 (deflate), no reserved flag bits.
    if fixed[0] != 0x1f || fixed[1] != 0x8b || fixed[2] != 8 || fixed[3] & RESERVED != 0 {
        return None;
    }
    let flags = fixed[3];
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let len = data.get(at..at + 2)?;
        at += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            let nul = data.get(at..)?.iter().position(|&b| b == 0)?;
            at += nul + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= data.len()).then_some(at)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8], header: flate2::GzBuilder) -> Vec<u8> {
        let mut gz = header.write(Vec::new(), flate2::Compression::default());
        gz.write_all(bytes).expect("in-memory write");
        gz.finish().expect("in-memory write")
    }

    #[test]
    fn reads_what_flate2_writes_with_every_optional_field() {
        let body: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let plain = gzip(&body, flate2::GzBuilder::new());
        assert_eq!(gunzip(&plain, 1 << 20), Ok(body.clone()));
        let dressed = flate2::GzBuilder::new()
            .filename("list.bin")
            .comment("status")
            .extra(vec![1, 2, 3]);
        assert_eq!(gunzip(&gzip(&body, dressed), 1 << 20), Ok(body));
        assert_eq!(
            gunzip(&gzip(b"", flate2::GzBuilder::new()), 16),
            Ok(Vec::new())
        );
    }

    #[test]
    fn refuses_damage_anywhere() {
        let good = gzip(&[0xAA; 4096], flate2::GzBuilder::new());
        let mut bad_crc = good.clone();
        let at = bad_crc.len() - 6;
        bad_crc[at] ^= 1;
        assert_eq!(gunzip(&bad_crc, 1 << 20), Err(GunzipError::Corrupt));
        let mut bad_size = good.clone();
        let at = bad_size.len() - 1;
        bad_size[at] ^= 1;
        assert_eq!(gunzip(&bad_size, 1 << 20), Err(GunzipError::Corrupt));
        let mut bad_magic = good.clone();
        bad_magic[0] = 0;
        assert_eq!(gunzip(&bad_magic, 1 << 20), Err(GunzipError::Malformed));
        let mut reserved = good.clone();
        reserved[3] |= 0x80;
        assert_eq!(gunzip(&reserved, 1 << 20), Err(GunzipError::Malformed));
        for cut in [0, 5, 10, 12, good.len() - 8, good.len() - 1] {
            assert!(gunzip(&good[..cut], 1 << 20).is_err(), "cut at {cut}");
        }
        // A name that never ends.
        let mut named = good[..10].to_vec();
        named[3] = FNAME;
        named.extend_from_slice(b"no terminator");
        assert_eq!(gunzip(&named, 1 << 20), Err(GunzipError::Malformed));
    }

    #[test]
    fn no_single_bit_flip_or_cut_yields_other_content() {
        let body: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 256) as u8).collect();
        let good = gzip(&body, flate2::GzBuilder::new().filename("l"));
        for at in 0..good.len() {
            for bit in 0..8 {
                let mut bad = good.clone();
                bad[at] ^= 1 << bit;
                // Header bytes that carry no meaning (time, OS) may change.
                if let Ok(read) = gunzip(&bad, 1 << 20) {
                    assert_eq!(read, body, "byte {at} bit {bit}");
                }
            }
            if let Ok(read) = gunzip(&good[..at], 1 << 20) {
                assert_eq!(read, body, "cut at {at}");
            }
        }
    }

    #[test]
    fn stops_at_the_limit() {
        let bomb = gzip(&vec![0; 1 << 20], flate2::GzBuilder::new());
        assert_eq!(gunzip(&bomb, 1000), Err(GunzipError::TooLarge));
        assert_eq!(gunzip(&bomb, 1 << 20).map(|v| v.len()), Ok(1 << 20));
    }
}
