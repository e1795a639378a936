//! The department's measures and management decisions (seed 003 §3.6,
//! seed 002 Приложение 1): what was done after a year's monitoring, about
//! which indicators, for whom. Next year's files show whether it helped
//! ([`crate::department::effectiveness`]).

use serde::{Deserialize, Serialize};

use crate::card::{Card, Level};
use crate::department::results::SchoolResult;
use crate::department::school::SchoolId;
use crate::text::{by_name, tied};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    Methodical,
    Courses,
    Seminar,
    Order,
    Programme,
    Agreement,
    Consulting,
}

impl MeasureKind {
    pub const ALL: [Self; 7] = [
        Self::Methodical,
        Self::Courses,
        Self::Seminar,
        Self::Order,
        Self::Programme,
        Self::Agreement,
        Self::Consulting,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Methodical => "методическое мероприятие",
            Self::Courses => "курсы повышения квалификации",
            Self::Seminar => "семинар",
            Self::Order => "приказ",
            Self::Programme => "изменение муниципальной программы",
            Self::Agreement => "соглашение с ПОО/предприятием",
            Self::Consulting => "консультирование",
        }
    }

    /// What a school's plan row calls its part in the measure: an order or
    /// a programme is carried out, not taken part in.
    pub fn school_part(self) -> &'static str {
        match self {
            Self::Order | Self::Programme => "Исполнение",
            _ => "Участие",
        }
    }
}

/// Participants a measure or a letter can address across schools (seed
/// 003 §3.7: «целевые группы участников»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Heads,
    DeputiesUpbringing,
    ClassTeachers,
    Psychologists,
    Teachers,
}

impl TargetGroup {
    pub const ALL: [Self; 5] = [
        Self::Heads,
        Self::DeputiesUpbringing,
        Self::ClassTeachers,
        Self::Psychologists,
        Self::Teachers,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Heads => "руководители ОО",
            Self::DeputiesUpbringing => "заместители директоров по ВР",
            Self::ClassTeachers => "классные руководители",
            Self::Psychologists => "педагоги-психологи",
            Self::Teachers => "педагоги",
        }
    }

    /// Who a letter is addressed to, in the dative.
    pub fn addressee(self) -> &'static str {
        match self {
            Self::Heads => "Руководителям образовательных организаций",
            Self::DeputiesUpbringing => "Заместителям директоров по воспитательной работе",
            Self::ClassTeachers => "Классным руководителям",
            Self::Psychologists => "Педагогам-психологам",
            Self::Teachers => "Педагогам образовательных организаций",
        }
    }
}

/// Whom a measure addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    All,
    Schools(Vec<SchoolId>),
    /// The schools of this level in the year the measure follows, as they
    /// were when it was recorded ([`Measure::reached`]).
    Level(Level),
    /// A group of participants in every school.
    Group(TargetGroup),
}

impl Audience {
    /// Whether a school, by its result of the measure's year, is addressed.
    pub fn addresses(&self, school: &SchoolResult) -> bool {
        match self {
            Self::All | Self::Group(_) => true,
            Self::Schools(ids) => ids.contains(&school.school),
            Self::Level(level) => school.score.level == Some(*level),
        }
    }

    /// Whom it addresses, in words; `schools` are the results of the
    /// measure's year, whose schools a level or a choice names.
    pub fn describe(&self, schools: &[SchoolResult]) -> String {
        let names = || names_where(schools, |s| self.addresses(s));
        match self {
            Self::All => "все ОО".to_owned(),
            Self::Group(g) => format!("целевая группа: {}", g.label()),
            // Which schools are at the level by the year's results: named,
            // as a measure recorded before [`Measure::reached`] reads them.
            Self::Level(l) => match names() {
                named if named.is_empty() => format!("ОО {}", l.with_efficiency()),
                named => format!("ОО {}: {named}", l.with_efficiency()),
            },
            Self::Schools(ids) => match names() {
                named if named.is_empty() => format!("выбранные ОО ({})", ids.len()),
                named => named,
            },
        }
    }
}

