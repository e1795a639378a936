// The other seeds' cards end to end: a school fills in Leninsk-Kuznetsky's
// card (growth against last year, a breakdown), Nevinnomyssk's (a list of
// events, percentages, no points) and Izhevsk's (one informational share);
// the department imports their files beside seed 003's and reads each card
// apart: ratings, per-event totals and the last-year check, all against an
// independent computation from the cards' rules (scoring.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openApp, downloadText, ARTIFACTS, useApp } from './harness.mjs';
import { loadCard, score, rating, eventTotals, indicatorsOf, grouped } from './scoring.mjs';
import { CardPage } from './card_page.mjs';
import { downloadDocx } from './docx_reader.mjs';
import { downloadXlsx } from './xlsx_reader.mjs';

const GEN = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-gen');
const LATEST = '2025/2026';
const NEXT = '2026/2027';
const NBSP = '\u00a0';

const app = useApp();
let dir;
/// Per card id: { files, manifest }.
const generated = {};

before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'profkarta-cards-'));
    for (const [card, schools] of [['proforientatsiya-23', '5'], ['leninsk-kuznetsky', '6'], ['nevinnomyssk', '5'], ['izhevsk', '3']]) {
        const out = join(dir, card);
        await promisify(execFile)(GEN, ['--out', out, '--schools', schools, '--card', card]);
        const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
        const files = (await readdir(out)).filter((f) => f !== 'manifest.json').map((f) => join(out, f));
        generated[card] = { manifest, files };
    }
});

after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
});

async function withSchool(card, fn) {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}?card=${card}`);
    try {
        await fn(new CardPage(page));
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
}

/// A file's answers without those it lists as invalid: the app counts
/// them as nothing, and the independent scorer does not validate.
function withoutInvalid(payload) {
    const answers = { ...payload.answers };
    for (const code of payload.incomplete.invalid) delete answers[code];
    return answers;
}

async function fillSchool(card, name) {
    await card.profile('Полное наименование ОО', name);
    await card.profile('Муниципальное образование', 'Ленинск-Кузнецкий муниципальный округ');
    await card.profile('Ответственный (ФИО, должность)', 'Орлова Н. В., заместитель директора');
    await card.profile('Отчётный период (учебный год)', LATEST);
}

test('Leninsk-Kuznetsky: growth against last year, a minimum with growth, a breakdown, a count', () =>
    withSchool('leninsk-kuznetsky', async (card) => {
        const { page } = card;
        // 16 indicators with a point each; 1.4, 1.5, 4.4 and 7.1 are informational.
        await card.expectSummary({ total: '0 из 16' });
        assert.equal(await page.getByTestId('level').count(), 0, 'the card has no levels');
        await fillSchool(card, 'МБОУ «Основная школа № 3»');

        // 1.1, growth only: 30 of 100 against 20 of 100 last year.
        await card.share('1.1', '30', '100');
        await card.expectPoints('1.1', 'не применимо');
        await card.expectNote('1.1', 'Нет данных за прошлый год: рост не с чем сравнить, показатель не входит в максимум. Укажите значения прошлого года.');
        await card.expectSummary({ total: '0 из 15' });
        // The criterion says why its maximum shrank; one whose counted
        // indicators all wait for last year says so, not «не применимо».
        await card.expectSubtotal('1', '0 из 2');
        await card.expectText('subtotal-1', 'Набрано по критерию: 0 из 2 (показатели без данных прошлого года не учтены)');
        await card.share('5.1', '0', '0');
        await card.share('5.2', '1', '4');
        await card.expectText('summary-criterion-5', 'нет данных прошлого года');
        await card.expectText('subtotal-5', 'Критерий не оценён: нет данных прошлого года, без них динамику не определить.');
        await card.share('5.2', '0', '0');
        await card.expectText('summary-criterion-5', 'не учитывается');
        // Empty groups, not the school's profile: not «не применим к школе»,
        // which its rows contradict.
        await card.expectText('subtotal-5', 'Критерий не входит в максимум: ни один его показатель не учитывается (почему — сказано у показателей).');
        await card.share('5.1', '', '');
        await card.share('5.2', '', '');
        await card.expectSubtotal('5', '0 из 2');
        await card.expectSummary({ total: '0 из 15' });
        // Leaving last year out takes the indicator out of the maximum: the
        // export asks about it, its link going to last year's field.
        const noLastYear = page.getByTestId('export-no-last-year');
        assert.equal(await noLastYear.innerText(), 'Нет данных за прошлый год (без них показатель не входит в максимум): 1.1');
        assert.equal(await noLastYear.getByRole('link', { name: '1.1' }).getAttribute('href'), '#ind-1-1-prev-numerator');
        // Labelled as this year's, last year's numbers are named whose.
        const lastYears = await page.getByRole('textbox', { name: '(прошлый учебный год)' }).evaluateAll((es) => es.map((e) => e.id));
        assert.ok(['ind-1-1-prev-numerator', 'ind-1-1-prev-denominator'].every((id) => lastYears.includes(id)), String(lastYears));
        assert.ok(!lastYears.includes('ind-1-1-numerator'));
        await card.field('1.1', 'prev-numerator', '20');
        await card.field('1.1', 'prev-denominator', '100');
        await card.expectPoints('1.1', '1 балл из 1');
        await noLastYear.waitFor({ state: 'detached' });
        await card.expectNote('1.1', `В прошлом году 20,0${NBSP}% (20 из 100): положительная динамика.`);
        await card.expectSummary({ total: '1 из 16' });
        await card.field('1.1', 'prev-numerator', '40');
        await card.expectPoints('1.1', '0 баллов из 1');
        // How many more make growth is said: 41 of 100 would be above 40 %.
        await card.expectNote('1.1', `В прошлом году 40,0${NBSP}% (40 из 100): роста нет; чтобы превысить прошлогоднюю долю, не хватает 11 чел.`);
        // An equal share is not growth: 30 of 100 against 15 of 50.
        await card.field('1.1', 'prev-numerator', '15');
        await card.field('1.1', 'prev-denominator', '50');
        await card.expectPoints('1.1', '0 баллов из 1');
        // 100 % held counts as growth.
        await card.share('1.1', '80', '80');
        await card.field('1.1', 'prev-numerator', '75');
        await card.field('1.1', 'prev-denominator', '75');
        await card.expectPoints('1.1', '1 балл из 1');
        await card.field('1.1', 'prev-numerator', '76');
        await card.expectFieldError('1.1', 'prev-numerator', 'За прошлый год это число больше общего числа (во втором поле): проверьте оба поля.');
        await card.expectPoints('1.1', 'не учитывается');
        await card.field('1.1', 'prev-numerator', '75');

        // 1.3: не менее 50 % and growth; both are needed.
        await card.share('1.3', '50', '100');
        await card.field('1.3', 'prev-numerator', '40');
        await card.field('1.3', 'prev-denominator', '100');
        await card.expectPoints('1.3', '1 балл из 1');
        await card.field('1.3', 'numerator', '49');
        await card.expectPoints('1.3', '0 баллов из 1');
        await card.expectNote('1.3', `До порога 50${NBSP}% не хватает 1 чел. В прошлом году 40,0${NBSP}% (40 из 100): положительная динамика.`);

        // 1.2: nobody graduated, so the group is empty and leaves the maximum.
        await card.share('1.2', '0', '0');
        await card.expectPoints('1.2', 'не применимо');

        // 3.4: five directions of one total; the parts may not exceed it.
        for (const [i, v] of ['5', '3', '2', '0', '0'].entries()) await card.field('3.4', `part-${i}`, v);
        await card.field('3.4', 'denominator', '8');
        // Said once the whole is left: «8» could be on its way to «80».
        await card.expectPoints('3.4', 'не заполнено');
        await card.input('3.4', 'denominator').press('Tab');
        await card.expectFieldError('3.4', 'denominator', 'Сумма по частям (10) больше общего числа: проверьте части и общее число.');
        // Any part may be the number typed wrong: each is marked and read with
        // the whole's message, and no part shows a share of a wrong whole.
        const part = card.input('3.4', 'part-0');
        assert.equal(await part.getAttribute('aria-invalid'), 'true');
        assert.equal(await part.getAttribute('aria-describedby'), 'ind-3-4-part-0-error ind-3-4-denominator-error');
        await card.expectExact(card.row('3.4').getByTestId('part-share-0'), '—', 'no share while the parts exceed the whole');
        await card.expectPoints('3.4', 'не учитывается');
        await card.field('3.4', 'denominator', '20');
        await card.expectShare('3.4', `50,0${NBSP}%`);
        await card.expectExact(card.row('3.4').getByTestId('part-share-0'), `25,0${NBSP}%`, 'share of the first direction');
        await card.field('3.4', 'prev-numerator', '5');
        await card.field('3.4', 'prev-denominator', '20');
        await card.expectPoints('3.4', '1 балл из 1');

        // 6.1: не менее 2 agreements.
        await card.field('6.1', 'count', '2');
        await card.expectPoints('6.1', '1 балл из 1');

        // 7.1, informational: a contest with more winners than participants is an error.
        await card.row('7.1').getByRole('button', { name: 'Добавить строку' }).click();
        await card.field('7.1', 'row-0', 'Конкурс «Профессия моей мечты»');
        await card.field('7.1', 'cell-0-0', '12');
        await card.field('7.1', 'cell-0-1', '13');
        await card.expectFieldError('7.1', 'cell-0-1', 'Больше, чем «Участники» (12).');
        await card.field('7.1', 'cell-0-1', '3');
        await card.expectPoints('7.1', 'без баллов');
        // The participants typed again: «1» on the way to «12» is not yet
        // below the winners' 3.
        const participants = card.input('7.1', 'cell-0-0');
        await participants.fill('');
        await participants.pressSequentially('1');
        await card.expectExact(page.locator('#ind-7-1-cell-0-0-error'), '', 'nothing under the whole');
        await card.expectExact(page.locator('#ind-7-1-cell-0-1-error'), '', 'the part waits for its whole');
        await participants.pressSequentially('2');
        await card.expectPoints('7.1', 'без баллов');
        // On a card with points, an informational row says why it has none
        // (Nevinnomyssk's, a card of no points at all, says it once at the top).
        await card.expectNote('7.1', 'В списке 1 строка. Показатель информационный: собирается и сводится, баллов не даёт.');

        // 5.2 goes to the department without last year's figures, which
        // its review then points out.
        await card.share('5.2', '1', '4');
        await card.expectSubtotal('5', '0 из 1');
        // 2.1 goes with an error: counted as nothing here, and named so in
        // the department's review.
        await card.share('2.1', '50', '10');
        await card.input('2.1', 'denominator').press('Tab');
        await card.expectPoints('2.1', 'не учитывается');
        // 1.1, 1.3 fails, 3.4, 6.1 earned; 1.2 not applicable, 5.2 without
        // last year: 3 of 14.
        await card.expectSummary({ total: '3 из 14', percent: `21,4${NBSP}%` });
        // 5.2 alone is out of the maximum for want of last year: said by the total.
        await card.expectText('no-last-year', 'Показатель 5.2 не вошёл в максимум: нет данных прошлого года.');
        const expected = score({
            levels: ['noo', 'ooo', 'soo'], ovz: true, flags: {},
            answers: {
                '1.1': { numerator: '80', denominator: '80', prev_numerator: '75', prev_denominator: '75' },
                '1.2': { numerator: '0', denominator: '0' },
                '1.3': { numerator: '49', denominator: '100', prev_numerator: '40', prev_denominator: '100' },
                '3.4': { parts: ['5', '3', '2', '0', '0'], denominator: '20', prev_numerator: '5', prev_denominator: '20' },
                '5.2': { numerator: '1', denominator: '4' },
                '6.1': { count: '2' },
            },
        }, loadCard('leninsk-kuznetsky'));
        assert.deepEqual([expected.total, expected.max], [3, 14], 'the independent scorer agrees');

        // The A4 print keeps last year's figures, the parts and the list rows, not the buttons.
        await page.emulateMedia({ media: 'print' });
        for (const id of ['ind-1-1-prev-numerator', 'ind-3-4-part-0', 'ind-7-1-cell-0-1']) {
            assert.ok(await page.locator(`#${id}`).isVisible(), `${id} is printed`);
        }
        // A line of text is printed as text, which wraps instead of being cut.
        const rowName = page.locator('.field', { has: page.locator('#ind-7-1-row-0') }).locator('.print-value');
        assert.ok(await rowName.isVisible(), "the list row's name is printed");
        assert.equal(await rowName.innerText(), 'Конкурс «Профессия моей мечты»');
        assert.ok(!(await card.row('7.1').getByRole('button', { name: 'Добавить строку' }).isVisible()));
        await page.emulateMedia({ media: 'screen' });

        // The export names the card, and the file scores the same outside the page.
        await page.getByLabel(/Выгрузить всё равно/).check();
        const file = await downloadText(page, () => page.getByTestId('export-button').click());
        const payload = JSON.parse(file.text).payload;
        assert.equal(payload.template.id, 'leninsk-kuznetsky');
        assert.deepEqual([payload.score.total, payload.score.max_applicable], [3, 14]);
        assert.deepEqual(payload.answers['3.4'].parts, ['5', '3', '2', '0', '0']);
        await writeFile(join(ARTIFACTS, 'leninsk-school.json'), file.text);

        // The card has no yes-or-no answers: next year asks only whether to
        // start, and this year's share becomes last year's.
        const shared = await card.input('1.1', 'numerator').inputValue();
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        await page.getByTestId('draft-list').getByRole('button', { name: 'Следующий год' }).click();
        const choice = page.getByRole('group', { name: 'Карта следующего учебного года' });
        await page.waitForFunction(() => document.activeElement?.textContent === 'Начать');
        assert.equal(await choice.getByRole('button', { name: /Скопировать/ }).count(), 0);
        await page.keyboard.press('Enter');
        await card.expectText('draft-title', `МБОУ «Основная школа № 3» · ${NEXT}`);
        assert.equal(await card.input('1.1', 'prev-numerator').inputValue(), shared);
        assert.equal(await card.input('1.1', 'numerator').inputValue(), '');
    }));

