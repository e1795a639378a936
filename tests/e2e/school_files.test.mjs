// The school side over several days: drafts that survive reloads, storage
// trouble, two tabs, the signed export (verified outside the browser by the
// project's own command), loading an export back, and the print view.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { openApp, openPage, openDepartment, importFiles, pageRules, downloadText, expectKeptAside, ARTIFACTS, useApp } from './harness.mjs';
import { CardPage } from './card_page.mjs';
import { CARD, loadCard } from './scoring.mjs';

const VERIFY = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-verify');

const app = useApp();

before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
});

async function withCard(fn, options) {
    const { context, page, errors } = await openApp(app.browser, app.server.url, options);
    try {
        await fn(new CardPage(page), context);
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
}

/// Fills the origin's local storage to the last byte, as years of other
/// data would (once: a reload finds it full already).
function fillStorage() {
    if (localStorage.getItem('filler1_0') !== null) return;
    for (const size of [256 * 1024, 1024, 16, 1]) {
        try {
            for (let i = 0; ; i++) localStorage.setItem(`filler${size}_${i}`, 'x'.repeat(size));
        } catch {}
    }
}

async function fillSchool(card) {
    await card.profile('Полное наименование ОО', 'МАОУ СОШ № 7');
    await card.profile('Муниципальное образование', 'г. Екатеринбург');
    await card.profile('Ответственный (ФИО, должность)', 'Петрова А. С., директор');
    await card.profile('Отчётный период (учебный год)', '2025/2026');
}

async function expectSaved(card) {
    await card.page.getByTestId('save-status').filter({ hasText: /^Сохранено в \d\d:\d\d\.$/ }).waitFor();
}

test('a draft survives a reload, including what was typed just before it', () =>
    withCard(async (card) => {
        await fillSchool(card);
        await card.share('1.1', '30', '100');
        await card.fact('1.6', true);
        await card.field('1.2', 'numerator', '12,5');
        await expectSaved(card);
        await card.page.reload();
        await card.page.getByTestId('total').waitFor();
        await card.expectSummary({ total: '2 из 23' });
        assert.equal(await card.input('1.1', 'numerator').inputValue(), '30');
        assert.equal(await card.input('1.2', 'numerator').inputValue(), '12,5', 'invalid text kept as typed');
        await card.expectFieldError('1.2', 'numerator', 'Введите целое число без дробной части и букв.');
        await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2025/2026');
        // Opened as saved: the line says when that was, in the words of
        // each save today, with the date on another day.
        assert.match(await card.page.getByTestId('save-status').innerText(), /^Сохранено в \d\d:\d\d\.$/);
        await card.page.evaluate(() => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/'));
            localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)), updated_at: '2025-12-02T12:00:00.000Z' }));
        });
        await card.page.reload();
        await card.page.getByTestId('save-status').filter({ hasText: /^Сохранено 02\.12\.2025 в \d\d:\d\d\.$/ }).waitFor();

        // Typed and reloaded at once, before the half-second autosave: kept by pagehide.
        await card.field('1.1', 'comment', 'сразу перед перезагрузкой');
        await card.page.reload();
        await card.page.getByTestId('total').waitFor();
        assert.equal(await card.input('1.1', 'comment').inputValue(), 'сразу перед перезагрузкой');
    }));

test('a slow typist\'s text is saved while the typing goes on, not only at a pause', () =>
    withCard(async (card) => {
        await fillSchool(card);
        await expectSaved(card);
        const storedComment = () => card.page.evaluate(() => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/'));
            return JSON.parse(localStorage.getItem(key)).draft.answers['1.1']?.comment ?? '';
        });
        // A key every 0,4 s never leaves the half-second pause a save
        // waits for; a crash after minutes of it lost them all (a
        // walk-through). Saved within 3 s while the keys keep coming.
        const text = 'Классные часы о профессиях';
        let done = false;
        const typing = card.input('1.1', 'comment').pressSequentially(text, { delay: 400 }).then(() => { done = true; });
        await card.page.waitForFunction(() => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/'));
            return (JSON.parse(localStorage.getItem(key)).draft.answers['1.1']?.comment ?? '').length > 0;
        }, null, { polling: 100, timeout: 8000 });
        assert.equal(done, false, 'saved before the typing stopped');
        const saved = await storedComment();
        assert.ok(text.startsWith(saved) && saved.length < text.length, saved);
        await typing;
        await expectSaved(card);
        assert.equal(await storedComment(), text);
    }));

test('several drafts: a new card, next year from a draft, switching, deleting', () =>
    withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await card.fact('1.6', true);
        await expectSaved(card);
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        const list = page.getByTestId('draft-list');
        // The list opens below the bar's other buttons and takes the focus;
        // the next Tab reaches its first button.
        await page.waitForFunction(() => document.activeElement?.id === 'draft-list');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.closest('#draft-list') !== null), true);
        // «Следующий год» asks whether to copy the answers; Escape, or
        // «Отмена», changes nothing and gives the focus back.
        const next = list.getByRole('row', { name: /2025\/2026/ }).getByRole('button', { name: 'Следующий год' });
        await next.click();
        const choice = list.getByRole('group', { name: 'Карта следующего учебного года' });
        await page.waitForFunction(() => document.activeElement?.textContent === 'Скопировать ответы «да/нет»');
        await page.keyboard.press('Escape');
        await choice.waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Следующий год');
        assert.equal(await list.locator('tbody tr').count(), 1, 'no draft started');
        await next.click();
        await choice.getByRole('button', { name: 'Не копировать ответы' }).click();
        await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2026/2027');
        await card.expectSummary({ total: '0 из 23' });
        assert.equal(await page.getByLabel('Полное наименование ОО').inputValue(), 'МАОУ СОШ № 7');
        await list.getByRole('row', { name: /2025\/2026/ }).waitFor();
        assert.equal(await list.locator('tbody tr').count(), 2);
        // Pressed again: the year is begun, asked first; «Отмена» keeps to
        // the draft there is.
        const begun = new Promise((resolve) => page.once('dialog', (dialog) => {
            resolve(dialog.message());
            dialog.dismiss();
        }));
        await next.click();
        await choice.getByRole('button', { name: 'Не копировать ответы' }).click();
        assert.equal(await begun, 'Черновик «МАОУ СОШ № 7 · 2026/2027» уже есть. Начать ещё один черновик этого года? («Отмена» — открыть имеющийся.)');
        await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2026/2027');
        assert.equal(await list.locator('tbody tr').count(), 2);
        // Each draft names its card.
        const title = CARD.title;
        assert.deepEqual(await list.locator('td.draft-card').allInnerTexts(), [title, title]);

        await list.getByRole('row', { name: /2025\/2026/ }).getByRole('button', { name: 'Открыть' }).click();
        await card.expectSummary({ total: '1 из 23' });
        // Its button is the open draft's now, and disabled: the focus goes to the card.
        await page.waitForFunction(() => document.activeElement?.id === 'page-title');
        // A reload opens it again, not the draft saved last (2026/2027).
        await page.reload();
        await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2025/2026');
        await card.expectSummary({ total: '1 из 23' });
        await page.getByRole('button', { name: /Мои черновики/ }).click();

        // Renamed: its button keeps the focus as the row moves up the list.
        page.once('dialog', (d) => d.accept('Черновик для проверки'));
        await list.getByRole('button', { name: 'Переименовать черновик «МАОУ СОШ № 7 · 2026/2027»' }).click();
        const renamed = list.getByRole('button', { name: 'Переименовать черновик «Черновик для проверки»' });
        await renamed.waitFor();
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Переименовать черновик «Черновик для проверки» по карте «'));
        // The open draft too: its new name shows once it is saved, and the
        // save does not take the focus away.
        page.once('dialog', (d) => d.accept('Открытый черновик'));
        await list.getByRole('button', { name: 'Переименовать черновик «МАОУ СОШ № 7 · 2025/2026»' }).click();
        await list.getByRole('button', { name: 'Переименовать черновик «Открытый черновик»' }).waitFor();
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Переименовать черновик «Открытый черновик» по карте «'));

        const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.accept(); }));
        await list.getByRole('button', { name: 'Удалить черновик «Черновик для проверки»' }).click();
        assert.equal(await asked, `Удалить черновик «Черновик для проверки» по карте «${title}»? Это нельзя отменить.`);
        await list.getByRole('row', { name: /Черновик для проверки/ }).waitFor({ state: 'detached' });
        assert.equal(await list.locator('tbody tr').count(), 1);
        // The list keeps the focus, not the page's <body>.
        await page.waitForFunction(() => document.activeElement?.id === 'draft-list');
    }));

