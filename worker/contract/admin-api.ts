/**
 * The admin API's wire format: what the admin page sends to `/api/v1/admin/*` and what it gets
 * back. The worker's admin presenters are typed with these (test/contract/ checks its schemas), so
 * the page can rely on them. Types only: importing this file adds nothing to a bundle.
 *
 * Every request needs credentials: `Authorization: Bearer <ADMIN_TOKEN>`, or (when the worker is
 * configured for Cloudflare Access) the `Cf-Access-Jwt-Assertion` header Access adds. Without
 * them every path answers 401 `unauthorized`. Errors have the public API's shape (`ErrorBody`).
 * Instants are ISO 8601 strings in UTC; show them in Europe/Bratislava.
 */
import type { Contact, Localized, PublicSeries, PublicWorkshop } from './public-api';
import type { OrganizationType } from './registration-rules';

// ---------------------------------------------------------------------------------------------
// Who is signed in

/** `GET /api/v1/admin/me` */
export interface AdminMe {
  /** The Access e-mail of the signed-in person, or "admin token". Also what the audit records. */
  actor: string;
  via: 'access' | 'token';
}

// ---------------------------------------------------------------------------------------------
// Series

/** A text whose English is optional: left out or blank, it is stored as '' (the widget and the
 * e-mails then show the Slovak text, marked `lang="sk"`). */
export interface SlovakFirst {
  sk: string;
  en?: string;
}

/** `PUT /api/v1/admin/series/:slug` body → 201 created / 200 updated, `{series: AdminSeries}`. */
export interface AdminSeriesRequest {
  title: SlovakFirst;
  description?: { sk?: string; en?: string };
  /** https only. */
  privacyUrl: string;
  organizer: Contact;
  /** 1–3700 days after a registrant's last workshop. New series: 30; left out: unchanged. */
  retentionDays?: number;
  /**
   * Origins of the pages that may embed the series (`https://www.obec.sk`; http only for
   * localhost). Normalized (lower case, no default port, no trailing slash); at most 50.
   * `[]` means any origin. Left out: unchanged.
   */
  allowedOrigins?: string[];
  /**
   * Cloudflare Turnstile for this series (off by default): the widget's site key and the secret
   * the worker verifies with. `null` turns it off; left out: unchanged. The secret is never shown.
   */
  turnstile?: { siteKey: string; secretKey: string } | null;
  /** The reminder schedule (issue 12). New series: a day before, no second; left out: unchanged. */
  reminders?: ReminderSchedule;
}

/** When the join link goes out, in minutes before each workshop's start. */
export interface ReminderSchedule {
  /** 15–20160 (two weeks); default 1440 (a day), as the announcement promises. */
  leadMinutes: number;
  /** A second, short reminder with the link, 5–1440 and less than `leadMinutes`; null: none. */
  secondLeadMinutes: number | null;
}

export interface AdminSeries extends PublicSeries {
  reminders: ReminderSchedule;
  retentionDays: number;
  /** Normalized; `[]` = any origin (any https: page may frame it). */
  allowedOrigins: string[];
  /** Only when Turnstile is on; never the secret. */
  turnstile?: { siteKey: string };
  /** The version read, an entity tag: send it back as `If-Match` with an edit (412 when stale). */
  version: string;
}

/** One series on the admin home. */
export interface AdminSeriesSummary {
  slug: string;
  title: Localized;
  /** Every workshop has ended or was cancelled: shown apart, never deleted. */
  archived: boolean;
  workshops: number;
  /** Workshops not cancelled that have not ended yet. */
  upcomingWorkshops: number;
  /** The next start among those, or null. */
  nextStartsAt: string | null;
  /** When its last workshop that was not cancelled ended (or ends); all cancelled: the last
   * one's planned end; null without workshops. */
  lastEndsAt: string | null;
  /** Seats held now, over all its workshops, by the state of their registration. */
  seats: { confirmed: number; pending: number };
}

/** `GET /api/v1/admin/series`: upcoming first (soonest first), then series without workshops
 * (newest first), then archived ones (latest first). */
export interface AdminSeriesListResponse {
  series: AdminSeriesSummary[];
}

// ---------------------------------------------------------------------------------------------
// Workshops

/** `POST /api/v1/admin/series/:slug/workshops` body (→ 201 `{workshop}`); every field optional
 * for `PATCH /api/v1/admin/workshops/:id` (→ 200 `{workshop}`). Instants need an offset. */
export interface AdminWorkshopRequest {
  title: SlovakFirst;
  description?: { sk?: string; en?: string };
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** https only. Never shown publicly: it goes by e-mail ~24 h before the start. */
  joinUrl: string;
  /** Default: the start. Not after the start. */
  registrationClosesAt?: string;
  /** Whether people may join a waiting list when it is full. New workshop: true; left out: unchanged. */
  waitlist?: boolean;
  /**
   * How a freed seat reaches the first confirmed person in line: 'auto' (default) moves them in;
   * 'offer' holds the seat for them for `offerMinutes` (15–10080, default 1440) and passes it to
   * the next in line unless they accept in time (link in the e-mail). Left out: unchanged.
   */
  waitlistMode?: 'auto' | 'offer';
  offerMinutes?: number;
  /** The follow-up after the workshop; null: none (the default); left out: unchanged. */
  followUp?: FollowUpSettings | null;
}

