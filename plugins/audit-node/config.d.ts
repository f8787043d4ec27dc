export interface Config {
  kubedeck?: {
    audit?: {
      /**
       * Events below this severity are logged but not stored in the audit table. Defaults to
       * `low`: every event is stored. Raise it to keep high-volume read events (such as the
       * catalog's `entity-fetch`) out of the table.
       */
      minimumSeverity?: 'low' | 'medium' | 'high' | 'critical';
    };
  };
}
