//! Imports raw pages made by hand from the seed, each varying what another week's page may
//! vary (no quotation box, more quotations or boxes, items in another order under other
//! column labels, layout cuts elsewhere), and checks that nothing is lost, that the items,
//! joins and flags are the ones printed, and that the content file reads back.

use xuexi_core::content::format;
use xuexi_core::content::import::{import, parse_date, FlagKind, Import, ImportOptions};
use xuexi_core::content::ItemKind;

mod common;

#[test]
fn a_page_without_a_quotation_box() {
    check(
        "no_quotation_box.txt",
        "
        article [学思践悟] 包袱卸下去 干劲鼓起来: 6 paragraphs
        article [微光成炬] 用心擦亮司法为民的“第一窗口”: 8 paragraphs
        photo 把温暖送到群众身边: 1 paragraph
        article [初心如磐] {赤峰市评选出首批…} 让坚强堡垒越筑越牢: 10 paragraphs
        photo [掠影] 亮身份 优服务: 1 paragraph
        article “薪火相传”为年轻干部加油提气: 6 paragraphs
        article [北疆党旗红] 家门口议事 网格内解题: 10 paragraphs
        article 土地进了“托管班” 农民有了“田保姆”: 6 paragraphs
        join 59+61 让坚强堡垒越筑越牢 p3: 色”“科学赋|分+换星定级
        join 65+67 让坚强堡垒越筑越牢 p5: 干事的“铁肩|膀”和能成事
        join 73+75 让坚强堡垒越筑越牢 p8: ，15名党员|示范带动65
        join 97+99 “薪火相传”为年轻干部加油提气 p3: 培训方案时，|就将培训分成
        join 103+105 “薪火相传”为年轻干部加油提气 p5: 部主体地位，|分行业分领域
        join 121+123 家门口议事 网格内解题 p4: ”公安小区居|民张阿姨满意
        join 131+133 家门口议事 网格内解题 p8: 制，推动更多|问题在网格内
        flag 129 家门口议事 网格内解题 p7: repeats line 119 (p3)
        markers: □×7 摄×2
        ",
    );
}

#[test]
fn one_box_with_four_quotations() {
    check(
        "four_quotations_in_one_box.txt",
        "
        article [学思践悟] 包袱卸下去 干劲鼓起来: 6 paragraphs
        article [微光成炬] 用心擦亮司法为民的“第一窗口”: 8 paragraphs
        photo 把温暖送到群众身边: 1 paragraph
        article [初心如磐] {赤峰市评选出首批…} 让坚强堡垒越筑越牢: 10 paragraphs
        quotations [每周一学]: 4 quotations
        photo [掠影] 亮身份 优服务: 1 paragraph
        article “薪火相传”为年轻干部加油提气: 6 paragraphs
        article [北疆党旗红] 家门口议事 网格内解题: 10 paragraphs
        article 土地进了“托管班” 农民有了“田保姆”: 6 paragraphs
        join 59+61 让坚强堡垒越筑越牢 p3: 色”“科学赋|分+换星定级
        join 65+67 让坚强堡垒越筑越牢 p5: 干事的“铁肩|膀”和能成事
        join 73+75 让坚强堡垒越筑越牢 p8: ，15名党员|示范带动65
        join 117+119 “薪火相传”为年轻干部加油提气 p3: 培训方案时，|就将培训分成
        join 123+125 “薪火相传”为年轻干部加油提气 p5: 部主体地位，|分行业分领域
        join 141+143 家门口议事 网格内解题 p4: ”公安小区居|民张阿姨满意
        join 151+153 家门口议事 网格内解题 p8: 制，推动更多|问题在网格内
        flag 149 家门口议事 网格内解题 p7: repeats line 139 (p3)
        markers: (来源：×1 )×1 ——×4 □×7 ★×4 摄×2 ，×4
        ",
    );
}

