/**
 * Hello world with the public list's answer shape: the same 16 headers (CORS, ETag, no-cache, the
 * security headers) and a gzipped JSON body of about the list's size, compressed once. Profiling
 * only (`npm run bench:profile-list`): it shows what an answer of that shape costs the runtime and
 * the platform around it, with no routing, cache or database behind it.
 */
const text = JSON.stringify({
  workshops: Array.from({ length: 40 }, (_, i) => ({
    id: `w${i}x8f7a6s5d4`,
    title: `Workshop number ${i} on smart cities`,
    seatsLeft: (i * 7) % 50,
  })),
});

const headers: [string, string][] = [
  ['content-type', 'application/json'],
  ['content-encoding', 'gzip'],
  ['access-control-allow-origin', '*'],
  ['cache-control', 'no-cache'],
  ['etag', '"0123456789abcdef01234567"'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  [
    'content-security-policy',
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  ],
  ['cross-origin-opener-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'DENY'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

let gzipped: Promise<ArrayBuffer> | undefined;

export default {
  async fetch() {
    gzipped ??= new Response(
      new Blob([text]).stream().pipeThrough(new CompressionStream('gzip')),
    ).arrayBuffer();
    return new Response(await gzipped, { headers, encodeBody: 'manual' });
  },
} satisfies ExportedHandler;
