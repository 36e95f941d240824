/**
 * The Workers globals that worker/src names in types. Tests import a few pure worker modules
 * (e.g. reminders.ts, mail/ics.ts) into Node; the test project has Node's types, not the Workers
 * ones, so these aliases let `tsc -p test` check those imports.
 */
import type * as Workers from '@cloudflare/workers-types/experimental';

declare global {
  type D1Database = Workers.D1Database;
  type D1PreparedStatement = Workers.D1PreparedStatement;
  type D1Result<T = unknown> = Workers.D1Result<T>;
  type Fetcher = Workers.Fetcher;
  type SendEmail = Workers.SendEmail;
  type RateLimit = Workers.RateLimit;
  type Queue<Body = unknown> = Workers.Queue<Body>;
  var caches: Workers.CacheStorage;
  type MessageBatch<Body = unknown> = Workers.MessageBatch<Body>;
  type Message<Body = unknown> = Workers.Message<Body>;
}
