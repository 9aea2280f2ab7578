//! Files as the tools read and write them: every error names the file, a file is written
//! with its folder made first, and a folder a build replaces is removed with what it holds.

use std::path::{Path, PathBuf};

/// The text of `file`.
pub fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| located(file, e))
}

/// The bytes of `file`.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| located(file, e))
}

/// Writes `file`, making its folder first if it is not there.
pub fn write(file: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = file.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| located(dir, e))?;
    }
    std::fs::write(file, contents).map_err(|e| located(file, e))
}

/// The paths of what `dir` holds, in no particular order.
pub fn entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::read_dir(dir)
        .map_err(|e| located(dir, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| located(dir, e)))
        .collect()
}

/// Removes `file`.
pub fn remove(file: &Path) -> Result<(), String> {
    std::fs::remove_file(file).map_err(|e| located(file, e))
}

/// Removes `dir` and everything in it, if it is there.
pub fn remove_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| located(dir, e))?;
    }
    Ok(())
}

fn located(path: &Path, error: std::io::Error) -> String {
    format!("{}: {error}", path.display())
}
