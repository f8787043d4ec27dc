import type { NextFunction, Request, Response } from 'express';

/**
 * Removes every `Impersonate-*` header from incoming requests. Backstage's
 * `/api/kubernetes/proxy` forwards a caller's headers to the cluster together with the
 * cluster's own credentials, so without this a portal user could send `kubectl --as=admin`
 * and act with whatever the cluster's service account may impersonate. Install it before
 * every other middleware of the backend's root HTTP router.
 *
 * @public
 */
export function stripImpersonationHeaders(
  req: Request,
  _res: Response,
  next: NextFunction,
) {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith('impersonate-')) {
      delete req.headers[name];
    }
  }
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase().startsWith('impersonate-')) {
      req.rawHeaders.splice(i, 2);
    }
  }
  next();
}
