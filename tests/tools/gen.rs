//! Writes a folder of realistic, signed submission files and a manifest of
//! what an import should make of each: the input of the end-to-end import test
//! and of the import benchmark.
//!
//! ```text
//! cargo run --release --bin profkarta-gen -- --out DIR [--schools N] \
//!     [--periods 2024/2025,2025/2026] [--seed S] [--extras] [--pad BYTES]
//! ```
//!
//! Everything comes from one seeded PRNG, so the same arguments always give
//! byte-identical files: a failing import test can be re-run on exactly the
//! folder that failed, and benchmark runs compare like with like.
//!
//! `manifest.json` lists every file with its expected verdict and, for files
//! that carry a submission, the school, period, ids, fingerprint, claimed and
//! recomputed score and the answers as signed (without comments, which never
//! affect a score here and would only repeat the padding).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;

use profkarta_core::card::{Card, Indicator, Level, Rule, ZeroDenominator};
use profkarta_core::school::draft::{Draft, RawAnswer};
use profkarta_core::school::input::MAX_COMMENT_LEN;
use profkarta_core::school::profile::{parse_period, SchoolLevel, SchoolProfile};
use profkarta_core::scoring::{assess, Assessment};
use profkarta_core::signed::keys::{to_hex, KeyPair};
use profkarta_core::signed::submission::{
    card_hash, file_name, seal, ExportMeta, Payload, TemplateRef,
};
use profkarta_core::text::{group_digits, plural};

const USAGE: &str = "usage: profkarta-gen --out DIR [--schools N (12)] \
[--periods 2024/2025,2025/2026] [--seed S (1)] [--extras] [--pad BYTES]";

const MUNICIPALITY: &str = "Городской округ Пример";
const MANIFEST: &str = "manifest.json";
const MANIFEST_FORMAT: &str = "profkarta-gen-manifest";
/// The import's size limit; the too-large extra exceeds it by a margin so that
/// a limit counted in KB or KiB refuses it alike.
const SIZE_LIMIT: usize = 2 * 1024 * 1024;
/// A card id the department does not have, for the unknown-template extra.
const FOREIGN_CARD_ID: &str = "proforientatsiya-2023";
/// The extras pick existing schools 1–4 by index, so they need that many.
const MIN_SCHOOLS_FOR_EXTRAS: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, config) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(why) => {
            eprintln!("profkarta-gen: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let card = Card::builtin().expect("the built-in card is valid");
    let output = generate(&card, &config);
    match write_output(&out, &output) {
        Ok(bytes) => {
            println!("{}", summary(&output, bytes, &out));
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("profkarta-gen: {}: {why}", out.display());
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------- arguments

/// What to generate; everything but the output folder, so tests can generate
/// in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Config {
    schools: usize,
    periods: Vec<Period>,
    seed: u64,
    extras: bool,
    pad: Option<usize>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            schools: 12,
            periods: parse_periods("2024/2025,2025/2026").expect("valid default periods"),
            seed: 1,
            extras: false,
            pad: None,
        }
    }
}

/// An academic year, "2025/2026", with its first year for dates and ordering.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Period {
    first_year: u16,
    label: String,
}

fn parse_args(args: &[String]) -> Result<(PathBuf, Config), String> {
    let mut out = None;
    let mut config = Config::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .map(String::as_str)
                .ok_or(format!("{arg}: missing value"))
        };
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--schools" => config.schools = parse_number(arg, value()?)?,
            "--periods" => config.periods = parse_periods(value()?)?,
            "--seed" => config.seed = parse_number(arg, value()?)?,
            "--pad" => config.pad = Some(parse_number(arg, value()?)?),
            "--extras" => config.extras = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if config.schools == 0 {
        return Err("--schools must be at least 1".to_owned());
    }
    if config.extras && config.schools < MIN_SCHOOLS_FOR_EXTRAS {
        return Err(format!(
            "--extras needs --schools {MIN_SCHOOLS_FOR_EXTRAS} or more"
        ));
    }
    Ok((out, config))
}

fn parse_number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag}: not a whole number: {text}"))
}

