//! Axis helpers shared by the bar charts: bars stand on integer x positions, one per category.

/// The index of the bar whose position is `x`, or `None` for a tick between bars or left of the first.
pub fn bar_at(x: f64) -> Option<usize> {
    let i = x.round();
    ((x - i).abs() <= 1e-6 && i >= 0.0).then_some(i as usize)
}

#[cfg(test)]
mod tests {
    use super::bar_at;

    #[test]
    fn only_integer_ticks_name_a_bar() {
        assert_eq!(bar_at(2.0), Some(2));
        assert_eq!(bar_at(1.5), None);
        assert_eq!(bar_at(-0.5), None);
        assert_eq!(bar_at(-1.0), None);
    }
}