test('Nevinnomyssk: rows are added, moved and removed by keyboard; percentages; no points', () =>
    withSchool('nevinnomyssk', async (card) => {
        const { page } = card;
        await card.expectText('total', 'Заполнено показателей: 0 из 10');
        const add = card.row('1.3').getByRole('button', { name: 'Добавить строку' });
        for (const [i, name] of ['Ярмарка профессий', 'День открытых дверей', 'Урок «Шоу профессий»'].entries()) {
            await add.focus();
            await page.keyboard.press('Enter');
            // The new row's name takes the focus: the name is typed at once.
            await page.waitForFunction((id) => document.activeElement?.id === id, `ind-1-3-row-${i}`);
            await page.keyboard.type(name);
        }
        // A name is one line: Enter adds no break, a pasted break becomes
        // a space. At 1024 px a long name wraps in its box, read whole.
        await page.setViewportSize({ width: 1024, height: 768 });
        await page.keyboard.press('Enter');
        await page.keyboard.type(' и «Билет в будущее»');
        const longName = 'Урок «Шоу профессий» и «Билет в будущее»';
        const wholeInSight = () => page.locator('#ind-1-3-row-2').evaluate((box) =>
            [box.value, box.scrollHeight <= box.clientHeight + 1, box.getBoundingClientRect().height > 40]);
        assert.deepEqual(await wholeInSight(), [longName, true, true]);
        await page.locator('#ind-1-3-row-2').evaluate((box) => {
            box.value = 'Урок «Шоу\r\nпрофессий»';
            box.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.waitForFunction(() => document.querySelector('#ind-1-3-row-2').value === 'Урок «Шоу профессий»');
        await page.setViewportSize({ width: 1366, height: 768 });
        const names = async () =>
            Promise.all((await card.row('1.3').locator('tbody tr').all()).map((r) => r.locator('td.list-name textarea').inputValue()));
        // Every row's fields are labelled alike on screen; each is named
        // with its row for a screen reader.
        assert.equal(await card.row('1.3').getByLabel('Мероприятие (строка 2)', { exact: true }).inputValue(), 'День открытых дверей');
        assert.ok(await page.locator('#ind-1-3-cell-2-0').evaluate((input) => input.labels[0].textContent.endsWith(' (строка 3)')));
        // The third row goes up twice: the focus follows it on its arrow,
        // and at the top the arrow does nothing.
        await card.row('1.3').getByRole('button', { name: 'Строку 3 выше' }).focus();
        await page.keyboard.press('Enter');
        assert.deepEqual(await names(), ['Ярмарка профессий', 'Урок «Шоу профессий»', 'День открытых дверей']);
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-1-up');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-0-up');
        assert.deepEqual(await names(), ['Урок «Шоу профессий»', 'Ярмарка профессий', 'День открытых дверей']);
        await page.keyboard.press('Enter');
        assert.deepEqual(await names(), ['Урок «Шоу профессий»', 'Ярмарка профессий', 'День открытых дверей']);
        // A filled row is asked about; the focus goes to the row now in
        // its place (or the new last one), and with no row left to
        // «Добавить строку».
        const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.accept(); }));
        await card.row('1.3').getByRole('button', { name: 'Удалить строку 1' }).click();
        assert.equal(await asked, 'Удалить строку 1 «Урок „Шоу профессий“»? Это нельзя отменить.');
        assert.deepEqual(await names(), ['Ярмарка профессий', 'День открытых дверей']);
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-0');
        await add.click();
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-2');
        await card.row('1.3').getByRole('button', { name: 'Удалить строку 3' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-1');
        for (let left = 1; left >= 0; left--) {
            page.once('dialog', (d) => d.accept());
            await card.row('1.3').getByRole('button', { name: 'Удалить строку 1' }).click();
            await page.waitForFunction((id) => document.activeElement?.id === id, left ? 'ind-1-3-row-0' : 'ind-1-3-add-row');
        }
        // An empty list is not filled in until the school says it had none;
        // then it is an answer, and a row added takes the mark back.
        await card.expectPoints('1.3', 'не заполнено');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Space');
        await card.expectPoints('1.3', 'заполнено');
        await card.expectNote('1.3', 'Список пуст: отмечено, что в этом году их не было.');
        await card.expectText('total', 'Заполнено показателей: 1 из 10');
        for (const [i, name] of ['Урок «Шоу профессий»', 'День открытых дверей'].entries()) {
            await add.click();
            await page.waitForFunction((id) => document.activeElement?.id === id, `ind-1-3-row-${i}`);
            await page.keyboard.type(name);
            // A single row has no arrows to Tab past; two have.
            const arrows = card.row('1.3').getByRole('button', { name: /^Строку \d выше$/ });
            await page.waitForFunction((n) => document.querySelectorAll('#ind-1-3 tbody tr').length === n, i + 1);
            assert.equal(await arrows.count(), i === 0 ? 0 : 2);
            // The first row whole; the second is the one being filled in.
            if (i === 0) for (const [c, v] of ['40', '2', '5'].entries()) await card.field('1.3', `cell-0-${c}`, v);
        }
        assert.deepEqual(await names(), ['Урок «Шоу профессий»', 'День открытых дверей']);
        assert.ok(!(await card.row('1.3').getByLabel('В этом году не было (список пуст)').isVisible()));
        // Safari and Firefox on macOS do not focus a clicked button: the
        // name's box loses the focus to nothing as the press begins. That
        // is still typing (a message appearing under the rows would move
        // the button away before the release), and the click's new row
        // takes the focus as it does here.
        const frame = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
        // A press released off the button makes no click: the release ends
        // it, and the row is judged where the focus is (nowhere).
        await page.evaluate(() => {
            document.getElementById('ind-1-3-add-row').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
            document.activeElement.blur();
            document.body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        });
        await card.expectPoints('1.3', 'не учитывается');
        // Back in a name, the row is being filled in again.
        await page.locator('#ind-1-3-row-1').focus();
        await card.expectPoints('1.3', 'не заполнено');
        await page.evaluate(() => {
            document.getElementById('ind-1-3-add-row').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
            document.activeElement.blur();
        });
        await frame();
        await card.expectPoints('1.3', 'не заполнено');
        await page.evaluate(() => document.getElementById('ind-1-3-add-row').click());
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-2');
        // In the new row, the row left without its numbers is said at once
        // (it read «не заполнено» while the summary counted an error).
        await card.expectPoints('1.3', 'не учитывается');
        // Its messages come once the press is over.
        await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true })));
        await card.expectFieldError('1.3', 'cell-1-0', 'Заполните и это поле; если таких нет, введите 0.');
        await card.row('1.3').getByRole('button', { name: 'Удалить строку 3' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-3-row-1');

        // A row with a name but no numbers is an error until its numbers are
        // typed: said once the focus leaves the indicator.
        await card.expectPoints('1.3', 'не заполнено');
        await card.input('1.5', 'percent').focus();
        await card.expectPoints('1.3', 'не учитывается');
        // Its sums add the rows as typed, and say the indicator waits for them.
        assert.ok((await card.row('1.3').getByTestId('list-totals').innerText()).endsWith(' Пока в строках есть ошибки, показатель не учитывается.'));
        for (const [r, values] of [[0, ['40', '2', '5']], [1, ['25', '0', '1']]]) {
            for (const [c, v] of values.entries()) await card.field('1.3', `cell-${r}-${c}`, v);
        }
        await card.expectPoints('1.3', 'заполнено');
        await card.expectNote('1.3', 'В списке 2 строки.');
        // The figures the indicator is named after, summed as the department will.
        assert.equal(await card.row('1.3').getByTestId('list-totals').innerText(),
            'Итого по списку: общая численность детей, вовлеченных в мероприятие — 65; '
            + 'в том числе детей с ОВЗ и детей-инвалидов — 2; из них победителей/призеров — 6.');
        // An empty row added is none, and said so beside «2 строки».
        await card.row('1.3').getByRole('button', { name: 'Добавить строку' }).click();
        await card.expectNote('1.3', 'В списке 2 строки.');
        assert.ok((await card.row('1.3').getByTestId('list-totals').innerText()).endsWith('— 6. Пустые строки не учитываются.'));
        await card.row('1.3').getByRole('button', { name: 'Удалить строку 3' }).click();
        await card.expectExact(card.row('1.3').getByTestId('list-totals'),
            'Итого по списку: общая численность детей, вовлеченных в мероприятие — 65; '
            + 'в том числе детей с ОВЗ и детей-инвалидов — 2; из них победителей/призеров — 6.', 'no empty row left');

        await card.field('1.5', 'percent', '120');
        await card.expectFieldError('1.5', 'percent', 'Процент не может быть больше 100.');
        // Typed with a point, it is written with a comma on leaving the box.
        await card.field('1.5', 'percent', '87.5');
        await card.expectPoints('1.5', 'заполнено');
        await card.input('1.5', 'percent').press('Tab');
        await card.page.waitForFunction(() => document.getElementById('ind-1-5-percent').value === '87,5');
        await card.fact('1.1', true);
        await card.expectText('total', 'Заполнено показателей: 3 из 10');

        // An arrow key in the list only picks: no card is opened, no draft started.
        await page.locator('#card-choice').focus();
        await page.keyboard.press('ArrowDown');
        await page.getByRole('button', { name: 'Перейти к этой карте' }).and(page.locator(':enabled')).waitFor();
        await card.expectText('total', 'Заполнено показателей: 3 из 10');
        // Another card is another draft; coming back finds this one as it was.
        await card.chooseCard('leninsk-kuznetsky');
        await card.expectText('total', '0 из 16');
        await page.getByRole('heading', { level: 1, name: /Ленинск-Кузнецкий/ }).waitFor();
        const started = page.getByTestId('notices').getByText(/^Для другой методики начат новый черновик/);
        await started.waitFor();
        await card.chooseCard('nevinnomyssk');
        await card.expectText('total', 'Заполнено показателей: 3 из 10');
        // What was said of the new draft is not left standing over the old one.
        await started.waitFor({ state: 'detached' });
        assert.deepEqual(await names(), ['Урок «Шоу профессий»', 'День открытых дверей']);

        // Exported beside the generated schools, its events join theirs.
        await fillSchool(card, 'МБОУ СОШ № 17 г. Невинномысска');
        // With no points, next year's card still compares against a plan:
        // an empty one is pointed out.
        await page.getByTestId('export-no-plan').filter({ hasText: 'План мероприятий пуст.' }).waitFor();
        await card.field('1.3', 'row-0', 'Ярмарка профессий');
        // Children with ОВЗ typed while the profile says the school has
        // none: asked before the export, the question linked to its box.
        const ovzCell = card.input('1.3', 'cell-0-1');
        const typed = await ovzCell.inputValue();
        await card.field('1.3', 'cell-0-1', '2');
        const contradiction = page.getByTestId('export-contradiction');
        // A new draft's school has such children until it says otherwise.
        assert.equal(await page.locator('#profile-ovz').isChecked(), true);
        assert.equal(await contradiction.count(), 0);
        await page.locator('#profile-ovz').uncheck();
        assert.equal(
            await contradiction.innerText(),
            'В сведениях об ОО на вопрос «В ОО обучаются дети с ОВЗ или дети-инвалиды» ответ «нет», а в показателе 1.3 такие обучающиеся указаны: исправьте одно из двух',
        );
        assert.equal(await contradiction.getByRole('link').first().getAttribute('href'), '#profile-ovz');
        // Said in the summary too, always in sight, the row linked.
        const inSummary = page.getByTestId('summary-contradiction');
        assert.equal(await inSummary.innerText(), 'Сведения об ОО расходятся с показателем 1.3: исправьте одно из двух (подробнее — в разделе выгрузки).');
        assert.equal(await inSummary.getByRole('link').getAttribute('href'), '#ind-1-3');
        await page.locator('#profile-ovz').check();
        await contradiction.waitFor({ state: 'detached' });
        await inSummary.waitFor({ state: 'detached' });
        // An event typed with nobody in it still counts among the rows:
        // asked, its 0 linked.
        const nobody = card.input('1.3', 'cell-1-0');
        const had = await nobody.inputValue();
        await card.field('1.3', 'cell-1-0', '0');
        const none = page.getByTestId('export-rows-of-none');
        assert.equal(await none.innerText(), 'Строки с 0 участников (такая строка всё равно считается в списке): 1.3 «День открытых дверей»');
        assert.equal(await none.getByRole('link').getAttribute('href'), '#ind-1-3-cell-1-0');
        await card.field('1.3', 'cell-1-0', had);
        await none.waitFor({ state: 'detached' });
        // A cell emptied and left by the click on «Выгрузить всё равно»
        // below: the row is judged unfinished then, and its line joins the
        // list above the box once the click is over, or the box would move
        // from under the pointer and the click be lost.
        await card.field('1.3', 'cell-0-1', '');
        const anyway = page.getByLabel('Выгрузить всё равно (в файле будет отмечено, что заполнено не всё; показатели с ошибками и незаполненные в сводку не войдут)');
        await anyway.check();
        await page.getByTestId('incomplete-invalid').filter({ hasText: '1.3' }).waitFor();
        assert.equal(await anyway.isChecked(), true);
        await anyway.uncheck();
        await card.field('1.3', 'cell-0-1', typed);
        // Without points, nothing speaks of them: neither the confirmation
        // nor the message after the export.
        await page.getByLabel('Выгрузить всё равно (в файле будет отмечено, что заполнено не всё; показатели с ошибками и незаполненные в сводку не войдут)').check();
        const file = await downloadText(page, () => page.getByTestId('export-button').click());
        await writeFile(join(ARTIFACTS, 'nevinnomyssk-school.json'), file.text);
        assert.equal(JSON.parse(file.text).payload.answers['1.3'].no_rows, undefined, 'the rows took the mark back');
        const said = await page.getByTestId('export-result').innerText();
        assert.match(said, /выгружен, подпись проверена \(ключ [0-9A-F-]+\)\. Браузер сохранил его /);
    }));

