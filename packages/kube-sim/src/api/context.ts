import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InMemoryObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';
import type { Authenticator } from '../auth/authenticate';
import type { RbacAuthorizer } from '../auth/rbac';
import type { UserInfo } from '../auth/types';
import type { SimulationHandlers } from '../sim/types';
import type { Chaos } from './chaos';
import type { RequestInfo } from './requestInfo';
import { apiVersionOf, type ResourceDef, type ResourceRegistry } from './resources';
import { toServedVersion } from './conversion';

/** What every handler shares: the store, the served resources, auth and the simulation. */
export interface ApiServices {
  store: InMemoryObjectStore;
  registry: ResourceRegistry;
  authn: Authenticator;
  rbac: RbacAuthorizer;
  chaos: Chaos;
  version: string;
  simulation?: SimulationHandlers;
}

/** One authenticated, authorized request for a resource. */
export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: RequestInfo;
  def: ResourceDef;
  user: UserInfo;
  /** The namespace, for namespaced resources only. */
  namespace?: string;
  services: ApiServices;
}

export const query = (r: ResourceRequest, name: string) => r.url.searchParams.get(name) ?? undefined;

export const isDryRun = (r: ResourceRequest, body?: { dryRun?: string[] }) =>
  r.url.searchParams.getAll('dryRun').includes('All') || !!body?.dryRun?.includes('All');

/** Details for Status objects about this resource (`{ name, group, kind }`, kind being the resource). */
export function details(r: ResourceRequest, name?: string) {
  return { ...(name ? { name } : {}), ...(r.def.group ? { group: r.def.group } : {}), kind: r.def.resource };
}


/** An object as served at the request's version. */
export function served(def: ResourceDef, stored: KubeObject): KubeObject {
  const object = toServedVersion(def, stored);
  const apiVersion = apiVersionOf(def);
  return object.apiVersion === apiVersion && object.kind === def.kind ? object : { ...object, apiVersion, kind: def.kind };
}
