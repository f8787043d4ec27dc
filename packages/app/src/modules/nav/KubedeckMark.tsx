/**
 * The Kubedeck mark as SVG shapes in a 32×32 box: a Kubernetes-blue hexagon holding a deck of
 * three cards. Shared by the sidebar logos (and the favicon in public/favicon.svg).
 */
export const KubedeckMark = () => (
  <g>
    <path
      d="M16 1.5 28.6 8.75v14.5L16 30.5 3.4 23.25V8.75Z"
      fill="#326ce5"
      stroke="#ffffff"
      strokeWidth="1.5"
      strokeLinejoin="round"
    />
    <rect x="9" y="9" width="14" height="3.6" rx="1.2" fill="#ffffff" />
    <rect
      x="9"
      y="14.2"
      width="14"
      height="3.6"
      rx="1.2"
      fill="#ffffff"
      opacity="0.8"
    />
    <rect
      x="9"
      y="19.4"
      width="14"
      height="3.6"
      rx="1.2"
      fill="#ffffff"
      opacity="0.6"
    />
  </g>
);
