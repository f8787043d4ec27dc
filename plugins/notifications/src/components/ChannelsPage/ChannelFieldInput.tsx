import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { ChannelFieldDescription as ChannelField } from '@kubedeck/plugin-notifications-common';

/** The helper text of a secret field: whether a value is stored, never the value. */
export function secretHelperText(field: ChannelField, configured: boolean) {
  if (configured) {
    return 'configured — leave blank to keep';
  }
  return field.help ?? (field.required ? undefined : 'Optional');
}

function inputType(field: ChannelField): string {
  if (field.secret) {
    return 'password';
  }
  return field.kind === 'number' ? 'number' : 'text';
}

/** One type-specific field of the channel dialog. */
export function ChannelFieldInput(props: {
  field: ChannelField;
  value: string | boolean;
  /** For secrets: a value is stored already. */
  configured: boolean;
  onChange: (value: string | boolean) => void;
  /** For optional secrets that are stored: whether to delete the stored value. */
  removed?: boolean;
  onRemovedChange?: (removed: boolean) => void;
}) {
  const { field, value, configured, onChange, removed, onRemovedChange } =
    props;
  const id = `channel-field-${field.name}`;
  const textDefault =
    field.kind === 'text' && typeof field.defaultValue === 'string'
      ? field.defaultValue
      : undefined;

  if (field.kind === 'boolean') {
    return (
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            checked={Boolean(value)}
            onChange={event => onChange(event.target.checked)}
            color="primary"
          />
        }
        label={field.label}
      />
    );
  }
  const input = (
    <TextField
      id={id}
      label={field.label}
      value={value}
      onChange={event => onChange(event.target.value)}
      type={inputType(field)}
      autoComplete={field.secret ? 'new-password' : 'off'}
      required={field.required && !configured}
      placeholder={configured ? '••••••••' : textDefault}
      helperText={
        field.secret ? secretHelperText(field, configured) : field.help
      }
      multiline={field.kind === 'json'}
      minRows={field.kind === 'json' ? 3 : undefined}
      variant="outlined"
      size="small"
      fullWidth
      margin="dense"
      InputLabelProps={configured || textDefault ? { shrink: true } : undefined}
      disabled={removed}
    />
  );
  if (!field.secret || !configured || field.required || !onRemovedChange) {
    return input;
  }
  return (
    <>
      {input}
      <FormControlLabel
        control={
          <Checkbox
            checked={Boolean(removed)}
            onChange={event => onRemovedChange(event.target.checked)}
          />
        }
        label={`Remove the stored ${field.label}`}
      />
    </>
  );
}
