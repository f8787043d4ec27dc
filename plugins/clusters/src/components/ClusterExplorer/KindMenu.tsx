import { useApi } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import {
  BUILT_IN_KINDS,
  KindDefinition,
  kindOfResource,
} from '../../lib/kinds';

/** Built-in kinds plus the custom resources the cluster serves (from discovery). */
export function useClusterKinds(cluster: string): KindDefinition[] {
  const api = useApi(clustersApiRef);
  const served = useAsync(
    () => api.listResourceTypes(cluster).catch(() => []),
    [api, cluster],
  );
  return useMemo(() => {
    const custom = (served.value ?? [])
      .map(kindOfResource)
      .filter((k): k is KindDefinition => Boolean(k))
      .sort((a, b) => a.title.localeCompare(b.title));
    return [...BUILT_IN_KINDS, ...custom];
  }, [served.value]);
}

/** The kinds as a grouped menu. */
export function KindMenu(props: {
  kinds: KindDefinition[];
  selected: string;
  onSelect(id: string): void;
}) {
  const sections = [...new Set(props.kinds.map(k => k.section))];
  return (
    <List dense aria-label="Kinds">
      {sections.map(section => (
        <li key={section}>
          <ul style={{ padding: 0 }}>
            <ListSubheader disableSticky>{section}</ListSubheader>
            {props.kinds
              .filter(k => k.section === section)
              .map(k => (
                <ListItem
                  key={k.id}
                  button
                  selected={k.id === props.selected}
                  onClick={() => props.onSelect(k.id)}
                >
                  <ListItemText
                    primary={k.title}
                    secondary={
                      k.section === 'Custom resources'
                        ? k.type.group
                        : undefined
                    }
                  />
                </ListItem>
              ))}
          </ul>
        </li>
      ))}
    </List>
  );
}
