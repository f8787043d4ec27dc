// Original file: proto/agent.proto


export interface FailureEvent {
  'reason'?: (string);
  'message'?: (string);
  'type'?: (string);
  'count'?: (number);
  'lastTimestamp'?: (string);
}

export interface FailureEvent__Output {
  'reason': (string);
  'message': (string);
  'type': (string);
  'count': (number);
  'lastTimestamp': (string);
}
