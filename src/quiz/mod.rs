//! Self-test quizzes: the question bank, its grounding checks, sessions and scoring. Pure.
