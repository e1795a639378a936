// The results set each school's value of an indicator against the
// municipality's on a chart: what a card without points shows in place of
// a rating. Every expected figure is computed here from the generator's
// manifest (Ижевск's share pooled Σ/Σ, Невинномысск's count and typed
// percent averaged over the schools), not by the app's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, useGenerated, openDepartment, importFiles } from './harness.mjs';
import { downloadDocx } from './docx_reader.mjs';

const YEAR = '2025/2026';
const app = useApp();
const izhevsk = useGenerated(['--schools', '12', '--periods', YEAR, '--card', 'izhevsk', '--seed', '5']);
const nevinnomyssk = useGenerated(['--schools', '7', '--periods', YEAR, '--card', 'nevinnomyssk', '--seed', '3']);

/// «37,8 %» from a fraction, rounded half up as the app does.
const pct = (part, whole) => {
    const t = (2000n * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole));
    return `${t / 10n},${t % 10n}\u00a0%`;
};
/// `part / whole` with `places` decimals, rounded half up: «54,17 %».
const pctAt = (part, whole, places) => {
    const unit = 10n ** BigInt(places);
    const t = (200n * unit * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole));
    return `${t / unit},${String(t % unit).padStart(places, '0')}\u00a0%`;
};
/// A share that reads as `other` in tenths, and is not: with as many
/// decimals as tell the two apart.
const pctApart = ([a, b], [c, d]) => {
    for (let places = 2; places <= 6; places++) {
        if (pctAt(a, b, places) !== pctAt(c, d, places)) return pctAt(a, b, places);
    }
    return pct(a, b);
};
/// «3,3» from tenths.
const tenths = (t) => `${Math.trunc(t / 10)},${t % 10}`;
const grouped = (x) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
/// «по 21 организации», «по 3 организациям».
const over = (n) => `по ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'организации' : 'организациям'}`;
const schools = (generated) => generated.manifest.files.map((f) => f.submission).filter(Boolean);
/// «2 школы».
const schoolsWord = (n) => {
    const [ten, hundred] = [n % 10, n % 100];
    const word = ten === 1 && hundred !== 11 ? 'школа' : ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? 'школы' : 'школ';
    return `${n} ${word}`;
};

/// The chart's accessible description, once the chart for `code` is drawn.
async function described(page, code) {
    const chart = page.getByTestId('chart-spread').locator('svg').first();
    await page.waitForFunction(
        (c) => document.querySelector('[data-testid="chart-spread"] svg')?.getAttribute('aria-label')?.startsWith(`Значения школ: показатель ${c}:`),
        code,
    );
    return chart.getAttribute('aria-label');
}

/// Each «name — value» of the description, in its order.
const entries = (label) => label.slice(label.indexOf(': ', label.indexOf('показатель')) + 2, label.indexOf('. Пунктир')).split('; ').map((e) => e.split(' — '));

async function openResults(files) {
    const opened = await openDepartment(app);
    await importFiles(opened.page, files);
    await opened.page.getByRole('tab', { name: 'Результаты' }).click();
    return opened;
}

