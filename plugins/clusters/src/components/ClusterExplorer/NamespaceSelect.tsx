import { useApi } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';

const NAMESPACES = { group: 'core', version: 'v1', resource: 'namespaces' };

/** Picks one namespace of the cluster, or all ('' ). */
export function NamespaceSelect(props: {
  cluster: string;
  value: string;
  disabled?: boolean;
  onChange(namespace: string): void;
}) {
  const api = useApi(clustersApiRef);
  const namespaces = useAsync(
    () =>
      api.listObjects(
        { cluster: props.cluster, type: NAMESPACES },
        { limit: 500 },
      ),
    [api, props.cluster],
  );
  const names = (namespaces.value?.items ?? []).map(n => n.metadata.name);
  if (props.value && !names.includes(props.value)) {
    names.push(props.value);
  }
  return (
    <FormControl
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      disabled={props.disabled}
    >
      <InputLabel id="namespace-select" shrink>
        Namespace
      </InputLabel>
      <Select
        labelId="namespace-select"
        label="Namespace"
        value={props.value}
        displayEmpty
        input={<OutlinedInput notched label="Namespace" />}
        onChange={e => props.onChange(String(e.target.value))}
      >
        <MenuItem value="">All namespaces</MenuItem>
        {names.sort().map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
