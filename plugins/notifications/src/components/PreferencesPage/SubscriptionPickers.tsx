import { useApi } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import { kubedeckNotificationsApiRef } from '../../api';

type PickerProps = {
  label: string;
  value: string;
  anyLabel: string;
  options?: string[];
  disabled?: boolean;
  onChange(value: string): void;
};

/** A select over the options; a text field when they cannot be listed. */
function Picker(props: PickerProps) {
  const id = `subscription-${props.label.toLocaleLowerCase('en-US')}`;
  if (!props.options) {
    return (
      <TextField
        id={id}
        label={props.label}
        placeholder={props.anyLabel}
        variant="outlined"
        size="small"
        value={props.value}
        disabled={props.disabled}
        onChange={e => props.onChange(e.target.value.trim())}
      />
    );
  }
  return (
    <FormControl
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      disabled={props.disabled}
    >
      <InputLabel id={id} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={id}
        label={props.label}
        value={props.value}
        displayEmpty
        onChange={e => props.onChange(String(e.target.value))}
      >
        <MenuItem value="">{props.anyLabel}</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Options while loading (none yet) and once loaded; undefined when they cannot be listed. */
const listed = (state: { loading: boolean; error?: Error; value?: string[] }) =>
  state.error ? undefined : state.value ?? [];

/**
 * Cluster and namespace pickers fed by the Kubedeck clusters backend; plain text fields when
 * its lists cannot be loaded (it is not installed, or the user may not list clusters), and
 * for a namespace in any cluster.
 */
export function ClusterNamespacePickers(props: {
  cluster: string;
  namespace: string;
  disabled?: boolean;
  onChange(value: { cluster: string; namespace: string }): void;
}) {
  const api = useApi(kubedeckNotificationsApiRef);
  const clusters = useAsync(() => api.listClusters(), [api]);
  const namespaces = useAsync(
    async () => (props.cluster ? api.listNamespaces(props.cluster) : []),
    [api, props.cluster],
  );

  return (
    <>
      <Picker
        label="Cluster"
        anyLabel="Any cluster"
        value={props.cluster}
        options={listed(clusters)}
        disabled={props.disabled}
        onChange={cluster => props.onChange({ cluster, namespace: '' })}
      />
      <Picker
        label="Namespace"
        anyLabel="Any namespace"
        value={props.namespace}
        options={props.cluster ? listed(namespaces) : undefined}
        disabled={props.disabled}
        onChange={namespace =>
          props.onChange({ cluster: props.cluster, namespace })
        }
      />
    </>
  );
}
