//! Progress keys: each kind reads back what it writes, shows the text stored progress has
//! always held, and refuses text of another kind or none.

use xuexi_core::progress::{CardKey, ItemKey, QuestionKey, QuizId, QuizKey, QuotationKey};

#[test]
fn keys_show_the_text_they_are_built_from_and_read_it_back() {
    let item = ItemKey::new("000", "a-byfe");
    let question = QuestionKey::new("000", "a-byfe-3");
    let quotation = QuotationKey::new("000", "q-6sst", "q2");
    let cases: [(String, &str); 9] = [
        (item.to_string(), "000/a-byfe"),
        (question.to_string(), "000/a-byfe-3"),
        (quotation.to_string(), "000/q-6sst/q2"),
        (question.card().to_string(), "000/quiz/a-byfe-3"),
        (quotation.card().to_string(), "000/q-6sst/q2"),
        (
            QuizKey::new("000", &QuizId::Item("a-byfe".into())).to_string(),
            "000/quiz-a-byfe",
        ),
        (
            QuizKey::new("000", &QuizId::Weekly).to_string(),
            "000/quiz-weekly",
        ),
        (
            QuizKey::new("001", &QuizId::Mistakes).to_string(),
            "001/mistakes",
        ),
        (
            QuizKey::new("001", &QuizId::Meeting).to_string(),
            "001/quiz-meeting",
        ),
    ];
    for (shown, expected) in cases {
        assert_eq!(shown, expected);
    }
    assert_eq!(ItemKey::parse("000/a-byfe"), Ok(item.clone()));
    assert_eq!((item.page(), item.item()), ("000", "a-byfe"));
    assert_eq!(QuestionKey::parse("000/a-byfe-3"), Ok(question.clone()));
    assert_eq!(question.question(), "a-byfe-3");
    assert_eq!(QuotationKey::parse("000/q-6sst/q2"), Ok(quotation.clone()));
    assert_eq!((quotation.item(), quotation.quotation()), ("q-6sst", "q2"));
    assert_eq!(CardKey::parse("000/quiz/a-byfe-3"), Ok(question.card()));
    assert_eq!(CardKey::parse("000/q-6sst/q2"), Ok(quotation.card()));
    assert_eq!(quotation.card().page(), "000");
    for (text, quiz) in [
        ("000/quiz-a-byfe", QuizId::Item("a-byfe".into())),
        ("000/quiz-mixed", QuizId::Mixed),
        ("000/mistakes", QuizId::Mistakes),
        ("000/quiz-meeting", QuizId::Meeting),
    ] {
        let key = QuizKey::parse(text).unwrap();
        assert_eq!((key.page(), key.quiz()), ("000", quiz.clone()), "{text}");
        assert_eq!(key, QuizKey::new("000", &quiz));
    }
}

#[test]
fn text_that_is_not_a_key_of_the_kind_is_refused() {
    for text in ["", "000", "/a-byfe", "000/", "000/a/b", "000//a"] {
        assert!(ItemKey::parse(text).is_err(), "item {text:?}");
        assert!(QuestionKey::parse(text).is_err(), "question {text:?}");
    }
    for text in ["000/q-6sst", "000/q-6sst/", "000/q-6sst/q2/q3", "//"] {
        assert!(QuotationKey::parse(text).is_err(), "quotation {text:?}");
        assert!(CardKey::parse(text).is_err(), "card {text:?}");
    }
    for text in [
        "000/a-byfe",
        "000/quiz-",
        "000/quiz",
        "000/quiz-a/b",
        "quiz-mixed",
    ] {
        assert!(QuizKey::parse(text).is_err(), "quiz {text:?}");
    }
    let refused = QuizKey::parse("000/a-byfe").unwrap_err();
    assert_eq!(refused.to_string(), "not a quiz key: \"000/a-byfe\"");
}

/// Keys order as their text, so maps of them are stored in the order they always were:
/// `q-6sst-b` sorts before `q-6sst/` because `-` sorts before `/`.
#[test]
fn keys_order_as_their_text() {
    let mut keys = [
        QuotationKey::new("000", "q-6sst", "q1"),
        QuotationKey::new("000", "q-6sst-b", "q1"),
        QuotationKey::new("00", "q-6sst", "q1"),
    ];
    keys.sort();
    let texts: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let mut sorted = texts.clone();
    sorted.sort();
    assert_eq!(texts, sorted);
}
