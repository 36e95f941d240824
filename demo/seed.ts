import { DEMO_SERIES_SLUG, demoParticipants, demoSeries, demoWorkshops } from './content';

interface AdminWorkshop {
  id: string;
  title: { sk: string };
  startsAt: string;
  capacity: number;
  seatsTaken: number;
}

/**
 * Seeds the demo series through the admin and public API (the same code organizers and
 * registrants use). Idempotent: an existing series is updated, existing workshops are kept, and a
 * demo workshop that has already started is moved back into the coming weeks.
 */
export async function seedDemo(base: string, adminToken: string, now = Date.now()): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of our own API
  const call = async (method: string, path: string, body?: unknown, admin = true): Promise<any> => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(admin ? { authorization: `Bearer ${adminToken}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    }
    return json;
  };

  await call('PUT', `/admin/series/${DEMO_SERIES_SLUG}`, demoSeries);
  const existing: AdminWorkshop[] = (await call('GET', `/admin/series/${DEMO_SERIES_SLUG}`))
    .workshops;
  const nearlyFull: string[] = [];
  for (const workshop of demoWorkshops(now)) {
    const found = existing.find((w) => w.title.sk === workshop.title.sk);
    let id = found?.id;
    if (!found) {
      id = (await call('POST', `/admin/series/${DEMO_SERIES_SLUG}/workshops`, workshop)).workshop
        .id;
    } else if (Date.parse(found.startsAt) <= now) {
      const { startsAt, endsAt, registrationClosesAt } = workshop;
      await call('PATCH', `/admin/workshops/${found.id}`, {
        startsAt,
        endsAt,
        registrationClosesAt: registrationClosesAt ?? startsAt,
      });
    }
    if (workshop.capacity === demoParticipants.length + 1) nearlyFull.push(id!);
  }
  // The same address never takes a second seat, so registering them again is harmless.
  for (const person of demoParticipants) {
    await call(
      'POST',
      `/series/${DEMO_SERIES_SLUG}/registrations`,
      { ...person, workshopIds: nearlyFull, locale: 'sk' },
      false,
    );
  }
  await confirmDemoParticipants(base);
}

/**
 * Registrations are pending until confirmed by e-mail. The demo participants confirm with the
 * tokens of the links in the development outbox, posting them the way the button on the confirm
 * page does (opening the link only shows that page), so their seats stay taken beyond the 24-hour
 * hold.
 */
async function confirmDemoParticipants(base: string): Promise<void> {
  const outbox = await fetch(`${base}/api/v1/dev/outbox`);
  if (!outbox.ok) return; // not a development environment: nothing to read
  const { messages } = (await outbox.json()) as {
    messages: { kind: string; to: string; text: string }[];
  };
  const demoAddresses = new Set<string>(demoParticipants.map((p) => p.email));
  for (const message of messages) {
    if (message.kind !== 'confirm_request' || !demoAddresses.has(message.to)) continue;
    const token = /https?:\/\/\S+\/api\/v1\/registrations\/confirm\?token=([\w-]+)/.exec(
      message.text,
    )?.[1];
    if (!token) continue;
    const confirmed = await fetch(`${base}/api/v1/registrations/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    await confirmed.arrayBuffer();
  }
}
