// Original file: proto/agent.proto


export interface RegisterRequest {
  'token'?: (string);
  'clusterName'?: (string);
  'agentVersion'?: (string);
}

export interface RegisterRequest__Output {
  'token': (string);
  'clusterName': (string);
  'agentVersion': (string);
}
