// Each page works with the network cut after its own first visit: its
// service worker (scripts/offline.mjs), registered once the page has
// mounted, has cached that page's files and no other page's. The
// department's cards under cards/ come from the network first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_PATH, DIST, openApp, startServer, useApp } from './harness.mjs';

const app = useApp();

// Going offline makes the browser log failed requests; nothing else may fail.
const failures = (errors) => errors.map(String).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e));

/// Waits until the page is controlled by the worker at `script` (an
/// address ending so), which has then cached its page.
const controlledBy = (page, script) =>
    page.waitForFunction((script) => navigator.serviceWorker.controller?.scriptURL.endsWith(script), script);

/// The addresses each cache holds, by cache name.
const caches = (page) =>
    page.evaluate(async () => {
        const names = await self.caches.keys();
        const urls = async (name) => (await (await self.caches.open(name)).keys()).map((r) => r.url);
        return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await urls(name)])));
    });

test('each page opens offline after its own first visit, and caches only its own files', async () => {
    // Notes whether the page had mounted when its worker was registered.
    const initScript = () => {
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
            window.mountedAtRegister = document.querySelector('[data-testid="total"], [data-testid="dept-tabs"]') !== null;
            return register.apply(this, args);
        };
        // Notes that the page asked for its storage to be kept.
        const persist = StorageManager.prototype.persist;
        StorageManager.prototype.persist = function (...args) {
            window.askedToKeep = true;
            return persist.apply(this, args);
        };
    };
    const { context, page, errors } = await openApp(app.browser, app.server.url, { initScript });
    const school = new URL(app.server.url).pathname;
    try {
        await controlledBy(page, `${school}sw.js`);
        assert.equal(await page.evaluate(() => window.mountedAtRegister), true, 'registered after the mount');
        assert.equal(await page.evaluate(() => window.askedToKeep), undefined, 'nothing to keep asked for on opening');
        const { 'profkarta-cards': cardsCache, ...deployment } = await caches(page);
        assert.deepEqual(cardsCache?.map((u) => new URL(u).pathname), [`${school}cards/index.json`], "the department's card list, kept apart");
        const schoolCaches = Object.entries(deployment);
        assert.equal(schoolCaches.length, 1, 'one cache of the deployment after the school page');
        const [[schoolCache, schoolFiles]] = schoolCaches;
        assert.match(schoolCache, /^profkarta-root-/);
        assert.ok(schoolFiles.some((u) => u.endsWith('.wasm')), 'the bundle is cached');
        assert.deepEqual(schoolFiles.filter((u) => u.includes('/otdel/')), [], 'nothing of the department');

        await page.getByTestId('ind-1-1').locator('input').first().fill('30');
        // Once there is a draft to keep, the browser is asked to keep it.
        await page.waitForFunction(() => window.askedToKeep === true);
        await context.setOffline(true);
        await page.reload();
        await page.getByTestId('total').waitFor();
        assert.equal(await page.getByTestId('ind-1-1').locator('input').first().inputValue(), '30', 'the draft is back too');

        await context.setOffline(false);
        await page.goto(`${app.server.url}otdel/`);
        await page.getByTestId('dept-tabs').waitFor();
        await controlledBy(page, `${school}otdel/sw.js`);
        assert.equal(await page.evaluate(() => window.mountedAtRegister), true, 'registered after the mount');
        const all = await caches(page);
        assert.deepEqual(all[schoolCache], schoolFiles, 'the school cache is as it was');
        const [departmentFiles] = Object.entries(all).filter(([name]) => name.startsWith('profkarta-otdel-')).map(([, urls]) => urls);
        assert.ok(departmentFiles.some((u) => u.endsWith('.wasm')), "the department's bundle is cached");
        assert.ok(departmentFiles.every((u) => u.includes('/otdel/')), 'nothing of the school');

        await context.setOffline(true);
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        await page.goto(app.server.url);
        await page.getByTestId('total').waitFor();
        await context.setOffline(false);
        assert.deepEqual(failures(errors), []);
    } finally {
        await context.close();
    }
});

/// A copy of the built site on its own server, to change as a deployment
/// would: the `dist/` the other test files serve at the same time stays as
/// built.
async function ownSite(prefix) {
    const site = await mkdtemp(join(tmpdir(), prefix));
    await cp(DIST, site, { recursive: true });
    const server = await startServer({ root: site });
    const close = async () => {
        await server.close();
        await rm(site, { recursive: true, force: true });
    };
    return { site, server, close };
}

test('cards/ comes from the network first; the last good copy serves offline', async () => {
    const { site, server, close } = await ownSite('profkarta-published-');
    const cards = join(site, 'cards');
    await mkdir(cards, { recursive: true });
    const publish = (version) => writeFile(join(cards, 'index.json'), JSON.stringify({ version }));
    const { context, page, errors } = await openApp(app.browser, server.url);
    const fetched = () => page.evaluate(() => fetch('cards/index.json').then((r) => r.json()));
    try {
        await controlledBy(page, '/sw.js');
        await publish(1);
        assert.deepEqual(await fetched(), { version: 1 });
        await publish(2);
        assert.deepEqual(await fetched(), { version: 2 }, 'a newly published file is seen at once');
        await context.setOffline(true);
        assert.deepEqual(await fetched(), { version: 2 }, 'offline, the last good copy');
        const missing = await page.evaluate(() => fetch('cards/other.json').then(() => 'answered', () => 'failed'));
        assert.equal(missing, 'failed', 'nothing made up for a file never fetched');
        await context.setOffline(false);
        // The one failure is the file never fetched, as the worker answers it.
        assert.deepEqual(failures(errors), ['Error: Failed to load resource: net::ERR_FAILED']);
    } finally {
        await context.close();
        await close();
    }
});

