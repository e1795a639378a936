// Page object of the school's card: how a user reaches each control, and
// web-first assertions that wait for the app to react instead of sleeping.
import assert from 'node:assert/strict';

const slug = (code) => `ind-${code.replaceAll('.', '-')}`;

/// Waits until `locator` shows exactly `expected` (its text trimmed, or an
/// input's value with `value`), or fails with what it showed. The element
/// is found afresh at every frame: the app may redraw it (a card switched,
/// an undo), and a handle taken before would watch a node gone from the page.
export async function expectShown(locator, expected, { what, value = false } = {}) {
    const deadline = Date.now() + 5000;
    for (;;) {
        const shown = value
            ? await locator.inputValue({ timeout: 5000 })
            : (await locator.textContent({ timeout: 5000 })).trim();
        if (shown === expected) return;
        if (Date.now() > deadline) assert.equal(shown, expected, what);
        await locator.page().evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    }
}

export class CardPage {
    constructor(page) {
        this.page = page;
    }

    row(code) {
        return this.page.getByTestId(slug(code));
    }

    /// The input of a row by its field name: numerator, denominator, count, evidence, comment.
    input(code, field) {
        return this.page.locator(`#${slug(code)}-${field}`);
    }

    async field(code, field, value) {
        await this.input(code, field).fill(value);
    }

    /// Picks another card in the list and goes to it with the button.
    async chooseCard(id) {
        await this.page.locator('#card-choice').selectOption(id);
        await this.page.getByRole('button', { name: 'Перейти к этой карте' }).click();
        // The page is drawn anew for the card; the focus is back on the list.
        await this.page.waitForFunction(() => document.activeElement?.id === 'card-choice');
    }

    async share(code, numerator, denominator) {
        await this.field(code, 'numerator', numerator);
        await this.field(code, 'denominator', denominator);
    }

    async fact(code, present) {
        await this.row(code).getByRole('radio', { name: present ? 'Да' : 'Нет', exact: true }).check();
    }

    async isFocused(id) {
        return this.page.evaluate((id) => document.activeElement?.id === id, id);
    }

    async profile(label, value) {
        await this.page.getByLabel(label).fill(value);
    }

    async level(label, present) {
        await this.page.getByRole('checkbox', { name: label }).setChecked(present);
    }

    async ovz(present) {
        await this.page.getByRole('checkbox', { name: /ОВЗ/ }).setChecked(present);
    }

    /// Waits until the element shows exactly `expected` (trimmed), or fails
    /// with what it showed instead.
    async expectExact(locator, expected, what) {
        await expectShown(locator, expected, { what });
    }

    async expectText(testid, expected) {
        await this.expectExact(this.page.getByTestId(testid), expected, testid);
    }

    async expectSummary({ total, percent, level }) {
        if (total !== undefined) await this.expectText('total', total);
        if (percent !== undefined) await this.expectText('percent', percent);
        if (level !== undefined) await this.expectText('level', level);
    }

    async expectSubtotal(criterion, expected) {
        await this.expectText(`summary-criterion-${criterion}`, expected);
        await this.expectExact(
            this.page.getByTestId(`subtotal-${criterion}`).locator('strong'),
            expected,
            `criterion ${criterion} subtotal`,
        );
    }

    async expectPoints(code, expected) {
        await this.expectExact(this.row(code).getByTestId('points'), expected, `points of ${code}`);
    }

    async expectNote(code, expected) {
        await this.expectExact(this.row(code).getByTestId('note'), expected, `note of ${code}`);
    }

    async expectShare(code, expected) {
        await this.expectExact(this.row(code).getByTestId('share'), expected, `share of ${code}`);
    }

    async expectFieldError(code, field, message) {
        const error = this.page.locator(`#${slug(code)}-${field}-error`);
        await this.expectExact(error, message, `message under ${code} ${field}`);
        assert.equal(await this.input(code, field).getAttribute('aria-invalid'), 'true');
    }

}
