//! Measures the search core: index build time and query times over a fixed set of
//! realistic queries, on page 000 and on a synthetic archive of 200 pages made
//! from its paragraphs. Prints a markdown table; it reports, it never fails on a number.
//!
//! Usage: `cargo run --release --bin bench_search`

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Duration;

use xuexi_core::content::{Item, Page, Paragraph, Quotation};
use xuexi_core::search::SearchIndex;
use xuexi_tools::bench::{ms, percentile, sorted_times, time};
use xuexi_tools::{cli, content_dir};

/// Queries a reader of the page might type: names, terms, numbers, several terms, one
/// character, punctuation, and one that matches nothing.
const QUERIES: [&str; 20] = [
    "托管",
    "贺信",
    "张雷",
    "民事民议",
    "2023",
    "２０２３",
    "社区",
    "党建",
    "坚强堡垒",
    "“四个意识”",
    "习近平 贺信",
    "社区 减负",
    "群众 服务 工作",
    "基层治理",
    "年轻干部",
    "乡村振兴",
    "第一窗口",
    "党",
    "雷",
    "无此词语",
];
const N_ARCHIVE_PAGES: usize = 200;
/// A year of weekly pages: the archive the targets are set for.
const N_WEEKLY_PAGES: usize = 52;
/// How many hits a list of results shows at once: the `limit` the queries are timed with.
const HITS_SHOWN: usize = 20;
/// Samples per measurement; the archive gets fewer, it is slower.
const PAGE_RUNS: usize = 50;
const ARCHIVE_RUNS: usize = 5;

fn main() -> ExitCode {
    cli::finish("bench_search", run())
}

fn run() -> Result<(), String> {
    let pages = content_dir::read(&content_dir::repository_content_dir())?;
    let page = &pages[0].page;
    let weekly_archive = synthetic_archive(page, N_WEEKLY_PAGES);
    let archive = synthetic_archive(page, N_ARCHIVE_PAGES);
    let rows = [
        measure("this page", std::slice::from_ref(page), PAGE_RUNS),
        measure(
            &format!("{N_WEEKLY_PAGES} pages (a year)"),
            &weekly_archive,
            ARCHIVE_RUNS,
        ),
        measure(&format!("{N_ARCHIVE_PAGES} pages"), &archive, ARCHIVE_RUNS),
    ];
    println!(
        "| archive | documents | postings | index build ms | query median ms | query p95 ms \
         | p95 ms, all hits | slowest query, all hits |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for row in &rows {
        println!(
            "| {} | {} | {} | {:.3} | {:.4} | {:.4} | {:.4} | {} ({:.3} ms) |",
            row.name,
            row.n_documents,
            row.n_postings,
            ms(row.build),
            ms(row.query_median),
            ms(row.query_p95),
            ms(row.all_hits_p95),
            row.slowest_query,
            ms(row.slowest_query_time),
        );
    }
    println!();
    println!(
        "{} queries × {PAGE_RUNS} runs (page) / × {ARCHIVE_RUNS} runs (archive), each with the first \
         {HITS_SHOWN} hits in full (then again with all hits); build time is the median of as many \
         builds. Targets: ≤ 5 ms per query (page), ≤ 50 ms (200 pages).",
        QUERIES.len()
    );
    Ok(())
}

/// What one archive measured.
struct Row {
    name: String,
    n_documents: usize,
    n_postings: usize,
    build: Duration,
    query_median: Duration,
    query_p95: Duration,
    all_hits_p95: Duration,
    slowest_query: &'static str,
    slowest_query_time: Duration,
}

/// Builds the index of `pages` `runs` times and runs every query `runs` times on it, for
/// the hits a list shows and then for all hits.
fn measure(name: &str, pages: &[Page], runs: usize) -> Row {
    let mut builds = sorted_times(runs, || SearchIndex::new(black_box(pages)));
    let index = SearchIndex::new(pages);
    let (mut shown, _) = time_queries(&index, HITS_SHOWN, runs);
    let (mut all, slowest) = time_queries(&index, usize::MAX, runs);
    Row {
        name: name.to_string(),
        n_documents: index.n_documents(),
        n_postings: index.n_postings(),
        build: percentile(&mut builds, 50),
        query_median: percentile(&mut shown, 50),
        query_p95: percentile(&mut shown, 95),
        all_hits_p95: percentile(&mut all, 95),
        slowest_query: slowest.0,
        slowest_query_time: slowest.1,
    }
}

/// The time of every run of every query, and the slowest query with its time.
fn time_queries(
    index: &SearchIndex,
    limit: usize,
    runs: usize,
) -> (Vec<Duration>, (&'static str, Duration)) {
    let mut samples = Vec::new();
    let mut slowest = ("", Duration::ZERO);
    for query in QUERIES {
        for _ in 0..runs {
            let elapsed = time(|| index.search(black_box(query), limit));
            if elapsed > slowest.1 {
                slowest = (query, elapsed);
            }
            samples.push(elapsed);
        }
    }
    (samples, slowest)
}

/// `n_pages` pages shaped like `page` whose text is its own, recombined: page `k` gives
/// each paragraph the first half of one paragraph and the second half of another, picked
/// by `k`, and rotates titles and quotations, so every page is realistic Chinese and
/// different from the others. Deterministic.
fn synthetic_archive(page: &Page, n_pages: usize) -> Vec<Page> {
    let pool: Vec<Vec<char>> = page
        .items
        .iter()
        .flat_map(|item| item.paragraphs.iter())
        .map(|paragraph| paragraph.text.chars().collect())
        .collect();
    let titles: Vec<Option<String>> = page
        .items
        .iter()
        .map(|item| item.title.as_deref().map(Into::into))
        .collect();
    let mut n_paragraphs_made = 0usize;
    let mut recombined = |k: usize| -> String {
        n_paragraphs_made += 1;
        let first = &pool[(n_paragraphs_made * 7 + k) % pool.len()];
        let second = &pool[(n_paragraphs_made * 13 + k * 3 + 1) % pool.len()];
        first[..first.len() / 2]
            .iter()
            .chain(&second[second.len() / 2..])
            .collect()
    };
    (0..n_pages)
        .map(|k| {
            let items: Vec<Item> = page
                .items
                .iter()
                .enumerate()
                .map(|(item_idx, item)| Item {
                    id: format!("{}-{:04x}", item.kind.id_prefix(), k * 64 + item_idx),
                    title: titles[(item_idx + k) % titles.len()].clone(),
                    paragraphs: item
                        .paragraphs
                        .iter()
                        .map(|paragraph| Paragraph {
                            id: paragraph.id.clone(),
                            text: recombined(k),
                        })
                        .collect(),
                    quotations: rotated(&item.quotations, k),
                    ..item.clone()
                })
                .collect();
            Page {
                id: format!("{k:03}"),
                items,
                ..page.clone()
            }
        })
        .collect()
}

/// The quotations with their texts rotated by `k`, ids kept in place.
fn rotated(quotations: &[Quotation], k: usize) -> Vec<Quotation> {
    (0..quotations.len())
        .map(|idx| Quotation {
            text: quotations[(idx + k) % quotations.len()].text.clone(),
            ..quotations[idx].clone()
        })
        .collect()
}
