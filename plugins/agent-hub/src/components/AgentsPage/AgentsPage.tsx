import { Content, Progress, WarningPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { agentsReadPermission } from '@kubedeck/plugin-agent-hub-common';
import { AgentsList } from './AgentsList';

/** The Agents page: agents for users allowed to read them, otherwise what they are missing. */
export function AgentsPage() {
  const { loading, allowed } = usePermission({
    permission: agentsReadPermission,
  });

  if (loading) {
    return (
      <Content>
        <Progress />
      </Content>
    );
  }
  if (!allowed) {
    return (
      <Content>
        <WarningPanel
          severity="error"
          defaultExpanded
          title="You are not allowed to see agents"
          message={
            <>
              Missing permission <code>{agentsReadPermission.name}</code>. Ask a
              Kubedeck administrator to grant it to you.
            </>
          }
        />
      </Content>
    );
  }
  return (
    <Content>
      <AgentsList />
    </Content>
  );
}
