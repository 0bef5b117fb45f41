// Renamed span/resource attributes and enum values, from ../shared/RULES.md (b): b.1 registry `deprecated`
// entries (semconv model/**, v1.44.0+main), b.2 older schema-file renames (schemas/1.x), b.3 metric-only
// keys, b.4 the real GenAI renames, b.5 enum value renames. A replacement that is itself renamed is
// followed to the final key (resolveRename). `since` is RULES.md's text, shown to the user as is;
// sinceVersion() reads the first version in it for schema-version-mismatch.

export interface Rename {
  /** The replacement: a key, "A (client) / B (server)", "A + B" for splits, or "(removed …)". */
  readonly to: string;
  readonly since: string;
  /** b.3: a metric attribute, flagged only on spans (on a resource it is nobody's business here). */
  readonly spanOnly?: true;
}

const r = (to: string, since: string): Rename => ({ to, since });
const metric = (to: string, since: string): Rename => ({ to, since, spanOnly: true });

/** b.1: span and resource attributes the registry marks deprecated (brace groups expanded pairwise). */
const REGISTRY: Record<string, Rename> = {
  'android.state': r('android.app.state', '1.28'),
  'az.namespace': r('azure.resource_provider.namespace', '1.35'),
  'az.service_request_id': r('azure.service.request.id', '1.35'),
  'code.column': r('code.column.number', '1.30'),
  'code.filepath': r('code.file.path', '1.30'),
  'code.function': r('code.function.name', '1.30'),
  'code.lineno': r('code.line.number', '1.30'),
  'code.namespace': r('code.function.name', '1.31'),
  'container.labels': r('container.label', '1.25'),
  'container.runtime': r('container.runtime.name', '1.37'),
  'db.cassandra.consistency_level': r('cassandra.consistency.level', '1.30'),
  'db.cassandra.coordinator.dc': r('cassandra.coordinator.dc', '1.30'),
  'db.cassandra.coordinator.id': r('cassandra.coordinator.id', '1.30'),
  'db.cassandra.idempotence': r('cassandra.query.idempotent', '1.30'),
  'db.cassandra.page_size': r('cassandra.page.size', '1.30'),
  'db.cassandra.speculative_execution_count': r('cassandra.speculative_execution.count', '1.30'),
  'db.cassandra.table': r('db.collection.name', '1.26'),
  'db.connection_string': r('server.address + server.port', '1.25'),
  'db.cosmosdb.client_id': r('azure.client.id', '1.30'),
  'db.cosmosdb.connection_mode': r('azure.cosmosdb.connection.mode', '1.30'),
  'db.cosmosdb.consistency_level': r('azure.cosmosdb.consistency.level', '1.30'),
  'db.cosmosdb.container': r('db.collection.name', '1.26'),
  'db.cosmosdb.operation_type': r('(removed)', '1.29'),
  'db.cosmosdb.regions_contacted': r('azure.cosmosdb.operation.contacted_regions', '1.30'),
  'db.cosmosdb.request_charge': r('azure.cosmosdb.operation.request_charge', '1.30'),
  'db.cosmosdb.request_content_length': r('azure.cosmosdb.request.body.size', '1.30'),
  'db.cosmosdb.status_code': r('db.response.status_code', '1.28'),
  'db.cosmosdb.sub_status_code': r('azure.cosmosdb.response.sub_status_code', '1.30'),
  'db.elasticsearch.cluster.name': r('db.namespace', '1.27'),
  'db.elasticsearch.node.name': r('elasticsearch.node.name', '1.25/1.30'),
  'db.elasticsearch.path_parts': r('db.operation.parameter', '1.30'),
  'db.instance.id': r('(removed; Elasticsearch: elasticsearch.node.name)', '1.26'),
  'db.jdbc.driver_classname': r('(removed)', '1.25'),
  'db.mongodb.collection': r('db.collection.name', '1.26'),
  'db.mssql.instance_name': r('(removed)', '1.26'),
  'db.name': r('db.namespace', '1.26'),
  'db.operation': r('db.operation.name', '1.26'),
  'db.redis.database_index': r('db.namespace', '1.26'),
  'db.sql.table': r('db.collection.name', '1.26'),
  'db.statement': r('db.query.text', '1.26'),
  'db.system': r('db.system.name', '1.30'),
  'db.user': r('(removed)', '1.26'),
  'deployment.environment': r('deployment.environment.name', '1.27'),
  'enduser.role': r('user.roles', '1.27 (schema 1.37)'),
  'enduser.scope': r('(removed)', '1.27'),
  'error.message': r('(removed: use a domain-specific key, e.g. feature_flag.error.message)', '1.40'),
  'event.name': r('(removed: the LogRecord EventName field, logs only)', '1.30'),
  'exception.escaped': r('(removed: record only escaping exceptions)', '1.30'),
  'feature_flag.evaluation.error.message': r('feature_flag.error.message', '1.33'),
  'feature_flag.evaluation.reason': r('feature_flag.result.reason', '1.32'),
  'feature_flag.provider_name': r('feature_flag.provider.name', '1.33'),
  'feature_flag.variant': r('feature_flag.result.variant', '1.32'),
  'http.client_ip': r('client.address', '1.21 (reg. 1.26)'),
  'http.flavor': r('network.protocol.name + network.protocol.version', '1.20 (reg. 1.24)'),
  'http.host': r('server.address / client.address / http.request.header.host', '≤1.21 (reg. 1.26)'),
  'http.method': r('http.request.method', '1.21'),
  'http.request_content_length': r('http.request.header.content-length', '1.21'),
  'http.request_content_length_uncompressed': r('http.request.body.size', '≤1.21 (reg. 1.26)'),
  'http.response_content_length': r('http.response.header.content-length', '1.21'),
  'http.response_content_length_uncompressed': r('http.response.body.size', '≤1.21 (reg. 1.26)'),
  'http.scheme': r('url.scheme', '1.21'),
  'http.server_name': r('server.address', '≤1.21 (reg. 1.26)'),
  'http.status_code': r('http.response.status_code', '1.21'),
  'http.target': r('url.path + url.query', '1.21'),
  'http.url': r('url.full', '1.21'),
  'http.user_agent': r('user_agent.original', '1.19 (reg. 1.24)'),
  'ios.state': r('ios.app.state', '1.26'),
  'k8s.pod.labels': r('k8s.pod.label', '1.25'),
  'message.id': r('rpc.message.id', '1.26'),
  'message.type': r('rpc.message.type', '1.26'),
  'message.compressed_size': r('rpc.message.compressed_size', '1.26'),
  'message.uncompressed_size': r('rpc.message.uncompressed_size', '1.26'),
  'messaging.client_id': r('messaging.client.id', '1.26'),
  'messaging.destination_publish.anonymous': r('(removed)', '1.27'),
  'messaging.destination_publish.name': r('(removed)', '1.27'),
  'messaging.eventhubs.consumer.group': r('messaging.consumer.group.name', '1.27'),
  'messaging.kafka.consumer.group': r('messaging.consumer.group.name', '1.27'),
  'messaging.kafka.destination.partition': r('messaging.destination.partition.id', '1.25'),
  'messaging.kafka.message.offset': r('messaging.kafka.offset', '1.27'),
  'messaging.operation': r('messaging.operation.type', '1.26'),
  'messaging.rocketmq.client_group': r('messaging.consumer.group.name', '1.27'),
  'messaging.servicebus.destination.subscription_name': r('messaging.destination.subscription.name', '1.27'),
  'net.host.ip': r('network.local.address', '1.13→net.sock.*; 1.26'),
  'net.host.name': r('server.address', '1.21'),
  'net.host.port': r('server.port', '1.21'),
  'net.peer.ip': r('network.peer.address', '1.13→net.sock.*; 1.26'),
  'net.peer.name': r('server.address (client) / client.address (server)', '1.21'),
  'net.peer.port': r('server.port (client) / client.port (server)', '1.21'),
  'net.protocol.name': r('network.protocol.name', '1.21'),
  'net.protocol.version': r('network.protocol.version', '1.21'),
  'net.sock.family': r('network.transport + network.type', '1.21'),
  'net.sock.host.addr': r('network.local.address', '1.21'),
  'net.sock.host.port': r('network.local.port', '1.21'),
  'net.sock.peer.addr': r('network.peer.address', '1.21'),
  'net.sock.peer.name': r('(removed)', '1.21'),
  'net.sock.peer.port': r('network.peer.port', '1.21'),
  'net.transport': r('network.transport', '1.21'),
  'otel.library.name': r('otel.scope.name', '1.21'),
  'otel.library.version': r('otel.scope.version', '1.21'),
  'peer.service': r('service.peer.name', '1.39'),
  'process.executable.build_id.profiling': r('process.executable.build_id.htlhash', '1.29'),
  'rpc.connect_rpc.error_code': r('rpc.status_code', '1.39'),
  'rpc.connect_rpc.request.metadata': r('rpc.request.metadata', '1.39'),
  'rpc.connect_rpc.response.metadata': r('rpc.response.metadata', '1.39'),
  'rpc.grpc.request.metadata': r('rpc.request.metadata', '1.39'),
  'rpc.grpc.response.metadata': r('rpc.response.metadata', '1.39'),
  'rpc.grpc.status_code': r('rpc.status_code', '1.39'),
  'rpc.jsonrpc.error_code': r('rpc.status_code', '1.39'),
  'rpc.jsonrpc.error_message': r('(removed: the span status description)', '1.39'),
  'rpc.jsonrpc.request_id': r('jsonrpc.request.id', '1.39'),
  'rpc.jsonrpc.version': r('jsonrpc.protocol.version', '1.39'),
  'rpc.message.id': r('(removed)', '1.40'),
  'rpc.message.type': r('(removed)', '1.40'),
  'rpc.message.compressed_size': r('(removed)', '1.40'),
  'rpc.message.uncompressed_size': r('(removed)', '1.40'),
  'rpc.response.status_code': r('rpc.status_code', 'after 1.44 (unreleased)'),
  'rpc.service': r('rpc.method (fully qualified)', '1.39'),
  'rpc.system': r('rpc.system.name', '1.39'),
  'tls.client.server_name': r('server.address', '1.27'),
  'vcs.repository.change.id': r('vcs.change.id', '1.29'),
  'vcs.repository.change.title': r('vcs.change.title', '1.29'),
  'vcs.repository.ref.name': r('vcs.ref.head.name', '1.29'),
  'vcs.repository.ref.revision': r('vcs.ref.head.revision', '1.29'),
  'vcs.repository.ref.type': r('vcs.ref.head.type', '1.29'),
};

