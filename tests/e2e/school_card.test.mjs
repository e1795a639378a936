// A school fills in the expert card as a user would, and every figure on the
// screen is checked against values worked out by hand from seed 003's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, downloadText, useApp, ARTIFACTS } from './harness.mjs';
import { CardPage } from './card_page.mjs';

const app = useApp();

async function withCard(fn, options) {
    const { context, page, errors } = await openApp(app.browser, app.server.url, options);
    try {
        await fn(new CardPage(page));
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
}

test('a fresh card is the full 23-point card, nothing answered', () =>
    withCard(async (card) => {
        await card.expectSummary({ total: '0 из 23', percent: '0,0\u00a0%', level: 'не определена' });
        await card.expectText('unanswered', 'Не заполнено: 23 показателя.');
        // No level yet, so nothing to call preliminary.
        assert.equal(await card.page.getByTestId('level-so-far').count(), 0);
        await card.expectText('invalid', '');
        assert.equal(await card.page.getByTestId(/^ind-/).count(), 23);
    }));

test('a new draft is for the last finished school year, by the school\'s own calendar', async () => {
    // 01.06.2027 01:30 in Moscow, still May in UTC: the year just ended;
    // in March, the one before it.
    for (const [now, year] of [['2027-05-31T22:30:00Z', '2026/2027'], ['2027-03-10T09:00:00Z', '2025/2026']]) {
        await withCard(async (card) => {
            assert.equal(await card.page.getByLabel('Отчётный период (учебный год)').inputValue(), year, now);
        }, { timezoneId: 'Europe/Moscow', clock: new Date(now) });
    }
});

test('on a 1024 × 768 screen the whole summary stays in view beside the card', () =>
    withCard(async (card) => {
        const summary = card.page.locator('#summary');
        await card.page.getByTestId('summary-criterion-7').waitFor();
        const { scroll, client } = await summary.evaluate((s) => ({ scroll: s.scrollHeight, client: s.clientHeight }));
        assert.ok(scroll <= client, `the summary scrolls inside itself: ${scroll} > ${client}`);
        assert.ok(await card.page.getByTestId('summary-criterion-7').isVisible());
        // A criterion's name cut to one line is whole in its tooltip.
        const first = summary.locator('.subtotals a').first();
        assert.match(await first.getAttribute('title'), /^1\. Преемственность и системность сопровождения обучающихся по уровням образования$/);
        await card.page.screenshot({ path: join(ARTIFACTS, 'school-1024.png') });
        // Beside the card, the summary needs no line at the window's foot.
        assert.ok(!(await card.page.getByTestId('total-bar').isVisible()));
    }, { viewport: { width: 1024, height: 650 } }));

test('in a narrow window the summary scrolls away and the total stays at the foot', () =>
    withCard(async (card) => {
        const { page } = card;
        await card.share('7.1', '8', '10');
        await card.expectPoints('7.1', '1 балл из 1');
        await card.row('7.1').scrollIntoViewIfNeeded();
        const summary = await page.locator('#summary').boundingBox();
        assert.ok(summary.y + summary.height < 0, 'the summary is above the window');
        const bar = page.getByTestId('total-bar');
        await card.expectExact(bar, 'Итог: 1 из 23 баллов · 4,3\u00a0% · низкая', 'the line at the foot');
        const box = await bar.boundingBox();
        assert.equal(Math.round(box.y + box.height), 600, 'at the window\'s foot');
        await page.screenshot({ path: join(ARTIFACTS, 'school-800.png') });
        // A field reached by Tab is never left under the line at the foot.
        await page.locator('#profile-name').focus();
        for (let i = 0; i < 20; i++) {
            await page.keyboard.press('Tab');
            const { what, bottom, barTop } = await page.evaluate(() => ({
                what: document.activeElement.id || document.activeElement.textContent,
                bottom: document.activeElement.getBoundingClientRect().bottom,
                barTop: document.querySelector('[data-testid="total-bar"]').getBoundingClientRect().top,
            }));
            assert.ok(bottom <= barTop, `${what}: its foot at ${bottom}, the line from ${barTop}`);
        }
        await page.emulateMedia({ media: 'print' });
        assert.ok(!(await bar.isVisible()), 'not on paper');
    }, { viewport: { width: 800, height: 600 } }));

test('a year written with a dash becomes 2025/2026 on leaving the field, as the department files it', () =>
    withCard(async (card) => {
        const period = card.page.getByLabel('Отчётный период (учебный год)');
        await period.fill(' 2025 - 2026');
        await period.press('Tab');
        await card.page.waitForFunction(() => document.querySelector('#profile-period')?.value === '2025/2026');
        // A year that does not read is left as typed, with its message.
        await period.fill('2025-2027');
        await period.press('Tab');
        assert.equal(await period.inputValue(), '2025-2027');
        assert.equal(await period.getAttribute('aria-invalid'), 'true');
        // A year that has not begun on the school's calendar is asked
        // about, and so is a half-typed e-mail address (once the field is
        // left): beside the fields, and before the export, which the school
        // may still confirm (its clock may be wrong).
        const next = new Date().getFullYear() + 1;
        await period.fill(`${next}/${next + 1}`);
        await card.expectExact(card.page.locator('#profile-period-error'),
            'Этот учебный год ещё не начался: укажите год, за который заполняется карта.', 'a year ahead');
        // Left by a click on a box below it, the field's message waits for
        // the click: shown at once, it moved the box from under the mouse.
        // At 1024 px the message takes two lines and the levels stand under
        // the field.
        const wide = card.page.viewportSize();
        await card.page.setViewportSize({ width: 1024, height: 768 });
        const senior = card.page.getByLabel('СОО (10–11 классы)');
        const was = await senior.isChecked();
        const contact = card.page.getByLabel('Контактный телефон или e-mail');
        await contact.fill('ivanova@');
        assert.equal(await card.page.locator('#profile-contact-error').textContent(), '', 'not while typing');
        await senior.click();
        await card.expectExact(card.page.locator('#profile-contact-error'),
            'Адрес почты неполный: нужен вид имя@домен, например ivanova@school7.ru.', 'said after the click');
        assert.equal(await senior.isChecked(), !was, 'the click reached the box');
        await senior.setChecked(was);
        await card.page.setViewportSize(wide);
        await contact.fill('');
        await contact.fill('8 (343) 123-45-67, ivanova@');
        await contact.press('Tab');
        await card.expectExact(card.page.locator('#profile-contact-error'),
            'Адрес почты неполный: нужен вид имя@домен, например ivanova@school7.ru.', 'half an address');
        const asked = card.page.getByTestId('export-caution');
        await asked.filter({ hasText: 'Отчётный период (учебный год): Этот учебный год ещё не начался' }).waitFor();
        await asked.filter({ hasText: 'Контактный телефон или e-mail: Адрес почты неполный' }).waitFor();
        assert.equal(await card.page.getByTestId('export-profile-problems').getByText('Адрес почты').count(), 0, 'not a required fix');
        // After a reload the half address is still marked: it was left.
        await card.page.getByTestId('save-status').filter({ hasText: /^Сохранено в \d\d:\d\d\.$/ }).waitFor();
        await card.page.reload();
        await card.expectExact(card.page.locator('#profile-contact-error'),
            'Адрес почты неполный: нужен вид имя@домен, например ivanova@school7.ru.', 'half an address, reloaded');
        // A new card starts unmarked, the name left empty before included.
        const name = card.page.getByLabel('Полное наименование ОО');
        await name.focus();
        await name.press('Tab');
        await card.expectExact(card.page.locator('#profile-name-error'), 'Обязательное поле.', 'the name left empty');
        // A field filled in this draft is not taken as left empty in the new one.
        await card.page.getByLabel('Муниципальное образование').fill('г. Екатеринбург');
        await card.page.getByRole('button', { name: 'Новая карта' }).click();
        await card.page.getByRole('button', { name: 'Мои черновики (2)' }).waitFor();
        // A screen reader hears which draft is open now.
        const announced = card.page.getByTestId('draft-announced');
        assert.equal(await announced.getAttribute('role'), 'status');
        assert.match(await announced.textContent(), /^Открыт черновик «Без названия · \d{4}\/\d{4}»\.$/);
        await card.page.waitForFunction(() => [...document.querySelectorAll('.field-error')].every((e) => e.textContent === ''));
    }));

test('a row the profile rules out keeps its numbers but shows no share', () =>
    withCard(async (card) => {
        await card.share('1.3', '20', '25');
        await card.expectShare('1.3', '80,0\u00a0%');
        await card.level('СОО (10–11 классы)', false);
        await card.expectPoints('1.3', 'не применимо');
        await card.expectShare('1.3', '—');
        assert.equal(await card.input('1.3', 'numerator').inputValue(), '20');
        await card.level('СОО (10–11 классы)', true);
        await card.expectShare('1.3', '80,0\u00a0%');
    }));

test('a school without grades 10–11 fills in its card; figures match the hand count', () =>
    withCard(async (card) => {
        await card.profile('Полное наименование ОО', 'МАОУ «Основная школа № 7»');
        await card.profile('Муниципальное образование', 'г. Екатеринбург');
        await card.profile('Ответственный (ФИО, должность)', 'Петрова А. С., директор');
        await card.level('СОО (10–11 классы)', false);

        // 1.3, 1.5 and 3.2 concern grades 10–11: not applicable, maximum 20.
        for (const code of ['1.3', '1.5', '3.2']) await card.expectPoints(code, 'не применимо');
        await card.expectSummary({ total: '0 из 20' });
        // Their boxes leave the way of Tab: from 1.2's comment, 1.3's
        // comment (a word on why is still welcome), then 1.4's part.
        await card.input('1.2', 'comment').focus();
        const tabTo = async (id) => {
            await card.page.keyboard.press('Tab');
            assert.equal(await card.page.evaluate(() => document.activeElement.id), id);
        };
        await tabTo('ind-1-3-comment');
        await tabTo('ind-1-4-numerator');

        // Exactly 30% earns the "не менее 30%" point.
        await card.share('1.1', '30', '100');
        await card.expectPoints('1.1', '1 балл из 1');
        await card.expectShare('1.1', '30,0\u00a0%');
        // 49% is one person short of 50%.
        await card.share('1.2', '49', '100');
        await card.expectPoints('1.2', '0 баллов из 1');
        await card.expectNote('1.2', 'До порога 50\u00a0% не хватает 1 чел.');
        await card.share('1.4', '3', '10');
        await card.fact('1.6', true);
        // 19 of 95 is exactly 20%.
        await card.share('1.7', '19', '95');
        await card.expectPoints('1.7', '1 балл из 1');
        await card.fact('1.8', false);
        await card.fact('2.1', true);
        // 11 of 56 is 19.6%; 20% of 56 is 11.2, so 12 are needed: one more.
        await card.share('4.1', '11', '56');
        await card.expectNote('4.1', 'До порога 20\u00a0% не хватает 1 чел.');
        await card.share('5.3', '1', '5');
        // More graduates continuing than graduates: refused, and not counted,
        // once the whole is left; while it is typed, «3» may be on its way
        // to «300», and the row reads as not filled in yet.
        await card.share('6.2', '40', '30');
        await card.expectPoints('6.2', 'не заполнено');
        assert.equal(await card.page.locator('#ind-6-2-numerator-error').textContent(), '', 'not while the whole is typed');
        await card.input('6.2', 'denominator').press('Tab');
        await card.expectPoints('6.2', 'не учитывается');
        await card.expectFieldError('6.2', 'numerator', 'Это число больше общего числа (во втором поле): проверьте оба поля.');
        // «Оба поля»: the whole is marked too, and read with that message.
        const whole = card.input('6.2', 'denominator');
        assert.equal(await whole.getAttribute('aria-invalid'), 'true');
        assert.equal(await whole.getAttribute('aria-describedby'), 'ind-6-2-denominator-error ind-6-2-numerator-error');
        // A whole of 0 is named: «none» typed in the wrong box, most likely.
        await card.field('6.2', 'denominator', '0');
        await whole.press('Tab');
        await card.expectFieldError('6.2', 'numerator', 'Общее число (во втором поле) — 0, а в этом поле больше: если таких нет, введите здесь 0, иначе исправьте общее число.');
        await card.field('6.2', 'denominator', '30');
        await whole.press('Tab');
        await card.expectFieldError('6.2', 'numerator', 'Это число больше общего числа (во втором поле): проверьте оба поля.');

        // 1.1 + 1.4 + 1.6 + 1.7 + 2.1 + 5.3 = 6 of 20 = 30%: low (below 60%).
        await card.expectSummary({ total: '6 из 20', percent: '30,0\u00a0%', level: 'низкая' });
        await card.expectSubtotal('1', '4 из 6');
        await card.expectSubtotal('2', '1 из 2');
        await card.expectSubtotal('5', '1 из 3');
        await card.expectSubtotal('6', '0 из 2');
        await card.expectText('invalid', 'С ошибками (не учитываются): 1 показатель — 6.2.');
        // The export's list leads to the field to fix, not to the row.
        assert.equal(await card.page.getByTestId('incomplete-invalid').getByRole('link', { name: '6.2' }).getAttribute('href'), '#ind-6-2-numerator');
        // So does the summary, always in sight.
        const fromSummary = card.page.getByTestId('invalid').getByRole('link', { name: '6.2' });
        assert.equal(await fromSummary.getAttribute('href'), '#ind-6-2-numerator');
        await fromSummary.click();
        await card.page.waitForFunction(() => document.activeElement?.id === 'ind-6-2-numerator');

        // Six more facts: 12 of 20 is exactly 60%, the lowest medium.
        for (const code of ['3.1', '3.3', '4.3', '4.4', '5.1', '5.2']) await card.fact(code, true);
        await card.expectSummary({ total: '12 из 20', percent: '60,0\u00a0%', level: 'средняя' });

        // Fixing 6.2 (21 of 30 = 70%) counts it at once.
        await card.field('6.2', 'numerator', '21');
        await card.expectPoints('6.2', '1 балл из 1');
        await card.expectText('invalid', '');
        // 7.1: 14 of 20 = 70%; 6.1 and 2.2 facts: 16 of 20 = 80%, high.
        await card.share('7.1', '14', '20');
        await card.fact('6.1', true);
        await card.fact('2.2', true);
        await card.expectSummary({ total: '16 из 20', percent: '80,0\u00a0%', level: 'высокая' });

        // Untick ОВЗ: 2.2 and 4.2 leave the card; 15 of 18 = 83.3%.
        await card.ovz(false);
        await card.expectPoints('2.2', 'не применимо');
        await card.expectSummary({ total: '15 из 18', percent: '83,3\u00a0%', level: 'высокая' });

        // Back to a full school: 2.2's point counts again, and the rows of
        // СОО join the maximum unanswered: 16 of 23 = 69.6%, medium.
        await card.ovz(true);
        await card.level('СОО (10–11 классы)', true);
        await card.expectSummary({ total: '16 из 23', percent: '69,6\u00a0%', level: 'средняя' });
        // 23 - 20 answered rows (4.2, 1.3, 1.5, 3.2 still open) ...
        // Few: named, in the card's order.
        await card.expectText('unanswered', 'Не заполнено: 4 показателя — 1.3, 1.5, 3.2, 4.2.');
        // ... so the level is the level of what is filled, and said so.
        await card.expectText('level-so-far', '— пока заполнено не всё');
    }));

test('invalid numbers are marked on the field in Russian and never counted', () =>
    withCard(async (card) => {
        const cases = [
            ['-5', 'Число не может быть отрицательным.'],
            ['12,5', 'Введите целое число без дробной части и букв.'],
            ['десять', 'Введите целое число без дробной части и букв.'],
            ['5000000', 'Слишком большое число: допускается не более 1\u202f000\u202f000.'],
            ['1 00', 'Пробел в числе стоит не между тысячами: проверьте число (пишется «1 200» или «1200»).'],
        ];
        for (const [typed, message] of cases) {
            await card.share('1.1', typed, '10');
            await card.expectFieldError('1.1', 'numerator', message);
            await card.expectPoints('1.1', 'не учитывается');
            await card.expectSummary({ total: '0 из 23' });
        }
        // «1 200» typed as people write it: on the way, «1 2» is not yet a
        // mistake, in the whole or in the part; left so, it is.
        const onItsWay = async (field) => {
            const box = card.input('1.1', field);
            await box.fill('');
            await box.pressSequentially('1 2');
            await card.expectPoints('1.1', 'не заполнено');
            await card.expectExact(card.page.locator(`#ind-1-1-${field}-error`), '', `${field}: nothing said on the way`);
            return box;
        };
        await card.field('1.1', 'numerator', '60');
        await onItsWay('denominator');
        await card.input('1.1', 'numerator').focus();
        await card.expectFieldError('1.1', 'denominator', 'Пробел в числе стоит не между тысячами: проверьте число (пишется «1 200» или «1200»).');
        await card.field('1.1', 'denominator', '2 000');
        await (await onItsWay('numerator')).pressSequentially('00');
        await card.expectShare('1.1', '60,0\u00a0%');
        await card.field('1.1', 'denominator', '10');
        // A spreadsheet's column pasted into one box: the two cells are kept
        // apart and named, not read as 1516.
        const page = card.page;
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.evaluate(() => navigator.clipboard.writeText('15\r\n16\r\n'));
        await card.input('1.1', 'numerator').fill('');
        await card.input('1.1', 'numerator').press('Control+V');
        await card.expectFieldError('1.1', 'numerator', 'Вставлено несколько ячеек таблицы или строк: оставьте в поле одно число.');
        assert.equal(await card.input('1.1', 'numerator').inputValue(), '15\t16');
        await card.expectPoints('1.1', 'не учитывается');
        // One copied cell ends with a line break: it is the number.
        await page.evaluate(() => navigator.clipboard.writeText('7\r\n'));
        await card.input('1.1', 'numerator').fill('');
        await card.input('1.1', 'numerator').press('Control+V');
        await card.page.waitForFunction(() => document.getElementById('ind-1-1-numerator').value === '7');
        await card.expectExact(card.page.locator('#ind-1-1-numerator-error'), '', 'one cell is a number');
        // What nobody sees is said while typing, and taken away on leaving
        // the field: the «5» counts.
        await card.field('1.1', 'numerator', '\u200b5');
        await card.expectFieldError('1.1', 'numerator', 'В поле есть невидимые символы (например, из скопированного текста): они будут удалены, когда вы перейдёте к другому полю.');
        await card.expectPoints('1.1', 'не учитывается');
        await card.input('1.1', 'denominator').focus();
        await card.page.waitForFunction(() => document.getElementById('ind-1-1-numerator').value === '5');
        await card.expectExact(card.page.locator('#ind-1-1-numerator-error'), '', 'no message once removed');
        await card.expectPoints('1.1', '1 балл из 1');
        // One half of a share alone: while the school is still in the row's
        // numbers it is being filled in; once it leaves them (for the
        // links below, as for another row), the other half is asked for,
        // 0 included.
        await card.share('1.1', '', '10');
        await card.expectPoints('1.1', 'не заполнено');
        await card.expectExact(card.page.locator('#ind-1-1-numerator-error'), '', 'no message yet');
        // The summary counts the row as the row shows it: not yet an error.
        const invalid = card.page.getByTestId('invalid');
        await card.expectExact(invalid, '', 'no error in the summary while the pair is typed');
        await card.input('1.1', 'evidence').focus();
        await card.expectFieldError('1.1', 'numerator', 'Заполните и это поле; если таких нет, введите 0.');
        await card.expectPoints('1.1', 'не учитывается');
        await card.expectExact(invalid, 'С ошибками (не учитываются): 1 показатель — 1.1.', 'said once the numbers are left');
        // The whole is asked for without «0»: that would only make the part above it.
        await card.share('1.1', '10', '');
        await card.input('1.2', 'numerator').focus();
        await card.expectFieldError('1.1', 'denominator', 'Заполните и общее число.');
        await card.share('1.1', '10', '10');
        await card.expectPoints('1.1', '1 балл из 1');
        await card.expectSummary({ total: '1 из 23' });

        // A link that is not a web page holds the point back until fixed,
        // said once the links box is left: typed letter by letter, a link
        // is wrong until its last letters («h», «https://school7»).
        const links = card.input('1.1', 'evidence');
        await card.field('1.1', 'evidence', 'https://school7.ru/proforientatsiya\njavascript:alert(1)');
        await card.expectPoints('1.1', '1 балл из 1');
        assert.equal(await card.page.locator('#ind-1-1-evidence-error').textContent(), '', 'not while in the box');
        await links.press('Tab');
        await card.expectFieldError('1.1', 'evidence', 'Строка 2: ссылка должна начинаться с http:// или https://.');
        await card.expectSummary({ total: '0 из 23' });
        // Back in the box to fix it, nothing typed yet: the message stays.
        await links.focus();
        await card.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
        assert.equal(await card.page.locator('#ind-1-1-evidence-error').textContent(), 'Строка 2: ссылка должна начинаться с http:// или https://.');
        await card.expectPoints('1.1', 'не учитывается');
        // The numbers are not what is wrong: their share stays in sight.
        await card.expectShare('1.1', '100,0\u00a0%');
        // An address the department cannot open: a host name without a dot.
        await card.field('1.1', 'evidence', 'https://school7/proforientatsiya');
        await links.press('Tab');
        await card.expectFieldError('1.1', 'evidence', 'Строка 1: в адресе сайта нет точки (например, school7.ru): такую страницу отдел образования не откроет.');
        await card.expectSummary({ total: '0 из 23' });
        // Without its beginning as well: the dot is what to add.
        await card.field('1.1', 'evidence', 'school7');
        await links.press('Tab');
        await card.expectFieldError('1.1', 'evidence', 'Строка 1: в адресе сайта нет точки (например, school7.ru): такую страницу отдел образования не откроет.');
        await card.field('1.1', 'evidence', 'https://school7.ru/proforientatsiya');
        await card.expectSummary({ total: '1 из 23' });
        // A site typed without its beginning gets «https://» on leaving the
        // field, instead of costing the point.
        await card.field('1.1', 'evidence', 'https://school7.ru/proforientatsiya\nvk.com/school7?w=wall-1');
        await links.press('Tab');
        await card.expectSummary({ total: '1 из 23' });
        assert.equal(await card.input('1.1', 'evidence').inputValue(), 'https://school7.ru/proforientatsiya\nhttps://vk.com/school7?w=wall-1');
        assert.equal(await card.input('1.1', 'evidence').getAttribute('aria-invalid'), 'false');
        // A link copied from a messenger comes with marks nobody sees; they
        // would make it another address, and leave with the field.
        await card.field('1.1', 'evidence', '\u2068https://vk.com/school7?w=wall-1\u2069\nhttps://school7.ru/\u200Bproforientatsiya');
        await card.input('1.1', 'evidence').press('Tab');
        assert.equal(await card.input('1.1', 'evidence').inputValue(), 'https://vk.com/school7?w=wall-1\nhttps://school7.ru/proforientatsiya');
        // A comment of spaces only is an empty one once the field is left.
        await card.field('1.1', 'comment', '   ');
        await card.input('1.1', 'comment').press('Tab');
        assert.equal(await card.input('1.1', 'comment').inputValue(), '');
        // The box grows with its lines, so that «Строка 5» is in sight.
        await card.field('1.1', 'evidence', 'https://a.ru\nhttps://b.ru\nhttps://c.ru\nhttps://d.ru\nне ссылка');
        await links.press('Tab');
        await card.expectFieldError('1.1', 'evidence', 'Строка 5: это не ссылка. Документ без адреса в интернете назовите в поле «Комментарий», а здесь оставьте только ссылки (http:// или https://).');
        assert.equal(await card.input('1.1', 'evidence').getAttribute('rows'), '5');
        // An address with words after it: the words are to go, not a
        // beginning to add (that led to «не должно быть пробелов» next).
        await card.field('1.1', 'evidence', 'vk.com/school12 (группа)');
        await links.press('Tab');
        await card.expectFieldError('1.1', 'evidence', 'Строка 1: рядом с адресом есть пояснение; оставьте здесь только адрес, а пояснение перенесите в поле «Комментарий».');
    }));

test('one group typed with two numbers is asked about before the export, each number linked to its box', () =>
    withCard(async (card) => {
        // 1.2 and 1.4 both count «Всего обучающихся 8–9 классов».
        await card.share('1.2', '40', '100');
        await card.share('1.4', '30', '120');
        const line = card.page.getByTestId('export-differing');
        assert.equal(await line.innerText(), 'Общее число «Всего обучающихся 8–9 классов» указано по-разному (1.2 — 100, 1.4 — 120), а группа одна: исправьте неверное в 1.2, 1.4');
        assert.equal(await line.getByRole('link', { name: '1.4' }).getAttribute('href'), '#ind-1-4-denominator');
        await card.field('1.4', 'denominator', '100');
        await line.waitFor({ state: 'detached' });
    }));

test('the score follows every keystroke', () =>
    withCard(async (card) => {
        await card.field('1.3', 'denominator', '40');
        const numerator = card.input('1.3', 'numerator');
        await numerator.focus();
        // 2 → 5% (0), 27 → 67.5% (0), then a third digit makes 270 > 40: refused.
        await card.page.keyboard.type('2');
        await card.expectShare('1.3', '5,0\u00a0%');
        await card.page.keyboard.type('7');
        await card.expectShare('1.3', '67,5\u00a0%');
        await card.expectNote('1.3', 'До порога 70\u00a0% не хватает 1 чел.');
        await card.page.keyboard.press('Backspace');
        await card.page.keyboard.press('Backspace');
        await card.page.keyboard.type('28');
        await card.expectPoints('1.3', '1 балл из 1');
        await card.expectSummary({ total: '1 из 23' });
        // A screen reader hears the whole line once typing pauses, not
        // each total a half-typed number passes through.
        const said = card.page.getByTestId('total-said');
        assert.equal(await said.getAttribute('role'), 'status');
        await said.filter({ hasText: /^Итог: 1 из 23 баллов · 4,3\u00a0% · эффективность низкая$/ }).waitFor();
    }));

test('the card can be filled with the keyboard alone', () =>
    withCard(async (card) => {
        const { page } = card;
        await page.keyboard.press('Tab');
        assert.equal(
            await page.evaluate(() => document.activeElement?.textContent),
            'Перейти к итогам',
            'the skip link comes first',
        );
        // Past the draft bar's buttons to the first profile field, by Tab alone.
        for (let i = 0; i < 15 && !(await card.isFocused('profile-name')); i++) {
            await page.keyboard.press('Tab');
        }
        assert.ok(await card.isFocused('profile-name'), 'Tab reaches the school name');
        await page.keyboard.type('МБОУ СОШ № 12');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Ленинский район');
        assert.equal(await page.getByLabel('Муниципальное образование').inputValue(), 'Ленинский район');

        // From 1.5's comment, Tab reaches 1.6's yes/no group; Space answers it.
        await card.input('1.5', 'comment').focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
        await card.expectPoints('1.6', '1 балл из 1');
        // Arrow keys move within the group: now "Нет".
        await page.keyboard.press('ArrowRight');
        await card.expectPoints('1.6', '0 баллов из 1');
        await card.expectSummary({ total: '0 из 23' });
        await card.expectText('unanswered', 'Не заполнено: 22 показателя.');
        // An answer given by mistake can be taken back: Tab to «Снять ответ»,
        // Enter; the row is unanswered again and the focus is back on «Да».
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Снять ответ');
        await page.keyboard.press('Enter');
        await card.expectText('unanswered', 'Не заполнено: 23 показателя.');
        assert.ok(await card.isFocused('ind-1-6-fact-yes'), 'the focus goes back to «Да»');
        assert.equal(await card.row('1.6').getByRole('button', { name: 'Снять ответ' }).count(), 0);
        await page.keyboard.press('Space');
        await card.expectPoints('1.6', '1 балл из 1');

        // The rest of the profile, then export: Tab to «Выгрузить всё равно»,
        // Space ticks it, Tab to the export button, Enter downloads the file.
        const tabUntil = async (reached, limit = 400) => {
            for (let i = 0; i < limit; i++) {
                await page.keyboard.press('Tab');
                if (await page.evaluate(reached)) return;
            }
            assert.fail('Tab never reached the element');
        };
        await page.getByLabel('Муниципальное образование').focus();
        await tabUntil(() => document.activeElement?.id === 'profile-responsible');
        await page.keyboard.type('Петрова А. С., директор');
        await tabUntil(() => document.activeElement?.closest('label')?.textContent.includes('Выгрузить всё равно'));
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'export-button');
        const file = await downloadText(page, () => page.keyboard.press('Enter'));
        assert.equal(JSON.parse(file.text).payload.profile.name, 'МБОУ СОШ № 12');
        await page.getByTestId('export-result').filter({ hasText: 'подпись проверена' }).waitFor();
    }));
