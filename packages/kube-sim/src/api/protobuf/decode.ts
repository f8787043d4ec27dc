import { formatTimestamp } from '../../store/ObjectStore';
import { badRequest, ApiError } from '../status';
import { INLINE, KIND_SCHEMAS, type FieldType, type MessageSchema, type Scalar } from './schemas';
import { ProtoReader, signed } from './wire';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Value = unknown;

function decodeTime(buf: Buffer): string | undefined {
  const r = new ProtoReader(buf);
  let seconds = 0;
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1 && wire === 0) seconds = signed(r.varint());
    else r.skip(wire);
  }
  return seconds ? formatTimestamp(new Date(seconds * 1000)) : undefined;
}

function decodeIntOrString(buf: Buffer): number | string {
  const r = new ProtoReader(buf);
  let type = 0;
  let int = 0;
  let str = '';
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) type = signed(r.varint());
    else if (field === 2) int = signed(r.varint());
    else if (field === 3) str = r.bytes().toString('utf8');
    else r.skip(wire);
  }
  return type === 1 ? str : int;
}

function readScalar(r: ProtoReader, wire: number, type: Scalar): Value {
  switch (type) {
    case 's':
      return r.bytes().toString('utf8');
    case 'y':
      return r.bytes().toString('base64');
    case 'b':
      return r.varint() !== 0n;
    case 'i':
    case 'I':
      return signed(r.varint());
    case 't':
      return decodeTime(r.bytes());
    case 'q': {
      const inner = new ProtoReader(r.bytes());
      let text = '';
      while (!inner.done) {
        const tag = inner.tag();
        if (tag.field === 1) text = inner.bytes().toString('utf8');
        else inner.skip(tag.wire);
      }
      return text;
    }
    case 'n':
      return decodeIntOrString(r.bytes());
    default:
      r.skip(wire);
      return undefined;
  }
}

function readMapEntry(buf: Buffer, valueType: Scalar | MessageSchema): [string, Value] {
  const r = new ProtoReader(buf);
  let key = '';
  let value: Value = typeof valueType === 'string' && valueType === 's' ? '' : undefined;
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) key = r.bytes().toString('utf8');
    else if (field === 2) value = typeof valueType === 'string' ? readScalar(r, wire, valueType) : decodeMessage(r.bytes(), valueType);
    else r.skip(wire);
  }
  return [key, value];
}

const dropped = (type: FieldType, value: Value) =>
  value === undefined || (type === 's' && value === '') || (type === 'b' && value === false) || (type === 'i' && value === 0);

/** Decodes one message by its field table into a JSON-shaped object. */
export function decodeMessage(buf: Buffer, schema: MessageSchema): Record<string, Value> {
  const out: Record<string, Value> = {};
  const r = new ProtoReader(buf);
  while (!r.done) {
    const { field, wire } = r.tag();
    const spec = schema[field];
    if (!spec) {
      r.skip(wire);
      continue;
    }
    const [name, type, repeated] = spec;
    if (typeof type === 'object' && 'map' in type) {
      const [k, v] = readMapEntry(r.bytes(), type.map as Scalar | MessageSchema);
      out[name] = { ...((out[name] as object | undefined) ?? {}), [k]: v };
      continue;
    }
    const value = typeof type === 'string' ? readScalar(r, wire, type) : decodeMessage(r.bytes(), type);
    if (name === INLINE) Object.assign(out, value);
    else if (repeated) out[name] = [...((out[name] as Value[] | undefined) ?? []), value];
    else if (!dropped(type, value)) out[name] = value;
  }
  return out;
}

/**
 * Decodes a `application/vnd.kubernetes.protobuf` body: the `k8s\0` magic, then a runtime.Unknown
 * envelope naming apiVersion and kind around the object's bytes.
 */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, Value> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw badRequest('protobuf body without the k8s envelope');
  const r = new ProtoReader(body.subarray(4));
  let apiVersion = '';
  let kind = '';
  let raw: Buffer = Buffer.alloc(0);
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) {
      const meta = new ProtoReader(r.bytes());
      while (!meta.done) {
        const tag = meta.tag();
        if (tag.field === 1) apiVersion = meta.bytes().toString('utf8');
        else if (tag.field === 2) kind = meta.bytes().toString('utf8');
        else meta.skip(tag.wire);
      }
    } else if (field === 2) raw = r.bytes();
    else r.skip(wire);
  }
  const schema = KIND_SCHEMAS[`${apiVersion}/${kind}`];
  if (!schema) {
    throw new ApiError(415, 'UnsupportedMediaType', `kube-sim cannot decode ${apiVersion}/${kind} from protobuf; send application/json`);
  }
  return { apiVersion, kind, ...decodeMessage(raw, schema) };
}
