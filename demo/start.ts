import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SERIES_SLUG } from './content';
import { ROOT, applyLocalMigrations, startDevServer } from './dev-server';
import { seedDemo } from './seed';

/**
 * `npm start`: build the widget, migrate and seed the local D1, and serve API, demo pages and
 * widget on one port with `wrangler dev`. Offline, no Cloudflare account.
 */
const port = Number(process.env.PORT ?? 8787);

function ensureDevVars(): string {
  const path = join(ROOT, '.dev.vars');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const token = /^ADMIN_TOKEN=(.+)$/m.exec(existing)?.[1]?.trim();
  if (token) return token;
  const fresh = randomBytes(32).toString('base64url');
  const lines = [existing.trimEnd(), `ADMIN_TOKEN=${fresh}`];
  if (!/^ENVIRONMENT=/m.test(existing)) lines.push('ENVIRONMENT=development');
  writeFileSync(path, lines.filter(Boolean).join('\n') + '\n', { mode: 0o600 });
  console.log('Created .dev.vars with a new local admin token.');
  return fresh;
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const token = ensureDevVars();
run('build');
await applyLocalMigrations();
const server = await startDevServer({ port, inheritOutput: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
await seedDemo(server.url, token);
await server.quiet(); // so that wrangler's log of the seeding comes before what follows

console.log(`
  workshop-signup is running.

  Demo (Slovak):   ${server.url}/
  Demo (English):  ${server.url}/en.html
  More demos:      ${server.url}/csp (strict CSP), /idsk2, /aggressive-css, /integration
  Public API:      ${server.url}/api/v1/series/${DEMO_SERIES_SLUG}
  E-mail outbox:   ${server.url}/dev/outbox
  Run the cron:    curl -X POST ${server.url}/api/v1/dev/scheduled
                   (as at another instant: …/dev/scheduled?time=<epoch ms>)
  Iframe embed:    ${server.url}/embed/${DEMO_SERIES_SLUG}
  Admin page:      ${server.url}/admin
  Admin token:     ${token}
                   (sign in with it on the admin page; it is in .dev.vars)
  Admin API:       ${server.url}/api/v1/admin/series
                   (with "Authorization: Bearer <token>")

  Press Ctrl+C to stop.
`);
