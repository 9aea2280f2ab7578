//! Recitation's blanks (levels 2 and 3): the blanks the rules choose on the three real
//! 每周一学 quotations and on small synthetic ones, and the grading of blanks.

mod common;

use common::quotation;
use xuexi_core::recite::{exercise, key_spans, KeyRule, Level, ReciteError, Segment};

/// The exercise of `text` at `level` has exactly `expected` as its blanks, in order; its
/// segments spell `text`; hints are shown at level 2 only.
#[track_caller]
fn check(text: &str, level: Level, expected: &[&str]) {
    let exercise = exercise(text, level).unwrap();
    assert_eq!(
        exercise.answers(),
        expected,
        "level {} of {text}",
        level.number()
    );
    let mut spelled = String::new();
    let mut next_id = 0;
    for segment in &exercise.segments {
        match segment {
            Segment::Text(text) => spelled.push_str(text),
            Segment::Blank { id, answer, hint } => {
                assert_eq!(*id, next_id);
                next_id += 1;
                let expected_hint = (level == Level::Hinted).then(|| answer.chars().next());
                assert_eq!(*hint, expected_hint.flatten(), "hint of {answer}");
                spelled.push_str(answer);
            }
        }
    }
    assert_eq!(spelled, text);
}

#[test]
fn q1_blanks() {
    let q1 = quotation("q1");
    check(q1, Level::Read, &[]);
    check(
        q1,
        Level::Hinted,
        &["社会主义", "历史和文化", "历史规律", "汲取智慧", "走向未来"],
    );
    check(
        q1,
        Level::Blanks,
        &[
            "坚持和发展",
            "社会主义",
            "系统研究",
            "历史和文化",
            "深刻把握",
            "历史规律",
            "深入思考",
            "汲取智慧",
            "走向未来",
        ],
    );
    check(q1, Level::FromMemory, &[q1]);
}

#[test]
fn q2_blanks() {
    let q2 = quotation("q2");
    check(
        q2,
        Level::Hinted,
        &[
            "历史",
            "走向未来",
            "学习型政党",
            "大国建设",
            "重中之重",
            "实际相结合",
            "悟原理",
            "求真理",
            "明事理",
            "四个意识",
            "四个自信",
            "两个维护",
            "广大党员",
            "提高自己",
            "斗争精神",
            "斗争本领",
            "思想",
            "能力",
            "行动",
            "党中央要求",
            "前进步伐",
            "发展需要",
        ],
    );
    check(
        q2,
        Level::Blanks,
        &[
            "依靠学习",
            "历史",
            "依靠",
            "走向未来",
            "加快推进",
            "学习型政党",
            "大国建设",
            "学习贯彻",
            "重中之重",
            "理论",
            "实际相结合",
            "悟原理",
            "求真理",
            "明事理",
            "增强",
            "四个意识",
            "坚持",
            "四个自信",
            "做到",
            "两个维护",
            "教育",
            "广大党员",
            "忠诚干净担当",
            "提高自己",
            "努力",
            "斗争精神",
            "斗争本领",
            "思想",
            "能力",
            "行动",
            "党中央要求",
            "前进步伐",
            "发展需要",
        ],
    );
}

#[test]
fn q3_blanks() {
    let q3 = quotation("q3");
    check(
        q3,
        Level::Hinted,
        &[
            "水平",
            "地步",
            "艰苦奋斗",
            "勤俭节约",
            "永远不能丢",
            "艰苦奋斗",
            "勤俭节约",
            "一路走来",
            "发展壮大",
            "重要保证",
            "继往开来",
            "再创辉煌",
            "重要保证",
        ],
    );
    check(
        q3,
        Level::Blanks,
        &[
            "国家发展",
            "水平",
            "人民生活改善",
            "地步",
            "艰苦奋斗",
            "勤俭节约",
            "永远不能丢",
            "艰苦奋斗",
            "勤俭节约",
            "一路走来",
            "发展壮大",
            "重要保证",
            "继往开来",
            "再创辉煌",
            "重要保证",
        ],
    );
}

