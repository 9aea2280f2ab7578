//! Search: queries over page 000 find the right items, paragraphs and quotations,
//! rank them, highlight exactly the original characters, and never panic on odd input.

use std::sync::OnceLock;
use xuexi_core::content::{Item, Page, Paragraph};

use xuexi_core::search::{query_terms, Field, Hit, SearchIndex, Target};

mod common;

/// The index of page 000, built once for all tests.
fn index_000() -> &'static SearchIndex<'static> {
    static INDEX: OnceLock<SearchIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new([common::page()]))
}

/// The paragraphs of the 第一窗口 article that name 张雷, most mentions first.
const ZHANG_LEI: &str = "a-7n4l/p4 a-7n4l/p8 a-7n4l/p3 a-7n4l/p6 a-7n4l/p7 a-7n4l/p5";
/// The title and paragraphs of the 托管班 article that say 托管.
const TUOGUAN: &str = "a-e0uy/title a-e0uy/p1 a-e0uy/p2 a-e0uy/p4 a-e0uy/p6";

/// Where a hit points, written `item/title`, `item/p3` or `item/q1`, with `page:` in front
/// when the page is not the bundled `000`.
fn address(hit: &Hit) -> String {
    let target = match hit.target {
        Target::Title => "title",
        Target::Paragraph(id) | Target::Quotation(id) => id,
    };
    let page = if hit.page_id == "000" {
        String::new()
    } else {
        format!("{}:", hit.page_id)
    };
    format!("{page}{}/{target}", hit.item_id)
}

/// Every hit of `query`, best first.
fn all_hits<'a>(index: &SearchIndex<'a>, query: &str) -> Vec<Hit<'a>> {
    let results = index.search(query, usize::MAX);
    assert_eq!(results.hits.len(), results.n_hits, "{query:?}");
    results.hits
}

/// The bundled page's hits for `query`, best first, are exactly `expected`: addresses
/// separated by spaces.
fn check(query: &str, expected: &str) {
    check_in(index_000(), query, expected);
}

fn check_in(index: &SearchIndex, query: &str, expected: &str) {
    let hits = all_hits(index, query);
    let got: Vec<String> = hits.iter().map(address).collect();
    assert_eq!(got.join(" "), expected, "query {query:?}");
}

/// The char ranges highlighted in one field of a hit, as `(start, end)`.
fn ranges(hit: &Hit, field: Field) -> Vec<(usize, usize)> {
    hit.highlights_in(field)
        .map(|range| (range.start, range.end))
        .collect()
}

/// The characters of `range` of the original text of `field` of the hit's document.
fn highlighted(hit: &Hit, field: Field, range: std::ops::Range<usize>) -> String {
    let page = common::page();
    let item = page.item(hit.item_id).unwrap();
    let text: String = match (hit.target, field) {
        (Target::Title, Field::Title) => item.title.as_deref().unwrap().into(),
        (Target::Title, Field::Deck) => item.deck.as_deref().unwrap().into(),
        (Target::Title, Field::Column) => item.column.as_deref().unwrap().into(),
        (Target::Paragraph(id), Field::Text) => item.paragraph(id).unwrap().text.to_string(),
        (Target::Quotation(id), field) => {
            let quotation = item.quotation(id).unwrap();
            match field {
                Field::Text => quotation.text.to_string(),
                Field::Occasion => quotation.occasion.to_string(),
                Field::Speaker => quotation.speaker.to_string(),
                Field::Date => quotation.date.chinese(),
                _ => panic!("quotations have no {field:?}"),
            }
        }
        (target, field) => panic!("{target:?} has no {field:?}"),
    };
    text.chars().skip(range.start).take(range.len()).collect()
}

