import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { auditApiRef } from '../../api';

/** The result of walking the hash chain, with a button to walk it again. */
export function VerificationBanner() {
  const auditApi = useApi(auditApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => auditApi.verify(),
    [auditApi],
  );

  const again = (
    <Button color="inherit" size="small" onClick={retry} disabled={loading}>
      Verify again
    </Button>
  );

  if (loading) {
    return <Alert severity="info">Verifying the audit chain…</Alert>;
  }
  if (error || !value) {
    return (
      <Alert severity="warning" action={again}>
        Could not verify the audit chain: {error?.message}
      </Alert>
    );
  }
  if (value.ok) {
    return (
      <Alert severity="success" action={again}>
        Chain intact — {value.checked} events verified
      </Alert>
    );
  }
  return (
    <Alert severity="error" action={again}>
      Chain broken at sequence {value.firstBrokenSequence}: {value.reason}
    </Alert>
  );
}
