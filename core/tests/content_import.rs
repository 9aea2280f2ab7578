//! Pins the import of the seed page: items, titles, bylines, quotations, every repaired
//! paragraph, the flagged repeat, and the nothing-lost proof; and checks that the
//! committed content file is exactly what the importer makes of the seed.

use xuexi_core::content::import::{
    import, parse_date, parse_issue, FlagKind, Import, ImportOptions,
};
use xuexi_core::content::{format, ItemKind, Role};

mod common;
use common::PAGE_FILE as CONTENT_FILE;
use common::SEED;

fn seed_import() -> Import {
    import(SEED.as_bytes(), &seed_options()).expect("the seed imports")
}

fn seed_options() -> ImportOptions {
    ImportOptions {
        page_id: "000".to_string(),
        page_title: "本期学习".to_string(),
        date: None,
        issue: None,
        source_file: Some("000_e55f98a2df814c2a.txt".to_string()),
    }
}

#[test]
fn committed_content_file_is_a_fresh_import_of_the_seed() {
    assert_eq!(seed_import().file, CONTENT_FILE);
    assert_eq!(format::parse(CONTENT_FILE).unwrap(), seed_import().page);
    // Page 000's date and issue number are not known, and are never guessed.
    let page = seed_import().page;
    assert_eq!((page.date, page.issue), (None, None));
}

#[test]
fn the_date_and_issue_given_at_import_are_written_and_read_back() {
    let options = ImportOptions {
        date: Some(parse_date("2024-03-12").unwrap()),
        issue: Some(parse_issue(" 第9期 ").unwrap()),
        ..seed_options()
    };
    let imported = import(SEED.as_bytes(), &options).unwrap();
    let head: Vec<&str> = imported.file.lines().take(5).collect();
    assert_eq!(
        head,
        [
            "# 本期学习",
            "id: 000",
            "date: 2024-03-12",
            "issue: 第9期",
            "source_file: 000_e55f98a2df814c2a.txt"
        ]
    );
    let reread = format::parse(&imported.file).unwrap();
    assert_eq!(
        reread.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-12")
    );
    assert_eq!(reread.issue.as_deref(), Some("第9期"));
    assert_eq!(reread, imported.page);
    assert_eq!(format::write(&reread), imported.file);
    // Nothing else changes: without those two lines it is the committed file.
    assert_eq!(
        imported
            .file
            .replace("date: 2024-03-12\nissue: 第9期\n", ""),
        CONTENT_FILE
    );
}

#[test]
fn items_in_page_order_with_kinds_columns_and_titles() {
    let page = seed_import().page;
    let got: Vec<(ItemKind, Option<&str>, &str)> = page
        .items
        .iter()
        .map(|i| (i.kind, i.column.as_deref(), i.heading()))
        .collect();
    use ItemKind::*;
    assert_eq!(
        got,
        [
            (Article, Some("学思践悟"), "包袱卸下去 干劲鼓起来"),
            (Article, Some("微光成炬"), "用心擦亮司法为民的“第一窗口”"),
            (PhotoNews, None, "把温暖送到群众身边"),
            (Article, Some("初心如磐"), "让坚强堡垒越筑越牢"),
            (Quotations, Some("每周一学"), "每周一学"),
            (PhotoNews, Some("掠影"), "亮身份 优服务"),
            (Article, None, "“薪火相传”为年轻干部加油提气"),
            (Article, Some("北疆党旗红"), "家门口议事 网格内解题"),
            (Article, None, "土地进了“托管班” 农民有了“田保姆”"),
        ]
    );
    let decks: Vec<&str> = page
        .items
        .iter()
        .filter_map(|i| i.deck.as_deref())
        .collect();
    assert_eq!(
        decks,
        ["赤峰市评选出首批100个坚强堡垒示范支部，通过亮职责任务、晒工作成效、比贡献担当，推动各领域基层党组织全面进步、全面过硬"]
    );
    let n_paragraphs: Vec<usize> = page.items.iter().map(|i| i.paragraphs.len()).collect();
    assert_eq!(n_paragraphs, [6, 8, 1, 10, 0, 1, 6, 10, 6]);
}

#[test]
fn bylines_with_labels_and_roles() {
    let page = seed_import().page;
    let got: Vec<Vec<(Role, Option<&str>, &str)>> = page
        .items
        .iter()
        .map(|i| {
            i.bylines
                .iter()
                .map(|b| (b.role, b.label.as_deref(), b.name.as_str()))
                .collect()
        })
        .collect();
    use Role::*;
    let reporter = |name| vec![(Reporter, Some("本报记者"), name)];
    assert_eq!(
        got,
        [
            reporter("宋爽"),
            reporter("王皓"),
            vec![(Photographer, Some("本报记者"), "杨柳")],
            reporter("宋爽"),
            vec![],
            vec![(Photographer, None, "丁根厚")],
            reporter("许敬"),
            vec![
                (Reporter, Some("本报记者"), "潘佳"),
                (Correspondent, Some("通讯员"), "祁雯")
            ],
            vec![
                (Reporter, Some("本报记者"), "安冀东"),
                (Correspondent, Some("通讯员"), "曾令刚")
            ],
        ]
    );
}

