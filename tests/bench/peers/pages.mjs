// The benchmark's two comparison pages, made from the same card as the
// school's page (seed 003's 23 indicators, 7 directions): the peer, a
// SurveyJS form with a live total, and the floor, a hand-written page with
// a small inline script. Both keep the school page's test ids (`total`,
// `ind-1-1`, …), so that browser.mjs measures all three the same way.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD, INDICATORS } from '../../e2e/scoring.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const name = (code) => `q${code.replaceAll('.', '_')}`;
const testId = (code) => `ind-${code.replaceAll('.', '-')}`;
const max = INDICATORS.reduce((sum, i) => sum + i.points, 0);
const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

/// The SurveyJS form: a panel per direction, a pair of whole numbers for a
/// share, yes/no for a fact; points and the total as calculated values,
/// updated as the user types.
function surveyJson() {
    const question = (i) =>
        i.rule.kind === 'share'
            ? {
                  type: 'multipletext',
                  name: name(i.code),
                  title: `${i.code}. ${i.text}`,
                  items: [
                      { name: 'num', title: i.rule.numerator, inputType: 'number' },
                      { name: 'den', title: i.rule.denominator, inputType: 'number' },
                  ],
              }
            : { type: 'boolean', name: name(i.code), title: `${i.code}. ${i.text}`, labelTrue: 'Да', labelFalse: 'Нет' };
    const points = (i) => {
        const q = name(i.code);
        const met =
            i.rule.kind === 'share'
                ? `{${q}.den} > 0 and {${q}.num} * 100 >= ${i.rule.threshold_percent} * {${q}.den}`
                : `{${q}} = true`;
        return { name: `p${q}`, expression: `iif(${met}, ${i.points}, 0)` };
    };
    return {
        title: CARD.title,
        textUpdateMode: 'onTyping',
        showQuestionNumbers: 'off',
        pages: [
            {
                name: 'card',
                elements: [
                    ...CARD.directions.map((d, k) => ({
                        type: 'panel',
                        name: `d${k + 1}`,
                        title: d.title,
                        elements: d.criteria.flatMap((c) => c.indicators).map(question),
                    })),
                    { type: 'expression', name: 'total', title: 'Итого баллов', expression: `{points} + ' из ${max}'` },
                ],
            },
        ],
        calculatedValues: [
            ...INDICATORS.map(points),
            { name: 'points', expression: INDICATORS.map((i) => `{p${name(i.code)}}`).join(' + ') },
        ],
    };
}

function writeSurveyJs(dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(modules, 'survey-core', 'survey.core.min.js'), join(dir, 'survey.core.min.js'));
    copyFileSync(join(modules, 'survey-js-ui', 'survey-js-ui.min.js'), join(dir, 'survey-js-ui.min.js'));
    // The fontless theme: the standard one loads a web font from a CDN.
    copyFileSync(join(modules, 'survey-core', 'survey-core.fontless.min.css'), join(dir, 'survey-core.fontless.min.css'));
    const form = `const model = new Survey.Model(${JSON.stringify(surveyJson())});
model.onAfterRenderQuestion.add((_, o) => {
    const id = o.question.name === 'total' ? 'total' : 'ind-' + o.question.name.slice(1).replaceAll('_', '-');
    o.htmlElement.setAttribute('data-testid', id);
});
SurveyUI.renderSurvey(model, document.getElementById('survey'));
`;
    writeFileSync(join(dir, 'form.js'), form);
    writePage(
        dir,
        'SurveyJS — экспертная карта',
        `<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js"></script>
<script src="survey-js-ui.min.js"></script>`,
        `<div id="survey"></div>
<script src="form.js"></script>`,
    );
}

/// A page's index.html; no favicon request, which the school page does
/// not make either.
function writePage(dir, title, head, body) {
    writeFileSync(
        join(dir, 'index.html'),
        `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
${body}
</body>
</html>
`,
    );
}

/// The floor: the rows as plain HTML and one listener that re-adds the
/// points of the row typed in.
function writeVanilla(dir) {
    mkdirSync(dir, { recursive: true });
    const row = (i) => {
        const inputs =
            i.rule.kind === 'share'
                ? `<label>${escape(i.rule.numerator)} <input inputmode="numeric" name="num"></label>
<label>${escape(i.rule.denominator)} <input inputmode="numeric" name="den"></label>`
                : `<label><input type="radio" name="${name(i.code)}" value="yes"> Да</label>
<label><input type="radio" name="${name(i.code)}" value="no"> Нет</label>`;
        const threshold = i.rule.kind === 'share' ? ` data-threshold="${i.rule.threshold_percent}"` : '';
        return `<div class="row" data-testid="${testId(i.code)}" data-points="${i.points}"${threshold}>
<p>${i.code}. ${escape(i.text)}</p>
${inputs}
<output>0</output>
</div>`;
    };
    const directions = CARD.directions
        .map((d) => `<section><h2>${escape(d.title)}</h2>\n${d.criteria.flatMap((c) => c.indicators).map(row).join('\n')}\n</section>`)
        .join('\n');
    const script = `const total = document.querySelector('[data-testid="total"]');
document.addEventListener('input', (e) => {
    const row = e.target.closest('.row');
    if (!row) return;
    let met;
    if (row.dataset.threshold) {
        const [n, d] = [...row.querySelectorAll('input')].map((x) => Number(x.value));
        met = d > 0 && n * 100 >= Number(row.dataset.threshold) * d;
    } else {
        met = row.querySelector('input[value="yes"]').checked;
    }
    row.querySelector('output').textContent = met ? row.dataset.points : '0';
    let sum = 0;
    for (const o of document.querySelectorAll('.row output')) sum += Number(o.textContent);
    total.textContent = sum + ' из ${max}';
});`;
    writePage(
        dir,
        'Экспертная карта — страница без библиотек',
        '<style>body{font:16px/1.4 sans-serif;max-width:60rem;margin:auto;padding:1rem}.row{border-bottom:1px solid #ccc;padding:.5rem 0}input{width:5rem}</style>',
        `<h1>${escape(CARD.title)}</h1>
${directions}
<p>Итого: <strong data-testid="total">0 из ${max}</strong></p>
<script>${script}</script>`,
    );
}

/// Writes both pages into `dir`: `surveyjs/` and `vanilla/`.
export function writePeers(dir) {
    writeSurveyJs(join(dir, 'surveyjs'));
    writeVanilla(join(dir, 'vanilla'));
}
