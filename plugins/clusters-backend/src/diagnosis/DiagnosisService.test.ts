import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startKubeSim } from '@kubedeck/kube-sim';
import { loadScenario } from '@kubedeck/kube-sim/src/scenario';
import {
  ClusterAccessService,
  ClusterRegistryService,
  DiagnosisEvent,
  DiagnosisFinding,
  DiagnosisFindingSource,
  InMemoryDiagnosisEvents,
} from '@kubedeck/plugin-clusters-node';
import {
  fixedClusterRegistry,
  openClusterAccess,
} from '@kubedeck/plugin-clusters-node/testUtils';
import { KubeConfig } from '@kubernetes/client-node';
import { KnexDiagnosisStore } from '../database/KnexDiagnosisStore';
import { DiagnosisService } from './DiagnosisService';

jest.setTimeout(60_000);

describe('DiagnosisService against kube-sim', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('opens a diagnosis with a fix, publishes it, and resolves it when the problem is gone', async () => {
    const sim = await startKubeSim({
      scenario: await loadScenario('demo'),
      port: 0,
    });
    try {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(sim.kubeconfig());
      const registry = fixedClusterRegistry([
        { name: 'demo', connectionType: 'demo', kubeConfig },
      ]);
      const access = openClusterAccess(registry);
      const store = await KnexDiagnosisStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
      });
      const events = new InMemoryDiagnosisEvents();
      const published: DiagnosisEvent[] = [];
      events.subscribe(event => void published.push(event));
      const service = new DiagnosisService({
        registry,
        access,
        store,
        events,
        logger: mockServices.logger.mock(),
      });

      const client = await access.forPlugin({ cluster: 'demo' });
      await client.requestJson({
        method: 'POST',
        path: '/api/v1/namespaces/team-a/services',
        body: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'orphan' },
          spec: { selector: { app: 'nobody' }, ports: [{ port: 80 }] },
        },
      });
      await service.runCluster('demo');
      const orphan = (
        await store.list({ state: 'open', cluster: 'demo' })
      ).find(d => d.name === 'orphan');
      expect(orphan).toMatchObject({
        type: 'ServiceWithoutPods',
        namespace: 'team-a',
        evidence: ['Selector app=nobody matches no pod in team-a'],
      });
      expect(orphan!.fix).toContain('app=nobody');
      expect(published).toContainEqual({
        type: 'diagnosis.opened',
        diagnosis: orphan,
      });

      await client.requestJson({
        method: 'DELETE',
        path: '/api/v1/namespaces/team-a/services/orphan',
      });
      await service.runCluster('demo');
      expect(published).toContainEqual({
        type: 'diagnosis.resolved',
        diagnosis: expect.objectContaining({
          id: orphan!.id,
          resolvedAt: expect.any(String),
        }),
      });
      expect(
        (await store.list({ state: 'open', cluster: 'demo' })).some(
          d => d.name === 'orphan',
        ),
      ).toBe(false);
    } finally {
      await sim.close();
    }
  });

  describe('with finding sources', () => {
    let sim: Awaited<ReturnType<typeof startKubeSim>>;
    let access: ClusterAccessService;
    let registry: ClusterRegistryService;

    beforeAll(async () => {
      sim = await startKubeSim({
        scenario: await loadScenario('demo'),
        port: 0,
      });
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(sim.kubeconfig());
      registry = fixedClusterRegistry([
        { name: 'demo', connectionType: 'demo', kubeConfig },
      ]);
      access = openClusterAccess(registry);
    });
    afterAll(() => sim?.close());

    const crash: DiagnosisFinding = {
      kind: 'Pod',
      namespace: 'team-a',
      name: 'api-1',
      type: 'CrashLoopBackOff',
      severity: 'critical',
      title: 'Container api keeps crashing',
      evidence: ['Exit code 1'],
      fix: 'Read the previous logs',
    };
    const nodeDown: DiagnosisFinding = {
      kind: 'Node',
      name: 'node-9',
      type: 'NodeNotReady',
      severity: 'critical',
      title: 'Node node-9 is not ready',
      evidence: ['kubelet stopped posting status'],
      fix: 'Check the kubelet',
    };

    /** A source whose next answer a test sets: findings, an error to throw, or no answer. */
    function scriptedSource(id: string) {
      let next: DiagnosisFinding[] | Error | 'hang' = [];
      const source: DiagnosisFindingSource = {
        id,
        getFindings: async () => {
          if (next === 'hang') return new Promise<never>(() => {});
          if (next instanceof Error) throw next;
          return next;
        },
      };
      return {
        source,
        answer: (a: DiagnosisFinding[] | Error | 'hang') => (next = a),
      };
    }

    async function setup(
      sources: DiagnosisFindingSource[],
      clusterAccess: typeof access = access,
    ) {
      const store = await KnexDiagnosisStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
      });
      const events = new InMemoryDiagnosisEvents();
      const published: DiagnosisEvent[] = [];
      events.subscribe(event => void published.push(event));
      const logger = mockServices.logger.mock();
      const service = new DiagnosisService({
        registry,
        access: clusterAccess,
        store,
        events,
        logger,
        analyzers: [() => [crash]],
        sources,
        sourceTimeoutMs: 100,
      });
      const open = () => store.list({ state: 'open', cluster: 'demo' });
      return { service, published, logger, open };
    }

    it("merges a source's report of the same problem into the analyzers' diagnosis", async () => {
      const agent = scriptedSource('agent-hub');
      const { service, open } = await setup([agent.source]);
      agent.answer([
        { ...crash, title: 'Agent: api crashes', evidence: ['OOM? no'] },
        nodeDown,
      ]);
      await service.runCluster('demo');
      const diagnoses = await open();
      expect(diagnoses).toHaveLength(2);
      expect(diagnoses.find(d => d.type === 'CrashLoopBackOff')).toMatchObject({
        title: crash.title,
        evidence: ['Exit code 1', 'agent-hub: OOM? no'],
      });
      expect(diagnoses.find(d => d.type === 'NodeNotReady')).toMatchObject({
        name: 'node-9',
        title: nodeDown.title,
        evidence: ['agent-hub: kubelet stopped posting status'],
      });
    });

    it('keeps what a failing source reported open, and resolves it once the source reports it gone', async () => {
      const agent = scriptedSource('agent-hub');
      const other = scriptedSource('other');
      const { service, published, logger, open } = await setup([
        agent.source,
        other.source,
      ]);
      agent.answer([nodeDown, { ...crash, evidence: ['seen by agent'] }]);
      other.answer([{ ...nodeDown, name: 'node-8' }]);
      await service.runCluster('demo');
      expect((await open()).map(d => d.name).sort()).toEqual([
        'api-1',
        'node-8',
        'node-9',
      ]);

      agent.answer(new Error('agent offline'));
      other.answer([]);
      await service.runCluster('demo');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('agent offline'),
      );
      const kept = await open();
      expect(kept.map(d => d.name).sort()).toEqual(['api-1', 'node-9']);
      expect(kept.find(d => d.name === 'node-9')!.evidence).toEqual([
        'agent-hub: kubelet stopped posting status',
      ]);
      expect(kept.find(d => d.name === 'api-1')!.evidence).toEqual([
        'Exit code 1',
        'agent-hub: seen by agent',
      ]);
      const resolvedNames = () =>
        published
          .filter(e => e.type === 'diagnosis.resolved')
          .map(e => e.diagnosis.name);
      expect(resolvedNames()).toEqual(['node-8']);

      agent.answer([]);
      await service.runCluster('demo');
      expect((await open()).map(d => d.name)).toEqual(['api-1']);
      expect(resolvedNames()).toEqual(['node-8', 'node-9']);
    });

    it("keeps taking a source's reports while the cluster cannot be read, and keeps the analyzers' diagnoses as they were", async () => {
      let reachable = true;
      const flaky = Object.create(access) as typeof access;
      flaky.forPlugin = async options => {
        if (!reachable) throw new Error('connection refused');
        return access.forPlugin(options);
      };
      const agent = scriptedSource('agent-hub');
      const { service, open } = await setup([agent.source], flaky);
      agent.answer([{ ...crash, evidence: ['seen by agent'] }]);
      await service.runCluster('demo');

      reachable = false;
      agent.answer([{ ...crash, evidence: ['seen by agent'] }, nodeDown]);
      await service.runCluster('demo');
      const diagnoses = await open();
      expect(diagnoses.map(d => d.name).sort()).toEqual(['api-1', 'node-9']);
      expect(diagnoses.find(d => d.name === 'api-1')!.evidence).toEqual([
        'Exit code 1',
        'agent-hub: seen by agent',
      ]);

      agent.answer([]);
      await service.runCluster('demo');
      expect((await open()).map(d => d.name)).toEqual(['api-1']);
      expect((await open())[0].evidence).toEqual(['Exit code 1']);
    });

    it('treats a source that does not answer in time as failed, and ignores malformed findings', async () => {
      const agent = scriptedSource('agent-hub');
      const { service, logger, open } = await setup([agent.source]);
      agent.answer([nodeDown]);
      await service.runCluster('demo');
      agent.answer('hang');
      await service.runCluster('demo');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('no answer within'),
      );
      expect((await open()).map(d => d.name).sort()).toEqual([
        'api-1',
        'node-9',
      ]);

      agent.answer([
        { ...nodeDown, name: 'node-7' },
        { ...nodeDown, name: '' },
        { kind: 'Node' } as DiagnosisFinding,
      ]);
      await service.runCluster('demo');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('2 malformed findings'),
      );
      expect((await open()).map(d => d.name).sort()).toEqual([
        'api-1',
        'node-7',
      ]);
    });
  });
});
