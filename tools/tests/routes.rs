//! Routes: URLs parse to the right place whatever junk WeChat appends, every route that
//! has a file round-trips through its URL, and every item and quotation has one.

use xuexi::ui::route::{QuizTarget, Route};
use xuexi_core::content::Page;
use xuexi_tools::content_dir;

/// Every page of the repository's archive.
fn pages() -> Vec<Page> {
    content_dir::read(&content_dir::repository_content_dir())
        .unwrap()
        .into_iter()
        .map(|files| files.page)
        .collect()
}

fn item(page: &str, item: &str, paragraph: Option<&str>) -> Route {
    Route::Item {
        page: page.into(),
        item: item.into(),
        paragraph: paragraph.map(Into::into),
        highlight: None,
    }
}

fn highlighted(page: &str, item: &str, paragraph: &str, words: &str) -> Route {
    Route::Item {
        page: page.into(),
        item: item.into(),
        paragraph: Some(paragraph.into()),
        highlight: Some(words.into()),
    }
}

fn check(url: &str, expected: Route) {
    assert_eq!(Route::parse(url), expected, "{url}");
}

#[test]
fn urls_parse_to_routes() {
    check("", Route::Home);
    check("index.html", Route::Home);
    check("?from=singlemessage&isappinstalled=0", Route::Home);
    check("index.html?from=timeline", Route::Home);
    check("000/a-byfe.html", item("000", "a-byfe", None));
    check(
        "000/a-byfe.html?from=singlemessage&isappinstalled=0",
        item("000", "a-byfe", None),
    );
    check("000/a-byfe.html?p=p3", item("000", "a-byfe", Some("p3")));
    check(
        "000/a-byfe.html?from=groupmessage&p=p3&isappinstalled=0",
        item("000", "a-byfe", Some("p3")),
    );
    check("000/a-byfe.html?p=<script>", item("000", "a-byfe", None));
    check("000/a-byfe.html#p3", item("000", "a-byfe", None));
    check("branch.html?from=singlemessage", Route::Branch);
    check("meeting.html", Route::Meeting);
    let meeting = |code: Option<&str>| Route::Quiz {
        page: "000".into(),
        quiz: QuizTarget::Meeting(code.map(Into::into)),
    };
    check("000/quiz-meeting.html", meeting(None));
    check(
        "000/quiz-meeting.html?from=groupmessage&m=K3M-9QXT",
        meeting(Some("K3M-9QXT")),
    );
    assert_eq!(
        meeting(Some("K3M-9QXT")).href(),
        "000/quiz-meeting.html?m=K3M-9QXT"
    );
    assert_eq!(
        meeting(Some("K3M-9QXT")).file().as_deref(),
        Some("000/quiz-meeting.html")
    );
    assert_eq!(meeting(Some("K3M-9QXT")).without_focus(), meeting(None));
    check(
        "000/q-6sst-q2.html?from=singlemessage",
        Route::Quotation {
            page: "000".into(),
            item: "q-6sst".into(),
            quotation: "q2".into(),
        },
    );
    check("000/q-6sst.html", item("000", "q-6sst", None));
    check(
        "000/a-byfe.html?p=p3&q=%E6%89%98%E7%AE%A1",
        highlighted("000", "a-byfe", "p3", "托管"),
    );
    check(
        "000/a-byfe.html?q=%E6%89%98%E7%AE%A1&p=p3&from=timeline",
        highlighted("000", "a-byfe", "p3", "托管"),
    );
    check(
        "000/a-byfe.html?p=p3&q=%E6%89",
        item("000", "a-byfe", Some("p3")),
    );
    check(
        "000/a-byfe.html?p=p3&q=%ZZ",
        item("000", "a-byfe", Some("p3")),
    );
    check("favourites.html?from=singlemessage", Route::Favourites);
    check("record.html", Route::Record);
    check("review.html?from=singlemessage", Route::Review);
    check("000/sheet.html", Route::Sheet { page: "000".into() });
    check(
        "000/recite-q-6sst-q2.html",
        Route::Recite {
            page: "000".into(),
            item: "q-6sst".into(),
            quotation: "q2".into(),
        },
    );
    check("000/recite-q-6sst.html", item("000", "recite-q-6sst", None));
    let quiz = |quiz| Route::Quiz {
        page: "000".into(),
        quiz,
    };
    check(
        "000/quiz-a-byfe.html?from=timeline",
        quiz(QuizTarget::Item("a-byfe".into())),
    );
    check("000/quiz-weekly.html", quiz(QuizTarget::Weekly));
    check("000/quiz-mixed.html", quiz(QuizTarget::Mixed));
    check("000/mistakes.html", quiz(QuizTarget::Mistakes));
    check("000/quiz-.html", item("000", "quiz-", None));
    check("000/a-byfe", Route::NotFound);
    check("a/b/c.html", Route::NotFound);
}

#[test]
fn every_route_round_trips_through_its_url() {
    let extra = [
        highlighted("000", "a-byfe", "p3", "社区 减负"),
        highlighted("000", "a-byfe", "p3", "a&b=c?d%"),
    ];
    for route in Route::all(&pages()).into_iter().chain(extra) {
        assert_eq!(Route::parse(&route.href()), route);
        let file = route.without_focus().file().unwrap();
        assert!(file == "index.html" || file.ends_with(".html"), "{file}");
        assert_eq!(route.depth(), file.matches('/').count());
    }
}

#[test]
fn every_item_and_quotation_has_a_route() {
    let pages = pages();
    let routes = Route::all(&pages);
    let n_items: usize = pages.iter().map(|p| p.items.len()).sum();
    let n_quotations: usize = pages
        .iter()
        .flat_map(|p| p.items.iter())
        .map(|i| i.quotations.len())
        .sum();
    let n_item_quizzes = n_items - 1;
    assert_eq!(
        routes.len(),
        // home, favourites, record, review, mistakes, archive, branch, meeting; the page's home
        // and sheet; each item; each quotation twice (its page, its recitation); weekly, mixed,
        // mistakes, meeting; a 读后测 per item but the box.
        8 + 2 + n_items + 2 * n_quotations + 4 + n_item_quizzes
    );
    assert_eq!((n_items, n_quotations), (9, 3));
}