/** b.2: renames only the older schema files know (schemas/1.x `rename_attributes`), gone from the registry. */
const SCHEMA_FILES: Record<string, Rename> = {
  'db.cassandra.keyspace': r('db.namespace', '1.8'),
  'db.hbase.namespace': r('db.namespace', '1.8'),
  'http.retry_count': r('http.resend_count', '1.15'),
  'http.resend_count': r('http.request.resend_count', '1.22'),
  'messaging.destination': r('messaging.destination.name', '1.17'),
  'messaging.temp_destination': r('messaging.destination.temporary', '1.17'),
  'messaging.message_id': r('messaging.message.id', '1.17'),
  'messaging.conversation_id': r('messaging.message.conversation_id', '1.17'),
  'messaging.message_payload_size_bytes': r('messaging.message.body.size', '1.17'),
  'messaging.protocol': r('network.protocol.name', '1.17'),
  'messaging.protocol_version': r('network.protocol.version', '1.17'),
  'messaging.rabbitmq.routing_key': r('messaging.rabbitmq.destination.routing_key', '1.17'),
  'messaging.kafka.message_key': r('messaging.kafka.message.key', '1.17'),
  'messaging.kafka.tombstone': r('messaging.kafka.message.tombstone', '1.17'),
  'messaging.kafka.partition': r('messaging.destination.partition.id', '1.17'),
  'messaging.kafka.consumer_group': r('messaging.kafka.consumer.group', '1.17'),
  'messaging.rocketmq.message_type': r('messaging.rocketmq.message.type', '1.17'),
  'messaging.rocketmq.message_tag': r('messaging.rocketmq.message.tag', '1.17'),
  'messaging.rocketmq.message_keys': r('messaging.rocketmq.message.keys', '1.17'),
  'messaging.destination_kind': r('(removed)', '1.17'),
  'messaging.consumer_id': r('(removed)', '1.17'),
  'messaging.message_payload_compressed_size_bytes': r('(removed)', '1.17'),
  'faas.execution': r('faas.invocation_id', '1.19'),
  'faas.id': r('cloud.resource_id', '1.19'),
  'browser.user_agent': r('user_agent.original', '1.19'),
  'messaging.kafka.client_id': r('messaging.client.id', '1.21'),
  'messaging.rocketmq.client_id': r('messaging.client.id', '1.21'),
  'net.host.connection.type': r('network.connection.type', '1.21'),
  'net.host.connection.subtype': r('network.connection.subtype', '1.21'),
  'net.host.carrier.name': r('network.carrier.name', '1.21'),
  'net.host.carrier.mcc': r('network.carrier.mcc', '1.21'),
  'net.host.carrier.mnc': r('network.carrier.mnc', '1.21'),
  'net.host.carrier.icc': r('network.carrier.icc', '1.21'),
  'telemetry.auto.version': r('telemetry.distro.version', '1.22'),
  'io.state': r('ios.app.state', '1.31'),
  // Schema 1.26 also maps enduser.id → user.id, but enduser.id is current again: deliberately absent.
};