test('on Ижевск\'s card the results chart each school\'s share against the pooled one', async () => {
    const { context, page, errors } = await openResults(izhevsk.files);
    try {
        const shares = schools(izhevsk).map((s) => ({
            name: s.school,
            n: Number(s.answers['П-1.1'].numerator),
            d: Number(s.answers['П-1.1'].denominator),
        }));
        // A school of 0 of 0 has no share: last, with the reason.
        const empty = shares.filter((s) => s.d === 0);
        assert.ok(empty.length > 0, 'the generated year has a school of 0 of 0');
        const [n, d] = shares.reduce(([a, b], s) => [a + s.n, b + s.d], [0, 0]);
        const label = await described(page, 'П-1.1');
        // Every school once, those with a share first with their own,
        // highest first.
        const shown = entries(label);
        assert.deepEqual(new Set(shown.map(([name]) => name)), new Set(shares.map((s) => s.name)));
        assert.equal(shown.length, shares.length);
        const own = new Map(shares.map((s) => [s.name, s]));
        const valued = shown.slice(0, shares.length - empty.length);
        for (const [name, value] of valued) {
            const { n: a, d: b } = own.get(name);
            // One that reads as the municipal value in tenths, and is not,
            // is written with more decimals.
            const alike = pct(a, b) === pct(n, d) && a * d !== n * b;
            assert.equal(value, alike ? pctApart([a, b], [n, d]) : pct(a, b), name);
        }
        for (const [name, value] of shown.slice(valued.length)) {
            assert.equal(own.get(name).d, 0, name);
            assert.ok(value.startsWith('0 из 0'), value);
        }
        for (let i = 1; i < valued.length; i++) {
            const [a, b] = [own.get(valued[i - 1][0]), own.get(valued[i][0])];
            assert.ok(a.n * b.d >= b.n * a.d, `${a.name} before ${b.name}`);
        }
        const below = shares.filter((s) => s.d > 0 && s.n * d < n * s.d).length;
        assert.ok(below > 0 && below < shares.length, 'some schools on each side of the line');
        assert.ok(
            label.endsWith(`Пунктир — по муниципалитету: ${pct(n, d)} (${grouped(n)} из ${grouped(d)}); ниже муниципального значения — ${schoolsWord(below)} (оранжевые столбцы).`),
            label,
        );
        // As many orange bars as schools below the line (the legend's
        // sample of the colour stands at the margin).
        const orange = await page.getByTestId('chart-spread').locator('rect[fill="#E69F00"]:not([x="12"])').count();
        assert.equal(orange, below);
        // The report draws the same chart under its heading.
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const inReport = page.getByTestId('report-spread').locator('svg');
        await inReport.waitFor();
        assert.equal(await inReport.getAttribute('aria-label'), label);
        assert.equal(await page.getByRole('heading', { name: 'Значения школ по показателям' }).count(), 1);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('on Невинномысск\'s card the chart sets a count against the mean per school, and another indicator is chosen from the list', async () => {
    const { context, page, errors } = await openResults(nevinnomyssk.files);
    try {
        // The first indicator the chart can draw is 1.2, a count.
        const counts = schools(nevinnomyssk).map((s) => ({ name: s.school, typed: (s.answers['1.2']?.count ?? '').trim() }));
        const valued = counts.filter((c) => /^\d+$/.test(c.typed)).map((c) => ({ ...c, value: Number(c.typed) }));
        assert.ok(valued.length >= 2, 'a mean to compare with');
        const sum = valued.reduce((a, c) => a + c.value, 0);
        const mean = Math.floor((sum * 10 * 2 + valued.length) / (valued.length * 2));
        const label = await described(page, '1.2');
        const shown = entries(label);
        assert.deepEqual(
            shown.slice(0, valued.length).map(([, v]) => v),
            valued.map((c) => c.value).sort((a, b) => b - a).map(grouped),
        );
        const below = valued.filter((c) => c.value * 10 < mean).length;
        assert.ok(
            label.endsWith(`Пунктир — по муниципалитету: в среднем ${tenths(mean)} на организацию, всего ${grouped(sum)} ${over(valued.length)}; ниже муниципального значения — ${schoolsWord(below)} (оранжевые столбцы).`),
            label,
        );
        // Another indicator: 1.5, a typed percent, averaged. Its wording
        // and 1.6's differ in their last words, which the list shows.
        const option = (code) => page.locator(`#spread-indicator option[value="${code}"]`).innerText();
        assert.deepEqual([await option('1.5'), await option('1.6')], [
            '1.5. Уровень удовлетворенности … удовлетворенность детей',
            '1.6. Уровень удовлетворенности … удовлетворенность родителей',
        ]);
        await page.locator('#spread-indicator').selectOption('1.5');
        const percents = schools(nevinnomyssk)
            .map((s) => ({ name: s.school, typed: (s.answers['1.5']?.percent ?? '').trim() }))
            .filter((p) => /^\d+(,\d)?$/.test(p.typed))
            .map((p) => ({ ...p, t: Math.round(Number(p.typed.replace(',', '.')) * 10) }));
        const percentLabel = await described(page, '1.5');
        const pMean = Math.floor((percents.reduce((a, p) => a + p.t, 0) * 2 + percents.length) / (percents.length * 2));
        assert.ok(percentLabel.includes(`по муниципалитету: в среднем ${tenths(pMean)}\u00a0% ${over(percents.length)}`), percentLabel);
        for (const p of percents) assert.ok(percentLabel.includes(`${p.name} — ${tenths(p.t)}\u00a0%`), `${p.name} ${p.typed}`);
        // The report in Word: a picture per indicator drawn (1.2, 1.4,
        // 1.5, 1.6, 2.1, 2.2: the counts and percents), under its heading.
        await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        const report = await downloadDocx(page, () => page.getByRole('button', { name: 'Скачать справку (DOCX)' }).click(), 'справка_2025-2026_nevinnomyssk.docx');
        const heading = report.paragraphs.indexOf('Значения школ по показателям');
        assert.ok(heading > 0, 'the heading of the charts');
        assert.ok(report.paragraphs[heading + 1].startsWith('Столбцы — значения школ'));
        // Each indicator's pictures under its words.
        assert.ok(report.paragraphs[heading + 2].startsWith('1.2. Количество'), report.paragraphs[heading + 2]);
        assert.equal(report.pictures.length, 6);
        // Each picture says what the page's chart says, figures included.
        assert.equal(report.descriptions.length, 6);
        assert.equal(report.descriptions[0], label);
        assert.equal(report.descriptions[2], percentLabel);
        for (const png of report.pictures) assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});
