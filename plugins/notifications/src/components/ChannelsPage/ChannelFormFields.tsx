import { Dispatch, SetStateAction } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { NotificationChannel } from '@kubedeck/plugin-notifications-common';
import { ChannelTypeInfo } from '../../api';
import { ChannelCategoriesField } from './ChannelCategoriesField';
import { ChannelFieldInput } from './ChannelFieldInput';
import { ChannelFormState, channelFormState } from './channelForm';

/** Every type for a new channel; an existing channel keeps its type, even one now unknown. */
function typeOptions(types: ChannelTypeInfo[], channel?: NotificationChannel) {
  if (!channel) {
    return types;
  }
  const known = types.find(t => t.type === channel.type);
  return [
    known ?? {
      type: channel.type,
      title: channel.type,
      personal: channel.personal,
      fields: [],
    },
  ];
}

/** Name, type, the type's own fields, categories and (for a new channel) enabled. */
export function ChannelFormFields(props: {
  state: ChannelFormState;
  onChange: Dispatch<SetStateAction<ChannelFormState>>;
  channel?: NotificationChannel;
  types: ChannelTypeInfo[];
}) {
  const { state, onChange: setState, channel, types } = props;
  const personal = channel
    ? channel.personal
    : Boolean(types.find(t => t.type === state.type)?.personal);
  const set = (update: Partial<ChannelFormState>) =>
    setState(current => ({ ...current, ...update }));
  const setValue = (name: string, value: string | boolean) =>
    setState(current => ({
      ...current,
      values: { ...current.values, [name]: value },
    }));

  return (
    <>
      <TextField
        id="channel-name"
        label="Name"
        value={state.name}
        onChange={event => set({ name: event.target.value })}
        required
        variant="outlined"
        size="small"
        fullWidth
        margin="dense"
      />
      <TextField
        id="channel-type"
        select
        label="Type"
        value={state.type}
        disabled={Boolean(channel)}
        onChange={event =>
          setState(current => ({
            ...channelFormState(types, event.target.value),
            name: current.name,
            enabled: current.enabled,
          }))
        }
        variant="outlined"
        size="small"
        fullWidth
        margin="dense"
      >
        {typeOptions(types, channel).map(type => (
          <MenuItem key={type.type} value={type.type}>
            {type.title}
          </MenuItem>
        ))}
      </TextField>
      {state.fields.map(field => (
        <ChannelFieldInput
          key={`${state.type}-${field.name}`}
          field={field}
          value={state.values[field.name] ?? ''}
          configured={Boolean(field.secret && channel?.secrets[field.name])}
          onChange={value => setValue(field.name, value)}
          removed={state.removeSecrets.includes(field.name)}
          onRemovedChange={removed =>
            set({
              removeSecrets: removed
                ? [...state.removeSecrets, field.name]
                : state.removeSecrets.filter(name => name !== field.name),
            })
          }
        />
      ))}
      <ChannelCategoriesField
        personal={personal}
        categories={state.routing.categories ?? []}
        onChange={categories =>
          set({ routing: { ...state.routing, categories } })
        }
      />
      {!channel && (
        <FormControlLabel
          label="Enabled"
          control={
            <Checkbox
              color="primary"
              checked={state.enabled}
              onChange={event => set({ enabled: event.target.checked })}
            />
          }
        />
      )}
    </>
  );
}
