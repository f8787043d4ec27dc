import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import {
  PinnedResource,
  usePinnedResources,
} from '../../hooks/usePinnedResources';
import { clusterRouteRef, podRouteRef } from '../../routes';
import { PinButton } from './PinButton';

/** Where a pinned object opens: a pod's page, or the explorer with the object's drawer open. */
export function usePinnedLink() {
  const clusterLink = useRouteRef(clusterRouteRef);
  const podLink = useRouteRef(podRouteRef);
  return (p: PinnedResource) => {
    if (p.kind === 'Pod' && podLink) {
      return podLink({
        cluster: p.cluster,
        namespace: p.namespace ?? '',
        pod: p.name,
      });
    }
    const query = new URLSearchParams({ kind: p.kindId, open: p.name });
    if (p.namespace) query.set('namespace', p.namespace);
    return `${clusterLink?.({ cluster: p.cluster }) ?? ''}?${query}`;
  };
}

/** The user's pinned objects (of one cluster, or all); nothing when there are none. */
export function PinnedList(props: { cluster?: string }) {
  const { pinned } = usePinnedResources();
  const linkOf = usePinnedLink();
  const shown = props.cluster
    ? pinned.filter(p => p.cluster === props.cluster)
    : pinned;
  if (shown.length === 0) {
    return null;
  }
  return (
    <InfoCard title="Pinned" noPadding>
      <List dense aria-label="Pinned">
        {shown.map(p => (
          <ListItem
            key={`${p.cluster}/${p.kindId}/${p.namespace ?? ''}/${p.name}`}
          >
            <ListItemText
              primary={<Link to={linkOf(p)}>{p.name}</Link>}
              secondary={[
                p.kind,
                props.cluster ? undefined : p.cluster,
                p.namespace,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
            <ListItemSecondaryAction>
              <PinButton resource={p} />
            </ListItemSecondaryAction>
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
