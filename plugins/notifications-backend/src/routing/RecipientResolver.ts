import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KubedeckEvent } from '@kubedeck/plugin-notifications-common';
import { PreferenceStore } from '../database';
import { TtlCache } from './TtlCache';

/** A user who receives a notification, with what personal channels need. */
export interface Recipient {
  userRef: string;
  email?: string;
  displayName?: string;
}

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);

/**
 * Decides who hears about an event: users subscribed to its cluster, namespace or category;
 * the owners of the catalog entity it belongs to (groups expanded to their members); and the
 * admins from config.
 */
export class RecipientResolver {
  readonly #usersCache = new TtlCache<string[]>(60_000);
  readonly #profiles = new TtlCache<Recipient>(60_000);

  constructor(
    private readonly options: {
      preferences: PreferenceStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      admins: string[];
    },
  ) {}

  async resolve(event: KubedeckEvent): Promise<Recipient[]> {
    const refs = new Set<string>(
      await this.options.preferences.findSubscribers({
        cluster: event.cluster,
        namespace: event.namespace,
        category: event.category,
      }),
    );
    const entityRef = event.entityRef;
    const owners = entityRef
      ? await this.#users(`owners:${entityRef}`, async () =>
          this.#expandUsers(await this.#loadOwners(entityRef)),
        )
      : [];
    const admins = await this.#users('admins', () =>
      this.#expandUsers(this.options.admins),
    );
    [...owners, ...admins].forEach(ref => refs.add(ref));
    return this.describe([...refs]);
  }

  /** Looks up email and display name of users in the catalog (cached for a minute). */
  async describe(userRefs: string[]): Promise<Recipient[]> {
    return Promise.all(
      userRefs.map(ref =>
        this.#profiles.get(ref, async () => (await this.#describe([ref]))[0]),
      ),
    );
  }

  async #describe(userRefs: string[]): Promise<Recipient[]> {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: userRefs, fields: ['kind', 'metadata', 'spec.profile'] },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return userRefs.map((userRef, i) => {
      const profile = (items[i]?.spec?.profile ?? {}) as {
        email?: string;
        displayName?: string;
      };
      return {
        userRef,
        email: profile.email,
        displayName: profile.displayName,
      };
    });
  }

  /** Users from the catalog, cached for a minute; nobody when the catalog fails. */
  async #users(key: string, load: () => Promise<string[]>): Promise<string[]> {
    try {
      return await this.#usersCache.get(key, load);
    } catch (error) {
      this.options.logger.warn(
        `Could not resolve recipients (${key}): ${error}`,
      );
      return [];
    }
  }

  async #loadOwners(entityRef: string): Promise<string[]> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    return entity ? relationTargets(entity, RELATION_OWNED_BY) : [];
  }

  /** Users stay users; groups become their direct members. */
  async #expandUsers(refs: string[]): Promise<string[]> {
    const users = new Set<string>();
    const groups: string[] = [];
    for (const ref of refs) {
      const parsed = parseEntityRef(ref, { defaultKind: 'user' });
      const normalized = stringifyEntityRef(parsed);
      if (parsed.kind.toLocaleLowerCase('en-US') === 'group')
        groups.push(normalized);
      else if (parsed.kind.toLocaleLowerCase('en-US') === 'user')
        users.add(normalized);
    }
    if (groups.length > 0) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: groups, fields: ['relations'] },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      for (const group of items) {
        if (group)
          relationTargets(group, RELATION_HAS_MEMBER).forEach(u =>
            users.add(u),
          );
      }
    }
    return [...users];
  }
}
