//! Recording a municipal measure or management decision (seed 003 §3.6,
//! seed 002 Приложение 1): its type, title, date, executor, the indicators
//! it targets, whom it addresses, and the road map's indicator of
//! implementation and report form. Recorded after the period on screen.

use leptos::prelude::*;

use profkarta_core::card::Level;
use profkarta_core::department::measures::{Audience, Measure, MeasureKind, TargetGroup};
use profkarta_core::text::by_name;

use crate::department::state::Dept;
use crate::shared::indicator_check::IndicatorCheck;

/// Whom the measure addresses, as the form's first choice.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whom {
    All,
    Schools,
    Level,
    Group,
}

#[component]
pub fn MeasureForm() -> impl IntoView {
    let dept: Dept = expect_context();
    let blank = move || {
        let card = dept.card.with_untracked(|c| c.id.clone());
        Measure::blank(&card, &dept.period.get_untracked().unwrap_or_default())
    };
    let measure = RwSignal::new(blank());
    let whom = RwSignal::new(Whom::All);
    let level = RwSignal::new(Level::Low);
    let group = RwSignal::new(TargetGroup::DeputiesUpbringing);
    let schools = RwSignal::new(Vec::new());
    let problem = RwSignal::new(None::<&'static str>);

    let text = move |get: fn(&Measure) -> &String, set: fn(&mut Measure, String)| {
        (
            move || measure.with(|m| get(m).clone()),
            move |ev| {
                let value = event_target_value(&ev);
                measure.update(|m| set(m, value));
            },
        )
    };
    let (title, on_title) = text(|m| &m.title, |m, v| m.title = v);
    let (date, on_date) = text(|m| &m.date, |m, v| m.date = v);
    let (responsible, on_responsible) = text(|m| &m.responsible, |m, v| m.responsible = v);
    let (implementation, on_implementation) =
        text(|m| &m.implementation, |m, v| m.implementation = v);
    let (report_form, on_report_form) = text(|m| &m.report_form, |m, v| m.report_form = v);

    let kinds = MeasureKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let k = *k;
            view! { <option value=i.to_string() prop:selected=move || measure.with(|m| m.kind == k)>{k.label()}</option> }
        })
        .collect_view();
    let on_kind = move |ev| {
        if let Some(k) = chosen(&ev, &MeasureKind::ALL) {
            measure.update(|m| m.kind = k);
        }
    };
    let indicators = dept.card.with_untracked(|card| {
        card.scored_indicators()
            .map(|i| {
                let key = i.key().to_owned();
                let toggle = key.clone();
                let toggle = Callback::new(move |()| {
                    measure.update(|m| match m.indicators.iter().position(|k| *k == toggle) {
                        Some(p) => {
                            m.indicators.remove(p);
                        }
                        None => m.indicators.push(toggle.clone()),
                    })
                });
                view! {
                    <IndicatorCheck code=i.code.clone() text=i.text.clone()
                        checked=Signal::derive(move || measure.with(|m| m.indicators.contains(&key)))
                        on_toggle=toggle/>
                }
            })
            .collect_view()
    });
    // In name order, as a person looks a school up in a list.
    let school_boxes = move || {
        dept.results.with(|all| {
            let mut sorted: Vec<_> = all.iter().collect();
            sorted.sort_by(|a, b| by_name(a.name(), b.name()));
            sorted
                .into_iter()
                .map(|r| {
                    let id = r.school.clone();
                    let toggle = id.clone();
                    view! {
                        <label class="checkbox">
                            <input type="checkbox"
                                prop:checked=move || schools.with(|s: &Vec<_>| s.contains(&id))
                                on:change=move |_| schools.update(|s| match s.iter().position(|x| *x == toggle) {
                                    Some(p) => { s.remove(p); }
                                    None => s.push(toggle.clone()),
                                })/>
                            {format!(" {}", r.name())}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let levels = || {
        Level::ALL
            .iter()
            .enumerate()
            .map(|(i, l)| view! { <option value=i.to_string() selected=*l == Level::Low>{l.label()}</option> })
            .collect_view()
    };
    let groups = || {
        TargetGroup::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| view! { <option value=i.to_string() selected=*g == TargetGroup::DeputiesUpbringing>{g.label()}</option> })
            .collect_view()
    };
    const WHOM: [Whom; 4] = [Whom::All, Whom::Schools, Whom::Level, Whom::Group];
    let on_whom = move |ev| {
        if let Some(w) = chosen(&ev, &WHOM) {
            whom.set(w);
        }
    };
    let on_level = move |ev| {
        if let Some(l) = chosen(&ev, &Level::ALL) {
            level.set(l);
        }
    };
    let on_group = move |ev| {
        if let Some(g) = chosen(&ev, &TargetGroup::ALL) {
            group.set(g);
        }
    };
    let with_levels = dept.card.with_untracked(|c| c.levels.is_some());
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut m = measure.get_untracked();
        m.card = dept.card.with_untracked(|c| c.id.clone());
        m.period = dept.period.get_untracked().unwrap_or_default();
        m.audience = match whom.get_untracked() {
            Whom::All => Audience::All,
            Whom::Schools => Audience::Schools(schools.get_untracked()),
            Whom::Level => Audience::Level(level.get_untracked()),
            Whom::Group => Audience::Group(group.get_untracked()),
        };
        problem.set(m.problem());
        if m.problem().is_none() {
            // The next measure is often of the same kind and audience.
            let kind = m.kind;
            dept.add_measure(m);
            measure.set(Measure { kind, ..blank() });
            schools.set(Vec::new());
        }
    };
    view! {
        <form class="measure-form no-print" on:submit=record data-testid="measure-form">
            <h3>{move || format!("Новая мера по итогам {} учебного года", dept.period.get().unwrap_or_default())}</h3>
            <div class="form-grid">
                <label for="measure-kind">"Вид"</label>
                <select id="measure-kind" on:change=on_kind>{kinds}</select>
                <label for="measure-title">"Название"</label>
                <input id="measure-title" type="text" prop:value=title on:input=on_title/>
                <label for="measure-date">"Срок или дата"</label>
                <input id="measure-date" type="text" placeholder="например, март 2026" prop:value=date on:input=on_date/>
                <label for="measure-responsible">"Ответственный исполнитель"</label>
                <input id="measure-responsible" type="text" prop:value=responsible on:input=on_responsible/>
                <label for="measure-implementation">"Показатель реализации"</label>
                <input id="measure-implementation" type="text" placeholder="например, доля ОО, принявших участие" prop:value=implementation on:input=on_implementation/>
                <label for="measure-report">"Форма отчёта"</label>
                <input id="measure-report" type="text" placeholder="например, справка, приказ" prop:value=report_form on:input=on_report_form/>
                <label for="measure-whom">"Кому адресована"</label>
                <select id="measure-whom" on:change=on_whom>
                    <option value="0">"всем ОО"</option>
                    <option value="1">"выбранным ОО"</option>
                    {with_levels.then(|| view! { <option value="2">"ОО с уровнем эффективности…"</option> })}
                    <option value="3">"целевой группе участников…"</option>
                </select>
            </div>
            <Show when=move || whom.get() == Whom::Level>
                <p>
                    <label for="measure-level">"Уровень эффективности: "</label>
                    <select id="measure-level" on:change=on_level>
                        {levels()}
                    </select>
                </p>
            </Show>
            <Show when=move || whom.get() == Whom::Group>
                <p>
                    <label for="measure-group">"Целевая группа: "</label>
                    <select id="measure-group" on:change=on_group>
                        {groups()}
                    </select>
                </p>
            </Show>
            <Show when=move || whom.get() == Whom::Schools>
                <fieldset class="measure-schools">
                    <legend>"Школы"</legend>
                    {school_boxes}
                </fieldset>
            </Show>
            <fieldset class="measure-indicators">
                <legend>"Целевые показатели"</legend>
                {indicators}
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <button type="submit" class="primary">"Записать меру"</button>
        </form>
    }
}

/// The item of `all` a select's option (its index as the value) names.
fn chosen<T: Copy>(ev: &leptos::ev::Event, all: &[T]) -> Option<T> {
    event_target_value(ev)
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}