#[test]
fn two_quotation_boxes_one_opening_the_page() {
    check(
        "two_quotation_boxes.txt",
        "
        quotations [每周一学]: 2 quotations
        article [学思践悟] 包袱卸下去 干劲鼓起来: 6 paragraphs
        article [微光成炬] 用心擦亮司法为民的“第一窗口”: 8 paragraphs
        photo 把温暖送到群众身边: 1 paragraph
        article [初心如磐] {赤峰市评选出首批…} 让坚强堡垒越筑越牢: 10 paragraphs
        quotations [每周一学]: 1 quotation
        photo [掠影] 亮身份 优服务: 1 paragraph
        article “薪火相传”为年轻干部加油提气: 6 paragraphs
        article [北疆党旗红] 家门口议事 网格内解题: 10 paragraphs
        article 土地进了“托管班” 农民有了“田保姆”: 6 paragraphs
        join 71+73 让坚强堡垒越筑越牢 p3: 色”“科学赋|分+换星定级
        join 77+79 让坚强堡垒越筑越牢 p5: 干事的“铁肩|膀”和能成事
        join 85+87 让坚强堡垒越筑越牢 p8: ，15名党员|示范带动65
        join 117+119 “薪火相传”为年轻干部加油提气 p3: 培训方案时，|就将培训分成
        join 123+125 “薪火相传”为年轻干部加油提气 p5: 部主体地位，|分行业分领域
        join 141+143 家门口议事 网格内解题 p4: ”公安小区居|民张阿姨满意
        join 151+153 家门口议事 网格内解题 p8: 制，推动更多|问题在网格内
        flag 149 家门口议事 网格内解题 p7: repeats line 139 (p3)
        markers: (来源：×2 )×2 ——×3 □×7 ★×3 摄×2 ，×3
        ",
    );
}

#[test]
fn items_in_another_order_under_other_column_labels() {
    // Photo news opens and closes the page, an article follows the quotation box
    // directly, and two columns are new: 乡村振兴 and 基层·治理 (with a middle dot).
    check(
        "reordered_items_and_other_columns.txt",
        "
        photo [掠影] 亮身份 优服务: 1 paragraph
        article [乡村振兴] 土地进了“托管班” 农民有了“田保姆”: 6 paragraphs
        quotations [每周一学]: 3 quotations
        article [初心如磐] {赤峰市评选出首批…} 让坚强堡垒越筑越牢: 10 paragraphs
        article [基层·治理] 家门口议事 网格内解题: 10 paragraphs
        article [微光成炬] 用心擦亮司法为民的“第一窗口”: 8 paragraphs
        article “薪火相传”为年轻干部加油提气: 6 paragraphs
        article [学思践悟] 包袱卸下去 干劲鼓起来: 6 paragraphs
        photo 把温暖送到群众身边: 1 paragraph
        join 55+57 让坚强堡垒越筑越牢 p3: 色”“科学赋|分+换星定级
        join 61+63 让坚强堡垒越筑越牢 p5: 干事的“铁肩|膀”和能成事
        join 69+71 让坚强堡垒越筑越牢 p8: ，15名党员|示范带动65
        join 89+91 家门口议事 网格内解题 p4: ”公安小区居|民张阿姨满意
        join 99+101 家门口议事 网格内解题 p8: 制，推动更多|问题在网格内
        join 137+139 “薪火相传”为年轻干部加油提气 p3: 培训方案时，|就将培训分成
        join 143+145 “薪火相传”为年轻干部加油提气 p5: 部主体地位，|分行业分领域
        flag 97 家门口议事 网格内解题 p7: repeats line 87 (p3)
        markers: (来源：×1 )×1 ——×3 □×7 ★×3 摄×2 ，×3
        ",
    );
}

#[test]
fn layout_cuts_in_other_places() {
    // The seed's three cuts in 让坚强堡垒越筑越牢 are mended; new ones cut an article's
    // first paragraph, one paragraph twice, both photo captions, a quotation and an
    // attribution.
    check(
        "layout_cuts_elsewhere.txt",
        "
        article [学思践悟] 包袱卸下去 干劲鼓起来: 6 paragraphs
        article [微光成炬] 用心擦亮司法为民的“第一窗口”: 8 paragraphs
        photo 把温暖送到群众身边: 1 paragraph
        article [初心如磐] {赤峰市评选出首批…} 让坚强堡垒越筑越牢: 10 paragraphs
        quotations [每周一学]: 3 quotations
        photo [掠影] 亮身份 优服务: 1 paragraph
        article “薪火相传”为年轻干部加油提气: 6 paragraphs
        article [北疆党旗红] 家门口议事 网格内解题: 10 paragraphs
        article 土地进了“托管班” 农民有了“田保姆”: 6 paragraphs
        join 7+9 包袱卸下去 干劲鼓起来 p1: ……连日来，|鄂尔多斯市杭
        join 39+41+43 用心擦亮司法为民的“第一窗口” p7: 子送回家中；|面对不懂诉讼 车前往办案，|并多次与用人
        join 49+51 把温暖送到群众身边 p1: 放宣传资料、|义诊等形式，
        join 89+91 每周一学 q2: 实际相结合，|悟原理、求真
        join 97+99 每周一学 q3: 次会议内蒙古|代表团审议时
        join 107+109 亮身份 优服务 p1: 自助终端机，|并围绕企业、
        join 121+123 “薪火相传”为年轻干部加油提气 p3: 培训方案时，|就将培训分成
        join 127+129 “薪火相传”为年轻干部加油提气 p5: 部主体地位，|分行业分领域
        join 145+147 家门口议事 网格内解题 p4: ”公安小区居|民张阿姨满意
        join 155+157 家门口议事 网格内解题 p8: 制，推动更多|问题在网格内
        flag 153 家门口议事 网格内解题 p7: repeats line 143 (p3)
        markers: (来源：×1 )×1 ——×3 □×7 ★×3 摄×2 ，×3
        ",
    );
}

