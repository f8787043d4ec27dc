/**
 * What every Kubedeck frontend plugin shares: content gated by a permission, which tells a user
 * without it exactly which permission they are missing, and filter bars.
 *
 * @packageDocumentation
 */
export * from './components/PermissionGate';
export * from './components/FilterBar';
