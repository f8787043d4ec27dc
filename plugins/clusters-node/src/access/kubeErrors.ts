import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { KubeResponse, readKubeBody } from './kubeRequest';

/**
 * The message of a Kubernetes `Status` body, or the start of any other body.
 *
 * @public
 */
export function kubeStatusMessage(text: string, status: number): string {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.message === 'string') {
      return parsed.message;
    }
  } catch {
    // not JSON; fall through
  }
  const snippet = text.trim().slice(0, 200);
  return snippet || `HTTP ${status}`;
}

/**
 * Turns a failed Kubernetes response into the matching `@backstage/errors` error, so routers
 * answer with the right status (403 from cluster RBAC, 404, 409, 400/422 as input errors).
 *
 * @public
 */
export function kubeResponseError(status: number, text: string): Error {
  const message = kubeStatusMessage(text, status);
  switch (status) {
    case 400:
    case 422:
      return new InputError(message);
    case 403:
      return new NotAllowedError(`The cluster refused the request: ${message}`);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    case 410:
      // An expired continue token or a compacted resourceVersion: list again from the start.
      return new InputError(message);
    default:
      return new ServiceUnavailableError(
        `The cluster answered ${status}: ${message}`,
      );
  }
}

/**
 * Reads a response as JSON, throwing {@link kubeResponseError} for any non-2xx status.
 *
 * @public
 */
export async function readKubeJson<T>(response: KubeResponse): Promise<T> {
  const text = await readKubeBody(response);
  if (response.status < 200 || response.status >= 300) {
    throw kubeResponseError(response.status, text);
  }
  return JSON.parse(text) as T;
}
