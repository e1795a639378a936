// After a first visit both pages work with the network cut: the service
// worker (scripts/offline.mjs) has cached the deployment's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp } from './harness.mjs';

const app = useApp();

test('both pages open offline after the first visit', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    try {
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await page.getByTestId('ind-1-1').locator('input').first().fill('30');
        await context.setOffline(true);
        await page.reload();
        await page.getByTestId('total').waitFor();
        assert.equal(await page.getByTestId('ind-1-1').locator('input').first().inputValue(), '30', 'the draft is back too');
        await page.goto(`${app.server.url}otdel/`);
        await page.getByTestId('dept-tabs').waitFor();
        await context.setOffline(false);
        // Going offline makes the browser log failed requests; nothing else may fail.
        assert.deepEqual(errors.map(String).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
    } finally {
        await context.close();
    }
});
