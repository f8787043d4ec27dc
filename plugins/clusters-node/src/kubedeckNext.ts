// Compatibility for imports written before these exports reached index.ts; import from
// '@kubedeck/plugin-clusters-node' instead. Remove once nothing imports this path.
export * from './index';
