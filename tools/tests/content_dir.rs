//! The content folders as the build reads them: the committed archive reads and packs into
//! data files that give back exactly its pages and banks, and a catalog that reads back whole
//! from `catalog.json` and its volumes; a malformed page or bank fails the
//! build with `file:line: what is wrong`, and a page id used twice is refused.

use std::path::{Path, PathBuf};

use xuexi_core::content::{PageData, DATA_VERSION, VOLUME_PAGES};
use xuexi_tools::{content_dir, data_files};

/// A fresh folder under the system's temp dir with `files` (path, text) written into it.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xuexi-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn committed(file: &str) -> String {
    std::fs::read_to_string(content_dir::repository_content_dir().join("000").join(file)).unwrap()
}

/// Reading `files` fails with a message that starts with `expected_start`.
fn check_error(name: &str, files: &[(&str, &str)], expected_start: &str) {
    let dir = folder(name, files);
    let error = content_dir::read(&dir).unwrap_err();
    let _ = std::fs::remove_dir_all(&dir);
    let relative = error.replace(&format!("{}/", dir.display()), "");
    assert!(relative.starts_with(expected_start), "{name}: {relative}");
}

#[test]
fn the_committed_archive_packs_into_data_that_gives_it_back() {
    let pages = content_dir::read(&content_dir::repository_content_dir()).unwrap();
    let packed = data_files::pack(&pages, VOLUME_PAGES);
    assert_eq!(packed.catalog.version, DATA_VERSION);
    assert_eq!(packed.pages.len(), pages.len());
    for (files, (id, json)) in pages.iter().zip(&packed.pages) {
        let data: PageData = serde_json::from_str(json).unwrap();
        assert_eq!(&data.page, &files.page, "{id}");
        assert_eq!(data.bank.as_ref(), files.bank.as_ref(), "{id}");
        let entry = packed.catalog.page(id).unwrap();
        assert_eq!(entry.revision, xuexi_tools::revision(json.as_bytes()));
        assert_eq!(entry.items.len(), files.page.items.len());
    }
    // Written and read back whole: in catalog.json alone, and with every page in a volume.
    for (volume_pages, volumes) in [(VOLUME_PAGES, 0), (1, pages.len())] {
        let packed = data_files::pack(&pages, volume_pages);
        assert_eq!(packed.file.volumes.len(), volumes);
        let dist = folder(&format!("packed-{volume_pages}"), &[]);
        data_files::write(&dist, &packed).unwrap();
        let read = data_files::read_catalog(&dist);
        let _ = std::fs::remove_dir_all(&dist);
        assert_eq!(read.unwrap(), packed.catalog, "volumes of {volume_pages}");
    }
}

#[test]
fn malformed_content_fails_with_its_file_and_line() {
    let page = committed("page.md");
    let bank = committed("quiz.md");
    check_error(
        "bad-page",
        &[("001/page.md", "# 本期学习\nid: 001\nwhat: is this\n")],
        "001/page.md:3:",
    );
    let ungrounded = bank.replacen("source: ", "source: 并不存在的句子", 1);
    let line = ungrounded
        .lines()
        .position(|l| l.starts_with("source: 并不存在的句子"))
        .unwrap()
        + 1;
    check_error(
        "ungrounded",
        &[("000/page.md", &page), ("000/quiz.md", &ungrounded)],
        &format!("000/quiz.md:{line}:"),
    );
    check_error(
        "twice",
        &[("000/page.md", &page), ("001/page.md", &page)],
        "001/page.md:2: page id `000` is used twice",
    );
    check_error("empty", &[("README", "")], "");
    assert!(content_dir::read(Path::new("/nonexistent/xuexi")).is_err());
}
