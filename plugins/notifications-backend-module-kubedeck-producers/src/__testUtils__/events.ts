import {
  KubedeckEvent,
  NOTIFICATION_TOPICS,
} from '@kubedeck/plugin-notifications-common';
import { InMemoryMessageBroker } from '@kubedeck/plugin-notifications-node';

/** A broker plus everything published on it, as the notifications plugin would receive it. */
export async function recordingBroker() {
  const broker = new InMemoryMessageBroker();
  const events: (KubedeckEvent & { topic: string })[] = [];
  const waiters: (() => void)[] = [];
  await broker.subscribe([...NOTIFICATION_TOPICS], 'test', async message => {
    events.push({ ...(message.value as KubedeckEvent), topic: message.topic });
    waiters.splice(0).forEach(wake => wake());
  });
  return {
    broker,
    events,
    /** Resolves with the first recorded event that matches. */
    async next(
      match: (event: KubedeckEvent) => boolean,
    ): Promise<KubedeckEvent & { topic: string }> {
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        await new Promise<void>(resolve => waiters.push(resolve));
      }
    },
  };
}
