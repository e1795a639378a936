//! Every error the domain can report, with the Russian text the user reads.
//!
//! Messages live here and nowhere else, so that wording stays consistent and
//! a reviewer can read all of it in one sitting.

use std::fmt;

/// Why a card template cannot be used. Shown on the start-up error screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The text is not JSON of the template's shape; `detail` is the parser's own words.
    Format {
        detail: String,
    },
    /// A required text (title, indicator wording, ...) is empty; `place` says where.
    EmptyText {
        place: String,
    },
    DuplicateCode {
        code: String,
    },
    /// Two questions of the school's profile share a key (a question of the
    /// card's own given `noo`, a level's key): `taken_by` is the first.
    DuplicateFlagKey {
        key: String,
        taken_by: String,
    },
    /// The card's id has characters a file name on a website cannot carry.
    BadId {
        id: String,
    },
    /// Two indicators share a permanent id (a hand-edited card file).
    DuplicateId {
        id: String,
    },
    CriterionMax {
        criterion: String,
        declared: u32,
        sum: u32,
    },
    CardMax {
        declared: u32,
        sum: u32,
    },
    Threshold {
        indicator: String,
        threshold: u32,
    },
    NoIndicators,
    LevelBands {
        high: u32,
        medium: u32,
    },
    /// Level bands on a card that gives no points.
    LevelsWithoutPoints,
    /// A gap «…» left to fill in, before publishing; `place` says where,
    /// from a capital («Источник карты»).
    Gap {
        place: String,
    },
    /// The editor's own wording («Новый показатель») left as it is, before
    /// publishing; `place` says where.
    Untouched {
        place: String,
    },
    /// A key the school's file and the card's rules refer to (a profile
    /// question's, a list column's) in letters other than Latin, before
    /// publishing.
    BadKey {
        what: &'static str,
        key: String,
    },
    /// Something wrong with one part of an indicator.
    Indicator {
        indicator: String,
        part: CardPart,
    },
}

/// What is wrong with a part of an indicator, for [`TemplateError::Indicator`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardPart {
    Empty(&'static str),
    /// A gap «…» left to fill in, before publishing.
    Gap(&'static str),
    /// The editor's own wording left as it is, before publishing.
    Untouched(&'static str),
    /// The indicator has a target but gives no points.
    NoPoints,
    /// Points without a minimum, dynamics or bands to earn them by.
    PointsWithoutTarget(u32),
    UnknownFlag(String),
    NoParts,
    DuplicatePart(String),
    PercentMin(u32),
    NoColumns,
    DuplicateColumn,
    UnknownColumn(String),
    BandsWithThreshold,
    BandsWithDynamics,
    /// A target of nothing, which every school meets, before publishing (a
    /// card published so still loads): the field («порог», «минимум») and
    /// the target as said («порог 0 %»).
    ZeroTarget {
        field: &'static str,
        said: &'static str,
    },
    BandsOrder,
    /// A step from above 100 %, which no share reaches.
    BandsAbove {
        from: u32,
    },
    BandsTop {
        top: u32,
        points: u32,
    },
}

impl fmt::Display for CardPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty(what) => write!(f, "не заполнено: {what}"),
            Self::Gap(what) => write!(f, "{what} — впишите текст вместо «…»"),
            Self::Untouched(what) => {
                write!(f, "{what} — осталась заготовка редактора: впишите свой текст")
            }
            Self::NoPoints => write!(f, "задана цель, но не указано, сколько баллов она даёт"),
            Self::ZeroTarget { field, said } => write!(
                f,
                "{said} выполняет любая школа — укажите {field} больше нуля или уберите его"
            ),
            Self::PointsWithoutTarget(points) => write!(
                f,
                "указано баллов: {points}, но нет ни порога, ни динамики, ни шкалы, по которым их начислять \
                 (у информационного показателя 0 баллов)"
            ),
            Self::UnknownFlag(key) => write!(
                f,
                "условие применимости «{key}» не входит в вопросы профиля карты"
            ),
            Self::NoParts => write!(f, "в разбивке нет ни одной части"),
            Self::DuplicatePart(part) => write!(f, "часть «{part}» названа дважды"),
            Self::PercentMin(tenths) => write!(
                f,
                "минимум {},{} % больше 100 %",
                tenths / 10,
                tenths % 10
            ),
            Self::NoColumns => write!(f, "в списке нет ни одного числового столбца"),
            Self::DuplicateColumn => write!(f, "ключи столбцов списка повторяются"),
            Self::UnknownColumn(key) => write!(f, "столбец «{key}» не найден в списке"),
            Self::BandsWithThreshold => {
                write!(f, "заданы и порог, и шкала баллов: оставьте одно")
            }
            Self::BandsWithDynamics => write!(f, "шкала баллов не сочетается с динамикой"),
            Self::BandsOrder => write!(
                f,
                "ступени шкалы должны идти по возрастанию доли (0–100 %) и баллов"
            ),
            Self::BandsAbove { from } => write!(
                f,
                "ступень «от {from} %» выше 100 %: такой доли не бывает, ступень не наступит"
            ),
            Self::BandsTop { top, points } => write!(
                f,
                "верхняя ступень шкалы даёт {top}, а у показателя указано баллов: {points}"
            ),
        }
    }
}

/// The card editor's name for the points' steps of a share, as
/// [`TemplateError::field_message`] takes it.
pub const BANDS: &str = "шкала";
/// The same for an indicator's points.
pub const POINTS: &str = "баллы";

impl TemplateError {
    /// This problem as said under one field of the indicator `code` in the
    /// card editor: `what` is the field as the checks name it
    /// («формулировка», «подпись знаменателя»); `None` is its number,
    /// which another indicator may have taken. `None` when the problem is
    /// not that field's.
    pub fn field_message(&self, code: &str, what: Option<&str>) -> Option<&'static str> {
        match (self, what) {
            (Self::DuplicateCode { code: c }, None) if c == code => {
                Some("Этот код уже есть в карте.")
            }
            (Self::Indicator { indicator, part }, Some(what)) if indicator == code => match part {
                CardPart::Empty(w) if *w == what => Some("Заполните это поле."),
                CardPart::Gap(w) if *w == what => Some("Впишите текст вместо «…»."),
                CardPart::Untouched(w) if *w == what => {
                    Some("Осталась заготовка редактора: впишите свой текст.")
                }
                CardPart::ZeroTarget { field, .. } if *field == what => {
                    Some("Ноль выполняет любая школа: укажите больше нуля или оставьте пустым.")
                }
                // The steps' problems, said at the steps and at the other
                // field each names: listed only under the indicator, they
                // stood 600 px below the fields (a walk-through).
                CardPart::BandsWithThreshold if what == "порог" => {
                    Some("Задана и шкала баллов: оставьте порог или шкалу.")
                }
                CardPart::BandsWithThreshold if what == BANDS => {
                    Some("Задан и порог: оставьте порог или шкалу.")
                }
                CardPart::BandsWithDynamics if what == BANDS => {
                    Some("Шкала баллов не сочетается с динамикой: оставьте одно.")
                }
                CardPart::BandsOrder if what == BANDS => {
                    Some("Ступени должны идти по возрастанию доли (0–100 %) и баллов.")
                }
                CardPart::BandsAbove { .. } if what == BANDS => {
                    Some("Ступень выше 100 % не наступит: такой доли не бывает.")
                }
                CardPart::BandsTop { .. } if what == BANDS => {
                    Some("Верхняя ступень даёт другие баллы, чем указано у показателя.")
                }
                CardPart::BandsTop { .. } if what == POINTS => {
                    Some("Не равно баллам верхней ступени шкалы.")
                }
                CardPart::NoPoints if what == POINTS => {
                    Some("Задана цель: укажите, сколько баллов она даёт.")
                }
                CardPart::PointsWithoutTarget(_) if what == POINTS => {
                    Some("Нет цели, по которой начислять баллы: задайте её или укажите 0.")
                }
                _ => None,
            },
            _ => None,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format { detail } => {
                write!(f, "Описание карты не удалось прочитать: {detail}.")
            }
            Self::EmptyText { place } => write!(f, "В описании карты не заполнен текст: {place}."),
            Self::DuplicateCode { code } => {
                write!(f, "Код «{code}» встречается в карте больше одного раза.")
            }
            Self::DuplicateFlagKey { key, taken_by } => write!(
                f,
                "Ключ «{key}» вопроса профиля уже занят вопросом «{taken_by}»: у каждого вопроса \
                 свой ключ."
            ),
            Self::BadId { id } => write!(
                f,
                "Идентификатор карты «{id}»: только строчные латинские буквы, цифры и дефис \
                 (например, otdel-2026) — по нему называется файл карты на сайте."
            ),
            Self::DuplicateId { id } => write!(
                f,
                "Внутренний номер показателя «{id}» встречается дважды: у каждого показателя он свой."
            ),
            Self::CriterionMax {
                criterion,
                declared,
                sum,
            } => write!(
                f,
                "Критерий {criterion}: заявленный максимум {declared}, а сумма баллов его показателей {sum}."
            ),
            Self::CardMax { declared, sum } => write!(
                f,
                "Заявленный максимум карты {declared}, а сумма баллов всех показателей {sum}."
            ),
            Self::Threshold {
                indicator,
                threshold,
            } => write!(
                f,
                "Показатель {indicator}: порог {threshold}\u{A0}% вне допустимых пределов 0–100\u{A0}%."
            ),
            Self::NoIndicators => write!(f, "В карте нет ни одного показателя."),
            Self::Gap { place } => write!(f, "{place} — впишите текст вместо «…»."),
            Self::BadKey { what, key } => write!(
                f,
                "Ключ {what} «{key}»: только латинские буквы, цифры, «-» и «_» (например, kadety)."
            ),
            Self::Untouched { place } => write!(
                f,
                "{place} — осталась заготовка редактора: впишите свой текст."
            ),

            Self::LevelBands { high, medium } => write!(
                f,
                "Границы уровней заданы неверно: высокий от {high}\u{A0}%, средний от {medium}\u{A0}% \
                 (нужно 0 < средний < высокий ≤ 100)."
            ),
            Self::LevelsWithoutPoints => write!(
                f,
                "Заданы уровни эффективности, но карта не даёт баллов: уровни считаются от баллов."
            ),
            Self::Indicator { indicator, part } => write!(f, "Показатель {indicator}: {part}."),
        }
    }
}

