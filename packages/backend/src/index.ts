import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { clustersModuleAgentHub } from '@kubedeck/plugin-agent-hub-backend';
import { kubedeckAuditorServiceFactory } from '@kubedeck/plugin-audit-node';
import { stripImpersonationHeaders } from '@kubedeck/plugin-kubernetes-backend-module-kubedeck-clusters';

const backend = createBackend();

// Backstage's /api/kubernetes/proxy forwards callers' headers with the cluster's credentials:
// drop client-sent Impersonate-* headers before any plugin sees the request.
backend.add(
  rootHttpRouterServiceFactory({
    configure({ app, applyDefaults }) {
      app.use(stripImpersonationHeaders);
      applyDefaults();
    },
  }),
);

// Audit trail: Backstage's auditor for every plugin, plus the hash-chained audit table.
backend.add(kubedeckAuditorServiceFactory);
backend.add(import('@kubedeck/plugin-audit-backend'));

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest in development, OIDC in production (see app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@kubedeck/plugin-permission-backend-module-kubedeck-policy'),
);
backend.add(import('@backstage/plugin-kubernetes-backend'));
// Kubedeck clusters: suppliers, resources, logs, live updates, diagnosis; and the same
// clusters for Backstage's Kubernetes plugin.
backend.add(import('@kubedeck/plugin-clusters-backend'));
backend.add(
  import('@kubedeck/plugin-kubernetes-backend-module-kubedeck-clusters'),
);
// Kubedeck agent hub: registration tokens, the agents' gRPC port, agent clusters (supplied to
// the clusters plugin by its module).
backend.add(import('@kubedeck/plugin-agent-hub-backend'));
backend.add(clustersModuleAgentHub);
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@kubedeck/plugin-notifications-backend'));
backend.add(
  import('@kubedeck/plugin-notifications-backend-module-kubedeck-producers'),
);

backend.start();
