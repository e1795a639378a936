// The department's own card, end to end and over two years: a coordinator
// builds a card from the seed-000 skeleton with three indicators, publishes
// it and puts the cards/ folder on the website; schools fill it from there;
// the department imports their files; next year the coordinator raises a
// threshold as version 2, a school moves its draft over, and dynamics
// compares the two years with last year re-scored under version 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BASE_PATH, launchBrowser, openApp, openPage, downloadText, expectKeptAside, pageRules, ARTIFACTS } from './harness.mjs';
import { CardPage, expectShown } from './card_page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { startStaticServer } = await import(join(root, 'scripts', 'static_server.mjs'));

let site;
let server;
let browser;
/// The department's page, kept open through the test: its workspace lives
/// in this browser context.
let department;

before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    site = await mkdtemp(join(tmpdir(), 'profkarta-site-'));
    await cp(join(root, 'dist'), site, { recursive: true });
    server = await startStaticServer({ root: site, base: BASE_PATH });
    browser = await launchBrowser();
    department = await openApp(browser, `${server.url}otdel/`, { ready: 'dept-tabs', viewport: { width: 1366, height: 900 } });
});

after(async () => {
    assert.deepEqual(department?.errors.map(String) ?? [], [], 'no errors on the department page');
    await browser?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
});

/// The entries of a zip of stored (uncompressed) files, as the department
/// page writes it: read here from the bytes, independently of the app.
function unzipStored(bytes) {
    const files = {};
    let at = 0;
    while (bytes.readUInt32LE(at) === 0x04034b50) {
        const method = bytes.readUInt16LE(at + 8);
        assert.equal(method, 0, 'stored, not compressed');
        const size = bytes.readUInt32LE(at + 18);
        const nameLength = bytes.readUInt16LE(at + 26);
        const extra = bytes.readUInt16LE(at + 28);
        const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
        const start = at + 30 + nameLength + extra;
        files[name] = bytes.subarray(start, start + size).toString('utf8');
        at = start + size;
    }
    return files;
}

/// Downloads the cards/ folder from the department page and puts it on the
/// site, dated as unzip dates it: the archive's 1 January 1980. Served
/// with that date and no Cache-Control, as nginx serves it, the list of
/// cards reads as fresh for years to a browser that does not ask again.
async function publishSite(page) {
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать папку cards для сайта' }).click(),
    ]);
    // Put on the site, no card waits for it: its notice goes.
    await page.getByTestId('notices').getByText('Скачайте папку для сайта').waitFor({ state: 'detached' });
    const files = unzipStored(await readFile(await download.path()));
    for (const [name, text] of Object.entries(files)) {
        await mkdir(join(site, dirname(name)), { recursive: true });
        await writeFile(join(site, name), text);
        const dated = new Date(1980, 0, 1);
        await utimes(join(site, name), dated, dated);
    }
    return files;
}

/// Opens the editor on a new version 2 of the built-in card.
async function builtInVersion2(page) {
    await cardsTab(page);
    await row(page, 'proforientatsiya-23@1').getByRole('button', { name: 'Новая версия' }).click();
    const editor = page.getByTestId('card-editor');
    await editor.getByRole('heading', { name: /версия 2$/ }).waitFor();
    return editor;
}

/// Closes that draft and deletes it, its question accepted.
async function dropVersion2(page, editor) {
    page.once('dialog', (d) => d.accept());
    await editor.getByRole('button', { name: 'Закрыть' }).click();
    await row(page, 'proforientatsiya-23@2').getByRole('button', { name: 'Удалить черновик' }).click();
    await row(page, 'proforientatsiya-23@2').waitFor({ state: 'detached' });
}

/// Waits until an input shows `value` (the app redraws it after undo), or
/// fails with what it shows.
const expectValue = (locator, value) => expectShown(locator, value, { value: true });

async function cardsTab(page) {
    await page.getByRole('tab', { name: 'Карты' }).click();
    await page.getByTestId('cards-panel').waitFor();
}

const row = (page, key) => page.getByTestId('cards-list').locator(`tr[data-card="${key}"]`);

/// The school fills the department's card: indicator 1 a share, 2 a fact, 3 a count.
async function fillSchool(card, { name, period, share, fact, count }) {
    await card.profile('Полное наименование ОО', name);
    await card.profile('Муниципальное образование', 'Белинский район');
    await card.profile('Ответственный (ФИО, должность)', 'Иванова И. И., заместитель директора');
    await card.profile('Отчётный период (учебный год)', period);
    await card.share('1.1', share, '100');
    await card.fact('1.2', fact);
    await card.field('1.3', 'count', count);
}

/// The card built here fills in the template's first criterion only: the
/// rest are named before publishing, as schools would see them empty.
const EMPTY_CRITERIA = 'Критерии 2, 3, 4, 5, 6 без показателей: школы увидят раздел пустым («Показатели этого раздела в карте пока не заданы»). Добавьте показатель или удалите критерий, если он не нужен.';

async function exportFile(page, name) {
    await page.getByLabel(/Выгрузить всё равно/).check();
    const file = await downloadText(page, () => page.getByTestId('export-button').click());
    const path = join(ARTIFACTS, name);
    await writeFile(path, file.text);
    return path;
}