impl std::error::Error for TemplateError {}

/// Why a typed number cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    NotInteger,
    /// A number the card cannot do without, left empty in the editor.
    Required,
    /// «22%» typed where a number is counted (a school walk-through's
    /// share typed as a percent; «без дробной части и букв» did not fit).
    Percent,
    /// Spaces that do not part thousands: «1 00», «12 5».
    Grouping,
    /// Characters nobody sees (a zero-width space from copied text).
    Invisible,
    /// Cells of a table pasted into one box ([`crate::school::input::pasted_cells`]).
    SeveralCells,
    Negative,
    TooLarge {
        max: u64,
    },
    /// The other half of a share is filled in, this one is not.
    Missing,
    /// As [`NumberError::Missing`], of the whole («общее число»): «type 0
    /// if none» would only make the part above it.
    MissingWhole,
    /// The part above its `whole`: a whole of 0 is named, as the number
    /// most likely typed for «none» in the wrong box.
    NumeratorAboveDenominator {
        whole: u64,
    },
    /// Last year's numerator above last year's denominator.
    PrevNumeratorAbove {
        whole: u64,
    },
    /// A breakdown's parts add up to more than its denominator.
    PartsAbove {
        sum: u64,
    },
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotInteger => write!(f, "Введите целое число без дробной части и букв."),
            Self::Required => write!(f, "Укажите число."),
            Self::Percent => write!(
                f,
                "Здесь нужно число, а не процент (например, сколько человек); доли, где они \
                 нужны, Профкарта считает сама."
            ),
            Self::Grouping => write!(
                f,
                "Пробел в числе стоит не между тысячами: проверьте число (пишется «1 200» или «1200»)."
            ),
            Self::Invisible => write!(
                f,
                "В поле есть невидимые символы (например, из скопированного текста): они будут удалены, \
                 когда вы перейдёте к другому полю."
            ),
            Self::SeveralCells => f.write_str(SEVERAL_CELLS),
            Self::Negative => write!(f, "Число не может быть отрицательным."),
            Self::TooLarge { max } => write!(
                f,
                "Слишком большое число: допускается не более {}.",
                crate::text::group_digits(*max)
            ),
            Self::Missing => write!(f, "Заполните и это поле; если таких нет, введите 0."),
            Self::MissingWhole => write!(f, "Заполните и общее число."),
            Self::NumeratorAboveDenominator { whole: 0 } => write!(
                f,
                "Общее число (во втором поле) — 0, а в этом поле больше: если таких нет, введите здесь 0, \
                 иначе исправьте общее число."
            ),
            Self::NumeratorAboveDenominator { .. } => write!(
                f,
                "Это число больше общего числа (во втором поле): проверьте оба поля."
            ),
            Self::PrevNumeratorAbove { whole: 0 } => write!(
                f,
                "За прошлый год общее число (во втором поле) — 0, а в этом поле больше: если таких не \
                 было, введите здесь 0, иначе исправьте общее число."
            ),
            Self::PrevNumeratorAbove { .. } => write!(
                f,
                "За прошлый год это число больше общего числа (во втором поле): проверьте оба поля."
            ),
            Self::PartsAbove { sum } => write!(
                f,
                "Сумма по частям ({}) больше общего числа: проверьте части и общее число.",
                crate::text::group_digits(*sum)
            ),
        }
    }
}

/// Why an evidence link is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    Scheme,
    /// Words, not an address («Приказ № 45 от 01.09.2025»): a document the
    /// school has no link to, which its comment is the place for.
    Words,
    NoHost,
    /// An address, then words («vk.com/school12 (группа)»).
    WithWords,
    /// A host without a dot («https://school7»): a name only a school's own
    /// network knows, if any; the department cannot open it.
    NoDomain,
    Whitespace,
    TooLong {
        max: usize,
    },
    /// Two links run together («…/news;https://vk.com/…»): the field takes
    /// one a line, and the page of the glued address does not exist.
    Glued,
    /// An address of a private network («https://192.168.1.10/…»): the
    /// school's own server, which nobody outside can open.
    LocalNetwork,
    /// «https://» typed on the Russian layout: «реезыЖ..».
    Layout,
    /// The beginning twice («https://https://…»): an address pasted after
    /// a typed one.
    DoubleScheme,
    /// «ivanovka..school.ru»: an empty part of the site's name.
    DoubleDot,
    /// «-ivanovka-.ru»: a part of the name begins or ends with a hyphen.
    HyphenEdge,
    /// Russian and Latin letters in one part of the name («sсhool» with a
    /// Russian «с»): another, most likely nonexistent, site.
    MixedAlphabets,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Scheme => write!(f, "Ссылка должна начинаться с http:// или https://."),
            Self::Words => write!(
                f,
                "Это не ссылка. Документ без адреса в интернете назовите в поле «Комментарий», а здесь оставьте только ссылки (http:// или https://)."
            ),
            Self::NoHost => write!(f, "В ссылке нет адреса сайта после http(s)://."),
            Self::WithWords => write!(
                f,
                "Рядом с адресом есть пояснение; оставьте здесь только адрес, а пояснение \
                 перенесите в поле «Комментарий»."
            ),
            Self::NoDomain => write!(
                f,
                "В адресе сайта нет точки (например, school7.ru): такую страницу отдел образования не откроет."
            ),
            Self::Whitespace => write!(f, "В ссылке не должно быть пробелов."),
            Self::TooLong { max } => write!(f, "Ссылка длиннее {max} символов."),
            Self::Glued => write!(
                f,
                "В строке две ссылки подряд: поставьте каждую на отдельную строку."
            ),
            Self::LocalNetwork => write!(
                f,
                "Это адрес во внутренней сети (например, школьного сервера): отдел образования \
                 такую страницу не откроет. Укажите адрес страницы в интернете."
            ),
            Self::Layout => write!(
                f,
                "Начало ссылки набрано в русской раскладке (например, «реезыЖ..» вместо \
                 «https://»): переключите раскладку на английскую и наберите адрес заново."
            ),
            Self::DoubleScheme => write!(
                f,
                "Начало адреса повторено (https://https://…): оставьте одно."
            ),
            Self::DoubleDot => write!(f, "В адресе сайта две точки подряд: проверьте адрес."),
            Self::HyphenEdge => write!(
                f,
                "Часть адреса сайта начинается или кончается дефисом: такого адреса не бывает, \
                 проверьте его."
            ),
            Self::MixedAlphabets => write!(
                f,
                "В адресе сайта смешаны русские и латинские буквы (например, русская «с» среди \
                 латинских): такого сайта нет, наберите адрес в одной раскладке."
            ),
        }
    }
}