/** b.3: metric attributes, flagged only when they turn up on spans. */
const METRIC_ONLY: Record<string, Rename> = {
  'container.cpu.state': metric('cpu.mode', '1.27'),
  'process.cpu.state': metric('cpu.mode', '1.27'),
  'system.cpu.state': metric('cpu.mode', '1.27'),
  'system.cpu.logical_number': metric('cpu.logical_number', '1.38'),
  'system.network.state': metric('network.connection.state', '1.30'),
  'system.paging.type': metric('system.paging.fault.type', '1.38'),
  'process.paging.fault_type': metric('system.paging.fault.type', '1.38'),
  'system.process.status': metric('process.state', '1.38'),
  'system.processes.status': metric('process.state', '1.25'),
  'process.context_switch_type': metric('process.context_switch.type', '1.38'),
  'linux.memory.slab.state': metric('system.memory.linux.slab.state', '1.39'),
  'db.client.connections.pool.name': metric('db.client.connection.pool.name', '1.27'),
  'db.client.connections.state': metric('db.client.connection.state', '1.27'),
  'pool.name': metric('db.client.connection.pool.name', '1.26'),
  'state': metric('db.client.connection.state', '1.26'),
};

/**
 * b.4: the real GenAI renames. The other GenAI/MCP/OpenAI keys are marked deprecated in 1.42 only because
 * they moved to the GenAI semconv repository: they are not flagged.
 */
