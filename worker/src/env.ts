/** Bindings the worker expects (wrangler.jsonc, .dev.vars and secrets). */
export interface Bindings {
  DB: D1Database;
  /** Secret bearer token for /api/v1/admin. Without it every admin request is refused. */
  ADMIN_TOKEN?: string;
  /** "development" enables dev-only routes; anything else is production. */
  ENVIRONMENT?: string;
}

export interface AppEnv {
  Bindings: Bindings;
}
