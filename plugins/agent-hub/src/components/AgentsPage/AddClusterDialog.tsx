import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  AGENT_PRESETS,
  AgentPreset,
  CreateTokenResponse,
  PolicyRule,
} from '@kubedeck/plugin-agent-hub-common';
import { agentHubApiRef } from '../../api';
import { InstallCommands } from './InstallCommands';

const EXAMPLE_RULES =
  '[{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]}]';

function parseRules(text: string): PolicyRule[] {
  try {
    return JSON.parse(text) as PolicyRule[];
  } catch {
    throw new Error('Rules must be a JSON array of RBAC rules');
  }
}

/** Add cluster → Agent: name, preset, expiry; then the install commands with copy buttons. */
export function AddClusterDialog(props: {
  open: boolean;
  onClose: () => void;
}) {
  const api = useApi(agentHubApiRef);
  const [clusterName, setClusterName] = useState('');
  const [preset, setPreset] = useState<AgentPreset>('read-only');
  const [rules, setRules] = useState(EXAMPLE_RULES);
  const [hours, setHours] = useState('24');
  const [created, setCreated] = useState<CreateTokenResponse>();
  const [error, setError] = useState<string>();

  const generate = async () => {
    setError(undefined);
    try {
      setCreated(
        await api.createToken({
          clusterName,
          preset,
          expiresInHours: Number(hours),
          ...(preset === 'custom' ? { rules: parseRules(rules) } : {}),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const close = () => {
    setCreated(undefined);
    setError(undefined);
    props.onClose();
  };

  return (
    <Dialog
      open={props.open}
      onClose={close}
      fullWidth
      maxWidth="md"
      aria-labelledby="agent-hub-add-cluster-title"
    >
      <DialogTitle id="agent-hub-add-cluster-title">
        Add a cluster through the agent
      </DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{error}</Alert>}
        {created ? (
          <InstallCommands created={created} />
        ) : (
          <>
            <TextField
              id="agent-hub-cluster-name"
              label="Cluster name"
              value={clusterName}
              onChange={e => setClusterName(e.target.value)}
              helperText="Lowercase letters, digits and -"
              fullWidth
              margin="dense"
            />
            <TextField
              select
              id="agent-hub-preset"
              label="Permission preset"
              value={preset}
              onChange={e => setPreset(e.target.value as AgentPreset)}
              fullWidth
              margin="dense"
            >
              {AGENT_PRESETS.map(p => (
                <MenuItem key={p} value={p}>
                  {p}
                </MenuItem>
              ))}
            </TextField>
            {preset === 'custom' && (
              <TextField
                id="agent-hub-rules"
                label="Rules (JSON)"
                value={rules}
                onChange={e => setRules(e.target.value)}
                multiline
                minRows={3}
                fullWidth
                margin="dense"
              />
            )}
            <TextField
              id="agent-hub-expiry"
              label="Token expires in (hours)"
              type="number"
              value={hours}
              onChange={e => setHours(e.target.value)}
              fullWidth
              margin="dense"
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{created ? 'Done' : 'Cancel'}</Button>
        {!created && (
          <Button
            color="primary"
            variant="contained"
            onClick={generate}
            disabled={!clusterName}
          >
            Generate command
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