test('a new card after an export points to «Следующий год», which carries the school and last year', () =>
    withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await card.share('1.1', '30', '100');
        await page.getByLabel(/Выгрузить всё равно/).check();
        await downloadText(page, () => page.getByTestId('export-button').click());
        await page.getByTestId('export-result').filter({ hasText: 'выгружен' }).waitFor();
        await page.getByRole('button', { name: 'Новая карта' }).click();
        await page.getByTestId('notices').filter({
            hasText: 'Открыт новый пустой черновик. Чтобы начать следующий учебный год по черновику «МАОУ СОШ № 7 · 2025/2026» (сведения о школе и значения прошлого года перенесутся), откройте «Мои черновики» и нажмите «Следующий год» в его строке.',
        }).waitFor();
        // A second new card leaves an empty one: nothing to point to.
        await page.getByRole('button', { name: 'Новая карта' }).click();
        await page.getByRole('button', { name: 'Мои черновики (3)' }).waitFor();
        assert.equal(await page.getByTestId('notices').filter({ hasText: 'Открыт новый пустой черновик' }).count(), 0);
        // The same school and year in another draft: its export would
        // replace the first file in the department, asked before it goes
        // (a next year's draft given last year's year by mistake replaced
        // that year's checked card there, unasked).
        await fillSchool(card);
        const elsewhere = page.getByTestId('export-elsewhere');
        await elsewhere.filter({ hasText: 'Карта этой школы за 2025/2026 учебный год уже выгружена из черновика «МАОУ СОШ № 7 · 2025/2026»: новый файл заменит её в отделе образования. Если год указан по ошибке, исправьте учебный год.' }).waitFor();
        await elsewhere.getByRole('link', { name: 'учебный год' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'profile-period');
        await card.profile('Отчётный период (учебный год)', '2026/2027');
        await elsewhere.waitFor({ state: 'detached' });
    }));

test('next year copies only the yes-or-no answers, each marked until the school checks it', () =>
    withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await card.share('1.1', '30', '100');
        await card.fact('1.6', true);
        await card.fact('1.8', false);
        await card.expectSummary({ total: '2 из 23' });
        // Exported; the next year's draft has exported nothing yet.
        await page.getByLabel(/Выгрузить всё равно/).check();
        await downloadText(page, () => page.getByTestId('export-button').click());
        await page.getByTestId('export-result').filter({ hasText: 'выгружен' }).waitFor();
        await expectSaved(card);
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        const list = page.getByTestId('draft-list');
        await list.getByRole('row', { name: /2025\/2026/ }).getByRole('button', { name: 'Следующий год' }).click();
        await list.getByRole('button', { name: 'Скопировать ответы «да/нет»' }).click();
        await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2026/2027');
        assert.equal(await page.getByTestId('export-result').count(), 0);
        // This year's figures are not next year's; its yes and no are,
        // each marked, and listed before the export.
        assert.equal(await card.input('1.1', 'numerator').inputValue(), '');
        await card.expectSummary({ total: '1 из 23' });
        assert.deepEqual(await page.getByTestId('copied').evaluateAll((all) => all.map((p) => p.closest('article').dataset.testid)), ['ind-1-6', 'ind-1-8']);
        const listed = page.getByTestId('export-copied');
        assert.equal(await listed.innerText(), 'Перенесены из карты прошлого года и не проверены: 1.6, 1.8');
        assert.equal(await page.getByTestId('export-button').getAttribute('aria-disabled'), 'true', 'asked before the file goes');
        // Confirmed or changed, an answer is the school's for this year;
        // the marks, those left and those taken off, outlast a reload.
        await card.row('1.6').getByRole('button', { name: 'Ответ верен: показатель 1.6' }).click();
        await card.row('1.6').getByTestId('copied').waitFor({ state: 'detached' });
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-6');
        await expectSaved(card);
        await page.reload();
        await card.row('1.8').getByTestId('copied').waitFor();
        assert.equal(await page.getByTestId('copied').count(), 1);
        // Sent unchecked, 1.8 is named in the file for the reviewer.
        await page.getByLabel(/Выгрузить всё равно/).check();
        const sent = await downloadText(page, () => page.getByTestId('export-button').click());
        assert.deepEqual(JSON.parse(sent.text).payload.copied, ['1.8']);
        // The department's review says so beside 1.8, and only there.
        await mkdir(ARTIFACTS, { recursive: true });
        const path = join(ARTIFACTS, 'copied-unchecked.json');
        await writeFile(path, sent.text);
        const dept = await openDepartment(app);
        try {
            await importFiles(dept.page, [path]);
            await dept.page.getByRole('tab', { name: 'Проверка' }).click();
            const note = dept.page.getByTestId('copied-unchecked');
            await note.first().waitFor();
            assert.deepEqual(await note.evaluateAll((ps) => ps.map((p) => p.closest('li').dataset.code)), ['1.8']);
            assert.equal(await note.innerText(), 'Ответ перенесён из карты прошлого года («Следующий год»), и школа выгрузила файл, не отметив, что проверила его: возможно, это прошлогодний ответ.');
            // «Показывать» finds them across schools.
            await dept.page.locator('#row-filter').selectOption('copied');
            await dept.page.waitForFunction(() => [...document.querySelectorAll('li.review-row')].filter((li) => !li.hidden).map((li) => li.dataset.code).join() === '1.8');
        } finally {
            await dept.context.close();
        }
        await card.fact('1.8', true);
        await page.getByTestId('export-copied').waitFor({ state: 'detached' });
        await card.expectSummary({ total: '2 из 23' });
        await expectSaved(card);
        await page.reload();
        await card.expectSummary({ total: '2 из 23' });
        assert.equal(await page.getByTestId('copied').count(), 0);
    }));

test('corrupt data under the app keys is kept aside and reported; the app still starts', () =>
    withCard(
        async (card) => {
            const { page } = card;
            await page.getByTestId('notices').filter({ hasText: 'Сохранённые данные повреждены и не читаются.' }).waitFor();
            const aside = await page.evaluate(() => localStorage.getItem('profkarta/unreadable/broken'));
            assert.equal(aside, '{"schema":1,"id":"broken", обрыв');
            const raw = await downloadText(page, () =>
                page.getByTestId('notices').getByRole('button', { name: 'Скачать исходный текст' }).click());
            assert.equal(raw.text, aside);
            await card.expectSummary({ total: '0 из 23' });
            // A reload may open the page scrolled far below the notice: the
            // summary, always in sight, leads to it.
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
            await page.getByTestId('summary-kept-aside').getByRole('link').click();
            await page.waitForFunction(() => {
                const r = document.getElementById('notice-0').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;
            });
            // The focus goes there too: Tab goes on to the notice's buttons.
            await page.waitForFunction(() => document.activeElement?.id === 'notice-0');

            // The notice dismissed and the page reloaded, the text is still
            // reachable under the drafts until the school deletes it.
            await page.getByTestId('notices').getByRole('button', { name: 'Скрыть' }).click();
            // The last message hidden, the focus goes to the page's heading.
            await page.waitForFunction(() => document.activeElement?.id === 'page-title');
            assert.equal(await page.getByTestId('summary-kept-aside').count(), 0);
            await page.reload();
            await card.expectSummary({ total: '0 из 23' });
            await page.getByRole('button', { name: /Мои черновики/ }).click();
            await expectKeptAside(page, { label: 'Запись 1 (черновик): 32 символа', text: aside, key: 'profkarta/unreadable/broken' });
        },
        {
            initScript: () => {
                if (!sessionStorage.getItem('seeded')) {
                    sessionStorage.setItem('seeded', '1');
                    localStorage.setItem('profkarta/draft/broken', '{"schema":1,"id":"broken", обрыв');
                }
            },
        },
    ));

