//! 学习伴侣's app: the Yew UI over the pure core (`xuexi-core`). Pages and question banks
//! arrive as data files at run time (`ui::library`); the wasm holds no article text.

pub mod ui;
