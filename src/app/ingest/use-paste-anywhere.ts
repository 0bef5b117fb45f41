// Ctrl+V anywhere on the page (outside text fields) loads the pasted text, or pasted files, as traces.
import { useEffect } from 'react';
import type { LoadFile } from '../../../workers/trace-store.ts';
import { isTextField } from './is-text-field.ts';

export function usePasteAnywhere(load: (files: LoadFile[]) => void): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || isTextField(document.activeElement)) return;
      const data = e.clipboardData;
      if (!data) return;
      const files = [...data.files];
      if (files.length > 0) {
        e.preventDefault();
        load(files.map((f) => ({ name: f.name || 'pasted file', data: f })));
        return;
      }
      const text = data.getData('text/plain');
      if (text.trim() === '') return;
      e.preventDefault();
      load([{ name: 'pasted text', data: text }]);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [load]);
}
