// Reads an XLSX the app downloads, apart from the app's writer: the
// workbook's sheet names and each sheet's cells, numbers as numbers, by
// pattern. For the e2e tests of the spreadsheets.
import assert from 'node:assert/strict';
import { downloadZip, unescape } from './docx_reader.mjs';

/// «B12» → 1: the column's index.
const column = (ref) => [...ref.match(/^[A-Z]+/)[0]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/// Each cell style's number format, by the style's index: the format's
/// code («0.0%», «dd.mm.yyyy»), '' for Excel's general one.
function numberFormats(styles) {
    const codes = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], unescape(m[2])]));
    const cellXfs = styles.match(/<cellXfs [^>]*>([\s\S]*?)<\/cellXfs>/)[1];
    return [...cellXfs.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => codes.get(m[1]) ?? '');
}

/// A sheet's rows: a number cell as a Number, a text cell as its text, a
/// missing cell as ''; and beside them each cell's number format.
function readSheet(xml, formats) {
    const rows = [];
    const shown = [];
    for (const row of xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
        const cells = [];
        const cellFormats = [];
        for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*)>([\s\S]*?)<\/c>/g)) {
            const [, ref, attributes, inner] = c;
            const at = column(ref);
            while (cells.length < at) { cells.push(''); cellFormats.push(''); }
            cells.push(/t="inlineStr"/.test(attributes)
                ? unescape(inner.match(/<t[^>]*>([^<]*)<\/t>/)[1])
                : Number(inner.match(/<v>([^<]*)<\/v>/)[1]));
            const style = attributes.match(/ s="(\d+)"/)?.[1];
            cellFormats.push(style === undefined ? '' : formats[Number(style)]);
        }
        rows.push(cells);
        shown.push(cellFormats);
    }
    return { rows, shown };
}

/// Clicks `trigger`, checks the file is an XLSX named `name`, and reads
/// its sheets by name: `book[sheet]` its rows, `book.formats[sheet]` each
/// cell's number format (not among the book's keys).
export async function downloadXlsx(page, trigger, name) {
    const { text } = await downloadZip(page, trigger, name);
    assert.match(text('[Content_Types].xml'), /spreadsheetml\.sheet\.main\+xml/);
    const formats = numberFormats(text('xl/styles.xml'));
    const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]));
    const sheets = names.map((n, i) => [n, readSheet(text(`xl/worksheets/sheet${i + 1}.xml`), formats)]);
    const book = Object.fromEntries(sheets.map(([n, s]) => [n, s.rows]));
    Object.defineProperty(book, 'formats', { value: Object.fromEntries(sheets.map(([n, s]) => [n, s.shown])) });
    return book;
}
