// Shared set-up for the end-to-end tests: a static server over the release
// build in dist/ and Debian's Chromium driven by playwright-core.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'scripts', 'package.json'));
const { chromium } = require('playwright-core');
const { startStaticServer } = await import(join(root, 'scripts', 'static_server.mjs'));

/// Serves dist/ under /some/sub/folder/ to prove the build works from any
/// sub-folder of a website, as the municipal site will host it.
export const BASE_PATH = '/obrazovanie/profkarta/';

/// The release build the server serves.
export const DIST = join(root, 'dist');
/// The generator, built by the test command before the e2e tests.
const GEN = join(root, 'target', 'debug', 'profkarta-gen');

/// `shape` makes it a slow line (see scripts/static_server.mjs); `root` is
/// another copy of the site than dist/.
export function startServer({ shape, root = DIST } = {}) {
    return startStaticServer({ root, base: BASE_PATH, shape });
}

export async function launchBrowser() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
        ],
    });
}

/// The server and the browser every test file needs: started before the
/// file's tests and stopped after them. Use `app.server` and `app.browser`
/// inside tests.
export function useApp() {
    const app = {};
    before(async () => {
        app.server = await startServer();
        app.browser = await launchBrowser();
    });
    after(async () => {
        await app.browser?.close();
        await app.server?.close();
    });
    return app;
}

/// A generated folder of signed files for a test file: `profkarta-gen`
/// run with `args` before the tests, removed after them. Its `dir`,
/// `manifest` and `files` (the paths, without the manifest) are set in `before`.
export function useGenerated(args) {
    const generated = {};
    before(async () => {
        const { mkdir, mkdtemp, readFile, readdir } = await import('node:fs/promises');
        const { tmpdir } = await import('node:os');
        const { execFile } = await import('node:child_process');
        const { promisify } = await import('node:util');
        await mkdir(ARTIFACTS, { recursive: true });
        generated.dir = await mkdtemp(join(tmpdir(), 'profkarta-gen-'));
        await promisify(execFile)(GEN, ['--out', generated.dir, ...args]);
        generated.manifest = JSON.parse(await readFile(join(generated.dir, 'manifest.json'), 'utf8'));
        generated.files = (await readdir(generated.dir)).filter((f) => f !== 'manifest.json').map((f) => join(generated.dir, f));
    });
    after(async () => {
        const { rm } = await import('node:fs/promises');
        if (generated.dir) await rm(generated.dir, { recursive: true, force: true });
    });
    return generated;
}

/// The department's page in a fresh context, at the size the department's
/// tests use.
export async function openDepartment(app, { timezoneId, clock } = {}) {
    return openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs', viewport: { width: 1366, height: 900 }, timezoneId, clock });
}

/// Imports `paths` on the department's page and waits until all are listed.
export async function importFiles(page, paths) {
    await page.locator('#import-files').setInputFiles(paths);
    await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${paths.length}.` }).waitFor();
}

/// Opens the app in a fresh context (empty storage) and waits until it has
/// mounted. `initScript` runs in the page before the app, e.g. to prepare storage.
/// `routes(context)` may change what the server answers before the page loads.
/// `ready` is the test id of an element that shows the app has mounted.
/// `timezoneId` and `clock` (a `Date`, then the page's fixed «now», its
/// timers running) set where and when the page believes it is.
export async function openApp(browser, url, { viewport = { width: 1366, height: 768 }, initScript, ready, routes, timezoneId, clock } = {}) {
    const context = await browser.newContext({ viewport, locale: 'ru-RU', acceptDownloads: true, timezoneId });
    if (clock) await context.clock.setFixedTime(clock);
    if (initScript) await context.addInitScript(initScript);
    if (routes) await routes(context);
    const { page, errors } = await openPage(context, url, ready);
    return { context, page, errors };
}

/// Waits until the parts of the screen drawn after its first paint are there
/// too (the school's indicator rows).
export async function drawn(page) {
    await page.waitForFunction(() => !document.querySelector('[data-pending]'));
}

/// Another tab of the same browser profile (shared storage).
export async function openPage(context, url, ready = 'total') {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    page.on('console', (m) => m.type() === 'error' && errors.push(new Error(m.text())));
    page.on('response', (r) => r.status() >= 400 && errors.push(new Error(`${r.status()} ${r.url()}`)));
    // The app makes no network request beyond its own files: anything else is an error.
    const own = new URL(url).origin;
    page.on('request', (r) => {
        const target = r.url();
        if (!target.startsWith(own) && !target.startsWith('blob:') && !target.startsWith('data:')) {
            errors.push(new Error(`network request to ${target}`));
        }
    });
    await page.goto(url);
    await page.getByTestId(ready).waitFor();
    await drawn(page);
    return { page, errors };
}

/// Clicks `trigger` and returns the text of the file the page downloads.
/// The page's @page rules as text: the margin boxes (the sheets' foot and
/// number) a print puts into the stylesheet as it opens.
export async function pageRules(page) {
    return page.evaluate(() => {
        const all = (list) => [...list].flatMap((r) => (r.cssRules ? [r, ...all(r.cssRules)] : [r]));
        return all(document.styleSheets[0].cssRules).filter((r) => r instanceof CSSPageRule).map((r) => r.cssText).join('\n');
    });
}

export async function downloadText(page, trigger) {
    const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/// Checks that the section «Повреждённые записи» lists one record as
/// `label`, gives back its text as stored, and deletes it from `key`.
export async function expectKeptAside(page, { label, text, key }) {
    const { strict: assert } = await import('node:assert');
    const kept = page.getByTestId('kept-aside');
    await kept.getByText(label, { exact: true }).waitFor();
    const raw = await downloadText(page, () => kept.getByRole('button', { name: 'Скачать исходный текст' }).click());
    assert.equal(raw.text, text);
    page.once('dialog', (d) => d.accept());
    await kept.getByRole('button', { name: 'Удалить' }).click();
    await kept.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
}

export const ARTIFACTS = join(root, 'tests', 'e2e', 'artifacts');

/// The next question the page asks (window.confirm), answered «OK»: resolves
/// to its text. Set up before the action that asks.
export function nextQuestion(page) {
    return new Promise((resolve) => page.once('dialog', (dialog) => {
        resolve(dialog.message());
        dialog.accept();
    }));
}
