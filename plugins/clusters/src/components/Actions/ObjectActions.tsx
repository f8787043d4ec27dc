import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  clusterResourceDeletePermission,
  clusterResourceUpdatePermission,
} from '@kubedeck/plugin-clusters-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import LinearScaleIcon from '@material-ui/icons/LinearScale';
import ReplayIcon from '@material-ui/icons/Replay';
import { useState } from 'react';
import { clustersApiRef, ObjectRef } from '../../api';
import { RESTARTABLE_KINDS, SCALABLE_KINDS } from '../../lib/kinds';
import { ConfirmDialog } from './ConfirmDialog';
import { GatedButton } from './GatedButton';

type Action = 'delete' | 'restart' | 'scale';

/** Props of {@link ObjectActions}. */
export type ObjectActionsProps = {
  object: ObjectRef;
  kind: string;
  /** Current replicas, for the scale dialog. */
  replicas?: number;
  /** Which actions to offer (default: every one the kind supports). */
  actions?: Action[];
  /** Button label prefix, such as `pod` or `deployment web`. */
  noun?: string;
  onDone?(action: Action): void;
};

/** Delete, rollout restart and scale, each behind a confirmation and its permission. */
export function ObjectActions(props: ObjectActionsProps) {
  const { object, kind } = props;
  const api = useApi(clustersApiRef);
  const alertApi = useApi(alertApiRef);
  const [open, setOpen] = useState<Action>();
  const [replicas, setReplicas] = useState(String(props.replicas ?? 1));
  const target = { cluster: object.cluster, namespace: object.namespace, kind };
  const noun = props.noun ?? kind.toLowerCase();
  const supported = (props.actions ?? ['scale', 'restart', 'delete']).filter(
    a =>
      a === 'delete' ||
      (a === 'restart' && RESTARTABLE_KINDS.includes(kind)) ||
      (a === 'scale' && SCALABLE_KINDS.includes(kind)),
  );
  const run = async (action: Action) => {
    if (action === 'delete') await api.deleteObject(object);
    if (action === 'restart') await api.restartObject(object);
    if (action === 'scale') await api.scaleObject(object, Number(replicas));
    const done = {
      delete: `Deleted ${kind} ${object.name}`,
      restart: `Restarted ${kind} ${object.name}`,
      scale: `Scaled ${kind} ${object.name} to ${replicas}`,
    };
    alertApi.post({
      message: done[action],
      severity: 'success',
      display: 'transient',
    });
    props.onDone?.(action);
  };
  const name = `${kind} ${object.name}${
    object.namespace ? ` in ${object.namespace}` : ''
  }`;

  return (
    <>
      {supported.includes('scale') && (
        <GatedButton
          permission={clusterResourceUpdatePermission}
          target={target}
          startIcon={<LinearScaleIcon />}
          onClick={() => {
            setReplicas(String(props.replicas ?? 1));
            setOpen('scale');
          }}
        >
          Scale {noun}
        </GatedButton>
      )}
      {supported.includes('restart') && (
        <GatedButton
          permission={clusterResourceUpdatePermission}
          target={target}
          startIcon={<ReplayIcon />}
          onClick={() => setOpen('restart')}
        >
          Restart {noun}
        </GatedButton>
      )}
      {supported.includes('delete') && (
        <GatedButton
          permission={clusterResourceDeletePermission}
          target={target}
          startIcon={<DeleteIcon />}
          onClick={() => setOpen('delete')}
        >
          Delete {noun}
        </GatedButton>
      )}
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete"
        destructive
        onConfirm={() => run('delete')}
        onClose={() => setOpen(undefined)}
      >
        <Typography>
          {kind === 'Pod'
            ? 'The pod is deleted; a controller that owns it creates a replacement.'
            : 'The object is deleted from the cluster. This cannot be undone.'}
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'restart'}
        title={`Restart ${name}?`}
        confirmLabel="Restart"
        onConfirm={() => run('restart')}
        onClose={() => setOpen(undefined)}
      >
        <Typography>
          Its pods are replaced one by one (rollout restart).
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'scale'}
        title={`Scale ${name}`}
        confirmLabel="Scale"
        onConfirm={() => run('scale')}
        onClose={() => setOpen(undefined)}
      >
        <TextField
          id="scale-replicas"
          label="Replicas"
          type="number"
          value={replicas}
          inputProps={{ min: 0, max: 10000 }}
          onChange={e => setReplicas(e.target.value)}
          fullWidth
        />
      </ConfirmDialog>
    </>
  );
}