/// "2025/2026,2024/2025" → both years, oldest first, without repeats: "the
/// later period" must mean the later year whatever order they were typed in.
fn parse_periods(text: &str) -> Result<Vec<Period>, String> {
    let mut periods = text
        .split(',')
        .map(|p| {
            let first_year = parse_period(p).map_err(|e| format!("--periods: {p}: {e}"))?;
            Ok(Period {
                first_year,
                label: format!("{first_year}/{}", first_year + 1),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    periods.sort();
    periods.dedup();
    Ok(periods)
}

// ---------------------------------------------------------------- randomness

/// splitmix64 (Steele, Lea, Flood 2014): a few lines, good enough statistics
/// for test data, and the same numbers on every platform and Rust version,
/// which no crate's or the OS's generator promises.
struct Rng {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What a stream of random numbers is for. Each purpose and object gets its
/// own stream, so adding a school or an extra never shifts another file.
#[derive(Clone, Copy)]
enum Stream {
    Key = 1,
    School = 2,
    Answers = 3,
    Meta = 4,
    Padding = 5,
    Identifier = 6,
    Attachment = 7,
}

impl Rng {
    fn stream(seed: u64, purpose: Stream, path: &[u64]) -> Self {
        let state = path
            .iter()
            .fold(mix(seed ^ mix(purpose as u64)), |acc, &part| {
                mix(acc.wrapping_add(GOLDEN_GAMMA) ^ mix(part.wrapping_add(GOLDEN_GAMMA)))
            });
        Self { state }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// 0..n; the modulo bias is far below anything test data could show.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// lo..=hi; `lo` when the range is empty.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below(hi - lo + 1)
        }
    }

    fn percent(&mut self, chance: u64) -> bool {
        self.below(100) < chance
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes()[..chunk.len()]);
        }
        out
    }
}

// ---------------------------------------------------------------- texts

const RESPONSIBLE: &[&str] = &[
    "Иванова Мария Петровна, заместитель директора по ВР",
    "Смирнов Алексей Викторович, педагог-психолог",
    "Кузнецова Ольга Николаевна, советник директора по воспитанию",
    "Попова Елена Сергеевна, заместитель директора по УВР",
    "Соколов Дмитрий Андреевич, социальный педагог",
    "Лебедева Анна Игоревна, педагог-организатор",
];

/// Notes beside earned points; some carry quotes, `&` and angle brackets so
/// that every view that shows them has to escape.
const COMMENTS: &[&str] = &[
    "Данные по журналу мероприятий за учебный год.",
    "Учтены обучающиеся, посетившие хотя бы одно мероприятие.",
    "Отчёт размещён в разделе «Профориентация» сайта школы.",
    "Экскурсии на АО «Пример-Завод» & встречи с выпускниками.",
    "Считали по данным \"Сетевого города\" на 31 мая.",
    "Списки участников — в приложении к приказу № 112-од.",
    "Курс «Россия — мои горизонты», см. <приложение 2>.",
];

/// Notes beside missed points.
const NOT_YET: &[&str] = &[
    "Планируем в следующем учебном году.",
    "Договор на согласовании с колледжем.",
    "Показатель не достигнут: часть мероприятий перенесена на осень.",
    "Работа ведётся, подтверждающие документы готовятся.",
];

/// Long, ordinary sentences for `--pad`: a benchmark should parse text that
/// looks like a school's, not a run of one repeated character.
const PADDING: &[&str] = &[
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

const LINK_SECTIONS: &[&str] = &["proforientatsiya", "svedeniya", "dokumenty", "novosti"];

/// Names vary on purpose: «» quotes (file names must drop them) and one with
/// `<b>` markup (views must show it as text, never as markup).
fn school_name(index: usize, number: usize) -> String {
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

/// A 10-digit ИНН of a legal entity with a valid check digit, unique per
/// school: an importer that matches schools by identifier must not see two
/// schools merge by a random collision. Every fifth school leaves it empty,
/// as the field is optional.
fn identifier(seed: u64, index: usize) -> String {
    if index % 5 == 4 {
        return String::new();
    }
    const SPAN: u64 = 10_000_000;
    let offset = Rng::stream(seed, Stream::Identifier, &[]).below(SPAN);
    // 7919 is prime and coprime with 10: distinct indexes, distinct numbers.
    let serial = (index as u64 % SPAN * 7919 + offset) % SPAN;
    let digits = format!("66{serial:07}");
    let check = digits
        .bytes()
        .zip([2, 4, 10, 3, 5, 9, 4, 6, 8])
        .map(|(d, w)| u64::from(d - b'0') * w)
        .sum::<u64>()
        % 11
        % 10;
    format!("{digits}{check}")
}

// ---------------------------------------------------------------- schools

/// A school with everything fixed across its periods: profile, key, size,
/// and the order in which it masters indicators, so a later period earns a
/// superset of an earlier one, as real schools mostly do.
struct School {
    index: usize,
    profile: SchoolProfile,
    host: String,
    /// Students per grade: the scale of its share denominators.
    size: u64,
    /// Share indicators whose group is empty (0 of 0): not applicable.
    empty_groups: BTreeSet<String>,
    order: Vec<String>,
    /// Points to earn in each period, oldest first.
    targets: Vec<u32>,
}

/// Level the latest period aims at, cycling so that any three or more
/// schools cover all three levels.
const TIERS: [Level; 5] = [
    Level::Medium,
    Level::High,
    Level::Low,
    Level::Medium,
    Level::High,
];

struct Generator<'a> {
    card: &'a Card,
    config: &'a Config,
}

impl Generator<'_> {
    fn school(&self, index: usize) -> School {
        let mut rng = Rng::stream(self.config.seed, Stream::School, &[index as u64]);
        let number = index + 1;
        // ООШ (основная школа) has no СОО; every fourth school has no ОВЗ students.
        let levels = if index % 6 == 3 {
            vec![SchoolLevel::Noo, SchoolLevel::Ooo]
        } else {
            SchoolLevel::ALL.to_vec()
        };
        let profile = SchoolProfile {
            name: school_name(index, number),
            municipality: MUNICIPALITY.to_owned(),
            identifier: identifier(self.config.seed, index),
            levels,
            ovz: index % 4 != 2,
            period: String::new(),
            responsible: rng.pick(RESPONSIBLE).to_string(),
            contact: if rng.percent(50) {
                format!("school{number}@example.ru")
            } else {
                format!(
                    "+7 (343) 2{:02}-{:02}-{:02}",
                    rng.below(100),
                    rng.below(100),
                    rng.below(100)
                )
            },
        };
        let empty_groups = self
            .card
            .indicators()
            .filter(|i| may_be_empty(i) && i.applies.applies_to(&profile))
            .filter(|_| rng.percent(10))
            .map(|i| i.code.clone())
            .collect();
        let mut order: Vec<String> = self.card.indicators().map(|i| i.code.clone()).collect();
        rng.shuffle(&mut order);
        let mut school = School {
            index,
            host: format!("school{number}.example.ru"),
            size: rng.between(20, 110),
            profile,
            empty_groups,
            order,
            targets: Vec::new(),
        };
        let tier = TIERS[((self.config.seed % 5) as usize + index % 5) % 5];
        school.targets = self.targets(&school, tier, &mut rng);
        school
    }

    /// The latest period lands inside the tier's band; each earlier one is
    /// 0–2 points lower, so schools mostly improve and some cross a band.
    fn targets(&self, school: &School, tier: Level, rng: &mut Rng) -> Vec<u32> {
        let max = self.max_applicable(school);
        let (high, medium) = self.card.levels.thresholds(max);
        let (lo, hi) = match tier {
            Level::High => (high, max),
            Level::Medium => (medium, high.saturating_sub(1)),
            Level::Low => (medium / 2, medium.saturating_sub(1)),
        };
        let mut total = rng.between(u64::from(lo), u64::from(hi)) as u32;
        let mut targets = vec![total];
        for _ in 1..self.config.periods.len() {
            total = total.saturating_sub(*rng.pick(&[0, 1, 1, 2]));
            targets.push(total);
        }
        targets.reverse();
        targets
    }

    fn applies(&self, school: &School, indicator: &Indicator) -> bool {
        indicator.applies.applies_to(&school.profile)
            && !school.empty_groups.contains(&indicator.code)
    }

    fn max_applicable(&self, school: &School) -> u32 {
        self.card
            .indicators()
            .filter(|i| self.applies(school, i))
            .map(|i| i.points)
            .sum()
    }

    /// Earned indicators: the school's order, as far as `target` points go.
    fn earned<'s>(&self, school: &'s School, target: u32) -> BTreeSet<&'s str> {
        let mut sum = 0;
        let mut earned = BTreeSet::new();
        for code in &school.order {
            let indicator = self.card.indicator(code).expect("order holds card codes");
            if self.applies(school, indicator) && sum + indicator.points <= target {
                sum += indicator.points;
                earned.insert(code.as_str());
            }
        }
        earned
    }
}

