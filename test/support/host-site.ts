import { createServer } from 'node:http';
import { freePort } from '../../demo/free-port';

/**
 * A town hall's website for end-to-end tests: serves the pages a test puts in `pages` (by path),
 * at "localhost" while the stack is at "127.0.0.1", so on another origin, as on a real host.
 */
export interface HostSite {
  url: string;
  pages: Map<string, string>;
  close(): Promise<void>;
}

export async function startHostSite(pages: Map<string, string> = new Map()): Promise<HostSite> {
  const server = createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${port}`,
    pages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
