// Several reviewers with no server (issue 15): two methodists on their own
// laptops (browser contexts with their own storage) and the lead. The lead
// registers both by their key files, splits 12 schools evenly and gives the
// first school to both for a second opinion; each reviewer checks their
// schools and sends a signed review file; the lead merges them, refuses an
// altered one, resolves the one conflict, and the rating and the report
// follow. Expected totals come from the independent scorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { downloadText, ARTIFACTS, useApp, useGenerated, openDepartment, importFiles } from './harness.mjs';
import { byName, score, tied, INDICATORS } from './scoring.mjs';

const PERIOD = '2025/2026';
const IVANOVA = 'Иванова А. А.';
const PETROV = 'Петров Б. Б.';

const app = useApp();
const generated = useGenerated(['--schools', '12', '--periods', PERIOD]);
// Five schools, one of which sent a correction of its first file.
const corrected = useGenerated(['--schools', '5', '--periods', PERIOD, '--extras']);
const LAST = '2024/2025';
const twoYears = useGenerated(['--schools', '4', '--periods', `${LAST},${PERIOD}`]);

const pointsOf = (code) => INDICATORS.find((i) => i.code === code).points;
const radio = (code, decision) => `#decision-${code.replace('.', '-')}-${decision}`;

/// A department page with the 12 schools' files, on the «Проверяющие» tab.
async function workspace(files) {
    const opened = await openDepartment(app);
    await importFiles(opened.page, files);
    await opened.page.getByRole('tab', { name: 'Проверяющие' }).click();
    return opened;
}

/// Saves a downloaded file beside the generated ones and returns its path.
async function keep(page, trigger) {
    const { name, text } = await downloadText(page, trigger);
    const path = join(generated.dir, name);
    await writeFile(path, text);
    return { path, name, text };
}