/// Share indicators whose empty group means "not applicable" (no ОВЗ teachers,
/// no graduates this year) rather than zero points.
fn may_be_empty(indicator: &Indicator) -> bool {
    matches!(
        indicator.rule,
        Rule::Share {
            zero_denominator: ZeroDenominator::NotApplicable,
            ..
        }
    )
}

// ---------------------------------------------------------------- answers

/// Which submission of a school and period this is; each gets its own
/// numbers, ids and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Ordinary = 0,
    /// Exported again from another computer with a new key.
    KeyChanged = 1,
    /// The school's correction of its own submission.
    Corrected = 2,
}

impl Generator<'_> {
    fn draft(&self, school: &School, period: usize, variant: Variant, target: u32) -> Draft {
        let p = &self.config.periods[period];
        let path = [school.index as u64, u64::from(p.first_year), variant as u64];
        let mut rng = Rng::stream(self.config.seed, Stream::Answers, &path);
        let profile = SchoolProfile {
            period: p.label.clone(),
            ..school.profile.clone()
        };
        let earned = self.earned(school, target);
        let answers = self
            .card
            .indicators()
            .filter(|i| i.applies.applies_to(&profile))
            .map(|i| {
                let answer = answer(i, school, p, earned.contains(i.code.as_str()), &mut rng);
                (i.code.clone(), answer)
            })
            .collect();
        Draft { profile, answers }
    }
}

fn answer(
    indicator: &Indicator,
    school: &School,
    period: &Period,
    earned: bool,
    rng: &mut Rng,
) -> RawAnswer {
    let mut answer = RawAnswer::default();
    match &indicator.rule {
        Rule::Share {
            threshold_percent,
            denominator,
            ..
        } => {
            let (n, d) = if school.empty_groups.contains(&indicator.code) {
                (0, 0)
            } else {
                let range = group_size(denominator, school.size);
                share_numbers(*threshold_percent, range, earned, rng)
            };
            answer.numerator = n.to_string();
            answer.denominator = d.to_string();
        }
        Rule::Fact { .. } => answer.fact = Some(earned),
        Rule::Count { min, .. } => answer.count = count_value(*min, earned, rng).to_string(),
    }
    let links = match (earned, rng.below(100)) {
        (true, 0..=59) => 1,
        (true, 60..=87) => 2,
        (false, 0..=19) => 1,
        _ => 0,
    };
    answer.evidence = evidence(&indicator.code, school, period, links, rng);
    let (pool, chance) = if earned {
        (COMMENTS, 30)
    } else {
        (NOT_YET, 50)
    };
    if rng.percent(chance) {
        answer.comment = rng.pick(pool).to_string();
    }
    answer
}

/// Realistic magnitudes for a share's group, guessed from its label, so the
/// files read like a real school's («36 из 120», not «7 из 3000»).
fn group_size(label: &str, size: u64) -> (u64, u64) {
    let label = label.to_lowercase();
    let has = |word: &str| label.contains(word);
    let (lo, hi) = if has("овз") {
        (2, 12)
    } else if has("работник") || has("педагог") {
        (size / 2 + 10, size + 30)
    } else if has("участник") {
        (8, 60)
    } else if has("выпускник") {
        (size * 3 / 4, size)
    } else if has("поступив") {
        (size / 4, size * 2 / 3)
    } else if has("класс") {
        let grades = grades(&label);
        (grades * size * 4 / 5, grades * size)
    } else {
        (10, 200)
    };
    (lo.max(1), hi.max(lo.max(1)))
}

/// How many grades a label spans: «1–4 классов» → 4, «9-х классов» → 1.
fn grades(label: &str) -> u64 {
    let numbers: Vec<u64> = label
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers.as_slice() {
        [first, last, ..] if last > first => last - first + 1,
        _ => 1,
    }
}

