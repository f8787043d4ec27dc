export interface Config {
  kubedeck?: {
    notifications?: {
      producers?: {
        /**
         * TLS secrets (`kubernetes.io/tls`) whose certificate expires within this many days
         * are announced on `alerts.security`, once a day. Default 14.
         */
        certificateExpiryDays?: number;
      };
    };
  };
}
