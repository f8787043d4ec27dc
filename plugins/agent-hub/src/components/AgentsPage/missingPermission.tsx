/** Tooltip text for an action the user may not take. */
export function missingPermission(name: string): string {
  return `Missing permission ${name}`;
}
