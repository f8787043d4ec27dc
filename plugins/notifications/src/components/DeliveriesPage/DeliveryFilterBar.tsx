import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  ALERT_CATEGORIES,
  DeliveriesQuery,
  DELIVERY_STATUSES,
} from '@kubedeck/plugin-notifications-common';
import {
  DateTimeFilterField,
  FilterBar,
  localTimeToIso,
  useFilterFields,
} from '@kubedeck/plugin-kubedeck-react';
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
  return {
    status: (filters.status || undefined) as DeliveriesQuery['status'],
    channel: filters.channel || undefined,
    category: (filters.category || undefined) as DeliveriesQuery['category'],
    since: localTimeToIso(filters.since),
    until: localTimeToIso(filters.until),
  };
}

export function DeliveryFilterBar(props: {
  initial: DeliveryFilters;
  channels: Array<{ id: string; name: string }>;
  onApply: (filters: DeliveryFilters) => void;
}) {
  const { filters, field } = useFilterFields('delivery-filter', props.initial);
  return (
    <FilterBar label="Delivery filters" onApply={() => props.onApply(filters)}>
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
          {props.channels.map(channel => (
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
        <DateTimeFilterField label="From" {...field('since')} />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <DateTimeFilterField label="To" {...field('until')} />
      </Grid>
    </FilterBar>
  );
}
