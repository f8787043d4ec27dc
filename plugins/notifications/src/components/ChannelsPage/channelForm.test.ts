import { channel } from '../../__testUtils__/fakeNotificationsApi';
import { channelTypes } from '../../__testUtils__/channelTypes';
import {
  channelFormState,
  toCreateRequest,
  toUpdateRequest,
} from './channelForm';

describe('channel form', () => {
  const email = channel({
    id: 'ch-email',
    name: 'Work email',
    type: 'email',
    personal: true,
    config: { host: 'smtp.example.com', port: 587, from: 'a@example.com' },
    secrets: {
      username: { configured: true },
      password: { configured: true },
    },
  });

  it('starts an edit with the config and every secret blank', () => {
    const state = channelFormState(channelTypes, 'slack', email);

    expect(state.values).toMatchObject({
      host: 'smtp.example.com',
      port: '587',
      from: 'a@example.com',
      rejectUnauthorized: true,
      username: '',
      password: '',
    });
  });

  it('keeps blank secrets, replaces typed ones and deletes removed ones', () => {
    const state = channelFormState(channelTypes, 'slack', email);

    expect(toUpdateRequest(state)).not.toHaveProperty('secrets');
    expect(
      toUpdateRequest({
        ...state,
        values: { ...state.values, password: 'new-password' },
      }).secrets,
    ).toEqual({ password: 'new-password' });
    expect(
      toUpdateRequest({
        ...state,
        values: { ...state.values, password: 'typed-before-removing' },
        removeSecrets: ['username', 'password'],
      }).secrets,
    ).toEqual({ username: null, password: null });
  });

  it('converts numbers and JSON, and names a field whose JSON is broken', () => {
    const state = channelFormState(channelTypes, 'webhook');
    const values = {
      ...state.values,
      url: 'https://hooks.example.com/kubedeck',
      signingSecret: '0123456789abcdef',
    };

    expect(
      toCreateRequest({
        ...state,
        name: ' Hook ',
        values: { ...values, template: '{"text": "{{title}}"}' },
      }),
    ).toMatchObject({
      name: 'Hook',
      config: {
        url: 'https://hooks.example.com/kubedeck',
        template: { text: '{{title}}' },
      },
      secrets: { signingSecret: '0123456789abcdef' },
    });
    expect(() =>
      toCreateRequest({ ...state, values: { ...values, template: '[1' } }),
    ).toThrow('Body template (JSON) must be a JSON object');
  });
});
