import { enqueue } from '../db/outbox';
import { insertToken, type Registration } from '../db/registrations';
import type { Series } from '../db/series';
import type { Workshop } from '../db/workshops';
import { randomId } from '../ids';
import { hashToken, randomToken } from '../tokens';
import type { MailKind } from './message';
import { renderMail } from './templates';

export interface Compose {
  kind: MailKind;
  /** The ledger key; see db/outbox.ts. */
  dedupeKey: string;
  /** Reminders: the workshop start they are for (the ledger keeps one per seat and start). */
  startsAt?: number;
  registration: Pick<Registration, 'id' | 'email' | 'locale' | 'baseUrl'>;
  series: Series;
  workshops: Workshop[];
  /** The message is about this one workshop (reminders, changes). */
  workshopId?: string;
  /** Issue a confirmation link (double opt-in). */
  withConfirmLink?: boolean;
  holdUntil?: number;
  includeJoinLink?: boolean;
  now: number;
}

export interface Composed {
  outboxId: string;
  /** Token rows and the outbox row, to run in the same batch as the change they announce. */
  statements: D1PreparedStatement[];
}

/**
 * Renders a message and returns the statements that queue it, with fresh tokens for its links.
 * Every message carries a manage link (see and cancel); tokens are stored hashed only, so each
 * message gets its own.
 */
export async function composeMail(db: D1Database, c: Compose): Promise<Composed> {
  const manage = randomToken();
  const confirm = c.withConfirmLink ? randomToken() : undefined;
  const link = (path: string, token: string) =>
    `${c.registration.baseUrl}/api/v1/registrations/${path}?token=${token}`;
  const mail = renderMail(c.kind, {
    locale: c.registration.locale,
    to: c.registration.email,
    series: c.series,
    workshops: c.workshops,
    confirmUrl: confirm && link('confirm', confirm),
    manageUrl: link('manage', manage),
    holdUntil: c.holdUntil,
    includeJoinLink: c.includeJoinLink,
    now: c.now,
  });
  const outboxId = randomId();
  const statements = [
    insertToken(db, await hashToken(manage), c.registration.id, 'manage', c.now),
    ...(confirm
      ? [insertToken(db, await hashToken(confirm), c.registration.id, 'confirm', c.now)]
      : []),
    enqueue(db, {
      id: outboxId,
      dedupeKey: c.dedupeKey,
      startsAt: c.startsAt,
      kind: c.kind,
      registrationId: c.registration.id,
      workshopId: c.workshopId,
      mail,
      now: c.now,
    }),
  ];
  return { outboxId, statements };
}
