import { Agent } from 'node:http';
import { keepAliveAgent, percentile, send, type Reply } from '../lib/load';

export interface RushSettings {
  registrations: number;
  clients: number;
  workshops: number;
  capacity: number;
}

export interface HeldSeats {
  id: string;
  capacity: number;
  held: number;
}

export interface RushResult {
  requests: number;
  /** 201 */
  accepted: number;
  /** 409 workshop_full */
  refusedFull: number;
  /** 5xx or a network failure (reset, timeout). */
  errors: number;
  /** What the errors said (distinct bodies, shortened), to tell their causes apart. */
  errorKinds: Record<string, number>;
  /** Any other answer (429, other 409s, 4xx), by status. */
  other: Record<string, number>;
  p50: number;
  p99: number;
  seconds: number;
  requestsPerSecond: number;
  acceptedPerSecond: number;
  /** Held seats per workshop, counted in D1 afterwards. */
  seats: HeldSeats[];
  /** Seats held beyond capacity, summed over the workshops. */
  oversold: number;
  /** Seats the 201 answers promised. */
  seatsAccepted: number;
  /** Held seats no 201 answered for (the write happened, the answer was lost): ≥ 0. */
  seatsWithoutAnswer: number;
}

/** A small seeded PRNG (mulberry32): every run and every worker gets the same registrations. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface Registration {
  client: number;
  body: string;
  seats: number;
}

/**
 * The registrations of the rush: each one a distinct address and 1–2 of the workshops, dealt
 * round-robin to the clients (so each client sends its share one after another, like a person).
 */
export function rushPlan(settings: RushSettings, workshopIds: readonly string[], tag: string) {
  const next = random(11);
  const plan: Registration[] = [];
  for (let k = 0; k < settings.registrations; k++) {
    const first = Math.floor(next() * workshopIds.length);
    const chosen = [workshopIds[first]!];
    if (next() < 0.5)
      chosen.push(
        workshopIds[
          (first + 1 + Math.floor(next() * (workshopIds.length - 1))) % workshopIds.length
        ]!,
      );
    plan.push({
      client: k % settings.clients,
      seats: chosen.length,
      body: JSON.stringify({
        givenName: 'Rush',
        familyName: `Registrant ${k}`,
        email: `rush-${tag}-${k}@example.org`,
        organizationType: 'municipality',
        organization: 'Mesto Benchmark',
        role: '',
        workshopIds: chosen,
        locale: 'sk',
      }),
    });
  }
  return plan;
}

/** Each simulated client has its own address (198.18.0.0/15 is reserved for benchmarks). */
const clientIp = (client: number) => `198.18.${client >> 8}.${client & 255}`;

const errorKind = (reply: Reply) =>
  `${reply.status || 'network'}: ${(reply.body ?? '').replace(/\s+/g, ' ').slice(0, 120)}`;

/**
 * (b) The registration rush: `clients` concurrent clients, each on its own connection and address,
 * send the plan's registrations. Afterwards the held seats are counted in the database itself.
 */
export async function rush(
  base: string,
  slug: string,
  plan: readonly Registration[],
  countHeld: () => Promise<HeldSeats[]>,
  /**
   * A new connection for every request (`Connection: close`) instead of one kept-alive connection
   * per client: workerd drops some kept-alive connections under this load (lib/direct.ts).
   */
  connectionPerRequest = false,
): Promise<RushResult> {
  const replies: (Reply & { seats: number })[] = [];
  const byClient = new Map<number, Registration[]>();
  for (const r of plan) byClient.set(r.client, [...(byClient.get(r.client) ?? []), r]);
  const start = performance.now();
  await Promise.all(
    [...byClient].map(async ([client, registrations]) => {
      const agent = connectionPerRequest
        ? new Agent({ keepAlive: false, maxSockets: 1 })
        : keepAliveAgent(1);
      for (const r of registrations) {
        const reply = await send(base, agent, {
          method: 'POST',
          path: `/api/v1/series/${slug}/registrations`,
          headers: {
            'cf-connecting-ip': clientIp(client),
            ...(connectionPerRequest && { connection: 'close' }),
          },
          body: r.body,
          keepBody: true,
        });
        replies.push({ ...reply, seats: r.seats });
      }
      agent.destroy();
    }),
  );
  const seconds = (performance.now() - start) / 1000;

  const accepted = replies.filter((r) => r.status === 201);
  const full = replies.filter((r) => r.status === 409 && r.body?.includes('workshop_full'));
  const failed = replies.filter((r) => r.status === 0 || r.status >= 500);
  const errorKinds: Record<string, number> = {};
  for (const r of failed) errorKinds[errorKind(r)] = (errorKinds[errorKind(r)] ?? 0) + 1;
  const other: Record<string, number> = {};
  for (const r of replies) {
    if (accepted.includes(r) || full.includes(r) || failed.includes(r)) continue;
    other[r.status] = (other[r.status] ?? 0) + 1;
  }
  const sorted = replies.map((r) => r.ms).sort((a, b) => a - b);
  const seats = await countHeld();
  const held = seats.reduce((sum, w) => sum + w.held, 0);
  const seatsAccepted = accepted.reduce((sum, r) => sum + r.seats, 0);
  return {
    requests: replies.length,
    accepted: accepted.length,
    refusedFull: full.length,
    errors: failed.length,
    errorKinds,
    other,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    seconds,
    requestsPerSecond: replies.length / seconds,
    acceptedPerSecond: accepted.length / seconds,
    seats,
    oversold: seats.reduce((sum, w) => sum + Math.max(0, w.held - w.capacity), 0),
    seatsAccepted,
    seatsWithoutAnswer: Math.max(0, held - seatsAccepted),
  };
}
