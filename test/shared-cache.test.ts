// The PDF renderer's process-wide caches keep for good only what repeats across documents, so a
// batch's memory stays flat however many firms (each with texts of its own) it renders.
import { describe, expect, it } from 'vitest';
import { SharedCache } from '../src/reports/pdf/shared-cache.js';

describe('SharedCache', () => {
  it('works a key out once per document, and once per process when another document asks for it', () => {
    const cache = new SharedCache<string>(100);
    let made = 0;
    const make = (k: string) => () => (made++, `value of ${k}`);
    const [a, b, c] = [{}, {}, {}];
    expect(cache.get(a, 'method', make('method'))).toBe('value of method');
    expect(cache.get(a, 'method', make('method'))).toBe('value of method');
    expect(made).toBe(1);
    expect(cache.get(b, 'method', make('method'))).toBe('value of method');
    expect(made).toBe(1);
    expect(cache.sizes.kept).toBe(1);
    expect(cache.get(c, 'method', make('method'))).toBe('value of method');
    expect(made).toBe(1);
  });

  it('keeps a text met by one document only while the next seven documents render', () => {
    const cache = new SharedCache<number>(100);
    let made = 0;
    for (let firm = 0; firm < 1000; firm++) {
      const doc = {};
      cache.get(doc, 'heading', () => (made++, 1));
      for (let i = 0; i < 20; i++) cache.get(doc, `firm ${firm} note ${i}`, () => (made++, i));
    }
    // The heading was worked out once; the firms' own texts were never kept for good.
    expect(made).toBe(1 + 1000 * 20);
    expect(cache.sizes.kept).toBe(1);
    expect(cache.sizes.recent).toBeLessThanOrEqual(8 * 21);
    // A text that comes back a few documents later (another language in between) is still found…
    cache.get({}, 'aid text', () => 7);
    for (let i = 0; i < 6; i++) cache.get({}, `other ${i}`, () => 0);
    expect(cache.get({}, 'aid text', () => -1)).toBe(7);
    // …but not after eight others.
    cache.get({}, 'rare text', () => 1);
    for (let i = 0; i < 8; i++) cache.get({}, `more ${i}`, () => 0);
    expect(cache.get({}, 'rare text', () => 2)).toBe(2);
  });

  it('empties what it keeps for good when full', () => {
    const cache = new SharedCache<number>(3);
    for (let k = 0; k < 5; k++) {
      cache.get({}, `k${k}`, () => k);
      cache.get({}, `k${k}`, () => -1);
    }
    expect(cache.sizes.kept).toBeLessThanOrEqual(3);
  });
});
