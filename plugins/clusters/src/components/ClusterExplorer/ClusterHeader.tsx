import {
  Breadcrumbs,
  ContentHeader,
  Link,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { clustersApiRef } from '../../api';
import { rootRouteRef } from '../../routes';

/** Breadcrumbs, the cluster's title and version, and a warning when it is unreachable. */
export function ClusterHeader(props: {
  cluster: string;
  children?: ReactNode;
}) {
  const { cluster } = props;
  const api = useApi(clustersApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const info = useAsync(() => api.getCluster(cluster), [api, cluster]);
  const title = info.value?.title ?? cluster;
  return (
    <>
      <Breadcrumbs aria-label="breadcrumb">
        <Link to={rootLink?.() ?? '/clusters'}>Clusters</Link>
        <Typography>{title}</Typography>
      </Breadcrumbs>
      <ContentHeader title={title} description={info.value?.version}>
        {props.children}
      </ContentHeader>
      {info.error && <ResponseErrorPanel error={info.error} />}
      {info.value && !info.value.status.reachable && (
        <WarningPanel
          severity="error"
          title="This cluster is unreachable"
          message={info.value.status.lastError ?? 'The cluster did not answer'}
        />
      )}
    </>
  );
}
