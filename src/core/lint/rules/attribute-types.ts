// Registry types of the keys people most often send with the wrong type (RULES.md attribute-type-mismatch).
// The generated semantic-conventions package carries no types at runtime, so this is a hand table; every
// entry is the `type:` of the key in semconv model/<namespace>/registry.yaml (v1.44.0+main).
export type RegistryType = 'string' | 'int' | 'double' | 'boolean' | 'string[]';

const INT = [
  // model/http/registry.yaml
  'http.response.status_code', 'http.request.resend_count', 'http.request.body.size', 'http.response.body.size', 'http.request.size', 'http.response.size',
  // model/server, client, network, source, destination, url registry.yaml
  'server.port', 'client.port', 'network.peer.port', 'network.local.port', 'source.port', 'destination.port', 'url.port',
  // model/messaging/registry.yaml
  'messaging.batch.message_count', 'messaging.message.body.size', 'messaging.message.envelope.size',
  // model/db/registry.yaml
  'db.response.returned_rows', 'db.operation.batch.size',
  // model/code, process, thread registry.yaml
  'code.line.number', 'code.column.number', 'process.pid', 'process.parent_pid', 'thread.id',
  // model/gen-ai/registry.yaml
  'gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'gen_ai.request.max_tokens',
] as const;

const STRING = [
  // model/http, url, server, client, network, user-agent registry.yaml
  'http.request.method', 'http.route', 'url.full', 'url.path', 'url.query', 'url.scheme', 'url.template', 'server.address', 'client.address',
  'network.protocol.name', 'network.protocol.version', 'network.transport', 'network.type', 'network.peer.address', 'network.local.address', 'user_agent.original',
  // model/db/registry.yaml: db.response.status_code is a string (e.g. "ORA-17002"), not an int
  'db.system.name', 'db.namespace', 'db.collection.name', 'db.operation.name', 'db.query.text', 'db.query.summary', 'db.response.status_code',
  // model/rpc/registry.yaml: rpc.status_code is the status name as a string (e.g. "DEADLINE_EXCEEDED")
  'rpc.system.name', 'rpc.method', 'rpc.status_code',
  // model/messaging/registry.yaml: the partition id is a string
  'messaging.system', 'messaging.destination.name', 'messaging.operation.type', 'messaging.operation.name', 'messaging.message.id', 'messaging.destination.partition.id',
  // model/error, exception, service, telemetry, host, deployment registry.yaml
  'error.type', 'exception.type', 'exception.message', 'exception.stacktrace',
  'service.name', 'service.version', 'service.namespace', 'service.instance.id', 'telemetry.sdk.name', 'telemetry.sdk.language', 'telemetry.sdk.version',
  'host.name', 'deployment.environment.name',
] as const;

const BOOLEAN = [
  // model/messaging/registry.yaml, model/exceptions (deprecated exception.escaped), model/cassandra/registry.yaml
  'messaging.destination.temporary', 'messaging.destination.anonymous', 'messaging.kafka.message.tombstone', 'exception.escaped', 'cassandra.query.idempotent',
] as const;

const STRING_ARRAY = [
  // model/user/registry.yaml, model/process/registry.yaml
  'user.roles', 'process.command_args',
] as const;

export const REGISTRY_TYPES: ReadonlyMap<string, RegistryType> = new Map<string, RegistryType>([
  ...INT.map((k) => [k, 'int'] as const),
  ...STRING.map((k) => [k, 'string'] as const),
  ...BOOLEAN.map((k) => [k, 'boolean'] as const),
  ...STRING_ARRAY.map((k) => [k, 'string[]'] as const),
]);
