//! Reordering by keyboard: every list a user can reorder (list rows, plan
//! rows, the card editor's groups, criteria and indicators) moves an item
//! one place at a time.

/// Swaps `items[at]` with its neighbour above (`up`) or below; nothing at
/// either end or past the list.
pub fn swap_neighbour<T>(items: &mut [T], at: usize, up: bool) {
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(other) = other.filter(|o| *o < items.len() && at < items.len()) {
        items.swap(at, other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_moves_one_place_and_never_off_the_ends() {
        let mut v = [1, 2, 3];
        swap_neighbour(&mut v, 0, true);
        assert_eq!(v, [1, 2, 3]);
        swap_neighbour(&mut v, 0, false);
        assert_eq!(v, [2, 1, 3]);
        swap_neighbour(&mut v, 2, false);
        assert_eq!(v, [2, 1, 3]);
        swap_neighbour(&mut v, 2, true);
        assert_eq!(v, [2, 3, 1]);
        swap_neighbour(&mut v, 7, true);
        assert_eq!(v, [2, 3, 1]);
    }
}
