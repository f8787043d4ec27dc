import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ClusterHealthSummary } from '@kubedeck/plugin-clusters-common';
import { StatusChip } from '../StatusChip';

/** `2 critical · 1 warning`, `Healthy` with no open diagnosis, or that there is no data. */
export function HealthSummary(props: { health?: ClusterHealthSummary }) {
  const { health } = props;
  if (!health) {
    return (
      <Typography variant="body2" color="textSecondary">
        No diagnosis data
      </Typography>
    );
  }
  if (health.critical === 0 && health.warning === 0) {
    return <StatusChip status={{ text: 'Healthy', tone: 'ok' }} />;
  }
  return (
    <Box display="flex" gridGap={4} flexWrap="wrap">
      {health.critical > 0 && (
        <StatusChip
          status={{ text: `${health.critical} critical`, tone: 'error' }}
        />
      )}
      {health.warning > 0 && (
        <StatusChip
          status={{ text: `${health.warning} warning`, tone: 'warning' }}
        />
      )}
    </Box>
  );
}
