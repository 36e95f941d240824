import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod';
import { ApiError, validationFailed } from './errors';
import { fieldErrorsFromZod } from '../schemas/field-errors';

/** Largest request body any endpoint accepts. A registration is well under 2 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads, size-checks, parses and validates a JSON body, so that every failure has its own code:
 * 415 not JSON, 413 too large, 400 unparsable or not an object, 422 invalid fields.
 * Handlers read the result with `c.req.valid('json')`.
 */
export function jsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<object, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    const text = await readLimited(c.req.raw, MAX_BODY_BYTES);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new ApiError(400, 'invalid_json', 'The body must be a JSON object.');
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.success) throw validationFailed(fieldErrorsFromZod(result.error));
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}

/** Reads the body as text, giving up as soon as it exceeds `limit` bytes (Content-Length may lie or be absent). */
async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const tooLarge = () =>
  new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