test('Izhevsk: the formula and its letters are shown beside the share', () =>
    withSchool('izhevsk', async (card) => {
        const explanation = card.row('П-1.1').getByTestId('explanation');
        await explanation.getByText('Формула:').waitFor();
        // No points: no «Начисление», no maximum to leave.
        assert.match(await card.row('П-1.1').locator('.rule').innerText(), /^Методика расчёта: /);
        await card.share('П-1.1', '0', '0');
        await card.expectNote('П-1.1', 'В группе нет ни одного человека, и показатель не учитывается, хотя по профилю школы он к ней относится: проверьте общее число.');
        // Asked before the export too, with a link to the number to check.
        const empty = card.page.getByTestId('export-empty-group');
        assert.equal(await empty.innerText(), 'Общее число 0, хотя по профилю школы показатель к ней относится (с нулём он не учитывается): П-1.1');
        assert.equal(await empty.getByRole('link', { name: 'П-1.1' }).getAttribute('href'), '#ind-П-1-1-denominator');
        await card.share('П-1.1', '120', '400');
        await empty.waitFor({ state: 'detached' });
        await card.expectShare('П-1.1', `30,0${NBSP}%`);
        await card.expectPoints('П-1.1', 'заполнено');
        await card.expectText('total', 'Заполнено показателей: 1 из 1');
        await fillSchool(card, 'МБОУ СОШ № 9 г. Ижевска');
        const confirm = card.page.getByLabel(/Выгрузить всё равно/);
        if (await confirm.isVisible()) await confirm.check();
        const file = await downloadText(card.page, () => card.page.getByTestId('export-button').click());
        // Named with its card: the default card's file of the same school
        // and year would otherwise have this name too.
        assert.equal(file.name, 'profkarta_МБОУ_СОШ_9_г_Ижевска_2025-2026_izhevsk.json');
        await writeFile(join(ARTIFACTS, 'izhevsk-school.json'), file.text);
    }));

