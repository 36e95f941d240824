/**
 * The admin API's wire format, continued (see admin-api.ts, which re-exports this file): the
 * people registered, their messages, exports and the audit log. Types only.
 */
import type { Locale } from './public-api';
import type { OrganizationType } from './registration-rules';

// ---------------------------------------------------------------------------------------------
// Registrations

export type RegistrationStatus = 'pending' | 'confirmed' | 'cancelled' | 'expired';

/**
 * The join-link reminder for one seat: `not_due` (not queued yet: before the window, or the seat
 * is not confirmed), `queued` (waiting or being sent), `sent`, `failed` (see the messages list).
 */
export type ReminderState = 'not_due' | 'queued' | 'sent' | 'failed';

export interface AdminSeat {
  workshopId: string;
  /** `released`: cancelled (by whom ever) or expired. */
  status: 'held' | 'released';
  reminder: ReminderState;
  /** The series' second, short reminder (issue 12); `not_due` when the series has none. */
  secondReminder?: ReminderState;
  /** The workshop's follow-up (issue 12); `not_due` when it has none or it is not time yet. */
  followUp?: ReminderState;
}

export interface AdminRegistration {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  organizationType: OrganizationType;
  organization: string;
  role: string;
  locale: Locale;
  status: RegistrationStatus;
  createdAt: string;
  confirmedAt: string | null;
  /** Workshops it holds a seat in now. */
  workshopIds: string[];
  /** Every seat it ever had in this series, held or released. */
  seats: AdminSeat[];
}

/**
 * `GET /api/v1/admin/series/:slug/registrations?workshop=&q=&status=`, oldest first.
 * `workshop`: only those with a seat (held or released) in it; `q`: words that must all appear in
 * the name, e-mail, organization or role (case and diacritics ignored: "novakova" finds
 * "Nováková"); `status`: one of `RegistrationStatus`.
 */
export interface AdminRegistrationsResponse {
  registrations: AdminRegistration[];
}

export type MessageKind =
  | 'confirm_request'
  | 'confirmed'
  | 'already_registered'
  | 'cancelled'
  | 'reminder'
  | 'workshop_changed'
  | 'workshop_cancelled'
  /** Moved in from the waiting list (issue 12). */
  | 'promoted'
  /** A seat offered from the waiting list, to accept by a deadline. */
  | 'offer'
  /** The series' second, short reminder. */
  | 'reminder_short'
  /** The organizer's follow-up after the workshop. */
  | 'followup'
  /** To the confirmed people in line of a cancelled workshop. */
  | 'line_cancelled'
  /** An offered seat not accepted yet, before the offer runs out. */
  | 'offer_reminder';

/** A message's delivery state, without its text. */
export interface AdminMessage {
  id: string;
  kind: MessageKind;
  registrationId: string;
  workshopId: string | null;
  to: string;
  /** `dropped`: no longer true when it was due (see `dropReason`), so never sent. */
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'dropped';
  attempts: number;
  lastError: string | null;
  /** Why a dropped message was not sent (cancelled, erased, workshop moved, …). */
  dropReason: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** `GET /api/v1/admin/series/:slug/messages`, newest first. */
export interface AdminMessagesResponse {
  /** The mail transport in use; null: nothing is sent (messages stay queued, see `warning`). */
  transport: string | null;
  /** Set when mail cannot go out as configured. */
  warning: string | null;
  messages: AdminMessage[];
}

/** `GET /api/v1/admin/registrations/:id`: one person and every message sent to them. */
export interface AdminRegistrationResponse {
  registration: AdminRegistration;
  messages: AdminMessage[];
}

/**
 * `POST /api/v1/admin/registrations/:id/resend-confirmation` (no body) → 202: a pending
 * registration gets a fresh "confirm your registration" mail with a new link, a confirmed one the
 * confirmation again (with its calendar files). 409 `not_resendable` for cancelled or expired.
 * `POST …/resend-join-link` with `{workshopId}` → 202 once the reminder window (24 h before the
 * start) has opened and until the workshop ends; 409 `join_link_not_yet` before (with `opensAt`
 * in the message), `join_link_closed` after the end, `no_seat` without a confirmed, held seat.
 * Either: 429 `recently_sent` when the same was queued less than a minute ago.
 */
export interface ResendJoinLinkRequest {
  workshopId: string;
}

export interface ResendResponse {
  /** The queued message (see the messages list for its delivery). */
  messageId: string;
}

/** `POST /api/v1/admin/registrations/:id/cancel`: these seats, or all when left out. The person
 * is told by e-mail. 409 `nothing_to_cancel` when none of them is held. */
export interface CancelRegistrationRequest {
  workshopIds?: string[];
}

export interface CancelRegistrationResponse {
  registration: AdminRegistration;
  cancelledWorkshopIds: string[];
}

// `DELETE /api/v1/admin/registrations/:id` → 204: erased from every table and every stored
// message (GDPR Art. 17); seats freed; past attendance stays in the anonymous counts.

// ---------------------------------------------------------------------------------------------
// Export

// `GET /api/v1/admin/series/:slug/registrations.csv?lang=sk|en` and
// `GET /api/v1/admin/workshops/:id/registrations.csv?lang=sk|en`: `text/csv` for Excel (UTF-8
// with BOM, `;`, CRLF), one row per seat, with a `Content-Disposition` filename. Fetch it with the
// credentials and save the body (e.g. through a Blob URL).

// ---------------------------------------------------------------------------------------------
// Audit

export type AuditAction =
  | 'series.create'
  | 'series.update'
  | 'workshop.create'
  | 'workshop.update'
  | 'workshop.cancel'
  | 'messages.retry'
  | 'registration.resend_confirmation'
  | 'registration.resend_join_link'
  | 'registration.cancel'
  | 'registration.erase'
  | 'export.series'
  | 'export.workshop'
  | 'waitlist.promote'
  | 'waitlist.remove';

export interface AuditEntry {
  id: string;
  at: string;
  /** Access e-mail or "admin token". */
  actor: string;
  action: AuditAction;
  /** The series' slug, or null. */
  series: string | null;
  /** The record acted on. `id` is null for an erased registration: nothing of it is kept. */
  target: { type: 'series' | 'workshop' | 'registration'; id: string | null } | null;
  /** Record ids and numbers (e.g. `workshopIds`), never personal data. */
  detail: Record<string, string | number | boolean | string[]>;
}

/** `GET /api/v1/admin/audit?series=&before=&limit=`: newest first, `limit` 1–200 (default 50);
 * pass `next` as `before` for the following page (null: no more). */
export interface AuditResponse {
  entries: AuditEntry[];
  next: string | null;
}

/** Error codes the admin API adds to the public ones. */
export type AdminErrorCode =
  | 'unauthorized'
  | 'access_unavailable'
  | 'series_not_found'
  | 'workshop_not_found'
  | 'registration_not_found'
  | 'workshop_cancelled'
  | 'not_resendable'
  | 'join_link_not_yet'
  | 'join_link_closed'
  | 'no_seat'
  | 'nothing_to_cancel'
  | 'recently_sent'
  | 'embed_not_built'
  | 'not_waiting'
  | 'already_seated'
  | 'validation'
  | 'not_found';
