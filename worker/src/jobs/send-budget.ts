import { numberVar, type Bindings } from '../env';

/**
 * How long a cron run without the mail queue keeps sending, in wall-clock time from the start of
 * the run. The references disagree on what limits a cron that fires every 15 minutes: platform.md
 * reads Cloudflare's "a Scheduled Worker may run for up to 30 seconds" as about 30 s of wall time,
 * platform-next.md as 30 s of CPU time within 15 minutes of wall time. We take the stricter
 * reading: a run past its limit is cut off mid-send, and a message the provider took but the
 * ledger never marked sent goes again after its stale claim (the Cloudflare binding has no
 * idempotency key to stop that). Sends start only when expected to end within 20 s (at the
 * slowest pace seen); the other 10 s cover a send slower than any before it, the retention step
 * and the log line. Wrong on the strict side costs only pace: the next run, 15 minutes later,
 * sends the rest, and a deployment with volume has the mail queue (whose consumers get 15
 * minutes each). A deployment sure of the CPU reading may raise it with CRON_SEND_BUDGET_MS.
 */
export const CRON_SEND_BUDGET_MS = 20_000;

/**
 * The wall clock of one run's sends. `Date.now()` in workerd stands still while code runs and
 * advances across I/O, which is exactly where a slow provider spends the run's time.
 */
export class SendBudget {
  /** The slowest send (provider call and ledger write) so far: the pace the next claim assumes. */
  private slowestMs = 0;
  private measured = false;

  constructor(
    private readonly startedAt: number,
    readonly budgetMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The budget of a cron run that started at `startedAt` (the clock's, not the scheduled time). */
  static forRun(env: Bindings, startedAt: number, clock: () => number = Date.now) {
    const budgetMs = numberVar(env.CRON_SEND_BUDGET_MS, CRON_SEND_BUDGET_MS, (ms) => ms >= 0);
    return new SendBudget(startedAt, budgetMs, clock);
  }

  elapsedMs() {
    return this.clock() - this.startedAt;
  }

  /**
   * Whether another send may start: it is expected to end within the budget, at the slowest pace
   * seen (before any send, while any of the budget is left).
   */
  roomForOne() {
    const left = this.budgetMs - this.elapsedMs();
    return this.measured ? left >= this.slowestMs && left > 0 : left > 0;
  }

  /** Times one send; the next claims size themselves by the slowest. */
  async timed<T>(send: () => Promise<T>): Promise<T> {
    const start = this.clock();
    try {
      return await send();
    } finally {
      this.slowestMs = Math.max(this.slowestMs, this.clock() - start);
      this.measured = true;
    }
  }

  /**
   * How many messages to claim next, at most `batch`: as many as are expected to be sent within
   * what is left of the budget at the slowest pace seen, one to learn the pace before any send,
   * none once not even one fits. Claiming only what can be sent keeps a run from holding claims
   * it cannot honour, and from starting a send it expects to end past the budget.
   */
  claimable(batch: number) {
    if (!this.roomForOne()) return 0;
    if (!this.measured) return 1;
    // A send too quick to measure (0 ms) leaves the batch the only bound.
    const left = this.budgetMs - this.elapsedMs();
    return Math.max(1, Math.min(batch, Math.floor(left / this.slowestMs)));
  }
}