test('Izhevsk: a first visit lists its new draft under the card open, before anything is saved', () =>
    withSchool('izhevsk', async (card) => {
        await card.page.getByRole('button', { name: /Мои черновики/ }).click();
        const row = card.page.getByTestId('draft-list').locator('tbody tr');
        await row.filter({ hasText: 'г. Ижевск' }).waitFor();
        assert.equal(await row.count(), 1);
        assert.doesNotMatch(await row.innerText(), /Экспертная карта/);
    }));

test('Izhevsk: an export opened in another browser opens under its own card', async () => {
    // A fresh browser shows the default card; the file names Izhevsk's.
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    try {
        const card = new CardPage(page);
        await card.expectSummary({ total: '0 из 23' });
        await page.locator('#open-file').setInputFiles(join(ARTIFACTS, 'izhevsk-school.json'));
        await page.getByTestId('notices').filter({ hasText: 'Выгрузка «izhevsk-school.json» открыта для исправления' }).waitFor();
        await card.expectShare('П-1.1', `30,0${NBSP}%`);
        await card.expectText('total', 'Заполнено показателей: 1 из 1');
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
});

async function withDepartment(fn) {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await fn(page);
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
}

const latest = (cardId) => generated[cardId].manifest.files.map((f) => f.submission).filter((s) => s && s.period === LATEST);

test('the department reads three cards apart: ratings, per-event totals, last-year check', () =>
    withDepartment(async (page) => {
        const exported = ['leninsk-school.json', 'nevinnomyssk-school.json', 'izhevsk-school.json'].map((f) => join(ARTIFACTS, f));
        const payloadOf = async (name) => JSON.parse(await readFile(join(ARTIFACTS, name), 'utf8')).payload;
        const all = [...Object.values(generated).flatMap((g) => g.files), ...exported];
        await page.locator('#import-files').setInputFiles(all);
        await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${all.length}.` }).waitFor();
        await page.getByRole('tab', { name: 'Результаты' }).click();

        // Leninsk-Kuznetsky: the rating as the cards' rules give it, no levels.
        const lk = loadCard('leninsk-kuznetsky');
        await page.locator('#card').selectOption('leninsk-kuznetsky');
        const ours = await payloadOf('leninsk-school.json');
        const schools = [
            ...latest('leninsk-kuznetsky').map((s) => ({ name: s.school, ...score(s, lk) })),
            // The independent scorer does not validate: the invalid 2.1 is left out.
            { name: ours.profile.name, ...score({ ...ours.profile, answers: withoutInvalid(ours) }, lk) },
        ];
        assert.deepEqual([schools.at(-1).total, schools.at(-1).max], [3, 14], "the school's own export");
        const rows = async () => {
            const trs = await page.getByTestId('rating').locator('tbody tr').all();
            return Promise.all(trs.map(async (tr) => ({
                rank: Number(await tr.locator('[data-col="rank"]').innerText()),
                name: await tr.locator('th.school button').innerText(),
                total: await tr.locator('[data-col="total"]').innerText(),
            })));
        };
        await page.getByTestId('rating').filter({ hasText: schools[0].name }).waitFor();
        assert.deepEqual(await rows(), rating(schools).map((s) => ({ rank: s.rank, name: s.name, total: `${s.total} из ${s.max}` })));
        assert.equal(await page.getByTestId('figures').locator('[data-figure="high"]').count(), 0, 'no level counts without levels');
        // The matrix tells an indicator left blank from a target missed.
        const scored = indicatorsOf(lk).filter((i) => i.points > 0).map((i) => i.code);
        // An answer with an error is no blank: a target missed.
        const answersOf = [...latest('leninsk-kuznetsky').map((s) => s.answers), ours.answers];
        const blank = (a) => !a || (['numerator', 'denominator', 'count', 'percent'].every((k) => (a[k] ?? '') === '')
            && (a.parts ?? []).every((p) => p === '') && a.fact == null && (a.rows ?? []).length === 0);
        const unanswered = schools.reduce((n, s, i) => n + scored.filter((c) => s.applicable.has(c) && blank(answersOf[i][c])).length, 0);
        assert.ok(unanswered >= 9, `our school left nine blank: ${unanswered}`);
        const matrix = await page.getByTestId('chart-heatmap').locator('svg').first().getAttribute('aria-label');
        assert.ok(matrix.includes(`нет ответа — ${unanswered}`), matrix);
        // The profile filter offers the card's own question; a school that
        // left it unanswered counts as «да», as its indicators do.
        const withGroup = [...latest('leninsk-kuznetsky').map((s) => s.flags), ours.profile.flags ?? {}]
            .filter((flags) => flags.doo !== false).length;
        assert.ok(withGroup > 0 && withGroup < schools.length, `the data must split on the question: ${withGroup} of ${schools.length}`);
        await page.locator('#filter-profile').selectOption({ label: 'есть дошкольная группа (воспитанники от 5 лет) — да' });
        await page.locator('.rating-count').filter({ hasText: `Показано школ: ${withGroup} из ${schools.length}` }).waitFor();
        await page.locator('#filter-profile').selectOption('');
        await page.locator('.rating-count').filter({ hasText: `Показано школ: ${schools.length} из ${schools.length}` }).waitFor();

        // The rating names beside the school the growth row out of its
        // maximum for want of last year's figures, and says why below.
        const ourRow = page.getByTestId('rating').locator('tbody tr').filter({ has: page.locator('th.school button', { hasText: ours.profile.name }) });
        assert.equal((await ourRow.getByTestId('without-last-year').innerText()).trim(), '(вне максимума: 5.2)');
        await page.getByTestId('without-last-year-note').filter({ hasText: '«вне максимума: …» — показатели с целью «положительная динамика», по которым школа не указала данные прошлого года' }).waitFor();
        // The review points out 5.2, left out of the school's maximum for
        // want of last year's figures, until a decision puts it back.
        await page.getByTestId('rating').locator('th.school button', { hasText: ours.profile.name }).click();
        const ourReview = page.getByTestId('review');
        await ourReview.getByRole('heading', { name: ours.profile.name }).waitFor();
        assert.equal(await ourReview.getByTestId('no-last-year').count(), 1, 'one such indicator');
        assert.deepEqual(ours.incomplete.invalid, ['2.1']);
        const invalid = await ourReview.getByTestId('invalid-answer').allInnerTexts();
        assert.equal(invalid.length, 1);
        // Named by both fields, away from them.
        assert.match(invalid[0], /^Ответ заполнен с ошибкой и не учтён: «[^»]+»( за прошлый год)?: больше, чем «[^»]+»( за прошлый год)? \(\d+\)\.$/);
        assert.equal(await ourReview.locator('li[data-code="2.1"]').getByTestId('invalid-answer').count(), 1);
        const lacking = ourReview.locator('li[data-code="5.2"]');
        assert.ok((await lacking.getByTestId('no-last-year').innerText()).startsWith('Школа не указала данные прошлого года'));
        await lacking.locator('#decision-5-2-no_point').check();
        await lacking.getByTestId('no-last-year').waitFor({ state: 'detached' });
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').locator('tr', { hasText: ours.profile.name }).locator('[data-col="total"]').filter({ hasText: '3 из 15' }).waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await lacking.locator('#decision-5-2-none').check();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').locator('tr', { hasText: ours.profile.name }).locator('[data-col="total"]').filter({ hasText: '3 из 14' }).waitFor();

        // 3.4, the breakdown: Σ of every direction over Σ of totals.
        let n = 0;
        let d = 0;
        for (const s of [...latest('leninsk-kuznetsky'), { answers: ours.answers }]) {
            const a = s.answers['3.4'];
            if (!a || a.denominator === '0') continue;
            n += a.parts.reduce((sum, p) => sum + Number(p), 0);
            d += Number(a.denominator);
        }
        const value = await page.getByTestId('indicator-figures').locator('tr[data-code="3.4"] [data-col="value"]').innerText();
        assert.ok(value.includes(`(${grouped(n)} из ${grouped(d)})`), value);

        // Nevinnomyssk: no rating; events joined across spellings.
        await page.locator('#card').selectOption('nevinnomyssk');
        await page.getByTestId('no-points').waitFor();
        assert.equal(await page.getByTestId('rating').count(), 0);
        const nvOurs = await payloadOf('nevinnomyssk-school.json');
        const expected = eventTotals([...latest('nevinnomyssk'), { answers: nvOurs.answers }].map((s) => s.answers['1.3']?.rows ?? []));
        const table = page.getByTestId('events-1.3');
        // The tables below the figures are drawn after the first paint.
        await table.locator('tbody tr').first().waitFor();
        const shown = await Promise.all((await table.locator('tbody tr').all()).map(async (tr) => {
            const cells = await tr.locator('th, td').allInnerTexts();
            return { name: cells[0], schools: Number(cells[1]), sums: cells.slice(2).map((c) => Number(c.replace(/\s/g, ''))) };
        }));
        assert.equal(shown.length, expected.length, 'one line per event');
        const key = (name) => name.toLowerCase().replaceAll('ё', 'е').replace(/["'«»„“”‘’`]/g, ' ').split(/\s+/).filter(Boolean).join(' ');
        for (const e of expected) {
            const line = shown.find((s) => key(s.name) === e.key);
            assert.ok(line, `event ${e.key} is shown`);
            assert.deepEqual([line.schools, line.sums], [e.schools, e.sums], e.key);
        }
        assert.ok(expected.some((e) => e.schools > 1), 'some events are shared by several schools');
        // Percent 1.5: the mean of the schools' values, in tenths, rounded half up.
        const tenths = [...latest('nevinnomyssk'), { answers: nvOurs.answers }].map((s) => s.answers['1.5']?.percent).filter(Boolean).map((p) => Math.round(Number(p.replace(',', '.')) * 10));
        const mean = Math.floor((tenths.reduce((a, b) => a + b, 0) * 2 + tenths.length) / (tenths.length * 2));
        const pct = (t) => `${Math.floor(t / 10)},${t % 10}${NBSP}%`;
        const percentText = await page.getByTestId('indicator-figures').locator('tr[data-code="1.5"] [data-col="value"]').innerText();
        const [low, high] = [Math.min(...tenths), Math.max(...tenths)];
        assert.equal(percentText, `в среднем ${pct(mean)}${low === high ? '' : ` (от ${pct(low)} до ${pct(high)})`}`);
        // The sheet gives the value as numbers beside the words: the mean
        // to compute with, the count's sum.
        const indicatorsCsv = await downloadText(page, () => page.getByRole('button', { name: 'Показатели в CSV' }).click());
        const figuresSheet = indicatorsCsv.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
        assert.deepEqual(figuresSheet[0].slice(-3), ['Значение, число', 'Сумма числителей', 'Сумма знаменателей']);
        const figuresRow = (code) => figuresSheet.find((l) => l[0] === `п. ${code}`).slice(-3);
        assert.deepEqual(figuresRow('1.5'), [`${Math.floor(mean / 10)},${mean % 10}`, '', '']);
        const typedSum = [...latest('nevinnomyssk'), { answers: nvOurs.answers }]
            .map((s) => (s.answers['1.2']?.count ?? '').replace(/\s/g, ''))
            .filter((c) => /^\d+$/.test(c))
            .reduce((a, c) => a + Number(c), 0);
        assert.ok(typedSum > 0, 'some schools typed a count');
        assert.deepEqual(figuresRow('1.2'), [String(typedSum), '', '']);
        // The list's number is its children, the first column, not its rows.
        const children = (totals) => totals.reduce((sum, e) => sum + e.sums[0], 0);
        assert.deepEqual(figuresRow('1.3'), [String(children(expected)), '', '']);
        // Without points nothing is «выполнен»: the table has no such columns.
        assert.deepEqual(await page.getByTestId('indicator-figures').locator('thead th').allInnerTexts(),
            ['Код', 'Показатель', 'Школ в расчёте', 'Применим к школам', 'Значение по ответам школ (с учётом проверки)']);
        assert.equal(await page.getByTestId('indicator-figures').locator('tr[data-code="1.5"] td').count(), 4);
        // Each school's own values, as a sheet: the counts are numbers.
        const values = await downloadText(page, () => page.getByRole('button', { name: 'Значения по школам в CSV' }).click());
        // Named with its card: another card's file of the year would share the name.
        assert.equal(values.name, 'значения_2025-2026_nevinnomyssk.csv');
        const sheet = values.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
        const countAt = sheet[0].indexOf('п. 1.2');
        for (const s of latest('nevinnomyssk')) {
            const line = sheet.find((l) => l[0] === s.school);
            assert.ok(line, s.school);
            assert.equal(line[countAt], s.answers['1.2']?.count ? String(Number(s.answers['1.2'].count)) : '', s.school);
        }
        // The same table on screen, where the card has no rating to stand in
        // for it, thousands set apart as everywhere on the page (`grouped`).
        const onScreen = page.getByTestId('school-values');
        // One column per indicator on screen; in the sheet the list 1.3
        // takes its rows and each column's sum apart, as numbers.
        const listHeads = sheet[0].filter((h) => h.startsWith('п. 1.3'));
        assert.deepEqual(listHeads, ['п. 1.3, строк', 'п. 1.3: общая численность детей, вовлеченных в мероприятие',
            'п. 1.3: в том числе детей с ОВЗ и детей-инвалидов', 'п. 1.3: из них победителей/призеров']);
        assert.deepEqual(await onScreen.locator('thead th').allInnerTexts(),
            sheet[0].filter((h) => !listHeads.includes(h) || h === listHeads[0]).map((h) => (h === listHeads[0] ? 'п. 1.3' : h)));
        const listAt = sheet[0].indexOf(listHeads[0]);
        let withRows = 0;
        for (const s of latest('nevinnomyssk')) {
            const line = sheet.find((l) => l[0] === s.school);
            if (!/^\d+$/.test(line[listAt])) continue;
            const rows = (s.answers['1.3']?.rows ?? []).filter((r) => r.name.trim() || r.values.some((v) => v.trim()));
            const sums = [0, 1, 2].map((i) => rows.reduce((a, r) => a + Number((r.values[i] ?? '').replace(/\s/g, '') || 0), 0));
            assert.deepEqual(line.slice(listAt, listAt + 4), [rows.length, ...sums].map(String), s.school);
            withRows += rows.length > 0;
        }
        assert.ok(withRows > 1, 'schools with list rows');
        const screenRows = await onScreen.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        for (const s of latest('nevinnomyssk')) {
            const line = screenRows.find((l) => l[0] === s.school);
            assert.ok(line, s.school);
            assert.equal(line[countAt], s.answers['1.2']?.count ? grouped(Number(s.answers['1.2'].count)) : '—', s.school);
        }
        // On screen a list reads as its rows and sums in its columns' order,
        // which the note under the table names.
        const listOnScreen = (await onScreen.locator('thead th').allInnerTexts()).indexOf('п. 1.3');
        const rowsWord = (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'строка' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'строки' : 'строк'}`;
        let listedOnScreen = 0;
        for (const s of latest('nevinnomyssk')) {
            const inSheet = sheet.find((l) => l[0] === s.school);
            const rows = (s.answers['1.3']?.rows ?? []).filter((r) => r.name.trim() || r.values.some((v) => v.trim()));
            if (!/^\d+$/.test(inSheet[listAt]) || rows.length === 0) continue;
            const sums = [0, 1, 2].map((i) => rows.reduce((a, r) => a + Number((r.values[i] ?? '').replace(/\s/g, '') || 0), 0));
            assert.equal(screenRows.find((l) => l[0] === s.school)[listOnScreen], `${rowsWord(rows.length)}: ${sums.map(grouped).join(' / ')}`, s.school);
            listedOnScreen += 1;
        }
        assert.ok(listedOnScreen > 1, 'schools with list rows on screen');
        assert.ok((await page.getByTestId('school-values-note').innerText()).endsWith(' В п. 1.3 — число строк и суммы столбцов через «/»: общая численность детей, вовлеченных в мероприятие; в том числе детей с ОВЗ и детей-инвалидов; из них победителей/призеров.'));
        // A click on a column's header orders the schools by it, the largest
        // first, the schools without a number after them.
        await onScreen.getByRole('button', { name: 'п. 1.2', exact: true }).click();
        await onScreen.locator('thead th[aria-sort="descending"]', { hasText: 'п. 1.2' }).waitFor();
        await page.getByText('Порядок — по столбцу «п. 1.2», сначала больше.').waitFor();
        const sorted = await onScreen.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent));
        const countOf = (name) => screenRows.find((l) => l[0] === name)[countAt];
        const isNumber = (c) => /^\d[\d\s]*$/.test(c);
        const counts = sorted.map(countOf);
        const numbers = counts.filter(isNumber).map((c) => Number(c.replace(/\s/g, '')));
        assert.ok(numbers.length > 1, 'some schools have a count');
        assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
        assert.ok(counts.slice(numbers.length).every((c) => !isNumber(c)), 'the schools without a number come last');
        assert.deepEqual([...sorted].sort(), [...screenRows.map((l) => l[0])].sort(), 'every school is still there');

        // The reviewer reads a list's rows, not only their number, and no
        // claim of points where the card gives none.
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const listed = latest('nevinnomyssk').find((s) => (s.answers['1.3']?.rows ?? []).length > 1);
        const option = await page.evaluate((name) => [...document.querySelectorAll('#school-select option')]
            .find((o) => o.textContent.startsWith(`${name} — `)).value, listed.school);
        await page.locator('#school-select').selectOption(option);
        const listRow = page.getByTestId('review').locator('li[data-code="1.3"]');
        const answered = listRow.getByTestId('list-answer');
        await answered.waitFor();
        const listedRows = await answered.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        assert.deepEqual(listedRows, listed.answers['1.3'].rows.map((r) => [r.name, ...r.values]));
        assert.equal(await listRow.getByTestId('claimed').count(), 0);
        // No point to refuse where the card gives none: the answer is
        // confirmed, not confirmed, or found not to apply, by keyboard as
        // by mouse.
        const offered = () => listRow.locator('fieldset.decision input[type=radio]').evaluateAll((rs) => rs.map((r) => r.value));
        assert.deepEqual(await offered(), ['', 'confirm', 'no_point', 'not_applicable']);
        assert.equal(await listRow.locator('label[for="decision-1-3-no_point"]').innerText(), 'не подтверждено');
        await page.getByText('Клавиши в решении по показателю: 1 — подтверждено, 2 — не подтверждено, 3 — не применимо, 0 — не решено; стрелки тоже выбирают.').waitFor();
        await listRow.locator('#decision-1-3-none').focus();
        await page.keyboard.press('3');
        await page.waitForFunction(() => document.querySelector('#decision-1-3-not_applicable').checked);
        await page.keyboard.press('0');
        await page.waitForFunction(() => document.querySelector('#decision-1-3-none').checked);
        assert.equal(await page.getByTestId('self-score').count(), 0, 'no «0 из 0» to compare');
        assert.equal(await page.getByRole('button', { name: 'Не засчитать баллы без подтверждения' }).count(), 0);
        // Nor points to show without evidence.
        assert.deepEqual(await page.locator('#row-filter option').evaluateAll((os) => os.map((o) => o.value)), ['all', 'discrepancies', 'changed', 'copied']);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        // The card has no shares: the note under the figures says nothing of pooling them.
        const note = await page.getByTestId('figures-note').innerText();
        assert.ok(note.startsWith('«Применим к школам» — к скольким школам') && !note.includes('доли'), note);
        assert.ok(note.includes('неподтверждённое «да» входит в значение как «нет»'), note);

        // A «да» the check does not confirm counts as «нет» in the
        // municipal value: one «да» fewer, the same schools answering.
        const factValue = () => page.getByTestId('indicator-figures').locator('tr[data-code="1.1"] [data-col="value"]').innerText();
        // Counted here from the files: the schools that answered 1.1, and
        // those of them that said «да».
        const said = [...latest('nevinnomyssk'), nvOurs].filter((s) => typeof s.answers['1.1']?.fact === 'boolean');
        const [yes, of] = [said.filter((s) => s.answers['1.1'].fact).length, said.length];
        const share = (part) => `${pct(Math.floor((part * 2000 + of) / (of * 2)))}`;
        assert.equal(await factValue(), `да — у ${yes} из ${of} (${share(yes)})`);
        const claimsYes = latest('nevinnomyssk').find((s) => s.answers['1.1']?.fact === true);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const optionOf = (name) => page.evaluate((n) => [...document.querySelectorAll('#school-select option')]
            .find((o) => o.textContent.startsWith(`${n} — `)).value, name);
        // Children with ОВЗ in a school's events against a profile without
        // them are shown at the list's row, and only then.
        const ovzChildren = (s) => (s.answers['1.3']?.rows ?? []).reduce((sum, r) => sum + (Number(r.values[1]) || 0), 0);
        const contradicts = (s) => !s.ovz && ovzChildren(s) > 0;
        const contradicting = latest('nevinnomyssk').find(contradicts);
        assert.ok(contradicting && !contradicts(claimsYes), 'one school of each kind');
        const contradiction = page.locator('li.review-row[data-code="1.3"]').getByTestId('profile-contradiction');
        await page.locator('#school-select').selectOption(await optionOf(contradicting.school));
        assert.equal(
            await contradiction.innerText(),
            'В профиле школы на вопрос «В ОО обучаются дети с ОВЗ или дети-инвалиды» ответ «нет», а в строках ниже такие обучающиеся указаны: уточните у школы.',
        );
        await page.locator('#school-select').selectOption(await optionOf(claimsYes.school));
        await contradiction.waitFor({ state: 'detached' });
        await page.locator('#decision-1-1-none').focus();
        await page.keyboard.press('2');
        await page.waitForFunction(() => document.querySelector('#decision-1-1-no_point').checked);
        assert.deepEqual(await page.getByTestId('differences').locator('li').allInnerTexts(), ['1.1: значение не подтверждено — причина не указана']);
        // The school's letter quotes the reason: it is asked for beside the
        // field, and again when the check is finished without it.
        await page.locator('li.review-row[data-code="1.1"]').getByTestId('reason-missing')
            .filter({ hasText: 'Укажите причину: школа прочитает её в письме с рекомендациями.' }).waitFor();
        let asked = null;
        const onDialog = (d) => { asked = d.message(); d.accept(); };
        page.on('dialog', onDialog);
        await page.locator('#review-checked').check();
        await page.waitForFunction(() => document.querySelector('#review-checked').checked);
        page.off('dialog', onDialog);
        assert.equal(
            asked,
            'Перед завершением проверки:\n— показатели, где значение не подтверждено без причины: 1.1 (школа прочитает в письме «причина не указана»).\nВсё равно отметить проверку завершённой?',
        );
        await page.locator('#review-checked').uncheck();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.equal(await factValue(), `да — у ${yes - 1} из ${of} (${share(yes - 1)})`);
        const factAt = (await page.getByTestId('school-values').locator('thead th').allInnerTexts()).indexOf('п. 1.1');
        const valueRows = await page.getByTestId('school-values').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        assert.equal(valueRows.find((l) => l[0] === claimsYes.school)[factAt], 'да (не подтверждено проверкой)');
        // Undecided again, the value is the schools' own.
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#decision-1-1-no_point').focus();
        await page.keyboard.press('0');
        await page.waitForFunction(() => document.querySelector('#decision-1-1-none').checked);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.equal(await factValue(), `да — у ${yes} из ${of} (${share(yes)})`);

        // Its dynamics are the municipal values of both years: 1.2 is a count, summed.
        await page.getByRole('tab', { name: 'Динамика' }).click();
        const countSum = (period) => generated.nevinnomyssk.manifest.files
            .map((f) => f.submission).filter((s) => s && s.period === period && s.answers['1.2']?.count)
            .reduce((sum, s) => sum + Number(s.answers['1.2'].count), 0);
        // Over different numbers of schools, each sum says over how many.
        const countedBy = (period) => generated.nevinnomyssk.manifest.files
            .filter((f) => f.submission?.period === period && f.submission.answers['1.2']?.count).length;
        const apart = countedBy('2024/2025') !== countedBy(LATEST);
        const overSchools = (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'школе' : 'школам'}`;
        // Beside the sum, the mean per school in tenths, rounded half up:
        // a count of partner colleges summed over schools counts each
        // college once per school.
        const meanOf = (period) => {
            const [sum, n] = [countSum(period), countedBy(period)];
            const tenths = Math.floor((sum * 20 + n) / (2 * n));
            return n > 1 ? `, в среднем ${Math.floor(tenths / 10)},${tenths % 10} на организацию` : '';
        };
        const summed = (period) => `в сумме ${grouped(countSum(period))}${meanOf(period)}${apart ? ` (по ${overSchools(countedBy(period))})` : ''}`;
        const row = page.getByTestId('value-changes').locator('tr[data-code="1.2"]');
        assert.equal(await row.locator('[data-col="before"]').innerText(), summed('2024/2025'));
        assert.equal(await row.locator('[data-col="after"]').innerText(), summed(LATEST));
        const moved = countSum(LATEST) - countSum('2024/2025');
        const sumMoved = moved === 0 ? '0' : `${moved > 0 ? '+' : '−'}${grouped(Math.abs(moved))}`;
        // Over different numbers of schools, the mean's change too.
        const meanTenths = (period) => Math.floor((countSum(period) * 20 + countedBy(period)) / (2 * countedBy(period)));
        const dm = meanTenths(LATEST) - meanTenths('2024/2025');
        const meanMoved = `${dm > 0 ? '+' : dm < 0 ? '−' : ''}${Math.floor(Math.abs(dm) / 10)},${Math.abs(dm) % 10}`;
        assert.equal(await row.locator('[data-col="change"]').innerText(), apart ? `${sumMoved} в сумме;\nв среднем на организацию ${meanMoved}` : sumMoved);
        assert.equal(await page.getByTestId('school-changes').count(), 0, 'no points, no per-school change');
        // In a workbook, the two sums as numbers; no sheets of points.
        const book = await downloadXlsx(page, () => page.getByRole('button', { name: 'Все таблицы в XLSX' }).click(), 'динамика_2024-2025_2025-2026_nevinnomyssk.xlsx');
        assert.deepEqual(Object.keys(book), ['Значения по муниципалитету', 'Изменения значений школ']);
        const [valuesHead, ...valuesRows] = book['Значения по муниципалитету'];
        assert.deepEqual(valuesHead.slice(6), ['Было, число', 'Стало, число']);
        const countRow = valuesRows.find((r) => r[0] === 'п. 1.2');
        assert.deepEqual(countRow.slice(6, 8), [countSum('2024/2025'), countSum(LATEST)]);
        // The change a number, where the screen says «+12».
        assert.equal(countRow[4], countSum(LATEST) - countSum('2024/2025'));
        // The list's numbers are its children, as in «Показатели».
        const lastYear = eventTotals(generated.nevinnomyssk.manifest.files.map((f) => f.submission)
            .filter((s) => s?.period === '2024/2025').map((s) => s.answers['1.3']?.rows ?? []));
        const eventsRow = valuesRows.find((r) => r[0] === 'п. 1.3');
        assert.deepEqual(eventsRow.slice(6, 8), [children(lastYear), children(expected)]);
        assert.equal(eventsRow[4], children(expected) - children(lastYear));
        // The report's Word file carries the table its dynamics text points to.
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const report = await downloadDocx(page, () => page.getByRole('button', { name: 'Скачать справку (DOCX)' }).click(), 'справка_2025-2026_nevinnomyssk.docx');
        // The values pool every school of each year, and the text says so.
        // Counted from the files: each year's schools, and this year the
        // school's own export besides.
        const schoolsOf = (period) => generated.nevinnomyssk.manifest.files.filter((f) => f.submission?.period === period).length;
        const pooled = `Значения показателей по муниципалитету за оба года — в таблице ниже, по всем школам каждого года (в прошлом году — ${schoolsOf('2024/2025')}, в этом — ${schoolsOf(LATEST) + 1}).`;
        assert.ok(report.paragraphs.some((p) => p.includes(pooled)), pooled);
        // Between them, the list's totals per event, as on the results tab,
        // and every school's values, as there; last, the schools' own values
        // that moved by more than 10 points.
        assert.equal(report.tables.length, 5);
        // Headed by their years: a table's page of its own said only «Было / Стало».
        assert.deepEqual(report.tables[4][0], ['Школа', 'Код', '2024/2025', LATEST, 'Изменение']);
        assert.deepEqual(report.tables[0][0], ['Код', 'Показатель', 'Школ в расчёте', 'Применим к школам', 'Значение по ответам школ (с учётом проверки)']);
        assert.ok(report.paragraphs.some((p) => /^\d+\.\d+\. Итоги по строкам списка «.+»$/.test(p)), 'the totals per event are headed');
        assert.equal(report.tables[1][0][1], 'Школ');
        // Each school of the year, its values as on «Результаты».
        assert.equal(report.tables[2][0][0], 'Школа');
        assert.ok(report.paragraphs.includes('Значения по школам'));
        assert.deepEqual(report.tables[3][0], ['Код', 'Показатель', '2024/2025', LATEST, 'Изменение', 'Методика']);
        const counted = report.tables[3].find((r) => r[0] === 'п. 1.2');
        assert.deepEqual(counted.slice(2, 4), [summed('2024/2025'), summed(LATEST)]);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        // The report's table of every school is the tab's, row for row.
        const tabRows = page.getByTestId('school-values').locator('tbody tr');
        await tabRows.first().waitFor();
        const onTab = await tabRows.evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent));
        assert.deepEqual(report.tables[2].slice(1).map((r) => r[0]), onTab);

        // Izhevsk: its informational share as the municipal value, Σ/Σ over
        // the generated schools and the school's own export (120 of 400); a
        // school's «0 из 0» is left out.
        await page.locator('#card').selectOption('izhevsk');
        await page.getByTestId('no-points').waitFor();
        const shares = [...latest('izhevsk').map((s) => s.answers['П-1.1']), { numerator: '120', denominator: '400' }];
        const [num, den] = shares.reduce(([n, d], a) => [n + Number(a.numerator), d + Number(a.denominator)], [0, 0]);
        const pk = await page.getByTestId('indicator-figures').locator('tr[data-code="П-1.1"] [data-col="value"]').innerText();
        assert.equal(pk, `${(Math.round((num * 1000) / den) / 10).toFixed(1).replace('.', ',')}${NBSP}% (${grouped(num)} из ${grouped(den)})`);
        // In the file, a share is three numbers, for the spreadsheet to sum.
        const izValues = await downloadText(page, () => page.getByRole('button', { name: 'Значения по школам в CSV' }).click());
        const izSheet = izValues.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
        assert.deepEqual(izSheet[0], ['Школа', 'П-1.1, числитель', 'П-1.1, знаменатель', 'П-1.1, %']);
        const filled = latest('izhevsk').find((s) => s.answers['П-1.1'].denominator !== '0');
        const [fn, fd] = [filled.answers['П-1.1'].numerator, filled.answers['П-1.1'].denominator].map(Number);
        const ft = Math.floor((fn * 2000 + fd) / (fd * 2));
        assert.deepEqual(izSheet.find((l) => l[0] === filled.school).slice(1), [String(fn), String(fd), `${Math.floor(ft / 10)},${ft % 10}`]);
        // The reviewer is told why «0 из 0» counts nothing, and to check it.
        const empty = latest('izhevsk').find((s) => s.answers['П-1.1'].denominator === '0');
        assert.ok(empty, 'the generated set has a school with an empty group');
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const emptyOption = await page.evaluate((name) => [...document.querySelectorAll('#school-select option')]
            .find((o) => o.textContent.startsWith(`${name} — `)).value, empty.school);
        await page.locator('#school-select').selectOption(emptyOption);
        await page.getByTestId('review').locator('li[data-code="П-1.1"]').getByTestId('empty-group')
            .filter({ hasText: 'В группе нет ни одного человека, и показатель не учитывается, хотя по профилю школы он к ней относится: проверьте общее число.' }).waitFor();
        // «Динамика» names each school whose share moved by more than 10
        // points (exactly: |n1·d0 − n0·d1|·100 > 10·d0·d1), largest shown
        // change first, each share rounded to tenths as shown.
        const tenthsOf = (n, d) => Math.floor((n * 2000 + d) / (d * 2));
        const earlierOf = (school) => generated.izhevsk.manifest.files.map((f) => f.submission)
            .find((s) => s && s.school === school && s.period !== LATEST);
        const movedSchools = latest('izhevsk').flatMap((s) => {
            const was = earlierOf(s.school)?.answers['П-1.1'];
            const now = s.answers['П-1.1'];
            const [n0, d0, n1, d1] = [was?.numerator, was?.denominator, now.numerator, now.denominator].map(Number);
            if (!was || d0 === 0 || d1 === 0 || Math.abs(n1 * d0 - n0 * d1) * 100 <= 10 * d0 * d1) return [];
            const [t0, t1] = [tenthsOf(n0, d0), tenthsOf(n1, d1)];
            const delta = t1 - t0;
            const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
            const abs = Math.abs(delta);
            return [{ delta, row: [s.school, 'П-1.1', `${pct(t0)} (${grouped(n0)} из ${grouped(d0)})`, `${pct(t1)} (${grouped(n1)} из ${grouped(d1)})`,
                `${sign}${Math.floor(abs / 10)},${abs % 10}${NBSP}п.${NBSP}п.`] }];
        }).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).map((m) => m.row);
        assert.ok(movedSchools.length > 0, 'the generated set has a school whose share moved');
        await page.getByRole('tab', { name: 'Динамика' }).click();
        const schoolMoves = page.getByTestId('school-value-changes');
        await schoolMoves.waitFor();
        assert.deepEqual(await schoolMoves.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent))), movedSchools);
        await page.getByRole('tab', { name: 'Результаты' }).click();

        // The last-year check: where a school's typed figures differ from its own file of last year.
        await page.locator('#card').selectOption('leninsk-kuznetsky');
        const subs = generated['leninsk-kuznetsky'].manifest.files.map((f) => f.submission).filter(Boolean);
        const sum = (a) => (a.parts?.length ? a.parts.reduce((s, p) => s + Number(p), 0) : Number(a.numerator));
        const differing = latest('leninsk-kuznetsky').map((s) => {
            const before = subs.find((b) => b.school === s.school && b.period !== LATEST);
            const codes = indicatorsOf(lk).filter((i) => i.rule.dynamics).map((i) => i.code).filter((code) => {
                const now = s.answers[code];
                const was = before?.answers[code];
                return now && was && now.prev_denominator !== undefined && now.prev_denominator !== '' &&
                    (Number(now.prev_numerator) !== sum(was) || Number(now.prev_denominator) !== Number(was.denominator));
            });
            return { school: s.school, codes };
        }).filter((x) => x.codes.length > 0);
        assert.equal(differing.length, 1, 'the generated set has one school that misremembers last year');
        const [odd] = differing;
        await page.getByTestId('rating').locator('th.school button', { hasText: odd.school }).first().click();
        const review = page.getByTestId('review');
        await review.getByRole('heading', { name: odd.school }).waitFor();
        const flagged = await review.getByTestId('last-year-discrepancies').locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
        assert.deepEqual(flagged.sort(), odd.codes.sort());
        // One group typed with two numbers (the generator types each share's
        // total afresh: «Всего обучающихся 5–11 классов» in 1.1, 1.3 and
        // 2.1) is said at each of its rows, with the file's own numbers.
        const oddFile = latest('leninsk-kuznetsky').find((x) => x.school === odd.school);
        const notices = await review.locator('li.review-row').evaluateAll((lis) => lis
            .map((li) => [li.dataset.code, li.querySelector('[data-testid="differing-total"]')?.textContent])
            .filter(([, text]) => text));
        assert.ok(notices.length > 0, 'the generated school types one group differently');
        for (const [code, text] of notices) {
            const [, label, numbers] = text.match(/^Общее число «(.+)» школа указала по-разному \((.+)\), а группа одна: одно из чисел неверно, уточните у школы\.$/);
            const typed = numbers.split(', ').map((pair) => pair.split(' — '));
            assert.ok(typed.some(([c]) => c === code), `${code} is among its group's rows`);
            for (const [c, n] of typed) {
                assert.equal(indicatorsOf(lk).find((i) => i.code === c).rule.denominator, label);
                assert.equal(Number(n.replace(/\s/g, '')), Number(oddFile.answers[c].denominator));
            }
            assert.ok(new Set(typed.map(([, n]) => n)).size > 1, text);
        }
        // The printed review is its record: what is said of the data goes
        // on paper with it (the page's own messages do not).
        await page.emulateMedia({ media: 'print' });
        assert.ok(await review.getByTestId('differing-total').first().isVisible(), 'a total typed twice is printed');
        assert.ok(await review.getByTestId('last-year-discrepancies').isVisible(), 'last year\'s differences are printed');
        await page.emulateMedia({ media: 'screen' });
    }));