/// Every highlight of every hit for `query`, in the document and in the snippet, covers
/// exactly these original characters.
fn check_highlights(query: &str, expected: &str) {
    let hits = all_hits(index_000(), query);
    assert!(!hits.is_empty(), "query {query:?} has hits");
    for hit in &hits {
        assert_eq!(
            hit.highlights.len(),
            hit.n_occurrences,
            "{query:?} in {}",
            address(hit)
        );
        for h in &hit.highlights {
            assert_eq!(
                highlighted(hit, h.field, h.range.clone()),
                expected,
                "{query:?} in {}",
                address(hit)
            );
        }
        assert!(
            !hit.snippet.highlights.is_empty(),
            "{query:?}: snippet of {} shows a match",
            address(hit)
        );
        for range in &hit.snippet.highlights {
            let shown: String = hit
                .snippet
                .text
                .chars()
                .skip(range.start)
                .take(range.len())
                .collect();
            assert_eq!(shown, expected, "{query:?}: snippet {:?}", hit.snippet.text);
        }
    }
}

fn check_snippet(query: &str, address_of_hit: &str, expected: &str) {
    let hits = all_hits(index_000(), query);
    let hit = hits
        .iter()
        .find(|hit| address(hit) == address_of_hit)
        .unwrap();
    assert_eq!(hit.snippet.text, expected, "{query:?} in {address_of_hit}");
}

#[test]
fn two_character_queries_find_items_paragraphs_and_quotations() {
    check("托管", TUOGUAN);
    check("贺信", "q-6sst/q1");
    check("张雷", ZHANG_LEI);
    check("民事民议", "a-i5x2/p2 a-i5x2/p3 a-i5x2/p8 a-i5x2/p10");
    check("减负", "a-byfe/p3 a-byfe/p4");
    check("干劲", "a-byfe/title a-byfe/p1 a-byfe/p6 a-ljd1/p5");
    check("每周一学", "q-6sst/title");
    check("习近平", "q-6sst/q1 q-6sst/q2 q-6sst/q3");
    check("共产党员网", "");
}

#[test]
fn numbers_and_dates() {
    check("2023", "a-7n4l/p6 a-byfe/p6 a-7n4l/p8");
    check("２０２３", "a-7n4l/p6 a-byfe/p6 a-7n4l/p8");
    check("99.73%", "a-7n4l/p6");
    check("2019年1月2日", "q-6sst/q1");
    check("２０１９年３月", "q-6sst/q3");
}

#[test]
fn spaces_and_punctuation_are_ignored() {
    check("“四个意识”", "q-6sst/q2");
    check("四个意识", "q-6sst/q2");
    check("悟原理、求真理", "q-6sst/q2");
    check("悟原理求真理", "q-6sst/q2");
    check("《社区工作者管理考核办法》", "a-byfe/p5");
    check("下去干劲", "a-byfe/title a-byfe/p6");
    check("议事网格", "a-i5x2/title");
    check("张雷，", ZHANG_LEI);
}

#[test]
fn every_term_must_occur_in_the_same_document() {
    check("四个 意识", "q-6sst/q2");
    check("社区 减负", "a-byfe/p4 a-byfe/p3");
    check("张雷 2023", "a-7n4l/p6 a-7n4l/p8");
    check("张雷\u{3000}２０２３", "a-7n4l/p6 a-7n4l/p8");
    check("习近平 贺信", "q-6sst/q1");
    check("托管 张雷", "");
    check("托管 托管", TUOGUAN);
}

#[test]
fn one_character_terms() {
    check("雷", ZHANG_LEI);
    check(
        "托",
        "a-e0uy/title a-e0uy/p1 a-e0uy/p4 a-i5x2/p8 a-e0uy/p2 a-e0uy/p6",
    );
    check("锡", "a-byfe/p1 a-byfe/p2");
    check("牢", "a-ljd1/title a-7n4l/p4 p-jt9r/p1 a-ljd1/p5");
    check("庭", "a-7n4l/p3 a-7n4l/p5 a-7n4l/p8 a-7n4l/p1 a-7n4l/p7");
    check("雷 %", ZHANG_LEI);
    check("张 雷 庭", "a-7n4l/p8 a-7n4l/p3 a-7n4l/p7 a-7n4l/p5");
    check("鑫", "");
}

