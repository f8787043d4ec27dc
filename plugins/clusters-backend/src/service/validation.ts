import { z } from 'zod';

/** A query value that must compile as a regular expression. */
export const regexString = z.string().refine(
  value => {
    try {
      RegExp(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** `true`/`false`/`1`/`0` in a query string. */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform(value => value === 'true' || value === '1');

/** A Kubernetes object name or namespace (DNS label or subdomain). */
export const kubeName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    'not a valid Kubernetes name',
  );

/** A namespace name (DNS label). */
export const kubeNamespace = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'not a valid Kubernetes namespace name',
  );

/** An object kind as the API serves it, such as `Pod` or a CRD's kind. */
export const kubeKind = z
  .string()
  .regex(
    /^[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/,
    'not a valid Kubernetes kind (such as Pod or Deployment)',
  );
