import type { Plugin } from 'vite';

const STUB = '\0explicit-msg-ids';

/**
 * Every msg() in the widget names its id (the XLIFF's trans-unit ids are those names), so
 * @lit/localize's fallback for a msg() without one, an FNV-1a hash of the source text, is never
 * called; yet its code ships, about 200 bytes gzipped that the 20 KiB budget needs. This swaps
 * @lit/localize's id-generation module (version pinned in package.json) for one that fails
 * loudly, so a msg() that ever lacks an id is caught by the first test that renders it.
 */
export function explicitMsgIds(): Plugin {
  return {
    name: 'explicit-msg-ids',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './id-generation.js' && importer?.includes('/@lit/localize/')) return STUB;
      return undefined;
    },
    load(id) {
      if (id !== STUB) return undefined;
      return `export function generateMsgId() { throw new Error('<workshop-signup>: msg() needs an id'); }`;
    },
  };
}
