import { FormEvent, ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';

/**
 * The state of a filter form whose fields are all strings: `field(name)` gives the props of a
 * small outlined `TextField` bound to one filter.
 *
 * @public
 */
export function useFilterFields<F extends Record<string, string>>(
  idPrefix: string,
  initial: F,
) {
  const [filters, setFilters] = useState(initial);
  const field = (name: keyof F & string) => ({
    id: `${idPrefix}-${name}`,
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
  return { filters, field };
}

/**
 * A row of filter fields (each in its own `Grid` item) with an Apply button; pressing Enter in
 * a field applies too.
 *
 * @public
 */
export function FilterBar(props: {
  /** The form's accessible name, e.g. "Audit filters". */
  label: string;
  onApply: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply();
  };
  return (
    <form onSubmit={submit} aria-label={props.label}>
      <Grid container spacing={2} alignItems="center">
        {props.children}
        <Grid item xs={12} md={1}>
          <Button type="submit" variant="contained" color="primary">
            Apply
          </Button>
        </Grid>
      </Grid>
    </form>
  );
}

/**
 * A date and time field in the browser's time zone; see {@link localTimeToIso}.
 *
 * @public
 */
export function DateTimeFilterField(props: TextFieldProps) {
  return (
    <TextField
      type="datetime-local"
      InputLabelProps={{ shrink: true }}
      {...props}
    />
  );
}

/**
 * A `datetime-local` value (browser time zone) as ISO 8601, or undefined when empty.
 *
 * @public
 */
export function localTimeToIso(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