test('a coordinator builds a card from the skeleton, checks it, previews and publishes it', async () => {
    const { page } = department;
    await cardsTab(page);
    await page.locator('#new-card-base').selectOption('belinsky');
    await page.locator('#new-card-id').fill('belinsky-2025');
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    const editor = page.getByTestId('card-editor');
    await editor.waitFor();
    await page.getByTestId('editor-problems').filter({ hasText: 'В карте нет ни одного показателя.' }).waitFor();
    const publish = editor.getByRole('button', { name: 'Опубликовать' });
    assert.ok(await publish.isDisabled(), 'no publishing with an error');
    // Every card file carries the department's name: asked for in the
    // editor too, and publishing waits for it.
    const unnamed = page.getByTestId('editor-problems').filter({ hasText: 'Укажите наименование органа управления образованием' });
    await unnamed.waitFor();
    await editor.locator('#department-name').fill('Отдел образования администрации Белинского района');
    await editor.locator('#department-name').press('Tab');
    await unnamed.waitFor({ state: 'detached' });

    // Title edited, undone and redone.
    const title = page.locator('#card-title');
    const original = await title.inputValue();
    await title.fill('Профориентация в школах Белинского района');
    await editor.getByRole('button', { name: 'Отменить' }).click();
    await expectValue(title, original);
    await editor.getByRole('button', { name: 'Вернуть' }).click();
    await expectValue(title, 'Профориентация в школах Белинского района');
    // Emptied, it is said at the field, not only in the list above.
    await title.fill('');
    await page.locator('#card-title-error').filter({ hasText: 'Заполните это поле.' }).waitFor();
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    await title.fill('Профориентация в школах Белинского района');
    await page.waitForFunction(() => document.querySelector('#card-title-error')?.textContent === '');
    // The skeleton's title and its 2021 order are not kept: the blank
    // card's title, and the department's own order asked for.
    assert.equal(original, 'Карта мониторинга профориентационной работы');
    const source = page.getByTestId('editor-problems').filter({ hasText: 'Источник карты — впишите текст вместо «…».' });
    await source.waitFor();
    await page.locator('#card-source').fill('Приказ отдела образования администрации Белинского района от 01.09.2025 № 120');
    await page.locator('#card-source').press('Tab');
    await source.waitFor({ state: 'detached' });

    // Three indicators in the first criterion: a share, a fact, a count.
    const add = page.getByTestId('ed-0-0').getByRole('button', { name: /^Добавить показатель в критерий/ });
    for (let i = 0; i < 3; i++) await add.click();
    // Each new indicator's wording takes the focus, selected: typing
    // replaces «Новый показатель».
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-2-text');
    await page.keyboard.type('Число');
    await expectValue(page.locator('#ed-0-0-2-text'), 'Число');
    await page.locator('#ed-0-0-0-text').fill('Доля обучающихся 6–11 классов, прошедших профессиональные пробы');
    await page.locator('#ed-0-0-0-threshold').fill('30');
    await page.locator('#ed-0-0-0-rule-text').fill('не менее 30% — 1 балл');
    // The labels a school reads beside its numbers start with a gap to
    // fill: «Всего» alone was published unchanged.
    await page.locator('#ed-0-0-0-denominator-error').filter({ hasText: 'Впишите текст вместо «…».' }).waitFor();
    await expectValue(page.locator('#ed-0-0-0-numerator'), 'Обучающиеся, которые …');
    await page.locator('#ed-0-0-0-numerator').fill('Прошли профессиональные пробы');
    await page.locator('#ed-0-0-0-denominator').fill('Всего обучающихся 6–11 классов');
    await page.waitForFunction(() => document.querySelector('#ed-0-0-0-denominator-error')?.textContent === '');
    // Its letters would have only a generic line: said until it has advice.
    const noAdvice = page.getByTestId('without-recommendation');
    await noAdvice.filter({ hasText: /^Без рекомендации школе \(для писем\): 1\.1, / }).waitFor();
    await page.locator('#ed-0-0-0-recommendation').fill('Довести охват пробами до 30 % обучающихся.');
    await page.waitForFunction(() => !/ 1\.1[,.]/.test(document.querySelector('[data-testid="without-recommendation"]')?.textContent ?? ''));
    // The field the focus is in goes with the old kind's fields; its blur
    // then comes after it is gone (this once stopped the page's code: the
    // after() hook checks the console).
    await page.locator('#ed-0-0-1-points').fill('1');
    await page.locator('#ed-0-0-1-points').press('Tab');
    await page.locator('#ed-0-0-1-kind').selectOption('fact');
    // A new indicator has no past years whose comparison a new kind ends.
    await page.locator('#ed-0-0-1-question').waitFor();
    assert.equal(await editor.getByRole('status').filter({ hasText: 'вид изменён' }).count(), 0);
    // The rule's text the editor wrote follows the rule: a fact's.
    await expectValue(page.locator('#ed-0-0-1-rule-text'), 'наличие — 1 балл');
    await page.locator('#ed-0-0-1-text').fill('Наличие плана профориентационной работы');
    // The starting question «Есть ли …?» has a gap: named, and publishing waits.
    const gap = page.getByTestId('ed-0-0-1-problems').filter({ hasText: 'Показатель 1.2: вопрос — впишите текст вместо «…».' });
    await gap.waitFor();
    assert.ok(await publish.isDisabled(), 'no publishing with a gap');
    // Said at the field too: the list may stand a screen below it.
    await page.locator('#ed-0-0-1-question-error').filter({ hasText: 'Впишите текст вместо «…».' }).waitFor();
    assert.equal(await page.locator('#ed-0-0-1-question').getAttribute('aria-invalid'), 'true');
    await page.locator('#ed-0-0-1-question').fill('Утверждён ли план профориентационной работы?');
    await gap.waitFor({ state: 'detached' });
    await page.locator('#ed-0-0-2-kind').selectOption('count');
    await page.locator('#ed-0-0-2-text').fill('Число соглашений с ПОО и предприятиями');
    await page.locator('#ed-0-0-2-label').fill('Соглашений');
    // A number reads as on the school's page: «1 200» is one number.
    await page.locator('#ed-0-0-2-min').fill('1 200');
    assert.equal(await page.locator('#ed-0-0-2-min-error').innerText(), '');
    await page.locator('#ed-0-0-2-min').fill('2');
    // A removal asks nothing: the notice says what went, and «Отменить»
    // brings it back with what it held.
    // Said in the toolbar, which stays in sight; each removal is a step.
    const removed = page.getByTestId('editor-removed');
    await editor.getByRole('button', { name: 'Удалить показатель 1.3' }).click();
    await removed.filter({ hasText: 'Показатель 1.3 удалён. Чтобы восстановить, нажмите «Отменить» вверху или Ctrl+Z.' }).waitFor();
    await page.locator('#ed-0-0-2-min').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Удалить показатель 1.2' }).click();
    await removed.filter({ hasText: 'Показатель 1.2 удалён.' }).waitFor();
    // Ctrl+Z where the removal left the focus, a text box nothing is typed
    // into yet: the editor's undo, as the toolbar's button.
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-text'));
    await page.keyboard.press('Control+z');
    await expectValue(page.locator('#ed-0-0-1-question'), 'Утверждён ли план профориентационной работы?');
    await page.locator('#ed-0-0-2-min').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Отменить' }).click();
    await expectValue(page.locator('#ed-0-0-2-min'), '2');
    assert.equal(await editor.getByRole('status').filter({ hasText: 'удалён' }).count(), 0, 'the notice goes with the step undone');

    // An empty wording is named beside its indicator and blocks publishing.
    await page.locator('#ed-0-0-2-text').fill('');
    await page.getByTestId('ed-0-0-2-problems').filter({ hasText: 'Показатель 1.3: не заполнено' }).waitFor();
    await page.locator('#ed-0-0-2-text-error').filter({ hasText: 'Заполните это поле.' }).waitFor();
    // A number taken twice is said at both numbers.
    await page.locator('#ed-0-0-2-code').fill('1.1');
    for (const at of [0, 2]) await page.locator(`#ed-0-0-${at}-code-error`).filter({ hasText: 'Этот код уже есть в карте.' }).waitFor();
    await page.locator('#ed-0-0-2-code').fill('1.3');
    await page.waitForFunction(() => document.querySelector('#ed-0-0-0-code-error')?.textContent === '');
    assert.ok(await publish.isDisabled());
    await page.locator('#ed-0-0-2-text').fill('Число соглашений с ПОО и предприятиями');
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок нет' }).waitFor();
    // The department's name erased, the focus still in it: «Ошибок нет»
    // goes at once (it stayed until the field was left).
    const name = editor.locator('#department-name');
    const named = await name.inputValue();
    await name.fill('');
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок: 1.' }).waitFor();
    assert.ok(await name.evaluate((el) => el === document.activeElement), 'the focus stays in the field');
    await name.fill(named);
    await name.press('Tab');
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок нет' }).waitFor();
    // A number that cannot be read is not written into the card, and it
    // blocks publishing until it reads or is undone.
    const threshold = page.locator('#ed-0-0-0-threshold');
    await threshold.fill('-5');
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Число не может быть отрицательным.' }).waitFor();
    await threshold.fill('150');
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Слишком большое число: допускается не более 100.' }).waitFor();
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок: 1.' }).waitFor();
    assert.ok(await publish.isDisabled(), 'no publishing with a number that does not read');
    await threshold.fill('30');
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок нет' }).waitFor();
    assert.equal(await page.locator('#ed-0-0-0-threshold-error').innerText(), '');
    // «Не менее 0 %» is met by every school: said at the field, and
    // publishing waits.
    await threshold.fill('0');
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Ноль выполняет любая школа: укажите больше нуля или оставьте пустым.' }).waitFor();
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок: 1.' }).waitFor();
    assert.ok(await publish.isDisabled(), 'no publishing with a threshold every school meets');
    await threshold.fill('30');
    await page.getByTestId('editor-status').filter({ hasText: 'Ошибок нет' }).waitFor();
    // The rule's text is the department's own words (typed above for 30):
    // another threshold names it to check, and putting 30 back takes that away.
    const ownWords = editor.getByTestId('changed-rule-texts');
    await threshold.fill('35');
    const toCheck = 'Показатель 1.1: правило начисления изменилось (цель, баллы или вид) — проверьте текст «Правило начисления, как в приказе».';
    await ownWords.filter({ hasText: toCheck }).waitFor();
    // Kept with the draft: closed and opened again, still asked about (the
    // record was made anew at each opening, and a card started from a
    // built-in one was published with the old threshold in its text).
    await editor.getByRole('button', { name: 'Закрыть' }).click();
    await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Изменить' }).click();
    await ownWords.filter({ hasText: toCheck }).waitFor();
    await threshold.fill('30');
    await ownWords.waitFor({ state: 'detached' });
    // A recommendation that names the threshold it was written for is
    // named too, above the card and at its field, in a card started from
    // another, which has no version before (a walk-through's letters
    // quoted «не менее 30%» beside a threshold of 40); its number fixed,
    // nothing is asked.
    const advice = page.locator('#ed-0-0-0-recommendation');
    const adviceNamed = editor.getByTestId('changed-recommendations');
    const written = await advice.inputValue();
    assert.equal(written, 'Довести охват пробами до 30 % обучающихся.');
    await threshold.fill('35');
    await adviceNamed.filter({ hasText: 'Показатель 1.1: цель или баллы изменились, а рекомендация школе (для писем) называет прежнее значение — проверьте её.' }).waitFor();
    await page.getByTestId('ed-0-0-0-advice-behind').filter({ hasText: 'Рекомендация называет прежнее значение, а по правилу сейчас: «не менее 35 %' }).waitFor();
    await advice.fill('Довести охват до 35 % обучающихся.');
    await adviceNamed.waitFor({ state: 'detached' });
    await page.getByTestId('ed-0-0-0-advice-behind').waitFor({ state: 'detached' });
    // Undone, the advice is back as it was written, and asked about again
    // (a review: the undo settled the old advice).
    await editor.getByRole('button', { name: 'Отменить' }).click();
    await expectValue(advice, written);
    await adviceNamed.waitFor();
    await threshold.fill('30');
    await advice.fill(written);
    await ownWords.waitFor({ state: 'detached' });
    await adviceNamed.waitFor({ state: 'detached' });

    // Steps of points that do not read stay in their box, said under it,
    // and publishing waits; emptied, the box reads again.
    const bands = page.locator('#ed-0-0-0-bands');
    const bandsError = page.locator('#ed-0-0-0-bands-error');
    await bands.fill('от 30 % — 1\nабв');
    await bandsError.filter({ hasText: 'Строка 2 не читается: нужны процент и баллы, например «от 30 % — 1».' }).waitFor();
    assert.ok(await publish.isDisabled(), 'no publishing with a line that does not read');
    await bands.press('Tab');
    assert.equal(await bands.inputValue(), 'от 30 % — 1\nабв', 'kept on leaving the box');
    await bands.fill('');
    await page.waitForFunction(() => document.querySelector('#ed-0-0-0-bands-error')?.textContent === '');
    assert.ok(await publish.isEnabled());
    // Steps beside a threshold: said at both fields, not only in the list
    // under the indicator, far below them (a walk-through).
    await bands.fill('от 30 % — 1');
    await bandsError.filter({ hasText: 'Задан и порог: оставьте порог или шкалу.' }).waitFor();
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Задана и шкала баллов: оставьте порог или шкалу.' }).waitFor();
    await bands.fill('');
    await page.waitForFunction(() => document.querySelector('#ed-0-0-0-threshold-error')?.textContent === '');
    assert.ok(await publish.isEnabled());

    // Moved down and back up by its buttons: the focus follows the indicator.
    const shareText = await page.locator('#ed-0-0-0-text').inputValue();
    await page.locator('#ed-0-0-0-down').click();
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-1-down');
    await expectValue(page.locator('#ed-0-0-1-text'), shareText);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-0-up');
    await expectValue(page.locator('#ed-0-0-0-text'), shareText);
    // At the top the arrow stays, marked unavailable: Enter again moves nothing.
    assert.equal(await page.locator('#ed-0-0-0-up').getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('Enter');
    await expectValue(page.locator('#ed-0-0-1-text'), 'Наличие плана профориентационной работы');
    // A criterion too: the focus follows it down and back up, its code with it.
    const criterionCode = await page.locator('#ed-0-0-code').inputValue();
    await page.locator('#ed-0-0-down').click();
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-1-down');
    await expectValue(page.locator('#ed-0-1-code'), criterionCode);
    await page.locator('#ed-0-1-up').click();
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-up');
    await expectValue(page.locator('#ed-0-0-code'), criterionCode);
    await expectValue(page.locator('#ed-0-0-0-text'), shareText);
    // A criterion's code taken twice is said at both codes too.
    const otherCode = await page.locator('#ed-0-1-code').inputValue();
    await page.locator('#ed-0-1-code').fill(criterionCode);
    for (const at of [0, 1]) await page.locator(`#ed-0-${at}-code-error`).filter({ hasText: 'Этот код уже есть в карте.' }).waitFor();
    await page.locator('#ed-0-1-code').fill(otherCode);
    await page.waitForFunction(() => document.querySelector('#ed-0-0-code-error')?.textContent === '');
    // Into another criterion by the keyboard: the arrow key on the closed
    // list only chooses where; the button moves, and the focus follows the
    // indicator to its list in the other criterion. Then back, by the same.
    const countText = await page.locator('#ed-0-0-2-text').inputValue();
    await page.locator('#ed-0-0-2-move-to').focus();
    await page.keyboard.press('ArrowDown');
    await expectValue(page.locator('#ed-0-0-2-text'), countText);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-0-0-2-move');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^ed-0-1-\d+-move-to$/.test(document.activeElement?.id ?? ''));
    const moved = (await page.evaluate(() => document.activeElement.id)).replace(/-move-to$/, '');
    await expectValue(page.locator(`#${moved}-text`), countText);
    // Its code stays, and that is said: codes usually begin with their criterion's.
    const movedCode = await page.locator(`#${moved}-code`).inputValue();
    assert.match(await page.getByTestId('editor-notice').innerText(),
        new RegExp(`^Показатель ${movedCode.replace('.', '\\.')} перенесён в критерий \\S+, его код остался прежним: если коды показателей начинаются с кода критерия, измените его\\.$`));
    assert.equal(await page.locator('#ed-0-0-2-text').count(), 0);
    // While it stands there, the card says so above it too.
    const standsIn = await page.locator(`#${moved.replace(/-\d+$/, '')}-code`).inputValue();
    assert.equal(await page.getByTestId('codes-elsewhere').innerText(),
        `Код показателя ${movedCode} (в критерии ${standsIn}) начинается с кода другого критерия: проверьте его.`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-2-move-to');
    await expectValue(page.locator('#ed-0-0-2-text'), countText);
    // Back where its code belongs: nothing to say.
    await page.getByTestId('editor-notice').waitFor({ state: 'detached' });
    await page.getByTestId('codes-elsewhere').waitFor({ state: 'detached' });

    // The maxima are the sums of the points, shown as they change.
    assert.equal(await page.getByTestId('ed-0-0-maximum').innerText(), 'Максимум критерия: 3 балла.');
    assert.match(await page.getByTestId('card-maximum').innerText(), /^Максимум карты: 3 балла \(сумма баллов показателей\)\./);
    // Levels out of order: said at both fields, and no bounds in points
    // worked out of them.
    const hadLevels = await page.locator('#card-levels').isChecked();
    await page.locator('#card-levels').check();
    const [high, medium] = [page.locator('#card-level-high'), page.locator('#card-level-medium')];
    const levels = [await high.inputValue(), await medium.inputValue()];
    await high.fill('50');
    await medium.fill('70');
    for (const id of ['card-level-high', 'card-level-medium']) {
        await page.locator(`#${id}-error`).filter({ hasText: 'Средний уровень должен начинаться ниже высокого и выше 0 %.' }).waitFor();
    }
    assert.equal(await page.getByTestId('card-maximum').innerText(), 'Максимум карты: 3 балла (сумма баллов показателей).');
    await medium.fill(levels[1]);
    await high.fill(levels[0]);
    await page.waitForFunction(() => document.querySelector('#card-level-high-error')?.textContent === '');
    assert.match(await page.getByTestId('card-maximum').innerText(), /высокий уровень — от \d+ балл/);
    if (!hadLevels) await page.locator('#card-levels').uncheck();

    // The preview scores as the school will see it, and keeps nothing.
    await editor.getByRole('button', { name: 'Предпросмотр как у школы' }).click();
    const preview = new CardPage(page);
    await preview.expectSummary({ total: '0 из 3' });
    await preview.share('1.1', '31', '100');
    await preview.expectSummary({ total: '1 из 3' });
    // The preview has no export to go to, and its totals stop below the
    // editor's toolbar, both sticking as the card scrolls (a walk-through:
    // the link led nowhere, the totals slid under the toolbar).
    const summary = page.getByTestId('card-preview').locator('.summary');
    assert.equal(await summary.getByRole('link', { name: 'Перейти к выгрузке для отдела' }).count(), 0);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => document.querySelector('[data-testid="card-preview"] .summary').getBoundingClientRect().top < 100);
    const [toolbarBottom, summaryTop] = await page.evaluate(() => [
        document.querySelector('.card-editor .editor-toolbar').getBoundingClientRect().bottom,
        document.querySelector('[data-testid="card-preview"] .summary').getBoundingClientRect().top,
    ]);
    assert.ok(summaryTop >= toolbarBottom, `${summaryTop} below ${toolbarBottom}`);
    await editor.getByRole('button', { name: 'Вернуться к редактированию' }).click();

    // Publishing freezes the version: the coordinator is asked first, and
    // «Отмена» leaves the draft as it is.
    // The criteria of the template left without indicators are named
    // beside the card and in the question: schools would see them empty.
    await editor.getByTestId('empty-criteria').filter({ hasText: EMPTY_CRITERIA }).waitFor();
    const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
    await publish.click();
    const question = await asked;
    assert.ok(question.startsWith(`${EMPTY_CRITERIA}\n\n`), question);
    assert.match(question, /\n\nОпубликовать карту «Профориентация в школах Белинского района», версия 1\? Опубликованная версия больше не меняется/);
    assert.ok(await publish.isVisible(), 'still in the editor');
    page.once('dialog', (d) => d.accept());
    await publish.click();
    await page.getByTestId('cards-panel').waitFor();
    assert.equal(await row(page, 'belinsky-2025@1').locator('[data-col="status"]').innerText(), 'опубликована');
    // The first publication made the department's key: a copy is asked for.
    const made = 'Ключ отдела создан сейчас: сохраните его копию';
    await page.getByTestId('notices').getByText(made, { exact: false }).waitFor();
    const files = await publishSite(page);
    assert.deepEqual(Object.keys(files).sort(), ['cards/belinsky-2025-v1.json', 'cards/index.json']);
    assert.equal(JSON.parse(files['cards/index.json']).cards[0].version, 1);
    const signed = JSON.parse(files['cards/belinsky-2025-v1.json']);
    assert.equal(signed.format, 'profkarta-card');
    assert.equal(signed.payload.department, 'Отдел образования администрации Белинского района');
    // A school's first visit through the card's link: the card comes with
    // the site's cards, after the start, and is not said to be missing.
    const linked = await openApp(browser, `${server.url}?card=belinsky-2025`);
    try {
        await linked.page.getByRole('heading', { name: 'Профориентация в школах Белинского района' }).waitFor();
        await new CardPage(linked.page).expectSummary({ total: '0 из 3' });
        assert.equal(await linked.page.getByTestId('notices').getByText('из ссылки не найдена', { exact: false }).count(), 0);
        assert.deepEqual(linked.errors.map(String), []);
    } finally {
        await linked.context.close();
    }
    // An old link to the skeleton, on a first visit: the draft goes over
    // to the department's card, and the notice names that one, not the
    // default card it left.
    const skeleton = await openApp(browser, `${server.url}?card=belinsky`);
    try {
        await skeleton.page.getByRole('heading', { name: 'Профориентация в школах Белинского района' }).waitFor();
        await skeleton.page.getByTestId('notices').filter({
            hasText: /из ссылки — заготовка, по которой отдел образования составляет свою карту; школы её не заполняют: открыт новый черновик по карте «Профориентация в школах Белинского района»\. /,
        }).waitFor();
        assert.deepEqual(skeleton.errors.map(String), []);
    } finally {
        await skeleton.context.close();
    }

    // The published version is shown as the schools fill it in and prints
    // alone, for the order; closing returns the focus to its button.
    const open = row(page, 'belinsky-2025@1').getByRole('button', { name: 'Просмотр' });
    await open.click();
    const view = page.getByTestId('card-view');
    await page.waitForFunction(() => document.activeElement?.id === 'card-view-title');
    assert.equal(await page.locator('#card-view-title').innerText(), 'Карта «Профориентация в школах Белинского района», версия 1');
    await new CardPage(page).expectSummary({ total: '0 из 3' });
    // The page prints once here (headless Chrome ignores a second print
    // while the first is open): «Печать изменений» below is clicked, and
    // this paper is checked by its style alone.
    assert.ok(await view.getByRole('button', { name: 'Печать карты' }).isVisible());
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => { document.documentElement.dataset.print = 'card'; });
    assert.ok(await page.locator('#card-view-title').isVisible());
    assert.ok(!(await page.getByTestId('cards-list').isVisible()), 'the list of cards is not printed with the card');
    assert.ok(!(await view.locator('.print-footer').isVisible()), 'no school signature lines on the department\'s copy');
    // A blank form, not the preview's state: no «не заполнено», no «0 из 3».
    assert.ok(!(await view.locator('p.verdict').first().isVisible()), 'no row\'s verdict');
    assert.ok(!(await view.getByTestId('total').isVisible()), 'no total');
    // Its sheets, apart, say which card and version they are.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const foot = await pageRules(page);
    assert.match(foot, /@bottom-left \{ content: "(.+ · )?«Профориентация в школах [^"]*», версия 1"; \}/);
    await page.screenshot({ path: join(ARTIFACTS, 'department-card-print.png'), fullPage: true });
    await page.evaluate(() => { delete document.documentElement.dataset.print; });
    await page.emulateMedia({ media: 'screen' });
    await view.getByRole('button', { name: 'Закрыть просмотр' }).click();
    await view.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'view-belinsky-2025-1');
});

