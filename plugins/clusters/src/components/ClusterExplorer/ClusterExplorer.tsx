import { Content, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useNavigate, useParams } from 'react-router-dom';
import { KubeObject } from '@kubedeck/plugin-clusters-common';
import { useUserState } from '../../hooks/useUserState';
import { podRouteRef } from '../../routes';
import { LiveIndicator } from '../LiveIndicator';
import { ObjectDrawer } from '../ObjectDetails';
import { PinButton, PinnedList } from '../Pinned';
import { ClusterHeader } from './ClusterHeader';
import { columnsOf } from './columns';
import { ColumnsMenu } from './ColumnsMenu';
import { ExplorerToolbar } from './ExplorerToolbar';
import { KindMenu } from './KindMenu';
import { ResourceTable } from './ResourceTable';
import { useExplorerView } from './useExplorerView';
import { useLinkedObject } from './useLinkedObject';
import { objectKey, useLiveList } from './useLiveList';
import { useServerPaging } from './useServerPaging';

/** Rows a server page holds; the table renders only those in view. */
const PAGE_SIZE = 500;

/** One cluster: kinds, namespace and filters, and a live, server-paginated table. */
export function ClusterExplorer() {
  const { cluster = '' } = useParams();
  const navigate = useNavigate();
  const podLink = useRouteRef(podRouteRef);
  const view = useExplorerView(cluster);
  const { kind, namespace, labelSelector } = view;
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useDebounce(() => setSearch(text.trim()), 300, [text]);
  const [opened, setOpened] = useState<KubeObject>();
  const linked = useLinkedObject(cluster, kind, namespace);
  const drawn = opened ?? linked.object;
  const [hidden, setHidden] = useUserState<string[]>(
    `hiddenColumns:${kind.kind}`,
    [],
  );
  const paging = useServerPaging(
    [cluster, kind.id, namespace, labelSelector, search].join('|'),
  );
  const ref = useMemo(
    () => ({ cluster, type: kind.type, namespace: namespace || undefined }),
    [cluster, kind.type, namespace],
  );
  const list = useLiveList(ref, {
    kind: kind.kind,
    labelSelector,
    search,
    limit: PAGE_SIZE,
    continueToken: paging.continueToken,
    after: paging.after,
  });

  const allColumns = columnsOf(kind.kind, kind.namespaced && !namespace);
  const podPath = (o: KubeObject) =>
    kind.kind === 'Pod' && podLink
      ? podLink({
          cluster,
          namespace: o.metadata.namespace ?? '',
          pod: o.metadata.name,
        })
      : undefined;
  const pinOf = (o: KubeObject) => ({
    cluster,
    kindId: kind.id,
    kind: kind.kind,
    type: kind.type,
    namespace: o.metadata.namespace,
    name: o.metadata.name,
  });
  const where = `${namespace ? ` in ${namespace}` : ''}${
    labelSelector ? ` matching ${labelSelector}` : ''
  }${search ? ` containing "${search}"` : ''}`;

  return (
    <Content>
      <ClusterHeader cluster={cluster}>
        <LiveIndicator state={list.live} />
      </ClusterHeader>
      <Grid container spacing={2}>
        <Grid item xs={12} md={3} lg={2}>
          <Paper>
            <KindMenu
              kinds={view.kinds}
              selected={kind.id}
              onSelect={view.setKind}
            />
          </Paper>
          <Box mt={2}>
            <PinnedList cluster={cluster} />
          </Box>
        </Grid>
        <Grid item xs={12} md={9} lg={10}>
          <Paper>
            <ExplorerToolbar
              cluster={cluster}
              namespaced={kind.namespaced}
              namespace={namespace}
              onNamespace={view.setNamespace}
              labelSelector={labelSelector}
              onLabelSelector={view.setLabelSelector}
              text={text}
              onText={setText}
            >
              <ColumnsMenu
                columns={allColumns}
                hidden={hidden}
                onChange={setHidden}
              />
            </ExplorerToolbar>
            {list.error && <ResponseErrorPanel error={list.error} />}
            {linked.error && <ResponseErrorPanel error={linked.error} />}
            <ResourceTable
              title={kind.title}
              items={list.items}
              columns={allColumns.filter(c => !hidden.includes(c.id))}
              loading={list.loading}
              linkOf={podPath}
              rowAction={o => <PinButton resource={pinOf(o)} />}
              onOpen={o => {
                const path = podPath(o);
                if (path) navigate(path);
                else setOpened(o);
              }}
              page={paging.page}
              hasNext={Boolean(list.next)}
              onPrevious={paging.previous}
              onNext={() => {
                const last = list.items[list.items.length - 1];
                if (list.next) paging.next(list.next, last && objectKey(last));
              }}
              emptyText={`No ${kind.title.toLowerCase()}${where}.`}
            />
          </Paper>
        </Grid>
      </Grid>
      <ObjectDrawer
        cluster={cluster}
        type={kind.type}
        object={drawn}
        pin={drawn && pinOf(drawn)}
        onClose={() => {
          setOpened(undefined);
          if (linked.object) linked.close();
        }}
      />
    </Content>
  );
}
