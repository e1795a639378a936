// The department side end to end: a generated folder of signed submissions
// from 12 schools over two years, with altered, malformed, duplicate,
// foreign, re-keyed, corrected and oversized files, imported as a user
// picks them. Verdicts, the rating and municipal figures are checked against
// the generator's manifest and an independent scorer (scoring.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { nextQuestion, openApp, openPage, pageRules, downloadText, expectKeptAside, importFiles, ARTIFACTS, useApp } from './harness.mjs';
import { score, rating, grouped, byName, tied, CARD } from './scoring.mjs';
import { CardPage } from './card_page.mjs';
import { downloadXlsx } from './xlsx_reader.mjs';

/// A share in percent with one decimal, rounded half up: «47,6 %».
const pct = (part, whole) => {
    const t = Math.floor((part * 2000 + whole) / (whole * 2));
    return `${Math.floor(t / 10)},${t % 10}\u00a0%`;
};
const LEVEL_WORDS = { high: 'высокая', medium: 'средняя', low: 'низкая' };

const GEN = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-gen');
const VERIFY = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-verify');
const LATEST = '2025/2026';

const app = useApp();
let dir;
let manifest;
let files;

before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'profkarta-gen-'));
    await promisify(execFile)(GEN, ['--out', dir, '--schools', '12', '--extras']);
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
});

after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
});

