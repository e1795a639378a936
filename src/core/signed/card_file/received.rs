//! What a school is told of the department's cards new to its browser.

use super::CardFile;
use crate::text::and_list;

/// A card new to this browser, as its notice names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    title: String,
    version: u32,
    department: String,
    fingerprint: String,
}

impl Received {
    pub fn of(file: &CardFile) -> Self {
        Self {
            title: file.card.title.clone(),
            version: file.card.version,
            department: file.department.trim().to_owned(),
            fingerprint: file.fingerprint.clone(),
        }
    }
}

/// «Получена карта «…», версия 2 (отправитель: …): подпись проверена (ключ
/// …).», or for several cards of one department and key, one sentence with
/// their versions. «Получена», with whose it is: said above the question to
/// move a draft over, it was read as the draft being on it already, and a
/// fingerprint alone names nobody. The sender after a colon, as typed: «от
/// «Управление образования»» put a name no rule declines in the genitive.
pub fn received_notice(received: &[Received]) -> Option<String> {
    let first = received.first()?;
    let one_source = received
        .iter()
        .all(|r| r.department == first.department && r.fingerprint == first.fingerprint);
    let sender = |name: &str| format!(" (отправитель: {name})");
    let whose = match first.department.as_str() {
        "" => String::new(),
        name => sender(name),
    };
    let named = |r: &Received| format!("«{}», версия {}", r.title, r.version);
    if received.len() == 1 || !one_source {
        let lines: Vec<String> = received
            .iter()
            .map(|r| {
                let card = match r.department.as_str() {
                    "" => format!("карта отдела образования {}", named(r)),
                    name => format!("карта {}{}", named(r), sender(name)),
                };
                format!(
                    "Получена {card}: подпись проверена (ключ {}).",
                    r.fingerprint
                )
            })
            .collect();
        return Some(lines.join(" "));
    }
    // Versions of one card are named under its title once.
    let mut titles: Vec<(&str, Vec<String>)> = Vec::new();
    for r in received {
        match titles.iter_mut().find(|(t, _)| *t == r.title) {
            Some((_, versions)) => versions.push(r.version.to_string()),
            None => titles.push((&r.title, vec![r.version.to_string()])),
        }
    }
    let cards: Vec<String> = titles
        .iter()
        .map(|(title, versions)| match versions.as_slice() {
            [one] => format!("«{title}», версия {one}"),
            many => format!("«{title}», версии {}", and_list(many)),
        })
        .collect();
    let of = if first.department.is_empty() {
        " отдела образования"
    } else {
        ""
    };
    Some(format!(
        "Получены карты{of}{whose}: {}. Подписи проверены (ключ {}).",
        cards.join("; "),
        first.fingerprint
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str, version: u32, department: &str, key: &str) -> Received {
        Received {
            title: title.to_owned(),
            version,
            department: department.to_owned(),
            fingerprint: key.to_owned(),
        }
    }

    #[test]
    fn one_card_is_said_with_whose_it_is() {
        assert_eq!(received_notice(&[]), None);
        assert_eq!(
            received_notice(&[card("Карта", 2, "Отдел", "ab12")]).unwrap(),
            "Получена карта «Карта», версия 2 (отправитель: Отдел): подпись проверена (ключ ab12)."
        );
        assert_eq!(
            received_notice(&[card("Карта", 1, "", "ab12")]).unwrap(),
            "Получена карта отдела образования «Карта», версия 1: подпись проверена (ключ ab12)."
        );
    }

    #[test]
    fn a_first_visit_names_every_version_in_one_sentence() {
        let site = [
            card("Карта", 1, "Отдел", "ab12"),
            card("Другая", 1, "Отдел", "ab12"),
            card("Карта", 2, "Отдел", "ab12"),
            card("Карта", 3, "Отдел", "ab12"),
        ];
        assert_eq!(
            received_notice(&site).unwrap(),
            "Получены карты (отправитель: Отдел): «Карта», версии 1, 2 и 3; «Другая», версия 1. \
             Подписи проверены (ключ ab12)."
        );
        let unnamed = [card("Карта", 1, "", "ab12"), card("Карта", 2, "", "ab12")];
        assert_eq!(
            received_notice(&unnamed).unwrap(),
            "Получены карты отдела образования: «Карта», версии 1 и 2. Подписи проверены (ключ ab12)."
        );
    }

    #[test]
    fn cards_of_two_keys_are_said_apart() {
        let two = [
            card("Карта", 1, "Отдел", "ab12"),
            card("Карта", 2, "Отдел", "cd34"),
        ];
        assert_eq!(
            received_notice(&two).unwrap(),
            "Получена карта «Карта», версия 1 (отправитель: Отдел): подпись проверена (ключ ab12). \
             Получена карта «Карта», версия 2 (отправитель: Отдел): подпись проверена (ключ cd34)."
        );
    }
}
