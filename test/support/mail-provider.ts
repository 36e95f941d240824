import assert from 'node:assert/strict';
import { adminSeriesPath } from './api-shapes';
import { HTTP_MAIL, type OutboxMessage } from './outbox';
import { unique } from './series-fixtures';
import { asAdmin, type TestWorker } from './worker';

/** A fake e-mail provider for the HTTP transport, and the admin API's view of the messages. */

/** What the admin API lists of a series' messages. */
export interface MessageStatus {
  id: string;
  kind: string;
  registrationId: string;
  workshopId: string | null;
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
  /** Why a message was dropped instead of sent (status `dropped`). */
  dropReason: string | null;
  createdAt: string;
  sentAt: string | null;
}

export async function adminMessages(worker: TestWorker, slug: string): Promise<MessageStatus[]> {
  const res = await worker.fetch(`${adminSeriesPath(slug)}/messages`, asAdmin());
  assert.equal(res.status, 200);
  return ((await res.json()) as { messages: MessageStatus[] }).messages;
}

/** What the fake provider received: one call per HTTP request the worker made. */
export interface ProviderCall {
  idempotencyKey: string | null;
  authorization: string | null;
  body: {
    from: string;
    to: string[];
    reply_to: string;
    subject: string;
    text: string;
    html: string;
    attachments: { filename: string; content: string; content_type: string }[];
  };
  /** The status the fake answered. */
  status: number;
}

/** The fake provider behind each worker's `outbound`, so helpers can read what it delivered. */
const providers = new WeakMap<object, ReturnType<typeof fakeMailProvider>>();

/**
 * A message as its recipient got it. With a real transport the outbox forgets the bodies once
 * sent (they carry link tokens), so the text comes from what the fake provider accepted.
 */
export async function received(
  worker: TestWorker,
  message: OutboxMessage,
): Promise<Pick<OutboxMessage, 'text'>> {
  if (message.text !== '') return message;
  const provider = worker.options.outbound && providers.get(worker.options.outbound);
  const call = provider?.accepted().find((c) => c.idempotencyKey === message.id);
  assert.ok(call, `message ${message.id} was neither kept nor delivered`);
  return { text: call.body.text };
}

/**
 * A Resend-style e-mail API for `startTestWorker(HTTP_MAIL, { outbound })`. `answer` decides each
 * status (200 unless changed; tests may replace it at any time) and sees the calls so far;
 * `delayMs` how long the n-th call takes to answer (at once unless changed: a slow provider).
 */
export function fakeMailProvider(
  answer: (call: ProviderCall['body'], n: number) => number = () => 200,
) {
  const provider = {
    answer,
    delayMs: (_n: number) => 0,
    calls: [] as ProviderCall[],
    /** Calls the provider accepted. */
    accepted: () => provider.calls.filter((c) => c.status >= 200 && c.status < 300),
    outbound: async (request: Request): Promise<Response> => {
      assert.equal(request.url, HTTP_MAIL.MAIL_API_URL);
      assert.equal(request.method, 'POST');
      const body = (await request.json()) as ProviderCall['body'];
      const delay = provider.delayMs(provider.calls.length + 1);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const status = provider.answer(body, provider.calls.length + 1);
      provider.calls.push({
        idempotencyKey: request.headers.get('idempotency-key'),
        authorization: request.headers.get('authorization'),
        body,
        status,
      });
      // An error body that echoes the address: it must not end up in the worker's logs.
      const reply =
        status < 300 ? { id: unique('email') } : { message: `cannot send to ${body.to}` };
      return new Response(JSON.stringify(reply), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  providers.set(provider.outbound, provider);
  return provider;
}