/** A message to confirmed registrants a set time after a workshop ends (never to cancelled ones). */
export interface FollowUpSettings {
  /** Plain text, up to 5000 characters; `en` empty: the Slovak text goes to everyone. */
  text: SlovakFirst;
  /** Up to 10 https links (materials, feedback form), each with a label. */
  links?: { label: SlovakFirst; url: string }[];
  /** 0–20160 minutes after the end; default 120. */
  afterMinutes?: number;
}

export interface AdminWorkshop extends PublicWorkshop {
  waitlist: boolean;
  waitlistMode: 'auto' | 'offer';
  offerMinutes: number;
  followUp: {
    text: Localized;
    links: { label: Localized; url: string }[];
    afterMinutes: number;
  } | null;
  seatsTaken: number;
  joinUrl: string;
  registrationClosesAt: string;
  cancelledAt: string | null;
  /**
   * The version read, an entity tag: send it back as `If-Match` with an edit or a cancellation
   * (412 when stale).
   */
  version: string;
}

/** `GET`/`PATCH /api/v1/admin/workshops/:id` (with the same version as the `ETag` header). */
export interface AdminWorkshopResponse {
  workshop: AdminWorkshop;
}

/** Join-link reminders for the workshop's current start time. */
export interface ReminderCounts {
  /** Waiting to be sent, or being sent. */
  queued: number;
  sent: number;
  failed: number;
}

/** A workshop at a glance. */
export interface WorkshopStats {
  /** Seats held by confirmed registrations. */
  confirmed: number;
  /** Seats held by registrations waiting for the person's confirmation. */
  pending: number;
  /** Seats given up: by the person, by an organizer, or because the workshop was cancelled. */
  cancelled: number;
  /** Seats whose hold ran out unconfirmed. */
  expired: number;
  reminders: ReminderCounts;
  /**
   * Confirmed participants per organization type: those still on record plus the anonymous
   * counts kept after their personal data was deleted (retention or erasure after the workshop).
   */
  organizationTypes: Record<OrganizationType, number>;
}

export interface AdminWorkshopWithStats extends AdminWorkshop {
  stats: WorkshopStats;
  /**
   * People waiting in the workshop's line now, as the next to join would count them (a place
   * counts while its registration is confirmed, or pending within its hold; a seat on offer not).
   */
  inLine: number;
}

/** `GET /api/v1/admin/series/:slug`: every workshop, past and cancelled ones too, by start. */
export interface AdminSeriesResponse {
  series: AdminSeries;
  archived: boolean;
  workshops: AdminWorkshopWithStats[];
}

/**
 * `GET /api/v1/admin/workshops/:id/cancel-preview`: who `POST …/cancel` would e-mail, with the
 * workshop and its version read at the same instant as the counts (one D1 batch; also the `ETag`
 * header). Send `version` as the cancellation's `If-Match`: it is refused (412) if the workshop
 * changed since. Seats taken or given up meanwhile do not change the version: the cancellation
 * tells whoever holds a seat when it is made, so the counts are as of `countedAt`.
 */
export interface CancelWorkshopPreview {
  workshopId: string;
  alreadyCancelled: boolean;
  /** Everyone holding a seat is told; pending ones too, so nobody confirms a cancelled workshop. */
  notified: { confirmed: number; pending: number; total: number };
  /** Of those, how many already have the join link. */
  haveJoinLink: number;
  /** Confirmed people waiting in its line: their place ends and they are told too. */
  inLine: number;
  /** When the counts were read (ISO instant). */
  countedAt: string;
  /** The workshop's version at that read (an entity tag, as `AdminWorkshop.version`). */
  version: string;
  /** The workshop as read with the counts: what the warning names. */
  workshop: AdminWorkshop;
}

// ---------------------------------------------------------------------------------------------
// Embedding

/** `GET /api/v1/admin/embed`: what the configurator prints. 503 `embed_not_built` when the
 * widget was not built (`npm run build`). */
export interface EmbedInfo {
  /** Always the latest build. */
  scriptUrl: string;
  /** This build, forever: `/v/<hash>/workshop-signup.js`, immutable. */
  versionedScriptUrl: string;
  /** SRI of the versioned script: `sha384-…`. */
  integrity: string;
  /** The iframe page: append the series slug and the query (`lang`, `theme`, `workshops`,
   * `heading-level`). */
  embedPageUrl: string;
  /** The script a host page adds so the iframe takes its content's height. */
  hostScriptUrl: string;
  /**
   * The public series API: append the series slug for the URL the widget loads first. A snippet
   * may preload it so the request starts with the page, not after the script has run:
   * `<link rel="preload" as="fetch" crossorigin="anonymous" href="{seriesApiUrl}{slug}">`.
   */
  seriesApiUrl: string;
}

// Registrations, messages, exports and the audit log: admin-records-api.ts.
export type * from './admin-records-api';