/// A reviewer's decision on one indicator of one school of their assignment.
async function decide(page, school, code, decision, comment) {
    await page.getByTestId('assignment').getByRole('button', { name: `Проверить: ${school}`, exact: true }).click();
    await page.getByTestId('review').getByRole('heading', { level: 3, name: school }).waitFor();
    // The review goes on down the assignment, and back to it.
    await page.getByTestId('review-walk').filter({ hasText: /^Школы идут в порядке задания проверяющего \(\d+\)\.$/ }).waitFor();
    await page.locator(radio(code, decision)).check();
    if (comment) {
        await page.locator(`#decision-${code.replace('.', '-')}-comment`).fill(comment);
        await page.keyboard.press('Tab');
    }
    await page.getByRole('button', { name: 'К заданию' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'reviewers-title');
}

/// The total of a school in the rating, «N из M».
async function total(page, school) {
    await page.getByRole('tab', { name: 'Результаты' }).click();
    const row = page.getByTestId('rating').locator('tbody tr').filter({ has: page.getByRole('button', { name: school, exact: true }) });
    return row.locator('[data-col="total"]').innerText();
}

test('two reviewers split 12 schools, the lead merges their signed files, resolves a conflict, and the rating follows', async () => {
    const submissions = generated.manifest.files.map((f) => f.submission).filter(Boolean);
    const files = generated.manifest.files.filter((f) => f.submission).map((f) => join(generated.dir, f.name));
    assert.equal(files.length, 12);
    const bySchool = new Map(submissions.map((s) => [s.school, s]));
    // The assignment table lists schools by name; evenly: 6 and 6.
    const names = [...bySchool.keys()].sort(byName);
    const [shared, ownOfIvanova, ownOfPetrov] = [names[0], names[1], names[6]];
    const earned = (school) => [...score(bySchool.get(school)).earned];
    const [disputed, confirmed, refused] = [earned(shared)[0], earned(ownOfIvanova)[0], earned(ownOfPetrov)[0]];
    assert.ok(disputed && confirmed && refused, 'each chosen school claims a point');

    const lead = await workspace(files);
    const ivanova = await workspace(files);
    const petrov = await workspace(files);
    try {
        // 1. Each reviewer sends the lead their key file.
        const keys = [];
        // Without a name the field says so, and takes the focus back.
        const keyButton = ivanova.page.getByRole('button', { name: 'Скачать файл ключа проверяющего' });
        await keyButton.click();
        await ivanova.page.locator('#reviewer-name-error').filter({ hasText: 'Введите фамилию и инициалы проверяющего.' }).waitFor();
        await ivanova.page.waitForFunction(() => document.activeElement?.id === 'reviewer-name');
        assert.equal(await ivanova.page.locator('#reviewer-name').getAttribute('aria-invalid'), 'true');
        for (const [side, name] of [[ivanova, IVANOVA], [petrov, PETROV]]) {
            await side.page.locator('#reviewer-name').fill(name);
            const key = await keep(side.page, () => side.page.getByRole('button', { name: 'Скачать файл ключа проверяющего' }).click());
            assert.match(key.name, /^ключ_проверяющего_.+\.json$/);
            // A download gives no sign of its own: what to do with it is said.
            await side.page.getByTestId('notices').getByText(`Файл «${key.name}» скачан: отправьте его ведущему координатору. `
                + 'Если ведущий — вы сами, добавьте его ниже кнопкой «Добавить проверяющего (файл ключа)».', { exact: true }).waitFor();
            keys.push(key.path);
        }

        // 2. The lead adds both, splits the schools, gives the first to both.
        // Ivanova's file is the larger and is read last: the list still
        // follows the order picked.
        await writeFile(keys[0], `${await readFile(keys[0], 'utf8')}${' '.repeat(8 << 20)}`);
        await lead.page.locator('#add-reviewer').setInputFiles(keys);
        const reviewers = lead.page.getByTestId('reviewers').locator('tbody tr');
        await reviewers.nth(1).waitFor();
        await lead.page.getByRole('button', { name: 'Распределить поровну' }).click();
        await lead.page.getByLabel(`${shared}: ${PETROV}`).check();
        // The counts follow the box once the page has drawn the change.
        await reviewers.nth(1).locator('td:nth-child(3)').filter({ hasText: /^7$/ }).waitFor();
        assert.deepEqual(await reviewers.locator('td:nth-child(3)').allInnerTexts(), ['6', '7']);
        const table = lead.page.getByTestId('assignments');
        for (const [i, school] of names.entries()) {
            assert.equal(await table.getByLabel(`${school}: ${IVANOVA}`).isChecked(), i < 6, school);
            assert.equal(await table.getByLabel(`${school}: ${PETROV}`).isChecked(), i >= 6 || i === 0, school);
        }
        await lead.page.screenshot({ path: join(ARTIFACTS, 'department-reviewers-lead.png'), fullPage: true });
        // The campaign's list says who reviews each school.
        await lead.page.getByRole('tab', { name: 'Школы' }).click();
        await lead.page.getByRole('button', { name: 'Составить по принятым файлам' }).click();
        const listed = lead.page.getByTestId('roster').locator('tbody tr');
        await listed.nth(11).waitFor();
        const reviewerOf = async (school) => (await listed.filter({ has: lead.page.getByRole('rowheader', { name: school, exact: true }) }).locator('td').nth(3).innerText());
        assert.equal(await reviewerOf(shared), `${IVANOVA}, ${PETROV}`);
        assert.equal(await reviewerOf(ownOfPetrov), PETROV);
        await lead.page.getByTestId('roster').screenshot({ path: join(ARTIFACTS, 'department-roster-reviewers.png') });
        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        const sending = () => reviewers.locator('td:nth-child(4)').allInnerTexts();
        assert.deepEqual(await sending(), ['не скачано', 'не скачано']);
        const tasks = [];
        for (const name of [IVANOVA, PETROV]) {
            tasks.push(await keep(lead.page, () => lead.page.getByRole('button', { name: `Скачать задание: ${name}` }).click()));
        }
        const when = /^скачано (\d\d\.\d\d\.\d{4} \d\d:\d\d)$/;
        const [sentAt] = (await sending()).map((t) => t.match(when)?.[1]);
        assert.ok(sentAt, `the day and time of the download: ${await sending()}`);
        // A school taken from her after the download: her file is to be sent
        // again; given back, it is the file she has.
        const lent = lead.page.getByTestId('assignments').getByLabel(`${names[5]}: ${IVANOVA}`);
        await lent.uncheck();
        await lead.page.getByTestId('assignment-changed')
            .filter({ hasText: `школы изменены после скачивания ${sentAt}: скачайте задание и отправьте снова` }).waitFor();
        await lent.check();
        await lead.page.getByTestId('assignment-changed').waitFor({ state: 'detached' });
        assert.match((await sending())[0], when);

        // 3. Each reviewer loads the assignment, checks, and sends the review file.
        await ivanova.page.locator('#load-assignment').setInputFiles(tasks[0].path);
        await ivanova.page.getByTestId('assignment').getByText(`Задание: ${IVANOVA};`).waitFor();
        assert.equal(await ivanova.page.getByTestId('assignment').locator('tbody tr').count(), 6);
        await ivanova.page.getByTestId('notices').getByText(`Задание «${tasks[0].name}» от ${sentAt} загружено: школ — 6.`).waitFor();
        // The same assignment downloaded again later replaces it; the older
        // file, loaded after it, is asked about.
        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        // Both are called the same: the first one waits in a folder of its own.
        const older = join(generated.dir, 'прежнее', tasks[0].name);
        await mkdir(dirname(older), { recursive: true });
        await writeFile(older, tasks[0].text);
        const newer = await keep(lead.page, () => lead.page.getByRole('button', { name: `Скачать задание: ${IVANOVA}` }).click());
        await ivanova.page.locator('#load-assignment').setInputFiles(newer.path);
        await ivanova.page.getByTestId('notices').getByText(new RegExp(`^Задание «${newer.name}» от [0-9.: ]+ загружено: школ — 6; прежнее задание от ${sentAt} \\(школ — 6\\) заменено\\.`)).waitFor();
        const asked = ivanova.page.waitForEvent('dialog');
        await ivanova.page.locator('#load-assignment').setInputFiles(older);
        const question = await asked;
        await question.dismiss();
        assert.match(question.message(), new RegExp(`^Задание «${tasks[0].name}» от ${sentAt} старше загруженного задания(?: от [0-9.: ]+|, скачанного позже в ту же минуту) \\(школ — 6\\)\\. Заменить новое задание старым\\?$`));
        // Another reviewer's assignment is refused on this computer.
        await ivanova.page.locator('#load-assignment').setInputFiles(tasks[1].path);
        await ivanova.page.getByTestId('notices').getByText(new RegExp(`Это задание проверяющего «${PETROV}», выданное для ключа .+, а ключ подписи этого компьютера — .+\\. Если это чужое задание, загрузите своё`)).waitFor();
        await decide(ivanova.page, shared, disputed, 'no_point', 'Мероприятия нет на сайте школы');
        await decide(ivanova.page, ownOfIvanova, confirmed, 'confirm');
        // A decision on a school outside her assignment, from the rating: she
        // is told, before sending, that her file leaves it out.
        assert.equal(await ivanova.page.getByTestId('decided-outside').count(), 0);
        await ivanova.page.getByRole('tab', { name: 'Результаты' }).click();
        await ivanova.page.getByTestId('rating').getByRole('button', { name: ownOfPetrov, exact: true }).click();
        await ivanova.page.getByTestId('review').getByRole('heading', { level: 3, name: ownOfPetrov }).waitFor();
        await ivanova.page.locator(radio(refused, 'confirm')).check();
        await ivanova.page.getByRole('tab', { name: 'Проверяющие' }).click();
        assert.equal(await ivanova.page.getByTestId('decided-outside').innerText(), `Ваши решения по школе вне задания в файл проверки не войдут: «${ownOfPetrov}».`);
        await ivanova.page.getByTestId('assignment').screenshot({ path: join(ARTIFACTS, 'department-reviewers-reviewer.png') });
        const fromIvanova = await keep(ivanova.page, () => ivanova.page.getByRole('button', { name: 'Скачать файл проверки' }).click());
        // Each file sent has a name of its own: the reviewer, the year, when.
        assert.match(fromIvanova.name, /^проверка_.+_2025-2026_\d\d\.\d\d\.\d{4}_\d\d-\d\d\.json$/);
        await ivanova.page.getByTestId('notices').getByText(`Файл «${fromIvanova.name}» скачан: отправьте его ведущему координатору.`).waitFor();

        await petrov.page.locator('#load-assignment').setInputFiles(tasks[1].path);
        await petrov.page.getByTestId('assignment').getByText(`Задание: ${PETROV};`).waitFor();
        assert.equal(await petrov.page.getByTestId('assignment').locator('tbody tr').count(), 7);
        await decide(petrov.page, shared, disputed, 'confirm', 'Приказ открывается по ссылке');
        await decide(petrov.page, ownOfPetrov, refused, 'no_point');
        const fromPetrov = await keep(petrov.page, () => petrov.page.getByRole('button', { name: 'Скачать файл проверки' }).click());

        // 4. The lead merges. An altered file is refused with the reason.
        const altered = join(generated.dir, 'проверка_изменена.json');
        await writeFile(altered, fromPetrov.text.replace('"no_point"', '"confirm"'));
        const log = lead.page.getByTestId('merge-log');
        await lead.page.locator('#merge-reviews').setInputFiles(altered);
        await log.getByText('«проверка_изменена.json» — не принят.').waitFor();
        assert.match(await log.innerText(), /Подпись не совпадает с содержимым/);
        await lead.page.locator('#merge-reviews').setInputFiles(fromIvanova.path);
        await log.getByText(`${IVANOVA}: принято решений 2, совпало 0, конфликтов 0.`).waitFor();
        await lead.page.locator('#merge-reviews').setInputFiles(fromPetrov.path);
        await log.getByText(`${PETROV}: принято решений 1, совпало 0, конфликтов 1.`).waitFor();

        // While the conflict is open, the decision merged first counts.
        const s = (school) => score(bySchool.get(school));
        assert.equal(await total(lead.page, shared), `${s(shared).total - pointsOf(disputed)} из ${s(shared).max}`);
        assert.equal(await total(lead.page, ownOfPetrov), `${s(ownOfPetrov).total - pointsOf(refused)} из ${s(ownOfPetrov).max}`);
        assert.equal(await total(lead.page, ownOfIvanova), `${s(ownOfIvanova).total} из ${s(ownOfIvanova).max}`);
        // The school's check says so at the disputed row, not only on
        // «Проверяющие» (a walk-through's disputed point read as settled).
        await lead.page.getByTestId('rating').getByRole('button', { name: shared, exact: true }).click();
        const disputedRow = lead.page.getByTestId('review').locator(`li.review-row[data-code="${disputed}"]`);
        await disputedRow.getByTestId('disputed').filter({ hasText: `Другое решение ждёт выбора ведущего: ${PETROV} — «подтверждено». Пока оно не выбрано, действует это; разберите на вкладке «Проверяющие».` }).waitFor();
        assert.equal(await lead.page.getByTestId('review').getByTestId('disputed').count(), 1, 'only there');

        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        // The log outlives a look at the rating: the refusal's reason too.
        assert.equal(await log.locator('li').count(), 3);
        assert.match(await log.innerText(), /Подпись не совпадает с содержимым/);
        const conflict = lead.page.getByTestId('conflicts').locator('li.conflict');
        assert.equal(await conflict.count(), 1);
        const text = await conflict.innerText();
        assert.ok(text.includes(`${shared}, ${PERIOD} учебный год, показатель ${disputed}`), text);
        assert.ok(text.includes(`балл не засчитан — ${IVANOVA}: «Мероприятия нет на сайте школы»`), text);
        assert.ok(text.includes(`подтверждено — ${PETROV}: «Приказ открывается по ссылке»`), text);
        await conflict.screenshot({ path: join(ARTIFACTS, 'department-reviewers-conflict.png') });
        await conflict.getByRole('button', { name: `Принять решение: ${PETROV}` }).click();
        await lead.page.getByTestId('conflicts').waitFor({ state: 'detached' });
        // The last conflict went with its buttons: the focus to the tab's heading.
        await lead.page.waitForFunction(() => document.activeElement?.id === 'reviewers-title');

        // 5. The rating follows the lead's choice; the review names whose
        // decision it is; the report says who checked what.
        assert.equal(await total(lead.page, shared), `${s(shared).total} из ${s(shared).max}`);
        await lead.page.getByTestId('rating').getByRole('button', { name: ownOfPetrov, exact: true }).click();
        const row = lead.page.getByTestId('review').locator(`li.review-row[data-code="${refused}"]`);
        await row.getByText(`Решение из файла проверки: ${PETROV}`).waitFor();
        assert.ok(await lead.page.locator(radio(refused, 'no_point')).isChecked());
        await lead.page.getByRole('tab', { name: 'Аналитическая справка' }).click();
        await lead.page.getByTestId('report-reviewers').screenshot({ path: join(ARTIFACTS, 'department-report-reviewers.png') });
        const report = await lead.page.getByTestId('report-reviewers').innerText();
        const parts = report.replace(/^Проверку объективности провели: /, '').replace(/\.$/, '').split('; ');
        const said = Object.fromEntries(parts.map((p) => p.split(' — ')).map(([who, schools]) => [who, schools.split(', ')]));
        // Each reviewer's schools in name order, «№» held to its number.
        const named = (...schools) => schools.sort(byName).map(tied);
        assert.deepEqual(said, { [IVANOVA]: named(shared, ownOfIvanova), [PETROV]: named(shared, ownOfPetrov) });

        // The same files again change nothing and reopen nothing.
        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        await lead.page.locator('#merge-reviews').setInputFiles(fromIvanova.path);
        await log.getByText(`${IVANOVA}: принято решений 0, совпало 1, конфликтов 0; отклонённых вами ранее при разборе конфликтов: 1.`).waitFor();
        // Said to bring nothing new, not as news.
        assert.equal((await log.locator('li').first().locator('strong').innerText()).trim(), `«${fromIvanova.name}» — принят, нового нет.`);
        assert.equal(await lead.page.getByTestId('conflicts').count(), 0);
        assert.equal(await total(lead.page, shared), `${s(shared).total} из ${s(shared).max}`);

        // 6. Иванова starts again from the lead's backup, as the README
        // allows: the lead's own decision there is said to be the lead's,
        // and her file sends only her own decision accepted before.
        const second = earned(ownOfIvanova)[1];
        assert.ok(second, 'the school claims a second point');
        await lead.page.getByTestId('rating').getByRole('button', { name: ownOfIvanova, exact: true }).click();
        await lead.page.getByTestId('review').getByRole('heading', { level: 3, name: ownOfIvanova }).waitFor();
        await lead.page.locator(radio(second, 'no_point')).check();
        await lead.page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        const leadBackup = await keep(lead.page, () => lead.page.getByRole('button', { name: 'Скачать резервную копию' }).click());
        await ivanova.page.getByRole('tab', { name: 'Загрузка файлов' }).click();
        ivanova.page.once('dialog', (d) => d.accept());
        await ivanova.page.locator('#restore-workspace').setInputFiles(leadBackup.path);
        await ivanova.page.getByTestId('notices').getByText(`Рабочая область восстановлена из резервной копии «${leadBackup.name}»`).waitFor();
        await ivanova.page.getByRole('tab', { name: 'Проверяющие' }).click();
        await ivanova.page.locator('#load-assignment').setInputFiles(tasks[0].path);
        await ivanova.page.getByTestId('assignment').getByText(`Задание: ${IVANOVA};`).waitFor();
        assert.equal(await ivanova.page.getByTestId('decided-outside').count(), 0, "the lead's decisions are not hers");
        await ivanova.page.getByTestId('assignment').getByRole('button', { name: `Проверить: ${ownOfIvanova}`, exact: true }).click();
        await ivanova.page.getByTestId('review').locator(`li.review-row[data-code="${second}"]`).getByTestId('decided-by')
            .filter({ hasText: 'Решение из резервной копии ведущего: в ваш файл проверки оно не войдёт, пока вы не примете решение сами (согласны — выберите его ещё раз).' }).waitFor();
        await ivanova.page.getByRole('tab', { name: 'Проверяющие' }).click();
        const again = await keep(ivanova.page, () => ivanova.page.getByRole('button', { name: 'Скачать файл проверки' }).click());
        const sent = Object.values(JSON.parse(again.text).payload.reviews).flatMap((r) => Object.keys(r.indicators));
        assert.deepEqual(sent, [confirmed]);
        // Choosing the lead's decision again makes it hers: a click on the
        // option already chosen, as on the key 2.
        const leads = ivanova.page.getByTestId('review').locator(`li.review-row[data-code="${second}"]`);
        await ivanova.page.getByTestId('assignment').getByRole('button', { name: `Проверить: ${ownOfIvanova}`, exact: true }).click();
        await ivanova.page.locator(radio(second, 'no_point')).click();
        await leads.getByTestId('decided-by').waitFor({ state: 'detached' });
        await ivanova.page.getByRole('tab', { name: 'Проверяющие' }).click();
        const agreed = await keep(ivanova.page, () => ivanova.page.getByRole('button', { name: 'Скачать файл проверки' }).click());
        const sentNow = Object.values(JSON.parse(agreed.text).payload.reviews).flatMap((r) => Object.keys(r.indicators));
        assert.deepEqual(sentNow.sort(), [confirmed, second].sort());

        // 7. Иванова on a new computer sends a new key file: the lead
        // replaces her key after the question, and her schools stay hers.
        const laptop = await openDepartment(app);
        try {
            await laptop.page.getByRole('tab', { name: 'Проверяющие' }).click();
            await laptop.page.locator('#reviewer-name').fill(IVANOVA);
            const newKey = await keep(laptop.page, () => laptop.page.getByRole('button', { name: 'Скачать файл ключа проверяющего' }).click());
            await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
            const question = new Promise((resolve) => lead.page.once('dialog', (d) => { resolve(d.message()); d.accept(); }));
            await lead.page.locator('#add-reviewer').setInputFiles(newKey.path);
            assert.match(await question, new RegExp(`^Проверяющий «${IVANOVA}» уже добавлен с ключом [0-9A-F-]+\\. Заменить его ключ ключом [0-9A-F-]+ из файла «${newKey.name}»\\?`));
            await lead.page.getByTestId('notices').getByText(new RegExp(`^Ключ проверяющего «${IVANOVA}» заменён: `)).waitFor();
            assert.deepEqual(await reviewers.locator('td:nth-child(3)').allInnerTexts(), ['6', '7']);
            // A file from her old computer is refused as such.
            await lead.page.locator('#merge-reviews').setInputFiles(fromIvanova.path);
            await log.getByText(new RegExp(`Файл подписан прежним ключом проверяющего «${IVANOVA}» \\([0-9A-F-]+\\); его ключ заменён на [0-9A-F-]+\\. Попросите файл проверки, сделанный с новым ключом\\.`)).waitFor();
        } finally {
            await laptop.context.close();
        }

        for (const side of [lead, ivanova, petrov]) assert.deepEqual(side.errors.map(String), []);
    } finally {
        for (const side of [lead, ivanova, petrov]) await side.context.close();
    }
});

test('the file the lead counts for a school goes to the reviewer with the assignment', async () => {
    const { manifest, dir } = corrected;
    const latest = manifest.files.find((f) => f.name === 'extra-corrected.json');
    const first = manifest.files.find((f) => f.submission?.submission_id === latest.submission.replaces);
    const school = latest.submission.school;
    const day = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    const told = (f) => {
        const s = score(f.submission);
        return `«${f.name}» от ${day(f.submission.created_at)}: итог ${s.total} из ${s.max}, без плана мероприятий`;
    };
    const files = manifest.files.filter((f) => /^\d{5}_|^extra-corrected/.test(f.name)).map((f) => join(dir, f.name));
    const lead = await workspace(files);
    // Her page has the school's correction too.
    const ivanova = await workspace(files);
    try {
        await ivanova.page.locator('#reviewer-name').fill(IVANOVA);
        const key = await keep(ivanova.page, () => ivanova.page.getByRole('button', { name: 'Скачать файл ключа проверяющего' }).click());
        await lead.page.locator('#add-reviewer').setInputFiles(key.path);
        await lead.page.getByRole('button', { name: 'Распределить поровну' }).click();
        const reviewers = lead.page.getByTestId('reviewers').locator('tbody tr');
        await reviewers.locator('td:nth-child(3)').filter({ hasText: /^5$/ }).waitFor();

        // The lead counts the school's first file, not its correction.
        const openReview = async (file) => {
            await lead.page.getByRole('tab', { name: 'Проверка' }).click();
            await lead.page.locator('#school-select').selectOption(file.submission.submission_id);
        };
        await openReview(latest);
        await lead.page.getByTestId('slot-files').getByRole('button', { name: `Учитывать файл «${first.name}»` }).click();
        await lead.page.getByTestId('slot-chosen').waitFor();
        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        const task = await keep(lead.page, () => lead.page.getByRole('button', { name: `Скачать задание: ${IVANOVA}` }).click());
        const sentAt = (await reviewers.locator('td:nth-child(4)').innerText()).match(/^скачано (.+)$/)?.[1];
        assert.ok(sentAt, 'the download is noted');

        // Her page reviews the file the lead counts, not the latest, and
        // says whose choice it is.
        await ivanova.page.locator('#load-assignment').setInputFiles(task.path);
        await ivanova.page.getByTestId('assignment').getByRole('button', { name: `Проверить: ${school}`, exact: true }).click();
        const review = ivanova.page.getByTestId('review');
        await review.getByRole('heading', { level: 3, name: school }).waitFor();
        // Her progress is her assignment's: all five schools are hers.
        assert.equal(await ivanova.page.getByTestId('review-progress').innerText(), 'Проверено по заданию 0 из 5.');
        // After a reload she still goes down her assignment (a walk-through's
        // reviewer went on into another reviewer's schools).
        await ivanova.page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await ivanova.page.reload();
        await review.getByRole('heading', { level: 3, name: school }).waitFor();
        await ivanova.page.getByTestId('review-progress').filter({ hasText: /^Проверено по заданию 0 из 5\.$/ }).waitFor();
        await ivanova.page.getByTestId('review-walk').filter({ hasText: /^Школы идут в порядке задания проверяющего \(5\)\.$/ }).waitFor();
        await ivanova.page.getByTestId('slot-chosen').filter({
            hasText: `Учитывается этот файл: его выбрал ведущий координатор (так сказано в задании), а не более новый: ${told(latest)}.`,
        }).waitFor();
        assert.ok((await review.locator('p.meta').first().innerText()).endsWith(`файл «${first.name}»`));
        assert.equal(await ivanova.page.getByRole('button', { name: 'Учитывать более новый' }).count(), 0, 'the lead\'s to take back');
        await ivanova.page.getByTestId('slot-chosen').screenshot({ path: join(ARTIFACTS, 'department-reviewer-lead-choice.png') });

        // The lead takes the choice back: the assignment is to be sent again.
        await openReview(first);
        await lead.page.getByRole('button', { name: 'Учитывать более новый' }).click();
        await lead.page.getByTestId('slot-files').waitFor();
        await lead.page.getByRole('tab', { name: 'Проверяющие' }).click();
        await lead.page.getByTestId('assignment-changed').filter({
            hasText: `учитываемые файлы школ изменены после скачивания ${sentAt}: скачайте задание и отправьте снова`,
        }).waitFor();
        for (const side of [lead, ivanova]) assert.deepEqual(side.errors.map(String), []);
    } finally {
        for (const side of [lead, ivanova]) await side.context.close();
    }
});

test('each year is shared out on its own: this year\'s split leaves last year\'s, after a reload too', async () => {
    const { manifest, dir } = twoYears;
    const files = manifest.files.filter((f) => f.submission).map((f) => join(dir, f.name));
    assert.equal(files.length, 8);
    const lead = await workspace(files);
    try {
        const { page } = lead;
        await page.locator('#reviewer-name').fill(IVANOVA);
        const key = await keep(page, () => page.getByRole('button', { name: 'Скачать файл ключа проверяющего' }).click());
        await page.locator('#add-reviewer').setInputFiles(key.path);
        const count = page.getByTestId('reviewers').locator('tbody tr td:nth-child(3)');
        const table = page.getByTestId('assignments');
        const heading = page.getByRole('heading', { level: 4, name: /^Распределение школ: / });
        const ticked = async () => (await Promise.all((await table.getByRole('checkbox').all()).map((b) => b.isChecked()))).filter(Boolean).length;

        await page.locator('#period').selectOption(PERIOD);
        await heading.filter({ hasText: PERIOD }).waitFor();
        await page.getByRole('button', { name: 'Распределить поровну' }).click();
        await count.filter({ hasText: /^4$/ }).waitFor();
        // Last year is not shared out by it.
        await page.locator('#period').selectOption(LAST);
        await heading.filter({ hasText: LAST }).waitFor();
        await count.filter({ hasText: /^0$/ }).waitFor();
        assert.equal(await ticked(), 0);
        await table.getByRole('checkbox').first().check();
        await count.filter({ hasText: /^1$/ }).waitFor();
        // Each year's assignment is downloaded on its own.
        const sending = page.getByTestId('reviewers').locator('tbody tr td:nth-child(4)');
        const download = () => keep(page, () => page.getByRole('button', { name: `Скачать задание: ${IVANOVA}` }).click());
        await download();
        await sending.filter({ hasText: /^скачано / }).waitFor();
        // Nor does last year's change this year's.
        await page.locator('#period').selectOption(PERIOD);
        await count.filter({ hasText: /^4$/ }).waitFor();
        assert.equal(await ticked(), 4);
        await sending.filter({ hasText: /^не скачано$/ }).waitFor();
        await download();
        await sending.filter({ hasText: /^скачано / }).waitFor();

        await page.getByTestId('dept-save-status').filter({ hasText: 'сохранена' }).waitFor();
        await page.reload();
        await page.getByRole('tab', { name: 'Проверяющие' }).click();
        await page.locator('#period').selectOption(LAST);
        await heading.filter({ hasText: LAST }).waitFor();
        await count.filter({ hasText: /^1$/ }).waitFor();
        assert.equal(await ticked(), 1);
        // This year's download left last year's noted (it read «не скачано»).
        assert.match(await sending.innerText(), /^скачано \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
        assert.deepEqual(lead.errors.map(String), []);
    } finally {
        await lead.context.close();
    }
});
