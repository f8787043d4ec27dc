import { NotificationChannelType } from '@kubedeck/plugin-notifications-node';
import { emailChannelType } from './email';
import { slackChannelType } from './slack';
import { teamsChannelType } from './teams';
import { telegramChannelType } from './telegram';
import { webhookChannelType } from './webhook';

/** Channel types shipped with the plugin; modules add more through the extension point. */
export const builtInChannelTypes: NotificationChannelType[] = [
  emailChannelType,
  slackChannelType,
  teamsChannelType,
  telegramChannelType,
  webhookChannelType,
];
