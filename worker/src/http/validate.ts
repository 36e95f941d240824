import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';
import type * as z from 'zod';
import { fieldErrorsFromZod, type FieldErrors } from '../schemas/field-errors';
import { ApiError, validationFailed } from './errors';

/** Largest request body any endpoint accepts. A registration is well under 2 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Where an input comes from. */
export type Target = 'json' | 'form' | 'query' | 'param';

/** What an invalid input is answered with: thrown, so it ends in the one `onError`. */
export type Refusal = (fields: FieldErrors) => Error;

type Validated<T extends Target, S extends z.ZodType> = {
  in: { [K in T]: z.input<S> };
  out: { [K in T]: z.output<S> };
};

/**
 * The one way input is validated, whatever its source: Hono's `validator` with a zod schema;
 * handlers read the result with `c.req.valid(target)`. Invalid input is refused with 422
 * `validation` and `{fields}` unless `refuse` says otherwise (the link pages answer with their
 * HTML page). A JSON body first gets the checks that have codes of their own (`jsonBody`).
 */
export function validate<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  refuse: Refusal = validationFailed,
): MiddlewareHandler<object, string, Validated<T, S>> {
  const check = validator(target, (value) => {
    const result = schema.safeParse(value, { reportInput: true });
    if (!result.success) throw refuse(fieldErrorsFromZod(result.error));
    return result.data as z.output<S>;
  }) as MiddlewareHandler<object, string, Validated<T, S>>;
  if (target !== 'json') return check;
  return async (c, next) => {
    await jsonBody(c);
    return check(c, next);
  };
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

const tooLarge = () =>
  new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);

/** Refuses a declared Content-Length over the limit at once, and a longer stream as it comes. */
const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw tooLarge();
  },
});

/**
 * What can be wrong with a JSON body before its fields, each with its own code: 415 not JSON,
 * 413 too large, 400 unparsable or not an object. Hono keeps the parsed body for the validator.
 */
async function jsonBody(c: Context): Promise<void> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  await limitBody(c, async () => {});
  let data: unknown;
  try {
    data = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ApiError(400, 'invalid_json', 'The body must be a JSON object.');
  }
}
