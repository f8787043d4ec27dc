import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Agent,
  agentsRevokePermission,
  agentsRotatePermission,
} from '@kubedeck/plugin-agent-hub-common';
import { agentHubApiRef } from '../../api';
import { missingPermission } from './missingPermission';
import { RevokeAgentDialog } from './RevokeAgentDialog';

/**
 * Rotate and revoke (after confirmation) for one agent, each disabled with the missing
 * permission named.
 */
export function AgentActions(props: {
  agent: Agent;
  onDone: (message: string) => void;
  onError: (error: Error) => void;
}) {
  const { agent, onDone, onError } = props;
  const api = useApi(agentHubApiRef);
  const rotate = usePermission({ permission: agentsRotatePermission });
  const revoke = usePermission({ permission: agentsRevokePermission });
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const run = (action: () => Promise<string>) => {
    setBusy(true);
    action()
      .then(onDone, onError)
      .finally(() => setBusy(false));
  };
  const button = (
    label: string,
    decision: { loading: boolean; allowed: boolean },
    permission: string,
    onClick: () => void,
  ) => (
    <Tooltip
      title={
        (decision.loading && 'Checking your permissions…') ||
        (decision.allowed ? '' : missingPermission(permission))
      }
    >
      <span>
        <Button
          size="small"
          aria-busy={decision.loading}
          disabled={!decision.allowed || busy}
          onClick={onClick}
        >
          {label}
        </Button>
      </span>
    </Tooltip>
  );

  return (
    <>
      {button('Rotate', rotate, agentsRotatePermission.name, () =>
        run(async () => {
          await api.rotateCredential(agent.id);
          return `Rotated the credential of ${agent.clusterName}; a connected agent received it.`;
        }),
      )}
      {button('Revoke', revoke, agentsRevokePermission.name, () =>
        setConfirming(true),
      )}
      {confirming && (
        <RevokeAgentDialog
          agent={agent}
          onClose={() => setConfirming(false)}
          onRevoke={() => {
            setConfirming(false);
            run(async () => {
              await api.revokeAgent(agent.id);
              return `Revoked the agent of ${agent.clusterName}; its stream was closed.`;
            });
          }}
        />
      )}
    </>
  );
}
