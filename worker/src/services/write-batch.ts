import { enqueue, type Guard } from '../db/outbox';
import type { Registration } from '../db/registrations';
import type { Series } from '../db/series';
import { insertToken } from '../db/tokens';
import type { Workshop } from '../db/workshops';
import { randomId } from '../ids';
import type { MailKind } from '../mail/message';
import { renderMail } from '../mail/templates';
import { hashToken, randomToken } from '../tokens';

/** A message to queue: what it is about and whom it goes to. */
export interface QueuedMail {
  kind: MailKind;
  /** The ledger key: a message with this key is queued once, however often it is tried. */
  dedupeKey: string;
  registration: Pick<Registration, 'id' | 'email' | 'locale' | 'baseUrl'>;
  series: Series;
  workshops: Workshop[];
  /** Places in line the message lists beside the seats (not in `workshops`: it holds no seat there). */
  waiting?: { workshop: Workshop; place: number }[];
  /** An offered seat ('offer' mode): until when it waits; the mail links to accepting it. */
  offerUntil?: number;
  /** The message is about this one workshop (reminders, changes). */
  workshopId?: string;
  /** Reminders: the workshop start they are for (the ledger keeps one per seat and start). */
  startsAt?: number;
  /** Issue a confirmation link (double opt-in). */
  withConfirmLink?: boolean;
  holdUntil?: number;
  /** Until when the confirmation link works (a confirmation after the hold takes free seats). */
  confirmUntil?: number;
  includeJoinLink?: boolean;
  /**
   * Queue the message only if this holds when the batch reaches it: the change it announces
   * happened (db/mail-guards.ts). Messages announcing a change made earlier in the same batch
   * need it whenever that change is conditional (it may find nothing to change, because another
   * request was first).
   */
  onlyIf?: Guard;
}

type Results = Awaited<ReturnType<D1Database['batch']>>;
type Run = (db: D1Database, statements: D1PreparedStatement[]) => Promise<Results>;

/**
 * One change and the messages that announce it, committed as one D1 batch (one transaction): a
 * change is never stored without its mail, and no mail is queued for a change that did not happen.
 * Once committed, hand `outboxIds` to `deliverSoon` (jobs/deliver.ts); the cron catches up on
 * anything that does not go out then.
 */
export class WriteBatch {
  readonly statements: D1PreparedStatement[] = [];
  /** The messages queued in this batch. */
  readonly outboxIds: string[] = [];

  constructor(
    readonly db: D1Database,
    readonly now: number,
  ) {}

  add(...statements: D1PreparedStatement[]): this {
    this.statements.push(...statements);
    return this;
  }

  /**
   * Queues a message: renders it with fresh link tokens and adds their rows and the outbox row.
   * Every message carries a manage link (see and cancel); tokens are stored hashed only, so each
   * message gets its own.
   */
  async queueMail(m: QueuedMail): Promise<void> {
    const { db, now } = this;
    const manage = randomToken();
    const confirm = m.withConfirmLink ? randomToken() : undefined;
    const link = (path: string, token: string) =>
      `${m.registration.baseUrl}/api/v1/registrations/${path}?token=${token}`;
    const mail = renderMail(m.kind, {
      locale: m.registration.locale,
      to: m.registration.email,
      series: m.series,
      workshops: m.workshops,
      waiting: m.waiting,
      // Accepting an offer goes with the manage token: it is the person's own registration.
      offer: m.offerUntil
        ? { url: `${link('offer', manage)}&workshop=${m.workshopId}`, until: m.offerUntil }
        : undefined,
      confirmUrl: confirm && link('confirm', confirm),
      manageUrl: link('manage', manage),
      holdUntil: m.holdUntil,
      confirmUntil: m.confirmUntil,
      includeJoinLink: m.includeJoinLink,
      now,
    });
    const id = randomId();
    const { onlyIf } = m;
    this.add(insertToken(db, await hashToken(manage), m.registration.id, 'manage', now, onlyIf));
    if (confirm) {
      this.add(
        insertToken(db, await hashToken(confirm), m.registration.id, 'confirm', now, onlyIf),
      );
    }
    this.add(
      enqueue(db, {
        id,
        dedupeKey: m.dedupeKey,
        kind: m.kind,
        registrationId: m.registration.id,
        workshopId: m.workshopId,
        startsAt: m.startsAt,
        workshopSequences: Object.fromEntries(m.workshops.map((w) => [w.id, w.sequence])),
        mail,
        now,
        onlyIf,
      }),
    );
    this.outboxIds.push(id);
  }

  /** Runs every statement as one batch (with `run`, e.g. to translate the seat guard's refusals). */
  async commit(run: Run = (db, statements) => db.batch(statements)): Promise<Results> {
    if (this.statements.length === 0) return [];
    return run(this.db, this.statements);
  }
}
