//! The few browser facilities the app needs beyond the DOM and storage:
//! clock, randomness, dialogs, yielding to the browser and the offline
//! copy. Kept at the edge so the core never sees them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use profkarta_core::signed::keys::to_hex;
use profkarta_core::text::{one_line, quoted, shorten};

/// Now, as ISO 8601 in UTC: "2026-11-22T10:15:00.000Z".
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Local wall-clock time of an ISO timestamp, "14:05", for status lines.
pub fn local_hhmm(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// When a draft was saved, for «Сохранено …»: "в 14:05" today, as the
/// line says after each save, "22.11.2026 в 14:05" on another day.
pub fn saved_when(iso: &str) -> String {
    let (date, today) = (
        js_sys::Date::new(&JsValue::from_str(iso)),
        js_sys::Date::new_0(),
    );
    let day = |d: &js_sys::Date| (d.get_full_year(), d.get_month(), d.get_date());
    if day(&date) == day(&today) {
        format!("в {}", local_hhmm(iso))
    } else {
        local_datetime(iso).replacen(' ', " в ", 1)
    }
}

/// Local date and time of an ISO timestamp, "22.11.2026 14:05".
pub fn local_datetime(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}.{:02}.{} {}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        local_hhmm(iso)
    )
}

/// Today's local date as a file name sorts it: "2026-12-07".
pub fn local_day() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Files' moments are dated by the user's calendar from here on
/// ([`profkarta_core::text::local_day`]), as the deadlines and today are.
pub fn date_by_local_calendar() {
    let behind = js_sys::Date::new_0().get_timezone_offset();
    profkarta_core::text::set_utc_offset(-(behind as i32));
}

/// The current calendar year and month (1–12).
pub fn year_month() -> (u16, u8) {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    (year, month)
}

/// Cryptographically strong random bytes from `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .expect("crypto.getRandomValues is available in every supported browser");
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("getRandomValues fills 32 bytes");
    bytes
}

/// A random identifier, 32 hex digits.
pub fn random_id() -> String {
    to_hex(&random_bytes::<16>())
}

/// Lets the browser paint and handle input before work goes on, so a long
/// import keeps the page responsive and its progress bar moving.
///
/// A message posted to itself, not a zero timer: a timer set from a timer
/// waits at least 4 ms after five such levels, and the 500 batches of a
/// 10 000-file import waited about two seconds in all (an A/B of the same
/// build: 8.2 → 6.1 s, and 355 frames painted in those 6.1 s).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = web_sys::MessageChannel::new().is_ok_and(|channel| {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            channel.port2().post_message(&JsValue::NULL).is_ok()
        });
        if !posted {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Returns once the browser has painted a frame: the next animation frame's
/// callback runs before that frame's layout and paint, and a message
/// posted from it is handled after them. Work that can wait then does not delay what is
/// already on the page from showing. In a tab the browser does not show,
/// animation frames pause, and so does this until the tab is shown.
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let asked = web_sys::window().is_some_and(|w| w.request_animation_frame(&resolve).is_ok());
        if !asked {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(frame).await;
    // Still within the frame's callbacks: the message comes after its paint.
    next_frame().await;
}

/// Moves the keyboard focus to the element `id`, when the page has it.
pub fn focus_id(id: &str) {
    let element = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // An element of this page that can take the focus takes it.
        let _ = element.focus();
    }
}

/// Whether the element `id` has the keyboard focus.
pub fn has_focus(id: &str) -> bool {
    leptos::prelude::document()
        .active_element()
        .is_some_and(|e| e.id() == id)
}

/// Focuses the text box `id` once drawn with its text selected: a new
/// item's starting text («Новый показатель») is typed over, not after.
pub fn select_when_drawn(id: String) {
    leptos::prelude::request_animation_frame(move || {
        let text = leptos::prelude::document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        if let Some(text) = text {
            let _ = text.focus();
            text.select();
        }
    });
}

/// [`focus_id`] once drawn, if the focus fell to the page meanwhile: a
/// keyed list that reorders its rows moves the focused one, and the browser
/// blurs an element it moves.
pub fn refocus_if_lost(id: String) {
    leptos::prelude::request_animation_frame(move || focus_if_lost(&id));
}

