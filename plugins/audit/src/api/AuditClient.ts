import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AuditEventPage,
  AuditQuery,
  AuditVerification,
} from '@kubedeck/plugin-audit-common';
import { AuditApi } from './AuditApi';

/**
 * {@link AuditApi} over the `kubedeck-audit` backend plugin.
 *
 * @public
 */
export class AuditClient implements AuditApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listEvents(query: AuditQuery = {}): Promise<AuditEventPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.get(`/events${search ? `?${search}` : ''}`);
  }

  verify(): Promise<AuditVerification> {
    return this.get('/verify');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kubedeck-audit');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
