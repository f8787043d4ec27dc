import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterNamespaceFilters } from '../cluster';
import { readKubeBody, sendKubeRequest } from './kubeRequest';
import {
  createNamespacePredicate,
  filtersNeedLabels,
  NamespacePredicate,
} from './namespaceFilter';

const LABEL_CACHE_MS = 30_000;

/**
 * Applies one cluster's configured namespace filters. Reads namespace labels with the
 * plugin's own credentials (cached briefly) when label exclusions are configured.
 *
 * @public
 */
export class NamespaceGate {
  readonly #predicate: NamespacePredicate;
  readonly #needLabels: boolean;
  readonly #labels = new Map<
    string,
    { at: number; labels: Promise<Record<string, string>> }
  >();

  constructor(
    private readonly kubeConfig: KubeConfig,
    filters: ClusterNamespaceFilters | undefined,
  ) {
    this.#predicate = createNamespacePredicate(filters);
    this.#needLabels = filtersNeedLabels(filters);
    this.active = Boolean(
      filters?.allow ||
        filters?.include?.length ||
        filters?.exclude?.length ||
        this.#needLabels,
    );
  }

  /** Whether any filter is configured at all. */
  readonly active: boolean;

  /** Decides from a namespace object already at hand (lists of namespaces). */
  allowsObject(namespace: {
    metadata?: { name?: string; labels?: Record<string, string> };
  }): boolean {
    return this.#predicate({
      name: namespace.metadata?.name ?? '',
      labels: namespace.metadata?.labels,
    });
  }

  /** Decides by name, reading labels when needed. */
  async allows(name: string): Promise<boolean> {
    if (!this.#needLabels) {
      return this.#predicate({ name });
    }
    return this.#predicate({ name, labels: await this.#labelsOf(name) });
  }

  #labelsOf(name: string): Promise<Record<string, string>> {
    const cached = this.#labels.get(name);
    if (cached && Date.now() - cached.at < LABEL_CACHE_MS) {
      return cached.labels;
    }
    const labels = this.#fetchLabels(name);
    this.#labels.set(name, { at: Date.now(), labels });
    return labels;
  }

  async #fetchLabels(name: string): Promise<Record<string, string>> {
    const response = await sendKubeRequest(this.kubeConfig, {
      path: `/api/v1/namespaces/${encodeURIComponent(name)}`,
    });
    const text = await readKubeBody(response);
    if (response.status !== 200) {
      return {};
    }
    return JSON.parse(text).metadata?.labels ?? {};
  }
}