/// [`focus_id`] if the focus is on nothing but the page.
fn focus_if_lost(id: &str) {
    let lost = leptos::prelude::document()
        .active_element()
        .is_none_or(|e| e.tag_name() == "BODY");
    if lost {
        focus_id(id);
    }
}

/// [`focus_id`] once the change that draws the element is drawn: a row
/// just added, or the neighbour of one just removed.
pub fn focus_when_drawn(id: String) {
    leptos::prelude::request_animation_frame(move || focus_id(&id));
}

/// Scrolls the element `id` just into view once it is drawn, if it is not
/// in view already; the focus stays where it is.
pub fn reveal_when_drawn(id: String) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = leptos::prelude::document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Scrolls the element `id` to the middle of the window once it is drawn
/// (a long table's lower rows come a frame or two after its first paint),
/// and gives it the focus if the focus fell to the page meanwhile (the
/// button that led here is gone), not if the user has it somewhere.
pub fn centre_when_drawn(id: String) {
    leptos::task::spawn_local(async move {
        for _ in 0..4 {
            after_paint().await;
            let Some(element) = leptos::prelude::document().get_element_by_id(&id) else {
                continue;
            };
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            focus_if_lost(&id);
            return;
        }
    });
}

/// [`focus_when_drawn`] after the `removed`-th item of a list went and
/// `left` remain: the item now in its place, or the last one (`item` gives
/// an item's id), or `none` when the list is empty.
pub fn focus_after_removal(
    removed: usize,
    left: usize,
    item: impl Fn(usize) -> String,
    none: &str,
) {
    focus_when_drawn(match left {
        0 => none.to_owned(),
        _ => item(removed.min(left - 1)),
    });
}

/// [`focus_when_drawn`] after the item at `from` moved one place up or
/// down: its arrow in the same direction, so that pressing it again moves
/// it further (at either end the arrow stays focusable and does nothing,
/// `aria-disabled`, rather than handing the focus to the other arrow, which
/// a key pressed again would use to move it back). `arrow` gives the id of
/// an item's "up" or "down" button.
pub fn focus_after_shift(from: usize, up: bool, arrow: impl Fn(usize, &str) -> String) {
    let (to, which) = if up {
        (from.saturating_sub(1), "up")
    } else {
        (from + 1, "down")
    };
    focus_when_drawn(arrow(to, which));
}

/// Swaps whether two `<details>` (by id) are open: their rows traded
/// places, and what was open goes with its row.
pub fn swap_open(a: &str, b: &str) {
    let document = leptos::prelude::document();
    let (Some(a), Some(b)) = (document.get_element_by_id(a), document.get_element_by_id(b)) else {
        return;
    };
    let (open_a, open_b) = (a.has_attribute("open"), b.has_attribute("open"));
    for (element, open) in [(a, open_b), (b, open_a)] {
        let _ = element.toggle_attribute_with_force("open", open);
    }
}

pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Asks before something filled in goes for good: «Удалить строку 2
/// „Ярмарка профессий“? Это нельзя отменить.», its text on one line and
/// shortened.
pub fn confirm_removal(what: &str, text: &str) -> bool {
    let text = one_line(text);
    let named = if text.is_empty() {
        what.to_owned()
    } else {
        format!("{what} {}", quoted(&shorten(&text, 60)))
    };
    confirm(&format!("Удалить {named}? Это нельзя отменить."))
}

pub fn prompt(question: &str, default: &str) -> Option<String> {
    web_sys::window().and_then(|w| {
        w.prompt_with_message_and_default(question, default)
            .ok()
            .flatten()
    })
}

