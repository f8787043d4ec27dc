import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterAccessService,
  ClusterClient,
  ClusterRegistryService,
} from '@kubedeck/plugin-clusters-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { RetainedLogStore } from '../../database/RetainedLogStore';
import { InformerEvent } from '../watch/Informer';
import { InformerLease, InformerRegistry } from '../watch/InformerRegistry';
import { containerLogLines } from './containerLogs';

function isFinished(pod: any): boolean {
  const phase = pod.status?.phase;
  return (
    Boolean(pod.metadata?.deletionTimestamp) ||
    phase === 'Succeeded' ||
    phase === 'Failed'
  );
}

/**
 * Keeps the last lines of pods that finish or are being deleted, so their logs stay readable
 * after the pod is gone. Watches pods of every cluster with the plugin's credentials.
 */
export class LogRetainer {
  readonly #leases = new Map<
    string,
    { lease: InformerLease; kubeConfig: KubeConfig }
  >();
  readonly #captured = new Set<string>();

  constructor(
    private readonly options: {
      registry: ClusterRegistryService;
      access: ClusterAccessService;
      informers: InformerRegistry;
      store: RetainedLogStore;
      logger: LoggerService;
      maxLines: number;
      retentionMinutes: number;
    },
  ) {}

  /** Starts watching new clusters, stops watching removed ones, forgets expired lines. */
  async refresh(): Promise<void> {
    const configs = new Map(
      (await this.options.registry.listClusters()).map(c => [
        c.name,
        c.kubeConfig,
      ]),
    );
    // a cluster supplied anew (kube-sim restarted, kubeconfig edited) is watched anew
    for (const [name, entry] of this.#leases) {
      if (configs.get(name) !== entry.kubeConfig) {
        entry.lease.release();
        this.#leases.delete(name);
      }
    }
    for (const name of configs.keys()) {
      if (!this.#leases.has(name)) {
        await this.#watch(name).catch(error =>
          this.options.logger.info(
            `Log retention cannot watch ${name}: ${error.message}`,
          ),
        );
      }
    }
    const cutoff = new Date(
      Date.now() - this.options.retentionMinutes * 60_000,
    );
    await this.options.store.purge(cutoff);
  }

  stop() {
    for (const { lease } of this.#leases.values()) lease.release();
    this.#leases.clear();
  }

  async #watch(cluster: string) {
    const client = await this.options.access.forPlugin({ cluster });
    const lease = this.options.informers.acquire(client, '/api/v1/pods');
    this.#leases.set(cluster, { lease, kubeConfig: client.kubeConfig });
    await lease.informer.ready;
    lease.informer.subscribe(event => this.#onEvent(client, event));
    for (const pod of lease.informer.list()) this.#consider(client, pod);
  }

  #onEvent(client: ClusterClient, event: InformerEvent) {
    if (event.type === 'DELETED') {
      this.#captured.delete(`${client.name}/${event.object.metadata?.uid}`);
      return;
    }
    this.#consider(client, event.object);
  }

  #consider(client: ClusterClient, pod: any) {
    const key = `${client.name}/${pod.metadata?.uid}`;
    if (!isFinished(pod) || this.#captured.has(key)) return;
    this.#captured.add(key);
    this.capture(client, pod).catch(error =>
      this.options.logger.info(
        `Could not keep logs of ${pod.metadata?.name}: ${error.message}`,
      ),
    );
  }

  /** Reads and keeps the last lines of every container of a pod. */
  async capture(client: ClusterClient, pod: any): Promise<void> {
    const { namespace, name } = pod.metadata;
    for (const container of pod.spec?.containers ?? []) {
      const lines = [];
      for await (const line of containerLogLines({
        client,
        namespace,
        pod: name,
        container: container.name,
        source: '',
        follow: false,
        tailLines: this.options.maxLines,
        signal: AbortSignal.timeout(30_000),
      })) {
        lines.push({ time: line.time, text: line.text });
      }
      await this.options.store.save(
        {
          cluster: client.name,
          namespace,
          pod: name,
          container: container.name,
        },
        lines,
      );
    }
  }
}