/// Deploys a new build of the school's page over `site` as an update does:
/// its bundles under new hashed names and a page naming them (with the
/// policy's hash of its loader). `sw.js` is left as it was: the browser
/// then keeps the old worker, as it does for the seconds before it has
/// fetched and installed the new one.
async function deployNewBundle(site) {
    // Trunk writes the hash without its leading zeros: 15 digits in one
    // build of 16.
    const names = (await readdir(site)).filter((n) => /^profkarta-[0-9a-f]{8,16}[._]/.test(n));
    const old = names[0].match(/^profkarta-([0-9a-f]+)/)[1];
    const fresh = [...old].reverse().join('') === old ? '0123456789abcdef' : [...old].reverse().join('');
    for (const n of names) await rename(join(site, n), join(site, n.replace(old, fresh)));
    const file = join(site, 'index.html');
    const html = await readFile(file, 'utf8');
    const loader = (page) => page.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
    const sha = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    const next = html.replaceAll(old, fresh);
    await writeFile(file, next.replace(sha(loader(html)), sha(loader(next))));
    return fresh;
}

test('a new deployment opened before its worker installs leaves the offline copy whole', async () => {
    const { site, server, close } = await ownSite('profkarta-update-');
    const { context, page, errors } = await openApp(app.browser, server.url);
    try {
        await controlledBy(page, `${BASE_PATH}sw.js`);
        await page.getByTestId('ind-1-1').locator('input').first().fill('30');
        await page.getByTestId('save-status').filter({ hasText: 'Сохранено' }).waitFor();
        // The new page online, with the old worker still in charge.
        const fresh = await deployNewBundle(site);
        await page.reload();
        await page.getByTestId('total').waitFor();
        assert.ok(await page.evaluate((fresh) => document.documentElement.innerHTML.includes(fresh), fresh), 'the new deployment is seen online at once');
        // Offline, the last whole deployment the worker holds opens.
        await context.setOffline(true);
        await page.reload();
        await page.getByTestId('total').waitFor();
        assert.equal(await page.getByTestId('ind-1-1').locator('input').first().inputValue(), '30', 'the draft is back');
        await context.setOffline(false);

        // The department's signature worker has no hash in its names: a
        // new one is fetched online before the new worker takes over, and
        // the old one serves offline with the old page.
        await page.goto(`${server.url}otdel/`);
        await page.getByTestId('dept-tabs').waitFor();
        await controlledBy(page, `${BASE_PATH}otdel/sw.js`);
        const loader = () => page.evaluate(() => fetch('proverka_loader.js').then((r) => r.text()));
        const was = await loader();
        await appendFile(join(site, 'otdel', 'proverka_loader.js'), '\n// a new deployment\n');
        assert.equal(await loader(), `${was}\n// a new deployment\n`, 'online, the deployed file');
        await context.setOffline(true);
        assert.equal(await loader(), was, 'offline, the copy of the deployment the worker holds');
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        await context.setOffline(false);
        assert.deepEqual(failures(errors), []);
    } finally {
        await context.close();
        await close();
    }
});

/// A first visit to a copy of the site whose cards/ folder holds `files`
/// (name → text), each case on its own server and in its own browser
/// context, so that nothing of one carries to the next; resolves once the
/// notices say `said`, or fails with what they said.
async function firstVisitSays(files, said) {
    const { site, server, close } = await ownSite('profkarta-cards-');
    for (const [name, text] of Object.entries(files)) await writeFile(join(site, 'cards', name), text);
    const { context, page } = await openApp(app.browser, server.url);
    try {
        await page.getByTestId('total').waitFor();
        const notices = page.getByTestId('notices');
        await notices.getByText(said).waitFor({ timeout: 15000 }).catch(async (e) => {
            throw new Error(`${e.message}\nThe notices said: ${await notices.innerText().catch(() => '(none)')}`);
        });
    } finally {
        await context.close();
        await close();
    }
}

test('a broken cards/ folder on the site is said, with whom to tell, and the page works', async () => {
    // A first visit has no cards received before to speak of.
    await firstVisitSays({ 'index.json': '{"format": "profkarta-card-index", "cards": [' },
        /^Список карт отдела на сайте \(cards\/index\.json\) не прочитан: список повреждён: [^.]+\. Сообщите об этом в отдел образования\.$/);
    const listed = JSON.stringify({ format: 'profkarta-card-index', department: 'УО', cards: [{ id: 'otdel', version: 1, title: 'Карта', file: 'otdel-v1.json' }] });
    // A card listed and not there.
    await firstVisitSays({ 'index.json': listed },
        'Карта отдела «otdel-v1.json» указана на сайте, но файл не открылся. Сообщите об этом в отдел образования.');
    // A card file that is not JSON.
    await firstVisitSays({ 'index.json': listed, 'otdel-v1.json': '<html>' },
        /^Файл «otdel-v1\.json» не открыт\. .+ Сообщите об этом в отдел образования\.$/);
});

