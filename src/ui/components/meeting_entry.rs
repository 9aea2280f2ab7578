//! Where a member types the meeting code of a 现场测验 (or sees why the code in the link
//! cannot be read); a good code opens that meeting's quiz.

use yew::prelude::*;

use crate::ui::hooks::keep_typed;
use crate::ui::nav::use_navigator;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use xuexi_core::branch::MeetingCode;

#[derive(Properties, PartialEq)]
pub struct MeetingEntryProps {
    /// The meeting route, with the code from its link if any.
    pub quiz: QuizTarget,
}

/// Where a member types the meeting code the secretary gave out.
#[function_component(MeetingEntry)]
pub fn meeting_entry(props: &MeetingEntryProps) -> Html {
    let navigator = use_navigator();
    let draft = use_state(String::new);
    // A code from the link that cannot be read, until the member types one.
    let given_error = match &props.quiz {
        QuizTarget::Meeting(Some(code)) => MeetingCode::parse(code).err().map(|e| e.to_string()),
        _ => None,
    };
    let error = use_state(|| None::<String>);
    let oninput = keep_typed(&draft);
    let onsubmit = {
        let (draft, error) = (draft.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match MeetingCode::parse(&draft) {
                // The code names its page: a code of another page opens that page's quiz.
                Ok(meeting) => {
                    error.set(None);
                    navigator.go(Route::Quiz {
                        page: meeting.page_id(),
                        quiz: QuizTarget::Meeting(Some(meeting.to_string())),
                    });
                }
                Err(why) => {
                    error.set(Some(why.to_string()));
                    platform::focus("meeting-code");
                }
            }
        })
    };
    html! {
        <form class="meeting-entry" {onsubmit}>
            <p>{ "现场测验：输入书记给出的测验码，大家的题目和顺序都一样。" }</p>
            <label for="meeting-code">{ "现场测验码" }</label>
            <input id="meeting-code" class="text-input" type="text" autocomplete="off" autocapitalize="characters"
                maxlength="10" placeholder="例如 K3M-9QXT" value={(*draft).clone()} {oninput}
                aria-describedby="meeting-code-error" />
            <button type="submit" class="button primary" id="meeting-code-go">{ "开始" }</button>
            <p class="form-error" id="meeting-code-error" role="alert">{ (*error).clone().or(given_error).unwrap_or_default() }</p>
        </form>
    }
}