let schoolA;
const firstYear = [];

test('schools find the published card on the website, verified, and fill it in', async () => {
    for (const school of [
        { name: 'МБОУ СОШ № 1 г. Белинского', period: '2024/2025', share: '35', fact: true, count: '2', total: '3 из 3' },
        { name: 'МБОУ ООШ с. Поим', period: '2024/2025', share: '20', fact: false, count: '3', total: '1 из 3' },
    ]) {
        const opened = await openApp(browser, server.url);
        const card = new CardPage(opened.page);
        await opened.page.getByTestId('notices').filter({ hasText: 'Получена карта «Профориентация в школах Белинского района», версия 1 (отправитель: Отдел образования администрации Белинского района): подпись проверена (ключ ' }).waitFor();
        const choice = opened.page.locator('#card-choice');
        assert.match(await choice.locator('option').first().innerText(), /^Карта отдела образования \(версия \d+\): Профориентация в школах Белинского района/);
        // A school with no draft yet is on its department's card, not the built-in one.
        await card.expectSummary({ total: '0 из 3' });
        await opened.page.getByRole('heading', { level: 1, name: /Белинского района/ }).waitFor();
        await fillSchool(card, school);
        await card.expectSummary({ total: school.total });
        firstYear.push(await exportFile(opened.page, `belinsky-${firstYear.length}.json`));
        assert.deepEqual(opened.errors.map(String), []);
        if (!schoolA) schoolA = opened;
        else await opened.context.close();
    }
});

