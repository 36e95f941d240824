/** An e-mail as the outbox stores it and transports send it. */
export interface Attachment {
  filename: string;
  contentType: string;
  /** Text content (calendar files); transports encode it as they need. */
  content: string;
}

export interface Mail {
  to: string;
  /** Display name in From; the address is the sending domain's (MAIL_FROM). */
  fromName: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
}

/** A queued message on its way out: the outbox id is the provider's idempotency key. */
export interface OutgoingMail extends Mail {
  id: string;
}

/** What a message is about; with registration and workshop, the key of the send ledger. */
export type MailKind =
  | 'confirm_request'
  | 'confirmed'
  | 'already_registered'
  | 'cancelled'
  | 'reminder'
  | 'workshop_changed'
  | 'workshop_cancelled'
  /** Moved in from the waiting list (issue 12). */
  | 'promoted'
  /** A seat offered to the first in line, to accept by a deadline ('offer' mode). */
  | 'offer'
  /** The series' second, short reminder with the join link. */
  | 'reminder_short'
  /** The organizer's message after the workshop. */
  | 'followup'
  /** To the confirmed people in line of a workshop the organizer cancelled (session 15). */
  | 'line_cancelled'
  /** An offered seat not accepted yet, some time before the offer runs out (session 15). */
  | 'offer_reminder';