/// Runs `use` with the paths of a generated folder of `schools` schools'
/// padded (~10 KB) files, removed afterwards.
async function withGenerated(schools, use) {
    const dir = await mkdtemp(join(tmpdir(), 'profkarta-many-'));
    try {
        await promisify(execFile)(GEN, ['--out', dir, '--schools', schools, '--pad', '10240']);
        const files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
        await use(files);
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

async function withDepartment(fn, routes) {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs', routes });
    try {
        await fn(page);
        assert.deepEqual(errors.map(String), [], 'no errors in the browser console');
    } finally {
        await context.close();
    }
}

async function importAll(page) {
    await page.locator('#import-files').setInputFiles(files);
    await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${files.length}.` }).waitFor();
}

async function verdicts(page) {
    const more = page.getByRole('button', { name: /^Показать принятые файлы/ });
    if (await more.isVisible()) await more.click();
    const rows = await page.getByTestId('verdicts').locator('tbody tr').all();
    const out = {};
    for (const row of rows) {
        out[await row.locator('td').first().innerText()] = await row.getAttribute('data-verdict');
    }
    return out;
}

/// The schools that count in `period`, scored independently.
function expectedSchools(period, { acceptKeyChange = false } = {}) {
    const counted = new Set(['accepted', 'score_mismatch']);
    const subs = manifest.files.filter((f) => f.submission && f.submission.period === period);
    const byName = new Map();
    for (const f of subs) {
        const take = counted.has(f.verdict) || (acceptKeyChange && f.verdict === 'key_changed');
        if (!take) continue;
        const s = f.submission;
        const prev = byName.get(s.school);
        // With the new key accepted, the later file of that school wins.
        if (!prev || s.created_at > prev.created_at) byName.set(s.school, s);
    }
    return [...byName.values()].map((s) => ({ name: s.school, levels: s.levels, ovz: s.ovz, ...score(s) }));
}

/// Every row of the rating, once all are drawn: after a reload the rating
/// appears when the stored workspace is checked again and filed, and the
/// table draws its first rows before the first paint, the rest after it.
async function allRatingRows(page) {
    const table = page.getByTestId('rating');
    await table.locator('tbody tr').first().waitFor();
    const count = await page.locator('.rating-count').innerText();
    const shown = Number(/Показано школ: (\d+)/.exec(count)[1]);
    await table.locator('tbody tr').nth(shown - 1).waitFor();
    return table.locator('tbody tr').all();
}

async function ratingRows(page) {
    const rows = await allRatingRows(page);
    return Promise.all(
        rows.map(async (row) => ({
            rank: Number(await row.locator('[data-col="rank"]').innerText()),
            name: await row.locator('th.school button').innerText(),
            total: await row.locator('[data-col="total"]').innerText(),
        })),
    );
}

/// One line of a CSV the app writes: fields split at semicolons, quoted
/// ones unquoted.
function csvFields(line) {
    return [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map(([, f]) =>
        f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f);
}

function asRows(schools) {
    return rating(schools).map((s) => ({ rank: s.rank, name: s.name, total: `${s.total} из ${s.max}` }));
}

test('every file gets its own verdict; bad files do not stop good ones', () =>
    withDepartment(async (page) => {
        await importAll(page);
        // Before the accepted files are asked for, those whose total does
        // not add up are listed with the problems, and counted.
        const mismatched = manifest.files.filter((f) => f.verdict === 'score_mismatch').map((f) => f.name);
        assert.ok(mismatched.length > 0, 'the generator writes a file with a wrong total');
        const listed = await page.getByTestId('verdicts').locator('tbody tr[data-verdict="score_mismatch"] td:first-child').allInnerTexts();
        assert.deepEqual(listed.sort(), [...mismatched].sort());
        await page.getByTestId('import-summary').filter({ hasText: `(итог в файле не совпадает с пересчётом: ${mismatched.length})` }).waitFor();
        // A file a newer one of its school replaced is listed there too.
        const superseded = manifest.files.filter((f) => f.verdict === 'superseded').map((f) => f.name);
        assert.ok(superseded.length > 0, 'the generator writes a corrected file');
        const replaced = await page.getByTestId('verdicts').locator('tbody tr[data-verdict="superseded"] td:first-child').allInnerTexts();
        assert.deepEqual(replaced.sort(), [...superseded].sort());
        const expected = Object.fromEntries(manifest.files.map((f) => [f.name, f.verdict]));
        assert.deepEqual(await verdicts(page), expected);
        assert.ok(Object.values(expected).includes('altered') && Object.values(expected).includes('too_large'));
        // A refused file that still reads says whom it claims to be from,
        // so that the coordinator knows which school to ask for a good copy.
        const claiming = manifest.files.filter((f) => ['altered', 'unknown_template'].includes(f.verdict));
        assert.equal(claiming.length, 2);
        for (const f of claiming) {
            const row = page.getByTestId('verdicts').locator(`tbody tr[data-verdict="${f.verdict}"]`).filter({ hasText: f.name });
            const why = await row.locator('td').nth(2).innerText();
            assert.ok(why.endsWith(`В файле указана школа: ${f.submission.school}, ${f.submission.period} учебный год.`), why);
        }
        await page.getByTestId('held-keys').getByText('Принять новый ключ').waitFor();
    }));

test('a file re-saved in Notepad (BOM, CRLF) gets the same verdict here and from profkarta-verify', async () => {
    const original = manifest.files.find((f) => f.verdict === 'accepted');
    const text = await readFile(join(dir, original.name), 'utf8');
    const notepad = join(await mkdtemp(join(tmpdir(), 'profkarta-notepad-')), 'notepad.json');
    await writeFile(notepad, `\uFEFF${text.replaceAll('\n', '\r\n')}`);
    const { stdout } = await promisify(execFile)(VERIFY, [notepad]);
    assert.match(stdout, /^verdict: accepted \(принят\)$/m);
    await withDepartment(async (page) => {
        await page.locator('#import-files').setInputFiles([notepad]);
        await page.getByTestId('import-summary').filter({ hasText: 'Файлов: 1. Принято: 1.' }).waitFor();
    });
    await rm(dirname(notepad), { recursive: true, force: true });
});

// The page hands signature checks to workers (platform/verifier.rs); the
// loader of their script, as the tests serve it.
const WORKER_LOADER = '**/otdel/proverka_loader.js';
/// The page's batches of files (FILES_PER_FRAME in department/import.rs).
const BATCH = 20;

/// Imports every file and checks what the import found against the
/// generator's manifest and the independent scorer.
async function importAndCompare(page) {
    await importAll(page);
    assert.deepEqual(await verdicts(page), Object.fromEntries(manifest.files.map((f) => [f.name, f.verdict])));
    await page.getByRole('tab', { name: 'Результаты' }).click();
    assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
}

test('signatures are checked in workers, with the same verdicts and rating', async () => {
    // The loader as built, plus a count of the batches each worker is sent
    // and a promise of its wasm having loaded.
    const counting = (context) =>
        context.route(WORKER_LOADER, async (route) => {
            const response = await route.fetch();
            const loader = (await response.text()).replace('wasm_bindgen(', 'self.loaded = wasm_bindgen(');
            const body = `self.batches = 0; self.addEventListener('message', () => self.batches++);\n${loader}`;
            await route.fulfill({ response, body });
        });
    await withDepartment(async (page) => {
        const cores = await page.evaluate(() => navigator.hardwareConcurrency);
        const count = Math.min(Math.max(cores - 1, 1), 3);
        while (page.workers().length < count) await page.waitForEvent('worker');
        for (const worker of page.workers()) await worker.evaluate(() => self.loaded.then(() => true));
        await importAndCompare(page);
        const sent = await Promise.all(page.workers().map((w) => w.evaluate(() => self.batches)));
        const total = sent.reduce((a, b) => a + b, 0);
        assert.equal(total, Math.ceil(files.length / BATCH), `every batch went to a worker (${sent.join(' + ')})`);
    }, counting);
});

test('without its workers, or when they fail, the page checks every file itself', async () => {
    const blocked = (context) => context.route(WORKER_LOADER, (route) => route.abort());
    // Says it has loaded, then fails on every batch it is sent.
    const failing = (context) =>
        context.route(WORKER_LOADER, (route) =>
            route.fulfill({
                contentType: 'text/javascript',
                body: "self.onmessage = () => { throw new Error('test: the worker fails'); }; postMessage(true);",
            }),
        );
    for (const routes of [blocked, failing]) await withDepartment(importAndCompare, routes);
});

test('the rating and municipal figures match an independent computation', () =>
    withDepartment(async (page) => {
        await importAll(page);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        const schools = expectedSchools(LATEST);
        assert.equal(schools.length, 13, '12 schools and the one whose claim disagrees');
        assert.deepEqual(await ratingRows(page), asRows(schools));
        // Each criterion: its points of its maximum, «—» where none of it applies.
        const criteria = CARD.directions.flatMap((d) => d.criteria);
        let dashes = 0;
        for (const s of schools) {
            const row = page.getByTestId('rating').locator('tbody tr').filter({ has: page.getByRole('button', { name: s.name, exact: true }) });
            for (const c of criteria) {
                const applicable = c.indicators.filter((i) => s.applicable.has(i.code));
                const max = applicable.reduce((n, i) => n + i.points, 0);
                const got = applicable.reduce((n, i) => n + s.points[i.code], 0);
                const cell = row.locator(`[data-col="criterion-${c.code}"]`);
                if (max > 0) {
                    assert.equal(await cell.innerText(), `${got}/${max}`, `${s.name}, ${c.code}`);
                } else {
                    assert.equal(await cell.locator('[aria-hidden="true"]').innerText(), '—', `${s.name}, ${c.code}`);
                    assert.equal(await cell.getAttribute('title'), 'не применимо');
                    dashes += 1;
                }
            }
        }
        assert.ok(dashes > 0, 'some school has a criterion none of which applies');
        // That school is marked ⚠, and the mark is explained on the page.
        const claimed = manifest.files.find((f) => f.verdict === 'score_mismatch').submission.school;
        const flagged = page.getByTestId('rating').locator('tbody tr:has(.flag) th.school button');
        assert.deepEqual(await flagged.allInnerTexts(), [claimed]);
        assert.match(await page.getByTestId('mismatch-note').innerText(), /^⚠ — итог, заявленный школой, не совпадает с пересчётом/);

        // «Баллы» sorts by points, most first, equal points in rank order;
        // a second click turns the order round.
        const byPoints = asRows(schools).map((r, i) => ({ ...r, i, points: Number(r.total.split(' ')[0]) }));
        byPoints.sort((a, b) => b.points - a.points || a.i - b.i);
        // The header's name gains the arrow (▼/▲) once sorted by it.
        const pointsHead = page.getByTestId('rating').getByRole('columnheader', { name: /^Баллы/ });
        const points = pointsHead.getByRole('button');
        const sorted = (order) => pointsHead.and(page.locator(`[aria-sort="${order}"]`)).waitFor();
        // Most first is the points going down, as a screen reader must say.
        // The line of the rows' count, a status, says the order too.
        const order = (words) => page.locator('.rating-count').filter({ hasText: `; порядок — ${words}.` }).waitFor();
        await order('по месту, с первого');
        await points.click();
        await sorted('descending');
        await order('по баллам, сначала больше');
        assert.deepEqual((await ratingRows(page)).map((r) => r.name), byPoints.map((r) => r.name));
        await points.click();
        await sorted('ascending');
        await order('по баллам, сначала меньше');
        assert.deepEqual((await ratingRows(page)).map((r) => r.name), byPoints.map((r) => r.name).reverse());
        await page.getByTestId('rating').getByRole('button', { name: /^Место/ }).click();
        await sorted('none');
        assert.deepEqual(await ratingRows(page), asRows(schools));

        const figures = page.getByTestId('figures');
        const figure = (name) => figures.locator(`[data-figure="${name}"]`).innerText();
        assert.equal(await figure('schools'), String(schools.length));
        for (const level of ['high', 'medium', 'low']) {
            assert.equal(await figure(level), String(schools.filter((s) => s.level === level).length), level);
        }
        const levels = new Set(schools.map((s) => s.level));
        assert.equal(levels.size, 3, 'the generated set spreads over all three levels');

        // Σ numerators / Σ denominators over the schools 4.1 applies to.
        let n = 0;
        let d = 0;
        for (const s of schools) {
            if (s.applicable.has('4.1') && s.shares['4.1']) {
                n += s.shares['4.1'][0];
                d += s.shares['4.1'][1];
            }
        }
        const pooled = await page.getByTestId('indicator-figures').locator('tr[data-code="4.1"] [data-col="value"]').innerText();
        assert.equal(await page.getByTestId('school-values').count(), 0, 'a card with points has its rating and matrix instead');
        // The pooled share, rounded half up, then the counts with their
        // thousands grouped, as in «в сумме».
        assert.equal(pooled, `${pct(n, d)} (${grouped(n)} из ${grouped(d)})`);
        const earned = schools.filter((s) => s.earned.has('4.1')).length;
        const applicable = schools.filter((s) => s.applicable.has('4.1')).length;
        const row41 = page.getByTestId('indicator-figures').locator('tr[data-code="4.1"]');
        assert.equal(await row41.locator('[data-col="earned"]').innerText(), String(earned));
        assert.equal(await row41.locator('[data-col="applicable"]').innerText(), String(applicable));

        // The trend carries each year's share of points and of schools at
        // the high level, worked out here from each year's own files.
        await page.getByRole('tab', { name: 'Динамика' }).click();
        const trend = page.getByTestId('chart-trend').locator('svg');
        await trend.waitFor();
        // Read line by line from the chart's description (the drawn
        // labels are one bag of texts with the axis's), each year's point
        // in its place: «Баллов…: 2024/2025 — 47,6 %, 2025/2026 — 52,4 %; Доля…».
        const described = (await trend.getAttribute('aria-label')).replace(/^Динамика по учебным годам\. /, '').replace(/\.$/, '');
        const lines = described.split('; ').map((line) => line.slice(line.indexOf(': ') + 2).split(', ').map((point) => point.split(' — ')));
        const years = ['2024/2025', LATEST];
        const sum = (all, key) => all.reduce((n, s) => n + s[key], 0);
        assert.deepEqual(lines, [
            years.map((year) => [year, pct(sum(expectedSchools(year), 'total'), sum(expectedSchools(year), 'max'))]),
            years.map((year) => [year, pct(expectedSchools(year).filter((s) => s.level === 'high').length, expectedSchools(year).length)]),
        ]);
        // Each school's change is the difference of its two shares as the
        // row shows them, rounded to tenths first, so that it adds up.
        const tenths = (part, whole) => Math.floor((part * 2000 + whole) / (whole * 2));
        const was = new Map(expectedSchools('2024/2025').map((s) => [s.name, s]));
        const changes = {};
        const delta = (now, total = now.total) => {
            const d = tenths(total, now.max) - tenths(was.get(now.name).total, was.get(now.name).max);
            const sign = d > 0 ? '+' : d < 0 ? '−' : '';
            return `${sign}${Math.floor(Math.abs(d) / 10)},${Math.abs(d) % 10}\u00a0п.\u00a0п.`;
        };
        for (const now of expectedSchools(LATEST).filter((s) => was.has(s.name))) changes[now.name] = delta(now);
        await page.waitForFunction(() => !document.querySelector('[data-pending]'));
        const shownChanges = {};
        for (const row of await page.getByTestId('school-changes').locator('tbody tr').all()) {
            shownChanges[await row.locator('th').innerText()] = await row.locator('[data-col="delta"]').innerText();
        }
        assert.deepEqual(shownChanges, changes);
        // The same in a workbook, numbers as numbers: each school's two
        // years and its change in points, as the row shows it.
        const book = await downloadXlsx(page, () => page.getByRole('button', { name: 'Все таблицы в XLSX' }).click(),
            `динамика_2024-2025_${LATEST.replace('/', '-')}.xlsx`);
        assert.deepEqual(Object.keys(book), ['Динамика по школам', 'Выполнение показателей', 'Значения по муниципалитету']);
        const [bookHead, ...bookRows] = book['Динамика по школам'];
        assert.deepEqual(bookHead.slice(0, 8), ['Школа', 'Было, баллов', 'Было, максимум', 'Было, %', 'Стало, баллов', 'Стало, максимум', 'Стало, %', 'Изменение, п. п.']);
        const inBook = new Map(bookRows.map((r) => [r[0], r.slice(1, 8)]));
        assert.deepEqual([...inBook.keys()].toSorted(), Object.keys(changes).toSorted());
        for (const now of expectedSchools(LATEST).filter((s) => was.has(s.name))) {
            const then = was.get(now.name);
            const [a, b] = [tenths(then.total, then.max), tenths(now.total, now.max)];
            // A share the fraction Excel keeps a percentage as, the change in points.
            assert.deepEqual(inBook.get(now.name), [then.total, then.max, a / 1000, now.total, now.max, b / 1000, (b - a) / 10], now.name);
        }
        assert.deepEqual(book.formats['Динамика по школам'][1].slice(1, 8), ['', '', '0.0%', '', '', '0.0%', '0.0']);
        // The page leads with the report's count of those that did better
        // and worse, by the same shown changes.
        const up = Object.values(changes).filter((c) => c.startsWith('+')).length;
        const down = Object.values(changes).filter((c) => c.startsWith('−')).length;
        const same = Object.keys(changes).length - up - down;
        const summary = await page.getByTestId('dynamics-summary').innerText();
        assert.ok(summary.includes(`результат улучшили\u00a0${up}, ухудшили\u00a0${down}${same > 0 ? `, без изменений\u00a0${same}` : ''}.`), summary);
        // Those that did worse are named after it (up to five: all).
        const fell = Object.keys(changes).filter((name) => changes[name].startsWith('−'));
        const worse = summary.indexOf(' Результат ухудшили: ');
        if (fell.length === 0) assert.ok(!summary.includes('ухудшили результат') && worse < 0, summary);
        else if (fell.length <= 5) for (const name of fell) assert.ok(worse > 0 && summary.indexOf(tied(name), worse) > worse, `${name}: ${summary}`);
        // The schools low in both years are named, each year by its own level.
        const stillLow = expectedSchools(LATEST).filter((s) => s.level === 'low' && was.get(s.name)?.level === 'low').map((s) => s.name).sort(byName).map(tied);
        if (stillLow.length === 0) assert.ok(!summary.includes('На низком уровне оба года'), summary);
        else assert.ok(summary.includes(` На низком уровне оба года: ${stillLow.join(', ')}.`), summary);
        // Those that reached the high level are named, with last year's.
        const toHigh = expectedSchools(LATEST).filter((s) => s.level === 'high' && was.has(s.name) && was.get(s.name).level !== 'high').map((s) => s.name);
        const toHighAt = summary.indexOf(' Перешли на высокий уровень: ');
        if (toHigh.length === 0) assert.ok(toHighAt < 0, summary);
        else for (const name of toHigh) assert.ok(toHighAt > 0 && summary.indexOf(`${tied(name)} (в прошлом году — `, toHighAt) > toHighAt, `${name}: ${summary}`);
        // And those that left it, with this year's.
        const fromHigh = expectedSchools(LATEST).filter((s) => s.level !== 'high' && was.get(s.name)?.level === 'high').map((s) => s.name);
        const fromHighAt = summary.indexOf(' Опустились с высокого уровня: ');
        if (fromHigh.length === 0) assert.ok(fromHighAt < 0, summary);
        else for (const name of fromHigh) assert.ok(fromHighAt > 0 && summary.indexOf(`${tied(name)} (в этом году — `, fromHighAt) > fromHighAt, `${name}: ${summary}`);
        // What the generated set holds, so that no check above passes for
        // want of a school to check: none fell and none left the high level
        // (their sentences are the core's tests'), three stayed low, one
        // rose to high.
        assert.deepEqual([fell.length, stillLow.length, toHigh.length, fromHigh.length], [0, 3, 1, 0]);
        // A school is looked up by part of its name, in any case.
        const names = Object.keys(changes);
        const sought = names[names.length - 1];
        const part = sought.slice(-6).toLowerCase();
        await page.locator('#dynamics-search').fill(part.toUpperCase());
        const matching = names.filter((n) => n.toLowerCase().includes(part));
        await page.getByTestId('dynamics-count').getByText(`Показано школ: ${matching.length} из ${names.length}.`, { exact: true }).waitFor();
        const foundRows = await page.getByTestId('school-changes').locator('tbody th').allInnerTexts();
        assert.deepEqual(foundRows.toSorted(), matching.toSorted());
        await page.locator('#dynamics-search').fill('нет такой школы');
        await page.getByTestId('dynamics-count').getByText('Школ с таким названием нет.').waitFor();
        assert.equal(await page.getByTestId('school-changes').locator('tbody tr').count(), 0);
        await page.locator('#dynamics-search').fill('');
        await page.getByTestId('dynamics-count').getByText(`Показано школ: ${names.length} из ${names.length}.`, { exact: true }).waitFor();

        // The check moves this year's result and not last year's: the
        // school's row says so, and its change is the checked one.
        const thisYear = expectedSchools(LATEST);
        const checked = thisYear.find((s) => was.has(s.name) && s.earned.size > 0
            && thisYear.filter((o) => o.name.includes(s.name)).length === 1);
        const refused = [...checked.earned][0];
        const decide = async (choice) => {
            await page.getByRole('tab', { name: 'Результаты' }).click();
            await page.getByTestId('rating').locator('th.school button', { hasText: checked.name }).click();
            const review = page.getByTestId('review');
            await review.getByRole('heading', { name: checked.name }).waitFor();
            await review.locator(`#decision-${refused.replace('.', '-')}-${choice}`).check();
            await page.getByRole('tab', { name: 'Динамика' }).click();
        };
        await decide('no_point');
        const checkedRow = page.getByTestId('school-changes').locator('tbody tr', { hasText: checked.name });
        await checkedRow.locator('.row-note').filter({ hasText: 'в этом году результат изменён проверкой отдела, прошлый год не проверен' }).waitFor();
        assert.equal(await checkedRow.locator('[data-col="delta"]').innerText(), delta(checked, checked.total - checked.points[refused]));
        await decide('none');
        await checkedRow.locator('.row-note').waitFor({ state: 'detached' });
        assert.equal(await checkedRow.locator('[data-col="delta"]').innerText(), changes[checked.name]);
        await page.getByRole('tab', { name: 'Результаты' }).click();

        // The charts are there and carry the schools' names safely.
        const heat = page.getByTestId('chart-heatmap').locator('svg');
        await heat.waitFor();
        const hostile = schools.find((s) => s.name.includes('<b>'));
        assert.ok(hostile, 'the generated set has a name with markup');
        // The rating's rows are set as markup: the name is escaped there.
        await page.getByTestId('rating').getByRole('button', { name: hostile.name, exact: true }).waitFor();
        assert.equal(await page.locator('body b').count(), 0, 'markup in a school name stays text');

        // «Печать рейтинга» marks the page for the print dialog alone, and
        // the print style then keeps the rating and leaves out the charts.
        // The paper names the moment it is printed, hours after the tab was
        // drawn if need be: the line is filled as the dialog opens, before
        // the paper's layout (this listener runs after the page's own).
        await page.clock.setFixedTime(new Date(2030, 4, 6, 7, 8));
        await page.evaluate(() => addEventListener('beforeprint', () => {
            window.printed = document.documentElement.dataset.print;
            window.printedLine = document.querySelector('[data-testid="results-printed"]').textContent;
        }, { once: true }));
        await page.getByRole('button', { name: 'Печать рейтинга' }).click();
        assert.equal(await page.evaluate(() => window.printed), 'rating');
        assert.equal(await page.evaluate(() => window.printedLine), 'Напечатано 06.05.2030 07:08.');
        // Every sheet's foot says the card and the year (no department named yet).
        const foot = await pageRules(page);
        const period = await page.locator('#period').inputValue();
        // A long title shortened at a word, so that the year does not wrap alone.
        assert.ok(CARD.title.startsWith('Экспертная карта мониторинга системы работы'));
        assert.ok(foot.includes(`@bottom-left { content: "«Экспертная карта мониторинга системы…», версия ${CARD.version} · ${period}"; }`), foot);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.print), undefined);
        await page.emulateMedia({ media: 'print' });
        assert.ok(await heat.isVisible(), 'the whole tab prints the charts');
        await page.evaluate(() => { document.documentElement.dataset.print = 'rating'; });
        assert.ok(!(await heat.isVisible()), 'the rating prints without them');
        assert.ok(await page.getByTestId('rating').isVisible());
        assert.ok(await page.getByTestId('figures').isVisible());
        // On paper the page says when it was printed (no department named yet).
        const printed = page.getByTestId('results-printed');
        assert.ok(await printed.isVisible());
        assert.equal(await printed.innerText(), 'Напечатано 06.05.2030 07:08.');
        await page.screenshot({ path: join(ARTIFACTS, 'department-rating-print.png'), fullPage: true });
        await page.evaluate(() => { delete document.documentElement.dataset.print; });
        await page.emulateMedia({ media: 'screen' });
        assert.ok(!(await printed.isVisible()), 'the screen does not need it');
    }));

