import { transformSync } from 'esbuild';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Lit's css`` and html`` literals are strings to a JS minifier, so their indentation and comments
 * would ship as they are. This rewrites them in the widget's own sources before bundling:
 * css`` through esbuild's CSS minifier, html`` by collapsing each run of whitespace to one space
 * (the widget has no <pre>, <textarea> or inline <style> whose whitespace would matter).
 */

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Minified CSS, safe to put back between backticks. esbuild keeps custom properties' values as
 * written, so the spaces after their colon and after commas (`--_a: var(--b, 5px)`) and around
 * `*` and `/` in calc() go here; quoted font names keep theirs.
 */
export function minifyCss(source: string): string {
  const { code } = transformSync(source, { loader: 'css', minify: true, target: 'chrome100' });
  return code
    .trim()
    .replace(/(--[\w-]+):\s+/g, '$1:')
    .replace(/,\s+(?=[^'"]*(?:['"][^'"]*['"][^'"]*)*$)/gm, ',')
    .replace(/\s+([*/])\s+/g, '$1');
}

/**
 * HTML with whitespace runs collapsed; whitespace next to a tag at either end of the template goes.
 * Inside tags, so are the ` /` of `<input … />` (HTML ignores it; the widget has no SVG) and the
 * space before a tag's `>`: after a quoted value, in a closing tag, or after an unquoted binding
 * (`afterBinding`: the piece follows `attr=${…}`).
 */
export function collapseHtml(
  text: string,
  first: boolean,
  last: boolean,
  afterBinding = false,
): string {
  let out = text
    .replace(/\s+/g, ' ')
    .replace(/ \/>/g, '>')
    .replace(/" >/g, '">')
    .replace(/(<\/[a-z]+) >/g, '$1>');
  if (afterBinding) out = out.replace(/^ >/, '>');
  if (first) out = out.replace(/^ (?=<)/, '');
  if (last) out = out.replace(/(?<=>) $/, '');
  return out;
}

const tagName = (node: ts.TaggedTemplateExpression) =>
  ts.isIdentifier(node.tag) ? node.tag.text : undefined;

function templateEdits(source: ts.SourceFile): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = tagName(node);
      const template = node.template;
      if (tag === 'css') {
        // Styles are static: an interpolation would need a real CSS-in-template parser.
        if (!ts.isNoSubstitutionTemplateLiteral(template)) {
          throw new Error(`css\`\` with \${} is not supported (${source.fileName})`);
        }
        const raw = template.getText(source).slice(1, -1);
        if (raw.includes('\\') || raw.includes('`'))
          throw new Error('escapes in css`` are not supported');
        edits.push({
          start: template.getStart(source) + 1,
          end: template.end - 1,
          text: minifyCss(raw),
        });
      } else if (tag === 'html') {
        const parts: Array<ts.TemplateLiteralLikeNode> = ts.isNoSubstitutionTemplateLiteral(
          template,
        )
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        parts.forEach((part, i) => {
          // Each piece is `…${, }…${ or }…` in the source; only the text between changes.
          const start = part.getStart(source) + 1;
          const end = part.end - (i === parts.length - 1 ? 1 : 2);
          const text = source.text.slice(start, end);
          const previous = i > 0 ? parts[i - 1]!.text : '';
          edits.push({
            start,
            end,
            text: collapseHtml(text, i === 0, i === parts.length - 1, /=\s*$/.test(previous)),
          });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

/** The source with every css``/html`` literal minified. */
export function minifyTemplates(code: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  let out = code;
  for (const edit of templateEdits(source).sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/** Vite plugin: runs before TypeScript is compiled, on the widget's own files only. */
export function minifyLitTemplates(): Plugin {
  return {
    name: 'workshop-signup:minify-lit-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/widget\/src\/.*\.ts$/.test(id) || id.includes('/generated/')) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
