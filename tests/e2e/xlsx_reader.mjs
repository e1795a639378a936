// Reads an XLSX the app downloads, apart from the app's writer: the
// workbook's sheet names and each sheet's cells, numbers as numbers, by
// pattern. For the e2e tests of the spreadsheets.
import assert from 'node:assert/strict';
import { downloadZip, unescape } from './docx_reader.mjs';

/// «B12» → 1: the column's index.
const column = (ref) => [...ref.match(/^[A-Z]+/)[0]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/// A sheet's rows: a number cell as a Number, a text cell as its text, a
/// missing cell as ''.
function readSheet(xml) {
    return [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
        const cells = [];
        for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*)>([\s\S]*?)<\/c>/g)) {
            const [, ref, attributes, inner] = c;
            const at = column(ref);
            while (cells.length < at) cells.push('');
            cells.push(/t="inlineStr"/.test(attributes)
                ? unescape(inner.match(/<t[^>]*>([^<]*)<\/t>/)[1])
                : Number(inner.match(/<v>([^<]*)<\/v>/)[1]));
        }
        return cells;
    });
}

/// Clicks `trigger`, checks the file is an XLSX named `name`, and reads
/// its sheets by name.
export async function downloadXlsx(page, trigger, name) {
    const { text } = await downloadZip(page, trigger, name);
    assert.match(text('[Content_Types].xml'), /spreadsheetml\.sheet\.main\+xml/);
    const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]));
    return Object.fromEntries(names.map((n, i) => [n, readSheet(text(`xl/worksheets/sheet${i + 1}.xml`))]));
}
