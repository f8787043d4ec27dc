import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { INBOX_CHANNEL } from '@kubedeck/plugin-notifications-common';
import useAsync from 'react-use/esm/useAsync';
import { kubedeckNotificationsApiRef } from '../../api';
import { DeliveriesTable } from './DeliveriesTable';
import {
  DeliveryFilterBar,
  DeliveryFilters,
  emptyDeliveryFilters,
  toDeliveriesQuery,
} from './DeliveryFilterBar';

const PAGE_SIZE = 50;

/** Filters, the deliveries table and paging. */
export function DeliveryHistory() {
  const api = useApi(kubedeckNotificationsApiRef);
  const [filters, setFilters] = useState(emptyDeliveryFilters);
  const [offset, setOffset] = useState(0);

  // Channel names need the channels-manage permission; without it, ids are shown.
  const channels = useAsync(async () => {
    const configured = await api.listChannels().catch(() => []);
    return [
      { id: INBOX_CHANNEL, name: 'Inbox' },
      ...configured.map(c => ({ id: c.id, name: c.name })),
    ];
  }, [api]);
  const page = useAsync(
    () =>
      api.listDeliveries({
        ...toDeliveriesQuery(filters),
        limit: PAGE_SIZE,
        offset,
      }),
    [api, filters, offset],
  );

  const apply = (next: DeliveryFilters) => {
    setOffset(0);
    setFilters(next);
  };
  const channelName = (id: string) =>
    channels.value?.find(c => c.id === id)?.name ?? id;
  const total = page.value?.totalCount ?? 0;
  const shown = page.value?.items.length ?? 0;

  return (
    <>
      <Box mb={2}>
        <DeliveryFilterBar
          initial={filters}
          channels={channels.value ?? []}
          onApply={apply}
        />
      </Box>
      {page.error ? (
        <ResponseErrorPanel
          title="Could not load the delivery history"
          error={page.error}
        />
      ) : (
        <DeliveriesTable
          title="Deliveries"
          deliveries={page.value?.items ?? []}
          loading={page.loading}
          channelName={channelName}
        />
      )}
      {total > 0 && (
        <Box
          mt={2}
          display="flex"
          alignItems="center"
          justifyContent="flex-end"
        >
          <Typography variant="body2">
            {offset + 1}–{offset + shown} of {total}
          </Typography>
          <Button
            disabled={offset === 0 || page.loading}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Newer
          </Button>
          <Button
            disabled={offset + shown >= total || page.loading}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Older
          </Button>
        </Box>
      )}
    </>
  );
}