/// Opens `url` in a new tab, cut off from this page (no `opener`); false
/// when the browser blocked it. `noopener` is not asked for in the call:
/// with it, the browser never says whether the tab opened.
pub fn open_tab(url: &str) -> bool {
    let Some(tab) =
        web_sys::window().and_then(|w| w.open_with_url_and_target(url, "_blank").ok().flatten())
    else {
        return false;
    };
    // The tab is open either way; failing to cut it off only leaves `opener`.
    let _ = tab.set_opener(&wasm_bindgen::JsValue::NULL);
    true
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Runs `stamp` each time the print dialog opens, for as long as the calling
/// component is on the page. It runs inside the `beforeprint` event, before
/// the browser lays the page out for paper: a signal set there would reach
/// the DOM in a microtask, and when the print comes from a button (a
/// `window.print()` inside a click) that is after the paper's layout.
pub fn on_before_print(stamp: impl Fn() + 'static) {
    let listener = leptos::prelude::window_event_listener_untyped("beforeprint", move |_| stamp());
    leptos::prelude::on_cleanup(move || listener.remove());
}

thread_local! {
    /// Whether [`set_print_foot`] has put its rule first in the stylesheet.
    static PRINT_FOOT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Writes `text` at the foot of every printed page, beside the page number
/// the stylesheet puts there (`@page` margin boxes), so that the sheets of
/// a long card still say whose they are once apart. The rule goes into the
/// page's stylesheet through the CSSOM: the Content-Security-Policy admits
/// no `<style>` written at run time.
pub fn set_print_foot(text: &str) {
    use wasm_bindgen::JsCast;
    let Some(sheet) = leptos::prelude::document()
        .style_sheets()
        .get(0)
        .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
    else {
        return;
    };
    if PRINT_FOOT.with(|f| f.replace(false)) {
        let _ = sheet.delete_rule(0);
    }
    let rule = format!(
        "@page {{ @bottom-left {{ content: \"{}\"; }} }}",
        profkarta_core::text::css_string(text)
    );
    let put = sheet.insert_rule_with_index(&rule, 0).is_ok();
    PRINT_FOOT.with(|f| f.set(put));
}

/// Prints one part of a long tab: the print style leaves out what the
/// root's `data-print` does not name. Desktop browsers return from `print`
/// when the dialog closes, so the mark is gone before anything else is
/// printed. A phone's browser returns at once and prints the whole tab;
/// waiting for `afterprint` instead was tried, but headless Chrome never
/// sends it, so the mark stayed and the e2e test could not see it go.
pub fn print_part(part: &str) {
    let root = leptos::prelude::document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute("data-print", part);
    }
    print();
    if let Some(root) = &root {
        let _ = root.remove_attribute("data-print");
    }
}

/// A parameter of the page's address, `?card=leninsk-kuznetsky`.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// Takes `name` out of the page's address, without reloading.
pub fn drop_query_param(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(url) = (window.location().href().ok()).and_then(|href| web_sys::Url::new(&href).ok())
    else {
        return;
    };
    url.search_params().delete(name);
    if let Ok(history) = window.history() {
        // Only the address changes: nothing to report if it cannot.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// The navigator, if it has `property`: the service worker and the storage
/// manager are absent outside a secure context (plain http on another host).
fn navigator_with(property: &str) -> Option<web_sys::Navigator> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str(property))
        .unwrap_or(false)
        .then_some(navigator)
}

/// Asks the browser, once per page, to keep this site's storage when the
/// disk runs low: without it, Chromium may clear a school's drafts or a
/// department's workspace of months without a word. Asked after the first
/// save, not on opening the page, because Firefox asks the user: by then
/// there is something to keep. Chromium decides by how the site is used;
/// nothing waits for the answer.
pub fn ask_to_keep_storage() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let Some(navigator) = navigator_with("storage") else {
        return;
    };
    if let Ok(asked) = navigator.storage().persist() {
        // An answer, either way, is not an error for the console.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(asked).await;
        });
    }
}

/// Registers the page's service worker (`sw.js` beside the page, written by
/// `scripts/offline.mjs`) once the browser is idle after the mount: on a
/// school's slow line, the worker's downloads would otherwise compete with
/// the page's own first load.
pub fn register_service_worker_when_idle() {
    let (Some(window), Some(navigator)) = (web_sys::window(), navigator_with("serviceWorker"))
    else {
        return;
    };
    let register = Closure::once_into_js(move || {
        let registered = JsFuture::from(navigator.service_worker().register("sw.js"));
        // A refusal (storage off, workers blocked) only means no offline
        // copy; awaiting it keeps the refusal out of the console.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = registered.await;
        });
    });
    let register = register.unchecked_ref();
    // Safari has no requestIdleCallback.
    if window.request_idle_callback(register).is_err() {
        let _ = window.set_timeout_with_callback(register);
    }
}

