import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { agentHubApiRef } from './api';
import { agentHubPlugin } from './plugin';

describe('agentHubPlugin', () => {
  it('mounts the Agents page at /agents with a title for its sidebar entry', () => {
    const tester = createExtensionTester(
      agentHubPlugin.getExtension('page:agent-hub'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/agents');
    expect(tester.get(coreExtensionData.title)).toBe('Agents');
  });

  it('provides the agent hub API', () => {
    const tester = createExtensionTester(
      agentHubPlugin.getExtension('api:agent-hub'),
    );
    expect(tester.get(ApiBlueprint.dataRefs.factory).api).toBe(agentHubApiRef);
  });
});
