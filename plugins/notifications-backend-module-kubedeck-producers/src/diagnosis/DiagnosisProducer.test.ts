import { mockServices } from '@backstage/backend-test-utils';
import {
  DiagnosisEvent,
  InMemoryDiagnosisEvents,
} from '@kubedeck/plugin-clusters-node';
import { PortalLinks } from '../events';
import { recordingBroker } from '../__testUtils__/events';
import { DiagnosisProducer } from './DiagnosisProducer';

type Diagnosis = DiagnosisEvent['diagnosis'];

const crashLoop: Diagnosis = {
  id: 'd-1',
  cluster: 'prod',
  kind: 'Pod',
  namespace: 'shop',
  name: 'cart-1',
  type: 'CrashLoopBackOff',
  severity: 'critical',
  title: 'cart-1 is in CrashLoopBackOff',
  evidence: [
    'Container cart restarted 7 times, last exit code 1',
    'Last log lines:\nconnecting with password=hunter2\npanic: refused',
  ],
  fix: "Read the previous run's logs",
  firstSeen: new Date().toISOString(),
  lastSeen: new Date().toISOString(),
};

async function setUp() {
  const recorder = await recordingBroker();
  const diagnosisEvents = new InMemoryDiagnosisEvents();
  new DiagnosisProducer({
    broker: recorder.broker,
    links: new PortalLinks('https://portal.example.com/'),
    logger: mockServices.logger.mock(),
  }).start(diagnosisEvents);
  return { ...recorder, diagnosisEvents };
}

describe('DiagnosisProducer', () => {
  it('announces a CrashLoopBackOff as one critical event and its resolution once', async () => {
    const { diagnosisEvents, events, next } = await setUp();

    await diagnosisEvents.publish({
      type: 'diagnosis.opened',
      diagnosis: crashLoop,
    });
    const opened = await next(e => !e.resolved);
    expect(opened).toMatchObject({
      topic: 'alerts.critical',
      category: 'alerts.critical',
      severity: 'critical',
      cluster: 'prod',
      namespace: 'shop',
      object: { kind: 'Pod', name: 'cart-1' },
      fingerprint: 'prod/shop/Pod/cart-1/CrashLoopBackOff',
      link: 'https://portal.example.com/clusters/prod/namespaces/shop/pods/cart-1',
    });
    expect(opened.description).toContain('restarted 7 times');
    expect(opened.description).not.toContain('hunter2');

    const resolvedAt = new Date().toISOString();
    await diagnosisEvents.publish({
      type: 'diagnosis.resolved',
      diagnosis: { ...crashLoop, resolvedAt },
    });
    const resolved = await next(e => e.resolved === true);
    expect(resolved).toMatchObject({
      topic: 'alerts.critical',
      fingerprint: 'prod/shop/Pod/cart-1/CrashLoopBackOff',
      occurredAt: resolvedAt,
    });
    expect(events).toHaveLength(2);
  });

  it('sends failed rollouts and jobs to operations, linked to the cluster page', async () => {
    const { diagnosisEvents, next } = await setUp();

    await diagnosisEvents.publish({
      type: 'diagnosis.opened',
      diagnosis: {
        ...crashLoop,
        id: 'd-2',
        kind: 'Deployment',
        name: 'cart',
        type: 'DeploymentUnavailable',
        severity: 'warning',
        title: 'cart has 1 of 3 replicas available',
      },
    });
    expect(await next(e => e.object?.name === 'cart')).toMatchObject({
      topic: 'alerts.operations',
      severity: 'medium',
      fingerprint: 'prod/shop/Deployment/cart/DeploymentUnavailable',
      link: 'https://portal.example.com/clusters/prod',
    });

    await diagnosisEvents.publish({
      type: 'diagnosis.opened',
      diagnosis: {
        ...crashLoop,
        id: 'd-3',
        kind: 'Node',
        namespace: undefined,
        name: 'node-2',
        type: 'NodeNotReady',
        title: 'node-2 is NotReady',
      },
    });
    expect(await next(e => e.object?.name === 'node-2')).toMatchObject({
      topic: 'alerts.critical',
      fingerprint: 'prod/-/Node/node-2/NodeNotReady',
    });
  });
});