/// Watches an element and its children for changes of size until dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _changed: Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `changed` once at the start and whenever `element` or one of its
/// children changes size (rows added, a window narrowed, a zoom).
pub fn watch_size(
    element: &web_sys::Element,
    changed: impl FnMut() + 'static,
) -> Option<SizeWatch> {
    let changed = Closure::<dyn FnMut()>::new(changed);
    let observer = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    let children = element.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            observer.observe(&child);
        }
    }
    Some(SizeWatch {
        observer,
        _changed: changed,
    })
}

thread_local! {
    /// Whether a mouse button or a pen is down on the page: see
    /// [`after_press`]. Watched from the first field drawn.
    static PRESSED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Starts watching presses, once per page.
fn watch_presses() {
    if PRESSED
        .with(|p| p.replace(Some(p.get().unwrap_or(false))))
        .is_some()
    {
        return;
    }
    let set = |down: bool| move |_| PRESSED.with(|p| p.set(Some(down)));
    // Listeners for the page's life: never removed.
    std::mem::forget(leptos::prelude::window_event_listener(
        leptos::ev::pointerdown,
        set(true),
    ));
    std::mem::forget(leptos::prelude::window_event_listener(
        leptos::ev::pointerup,
        set(false),
    ));
    std::mem::forget(leptos::prelude::window_event_listener(
        leptos::ev::pointercancel,
        set(false),
    ));
    // A release the page never heard of (the window left mid-press) must
    // not hold messages back from the keyboard afterwards.
    let release = || PRESSED.with(|p| p.set(Some(false)));
    std::mem::forget(leptos::prelude::window_event_listener(
        leptos::ev::keydown,
        move |_| release(),
    ));
    std::mem::forget(leptos::prelude::window_event_listener(
        leptos::ev::blur,
        move |_| release(),
    ));
}

/// `value` as the page shows it: a change that comes while a press is on
/// (a field left by a click on a box below it) waits for the press's
/// click, or a message it adds or takes away above that box would move the
/// box from under the pointer, and the click would be lost.
pub fn held_while_pressed<T: Clone + Send + Sync + 'static>(
    value: leptos::prelude::Signal<T>,
) -> leptos::prelude::ReadSignal<T> {
    use leptos::prelude::*;
    watch_presses();
    let (shown, set_shown) = signal(value.get_untracked());
    Effect::new(move |_| {
        value.track();
        after_press(move || {
            // Gone with its page when that was drawn anew meanwhile.
            if let Some(now) = value.try_get_untracked() {
                set_shown.try_set(now);
            }
        });
    });
    shown
}

/// Runs `then` now, or, while a press is on (a field left by a click on a
/// box below it), once the press is over and its click has come.
fn after_press(then: impl FnOnce() + 'static) {
    if PRESSED.with(|p| p.get() != Some(true)) {
        return then();
    }
    // The click comes in the same task as the release.
    on_next_release(move |_| leptos::prelude::set_timeout(then, std::time::Duration::ZERO));
}

/// Runs `then` once, at the next release of a pointer anywhere on the page.
pub fn on_next_release(then: impl FnOnce(web_sys::PointerEvent) + 'static) {
    let once = std::cell::Cell::new(Some(then));
    let holder = std::rc::Rc::new(std::cell::Cell::new(
        None::<leptos::prelude::WindowListenerHandle>,
    ));
    let remove = std::rc::Rc::clone(&holder);
    holder.set(Some(leptos::prelude::window_event_listener(
        leptos::ev::pointerup,
        move |ev| {
            if let Some(handle) = remove.take() {
                handle.remove();
            }
            if let Some(then) = once.take() {
                then(ev);
            }
        },
    )));
}
