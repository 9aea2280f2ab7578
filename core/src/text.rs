//! Chinese text helpers shared by search, quiz answers and recitation: width folding and
//! the comparison key that ignores spaces, punctuation and full/half width.

/// Folds full-width ASCII forms (`ＡＢ１２`, `，` stays) to half width and the ideographic
/// space to a plain space; other characters are kept.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Whether `c` is punctuation or a symbol in either width (，。、“”《》!?…).
pub fn is_punctuation(c: char) -> bool {
    let c = fold_width(c);
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{3000}'..='\u{303f}'   // CJK symbols and punctuation: 、。〈〉《》「」【】
            | '\u{2010}'..='\u{2027}' // dashes, quotes “”‘’, ellipsis …
            | '\u{2030}'..='\u{205e}'
            | '\u{fe10}'..='\u{fe1f}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff01}'..='\u{ff0f}'
            | '\u{ff1a}'..='\u{ff20}'
            | '\u{ff3b}'..='\u{ff40}'
            | '\u{ff5b}'..='\u{ff65}'
            | '·' | '★' | '□')
}

/// The form two answers are compared in: width folded, ASCII lowercased, spaces and
/// punctuation removed. `“四个意识”` and `四个 意识` have the same key.
pub fn comparison_key(text: &str) -> String {
    text.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && !is_punctuation(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_width_space_and_punctuation() {
        let check =
            |a: &str, b: &str| assert_eq!(comparison_key(a), comparison_key(b), "{a} ~ {b}");
        check("“四个意识”", "四个意识");
        check("四个 意识", "四个意识");
        check("２０２３年", "2023年");
        check("ＡＢＣ", "abc");
        check("悟原理、求真理、明事理。", "悟原理求真理明事理");
        check("……", "");
        check("《社区工作者管理考核办法》", "社区工作者管理考核办法");
        assert_ne!(comparison_key("四个意识"), comparison_key("四个自信"));
    }

    #[test]
    fn width_folding() {
        assert_eq!(fold_width('Ａ'), 'A');
        assert_eq!(fold_width('１'), '1');
        assert_eq!(fold_width('\u{3000}'), ' ');
        assert_eq!(fold_width('学'), '学');
        assert!(is_punctuation('，') && is_punctuation('”') && is_punctuation('…'));
        assert!(!is_punctuation('学') && !is_punctuation('1'));
    }
}
