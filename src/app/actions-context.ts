// The flows (actions.ts) reach components through context, so the page never imports the worker itself.
import { createContext, useContext } from 'react';
import type { Actions } from './state/actions.ts';

export const ActionsContext = createContext<Actions | null>(null);

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside <ActionsContext.Provider>');
  return actions;
}
