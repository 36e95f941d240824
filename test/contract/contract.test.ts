import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as z from 'zod';
import type { RegistrationRequest } from '../../worker/contract';
import { registrationInput } from '../../worker/src/schemas/registration';

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
