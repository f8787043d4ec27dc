import type { RouteServices } from '@kubedeck/plugin-kubedeck-node';
import type { AgentHubConfig } from '../config';
import type { AgentService } from './AgentService';
import type { TokenService } from './TokenService';

/** Everything the routes use. */
export type RouteContext = RouteServices & {
  tokens: TokenService;
  agents: AgentService;
  config: AgentHubConfig;
};
