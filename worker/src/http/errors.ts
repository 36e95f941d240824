import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldErrors } from '../schemas/field-errors';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldErrors;
    workshopIds?: string[];
  };
}

/**
 * An expected failure with a public shape. Anything else thrown is a bug and becomes `internal`.
 * `message` is for developers reading the API; people see texts the widget localizes from `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: Pick<ErrorBody['error'], 'fields' | 'workshopIds'> = {},
    /** Response headers that belong to the error (WWW-Authenticate, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

/** No route matched (also what dev-only routes answer outside development). */
export const noSuchEndpoint = () => new ApiError(404, 'not_found', 'No such endpoint.');

export const notFound = (code: string, what: string) =>
  new ApiError(404, code, `${what} not found.`);

export const validationFailed = (fields: FieldErrors) =>
  new ApiError(422, 'validation', 'Some fields are missing or invalid.', { fields });

/**
 * A link from an e-mail that is not (or no longer) one of ours, or a form that did not come from
 * our pages. A person opened it, so it is answered with the HTML "invalid link" page (404), not
 * with the JSON error shape.
 */
export class InvalidLinkError extends Error {
  override name = 'InvalidLinkError';

  constructor(
    message: string,
    /** 404 for a link or form that is not ours; 413 for a form far larger than ours. */
    readonly status: 404 | 413 = 404,
  ) {
    super(message);
  }
}

export const invalidLink = () => new InvalidLinkError('Not one of our links.');

/** A form posted to a link page that is larger than any of our pages sends. */
export const formTooLarge = () => new InvalidLinkError('Not one of our forms: too large.', 413);