/// Why a free-text field (comment, profile field) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    Required,
    TooLong {
        max: usize,
    },
    PeriodFormat,
    PeriodYears,
    /// A year that has not begun on the school's calendar.
    PeriodAhead,
    /// A contact with «@» that is no whole e-mail address.
    Email,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Required => write!(f, "Обязательное поле."),
            Self::TooLong { max } => write!(f, "Слишком длинный текст: не более {max} символов."),
            Self::PeriodFormat => write!(f, "Укажите учебный год в виде 2025/2026."),
            Self::PeriodYears => {
                write!(
                    f,
                    "Второй год должен быть следующим за первым, например 2025/2026."
                )
            }
            Self::PeriodAhead => write!(
                f,
                "Этот учебный год ещё не начался: укажите год, за который заполняется карта."
            ),
            Self::Email => write!(
                f,
                "Адрес почты неполный: нужен вид имя@домен, например ivanova@school7.ru."
            ),
        }
    }
}

impl TextError {
    /// The fault as the department reads it of a school's file: the
    /// Display above speaks to the school at its own field («Укажите…»).
    pub fn fault(&self) -> String {
        match self {
            Self::Required => "не заполнено".into(),
            Self::TooLong { max } => format!("длиннее {max} символов"),
            Self::PeriodFormat => "записано не в виде 2025/2026".into(),
            Self::PeriodYears => {
                "записано с годами не подряд (второй год должен следовать за первым)".into()
            }
            Self::PeriodAhead => "называет год, который ещё не начался".into(),
            Self::Email => "содержит неполный адрес почты".into(),
        }
    }
}

/// A picked file the browser could not read, whatever its own reason: on
/// its own, so that the school's page says it without every import
/// refusal's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileUnreadable;

impl fmt::Display for FileUnreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Файл не удалось прочитать с диска: возможно, он перемещён или удалён."
        )
    }
}

/// Why a typed percentage cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentError {
    NotNumber,
    AboveHundred,
    TooPrecise,
    /// As [`NumberError::SeveralCells`].
    SeveralCells,
}

/// Cells of a table, or lines, pasted into one box of a number.
const SEVERAL_CELLS: &str =
    "Вставлено несколько ячеек таблицы или строк: оставьте в поле одно число.";

impl fmt::Display for PercentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotNumber => write!(f, "Введите число от 0 до 100, например 87,5."),
            Self::AboveHundred => write!(f, "Процент не может быть больше 100."),
            Self::TooPrecise => write!(f, "Укажите не больше одного знака после запятой."),
            Self::SeveralCells => f.write_str(SEVERAL_CELLS),
        }
    }
}

/// A problem with one field of an indicator row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Number(NumberError),
    Percent(PercentError),
    /// A list row's name is empty while its numbers are typed.
    RowName,
    /// A list cell is above the column it is a part of («из них»), in the
    /// same row: that column's label and number, said, since a 0 there
    /// («таких нет») is the usual slip.
    AboveColumn {
        label: String,
        whole: u64,
        /// That column's place: while it is being typed, the part waits.
        column: usize,
    },
    /// `line` counts from 1, as the user sees lines in the links box.
    Link {
        line: usize,
        error: LinkError,
    },
    Comment(TextError),
}

impl FieldError {
    /// A field left empty while others it goes with are typed: a row on
    /// its way, not yet a mistake while the school is in it.
    pub fn is_empty_field(&self) -> bool {
        matches!(
            self,
            Self::Number(NumberError::Missing | NumberError::MissingWhole) | Self::RowName
        )
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(e) => e.fmt(f),
            Self::Percent(e) => e.fmt(f),
            Self::RowName => write!(f, "Укажите название: без него строку не учесть."),
            // Said under a box in a narrow column, beside the column it
            // names: short, and the name cut to its first words.
            Self::AboveColumn { label, whole, .. } => write!(
                f,
                "Больше, чем «{}» ({}).",
                crate::text::shorten(label, 24),
                crate::text::group_digits(*whole)
            ),
            // The message goes on after the colon: «Строка 1: в адресе…».
            Self::Link { line, error } => {
                write!(
                    f,
                    "Строка {line}: {}",
                    crate::text::lower_first(&error.to_string())
                )
            }
            Self::Comment(e) => e.fmt(f),
        }
    }
}

/// Why a file is not a valid Profkarta submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmissionError {
    NotJson,
    NotSubmission,
    UnsupportedVersion {
        version: u64,
    },
    /// The key or signature field is not of the expected encoding or length.
    BadEncoding {
        field: &'static str,
    },
    /// The signature does not match the content: the file was altered.
    SignatureInvalid,
    /// The signed content does not have the expected structure.
    Shape {
        detail: String,
    },
    /// A key appears twice in one object; `path` leads to it from the top.
    DuplicateKey {
        path: Vec<String>,
    },
    /// The fingerprint the file declares is not its key's; `actual` is the key's.
    FingerprintMismatch {
        actual: String,
    },
}

impl fmt::Display for SubmissionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Файл не читается как выгрузка Профкарты: это не текст в формате JSON (возможно, другой документ или файл повреждён)."),
            Self::NotSubmission => write!(f, "Файл в формате JSON, но это не выгрузка карты школы из Профкарты."),
            Self::UnsupportedVersion { version } => write!(
                f,
                "Файл создан версией формата {version}, которую это приложение не знает. Обновите страницу."
            ),
            Self::BadEncoding { field } => {
                write!(f, "Повреждено поле подписи «{field}»: файл изменён или обрезан.")
            }
            Self::SignatureInvalid => write!(
                f,
                "Подпись не совпадает с содержимым: файл был изменён после выгрузки."
            ),
            Self::Shape { detail } => write!(f, "Содержимое файла повреждено: {detail}."),
            Self::DuplicateKey { path } => write!(
                f,
                "Поле «{}» записано в файле дважды: разные программы прочтут такой файл по-разному, \
                 поэтому он не принимается. Файл изменён вручную или повреждён.",
                crate::json::key_path(path)
            ),
            Self::FingerprintMismatch { actual } => write!(
                f,
                "Отпечаток ключа, записанный в файле, не совпадает с самим ключом ({actual}): \
                 файл изменён после выгрузки."
            ),
        }
    }
}

/// Why a file picked in «Открыть файл…» is neither a draft nor an export
/// (the words of [`DraftLoadError`] are about what the browser stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchoolFileError {
    NotJson,
    /// JSON broken at `line` and `column` ([`crate::json::garbled`]): an
    /// export or a draft damaged, said as the department says it.
    Garbled {
        line: usize,
        column: usize,
    },
    Foreign,
    KeyBackup,
    /// The department's card, which the card's own button opens.
    CardFile,
    /// The department's recommendations, which the plan's button opens.
    LetterFile,
    /// One of the department's own files (backup, keys, reviewers').
    DepartmentFile,
    /// A draft file with a key written twice in one object.
    DuplicateKey {
        path: Vec<String>,
    },
}

/// A file broken at `line` and `column`, said alike on both pages.
fn garbled_said(line: usize, column: usize) -> String {
    format!(
        "Файл повреждён: в строке {line} (знак {column}) нарушен формат JSON — вероятно, файл \
         правили вручную или он испорчен при пересылке."
    )
}

impl fmt::Display for SchoolFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Это не черновик и не выгрузка Профкарты: такие файлы Профкарта не сохраняет (это другой документ, или файл повреждён)."),
            Self::Garbled { line, column } => write!(
                f,
                "{} Выгрузите файл из Профкарты заново или откройте другую его копию.",
                garbled_said(*line, *column)
            ),
            Self::Foreign => write!(f, "В нём нет ни черновика, ни выгрузки Профкарты."),
            Self::KeyBackup => write!(
                f,
                "Это резервная копия ключа подписи. Её открывает кнопка «Восстановить ключ из файла…» \
                 в разделе выгрузки."
            ),
            Self::CardFile => write!(
                f,
                "Это файл карты отдела. Его открывает кнопка «Открыть карту отдела…» рядом с выбором \
                 карты вверху страницы."
            ),
            Self::LetterFile => write!(
                f,
                "Это файл рекомендаций отдела. Его открывает кнопка «Открыть файл рекомендаций \
                 отдела…» в разделе «План мероприятий по повышению эффективности»."
            ),
            Self::DepartmentFile => write!(
                f,
                "Это рабочий файл отдела образования: он открывается на странице отдела, не школы."
            ),
            Self::DuplicateKey { path } => write!(
                f,
                "Поле «{}» записано в файле дважды: неясно, какое из значений верное, поэтому \
                 файл не открыт. Файл изменён вручную или повреждён.",
                crate::json::key_path(path)
            ),
        }
    }
}

/// Why a stored or backed-up draft cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftLoadError {
    NotJson,
    Foreign,
    /// Saved by a newer version of the app: kept untouched until it is updated.
    Newer {
        schema: u64,
    },
    Shape {
        detail: String,
    },
}

