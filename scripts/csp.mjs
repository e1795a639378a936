// Trunk post-build hook: adds a strict Content-Security-Policy to the built
// index.html. Trunk's loader is an inline module script whose text changes
// with every build (it names the hashed bundle), and the stylesheet is
// inlined so that the skeleton paints one round trip earlier; both are
// allowed by their own SHA-256 rather than by 'unsafe-inline'.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const html = readFileSync(file, 'utf8');
const scripts = [...html.matchAll(/<script(?: [^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) throw new Error(`no inline script in ${file}`);
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const hashes = scripts.map(hash);
const styles = [...html.matchAll(/<style(?: [^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('policy already present');
writeFileSync(file, html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    ${meta}`));
