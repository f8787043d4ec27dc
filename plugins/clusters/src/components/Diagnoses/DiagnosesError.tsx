import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Says clearly when the backend serves no diagnoses at all, else shows the error. */
export function DiagnosesError(props: { error: Error }) {
  const { error } = props;
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <WarningPanel
        title="Diagnoses are not available"
        message="The clusters backend does not serve diagnoses (GET /api/clusters/v1/diagnoses)."
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}
