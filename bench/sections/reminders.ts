import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { D1Tally } from '../lib/d1-tally';
import { d1Execute, type Dev } from '../lib/wrangler';

export interface ReminderSettings {
  registrations: number;
  workshops: number;
  /** Give up after this much wall time (the old path needs far longer than a bench should take). */
  budgetSeconds: number;
}

/** The cron's interval: "now" moves on by this much between runs, as in production. */
export const CRON_INTERVAL_MS = 15 * 60_000;

const HOUR = 3_600_000;
const SERIES_ID = 990_001;

/** Seats of confirmed registrations in workshops starting 23–24 h after `t0`: all due at once. */
export function writeReminderSeed(dir: string, settings: ReminderSettings, t0: number): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const lines: string[] = [
    `INSERT INTO series (id, slug, title_sk, title_en, description_sk, description_en, privacy_url,
       organizer_name, organizer_email, created_at, updated_at, retention_days)
     VALUES (${SERIES_ID}, 'bench-reminders', 'Pripomienky', 'Reminders', '', '',
       'https://example.gov.sk/privacy', 'Organizátor', 'organizer@example.gov.sk', ${t0 - 7 * 24 * HOUR}, ${t0 - 7 * 24 * HOUR}, 30);`,
  ];
  const starts: number[] = [];
  for (let i = 0; i < settings.workshops; i++) {
    const startsAt = t0 + 23 * HOUR + Math.floor((i * HOUR) / settings.workshops);
    starts.push(startsAt);
    lines.push(
      `INSERT INTO workshops (id, series_id, title_sk, title_en, description_sk, description_en,
         starts_at, ends_at, capacity, join_url, registration_closes_at, created_at, updated_at)
       VALUES ('bench-rw-${i}', ${SERIES_ID}, ${q(`Workshop ${i + 1}`)}, ${q(`Workshop ${i + 1}`)},
         'Popis workshopu.', 'A workshop.', ${startsAt}, ${startsAt + 2 * HOUR},
         ${settings.registrations}, 'https://meet.example.gov.sk/bench-${i}', ${startsAt},
         ${t0 - 7 * 24 * HOUR}, ${t0 - 7 * 24 * HOUR});`,
    );
  }
  const registered = t0 - 2 * 24 * HOUR;
  // Rows generated inside SQLite by a recursive CTE: a few hundred bytes of SQL instead of
  // megabytes, which `wrangler d1 execute --file` would take minutes to split and run.
  const numbers = `WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < ${settings.registrations - 1})`;
  lines.push(
    `INSERT INTO registrations (id, series_id, given_name, family_name, email, email_key,
       organization_type, organization, role, locale, status, created_at, expires_at,
       confirmed_at, base_url)
     ${numbers}
     SELECT 'bench-rr-' || k, ${SERIES_ID}, 'Účastník', 'Číslo ' || k, 'reminder-' || k || '@example.org',
       'reminder-' || k || '@example.org', 'municipality', 'Obec', '',
       CASE k % 2 WHEN 0 THEN 'sk' ELSE 'en' END, 'confirmed', ${registered},
       ${registered + 24 * HOUR}, ${registered + HOUR}, 'http://127.0.0.1:8787'
     FROM n;`,
    // Inserted released, then held: the capacity trigger (BEFORE INSERT of a held seat) would
    // count the workshop's seats for every row, and the seats fit by construction.
    `INSERT INTO seats (registration_id, workshop_id, email_key, status, created_at, released_at)
     ${numbers}
     SELECT 'bench-rr-' || k, 'bench-rw-' || (k % ${settings.workshops}), 'reminder-' || k || '@example.org',
       'released', ${registered}, ${registered}
     FROM n;`,
    `UPDATE seats SET status = 'held', released_at = NULL WHERE registration_id LIKE 'bench-rr-%';`,
  );
  const file = join(dir, 'reminders-seed.sql');
  writeFileSync(file, lines.join('\n'));
  return file;
}

export async function seedReminders(config: string, persistTo: string, file: string) {
  await d1Execute(config, persistTo, { file });
}

