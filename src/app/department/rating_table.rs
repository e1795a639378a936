//! The rating of schools: sortable by any column, filtered by level,
//! indicator, criterion, profile and name.

use leptos::prelude::*;

use crate::app::department::state::{Dept, Tab};
use profkarta_core::card::Level;
use profkarta_core::department::results::{compare_share, Filter, Ranked};
use profkarta_core::school::profile::SchoolLevel;
use profkarta_core::text::percent;

#[derive(Debug, Clone, PartialEq, Eq)]
enum SortBy {
    Rank,
    Name,
    Criterion(String),
}

#[component]
pub fn RatingTable() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.archive.with_untracked(|a| a.card().clone());
    let sort = RwSignal::new((SortBy::Rank, false));
    let filter = RwSignal::new(Filter::default());
    let rows = Memo::new(move |_| {
        let f = filter.get();
        let (by, descending) = sort.get();
        let mut rows: Vec<Ranked> = dept
            .rating
            .get()
            .into_iter()
            .filter(|r| f.matches(&r.result))
            .collect();
        match &by {
            SortBy::Rank => {}
            SortBy::Name => rows.sort_by(|a, b| a.result.name().cmp(b.result.name())),
            SortBy::Criterion(code) => rows.sort_by(|a, b| {
                let of = |r: &Ranked| r.result.criterion(code).unwrap_or((0, 0));
                compare_share(of(b), of(a))
            }),
        }
        if descending {
            rows.reverse();
        }
        rows
    });
    let header = move |label: String, by: SortBy| {
        let this = by.clone();
        let aria = move || {
            let (current, descending) = sort.get();
            if current != this {
                "none"
            } else if descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let by_click = by.clone();
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|(current, descending)| {
                    if *current == by_click {
                        *descending = !*descending;
                    } else {
                        *current = by_click.clone();
                        *descending = false;
                    }
                })>{label}</button>
            </th>
        }
    };
    let criteria: Vec<String> = card.criteria().map(|c| c.code.clone()).collect();
    let indicator_options = card
        .indicators()
        .flat_map(|i| {
            [(true, "выполнен"), (false, "не выполнен")].map(|(earned, word)| {
                let value = format!("{}|{}", i.code, u8::from(earned));
                view! { <option value=value>{format!("{} {word}", i.code)}</option> }
            })
        })
        .collect_view();
    let criterion_options = criteria
        .iter()
        .flat_map(|code| {
            [
                (true, "выполнен полностью"),
                (false, "выполнен не полностью"),
            ]
            .map(|(full, word)| {
                let value = format!("{code}|{}", u8::from(full));
                view! { <option value=value>{format!("Критерий {code} {word}")}</option> }
            })
        })
        .collect_view();
    let pair = |v: String| {
        v.split_once('|')
            .map(|(code, flag)| (code.to_owned(), flag == "1"))
    };
    let headers = {
        let mut h = vec![
            header("Место".into(), SortBy::Rank),
            header("Школа".into(), SortBy::Name),
        ];
        h.extend(
            criteria
                .iter()
                .map(|c| header(format!("К{c}"), SortBy::Criterion(c.clone()))),
        );
        h
    };
    let open_review = move |id: String| {
        move |_| {
            dept.selected.set(Some(id.clone()));
            dept.tab.set(Tab::Review);
        }
    };
    view! {
        <div class="filters no-print" role="search">
            <label>"Уровень "
                <select id="filter-level" on:change=move |ev| {
                    let level = match event_target_value(&ev).as_str() {
                        "high" => Some(Level::High),
                        "medium" => Some(Level::Medium),
                        "low" => Some(Level::Low),
                        _ => None,
                    };
                    filter.update(|f| f.level = level);
                }>
                    <option value="">"любой"</option>
                    <option value="high">"высокая"</option>
                    <option value="medium">"средняя"</option>
                    <option value="low">"низкая"</option>
                </select>
            </label>
            <label>"Показатель "
                <select id="filter-indicator" on:change=move |ev| filter.update(|f| f.indicator = pair(event_target_value(&ev)))>
                    <option value="">"любой"</option>
                    {indicator_options}
                </select>
            </label>
            <label>"Критерий "
                <select id="filter-criterion" on:change=move |ev| filter.update(|f| f.criterion = pair(event_target_value(&ev)))>
                    <option value="">"любой"</option>
                    {criterion_options}
                </select>
            </label>
            <label>"Профиль "
                <select id="filter-profile" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| {
                        f.has_level = SchoolLevel::ALL.into_iter().find(|l| l.key() == v);
                        f.ovz = (v == "ovz").then_some(true);
                    });
                }>
                    <option value="">"любой"</option>
                    {SchoolLevel::ALL.map(|l| view! { <option value=l.key()>{format!("есть {}", l.label())}</option> })}
                    <option value="ovz">"есть обучающиеся с ОВЗ"</option>
                </select>
            </label>
            <label>"Поиск "
                <input type="search" id="filter-search" placeholder="часть названия"
                    on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))/>
            </label>
        </div>
        <p class="rating-count" role="status">{move || format!("Показано школ: {} из {}", rows.with(Vec::len), dept.rating.with(Vec::len))}</p>
        <div class="table-scroll">
            <table class="rating" data-testid="rating">
                <caption class="visually-hidden">"Рейтинг школ"</caption>
                <thead>
                    <tr>
                        {headers}
                        <th scope="col">"Баллы"</th>
                        <th scope="col">"%"</th>
                        <th scope="col">"Уровень"</th>
                        <th scope="col">"Проверка"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| {
                        let s = r.result.score.clone();
                        let level = s.level;
                        view! {
                            <tr data-level=level.map_or("none", Level::key)>
                                <td class="num" data-col="rank">{r.rank}</td>
                                <th scope="row" class="school">
                                    <button type="button" class="link-button" on:click=open_review(r.result.submission_id.clone())>
                                        {r.result.name().to_owned()}
                                    </button>
                                    {r.result.mismatch.then(|| view! { <span class="flag" title="Заявленный итог не совпадает с пересчётом">" ⚠"</span> })}
                                </th>
                                {s.criteria.iter().map(|c| view! {
                                    <td class="num">{format!("{}/{}", c.points, c.max_applicable)}</td>
                                }).collect_view()}
                                <td class="num" data-col="total">{format!("{} из {}", s.total, s.max_applicable)}</td>
                                <td class="num" data-col="percent">{percent(s.total.into(), s.max_applicable.into())}</td>
                                <td class=format!("level level-{}", level.map_or("none", Level::key))>{level.map_or("—", Level::label)}</td>
                                <td>{r.result.status.label()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
