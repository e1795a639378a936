//! Recording a municipal measure or management decision (seed 003 §3.6,
//! seed 002 Приложение 1): its type, title, date, executor, the indicators
//! it targets, whom it addresses, and the road map's indicator of
//! implementation and report form. Recorded after the period on screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use profkarta_core::card::Level;
use profkarta_core::department::figures::describe_value;
use profkarta_core::department::measures::{Audience, Measure, MeasureKind, TargetGroup};
use profkarta_core::department::school::SchoolId;
use profkarta_core::text::{by_name, quoted};

use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_when_drawn, now_iso};
use crate::shared::indicator_check::{with_shown, IndicatorCheck};

/// Whom the measure addresses, as the form's first choice.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whom {
    All,
    Schools,
    Level,
    Group,
}

/// The form's content: shared with the road map, whose «Изменить» loads a
/// recorded measure into it.
#[derive(Clone, Copy)]
pub struct MeasureDraft {
    measure: RwSignal<Measure>,
    whom: RwSignal<Whom>,
    level: RwSignal<Level>,
    group: RwSignal<TargetGroup>,
    schools: RwSignal<Vec<SchoolId>>,
    /// The measure being changed, as recorded; `None` while a new one is
    /// written. Found again by its content when saved: positions in the
    /// archive move as other measures are removed.
    editing: RwSignal<Option<Measure>>,
    problem: RwSignal<Option<&'static str>>,
    /// What the last «Записать меру» did, with the card and year it was
    /// said for: the new row of the road map is below the form, often out
    /// of sight.
    done: RwSignal<Option<(String, Option<String>, String)>>,
}

impl MeasureDraft {
    /// Whom a new form addresses, and the level and group its lists
    /// start on.
    const AUDIENCE: (Whom, Level, TargetGroup) =
        (Whom::All, Level::Low, TargetGroup::DeputiesUpbringing);

