import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparable, firstFamily, matches, readable, target } from './compare';

/** The parity test is only as good as its comparison: these pin down what "matches" means. */

describe('matches', () => {
  test('lengths within the tolerance, not beyond', () => {
    assert.ok(matches('font-size', '19px', '18px'));
    assert.ok(matches('box-height', '38px', '37.98px'));
    assert.ok(!matches('font-size', '19px', '17.5px'));
    assert.ok(!matches('box-height', '38px', '44px'));
    assert.ok(matches('box-height', '38px', '44px', 6));
  });

  test('four-sided values side by side', () => {
    assert.ok(matches('padding', '8px 10px 7px 10px', '8px 10px 8px 10px'));
    assert.ok(!matches('padding', '8px 10px 7px 10px', '10px 20px 10px 20px'));
    assert.ok(!matches('border-width', '2px 2px 2px 5px', '2px 2px 2px'));
  });

  test('colours, weights and keywords exactly', () => {
    assert.ok(matches('color', 'rgb(11, 12, 12)', 'rgb(11, 12, 12)'));
    assert.ok(!matches('color', 'rgb(11, 12, 12)', 'rgb(11, 12, 13)'));
    assert.ok(!matches('font-weight', '400', '401'));
    assert.ok(!matches('list-style-type', 'none', 'disc'));
    assert.ok(!matches('border-style', 'solid solid solid solid', 'none none none none'));
  });

  test('shadows: colour exactly, offsets within the tolerance', () => {
    const idsk = 'rgb(0, 45, 24) 0px 2px 0px 0px';
    assert.ok(matches('box-shadow', idsk, 'rgb(0, 45, 24) 0px 3px 0px 0px'));
    assert.ok(!matches('box-shadow', idsk, 'rgb(0, 0, 0) 0px 2px 0px 0px'));
    assert.ok(!matches('box-shadow', idsk, 'none'));
    assert.ok(
      !matches('box-shadow', 'rgb(0, 0, 0) 0px 0px 0px 2px inset', 'rgb(0, 0, 0) 0px 0px 0px 2px'),
    );
  });

  test('font family by its first name', () => {
    assert.equal(firstFamily('"Source Sans Pro", Arial, sans-serif'), 'source sans pro');
    assert.ok(
      matches('font-family', '"Source Sans Pro", arial, sans-serif', "'Source Sans Pro', Arial"),
    );
    assert.ok(!matches('font-family', '"Source Sans Pro", Arial, sans-serif', '"Times New Roman"'));
    assert.ok(
      !matches('font-family', '"Source Sans Pro", Arial, sans-serif', 'Arial, "Source Sans Pro"'),
    );
  });

  test('a missing element matches nothing', () => {
    assert.ok(!matches('font-size', '16px', null));
    assert.ok(!matches('font-size', null, '16px'));
  });
});

describe('comparable', () => {
  test('without an outline, its width, colour and offset do not count', () => {
    const none = {
      'outline-style': 'none',
      'outline-width': '3px',
      'outline-color': 'rgb(0, 0, 0)',
    };
    const other = {
      'outline-style': 'none',
      'outline-width': '0px',
      'outline-color': 'rgb(1, 2, 3)',
    };
    assert.deepEqual(comparable(none), comparable(other));
    const solid = { 'outline-style': 'solid', 'outline-width': '3px' };
    assert.deepEqual(comparable(solid), solid);
  });
});

describe('target (the corrections of parity-table.ts)', () => {
  const broken = { 'font-size': '36px', 'line-height': '24px', 'font-weight': '400' };

  test('ID-SK 3 beta’s 36px small-screen body text becomes 16px', () => {
    assert.deepEqual(target('idsk3', 375, 'label', broken), { ...broken, 'font-size': '16px' });
  });

  test('only where it was measured so', () => {
    assert.deepEqual(target('idsk3', 1280, 'label', broken), broken);
    assert.deepEqual(target('idsk2', 375, 'label', broken), broken);
    const fine = { 'font-size': '18px', 'line-height': '20px' };
    assert.deepEqual(target('idsk3', 375, 'group legend (fieldset --m)', fine), fine);
  });

  test('the uncoloured error summary link takes ID-SK 3’s link colour, on that row only', () => {
    const link = { color: 'rgb(0, 0, 238)' };
    assert.deepEqual(target('idsk3', 1280, 'error summary link', link), {
      color: 'rgb(18, 109, 255)',
    });
    assert.deepEqual(target('idsk3', 1280, 'body text', link), link);
  });
});

describe('readable', () => {
  test('hex colours, transparent, and CSS shorthand for four sides', () => {
    assert.equal(readable('rgb(11, 12, 12) 0px 2px 0px 0px'), '#0b0c0c 0px 2px 0px 0px');
    assert.equal(readable('rgba(0, 0, 0, 0)'), 'transparent');
    assert.equal(readable('2px 2px 2px 2px'), '2px');
    assert.equal(readable('5px 16px 5px 16px'), '5px 16px');
    assert.equal(readable('8px 10px 7px 10px'), '8px 10px 7px');
    assert.equal(readable('2px 2px 2px 5px'), '2px 2px 2px 5px');
    assert.equal(readable(null), '—');
  });
});