impl fmt::Display for DraftLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Сохранённые данные повреждены и не читаются."),
            Self::Foreign => write!(f, "Сохранённые данные не похожи на черновик Профкарты."),
            Self::Newer { schema } => write!(
                f,
                "Черновик сохранён более новой версией приложения (формат {schema}). \
                 Обновите страницу; до тех пор черновик не изменяется."
            ),
            Self::Shape { detail } => write!(f, "Черновик повреждён: {detail}."),
        }
    }
}

/// A stored draft with fields this version does not read
/// ([`decode_noting`](crate::school::stored::decode_noting)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadFields {
    pub draft: String,
    pub fields: Vec<String>,
}

/// A stored draft's field as the school knows it: «показатель 1.1 —
/// знаменатель» for «draft.answers.1.1.denominator» (a walk-through's
/// deputy head read the path as a fault of the app's); any other path (a
/// newer app's field, «draft.answerz») as it is, quoted, for a specialist.
fn field_described(path: &str) -> String {
    const FIELDS: [(&str, &str); 12] = [
        ("prev_numerator", "прошлый год, числитель"),
        ("prev_denominator", "прошлый год, знаменатель"),
        ("numerator", "числитель"),
        ("denominator", "знаменатель"),
        ("parts", "слагаемые"),
        ("count", "число"),
        ("percent", "процент"),
        ("fact", "да/нет"),
        ("rows", "строки списка"),
        ("no_rows", "отметка «строк нет»"),
        ("evidence", "ссылки на подтверждение"),
        ("comment", "комментарий"),
    ];
    let answer = path.strip_prefix("draft.answers.").and_then(|rest| {
        FIELDS.iter().find_map(|(key, name)| {
            let at = rest.find(&format!(".{key}"))?;
            let after = &rest[at + 1 + key.len()..];
            (after.is_empty() || after.starts_with('.'))
                .then(|| format!("показатель {} — {name}", &rest[..at]))
        })
    });
    // The profile's fields as the form names them (a walk-through read
    // «draft.profile.levels»).
    let profile = path.strip_prefix("draft.profile.").and_then(|rest| {
        let key = rest.split('.').next()?;
        let field = crate::school::profile::ProfileField::ALL
            .into_iter()
            .find(|f| f.key() == key);
        match (field, key) {
            (Some(field), _) => Some(format!("поле «{}»", field.label())),
            (None, "levels") => Some("отметки «Уровни образования в ОО»".to_owned()),
            (None, "ovz" | "flags") => Some("отметки «Обучающиеся и группы»".to_owned()),
            _ => None,
        }
    });
    // Anything else may be a newer app's field, which a reload brings
    // back: said as it is, and the advice is to reload.
    (answer.or(profile)).unwrap_or_else(|| format!("«{path}»"))
}

impl fmt::Display for UnreadFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut fields: Vec<String> = Vec::new();
        for field in self.fields.iter().map(|p| field_described(p)) {
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
        // A field the draft does not have is a newer app's, most likely;
        // one it has, a value of the wrong kind typed by a hand, which a
        // reload does not bring back («обновите» read oddly after one).
        let what_now = match fields.iter().any(|f| f.starts_with('«')) {
            true => "Если страница давно не обновлялась, обновите её.",
            false => "Введите их заново.",
        };
        write!(
            f,
            "В черновике «{}» есть данные, которые эта версия приложения не читает ({}): \
             черновик открывается без них. {what_now}",
            self.draft,
            fields.join(", ")
        )
    }
}

/// A stored draft with a key written twice (by a hand, not by the app):
/// opened with the last value, as before, but said, its text kept aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedField {
    pub draft: String,
    pub path: Vec<String>,
}

impl fmt::Display for RepeatedField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "В черновике «{}» поле «{}» записано дважды (приложение так не сохраняет: текст, \
             видимо, правили вручную). Черновик открыт с последним из значений — проверьте \
             этот ответ.",
            self.draft,
            crate::json::key_path(&self.path)
        )
    }
}

/// The department's stored decisions hold fields this version does not
/// read (a newer version's): opened without them, kept aside first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadDecisions {
    pub fields: Vec<String>,
}

impl fmt::Display for UnreadDecisions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<String> = self.fields.iter().map(|p| format!("«{p}»")).collect();
        write!(
            f,
            "В сохранённых решениях отдела есть данные, которые эта версия приложения не \
             читает ({}): решения открыты без них. Если страница давно не обновлялась, \
             обновите её.",
            fields.join(", ")
        )
    }
}

/// A draft or an export of a card (or a version of it) this browser does
/// not have: shown on another, its answers would count for nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingCard {
    /// «Черновик», or «Он» after a sentence naming the file.
    pub what: &'static str,
    pub id: String,
    pub version: u32,
}

impl fmt::Display for MissingCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} заполнен по карте «{}» (версия {}), которой в этом браузере нет. Откройте \
             сначала файл этой карты, полученный от отдела («Открыть карту отдела…»).",
            self.what, self.id, self.version
        )
    }
}

/// An export of a card version this browser has with other content: the
/// department published that number twice (on two computers), and the
/// school's answers would be scored by the other edition's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherEdition {
    pub id: String,
    pub version: u32,
}

impl fmt::Display for OtherEdition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Он заполнен по карте «{}», версия {}, но не по той, что есть в этом браузере: у неё \
             другое содержание (карту изменили или опубликовали на другом компьютере). \
             Выясните в отделе образования, какая карта действует, и откройте её файл («Открыть \
             карту отдела…»).",
            self.id, self.version
        )
    }
}

/// Why two tabs' versions of a draft cannot be merged
/// ([`merge`](crate::school::merge::merge)): the user chooses one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeConflict {
    /// The parts changed both ways, as the user knows them.
    SameFields(Vec<String>),
    /// One tab moved the draft to another card or version.
    OtherCard,
    /// The merged text does not read as a draft.
    Unreadable,
}

impl fmt::Display for MergeConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SameFields(parts) => write!(
                f,
                "В обеих вкладках по-разному изменено: {}.",
                parts.join(", ")
            )?,
            Self::OtherCard => write!(
                f,
                "В другой вкладке черновик перенесён на другую карту или её версию."
            )?,
            Self::Unreadable => write!(f, "Объединённую версию прочитать нельзя.")?,
        }
        write!(f, " Выберите, какую версию оставить.")
    }
}

/// Why the browser's storage refused to keep something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    Unavailable,
    Full,
    Other,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => write!(
                f,
                "Хранилище браузера недоступно (частный режим или запрет сайтов хранить данные)."
            ),
            Self::Full => write!(f, "Хранилище браузера переполнено."),
            Self::Other => write!(f, "Браузер отказался сохранить данные."),
        }
    }
}

/// A record the app keeps for itself in the browser that no longer reads:
/// moved aside with its text, and said, never dropped unsaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DamagedRecord {
    /// The review decisions a closing department page wrote in haste.
    PendingDecisions,
    /// The department key a school's browser trusts for the cards.
    TrustedKey,
}

impl fmt::Display for DamagedRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PendingDecisions => write!(
                f,
                "Решения проверки, записанные при закрытии страницы, повреждены и не читаются: \
                 открыты решения последнего сохранения. Проверьте решения, принятые перед \
                 закрытием страницы."
            ),
            Self::TrustedKey => write!(
                f,
                "Запись о ключе отдела образования, которому доверяет этот браузер, повреждена \
                 и не читается: ключ запомнен заново по первой карте отдела, полученной после \
                 этого."
            ),
        }
    }
}

/// Why a key backup file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    NotKeyFile,
    Damaged,
    /// The other page's key: the school's restored on the department's
    /// page, or the reverse.
    OtherRole(crate::signed::keys::KeyRole),
    /// The file names another fingerprint than its key's.
    FingerprintMismatch {
        declared: String,
        actual: String,
    },
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotKeyFile => write!(f, "Это не файл ключа подписи Профкарты."),
            Self::Damaged => write!(
                f,
                "Файл ключа повреждён: открытый ключ не соответствует секретному."
            ),
            Self::FingerprintMismatch { declared, actual } => write!(
                f,
                "Файл ключа повреждён: в нём записан отпечаток {declared}, а у ключа в нём \
                 отпечаток {actual}."
            ),
            Self::OtherRole(crate::signed::keys::KeyRole::School) => write!(
                f,
                "Это ключ подписи школы: им подписываются выгрузки школы, и восстанавливают его \
                 на странице школы, не отдела."
            ),
            Self::OtherRole(crate::signed::keys::KeyRole::Department) => write!(
                f,
                "Это ключ подписи отдела образования: им подписываются карты и файлы проверки, и \
                 восстанавливают его на странице отдела, не школы."
            ),
        }
    }
}

