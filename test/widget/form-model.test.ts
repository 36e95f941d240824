import { expect } from '@open-wc/testing';
import type { Locale } from '../../widget/src/api.js';
import {
  FIELD_ORDER,
  MAX_LENGTH,
  ORGANIZATION_TYPES,
  emptyForm,
  errorMessage,
  fieldLabel,
  organizationRequired,
  organizationTypeLabel,
  validate,
  type FormValues,
} from '../../widget/src/form-model.js';
import { getLocale, useLocale } from '../../widget/src/localization.js';
import { ACCEPTED_EMAILS, REFUSED_EMAILS } from '../support/email-addresses.js';

const valid = (overrides: Partial<FormValues> = {}): FormValues => ({
  givenName: 'Jana',
  familyName: 'Nováková',
  email: 'jana.novakova@example.org',
  organizationType: 'municipality',
  organization: 'Mesto Trnava',
  role: '',
  workshopIds: ['w1'],
  ...overrides,
});

let initialLocale: Locale;
before(() => {
  initialLocale = getLocale() as Locale;
});
afterEach(() => useLocale(initialLocale));

describe('validate', () => {
  it('accepts a complete form', () => {
    expect(validate(valid())).to.deep.equal({});
  });

  it('reports every required field of an empty form', () => {
    expect(validate(emptyForm())).to.deep.equal({
      workshopIds: 'required',
      givenName: 'required',
      familyName: 'required',
      email: 'required',
      organizationType: 'required',
      organization: 'required',
    });
  });

  it('treats a value of only spaces as missing', () => {
    expect(validate(valid({ givenName: '   ', familyName: '\t', email: '  ' }))).to.deep.equal({
      givenName: 'required',
      familyName: 'required',
      email: 'required',
    });
  });

  it('does not require the organization for the expert public only', () => {
    expect(validate(valid({ organizationType: 'expert', organization: '' }))).to.deep.equal({});
    expect(organizationRequired('expert')).to.equal(false);
    for (const type of ORGANIZATION_TYPES.filter((t) => t !== 'expert')) {
      expect(organizationRequired(type), type).to.equal(true);
      expect(validate(valid({ organizationType: type, organization: '' })), type).to.deep.equal({
        organization: 'required',
      });
    }
    // Without a type yet, the organization is asked for.
    expect(organizationRequired('')).to.equal(true);
  });

  it('checks the e-mail address the way the API does (the lists the worker tests too)', () => {
    for (const email of ACCEPTED_EMAILS) {
      expect(validate(valid({ email })), email).to.deep.equal({});
    }
    for (const email of REFUSED_EMAILS) {
      expect(validate(valid({ email })), email).to.deep.equal({ email: 'invalid_email' });
    }
  });

  it('refuses values longer than the API takes', () => {
    expect(
      validate(
        valid({
          givenName: 'a'.repeat(MAX_LENGTH.givenName + 1),
          familyName: 'a'.repeat(MAX_LENGTH.familyName),
          organization: 'a'.repeat(MAX_LENGTH.organization + 1),
          role: 'a'.repeat(MAX_LENGTH.role + 1),
        }),
      ),
    ).to.deep.equal({ givenName: 'too_long', organization: 'too_long', role: 'too_long' });
  });

  it('requires at least one workshop', () => {
    expect(validate(valid({ workshopIds: [] }))).to.deep.equal({ workshopIds: 'required' });
  });
});

describe('FIELD_ORDER', () => {
  it('is the order of the form on the page: workshops first, then the person', () => {
    expect(FIELD_ORDER).to.deep.equal([
      'workshopIds',
      'givenName',
      'familyName',
      'email',
      'organizationType',
      'organization',
      'role',
    ]);
  });
});

