/**
 * The admin API's waiting lists (issue 12). Types only. A workshop's line is in join order; a
 * freed seat goes to the first confirmed person waiting (README "Waiting list").
 */

/** `offered`: a seat is held for them until `offeredUntil` ('offer' mode); `offer_expired`: they
 * did not accept in time; `left`: they cancelled (or declined an offer); `expired`: never
 * confirmed. */
export type WaitlistPlaceState =
  'waiting' | 'offered' | 'promoted' | 'offer_expired' | 'removed' | 'left' | 'expired';

/** One person who joined a workshop's line. */
export interface AdminWaitlistEntry {
  registrationId: string;
  givenName: string;
  familyName: string;
  email: string;
  /** Their registration: a place counts only once it is confirmed. */
  registrationStatus: 'pending' | 'confirmed' | 'cancelled' | 'expired';
  state: WaitlistPlaceState;
  /** 1 = the next seat is theirs; null unless waiting and confirmed. */
  place: number | null;
  joinedAt: string;
  promotedAt: string | null;
  /** Offers: until when the seat waits for them. */
  offeredUntil: string | null;
  endedAt: string | null;
}

/**
 * `GET /api/v1/admin/workshops/:id/waitlist` → `{waitlist}`.
 * `POST /api/v1/admin/workshops/:id/waitlist/:registrationId/promote` → 200 `{waitlist}`: moves a
 * confirmed person in by hand, out of order: a seat now, the capacity raised by one if the
 * workshop is full (409 `not_waiting`; 409 `registration_closed` once it closed; 409
 * `already_seated` when their address holds a seat there through another registration). They get the "you have a seat" e-mail.
 * `DELETE /api/v1/admin/workshops/:id/waitlist/:registrationId` → 200 `{waitlist}` (409
 * `not_waiting`). Both are in the audit log (`waitlist.promote`, `waitlist.remove`).
 */
export interface AdminWaitlistResponse {
  waitlist: AdminWaitlistEntry[];
}
