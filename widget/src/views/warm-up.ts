import { render } from 'lit';
import type { Workshop } from '../api.js';
import { emptyForm } from '../form-model.js';
import type { FormContext } from './context.js';
import { registrationForm, type RegistrationForm } from './form.js';
import { frame, seriesView } from './frame.js';

/**
 * Renders the form once, with a made-up workshop, into an element no page shows, as the script
 * runs: while the list request it started first is out (early-load.ts), not after the answer.
 *
 * Lit prepares each template the first time it renders it (parses its HTML, finds its parts) and
 * the engine compiles each function the first time it runs: about two thirds of the list's first
 * render (`npm run bench:widget-cpu`). None of that depends on the answer, so it is done now, and
 * the answer meets templates and code that are ready. Templates are shared by every element in
 * the page, so this is done once per page.
 */
export function warmUp(): void {
  const form = {
    locale: 'sk',
    level: 2,
    values: emptyForm(),
    errors: {},
  } as unknown as FormContext;
  const workshop = {
    id: '',
    title: {},
    description: { sk: '-' },
    when: {},
    seatsLeft: 1,
    registrationOpen: true,
  } as unknown as Workshop;
  const body = registrationForm({ form, workshops: [workshop], person: true } as RegistrationForm);
  render(frame('', 'sk', '', seriesView(2, '', body)), document.createElement('div'));
}
