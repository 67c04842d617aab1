export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Postmark's Tag: groups messages in its activity views (e.g. "password-reset"). */
  tag?: string;
}

export interface SentEmail {
  messageId: string;
}

/** How a process sends transactional email; Postmark in every environment (postmarkSender.ts). */
export interface EmailSender {
  send(message: EmailMessage): Promise<SentEmail>;
}

/** EMAIL_FROM's default: a sender signature must be verified in the Postmark account before use. */
export const DEFAULT_EMAIL_FROM = 'TradeSchool <no-reply@tradeschool.example>';
