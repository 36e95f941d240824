import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as z from 'zod';
import {
  normalizeOrigin,
  type AdminSeriesRequest,
  type AdminWorkshopRequest,
  type CancelRegistrationRequest,
  type RegistrationRequest,
  type ResendJoinLinkRequest,
} from '../../worker/contract';
import { cancelRegistrationInput, resendJoinLinkInput } from '../../worker/src/schemas/admin';
import { registrationInput } from '../../worker/src/schemas/registration';
import { seriesInput } from '../../worker/src/schemas/series';
import { workshopInput, workshopPatch } from '../../worker/src/schemas/workshop';

/**
 * The contract's request type and the worker's zod schema describe the same body: whatever the
 * widget may send, the schema's input type accepts, and whatever the schema lets through fits the
 * contract. `tsc -p test` fails here when one side changes without the other.
 */
type Assignable<From, To> = [From] extends [To] ? true : false;
const requestFitsSchema: Assignable<RegistrationRequest, z.input<typeof registrationInput>> = true;
const schemaFitsRequest: Assignable<z.output<typeof registrationInput>, RegistrationRequest> = true;
type KeysOf<T> = keyof T & string;
const sameFields: Assignable<
  KeysOf<RegistrationRequest>,
  KeysOf<z.output<typeof registrationInput>>
> &
  Assignable<KeysOf<z.output<typeof registrationInput>>, KeysOf<RegistrationRequest>> = true;

test('a request typed by the contract passes the worker schema unchanged', () => {
  assert.ok(requestFitsSchema && schemaFitsRequest && sameFields);
  const request: RegistrationRequest = {
    givenName: 'Jana',
    familyName: 'Nováková',
    email: 'jana@example.org',
    organizationType: 'municipality',
    organization: 'Mesto Trnava',
    role: '',
    workshopIds: ['a', 'b'],
    locale: 'sk',
  };
  const parsed = registrationInput.parse(request);
  assert.deepEqual(parsed, request);
});

/** The admin contract's request bodies against the worker's schemas, the same way. */
type AdminSeriesRequestFits = Assignable<AdminSeriesRequest, z.input<typeof seriesInput>>;
type AdminWorkshopRequestFits = Assignable<AdminWorkshopRequest, z.input<typeof workshopInput>>;
type AdminWorkshopPatchFits = Assignable<
  Partial<AdminWorkshopRequest>,
  z.input<typeof workshopPatch>
>;
type CancelRequestFits = Assignable<
  CancelRegistrationRequest,
  z.input<typeof cancelRegistrationInput>
>;
type ResendRequestFits = Assignable<ResendJoinLinkRequest, z.input<typeof resendJoinLinkInput>>;
const adminRequestsFit: AdminSeriesRequestFits &
  AdminWorkshopRequestFits &
  AdminWorkshopPatchFits &
  CancelRequestFits &
  ResendRequestFits = true;
const adminSameFields: Assignable<
  KeysOf<AdminSeriesRequest>,
  KeysOf<z.output<typeof seriesInput>>
> &
  Assignable<KeysOf<z.output<typeof seriesInput>>, KeysOf<AdminSeriesRequest>> &
  Assignable<KeysOf<AdminWorkshopRequest>, KeysOf<z.output<typeof workshopInput>>> &
  Assignable<KeysOf<z.output<typeof workshopInput>>, KeysOf<AdminWorkshopRequest>> = true;

test('an admin request typed by the contract passes the worker schemas', () => {
  assert.ok(adminRequestsFit && adminSameFields);
  const series: AdminSeriesRequest = {
    title: { sk: 'Len po slovensky' },
    privacyUrl: 'https://example.gov.sk/privacy',
    organizer: { name: 'Obec', email: 'obec@example.sk' },
    allowedOrigins: ['https://www.obec.sk/'],
  };
  assert.deepEqual(seriesInput.parse(series), {
    ...series,
    title: { sk: 'Len po slovensky', en: '' },
    allowedOrigins: ['https://www.obec.sk'],
  });
  const workshop: AdminWorkshopRequest = {
    title: { sk: 'Workshop' },
    startsAt: '2026-12-04T10:00:00+01:00',
    endsAt: '2026-12-04T12:00:00+01:00',
    capacity: 30,
    joinUrl: 'https://meet.example.gov.sk/x',
  };
  assert.equal(workshopInput.parse(workshop).title.en, '');
});

test('the origin rule the admin page shares with the API', () => {
  assert.equal(normalizeOrigin('HTTPS://Www.Obec.SK:443/'), 'https://www.obec.sk');
  assert.equal(normalizeOrigin('http://localhost:5173'), 'http://localhost:5173');
  for (const bad of ['http://www.obec.sk', 'https://www.obec.sk/x', 'https://*.sk', 'obec.sk']) {
    assert.equal(normalizeOrigin(bad), null, bad);
  }
});