test('a damaged key is not silently replaced: the export asks before signing with a new one', () =>
    withCard(
        async (card) => {
            const { page } = card;
            // The key this browser keeps, not a file the user chose.
            await page.getByTestId('notices').filter({ hasText: 'Ключ подписи, сохранённый в браузере, повреждён и не читается.' }).waitFor();
            await page.getByTestId('key-damaged').filter({ hasText: 'иначе выгрузки будут подписаны новым ключом, незнакомым отделу образования' }).waitFor();
            await fillSchool(card);
            await page.getByLabel(/Выгрузить всё равно/).check();
            // Declined: nothing is signed or handed over, the old key can still be restored.
            const declined = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
            await page.getByTestId('export-button').click();
            assert.match(await declined, /^Сохранённый ключ подписи этого браузера повреждён\. Подписать новым ключом\?/);
            assert.equal(await page.getByTestId('export-result').count(), 0);
            assert.equal(await page.getByTestId('fingerprint').count(), 0);
            // Agreed: signed with a new key, and the warning gives way to its fingerprint.
            page.once('dialog', (d) => d.accept());
            const file = await downloadText(page, () => page.getByTestId('export-button').click());
            assert.ok(JSON.parse(file.text).payload);
            await page.getByTestId('fingerprint').waitFor();
            assert.equal(await page.getByTestId('key-damaged').count(), 0);
        },
        {
            initScript: () => {
                if (!sessionStorage.getItem('seeded')) {
                    sessionStorage.setItem('seeded', '1');
                    localStorage.setItem('profkarta/key', '{"это не ключ": true}');
                }
            },
        },
    ));

test('a full storage keeps the draft in memory, warns, and offers a backup that loads back', async () => {
    let backup;
    await withCard(
        async (card) => {
            await fillSchool(card);
            await card.share('1.1', '30', '100');
            await card.page.getByTestId('storage-failed').filter({ hasText: 'Хранилище браузера переполнено.' }).waitFor();
            await card.expectSummary({ total: '1 из 23' });
            // Said in the summary too, in sight wherever the school types,
            // and still said while it types on.
            await card.page.getByTestId('summary-unsaved').getByRole('link', { name: 'Черновик не сохранён в браузере: что делать — вверху страницы' }).press('Enter');
            // The focus follows the link to the warning.
            await card.page.waitForFunction(() => document.activeElement?.id === 'storage-failed');
            assert.match(await card.page.getByTestId('total-bar').textContent(), / · не сохранено$/);
            await card.fact('1.6', true);
            assert.equal(await card.page.getByTestId('storage-failed').count(), 1, 'the warning stays while typing');
            await card.expectSummary({ total: '2 из 23' });
            await card.fact('1.6', false);
            await card.expectSummary({ total: '1 из 23' });
            // Another draft would take its place: asked first, and «Отмена»
            // stays with it.
            const question = new Promise((resolve) => card.page.once('dialog', (dialog) => {
                resolve(dialog.message());
                dialog.dismiss();
            }));
            await card.page.getByRole('button', { name: 'Новая карта' }).click();
            assert.match(await question, /^Последние изменения этого черновика не сохранены в браузере\. Хранилище браузера переполнено\./);
            await card.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
            await card.expectSummary({ total: '1 из 23' });
            await card.expectText('draft-title', 'МАОУ СОШ № 7 · 2025/2026');
            backup = await downloadText(card.page, () =>
                card.page.getByTestId('storage-failed').getByRole('button', { name: 'Скачать резервную копию' }).click());
            assert.match(backup.name, /^profkarta_черновик_МАОУ_СОШ_7_2025-2026\.json$/);
            // Another tab writing this draft now does not replace what only
            // this tab has: the choice is asked, the answers stay.
            await card.page.evaluate((text) => {
                const theirs = JSON.parse(text);
                theirs.revision += 1;
                theirs.draft.answers = {};
                window.dispatchEvent(new StorageEvent('storage', {
                    key: `profkarta/draft/${theirs.id}`,
                    newValue: JSON.stringify(theirs),
                }));
            }, backup.text);
            await card.page.getByTestId('conflict').waitFor();
            await card.expectSummary({ total: '1 из 23' });
            // The typing lives only in this tab: the browser asks before closing it.
            const asked = new Promise((resolve) => card.page.once('dialog', (dialog) => {
                resolve(dialog.type());
                dialog.dismiss();
            }));
            await card.page.close({ runBeforeUnload: true });
            assert.equal(await asked, 'beforeunload');
            await card.expectSummary({ total: '1 из 23' });
        },
        { initScript: fillStorage },
    );
    const file = join(ARTIFACTS, backup.name);
    await writeFile(file, backup.text);
    await withCard(async (card) => {
        await card.page.locator('#open-file').setInputFiles(file);
        await card.expectSummary({ total: '1 из 23' });
        assert.equal(await card.page.getByLabel('Полное наименование ОО').inputValue(), 'МАОУ СОШ № 7');
        await expectSaved(card);
    });
});

test('a signing key storage refused is written once there is room', () =>
    withCard(
        async (card) => {
            const { page } = card;
            await fillSchool(card);
            await page.getByLabel(/Выгрузить всё равно/).check();
            const file = await downloadText(page, () => page.getByTestId('export-button').click());
            const signed = JSON.parse(file.text);
            await page.getByTestId('notices').filter({ hasText: 'Ключ подписи не сохранён в браузере: Хранилище браузера переполнено.' }).waitFor();
            assert.equal(await page.evaluate(() => localStorage.getItem('profkarta/key')), null);
            // Room again; the page hidden a moment (another window): the key
            // is written and said so, and it is the key that signed.
            await page.evaluate(() => {
                for (const key of Object.keys(localStorage).filter((k) => k.startsWith('filler'))) localStorage.removeItem(key);
                document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
            });
            await page.getByTestId('notices').filter({ hasText: 'Ключ подписи сохранён в браузере: место в хранилище освободилось.' }).waitFor();
            const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('profkarta/key')));
            assert.equal(kept.public_key, signed.signature.public_key);
        },
        { initScript: fillStorage },
    ));

