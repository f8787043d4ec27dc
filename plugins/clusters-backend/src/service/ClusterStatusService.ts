import type { ClusterInfo } from '@kubedeck/plugin-clusters-common';
import {
  ClusterAccessService,
  ClusterDefinition,
} from '@kubedeck/plugin-clusters-node';
import { probeCluster, probeErrorMessage } from './ClusterProbe';

const STATUS_TTL_MS = 10_000;

type Entry = { at: number; probing?: Promise<ClusterInfo>; last?: ClusterInfo };

/**
 * Keeps each cluster's last probe result. A result older than a few seconds is refreshed in
 * the background while the last one is answered, so a slow or unreachable cluster never
 * delays the cluster list; only a cluster's very first probe is waited for.
 */
export class ClusterStatusService {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly access: ClusterAccessService,
    private readonly ttlMs = STATUS_TTL_MS,
  ) {}

  async statusOf(definition: ClusterDefinition): Promise<ClusterInfo> {
    let entry = this.#entries.get(definition.name);
    if (!entry) {
      entry = { at: 0 };
      this.#entries.set(definition.name, entry);
    }
    if (Date.now() - entry.at >= this.ttlMs && !entry.probing) {
      entry.at = Date.now();
      entry.probing = this.#probe(definition, entry);
    }
    return entry.last ?? entry.probing!;
  }

  async #probe(
    definition: ClusterDefinition,
    entry: Entry,
  ): Promise<ClusterInfo> {
    try {
      const client = await this.access.forPlugin({ cluster: definition.name });
      entry.last = await probeCluster(definition, client, entry.last);
    } catch (error) {
      entry.last = {
        name: definition.name,
        title: definition.title ?? definition.name,
        connectionType: definition.connectionType,
        status: {
          reachable: false,
          checkedAt: new Date().toISOString(),
          lastError: probeErrorMessage(error),
        },
        capabilities: { metrics: false, crds: false },
      };
    } finally {
      entry.probing = undefined;
    }
    return entry.last;
  }
}
