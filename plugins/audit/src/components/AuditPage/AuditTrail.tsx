import { useCallback, useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { AuditEvent } from '@kubedeck/plugin-audit-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { auditApiRef } from '../../api';
import {
  AuditFilterBar,
  AuditFilters,
  emptyAuditFilters,
  toAuditQuery,
} from './AuditFilterBar';
import { AuditEventsTable } from './AuditEventsTable';
import { VerificationBanner } from './VerificationBanner';

const PAGE_SIZE = 100;

/** Verification banner, filters and the events table, with "Load older" paging. */
export function AuditTrail() {
  const auditApi = useApi(auditApiRef);
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();

  const [{ loading, error }, load] = useAsyncFn(
    async (cursor?: string) => {
      const page = await auditApi.listEvents({
        ...toAuditQuery(filters),
        limit: PAGE_SIZE,
        cursor,
      });
      setEvents(current => (cursor ? [...current, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    },
    [auditApi, filters],
  );

  useEffect(() => {
    load();
  }, [load]);

  const loadOlder = useCallback(() => load(nextCursor), [load, nextCursor]);

  return (
    <>
      <Box mb={2}>
        <VerificationBanner />
      </Box>
      <Box mb={2}>
        <AuditFilterBar initial={filters} onApply={setFilters} />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <AuditEventsTable events={events} loading={loading} />
      )}
      {nextCursor && !error && (
        <Box mt={2} display="flex" justifyContent="center">
          <Button variant="outlined" onClick={loadOlder} disabled={loading}>
            Load older events
          </Button>
        </Box>
      )}
    </>
  );
}
