// The management cycle end to end (issue 13): the department records a
// measure for the low-level schools and one for a target group, writes the
// group's letter; a school opens its recommendation file, fills in its plan
// and exports it; the department sees the plan in the review; and with the
// generator's second year, the report judges the measure. Every expected
// verdict is computed here from the generator's manifest with the
// independent scorer (scoring.mjs), not by the app's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openApp, openPage, nextQuestion, downloadText, ARTIFACTS, useApp, useGenerated, openDepartment, importFiles } from './harness.mjs';
import { byName, score, INDICATORS, CARD } from './scoring.mjs';
import { CardPage } from './card_page.mjs';
import { downloadDocx } from './docx_reader.mjs';
/// A school's name as the road map prints it: «№» tied to its number.
const tie = (name) => name.replaceAll('№ ', '№\u00a0');

const VERIFY = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-verify');
const FIRST = '2024/2025';
const SECOND = '2025/2026';
/// Chosen so that the seed-1 folder gives every verdict once (checked below).
const TARGETED = ['1.2', '1.4', '4.1', '4.2'];
const SEMINAR = 'Профпробы и проектная деятельность';
/// The seminar's mark of being carried out, said where it is judged.
const DONE = 'проведён 20.03.2025, участвовали все адресные ОО';
const COURSES = 'Курсы для заместителей по ВР';
// As a letter's sentence names it, the kind's word in small letters.
const COURSES_SAID = 'курсы для заместителей по ВР';

const app = useApp();
const gen = useGenerated(['--schools', '12', '--periods', `${FIRST},${SECOND}`]);
const noPoints = useGenerated(['--schools', '8', '--periods', `${FIRST},${SECOND}`, '--card', 'nevinnomyssk', '--seed', '5']);
const shares = useGenerated(['--schools', '8', '--periods', `${FIRST},${SECOND}`, '--card', 'izhevsk', '--seed', '11']);

/// Each school of `period` scored independently, by name.
const scored = (period) =>
    new Map(gen.manifest.files.filter((f) => f.submission?.period === period).map((f) => [f.submission.school, score(f.submission)]));

/// The weak spots a letter across `schools` names: those met by fewer
/// than half of the schools they apply to, lowest share first (equal shares
/// in the card's order); none below half, the three least met instead, with
/// any tied with the third, and a tie that runs to the end of the card not
/// named.
const weakSpots = (schools) => {
    const figures = INDICATORS.map((ind, i) => ({
        code: ind.code,
        i,
        applicable: schools.filter((s) => s.applicable.has(ind.code)).length,
        earned: schools.filter((s) => s.earned.has(ind.code)).length,
    }));
    const all = figures
        .filter((f) => f.applicable > 0)
        .sort((a, b) => a.earned * b.applicable - b.earned * a.applicable || a.i - b.i);
    const weak = all.filter((f) => f.earned * 2 < f.applicable);
    assert.ok(all.length > 3, 'the card has more than three indicators to choose from');
    const sameAsThird = (f) => f.earned * all[2].applicable === all[2].earned * f.applicable;
    const tied = all.slice(3).filter(sameAsThird).length;
    const named = weak.length > 0 ? weak
        : 3 + tied === all.length ? all.slice(0, all.findIndex(sameAsThird))
        : all.slice(0, 3 + tied);
    return { figures, named, weak };
};

/// The change of `meeting` of `n` schools in tenths of a point, rounded
/// half away from zero.
const tenths = (before, after, n) => {
    const x = ((after - before) * 1000) / n;
    return Math.sign(x) * Math.round(Math.abs(x));
};

/// What the report must say about `code` for a measure addressing the
/// first year's low-level schools: the two groups and the verdict.
function expectedEffect(code) {
    const [before, after] = [scored(FIRST), scored(SECOND)];
    const group = () => ({ n: 0, b: 0, a: 0, sums: [0, 0, 0, 0], shares: 0 });
    const groups = { addressed: group(), others: group() };
    for (const [name, b] of before) {
        const a = after.get(name);
        if (!a || !b.applicable.has(code) || !a.applicable.has(code)) continue;
        const g = b.level === 'low' ? groups.addressed : groups.others;
        g.n += 1;
        g.b += b.earned.has(code) ? 1 : 0;
        g.a += a.earned.has(code) ? 1 : 0;
        if (b.shares[code] && a.shares[code]) {
            g.shares += 1;
            [b.shares[code][0], b.shares[code][1], a.shares[code][0], a.shares[code][1]].forEach((v, i) => { g.sums[i] += v; });
        }
    }
    const { addressed: x, others: y } = groups;
    const difference = tenths(x.b, x.a, x.n) - tenths(y.b, y.a, y.n);
    // Nobody to compare with only when the measure reached every school of
    // both years; others the indicator does not apply to are too few.
    const forAll = [...before].every(([name, b]) => !after.has(name) || b.level === 'low');
    let verdict =
        y.n === 0 && forAll
            ? 'не с кем сравнить: мера для всех школ'
            : x.n < 3 || y.n < 3
              ? 'мало данных (менее 3 школ)'
              : difference >= 100
                ? 'лучше, чем в остальных школах'
                : difference <= -100
                  ? 'хуже, чем в остальных школах'
                  : 'без заметной разницы';
    // «Лучше» or «хуже» that one school fewer crossing the target (in
    // either group, against the verdict) would undo, or that the pupils'
    // share (Σ/Σ) contradicts, says so.
    const base = verdict;
    let caveat = null;
    const notes = [];
    if (Math.abs(difference) >= 100 && x.n >= 3 && y.n >= 3) {
        const up = Math.sign(difference);
        const oneLess = [];
        if (x.a - up >= 0 && x.a - up <= x.n) oneLess.push(tenths(x.b, x.a - up, x.n) - tenths(y.b, y.a, y.n));
        if (y.a + up >= 0 && y.a + up <= y.n) oneLess.push(tenths(x.b, x.a, x.n) - tenths(y.b, y.a + up, y.n));
        // Short of a notable difference the verdict's way: past «нет
        // разницы» to the other verdict counts too.
        if (oneLess.some((d) => d * up < 100)) notes.push('держится на одной школе');
        if (x.shares && y.shares) {
            // Σ/Σ change in tenths of a point, rounded half away from zero once.
            const change = ([a, b, c, d]) => {
                const [p, q] = [b === 0 ? [0, 1] : [a, b], d === 0 ? [0, 1] : [c, d]];
                const v = ((q[0] * p[1] - p[0] * q[1]) * 1000) / (p[1] * q[1]);
                return Math.sign(v) * Math.round(Math.abs(v));
            };
            const pupils = change(x.sums) - change(y.sums);
            if (pupils !== 0 && Math.sign(pupils) !== Math.sign(difference)) {
                const abs = Math.abs(pupils);
                notes.push(`по общей доле обучающихся разность другого знака: ${pupils > 0 ? '+' : '−'}${Math.floor(abs / 10)},${abs % 10}\u00a0п.\u00a0п.`);
            }
        }
        // Groups 25 п. п. or more apart at the start, the verdict going
        // the way the start alone would take it (the low rise, the high fall).
        const gap = exactTenths(y.b, y.n, x.b, x.n);
        if (Math.abs(gap) >= 250 && Math.sign(gap) === -Math.sign(difference)) {
            const [side, moves] = gap < 0 ? ['ниже', 'рост'] : ['выше', 'спад'];
            notes.push(`адресные ОО начинали ${side} остальных (${pct(x.b, x.n)} против ${pct(y.b, y.n)}), а у начинавших ${side} ${moves} обычно больше и без меры`);
        }
        if (notes.length) {
            caveat = `вывод ненадёжен: ${notes.join('; ')}`;
            verdict += ` (${caveat})`;
        }
    }
    const meeting = (g) => `выполняли ${g.b} из ${g.n} → ${g.a} из ${g.n}`;
    return { base, caveat, notes, verdict, addressed: meeting(x), others: meeting(y) };
}

