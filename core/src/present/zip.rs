//! A minimal zip writer for the Word report: every entry deflated with `miniz_oxide` (already the share
//! link's compressor), CRC-32 computed here, no time stamps (the same parts give the same bytes), no zip64 (a
//! report is far below 4 GB; a part or archive that is not is refused). It only writes; reading zips stays
//! with the spreadsheet module. Keeping it here lets the web app build a .docx without a zip crate.

use crate::crc32::crc32;

/// A part too large for a zip without zip64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge(pub String);

/// 1980-01-01 00:00, the earliest date a zip entry can carry (MS-DOS format).
const DOS_DATE: u16 = (1 << 5) | 1;

/// The archive of `parts` (name, content) in the given order, each deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Result<Vec<u8>, TooLarge> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let small = |v: usize, what: &str| u32::try_from(v).map_err(|_| TooLarge(what.to_string()));
    for (name, data) in parts {
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32(data);
        let offset = small(out.len(), name)?;
        let csize = small(deflated.len(), name)?;
        let usize_ = small(data.len(), name)?;
        let name_len = u16::try_from(name.len()).map_err(|_| TooLarge((*name).to_string()))?;
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, 20); // version needed: 2.0 (deflate)
        put16(&mut out, 0x0800); // flags: names in UTF-8
        put16(&mut out, 8); // method: deflate
        put16(&mut out, 0); // time
        put16(&mut out, DOS_DATE);
        put32(&mut out, crc);
        put32(&mut out, csize);
        put32(&mut out, usize_);
        put16(&mut out, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&deflated);
        // Its central directory record.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: 2.0, MS-DOS attributes
        put16(&mut central, 20);
        put16(&mut central, 0x0800);
        put16(&mut central, 8);
        put16(&mut central, 0);
        put16(&mut central, DOS_DATE);
        put32(&mut central, crc);
        put32(&mut central, csize);
        put32(&mut central, usize_);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let entries = u16::try_from(parts.len()).map_err(|_| TooLarge("entries".into()))?;
    let cd_offset = small(out.len(), "central directory")?;
    let cd_size = small(central.len(), "central directory")?;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // disk with the central directory
    put16(&mut out, entries);
    put16(&mut out, entries);
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_zip_reader_gets_back_every_part() {
        let big = "大唐袜业 ".repeat(5000);
        let parts: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", big.as_bytes()),
            ("empty.txt", b""),
        ];
        let bytes = zip(&parts).expect("small parts");
        assert!(
            bytes.len() < big.len() / 10,
            "deflated: {} bytes",
            bytes.len()
        );
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert_eq!(archive.len(), 3);
        for (i, (name, data)) in parts.iter().enumerate() {
            let mut f = archive.by_index(i).expect("entry");
            assert_eq!(f.name(), *name);
            let mut got = Vec::new();
            f.read_to_end(&mut got).expect("inflates, CRC checked");
            assert_eq!(&got, data);
        }
    }

    #[test]
    fn the_same_parts_give_the_same_bytes() {
        let parts: [(&str, &[u8]); 1] = [("a.xml", b"<a/>")];
        assert_eq!(zip(&parts), zip(&parts));
    }
}