test('accepting a new key, reviewing a school and filters change what the rating shows', () =>
    withDepartment(async (page) => {
        await importAll(page);
        // While the newer file waits, the school's review and letter go by
        // the older one, and both say so.
        const waiting = manifest.files.find((f) => f.name === 'extra-key-changed.json').submission;
        const older = manifest.files.find((f) => f.verdict === 'accepted' && f.submission.school === waiting.school && f.submission.period === waiting.period).submission;
        const waitingDay = `${waiting.created_at.slice(8, 10)}.${waiting.created_at.slice(5, 7)}.${waiting.created_at.slice(0, 4)}`;
        const heldNote = `У школы есть более новый файл «extra-key-changed.json» от ${waitingDay}, подписанный новым ключом. Пока ключ не принят, результаты, проверка и письмо — по этому файлу. Примите или отклоните ключ на вкладке «Загрузка файлов», в блоке «Новые ключи подписи».`;
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(older.submission_id);
        await page.getByTestId('review').getByTestId('newer-held').filter({ hasText: heldNote }).waitFor();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.getByTestId('newer-held').filter({ hasText: heldNote }).waitFor();
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        // A rejection is asked about first: declined, nothing changes.
        const held = page.getByTestId('held-keys');
        const questions = [];
        page.once('dialog', (dialog) => { questions.push(dialog.message()); dialog.dismiss(); });
        await held.getByRole('button', { name: 'Отклонить' }).click();
        assert.match(questions[0], /^Отклонить ключ [0-9A-F-]+ школы «.+»\? Её файлы с этим ключом \(файлов: 1\)/);
        assert.equal((await verdicts(page))['extra-key-changed.json'], 'key_changed');
        // Confirmed, the only key decided, its block goes and the focus goes
        // to the tab's heading; the rejection can be taken back.
        page.once('dialog', (dialog) => dialog.accept());
        await held.getByRole('button', { name: 'Отклонить' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'import-title');
        await page.locator('[data-testid="verdicts"] tbody tr[data-verdict="key_rejected"]', { hasText: 'extra-key-changed.json' }).waitFor();
        // The rejected file stays in the workspace, quietly: after a reload
        // nothing is reported about it, and the rejection can still be taken back.
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        const rejected = page.getByTestId('rejected-keys');
        await rejected.waitFor();
        assert.equal(await page.getByTestId('notices').filter({ hasText: 'extra-key-changed.json' }).count(), 0);
        await rejected.locator('summary').click();
        await rejected.getByRole('button', { name: 'Принять этот ключ' }).click();
        await rejected.waitFor({ state: 'detached' });

        await page.getByRole('tab', { name: 'Результаты' }).click();
        const schools = expectedSchools(LATEST, { acceptKeyChange: true });
        assert.deepEqual(await ratingRows(page), asRows(schools));

        // Review the leader: one earned point is not confirmed.
        const leader = rating(schools)[0];
        const code = [...leader.earned][0];
        await page.getByTestId('rating').locator('th.school button', { hasText: leader.name }).first().click();
        const review = page.getByTestId('review');
        await review.getByRole('heading', { name: leader.name }).waitFor();
        // The version of the card the file was filled in (the generator's files are version 1).
        assert.ok((await review.locator('p.meta').first().innerText()).includes(' · карта версии 1 · ключ '));
        // The profile that decides what applies, as the school answered it.
        const yes = (b) => (b ? 'да' : 'нет');
        assert.equal(await review.getByTestId('review-profile').innerText(),
            `Профиль школы: НОО (1–4 классы) — ${yes(leader.levels.includes('noo'))}; ООО (5–9 классы) — ${yes(leader.levels.includes('ooo'))}; `
            + `СОО (10–11 классы) — ${yes(leader.levels.includes('soo'))}; В ОО обучаются дети с ОВЗ или дети-инвалиды — ${yes(leader.ovz)}.`);
        const refused = review.locator(`li[data-code="${code}"]`);
        await refused.getByLabel('балл не засчитан').check();
        await review.getByTestId('confirmed-score').filter({ hasText: `${leader.total - 1} из ${leader.max}` }).waitFor();
        // The reason is asked for: the school reads it in its letter.
        await refused.getByTestId('reason-missing').filter({ hasText: 'Укажите причину: школа прочитает её в письме с рекомендациями.' }).waitFor();
        await review.getByTestId('differences').filter({ hasText: `${code}: заявлено 1 балл → засчитано 0 баллов — причина не указана` }).waitFor();
        // Above the rows, one line: the list is below them, so that it
        // does not move the rows as it grows.
        assert.equal(await review.getByTestId('differences-count').innerText(), 'Расхождений с самооценкой: 1 — список под показателями.');
        assert.ok(await review.evaluate((r) => r.querySelector('.review-rows').compareDocumentPosition(r.querySelector('[data-testid="differences"]')) & Node.DOCUMENT_POSITION_FOLLOWING));
        const reason = 'Ссылка ведёт на общий раздел сайта';
        await refused.getByLabel('Комментарий проверяющего').fill(reason);
        // Straight on to the next row's choice: the hint, gone as the
        // comment is left, waits for the click, which reaches its box.
        const nextRow = refused.locator('xpath=following-sibling::li[1]');
        const nextConfirm = nextRow.getByLabel('подтверждено');
        await nextConfirm.click();
        assert.ok(await nextConfirm.isChecked(), 'the click on the next row reached its choice');
        await refused.getByTestId('reason-missing').filter({ hasText: 'Укажите причину' }).waitFor({ state: 'detached' });
        await review.getByTestId('differences').filter({ hasText: `${code}: заявлено 1 балл → засчитано 0 баллов — Ссылка ведёт на общий раздел сайта` }).waitFor();
        // On paper each row says its decision in words, without the
        // options not taken, and an empty comment box is left out.
        await page.emulateMedia({ media: 'print' });
        // Ctrl+P: the sheets, apart, say whose check they are.
        await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
        const reviewFoot = await pageRules(page);
        assert.ok(reviewFoot.includes(`@bottom-left { content: "${leader.name} · ${LATEST}"; }`), reviewFoot);
        assert.ok(await refused.getByText('балл не засчитан').isVisible());
        assert.ok(!(await refused.getByText('подтверждено', { exact: true }).isVisible()), 'an option not taken');
        assert.ok(!(await refused.locator('input[type="radio"]').first().isVisible()), 'the round buttons');
        // A comment written is printed as text, which wraps: its one-line
        // box cut a long one at the edge.
        assert.equal(await refused.getByTestId('comment-printed').innerText(), reason);
        assert.ok(!(await refused.getByLabel('Комментарий проверяющего').isVisible()), 'as text, not the box');
        assert.ok(!(await nextRow.getByText('Комментарий проверяющего').isVisible()), 'an empty comment is left out, its label too');
        assert.ok(await nextRow.getByText('подтверждено', { exact: true }).isVisible(), 'its decision');
        // The check's state in words, not an empty box.
        assert.equal(await review.getByTestId('review-status-printed').innerText(), 'Проверка не завершена.');
        assert.ok(!(await review.getByLabel('Проверка завершена').isVisible()));
        await page.emulateMedia({ media: 'screen' });
        assert.ok(!(await review.getByTestId('review-status-printed').isVisible()), 'paper only');
        // Points claimed without links and not decided are named before the
        // check is finished; the refusal has its reason now.
        const question = nextQuestion(page);
        await review.getByLabel('Проверка завершена').check();
        const asked = await question;
        assert.match(asked, /^Перед завершением проверки:\n— показатели с баллом без ссылки на подтверждение, по которым нет решения: [\d., ]+\.\nВсё равно отметить проверку завершённой\?$/);
        // A row the school's profile rules out (2.2, for pupils with ОВЗ, at
        // a school without them) is counted in by «балл не засчитан»: said
        // under the choice, its reason asked for, in the differences and
        // before the check is finished. «не решено» takes it back.
        const without = schools.find((s) => s.name !== leader.name && !s.ovz);
        assert.ok(without, 'the generated set has a school without pupils with ОВЗ');
        const withoutOption = await page.locator('#school-select option', { hasText: without.name }).first().getAttribute('value');
        await page.locator('#school-select').selectOption(withoutOption);
        await review.getByRole('heading', { name: without.name }).waitFor();
        const ovzRow = review.locator('li[data-code="2.2"]');
        // The answer that rules it out is named beside it.
        assert.equal(await ovzRow.getByTestId('claimed').innerText(), 'не применимо (по профилю: В ОО обучаются дети с ОВЗ или дети-инвалиды — нет)');
        await ovzRow.getByLabel('балл не засчитан').check();
        await review.getByTestId('confirmed-score').filter({ hasText: `${without.total} из ${without.max + 1} ` }).waitFor();
        await ovzRow.getByTestId('counted-in').filter({ hasText: 'По ответам школы показатель не входит в её максимум: решение «балл не засчитан» включает его в максимум с 0 баллов.' }).waitFor();
        assert.equal(await ovzRow.getByTestId('counted-in').getAttribute('role'), 'status');
        await ovzRow.getByTestId('reason-missing').filter({ hasText: 'Укажите причину: школа прочитает её в письме с рекомендациями.' }).waitFor();
        await review.getByTestId('differences').filter({ hasText: '2.2: по ответам школы не применим → засчитано 0 баллов — причина не указана' }).waitFor();
        const notFinished = new Promise((resolve) => page.once('dialog', (dialog) => {
            resolve(dialog.message());
            dialog.dismiss();
        }));
        // Dismissed, the box stays empty.
        await review.getByLabel('Проверка завершена').click();
        assert.match(await notFinished, /\n— показатели, где балл не засчитан без причины: 2\.2 \(школа прочитает в письме «причина не указана»\);?\n/);
        assert.equal(await review.getByLabel('Проверка завершена').isChecked(), false);
        await ovzRow.getByLabel('не решено').check();
        await review.getByTestId('confirmed-score').filter({ hasText: `${without.total} из ${without.max} ` }).waitFor();
        assert.equal(await ovzRow.getByTestId('counted-in').innerText(), '');
        // The school's letter gives the reason, and asks to remove it.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        const leaderOption = await page.locator('#school-select option', { hasText: leader.name }).first().getAttribute('value');
        await page.locator('#school-select').selectOption(leaderOption);
        // What would confirm the point is the card's own list of evidence.
        const evidence = CARD.directions.flatMap((d) => d.criteria).flatMap((c) => c.indicators).find((i) => i.code === code).evidence.trim();
        const asked_for = /\p{Ll}/u.test(evidence[1]) ? evidence[0].toLowerCase() + evidence.slice(1) : evidence;
        await page.waitForFunction((said) => document.querySelector('#letter-text')?.value.includes(said),
            `При проверке балл не засчитан. Замечание проверки: «Ссылка ведёт на общий раздел сайта».\nРекомендация: Устранить замечание проверки и представить подтверждение: ${asked_for.replace(/\.$/, '')}.\n`);
        // Its printed sheets, apart, say whose letter they are.
        await page.getByRole('button', { name: 'Печать письма' }).click();
        const letterFoot = await pageRules(page);
        // Whom, the department (none named here) and the year: with the
        // card too, the foot ran to three lines.
        assert.ok(letterFoot.includes(`@bottom-left { content: "${leader.name} · ${LATEST}"; }`), letterFoot);
        // On paper as in Word: the title centred, each indicator's heading
        // in bold (a walk-through's print read as a pasted text file).
        await page.emulateMedia({ media: 'print' });
        const paper = page.locator('.letter-print');
        const title = paper.locator('.letter-title');
        assert.equal(await title.innerText(), `Адресные рекомендации по итогам мониторинга профориентационной работы\nза ${LATEST} учебный год`);
        assert.deepEqual(await title.evaluate((e) => [getComputedStyle(e).textAlign, getComputedStyle(e).fontWeight]), ['center', '700']);
        const heads = await paper.locator('p > strong').allInnerTexts();
        assert.ok(heads.some((h) => h.startsWith(`${code}. `)), heads.join(' | '));
        assert.ok(heads.every((h) => /^\d+\.\d+\. \S/.test(h)), 'only the indicators\' headings');
        await page.emulateMedia({ media: 'screen' });

        await page.getByRole('tab', { name: 'Результаты' }).click();
        const reviewed = schools.map((s) => (s.name === leader.name ? { ...s, total: s.total - 1 } : s));
        assert.deepEqual(await ratingRows(page), asRows(reviewed));
        const leaderRow = page.getByTestId('rating').locator('tbody tr', { hasText: leader.name });
        assert.match(await leaderRow.innerText(), /проверена/);

        // Filters: low level only, then a search.
        await page.locator('#filter-level').selectOption('low');
        const isLow = (name) => {
            const s = reviewed.find((x) => x.name === name);
            return s.total * 100 < 60 * s.max;
        };
        const low = (await ratingRows(page)).map((r) => r.name);
        assert.deepEqual(low, asRows(reviewed).map((r) => r.name).filter(isLow));
        assert.ok(low.length > 0);
        // Paper does not show the selects: the printed rating says what they chose.
        const chosen = page.getByTestId('rating-filter');
        assert.equal(await chosen.textContent(), 'Отбор: уровень — низкая.');
        await page.locator('#filter-level').selectOption('');
        await page.locator('#filter-search').fill('сош № 1');
        const found = await ratingRows(page);
        assert.ok(found.length >= 1 && found.every((r) => r.name.toLowerCase().includes('сош № 1')));
        assert.equal(await chosen.textContent(), 'Отбор: в названии есть «сош № 1».');
        assert.ok(!(await chosen.isVisible()), 'on screen the selects say it');
        await page.emulateMedia({ media: 'print' });
        assert.ok(await chosen.isVisible());
        await page.emulateMedia({ media: 'screen' });
        // Away to a school's review and back, the filters are as they were,
        // in the controls too.
        await page.locator('#filter-level').selectOption('low');
        const kept = await ratingRows(page);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.getByTestId('review').waitFor();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(page), kept);
        assert.equal(await page.locator('#filter-level').inputValue(), 'low');
        assert.equal(await page.locator('#filter-search').inputValue(), 'сош № 1');
        assert.equal(await chosen.textContent(), 'Отбор: уровень — низкая; в названии есть «сош № 1».');

        // Opened from the rating, «Следующая школа» goes on down the rating
        // as shown, not the select's order by name, and «К рейтингу» comes
        // back to the row of the school last open, in view.
        await page.locator('#filter-level').selectOption('');
        await page.locator('#filter-search').fill('');
        const shown = (await ratingRows(page)).map((r) => r.name);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const listed = (await page.locator('#school-select option').allInnerTexts()).map((t) => t.replace(/ — [^—]+$/, ''));
        await page.getByRole('tab', { name: 'Результаты' }).click();
        const at = shown.findIndex((name, i) => i + 1 < shown.length && listed[listed.indexOf(name) + 1] !== shown[i + 1]);
        assert.ok(at >= 0, 'the rating and the select differ somewhere');
        const openIs = (name) => page.waitForFunction((n) => document.getElementById('review-school')?.textContent === n, name);
        await page.getByTestId('rating').getByRole('button', { name: shown[at], exact: true }).click();
        await openIs(shown[at]);
        const walk = page.getByTestId('review-walk');
        assert.equal(await walk.innerText(), `Школы идут в порядке рейтинга на вкладке «Результаты» (${shown.length}).`);
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        await openIs(shown[at + 1]);
        await page.getByRole('button', { name: 'К рейтингу' }).click();
        // The school's button takes the focus (the one clicked is gone),
        // its row marked as the current one.
        await page.waitForFunction(() => document.activeElement?.id === 'rating-back');
        const back = page.locator('tr[aria-current="true"]');
        assert.equal(await back.locator('th.school button').innerText(), shown[at + 1]);
        await page.waitForFunction(() => {
            const row = document.getElementById('rating-back').getBoundingClientRect();
            return row.top >= 0 && row.bottom <= innerHeight;
        });
        // A school chosen by name in the select goes on in the select's order.
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await walk.waitFor();
        await page.locator('#school-select').selectOption({ index: 0 });
        await walk.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        await openIs(listed[1]);

        // A reason typed and reloaded at once, the cursor still in its box,
        // is kept (a walk-through lost it: it was written only when the box
        // was left).
        const school = await page.locator('#school-select').inputValue();
        const box = page.getByTestId('review').getByLabel('Комментарий проверяющего').first();
        await box.fill('Ссылка не открывается');
        assert.ok(await box.evaluate((el) => el === document.activeElement));
        await page.reload();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(school);
        await openIs(listed[1]);
        await page.waitForFunction(() => [...document.querySelectorAll('.review-comment')].some((b) => b.value === 'Ссылка не открывается'));
    }));

