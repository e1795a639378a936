// Reads a DOCX the app downloads, apart from the app's writer: the zip
// through its central directory, document.xml's paragraphs and tables by
// pattern, and the pictures as bytes. For the e2e tests of the Word files.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS } from './harness.mjs';

/// The entries of a zip, through its central directory (the app stores them
/// uncompressed).
function unzip(bytes) {
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(end >= 0, 'end of central directory');
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    const entries = {};
    for (let i = 0; i < count; i++) {
        assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'central header');
        assert.equal(bytes.readUInt16LE(at + 10), 0, 'stored');
        const size = bytes.readUInt32LE(at + 20);
        const nameLength = bytes.readUInt16LE(at + 28);
        const extra = bytes.readUInt16LE(at + 30);
        const comment = bytes.readUInt16LE(at + 32);
        const local = bytes.readUInt32LE(at + 42);
        const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
        assert.equal(bytes.readUInt32LE(local), 0x04034b50, 'local header');
        const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
        entries[name] = bytes.subarray(start, start + size);
        at += 46 + nameLength + extra + comment;
    }
    return entries;
}

export const unescape = (s) =>
    s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/// A paragraph's or cell's text: runs joined, line breaks as \n, a page break as \f.
const textOf = (xml) =>
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br w:type="page"\/>|<w:br\/>/g)]
        .map((m) => (m[1] !== undefined ? unescape(m[1]) : m[0].includes('page') ? '\f' : '\n'))
        .join('');

/// The body's paragraphs (outside tables) and tables (rows of cell texts).
function readDocument(xml) {
    const body = xml.match(/<w:body>([\s\S]*)<\/w:body>/)[1];
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
        [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]))),
    );
    const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
    // A paragraph that starts a new page (w:pageBreakBefore) comes after a
    // page break of its own, as Word's break paragraph would; one that ends
    // a section (its w:sectPr) before one.
    const paragraphs = [...outside.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].flatMap((p) => {
        if (/<w:sectPr>/.test(p[1] ?? '')) return [textOf(p[1]), '\f'];
        return /<w:pageBreakBefore\/>/.test(p[1] ?? '') ? ['\f', textOf(p[1])] : [textOf(p[1] ?? '')];
    });
    return { paragraphs, tables };
}

/// Clicks `trigger`, checks the download is named `name`, keeps it for a
/// look in Word or Excel or an independent reader, and gives a reader of
/// its zip's parts as text.
export async function downloadZip(page, trigger, name) {
    const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
    assert.equal(download.suggestedFilename(), name);
    await download.saveAs(join(ARTIFACTS, name));
    const entries = unzip(await readFile(await download.path()));
    return { entries, text: (part) => entries[part].toString('utf8') };
}

/// Clicks `trigger`, checks the file is a DOCX named `name`, and reads it.
export async function downloadDocx(page, trigger, name) {
    const { entries, text } = await downloadZip(page, trigger, name);
    assert.match(text('[Content_Types].xml'), /wordprocessingml\.document\.main\+xml/);
    assert.match(text('_rels/.rels'), /Target="word\/document\.xml"/);
    assert.ok(text('word/styles.xml').includes('w:styleId="Heading1"'));
    const pictures = Object.keys(entries)
        .filter((n) => n.startsWith('word/media/'))
        .map((n) => entries[n]);
    // What each picture says to a screen reader, in the document's order.
    const descriptions = [...text('word/document.xml').matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => unescape(m[1]));
    return { ...readDocument(text('word/document.xml')), pictures, descriptions };
}

