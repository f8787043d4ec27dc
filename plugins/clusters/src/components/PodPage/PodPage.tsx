import {
  Breadcrumbs,
  Content,
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { clustersApiRef } from '../../api';
import { podDetailsStatus } from '../../lib/objectStatus';
import { clusterRouteRef, rootRouteRef } from '../../routes';
import { LogsViewer } from '../LogsViewer';
import { ObjectEvents, ObjectYaml } from '../ObjectDetails';
import { PinButton } from '../Pinned';
import { StatusChip } from '../StatusChip';
import { PodActions } from './PodActions';
import { PodContainers } from './PodContainers';
import { PodDiagnoses } from './PodDiagnoses';
import { PodMetrics } from './PodMetrics';
import { PodSummary } from './PodSummary';

const REFRESH_MS = 5_000;
const TABS = ['overview', 'logs', 'events', 'metrics', 'yaml'] as const;
const POD_TYPE = { group: 'core', version: 'v1', resource: 'pods' };

/** One pod: details, diagnosis, logs, events, metrics, YAML and actions. */
export function PodPage() {
  const { cluster = '', namespace = '', pod = '' } = useParams();
  const api = useApi(clustersApiRef);
  const navigate = useNavigate();
  const rootLink = useRouteRef(rootRouteRef);
  const clusterLink = useRouteRef(clusterRouteRef);
  const [search, setSearch] = useSearchParams();
  const tab = Math.max(
    0,
    TABS.indexOf((search.get('tab') ?? 'overview') as any),
  );
  const details = useAsyncRetry(
    () => api.getPodDetails(cluster, namespace, pod),
    [api, cluster, namespace, pod],
  );
  useInterval(details.retry, REFRESH_MS);
  const podsPath = clusterLink
    ? `${clusterLink({ cluster })}?kind=pods&namespace=${encodeURIComponent(
        namespace,
      )}`
    : '';
  const ref = { cluster, namespace, name: pod, type: POD_TYPE };
  const value = details.value;

  return (
    <Content>
      <Breadcrumbs aria-label="breadcrumb">
        <Link to={rootLink?.() ?? '/clusters'}>Clusters</Link>
        <Link to={podsPath}>{`${cluster} · ${namespace}`}</Link>
        <Typography>{pod}</Typography>
      </Breadcrumbs>
      <ContentHeader
        title={pod}
        description={
          value
            ? `Pod in ${namespace}${value.node ? ` on ${value.node}` : ''}`
            : undefined
        }
      >
        <Box display="flex" gridGap={8} alignItems="center" flexWrap="wrap">
          <PinButton
            resource={{
              cluster,
              kindId: 'pods',
              kind: 'Pod',
              type: POD_TYPE,
              namespace,
              name: pod,
            }}
          />
          {value && <StatusChip status={podDetailsStatus(value)} />}
          {value && (
            <PodActions
              cluster={cluster}
              pod={value}
              onDeleted={() => navigate(podsPath)}
            />
          )}
        </Box>
      </ContentHeader>
      {details.loading && !value && <Progress />}
      {details.error && <ResponseErrorPanel error={details.error} />}
      {value && (
        <>
          <Tabs
            value={tab}
            indicatorColor="primary"
            onChange={(_, index) =>
              setSearch({ tab: TABS[index] }, { replace: true })
            }
          >
            <Tab label="Overview" />
            <Tab label="Logs" />
            <Tab label="Events" />
            <Tab label="Metrics" />
            <Tab label="YAML" />
          </Tabs>
          <Box mt={2}>
            {tab === 0 && (
              <Box display="flex" flexDirection="column" gridGap={16}>
                <PodDiagnoses
                  cluster={cluster}
                  namespace={namespace}
                  pod={pod}
                  owners={value.ownerChain}
                />
                <PodSummary cluster={cluster} pod={value} />
                <PodContainers containers={value.containers} />
              </Box>
            )}
            {tab === 1 && (
              <LogsViewer
                target={{ cluster, namespace, pod }}
                containers={value.containers
                  .filter(c => !c.init)
                  .map(c => c.name)
                  .concat(
                    value.containers.filter(c => c.init).map(c => c.name),
                  )}
                name={pod}
              />
            )}
            {tab === 2 && <ObjectEvents object={ref} />}
            {tab === 3 && (
              <PodMetrics
                cluster={cluster}
                namespace={namespace}
                pod={pod}
                containers={value.containers}
              />
            )}
            {tab === 4 && <ObjectYaml object={ref} />}
          </Box>
        </>
      )}
    </Content>
  );
}