const GEN_AI: Record<string, Rename> = {
  'gen_ai.system': r('gen_ai.provider.name', '1.37'),
  'gen_ai.usage.prompt_tokens': r('gen_ai.usage.input_tokens', '1.27'),
  'gen_ai.usage.completion_tokens': r('gen_ai.usage.output_tokens', '1.27'),
  'gen_ai.openai.request.seed': r('gen_ai.request.seed', '1.30'),
  'gen_ai.openai.request.response_format': r('gen_ai.output.type', '1.31'),
  'gen_ai.openai.request.service_tier': r('openai.request.service_tier', '1.37'),
  'gen_ai.openai.response.service_tier': r('openai.response.service_tier', '1.37'),
  'gen_ai.openai.response.system_fingerprint': r('openai.response.system_fingerprint', '1.37'),
  'gen_ai.prompt': r('(removed)', '1.28'),
  'gen_ai.completion': r('(removed)', '1.28'),
};

/** A table lookup that ignores Object.prototype (an attribute may well be called `constructor`). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export const RENAMES: Readonly<Record<string, Rename>> = { ...REGISTRY, ...SCHEMA_FILES, ...METRIC_ONLY, ...GEN_AI };

/** Follows renames to the final key (http.retry_count → http.resend_count → http.request.resend_count). */
export function resolveRename(key: string): Rename | undefined {
  let hit = own(RENAMES, key);
  if (!hit) return undefined;
  const seen = new Set([key]);
  for (let next = own(RENAMES, hit.to); next && !seen.has(hit.to); next = own(RENAMES, hit.to)) {
    seen.add(hit.to);
    hit = { ...hit, to: next.to };
  }
  return hit;
}

