/**
 * The runtime's ceiling for a JSON answer: no routing, no database, no framework. The benchmark
 * drives it exactly like the project's public list, so their ratio shows what our code costs.
 */
const body = JSON.stringify({ hello: 'world' });

export default {
  fetch: () => new Response(body, { headers: { 'content-type': 'application/json' } }),
} satisfies ExportedHandler;
