//! The rating table as the coordinator sorts and filters it.

use crate::card::{Level, ProfileFlag, OVZ_FLAG};
use crate::department::results::{compare_share, Filter, Ranked};
use crate::school::profile::SchoolLevel;
use crate::text::{by_name, lower_first};

/// The column the rating is sorted by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortBy {
    /// The rating's own order: best share first, equal shares by name.
    Rank,
    Name,
    /// Points, most first: schools of a partial profile (no preschool, no
    /// upper grades) have fewer to earn, so this order is not the rank's.
    Points,
    /// A criterion's share, best first.
    Criterion(String),
}

impl SortBy {
    /// Whether the column's first order runs from the largest value down:
    /// places and names go up, points and shares best first.
    pub fn natural_descending(&self) -> bool {
        matches!(self, Self::Points | Self::Criterion(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub by: SortBy,
    /// Against the column's natural order ([`SortBy::natural_descending`]).
    pub reversed: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            by: SortBy::Rank,
            reversed: false,
        }
    }
}

impl Sort {
    /// A click on a column header: the same column turns the order round,
    /// another column sorts by it in its natural order.
    pub fn clicked(&self, by: SortBy) -> Sort {
        Sort {
            reversed: self.by == by && !self.reversed,
            by,
        }
    }

    /// The header's `aria-sort`: the direction of the column's values as
    /// shown, which for points and criteria is descending at first.
    pub fn aria(&self, by: &SortBy) -> &'static str {
        match (&self.by == by, self.reversed != by.natural_descending()) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

impl Sort {
    /// «по баллам, сначала больше», said beside the count of rows so that
    /// a screen reader hears what a click on a header did (the header's
    /// `aria-sort` is read only when the header itself is).
    pub fn describe(&self) -> String {
        let descending = self.reversed != self.by.natural_descending();
        let (by, up, down) = match &self.by {
            SortBy::Rank => ("по месту", "с первого", "с последнего"),
            SortBy::Name => ("по названию", "от А до Я", "от Я до А"),
            SortBy::Points => ("по баллам", "сначала меньше", "сначала больше"),
            SortBy::Criterion(code) => {
                let way = if descending {
                    "сначала больше"
                } else {
                    "сначала меньше"
                };
                return format!(
                    "по критерию {}, {way}",
                    crate::text::criterion_heading(code)
                );
            }
        };
        format!("{by}, {}", if descending { down } else { up })
    }
}

/// The rows a view shows: the rating filtered, then sorted.
pub fn rows(rating: &[Ranked], filter: &Filter, sort: &Sort) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = rating
        .iter()
        .filter(|r| filter.matches(&r.result))
        .cloned()
        .collect();
    match &sort.by {
        SortBy::Rank => {}
        SortBy::Name => rows.sort_by(|a, b| by_name(a.result.name(), b.result.name())),
        SortBy::Points => rows.sort_by_key(|r| std::cmp::Reverse(r.result.score.total)),
        SortBy::Criterion(code) => rows.sort_by(|a, b| {
            let of = |r: &Ranked| r.result.criterion(code).unwrap_or((0, 0));
            compare_share(of(b), of(a))
        }),
    }
    if sort.reversed {
        rows.reverse();
    }
    rows
}

/// A yes/no choice about an indicator or criterion as a `<select>` value:
/// "1.1|1" (earned, complete) or "1.1|0".
pub fn choice_value(code: &str, yes: bool) -> String {
    format!("{code}|{}", u8::from(yes))
}

/// The choice back from its value; the empty value (any) is `None`.
pub fn parse_choice(value: &str) -> Option<(String, bool)> {
    let (code, flag) = value.rsplit_once('|')?;
    Some((code.to_owned(), flag == "1"))
}

/// The level filter from its `<select>` value (the level's key; empty is any).
pub fn parse_level(value: &str) -> Option<Level> {
    [Level::High, Level::Medium, Level::Low]
        .into_iter()
        .find(|l| l.key() == value)
}

/// The words of the indicator filter's choice: «1.1 выполнен».
pub fn indicator_choice(code: &str, earned: bool) -> String {
    let word = if earned {
        "выполнен"
    } else {
        "не выполнен"
    };
    format!("{code} {word}")
}

/// The words of the criterion filter's choice: «критерий 2 выполнен полностью».
pub fn criterion_choice(code: &str, full: bool) -> String {
    let word = if full {
        "выполнен полностью"
    } else {
        "выполнен не полностью"
    };
    format!("критерий {code} {word}")
}

/// The words of the profile filter's choice: «есть СОО (10–11 классы)»,
/// «есть обучающиеся с ОВЗ», or the card's own question answered
/// «есть кадетский класс — да», begun as the others are.
pub fn profile_choice(flag: &ProfileFlag) -> String {
    match SchoolLevel::ALL.into_iter().find(|l| l.key() == flag.key) {
        Some(level) => format!("есть {}", level.label()),
        None if flag.key == OVZ_FLAG => "есть обучающиеся с ОВЗ".to_owned(),
        None => lower_first(&flag.answered(true)),
    }
}

/// The filter in the words of its choices, for the printed rating, where
/// the selects are not printed: «Отбор: уровень — низкая; 1.1 выполнен.»
/// `None` when every school is shown.
pub fn describe(filter: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(level) = filter.level {
        parts.push(format!("уровень — {}", level.label()));
    }
    if let Some((code, earned)) = &filter.indicator {
        parts.push(format!("показатель {}", indicator_choice(code, *earned)));
    }
    if let Some((code, full)) = &filter.criterion {
        parts.push(criterion_choice(code, *full));
    }
    if let Some(flag) = &filter.profile {
        parts.push(profile_choice(flag));
    }
    let search = filter.search.trim();
    if !search.is_empty() {
        parts.push(format!("в названии есть «{search}»"));
    }
    (!parts.is_empty()).then(|| format!("Отбор: {}.", parts.join("; ")))
}

/// The foot of every printed sheet of the department's page: whose it is,
/// the card and the year, so that a sheet apart from the first still says
/// what it is: «Управление образования … · «Экспертная карта …», версия 2 ·
/// 2025/2026». What is not known is left out. A long title is shortened:
/// in full, the foot wrapped and left the year alone on a line of its own.
pub fn printed_foot(department: &str, card_title: &str, version: u32, period: &str) -> String {
    const TITLE: usize = 40;
    let card = match card_title.trim() {
        "" => String::new(),
        title => format!(
            "{}, версия {version}",
            crate::text::quoted(&crate::text::shorten_at_word(title, TITLE))
        ),
    };
    [department.trim(), &card, period.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The line a printed page of results starts with: whose it is and on
/// which day, since on paper it leaves the page that said so. `when` is
/// the local date and time as shown, «01.12.2026 18:40».
pub fn printed_on(department: &str, when: &str) -> String {
    match department.trim() {
        "" => format!("Напечатано {when}."),
        name => format!("{}. Напечатано {when}.", name.trim_end_matches('.')),
    }
}

/// Sets the profile part of `filter` from its `<select>` value, a key of
/// one of `flags`, the card's profile questions (empty is any).
pub fn set_profile(filter: &mut Filter, flags: &[ProfileFlag], value: &str) {
    filter.profile = flags.iter().find(|f| f.key == value).cloned();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::{rank, results};
    use crate::testkit::{self, draft};

    /// Each click's order in words, as the status line says it.
    #[test]
    fn an_order_is_said_in_words() {
        let start = Sort::default();
        assert_eq!(start.describe(), "по месту, с первого");
        let points = start.clicked(SortBy::Points);
        assert_eq!(points.describe(), "по баллам, сначала больше");
        assert_eq!(
            points.clicked(SortBy::Points).describe(),
            "по баллам, сначала меньше"
        );
        let name = points.clicked(SortBy::Name);
        assert_eq!(name.describe(), "по названию, от А до Я");
        assert_eq!(
            name.clicked(SortBy::Name).describe(),
            "по названию, от Я до А"
        );
        let k2 = name.clicked(SortBy::Criterion("2".into()));
        assert_eq!(k2.describe(), "по критерию К2, сначала больше");
        assert_eq!(
            start.clicked(SortBy::Rank).describe(),
            "по месту, с последнего"
        );
    }

    #[test]
    fn a_printed_page_says_whose_and_when() {
        let when = "01.12.2026 18:40";
        assert_eq!(printed_on("", when), "Напечатано 01.12.2026 18:40.");
        assert_eq!(
            printed_on(" Управление образования г. Энска. ", when),
            "Управление образования г. Энска. Напечатано 01.12.2026 18:40."
        );
    }

    fn names(rows: &[Ranked]) -> Vec<&str> {
        rows.iter().map(|r| r.result.name()).collect()
    }

    /// Вега earns criterion 2 in full and little else; Альфа the most points.
    fn rating() -> Vec<Ranked> {
        let card = testkit::card();
        let archive = testkit::archive(
            &card,
            &[
                ("1", &draft("Вега", "2025/2026", &["2.1", "2.2"])),
                (
                    "2",
                    &draft("Альфа", "2025/2026", &["1.6", "1.8", "3.1", "3.3"]),
                ),
                ("3", &draft("Бета", "2025/2026", &["1.8"])),
            ],
        );
        rank(results(&archive, DEFAULT_CARD, "2025/2026"))
    }

    #[test]
    fn sorting_by_rank_name_and_criterion() {
        let rating = rating();
        let by = |sort: &Sort| names(&rows(&rating, &Filter::default(), sort)).join(" ");
        let rank = Sort::default();
        assert_eq!(by(&rank), "Альфа Вега Бета");
        let name = rank.clicked(SortBy::Name);
        assert_eq!(
            (by(&name), name.aria(&SortBy::Name)),
            ("Альфа Бета Вега".into(), "ascending")
        );
        let name_back = name.clicked(SortBy::Name);
        assert_eq!(by(&name_back), "Вега Бета Альфа");
        assert_eq!(name_back.aria(&SortBy::Name), "descending");
        assert_eq!(name_back.aria(&SortBy::Rank), "none");
        let k2 = name_back.clicked(SortBy::Criterion("2".into()));
        assert!(!k2.reversed, "another column starts in its own order");
        // Best first is the values going down, and a second click turns it.
        let code = SortBy::Criterion("2".into());
        assert_eq!(k2.aria(&code), "descending");
        assert_eq!(k2.clicked(code.clone()).aria(&code), "ascending");
        assert_eq!(
            by(&k2),
            "Вега Альфа Бета",
            "2 of 2, then 0 of 2 twice in rank order"
        );
    }

    #[test]
    fn sorting_by_points_keeps_rank_order_among_equals() {
        let mut rating = rating();
        let points = Sort::default().clicked(SortBy::Points);
        let by = |rating: &[Ranked], sort: &Sort| {
            names(&rows(rating, &Filter::default(), sort)).join(" ")
        };
        assert_eq!(by(&rating, &points), "Альфа Вега Бета");
        // Бета's maximum shrinks (a school without upper grades): with as
        // many points as Альфа it comes after it, in rank order, and with
        // one more before it, whatever the shares.
        assert_eq!(rating[0].result.name(), "Альфа");
        let alpha = rating[0].result.score.total;
        let beta = rating
            .iter()
            .position(|r| r.result.name() == "Бета")
            .unwrap();
        rating[beta].result.score.max_applicable = alpha + 2;
        rating[beta].result.score.total = alpha;
        assert_eq!(by(&rating, &points), "Альфа Бета Вега");
        rating[beta].result.score.total = alpha + 1;
        assert_eq!(by(&rating, &points), "Бета Альфа Вега");
        assert_eq!(
            by(&rating, &points.clicked(SortBy::Points)),
            "Вега Альфа Бета"
        );
        // Most first: the values go down.
        assert_eq!(points.aria(&SortBy::Points), "descending");
    }

    #[test]
    fn filtering_by_choices_as_the_selects_send_them() {
        let rating = rating();
        let mut filter = Filter {
            indicator: parse_choice(&choice_value("1.8", true)),
            ..Filter::default()
        };
        assert_eq!(
            names(&rows(&rating, &filter, &Sort::default())),
            ["Альфа", "Бета"]
        );
        filter.indicator = parse_choice(&choice_value("1.8", false));
        assert_eq!(names(&rows(&rating, &filter, &Sort::default())), ["Вега"]);
        filter.indicator = parse_choice("");
        filter.criterion = parse_choice("2|1");
        assert_eq!(names(&rows(&rating, &filter, &Sort::default())), ["Вега"]);
        filter.criterion = None;
        filter.level = parse_level("high");
        assert!(rows(&rating, &filter, &Sort::default()).is_empty());
        filter.level = parse_level("low");
        assert_eq!(rows(&rating, &filter, &Sort::default()).len(), 3);
        assert_eq!(parse_level(""), None);
        let flags = ProfileFlag::standard();
        set_profile(&mut filter, &flags, OVZ_FLAG);
        assert_eq!(
            filter.profile.as_ref().map(|f| f.key.as_str()),
            Some(OVZ_FLAG)
        );
        set_profile(&mut filter, &flags, "soo");
        assert_eq!(filter.profile.as_ref().map(|f| f.key.as_str()), Some("soo"));
        assert_eq!(
            describe(&filter).as_deref(),
            Some("Отбор: уровень — низкая; есть СОО (10–11 классы).")
        );
        filter.search = "ВЕГ".into();
        assert_eq!(names(&rows(&rating, &filter, &Sort::default())), ["Вега"]);
        assert_eq!(describe(&Filter::default()), None);
        let every = Filter {
            indicator: Some(("1.8".into(), false)),
            criterion: Some(("2".into(), true)),
            profile: flags.iter().find(|f| f.key == OVZ_FLAG).cloned(),
            ..filter
        };
        assert_eq!(
            describe(&every).as_deref(),
            Some(
                "Отбор: уровень — низкая; показатель 1.8 не выполнен; критерий 2 выполнен \
                 полностью; есть обучающиеся с ОВЗ; в названии есть «ВЕГ»."
            )
        );
    }

    #[test]
    fn a_cards_own_question_is_a_choice_in_its_words() {
        let own = ProfileFlag {
            key: "cadets".into(),
            label: "Есть ли в школе кадетский класс?".into(),
        };
        assert_eq!(
            profile_choice(&own),
            "есть ли в школе кадетский класс? — да"
        );
        let standard = ProfileFlag::standard();
        let words: Vec<String> = standard.iter().map(profile_choice).collect();
        assert_eq!(words.last().unwrap(), "есть обучающиеся с ОВЗ");
        assert_eq!(words[2], "есть СОО (10–11 классы)");
    }

    #[test]
    fn the_printed_foot_names_whose_what_and_when() {
        assert_eq!(
            printed_foot(
                "Управление образования г. Н.",
                "Карта «Профи»",
                2,
                "2025/2026"
            ),
            "Управление образования г. Н. · «Карта „Профи“», версия 2 · 2025/2026"
        );
        assert_eq!(printed_foot(" ", "Карта", 1, ""), "«Карта», версия 1");
        let long = testkit::card().title;
        assert_eq!(
            printed_foot("", &long, 1, "2025/2026"),
            "«Экспертная карта мониторинга системы…», версия 1 · 2025/2026"
        );
    }
}
