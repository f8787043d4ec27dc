import { mockServices } from '@backstage/backend-test-utils';
import {
  ChannelDeliveryError,
  ChannelMessage,
  SafeHttpClient,
} from '@kubedeck/plugin-notifications-node';
import { startHttpReceiver, startSmtpReceiver } from '../__testUtils__/servers';
import { emailChannelType } from './email';
import { slackChannelType } from './slack';
import { teamsChannelType } from './teams';
import { telegramChannelType } from './telegram';
import { signWebhook, webhookChannelType } from './webhook';

const message: ChannelMessage = {
  kind: 'alert',
  title: 'cart-1 is in CrashLoopBackOff',
  description: 'Back-off restarting failed container <cart>',
  severity: 'critical',
  category: 'alerts.critical',
  link: 'http://localhost:3000/kubedeck/clusters/demo/shop/pods/cart-1',
  cluster: 'demo',
  namespace: 'shop',
  object: { kind: 'Pod', name: 'cart-1' },
  count: 3,
  resolved: false,
  recipient: { userRef: 'user:default/alice', email: 'alice@example.com' },
  idempotencyKey: 'g1/user:default/alice/email/open',
};

// Payload tests talk to receivers on loopback, which only this allowlist permits.
const http = new SafeHttpClient({ allowPrivateNetworks: ['127.0.0.1'] });
const logger = mockServices.logger.mock();
const channel = (config: object, secrets: Record<string, string>) => ({
  id: 'c1',
  name: 'test',
  config: config as Record<string, unknown>,
  secrets,
});

