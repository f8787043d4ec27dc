export interface Config {
  kubedeck?: {
    clusters?: {
      /** Clusters reached directly with the given URL and credentials. */
      list?: Array<{
        /** Unique name, used in URLs and permission conditions. */
        name: string;
        /** Name shown in the UI. */
        title?: string;
        /** The API server URL. */
        url: string;
        /** Base64 PEM of the CA that signed the API server's certificate. */
        caData?: string;
        /** Path of a PEM file with that CA. */
        caFile?: string;
        /** Do not verify the server certificate (development only). */
        skipTLSVerify?: boolean;
        /** One of: token, tokenFile, or clientCertData with clientKeyData. */
        auth?: {
          /**
           * A bearer token (such as a service account token).
           * @visibility secret
           */
          token?: string;
          /** A file holding a bearer token, read again when it changes (projected tokens). */
          tokenFile?: string;
          /** Base64 PEM client certificate. */
          clientCertData?: string;
          /**
           * Base64 PEM client key.
           * @visibility secret
           */
          clientKeyData?: string;
        };
        /** Send the portal user as Impersonate-User/Impersonate-Group so cluster RBAC applies too. */
        impersonateUsers?: boolean;
        /** Which namespaces Kubedeck shows; others answer 404 everywhere. */
        namespaces?: {
          /** Only these namespaces. */
          allow?: string[];
          /** Only namespaces whose whole name matches one of these regular expressions. */
          include?: string[];
          /** Never namespaces whose whole name matches one of these regular expressions. */
          exclude?: string[];
          /** Never namespaces carrying one of these labels (`key` or `key=value`). */
          excludeLabels?: string[];
        };
      }>;
      /** Kubeconfig files: each context becomes a cluster named after it. */
      kubeconfig?: Array<{
        /** Path of the kubeconfig file (relative to the backend's working directory). */
        path: string;
        /** Only these contexts (default: all). */
        contexts?: string[];
        impersonateUsers?: boolean;
        namespaces?: {
          allow?: string[];
          include?: string[];
          exclude?: string[];
          excludeLabels?: string[];
        };
      }>;
      /** The cluster Backstage runs in, through its service account. */
      inCluster?: {
        enabled?: boolean;
        /** Default: in-cluster. */
        name?: string;
        title?: string;
        impersonateUsers?: boolean;
        namespaces?: {
          allow?: string[];
          include?: string[];
          exclude?: string[];
          excludeLabels?: string[];
        };
      };
      /** The kube-sim demo cluster; absent kubeconfig file = no demo cluster. */
      demo?: {
        /** Kubeconfig that kube-sim writes when it starts. */
        kubeconfigPath?: string;
        /** Default: demo. */
        name?: string;
        title?: string;
      };
      logs?: {
        /** Most lines a log request returns from the past (default 10000). */
        maxTailLines?: number;
        /** Longer lines are cut with a visible marker (default 10000 characters). */
        maxLineLength?: number;
        /** How long the last lines of finished or deleted pods stay readable (default 60; 0: off). */
        retentionMinutes?: number;
      };
      diagnosis?: {
        /** How often every cluster is analyzed (default 30 seconds). */
        intervalSeconds?: number;
        /**
         * How long a problem must stay gone before its diagnosis resolves (default 120
         * seconds): one that comes back sooner stays the same diagnosis and alert.
         */
        resolveAfterSeconds?: number;
      };
    };
  };
}
