import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// Runs the plugin alone with mock auth (every request is an allowed user): `yarn start` in this
// package, with kubedeck.agentHub.grpc configured in app-config.yaml (port 7443, insecure).
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(mockServices.permissions.factory());
backend.add(import('../src'));
backend.start();
