// The built page carries a strict Content-Security-Policy and the browser
// enforces it: the app itself runs without a single violation (every other
// test fails on any console error), while an injected inline script is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp } from './harness.mjs';

const app = useApp();

test('the Content-Security-Policy is present and enforced', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    try {
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(policy, /default-src 'none'/);
        assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
        const refused = await page.evaluate(
            () =>
                new Promise((resolve) => {
                    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
                    const s = document.createElement('script');
                    s.textContent = 'window.injected = true;';
                    document.body.append(s);
                }),
        );
        assert.match(refused, /^script-src/);
        assert.equal(await page.evaluate(() => window.injected), undefined);
        assert.ok(errors.every((e) => /Content Security Policy/.test(String(e))), 'only the refusal itself was logged');
    } finally {
        await context.close();
    }
});