test('two tabs on one draft never overwrite each other silently', () =>
    withCard(async (card, context) => {
        await fillSchool(card);
        await expectSaved(card);
        const other = new CardPage((await openPage(context, app.server.url)).page);
        await other.expectText('draft-title', 'МАОУ СОШ № 7 · 2025/2026');

        // A saves while B has nothing pending: B quietly takes A's version.
        await card.fact('1.6', true);
        await expectSaved(card);
        await other.expectPoints('1.6', '1 балл из 1');

        // B is typing (autosave pending) when A saves another indicator: B
        // keeps both changes and saves them, and A takes them. A's change and
        // its save on closing happen in one step, well inside B's half-second
        // wait, so the order does not depend on the machine's speed. Between
        // the two the page's pending work runs, as it does before a real tab
        // closes.
        const saveInA = (id) => card.page.evaluate(async (id) => {
            document.getElementById(id).click();
            await new Promise((done) => setTimeout(done, 0));
            window.dispatchEvent(new Event('pagehide'));
        }, id);
        await other.fact('1.8', true);
        await saveInA('ind-2-1-fact-yes');
        await other.page.getByTestId('notices').filter({ hasText: 'Черновик изменён и в другой вкладке: изменения обеих вкладок объединены.' }).waitFor();
        await other.expectPoints('2.1', '1 балл из 1');
        await other.expectPoints('1.8', '1 балл из 1');
        await expectSaved(other);
        await card.expectPoints('1.8', '1 балл из 1');
        await card.expectPoints('2.1', '1 балл из 1');
        assert.equal(await other.page.getByTestId('conflict').count(), 0);

        // The same indicator answered both ways: B stops and asks, and says why.
        await other.fact('3.1', true);
        await saveInA('ind-3-1-fact-no');
        await other.page.getByTestId('conflict').waitFor();
        assert.equal(await other.page.getByTestId('conflict-why').innerText(),
            'В обеих вкладках по-разному изменено: показатель 3.1. Выберите, какую версию оставить.');
        // Another draft in B would lose B's change: asked first.
        const asked = new Promise((resolve) => other.page.once('dialog', (dialog) => {
            resolve(dialog.message());
            dialog.dismiss();
        }));
        await other.page.getByRole('button', { name: 'Новая карта' }).click();
        assert.match(await asked, /^Изменения в этой вкладке не сохранены: черновик изменён в другой вкладке\./);
        await other.page.getByTestId('conflict').waitFor();
        await other.page.getByRole('button', { name: 'Загрузить сохранённую версию' }).click();
        // The notice gone with the choice, the focus goes to the heading.
        await other.page.waitForFunction(() => document.activeElement?.id === 'page-title');
        await other.expectPoints('3.1', '0 баллов из 1');
        await other.expectPoints('1.8', '1 балл из 1');

        // The stored version cut in half in A while B is typing: B cannot
        // load it, keeps its own, saves it in its place and keeps the broken
        // text aside. «Сохранено» over the broken text lost the draft at
        // the next reload.
        const key = await card.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/')));
        await other.fact('1.8', false);
        const broken = await card.page.evaluate((k) => {
            const text = localStorage.getItem(k);
            localStorage.setItem(k, text.slice(0, Math.floor(text.length / 2)));
            return localStorage.getItem(k);
        }, key);
        await other.page.getByTestId('conflict').waitFor();
        await other.page.getByRole('button', { name: 'Загрузить сохранённую версию' }).click();
        const notices = other.page.getByTestId('notices');
        await notices.filter({ hasText: 'Сохранённую версию черновика прочитать нельзя: её изменили в другой вкладке или вне приложения. Сохранённые данные повреждены и не читаются. Исходный текст сохранён отдельно' }).waitFor();
        await notices.filter({ hasText: 'Версию черновика из другой вкладки загрузить нельзя. Оставлена версия из этой вкладки, она сохранена.' }).waitFor();
        await other.page.getByTestId('summary-kept-aside').waitFor();
        await expectSaved(other);
        const stored = JSON.parse(await other.page.evaluate((k) => localStorage.getItem(k), key));
        assert.equal(stored.draft.answers['1.8']?.fact, false, 'this tab\'s change, made after the stored text broke, is stored');
        await other.page.reload();
        await other.expectPoints('1.8', '0 баллов из 1');
        await other.expectPoints('2.1', '1 балл из 1');
        await other.page.getByRole('button', { name: /Мои черновики/ }).click();
        const n = [...broken].length;
        const noun = n % 10 === 1 && n % 100 !== 11 ? 'символ' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'символа' : 'символов';
        // Named by what is left whole of its school and year.
        const whole = (field, value) => broken.includes(`"${field}":"${value}"`);
        const title = !whole('name', 'МАОУ СОШ № 7') ? ''
            : whole('period', '2025/2026') ? ' «МАОУ СОШ № 7 · 2025/2026»' : ' «МАОУ СОШ № 7»';
        const aside = `profkarta/unreadable/${key.split('/').at(-1)}`;
        await expectKeptAside(other.page, { label: `Запись 1 (черновик${title}): ${n} ${noun}`, text: broken, key: aside });

        // Cut short after the profile while no tab writes it: the notice of
        // the next visit and the list name it from what is left (a school
        // could not tell which of its years was gone).
        await card.page.close();
        const cut = await other.page.evaluate((k) => {
            const text = localStorage.getItem(k);
            localStorage.setItem(k, text.slice(0, text.indexOf('"answers"')));
            return localStorage.getItem(k);
        }, key);
        await other.page.reload();
        await other.page.getByTestId('notices').filter({ hasText: 'Черновик «МАОУ СОШ № 7 · 2025/2026» не открыт. Сохранённые данные повреждены и не читаются. Исходный текст сохранён отдельно' }).waitFor();
        await other.page.getByRole('button', { name: /Мои черновики/ }).click();
        const m = [...cut].length;
        const nounOfCut = m % 10 === 1 && m % 100 !== 11 ? 'символ' : [2, 3, 4].includes(m % 10) && ![12, 13, 14].includes(m % 100) ? 'символа' : 'символов';
        await expectKeptAside(other.page, { label: `Запись 1 (черновик «МАОУ СОШ № 7 · 2025/2026»): ${m} ${nounOfCut}`, text: cut, key: aside });
    }));

test('a draft deleted in another tab is said to be deleted, and this tab can keep it', () =>
    withCard(async (card, context) => {
        await fillSchool(card);
        await card.fact('1.6', true);
        await expectSaved(card);
        const other = (await openPage(context, app.server.url)).page;
        await other.getByRole('button', { name: 'Новая карта' }).click();
        await other.getByRole('button', { name: /Мои черновики/ }).click();
        other.once('dialog', (d) => d.accept());
        await other.getByTestId('draft-list').getByRole('button', { name: 'Удалить черновик «МАОУ СОШ № 7 · 2025/2026»' }).click();
        // Only this tab's version is left: no stored one to load (a
        // walk-through was told «изменён» and offered one).
        const conflict = card.page.getByTestId('conflict');
        await conflict.filter({ hasText: 'Черновик удалён в другой вкладке или окне. Автосохранение здесь приостановлено. Если черновик нужен, сохраните версию из этой вкладки или скачайте её.' }).waitFor();
        assert.equal(await conflict.getByRole('button', { name: 'Загрузить сохранённую версию' }).count(), 0);
        await card.expectText('save-status', 'Автосохранение приостановлено: черновик удалён в другой вкладке.');
        await conflict.getByRole('button', { name: 'Сохранить версию из этой вкладки' }).click();
        await expectSaved(card);
        await conflict.waitFor({ state: 'detached' });
        // Stored again (the other tab opens its new card after a reload).
        const kept = await card.page.evaluate(() => Object.keys(localStorage)
            .filter((k) => k.startsWith('profkarta/draft/'))
            .map((k) => JSON.parse(localStorage.getItem(k)).draft)
            .filter((d) => d.profile.name === 'МАОУ СОШ № 7'));
        assert.equal(kept.length, 1);
        assert.equal(kept[0].answers['1.6'].fact, true);
    }));

async function runVerify(file) {
    try {
        const { stdout } = await promisify(execFile)(VERIFY, [file]);
        return { ok: true, stdout };
    } catch (e) {
        return { ok: false, stdout: e.stdout };
    }
}

