import { defineConfig } from 'vite';

/**
 * The widget as one self-contained, minified ES module: Lit, @lit/localize and both languages
 * inlined, so a host page needs a single <script type="module"> tag.
 */
export default defineConfig({
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
      output: { codeSplitting: false, minify: true },
    },
  },
});
