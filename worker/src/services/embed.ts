import * as z from 'zod';
import type { EmbedInfo } from '../../contract';
import { ApiError } from '../http/errors';

/** Where the build (demo/build-site.ts) leaves the facts about the widget it published. */
export const EMBED_MANIFEST_PATH = '/embed-manifest.json';

const manifest = z.object({
  /** `/v/<content hash>/workshop-signup.js`: a kept build (widget/releases/), served for good. */
  versionedPath: z.string().regex(/^\/v\/[a-z0-9]{8,64}\/workshop-signup\.js$/),
  integrity: z.string().regex(/^sha384-[A-Za-z0-9+/]{64}$/),
});

const notBuilt = () =>
  new ApiError(503, 'embed_not_built', 'The widget has not been built: run `npm run build`.');

/**
 * What an embed snippet needs, read from the build's manifest in the static assets and made
 * absolute against `base` (PUBLIC_URL or the request's origin).
 */
export async function embedInfo(assets: Fetcher | undefined, base: string): Promise<EmbedInfo> {
  if (!assets) throw notBuilt();
  const response = await assets.fetch(new URL(EMBED_MANIFEST_PATH, base).href);
  if (!response.ok) throw notBuilt();
  const parsed = manifest.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw notBuilt();
  return {
    scriptUrl: new URL('/workshop-signup.js', base).href,
    versionedScriptUrl: new URL(parsed.data.versionedPath, base).href,
    integrity: parsed.data.integrity,
    embedPageUrl: new URL('/embed/', base).href,
    hostScriptUrl: new URL('/embed-host.js', base).href,
    seriesApiUrl: new URL('/api/v1/series/', base).href,
  };
}
