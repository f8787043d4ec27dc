import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  ALERT_CATEGORIES,
  DeliveriesQuery,
  DELIVERY_STATUSES,
} from '@kubedeck/plugin-notifications-common';
import { categoryLabel } from '../labels';

/** The filters of the delivery history; times are in the browser's time zone. */
export type DeliveryFilters = {
  status: string;
  channel: string;
  category: string;
  since: string;
  until: string;
};

export const emptyDeliveryFilters: DeliveryFilters = {
  status: '',
  channel: '',
  category: '',
  since: '',
  until: '',
};

/** Turns the filter form into an API query, converting local times to ISO 8601. */
export function toDeliveriesQuery(filters: DeliveryFilters): DeliveriesQuery {
  const time = (value: string) =>
    value ? new Date(value).toISOString() : undefined;
  return {
    status: (filters.status || undefined) as DeliveriesQuery['status'],
    channel: filters.channel || undefined,
    category: (filters.category || undefined) as DeliveriesQuery['category'],
    since: time(filters.since),
    until: time(filters.until),
  };
}

export function DeliveryFilterBar(props: {
  initial: DeliveryFilters;
  channels: Array<{ id: string; name: string }>;
  onApply: (filters: DeliveryFilters) => void;
}) {
  const { initial, channels, onApply } = props;
  const [filters, setFilters] = useState(initial);
  const field = (name: keyof DeliveryFilters) => ({
    id: `delivery-filter-${name}`,
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
    <form onSubmit={submit} aria-label="Delivery filters">
      <Grid container spacing={2} alignItems="center">
        <Grid item xs={12} sm={6} md={2}>
          <TextField select label="Status" {...field('status')}>
            <MenuItem value="">Any</MenuItem>
            {DELIVERY_STATUSES.map(status => (
              <MenuItem key={status} value={status}>
                {status}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField select label="Channel" {...field('channel')}>
            <MenuItem value="">Any</MenuItem>
            {channels.map(channel => (
              <MenuItem key={channel.id} value={channel.id}>
                {channel.name}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField select label="Category" {...field('category')}>
            <MenuItem value="">Any</MenuItem>
            {[...ALERT_CATEGORIES, 'digest'].map(category => (
              <MenuItem key={category} value={category}>
                {categoryLabel(category)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField
            label="From"
            type="datetime-local"
            InputLabelProps={{ shrink: true }}
            {...field('since')}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField
            label="To"
            type="datetime-local"
            InputLabelProps={{ shrink: true }}
            {...field('until')}
          />
        </Grid>
        <Grid item xs={12} md={2}>
          <Button type="submit" variant="contained" color="primary">
            Apply
          </Button>
        </Grid>
      </Grid>
    </form>
  );
}
