import { describeMessageBrokerContract } from './contractTests';
import { InMemoryMessageBroker } from './InMemoryMessageBroker';

describeMessageBrokerContract(
  'in-memory',
  async () => new InMemoryMessageBroker({ retryDelayMs: 5 }),
);

describe('InMemoryMessageBroker', () => {
  it('refuses to publish after close', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.close();
    await expect(broker.publish('t', {})).rejects.toThrow(/closed/);
  });
});
