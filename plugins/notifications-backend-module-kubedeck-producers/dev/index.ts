import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Runs the producers with the clusters and notifications plugins and guest-like mock services:
// `yarn start` in this package (clusters from the app config, such as the demo cluster).
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(catalogServiceMock.factory({ entities: [] }));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@kubedeck/plugin-clusters-backend'));
backend.add(import('@kubedeck/plugin-notifications-backend'));
backend.add(import('../src'));
backend.start();
