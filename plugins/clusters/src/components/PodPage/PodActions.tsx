import { useApi } from '@backstage/frontend-plugin-api';
import {
  OwnerLinkInfo,
  PodDetailsInfo,
} from '@kubedeck/plugin-clusters-common';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef, ObjectRef } from '../../api';
import {
  RESTARTABLE_KINDS,
  SCALABLE_KINDS,
  typeOfOwner,
} from '../../lib/kinds';
import { ObjectActions } from '../Actions';

/** The workload that manages the pod: the top-most owner that can restart or scale. */
export function owningWorkload(
  chain: OwnerLinkInfo[],
): OwnerLinkInfo | undefined {
  return [...chain]
    .reverse()
    .find(
      o =>
        RESTARTABLE_KINDS.includes(o.kind) || SCALABLE_KINDS.includes(o.kind),
    );
}

/** Delete the pod; restart or scale the workload that owns it. */
export function PodActions(props: {
  cluster: string;
  pod: PodDetailsInfo;
  onDeleted(): void;
}) {
  const { cluster, pod } = props;
  const api = useApi(clustersApiRef);
  const owner = owningWorkload(pod.ownerChain);
  const ownerRef: ObjectRef | undefined = owner && {
    cluster,
    namespace: pod.namespace,
    name: owner.name,
    type: typeOfOwner(owner),
  };
  const ownerObject = useAsync(
    async () =>
      ownerRef && SCALABLE_KINDS.includes(owner!.kind)
        ? api.getObject(ownerRef)
        : undefined,
    [api, cluster, pod.namespace, owner?.kind, owner?.name],
  );
  return (
    <>
      {owner && ownerRef && (
        <ObjectActions
          object={ownerRef}
          kind={owner.kind}
          replicas={ownerObject.value?.spec?.replicas}
          actions={['scale', 'restart']}
          noun={owner.kind.toLowerCase()}
        />
      )}
      <ObjectActions
        object={{
          cluster,
          namespace: pod.namespace,
          name: pod.name,
          type: { group: 'core', version: 'v1', resource: 'pods' },
        }}
        kind="Pod"
        actions={['delete']}
        noun="pod"
        onDone={props.onDeleted}
      />
    </>
  );
}
