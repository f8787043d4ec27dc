import type { KubeTarget } from './kube';

/** What registration gave the agent. */
export type AgentCredentials = { agentId: string; credential: string };

/** Where the agent keeps its credential between restarts. */
export interface CredentialStore {
  load(): Promise<AgentCredentials | undefined>;
  save(credentials: AgentCredentials): Promise<void>;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | undefined) =>
  s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8');

type Secret = {
  metadata?: { resourceVersion?: string };
  data?: Record<string, string>;
};

/** Keeps the credential in a Kubernetes Secret in the agent's namespace. */
export class SecretCredentialStore implements CredentialStore {
  constructor(
    private readonly target: KubeTarget,
    private readonly namespace: string,
    private readonly name: string,
  ) {}

  #path(named = true): string {
    const base = `/api/v1/namespaces/${encodeURIComponent(
      this.namespace,
    )}/secrets`;
    return named ? `${base}/${encodeURIComponent(this.name)}` : base;
  }

  async load(): Promise<AgentCredentials | undefined> {
    const { status, body } = await this.target.json<Secret>(
      'GET',
      this.#path(),
    );
    if (status === 404) {
      return undefined;
    }
    if (status !== 200) {
      throw new Error(
        `Reading Secret ${this.namespace}/${this.name} failed with ${status}`,
      );
    }
    const agentId = unb64(body.data?.['agent-id']);
    const credential = unb64(body.data?.credential);
    return agentId && credential ? { agentId, credential } : undefined;
  }

  async save(credentials: AgentCredentials): Promise<void> {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { 'app.kubernetes.io/name': 'kubedeck-agent' },
      },
      type: 'Opaque',
      data: {
        'agent-id': b64(credentials.agentId),
        credential: b64(credentials.credential),
      },
    };
    const created = await this.target.json('POST', this.#path(false), secret);
    if (created.status === 201 || created.status === 200) {
      return;
    }
    if (created.status !== 409) {
      throw new Error(
        `Creating Secret ${this.namespace}/${this.name} failed with ${created.status}`,
      );
    }
    const replaced = await this.target.json('PUT', this.#path(), secret);
    if (replaced.status !== 200) {
      throw new Error(
        `Updating Secret ${this.namespace}/${this.name} failed with ${replaced.status}`,
      );
    }
  }
}
