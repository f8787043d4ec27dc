import { ChannelMessage } from '@kubedeck/plugin-notifications-node';

const SEVERITY_LABEL: Record<string, string> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFO',
};

/** Hex colour per severity, for cards and attachments. */
export const SEVERITY_COLOUR: Record<string, string> = {
  critical: '#d32f2f',
  high: '#f57c00',
  medium: '#fbc02d',
  low: '#1976d2',
  info: '#607d8b',
};

/** One-line title: severity, what happened and whether it repeated or resolved. */
export function headline(message: ChannelMessage): string {
  if (message.kind === 'test') {
    return `Kubedeck test message: ${message.title}`;
  }
  if (message.kind === 'digest') {
    return message.title;
  }
  const prefix = message.resolved
    ? 'RESOLVED'
    : SEVERITY_LABEL[message.severity] ?? message.severity.toUpperCase();
  const repeats = message.count > 1 ? ` (×${message.count})` : '';
  return `[${prefix}] ${message.title}${repeats}`;
}

/** Where it happened, as label/value pairs. */
export function facts(message: ChannelMessage): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  if (message.cluster) result.push(['Cluster', message.cluster]);
  if (message.namespace) result.push(['Namespace', message.namespace]);
  if (message.object) {
    result.push(['Object', `${message.object.kind}/${message.object.name}`]);
  }
  result.push(['Category', message.category]);
  if (message.count > 1) result.push(['Occurrences', String(message.count)]);
  return result;
}

/** Plain-text body: description, facts and, for digests, the sections. */
export function plainText(message: ChannelMessage): string {
  const lines: string[] = [];
  if (message.description) {
    lines.push(message.description, '');
  }
  if (message.digest) {
    for (const section of message.digest.sections) {
      lines.push(`${section.cluster} · ${section.category}: ${section.count}`);
      for (const item of section.top) {
        const state = item.resolved ? ' (resolved)' : '';
        lines.push(`  - ${item.title} ×${item.count}${state}`);
      }
    }
  } else {
    lines.push(...facts(message).map(([k, v]) => `${k}: ${v}`));
  }
  if (message.link) {
    lines.push('', message.link);
  }
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