/// One measure or management decision, taken after the monitoring of
/// `period` with the card `card`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub card: String,
    pub period: String,
    pub kind: MeasureKind,
    pub title: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub responsible: String,
    /// The card's indicators it targets, by identity ([`crate::card::Indicator::key`]),
    /// so that a renumbered indicator stays targeted.
    #[serde(default)]
    pub indicators: Vec<String>,
    pub audience: Audience,
    /// The municipal indicator of implementation (road map).
    #[serde(default)]
    pub implementation: String,
    #[serde(default)]
    pub report_form: String,
    /// «Отметка о выполнении», written when it was carried out: what was
    /// done and who took part. The analysis of the next year counts every
    /// addressed school, so that a reader sees who did not.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub done: String,
    /// The schools a level reached when the measure was recorded: the
    /// measure went to them, whatever a later check does to their levels.
    /// `None` for other audiences, and for measures recorded before it was
    /// kept (then the level is read from the results, as it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<Vec<SchoolId>>,
    /// When it was first recorded (ISO 8601): which measure it is through
    /// its changes. A form opened before another tab changed the measure
    /// saves over it by this, where matching the whole measure recorded
    /// it a second time. Empty for measures recorded before it was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded: String,
}

/// The names of the `schools` `keep` picks, «; » between, in name order,
/// as a person looks a school up in a list.
fn names_where(schools: &[SchoolResult], keep: impl Fn(&SchoolResult) -> bool) -> String {
    let mut names: Vec<&str> = (schools.iter())
        .filter(|s| keep(s))
        .map(SchoolResult::name)
        .collect();
    names.sort_by(|a, b| by_name(a, b));
    // Printed in a narrow column of the road map: «№» kept with its
    // number («МАОУ СОШ №» / «12» on paper, a print audit).
    (names.iter())
        .map(|n| tied(n))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The measures taken on the results of card `card_id` in `period`, in the
/// order recorded: the report's road map and its proposals.
pub fn taken_after<'a>(measures: &'a [Measure], card_id: &str, period: &str) -> Vec<&'a Measure> {
    measures
        .iter()
        .filter(|m| m.follows(card_id, period))
        .collect()
}

impl Measure {
    /// «Семинар «Профпробы»»: [`Measure::named`] opening a road map's cell,
    /// on screen, in the report and in Word alike.
    pub fn heading(&self) -> String {
        crate::text::sentence(&self.named())
    }

    /// «семинар «Профпробы»», as letters, plans and tables name it; the
    /// title alone when it begins with the kind's word in any form:
    /// «семинар «Семинар-практикум …»» and «соглашение с ПОО/предприятием
    /// «Соглашения с ПОО…»» said it twice. Either way it goes on a sentence
    /// in small letters, as the kind does: «— Курсы …» stood in a letter
    /// among «— семинар …» (a walk-through).
    pub fn named(&self) -> String {
        let (label, title) = (self.kind.label(), self.title.trim());
        let word = label.split(' ').next().unwrap_or(label);
        let first = title
            .split([' ', '-'])
            .next()
            .unwrap_or(title)
            .to_lowercase();
        // The same word when they differ only in the ending: «соглашение»,
        // «соглашения»; «курсы», «курсов».
        let common = word
            .chars()
            .zip(first.chars())
            .take_while(|(a, b)| a == b)
            .count();
        if common >= 4 && common + 2 >= word.chars().count() {
            crate::text::lower_first(title)
        } else {
            format!("{label} {}", crate::text::quoted(title))
        }
    }

    /// Taken on the results of `card` in `period`.
    pub fn follows(&self, card: &str, period: &str) -> bool {
        self.card == card && self.period == period
    }

    pub fn blank(card: &str, period: &str) -> Self {
        Self {
            card: card.to_owned(),
            period: period.to_owned(),
            kind: MeasureKind::Methodical,
            title: String::new(),
            date: String::new(),
            responsible: String::new(),
            indicators: Vec::new(),
            audience: Audience::All,
            implementation: String::new(),
            report_form: String::new(),
            done: String::new(),
            reached: None,
            recorded: String::new(),
        }
    }

    /// Where `was`, a recorded measure as a form took it up, is in
    /// `measures` now: itself, or the same measure changed meanwhile (in
    /// another tab, or by a restored backup), found by when it was
    /// recorded. `None` when it is gone.
    pub fn find(measures: &[Measure], was: &Measure) -> Option<usize> {
        (measures.iter().position(|m| m == was)).or_else(|| {
            (!was.recorded.is_empty())
                .then(|| measures.iter().position(|m| m.recorded == was.recorded))
                .flatten()
        })
    }

    /// Whether the measure went to `school` (its result of the measure's
    /// year): a level's schools as they were when it was recorded.
    pub fn addresses(&self, school: &SchoolResult) -> bool {
        match (&self.audience, &self.reached) {
            (Audience::Level(_), Some(reached)) => reached.contains(&school.school),
            (audience, _) => audience.addresses(school),
        }
    }