#[test]
fn mended_and_moved_cuts_change_no_text_of_the_seed() {
    // These fixtures only move the seed's items, labels and cuts, so each of their items
    // holds the same text as the seed's item with the same id.
    let seed = import(common::SEED.as_bytes(), &options()).unwrap().page;
    for fixture in [
        "no_quotation_box.txt",
        "reordered_items_and_other_columns.txt",
        "layout_cuts_elsewhere.txt",
    ] {
        let page = import(&read_fixture(fixture), &options()).unwrap().page;
        for item in page.items.iter() {
            let same = seed.item(&item.id).expect("an item of the seed");
            assert_eq!(
                (&item.paragraphs, &item.quotations, &item.title, &item.deck),
                (&same.paragraphs, &same.quotations, &same.title, &same.deck),
                "{fixture}: {}",
                item.heading()
            );
        }
    }
}

#[test]
fn line_endings_a_byte_order_mark_and_blank_lines_change_nothing() {
    for fixture in FIXTURES {
        let raw = String::from_utf8(read_fixture(fixture)).unwrap();
        let expected = import(raw.as_bytes(), &options()).unwrap();
        let windows = format!("\u{feff}{}", raw.replace('\n', "\r\n"));
        let packed: String = raw
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| format!("  {line}\t\n"))
            .collect();
        for variant in [windows, packed] {
            let imported = import(variant.as_bytes(), &options()).unwrap();
            assert_eq!(imported.file, expected.file, "{fixture}");
            assert_eq!(
                imported.report.flags.len(),
                expected.report.flags.len(),
                "{fixture}"
            );
            assert_eq!(imported.report.proof, expected.report.proof, "{fixture}");
        }
    }
}

// Regression tests for what the fixtures found: the importer was tuned to the seed.

#[test]
fn a_quotation_cut_by_the_layout_was_refused_for_want_of_its_attribution() {
    let raw = "每周一学\n★学习创造了历史，\n\n更要依靠学习走向未来。\n——2019年2月27日，习近平为教材所作的序言\n(来源：共产党员网)\n";
    let imported = import(raw.as_bytes(), &options()).unwrap();
    let quotation = &imported.page.items[0].quotations[0];
    assert_eq!(quotation.text, "学习创造了历史，更要依靠学习走向未来。");
    assert_eq!(
        joins(&imported),
        ["join 2+4 每周一学 q1: 创造了历史，|更要依靠学习"]
    );
}

#[test]
fn an_attribution_cut_by_the_layout_was_refused_for_want_of_its_source() {
    let raw = "★一段话。\n——2019年3月5日，习近平在参加内蒙古\n代表团审议时的讲话\n★另一段话。\n——2019年1月2日，习近平致信\n(来源：共产党员网)\n";
    let imported = import(raw.as_bytes(), &options()).unwrap();
    let quotations = &imported.page.items[0].quotations;
    assert_eq!(quotations.len(), 2);
    assert_eq!(quotations[0].occasion, "在参加内蒙古代表团审议时的讲话");
    assert_eq!(
        joins(&imported),
        ["join 2+3 每周一学 q1: 在参加内蒙古|代表团审议时"]
    );
}

#[test]
fn the_first_piece_of_a_cut_photo_caption_was_taken_for_its_title() {
    // Before, the caption's first piece became the title, and the real title with its
    // column label was joined onto the end of the article above.
    let raw = "标题\n□本报记者 宋爽\n正文。\n掠影\n亮身份 优服务\n为深化创建，\n\n帮助市民使用终端机，\n推进集成化办理。\n丁根厚 摄\n";
    let imported = import(raw.as_bytes(), &options()).unwrap();
    assert_eq!(
        items(&imported),
        [
            "article 标题: 1 paragraph",
            "photo [掠影] 亮身份 优服务: 1 paragraph"
        ]
    );
    assert_eq!(
        joins(&imported),
        ["join 6+8+9 亮身份 优服务 p1: 为深化创建，|帮助市民使用 使用终端机，|推进集成化办"]
    );
}

