import type { KubeObject, ObjectStore } from '../store/types';
import { mountedFiles, resolveEnv, type ContainerSpec } from '../sim/kubelet/config';

/** A container's in-memory filesystem: files by absolute path; directories are implied. */
export class FakeFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  write(path: string, content: string): void {
    const normal = normalize(path);
    this.files.set(normal, content);
    for (let dir = parent(normal); dir !== '/'; dir = parent(dir)) this.dirs.add(dir);
  }

  mkdir(path: string): void {
    for (let dir = normalize(path); dir !== '/'; dir = parent(dir)) this.dirs.add(dir);
  }

  read(path: string): string | undefined {
    return this.files.get(normalize(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(normalize(path));
  }

  exists(path: string): boolean {
    return this.isDir(path) || this.files.has(normalize(path));
  }

  /** Names directly inside `dir`, sorted; directories end without a slash. */
  list(dir: string): Array<{ name: string; dir: boolean; size: number }> {
    const base = normalize(dir);
    const prefix = base === '/' ? '/' : `${base}/`;
    const entries = new Map<string, { name: string; dir: boolean; size: number }>();
    for (const d of this.dirs) {
      if (d !== base && d.startsWith(prefix) && !d.slice(prefix.length).includes('/')) entries.set(d, { name: d.slice(prefix.length), dir: true, size: 4096 });
    }
    for (const [f, content] of this.files) {
      if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) entries.set(f, { name: f.slice(prefix.length), dir: false, size: Buffer.byteLength(content) });
    }
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function osRelease(image: string): string {
  if (/alpine/.test(image)) return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n';
  return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n';
}

/** The environment a process in the container sees, as the kubelet sets it up. */
export function containerEnv(store: ObjectStore, pod: KubeObject, container: ContainerSpec): Record<string, string> {
  let resolved: Record<string, string> = {};
  try {
    resolved = resolveEnv(store, pod, container);
  } catch {
    // a container with a config error never starts; exec cannot reach it anyway
  }
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.metadata.name,
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.96.0.1:443',
    HOME: '/root',
    ...resolved,
  };
}

/** A fresh filesystem for one container: system files, service account, mounted config. */
export function buildFs(store: ObjectStore, pod: KubeObject, container: ContainerSpec): FakeFs {
  const fs = new FakeFs();
  const ns = pod.metadata.namespace ?? 'default';
  const podIP = (pod.status as { podIP?: string })?.podIP ?? '127.0.0.1';
  ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/var/log', '/var/tmp'].forEach(d => fs.mkdir(d));
  fs.write('/etc/hostname', `${pod.metadata.name}\n`);
  fs.write('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${podIP}\t${pod.metadata.name}\n`);
  fs.write('/etc/resolv.conf', `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
  fs.write('/etc/os-release', osRelease(container.image ?? ''));
  fs.write('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  fs.write('/proc/1/cmdline', [...(container.command ?? []), ...(container.args ?? [])].join('\0') || container.name);
  const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
  fs.write(`${sa}/namespace`, ns);
  fs.write(`${sa}/token`, `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: `system:serviceaccount:${ns}:default` })).toString('base64url')}.sig`);
  fs.write(`${sa}/ca.crt`, '-----BEGIN CERTIFICATE-----\nMIIBkube-sim\n-----END CERTIFICATE-----\n');
  if (/nginx/.test(container.image ?? '')) fs.write('/usr/share/nginx/html/index.html', '<h1>Welcome to nginx!</h1>\n');
  for (const [path, content] of mountedFiles(store, pod, container)) fs.write(path, content);
  for (const mount of container.volumeMounts ?? []) fs.mkdir(mount.mountPath);
  fs.mkdir(container.workingDir ?? '/');
  return fs;
}