test('export: completeness check, signed file verified outside the browser, corrected export', async () => {
    const first = join(ARTIFACTS, 'export-first.json');
    let firstId;
    await withCard(async (card) => {
        const { page } = card;
        const button = page.getByTestId('export-button');
        assert.equal(await button.getAttribute('aria-disabled'), 'true', 'no export without the school profile');
        await page.getByTestId('export-profile-problems').waitFor();
        // Beside the grey button, why it is grey; it stays in Tab's way,
        // and pressed it takes the keyboard to the first field missing.
        await card.expectText('export-blocked', 'Выгрузка станет возможна, когда сведения об ОО будут заполнены верно (список — выше). Пока кнопка ведёт к первому из этих полей.');
        const firstMissing = await page.getByTestId('export-profile-problems').getByRole('link').first().getAttribute('href');
        await button.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction((id) => `#${document.activeElement?.id}` === id, firstMissing);
        // The field the keyboard arrives at says what is wrong with it.
        const arrived = page.locator(firstMissing);
        assert.equal(await arrived.getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator(`${firstMissing}-error`).innerText(), 'Обязательное поле.');
        await fillSchool(card);
        // Then what is left is the card's own cautions, to confirm.
        await card.expectText('export-blocked', 'Выгрузка станет возможна, когда вы исправите названное выше или отметите «Выгрузить всё равно». Пока кнопка ведёт к этой отметке.');
        await card.share('1.1', '30', '100');
        await card.field('1.1', 'evidence', 'https://school7.ru/proforientatsiya');
        await card.fact('1.6', true);
        await card.share('4.1', '11', '56');
        await card.expectText('incomplete-evidence', 'Баллы без ссылок на подтверждение: 1.6');
        // The code leads straight to the links field to fill.
        await page.getByTestId('incomplete-evidence').getByRole('link', { name: '1.6' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'ind-1-6-evidence');
        assert.equal(await button.getAttribute('aria-disabled'), 'true', 'incomplete card needs confirmation');
        await card.expectText('export-blocked', 'Выгрузка станет возможна, когда вы исправите названное выше или отметите «Выгрузить всё равно». Пока кнопка ведёт к этой отметке.');
        await button.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'export-anyway');
        await page.keyboard.press('Space');
        await card.expectText('export-blocked', '');
        const file = await downloadText(page, () => button.click());
        assert.equal(file.name, 'profkarta_МАОУ_СОШ_7_2025-2026.json');
        await writeFile(first, file.text);
        await page.getByTestId('export-result').filter({ hasText: 'подпись проверена' }).waitFor();
        const fingerprint = (await page.getByTestId('fingerprint').textContent()).trim();

        const { ok, stdout } = await runVerify(first);
        assert.ok(ok, stdout);
        assert.match(stdout, /^signature: ok$/m);
        assert.match(stdout, new RegExp(`^fingerprint: ${fingerprint}$`, 'm'));
        assert.match(stdout, /^school: МАОУ СОШ № 7$/m);
        // 1.1 (30 of 100) and 1.6: 2 of 23, low; 4.1 (11 of 56) misses 20%.
        assert.match(stdout, /^claimed: 2 of 23, level low$/m);
        assert.match(stdout, /^recomputed: 2 of 23, level low$/m);
        assert.match(stdout, /^without_evidence: 1\.6$/m);
        firstId = stdout.match(/^submission: (\w+)$/m)[1];
    });

    // Altered after export: the project's verifier refuses it.
    const altered = join(ARTIFACTS, 'export-altered.json');
    await writeFile(altered, (await readFile(first, 'utf8')).replace('"numerator": "30"', '"numerator": "90"'));
    const refused = await runVerify(altered);
    assert.equal(refused.ok, false);
    assert.match(refused.stdout, /verdict: refused: Подпись не совпадает с содержимым/);

    // On another day: load the export back, correct it, export again.
    // Saved again in Notepad as «ANSI» (Windows-1251) its letters change,
    // and a copy cut short stops half-way: each is named so, in the words
    // the department's import uses. As Notepad's «Юникод» (UTF-16) it is
    // the same file, and opens.
    const text = await readFile(first, 'utf8');
    const copies = {
        'export-ansi.json': Buffer.from([...text].map((c) => Math.min(c.charCodeAt(0), 0xC0))),
        'export-half.json': text.slice(0, text.length / 2),
        'export-utf16.json': Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(text, 'utf16le')]),
    };
    for (const [name, bytes] of Object.entries(copies)) await writeFile(join(ARTIFACTS, name), bytes);
    await withCard(async (card) => {
        const { page } = card;
        await page.locator('#open-file').setInputFiles(join(ARTIFACTS, 'export-ansi.json'));
        await page.getByTestId('notices').filter({
            hasText: 'Файл «export-ansi.json» не открыт. Буквы в файле не читаются в кодировке UTF-8, в которой его сохраняет Профкарта: файл пересохранён в другой кодировке или повреждён. Откройте исходный файл, сохранённый Профкартой.',
        }).waitFor();
        await page.locator('#open-file').setInputFiles(join(ARTIFACTS, 'export-half.json'));
        await page.getByTestId('notices').filter({
            hasText: 'Файл «export-half.json» не открыт. Файл обрывается, не дойдя до конца: вероятно, он скачан или скопирован не полностью. Откройте полную копию.',
        }).waitFor();
        await card.expectSummary({ total: '0 из 23' });
        await page.locator('#open-file').setInputFiles(join(ARTIFACTS, 'export-utf16.json'));
        await page.getByTestId('notices').filter({ hasText: 'открыта для исправления' }).waitFor();
        // Exported in another browser: its key is not this one, said
        // before the export, with what to do.
        const signedBy = JSON.parse(text).signature.fingerprint;
        assert.ok(signedBy);
        const ours = await page.getByTestId('fingerprint').count() ? await page.getByTestId('fingerprint').innerText() : null;
        assert.notEqual(signedBy, ours);
        await page.getByTestId('export-other-key').filter({
            hasText: `Прежняя выгрузка подписана ключом ${signedBy}, а новая будет подписана ${ours ? `ключом этого браузера ${ours}` : 'новым ключом, который браузер создаст при выгрузке'}. Отдел примет её после решения о новом ключе. Если ключ школы сохранён в файле, восстановите его ниже («Восстановить ключ из файла…») до выгрузки.`,
        }).waitFor();
        // The two refusals are drawn as such, the opened file is not.
        const drawn = await page.getByTestId('notices').locator('li').evaluateAll((items) => items.map((li) => li.classList.contains('notice-problem')));
        assert.deepEqual(drawn, [true, true, false]);
        await card.expectSummary({ total: '2 из 23' });
        // Opened again while nothing changed: the same draft, not a copy.
        const drafts = page.getByRole('button', { name: /^Мои черновики/ });
        const listed = await drafts.innerText();
        await page.locator('#open-file').setInputFiles(first);
        await page.getByTestId('notices').filter({ hasText: 'после выгрузки он не менялся: открыт этот черновик, копия не создана.' }).waitFor();
        assert.equal(await drafts.innerText(), listed);
        await card.field('4.1', 'numerator', '12');
        await card.expectSummary({ total: '3 из 23' });
        await page.getByLabel(/Выгрузить всё равно/).check();
        const file = await downloadText(page, () => page.getByTestId('export-button').click());
        const second = join(ARTIFACTS, 'export-second.json');
        await writeFile(second, file.text);
        const { ok, stdout } = await runVerify(second);
        assert.ok(ok, stdout);
        assert.match(stdout, /^claimed: 3 of 23, level low$/m);
        assert.match(stdout, new RegExp(`^replaces: ${firstId}$`, 'm'));

        // The first file picked again, a year later, by mistake: a copy of
        // it would correct it, not the second, and the department counts
        // the later. Asked first; «Отмена» opens nothing.
        const question = new Promise((resolve) => page.once('dialog', (dialog) => {
            resolve(dialog.message());
            dialog.dismiss();
        }));
        await page.locator('#open-file').setInputFiles(first);
        assert.equal(await question, 'В черновике «МАОУ СОШ № 7 · 2025/2026» уже есть другая выгрузка этой карты за этот год. Исправление, выгруженное из копии «export-first.json», заменит в отделе именно этот файл, а не выгрузку того черновика, и учтена будет выгрузка, сделанная позже. Открыть «export-first.json» отдельным черновиком?');
        await card.expectSummary({ total: '3 из 23' });
        assert.equal(await drafts.innerText(), listed);

        // Moved to another year, the draft makes a file of its own: it is
        // said, and the file replaces nothing (the department keeps both).
        assert.equal(await page.getByTestId('export-other-year').count(), 0);
        await page.getByLabel('Отчётный период (учебный год)').fill('2024/2025');
        await page.getByTestId('export-other-year').filter({
            hasText: 'Файл, выгруженный из этого черновика, — за 2025/2026 учебный год. Теперь в карте другой год',
        }).waitFor();
        assert.equal(await page.getByTestId('export-stale').count(), 0, 'not a correction to send');
        const third = join(ARTIFACTS, 'export-other-year.json');
        await writeFile(third, (await downloadText(page, () => page.getByTestId('export-button').click())).text);
        const other = await runVerify(third);
        assert.ok(other.ok, other.stdout);
        assert.match(other.stdout, /^period: 2024\/2025$/m);
        assert.doesNotMatch(other.stdout, /^replaces:/m);
        await page.getByTestId('export-other-year').waitFor({ state: 'detached' });

        // No draft of 2025/2026 holds an export now: the first file opens
        // without a question, and its correction replaces it a second time.
        await page.locator('#open-file').setInputFiles(first);
        await page.getByTestId('notices').filter({ hasText: 'Выгрузка «export-first.json» открыта для исправления' }).waitFor();
        await page.getByLabel(/Выгрузить всё равно/).check();
        const again = join(ARTIFACTS, 'export-first-again.json');
        await writeFile(again, (await downloadText(page, () => page.getByTestId('export-button').click())).text);
        assert.match((await runVerify(again)).stdout, new RegExp(`^replaces: ${firstId}$`, 'm'));
    });
    // The department counts the later of the two corrections and says so
    // on the school's review.
    const { context, page } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await page.locator('#import-files').setInputFiles([first, join(ARTIFACTS, 'export-second.json'), join(ARTIFACTS, 'export-first-again.json')]);
        // The corrections were signed in another browser: its key taken.
        await page.getByTestId('import-summary').filter({ hasText: 'Файлов: 3. Принято: 1. Ждут решения: 2.' }).waitFor();
        await page.getByTestId('held-keys').getByRole('button', { name: /Принять новый ключ/ }).click();
        await page.getByTestId('held-keys').waitFor({ state: 'detached' });
        // Said, not only gone.
        await page.getByTestId('notices').locator('li > span').filter({ hasText: /^Ключ [0-9A-F-]+ школы «.+» принят; её файлы с этим ключом \(файлов: 2\) приняты\.$/ }).waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const rival = await page.getByTestId('review-rival').innerText();
        assert.match(rival, /^Школа исправила одну и ту же прежнюю выгрузку дважды: эта выгрузка и «export-second\.json» \(от \d\d\.\d\d\.\d{4}\) обе заменяют её; учтена эта, сделанная позже\./);
        assert.ok((await page.getByTestId('review').locator('p.meta').first().innerText()).endsWith('файл «export-first-again.json»'));
    } finally {
        await context.close();
    }
});

