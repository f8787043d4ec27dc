import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import { DiagnosesError, DiagnosisList } from '../Diagnoses';

/** What the analyzers found about this pod. */
export function PodDiagnoses(props: {
  cluster: string;
  namespace: string;
  pod: string;
  /** The pod's owners (ReplicaSet, Deployment...), whose diagnoses concern it too. */
  owners: { kind: string; name: string }[];
}) {
  const api = useApi(clustersApiRef);
  const { cluster, namespace, pod, owners } = props;
  const diagnoses = useAsync(async () => {
    const concerned = [{ kind: 'Pod', name: pod }, ...owners];
    const all = await api.listDiagnoses({ cluster, namespace, state: 'all' });
    const rank = (d: { kind: string; name: string }) =>
      concerned.findIndex(o => o.kind === d.kind && o.name === d.name);
    // the pod's own problems first, then its owners' from the nearest up
    return all.filter(d => rank(d) >= 0).sort((a, b) => rank(a) - rank(b));
    // owners are fixed for a pod
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, cluster, namespace, pod]);
  return (
    <InfoCard title="Diagnosis" noPadding>
      {diagnoses.loading && <Progress />}
      {diagnoses.error && <DiagnosesError error={diagnoses.error} />}
      {diagnoses.value && (
        <DiagnosisList diagnoses={diagnoses.value} showCluster={false} />
      )}
    </InfoCard>
  );
}
