// The response types live in clusters-common (shared with the backend). Until its index
// exports them, this is the one place that reaches into the package.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
export type * from '@kubedeck/plugin-clusters-common/src/api-types';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
export type * from '@kubedeck/plugin-clusters-common/src/diagnosis';
