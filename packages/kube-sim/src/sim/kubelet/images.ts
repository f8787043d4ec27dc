import { createHash, randomBytes } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** "nginx:1.27" → "docker.io/library/nginx:1.27", as containerd reports image names. */
export function fullImageName(image: string): string {
  const withTag = /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  const first = withTag.split('/')[0];
  if (withTag.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

/** The image's repo digest, stable per image name. */
export function imageId(image: string): string {
  const full = fullImageName(image);
  const repo = full.replace(/[:@][^/]*$/, '');
  return `${repo}@sha256:${sha256(full)}`;
}

/** Image size in bytes, stable per image name (for the Pulled event). */
export function imageSize(image: string): number {
  return 20_000_000 + (parseInt(sha256(image).slice(0, 6), 16) % 180_000_000);
}

export function newContainerId(): string {
  return `containerd://${randomBytes(32).toString('hex')}`;
}

/** The message of a failed pull of an image that does not exist. */
export function pullErrorMessage(image: string): string {
  const full = fullImageName(image);
  const host = full.split('/')[0];
  if (host.includes('invalid') || host.endsWith('.example')) {
    return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": failed to do request: Head "https://${host}/v2/${full.slice(host.length + 1).replace(/:([^:/]+)$/, '/manifests/$1')}": dial tcp: lookup ${host}: no such host`;
  }
  return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}
