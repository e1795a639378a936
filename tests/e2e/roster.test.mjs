// The campaign at municipal scale (issue 15): roster and deadlines, and the
// review at scale. The
// coordinator loads the list of 12 schools from a CSV that Russian Excel
// saved (Windows-1251, «;»), 9 of them have sent their card, and the «Школы»
// tab tells who has not, how late everyone is, writes the reminder and
// exports the list. Every expected date and count is computed here from the
// generator's manifest and a fixed date, not by the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { nextQuestion, downloadText, ARTIFACTS, useApp, useGenerated, openDepartment, importFiles } from './harness.mjs';
import { byName, score } from './scoring.mjs';
import { downloadXlsx } from './xlsx_reader.mjs';

const PERIOD = '2025/2026';
const DEADLINE = Date.UTC(2026, 8, 30); // seed 003: the card by 30 September

const app = useApp();
const generated = useGenerated(['--schools', '12', '--periods', PERIOD]);
// The same schools on another card: one of the missing filled that one in.
const otherCard = useGenerated(['--schools', '12', '--periods', PERIOD, '--card', 'nevinnomyssk']);
const OTHER_TITLE = 'Показатели мониторинга муниципальной системы профессиональной ориентации обучающихся г. Невинномысска';
// The school year a campaign opened today is about: the last finished one,
// as a school's new draft has it (from June, the year ending this summer).
const now = new Date();
const ending = now.getMonth() + 1 >= 6 ? now.getFullYear() : now.getFullYear() - 1;
const CURRENT = `${ending - 1}/${ending}`;
const current = useGenerated(['--schools', '2', '--periods', CURRENT]);
// Two years, the schools without an ИНН renamed in the second («МАОУ» ↔ «МБОУ»).
const renamedRun = useGenerated(['--schools', '12', '--renamed']);

/// Text in Windows-1251, for the characters of school names: what Russian
/// Excel writes when it saves «CSV (разделители — точки с запятой)».
function cp1251(text) {
    const special = { 'Ё': 0xa8, 'ё': 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb };
    return Buffer.from(
        [...text].map((c) => {
            const code = c.codePointAt(0);
            if (code < 0x80) return code;
            if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
            if (c in special) return special[c];
            throw new Error(`${c} is not in the test's table`);
        }),
    );
}

