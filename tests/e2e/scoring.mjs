// An independent scorer for the tests, written from the cards' rules in
// plain JavaScript: the app's numbers are checked against this, not against
// the app's own Rust code. It reads the card files the app ships.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CARDS_DIR = join(root, 'src', 'core', 'card', 'cards');
const CARDS = new Map(
    readdirSync(CARDS_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(CARDS_DIR, f), 'utf8')))
        .map((card) => [card.id, card]),
);

/// A built-in card's JSON by its id.
export function loadCard(id) {
    const card = CARDS.get(id);
    if (!card) throw new Error(`no built-in card ${id}`);
    return card;
}

export const CARD = loadCard('proforientatsiya-23');

export const indicatorsOf = (card) => card.directions.flatMap((d) => d.criteria.flatMap((c) => c.indicators));

export const INDICATORS = indicatorsOf(CARD);

/// A whole number as a Russian reader sees it: thousands grouped with a
/// narrow no-break space (1 234).
export const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

/// A whole number as a school types it ("12", " 12 "); NaN otherwise.
const int = (text) => (text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

function applies(ind, { levels, ovz, flags = {} }) {
    const a = ind.applies ?? {};
    return (
        (!a.levels || a.levels.some((l) => levels.includes(l))) &&
        (!a.ovz || ovz) &&
        (a.flags ?? []).every((f) => flags[f] !== false) // unanswered counts as yes
    );
}

/// Points of a share-like rule, or null when it leaves the maximum.
function sharePoints(ind, n, d, prev) {
    const r = ind.rule;
    if (d === 0) return r.zero_denominator === 'not_applicable' ? null : 0;
    let grew;
    if (r.dynamics) {
        const [n0, d0] = prev;
        if (Number.isInteger(n0) && Number.isInteger(d0) && d0 > 0) grew = n * d0 > n0 * d || (n === d && n0 === d0);
    }
    const min = r.threshold_percent === undefined ? undefined : n * 100 >= r.threshold_percent * d;
    // Nothing to grow from: out of the maximum, with a minimum too (the
    // minimum alone would give the point the true figures might not).
    if (r.dynamics && grew === undefined) return null;
    const met = min === undefined ? grew === true : min && (grew ?? true);
    return met ? ind.points : 0;
}

/// { total, max, level, earned: Set, applicable: Set, shares: {code: [n, d]} }
/// for a school's answers under `card` (seed 003's by default). Only
/// well-formed answers are fed to this scorer; it does not validate.
export function score({ levels, ovz, flags, answers }, card = CARD) {
    let total = 0;
    let max = 0;
    const earned = new Set();
    const applicable = new Set();
    const shares = {};
    // Each applicable indicator's points, for the criteria's sums.
    const points = {};
    for (const ind of indicatorsOf(card)) {
        const a = answers[ind.code] ?? {};
        const r = ind.rule;
        let got = 0;
        let ok = applies(ind, { levels, ovz, flags });
        if (ok && (r.kind === 'share' || r.kind === 'breakdown')) {
            const n = r.kind === 'share' ? int(a.numerator) : (a.parts ?? []).reduce((s, p) => s + int(p), 0);
            const d = int(a.denominator);
            if (Number.isInteger(n) && Number.isInteger(d)) {
                shares[ind.code] = [n, d];
                const p = sharePoints(ind, n, d, [int(a.prev_numerator), int(a.prev_denominator)]);
                if (p === null) ok = false;
                else got = p;
            }
        } else if (ok && r.kind === 'fact') {
            if (a.fact === true) got = ind.points;
        } else if (ok && r.kind === 'count') {
            if (r.min !== undefined && int(a.count) >= r.min) got = ind.points;
        } else if (ok && r.kind === 'percent') {
            const tenths = Math.round(Number((a.percent ?? '').replace(',', '.')) * 10);
            if (r.min_tenths !== undefined && tenths >= r.min_tenths) got = ind.points;
        }
        if (ok) {
            applicable.add(ind.code);
            max += ind.points;
            total += got;
            points[ind.code] = got;
            if (got > 0) earned.add(ind.code);
        }
    }
    const bands = card.levels;
    const level = !bands
        ? null
        : total * 100 >= bands.high_from_percent * max
          ? 'high'
          : total * 100 >= bands.medium_from_percent * max
            ? 'medium'
            : 'low';
    return { total, max, level, earned, applicable, shares, points };
}

/// Names as a person reads a list: «СОШ № 2» before «СОШ № 10», capitals and
/// quotes no matter; names equal that way in their plain order.
/// A school's name as the report and letters print it: «№» kept with its
/// number by a no-break space, so that a line never ends on «№».
export function tied(name) {
    return name.trim().replaceAll('№ ', '№\u00a0');
}

export function byName(a, b) {
    const parts = (s) => s.replace(/[«»"„“”]/g, '').match(/\d+|\D+/g) ?? [];
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const [p, q] = [x[i], y[i]];
        let order;
        if (/^\d/.test(p) && /^\d/.test(q)) {
            const [m, n] = [p.replace(/^0+/, ''), q.replace(/^0+/, '')];
            order = m.length - n.length || (m < n ? -1 : m > n ? 1 : 0);
        } else {
            const [m, n] = [p.toLowerCase(), q.toLowerCase()];
            order = m < n ? -1 : m > n ? 1 : 0;
        }
        if (order) return order;
    }
    return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/// Competition ranking by share of the maximum, ties by name: [{ name, rank, total, max }].
export function rating(schools) {
    const sorted = [...schools].sort((a, b) => b.total * a.max - a.total * b.max || byName(a.name, b.name));
    return sorted.map((s, i) => {
        let rank = i + 1;
        for (let j = i; j > 0 && sorted[j - 1].total * s.max === s.total * sorted[j - 1].max; j--) rank = j;
        return { ...s, rank };
    });
}

/// A list indicator's rows over schools, per event: the same event typed
/// differently (case, spaces, quotes, «ё») is one. [{ key, schools, sums }]
export function eventTotals(answerLists) {
    const key = (name) => name.toLowerCase().replaceAll('ё', 'е').replace(/["'«»„“”‘’`]/g, ' ').split(/\s+/).filter(Boolean).join(' ');
    const totals = new Map();
    for (const rows of answerLists) {
        const seen = new Set();
        for (const row of rows) {
            const k = key(row.name);
            const t = totals.get(k) ?? { key: k, schools: 0, sums: row.values.map(() => 0) };
            if (!seen.has(k)) t.schools += 1;
            seen.add(k);
            row.values.forEach((v, i) => (t.sums[i] += int(v)));
            totals.set(k, t);
        }
    }
    return [...totals.values()];
}
