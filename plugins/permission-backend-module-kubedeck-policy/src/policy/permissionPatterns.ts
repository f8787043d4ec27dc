/**
 * Tells whether a permission name is granted by a role.
 */
export type PermissionMatcher = (permissionName: string) => boolean;

const VALID_PATTERN = /^[A-Za-z0-9_.*-]+$/;

// Patterns hold only VALID_PATTERN characters: '.' is the one to escape.
function escapeDots(text: string): string {
  return text.replace(/\./g, '\\.');
}

/**
 * Compiles permission names and globs into one matcher. `*` stands for any
 * run of characters, dots included: `kubedeck.*` matches
 * `kubedeck.clusters.resource.read`. Matching is exact otherwise.
 *
 * @param patterns - permission names or globs
 * @param where - where the patterns come from, for error messages
 */
export function compilePermissionPatterns(
  patterns: string[],
  where: string,
): PermissionMatcher {
  if (patterns.length === 0) {
    throw new Error(`${where} must list at least one permission`);
  }
  const sources = patterns.map((pattern, index) => {
    if (!VALID_PATTERN.test(pattern)) {
      throw new Error(
        `${where}[${index}] '${pattern}' is not a permission name or glob; ` +
          `use letters, digits, '.', '-', '_' and '*'`,
      );
    }
    return pattern.split('*').map(escapeDots).join('.*');
  });
  const regex = new RegExp(`^(?:${sources.join('|')})$`);
  return permissionName => regex.test(permissionName);
}
