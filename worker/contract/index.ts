/** The contract between the worker and its clients: rules and wire types, no dependencies. */
export * from './registration-rules';
export * from './public-api';
export * from './embed-rules';
export type * from './admin-api';
export type * from './waitlist-api';
