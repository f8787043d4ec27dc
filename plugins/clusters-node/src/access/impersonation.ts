import type https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * Who requests are impersonated as.
 *
 * @public
 */
export type ImpersonationIdentity = {
  user: string;
  groups: string[];
};

type HeaderTarget = { headers?: Record<string, any> };

function applyIdentity(target: HeaderTarget, identity: ImpersonationIdentity) {
  const headers: Record<string, any> = { ...(target.headers ?? {}) };
  for (const key of Object.keys(headers)) {
    if (/^impersonate-/i.test(key)) {
      delete headers[key];
    }
  }
  headers['Impersonate-User'] = identity.user;
  if (identity.groups.length > 0) {
    headers['Impersonate-Group'] = identity.groups;
  }
  target.headers = headers;
}

/**
 * A KubeConfig that sends `Impersonate-User` and `Impersonate-Group` with every request it
 * authenticates, whichever client uses it (generated API clients, Watch, Log, Exec, raw
 * requests).
 *
 * @public
 */
export class ImpersonatingKubeConfig extends KubeConfig {
  readonly #identity: ImpersonationIdentity;

  constructor(base: KubeConfig, identity: ImpersonationIdentity) {
    super();
    this.#identity = identity;
    this.clusters = base.clusters;
    this.users = base.users;
    this.contexts = base.contexts;
    this.currentContext = base.currentContext;
  }

  override async applyToHTTPSOptions(opts: https.RequestOptions | any) {
    await super.applyToHTTPSOptions(opts);
    applyIdentity(opts, this.#identity);
  }

  override async applySecurityAuthentication(context: any) {
    await super.applySecurityAuthentication(context);
    context.setHeaderParam('Impersonate-User', this.#identity.user);
    for (const group of this.#identity.groups) {
      context.setHeaderParam('Impersonate-Group', group);
    }
  }
}