/** The first version a `since` text names, as [major, minor]; "after 1.44" is read as 1.45. */
export function sinceVersion(since: string): readonly [number, number] | undefined {
  const m = /(?<!\d)(\d+)\.(\d+)/.exec(since);
  if (!m) return undefined;
  const v: [number, number] = [Number(m[1]), Number(m[2])];
  return since.startsWith('after ') ? [v[0], v[1] + 1] : v;
}

/**
 * b.5: enum values renamed within a key, with the key's deprecated aliases (db.system values moved to
 * db.system.name in the 1.30 clean-up, matched by product). '' means the value was dropped with no
 * standard replacement.
 */
const DB_SYSTEM_VALUES: Record<string, string> = {
  mssql: 'microsoft.sql_server', db2: 'ibm.db2', oracle: 'oracle.db', cosmosdb: 'azure.cosmosdb', dynamodb: 'aws.dynamodb',
  redshift: 'aws.redshift', spanner: 'gcp.spanner', hanadb: 'sap.hana', maxdb: 'sap.maxdb', informix: 'ibm.informix',
  netezza: 'ibm.netezza', h2: 'h2database', firebird: 'firebirdsql', ingres: 'actian.ingres', adabas: 'softwareag.adabas',
  cache: 'intersystems.cache', intersystems_cache: 'intersystems.cache', cloudscape: 'other_sql', firstsql: 'other_sql', mssqlcompact: 'other_sql',
};
const RPC_SYSTEM_VALUES: Record<string, string> = { apache_dubbo: 'dubbo', connect_rpc: 'connectrpc', java_rmi: '', dotnet_wcf: '', onc_rpc: '' };
const GEN_AI_SYSTEM_VALUES: Record<string, string> = { vertex_ai: 'gcp.vertex_ai', gemini: 'gcp.gemini' };
const CLOUD_PLATFORM_VALUES: Record<string, string> = Object.fromEntries(
  ['vm', 'aks', 'functions', 'app_service', 'container_apps', 'container_instances', 'openshift'].map((p) => [`azure_${p}`, `azure.${p}`]),
);
const MESSAGING_OPERATION_VALUES: Record<string, string> = { publish: 'send', deliver: 'process' };

export const ENUM_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'messaging.operation.type': MESSAGING_OPERATION_VALUES,
  'messaging.operation': MESSAGING_OPERATION_VALUES,
  'db.system.name': DB_SYSTEM_VALUES,
  'db.system': DB_SYSTEM_VALUES,
  'rpc.system.name': RPC_SYSTEM_VALUES,
  'rpc.system': RPC_SYSTEM_VALUES,
  'cloud.platform': CLOUD_PLATFORM_VALUES,
  'gen_ai.provider.name': GEN_AI_SYSTEM_VALUES,
  'gen_ai.system': GEN_AI_SYSTEM_VALUES,
  'os.type': { z_os: 'zos' },
};

/** The current key and value for a renamed enum value (az.ai.* → azure.ai.* is a prefix rename). */
export function resolveEnumRename(key: string, value: string): { key: string; value: string } | undefined {
  const current = resolveRename(key)?.to ?? key;
  const values = own(ENUM_RENAMES, key);
  const hit = values ? own(values, value) : undefined;
  if (hit !== undefined) return { key: current, value: hit };
  if ((key === 'gen_ai.system' || key === 'gen_ai.provider.name') && value.startsWith('az.ai.')) return { key: current, value: `azure.ai.${value.slice(6)}` };
  return undefined;
}
