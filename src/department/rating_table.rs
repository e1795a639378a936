//! The rating of schools: sortable by the name and every column of numbers,
//! filtered by level, indicator, criterion, profile and name.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use profkarta_core::card::Level;
use profkarta_core::department::results::Filter;
use profkarta_core::department::results::Ranked;
use profkarta_core::department::school::SchoolId;
use profkarta_core::department::tables::{without_last_year_mark, MISMATCH, WITHOUT_LAST_YEAR};
use profkarta_core::department::view::rating::{
    choice_value, criterion_choice, describe, indicator_choice, parse_choice, parse_level,
    profile_choice, rows, set_profile, Sort, SortBy,
};
use profkarta_core::department::view::selection::{Walk, WalkFrom};
use profkarta_core::export::push_escaped;
use profkarta_core::text::{criterion_heading, percent};

use crate::department::filter_choice::FilterChoice;
use crate::department::state::Dept;
use crate::platform::browser::{centre_when_drawn, print_part};
use crate::shared::column_heads::ColumnHeads;
use crate::shared::deferred::rows_to_draw;
use crate::shared::table_scroll::TableScroll;

/// The button of the school last reviewed from the rating.
const RATING_BACK: &str = "rating-back";

#[component]
pub fn RatingTable() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card.
    let card = dept.card.get_untracked();
    // The coordinator's sort and filter stay as other tabs are visited.
    let (sort, filter) = dept.rating_view();
    let now = filter.get_untracked();
    let rows = Memo::new(move |_| dept.rating.with(|r| rows(r, &filter.read(), &sort.read())));
    // The first screenful of rows paints before the rest is built.
    let shown = rows_to_draw();
    // `name`: what a screen reader says for a short label («К1 — …»),
    // whose words are in the legend under the table, out of its way.
    let header = move |label: String, name: Option<String>, by: SortBy| {
        let this = by.clone();
        let numbers = by != SortBy::Name;
        view! {
            <th scope="col" class:num=numbers aria-sort=move || sort.with(|s| s.aria(&this))>
                <button type="button" class="sort" aria-label=name on:click=move |_| sort.update(|s| *s = s.clicked(by.clone()))>{label}</button>
            </th>
        }
    };
    let criteria: Vec<String> = card.scored_criteria().map(|c| c.code.clone()).collect();
    // «К1 — Преемственность…»: the legend's and the sort buttons' names.
    let named: Vec<String> = (card.scored_criteria())
        .map(|c| format!("{} — {}", criterion_heading(&c.code), c.title.trim()))
        .collect();
    let criteria_legend = format!("Критерии: {}.", named.join("; "));
    let version = card.version;
    let with_levels = card.levels.is_some();
    let choices = |codes: &[String], words: fn(&str, bool) -> String| {
        codes
            .iter()
            .flat_map(|code| [true, false].map(|yes| (choice_value(code, yes), words(code, yes))))
            .collect::<Vec<_>>()
    };
    let indicator_codes: Vec<String> = card.scored_indicators().map(|i| i.code.clone()).collect();
    let indicator_options = choices(&indicator_codes, indicator_choice);
    let criterion_options = choices(&criteria, criterion_choice);
    let level_options: Vec<(String, String)> = Level::ALL
        .map(|l| (l.key().to_owned(), l.label().to_owned()))
        .to_vec();
    // The card's profile questions: the levels, ОВЗ and its own.
    let flags = card.profile_flags().into_owned();
    let profile_options: Vec<(String, String)> = flags
        .iter()
        .map(|f| (f.key.clone(), profile_choice(f)))
        .collect();
    let chosen = |choice: &Option<(String, bool)>| {
        choice
            .as_ref()
            .map_or(String::new(), |(code, yes)| choice_value(code, *yes))
    };
    let profile_chosen = now
        .profile
        .as_ref()
        .map_or(String::new(), |f| f.key.clone());
    let headers = {
        let mut h = vec![
            header("Место".into(), None, SortBy::Rank),
            header("Школа".into(), None, SortBy::Name),
        ];
        h.extend((card.scored_criteria()).zip(named).map(|(c, name)| {
            header(
                criterion_heading(&c.code),
                Some(name),
                SortBy::Criterion(c.code.clone()),
            )
        }));
        h
    };
    // Back from schools opened here: the rating where it was left, at the
    // school last open in the review.
    let back_at = untrack(|| dept.walk())
        .filter(|(walk, _)| walk.from == WalkFrom::Rating)
        .map(|(_, open)| open);
    if back_at.is_some() {
        centre_when_drawn(RATING_BACK.to_owned());
    }
    // «Следующая школа» goes on down the rating as it is shown. One listener
    // for every school's button: the rows are markup (see `rows_markup`).
    let open_clicked = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-submission]").ok().flatten())
            .and_then(|b| b.get_attribute("data-submission"))
        else {
            return;
        };
        let schools =
            rows.with_untracked(|rows| rows.iter().map(|r| r.result.school.clone()).collect());
        let walk = Walk {
            from: WalkFrom::Rating,
            schools,
        };
        dept.review_school(id, walk);
    };
    let pick = move |set: fn(&mut Filter, &str)| {
        Callback::new(move |v: String| filter.update(|f| set(f, &v)))
    };
    let pick_profile =
        Callback::new(move |v: String| filter.update(|f| set_profile(f, &flags, &v)));
    view! {
        <div class="filters no-print" role="search">
            {with_levels.then(|| view! {
                <FilterChoice id="filter-level" label="Уровень" options=level_options
                    chosen=now.level.map_or(String::new(), |l| l.key().to_owned())
                    on_pick=pick(|f, v| f.level = parse_level(v))/>
            })}
            <FilterChoice id="filter-indicator" label="Показатель" options=indicator_options
                chosen=chosen(&now.indicator) on_pick=pick(|f, v| f.indicator = parse_choice(v))/>
            <FilterChoice id="filter-criterion" label="Критерий" options=criterion_options
                chosen=chosen(&now.criterion) on_pick=pick(|f, v| f.criterion = parse_choice(v))/>
            <FilterChoice id="filter-profile" label="Профиль" options=profile_options
                chosen=profile_chosen on_pick=pick_profile/>
            <label>"Поиск "
                <input type="search" id="filter-search" placeholder="часть названия"
                    prop:value=now.search.clone()
                    on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))/>
            </label>
        </div>
        // The selects are not printed; what they chose is.
        <p class="print-only" data-testid="rating-filter">{move || describe(&filter.read())}</p>
        <div class="rating-count-line">
            <p class="rating-count" role="status">{move || format!(
                "Показано школ: {} из {}; порядок — {}.",
                rows.with(Vec::len),
                dept.rating.with(Vec::len),
                sort.with(Sort::describe)
            )}</p>
            // The whole tab prints to about ten pages; a meeting needs the table.
            <button type="button" class="no-print" on:click=move |_| print_part("rating")>"Печать рейтинга"</button>
        </div>
        <TableScroll label="Рейтинг школ">
            <table class="rating" data-testid="rating">
                <caption class="visually-hidden">"Рейтинг школ"</caption>
                <thead>
                    <tr>
                        {headers}
                        {header("Баллы".into(), None, SortBy::Points)}
                        // The share is the rank's own order: «Место» sorts by it.
                        <ColumnHeads names=&["%"] numbers=true/>
                        {with_levels.then(|| view! { <th scope="col">"Уровень"</th> })}
                        <ColumnHeads names=&["Проверка"]/>
                    </tr>
                </thead>
                <tbody on:click=open_clicked inner_html=move || {
                    rows.with(|rows| rows_markup(&rows[..rows.len().min(shown())], &criteria, version, with_levels, back_at.as_ref()))
                }></tbody>
            </table>
        </TableScroll>
        // «К1»…«К7» stand over the columns: their names, on screen and paper.
        <p class="muted criteria-legend" data-testid="criteria-legend">{criteria_legend}</p>
        // The mark's meaning is on the page, not in a tooltip alone, which
        // neither the keyboard nor paper shows.
        <Show when=move || rows.with(|r| r.iter().any(|r| r.result.mismatch))>
            <p class="muted" data-testid="mismatch-note">{format!("⚠ — {MISMATCH}: в рейтинге — баллы по ответам школы или после проверки.")}</p>
        </Show>
        <Show when=move || rows.with(|r| r.iter().any(|r| !r.result.without_last_year().is_empty()))>
            <p class="muted" data-testid="without-last-year-note">{format!("«вне максимума: …» — {WITHOUT_LAST_YEAR}")}</p>
        </Show>
        <Show when=move || rows.with(|r| r.iter().any(|r| r.result.version != version))>
            <p class="muted" data-testid="other-version-note">{format!(
                "«(версия N)» — школа заполнила другую версию карты, не {version}: её баллы, максимум и \
                 критерии — по правилам той версии; выполнение показателя, который версии оценивают \
                 по-разному, в показателях по муниципалитету считается по правилам версии {version}. \
                 Попросите школу перейти на версию {version} и выгрузить карту заново."
            )}</p>
        </Show>
    }
}

