import { decodeKubernetesProtobuf } from './decode';

/** Encodes fields the way protobuf does, to build test bodies without a protobuf library. */
function field(number: number, value: string | Buffer | number): Buffer {
  if (typeof value === 'number') return Buffer.from([number << 3, value]);
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
}

describe('decodeKubernetesProtobuf', () => {
  it('decodes the k8s envelope and the fields kubectl sends', () => {
    const labels = field(11, Buffer.concat([field(1, 'team'), field(2, 'a')]));
    const metadata = Buffer.concat([field(1, 'ns1'), field(2, ''), labels]);
    const namespace = Buffer.concat([field(1, metadata), field(2, field(1, 'kubernetes'))]);
    const envelope = Buffer.concat([field(1, Buffer.concat([field(1, 'v1'), field(2, 'Namespace')])), field(2, namespace)]);
    const body = Buffer.concat([Buffer.from('k8s\0', 'binary'), envelope]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns1', labels: { team: 'a' } },
      spec: { finalizers: ['kubernetes'] },
    });
  });

  it('refuses kinds it has no field table for with 415', () => {
    const envelope = field(1, Buffer.concat([field(1, 'v1'), field(2, 'Gizmo')]));
    expect(() => decodeKubernetesProtobuf(Buffer.concat([Buffer.from('k8s\0', 'binary'), envelope]))).toThrow(/cannot decode v1\/Gizmo/);
  });
});