test('the department works with the keyboard alone: import, tabs, review', () =>
    withDepartment(async (page) => {
        const focused = () =>
            page.evaluate(() => {
                const e = document.activeElement;
                return { id: e?.id ?? '', text: e?.textContent?.trim() ?? '', role: e?.getAttribute('role') ?? '', checked: e?.checked };
            });
        const moveUntil = async (key, reached, limit = 80) => {
            for (let i = 0; i < limit; i++) {
                await page.keyboard.press(key);
                if (reached(await focused())) return;
            }
            assert.fail(`${key} never reached the element`);
        };

        // Listening from the start: Playwright turns on its file-dialog
        // interception asynchronously, and under load a dialog opened right
        // after `waitForEvent` can slip past it.
        const chooser = new Promise((resolve) => page.once('filechooser', resolve));
        // The first Tab offers to skip the role links, the tabs and the
        // selects; Enter goes to the open tab.
        await page.keyboard.press('Tab');
        assert.equal((await focused()).text, 'Перейти к содержимому раздела');
        await page.keyboard.press('Enter');
        assert.equal((await focused()).id, 'dept-main');
        // Tab reaches the file button, which shows the focus; Space opens the dialog.
        await moveUntil('Tab', (f) => f.id === 'import-files');
        const outline = await page.evaluate(() => getComputedStyle(document.querySelector('label[for="import-files"]')).outlineStyle);
        assert.notEqual(outline, 'none', 'the focused file button is outlined');
        await page.keyboard.press('Space');
        await (await chooser).setFiles(files);
        await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${files.length}.` }).waitFor();

        // Back up to the tabs: only the open one is in the Tab order, the
        // arrows move along them without opening them, Enter opens one.
        await moveUntil('Shift+Tab', (f) => f.role === 'tab');
        assert.equal((await focused()).text, 'Загрузка файлов');
        // The open tab's bold label does not push the others along.
        const places = () => page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().right)));
        const placed = await places();
        await page.getByRole('tab', { name: 'Аналитическая справка', exact: true }).click();
        assert.deepEqual(await places(), placed);
        await page.getByRole('tab', { name: 'Загрузка файлов', exact: true }).click();
        await page.getByRole('tab', { name: 'Загрузка файлов', exact: true }).focus();
        const onTab = (text) => page.waitForFunction((text) => document.activeElement?.getAttribute('role') === 'tab' && document.activeElement.textContent.trim() === text, text);
        await page.keyboard.press('ArrowRight');
        await onTab('Школы');
        await page.keyboard.press('ArrowRight');
        await onTab('Проверка');
        await page.keyboard.press('ArrowRight');
        await onTab('Проверяющие');
        await page.keyboard.press('End');
        await onTab('Карты');
        await page.keyboard.press('ArrowRight');
        await onTab('Загрузка файлов');
        assert.equal(await page.getByRole('tab', { name: 'Загрузка файлов' }).getAttribute('aria-selected'), 'true');
        await page.keyboard.press('ArrowLeft');
        await onTab('Карты');
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await onTab('Проверка');
        await page.keyboard.press('Enter');
        const review = page.getByTestId('review');
        await review.waitFor();
        // Tab leaves the tab list at once, for the open tab's content.
        await page.keyboard.press('Tab');
        assert.notEqual((await focused()).role, 'tab');

        // The arrow keys pick another school in the list.
        await moveUntil('Tab', (f) => f.id === 'school-select');
        const before = await review.getByRole('heading', { level: 3 }).innerText();
        await page.keyboard.press('ArrowDown');
        await page.waitForFunction((name) => document.querySelector('[data-testid="review"] h3')?.textContent !== name, before);

        // Tab enters the first indicator's decisions; arrows choose «балл не засчитан».
        await moveUntil('Tab', (f) => f.id === 'decision-1-1-none');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        assert.equal((await focused()).id, 'decision-1-1-no_point');
        assert.ok(await page.locator('#decision-1-1-no_point').isChecked());
        // A number key decides and takes the focus along: «1» confirms, and
        // the arrow then moves on from «подтверждено».
        await page.keyboard.press('1');
        await page.waitForFunction(() => document.activeElement?.id === 'decision-1-1-confirm' && document.activeElement.checked);
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.activeElement?.id === 'decision-1-1-no_point' && document.activeElement.checked);

        // «Проверка завершена» is reached by Tab and ticked with Space.
        await moveUntil('Shift+Tab', (f) => f.id === 'review-checked');
        const question = nextQuestion(page);
        await page.keyboard.press('Space');
        assert.match(await question, /^Перед завершением проверки:\n— /);
        assert.ok(await page.locator('#review-checked').isChecked());
        const school = (await review.getByRole('heading', { level: 3 }).innerText()).trim();
        await page.locator('#school-select option', { hasText: `${school} — проверена` }).waitFor({ state: 'attached' });

        // From the bottom of the rating, Enter on a school's name opens its
        // review with the focus, and the view, on the school's name.
        await page.getByRole('tab', { name: 'Результаты' }).click();
        const last = page.getByTestId('rating').locator('tbody tr').last().locator('th.school button');
        const name = (await last.innerText()).trim();
        await last.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'review-school');
        assert.equal((await focused()).text, name);
        const top = await page.evaluate(() => document.activeElement.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < page.viewportSize().height, `the name is in view (top ${top})`);
    }));

test('a comment of 5 000 characters and 30 links from a school are shown shortened in review', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    const folder = await mkdtemp(join(tmpdir(), 'profkarta-long-'));
    try {
        // A school types far too much; the card flags it, the school exports anyway.
        const card = new CardPage(page);
        await card.profile('Полное наименование ОО', 'МАОУ СОШ № 5');
        await card.profile('Муниципальное образование', 'г. Пример');
        await card.profile('Ответственный (ФИО, должность)', 'Петрова А. С., директор');
        const links = Array.from({ length: 30 }, (_, i) => `https://school5.example.ru/doc/${i}`);
        await card.share('1.1', '30', '100');
        await card.field('1.1', 'evidence', links.join('\n'));
        await card.field('1.1', 'comment', `<script>alert(1)</script>${'ж'.repeat(5000)}`);
        await page.getByLabel(/Выгрузить всё равно/).check();
        const file = await downloadText(page, () => page.getByTestId('export-button').click());
        const exported = join(folder, file.name);
        await writeFile(exported, file.text);

        await page.getByRole('link', { name: 'Отдел образования: сбор и анализ' }).click();
        await page.getByTestId('dept-tabs').waitFor();
        await page.locator('#import-files').setInputFiles([exported]);
        // The comment too long is an error in 1.1's answer: 1.1 counts nothing.
        await page.getByTestId('import-summary').filter({ hasText: 'Принято: 1 (с ответами, заполненными с ошибкой и не учтёнными: 1).' }).waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const row = page.getByTestId('review').locator('li[data-code="1.1"]');
        const comment = await row.locator('.school-comment').innerText();
        assert.ok(comment.includes('<script>alert(1)</script>'), 'markup is shown as text');
        assert.ok(comment.length <= 'Комментарий школы: '.length + 2000, `comment of ${comment.length} characters`);
        assert.ok(comment.endsWith('…'));
        assert.equal(await row.locator('.evidence-links a').count(), 20);
        await row.locator('.evidence-links').getByText('…и ещё ссылок: 10').waitFor();
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
        await rm(folder, { recursive: true, force: true });
    }
});