#[test]
fn a_column_label_with_a_middle_dot_was_taken_for_a_deck() {
    let raw = "标题\n□本报记者 宋爽\n正文。\n基层·治理\n家门口议事\n□本报记者 潘佳\n正文。\n";
    let imported = import(raw.as_bytes(), &options()).unwrap();
    assert_eq!(
        items(&imported),
        [
            "article 标题: 1 paragraph",
            "article [基层·治理] 家门口议事: 1 paragraph"
        ]
    );
}

const FIXTURES: [&str; 5] = [
    "no_quotation_box.txt",
    "four_quotations_in_one_box.txt",
    "two_quotation_boxes.txt",
    "reordered_items_and_other_columns.txt",
    "layout_cuts_elsewhere.txt",
];

/// Imports `fixture` and checks that nothing is lost, that it imports to `expected` (items,
/// joins, flags and markers as [`summary`] writes them) and that its content file reads back.
fn check(fixture: &str, expected: &str) {
    let raw = read_fixture(fixture);
    let imported = import(&raw, &options()).unwrap_or_else(|e| panic!("{fixture}:{e}"));

    let proof = &imported.report.proof;
    let n_input = String::from_utf8(raw)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    assert_eq!(
        proof.content_chars + proof.marker_chars,
        n_input,
        "{fixture}"
    );

    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(summary(&imported), expected, "{fixture}");

    let reread = format::parse(&imported.file).unwrap_or_else(|e| panic!("{fixture}: {e}"));
    assert_eq!(reread, imported.page, "{fixture}");
    assert_eq!(format::write(&reread), imported.file, "{fixture}");
    assert_eq!(reread.date, options().date);
    assert_eq!(reread.issue, options().issue);
}

/// The import in short: one line per item, join and flag, then the markers of the proof.
fn summary(imported: &Import) -> Vec<String> {
    let page = &imported.page;
    let heading_of = |item_id: &str| page.item(item_id).map_or("?", |item| item.heading());
    let flags = imported.report.flags.iter().map(|flag| {
        let what = match &flag.kind {
            FlagKind::NearDuplicate {
                other_line,
                other_item_id,
                other_paragraph_id,
                ..
            } if *other_item_id == flag.item_id => {
                format!("repeats line {other_line} ({other_paragraph_id})")
            }
            other => format!("{other:?}"),
        };
        format!(
            "flag {} {} {}: {what}",
            flag.line,
            heading_of(&flag.item_id),
            flag.paragraph_id
        )
    });
    let markers: Vec<String> = imported
        .report
        .proof
        .markers
        .iter()
        .map(|(marker, n)| format!("{marker}×{n}"))
        .collect();
    items(imported)
        .into_iter()
        .chain(joins(imported))
        .chain(flags)
        .chain([format!("markers: {}", markers.join(" "))])
        .collect()
}

/// Each item as `kind [column] {deck…} heading: n paragraphs` (or quotations).
fn items(imported: &Import) -> Vec<String> {
    imported
        .page
        .items
        .iter()
        .map(|item| {
            let column = item
                .column
                .as_deref()
                .filter(|_| item.title.is_some())
                .map_or(String::new(), |column| format!("[{column}] "));
            let deck = item.deck.as_deref().map_or(String::new(), |deck| {
                format!("{{{}…}} ", deck.chars().take(8).collect::<String>())
            });
            let (heading, n, unit) = match item.kind {
                ItemKind::Quotations => (
                    format!("[{}]", item.heading()),
                    item.quotations.len(),
                    "quotation",
                ),
                _ => (
                    item.heading().to_string(),
                    item.paragraphs.len(),
                    "paragraph",
                ),
            };
            let plural = if n == 1 { "" } else { "s" };
            format!(
                "{} {column}{deck}{heading}: {n} {unit}{plural}",
                item.kind.keyword()
            )
        })
        .collect()
}

/// Each join as `join 1+3 heading p2: seam seam`.
fn joins(imported: &Import) -> Vec<String> {
    imported
        .report
        .joins
        .iter()
        .map(|join| {
            let lines: Vec<String> = join.lines.iter().map(usize::to_string).collect();
            let heading = imported
                .page
                .item(&join.item_id)
                .map_or("?", |item| item.heading());
            format!(
                "join {} {heading} {}: {}",
                lines.join("+"),
                join.paragraph_id,
                join.seams.join(" ")
            )
        })
        .collect()
}

fn options() -> ImportOptions {
    ImportOptions {
        page_id: "fixture".to_string(),
        page_title: "本期学习".to_string(),
        date: Some(parse_date("2024-03-12").unwrap()),
        issue: Some("第9期".to_string()),
        source_file: None,
    }
}

fn read_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/raw/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
