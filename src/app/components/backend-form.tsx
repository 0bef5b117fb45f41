// Backend settings (Tempo or Jaeger base URL, optional headers such as X-Scope-OrgID or Authorization).
// Saved in sessionStorage only: never in the URL, gone with the tab.
import { useState } from 'react';
import type { BackendSettings } from '../../../workers/backend.ts';
import { headerLines, parseHeaderLines, readBackendSettings, writeBackendSettings } from '../backend-settings.ts';

export function BackendForm({ onSaved }: { onSaved: (settings: BackendSettings) => void }) {
  const saved = readBackendSettings();
  const [kind, setKind] = useState<BackendSettings['kind']>(saved?.kind ?? 'auto');
  const [baseUrl, setBaseUrl] = useState(saved?.baseUrl ?? '');
  const [headers, setHeaders] = useState(headerLines(saved?.headers));
  return (
    <form
      className="backend-form"
      data-testid="backend-form"
      onSubmit={(e) => {
        e.preventDefault();
        const settings: BackendSettings = { kind, baseUrl: baseUrl.trim(), headers: parseHeaderLines(headers) };
        writeBackendSettings(settings);
        onSaved(settings);
      }}
    >
      <label>
        <span>Backend</span>
        <select data-testid="backend-kind" value={kind} onChange={(e) => setKind(e.target.value as BackendSettings['kind'])}>
          <option value="auto">Tempo or Jaeger (try both)</option>
          <option value="tempo">Grafana Tempo</option>
          <option value="jaeger">Jaeger</option>
        </select>
      </label>
      <label>
        <span>Base URL</span>
        <input data-testid="backend-url" type="url" required placeholder="https://tempo.example.internal" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <label>
        <span>Headers</span>
        <textarea data-testid="backend-headers" rows={2} spellCheck={false} placeholder={'X-Scope-OrgID: team-a\nAuthorization: Bearer …'} value={headers} onChange={(e) => setHeaders(e.target.value)} />
      </label>
      <p className="muted small">Headers stay in this tab's session storage, never in the URL.</p>
      <button type="submit" className="button" data-testid="backend-save">Save</button>
    </form>
  );
}
