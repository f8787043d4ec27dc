/**
 * Permissions, types and secret redaction shared by the Kubedeck audit plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './types';
export * from './redact';
