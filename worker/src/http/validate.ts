import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';
import type * as z from 'zod';
import { fieldErrorsFromZod, type FieldErrors } from '../schemas/field-errors';
import { ApiError, validationFailed } from './errors';

/** Largest request body any endpoint accepts. A registration is well under 2 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Largest form any link page posts: a token and at most 50 workshop ids (the cancel form) come to
 * under 2 KiB. Anything bigger is not from our pages and is refused before it is parsed.
 */
export const MAX_FORM_BYTES = 4 * 1024;

/** Where an input comes from. */
export type Target = 'json' | 'form' | 'query' | 'param' | 'header';

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
 * HTML page). A body is limited in size first (`tooLarge` says how a bigger one is answered); a
 * JSON body then gets the checks that have codes of their own (`jsonBody`), a form is parsed.
 */
export function validate<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  refuse: Refusal = validationFailed,
  tooLarge: () => Error = payloadTooLarge,
): MiddlewareHandler<object, string, Validated<T, S>> {
  const check = validator(target, (value) => {
    const result = schema.safeParse(value, { reportInput: true });
    if (!result.success) throw refuse(fieldErrorsFromZod(result.error));
    return result.data as z.output<S>;
  }) as MiddlewareHandler<object, string, Validated<T, S>>;
  if (target === 'json') {
    return async (c, next) => {
      await jsonBody(c, tooLarge);
      return check(c, next);
    };
  }
  if (target === 'form') {
    return async (c, next) => {
      await formBody(c, refuse, tooLarge);
      return check(c, next);
    };
  }
  return check;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

const payloadTooLarge = () =>
  new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);

/**
 * Reads at most `maxSize` bytes of the body: a declared Content-Length over it is refused at
 * once, a longer stream as it comes (Hono's `bodyLimit` buffers what it lets through).
 */
const limitBody = (c: Context, maxSize: number, tooLarge: () => Error) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge();
    },
  })(c, async () => {});

/**
 * What can be wrong with a JSON body before its fields, each with its own code: 415 not JSON,
 * 413 too large, 400 unparsable or not an object. Hono keeps the parsed body for the validator.
 */
async function jsonBody(c: Context, tooLarge: () => Error): Promise<void> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  await limitBody(c, MAX_BODY_BYTES, tooLarge);
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

const FORM_MEDIA_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * A form body: at most MAX_FORM_BYTES, then parsed here, so that a malformed one is refused the
 * route's way (`refuse`) rather than with Hono's plain 400. Hono keeps the parsed form for the
 * validator; a body of another type reaches it as no fields at all.
 */
async function formBody(c: Context, refuse: Refusal, tooLarge: () => Error): Promise<void> {
  await limitBody(c, MAX_FORM_BYTES, tooLarge);
  if (!FORM_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) return;
  try {
    await c.req.formData();
  } catch {
    throw refuse({ _: 'invalid_form' });
  }
}
