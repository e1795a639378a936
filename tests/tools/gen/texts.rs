//! The words of the generated files: names, people, comments, padding.

use crate::rng::{Rng, Stream};

pub const RESPONSIBLE: &[&str] = &[
    "Иванова Мария Петровна, заместитель директора по ВР",
    "Смирнов Алексей Викторович, педагог-психолог",
    "Кузнецова Ольга Николаевна, советник директора по воспитанию",
    "Попова Елена Сергеевна, заместитель директора по УВР",
    "Соколов Дмитрий Андреевич, социальный педагог",
    "Лебедева Анна Игоревна, педагог-организатор",
];

/// Notes beside earned points; some carry quotes, `&` and angle brackets so
/// that every view that shows them has to escape.
pub const COMMENTS: &[&str] = &[
    "Данные по журналу мероприятий за учебный год.",
    "Учтены обучающиеся, посетившие хотя бы одно мероприятие.",
    "Отчёт размещён в разделе «Профориентация» сайта школы.",
    "Экскурсии на АО «Пример-Завод» & встречи с выпускниками.",
    "Считали по данным \"Сетевого города\" на 31 мая.",
    "Списки участников — в приложении к приказу № 112-од.",
    "Курс «Россия — мои горизонты», см. <приложение 2>.",
];

/// Notes beside missed points.
pub const NOT_YET: &[&str] = &[
    "Планируем в следующем учебном году.",
    "Договор на согласовании с колледжем.",
    "Показатель не достигнут: часть мероприятий перенесена на осень.",
    "Работа ведётся, подтверждающие документы готовятся.",
];

/// Long, ordinary sentences for `--pad`: a benchmark should parse text that
/// looks like a school's, not a run of one repeated character.
pub const PADDING: &[&str] = &[
    "В течение года проведены классные часы, встречи с представителями колледжей и вузов, \
     профессиональные пробы на площадках партнёров.",
    "Обучающиеся участвовали в днях открытых дверей, экскурсиях на предприятия городского \
     округа и в онлайн-уроках проекта «Шоу профессий».",
    "Результаты диагностики профессиональных интересов обсуждены с родителями на собраниях \
     и учтены при составлении индивидуальных планов.",
    "Педагог-психолог провёл групповые и индивидуальные консультации по выбору профиля \
     обучения и дальнейшей образовательной траектории.",
    "Материалы мероприятий (программы, фотоотчёты, списки участников) хранятся у \
     заместителя директора и размещены на сайте школы.",
    "Совместно с центром занятости организованы летние трудовые бригады и встречи с \
     работодателями для старшеклассников.",
];

pub const LINK_SECTIONS: &[&str] = &["proforientatsiya", "svedeniya", "dokumenty", "novosti"];

/// Names vary on purpose: «» quotes (file names must drop them) and one with
/// `<b>` markup (views must show it as text, never as markup).
pub fn school_name(index: usize, number: usize) -> String {
    match index % 6 {
        0 => format!("МАОУ СОШ № {number}"),
        1 => format!("МАОУ «Гимназия № {number}»"),
        2 => format!("МБОУ СОШ № {number}"),
        3 => format!("МБОУ ООШ № {number}"),
        4 => format!("МАОУ «Лицей № {number}» имени А. С. Пушкина"),
        _ if index == 5 => format!("МАОУ СОШ № {number} <b>с углублённым изучением</b>"),
        _ => format!("МАОУ СОШ № {number} с углублённым изучением отдельных предметов"),
    }
}

/// The name after the school changed its type: «МАОУ» ↔ «МБОУ».
pub fn renamed(name: &str) -> String {
    match name.strip_prefix("МАОУ") {
        Some(rest) => format!("МБОУ{rest}"),
        None => name.replacen("МБОУ", "МАОУ", 1),
    }
}

/// A 10-digit ИНН of a legal entity with a valid check digit, unique per
/// school: an importer that matches schools by identifier must not see two
/// schools merge by a random collision. Every fifth school leaves it empty,
/// as the field is optional.
pub fn identifier(seed: u64, index: usize) -> String {
    if index % 5 == 4 {
        return String::new();
    }
    const SPAN: u64 = 10_000_000;
    let offset = Rng::stream(seed, Stream::Identifier, &[]).below(SPAN);
    // 7919 is prime and coprime with 10: distinct indexes, distinct numbers.
    let serial = (index as u64 % SPAN * 7919 + offset) % SPAN;
    let digits = format!("66{serial:07}");
    format!("{digits}{}", inn_check_digit(&digits))
}

/// The check digit of a legal entity's ИНН from its first nine digits.
pub fn inn_check_digit(digits: &str) -> u64 {
    digits
        .bytes()
        .zip([2, 4, 10, 3, 5, 9, 4, 6, 8])
        .map(|(d, w)| u64::from(d - b'0') * w)
        .sum::<u64>()
        % 11
        % 10
}