test('a correction keeps the review decisions about the answers it did not change', () =>
    withDepartment(async (page) => {
        const corrected = manifest.files.find((f) => f.name === 'extra-corrected.json').submission;
        const original = manifest.files.find((f) => f.submission?.submission_id === corrected.replaces).submission;
        const same = Object.keys(original.answers).filter((code) => JSON.stringify(original.answers[code]) === JSON.stringify(corrected.answers[code]));
        const changed = Object.keys(corrected.answers).filter((code) => !same.includes(code));
        assert.ok(same.length > 0 && changed.length > 0, 'the generated correction changes some answers, not all');
        const [kept, redone] = [same[0], changed[0]].map((code) => code.replace('.', '-'));

        // The original alone is reviewed and checked.
        await page.locator('#import-files').setInputFiles(files.filter((f) => !f.endsWith('extra-corrected.json')));
        await page.getByTestId('import-summary').waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(original.submission_id);
        await page.locator(`#decision-${kept}-no_point`).check();
        await page.locator(`#decision-${redone}-no_point`).check();
        const question = nextQuestion(page);
        await page.getByLabel('Проверка завершена').check();
        assert.match(await question, /^Перед завершением проверки:\n— /);
        // Its letter is edited by hand.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.locator('#school-select').selectOption(original.submission_id);
        const letter = page.locator('#letter-text');
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.length > 0);
        await letter.fill(`ВАЖНО: ответ до 15.11.\n${await letter.inputValue()}`);

        // Then the correction arrives.
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        await page.locator('#import-files').setInputFiles(files.filter((f) => f.endsWith('extra-corrected.json')));
        // The edited letter is the corrected file's, said to be behind the
        // data it changed.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.locator('#school-select').selectOption(corrected.submission_id);
        await page.getByTestId('letter-outdated').waitFor();
        assert.ok((await letter.inputValue()).startsWith('ВАЖНО: ответ до 15.11.\n'));
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(corrected.submission_id);
        await page.getByTestId('review-carried').filter({ hasText: 'перенесены' }).waitFor();
        // The decision about the changed answer is named as taken back.
        assert.ok((await page.getByTestId('review-carried').innerText()).includes(`Решения по изменившимся ответам сняты: ${changed[0]}.`));
        // Beside an answer, the school's own of the year before, from its
        // accepted file: what a row listed as changed changed from.
        const lastYear = manifest.files.find((f) => f.verdict === 'accepted'
            && f.submission.school === corrected.school && f.submission.period === '2024/2025').submission;
        const shareCode = Object.keys(lastYear.answers).find((code) => lastYear.answers[code].numerator && !lastYear.answers[code].parts);
        const { numerator, denominator } = lastYear.answers[shareCode];
        const said = await page.getByTestId('review').locator(`li[data-code="${shareCode}"]`).getByTestId('last-year-answer').innerText();
        assert.equal(said.replace(/[\s\u202f]/g, ''),
            `В выгрузке школы за 2024/2025: ${numerator} из ${denominator} (`.replace(/\s/g, '')
            + `${(Math.round(numerator * 1000 / denominator) / 10).toFixed(1).replace('.', ',')}%)`);
        assert.ok(await page.locator(`#decision-${kept}-no_point`).isChecked(), 'an unchanged answer keeps its decision');
        assert.ok(await page.locator(`#decision-${redone}-none`).isChecked(), 'a changed answer is decided again');
        assert.equal(await page.getByLabel('Проверка завершена').isChecked(), false);

        // Its link copied with hidden characters reads as it really is, by
        // their codes, and opens as the school sent it.
        const [hiddenCode, hiddenAnswer] = Object.entries(corrected.answers).find(([, a]) => (a.evidence ?? '').includes('\u202E'));
        const sent = hiddenAnswer.evidence.split('\n').find((l) => l.includes('\u202E'));
        const linkRow = page.getByTestId('review').locator(`li.review-row[data-code="${hiddenCode}"]`);
        const link = linkRow.locator('.evidence-links a', { hasText: '[U+200B][U+202E]' });
        assert.equal(await link.innerText(), sent.replace('\u200B\u202E', '[U+200B][U+202E]'));
        assert.equal(await link.getAttribute('href'), sent);
        await linkRow.getByText('В ссылке невидимые символы, показаны кодами [U+…].').waitFor();
        await link.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS, 'e2e-dept-review-carried.png') });

        // The school's earlier file is listed over the totals, told apart
        // by its day, total and plan. Counted instead (the latest export
        // taken from the wrong draft, say), it is the school's file again,
        // with its finished check, after a reload too; then taken back.
        const fileOf = (sub) => manifest.files.find((f) => f.submission?.submission_id === sub.submission_id);
        const day = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
        const told = (f) => {
            const s = score(f.submission);
            return `«${f.name}» от ${day(f.submission.created_at)}: итог ${s.total} из ${s.max}, без плана мероприятий`;
        };
        const [originalFile, correctedFile] = [fileOf(original), fileOf(corrected)];
        const others = page.getByTestId('slot-files');
        assert.deepEqual(await others.locator('li').allInnerTexts(), [`${told(originalFile)} Учитывать этот файл`]);
        await others.getByRole('button', { name: `Учитывать файл «${originalFile.name}»` }).click();
        const chosen = page.getByTestId('slot-chosen');
        const chosenText = `Учитывается этот файл, выбранный отделом, а не более новый: ${told(correctedFile)}.`;
        await chosen.locator('p').filter({ hasText: chosenText }).waitFor();
        // The focus goes to the button that takes the choice back.
        await page.waitForFunction(() => document.activeElement?.id === 'slot-unchoose');
        assert.ok((await page.getByTestId('review').locator('p.meta').first().innerText()).endsWith(`файл «${originalFile.name}»`));
        assert.ok(await page.getByLabel('Проверка завершена').isChecked(), 'the original\'s finished check is back');
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(original.submission_id);
        await chosen.locator('p').filter({ hasText: chosenText }).waitFor();
        // The letter's page says its file is the department's choice.
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.getByTestId('letter-chosen').filter({
            hasText: `Учитывается файл, выбранный отделом на вкладке «Проверка», а не «${correctedFile.name}» от ${day(corrected.created_at)}: результаты и письмо — по выбранному.`,
        }).waitFor();
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await chosen.getByRole('button', { name: 'Учитывать более новый' }).click();
        await others.waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'slot-choose-0');
        assert.ok((await page.getByTestId('review').locator('p.meta').first().innerText()).endsWith(`файл «${correctedFile.name}»`));
        assert.equal(await chosen.count(), 0);
    }));