export interface ReminderResult {
  settings: ReminderSettings;
  due: number;
  /** Reminders handed to the transport (outbox rows kind='reminder', status 'sent'). */
  sent: number;
  /** …of which before their workshop started. */
  sentInTime: number;
  /** Cron runs triggered (each at the previous "now" + 15 min). */
  runs: number;
  /** Whether all were handed over; if not, why the run stopped. */
  done: boolean;
  stoppedBecause: 'all sent' | 'all workshops started' | 'time budget spent';
  /** Wall time from the first trigger until the last reminder was handed over (or the stop). */
  wallSeconds: number;
  /** Simulated time the cron needed: runs × 15 min. */
  cronHours: number;
  /** Handed over by the first run alone. */
  sentByFirstRun: number;
  /** If not done: the runs all would take at the rate seen (sent ÷ runs), and that in cron hours. */
  runsNeeded: number;
  cronHoursNeeded: number;
  /** Median wall time of one run, ms. */
  runMsMedian: number;
  /** Wall time of all runs together (without the waits between them), s. */
  runSecondsTotal: number;
  /** What the cron asked of D1 in all runs, and per reminder handed over. */
  d1: D1Tally;
  d1PerReminder: { roundTrips: number; statements: number };
}

interface Counts {
  sent: number;
  sentInTime: number;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok)
    throw new Error(
      `${init?.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as T;
}

const counts = (dev: Dev) => getJson<Counts>(`${dev.url}/__bench/reminders`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long no reminder may be handed over before the next cron run is triggered. */
const QUIET_MS = 3_000;

/**
 * (c) Runs the cron as production would (every 15 minutes of simulated time, back to back in wall
 * time) on the counting worker until every due reminder has been handed to the transport. Work a
 * run hands off (a queue consumer, once there is one) is waited for before the next run.
 */
export async function benchReminders(
  dev: Dev,
  settings: ReminderSettings,
  t0: number,
): Promise<ReminderResult> {
  const lastStart = t0 + 24 * HOUR;
  await getJson(`${dev.url}/__bench/d1?reset=1`);
  const runMs: number[] = [];
  const start = performance.now();
  let lastProgressAt = start;
  let current: Counts = { sent: 0, sentInTime: 0 };
  let sentByFirstRun = 0;
  let runs = 0;
  let stoppedBecause: ReminderResult['stoppedBecause'] = 'time budget spent';
  for (;;) {
    const now = t0 + runs * CRON_INTERVAL_MS;
    if (now >= lastStart) {
      stoppedBecause = 'all workshops started';
      break;
    }
    if ((performance.now() - start) / 1000 > settings.budgetSeconds) break;
    const runStart = performance.now();
    await getJson(`${dev.url}/api/v1/dev/scheduled?time=${now}`, { method: 'POST' });
    runMs.push(performance.now() - runStart);
    runs++;
    // Anything still being handed over after the run answered (asynchronously: the mail queue's
    // consumers) is waited for, until nothing moved for QUIET_MS: in production the next run comes
    // 15 real minutes later, not a moment later as here.
    let quietSince = performance.now();
    for (;;) {
      const next = await counts(dev);
      if (next.sent > current.sent) {
        current = next;
        lastProgressAt = quietSince = performance.now();
      }
      if (current.sent >= settings.registrations) break;
      if (performance.now() - quietSince >= QUIET_MS) break;
      await sleep(100);
    }
    if (runs === 1) sentByFirstRun = current.sent;
    if (current.sent >= settings.registrations) {
      stoppedBecause = 'all sent';
      break;
    }
  }
  const { all } = await getJson<{ all: D1Tally }>(`${dev.url}/__bench/d1`);
  const wallSeconds =
    ((stoppedBecause === 'all sent' ? lastProgressAt : performance.now()) - start) / 1000;
  runMs.sort((a, b) => a - b);
  return {
    settings,
    due: settings.registrations,
    sent: current.sent,
    sentInTime: current.sentInTime,
    runs,
    done: stoppedBecause === 'all sent',
    stoppedBecause,
    wallSeconds,
    cronHours: (runs * CRON_INTERVAL_MS) / HOUR,
    sentByFirstRun,
    runsNeeded:
      current.sent > 0 ? Math.ceil(settings.registrations / (current.sent / runs)) : Infinity,
    cronHoursNeeded:
      current.sent > 0
        ? (Math.ceil(settings.registrations / (current.sent / runs)) * CRON_INTERVAL_MS) / HOUR
        : Infinity,
    runMsMedian: runMs[Math.floor(runMs.length / 2)] ?? NaN,
    runSecondsTotal: runMs.reduce((sum, ms) => sum + ms, 0) / 1000,
    d1: all,
    d1PerReminder: {
      roundTrips: all.roundTrips / Math.max(1, current.sent),
      statements: all.statements / Math.max(1, current.sent),
    },
  };
}
