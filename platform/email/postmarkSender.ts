import { ServerClient } from 'postmark';
import type { EmailMessage, EmailSender, SentEmail } from './emailSender';

export interface PostmarkSettings {
  POSTMARK_SERVER_TOKEN: string;
  /** http(s)://host[:port]: Postmark's API, or our stand-in (emulators/postmark) outside production. */
  POSTMARK_API_URL: string;
  EMAIL_FROM: string;
  /** Postmark's message stream; "outbound" is every server's default transactional stream. */
  POSTMARK_MESSAGE_STREAM?: string;
}

/** The client takes a scheme flag and a host (with port) rather than a base URL. */
export function postmarkClientOptions(apiUrl: string) {
  const url = new URL(apiUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`POSTMARK_API_URL must be http(s)://host[:port], got ${apiUrl}`);
  }
  return { useHttps: url.protocol === 'https:', requestHost: url.host, timeout: 10 };
}

export function createPostmarkEmailSender(settings: PostmarkSettings): EmailSender {
  const client = new ServerClient(
    settings.POSTMARK_SERVER_TOKEN,
    postmarkClientOptions(settings.POSTMARK_API_URL),
  );
  return {
    async send(message: EmailMessage): Promise<SentEmail> {
      const response = await client.sendEmail({
        From: settings.EMAIL_FROM,
        To: message.to,
        Subject: message.subject,
        TextBody: message.text,
        MessageStream: settings.POSTMARK_MESSAGE_STREAM ?? 'outbound',
        ...(message.tag ? { Tag: message.tag } : {}),
      });
      return { messageId: response.MessageID };
    },
  };
}
