//! The time left in a 现场测验 with a time limit: ticks each second and says when the time
//! is up, which the quiz turns into `Action::TimeUp`.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::ui::platform;

#[derive(Properties, PartialEq)]
pub struct MeetingClockProps {
    /// When the time is up, in the clock's milliseconds.
    pub deadline_ms: u64,
    /// Called with the time once the deadline has passed.
    pub ontimeup: Callback<u64>,
}

#[function_component(MeetingClock)]
pub fn meeting_clock(props: &MeetingClockProps) -> Html {
    let now = use_state(|| None::<u64>);
    // Time is up once: ticks that come before the quiz has re-rendered say nothing more.
    let fired = use_mut_ref(|| false);
    {
        let (now, deadline, ontimeup) = (now.clone(), props.deadline_ms, props.ontimeup.clone());
        use_effect_with(deadline, move |_| {
            let tick = move || {
                let time = platform::now_ms();
                now.set(Some(time));
                if time >= deadline && !std::mem::replace(&mut *fired.borrow_mut(), true) {
                    ontimeup.emit(time);
                }
            };
            tick();
            let interval = Interval::new(1000, tick);
            move || drop(interval)
        });
    }
    let Some(now) = *now else {
        return html! {};
    };
    let left = props.deadline_ms.saturating_sub(now).div_ceil(1000);
    html! {
        <p class="meeting-clock" role="timer" aria-live="off" id="meeting-clock">
            { format!("剩余时间 {}:{:02}", left / 60, left % 60) }
        </p>
    }
}
