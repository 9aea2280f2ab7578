//! What every tool's `main` shares: how a run ends (an error printed after the tool's name,
//! exit status 1) and how an option takes its value from the command line.

use std::process::ExitCode;

/// The exit status of a run of `tool`, with its error printed as `tool: message`.
pub fn finish(tool: &str, result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{tool}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `option` on the command line: the next argument, unless there is none or
/// it is another option (then the error says so, with the usage).
pub fn value(
    option: &str,
    args: &mut impl Iterator<Item = String>,
    usage: &str,
) -> Result<String, String> {
    args.next()
        .filter(|value| !value.starts_with("--"))
        .ok_or_else(|| format!("{option} needs a value\n{usage}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_takes_the_next_argument_unless_it_is_an_option() {
        let mut args = ["7", "--force"].map(String::from).into_iter();
        assert_eq!(value("--seed", &mut args, "usage"), Ok("7".to_string()));
        assert_eq!(
            value("--out", &mut args, "usage"),
            Err("--out needs a value\nusage".to_string())
        );
        assert_eq!(
            value("--out", &mut args, "usage"),
            Err("--out needs a value\nusage".to_string())
        );
    }
}
