import { execFileSync } from 'node:child_process';
import { runtimePid } from './cpu';
import type { Dev } from './wrangler';

/**
 * The URL of the workerd that runs the worker itself, behind `wrangler dev`'s proxy.
 *
 * Why (README "Benchmark"): under a rush of POSTs, workerd drops some keep-alive connections. The
 * proxy (a second workerd) reuses pooled keep-alive connections to the runtime, so its fetch
 * fails with "Network connection lost"; wrangler 4.86's ProxyWorker then compares the full request
 * URL with an origin-only URL, always takes its "the worker restarted" branch, and answers 503
 * "Your worker restarted mid-request" (GETs are queued and retried, so only POSTs show it). With
 * one connection per request straight to the runtime the same rush has no errors. Production has
 * neither that proxy nor its pool, so the rush goes here, each request on a new connection.
 *
 * Found from the outside (Linux): the runtime workerd's listening ports (`ss`), the one that
 * answers `probePath` as the proxy does.
 */
export async function directUrl(dev: Dev, probePath: string): Promise<string | null> {
  const pid = runtimePid(dev.pid, dev.port);
  if (pid === null) return null;
  let listing: string;
  try {
    listing = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' });
  } catch {
    return null;
  }
  const ports = listing
    .split('\n')
    .filter((line) => line.includes(`pid=${pid},`))
    .map((line) => /127\.0\.0\.1:(\d+)/.exec(line)?.[1])
    .filter((port): port is string => port !== undefined);
  const expected = (await fetch(new URL(probePath, dev.url))).status;
  for (const port of ports) {
    const url = `http://127.0.0.1:${port}`;
    try {
      const inspector = await fetch(`${url}/json/version`);
      if ((await inspector.text()).includes('webSocketDebuggerUrl')) continue;
      if ((await fetch(new URL(probePath, url))).status === expected) return url;
    } catch {
      // Not HTTP: not the one.
    }
  }
  return null;
}
