// Tampering: every single byte of a real signed submission is altered in
// turn, and all the altered files are imported in one go after the genuine
// one. None may count: each is refused, or (when the flipped byte lies
// outside what is signed and the content is unchanged) recognised as the
// same submission again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openApp, ARTIFACTS, useApp } from './harness.mjs';

const GEN = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-gen');

const app = useApp();
let dir;

before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profkarta-tamper-'));
});

after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
});

test('no single altered byte of a signed file gets it accepted', async () => {
    const source = join(dir, 'source');
    await promisify(execFile)(GEN, ['--out', source, '--schools', '1', '--periods', '2025/2026']);
    const name = (await readdir(source)).find((f) => f !== 'manifest.json');
    const original = await readFile(join(source, name));
    const altered = join(dir, 'altered');
    await promisify(execFile)('mkdir', ['-p', altered]);
    const files = [];
    for (let i = 0; i < original.length; i++) {
        const bytes = Buffer.from(original);
        bytes[i] ^= 0x01;
        const file = join(altered, `byte-${String(i).padStart(5, '0')}.json`);
        await writeFile(file, bytes);
        files.push(file);
    }

    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await page.locator('#import-files').setInputFiles(join(source, name));
        await page.getByTestId('import-summary').filter({ hasText: 'Принято: 1.' }).waitFor();
        await page.locator('#import-files').setInputFiles(files);
        await page.getByTestId('import-summary').filter({ hasText: `Файлов: ${files.length + 1}.` }).waitFor({ timeout: 120_000 });
        await page.getByRole('button', { name: /^Показать принятые файлы/ }).click();
        const verdicts = await page.getByTestId('verdicts').locator('tbody tr').evaluateAll((rows) =>
            rows.map((r) => [r.cells[0].textContent, r.dataset.verdict]),
        );
        const counted = verdicts.filter(([file, v]) => file !== name && !['altered', 'not_json', 'not_submission', 'damaged', 'unsupported_version', 'duplicate', 'not_text'].includes(v));
        assert.deepEqual(counted, [], 'altered files that were counted');
        assert.equal(verdicts.find(([file]) => file === name)[1], 'accepted');
        const altered = verdicts.filter(([, v]) => v === 'altered').length;
        assert.ok(altered > original.length / 2, `most flips break the signature (${altered} of ${original.length})`);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});