test('the key backup restores the same signing key in another browser', async () => {
    const keyFile = join(ARTIFACTS, 'key-backup.json');
    const draftFile = join(ARTIFACTS, 'draft-backup.json');
    const exportFile = join(ARTIFACTS, 'key-backup-export.json');
    let fingerprint;
    await withCard(async (card) => {
        await fillSchool(card);
        await card.page.getByLabel(/Выгрузить всё равно/).check();
        await writeFile(exportFile, (await downloadText(card.page, () => card.page.getByTestId('export-button').click())).text);
        await writeFile(draftFile, (await downloadText(card.page, () => card.page.getByRole('button', { name: 'Скачать резервную копию' }).click())).text);
        fingerprint = (await card.page.getByTestId('fingerprint').textContent()).trim();
        const key = await downloadText(card.page, () =>
            card.page.getByRole('button', { name: 'Скачать файл ключа' }).click());
        await writeFile(keyFile, key.text);
    });
    await withCard(async (card) => {
        // Picked in «Открыть файл…» by mistake: sent to the right button.
        await card.page.locator('#open-file').setInputFiles(keyFile);
        await card.page.getByTestId('notices').filter({
            hasText: 'Файл «key-backup.json» не открыт. Это резервная копия ключа подписи. Её открывает кнопка «Восстановить ключ из файла…» в разделе выгрузки.',
        }).waitFor();
        // A copy cut short, picked at the bottom of the page: the reason,
        // in the messages at the top, is brought into view.
        const half = join(ARTIFACTS, 'key-backup-half.json');
        const text = await readFile(keyFile, 'utf8');
        await writeFile(half, text.slice(0, text.length / 2));
        await card.page.locator('#restore-key').scrollIntoViewIfNeeded();
        await card.page.locator('#restore-key').setInputFiles(half);
        const said = card.page.getByTestId('notices').locator('li', {
            hasText: 'Файл «key-backup-half.json» не открыт. Файл обрывается, не дойдя до конца',
        });
        await said.waitFor();
        await card.page.waitForFunction((li) => {
            const box = li.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
        }, await said.elementHandle());
        await card.page.locator('#restore-key').setInputFiles(keyFile);
        await card.expectText('fingerprint', fingerprint);
        // The same file again: read first, nothing to replace, not asked.
        const asked = [];
        card.page.on('dialog', (dialog) => {
            asked.push(dialog.message());
            dialog.dismiss();
        });
        await card.page.locator('#restore-key').setInputFiles([]);
        await card.page.locator('#restore-key').setInputFiles(keyFile);
        const same = card.page.getByTestId('notices').locator('li', { hasText: `В файле тот же ключ, что уже в этом браузере: ${fingerprint}.` });
        await same.waitFor();
        assert.deepEqual(asked, []);
        // Said again, the message is not added twice: it moves to the end.
        const before = await card.page.getByTestId('notices').locator('li').count();
        await card.page.locator('#restore-key').setInputFiles([]);
        await card.page.locator('#restore-key').setInputFiles(keyFile);
        await card.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="notices"] li')].at(-1)?.textContent.includes('В файле тот же ключ'));
        assert.equal(await same.count(), 1);
        assert.equal(await card.page.getByTestId('notices').locator('li').count(), before);
    });
    // The department's page does not take the school's key as its own.
    const { context, page } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await page.getByRole('tab', { name: 'Карты' }).click();
        await page.locator('#restore-department-key').setInputFiles(keyFile);
        await page.getByTestId('notices').getByText('Файл «key-backup.json» не открыт. Это ключ подписи школы: им подписываются выгрузки школы, и восстанавливают его на странице школы, не отдела.').waitFor();
        // Sent with the export, or in its place: the key backup and the
        // draft backup are named for what they are, the export is taken.
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        await page.locator('#import-files').setInputFiles([keyFile, draftFile, exportFile]);
        await page.getByTestId('import-summary').filter({ hasText: 'Файлов: 3. Принято: 1.' }).waitFor();
        const why = (name) => page.getByTestId('verdicts').locator('tbody tr[data-verdict="not_submission"]', { hasText: name }).locator('td').nth(2).innerText();
        assert.ok((await why('key-backup.json')).startsWith('Это резервная копия ключа подписи, а не выгрузка карты. В ней секретный ключ, которым подписываются выгрузки: владелец хранит её у себя и никому не пересылает, а у вас этот файл лучше удалить.'));
        const draft = await why('draft-backup.json');
        assert.ok(draft.startsWith('Это черновик карты (резервная копия из браузера школы), а не выгрузка: у черновика нет подписи, и отдел его не принимает.'), draft);
        assert.ok(draft.endsWith('В файле указана школа: МАОУ СОШ № 7, 2025/2026 учебный год.'), draft);
    } finally {
        await context.close();
    }
});