/// Numerator and denominator that earn (or miss) a share's points. About a
/// third sit exactly on the threshold or one person below it, the cases a
/// floating-point comparison would get wrong.
fn share_numbers(threshold: u32, (lo, hi): (u64, u64), earned: bool, rng: &mut Rng) -> (u64, u64) {
    let t = u64::from(threshold.min(100));
    let edge = rng.percent(30);
    let mut d = rng.between(lo, hi);
    if edge {
        // A multiple of 100/gcd makes t% of it a whole number: 30% → tens.
        let unit = 100 / gcd(t, 100);
        d = d.div_ceil(unit) * unit;
    }
    let need = (t * d).div_ceil(100);
    let n = match (earned, edge) {
        (true, true) => need,
        (true, false) => rng.between(need, need + (d - need) / 2),
        (false, _) if need == 0 => 0,
        (false, true) => need - 1,
        (false, false) => rng.between(need / 3, need - 1),
    };
    (n, d)
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn count_value(min: u64, earned: bool, rng: &mut Rng) -> u64 {
    if earned || min == 0 {
        rng.between(min, min + 5)
    } else {
        rng.between(0, min - 1)
    }
}

/// Links the way schools give them: a page of their own site, sometimes a
/// folder on a file host.
fn evidence(code: &str, school: &School, period: &Period, links: usize, rng: &mut Rng) -> String {
    let page = format!(
        "https://{}/{}/{}/{}",
        school.host,
        rng.pick(LINK_SECTIONS),
        period.first_year + 1,
        code.replace('.', "-")
    );
    let folder = format!("https://disk.example.ru/d/{}", to_hex(&rng.bytes::<6>()));
    [page, folder][..links].join("\n")
}

/// Lengthens comments by about `bytes` with whole sentences, never past the
/// comment limit, so the padding stays valid input and changes no score.
fn pad_comments(draft: &mut Draft, bytes: usize, rng: &mut Rng) {
    /// What a new `"comment": ""` line costs in the pretty-printed file.
    const NEW_FIELD: usize = 22;
    let mut added = 0;
    while added < bytes {
        let before = added;
        for answer in draft.answers.values_mut() {
            if added >= bytes {
                break;
            }
            let sentence = rng.pick(PADDING);
            let chars = answer.comment.chars().count() + 1 + sentence.chars().count();
            if chars > MAX_COMMENT_LEN {
                continue;
            }
            if answer.comment.is_empty() {
                added += NEW_FIELD;
            } else {
                answer.comment.push(' ');
                added += 1;
            }
            answer.comment.push_str(sentence);
            added += sentence.len();
        }
        if added == before {
            break; // every comment is full: as large as a valid file gets
        }
    }
}

// ---------------------------------------------------------------- signing

/// A submission's identity and clock, kept to build the payload twice when
/// padding.
#[derive(Clone)]
struct Meta {
    submission_id: String,
    created_at: String,
    replaces: Option<String>,
}

impl Meta {
    fn export(&self) -> ExportMeta {
        ExportMeta {
            submission_id: self.submission_id.clone(),
            created_at: self.created_at.clone(),
            replaces: self.replaces.clone(),
        }
    }
}

/// A signed submission and what the manifest says about it.
struct Signed {
    text: String,
    entry: SubmissionEntry,
}

/// A change to a payload before it is signed (the signature stays valid).
type Tamper<'a> = &'a dyn Fn(&Card, &mut Payload);

fn no_tamper(_: &Card, _: &mut Payload) {}

impl Generator<'_> {
    /// Ordinary submissions are dated 1–25 September after the period; later
    /// ones (corrections, re-exports) 26–30, so "later" holds by date too.
    fn meta(
        &self,
        school: &School,
        period: usize,
        variant: Variant,
        replaces: Option<String>,
    ) -> Meta {
        let p = &self.config.periods[period];
        let path = [school.index as u64, u64::from(p.first_year), variant as u64];
        let mut rng = Rng::stream(self.config.seed, Stream::Meta, &path);
        let submission_id = to_hex(&rng.bytes::<16>());
        let day = match variant {
            Variant::Ordinary => rng.between(1, 25),
            _ => rng.between(26, 30),
        };
        let created_at = format!(
            "{}-09-{day:02}T{:02}:{:02}:{:02}.000Z",
            p.first_year + 1,
            rng.between(4, 13),
            rng.below(60),
            rng.below(60)
        );
        Meta {
            submission_id,
            created_at,
            replaces,
        }
    }

    /// The school's key; generation 1 is the "new computer" key.
    fn key(&self, school: &School, generation: u64) -> KeyPair {
        let path = [school.index as u64, generation];
        KeyPair::from_seed(Rng::stream(self.config.seed, Stream::Key, &path).bytes())
    }

    fn submission(
        &self,
        school: &School,
        period: usize,
        variant: Variant,
        replaces: Option<String>,
        tamper: Tamper,
    ) -> Signed {
        let bonus = u32::from(variant == Variant::Corrected);
        let target = (school.targets[period] + bonus).min(self.max_applicable(school));
        let draft = self.draft(school, period, variant, target);
        let meta = self.meta(school, period, variant, replaces);
        let key = self.key(school, u64::from(variant == Variant::KeyChanged));
        let make = |draft: &Draft| {
            let assessment = assess(self.card, draft);
            let mut payload = Payload::new(self.card, draft, &assessment, meta.export());
            tamper(self.card, &mut payload);
            payload
        };
        let mut payload = make(&draft);
        let mut text = seal(&payload, &key);
        let deficit = self.config.pad.and_then(|pad| pad.checked_sub(text.len()));
        if let Some(deficit) = deficit.filter(|d| *d > 0) {
            let p = &self.config.periods[period];
            let path = [school.index as u64, u64::from(p.first_year), variant as u64];
            let mut rng = Rng::stream(self.config.seed, Stream::Padding, &path);
            let mut padded = draft;
            pad_comments(&mut padded, deficit, &mut rng);
            payload = make(&padded);
            text = seal(&payload, &key);
        }
        Signed {
            entry: SubmissionEntry::of(self.card, &payload, key.fingerprint()),
            text,
        }
    }
}

// ---------------------------------------------------------------- manifest

/// What an import should decide about a file (the manifest's `verdict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Verdict {
    Accepted,
    NotJson,
    NotSubmission,
    Altered,
    UnknownTemplate,
    KeyChanged,
    Duplicate,
    /// Accepted at import, then replaced by a later correction.
    Superseded,
    TooLarge,
    /// Accepted but flagged: the claimed score differs from the recomputation.
    ScoreMismatch,
}

#[derive(Debug, Clone, Serialize)]
struct FileEntry {
    name: String,
    bytes: usize,
    verdict: Verdict,
    /// What was done to an extra file, for a person reading a failed test.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    submission: Option<SubmissionEntry>,
}

#[derive(Debug, Clone, Serialize)]
struct SubmissionEntry {
    submission_id: String,
    school: String,
    identifier: String,
    /// With `ovz`, what decides which indicators apply.
    levels: Vec<SchoolLevel>,
    ovz: bool,
    period: String,
    created_at: String,
    fingerprint: String,
    template_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
    claimed: ScoreEntry,
    recomputed: ScoreEntry,
    /// As signed, minus comments.
    answers: BTreeMap<String, RawAnswer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct ScoreEntry {
    total: u32,
    max_applicable: u32,
    level: Option<Level>,
}

impl SubmissionEntry {
    fn of(card: &Card, payload: &Payload, fingerprint: String) -> Self {
        let recomputed: Assessment = assess(card, &payload.to_draft());
        let answers = payload
            .answers
            .iter()
            .map(|(code, answer)| {
                let answer = RawAnswer {
                    comment: String::new(),
                    ..answer.clone()
                };
                (code.clone(), answer)
            })
            .collect();
        Self {
            submission_id: payload.submission_id.clone(),
            school: payload.profile.name.clone(),
            identifier: payload.profile.identifier.clone(),
            levels: payload.profile.levels.clone(),
            ovz: payload.profile.ovz,
            period: payload.profile.period.clone(),
            created_at: payload.created_at.clone(),
            fingerprint,
            template_id: payload.template.id.clone(),
            replaces: payload.replaces.clone(),
            claimed: ScoreEntry {
                total: payload.score.total,
                max_applicable: payload.score.max_applicable,
                level: payload.score.level,
            },
            recomputed: ScoreEntry {
                total: recomputed.total,
                max_applicable: recomputed.max_applicable,
                level: recomputed.level,
            },
            answers,
        }
    }
}

#[derive(Serialize)]
struct ManifestHead<'a> {
    format: &'static str,
    format_version: u32,
    seed: u64,
    schools: usize,
    periods: Vec<&'a str>,
    extras: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pad: Option<usize>,
    template: TemplateRef,
    answers_without_comments: bool,
}

