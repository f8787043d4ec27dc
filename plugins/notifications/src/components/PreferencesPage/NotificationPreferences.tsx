import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { notificationPreferencesUpdatePermission } from '@kubedeck/plugin-notifications-common';
import { MissingPermission } from '@kubedeck/plugin-kubedeck-react';
import { PreferencesMatrix } from './PreferencesMatrix';
import { SubscriptionsCard } from './SubscriptionsCard';
import { usePreferences } from './usePreferences';

/** The matrix and the subscriptions, with their loading, saving and error states. */
export function NotificationPreferences() {
  const preferences = usePreferences();
  const update = usePermission({
    permission: notificationPreferencesUpdatePermission,
  });

  if (preferences.loading || update.loading) {
    return <Progress />;
  }
  if (preferences.loadError) {
    return (
      <ResponseErrorPanel
        title="Could not load your notification preferences"
        error={preferences.loadError}
      />
    );
  }
  return (
    <>
      <InfoCard
        title="How you hear about alerts"
        subheader="For each category, how often each channel tells you. Changes are saved as you make them."
      >
        {!update.allowed && (
          <Box mb={2}>
            <MissingPermission
              permission={notificationPreferencesUpdatePermission}
              action="change your notification preferences"
            />
          </Box>
        )}
        {preferences.saveError && (
          <Box mb={2}>
            <Alert
              severity="error"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={preferences.reload}
                >
                  Reload
                </Button>
              }
            >
              Your change was not saved: {preferences.saveError.message}
            </Alert>
          </Box>
        )}
        <PreferencesMatrix
          channels={preferences.channels}
          cells={preferences.cells}
          readOnly={!update.allowed}
          onChange={preferences.change}
        />
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            {preferences.saving
              ? 'Saving…'
              : 'Immediately: as it happens. Daily and weekly: grouped in a digest. Channels other than the inbox are added by administrators.'}
          </Typography>
        </Box>
      </InfoCard>
      <Box mt={3}>
        <SubscriptionsCard
          loaded={preferences.subscriptions}
          readOnly={!update.allowed}
        />
      </Box>
    </>
  );
}
