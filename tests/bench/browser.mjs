// Browser benchmark of the release build: node tests/bench/browser.mjs
// (run by scripts/bench.sh, which builds first). Each figure is the median
// of 5 runs, each in a fresh browser context. Prints a Markdown table for
// BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const row = (what, value, target) => {
    rows.push(`| ${what} | ${value} | ${target} |`);
    console.error(`${what}: ${value}`);
};

// Initial transfer: every file the page loads, gzip -9 as a web server sends it.
for (const [page, folder] of [['школа', 'dist'], ['отдел', 'dist/otdel']]) {
    const dir = join(root, folder);
    const files = readdirSync(dir).filter((f) => /\.(html|js|wasm|css)$/.test(f));
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
    row(`Initial transfer, ${page} (html+js+wasm+css, gzip)`, `${(total / 1024).toFixed(0)} KB`, '≤ 150 KB');
}

const server = await startServer();
const browser = await launchBrowser();

async function fresh(slow) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
    const page = await context.newPage();
    if (slow) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: 150,
            downloadThroughput: (1.6 * 1024 * 1024) / 8,
            uploadThroughput: (0.75 * 1024 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    return { context, page };
}

async function mounted(slow) {
    const { context, page } = await fresh(slow);
    await page.goto(server.url);
    await page.getByTestId('total').waitFor({ timeout: 60_000 });
    const ms = await page.evaluate(() => [
        performance.now(),
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ]);
    await context.close();
    return ms;
}

for (const slow of [false, true]) {
    const times = [];
    const paints = [];
    for (let i = 0; i < RUNS; i++) {
        const [mount, paint] = await mounted(slow);
        times.push(mount);
        paints.push(paint);
    }
    const profile = slow ? 'slow profile (1.6 Mbit/s, 150 ms, CPU ×4)' : 'localhost';
    row(`School page mounted, ${profile}`, `${median(times).toFixed(0)} ms`, slow ? '≤ 1 200 ms' : '≤ 150 ms');
    if (slow) row(`Static skeleton painted (FCP), ${profile}`, `${median(paints).toFixed(0)} ms`, '≤ 400 ms');
}

// Keystroke → total in the DOM, on the full card: p95 over 60 keystrokes.
async function keystrokes(cpu) {
    const { context, page } = await fresh(false);
    if (cpu > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await page.goto(server.url);
    await page.getByTestId('total').waitFor();
    const p95 = await page.evaluate(async () => {
        const total = document.querySelector('[data-testid="total"]');
        // Numerator and denominator of 1.1: the denominator is set once, then
        // the numerator alternates across the threshold so the total changes.
        const inputs = document.querySelectorAll('[data-testid="ind-1-1"] input');
        const input = inputs[0];
        inputs[1].value = '100';
        inputs[1].dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 50));
        const times = [];
        for (let i = 0; i < 60; i++) {
            const value = String(i % 2 === 0 ? 40 : 10);
            const changed = new Promise((resolve) => {
                const mo = new MutationObserver(() => {
                    mo.disconnect();
                    resolve(performance.now());
                });
                mo.observe(total, { childList: true, subtree: true, characterData: true });
            });
            const t0 = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            times.push((await changed) - t0);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length * 0.95)];
    });
    await context.close();
    return p95;
}
for (const cpu of [1, 4]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await keystrokes(cpu));
    row(`Keystroke → total updated, p95${cpu > 1 ? ', CPU ×4' : ''}`, `${median(times).toFixed(2)} ms`, cpu > 1 ? '≤ 8 ms' : '≤ 2 ms');
}

// Department import: selected files → finished rating table.
const gen = join(root, 'target', 'release', 'profkarta-gen');
for (const schools of [500]) {
    const dir = mkdtempSync(join(tmpdir(), 'profkarta-bench-'));
    execFileSync(gen, ['--out', dir, '--schools', String(schools), '--pad', '10240']);
    const files = readdirSync(dir).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
    const times = [];
    let longest = 0;
    for (let i = 0; i < RUNS; i++) {
        const { context, page } = await fresh(false);
        await page.goto(`${server.url}otdel/`);
        await page.getByTestId('dept-tabs').waitFor();
        await page.evaluate(() => {
            window.longTasks = [];
            new PerformanceObserver((l) => window.longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
            document.addEventListener('change', () => (window.importStart = performance.now()), { capture: true, once: true });
        });
        await page.locator('#import-files').setInputFiles(files);
        await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${files.length}.` }).waitFor({ timeout: 120_000 });
        const [start, end, long] = await page.evaluate(() => [window.importStart, performance.now(), Math.max(0, ...window.longTasks)]);
        times.push(end - start);
        longest = Math.max(longest, long);
        await context.close();
    }
    row(`Import ${files.length} files of ~10 KB to verdicts and rating`, `${median(times).toFixed(0)} ms (longest task ${longest.toFixed(0)} ms)`, '1 000 files ≤ 400 ms; no task > 100 ms');
    rmSync(dir, { recursive: true, force: true });
}

await browser.close();
await server.close();
console.log(['| Measure | Result | Target |', '|---|---|---|', ...rows].join('\n'));