test('a damaged copy of the department\'s card in the browser is said and kept aside; the draft on it stays whole', async () => {
    const { context, page, errors } = await openApp(browser, server.url);
    const card = new CardPage(page);
    try {
        await page.getByTestId('notices').filter({ hasText: 'Получена карта «Профориентация в школах Белинского района», версия 1' }).waitFor();
        await fillSchool(card, { name: 'МБОУ СОШ № 3 г. Белинского', period: '2024/2025', share: '35', fact: true, count: '2' });
        await card.expectSummary({ total: '3 из 3' });
        await page.getByTestId('save-status').filter({ hasText: 'Сохранено' }).waitFor();
        // The browser's copy of the card cut short, as a full disk or
        // another program may leave it.
        const [key, whole] = await page.evaluate(() => {
            const key = Object.keys(localStorage).find((k) => k.startsWith('profkarta/card/'));
            return [key, localStorage.getItem(key)];
        });
        const cut = whole.slice(0, 200);
        await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, cut]);
        await page.reload();
        await page.getByTestId('notices').getByText('Карта отдела: Файл не читается как файл карты Профкарты: это не текст в формате JSON. Исходный текст сохранён отдельно: его можно скачать сейчас или позже в разделе «Повреждённые записи» и передать специалисту.').waitFor();
        // The site gives the card again: the draft opens on it, every answer there.
        await card.expectSummary({ total: '3 из 3' });
        assert.equal(await card.input('1.1', 'numerator').inputValue(), '35');
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), whole, 'the card stored whole again');
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        await expectKeptAside(page, { label: 'Запись 1 (карта отдела): 200 символов', text: cut, key: `profkarta/unreadable/${key.split('/').pop()}` });
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a damaged record of the department\'s trusted key is said and kept aside; the key is taken again from the card', async () => {
    const { context, page, errors } = await openApp(browser, server.url);
    try {
        await page.getByTestId('notices').filter({ hasText: 'Получена карта «Профориентация в школах Белинского района», версия 1' }).waitFor();
        const pin = 'profkarta/department-pin';
        const trusted = await page.evaluate((k) => localStorage.getItem(k), pin);
        assert.ok(trusted);
        const cut = trusted.slice(0, 30);
        await page.evaluate(([k, t]) => localStorage.setItem(k, t), [pin, cut]);
        await page.reload();
        await page.getByTestId('notices').getByText('Запись о ключе отдела образования, которому доверяет этот браузер, повреждена и не читается: ключ запомнен заново по первой карте отдела, полученной после этого.').waitFor();
        await page.getByRole('heading', { level: 1, name: /Белинского района/ }).waitFor();
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), pin), trusted, 'the same key trusted again');
        await page.getByRole('button', { name: /Мои черновики/ }).click();
        await expectKeptAside(page, { label: 'Запись 1 (ключ отдела, которому доверяет браузер): 30 символов', text: cut, key: 'profkarta/unreadable/department-pin' });
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('the department imports the files of its card and rates them', async () => {
    const { page } = department;
    await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
    // The card's own file, picked with the schools' by mistake, is said for
    // what it is and where it goes (a walk-through's read «не выгрузка
    // Профкарты» only); that it is not kept with the schools' refused files
    // is the core's test.
    const cardFile = join(site, 'cards', 'belinsky-2025-v1.json');
    await page.locator('#import-files').setInputFiles([...firstYear, cardFile]);
    await page.getByTestId('import-summary').filter({ hasText: 'Принято: 2.' }).waitFor();
    const cardRow = page.getByTestId('verdicts').locator('tr', { hasText: 'belinsky-2025-v1.json' });
    assert.deepEqual((await cardRow.locator('td').allInnerTexts()).slice(1), [
        'файл отдела, не школы',
        'Это файл карты отдела, а не выгрузка школы: его загружают на вкладке «Карты» кнопкой «Загрузить файл карты…».',
    ]);
    await page.getByRole('tab', { name: 'Результаты' }).click();
    const totals = await page.getByTestId('rating').locator('[data-col="total"]').allInnerTexts();
    assert.deepEqual(totals, ['3 из 3', '1 из 3']);
});