    /// Whom it addresses, in words ([`Audience::describe`]); a level's
    /// schools as recorded, and, when the year's results put others at
    /// that level since, which.
    pub fn describe(&self, schools: &[SchoolResult]) -> String {
        let (Audience::Level(level), Some(_)) = (&self.audience, &self.reached) else {
            return self.audience.describe(schools);
        };
        let now = |s: &SchoolResult| self.audience.addresses(s);
        let mut text = match names_where(schools, |s| self.addresses(s)) {
            none if none.is_empty() => format!(
                "ОО {}: на день записи меры таких не было",
                level.with_efficiency()
            ),
            named => format!(
                "ОО {} на день записи меры: {named}",
                level.with_efficiency()
            ),
        };
        let joined = names_where(schools, |s| now(s) && !self.addresses(s));
        let left = names_where(schools, |s| !now(s) && self.addresses(s));
        if !joined.is_empty() {
            text.push_str(&format!(
                "; теперь {} также: {joined}",
                level.with_efficiency()
            ));
        }
        if !left.is_empty() {
            text.push_str(&format!("; уже не {}: {left}", level.with_efficiency()));
        }
        text
    }

    /// The schools `audience` reaches in `schools` now, kept for a level
    /// ([`Measure::reached`]); `None` for other audiences.
    pub fn reaching(audience: &Audience, schools: &[SchoolResult]) -> Option<Vec<SchoolId>> {
        matches!(audience, Audience::Level(_)).then(|| {
            (schools.iter())
                .filter(|s| audience.addresses(s))
                .map(|s| s.school.clone())
                .collect()
        })
    }

    /// The codes of its indicators in `card`, in the card's order.
    pub fn codes(&self, card: &Card) -> Vec<String> {
        card.indicators()
            .filter(|i| self.indicators.iter().any(|k| k == i.key()))
            .map(|i| i.code.clone())
            .collect()
    }

    /// What stops it from being recorded, in Russian.
    pub fn problem(&self) -> Option<&'static str> {
        if self.title.trim().is_empty() {
            Some("Укажите название меры.")
        } else if matches!(&self.audience, Audience::Schools(ids) if ids.is_empty()) {
            Some("Выберите хотя бы одну школу или другого адресата.")
        } else {
            None
        }
    }
}