#[test]
fn queries_with_nothing_to_search_for_find_nothing() {
    for query in [
        "",
        " ",
        "\u{3000}",
        "\t\n",
        "，。",
        "“”",
        "……",
        "《》、",
        "!?",
        "— · ★",
    ] {
        check(query, "");
        assert!(query_terms(query).is_empty(), "{query:?}");
    }
    assert_eq!(query_terms(" “四个意识” 张雷 张雷 "), ["四个意识", "张雷"]);
    check("无此词语", "");
}

#[test]
fn matches_do_not_cross_fields_or_documents() {
    // The title ends with 越牢 and the deck starts with 赤峰.
    check("越牢赤峰", "");
    // Paragraph p1 of a-7n4l ends with 没走 and p2 starts with 还在.
    check("没走还在", "");
    // The quotation's speaker is 习近平 and its date follows it.
    check("习近平2019", "");
}

#[test]
fn highlights_cover_exactly_the_original_characters() {
    for query in [
        "托管",
        "张雷",
        "贺信",
        "民事民议",
        "2023",
        "习近平",
        "干劲",
        "雷",
        "党",
        "堡垒",
        "每周一学",
    ] {
        check_highlights(query, query);
    }
    check_highlights("２０２３", "2023");
    check_highlights("“四个意识”", "四个意识");
    check_highlights("悟原理求真理", "悟原理、求真理");
    check_highlights("议事网格", "议事 网格");
    check_highlights("99.73%", "99.73");
    check_highlights("2019年1月", "2019年1月");
}

#[test]
fn highlights_point_into_the_right_fields() {
    let hits = all_hits(index_000(), "堡垒");
    let title = &hits[0];
    assert_eq!(title.target, Target::Title);
    assert_eq!(ranges(title, Field::Title), [(3, 5)]);
    assert_eq!(ranges(title, Field::Deck), [(14, 16)]);
    assert_eq!(title.highlights_in(Field::Column).count(), 0);

    let hits = all_hits(index_000(), "习近平 贺信");
    assert_eq!(ranges(&hits[0], Field::Speaker), [(0, 3)]);
    assert_eq!(ranges(&hits[0], Field::Occasion), [(18, 20)]);
    assert_eq!(hits[0].snippet.field, Field::Occasion);

    let hits = all_hits(index_000(), "张雷");
    let p4 = hits
        .iter()
        .find(|hit| hit.target == Target::Paragraph("p4"))
        .unwrap();
    assert_eq!(ranges(p4, Field::Text), [(23, 25), (82, 84), (123, 125)]);
}

#[test]
fn headings_rank_first_then_more_occurrences_then_page_order() {
    let item_order = |hit: &Hit| common::page().item_index(hit.item_id).unwrap();
    for query in ["党", "社区", "堡垒", "张雷", "托", "模范", "服务", "学习"] {
        let hits = all_hits(index_000(), query);
        for pair in hits.windows(2) {
            let rank = |hit: &Hit| {
                (
                    hit.target != Target::Title,
                    std::cmp::Reverse(hit.n_occurrences),
                )
            };
            assert!(
                rank(&pair[0]) <= rank(&pair[1]),
                "{query:?}: {} before {}",
                address(&pair[0]),
                address(&pair[1])
            );
            if rank(&pair[0]) == rank(&pair[1]) {
                assert!(
                    item_order(&pair[0]) <= item_order(&pair[1]),
                    "{query:?}: page order"
                );
            }
        }
    }
    check(
        "堡垒",
        "a-ljd1/title a-ljd1/p2 a-ljd1/p4 a-ljd1/p8 a-ljd1/p1 a-ljd1/p3 a-ljd1/p5 a-ljd1/p10 p-h3lr/p1");
    check("模范", "a-ljd1/p6 a-ljd1/p4 a-ljd1/p7 a-ljd1/p8 p-h3lr/p1");
}

#[test]
fn a_limit_keeps_the_best_hits_and_counts_them_all() {
    let all = all_hits(index_000(), "张雷");
    let first_two = index_000().search("张雷", 2);
    assert_eq!(first_two.hits, all[..2]);
    assert_eq!(first_two.n_hits, 6);
    let none = index_000().search("党", 0);
    assert!(none.hits.is_empty());
    assert_eq!(none.n_hits, 35);
}

