// The independent scorer checked on its own, against answers worked out by
// hand from the Leninsk-Kuznetsky card's rules: every department figure of
// the end-to-end tests is compared with it, so it must not share a slip
// with the app unseen (it once gave the point to a «minimum and growth»
// row with last year blank, which the card leaves out of the maximum).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCard, score } from './scoring.mjs';

const LK = loadCard('leninsk-kuznetsky');
const school = (answers) => ({ levels: ['ooo', 'soo'], ovz: false, answers });
const share = (numerator, denominator, prev = []) => ({
    numerator,
    denominator,
    prev_numerator: prev[0],
    prev_denominator: prev[1],
});

test('a minimum and growth (1.3: at least 50 % and above last year)', () => {
    // 60 of 100 ≥ 50, and 60 % > 40 %: the point.
    const both = score(school({ '1.3': share('60', '100', ['40', '100']) }), LK);
    assert.equal(both.points['1.3'], 1);
    // 40 of 100 grew from 30 of 100 but is under 50: none, still counted.
    const under = score(school({ '1.3': share('40', '100', ['30', '100']) }), LK);
    assert.equal(under.points['1.3'], 0);
    assert.ok(under.applicable.has('1.3'));
    // 60 of 100 with last year blank, or «0 из 0»: nothing to grow from,
    // out of the maximum, one point lower.
    for (const prev of [[], ['0', '0']]) {
        const blank = score(school({ '1.3': share('60', '100', prev) }), LK);
        assert.ok(!blank.applicable.has('1.3'), String(prev));
        assert.equal(blank.max, both.max - 1, String(prev));
        assert.equal(blank.total, 0, String(prev));
    }
});

test('growth alone (1.1): the same share is no growth, unless both years are whole', () => {
    assert.equal(score(school({ '1.1': share('51', '100', ['50', '100']) }), LK).points['1.1'], 1);
    assert.equal(score(school({ '1.1': share('50', '100', ['5', '10']) }), LK).points['1.1'], 0);
    assert.equal(score(school({ '1.1': share('80', '80', ['75', '75']) }), LK).points['1.1'], 1);
    assert.ok(!score(school({ '1.1': share('50', '100') }), LK).applicable.has('1.1'));
});

test('a row for pupils with ОВЗ leaves the maximum of a school without them', () => {
    const without = score(school({}), LK);
    const with_ovz = score({ ...school({}), ovz: true }, LK);
    assert.ok(!without.applicable.has('5.2'));
    assert.ok(with_ovz.applicable.has('5.2'));
    // 5.2 with its group empty («0 из 0») is out of the maximum too.
    const empty = score({ ...school({ '5.2': share('0', '0', ['1', '2']) }), ovz: true }, LK);
    assert.ok(!empty.applicable.has('5.2'));
});
