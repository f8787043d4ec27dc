import { useApi } from '@backstage/frontend-plugin-api';
import { ClusterDiagnosis, KubeObject } from '@kubedeck/plugin-clusters-common';
import { useEffect, useState } from 'react';
import { clustersApiRef } from '../../api';
import { BUILT_IN_KINDS } from '../../lib/kinds';
import { labelSelectorMatcher } from '../../lib/labelSelector';

const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
];
const WORKLOAD_TYPES = BUILT_IN_KINDS.filter(k =>
  WORKLOAD_KINDS.includes(k.kind),
);
const POD_TYPE = BUILT_IN_KINDS.find(k => k.kind === 'Pod')!;
/** Workloads are re-read at most this often while pods change. */
const RELOAD_MS = 3_000;

/** An entity's objects in one cluster. */
export type ClusterWorkloads = {
  loading: boolean;
  error?: Error;
  workloads: KubeObject[];
  pods: KubeObject[];
  diagnoses?: ClusterDiagnosis[];
};

function withKind(kind: string) {
  return (o: KubeObject) => (o.kind ? o : { ...o, kind });
}

/**
 * The workloads and pods matching a selector in one cluster, kept live: pods through the
 * watch stream, workloads re-read (at most every few seconds) whenever a matching pod changes.
 */
export function useClusterWorkloads(
  cluster: string,
  labelSelector: string,
  namespace?: string,
): ClusterWorkloads {
  const api = useApi(clustersApiRef);
  const [state, setState] = useState<ClusterWorkloads>({
    loading: true,
    workloads: [],
    pods: [],
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      Promise.all(
        WORKLOAD_TYPES.map(k =>
          api
            .listObjects(
              { cluster, namespace, type: k.type },
              { labelSelector, limit: 500 },
            )
            .then(list => list.items.map(withKind(k.kind))),
        ),
      ),
      api.listObjects(
        { cluster, namespace, type: POD_TYPE.type },
        { labelSelector, limit: 500 },
      ),
      api.listDiagnoses({ cluster, namespace }).catch(() => undefined),
    ])
      .then(([workloads, pods, diagnoses]) => {
        if (cancelled) return;
        const all = workloads.flat();
        const podItems = pods.items.map(withKind('Pod'));
        const names = new Set(
          [...all, ...podItems].map(
            o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
          ),
        );
        setState({
          loading: false,
          workloads: all,
          pods: podItems,
          diagnoses: diagnoses?.filter(d =>
            names.has(`${d.kind}/${d.namespace}/${d.name}`),
          ),
        });
      })
      .catch(
        error => !cancelled && setState(s => ({ ...s, loading: false, error })),
      );
    return () => {
      cancelled = true;
    };
  }, [api, cluster, labelSelector, namespace, generation]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setGeneration(g => g + 1);
      }, RELOAD_MS);
    };
    let first = true;
    const matches = labelSelectorMatcher(labelSelector);
    const stop = api.watch(
      { cluster, namespace, type: POD_TYPE.type },
      {
        onReset: () => {
          if (!first) reload();
          first = false;
        },
        onChange: (_type, object) => {
          // the watch is not filtered by label: only react to the entity's pods
          if (matches(object.metadata.labels)) {
            reload();
          }
        },
      },
    );
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [api, cluster, labelSelector, namespace]);

  return state;
}
