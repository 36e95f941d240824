/** custom-elements.json from the element's JSDoc (attributes, events, parts, CSS properties). */
export default {
  globs: ['widget/src/workshop-signup.ts'],
  outdir: 'dist/site',
  litelement: true,
};
