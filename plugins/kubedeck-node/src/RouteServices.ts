import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { PermissionDenialsService } from './permissionDenials';

/**
 * The core services a Kubedeck router needs for {@link authorizeUser} and {@link audited}.
 *
 * @public
 */
export type RouteServices = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** Announces refused requests; from {@link permissionDenialsServiceRef}. */
  denials?: PermissionDenialsService;
};