test('Nevinnomyssk: next year a plan on a question and a survey says how each moved, though nothing earns points', () =>
    withSchool('nevinnomyssk', async (card) => {
        const { page } = card;
        await fillSchool(card, 'МБОУ СОШ № 5 г. Невинномысска');
        await card.fact('1.1', false);
        await card.field('1.5', 'percent', '62,5');
        const plan = page.getByTestId('plan');
        await plan.getByRole('button', { name: 'Добавить мероприятие' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'plan-0-measure');
        await page.keyboard.type('Программа сопровождения 8–9 классов');
        // A single measure has no arrows to Tab past.
        assert.equal(await plan.getByRole('button', { name: /^Мероприятие 1 (выше|ниже)$/ }).count(), 0);
        await plan.locator('.plan-row[data-row="0"] summary').click();
        for (const code of ['1.1', '1.5']) {
            await plan.locator('.plan-row[data-row="0"]').getByRole('checkbox', { name: new RegExp(`^${code.replace('.', '\\.')} `) }).check();
        }
        await plan.locator('.plan-row[data-row="0"]').getByTestId('plan-codes').getByText('1.1, 1.5').waitFor();
        // On paper each code comes with its wording, for the head who signs.
        await page.emulateMedia({ media: 'print' });
        const named = plan.locator('.plan-row[data-row="0"] .plan-named');
        assert.deepEqual(await named.locator('li').allInnerTexts(), ['1.1', '1.5'].map((code) => {
            const i = indicatorsOf(loadCard('nevinnomyssk')).find((x) => x.code === code);
            return `${code}. ${i.text.trim()}`;
        }));
        assert.ok(!(await plan.locator('.plan-row[data-row="0"] summary').isVisible()), 'not the codes alone');
        await page.emulateMedia({ media: 'screen' });
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        const drafts = page.getByTestId('draft-list');
        await drafts.getByRole('row', { name: new RegExp(LATEST.replace('/', '\\/')) }).getByRole('button', { name: 'Следующий год' }).click();
        await drafts.getByRole('button', { name: 'Не копировать ответы' }).click();
        await card.expectText('draft-title', `МБОУ СОШ № 5 г. Невинномысска · ${NEXT}`);
        const note = (code) => card.row(code).getByTestId('last-plan');
        const said = (code, text) => note(code).filter({ hasText: new RegExp(`^План ${LATEST}: показатель ${text}\\.\\s*Мероприятие: Программа сопровождения 8–9 классов\\.$`) }).waitFor();
        await said('1.1', 'пока не заполнен');
        await said('1.5', 'пока не заполнен');
        // Named in full this year, the school still sees the plan of the
        // draft it started from (renamed, the notes were lost).
        await card.profile('Полное наименование ОО', 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5» г. Невинномысска');
        await said('1.1', 'пока не заполнен');
        // «нет» → «да» is a rise, where a card without points earns nothing.
        await card.fact('1.1', true);
        await said('1.1', 'улучшился \\(«нет» → «да»\\)');
        await card.field('1.5', 'percent', '60');
        await said('1.5', `ухудшился \\(62,5${NBSP}% → 60,0${NBSP}%\\)`);
        await card.field('1.5', 'percent', '62,5');
        await said('1.5', `без изменений \\(62,5${NBSP}% → 62,5${NBSP}%\\)`);
        // Typed with an error, it is filled in, just not judged.
        await card.field('1.5', 'percent', '62,55');
        await said('1.5', 'пока не оценён: в ответе ошибка');
        assert.equal(await note('1.6').count(), 0, 'a survey no measure targeted has no note');
        // A measure added to last year's plan afterwards shows here too:
        // last year's draft is the one this one was started from, though
        // the school is named otherwise now.
        // The list stays open after «Следующий год»: opened if it is not.
        const listButton = page.getByRole('button', { name: /Мои черновики/ });
        const openList = async () => {
            if (await listButton.getAttribute('aria-expanded') !== 'true') await listButton.click();
        };
        await openList();
        await drafts.getByRole('row', { name: new RegExp(LATEST.replace('/', '\\/')) }).getByRole('button', { name: 'Открыть' }).click();
        await card.expectText('draft-title', `МБОУ СОШ № 5 г. Невинномысска · ${LATEST}`);
        await plan.getByRole('button', { name: 'Добавить мероприятие' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'plan-1-measure');
        await page.keyboard.type('Анкетирование родителей');
        await plan.locator('.plan-row[data-row="1"] summary').click();
        await plan.locator('.plan-row[data-row="1"]').getByRole('checkbox', { name: /^1\.6 / }).check();
        await openList();
        await drafts.getByRole('row', { name: new RegExp(NEXT.replace('/', '\\/')) }).getByRole('button', { name: 'Открыть' }).click();
        await note('1.6').filter({ hasText: new RegExp(`^План ${LATEST}: показатель пока не заполнен\\.\\s*Мероприятие: Анкетирование родителей\\.$`) }).waitFor();
    }));
