import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateChannelRequest,
  DeliveriesQuery,
  DeliveriesResponse,
  NotificationChannel,
  PreferencesResponse,
  UpdateChannelRequest,
  UpdatePreferencesRequest,
} from '@kubedeck/plugin-notifications-common';
import {
  ChannelTestResult,
  ChannelTypeInfo,
  KubedeckNotificationsApi,
} from './KubedeckNotificationsApi';

/**
 * {@link KubedeckNotificationsApi} over the `kubedeck-notifications` backend plugin.
 *
 * @public
 */
export class KubedeckNotificationsClient implements KubedeckNotificationsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getPreferences(): Promise<PreferencesResponse> {
    return this.request('GET', '/preferences');
  }

  async updatePreferences(request: UpdatePreferencesRequest): Promise<void> {
    await this.request('PUT', '/preferences', request);
  }

  async getChannelTypes(): Promise<ChannelTypeInfo[]> {
    const { items } = await this.request<{ items: ChannelTypeInfo[] }>(
      'GET',
      '/channel-types',
    );
    return items;
  }

  async listChannels(): Promise<NotificationChannel[]> {
    const { items } = await this.request<{ items: NotificationChannel[] }>(
      'GET',
      '/channels',
    );
    return items;
  }

  getChannel(id: string): Promise<NotificationChannel> {
    return this.request('GET', channelPath(id));
  }

  createChannel(request: CreateChannelRequest): Promise<NotificationChannel> {
    return this.request('POST', '/channels', request);
  }

  updateChannel(
    id: string,
    request: UpdateChannelRequest,
  ): Promise<NotificationChannel> {
    return this.request('PUT', channelPath(id), request);
  }

  setChannelEnabled(
    id: string,
    enabled: boolean,
  ): Promise<NotificationChannel> {
    return this.request(
      'POST',
      channelPath(id, enabled ? 'enable' : 'disable'),
    );
  }

  async deleteChannel(id: string): Promise<void> {
    await this.request('DELETE', channelPath(id));
  }

  testChannel(id: string): Promise<ChannelTestResult> {
    return this.request('POST', channelPath(id, 'test'));
  }

  listDeliveries(query: DeliveriesQuery = {}): Promise<DeliveriesResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.request('GET', `/deliveries${search ? `?${search}` : ''}`);
  }

  async listClusters(): Promise<string[]> {
    const { items } = await this.request<{ items: { name: string }[] }>(
      'GET',
      '/v1/clusters',
      undefined,
      'clusters',
    );
    return items.map(c => c.name).sort();
  }

  async listNamespaces(cluster: string): Promise<string[]> {
    const { items } = await this.request<{
      items: { metadata: { name: string } }[];
    }>(
      'GET',
      `/v1/clusters/${encodeURIComponent(
        cluster,
      )}/core/v1/namespaces?limit=500`,
      undefined,
      'clusters',
    );
    return items.map(n => n.metadata.name).sort();
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    pluginId = 'kubedeck-notifications',
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(pluginId);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}

function channelPath(id: string, action?: string): string {
  const path = `/channels/${encodeURIComponent(id)}`;
  return action ? `${path}/${action}` : path;
}
