// Original file: proto/agent.proto


export interface ClusterInfo {
  'kubernetesVersion'?: (string);
  'nodeCount'?: (number);
  'namespaces'?: (string)[];
  'crds'?: (string)[];
  'agentVersion'?: (string);
}

export interface ClusterInfo__Output {
  'kubernetesVersion': (string);
  'nodeCount': (number);
  'namespaces': (string)[];
  'crds': (string)[];
  'agentVersion': (string);
}
