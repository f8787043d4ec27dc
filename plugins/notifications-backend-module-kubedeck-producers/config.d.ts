export interface Config {
  kubedeck?: {
    notifications?: {
      producers?: {
        /**
         * TLS secrets (`kubernetes.io/tls`) whose certificate expires within this many days
         * are announced on `alerts.security`, once a day. Default 14.
         */
        certificateExpiryDays?: number;
        /**
         * One user refused `threshold` requests for missing permissions within
         * `windowMinutes`, counted across all backend instances, is announced on
         * `alerts.security`. Defaults: 20 within 5 minutes.
         */
        permissionDenials?: {
          threshold?: number;
          windowMinutes?: number;
        };
      };
    };
  };
}
