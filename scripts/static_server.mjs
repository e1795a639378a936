// A static server for the built site, used by scripts/serve.sh and the e2e
// tests. `base` is the folder the site is served under ("/" or a sub-folder,
// as on a municipal website); a folder's address serves its index.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
};

export async function startStaticServer({ root, base = '/', port = 0 }) {
    // Compressed as a municipal web server (nginx, Apache) sends them when
    // gzip is on, which the README asks for. Each version of a file is
    // compressed once (a rebuild while serving changes its time).
    const gzipped = new Map();
    const server = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://x');
        if (!url.pathname.startsWith(base)) {
            res.writeHead(404).end();
            return;
        }
        let rel = normalize(decodeURIComponent(url.pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
        if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel === '.' ? '' : rel, 'index.html');
        try {
            const type = TYPES[extname(rel)];
            const headers = { 'content-type': type ?? 'application/octet-stream' };
            let body = await readFile(join(root, rel));
            if (type && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
                const key = `${join(root, rel)}@${(await stat(join(root, rel))).mtimeMs}`;
                if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
                body = gzipped.get(key);
                headers['content-encoding'] = 'gzip';
                headers.vary = 'accept-encoding';
            }
            res.writeHead(200, headers);
            res.end(body);
        } catch {
            res.writeHead(404).end();
        }
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