/// The measures of one card and period that address `school`.
pub fn addressed_to<'m>(
    measures: &'m [Measure],
    card: &str,
    school: &SchoolResult,
) -> Vec<&'m Measure> {
    measures
        .iter()
        .filter(|m| m.follows(card, school.profile.period.trim()))
        .filter(|m| m.addresses(school))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::results;
    use crate::testkit::{self, draft};

    /// The kind is said before the title unless the title begins with its
    /// word, in whatever form.
    #[test]
    fn a_title_that_names_its_kind_is_not_prefixed() {
        let named = |kind, title: &str| {
            let mut m = Measure::blank(DEFAULT_CARD, "2024/2025");
            (m.kind, m.title) = (kind, title.into());
            m.named()
        };
        use MeasureKind::*;
        assert_eq!(named(Seminar, "Профпробы"), "семинар «Профпробы»");
        assert_eq!(
            named(Seminar, "Семинар-практикум для ЗДВР"),
            "семинар-практикум для ЗДВР"
        );
        assert_eq!(
            named(Agreement, "Соглашения с ПОО и предприятиями"),
            "соглашения с ПОО и предприятиями"
        );
        assert_eq!(
            named(Courses, "Курсы для классных руководителей"),
            "курсы для классных руководителей"
        );
        assert_eq!(
            named(Order, "О проведении ярмарки"),
            "приказ «О проведении ярмарки»"
        );
        // A word sharing only a beginning is another word.
        assert_eq!(
            named(Consulting, "Консилиум"),
            "консультирование «Консилиум»"
        );
    }

    /// A school takes part in a seminar, and carries out an order.
    /// A workspace stored before the schools a level reached were kept
    /// still loads (read from the level, as then); one stored with them
    /// reads them back, and other measures store nothing new.
    #[test]
    fn the_schools_a_level_reached_are_stored_only_when_kept() {
        let old = r#"{"card":"c","period":"2024/2025","kind":"seminar","title":"Семинар",
            "audience":{"level":"low"}}"#;
        let m: Measure = serde_json::from_str(old).unwrap();
        assert_eq!(
            (m.audience.clone(), m.reached.clone()),
            (Audience::Level(Level::Low), None)
        );
        assert!(!serde_json::to_string(&m).unwrap().contains("reached"));
        let kept = Measure {
            reached: Some(vec![serde_json::from_str(r#""1234567890""#).unwrap()]),
            ..m
        };
        let text = serde_json::to_string(&kept).unwrap();
        assert!(text.contains(r#""reached":["1234567890"]"#), "{text}");
        assert_eq!(serde_json::from_str::<Measure>(&text).unwrap(), kept);
    }

    /// A form opened on a measure another tab marked done since: saved,
    /// the measure is found by when it was recorded, not added again; an
    /// old measure without that time is found only as it was.
    #[test]
    fn a_changed_measure_is_found_by_when_it_was_recorded() {
        let mut was = Measure::blank("c", "2024/2025");
        was.title = "Семинар".into();
        was.recorded = "2026-12-05T06:00:00.000Z".into();
        let mut other = was.clone();
        other.title = "Курсы".into();
        other.recorded = "2026-12-05T06:01:00.000Z".into();
        let mut done = was.clone();
        done.done = "проведён".into();
        assert_eq!(Measure::find(&[other.clone(), was.clone()], &was), Some(1));
        assert_eq!(Measure::find(&[other.clone(), done.clone()], &was), Some(1));
        assert_eq!(Measure::find(std::slice::from_ref(&other), &was), None);
        let (mut old, mut old_done) = (was.clone(), done);
        old.recorded.clear();
        old_done.recorded.clear();
        assert_eq!(Measure::find(&[old_done], &old), None);
        assert!(!serde_json::to_string(&old).unwrap().contains("recorded"));
    }

    #[test]
    fn a_school_carries_out_an_order() {
        assert_eq!(MeasureKind::Seminar.school_part(), "Участие");
        assert_eq!(MeasureKind::Order.school_part(), "Исполнение");
        assert_eq!(MeasureKind::Programme.school_part(), "Исполнение");
    }

    #[test]
    fn a_measure_for_low_schools_addresses_only_them() {
        let card = testkit::card();
        let facts: Vec<&str> = card
            .indicators()
            .filter(|i| matches!(i.rule, crate::card::Rule::Fact { .. }))
            .map(|i| i.code.as_str())
            .collect();
        let mut strong = draft("Лицей", "2024/2025", &facts);
        for i in card.indicators() {
            if matches!(i.rule, crate::card::Rule::Share { .. }) {
                strong
                    .answers
                    .insert(i.code.clone(), testkit::share("10", "10"));
            }
        }
        let weak = draft("СОШ № 2", "2024/2025", &[]);
        let archive = testkit::archive(&card, &[("s", &strong), ("w", &weak)]);
        let all = results(&archive, DEFAULT_CARD, "2024/2025");
        let mut m = Measure::blank(DEFAULT_CARD, "2024/2025");
        m.title = "Семинар по профпробам".into();
        m.audience = Audience::Level(Level::Low);
        let names: Vec<&str> = all
            .iter()
            .filter(|s| !addressed_to(std::slice::from_ref(&m), DEFAULT_CARD, s).is_empty())
            .map(SchoolResult::name)
            .collect();
        assert_eq!(names, ["СОШ № 2"]);
        assert_eq!(
            m.audience.describe(&all),
            "ОО с низкой эффективностью: СОШ №\u{A0}2"
        );
        assert_eq!(m.audience.describe(&[]), "ОО с низкой эффективностью");
        // Recorded, the level's schools are kept: the measure went to
        // them, whatever the check changes since.
        let id = |name: &str| {
            all.iter()
                .find(|r| r.name() == name)
                .unwrap()
                .school
                .clone()
        };
        m.reached = Measure::reaching(&m.audience, &all);
        assert_eq!(m.reached, Some(vec![id("СОШ № 2")]));
        assert_eq!(
            m.describe(&all),
            "ОО с низкой эффективностью на день записи меры: СОШ №\u{A0}2"
        );
        // Had the Лицей been low then, and СОШ № 2 not:
        m.reached = Some(vec![id("Лицей")]);
        let to = |s: &SchoolResult| m.addresses(s);
        assert_eq!(
            all.iter()
                .filter(|s| to(s))
                .map(SchoolResult::name)
                .collect::<Vec<_>>(),
            ["Лицей"]
        );
        assert_eq!(
            m.describe(&all),
            "ОО с низкой эффективностью на день записи меры: Лицей; теперь с низкой эффективностью \
             также: СОШ №\u{A0}2; уже не с низкой эффективностью: Лицей"
        );
        m.reached = Some(Vec::new());
        assert_eq!(
            m.describe(&all),
            "ОО с низкой эффективностью: на день записи меры таких не было; теперь с низкой \
             эффективностью также: СОШ №\u{A0}2"
        );
        assert_eq!(Measure::reaching(&Audience::All, &all), None);
        m.audience = Audience::Schools(Vec::new());
        assert!(m.problem().is_some());
        m.indicators = vec!["2.1".into(), "1.1".into()];
        assert_eq!(m.codes(&card), ["1.1", "2.1"]);
    }
}