test('version 2 raises a threshold; a school moves its draft; dynamics compares the years', async () => {
    const { page } = department;
    await cardsTab(page);
    await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Новая версия' }).click();
    const heading = page.getByTestId('card-editor').getByRole('heading', { name: 'Черновик карты «Профориентация в школах Белинского района» (belinsky-2025), версия 2' });
    await heading.waitFor();
    // While the draft is there, the published row opens it by name.
    await page.getByTestId('card-editor').getByRole('button', { name: 'Закрыть' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'cards-title');
    await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Открыть черновик версии 2' }).click();
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'editor-title');
    await page.locator('#ed-0-0-0-threshold').fill('40');
    // The rule's text is the department's own words: it is named to check
    // against version 1 as long as the text is version 1's, also after the
    // draft is closed and opened again, and once only (not in the notice of
    // the last change as well).
    const stale = page.getByTestId('stale-rule-texts').filter({ hasText: 'Проверьте текст «Правило начисления, как в приказе» у показателя 1.1: цель или баллы изменились по сравнению с версией 1, а текст остался прежним.' });
    await stale.waitFor();
    assert.equal(await page.getByTestId('card-editor').getByRole('status').filter({ hasText: 'проверьте текст' }).count(), 0);
    await page.getByTestId('card-editor').getByRole('button', { name: 'Закрыть' }).click();
    await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Открыть черновик версии 2' }).click();
    await stale.waitFor();
    // Said at the field too, with the text the rule now gives, to take in
    // one click.
    const behind = page.getByTestId('ed-0-0-0-rule-text-behind');
    await behind.filter({ hasText: 'Цель или баллы изменились после того, как был написан этот текст. По правилу сейчас: «не менее 40\u00a0% — 1 балл».' }).waitFor();
    await behind.getByRole('button', { name: 'Подставить этот текст' }).click();
    await stale.waitFor({ state: 'detached' });
    await behind.waitFor({ state: 'detached' });
    await expectValue(page.locator('#ed-0-0-0-rule-text'), 'не менее 40\u00a0% — 1 балл');
    // The button went with its notice: the focus is on the text it wrote.
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-0-rule-text');
    await page.locator('#ed-0-0-0-rule-text').fill('не менее 40% — 1 балл');
    // «455» typed key by key: «4» and «45» read on the way, «455» does
    // not. The card takes back the 40 the field had, not the 45 nobody
    // meant; the typed text stays with its message, and closing asks.
    const threshold = page.locator('#ed-0-0-0-threshold');
    await threshold.selectText();
    await threshold.pressSequentially('455');
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Слишком большое число: допускается не более 100.' }).waitFor();
    await threshold.press('Tab');
    assert.equal(await threshold.inputValue(), '455');
    assert.equal(await page.locator('#ed-0-0-0-threshold-error').innerText(), 'Слишком большое число: допускается не более 100.');
    // «Отменить» takes the typed text back, though the card held 40 all along.
    await page.getByTestId('card-editor').getByRole('button', { name: 'Отменить' }).click();
    await expectValue(threshold, '40');
    await page.waitForFunction(() => document.querySelector('#ed-0-0-0-threshold-error')?.textContent === '');
    await threshold.selectText();
    await threshold.pressSequentially('455');
    await page.locator('#ed-0-0-0-threshold-error').filter({ hasText: 'Слишком большое число: допускается не более 100.' }).waitFor();
    await threshold.press('Tab');
    const closing = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.accept(); }));
    await page.getByTestId('card-editor').getByRole('button', { name: 'Закрыть' }).click();
    assert.equal(await closing, 'Значение одного поля не записано в карту (почему — сказано под полем). Закрыть черновик? В карте останется прежнее значение этого поля.');
    await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Открыть черновик версии 2' }).click();
    await expectValue(threshold, '40');
    assert.equal(await page.locator('#ed-0-0-0-threshold-error').innerText(), '');
    // The advice letters quote names the old threshold: asked about too,
    // until it is rewritten.
    const staleAdvice = page.getByTestId('stale-recommendations').filter({ hasText: 'Проверьте рекомендацию школе (для писем) у показателя 1.1: цель или баллы изменились по сравнению с версией 1, а рекомендация осталась прежней и называет прежнее значение.' });
    await staleAdvice.waitFor();
    await page.locator('#ed-0-0-0-recommendation').fill('Довести охват пробами до 40 % обучающихся.');
    await staleAdvice.waitFor({ state: 'detached' });
    // Another kind for a published indicator ends its comparison with the
    // years before: said, and undone here.
    await page.locator('#ed-0-0-1-kind').selectOption('count');
    const kindNotice = page.getByTestId('card-editor').getByRole('status').filter({ hasText: 'Показатель 1.2: вид изменён — теперь это другой показатель' });
    await kindNotice.waitFor();
    await page.getByTestId('card-editor').getByRole('button', { name: 'Отменить' }).click();
    await page.locator('#ed-0-0-1-question').waitFor();
    await kindNotice.waitFor({ state: 'detached' });
    const criterionTitle = page.locator('#ed-0-0-title');
    const oldTitle = await criterionTitle.inputValue();
    await criterionTitle.fill('Взаимодействие с профессиональными образовательными организациями');
    // Publishing cannot be undone: the question lists what changes.
    const publishing = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.accept(); }));
    await page.getByTestId('card-editor').getByRole('button', { name: 'Опубликовать' }).click();
    const question = await publishing;
    assert.ok(question.startsWith(`${EMPTY_CRITERIA}\n\nИзменения по сравнению с версией 1:\n`), question);
    assert.ok(question.includes(`\n— Критерий 1: название «${oldTitle}» заменено на «Взаимодействие с профессиональными образовательными организациями».\n`), question);
    assert.ok(question.includes('\n— Показатель 1.1: цель «не менее 30\u00a0%» заменена на «не менее 40\u00a0%».'), question);
    assert.match(question, /\nСопоставимы с прежней версией \d+ из \d+ показател(я|ей) новой версии\.\n\nОпубликовать карту «Профориентация в школах Белинского района», версия 2\?/);
    await page.getByTestId('cards-panel').waitFor();
    // The same key signs version 2: no second request for a copy.
    await page.getByTestId('notices').getByText('Карта «Профориентация в школах Белинского района», версия 2, опубликована', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('notices').getByText('Ключ отдела создан сейчас', { exact: false }).count(), 0);
    await row(page, 'belinsky-2025@2').getByRole('button', { name: 'Изменения' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'changes-title');
    const changes = page.getByTestId('changes-list');
    await changes.filter({ hasText: 'Показатель 1.1: цель «не менее 30\u00a0%» заменена на «не менее 40\u00a0%». Выполнение показателя с прошлыми годами не сравнивается, его значение по муниципалитету — сравнивается.' }).waitFor();
    // The order approving the version names the criterion's new title too,
    // first, and the list prints alone.
    assert.deepEqual(await changes.locator('li').allInnerTexts(), [
        `Критерий 1: название «${oldTitle}» заменено на «Взаимодействие с профессиональными образовательными организациями».`,
        'Показатель 1.1: цель «не менее 30\u00a0%» заменена на «не менее 40\u00a0%». Выполнение показателя с прошлыми годами не сравнивается, его значение по муниципалитету — сравнивается.',
        'Показатель 1.1: изменены тексты: правило начисления, рекомендация.',
    ]);
    assert.equal(await page.getByTestId('changes-share').innerText(), 'Сопоставимы с прежней версией 2 из 3 показателей новой версии.');
    // «Было» is the earlier: neither select offers to turn the order round.
    const offered = (id) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => `${o.textContent}${o.disabled ? ' (недоступна)' : ''}`));
    assert.deepEqual(await offered('changes-before'), ['версия 1', 'версия 2 (недоступна)']);
    assert.deepEqual(await offered('changes-after'), ['версия 1 (недоступна)', 'версия 2']);
    await page.evaluate(() => addEventListener('beforeprint', () => {
        window.printed = document.documentElement.dataset.print;
    }, { once: true }));
    await page.getByRole('button', { name: 'Печать изменений' }).click();
    assert.equal(await page.evaluate(() => window.printed), 'changes');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => { document.documentElement.dataset.print = 'changes'; });
    assert.ok(await changes.isVisible());
    assert.ok(await page.getByTestId('changes-view').getByText('Версия 2 по сравнению с версией 1.').isVisible(), 'the paper names the versions');
    assert.ok(!(await page.getByTestId('cards-list').isVisible()), 'the list of cards is not printed with the changes');
    await page.screenshot({ path: join(ARTIFACTS, 'department-changes-print.png'), fullPage: true });
    await page.evaluate(() => { delete document.documentElement.dataset.print; });
    await page.emulateMedia({ media: 'screen' });
    // The next version starts from the latest only.
    assert.equal(await row(page, 'belinsky-2025@1').getByRole('button', { name: 'Новая версия' }).count(), 0);
    assert.equal(await row(page, 'belinsky-2025@2').getByRole('button', { name: 'Новая версия' }).count(), 1);
    await publishSite(page);

    // School 1 comes back. Its 2024/2025 was sent by version 1 and is
    // counted by it: the move is not urged, and asked about if chosen.
    const { page: school } = schoolA;
    await school.reload();
    const newer = school.getByTestId('newer-card');
    await newer.filter({ hasText: 'Этот год уже выгружен по версии 1, и отдел считает его по ней' }).waitFor();
    // The list of cards names the draft's version, and the newer beside it.
    assert.match(await school.locator('#card-choice option').first().innerText(), /^Карта отдела образования \(версия 1, есть версия 2\): /);
    const asked = new Promise((resolve) => school.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
    await school.getByRole('button', { name: 'Перейти на версию 2' }).click();
    assert.equal(await asked, 'Карта этого года уже выгружена по версии 1. После перехода на версию 2 баллы могут измениться, а новая выгрузка заменит в отделе прежний файл. Перевести черновик?');
    const card = new CardPage(school);
    await card.expectSummary({ total: '3 из 3' });
    // Next year starts on the newest version by itself, and says so,
    // before and after.
    await school.getByRole('button', { name: /Мои черновики/ }).click();
    await school.getByTestId('draft-list').getByRole('button', { name: 'Следующий год' }).click();
    const nextYear = school.getByRole('group', { name: 'Карта следующего учебного года' });
    await nextYear.getByText('Новый год начнётся по версии 2 карты (этот черновик — по версии 1).').waitFor();
    // The question wraps within the page, the sentence above in sight (a
    // walk-through's ran 2 700 px wide, the page scrolling sideways).
    assert.ok((await nextYear.boundingBox()).width <= 700);
    assert.equal(await school.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    await school.getByRole('button', { name: 'Не копировать ответы' }).click();
    await card.expectText('draft-title', 'МБОУ СОШ № 1 г. Белинского · 2025/2026');
    await school.getByTestId('notices').getByText('Карта следующего года начата по версии 2 (этот год — по версии 1).').waitFor();
    assert.equal(await newer.count(), 0, 'nothing left to move');
    // The two drafts, of one card, differ by their versions: named.
    // The page is drawn anew for the other version: the list is opened again.
    await school.getByRole('button', { name: /Мои черновики/ }).click();
    const listed = school.getByTestId('draft-list');
    await listed.getByRole('row', { name: /2025\/2026/ }).locator('td.draft-card').filter({ hasText: /, версия 2$/ }).waitFor();
    await listed.getByRole('row', { name: /2024\/2025/ }).locator('td.draft-card').filter({ hasText: /, версия 1$/ }).waitFor();
    // 38 of 100 meets 30 % but not version 2's 40 %.
    await fillSchool(card, { name: 'МБОУ СОШ № 1 г. Белинского', period: '2025/2026', share: '38', fact: true, count: '2' });
    await card.expectSummary({ total: '2 из 3' });
    const secondYear = [await exportFile(school, 'belinsky-next-0.json')];
    const exported = JSON.parse(await readFile(secondYear[0], 'utf8')).payload;
    assert.deepEqual([exported.template.id, exported.template.version], ['belinsky-2025', 2]);
    // Last year's draft moved after all: its 35 % met 30 % and misses the
    // new 40 %, and the move says so rather than «nothing changed».
    // The list is still open from above.
    await listed.getByRole('row', { name: /2024\/2025/ }).getByRole('button', { name: /^Открыть/ }).click();
    await card.expectSummary({ total: '3 из 3' });
    school.once('dialog', (d) => d.accept());
    await school.getByRole('button', { name: 'Перейти на версию 2' }).click();
    await school.getByTestId('notices').getByText('Черновик переведён на версию 2 карты; все ответы перенесены. По правилам версии 2 изменились баллы: 1.1 — было 1 балл, стало 0 баллов. Итог: было 3 из 3, стало 2 из 3.').waitFor();
    await card.expectSummary({ total: '2 из 3' });
    assert.deepEqual(schoolA.errors.map(String), []);
    await schoolA.context.close();

    const other = await openApp(browser, server.url);
    const second = new CardPage(other.page);
    // A first visit opens the department's latest card by itself.
    await other.page.getByRole('heading', { level: 1, name: /Белинского района/ }).waitFor();
    await second.expectSummary({ total: '0 из 3' });
    // Both versions came at once: one notice names them, not one each.
    const received = other.page.getByTestId('notices').getByText(/^Получен/);
    await received.filter({ hasText: 'Получены карты (отправитель: Отдел образования администрации Белинского района): «Профориентация в школах Белинского района», версии 1 и 2. Подписи проверены (ключ ' }).waitFor();
    assert.equal(await received.count(), 1);
    await fillSchool(second, { name: 'МБОУ ООШ с. Поим', period: '2025/2026', share: '45', fact: false, count: '3' });
    await second.expectSummary({ total: '2 из 3' });
    secondYear.push(await exportFile(other.page, 'belinsky-next-1.json'));
    // The site lists version 1 before version 2: the draft is on 2 all the same.
    const onSite = JSON.parse(await readFile(join(site, 'cards', 'index.json'), 'utf8')).cards.filter((c) => c.id === 'belinsky-2025');
    assert.deepEqual(onSite.map((c) => c.version), [1, 2]);
    const firstVisit = JSON.parse(await readFile(secondYear.at(-1), 'utf8')).payload.template;
    assert.deepEqual([firstVisit.id, firstVisit.version], ['belinsky-2025', 2]);
    await other.context.close();

    await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
    await page.locator('#import-files').setInputFiles(secondYear);
    // The log keeps the first year's import too, the card's own file with
    // it. The second school filled this year in another browser, so its
    // new key waits for a decision.
    await page.getByTestId('import-summary').filter({ hasText: 'Файлов: 5. Принято: 3. Ждут решения: 1.' }).waitFor();
    await page.getByTestId('held-keys').getByRole('button', { name: 'Принять новый ключ' }).click();
    await page.getByRole('tab', { name: 'Динамика' }).click();
    // Which indicator the comparison leaves out is named.
    await page.getByTestId('versions-note').filter({ hasText: 'сопоставимы 2 из 3 показателей новой версии; где методика изменилась, изменение не оценивается. Методика изменилась у показателя 1.1. Результаты школ' }).waitFor();
    // The chart's years each name their version.
    assert.equal(await page.getByTestId('trend-versions').innerText(),
        'Годы графика заполнены по разным версиям карты: 2024/2025 — версия 1, 2025/2026 — версия 2. Максимум баллов и границы уровней у версий могут различаться.');
    await page.getByRole('tabpanel').screenshot({ path: join(ARTIFACTS, 'department-dynamics-versions.png') });
    // The year's sentence stands above it, as in the report: one school
    // better (Поим), none worse, one the same (3 of 3 both years).
    // The municipality's shares are each by its own version, the schools'
    // changes by version 2's rules: said.
    assert.match(await page.getByTestId('dynamics-summary').innerText(), / — каждый год по своей версии карты \(1 и 2\); среди школ, участвовавших в оба года \(2\), по правилам версии 2 результат улучшили\u00a01, ухудшили\u00a00, без изменений\u00a01\./);
    const indicator = (code) => page.getByTestId('indicator-changes').locator(`tr[data-code="${code}"] [data-col="delta"]`).innerText();
    assert.equal(await indicator('1.1'), 'методика изменилась');
    // Its municipal value is still compared: only the target moved.
    // 35 + 20 of 200 last year, 38 + 45 of 200 now.
    const value = page.getByTestId('value-changes').locator('tr[data-code="1.1"]');
    assert.equal(await value.locator('[data-col="comparable"]').innerText(), 'изменились цель или баллы');
    assert.equal(await value.locator('[data-col="change"]').innerText(), '+14,0\u00a0п.\u00a0п.');
    // Named by wording, not the code alone (on paper nothing else names it).
    assert.equal(await page.getByTestId('indicator-changes').locator('tr[data-code="1.1"] th').innerText(),
        '1.1 Доля обучающихся 6–11 классов, прошедших профессиональные пробы');
    assert.equal(await indicator('1.2'), '0,0\u00a0п.\u00a0п.');
    // Last year under version 2: school 1 had 35 % (misses 40 %) → 2 of 3;
    // school 2 had 20 % → still 1 of 3.
    const rows = await page.getByTestId('school-changes').locator('tbody tr').all();
    // Every row has a cell under each heading.
    const heads = await page.getByTestId('school-changes').locator('thead th').count();
    for (const r of rows) assert.equal(await r.locator('th, td').count(), heads);
    const seen = {};
    for (const r of rows) {
        seen[await r.locator('th').innerText()] = [
            await r.locator('td').nth(0).innerText(),
            await r.locator('[data-col="rescored"]').innerText(),
            await r.locator('td').nth(2).innerText(),
            await r.locator('[data-col="delta"]').innerText(),
        ];
    }
    // The change is told against last year by the new rules, as the
    // difference of the two shares shown (66,7 − 33,3).
    assert.deepEqual(seen, {
        'МБОУ СОШ № 1 г. Белинского': ['3 из 3 (100,0\u00a0%)', '2 из 3 (66,7\u00a0%)', '2 из 3 (66,7\u00a0%)', '0,0\u00a0п.\u00a0п.'],
        'МБОУ ООШ с. Поим': ['1 из 3 (33,3\u00a0%)', '1 из 3 (33,3\u00a0%)', '2 из 3 (66,7\u00a0%)', '+33,4\u00a0п.\u00a0п.'],
    });
    await page.screenshot({ path: join(ARTIFACTS, 'dynamics-versions.png'), fullPage: true });
});