/// Records a measure through the form on the «Меры» tab.
/// The indicator boxes cut long wordings instead of widening the page.
async function assertFits(fieldset) {
    const { scroll, client } = await fieldset.evaluate((f) => ({ scroll: f.scrollWidth, client: f.clientWidth }));
    assert.ok(scroll <= client, `the indicator list is ${scroll} px wide in ${client} px`);
    assert.ok(await fieldset.page().evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
}

async function recordMeasure(page, { kind, title, date, whom, group, codes, done }) {
    const form = page.getByTestId('measure-form');
    await assertFits(form.locator('.measure-indicators'));
    await form.getByLabel('Вид').selectOption({ label: kind });
    await form.getByLabel('Название').fill(title);
    // Enter in a field does not record the measure half written.
    await form.getByLabel('Название').press('Enter');
    await form.getByLabel('Срок или дата').fill(date);
    await form.getByLabel('Ответственный исполнитель').fill('Иванова Е. П., методист');
    await form.getByLabel('Показатель реализации').fill('доля ОО, принявших участие');
    await form.getByLabel('Форма отчёта').fill('справка');
    if (done) await form.getByLabel('Отметка о выполнении').fill(done);
    await form.getByLabel('Кому адресована').selectOption({ label: whom });
    if (group) await form.getByLabel('Целевая группа:').selectOption({ label: group });
    for (const code of codes) {
        // Each box names its indicator by code and wording.
        await form.locator('.measure-indicators').getByRole('checkbox', { name: new RegExp(`^${code.replace('.', '\\.')} \\S`) }).check();
    }
    // Nor Enter on a box, where the focus is as the targets are ticked.
    await form.locator('.measure-indicators').getByRole('checkbox').first().press('Enter');
    assert.equal(await page.getByTestId('road-map').locator('tbody tr', { hasText: title }).count(), 0, 'Enter in the title or on a box recorded nothing');
    await form.getByRole('button', { name: 'Записать меру' }).click();
    await page.getByTestId('road-map').locator('tbody tr', { hasText: title }).waitFor();
    // Said beside the button, the form ready for the next one.
    assert.equal(await form.getByTestId('measure-done').innerText(), `Мера «${title}» записана в дорожную карту. Перейти к дорожной карте`);
    await page.waitForFunction(() => document.activeElement?.id === 'measure-title');
}

/// For `waitForFunction`, which polls a plain predicate: reads the stored
/// decisions record of the department's IndexedDB in the background and
/// answers, on a later poll, whether it holds `text`.
function storedDecisionsInclude(text) {
    if (window.storedDecisions === undefined) {
        window.storedDecisions = null;
        const open = indexedDB.open('profkarta');
        open.onsuccess = () => {
            const get = open.result.transaction('records').objectStore('records').get('decisions');
            get.onsuccess = () => {
                window.storedDecisions = JSON.stringify(get.result ?? '');
                open.result.close();
            };
        };
    }
    if (window.storedDecisions === null) return false;
    const found = window.storedDecisions.includes(text);
    window.storedDecisions = undefined;
    return found;
}

async function chooseSchool(page, name) {
    const option = page.locator('#school-select option', { hasText: name });
    await page.locator('#school-select').selectOption(await option.getAttribute('value'));
}

test('measures for low-level schools and a target group, their letters, and next year the verdicts in the report', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        // The folder gives every verdict once, or this test would prove less.
        const expected = Object.fromEntries(TARGETED.map((code) => [code, expectedEffect(code)]));
        assert.equal(new Set(Object.values(expected).map((e) => e.base)).size, 4, JSON.stringify(expected));
        assert.ok(Object.values(expected).some((e) => e.caveat), `some verdict is doubtful: ${JSON.stringify(expected)}`);

        await importFiles(page, gen.files);
        await page.locator('#period').selectOption(FIRST);
        await page.getByRole('tab', { name: 'Меры' }).click();
        await recordMeasure(page, {
            kind: 'семинар',
            title: SEMINAR,
            date: 'март 2025',
            whom: 'ОО с уровнем эффективности…',
            codes: TARGETED,
            done: DONE,
        });
        await recordMeasure(page, {
            kind: 'курсы повышения квалификации',
            title: COURSES,
            date: 'апрель 2025',
            whom: 'целевой группе участников…',
            group: 'заместители директоров по ВР',
            codes: ['1.1'],
        });
        const roadMap = page.getByTestId('road-map');
        // The level's schools of that year are named, in name order.
        const lowNames = [...scored(FIRST)].filter(([, s]) => s.level === 'low').map(([name]) => name).sort(byName);
        assert.ok(lowNames.length > 0, 'some school is at the low level');
        const seminar = roadMap.locator('tbody tr', { hasText: SEMINAR });
        assert.deepEqual(
            (await seminar.locator('td').allInnerTexts()).slice(0, 9),
            ['1', `Семинар «${SEMINAR}»`, 'март 2025', `ОО с низкой эффективностью на день записи меры: ${lowNames.map(tie).join('; ')}`, TARGETED.join(', '), 'доля ОО, принявших участие', 'справка', 'Иванова\u00a0Е.\u00a0П., методист', DONE],
        );
        await roadMap.locator('tbody tr', { hasText: COURSES }).getByText('целевая группа: заместители директоров по ВР').waitFor();
        // The measures are kept with the workspace's decisions and survive a reload.
        await page.waitForFunction(storedDecisionsInclude, COURSES);
        await page.reload();
        await page.locator('#period').selectOption(FIRST);
        await page.getByRole('tab', { name: 'Меры' }).click();
        await roadMap.locator('tbody tr', { hasText: COURSES }).waitFor();
        assert.equal(await roadMap.locator('tbody tr').count(), 2);
        // Nothing to judge on this year's screen: the year after is where
        // the analysis is, and the note sends the coordinator there.
        await page.getByTestId('effectiveness').getByText(`Меры, принятые по итогам ${FIRST} учебного года, оцениваются по файлам ${SECOND} учебного года: выберите вверху ${SECOND} учебный год.`).waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'department-measures.png'), fullPage: true });

        // The target group's letter names the courses, and the municipality's
        // weak indicators (met by fewer than half of the schools) with figures.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.locator('#letter-addressee').selectOption({ label: 'Целевая группа: заместители директоров по ВР' });
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.startsWith('Заместителям'));
        const letter = await page.locator('#letter-text').inputValue();
        assert.ok(letter.startsWith('Заместителям директоров по воспитательной работе'), letter);
        assert.ok(letter.includes(`— ${COURSES_SAID} (апрель 2025; показатель 1.1; ответственный — Иванова Е. П., методист)`), letter);
        assert.ok(!letter.includes(SEMINAR), 'the seminar addresses schools, not this group');
        const first = [...scored(FIRST).values()];
        const municipal = weakSpots(first);
        const organisations = (n) => (n % 10 === 1 && n % 100 !== 11 ? 'организации' : 'организаций');
        const letterNames = (letter, { figures, named, weak }, beside = () => '') => {
            assert.equal(letter.includes('Реже других выполняются:'), weak.length === 0);
            for (const f of figures) {
                const line = `\n${f.code}. `;
                assert.equal(letter.includes(line), named.includes(f), `${f.code}: ${f.earned} of ${f.applicable}`);
                const said = `— выполнен в ${f.earned} из ${f.applicable} ${organisations(f.applicable)}${beside(f)}.\n`;
                if (named.includes(f)) assert.ok(letter.includes(said), `${f.code}: ${said}\n${letter}`);
            }
            const order = named.map((f) => letter.indexOf(`\n${f.code}. `));
            assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in the order of their shares');
        };
        letterNames(letter, municipal);

        // The low schools' letter: their own weak spots, the municipality's
        // figure beside each, and the seminar addressed to their level.
        await page.locator('#letter-addressee').selectOption({ label: `ОО с низкой эффективностью (${lowNames.length})` });
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.startsWith('Руководителям образовательных организаций с низкой'));
        const lowLetter = await page.locator('#letter-text').inputValue();
        assert.ok(lowLetter.startsWith(`Руководителям образовательных организаций с низкой эффективностью профориентационной работы (${lowNames.map(tie).join(', ')})\n`), lowLetter);
        assert.ok(lowLetter.includes(`\n— семинар «${SEMINAR}» (март 2025; показатели ${TARGETED.join(', ')};`), lowLetter);
        assert.ok(!lowLetter.includes(COURSES_SAID), 'the courses are for a group of participants');
        const low = weakSpots(lowNames.map((name) => scored(FIRST).get(name)));
        letterNames(lowLetter, low, (f) => {
            const m = municipal.figures.find((g) => g.code === f.code);
            return ` (по муниципалитету — в ${m.earned} из ${m.applicable} ${organisations(m.applicable)})`;
        });

        // «Кому» stays through a look at another tab.
        await page.getByRole('tab', { name: 'Меры' }).click();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.startsWith('Руководителям образовательных организаций с низкой'));
        assert.equal(await page.locator('#letter-addressee option:checked').textContent(), `ОО с низкой эффективностью (${lowNames.length})`);

        // A low-level school's own letter names the seminar; a high one's does not.
        await page.locator('#letter-addressee').selectOption({ label: 'Школе (выбранной ниже)' });
        await chooseSchool(page, 'Гимназия № 2');
        assert.ok((await page.locator('#letter-text').inputValue()).includes(`— семинар «${SEMINAR}» (март 2025; показатели ${TARGETED.join(', ')};`));
        await chooseSchool(page, /СОШ № 1(?!\d)/);
        assert.ok(!(await page.locator('#letter-text').inputValue()).includes(SEMINAR));

        // This year's report ends with the measures taken on its results.
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const taken = page.getByTestId('report').getByTestId('report-measures');
        await taken.locator('tbody tr').first().waitFor();
        const takenRows = await taken.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        assert.deepEqual(takenRows.map((r) => r.slice(0, 3)), [
            ['1', `Семинар «${SEMINAR}»`, 'март 2025'],
            // The title names the kind itself: not said twice.
            ['2', COURSES, 'апрель 2025'],
        ]);
        assert.deepEqual(takenRows[0][4].split(', ').sort(), [...TARGETED].sort());
        // The initials kept with the name on paper (no-break spaces).
        assert.equal(takenRows[1][5], 'Иванова\u00a0Е.\u00a0П., методист');

        // Next year: the report judges the seminar against the other schools.
        await page.locator('#period').selectOption(SECOND);
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const section = page.getByTestId('report').getByTestId('effectiveness');
        await section.getByTestId('effectiveness-summary').waitFor();
        const rows = section.getByTestId('effectiveness-table').locator('tbody tr');
        for (const code of TARGETED) {
            const row = rows.filter({ hasText: SEMINAR }).filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }) });
            const [measure, , numbers, , verdict] = await row.locator('td').allInnerTexts();
            // Judged with its mark of who took part.
            assert.equal(measure, `1) семинар «${SEMINAR}» (выполнение: ${DONE})`);
            assert.equal(verdict, expected[code].verdict, code);
            assert.ok(numbers.includes(`адресные ОО (`) && numbers.includes(expected[code].addressed), `${code}: ${numbers}`);
            assert.ok(numbers.includes(`остальные ОО (`) && numbers.includes(expected[code].others), `${code}: ${numbers}`);
        }
        // The courses addressed every school's deputies: nobody to compare with.
        const courses = rows.filter({ hasText: COURSES });
        assert.equal(await courses.locator('td').nth(4).innerText(), 'не с кем сравнить: мера для всех школ');
        const summary = await section.getByTestId('effectiveness-summary').innerText();
        assert.ok(summary.startsWith(`По итогам ${FIRST} учебного года принято мер: 2, целевых показателей в них: ${TARGETED.length + 1}. Сравнение в адресных школах и в остальных`), summary);
        // Each verdict once; a doubtful one said beside its count.
        const once = (base) => {
            const doubtful = Object.values(expected).some((e) => e.base === base && e.caveat);
            return `${base} — 1${doubtful ? ' (из них ненадёжных: 1)' : ''}`;
        };
        const verdicts = ['лучше, чем в остальных школах', 'без заметной разницы', 'хуже, чем в остальных школах'].map(once).join(', ');
        assert.ok(summary.includes(`${verdicts}, не с кем сравнить: мера для всех школ — 1, мало данных (менее 3 школ) — 1`), summary);
        const why = whyDoubtful(Object.values(expected).map((e) => e.notes));
        assert.ok(why ? summary.includes(why) : !summary.includes('Причины ненадёжности'), summary);
        await section.getByTestId('effectiveness-chart').locator('svg').waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'report-effectiveness.png'), fullPage: true });

        // The report as a Word document: the same summary and verdicts, and
        // the effectiveness chart beside the levels and criteria charts.
        const docx = await downloadDocx(page, () => page.getByRole('button', { name: 'Скачать справку (DOCX)' }).click(), 'справка_2025-2026.docx');
        assert.ok(docx.paragraphs.includes(summary));
        assert.equal(docx.pictures.length, 3);
        const measuresTable = docx.tables.find((t) => t[0][0] === 'Мера');
        for (const code of TARGETED) {
            const row = measuresTable.find((r) => r[0].includes(SEMINAR) && r[1] === code);
            assert.equal(row[4], expected[code].verdict, code);
        }

        // The second year's letter says which indicators were missed the year before too.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.locator('#letter-addressee').selectOption({ label: 'Школе (выбранной ниже)' });
        await chooseSchool(page, 'Гимназия № 2');
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.includes('за 2025/2026 учебный год'));
        const secondLetter = await page.locator('#letter-text').inputValue();
        const [was, now] = [scored(FIRST), scored(SECOND)].map((m) => [...m.entries()].find(([name]) => name.includes('Гимназия № 2'))[1]);
        const missedIn = (s, code) => s.applicable.has(code) && !s.earned.has(code);
        let both = 0;
        let stepsSeen = 0;
        for (const { code } of INDICATORS.filter((i) => missedIn(now, i.code))) {
            const at = secondLetter.indexOf(`\n${code}. `);
            assert.ok(at >= 0, code);
            const next = secondLetter.slice(at + 1).split('\n')[1];
            // With last year's share, where the indicator has one.
            assert.equal(/^Не выполнен и в прошлом году( \(было \d+,\d\u00a0%\))?\.$/.test(next), missedIn(was, code), `${code}: ${next}`);
            // Met the year before: a point lost, said as such.
            assert.equal(/^В прошлом году был выполнен( \(было \d+,\d\u00a0%\))?\.$/.test(next), was.earned.has(code), `${code}: ${next}`);
            both += missedIn(was, code) ? 1 : 0;
            // Missed again after last year's measures on it (the seminar
            // if the school was low then, the deputies' courses on 1.1, its
            // title naming its kind):
            // named, and the school asked why they did not work.
            const taken = [
                ...(was.level === 'low' && TARGETED.includes(code) ? [`семинар «${SEMINAR}»`] : []),
                ...(code === '1.1' ? [COURSES_SAID] : []),
            ];
            const steps = secondLetter.slice(at + 1).split('\n')[2];
            const expectedSteps = `По показателю после прошлого года было намечено: ${taken.length === 1 ? 'муниципальная мера' : 'муниципальные меры'} — ${taken.join('; ')}. Просим проанализировать, почему намеченное не привело к выполнению показателя, и учесть это в новом плане.`;
            assert.equal(steps === expectedSteps, missedIn(was, code) && taken.length > 0, `${code}: ${steps}`);
            stepsSeen += steps === expectedSteps ? 1 : 0;
        }
        assert.ok(stepsSeen > 0, 'the data has an indicator missed again after a measure on it');
        assert.ok(both > 0, 'the data has an indicator missed both years');
        // The generated years only improve: a point lost is made by the
        // check, which refuses one the school earned both years.
        const kept = INDICATORS.find((i) => i.points === 1 && was.earned.has(i.code) && now.earned.has(i.code));
        assert.ok(kept, 'an indicator earned both years');
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await chooseSchool(page, 'Гимназия № 2');
        await page.getByTestId('review').locator(`li[data-code="${kept.code}"]`).getByLabel('балл не засчитан').check();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.waitForFunction((code) => document.querySelector('#letter-text')?.value.includes(`\n${code}. `), kept.code);
        const lostLetter = await page.locator('#letter-text').inputValue();
        const at = lostLetter.indexOf(`\n${kept.code}. `);
        assert.match(lostLetter.slice(at + 1).split('\n')[1], /^В прошлом году был выполнен( \(было \d+,\d\u00a0%\))?\.$/);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a school pre-fills its plan from the letter file, signs it, the department sees it, and next year it stands beside the rows', async () => {
    const department = await openDepartment(app);
    const school = await openApp(app.browser, app.server.url);
    const folder = await mkdtemp(join(tmpdir(), 'profkarta-plan-'));
    try {
        const { page } = department;
        await importFiles(page, gen.files.filter((f) => f.endsWith('2024-2025.json')));
        await page.getByRole('tab', { name: 'Меры' }).click();
        await recordMeasure(page, { kind: 'семинар', title: SEMINAR, date: 'март 2025', whom: 'ОО с уровнем эффективности…', codes: TARGETED });
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await chooseSchool(page, 'Гимназия № 2');
        const file = await downloadText(page, () => page.getByRole('button', { name: 'Скачать файл рекомендаций для школы' }).click());
        assert.equal(file.name, 'рекомендации_МАОУ_Гимназия_2_2024-2025.json');
        const letter = JSON.parse(file.text);
        // A row per scored indicator the school missed, then the seminar.
        const gymnasium = scored(FIRST).get('МАОУ «Гимназия № 2»');
        const missed = INDICATORS.filter((i) => gymnasium.applicable.has(i.code) && !gymnasium.earned.has(i.code)).map((i) => [i.code]);
        assert.deepEqual(letter.plan.map((r) => r.indicators), [...missed, TARGETED]);
        assert.equal(letter.plan.at(-1).measure, `Участие: семинар «${SEMINAR}»`);
        const letterPath = join(folder, file.name);
        await writeFile(letterPath, file.text);

        // The school opens it: the rows arrive, and opening it again adds none.
        const card = new CardPage(school.page);
        await card.profile('Полное наименование ОО', 'МАОУ СОШ № 99');
        await card.profile('Муниципальное образование', 'г. Пример');
        await card.profile('Ответственный (ФИО, должность)', 'Петрова А. С., директор');
        await card.profile('Отчётный период (учебный год)', FIRST);
        const plan = school.page.getByTestId('plan');
        // Picked in «Открыть файл…» by mistake: sent to the plan's button.
        await school.page.locator('#open-file').setInputFiles(letterPath);
        await school.page.getByTestId('notices').getByText(`Файл «${file.name}» не открыт. Это файл рекомендаций отдела. Его открывает кнопка «Открыть файл рекомендаций отдела…» в разделе «План мероприятий по повышению эффективности».`).waitFor();
        // The letter is the gymnasium's, the draft another school's: asked
        // first, and refused, nothing is added.
        const otherSchool = [];
        school.page.once('dialog', (d) => { otherSchool.push(d.message()); d.dismiss(); });
        await plan.locator('#letter-file').setInputFiles(letterPath);
        await school.page.getByTestId('notices').getByText(`Файл «${file.name}» не добавлен в план. Рекомендации в нём — для другой школы.`).waitFor();
        assert.deepEqual(otherSchool, ['Это рекомендации для «МАОУ «Гимназия № 2»», а в черновике указана школа «МАОУ СОШ № 99». Всё равно добавить их мероприятия в план?']);
        assert.equal(await plan.locator('.plan-row').count(), 0);
        // An empty plan is pointed out at the export, not asked about.
        await school.page.getByTestId('export-no-plan').filter({ hasText: 'План мероприятий пуст.' }).waitFor();
        school.page.once('dialog', (d) => d.accept());
        await plan.locator('#letter-file').setInputFiles(letterPath);
        await school.page.getByTestId('notices').getByText(`в план добавлено мероприятий — ${letter.plan.length}`).waitFor();
        await school.page.getByTestId('export-no-plan').waitFor({ state: 'detached' });
        assert.equal(await plan.locator('.plan-row').count(), letter.plan.length);
        school.page.once('dialog', (d) => d.accept());
        await plan.locator('#letter-file').setInputFiles(letterPath);
        await school.page.getByTestId('notices').getByText(`(«${file.name}»): все их мероприятия уже в плане, ничего не добавлено.`).waitFor();
        assert.equal(await plan.locator('.plan-row').count(), letter.plan.length);
        // The same letter as another version of the card would write it:
        // its indicators found by their keys, the same rows, none added.
        assert.equal(letter.keys['1.1'], '1.1');
        const otherVersion = join(folder, 'рекомендации_версия_2.json');
        await writeFile(otherVersion, JSON.stringify({ ...letter, card_version: 2 }));
        school.page.once('dialog', (d) => d.accept());
        await plan.locator('#letter-file').setInputFiles(otherVersion);
        await school.page.getByTestId('notices').getByText('все их мероприятия уже в плане, ничего не добавлено. Рекомендации составлены по версии 2 карты, а черновик — по версии 1: целевые показатели отмечены под их номерами в версии 1.').waitFor();
        assert.equal(await plan.locator('.plan-row').count(), letter.plan.length);
        // In a draft of the next year the letter is asked about: its
        // measures belong in the plan of the year it follows. Refused,
        // nothing is added and the school is told where it goes.
        await card.profile('Отчётный период (учебный год)', SECOND);
        const questions = [];
        const answer = (d) => {
            questions.push(d.message());
            return d.message().startsWith('Это рекомендации для') ? d.accept() : d.dismiss();
        };
        school.page.on('dialog', answer);
        await plan.locator('#letter-file').setInputFiles(letterPath);
        await school.page.getByTestId('notices').getByText(
            `Файл «${file.name}» не добавлен в план. Рекомендации — по итогам ${FIRST} учебного года. Откройте черновик за ${FIRST} в «Моих черновиках»`,
        ).waitFor();
        school.page.off('dialog', answer);
        assert.equal(questions.length, 2);
        assert.equal(
            questions[1],
            `Это рекомендации по итогам ${FIRST} учебного года, а черновик — за ${SECOND}. Их место — в плане карты за ${FIRST}: по карте следующего года отдел увидит, помогли ли мероприятия. Всё равно добавить их в план за ${SECOND}?`,
        );
        assert.equal(await plan.locator('.plan-row').count(), letter.plan.length);
        await card.profile('Отчётный период (учебный год)', FIRST);
        // The deadline's example is in the year the plan is for, the one
        // after the card's, whatever today is.
        const planYear = Number(FIRST.slice(0, 4)) + 2;
        assert.equal(await plan.locator('#plan-0-deadline').getAttribute('placeholder'), `например, до 30.05.${planYear}`);
        // Its own edits and a row of its own, picked by keyboard-reachable checkboxes.
        await plan.locator('#plan-0-deadline').fill('до 30.05.2025');
        await plan.locator('#plan-0-responsible').fill('Сидоров П. П., заместитель по ВР');
        // A new row takes the focus, so typing goes into it.
        const focusOn = (id) => school.page.waitForFunction((id) => document.activeElement?.id === id, id);
        await plan.getByRole('button', { name: 'Добавить мероприятие' }).click();
        const own = letter.plan.length;
        await focusOn(`plan-${own}-measure`);
        await school.page.keyboard.type('Экскурсия на предприятие');
        assert.equal(await plan.locator(`#plan-${own}-measure`).inputValue(), 'Экскурсия на предприятие');
        // A removed row hands the focus to the row now last.
        await plan.getByRole('button', { name: 'Добавить мероприятие' }).click();
        await focusOn(`plan-${own + 1}-measure`);
        await plan.getByRole('button', { name: `Удалить мероприятие ${own + 2}` }).click();
        await focusOn(`plan-${own}-measure`);
        // A filled row is asked about first; «Отмена» keeps it.
        const asked = new Promise((resolve) => school.page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
        await plan.getByRole('button', { name: `Удалить мероприятие ${own + 1}` }).click();
        assert.equal(await asked, `Удалить мероприятие ${own + 1} «Экскурсия на предприятие»? Это нельзя отменить.`);
        assert.equal(await plan.locator(`#plan-${own}-measure`).inputValue(), 'Экскурсия на предприятие');
        await plan.locator(`.plan-row[data-row="${own}"] summary`).click();
        await plan.locator(`.plan-row[data-row="${own}"]`).getByRole('checkbox', { name: /^3\.1 / }).check();
        await assertFits(plan.locator(`.plan-row[data-row="${own}"] fieldset`));
        await plan.locator(`.plan-row[data-row="${own}"]`).getByTestId('plan-codes').getByText('3.1').waitFor();
        // Moved up and back, the row keeps its list of indicators open.
        const open = () => plan.locator('details.plan-indicators').evaluateAll((all) => all.map((d) => d.open));
        const openAt = (at) => Array.from({ length: own + 1 }, (_, i) => i === at);
        await plan.getByRole('button', { name: `Мероприятие ${own + 1} выше` }).click();
        const measureAt = (at) => school.page.waitForFunction((id) => document.getElementById(id)?.value === 'Экскурсия на предприятие', `plan-${at}-measure`);
        await measureAt(own - 1);
        assert.deepEqual(await open(), openAt(own - 1));
        await plan.getByRole('button', { name: `Мероприятие ${own} ниже` }).click();
        await measureAt(own);
        assert.deepEqual(await open(), openAt(own));
        await school.page.screenshot({ path: join(ARTIFACTS, 'school-plan.png'), fullPage: true });

        // The letter's rows came without deadlines and people responsible:
        // named before the export, each linked to its empty field.
        const gaps = school.page.getByTestId('export-plan-gaps');
        const numbers = Array.from({ length: own }, (_, i) => String(i + 2));
        assert.equal(await gaps.innerText(), `Мероприятия плана без названия, срока или ответственного: ${numbers.join(', ')}`);
        assert.equal(await gaps.getByRole('link', { name: '2', exact: true }).getAttribute('href'), '#plan-1-deadline');
        // The plan is signed with the card and verified outside the browser.
        await school.page.getByLabel(/Выгрузить всё равно/).check();
        const exported = await downloadText(school.page, () => school.page.getByTestId('export-button').click());
        const signed = JSON.parse(exported.text).payload.plan;
        assert.equal(signed.length, own + 1);
        assert.deepEqual(signed[0], { ...letter.plan[0], deadline: 'до 30.05.2025', responsible: 'Сидоров П. П., заместитель по ВР' });
        assert.deepEqual(signed[own], { measure: 'Экскурсия на предприятие', indicators: ['3.1'] });
        const exportedPath = join(folder, exported.name);
        await writeFile(exportedPath, exported.text);
        const { stdout } = await promisify(execFile)(VERIFY, [exportedPath]);
        assert.match(stdout, /^signature: ok$/m);
        assert.match(stdout, /^school: МАОУ СОШ № 99$/m);

        // The department imports it and sees the plan in the review.
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        await page.locator('#import-files').setInputFiles([exportedPath]);
        // The log counts the session's files: the first year's 12 and this one.
        await page.getByTestId('import-summary').filter({ hasText: 'Принято: 13.' }).waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await chooseSchool(page, 'СОШ № 99');
        const table = page.getByTestId('school-plan');
        assert.equal(await table.locator('tbody tr').count(), own + 1);
        assert.deepEqual(await table.locator('tbody tr').first().locator('td').allInnerTexts(), [
            '1',
            letter.plan[0].measure,
            letter.plan[0].indicators.join(', '),
            'до 30.05.2025',
            'Сидоров П. П., заместитель по ВР',
        ]);
        await table.screenshot({ path: join(ARTIFACTS, 'review-plan.png') });

        // Next year the school's card shows last year's plan beside 3.1:
        // not answered yet, then improved once the fact is there.
        await school.page.getByRole('button', { name: /Мои черновики/ }).click();
        const drafts = school.page.getByTestId('draft-list');
        const letterSaid = school.page.getByTestId('notices').getByText(/^Рекомендации отдела за /);
        assert.ok(await letterSaid.count() > 0, 'the letter was said of this draft');
        await drafts.getByRole('row', { name: /2024\/2025/ }).getByRole('button', { name: 'Следующий год' }).click();
        await drafts.getByRole('button', { name: 'Не копировать ответы' }).click();
        await card.expectText('draft-title', 'МАОУ СОШ № 99 · 2025/2026');
        // What the letter did was said of last year's plan, not this one's.
        assert.equal(await letterSaid.count(), 0);
        const note = card.row('3.1').getByTestId('last-plan');
        await note.filter({ hasText: new RegExp(`^План ${FIRST}: показатель пока не заполнен\\.\\s*Мероприятие: Экскурсия на предприятие\\.$`) }).waitFor();
        await card.fact('3.1', true);
        await note.filter({ hasText: 'показатель улучшился' }).waitFor();
        assert.equal(await card.row('3.3').getByTestId('last-plan').count(), 0, 'an indicator without a planned measure has no note');

        // A measure added to last year's plan afterwards shows next year
        // too: last year's plan follows its draft while it is here.
        await drafts.getByRole('row', { name: /2024\/2025/ }).getByRole('button', { name: 'Открыть' }).click();
        await card.expectText('draft-title', `МАОУ СОШ № 99 · ${FIRST}`);
        await plan.getByRole('button', { name: 'Добавить мероприятие' }).click();
        await focusOn(`plan-${own + 1}-measure`);
        await school.page.keyboard.type('Профпробы в колледже');
        await plan.locator(`.plan-row[data-row="${own + 1}"] summary`).click();
        await plan.locator(`.plan-row[data-row="${own + 1}"]`).getByRole('checkbox', { name: /^3\.3 / }).check();
        await plan.locator(`.plan-row[data-row="${own + 1}"]`).getByRole('checkbox', { name: /^1\.3 / }).check();
        await drafts.getByRole('row', { name: /2025\/2026/ }).getByRole('button', { name: 'Открыть' }).click();
        await card.expectText('draft-title', 'МАОУ СОШ № 99 · 2025/2026');
        await card.row('3.3').getByTestId('last-plan').filter({ hasText: new RegExp(`^План ${FIRST}: показатель пока не заполнен\\.\\s*Мероприятие: Профпробы в колледже\\.$`) }).waitFor();
        await school.page.getByTestId('notices').getByText(`План мероприятий ${FIRST} показан по черновику «МАОУ СОШ № 99 · ${FIRST}»: он изменился.`).waitFor();
        await note.filter({ hasText: 'показатель улучшился' }).waitFor();
        // 1.3 is for 10–11 classes: without them this year there is no
        // value to compare with last year's, and none is claimed.
        const senior = card.row('1.3').getByTestId('last-plan');
        await senior.filter({ hasText: /^План [^:]+: показатель пока не заполнен\./ }).waitFor();
        await card.level('СОО (10–11 классы)', false);
        await senior.filter({ hasText: /^План [^:]+: показатель не оценивается: в этом году не относится к школе\./ }).waitFor();
        assert.deepEqual(department.errors.map(String), []);
        assert.deepEqual(school.errors.map(String), []);
    } finally {
        await department.context.close();
        await school.context.close();
        await rm(folder, { recursive: true, force: true });
    }
});

