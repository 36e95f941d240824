import {
  DEMO_SERIES_SLUG,
  PAST_SERIES_SLUG,
  demoParticipants,
  demoRegistrants,
  demoSeries,
  demoWorkshops,
  pastSeries,
  pastWorkshops,
  type DemoWorkshop,
} from './content';

interface AdminWorkshop {
  id: string;
  title: { sk: string };
  startsAt: string;
}

interface AdminRegistration {
  id: string;
  email: string;
  workshopIds: string[];
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
  admin?: boolean,
  headers?: Record<string, string>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of our own API
) => Promise<any>;

/**
 * Seeds the demo through the admin and public API (the same code organizers and registrants use):
 * the demo series with registrations in every state and organization type, and a past series the
 * admin page shows archived. Idempotent: existing series are updated, existing workshops kept (a
 * demo workshop that has already started is moved back into the coming weeks), and nobody who is
 * already registered is registered or cancelled again.
 */
export async function seedDemo(base: string, adminToken: string, now = Date.now()): Promise<void> {
  const call: Call = async (method, path, body, admin = true, headers = {}) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(admin ? { authorization: `Bearer ${adminToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    }
    return json;
  };

  await call('PUT', `/admin/series/${PAST_SERIES_SLUG}`, pastSeries);
  await seedWorkshops(call, PAST_SERIES_SLUG, pastWorkshops(now), now, false);

  await call('PUT', `/admin/series/${DEMO_SERIES_SLUG}`, demoSeries);
  const ids = await seedWorkshops(call, DEMO_SERIES_SLUG, demoWorkshops(now), now, true);
  const byTitle = (prefix: string) => ids.get([...ids.keys()].find((t) => t.startsWith(prefix))!)!;
  const nearlyFull = demoWorkshops(now)
    .filter((w) => w.capacity <= demoParticipants.length + 1)
    .map((w) => ids.get(w.title.sk)!);

  const registered = new Set(
    (
      (await call('GET', `/admin/series/${DEMO_SERIES_SLUG}/registrations`)) as {
        registrations: AdminRegistration[];
      }
    ).registrations.map((r) => r.email),
  );
  const people = [
    ...demoParticipants.map((person) => ({ person, workshopIds: nearlyFull, then: 'confirm' })),
    ...demoRegistrants.map(({ person, workshops, then }) => ({
      person,
      workshopIds: workshops.map(byTitle),
      then,
    })),
  ].filter(({ person }) => !registered.has(person.email));
  for (const [index, { person, workshopIds }] of people.entries()) {
    await call(
      'POST',
      `/series/${DEMO_SERIES_SLUG}/registrations`,
      { ...person, workshopIds, locale: 'sk' },
      false,
      // Each demo person registers from a network of their own (TEST-NET-2), as people do: from
      // one address they would soon meet the cap on unconfirmed registrations per network.
      { 'cf-connecting-ip': `198.51.100.${index + 1}` },
    );
  }
  await confirmThroughOutbox(
    base,
    people.filter((p) => p.then !== 'nothing').map((p) => p.person.email),
  );
  await cancelOnBehalf(
    call,
    people.filter((p) => p.then === 'cancel').map((p) => p.person.email),
  );
}

/** Creates the workshops a series lacks (by Slovak title); returns every one's id by title. */
async function seedWorkshops(
  call: Call,
  slug: string,
  workshops: DemoWorkshop[],
  now: number,
  keepAhead: boolean,
): Promise<Map<string, string>> {
  const existing: AdminWorkshop[] = (await call('GET', `/admin/series/${slug}`)).workshops;
  const ids = new Map<string, string>();
  for (const workshop of workshops) {
    const found = existing.find((w) => w.title.sk === workshop.title.sk);
    if (!found) {
      const created = await call('POST', `/admin/series/${slug}/workshops`, workshop);
      ids.set(workshop.title.sk, created.workshop.id);
      continue;
    }
    ids.set(workshop.title.sk, found.id);
    if (keepAhead && Date.parse(found.startsAt) <= now) {
      const { startsAt, endsAt, registrationClosesAt } = workshop;
      await call('PATCH', `/admin/workshops/${found.id}`, {
        startsAt,
        endsAt,
        registrationClosesAt: registrationClosesAt ?? startsAt,
      });
    }
  }
  return ids;
}

/**
 * Registrations are pending until confirmed by e-mail. These people confirm with the tokens of
 * the links in the development outbox, posting them the way the button on the confirm page does
 * (opening the link only shows that page), so their seats stay taken beyond the hold.
 */
async function confirmThroughOutbox(base: string, emails: string[]): Promise<void> {
  const outbox = await fetch(`${base}/api/v1/dev/outbox`);
  if (!outbox.ok) return; // not a development environment: nothing to read
  const { messages } = (await outbox.json()) as {
    messages: { kind: string; to: string; text: string }[];
  };
  const addresses = new Set(emails);
  for (const message of messages) {
    if (message.kind !== 'confirm_request' || !addresses.has(message.to)) continue;
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

/** The organizer cancels these people's seats for them (they are told by e-mail). */
async function cancelOnBehalf(call: Call, emails: string[]): Promise<void> {
  if (emails.length === 0) return;
  const { registrations } = (await call(
    'GET',
    `/admin/series/${DEMO_SERIES_SLUG}/registrations`,
  )) as { registrations: AdminRegistration[] };
  for (const r of registrations) {
    if (emails.includes(r.email) && r.workshopIds.length > 0) {
      await call('POST', `/admin/registrations/${r.id}/cancel`, {});
    }
  }
}
