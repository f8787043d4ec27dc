import {
  CodeSnippet,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef, ObjectRef } from '../../api';

/** An object's YAML as the backend renders it (secret values masked there). */
export function ObjectYaml(props: { object: ObjectRef }) {
  const api = useApi(clustersApiRef);
  const { object } = props;
  const yaml = useAsync(
    () => api.getObjectYaml(object),
    [api, object.cluster, object.namespace, object.name, object.type.resource],
  );
  if (yaml.loading) return <Progress />;
  if (yaml.error) return <ResponseErrorPanel error={yaml.error} />;
  return (
    <CodeSnippet language="yaml" text={yaml.value ?? ''} showCopyCodeButton />
  );
}