/// The manifest with one line per file: compact for 10 000 files, and a diff
/// between two runs points at the file that changed.
fn manifest_text(card: &Card, config: &Config, files: &[OutFile]) -> String {
    let head = ManifestHead {
        format: MANIFEST_FORMAT,
        format_version: 1,
        seed: config.seed,
        schools: config.schools,
        periods: config.periods.iter().map(|p| p.label.as_str()).collect(),
        extras: config.extras,
        pad: config.pad,
        template: TemplateRef {
            id: card.id.clone(),
            version: card.version,
            sha256: card_hash(card),
        },
        answers_without_comments: true,
    };
    let mut text = serde_json::to_string_pretty(&head).expect("the manifest serialises");
    text.truncate(text.len() - "\n}".len());
    text.push_str(",\n  \"files\": [\n");
    let lines: Vec<String> = files
        .iter()
        .map(|f| {
            format!(
                "    {}",
                serde_json::to_string(&f.entry).expect("an entry serialises")
            )
        })
        .collect();
    text.push_str(&lines.join(",\n"));
    text.push_str("\n  ]\n}\n");
    text
}

// ---------------------------------------------------------------- files

struct OutFile {
    content: Vec<u8>,
    entry: FileEntry,
}

impl OutFile {
    fn new(name: String, content: Vec<u8>, verdict: Verdict) -> Self {
        let entry = FileEntry {
            name,
            bytes: content.len(),
            verdict,
            note: None,
            submission: None,
        };
        Self { content, entry }
    }

    fn signed(name: String, signed: Signed, verdict: Verdict) -> Self {
        let mut file = Self::new(name, signed.text.into_bytes(), verdict);
        file.entry.submission = Some(signed.entry);
        file
    }

    fn note(mut self, note: &str) -> Self {
        self.entry.note = Some(note.to_owned());
        self
    }
}

struct Output {
    files: Vec<OutFile>,
    manifest: String,
}

fn generate(card: &Card, config: &Config) -> Output {
    let generator = Generator { card, config };
    let schools: Vec<School> = (0..config.schools).map(|i| generator.school(i)).collect();
    let mut files = generator.ordinary(&schools);
    if config.extras {
        let extras = generator.extras(&schools, &mut files);
        files.extend(extras);
    }
    let manifest = manifest_text(card, config, &files);
    Output { files, manifest }
}

impl Generator<'_> {
    /// One accepted submission per school and period, numbered so that names
    /// stay unique and sort before the extras.
    fn ordinary(&self, schools: &[School]) -> Vec<OutFile> {
        let mut files = Vec::new();
        for school in schools {
            for period in 0..self.config.periods.len() {
                let signed = self.submission(school, period, Variant::Ordinary, None, &no_tamper);
                let mut profile = school.profile.clone();
                profile
                    .period
                    .clone_from(&self.config.periods[period].label);
                let name = format!("{:05}_{}", files.len() + 1, file_name(&profile));
                files.push(OutFile::signed(name, signed, Verdict::Accepted));
            }
        }
        files
    }

    /// The bad and special files, one each. `ordinary` is updated where an
    /// extra changes an ordinary file's fate (the corrected original).
    fn extras(&self, schools: &[School], ordinary: &mut [OutFile]) -> Vec<OutFile> {
        let latest = self.config.periods.len() - 1;
        let at = |school: usize, period: usize| school * self.config.periods.len() + period;
        let extra_school = |k: usize| self.school(self.config.schools + k);
        vec![
            OutFile::new(
                "extra-not-json.json".into(),
                "Это не выгрузка, а заметка: отправить карты до 30 сентября.\n".into(),
                Verdict::NotJson,
            ),
            OutFile::new(
                "extra-foreign.json".into(),
                b"{\"hello\": \"world\"}\n".to_vec(),
                Verdict::NotSubmission,
            ),
            altered(&ordinary[at(1, latest)]),
            self.unknown_template(&extra_school(0), latest),
            self.key_changed(&schools[2], latest),
            duplicate(&ordinary[at(3, 0)]),
            self.corrected(&schools[4], latest, &mut ordinary[at(4, latest)]),
            self.score_mismatch(extra_school(1), latest),
            self.too_large(&extra_school(2), latest),
        ]
    }

    fn unknown_template(&self, school: &School, period: usize) -> OutFile {
        let tamper = |_: &Card, p: &mut Payload| p.template.id = FOREIGN_CARD_ID.to_owned();
        let signed = self.submission(school, period, Variant::Ordinary, None, &tamper);
        OutFile::signed(
            "extra-unknown-template.json".into(),
            signed,
            Verdict::UnknownTemplate,
        )
        .note("a new school; template.id is another card's, properly signed")
    }

    fn key_changed(&self, school: &School, period: usize) -> OutFile {
        let signed = self.submission(school, period, Variant::KeyChanged, None, &no_tamper);
        OutFile::signed("extra-key-changed.json".into(), signed, Verdict::KeyChanged)
            .note("a later submission of an existing school and period, another key")
    }

    fn corrected(&self, school: &School, period: usize, original: &mut OutFile) -> OutFile {
        let replaced = original
            .entry
            .submission
            .as_ref()
            .map(|s| s.submission_id.clone());
        let signed = self.submission(school, period, Variant::Corrected, replaced, &no_tamper);
        original.entry.verdict = Verdict::Superseded;
        original.entry.note = Some("replaced by extra-corrected.json".to_owned());
        OutFile::signed("extra-corrected.json".into(), signed, Verdict::Accepted)
            .note("the school's correction: changed answers, same key, replaces the original")
    }

    /// A school claiming 3 points more than its answers give (fewer only if
    /// its maximum is below 3), with the level to match: the signature is the
    /// school's own, the score is not.
    fn score_mismatch(&self, mut school: School, period: usize) -> OutFile {
        let room = self.max_applicable(&school).saturating_sub(3);
        for target in &mut school.targets {
            *target = (*target).min(room);
        }
        let tamper = |card: &Card, p: &mut Payload| {
            let score = &mut p.score;
            score.total = if score.total + 3 <= score.max_applicable {
                score.total + 3
            } else {
                score.total.saturating_sub(3)
            };
            score.level = card.levels.level(score.total, score.max_applicable);
        };
        let signed = self.submission(&school, period, Variant::Ordinary, None, &tamper);
        OutFile::signed(
            "extra-score-mismatch.json".into(),
            signed,
            Verdict::ScoreMismatch,
        )
        .note("a new school; claimed total altered before signing")
    }

    /// A correctly signed submission with a large attachment beside it: only a
    /// size check refuses it, since the file is otherwise well-formed.
    fn too_large(&self, school: &School, period: usize) -> OutFile {
        let signed = self.submission(school, period, Variant::Ordinary, None, &no_tamper);
        let mut value: Value = serde_json::from_str(&signed.text).expect("a sealed file parses");
        let mut rng = Rng::stream(self.config.seed, Stream::Attachment, &[]);
        let base64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let content: String = (0..SIZE_LIMIT + 64 * 1024)
            .map(|_| char::from(*rng.pick(base64)))
            .collect();
        value["attachment"] = serde_json::json!({
            "name": "Приказ_о_профориентационной_работе.pdf",
            "content_base64": content,
        });
        let text = serde_json::to_string_pretty(&value).expect("a value serialises");
        let mut file = OutFile::signed("extra-too-large.json".into(), signed, Verdict::TooLarge)
            .note("a new school's signed file with a > 2 MiB attachment field");
        file.entry.bytes = text.len();
        file.content = text.into_bytes();
        file
    }
}

