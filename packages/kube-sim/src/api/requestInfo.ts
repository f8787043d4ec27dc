/** What a request is about, parsed from method and path the way kube-apiserver does. */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** Path segments after the group version (for discovery of a group version). */
  parts: string[];
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Parses `/api/v1/...` and `/apis/{group}/{version}/...`; anything else is a non-resource URL. */
export function parseRequestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const segments = path.split('/').filter(s => s.length > 0).map(decodeURIComponent);
  const nonResource: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiGroup: '',
    apiVersion: '',
    parts: [],
  };
  let group = '';
  let version: string | undefined;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) {
    version = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    group = segments[1];
    version = segments[2];
    rest = segments.slice(3);
  } else {
    return nonResource;
  }
  if (rest.length === 0) return { ...nonResource, apiGroup: group, apiVersion: version };
  let parts = rest;
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1];
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2);
  }
  const [resource, name, subresource] = parts;
  const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  let verb: string;
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (name) verb = 'get';
      else verb = watch ? 'watch' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = method.toLowerCase();
  }
  if (verb === 'get' && watch) verb = 'watch';
  return {
    isResourceRequest: true,
    path,
    verb,
    apiGroup: group,
    apiVersion: version,
    namespace,
    resource,
    name,
    subresource,
    parts,
  };
}
