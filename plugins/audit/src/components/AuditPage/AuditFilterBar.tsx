import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { AuditQuery, auditOutcomes } from '@kubedeck/plugin-audit-common';

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
  const time = (value: string) =>
    value ? new Date(value).toISOString() : undefined;
  return {
    actor: text(filters.actor),
    plugin: text(filters.plugin),
    target: text(filters.target),
    outcome: (filters.outcome || undefined) as AuditQuery['outcome'],
    from: time(filters.from),
    to: time(filters.to),
  };
}

export function AuditFilterBar(props: {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { initial, onApply } = props;
  const [filters, setFilters] = useState(initial);
  const field = (name: keyof AuditFilters) => ({
    id: `audit-filter-${name}`,
    value: filters[name],
    onChange: (event: { target: { value: unknown } }) =>
      setFilters(current => ({
        ...current,
        [name]: String(event.target.value),
      })),
    size: 'small' as const,
    variant: 'outlined' as const,
    fullWidth: true,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };

  return (
    <form onSubmit={submit} aria-label="Audit filters">
      <Grid container spacing={2} alignItems="center">
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
          <TextField
            label="From"
            type="datetime-local"
            InputLabelProps={{ shrink: true }}
            {...field('from')}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField
            label="To"
            type="datetime-local"
            InputLabelProps={{ shrink: true }}
            {...field('to')}
          />
        </Grid>
        <Grid item xs={12} md={1}>
          <Button type="submit" variant="contained" color="primary">
            Apply
          </Button>
        </Grid>
      </Grid>
    </form>
  );
}