/// The file a school edited after export: one share's numerator raised to
/// its denominator (or a fact flipped), so the score would change.
fn altered(original: &OutFile) -> OutFile {
    let mut value: Value = serde_json::from_slice(&original.content).expect("a sealed file parses");
    let answers = value["payload"]["answers"]
        .as_object_mut()
        .expect("a payload has answers");
    let mut note = String::new();
    for (code, answer) in answers.iter_mut() {
        let (Some(n), Some(d)) = (answer["numerator"].as_str(), answer["denominator"].as_str())
        else {
            continue;
        };
        if n != d {
            note = format!("{code}: numerator {n} → {d} after signing");
            answer["numerator"] = Value::String(d.to_owned());
            break;
        }
    }
    if note.is_empty() {
        let (code, answer) = answers.iter_mut().next().expect("a payload has an answer");
        let fact = answer["fact"].as_bool().unwrap_or(false);
        note = format!("{code}: fact {fact} → {} after signing", !fact);
        answer["fact"] = Value::Bool(!fact);
    }
    let text = serde_json::to_string_pretty(&value).expect("a value serialises");
    let mut file = OutFile::new(
        "extra-altered.json".into(),
        text.into_bytes(),
        Verdict::Altered,
    );
    file.entry.submission.clone_from(&original.entry.submission);
    file.note(&note)
}

fn duplicate(original: &OutFile) -> OutFile {
    let mut file = OutFile::new(
        "extra-duplicate.json".into(),
        original.content.clone(),
        Verdict::Duplicate,
    );
    file.entry.submission.clone_from(&original.entry.submission);
    file.note(&format!("a byte copy of {}", original.entry.name))
}

