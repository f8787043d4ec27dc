import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { signInPage } from './SignInPage';

/** Replaces the app plugin's default sign-in page with Kubedeck's. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
