// The file reader worker, started by the trace worker (read-ahead-client.ts): reads the files the trace worker
// decodes, ahead of it (read-ahead.ts).
import * as Comlink from 'comlink';
import { blobReadApi } from './blob-read-api.ts';

Comlink.expose(blobReadApi());
