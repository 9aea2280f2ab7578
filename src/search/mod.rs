//! Search over every item and quotation that works for Chinese: a character-bigram index. Pure.