impl KeyError {
    /// The same of the key this browser keeps, which no file was opened
    /// for: «Это не файл ключа» read as a file the user had chosen (a
    /// walk-through).
    pub fn in_storage(&self) -> String {
        match self {
            Self::OtherRole(_) => {
                format!("Ключ подписи, сохранённый в браузере, не подходит. {self}")
            }
            _ => "Ключ подписи, сохранённый в браузере, повреждён и не читается.".to_owned(),
        }
    }
}

/// Why a draft card cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishError {
    /// The card's own problems, each shown beside its field.
    Invalid(Vec<TemplateError>),
    /// This id and version is published already: a version never changes.
    Taken { id: String, version: u32 },
    /// The department's website lists this version, which this browser
    /// lacks: it was published on another computer. `file`: its name in
    /// the site's folder.
    OnSite {
        title: String,
        version: u32,
        file: String,
    },
    /// Only a draft is published; a published version is final.
    NotDraft,
    /// A card file names who published it, and a version never changes.
    NoDepartment,
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(problems) => write!(
                f,
                "Карту нельзя опубликовать, пока в ней есть ошибки ({}): они отмечены у полей.",
                problems.len()
            ),
            Self::Taken { id, version } => write!(
                f,
                "Версия {version} карты «{id}» уже опубликована и не меняется: \
                 измените номер версии или начните новую."
            ),
            Self::OnSite {
                title,
                version,
                file,
            } => write!(
                f,
                "Версия {version} карты «{title}» уже опубликована на сайте отдела, а в этом \
                 браузере её нет: её выпустили на другом компьютере. Закройте редактор, загрузите \
                 её файл (cards/{file} на сайте) кнопкой «Загрузить файл карты…» на вкладке \
                 «Карты» и сверьте с ней этот черновик: он получит следующий номер сам."
            ),
            Self::NotDraft => write!(f, "Опубликованная версия карты не меняется."),
            Self::NoDepartment => write!(
                f,
                "Укажите наименование органа управления образованием: оно записывается в файл \
                 карты, и после публикации его не изменить."
            ),
        }
    }
}

/// Why the website's list of the department's cards (`cards/index.json`)
/// was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteIndexError {
    Broken {
        detail: String,
    },
    /// JSON, but not a list of cards.
    NotIndex,
}

impl fmt::Display for SiteIndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Broken { detail } => write!(f, "список повреждён: {detail}"),
            Self::NotIndex => write!(f, "файл в формате JSON, но это не список карт Профкарты"),
        }
    }
}

/// Why a department's card file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardFileError {
    NotJson,
    NotCardFile,
    UnsupportedVersion {
        version: u64,
    },
    /// The signature does not match: the card was changed after signing.
    Altered,
    Broken {
        detail: String,
    },
    /// The signed card fails the checks every card passes.
    Invalid(TemplateError),
    /// The card's hash in the file is not the card's.
    HashMismatch,
    /// A template is a start for a department's card, never filled in.
    Template,
    /// A key appears twice in one object; `path` leads to it from the top.
    DuplicateKey {
        path: Vec<String>,
    },
    /// The fingerprint the file declares is not its key's; `actual` is the key's.
    FingerprintMismatch {
        actual: String,
    },
    /// Signed by another key than the department's key the school trusts.
    OtherKey {
        trusted: String,
        got: String,
    },
    /// The workspace has a published card of this id and version with
    /// other content: a published version never changes.
    OtherContent {
        id: String,
        version: u32,
    },
    /// The school received this card's version before, with other
    /// content: the file is not taken, nor its key if it is another.
    ReceivedOther {
        title: String,
        version: u32,
    },
    /// A new version of a card whose versions in the workspace were signed
    /// by another key (`here`): another department's, or this one's after
    /// its key changed. Asked about, never taken unsaid.
    AnotherKeysVersion {
        id: String,
        version: u32,
        department: String,
        got: String,
        here: String,
    },
}

impl fmt::Display for CardFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Файл не читается как файл карты Профкарты: это не текст в формате JSON."),
            Self::NotCardFile => write!(f, "Файл в формате JSON, но это не файл карты отдела образования."),
            Self::UnsupportedVersion { version } => write!(
                f,
                "Файл карты создан версией формата {version}, которую это приложение не знает. Обновите страницу."
            ),
            Self::Altered => write!(
                f,
                "Подпись не совпадает с содержимым: файл карты изменён после публикации отделом."
            ),
            Self::Broken { detail } => write!(f, "Файл карты повреждён: {detail}."),
            Self::Invalid(e) => write!(f, "Карта в файле не прошла проверку. {e}"),
            Self::HashMismatch => write!(
                f,
                "Отпечаток карты в файле не совпадает с самой картой: файл собран неверно."
            ),
            Self::Template => write!(
                f,
                "Это заготовка карты, а не опубликованная карта: по ней не заполняют."
            ),
            Self::DuplicateKey { path } => write!(
                f,
                "Поле «{}» записано в файле карты дважды: разные программы прочтут такой файл \
                 по-разному, поэтому он не принимается.",
                crate::json::key_path(path)
            ),
            Self::FingerprintMismatch { actual } => write!(
                f,
                "Отпечаток ключа, записанный в файле карты, не совпадает с самим ключом ({actual}): \
                 файл изменён после публикации отделом."
            ),
            Self::OtherKey { trusted, got } => write!(
                f,
                "Карта подписана ключом {got}, а вы доверяете ключу отдела {trusted}. \
                 Уточните в отделе образования, менялся ли ключ."
            ),
            Self::ReceivedOther { title, version } => write!(
                f,
                "Карта «{title}», версия {version}, уже получена, и в этом файле она другая, а \
                 опубликованная версия карты не меняется: заполняйте карту, полученную раньше, \
                 и сообщите об этом файле в отдел образования."
            ),
            Self::OtherContent { id, version } => write!(
                f,
                "В рабочей области уже есть карта «{id}», версия {version}, с другим содержанием, а \
                 опубликованная версия не меняется. Видимо, этот файл опубликован на другом \
                 компьютере: выясните, какую из двух карт получили школы, и опубликуйте \
                 исправления следующей версией."
            ),
            Self::AnotherKeysVersion {
                id,
                version,
                department,
                got,
                here,
            } => write!(
                f,
                "Карта «{id}», версия {version}, подписана ключом {got}{}, а её версии в этой \
                 рабочей области — ключом {here}. Если это версия другого отдела, она станет \
                 последней версией вашей карты: «Новая версия» продолжит её, а папка cards для \
                 сайта отдаст её школам. Загружайте её, только если сменился ключ вашего отдела.",
                match department.is_empty() {
                    true => String::new(),
                    false => format!(" (отдел: «{department}»)"),
                }
            ),
        }
    }
}

impl From<SubmissionError> for CardFileError {
    fn from(e: SubmissionError) -> Self {
        match e {
            SubmissionError::NotJson => Self::NotJson,
            SubmissionError::NotSubmission => Self::NotCardFile,
            SubmissionError::UnsupportedVersion { version } => Self::UnsupportedVersion { version },
            SubmissionError::BadEncoding { .. } | SubmissionError::SignatureInvalid => {
                Self::Altered
            }
            SubmissionError::Shape { detail } => Self::Broken { detail },
            SubmissionError::DuplicateKey { path } => Self::DuplicateKey { path },
            SubmissionError::FingerprintMismatch { actual } => Self::FingerprintMismatch { actual },
        }
    }
}

/// Why a file's bytes are not the text of a file Profkarta wrote, whoever
/// opens it. The department's import says it in its own words
/// ([`ImportError`]), since there the school has to send the file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileTextError {
    /// Not UTF-8 text at all.
    NotText,
    /// A document of another program, named («документ Word или Excel»):
    /// said so, where «не текстовый» left a school wondering what it had
    /// sent (a walk-through's .docx renamed .json).
    Document(&'static str),
    /// Text in an encoding other than UTF-8 or UTF-16 (a file saved again
    /// in Notepad as «ANSI»).
    OtherEncoding,
    /// Nothing in it, or only spaces: a download or a copy that failed.
    Empty,
    /// JSON that stops before its end: saved or sent only in part.
    CutOff,
}

impl fmt::Display for FileTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotText => write!(f, "Файл не текстовый: это не файл Профкарты."),
            Self::Document(what) => write!(
                f,
                "Это {what}, а не файл Профкарты: откройте файл .json, сохранённый Профкартой."
            ),
            Self::OtherEncoding => write!(
                f,
                "Буквы в файле не читаются в кодировке UTF-8, в которой его сохраняет Профкарта: \
                 файл пересохранён в другой кодировке или повреждён. Откройте исходный файл, \
                 сохранённый Профкартой."
            ),
            Self::Empty => write!(f, "Файл пуст: вероятно, он не сохранился или не скачался."),
            Self::CutOff => write!(
                f,
                "Файл обрывается, не дойдя до конца: вероятно, он скачан или скопирован не полностью. \
                 Откройте полную копию."
            ),
        }
    }
}

