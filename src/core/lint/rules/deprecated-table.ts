// Renamed span/resource attributes, from ../shared/RULES.md (b.1, b.2): old key → replacement.
// A replacement that is itself renamed is followed to the final key (resolveRename). This is the part of
// the table most instrumentations still emit (HTTP, network, database, messaging, RPC, code, services);
// the rest of RULES.md (b) is not yet encoded.
export const RENAMES: Readonly<Record<string, { readonly to: string; readonly since: string }>> = {
  'http.method': { to: 'http.request.method', since: '1.21' },
  'http.status_code': { to: 'http.response.status_code', since: '1.21' },
  'http.url': { to: 'url.full', since: '1.21' },
  'http.scheme': { to: 'url.scheme', since: '1.21' },
  'http.target': { to: 'url.path + url.query', since: '1.21' },
  'http.host': { to: 'server.address / client.address / http.request.header.host', since: '1.21' },
  'http.server_name': { to: 'server.address', since: '1.21' },
  'http.client_ip': { to: 'client.address', since: '1.21' },
  'http.flavor': { to: 'network.protocol.name + network.protocol.version', since: '1.20' },
  'http.user_agent': { to: 'user_agent.original', since: '1.19' },
  'http.request_content_length': { to: 'http.request.header.content-length', since: '1.21' },
  'http.response_content_length': { to: 'http.response.header.content-length', since: '1.21' },
  'http.retry_count': { to: 'http.resend_count', since: '1.15' },
  'http.resend_count': { to: 'http.request.resend_count', since: '1.22' },
  'net.host.name': { to: 'server.address', since: '1.21' },
  'net.host.port': { to: 'server.port', since: '1.21' },
  'net.peer.name': { to: 'server.address (client) / client.address (server)', since: '1.21' },
  'net.peer.port': { to: 'server.port (client) / client.port (server)', since: '1.21' },
  'net.peer.ip': { to: 'network.peer.address', since: '1.26' },
  'net.host.ip': { to: 'network.local.address', since: '1.26' },
  'net.sock.peer.addr': { to: 'network.peer.address', since: '1.21' },
  'net.sock.peer.port': { to: 'network.peer.port', since: '1.21' },
  'net.sock.host.addr': { to: 'network.local.address', since: '1.21' },
  'net.sock.host.port': { to: 'network.local.port', since: '1.21' },
  'net.transport': { to: 'network.transport', since: '1.21' },
  'net.protocol.name': { to: 'network.protocol.name', since: '1.21' },
  'net.protocol.version': { to: 'network.protocol.version', since: '1.21' },
  'db.system': { to: 'db.system.name', since: '1.30' },
  'db.name': { to: 'db.namespace', since: '1.26' },
  'db.operation': { to: 'db.operation.name', since: '1.26' },
  'db.statement': { to: 'db.query.text', since: '1.26' },
  'db.sql.table': { to: 'db.collection.name', since: '1.26' },
  'db.mongodb.collection': { to: 'db.collection.name', since: '1.26' },
  'db.cassandra.table': { to: 'db.collection.name', since: '1.26' },
  'db.redis.database_index': { to: 'db.namespace', since: '1.26' },
  'db.user': { to: '(removed)', since: '1.26' },
  'db.connection_string': { to: 'server.address + server.port', since: '1.25' },
  'messaging.operation': { to: 'messaging.operation.type', since: '1.26' },
  'messaging.destination': { to: 'messaging.destination.name', since: '1.17' },
  'messaging.message_id': { to: 'messaging.message.id', since: '1.17' },
  'messaging.kafka.consumer.group': { to: 'messaging.consumer.group.name', since: '1.27' },
  'messaging.kafka.message.offset': { to: 'messaging.kafka.offset', since: '1.27' },
  'messaging.client_id': { to: 'messaging.client.id', since: '1.26' },
  'rpc.system': { to: 'rpc.system.name', since: '1.39' },
  'rpc.grpc.status_code': { to: 'rpc.status_code', since: '1.39' },
  'rpc.service': { to: 'rpc.method (fully qualified)', since: '1.39' },
  'peer.service': { to: 'service.peer.name', since: '1.39' },
  'code.function': { to: 'code.function.name', since: '1.30' },
  'code.namespace': { to: 'code.function.name', since: '1.31' },
  'code.filepath': { to: 'code.file.path', since: '1.30' },
  'code.lineno': { to: 'code.line.number', since: '1.30' },
  'code.column': { to: 'code.column.number', since: '1.30' },
  'deployment.environment': { to: 'deployment.environment.name', since: '1.27' },
  'exception.escaped': { to: '(removed: record only escaping exceptions)', since: '1.30' },
  'otel.library.name': { to: 'otel.scope.name', since: '1.21' },
  'otel.library.version': { to: 'otel.scope.version', since: '1.21' },
  'enduser.role': { to: 'user.roles', since: '1.27' },
  'container.runtime': { to: 'container.runtime.name', since: '1.37' },
  'telemetry.auto.version': { to: 'telemetry.distro.version', since: '1.22' },
};

/** Follows renames to the final key (http.retry_count → http.resend_count → http.request.resend_count). */
export function resolveRename(key: string): { to: string; since: string } | undefined {
  let hit = RENAMES[key];
  if (!hit) return undefined;
  const seen = new Set([key]);
  for (let next = RENAMES[hit.to]; next && !seen.has(hit.to); next = RENAMES[hit.to]) {
    seen.add(hit.to);
    hit = { to: next.to, since: hit.since };
  }
  return hit;
}
