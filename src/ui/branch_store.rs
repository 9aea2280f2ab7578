//! What 支部学习 keeps on this device, apart from the reader's progress: the member's name
//! for result codes, and the secretary's roster (名单). Owns their `localStorage` keys; a
//! roster that is replaced is first copied under a backup key, so a slip loses nothing.
//! The chats pasted into 支部汇总 stay for the tab's life (`sessionStorage`), so a reload
//! does not lose them.

/// The member's name, typed once.
const NAME_KEY: &str = "xuexi-branch-name";
/// The roster as the secretary last saved it.
const ROSTER_KEY: &str = "xuexi-branch-roster";
/// The roster it replaced.
const ROSTER_BACKUP_KEY: &str = "xuexi-branch-roster-backup";

/// The member's saved name.
pub fn name() -> Option<String> {
    read(NAME_KEY).filter(|n| !n.trim().is_empty())
}

/// Saves the member's name; `false` when storage refuses.
pub fn save_name(name: &str) -> bool {
    write(NAME_KEY, name)
}

/// The saved roster, as typed.
pub fn roster() -> Option<String> {
    read(ROSTER_KEY)
}

/// Saves the roster, first keeping the one it replaces under the backup key; `false` when
/// storage refuses (then nothing has changed).
pub fn save_roster(text: &str) -> bool {
    match read(ROSTER_KEY) {
        Some(old) if old != text && !old.trim().is_empty() => {
            write(ROSTER_BACKUP_KEY, &old) && write(ROSTER_KEY, text)
        }
        _ => write(ROSTER_KEY, text),
    }
}

/// The chats pasted in this tab.
const PASTES_KEY: &str = "xuexi-branch-pastes";

/// The chats pasted in this tab so far.
pub fn pastes() -> Vec<String> {
    gloo::utils::window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(PASTES_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the chats pasted in this tab; `false` when the tab's storage refuses (too big).
pub fn save_pastes(pastes: &[String]) -> bool {
    let Ok(text) = serde_json::to_string(pastes) else {
        return false;
    };
    gloo::utils::window()
        .session_storage()
        .ok()
        .flatten()
        .is_some_and(|s| s.set_item(PASTES_KEY, &text).is_ok())
}

fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}