test('after a reload the files of the department\'s own cards still open, with the decisions', async () => {
    const { page } = department;
    // «сохранена» only once the last import is written: a reload before
    // that lost its files.
    await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
    await page.reload();
    await page.getByTestId('dept-tabs').waitFor();
    await page.getByRole('tab', { name: 'Динамика' }).click();
    // Both years again, the second school's new key still accepted: the
    // stored files are checked against the workspace's own cards.
    const rows = page.getByTestId('school-changes').locator('tbody tr');
    await rows.nth(1).waitFor();
    const deltas = {};
    for (const r of await rows.all()) deltas[await r.locator('th').innerText()] = await r.locator('[data-col="delta"]').innerText();
    assert.deepEqual(deltas, { 'МБОУ СОШ № 1 г. Белинского': '0,0\u00a0п.\u00a0п.', 'МБОУ ООШ с. Поим': '+33,4\u00a0п.\u00a0п.' });
    assert.equal(await page.getByTestId('notices').filter({ hasText: 'не принят' }).count(), 0);
});

test('on another computer, the restored key and the published card files bring back the department\'s name', async () => {
    const { page } = department;
    await page.getByRole('tab', { name: 'Карты' }).click();
    const key = await downloadText(page, () => page.getByRole('button', { name: 'Скачать файл ключа' }).click());
    const keyFile = join(ARTIFACTS, 'department-key-backup.json');
    await writeFile(keyFile, key.text);
    const other = await openApp(browser, `${server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await other.page.getByRole('tab', { name: 'Карты' }).click();
        // The site's versions this browser lacks are named before a new
        // version here could take one of their numbers.
        const onSite = other.page.getByTestId('site-cards-missing');
        await onSite.filter({ hasText: /^На сайте опубликованы карты, которых нет в этом браузере: «[^»]+», версия 1; «[^»]+», версия 2\. / }).waitFor();
        // A neighbour's card file does not name this department: before the
        // key is restored, this department's own file is a neighbour's too.
        await other.page.locator('#load-card-file').setInputFiles(join(site, 'cards', 'belinsky-2025-v1.json'));
        await other.page.getByTestId('notices').getByText(/^Карта «[^»]+» \(belinsky-2025\), версия 1, загружена/).waitFor();
        await onSite.filter({ hasText: /этом браузере: «[^»]+», версия 2\. / }).waitFor();
        // A new version here is numbered after the site's version 2, not onto it.
        await row(other.page, 'belinsky-2025@1').getByRole('button', { name: 'Новая версия' }).click();
        const editor = other.page.getByTestId('card-editor');
        await editor.getByRole('heading', { name: /версия 3$/ }).waitFor();
        await editor.getByRole('button', { name: 'Закрыть' }).click();
        await row(other.page, 'belinsky-2025@3').waitFor();
        assert.equal(await other.page.locator('#department-name').inputValue(), '');
        await other.page.locator('#restore-department-key').setInputFiles(keyFile);
        await other.page.locator('#load-card-file').setInputFiles(join(site, 'cards', 'belinsky-2025-v2.json'));
        await other.page.getByTestId('notices').getByText(/^Карта «[^»]+» \(belinsky-2025\), версия 2, загружена/).waitFor();
        await onSite.waitFor({ state: 'detached' });
        assert.equal(await other.page.locator('#department-name').inputValue(), 'Отдел образования администрации Белинского района');
        // The same file again changes nothing, and is said so.
        await other.page.locator('#load-card-file').setInputFiles(join(site, 'cards', 'belinsky-2025-v1.json'));
        await other.page.getByTestId('notices').getByText(/^Карта «[^»]+» \(belinsky-2025\), версия 1, уже есть в рабочей области: её выгрузки принимаются\.$/).waitFor();
        assert.deepEqual(other.errors.map(String), []);
    } finally {
        await other.context.close();
    }
});

test('a card edit typed just before the page closes is kept', async () => {
    const opened = await openApp(browser, `${server.url}otdel/`, { ready: 'dept-tabs' });
    const { context, page } = opened;
    await cardsTab(page);
    await page.locator('#new-card-base').selectOption('belinsky');
    await page.locator('#new-card-id').fill('closing-2026');
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    await page.getByTestId('card-editor').waitFor();
    await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
    // Closed well within the editor's pause before it writes the card.
    await page.locator('#card-title').fill('Карта, набранная перед закрытием');
    await page.close();
    const { page: fresh } = await openPage(context, `${server.url}otdel/`, 'dept-tabs');
    await cardsTab(fresh);
    await row(fresh, 'closing-2026@1').getByRole('button', { name: 'Изменить' }).click();
    await expectValue(fresh.locator('#card-title'), 'Карта, набранная перед закрытием');
    assert.deepEqual(opened.errors.map(String), []);
    await context.close();
});

test('a new version of a built-in card says that another kind ends the comparison with past years', async () => {
    const { page } = department;
    const editor = await builtInVersion2(page);
    // 1.6 is a fact in version 1, which the schools filled: a count is another indicator.
    await page.locator('#ed-0-0-5-kind').selectOption('count');
    await editor.getByRole('status').filter({ hasText: 'Показатель 1.6: вид изменён — теперь это другой показатель' }).waitFor();
    await dropVersion2(page, editor);
    // The button went with its row: the focus to the tab's heading.
    await page.waitForFunction(() => document.activeElement?.id === 'cards-title');
});

test('a reworded indicator of a new version is asked about, and can be made a new one', async () => {
    const { page } = department;
    const editor = await builtInVersion2(page);
    // 1.2 in other words under the same rule: still compared, said at its field.
    const text = page.locator('#ed-0-0-1-text');
    await text.fill('Доля обучающихся 8–9 классов, посетивших предприятия города');
    const reworded = page.getByTestId('ed-0-0-1-reworded');
    await reworded.filter({ hasText: 'Формулировка изменена по сравнению с версией 1, правило то же: данные показателя будут сравниваться с прошлыми годами. Если по существу это другой показатель, отметьте его как новый.' }).waitFor();
    // Only the reworded one.
    assert.equal(await editor.locator('[data-testid$="-reworded"]').count(), 1);
    await reworded.getByRole('button', { name: 'Считать новым показателем' }).click();
    await editor.getByRole('status').filter({ hasText: 'Показатель 1.2 отмечен как новый: у него свой внутренний номер, его данные не сравниваются с прошлыми годами. Вернуть как было — кнопкой «Отменить».' }).waitFor();
    await reworded.waitFor({ state: 'detached' });
    // The button went with its notice: the focus is on the wording.
    await page.waitForFunction(() => document.activeElement?.id === 'ed-0-0-1-text');
    // «Отменить» makes it the same indicator again, and asks again.
    await editor.getByRole('button', { name: 'Отменить' }).click();
    await reworded.waitFor();
    await dropVersion2(page, editor);
});

test('a profile question\'s new key is carried to its indicators, and a key another question has is refused at the field', async () => {
    const { page } = department;
    const editor = await builtInVersion2(page);
    // The standard four come first: the card's own question is the fifth.
    await editor.getByRole('button', { name: 'Добавить вопрос профиля' }).click();
    await page.locator('#flag-4-label').fill('Есть кадетские классы');
    await page.locator('#flag-4-key').fill('kadety');
    // 1.8 for the schools with cadet classes.
    await page.locator('#ed-0-0-7-applies-kadety').check();
    await page.locator('#flag-4-key').fill('kadety2');
    assert.ok(await page.locator('#ed-0-0-7-applies-kadety2').isChecked(), 'the indicator follows the new key');
    assert.equal(await page.getByTestId('editor-problems').filter({ hasText: 'не входит в вопросы профиля' }).count(), 0);
    // A level's key: the question stays, its key and indicator too, and
    // the field says why (the row vanished, and «Код «noo» встречается в
    // карте больше одного раза» named no field).
    await page.locator('#flag-4-key').fill('noo');
    await page.locator('#flag-4-key-error').filter({ hasText: 'Этот ключ уже у вопроса «НОО (1–4 классы)»: выберите другой.' }).waitFor();
    assert.equal(await page.locator('#flag-4-label').inputValue(), 'Есть кадетские классы');
    assert.ok(await page.locator('#ed-0-0-7-applies-kadety2').isChecked(), 'the card keeps the last key that read');
    assert.ok(await editor.getByRole('button', { name: 'Опубликовать' }).isDisabled(), 'publishing waits for the key');
    await page.locator('#flag-4-key').fill('kadety');
    await page.waitForFunction(() => document.querySelector('#flag-4-key-error')?.textContent === '');
    assert.ok(await page.locator('#ed-0-0-7-applies-kadety').isChecked());
    await dropVersion2(page, editor);
});

test('a first visit opens the department\'s new version of a built-in card', async () => {
    const { page } = department;
    const editor = await builtInVersion2(page);
    const title = 'Преемственность сопровождения обучающихся (редакция отдела)';
    await page.locator('#ed-0-0-title').fill(title);
    page.once('dialog', (d) => d.accept());
    await editor.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByTestId('cards-panel').waitFor();
    const files = await publishSite(page);
    // A department that publishes its edition of the built-in card alone.
    const index = JSON.parse(files['cards/index.json']);
    index.cards = index.cards.filter((c) => c.id === 'proforientatsiya-23');
    assert.deepEqual(index.cards.map((c) => c.version), [2]);
    await writeFile(join(site, 'cards', 'index.json'), JSON.stringify(index));
    // The school's first draft starts on the built-in version 1; the site's
    // version 2 takes it over while nothing is answered, unasked.
    // So too through the card's link, as the README gives it to schools.
    for (const url of [server.url, `${server.url}?card=proforientatsiya-23`]) {
        const school = await openApp(browser, url);
        try {
            await school.page.getByText(title).first().waitFor();
            assert.equal(await school.page.getByTestId('newer-card').count(), 0, url);
            assert.deepEqual(school.errors.map(String), []);
        } finally {
            await school.context.close();
        }
    }
});

/// A version of the built-in card published in a browser of its own (a
/// department key of its own) on the site at `url`, as «Скачать файл
/// карты» gives it: version 2 with `title` in its first indicator, or,
/// `from` another's file of version 2, version 3 after it. Returns the
/// file's path.
async function publishedElsewhere(url, title, from) {
    const dept = await openApp(browser, `${url}otdel/`, { ready: 'dept-tabs', viewport: { width: 1366, height: 900 } });
    try {
        const { page } = dept;
        page.on('dialog', (d) => d.accept());
        await cardsTab(page);
        let version = 2;
        if (from) {
            await page.locator('#load-card-file').setInputFiles(from);
            await page.getByTestId('notices').getByText(/^Карта «[^»]+» \(proforientatsiya-23\), версия 2, загружена/).waitFor();
            version = 3;
        }
        await row(page, `proforientatsiya-23@${version - 1}`).getByRole('button', { name: 'Новая версия' }).click();
        const editor = page.getByTestId('card-editor');
        await editor.getByRole('heading', { name: new RegExp(`версия ${version}$`) }).waitFor();
        await editor.locator('#department-name').fill('Отдел образования');
        await editor.locator('#ed-0-0-title').fill(title);
        await editor.getByRole('button', { name: 'Опубликовать' }).click();
        const published = row(page, `proforientatsiya-23@${version}`).getByRole('button', { name: 'Скачать файл карты' });
        const file = await downloadText(page, () => published.click());
        const path = join(site, `${title}.json`);
        await writeFile(path, file.text);
        assert.deepEqual(dept.errors.map(String), []);
        return path;
    } finally {
        await dept.context.close();
    }
}

test('a school that trusts the department\'s new key keeps the cards received before; a changed version is refused', async () => {
    // A site without cards of its own (this file's earlier tests put
    // version 2 on theirs): the school meets only these files.
    const bare = await startStaticServer({ root: join(root, 'dist'), base: BASE_PATH });
    let school;
    try {
        const first = await publishedElsewhere(bare.url, 'Редакция первого ключа');
        const next = await publishedElsewhere(bare.url, 'Редакция второго ключа, версия 3', first);
        const changed = await publishedElsewhere(bare.url, 'Та же версия 2 другого ключа');
        school = await openApp(browser, bare.url);
        const { page } = school;
        const notices = page.getByTestId('notices');
        await page.locator('#open-card-file').setInputFiles(first);
        await notices.filter({ hasText: 'Получена карта' }).waitFor();
        await page.getByText('Редакция первого ключа').first().waitFor();
        // A draft begun on version 2.
        const card = new CardPage(page);
        await card.share('1.1', '30', '100');
        await page.getByTestId('save-status').filter({ hasText: 'Сохранено' }).waitFor();
        // Version 3 under another key: asked, and trusted. The draft stays
        // on version 2 until the school moves it, after a reload too: the
        // card received under the first key was set aside as damaged, and
        // the draft shown on version 3 unasked.
        await page.locator('#open-card-file').setInputFiles(next);
        await page.getByRole('button', { name: 'Доверять новому ключу отдела' }).click();
        const offer = page.getByTestId('newer-card').getByRole('button', { name: 'Перейти на версию 3' });
        for (const reloaded of [false, true]) {
            if (reloaded) {
                await page.reload();
                await page.getByTestId('total').waitFor();
            }
            await offer.waitFor();
            await page.getByText('Редакция первого ключа').first().waitFor();
            assert.equal(await card.input('1.1', 'numerator').inputValue(), '30');
        }
        assert.equal(await notices.filter({ hasText: 'Карта отдела:' }).count(), 0);
        await offer.click();
        await page.getByText('Редакция второго ключа, версия 3').first().waitFor();
        // The first key's file again, the same card, brings nothing new: its
        // key is not asked about (the file after it is read after it, and
        // its refusal is awaited below).
        await page.locator('#open-card-file').setInputFiles(first);
        // Version 2 again, with other content and another key: refused, and
        // neither key is asked about.
        await page.locator('#open-card-file').setInputFiles(changed);
        await notices.filter({ hasText: 'Карта «Экспертная карта' }).filter({ hasText: 'версия 2, уже получена, и в этом файле она другая, а опубликованная версия карты не меняется: заполняйте карту, полученную раньше' }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Доверять новому ключу отдела' }).count(), 0);
        assert.deepEqual(school.errors.map(String), []);
    } finally {
        await school?.context.close();
        await bare.close();
    }
});
