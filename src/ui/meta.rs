//! The title and description of each route, shared by the app (document title) and the
//! prerender step (each route file's `<title>` and description, which WeChat shows when
//! a link is shared).

use xuexi_core::content::{Item, ItemKind};
use xuexi_core::progress::QuizKey;

use super::library::Library;
use super::route::{QuizTarget, Route};

/// The app's name.
pub const APP_NAME: &str = "学习伴侣";

/// The document title of a route, e.g. `包袱卸下去 干劲鼓起来 · 学习伴侣`.
pub fn title(library: &Library, route: &Route) -> String {
    match heading(library, route) {
        Some(heading) => format!("{heading} · {APP_NAME}"),
        None => APP_NAME.to_string(),
    }
}

/// A short description of a route: the first words of its text.
pub fn description(library: &Library, route: &Route) -> Option<String> {
    const DESCRIPTION_CHARS: usize = 80;
    let teaser = |text: &str| text.chars().take(DESCRIPTION_CHARS).collect::<String>();
    match route {
        Route::Item { page, item, .. } => Some(teaser(first_text(library.item(page, item)?)?)),
        Route::Quotation {
            page,
            item,
            quotation,
        } => Some(teaser(&library.quotation(page, item, quotation)?.text)),
        Route::Quiz { page, quiz } => Some(format!(
            "{}：自测题目，答完当场给出讲解和成绩，记录只保存在本机。",
            quiz_name(library, page, quiz)?
        )),
        Route::Record => Some("我的学习记录：测验成绩、连续学习天数和阅读时间。".to_string()),
        Route::Recite {
            page,
            item,
            quotation,
        } => Some(format!(
            "背诵：{}",
            teaser(&library.quotation(page, item, quotation)?.text)
        )),
        Route::Review => Some("今日复习：按记忆规律安排的每周一学和错题复习。".to_string()),
        Route::Sheet { .. } => {
            Some("学习单：供三会一课打印的每周一学填空和测验题，附答案。".to_string())
        }
        Route::Mistakes => Some("错题本：各期答错的题，按期练习，直到答对。".to_string()),
        Route::Archive => Some("往期：每一期学习专版，都可以重新阅读、自测和复习。".to_string()),
        Route::Branch => Some(
            "支部汇总：把成员发到群里的学习码粘贴进来，汇总学习情况、错题和台账，不上传。"
                .to_string(),
        ),
        Route::Meeting => {
            Some("现场测验：书记选题生成测验码，党员输入后同题同序作答。".to_string())
        }
        Route::PageHome { page } => library
            .entry(page)
            .map(|entry| format!("{}：本期文章、每周一学和自测题。", entry.label())),
        Route::Home | Route::Favourites | Route::NotFound => None,
    }
}

/// The name of a quiz, e.g. `读后测：包袱卸下去 干劲鼓起来` or `综合测验`.
pub fn quiz_name(library: &Library, page_id: &str, quiz: &QuizTarget) -> Option<String> {
    Some(match quiz {
        QuizTarget::Item(item) => {
            format!("读后测：{}", library.entry(page_id)?.item(item)?.heading)
        }
        QuizTarget::Weekly => "每周一学测验".to_string(),
        QuizTarget::Mixed => "综合测验".to_string(),
        QuizTarget::Mistakes => "错题本".to_string(),
        QuizTarget::Meeting(_) => "现场测验".to_string(),
    })
}

/// The name of a quiz from its progress key (`000/quiz-mixed`), with the page it belongs
/// to: `读后测：包袱卸下去 干劲鼓起来（第9期）`.
pub fn quiz_name_of_key(library: &Library, key: &QuizKey) -> Option<String> {
    let (page, quiz) = (key.page(), QuizTarget::of(key.quiz()));
    Some(format!(
        "{}（{}）",
        quiz_name(library, page, &quiz)?,
        library.label(page)
    ))
}

/// The first paragraph of an item, or its first quotation.
pub fn first_text(item: &Item) -> Option<&str> {
    match item.kind {
        ItemKind::Quotations => item.quotations.first().map(|q| q.text.as_str()),
        _ => item.paragraphs.first().map(|p| p.text.as_str()),
    }
}

fn heading(library: &Library, route: &Route) -> Option<String> {
    match route {
        Route::Item { page, item, .. } => Some(library.entry(page)?.item(item)?.heading.clone()),
        Route::Quotation {
            page,
            item,
            quotation,
        } => {
            let quotation = library.quotation(page, item, quotation)?;
            Some(format!("每周一学 · {}", quotation.date.chinese()))
        }
        Route::Favourites => Some("我的收藏".to_string()),
        Route::Record => Some("学习记录".to_string()),
        Route::Quiz { page, quiz } => quiz_name(library, page, quiz),
        Route::Review => Some("今日复习".to_string()),
        Route::Mistakes => Some("错题本".to_string()),
        Route::Archive => Some("往期".to_string()),
        Route::Branch => Some("支部汇总".to_string()),
        Route::Meeting => Some("现场测验".to_string()),
        Route::PageHome { page } => Some(library.entry(page)?.label()),
        Route::Sheet { .. } => Some("学习单".to_string()),
        Route::Recite {
            page,
            item,
            quotation,
        } => {
            let position = library.item(page, item)?.quotation_index(quotation)?;
            Some(format!("背诵 · 每周一学第{}则", position + 1))
        }
        Route::NotFound => Some("没有找到这一页".to_string()),
        Route::Home => None,
    }
}