/// A workbook as Excel writes it: a zip of deflated XML parts, the names
/// in shared strings, the ИНН as numbers. Built here, not by the app.
function xlsx(rows) {
    const esc = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const strings = [];
    const cell = (v, r, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (/^\d+$/.test(v)) return `<c r="${ref}"><v>${v}</v></c>`;
        strings.push(v);
        return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    };
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
        .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`)
        .join('')}</sheetData></worksheet>`;
    const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`;
    const parts = [
        ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
        ['xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
        ['xl/sharedStrings.xml', shared],
        ['xl/worksheets/sheet1.xml', sheet],
    ];
    const local = [];
    const central = [];
    let offset = 0;
    for (const [name, text] of parts) {
        const raw = Buffer.from(text, 'utf8');
        const data = deflateRawSync(raw);
        const nameBytes = Buffer.from(name, 'utf8');
        const head = Buffer.alloc(30);
        head.writeUInt32LE(0x04034b50, 0);
        head.writeUInt16LE(20, 4);
        head.writeUInt16LE(8, 8);
        head.writeUInt32LE(data.length, 18);
        head.writeUInt32LE(raw.length, 22);
        head.writeUInt16LE(nameBytes.length, 26);
        local.push(head, nameBytes, data);
        const dir = Buffer.alloc(46);
        dir.writeUInt32LE(0x02014b50, 0);
        dir.writeUInt16LE(20, 4);
        dir.writeUInt16LE(20, 6);
        dir.writeUInt16LE(8, 10);
        dir.writeUInt32LE(data.length, 20);
        dir.writeUInt32LE(raw.length, 24);
        dir.writeUInt16LE(nameBytes.length, 28);
        dir.writeUInt32LE(offset, 42);
        central.push(dir, nameBytes);
        offset += 30 + nameBytes.length + data.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...local, directory, end]);
}

/// Picks a roster file on the «Школы» tab and waits for its preview of 12 schools.
async function previewRoster(page, path) {
    await page.getByRole('tab', { name: 'Школы' }).click();
    await page.locator('#roster-file').setInputFiles(path);
    const preview = page.getByTestId('roster-import');
    await preview.getByText('Будет загружено школ: 12. Первые:').waitFor();
    return preview;
}

/// A name in guillemets as the page quotes it: its own «» become „“.
const quoted = (name) => `«${name.replaceAll('«', '„').replaceAll('»', '“')}»`;

const days = (n) => {
    const [one, few] = [n % 10 === 1 && n % 100 !== 11, [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)];
    return `${n} ${one ? 'день' : few ? 'дня' : 'дней'}`;
};
const dayOf = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

test('a roster from a Windows-1251 CSV: 12 schools, 9 cards, the 3 missing with their lateness (one sent a damaged file), a reminder and the export', async () => {
    const schools = generated.manifest.files.map((f) => f.submission).filter(Boolean);
    assert.equal(schools.length, 12);
    const missing = new Set([schools[2].school, schools[6].school, schools[10].school]);
    const sent = generated.manifest.files.filter((f) => f.submission && !missing.has(f.submission.school)).map((f) => join(generated.dir, f.name));
    // The third missing school did send a file, changed on the way after it
    // was signed: refused at import, it is asked for again, not reminded.
    const damagedOf = schools[10];
    const original = generated.manifest.files.find((f) => f.submission?.school === damagedOf.school);
    const text = await readFile(join(generated.dir, original.name), 'utf8');
    const stamp = damagedOf.created_at;
    const changed = stamp.slice(0, -2) + (stamp.at(-2) === '1' ? '2' : '1') + 'Z';
    assert.ok(text.includes(stamp));
    const damaged = join(generated.dir, 'повреждён.json');
    await writeFile(damaged, text.replace(stamp, changed));
    // Another sent its file cut off before the school's details: only the
    // file's name, as Profkarta wrote it, tells whose it is.
    const cutOf = schools[6];
    const whole = generated.manifest.files.find((f) => f.submission?.school === cutOf.school);
    await mkdir(join(generated.dir, 'cut'), { recursive: true });
    const cut = join(generated.dir, 'cut', whole.name);
    await writeFile(cut, (await readFile(join(generated.dir, whole.name), 'utf8')).slice(0, 200));
    // The list as the municipality keeps it: its own numbering, the ИНН, one
    // school spelled in capitals with the ИНН left out, one renamed.
    const renamed = `Школа-интернат № 9 (бывш. ${schools[8].school})`;
    const csv = ['№;Наименование ОО;ИНН'].concat(
        schools.map((s, i) => {
            if (i === 4) return `${i + 1};${s.school.toUpperCase()};`;
            // Renamed in the list, without the ИНН: the rules cannot place its file.
            if (i === 8) return `${i + 1};"${renamed.replaceAll('"', '""')}";`;
            return `${i + 1};"${s.school.replaceAll('"', '""')}";${s.identifier}`;
        }),
    );
    const csvPath = join(generated.dir, 'школы.csv');
    await writeFile(csvPath, cp1251(csv.join('\r\n') + '\r\n'));
    // The first missing school sent the other card's file: in, and not this
    // campaign's card, which it is told (a walk-through's reminder said
    // nothing came from it).
    const wrongCardOf = schools[2];
    const wrongCard = otherCard.manifest.files.find((f) => f.submission?.school === wrongCardOf.school);

    // 21.10.2026, 03:30 in Novokuznetsk (UTC+7), still the 20th in UTC: a
    // coordinator east of Moscow counts lateness by the day on the wall
    // (the page counted Greenwich's, a day short every morning).
    const { context, page, errors } = await openDepartment(app, {
        timezoneId: 'Asia/Novokuznetsk',
        clock: new Date('2026-10-20T20:30:00Z'),
    });
    try {
        await importFiles(page, [...sent, damaged, cut, join(otherCard.dir, wrongCard.name)]);
        // Listed with the remarks without asking for the accepted files.
        await page.getByTestId('verdicts').getByText(`${wrongCardOf.school}, ${PERIOD}. Заполнен по другой карте, чем большинство файлов этого года: «${OTHER_TITLE}».`, { exact: false }).waitFor();
        const preview = await previewRoster(page, csvPath);
        assert.equal(await page.locator('#roster-col-name').inputValue(), '1', 'the name column is guessed from «Наименование»');
        assert.deepEqual(await preview.getByTestId('roster-preview').locator('li').allInnerTexts(), schools.slice(0, 5).map((s, i) => (i === 4 ? s.school.toUpperCase() : s.school)));
        await preview.getByRole('button', { name: 'Заменить список этими школами' }).click();

        // The renamed school's file is not placed until the coordinator says, once.
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 8 из 12, не сдали 4, из них просрочено 4, файл не принят у 1.' }).waitFor();
        const unplaced = page.getByTestId('roster-unplaced');
        await unplaced.screenshot({ path: join(ARTIFACTS, 'department-roster-unplaced.png') });
        // The report names it as counted and not on the list, until placed.
        const leftOut = async () => {
            await page.getByRole('tab', { name: 'Аналитическая справка' }).click();
            const text = await page.getByTestId('report-left-out').innerText();
            await page.getByRole('tab', { name: 'Школы' }).click();
            return text;
        };
        assert.ok((await leftOut()).includes(`Учтены, но не найдены в списке школ (новая школа или другое написание названия): ${schools[8].school.replace(/№ /g, '№\u00a0')}.`));
        await unplaced.getByLabel(`${quoted(schools[8].school)} — это`).selectOption({ label: renamed });
        await unplaced.getByRole('button', { name: 'Запомнить' }).click();
        await unplaced.waitFor({ state: 'detached' });
        // The last line went with its button: the focus to the counts the
        // placing changed, just below (it went to the tab's heading, above
        // the deadlines).
        await page.waitForFunction(() => document.activeElement?.id === 'roster-counts');
        assert.match(await page.evaluate(() => document.activeElement.textContent), /учебный год: сдали/);
        assert.ok(!(await leftOut()).includes('не найдены в списке школ'), 'placed');
        await page.getByTestId('roster-counts').waitFor();

        // From 30.09 to 21.10; the check was due by 15.10.
        const overdue = 21;
        const checkOverdue = 6;
        await page.getByTestId('roster-counts').filter({ hasText: `${PERIOD} учебный год: сдали 9 из 12, не сдали 3, из них просрочено 3, файл не принят у 1.` }).waitFor();
        const rows = page.getByTestId('roster').locator('tbody tr');
        assert.equal(await rows.count(), 12);
        for (const [i, s] of schools.entries()) {
            const row = rows.nth(i);
            const [status, from, lateness] = (await row.locator('td').allInnerTexts()).slice(0, 3);
            if (missing.has(s.school)) {
                // The cut-off file, which names no school, is most likely
                // this one's: said in its row, under its status.
                const label = s === damagedOf ? 'файл не принят'
                    : s === cutOf ? 'не сдана\nвероятно, её файл не принят: см. под таблицей'
                    : s === wrongCardOf ? `не сдана\nприслан файл по другой карте: «${OTHER_TITLE}»`
                    : 'не сдана';
                assert.deepEqual([status, from, lateness], [label, '', `просрочено на ${days(overdue)}`], s.school);
                // Only the school nothing came from may have closed: a
                // refused file, even one placed by its name alone, or a file
                // of another card, was sent.
                const closedOffered = await row.getByRole('button', { name: `Школа закрыта: ${s.school}` }).count();
                assert.equal(closedOffered, [damagedOf, cutOf, wrongCardOf].includes(s) ? 0 : 1, s.school);
            } else {
                const late = Math.round((dayOf(s.created_at) - DEADLINE) / 86400000);
                const parts = [late > 0 ? `сдана с опозданием на ${days(late)}` : null, `проверка отделом просрочена на ${days(checkOverdue)}`];
                assert.deepEqual([status, from, lateness], ['получена', `${s.created_at.slice(8, 10)}.${s.created_at.slice(5, 7)}.${s.created_at.slice(0, 4)}`, parts.filter(Boolean).join('; ')], s.school);
            }
        }

        const refused = page.getByTestId('roster-refused');
        assert.equal(await refused.locator('h3').innerText(), 'Не приняты и не отнесены к школам списка: 1 файл');
        assert.deepEqual(await refused.locator('li').allInnerTexts(), [`«${whole.name}» — вероятно, ${cutOf.school}`]);
        await refused.screenshot({ path: join(ARTIFACTS, 'department-roster-refused.png') });

        await page.getByRole('button', { name: 'Письмо-напоминание' }).click();
        const letter = await page.getByTestId('reminder').inputValue();
        assert.ok(letter.includes('до 30.09.2026.'), letter);
        const late = `(просрочено на ${days(overdue)})`;
        const other = (s) => (s === wrongCardOf ? ` — прислан файл по другой карте: «${OTHER_TITLE}»` : '');
        const named = schools.filter((s) => missing.has(s.school) && s !== damagedOf).map((s, i) => `${i + 1}. ${s.school} ${late}${other(s)}`);
        assert.ok(letter.includes(`По состоянию на 21.10.2026 карта не получена от следующих организаций:\n\n${named.join('\n')}\n\nПросим заполнить`), letter);
        assert.ok(letter.includes('Организации, приславшие файл по другой карте, просим выбрать на странице «Профкарта» карту «'), letter);
        named.push(`1. ${damagedOf.school}`);
        assert.ok(letter.includes(`\nФайлы следующих организаций получены, но не приняты при загрузке:\n\n${named[2]}\n\nПросим открыть карту`), letter);
        assert.ok(!letter.includes(schools[0].school + ' ('), 'a school that sent its card is not reminded');
        await page.screenshot({ path: join(ARTIFACTS, 'department-roster.png'), fullPage: true });
        assert.ok(letter.endsWith('/\nДата ____________\n'), 'the reminder is signed and dated');
        // On paper the letter goes alone: the table tells every school's lateness.
        await page.evaluate(() => addEventListener('beforeprint', () => {
            window.printed = document.documentElement.dataset.print;
        }, { once: true }));
        await page.getByRole('button', { name: 'Печать письма' }).click();
        assert.equal(await page.evaluate(() => window.printed), 'reminder');
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => { document.documentElement.dataset.print = 'reminder'; });
        const paper = page.locator('.reminder-print .letter-print');
        assert.ok(await paper.isVisible(), 'the letter is printed');
        for (const line of named) assert.ok((await paper.innerText()).includes(line.trim()), line);
        assert.ok(!(await page.getByTestId('roster').isVisible()), 'the roster is not printed with it');
        assert.ok(!(await page.getByTestId('roster-counts').isVisible()), 'nor its counts');
        await page.screenshot({ path: join(ARTIFACTS, 'department-reminder-print.png'), fullPage: true });
        await page.evaluate(() => { delete document.documentElement.dataset.print; });
        await page.emulateMedia({ media: 'print' });
        assert.ok(!(await paper.isVisible()), 'Ctrl+P on the tab prints the roster, not the letter');
        await page.emulateMedia({ media: 'screen' });

        const exported = await downloadText(page, () => page.getByRole('button', { name: 'Скачать CSV' }).click());
        assert.equal(exported.name, 'школы_2025-2026.csv');
        const lines = exported.text.replace(/^\uFEFF/, '').trim().split('\r\n');
        assert.equal(lines[0], 'Школа;ИНН / код;Муниципалитет;Статус;Первый файл от;Сроки;Примечание');
        assert.equal(lines.length, 13);
        // The school that sent another card, the one whose refused file it
        // most likely is and the one placed by hand are noted there as on
        // the page, and no other.
        const byName = (a, b) => a[0].localeCompare(b[0], 'ru');
        const notes = lines.slice(1).filter((l) => !l.endsWith(';')).map((l) => l.split(';')).map((l) => [l[0], l[3], l[6]]);
        assert.deepEqual(notes.sort(byName), [
            [wrongCardOf.school, 'не сдана', `прислан файл по другой карте: «${OTHER_TITLE}»`],
            [cutOf.school, 'не сдана', 'вероятно, её файл не принят'],
            [renamed, 'получена', `в файле: ${schools[8].school}`],
        ].sort(byName));
        assert.equal(lines.filter((l) => l.includes(';не сдана;')).length, 2);
        assert.equal(lines.filter((l) => l.includes(';файл не принят;')).length, 1);
        // In the workbook the day a file came is a date, the same day.
        const book = await downloadXlsx(page, () => page.getByRole('button', { name: 'Скачать XLSX' }).click(), 'школы_2025-2026.xlsx');
        const [bookHead, ...bookRows] = book['Школы'];
        const at = bookHead.indexOf('Первый файл от');
        const day = (serial) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
        const withFile = bookRows.filter((r) => r[at] !== '');
        assert.ok(withFile.length > 0, 'some schools sent a file');
        for (const [i, row] of bookRows.entries()) {
            if (row[at] === '') continue;
            assert.equal(typeof row[at], 'number', row[0]);
            assert.equal(book.formats['Школы'][i + 1][at], 'dd.mm.yyyy', row[0]);
            const line = lines.find((l) => l.startsWith(`${row[0]};`));
            assert.equal(line.split(';')[4], day(row[at]), row[0]);
        }

        // A school the list has, typed in another spelling, is refused beside
        // the field and not counted twice.
        await page.locator('#roster-new').fill(` ${schools[0].school.toLowerCase().replaceAll('«', '"').replaceAll('»', '"')} `);
        await page.getByRole('button', { name: 'Добавить', exact: true }).click();
        await page.locator('#roster-new-error').filter({ hasText: /^Школа уже есть в списке: «.+»\.$/ }).waitFor();
        assert.equal(await page.locator('#roster-new').getAttribute('aria-invalid'), 'true');
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 9 из 12, не сдали 3' }).waitFor();

        // Deadlines are the coordinator's: until set, the defaults are said
        // to be; moved past today, nothing is overdue.
        const defaults = page.getByTestId('deadlines-default');
        assert.ok((await defaults.innerText()).startsWith('Сроки на этот год отдел не задавал: показаны сроки по умолчанию'));
        await page.locator('#deadline-submit').fill('2099-09-30');
        await defaults.waitFor({ state: 'detached' });
        await page.locator('#deadline-check').fill('2099-10-15');
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 9 из 12, не сдали 3, файл не принят у 1.' }).waitFor();
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('deadlines set before any file has come are the campaign year\'s, and stay when the files come', async () => {
    const { context, page, errors } = await openDepartment(app);
    try {
        await page.getByRole('tab', { name: 'Школы' }).click();
        // The list and the deadlines, as a campaign starts.
        const [first] = current.manifest.files.filter((f) => f.submission);
        await page.locator('#roster-new').fill(first.submission.school);
        await page.getByRole('button', { name: 'Добавить', exact: true }).click();
        const counts = page.getByTestId('roster-counts');
        await counts.filter({ hasText: `${CURRENT} учебный год: сдали 0 из 1` }).waitFor();
        await page.locator('#deadline-submit').fill('2099-09-30');
        await page.locator('#deadline-submit').press('Tab');
        // The check's default date now stands before the card's: said.
        assert.equal(await page.getByTestId('deadlines-order').innerText(),
            `Срок проверки объективности (15.10.${ending}) раньше срока сдачи карты (30.09.2099): проверьте даты.`);
        await page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        const files = current.manifest.files.filter((f) => f.submission).map((f) => join(current.dir, f.name));
        await importFiles(page, files);
        await page.getByRole('tab', { name: 'Школы' }).click();
        await counts.filter({ hasText: `${CURRENT} учебный год: сдали 1 из 1` }).waitFor();
        assert.equal(await page.locator('#deadline-submit').inputValue(), '2099-09-30');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('review at scale: progress, the next school, and a bulk confirmation listed before it applies', async () => {
    const files = generated.manifest.files.filter((f) => f.submission).map((f) => join(generated.dir, f.name));
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, files);
        await page.getByRole('tab', { name: 'Проверка' }).click();
        await page.getByTestId('review-progress').filter({ hasText: 'Проверено 0 из 12.' }).waitFor();
        // The select lists schools by name; «Следующая школа» follows it.
        const names = (await page.locator('#school-select option').allInnerTexts()).map((t) => t.replace(/ — получена$/, ''));
        const heading = page.getByTestId('review').getByRole('heading', { level: 3 });
        assert.equal(await heading.innerText(), names[0]);
        // The list shows the open school, whichever way it was opened.
        const chosen = () => page.locator('#school-select').evaluate((s) => s.selectedOptions[0]?.textContent);
        assert.equal(await chosen(), `${names[0]} — получена`);
        // At the first school there is none before it, and the button says so.
        assert.equal(await page.getByRole('button', { name: '← Предыдущая школа' }).getAttribute('aria-disabled'), 'true');
        assert.equal(await page.getByRole('button', { name: 'Следующая школа →' }).getAttribute('aria-disabled'), 'false');
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        await heading.filter({ hasText: names[1] }).waitFor();
        assert.equal(await page.getByRole('button', { name: '← Предыдущая школа' }).getAttribute('aria-disabled'), 'false');
        assert.equal(await chosen(), `${names[1]} — получена`);
        await page.getByRole('button', { name: '← Предыдущая школа' }).click();
        await heading.filter({ hasText: names[0] }).waitFor();
        assert.equal(await chosen(), `${names[0]} — получена`);
        // The end of the review leads on too, to the next school's top.
        await page.getByRole('button', { name: 'К следующей школе →' }).click();
        await heading.filter({ hasText: names[1] }).waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'review-school');
        await page.getByRole('button', { name: '← Предыдущая школа' }).click();
        await heading.filter({ hasText: names[0] }).waitFor();

        // Bulk: every claimed point with a link, as computed from the generated.manifest.
        const school = generated.manifest.files.map((f) => f.submission).find((s) => s?.school === names[0]);
        const { earned } = score(school);
        const linked = [...earned].filter((code) => /https?:\/\//.test(school.answers[code]?.evidence ?? ''));
        assert.ok(linked.length > 0, 'the school has linked claims');
        await page.getByRole('button', { name: 'Подтвердить заявленные баллы со ссылками на подтверждение' }).click();
        // Said alike in the preview, its result, the notice of one left
        // waiting and the question before finishing.
        const decisions = (codes) => (codes.length === 1
            ? `решение по показателю ${codes[0]}`
            : `решения по ${codes.length} ${codes.length % 10 === 1 && codes.length % 100 !== 11 ? 'показателю' : 'показателям'} (${codes.join(', ')})`);
        const changed = (codes) => (codes.length === 1 ? 'изменено' : 'изменены');
        const preview = page.getByTestId('bulk-preview');
        await preview.filter({ hasText: `изменит ${decisions(linked)}.` }).waitFor();
        for (const code of linked) assert.equal(await page.locator(`#decision-${code.replace('.', '-')}-confirm`).isChecked(), false, 'nothing changes before «Применить»');
        // Escape closes it, as a dialog, and gives the focus back to its button.
        await page.waitForFunction(() => document.activeElement?.textContent === 'Применить');
        await page.keyboard.press('Escape');
        await preview.waitFor({ state: 'detached' });
        await page.waitForFunction(() => document.activeElement?.textContent === 'Подтвердить заявленные баллы со ссылками на подтверждение');
        await page.keyboard.press('Enter');
        await preview.filter({ hasText: `изменит ${decisions(linked)}.` }).waitFor();
        // The preview takes the focus, and gives it back to its button.
        await page.waitForFunction(() => document.activeElement?.textContent === 'Применить');
        assert.ok((await preview.innerText()).includes('Пока не нажато «Применить», решения не меняются.'));
        // Left unapplied, it is asked about before the check is marked
        // finished (a walk-through lost four schools' confirmations so).
        const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
        await page.getByTestId('review').getByLabel('Проверка завершена').click();
        assert.ok((await asked).includes(`\n— «Подтвердить заявленные баллы со ссылками на подтверждение» не применено: ${decisions(linked)} не ${changed(linked)} (нажмите «Применить» или «Отмена»).\nВсё равно отметить проверку завершённой?`), 'the unapplied action is named last');
        assert.equal(await page.getByTestId('review').getByLabel('Проверка завершена').isChecked(), false);
        // Another school opened meanwhile keeps the preview: it is named
        // above the review, and «Вернуться» brings it back unchanged.
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        await heading.filter({ hasText: names[1] }).waitFor();
        const waiting = page.getByTestId('bulk-waiting');
        assert.equal(await waiting.locator('span').innerText(),
            `«Подтвердить заявленные баллы со ссылками на подтверждение» для ${quoted(names[0])} не применено: ${decisions(linked)} не ${changed(linked)}.`);
        assert.equal(await preview.count(), 0, 'the other school shows no preview of its own');
        // An action here would put the first school's aside: asked first;
        // declined, the first still waits.
        const replacing = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
        await page.getByRole('button', { name: 'Подтвердить заявленные баллы со ссылками на подтверждение' }).click();
        assert.equal(await replacing, `«Подтвердить заявленные баллы со ссылками на подтверждение» для ${quoted(names[0])} не применено. Отменить его и начать действие для этой школы?`);
        assert.equal(await preview.count(), 0);
        await waiting.waitFor();
        await waiting.screenshot({ path: join(ARTIFACTS, 'department-review-bulk-waiting.png') });
        await waiting.getByRole('button', { name: 'Вернуться к этой школе' }).click();
        await heading.filter({ hasText: names[0] }).waitFor();
        await preview.filter({ hasText: `изменит ${decisions(linked)}.` }).waitFor();
        await page.waitForFunction(() => document.activeElement?.textContent === 'Применить');
        assert.equal(await waiting.count(), 0);
        // A row decided by hand meanwhile leaves the preview; undecided, it
        // is back.
        assert.ok(linked.length > 1, 'the school has several linked claims');
        const [byHand, ...rest] = linked;
        await page.locator(`#decision-${byHand.replace('.', '-')}-no_point`).check();
        await preview.filter({ hasText: `изменит ${decisions(rest)}.` }).waitFor();
        await page.locator(`#decision-${byHand.replace('.', '-')}-none`).check();
        await preview.filter({ hasText: `изменит ${decisions(linked)}.` }).waitFor();
        await preview.getByRole('button', { name: 'Применить' }).click();
        for (const code of linked) assert.ok(await page.locator(`#decision-${code.replace('.', '-')}-confirm`).isChecked(), code);
        await page.waitForFunction(() => document.activeElement?.textContent === 'Подтвердить заявленные баллы со ссылками на подтверждение');
        // Said where the preview was, in a status line a screen reader reads.
        assert.equal(await page.getByTestId('bulk-applied').innerText(),
            `«Подтвердить заявленные баллы со ссылками на подтверждение» применено: ${decisions(linked)} ${changed(linked)}.`);
        assert.equal(await page.getByTestId('bulk-applied').getAttribute('role'), 'status');
        await page.getByRole('button', { name: 'Подтвердить заявленные баллы со ссылками на подтверждение' }).click();
        await preview.filter({ hasText: 'менять нечего' }).waitFor();
        assert.equal(await page.getByTestId('bulk-applied').innerText(), '', 'a new preview replaces what the last one did');
        // The focus moves to «Закрыть» in the frame after it is drawn.
        await page.waitForFunction(() => document.activeElement?.textContent === 'Закрыть');
        await page.keyboard.press('Enter');
        await preview.waitFor({ state: 'detached' });
        // Filters: claimed points without a link, as computed from the generated.manifest.
        const unlinked = [...earned].filter((code) => !/https?:\/\//.test(school.answers[code]?.evidence ?? ''));
        await page.locator('#row-filter').selectOption('without-evidence');
        const rows = page.getByTestId('review').locator('li.review-row');
        await page.waitForFunction((n) => document.querySelectorAll('li.review-row:not([hidden])').length === n, unlinked.length);
        const shown = await rows.evaluateAll((all) => all.filter((li) => !li.hidden).map((li) => li.dataset.code));
        assert.deepEqual(shown, unlinked);
        // How many are shown, in a status line a screen reader reads.
        assert.equal(await page.getByTestId('rows-shown').innerText(), unlinked.length === 0 ? '' : `Показано показателей: ${unlinked.length} из ${await rows.count()}.`);
        // The choice stays as the coordinator goes on to the next school
        // and back: the list shows what the select says.
        await page.getByRole('button', { name: 'Следующая школа →' }).click();
        await page.waitForFunction((name) => !document.querySelector('#school-select option:checked')?.textContent.startsWith(name), names[0]);
        assert.equal(await page.locator('#row-filter').inputValue(), 'without-evidence');
        await page.getByRole('button', { name: '← Предыдущая школа' }).click();
        await page.waitForFunction((n) => document.querySelectorAll('li.review-row:not([hidden])').length === n
            && document.querySelectorAll('li.review-row').length === 23, unlinked.length);
        assert.deepEqual(await rows.evaluateAll((all) => all.filter((li) => !li.hidden).map((li) => li.dataset.code)), unlinked);
        assert.equal(await page.locator('#row-filter').inputValue(), 'without-evidence');
        await page.locator('#row-filter').selectOption('all');
        await page.waitForFunction(() => document.querySelectorAll('li.review-row[hidden]').length === 0);
        // Finishing names the points claimed without links and not decided;
        // declined, the check stays open.
        page.once('dialog', (dialog) => dialog.dismiss());
        await page.getByLabel('Проверка завершена').click();
        assert.equal(await page.getByLabel('Проверка завершена').isChecked(), false);
        const question = nextQuestion(page);
        await page.getByLabel('Проверка завершена').check();
        assert.equal(await question, `Перед завершением проверки:\n— показатели с баллом без ссылки на подтверждение, по которым нет решения: ${unlinked.join(', ')}.\nВсё равно отметить проверку завершённой?`);
        await page.getByTestId('review-progress').filter({ hasText: 'Проверено 1 из 12.' }).waitFor();
        // Its option, drawn anew with the new status, is still the one chosen.
        await page.locator('#school-select option', { hasText: `${names[0]} — проверена` }).waitFor({ state: 'attached' });
        assert.equal(await chosen(), `${names[0]} — проверена`);
        await page.screenshot({ path: join(ARTIFACTS, 'department-review-bulk.png') });

        // Evidence: a row with several links opens them all and marks them seen.
        const many = generated.manifest.files.map((f) => f.submission).filter(Boolean).flatMap((s) =>
            Object.entries(s.answers).map(([code, a]) => ({ school: s.school, code, links: (a.evidence ?? '').split('\n').filter(Boolean) })),
        ).find((x) => x.links.length >= 2);
        assert.ok(many, 'the generator writes answers with several links');
        const exact = new RegExp(`^${many.school.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `);
        await page.locator('#school-select').selectOption(await page.locator('#school-select option', { hasText: exact }).getAttribute('value'));
        const row = page.getByTestId('review').locator(`li.review-row[data-code="${many.code}"]`);
        // One tab per link: waits for as many new pages as there are links.
        const tabs = new Promise((resolve) => {
            const opened = [];
            context.on('page', (p) => {
                opened.push(p);
                if (opened.length === many.links.length) resolve(opened);
            });
        });
        await row.getByRole('button', { name: `Открыть все ссылки (${many.links.length})` }).click();
        await tabs;
        await row.locator('li.seen').nth(many.links.length - 1).waitFor();
        assert.deepEqual(await row.locator('li.seen a').allInnerTexts(), many.links);
        // Keyboard: «2» in the row's decision gives no point.
        await page.locator(`#decision-${many.code.replace('.', '-')}-none`).focus();
        await page.keyboard.press('2');
        assert.ok(await page.locator(`#decision-${many.code.replace('.', '-')}-no_point`).isChecked());
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a roster from an Excel register (XLSX) with a title, numbered columns and a total: the header found, then every school matched', async () => {
    const schools = generated.manifest.files.map((f) => f.submission).filter(Boolean);
    const files = generated.manifest.files.filter((f) => f.submission).map((f) => join(generated.dir, f.name));
    const book = join(generated.dir, 'школы.xlsx');
    // As registers are kept: a title and an empty row over the header, the
    // columns' numbers under it, the total at the foot.
    const title = 'Реестр образовательных организаций на 01.09.2026';
    // One ИНН mistyped in the list: its school's file is asked about.
    const typo = schools[3];
    const listedId = typo.identifier.slice(0, -1) + String((Number(typo.identifier.slice(-1)) + 1) % 10);
    const inBook = (s) => (s === typo ? listedId : s.identifier);
    await writeFile(book, xlsx([[title], [], ['ИНН', 'Полное наименование'], ['1', '2'], ...schools.map((s) => [inBook(s), s.school]), ['', 'Итого: 12']]));
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, files);
        const preview = await previewRoster(page, book);
        assert.equal(await page.locator('#roster-header option:checked').innerText(), 'ИНН · Полное наименование');
        assert.equal(await page.locator('#roster-col-name').inputValue(), '1');
        assert.equal(await page.locator('#roster-col-id').inputValue(), '0');
        assert.deepEqual(await preview.getByTestId('roster-preview').locator('li').allInnerTexts(), schools.slice(0, 5).map((s) => s.school));
        assert.equal(await preview.getByTestId('roster-skipped').innerText(), 'Не считаются школами (нумерация столбцов, итоги): «2», «Итого: 12».');
        // The numbering taken for the header reads no school (its first
        // column holds the ИНН), and the list cannot be replaced by nothing;
        // the header chosen back, it can.
        assert.deepEqual(await page.locator('#roster-header option').allInnerTexts(), [title, 'ИНН · Полное наименование', '1 · 2', ...schools.slice(0, 7).map((s) => [inBook(s), s.school].filter(Boolean).join(" · "))]);
        await page.locator('#roster-header').selectOption({ label: '1 · 2' });
        await preview.getByText('Под этим заголовком нет ни одной школы: выберите другую строку заголовка или столбец наименования.').waitFor();
        assert.ok(await preview.getByRole('button', { name: 'Заменить список этими школами' }).isDisabled());
        await page.locator('#roster-header').selectOption({ label: 'ИНН · Полное наименование' });
        await preview.getByText('Будет загружено школ: 12. Первые:').waitFor();
        assert.equal(await page.locator('#roster-col-name').inputValue(), '1', 'the columns named afresh from the header chosen');
        await preview.getByRole('button', { name: 'Заменить список этими школами' }).click();
        await page.getByTestId('roster-counts').filter({ hasText: `${PERIOD} учебный год: сдали 11 из 12, не сдали 1, из них просрочено 1.` }).waitFor();
        // The question says where the file and the list disagree, and
        // offers the listed school of the same name, chosen already.
        const unplaced = page.getByTestId('roster-unplaced');
        assert.equal(await unplaced.locator('.unplaced-why').innerText(), `В списке «${typo.school}» с ИНН ${listedId}, а в файле ИНН ${typo.identifier}: проверьте, где ошибка.`);
        const asked = unplaced.getByLabel(`${quoted(typo.school)} — это`);
        assert.equal(await asked.inputValue(), typo.school);
        await unplaced.screenshot({ path: join(ARTIFACTS, 'department-roster-identifier.png') });
        await unplaced.getByRole('button', { name: 'Запомнить' }).click();
        await page.getByTestId('roster-counts').filter({ hasText: `${PERIOD} учебный год: сдали 12 из 12.` }).waitFor();
        // A school typed by hand, then the book loaded again: the preview
        // says it would go; «Отмена» keeps it.
        await page.locator('#roster-new').fill('МКОУ ООШ № 21 д. Мостовая');
        await page.getByRole('button', { name: 'Добавить', exact: true }).click();
        await page.getByTestId('roster').locator('tbody tr').nth(12).waitFor();
        await page.locator('#roster-file').setInputFiles(book);
        await preview.getByText('Будет загружено школ: 12. Первые:').waitFor();
        assert.equal(await preview.getByTestId('roster-dropped').innerText(), 'В загружаемом списке нет школы «МКОУ ООШ № 21 д. Мостовая»: она будет удалена из списка.');
        await preview.getByRole('button', { name: 'Отмена' }).click();
        assert.equal(await page.getByTestId('roster').locator('tbody tr').count(), 13);
        // So too the list made from the accepted files; «Отмена» again.
        const fromFiles = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
        await page.getByRole('button', { name: 'Составить по принятым файлам' }).click();
        assert.equal(await fromFiles, 'В списке из принятых файлов нет школы «МКОУ ООШ № 21 д. Мостовая»: она будет удалена из списка.\n\nЗаменить список школ школами из принятых файлов за 2025/2026 учебный год?');
        assert.equal(await page.getByTestId('roster').locator('tbody tr').count(), 13);
        // Not a workbook: a clear message, and the list stays as it was.
        const junk = join(generated.dir, 'не-книга.xlsx');
        await writeFile(junk, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]));
        await page.locator('#roster-file').setInputFiles(junk);
        await page.getByTestId('notices').getByText('Файл «не-книга.xlsx» не загружен. Это не книга Excel (XLSX) и не CSV.').waitFor();
        assert.equal(await page.getByTestId('roster').locator('tbody tr').count(), 13);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a list spelled in full, none of it matching: ten files asked about at a time, each with the school of its number chosen', async () => {
    const schools = generated.manifest.files.map((f) => f.submission).filter(Boolean);
    const files = generated.manifest.files.filter((f) => f.submission).map((f) => join(generated.dir, f.name));
    // Names as a charter spells them, without the ИНН: the rules place none
    // of the 12 files, but each name carries its school's number.
    const number = (name) => name.match(/\d+/)[0];
    const full = (name) => `Муниципальное общеобразовательное учреждение № ${number(name)}`;
    const csvPath = join(generated.dir, 'полные-наименования.csv');
    await writeFile(csvPath, ['Наименование ОО'].concat(schools.map((s) => full(s.school))).join('\n') + '\n');
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, files);
        const preview = await previewRoster(page, csvPath);
        await preview.getByRole('button', { name: 'Заменить список этими школами' }).click();
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 0 из 12' }).waitFor();
        // The counts say why they may be wrong.
        assert.equal(await page.getByTestId('roster-unplaced-note').innerText(),
            'Файлы, ещё не сопоставленные со списком (выше): 12. Пока их школы не указаны, приславшие их школы могут числиться «не сдана» и попасть в письмо-напоминание.');
        const unplaced = page.getByTestId('roster-unplaced');
        const asked = unplaced.locator('li');
        assert.equal(await asked.count(), 10);
        // Each asks with the 12 schools still without a file, and «new school».
        assert.equal(await asked.first().locator('option').count(), 13);
        assert.equal(await unplaced.getByTestId('roster-unplaced-more').innerText(), 'Ещё 2 файла появятся здесь, когда вы укажете школы для файлов выше.');
        const askedNames = [];
        for (const item of await asked.all()) {
            const file = (await item.locator('label').innerText()).match(/^«(.*)» — это/)[1];
            assert.equal(await item.locator('select').inputValue(), full(file), file);
            askedNames.push(file);
        }
        // Asked in the order of the names, not of the archive.
        assert.deepEqual(askedNames, [...askedNames].sort(byName));
        // The chosen school is what «Запомнить» places.
        const first = (await asked.first().locator('label').innerText()).match(/^«(.*)» — это/)[1];
        await asked.first().getByRole('button', { name: `Запомнить: ${quoted(first)}` }).click();
        // The focus goes to the line now in its place.
        await page.waitForFunction(() => document.activeElement?.id === 'unplaced-0');
        await unplaced.getByTestId('roster-unplaced-more').filter({ hasText: 'Ещё 1 файл появится здесь, когда вы укажете школы для файлов выше.' }).waitFor();
        assert.equal(await asked.count(), 10);
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 1 из 12' }).waitFor();
        // The one row with a file placed by hand, the name its file gives under its own.
        const placed = page.getByTestId('roster').locator('tbody tr:has(th .filed-as)');
        const raw = first.replaceAll('„', '«').replaceAll('“', '»');
        assert.equal(await placed.locator('th').innerText(), `${full(first)}\nв файле: ${raw}`);
        assert.equal(await placed.locator('td').first().innerText(), 'получена');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('the list made from two years leaves a renamed school to be placed; a new school is not expected before its year, a closed one after; made again, the list keeps the placing', async () => {
    const subs = renamedRun.manifest.files.map((f) => f.submission).filter(Boolean);
    const [was, now] = ['2024/2025', '2025/2026'].map((p) => subs.filter((s) => s.period === p));
    const lastYear = new Map(was.map((s) => [s.fingerprint, s]));
    const renamed = now.filter((s) => s.school !== lastYear.get(s.fingerprint).school).sort((a, b) => byName(a.school, b.school));
    assert.equal(renamed.length, 2);
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, renamedRun.files);
        await page.getByRole('tab', { name: 'Школы' }).click();
        await page.getByRole('button', { name: 'Составить по принятым файлам' }).click();
        // One row per school of last year: the renamed are asked about,
        // not listed twice («не сдана» under the old name).
        const counts = page.getByTestId('roster-counts');
        await counts.filter({ hasText: '2025/2026 учебный год: сдали 10 из 12, не сдали 2' }).waitFor();
        assert.equal(await page.getByTestId('roster').locator('tbody tr').count(), 12);
        assert.equal(await page.getByRole('button', { name: /^Школа закрыта:/ }).count(), 0, 'not beside the schools chosen for the renamed files');
        const unplaced = page.getByTestId('roster-unplaced');
        for (const s of renamed) {
            assert.equal(await unplaced.getByLabel(`${quoted(s.school)} — это`).inputValue(), lastYear.get(s.fingerprint).school);
        }
        // The first is that school; the second, say, a new school, and the
        // old one closed.
        await unplaced.getByRole('button', { name: `Запомнить: ${quoted(renamed[0].school)}` }).click();
        await unplaced.getByLabel(`${quoted(renamed[1].school)} — это`).selectOption('');
        await unplaced.getByRole('button', { name: `Запомнить: ${quoted(renamed[1].school)}` }).click();
        await counts.filter({ hasText: '2025/2026 учебный год: сдали 12 из 13, не сдали 1' }).waitFor();
        // The placed school under the list's name, with the name its file gives.
        const roster = page.getByTestId('roster');
        const placed = roster.locator('tbody th:has(.filed-as)');
        assert.equal(await placed.count(), 1, 'the school placed as new is named as its file names it');
        assert.equal(await placed.innerText(), `${lastYear.get(renamed[0].fingerprint).school}\nв файле: ${renamed[0].school}`);
        const closed = lastYear.get(renamed[1].fingerprint).school;
        const question = nextQuestion(page);
        await page.getByRole('button', { name: `Школа закрыта: ${closed}` }).click();
        // The focus goes to where the school is named now.
        await page.waitForFunction(() => document.activeElement?.id === 'roster-not-expected-title');
        assert.equal(await question, `Школа ${quoted(closed)} закрыта? Карта за 2025/2026 учебный год и следующие от неё не ожидается; в прошлых годах школа остаётся в списке.`);
        await counts.filter({ hasText: '2025/2026 учебный год: сдали 12 из 12.' }).waitFor();
        const notExpected = page.getByTestId('roster-not-expected');
        assert.equal(await notExpected.locator('li').innerText(), `${closed} — закрыта после 2024/2025 учебного года Ожидать карту`);
        assert.equal(await page.getByTestId('nobody-to-remind').count(), 1);
        // Last year: the closed school sent its card; the new one was not there.
        await page.locator('#period').selectOption('2024/2025');
        await counts.filter({ hasText: '2024/2025 учебный год: сдали 12 из 12.' }).waitFor();
        assert.equal(await notExpected.locator('li').innerText(), `${renamed[1].school} — в списке с 2025/2026 учебного года Ожидать карту`);
        // Taken back, the closed school is expected again.
        await page.locator('#period').selectOption('2025/2026');
        await notExpected.getByRole('button', { name: `Ожидать карту с этого года: ${closed}` }).click();
        await counts.filter({ hasText: '2025/2026 учебный год: сдали 12 из 13, не сдали 1' }).waitFor();
        assert.equal(await notExpected.count(), 0);
        // Made again from the files, the list keeps the placing: the
        // renamed school under this year's name, last year's file its own.
        const again = nextQuestion(page);
        await page.getByRole('button', { name: 'Составить по принятым файлам' }).click();
        assert.equal(await again, 'Заменить список школ школами из принятых файлов за 2024/2025 и 2025/2026 учебные годы?');
        await roster.getByText(renamed[0].school, { exact: true }).waitFor();
        assert.equal(await roster.getByText(lastYear.get(renamed[0].fingerprint).school, { exact: true }).count(), 0);
        await counts.filter({ hasText: '2025/2026 учебный год: сдали 12 из 13, не сдали 1' }).waitFor();
        assert.equal(await unplaced.count(), 0);
        await page.locator('#period').selectOption('2024/2025');
        await counts.filter({ hasText: '2024/2025 учебный год: сдали 12 из 12.' }).waitFor();
        assert.equal(await unplaced.count(), 0);
        // The new school, expected from last year after all, is offered as
        // new since its first file's year, and said so again.
        await notExpected.getByRole('button', { name: `Ожидать карту с этого года: ${renamed[1].school}` }).click();
        await counts.filter({ hasText: '2024/2025 учебный год: сдали 12 из 13, не сдали 1' }).waitFor();
        const isNew = nextQuestion(page);
        await roster.getByRole('button', { name: `Новая школа, в списке с 2025/2026 учебного года: ${renamed[1].school}` }).click();
        assert.equal(await isNew, `Школа ${quoted(renamed[1].school)} новая, в списке с 2025/2026 учебного года? Карты за годы до 2025/2026 от неё не ожидаются.`);
        await counts.filter({ hasText: '2024/2025 учебный год: сдали 12 из 12.' }).waitFor();
        assert.equal(await roster.getByRole('button', { name: /^Новая школа/ }).count(), 0, 'the others sent last year');
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});