test('a measure for chosen schools with none ticked is said at the list the focus goes to', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, gen.files.filter((f) => f.endsWith('2024-2025.json')));
        await page.getByRole('tab', { name: 'Меры' }).click();
        const form = page.getByTestId('measure-form');
        await form.getByLabel('Название').fill('Семинар для выбранных школ');
        await form.getByLabel('Кому адресована').selectOption({ label: 'выбранным ОО' });
        await form.getByRole('button', { name: 'Записать меру' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'measure-whom');
        const whom = form.locator('#measure-whom');
        assert.equal(await whom.getAttribute('aria-invalid'), 'true');
        assert.equal(await whom.getAttribute('aria-describedby'), 'measure-error');
        const said = page.locator('#measure-error');
        assert.equal(await said.innerText(), 'Выберите хотя бы одну школу или другого адресата.');
        // Right under the list, in sight with it.
        const [list, message] = [await whom.boundingBox(), await said.boundingBox()];
        assert.ok(message.y > list.y && message.y - (list.y + list.height) < 60, `${list.y}, ${message.y}`);
        // A target shows how many schools met it; ticked, it marks the
        // schools that did not, as the files say (independent scorer).
        const first = scored(FIRST);
        const met = [...first.values()].filter((x) => x.earned.has('1.2')).length;
        const applies = [...first.values()].filter((x) => x.applicable.has('1.2')).length;
        const target = form.locator('.measure-indicators').getByRole('checkbox', { name: /^1\.2 / });
        assert.ok((await target.locator('xpath=..').innerText()).trim().startsWith(`1.2 (выполнили ${met} из ${applies}) `));
        await target.check();
        const labels = await form.locator('.measure-schools label').allInnerTexts();
        for (const [name, x] of first) {
            const label = labels.find((l) => l.trim() === name || l.trim().startsWith(`${name} —`));
            const missed = x.applicable.has('1.2') && !x.earned.has('1.2');
            assert.equal(label.trim(), missed ? `${name} — не выполнен: 1.2` : name, name);
        }
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('on a card of questions and surveys a measure targets them, and next year they are judged by «да» and the mean', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, noPoints.files);
        // The files' only card is the one shown.
        await page.locator('#period').selectOption(FIRST);
        await page.getByRole('tab', { name: 'Меры' }).click();
        assert.equal(await page.locator('.measures > .hint').innerText(),
            'Запишите меры, принятые по итогам мониторинга: методические мероприятия, курсы, семинары, приказы, изменения муниципальной программы, соглашения, консультирование. Карта не даёт баллов: целевыми показателями меры могут быть вопросы «да/нет» и проценты, и через год здесь будет видно, выросли ли их значения в адресных школах больше, чем в остальных.');
        const form = page.getByTestId('measure-form');
        // The questions and the surveys, not the counts or the list.
        const offered = await form.locator('.measure-indicators input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => b.parentElement.innerText.trim().split(' ')[0]));
        assert.deepEqual(offered, ['1.1', '1.5', '1.6', '1.7', '2.3']);
        // 1.5 and 1.6 differ in their last word, past a hundred letters
        // alike: on screen their ends show; their names stay whole.
        const begins = 'Уровень удовлетворенности детей и родителей состоянием профориентационной работы в образовательной организации: удовлетворенность';
        for (const [code, whose] of [['1.5', 'детей'], ['1.6', 'родителей']]) {
            const box = form.locator('.measure-indicators').getByRole('checkbox', { name: new RegExp(`^${code.replace('.', '\\.')} \\(по муниципалитету .+\\) ${begins} ${whose}$`) });
            assert.equal(await box.locator('xpath=..').locator('span[aria-hidden="true"]').innerText(), `Уровень удовлетворенности … удовлетворенность ${whose}`);
        }
        const subs = (period) => noPoints.manifest.files.map((f) => f.submission).filter((s) => s?.period === period);
        const chosen = subs(FIRST).map((s) => s.school).slice(0, 4);
        await form.getByLabel('Название').fill(SEMINAR);
        await form.getByLabel('Кому адресована').selectOption({ label: 'выбранным ОО' });
        for (const name of chosen) await form.locator('.measure-schools').getByRole('checkbox', { name, exact: true }).check();
        for (const code of ['1.1', '1.5']) {
            await form.locator('.measure-indicators').getByRole('checkbox', { name: new RegExp(`^${code.replace('.', '\\.')} `) }).check();
        }
        await form.getByRole('button', { name: 'Записать меру' }).click();
        const row = page.getByTestId('road-map').locator('tbody tr', { hasText: SEMINAR });
        await row.waitFor();
        assert.ok((await page.getByTestId('road-map').locator('thead th').allInnerTexts()).includes('Целевые показатели'));
        assert.ok((await row.innerText()).includes('1.1, 1.5'));

        // Next year: each group's «да» and mean, by hand from the files.
        await page.locator('#period').selectOption(SECOND);
        const yes = (s) => (typeof s.answers['1.1']?.fact === 'boolean' ? [s.answers['1.1'].fact ? 1 : 0, 1] : null);
        const mean = (s) => {
            const typed = /^(\d{1,3})(?:,(\d))?$/.exec(s.answers['1.5']?.percent ?? '');
            const t = typed && Number(typed[1]) * 10 + Number(typed[2] ?? 0);
            return typed && t <= 1000 ? [t, 1000] : null;
        };
        const section = page.getByTestId('effectiveness');
        const rows = section.getByTestId('effectiveness-table').locator('tbody tr');
        const said = [];
        for (const [i, code, pair, describe] of [
            [0, '1.1', yes, ([a, b, c, d]) => `«да» у ${a} из ${b} → у ${c} из ${d} (${moved(exactTenths(a, b, c, d))})`],
            [1, '1.5', mean, ([a, b, c, d]) => `в среднем ${pct(a, b)} → ${pct(c, d)} (${moved(exactTenths(a, b, c, d))})`],
        ]) {
            const j = judged(subs, pair, chosen);
            // Enough schools with a value both years for a verdict.
            assert.ok(j.counted.every((n) => n >= 3), `${code}: ${j.counted}`);
            const cells = await rows.nth(i).locator('td').allInnerTexts();
            assert.equal(cells[1], code);
            assert.equal(cells[2], `адресные ОО с ответом в оба года (${j.counted[0]}): ${describe(j.addressed)}; остальные ОО с ответом в оба года (${j.counted[1]}): ${describe(j.others)}`);
            assert.equal(cells[3], moved(j.difference));
            assert.equal(cells[4], j.notes.length ? `${j.verdict} (вывод ненадёжен: ${j.notes.join('; ')})` : j.verdict);
            said.push(j);
        }
        assert.ok((await section.locator('.hint').innerText()).startsWith('Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: изменение доли школ с ответом «да» и среднего значения по школам у адресных минус изменение у остальных; у показателя без баллов нет выполнивших его школ, а у показателя, цель которого изменилась между годами, выполнение по разным целям не сравнить, поэтому сравниваются его значения по группе школ (доля школ с ответом «да» и среднее введённых школами процентов)'));
        assert.equal(await section.getByTestId('effectiveness-summary').innerText(),
            `По итогам ${FIRST} учебного года принято мер: 1, целевых показателей в них: 2. Сравнение в адресных школах и в остальных (разность изменений доли школ с ответом «да» и среднего значения по школам): ${verdicts(said)}`);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

/// The summary's count of `judged` verdicts on a card without points, in
/// the page's order, each with its doubtful ones, and the sentence on them.
function verdicts(judged) {
    const order = ['лучше, чем в остальных школах', 'без заметной разницы', 'хуже, чем в остальных школах'];
    const parts = order.map((v) => [v, judged.filter((j) => j.verdict === v)]).filter(([, of]) => of.length).map(([v, of]) => {
        const doubtful = of.filter((j) => j.notes.length).length;
        return `${v} — ${of.length}${doubtful ? ` (из них ненадёжных: ${doubtful})` : ''}`;
    });
    return `${parts.join(', ')}.${whyDoubtful(judged.map((j) => j.notes))}`;
}

/// The summary's sentence on doubtful verdicts, from each verdict's notes:
/// each reason that occurs, in the page's order, with how many verdicts it
/// weakens; empty when none is doubtful.
function whyDoubtful(noteLists) {
    const reasons = [
        ['держится на одной школе', (n) => n === 'держится на одной школе'],
        ['расходится с общей долей обучающихся', (n) => n.startsWith('по общей доле обучающихся')],
        ['группы начинали с разного уровня', (n) => n.startsWith('адресные ОО начинали')],
    ];
    const notes = noteLists.flat();
    const counted = reasons.map(([reason, is]) => [reason, notes.filter(is).length]).filter(([, n]) => n);
    assert.equal(counted.reduce((t, [, n]) => t + n, 0), notes.length, `a reason for every note: ${notes}`);
    if (!counted.length) return '';
    const several = notes.length > noteLists.filter((l) => l.length).length ? '; у некоторых выводов причин несколько' : '';
    return ` Причины ненадёжности (число выводов): ${counted.map(([reason, n]) => `${reason} — ${n}`).join(', ')}${several}. Такие выводы отмечены в таблице и требуют подтверждения данными следующего года.`;
}

/// A measure's verdict on one indicator without points, by hand: the
/// schools of both years split into the addressed (`chosen`) and the
/// others, each school's value pooled as `pair` gives it ([part, whole],
/// or null where it has none), the difference of the two changes rounded
/// once, and the caveats the page adds beside the verdict.
function judged(subs, pair, chosen) {
    const after = new Map(subs(SECOND).map((s) => [s.school, s]));
    const quads = (inside) => subs(FIRST).filter((s) => inside(s.school) && after.has(s.school))
        .map((s) => [pair(s), pair(after.get(s.school))])
        .filter(([b, a]) => b && a)
        .map(([b, a]) => [...b, ...a]);
    const total = (qs) => qs.reduce((t, q) => t.map((v, i) => v + q[i]), [0, 0, 0, 0]);
    const [mine, theirs] = [quads((name) => chosen.includes(name)), quads((name) => !chosen.includes(name))];
    const [addressed, others] = [total(mine), total(theirs)];
    const difference = exactDifference(addressed, others);
    const verdict = difference >= 100 ? 'лучше, чем в остальных школах' : difference <= -100 ? 'хуже, чем в остальных школах' : 'без заметной разницы';
    const judgedOnes = verdict !== 'без заметной разницы';
    // Groups 25 п. п. or more apart at the start, in the direction the
    // start alone would take the verdict, are said so.
    const gap = exactTenths(others[0], others[1], addressed[0], addressed[1]);
    const apart = judgedOnes && Math.abs(gap) >= 250 && Math.sign(gap) === -Math.sign(difference);
    const [side, moves] = gap < 0 ? ['ниже', 'рост'] : ['выше', 'спад'];
    // One school left out of either group's sums that would undo the
    // verdict: it hangs on that school.
    const minus = (g, q) => g.map((v, i) => v - q[i]);
    const without = [
        ...mine.map((q) => minus(addressed, q)).filter((r) => r[1] && r[3]).map((r) => exactDifference(r, others)),
        ...theirs.map((q) => minus(others, q)).filter((r) => r[1] && r[3]).map((r) => exactDifference(addressed, r)),
    ];
    const hangs = judgedOnes && without.some((d) => (difference > 0 ? d < 100 : d > -100));
    const notes = [
        ...(hangs ? ['держится на одной школе'] : []),
        ...(apart ? [`адресные ОО начинали ${side} остальных (${pct(addressed[0], addressed[1])} против ${pct(others[0], others[1])}), а у начинавших ${side} ${moves} обычно больше и без меры`] : []),
    ];
    return { addressed, others, counted: [mine.length, theirs.length], difference, verdict, notes };
}

/// `part` of `whole` as the page shows it: «12,6 %», tenths rounded half up.
const pct = (part, whole) => {
    const t = (2000n * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole));
    return `${t / 10n},${t % 10n}\u00a0%`;
};
/// «+8,0 п. п.» from two tenths.
const moved = (t) => `${t > 0 ? '+' : t < 0 ? '−' : ''}${Math.trunc(Math.abs(t) / 10)},${Math.abs(t) % 10}\u00a0п.\u00a0п.`;
/// `(a of b) → (c of d)` in tenths of a point, exact and rounded once,
/// half away from zero.
const exactTenths = (a, b, c, d) => {
    const [num, den] = [(BigInt(c) * BigInt(b) - BigInt(a) * BigInt(d)) * 1000n, BigInt(b) * BigInt(d)];
    const size = (2n * (num < 0n ? -num : num) + den) / (2n * den);
    return Number(num < 0n ? -size : size);
};
/// The change of `[a, b, c, d]` (a of b → c of d) minus that of `[e, f, g,
/// h]`, in tenths of a point, exact and rounded once, half away from zero.
const exactDifference = ([a, b, c, d], [e, f, g, h]) => {
    const [A, B, C, D, E, F, G, H] = [a, b, c, d, e, f, g, h].map(BigInt);
    const den = B * D * F * H;
    const num = ((C * B - A * D) * F * H - (G * F - E * H) * B * D) * 1000n;
    const size = (2n * (num < 0n ? -num : num) + den) / (2n * den);
    return Number(num < 0n ? -size : size);
};

test('on seed 001\'s card a measure targets its share, and next year it is judged by the pupils\' share', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, shares.files);
        await page.locator('#period').selectOption(FIRST);
        await page.getByRole('tab', { name: 'Меры' }).click();
        const form = page.getByTestId('measure-form');
        // The share is a target, shown with its municipal value.
        const subs = (period) => shares.manifest.files.map((f) => f.submission).filter((s) => s?.period === period);
        const answer = (s) => s.answers['П-1.1'];
        const sum = (list) => list.reduce(([n, d], s) => [n + Number(answer(s).numerator), d + Number(answer(s).denominator)], [0, 0]);
        const [n0, d0] = sum(subs(FIRST));
        const target = form.locator('.measure-indicators').getByRole('checkbox', { name: /^П-1\.1 / });
        assert.ok((await target.locator('xpath=..').innerText()).includes(`по муниципалитету ${pct(n0, d0)}`));
        // Addressed to the four schools first by name in the list.
        const names = subs(FIRST).map((s) => s.school);
        const chosen = names.slice(0, 4);
        await form.getByLabel('Название').fill('Профориентационное тестирование 6–11 классов');
        await form.getByLabel('Кому адресована').selectOption({ label: 'выбранным ОО' });
        for (const name of chosen) await form.locator('.measure-schools').getByRole('checkbox', { name, exact: true }).check();
        await target.check();
        await form.getByRole('button', { name: 'Записать меру' }).click();
        const row = page.getByTestId('road-map').locator('tbody tr', { hasText: 'Профориентационное тестирование' });
        await row.waitFor();
        assert.ok((await page.getByTestId('road-map').locator('thead th').allInnerTexts()).includes('Целевые показатели'));
        assert.ok((await row.innerText()).includes('П-1.1'));

        // Next year: the pupils' share in each group, by hand from the files.
        await page.locator('#period').selectOption(SECOND);
        const describe = ([a, b, c, d]) => `общая доля ${pct(a, b)} → ${pct(c, d)} (${moved(exactTenths(a, b, c, d))})`;
        const { addressed, others, counted, difference, verdict, notes } = judged(subs, (s) => sum([s]), chosen);
        const section = page.getByTestId('effectiveness');
        const cells = await section.getByTestId('effectiveness-table').locator('tbody tr').first().locator('td').allInnerTexts();
        assert.equal(cells[1], 'П-1.1');
        assert.deepEqual(counted, [4, 4]);
        assert.equal(cells[2], `адресные ОО с долей в оба года (4): ${describe(addressed)}; остальные ОО с долей в оба года (4): ${describe(others)}`);
        assert.equal(cells[3], moved(difference));
        assert.equal(cells[4], notes.length ? `${verdict} (вывод ненадёжен: ${notes.join('; ')})` : verdict);
        assert.ok((await section.locator('.hint').innerText()).startsWith('Для каждой меры её целевые показатели сравниваются в адресных школах и в остальных: изменение общей доли обучающихся у адресных минус изменение у остальных; у показателя без баллов нет выполнивших его школ'));
        assert.equal(await section.getByTestId('effectiveness-summary').innerText(),
            `По итогам ${FIRST} учебного года принято мер: 1, целевых показателей в них: 1. Сравнение в адресных школах и в остальных (разность изменений общей доли обучающихся): ${verdicts([{ verdict, notes }])}`);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a measure recorded just before the page closes is not lost', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, gen.files.filter((f) => f.endsWith('2024-2025.json')));
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.getByRole('tab', { name: 'Меры' }).click();
        await recordMeasure(page, { kind: 'семинар', title: SEMINAR, date: 'март 2025', whom: 'всем ОО', codes: ['1.1'] });
        // At once, before the half-second autosave: the page keeps the
        // decisions in local storage as it goes, and the next start takes them.
        await page.reload();
        await page.getByRole('tab', { name: 'Меры' }).click();
        await page.getByTestId('road-map').locator('tbody tr', { hasText: SEMINAR }).waitFor();
        assert.equal(await page.evaluate(() => localStorage.getItem('profkarta/department-pending')), null, 'taken once');
        // A recorded measure is changed in the form: its own values come
        // back into it (whom, indicators), and the road map keeps one row.
        const form = page.getByTestId('measure-form');
        // The button names the measure, as the question before removal does.
        await page.getByRole('button', { name: `Изменить меру 1: семинар «${SEMINAR}»`, exact: true }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'measure-title');
        await form.getByRole('heading', { name: `Изменение меры «${SEMINAR}»` }).waitFor();
        assert.equal(await form.getByLabel('Срок или дата').inputValue(), 'март 2025');
        assert.equal(await form.locator('#measure-whom option:checked').innerText(), 'всем ОО');
        assert.ok(await form.locator('.measure-indicators').getByRole('checkbox', { name: /^1\.1 \S/ }).isChecked());
        await form.getByLabel('Срок или дата').fill('апрель 2025');
        await form.getByRole('button', { name: 'Сохранить изменения' }).click();
        const rows = page.getByTestId('road-map').locator('tbody tr');
        await rows.filter({ hasText: 'апрель 2025' }).waitFor();
        assert.equal(await rows.count(), 1);
        await form.getByRole('button', { name: 'Записать меру' }).waitFor();
        assert.equal(await form.getByLabel('Название').inputValue(), '');
        // Nothing of the changed measure stays for the next one's.
        assert.equal(await form.locator('#measure-kind option:checked').innerText(), 'методическое мероприятие');
        assert.equal(await form.locator('#measure-whom option:checked').innerText(), 'всем ОО');

        // The last measure removed, the focus goes to the road map's heading,
        // not to the page.
        const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.accept(); }));
        await page.getByRole('button', { name: 'Удалить меру 1' }).click();
        assert.equal(await asked, `Удалить из дорожной карты: семинар «${SEMINAR}»? Это нельзя отменить.`);
        await page.waitForFunction(() => document.activeElement?.id === 'road-map-title');

        // A measure without a target indicator is asked about: it could not be judged next year.
        await form.getByLabel('Название').fill('Совещание директоров');
        const targetless = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
        await form.getByRole('button', { name: 'Записать меру' }).click();
        assert.match(await targetless, /^У меры не отмечено ни одного целевого показателя/);
        assert.equal(await page.getByTestId('road-map').locator('tbody tr').count(), 0);
        assert.equal(await form.getByLabel('Название').inputValue(), 'Совещание директоров', 'nothing typed is lost');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a measure for a level keeps the schools it was recorded for; a later check is named, and the schools can be brought up to date', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, gen.files.filter((f) => f.endsWith('2024-2025.json')));
        // The medium school that the fewest refused points bring to the
        // low level, by the card's bands (independent scorer).
        const first = scored(FIRST);
        const low = (total, max) => total * 100 < CARD.levels.medium_from_percent * max;
        const [chosen] = [...first]
            .filter(([, s]) => s.level === 'medium')
            .map(([name, s]) => ({ name, s, k: [...Array(s.total + 1).keys()].find((k) => low(s.total - k, s.max)) }))
            .filter((c) => c.k !== undefined && c.k <= c.s.earned.size)
            .sort((a, b) => a.k - b.k || byName(a.name, b.name));
        assert.ok(chosen, 'some medium school can be brought to the low level');
        const lowNames = [...first].filter(([, s]) => s.level === 'low').map(([name]) => name).sort(byName);
        await page.getByRole('tab', { name: 'Меры' }).click();
        await recordMeasure(page, { kind: 'семинар', title: SEMINAR, date: 'март 2025', whom: 'ОО с уровнем эффективности…', codes: ['1.2'] });
        const seminar = page.getByTestId('road-map').locator('tbody tr', { hasText: SEMINAR });
        const whom = () => seminar.locator('td').nth(3).innerText();
        assert.equal(await whom(), `ОО с низкой эффективностью на день записи меры: ${lowNames.map(tie).join('; ')}`);

        // The check refuses some of the chosen school's points: it is low now.
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').locator('th.school').getByRole('button', { name: chosen.name, exact: true }).click();
        const review = page.getByTestId('review');
        await review.getByRole('heading', { name: chosen.name, exact: true }).waitFor();
        for (const code of [...chosen.s.earned].slice(0, chosen.k)) {
            await review.locator(`li[data-code="${code}"]`).getByLabel('балл не засчитан').check();
        }
        await review.getByTestId('confirmed-score').filter({ hasText: `${chosen.s.total - chosen.k} из ${chosen.s.max}` }).waitFor();

        // The measure went to the schools it was recorded for; the road map
        // names the one at the level since.
        await page.getByRole('tab', { name: 'Меры' }).click();
        assert.equal(await whom(), `ОО с низкой эффективностью на день записи меры: ${lowNames.map(tie).join('; ')}; теперь с низкой эффективностью также: ${tie(chosen.name)}`);
        // Saved again, the coordinator is asked whether to bring them up to date.
        await page.getByRole('button', { name: 'Изменить меру 1' }).click();
        const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.accept(); }));
        await page.getByTestId('measure-form').getByRole('button', { name: 'Сохранить изменения' }).click();
        assert.ok((await asked).startsWith('Школы этого уровня эффективности изменились после записи меры.'));
        const now = [...lowNames, chosen.name].sort(byName);
        await page.waitForFunction(([title, text]) => [...document.querySelectorAll('[data-testid="road-map"] tbody tr')]
            .some((row) => row.textContent.includes(title) && row.cells[3]?.innerText === text),
        [SEMINAR, `ОО с низкой эффективностью на день записи меры: ${now.map(tie).join('; ')}`]);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

