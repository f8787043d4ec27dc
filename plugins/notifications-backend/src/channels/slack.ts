import {
  assertDelivered,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { z } from 'zod';
import { facts, headline, plainText } from './render';
import { webhookUrlSecrets } from './schemas';

function blocks(message: Parameters<NotificationChannelType['send']>[0]) {
  const result: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: headline(message).slice(0, 150) },
    },
  ];
  if (message.description || message.digest) {
    const text = message.digest ? plainText(message) : message.description!;
    result.push({
      type: 'section',
      text: { type: 'mrkdwn', text: text.slice(0, 3000) },
    });
  }
  if (!message.digest) {
    result.push({
      type: 'section',
      fields: facts(message).map(([label, value]) => ({
        type: 'mrkdwn',
        text: `*${label}*\n${value}`,
      })),
    });
  }
  if (message.link) {
    result.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open in Kubedeck' },
          url: message.link,
        },
      ],
    });
  }
  return result;
}

/** Slack incoming webhook with Block Kit; about one message per second per channel. */
export const slackChannelType: NotificationChannelType = {
  type: 'slack',
  title: 'Slack (incoming webhook)',
  configSchema: z.object({}).strict(),
  secretsSchema: webhookUrlSecrets,
  rateLimit: channel => ({
    key: `slack:${channel.id}`,
    limit: 1,
    intervalMs: 1000,
  }),
  async send(message, { channel, http }) {
    const response = await http.postJson(channel.secrets.webhookUrl, {
      text: headline(message),
      blocks: blocks(message),
    });
    assertDelivered(response, 'Slack');
  },
};
