// Screenshots of the department's screens for a person to look at:
// node tests/e2e/shoot_department.mjs (after `cargo build --bin profkarta-gen`).
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launchBrowser, openApp, ARTIFACTS } from './harness.mjs';

await mkdir(ARTIFACTS, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'profkarta-shoot-'));
execFileSync(join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'profkarta-gen'), ['--out', dir, '--schools', '150', '--extras']);
const files = (await readdir(dir)).filter((f) => f !== 'manifest.json').map((f) => join(dir, f));
const server = await startServer();
const browser = await launchBrowser();
const shot = (page, name, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `dept-${name}.png`), fullPage });
try {
    const { page, context } = await openApp(browser, `${server.url}otdel/`, { ready: 'dept-tabs' });
    await shot(page, 'empty');
    await page.locator('#import-files').setInputFiles(files);
    await page.getByTestId('import-summary').waitFor();
    await shot(page, 'import', true);
    await page.getByRole('tab', { name: 'Результаты' }).click();
    await page.getByTestId('rating').waitFor();
    await shot(page, 'results');
    await shot(page, 'results-full', true);
    await page.getByTestId('chart-heatmap').screenshot({ path: join(ARTIFACTS, 'dept-heatmap.png') });
    await page.getByTestId('chart-indicators').screenshot({ path: join(ARTIFACTS, 'dept-indicators.png') });
    await page.getByTestId('chart-profile').screenshot({ path: join(ARTIFACTS, 'dept-profile.png') });
    await page.getByRole('tab', { name: 'Проверка' }).click();
    await page.getByTestId('review').waitFor();
    await page.locator('li[data-code="1.2"]').getByLabel('балл не засчитан').check();
    await shot(page, 'review');
    await page.getByRole('tab', { name: 'Динамика' }).click();
    await shot(page, 'dynamics', true);
    await page.getByRole('tab', { name: 'Рекомендации' }).click();
    await shot(page, 'letter');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'dept-letter.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
    await shot(page, 'report', true);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'dept-report.pdf'), format: 'A4' });
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
