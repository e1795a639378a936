// An independent scorer for the tests, written from the card's rules (seed
// 003) in plain JavaScript: the app's numbers are checked against this, not
// against the app's own Rust code.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CARD = JSON.parse(readFileSync(join(root, 'src', 'core', 'card', 'cards', 'expert-card-23.json'), 'utf8'));

export const INDICATORS = CARD.directions.flatMap((d) => d.criteria.flatMap((c) => c.indicators));

/// { total, max, level, earned: Set, applicable: Set, shares: {code: [n, d]} }
export function score({ levels, ovz, answers }) {
    let total = 0;
    let max = 0;
    const earned = new Set();
    const applicable = new Set();
    const shares = {};
    for (const ind of INDICATORS) {
        const a = answers[ind.code] ?? {};
        const applies = ind.applies ?? {};
        let ok = (!applies.levels || applies.levels.some((l) => levels.includes(l))) && (!applies.ovz || ovz);
        let points = 0;
        if (ok && ind.rule.kind === 'share') {
            const n = a.numerator === undefined ? NaN : Number(a.numerator);
            const d = a.denominator === undefined ? NaN : Number(a.denominator);
            if (d === 0 && ind.rule.zero_denominator === 'not_applicable') ok = false;
            else if (Number.isInteger(n) && Number.isInteger(d)) {
                shares[ind.code] = [n, d];
                if (d > 0 && n * 100 >= ind.rule.threshold_percent * d) points = ind.points;
            }
        } else if (ok && ind.rule.kind === 'fact') {
            if (a.fact === true) points = ind.points;
        } else if (ok && ind.rule.kind === 'count') {
            if (Number(a.count) >= ind.rule.min) points = ind.points;
        }
        if (ok) {
            applicable.add(ind.code);
            max += ind.points;
            total += points;
            if (points > 0) earned.add(ind.code);
        }
    }
    const level = total * 100 >= 80 * max ? 'high' : total * 100 >= 60 * max ? 'medium' : 'low';
    return { total, max, level, earned, applicable, shares };
}

/// Competition ranking by share of the maximum, ties by name: [{ name, rank, total, max }].
export function rating(schools) {
    const sorted = [...schools].sort((a, b) => b.total * a.max - a.total * b.max || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return sorted.map((s, i) => {
        let rank = i + 1;
        for (let j = i; j > 0 && sorted[j - 1].total * s.max === s.total * sorted[j - 1].max; j--) rank = j;
        return { ...s, rank };
    });
}
