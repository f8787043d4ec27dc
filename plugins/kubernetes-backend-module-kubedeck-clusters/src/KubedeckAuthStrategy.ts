import {
  AuthenticationStrategy,
  AuthMetadata,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { ClusterRegistryService } from '@kubedeck/plugin-clusters-node';
import type https from 'node:https';

/**
 * Authenticates the Kubernetes plugin's requests to a Kubedeck cluster with the credentials
 * Kubedeck holds for it (token, token file or client certificate), read at request time so
 * rotated tokens are picked up.
 */
export class KubedeckAuthStrategy implements AuthenticationStrategy {
  constructor(private readonly registry: ClusterRegistryService) {}

  async getCredential(
    clusterDetails: ClusterDetails,
  ): Promise<KubernetesCredential> {
    const definition = await this.registry.getCluster(clusterDetails.name);
    if (!definition) {
      throw new Error(
        `Kubedeck cluster ${clusterDetails.name} is not available`,
      );
    }
    const options: https.RequestOptions = { headers: {} };
    await definition.kubeConfig.applyToHTTPSOptions(options);
    const authorization = String(
      (options.headers as Record<string, unknown>).Authorization ?? '',
    );
    if (authorization.startsWith('Bearer ')) {
      return {
        type: 'bearer token',
        token: authorization.slice('Bearer '.length),
      };
    }
    if (options.cert && options.key) {
      return {
        type: 'x509 client certificate',
        cert: options.cert.toString(),
        key: options.key.toString(),
      };
    }
    return { type: 'anonymous' };
  }

  validateCluster(): Error[] {
    return [];
  }

  presentAuthMetadata(_authMetadata: AuthMetadata): AuthMetadata {
    return {};
  }
}
