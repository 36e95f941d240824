import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatWhen } from '../../worker/src/mail/format';
import { breakableAfterOneLetterWord, slashForms } from '../support/slovak-text';

/**
 * Every Slovak string of the widget (the targets in locales/sk.xlf) follows the typography of
 * issue 8: no slash forms ("zaregistrovaný/-á", "Obec / mesto"), and a no-break space after the
 * one-letter prepositions and conjunctions, so that none ends a line.
 */
const xliff = readFileSync(new URL('../../locales/sk.xlf', import.meta.url), 'utf8');
const targets = [...xliff.matchAll(/<target>([\s\S]*?)<\/target>/g)].map(([, t]) =>
  t!.replace(/<x [^>]*\/>/g, '«x»'),
);

test('there are Slovak targets to check', () => {
  assert.ok(targets.length > 70, String(targets.length));
});

test('no Slovak target has a slash form', () => {
  for (const t of targets) assert.deepEqual(slashForms(t), [], t);
});

test('no Slovak target has a breakable space after v, k, s, z, o, a, i, u', () => {
  for (const t of targets) assert.deepEqual(breakableAfterOneLetterWord(t), [], t);
});

test('the checks catch what they are for', () => {
  assert.equal(slashForms('Už ste zaregistrovaný/-á').length, 1);
  assert.equal(slashForms('Obec / mesto').length, 1);
  assert.equal(breakableAfterOneLetterWord('pripojenie k workshopu').length, 1);
  assert.equal(breakableAfterOneLetterWord('V prílohe').length, 1);
  assert.deepEqual(breakableAfterOneLetterWord('k\u00a0workshopu, meno@a.sk'), []);
});

test('a date and a time range hold together in Slovak (the API words them for the widget)', () => {
  const when = formatWhen(
    Date.parse('2026-12-02T09:00:00Z'),
    Date.parse('2026-12-02T11:00:00Z'),
    'sk',
  );
  assert.equal(when, 'streda 2.\u00a0decembra\u00a02026, 10:00\u00a0–\u00a012:00');
});