/// Digits in threes, as the page groups them: «1\u202f810».
const grouped = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

test('on seed 001\'s card a school\'s letter sets its share beside the municipality\'s and last year\'s, and its file plans the ones below', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, shares.files);
        await page.locator('#period').selectOption(SECOND);
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        const subs = (period) => shares.manifest.files.map((f) => f.submission).filter((s) => s?.period === period);
        const share = (s) => [Number(s.answers['П-1.1'].numerator), Number(s.answers['П-1.1'].denominator)];
        const [n, d] = subs(SECOND).map(share).reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
        const before = new Map(subs(FIRST).map((s) => [s.school, share(s)]));
        // Every school's letter, by hand from the files: Σ/Σ of the year,
        // the school below it or not, and last year's share.
        let below = 0;
        for (const school of subs(SECOND)) {
            const [a, b] = share(school);
            // Shares that read alike get more decimals: not these.
            if (pct(a, b) === pct(n, d)) continue;
            await chooseSchool(page, school.school);
            const lower = a * d < n * b;
            const own = `Значение организации — ${pct(a, b)} (${grouped(a)} из ${grouped(b)})`;
            const theirs = `${pct(n, d)} (${grouped(n)} из ${grouped(d)})`;
            const said = lower ? `${own}, это ниже, чем по муниципалитету: ${theirs}.` : `${own}; по муниципалитету — ${theirs}.`;
            await page.waitForFunction((s) => document.querySelector('#letter-text')?.value.includes(s), said);
            const text = await page.locator('#letter-text').inputValue();
            const [a0, b0] = before.get(school.school);
            const fell = a * b0 < a0 * b;
            assert.ok(text.includes(`${said}\nВ прошлом году — ${pct(a0, b0)} (${grouped(a0)} из ${grouped(b0)})${fell ? ': значение снизилось' : ''}.\n`), text);
            const noted = lower || fell;
            // Below: advised; else among the values «по показателям».
            assert.equal(text.includes('\nРекомендация: '), noted, text);
            assert.equal(text.includes('\nЗначения организации по показателям:\n\nП-1.1. '), !noted, text);
            assert.ok(text.includes('сопоставлены со значениями по муниципалитету и с прошлым годом.'));
            if (!noted) continue;
            below += 1;
            // Its file plans the indicator: the school's plan fills from it.
            const file = await downloadText(page, () => page.getByRole('button', { name: 'Скачать файл рекомендаций для школы' }).click());
            assert.deepEqual(JSON.parse(file.text).plan.map((r) => r.indicators), [['П-1.1']]);
        }
        assert.ok(below > 0, 'some school is below the municipality or its last year');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a measure\'s form opened before another tab changed the measure asks, then saves over it, never beside it', async () => {
    const { context, page: first, errors } = await openDepartment(app);
    try {
        await importFiles(first, gen.files.filter((f) => f.endsWith('2024-2025.json')));
        await first.getByRole('tab', { name: 'Меры' }).click();
        await recordMeasure(first, { kind: 'семинар', title: SEMINAR, date: 'март 2025', whom: 'всем ОО', codes: ['1.2'] });
        await first.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        const { page: second, errors: secondErrors } = await openPage(context, `${app.server.url}otdel/`, 'dept-tabs');
        await second.getByRole('tab', { name: 'Меры' }).click();
        const row = (page) => page.getByTestId('road-map').locator('tbody tr', { hasText: SEMINAR });
        await row(second).waitFor();
        // The first opens the measure to change it; the second marks it
        // carried out meanwhile, and the first, with nothing of its own
        // unsaved, takes that.
        await row(first).getByRole('button', { name: 'Изменить' }).click();
        await row(second).getByRole('button', { name: 'Изменить' }).click();
        const theirs = second.getByTestId('measure-form');
        await theirs.getByLabel('Отметка о выполнении').fill(DONE);
        await theirs.getByRole('button', { name: 'Сохранить изменения' }).click();
        await second.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await row(first).filter({ hasText: DONE }).waitFor();
        // The first's form still holds the measure as it took it up:
        // saving asks, and «Отмена» keeps the other tab's change.
        const form = first.getByTestId('measure-form');
        await form.getByLabel('Ответственный исполнитель').fill('Петрова А. С., методист');
        const declined = new Promise((resolve) => first.once('dialog', (d) => {
            resolve(d.message());
            d.dismiss();
        }));
        await form.getByRole('button', { name: 'Сохранить изменения' }).click();
        assert.match(await declined, /^Эту меру изменили в другой вкладке после того, как вы открыли её для правки\./);
        assert.equal(await row(first).count(), 1);
        assert.ok((await row(first).innerText()).includes(DONE));
        // Saved again and confirmed: still one measure, the first's version.
        const question = nextQuestion(first);
        await form.getByRole('button', { name: 'Сохранить изменения' }).click();
        await question;
        await row(first).filter({ hasText: 'Петрова А. С.' }).waitFor();
        assert.equal(await row(first).count(), 1);
        await row(second).filter({ hasText: 'Петрова А. С.' }).waitFor();
        assert.equal(await row(second).count(), 1);
        assert.deepEqual([...errors, ...secondErrors].map(String), []);
    } finally {
        await context.close();
    }
});
