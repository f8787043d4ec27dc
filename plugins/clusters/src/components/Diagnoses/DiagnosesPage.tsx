import { Content, ContentHeader, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import { DiagnosesError } from './DiagnosesError';
import { DiagnosisList } from './DiagnosisList';

type State = 'open' | 'resolved' | 'all';

/** Diagnoses across every cluster, open by default. */
export function DiagnosesPage() {
  const api = useApi(clustersApiRef);
  // filters live in the URL, so the overview can link to one cluster's diagnoses
  const [search, setSearch] = useSearchParams();
  const state = (search.get('state') ?? 'open') as State;
  const cluster = search.get('cluster') ?? '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const setState = (value: State) =>
    set('state', value === 'open' ? '' : value);
  const setCluster = (value: string) => set('cluster', value);
  const clusters = useAsync(() => api.listClusters(), [api]);
  const diagnoses = useAsync(
    () => api.listDiagnoses({ state, cluster: cluster || undefined }),
    [api, state, cluster],
  );

  return (
    <Content>
      <ContentHeader title="Diagnoses">
        <FormControl
          variant="outlined"
          size="small"
          style={{ minWidth: 160, marginRight: 8 }}
        >
          <InputLabel id="diagnoses-cluster" shrink>
            Cluster
          </InputLabel>
          <Select
            labelId="diagnoses-cluster"
            label="Cluster"
            displayEmpty
            input={<OutlinedInput notched label="Cluster" />}
            value={cluster}
            onChange={e => setCluster(String(e.target.value))}
          >
            <MenuItem value="">All clusters</MenuItem>
            {(clusters.value ?? []).map(c => (
              <MenuItem key={c.name} value={c.name}>
                {c.title}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl variant="outlined" size="small" style={{ minWidth: 140 }}>
          <InputLabel id="diagnoses-state">State</InputLabel>
          <Select
            labelId="diagnoses-state"
            label="State"
            value={state}
            onChange={e => setState(e.target.value as State)}
          >
            <MenuItem value="open">Open</MenuItem>
            <MenuItem value="resolved">Resolved</MenuItem>
            <MenuItem value="all">All</MenuItem>
          </Select>
        </FormControl>
      </ContentHeader>
      {diagnoses.loading && <Progress />}
      {diagnoses.error && <DiagnosesError error={diagnoses.error} />}
      {diagnoses.value && (
        <Paper>
          <DiagnosisList diagnoses={diagnoses.value} />
        </Paper>
      )}
    </Content>
  );
}
