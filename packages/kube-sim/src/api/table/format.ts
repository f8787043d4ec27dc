import type { KubeObject } from '../../store/types';
import { formatLabelSelector } from '../../store/labelSelector';

/** A column definition of a metav1.Table. */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  priority?: number;
  description?: string;
}

export type Cell = string | number | boolean;

/** A printer: the columns of a kind and how one object becomes a row. */
export interface Printer {
  columns: Column[];
  row(object: KubeObject, now: number): Cell[];
}

export const NONE = '<none>';

export function col(name: string, type: Column['type'] = 'string', priority = 0, format?: string): Column {
  return { name, type, ...(format ? { format } : {}), ...(priority ? { priority } : {}), description: name };
}

export const NAME = col('Name', 'string', 0, 'name');
export const AGE = col('Age');

/** Kubernetes' human-readable duration (the AGE column). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${days / 365}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

/** Age of a timestamp, or `<unknown>` when it is missing, like kubectl's translateTimestampSince. */
export function since(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string' || !timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

export function age(object: KubeObject, now: number): string {
  return since(object.metadata.creationTimestamp, now);
}

/** Reads a nested field; every step tolerates missing values. */
export function at<T = unknown>(object: unknown, ...path: Array<string | number>): T | undefined {
  let current: unknown = object;
  for (const p of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[p];
  }
  return current as T | undefined;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : NONE;
}

export function formatSelector(selector: unknown): string {
  if (!selector || typeof selector !== 'object') return NONE;
  const s = selector as Parameters<typeof formatLabelSelector>[0];
  const sorted = { ...s, matchLabels: Object.fromEntries(Object.entries(s.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) };
  return formatLabelSelector(sorted) || NONE;
}

interface Container {
  name: string;
  image?: string;
}

/** CONTAINERS and IMAGES cells of a pod template. */
export function containersAndImages(podSpec: unknown): [string, string] {
  const containers = at<Container[]>(podSpec, 'containers') ?? [];
  return [containers.map(c => c.name).join(','), containers.map(c => c.image ?? '').join(',')];
}
