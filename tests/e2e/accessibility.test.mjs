// Automatic accessibility checks (axe-core, WCAG 2.0/2.1 A and AA rules and
// axe's best practices: every part of a page in a landmark, landmarks told
// apart) on the school card, the import screen with its verdicts, the
// review, the results and the cards, as a user reaches them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join, dirname } from 'node:path';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { drawn, openApp, ARTIFACTS, useApp } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GEN = join(root, 'target', 'debug', 'profkarta-gen');

const app = useApp();
let axe;
let dir;

before(async () => {
    axe = await readFile(join(root, 'scripts', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    dir = await mkdtemp(join(tmpdir(), 'profkarta-a11y-'));
    await promisify(execFile)(GEN, ['--out', dir, '--schools', '6', '--extras', '--periods', '2024/2025,2025/2026']);
});

after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
});

/// Runs axe in the page (through the driver, so the page's CSP does not
/// apply to the checker) and returns "rule: target" lines for violations.
async function violations(page) {
    await page.evaluate(axe);
    const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    assert.ok(result.passes.length > 10, 'axe ran its rules');
    return result.violations.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

test('the school card has no WCAG A/AA violations', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    try {
        await page.getByTestId('ind-1-1').locator('input').first().fill('-3');
        assert.deepEqual(await violations(page), []);
    } finally {
        await context.close();
    }
});

test('the department screens have no WCAG A/AA violations', async () => {
    const { context, page } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        assert.deepEqual(await violations(page), [], 'empty import screen');
        const files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
        await page.locator('#import-files').setInputFiles(files);
        await page.getByTestId('import-summary').waitFor();
        assert.deepEqual(await violations(page), [], 'verdicts and held keys');
        for (const tab of ['Проверка', 'Результаты', 'Динамика', 'Рекомендации', 'Аналитическая справка', 'Карты']) {
            await page.getByRole('tab', { name: tab }).click();
            // The panel is this tab's, and drawn whole (the results' table
            // and charts come after the first paint): not the tab before,
            // nor its top alone.
            const id = await page.getByRole('tab', { name: tab, selected: true }).getAttribute('id');
            await page.locator(`#dept-panel[aria-labelledby="${id}"] h2`).first().waitFor();
            await drawn(page);
            assert.deepEqual(await violations(page), [], tab);
        }
        // The card editor: its buttons' names begin with their words, its
        // headings go down one level at a time (an audit found «Критерий
        // выше» named «Критерий 1 выше», and an h4 under the h2).
        await page.locator('#new-card-base').selectOption('proforientatsiya-23@1');
        await page.locator('#new-card-id').fill('audit-2026');
        await page.getByRole('button', { name: 'Создать черновик' }).click();
        await page.getByTestId('card-editor').waitFor();
        assert.deepEqual(await violations(page), [], 'card editor');
    } finally {
        await context.close();
    }
});

test('a table region takes a Tab stop, and the window\'s height at most, only while it scrolls sideways', async () => {
    const { context, page } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs', viewport: { width: 1366, height: 768 } });
    try {
        const files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
        await page.locator('#import-files').setInputFiles(files);
        await page.getByTestId('import-summary').waitFor();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        const region = page.getByRole('region', { name: 'Показатели по муниципалитету' });
        await region.locator('tbody tr').first().waitFor();
        const state = () => region.evaluate((r) => ({ scrolls: r.scrollWidth > r.clientWidth, tabindex: r.getAttribute('tabindex') }));
        await page.waitForFunction((r) => r.scrollWidth <= r.clientWidth && !r.hasAttribute('tabindex'), await region.elementHandle());
        // Narrowed (a small window, a large zoom): the table scrolls, and
        // the keyboard can reach it to scroll it.
        await page.setViewportSize({ width: 560, height: 768 });
        await page.waitForFunction((r) => r.scrollWidth > r.clientWidth && r.getAttribute('tabindex') === '0', await region.elementHandle());
        // No taller than the window, so that its sideways scrollbar is in sight.
        assert.ok(await region.evaluate((r) => r.classList.contains('sideways') && r.getBoundingClientRect().height <= 0.85 * innerHeight + 1));
        // At 320 px (400 % zoom) the tables scroll in their boxes, and the
        // page not at all: the rating's hidden «не применимо» stayed at its
        // cell's place past the window and widened the page to 584 px.
        await page.setViewportSize({ width: 320, height: 640 });
        await page.locator('table.rating td.num .visually-hidden').filter({ hasText: 'не применимо' }).first().waitFor({ state: 'attached' });
        assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [320, 320]);
        // A chart keeps its size there and scrolls in its own named box,
        // which the keyboard reaches: fitted, its letters were 5 px high.
        const criteria = page.getByRole('region', { name: 'Диаграмма: выполнение критериев по муниципалитету' });
        await page.waitForFunction((r) => r.getAttribute('tabindex') === '0', await criteria.elementHandle());
        assert.equal(await criteria.locator('svg').evaluate((svg) => Math.round(svg.getBoundingClientRect().width)), 680);
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.waitForFunction((r) => !r.hasAttribute('tabindex'), await region.elementHandle());
        assert.deepEqual(await state(), { scrolls: false, tabindex: null });
    } finally {
        await context.close();
    }
});

test('a screen reader hears whose field it is in, and what changed after an action', async () => {
    const school = await openApp(app.browser, app.server.url);
    try {
        // The links and the comment of every row were named alike.
        const names = await school.page.locator('textarea').evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent));
        assert.ok(names.length >= 46, `${names.length} boxes`);
        assert.equal(new Set(names).size, names.length, 'every box named apart');
        await school.page.getByRole('textbox', { name: 'Комментарий (показатель 1.6)' }).waitFor();
    } finally {
        await school.context.close();
    }
    const { context, page } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        // The summary appears inside a live region that was there before
        // (one put in already filled is not read out).
        const live = page.locator('#import-title ~ [role="status"]');
        assert.equal(await live.count(), 1);
        assert.equal(await live.innerText(), '');
        const files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
        await page.locator('#import-files').setInputFiles(files);
        await live.getByTestId('import-summary').waitFor();
        // The save line is read out only when something is wrong.
        const saved = page.getByTestId('dept-save-status');
        await saved.filter({ hasText: 'сохранена' }).waitFor();
        assert.equal(await saved.getAttribute('aria-live'), 'off');
        // Another school opened from the review says which.
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        const heading = page.locator('#review-school');
        const opened = page.getByTestId('review-opened');
        await page.waitForFunction(
            () => (document.querySelector('[data-testid="review-opened"]')?.textContent ?? '').replace(/„/g, '«').replace(/“/g, '»').includes(document.querySelector('#review-school')?.textContent ?? '\u0000'),
        );
        assert.equal(await opened.getAttribute('role'), 'status');
        assert.match(await opened.innerText(), new RegExp(`^Открыта проверка школы «.+»\\.$`));
        assert.ok((await heading.innerText()).length > 0);
    } finally {
        await context.close();
    }
});
