import { Errors, ServerClient } from 'postmark';
import { createPostmarkEmailSender, postmarkClientOptions } from '../../platform/email/postmarkSender';
import { createPostmarkServer, type ReceivedEmail } from './server';

const TOKEN = 'server-token-for-tests';

// The stand-in must satisfy Postmark's own client: the same one identity uses against the real API.
describe('Postmark stand-in', () => {
  const server = createPostmarkServer({ serverToken: TOKEN });
  let url: string;
  const client = (token: string) => new ServerClient(token, postmarkClientOptions(url));

  beforeAll(async () => {
    url = await server.start();
  });
  afterAll(() => server.stop());

  it('maps the API URL onto the client options', () => {
    expect(postmarkClientOptions('http://127.0.0.1:4010')).toMatchObject({
      useHttps: false,
      requestHost: '127.0.0.1:4010',
    });
    expect(postmarkClientOptions('https://api.postmarkapp.com')).toMatchObject({
      useHttps: true,
      requestHost: 'api.postmarkapp.com',
    });
    expect(() => postmarkClientOptions('ftp://example.com')).toThrow(/http\(s\)/);
  });

  it('accepts a message with Postmark’s response and keeps it for GET /test/messages', async () => {
    const response = await client(TOKEN).sendEmail({
      From: 'no-reply@tradeschool.example',
      To: 'Learner@Example.test',
      Subject: 'Hello',
      TextBody: 'Body text',
      MessageStream: 'outbound',
      Tag: 'greeting',
    });
    expect(response).toMatchObject({ To: 'Learner@Example.test', ErrorCode: 0, Message: 'OK' });
    expect(response.MessageID).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(response.SubmittedAt))).toBe(false);

    const listed = (await (
      await fetch(`${url}/test/messages?to=learner@example.test`)
    ).json()) as ReceivedEmail[];
    expect(listed).toEqual([
      expect.objectContaining({
        MessageID: response.MessageID,
        From: 'no-reply@tradeschool.example',
        Subject: 'Hello',
        TextBody: 'Body text',
        Tag: 'greeting',
        MessageStream: 'outbound',
      }),
    ]);
    expect(await (await fetch(`${url}/test/messages?to=nobody@example.test`)).json()).toEqual([]);
  });

  it('refuses a bad token the way Postmark does: the client raises InvalidAPIKeyError, code 10', async () => {
    const before = server.messages().length;
    const sending = client('wrong-token').sendEmail({
      From: 'no-reply@tradeschool.example',
      To: 'someone@example.test',
      Subject: 'x',
      TextBody: 'x',
    });
    await expect(sending).rejects.toBeInstanceOf(Errors.InvalidAPIKeyError);
    await expect(sending).rejects.toMatchObject({ code: 10, statusCode: 401 });
    expect(server.messages()).toHaveLength(before);
  });

  it('answers 422 with ErrorCode 300 for missing fields, and 402 for invalid JSON', async () => {
    const noRecipient = client(TOKEN).sendEmail({
      From: 'a@example.test',
      To: '',
      Subject: 'x',
      TextBody: 'x',
    });
    await expect(noRecipient).rejects.toBeInstanceOf(Errors.ApiInputError);
    await expect(noRecipient).rejects.toMatchObject({ code: 300, statusCode: 422 });
    await expect(
      client(TOKEN).sendEmail({ From: 'a@example.test', To: 'b@example.test', Subject: 'no body' }),
    ).rejects.toMatchObject({ code: 300, message: expect.stringMatching(/TextBody or HtmlBody/) });

    const raw = await fetch(`${url}/email`, {
      method: 'POST',
      headers: { 'X-Postmark-Server-Token': TOKEN, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(422);
    expect(await raw.json()).toEqual({ ErrorCode: 402, Message: 'Received invalid JSON input.' });
  });

  it('backs our EmailSender: send() returns Postmark’s MessageID', async () => {
    const sender = createPostmarkEmailSender({
      POSTMARK_SERVER_TOKEN: TOKEN,
      POSTMARK_API_URL: url,
      EMAIL_FROM: 'TradeSchool <no-reply@tradeschool.example>',
    });
    const sent = await sender.send({ to: 'sender@example.test', subject: 'S', text: 'T', tag: 'test' });
    expect(server.messages('sender@example.test')).toEqual([
      expect.objectContaining({ MessageID: sent.messageId, Subject: 'S', TextBody: 'T', Tag: 'test' }),
    ]);
    const refused = createPostmarkEmailSender({
      POSTMARK_SERVER_TOKEN: 'nope',
      POSTMARK_API_URL: url,
      EMAIL_FROM: 'no-reply@tradeschool.example',
    });
    await expect(refused.send({ to: 'x@example.test', subject: 'S', text: 'T' })).rejects.toMatchObject({
      code: 10,
    });
  });
});
