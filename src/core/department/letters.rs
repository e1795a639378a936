//! Targeted recommendations (адресные рекомендации): a letter per school,
//! drafted from the indicators it missed. The coordinator edits the draft
//! before printing; the edited text is kept in the archive, the draft is
//! only the starting point.

use crate::card::Card;
use crate::department::results::{Ranked, SchoolResult};
use crate::text::{percent, points};

/// How many schools a letter names as examples for one indicator.
const PEERS_PER_INDICATOR: usize = 3;

const SIGNATURE: &str =
    "\nСпециалист управления образования ____________________ / ____________________ /\n\
                         Дата ____________\n";

/// Drafts the letter for `school`; `rating` is the period's rating, best
/// first, from which schools that earned a missed point are named.
pub fn draft_letter(card: &Card, school: &SchoolResult, rating: &[Ranked]) -> String {
    let score = &school.score;
    let mut text = format!(
        "Адресные рекомендации по итогам мониторинга профориентационной работы\n\
         за {} учебный год\n\n{}\n\nКарта мониторинга: «{}», версия {}.\n\n",
        school.profile.period.trim(),
        school.name().trim(),
        card.title.trim(),
        card.version
    );
    let level = match (card.levels, score.level) {
        (None, _) => String::new(),
        (Some(_), level) => format!(
            ", эффективность профориентационной работы — {}",
            level.map_or("не определена", |l| l.label())
        ),
    };
    text.push_str(&format!(
        "По итогам проверки экспертной карты организация набрала {} из {} ({}){level}.\n\n",
        points(u64::from(score.total)),
        score.max_applicable,
        percent(u64::from(score.total), u64::from(score.max_applicable)),
    ));
    // An informational indicator is never missed: it has no target.
    let missed: Vec<_> = card
        .scored_indicators()
        .filter(|i| school.missed(&i.code))
        .collect();
    if missed.is_empty() {
        text.push_str(
            "Все применимые показатели выполнены. Рекомендуем поделиться опытом \
             с образовательными организациями муниципалитета.\n",
        );
        text.push_str(SIGNATURE);
        return text;
    }
    text.push_str("Рекомендуем обратить внимание на невыполненные показатели.\n");
    for indicator in missed {
        text.push_str(&format!(
            "\n{}. {}\n",
            indicator.code,
            indicator.text.trim()
        ));
        let advice = if indicator.recommendation.trim().is_empty() {
            format!(
                "Обеспечить выполнение показателя ({}).",
                indicator.rule_text.trim()
            )
        } else {
            indicator.recommendation.trim().to_owned()
        };
        text.push_str(&format!("Рекомендация: {advice}\n"));
        let peers: Vec<&str> = rating
            .iter()
            .map(|r| &r.result)
            .filter(|r| r.school != school.school && r.earned(&indicator.code))
            .take(PEERS_PER_INDICATOR)
            .map(|r| r.name().trim())
            .collect();
        if !peers.is_empty() {
            text.push_str(&format!(
                "Опытом выполнения показателя могут поделиться: {}.\n",
                peers.join("; ")
            ));
        }
    }
    text.push_str(SIGNATURE);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::DEFAULT_CARD;
    use crate::department::results::{rank, results};
    use crate::testkit::{self, draft};

    #[test]
    fn a_letter_lists_missed_points_with_advice_and_peers() {
        let card = testkit::card();
        let mut all_facts: Vec<&str> = Vec::new();
        for i in card.indicators() {
            if matches!(i.rule, crate::card::Rule::Fact { .. }) {
                all_facts.push(&i.code);
            }
        }
        let strong = draft("Лицей «Вектор»", "2025/2026", &all_facts);
        let weak = draft("СОШ № 2", "2025/2026", &["1.8"]);
        let archive = testkit::archive(&card, &[("s", &strong), ("w", &weak)]);
        let rating = rank(results(&archive, DEFAULT_CARD, "2025/2026"));
        let weak_result = &rating
            .iter()
            .find(|r| r.result.name() == "СОШ № 2")
            .unwrap()
            .result;
        let letter = draft_letter(&card, weak_result, &rating);
        assert!(letter.contains("за 2025/2026 учебный год"));
        assert!(letter.contains(&format!("Карта мониторинга: «{}», версия 1.", card.title)));
        assert!(letter.contains("набрала 1 балл из 23 (4,3\u{A0}%)"));
        assert!(letter.contains("— низкая"));
        assert!(
            letter.contains("\n2.1. "),
            "a missed fact indicator is listed"
        );
        assert!(!letter.contains("\n1.8. "), "an earned one is not");
        let advice_21 = &card.indicator("2.1").unwrap().recommendation;
        assert!(!advice_21.is_empty() && letter.contains(advice_21.as_str()));
        assert!(letter.contains("поделиться: Лицей «Вектор»."));
        assert_eq!(letter.matches("Рекомендация:").count(), 22);
    }

    /// Seed 002: no levels to name, and the informational 1.4 is never
    /// "missed", though it gives no point.
    #[test]
    fn a_letter_for_a_card_without_levels_names_only_scored_indicators() {
        let lk = crate::card::builtin("leninsk-kuznetsky").unwrap().unwrap();
        let mut d = draft("СОШ № 2", "2025/2026", &[]);
        d.answers.insert("1.4".into(), testkit::share("3", "10"));
        d.answers.insert(
            "6.1".into(),
            crate::school::draft::RawAnswer {
                count: "1".into(),
                ..Default::default()
            },
        );
        let archive = testkit::archive(&lk, &[("w", &d)]);
        let rating = rank(results(&archive, "leninsk-kuznetsky", "2025/2026"));
        let letter = draft_letter(&lk, &rating[0].result, &rating);
        assert!(
            letter.contains("набрала 0 баллов из 16 (0,0\u{A0}%).\n"),
            "{letter}"
        );
        assert!(!letter.contains("эффективность"));
        assert!(letter.contains("\n6.1. "));
        assert!(!letter.contains("\n1.4. "));
    }
}
