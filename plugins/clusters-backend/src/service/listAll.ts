import { ClusterClient, readKubeJson } from '@kubedeck/plugin-clusters-node';

/** Every object of a list path with the list's resourceVersion. */
export type FullList = { items: any[]; resourceVersion: string };

/**
 * Lists every object of `path` page by page. When a continue token expires midway (410 once
 * the API server compacted its version, 5 minutes by default), the pages read so far are
 * dropped and the whole list is read again in one request, as client-go's pager does.
 */
export async function listAll(
  client: ClusterClient,
  path: string,
  options: { pageSize: number; signal?: AbortSignal },
): Promise<FullList> {
  const items: any[] = [];
  let token: string | undefined;
  let resourceVersion = '';
  do {
    const response = await client.request({
      path,
      query: { limit: options.pageSize, continue: token },
      signal: options.signal,
    });
    if (response.status === 410 && token) {
      response.body.resume();
      const whole = await client.requestJson({ path, signal: options.signal });
      return {
        items: whole.items ?? [],
        resourceVersion: whole.metadata?.resourceVersion ?? '',
      };
    }
    const page = await readKubeJson<any>(response);
    items.push(...(page.items ?? []));
    token = page.metadata?.continue || undefined;
    resourceVersion = page.metadata?.resourceVersion ?? '';
  } while (token);
  return { items, resourceVersion };
}
