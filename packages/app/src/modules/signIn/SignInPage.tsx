import { SignInPage as CoreSignInPage } from '@backstage/core-components';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The sign-in page, offering the guest provider that the development configuration enables
 * (`auth.providers.guest` in app-config.yaml). The page header shows `app.title`.
 */
export const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      (
        <CoreSignInPage
          {...props}
          title="Select a sign-in method"
          align="center"
          providers={['guest']}
        />
      ),
  },
});
