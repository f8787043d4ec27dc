export interface Config {
  kubedeck?: {
    secrets?: {
      /**
       * Keys that encrypt Kubedeck secrets at rest (AES-256-GCM). The first key encrypts new
       * values; every key listed decrypts, so a key can be rotated by putting a new one first and
       * keeping the old one until stored values have been re-encrypted.
       */
      keys?: Array<{
        /** Identifier stored next to each ciphertext; letters, digits, `-`, `_` and `.`. */
        id: string;
        /**
         * The key: 32 bytes in base64, or a passphrase of at least 32 characters from which a
         * key is derived.
         * @visibility secret
         */
        secret: string;
      }>;
    };
  };
}