impl From<FileTextError> for ImportError {
    fn from(e: FileTextError) -> Self {
        match e {
            FileTextError::NotText => Self::NotText,
            FileTextError::Document(what) => Self::Document(what),
            FileTextError::OtherEncoding => Self::OtherEncoding,
            FileTextError::Empty => Self::Empty,
            FileTextError::CutOff => Self::CutOff,
        }
    }
}

/// Why the department refused a file at import. Files that are readable and
/// signed but need a decision (a new key) are not errors: they are held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not UTF-8 text at all.
    NotText,
    /// A document of another program ([`FileTextError::Document`]).
    Document(&'static str),
    /// Text in an encoding other than UTF-8 or UTF-16 (a file saved again
    /// in Notepad as «ANSI»).
    OtherEncoding,
    /// Nothing in it, or only spaces: a download or a copy that failed.
    Empty,
    /// JSON that stops before its end: saved or sent only in part.
    CutOff,
    /// JSON that begins as an object and breaks its syntax at `line` and
    /// `column`: a file edited by hand or damaged on the way, not another
    /// kind of document.
    Garbled {
        line: usize,
        column: usize,
    },
    /// The browser could not read the file from disk.
    Unreadable,
    /// A backup of a signing key: it holds the secret key.
    KeyFile,
    /// A school's draft (its backup), which has no signature.
    DraftFile,
    /// One of the department's own files, picked among the schools' (a
    /// walk-through's card file read as «не выгрузка Профкарты» and was
    /// listed with the schools' refused files).
    DepartmentFile(DepartmentFile),
    Submission(SubmissionError),
    /// Signed with a card this app does not have.
    UnknownTemplate {
        id: String,
        version: u32,
    },
    /// Signed with another content under the id and version of a card the
    /// workspace has: a published version never changes, so this is
    /// another card (edited, or published on another computer).
    OtherEdition {
        id: String,
        version: u32,
    },
    /// The same submission (same id) is already in the workspace, from
    /// `of_file` when that file had another name.
    Duplicate {
        of_file: Option<String>,
    },
    /// Another file with this file's id, but not the same content, is
    /// already in the workspace (`of_file`): Profkarta gives every export
    /// an id of its own, so one of the two was made elsewhere. Called a
    /// repeat, a real school's file was dropped as already in (a bad-input
    /// audit).
    IdTaken {
        of_file: String,
        /// The school the refused file names, for the coordinator to ask
        /// (every other refusal of a readable file says it).
        claim: Option<Box<crate::department::archive::Claim>>,
    },
    /// The school's details break the rules the school's form enforces
    /// before export (a required field empty, a name of thousands of
    /// characters): the file was not made by Profkarta as it stands.
    BadProfile {
        field: &'static str,
        problem: TextError,
    },
    /// Answers to indicators the file's card does not have: a draft of
    /// another card signed as this one. Scored by this card, the school
    /// would count for nothing it answered.
    ForeignAnswers {
        card: String,
        version: u32,
        codes: Vec<String>,
    },
}

/// The department's own files, by their `format`, as [`ImportError::DepartmentFile`]
/// names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepartmentFile {
    Card,
    CardIndex,
    Letter,
    Backup,
    Keys,
    ReviewerKey,
    Assignment,
    Review,
}

impl DepartmentFile {
    fn what(self) -> &'static str {
        match self {
            Self::Card => "файл карты отдела",
            Self::CardIndex => "список карт отдела для сайта (index.json)",
            Self::Letter => "файл рекомендаций отдела школе",
            Self::Backup => "резервная копия рабочей области отдела",
            Self::Keys => "список ключей школ",
            Self::ReviewerKey => "файл ключа проверяющего",
            Self::Assignment => "задание проверяющему",
            Self::Review => "файл проверки",
        }
    }

    fn where_it_goes(self) -> &'static str {
        match self {
            Self::Card => "его загружают на вкладке «Карты» кнопкой «Загрузить файл карты…».",
            Self::CardIndex => {
                "его кладут на сайт в папку cards/ вместе с файлами карт, а в рабочую область \
                 загружать не нужно."
            }
            Self::Letter => "его открывает школа на своей странице, в разделе «План мероприятий по повышению эффективности».",
            Self::Backup => {
                "её открывают на этой вкладке кнопкой «Загрузить резервную копию…» в разделе \
                 «Рабочая область»."
            }
            Self::Keys => {
                "его загружают на этой вкладке кнопкой «Загрузить список ключей…» в разделе \
                 «Рабочая область»."
            }
            Self::ReviewerKey => {
                "его добавляют на вкладке «Проверяющие» кнопкой «Добавить проверяющего (файл \
                 ключа)»."
            }
            Self::Assignment => {
                "его загружает проверяющий на вкладке «Проверяющие» кнопкой «Загрузить задание»."
            }
            Self::Review => {
                "его загружают на вкладке «Проверяющие» кнопкой «Загрузить файлы проверки»."
            }
        }
    }
}

impl ImportError {
    /// Said of a stored file, filed as text: a damaged record of the
    /// browser's storage or of a backup, not a file to ask the school for
    /// again. Every variant is named, so that a new one is placed here.
    pub fn damaged_record(&self) -> bool {
        match self {
            Self::NotText
            | Self::Document(_)
            | Self::OtherEncoding
            | Self::CutOff
            | Self::Garbled { .. }
            | Self::Empty => true,
            Self::TooLarge { .. }
            | Self::Unreadable
            | Self::KeyFile
            | Self::DraftFile
            | Self::DepartmentFile(_)
            | Self::Submission(_)
            | Self::UnknownTemplate { .. }
            | Self::OtherEdition { .. }
            | Self::Duplicate { .. }
            | Self::IdTaken { .. }
            | Self::BadProfile { .. }
            | Self::ForeignAnswers { .. } => false,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes, limit } => write!(
                f,
                "Файл слишком большой ({} КБ при пределе {} КБ): выгрузка Профкарты намного меньше.",
                bytes / 1024,
                limit / 1024
            ),
            Self::NotText => write!(f, "Файл не текстовый: это не выгрузка Профкарты."),
            Self::Document(what) => write!(
                f,
                "Это {what}, а не выгрузка Профкарты. Попросите школу прислать файл .json, \
                 выгруженный из Профкарты."
            ),
            Self::OtherEncoding => write!(
                f,
                "Буквы в файле не читаются в кодировке UTF-8, в которой его сохраняет Профкарта: \
                 файл пересохранён в другой кодировке или повреждён. Попросите школу прислать \
                 исходный файл, выгруженный из Профкарты."
            ),
            Self::Empty => write!(
                f,
                "Файл пуст: вероятно, он не сохранился или не скачался. Попросите школу прислать его снова."
            ),
            Self::CutOff => write!(
                f,
                "Файл обрывается, не дойдя до конца: вероятно, он скачан или скопирован не полностью. \
                 Попросите школу прислать его снова."
            ),
            Self::Garbled { line, column } => write!(
                f,
                "{} Попросите школу выгрузить карту заново и прислать файл, не открывая его в \
                 других программах.",
                garbled_said(*line, *column)
            ),
            Self::Unreadable => fmt::Display::fmt(&FileUnreadable, f),
            Self::KeyFile => write!(
                f,
                "Это резервная копия ключа подписи, а не выгрузка карты. В ней секретный ключ, которым \
                 подписываются выгрузки: владелец хранит её у себя и никому не пересылает, а у вас \
                 этот файл лучше удалить. Если это ключ школы, попросите её прислать выгрузку \
                 карты (кнопка «Выгрузить подписанный файл»)."
            ),
            Self::DraftFile => write!(
                f,
                "Это черновик карты (резервная копия из браузера школы), а не выгрузка: у черновика \
                 нет подписи, и отдел его не принимает. Попросите школу выгрузить карту кнопкой \
                 «Выгрузить подписанный файл»."
            ),
            Self::DepartmentFile(file) => write!(
                f,
                "Это {}, а не выгрузка школы: {}",
                file.what(),
                file.where_it_goes()
            ),
            Self::Submission(e) => e.fmt(f),
            Self::UnknownTemplate { id, version } => write!(
                f,
                "Файл заполнен по карте, которой нет в рабочей области (идентификатор карты «{id}», версия \
                 {version}). Загрузите файл этой карты на вкладке «Карты», затем загрузите выгрузку снова."
            ),
            Self::OtherEdition { id, version } => write!(
                f,
                "Файл заполнен по карте «{id}», версия {version}, но не по той, что есть в рабочей \
                 области: у неё другое содержание (карту изменили или опубликовали на другом \
                 компьютере). Выясните, какую карту получили школы; школе, заполнившей другую, \
                 нужно открыть карту со страницы отдела и выгрузить файл заново."
            ),
            Self::Duplicate { of_file: None } => write!(f, "Этот файл уже загружен."),
            Self::Duplicate {
                of_file: Some(of_file),
            } => write!(f, "Этот же файл уже загружен («{of_file}»)."),
            Self::IdTaken { of_file, .. } => write!(
                f,
                "Номер выгрузки в этом файле тот же, что у загруженного файла «{of_file}», а \
                 содержание другое. Профкарта даёт каждой выгрузке свой номер, так что один из \
                 файлов сделан не в ней. Файл не принят: попросите школу выгрузить карту заново."
            ),
            Self::BadProfile { field, problem } => write!(
                f,
                "Сведения о школе в файле заполнены не по правилам карты: поле «{field}» {}. \
                 Попросите школу исправить их в Профкарте и выгрузить файл заново.",
                problem.fault()
            ),
            Self::ForeignAnswers {
                card,
                version,
                codes,
            } => {
                let named = crate::text::first_of(codes, 5);
                write!(
                    f,
                    "В файле есть ответы на показатели, которых нет в карте «{card}» версии {version}: \
                     {named}. Вероятно, его заполняли по другой карте. Попросите школу открыть в \
                     Профкарте карту своего отдела и выгрузить файл заново."
                )
            }
        }
    }
}

