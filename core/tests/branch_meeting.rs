//! A 现场测验 on the bank of page 000: its meeting code gives every member the same
//! questions, typed in any case and without the dash, and the quiz ends when its time is up
//! (never without a limit, nor in another quiz); the result code names the meeting.

mod common;

use xuexi_core::branch::{CodeQuiz, MeetingCode, ResultCode};
use xuexi_core::quiz::{right_answer, Action, Bank, Phase, QuizKind, QuizSession};
use xuexi_core::review::Day;

fn bank() -> &'static Bank {
    common::bank()
}

fn meeting(n: u8, limit: u8, draw: u16) -> MeetingCode {
    MeetingCode::new("000", n, limit, draw).unwrap()
}

#[test]
fn a_meeting_gives_every_member_the_same_questions_and_ends_when_time_is_up() {
    let code = meeting(6, 1, 321);
    let kind = QuizKind::Meeting {
        code: code.to_string(),
    };
    let one = QuizSession::new(bank(), kind.clone(), code.seed()).unwrap();
    let other = QuizSession::new(bank(), kind.clone(), code.seed()).unwrap();
    assert_eq!(one, other);
    assert_eq!(one.slots.len(), 6);
    let typed = QuizKind::Meeting {
        code: code.to_string().to_lowercase().replace('-', ""),
    };
    let questions = |s: &QuizSession| {
        s.slots
            .iter()
            .map(|s| s.question.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        questions(&QuizSession::new(bank(), typed, 5).unwrap()),
        questions(&one)
    );
    let other_meeting = QuizKind::Meeting {
        code: meeting(6, 1, 322).to_string(),
    };
    assert_ne!(
        questions(&QuizSession::new(bank(), other_meeting, 5).unwrap()),
        questions(&one)
    );
    // Three minutes: one question answered, then the time is up.
    let started = one.apply(bank(), Action::Start { now_ms: 1_000 });
    let question = started.current_question(bank()).unwrap();
    let answered = started
        .apply(bank(), Action::Answer(right_answer(question)))
        .apply(bank(), Action::Check)
        .apply(bank(), Action::Next);
    assert_eq!(answered.deadline_ms(), Some(181_000));
    assert_eq!(
        answered.apply(bank(), Action::TimeUp { now_ms: 180_999 }),
        answered
    );
    let over = answered.apply(bank(), Action::TimeUp { now_ms: 181_000 });
    assert_eq!(over.phase, Phase::Finished);
    assert!(over.timed_out());
    assert_eq!(over.validate(bank()), Ok(()));
    let result = over.result(bank()).unwrap();
    assert_eq!((result.score, result.total), (1, 6));
    let code_text = ResultCode::of_result("张三", bank(), &kind, &result, Day(20_000))
        .unwrap()
        .encode();
    let (name, payload) = code_text
        .strip_prefix("学习码/")
        .and_then(|body| body.split_once('/'))
        .unwrap();
    let decoded = ResultCode::decode(name, payload).unwrap();
    assert_eq!(decoded.quiz, CodeQuiz::Meeting(code));
    assert_eq!(decoded.right, [true, false, false, false, false, false]);
    // Without a limit, or in another quiz, time is never up.
    let unlimited = QuizSession::new(
        bank(),
        QuizKind::Meeting {
            code: meeting(6, 0, 321).to_string(),
        },
        0,
    )
    .unwrap()
    .apply(bank(), Action::Start { now_ms: 0 });
    assert_eq!(
        unlimited.apply(bank(), Action::TimeUp { now_ms: u64::MAX }),
        unlimited
    );
    let mixed = QuizSession::new(bank(), QuizKind::Mixed, 0)
        .unwrap()
        .apply(bank(), Action::Start { now_ms: 0 });
    assert_eq!(
        mixed.apply(bank(), Action::TimeUp { now_ms: u64::MAX }),
        mixed
    );
    assert!(QuizSession::new(
        bank(),
        QuizKind::Meeting {
            code: "K3M-9QX".to_string()
        },
        0
    )
    .is_err());
}
