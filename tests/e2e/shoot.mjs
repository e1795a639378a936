// Takes screenshots of the app for a person to look at: node tests/e2e/shoot.mjs
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launchBrowser, openApp, ARTIFACTS } from './harness.mjs';

await mkdir(ARTIFACTS, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
    const { page, context } = await openApp(browser, server.url);
    await page.screenshot({ path: join(ARTIFACTS, 'school-top.png') });
    const row = page.getByTestId('ind-1-1');
    await row.getByLabel('Обучающиеся 1–4 классов, посетившие мероприятия').fill('25');
    await row.getByLabel('Всего обучающихся 1–4 классов').fill('100');
    await page.getByTestId('ind-1-2').getByLabel('Обучающиеся 8–9 классов, посетившие мероприятия').fill('12,5');
    await page.getByTestId('ind-1-6').getByRole('radio', { name: 'Да' }).check();
    await page.getByRole('button', { name: /Мои черновики/ }).click();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'school-rows.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'school-full.png'), fullPage: true });
    await page.locator('#export').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'school-export.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'school-top-drafts.png') });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'school-print.pdf'), format: 'A4' }).catch(() => {});
    await context.close();
} finally {
    await browser.close();
    await server.close();
}
