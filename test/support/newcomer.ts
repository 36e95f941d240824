import assert from 'node:assert/strict';
import type { RegistrationInput } from '../../worker/src/schemas/registration';
import { lookUp, register } from '../../worker/src/services/register';
import { ApiError } from '../../worker/src/http/errors';
import { hasSql, pausedBefore } from './interleave';
import { runCron, uniqueEmail, validRegistration } from './fixtures';
import { ORIGIN, type TestWorker } from './worker';

/**
 * A newcomer's registration at `now` (the worker's own code, run from here against its D1),
 * paused right before its write batch while `meanwhile` happens through the worker. `queue`: they
 * ask for the line too. Returns the registration, or the code it was refused with.
 */
export async function newcomerRacing(
  worker: TestWorker,
  slug: string,
  workshopId: string,
  now: number,
  meanwhile: () => Promise<void>,
  queue = false,
) {
  const input = validRegistration([workshopId], {
    email: uniqueEmail('newcomer'),
    ...(queue && { waitlistWorkshopIds: [workshopId] }),
  }) as unknown as RegistrationInput;
  const db = pausedBefore(worker.db, hasSql('INSERT INTO registrations'), meanwhile);
  const first = await lookUp(db as never, slug, input, now);
  try {
    const { registration } = await register(
      db as never,
      { ...first, series: first.series! },
      input,
      ORIGIN,
      now,
    );
    assert.ok(db.paused(), 'the other change came in between');
    // Its mail goes out with a cron run at its instant (no request is there to send it).
    await runCron(worker, Math.max(now, Date.now()));
    return { registration, refused: null };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    assert.ok(db.paused(), 'the other change came in between');
    return { registration: null, refused: error.code };
  }
}
