//! Deterministic randomness: one seed, a separate stream per purpose and object.

/// splitmix64 (Steele, Lea, Flood 2014): a few lines, good enough statistics
/// for test data, and the same numbers on every platform and Rust version,
/// which no crate's or the OS's generator promises.
pub struct Rng {
    pub state: u64,
}

pub const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What a stream of random numbers is for. Each purpose and object gets its
/// own stream, so adding a school or an extra never shifts another file.
#[derive(Clone, Copy)]
pub enum Stream {
    Key = 1,
    School = 2,
    Answers = 3,
    Meta = 4,
    Padding = 5,
    Identifier = 6,
    Attachment = 7,
}

impl Rng {
    pub fn stream(seed: u64, purpose: Stream, path: &[u64]) -> Self {
        let state = path
            .iter()
            .fold(mix(seed ^ mix(purpose as u64)), |acc, &part| {
                mix(acc.wrapping_add(GOLDEN_GAMMA) ^ mix(part.wrapping_add(GOLDEN_GAMMA)))
            });
        Self { state }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// 0..n; the modulo bias is far below anything test data could show.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// lo..=hi; `lo` when the range is empty.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below(hi - lo + 1)
        }
    }

    pub fn percent(&mut self, chance: u64) -> bool {
        self.below(100) < chance
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes()[..chunk.len()]);
        }
        out
    }
}
