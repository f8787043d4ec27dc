export * from './types';
export { InMemoryObjectStore, createObjectStore, qualifiedResource, formatTimestamp } from './ObjectStore';
export type { InMemoryObjectStoreOptions } from './ObjectStore';
export { compileLabelSelector, parseLabelSelector, formatLabelSelector } from './labelSelector';
export type { LabelMatcher, LabelRequirement } from './labelSelector';
export { compileFieldSelector, parseFieldSelector, fieldValue } from './fieldSelector';
export { cloneJson, deepEqual, deepFreeze, thaw } from './objects';
