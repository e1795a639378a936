// Word documents for the coordinator (issue 14): the school's letter (as
// edited), a target group's letter and the analytical report download as
// DOCX. Each file is unzipped and its document.xml read with Node's own
// means (docx_reader.mjs); the report's figures are checked against the generator's
// manifest scored independently (scoring.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, useApp, useGenerated, openDepartment, importFiles } from './harness.mjs';
import { downloadDocx } from './docx_reader.mjs';
import { score, byName, tied, INDICATORS } from './scoring.mjs';

const FIRST = '2024/2025';
const SECOND = '2025/2026';

const app = useApp();
const gen = useGenerated(['--schools', '8', '--periods', `${FIRST},${SECOND}`]);

/// The non-blank lines of a plain-text letter, as Word shows them.
const linesOf = (text) =>
    text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '');

test('letters and the report download as Word documents with the figures', async () => {
    const { page, errors } = await openDepartment(app);
    await importFiles(page, gen.files);

    // The school's letter, as the coordinator edited it.
    const school = gen.manifest.files.find((f) => f.submission?.period === SECOND).submission.school;
    await page.getByRole('tab', { name: 'Рекомендации' }).click();
    const option = await page.locator('#school-select option', { hasText: school }).first().getAttribute('value');
    await page.locator('#school-select').selectOption(option);
    const letter = page.locator('#letter-text');
    // The letter ties the number to «№» (a no-break space) for print.
    const named = school.replaceAll('№ ', '№\u00a0');
    await page.waitForFunction((name) => document.querySelector('#letter-text')?.value.includes(name), named);
    await letter.fill(`${await letter.inputValue()}\n\nС уважением, отдел образования <ОО & Ко>.`);
    const text = await letter.inputValue();
    const stem = school.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');
    const schoolDoc = await downloadDocx(page, () => page.getByRole('button', { name: 'Скачать письмо (DOCX)' }).click(), `письмо_${stem}_2025-2026.docx`);
    const docLines = schoolDoc.paragraphs.flatMap((p) => p.split('\n')).filter((l) => l.trim() !== '');
    assert.deepEqual(docLines, linesOf(text));
    assert.ok(docLines.includes(named));
    assert.ok(docLines.includes('С уважением, отдел образования <ОО & Ко>.'));
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-docx-letter.png') });

    // A target group's letter.
    await page.locator('#letter-addressee').selectOption({ label: 'Целевая группа: заместители директоров по ВР' });
    await page.waitForFunction(() => document.querySelector('#letter-text')?.value.startsWith('Заместителям'));
    // It is edited as a school's is, and the edit goes into the document.
    const groupLetter = page.locator('#letter-text');
    await groupLetter.fill(`${await groupLetter.inputValue()}\nПросим довести до сведения педагогов.`);
    const groupText = await groupLetter.inputValue();
    assert.ok(groupText.endsWith('Просим довести до сведения педагогов.'));
    const groupDoc = await downloadDocx(
        page,
        () => page.getByRole('button', { name: 'Скачать письмо (DOCX)' }).click(),
        'письмо_заместители_директоров_по_ВР_2025-2026.docx',
    );
    assert.deepEqual(
        groupDoc.paragraphs.flatMap((p) => p.split('\n')).filter((l) => l.trim() !== ''),
        linesOf(groupText),
    );
    // No department name yet: the letters ask for it, as paper would
    // go out without a sender.
    await page.getByTestId('letter-no-sender').waitFor();
    // Each letter keeps its own edit: back to the school, its text is back.
    await page.locator('#letter-addressee').selectOption('school');
    await page.waitForFunction((t) => document.querySelector('#letter-text')?.value === t, text);

    // Every school's letter in one document, a page each, by name; the
    // edited one as edited.
    const schoolCount = await page.locator('#school-select option').count();
    const allDoc = await downloadDocx(
        page,
        () => page.getByRole('button', { name: `Скачать письма всем школам (DOCX, ${schoolCount})` }).click(),
        'письма_школам_2025-2026.docx',
    );
    const pages = allDoc.paragraphs.join('\n').split('\f').map((p) => p.split('\n').filter((l) => l.trim() !== ''));
    assert.equal(pages.length, schoolCount, 'a page per school');
    assert.ok(pages.some((lines) => JSON.stringify(lines) === JSON.stringify(linesOf(text))), 'the edited letter as edited');
    for (const lines of pages) assert.ok(lines[0].startsWith('Адресные рекомендации'), lines[0]);

    // The report: its sentences as on screen, the indicator table against
    // an independent count of who earned what.
    await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
    const intro = await page.getByTestId('report-intro').textContent();
    const dynamics = await page.getByTestId('report-dynamics').textContent();
    // The department's name, given on the report, heads it on the page and in Word.
    const DEPARTMENT = 'Отдел образования администрации Белинского района';
    await page.getByLabel(/^Наименование органа управления образованием/).fill(` ${DEPARTMENT} `);
    await page.getByLabel(/^Наименование органа управления образованием/).press('Tab');
    await page.getByTestId('report-department').filter({ hasText: DEPARTMENT }).waitFor();
    await page.getByRole('tab', { name: 'Рекомендации' }).click();
    await page.locator('#letter-text').waitFor();
    assert.equal(await page.getByTestId('letter-no-sender').count(), 0, 'given once, asked no more');
    await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
    const report = await downloadDocx(page, () => page.getByRole('button', { name: 'Скачать справку (DOCX)' }).click(), 'справка_2025-2026.docx');
    assert.equal(report.paragraphs[0], DEPARTMENT);
    assert.equal(report.paragraphs[1], 'Аналитическая справка по итогам мониторинга профориентационной работы за 2025/2026 учебный год');
    assert.equal(await page.locator('#report-title').textContent(), report.paragraphs[1]);
    assert.equal(report.paragraphs[2], intro);
    // Nothing was checked here: the report says so, on the page and in Word.
    const reviewed = 'Проверка объективности не проводилась: результаты — по самооценке школ.';
    assert.equal(await page.getByTestId('report-review').textContent(), reviewed);
    assert.equal(report.paragraphs[3], reviewed);
    for (const heading of ['Проблемные зоны', 'Лучшие результаты', 'Показатели по муниципалитету', 'Динамика', 'Анализ эффективности принятых мер']) {
        assert.ok(report.paragraphs.includes(heading), heading);
    }
    assert.ok(report.paragraphs.includes(dynamics));
    assert.ok(report.paragraphs.filter((p) => p === '\f').length >= 2, 'page breaks before the table and the analysis');

    const schools = gen.manifest.files.filter((f) => f.submission?.period === SECOND).map((f) => score(f.submission));
    // Beside it, every indicator's municipal value in both years, in Word too.
    // Its years head the columns: a table's page of its own said only «Было / Стало».
    const values = report.tables.find((t) => t[0].join('|') === `Код|Показатель|${FIRST}|${SECOND}|Изменение|Методика`);
    assert.ok(values, 'the table of values');
    assert.equal(values.length, 1 + INDICATORS.length);
    assert.ok(report.paragraphs.includes('Значения показателей по муниципалитету'));

    // The mean score and its mean maximum, to a tenth rounded half up, and
    // the level bands in points for the card's full maximum (80 % and 60 %
    // of 23 round up to 19 and 14).
    const meanOf = (sum) => {
        const t = Math.floor((sum * 20 + schools.length) / (2 * schools.length));
        return t % 10 === 0 ? String(t / 10) : `${Math.floor(t / 10)},${t % 10}`;
    };
    const sum = (key) => schools.reduce((a, s) => a + s[key], 0);
    assert.ok(intro.endsWith(`средний балл школы — ${meanOf(sum('total'))} при среднем максимуме ${meanOf(sum('max'))}${schools.some((s) => s.max !== 23) ? ' (максимум школы зависит от её профиля)' : ''}.`), intro);
    assert.ok(intro.includes('низкая — ниже 60\u00a0% (при максимуме 23: 19\u2060–\u206023, 14\u2060–\u206018, 13 и менее баллов).'), intro);

    // «Лучшие результаты»: the first five by share, a tie at the fifth
    // place named whole, none at the low level or without points; on the
    // page and in Word, against the independent scorer.
    const ranked = gen.manifest.files
        .filter((f) => f.submission?.period === SECOND)
        .map((f) => ({ name: f.submission.school, ...score(f.submission) }));
    const below = (a, b) => b.total * a.max - a.total * b.max;
    ranked.sort((a, b) => below(a, b) || byName(a.name, b.name));
    const places = [];
    ranked.forEach((s, i) => places.push(i > 0 && below(ranked[i - 1], s) === 0 ? places[i - 1] : i + 1));
    const last = places[Math.min(5, ranked.length) - 1];
    const tenthsOf = (s) => Math.floor((s.total * 2000 + s.max) / (s.max * 2));
    const best = ranked
        .map((s, i) => [s, places[i]])
        .filter(([s, place]) => place <= last && s.level !== 'low' && s.total > 0)
        .map(([s, place]) => `${place}. ${tied(s.name)} — ${s.total} из ${s.max} (${Math.floor(tenthsOf(s) / 10)},${tenthsOf(s) % 10}\u00a0%)`);
    const expectedBest = best.length > 0 ? best : ['Школ выше низкого уровня нет.'];
    assert.deepEqual(await page.getByTestId('report-best').locator('li').allTextContents(), expectedBest);
    const inWord = report.paragraphs.indexOf('Лучшие результаты');
    assert.deepEqual(report.paragraphs.slice(inWord + 1, inWord + 1 + expectedBest.length), expectedBest);
    // The closing proposals, on the page and in Word; the first names the
    // low schools by the independent scorer, in the order of names.
    const proposals = await page.getByTestId('report-proposals').locator('p').allTextContents();
    const closing = report.paragraphs.indexOf('Выводы и предложения');
    assert.ok(closing > inWord);
    assert.deepEqual(report.paragraphs.slice(closing + 1, closing + 1 + proposals.length), proposals);
    const lowNames = ranked.filter((s) => s.level === 'low').map((s) => s.name).sort(byName).map(tied);
    assert.ok(lowNames.length > 0, 'the generated year has low schools');
    assert.ok(proposals[0].startsWith(`1. Руководителям организаций с низкой эффективностью (${lowNames.join(', ')}) разработать план`), proposals[0]);
    const figures = report.tables[0];
    assert.deepEqual(figures[0], ['Код', 'Показатель', 'Школ в расчёте', 'Применим к школам', 'Школ, выполнивших показатель (с учётом проверки)', '% школ', 'Значение по ответам школ']);
    assert.equal(figures.length, 1 + INDICATORS.length);
    for (const ind of INDICATORS) {
        const row = figures.find((r) => r[0] === `п. ${ind.code}`);
        assert.ok(row, ind.code);
        const earned = schools.filter((s) => s.earned.has(ind.code)).length;
        const applicable = schools.filter((s) => s.applicable.has(ind.code)).length;
        assert.equal(row[3], String(applicable), ind.code);
        assert.equal(row[4], ind.points > 0 ? String(earned) : 'без баллов', ind.code);
        // Tenths rounded half up, with a decimal comma; none of no school.
        const tenths = Math.floor((earned * 2000 + applicable) / (applicable * 2));
        assert.equal(row[5], ind.points > 0 && applicable > 0 ? `${Math.floor(tenths / 10)},${tenths % 10}` : '', ind.code);
    }
    // The two charts of a card with levels, drawn by the browser into PNGs
    // of twice their size on screen.
    assert.equal(report.pictures.length, 2);
    // The levels' picture says what the page's chart says: each level's
    // schools by the independent scorer.
    const levelsLabel = await page.locator('svg[aria-label^="Уровни эффективности школ"]').first().getAttribute('aria-label');
    assert.equal(report.descriptions[0], levelsLabel);
    for (const [level, word] of [['high', 'высокая'], ['medium', 'средняя'], ['low', 'низкая']]) {
        const n = ranked.filter((s) => s.level === level).length;
        assert.ok(levelsLabel.includes(`${word} — ${n} (`), `${word} ${n}: ${levelsLabel}`);
    }
    for (const png of report.pictures) {
        assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
        assert.ok(png.readUInt32BE(16) >= 1000 && png.readUInt32BE(20) >= 200, 'drawn at twice the size');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-docx-report.png') });
    assert.deepEqual(errors, []);
});

test('the report names the indicators fewer schools did than a year before', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, gen.files);
        const year = (period) => gen.manifest.files.filter((f) => f.submission?.period === period)
            .map((f) => ({ name: f.submission.school, ...score(f.submission) }));
        const [lastYear, schools] = [year(FIRST), year(SECOND)];
        const counts = (list, code) => [list.filter((s) => s.earned.has(code)).length, list.filter((s) => s.applicable.has(code)).length];
        // The generator's second year does better everywhere: the check
        // refuses one indicator to two schools that earned it, which brings
        // it below last year's share.
        const refused = INDICATORS.find((ind) => {
            const [a, b] = counts(lastYear, ind.code);
            const [c, d] = counts(schools, ind.code);
            return ind.points > 0 && c >= 2 && (c - 2) * b < a * d;
        });
        assert.ok(refused, 'an indicator the check can bring below last year');
        const who = schools.filter((s) => s.earned.has(refused.code)).slice(0, 2);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        for (const school of who) {
            const option = page.locator('#school-select option', { hasText: school.name });
            await page.locator('#school-select').selectOption(await option.getAttribute('value'));
            const review = page.getByTestId('review');
            await review.getByRole('heading', { name: school.name }).waitFor();
            await review.locator(`li[data-code="${refused.code}"]`).getByLabel('балл не засчитан').check();
            await review.getByTestId('confirmed-score').filter({ hasText: `${school.total - 1} из ${school.max}` }).waitFor();
            school.earned.delete(refused.code);
        }

        // Each share's change in tenths of a point, rounded half away from
        // zero from the exact difference; the largest fall first.
        const fallen = INDICATORS.filter((ind) => ind.points > 0)
            .map((ind) => {
                const [a, b] = counts(lastYear, ind.code);
                const [c, d] = counts(schools, ind.code);
                const num = (c * b - a * d) * 1000;
                const tenths = b * d === 0 ? 0 : Math.sign(num) * Math.floor((2 * Math.abs(num) + b * d) / (2 * b * d));
                return { code: ind.code, a, b, c, d, tenths };
            })
            .filter((f) => f.tenths < 0)
            .sort((x, y) => x.tenths - y.tenths);
        assert.ok(fallen.some((f) => f.code === refused.code), refused.code);
        const pp = (t) => `−${Math.floor(-t / 10)},${-t % 10}\u00a0п.\u00a0п.`;
        const schoolsOf = (n) => (n % 10 === 1 && n % 100 !== 11 ? 'школы' : 'школ');
        const named = fallen.map((f) => `${f.code} (было ${f.a} из ${f.b} ${schoolsOf(f.b)}, стало ${f.c} из ${f.d} ${schoolsOf(f.d)}; ${pp(f.tenths)})`);
        const said = named.length === 1
            ? ` Реже, чем годом ранее, выполнен показатель ${named[0]}.`
            : ` Реже, чем годом ранее, выполнены показатели: ${named.join('; ')}.`;
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const dynamics = await page.getByTestId('report-dynamics').textContent();
        assert.ok(dynamics.includes(said), `${dynamics}\n${said}`);
        // The table of values beside it, a row per indicator.
        assert.equal(await page.getByTestId('report').getByTestId('value-changes').locator('tbody tr').count(), INDICATORS.length);
        assert.deepEqual(errors, []);
    } finally {
        await context.close();
    }
});
