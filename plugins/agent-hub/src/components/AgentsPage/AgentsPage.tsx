import { Content } from '@backstage/core-components';
import { agentsReadPermission } from '@kubedeck/plugin-agent-hub-common';
import { PermissionGate } from '@kubedeck/plugin-kubedeck-react';
import { AgentsList } from './AgentsList';

/** The Agents page: agents for users allowed to read them, otherwise what they are missing. */
export function AgentsPage() {
  return (
    <Content>
      <PermissionGate permission={agentsReadPermission} action="see agents">
        <AgentsList />
      </PermissionGate>
    </Content>
  );
}