#[test]
fn snippets_show_the_text_around_the_first_match() {
    check_snippet(
        "贺信",
        "q-6sst/q1",
        "致中国社会科学院中国历史研究院成立的贺信",
    );
    check_snippet("托管", "a-e0uy/title", "土地进了“托管班” 农民有了“田保姆”");
    check_snippet("托管", "a-e0uy/p1", "…“我也是股东啦，把自家土地托管出去，省心又省力。”刚刚签完托管合同的村民梁绍明高兴地说。今年，该村又…");
    check_snippet("张雷", "a-7n4l/p5", "…这就需要法官及时了解群众的诉求，不厌其烦地为他们释法析理，以群众满意为出发点和落脚点。”张雷说。");
    check_snippet("2023", "a-7n4l/p6", "2023年7月，张雷主动要求调整自己的办案比例至200%。即使面对陡增的案件量，他仍然保持高度负责的…");
    for query in ["党", "社区", "张雷", "工作 群众"] {
        for hit in all_hits(index_000(), query) {
            let text = &hit.snippet.text;
            let n_chars = text.chars().count();
            assert!(
                (1..=62).contains(&n_chars),
                "{query:?}: {text:?} has {n_chars} chars"
            );
            for range in &hit.snippet.highlights {
                assert!(range.end <= n_chars, "{query:?}: {range:?} inside {text:?}");
            }
        }
    }
}

#[test]
fn odd_input_never_panics() {
    let long_han: String = "社区治理".repeat(5_000);
    let long_ascii = "a".repeat(100_000);
    let many_terms: String = common::page().items[0].paragraphs[0]
        .text
        .chars()
        .flat_map(|c| [c, ' '])
        .collect();
    let queries = [
        "\0",
        "\u{feff}张雷",
        "e\u{301}",
        "🙂🙂",
        "👨‍👩‍👧",
        "\u{202e}雷张",
        "\u{ffff}\u{10ffff}",
        "𠀀𠀁",
        "ＡＢＣ ａｂｃ",
        "\u{200b}托\u{200b}管",
        long_han.as_str(),
        long_ascii.as_str(),
        many_terms.as_str(),
    ];
    for query in queries {
        let hits = all_hits(index_000(), query);
        assert!(hits.len() <= index_000().n_documents(), "{query:?}");
    }
    check("社区治理".repeat(5_000).as_str(), "");
    check(many_terms.as_str(), "a-byfe/p1");
}

#[test]
fn an_archive_of_pages_is_searched_in_archive_order() {
    let archive = [
        common::page().clone(),
        renamed(common::page(), "001"),
        page_of("002", &["托管以后，张雷又来了。", "张雷"]),
    ];
    let index = SearchIndex::new(&archive);
    assert_eq!(index.n_documents(), 2 * index_000().n_documents() + 2);
    check_in(&index, "贺信", "q-6sst/q1 001:q-6sst/q1");
    check_in(&index, "托管 张雷", "002:a-test/p1");
    check_in(&index, "民事民议 公安", "a-i5x2/p2 001:a-i5x2/p2");
    check_in(&SearchIndex::new(&[]), "托管", "");
}

/// A copy of `page` under another page id.
fn renamed(page: &Page, id: &'static str) -> Page {
    Page {
        id: id.into(),
        ..page.clone()
    }
}

/// A page with one untitled article of these paragraphs.
fn page_of(id: &'static str, paragraphs: &[&'static str]) -> Page {
    let paragraphs: Vec<Paragraph> = paragraphs
        .iter()
        .enumerate()
        .map(|(idx, text)| Paragraph {
            id: format!("p{}", idx + 1),
            text: text.to_string(),
        })
        .collect();
    let item = Item {
        id: "a-test".into(),
        kind: xuexi_core::content::ItemKind::Article,
        column: None,
        deck: None,
        title: None,
        bylines: Vec::new(),
        paragraphs,
        quotations: Vec::new(),
        source: None,
    };
    Page {
        id: id.into(),
        title: "测试".into(),
        publication: None,
        date: None,
        issue: None,
        source_file: None,
        items: vec![item],
    }
}
