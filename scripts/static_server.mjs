// A static server for the built site, used by scripts/serve.sh, the e2e
// tests and the benchmarks. `base` is the folder the site is served under
// ("/" or a sub-folder, as on a municipal website); a folder's address
// serves its index.html. `shape` turns the server into a school's one slow
// line (see `shapedLink`).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
};

/// Sends a response at once: localhost.
function send(res, status, headers, body) {
    res.writeHead(status, headers);
    res.end(body);
}

/// One link shared by every response, as a rural school's single line:
/// each response starts `latencyMs` after its request, and all bodies go
/// out through one pipe of `bitsPerSecond`, a small chunk at a time, so
/// that parallel downloads share it the way they share a real line. The
/// browser's own throttling (CDP) slows each page's requests but not a
/// service worker's, which is why the shaping is done here.
function shapedLink({ bitsPerSecond, latencyMs }) {
    const CHUNK = 4096;
    // When the line has sent everything handed to it so far.
    let freeAt = 0;
    return async (res, status, headers, body = Buffer.alloc(0)) => {
        await sleep(latencyMs);
        res.writeHead(status, headers);
        // A page closed mid-download stops taking the line.
        for (let at = 0; at < body.length && !res.destroyed; at += CHUNK) {
            const chunk = body.subarray(at, at + CHUNK);
            freeAt = Math.max(performance.now(), freeAt) + (chunk.length * 8000) / bitsPerSecond;
            await sleep(freeAt - performance.now());
            res.write(chunk);
        }
        res.end();
    };
}

export async function startStaticServer({ root, base = '/', port = 0, shape }) {
    const reply = shape ? shapedLink(shape) : send;
    // Compressed as a municipal web server (nginx, Apache) sends them when
    // gzip is on, which the README asks for. Each version of a file is
    // compressed once (a rebuild while serving changes its tag).
    const gzipped = new Map();
    const server = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://x');
        if (!url.pathname.startsWith(base)) {
            await reply(res, 404, {});
            return;
        }
        let rel = normalize(decodeURIComponent(url.pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
        if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel === '.' ? '' : rel, 'index.html');
        let body;
        const type = TYPES[extname(rel)];
        const headers = { 'content-type': type ?? 'application/octet-stream' };
        try {
            body = await readFile(join(root, rel));
            // As nginx and Apache send them by default: the file's date and
            // a tag, no Cache-Control, so the browser keeps a copy and judges
            // its freshness by its age. A folder unzipped from the
            // department's archive is dated 1980 by it; the change time
            // (set by any write) tells its versions apart.
            const { mtime, ctimeMs, size } = await stat(join(root, rel));
            const tag = `"${ctimeMs.toString(16)}-${size.toString(16)}"`;
            headers['last-modified'] = mtime.toUTCString();
            headers.etag = tag;
            if (req.headers['if-none-match'] === tag) {
                await reply(res, 304, { etag: tag });
                return;
            }
            if (type && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
                const key = `${join(root, rel)}@${tag}`;
                if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
                body = gzipped.get(key);
                headers['content-encoding'] = 'gzip';
                headers.vary = 'accept-encoding';
            }
        } catch {
            await reply(res, 404, {});
            return;
        }
        await reply(res, 200, headers, body);
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}${base}`,
        close: () => new Promise((r) => server.close(r)),
    };
}

// `node scripts/static_server.mjs DIR PORT` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
    const [root, port] = process.argv.slice(2);
    const { url } = await startStaticServer({ root, port: Number(port) });
    console.log(`Профкарта: ${url} (школа), ${url}otdel/ (отдел образования)`);
}
