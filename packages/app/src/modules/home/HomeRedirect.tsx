import { useRouteRef } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { Navigate } from 'react-router-dom';

/** Sends visitors of the portal's root to the catalog, the landing page until a home exists. */
export const HomeRedirect = () => {
  const catalogIndex = useRouteRef(catalogPlugin.routes.catalogIndex);
  return <Navigate to={catalogIndex?.() ?? '/catalog'} replace />;
};
