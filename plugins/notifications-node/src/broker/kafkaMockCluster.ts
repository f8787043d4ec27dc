import { ChildProcess, spawn } from 'node:child_process';

/**
 * A Kafka-protocol mock cluster from librdkafka, started through `kcat`.
 *
 * @public
 */
export interface KafkaMockCluster {
  bootstrapServers: string;
  stop(): Promise<void>;
}

/**
 * Starts librdkafka's mock cluster (one broker, topics auto-created) and resolves with its
 * bootstrap address. Requires the `kcat` binary.
 *
 * @public
 */
export function startKafkaMockCluster(): Promise<KafkaMockCluster> {
  const child: ChildProcess = spawn(
    'kcat',
    [
      '-b',
      '127.0.0.1:1',
      '-C',
      '-t',
      'kubedeck-mock-bootstrap',
      '-X',
      'test.mock.num.brokers=1',
      '-X',
      'debug=mock',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stop = () =>
    new Promise<void>(resolve => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.match(/bootstrap\.servers=(127\.0\.0\.1:\d+)/);
      if (match) {
        buffered = '';
        // Keep draining stderr so the mock's debug output never blocks it.
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve({ bootstrapServers: match[1], stop });
      }
    };
    child.stderr!.on('data', onData);
    child.once('error', error =>
      reject(
        new Error(`kcat could not start (apt-get install -y kcat): ${error}`),
      ),
    );
    child.once('exit', code => {
      if (!buffered) return;
      reject(
        new Error(`kcat exited with ${code} before the mock cluster started`),
      );
    });
  });
}
