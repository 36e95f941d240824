/**
 * The tests' shared fixtures, one module per subject; import from here or from the module.
 *
 * - api-shapes: what the API answers, and its paths
 * - series-fixtures: time units, unique values, series, workshops and registration bodies
 * - expect: error answers and stored row counts
 * - outbox: messages in the outbox, their links, settling sends, running the cron
 * - registration-flow: registering, confirming and cancelling as a person does
 * - mail-provider: a fake HTTP e-mail provider, and the admin list of messages
 * - shared-worker: a worker per test (`testWorker`) or per file (`sharedWorker`)
 */
export * from './api-shapes';
export * from './series-fixtures';
export * from './expect';
export * from './outbox';
export * from './registration-flow';
export * from './mail-provider';
export { testWorker } from './shared-worker';
