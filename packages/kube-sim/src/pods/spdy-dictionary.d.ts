declare module 'spdy-transport/lib/spdy-transport/protocol/spdy/dictionary' {
  /** SPDY header compression dictionaries by protocol version. */
  const dictionaries: Record<number, Buffer>;
  export default dictionaries;
}
