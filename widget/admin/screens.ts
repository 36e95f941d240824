import { html } from 'lit';
import { msg } from '@lit/localize';
import type { AdminApi } from './api.js';
import type { AdminLocale } from './localization.js';
import type { Route } from './routes.js';
import './audit-log.js';
import './cancel-workshop.js';
import './embed-configurator.js';
import './home.js';
import './registration-detail.js';
import './registrations.js';
import './series-form.js';
import './series-page.js';
import './waitlist.js';
import './workshop-form.js';

/**
 * The screen for a route. Each is a fresh element (keyed by the route), so it loads what it shows
 * when it opens and nothing of the previous screen lingers.
 */
export function screenFor(route: Route, api: AdminApi, locale: AdminLocale) {
  switch (route.name) {
    case 'home':
      return html`<ws-admin-home .api=${api} locale=${locale}></ws-admin-home>`;
    case 'series-new':
      return html`<ws-admin-series-form .api=${api} locale=${locale}></ws-admin-series-form>`;
    case 'series-edit':
      return html`<ws-admin-series-form
        .api=${api}
        locale=${locale}
        slug=${route.slug}
      ></ws-admin-series-form>`;
    case 'series':
      return html`<ws-admin-series-page
        .api=${api}
        locale=${locale}
        slug=${route.slug}
      ></ws-admin-series-page>`;
    case 'workshop-new':
      return html`<ws-admin-workshop-form
        .api=${api}
        locale=${locale}
        slug=${route.slug}
      ></ws-admin-workshop-form>`;
    case 'workshop-edit':
      return html`<ws-admin-workshop-form
        .api=${api}
        locale=${locale}
        slug=${route.slug}
        workshopId=${route.id}
      ></ws-admin-workshop-form>`;
    case 'workshop-cancel':
      return html`<ws-admin-cancel-workshop
        .api=${api}
        locale=${locale}
        slug=${route.slug}
        workshopId=${route.id}
      ></ws-admin-cancel-workshop>`;
    case 'workshop-waitlist':
      return html`<ws-admin-waitlist
        .api=${api}
        locale=${locale}
        slug=${route.slug}
        workshopId=${route.id}
      ></ws-admin-waitlist>`;
    case 'registrations':
      return html`<ws-admin-registrations
        .api=${api}
        locale=${locale}
        slug=${route.slug}
        workshop=${route.workshop ?? ''}
      ></ws-admin-registrations>`;
    case 'registration':
      return html`<ws-admin-registration-detail
        .api=${api}
        locale=${locale}
        slug=${route.slug}
        registrationId=${route.id}
      ></ws-admin-registration-detail>`;
    case 'embed':
      return html`<ws-admin-embed-configurator
        .api=${api}
        locale=${locale}
        series=${route.series ?? ''}
      ></ws-admin-embed-configurator>`;
    case 'audit':
      return html`<ws-admin-audit-log
        .api=${api}
        locale=${locale}
        series=${route.series ?? ''}
      ></ws-admin-audit-log>`;
    default:
      return html`<h1 tabindex="-1">${msg('Page not found')}</h1>
        <p><a href="#/">${msg('Go to the list of series')}</a></p>`;
  }
}

/** The document title's first part for each screen. */
export function titleFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return msg('Workshop series');
    case 'series-new':
      return msg('Create a series');
    case 'series-edit':
      return msg('Edit the series');
    case 'series':
      return `${msg('Series')} ${route.slug}`;
    case 'workshop-new':
      return msg('Add a workshop');
    case 'workshop-edit':
      return msg('Edit the workshop');
    case 'workshop-cancel':
      return msg('Cancel the workshop');
    case 'workshop-waitlist':
      return msg('Waiting list');
    case 'registrations':
      return msg('Registrations');
    case 'registration':
      return msg('Registration');
    case 'embed':
      return msg('Embed on a website');
    case 'audit':
      return msg('Audit log');
    default:
      return msg('Page not found');
  }
}
