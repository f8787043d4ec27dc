import {
  AlertCategory,
  Frequency,
} from '@kubedeck/plugin-notifications-common';

/** How the UI names each alert category. */
export const CATEGORY_LABELS: Record<AlertCategory, string> = {
  'alerts.critical': 'Critical',
  'alerts.security': 'Security',
  'alerts.operations': 'Operations',
  'alerts.info': 'Info',
};

/** A category's label, or the category itself when it has none (e.g. `digest`). */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as AlertCategory] ?? category;
}

/** How the UI names each frequency. */
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  immediate: 'Immediately',
  daily: 'Daily digest',
  weekly: 'Weekly digest',
  disabled: 'Disabled',
};
