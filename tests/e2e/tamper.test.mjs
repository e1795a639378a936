// Tampering: every single byte of a real signed submission is altered in
// turn, and all the altered files are imported in one go after the genuine
// one. Each is refused: even the declared fingerprint, outside what is
// signed, must be the key's. A key written twice, which serde_json alone
// would read as the second, is refused with its own reason.
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
        const counted = verdicts.filter(([file, v]) => file !== name && !['altered', 'not_json', 'not_submission', 'damaged', 'unsupported_version', 'not_text'].includes(v));
        assert.deepEqual(counted, [], 'altered files that were not refused');
        assert.equal(verdicts.find(([file]) => file === name)[1], 'accepted');
        const altered = verdicts.filter(([, v]) => v === 'altered').length;
        assert.ok(altered > original.length / 2, `most flips break the signature (${altered} of ${original.length})`);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a key written twice and a fingerprint not the key\'s are refused with their reasons', async () => {
    const source = join(dir, 'strict');
    await promisify(execFile)(GEN, ['--out', source, '--schools', '1', '--periods', '2025/2026']);
    const name = (await readdir(source)).find((f) => f !== 'manifest.json');
    const text = await readFile(join(source, name), 'utf8');
    const fingerprint = JSON.parse(text).signature.fingerprint;
    const twice = join(dir, 'twice.json');
    await writeFile(twice, text.replace('"name":', '"name": "Другая школа", "name":'));
    const claimed = join(dir, 'claimed.json');
    await writeFile(claimed, text.replace(fingerprint, '0000-0000-0000-0000'));

    const { context, page, errors } = await openApp(app.browser, `${app.server.url}otdel/`, { ready: 'dept-tabs' });
    try {
        await page.locator('#import-files').setInputFiles([twice, claimed]);
        await page.getByTestId('import-summary').filter({ hasText: 'Файлов: 2.' }).waitFor();
        const rows = await page.getByTestId('verdicts').locator('tbody tr').evaluateAll((rows) =>
            Object.fromEntries(rows.map((r) => [r.cells[0].textContent, [r.dataset.verdict, r.cells[2].textContent]])),
        );
        assert.equal(rows['twice.json'][0], 'damaged');
        assert.match(rows['twice.json'][1], /^Поле «payload → profile → name» записано в файле дважды/);
        assert.equal(rows['claimed.json'][0], 'altered');
        assert.match(rows['claimed.json'][1], new RegExp(`^Отпечаток ключа, записанный в файле, не совпадает с самим ключом \\(${fingerprint}\\)`));
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});
