//! A zip archive of stored (uncompressed) entries, for office documents.

/// A zip archive of stored entries with ASCII names. The timestamp is fixed at
/// 1980-01-01 (the zip epoch): wasm32-unknown-unknown has no clock without JS,
/// and the same tables give the same bytes. No zip64: wasm32 memory cannot hold
/// 4 GiB, so every size and offset fits 32 bits.
pub fn zip_stored<B: AsRef<[u8]>>(entries: &[(String, B)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, body) in entries {
        let body = body.as_ref();
        let offset = out.len();
        // Fields shared by the local and central headers, from "version needed".
        let mut common = Vec::with_capacity(26 + name.len());
        common.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        common.extend_from_slice(&0u16.to_le_bytes()); // flags
        common.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        common.extend_from_slice(&0u16.to_le_bytes()); // time 00:00:00
        common.extend_from_slice(&0x21u16.to_le_bytes()); // date 1980-01-01
        common.extend_from_slice(&crc32(body).to_le_bytes());
        common.extend_from_slice(&le32(body.len())); // compressed size
        common.extend_from_slice(&le32(body.len())); // uncompressed size
        common.extend_from_slice(&le16(name.len()));
        common.extend_from_slice(&0u16.to_le_bytes()); // extra field length

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&le32(offset));
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len();
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le32(central.len()));
    out.extend_from_slice(&le32(central_offset));
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

fn le16(n: usize) -> [u8; 2] {
    u16::try_from(n)
        .expect("zip field over 65 535")
        .to_le_bytes()
}

fn le32(n: usize) -> [u8; 4] {
    u32::try_from(n).expect("zip over 4 GiB").to_le_bytes()
}

/// CRC-32 (IEEE) bit by bit: a table would cost wasm size for speed that a
/// sheet of a few hundred kilobytes does not need.
pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
