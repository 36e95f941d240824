import { defineConfig } from 'vite';
import { minifyLitTemplates } from './widget/scripts/minify-templates.ts';

/**
 * The widget as one self-contained, minified ES module: Lit, @lit/localize and both languages
 * inlined, so a host page needs a single <script type="module"> tag.
 */
export default defineConfig({
  // css`` and html`` are strings to the JS minifier: minify them before bundling.
  plugins: [minifyLitTemplates()],
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