test('a school renamed without an ИНН is two schools in «Динамика» until the coordinator places its file once on «Школы», then one', async () => {
    const subs = renamedRun.manifest.files.map((f) => f.submission).filter(Boolean);
    const [was, now] = ['2024/2025', '2025/2026'].map((p) => subs.filter((s) => s.period === p));
    // The generator keeps a school's key: the same key is the same school.
    const lastYear = new Map(was.map((s) => [s.fingerprint, s]));
    const renamed = now.filter((s) => s.school !== lastYear.get(s.fingerprint).school);
    assert.deepEqual(renamed.map((s) => s.identifier), ['', ''], 'the renamed are the schools without an ИНН');
    // Each school's change as the row shows it: the two shares rounded to tenths first.
    const tenths = ({ total, max }) => Math.floor((total * 2000 + max) / (max * 2));
    const change = (s) => {
        const d = tenths(score(s)) - tenths(score(lastYear.get(s.fingerprint)));
        const sign = d > 0 ? '+' : d < 0 ? '−' : '';
        return `${sign}${Math.floor(Math.abs(d) / 10)},${Math.abs(d) % 10}\u00a0п.\u00a0п.`;
    };
    const expected = (schools) => Object.fromEntries(schools.map((s) => [s.school, change(s)]));
    // The coordinator's list, as last year named the schools.
    const csvPath = join(renamedRun.dir, 'школы-прошлого-года.csv');
    await writeFile(csvPath, ['Наименование ОО', ...was.map((s) => `"${s.school.replaceAll('"', '""')}"`)].join('\n') + '\n');
    const { context, page, errors } = await openDepartment(app);
    try {
        await importFiles(page, renamedRun.files);
        const shownChanges = async () => {
            await page.getByRole('tab', { name: 'Динамика' }).click();
            await page.getByTestId('school-changes').waitFor();
            await page.waitForFunction(() => !document.querySelector('[data-pending]'));
            const shown = {};
            for (const row of await page.getByTestId('school-changes').locator('tbody tr').all()) {
                shown[await row.locator('th').innerText()] = await row.locator('[data-col="delta"]').innerText();
            }
            return shown;
        };
        assert.deepEqual(await shownChanges(), expected(now.filter((s) => !renamed.includes(s))), 'by their names, the renamed are not the same schools');
        // The page names them, and says where to place them.
        const named = (schools) => schools.map((s) => s.school).sort(byName).map((n) => n.replaceAll('№ ', '№\u00a0')).join(', ');
        const oldNames = renamed.map((s) => lastYear.get(s.fingerprint));
        assert.ok((await page.getByTestId('dynamics-summary').innerText()).includes(
            `Карту представили не в оба года: только в этом — 2 (${named(renamed)}), только в прошлом — 2 (${named(oldNames)}); в сравнение лет эти школы не вошли.`));
        const unpaired = page.getByTestId('dynamics-unpaired');
        assert.equal(await unpaired.innerText(), 'Если среди школ, представивших карту только в одном из двух лет, есть переименованные школы без ИНН, укажите их на вкладке «Школы» («… — это …» над списком): тогда сравнение лет их учтёт.');
        assert.equal(await page.getByTestId('indicator-changes-basis').innerText(), 'Доли — по всем школам каждого года, в том числе представившим карту только в одном из них; в справке снижение выполнения сравнивается по школам обоих лет.');

        const preview = await previewRoster(page, csvPath);
        await preview.getByRole('button', { name: 'Заменить список этими школами' }).click();
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 10 из 12' }).waitFor();
        const unplaced = page.getByTestId('roster-unplaced');
        for (const s of renamed) {
            // The school of its number is chosen already.
            assert.equal(await unplaced.getByLabel(`${quoted(s.school)} — это`).inputValue(), lastYear.get(s.fingerprint).school);
            await unplaced.getByRole('button', { name: `Запомнить: ${quoted(s.school)}` }).click();
        }
        await page.getByTestId('roster-counts').filter({ hasText: 'сдали 12 из 12' }).waitFor();
        assert.deepEqual(await shownChanges(), expected(now), 'placed once, each renamed school is one school across the years');
        assert.equal(await unpaired.count(), 0);
        assert.ok(!(await page.getByTestId('dynamics-summary').innerText()).includes('не в оба года'));
        assert.equal(await page.getByTestId('indicator-changes-basis').count(), 0);
        assert.deepEqual(errors.map(String), []);
    } finally {
        await context.close();
    }
});