#[test]
fn quotations_with_dates_speakers_occasions_and_source() {
    let page = seed_import().page;
    let quotation_box = page
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Quotations)
        .unwrap();
    let got: Vec<(String, &str, &str, &str)> = quotation_box
        .quotations
        .iter()
        .map(|q| {
            (
                q.date.to_string(),
                q.speaker.as_str(),
                q.occasion.as_str(),
                q.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "2019-01-02".into(),
                "习近平",
                "致中国社会科学院中国历史研究院成立的贺信",
                "q1"
            ),
            (
                "2019-02-27".into(),
                "习近平",
                "为第五批全国干部学习培训教材所作的序言",
                "q2"
            ),
            (
                "2019-03-05".into(),
                "习近平",
                "在参加十三届全国人大二次会议内蒙古代表团审议时的讲话",
                "q3"
            ),
        ]
    );
    assert_eq!(quotation_box.source.as_deref(), Some("共产党员网"));
    assert!(quotation_box.quotations[0]
        .text
        .starts_with("新时代坚持和发展中国特色社会主义"));
    assert!(quotation_box.quotations[2]
        .text
        .ends_with("再创辉煌的重要保证。"));
}

#[test]
fn every_paragraph_the_layout_cut_is_joined_and_listed() {
    let imported = seed_import();
    let got: Vec<(Vec<usize>, String, &str, String)> = imported
        .report
        .joins
        .iter()
        .map(|j| {
            (
                j.lines.clone(),
                j.item_id.clone(),
                j.paragraph_id.as_str(),
                j.seams.join(" "),
            )
        })
        .collect();
    let ids: Vec<&str> = imported.page.items.iter().map(|i| i.id.as_str()).collect();
    let (steadfast, torch, talks) = (ids[3], ids[6], ids[7]);
    assert_eq!(
        got,
        [
            (
                vec![63, 65],
                steadfast.to_string(),
                "p3",
                "色”“科学赋|分+换星定级".to_string()
            ),
            (
                vec![69, 71],
                steadfast.to_string(),
                "p5",
                "干事的“铁肩|膀”和能成事".to_string()
            ),
            (
                vec![77, 79],
                steadfast.to_string(),
                "p8",
                "，15名党员|示范带动65".to_string()
            ),
            (
                vec![119, 121],
                torch.to_string(),
                "p3",
                "培训方案时，|就将培训分成".to_string()
            ),
            (
                vec![125, 127],
                torch.to_string(),
                "p5",
                "部主体地位，|分行业分领域".to_string()
            ),
            (
                vec![143, 145],
                talks.to_string(),
                "p4",
                "”公安小区居|民张阿姨满意".to_string()
            ),
            (
                vec![153, 155],
                talks.to_string(),
                "p8",
                "制，推动更多|问题在网格内".to_string()
            ),
        ]
    );
    let joined = imported.page.items[3].paragraph("p5").unwrap();
    assert!(joined
        .text
        .contains("练就了能干事的“铁肩膀”和能成事的“真本领”。"));
}

#[test]
fn the_repeated_paragraph_is_flagged_and_left_unchanged() {
    let imported = seed_import();
    let talks = &imported.page.items[7];
    assert_eq!(imported.report.flags.len(), 1);
    let flag = &imported.report.flags[0];
    assert_eq!(
        (flag.line, flag.item_id.as_str(), flag.paragraph_id.as_str()),
        (151, talks.id.as_str(), "p7")
    );
    let FlagKind::NearDuplicate {
        other_line,
        other_paragraph_id,
        percent,
        ..
    } = &flag.kind
    else {
        panic!("expected a near-duplicate flag, got {:?}", flag.kind);
    };
    assert_eq!((*other_line, other_paragraph_id.as_str()), (141, "p3"));
    assert!(*percent >= 90, "{percent}");
    assert!(talks
        .paragraph("p7")
        .unwrap()
        .text
        .starts_with("赛罕区建立了“议、办、督、评”四步工作法"));
    assert!(talks
        .paragraph("p3")
        .unwrap()
        .text
        .starts_with("“民事民议”是“议、办、督、评”四步工作法"));
}

#[test]
fn nothing_is_lost_every_character_is_content_or_a_marker() {
    let proof = seed_import().report.proof;
    let n_input = SEED.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(proof.content_chars + proof.marker_chars, n_input);
    let markers: Vec<(&str, usize)> = proof
        .markers
        .iter()
        .map(|(m, n)| (m.as_str(), *n))
        .collect();
    assert_eq!(
        markers,
        [
            ("(来源：", 1),
            (")", 1),
            ("——", 3),
            ("□", 7),
            ("★", 3),
            ("摄", 2),
            ("，", 3)
        ]
    );
}

#[test]
fn every_paragraph_of_the_seed_is_in_the_content_verbatim() {
    // Independent of the proof: each long raw line is inside some paragraph, quotation
    // or header field of the imported page.
    let page = seed_import().page;
    let mut haystack = String::new();
    for item in page.items.iter() {
        for field in [&item.column, &item.deck, &item.title]
            .into_iter()
            .flatten()
        {
            haystack.push_str(field);
            haystack.push('\n');
        }
        for p in item.paragraphs.iter() {
            haystack.push_str(&p.text);
            haystack.push('\n');
        }
        for q in item.quotations.iter() {
            haystack.push_str(&q.text);
            haystack.push('\n');
        }
    }
    for line in SEED
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 30 && !l.starts_with("——"))
    {
        let line = line.trim_start_matches('★');
        assert!(haystack.contains(line), "lost: {line}");
    }
}

#[test]
fn ids_are_stable_and_unique() {
    let first = seed_import().page;
    let again = seed_import().page;
    let ids: Vec<&str> = first.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        again
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
    );
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().all(|id| format::is_valid_id(id)));
}