/// The rating's rows as markup, set at once. Built as Leptos views, the 301
/// rows of a large municipality took 226 ms of script per sort at CPU ×4
/// (about 9 000 nodes, each with its boxed attributes); the browser parses
/// the same rows from a string in a fraction of it. Nothing in a row is
/// reactive, and its one control, the school's button, is answered by the
/// table body's listener.
fn rows_markup(
    rows: &[Ranked],
    criteria: &[String],
    version: u32,
    with_levels: bool,
    back_at: Option<&SchoolId>,
) -> String {
    let mut html = String::new();
    for r in rows {
        let s = &r.result.score;
        let level = s.level.map_or("none", Level::key);
        let back = back_at == Some(&r.result.school);
        html.push_str(&format!("<tr data-level=\"{level}\""));
        if back {
            html.push_str(" class=\"back\" aria-current=\"true\"");
        }
        html.push_str(&format!(
            "><td class=\"num\" data-col=\"rank\">{}</td>",
            r.rank
        ));
        html.push_str(
            "<th scope=\"row\" class=\"school\"><button type=\"button\" class=\"link-button\"",
        );
        if back {
            html.push_str(&format!(" id=\"{RATING_BACK}\""));
        }
        html.push_str(" data-submission=\"");
        push_escaped(&mut html, &r.result.submission_id);
        html.push_str("\">");
        push_escaped(&mut html, r.result.name());
        html.push_str("</button>");
        if r.result.mismatch {
            html.push_str("<span class=\"flag\" title=\"");
            push_escaped(&mut html, MISMATCH);
            html.push_str(
                "\"><span aria-hidden=\"true\"> ⚠</span><span class=\"visually-hidden\"> (",
            );
            push_escaped(&mut html, MISMATCH);
            html.push_str(")</span></span>");
        }
        if r.result.version != version {
            html.push_str(&format!(
                "<span class=\"flag\" data-testid=\"other-version\"> (версия {})</span>",
                r.result.version
            ));
        }
        let without = r.result.without_last_year();
        if !without.is_empty() {
            html.push_str("<span class=\"flag\" data-testid=\"without-last-year\"> (");
            push_escaped(&mut html, &without_last_year_mark(&without));
            html.push_str(")</span>");
        }
        html.push_str("</th>");
        // «—» where none of the criterion applies: «0/0» read as missed.
        for code in criteria {
            html.push_str("<td class=\"num\" data-col=\"criterion-");
            push_escaped(&mut html, code);
            match r.result.criterion(code) {
                Some((points, max)) if max > 0 => {
                    html.push_str(&format!("\">{points}/{max}</td>"));
                }
                _ => html.push_str(
                    "\" title=\"не применимо\"><span aria-hidden=\"true\">—</span>\
                     <span class=\"visually-hidden\">не применимо</span></td>",
                ),
            }
        }
        html.push_str(&format!(
            "<td class=\"num\" data-col=\"total\">{} из {}</td><td class=\"num\" data-col=\"percent\">{}</td>",
            s.total,
            s.max_applicable,
            percent(s.total.into(), s.max_applicable.into())
        ));
        if with_levels {
            html.push_str(&format!(
                "<td class=\"level level-{level}\">{}</td>",
                s.level.map_or("—", Level::label)
            ));
        }
        html.push_str("<td>");
        push_escaped(&mut html, r.result.status.label());
        html.push_str("</td></tr>");
    }
    html
}
