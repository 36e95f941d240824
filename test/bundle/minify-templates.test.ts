import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minifyTemplates } from '../../widget/scripts/minify-templates';

describe('minifyTemplates (the build step for css`` and html``)', () => {
  test('minifies css`` and leaves other strings alone', () => {
    const source = [
      'const styles = css`',
      '  /* a comment */',
      '  .a   {',
      '    color: red;',
      '    margin: 0 0 calc(var(--_s) * 3);',
      '  }',
      '`;',
      'const other = `  keep   me  `;',
    ].join('\n');
    assert.equal(
      minifyTemplates(source, 'x.ts'),
      'const styles = css`.a{color:red;margin:0 0 calc(var(--_s)*3)}`;\nconst other = `  keep   me  `;',
    );
  });

  test("tightens custom properties' values, which esbuild keeps as written, but not quoted names", () => {
    const source =
      "css`:host { --_f: var(--x, 'Source Sans Pro', Arial); --_g: calc(var(--_s) * 6); }`";
    assert.equal(
      minifyTemplates(source, 'x.ts'),
      'css`:host{--_f:var(--x,"Source Sans Pro",Arial);--_g:calc(var(--_s)*6)}`',
    );
  });

  test('collapses whitespace in html`` but keeps one space between words and expressions', () => {
    const source = [
      'const t = html`<p class="a   b">',
      '    ${x}   text',
      '    ${y}',
      '  </p>  `;',
    ].join('\n');
    assert.equal(
      minifyTemplates(source, 'x.ts'),
      'const t = html`<p class="a b"> ${x} text ${y} </p>`;',
    );
  });

  test('drops the " /" of a void element, which HTML ignores, also after a binding', () => {
    const source = 'const t = html`<input .value=${v}\n  />${x}<br />`;';
    assert.equal(minifyTemplates(source, 'x.ts'), 'const t = html`<input .value=${v}>${x}<br>`;');
  });

  test('drops the space before a tag’s ">", but not from text', () => {
    const source = [
      'const t = html`<label for=${id}\n  >${a}</label\n>',
      '  <a href="x" rel="noopener"\n  >${b} ${c} > ${d}</a>`;',
    ].join('\n');
    assert.equal(
      minifyTemplates(source, 'x.ts'),
      'const t = html`<label for=${id}>${a}</label> <a href="x" rel="noopener">${b} ${c} > ${d}</a>`;',
    );
  });

  test('handles nested templates and TypeScript syntax', () => {
    const source =
      'const f = (v: string): unknown => html`<ul>\n  ${[v].map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>`;';
    assert.equal(
      minifyTemplates(source, 'x.ts'),
      'const f = (v: string): unknown => html`<ul> ${[v].map((i) => html`<li>${i}</li>`)} </ul>`;',
    );
  });

  test('refuses a css`` with an interpolation rather than mangling it', () => {
    assert.throws(() => minifyTemplates('css`.a{color:${c}}`', 'x.ts'), /not supported/);
  });
});
