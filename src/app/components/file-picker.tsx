// A real <input type="file" multiple>: the files chosen together load together (and merge).
import { useRef } from 'react';
import { useActions } from '../actions-context.ts';

export function FilePicker() {
  const actions = useActions();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <label className="button primary file-picker">
      Open files…
      <input
        ref={inputRef}
        data-testid="file-input"
        type="file"
        multiple
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          if (files.length > 0) void actions.loadFiles(files.map((f) => ({ name: f.name, data: f })), 'user');
          // Let the same file be chosen again.
          if (inputRef.current) inputRef.current.value = '';
        }}
      />
    </label>
  );
}
