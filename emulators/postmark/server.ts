import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as Postmark accepted it, plus when and under which id. */
export interface ReceivedEmail {
  MessageID: string;
  SubmittedAt: string;
  From: string;
  To: string;
  Subject: string;
  TextBody: string | null;
  HtmlBody: string | null;
  Tag: string | null;
  MessageStream: string;
}

export interface PostmarkServerOptions {
  serverToken: string;
  /** Oldest messages are dropped beyond this many (a long `npm start` must not grow without bound). */
  keep?: number;
}

/** Postmark's error body: HTTP 401 or 422 with its own numeric ErrorCode. */
class PostmarkApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Falls through to Postmark's answer for unparsable input.
  }
  throw new PostmarkApiError(422, 402, 'Received invalid JSON input.');
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const recipients = (to: string) => to.split(',').map((address) => address.trim().toLowerCase());

/**
 * A Postmark-compatible API on 127.0.0.1 for tests and `npm start` (no email leaves the machine):
 * `POST /email` with the X-Postmark-Server-Token header, Postmark's required fields, its response
 * (`{ To, SubmittedAt, MessageID, ErrorCode: 0, Message: "OK" }`) and its errors (401 with ErrorCode
 * 10 for a bad token, 422 with ErrorCode 300/402 for bad input). Test-only: `GET /test/messages?to=`
 * lists what was accepted, oldest first.
 */
export function createPostmarkServer(options: PostmarkServerOptions) {
  const keep = options.keep ?? 1_000;
  const received: ReceivedEmail[] = [];

  function accept(body: Record<string, unknown>): ReceivedEmail {
    const from = text(body.From);
    if (!from) throw new PostmarkApiError(422, 300, "Invalid 'From' address: ''.");
    const to = text(body.To);
    if (!to) throw new PostmarkApiError(422, 300, 'Zero recipients specified');
    if (recipients(to).some((address) => !/^[^@\s]+@[^@\s]+$/.test(address.replace(/^.*<|>$/g, '')))) {
      throw new PostmarkApiError(422, 300, `Error parsing 'To': Illegal email address '${to}'.`);
    }
    const textBody = text(body.TextBody);
    const htmlBody = text(body.HtmlBody);
    if (!textBody && !htmlBody) {
      throw new PostmarkApiError(422, 300, 'Provide either email TextBody or HtmlBody or both.');
    }
    const message: ReceivedEmail = {
      MessageID: randomUUID(),
      SubmittedAt: new Date().toISOString(),
      From: from,
      To: to,
      Subject: typeof body.Subject === 'string' ? body.Subject : '',
      TextBody: textBody,
      HtmlBody: htmlBody,
      Tag: text(body.Tag),
      MessageStream: text(body.MessageStream) ?? 'outbound',
    };
    received.push(message);
    if (received.length > keep) received.splice(0, received.length - keep);
    return message;
  }

  function messages(to?: string | null): ReceivedEmail[] {
    if (!to) return [...received];
    const wanted = to.trim().toLowerCase();
    return received.filter((message) => recipients(message.To).includes(wanted));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      if (req.method === 'GET' && url.pathname === '/test/messages') {
        return reply(200, messages(url.searchParams.get('to')));
      }
      if (req.method !== 'POST' || url.pathname !== '/email') {
        return reply(404, { ErrorCode: 404, Message: 'Not found.' });
      }
      if (req.headers['x-postmark-server-token'] !== options.serverToken) {
        throw new PostmarkApiError(
          401,
          10,
          'The Server Token you provided in the X-Postmark-Server-Token request header was invalid. ' +
            'Please verify that you are using a valid token.',
        );
      }
      const message = accept(await readBody(req));
      reply(200, {
        To: message.To,
        SubmittedAt: message.SubmittedAt,
        MessageID: message.MessageID,
        ErrorCode: 0,
        Message: 'OK',
      });
    } catch (error) {
      if (error instanceof PostmarkApiError) {
        reply(error.status, { ErrorCode: error.errorCode, Message: error.message });
      } else {
        reply(500, { ErrorCode: 500, Message: 'Internal server error.' });
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  return {
    messages,
    /** Resolves with the API base URL (http://127.0.0.1:port). */
    start(port = 0, host = '127.0.0.1'): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host}:${bound}`);
        });
      });
    },
    stop(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type PostmarkServer = ReturnType<typeof createPostmarkServer>;