#[test]
fn each_rule_on_small_texts() {
    // Quoted phrases and titles; the verb that introduces a quote waits for level 3.
    check(
        "坚持“两个确立”，做到“两个维护”。",
        Level::Hinted,
        &["两个确立", "两个维护"],
    );
    check(
        "坚持“两个确立”，做到“两个维护”。",
        Level::Blanks,
        &["坚持", "两个确立", "做到", "两个维护"],
    );
    check(
        "《社区工作者管理考核办法》正式施行。",
        Level::Hinted,
        &["社区工作者管理考核办法", "正式施行"],
    );
    // Numbers, with units, decimals, thousands and Chinese numerals; a long piece also
    // gets its tail term.
    check(
        "到2035年基本实现社会主义现代化。",
        Level::Hinted,
        &["2035年", "现代化"],
    );
    check(
        "经济增长3.5%，居民收入增长1,000元。",
        Level::Hinted,
        &["3.5%", "1,000元"],
    );
    check(
        "在参加十三届全国人大二次会议时的讲话",
        Level::Hinted,
        &["十三届", "讲话"],
    );
    check("这是第五批教材。", Level::Hinted, &["第五批"]);
    // Parallel items: short pieces, and items cut from long neighbours.
    check(
        "学思想、强党性、重实践、建新功。",
        Level::Hinted,
        &["学思想", "强党性", "重实践", "建新功"],
    );
    check(
        "在实践中锤炼党性、提高本领。",
        Level::Hinted,
        &["锤炼党性", "提高本领"],
    );
    check(
        "要把握方向、大局、全局。",
        Level::Hinted,
        &["方向", "大局", "全局"],
    );
    // Tail terms: whole words from the end, skipping function words; 和 joins a pair.
    check(
        "不忘初心，牢记使命。",
        Level::Hinted,
        &["不忘初心", "牢记使命"],
    );
    check("党员和干部要学习和实践。", Level::Hinted, &["学习和实践"]);
    check("我们要开创新局面。", Level::Hinted, &["开创新局面"]);
    // Level 3: a pair, a repeated phrase, head terms after a shared opening.
    check(
        "坚持和发展中国特色社会主义。",
        Level::Blanks,
        &["坚持和发展", "社会主义"],
    );
    check(
        "依靠人民创造了历史，依靠人民赢得了未来。",
        Level::Blanks,
        &["依靠人民", "历史", "依靠人民", "未来"],
    );
    // Blanks never touch, so the repeated opening stays visible here.
    check(
        "依靠人民创造历史，依靠人民赢得未来。",
        Level::Blanks,
        &["创造历史", "赢得未来"],
    );
    check(
        "更加注重调查研究，更加注重狠抓落实。",
        Level::Blanks,
        &["调查研究", "狠抓落实"],
    );
}

#[test]
fn rules_are_named_and_blanks_never_touch() {
    let q2 = quotation("q2");
    let spans = key_spans(q2, Level::Blanks);
    for pair in spans.windows(2) {
        assert!(pair[0].end < pair[1].start, "{pair:?} touch");
    }
    let rule_of = |answer: &str| {
        let chars: Vec<char> = q2.chars().collect();
        spans
            .iter()
            .find(|s| chars[s.start..s.end].iter().collect::<String>() == answer)
            .map(|s| s.rule)
    };
    assert_eq!(rule_of("四个意识"), Some(KeyRule::Quoted));
    assert_eq!(rule_of("求真理"), Some(KeyRule::Parallel));
    assert_eq!(rule_of("依靠学习"), Some(KeyRule::Repeated));
    assert_eq!(rule_of("重中之重"), Some(KeyRule::Tail));
    assert_eq!(rule_of("忠诚干净担当"), Some(KeyRule::Head));
    assert!(key_spans(q2, Level::Read).is_empty());
    assert!(key_spans(q2, Level::FromMemory).is_empty());
}

#[test]
fn level_three_blanks_more_than_level_two() {
    for id in ["q1", "q2", "q3"] {
        let text = quotation(id);
        let blanked =
            |level| -> usize { key_spans(text, level).iter().map(|s| s.end - s.start).sum() };
        assert!(blanked(Level::Blanks) > blanked(Level::Hinted), "{id}");
        // Level 3 still leaves a good part of the text to lean on.
        assert!(
            blanked(Level::Blanks) * 4 < text.chars().count() * 3,
            "{id}"
        );
    }
}

#[test]
fn exercises_are_deterministic() {
    for id in ["q1", "q2", "q3"] {
        for level in Level::ALL {
            assert_eq!(
                exercise(quotation(id), level),
                exercise(quotation(id), level)
            );
        }
    }
}

#[test]
fn exercises_that_cannot_be_made() {
    assert_eq!(exercise("", Level::Read), Err(ReciteError::EmptyText));
    assert_eq!(
        exercise("，。 “”", Level::Hinted),
        Err(ReciteError::EmptyText)
    );
    assert_eq!(
        exercise("好。", Level::Hinted),
        Err(ReciteError::NoKeyTerms)
    );
    assert_eq!(
        exercise("我们的", Level::Blanks),
        Err(ReciteError::NoKeyTerms)
    );
    assert!(exercise("好。", Level::Read).is_ok());
}

#[test]
fn blank_answers_are_compared_tolerantly() {
    let exercise = exercise("不断增强“四个意识”，提升“2035”目标。", Level::Hinted).unwrap();
    assert_eq!(exercise.answers(), ["四个意识", "2035", "目标"]);
    let check = |typed: &[&str]| exercise.check(typed).unwrap().right;
    assert_eq!(check(&["四个意识", "2035", "目标"]), [true, true, true]);
    // Quote marks, spaces and full width never count.
    assert_eq!(
        check(&["“四个 意识”", "２０３５", " 目标。"]),
        [true, true, true]
    );
    // At level 2 the hinted first character may be left out.
    assert_eq!(check(&["个意识", "035", "标"]), [true, true, true]);
    assert_eq!(check(&["四个自信", "2036", ""]), [false, false, false]);
    let result = exercise.check(&["四个意识", "2036", "目标"]).unwrap();
    assert_eq!((result.n_right(), result.all_right()), (2, false));
    assert_eq!((result.chars_right, result.chars_total), (6, 10));
    assert_eq!(
        exercise.check(&["四个意识"]),
        Err(ReciteError::WrongAnswerCount {
            expected: 3,
            got: 1
        })
    );
}

#[test]
fn without_hints_the_first_character_is_required() {
    let exercise = exercise("不忘初心，牢记使命。", Level::Blanks).unwrap();
    let result = exercise.check(&["忘初心", "牢记使命"]).unwrap();
    assert_eq!(result.right, [false, true]);
}
