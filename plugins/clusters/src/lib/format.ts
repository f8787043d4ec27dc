/** `3d`, `5h`, `12m`, `40s` since an ISO time, like kubectl's AGE column. */
export function age(
  since: string | undefined,
  now: number = Date.now(),
): string {
  if (!since) {
    return '';
  }
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** `250m` CPU from millicores. */
export function formatCpu(millicores: number | undefined): string {
  if (millicores === undefined) return '—';
  return millicores >= 1000
    ? `${(millicores / 1000).toFixed(2)} cores`
    : `${Math.round(millicores)}m`;
}

/** `128 MiB` from bytes. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${
    units[unit]
  }`;
}

/** A local date-time for an ISO time, or an em dash. */
export function formatTime(time: string | undefined): string {
  return time ? new Date(time).toLocaleString() : '—';
}
