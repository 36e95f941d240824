import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { MAX_LINKS, emptyLink, type ExtrasValues } from '../workshop-extras-model.js';
import { checkbox, field } from './form.js';

export interface ExtrasFieldsOptions {
  values: ExtrasValues;
  errorFor: (id: string) => string | undefined;
  set: (patch: Partial<ExtrasValues>) => void;
  /** After "Add another link": focus goes to the new link's first field. */
  linkAdded: (index: number) => void;
}

const radio = (id: string, label: string, checked: boolean, on: () => void) =>
  html`<div class="checkbox">
    <input type="radio" id=${id} name="waitlist-mode" .checked=${checked} @change=${on} />
    <label for=${id}>${label}</label>
  </div>`;

function waitlistFields(o: ExtrasFieldsOptions) {
  const v = o.values;
  return html`<fieldset>
    <legend>${msg('Waiting list')}</legend>
    ${checkbox('waitlist', msg('Let people join a waiting list when it is full'), v.waitlist, (c) =>
      o.set({ waitlist: c }),
    )}
    ${
      v.waitlist
        ? html`<fieldset>
            <legend>${msg('When a seat is freed')}</legend>
            <div class="radios">
              ${radio(
                'waitlist-auto',
                msg('Move the first in line in automatically (they are told by email)'),
                v.waitlistMode === 'auto',
                () => o.set({ waitlistMode: 'auto' }),
              )}
              ${radio(
                'waitlist-offer',
                msg('Offer the seat to the first in line by email, to accept within a set time'),
                v.waitlistMode === 'offer',
                () => o.set({ waitlistMode: 'offer' }),
              )}
            </div>
          </fieldset>`
        : nothing
    }
    ${
      v.waitlist && v.waitlistMode === 'offer'
        ? field({
            id: 'offer-hours',
            label: msg('The offer waits for (hours)'),
            value: v.offerHours,
            error: o.errorFor('offer-hours'),
            narrow: true,
            hint: msg('Not accepted in time, the seat is offered to the next in line.'),
            onInput: (x) => o.set({ offerHours: x }),
          })
        : nothing
    }
  </fieldset>`;
}

function linkFields(o: ExtrasFieldsOptions, i: number) {
  const l = o.values.links[i]!;
  const update = (patch: object) =>
    o.set({ links: o.values.links.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return html`<fieldset>
    <legend>${msg(str`Link ${i + 1} (optional)`)}</legend>
    ${field({
      id: `link-label-sk-${i}`,
      label: msg('Name of the link in Slovak'),
      value: l.labelSk,
      lang: 'sk',
      error: o.errorFor(`link-label-sk-${i}`),
      onInput: (x) => update({ labelSk: x }),
    })}
    ${field({
      id: `link-label-en-${i}`,
      label: msg('Name of the link in English (optional)'),
      value: l.labelEn,
      lang: 'en',
      error: o.errorFor(`link-label-en-${i}`),
      onInput: (x) => update({ labelEn: x }),
    })}
    ${field({
      id: `link-url-${i}`,
      label: msg('Address of the link'),
      value: l.url,
      type: 'url',
      error: o.errorFor(`link-url-${i}`),
      onInput: (x) => update({ url: x }),
    })}
  </fieldset>`;
}

function followUpFields(o: ExtrasFieldsOptions) {
  const v = o.values;
  const addLink = () => {
    o.set({ links: [...v.links, emptyLink()] });
    o.linkAdded(v.links.length);
  };
  return html`<fieldset>
    <legend>${msg('Follow-up after the workshop')}</legend>
    ${checkbox('followup', msg('Send a follow-up message after the workshop'), v.followUp, (c) =>
      o.set({ followUp: c }),
    )}
    ${
      v.followUp
        ? html`<p class="hint">
              ${msg(
                'Sent once by email to everyone confirmed, never to those who cancelled. Plain text: for example thanks, what comes next, and links to the materials and a feedback form.',
              )}
            </p>
            ${field({
              id: 'followup-sk',
              label: msg('Message in Slovak'),
              value: v.followUpSk,
              lang: 'sk',
              multiline: true,
              error: o.errorFor('followup-sk'),
              onInput: (x) => o.set({ followUpSk: x }),
            })}
            ${field({
              id: 'followup-en',
              label: msg('Message in English (optional)'),
              value: v.followUpEn,
              lang: 'en',
              multiline: true,
              hint: msg('Left empty, everyone gets the Slovak message.'),
              error: o.errorFor('followup-en'),
              onInput: (x) => o.set({ followUpEn: x }),
            })}
            ${v.links.map((_, i) => linkFields(o, i))}
            ${
              v.links.length < MAX_LINKS
                ? html`<button type="button" class="button--secondary" @click=${addLink}>
                    ${msg('Add another link')}
                  </button>`
                : nothing
            }
            ${field({
              id: 'after-hours',
              label: msg('Send it (hours after the end)'),
              value: v.afterHours,
              narrow: true,
              hint: msg('For example 2: two hours after the workshop ends.'),
              error: o.errorFor('after-hours'),
              onInput: (x) => o.set({ afterHours: x }),
            })}`
        : nothing
    }
  </fieldset>`;
}

/** The workshop form's waiting-list and follow-up settings (issue 12). */
export const extrasFields = (o: ExtrasFieldsOptions) =>
  html`${waitlistFields(o)} ${followUpFields(o)}`;