impl From<SubmissionError> for ImportError {
    fn from(e: SubmissionError) -> Self {
        Self::Submission(e)
    }
}

/// Why a department backup or key list cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    NotJson,
    Foreign,
    /// The schools' key list, given to the backup's button.
    KeyList,
    /// A backup, given to the key list's button.
    Backup,
    /// A school's export, which the import takes.
    Submission,
    /// A signing key's backup, which the key panel takes.
    KeyBackup,
    Newer {
        schema: u64,
    },
    Shape {
        detail: String,
    },
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Файл не читается: это не текст в формате JSON (возможно, другой документ или файл повреждён)."),
            Self::Foreign => write!(
                f,
                "Это не резервная копия отдела и не список ключей Профкарты."
            ),
            Self::KeyList => write!(
                f,
                "Это список ключей школ: его загружает кнопка «Загрузить список ключей…»."
            ),
            Self::Backup => write!(
                f,
                "Это резервная копия рабочей области: её загружает кнопка «Загрузить резервную копию…»."
            ),
            Self::Submission => write!(
                f,
                "Это выгрузка школы: её принимает кнопка «Выбрать файлы…» вверху вкладки «Загрузка файлов»."
            ),
            Self::KeyBackup => write!(
                f,
                "Это резервная копия ключа подписи: ключ отдела восстанавливает кнопка «Восстановить \
                 ключ из файла…» на вкладке «Карты», ключ школы — страница школы."
            ),
            Self::Newer { schema } => write!(
                f,
                "Файл сохранён более новой версией приложения (схема {schema}). Обновите страницу."
            ),
            Self::Shape { detail } => write!(f, "Файл повреждён: {detail}."),
        }
    }
}

/// Why the department's stored decisions did not read, said of the record
/// in the browser, not of a file the user picked ([`ArchiveError`] speaks
/// of files and their buttons).
pub struct StoredDecisionsError<'a>(pub &'a ArchiveError);

impl fmt::Display for StoredDecisionsError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WHAT: &str = "Решения отдела (ключи, проверка, письма), сохранённые в этом браузере,";
        match self.0 {
            ArchiveError::Newer { schema } => write!(
                f,
                "{WHAT} записаны более новой версией приложения (схема {schema}), и эта версия их \
                 не читает. Обновите страницу: откроется новая версия. До тех пор они не \
                 перезаписываются."
            ),
            ArchiveError::NotJson => write!(
                f,
                "{WHAT} не удалось прочитать: запись повреждена (это не текст в формате JSON)."
            ),
            ArchiveError::Shape { detail } => {
                write!(
                    f,
                    "{WHAT} не удалось прочитать: запись повреждена ({detail})."
                )
            }
            _ => write!(
                f,
                "{WHAT} не удалось прочитать: в записи не решения отдела Профкарты."
            ),
        }
    }
}

/// A school typed into the list that the list already has, in some
/// spelling: two lines would count one school twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlreadyListed {
    pub name: String,
}

impl fmt::Display for AlreadyListed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Школа уже есть в списке: {}.",
            crate::text::quoted(&self.name)
        )
    }
}

/// The browser refused to hand a file over (a site policy, a full disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadRefused;

impl fmt::Display for DownloadRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "браузер не дал скачать файл. Проверьте, разрешены ли загрузки для этого сайта, и повторите."
        )
    }
}

/// A line of an indicator's steps of points in the card editor that does
/// not read as «от 30 % — 1»; counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandLineError {
    pub line: usize,
}

impl fmt::Display for BandLineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Строка {} не читается: нужны процент и баллы, например «от 30 % — 1».",
            self.line
        )
    }
}

/// A list's target in the card editor that does not read as «ключ столбца:
/// не менее N».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListMinError;

impl fmt::Display for ListMinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Не читается: нужны столбец и целое число, например «participants: не менее 10»."
        )
    }
}

/// The browser could not draw a chart into a picture for a Word document;
/// the document goes out without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartNotDrawn;

impl fmt::Display for ChartNotDrawn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "браузер не смог нарисовать диаграмму, документ скачан без неё. Диаграммы есть в печатной форме справки."
        )
    }
}

/// Why a recommendation letter file cannot pre-fill the school's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterFileError {
    NotJson,
    NotLetter,
    Newer {
        version: u64,
    },
    Shape {
        detail: String,
    },
    /// Written for another card than the open one.
    OtherCard {
        title: String,
    },
    /// Addressed to another school, and the school said not to add it.
    OtherSchool,
    /// Following another year's monitoring than the draft's, and the
    /// school said not to add it there.
    OtherYear {
        period: String,
    },
}

impl fmt::Display for LetterFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Файл не читается как файл рекомендаций: это не текст в формате JSON."),
            Self::NotLetter => write!(
                f,
                "Это не файл адресных рекомендаций отдела образования (его имя начинается с «рекомендации»)."
            ),
            Self::Newer { version } => write!(
                f,
                "Файл рекомендаций создан более новой версией приложения (формат {version}). Обновите страницу."
            ),
            Self::Shape { detail } => write!(f, "Файл рекомендаций повреждён: {detail}."),
            Self::OtherCard { title } => write!(
                f,
                "Рекомендации составлены по карте «{title}», а открыта другая карта. Выберите эту карту вверху страницы и откройте файл снова."
            ),
            Self::OtherSchool => write!(f, "Рекомендации в нём — для другой школы."),
            Self::OtherYear { period } => write!(
                f,
                "Рекомендации — по итогам {period} учебного года. Откройте черновик за {period} \
                 в «Моих черновиках» (или выгруженный файл за {period} кнопкой «Открыть файл…»), \
                 добавьте их в план и выгрузите карту снова: отдел заменит прежний файл новым, \
                 а если ответы не менять и оставить версию карты, его проверка сохранится."
            ),
        }
    }
}

/// Why a spreadsheet (the roster) could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// Neither an XLSX workbook nor text.
    NotXlsx,
    NoSheet,
    Broken,
    /// A Word document: a ZIP too, which read as a workbook without a
    /// sheet sent the coordinator looking for one (a bad-input audit).
    Word,
    /// No row under a header; `sheet`, for a workbook of several sheets,
    /// says which was read ([`crate::tabular::Table::sheet_line`]).
    NoRows {
        sheet: Option<String>,
    },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotXlsx => write!(f, "Это не книга Excel (XLSX) и не CSV."),
            Self::NoSheet => write!(f, "В книге Excel нет листа с данными."),
            Self::Broken => write!(f, "Книга Excel повреждена: её не удалось прочитать."),
            Self::Word => write!(
                f,
                "Это документ Word, а не таблица. Откройте список школ в Excel и сохраните его как \
                 «Книга Excel (XLSX)» или «CSV (разделители — точка с запятой)»."
            ),
            Self::NoRows { sheet: None } => {
                write!(f, "В нём нет строк со школами под заголовком.")
            }
            Self::NoRows { sheet: Some(line) } => write!(
                f,
                "В нём нет строк со школами под заголовком. {line} Если список на другом листе, \
                 перенесите его на первый."
            ),
        }
    }
}

/// The three files of a review shared among several reviewers, for the
/// messages that name which one was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewerFile {
    /// A reviewer's key, which the lead registers.
    Key,
    /// The schools the lead gave a reviewer.
    Assignment,
    /// A reviewer's signed decisions.
    Review,
}

