import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { rulesForPreset } from '@kubedeck/plugin-agent-hub-common';

const chartDir = path.resolve(__dirname, '../chart');
const read = (file: string) =>
  fs.readFileSync(path.join(chartDir, file), 'utf8');
const values = parse(read('values.yaml'));
const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(read('values.schema.json')),
);

const installValues = (overrides: Record<string, unknown> = {}) => ({
  ...values,
  hub: { ...values.hub, address: 'hub.example.com:7443' },
  clusterName: 'prod-eu',
  registration: { token: 'kdr_x' },
  ...overrides,
});

describe('agent chart', () => {
  it('has the chart metadata and every template the install needs', () => {
    expect(parse(read('Chart.yaml'))).toMatchObject({
      apiVersion: 'v2',
      name: 'kubedeck-agent',
      type: 'application',
    });
    const templates = fs
      .readdirSync(path.join(chartDir, 'templates'))
      .map(f => read(`templates/${f}`))
      .join('\n');
    for (const kind of [
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Role',
      'RoleBinding',
      'Secret',
      'Deployment',
    ]) {
      expect(templates).toMatch(new RegExp(`^kind: ${kind}$`, 'm'));
    }
    const deployment = read('templates/deployment.yaml');
    for (const field of [
      'livenessProbe:',
      'readinessProbe:',
      'path: /healthz',
      'path: /readyz',
      'resources:',
      'securityContext:',
      'serviceAccountName:',
    ]) {
      expect(deployment).toContain(field);
    }
  });

  it('grants exactly the hub presets, so the chart and the rendered manifests agree', () => {
    for (const preset of ['read-only', 'operator', 'admin'] as const) {
      expect(values.rbac.presets[preset]).toEqual(rulesForPreset(preset));
    }
  });

  it('runs as non-root with a read-only root filesystem and limits', () => {
    expect(values.podSecurityContext.runAsNonRoot).toBe(true);
    expect(values.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(values.resources.limits).toEqual({ cpu: '500m', memory: '256Mi' });
  });

  it('accepts install values and rejects what helm install would get wrong', () => {
    expect(validate(installValues())).toBe(true);
    expect(validate(values)).toBe(false); // hub.address and clusterName must be set
    expect(
      validate(installValues({ rbac: { ...values.rbac, preset: 'root' } })),
    ).toBe(false);
    expect(
      validate(
        installValues({
          rbac: { ...values.rbac, preset: 'custom', rules: [] },
        }),
      ),
    ).toBe(false);
    expect(
      validate(
        installValues({
          rbac: {
            ...values.rbac,
            preset: 'custom',
            rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
          },
        }),
      ),
    ).toBe(true);
    expect(validate(installValues({ clusterName: 'Prod EU' }))).toBe(false);
    expect(validate(installValues({ hub: { address: 'no-port' } }))).toBe(
      false,
    );
  });

  it('takes push-only mode with the portal URL, and passes it to the agent', () => {
    const push = (p: object) =>
      installValues({ push: { ...values.push, ...p } });
    expect(values.push.enabled).toBe(false);
    expect(
      validate(push({ enabled: true, url: 'https://portal.example.com' })),
    ).toBe(true);
    expect(validate(push({ enabled: true }))).toBe(false);
    expect(validate(push({ enabled: true, url: 'portal.example.com' }))).toBe(
      false,
    );
    const deployment = read('templates/deployment.yaml');
    expect(deployment).toContain('name: KUBEDECK_PUSH_URL');
    expect(deployment).toContain('.Values.push.intervalSeconds');
  });
});