describe('errorMessage', () => {
  it('says in Slovak how to fix each error', async () => {
    await useLocale('sk');
    expect(errorMessage('workshopIds', 'required')).to.equal('Vyberte aspoň jeden workshop.');
    expect(errorMessage('givenName', 'required')).to.equal('Zadajte meno.');
    expect(errorMessage('familyName', 'required')).to.equal('Zadajte priezvisko.');
    expect(errorMessage('email', 'required')).to.equal('Zadajte e-mailovú adresu.');
    expect(errorMessage('email', 'invalid_email')).to.equal(
      'Zadajte e-mailovú adresu v\u00a0tvare meno@example.com.',
    );
    expect(errorMessage('organizationType', 'required')).to.equal('Vyberte typ organizácie.');
    expect(errorMessage('organization', 'required')).to.equal('Zadajte názov organizácie.');
    expect(errorMessage('givenName', 'too_long')).to.equal(
      'Pole Meno môže mať najviac 100 znakov.',
    );
    expect(errorMessage('role', 'invalid_characters')).to.equal(
      'Pole Funkcia nesmie obsahovať zalomenia riadkov ani iné riadiace znaky.',
    );
    expect(errorMessage('organization', 'something_new')).to.equal(
      'Skontrolujte pole Názov organizácie.',
    );
    expect(errorMessage('workshopIds', 'workshop_full', ['Dáta'], 'sk')).to.equal(
      'Na workshope „Dáta“ už nie sú voľné miesta. Vyberte iný workshop.',
    );
    expect(errorMessage('workshopIds', 'registration_closed', ['Dáta'], 'sk')).to.equal(
      'Registrácia na workshop „Dáta“ je už uzavretá. Vyberte iný workshop.',
    );
    expect(errorMessage('workshopIds', 'unknown_workshop')).to.equal(
      'Vybraný workshop už nie je v\u00a0ponuke. Vyberte iný workshop.',
    );
  });

  it('says in English how to fix each error', async () => {
    await useLocale('en');
    expect(errorMessage('workshopIds', 'required')).to.equal('Select at least one workshop.');
    expect(errorMessage('givenName', 'required')).to.equal('Enter your first name.');
    expect(errorMessage('email', 'invalid_email')).to.equal(
      'Enter an email address in the correct format, like name@example.com.',
    );
    expect(errorMessage('familyName', 'too_long')).to.equal(
      'Last name must be 100 characters or fewer.',
    );
    expect(errorMessage('workshopIds', 'workshop_full', ['Data'], 'en')).to.equal(
      'No seats are left in “Data”. Select another workshop.',
    );
    expect(errorMessage('workshopIds', 'registration_closed', ['A', 'B', 'C'], 'en')).to.equal(
      'Registration has closed for “A”, “B” and “C”. Select another workshop.',
    );
  });

  it('names several workshops in the Slovak plural, listed with "a"', async () => {
    await useLocale('sk');
    const titles = (n: number) => ['Dáta', 'Mobilita', 'Energia', 'Voda', 'Odpady'].slice(0, n);
    // one (1), few (2–4) and other (5+) each have their own message.
    expect(errorMessage('workshopIds', 'workshop_full', titles(2), 'sk')).to.equal(
      'Na workshopoch „Dáta“ a\u00a0„Mobilita“ už nie sú voľné miesta. Vyberte iný workshop.',
    );
    expect(errorMessage('workshopIds', 'workshop_full', titles(5), 'sk')).to.equal(
      'Na workshopoch „Dáta“, „Mobilita“, „Energia“, „Voda“ a\u00a0„Odpady“ už nie sú voľné miesta. ' +
        'Vyberte iný workshop.',
    );
    expect(errorMessage('workshopIds', 'registration_closed', titles(3), 'sk')).to.equal(
      'Registrácia na workshopy „Dáta“, „Mobilita“ a\u00a0„Energia“ je už uzavretá. Vyberte iný workshop.',
    );
    expect(errorMessage('workshopIds', 'registration_closed', titles(5), 'sk')).to.equal(
      'Registrácia na workshopy „Dáta“, „Mobilita“, „Energia“, „Voda“ a\u00a0„Odpady“ je už uzavretá. ' +
        'Vyberte iný workshop.',
    );
  });
});

describe('labels', () => {
  it('names the fields and organization types in both languages', async () => {
    await useLocale('sk');
    expect(
      ['givenName', 'familyName', 'email', 'organizationType', 'organization', 'role'].map((f) =>
        fieldLabel(f as keyof FormValues),
      ),
    ).to.deep.equal([
      'Meno',
      'Priezvisko',
      'E-mailová adresa',
      'Typ organizácie',
      'Názov organizácie',
      'Funkcia',
    ]);
    expect(ORGANIZATION_TYPES.map(organizationTypeLabel)).to.deep.equal([
      'Obec, mesto alebo mestská časť',
      'Samosprávny kraj (VÚC)',
      'Univerzita alebo výskumná inštitúcia',
      'Štátna inštitúcia',
      'Odborná verejnosť',
      'Inovatívny podnik alebo firma',
      'Iné',
    ]);
    await useLocale('en');
    expect(fieldLabel('email')).to.equal('Email address');
    expect(organizationTypeLabel('expert')).to.equal('Expert public');
  });
});