test('the workspace survives a reload, and spreadsheets and letters come out right', () =>
    withDepartment(async (page) => {
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        // What the workspace holds is said on the reopened page: one file
        // per school and year counts (not a superseded one nor a held key's).
        const counted = (f) => ['accepted', 'score_mismatch'].includes(f.verdict);
        const periods = [...new Set(manifest.files.filter(counted).map((f) => f.submission.period))].sort();
        const schoolsIn = (p) => new Set(manifest.files.filter((f) => counted(f) && f.submission.period === p).map((f) => f.submission.school)).size;
        const schoolWord = (n) => (n % 10 === 1 && n % 100 !== 11 ? 'школа' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'школы' : 'школ');
        const years = periods.map((p) => `${p} — ${schoolsIn(p)} ${schoolWord(schoolsIn(p))}`).join(', ');
        const contents = await page.getByTestId('workspace-contents').innerText();
        assert.equal(contents.match(/^В рабочей области учитываются файлы школ по карте «[^»]+»: (.*)\. Дальше: на вкладке «Школы»/)?.[1], years);
        // The import table is gone with the page, but the refused files are
        // still listed, with why, so that the schools can be asked again.
        // A second copy of a file already in is not listed: no one is to send it again.
        const kept = new Set(['accepted', 'score_mismatch', 'superseded', 'key_changed', 'duplicate']);
        const refused = manifest.files.filter((f) => !kept.has(f.verdict));
        assert.equal(refused.length, 5);
        const earlier = page.getByTestId('earlier-refusals');
        await earlier.locator('tbody tr').nth(refused.length - 1).waitFor();
        assert.deepEqual(
            (await earlier.locator('tbody td.file-name').allInnerTexts()).sort(),
            refused.map((f) => f.name).sort(),
        );
        // A refusal whose school has a counted file of that year since is
        // marked so: nothing is left to ask that school for.
        const answered = (r) => Boolean(r.submission) && manifest.files.some((f) => counted(f) && f.submission.school === r.submission.school && f.submission.period === r.submission.period);
        const later = ' Принят другой файл этой школы за этот год.';
        for (const r of refused) {
            const text = await earlier.locator('tbody tr').filter({ hasText: r.name }).locator('td').nth(2).innerText();
            assert.equal(text.endsWith(later), answered(r), `${r.name}: ${text}`);
        }
        assert.ok(refused.some(answered) && refused.some((r) => !answered(r)), 'both kinds are in the list');
        // A file over the size limit still names its school, to be asked again.
        const large = refused.find((f) => f.verdict === 'too_large');
        const largeWhy = await earlier.locator('tbody tr').filter({ hasText: large.name }).locator('td').nth(2).innerText();
        assert.ok(largeWhy.includes(`В файле указана школа: ${large.submission.school}, ${large.submission.period} учебный год.`), largeWhy);
        const foreign = refused.find((f) => f.verdict === 'unknown_template');
        const why = await earlier.locator('tbody tr').filter({ hasText: foreign.name }).locator('td').nth(2).innerText();
        const claimed = `В файле указана школа: ${foreign.submission.school}, ${foreign.submission.period} учебный год.`;
        assert.ok(why.startsWith('Файл заполнен по карте, которой нет в рабочей области') && why.endsWith(claimed + (answered(foreign) ? later : '')), why);
        page.once('dialog', (dialog) => dialog.accept());
        await earlier.getByRole('button', { name: 'Очистить список' }).click();
        await earlier.waitFor({ state: 'detached' });
        await page.getByRole('tab', { name: 'Результаты' }).click();
        const schools = expectedSchools(LATEST);
        assert.deepEqual(await ratingRows(page), asRows(schools));

        const csv = await downloadText(page, () => page.getByRole('button', { name: 'Рейтинг в CSV' }).click());
        assert.equal(csv.name, 'рейтинг_2025-2026.csv');
        assert.ok(csv.text.startsWith('\uFEFFМесто;Школа;'), 'UTF-8 with BOM, semicolons');
        const [head, ...lines] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').map(csvFields);
        assert.equal(lines.length, schools.length);
        // Each criterion's points beside its maximum for the school, as the
        // independent scorer sums them; both empty where none applies.
        const criteria = CARD.directions.flatMap((d) => d.criteria);
        assert.deepEqual(head.slice(7, 7 + 2 * criteria.length), criteria.flatMap((c) => [`Критерий ${c.code}`, `Критерий ${c.code}, максимум`]));
        for (const line of lines) {
            const school = schools.find((s) => s.name === line[1].replace(/^'/, ''));
            const expected = criteria.flatMap((c) => {
                const applicable = c.indicators.filter((i) => school.applicable.has(i.code));
                if (applicable.length === 0) return ['', ''];
                const sum = (f) => String(applicable.reduce((n, i) => n + f(i), 0));
                return [sum((i) => school.points[i.code]), sum((i) => i.points)];
            });
            assert.deepEqual(line.slice(7, 7 + 2 * criteria.length), expected, line[1]);
        }

        const backup = await downloadText(page, () => page.getByRole('tab', { name: 'Загрузка файлов' }).click().then(() => page.getByRole('button', { name: 'Скачать резервную копию' }).click()));
        assert.equal(JSON.parse(backup.text).format, 'profkarta-department');

        // A letter for the weakest school lists what it missed, and an edit is kept.
        const weakest = rating(schools).at(-1);
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        const option = await page.locator('#school-select option', { hasText: weakest.name }).first().getAttribute('value');
        await page.locator('#school-select').selectOption(option);
        const letter = page.locator('#letter-text');
        // The letter ties the number to «№» (a no-break space) for print.
        const named = weakest.name.replaceAll('№ ', '№\u00a0');
        await page.waitForFunction((name) => document.querySelector('#letter-text')?.value.includes(`\n\n${name}\n\n`), named);
        const text = await letter.inputValue();
        const missed = [...weakest.applicable].filter((c) => !weakest.earned.has(c));
        assert.equal((text.match(/Рекомендация:/g) ?? []).length, missed.length);
        for (const code of missed) assert.ok(text.includes(`\n${code}. `), code);
        await letter.fill(`${text}\nС уважением, отдел образования.`);
        // Typing waits for a pause before it goes into the workspace; a
        // tab left at once still takes it there.
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.endsWith('С уважением, отдел образования.'));
        // Nor is it lost by «Вернуть исходный текст» declined at once, or by
        // another school chosen at once.
        await letter.fill(`${text}\nС уважением, отдел образования.\nP. S.`);
        page.once('dialog', (d) => d.dismiss());
        await page.getByRole('button', { name: 'Вернуть исходный текст' }).click();
        assert.ok((await letter.inputValue()).endsWith('P. S.'));
        await letter.fill(`${text}\nС уважением, отдел образования.`);
        await page.locator('#school-select').selectOption({ index: 0 });
        await page.locator('#school-select').selectOption(option);
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.endsWith('С уважением, отдел образования.'));
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.locator('#school-select').selectOption(option);
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.endsWith('С уважением, отдел образования.'));
        assert.equal(await page.getByTestId('letter-outdated').count(), 0);
        // The school whose file claims another total reads the recount and
        // its own figure, with why they differ.
        const lying = manifest.files.find((f) => f.verdict === 'score_mismatch').submission;
        assert.notEqual(lying.claimed.total, lying.recomputed.total);
        const word = (n) => (n % 10 === 1 && n % 100 !== 11 ? 'балл' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'балла' : 'баллов');
        const lyingOption = await page.locator('#school-select option', { hasText: lying.school }).first().getAttribute('value');
        await page.locator('#school-select').selectOption(lyingOption);
        // Its figures as the card's rules give them, worked out here.
        const recount = score(lying);
        await page.waitForFunction((said) => document.querySelector('#letter-text')?.value.includes(said),
            `набрала ${recount.total} ${word(recount.total)} из ${recount.max} (${pct(recount.total, recount.max)}), эффективность профориентационной работы — ${LEVEL_WORDS[recount.level]}.`);
        assert.ok((await letter.inputValue()).includes(`\n\nВ выгрузке организации указано ${lying.claimed.total} ${word(lying.claimed.total)} из ${lying.claimed.max_applicable}: это расходится с пересчётом её ответов по правилам карты. Итоги в письме рассчитаны отделом по ответам организации.\n\n`));
        await page.locator('#school-select').selectOption(option);
        await page.waitForFunction(() => document.querySelector('#letter-text')?.value.endsWith('С уважением, отдел образования.'));
        // The list, once cleared, stays cleared.
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        assert.equal(await page.getByTestId('earlier-refusals').count(), 0);
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        // A review decision changes what the letter would say: the edited
        // text is kept, and flagged until the coordinator has compared it.
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.getByTestId('review').locator(`li[data-code="${missed[0]}"]`).getByLabel('не применимо').check();
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.getByTestId('letter-outdated').waitFor();
        assert.ok((await letter.inputValue()).endsWith('С уважением, отдел образования.'), 'the edit is kept');
        await page.getByRole('button', { name: 'Текст сверен, не предупреждать' }).click();
        await page.getByTestId('letter-outdated').waitFor({ state: 'detached' });

        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        // 13 (like 5–20) takes «участвовали … образовательных организаций»; 21 would take «участвовала».
        await page.getByTestId('report-intro').filter({ hasText: `участвовали ${schools.length} образовательных организаций` }).waitFor();
        await page.getByTestId('report-dynamics').waitFor();
        // What the figures leave out: the file under a new key, whose school
        // counts by its earlier card, and the total a school claimed that its
        // answers do not give (no roster here, so no school is missing).
        const held = manifest.files.find((f) => f.verdict === 'key_changed').submission;
        const leftOut = await page.getByTestId('report-left-out').innerText();
        assert.ok(leftOut.includes(`Файлы, подписанные новым ключом, ждут решения о нём и в справке не учтены: ${tied(held.school)} (учтена прежняя карта школы). `), leftOut);
        // The refused files were cleared above as dealt with: the report
        // names none of their schools (the core's tests name them before).
        assert.ok(!/не учтен[аы]: файлы? не прош/.test(leftOut), leftOut);
        assert.ok(leftOut.includes(`в справке — пересчитанный: ${tied(lying.school)} (заявлено ${lying.claimed.total} из ${lying.claimed.max_applicable}, по ответам — ${lying.recomputed.total} из ${lying.recomputed.max_applicable}`), leftOut);
        await page.screenshot({ path: join(ARTIFACTS, 'e2e-dept-report.png'), fullPage: true });
        await page.getByRole('tab', { name: 'Рекомендации' }).click();
        await page.screenshot({ path: join(ARTIFACTS, 'e2e-dept-letter.png') });
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.screenshot({ path: join(ARTIFACTS, 'e2e-dept-results.png'), fullPage: true });

        // The school being checked stays open in the other year, and the
        // place (tab, year, school) comes back after a reload.
        const earlierNames = new Set(expectedSchools('2024/2025').map((s) => s.name));
        // The last by name: the page's fallback (the first school by name)
        // cannot open it by chance.
        const both = schools.map((s) => s.name).filter((n) => earlierNames.has(n))
            .sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })).at(-1);
        const openName = () => page.evaluate(() => document.querySelector('#school-select option:checked')?.textContent);
        const openIs = (name) => page.waitForFunction(
            (name) => document.querySelector('#school-select option:checked')?.textContent.startsWith(`${name} — `), name);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        const value = await page.evaluate((name) => [...document.querySelectorAll('#school-select option')]
            .find((o) => o.textContent.startsWith(`${name} — `)).value, both);
        await page.locator('#school-select').selectOption(value);
        await openIs(both);
        await page.locator('#period').selectOption('2024/2025');
        await page.getByTestId('review').locator('.meta', { hasText: '2024/2025' }).waitFor();
        await openIs(both).catch(async () => assert.fail(`${await openName()} opened instead of ${both}`));
        await page.reload();
        await page.getByRole('tab', { name: 'Проверка', selected: true }).waitFor();
        await page.waitForFunction(() => document.querySelector('#period')?.value === '2024/2025');
        await openIs(both);
    }));

test('the two pages link to each other within the site folder', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    try {
        await page.getByRole('link', { name: 'Отдел образования: сбор и анализ' }).click();
        await page.getByTestId('dept-tabs').waitFor();
        assert.equal(page.url(), `${app.server.url}otdel/`);
        await page.getByRole('link', { name: 'Школа: заполнение карты' }).click();
        await page.getByTestId('total').waitFor();
        assert.equal(new URL(page.url()).pathname, new URL(app.server.url).pathname);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a long import can be cancelled, and then nothing of it is added', async () => {
    await withGenerated('400', async (many) => {
        await withDepartment(async (page) => {
            await page.locator('#import-files').setInputFiles(many);
            await page.getByRole('button', { name: 'Отменить загрузку' }).click();
            await page.getByTestId('notices').filter({ hasText: `Загрузка отменена: ни один из ${many.length} выбранных файлов не добавлен.` }).waitFor();
            await page.getByTestId('import-progress').waitFor({ state: 'detached' });
            // The button went with the bar: the focus to the open tab, not the page.
            await page.waitForFunction(() => document.activeElement?.id === 'dept-main');
            assert.equal(await page.getByTestId('import-summary').count(), 0);
            await page.getByRole('tab', { name: 'Результаты' }).click();
            await page.getByTestId('no-cards').filter({ hasText: 'Пока нет принятых карт за этот год.' }).waitFor();
        });
    });
});

/// Whether the page would ask before closing now: the answer its
/// `beforeunload` handler gives.
const asksToStay = (page) => page.evaluate(() => {
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    return leaving.defaultPrevented;
});

/// The notice a page closed in the middle of its work leaves for the next.
const cutShort = (what) => `Страницу закрыли или перезагрузили, не дождавшись конца работы: ${what}. Выберите эти файлы снова на вкладке «Загрузка файлов»: уже загруженные будут пропущены как повторы.`;

test('closing the page during an import asks first, and the next opening says the files were left out', async () => {
    await withGenerated('400', async (many) => {
        await withDepartment(async (page) => {
            // Slowed down, so that the import is still checking at the reload.
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
            await page.locator('#import-files').setInputFiles(many);
            await page.getByTestId('import-progress').waitFor();
            assert.equal(await asksToStay(page), true, 'the files being checked would be lost');
            page.on('dialog', (dialog) => dialog.accept());
            await page.reload();
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
            const notice = page.getByTestId('notices').filter({ hasText: 'Страницу закрыли' });
            await notice.filter({ hasText: cutShort(`не проверены и не загружены — ${many.length} файлов`) }).waitFor();
            assert.equal(await asksToStay(page), false);
            // Said once.
            await page.reload();
            await page.getByTestId('dept-tabs').waitFor();
            await page.getByRole('tab', { name: 'Результаты' }).click();
            await page.getByTestId('no-cards').waitFor();
            assert.equal(await notice.count(), 0);
        });
    });
});