/// Writes every file and the manifest; returns the bytes of the files (the
/// manifest not counted). Refuses a folder with anything in it: stale files
/// from an earlier run would be imported but missing from the manifest.
fn write_output(dir: &Path, output: &Output) -> Result<u64, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| e.to_string())?;
        if entries.next().is_some() {
            return Err("the folder is not empty".to_owned());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut bytes = 0;
    for file in &output.files {
        std::fs::write(dir.join(&file.entry.name), &file.content).map_err(|e| e.to_string())?;
        bytes += file.content.len() as u64;
    }
    std::fs::write(dir.join(MANIFEST), &output.manifest).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn summary(output: &Output, bytes: u64, dir: &Path) -> String {
    let files = output.files.len() as u64;
    let extras = output
        .files
        .iter()
        .filter(|f| f.entry.name.starts_with("extra-"))
        .count() as u64;
    format!(
        "profkarta-gen: в {} записано {files} {} (из них особых: {extras}), {} {}, и {MANIFEST}",
        dir.display(),
        plural(files, "файл", "файла", "файлов"),
        group_digits(bytes),
        plural(bytes, "байт", "байта", "байт"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use profkarta_core::error::SubmissionError;
    use profkarta_core::signed::submission::{open, Opened};

    fn config(extras: bool) -> Config {
        Config {
            extras,
            ..Config::default()
        }
    }

    fn output(extras: bool) -> Output {
        generate(&Card::builtin().unwrap(), &config(extras))
    }

    fn file<'a>(output: &'a Output, name: &str) -> &'a OutFile {
        output
            .files
            .iter()
            .find(|f| f.entry.name == name)
            .unwrap_or_else(|| panic!("{name} is generated"))
    }

    fn opened(file: &OutFile) -> Result<Opened, SubmissionError> {
        open(std::str::from_utf8(&file.content).unwrap())
    }

    fn ordinary(output: &Output) -> impl Iterator<Item = &OutFile> {
        output
            .files
            .iter()
            .filter(|f| !f.entry.name.starts_with("extra-"))
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("profkarta-gen-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().into_string().unwrap(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // The published splitmix64 sequence from state 0.
        let mut rng = Rng { state: 0 };
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn same_arguments_write_identical_folders() {
        let card = Card::builtin().unwrap();
        let config = Config {
            extras: true,
            pad: Some(10_000),
            ..Config::default()
        };
        let (a, b) = (temp_dir("a"), temp_dir("b"));
        write_output(&a, &generate(&card, &config)).unwrap();
        write_output(&b, &generate(&card, &config)).unwrap();
        let (first, second) = (read_dir(&a), read_dir(&b));
        std::fs::remove_dir_all(&a).unwrap();
        std::fs::remove_dir_all(&b).unwrap();
        assert_eq!(first.len(), 12 * 2 + 9 + 1);
        assert_eq!(first, second);
    }

    #[test]
    fn another_seed_gives_other_files() {
        let card = Card::builtin().unwrap();
        let other = Config {
            seed: 2,
            ..Config::default()
        };
        assert_ne!(generate(&card, &other).manifest, output(false).manifest);
    }

    #[test]
    fn a_non_empty_folder_is_refused() {
        let dir = temp_dir("full");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("old.json"), "{}").unwrap();
        let result = write_output(&dir, &output(false));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(result.is_err());
    }

    #[test]
    fn every_ordinary_file_opens_and_its_claim_recomputes() {
        let card = Card::builtin().unwrap();
        let output = output(false);
        assert_eq!(output.files.len(), 24);
        for file in ordinary(&output) {
            let p = opened(file).unwrap().payload;
            let again = assess(&card, &p.to_draft());
            assert_eq!(again.total, p.score.total, "{}", file.entry.name);
            assert_eq!(again.max_applicable, p.score.max_applicable);
            assert_eq!(again.level, p.score.level);
            assert_eq!((again.unanswered, again.invalid), (0, 0));
            assert_eq!(file.entry.verdict, Verdict::Accepted);
            assert!(file.entry.name.ends_with(&file_name(&p.profile)));
        }
    }

    #[test]
    fn manifest_describes_every_file() {
        let card = Card::builtin().unwrap();
        let output = output(true);
        let manifest: Value = serde_json::from_str(&output.manifest).unwrap();
        assert_eq!(manifest["format"], MANIFEST_FORMAT);
        let entries = manifest["files"].as_array().unwrap();
        assert_eq!(entries.len(), output.files.len());
        for (entry, file) in entries.iter().zip(&output.files) {
            assert_eq!(entry["name"], file.entry.name.as_str());
            assert_eq!(entry["bytes"], file.content.len());
            let Some(submission) = entry.get("submission") else {
                continue;
            };
            // The answers in the manifest alone give the recorded score.
            let draft = Draft {
                profile: SchoolProfile {
                    levels: serde_json::from_value(submission["levels"].clone()).unwrap(),
                    ovz: submission["ovz"].as_bool().unwrap(),
                    ..SchoolProfile::default()
                },
                answers: serde_json::from_value(submission["answers"].clone()).unwrap(),
            };
            let again = assess(&card, &draft);
            assert_eq!(submission["recomputed"]["total"], again.total);
            assert_eq!(submission["fingerprint"].as_str().unwrap().len(), 19);
            assert_eq!(submission["submission_id"].as_str().unwrap().len(), 32);
        }
        let verdicts: BTreeSet<&str> = entries
            .iter()
            .map(|e| e["verdict"].as_str().unwrap())
            .collect();
        let expected = [
            "accepted",
            "altered",
            "duplicate",
            "key_changed",
            "not_json",
            "not_submission",
            "score_mismatch",
            "superseded",
            "too_large",
            "unknown_template",
        ];
        assert_eq!(verdicts, expected.into_iter().collect());
    }

    #[test]
    fn altered_file_fails_its_signature() {
        let output = output(true);
        let file = file(&output, "extra-altered.json");
        assert_eq!(file.entry.verdict, Verdict::Altered);
        assert_eq!(opened(file), Err(SubmissionError::SignatureInvalid));
    }

    #[test]
    fn score_mismatch_is_signed_but_claims_differ() {
        let card = Card::builtin().unwrap();
        let output = output(true);
        let p = opened(file(&output, "extra-score-mismatch.json"))
            .unwrap()
            .payload;
        let again = assess(&card, &p.to_draft());
        assert_eq!(p.score.total, again.total + 3, "the school claims more");
        let names: Vec<String> = ordinary(&output)
            .map(|f| f.entry.submission.as_ref().unwrap().school.clone())
            .collect();
        assert!(!names.contains(&p.profile.name), "a new school");
    }

    #[test]
    fn key_changed_has_another_fingerprint_for_the_same_school_and_period() {
        let output = output(true);
        let changed = opened(file(&output, "extra-key-changed.json")).unwrap();
        let original = ordinary(&output)
            .map(|f| opened(f).unwrap())
            .find(|o| {
                o.payload.profile.name == changed.payload.profile.name
                    && o.payload.profile.period == changed.payload.profile.period
            })
            .expect("the school and period exist");
        assert_ne!(changed.fingerprint, original.fingerprint);
        assert_ne!(
            changed.payload.submission_id,
            original.payload.submission_id
        );
        assert!(changed.payload.created_at > original.payload.created_at);
        assert_eq!(changed.payload.replaces, None);
    }

    #[test]
    fn corrected_replaces_the_original_with_the_same_key_later() {
        let output = output(true);
        let corrected = opened(file(&output, "extra-corrected.json")).unwrap();
        let original_file = output
            .files
            .iter()
            .find(|f| f.entry.verdict == Verdict::Superseded)
            .expect("one original is superseded");
        let original = opened(original_file).unwrap();
        assert_eq!(
            corrected.payload.replaces,
            Some(original.payload.submission_id.clone())
        );
        assert_eq!(corrected.fingerprint, original.fingerprint);
        assert_eq!(corrected.payload.profile, original.payload.profile);
        assert!(corrected.payload.created_at > original.payload.created_at);
        assert_ne!(corrected.payload.answers, original.payload.answers);
        assert_eq!(original.payload.profile.period, "2025/2026");
    }

    #[test]
    fn the_other_extras_are_what_their_names_say() {
        let card = Card::builtin().unwrap();
        let output = output(true);
        let not_json = file(&output, "extra-not-json.json");
        assert_eq!(opened(not_json), Err(SubmissionError::NotJson));
        let foreign = file(&output, "extra-foreign.json");
        assert_eq!(opened(foreign), Err(SubmissionError::NotSubmission));

        let unknown = opened(file(&output, "extra-unknown-template.json")).unwrap();
        assert_eq!(unknown.payload.template.id, FOREIGN_CARD_ID);
        assert_ne!(unknown.payload.template.id, card.id);

        let duplicate = file(&output, "extra-duplicate.json");
        let same = ordinary(&output).find(|f| f.content == duplicate.content);
        assert!(same.is_some(), "a byte copy of an ordinary file");

        let large = file(&output, "extra-too-large.json");
        assert!(large.content.len() > SIZE_LIMIT);
        let value: Value = serde_json::from_slice(&large.content).unwrap();
        assert_eq!(value["format"], "profkarta-submission");
    }

    #[test]
    fn twelve_schools_spread_over_levels() {
        let output = output(false);
        let latest: BTreeSet<Level> = ordinary(&output)
            .filter_map(|f| f.entry.submission.as_ref())
            .filter(|s| s.period == "2025/2026")
            .filter_map(|s| s.recomputed.level)
            .collect();
        assert_eq!(latest, [Level::Low, Level::Medium, Level::High].into());
    }

    #[test]
    fn later_periods_are_generally_better() {
        let output = output(false);
        let totals = |period: &str| -> Vec<u32> {
            ordinary(&output)
                .filter_map(|f| f.entry.submission.as_ref())
                .filter(|s| s.period == period)
                .map(|s| s.recomputed.total)
                .collect()
        };
        let (before, after) = (totals("2024/2025"), totals("2025/2026"));
        assert_eq!(before.len(), 12);
        assert!(before.iter().zip(&after).all(|(b, a)| a >= b));
        assert!(before.iter().sum::<u32>() < after.iter().sum::<u32>());
    }

    #[test]
    fn some_shares_sit_exactly_on_their_threshold() {
        let card = Card::builtin().unwrap();
        let output = output(false);
        let mut on_edge = 0;
        let mut one_short = 0;
        for file in ordinary(&output) {
            for (code, answer) in &opened(file).unwrap().payload.answers {
                let Rule::Share {
                    threshold_percent, ..
                } = card.indicator(code).unwrap().rule
                else {
                    continue;
                };
                let n: u64 = answer.numerator.parse().unwrap();
                let d: u64 = answer.denominator.parse().unwrap();
                let t = u64::from(threshold_percent);
                if d > 0 && n * 100 == t * d {
                    on_edge += 1;
                }
                if d > 0 && (n + 1) * 100 == t * d {
                    one_short += 1;
                }
            }
        }
        assert!(on_edge >= 3, "{on_edge} shares exactly on the threshold");
        assert!(one_short >= 3, "{one_short} shares one person short");
    }

    #[test]
    fn profiles_vary_and_names_need_escaping() {
        let card = Card::builtin().unwrap();
        let output = output(false);
        let subs: Vec<Payload> = ordinary(&output)
            .map(|f| opened(f).unwrap().payload)
            .collect();
        let names: BTreeSet<&str> = subs.iter().map(|p| p.profile.name.as_str()).collect();
        assert_eq!(names.len(), 12);
        assert!(names.iter().filter(|n| n.contains('«')).count() >= 2);
        assert_eq!(names.iter().filter(|n| n.contains("<b>")).count(), 1);
        assert!(subs.iter().all(|p| p.profile.municipality == MUNICIPALITY));
        let no_soo = subs
            .iter()
            .find(|p| !p.profile.has(SchoolLevel::Soo))
            .expect("a school without СОО");
        let a = assess(&card, &no_soo.to_draft());
        let result = |code: &str| a.indicators.iter().find(|r| r.code == code).unwrap();
        for code in ["1.3", "1.5", "3.2"] {
            assert!(!result(code).outcome.applies(), "{code}");
            assert!(!no_soo.answers.contains_key(code));
        }
        assert!(subs.iter().any(|p| p.profile.ovz) && subs.iter().any(|p| !p.profile.ovz));
        let with_id = subs
            .iter()
            .filter(|p| p.profile.identifier.len() == 10)
            .count();
        assert!(with_id > subs.len() / 2 && with_id < subs.len());
        let evidenced = subs.iter().map(|p| {
            p.answers
                .values()
                .filter(|a| !a.evidence.is_empty())
                .count()
        });
        assert!(evidenced.sum::<usize>() > subs.len() * 5);
    }

    #[test]
    fn each_school_keeps_its_key_across_periods() {
        let output = output(false);
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for s in ordinary(&output).filter_map(|f| f.entry.submission.as_ref()) {
            keys.entry(s.school.clone())
                .or_default()
                .insert(s.fingerprint.clone());
        }
        assert_eq!(keys.len(), 12);
        assert!(keys.values().all(|k| k.len() == 1));
        let all: BTreeSet<&String> = keys.values().flatten().collect();
        assert_eq!(all.len(), 12, "every school has its own key");
    }

    #[test]
    fn dates_fall_in_the_september_after_the_period() {
        let output = output(true);
        for s in output
            .files
            .iter()
            .filter_map(|f| f.entry.submission.as_ref())
        {
            let year = &s.period[5..];
            assert!(
                s.created_at.starts_with(&format!("{year}-09-")),
                "{}",
                s.created_at
            );
            assert_eq!(s.created_at.len(), "2026-09-20T08:30:00.000Z".len());
        }
    }

    #[test]
    fn padding_brings_files_to_about_the_requested_size() {
        let card = Card::builtin().unwrap();
        let config = Config {
            pad: Some(10_000),
            ..Config::default()
        };
        let output = generate(&card, &config);
        for file in ordinary(&output) {
            let size = file.content.len();
            assert!(
                (10_000..10_600).contains(&size),
                "{}: {size}",
                file.entry.name
            );
            let p = opened(file).unwrap().payload;
            assert_eq!(assess(&card, &p.to_draft()).total, p.score.total);
        }
        assert!(
            output.manifest.len() < 24 * 2_500,
            "the manifest leaves padding out"
        );
    }

    #[test]
    fn identifiers_are_valid_and_distinct() {
        let ids: Vec<String> = (0..2_000)
            .map(|i| identifier(1, i))
            .filter(|i| !i.is_empty())
            .collect();
        assert_eq!(ids.len(), 1_600);
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
        assert!(ids.iter().all(|i| i.len() == 10 && i.starts_with("66")));
        // A known valid ИНН of a legal entity: 7707083893 (Сбербанк).
        let digits = "770708389";
        let check = digits
            .bytes()
            .zip([2, 4, 10, 3, 5, 9, 4, 6, 8])
            .map(|(d, w)| u64::from(d - b'0') * w)
            .sum::<u64>()
            % 11
            % 10;
        assert_eq!(check, 3);
    }

    #[test]
    fn arguments_have_defaults_and_refuse_nonsense() {
        let args =
            |list: &[&str]| parse_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let (out, config) = args(&["--out", "dir"]).unwrap();
        assert_eq!(out, PathBuf::from("dir"));
        assert_eq!(config, Config::default());
        assert_eq!(config.periods[1].label, "2025/2026");
        let (_, config) = args(&[
            "--out",
            "d",
            "--schools",
            "1000",
            "--periods",
            "2025/2026,2023-2024",
            "--seed",
            "7",
            "--extras",
            "--pad",
            "10240",
        ])
        .unwrap();
        assert_eq!(config.schools, 1000);
        assert_eq!(
            config
                .periods
                .iter()
                .map(|p| p.label.as_str())
                .collect::<Vec<_>>(),
            ["2023/2024", "2025/2026"]
        );
        assert_eq!(
            (config.seed, config.extras, config.pad),
            (7, true, Some(10240))
        );
        assert!(args(&[]).is_err());
        assert!(args(&["--out"]).is_err());
        assert!(args(&["--out", "d", "--schools", "x"]).is_err());
        assert!(args(&["--out", "d", "--schools", "0"]).is_err());
        assert!(args(&["--out", "d", "--schools", "3", "--extras"]).is_err());
        assert!(args(&["--out", "d", "--periods", "2025"]).is_err());
        assert!(args(&["--out", "d", "--verbose"]).is_err());
    }
}
