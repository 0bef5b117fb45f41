// Paste anywhere loads traces, except where the user is typing: there paste must do what it always does.
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'file', 'radio', 'range', 'reset', 'submit', 'color'].includes(target.type);
  return target instanceof HTMLSelectElement;
}
