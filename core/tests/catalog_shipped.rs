//! The catalog as shipped: volumes of older pages counted from the oldest, the newest pages in
//! `catalog.json`, joined again into the same catalog for archives of every size around a
//! volume's edges; and question ids written as runs, read back as they were.

mod common;

use xuexi_core::content::catalog::question_runs;
use xuexi_core::content::{Catalog, CatalogPart, Page, VolumeRef, VOLUME_PAGES};

/// An archive of `n` weekly pages made from page 000 (`000`, `001`, …), newest first.
fn archive(n: usize) -> Catalog {
    let pages: Vec<Page> = (0..n)
        .map(|k| {
            let mut page = common::page().clone();
            page.id = format!("{k:03}");
            page
        })
        .collect();
    Catalog::new(
        pages
            .iter()
            .map(|page| (page, Some(common::bank()), format!("rev{}", page.id))),
    )
}

fn ids<'a>(pages: impl IntoIterator<Item = &'a xuexi_core::content::PageEntry>) -> Vec<String> {
    pages.into_iter().map(|page| page.id.clone()).collect()
}

#[test]
fn volumes_are_full_from_the_oldest_page_and_the_newest_pages_stay_in_the_file() {
    // (pages, size, volume files newest first, pages left in catalog.json newest first)
    let cases: &[(usize, usize, &[&str], &[&str])] = &[
        (0, 13, &[], &[]),
        (1, 13, &[], &["000"]),
        (3, 2, &["volume-000.json"], &["002"]),
        (4, 2, &["volume-002.json", "volume-000.json"], &[]),
        (
            12,
            13,
            &[],
            &[
                "011", "010", "009", "008", "007", "006", "005", "004", "003", "002", "001", "000",
            ],
        ),
        (13, 13, &["volume-000.json"], &[]),
        (14, 13, &["volume-000.json"], &["013"]),
        (27, 13, &["volume-013.json", "volume-000.json"], &["026"]),
        (
            52,
            13,
            &[
                "volume-039.json",
                "volume-026.json",
                "volume-013.json",
                "volume-000.json",
            ],
            &[],
        ),
    ];
    for &(n, size, names, newest) in cases {
        let catalog = archive(n);
        let (left, volumes) = catalog.volumes(size);
        let got: Vec<&str> = volumes.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(got, names, "{n} pages in volumes of {size}");
        assert_eq!(ids(&left), newest, "{n} pages in volumes of {size}");
        for (name, volume) in &volumes {
            assert_eq!(volume.pages.len(), size, "{name}");
            assert_eq!(volume.version, catalog.version, "{name}");
            let oldest = volume.pages.last().map(|page| page.id.as_str());
            assert_eq!(
                name.strip_prefix("volume-")
                    .and_then(|n| n.strip_suffix(".json")),
                oldest
            );
        }
    }
}

#[test]
fn a_shipped_catalog_joins_into_the_catalog_it_came_from() {
    for n in [0, 1, 12, 13, 14, 26, 52, 53] {
        let catalog = archive(n);
        let (pages, volumes) = catalog.volumes(VOLUME_PAGES);
        // Through JSON, as the build writes the files and the app reads them.
        let file = CatalogPart {
            version: catalog.version,
            pages,
            volumes: volumes
                .iter()
                .map(|(name, _)| VolumeRef {
                    file: name.clone(),
                    revision: format!("rev-{name}"),
                })
                .collect(),
        };
        let file: CatalogPart =
            serde_json::from_str(&serde_json::to_string(&file).unwrap()).unwrap();
        let volumes: Vec<CatalogPart> = volumes
            .iter()
            .map(|(_, volume)| {
                serde_json::from_str(&serde_json::to_string(volume).unwrap()).unwrap()
            })
            .collect();
        assert_eq!(file.volumes.len(), n / VOLUME_PAGES, "{n} pages");
        assert_eq!(file.join(volumes), catalog, "{n} pages");
    }
}

#[test]
fn a_catalog_file_of_before_volumes_reads_as_one_without_them() {
    let file: CatalogPart = serde_json::from_str(r#"{"version":2,"pages":[]}"#).unwrap();
    assert!(file.volumes.is_empty());
    assert_eq!(
        file.join([]),
        Catalog {
            version: 2,
            pages: vec![]
        }
    );
}

#[test]
fn question_ids_travel_as_runs_and_come_back_as_they_were() {
    // (ids, as shipped)
    let cases: &[(&[&str], &[&str])] = &[
        (&[], &[]),
        (&["a-byfe-1"], &["a-byfe-1"]),
        (&["a-byfe-1", "a-byfe-2", "a-byfe-3"], &["a-byfe-1..3"]),
        (
            &["a-byfe-1", "a-byfe-2", "p-jt9r-1", "p-jt9r-2", "p-jt9r-3"],
            &["a-byfe-1..2", "p-jt9r-1..3"],
        ),
        // A gap starts a new run; a number that does not count up too.
        (
            &["a-byfe-1", "a-byfe-2", "a-byfe-4", "a-byfe-3"],
            &["a-byfe-1..2", "a-byfe-4", "a-byfe-3"],
        ),
        // Ids that are not numbered stay as they are, and break a run.
        (&["a-byfe-q1", "a-byfe-q2"], &["a-byfe-q1", "a-byfe-q2"]),
        (
            &["a-byfe-1", "a-byfe-x", "a-byfe-2"],
            &["a-byfe-1", "a-byfe-x", "a-byfe-2"],
        ),
        // A leading zero is part of the id, not a number of a run.
        (&["q-01", "q-02"], &["q-01", "q-02"]),
        (&["q-9", "q-10", "q-11"], &["q-9..11"]),
        (&["plain", "7", "8"], &["plain", "7", "8"]),
    ];
    for &(ids, shipped) in cases {
        let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        let runs = question_runs::runs(&ids);
        assert_eq!(runs, shipped, "{ids:?}");
        assert_eq!(question_runs::ids(runs), Ok(ids.clone()), "{ids:?}");
    }
}

#[test]
fn a_damaged_run_is_refused_with_what_is_wrong() {
    for run in [
        "a-byfe-3..1",
        "a-byfe-2..2",
        "a-byfe-1..x",
        "a-byfe-x..3",
        "a-1..100000",
        "..3",
        "a-byfe-01..3",
    ] {
        let error = question_runs::ids(vec![run.to_string()]).expect_err(run);
        assert!(error.contains(run), "{run}: {error}");
    }
    // Inside a catalog file, the file is refused, not misread.
    let text = r#"{"version":2,"pages":[{"id":"000","title":"t","items":[],"questions":["a-1..0"],"revision":"r"}]}"#;
    let error = serde_json::from_str::<CatalogPart>(text).expect_err("a damaged run");
    assert!(error.to_string().contains("a-1..0"), "{error}");
}

#[test]
fn a_year_of_question_ids_ships_in_a_fraction_of_the_bytes() {
    let catalog = archive(52);
    let listed: usize = catalog
        .pages
        .iter()
        .map(|page| serde_json::to_string(&page.questions).unwrap().len())
        .sum();
    let shipped: usize = serde_json::to_string(&catalog).unwrap().len();
    let without: usize = serde_json::to_string(&Catalog {
        pages: catalog
            .pages
            .iter()
            .cloned()
            .map(|mut page| {
                page.questions.clear();
                page
            })
            .collect(),
        ..catalog.clone()
    })
    .unwrap()
    .len();
    // Page 000's 64 questions over 9 items: 9 runs instead of 64 ids.
    assert!(
        shipped - without < listed / 4,
        "runs {} bytes, listed {listed}",
        shipped - without
    );
}
