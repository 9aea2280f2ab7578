//! The two small word lists the blanking rules lean on: function words, which a blank
//! never starts or ends with, and content words, which are never split and which win over
//! a function word that shares a character with them (需要, 把握, 同志).

/// Particles, prepositions, conjunctions, pronouns and linking adverbs: the words a reader
/// recalls from the sentence pattern, not from memory of the quotation.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "的", "了", "和", "与", "及", "或", "是", "在", "要", "更", "也", "都", "就", "又", "还", "把",
    "被", "并", "而", "同", "到", "我", "这", "那", "其", "更加", "更要", "按照", "我们", "你们",
    "他们", "什么", "不论", "不仅", "不断", "不但", "而且", "并且", "以及", "因为", "所以", "如果",
    "虽然", "但是", "只有",
];

/// The conjunctions that join two equal words into one term (历史和文化, 坚持和发展).
pub(crate) const CONJUNCTIONS: &[char] = &['和', '与', '及'];

/// Words that contain a function word's character but carry content, and multi-character
/// terms of the study texts that the two-character default would split (新时代, 党中央).
pub(crate) const CONTENT_WORDS: &[&str] = &[
    // Content words that contain a function word's character.
    "要求",
    "需要",
    "重要",
    "主要",
    "必要",
    "要素",
    "要点",
    "纲要",
    "和平",
    "和谐",
    "把握",
    "把关",
    "就业",
    "成就",
    "造就",
    "同志",
    "同时",
    "共同",
    "同样",
    "相同",
    "不同",
    "同步",
    "同心",
    "协同",
    "目的",
    "的确",
    "了解",
    "现在",
    "存在",
    "实在",
    "正在",
    "所在",
    "参与",
    "及时",
    "普及",
    "更新",
    "首都",
    "我国",
    "自我",
    "做到",
    "达到",
    "得到",
    "受到",
    "感到",
    "看到",
    "遇到",
    "到位",
    "到达",
    "到底",
    "实事求是",
    // Terms of three or more characters that two-character words would split.
    "新时代",
    "新征程",
    "新发展",
    "党中央",
    "共产党",
    "共产党员",
    "总书记",
    "习近平",
    "马克思主义",
    "中国特色",
    "社会主义",
    "现代化",
    "高质量",
    "人民群众",
    "中华民族",
];

/// The content word of `chars` that starts at `at`, longest first.
pub(crate) fn content_word_at(chars: &[char], at: usize) -> Option<usize> {
    longest_match(CONTENT_WORDS, chars, at)
}

/// The function word of `chars` that starts at `at`, longest first.
pub(crate) fn function_word_at(chars: &[char], at: usize) -> Option<usize> {
    longest_match(FUNCTION_WORDS, chars, at)
}

fn longest_match(words: &[&str], chars: &[char], at: usize) -> Option<usize> {
    words
        .iter()
        .filter(|word| {
            let mut rest = chars[at..].iter();
            word.chars().all(|c| rest.next() == Some(&c))
        })
        .map(|word| word.chars().count())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_do_not_overlap() {
        for word in CONTENT_WORDS {
            assert!(!FUNCTION_WORDS.contains(word), "{word} is in both lists");
        }
        for conj in CONJUNCTIONS {
            assert!(FUNCTION_WORDS.contains(&conj.to_string().as_str()));
        }
    }

    #[test]
    fn longest_words_win() {
        let chars: Vec<char> = "更加需要马克思主义".chars().collect();
        assert_eq!(function_word_at(&chars, 0), Some(2));
        assert_eq!(content_word_at(&chars, 2), Some(2));
        assert_eq!(content_word_at(&chars, 4), Some(5));
        assert_eq!(content_word_at(&chars, 5), None);
    }
}
