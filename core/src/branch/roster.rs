//! The branch's roster (名单), from whatever the secretary pastes: one name a line, or names
//! separated by commas, 顿号, spaces or tabs, with list numbers (`1.`, `2、`, `(3)`) and
//! duplicates dropped.

/// The names in `text`, in order, each once.
pub fn parse_roster(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for token in
        text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '|'))
    {
        let name = token
            .trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '.' | '．' | '(' | ')' | '（' | '）' | '#')
            })
            .trim();
        if name.is_empty() || names.iter().any(|n| n == name) {
            continue;
        }
        names.push(name.to_string());
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_any_list() {
        assert_eq!(
            parse_roster("1. 张三\n2、李四\n(3) 王五，赵六、张三\n\n孙七\t周八"),
            ["张三", "李四", "王五", "赵六", "孙七", "周八"]
        );
        assert!(parse_roster(" \n ").is_empty());
    }
}