test('two schools\' cards signed in one browser are counted, and the department is told they share a key; a school renamed in its correction counts once', async () => {
    const files = [];
    let fingerprint;
    await withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await page.getByLabel(/Выгрузить всё равно/).check();
        const exported = async () => {
            const file = await downloadText(page, () => page.getByTestId('export-button').click());
            const path = join(ARTIFACTS, `shared-key-${files.length}.json`);
            await writeFile(path, file.text);
            files.push(path);
        };
        await exported();
        // Another school's card made from this draft: asked, and told apart.
        await card.profile('Полное наименование ОО', 'МБОУ ООШ № 12');
        const renamed = page.getByTestId('export-renamed');
        assert.equal(await renamed.locator('legend').innerText(),
            'После прошлой выгрузки изменилось наименование школы: было «МАОУ СОШ № 7», теперь «МБОУ ООШ № 12». Это та же школа?');
        await card.expectText('export-blocked', 'Выгрузка станет возможна, когда вы ответите, та же ли это школа (выше). Пока кнопка ведёт к этому вопросу.');
        await page.getByTestId('export-button').press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'export-same-school');
        await page.getByLabel(/^Нет, это другая школа/).check();
        await exported();
        // The same school renamed: its correction replaces its file.
        await card.profile('Полное наименование ОО', 'МБОУ Гимназия № 12');
        await page.getByLabel(/^Да, школа сменила наименование/).check();
        await exported();
        assert.equal(await renamed.count(), 0, 'asked once per name');
        fingerprint = (await page.getByTestId('fingerprint').textContent()).trim();
    });
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await page.locator('#import-files').setInputFiles(files[0]);
        await page.getByTestId('import-summary').filter({ hasText: 'Принято: 1.' }).waitFor();
        assert.equal(await page.getByTestId('shared-keys').count(), 0, 'one school, nothing to say');
        await page.locator('#import-files').setInputFiles(files.slice(1));
        await page.getByTestId('import-summary').filter({ hasText: 'Принято: 3' }).waitFor();
        const shared = page.getByTestId('shared-keys');
        await shared.getByRole('heading', { name: 'Один ключ подписи у нескольких школ' }).waitFor();
        assert.match(await shared.locator('li').innerText(),
            new RegExp(`^Ключ ${fingerprint}: («МАОУ СОШ № 7», «МБОУ Гимназия № 12»|«МБОУ Гимназия № 12», «МАОУ СОШ № 7»)\\.$`));
        const verdict = (file) => page.getByTestId('verdicts').locator('tbody tr', { has: page.getByRole('cell', { name: file, exact: true }) });
        await page.getByRole('button', { name: /^Показать принятые файлы без замечаний/ }).click();
        assert.match(await verdict('shared-key-1.json').innerText(),
            /МБОУ ООШ № 12, 2025\/2026: заменён исправлением «shared-key-2\.json», в котором школа указала наименование «МБОУ Гимназия № 12»\./);
        assert.match(await verdict('shared-key-2.json').innerText(),
            /Исправляет файл «shared-key-1\.json» школы «МБОУ ООШ № 12»: школа сменила наименование, учитывается этот файл\./);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('print view: A4, values, signature lines, no screen controls', () =>
    withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await card.share('1.1', '30', '100');
        await card.field('1.1', 'evidence', 'https://school7.ru/proforientatsiya');
        await card.fact('1.6', true);
        await page.getByLabel(/Выгрузить всё равно/).check();
        await downloadText(page, () => page.getByTestId('export-button').click());
        await page.emulateMedia({ media: 'print' });
        assert.ok(await page.locator('.print-footer').isVisible());
        assert.ok(await page.getByText(/Руководитель ОО/).isVisible());
        assert.ok(!(await page.locator('.draft-bar').isVisible()));
        assert.ok(!(await page.getByTestId('export-button').isVisible()));
        await page.screenshot({ path: join(ARTIFACTS, 'print-view.png'), fullPage: true });
        await page.pdf({ path: join(ARTIFACTS, 'print-view.pdf'), format: 'A4' });
        // Every sheet's foot names the school and year (an @page margin box
        // put into the stylesheet as the print opens), beside its number.
        const rules = await pageRules(page);
        assert.match(rules, /@bottom-left \{ content: "МАОУ СОШ № 7 · 2025\/2026"; \}/);
        assert.match(rules, /@bottom-right \{[^}]*content: "стр\. " counter\(page\) " из " counter\(pages\)/);
        const keyLine = page.locator('.print-footer .muted');
        assert.match(await keyLine.innerText(), /^Отпечаток ключа электронной подписи выгрузки: [0-9A-F]{4}-/);

        // Changed after the export: the paper and the screen say the
        // department's file is the earlier one; undone, they agree again.
        await page.emulateMedia({ media: 'screen' });
        assert.equal(await page.getByTestId('export-stale').count(), 0);
        assert.equal(await page.getByTestId('export-result').count(), 1, 'the export said');
        await card.share('1.1', '10', '100');
        await page.getByTestId('export-stale').filter({ hasText: 'После выгрузки в карте есть изменения' }).waitFor();
        // The earlier file's «отправьте этот файл» is not left beside it.
        assert.equal(await page.getByTestId('export-result').count(), 0);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await keyLine.innerText(), 'Карта изменена после электронной выгрузки: выгрузите её заново, чтобы файл в отделе совпал с напечатанным.');
        await page.emulateMedia({ media: 'screen' });
        await card.share('1.1', '30', '100');
        await page.getByTestId('export-stale').waitFor({ state: 'detached' });
        await page.getByTestId('export-result').waitFor();
    }));

test('disabled storage (private mode, policy): typing still counts, a warning and a backup', () =>
    withCard(
        async (card) => {
            await fillSchool(card);
            await card.share('1.1', '30', '100');
            await card.expectSummary({ total: '1 из 23' });
            await card.page.getByTestId('storage-failed').waitFor();
            const backup = await downloadText(card.page, () =>
                card.page.getByTestId('storage-failed').getByRole('button', { name: 'Скачать резервную копию' }).click());
            assert.match(backup.text, /"numerator": ?"30"/);
        },
        {
            initScript: () => {
                Object.defineProperty(window, 'localStorage', {
                    get() {
                        throw new DOMException('Хранилище отключено', 'SecurityError');
                    },
                });
            },
        },
    ));

test('a draft saved by a newer app version is left untouched and reported', () =>
    withCard(
        async (card) => {
            await card.page.getByTestId('notices').filter({ hasText: 'более новой версией приложения' }).waitFor();
            await fillSchool(card);
            await card.share('1.1', '30', '100');
            await expectSaved(card);
            const kept = await card.page.evaluate(() => localStorage.getItem('profkarta/draft/future'));
            assert.equal(kept, '{"schema":99,"id":"future","draft":{"from":"the future"}}');
        },
        {
            initScript: () => {
                if (!sessionStorage.getItem('seeded')) {
                    sessionStorage.setItem('seeded', '1');
                    localStorage.setItem('profkarta/draft/future', '{"schema":99,"id":"future","draft":{"from":"the future"}}');
                }
            },
        },
    ));

test('a draft of a card this browser does not have is neither shown on another card nor exported', async () => {
    const file = join(ARTIFACTS, 'draft-of-kirov-card.json');
    await withCard(async (card) => {
        await fillSchool(card);
        await card.fact('1.6', true);
        await expectSaved(card);
        const stored = await card.page.evaluate(() =>
            Object.entries(localStorage).find(([key]) => key.startsWith('profkarta/draft/'))[1]);
        // The same draft as a department's own card would have it: its
        // answers name that card's indicators.
        const foreign = JSON.parse(stored);
        foreign.card = 'kirov-okrug-2026';
        foreign.card_version = 2;
        foreign.draft.answers = { K1: foreign.draft.answers['1.6'] };
        await writeFile(file, JSON.stringify(foreign));
        await card.page.locator('#open-file').setInputFiles(file);
        await card.page.getByTestId('notices').filter({
            hasText: 'Файл «draft-of-kirov-card.json» не открыт. Он заполнен по карте «kirov-okrug-2026» (версия 2), которой в этом браузере нет.',
        }).waitFor();
        await card.expectPoints('1.6', '1 балл из 1');

        // Stored in this browser the same way (its card since removed), it
        // is shown on the first card, and cannot be signed as that one.
        await card.page.evaluate((text) => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/'));
            localStorage.setItem(key, text);
        }, JSON.stringify({ ...foreign, id: JSON.parse(stored).id }));
        await card.page.reload();
        await card.page.getByTestId('export-missing-card').filter({
            hasText: 'Выгрузка невозможна. Черновик заполнен по карте «kirov-okrug-2026» (версия 2)',
        }).waitFor();
        assert.equal(await card.page.getByTestId('export-button').getAttribute('aria-disabled'), 'true');
    });
});

test('a draft with a field this version does not read opens without it, and its text is kept aside', () =>
    withCard(async (card) => {
        await fillSchool(card);
        await card.fact('1.6', true);
        await expectSaved(card);
        const [key, text] = await card.page.evaluate(() =>
            Object.entries(localStorage).find(([k]) => k.startsWith('profkarta/draft/')));
        // A name damaged by hand (or written by a newer app).
        const damaged = text.replace('"answers"', '"answerz"');
        assert.notEqual(damaged, text);
        await card.page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, damaged]);
        await card.page.reload();
        await card.page.getByTestId('notices').filter({
            hasText: 'В черновике «МАОУ СОШ № 7 · 2025/2026» есть данные, которые эта версия приложения не читает («draft.answerz»): черновик открывается без них.',
        }).waitFor();
        await card.expectPoints('1.6', 'не заполнено');
        // Listed with the date it was saved, as any other draft.
        await card.page.getByRole('button', { name: /Мои черновики/ }).click();
        const listed = card.page.getByTestId('draft-list').getByRole('row', { name: /МАОУ СОШ № 7 · 2025\/2026/ });
        assert.match(await listed.locator('td').nth(1).innerText(), /\d\d:\d\d/);
        // The next save writes over the draft; the text as it was stays aside.
        await card.fact('1.8', true);
        await expectSaved(card);
        const aside = `profkarta/unreadable/${key.split('/').pop()}`;
        assert.equal(await card.page.evaluate((k) => localStorage.getItem(k), aside), damaged);
        // The same text as a backup file: opened without the field, and said.
        const file = join(ARTIFACTS, 'draft-with-unread-field.json');
        await writeFile(file, damaged);
        await card.page.locator('#open-file').setInputFiles(file);
        await card.page.getByTestId('notices').filter({
            hasText: '(«draft.answerz»): черновик открывается без них. Если страница давно не обновлялась, обновите её. Файл «draft-with-unread-field.json» не изменён.',
        }).waitFor();
    }));

