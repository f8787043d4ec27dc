export interface Config {
  kubedeck?: {
    /**
     * The Kubedeck permission policy: roles, and the users and groups that
     * hold them. Every `kubedeck.*` permission is denied unless granted here.
     */
    permissions?: {
      /**
       * Whether permissions of other plugins (catalog, kubernetes,
       * notifications...) are allowed for everyone. When false, the roles
       * decide them too. Defaults to true.
       */
      allowNonKubedeck?: boolean;
      /**
       * Roles by name. A role named like a built-in one (`viewer`, `operator`,
       * `admin`) replaces its permissions; other names add roles.
       */
      roles?: {
        [name: string]: {
          /**
           * Permission names, or globs where `*` matches anything (dots
           * included), such as `kubedeck.clusters.*`.
           */
          permissions: string[];
        };
      };
      /**
       * Who holds which role. Several assignments may match one user; their
       * grants add up.
       */
      assignments?: Array<{
        /** The name of a built-in or configured role. */
        role: string;
        /** User entity refs, such as `user:default/jane` (namespace defaults to `default`). */
        users?: string[];
        /** Group entity refs, such as `group:default/platform`; matched against the user's ownership refs. */
        groups?: string[];
        /** Only Kubernetes objects in these clusters. */
        clusters?: string[];
        /** Only Kubernetes objects in these namespaces (never cluster-scoped objects). */
        namespaces?: string[];
        /** Only Kubernetes objects of these kinds, such as `Pod`. */
        kinds?: string[];
      }>;
    };
  };
}
