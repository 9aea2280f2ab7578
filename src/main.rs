//! The app's entry point: mounts the Yew UI.

fn main() {
    xuexi::ui::start();
}
