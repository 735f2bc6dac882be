//! Number formatting the way Chinese statistics print numbers. Presentation only: no metric is computed here.

/// Formats with `decimals` places and thousands separators; never prints NaN or infinity (shows "—").
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money given in 万元, printed as Chinese statistics print it: 亿元 from 1 亿 up, else 万元, one decimal.
pub fn money_wan(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{} 亿元", number(v / 10_000.0, 1))
    } else {
        format!("{} 万元", number(v, 1))
    }
}

/// Persons, printed in 万人 (one decimal) from ten thousand up, else in 人.
pub fn people(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{} 万人", number(v / 10_000.0, 1))
    } else {
        format!("{} 人", number(v, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::{money_wan, number, people};

    #[test]
    fn money_and_people_in_chinese_units() {
        assert_eq!(money_wan(150_000.0), "15.0 亿元");
        assert_eq!(money_wan(4_200.0), "4,200.0 万元");
        assert_eq!(people(6_000.0), "6,000 人");
        assert_eq!(people(88_000.0), "8.8 万人");
        assert_eq!(money_wan(f64::NAN), "— 万元");
    }

    #[test]
    fn groups_thousands_and_rounds() {
        assert_eq!(number(1234567.891, 1), "1,234,567.9");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-0.0001, 2), "0.00");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
        assert_eq!(number(f64::NAN, 2), "—");
    }
}