test('closing the page with files not yet written says at the next opening which', async () => {
    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    // The browser's own quota for the site, far below the files: its
    // writes fail as on a full disk, the transaction aborted by the browser.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(app.server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 20_000 });
    try {
        await importAll(page);
        const summary = await page.getByTestId('import-summary').innerText();
        const count = (label) => Number(summary.match(new RegExp(`${label}: (\\d+)`))[1]);
        await page.getByTestId('dept-save-status').filter({ hasText: 'переполнено' }).waitFor();
        assert.equal(await asksToStay(page), true);
        await cdp.send('Storage.overrideQuotaForOrigin', { origin });
        page.on('dialog', (dialog) => dialog.accept());
        await page.reload();
        const notice = page.getByTestId('notices').filter({ hasText: 'Страницу закрыли' });
        await notice.waitFor();
        const said = await notice.innerText();
        const named = said.match(/не сохранены в браузере — (\d+) файл\S* \(«([^»]+)», «([^»]+)», «([^»]+)» и ещё (\d+)\)/);
        assert.ok(named, said);
        assert.ok(said.includes(cutShort(named[0])), said);
        // Every file the first page filed (accepted, or waiting for a
        // decision), three of them named, none twice.
        const filed = Number(named[1]);
        assert.equal(filed, count('Принято') + count('Ждут решения'));
        assert.equal(Number(named[5]), filed - 3);
        const names = files.map((f) => f.split('/').pop());
        assert.deepEqual(named.slice(2, 5).filter((n) => names.includes(n)).length, 3);
        assert.equal(new Set(named.slice(2, 5)).size, 3);
        // The files picked again are all there; the notice is not said again.
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
        assert.equal(await notice.count(), 0);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a workspace far beyond local storage (600 files, 6 MB) survives a reload', async () => {
    await withGenerated('300', async (many) => {
        await withDepartment(async (page) => {
            await page.locator('#import-files').setInputFiles(many);
            await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${many.length}. Принято: ${many.length}.` }).waitFor();
            await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
            // Local storage holds 5 MiB: the files must be elsewhere (IndexedDB).
            const local = await page.evaluate(() => Object.values(localStorage).join('').length);
            assert.ok(local < 10_000, `local storage holds ${local} characters`);
            await page.getByRole('tab', { name: 'Результаты' }).click();
            const innerTexts = async () => Promise.all((await allRatingRows(page)).map((row) => row.innerText()));
            const before = await innerTexts();
            assert.equal(before.length, 300);

            await page.reload();
            await page.getByTestId('dept-tabs').waitFor();
            await page.getByRole('tab', { name: 'Результаты' }).click();
            assert.deepEqual(await innerTexts(), before);
        });
    });
});

test('the schools\' key list goes to another workspace whole or not at all', async () => {
    let list;
    await withDepartment(async (page) => {
        await importAll(page);
        list = (await downloadText(page, () => page.getByRole('button', { name: 'Скачать список ключей школ' }).click())).text;
    });
    const schools = JSON.parse(list).schools;
    assert.ok(schools.length > 2);
    await withDepartment(async (page) => {
        const pick = (name, text) => page.locator('#load-keys').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
        const notices = page.getByTestId('notices');
        // The last school's key broken: the keys above it are not taken either.
        const broken = JSON.parse(list);
        broken.schools.at(-1).public_key = 'не ключ';
        await pick('ключи-1.json', JSON.stringify(broken));
        await notices.filter({ hasText: `Файл «ключи-1.json» не загружен. Файл повреждён: неверный ключ школы «${broken.schools.at(-1).name}».` }).waitFor();
        await pick('ключи-2.json', list);
        await notices.filter({ hasText: `Из списка «ключи-2.json» добавлено ключей: ${schools.length}.` }).waitFor();
    });
});

test('a workspace kept in local storage by the previous version is moved over, not lost', () =>
    withDepartment(async (page) => {
        // What the previous version wrote: the backup format under one key.
        await importAll(page);
        const backup = await downloadText(page, () => page.getByRole('button', { name: 'Скачать резервную копию' }).click());
        await page.evaluate(async (text) => {
            localStorage.clear();
            await new Promise((resolve, reject) => {
                const request = indexedDB.deleteDatabase('profkarta');
                request.onsuccess = resolve;
                request.onerror = reject;
                request.onblocked = resolve;
            });
            localStorage.setItem('profkarta/department', text);
        }, backup.text);
        const context = page.context();
        await page.close();
        const { page: fresh } = await openPage(context, `${app.server.url}otdel/`, 'dept-tabs');
        await fresh.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        assert.equal(await fresh.evaluate(() => localStorage.getItem('profkarta/department')), null);
        await fresh.reload();
        await fresh.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(fresh), asRows(expectedSchools(LATEST)));
    }));

test('a backup restores into an empty workspace, and replaces a full one after the question, each time said', async () => {
    let path;
    let count;
    const files = (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'файл' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'файла' : 'файлов'}`;
    await withDepartment(async (page) => {
        await importAll(page);
        const backup = await downloadText(page, () => page.getByRole('button', { name: 'Скачать резервную копию' }).click());
        count = JSON.parse(backup.text).files.length;
        assert.ok(count > 4, 'enough files for a plural');
        path = join(ARTIFACTS, 'otdel-backup.json');
        await writeFile(path, backup.text);
        // A decision made since: the question says it goes too.
        const reviewed = manifest.files.find((f) => f.verdict === 'accepted' && f.submission.period === LATEST).submission;
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.locator('#school-select').selectOption(reviewed.submission_id);
        await page.locator('#decision-1-1-no_point').check();
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        // Over a full workspace: asked first, with both counts.
        const asked = [];
        page.once('dialog', (d) => { asked.push(d.message()); d.accept(); });
        await page.locator('#restore-workspace').setInputFiles(path);
        await page.getByTestId('notices').filter({ hasText: `Рабочая область восстановлена из резервной копии «otdel-backup.json»: ${files(count)}.` }).waitFor();
        assert.deepEqual(asked, [`Заменить текущую рабочую область (${files(count)}, решений проверки: 1) резервной копией «otdel-backup.json» (${files(count)})? Всё, что есть в текущей, заменится содержимым копии.`]);
        // A backup with one file cut short: the damage is said as the
        // backup's (it blamed the browser's storage), and the good copy the
        // workspace has stays (it went with the replaced workspace).
        const damaged = JSON.parse(backup.text);
        const cut = damaged.files[0].name;
        damaged.files[0].text = damaged.files[0].text.slice(0, 100);
        const damagedPath = join(ARTIFACTS, 'otdel-backup-damaged.json');
        await writeFile(damagedPath, JSON.stringify(damaged));
        page.once('dialog', (d) => d.accept());
        await page.locator('#restore-workspace').setInputFiles(damagedPath);
        await page.getByTestId('notices').filter({ hasText: `Рабочая область восстановлена из резервной копии «otdel-backup-damaged.json»: ${files(count)}.` }).waitFor();
        await page.getByTestId('notices').filter({ hasText: `В резервной копии повреждены файлы: не удалось прочитать файл «${cut}». Остальные восстановлены.` }).waitFor();
        await page.getByTestId('notices').filter({ hasText: `Из текущей рабочей области сохранены файлы, которых резервная копия не смогла дать: «${cut}».` }).waitFor();
        assert.equal(await page.getByTestId('notices').filter({ hasText: 'В хранилище браузера' }).count(), 0);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
    });
    // Into an empty one, in another browser: nothing to ask.
    await withDepartment(async (page) => {
        await page.locator('#restore-workspace').setInputFiles(path);
        await page.getByTestId('notices').filter({ hasText: `Рабочая область восстановлена из резервной копии «otdel-backup.json»: ${files(count)}.` }).waitFor();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
    });
});

/// Goes over the files the page stored (IndexedDB `profkarta`, store
/// `files`) and rewrites them as `how` says: 'strings', every text as the
/// earlier versions stored it; 'damage', the first record's bytes no longer
/// UTF-8; 'none'. Returns how many were rewritten, whether every record
/// read as bytes of a real file, and the name of the first rewritten.
const storedFiles = (page, how) =>
    page.evaluate(
        (how) =>
            new Promise((resolve, reject) => {
                const open = indexedDB.open('profkarta');
                open.onerror = reject;
                open.onsuccess = () => {
                    const tx = open.result.transaction('files', 'readwrite');
                    let rewritten = 0;
                    let readable = true;
                    let first;
                    tx.objectStore('files').openCursor().onsuccess = (e) => {
                        const cursor = e.target.result;
                        if (!cursor) return;
                        const [name, text] = cursor.value;
                        readable &&= text instanceof Uint8Array && text.length > 3;
                        const next =
                            how === 'strings'
                                ? new TextDecoder().decode(text)
                                : how === 'damage' && rewritten === 0
                                  ? new Uint8Array([0x7b, 0xff, 0xfe])
                                  : null;
                        if (next !== null) {
                            cursor.update([name, next]);
                            first ??= name;
                            rewritten++;
                        }
                        cursor.continue();
                    };
                    tx.oncomplete = () => {
                        open.result.close();
                        resolve({ rewritten, readable, first });
                    };
                    tx.onerror = reject;
                };
            }),
        how,
    );

test('a workspace stored with its texts as strings, as before 2026-11-30, still opens whole', () =>
    withDepartment(async (page) => {
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        const { rewritten } = await storedFiles(page, 'strings');
        assert.ok(rewritten > 24, `${rewritten} files stored`);
        await page.reload();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').waitFor();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
    }));

test('an unreadable key of the department is kept aside, and listed with the workspace until deleted', () =>
    withDepartment(async (page) => {
        const text = '{"обрыв';
        await page.evaluate((t) => localStorage.setItem('profkarta/department-key', t), text);
        await page.reload();
        await page.getByTestId('notices').filter({ hasText: 'позже в разделе «Повреждённые записи»' }).waitFor();
        await page.getByTestId('notices').getByRole('button', { name: 'Скрыть' }).click();
        await expectKeptAside(page, { label: 'Запись 1 (ключ подписи отдела): 7 символов', text, key: 'profkarta/unreadable/department-key' });
    }));

test('damaged decisions written as the page closed are kept aside and said, not dropped', () =>
    withDepartment(async (page) => {
        const text = '{"after":null,"обрыв';
        await page.evaluate((t) => localStorage.setItem('profkarta/department-pending', t), text);
        await page.reload();
        await page.getByTestId('notices').getByText('Решения проверки, записанные при закрытии страницы, повреждены и не читаются: открыты решения последнего сохранения. Проверьте решения, принятые перед закрытием страницы.').waitFor();
        await expectKeptAside(page, { label: 'Запись 1 (решения отдела при закрытии страницы): 20 символов', text, key: 'profkarta/unreadable/department-pending' });
    }));

test('a damaged stored file is reported, the rest open, and importing it again repairs the store', () =>
    withDepartment(async (page) => {
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        const { first: damaged } = await storedFiles(page, 'damage');
        await page.reload();
        // Named, so that the department knows which file to load again.
        const notice = `В хранилище браузера повреждены записи: не удалось прочитать файл «${damaged}».`;
        await page.getByTestId('notices').filter({ hasText: notice }).waitFor();
        await page.locator('#import-files').setInputFiles(files);
        // The file imported again is saved over the damaged record.
        const until = Date.now() + 30_000;
        while (!(await storedFiles(page, 'none')).readable) {
            assert.ok(Date.now() < until, 'the damaged record is never saved over');
        }
        await page.reload();
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').waitFor();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
        assert.equal(await page.getByTestId('notices').filter({ hasText: 'повреждены записи' }).count(), 0);
    }));

test('a decisions record that is not text is reported, not taken for no decisions', () =>
    withDepartment(async (page) => {
        // The first save asks the browser to keep the workspace.
        await page.addInitScript(() => {
            const persist = StorageManager.prototype.persist;
            StorageManager.prototype.persist = function (...args) {
                window.askedToKeep = true;
                return persist.apply(this, args);
            };
        });
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        assert.equal(await page.evaluate(() => window.askedToKeep), true, 'the workspace asked to be kept');
        await page.evaluate(() => new Promise((resolve, reject) => {
            const open = indexedDB.open('profkarta');
            open.onsuccess = () => {
                const tx = open.result.transaction('records', 'readwrite');
                tx.objectStore('records').put(42, 'decisions');
                tx.oncomplete = () => {
                    open.result.close();
                    resolve();
                };
                tx.onerror = reject;
            };
        }));
        await page.reload();
        await page.getByTestId('notices').filter({
            hasText: 'Решения отдела (ключи, проверка, письма), сохранённые в этом браузере, не удалось прочитать',
        }).waitFor();
        // The files themselves open.
        await page.getByRole('tab', { name: 'Результаты' }).click();
        await page.getByTestId('rating').waitFor();
    }));

test('damaged decisions are kept aside before a save writes over them; a newer version\'s are not written over', () =>
    withDepartment(async (page) => {
        await importAll(page);
        await page.getByTestId('dept-save-status').filter({ hasText: 'Рабочая область сохранена' }).waitFor();
        // Reads the stored decisions, or writes `value` over them.
        const record = (value) => page.evaluate((value) => new Promise((resolve, reject) => {
            const open = indexedDB.open('profkarta');
            open.onsuccess = () => {
                const tx = open.result.transaction('records', 'readwrite');
                const store = tx.objectStore('records');
                let read;
                if (value === null) store.get('decisions').onsuccess = (e) => { read = e.target.result; };
                else store.put(value, 'decisions');
                tx.oncomplete = () => {
                    open.result.close();
                    resolve(read);
                };
                tx.onerror = reject;
            };
        }), value);
        const writtenOver = async (text) => {
            const until = Date.now() + 30_000;
            while ((await record(null)) === text) assert.ok(Date.now() < until, 'the record is never saved over');
        };
        const saved = await record(null);
        const damaged = saved.slice(0, 60);
        await record(damaged);
        await page.reload();
        await page.getByTestId('notices').filter({ hasText: 'Решения отдела (ключи, проверка, письма), сохранённые в этом браузере, не удалось прочитать: запись повреждена (это не текст в формате JSON). Полученные файлы открыты.' })
            .filter({ hasText: 'Исходный текст сохранён отдельно' }).waitFor();
        const aside = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('profkarta/unreadable/')).sort().map((k) => localStorage.getItem(k)));
        assert.deepEqual(await aside(), [damaged]);
        await page.getByTestId('kept-aside').getByText(/^Запись 1 \(решения отдела\): /).waitFor();
        // A refused file is kept among the decisions: saved, now that the
        // damaged text is safe.
        const junk = (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from('не JSON') });
        await page.locator('#import-files').setInputFiles(junk('мусор-1.json'));
        await writtenOver(damaged);

        // A newer version's decisions wait for the page to be updated.
        const newer = saved.replace('"schema":6', '"schema":7');
        assert.notEqual(newer, saved);
        await record(newer);
        await page.reload();
        await page.getByTestId('notices').filter({ hasText: 'записаны более новой версией приложения (схема 7), и эта версия их не читает. Обновите страницу: откроется новая версия. До тех пор они не перезаписываются.' }).waitFor();
        // Said at once, not first at the next save.
        await page.getByTestId('dept-save-status').filter({ hasText: 'решения отдела — нет' }).waitFor();
        await page.locator('#import-files').setInputFiles(junk('мусор-2.json'));
        await page.getByTestId('dept-save-status').filter({ hasText: 'Полученные файлы сохранены в этом браузере, решения отдела — нет' }).waitFor();
        assert.equal(await record(null), newer);
        assert.deepEqual(await aside(), [damaged, newer]);
    }));

test('without IndexedDB the work goes on in memory, and the user is told to keep a backup', async () => {
    const context = await app.browser.newContext();
    try {
        await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
        const { page, errors } = await openPage(context, `${app.server.url}otdel/`, 'dept-tabs');
        await page.getByTestId('dept-save-status').filter({ hasText: 'не сохранена в браузере: Хранилище браузера недоступно' }).waitFor();
        await importAll(page);
        await page.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(page), asRows(expectedSchools(LATEST)));
        await page.getByTestId('dept-save-status').filter({ hasText: 'скачайте резервную копию' }).waitFor();
        // The work lives only in this tab: the browser asks before closing it.
        const asked = new Promise((resolve) => page.once('dialog', (dialog) => {
            resolve(dialog.type());
            dialog.dismiss();
        }));
        await page.close({ runBeforeUnload: true });
        assert.equal(await asked, 'beforeunload');
        assert.equal(await page.evaluate(() => document.title.length > 0), true, 'the user stayed');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a change not yet saved is asked about on closing; the workspace just reopened from the browser is not', () =>
    withDepartment(async (page) => {
        const status = page.getByTestId('dept-save-status');
        // Closes `target` as the user would: the question the browser asked
        // (dismissed: the user stays), or null when the page closed unasked.
        const closing = async (target) => {
            const still = await target.getByTestId('dept-save-status').innerText();
            const quiet = (promise) => promise.catch(() => undefined);
            const outcome = Promise.race([
                quiet(target.waitForEvent('dialog').then(async (dialog) => {
                    await dialog.dismiss();
                    return dialog.type();
                })),
                quiet(target.waitForEvent('close').then(() => null)),
            ]);
            await target.close({ runBeforeUnload: true });
            return { still, asked: await outcome };
        };
        // Every wording the status line takes on a page, from its first node.
        const recordStatus = (target) => target.addInitScript(() => {
            window.statusSeen = [];
            new MutationObserver(() => {
                const said = document.querySelector('[data-testid="dept-save-status"]')?.textContent;
                if (said && window.statusSeen.at(-1) !== said) window.statusSeen.push(said);
            }).observe(document, { subtree: true, childList: true, characterData: true });
        });
        // A page opened on an empty workspace says nothing of saving until
        // something changes (a walk-through's said «Изменения сохраняются…»);
        // files are taken only once the workspace is read, so its wordings
        // before the import would be recorded.
        await recordStatus(page);
        await page.reload();
        await page.getByTestId('dept-tabs').waitFor();
        await importAll(page);
        await status.filter({ hasText: 'сохранена' }).waitFor();
        assert.deepEqual(await page.evaluate(() => window.statusSeen),
            ['Изменения сохраняются в этом браузере…', 'Рабочая область сохранена в этом браузере.']);
        // A change waits half a second for its save: closing now loses it.
        await page.getByRole('tab', { name: 'Школы' }).click();
        await page.locator('#roster-new').fill('МБОУ СОШ № 99');
        await page.getByRole('button', { name: 'Добавить', exact: true }).click();
        const changed = await closing(page);
        assert.equal(changed.still, 'Изменения сохраняются в этом браузере…');
        assert.equal(changed.asked, 'beforeunload');
        await status.filter({ hasText: 'сохранена' }).waitFor();

        // Reopened from the database, the workspace is saved already, and
        // said so, never «Изменения сохраняются…»; the question would be a
        // false alarm.
        const again = await page.context().newPage();
        await recordStatus(again);
        await again.goto(page.url());
        await again.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        assert.deepEqual(await again.evaluate(() => window.statusSeen), ['Рабочая область сохранена в этом браузере.']);
        const reopened = await closing(again);
        assert.deepEqual(reopened, { still: 'Рабочая область сохранена в этом браузере.', asked: null });
        // Nor when reloaded as soon as it is in place and closed at once:
        // the page going away kept no copy of a workspace the database has.
        const early = await page.context().newPage();
        await early.goto(page.url());
        await early.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await early.reload();
        await early.getByTestId('dept-tabs').waitFor();
        assert.equal((await closing(early)).asked, null);
    }));

test('two tabs of the department never overwrite each other silently', async () => {
    const { context, page: first, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        const { page: second, errors: secondErrors } = await openPage(context, `${app.server.url}otdel/`, 'dept-tabs');
        const half = Math.ceil(files.length / 2);
        // A tab with nothing of its own takes the other's version unasked.
        await importFiles(first, files.slice(0, half));
        await first.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await second.getByTestId('notices').filter({ hasText: 'Рабочая область обновлена: её изменили в другой вкладке.' }).waitFor();
        const status = second.getByTestId('dept-save-status');
        await status.filter({ hasText: 'сохранена' }).waitFor();

        // Both tabs add a school to the list and set the deadline for the
        // cards, each its own: the second's change is waiting for its
        // half-second to be saved when the first's is written (the first's
        // change and its save on closing in one step), so the second
        // pauses. Each change is made in the page at once: the steps of a
        // user's clicks can outlast that half second.
        const add = (page, name, save, deadline) => page.evaluate(async ({ name, save, deadline }) => {
            const input = document.getElementById('roster-new');
            input.value = name;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.form.requestSubmit();
            if (deadline) {
                const date = document.getElementById('deadline-submit');
                date.value = deadline;
                date.dispatchEvent(new Event('change', { bubbles: true }));
            }
            await new Promise((done) => setTimeout(done, 0));
            if (save) window.dispatchEvent(new Event('pagehide'));
        }, { name, save, deadline });
        await first.getByRole('tab', { name: 'Школы' }).click();
        await second.getByRole('tab', { name: 'Школы' }).click();
        await add(second, 'МБОУ СОШ № 98', false, '2026-03-02');
        await add(first, 'МБОУ СОШ № 99', true, '2026-04-01');
        await status.filter({ hasText: 'изменена в другой вкладке' }).waitFor();
        // The earlier «обновлена» goes with the pause.
        assert.equal(await second.getByTestId('notices').filter({ hasText: 'Рабочая область обновлена' }).count(), 0);
        // Files received while paused are this tab's alone: closing asks.
        await second.getByRole('tab', { name: 'Загрузка файлов' }).click();
        await importFiles(second, files.slice(half));
        const asksToStay = () => second.evaluate(() => {
            const leaving = new Event('beforeunload', { cancelable: true });
            window.dispatchEvent(leaving);
            return leaving.defaultPrevented;
        });
        assert.equal(await asksToStay(), true, 'a paused tab with files of its own asks before closing');
        // The same deadline set both ways: named, and the tab stays paused
        // (the two schools alone would merge, as in the end of this test).
        await second.getByRole('button', { name: 'Объединить решения обеих вкладок' }).click();
        await second.getByTestId('notices').filter({ hasText: 'В обеих вкладках по-разному изменено: список школ. Выберите, какую версию оставить.' }).waitFor();
        await status.filter({ hasText: 'изменена в другой вкладке' }).waitFor();
        // This tab's decisions; the files of both tabs are kept.
        await second.getByRole('button', { name: 'Оставить решения этой вкладки' }).click();
        await status.filter({ hasText: 'сохранена' }).waitFor();
        assert.equal(await asksToStay(), false);
        await second.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(second), asRows(expectedSchools(LATEST)));
        // The first, idle since its save, takes it: all the files, the second's list.
        await first.getByTestId('notices').filter({ hasText: 'Рабочая область обновлена' }).waitFor();
        await first.getByRole('tab', { name: 'Результаты' }).click();
        assert.deepEqual(await ratingRows(first), asRows(expectedSchools(LATEST)));
        await first.getByRole('tab', { name: 'Школы' }).click();
        await first.getByTestId('roster').getByText('МБОУ СОШ № 98').waitFor();
        assert.equal(await first.getByTestId('roster').getByText('МБОУ СОШ № 99').count(), 0);
        assert.equal(await first.locator('#deadline-submit').inputValue(), '2026-03-02');

        // Different parts in each tab (a school on the list, a decision of
        // the check): merged, both kept.
        await first.getByRole('tab', { name: 'Проверка' }).click();
        await first.locator('#decision-1-1-confirm').waitFor();
        assert.equal(await first.locator('#decision-1-1-confirm').isChecked(), false);
        await second.getByRole('tab', { name: 'Школы' }).click();
        await add(second, 'МБОУ СОШ № 97', false);
        await first.evaluate(async () => {
            document.getElementById('decision-1-1-confirm').click();
            await new Promise((done) => setTimeout(done, 0));
            window.dispatchEvent(new Event('pagehide'));
        });
        await status.filter({ hasText: 'изменена в другой вкладке' }).waitFor();
        await second.getByRole('button', { name: 'Объединить решения обеих вкладок' }).click();
        await status.filter({ hasText: 'сохранена' }).waitFor();
        await second.getByTestId('roster').getByText('МБОУ СОШ № 97').waitFor();
        await second.getByRole('tab', { name: 'Проверка' }).click();
        assert.equal(await second.locator('#decision-1-1-confirm').isChecked(), true);

        // Both save at the same moment, as each page hides, each its own
        // part (and each keeps its decisions for the next page, which the
        // other must not read as the database's): the database
        // puts the two writes in order, and the later one finds the
        // decisions changed since it read them. It pauses instead of
        // writing over them (a re-check lost one tab's school so, both tabs
        // saying «сохранена»), and the merge keeps both.
        await first.getByRole('tab', { name: 'Школы' }).click();
        await second.locator('#decision-1-2-confirm').waitFor();
        await Promise.all([
            add(first, 'МБОУ СОШ № 95', true),
            second.evaluate(async () => {
                document.getElementById('decision-1-2-confirm').click();
                await new Promise((done) => setTimeout(done, 0));
                window.dispatchEvent(new Event('pagehide'));
            }),
        ]);
        const pausedIn = (page) => page.getByTestId('dept-save-status')
            .filter({ hasText: 'изменена в другой вкладке' })
            .waitFor({ timeout: 20_000 })
            .then(() => page, () => Promise.reject(new Error('not paused')));
        const paused = await Promise.any([pausedIn(first), pausedIn(second)]);
        await paused.getByRole('button', { name: 'Объединить решения обеих вкладок' }).click();
        for (const page of [first, second]) {
            await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        }
        await first.getByTestId('roster').getByText('МБОУ СОШ № 95').waitFor();
        await first.getByRole('tab', { name: 'Проверка' }).click();
        await first.waitForFunction(() => document.getElementById('decision-1-2-confirm')?.checked);
        await second.getByRole('tab', { name: 'Школы' }).click();
        await second.getByTestId('roster').getByText('МБОУ СОШ № 95').waitFor();
        await second.getByRole('tab', { name: 'Проверка' }).click();
        assert.equal(await second.locator('#decision-1-2-confirm').isChecked(), true);
        assert.deepEqual([...errors, ...secondErrors].map(String), []);
    } finally {
        await context.close();
    }
});