impl ReviewerFile {
    fn name(self) -> &'static str {
        match self {
            Self::Key => "файл ключа проверяющего",
            Self::Assignment => "файл задания проверяющему",
            Self::Review => "файл проверки",
        }
    }
}

/// What a file picked in a reviewer's file's place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misplaced {
    Own(DepartmentFile),
    /// A school's export.
    Submission,
}

/// Why a reviewer's key file, an assignment or a review file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewerFileError {
    NotJson,
    /// JSON, but not the file expected.
    Foreign(ReviewerFile),
    /// Another file of Profkarta, picked in the wrong place: what it is,
    /// and where it opens (a walk-through's lead got «Это не файл
    /// проверки» for a key file).
    Misplaced {
        expected: ReviewerFile,
        found: Misplaced,
    },
    /// The signed envelope failed as a submission's would: a format version
    /// this app does not know, a repeated key, a changed signature.
    Signed(SubmissionError),
    Broken {
        detail: String,
    },
    /// Signed by a key the lead has not registered as a reviewer's.
    UnknownReviewer {
        name: String,
        fingerprint: String,
    },
    /// The key is registered already, under `name`.
    KnownKey {
        name: String,
    },
    /// A reviewer with this name but another key is registered: the
    /// registered key's fingerprint and the file's.
    NameTaken {
        name: String,
        registered: String,
        new: String,
    },
    /// A file of a reviewer whose key the lead has since replaced.
    ReplacedKey {
        name: String,
        old: String,
        now: String,
    },
    /// The assignment was made for another key than this computer's.
    OtherKey {
        reviewer: String,
        assigned: String,
        own: String,
    },
    /// Made before a file of the same reviewer already merged.
    Older {
        name: String,
    },
    /// An assignment of a card this browser does not have.
    UnknownCard {
        title: String,
    },
    /// Made on a day after today here: the reviewer's clock is ahead,
    /// and their later files would all read as older than it.
    Future {
        name: String,
        made_at: String,
    },
    /// Of another card or year than the lead last gave the reviewer.
    OtherCampaign {
        name: String,
        /// The file's card and year, and the assignment's.
        file: (String, String),
        assigned: (String, String),
    },
}

impl fmt::Display for ReviewerFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => write!(f, "Файл не читается как файл Профкарты: это не текст в формате JSON."),
            Self::Foreign(kind) => write!(f, "Это не {}.", kind.name()),
            Self::Misplaced { expected, found } => {
                let (what, goes) = match found {
                    Misplaced::Own(file) => (file.what(), file.where_it_goes()),
                    Misplaced::Submission => (
                        "выгрузка школы",
                        "её загружают на вкладке «Загрузка файлов».",
                    ),
                };
                write!(f, "Это {what}, а не {}: {goes}", expected.name())
            }
            Self::Signed(e) => e.fmt(f),
            Self::Broken { detail } => write!(f, "Файл повреждён: {detail}."),
            Self::UnknownReviewer { name, fingerprint } => write!(
                f,
                "Файл подписан ключом {fingerprint} («{name}»), которого нет среди проверяющих. \
                 Добавьте проверяющего по его файлу ключа, если это он, и загрузите файл снова."
            ),
            Self::KnownKey { name } => {
                write!(f, "Этот ключ уже добавлен: проверяющий «{name}».")
            }
            // The page offers to replace the key first; this is said when
            // the lead declines.
            Self::NameTaken { name, registered, .. } => write!(
                f,
                "Проверяющий «{name}» уже добавлен с ключом {registered}; ключ не заменён."
            ),
            Self::ReplacedKey { name, old, now } => write!(
                f,
                "Файл подписан прежним ключом проверяющего «{name}» ({old}); его ключ заменён на \
                 {now}. Попросите файл проверки, сделанный с новым ключом."
            ),
            // Another reviewer's assignment, picked by mistake, or this
            // reviewer's own after their key was lost: both are said.
            Self::OtherKey {
                reviewer,
                assigned,
                own,
            } => write!(
                f,
                "Это задание проверяющего «{reviewer}», выданное для ключа {assigned}, а ключ подписи \
                 этого компьютера — {own}. Если это чужое задание, загрузите своё; если своё — \
                 восстановите свой ключ из резервной копии на вкладке «Карты» или попросите \
                 ведущего выдать задание заново."
            ),
            Self::Older { name } => write!(
                f,
                "Этот файл проверки («{name}») сделан раньше уже загруженного файла того же \
                 проверяющего за тот же год: его решения не приняты, чтобы не заменить более поздние."
            ),
            Self::UnknownCard { title } => write!(
                f,
                "Это задание по карте «{title}», которой нет в этом браузере. Загрузите файл этой \
                 карты на вкладке «Карты» («Загрузить файл карты…») или попросите его у ведущего, \
                 а затем загрузите задание снова."
            ),
            Self::Future { name, made_at } => write!(
                f,
                "Этот файл проверки («{name}») датирован {} — позже сегодняшнего дня на этом \
                 компьютере: его решения не приняты. Вероятно, на компьютере проверяющего неверно \
                 установлены дата и время; попросите исправить их и сохранить файл проверки заново.",
                crate::text::date_ru(made_at)
            ),
            Self::OtherCampaign {
                name,
                file,
                assigned,
            } => {
                let what = |(card, period): &(String, String)| {
                    format!("за {period} учебный год по карте «{card}»")
                };
                write!(
                    f,
                    "Этот файл проверки («{name}») — {}, а задание проверяющему выдано {}: его \
                     решения не приняты.",
                    what(file),
                    what(assigned)
                )
            }
        }
    }
}

impl From<SubmissionError> for ReviewerFileError {
    fn from(e: SubmissionError) -> Self {
        match e {
            SubmissionError::NotJson => Self::NotJson,
            SubmissionError::NotSubmission => Self::Foreign(ReviewerFile::Review),
            e => Self::Signed(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored file that no longer reads as text is a damaged record; a
    /// file the check refuses for its content is one to send again.
    #[test]
    fn damaged_records_are_told_from_refused_files() {
        assert!(ImportError::CutOff.damaged_record());
        assert!(ImportError::Garbled { line: 1, column: 2 }.damaged_record());
        assert!(!ImportError::Duplicate { of_file: None }.damaged_record());
        assert!(!ImportError::Unreadable.damaged_record());
    }

    /// The key the browser keeps is said to be that, not a file.
    #[test]
    fn a_stored_key_is_not_called_a_file() {
        for damaged in [KeyError::NotKeyFile, KeyError::Damaged] {
            assert_eq!(
                damaged.in_storage(),
                "Ключ подписи, сохранённый в браузере, повреждён и не читается."
            );
        }
        let other = KeyError::OtherRole(crate::signed::keys::KeyRole::Department);
        assert!(other.in_storage().starts_with(
            "Ключ подписи, сохранённый в браузере, не подходит. Это ключ подписи отдела"
        ));
    }

    /// A field the school knows is named as the card's row shows it; a
    /// path the draft does not have stays as it is, for a specialist.
    #[test]
    fn unread_fields_are_named_as_the_school_knows_them() {
        let unread = |fields: &[&str]| {
            UnreadFields {
                draft: "СОШ № 7 · 2025/2026".into(),
                fields: fields.iter().map(|f| (*f).to_owned()).collect(),
            }
            .to_string()
        };
        assert_eq!(
            unread(&[
                "draft.answers.1.1.denominator",
                "draft.answers.П-1.1.prev_numerator"
            ]),
            "В черновике «СОШ № 7 · 2025/2026» есть данные, которые эта версия приложения не \
             читает (показатель 1.1 — знаменатель, показатель П-1.1 — прошлый год, числитель): \
             черновик открывается без них. Введите их заново."
        );
        assert!(unread(&[
            "draft.profile.levels",
            "draft.profile.ovz",
            "draft.profile.period",
            "draft.profile.flags.dou"
        ])
        .contains(
            "(отметки «Уровни образования в ОО», отметки «Обучающиеся и группы», поле «Отчётный \
             период (учебный год)»): черновик открывается без них. Введите их заново."
        ));
        assert!(unread(&["draft.answers.7.1.rows.0.values.1"])
            .contains("(показатель 7.1 — строки списка)"));
        // A profile's or a plan's field may be a newer app's: as it is.
        assert!(unread(&["draft.profile.region"]).contains("(«draft.profile.region»)"));
        // Two fields of one answer's list are named once.
        assert!(unread(&[
            "draft.answers.7.1.rows.0.name",
            "draft.answers.7.1.rows.1.name"
        ])
        .contains("(показатель 7.1 — строки списка)"));
        assert!(unread(&["draft.answerz"]).contains(
            "(«draft.answerz»): черновик открывается без них. Если страница давно не обновлялась, \
             обновите её."
        ));
    }
}