test('an answer written twice by hand: the stored draft opens with the last value, said, its text kept aside; the file is refused', () =>
    withCard(async (card) => {
        await fillSchool(card);
        await card.share('1.1', '4', '40');
        await expectSaved(card);
        const [key, text] = await card.page.evaluate(() =>
            Object.entries(localStorage).find(([k]) => k.startsWith('profkarta/draft/')));
        const damaged = text.replace('"numerator":"4"', '"numerator":"40","numerator":"4"');
        assert.notEqual(damaged, text);
        await card.page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, damaged]);
        await card.page.reload();
        await card.page.getByTestId('notices').filter({
            hasText: 'В черновике «МАОУ СОШ № 7 · 2025/2026» поле «draft → answers → 1.1 → numerator» записано дважды (приложение так не сохраняет: текст, видимо, правили вручную). Черновик открыт с последним из значений — проверьте этот ответ.',
        }).waitFor();
        assert.equal(await card.page.locator('#ind-1-1-numerator').inputValue(), '4');
        await card.fact('1.6', true);
        await expectSaved(card);
        const aside = `profkarta/unreadable/${key.split('/').pop()}`;
        assert.equal(await card.page.evaluate((k) => localStorage.getItem(k), aside), damaged);
        // As a backup file, the same text is refused: which value counts is unclear.
        const file = join(ARTIFACTS, 'draft-with-answer-twice.json');
        await writeFile(file, damaged);
        await card.page.locator('#open-file').setInputFiles(file);
        await card.page.getByTestId('notices').filter({ hasText: '«draft-with-answer-twice.json»' })
            .filter({ hasText: 'Поле «draft → answers → 1.1 → numerator» записано в файле дважды' }).waitFor();
    }));

test('a value of the wrong kind in a stored draft costs only that value', () =>
    withCard(async (card) => {
        await fillSchool(card);
        await card.fact('1.6', true);
        await card.share('1.1', '12', '40');
        await expectSaved(card);
        const [key, text] = await card.page.evaluate(() =>
            Object.entries(localStorage).find(([k]) => k.startsWith('profkarta/draft/')));
        // A number typed by hand where the text of one belongs.
        const stored = JSON.parse(text);
        stored.draft.answers['1.1'].numerator = 12;
        const damaged = JSON.stringify(stored);
        await card.page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, damaged]);
        await card.page.reload();
        await card.page.getByTestId('notices').filter({
            hasText: 'В черновике «МАОУ СОШ № 7 · 2025/2026» есть данные, которые эта версия приложения не читает (показатель 1.1 — числитель): черновик открывается без них. Введите их заново.',
        }).waitFor();
        // The rest of the draft is there: 1.6, and 1.1's other field, which
        // now waits for its pair.
        await card.expectPoints('1.6', '1 балл из 1');
        await card.expectPoints('1.1', 'не учитывается');
        assert.equal(await card.page.locator('#ind-1-1-denominator').inputValue(), '40');
        assert.equal(await card.page.getByLabel('Полное наименование ОО').inputValue(), 'МАОУ СОШ № 7');
        // The text as it was stays aside once the draft is saved again.
        await card.share('1.1', '12', '40');
        await expectSaved(card);
        const aside = `profkarta/unreadable/${key.split('/').pop()}`;
        assert.equal(await card.page.evaluate((k) => localStorage.getItem(k), aside), damaged);
    }));

test('a draft whose unread text found no room aside is not saved over it until there is room', () =>
    withCard(async (card) => {
        const { page } = card;
        await fillSchool(card);
        await card.share('1.1', '12', '40');
        await expectSaved(card);
        const [key, text] = await page.evaluate(() =>
            Object.entries(localStorage).find(([k]) => k.startsWith('profkarta/draft/')));
        const stored = JSON.parse(text);
        stored.draft.answers['1.1'].numerator = 12;
        const damaged = JSON.stringify(stored);
        // The damaged draft, and a storage full to the last byte.
        await page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, damaged]);
        await page.evaluate(fillStorage);
        await page.reload();
        await page.getByTestId('notices').filter({ hasText: 'Скачайте исходный текст сейчас: сохранить его отдельно не удалось.' }).waitFor();
        // Typing cannot be saved: the original stays as it was.
        await card.share('1.1', '13', '40');
        await page.getByTestId('storage-failed').filter({ hasText: 'Хранилище браузера переполнено.' }).waitFor();
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), damaged);
        // Room again: the copy is made first, said, then the draft saved.
        await page.evaluate(() => {
            for (const k of Object.keys(localStorage).filter((k) => k.startsWith('filler'))) localStorage.removeItem(k);
        });
        await card.share('1.1', '14', '40');
        await expectSaved(card);
        await page.getByTestId('notices').filter({ hasText: 'Исходный текст сохранён отдельно' }).waitFor();
        const aside = `profkarta/unreadable/${key.split('/').pop()}`;
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside), damaged);
        assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key)).draft.answers['1.1'].numerator, '14');
    }));

test('a link to the skeleton card says by its title that it is not for schools', async () => {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}?card=belinsky`);
    try {
        await page.getByTestId('notices').filter({
            hasText: 'Карта «Система работы по самоопределению и профессиональной ориентации: группы показателей (Белинский район Пензенской области)» из ссылки — заготовка, по которой отдел образования составляет свою карту; школы её не заполняют: открыт новый черновик по карте «Экспертная карта мониторинга системы работы по самоопределению и профессиональной ориентации обучающихся». Если отдел прислал вам эту ссылку, попросите у него ссылку на его карту.',
        }).waitFor();
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a new draft in place of an unreadable one stays on its card, and the record stays in sight after a reload', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    try {
        const card = new CardPage(page);
        const title = page.getByRole('heading', { level: 1 });
        // The list cuts long titles: the one picked is said in full.
        await page.locator('#card-choice').selectOption('izhevsk');
        assert.equal(await page.getByTestId('card-picked').innerText(),
            `Выбрана карта «${loadCard('izhevsk').title}». Чтобы заполнять её, нажмите «Перейти к этой карте».`);
        await card.chooseCard('izhevsk');
        await title.filter({ hasText: 'г. Ижевск' }).waitFor();
        assert.equal(await page.getByTestId('card-picked').count(), 0);
        await card.profile('Полное наименование ОО', 'МБОУ СОШ № 12');
        await page.getByTestId('save-status').filter({ hasText: /^Сохранено в \d\d:\d\d\.$/ }).waitFor();
        // The stored draft cut short inside its answers.
        const period = await page.getByLabel('Отчётный период').inputValue();
        await page.evaluate(() => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/draft/'));
            const text = localStorage.getItem(key);
            localStorage.setItem(key, text.slice(0, text.indexOf('"answers"') + 5));
        });
        await page.reload();
        await page.getByTestId('notices').filter({ hasText: `Черновик «МБОУ СОШ № 12 · ${period}» не открыт. Сохранённые данные повреждены и не читаются.` }).waitFor();
        await title.filter({ hasText: 'г. Ижевск' }).waitFor();
        // Reloaded again, its notice gone, the page is still on its card
        // and the record is in sight, not behind «Мои черновики».
        await page.reload();
        await title.filter({ hasText: 'г. Ижевск' }).waitFor();
        assert.equal(await page.getByTestId('notices').filter({ hasText: 'не открыт' }).count(), 0);
        await page.getByTestId('kept-aside').getByText(`Запись 1 (черновик «МБОУ СОШ № 12 · ${period}»): `, { exact: false }).waitFor();
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a school that goes from a linked card to another is on that other card after a reload', async () => {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}?card=nevinnomyssk`);
    try {
        const title = page.getByRole('heading', { level: 1 });
        await title.filter({ hasText: 'г. Невинномысска' }).waitFor();
        await page.locator('#card-choice').selectOption('izhevsk');
        await page.getByRole('button', { name: 'Перейти к этой карте' }).click();
        await title.filter({ hasText: 'г. Ижевск' }).waitFor();
        assert.equal(new URL(page.url()).searchParams.get('card'), null, 'the link has done its work');
        await page.getByTestId('save-status').filter({ hasText: /^Сохранено в \d\d:\d\d\.$/ }).waitFor();
        await page.reload();
        await title.filter({ hasText: 'г. Ижевск' }).waitFor();
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});
