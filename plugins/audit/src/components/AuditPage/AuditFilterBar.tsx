import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { AuditQuery, auditOutcomes } from '@kubedeck/plugin-audit-common';
import {
  DateTimeFilterField,
  FilterBar,
  localTimeToIso,
  useFilterFields,
} from '@kubedeck/plugin-kubedeck-react';

/** The filters of the Audit page; times are entered in the browser's time zone. */
export type AuditFilters = {
  actor: string;
  plugin: string;
  target: string;
  outcome: string;
  from: string;
  to: string;
};

export const emptyAuditFilters: AuditFilters = {
  actor: '',
  plugin: '',
  target: '',
  outcome: '',
  from: '',
  to: '',
};

/** Turns the filter form into an API query, converting local times to ISO 8601. */
export function toAuditQuery(filters: AuditFilters): AuditQuery {
  const text = (value: string) => value.trim() || undefined;
  return {
    actor: text(filters.actor),
    plugin: text(filters.plugin),
    target: text(filters.target),
    outcome: (filters.outcome || undefined) as AuditQuery['outcome'],
    from: localTimeToIso(filters.from),
    to: localTimeToIso(filters.to),
  };
}

export function AuditFilterBar(props: {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { filters, field } = useFilterFields('audit-filter', props.initial);
  return (
    <FilterBar label="Audit filters" onApply={() => props.onApply(filters)}>
      <Grid item xs={12} sm={6} md={2}>
        <TextField label="Actor" {...field('actor')} />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <TextField label="Plugin" {...field('plugin')} />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <TextField label="Target" {...field('target')} />
      </Grid>
      <Grid item xs={12} sm={6} md={1}>
        <TextField select label="Outcome" {...field('outcome')}>
          <MenuItem value="">Any</MenuItem>
          {auditOutcomes.map(outcome => (
            <MenuItem key={outcome} value={outcome}>
              {outcome}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <DateTimeFilterField label="From" {...field('from')} />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <DateTimeFilterField label="To" {...field('to')} />
      </Grid>
    </FilterBar>
  );
}
