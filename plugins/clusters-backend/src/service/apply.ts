import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  clusterResourceCreatePermission,
  clusterResourceUpdatePermission,
} from '@kubedeck/plugin-clusters-common';
import { ClusterClient } from '@kubedeck/plugin-clusters-node';
import { Request } from 'express';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { auditedWrite } from './audit';
import { objectPath } from './RequestContext';
import { ResourceDiscovery } from './ResourceDiscovery';
import { parseInput } from '@kubedeck/plugin-kubedeck-node';

const manifestObject = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    metadata: z
      .object({ name: z.string().min(1), namespace: z.string().optional() })
      .passthrough(),
  })
  .passthrough();

const applyBody = z.object({
  manifest: z.union([
    z.string().min(1),
    manifestObject,
    z.array(manifestObject),
  ]),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
});

type Manifest = z.infer<typeof manifestObject>;

/** Parses one or more YAML/JSON documents into validated objects. */
export function parseManifests(manifest: unknown): Manifest[] {
  if (typeof manifest !== 'string') {
    return Array.isArray(manifest) ? manifest : [manifest as Manifest];
  }
  const docs = parseAllDocuments(manifest);
  const objects = docs.map((doc, index) => {
    if (doc.errors.length > 0) {
      throw new InputError(`Document ${index + 1}: ${doc.errors[0].message}`);
    }
    return doc.toJS();
  });
  return objects
    .filter(object => object !== null && object !== undefined)
    .map((object, index) =>
      parseInput(manifestObject, object, `manifest document ${index + 1}`),
    );
}

function splitApiVersion(apiVersion: string) {
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : ['core', apiVersion];
  return { group, version };
}

type Options = { client: ClusterClient; discovery: ResourceDiscovery };

/** Resolves where a document goes and checks the caller may create and change it there. */
async function prepare(manifest: Manifest, { client, discovery }: Options) {
  const { group, version } = splitApiVersion(manifest.apiVersion);
  const api = (await discovery.list(client.name)).find(
    r => r.group === group && r.version === version && r.kind === manifest.kind,
  );
  if (!api) {
    throw new NotFoundError(
      `The cluster does not serve ${manifest.kind} in ${manifest.apiVersion}`,
    );
  }
  const namespace = api.namespaced
    ? manifest.metadata.namespace ?? 'default'
    : undefined;
  if (namespace || api.kind === 'Namespace') {
    await client.assertNamespaceVisible(namespace ?? manifest.metadata.name);
  }
  const target = namespace
    ? { cluster: client.name, kind: api.kind, namespace }
    : { cluster: client.name, kind: api.kind };
  await client.permissions!.assert(clusterResourceCreatePermission, target);
  await client.permissions!.assert(clusterResourceUpdatePermission, target);
  return {
    path: objectPath(api, namespace, manifest.metadata.name),
    body: { ...manifest, metadata: { ...manifest.metadata, namespace } },
    namespace,
  };
}

function sendApply(
  client: ClusterClient,
  prepared: Awaited<ReturnType<typeof prepare>>,
  flags: { dryRun?: boolean; force?: boolean },
) {
  return client.requestJson({
    method: 'PATCH',
    path: prepared.path,
    body: JSON.stringify(prepared.body),
    contentType: 'application/apply-patch+yaml',
    query: {
      fieldManager: 'kubedeck',
      force: flags.force ? 'true' : undefined,
      dryRun: flags.dryRun ? 'All' : undefined,
    },
  });
}

/** Server-side apply of every document of a manifest; each document is audited. */
export async function applyManifests(options: {
  client: ClusterClient;
  discovery: ResourceDiscovery;
  auditor: AuditorService;
  req: Request;
}) {
  const { client, auditor, req } = options;
  const body = parseInput(applyBody, req.body, 'apply request');
  const manifests = parseManifests(body.manifest);
  if (manifests.length === 0) {
    throw new InputError('The manifest holds no object');
  }
  const prepared = [];
  for (const manifest of manifests) {
    prepared.push({ manifest, ...(await prepare(manifest, options)) });
  }
  const items = [];
  for (const doc of prepared) {
    const meta = {
      action: 'apply',
      cluster: client.name,
      kind: doc.manifest.kind,
      namespace: doc.namespace ?? null,
      name: doc.manifest.metadata.name,
      dryRun: Boolean(body.dryRun),
    };
    items.push(
      await auditedWrite(auditor, req, meta, () =>
        sendApply(client, doc, body),
      ),
    );
  }
  return { items };
}
