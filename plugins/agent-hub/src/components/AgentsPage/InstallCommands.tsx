import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CopyTextButton } from '@backstage/core-components';
import type { CreateTokenResponse } from '@kubedeck/plugin-agent-hub-common';

function Command(props: { title: string; text: string }) {
  return (
    <>
      <Typography variant="subtitle2">
        {props.title} <CopyTextButton text={props.text} tooltipText="Copied" />
      </Typography>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {props.text}
      </pre>
    </>
  );
}

/** The install commands of a new token; the token is shown this once. */
export function InstallCommands(props: { created: CreateTokenResponse }) {
  const { created } = props;
  return (
    <>
      <Alert severity="info">
        Run one of these in the cluster within the token's lifetime (until{' '}
        {new Date(created.registration.expiresAt).toLocaleString()}). The token
        is shown only now and works once.
      </Alert>
      <Command title="Helm" text={created.install.helm} />
      <Command title="kubectl" text={created.install.kubectl} />
    </>
  );
}
