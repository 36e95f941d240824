import { defineConfig } from 'vite';

/**
 * The admin page (/admin) as its own module, apart from the widget: organizers' screens never
 * add a byte to what host pages download (test/bundle budgets the widget alone).
 */
export default defineConfig({
  build: {
    outDir: 'dist/site',
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'widget/admin/admin-app.ts',
      formats: ['es'],
      fileName: () => 'admin-app.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true },
    },
  },
});