    pub fn new() -> Self {
        let (whom, level, group) = Self::AUDIENCE;
        Self {
            measure: RwSignal::new(Measure::blank("", "")),
            whom: RwSignal::new(whom),
            level: RwSignal::new(level),
            group: RwSignal::new(group),
            schools: RwSignal::new(Vec::new()),
            editing: RwSignal::new(None),
            problem: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// Puts the recorded measure `m` into the form to be changed, and the
    /// focus on its title; a new measure half written is asked about first.
    pub fn edit(self, m: &Measure) {
        let started = self.editing.with_untracked(Option::is_none)
            && self.measure.with_untracked(|d| !d.title.trim().is_empty());
        if started && !confirm("Отложить начатую новую меру? Введённое в форму не сохранится.")
        {
            return;
        }
        self.problem.set(None);
        self.measure.set(m.clone());
        self.whom.set(match &m.audience {
            Audience::All => Whom::All,
            Audience::Schools(list) => {
                self.schools.set(list.clone());
                Whom::Schools
            }
            Audience::Level(l) => {
                self.level.set(*l);
                Whom::Level
            }
            Audience::Group(g) => {
                self.group.set(*g);
                Whom::Group
            }
        });
        self.editing.set(Some(m.clone()));
        self.done.set(None);
        focus_when_drawn(TITLE_FIELD.to_owned());
    }

    /// The recorded measure `m` is gone: the form no longer changes it,
    /// nor the same measure as another tab's change brought it here.
    pub fn forget(self, m: &Measure) {
        let same = |e: &Measure| e == m || (!e.recorded.is_empty() && e.recorded == m.recorded);
        if self
            .editing
            .with_untracked(|e| e.as_ref().is_some_and(same))
        {
            self.clear();
        }
        self.done.set(None);
    }

    /// Empties the form for a new measure. After a new one it keeps the
    /// kind and whom it addresses: the next measure is often of the same
    /// kind and audience. After a change, nothing of the changed measure
    /// is left to be taken for the next one's.
    fn clear(self) {
        let kind = match self.editing.get_untracked() {
            Some(_) => {
                let (whom, level, group) = Self::AUDIENCE;
                self.whom.set(whom);
                self.level.set(level);
                self.group.set(group);
                Measure::blank("", "").kind
            }
            None => self.measure.with_untracked(|m| m.kind),
        };
        self.measure.set(Measure {
            kind,
            ..Measure::blank("", "")
        });
        self.schools.set(Vec::new());
        self.editing.set(None);
        self.problem.set(None);
    }
}

const TITLE_FIELD: &str = "measure-title";

#[component]
pub fn MeasureForm(draft: MeasureDraft) -> impl IntoView {
    let dept: Dept = expect_context();
    let MeasureDraft {
        measure,
        whom,
        level,
        group,
        schools,
        editing,
        problem,
        done,
    } = draft;

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
    let (carried_out, on_carried_out) = text(|m| &m.done, |m, v| m.done = v);

    // What the lists read of the measure: a keystroke in its title wakes
    // none of their many boxes (one per school and per indicator).
    let targets = Memo::new(move |_| measure.with(|m| m.indicators.clone()));
    let kind = Memo::new(move |_| measure.with(|m| m.kind));
    let kinds = MeasureKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let k = *k;
            view! { <option value=i.to_string() prop:selected=move || kind.get() == k>{k.label()}</option> }
        })
        .collect_view();
    let on_kind = move |ev| {
        if let Some(k) = chosen(&ev, &MeasureKind::ALL) {
            measure.update(|m| m.kind = k);
        }
    };
    let indicators = dept.card.with_untracked(|card| {
        let scored = card.has_points();
        with_shown(card.measure_targets())
            .into_iter()
            .map(|(i, shown)| {
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
                // The year's figure, fewer than half marked, as «Проблемные
                // зоны» counts them.
                // Without points, the municipal value: nothing is met.
                let code = i.code.clone();
                let rule = i.rule.clone();
                let figure = Signal::derive(move || {
                    dept.figures.with(|f| {
                        // Applying to no school, it has no count to show.
                        let x =
                            (f.indicators.iter()).find(|x| x.code == code && x.applicable > 0)?;
                        Some(match scored {
                            true => (
                                format!("выполнили {} из {}", x.earned, x.applicable),
                                x.below_half(),
                            ),
                            false => (
                                format!("по муниципалитету {}", describe_value(&rule, x)),
                                false,
                            ),
                        })
                    })
                });
                view! {
                    <IndicatorCheck code=i.code.clone() text=i.text.clone() shown
                        checked=Signal::derive(move || targets.with(|t| t.contains(&key)))
                        on_toggle=toggle figure/>
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
                    // Which of the ticked targets the school did not meet:
                    // the schools a measure is for, found without the
                    // results tab.
                    let missed: Vec<(String, String)> = dept.card.with_untracked(|card| {
                        (card.scored_indicators())
                            .filter(|i| r.missed(&i.code))
                            .map(|i| (i.key().to_owned(), i.code.clone()))
                            .collect()
                    });
                    let missed = move || {
                        let codes: Vec<String> = targets.with(|t| {
                            (missed.iter())
                                .filter(|(key, _)| t.contains(key))
                                .map(|(_, code)| code.clone())
                                .collect()
                        });
                        (!codes.is_empty()).then(|| view! {
                            <span class="check-figure weak">{format!(
                                " — {}: {}",
                                if codes.len() == 1 { "не выполнен" } else { "не выполнены" },
                                codes.join(", ")
                            )}</span>
                        })
                    };
                    view! {
                        <label class="checkbox">
                            <input type="checkbox"
                                prop:checked=move || schools.with(|s: &Vec<_>| s.contains(&id))
                                on:change=move |_| schools.update(|s| match s.iter().position(|x| *x == toggle) {
                                    Some(p) => { s.remove(p); }
                                    None => s.push(toggle.clone()),
                                })/>
                            {format!(" {}", r.name())}
                            {missed}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    // The choices follow the draft: a measure loaded to be changed shows its own.
    let levels = move || {
        Level::ALL
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let l = *l;
                view! { <option value=i.to_string() prop:selected=move || level.get() == l>{l.label()}</option> }
            })
            .collect_view()
    };
    let groups = move || {
        TargetGroup::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let g = *g;
                view! { <option value=i.to_string() prop:selected=move || group.get() == g>{g.label()}</option> }
            })
            .collect_view()
    };
    let whom_is = move |w: Whom| move || whom.get() == w;
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
    // A card without points, shares, questions or percentages has nothing
    // a measure can be judged by.
    let targets = dept.card.with_untracked(|c| c.has_measure_targets());
    let card_id = move || dept.card.with(|c| c.id.clone());
    let record =
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut m = measure.get_untracked();
            // A changed measure stays with the year it follows.
            if editing.with_untracked(Option::is_none) {
                m.card = dept.card.with_untracked(|c| c.id.clone());
                m.period = dept.period.get_untracked().unwrap_or_default();
            }
            // New, or recorded before the time was kept: from now on it is
            // found by it.
            if m.recorded.is_empty() {
                m.recorded = now_iso();
            }
            m.audience = match whom.get_untracked() {
                Whom::All => Audience::All,
                Whom::Schools => Audience::Schools(schools.get_untracked()),
                Whom::Level => Audience::Level(level.get_untracked()),
                Whom::Group => Audience::Group(group.get_untracked()),
            };
            // A level's schools as they stand now; a changed measure keeps
            // those it reached, unless its audience changed.
            let now = dept
                .results
                .with_untracked(|r| Measure::reaching(&m.audience, r));
            m.reached = match editing.get_untracked() {
                // Recorded before every file was in, or before the check, its
                // schools can be brought up to date, when the department says so.
                Some(was) if was.audience == m.audience => match (was.reached, now) {
                    (Some(kept), Some(now)) if !same_schools(&kept, &now) => {
                        let refresh = confirm(
                            "Школы этого уровня эффективности изменились после записи меры. \
                         Адресовать меру школам уровня на сегодня? «Отмена» — оставить тех, \
                         кому она записана.",
                        );
                        Some(if refresh { now } else { kept })
                    }
                    (kept, _) => kept,
                },
                _ => now,
            };
            let wrong = m.problem();
            problem.set(wrong);
            done.set(None);
            // Without a target the measure cannot be judged next year: asked,
            // since a decision may rightly have none.
            if wrong.is_none()
                && targets
                && m.indicators.is_empty()
                && !confirm(
                    "У меры не отмечено ни одного целевого показателя: в анализ эффективности \
                 через год она не войдёт. Записать так?",
                )
            {
                return;
            }
            match (wrong, editing.get_untracked()) {
                // The focus goes where the problem is.
                (Some(_), _) => {
                    let field = if m.title.trim().is_empty() {
                        TITLE_FIELD
                    } else {
                        "measure-whom"
                    };
                    focus_when_drawn(field.to_owned());
                }
                (None, Some(was)) => {
                    // Changed or removed in another tab (or by a restored
                    // copy) since the form took it up: that would go unseen.
                    let question = dept.archive().with_untracked(|a| {
                        match Measure::find(&a.measures, &was) {
                        Some(i) if a.measures[i] == was => None,
                        Some(_) => Some(
                            "Эту меру изменили в другой вкладке после того, как вы открыли её для \
                             правки. Сохранить ваш вариант вместо изменённого? «Отмена» — \
                             вернуться к форме: меру из дорожной карты можно открыть заново.",
                        ),
                        None => Some(
                            "Эту меру удалили (в другой вкладке или при восстановлении копии) \
                             после того, как вы открыли её для правки. Записать её снова? \
                             «Отмена» — вернуться к форме.",
                        ),
                    }
                    });
                    if question.is_some_and(|q| !confirm(q)) {
                        return;
                    }
                    let said = format!("Изменения меры {} сохранены.", quoted(m.title.trim()));
                    dept.replace_measure(&was, m);
                    draft.clear();
                    done.set(Some((card_id(), dept.period.get_untracked(), said)));
                    focus_when_drawn(TITLE_FIELD.to_owned());
                }
                // The form is ready for the next measure, the focus with it.
                (None, None) => {
                    // A road map row without a date or whom to ask is blank
                    // there: said, not refused (they may be set later).
                    let missing: Vec<&str> = [
                        (m.date.trim().is_empty(), "срок"),
                        (m.responsible.trim().is_empty(), "исполнитель"),
                    ]
                    .into_iter()
                    .filter_map(|(empty, what)| empty.then_some(what))
                    .collect();
                    let later = match missing.as_slice() {
                        [] => String::new(),
                        [one] => format!(
                            " Не указан {one}: его можно добавить кнопкой «Изменить» в её строке."
                        ),
                        both => format!(
                            " Не указаны {}: их можно добавить кнопкой «Изменить» в её строке.",
                            both.join(" и ")
                        ),
                    };
                    let said = format!(
                        "Мера {} записана в дорожную карту.{later}",
                        quoted(m.title.trim())
                    );
                    dept.add_measure(m);
                    draft.clear();
                    done.set(Some((card_id(), dept.period.get_untracked(), said)));
                    focus_when_drawn(TITLE_FIELD.to_owned());
                }
            }
        };
    // The button goes with the change: the focus to the title, not the page.
    let cancel = move |_| {
        draft.clear();
        focus_when_drawn(TITLE_FIELD.to_owned());
    };
    // A title is asked for first; with one, what is wrong is the addressee.
    let whom_wrong =
        move || problem.get().is_some() && measure.with(|m| !m.title.trim().is_empty());
    // Names the refusal only while it is shown: a reference to no element
    // is an error of its own (an accessibility audit).
    let described = move || problem.with(Option::is_some).then_some("measure-error");
    // Enter in a field or on a box of the form does not record the
    // measure half written: a keyboard walk-through recorded one with its
    // title alone, targets unticked and no date. The button records, by
    // Enter on it.
    let no_early_submit = |ev: leptos::ev::KeyboardEvent| {
        let in_field = (ev.target())
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.type_() != "submit");
        if ev.key() == "Enter" && in_field {
            ev.prevent_default();
        }
    };
    view! {
        <form class="measure-form no-print" on:submit=record on:keydown=no_early_submit data-testid="measure-form">
            <h3>{move || match editing.get() {
                Some(_) => format!("Изменение меры {}", quoted(measure.with(|m| m.title.trim().to_owned()).as_str())),
                None => format!("Новая мера по итогам {} учебного года", dept.period.get().unwrap_or_default()),
            }}</h3>
            // Under the heading, in sight with the title the focus goes back to.
            <p class="hint measure-done" role="status" data-testid="measure-done">
                // Said for this card and year only: another one chosen, it goes.
                {move || done.get().filter(|(card, period, _)| *card == card_id() && *period == dept.period.get()).map(|(_, _, said)| view! {
                    {said}" "<a href="#road-map-title">"Перейти к дорожной карте"</a>
                })}
            </p>
            <div class="form-grid">
                <label for="measure-kind">"Вид"</label>
                <select id="measure-kind" on:change=on_kind>{kinds}</select>
                <label for="measure-title">"Название"</label>
                // The refusal is said beside the form; the field names it.
                <input id=TITLE_FIELD type="text" prop:value=title on:input=on_title
                    aria-describedby=described
                    aria-invalid=move || (problem.get().is_some() && measure.with(|m| m.title.trim().is_empty())).to_string()/>
                <label for="measure-date">"Срок или дата"</label>
                <input id="measure-date" type="text" placeholder="например, март 2026" prop:value=date on:input=on_date/>
                <label for="measure-responsible">"Ответственный исполнитель"</label>
                <input id="measure-responsible" type="text" prop:value=responsible on:input=on_responsible/>
                <label for="measure-implementation">"Показатель реализации"</label>
                <input id="measure-implementation" type="text" placeholder="например, доля ОО, принявших участие" prop:value=implementation on:input=on_implementation/>
                <label for="measure-report">"Форма отчёта"</label>
                <input id="measure-report" type="text" placeholder="например, справка, приказ" prop:value=report_form on:input=on_report_form/>
                <label for="measure-carried-out">"Отметка о выполнении"</label>
                <input id="measure-carried-out" type="text" placeholder="когда выполнена: например, проведено 15.03.2026, участвовали 6 из 7 ОО"
                    prop:value=carried_out on:input=on_carried_out/>
                <label for="measure-whom">"Кому адресована"</label>
                <select id="measure-whom" on:change=on_whom
                    aria-describedby=described aria-invalid=move || whom_wrong().to_string()>
                    <option value="0" prop:selected=whom_is(Whom::All)>"всем ОО"</option>
                    <option value="1" prop:selected=whom_is(Whom::Schools)>"выбранным ОО"</option>
                    {with_levels.then(|| view! { <option value="2" prop:selected=whom_is(Whom::Level)>"ОО с уровнем эффективности…"</option> })}
                    <option value="3" prop:selected=whom_is(Whom::Group)>"целевой группе участников…"</option>
                </select>
            </div>
            // Said under the list the focus goes to, not below the form.
            {move || whom_wrong().then(|| view! { <p class="field-error" id="measure-error" role="alert">{problem.get()}</p> })}
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
            {targets.then(|| view! {
                <fieldset class="measure-indicators">
                    <legend>"Целевые показатели"</legend>
                    {indicators}
                </fieldset>
            })}
            {move || problem.get().filter(|_| !whom_wrong()).map(|p| view! { <p class="field-error" id="measure-error" role="alert">{p}</p> })}
            <div class="actions">
                <button type="submit" class="primary">
                    {move || if editing.with(Option::is_some) { "Сохранить изменения" } else { "Записать меру" }}
                </button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" on:click=cancel>"Отменить изменение"</button>
                </Show>
            </div>

        </form>
    }
}

/// The same schools, in whatever order.
fn same_schools(a: &[SchoolId], b: &[SchoolId]) -> bool {
    a.len() == b.len() && a.iter().all(|s| b.contains(s))
}

/// The item of `all` a select's option (its index as the value) names.
fn chosen<T: Copy>(ev: &leptos::ev::Event, all: &[T]) -> Option<T> {
    event_target_value(ev)
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}
