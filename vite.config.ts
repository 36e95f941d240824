import { defineConfig } from 'vite';
import { explicitMsgIds } from './widget/scripts/explicit-msg-ids.ts';
import { minifyLitTemplates } from './widget/scripts/minify-templates.ts';

/**
 * The widget as one self-contained, minified ES module: Lit, @lit/localize and both languages
 * inlined, so a host page needs a single <script type="module"> tag.
 */
export default defineConfig({
  // css`` and html`` are strings to the JS minifier: minify them before bundling.
  // …and leave out @lit/localize's id hashing, which msg() calls with ids never use.
  plugins: [minifyLitTemplates(), explicitMsgIds()],
  build: {
    outDir: 'dist/site',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'widget/src/workshop-signup.ts',
      formats: ['es'],
      fileName: () => 'workshop-signup.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true, comments: false },
    },
  },
});