describe('built-in channels', () => {
  it('email: a real SMTP server receives a parsable email for the recipient', async () => {
    const smtp = await startSmtpReceiver();
    try {
      await emailChannelType.send(message, {
        channel: channel(
          {
            host: '127.0.0.1',
            port: smtp.port,
            from: 'Kubedeck <kubedeck@example.com>',
          },
          { username: 'mailer', password: 'smtp-password' },
        ),
        http,
        logger,
      });
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.subject).toBe(
        '[CRITICAL] cart-1 is in CrashLoopBackOff (×3)',
      );
      expect(mail.to).toMatchObject({ text: 'alice@example.com' });
      expect(mail.text).toContain('Namespace: shop');
      expect(mail.html).toContain('&lt;cart&gt;');
      expect(mail.html).toContain(message.link);
      expect(mail.headers.get('x-kubedeck-delivery')).toBe(
        message.idempotencyKey,
      );
      expect(smtp.logins).toEqual(['mailer:smtp-password']);
    } finally {
      await smtp.close();
    }
  });

  it('email: a recipient without an address is a permanent failure', async () => {
    await expect(
      emailChannelType.send(
        { ...message, recipient: { userRef: 'user:default/bob' } },
        {
          channel: channel({ host: '127.0.0.1', from: 'k@example.com' }, {}),
          http,
          logger,
        },
      ),
    ).rejects.toMatchObject({ retryable: false });
  });

  it('slack: posts Block Kit with a header, fields and a link button', async () => {
    const slack = await startHttpReceiver();
    await slackChannelType.send(message, {
      channel: channel({}, { webhookUrl: `${slack.url}/services/T/B/X` }),
      http,
      logger,
    });
    const body = JSON.parse(slack.requests[0].body);
    expect(slack.requests[0].url).toBe('/services/T/B/X');
    expect(body.text).toBe('[CRITICAL] cart-1 is in CrashLoopBackOff (×3)');
    expect(body.blocks.map((b: any) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'actions',
    ]);
    expect(body.blocks[2].fields).toContainEqual({
      type: 'mrkdwn',
      text: '*Cluster*\ndemo',
    });
    expect(body.blocks[3].elements[0].url).toBe(message.link);
    await slack.close();
  });

  it('teams: posts an Adaptive Card with facts and an open-URL action', async () => {
    const teams = await startHttpReceiver();
    await teamsChannelType.send(message, {
      channel: channel({}, { webhookUrl: `${teams.url}/webhook` }),
      http,
      logger,
    });
    const body = JSON.parse(teams.requests[0].body);
    const card = body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.type).toBe('AdaptiveCard');
    expect(card.content.body[0]).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
    });
    expect(card.content.body[2].facts).toContainEqual({
      title: 'Object',
      value: 'Pod/cart-1',
    });
    expect(card.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open in Kubedeck',
      url: message.link,
    });
    await teams.close();
  });

  it('telegram: calls sendMessage with the chat id and escaped HTML', async () => {
    const telegram = await startHttpReceiver((_, res) =>
      res.end('{"ok":true}'),
    );
    await telegramChannelType.send(message, {
      channel: channel(
        { chatId: -1001, apiBaseUrl: telegram.url },
        { botToken: '123:ABC' },
      ),
      http,
      logger,
    });
    expect(telegram.requests[0].url).toBe('/bot123:ABC/sendMessage');
    const body = JSON.parse(telegram.requests[0].body);
    expect(body).toMatchObject({ chat_id: '-1001', parse_mode: 'HTML' });
    expect(body.text).toContain(
      '<b>[CRITICAL] cart-1 is in CrashLoopBackOff (×3)</b>',
    );
    expect(body.text).toContain('&lt;cart&gt;');
    await telegram.close();
  });

  it('telegram: a 429 is retryable after the retry_after it names', async () => {
    const telegram = await startHttpReceiver((_, res) => {
      res.statusCode = 429;
      res.end('{"ok":false,"parameters":{"retry_after":7}}');
    });
    const error = await telegramChannelType
      .send(message, {
        channel: channel(
          { chatId: 1, apiBaseUrl: telegram.url },
          { botToken: '123:ABC' },
        ),
        http,
        logger,
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ChannelDeliveryError);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(error.message).not.toContain('123:ABC');
    await telegram.close();
  });

  it('webhook: renders the JSON template and signs the body', async () => {
    const hook = await startHttpReceiver();
    await webhookChannelType.send(message, {
      channel: channel(
        {
          url: `${hook.url}/kubedeck`,
          template: {
            text: '{{headline}} on {{cluster}}',
            details: '{{event}}',
            n: '{{count}}',
          },
        },
        { signingSecret: 'a-very-long-signing-secret' },
      ),
      http,
      logger,
    });
    const [request] = hook.requests;
    const body = JSON.parse(request.body);
    expect(body.text).toBe(
      '[CRITICAL] cart-1 is in CrashLoopBackOff (×3) on demo',
    );
    expect(body.n).toBe(3);
    expect(body.details).toMatchObject({ cluster: 'demo', count: 3 });
    expect(body.details.recipient).toBeUndefined();
    expect(request.headers['x-kubedeck-signature']).toBe(
      signWebhook(
        'a-very-long-signing-secret',
        String(request.headers['x-kubedeck-timestamp']),
        request.body,
      ),
    );
    await hook.close();
  });

  it('webhook: a 503 with Retry-After is retryable after that delay; a 400 is not', async () => {
    let status = 503;
    const hook = await startHttpReceiver((_, res) => {
      res.statusCode = status;
      res.setHeader('retry-after', '12');
      res.end('busy');
    });
    const send = () =>
      webhookChannelType.send(message, {
        channel: channel(
          { url: hook.url },
          { signingSecret: 'a-very-long-signing-secret' },
        ),
        http,
        logger,
      });
    await expect(send()).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 12_000,
    });
    status = 400;
    await expect(send()).rejects.toMatchObject({ retryable: false });
    await hook.close();
  });

  it('refuses private webhook URLs without the allowlist', async () => {
    const hook = await startHttpReceiver();
    await expect(
      slackChannelType.send(message, {
        channel: channel({}, { webhookUrl: `${hook.url}/x` }),
        http: new SafeHttpClient(),
        logger,
      }),
    ).rejects.toThrow(/Refusing 127.0.0.1: loopback address/);
    expect(hook.requests).toHaveLength(0);
    await hook.close();
  });
});
