import {
  assertDelivered,
  ChannelMessage,
  NotificationChannelType,
} from '@kubedeck/plugin-notifications-node';
import { z } from 'zod';
import { facts, headline, plainText } from './render';
import { webhookUrlSecrets } from './schemas';

const TEAMS_COLOUR: Record<string, string> = {
  critical: 'Attention',
  high: 'Warning',
  medium: 'Warning',
  low: 'Accent',
  info: 'Default',
};

/** An Adaptive Card in the envelope Teams incoming webhooks and workflows accept. */
export function adaptiveCard(message: ChannelMessage) {
  const body: unknown[] = [
    {
      type: 'TextBlock',
      text: headline(message),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      color: message.resolved ? 'Good' : TEAMS_COLOUR[message.severity],
    },
  ];
  if (message.description || message.digest) {
    body.push({
      type: 'TextBlock',
      text: message.digest ? plainText(message) : message.description,
      wrap: true,
    });
  }
  if (!message.digest) {
    body.push({
      type: 'FactSet',
      facts: facts(message).map(([title, value]) => ({ title, value })),
    });
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: message.link
            ? [
                {
                  type: 'Action.OpenUrl',
                  title: 'Open in Kubedeck',
                  url: message.link,
                },
              ]
            : [],
        },
      },
    ],
  };
}

/** Microsoft Teams incoming webhook (Adaptive Card). */
export const teamsChannelType: NotificationChannelType = {
  type: 'teams',
  title: 'Microsoft Teams (incoming webhook)',
  configSchema: z.object({}).strict(),
  secretsSchema: webhookUrlSecrets,
  rateLimit: channel => ({
    key: `teams:${channel.id}`,
    limit: 4,
    intervalMs: 1000,
  }),
  async send(message, { channel, http }) {
    const response = await http.postJson(
      channel.secrets.webhookUrl,
      adaptiveCard(message),
    );
    assertDelivered(response, 'Teams');
  },
};
